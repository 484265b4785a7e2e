"""``classify`` and ``evaluate classify``: thin shells over petcasefinder.classify."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from pathlib import Path

import click

from ..errors import MalformedRecord, NotFound, PetCaseError
from ..records import Article
from ..settings import find_shared_data
from . import db_option, emit_json, evaluate, existing_db, main, open_store, resolve_keys


def _emit(articles: Iterable[Article], as_json: bool) -> int:
    from .. import classify
    from ..lexicon import load

    lexicon = load()
    n = 0
    for a in articles:
        c = classify.classify(a, lexicon)
        n += 1
        if as_json:
            emit_json(c.to_json(a), lines=True)
            continue
        verdict = "VCR" if c.is_veterinary_case_report else "not VCR"
        click.echo(f"{a.key or '-'}  {verdict}  {c.article_type}  [{', '.join(c.species) or c.patient}]  "
                   f"{c.confidence:.2f}  {a.title[:90]}")
        for r in c.reasons:
            click.echo(textwrap.fill(r, 110, initial_indent="    - ", subsequent_indent="      "))
    return n


@main.command("classify")
@click.option("--pmid", "pmids", multiple=True, metavar="ID", help="A stored record (PMID, DOI or PMCID); repeatable.")
@click.option("--all", "all_", is_flag=True, help="Every stored record.")
@click.option("--file", "file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Classify the records of a file (any ingest format) without touching the database.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line (the classify contract).")
@db_option
def classify_cmd(pmids: tuple[str, ...], all_: bool, file: Path | None, as_json: bool, db: Path | None) -> None:
    """Say whether records are veterinary case reports, of which species, and why."""
    if file is not None:
        if pmids or all_:
            raise PetCaseError("give either --file or --pmid/--all, not both")
        from ..ingest.readers import read_path

        result = read_path(file)
        for m in result.malformed:
            click.echo(f"skipped malformed record: {m}", err=True)
        if not result.records:
            first = f": {result.malformed[0].error}" if result.malformed else ""
            raise MalformedRecord(f"{file}: no readable records{first}")
        _emit(result.records, as_json)
        return
    if not pmids and not all_:
        raise PetCaseError("say what to classify: --pmid ID (repeatable), --all, or --file FILE")
    with open_store(existing_db(db)) as store:
        if all_:
            _emit((a for _, a in store.iter_articles()), as_json)
            return
        _emit((store.article(i) for i in resolve_keys(store, pmids)), as_json)


@evaluate.command("classify")
@click.option("--split", "split_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Split definition (default: eval/classify_split.json).")
@click.option("--labels", "labels_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A held-out label file (e.g. eval/classify_heldout.jsonl): score it instead of the split.")
@click.option("--records", "record_paths", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where the held-out texts are: a database (.db) or a file in any ingest format; repeatable.")
@click.option("--pubmed-query", is_flag=True, help="Print PubMed queries (one per line) that fetch the held-out records.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate_classify(split_file: Path | None, labels_file: Path | None, record_paths: tuple[Path, ...],
                      pubmed_query: bool, as_json: bool) -> None:
    """Precision, recall, F1 and species accuracy on the untouched split, then on the tuning split."""
    from .. import classify
    from ..evaluate import classify as ev
    from ..lexicon import load

    if labels_file is not None or record_paths or pubmed_query:
        _evaluate_heldout(labels_file or ev.HELDOUT_FILE, record_paths, pubmed_query, as_json)
        return
    shared = find_shared_data()
    if shared is None:
        raise NotFound("shared data folder not found: set PETCASEFINDER_SHARED_DATA")
    split_path = split_file or ev.SPLIT_FILE
    splits = ev.load_split(shared, split_path)
    lexicon = load()
    scores = [ev.score(name, splits[name], lexicon) for name in ("test", "tune")]
    if as_json:
        emit_json({"version": classify.VERSION, "splits": [s.to_json() for s in scores],
                   "history": ev.history(split_path)})
    else:
        click.echo(ev.report(scores, ev.history(split_path)))


def _held_texts(paths: tuple[Path, ...]) -> list[Article]:
    """The records of databases and ingest-format files, in the order given (the first copy of a paper wins)."""
    from ..ingest.readers import read_path

    out: list[Article] = []
    for path in paths:
        if path.suffix == ".db":
            with open_store(existing_db(path)) as store:
                out.extend(a for _, a in store.iter_articles())
        else:
            out.extend(read_path(path).records)
    return out


def _evaluate_heldout(labels_file: Path, paths: tuple[Path, ...], query_only: bool, as_json: bool) -> None:
    from .. import classify
    from ..evaluate import classify as ev
    from ..lexicon import load

    labels = ev.load_labels(labels_file)
    if query_only:
        for q in ev.pubmed_queries(labels):
            click.echo(q)
        return
    if not paths:
        raise NotFound(f"{labels_file} holds labels only (the texts are publishers'); fetch them with "
                       f"`petcasefinder evaluate classify --labels {labels_file} --pubmed-query | while read -r q; "
                       f"do petcasefinder harvest --source pubmed --db heldout.db --query \"$q\"; done` "
                       f"and pass --records heldout.db")
    found, missing = ev.heldout(labels, _held_texts(paths))
    if not found:
        raise NotFound(f"none of the {len(labels)} labelled papers is in {', '.join(map(str, paths))}")
    scores = ev.score("heldout", found, load())
    if as_json:
        emit_json({"version": classify.VERSION, "labels": str(labels_file), "labelled": len(labels),
                   "missing_texts": missing, "splits": [scores.to_json()]})
        return
    click.echo(ev.report([scores], [f"{labels_file}: {len(labels)} labelled, {len(found)} with texts"
                                    + (f", {len(missing)} missing: {' '.join(missing[:10])}" if missing else "")]))
