"""The search index saved beside its database: a loaded index equals a built one, and any change to what
search indexes, a damaged file or an unwritable place only means a rebuild.

Real SQLite copies of the demo database, the real pipeline for the added record (``serve_data.add_cases``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from petcasefinder.index.sqlite import Store
from petcasefinder.ingest.readers import read_path
from petcasefinder.search import index as ix
from petcasefinder.search import persist, search
from serve_data import add_cases, copy_db


@pytest.fixture()
def db(demo_db: Path, tmp_path: Path) -> Iterator[Path]:
    ix.clear_cache()
    yield copy_db(demo_db, tmp_path / "persist.db")
    ix.clear_cache()


def _same(a: ix.SearchIndex, b: ix.SearchIndex) -> None:
    assert np.array_equal(a.ids, b.ids) and a.row_species == b.row_species
    assert a.species_masks.keys() == b.species_masks.keys()
    assert all(np.array_equal(a.species_masks[k], b.species_masks[k]) for k in a.species_masks)
    assert a.lexical.vocab == b.lexical.vocab and a.lexical.n_docs == b.lexical.n_docs
    for name in ("indptr", "rows", "weights", "idf"):
        assert np.array_equal(getattr(a.lexical, name), getattr(b.lexical, name)), name
    assert a.concept_rows.keys() == b.concept_rows.keys()
    assert all(np.array_equal(a.concept_rows[k], b.concept_rows[k]) for k in a.concept_rows)
    assert np.array_equal(a.age_years, b.age_years, equal_nan=True) and np.array_equal(a.sex, b.sex)
    assert a.breed == b.breed


def test_saved_index_loads_equal_to_a_fresh_build(db: Path) -> None:
    side = persist.sidecar(db)
    with Store(db) as store:
        built = ix.get_index(store)
        assert side.is_file() and built.size > 0
        fresh = ix.build_index(store)
        sig = persist.content_signature(store)
    _same(built, fresh)
    loaded = persist.load(side, sig, str(db))
    assert loaded is not None
    _same(loaded, fresh)
    # a new process (no in-memory cache) uses the file and answers exactly as before
    with Store(db) as store:
        before = search(store, "my dog keeps throwing up", species="dog", limit=5)
        ix.clear_cache()
        mtime = side.stat().st_mtime_ns
        after = search(store, "my dog keeps throwing up", species="dog", limit=5)
    assert side.stat().st_mtime_ns == mtime  # loaded, not rebuilt
    assert before.results and [h.key for h in before.results] == [h.key for h in after.results]


def test_changed_content_invalidates_the_saved_index(db: Path, shared: Path) -> None:
    with Store(db) as store:
        old = ix.get_index(store)
        old_sig = persist.content_signature(store)
    # one more gated record, through the real pipeline
    extra = next(a for a in read_path(shared / "vet-case-reports-github/vet-negatives.jsonl").records)
    add_cases(db, [extra])
    ix.clear_cache()
    with Store(db) as store:
        new_sig = persist.content_signature(store)
        assert new_sig != old_sig
        assert persist.load(persist.sidecar(db), new_sig, str(db)) is None  # stale file is not trusted
        new = ix.get_index(store)
    assert new.size == old.size + 1
    assert persist.load(persist.sidecar(db), new_sig, str(db)) is not None  # and was replaced


def test_damaged_or_unwritable_index_file_means_a_rebuild(db: Path) -> None:
    side = persist.sidecar(db)
    side.write_bytes(b"PK\x03\x04 not really a zip file")
    with Store(db) as store:
        sig = persist.content_signature(store)
        assert persist.load(side, sig, str(db)) is None
        rebuilt = ix.get_index(store)
        assert rebuilt.size > 0 and persist.load(side, sig, str(db)) is not None
    # a place that cannot take the file (here a directory in its way): search still works, nothing raised
    side.unlink()
    side.mkdir()
    ix.clear_cache()
    with Store(db) as store:
        assert ix.get_index(store).size == rebuilt.size
        assert search(store, "my cat is drinking a lot", limit=3) is not None
    assert side.is_dir() and not [p for p in db.parent.iterdir() if p.name.endswith(".tmp")]
