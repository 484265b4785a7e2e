"""What kind of article a record is (case report, case series, review, trial, ...), from metadata and wording.

Publication types decide when present; otherwise the title and abstract wording.  Order matters and is
deliberate: a systematic review that quotes case reports is a review; a case report that ends with "a review
of the literature" is a case report; a laboratory experiment is recognised before its "we describe" wording
can make it look like a case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .count import CASE_SERIES_MAX, animal_count, samples_tested
from .evidence import OCCUPATION, Evidence, Hit
from .patient import LAB_SPECIES, PATHOGEN_AFTER, REAGENT_AFTER, Patient

_SR_TYPES = {"systematic review", "meta-analysis", "network meta-analysis"}
_PROTOCOL_TYPES = {"practice guideline", "guideline", "consensus development conference", "clinical trial protocol"}
_EDITORIAL_TYPES = {"editorial", "letter", "comment", "news", "newspaper article", "interview", "biography",
                    "published erratum", "retraction notice", "expression of concern"}
_COHORT_TYPES = {"observational study", "multicenter study", "evaluation study", "validation study", "twin study"}
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
_MODEL_AFTER = re.compile(r"\W*(?:\w+\W+){0,2}?(?:models?|strains?|breeds|species)\b|\W*(?:" + OCCUPATION.pattern + ")", re.IGNORECASE)
# "Draft genome sequence of an isolate ... from a footpad infection in a penguin", "... including a typical EPEC
# strain from a wild boar": the title names a microbe and where it came from, not one animal's case
_MICROBE_FROM = re.compile(r"\b(?:strains?|isolates?|genomes?|plasmids?|clones?)\b", re.IGNORECASE)
# "A case study on ... mercury levels in a lot of tuna": a case study with no clinic, signalment or outbreak is a
# study of a farm, a food lot or a procedure, not of a patient
_CASE_STUDY = re.compile(r"\bcase stud", re.IGNORECASE)
_ILLNESS = re.compile(r"\b(?:lesions?|patholog\w*|histopatholog\w*|necrops\w*|diagnos\w*|clinical(?:ly)?|signs?|"
                      r"symptoms?|treat(?:ed|ment)|surg\w*|died|deaths?|mortality|infect\w*|diseased?)\b", re.IGNORECASE)


def _clinical(ev: Evidence) -> bool:
    """A clinic, a signalment, an outbreak or any word of illness: what a case study of a patient has."""
    return bool(ev.first("clinical") or ev.first("outbreak") or any(s.subject == "animal" for s in ev.signalments)
                or _ILLNESS.search(ev.texts["title"]) or _ILLNESS.search(ev.texts["abstract"]))


_CASE_AND_REVIEW = re.compile(r"\bcase (?:reports?|stud(?:y|ies)|series)\b.{0,40}\breview\b"
                              r"|\b(?:a|an|one|fatal|rare|unusual|first)\s+(?:\w+\s+)?case\b.{0,100}\band\s+(?:a\s+)?review\b",
                              re.IGNORECASE)  # "A Fatal Case of ... in a Dog and Review of Literature"
_META = re.compile(r"meta-?analy|prisma", re.IGNORECASE)
_HEADER = re.compile(r"case (?:presentation|description|summary|history|details)(?!\s+(?:was|were|is|are|of|and)\b)",
                     re.IGNORECASE)  # a heading, not "Case history was obtained" in a study's methods


@dataclass(frozen=True)
class Design:
    article_type: str
    why: str  # a phrase with its evidence: "meta-analysis ('a systematic review and meta-analysis')"
    case_evidence: tuple[str, ...] = ()
    animals: int | None = None


def _q(h: Hit | None) -> str:
    return f"'{h.quote}'" if h else ""


def _pub(ev: Evidence, names: set[str]) -> str | None:
    for p in ev.article.pub_types:
        name: str = p.strip()
        if name.lower() in names:
            return name
    return None


def _pub_trial(ev: Evidence) -> str | None:
    return next((p.strip() for p in ev.article.pub_types if "trial" in p.lower() and "protocol" not in p.lower()), None)


@dataclass(frozen=True)
class CaseEvidence:
    """firm: publication type, self-description, a case header or a signalment; soft: a title such as 'in a
    dog' (also how animal-model papers are titled, hence soft); self_described: the record calls itself a case."""

    firm: tuple[str, ...]
    soft: tuple[str, ...]
    self_described: bool
    one_titled: bool = False  # the soft title names exactly one animal, briefly ("in a dog", "of an old mare")
    one_stated: bool = False  # the abstract states one animal's case ("a male cat presented with ...")


