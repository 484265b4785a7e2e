"""``evaluate search``: nDCG@10, P@5, MRR and wrong-species rate, side by side, on labelled lay queries.

Systems, all over the same records (those that pass the veterinary-case-report gate):
  bm25s        plain BM25 (bm25s, English stopwords) on title + abstract with the owner's raw words;
               no species filter, no threshold: what a naive search box would show;
  dense        cosine between MiniLM vectors of the query and each case, top 10, no filter;
  full         ``petcasefinder.search.search`` as users get it;
  variants     the full pipeline with one part changed (no dense, weighted fusion), to show what each adds.

Judgments (``eval/queries.jsonl``) were written from the abstracts before any tuning: grade 3 = the
case the owner describes, 2 = same main problem, 1 = partly related.  nDCG@10 (linear gain,
log2 discount; Jarvelin & Kekalainen 2002), P@5 (grade >= 1) and MRR are averaged over queries with
at least one relevant case; queries whose right answer is an empty list (species with no case in the
corpus, conditions no case shows) are scored separately as "empty when nothing fits".
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..index.embeddings import Embedder
from ..index.sqlite import Store
from ..lexicon import Lexicon
from ..settings import REPO_DIR

DEFAULT_QUERIES = REPO_DIR / "eval" / "queries.jsonl"


@dataclass(frozen=True)
class Query:
    id: str
    text: str
    species: str | None
    relevant: dict[str, int]


def load_queries(path: Path = DEFAULT_QUERIES) -> list[Query]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append(Query(d["id"], d["query"], d.get("species") or None,
                             {str(k): int(v) for k, v in d["relevant"].items()}))
    return out


def ndcg_at(ranked: Sequence[str], rel: dict[str, int], k: int = 10) -> float:
    """Normalised discounted cumulative gain, linear gain, log2(rank + 1) discount."""
    dcg = sum(rel.get(p, 0) / math.log2(i + 2) for i, p in enumerate(ranked[:k]))
    ideal = sorted(rel.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def precision_at(ranked: Sequence[str], rel: dict[str, int], k: int = 5) -> float:
    return sum(1 for p in ranked[:k] if rel.get(p, 0) > 0) / k


def reciprocal_rank(ranked: Sequence[str], rel: dict[str, int]) -> float:
    for i, p in enumerate(ranked):
        if rel.get(p, 0) > 0:
            return 1.0 / (i + 1)
    return 0.0


@dataclass
class Scores:
    name: str
    ndcg: list[float] = field(default_factory=list)
    p5: list[float] = field(default_factory=list)
    mrr: list[float] = field(default_factory=list)
    hits: int = 0
    wrong_species: int = 0
    gate_failures: int = 0
    empty_ok: int = 0
    empty_n: int = 0
    not_case_reports: int = 0

    def to_json(self) -> dict[str, Any]:
        def mean(x: list[float]) -> float:
            return round(float(np.mean(x)), 4) if x else 0.0

        return {
            "name": self.name,
            "ndcg@10": mean(self.ndcg),
            "p@5": mean(self.p5),
            "mrr": mean(self.mrr),
            "judged_queries": len(self.ndcg),
            "hits": self.hits,
            "wrong_species_hits": self.wrong_species,
            "wrong_species_rate": round(self.wrong_species / self.hits, 4) if self.hits else 0.0,
            "gate_failures": self.gate_failures,
            "hits_not_in_shared_case_reports": self.not_case_reports,
            "empty_when_nothing_fits": f"{self.empty_ok}/{self.empty_n}",
        }


Runner = Callable[[Query], list[str]]


@dataclass(frozen=True)
class Corpus:
    """The gated records by key, with their species and gate flag (to count wrong-species and gate failures)."""

    keys: list[str]
    texts: list[str]
    species: dict[str, frozenset[str]]
    gated: frozenset[str]
    known_cases: frozenset[str] | None = None  # PMIDs of the shared case reports, when that folder is there


def known_case_reports() -> frozenset[str] | None:
    """PMIDs of the hand-selected case reports in ../shared/data (the other shared records are not)."""
    from ..settings import find_shared_data

    base = find_shared_data()
    path = base / "vet-case-reports-github" / "records.jsonl" if base else None
    if path is None or not path.exists():
        return None
    return frozenset(str(json.loads(line)["pmid"]) for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip())


def load_corpus(store: Store) -> Corpus:
    ids = store.vcr_ids()
    cases = store.cases(ids)
    keys = [c.key for c in cases]
    texts = [c.article.text for c in cases]
    species = {c.key: frozenset(c.classification.species if c.classification else ()) for c in cases}
    gated = frozenset(c.key for c in cases if c.classification and c.classification.is_veterinary_case_report)
    return Corpus(keys, texts, species, gated, known_case_reports())


def bm25s_runner(corpus: Corpus, k: int = 10) -> Runner:
    import bm25s

    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(corpus.texts, stopwords="en", show_progress=False), show_progress=False)

    def run(q: Query) -> list[str]:
        toks = bm25s.tokenize([q.text], stopwords="en", show_progress=False)
        if not toks.vocab:
            return []
        docs, scores = retriever.retrieve(toks, k=min(k, len(corpus.keys)), show_progress=False)
        return [corpus.keys[int(d)] for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

    return run


def dense_runner(store: Store, corpus: Corpus, embedder: Embedder, k: int = 10) -> Runner:
    from ..index.embeddings import load_vectors

    ids = store.vcr_ids()
    vectors, has = load_vectors(store, embedder.name, ids)
    keys = [c.key for c in store.cases(ids)]

    def run(q: Query) -> list[str]:
        sims = vectors @ embedder.embed([q.text])[0]
        sims[~has] = -np.inf
        order = np.argsort(-sims)[:k]
        return [keys[int(i)] for i in order if has[int(i)]]

    return run


def pipeline_runner(store: Store, lexicon: Lexicon, embedder: Embedder | None, **options: Any) -> Runner:
    from ..search import Options, search

    opts = Options(**options)

    def run(q: Query) -> list[str]:
        resp = search(store, q.text, limit=10, lexicon=lexicon, embedder=embedder, summarise=False, options=opts)
        return [h.key for h in resp.results]

    return run


def score(name: str, run: Runner, queries: Sequence[Query], corpus: Corpus) -> Scores:
    s = Scores(name)
    for q in queries:
        ranked = run(q)[:10]
        s.hits += len(ranked)
        if q.species:
            s.wrong_species += sum(1 for k in ranked if q.species not in corpus.species.get(k, frozenset()))
        s.gate_failures += sum(1 for k in ranked if k not in corpus.gated)
        if corpus.known_cases is not None:
            s.not_case_reports += sum(1 for k in ranked if k not in corpus.known_cases)
        if q.relevant:
            s.ndcg.append(ndcg_at(ranked, q.relevant))
            s.p5.append(precision_at(ranked, q.relevant))
            s.mrr.append(reciprocal_rank(ranked, q.relevant))
        else:
            s.empty_n += 1
            s.empty_ok += int(not ranked)
    return s


def evaluate(
    store: Store,
    lexicon: Lexicon,
    embedder: Embedder | None,
    queries: Sequence[Query],
    *,
    variants: bool = True,
) -> dict[str, Any]:
    """Score every system on ``queries``; returns the rows and the full pipeline's gain over bm25s."""
    corpus = load_corpus(store)
    rows = [score("bm25s", bm25s_runner(corpus), queries, corpus)]
    if embedder is not None:
        rows.append(score("dense", dense_runner(store, corpus, embedder), queries, corpus))
    rows.append(score("full", pipeline_runner(store, lexicon, embedder), queries, corpus))
    if variants:
        rows.append(score("full, no dense", pipeline_runner(store, lexicon, None,
                                                            retrievers=("lexical", "concepts")), queries, corpus))
        rows.append(score("full, weighted fusion", pipeline_runner(store, lexicon, embedder, fusion="weighted"),
                          queries, corpus))
    table = [r.to_json() for r in rows]
    base = table[0]["ndcg@10"]
    full = next(r for r in table if r["name"] == "full")["ndcg@10"]
    return {
        "queries": len(queries),
        "species": sorted({q.species for q in queries if q.species}),
        "records": len(corpus.keys),
        "systems": table,
        "full_vs_bm25s_ndcg_gain": round((full - base) / base, 4) if base else None,
        "dense": embedder is not None,
    }


