"""How many animals a record describes: the title's count, a bracketed breakdown, or the abstract's largest count.

The size of a herd that is itself the case, the pool a series was screened from and "three of 43 animals" are
not counts of cases; "Thirty-four cases" and "(n = 13)" are.
"""

from __future__ import annotations

import re

from .evidence import Evidence
from .numbers import GROUP_OF, NUM, SAMPLE_NOUN, Count, number
from .patient import Patient

CASE_SERIES_MAX = 12  # a descriptive series of up to this many animals (no control group, no statistics)

# "(n = 13)", and after a name in the same bracket: "Foxes (Vulpes vulpes, n = 132)"
_N_EQUALS = re.compile(r"\((?:[^()]{0,40}?[,;]\s*)?n\s*=\s*(\d{1,5})\s*\)", re.IGNORECASE)
# "Thirty-four cases" is 34 cases, not four
_CASE_COUNT = re.compile(r"(?<![\w.,-])(" + NUM + r") (?:(?:live|clinical|canine|feline|equine|client-owned|affected|wild|"
                         r"free-ranging|domestic|dead) )?(?:cases|animals|patients|masses|tumou?rs|neoplasms|mammals)\b|"
                         + _N_EQUALS.pattern,
                         re.IGNORECASE)
_TOTAL_WORD = re.compile(r"\b(?:cases|patients)$", re.IGNORECASE)  # a total over all species (not "27 animals got sick")
_FROM_BEFORE = re.compile(r"\b(?:from|of) $", re.IGNORECASE)  # "819 ticks, removed from 259 animals": the animals sampled
# "three of 43 animals", "12 (27%) out of 45 cases": the total the cases came from (not "features of five cases")
_OF_BEFORE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                        r"(?:[\w()%-]+\s+){0,2}?(?:out\s+)?(?:of|from)\s+$", re.IGNORECASE)


_GROUP_BEFORE = re.compile(
    r"\b(?:" + GROUP_OF + r"|(?:rebanho|lote|plantel|granja|fazenda|propriedade|reba[nñ]o|hato|piara|criadero|"
    r"troupeau|[ée]levage|cheptel)\b)[^.;]{0,35}$", re.IGNORECASE)


def _in_one_group(ev: Evidence, c: Count) -> bool:
    """'a herd of 60 Limousin cows', 'a pond stocked with 30 goldfish': the size of the one group that is the
    case (an outbreak report), not a number of cases studied."""
    return bool(_GROUP_BEFORE.search(ev.texts[c.field][max(0, c.start - 60) : c.start]))


_SCREENED = re.compile(r"[^.;]{0,60}?\bof (?:which|whom|these) (?:only )?" + NUM + r" (?:\w+ )?(?:met|fulfilled|were "
                       r"(?:included|eligible|enrolled|selected))\b", re.IGNORECASE)


def _screened(ev: Evidence, c: Count) -> bool:
    """'Twenty-five dogs ... were identified, of which five met the inclusion criteria': the pool searched, not
    the animals described."""
    return bool(_SCREENED.match(ev.texts[c.field], c.start + len(c.quote)))


_FRACTION = re.compile(r"\b\d+\s*/\s*(\d{2,5}) (?:tested |examined |sampled |screened )?(?:[\w-]+ ){0,2}"
                       r"(?:animals|mammals|birds)\b", re.IGNORECASE)
