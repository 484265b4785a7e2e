"""Compose the summary: choose claims from the cases' facts, then word each one.

A :class:`Claim` records what one sentence names (findings, an outcome, a
species, follow-up times), how many cases have it and which cases those are.
Choosing claims and wording them are separate steps, and the support checker
re-reads the *wording*, not the claims, so a wording bug cannot hide.

Counting rule: ``k of the n`` always counts cases (reports).  The noun is the
species ("dogs") only when every case is about one animal; when any report
describes a group the noun is "cases", so a count is never a count of animals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..readability import reading_grade
from ..records import Case, Summary, SummarySentence
from .facts import CaseFacts, Item, facts_of
from .phrases import Noun, Phrases, load

MAX_ITEMS = 2  # findings named in one sentence: short sentences keep the reading grade down
MAX_TREATMENT_GROUPS = 5
MAX_DIAGNOSIS_GROUPS = 3
MAX_SIGNS = 4
MAX_OUTCOME_GROUPS = 2  # treatments whose outcomes are broken down ("Of these 3 dogs, 2 recovered.")
_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4, "year": 365.25}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(day|week|month|year)s?\b")


@dataclass(frozen=True)
class Claim:
    """What one sentence says, before it is worded."""

    kind: str
    cites: tuple[str, ...]
    k: int = 0  # cases with the property (always len(cites))
    n: int = 0  # cases counted over
    items: tuple[Item, ...] = ()
    outcome: str | None = None
    species: str | None = None
    follow_ups: tuple[str, ...] = ()
    also: bool = False  # one case: a further diagnosis or treatment ("It also had ...")


@dataclass(frozen=True)
class _Ctx:
    facts: tuple[CaseFacts, ...]
    noun: Noun  # the species named ("dog"/"dogs"), or "animal"
    count_noun: Noun  # what ``k of the n`` counts: the species, or "cases"
    phrases: Phrases
    group: bool  # one report about several animals: "a group of cats", "The cats had ..."

    @property
    def subject(self) -> str:
        """What one-case sentences are about: "dog", or "cats" for a report on a group."""
        return self.noun.many if self.group else self.noun.one

    @property
    def animals(self) -> int:
        """Grammatical number of the one-case subject (1, or 2 for a group)."""
        return 2 if self.group else 1

    @property
    def n(self) -> int:
        return len(self.facts)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.facts)


def _context(facts: tuple[CaseFacts, ...], ph: Phrases) -> _Ctx:
    primaries = {f.primary for f in facts}
    species = primaries.pop() if len(primaries) == 1 else None
    if species is not None and not all(species in f.species for f in facts):
        species = None
    noun = ph.noun(species)
    single = all(f.single for f in facts)
    return _Ctx(facts, noun, noun if single else ph.group, ph, group=len(facts) == 1 and not single)


def _groups(ctx: _Ctx, kind: str) -> list[tuple[Item, tuple[str, ...]]]:
    """Grounded findings of one kind, grouped by identity: most cases first, then kind, then first seen."""
    first: dict[str, Item] = {}
    cites: dict[str, list[str]] = {}
    for f in ctx.facts:
        for item in f.grounded(kind):
            first.setdefault(item.key, item)
            cites.setdefault(item.key, []).append(f.key)
    order = {k: i for i, k in enumerate(first)}
    kinds = ctx.phrases.kind_order

    def rank(key: str) -> tuple[int, int, int]:
        tk = first[key].treatment_kind
        return (-len(cites[key]), kinds.index(tk) if tk in kinds else len(kinds), order[key])

    return [(first[k], tuple(cites[k])) for k in sorted(first, key=rank)]


def verb_kind(item: Item) -> str:
    """Which verbs a treatment takes: lay words starting with an -ing word take "was treated by"."""
    first = item.phrase.split(" ", 1)[0].lower()
    return "gerund" if first.endswith("ing") and len(first) > 4 else item.treatment_kind


def _merge(kind: str, groups: Iterable[tuple[Item, tuple[str, ...]]], n: int, ph: Phrases | None = None) -> list[Claim]:
    """One claim per set of findings shared by exactly the same cases (and, for treatments, the same verb)."""
    merged: dict[tuple[tuple[str, ...], str], list[Item]] = {}
    for item, cites in groups:
        bucket = merged.setdefault((cites, ph.verb(verb_kind(item), 2) if ph else ""), [])
        if len(bucket) < MAX_ITEMS:
            bucket.append(item)
    return [Claim(kind, cites, len(cites), n, tuple(items)) for (cites, _), items in merged.items()]


def _overview(ctx: _Ctx) -> list[Claim]:
    if ctx.n == 1 or ctx.noun is not ctx.phrases.generic:
        return [Claim("overview", ctx.keys, ctx.n, ctx.n)]
    out = [Claim("overview_mixed", ctx.keys, ctx.n, ctx.n)]
    counts: dict[str, int] = {}
    for f in ctx.facts:
        if f.primary:
            counts[f.primary] = counts.get(f.primary, 0) + 1
    for s in sorted(counts, key=lambda s: (-counts[s], s))[:3]:
        cites = tuple(f.key for f in ctx.facts if s in f.species)
        out.append(Claim("species_share", cites, len(cites), ctx.n, species=s))
    return out


def _one_each(kind: str, items: Sequence[Item], keys: tuple[str, ...]) -> list[Claim]:
    """One case: one finding per sentence ("The dog had X." "It also had Y.")."""
    return [Claim(kind, keys, 1, 1, (item,), also=i > 0) for i, item in enumerate(items)]


def _findings(ctx: _Ctx) -> list[Claim]:
    if ctx.n == 1:
        f, kinds = ctx.facts[0], ctx.phrases.kind_order
        out = _one_each("diagnosis", f.grounded("diagnosis")[:MAX_DIAGNOSIS_GROUPS], ctx.keys)
        if signs := f.grounded("sign")[:MAX_SIGNS]:
            out += [Claim("signs", ctx.keys, 1, 1, tuple(signs[i:i + MAX_ITEMS])) for i in range(0, len(signs), MAX_ITEMS)]
        tx = sorted(f.grounded("treatment"), key=lambda i: kinds.index(i.treatment_kind)
                    if i.treatment_kind in kinds else len(kinds))
        return out + _one_each("treatment", tx[:MAX_TREATMENT_GROUPS], ctx.keys)
    dx_groups = _groups(ctx, "diagnosis")[:MAX_DIAGNOSIS_GROUPS]
    sign_groups = [g for g in _groups(ctx, "sign") if len(g[1]) >= 2][:MAX_SIGNS]
    tx_groups = _groups(ctx, "treatment")[:MAX_TREATMENT_GROUPS]
    out = _merge("diagnosis", dx_groups, ctx.n) + _merge("signs", sign_groups, ctx.n)
    broken_down = 0
    for claim in _merge("treatment", tx_groups, ctx.n, ctx.phrases):
        out.append(claim)
        group = [f for f in ctx.facts if f.key in claim.cites]
        if broken_down < MAX_OUTCOME_GROUPS and 2 <= claim.k < ctx.n and any(f.outcome != "unknown" for f in group):
            broken_down += 1
            out += [Claim("treatment_outcome", cites, len(cites), claim.k, claim.items, status)
                    for status, cites in _by_outcome(ctx, group)]
    return out


def _by_outcome(ctx: _Ctx, facts: Sequence[CaseFacts]) -> list[tuple[str, tuple[str, ...]]]:
    """Cases grouped by outcome: most common first, unknown last."""
    order = ctx.phrases.outcome_order
    found: dict[str, list[str]] = {}
    for f in facts:
        found.setdefault(f.outcome, []).append(f.key)
    ranked = sorted(found, key=lambda s: (s == "unknown", -len(found[s]), order.index(s) if s in order else 99))
    return [(s, tuple(found[s])) for s in ranked]


def _outcomes(ctx: _Ctx) -> list[Claim]:
    return [Claim("outcome", cites, len(cites), ctx.n, outcome=status) for status, cites in _by_outcome(ctx, ctx.facts)]


def _days(text: str) -> float:
    m = _DURATION.search(text)
    return float(m.group(1)) * _DAYS[m.group(2)] if m else float("inf")


def _follow_up(ctx: _Ctx) -> list[Claim]:
    stated = [f for f in ctx.facts if f.follow_up]
    if not stated:
        return []
    times = sorted({f.follow_up for f in stated if f.follow_up}, key=lambda t: (_days(t), t))
    cites = tuple(f.key for f in stated)
    return [Claim("follow_up", cites, len(cites), ctx.n, follow_ups=tuple(times))]


def _join(parts: Sequence[str], word: str) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {word} {parts[-1]}"


def _count(ctx: _Ctx, k: int, n: int, noun: str) -> str:
    t = ctx.phrases.templates
    template = t["count_some"] if k != n else t["count_both"] if n == 2 else t["count_all"]
    return template.format(k=k, n=n, noun=noun)


def _word(c: Claim, ctx: _Ctx) -> str:
    """The one place where a claim becomes words."""
    text = _word_one(c, ctx) if ctx.n == 1 else _word_many(c, ctx)
    return text[:1].upper() + text[1:]


def _items(c: Claim, ctx: _Ctx) -> str:
    return _join([i.phrase for i in c.items], ctx.phrases.templates["and"]) if c.items else ""


def _word_one(c: Claim, ctx: _Ctx) -> str:
    """Sentences about one report: "The dog had ...", or "The cats had ..." for a report on a group."""
    t, ph, subject, k = ctx.phrases.templates, ctx.phrases, ctx.subject, ctx.animals
    it = t["they"] if ctx.group else t["it"]
    items = _items(c, ctx)
    if c.kind == "overview":
        return t["overview_one"].format(a=t["group_of"].format(many=ctx.noun.many) if ctx.group else ctx.noun.a)
    if c.kind == "diagnosis":
        return t["diagnosis_also"].format(it=it, items=items) if c.also else \
            t["diagnosis_one"].format(one=subject, items=items)
    if c.kind == "signs":
        return t["signs_one"].format(items=items)
    if c.kind == "treatment":
        vk = verb_kind(c.items[0])
        return t["treatment_also"].format(it=it, verb=ph.verb(vk, k, also=True), items=items) if c.also else \
            t["treatment_one"].format(one=subject, verb=ph.verb(vk, k), items=items)
    if c.kind == "outcome":
        return t["outcome_one_unknown"].format(one=subject) if c.outcome == "unknown" else \
            t["outcome_one"].format(one=subject, outcome=ph.outcome(c.outcome or "", k))
    if c.kind == "follow_up":
        return t["follow_up_one"].format(one=subject, items=_join(list(c.follow_ups), t["and"]))
    raise ValueError(f"no one-case wording for claim kind {c.kind}")


def _word_many(c: Claim, ctx: _Ctx) -> str:
    """Sentences about several reports, each with an exact count of them."""
    t, ph = ctx.phrases.templates, ctx.phrases
    items = _items(c, ctx)
    count = _count(ctx, c.k, c.n, ctx.count_noun.many)
    if c.kind == "overview":
        return t["overview_many"].format(n=c.n, many=ctx.noun.many)
    if c.kind == "overview_mixed":
        return t["overview_mixed"].format(n=c.n)
    if c.kind == "species_share":
        return t["species_share"].format(count=c.k, many=ph.noun(c.species).many)
    if c.kind == "diagnosis":
        return t["diagnosis_many"].format(count=count, items=items)
    if c.kind == "signs":
        return t["signs_many"].format(count=_count(ctx, c.k, c.n, t["signs_noun"]), items=items)
    if c.kind == "treatment":
        return t["treatment_many"].format(count=count, verb=ph.verb(verb_kind(c.items[0]), c.k), items=items)
    if c.kind == "treatment_outcome":
        these = ctx.count_noun.many
        if c.outcome == "unknown":
            return t["these_unknown"].format(n=c.n, noun=these, k=c.k)
        template = t["these_some"] if c.k != c.n else t["these_both"] if c.n == 2 else t["these_all"]
        return template.format(n=c.n, noun=these, k=c.k, outcome=ph.outcome(c.outcome or "", c.k))
    if c.kind == "outcome":
        return t["outcome_unknown"].format(count=count) if c.outcome == "unknown" else \
            t["outcome_many"].format(count=count, outcome=ph.outcome(c.outcome or "", c.k))
    if c.kind == "follow_up":
        return t["follow_up_many"].format(count=_count(ctx, c.k, c.n, t["signs_noun"]),
                                          noun=ctx.noun.one if c.k == 1 else ctx.noun.many,
                                          items=_join(list(c.follow_ups), t["and"]))
    raise ValueError(f"no wording for claim kind {c.kind}")


def collect_facts(cases: Sequence[Case], ph: Phrases) -> tuple[tuple[CaseFacts, ...], int]:
    """Facts of the first ``max_cases`` distinct cases with findings, and how many had none."""
    seen: set[str] = set()
    facts: list[CaseFacts] = []
    left_out = 0
    for case in cases:
        if not case.key or case.key in seen:
            continue
        seen.add(case.key)
        f = facts_of(case)
        if f is None:
            left_out += 1
        elif len(facts) < ph.max_cases:
            facts.append(f)
    return tuple(facts), left_out


def claims(cases: Sequence[Case]) -> tuple[Claim, ...]:
    """What the summary of these cases says, one claim per sentence, before wording."""
    facts, _ = collect_facts(cases, load())
    return _claims(_context(facts, load())) if facts else ()


def _claims(ctx: _Ctx) -> tuple[Claim, ...]:
    return tuple(_overview(ctx) + _findings(ctx) + _outcomes(ctx) + _follow_up(ctx))


def summarise(cases: Sequence[Case]) -> Summary:
    """A plain-English summary of what was tried across these cases and how the animals did.

    Pure and deterministic: built only from the cases' grounded findings (items
    whose evidence is in the title or abstract), at most ``max_cases`` of them, in
    the order given.  Every sentence cites the keys (PMID, else DOI) of the cases
    it rests on; with no usable case there are no sentences and the caveats say
    why.  ``reading_grade`` is the Flesch-Kincaid grade of all sentences joined,
    clinical terms in brackets included (of the caveats when there are no
    sentences).
    """
    ph = load()
    facts, left_out = collect_facts(cases, ph)
    sentences: tuple[SummarySentence, ...] = ()
    if facts:
        ctx = _context(facts, ph)
        sentences = tuple(SummarySentence(_word(c, ctx), c.cites) for c in _claims(ctx))
    cv = ph.caveats
    caveats = [cv["none_found"]] if not facts else [cv["left_out"]] if left_out else []
    caveats += [*cv["block"], cv["disclaimer"]]
    text = " ".join(s.text for s in sentences) or " ".join(caveats)
    return Summary(sentences, reading_grade(text), len(facts), tuple(caveats))
