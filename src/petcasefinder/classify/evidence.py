"""Collect what a record says about its patient and design: metadata, cue phrases, species, signalments, counts.

Every piece of text evidence keeps its field and offsets, and its ``quote`` is an exact substring of the
title or abstract, so a reason can always be checked against the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.mentions import SpeciesMention
from ..lexicon.plural import is_plural
from ..lexicon.species import SpeciesLexicon
from ..records import Article
from .numbers import Count, find_counts, number
from .rules import COMBINED, RULES, kind_of

_H = "[-\u2010\u2011\u2012]"  # a hyphen, also the non-breaking one ("4\u2011month\u2011old")
_AGE = re.compile(
    r"(?:\b(?:an?|one|the|this|our|their|his|her|in|of|from)\s+(?:[a-z]+\s+){0,2}?\(?)"
    rf"((?:\d+(?:[.,]\d+)?|[a-z]+(?:-[a-z]+)?)(?:\s*|{_H})(?:year|yr|month|mo|week|wk|day)s?(?:\s*|{_H})old)\b",
    re.IGNORECASE,
)
_PERSON_NP = re.compile(
    r"\b(?:an?)\s+((?:[\w-]+\s+){0,2}?(?:man|woman|boy|girl|infant|child|toddler|baby|gentleman|lady|patient|"
    r"teenager|adolescent|neonate|newborn))\b(?!-)",  # not "a patient-specific implant"
    re.IGNORECASE,
)
# a bracketed age after a preposition ("of adult (4 months old) ... mice"), not "a 4-month-old" nor "from 4 months old
# snakes that died" (that sick group is the case)
_GROUP_AGE = re.compile(r"(?:in|of|from)\s[^()]*\(", re.IGNORECASE)
_AGE_RANGE = re.compile(r"\b(?:beyond|over|above|under|below|than|up to|population|groups?|least)\s", re.IGNORECASE)
_TESTED = re.compile(r"significant|statistically significant", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:no|without|lack of|absence of|not|nor)\s+(?:\w+\s+)?$", re.IGNORECASE)
_ANIMAL_QUALIFIER = re.compile(
    r"\b(?:veterinary|animal|animals'?|canine|feline|equine|bovine|porcine|ovine|avian|pet|small-animal|"
    r"their|these|both)\s+$",
    re.IGNORECASE,
)
_FUTURE_WORK = re.compile(
    r"\b(?:further|future|larger|additional|more|prospective|controlled|randomi[sz]ed)\b[^.]{0,80}?"
    r"\b(?:studies|study|trials?|research|investigations?)\b[^.]{0,100}?\b(?:are|is|will be|would be)?\s*"
    r"(?:warranted|needed|required|necessary)\b"
    # "an analysis of the risk factors should be carried out", "Surveys ... should be pursued"
    r"|\b(?:should|must|needs? to) be (?:carried out|performed|conducted|undertaken|pursued|implemented)\b"
    # "... and also highlight the need for bacterial subtyping in epidemiological surveys"
    r"|\b(?:highlights?|underlines?|stresses|emphasi[sz]es?|shows?|confirms?|suggests?) the (?:need|importance) (?:for|of)\b",
    re.IGNORECASE,
)
_AGGRESSOR_AFTER = re.compile(r"(?:\s+(?:and|or)\s+[\w-]+)?[ -](?:bites?|bitten|attacks?|scratch(?:es)?|predation|mauling|claws?|licks?|licking|inflicted|"
                              r"hoof[ -]kicks?|kicks?|kicked|trampl\w*|gor(?:ed|ing)|stings?|stung|quills?)\b",
                              re.IGNORECASE)
_AGGRESSOR_BEFORE = re.compile(r"\b(?:by|from|exposure to|exposed to|contact with|chewing|mouthing|ingesting|eating|"
                               r"ingestion of) (?:(?:one|some|several|two) of )?(?:(?:his|her|their|the|a) [\w-]+['’]s\s+|"
                               r"(?:an?|the|one|two|several|his|her|their|its)\s+)?"
                               r"(?:(?:domestic|stray|feral|pet|owned|wild|neighbou?r'?s?|free-roaming|unknown|infected|rabid|sick)\s+)*$",
                               re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.;:!?](?:\s|$)|\n")
FIELDS = ("title", "abstract")
_DESIGN_CUES = {"sr", "review", "trial", "protocol", "guideline", "survey", "cohort", "stats", "control", "lab",
                "challenge"}


@dataclass(frozen=True)
class Hit:
    cue: str
    field: str
    start: int
    end: int
    quote: str
    kind: str = ""  # the data's sub-kind of the cue: "records" for a "cohort/records" row


@dataclass(frozen=True)
class Signalment:
    """'A 9-year-old spayed female Labrador retriever' (animal) or 'a 44-year-old male farmer' (human)."""

    field: str
    start: int
    subject: str  # animal | human | unknown
    species: str | None
    quote: str


@dataclass(frozen=True)
class Evidence:
    article: Article
    texts: dict[str, str]
    pub_types: frozenset[str]
    mesh: tuple[tuple[str, str, str], ...]  # (descriptor, species or "", role)
    vet_journal: bool
    hits: dict[str, tuple[Hit, ...]]
    mentions: dict[str, tuple[SpeciesMention, ...]]
    adjectival: frozenset[tuple[str, int]]  # (field, start) of mentions that are adjectives or lab strains
    aggressors: frozenset[tuple[str, int]]  # (field, start) of animals that bit or attacked ("a cat bite")
    lab_mentions: tuple[SpeciesMention, ...]
    signalments: tuple[Signalment, ...]
    counts: tuple[Count, ...]

    def first(self, cue: str, field: str | None = None) -> Hit | None:
        for h in self.hits.get(cue, ()):
            if field is None or h.field == field:
                return h
        return None

    def n(self, cue: str, field: str | None = None) -> int:
        return sum(1 for h in self.hits.get(cue, ()) if field is None or h.field == field)

    def pub_type(self, names: set[str]) -> str | None:
        """The record's publication type, as written, if it is one of names (lower case)."""
        return next((p.strip() for p in self.article.pub_types if p.strip().lower() in names), None)

    def aggressor(self, field: str, m: SpeciesMention) -> bool:
        """The animal that bit, scratched or attacked, not a patient."""
        return (field, m.start) in self.aggressors

    def nouns(self, field: str) -> list[SpeciesMention]:
        """Species mentions that name an animal (not 'canine' as an adjective)."""
        return [m for m in self.mentions[field] if (field, m.start) not in self.adjectival]


