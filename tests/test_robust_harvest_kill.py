"""SIGKILL a running harvest at 20 seeded random points and resume each time: nothing lost, nothing twice.

The harvest is ``python -m petcasefinder.cli harvest`` against the local replay
server (``replay_server``), over pages derived from the recorded real Europe PMC
core body (the 31 veterinary records, 5 per page: 7 pages in the real wrapper
with real cursor marks) and, for PubMed, efetch batches derived from the recorded
``PubmedArticleSet``.  The server holds each page a little, so a kill lands at a
varied point: while the process starts and migrates a fresh database, while a
request is in flight, while a page is parsed and its transaction commits, during
the polite pause between requests.  Each kill is aimed at a random page still to
come plus a random offset.

A cycle is: fresh database, harvest, kill, resume, kill, ... until a run
completes.  Every cycle's final database must equal the uninterrupted
reference run's: the same rows (ids, PMIDs, every article column, content_hash),
the same FTS index, the same final checkpoint; 0 duplicates, integrity ok.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from petcasefinder.ingest.harvest import checkpoint_name
from replay_server import (
    ReplayServer,
    Reply,
    esearch_body,
    pubmed_set,
    pubmed_template,
    vet_pages,
    vet_pubmed_article,
    vet_records,
)

PER_PAGE = 5
SEED = 9  # issue 9; change it to explore other kill points
HOLD_S = 0.08  # the server holds each page this long: a window for kills in flight
QUERY = "dog"
ARTICLE_COLUMNS = ("id, pmid, doi, pmcid, title, abstract, journal, year, language, authors, affiliations, mesh, "
                   "pub_types, keywords, sources, raw, content_hash")


@dataclass
class Harvest:
    """One source's replayed harvest: how to serve it, run it and read its progress."""

    source: str
    keys: list[str]  # paging keys in order (cursorMark or retstart)
    endpoint: str
    setup: Callable[[ReplayServer], None]
    kills: list[dict[str, Any]] = field(default_factory=list)

    def cmd(self, db: Path) -> list[str]:
        return [sys.executable, "-m", "petcasefinder.cli", "harvest", "--db", str(db), "--source", self.source,
                "--query", QUERY, "--page-size", str(PER_PAGE)]

    def pages_done(self, db: Path) -> int:
        """Pages committed so far, read through a read-only connection (never completing a migration)."""
        if not db.exists():
            return 0
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT cursor, finished FROM harvest_state WHERE name = ?",
                              (checkpoint_name(self.source, QUERY, None),)).fetchone()
        except sqlite3.OperationalError:  # killed before the schema was committed
            return 0
        finally:
            con.close()
        if row is None:
            return 0
        return len(self.keys) if row[1] else self.keys.index(row[0])


def europepmc() -> Harvest:
    pages, _ = vet_pages(per_page=PER_PAGE)

    def setup(srv: ReplayServer) -> None:
        for cursor, body in pages:
            srv.route("search", cursor, Reply(body, action="hang", hang_s=HOLD_S))

    return Harvest("europepmc", [c for c, _ in pages], "search", setup)


def pubmed() -> Harvest:
    tpl, recs = pubmed_template(), vet_records()
    arts = [vet_pubmed_article(tpl, r) for r in recs]
    starts = list(range(0, len(arts), PER_PAGE))

    def setup(srv: ReplayServer) -> None:
        srv.route("esearch.fcgi", "", Reply(esearch_body(len(arts))))
        for s in starts:
            srv.route("efetch.fcgi", str(s), Reply(pubmed_set(arts[s : s + PER_PAGE]), content_type="text/xml",
                                                   action="hang", hang_s=HOLD_S))

    return Harvest("pubmed", [str(s) for s in starts], "efetch.fcgi", setup)


def _env(srv: ReplayServer) -> dict[str, str]:
    return {**os.environ, "PETCASEFINDER_EUROPEPMC_URL": srv.url, "PETCASEFINDER_EUTILS_URL": srv.url,
            "PETCASEFINDER_HTTP_BACKOFF": "0.01", "PETCASEFINDER_HTTP_RETRIES": "2", "NCBI_API_KEY": ""}