def render(report: dict[str, Any]) -> str:
    """The side-by-side table printed by ``evaluate search``."""
    cols = ["ndcg@10", "p@5", "mrr", "wrong_species_rate", "gate_failures", "empty_when_nothing_fits",
            "hits_not_in_shared_case_reports"]
    head = f"{'system':<24}" + "".join(f"{c:>14}" for c in ["nDCG@10", "P@5", "MRR", "wrong-species",
                                                            "gate-fails", "empty-ok", "not-shared-CR"])
    lines = [
        (
            f"{report['queries']} queries over {len(report['species'])} species, "
            f"{report['records']} gated records; metrics over "
            f"{report['systems'][0]['judged_queries']} queries with a relevant case"
        ),
        head,
    ]
    for r in report["systems"]:
        lines.append(f"{r['name']:<24}" + "".join(f"{r[c]!s:>14}" for c in cols))
    lines.append("wrong-species: share of hits not of the query's species; gate-fails: hits that fail the "
                 "case-report gate; empty-ok: queries with no fitting case answered with an empty list; "
                 "not-shared-CR: hits outside the 31 hand-picked shared case reports")
    gain = report["full_vs_bm25s_ndcg_gain"]
    if gain is not None:
        lines.append(f"full vs bm25s: {gain * 100:+.1f}% relative nDCG@10")
    if not report["dense"]:
        lines.append("dense rows missing: matching by meaning is not available here")
    return "\n".join(lines)
