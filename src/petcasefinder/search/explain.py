"""Why a case matched, in the owner's words first: signs (lay <-> clinical), species, breed, age, sex,
and the abstract's key sentence.  Also the "We understood: ..." line.  Pure functions over records.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Article, QuerySign, Understood
from .lexical import tokenize
from .query import age_in_years, words

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])|(?<=[a-z0-9)])(?=[A-Z][A-Z /&-]{3,}:\s)")
_SECTION = re.compile(r"^\s*(?:[A-Z][A-Za-z /&-]{2,40}:)\s*")
KEY_SENTENCE_CHARS = 280
CLOSE_IN_MEANING = 0.5


def sign_label(s: QuerySign) -> str:
    """'drinking a lot (polydipsia)': what the owner said, then the clinical term."""
    said = " ".join(s.said.split())
    term = str(s.term)
    if said.lower() == term.lower():
        return term
    return f"{said} ({term})"


def describe(u: Understood) -> str:
    """The line shown back to the owner: 'We understood: cat, senior; weight loss, ...; not: vomiting.'"""
    who = [x for x in (u.species, u.breed, u.age, u.sex) if x]
    parts = [", ".join(who) if who else "no species named"]
    if u.signs:
        parts.append(", ".join(sign_label(s) for s in u.signs))
    if u.duration:
        parts.append(u.duration)
    text = "We understood: " + "; ".join(parts)
    if u.negated:
        text += "; not: " + ", ".join(sign_label(s) for s in u.negated)
    return text + "."


def sentences(abstract: str) -> list[str]:
    out = []
    for part in _SENTENCE.split(abstract):
        s = _SECTION.sub("", part).strip()
        if len(s) > 20:
            out.append(s)
    return out


def key_sentence(article: Article, terms: Sequence[str]) -> str | None:
    """The abstract sentence holding most of the matched words (rarer first), else the first one."""
    want = {t for phrase in terms for t in tokenize(phrase)} - words().stopwords
    best, best_score = None, 0.0
    sents = sentences(article.abstract)
    for i, s in enumerate(sents):
        toks = set(tokenize(s))
        score = len(want & toks) - i * 1e-3
        if score > best_score:
            best, best_score = s, score
    if best is None:
        best = sents[0] if sents else None
    if best and len(best) > KEY_SENTENCE_CHARS:
        cut = best[:KEY_SENTENCE_CHARS].rsplit(" ", 1)[0]
        best = cut.rstrip(",;:") + " ..."
    return best


@dataclass(frozen=True)
class Agreement:
    species: str | None
    breed: bool
    age: bool | None  # None: cannot tell
    sex: bool | None
    case_age: str | None
    case_sex: str | None
    case_breed: str | None


def age_agrees(query_age: str | None, case_years: float | None) -> bool | None:
    if not query_age or case_years is None or math.isnan(case_years):
        return None
    if query_age == "senior":
        return case_years >= 8
    if query_age == "young":
        return case_years <= 2
    q = age_in_years(query_age)
    if q is None:
        return None
    return abs(q - case_years) <= max(1.5, 0.25 * q)


def sex_agrees(query_sex: str | None, case_sex: str | None) -> bool | None:
    if not query_sex or not case_sex or query_sex == "neutered":
        return None
    return query_sex.split(",")[0].strip() == case_sex.split(",")[0].strip().lower()


def why(
    u: Understood,
    agreement: Agreement,
    matched: Sequence[QuerySign],
    negated: Sequence[QuerySign],
    matched_words: Sequence[str],
    key: str | None,
    similarity: float | None = None,
    *,
    owner: bool = True,
) -> str:
    """One short paragraph: each sentence says one reason, owner's words first.

    ``owner=False`` words it for related cases, where the query is another case, not the owner.
    """
    your, yours, said = ("your", "yours", "you said") if owner else ("this case's", "this one", "this case:")
    out: list[str] = []
    if agreement.species:
        animal = agreement.species.capitalize()
        if agreement.breed and agreement.case_breed:
            out.append(f"{animal} ({agreement.case_breed}), the same breed.")
        elif u.species:
            out.append(f"{animal}, like {yours}.")
        else:
            out.append(f"A {agreement.species}.")
    if matched:
        n = len(u.signs)
        share = f"{len(matched)} of {your} {n} signs" if n > 1 else f"{your} sign"
        out.append(f"Shows {share}: {', '.join(sign_label(s) for s in matched)}.")
    if matched_words:
        out.append(f"Mentions {your} words: {', '.join(matched_words)}.")
    if similarity is not None and similarity >= CLOSE_IN_MEANING:
        what = "your description" if owner else "this case"
        out.append(f"Close in meaning to {what} (similarity {similarity:.2f}).")
    if agreement.age is True:
        out.append(f"Age fits ({agreement.case_age}; {said} {u.age}).")
    elif agreement.age is False:
        out.append(f"Age differs ({agreement.case_age}; {said} {u.age}).")
    if agreement.sex is True:
        out.append(f"Same sex ({agreement.case_sex}).")
    if negated:
        out.append(f"But it shows {', '.join(s.term for s in negated)}, which you said is not happening.")
    if key:
        out.append(f'Key sentence: "{key}"')
    return " ".join(out)
