"""Whether a record tells a case: its self-description, a title naming one animal, a signalment, one animal
found or presented in the abstract, or one outbreak.

Firm evidence makes a case on its own; a title such as "in a dog" is soft, because animal-model papers and
studies of a lot or a strain are titled the same way, so the design stage weighs it against study wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .evidence import OCCUPATION, Evidence, Hit
from .numbers import GROUP_OF, HOLDING_AFTER, SAMPLE_NOUN, number
from .patient import PATHOGEN_AFTER, REAGENT_AFTER, Patient

_TITLE_SINGLE = re.compile(
    r"\b(?:in|of|from|to|with|for|chez|em|en|num|numa|dans|bei)\s+(?:a|an|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|\d{1,2}|une?|uma?|una|eine[mr]?)\s+(?!(?:population|cohort|sample|subset|number|variety|panel|lot|batch)\s)"
    r"(?:(?!(?:in|for|with|from|to|on|by|after|during)\s)[\w'-]+\s+){0,4}$",  # not "of a new scanner for dogs"
    # nor "in a population of wild rabbits": a population is studied, not treated as one case
    re.IGNORECASE,
)
_TITLE_LEAD = re.compile(  # "A dog with ...", "Two young alpacas with ..." (not "A short history of sheep")
    r"^(?:a|an|one|two|three|four|five)\s+(?:(?!(?:of|in|on|for|with|and|to|the|from|by)\s)[\w'-]+\s+){0,3}$",
    re.IGNORECASE)
# "in a dog model", "in two Italian swine farms" (farms; but "in a swine farm" may be the one farm that is the case)
_MODEL_AFTER = re.compile(r"\W*(?:\w+\W+){0,2}?(?:models?|strains?|breeds|species|farms|herds|flocks|holdings|"
                          r"populations|colonies)\b|\W*(?:" + OCCUPATION.pattern + ")", re.IGNORECASE)
# "Draft genome sequence of an isolate ... from a footpad infection in a penguin", "... including a typical EPEC
# strain from a wild boar": the title names a microbe and where it came from, not one animal's case
_MICROBE_FROM = re.compile(r"\b(?:strains?|isolates?|genomes?|plasmids?|clones?)\b|\b(?:sp|gen)\. nov\b", re.IGNORECASE)
# "A Case Report of the Central Veterinary Laboratory in Benin": the case is an institution, not a patient
_INSTITUTION_AFTER = re.compile(r" of (?:a|an|the) (?:[\w-]+ ){0,3}?(?:laborator(?:y|ies)|institutes?|services?|programmes?|"
                                r"programs?|departments?|networks?|agenc(?:y|ies)|ministr(?:y|ies)|authorit(?:y|ies))\b",
                                re.IGNORECASE)
# "A case study on ... mercury levels in a lot of tuna": a case study with no clinic, signalment or outbreak is a
# study of a farm, a food lot or a procedure, not of a patient; so is one told in food-safety words ("fishery
# products", "Food Business Operator"), whatever illness it names
_CASE_STUDY = re.compile(r"\bcase stud", re.IGNORECASE)
# "Managing the challenges of a highly pathogenic avian influenza outbreak in Uganda: a case study": the case is a
# country's response, however much illness it names
_MANAGING = re.compile(r"(?:managing|management|controlling|eradicating|responding|response|lessons|preparedness)\b",
                       re.IGNORECASE)
_ILLNESS = re.compile(r"\b(?:lesions?|patholog\w*|histopatholog\w*|necrops\w*|diagnos\w*|clinical(?:ly)?|signs?|"
                      r"symptoms?|treat(?:ed|ment)|surg\w*|died|deaths?|mortality|infect\w*|diseased?)\b", re.IGNORECASE)


def _clinical(ev: Evidence) -> bool:
    """A clinic, a signalment, an outbreak or any word of illness: what a case study of a patient has."""
    return bool(ev.first("clinical") or ev.first("outbreak") or any(s.subject == "animal" for s in ev.signalments)
                or _ILLNESS.search(ev.texts["title"]) or _ILLNESS.search(ev.texts["abstract"]))


_HEADER = re.compile(r"case (?:presentation|description|summary|history|details)(?!\s+(?:was|were|is|are|of|and)\b)",
                     re.IGNORECASE)  # a heading, not "Case history was obtained" in a study's methods


def q(h: Hit | None) -> str:
    """A hit as it is quoted in a reason."""
    return f"'{h.quote}'" if h else ""


@dataclass(frozen=True)
class CaseEvidence:
    """firm: publication type, self-description, a case header or a signalment; soft: a title such as 'in a
    dog' (also how animal-model papers are titled, hence soft); self_described: the record calls itself a case."""

    firm: tuple[str, ...]
    soft: tuple[str, ...]
    self_described: bool
    one_titled: bool = False  # the soft title names exactly one animal, briefly ("in a dog", "of an old mare")
    one_stated: bool = False  # the abstract states one animal's case ("a male cat presented with ...")
    not_a_patient: tuple[Hit, ...] = ()  # "case study" wording that studies a food lot, farm or procedure


