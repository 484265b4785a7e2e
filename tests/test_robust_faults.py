"""Server faults the harvest tests in ``test_harvest.py`` do not already play, and the CLI's answer to each.

Added here: a stalled body (status and headers sent, part of the body, then
silence past the client timeout), a body cut off mid-transfer (the connection
closes before Content-Length bytes arrived), and a cursor that repeats while hits
remain.  For every fault, 500, 429, reset and truncated JSON included, the CLI
retries, then exits non-zero with one line and no traceback; the checkpoint
stays on the failed page (never a silent gap), and the next run, once the server
recovers, resumes there and ends with every record exactly once.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from petcasefinder.cli import main
from petcasefinder.errors import HarvestError
from petcasefinder.index.sqlite import Store
from petcasefinder.ingest.harvest import checkpoint_name, harvest_pubmed
from petcasefinder.settings import HarvestSettings
from replay_server import (
    HTML_ERROR_PAGE,
    ReplayServer,
    Reply,
    _Handler,
    esearch_body,
    pubmed_set,
    pubmed_template,
    truncated,
    vet_pages,
    vet_pubmed_article,
    vet_records,
)

STALL = "X-Test-Stall-After-Headers"  # seconds: send headers and a third of the body, then go silent
CUT = "X-Test-Cut-Body"  # send headers (full Content-Length) and a third of the body, then close
TIMEOUT_S = 0.5


class _SlowWriter:
    def __init__(self, inner: Any, handler: _FaultHandler) -> None:
        self.inner, self.handler = inner, handler

    def write(self, data: bytes) -> int:
        h = self.handler
        if not (h.stall_s or h.cut) or len(data) < 3:
            return int(self.inner.write(data))
        third = len(data) // 3
        self.inner.write(data[:third])
        self.inner.flush()
        if h.cut:
            h.close_connection = True
            h.connection.shutdown(2)
            return third
        time.sleep(h.stall_s)
        return int(self.inner.write(data[third:]))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


class _FaultHandler(_Handler):
    """The replay server's handler plus two faults, switched on by a marker header in the ``Reply``."""

    stall_s = 0.0
    cut = False

    def send_header(self, keyword: str, value: str) -> None:
        if keyword == STALL:
            self.stall_s = float(value)
            return
        if keyword == CUT:
            self.cut = True
            return
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        super().end_headers()
        if self.stall_s or self.cut:
            self.wfile = _SlowWriter(self.wfile, self)  # type: ignore[assignment]


@pytest.fixture
def srv() -> Iterator[ReplayServer]:
    s = ReplayServer()
    s._httpd.RequestHandlerClass = _FaultHandler
    with s:
        yield s


def _settings(srv: ReplayServer) -> HarvestSettings:
    return HarvestSettings(europepmc_url=srv.url, eutils_url=srv.url, retries=2, backoff_s=0.01,
                           timeout_s=TIMEOUT_S)


def _env(srv: ReplayServer) -> dict[str, str]:
    return {"PETCASEFINDER_EUROPEPMC_URL": srv.url, "PETCASEFINDER_EUTILS_URL": srv.url,
            "PETCASEFINDER_HTTP_BACKOFF": "0.01", "PETCASEFINDER_HTTP_RETRIES": "2",
            "PETCASEFINDER_HTTP_TIMEOUT": str(TIMEOUT_S), "NCBI_API_KEY": ""}


def _pmids(db: Path) -> list[str]:
    with Store(db) as s:
        return [r[0] for r in s.db.execute("SELECT pmid FROM articles ORDER BY pmid")]


def _cli(srv: ReplayServer, db: Path, *extra: str) -> Any:
    args = ["harvest", "--db", str(db), "--query", "dog", "--page-size", "10", *extra]
    return CliRunner().invoke(main, args, env=_env(srv), catch_exceptions=False)


def _fault(kind: str, good: bytes) -> Reply:
    return {
        "500": Reply(b"Internal Server Error", 500, "text/plain"),
        "429": Reply(b"", 429),
        "reset": Reply(action="reset"),
        "stalled-body": Reply(good, headers=((STALL, "2.0"),)),
        "cut-body": Reply(good, headers=((CUT, "1"),)),
        "truncated-json": Reply(truncated(good)),
        "html-page": Reply(HTML_ERROR_PAGE, content_type="text/html"),
    }[kind]


