"""``petcasefinder classify`` and ``petcasefinder evaluate classify`` on real files and a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from petcasefinder.cli import main
from petcasefinder.index.sqlite import Store
from petcasefinder.ingest.readers import read_path

KEYS = ["pmid", "doi", "title", "is_veterinary_case_report", "article_type", "patient", "species", "confidence",
        "reasons"]


@pytest.fixture
def vet_db(tmp_path: Path, shared: Path) -> Path:
    path = tmp_path / "vet.db"
    with Store(path) as s:
        for rel in ("vet-case-reports-github/records.jsonl", "vet-case-reports-github/vet-negatives.jsonl"):
            s.upsert(read_path(shared / rel).records)
    return path


def _lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_classify_file_json_lines_without_a_database(shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["classify", "--file", str(shared / "vet-case-reports-github/vet-negatives.jsonl"),
                                  "--json"])
    assert r.exit_code == 0, r.output
    rows = _lines(r.output)
    assert len(rows) == 10
    assert all(list(row) == KEYS for row in rows)
    assert not list(tmp_path.iterdir())  # no database was created


def test_classify_pmids_from_the_store(vet_db: Path) -> None:
    r = CliRunner().invoke(main, ["classify", "--pmid", "42396252", "--pmid", "42717639", "--json", "--db", str(vet_db)])
    assert r.exit_code == 0, r.output
    rows = _lines(r.output)
    assert [(x["pmid"], x["is_veterinary_case_report"], x["species"]) for x in rows] == [
        ("42396252", True, ["dog"]), ("42717639", True, ["cat"])]


def test_classify_all_and_plain_listing(vet_db: Path) -> None:
    r = CliRunner().invoke(main, ["classify", "--all", "--json", "--db", str(vet_db)])
    assert r.exit_code == 0 and len(_lines(r.output)) == 41
    r = CliRunner().invoke(main, ["classify", "--pmid", "42396252", "--db", str(vet_db)])
    assert r.exit_code == 0 and "42396252  VCR  case report  [dog]" in r.output and "    - " in r.output


def test_unknown_pmid_is_one_line_and_non_zero(vet_db: Path) -> None:
    r = CliRunner().invoke(main, ["classify", "--pmid", "99999999", "--json", "--db", str(vet_db)])
    assert r.exit_code != 0
    assert r.output.strip().splitlines() == ["Error: unknown PMID/DOI/PMCID: 99999999"]


def test_missing_arguments_and_bad_files_are_one_line_errors(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["classify", "--json", "--db", str(tmp_path / "x.db")])
    assert r.exit_code != 0 and len(r.output.strip().splitlines()) == 1 and "--pmid" in r.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["classify", "--file", str(bad), "--json"])
    assert r.exit_code != 0 and "no readable records" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(main, ["classify", "--pmid", "1", "--db", str(tmp_path / "missing.db")])
    assert r.exit_code != 0 and "database not found" in r.output and not (tmp_path / "missing.db").exists()


def test_evaluate_classify_prints_the_figures() -> None:
    r = CliRunner().invoke(main, ["evaluate", "classify", "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    test, tune = d["splits"]
    assert (test["split"], tune["split"]) == ("test", "tune")
    assert test["records"] == 551 and tune["records"] == 1601
    for s in (test, tune):
        assert {"precision", "recall", "f1", "species_exact_match", "confusion"} <= set(s)
        assert "Human-case-report" in s["confusion"]
