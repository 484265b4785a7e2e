"""The CLI contract of ``search`` and ``related``: the exact JSON shape, readable text, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from petcasefinder.cli import main

RESULT_KEYS = {"pmid", "doi", "title", "year", "species", "score", "matched_signs", "why"}


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _check_shape(d: dict[str, Any]) -> None:
    assert set(d) == {"query", "understood", "results", "summary", "notice"}
    assert isinstance(d["query"], str)
    u = d["understood"]
    assert set(u) == {"species", "signs", "age", "sex", "breed"}
    assert all(set(s) == {"said", "term"} and all(isinstance(v, str) for v in s.values()) for s in u["signs"])
    for k in ("species", "age", "sex", "breed"):
        assert u[k] is None or isinstance(u[k], str)
    for r in d["results"]:
        assert set(r) == RESULT_KEYS
        assert r["pmid"] is None or isinstance(r["pmid"], str)
        assert r["doi"] is None or isinstance(r["doi"], str)
        assert isinstance(r["title"], str) and isinstance(r["why"], str)
        assert r["year"] is None or isinstance(r["year"], int)
        assert isinstance(r["score"], float)
        assert all(isinstance(x, str) for x in r["species"] + r["matched_signs"])
    assert d["summary"] is None or isinstance(d["summary"], dict)
    assert d["notice"] is None or isinstance(d["notice"], str)


def test_search_json_contract(demo_db: Path) -> None:
    res = _run("search", "my cat is blocked and can't pee", "--json", "--db", str(demo_db))
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    _check_shape(d)
    assert d["understood"]["species"] == "cat"
    assert d["results"] and all("cat" in r["species"] for r in d["results"])
    if d["summary"] is not None:
        keys = {r["pmid"] or r["doi"] for r in d["results"]}
        assert all(set(s["cites"]) <= keys for s in d["summary"]["sentences"])


def test_search_species_and_limit_options(demo_db: Path) -> None:
    res = _run("search", "vomiting", "--species", "dog", "--limit", "2", "--json", "--db", str(demo_db))
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    _check_shape(d)
    assert len(d["results"]) <= 2 and all("dog" in r["species"] for r in d["results"])


def test_related_json_contract(demo_db: Path) -> None:
    res = _run("related", "42604803", "--limit", "3", "--json", "--db", str(demo_db))
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    _check_shape(d)
    assert all(r["pmid"] != "42604803" for r in d["results"])


def test_search_text_listing(demo_db: Path) -> None:
    res = _run("search", "my dog has been throwing up and there is blood in his poop", "--db", str(demo_db))
    assert res.exit_code == 0, res.output
    assert res.output.startswith("We understood: dog")
    assert "1. " in res.output and "https://pubmed.ncbi.nlm.nih.gov/" in res.output


@pytest.mark.parametrize("text", ["", "   ", "!!!???", "x" * 501])
def test_bad_query_is_one_line_error(demo_db: Path, text: str) -> None:
    res = CliRunner().invoke(main, ["search", text, "--json", "--db", str(demo_db)])
    assert res.exit_code != 0
    out = res.output.strip()
    assert out.startswith("Error:") and "\n" not in out and "Traceback" not in out


@pytest.mark.parametrize("text", ['"vomiting AND', "NEAR(blood vomiting)", "vomit* (dog)", "a OR b NOT c"])
def test_fts_syntax_is_plain_words_in_cli(demo_db: Path, text: str) -> None:
    res = _run("search", text, "--json", "--db", str(demo_db))
    assert res.exit_code == 0, res.output
    _check_shape(json.loads(res.output))


def test_related_unknown_id_is_one_line_error(demo_db: Path) -> None:
    res = CliRunner().invoke(main, ["related", "12345", "--db", str(demo_db)])
    assert res.exit_code != 0
    assert res.output.strip().startswith("Error:") and "\n" not in res.output.strip()


def test_no_padding_in_cli(demo_db: Path) -> None:
    res = _run("search", "my hamster has wet tail", "--json", "--db", str(demo_db))
    d = json.loads(res.output)
    assert d["results"] == [] and d["notice"]
