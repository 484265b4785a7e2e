"""NCBI E-utilities efetch ``PubmedArticleSet`` XML -> Article records (pure).

Structured abstracts keep their labels as ``"LABEL: text"`` paragraphs joined by
newlines; the year falls back from ``PubDate/Year`` to ``MedlineDate`` ("1998
Dec-1999 Jan") to ``ArticleDate``; the DOI comes from ``ELocationID`` or the
``ArticleIdList``.  A MeSH heading is major when its descriptor or any of its
qualifiers is starred, as PubMed's ``[majr]`` treats it.  XML is parsed with
defusedxml, so entity-expansion tricks are refused rather than expanded.  A
truncated or garbled file still yields every complete ``<PubmedArticle>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException

from ..records import Article, Malformed, MeshHeading, ReadResult
from .markup import one_line, parse_xml, xml_error
from .safejson import MAX_DEPTH, xml_too_deep

SOURCE = "pubmed"
_ARTICLE_TAG = re.compile(rb"<Pubmed(?:Book)?Article\b|(</Pubmed(?:Book)?Article>)")
_NO_LABEL = {"", "UNLABELLED", "UNASSIGNED", "NA"}


def _text(el: ET.Element | None) -> str:
    """All text inside an element (inline <i>, <sub>, ... flattened), whitespace collapsed."""
    return one_line("".join(el.itertext())) if el is not None else ""


def _year(article: ET.Element, citation: ET.Element, data: ET.Element | None) -> int | None:
    for el in (article.find("Journal/JournalIssue/PubDate"), article.find("ArticleDate"),
               citation.find("Book/PubDate") if citation.tag == "BookDocument" else None):
        if el is None:
            continue
        for t in (el.findtext("Year"), el.findtext("MedlineDate")):
            m = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", t or "")
            if m:
                return int(m.group(1))
    if data is not None:
        y = data.findtext("History/PubMedPubDate[@PubStatus='pubmed']/Year")
        if y and y.strip().isdigit():
            return int(y)
    return None


def _abstract(parent: ET.Element) -> str:
    paras = []
    for at in parent.findall("Abstract/AbstractText"):
        text = _text(at)
        label = (at.get("Label") or "").strip()
        if text:
            paras.append(f"{label}: {text}" if label.upper() not in _NO_LABEL else text)
    return "\n".join(paras)


def _authors(parent: ET.Element) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names: list[str] = []
    affs: list[str] = []
    for a in parent.findall("AuthorList/Author"):
        if a.get("ValidYN") == "N":
            continue
        last = _text(a.find("LastName"))
        initials = _text(a.find("Initials")) or "".join(w[:1] for w in _text(a.find("ForeName")).split())
        name = one_line(f"{last} {initials}") if last else _text(a.find("CollectiveName"))
        if name:
            names.append(name)
        for af in [*a.findall("AffiliationInfo/Affiliation"), *a.findall("Affiliation")]:
            t = _text(af)
            if t and t not in affs:
                affs.append(t)
    return tuple(names), tuple(affs)


def _mesh(citation: ET.Element) -> tuple[MeshHeading, ...]:
    out = []
    for h in citation.findall("MeshHeadingList/MeshHeading"):
        d = h.find("DescriptorName")
        if d is None or not _text(d):
            continue
        quals = h.findall("QualifierName")
        major = d.get("MajorTopicYN") == "Y" or any(q.get("MajorTopicYN") == "Y" for q in quals)
        out.append(MeshHeading(_text(d), major, tuple(t for q in quals if (t := _text(q)))))
    return tuple(out)


def _ids(article: ET.Element | None, data: ET.Element | None) -> tuple[str | None, str | None]:
    doi = pmcid = None
    if article is not None:
        for e in article.findall("ELocationID"):
            if e.get("EIdType") == "doi" and e.get("ValidYN") != "N" and _text(e):
                doi = _text(e)
                break
    # only PubmedData's own list: ReferenceList entries carry ArticleIdLists of *cited* papers
    for e in data.findall("ArticleIdList/ArticleId") if data is not None else []:
        kind, val = e.get("IdType"), _text(e)
        if kind == "doi" and not doi and val:
            doi = val
        elif kind == "pmc" and val:
            pmcid = val.upper()
    return doi, pmcid


def article_from_element(el: ET.Element) -> Article:
    """One ``<PubmedArticle>`` (or ``<PubmedBookArticle>``) -> Article; ValueError if unusable."""
    data = el.find("PubmedData") if el.tag == "PubmedArticle" else el.find("PubmedBookData")
    citation = el.find("MedlineCitation") if el.tag == "PubmedArticle" else el.find("BookDocument")
    if citation is None:
        raise ValueError(f"<{el.tag}> has no MedlineCitation/BookDocument")
    article = citation.find("Article") if el.tag == "PubmedArticle" else citation
    if article is None:
        raise ValueError("MedlineCitation has no Article")
    pmid = _text(citation.find("PMID")) or None
    title = _text(article.find("ArticleTitle")) or _text(article.find("VernacularTitle"))
    if el.tag == "PubmedBookArticle" and not title:
        title = _text(citation.find("Book/BookTitle"))
    if not title:
        raise ValueError(f"article has no title (PMID {pmid})")
    doi, pmcid = _ids(article, data)
    if not (pmid or doi or pmcid):
        raise ValueError("article has no PMID, DOI or PMC id")
    journal = (_text(article.find("Journal/Title")) or _text(article.find("Journal/ISOAbbreviation"))
               or _text(citation.find("MedlineJournalInfo/MedlineTA")) or _text(citation.find("Book/BookTitle")))
    authors, affs = _authors(article)
    return Article(
        title=title,
        abstract=_abstract(article),
        pmid=pmid,
        pmcid=pmcid,
        doi=doi,
        journal=journal or None,
        year=_year(article, citation, data),
        authors=authors,
        affiliations=affs,
        mesh=_mesh(citation),
        pub_types=tuple(t for p in article.findall("PublicationTypeList/PublicationType") if (t := _text(p))),
        keywords=tuple(t for k in citation.findall("KeywordList/Keyword") if (t := _text(k))),
        language=_text(article.find("Language")) or None,
        sources=(SOURCE,),
        raw=((SOURCE, ET.tostring(el, encoding="unicode").strip()),),
    )


def _read_elements(elements: list[ET.Element], name: str) -> tuple[list[Article], list[Malformed]]:
    records: list[Article] = []
    bad: list[Malformed] = []
    for i, el in enumerate(elements, 1):
        if el.tag not in ("PubmedArticle", "PubmedBookArticle"):
            continue  # DeleteCitation and the like are instructions, not records
        try:
            if xml_too_deep(el):  # serialising or flattening it would exhaust the recursion limit
                raise ValueError(f"XML nested deeper than {MAX_DEPTH} elements")
            records.append(article_from_element(el))
        except ValueError as e:
            pmid = one_line(el.findtext("MedlineCitation/PMID") or el.findtext("BookDocument/PMID") or "")
            bad.append(Malformed(name, f"article {i}" + (f" (PMID {pmid})" if pmid else ""), str(e)))
    return records, bad


def _article_chunks(data: bytes) -> list[bytes]:
    """Each ``<PubmedArticle ...>...</PubmedArticle>`` span, found in one linear pass.

    An opening tag pairs with the first closing tag after it (as the lazy regex
    ``<PubmedArticle\\b.*?</PubmedArticle>`` would), without rescanning to the end
    of the file from every unclosed opening tag: 40,000 of them took 196 s.
    """
    chunks: list[bytes] = []
    start: int | None = None
    for m in _ARTICLE_TAG.finditer(data):
        if not m.group(1):
            start = m.start() if start is None else start
        elif start is not None:
            chunks.append(data[start:m.end()])
            start = None
    return chunks


def _salvage(data: bytes, name: str, err: Exception) -> ReadResult:
    """Parse each complete ``<PubmedArticle>`` on its own, so a cut-off file loses only its tail."""
    where, msg = xml_error(err)
    if isinstance(err, DefusedXmlException):
        return ReadResult((), (Malformed(name, where, msg),))
    elements = []
    for chunk in _article_chunks(data):
        try:
            elements.append(parse_xml(chunk))
        except (ET.ParseError, DefusedXmlException):
            continue
    records, bad = _read_elements(elements, name)
    note = Malformed(name, where, f"{msg}; {len(records)} complete articles kept")
    return ReadResult(tuple(records), (note, *bad), len(records))


def read_pubmed_xml(data: bytes, name: str) -> ReadResult:
    """An efetch ``db=pubmed retmode=xml`` body (``PubmedArticleSet``)."""
    try:
        root = parse_xml(data)
    except (ET.ParseError, DefusedXmlException) as e:
        return _salvage(data, name, e)
    return read_article_set(root, name)


def read_article_set(root: ET.Element, name: str) -> ReadResult:
    """An already parsed efetch body; an E-utilities error document is one file-level Malformed."""
    if root.tag in ("eFetchResult", "eSearchResult", "ERROR"):
        why = _text(root.find("ERROR")) if root.tag != "ERROR" else _text(root)
        return ReadResult((), (Malformed(name, "file", f"E-utilities error: {why or root.tag}"),))
    if root.tag != "PubmedArticleSet":
        return ReadResult((), (Malformed(name, "file", f"not a PubmedArticleSet (root element <{root.tag}>)"),))
    records, bad = _read_elements(list(root), name)
    return ReadResult(tuple(records), tuple(bad), len(records) + len(bad))
