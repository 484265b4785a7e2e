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
from .safejson import MAX_DEPTH, loads, too_deep

SOURCE = "jsonl"


def _str(v: Any, field: str) -> str | None:
    """Text or a number as text; a list or object is a malformed field, never its Python repr."""
    if v is None:
        return None
    if isinstance(v, (dict, list)):
        raise TypeError(f"{field} is a {type(v).__name__}, expected text")
    s = str(v).strip()
    return s or None


def _strs(v: Any, field: str) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, str):
        return (v,) if v.strip() else ()
    if not isinstance(v, list):
        raise TypeError(f"{field} is a {type(v).__name__}, expected a list")
    return tuple(s for x in v if (s := _str(x, f"an entry of {field}")))


def _mesh(v: Any) -> tuple[MeshHeading, ...]:
    if isinstance(v, str):
        v = [v]
    elif v is not None and not isinstance(v, list):
        raise TypeError(f"mesh is a {type(v).__name__}, expected a list")
    out = []
    for m in v or []:
        if isinstance(m, str):
            out.append(MeshHeading(m))
        elif isinstance(m, dict) and (name := _str(m.get("descriptor"), "a mesh descriptor")):
            out.append(MeshHeading(name, bool(m.get("major")), _strs(m.get("qualifiers"), "mesh qualifiers")))
        else:
            raise TypeError("mesh entries must be strings or {descriptor, major, qualifiers}")
    return tuple(out)


def article_from_dict(d: dict[str, Any], raw: str, source: str = SOURCE) -> Article:
    """Build an Article from one JSON object of the shared-data format; ValueError/TypeError if unusable."""
    if not isinstance(d, dict):
        raise TypeError("a record must be a JSON object")
    if too_deep(d):
        raise ValueError(f"nested deeper than {MAX_DEPTH} levels")
    title = _str(d.get("title"), "title")
    if not title:
        raise ValueError("record has no title")
    pmid, doi, pmcid = _str(d.get("pmid"), "pmid"), _str(d.get("doi"), "doi"), _str(d.get("pmcid"), "pmcid")
    if not (pmid or doi or pmcid):
        raise ValueError("record has no pmid, doi or pmcid")
    year = d.get("year")
    if isinstance(year, (dict, list, bool)):
        raise TypeError(f"year is a {type(year).__name__}, expected a number")
    if year is not None:
        try:
            year = int(str(year)[:4])
        except ValueError:
            raise ValueError(f"year {str(year)[:40]!r} is not a number") from None
    affs = d.get("affiliations", d.get("affiliation"))
    return Article(
        title=title,
        abstract=_str(d.get("abstract"), "abstract") or "",
        pmid=pmid,
        pmcid=pmcid.upper() if pmcid else None,
        doi=doi,
        journal=_str(d.get("journal"), "journal"),
        year=year,
        authors=_strs(d.get("authors"), "authors"),
        affiliations=_strs(affs, "affiliations"),
        mesh=_mesh(d.get("mesh")),
        pub_types=_strs(d.get("pub_types"), "pub_types"),
        keywords=_strs(d.get("keywords"), "keywords"),
        language=_str(d.get("language"), "language"),
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
            records.append(article_from_dict(loads(text), text))
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
        obj = loads(data.decode("utf-8-sig"))
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