_VENOMOUS = re.compile(r"(?:toads?|bufo|buffo|snakes?|vipers?|adders?|rattlesnakes?|scorpions?|spiders?|bees?|wasps?|"
                       r"hornets?|jellyfish|caterpillars?)\b", re.IGNORECASE)
_TOXIN_AFTER = re.compile(r"(?:\s*\([^)]{0,40}\))?[ -](?:intoxication|poisoning|toxicosis|venom|envenomation)\b", re.IGNORECASE)


_ONE_BEFORE = re.compile(r"\b(?:a|an|one|this|um|uma|un|una)\s+$", re.IGNORECASE)
_NOUN_END = re.compile(r"\s*(?:[,.:;!?)]|$|(?:was|is|with|who|which|that|had|has|presented|showed|developed|"
                       r"underwent|aged)\b)", re.IGNORECASE)


def _noun_use(text: str, m: SpeciesMention) -> bool:
    """'Tetanus in a canine: ...', 'A canine, female, Pitbull breed': an adjective used as the animal's name."""
    return bool(_ONE_BEFORE.search(text[max(0, m.start - 8) : m.start]) and _NOUN_END.match(text, m.end))


def _is_aggressor(text: str, m: SpeciesMention) -> bool:
    """'snake bite', 'cat scratches', 'attacked by a stray dog', 'porcupine quill', 'Toad (Bufo) intoxication in a
    dog': the animal that did it, not a patient."""
    return bool(_AGGRESSOR_AFTER.match(text, m.end) or _AGGRESSOR_BEFORE.search(text[max(0, m.start - 40) : m.start])
                or (_VENOMOUS.match(m.said) and _TOXIN_AFTER.match(text, m.end)))


