"""Harvesters against a real local HTTP server replaying recorded Europe PMC / E-utilities bodies.

The veterinary pages keep the real Europe PMC core (and PubMed efetch) structure
with the 31 records of ``records.jsonl`` swapped in (see ``replay_server``).
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from petcasefinder.errors import HarvestError, QueryError
from petcasefinder.index.sqlite import Store
from petcasefinder.ingest.harvest import (
    DEFAULT_EUROPEPMC_QUERY,
    DEFAULT_PUBMED_QUERY,
    NCBI_INTERVAL_S,
    NCBI_KEY_INTERVAL_S,
    Progress,
    checkpoint_name,
    harvest_europepmc,
    harvest_pubmed,
    parse_since,
)
from petcasefinder.ingest.http import PoliteClient, retry_after_s
from petcasefinder.settings import HarvestSettings
from replay_server import (
    HTML_ERROR_PAGE,
    ReplayServer,
    Reply,
    esearch_body,
    pubmed_set,
    pubmed_template,
    recorded,
    truncated,
    vet_pages,
    vet_pubmed_article,
    vet_records,
)

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def srv() -> Iterator[ReplayServer]:
    with ReplayServer() as s:
        yield s


def settings(srv: ReplayServer, **kw: object) -> HarvestSettings:
    base: dict[str, object] = {"europepmc_url": srv.url, "eutils_url": srv.url, "retries": 3, "backoff_s": 0.01,
                               "timeout_s": 5.0}
    base.update(kw)
    return HarvestSettings(**base)  # type: ignore[arg-type]


def pmids(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT pmid FROM articles ORDER BY pmid")]


def serve_pages(srv: ReplayServer, pages: list[tuple[str, bytes]]) -> None:
    for cursor, body in pages:
        srv.route("search", cursor, Reply(body))


# ---- Europe PMC ---------------------------------------------------------------------------------------
def test_europepmc_pages_until_cursor_absent(srv: ReplayServer, store: Store) -> None:
    pages, expected = vet_pages(per_page=10, last="absent")
    serve_pages(srv, pages)
    out = io.StringIO()
    report = harvest_europepmc(store, settings(srv), query="dog", page_size=10, progress=Progress("epmc", out))
    assert (report.pages, report.done, report.total, report.finished) == (4, 31, 31, True)
    assert pmids(store) == sorted(expected)
    sent = srv.requests("search")
    assert [p["cursorMark"] for p in sent] == [c for c, _ in pages]
    assert all(p["resultType"] == "core" and p["format"] == "json" and p["pageSize"] == "10" for p in sent)
    cp = store.checkpoint(checkpoint_name("europepmc", "dog", None))
    assert cp is not None and cp.finished and cp.done == 31
    assert "31/31" in out.getvalue() and "rec/s" in out.getvalue()
    a = store.article(store.find("42361369") or 0)
    assert a.abstract.startswith("OBJECTIVE: ") and "\nMETHODS: " in a.abstract and "<h4>" not in a.abstract


def test_europepmc_stops_when_the_cursor_repeats(srv: ReplayServer, store: Store) -> None:
    pages, expected = vet_pages(per_page=10, last="repeat")
    serve_pages(srv, pages)
    report = harvest_europepmc(store, settings(srv), query="dog", page_size=10)
    assert report.finished and report.pages == 4 and len(srv.requests("search")) == 4
    assert pmids(store) == sorted(expected)


def test_europepmc_cursor_cycle_is_caught(srv: ReplayServer, store: Store) -> None:
    # page 3 points back to page 2's cursor (A -> B -> C -> B) with 1 of 31 hits still to come: never a loop, and
    # never a silent end either; the page is retried, then one error naming the cursor and the missing hits
    pages, _ = vet_pages(per_page=10)
    body2 = pages[2][1].replace(f'"nextCursorMark": "{pages[3][0]}"'.encode(), f'"nextCursorMark": "{pages[1][0]}"'.encode())
    serve_pages(srv, [*pages[:2], (pages[2][0], body2)])
    with pytest.raises(HarvestError) as err:
        harvest_europepmc(store, settings(srv), query="dog", page_size=10)
    msg = str(err.value)
    assert "\n" not in msg and pages[1][0] in msg and f"cursorMark={pages[2][0]}" in msg, msg
    assert "11 of 31 hits not harvested" in msg and "4 attempts" in msg, msg
    assert [p["cursorMark"] for p in srv.requests("search")] == [pages[0][0], pages[1][0]] + [pages[2][0]] * 4
    cp = store.checkpoint(checkpoint_name("europepmc", "dog", None))  # stays on the last good cursor, unfinished
    assert cp is not None and not cp.finished and cp.cursor == pages[2][0] and cp.done == 20
    assert store.stats()["records"] == 20
    srv.route("search", pages[2][0], Reply(pages[2][1]))  # the server recovers: the rerun resumes, no gap
    serve_pages(srv, pages[3:])
    report = harvest_europepmc(store, settings(srv), query="dog", page_size=10)
    assert report.resumed and report.finished and report.done == 31 and store.stats()["records"] == 31


def test_europepmc_cursor_repeat_after_the_last_hit_is_the_end(srv: ReplayServer, store: Store) -> None:
    # the same cycle, but hitCount says 30: every hit has arrived, so the repeat is Europe PMC's normal end
    pages, _ = vet_pages(per_page=10)
    body2 = pages[2][1].replace(f'"nextCursorMark": "{pages[3][0]}"'.encode(), f'"nextCursorMark": "{pages[1][0]}"'.encode())
    fixed = [(c, b.replace(b'"hitCount": 31', b'"hitCount": 30')) for c, b in [*pages[:2], (pages[2][0], body2)]]
    assert all(b'"hitCount": 30' in b for _, b in fixed)
    serve_pages(srv, fixed)
    report = harvest_europepmc(store, settings(srv), query="dog", page_size=10)
    assert report.finished and report.done == 30 and len(srv.requests("search")) == 3


def test_europepmc_empty_result(srv: ReplayServer, store: Store) -> None:
    srv.route("search", "*", Reply(recorded("europepmc__pyEuropePMC__search_no_results.json")))
    report = harvest_europepmc(store, settings(srv), query="asdkfjhasdkfjhasdfasdasdasdfgsagsd")
    assert (report.done, report.total, report.finished, report.counts.read) == (0, 0, True, 0)
    assert store.stats()["records"] == 0


def test_europepmc_real_recorded_page_then_derived_second_page(srv: ReplayServer, store: Store) -> None:
    first = recorded("europepmc__pyEuropePMC__search_cancer_core.json")
    pages, _ = vet_pages(per_page=31)
    second = pages[0][1].replace(b'"cursorMark": "*"', b'"cursorMark": "AoIIP4ZawSg1MzEyODI1MA=="')
    srv.route("search", "*", Reply(first))
    srv.route("search", "AoIIP4ZawSg1MzEyODI1MA==", Reply(second))
    report = harvest_europepmc(store, settings(srv), query="cancer", page_size=25)
    assert report.done == 56 and store.stats()["records"] == 56 and report.finished


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        (Reply(b"Internal Server Error", 500, "text/plain"), "HTTP 500"),
        (Reply(b"", 429), "HTTP 429"),
        (Reply(b"", 503, headers=(("Retry-After", "0"),)), "HTTP 503"),
        ("truncated", "truncated or invalid JSON"),
        (Reply(HTML_ERROR_PAGE, 200, "text/html"), "HTML page"),
        (Reply(action="reset"), "connection failed"),
        (Reply(action="hang", hang_s=1.5), "timed out"),
    ],
    ids=["500", "429", "503-retry-after", "truncated-json", "html-page", "reset", "timeout"],
)
def test_server_fault_gives_one_line_and_the_rest_loads(srv: ReplayServer, store: Store, fault: Reply | str,
                                                         message: str) -> None:
    pages, expected = vet_pages(per_page=10)
    serve_pages(srv, pages)
    bad = Reply(truncated(pages[1][1])) if fault == "truncated" else fault
    assert isinstance(bad, Reply)
    srv.route("search", pages[1][0], bad)
    cfg = settings(srv, retries=2, timeout_s=0.5)
    with pytest.raises(HarvestError) as err:
        harvest_europepmc(store, cfg, query="dog", page_size=10)
    text = str(err.value)
    assert message in text and "\n" not in text and pages[1][0] in text and "3 attempts" in text
    assert len(srv.requests("search")) == 1 + 3
    assert len(pmids(store)) == 10  # page 1 is stored with its checkpoint
    srv.route("search", pages[1][0], Reply(pages[1][1]))  # the server recovers: the run resumes at page 2
    report = harvest_europepmc(store, cfg, query="dog", page_size=10)
    assert report.resumed and report.finished and pmids(store) == sorted(expected)
    assert srv.requests("search")[4]["cursorMark"] == pages[1][0]


def test_transient_faults_are_retried_until_success(srv: ReplayServer, store: Store) -> None:
    pages, expected = vet_pages(per_page=10)
    serve_pages(srv, pages)
    srv.route("search", pages[1][0], Reply(b"", 500), Reply(action="reset"), Reply(truncated(pages[1][1])),
              Reply(HTML_ERROR_PAGE, content_type="text/html"), Reply(b"", 429, headers=(("Retry-After", "0"),)),
              Reply(pages[1][1]))
    report = harvest_europepmc(store, settings(srv, retries=6), query="dog", page_size=10)
    assert report.finished and pmids(store) == sorted(expected)
    assert [p["cursorMark"] for p in srv.requests("search")].count(pages[1][0]) == 6


def test_max_limits_the_run_and_the_next_run_continues(srv: ReplayServer, store: Store) -> None:
    pages, expected = vet_pages(per_page=10)
    serve_pages(srv, pages)
    first = harvest_europepmc(store, settings(srv), query="dog", page_size=10, max_records=15)
    assert not first.finished and srv.requests("search")[1]["pageSize"] == "5"
    second = harvest_europepmc(store, settings(srv), query="dog", page_size=10)
    assert second.resumed and second.finished and pmids(store) == sorted(expected)


def test_since_restricts_by_first_index_date(srv: ReplayServer, store: Store) -> None:
    pages, _ = vet_pages(per_page=31)
    serve_pages(srv, pages)
    harvest_europepmc(store, settings(srv), query="dog", since=parse_since("2026-01-15"))
    assert srv.requests("search")[0]["query"] == "(dog) AND (FIRST_IDATE:[2026-01-15 TO 3000-12-31])"
    with pytest.raises(QueryError):
        parse_since("last tuesday")


def test_default_queries_ask_for_case_reports_of_animals() -> None:
    for q in (DEFAULT_EUROPEPMC_QUERY, DEFAULT_PUBMED_QUERY):
        assert "Case Reports" in q and "Dog Diseases" in q and "feline" in q


def _harvest_cmd(db: Path, url: str) -> list[str]:
    return [sys.executable, "-m", "petcasefinder.cli", "harvest", "--db", str(db), "--source", "europepmc",
            "--query", "dog", "--page-size", "10"]


def _env(url: str) -> dict[str, str]:
    return {**os.environ, "PETCASEFINDER_EUROPEPMC_URL": url, "PETCASEFINDER_HTTP_BACKOFF": "0.01",
            "PETCASEFINDER_HTTP_RETRIES": "2"}


def test_sigkill_after_first_page_then_resume(srv: ReplayServer, tmp_path: Path) -> None:
    """A harvest killed with SIGKILL while page 2 is in flight resumes at page 2: no gaps, no duplicates."""
    pages, expected = vet_pages(per_page=10)
    serve_pages(srv, pages)
    srv.route("search", pages[1][0], Reply(pages[1][1], action="block"))  # held until we have killed the run
    db = tmp_path / "h.db"
    proc = subprocess.Popen(_harvest_cmd(db, srv.url), env=_env(srv.url), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        # page 2 is only asked for after page 1's transaction (records + checkpoint) committed
        assert srv.blocked.wait(120), proc.stderr.read().decode() if proc.poll() is not None else "no request"
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
        for f in (proc.stdout, proc.stderr):
            if f:
                f.close()
    assert proc.returncode == -signal.SIGKILL
    with Store(db) as s:
        assert len(pmids(s)) == 10
        cp = s.checkpoint(checkpoint_name("europepmc", "dog", None))
        assert cp is not None and cp.cursor == pages[1][0] and cp.done == 10 and not cp.finished
    srv.route("search", pages[1][0], Reply(pages[1][1]))
    srv.release.set()
    done = subprocess.run(_harvest_cmd(db, srv.url), env=_env(srv.url), capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "31 of 31" in done.stdout and "resumed" in done.stdout and "31/31" in done.stderr
    cursors = [p["cursorMark"] for p in srv.requests("search")]
    assert cursors.count("*") == 1  # the second run did not start over
    with Store(db) as s:
        got = pmids(s)
        assert got == sorted(expected) and len(got) == len(set(got)) == 31
        assert s.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 31


def test_cli_harvest_failure_is_one_line(srv: ReplayServer, tmp_path: Path) -> None:
    pages, _ = vet_pages(per_page=10)
    serve_pages(srv, pages)
    srv.route("search", pages[1][0], Reply(b"", 500))
    r = subprocess.run(_harvest_cmd(tmp_path / "f.db", srv.url), env=_env(srv.url), capture_output=True,
                       text=True, timeout=300, check=False)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    err = [line for line in r.stderr.splitlines() if line.startswith("Error:")]
    assert len(err) == 1 and "HTTP 500" in err[0] and "resume" in err[0]


# ---- PubMed -------------------------------------------------------------------------------------------
def _pubmed_batches(batch: int) -> tuple[list[bytes], list[str]]:
    tpl = pubmed_template()
    recs = vet_records()
    arts = [vet_pubmed_article(tpl, r) for r in recs]
    return [pubmed_set(arts[i : i + batch]) for i in range(0, len(arts), batch)], [r["pmid"] for r in recs]


def test_pubmed_paging_resumes_in_process(srv: ReplayServer, store: Store) -> None:
    bodies, expected = _pubmed_batches(12)
    srv.route("esearch.fcgi", "", Reply(esearch_body(len(expected))))
    for i, body in enumerate(bodies):
        srv.route("efetch.fcgi", str(i * 12), Reply(body, content_type="text/xml"))
    srv.route("efetch.fcgi", "12", Reply(b"", 502))
    cfg = settings(srv, retries=1, email="vet@example.org")
    with pytest.raises(HarvestError, match="retstart=12"):
        harvest_pubmed(store, cfg, query="dog[Title]", page_size=12)
    assert len(pmids(store)) == 12
    cp = store.checkpoint(checkpoint_name("pubmed", "dog[Title]", None))
    assert cp is not None and cp.cursor == "12" and not cp.finished
    srv.route("efetch.fcgi", "12", Reply(bodies[1], content_type="text/xml"))
    report = harvest_pubmed(store, cfg, query="dog[Title]", page_size=12)
    assert report.resumed and report.finished and report.total == 31
    assert pmids(store) == sorted(expected)
    fetches = srv.requests("efetch.fcgi")
    assert [f["retstart"] for f in fetches] == ["0", "12", "12", "12", "24"]
    searches = srv.requests("esearch.fcgi")
    assert all(s["usehistory"] == "y" and s["tool"] == "petcasefinder" and s["email"] == "vet@example.org"
               for s in searches)
    assert searches[0]["maxdate"] == searches[1]["maxdate"]  # the resumed pass keeps its window
    assert all(f["WebEnv"] and f["query_key"] == "1" and "api_key" not in f for f in fetches)
    a = store.article(store.find("42361369") or 0)
    assert a.sources == ("pubmed",) and a.abstract.startswith("OBJECTIVE: ")


def test_pubmed_api_key_and_rate(srv: ReplayServer, store: Store) -> None:
    bodies, _ = _pubmed_batches(31)
    srv.route("esearch.fcgi", "", Reply(esearch_body(31)))
    srv.route("efetch.fcgi", "0", Reply(bodies[0], content_type="text/xml"))
    harvest_pubmed(store, settings(srv, ncbi_api_key="k123"), query="cat", since=parse_since("2026-02-01"))
    es, ef = srv.requests("esearch.fcgi")[0], srv.requests("efetch.fcgi")[0]
    assert es["api_key"] == ef["api_key"] == "k123" and es["mindate"] == "2026/02/01" and es["datetype"] == "edat"
    assert NCBI_INTERVAL_S >= 1 / 3 and NCBI_KEY_INTERVAL_S >= 1 / 10


def test_pubmed_truncated_batch_is_an_error_after_retries(srv: ReplayServer, store: Store) -> None:
    bodies, _ = _pubmed_batches(31)
    srv.route("esearch.fcgi", "", Reply(esearch_body(31)))
    srv.route("efetch.fcgi", "0", Reply(truncated(bodies[0]), content_type="text/xml"))
    with pytest.raises(HarvestError, match="truncated or invalid XML"):
        harvest_pubmed(store, settings(srv, retries=1), query="cat")
    assert store.stats()["records"] == 0


# ---- the client -----------------------------------------------------------------------------------------
def test_retry_after_is_honoured(srv: ReplayServer) -> None:
    waits: list[float] = []
    srv.route("search", "*", Reply(b"", 429, headers=(("Retry-After", "7"),)), Reply(b"{}"))
    with PoliteClient(min_interval_s=0.0, retries=2, backoff_s=0.01, sleep=waits.append) as c:
        assert c.get(srv.url + "/search", {"cursorMark": "*"}, lambda b: b, what="t") == b"{}"
        assert 7.0 in waits and c.min_interval_s > 0  # a 429 also slows our own pace
    assert retry_after_s("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert retry_after_s("soon") is None


def test_client_does_not_retry_a_plain_4xx(srv: ReplayServer) -> None:
    srv.route("search", "*", Reply(b"bad query syntax", 400, "text/plain"))
    with PoliteClient(min_interval_s=0.0, retries=3, backoff_s=0.01) as c, pytest.raises(HarvestError, match="400"):
        c.get(srv.url + "/search", {"cursorMark": "*"}, lambda b: b, what="t")
    assert len(srv.requests("search")) == 1
