"""The site under load (wrk at 64 connections, bounded to seconds in CI): 0 errors, also while an ingest writes.

Figures are printed, never asserted (timings depend on the machine): the full
60 s measurement is ``petcasefinder bench serve --json --seconds 60``.  What is
asserted: the JSON has exactly the documented keys, requests were served, and
none failed: not under load alone, not while ``petcasefinder ingest`` adds
records and a write transaction is held open in WAL mode (readers never wait
for the writer).  Needs wrk (``apt-get install -y wrk``; ``scripts/install``
installs it): without it these tests fail with that line rather than skip.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from petcasefinder.errors import QueryError
from petcasefinder.loadtest import LoadResult, check_loopback, example_paths, run_wrk, serve
from serve_data import copy_db

SECONDS = int(os.environ.get("PETCASEFINDER_LOAD_SECONDS", "10"))
pytestmark = pytest.mark.slow
KEYS = {"connections", "seconds", "requests", "errors", "rps", "p50_ms", "p95_ms", "p99_ms"}
CLI = [sys.executable, "-m", "petcasefinder.cli"]

@pytest.fixture(scope="module")
def site(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """``petcasefinder serve --workers 2`` over a copy of the demo database (the ingest test writes to it)."""
    folder = tmp_path_factory.mktemp("load")
    db = copy_db(demo_db, folder / "load.db")
    with serve(db, workers=2, log=folder / "serve.log") as base:
        yield base, db


def _bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, "bench", "serve", *args], capture_output=True, text=True,
                          timeout=SECONDS + 240, check=False)


def test_bench_serve_json_64_connections_no_errors(site: tuple[str, Path]) -> None:
    base, _ = site
    r = _bench("--json", "--url", base, "--connections", "64", "--seconds", str(SECONDS))
    assert r.returncode == 0, r.stderr
    figures = json.loads(r.stdout)
    assert set(figures) == KEYS
    assert figures["connections"] == 64 and figures["requests"] > 0
    assert figures["errors"] == 0, figures
    print(f"bench serve --seconds {SECONDS}: {figures}")


def test_bench_serve_starts_its_own_server_over_db(demo_db: Path, tmp_path: Path) -> None:
    """Without --url the command starts ``serve`` over --db on a free loopback port and stops it afterwards."""
    db = copy_db(demo_db, tmp_path / "own.db")
    r = _bench("--json", "--db", str(db), "--workers", "1", "--connections", "8", "--seconds", "2")
    assert r.returncode == 0, r.stderr
    figures = json.loads(r.stdout)
    assert set(figures) == KEYS and figures["requests"] > 0 and figures["errors"] == 0, figures


def _write_new_records(shared: Path, out: Path, copies: int) -> int:
    """The shared veterinary records under new PMIDs/DOIs, so the ingest really inserts (and re-indexes)."""
    src = (shared / "vet-case-reports-github" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for c in range(copies):
            for line in src:
                if not line.strip():
                    continue
                rec = json.loads(line)
                rec["pmid"] = f"9{c:03d}{rec['pmid']}"
                rec["doi"] = f"10.9999/load.{c}.{rec.get('doi') or rec['pmid']}"
                rec.pop("pmcid", None)
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def test_reads_never_fail_while_an_ingest_writes(site: tuple[str, Path], shared: Path, tmp_path: Path) -> None:
    base, db = site
    before = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    new = tmp_path / "new.jsonl"
    n_new = _write_new_records(shared, new, copies=20)
    box: dict[str, LoadResult | BaseException] = {}
    paths = example_paths(base)

    def load() -> None:
        try:
            box["result"] = run_wrk(base, paths, connections=64, seconds=SECONDS)
        except BaseException as e:  # noqa: BLE001 - handed to the test thread
            box["result"] = e

    t = threading.Thread(target=load)
    t.start()
    time.sleep(1.0)
    # 1. a real ingest (its own process and connection) during the load
    ing = subprocess.run([*CLI, "ingest", "--db", str(db), str(new), "--json"], capture_output=True, text=True,
                         timeout=120, check=False)
    # 2. a write transaction held open for 3 s: WAL readers must not wait for it
    w = sqlite3.connect(db, isolation_level=None, timeout=30)
    w.execute("BEGIN IMMEDIATE")
    w.execute("UPDATE articles SET updated_at = datetime('now') WHERE id = (SELECT min(id) FROM articles)")
    time.sleep(3.0)
    w.execute("COMMIT")
    w.close()
    t.join(SECONDS + 120)
    assert not t.is_alive()
    result = box["result"]
    if isinstance(result, BaseException):
        raise result
    assert ing.returncode == 0, ing.stderr
    assert json.loads(ing.stdout)["new"] == n_new
    after = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    assert after == before + n_new
    assert result.requests > 0 and result.errors == 0, result
    print(f"during ingest of {n_new} records + a 3 s write transaction: {result.to_json()}")


@pytest.mark.parametrize("url", ["http://10.0.0.1:8000", "http://8.8.8.8/", "ftp://127.0.0.1/", "127.0.0.1:80"])
def test_only_loopback_addresses(url: str) -> None:
    with pytest.raises(QueryError):
        check_loopback(url)
    assert check_loopback("http://127.0.0.1:8000/") == "http://127.0.0.1:8000"
    assert check_loopback("http://[::1]:8000") == "http://[::1]:8000"


def test_cli_refuses_a_non_loopback_url_in_one_line() -> None:
    r = _bench("--json", "--url", "http://192.0.2.1:8000", "--seconds", "1")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert [x for x in r.stderr.splitlines() if x.startswith("Error:")] == [r.stderr.strip()], r.stderr
    assert "loopback" in r.stderr