def phrase(text: str, start: int, end: int, words_after: int = 0, words_before: int = 0, limit: int = 110) -> str:
    """The matched words plus a few neighbours from the same sentence: always an exact substring of ``text``."""
    stop = _SENTENCE_STOP.search(text, end)
    hard_end = stop.start() if stop else len(text)
    e = end
    for m in re.finditer(r"\S+", text[end:hard_end]):
        if words_after <= 0:
            break
        e = end + m.end()
        words_after -= 1
    s = start
    if words_before:
        back = text[max(0, start - 80) : start]
        cut = max(back.rfind("\n"), back.rfind(". "), back.rfind("; "))
        back_words = list(re.finditer(r"\S+", back[cut + 1 :] if cut >= 0 else back))
        if back_words:
            first = back_words[-min(words_before, len(back_words))]
            s = start - len(back) + (cut + 1 if cut >= 0 else 0) + first.start()
    out = text[s:e].strip().rstrip(",:;(")
    if len(out) > limit:
        out = out[:limit].rsplit(" ", 1)[0]
    return out


def _future_work_spans(text: str) -> list[tuple[int, int]]:
    """Sentences about research still to be done ("larger prospective studies are warranted"): their design
    words describe other studies, not this record."""
    spans = []
    for m in _FUTURE_WORK.finditer(text):
        start = max(text.rfind(". ", 0, m.start()) + 1, text.rfind("\n", 0, m.start()) + 1, 0)
        stop = _SENTENCE_STOP.search(text, m.end())
        spans.append((start, stop.start() if stop else len(text)))
    return spans


def _hits(cue: str, field: str, text: str, mentions: tuple[SpeciesMention, ...]) -> list[Hit]:
    out = []
    future = _future_work_spans(text) if cue in _DESIGN_CUES else []
    after = 4 if cue in ("human", "person", "sr") else 0
    pat = COMBINED.get(cue)
    if pat is not None:
        for m in pat.finditer(text):
            if any(a <= m.start() < b for a, b in future):
                continue
            before = text[max(0, m.start() - 30) : m.start()]
            if cue in ("control", "stats", "trial", "lab", "cohort", "challenge") and _NEGATED.search(before) \
                    and not (cue == "stats" and _TESTED.match(m.group(0))):
                continue  # "no control group"; but "not significantly different" reports a test
            if cue in ("human", "person") and (
                any(x.start <= m.start() < x.end for x in mentions)  # "German shepherd dog" is a breed
                or _ANIMAL_QUALIFIER.search(before)
                or (not OCCUPATION.fullmatch(m.group(0)) and _animal_before(text, m.start(), mentions))
                or (_AGE_WORD.fullmatch(m.group(0)) and _animal_follows(text, m.end(), mentions))
                or _animal_follows(text, m.end(), mentions, gap=_JUST_SPACE)  # "an Asian Shepherd puppy"
            ):
                continue
            out.append(Hit(cue, field, m.start(), m.end(), phrase(text, m.start(), m.end(), after), kind_of(cue, m)))
    return sorted(out, key=lambda h: h.start)


_AGE_WORD = re.compile(r"new-?borns?|neonates?|infants?|babies|baby|juveniles?", re.IGNORECASE)
_BEFORE_ANIMAL = re.compile(r"[\w,' -]{0,30}")


_JUST_SPACE = re.compile(r"[ -]")
# People named by their work with animals: "a pig carcass handler", "a 51-year-old cattle farmer" are people.
OCCUPATION = COMBINED["occupation"]
_BETWEEN = re.compile(r"(?:[ -]+[\w-]+){0,2}[ -]+|[ -]*")


def _animal_follows(text: str, end: int, mentions: tuple[SpeciesMention, ...],
                    gap: re.Pattern[str] = _BEFORE_ANIMAL) -> bool:
    """'a newborn female, Holstein calf', 'a neonatal dairy calf': an age word that describes the animal named
    a few words on, not a child."""
    return any(end <= x.start <= end + 31 and gap.fullmatch(text[end : x.start]) for x in mentions)


def _animal_before(text: str, start: int, mentions: tuple[SpeciesMention, ...]) -> bool:
    """'buffalo calves conjoined twin', 'a Boa constrictor victim': a person word in an animal's noun phrase."""
    return any(x.end <= start <= x.end + 30 and _BETWEEN.fullmatch(text[x.end : start]) for x in mentions)


