"""Load-test the site: ``petcasefinder serve`` on loopback, driven by wrk at N connections for S seconds.

Why wrk: a maintained C load generator (Debian package ``wrk``) that costs the
machine a few per cent of one core at the request rates this site reaches, so on
a 2-core box the figures measure the server, not a Python client competing with
it for CPU.  A Lua script (``WRK_SCRIPT``) rotates through the example searches
and case pages and prints the summary and latency percentiles as JSON.

Errors are everything wrk counts as failed: connect, read, write and timeout
errors plus every response with status >= 400.  Only loopback addresses are
accepted; every run is bounded in time (``MAX_SECONDS``) and connections.
"""

from __future__ import annotations

import ipaddress
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit
from urllib.request import urlopen

from .errors import NotFound, OptionalPartMissing, PetCaseError, QueryError

MAX_SECONDS = 600
MAX_CONNECTIONS = 1024
WRK_INSTALL = "apt-get install -y wrk"
READY_TIMEOUT_S = 180.0

WRK_SCRIPT = r"""
-- rotate through the paths in PATHS (one per line); each wrk thread starts at its own offset
local paths, i = {}, 0
for line in io.lines(os.getenv("PETCASEFINDER_WRK_PATHS")) do paths[#paths + 1] = line end
local threads = 0
function setup(thread) thread:set("offset", threads); threads = threads + 1 end
function init(args) i = (offset or 0) * 7 end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,' ..
    '"p50_us":%d,"p95_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


@dataclass(frozen=True)
class LoadResult:
    """The figures ``bench serve --json`` prints (exactly these keys)."""

    connections: int
    seconds: float
    requests: int
    errors: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float

    def to_json(self) -> dict[str, int | float]:
        return asdict(self)


def check_loopback(url: str) -> str:
    """The base URL without a trailing slash; QueryError unless it is http(s) on a loopback address."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise QueryError(f"--url {url!r} is not an http:// URL")
    try:
        addrs = {ipaddress.ip_address(host)} if host != "localhost" else {ipaddress.ip_address("127.0.0.1")}
    except ValueError:
        try:
            addrs = {ipaddress.ip_address(str(a[4][0])) for a in socket.getaddrinfo(host, None)}
        except OSError:
            raise QueryError(f"--url host {host!r} does not resolve") from None
    if not all(a.is_loopback for a in addrs):
        raise QueryError(f"--url {url!r}: load tests run against loopback addresses only (127.0.0.1, ::1)")
    return f"{parts.scheme}://{parts.netloc}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, timeout: float = 30.0) -> tuple[int, bytes]:
    with urlopen(url, timeout=timeout) as r:
        return int(r.status), r.read()