def _case_evidence(ev: Evidence, patient: Patient, study_words: list[Hit]) -> CaseEvidence:
    firm: list[str] = []
    soft: list[str] = []
    one_titled = one_stated = False
    pub = _pub(ev, {"case reports"})
    if pub:
        firm.append(f"publication type: {pub}")
    titled = [h for h in (ev.first("case_self", "title"), ev.first("case_series", "title")) if h
              and not _STUDY_AND_CASE.search(ev.texts["title"])
              and not (patient.kind != "human" and _CASE_STUDY.search(h.quote) and not _clinical(ev))]
    firm += [f"title: {_q(h)}" for h in titled]
    if patient.kind == "animal":
        title = ev.texts["title"]
        for m in ev.nouns("title"):
            start = _TITLE_SINGLE.search(title[: m.start]) or _TITLE_LEAD.match(title[: m.start])
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
        firm.append(f"abstract: {_q(header)}")
    this = ev.first("case_this", "abstract")  # "This case report discusses ...": the record names itself
    if this:
        firm.append(f"abstract: {_q(this)}")
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
        firm.append(f"{outbreak.field}: {_q(outbreak)}")
    described = bool(pub or titled or header or ev.first("case_series") or outbreak)
    return CaseEvidence(tuple(firm), tuple(soft), described, one_titled, one_stated)


_A_SIG = re.compile(r"(?:\w+\s+)?(?:a|an)\s", re.IGNORECASE)  # "in a four-month-old ...", not "in one-day-old puppies"
_AT_START = re.compile(r"(?:^|[.!?:]\s*|\n\s*)$")
_INFECTING = r"(?:in|infecting|parasiti[sz]ing|affecting)"  # "the first occurrence of A. vasorum infecting a grison"
_FOUND_IN_ONE = re.compile(
    r"(?:\b(?:was|were) (?:\w+ ){0,2}?(?:diagnosed|described|found|identified|detected|observed|confirmed|isolated|"
    r"determined|recorded|documented|characteri[sz]ed)\b"
    r"[^.;]{0,60}?\bin (?:a|an|one) |\b(?:describes?|reports?|documents?) (?:the |a )?(?:first )?(?:occurrence|case|"
    r"cases|outbreak)\b(?:[^.;]|\.(?= [a-z])){0,140}?\b" + _INFECTING + r" (?:a|an|one|two|three|four) )"
    r"(?:[\w'-]+ ){0,4}$", re.IGNORECASE)


