"""Sentences of a record with the part of the abstract each belongs to.

Structured abstracts are read by their labels ("CASE PRESENTATION:", "ResultsTen cats", "Objective To
describe"); in unstructured ones, sentences before the first sentence about the case itself ("A 12-year-old
...", "We describe ...") are background and closing remarks ("To our knowledge ...") are conclusions.
Roles: title, background, objective, case, conclusion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import Article
from .cues import cues

_BOUNDARY = re.compile(r"(?<=[.!?])\s*(?=[A-Z])|(?<=[.!?][\"”)])\s+(?=[A-Z])|\n+")
_CLOSING = re.compile(
    r"^(?:to (?:our|the authors[’']?) knowledge|(?:this|the present) (?:case|report|study|case report|case series)"
    r"\b(?! was\b)|these (?:findings|results|observations|data|cases)|in conclusion"
    r"|our (?:findings|results)|this is the first|further (?:studies|accumulation|research|investigation))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    role: str  # title | background | objective | case | conclusion
    source: str  # title | abstract
    index: int


@lru_cache(maxsize=1)
def _labels() -> tuple[re.Pattern[str], dict[str, str]]:
    c = cues()
    role_of: dict[str, str] = {}
    for role in ("background", "objective", "case", "conclusion"):
        for w in c.words(f"section_{role}"):
            role_of.setdefault(w.lower(), role)
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(role_of, key=len, reverse=True))
    rx = re.compile(rf"^(?P<label>{alts})(?:\s*:\s*|(?=[A-Z])|\s+(?=[A-Z0-9]))", re.IGNORECASE)
    return rx, role_of


def _label(text: str) -> tuple[str, int] | None:
    """The section a sentence opens (and how many characters its label takes), if it opens one."""
    rx, role_of = _labels()
    m = rx.match(text)
    if not m or not text[:1].isupper():
        return None
    label = " ".join(m.group("label").lower().split())
    colon = ":" in m.group(0)
    if not colon and not (m.group("label").isupper() or text[m.end("label") : m.end("label") + 1].isupper()):
        return None
    if not colon and label in ("case", "history", "treatment", "diagnosis", "management", "outcome", "findings"):
        return None  # ordinary words at the start of a sentence ("Treatment with ...", "Case 2 had ...")
    return role_of[label], m.end()


def _pieces(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _BOUNDARY.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def sentences(article: Article) -> list[Sentence]:
    """The title (role 'title') then each abstract sentence with its role; section labels are left out."""
    out = [Sentence(article.title.strip(), 0, len(article.title.strip()), "title", "title", 0)]
    text = article.abstract
    raw: list[tuple[int, int, str | None]] = []
    for a, b in _pieces(text):
        lab = _label(text[a:b])
        if lab:
            role, n = lab
            a2 = a + n
            while a2 < b and text[a2].isspace():
                a2 += 1
            raw.append((a2, b, role))
        else:
            raw.append((a, b, None))
    structured = any(r is not None for _, _, r in raw)
    roles: list[str] = []
    if structured:
        current = "case"
        for _, _, r in raw:
            current = r or current
            roles.append(current)
    else:
        c = cues()
        first = next((i for i, (a, b, _) in enumerate(raw) if c.rx("case_start").search(text[a:b])), 0)
        closing = False
        for i, (a, b, _) in enumerate(raw):
            if i < first:
                roles.append("background")
                continue
            closing = closing or (i > first and _CLOSING.match(text[a:b]) is not None)
            roles.append("conclusion" if closing else "case")
    for i, ((a, b, _), role) in enumerate(zip(raw, roles), 1):
        if b > a:
            out.append(Sentence(text[a:b], a, b, role, "abstract", i))
    return out