_JOB_AFTER = re.compile(r"(?:[ -]+[a-z]+){0,2}?[ -]+(?:" + OCCUPATION.pattern + ")", re.IGNORECASE)

_OWNED = re.compile(r"\b(?:her|his|their|the (?:patient|owner|family|man|woman|boy|girl|child)'s)\s+(?:\w+\s+)?$",
                    re.IGNORECASE)


_OWNED_START = re.compile(r"(?:her|his|their)\s", re.IGNORECASE)


def _signalments(field: str, text: str, mentions: tuple[SpeciesMention, ...],
                  aggressors: frozenset[tuple[str, int]]) -> list[Signalment]:
    out = []
    person_pat = COMBINED["person"]
    for m in _AGE.finditer(text):
        if _OWNED.search(text[max(0, m.start() - 30) : m.start()]) or _OWNED_START.match(m.group(0)):
            continue  # "her 2-year-old cockatiel": a person's pet, mentioned in that person's story
        if any((number(w) or 1) > 1 for w in text[m.start() : m.start(1)].split()[1:]):
            continue  # "of fifty 28-day-old piglets": a group's age, not one animal's
        if _AGE_RANGE.search(text, m.start(), m.start(1)):
            continue  # "sheep in the population beyond 4 years old": an age group, not one animal's age
        stop = _SENTENCE_STOP.search(text, m.end())
        window_end = min(stop.start() if stop else len(text), m.end() + 100)
        # not the animal that bit ("a 66-year-old female who was bitten by a cat")
        animal = next((x for x in mentions if m.end() <= x.start < window_end and (field, x.start) not in aggressors),
                      None)
        person = person_pat.search(text, m.end(), window_end)
        if person and _animal_follows(text, person.end(), mentions, gap=_JUST_SPACE):
            person = None  # "a 2-month-old Asian Shepherd puppy": part of the breed, not a shepherd
        if animal and (job := _JOB_AFTER.match(text, animal.end)):  # "a 67-yr-old pig carcass handler"
            out.append(Signalment(field, m.start(), "human", None, text[m.start() : job.end()]))
            continue
        if animal and _GROUP_AGE.match(m.group(0)) and is_plural(animal.said):
            continue  # "of adult (4 months old) and aged (>= 24 months old) mice": the ages of groups
        if animal and (person is None or animal.start <= person.start()):
            out.append(Signalment(field, m.start(), "animal", animal.species, text[m.start() : animal.end]))
        elif person is not None:
            out.append(Signalment(field, m.start(), "human", None, text[m.start() : person.end()]))
        elif generic := _AN_ANIMAL.match(text, m.end()):  # "A two-year-old animal was treated": no species named here
            out.append(Signalment(field, m.start(), "animal", None, text[m.start() : generic.end()]))
        else:
            out.append(Signalment(field, m.start(), "unknown", None, phrase(text, m.start(), m.end(), 3)))
    for m in _PERSON_NP.finditer(text):
        words = m.group(1)
        if _AGE_WORD.search(words) and _animal_follows(text, m.end(), mentions):
            continue  # "a newborn dairy calf", "a neonate, Holstein calf"
        if any(m.start() <= x.start < m.end() for x in mentions) or re.search(
            r"\b(?:veterinary|animal|canine|feline|equine)\b", words, re.IGNORECASE
        ):
            continue
        if not any(s.start <= m.start() < s.start + len(s.quote) for s in out):
            out.append(Signalment(field, m.start(), "human", None, phrase(text, m.start(), m.end(), 3)))
    for m in _AGE_JA.finditer(text):  # "4 歳齢,雑種,去勢雄猫", "ホルスタイン種,雌,5歳": ages in Japanese
        if any(s.start <= m.start() < s.start + len(s.quote) for s in out):
            continue
        near = text[max(0, m.start() - 30) : m.end() + 30]
        animal = next((x for x in mentions if abs(x.start - m.start()) <= 30), None)
        if person_pat.search(near):
            out.append(Signalment(field, m.start(), "human", None, m.group(0)))
        elif animal or "齢" in m.group(0):  # "齢" (an animal's age) is not said of a person
            out.append(Signalment(field, m.start(), "animal", animal.species if animal else None, m.group(0)))
    for x in mentions:  # "An adult common Pariah kite was presented ...": one animal, no age given
        lead = _SUBJECT_LEAD.search(text, max(0, x.start - 70), x.start)
        tail = _SUBJECT_VERB.match(text, x.end)
        if tail and tail.group("acts") and lead and lead.group(1).lower().startswith("one"):
            continue  # "One dog developed diarrhoea": one of a study's animals, not the record's one patient
        if lead and tail and not any(s.start <= x.start < s.start + len(s.quote) + 1 for s in out):
            out.append(Signalment(field, lead.start(1), "animal", x.species, text[lead.start(1) : tail.end()]))
    return sorted(out, key=lambda s: s.start)


