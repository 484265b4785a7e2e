"""Query understanding: what an owner's words say about the animal and its signs.

Species and breeds come from the species lexicon (everyday words such as
"moggy", "lab", "bunny" and VBO breed names), signs from the clinical lexicon
(the same lay <-> clinical table extraction uses, so "drinking loads" meets the
case report's "polydipsia").  Negation ("not vomiting"), duration ("for
months", "suddenly"), age ("9 year old", "senior", "puppy") and sex ("spayed",
"tom", "queen", "she") are read here with the cue words in
``data/search_words.json``.  Pure: text and lexicon in, records out.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import QueryError
from ..lexicon import Lexicon
from ..lexicon.mentions import ConceptMention, SpeciesMention
from ..records import QuerySign, Understood
from ..settings import DATA_DIR, MAX_QUERY_CHARS
from .lexical import tokenize

_AGE_NUMBER = re.compile(
    r"\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s*[- ]?\s*(years?|yrs?|y/?o|months?|mos?|weeks?|wks?)"
    r"(?:\s*[- ]?\s*old)?\b",
    re.IGNORECASE,
)
_BARE_AGE = re.compile(r"\b(?:is|aged?|age)\s+(\d{1,2})\b(?!\s*(?:[.,]\d|days?|weeks?|months?|kg|kilos?|lbs?|pounds?|%|times?))",
                       re.IGNORECASE)
_IS_AGE = re.compile(r"old|y/?o|\bage", re.IGNORECASE)
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
    )
}
_CLAUSE_BREAK = re.compile(r"[.;:!?,]| but | and | although | though ", re.IGNORECASE)


@dataclass(frozen=True)
class QueryWords:
    """The cue lists read from ``data/search_words.json``."""

    stopwords: frozenset[str]
    age_senior: tuple[str, ...]
    age_young: tuple[str, ...]
    sex: tuple[tuple[str, str], ...]  # (phrase, label), longest phrases first
    chronic: tuple[str, ...]
    acute: tuple[str, ...]
    negation: tuple[str, ...]
    cue_tokens: frozenset[str]  # words of the age, sex and duration cues: described, not matched as words


@lru_cache(maxsize=1)
def words() -> QueryWords:
    d: dict[str, Any] = json.loads((DATA_DIR / "search_words.json").read_text(encoding="utf-8"))
    sex = [(w, "male") for w in d["sex_male"]] + [(w, "female") for w in d["sex_female"]]
    sex += [(w, "male, neutered") for w in d["sex_neutered_male"]]
    sex += [(w, "female, spayed") for w in d["sex_spayed_female"]]
    sex += [(w, "neutered") for w in d["sex_neutered"]]
    sex.sort(key=lambda p: -len(p[0]))
    return QueryWords(
        stopwords=frozenset(d["stopwords"]),
        age_senior=tuple(d["age_senior"]),
        age_young=tuple(d["age_young"]),
        sex=tuple(sex),
        chronic=tuple(d["duration_chronic"]),
        acute=tuple(d["duration_acute"]),
        negation=tuple(sorted(d["negation_cues"], key=len, reverse=True)),
        cue_tokens=frozenset(
            t
            for k in ("age_senior", "age_young", "sex_male", "sex_female", "sex_neutered_male",
                      "sex_spayed_female", "sex_neutered", "duration_chronic", "duration_acute")
            for phrase in d[k]
            for t in tokenize(phrase)
        ),
    )


@dataclass(frozen=True)
class Analysis:
    """Everything retrieval needs from a query; ``understood`` is the part shown back to the owner."""

    understood: Understood
    species_said: tuple[str, ...]  # every species named, in order
    words: tuple[str, ...]  # the owner's other content words (outside species words and sign phrases)
    negated_words: tuple[str, ...]


def check_query(text: str, max_chars: int = MAX_QUERY_CHARS) -> str:
    """The query text, trimmed; QueryError when it is empty, only punctuation or too long."""
    t = " ".join((text or "").split())
    if not t:
        raise QueryError("The search is empty: describe your pet's signs, e.g. 'my old cat is drinking a lot'.")
    if len(t) > max_chars:
        raise QueryError(f"The search is too long ({len(t)} characters; at most {max_chars}): shorten it.")
    if not re.search(r"\w", t):
        raise QueryError("The search has no words, only punctuation: describe your pet's signs in words.")
    return t


def _phrase_re(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'])" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?![\w'])", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _compiled(phrase: str) -> re.Pattern[str]:
    return _phrase_re(phrase)


def _find_phrase(text: str, phrases: tuple[str, ...]) -> tuple[str, int] | None:
    best: tuple[str, int] | None = None
    for p in phrases:
        m = _compiled(p).search(text)
        if m and (best is None or m.start() < best[1]):
            best = (m.group(0), m.start())
    return best


def parse_age(text: str) -> str | None:
    """'9 year old' -> '9 years'; 'senior', 'old' -> 'senior'; 'puppy', 'kitten' -> 'young'."""
    for m in _AGE_NUMBER.finditer(text):
        if not _IS_AGE.search(m.group(0)) and not re.search(r"\bage[ds]?\b", text[max(0, m.start() - 6) : m.start()]):
            continue  # "for 3 months" is a duration, not an age
        raw = m.group(1).lower()
        n = float(raw) if raw[0].isdigit() else float(_NUMBER_WORDS[raw])
        unit = m.group(2).lower()
        label = "years" if unit.startswith("y") else "months" if unit.startswith("mo") else "weeks"
        value = f"{n:g}"
        if value == "1":
            label = label[:-1]
        return f"{value} {label}"
    bare = _BARE_AGE.search(text)
    if bare:
        return f"{int(bare.group(1))} years"
    w = words()
    young = _find_phrase(text, w.age_young)
    senior = _find_phrase(text, w.age_senior)
    if young and (not senior or young[1] <= senior[1]):
        return "young"
    if senior:
        return "senior"
    return None


_AGE_VALUE = re.compile(r"(\d+(?:\.\d+)?)\s*[- ]?\s*(years?|yrs?|y|months?|mos?|mo|weeks?|wks?|w|days?|d)\b", re.IGNORECASE)


def age_in_years(age: str | None) -> float | None:
    """'14 years', '14-year-old', '11 months', '3 weeks' -> years as a number; words and None -> None."""
    if not age:
        return None
    m = _AGE_VALUE.search(str(age))
    if not m:
        return None
    n = float(m.group(1))
    unit = m.group(2).lower()
    if unit.startswith("mo") or unit == "m":
        return n / 12
    if unit.startswith("w"):
        return n / 52
    if unit.startswith("d"):
        return n / 365
    return n


def parse_sex(text: str) -> str | None:
    """The most specific sex/neuter status the words give ('female, spayed' beats 'she')."""
    found: dict[str, int] = {}
    for phrase, label in words().sex:
        m = _compiled(phrase).search(text)
        if m and label not in found:
            found[label] = m.start()
    for label in ("female, spayed", "male, neutered"):
        if label in found:
            return label
    if "neutered" in found:
        if "female" in found and "male" not in found:
            return "female, spayed"
        if "male" in found and "female" not in found:
            return "male, neutered"
        return "neutered"
    if "male" in found and "female" in found:
        return "male" if found["male"] < found["female"] else "female"
    return "male" if "male" in found else "female" if "female" in found else None


def parse_duration(text: str) -> str | None:
    w = words()
    m = _find_phrase(text, w.chronic)
    if m:
        return m[0].lower()
    m = _find_phrase(text, w.acute)
    if m:
        return m[0].lower()
    d = re.search(r"\bfor\s+(?:the\s+(?:last|past)\s+)?(?:\d+|a|an|one|two|three|few|several)\s+"
                  r"(?:days?|weeks?|months?|years?)\b", text, re.IGNORECASE)
    return d.group(0).lower() if d else None


def is_negated(text: str, start: int) -> bool:
    """A negation cue earlier in the same clause, within four words ('not vomiting', 'no blood in')."""
    before = text[max(0, start - 40) : start]
    parts = _CLAUSE_BREAK.split(before)
    clause = parts[-1] if parts else before
    tail = clause.lower().split()[-4:]
    joined = " " + " ".join(tail) + " "
    return any(f" {cue} " in joined for cue in words().negation)


def _species_choice(mentions: list[SpeciesMention]) -> tuple[str | None, str | None, tuple[str, ...]]:
    species: list[str] = []
    breed = None
    for m in sorted(mentions, key=lambda m: m.start):
        if m.species not in species:
            species.append(m.species)
        if m.breed and breed is None:
            breed = m.breed
    return (species[0] if species else None), breed, tuple(species)


def _sign_mentions(text: str, lexicon: Lexicon) -> list[ConceptMention]:
    """Signs, and diagnoses when the clinical lexicon can find them, without overlapping spans."""
    found = list(lexicon.clinical.find_signs(text))
    finder = getattr(lexicon.clinical, "find_diagnoses", None)
    if callable(finder):
        found += list(finder(text))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[ConceptMention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def analyse(text: str, lexicon: Lexicon, *, max_chars: int = MAX_QUERY_CHARS) -> Analysis:
    """Read the query; raises QueryError for empty, punctuation-only or over-long text."""
    t = check_query(text, max_chars)
    species_mentions = list(lexicon.species.find(t, owner_text=True))
    species, breed, all_species = _species_choice(species_mentions)
    signs: list[QuerySign] = []
    negated: list[QuerySign] = []
    negated_spans: list[tuple[int, int]] = []
    sign_spans: list[tuple[int, int]] = [(m.start, m.end) for m in species_mentions if m.kind != "breed"]
    mentions = _sign_mentions(t, lexicon)
    # Negation is read here, not taken from the lexicon: in an owner's words "not eating" is itself a
    # sign (anorexia), so its "not" must not negate the signs listed after it ("not eating, vomiting").
    masked = list(t)
    for m in mentions:
        masked[m.start : m.end] = "_" * (m.end - m.start)
    masked_text = "".join(masked)
    for m in mentions:
        qs = QuerySign(said=m.said, term=m.term, lay=m.lay)
        sign_spans.append((m.start, m.end))
        if is_negated(masked_text, m.start):
            if qs.term not in {s.term for s in negated}:
                negated.append(qs)
            negated_spans.append((m.start, m.end))
        elif qs.term not in {s.term for s in signs}:
            signs.append(qs)
    stop = words().stopwords
    species_words = {w for m in species_mentions for w in tokenize(m.said)}
    blank = bytearray(len(t))
    for a, b in sign_spans:
        blank[a:b] = b"\x01" * (b - a)
    kept_text = "".join(" " if blank[i] else ch for i, ch in enumerate(t))
    drop = stop | species_words | words().cue_tokens
    content = [w for w in tokenize(kept_text) if w not in drop and len(w) > 1 and not (w.isdigit() and len(w) < 3)]
    neg_words = [w for a, b in negated_spans for w in tokenize(t[a:b]) if w not in stop]
    understood = Understood(
        species=species,
        signs=tuple(signs),
        negated=tuple(negated),
        age=parse_age(t),
        sex=parse_sex(t),
        breed=breed,
        duration=parse_duration(t),
    )
    return Analysis(understood, all_species, tuple(dict.fromkeys(content)), tuple(dict.fromkeys(neg_words)))


def understand(text: str, lexicon: Lexicon) -> Understood:
    """The part of the analysis shown back to the owner ("We understood: ...")."""
    return analyse(text, lexicon).understood
