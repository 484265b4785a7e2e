"""Database safety: migrations keep every record; the file survives a killed writer."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from petcasefinder.index import schema
from petcasefinder.index.sqlite import Store
from petcasefinder.ingest.readers import read_path


def test_migration_from_previous_schema_keeps_every_record(tmp_path: Path, shared: Path) -> None:
    """A database made by the previous schema (all migrations but the last) opens with every record kept."""
    path = tmp_path / "old.db"
    records = read_path(shared / "vet-case-reports-github" / "records.jsonl").records
    db = sqlite3.connect(path, isolation_level=None)
    schema.apply(db, schema.MIGRATIONS[:-1])
    # Write the records with the previous schema's columns only, as that release would have.
    with Store(tmp_path / "scratch.db") as scratch:
        scratch.upsert(records)
        cols = [r[1] for r in db.execute("PRAGMA table_info(articles)")]
        rows = scratch.db.execute(f"SELECT {', '.join(cols)} FROM articles").fetchall()
    db.execute("BEGIN")
    db.executemany(f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", rows)
    db.execute("COMMIT")
    db.close()

    with Store(path) as s:
        names = [r[0] for r in s.db.execute("SELECT name FROM _migrations ORDER BY name")]
        assert names == sorted(m.__name__ for m in schema.MIGRATIONS)
        assert s.stats()["records"] == len(records)
        for a in records:
            found = s.find(a.pmid or "")
            assert found is not None
            assert s.article(found).title == a.title
        assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # FTS built by the old schema's triggers still answers.
        assert s.fts(records[0].title.split()[0], vcr_only=False)


def test_killed_ingest_leaves_a_sound_database(tmp_path: Path, shared: Path) -> None:
    """SIGKILL an ingest mid-write: the file passes integrity_check and a re-run completes it."""
    db = tmp_path / "k.db"
    src = shared / "studytype-negatives" / "records.jsonl"
    cmd = [sys.executable, "-m", "petcasefinder.cli", "ingest", "--db", str(db), str(src)]
    for delay in (0.6, 1.2, 2.0):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy())
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        con = sqlite3.connect(db)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert done.returncode == 0
    with Store(db) as s:
        expected = {r.pmid for r in read_path(src).records}
        got = {r[0] for r in s.db.execute("SELECT pmid FROM articles")}
        assert got == expected
        assert s.db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(expected)


def test_record_whose_ids_name_two_rows_does_not_break_the_batch(tmp_path: Path) -> None:
    from petcasefinder.records import Article

    with Store(tmp_path / "x.db") as s:
        s.upsert([Article(title="A", pmid="1", doi="10.1/a"), Article(title="B", pmid="2", doi="10.1/b")])
        counts = s.upsert([Article(title="A longer title", pmid="1", doi="10.1/b"), Article(title="C", pmid="3")])
        assert counts.new == 1
        assert s.stats()["records"] == 3
        assert s.article(s.find("1") or 0).doi == "10.1/a"
        assert s.find("10.1/b") == s.find("2")