MESSAGES = {"500": "HTTP 500", "429": "HTTP 429", "reset": "connection failed", "stalled-body": "timed out",
            "cut-body": "connection failed", "truncated-json": "truncated or invalid JSON", "html-page": "HTML page"}


@pytest.mark.parametrize("kind", sorted(MESSAGES))
def test_cli_fault_retries_then_one_line_error_and_resumes_without_gap(srv: ReplayServer, tmp_path: Path,
                                                                       kind: str) -> None:
    pages, expected = vet_pages(per_page=10)
    for cursor, body in pages:
        srv.route("search", cursor, Reply(body))
    failing = pages[1][0]
    srv.route("search", failing, _fault(kind, pages[1][1]))
    db = tmp_path / "f.db"
    r = _cli(srv, db)
    assert r.exit_code == 1, r.output
    errors = [line for line in r.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "Traceback" not in r.output + r.stderr, r.stderr
    assert MESSAGES[kind] in errors[0] and "3 attempts" in errors[0] and "resume" in errors[0], errors[0]
    assert [p["cursorMark"] for p in srv.requests("search")].count(failing) == 3  # retried, then gave up
    with Store(db) as s:  # page 1 kept with its checkpoint; the checkpoint did not move past the failed page
        cp = s.checkpoint(checkpoint_name("europepmc", "dog", None))
        assert cp is not None and cp.cursor == failing and cp.done == 10 and not cp.finished
    assert len(_pmids(db)) == 10
    srv.route("search", failing, Reply(pages[1][1]))  # the server recovers
    again = _cli(srv, db)
    assert again.exit_code == 0 and "resumed" in again.output and "31 of 31" in again.output, again.output
    got = _pmids(db)
    assert got == sorted(expected) and len(set(got)) == 31


@pytest.mark.parametrize("kind", ["stalled-body", "cut-body"])
def test_pubmed_efetch_stall_and_cut_body_are_retried_then_reported(srv: ReplayServer, store: Store,
                                                                    kind: str) -> None:
    tpl, recs = pubmed_template(), vet_records()
    arts = [vet_pubmed_article(tpl, r) for r in recs]
    bodies = [pubmed_set(arts[i : i + 12]) for i in range(0, len(arts), 12)]
    srv.route("esearch.fcgi", "", Reply(esearch_body(len(arts))))
    for i, body in enumerate(bodies):
        srv.route("efetch.fcgi", str(i * 12), Reply(body, content_type="text/xml"))
    srv.route("efetch.fcgi", "12", _fault(kind, bodies[1]))
    with pytest.raises(HarvestError) as err:
        harvest_pubmed(store, _settings(srv), query="dog", page_size=12)
    assert "\n" not in str(err.value) and "retstart=12" in str(err.value) and MESSAGES[kind] in str(err.value)
    cp = store.checkpoint(checkpoint_name("pubmed", "dog", None))
    assert cp is not None and cp.cursor == "12" and not cp.finished
    srv.route("efetch.fcgi", "12", Reply(bodies[1], content_type="text/xml"))
    report = harvest_pubmed(store, _settings(srv), query="dog", page_size=12)
    assert report.resumed and report.finished and store.stats()["records"] == 31


@pytest.mark.parametrize("shape", ["stuck", "cycle"])
def test_cursor_repeating_before_the_last_hit_is_an_error_not_the_end(srv: ReplayServer, tmp_path: Path,
                                                                      shape: str) -> None:
    """Europe PMC ends a result set by repeating the cursor; repeating it with hits left is a fault."""
    pages, _ = vet_pages(per_page=10)
    for cursor, body in pages:
        srv.route("search", cursor, Reply(body))
    # page 2 names itself ("stuck") or page 1's successor again ("cycle": A -> B -> A) as the next cursor
    back = pages[1][0] if shape == "stuck" else pages[0][0]
    at = 1 if shape == "stuck" else 2
    nxt = f'"nextCursorMark": "{pages[at + 1][0]}"'.encode()
    srv.route("search", pages[at][0], Reply(pages[at][1].replace(nxt, f'"nextCursorMark": "{back}"'.encode())))
    db = tmp_path / "c.db"
    r = _cli(srv, db)
    with Store(db) as s:
        cp = s.checkpoint(checkpoint_name("europepmc", "dog", None))
    assert cp is not None and not cp.finished, f"marked finished at {cp.done if cp else 0} of 31: {r.output}"
    assert r.exit_code == 1 and "cursor" in r.stderr.lower()
