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


def _label_file(tmp_path: Path, shared: Path) -> tuple[Path, int, int]:
    """Labels (no texts) for the shared vet records, written the way eval/classify_heldout.jsonl is."""
    lines = []
    pos = [json.loads(x) for x in (shared / "vet-case-reports-github/records.jsonl").read_text().splitlines()]
    neg = [json.loads(x) for x in (shared / "vet-case-reports-github/vet-negatives.jsonl").read_text().splitlines()]
    for d in pos:
        lines.append({"pmid": d["pmid"], "is_vcr": True, "label": "vet case report", "species": [d["species_hint"]]})
    for d in neg:
        lines.append({"pmid": d["pmid"], "is_vcr": False, "label": d["study_type"]})
    lines.append({"pmid": "1", "is_vcr": False, "label": "review"})  # no text anywhere: reported, not guessed
    path = tmp_path / "labels.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    return path, len(pos), len(neg)


def test_evaluate_heldout_labels_against_a_file_and_a_database(tmp_path: Path, shared: Path, vet_db: Path) -> None:
    labels, n_pos, n_neg = _label_file(tmp_path, shared)
    r = CliRunner().invoke(main, ["evaluate", "classify", "--labels", str(labels), "--records", str(vet_db), "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    (s,) = d["splits"]
    assert d["labelled"] == n_pos + n_neg + 1 and d["missing_texts"] == ["1"]
    assert s["tp"] + s["fn"] == n_pos and s["tn"] + s["fp"] == n_neg
    assert s["species_checked"] == s["tp"]
    # the same records read from their ingest files score the same
    files = [str(shared / "vet-case-reports-github" / f) for f in ("records.jsonl", "vet-negatives.jsonl")]
    r2 = CliRunner().invoke(main, ["evaluate", "classify", "--labels", str(labels), "--json",
                                   "--records", files[0], "--records", files[1]])
    assert r2.exit_code == 0, r2.output
    assert json.loads(r2.output)["splits"] == d["splits"]
    text = CliRunner().invoke(main, ["evaluate", "classify", "--labels", str(labels), "--records", str(vet_db)])
    assert "heldout" in text.output and "1 missing: 1" in text.output


def test_evaluate_heldout_without_texts_says_how_to_fetch_them(tmp_path: Path, shared: Path) -> None:
    labels, n_pos, n_neg = _label_file(tmp_path, shared)
    r = CliRunner().invoke(main, ["evaluate", "classify", "--labels", str(labels)])
    assert r.exit_code != 0 and "--pubmed-query" in r.output and "Traceback" not in r.output
    q = CliRunner().invoke(main, ["evaluate", "classify", "--labels", str(labels), "--pubmed-query"])
    queries = q.output.splitlines()
    assert q.exit_code == 0 and all(line.endswith("[uid]") for line in queries)
    assert sum(line.count("[uid]") for line in queries) == n_pos + n_neg + 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"pmid": "5", "is_vcr": true}\n')
    r = CliRunner().invoke(main, ["evaluate", "classify", "--labels", str(bad), "--records", str(labels)])
    assert r.exit_code != 0 and "bad.jsonl:1" in r.output and "species" in r.output
    bad.write_text("not json\n")
    r = CliRunner().invoke(main, ["evaluate", "classify", "--labels", str(bad), "--records", str(labels)])
    assert r.exit_code != 0 and "bad.jsonl:1: not JSON" in r.output


def test_heldout_labels_keyed_by_title_join_texts_copied_from_anywhere(tmp_path: Path, shared: Path) -> None:
    """A paper seen on a table of contents has no PMID: its label carries the title's hash and its citation.
    The same paper fetched from PubMed later (other case, punctuation, markup, closing full stop) still joins."""
    from petcasefinder.evaluate import classify as ev

    pos = [json.loads(x) for x in (shared / "vet-case-reports-github/records.jsonl").read_text().splitlines()][:3]
    assert ev.title_key("Hemoperitoneum in a <i>dog</i> with lymphoma.") == ev.title_key("HEMOPERITONEUM in a dog "
                                                                                          "with lymphoma")
    assert ev.title_key("Lymphoma in a dog") != ev.title_key("Lymphoma in a cat")
    labels = [{"title_sha256": ev.title_key(d["title"]), "is_vcr": True, "species": [d["species_hint"]],
               "citation": {"journal": "Can Vet J", "year": 2024, "volume": "65", "page": str(100 + i)}}
              for i, d in enumerate(pos)]
    labels.append({"title_sha256": ev.title_key("A paper nobody has"), "is_vcr": False, "label": "review",
                   "citation": {"journal": "Can Vet J", "year": 2020, "volume": "61", "page": "7"}})
    label_file = tmp_path / "labels.jsonl"
    label_file.write_text("".join(json.dumps(x) + "\n" for x in labels))
    texts = tmp_path / "texts.jsonl"  # as copied: another title style, a local id in place of a PMID
    texts.write_text("".join(json.dumps({"pmid": f"L{i}", "title": d["title"].upper().rstrip(".") + ".",
                                         "abstract": d["abstract"]}) + "\n" for i, d in enumerate(pos)))
    r = CliRunner().invoke(main, ["evaluate", "classify", "--labels", str(label_file), "--records", str(texts),
                                  "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    (s,) = d["splits"]
    assert s["tp"] + s["fn"] == 3 and s["tn"] + s["fp"] == 0
    assert d["missing_texts"] == ["Can Vet J 2020 61 7"]
    q = CliRunner().invoke(main, ["evaluate", "classify", "--labels", str(label_file), "--pubmed-query"])
    assert q.exit_code == 0 and q.output.splitlines()[0] == '"Can Vet J"[journal] AND 65[vi] AND 100[pg]'
    assert len(q.output.splitlines()) == 4
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"is_vcr": false, "label": "review"}\n')
    r = CliRunner().invoke(main, ["evaluate", "classify", "--labels", str(bad), "--records", str(texts)])
    assert r.exit_code != 0 and "title_sha256" in r.output


def test_errors_name_a_record_without_pmid_by_its_doi(tmp_path: Path, shared: Path) -> None:
    """A Scopus or Web of Science export has DOIs, no PMIDs: an error line must still say which record it is."""
    from petcasefinder.evaluate import classify as ev

    d = json.loads((shared / "vet-case-reports-github/records.jsonl").read_text().splitlines()[0])
    label_file = tmp_path / "labels.jsonl"  # labelled "not a case report" on purpose, so the record is an error
    label_file.write_text(json.dumps({"title_sha256": ev.title_key(d["title"]), "is_vcr": False, "label": "review"})
                          + "\n")
    texts = tmp_path / "texts.jsonl"
    texts.write_text(json.dumps({"doi": "10.9999/no-pmid.1", "title": d["title"], "abstract": d["abstract"]}) + "\n")
    r = CliRunner().invoke(main, ["evaluate", "classify", "--labels", str(label_file), "--records", str(texts)])
    assert r.exit_code == 0, r.output
    assert "false positive doi:10.9999/no-pmid.1 (review)" in r.output, r.output
