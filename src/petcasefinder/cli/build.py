"""``petcasefinder build``: make a ready-to-serve database in one step.

Offline from ``../shared/data`` when that folder is there (the demo corpus),
otherwise by harvesting Europe PMC with the default veterinary-case-report query.
Either way the derived stages (classify, extract, embed) run afterwards, so
``serve`` starts on a complete database.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..fixtures import build_demo
from ..pipeline import process
from ..settings import Settings, find_shared_data
from . import db_option, emit_json, main, open_store


def _progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty() and (done == total or done % 50 == 0):
        click.echo(f"\r{stage}: {done}/{total}", err=True, nl=done == total)


@main.command()
@db_option
@click.option(
    "--source",
    type=click.Choice(["auto", "shared", "harvest"]),
    default="auto",
    show_default=True,
    help="auto: ../shared/data when present, else harvest Europe PMC.",
)
@click.option("--max", "max_records", type=click.IntRange(min=1), default=2000, show_default=True,
              help="Most records to harvest when harvesting.")
@click.option("--json", "as_json", is_flag=True, help="Print the build report as JSON.")
def build(db: Path | None, source: str, max_records: int, as_json: bool) -> None:
    """Build the database (ingest, classify, extract, embed) ready for `serve`."""
    store = open_store(db)
    shared = find_shared_data()
    if source == "shared" and shared is None:
        raise click.ClickException("shared data folder not found (set PETCASEFINDER_SHARED_DATA)")
    with store:
        if source == "shared" or (source == "auto" and shared is not None):
            rep = build_demo(store, shared, progress=_progress)
            report = {
                "source": str(shared),
                **rep.ingest.to_json(),
                "classified": rep.processed.classified,
                "extracted": rep.processed.extracted,
                "embedded": rep.processed.embedded,
                "notice": rep.processed.embed_notice,
            }
        else:
            from ..ingest.harvest import Progress, harvest

            prog = Progress("harvest europepmc")
            try:
                hr = harvest("europepmc", store, Settings.from_env().harvest, max_records=max_records, progress=prog)
            finally:
                prog.close()
            processed = process(store, progress=_progress)
            report = {
                **hr.to_json(),
                "classified": processed.classified,
                "extracted": processed.extracted,
                "embedded": processed.embedded,
                "notice": processed.embed_notice,
            }
        stats = store.stats()
    report["records"] = stats["records"]
    report["veterinary_case_reports"] = stats["veterinary_case_reports"]
    if as_json:
        emit_json(report)
        return
    click.echo(
        f"built {store.path}: {report['records']} records, {report['veterinary_case_reports']} veterinary case reports"
        f" ({report['read']} read, {report['new']} new, {report.get('malformed', 0)} malformed;"
        f" {report['classified']} classified, {report['extracted']} extracted, {report['embedded']} embedded)"
    )
    if report.get("notice"):
        click.echo(f"note: {report['notice']}")
