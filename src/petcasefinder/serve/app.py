"""The app factory: routes, templates, the JSON twins and the middleware stack.

Each route calls one handler in ``views``; ``render`` sends its ``Page`` as HTML
or, when the path ends in ``.json``, as the page's data.  Handlers are plain
functions run in Starlette's thread pool, each thread with its own SQLite
connection.  Search, case and related pages (and their twins) go through
``PageCache`` first: a page already built for this URL and database state is
sent from the event loop without a thread hop.  The JSON twins have their own
routes (``/case/{key}.json``), so ``/openapi.json`` can list exactly the routes.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Any

import anyio.to_thread
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import Scope

from .. import export
from ..errors import PetCaseError
from ..index import embeddings
from ..settings import MAX_QUERY_CHARS, Settings
from . import labels, views
from .cache import PageCache
from .errors import CatchAll, on_http_exception, on_petcase_error
from .sanitize import highlight, inline_html, plain_text
from .security import SecurityHeaders

HERE = Path(__file__).resolve().parent


def _asset_version() -> str:
    """A digest of the static files: pages link ``style.css?v=<it>``, so an edited file gets a new URL."""
    h = hashlib.sha256()
    for f in sorted((HERE / "static").iterdir()):
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:12]


ASSET_VERSION = _asset_version()


class CachedStatic(StaticFiles):
    """Static files a phone need not fetch twice: a URL carrying the current asset version never changes
    (a year, immutable); any other static URL may be kept for an hour."""

    def file_response(self, full_path: Any, stat_result: os.stat_result, scope: Scope,
                      status_code: int = 200) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        versioned = f"v={ASSET_VERSION}".encode() in scope.get("query_string", b"").split(b"&")
        response.headers["cache-control"] = ("public, max-age=31536000, immutable" if versioned
                                             else "public, max-age=3600")
        return response


def _site_context(request: Request) -> dict[str, Any]:
    return {
        "species_groups": labels.species_groups(),
        "max_query_chars": MAX_QUERY_CHARS,
        "asset_version": ASSET_VERSION,
    }


def make_templates(debug: bool = False) -> Jinja2Templates:
    """Templates are read once; only in debug mode does Jinja stat them on every render to reload edits."""
    env = Environment(
        auto_reload=debug,
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["inline"] = inline_html
    env.filters["plain"] = plain_text
    env.filters["highlight"] = highlight
    return Jinja2Templates(env=env, context_processors=[_site_context])


def render(request: Request, page: views.Page, nav: str = "") -> Response:
    if request.url.path.endswith(".json"):
        return JSONResponse(page.data, status_code=page.status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, page.template, page.context | {"nav": nav}, status_code=page.status)


def _site(request: Request) -> views.Site:
    site: views.Site = request.app.state.site
    return site


def _key(request: Request) -> str:
    key = str(request.path_params["key"])
    return key.removesuffix(".json")


def _limit(request: Request) -> int:
    return views.parse_limit(request.query_params.get("limit"))


def home(request: Request) -> Response:
    return render(request, views.home(_site(request)), nav="search")


def _search(request: Request) -> Response:
    q = request.query_params.get("q", "")
    species = request.query_params.get("species", "").strip() or None
    return render(request, views.search_page(_site(request), q, species, _limit(request)), nav="search")


def _case(request: Request) -> Response:
    return render(request, views.case_page(_site(request), _key(request)))


def _related(request: Request) -> Response:
    return render(request, views.related_page(_site(request), _key(request), _limit(request)))


async def _cached(request: Request, build: Callable[[Request], Response]) -> Response:
    pages: PageCache | None = request.app.state.pages
    if pages is None:
        return await anyio.to_thread.run_sync(build, request)
    return await pages.serve(request, build)


async def search(request: Request) -> Response:
    return await _cached(request, _search)


async def case(request: Request) -> Response:
    return await _cached(request, _case)


async def related(request: Request) -> Response:
    return await _cached(request, _related)


def about(request: Request) -> Response:
    return render(request, views.about(_site(request)), nav="about")


def export_citations(request: Request, what: str) -> Response:
    fmt = str(request.path_params["format"])
    if fmt not in export.FORMATS:
        raise HTTPException(404)
    articles, stem = views.export_articles(_site(request), what, dict(request.query_params))
    body, spec = export.render(fmt, articles)
    return Response(
        body,
        media_type=f"{spec.media_type}; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="petcasefinder-{stem}.{spec.extension}"'},
    )


def openapi(request: Request) -> Response:
    from ..openapi import document

    return JSONResponse(document())


def favicon(request: Request) -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=301)


def create_app(
    db_path: str | Path | None = None,
    *,
    warm: bool = False,
    eval_path: Path | None = None,
    cache: bool = True,
    debug: bool | None = None,
) -> Starlette:
    """The site over one database file (default: ``$PETCASEFINDER_DB``).

    ``warm`` runs one example search at start-up, so the lexicon, the embedding
    model and the database pages are loaded before the first visitor arrives.
    ``eval_path`` is the measured-quality file the about page shows (default ``eval/expected.json``).
    ``cache`` keeps finished pages per database state; ``debug`` (default ``$PETCASEFINDER_DEBUG``)
    reloads edited templates.
    """
    if debug is None:
        debug = os.environ.get("PETCASEFINDER_DEBUG", "").strip().lower() in ("1", "true", "yes", "on")
    path = Path(db_path) if db_path is not None else Settings.from_env().db_path
    site = views.Site(path) if eval_path is None else views.Site(path, eval_path=eval_path)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if warm:
            await anyio.to_thread.run_sync(views.warm, site)
        yield

    routes = [
        # HTML pages are not part of the API description; every route that is must be in /openapi.json
        Route("/", home, include_in_schema=False),
        Route("/search", search, include_in_schema=False),
        Route("/search.json", search),
        Route("/case/{key:path}.json", case),
        Route("/case/{key:path}", case, include_in_schema=False),
        Route("/related/{key:path}.json", related),
        Route("/related/{key:path}", related, include_in_schema=False),
        Route("/about", about, include_in_schema=False),
        *(Route(f"/export/{what}.{{format}}", partial(export_citations, what=what))
          for what in ("case", "search", "related")),
        Route("/openapi.json", openapi),
        Route("/favicon.ico", favicon, include_in_schema=False),
        Mount("/static", app=CachedStatic(directory=HERE / "static"), name="static"),
    ]
    handlers: dict[Any, Callable[..., Any]] = {HTTPException: on_http_exception, PetCaseError: on_petcase_error}
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders), Middleware(CatchAll)],
        exception_handlers=handlers,
        lifespan=lifespan,
    )
    app.state.site = site
    app.state.templates = make_templates(debug)
    app.state.pages = PageCache(site.db_path) if cache else None
    return app


def serving_app(db_path: str | Path | None = None) -> Starlette:
    """The app as ``petcasefinder serve`` runs it: warmed, and torch on one thread (one per worker process)."""
    embeddings.set_threads(1)
    return create_app(db_path, warm=True)


def app_from_env() -> Starlette:
    """Factory for ``uvicorn --factory`` (used when serving with several workers)."""
    return serving_app(os.environ.get("PETCASEFINDER_DB") or None)
