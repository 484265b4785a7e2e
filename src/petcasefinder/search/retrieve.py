"""The three retrievers and the evidence check, each over the rows of the per-process index.

* lexical: BM25 over title/abstract with the owner's words plus the clinical
  terms (and synonyms) their signs map to ("peeing a lot" -> polyuria);
* dense: cosine between the query's MiniLM vector and each case's stored vector;
* concepts: overlap between the query's signs and the signs and diagnoses
  extracted from each case, weighted by how rare each concept is.

Each returns a best-first ``Ranked`` list restricted to the species mask, so a
cat query never ranks a dog.  ``evidence`` then says, for each candidate, which
of the query's signs and words it really contains: no candidate is shown
without one (no padding).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ..lexicon import Lexicon
from ..records import QuerySign
from .index import SearchIndex
from .lexical import tokenize
from .query import Analysis, words

SYNONYM_WEIGHT = 0.6
SAID_WEIGHT = 0.8
DEPTH = 100  # candidates taken from each retriever


@dataclass(frozen=True)
class Ranked:
    rows: NDArray[np.int64]
    scores: NDArray[np.float32]

    @classmethod
    def empty(cls) -> Ranked:
        return cls(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))


def top_k(scores: NDArray[np.float32], mask: NDArray[np.bool_] | None, k: int, floor: float = 0.0) -> Ranked:
    """The k best rows with score > floor (inside ``mask``), best first, in O(n) + O(k log k)."""
    s = scores if mask is None else np.where(mask, scores, np.float32(-np.inf))
    ok = np.flatnonzero(s > floor)
    if not len(ok):
        return Ranked.empty()
    if len(ok) > k:
        part = np.argpartition(-s[ok], k - 1)[:k]
        ok = ok[part]
    order = np.argsort(-s[ok], kind="stable")
    rows = ok[order].astype(np.int64)
    return Ranked(rows, s[rows].astype(np.float32))


def sign_terms(sign: QuerySign, lexicon: Lexicon) -> list[str]:
    """The clinical term and its synonyms (lower-case) for one recognised sign."""
    out = [sign.term.lower()]
    try:
        out += [s.lower() for s in lexicon.clinical.synonyms(sign.term)]
    except (KeyError, AttributeError):
        pass
    return list(dict.fromkeys(x for x in out if x))


def lexical_query(a: Analysis, lexicon: Lexicon) -> dict[str, float]:
    """Weighted stemmed terms: the owner's own words, the clinical terms of their signs, then synonyms."""
    stop = words().stopwords
    q: dict[str, float] = {}

    def add(tokens: list[str], w: float) -> None:
        for t in tokens:
            if t not in stop and len(t) > 1:
                q[t] = max(q.get(t, 0.0), w)

    add(list(a.words), 1.0)
    for s in a.understood.signs:
        add(tokenize(s.said), SAID_WEIGHT)
        terms = sign_terms(s, lexicon)
        add(tokenize(terms[0]), 1.0)
        for syn in terms[1:]:
            add(tokenize(syn), SYNONYM_WEIGHT)
    if a.understood.breed:
        add(tokenize(a.understood.breed), 1.0)
    for t in a.negated_words:
        q.pop(t, None)
    return q


def lexical(ix: SearchIndex, query: dict[str, float], mask: NDArray[np.bool_] | None, k: int = DEPTH) -> Ranked:
    if not query or ix.size == 0:
        return Ranked.empty()
    return top_k(ix.lexical.scores(query), mask, k)


def dense(
    ix: SearchIndex,
    vectors: NDArray[np.float32],
    has: NDArray[np.bool_],
    qvec: NDArray[np.float32],
    mask: NDArray[np.bool_] | None,
    k: int = DEPTH,
) -> Ranked:
    if ix.size == 0 or vectors.shape[1] != qvec.shape[-1]:
        return Ranked.empty()
    sims = vectors @ qvec.reshape(-1)
    m = has if mask is None else (has & mask)
    return top_k(sims.astype(np.float32), m, k, floor=-1.0)


def concept_terms(a: Analysis, lexicon: Lexicon) -> list[str]:
    """The clinical terms of the query's (non-negated) signs, as stored in findings (lower-case)."""
    return list(dict.fromkeys(s.term.lower() for s in a.understood.signs))


def concepts(ix: SearchIndex, terms: list[str], mask: NDArray[np.bool_] | None, k: int = DEPTH) -> Ranked:
    if not terms or ix.size == 0:
        return Ranked.empty()
    scores = np.zeros(ix.size, dtype=np.float32)
    for t in terms:
        rows = ix.concept_rows.get(t)
        if rows is not None:
            scores[rows] += np.float32(ix.concept_idf(t))
    return top_k(scores, mask, k)


def has_rows(sorted_rows: NDArray[np.int32] | None, cands: NDArray[np.int64]) -> NDArray[np.bool_]:
    if sorted_rows is None or not len(sorted_rows) or not len(cands):
        return np.zeros(len(cands), dtype=np.bool_)
    i = np.searchsorted(sorted_rows, cands)
    i[i >= len(sorted_rows)] = len(sorted_rows) - 1
    return np.asarray(sorted_rows[i] == cands)


@dataclass(frozen=True)
class Evidence:
    """Per candidate: which query signs it shows (by findings or in its text) and how many words it shares."""

    signs: list[list[QuerySign]]  # matched query signs, per candidate
    negated: list[list[QuerySign]]  # negated query signs the case does show
    coverage: NDArray[np.float64]  # idf-weighted share of the owner's other words found in the text
    matched_words: list[list[str]]

    def ok(self, i: int, min_coverage: float) -> bool:
        return bool(self.signs[i]) or self.coverage[i] >= min_coverage


def _in_text(ix: SearchIndex, phrase: str, cands: NDArray[np.int64]) -> NDArray[np.bool_]:
    toks = [t for t in tokenize(phrase) if t not in words().stopwords]
    if not toks:
        return np.zeros(len(cands), dtype=np.bool_)
    hit = np.ones(len(cands), dtype=np.bool_)
    for t in toks:
        hit &= ix.lexical.matched(t, cands)
    return hit


def evidence(ix: SearchIndex, a: Analysis, lexicon: Lexicon, cands: NDArray[np.int64]) -> Evidence:
    n = len(cands)
    signs: list[list[QuerySign]] = [[] for _ in range(n)]
    negated: list[list[QuerySign]] = [[] for _ in range(n)]
    for s in a.understood.signs:
        found = has_rows(ix.concept_rows.get(s.term.lower()), cands)
        for term in sign_terms(s, lexicon):
            found |= _in_text(ix, term, cands)
        for i in np.flatnonzero(found):
            signs[i].append(s)
    for s in a.understood.negated:
        found = has_rows(ix.concept_rows.get(s.term.lower()), cands) | _in_text(ix, s.term, cands)
        for i in np.flatnonzero(found):
            negated[i].append(s)
    total = 0.0
    got = np.zeros(n, dtype=np.float64)
    matched: list[list[str]] = [[] for _ in range(n)]
    for w in a.words:
        idf = ix.lexical.term_idf(w)
        total += idf
        hit = ix.lexical.matched(w, cands)
        got += hit * idf
        for i in np.flatnonzero(hit):
            matched[i].append(w)
    coverage = got / total if total > 0 else np.zeros(n, dtype=np.float64)
    return Evidence(signs, negated, coverage, matched)
