"""JSON Lines reader for the ``records.jsonl`` format of the shared data (one article per line).

Pure: bytes in, records out.  A bad line is reported with its line number and
the rest of the file still loads.  Label fields that are not part of an
article (``species_hint``, ``study_type_label``, ``split``, ...) stay in ``raw``.
A JSON array of such objects, or one such object, is read the same way.
"""

from __future__ import annotations

import json
from typing import Any

from ..records import Article, Malformed, MeshHeading, ReadResult

SOURCE = "jsonl"


def _str(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def _strs(v: Any) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,) if v.strip() else ()
    if not isinstance(v, list):
        raise TypeError(f"expected a list, got {type(v).__name__}")
    return tuple(str(x).strip() for x in v if x is not None and str(x).strip())


def _mesh(v: Any) -> tuple[MeshHeading, ...]:
    out = []
    for m in v or []:
        if isinstance(m, str):
            out.append(MeshHeading(m))
        elif isinstance(m, dict) and m.get("descriptor"):
            out.append(MeshHeading(str(m["descriptor"]), bool(m.get("major")), _strs(m.get("qualifiers"))))
        else:
            raise TypeError("mesh entries must be strings or {descriptor, major, qualifiers}")
    return tuple(out)


def article_from_dict(d: dict[str, Any], raw: str, source: str = SOURCE) -> Article:
    """Build an Article from one JSON object of the shared-data format; ValueError/TypeError if unusable."""
    if not isinstance(d, dict):
        raise TypeError("a record must be a JSON object")
    title = _str(d.get("title"))
    if not title:
        raise ValueError("record has no title")
    pmid, doi, pmcid = _str(d.get("pmid")), _str(d.get("doi")), _str(d.get("pmcid"))
    if not (pmid or doi or pmcid):
        raise ValueError("record has no pmid, doi or pmcid")
    year = d.get("year")
    if year is not None:
        try:
            year = int(str(year)[:4])
        except ValueError:
            raise ValueError(f"year {year!r} is not a number") from None
    affs = d.get("affiliations", d.get("affiliation"))
    return Article(
        title=title,
        abstract=_str(d.get("abstract")) or "",
        pmid=pmid,
        pmcid=pmcid.upper() if pmcid else None,
        doi=doi,
        journal=_str(d.get("journal")),
        year=year,
        authors=_strs(d.get("authors")),
        affiliations=_strs(affs),
        mesh=_mesh(d.get("mesh")),
        pub_types=_strs(d.get("pub_types")),
        keywords=_strs(d.get("keywords")),
        language=_str(d.get("language")),
        sources=(source,),
        raw=((source, raw),),
    )


def read_jsonl(data: bytes, name: str) -> ReadResult:
    records: list[Article] = []
    bad: list[Malformed] = []
    for lineno, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8").lstrip("\ufeff")
            records.append(article_from_dict(json.loads(text), text))
        except UnicodeDecodeError as e:
            bad.append(Malformed(name, f"line {lineno}", f"not UTF-8 ({e.reason})"))
        except json.JSONDecodeError as e:
            bad.append(Malformed(name, f"line {lineno}", f"invalid JSON: {e.msg} at column {e.colno}"))
        except (ValueError, TypeError) as e:
            bad.append(Malformed(name, f"line {lineno}", str(e)))
    return ReadResult(tuple(records), tuple(bad))


def read_json_document(data: bytes, name: str) -> ReadResult:
    """One JSON document holding a record or an array of records in the JSON Lines format."""
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        return ReadResult((), (Malformed(name, f"byte {e.start}", f"not UTF-8 ({e.reason})"),))
    except json.JSONDecodeError as e:
        return ReadResult((), (Malformed(name, f"line {e.lineno} column {e.colno}", f"invalid JSON: {e.msg}"),))
    if isinstance(obj, dict) and "esearchresult" in obj:
        return ReadResult((), (Malformed(name, "file", "an E-utilities esearch result (PMIDs only, no records)"),))
    items = obj if isinstance(obj, list) else [obj]
    records: list[Article] = []
    bad: list[Malformed] = []
    for i, d in enumerate(items, 1):
        try:
            records.append(article_from_dict(d, json.dumps(d, ensure_ascii=False)))
        except (ValueError, TypeError) as e:
            bad.append(Malformed(name, f"item {i}" if isinstance(obj, list) else "file", str(e)))
    return ReadResult(tuple(records), tuple(bad))