def case_evidence(ev: Evidence, patient: Patient, study_words: list[Hit], said_kinds: set[int]) -> CaseEvidence:
    """said_kinds: the numbers the record says of species (count.kinds), which a title's count cannot be."""
    firm: list[str] = []
    soft: list[str] = []
    one_titled = one_stated = False
    pub = ev.pub_type({"case reports"})
    if pub:
        firm.append(f"publication type: {pub}")
    # "case study" wording of a record that has no clinic, or speaks food safety (the illness test runs only then)
    not_a_patient = tuple(h for h in ev.hits.get("case_self", ()) if _CASE_STUDY.search(h.quote))
    if not_a_patient and (patient.kind == "human" or (_clinical(ev) and not ev.first("food"))) \
            and not _MANAGING.match(ev.texts["title"]):
        not_a_patient = ()
    titled = [h for h in (ev.first("case_self", "title"), ev.first("case_series", "title")) if h
              and not _STUDY_AND_CASE.search(ev.texts["title"]) and h not in not_a_patient
              and not _INSTITUTION_AFTER.match(ev.texts["title"], h.end)]
    firm += [f"title: {q(h)}" for h in titled]
    if patient.kind == "animal":
        title = ev.texts["title"]
        for m in ev.nouns("title"):
            start = _TITLE_SINGLE.search(title[: m.start]) or _TITLE_LEAD.match(title[: m.start])
            if start and any((n := number(w)) and n > 1 and n in said_kinds for w in title[start.start() : m.start].split()):
                continue  # "of three Patagonian top predator fish" and "the three fish species": kinds, not animals
            if m.species in patient.species and start and not _MODEL_AFTER.match(title[m.end :]) \
                    and not REAGENT_AFTER.match(title, m.end) and not _MICROBE_FROM.search(title[: start.start()]) \
                    and not PATHOGEN_AFTER.match(title, m.end):  # "in an area of African swine fever": a disease
                soft.append(f"title: '{title[start.start() : m.end]}'")
                one_titled = bool(_ONE_TITLED.match(title, start.start(), m.end))
                break
    abstract = ev.texts["abstract"]
    header = next((h for h in ev.hits.get("case_self", ()) if h.field == "abstract" and _HEADER.match(abstract, h.start)
                   and _AT_START.search(abstract[: h.start])), None)  # not "the date of case presentation"
    if header:
        firm.append(f"abstract: {q(header)}")
    this = ev.first("case_this", "abstract")  # "This case report discusses ...": the record names itself
    if this:
        firm.append(f"abstract: {q(this)}")
    sig = next((s for s in ev.signalments if s.subject == patient.kind and s.subject != "unknown"), None)
    if sig:
        firm.append(f"{sig.field}: '{sig.quote}'")
    if patient.kind == "animal":
        one = _one_animal(ev, patient, presented=sig is None)
        series = bool(one) and any(c.n > 1 and c.species in patient.species and c.kind != "experimental" for c in ev.counts)
        one_stated = bool(one) and not (series and _IN_ONE.search(one))
        if one_stated:  # not "detected ... in one dog" of "10 client-owned dogs"
            firm.append(one)
    outbreak = _outbreak(ev, study_words) if patient.kind == "animal" else None
    if outbreak:
        firm.append(f"{outbreak.field}: {q(outbreak)}")
    described = bool(pub or titled or header or ev.first("case_series") or outbreak)
    return CaseEvidence(tuple(firm), tuple(soft), described, one_titled, one_stated, not_a_patient)


_AT_START = re.compile(r"(?:^|[.!?:]\s*|\n\s*)$")
_INFECTING = r"(?:in|infecting|parasiti[sz]ing|affecting)"  # "the first occurrence of A. vasorum infecting a grison"
_FOUND_IN_ONE = re.compile(
    r"(?:\b(?:is|was|were|has been) (?:\w+ ){0,2}?(?:diagnosed|described|found|identified|detected|observed|confirmed|isolated|"
    r"determined|recorded|documented|characteri[sz]ed)\b"
    r"[^.;]{0,60}?\bin (?:a|an|one) |\b(?:was|were) (?:excised|removed|resected) from (?:the [\w-]+ of )?(?:a|an|one) |"
    r"\b(?:describes?|reports?|documents?) (?:the |a )?(?:first )?(?:occurrence|case|"
    r"cases|outbreak)\b(?:[^.;]|\.(?= (?-i:[a-z]))){0,140}?\b" + _INFECTING + r" (?:a|an|one|two|three|four) )"
    r"(?:[\w'-]+ ){0,4}$", re.IGNORECASE)


