"""Pick the right reader for a file by looking at its bytes, not its name.

Every reader is a pure function ``(data: bytes, name: str) -> ReadResult``; a
file no reader understands becomes one ``Malformed`` entry, never an exception.
``reparse`` turns a stored ``Article.raw`` payload back into an Article, so
records can be re-read with a newer parser without harvesting again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..errors import MalformedRecord
from ..records import Article, Malformed, ReadResult
from .europepmc import article_from_result, parse_xml, read_europepmc_json, read_europepmc_xml
from .jsonl import article_from_dict, read_json_document, read_jsonl
from .pubmed import article_from_element, read_pubmed_xml
from .safejson import loads

Reader = Callable[[bytes, str], ReadResult]
_HTML = re.compile(rb"<!doctype\s+html|<html", re.IGNORECASE)
_TITLE = re.compile(rb"<title\b[^<>]*>", re.IGNORECASE)
_TITLE_END = re.compile(rb"</title>", re.IGNORECASE)


def html_title(data: bytes) -> str:
    """The ``<title>`` of an HTML page, in two linear searches (a lazy ``(.*?)</title>`` is
    quadratic on a page of unclosed ``<title>`` tags)."""
    head = data[:65536]
    start = _TITLE.search(head)
    end = _TITLE_END.search(head, start.end()) if start else None
    if start is None or end is None:
        return ""
    return " ".join(head[start.end():end.start()].decode("utf-8", "replace").split())


def _html_page(data: bytes, name: str) -> ReadResult:
    title = html_title(data)[:120]
    why = f"an HTML page, not a record file (title: {title!r})" if title else "an HTML page, not a record file"
    return ReadResult((), (Malformed(name, "file", why),))


def _is_html(head: bytes) -> bool:
    """Starts (after blanks and ``<!-- -->`` comments) with a doctype or <html>.

    A loop, not ``(<!--.*?-->\\s*)*`` in the regex: that backtracks exponentially on a
    few hundred comments not followed by <html>.
    """
    rest = head.lstrip()
    while rest.startswith(b"<!--"):
        end = rest.find(b"-->", 4)
        if end < 0:
            return False
        rest = rest[end + 3:].lstrip()
    return _HTML.match(rest) is not None


def sniff(data: bytes) -> Reader:
    """Choose a reader from the content: Europe PMC JSON/XML, PubMed XML or JSON Lines."""
    body = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    head = body[:4096]
    if _is_html(head):
        return _html_page
    if head.startswith(b"<"):
        low = head.lower()
        if b"pubmedarticle" in low or b"pubmed_" in low or b"<efetchresult" in low or b"<esearchresult" in low:
            return read_pubmed_xml
        return read_europepmc_xml
    if head.startswith(b"{"):
        first = body.split(b"\n", 1)[0]
        if b'"resultList"' in body[:200000] or b'"hitCount"' in first or b'"request"' in first:
            return read_europepmc_json
        # pretty-printed JSON opens with a lone "{"; a JSON Lines file has a whole record on line 1
        whole = first.strip() == b"{" or b'"esearchresult"' in first[:200]
        return read_json_document if whole else read_jsonl
    if head.startswith(b"["):
        return read_json_document
    if not head:
        raise MalformedRecord("empty file")
    raise MalformedRecord("unknown format: expected JSON, JSON Lines or XML")


def read_bytes(data: bytes, name: str) -> ReadResult:
    """Read any supported format; a wholly unreadable file is one malformed entry, not an exception."""
    try:
        reader = sniff(data)
    except MalformedRecord as e:
        return ReadResult((), (Malformed(name, "file", str(e)),))
    return reader(data, name)


def read_path(path: str | Path) -> ReadResult:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise MalformedRecord(f"{p}: cannot read file ({e.strerror})") from e
    return read_bytes(data, str(p))


def reparse(source: str, payload: str) -> Article:
    """Re-read one stored raw payload (``Article.raw`` entry) with the current parsers."""
    if source == "jsonl":
        return article_from_dict(loads(payload), payload)
    if source == "pubmed":
        return article_from_element(parse_xml(payload.encode()))
    if source in ("europepmc", "europepmc-lite"):
        return article_from_result(loads(payload), source, payload)
    if source in ("europepmc-xml", "europepmc-xml-lite", "europepmc-dc"):
        wrapper = b"<responseWrapper><resultList>" + payload.encode() + b"</resultList></responseWrapper>"
        if source == "europepmc-dc":
            wrapper = (b'<responseWrapper xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
                       b"<rdf:RDF>" + payload.encode() + b"</rdf:RDF></responseWrapper>")
        result = read_europepmc_xml(wrapper, source)
        if not result.records:
            raise MalformedRecord(f"stored {source} payload no longer parses: "
                                  + "; ".join(str(m) for m in result.malformed))
        return result.records[0]
    raise MalformedRecord(f"unknown raw payload source {source!r}")
