"""Resumable harvesters for Europe PMC (cursorMark paging) and PubMed (esearch + efetch).

Default query: veterinary case reports of companion and farm animals.
  *Case reports*: the "Case Reports" publication type, or "case report(s)" /
  "case series" in the title (recent records are not yet MeSH-indexed, and many
  veterinary journals label case reports only in the title).
  *Animal patients*: the MeSH disease branches for animal patients (Dog, Cat,
  Horse, Cattle, Sheep, Goat, Swine, Bird, Rodent Diseases; Animals, Domestic;
  Veterinary Medicine) or a species word in the title (dog, cat, horse, rabbit,
  ferret, guinea pig, ...).
  Why: recall over precision.  A human case report about a dog bite also
  matches; the classifier, not the query, decides what is a veterinary case
  report, so the query only has to keep the haystack small.

Every page (Europe PMC) or batch (PubMed) is stored in ONE transaction together
with its paging checkpoint, so a harvest killed at any moment resumes at the
first page it had not committed: no duplicates, no gaps.  ``--since DATE``
restricts to records first indexed on or after DATE (Europe PMC FIRST_IDATE,
PubMed Entrez date), the incremental update.  ``--max N`` caps one run; the
next run continues where it stopped.
"""

from __future__ import annotations

import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TextIO

from defusedxml import DefusedXmlException

from ..errors import HarvestError, QueryError
from ..index.sqlite import Checkpoint, Store, UpsertCounts
from ..records import ReadResult
from ..settings import HarvestSettings
from .europepmc import parse_xml, read_results
from .http import BadResponse, PoliteClient
from .load import attach_ids
from .pubmed import read_article_set
from .readers import html_title
from .safejson import loads

_SPECIES = ["dog", "dogs", "canine", "puppy", "cat", "cats", "feline", "kitten", "horse", "horses", "equine", "pony", "foal", "rabbit", "rabbits", "ferret", "hamster", "parrot", "cockatiel", "budgerigar", "tortoise", "cow", "cattle", "bovine", "calf", "goat", "sheep", "ovine", "pig", "porcine", "alpaca", "llama"]
_MESH = ("Dog Diseases", "Cat Diseases", "Horse Diseases", "Cattle Diseases", "Sheep Diseases", "Goat Diseases",
         "Swine Diseases", "Bird Diseases", "Rodent Diseases", "Animals, Domestic", "Veterinary Medicine")
DEFAULT_EUROPEPMC_QUERY = (
    '(PUB_TYPE:"Case Reports" OR TITLE:"case report" OR TITLE:"case reports" OR TITLE:"case series") AND ('
    + " OR ".join(f'MESH:"{m}"' for m in _MESH) + " OR "
    + " OR ".join(f"TITLE:{s}" for s in _SPECIES) + ")"
)
DEFAULT_PUBMED_QUERY = (
    '("Case Reports"[Publication Type] OR "case report"[Title] OR "case reports"[Title] OR "case series"[Title])'
    " AND (" + " OR ".join(f'"{m}"[MeSH Terms]' for m in _MESH) + " OR "
    + " OR ".join(f"{s}[Title]" for s in _SPECIES) + ")"
)
EUROPEPMC_INTERVAL_S = 0.2  # Europe PMC publishes no limit; five requests a second is courteous
NCBI_INTERVAL_S, NCBI_KEY_INTERVAL_S = 0.35, 0.105  # NCBI: 3/s, or 10/s with an API key
EUTILS_MAX_RECORDS = 10_000  # E-utilities serve only the first 10,000 records of one PubMed search
_HTML = re.compile(rb"^\s*(<!doctype\s+html|<html)", re.IGNORECASE)


@dataclass(frozen=True)
class HarvestReport:
    source: str
    query: str
    pages: int
    counts: UpsertCounts
    malformed: int
    done: int
    total: int | None
    finished: bool
    resumed: bool
    notes: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        c = self.counts
        return {"source": self.source, "query": self.query, "pages": self.pages, "read": c.read, "new": c.new,
                "updated": c.updated, "unchanged": c.unchanged, "malformed": self.malformed, "done": self.done,
                "total": self.total, "finished": self.finished, "resumed": self.resumed, "notes": list(self.notes)}