_AGE_JA = re.compile(r"\d+(?:[.,]\d+)?\s*(?:歳|才)齢?|\d+(?:[.,]\d+)?\s*(?:(?:カ|ヶ|か|ヵ)月|日|週)齢|"
                     r"胎齢\s*\d+\s*(?:(?:カ|ヶ|か|ヵ)月|日|週)")  # not "3月29日", a date
_AN_ANIMAL = re.compile(r"\s+(?:(?:male|female|intact|neutered|spayed|castrated)\s+)?animal\b", re.IGNORECASE)
_SUBJECT_LEAD = re.compile(r"(?:^|[.!?:]\s+)((?:an?|one)\s+(?:[\w'-]+,?\s+){0,5})$", re.IGNORECASE)
_SUBJECT_VERB = re.compile(
    r"(?:\s*\([^)]{0,80}\))*(?:,?\s+(?:with|from|of|in|at|aged|weighing|that|which)\b[^.;]{0,100}?)?,?\s+"
    r"(?:was|had been)\s+(?:\w+ly\s+)?(?:presented|referred|admitted|brought|rescued|found(?! to be (?:infected|positive|negative|seropositive|free)| positive| negative| infected| free)|"
    r"submitted|examined|evaluated|treated|seen|necropsied|hospitali[sz]ed|taken|delivered|diagnosed)\b|"
    # "A lactating bitch exhibited clinical signs": only after "a/an" ("One dog developed diarrhoea" is one of many)
    r"(?P<acts>\s+(?:presented (?:with|to|for)|exhibited|showed|displayed|developed)\b)", re.IGNORECASE)


def gather(article: Article, lex: SpeciesLexicon) -> Evidence:
    texts = {"title": article.title or "", "abstract": article.abstract or ""}
    found = {f: lex.find(texts[f], settle=False) for f in FIELDS}  # settled below, across title and abstract
    # "a doe" in the abstract of a report titled "... in a pet rabbit" is the rabbit
    mentions = {f: tuple(lex.settle(found[f], [m.species for g in FIELDS if g != f for m in found[g]])) for f in FIELDS}
    adjectival: set[tuple[str, int]] = set()
    lab: list[SpeciesMention] = []
    for f in FIELDS:
        for m in mentions[f]:
            flags = lex.flags(m)
            if "adj" in flags and not _noun_use(texts[f], m):
                adjectival.add((f, m.start))
            if "lab" in flags:
                lab.append(m)
    hits: dict[str, list[Hit]] = {}
    for cue in COMBINED:
        for f in FIELDS:
            hits.setdefault(cue, []).extend(_hits(cue, f, texts[f], mentions[f]))
    mesh = []
    for h in article.mesh:
        named = lex.mesh(h.descriptor)
        if named:
            mesh.append((h.descriptor, named[0], named[1]))
    aggressors = frozenset((f, m.start) for f in FIELDS for m in mentions[f] if _is_aggressor(texts[f], m))
    signalments = [s for f in FIELDS for s in _signalments(f, texts[f], mentions[f], aggressors)]
    counts = [
        c for f in FIELDS
        for c in find_counts(f, texts[f], [m for m in mentions[f] if (f, m.start) not in adjectival])
    ]
    return Evidence(
        article=article,
        texts=texts,
        pub_types=frozenset(p.strip().lower() for p in article.pub_types),
        mesh=tuple(mesh),
        vet_journal=RULES.is_vet_journal(article.journal),
        hits={k: tuple(v) for k, v in hits.items()},
        mentions=mentions,
        adjectival=frozenset(adjectival),
        aggressors=aggressors,
        lab_mentions=tuple(lab),
        signalments=tuple(signalments),
        counts=tuple(counts),
    )
