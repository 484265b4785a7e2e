"""Embeddings: the packaged MiniLM offline, vectors stored once per content hash, the degraded fallback."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from petcasefinder.index import embeddings as emb
from petcasefinder.index.sqlite import Store
from petcasefinder.records import Article, Classification
from petcasefinder.settings import SearchSettings, Settings


class Counting:
    """The real MiniLM embedder, counting the texts it is asked to embed (a wrapper, not a stand-in)."""

    def __init__(self, inner: emb.Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.texts: list[str] = []

    def embed(self, texts: Sequence[str]) -> emb.Vectors:
        self.texts.extend(texts)
        return self.inner.embed(texts)


@pytest.fixture(scope="module")
def minilm() -> emb.Embedder:
    e, notice = emb.get_embedder(Settings(search=SearchSettings(embeddings="auto")))
    assert e is not None, notice
    return e


def _add_case(store: Store, pmid: str, title: str, abstract: str) -> int:
    store.upsert([Article(title=title, abstract=abstract, pmid=pmid)])
    aid = store.find(pmid)
    assert aid is not None
    store.save_classification(aid, Classification(True, "case report", "animal", ("dog",), 0.9, ("test",)), "t")
    return aid


def test_minilm_vectors_are_normalised_and_meaningful(minilm: emb.Embedder) -> None:
    v = minilm.embed(["a dog that is vomiting", "a dog throwing up", "a tax return form"])
    assert v.dtype == np.float32 and v.shape == (3, 384) and minilm.dim == 384
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2])


def test_embedder_is_cached_per_process(minilm: emb.Embedder) -> None:
    again, _ = emb.get_embedder(Settings(search=SearchSettings(embeddings="auto")))
    assert again is minilm


def test_vectors_stored_once_per_content_hash(store: Store, minilm: emb.Embedder) -> None:
    a = _add_case(store, "1", "Vomiting in a dog", "A dog was vomiting for a week.")
    _add_case(store, "2", "Jaundice in a dog", "A dog had jaundice.")
    counting = Counting(minilm)
    assert emb.embed_store(store, counting) == (2, None)
    assert len(counting.texts) == 2
    rows = store.db.execute("SELECT article_id, model, content_hash, length(vector) FROM embeddings").fetchall()
    assert len(rows) == 2 and all(r[1] == emb.MINILM_NAME and r[3] == 384 * 4 for r in rows)
    assert emb.embed_store(store, counting) == (0, None)  # unchanged content: nothing recomputed
    assert len(counting.texts) == 2
    store.upsert([Article(title="Vomiting in a dog", abstract="A dog was vomiting for a week. It recovered.",
                          pmid="1")])
    store.save_classification(a, Classification(True, "case report", "animal", ("dog",), 0.9, ("t",)), "t")
    assert emb.embed_store(store, counting) == (1, None)  # only the changed record
    assert counting.texts[-1].endswith("It recovered.")
    matrix, has = emb.load_vectors(store, emb.MINILM_NAME, store.vcr_ids())
    assert has.all() and matrix.shape == (2, 384)


def test_only_case_reports_are_embedded(store: Store, minilm: emb.Embedder) -> None:
    store.upsert([Article(title="A survey of owners", abstract="We asked owners.", pmid="20")])
    aid = store.find("20")
    assert aid is not None
    store.save_classification(aid, Classification(False, "survey", "none", ("dog",), 0.9, ("t",)), "t")
    assert emb.embed_store(store, Counting(minilm)) == (0, None)


def test_degraded_when_switched_off(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PETCASEFINDER_EMBEDDINGS", "none")
    e, notice = emb.get_embedder()
    assert e is None and notice == emb.NOTICE_OFF
    _add_case(store, "30", "Cough in a dog", "A dog coughed.")
    assert emb.embed_store(store) == (0, emb.NOTICE_OFF)
    assert store.db.execute("SELECT count(*) FROM embeddings").fetchone()[0] == 0


def test_blob_round_trip(tmp_path: Path) -> None:
    v = emb.normalise(np.arange(1, 5, dtype=np.float32))[0]
    assert np.array_equal(emb.decode_vector(emb.encode_vector(v)), v)
