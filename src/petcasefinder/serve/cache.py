"""Finished pages remembered per database state, served without leaving the event loop.

A search, case or related page (and its ``.json`` twin) is a pure function of
its URL and the database's content, so the finished response (status, headers,
body) is kept in a bounded LRU keyed on the path, the query string and the
database's signature.  A hit costs two ``stat`` calls and a dict lookup in the
event loop; a miss renders in the thread pool as before.  Only 200 responses
are kept, and only when the signature did not change while the page was built.
Concurrent misses for one page wait for a single render (no stampede of 32
identical searches when a worker starts cold or an ingest has just written).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ..search.cache import LRU, signature

PAGES = 512
MAX_BODY = 512 * 1024  # a bigger page is rendered each time rather than crowding out the others


@dataclass(frozen=True)
class Stored:
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes

    def response(self) -> Response:
        r = Response(self.body, status_code=self.status)
        r.raw_headers = list(self.headers)
        return r


class PageCache:
    """The LRU of finished pages for one database file."""

    def __init__(self, db_path: Path, size: int = PAGES) -> None:
        self.db_path = db_path
        self.pages: LRU[Stored] = LRU(size)
        self._pending: dict[Hashable, asyncio.Future[Stored | None]] = {}

    async def serve(self, request: Request, build: Callable[[Request], Response]) -> Response:
        """The cached page for this URL and database state, else ``build(request)`` in the thread pool."""
        sig = signature(self.db_path)
        if sig is None:
            return await run_in_threadpool(build, request)
        key = (sig, request.url.path, request.url.query)
        hit = self.pages.get(key)
        if hit is not None:
            return hit.response()
        pending = self._pending.get(key)
        if pending is not None:
            stored = await asyncio.shield(pending)
            if stored is not None:
                return stored.response()
            return await run_in_threadpool(build, request)  # the first render was not kept: render our own
        future: asyncio.Future[Stored | None] = asyncio.get_running_loop().create_future()
        self._pending[key] = future
        stored = None
        try:
            response = await run_in_threadpool(build, request)
            stored = self._keep(key, sig, response)
            return response
        finally:
            del self._pending[key]
            future.set_result(stored)

    def _keep(self, key: Hashable, sig: tuple[int, ...], response: Response) -> Stored | None:
        body = response.body
        if (response.status_code != 200 or response.background is not None or not isinstance(body, bytes)
                or len(body) > MAX_BODY or signature(self.db_path) != sig):
            return None
        stored = Stored(response.status_code, tuple(response.raw_headers), body)
        self.pages.put(key, stored)
        return stored

    def clear(self) -> None:
        self.pages.clear()
