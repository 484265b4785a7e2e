"""Check that a summary says only what its cited cases support, with exact counts.

The checker reads each sentence's *text*, not the claims it was built from, so
a wording bug (a wrong template, a phrase from another case, a stray number) is
caught.  For each sentence it finds, longest first, every phrase that names:

* a finding (sign, diagnosis or treatment, by its lay words, clinical term or
  rendered phrase) of any case in the summary;
* an outcome (the markers in ``summary_phrases.json``);
* a species noun; a follow-up time of a case.

Then every cited case must have every named finding (grounded: its evidence is
part of the title or abstract), the named outcome, the named species and, if
follow-up times are named, one of them.  What is left must be template words,
numbers and punctuation: any other word or bracket is an unrecognised claim.

A sentence containing "of these" ("Of these 3 dogs, 2 recovered.") also names
the findings of the sentence before it, and is checked as if it repeated them.

Counts: ``k of the n``, ``all n``, ``both``, ``of these n`` and a bare ``k``.
``k`` must equal the number of cases in the summary with everything the
sentence names, and the cites must be exactly those cases; ``n`` must equal the
number of cases counted over: those with the named species, and, in a sentence
that names an outcome, also the named findings ("of these 3 dogs").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Case, Summary
from .compose import collect_facts
from .facts import CaseFacts, norm
from .phrases import Phrases, load

_WORDS = re.compile(r"\d+|[^\W\d_]+(?:'[^\W\d_]+)*")
_OF_THE = re.compile(r"\b(\d+) of the (\d+)\b")
_ALL = re.compile(r"\ball (\d+)\b")
_BOTH = re.compile(r"\bboth\b")
_NUMBER = re.compile(r"\b\d+\b")
_THESE = re.compile(r"\bof these\b")
_THESE_N = re.compile(r"\bof these (\d+)\b")


@dataclass(frozen=True)
class SentenceCheck:
    text: str
    cites: tuple[str, ...]
    named: tuple[str, ...]  # what the text was read as naming, e.g. "finding:prednisolone", "outcome:died"
    supported_cites: int  # cited cases that have everything the sentence names
    claims: int  # checks made: one per named thing per cited case, one per count
    problems: tuple[str, ...]


@dataclass(frozen=True)
class SupportReport:
    checks: tuple[SentenceCheck, ...]
    problems: tuple[str, ...]  # summary-level problems (cases_used)

    @property
    def sentences(self) -> int:
        return len(self.checks)

    @property
    def cited_sentences(self) -> int:
        return sum(1 for c in self.checks if c.cites)

    @property
    def cite_pairs(self) -> int:
        return sum(len(c.cites) for c in self.checks)

    @property
    def supported_pairs(self) -> int:
        return sum(c.supported_cites for c in self.checks)

    @property
    def claims(self) -> int:
        return sum(c.claims for c in self.checks) + 1

    @property
    def unsupported(self) -> tuple[str, ...]:
        return self.problems + tuple(p for c in self.checks for p in c.problems)

    @property
    def unsupported_claims(self) -> int:
        return len(self.unsupported)

    @property
    def share_cited(self) -> float:
        return self.cited_sentences / self.sentences if self.sentences else 1.0

    @property
    def citation_support(self) -> float:
        """Share of (sentence, cited case) pairs where the case has everything the sentence names."""
        return self.supported_pairs / self.cite_pairs if self.cite_pairs else 1.0


@dataclass(frozen=True)
class _Lexicon:
    pattern: re.Pattern[str] | None
    kinds: dict[str, tuple[str, str]]  # form -> (what, value)
    denotes: dict[str, frozenset[tuple[str, str]]]  # finding form -> the (kind, key) findings it can name


def _lexicon(facts: Sequence[CaseFacts], ph: Phrases) -> _Lexicon:
    kinds: dict[str, tuple[str, str]] = {}
    for form, species in ph.species_words(sorted({s for f in facts for s in f.species})).items():
        kinds[form] = ("species", species)
    for form, status in ph.markers().items():
        kinds[form] = ("outcome", status)
    for f in facts:
        if f.follow_up:
            kinds[f.follow_up] = ("follow_up", f.follow_up)
    denotes: dict[str, set[tuple[str, str]]] = {}
    for f in facts:
        for item in f.items:
            for form in item.forms:
                kinds[form] = ("finding", form)
                denotes.setdefault(form, set()).add((item.kind, item.key))
    frozen = {k: frozenset(v) for k, v in denotes.items()}
    if not kinds:
        return _Lexicon(None, kinds, frozen)
    alternatives = "|".join(re.escape(k) for k in sorted(kinds, key=lambda k: (-len(k), k)))
    return _Lexicon(re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), kinds, frozen)


def _holds(f: CaseFacts, what: str, value: str, follow_ups: set[str], lex: _Lexicon) -> bool:
    """Does case ``f`` have the thing a sentence names?  A finding is matched by concept (kind and
    clinical key), so two cases worded differently for the same finding both count."""
    if what == "finding":
        keys = lex.denotes.get(value, frozenset())
        return any(i.grounded and (i.kind, i.key) in keys for i in f.items)
    if what == "species":
        return value in f.species
    if what == "outcome":
        return f.outcome == value
    return f.follow_up in follow_ups


def _check(
    text: str, cites: tuple[str, ...], facts: Sequence[CaseFacts], lex: _Lexicon, vocab: frozenset[str],
    before: Sequence[tuple[str, str]],
) -> tuple[SentenceCheck, list[tuple[str, str]]]:
    by_key = {f.key: f for f in facts}
    t = norm(text)
    named: list[tuple[str, str]] = []
    rest = t
    if lex.pattern is not None:
        for m in lex.pattern.finditer(t):
            named.append(lex.kinds[m.group(0)])
        rest = lex.pattern.sub(" ", t)
    if _THESE.search(rest):
        named += [(w, v) for w, v in before if w == "finding"]
    named = list(dict.fromkeys(named))
    follow_ups = {v for w, v in named if w == "follow_up"}
    problems: list[str] = []
    claims = 0
    if not cites:
        problems.append(f"no citation: {text!r}")
    supported = 0
    for key in cites:
        f = by_key.get(key)
        if f is None:
            problems.append(f"cites {key}, which is not a case of this summary: {text!r}")
            continue
        ok = True
        for what, value in named:
            claims += 1
            if not _holds(f, what, value, follow_ups, lex):
                ok = False
                problems.append(f"{key} does not support {what} {value!r}: {text!r}")
        supported += ok
    for fu in follow_ups:
        if not any(by_key[k].follow_up == fu for k in cites if k in by_key):
            problems.append(f"follow-up {fu!r} is not stated by a cited case: {text!r}")
    claims += len(follow_ups)
    problems += _counts(text, rest, cites, named, facts, follow_ups, lex)
    claims += len(_NUMBER.findall(rest)) + len(_BOTH.findall(rest))
    leftover = [w for w in _WORDS.findall(_NUMBER.sub(" ", rest)) if w not in vocab]
    if leftover:
        problems.append(f"unrecognised words {leftover}: {text!r}")
    if "(" in rest or ")" in rest:
        problems.append(f"bracketed words that name no finding of the cases: {text!r}")
    check = SentenceCheck(text, cites, tuple(f"{w}:{v}" for w, v in named), supported, claims, tuple(problems))
    return check, named


def _counts(
    text: str, rest: str, cites: tuple[str, ...], named: list[tuple[str, str]], facts: Sequence[CaseFacts],
    follow_ups: set[str], lex: _Lexicon,
) -> list[str]:
    """Every number must be an exact count of the cases in the summary (see module docstring)."""
    has = [f for f in facts if all(_holds(f, w, v, follow_ups, lex) for w, v in named)]
    names_outcome = any(w == "outcome" for w, _ in named)
    over = [f for f in facts if all(_holds(f, w, v, follow_ups, lex) for w, v in named
                                    if w == "species" or (names_outcome and w == "finding"))]
    pairs: list[tuple[int, int | None]] = []
    for m in _OF_THE.finditer(rest):
        pairs.append((int(m.group(1)), int(m.group(2))))
    rest = _OF_THE.sub(" ", rest)
    pairs += [(int(m.group(1)), int(m.group(1))) for m in _ALL.finditer(rest)]
    rest = _ALL.sub(" ", rest)
    pairs += [(2, 2) for _ in _BOTH.finditer(rest)]
    pairs += [(len(has), int(m.group(1))) for m in _THESE_N.finditer(rest)]
    rest = _THESE_N.sub(" ", rest)
    pairs += [(int(m.group(0)), None) for m in _NUMBER.finditer(rest)]
    problems = []
    for k, n in pairs:
        if k != len(has):
            problems.append(f"says {k}, but {len(has)} cases have what it names: {text!r}")
        elif set(cites) != {f.key for f in has}:
            problems.append(f"count {k} is right but the cites are not exactly those cases: {text!r}")
        if n is not None and n != len(over):
            problems.append(f"says 'of {n}', but {len(over)} cases are counted over: {text!r}")
    return problems


def check_support(summary: Summary, cases: Sequence[Case]) -> SupportReport:
    """Check every sentence of ``summary`` against the cases it was made from (same order, same list)."""
    ph = load()
    facts, _ = collect_facts(cases, ph)
    lex = _lexicon(facts, ph)
    vocab = ph.vocabulary()
    checks: list[SentenceCheck] = []
    before: list[tuple[str, str]] = []
    for s in summary.sentences:
        check, before = _check(s.text, s.cites, facts, lex, vocab, before)
        checks.append(check)
    problems = () if summary.cases_used == len(facts) else (
        f"cases_used is {summary.cases_used}, but {len(facts)} cases have findings",
    )
    return SupportReport(tuple(checks), problems)