_WE_REPORT_ONE = re.compile(r"\b(?:we|authors?) (?:report|describe|present|document)\s+(?:here\s+)?(?:a|an|one)\s+"
                            r"(?:[\w'-]+\s+){0,3}$"  # "We report a cat with ..."
                            # "We report detection and full-genome characterization of a novel orthopoxvirus
                            # responsible for a fatal infection in a cat"
                            r"|\bwe (?:report|describe|present),?(?: for the first time,?)? (?:the )?(?:detection|"
                            r"identification|isolation|characteri[sz]ation|occurrence|diagnosis)\b[^.;]{0,120}?\b"
                            r"(?:in|isolated from) (?:a|an|one) (?:[\w'-]+ ){0,4}$"
                            r"|\bwe (?:detected|found|identified|diagnosed|isolated|confirmed) [^.;]{0,80}?\bin (?:a|an|one) "
                            r"(?:[\w'-]+ ){0,4}$", re.IGNORECASE)  # "We detected SARS-CoV-2 in an otherwise healthy poodle"
_CLAUSE_ONE = re.compile(r"(?:^|[.;:,]\s+)(?:a|an)\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)
# "a young female Alpine chamois (Rupicapra rupicapra), originated from the Aosta Valley, was conferred to the
# National Reference Centre": a bracketed name and one clause may come between the animal and its verb
_FOUND_STATES = r"dead|road-?killed|moribund|stranded"  # "found dead": how a wild patient comes to a pathologist
_PRESENTED_AFTER = re.compile(r"(?:\s*\([^()]{0,80}\))?(?:\s*,[^.;]{0,100}?,)?\s+(?:was\s+)?(?:(?:presented|referred|admitted|"
                              r"submitted|conferred|brought)\s+(?:with|for|to|because)|found (?:" + _FOUND_STATES + r"))\b",
                              re.IGNORECASE)  # "A young wolf, ..., was found road-killed"


# "Axial pattern flaps ...: A cadaveric study in dogs and a case report": the study is the design, the case an aside
_STUDY_AND_CASE = re.compile(r"\b(?:cadaver(?:ic)?|anatomic(?:al)?|experimental|biomechanical|in vitro|ex vivo|"
                             r"retrospective|prospective|imaging|histologic(?:al)?) study\b.{0,60}\band (?:a |one )?case "
                             r"report\b", re.IGNORECASE)
# "... in a dog with hypercalcemia" over "a 5-year-old Border Collie": one patient, whatever reference dogs are counted
# "in a dog", "of an old mare"; not "in a family of cats" (a group, however closely related)
_ONE_TITLED = re.compile(r"(?:in|of|from|to|with|for) (?:a|an|one) (?!" + GROUP_OF + r"|(?:group|series|population|pair|"
                         r"cluster|number|cohort)\b)(?:[\w'-]+\s){0,2}[\w'-]+$", re.IGNORECASE)
_HOLDING_AFTER = re.compile(r"\s+" + HOLDING_AFTER, re.IGNORECASE)
_SAMPLE_BEFORE = re.compile(r"\b(?:a|an|one) (?:[\w'-]+ )?" + SAMPLE_NOUN + r" of\b", re.IGNORECASE)
# "found in one roe deer sample", "found in one cow and one goat milk samples"
_SAMPLE_AFTER = re.compile(r"\s+(?:and (?:a|an|one|two) [\w-]+\s+(?:[\w-]+\s+)?)?" + SAMPLE_NOUN, re.IGNORECASE)
# "Here, the occurrence of Anisakis in the stomach of an adult female dwarf sperm whale, stranded in ..., is reported":
# a sentence opening "Here," that reports what was found in one animal (a period may end an abbreviation: "A. pegreffii")
_HERE_ONE = re.compile(r"(?:^|[.!?]\s+)here,?\s(?:[^.;]|\.(?= (?-i:[a-z]))){0,160}?\b(?:in|of|from) (?:a|an|one) (?:[\w'-]+ ){0,4}$",
                       re.IGNORECASE)
_IS_REPORTED = re.compile(r"[^.;]{0,100}?\b(?:is|was) (?:here )?(?:reported|described|documented)\b", re.IGNORECASE)
_IN_ONE = re.compile(r"\b" + _INFECTING + r" (?:a|an|one) ", re.IGNORECASE)
# "A Mediterranean monk seal (Monachus monachus) pup from the southern Adriatic coast of Italy showed cetacean
# morbillivirus ...": an abstract whose first sentence is one animal and what it showed tells that animal's case
_OPENS_ONE = re.compile(r"(?:a|an)\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)
_SHOWED_AFTER = re.compile(r"(?:\s*\([^()]{0,80}\))?(?:\s+(?:pup|calf|foal|kitten|puppy|cub|chick|fawn|juvenile|"
                           r"nestling|hatchling|yearling))?(?:\s+(?:from|of|in|at) [^.;,()]{0,80}?)?\s+(?:showed|had|developed|"
                           r"suffered|died|exhibited|displayed|was found (?:dead|moribund|with))\b", re.IGNORECASE)


_OF_ONE = re.compile(r"\b(?:of|on|in|from) (?:a|an)\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)
_FOUND_DEAD_AFTER = re.compile(r"(?:\s*\([^()]{0,80}\))?,?\s+(?:that was\s+|which was\s+|was\s+)?found (?:"
                               + _FOUND_STATES + r"|beached)\b",
                               re.IGNORECASE)


def _one_animal(ev: Evidence, patient: Patient, *, presented: bool) -> str:
    """'... was diagnosed postmortem in a juvenile bottlenose dolphin', 'a young Cocker Spaniel presented with
    seizures': the abstract states one animal's case."""
    text = ev.texts["abstract"]
    for m in ev.nouns("abstract"):
        if m.species in patient.species:
            # "found in one roe deer sample": a sample, not a case; "taken in a rabbit holding": a farm, not one animal
            sample = _SAMPLE_AFTER.match(text, m.end) or _HOLDING_AFTER.match(text, m.end)
            found = _FOUND_IN_ONE.search(text, max(0, m.start - 160), m.start) \
                or _WE_REPORT_ONE.search(text, max(0, m.start - 160), m.start)
            if found and _SAMPLE_BEFORE.search(text, found.start(), m.start):
                found = None  # "was detected in a sample of hog head cheese": a sample, not an animal
            if found and not sample:
                return f"abstract: '{text[found.start() : m.end]}'"
            here = _HERE_ONE.search(text, max(0, m.start - 240), m.start) if not sample else None
            reported = _IS_REPORTED.match(text, m.end) if here else None
            if here and reported:
                return f"abstract: '{text[here.start() : reported.end()].lstrip('.!? ')}'"
            opens = _OPENS_ONE.fullmatch(text, 0, m.start) if presented else None
            showed = _SHOWED_AFTER.match(text, m.end) if opens else None
            if opens and showed:
                return f"abstract: '{text[: showed.end()]}'"
            one = _CLAUSE_ONE.search(text, max(0, m.start - 60), m.start) if presented else None
            came = _PRESENTED_AFTER.match(text, m.end)
            if one and came:
                return f"abstract: '{text[one.start() : came.end()].lstrip('.;:, ')}'"
            of_one = _OF_ONE.search(text, max(0, m.start - 60), m.start) if presented else None
            dead = _FOUND_DEAD_AFTER.match(text, m.end) if of_one else None
            if of_one and dead:  # "investigations ... on the intestine of a young male fin whale found stranded"
                return f"abstract: '{text[of_one.start() : dead.end()]}'"
    return ""


_HUMAN_OUTBREAK = re.compile(r"\bfood-?borne outbreaks? of\b|\b(?:involving|affecting|sickening|sickened|hospitali[sz]ing) "
                             r"(?:\d+|[a-z]+) (?:people|persons|consumers|humans|children|adults)\b", re.IGNORECASE)


def _outbreak(ev: Evidence, study_words: list[Hit]) -> Hit | None:
    """One outbreak or die-off, told as such ('a mass die-off of Guiana dolphins', 'relatar um surto'): the herd
    or population is the case.  Not when the record measures rates or compares groups (then it is a study)."""
    if ev.first("stats") or ev.first("control") or study_words or ev.first("trial"):
        return None  # a prevalence the record only mentions ("the bulk of prevalence ... so far") is no study
    if _HUMAN_OUTBREAK.search(ev.texts["abstract"]) or _HUMAN_OUTBREAK.search(ev.texts["title"]) \
            or (ev.first("food") and ev.first("human")):
        # "a foodborne outbreak ... involving 85 people", "cheese purchased from a retail supermarket by one of the
        # patients": the patients are people, the animals (or their meat) a source
        return None
    return ev.first("outbreak", "title") or ev.first("outbreak", "abstract")
