"""Europe PMC REST ``search`` responses -> Article records (pure: bytes in, records out).

Handles JSON (resultType core, lite and idlist) and XML (``responseWrapper``,
core/lite, and the Dublin Core ``format=dc`` file).  Europe PMC writes section
labels as ``<h4>Label</h4>`` inside ``abstractText``; they become
``"LABEL: text"`` paragraphs joined by newlines, the same shape the PubMed reader
gives, so the two views of one article merge cleanly.

Each record keeps its original payload in ``raw`` under a key that names its
format ("europepmc" core JSON, "europepmc-lite", "europepmc-xml",
"europepmc-xml-lite", "europepmc-dc"), so a lite view never overwrites the fuller
core payload and ``readers.reparse`` knows which parser to use.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import unquote

from defusedxml import DefusedXmlException

from ..records import Article, Malformed, MeshHeading, ReadResult
from .markup import abstract_from_html, one_line, parse_xml, strip_tags, xml_error
from .safejson import MAX_DEPTH, loads, raw_decode, too_deep, xml_too_deep

__all__ = ["abstract_from_html", "article_from_result", "one_line", "parse_xml", "read_europepmc_json",
           "read_europepmc_xml", "read_results", "strip_tags", "xml_error"]
SOURCE = "europepmc"
_ID_KEYS = {"id", "source", "pmid", "pmcid", "doi", "fullTextIdList"}
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCT = "{http://purl.org/dc/terms/}"
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_JATS_LOWER = {"correction", "retraction", "addendum", "reply", "introduction", "discussion",
               "announcement", "obituary", "reprint", "translation", "abstract", "collection"}


# ---- field helpers ------------------------------------------------------------------------------
def _str_raw(v: Any) -> str:
    """A text field as is (markup and line breaks kept); non-text is empty."""
    return v if isinstance(v, str) else str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else ""


def _str(v: Any) -> str | None:
    if v is None or isinstance(v, (dict, list)):
        return None
    s = one_line(str(v))
    return s or None


def _obj(parent: dict[str, Any], key: str) -> dict[str, Any]:
    """A field that must be an object (``authorList``, ``journalInfo``, ...); absent or empty is ``{}``."""
    v = parent.get(key)
    if v is None or v == "":
        return {}
    if not isinstance(v, dict):
        raise TypeError(f"{key} is a {type(v).__name__}, expected an object")
    return v


def _scalar(r: dict[str, Any], key: str) -> str | None:
    """An identity field (title, ids): text or a number; a list or object makes the record malformed."""
    v = r.get(key)
    if isinstance(v, (dict, list)):
        raise TypeError(f"{key} is a {type(v).__name__}, expected text")
    return _str(v)


def _as_list(v: Any) -> list[Any]:
    if v is None or v == "":
        return []
    return v if isinstance(v, list) else [v]


def _year(*values: Any) -> int | None:
    for v in values:
        m = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", str(v)) if isinstance(v, (str, int)) else None
        if m:
            return int(m.group(1))
    return None


def _lite_pub_type(s: str) -> str:
    """Lite responses lower-case publication types; restore PubMed's casing so merges don't duplicate."""
    s = s.strip()
    if ("-" in s and " " not in s) or s in _JATS_LOWER:
        return s  # a JATS article-type such as "research-article": lower case in core too

    def word(w: str) -> str:
        if "." in w or w.rstrip(",") in {"i", "ii", "iii", "iv"}:
            return w.upper()
        return "-".join(p[:1].upper() + p[1:] for p in w.split("-"))

    return " ".join(word(w) for w in s.split())


# ---- one result object (JSON, or XML converted to the same shape) ----------------------------------
def _authors(r: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names: list[str] = []
    affs: list[str] = []
    for a in _as_list(_obj(r, "authorList").get("author")):
        if not isinstance(a, dict):
            continue
        name = _str(a.get("fullName")) or _str(a.get("collectiveName"))
        if not name and a.get("lastName"):
            name = one_line(f"{a.get('lastName')} {a.get('initials') or ''}")
        if name:
            names.append(name)
        details = _obj(a, "authorAffiliationDetailsList").get("authorAffiliation")
        for d in _as_list(details):
            aff = _str(d.get("affiliation")) if isinstance(d, dict) else None
            if aff and aff not in affs:
                affs.append(aff)
    if not names and (author_string := _str(r.get("authorString"))):
        names = [n.strip().rstrip(".") for n in author_string.split(",") if n.strip().rstrip(".")]
    top = _str(r.get("affiliation"))
    if top and top not in affs:
        affs.append(top)
    return tuple(names), tuple(affs)


def _mesh(r: dict[str, Any]) -> tuple[MeshHeading, ...]:
    out = []
    for m in _as_list(_obj(r, "meshHeadingList").get("meshHeading")):
        name = _str(m.get("descriptorName")) if isinstance(m, dict) else None
        if not name:
            continue
        quals = [q for q in _as_list(_obj(m, "meshQualifierList").get("meshQualifier")) if isinstance(q, dict)]
        major = m.get("majorTopic_YN") == "Y" or any(q.get("majorTopic_YN") == "Y" for q in quals)
        out.append(MeshHeading(name, major, tuple(n for q in quals if (n := _str(q.get("qualifierName"))))))
    return tuple(out)


def is_core(r: dict[str, Any]) -> bool:
    return any(k in r for k in ("journalInfo", "pubTypeList", "abstractText", "authorList"))


def article_from_result(r: dict[str, Any], raw_key: str = SOURCE, raw: str | None = None) -> Article:
    """One Europe PMC result (core or lite) -> Article.

    Raises ValueError when it has no title or id, TypeError when a field has the wrong
    type (``"authorList": "x"``) or nests deeper than any real record.
    """
    if not isinstance(r, dict):
        raise TypeError("a result must be an object")
    if too_deep(r):
        raise ValueError(f"nested deeper than {MAX_DEPTH} levels")
    title = strip_tags(_scalar(r, "title") or "")
    if not title:
        raise ValueError("record has no title")
    pmid, doi, pmcid = _scalar(r, "pmid"), _scalar(r, "doi"), _scalar(r, "pmcid")
    if not pmid and r.get("source") == "MED":
        pmid = _scalar(r, "id")
    if not pmcid and r.get("source") == "PMC":
        pmcid = _scalar(r, "id")
    if not (pmid or doi or pmcid):
        raise ValueError(f"record has no pmid, doi or pmcid (source {r.get('source')} id {r.get('id')})")
    info = _obj(r, "journalInfo")
    journal = _str(_obj(info, "journal").get("title")) or _str(r.get("journalTitle"))
    if is_core(r):
        pub_types = tuple(p for x in _as_list(_obj(r, "pubTypeList").get("pubType")) if (p := _str(x)))
    else:
        lite = "; ".join(p for x in _as_list(r.get("pubType")) if (p := _str(x)))
        pub_types = tuple(_lite_pub_type(p) for p in lite.split(";") if p.strip())
    authors, affs = _authors(r)
    keywords = tuple(k for x in _as_list(_obj(r, "keywordList").get("keyword")) if (k := _str(x)))
    return Article(
        title=title,
        abstract=abstract_from_html(_str_raw(r.get("abstractText"))),
        pmid=pmid,
        pmcid=pmcid.upper() if pmcid else None,
        doi=doi,
        journal=journal,
        year=_year(info.get("yearOfPublication"), r.get("pubYear"), r.get("firstPublicationDate")),
        authors=authors,
        affiliations=affs,
        mesh=_mesh(r),
        pub_types=pub_types,
        keywords=keywords,
        language=_str(r.get("language")),
        sources=(SOURCE,),
        raw=((raw_key, raw if raw is not None else json.dumps(r, ensure_ascii=False, separators=(",", ":"))),),
    )


def _ids_only(r: dict[str, Any]) -> Article | None:
    pmid, pmcid, doi = _str(r.get("pmid")), _str(r.get("pmcid")), _str(r.get("doi"))
    if not (pmid or pmcid or doi):
        return None
    return Article(title="", pmid=pmid, pmcid=pmcid.upper() if pmcid else None, doi=doi, sources=(SOURCE,))


def read_results(obj: Any, name: str, *, xml: bool = False) -> ReadResult:
    """Map a decoded search response (JSON dict, or XML converted to the same shape) to records."""
    if not isinstance(obj, dict) or ("resultList" not in obj and "hitCount" not in obj):
        return ReadResult((), (Malformed(name, "file", "not a Europe PMC search response (no resultList)"),))
    request = obj.get("request")
    result_type = (_str(request.get("resultType")) or "").lower() if isinstance(request, dict) else ""
    rl = obj.get("resultList")
    results = _as_list(rl.get("result")) if isinstance(rl, dict) else []
    bad = () if rl is None or rl == "" or isinstance(rl, dict) else (
        Malformed(name, "resultList", f"resultList is a {type(rl).__name__}, expected an object"),)
    return _map_results(results, name, result_type, obj, "europepmc-xml" if xml else SOURCE, bad)


class Unreadable(str):
    """Stands in for a result that could not be converted (why), so positions stay numbered."""


def _map_results(results: list[Any], name: str, result_type: str, obj: dict[str, Any], base: str,
                 extra_bad: tuple[Malformed, ...] = ()) -> ReadResult:
    records: list[Article] = []
    ids: list[Article] = []
    bad: list[Malformed] = []
    for i, r in enumerate(results, 1):
        if isinstance(r, Unreadable):
            bad.append(Malformed(name, f"result {i}", str(r)))
            continue
        if isinstance(r, dict) and not r.get("title") and (result_type == "idlist" or set(r) <= _ID_KEYS):
            a = _ids_only(r)
            if a is not None:
                ids.append(a)
                continue
        try:
            raw = r.pop("__raw__", None) if isinstance(r, dict) else None
            lite = base != "europepmc-dc" and not (isinstance(r, dict) and is_core(r))
            records.append(article_from_result(r, base + ("-lite" if lite else ""), raw))
        except (ValueError, TypeError) as e:
            rid = r.get("id") if isinstance(r, dict) else None
            bad.append(Malformed(name, f"result {i}" + (f" (id {rid})" if rid else ""), str(e)))
    total = obj.get("hitCount")
    try:
        hits = int(total) if isinstance(total, (int, float, str)) and not isinstance(total, bool) else None
    except (ValueError, OverflowError):
        hits = None
    cursor = _str(obj.get("nextCursorMark"))
    return ReadResult(tuple(records), (*extra_bad, *bad), hits, cursor, tuple(ids))


def _salvage_json(text: str, name: str, err: json.JSONDecodeError) -> ReadResult:
    """A truncated or garbled response: keep every complete result before the damage."""
    where = f"line {err.lineno} column {err.colno}"
    m = re.search(r'"result"\s*:\s*\[', text)
    if not m:
        return ReadResult((), (Malformed(name, where, f"invalid JSON: {err.msg}"),))
    i, found = m.end(), []
    while True:
        while i < len(text) and text[i] in " \t\r\n,":
            i += 1
        if i >= len(text) or text[i] == "]":
            break
        try:
            obj, i = raw_decode(text, i)
        except json.JSONDecodeError:
            break
        found.append(obj)
    head = text[: m.start()]
    rt = re.search(r'"resultType"\s*:\s*"(\w+)"', head)
    hc = re.search(r'"hitCount"\s*:\s*(\d+)', head)
    meta = {"hitCount": hc.group(1) if hc else None}
    note = Malformed(name, where, f"truncated or invalid JSON ({err.msg}); {len(found)} complete results kept")
    return _map_results(found, name, rt.group(1).lower() if rt else "", meta, SOURCE, (note,))


def read_europepmc_json(data: bytes, name: str) -> ReadResult:
    """A Europe PMC ``search`` JSON response (core, lite or idlist)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return ReadResult((), (Malformed(name, f"byte {e.start}", f"not UTF-8 ({e.reason})"),))
    try:
        obj = loads(text)
    except json.JSONDecodeError as e:
        return _salvage_json(text, name, e)
    return read_results(obj, name)


