"""One handler per page: each builds a ``Page`` whose ``data`` is the JSON twin.

The HTML page and its ``.json`` twin come from the same call, so what a person
reads and what an API client gets can never disagree.  ``data`` is exactly the
CLI contract (``SearchResponse.to_json()``, ``Case.to_json()``); ``context`` adds
only presentation (display names, citation numbers, chart rows).
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from .. import export
from ..errors import NotFound, PetCaseError, QueryError
from ..index.sqlite import Store
from ..records import Article, Case, SearchResponse
from ..search.cache import cached_related, cached_search
from ..settings import MAX_QUERY_CHARS, REPO_DIR
from . import labels

MAX_LIMIT = 50
log = logging.getLogger("petcasefinder.serve")


@dataclass(frozen=True)
class Page:
    template: str
    context: dict[str, Any]
    data: Any = None
    status: int = 200


@dataclass
class Site:
    """What every handler shares: the database (one connection per worker thread) and site data."""

    db_path: Path
    eval_path: Path = REPO_DIR / "eval" / "expected.json"
    _local: threading.local = field(default_factory=threading.local, repr=False)

    def store(self) -> Store:
        s: Store | None = getattr(self._local, "store", None)
        if s is None:
            s = Store(self.db_path)
            self._local.store = s
        return s


# ---- helpers ---------------------------------------------------------------------------------------
def case_url(key: str) -> str:
    return "/case/" + quote(key, safe="/")


def related_url(key: str) -> str:
    return "/related/" + quote(key, safe="/")


def search_url(q: str, species: str | None = None) -> str:
    params = {"q": q} | ({"species": species} if species else {})
    return "/search?" + urlencode(params)


def export_links(what: str, **params: str) -> list[dict[str, str]]:
    """Links to /export/{case,search,related}.{ris,bib,csl.json} with the page's parameters."""
    return [
        {"label": spec.name, "href": f"/export/{what}.{fmt}?" + urlencode(params), "format": fmt}
        for fmt, spec in export.FORMATS.items()
    ]


def check_query(q: str) -> str:
    """The site's own length check, so the message is the same whatever search does."""
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError(
            f"Your description is {len(q)} characters long. Please shorten it to {MAX_QUERY_CHARS} "
            "characters or fewer: the main signs and the kind of animal are enough."
        )
    if not q.strip():
        raise QueryError("Please describe what is happening with your pet, for example \"my dog keeps vomiting\".")
    return q


def parse_limit(raw: str | None, default: int = 10) -> int:
    if raw is None or raw == "":
        return default
    try:
        n = int(raw)
    except ValueError:
        raise QueryError(f"limit must be a whole number from 1 to {MAX_LIMIT}") from None
    if not 1 <= n <= MAX_LIMIT:
        raise QueryError(f"limit must be a whole number from 1 to {MAX_LIMIT}")
    return n


def load_case(store: Store, key: str) -> Case:
    article_id = store.find(key)
    if article_id is None:
        raise NotFound(f"No case with id {key!r} in this database.")
    return store.case(article_id)


def hit_cases(store: Store, resp: SearchResponse) -> dict[str, Case]:
    ids = {h.key: store.find(h.key) for h in resp.results}
    found = [i for i in ids.values() if i is not None]
    by_id = {c.id: c for c in store.cases(found)}
    return {k: by_id[i] for k, i in ids.items() if i is not None and i in by_id}


# ---- pages -----------------------------------------------------------------------------------------
def home(site: Site) -> Page:
    return Page("home.html", {"examples": labels.examples(), "q": "", "species": ""})


def _status(case: Case | None) -> str:
    return case.findings.outcome.status if case is not None and case.findings is not None else "unknown"


def results_context(site: Site, resp: SearchResponse, *, species: str | None) -> dict[str, Any]:
    """Everything the results page shows besides the response itself: numbers, cases, chart."""
    cases = hit_cases(site.store(), resp)
    numbers = {h.key: n for n, h in enumerate(resp.results, 1)}
    statuses = [_status(cases.get(h.key)) for h in resp.results]
    hits = []
    for n, (h, status) in enumerate(zip(resp.results, statuses, strict=True), 1):
        case = cases.get(h.key)
        hits.append(
            {
                "n": n,
                "hit": h,
                "url": case_url(h.key),
                "related_url": related_url(h.key),
                "species": [labels.species_label(s) for s in h.species],
                "journal": h.journal or (case.article.journal if case else None),
                "outcome": labels.outcome_label(status),
            }
        )
    summary = None
    if resp.summary is not None:
        summary = {
            "sentences": [
                {"text": s.text, "cites": [{"n": numbers.get(c), "key": c} for c in s.cites]}
                for s in resp.summary.sentences
            ],
            "caveats": list(resp.summary.caveats),
            "reading_grade": resp.summary.reading_grade,
            "cases_used": resp.summary.cases_used,
        }
    understood = resp.understood
    return {
        "resp": resp,
        "hits": hits,
        "summary": summary,
        "chart": labels.outcome_chart(statuses),
        "understood_species": labels.species_label(understood.species) if understood.species else None,
        "ask_species": understood.species is None and not species,
        "species": species or "",
    }


