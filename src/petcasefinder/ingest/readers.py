"""Pick the right reader for a file by looking at its bytes, not its name.

Every reader is a pure function ``(data: bytes, name: str) -> ReadResult``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import MalformedRecord
from ..records import Malformed, ReadResult
from .europepmc import read_europepmc_json, read_europepmc_xml
from .jsonl import read_jsonl
from .pubmed import read_pubmed_xml

Reader = Callable[[bytes, str], ReadResult]


def sniff(data: bytes) -> Reader:
    """Choose a reader from the content: Europe PMC JSON/XML, PubMed XML or JSON Lines."""
    head = data.lstrip()[:4096]
    if head.startswith(b"<"):
        if b"PubmedArticleSet" in head or b"<PubmedArticle" in head or b"pubmed_" in head.lower():
            return read_pubmed_xml
        return read_europepmc_xml
    if head.startswith(b"{"):
        first = data.lstrip().split(b"\n", 1)[0]
        if b'"resultList"' in data[:200000] or b'"hitCount"' in first or b'"request"' in first:
            return read_europepmc_json
        return read_jsonl
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
