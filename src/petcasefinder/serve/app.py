"""The app factory: routes, templates, the JSON twins and the middleware stack.

Each route calls one handler in ``views``; ``render`` sends its ``Page`` as HTML
or, when the path ends in ``.json``, as the page's data.  Handlers are plain
functions run in Starlette's thread pool, each thread with its own SQLite
connection.
"""

from __future__ import annotations

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

from .. import export
from ..errors import PetCaseError
from ..settings import MAX_QUERY_CHARS, Settings
from . import labels, views
from .errors import CatchAll, on_http_exception, on_petcase_error
from .sanitize import highlight, inline_html, plain_text
from .security import SecurityHeaders

HERE = Path(__file__).resolve().parent
ASSET_VERSION = "1"


def _site_context(request: Request) -> dict[str, Any]:
    return {
        "species_groups": labels.species_groups(),
        "max_query_chars": MAX_QUERY_CHARS,
        "asset_version": ASSET_VERSION,
    }


def make_templates() -> Jinja2Templates:
    env = Environment(
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


def search(request: Request) -> Response:
    q = request.query_params.get("q", "")
    species = request.query_params.get("species", "").strip() or None
    return render(request, views.search_page(_site(request), q, species, _limit(request)), nav="search")


def case(request: Request) -> Response:
    return render(request, views.case_page(_site(request), _key(request)))


def related(request: Request) -> Response:
    return render(request, views.related_page(_site(request), _key(request), _limit(request)))


def about(request: Request) -> Response:
    return render(request, views.about(_site(request)), nav="about")


def export_citations(request: Request, what: str) -> Response:
    fmt = str(request.path_params["fmt"])
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
    db_path: str | Path | None = None, *, warm: bool = False, eval_path: Path | None = None
) -> Starlette:
    """The site over one database file (default: ``$PETCASEFINDER_DB``).

    ``warm`` runs one example search at start-up, so the lexicon, the embedding
    model and the database pages are loaded before the first visitor arrives.
    ``eval_path`` is the measured-quality file the about page shows (default ``eval/expected.json``).
    """
    path = Path(db_path) if db_path is not None else Settings.from_env().db_path
    site = views.Site(path) if eval_path is None else views.Site(path, eval_path=eval_path)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if warm:
            await anyio.to_thread.run_sync(views.warm, site)
        yield

    routes = [
        Route("/", home),
        Route("/search", search),
        Route("/search.json", search),
        Route("/case/{key:path}", case),
        Route("/related/{key:path}", related),
        Route("/about", about),
        *(Route(f"/export/{what}.{{fmt}}", partial(export_citations, what=what))
          for what in ("case", "search", "related")),
        Route("/openapi.json", openapi),
        Route("/favicon.ico", favicon),
        Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"),
    ]
    handlers: dict[Any, Callable[..., Any]] = {HTTPException: on_http_exception, PetCaseError: on_petcase_error}
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeaders), Middleware(CatchAll)],
        exception_handlers=handlers,
        lifespan=lifespan,
    )
    app.state.site = site
    app.state.templates = make_templates()
    return app


def app_from_env() -> Starlette:
    """Factory for ``uvicorn --factory`` (used when serving with several workers)."""
    return create_app(os.environ.get("PETCASEFINDER_DB") or None, warm=True)
