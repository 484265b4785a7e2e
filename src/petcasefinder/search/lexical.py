"""Word matching: a tokenizer and an in-memory BM25 index held as numpy arrays.

Why not SQLite FTS5 per query?  Its ``bm25()`` is a callback run on every
matching row before the ``ORDER BY ... LIMIT``: at 100,000 records a
five-word OR query took 23-54 ms on this 2-core machine, the whole latency
budget.  This index keeps, per term, the rows it occurs in and their
precomputed BM25 weight, so a query costs a few vector additions (about 1 ms).
It is built once per process from the store (see ``index.py``), over the
same gated records the bm25s baseline of ``evaluate search`` indexes.

User text is split into words by a regex, so FTS syntax (quotes, AND, NEAR,
``*``, parentheses) is never syntax here: it is just words or nothing.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SPELLING = (
    ("aemia", "emia"), ("haem", "hem"), ("oedem", "edem"), ("oestr", "estr"), ("oesoph", "esoph"),
    ("diarrhoe", "diarrhe"), ("tumour", "tumor"), ("anaes", "anes"), ("paed", "ped"), ("orthopaed", "orthoped"),
    ("leukaem", "leukem"), ("glycaem", "glycem"), ("kalaem", "kalem"), ("natraem", "natrem"), ("phaeo", "pheo"),
    ("coeli", "celi"), ("foet", "fet"), ("ise", "ize"), ("isation", "ization"),
)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light English stemmer (Harman's S-stemmer plus -ing/-ed) with British spellings folded to US.

    Light on purpose: "vomiting", "vomited" and "vomits" meet, while clinical terms that differ by
    more than an inflection stay apart.
    """
    w = word.lower()
    for gb, us in _SPELLING:
        if gb in w:
            w = w.replace(gb, us)
    if len(w) <= 3 or w.isdigit():
        return w
    if w.endswith("ies") and not w.endswith(("eies", "aies")):
        w = w[:-3] + "y"
    elif w.endswith("es") and w[-3] in "sxz" or w.endswith(("ches", "shes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("us", "ss", "is")):
        w = w[:-1]
    if w.endswith("ing") and len(w) >= 6:
        w = w[:-3]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls":
            w = w[:-1]  # "shedding" -> "shed"
    elif w.endswith("ed") and len(w) >= 6 and not w.endswith("eed"):
        w = w[:-2]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls":
            w = w[:-1]
    return w


def tokenize(text: str) -> list[str]:
    """Lower-cased, stemmed words; punctuation and FTS operators carry no meaning here."""
    return [stem(w) for w in _WORD.findall(text.lower())]


K1 = 1.2
B = 0.75
_CHUNK = 1 << 20


def idf_lucene(n_docs: int, df: NDArray[np.float64]) -> NDArray[np.float64]:
    """BM25 idf as Lucene computes it, ln(1 + (N - df + 0.5) / (df + 0.5)): never negative.

    Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond" (2009);
    the +1 inside the log is Lucene's (Kamphuis et al., ECIR 2020, "Which BM25 do you mean?").
    """
    return np.log1p((n_docs - df + 0.5) / (df + 0.5))


def tf_saturation(tf: NDArray[np.float64], dl: NDArray[np.float64], avgdl: float) -> NDArray[np.float64]:
    """tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl)), the BM25 term-frequency part (same paper)."""
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / max(avgdl, 1e-9)))