@contextmanager
def serve(db: Path, *, workers: int = 1, log: Path | None = None, extra_env: dict[str, str] | None = None,
          ready_timeout_s: float = READY_TIMEOUT_S) -> Iterator[str]:
    """Run ``petcasefinder serve`` over ``db`` on a free loopback port; yield its base URL once it answers."""
    if not db.is_file():
        raise NotFound(f"no database at {db}")
    port = free_port()
    exe = Path(sys.executable).with_name("petcasefinder")
    cmd = [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "petcasefinder.cli"]),
           "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
           "--log-level", "warning"]
    out = log.open("w") if log else subprocess.DEVNULL
    env = os.environ | {"PYTHONUNBUFFERED": "1"} | (extra_env or {})
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + ready_timeout_s
        while True:
            if proc.poll() is not None:
                raise PetCaseError(f"petcasefinder serve exited with {proc.returncode}"
                                   + (f" (log: {log})" if log else ""))
            try:
                if _get(base + "/", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise PetCaseError(f"petcasefinder serve did not answer within {ready_timeout_s:.0f} s")
            time.sleep(0.2)
        yield base
    finally:
        _stop(proc)
        if log and not isinstance(out, int):
            out.close()


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGINT (uvicorn's graceful stop) to the server's process group, then SIGKILL if it lingers."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGINT)
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        except ProcessLookupError:
            pass


def example_paths(base: str, cases_per_example: int = 2) -> list[str]:
    """The example searches and, for each, the case pages of its first hits (asked of the running site)."""
    from .serve import labels

    searches = [str(ex["href"]) for ex in labels.examples()]
    cases: list[str] = []
    for href in searches:
        status, body = _get(base + href.replace("/search?", "/search.json?", 1))
        if status != 200:
            raise PetCaseError(f"{href} answered {status} before the load started")
        for hit in json.loads(body).get("results", [])[:cases_per_example]:
            key = hit.get("pmid") or hit.get("doi") or hit.get("pmcid")
            if key and "/case/" + quote(key, safe="/") not in cases:
                cases.append("/case/" + quote(key, safe="/"))
    if not cases:
        raise PetCaseError("the example searches found no cases: is the database built?")
    # alternate: a search, a case page, a search, ...
    out: list[str] = []
    for i in range(max(len(searches), len(cases))):
        out += [searches[i % len(searches)], cases[i % len(cases)]]
    return out


def run_wrk(base: str, paths: Sequence[str], *, connections: int = 64, seconds: int = 60,
            threads: int | None = None, timeout_s: int = 10) -> LoadResult:
    """One bounded wrk run over ``paths``, rotating; the figures as a LoadResult."""
    base = check_loopback(base)
    if not 1 <= seconds <= MAX_SECONDS or not 1 <= connections <= MAX_CONNECTIONS:
        raise QueryError(f"--seconds must be 1-{MAX_SECONDS} and --connections 1-{MAX_CONNECTIONS}")
    wrk = shutil.which("wrk")
    if wrk is None:
        raise OptionalPartMissing(f"the load generator wrk is not installed: {WRK_INSTALL}")
    # One wrk thread per core: measured on 2 cores with 2 workers, 2 threads gave 7,359 requests/s and p99
    # 27.5 ms against 6,774 and 31.8 ms with 1 (at ~7,000 requests/s one wrk thread becomes the bottleneck).
    n_threads = max(1, min(threads or (os.cpu_count() or 2), connections))
    with tempfile.TemporaryDirectory(prefix="pcf-wrk-") as d:
        script, listing = Path(d) / "rotate.lua", Path(d) / "paths.txt"
        script.write_text(WRK_SCRIPT)
        listing.write_text("\n".join(paths) + "\n")
        cmd = [wrk, f"-t{n_threads}", f"-c{connections}", f"-d{seconds}s", f"--timeout={timeout_s}s",
               "-s", str(script), base + paths[0]]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + timeout_s + 60, check=False,
                           env=os.environ | {"PETCASEFINDER_WRK_PATHS": str(listing)})
    line = next((x for x in reversed(r.stdout.splitlines()) if x.startswith("{")), None)
    if r.returncode != 0 or line is None:
        raise PetCaseError(f"wrk failed ({r.returncode}): {' '.join((r.stderr or r.stdout).split())[:300]}")
    w = json.loads(line)
    duration = w["duration_us"] / 1e6
    errors = sum(int(w[k]) for k in ("connect", "read", "write", "status", "timeout"))
    return LoadResult(
        connections=connections,
        seconds=round(duration, 2),
        requests=int(w["requests"]),
        errors=errors,
        rps=round(w["requests"] / duration, 1) if duration else 0.0,
        p50_ms=round(w["p50_us"] / 1000, 1),
        p95_ms=round(w["p95_us"] / 1000, 1),
        p99_ms=round(w["p99_us"] / 1000, 1),
    )


def bench_serve(*, url: str | None, db: Path | None, connections: int, seconds: int, workers: int) -> LoadResult:
    """Against ``url`` if given, else a ``serve`` subprocess over ``db`` started (and stopped) here."""
    if url:
        base = check_loopback(url)
        paths = example_paths(base)
        warm(base, paths)
        return run_wrk(base, paths, connections=connections, seconds=seconds)
    if db is None:
        raise QueryError("give --url or --db")
    with serve(db, workers=workers) as base:
        paths = example_paths(base)
        warm(base, paths)
        return run_wrk(base, paths, connections=connections, seconds=seconds)


def warm(base: str, paths: Sequence[str], rounds: int = 4) -> None:
    """Ask for every path a few times over fresh connections, so each worker has (likely) built each page once.

    The figures are meant to describe the site in steady state; a cold worker's first renders are
    what ``bench pages`` measures.
    """
    for _ in range(rounds):
        for p in dict.fromkeys(paths):
            _get(base + p)
