"""Fusion of the retrievers' ranked lists: small named functions, each citing its source, picked by name.

Chosen default: ``rrf`` (reciprocal rank fusion, equal weights).  On the 80 labelled
queries in ``eval/queries.jsonl`` (``petcasefinder evaluate search`` prints both) the
two came out within noise of each other: nDCG@10 0.837 for RRF and 0.846 for the
min-max convex combination, the same P@5 and MRR within 0.01, i.e. one query's order.  RRF is kept
because it needs no score normalisation: BM25 scores grow with query length, cosines do
not, and concept scores are sums of idfs, so min-max normalised scores swing with each
query (and with corpus size) while ranks do not.  Reweighting the lists (dense x2,
concepts x2) moved nDCG@10 by less than 0.002, so equal weights stay: with 32 gated
records, finer weights would only fit these queries.  RRF's one parameter, k = 60,
comes from the paper, not from our data.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from .retrieve import Ranked

RRF_K = 60
DEFAULT_WEIGHTS: dict[str, float] = {"lexical": 1.0, "dense": 1.0, "concepts": 1.0}

Fusion = Callable[[Mapping[str, Ranked], Mapping[str, float]], dict[int, float]]


def rrf(lists: Mapping[str, Ranked], weights: Mapping[str, float]) -> dict[int, float]:
    """Weighted reciprocal rank fusion: sum over lists of w / (k + rank), rank starting at 1.

    Cormack, Clarke & Buettcher, "Reciprocal Rank Fusion outperforms Condorcet and individual
    Rank Learning Methods", SIGIR 2009 (k = 60 as there).
    """
    out: dict[int, float] = {}
    for name, ranked in lists.items():
        w = weights.get(name, 1.0)
        for rank, row in enumerate(ranked.rows.tolist(), start=1):
            out[row] = out.get(row, 0.0) + w / (RRF_K + rank)
    return out


def weighted(lists: Mapping[str, Ranked], weights: Mapping[str, float]) -> dict[int, float]:
    """Convex combination of min-max normalised scores (a missing row scores 0 in that list).

    Bruch, Gai & Ingber, "An Analysis of Fusion Functions for Hybrid Retrieval", ACM TOIS 42(1), 2023.
    """
    out: dict[int, float] = {}
    total = sum(weights.get(n, 1.0) for n in lists) or 1.0
    for name, ranked in lists.items():
        if not len(ranked.rows):
            continue
        s = ranked.scores.astype(np.float64)
        lo, hi = float(s.min()), float(s.max())
        norm = (s - lo) / (hi - lo) if hi > lo else np.ones_like(s)
        w = weights.get(name, 1.0) / total
        for row, v in zip(ranked.rows.tolist(), norm.tolist(), strict=True):
            out[row] = out.get(row, 0.0) + w * v
    return out


FUSIONS: dict[str, Fusion] = {"rrf": rrf, "weighted": weighted}


def select(name: str) -> Fusion:
    """The fusion function called ``name``; ValueError lists the valid choices."""
    try:
        return FUSIONS[name]
    except KeyError:
        raise ValueError(f"unknown fusion {name!r}; choose one of: {', '.join(sorted(FUSIONS))}") from None
