"""The per-process search index: everything a query needs, loaded from the store once.

Per-query work must stay proportional to the candidates, never to the corpus,
so the corpus-wide parts are built once per process and cached per database
file: the ids of the records that pass the gate, their species, a BM25 index
of their text, an inverted index of the signs and diagnoses extracted from
them, their signalment, and (on first use of a model) the matrix of their
stored vectors.  The cache is keyed on the database file's size and
modification time (and its WAL's), so a rebuilt or updated database is
reloaded at the next query.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..index import embeddings as emb
from ..index.sqlite import Store
from .lexical import BM25Index, tokenize
from .query import age_in_years, words

SEX_CODES = {"male": 1, "female": 2}


def _text_tokens(title: str, abstract: str, keywords: str, mesh: str) -> list[str]:
    """Title words count twice (a title says what the case is about), then abstract, keywords, MeSH.

    Stopwords are left out: no query ever asks for them, and they are a fifth of the index.
    """
    stop = words().stopwords
    kw = " ".join(json.loads(keywords or "[]"))
    mh = " ".join(m.get("descriptor", "") for m in json.loads(mesh or "[]"))
    t = [w for w in tokenize(title) if w not in stop]
    rest = tokenize(f"{abstract}\n{kw}\n{mh}")
    return t + t + [w for w in rest if w not in stop]


COARSE_DIMS = 64
EXACT_BELOW = 4096  # rows; below this every row is scored exactly


@dataclass
class DenseIndex:
    """Stored vectors (float16, exact cosine) plus a 64-d projection of them for a coarse first pass.

    The projection is onto the top right singular vectors of the vectors themselves (the subspace that
    best preserves their dot products in least squares, Eckart & Young 1936), so a query costs one
    n x 64 product (~1 ms at 100,000 rows) before exact cosines are taken for a few hundred rows.
    """

    vectors: NDArray[np.float16]
    has: NDArray[np.bool_]
    basis: NDArray[np.float32] | None
    coarse: NDArray[np.float32] | None

    @classmethod
    def build(cls, vectors: NDArray[np.float16], has: NDArray[np.bool_], seed: int = 0) -> DenseIndex:
        rows = np.flatnonzero(has)
        if len(rows) < EXACT_BELOW or vectors.shape[1] <= COARSE_DIMS:
            return cls(vectors, has, None, None)
        rng = np.random.default_rng(seed)
        sample = vectors[rng.choice(rows, size=min(len(rows), 20_000), replace=False)].astype(np.float32)
        _, _, vt = np.linalg.svd(sample, full_matrices=False)
        basis = np.ascontiguousarray(vt[:COARSE_DIMS].T, dtype=np.float32)
        coarse = np.zeros((len(has), COARSE_DIMS), dtype=np.float32)
        for a in range(0, len(has), 8192):
            coarse[a : a + 8192] = vectors[a : a + 8192].astype(np.float32) @ basis
        return cls(vectors, has, basis, coarse)

    def candidates(self, qvec: NDArray[np.float32], mask: NDArray[np.bool_] | None, k: int) -> NDArray[np.int64]:
        """Rows worth an exact cosine: all of them in a small collection, else the coarse top k."""
        ok = self.has if mask is None else (self.has & mask)
        if self.coarse is None or self.basis is None:
            return np.flatnonzero(ok).astype(np.int64)
        # einsum, not BLAS: OpenBLAS's two spinning threads measured 0.6 ms quiet but 4.6 ms when the
        # other core was busy; one thread is ~1.3 ms either way.
        approx = np.einsum("ij,j->i", self.coarse, qvec.astype(np.float32) @ self.basis)
        approx[~ok] = -np.inf
        k = min(k, int(ok.sum()))
        if k <= 0:
            return np.zeros(0, dtype=np.int64)
        return np.sort(np.argpartition(-approx, k - 1)[:k]).astype(np.int64)


@dataclass
class SearchIndex:
    ids: NDArray[np.int64]  # article ids of the gated records, ascending: row i is ids[i]
    row_species: list[tuple[str, ...]]
    species_masks: dict[str, NDArray[np.bool_]]
    lexical: BM25Index
    concept_rows: dict[str, NDArray[np.int32]]
    age_years: NDArray[np.float32]
    sex: NDArray[np.int8]
    breed: list[str | None]
    path: str = ""
    _vectors: dict[str, DenseIndex] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def size(self) -> int:
        return len(self.ids)

    def row_of(self, article_id: int) -> int | None:
        i = int(np.searchsorted(self.ids, article_id))
        return i if i < len(self.ids) and int(self.ids[i]) == article_id else None

    def concept_idf(self, term: str) -> float:
        """Rarer signs say more: ln(1 + N / df), df counted over records that pass the gate."""
        df = len(self.concept_rows.get(term, ()))
        return float(np.log1p(self.size / max(df, 1)))

    def mask(self, species: str | None) -> NDArray[np.bool_] | None:
        """Rows of ``species`` (all-False when the collection has none); None means every species."""
        if species is None:
            return None
        return self.species_masks.get(species, np.zeros(self.size, dtype=np.bool_))

    def vectors(self, store: Store, model: str) -> DenseIndex:
        """The stored vectors of ``model`` (row i for ids[i]), loaded once per process."""
        with self._lock:
            if model not in self._vectors:
                matrix, has = emb.load_vectors(store, model, [int(i) for i in self.ids], np.float16)
                self._vectors[model] = DenseIndex.build(matrix, has)
            return self._vectors[model]


def _vcr_rows(store: Store) -> Iterator[Any]:
    return iter(
        store.db.execute(
            "SELECT a.id, a.title, a.abstract, a.keywords, a.mesh FROM articles a "
            "JOIN classifications c ON c.article_id = a.id AND c.is_vcr = 1 ORDER BY a.id"
        )
    )


def build_index(store: Store) -> SearchIndex:
    """Read the gated records once and build every corpus-wide structure search uses."""
    ids_list: list[int] = []

    def docs() -> Iterator[list[str]]:
        for r in _vcr_rows(store):
            ids_list.append(int(r[0]))
            yield _text_tokens(r[1], r[2], r[3], r[4])

    lexical = BM25Index.build(docs())
    ids = np.asarray(ids_list, dtype=np.int64)
    pos = {aid: i for i, aid in enumerate(ids_list)}
    n = len(ids_list)
    species_of: list[list[str]] = [[] for _ in range(n)]
    for aid, sp in store.db.execute("SELECT article_id, species FROM case_species ORDER BY article_id, species"):
        i = pos.get(int(aid))
        if i is not None:
            species_of[i].append(str(sp))
    masks: dict[str, NDArray[np.bool_]] = {}
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    row_species: list[tuple[str, ...]] = []
    for i, sps in enumerate(species_of):
        key = tuple(sps)
        row_species.append(shared.setdefault(key, key))  # one tuple per species set, not per row
        for sp in sps:
            masks.setdefault(sp, np.zeros(n, dtype=np.bool_))[i] = True
    del species_of
    concept_lists: dict[str, list[int]] = {}
    age = np.full(n, np.nan, dtype=np.float32)
    sex = np.zeros(n, dtype=np.int8)
    breed: list[str | None] = [None] * n
    for aid, data in store.db.execute("SELECT article_id, data FROM findings ORDER BY article_id"):
        i = pos.get(int(aid))
        if i is None:
            continue
        f = json.loads(data)
        terms = {str(x.get("term", "")).strip().lower() for x in f.get("signs", []) + f.get("diagnosis", [])}
        for t in terms:
            if t:
                concept_lists.setdefault(t, []).append(i)
        s = f.get("signalment") or {}
        years = age_in_years(s.get("age"))
        if years is not None:
            age[i] = years
        sex[i] = SEX_CODES.get(str(s.get("sex") or "").lower(), 0)
        breed[i] = s.get("breed") or None
    concept_rows = {t: np.asarray(sorted(r), dtype=np.int32) for t, r in concept_lists.items()}
    return SearchIndex(
        ids=ids,
        row_species=row_species,
        species_masks=masks,
        lexical=lexical,
        concept_rows=concept_rows,
        age_years=age,
        sex=sex,
        breed=breed,
        path=str(store.path),
    )


def _signature(path: Path) -> tuple[int, ...] | None:
    try:
        parts: list[int] = []
        for p in (path, Path(f"{path}-wal")):
            if p.exists():
                st = p.stat()
                parts += [st.st_mtime_ns, st.st_size]
        return tuple(parts)
    except OSError:
        return None


_CACHE: dict[str, tuple[tuple[int, ...], SearchIndex]] = {}
_CACHE_LOCK = threading.Lock()
_MAX_CACHED = 4


def get_index(store: Store, *, persist: bool = True) -> SearchIndex:
    """The cached index for this database file, rebuilt when the file has changed since.

    Across processes the index is kept beside the database (``search/persist.py``): loaded when it was built
    from the same content, else built and saved (``persist=False`` skips both).
    """
    from . import persist as saved

    key = str(store.path.resolve())
    sig = _signature(store.path)
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit is not None and sig is not None and hit[0] == sig:
            return hit[1]
    built = None
    if persist:
        content = saved.content_signature(store)
        built = saved.load(saved.sidecar(store.path), content, str(store.path))
    if built is None:
        built = build_index(store)
        if persist:
            saved.save(built, saved.sidecar(store.path), content)
    if sig is not None:
        with _CACHE_LOCK:
            _CACHE[key] = (sig, built)
            while len(_CACHE) > _MAX_CACHED:
                _CACHE.pop(next(iter(_CACHE)))
    return built


def clear_cache() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()


def memory_note() -> str:
    """One line on what the cached indexes hold (for the bench's notes)."""
    parts = []
    for key, (_, ix) in _CACHE.items():
        mb = ix.lexical.nbytes / 1e6 + sum(d.vectors.nbytes for d in ix._vectors.values()) / 1e6
        parts.append(f"{os.path.basename(key)}: {ix.size} records, ~{mb:.0f} MB arrays")
    return "; ".join(parts)