class Progress:
    """done/total, rate and ETA on one stderr line (a line per update when stderr is not a terminal)."""

    def __init__(self, label: str, stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic):
        self.label, self.stream, self.clock = label, stream or sys.stderr, clock
        self.t0 = clock()
        self.base: int | None = None
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())

    def update(self, done: int, total: int | None) -> None:
        if self.base is None:
            self.base, self.t0 = done, self.clock()
            return self._draw(done, total, None)
        elapsed = max(self.clock() - self.t0, 1e-9)
        self._draw(done, total, (done - self.base) / elapsed)

    def _draw(self, done: int, total: int | None, rate: float | None) -> None:
        bar, pct, eta = "", "", ""
        if total:
            frac = min(1.0, done / total)
            bar = "[" + "#" * round(frac * 24) + "-" * (24 - round(frac * 24)) + "] "
            pct = f" ({frac:.0%})"
            if rate and rate > 0 and done < total:
                s = int((total - done) / rate)
                eta = f"  ETA {s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
        speed = f"  {rate:,.1f} rec/s" if rate is not None else ""
        line = f"{self.label} {bar}{done:,}/{total:,}{pct}{speed}{eta}" if total is not None else f"{self.label} {done:,}"
        self.stream.write(("\r" + line + "\x1b[K") if self.tty else line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def parse_since(value: str | None) -> date | None:
    """``--since`` as a date: YYYY-MM-DD (or YYYY/MM/DD)."""
    if not value:
        return None
    try:
        return datetime.strptime(value.strip().replace("/", "-"), "%Y-%m-%d").date()
    except ValueError:
        raise QueryError(f"--since {value!r} is not a date (use YYYY-MM-DD)") from None


def checkpoint_name(source: str, query: str, since: date | None) -> str:
    return f"{source}: {query}" + (f" [since {since.isoformat()}]" if since else "")


def _html_check(body: bytes) -> None:
    if _HTML.match(body[:2048]):
        t = html_title(body)[:80]
        raise BadResponse(f"an HTML page instead of data ({t!r})" if t else "an HTML page instead of data")


def _epmc_parser(what: str, seen: set[str] | None = None, done: int = 0) -> Callable[[bytes], ReadResult]:
    """Parse one search page; a ``nextCursorMark`` seen before while hits remain is a bad page.

    Europe PMC ends a result set by repeating the cursor, so a repeat after the last
    hit (or on an empty page) is the end.  A repeat with hits left would end the
    harvest short of them: raising ``BadResponse`` retries the page with backoff,
    then fails with one line, and the checkpoint stays on this page.
    """
    def parse(body: bytes) -> ReadResult:
        _html_check(body)
        try:
            obj = loads(body.decode("utf-8-sig"))
        except UnicodeDecodeError as e:
            raise BadResponse(f"not UTF-8 ({e.reason})") from None
        except json.JSONDecodeError as e:
            raise BadResponse(f"truncated or invalid JSON ({e.msg} at byte {e.pos} of {len(body)})") from None
        if not isinstance(obj, dict) or "resultList" not in obj:
            msg = obj.get("errMsg") if isinstance(obj, dict) else None
            raise BadResponse(f"not a Europe PMC search response ({msg or 'no resultList'})")
        res = read_results(obj, what)
        nxt, total = res.next_cursor, res.total_hits
        empty = not (res.records or res.malformed or res.ids_only)
        if seen and nxt in seen and not empty and total is not None and done + len(res.records) < total:
            missing = total - done
            raise BadResponse(f"nextCursorMark {nxt!r} repeats an earlier cursor while hits remain "
                              f"({missing:,} of {total:,} hits not harvested)")
        return res

    return parse


def _make_client(settings: HarvestSettings, interval: float) -> PoliteClient:
    return PoliteClient(min_interval_s=interval, retries=settings.retries, backoff_s=settings.backoff_s,
                        timeout_s=settings.timeout_s, user_agent=f"{settings.tool}/0.1 (mailto:{settings.email})")


def _store_page(store: Store, res: ReadResult, cp: Checkpoint) -> UpsertCounts:
    """The page's records, its malformed entries and the checkpoint: all or nothing."""
    with store.transaction():
        counts = store.upsert(res.records)
        store.record_malformed(res.malformed)
        if res.ids_only:
            attach_ids(store, res.ids_only)
        store.save_checkpoint(cp)
    return counts


def harvest_europepmc(store: Store, settings: HarvestSettings, *, query: str | None = None,
                      since: date | None = None, max_records: int | None = None, page_size: int = 1000,
                      progress: Progress | None = None, client: PoliteClient | None = None) -> HarvestReport:
    """Page through ``search?resultType=core`` with cursorMark until it is absent or repeats.

    A cursor that repeats before ``hitCount`` records arrived is not the end: the page is
    retried, then ``HarvestError`` names the cursor and the missing hits, and the
    checkpoint stays unfinished at the last good cursor, so no gap is ever silent.
    """
    q = query or DEFAULT_EUROPEPMC_QUERY
    sent = f"({q}) AND (FIRST_IDATE:[{since.isoformat()} TO 3000-12-31])" if since else q
    name = checkpoint_name("europepmc", q, since)
    cp = store.checkpoint(name)
    resumed = cp is not None and not cp.finished and bool(cp.cursor)
    cursor = cp.cursor if resumed and cp and cp.cursor else "*"
    done = cp.done if resumed and cp else 0
    total = cp.total if resumed and cp else None
    seen, fetched, pages, bad, counts = {cursor}, 0, 0, 0, UpsertCounts()
    finished = False
    http = client or _make_client(settings, EUROPEPMC_INTERVAL_S)
    url = settings.europepmc_url.rstrip("/") + "/search"
    if progress:
        progress.update(done, total)
    try:
        while max_records is None or fetched < max_records:
            size = page_size if max_records is None else min(page_size, max_records - fetched)
            what = f"Europe PMC search cursorMark={cursor}"
            params: dict[str, str | int] = {"query": sent, "resultType": "core", "format": "json",
                                            "pageSize": size, "cursorMark": cursor}
            res = http.get(url, params, _epmc_parser(what, seen, done), what=what)
            nxt = res.next_cursor
            # a repeat while hits remain was refused (retried, then HarvestError) by the parser
            finished = not nxt or nxt in seen or not (res.records or res.malformed or res.ids_only)
            done, total = done + len(res.records), res.total_hits if res.total_hits is not None else total
            counts = counts + _store_page(store, res, Checkpoint(
                name, "europepmc", q, nxt if nxt and not finished else cursor, done, total, finished,
                {"since": since.isoformat() if since else None, "sent_query": sent}))
            fetched, pages, bad = fetched + len(res.records), pages + 1, bad + len(res.malformed)
            if progress:
                progress.update(done, total)
            if finished or not nxt:
                break
            seen.add(nxt)
            cursor = nxt
    finally:
        if client is None:
            http.close()
    return HarvestReport("europepmc", q, pages, counts, bad, done, total, finished, resumed)


def _esearch_parser(body: bytes) -> tuple[int, str, str]:
    _html_check(body)
    try:
        obj = loads(body.decode("utf-8-sig"))
        r = obj["esearchresult"]
    except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError) as e:
        raise BadResponse(f"not an esearch JSON result ({type(e).__name__})") from None
    if r.get("ERROR"):
        raise HarvestError(f"PubMed esearch refused the query: {r['ERROR']}")
    try:
        return int(r["count"]), str(r["webenv"]), str(r["querykey"])
    except (KeyError, ValueError) as e:
        raise BadResponse(f"esearch result without count/webenv/querykey ({e})") from None