# ---- XML ------------------------------------------------------------------------------------------
def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _inner(el: ET.Element) -> str:
    """Element content as markup text (child tags kept), for fields that carry inline HTML."""
    return (el.text or "") + "".join(ET.tostring(c, encoding="unicode") for c in el)


def _xml_obj(el: ET.Element) -> Any:
    """XML -> the JSON shape: repeated children become lists (``_as_list`` copes with singletons)."""
    if len(el) == 0:
        return (el.text or "").strip()
    d: dict[str, Any] = {}
    for c in el:
        tag = _local(c.tag)
        v = _inner(c) if tag in ("abstractText", "title") else _xml_obj(c)
        if tag in _LISTS:
            d.setdefault(tag, []).append(v)
        elif tag in d:
            d[tag] = [*_as_list(d[tag]), v]
        else:
            d[tag] = v
    return d


_TOO_DEEP = Unreadable(f"XML nested deeper than {MAX_DEPTH} elements")
_LISTS = {"result", "author", "pubType", "meshHeading", "meshQualifier", "keyword", "authorAffiliation"}


def _dc_record(d: ET.Element) -> dict[str, Any]:
    """A Dublin Core ``rdf:Description`` in the JSON result shape (keys the mapper understands)."""
    def all_(ns: str, tag: str) -> list[str]:
        return [one_line(e.text or "") for e in d.findall(ns + tag) if (e.text or "").strip()]

    about = d.get(_RDF + "about", "")
    r: dict[str, Any] = {}
    m = re.search(r"/(MED|PMC|PPR|AGR|CBA|CTX|ETH|HIR|PAT|CIT)/([^/]+)$", about)
    if m:
        r["source"], r["id"] = m.group(1), m.group(2)
    for ident in all_(_DC, "identifier"):
        if "doi.org/" in ident:
            r["doi"] = ident.split("doi.org/", 1)[1]
        elif (mm := re.search(r"/MED/(\d+)$", ident)) is not None:
            r["pmid"] = mm.group(1)
    for v in all_(_DCT, "isVersionOf"):
        if (mm := re.search(r"(PMC\d+)", v)) is not None:
            r["pmcid"] = mm.group(1)
    r["title"] = " ".join(all_(_DC, "title"))
    r["abstractText"] = " ".join(all_(_DCT, "abstract"))
    r["authorList"] = {"author": [{"fullName": c.replace(", ", " ")} for c in all_(_DC, "creator")]}
    affs = all_(_DC, "contributor")
    if affs:
        r["authorList"]["author"] = r["authorList"]["author"] or [{}]
        r["authorList"]["author"][0]["authorAffiliationDetailsList"] = {
            "authorAffiliation": [{"affiliation": a} for a in affs]}
    # dc:subject lists the MeSH major topics only
    r["meshHeadingList"] = {"meshHeading": [{"descriptorName": s, "majorTopic_YN": "Y"} for s in all_(_DC, "subject")]}
    r["pubTypeList"] = {"pubType": [p.strip() for t in all_(_DC, "description") for p in t.split(";") if p.strip()]}
    r["language"] = next(iter(all_(_DC, "language")), None)
    r["pubYear"] = next(iter(all_(_DC, "date")), None)
    for cite in all_(_DCT, "bibliographicCitation"):
        if (mm := re.search(r"rft\.jtitle=([^&]+)", cite)) is not None:
            r["journalInfo"] = {"journal": {"title": unquote(mm.group(1))}}
    r["__raw__"] = ET.tostring(d, encoding="unicode")
    return r