_WE_REPORT_ONE = re.compile(r"\b(?:we|authors?) (?:report|describe|present|document)\s+(?:here\s+)?(?:a|an|one)\s+"
                            r"(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)  # "We report a cat with ..."
_CLAUSE_ONE = re.compile(r"(?:^|[.;:,]\s+)(?:a|an)\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)
_PRESENTED_AFTER = re.compile(r"\s+(?:was\s+)?(?:presented|referred|admitted)\s+(?:with|for|to|because)\b", re.IGNORECASE)


# "Axial pattern flaps ...: A cadaveric study in dogs and a case report": the study is the design, the case an aside
_STUDY_AND_CASE = re.compile(r"\b(?:cadaver(?:ic)?|anatomic(?:al)?|experimental|biomechanical|in vitro|ex vivo|"
                             r"retrospective|prospective|imaging|histologic(?:al)?) study\b.{0,60}\band (?:a |one )?case "
                             r"report\b", re.IGNORECASE)
# "... in a dog with hypercalcemia" over "a 5-year-old Border Collie": one patient, whatever reference dogs are counted
# "in a dog", "of an old mare"; not "in a family of cats" (a group, however closely related)
_ONE_TITLED = re.compile(r"(?:in|of|from|to|with|for) (?:a|an|one) (?!(?:family|litter|herd|flock|group|colony|kennel|"
                         r"cattery|series|population|pair|cluster|number|cohort)\b)(?:[\w'-]+\s){0,2}[\w'-]+$",
                         re.IGNORECASE)
_SAMPLE_AFTER = re.compile(r"\s+(?:samples?|specimens?|swabs?|isolates?|sera|serum)\b", re.IGNORECASE)
_IN_ONE = re.compile(r"\b" + _INFECTING + r" (?:a|an|one) ", re.IGNORECASE)


def _one_animal(ev: Evidence, patient: Patient, *, presented: bool) -> str:
    """'... was diagnosed postmortem in a juvenile bottlenose dolphin', 'a young Cocker Spaniel presented with
    seizures': the abstract states one animal's case."""
    text = ev.texts["abstract"]
    for m in ev.nouns("abstract"):
        if m.species in patient.species:
            found = _FOUND_IN_ONE.search(text, max(0, m.start - 160), m.start) \
                or _WE_REPORT_ONE.search(text, max(0, m.start - 80), m.start)
            if found and not _SAMPLE_AFTER.match(text, m.end):  # "found in one roe deer sample": a sample, not a case
                return f"abstract: '{text[found.start() : m.end]}'"
            one = _CLAUSE_ONE.search(text, max(0, m.start - 60), m.start) if presented else None
            came = _PRESENTED_AFTER.match(text, m.end)
            if one and came:
                return f"abstract: '{text[one.start() : came.end()]}'"
    return ""


def _outbreak(ev: Evidence, study_words: list[Hit]) -> Hit | None:
    """One outbreak or die-off, told as such ('a mass die-off of Guiana dolphins', 'relatar um surto'): the herd
    or population is the case.  Not when the record measures rates or compares groups (then it is a study)."""
    if ev.first("stats") or ev.first("control") or study_words or ev.first("trial"):
        return None  # a prevalence the record only mentions ("the bulk of prevalence ... so far") is no study
    return ev.first("outbreak", "title") or ev.first("outbreak", "abstract")


def _lab_vs_clinical(ev: Evidence, patient: Patient) -> tuple[float, float, str]:
    lab = min(5.0, float(ev.n("lab"))) + (2.0 if ev.lab_mentions else 0.0)
    lab += 5.0 if ev.first("challenge") else 0.0  # "we infected 3 foxes": animals infected on purpose
    lab += 3.0 if any(role == "lab" for _, _, role in ev.mesh) else 0.0
    kinds = {m.species for f in ("title", "abstract") for m in ev.mentions[f] if m.species in LAB_SPECIES | {"rabbit"}}
    lab += 3.0 if len(kinds) >= 3 else 0.0  # "monkeys, cotton rats, hamsters, guinea pigs and rabbits": an experiment
    clinical = 3.0 * any(s.subject == "animal" for s in ev.signalments) + min(3.0, float(ev.n("clinical")))
    clinical += 2.0 * bool(ev.first("case_self") or ev.first("we_report") or ev.first("case_series"))
    clinical += 3.0 * bool(ev.first("outbreak"))  # a field outbreak, even when it was then reproduced on purpose
    if (lab or not clinical) and patient.species and patient.species[0] in LAB_SPECIES:
        lab += 1.5  # a gerbil or a rat seen at a clinic is a pet: the species alone tips only a record with no clinic
    quote = ""
    if ev.first("challenge"):
        quote = _q(ev.first("challenge"))
    elif ev.lab_mentions:
        quote = f"'{ev.lab_mentions[0].said}'"
    elif ev.first("lab"):
        quote = _q(ev.first("lab"))
    return lab, clinical, quote


# a record that says it reviewed a clinic's records: its "cohort/records" wording then describes how the cases
# were gathered, which a small retrospective case series shares with a study
_REVIEWED = re.compile(r"\bretrospective(?:ly)?\b|\b(?:medical|clinical|case|hospital|patient|anaesthetic|anesthetic) records\b|"
                       r"\b(?:over|during|in|within) an? \d+[- ]year period\b", re.IGNORECASE)


# a population figure this record measured: a percentage, or more animals than a small series holds
_PERCENT = re.compile(r"\d\s?%|\bper ?cent\b", re.IGNORECASE)


def _study_words(ev: Evidence) -> list[Hit]:
    """The cohort wording that makes a small descriptive series a study: all of it, except the wording of a records
    review (and the inclusion criteria and dates that go with one) when the record says it reviewed records, and
    a population figure (prevalence, incidence, reference range) that the record names but never measures."""
    hits = list(ev.hits.get("cohort", ()))
    if _REVIEWED.search(ev.texts["abstract"]) or _REVIEWED.search(ev.texts["title"]):
        hits = [h for h in hits if h.kind != "records"]
    measured = _PERCENT.search(ev.texts["abstract"]) or any(c.n > CASE_SERIES_MAX for c in ev.counts)
    return [h for h in hits if h.kind != "measure" or h.field == "title" or measured]


_LOOSE_STATS = re.compile(r"significant(?:ly)?\b", re.IGNORECASE)
_SPREAD = re.compile(r"mean\s*(?:±|\+/-)", re.IGNORECASE)
_CHANGE = re.compile(r"significant(?:ly)? (?:improv|reduc|decreas|increas|declin|resol)\w*", re.IGNORECASE)


def _inferential(ev: Evidence, case: CaseEvidence, n: int | None, study_words: list[Hit]) -> Hit | None:
    """Statistics or a control group; but "significantly improved" said of the one animal a title names ("... in
    a cat") and the abstract speaks of in the singular is a clinician's word, not a statistic."""
    control = ev.first("control")
    if control:
        return control
    stats = ev.hits.get("stats", ())
    said = [m.said.lower() for m in ev.nouns("abstract")]
    singular = sum(not s.endswith("s") for s in said) > len(said) / 2
    if case.soft and n in (None, 1) and singular and all(_LOOSE_STATS.match(h.quote) for h in stats):
        return None
    if n is not None and n <= CASE_SERIES_MAX and stats and not study_words:  # a small series, no study wording
        if n > 1 and all(_SPREAD.match(h.quote) for h in stats):
            return None  # "Data are presented as mean ± SD" for 12 animals: a description, not a test
        if case.self_described and all(_CHANGE.match(h.quote) for h in stats):
            # "This case series describes four cats ... allowed significant improvement in respiration"; but a
            # "prospective case series" whose scores were "significantly reduced" over set time points is a study
            return None
    return ev.first("stats")


def decide(ev: Evidence, patient: Patient) -> Design:
    pub_case = _pub(ev, {"case reports"})
    study_words = _study_words(ev)
    case = _case_evidence(ev, patient, study_words)
    n, n_quote = animal_count(ev, patient)
    inferential = _inferential(ev, case, n, study_words)

    pub_sr = _pub(ev, _SR_TYPES)
    sr_hit = ev.first("sr", "title") or (ev.first("sr") if ev.n("sr") >= 2 else None)
    sr_hit = sr_hit or next((h for h in ev.hits.get("sr", ()) if _META.search(h.quote)), None)
    if (pub_sr or sr_hit) and not pub_case:
        meta = next((h for h in ev.hits.get("sr", ()) if _META.search(h.quote)), None)
        if meta or _META.search(pub_sr or ""):
            why = f"meta-analysis ({_q(meta or sr_hit) or 'publication type: ' + str(pub_sr)})"
        else:
            why = f"systematic review ({_q(sr_hit) or 'publication type: ' + str(pub_sr)})"
        return Design("systematic review / meta-analysis", why)
    pub_protocol = _pub(ev, _PROTOCOL_TYPES)
    protocol = (ev.first("protocol") if not case.firm else None) or ev.first("guideline", "title")
    if pub_protocol or protocol:
        what = _q(protocol) or f"publication type: {pub_protocol}"
        return Design("guideline / protocol", f"study protocol or guideline ({what})")
    pub_ed = _pub(ev, _EDITORIAL_TYPES)
    if pub_ed and not pub_case:
        return Design("editorial / letter", f"editorial or letter (publication type: {pub_ed})")
    if ev.first("editorial", "title") and not pub_case:  # "Erratum: ...", "Correction: ..."
        return Design("editorial / letter", f"editorial, letter or correction ({_q(ev.first('editorial', 'title'))})")
    review_title = ev.first("review_title", "title")
    if review_title and not pub_case and not _CASE_AND_REVIEW.search(ev.texts["title"]):
        return Design("review", f"review ({_q(review_title)})")
    if patient.kind == "animal" and not pub_case:
        lab, clinical, quote = _lab_vs_clinical(ev, patient)
        if lab >= 1.0 and lab > clinical:
            return Design("laboratory-animal experiment", f"laboratory {_plural(patient)} used as a disease model "
                          f"or experimental subjects ({quote or _q(ev.first('lab'))})".replace(" ()", ""))
    pub_case_or_self = pub_case or case.self_described
    if ev.first("editorial") and not pub_case_or_self:
        return Design("editorial / letter", f"editorial or letter ({_q(ev.first('editorial'))})")
    if ev.n("survey") >= 2 and not pub_case_or_self:
        # a questionnaire study may open with a vignette ("a 4-year-old Labrador ..."): still a survey
        return Design("survey", f"survey ({_q(ev.first('survey'))})")
    study = ev.first("cohort", "title") or ev.first("cohort_word", "title")  # "Epidemiological ... in a population of"
    design_word = next((h for h in ev.hits.get("cohort", ()) if h.kind == "design"), None)
    group = n is not None and n > 1 and design_word  # "in 6 cats" over "were enrolled in the study"
    strong = case.firm or (case.soft if not (inferential or ev.first("trial") or study or group) else ())
    # one animal named in the title and described in the abstract: other animals are references, not cases
    animal_sig = [s for s in ev.signalments if s.subject == "animal"]
    titled_one = case.one_titled or any(s.field == "title" and _A_SIG.match(s.quote) for s in animal_sig)
    stated_one = case.one_stated or any(s.field == "abstract" for s in animal_sig)
    one_dog = titled_one and (stated_one or bool(animal_sig))
    if strong and n is not None and n > 1 and inferential and not pub_case and not (titled_one and stated_one):
        # "A Retrospective Case Series" of 20 dogs with Kaplan-Meier survival and 95% CIs: a study; but "a male
        # cat presented with ..." compared with a healthy control cat and 194 sequenced cats is that cat's case
        strong = ()
    if strong and ev.first("control") and not (pub_case or case.self_described or titled_one):
        # "22 healthy controls and 7 cats of one family (..., one 2.5-month-old affected kitten, ...)": an animal
        # the abstract names among a study's groups, not a case the record reports
        strong = ()
    if strong and not case.self_described and ev.first("invitro") and (inferential or ev.n("invitro") >= 3):
        # "models CT-derived from a 6-month-old Labrador ... P < .01": the dog is an in vitro template; cells
        # "isolated and cultured", screened and differentiated, then given to a 6-year-old cat: a laboratory method
        strong = ()
    if strong and n is not None and n > CASE_SERIES_MAX and not one_dog and (
            not case.self_described or (ev.first("cohort") and not (pub_case or ev.first("case_series")))):
        # "in 40 cats" without calling itself a case series: a retrospective study; so is "First case of ..." over
        # "81 cats were included in the study"
        strong = ()
    if strong:
        series = ev.first("case_series") is not None or (n is not None and n > 1)
        ev_case = tuple(strong) + ((f"{n} animals: {n_quote}",) if series and n and n_quote else ())
        return Design("case series" if series else "case report", "", ev_case, n)
    pub_trial = _pub_trial(ev)
    if pub_trial or ev.first("trial"):
        return Design("trial", f"trial ({_q(ev.first('trial')) or 'publication type: ' + str(pub_trial)})")
    if ev.first("survey") and not ev.first("case_series"):  # an owner follow-up questionnaire in a case series
        return Design("survey", f"survey ({_q(ev.first('survey'))})")
    if ev.first("invitro") and (patient.kind == "none" or ev.n("invitro") >= 2):
        return Design("in vitro", f"in vitro study ({_q(ev.first('invitro'))})")
    pub_review = _pub(ev, {"review", "scoping review"})
    if ev.first("review") and not pub_review and n is not None and 1 < n <= CASE_SERIES_MAX and ev.n("clinical") >= 2 \
            and not inferential:
        # "an overview of the syndrome ... Four cases were evaluated ... all underwent surgery": the clinic's own cases
        return Design("case series", "", (f"{n} animals: {n_quote}",), n)
    if pub_review or ev.first("review"):
        return Design("review", f"review ({_q(ev.first('review')) or 'publication type: ' + str(pub_review)})")
    if ev.first("case_series") and not inferential:
        return Design("case series", "", (f"abstract: {_q(ev.first('case_series'))}",), n)
    tested, tested_quote = samples_tested(ev) if n is not None and 1 < n <= CASE_SERIES_MAX else (0, "")
    if tested > CASE_SERIES_MAX:
        # "Eight of 71 (11%) samples, including three opossums": positives among a sampled population
        return Design("cohort / cross-sectional / retrospective study",
                      f"cohort, cross-sectional or statistical study ({tested} samples: '{tested_quote}')")
    if n is not None and 1 < n <= CASE_SERIES_MAX and not inferential and not study_words:
        # a descriptive series this small stays a case series even if it calls itself "a small cohort"
        return Design("case series", "", (f"{n} animals: {n_quote}",), n)
    # a small series is a study for its study words, so the reason quotes the first of them
    small = n is not None and 1 < n <= CASE_SERIES_MAX and not inferential
    cohort = next(iter(study_words), None) if small else ev.first("cohort")
    cohort = cohort or inferential or ev.first("cohort_word")
    pub_cohort = _pub(ev, _COHORT_TYPES)
    if cohort or pub_cohort or (n is not None and n > CASE_SERIES_MAX):
        what = _q(cohort) or (f"publication type: {pub_cohort}" if pub_cohort else f"{n} animals: {n_quote}")
        return Design("cohort / cross-sectional / retrospective study", f"cohort, cross-sectional or statistical "
                      f"study ({what})")
    weak = ev.first("we_report") or ev.first("case_self")
    if weak and (patient.kind != "animal" or ev.first("clinical")):
        return Design("case report", "", (f"{weak.field}: {_q(weak)}",), n)
    return Design("other", "no case description found")


def _plural(patient: Patient) -> str:
    if not patient.species:
        return "animals"
    s = patient.species[0]
    return {"mouse": "mice", "sheep": "sheep", "fish": "fish", "deer": "deer", "cattle": "cattle"}.get(s, s + "s")
