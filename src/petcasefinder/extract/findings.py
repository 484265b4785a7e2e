"""Presenting signs, final diagnoses and treatments, each tied to the sentence that states it.

Rules, in words: a sign counts when a sentence about the case states it (not negated or hedged, not a test
result, not a left-over after treatment unless its resolution is reported).  A diagnosis counts from the title
or a sentence that diagnoses; one that is only ever suspected is kept as 'suspected' when the hedge is a
working diagnosis ("presumptive", "suspected"), dropped when it was merely suggested, mimicked, or a
differential.  A treatment counts when given to the animal: diagnostic tests never, drugs only in a treatment
sentence and not when the report blames them for the disease (a cause) or they belong to earlier history.
Class-level mentions ("antibiotics", "surgery") give way to a named drug or operation of the same class.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import Lexicon
from ..lexicon.clinical import TREATMENT_KINDS, Mention
from ..records import Diagnosis, Sign, Treatment
from .cues import cues
from .text import Sentence

STRONG_HEDGES = frozenset({"suspected", "suspect", "presumptive", "presumptively", "presumed", "presumably",
                           "probable", "probably", "likely", "consistent with", "compatible with", "suspicion",
                           "was suspected", "were suspected", "is suspected", "was presumed", "possible", "possibly"})
_CONFIRM = re.compile(r"^[^;]*?\b(?:and|was|were|then|later|subsequently)\s+(?:\w+\s+)?confirmed\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\b(?:but|however|although|whereas|while)\b|;", re.IGNORECASE)


@dataclass(frozen=True)
class Located:
    """A mention and the sentence it sits in."""

    mention: Mention
    sentence: Sentence


def locate(sents: list[Sentence], lexicon: Lexicon) -> list[Located]:
    out: list[Located] = []
    for s in sents:
        out += [Located(m, s) for m in lexicon.clinical.mentions(s.text)]
    return out


def _first_by_term(items: list[Located]) -> dict[str, Located]:
    seen: dict[str, Located] = {}
    for x in items:
        seen.setdefault(x.mention.term, x)
    return seen


def signs(found: list[Located]) -> list[Sign]:
    c = cues()
    keep: list[Located] = []
    for x in found:
        m, s = x.mention, x.sentence
        if m.kind != "sign" or s.role not in ("title", "case") or m.cue.negated or m.cue.hedged:
            continue
        before = s.text[: m.start]
        resolved = c.rx("resolution").search(before) or c.rx("resolution_after").match(s.text[m.end :])
        if c.rx("test_result").search(before) and not resolved:
            continue
        if c.rx("outcome_sentence").search(s.text) and not resolved:
            continue
        keep.append(x)
    return [Sign(x.mention.term, x.mention.concept.lay, x.sentence.text) for x in _first_by_term(keep).values()]


def diagnoses(found: list[Located]) -> list[Diagnosis]:
    c = cues()
    confirmed: list[Located] = []
    suspected: dict[str, Located] = {}
    refuted: set[str] = set()
    for x in found:
        m, s = x.mention, x.sentence
        if m.kind != "diagnosis" or s.role == "background":
            continue
        if m.cue.negated:
            if m.cue.mimic:
                refuted.add(m.term)
            continue
        if c.rx("differential").search(s.text):
            continue
        if m.cue.hedged:
            rest = _CLAUSE_END.split(s.text[m.end :], maxsplit=1)[0]
            if _CONFIRM.search(rest) and s.role != "title":
                confirmed.append(x)
            elif m.cue.word in STRONG_HEDGES:
                suspected.setdefault(m.term, x)
            else:
                refuted.add(m.term)
            continue
        if s.role == "title" or c.rx("diagnosis_cue").search(s.text):
            confirmed.append(x)
    final = _first_by_term(confirmed)
    for term, x in suspected.items():
        if term not in final and term not in refuted:
            final[term] = x
    specific = [x for x in final.values() if not x.mention.concept.generic]
    chosen = [x for x in final.values() if not x.mention.concept.generic or not specific]
    chosen.sort(key=lambda x: (x.sentence.index, x.mention.start))
    return [Diagnosis(x.mention.term, x.mention.concept.lay, x.sentence.text,
                      "confirmed" if any(y.mention.term == x.mention.term for y in confirmed) else "suspected")
            for x in chosen]


def _is_cause(m: Mention, s: Sentence) -> bool:
    c = cues()
    full = s.text[: m.start]
    words = list(re.finditer(r"\S+", full))
    window_start = words[-12].start() if len(words) >= 12 else 0
    after = s.text[m.end : m.end + 60]
    if c.rx("cause_post").search(after):
        return True
    hit = None
    for hit in c.rx("cause_pre").finditer(full, window_start):
        pass
    if hit is None or re.search(r"\b(?:not|no|never)\s+(?:\w+\s+)?$", full[: hit.start()]):
        return False
    between = full[hit.end() :]
    return not c.rx("treatment_context").search(between) or "administration of" in hit.group(0)


def treatments(found: list[Located]) -> list[Treatment]:
    c = cues()
    causes: set[str] = set()
    for x in found:
        if x.mention.kind in TREATMENT_KINDS and _is_cause(x.mention, x.sentence):
            causes.add(x.mention.term)
    keep: list[Located] = []
    for x in found:
        m, s = x.mention, x.sentence
        if m.kind not in TREATMENT_KINDS or s.role == "background" or m.term in causes:
            continue
        if m.cue.negated or m.cue.hedged:
            continue
        if c.rx("history").search(s.text) and not c.rx("history_keep").search(s.text):
            continue
        if m.kind == "drug" and (c.rx("lab_context").search(s.text[m.end :])
                                  or not c.rx("treatment_context").search(s.text)):
            continue
        keep.append(x)
    first = _first_by_term(keep)
    out: list[Located] = []
    for x in first.values():
        cpt = x.mention.concept
        if cpt.generic and any(
            not y.mention.concept.generic
            and (y.mention.concept.klass == cpt.klass if cpt.kind == "drug" else y.mention.kind == cpt.kind)
            for y in first.values()
        ):
            continue
        out.append(x)
    return [Treatment(x.mention.term, x.mention.kind, x.mention.concept.lay, x.sentence.text) for x in out]
