"""How the case ended: recovered, improved, stable, relapsed, died, euthanised or unknown, with follow-up.

One animal: a death or euthanasia anywhere in the case is final; otherwise the last sentence of the case
that states an outcome decides (a relapse outranks a recovery in that sentence, a recovery an improvement),
and an 'improved' becomes 'recovered' when the authors call the outcome successful.  A series: only a
statement about most of the animals counts ("5/9 cats", "all cats", "the majority"); mixed reports with no
such statement stay unknown.
"""

from __future__ import annotations

import re

from ..records import Outcome
from .cues import cues
from .signalment import _NUM, fmt_duration, number
from .text import Sentence

PRIORITY = ("euthanised", "died", "relapsed", "recovered", "stable", "improved")
_TIME = re.compile(rf"(?:(?P<n>{_NUM})|(?P<list>\d+(?:,\s*\d+)*,?\s*and\s*(?P<last>\d+)))[\s-]*"
                   r"(?P<u>h|hours?|days?|weeks?|months?|years?)\b(?!\s*(?:-|to)\s*\d)|\bday\s+(?P<day>\d+)\b",
                   re.IGNORECASE)
_RANGE = re.compile(r"\d+(?:\.\d+)?\s*(?:-|–|to)\s*\d+(?:\.\d+)?\s*(?:days?|weeks?|months?|years?)", re.IGNORECASE)
_FRACTION = re.compile(rf"\b(?P<n>{_NUM})\s*(?:/|of)\s*(?P<m>{_NUM})\b|\b(?P<k>{_NUM})\s+(?:\w+\s+)?"
                       r"(?:cats?|dogs?|animals?|cases?|bitches|horses?|patients?|rabbits?)\b", re.IGNORECASE)


def _cues_in(s: Sentence) -> list[tuple[int, str]]:
    """(position, status) of each outcome cue in a sentence, longest cue first where they overlap."""
    c = cues()
    found: list[tuple[int, int, str]] = []
    for status in ("euthanised", "died", "relapsed", "recovered", "improved", "stable"):
        for m in c.rx(f"outcome_{status}").finditer(s.text):
            if c.rx("outcome_negation").search(s.text[max(0, m.start() - 40) : m.start()]):
                continue
            if status == "relapsed" and re.search(r"\bhistory of\s+(?:\w+\s+){0,2}$", s.text[: m.start()], re.IGNORECASE):
                continue
            if status == "improved" and c.rx("outcome_improved_needs_time").fullmatch(m.group(0)) \
                    and not c.rx("follow_up_time").search(s.text):
                continue
            found.append((m.start(), m.end(), status))
    for m in c.rx("outcome_progressed").finditer(s.text):
        if c.rx("outcome_response").search(s.text[: m.start()]):
            found.append((m.start(), m.end(), "relapsed"))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, str]] = []
    for f in found:
        if out and f[0] < out[-1][1]:
            continue
        out.append(f)
    return [(a, st) for a, _, st in out]


def _share(s: Sentence, pos: int, animals: int) -> float | None:
    """The share of the series a cue at ``pos`` speaks for, from the nearest quantity in its sentence."""
    c = cues()
    best: tuple[int, float] | None = None
    for m in _FRACTION.finditer(s.text):
        if m.group("m"):
            n, d = number(m.group("n")), number(m.group("m"))
            share = n / d if n is not None and d and int(d) == animals else None
        else:
            k = number(m.group("k"))
            share = k / animals if k is not None and m.group("k").lower() not in ("a", "an") else None
        if share is not None:
            dist = abs(m.start() - pos)
            if best is None or dist < best[0]:
                best = (dist, share)
    for m in c.rx("outcome_overall").finditer(s.text):
        dist = abs(m.start() - pos)
        share = 0.75 if m.group(0).lower() in ("majority", "most") else 1.0
        if best is None or dist < best[0]:
            best = (dist, share)
    return best[1] if best else None


def _follow_up(decisive: list[Sentence], all_case: list[Sentence]) -> tuple[str | None, Sentence | None]:
    c = cues()
    pool = [s for s in all_case if re.search(r"\bfollow-?up\b", s.text, re.IGNORECASE)] or decisive
    best: tuple[float, str, Sentence] | None = None
    for s in pool:
        text = _RANGE.sub(" ", s.text)
        median = re.search(r"\bmedian\b[^;)]{0,20}?(\d+(?:\.\d+)?)\s*(days?|weeks?|months?|years?)", text, re.IGNORECASE)
        if median:
            n, u = float(median.group(1)), median.group(2).lower().rstrip("s")
            return fmt_duration(n, u), s
        for m in _TIME.finditer(text):
            if c.rx("follow_up_skip").search(text[max(0, m.start() - 40) : m.end() + 25]) \
                    or re.match(r"[\s-]*old\b", text[m.end() :]):
                continue
            if m.group("day"):
                n, unit = float(m.group("day")), "day"
            else:
                v = number(m.group("last") or m.group("n") or "")
                if v is None or m.group("n") and m.group("n").lower() in ("a", "an"):
                    continue
                n, unit = v, m.group("u").lower().rstrip("s")
            if unit in ("h", "hour"):
                continue
            days = n * {"day": 1, "week": 7, "month": 30, "year": 365}[unit]
            if best is None or days > best[0]:
                best = (days, fmt_duration(n, unit), s)
    return (best[1], best[2]) if best else (None, None)


def outcome(sents: list[Sentence], animals: int | None) -> Outcome:
    c = cues()
    case = [s for s in sents if s.role == "case"]
    later = [s for s in sents if s.role == "conclusion"]
    title = [s for s in sents if s.role == "title"]
    if animals and animals > 1:
        best: tuple[float, int, Sentence, str] | None = None
        for s in case + later:
            for pos, status in _cues_in(s):
                share = _share(s, pos, animals)
                if share is None and s.role == "conclusion" and re.search(r"favou?rable", s.text, re.IGNORECASE):
                    share = 1.0
                if share is None or share <= 0.5:
                    continue
                key = (share, -PRIORITY.index(status))
                if best is None or key > (best[0], best[1]):
                    best = (share, -PRIORITY.index(status), s, status)
        if best is None:
            return Outcome()
        fu, _ = _follow_up([s for s in case + later if _cues_in(s)], case)
        return Outcome(best[3], fu, best[2].text)
    for status in ("euthanised", "died"):
        for s in case + later:
            if any(st == status for _, st in _cues_in(s)):
                return Outcome(status, None, s.text)
    for group in (case, later, title):
        with_cues = [(s, [st for _, st in _cues_in(s)]) for s in group]
        with_cues = [(s, sts) for s, sts in with_cues if sts]
        if not with_cues:
            continue
        s, sts = with_cues[-1]
        status = min(sts, key=PRIORITY.index)
        if status == "improved" and any(c.rx("outcome_success").search(x.text) for x in title + later):
            status = "recovered"
        fu, _ = _follow_up([x for x, _ in with_cues], case)
        return Outcome(status, fu, s.text)
    return Outcome()