_OF_SAMPLES = re.compile(r"[^.;]{0,60}?\b" + SAMPLE_NOUN, re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _listed(ev: Evidence, counts: list[Count], field: str) -> tuple[int, str, int]:
    """'(9 dogs and 10 cats)' and a title's 'in seven dogs and nine cats': a breakdown by species counts one series
    of their sum.  Not a list in an abstract's running text ("Six sheep and eleven goats were necropsied" from one
    sick flock)."""
    text = ev.texts[field]
    placed = sorted(((c.start, c) for c in counts if c.field == field), key=lambda x: x[0])
    best, quote, at, i = 0, "", 0, 0
    while i < len(placed):
        j = i
        while j + 1 < len(placed) and placed[j + 1][1].species not in {c.species for _, c in placed[i : j + 1]} \
                and _LIST_GAP.fullmatch(text, placed[j][0] + len(placed[j][1].quote), placed[j + 1][0]):
            j += 1
        total = sum(c.n for _, c in placed[i : j + 1])
        if j > i and total > best and (field == "title" or text[: placed[i][0]].rstrip().endswith("(")):
            best, quote, at = total, text[placed[i][0] : placed[j][0] + len(placed[j][1].quote)], placed[i][0]
        i = j + 1
    return best, quote, at


# "three predator fish (creole perch, rainbow trout and brown trout)" of "the three fish species": kinds, not animals
_KINDS = re.compile(r"(?<![\w.,-])(" + NUM + r")\s+(?:[\w-]+\s+){0,2}?(?:species|genera|taxa)\b", re.IGNORECASE)


def kinds(ev: Evidence) -> set[int]:
    """The numbers the record says of species, genera or taxa ("the three fish species")."""
    return {number(m.group(1)) or 0 for f in ("title", "abstract") for m in _KINDS.finditer(ev.texts[f])}


def animal_count(ev: Evidence, patient: Patient, said_kinds: set[int]) -> tuple[int | None, str]:
    """How many animals the record describes: the title's count, else the largest count in the abstract.
    The size of a herd, flock or household that is itself the case is not a count of cases, nor is a number of
    species the record also counts as species (said_kinds, from kinds())."""
    counts = [c for c in ev.counts if (not patient.species or c.species in patient.species)
              and c.kind != "experimental" and not _in_one_group(ev, c) and not _screened(ev, c)
              and not (c.n > 1 and c.n in said_kinds)]
    title = [c for c in counts if c.field == "title"]
    if title:
        listed, quote, _ = _listed(ev, counts, "title")
        return (listed, f"title: '{quote}'") if listed > title[0].n else (title[0].n, f"title: '{title[0].quote}'")
    cases = _CASE_COUNT.search(ev.texts["title"])  # "Equine paranasal sinus cysts: a report of 15 cases"
    if cases and cases.group(1):
        return number(cases.group(1)) or 0, f"title: '{cases.group(0)}'"
    # "all rabbits with mediastinal masses (n=13)"; not "frozen (n = 4) and formalin-fixed (n = 7) samples"
    total = next((x for x in _N_EQUALS.finditer(ev.texts["abstract"]) if not _OF_SAMPLES.match(ev.texts["abstract"], x.end())), None)
    # "three of 43 animals died": 43 is the herd the cases came from, not a number of cases; "(n = 3)": a group size
    cased = [(f, x) for f in ("title", "abstract") for x in _CASE_COUNT.finditer(ev.texts[f])
             if not _OF_BEFORE.search(ev.texts[f][max(0, x.start() - 40) : x.start()])
             and not (x.group(2) and _OF_SAMPLES.match(ev.texts[f], x.end()))
             and not (x.group(2) and int(x.group(2)) <= CASE_SERIES_MAX)]
    if counts:
        best = max(counts, key=lambda c: c.n)
        listed, quote, at = _listed(ev, counts, "abstract")
        if listed > best.n:
            best = Count(listed, best.species, "abstract", quote, at, best.kind)
        if total and int(total.group(1)) > best.n:
            return int(total.group(1)), f"abstract: '{total.group(0)}'"
        tested = _FRACTION.search(ev.texts["abstract"])  # "11/215 tested small burrowing animals": those sampled
        if tested and int(tested.group(1)) > best.n:
            return int(tested.group(1)), f"abstract: '{tested.group(0)}'"
        more = [(f, x) for f, x in cased if x.group(1) and (number(x.group(1)) or 0) > best.n
                and (_TOTAL_WORD.search(x.group(0)) or _FROM_BEFORE.search(ev.texts[f], max(0, x.start() - 6), x.start()))]
        if more:  # "16 stifles in 14 patients, with two dogs ...": the patients are the total
            f, x = more[0]
            return number(x.group(1) or x.group(2)) or 0, f"{f}: '{x.group(0)}'"
        return best.n, f"abstract: '{best.quote}'"
    if cased:
        # "eight masses", "Clinical cases (n = 104)"; the pattern admits only numbers that number() reads
        f, x = cased[0]
        return number(x.group(1) or x.group(2)) or 0, f"{f}: '{x.group(0)}'"
    return None, ""


# "Eight of 71 (11%) samples", "Forty cloacal swabs", "33 white-tailed deer origin isolates"
_SAMPLES = re.compile(r"(?<![\w.,-])(" + NUM + r")\s+(?:\(\d+(?:\.\d+)?\s*%\)\s+)?(?:[\w-]+\s+){0,3}?" + SAMPLE_NOUN,
                      re.IGNORECASE)


def samples_tested(ev: Evidence) -> tuple[int, str]:
    """The most samples, swabs or isolates the record counts: more than a small series holds means a population was
    sampled (a few positive animals among them are findings of a survey, not a case series)."""
    best, quote = 0, ""
    for f in ("title", "abstract"):
        for m in _SAMPLES.finditer(ev.texts[f]):
            k = number(m.group(1)) or 0
            if k > best:
                best, quote = k, m.group(0)
    return best, quote
