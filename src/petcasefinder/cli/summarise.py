"""``summarise ID...`` and ``evaluate summary``: the summary of chosen cases, and its measured quality."""

from __future__ import annotations

import tempfile
from pathlib import Path

import click

from ..summarise import summarise
from . import db_option, emit_json, evaluate, existing_db, main, open_store, resolve_keys


@main.command("summarise")
@click.argument("ids", nargs=-1, required=True)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary object as JSON.")
def summarise_cmd(ids: tuple[str, ...], db: Path | None, as_json: bool) -> None:
    """Summarise what was tried in the cases with these PMIDs (or DOIs), every sentence cited."""
    with open_store(existing_db(db)) as store:
        cases = store.cases(resolve_keys(store, ids))
    summary = summarise(cases)
    if as_json:
        emit_json(summary.to_json())
        return
    for s in summary.sentences:
        click.echo(f"{s.text} [{', '.join(s.cites)}]")
    click.echo("")
    for c in summary.caveats:
        click.echo(f"- {c}")
    used = summary.cases_used
    click.echo(f"(reading grade {summary.reading_grade:.1f}; {used} case{'' if used == 1 else 's'} used)")


@evaluate.command("summary")
@db_option
@click.option("--queries", "queries_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="JSON Lines of queries (default: eval/queries.jsonl).")
@click.option("--limit", type=click.IntRange(min=1, max=100), default=10, show_default=True,
              help="Results per query (the summary is built from these).")
@click.option("--show-problems", is_flag=True, help="List every unsupported claim found.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate_summary(db: Path | None, queries_path: Path | None, limit: int, show_problems: bool,
                     as_json: bool) -> None:
    """Reading grade and citation faithfulness of summaries over the query set (and over case groups)."""
    from ..evaluate import summary as ev

    queries = ev.load_queries(queries_path or ev.DEFAULT_QUERIES)
    with tempfile.TemporaryDirectory(prefix="petcase-eval-") as tmp:
        if db is None:
            from ..fixtures import build_demo

            store = open_store(Path(tmp) / "demo.db")
            build_demo(store)
            where = "demo database built from ../shared/data"
        else:
            store = open_store(db)
            where = str(db)
        with store:
            on_queries = ev.over_queries(store, queries, limit)
            on_groups = ev.over_groups(store)
    fig_q, fig_g = ev.figures(on_queries), ev.figures(on_groups)
    if as_json:
        emit_json({"database": where, "queries": fig_q, "groups": fig_g, "targets": ev.TARGETS,
                   "met": {"queries": ev.verdicts(fig_q), "groups": ev.verdicts(fig_g)}})
        return
    click.echo(f"summary evaluation on {where}")
    for line in ev.render(f"search queries ({len(queries)}, top {limit} results each)", fig_q):
        click.echo(line)
    for line in ev.render("case groups (each case alone, each species, each shared diagnosis)", fig_g):
        click.echo(line)
    if show_problems:
        for p in ev.problems(on_queries) + ev.problems(on_groups):
            click.echo(f"! {p}")
