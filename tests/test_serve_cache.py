"""The page cache: a cached page equals a fresh render, an ingest invalidates it, templates are read once.

Real SQLite copies of the demo database and the real app through Starlette's TestClient; a second app
with the page cache off (and the search caches cleared) gives the fresh render to compare with.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from petcasefinder.search import cache as search_cache
from petcasefinder.serve import create_app
from petcasefinder.serve.app import make_templates
from petcasefinder.serve.labels import examples
from serve_data import HOSTILE_PMID, add_hostile, copy_db

Q = "my dog has persistent vomiting and a gastric foreign body was removed"


@pytest.fixture()
def db(demo_db: Path, tmp_path: Path) -> Iterator[Path]:
    search_cache.clear()
    yield copy_db(demo_db, tmp_path / "pages.db")
    search_cache.clear()


def _fresh(db: Path, url: str) -> tuple[int, dict[str, str], bytes]:
    search_cache.clear(query_vectors=True)
    with TestClient(create_app(db, cache=False)) as c:
        r = c.get(url)
    return r.status_code, dict(r.headers), r.content


def _urls(client: TestClient) -> list[str]:
    ex = examples()[0]["href"]
    hit = client.get(ex.replace("/search?", "/search.json?", 1)).json()["results"][0]
    key = hit["pmid"] or hit["doi"]
    return [ex, ex.replace("/search?", "/search.json?", 1), f"/case/{key}", f"/case/{key}.json",
            f"/related/{key}", f"/related/{key}.json?limit=5"]


def test_cached_pages_equal_fresh_renders(db: Path) -> None:
    app = create_app(db)
    with TestClient(app) as client:
        urls = _urls(client)
        first = {u: client.get(u) for u in urls}
        stored = len(app.state.pages.pages)
        hits = app.state.pages.pages.hits
        again = {u: client.get(u) for u in urls}
        assert app.state.pages.pages.hits - hits == len(urls) and stored >= len(urls)
    for u in urls:
        a, b = first[u], again[u]
        assert a.status_code == b.status_code == 200
        assert (dict(a.headers), a.content) == (dict(b.headers), b.content), u
        assert _fresh(db, u) == (b.status_code, dict(b.headers), b.content), u


def test_errors_are_not_cached(db: Path) -> None:
    app = create_app(db)
    with TestClient(app) as client:
        assert client.get("/case/000000.json").status_code == 404
        assert client.get("/search?q=").status_code == 400
        assert len(app.state.pages.pages) == 0


def test_an_ingest_invalidates_cached_pages(db: Path) -> None:
    url = "/search.json?q=" + Q.replace(" ", "+") + "&species=dog"
    app = create_app(db)
    with TestClient(app) as client:
        before = client.get(url)
        assert HOSTILE_PMID not in {h["pmid"] for h in before.json()["results"]}
        add_hostile(db)  # a real ingest through its own connection while the site is up
        after = client.get(url)
        assert HOSTILE_PMID in {h["pmid"] for h in after.json()["results"]}
        page = client.get(f"/case/{HOSTILE_PMID}")
        assert page.status_code == 200
    assert _fresh(db, url)[2] == after.content


def test_templates_reload_only_in_debug(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    assert make_templates().env.auto_reload is False
    assert make_templates(debug=True).env.auto_reload is True
    monkeypatch.setenv("PETCASEFINDER_DEBUG", "1")
    assert create_app(db).state.templates.env.auto_reload is True
    monkeypatch.delenv("PETCASEFINDER_DEBUG")
    assert create_app(db).state.templates.env.auto_reload is False


def test_concurrent_misses_render_a_page_once(db: Path) -> None:
    """Eight simultaneous requests for one uncached page: one search runs, all eight get the same page."""
    import asyncio

    import httpx

    app = create_app(db)
    url = "/search.json?q=" + Q.replace(" ", "+") + "&species=dog&limit=7"
    searches = search_cache._RESPONSES.misses

    async def burst() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return list(await asyncio.gather(*(client.get(url) for _ in range(8))))

    responses = asyncio.run(burst())
    assert {r.status_code for r in responses} == {200}
    assert len({r.content for r in responses}) == 1 and responses[0].json()["results"]
    assert search_cache._RESPONSES.misses - searches == 1
