"""``search``, ``related``, ``evaluate search`` and ``bench search``: thin shells over petcasefinder.search."""

from __future__ import annotations

import json
import tempfile
import textwrap
from pathlib import Path

import click

from ..records import SearchResponse
from . import bench, db_option, emit_json, evaluate, main, open_store


def _render(resp: SearchResponse) -> str:
    from ..search import describe

    lines = [describe(resp.understood)]
    if resp.notice:
        lines += textwrap.wrap("Note: " + resp.notice, 100)
    for n, h in enumerate(resp.results, 1):
        ident = f"PMID {h.pmid}" if h.pmid else (f"doi:{h.doi}" if h.doi else "")
        lines.append("")
        lines.append(f"{n}. {h.title} ({h.year or 'n.d.'}; {', '.join(h.species) or 'species not stated'}; {ident})")
        lines += textwrap.wrap(h.why, 96, initial_indent="   ", subsequent_indent="   ")
        if h.pmid:
            lines.append(f"   https://pubmed.ncbi.nlm.nih.gov/{h.pmid}/")
    if resp.summary is not None:
        lines += ["", "What was tried in these cases:"]
        for s in resp.summary.sentences:
            lines += textwrap.wrap(f"- {s.text} [{', '.join(s.cites)}]", 100, subsequent_indent="  ")
        for c in resp.summary.caveats:
            lines += textwrap.wrap(f"! {c}", 100, subsequent_indent="  ")
    return "\n".join(lines)


@main.command("search")
@click.argument("text")
@click.option("--species", default=None, help="Only this species (overrides what the text names).")
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True, help="Most results.")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract instead of a listing.")
@db_option
def search_cmd(text: str, species: str | None, limit: int, as_json: bool, db: Path | None) -> None:
    """Find veterinary case reports from an owner's words, e.g. "my old cat is drinking a lot"."""
    from ..search import search

    with open_store(db) as store:
        resp = search(store, text, species=species, limit=limit)
    if as_json:
        emit_json(resp.to_json())
    else:
        click.echo(_render(resp))


@main.command("related")
@click.argument("key")
@click.option("--limit", type=click.IntRange(1, 100), default=10, show_default=True, help="Most results.")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON contract instead of a listing.")
@db_option
def related_cmd(key: str, limit: int, as_json: bool, db: Path | None) -> None:
    """Cases like the case with this PMID (or DOI): same species, shared signs and diagnosis."""
    from ..search import related

    with open_store(db) as store:
        resp = related(store, key, limit=limit)
    if as_json:
        emit_json(resp.to_json())
    else:
        click.echo(_render(resp))


@evaluate.command("search")
@db_option
@click.option("--queries", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Labelled queries (default: eval/queries.jsonl).")
@click.option("--no-variants", is_flag=True, help="Only bm25s, dense and full (skip the ablation rows).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate_search(db: Path | None, queries: Path | None, no_variants: bool, as_json: bool) -> None:
    """nDCG@10, P@5, MRR and wrong-species rate: bm25s baseline, dense only and the full pipeline."""
    from ..evaluate.search import DEFAULT_QUERIES, evaluate, load_queries, render
    from ..fixtures import build_demo
    from ..index.embeddings import get_embedder
    from ..index.sqlite import Store
    from ..lexicon import load as load_lexicon

    qs = load_queries(queries or DEFAULT_QUERIES)
    lexicon = load_lexicon()
    embedder, notice = get_embedder()
    with tempfile.TemporaryDirectory(prefix="pcf-eval-") as tmp:
        if db is None:
            store = Store(Path(tmp) / "demo.db")
            build_demo(store)
        else:
            store = open_store(db)
        with store:
            report = evaluate(store, lexicon, embedder, qs, variants=not no_variants)
    if notice:
        report["notice"] = notice
    if as_json:
        emit_json(report)
    else:
        click.echo(render(report))
        if notice:
            click.echo(notice)


@bench.command("search")
@click.option("--records", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Records to grow the corpus to (perturbed copies of the real ones).")
@click.option("--rounds", type=click.IntRange(min=1), default=3, show_default=True,
              help="Times each labelled query is run.")
@click.option("--source-db", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Grow from this database instead of building the demo one.")
@click.option("--no-summary", is_flag=True, help="Time search without the summary of what was tried.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
def bench_search(records: int, rounds: int, source_db: Path | None, no_summary: bool, as_json: bool) -> None:
    """Query latency (p50/p95/p99), QPS, build rate and peak RSS at N records, with a bm25s baseline."""
    from ..benchsearch import bench as run_bench
    from ..evaluate.search import DEFAULT_QUERIES, load_queries

    texts = [q.text for q in load_queries(DEFAULT_QUERIES)]
    out = run_bench(records, source_db=source_db, queries=texts, rounds=rounds, summarise=not no_summary,
                    notes=lambda m: click.echo(m, err=True))
    if as_json:
        click.echo(json.dumps(out))
    else:
        b = out["baseline"]
        click.echo(
            f"{out['records']} records: p50 {out['p50_ms']} ms, p95 {out['p95_ms']} ms, p99 {out['p99_ms']} ms, "
            f"{out['qps']} queries/s; build {out['build_s']} s ({out['build_records_per_s']} records/s), "
            f"saved index loads in {out['index_load_s']} s; "
            f"peak RSS {out['peak_rss_mb']} MB\nbm25s baseline: p50 {b['p50_ms']} ms, p95 {b['p95_ms']} ms, "
            f"p99 {b['p99_ms']} ms, {b['qps']} queries/s"
        )
