"""Citation export: RIS, BibTeX and CSL-JSON for one case or a result list.

Pure functions over ``Article``: the web app and any other caller get the same
bytes.  Titles lose their inline tags (``<i>`` etc.) because none of the three
formats has one agreed way to carry them; all other text is kept as written and
escaped the way each format needs.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .errors import QueryError
from .records import Article

_INLINE_TAG = re.compile(r"</?(?:i|b|sup|sub)>", re.IGNORECASE)
_INITIALS = re.compile(r"^[A-Z][A-Za-z]{0,3}$")


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    extension: str


FORMATS: dict[str, Format] = {
    "ris": Format("RIS", "application/x-research-info-systems", "ris"),
    "bib": Format("BibTeX", "application/x-bibtex", "bib"),
    "csl.json": Format("CSL-JSON", "application/vnd.citationstyles.csl+json", "csl.json"),
}


def _clean(text: str | None) -> str:
    """One line of plain text: inline tags removed, whitespace collapsed."""
    return " ".join(_INLINE_TAG.sub("", text or "").split())


def split_author(name: str) -> dict[str, str]:
    """PubMed "Surname AB" or "Surname, Given" -> CSL name parts; anything else stays literal."""
    name = " ".join(name.replace(" et al.", "").replace(" et al", "").split())
    if "," in name:
        family, given = (p.strip() for p in name.split(",", 1))
        return {"family": family, "given": given} if family and given else {"literal": name}
    parts = name.split(" ")
    if len(parts) >= 2 and _INITIALS.match(parts[-1]) and parts[-1][:1].isupper() and parts[-1].isupper():
        return {"family": " ".join(parts[:-1]), "given": parts[-1]}
    return {"literal": name}


def _authors(a: Article) -> list[dict[str, str]]:
    return [split_author(x) for x in a.authors if x.strip()]


def _url(a: Article) -> str | None:
    if a.pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{a.pmid}/"
    if a.doi:
        return f"https://doi.org/{a.doi}"
    return None


# ---- RIS -----------------------------------------------------------------------------------------
def ris(articles: Sequence[Article]) -> str:
    """RIS (Research Information Systems) tagged format, one JOUR record per article."""
    out: list[str] = []
    for a in articles:
        rows: list[tuple[str, str]] = [("TY", "JOUR"), ("TI", _clean(a.title))]
        for au in _authors(a):
            rows.append(("AU", au.get("literal") or f"{au['family']}, {au['given']}"))
        if a.journal:
            rows.append(("JO", _clean(a.journal)))
        if a.year:
            rows.append(("PY", str(a.year)))
        if a.doi:
            rows.append(("DO", a.doi))
        if a.pmid:
            rows.append(("AN", f"PMID:{a.pmid}"))
        url = _url(a)
        if url:
            rows.append(("UR", url))
        if a.abstract:
            rows.append(("AB", _clean(a.abstract)))
        rows.append(("ER", ""))
        out.extend(f"{tag}  - {value}" for tag, value in rows)
        out.append("")
    return "\n".join(out)


# ---- BibTeX --------------------------------------------------------------------------------------
_BIB_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bib_escape(text: str) -> str:
    """Escape the characters TeX treats as syntax, so braces in a record can't end a field."""
    return "".join(_BIB_SPECIAL.get(ch, ch) for ch in text)


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]", "", folded)


def bib_key(a: Article) -> str:
    """Surname + year + first long title word, e.g. ``hardy2026successful``."""
    authors = _authors(a)
    surname = ""
    if authors:
        first = authors[0]
        surname = first.get("family") or first.get("literal", "").split(" ")[0]
    words = [w for w in re.findall(r"[^\W\d_]+", _clean(a.title)) if len(w) > 3]
    key = _ascii_word(surname).lower() + (str(a.year) if a.year else "") + (_ascii_word(words[0]).lower() if words else "")
    return key or _ascii_word(a.key) or "case"


def _bib_name(au: dict[str, str]) -> str:
    if "literal" in au:
        return "{" + bib_escape(au["literal"]) + "}"
    return bib_escape(f"{au['family']}, {au['given']}")


def bibtex(articles: Sequence[Article]) -> str:
    """BibTeX ``@article`` entries; a repeated key gets b, c, ... so keys stay unique in the list."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for a in articles:
        key = bib_key(a)
        n = seen.get(key, 0)
        seen[key] = n + 1
        if n:
            key = f"{key}{chr(ord('a') + min(n, 25))}"
        fields: list[tuple[str, str]] = [("title", "{" + bib_escape(_clean(a.title)) + "}")]
        names = [_bib_name(au) for au in _authors(a)]
        if names:
            fields.append(("author", " and ".join(names)))
        if a.journal:
            fields.append(("journal", bib_escape(_clean(a.journal))))
        if a.year:
            fields.append(("year", str(a.year)))
        if a.doi:
            fields.append(("doi", bib_escape(a.doi)))
        if a.pmid:
            fields.append(("pmid", bib_escape(a.pmid)))
        url = _url(a)
        if url:
            fields.append(("url", bib_escape(url)))
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
        out.append(f"@article{{{key},\n{body}\n}}\n")
    return "\n".join(out)


# ---- CSL-JSON ------------------------------------------------------------------------------------
def csl_item(a: Article) -> dict[str, Any]:
    """One CSL-JSON item (the format Zotero, Pandoc and citeproc read)."""
    item: dict[str, Any] = {"id": a.key or bib_key(a), "type": "article-journal", "title": _clean(a.title)}
    authors = _authors(a)
    if authors:
        item["author"] = authors
    if a.journal:
        item["container-title"] = _clean(a.journal)
    if a.year:
        item["issued"] = {"date-parts": [[a.year]]}
    if a.doi:
        item["DOI"] = a.doi
    if a.pmid:
        item["PMID"] = a.pmid
    if a.pmcid:
        item["PMCID"] = a.pmcid
    url = _url(a)
    if url:
        item["URL"] = url
    if a.abstract:
        item["abstract"] = _clean(a.abstract)
    return item


def csl_json(articles: Sequence[Article]) -> str:
    return json.dumps([csl_item(a) for a in articles], ensure_ascii=False, indent=2) + "\n"


def render(fmt: str, articles: Sequence[Article]) -> tuple[str, Format]:
    """The export body and its format, by the short name used in URLs (ris, bib, csl.json)."""
    spec = FORMATS.get(fmt)
    if spec is None:
        raise QueryError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    body = {"ris": ris, "bib": bibtex, "csl.json": csl_json}[fmt](articles)
    return body, spec