def search_page(site: Site, q: str, species: str | None, limit: int) -> Page:
    check_query(q)
    resp = cached_search(site.store(), q, species=species or None, limit=limit)
    ctx = results_context(site, resp, species=species)
    ctx |= {
        "mode": "search",
        "q": q,
        "title": "Cases like yours",
        "exports": export_links("search", q=q, **({"species": species} if species else {})) if resp.results else [],
        "json_url": "/search.json?" + urlencode({"q": q} | ({"species": species} if species else {})),
    }
    return Page("results.html", ctx, resp.to_json())


def related_page(site: Site, key: str, limit: int) -> Page:
    store = site.store()
    case = load_case(store, key)
    resp = cached_related(store, case.key, limit=limit)
    ctx = results_context(site, resp, species=None)
    ctx |= {
        "mode": "related",
        "q": "",
        "source": case,
        "source_url": case_url(case.key),
        "title": "Cases related to this one",
        "ask_species": False,
        "exports": export_links("related", id=case.key) if resp.results else [],
        "json_url": related_url(case.key) + ".json",
    }
    return Page("results.html", ctx, resp.to_json())


def case_evidence(case: Case) -> list[tuple[str, str]]:
    """(evidence sentence, kind) pairs to highlight in the abstract."""
    f = case.findings
    if f is None:
        return []
    pairs: list[tuple[str, str]] = [(e, "signalment") for e in f.signalment.evidence]
    pairs += [(s.evidence, "sign") for s in f.signs]
    pairs += [(d.evidence, "diagnosis") for d in f.diagnosis]
    pairs += [(t.evidence, "treatment") for t in f.treatments]
    if f.outcome.evidence:
        pairs.append((f.outcome.evidence, "outcome"))
    return [(e, k) for e, k in pairs if e]


def case_page(site: Site, key: str) -> Page:
    case = load_case(site.store(), key)
    c = case.classification
    is_vcr = bool(c and c.is_veterinary_case_report)
    evidence = case_evidence(case)
    ctx = {
        "case": case,
        "a": case.article,
        "is_vcr": is_vcr,
        "badge_species": " · ".join(labels.species_label(s) for s in (c.species if c else ())),
        "article_type": labels.article_type_label(c.article_type) if c else "not yet classified",
        "links": case.links(),
        "related_url": related_url(case.key),
        "evidence": evidence,
        "legend": sorted({k for _, k in evidence}, key=labels.EVIDENCE_ORDER.index),
        "outcome": labels.outcome_label(case.findings.outcome.status) if case.findings else None,
        "signalment": labels.signalment_rows(case.findings.signalment) if case.findings else [],
        "kind_label": labels.treatment_kind_label,
        "evidence_label": labels.EVIDENCE_LABELS.get,
        "exports": export_links("case", id=case.key),
        "json_url": case_url(case.key) + ".json",
    }
    return Page("case.html", ctx, case.to_json())


def about(site: Site) -> Page:
    store = site.store()
    quality: list[dict[str, Any]] = []
    if site.eval_path.is_file():
        try:
            quality = labels.flatten_figures(json.loads(site.eval_path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            quality = []
    return Page("about.html", {"stats": store.stats(), "quality": quality, "species_label": labels.species_label})


def warm(site: Site) -> None:
    """Load what the first request would otherwise load (lexicon, models, templates' data)."""
    labels.species_groups()
    for ex in labels.examples()[:1]:
        try:
            search_page(site, ex["q"], ex["species"] or None, 10)
        except PetCaseError as e:
            log.warning("warm-up search failed: %s", e)


# ---- exports ---------------------------------------------------------------------------------------
def export_articles(site: Site, what: str, params: dict[str, str]) -> tuple[list[Article], str]:
    """The articles one export link names (a case, a search or a related list) and a file stem."""
    store = site.store()
    if what == "search":
        q = check_query(params.get("q", ""))
        resp = cached_search(store, q, species=params.get("species") or None, limit=parse_limit(params.get("limit")))
        return [c.article for c in _in_order(store, resp)], "search"
    case = load_case(store, params.get("id", ""))
    if what == "case":
        return [case.article], "case-" + _slug(case.key)
    resp = cached_related(store, case.key, limit=parse_limit(params.get("limit")))
    return [c.article for c in _in_order(store, resp)], "related-" + _slug(case.key)


def _in_order(store: Store, resp: SearchResponse) -> list[Case]:
    cases = hit_cases(store, resp)
    return [cases[h.key] for h in resp.results if h.key in cases]


def _slug(key: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in key).strip("-")[:60] or "case"
