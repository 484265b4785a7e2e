"""Test data for the site tests: a copy of the demo database plus one hostile record.

The hostile record's title and abstract carry ``<script>`` and ``<img onerror>``;
it is classified by the real pipeline and, if the classifier does not already
call it a veterinary case report, marked as one directly, so it appears in
search results and on its case page like any other case.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from petcasefinder import classify
from petcasefinder.index.sqlite import Store
from petcasefinder.pipeline import process
from petcasefinder.records import Article, Classification

HOSTILE_PMID = "99999901"
HOSTILE = Article(
    title=(
        "Persistent vomiting in a dog <script>window.__pwned = 'title'</script> "
        "<img src=x onerror=\"window.__pwned='img-title'\"> treated with <i>maropitant</i>: a case report"
    ),
    abstract=(
        "A 6-year-old neutered male Labrador retriever dog was presented with persistent vomiting and "
        "lethargy for two weeks. <script>window.__pwned = 'abstract'; alert('xss')</script> "
        "Abdominal ultrasonography revealed a gastric foreign body <img src=x onerror=alert(1)>. "
        "The foreign body was removed by gastrotomy and the dog was treated with maropitant. "
        "The dog recovered fully and was well at 3 months follow-up."
    ),
    pmid=HOSTILE_PMID,
    doi="10.9999/hostile.1",
    journal="Journal of <b>Hostile</b> Records",
    year=2026,
    authors=("Tester <script>AB",),
    sources=("test",),
)


def copy_db(src: Path, dst: Path) -> Path:
    """A consistent copy of a (WAL) SQLite database, through SQLite's backup API."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()
    return dst


def add_cases(path: Path, records: Sequence[Article]) -> None:
    """Insert records through the real pipeline; any the gate turns away is marked a veterinary case report
    (species dog) so it shows in results and on its case page like any other case."""
    with Store(path) as store:
        store.upsert(records)
        process(store, embed=True)
        forced = Classification(
            is_veterinary_case_report=True,
            article_type="case report",
            patient="animal",
            species=("dog",),
            confidence=1.0,
            reasons=("test record marked as a veterinary case report",),
        )
        marked = False
        for a in records:
            article_id = store.find(a.key)
            assert article_id is not None
            c = store.case(article_id).classification
            if not (c and c.is_veterinary_case_report):
                store.save_classification(article_id, forced, classify.VERSION)
                marked = True
        if marked:
            process(store, embed=True)


def add_hostile(path: Path) -> None:
    """Insert the hostile record and make sure it passes the gate, with findings computed."""
    add_cases(path, [HOSTILE])
