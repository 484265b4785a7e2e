"""CLI for getting records in: ``ingest``, ``harvest``, ``stats`` and ``bench ingest``.

Thin shells over ``ingest.load`` and ``ingest.harvest``; counts go to stdout,
progress and malformed one-liners to stderr.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import click

from ..errors import HarvestError, MalformedRecord, NotFound, QueryError
from ..index.sqlite import Store
from ..ingest.harvest import Progress, harvest, parse_since
from ..ingest.load import IngestReport, ingest_files, shared_record_files
from ..ingest.readers import read_path
from ..settings import Settings, find_shared_data
from . import bench, db_option, emit_json, main, open_store

_RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson", ".xml"}


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    """Files as given; a folder stands for its record files (.json, .jsonl, .xml), sorted."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in _RECORD_SUFFIXES))
        else:
            out.append(p)
    return out


def _shared_files() -> list[Path]:
    shared = find_shared_data()
    if shared is None:
        raise NotFound("shared data folder not found (set PETCASEFINDER_SHARED_DATA)")
    files: list[Path] = shared_record_files(shared)
    return files


def _summary(r: IngestReport) -> str:
    c = r.counts
    line = (f"read {c.read}  new {c.new}  updated {c.updated}  unchanged {c.unchanged}  "
            f"malformed {len(r.malformed)}")
    if r.ids.read:
        line += (f"\nid-only entries {r.ids.read}: {r.ids.matched} merged into stored records "
                 f"({r.ids.enriched} gained an id), {len(r.ids.unmatched)} not stored (ids without a title)")
    return line


@main.command("ingest")
@click.argument("files", nargs=-1, type=click.Path(exists=True, path_type=Path))
@db_option
@click.option("--shared", is_flag=True, help="Also load every record file of the shared data folder.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def ingest_cmd(files: tuple[Path, ...], db: Path | None, shared: bool, as_json: bool) -> None:
    """Load record files: Europe PMC JSON/XML, PubMed XML, JSON Lines (format sniffed from content)."""
    paths = _expand(files) + (_shared_files() if shared else [])
    if not paths:
        raise click.UsageError("no .json, .jsonl or .xml files in the given folder(s)" if files
                               else "give at least one FILE (or --shared)")
    with open_store(db) as store:
        report = ingest_files(store, paths)
    for m in report.malformed:
        click.echo(f"malformed: {m}", err=True)
    if as_json:
        emit_json(report.to_json())
    else:
        click.echo(_summary(report))
    if report.counts.read == 0 and not report.ids.read and report.malformed:
        raise MalformedRecord(f"nothing could be read ({len(report.malformed)} malformed; first: {report.malformed[0]})")


@main.command("harvest")
@click.option("--source", type=click.Choice(["europepmc", "pubmed"]), default="europepmc", show_default=True)
@click.option("--query", help="Search query in the source's own syntax (default: veterinary case reports).")
@click.option("--since", metavar="DATE", help="Only records first indexed on or after DATE (YYYY-MM-DD).")
@click.option("--max", "max_records", type=click.IntRange(min=1),
              help="Stop this run after about N records (the last page is asked to fit; never a gap).")
@click.option("--page-size", type=click.IntRange(1, 1000),
              help="Europe PMC pageSize (default 1000) or PubMed efetch batch (default 200).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@db_option
def harvest_cmd(source: str, query: str | None, since: str | None, max_records: int | None,
                page_size: int | None, as_json: bool, db: Path | None) -> None:
    """Fetch records from Europe PMC or PubMed; killed or failed runs resume where they stopped."""
    if query is not None and not query.strip():
        raise QueryError("--query is empty")
    since_date = parse_since(since)
    settings = Settings.from_env().harvest
    kw: dict[str, Any] = {"query": query, "since": since_date, "max_records": max_records}
    if page_size:
        kw["page_size"] = page_size
    progress = Progress(source)
    with open_store(db) as store:
        try:
            report = harvest(source, store, settings, progress=progress, **kw)
        except HarvestError as e:
            raise HarvestError(f"{e} (pages stored so far are kept; run the same command again to resume)") from None
        finally:
            progress.close()
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    if as_json:
        emit_json(report.to_json())
        return
    c = report.counts
    state = "complete" if report.finished else "stopped at --max; run again to continue"
    click.echo(f"{source}: {report.done} of {report.total if report.total is not None else '?'} hits stored "
               f"({'resumed, ' if report.resumed else ''}{report.pages} pages this run: new {c.new}, "
               f"updated {c.updated}, unchanged {c.unchanged}, malformed {report.malformed}); {state}")


@main.command("stats")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats_cmd(db: Path | None, as_json: bool) -> None:
    """Counts of records by source, malformed inputs, harvests and pipeline results."""
    path = db or Settings.from_env().db_path
    if not path.exists():
        raise NotFound(f"no database at {path} (run `petcasefinder ingest` or `build` first)")
    with open_store(path) as store:
        s = store.stats()
    if as_json:
        emit_json(s)
        return
    for k, v in s.items():
        if isinstance(v, dict):
            v = ", ".join(f"{a}: {b}" for a, b in v.items()) or "-"
        elif isinstance(v, list):
            v = "; ".join(f"{h['name'][:60]} {h['done']}/{h['total']}{' done' if h['finished'] else ''}"
                          for h in v) or "-"
        click.echo(f"{k}: {v}")


@bench.command("ingest")
@click.option("--repeat", type=click.IntRange(1, 20), default=3, show_default=True, help="Runs; the best counts.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def bench_ingest(repeat: int, as_json: bool) -> None:
    """Time ingesting every shared record file into a fresh temporary database (records/s)."""
    files = _shared_files()
    best: dict[str, Any] | None = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        parsed = sum(len(read_path(f).records) for f in files)
        t_parse = time.perf_counter() - t0
        with tempfile.TemporaryDirectory() as d, Store(Path(d) / "bench.db") as store:
            t1 = time.perf_counter()
            report = ingest_files(store, files)
            t_all = time.perf_counter() - t1
        run = {
            "files": len(files), "records": report.counts.read, "unique": report.counts.new,
            "malformed": len(report.malformed), "seconds": round(t_all, 3),
            "records_per_s": round(report.counts.read / t_all, 1),
            "parse_only_records_per_s": round(parsed / t_parse, 1),
        }
        if best is None or run["seconds"] < best["seconds"]:
            best = run
    assert best is not None
    best.update(repeat=repeat, python=sys.version.split()[0], sqlite=sqlite3.sqlite_version,
                command="petcasefinder bench ingest --json")
    if as_json:
        emit_json(best)
    else:
        click.echo(f"ingest: {best['records']} records ({best['unique']} unique) from {best['files']} files "
                   f"in {best['seconds']} s = {best['records_per_s']:,} records/s "
                   f"(parsing alone {best['parse_only_records_per_s']:,} records/s; best of {repeat})")
