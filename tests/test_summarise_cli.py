"""``summarise ID... --json`` over a real SQLite file holding hand-built cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from petcasefinder.cli import main
from petcasefinder.index.sqlite import Store
from petcasefinder.records import Case
from petcasefinder.summarise import check_support, summarise
from test_summarise_cases import cushings_case, gdv_cases, imha_case


def store_cases(path: Path, cases: list[Case]) -> None:
    with Store(path) as s:
        s.upsert([c.article for c in cases])
        for c in cases:
            row = s.find(c.key)
            assert row is not None and c.classification is not None and c.findings is not None
            s.save_classification(row, c.classification, "test")
            s.save_findings(row, c.findings, "test")


def test_summarise_json_prints_the_summary_contract(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    cases = gdv_cases()
    store_cases(db, cases)
    out = CliRunner().invoke(main, ["summarise", *(c.key for c in cases), "--db", str(db), "--json"])
    assert out.exit_code == 0, out.output
    got = json.loads(out.output)
    assert got == summarise(cases).to_json()
    assert got["cases_used"] == 4
    assert got["sentences"][0] == {"text": "We found 4 case reports about dogs.",
                                   "cites": ["90001", "90002", "90003", "90004"]}
    assert got["caveats"][-1] == "This is not a diagnosis. Talk to your vet."


def test_summarise_by_doi_and_as_text(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    case = imha_case(doi_only=True)
    store_cases(db, [case, cushings_case()])
    out = CliRunner().invoke(main, ["summarise", "10.9999/test.30", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "The dog got a steroid (prednisolone). [10.9999/test.30]" in out.output
    assert "This is not a diagnosis. Talk to your vet." in out.output


def test_stored_and_reloaded_cases_still_pass_the_check(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    store_cases(db, [*gdv_cases(), cushings_case()])
    with Store(db) as s:
        loaded = s.cases([r for r in (s.find(k) for k in ("90010", "90001", "90003")) if r is not None])
    report = check_support(summarise(loaded), loaded)
    assert report.unsupported == () and report.sentences >= 8


def test_unknown_id_is_one_line_and_non_zero(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    store_cases(db, gdv_cases())
    out = CliRunner().invoke(main, ["summarise", "90001", "424242", "--db", str(db), "--json"])
    assert out.exit_code != 0
    assert out.output.strip().splitlines() == ["Error: unknown PMID/DOI/PMCID: 424242"]


def test_evaluate_summary_on_the_demo_database(demo_db: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The real pipeline end to end: search results' summaries are cited, supported and readable."""
    monkeypatch.setenv("PETCASEFINDER_EMBEDDINGS", "none")  # lexical + concepts: fast, same summaries' rules
    queries = tmp_path / "q.jsonl"
    queries.write_text("\n".join(json.dumps(q) for q in [
        {"id": "a", "query": "my dog has been throwing up and there is blood in his poop", "species": "dog"},
        {"id": "b", "query": "dog with yellow eyes and yellow skin on and off for months", "species": "dog"},
        {"id": "c", "query": "my cat is wobbly and the vet thinks it is FIP", "species": "cat"},
        {"id": "d", "query": "my horse is colicking", "species": "horse"},
    ]) + "\n")
    out = CliRunner().invoke(main, ["evaluate", "summary", "--db", str(demo_db), "--queries", str(queries),
                                    "--json"])
    assert out.exit_code == 0, out.output
    got = json.loads(out.output)
    for name in ("queries", "groups"):
        fig = got[name]
        assert fig["with_sentences"] >= 2, name
        assert fig["share_cited"] == 1.0
        assert fig["citation_support"] == 1.0
        assert fig["unsupported_claims"] == 0
        assert fig["cites_outside_results"] == 0
        assert got["met"][name] == {"share_cited": True, "citation_support": True, "unsupported_claims": True,
                                    "mean_grade": True}
    assert got["queries"]["summaries"] == 4
