"""``case PMID`` and ``evaluate extract``: thin shells over petcasefinder.extract."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import NotFound
from ..index.sqlite import Store
from ..records import Case
from ..settings import find_shared_data
from . import db_option, emit_json, evaluate, existing_db, main, open_store, resolve_keys


def load_case(store: Store, key: str) -> Case:
    """A stored case with its findings; findings missing or stale for a case report are computed and stored."""
    from .. import extract
    from ..lexicon import load

    case_id = resolve_keys(store, [key])[0]
    case = store.case(case_id)
    lexicon = None
    if case.classification is None or case_id in store.stale("classifications", _classify_version()):
        from .. import classify

        lexicon = load()
        store.save_classification(case_id, classify.classify(case.article, lexicon), classify.VERSION)
        case = store.case(case_id)
    assert case.classification is not None
    if case.classification.is_veterinary_case_report and (
        case.findings is None or case_id in store.stale("findings", extract.VERSION)
    ):
        lexicon = lexicon or load()
        store.save_findings(case_id, extract.extract(case.article, case.classification, lexicon), extract.VERSION)
        case = store.case(case_id)
    return case


def _classify_version() -> str:
    from .. import classify

    return str(classify.VERSION)


def _render(case: Case) -> str:
    a, f = case.article, case.findings
    lines = [f"{a.key}  {a.title}", f"{a.journal or ''} {a.year or ''}".strip()]
    if f is None:
        verdict = "not a veterinary case report" if case.classification else "not classified"
        return "\n".join(lines + [f"(no findings: {verdict})"])
    s = f.signalment
    neuter = None if s.neutered is None else ("neutered" if s.neutered else "intact")
    who = ", ".join(str(x) for x in (s.species, s.breed, s.age, s.sex, neuter) if x)
    lines.append(f"animal: {who or 'not stated'}" + (f" ({s.animals} animals)" if s.animals and s.animals > 1 else ""))
    lines.append("signs: " + ("; ".join(f"{x.lay} ({x.term})" for x in f.signs) or "none stated"))
    lines.append("diagnosis: " + ("; ".join(f"{x.term}" + (" (suspected)" if x.certainty != "confirmed" else "")
                                            for x in f.diagnosis) or "none stated"))
    lines.append("treatments: " + ("; ".join(f"{x.lay} [{x.kind}]" for x in f.treatments) or "none stated"))
    o = f.outcome
    lines.append(f"outcome: {o.status}" + (f", follow-up {o.follow_up}" if o.follow_up else ""))
    return "\n".join(lines)


@main.command("case")
@click.argument("key", metavar="PMID")
@click.option("--json", "as_json", is_flag=True, help="Print the case as JSON (the case contract).")
@db_option
def case_cmd(key: str, as_json: bool, db: Path | None) -> None:
    """Show one stored case: the record, its classification and what happened (signs, diagnosis, treatments, outcome)."""
    with open_store(existing_db(db)) as store:
        case = load_case(store, key)
    if as_json:
        emit_json(case.to_json())
    else:
        click.echo(_render(case))


@evaluate.command("extract")
@click.option("--gold", "gold_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Hand annotations (default: eval/extract_gold.jsonl; eval/extract_heldout_human.jsonl is a "
                   "held-out check on human case reports, treatments and outcome only).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--details", is_flag=True, help="Also list every difference from the annotations.")
def evaluate_extract(gold_file: Path | None, as_json: bool, details: bool) -> None:
    """Per-field precision and recall of extraction on the hand-annotated case reports."""
    from ..evaluate import extract as ev
    from ..lexicon import load

    shared = find_shared_data()
    if shared is None:
        raise NotFound("shared data folder not found: set PETCASEFINDER_SHARED_DATA")
    path = gold_file or ev.GOLD_FILE
    report = ev.evaluate(ev.load_gold(path), ev.load_articles(shared), load())
    if as_json:
        emit_json(report.to_json())
    else:
        click.echo(ev.format_report(report, path, details))
