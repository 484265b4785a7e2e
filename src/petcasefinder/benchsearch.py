"""``bench search``: query latency, throughput, build rate and peak memory of search at N records.

The real corpus (the demo database built from ../shared/data, in a child process so its
embedding run does not count towards this process's memory) is grown to N records with
perturbed copies, for timing only, in a temporary database: each copy drops ~8% of its
words and shuffles its abstract's sentences, keeps its original's classification and
findings, and reuses its original's stored vector plus a little noise (embedding 100,000
texts with MiniLM on 2 CPU cores would take about an hour, and timing does not need it).

``build_s`` is the time to write the N records (articles with their FTS5 index,
classifications, species, findings, vectors) into SQLite and build the in-memory search
index, ready to answer (saving the index beside the database included).  ``index_load_s`` is what a
new process pays instead of the rebuild: the content check plus loading that saved index.  Query latency is one ``search()`` call as the CLI and the web app
make it (summary included), after warm-up, excluding process start and model load.
``peak_rss_mb`` is this process's peak resident memory (``getrusage``) measured after the
search runs and before the bm25s baseline is built in the same process on the same records.
Prints, never asserts (bm25s ``utils/benchmark.py`` style).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .index.embeddings import decode_vector, encode_vector, get_embedder, normalise
from .index.sqlite import Store
from .settings import Settings

_BUILD_DEMO = (
    "import sys; from petcasefinder.fixtures import build_demo; from petcasefinder.index.sqlite import Store\n"
    "s = Store(sys.argv[1]); build_demo(s); s.close()"
)
_SENT = re.compile(r"(?<=[.!?])\s+")
NOISE = 0.02


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile_ms(times: Sequence[float], q: float) -> float:
    return round(float(np.percentile(np.asarray(times) * 1000, q)), 3)


def build_source(path: Path) -> None:
    """The demo database, built in a child process (its embedding run is not the search process)."""
    proc = subprocess.run([sys.executable, "-c", _BUILD_DEMO, str(path)], check=False, capture_output=True,
                          text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"building the demo database failed: {proc.stderr.strip().splitlines()[-1:]}")


def perturb(text: str, rng: random.Random, shuffle: bool) -> str:
    sents = _SENT.split(text)
    if shuffle and len(sents) > 2:
        head, rest = sents[:1], sents[1:]
        rng.shuffle(rest)
        sents = head + rest
    out = []
    for s in sents:
        out.append(" ".join(w for w in s.split() if rng.random() > 0.08))
    return " ".join(out)


def _source_rows(src: Store) -> list[dict[str, Any]]:
    rows = src.db.execute(
        "SELECT a.*, c.version AS c_version, c.article_type, c.patient, c.species AS c_species, c.confidence, "
        "c.reasons, f.version AS f_version, f.data AS f_data, e.model AS e_model, e.vector AS e_vector "
        "FROM articles a JOIN classifications c ON c.article_id = a.id AND c.is_vcr = 1 "
        "LEFT JOIN findings f ON f.article_id = a.id LEFT JOIN embeddings e ON e.article_id = a.id ORDER BY a.id"
    )
    return [dict(r) for r in rows]


def _copies(rows: list[dict[str, Any]], n: int, seed: int) -> Iterator[tuple[int, dict[str, Any], str, str]]:
    rng = random.Random(seed)
    for i in range(n):
        src = rows[i % len(rows)]
        copy = i // len(rows)
        if copy == 0:
            yield i + 1, src, src["title"], src["abstract"]
        else:
            yield i + 1, src, perturb(src["title"], rng, False), perturb(src["abstract"], rng, True)


def grow(src: Store, dst: Store, n: int, seed: int = 0, chunk: int = 5000) -> int:
    """Write N records (originals first, then perturbed copies) with their derived rows into ``dst``."""
    rows = _source_rows(src)
    if not rows:
        raise RuntimeError("the source database has no veterinary case reports to grow from")
    nrng = np.random.default_rng(seed)
    art: list[tuple[Any, ...]] = []
    cls: list[tuple[Any, ...]] = []
    sp: list[tuple[Any, ...]] = []
    fnd: list[tuple[Any, ...]] = []
    emb: list[tuple[Any, ...]] = []

    def flush() -> None:
        with dst.transaction():
            dst.db.executemany(
                "INSERT INTO articles (id, pmid, doi, pmcid, title, abstract, journal, year, language, authors, "
                "affiliations, mesh, pub_types, keywords, sources, raw, content_hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", art)
            dst.db.executemany("INSERT INTO classifications VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)", cls)
            dst.db.executemany("INSERT OR IGNORE INTO case_species VALUES (?, ?)", sp)
            dst.db.executemany("INSERT INTO findings VALUES (?, ?, ?, ?)", fnd)
            dst.db.executemany("INSERT INTO embeddings VALUES (?, ?, ?, ?)", emb)
        for x in (art, cls, sp, fnd, emb):
            x.clear()

    for aid, s, title, abstract in _copies(rows, n, seed):
        original = aid <= len(rows)
        h = s["content_hash"] if original else hashlib.sha256(f"{title}\n{abstract}".encode()).hexdigest()[:32]
        art.append((aid, s["pmid"] if original else str(900_000_000 + aid), s["doi"] if original else None,
                    s["pmcid"] if original else None, title, abstract, s["journal"], s["year"], s["language"],
                    s["authors"], s["affiliations"], s["mesh"], s["pub_types"], s["keywords"], "[]", "[]", h))
        cls.append((aid, s["c_version"], h, s["article_type"], s["patient"], s["c_species"], s["confidence"],
                    s["reasons"]))
        sp.extend((aid, x) for x in json.loads(s["c_species"]))
        if s["f_data"] is not None:
            fnd.append((aid, s["f_version"], h, s["f_data"]))
        if s["e_vector"] is not None:
            v = decode_vector(s["e_vector"])
            if not original:
                v = normalise(v + nrng.normal(0, NOISE, v.shape).astype(np.float32))[0]
            emb.append((aid, s["e_model"], h, encode_vector(v)))
        if len(art) >= chunk:
            flush()
    flush()
    return n


def _stored_model(store: Store) -> str | None:
    row = store.db.execute("SELECT model FROM embeddings LIMIT 1").fetchone()
    return str(row[0]) if row else None


def time_queries(run: Callable[[str], object], queries: Sequence[str], rounds: int) -> tuple[list[float], float]:
    times: list[float] = []
    start = time.perf_counter()
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            run(q)
            times.append(time.perf_counter() - t)
    return times, time.perf_counter() - start


def _stats(times: list[float], wall: float) -> dict[str, float]:
    return {
        "p50_ms": percentile_ms(times, 50),
        "p95_ms": percentile_ms(times, 95),
        "p99_ms": percentile_ms(times, 99),
        "qps": round(len(times) / wall, 2) if wall > 0 else 0.0,
    }


def _bm25s_baseline(store: Store, queries: Sequence[str], rounds: int) -> dict[str, Any]:
    import bm25s

    def texts() -> Iterator[str]:
        for t, a in store.db.execute(
            "SELECT a.title, a.abstract FROM articles a JOIN classifications c ON c.article_id = a.id "
            "AND c.is_vcr = 1 ORDER BY a.id"
        ):
            yield f"{t}\n{a}"

    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(list(texts()), stopwords="en", show_progress=False), show_progress=False)

    def run(q: str) -> object:
        toks = bm25s.tokenize([q], stopwords="en", show_progress=False)
        return retriever.retrieve(toks, k=10, show_progress=False) if toks.vocab else None

    for q in queries[:5]:
        run(q)
    times, wall = time_queries(run, queries, rounds)
    return {"name": "bm25s", **_stats(times, wall)}


def bench(
    records: int,
    *,
    source_db: Path | None = None,
    queries: Sequence[str],
    rounds: int = 3,
    seed: int = 0,
    summarise: bool = True,
    notes: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Grow, index, time the search and the bm25s baseline; return the bench JSON object."""
    from .lexicon import load as load_lexicon
    from .search import search
    from .search.index import get_index

    say = notes or (lambda _m: None)
    with tempfile.TemporaryDirectory(prefix="pcf-bench-") as tmp:
        src_path = source_db or Path(tmp) / "source.db"
        if source_db is None:
            say("building the demo database from ../shared/data in a child process ...")
            build_source(src_path)
        lexicon = load_lexicon()
        t0 = time.perf_counter()
        with Store(src_path, readonly=source_db is not None) as src, Store(Path(tmp) / "bench.db") as dst:
            grow(src, dst, records, seed)
            ix = get_index(dst)
            model = _stored_model(dst)
            if model:
                ix.vectors(dst, model)
            build_s = time.perf_counter() - t0
            say(f"built {ix.size} records in {build_s:.1f} s")
            from .search.index import clear_cache

            clear_cache()
            t1 = time.perf_counter()
            get_index(dst)
            load_s = time.perf_counter() - t1
            embedder, notice = get_embedder(Settings.from_env())
            if notice:
                say(notice)

            def run(q: str) -> object:
                return search(dst, q, lexicon=lexicon, embedder=embedder, summarise=summarise)

            for q in queries[:10]:
                run(q)
            times, wall = time_queries(run, queries, rounds)
            peak = peak_rss_mb()
            say(f"timed {len(times)} searches; peak RSS {peak:.0f} MB before the baseline")
            baseline = _bm25s_baseline(dst, queries, rounds)
    return {
        "records": records,
        **_stats(times, wall),
        "build_s": round(build_s, 3),
        "build_records_per_s": round(records / build_s, 1) if build_s > 0 else 0.0,
        "index_load_s": round(load_s, 3),
        "peak_rss_mb": round(peak, 1),
        "baseline": baseline,
    }
