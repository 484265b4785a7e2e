"""Record text to safe HTML: everything is text, except the few inline tags real titles carry.

PubMed titles and abstracts use ``<i>`` (species names), ``<b>``, ``<sup>`` and
``<sub>`` (formulae).  We escape the whole string first, restore only those four
tags written without attributes, and let nh3 (ammonia, a maintained sanitiser)
balance what is left; so ``<script>`` or ``<img onerror=...>`` in a record is
shown as the characters it is and can never become markup.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable, Sequence

import nh3
from markupsafe import Markup

ALLOWED_TAGS = frozenset({"i", "b", "sup", "sub"})
_ESCAPED_TAG = re.compile(r"&lt;(/?)(i|b|sup|sub)&gt;", re.IGNORECASE)
_RAW_TAG = re.compile(r"</?(?:i|b|sup|sub)>", re.IGNORECASE)


def inline_html(text: str | None) -> Markup:
    """Escape ``text`` and keep only bare ``<i> <b> <sup> <sub>`` as markup."""
    if not text:
        return Markup("")
    escaped = html.escape(text, quote=False)
    restored = _ESCAPED_TAG.sub(lambda m: f"<{m[1]}{m[2].lower()}>", escaped)
    return Markup(nh3.clean(restored, tags=set(ALLOWED_TAGS), attributes={}, strip_comments=True, link_rel=None))


def plain_text(text: str | None) -> str:
    """The text without the allowed inline tags (for exports, page titles, attributes)."""
    if not text:
        return ""
    return " ".join(_RAW_TAG.sub("", text).split())


def _spans(text: str, needles: Iterable[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Every occurrence of each evidence string in ``text``, as (start, end, kind)."""
    out: list[tuple[int, int, str]] = []
    lowered = text.lower()
    for needle, kind in needles:
        needle = needle.strip()
        if len(needle) < 3:
            continue
        hay, pat = (text, needle) if needle in text else (lowered, needle.lower())
        start = hay.find(pat)
        while start >= 0:
            out.append((start, start + len(pat), kind))
            start = hay.find(pat, start + len(pat))
    return out


def highlight(text: str | None, evidence: Sequence[tuple[str, str]]) -> list[Markup]:
    """Paragraphs of ``text`` as safe HTML, with each evidence string wrapped in ``<mark>``.

    ``evidence`` is (sentence, kind) pairs; kinds covering the same characters are
    joined in the mark's class so the legend can explain them.  Each piece is
    sanitised on its own, so a mark can never open a hole in the escaping.
    """
    if not text:
        return []
    spans = _spans(text, evidence)
    cuts = {0, len(text)}
    cuts.update(i for i, ch in enumerate(text) if ch == "\n")
    cuts.update(i + 1 for i, ch in enumerate(text) if ch == "\n")
    for s, e, _ in spans:
        cuts.update((s, e))
    edges = sorted(cuts)
    paragraphs: list[Markup] = []
    current: list[Markup] = []
    for a, b in itertools.pairwise(edges):
        piece = text[a:b]
        if piece == "\n":
            paragraphs.append(Markup("").join(current))
            current = []
            continue
        kinds = sorted({k for s, e, k in spans if s <= a and b <= e})
        safe = inline_html(piece)
        if kinds:
            cls = " ".join(f"ev-{k}" for k in kinds)
            safe = Markup('<mark class="ev {}">{}</mark>').format(cls, safe)
        current.append(safe)
    paragraphs.append(Markup("").join(current))
    return [p for p in paragraphs if p.strip()]