@dataclass
class BM25Index:
    """Per term: the rows holding it (sorted) and their BM25 weights, in one flat array each (CSC-like).

    Weights are stored as float16 (three significant digits, plenty for ranking) to halve their memory.
    """

    vocab: dict[str, int]
    indptr: NDArray[np.int64]
    rows: NDArray[np.int32]
    weights: NDArray[np.float16]
    idf: NDArray[np.float32]
    n_docs: int

    @classmethod
    def build(cls, docs: Iterable[Sequence[str]]) -> BM25Index:
        """Index token lists (row i = the i-th list); memory stays near three int32s per (term, row)."""
        vocab: dict[str, int] = {}
        terms = array("i")
        rows = array("i")
        tfs = array("H")
        lengths = array("i")
        for row, toks in enumerate(docs):
            lengths.append(len(toks))
            for tok, n in Counter(toks).items():
                tid = vocab.setdefault(tok, len(vocab))
                terms.append(tid)
                rows.append(row)
                tfs.append(min(n, 65535))
        n_docs = len(lengths)
        nnz = len(terms)
        # One in-place sort of packed (term, row, tf) keys groups rows by term with no index array;
        # packing and unpacking go chunk by chunk so no temporary is as large as the whole index.
        packed = np.empty(nnz, dtype=np.uint64)
        t_all = np.frombuffer(terms, dtype=np.int32)
        r_all = np.frombuffer(rows, dtype=np.int32)
        f_all = np.frombuffer(tfs, dtype=np.uint16)
        for a in range(0, nnz, _CHUNK):
            b = min(a + _CHUNK, nnz)
            packed[a:b] = (t_all[a:b].astype(np.uint64) << np.uint64(40)) | (
                r_all[a:b].astype(np.uint64) << np.uint64(16)) | f_all[a:b].astype(np.uint64)
        del t_all, r_all, f_all, terms, rows, tfs
        packed.sort()
        counts = np.zeros(len(vocab), dtype=np.int64)
        for a in range(0, nnz, _CHUNK):
            counts += np.bincount((packed[a : a + _CHUNK] >> np.uint64(40)).astype(np.int64), minlength=len(vocab))
        indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        df = counts.astype(np.float64)
        dl = np.frombuffer(lengths, dtype=np.int32).astype(np.float32)
        avgdl = float(dl.mean()) if n_docs else 0.0
        idf = idf_lucene(n_docs, df)
        row_of = np.empty(nnz, dtype=np.int32)
        weights = np.empty(nnz, dtype=np.float16)
        for a in range(0, nnz, _CHUNK):
            p = packed[a : a + _CHUNK]
            r = ((p >> np.uint64(16)) & np.uint64(0xFFFFFF)).astype(np.int32)
            row_of[a : a + len(p)] = r
            tf = (p & np.uint64(0xFFFF)).astype(np.float64)
            t = (p >> np.uint64(40)).astype(np.int64)
            weights[a : a + len(p)] = tf_saturation(tf, dl[r].astype(np.float64), avgdl) * idf[t]
        del packed
        return cls(vocab, indptr, row_of, weights, idf.astype(np.float32), n_docs)

    def postings(self, term: str) -> tuple[NDArray[np.int32], NDArray[np.float16]]:
        tid = self.vocab.get(term)
        if tid is None:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float16)
        a, b = int(self.indptr[tid]), int(self.indptr[tid + 1])
        return self.rows[a:b], self.weights[a:b]

    def term_idf(self, term: str) -> float:
        tid = self.vocab.get(term)
        if tid is None:
            return math.log1p((self.n_docs + 0.5) / 0.5)
        return float(self.idf[tid])

    def scores(self, query: dict[str, float]) -> NDArray[np.float32]:
        """BM25 score of every row for weighted query terms (a term's weight multiplies its contribution)."""
        out = np.zeros(self.n_docs, dtype=np.float32)
        for term, w in query.items():
            r, wt = self.postings(term)
            if len(r):
                out[r] += wt.astype(np.float32) * np.float32(w)
        return out

    def matched(self, term: str, rows: NDArray[np.int64]) -> NDArray[np.bool_]:
        """Which of ``rows`` contain ``term``."""
        r, _ = self.postings(term)
        if not len(r) or not len(rows):
            return np.zeros(len(rows), dtype=np.bool_)
        i = np.searchsorted(r, rows)
        i[i >= len(r)] = len(r) - 1
        return np.asarray(r[i] == rows)

    @property
    def nbytes(self) -> int:
        return int(self.indptr.nbytes + self.rows.nbytes + self.weights.nbytes + self.idf.nbytes)
