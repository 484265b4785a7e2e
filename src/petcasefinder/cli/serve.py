"""``petcasefinder serve`` (the website) and ``petcasefinder bench pages`` (its render times)."""

from __future__ import annotations

import math
import os
import statistics
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import click

from ..errors import NotFound
from ..settings import Settings
from . import bench, db_option, emit_json, main


def _db_path(db: Path | None) -> Path:
    path = (db or Settings.from_env().db_path).resolve()
    if not path.is_file():
        raise NotFound(f"no database at {path}: run `petcasefinder build` first (or pass --db PATH)")
    return path


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes (each opens its own read connections).")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              default="info", show_default=True)
def serve(host: str, port: int, db: Path | None, workers: int, log_level: str) -> None:
    """Serve the website (search, results, case pages, JSON twins) on HOST:PORT."""
    import uvicorn

    path = _db_path(db)
    os.environ["PETCASEFINDER_DB"] = str(path)
    # Every worker process runs its numeric libraries on one thread: the workers already share the cores,
    # and idle BLAS/OpenMP threads spin on them (workers inherit these before importing numpy or torch).
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    click.echo(f"PetCaseFinder on http://{host}:{port}/ (database {path}); Ctrl+C to stop", err=True)
    from ..serve.protocol import HTTP_PROTOCOL

    options: dict[str, Any] = {"host": host, "port": port, "log_level": log_level, "server_header": False,
                               "access_log": log_level in ("info", "debug"), "http": HTTP_PROTOCOL}
    if workers == 1:
        from ..serve.app import serving_app

        uvicorn.run(serving_app(path), **options)
    else:
        uvicorn.run("petcasefinder.serve.app:app_from_env", factory=True, workers=workers, **options)


def _percentiles(ms: list[float]) -> dict[str, float]:
    ordered = sorted(ms)

    def pct(p: float) -> float:
        return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]  # nearest rank

    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(pct(95), 2),
        "max_ms": round(ordered[-1], 2),
    }


@bench.command("pages")
@db_option
@click.option("--repeat", type=click.IntRange(min=1), default=5, show_default=True,
              help="Timed renders of each page (after one untimed warm-up).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def bench_pages(db: Path | None, repeat: int, as_json: bool) -> None:
    """Time full page renders in-process (routing, search, templates, middleware; no network).

    Every timed request is a fresh render: the page cache is off and the cached search responses and query
    vectors are forgotten first (what a repeat visitor gets from the caches is what ``bench serve`` measures).
    """
    from starlette.testclient import TestClient

    from ..search import cache
    from ..serve import labels
    from ..serve.app import create_app

    path = _db_path(db)
    app = create_app(path, cache=False)
    timings: dict[str, list[float]] = {"home": [], "search": [], "search_json": [], "case": [], "related": []}
    per_example: list[dict[str, Any]] = []
    first_key: str | None = None
    with TestClient(app) as client:

        def timed(kind: str, url: str) -> Any:
            r = client.get(url)  # warm-up: loads models, lexicon, templates, SQLite pages
            for _ in range(repeat):
                cache.clear(query_vectors=True)
                t0 = time.perf_counter()
                r = client.get(url)
                timings[kind].append((time.perf_counter() - t0) * 1000)
            if r.status_code != 200:
                raise click.ClickException(f"{url} returned {r.status_code}")
            return r

        timed("home", "/")
        for ex in labels.examples():
            before = len(timings["search"])
            timed("search", ex["href"])
            per_example.append({"q": ex["q"], "species": ex["species"] or None,
                                "p50_ms": round(statistics.median(timings["search"][before:]), 2)})
            data = timed("search_json", ex["href"].replace("/search?", "/search.json?", 1)).json()
            if first_key is None and data["results"]:
                hit = data["results"][0]
                first_key = hit["pmid"] or hit["doi"]
        if first_key:
            timed("case", "/case/" + quote(first_key, safe="/"))
            timed("related", "/related/" + quote(first_key, safe="/"))
    pages = {k: _percentiles(v) for k, v in timings.items() if v}
    report = {"db": str(path), "examples": len(per_example), "repeat": repeat, "pages": pages, "searches": per_example}
    if as_json:
        emit_json(report)
        return
    click.echo(f"{'page':<12} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, fig in pages.items():
        click.echo(f"{name:<12} {fig['n']:>4} {fig['p50_ms']:>8.1f} {fig['p95_ms']:>8.1f} {fig['max_ms']:>8.1f}")
    click.echo("\nsearch page p50 per example:")
    for ex in per_example:
        click.echo(f"  {ex['p50_ms']:>7.1f} ms  {ex['q']}" + (f" [{ex['species']}]" if ex["species"] else ""))