def read_europepmc_xml(data: bytes, name: str) -> ReadResult:
    """A Europe PMC ``search`` XML response: ``responseWrapper`` (core/lite) or Dublin Core."""
    try:
        root = parse_xml(data)
    except (ET.ParseError, DefusedXmlException) as e:
        where, msg = xml_error(e)
        return ReadResult((), (Malformed(name, where, msg),))
    tag = _local(root.tag)
    if tag.lower() == "html":
        return ReadResult((), (Malformed(name, "file", "an HTML page, not a Europe PMC response"),))
    if tag != "responseWrapper":
        return ReadResult((), (Malformed(name, "file", f"not a Europe PMC response (root element <{tag}>)"),))
    meta = {c: (root.findtext(c) or "").strip() or None for c in ("hitCount", "nextCursorMark")}
    rdf = root.find(_RDF + "RDF")
    if rdf is not None:
        results: list[Any] = [_TOO_DEEP if xml_too_deep(d) else _dc_record(d)
                              for d in rdf.findall(_RDF + "Description")]
        return _map_results(results, name, "dc", meta, "europepmc-dc")
    rl = root.find("resultList")
    results = []
    for el in rl.findall("result") if rl is not None else []:
        if xml_too_deep(el):
            results.append(_TOO_DEEP)
            continue
        r = _xml_obj(el)
        if isinstance(r, dict):
            r["__raw__"] = ET.tostring(el, encoding="unicode")
        results.append(r)
    rtype = (root.findtext("request/resultType") or "").lower()
    return _map_results(results, name, rtype, meta, "europepmc-xml")
