"""Signalment: species, breed, age, sex, neuter status and number of animals, each with its sentence."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..lexicon import Lexicon
from ..records import Classification, Signalment
from .cues import cues
from .text import Sentence

NUMBER_WORDS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                     "a": 1, "an": 1, "single": 1})
_NUM = r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|an?)"
_AGE = re.compile(rf"\b(?P<n>{_NUM})[\s-](?P<u>year|month|week|day)s?[\s-](?:and[\s-]\d+[\s-]months?[\s-])?old\b"
                  rf"|\baged?\s+(?P<n2>{_NUM})\s+(?P<u2>year|month|week|day)s?\b", re.IGNORECASE)
CASE_ROLES = ("title", "case", "objective")


def number(word: str) -> float | None:
    """'12' -> 12, 'twelve' -> 12, 'thirty-five' -> 35, '2.5' -> 2.5."""
    w = word.lower()
    try:
        return float(w)
    except ValueError:
        pass
    if "-" in w:
        a, _, b = w.partition("-")
        if a in NUMBER_WORDS and b in NUMBER_WORDS:
            return float(NUMBER_WORDS[a] + NUMBER_WORDS[b])
    return float(NUMBER_WORDS[w]) if w in NUMBER_WORDS else None


def fmt_duration(n: float, unit: str) -> str:
    """12, 'year' -> '12 years'; 1, 'month' -> '1 month'; 2.5 -> '2.5 years'."""
    value = str(int(n)) if n == int(n) else f"{n:g}"
    return f"{value} {unit}" + ("" if n == 1 else "s")


def _age(sents: list[Sentence]) -> tuple[str | None, Sentence | None]:
    for s in sents:
        m = _AGE.search(s.text)
        if m:
            n = number(m.group("n") or m.group("n2"))
            unit = (m.group("u") or m.group("u2")).lower()
            if n is not None:
                return fmt_duration(n, unit), s
    return None, None


@lru_cache(maxsize=1)
def _count_rx() -> re.Pattern[str]:
    nouns = "|".join(re.escape(w) for w in sorted(cues().words("animal_noun"), key=len, reverse=True))
    return re.compile(rf"\b(?P<n>{_NUM})\s*(?:/|of)\s*(?P<m>{_NUM})\s+(?:[\w-]+\s+){{0,2}}(?:{nouns})\b"
                      rf"|\b(?P<k>{_NUM})\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\b", re.IGNORECASE)


def _count(sents: list[Sentence]) -> tuple[int | None, Sentence | None]:
    c = cues()
    rx = _count_rx()
    best: tuple[int, Sentence] | None = None
    for s in sents:
        if c.rx("offspring_context").search(s.text):
            continue
        for m in rx.finditer(s.text):
            raw = m.group("m") or m.group("k")
            if raw.lower() in ("a", "an"):
                continue
            n = number(raw)
            if n is not None and n == int(n) and 1 <= n < 100000 and (best is None or n > best[0]):
                best = (int(n), s)
    return best if best else (None, None)


def signalment(sents: list[Sentence], classification: Classification, lexicon: Lexicon) -> Signalment:
    c = cues()
    case = [s for s in sents if s.role in CASE_ROLES]
    evidence: list[str] = []
    species: str | None = None
    breed: str | None = None
    counts: Counter[str] = Counter()
    first: dict[str, Sentence] = {}
    for s in case:
        for m in lexicon.species.find(s.text):
            if m.species in ("human", "humans", "people"):
                continue
            counts[m.species] += 1
            first.setdefault(m.species, s)
            if m.breed and breed is None:
                breed = m.breed
                first.setdefault("breed", s)
    if counts:
        species = max(counts, key=lambda k: (counts[k], -first[k].index))
        evidence.append(first[species].text)
    elif classification.species:
        species = classification.species[0]
    if breed is None:
        for s in case:
            if c.rx("mixed_breed").search(s.text):
                breed, first["breed"] = "Mixed Breed", s
                break
            dom = c.rx("domestic_cat").search(s.text)
            if dom and species == "cat":
                breed, first["breed"] = f"Domestic {dom.group(1).capitalize()}hair", s
                break
    if breed and "breed" in first:
        evidence.append(first["breed"].text)
    animals, count_sent = _count(case)
    if animals is None:
        animals = 1
    elif count_sent is not None:
        evidence.append(count_sent.text)
    age, age_sent = _age(case) if animals == 1 else (None, None)
    if age_sent:
        evidence.append(age_sent.text)
    anchor = [age_sent] if age_sent else []
    sex = neutered = None
    for s in anchor + [x for x in case if x is not age_sent]:
        fem, mal = c.rx("female").search(s.text), c.rx("male").search(s.text)
        if fem or mal:
            sex = "female" if fem and (not mal or fem.start() < mal.start()) else "male"
            evidence.append(s.text)
            break
    for s in anchor + [x for x in case if x is not age_sent]:
        yes, no = c.rx("neutered_yes").search(s.text), c.rx("neutered_no").search(s.text)
        if yes or no:
            neutered = yes is not None and (no is None or yes.start() < no.start())
            evidence.append(s.text)
            break
    return Signalment(species=species, breed=breed, age=age, sex=sex, neutered=neutered, animals=animals,
                      evidence=tuple(dict.fromkeys(evidence)))
