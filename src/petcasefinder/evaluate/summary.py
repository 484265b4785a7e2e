"""``evaluate summary``: reading grade and citation faithfulness of the summaries users get.

Two sets, both over one database (the demo database unless ``--db`` is given):

* ``queries``: every query of ``eval/queries.jsonl`` run through ``search.search``
  (top 10, species as labelled), checking the summary in the response against
  the cases of that response's results; every cite must also be the PMID (or
  DOI) of a result in the same response.
* ``groups``: summaries of stored case reports grouped without search: each
  case alone, each species, and each diagnosis shared by two or more cases.
  This exercises the 1-case and many-case paths on every case, whatever
  search returns.

Figures: reading grade (Flesch-Kincaid of the summary's sentences joined,
bracketed clinical terms included; mean and max over summaries that have
sentences), share of sentences with at least one cite, citation support (share
of sentence-cite pairs where the cited case has every finding, outcome,
species and follow-up the sentence names), unsupported claims (every failed
check: unsupported pair item, wrong count, unrecognised word, unknown cite).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..index.sqlite import Store
from ..readability import reading_grade
from ..records import Case, Summary
from ..settings import REPO_DIR
from ..summarise import SupportReport, check_support, summarise

DEFAULT_QUERIES = REPO_DIR / "eval" / "queries.jsonl"
TARGETS = {"share_cited": 1.0, "citation_support": 0.98, "unsupported_claims": 0, "mean_grade": 8.0}
_BRACKETS = re.compile(r"\s*\([^()]*\)")


@dataclass(frozen=True)
class Evaluated:
    label: str
    summary: Summary | None
    report: SupportReport | None
    results: tuple[str, ...]  # keys of the results the summary may cite

    @property
    def outside(self) -> list[str]:
        """Cites that are not a result of the same response."""
        if self.summary is None:
            return []
        return [c for s in self.summary.sentences for c in s.cites if c not in self.results]


def load_queries(path: Path = DEFAULT_QUERIES) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [dict(json.loads(x)) for x in lines if x.strip()]


def _cases_by_key(store: Store, keys: Sequence[str]) -> list[Case]:
    ids = [i for i in (store.find(k) for k in keys) if i is not None]
    return store.cases(ids)


def over_queries(store: Store, queries: Sequence[dict[str, Any]], limit: int = 10) -> list[Evaluated]:
    """Run each query through search and check the summary it returns."""
    from ..search import search

    out = []
    for q in queries:
        resp = search(store, str(q["query"]), species=q.get("species") or None, limit=limit)
        keys = tuple(h.key for h in resp.results)
        report = None
        if resp.summary is not None:
            report = check_support(resp.summary, _cases_by_key(store, keys))
        out.append(Evaluated(str(q.get("id") or q["query"]), resp.summary, report, keys))
    return out


def over_groups(store: Store) -> list[Evaluated]:
    """Summaries of stored case reports: each alone, per species, per shared diagnosis."""
    cases = [c for c in store.cases(store.vcr_ids()) if c.findings is not None]
    groups: dict[str, list[Case]] = {f"case {c.key}": [c] for c in cases}
    for c in cases:
        for sp in c.classification.species if c.classification else ():
            groups.setdefault(f"species {sp}", []).append(c)
    by_dx: dict[str, list[Case]] = {}
    for c in cases:
        assert c.findings is not None
        for term in dict.fromkeys(d.term.lower() for d in c.findings.diagnosis):
            by_dx.setdefault(f"diagnosis {term}", []).append(c)
    groups.update({k: v for k, v in by_dx.items() if len(v) >= 2})
    out = []
    for label, members in groups.items():
        s = summarise(members)
        out.append(Evaluated(label, s, check_support(s, members), tuple(c.key for c in members)))
    return out


def figures(items: Sequence[Evaluated]) -> dict[str, Any]:
    with_text = [e for e in items if e.summary is not None and e.summary.sentences]
    grades = [e.summary.reading_grade for e in with_text if e.summary is not None]
    plain = [reading_grade(_BRACKETS.sub("", " ".join(s.text for s in e.summary.sentences)))
             for e in with_text if e.summary is not None]
    reports = [e.report for e in items if e.report is not None]
    sentences = sum(r.sentences for r in reports)
    pairs = sum(r.cite_pairs for r in reports)
    outside = [c for e in items for c in e.outside]
    return {
        "summaries": len(items),
        "with_sentences": len(with_text),
        "sentences": sentences,
        "mean_grade": round(sum(grades) / len(grades), 2) if grades else None,
        "max_grade": round(max(grades), 2) if grades else None,
        "mean_grade_without_brackets": round(sum(plain) / len(plain), 2) if plain else None,
        "share_cited": round(sum(r.cited_sentences for r in reports) / sentences, 4) if sentences else None,
        "cite_pairs": pairs,
        "citation_support": round(sum(r.supported_pairs for r in reports) / pairs, 4) if pairs else None,
        "claims_checked": sum(r.claims for r in reports),
        "unsupported_claims": sum(r.unsupported_claims for r in reports) + len(outside),
        "cites_outside_results": len(outside),
    }


def problems(items: Sequence[Evaluated]) -> list[str]:
    out = [f"{e.label}: {p}" for e in items if e.report for p in e.report.unsupported]
    out += [f"{e.label}: cite {c} is not a result of the same response" for e in items for c in e.outside]
    return out


def verdicts(fig: dict[str, Any]) -> dict[str, bool]:
    """Each target met?  (A figure that could not be measured does not pass.)"""
    def ok(name: str, test: Callable[[Any], bool]) -> bool:
        return fig.get(name) is not None and test(fig[name])

    return {
        "share_cited": ok("share_cited", lambda v: v >= TARGETS["share_cited"]),
        "citation_support": ok("citation_support", lambda v: v >= TARGETS["citation_support"]),
        "unsupported_claims": ok("unsupported_claims", lambda v: v <= TARGETS["unsupported_claims"]),
        "mean_grade": ok("mean_grade", lambda v: v <= TARGETS["mean_grade"]),
    }


def render(name: str, fig: dict[str, Any]) -> list[str]:
    """Plain-text lines for one set of figures."""
    v = verdicts(fig)

    def mark(key: str) -> str:
        return "OK" if v[key] else "MISS"

    grade = (f"  reading grade (Flesch-Kincaid)  mean {fig['mean_grade']}  max {fig['max_grade']}"
             f"  [target mean <= 8: {mark('mean_grade')}]"
             f"  (without bracketed terms: mean {fig['mean_grade_without_brackets']})")
    support = (f"  citation support                {fig['citation_support']} over {fig['cite_pairs']}"
               f" sentence-cite pairs  [target >= 0.98: {mark('citation_support')}]")
    unsupported = (f"  unsupported claims              {fig['unsupported_claims']} of {fig['claims_checked']}"
                   f" checked  [target 0: {mark('unsupported_claims')}]")
    return [
        f"{name}: {fig['summaries']} summaries, {fig['with_sentences']} with sentences, {fig['sentences']} sentences",
        grade,
        f"  sentences with >= 1 cite        {fig['share_cited']}  [target 1.0: {mark('share_cited')}]",
        support,
        unsupported,
        f"  cites outside the response      {fig['cites_outside_results']}",
    ]