def _efetch_parser(what: str) -> Callable[[bytes], ReadResult]:
    def parse(body: bytes) -> ReadResult:
        _html_check(body)
        try:
            root = parse_xml(body)
        except DefusedXmlException as e:
            raise HarvestError(f"{what}: refused XML ({type(e).__name__})") from None
        except ET.ParseError as e:
            raise BadResponse(f"truncated or invalid XML ({' '.join(str(e).split())})") from None
        res = read_article_set(root, what)
        if any(m.position == "file" for m in res.malformed):
            raise BadResponse("; ".join(m.error for m in res.malformed if m.position == "file"))
        return res

    return parse


def harvest_pubmed(store: Store, settings: HarvestSettings, *, query: str | None = None,
                   since: date | None = None, max_records: int | None = None, page_size: int = 200,
                   progress: Progress | None = None, client: PoliteClient | None = None) -> HarvestReport:
    """esearch (usehistory) once per run, then efetch batches from the checkpointed retstart."""
    q = query or DEFAULT_PUBMED_QUERY
    name = checkpoint_name("pubmed", q, since)
    cp = store.checkpoint(name)
    resumed = cp is not None and not cp.finished and bool(cp.cursor)
    retstart = int(cp.cursor) if resumed and cp and cp.cursor else 0
    done = cp.done if resumed and cp else 0
    # the window's end is fixed when a pass starts, so records added later cannot shift the offsets
    today = date.today().strftime("%Y/%m/%d")
    maxdate = str(cp.extra.get("maxdate") or today) if resumed and cp else today
    mindate = since.strftime("%Y/%m/%d") if since else "1800/01/01"
    base: dict[str, str | int] = {"db": "pubmed", "tool": settings.tool, "email": settings.email}
    if settings.ncbi_api_key:
        base["api_key"] = settings.ncbi_api_key
    http = client or _make_client(settings, NCBI_KEY_INTERVAL_S if settings.ncbi_api_key else NCBI_INTERVAL_S)
    eutils = settings.eutils_url.rstrip("/")
    pages = bad = fetched = 0
    counts, notes, finished = UpsertCounts(), [], False
    try:
        count, webenv, qkey = http.get(eutils + "/esearch.fcgi", {
            **base, "term": q, "usehistory": "y", "retmode": "json", "retmax": 0, "datetype": "edat",
            "mindate": mindate, "maxdate": maxdate}, _esearch_parser, what="PubMed esearch")
        limit = min(count, EUTILS_MAX_RECORDS)
        if count > EUTILS_MAX_RECORDS:
            notes.append(f"{count:,} hits: E-utilities serve only the first {EUTILS_MAX_RECORDS:,}; "
                         "narrow the query or harvest in --since windows")
        extra = {"maxdate": maxdate, "mindate": mindate, "webenv": webenv, "query_key": qkey}
        if progress:
            progress.update(done, limit)
        if retstart >= limit:
            finished = True
            store.save_checkpoint(Checkpoint(name, "pubmed", q, str(retstart), done, count, True, extra))
        while retstart < limit and (max_records is None or fetched < max_records):
            size = min(page_size, limit - retstart)
            if max_records is not None:
                size = min(size, max_records - fetched)
            what = f"PubMed efetch retstart={retstart}"
            res = http.get(eutils + "/efetch.fcgi", {
                **base, "WebEnv": webenv, "query_key": qkey, "retstart": retstart, "retmax": size,
                "retmode": "xml"}, _efetch_parser(what), what=what)
            retstart += size
            finished = retstart >= limit
            done += len(res.records)
            counts = counts + _store_page(store, res, Checkpoint(
                name, "pubmed", q, str(retstart), done, count, finished, extra))
            fetched, pages, bad = fetched + len(res.records), pages + 1, bad + len(res.malformed)
            if progress:
                progress.update(done, limit)
    finally:
        if client is None:
            http.close()
    return HarvestReport("pubmed", q, pages, counts, bad, done, count, finished, resumed, tuple(notes))


def harvest(source: str, store: Store, settings: HarvestSettings, **kw: Any) -> HarvestReport:
    if source == "europepmc":
        return harvest_europepmc(store, settings, **kw)
    if source == "pubmed":
        return harvest_pubmed(store, settings, **kw)
    raise QueryError(f"unknown source {source!r} (europepmc or pubmed)")
