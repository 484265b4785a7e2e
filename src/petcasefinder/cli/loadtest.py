"""``petcasefinder bench serve``: the site under load (wrk, loopback only), figures as one JSON object."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from ..errors import NotFound
from ..loadtest import MAX_CONNECTIONS, MAX_SECONDS, bench_serve
from ..settings import Settings, find_shared_data
from . import bench, emit_json


def _demo_db(folder: Path) -> Path:
    """A demo database built from ../shared/data (what ``petcasefinder build`` makes offline)."""
    from ..fixtures import build_demo
    from ..index.sqlite import Store

    shared = find_shared_data()
    if shared is None:
        raise NotFound("no --db given, no ./petcasefinder.db, and no ../shared/data to build the demo database from")
    path = folder / "demo.db"
    click.echo(f"building the demo database in {path} ...", err=True)
    with Store(path) as store:
        build_demo(store, shared)
    return path


@bench.command("serve")
@click.option("--connections", type=click.IntRange(1, MAX_CONNECTIONS), default=64, show_default=True,
              help="Concurrent keep-alive connections.")
@click.option("--seconds", type=click.IntRange(1, MAX_SECONDS), default=60, show_default=True,
              help="Length of the run.")
@click.option("--url", help="Load an already running site at this loopback URL instead of starting one.")
@click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path),
              help="Database to serve (default: $PETCASEFINDER_DB or ./petcasefinder.db if present, "
                   "else the demo database built in a temporary folder).")
@click.option("--workers", type=click.IntRange(1, 16), default=min(os.cpu_count() or 2, 4), show_default=True,
              help="Server worker processes when the site is started here.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def bench_serve_cmd(connections: int, seconds: int, url: str | None, db: Path | None, workers: int,
                    as_json: bool) -> None:
    """Example searches and case pages at N connections for S seconds: requests/s, errors, latency p50/p95/p99."""
    with tempfile.TemporaryDirectory(prefix="pcf-bench-") as tmp:
        path = db
        if url is None and path is None:
            default = Settings.from_env().db_path
            path = default if default.is_file() else _demo_db(Path(tmp))
        result = bench_serve(url=url, db=path, connections=connections, seconds=seconds, workers=workers)
    if as_json:
        emit_json(result.to_json())
        return
    r = result
    click.echo(f"{r.requests} requests in {r.seconds} s at {r.connections} connections: {r.rps} requests/s, "
               f"{r.errors} errors; latency p50 {r.p50_ms} ms, p95 {r.p95_ms} ms, p99 {r.p99_ms} ms")