def _run_to_end(h: Harvest, srv: ReplayServer, db: Path) -> None:
    r = subprocess.run(h.cmd(db), env=_env(srv), capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 0, r.stderr[-2000:]
    assert f"{len(vet_records())} of {len(vet_records())} hits stored" in r.stdout, r.stdout


def _kill_at(h: Harvest, srv: ReplayServer, db: Path, page: int | None, offset: float) -> bool:
    """Start a run and SIGKILL it ``offset`` s after it asks for its ``page``-th page of this run
    (``page`` None: ``offset`` s after the start).  False if the run finished first."""
    before = len(srv.requests(h.endpoint))
    proc = subprocess.Popen(h.cmd(db), env=_env(srv), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if page is not None:
            deadline = time.monotonic() + 60
            while len(srv.requests(h.endpoint)) < before + page + 1:
                if proc.poll() is not None:
                    break
                assert time.monotonic() < deadline, "the harvest made no request"
                time.sleep(0.002)
        time.sleep(offset)
        if proc.poll() is not None:
            assert proc.returncode == 0
            return False
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        if proc.returncode == 0:
            return False  # it finished in the instant between the poll and the kill (seen on a loaded machine)
        assert proc.returncode == -signal.SIGKILL
        return True
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _snapshot(db: Path) -> dict[str, Any]:
    con = sqlite3.connect(db)
    try:
        q = con.execute
        assert q("PRAGMA integrity_check").fetchone()[0] == "ok"
        q("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        return {
            "articles": q(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY id").fetchall(),
            "fts": q("SELECT rowid, title, abstract, keywords, mesh FROM articles_fts ORDER BY rowid").fetchall(),
            "checkpoints": q("SELECT name, source, query, cursor, done, total, finished, extra FROM harvest_state "
                             "ORDER BY name").fetchall(),
            "malformed": q("SELECT file, position, error FROM malformed ORDER BY id").fetchall(),
            "duplicates": q("SELECT count(*) - count(DISTINCT pmid) FROM articles").fetchone()[0],
        }
    finally:
        con.close()


def _kill_and_resume(h: Harvest, tmp_path: Path, n_kills: int, seed: int) -> None:
    rng = random.Random(seed)
    with ReplayServer() as srv:
        h.setup(srv)
        ref_db = tmp_path / f"{h.source}-reference.db"
        _run_to_end(h, srv, ref_db)
        ref = _snapshot(ref_db)
        assert len(ref["articles"]) == len(vet_records()) and ref["duplicates"] == 0 and not ref["malformed"]
        assert sorted(r[1] for r in ref["articles"]) == sorted(r["pmid"] for r in vet_records())
        cycle = 0
        while len(h.kills) < n_kills:
            cycle += 1
            db = tmp_path / f"{h.source}-cycle{cycle}.db"
            while len(h.kills) < n_kills:
                done = h.pages_done(db)
                if done == len(h.keys):
                    break  # killed after the last page committed: nothing left to resume
                # one kill in five lands during start-up (imports, opening and migrating the database)
                page = None if rng.random() < 0.2 else rng.randrange(len(h.keys) - done)
                offset = rng.uniform(0.0, 1.2) if page is None else rng.uniform(0.0, HOLD_S + 0.4)
                if not _kill_at(h, srv, db, page, offset):
                    break  # the run completed before the kill: this cycle is over
                h.kills.append({"cycle": cycle, "pages_before": done, "aim": (page, round(offset, 3)),
                                "pages_after": h.pages_done(db)})
            if h.pages_done(db) < len(h.keys):
                _run_to_end(h, srv, db)  # the last resume runs uninterrupted
            got = _snapshot(db)
            assert got["duplicates"] == 0
            for key in ("articles", "fts", "checkpoints", "malformed"):
                assert got[key] == ref[key], f"cycle {cycle}: {key} differ from the uninterrupted run"
    landed = {k["pages_before"] for k in h.kills}
    assert len(h.kills) == n_kills and len(landed) >= 3, h.kills  # kills spread over the harvest
    print(f"{h.source}: {n_kills} SIGKILLs over {cycle} cycles, pages done at the kills: "
          f"{sorted(k['pages_before'] for k in h.kills)}; every final database equals the uninterrupted run")


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_harvests_killed_at_random_points_equal_uninterrupted(tmp_path: Path) -> None:
    """Europe PMC (20 kills) and PubMed (10 kills) side by side: the runs mostly wait, so both fit in ~40 s."""
    plans = [(europepmc(), 20, SEED), (pubmed(), int(os.environ.get("PETCASEFINDER_PUBMED_KILLS", "10")), SEED + 1)]
    with ThreadPoolExecutor(len(plans)) as pool:
        futures = [pool.submit(_kill_and_resume, h, tmp_path, n, seed) for h, n, seed in plans]
        for f in futures:
            f.result()
