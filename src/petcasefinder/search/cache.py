"""Bounded LRU caches for what the site asks again and again: search and related responses.

A response is a pure function of the query, the options and the database's
content, so it is cached under the database's signature (file and WAL size and
modification time, the key ``index.get_index`` already reloads on): any write
to the database changes the signature and the next request computes afresh.
A response is kept only if the signature did not move while it was computed,
so a result read half-way through an ingest is never kept under the old key.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Generic, TypeVar

from ..index.sqlite import Store
from ..records import SearchResponse
from .engine import related, search
from .index import _signature

V = TypeVar("V")
RESPONSES = 256


class LRU(Generic[V]):
    """A thread-safe least-recently-used map with at most ``size`` entries."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._data: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            value = self._data.get(key)
            if value is None:
                self.misses += 1
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return value

    def put(self, key: Hashable, value: V) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


def signature(path: Path) -> tuple[int, ...] | None:
    """The database's current signature (None when it cannot be read: then nothing is cached)."""
    return _signature(path)


def memoised(cache: LRU[V], path: Path, key: Hashable, compute: Callable[[], V]) -> V:
    """``compute()`` unless a value for ``key`` under the database's current signature is cached."""
    sig = signature(path)
    if sig is None:
        return compute()
    full = (str(path), sig, key)
    hit = cache.get(full)
    if hit is not None:
        return hit
    value = compute()
    if signature(path) == sig:
        cache.put(full, value)
    return value


_RESPONSES: LRU[SearchResponse] = LRU(RESPONSES)


def cached_search(store: Store, text: str, *, species: str | None = None, limit: int = 10) -> SearchResponse:
    """``search`` with the default options, remembered per database state."""
    return memoised(_RESPONSES, store.path, ("search", text, species, limit),
                    lambda: search(store, text, species=species, limit=limit))


def cached_related(store: Store, key: str, *, limit: int = 10) -> SearchResponse:
    """``related`` with the default options, remembered per database state."""
    return memoised(_RESPONSES, store.path, ("related", key, limit), lambda: related(store, key, limit=limit))


def clear(*, query_vectors: bool = False) -> None:
    """Forget cached responses (and the embedder's query vectors too, for timing fresh work)."""
    _RESPONSES.clear()
    if query_vectors:
        from ..index.embeddings import _EMBEDDERS

        for e in _EMBEDDERS.values():
            forget = getattr(e, "clear_cache", None)
            if callable(forget):
                forget()
