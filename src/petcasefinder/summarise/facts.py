"""What a summary may say about one case: its findings reduced to checkable facts.

The composer only says what is here, and the support checker only accepts what
is here, so both read a case through this one view.  An item is *grounded*
when its evidence is a real part of the case's title or abstract; ungrounded
items are never summarised and never count as support.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.clinical import norm_phrase
from ..records import Case, Diagnosis

_SPACE = re.compile(r"\s+")
_BRACKET = re.compile(r"\s*\([^()]*\)\s*")
_BRACKET_INNER = re.compile(r"\s*\(([^()]*)\)")


def norm(text: str) -> str:
    """Lower case with single spaces: the form every comparison uses."""
    return _SPACE.sub(" ", text).strip().lower()


def _words(text: str) -> set[str]:
    return {w for w in norm_phrase(text).split() if len(w) > 2}


def phrase_of(lay: str, term: str) -> str:
    """Lay words first, clinical term in brackets ("throwing up (vomiting)").

    Lay words that already name the term ("a steroid (prednisolone)", "lymphoma,
    a cancer of white blood cells", "kidney cancer (renal cell carcinoma)") are
    used as they are; spellings are compared as the lexicon folds them
    (haem/hem, -ise/-ize).  A bracket in the lay words that shares no word with
    the term is a gloss ("a doubled section of the colon (a birth defect)"): it
    becomes a comma clause so the term can follow in the one bracket.  With no
    lay words the clinical term stands alone.
    """
    lay, term = _SPACE.sub(" ", lay).strip(), _SPACE.sub(" ", term).strip()
    if not lay or not term:
        return lay or term
    if f" {norm_phrase(term)} " in f" {norm_phrase(lay)} ":
        return lay
    brackets = _BRACKET_INNER.findall(lay)
    if any(_words(b) & _words(term) for b in brackets):
        return lay
    lay = _SPACE.sub(" ", _BRACKET_INNER.sub(r", \1", lay)).strip()
    return f"{lay} ({term})"


@dataclass(frozen=True)
class Item:
    kind: str  # sign | diagnosis | treatment
    key: str  # normalised clinical term or treatment name: the identity used for grouping
    phrase: str  # the words the summary uses
    forms: frozenset[str]  # every normalised surface form a sentence may name it by
    treatment_kind: str = ""
    grounded: bool = False


@dataclass(frozen=True)
class CaseFacts:
    key: str
    species: frozenset[str]  # every species the case is about (signalment and classification)
    primary: str | None  # the one species the summary names it by, if there is one
    single: bool  # one animal, or the number is not stated
    items: tuple[Item, ...]
    outcome: str
    outcome_grounded: bool
    follow_up: str | None  # normalised; None unless stated with evidence

    def grounded(self, kind: str) -> list[Item]:
        return [i for i in self.items if i.kind == kind and i.grounded]


def _forms(lay: str, term: str, phrase: str) -> frozenset[str]:
    out = {norm(phrase), norm(lay), norm(term), norm(_BRACKET.sub(" ", lay))}
    return frozenset(f for f in out if len(f) >= 3)


def _hedge(d: Diagnosis) -> str:
    """The word a diagnosis is qualified by: "suspected" when the report never confirms it."""
    return "suspected" if getattr(d, "certainty", "confirmed") == "suspected" else ""


def _grounded(evidence: str | None, text: str) -> bool:
    return bool(evidence and evidence.strip()) and norm(evidence or "") in text


def facts_of(case: Case) -> CaseFacts | None:
    """The facts of one case, or None when it has no extracted findings."""
    f = case.findings
    if f is None:
        return None
    text = norm(case.article.text)
    items: list[Item] = []
    seen: set[tuple[str, str]] = set()
    for kind, term, lay, tkind, ev, hedge in (
        *(("sign", s.term, s.lay, "", s.evidence, "") for s in f.signs),
        *(("diagnosis", d.term, d.lay, "", d.evidence, _hedge(d)) for d in f.diagnosis),
        *(("treatment", t.name, t.lay, t.kind, t.evidence, "") for t in f.treatments),
    ):
        key = norm(term or lay) + (f" ({hedge})" if hedge else "")
        if not norm(term or lay) or (kind, key) in seen:
            continue
        seen.add((kind, key))
        phrase = phrase_of(lay, term)
        forms = _forms(lay, term, phrase)
        if hedge:  # a suspected diagnosis is only ever named as suspected
            phrase, forms = f"{hedge} {phrase}", frozenset(f"{hedge} {x}" for x in forms)
        items.append(Item(kind, key, phrase, forms, tkind, _grounded(ev, text)))
    species = {norm(s) for s in (case.classification.species if case.classification else ())}
    sig = norm(f.signalment.species or "")
    if sig:
        species.add(sig)
    primary = sig or (next(iter(species)) if len(species) == 1 else None)
    out = f.outcome
    status = out.status if out.status else "unknown"
    out_grounded = status == "unknown" or _grounded(out.evidence, text)
    follow = norm(out.follow_up) if out.follow_up and _grounded(out.evidence, text) else None
    return CaseFacts(
        key=case.key,
        species=frozenset(species),
        primary=primary,
        single=f.signalment.animals in (None, 1),
        items=tuple(items),
        outcome=status if out_grounded else "unknown",
        outcome_grounded=out_grounded,
        follow_up=follow,
    )
