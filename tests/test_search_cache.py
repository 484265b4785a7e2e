"""The search caches: a cached response equals a fresh one, and any write to the database invalidates it.

Real SQLite files (copies of the demo database), the real embedder; the ingest is the real pipeline
(``serve_data.add_hostile`` upserts a record and classifies, extracts and embeds it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from petcasefinder.index import embeddings as emb
from petcasefinder.index.sqlite import Store
from petcasefinder.search import cache, related, search
from serve_data import HOSTILE_PMID, add_hostile, copy_db

QUERY = "my dog has persistent vomiting and a gastric foreign body was removed"


@pytest.fixture()
def db(demo_db: Path, tmp_path: Path) -> Iterator[Path]:
    cache.clear()
    yield copy_db(demo_db, tmp_path / "cache.db")
    cache.clear()


def test_cached_search_equals_a_fresh_one(db: Path) -> None:
    with Store(db) as store:
        first = cache.cached_search(store, QUERY, species="dog", limit=10)
        hits = cache._RESPONSES.hits
        again = cache.cached_search(store, QUERY, species="dog", limit=10)
        assert again is first and cache._RESPONSES.hits == hits + 1
        cache.clear(query_vectors=True)
        assert first == search(store, QUERY, species="dog", limit=10)
        assert first.results  # a real result list, not two equal empty ones
        assert cache.cached_search(store, QUERY, species="dog", limit=3) == search(store, QUERY, species="dog",
                                                                                 limit=3)
        key = first.results[0].pmid or first.results[0].doi or ""
        assert cache.cached_related(store, key, limit=5) == related(store, key, limit=5)


def test_an_ingest_invalidates_cached_responses(db: Path) -> None:
    with Store(db) as store:
        before = cache.cached_search(store, QUERY, species="dog")
        assert HOSTILE_PMID not in {h.pmid for h in before.results}
        sig = cache.signature(db)
    add_hostile(db)  # upsert + classify + extract + embed, through its own connection
    assert cache.signature(db) != sig
    with Store(db) as store:
        after = cache.cached_search(store, QUERY, species="dog")
        assert HOSTILE_PMID in {h.pmid for h in after.results}
        cache.clear(query_vectors=True)
        assert after == search(store, QUERY, species="dog")


def test_query_vectors_are_cached_and_equal_fresh_ones() -> None:
    embedder, notice = emb.get_embedder()
    assert embedder is not None, notice
    assert isinstance(embedder, emb.MiniLMEmbedder)
    embedder.clear_cache()
    first = embedder.embed([QUERY])
    first[0, 0] = 42.0  # the caller's copy: the cached vector must not change
    cached = embedder.embed([QUERY])
    embedder.clear_cache()
    fresh = embedder.embed([QUERY])
    assert cached.shape == (1, emb.MINILM_DIM) and cached.dtype == np.float32
    assert np.array_equal(cached, fresh) and cached[0, 0] != 42.0
    batch = embedder.embed([QUERY, "my cat sneezes"])  # batches are not cached, same vectors all the same
    assert np.allclose(batch[0], fresh[0], atol=1e-5)


def test_lru_is_bounded_and_evicts_the_least_recent() -> None:
    lru: cache.LRU[int] = cache.LRU(2)
    lru.put("a", 1)
    lru.put("b", 2)
    assert lru.get("a") == 1  # "b" is now the least recently used
    lru.put("c", 3)
    assert len(lru) == 2 and lru.get("b") is None and lru.get("a") == 1 and lru.get("c") == 3
