"""``case PMID --json`` and ``evaluate extract`` through the real CLI on real SQLite files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from petcasefinder import extract
from petcasefinder.cli import main
from petcasefinder.index.sqlite import Store
from petcasefinder.ingest.readers import read_path
from petcasefinder.pipeline import process

PMID = "42604803"  # hypothalamic hypoadrenocorticism in a toy poodle


@pytest.fixture(scope="module")
def processed_db(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    """The shared case reports and veterinary negatives, classified and extracted at ingest (no embeddings)."""
    path = tmp_path_factory.mktemp("extract") / "cases.db"
    with Store(path) as s:
        for name in ("records.jsonl", "vet-negatives.jsonl"):
            s.upsert(read_path(shared / "vet-case-reports-github" / name).records)
        process(s, embed=False)
    return path


def test_case_json_contract(processed_db: Path) -> None:
    r = CliRunner().invoke(main, ["case", PMID, "--json", "--db", str(processed_db)])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert set(d) == {"pmid", "doi", "title", "journal", "year", "authors", "affiliations", "abstract", "links",
                      "classification", "findings"}
    assert d["pmid"] == PMID and set(d["links"]) == {"europepmc", "pubmed", "doi"}
    f = d["findings"]
    assert set(f) == {"signalment", "signs", "diagnosis", "treatments", "outcome"}
    assert {"species", "breed", "age", "sex", "neutered", "animals"} <= set(f["signalment"])
    assert f["signalment"]["species"] == "dog" and f["signalment"]["age"] == "7 years"
    assert {s["term"] for s in f["signs"]} == {"abdominal distension", "polydipsia", "polyuria"}
    assert [(t["name"], t["kind"], t["lay"]) for t in f["treatments"]] == [
        ("prednisolone", "drug", "a steroid (prednisolone)")]
    assert f["outcome"]["status"] == "stable" and f["outcome"]["follow_up"] == "1 year"
    for item in f["signs"] + f["diagnosis"] + f["treatments"] + [f["outcome"]]:
        assert set(item) >= {"evidence"} and item["evidence"] in d["title"] + "\n" + d["abstract"]


def test_case_findings_are_stored_at_ingest(processed_db: Path) -> None:
    with Store(processed_db) as s:
        case_id = s.find(PMID)
        assert case_id is not None
        assert s.case(case_id).findings is not None
        assert case_id not in s.stale("findings", extract.VERSION)


def test_missing_findings_are_computed_on_demand_and_stored(tmp_path: Path, shared: Path) -> None:
    path = tmp_path / "fresh.db"
    with Store(path) as s:
        s.upsert(read_path(shared / "vet-case-reports-github" / "records.jsonl").records)
        case_id = s.find(PMID)
        assert case_id is not None and s.case(case_id).findings is None
    r = CliRunner().invoke(main, ["case", PMID, "--json", "--db", str(path)])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["findings"]["outcome"]["status"] == "stable"
    with Store(path) as s:
        assert s.case(case_id).findings is not None


def test_unknown_pmid_is_one_line_and_non_zero(processed_db: Path) -> None:
    r = CliRunner().invoke(main, ["case", "99999999", "--json", "--db", str(processed_db)])
    assert r.exit_code != 0
    assert r.output.strip().count("\n") == 0 and "99999999" in r.output and "Traceback" not in r.output


def test_case_text_view(processed_db: Path) -> None:
    r = CliRunner().invoke(main, ["case", PMID, "--db", str(processed_db)])
    assert r.exit_code == 0 and "drinking a lot (polydipsia)" in r.output and "outcome: stable" in r.output


def test_evaluate_extract_prints_per_field_figures() -> None:
    r = CliRunner().invoke(main, ["evaluate", "extract"])
    assert r.exit_code == 0, r.output
    for name in ("signs", "diagnosis", "treatments", "outcome_status", "species", "breed", "age", "sex",
                 "neutered", "animals"):
        assert any(line.startswith(name) for line in r.output.splitlines()), name
    j = CliRunner().invoke(main, ["evaluate", "extract", "--json"])
    d = json.loads(j.output)
    assert d["records"] == 31 and d["fields"]["treatments"]["precision"] >= 0.9
