"""What kind of article a record is (case report, case series, review, trial, ...), from metadata and wording.

Publication types decide when present; otherwise the title and abstract wording.  Order matters and is
deliberate: a systematic review that quotes case reports is a review; a case report that ends with "a review
of the literature" is a case report; a laboratory experiment is recognised before its "we describe" wording
can make it look like a case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.plural import plural
from .case import CaseEvidence, case_evidence, q
from .count import CASE_SERIES_MAX, animal_count, kinds, samples_tested
from .evidence import Evidence, Hit
from .patient import LAB_SPECIES, Patient

_SR_TYPES = {"systematic review", "meta-analysis", "network meta-analysis"}
_PROTOCOL_TYPES = {"practice guideline", "guideline", "consensus development conference", "clinical trial protocol"}
_EDITORIAL_TYPES = {"editorial", "letter", "comment", "news", "newspaper article", "interview", "biography",
                    "published erratum", "retraction notice", "expression of concern"}
_COHORT_TYPES = {"observational study", "multicenter study", "evaluation study", "validation study", "twin study"}
_CASE_AND_REVIEW = re.compile(r"\bcase (?:reports?|stud(?:y|ies)|series)\b.{0,40}\breview\b"
                              r"|\b(?:a|an|one|fatal|rare|unusual|first)\s+(?:\w+\s+)?case\b.{0,100}\band\s+(?:a\s+)?review\b",
                              re.IGNORECASE)  # "A Fatal Case of ... in a Dog and Review of Literature"
_META = re.compile(r"meta-?analy|prisma", re.IGNORECASE)
@dataclass(frozen=True)
class Design:
    article_type: str
    why: str  # a phrase with its evidence: "meta-analysis ('a systematic review and meta-analysis')"
    case_evidence: tuple[str, ...] = ()
    animals: int | None = None


def _pub_trial(ev: Evidence) -> str | None:
    return next((p.strip() for p in ev.article.pub_types if "trial" in p.lower() and "protocol" not in p.lower()), None)


_A_SIG = re.compile(r"(?:\w+\s+)?(?:a|an)\s", re.IGNORECASE)  # "in a four-month-old ...", not "in one-day-old puppies"


def _lab_vs_clinical(ev: Evidence, patient: Patient) -> tuple[float, float, str]:
    lab = min(5.0, float(ev.n("lab"))) + (2.0 if ev.lab_mentions else 0.0)
    lab += 5.0 if ev.first("challenge") else 0.0  # "we infected 3 foxes": animals infected on purpose
    lab += 3.0 if any(role == "lab" for _, _, role in ev.mesh) else 0.0
    lab_kinds = {m.species for f in ("title", "abstract") for m in ev.mentions[f] if m.species in LAB_SPECIES | {"rabbit"}}
    lab += 3.0 if len(lab_kinds) >= 3 else 0.0  # "monkeys, cotton rats, hamsters, guinea pigs and rabbits": an experiment
    clinical = 3.0 * any(s.subject == "animal" for s in ev.signalments) + min(3.0, float(ev.n("clinical")))
    clinical += 2.0 * bool(ev.first("case_self") or ev.first("we_report") or ev.first("case_series"))
    clinical += 3.0 * bool(ev.first("case_this"))  # "This work reports the case of an indoor cat": whatever it cites
    clinical += 3.0 * bool(ev.first("outbreak"))  # a field outbreak, even when it was then reproduced on purpose
    if (lab or not clinical) and patient.species and patient.species[0] in LAB_SPECIES:
        lab += 1.5  # a gerbil or a rat seen at a clinic is a pet: the species alone tips only a record with no clinic
    quote = ""
    if ev.first("challenge"):
        quote = q(ev.first("challenge"))
    elif ev.lab_mentions:
        quote = f"'{ev.lab_mentions[0].said}'"
    elif ev.first("lab"):
        quote = q(ev.first("lab"))
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
    hits = [h for h in hits if not (_RISK.match(h.quote) and _CLAIMED.search(ev.texts[h.field], max(0, h.start - 40),
                                                                              h.start))]
    return [h for h in hits if h.kind != "measure" or h.field == "title" or measured]


# what a "we describe/report" describes when it is laboratory work on a microbe, not a patient
_DESCRIBES_LAB = re.compile(r",?\s+(?:here\s+)?(?:the\s+)?(?:isolation|(?:whole|complete|full|draft)[- ]?(?:length\s+)?genome|"
                            r"genome|sequenc\w*|genetic|molecular|characteri[sz]ation|phylogen\w*)\b", re.IGNORECASE)
# "rats are an important risk factor for the occurrence of the infection": a claim the record makes, not a study of
# risk factors
_RISK = re.compile(r"risk factors?\b", re.IGNORECASE)
_CLAIMED = re.compile(r"\b(?:is|are|was|were|be|as)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


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
    pub_case = ev.pub_type({"case reports"})
    study_words = _study_words(ev)
    said_kinds = kinds(ev)  # "the three fish species": a number of kinds, for the title test and the count alike
    case = case_evidence(ev, patient, study_words, said_kinds)
    n, n_quote = animal_count(ev, patient, said_kinds)
    inferential = _inferential(ev, case, n, study_words)

    pub_sr = ev.pub_type(_SR_TYPES)
    sr_hit = ev.first("sr", "title") or (ev.first("sr") if ev.n("sr") >= 2 else None)
    sr_hit = sr_hit or next((h for h in ev.hits.get("sr", ()) if _META.search(h.quote)), None)
    if (pub_sr or sr_hit) and not pub_case:
        meta = next((h for h in ev.hits.get("sr", ()) if _META.search(h.quote)), None)
        if meta or _META.search(pub_sr or ""):
            why = f"meta-analysis ({q(meta or sr_hit) or 'publication type: ' + str(pub_sr)})"
        else:
            why = f"systematic review ({q(sr_hit) or 'publication type: ' + str(pub_sr)})"
        return Design("systematic review / meta-analysis", why)
    pub_protocol = ev.pub_type(_PROTOCOL_TYPES)
    protocol = (ev.first("protocol") if not case.firm else None) or ev.first("guideline", "title")
    if pub_protocol or protocol:
        what = q(protocol) or f"publication type: {pub_protocol}"
        return Design("guideline / protocol", f"study protocol or guideline ({what})")
    pub_ed = ev.pub_type(_EDITORIAL_TYPES)
    if pub_ed and not pub_case:
        return Design("editorial / letter", f"editorial or letter (publication type: {pub_ed})")
    if ev.first("editorial", "title") and not pub_case:  # "Erratum: ...", "Correction: ..."
        return Design("editorial / letter", f"editorial, letter or correction ({q(ev.first('editorial', 'title'))})")
    review_title = ev.first("review_title", "title")
    if review_title and not pub_case and not _CASE_AND_REVIEW.search(ev.texts["title"]):
        return Design("review", f"review ({q(review_title)})")
    if patient.kind == "animal" and not pub_case:
        lab, clinical, quote = _lab_vs_clinical(ev, patient)
        if lab >= 1.0 and lab > clinical:
            return Design("laboratory-animal experiment", f"laboratory {_plural(patient)} used as a disease model "
                          f"or experimental subjects ({quote or q(ev.first('lab'))})".replace(" ()", ""))
    pub_case_or_self = pub_case or case.self_described
    if ev.first("editorial") and not pub_case_or_self:
        return Design("editorial / letter", f"editorial or letter ({q(ev.first('editorial'))})")
    if ev.n("survey") >= 2 and not pub_case_or_self:
        # a questionnaire study may open with a vignette ("a 4-year-old Labrador ..."): still a survey
        return Design("survey", f"survey ({q(ev.first('survey'))})")
    study = ev.first("cohort", "title") or ev.first("cohort_word", "title")  # "Epidemiological ... in a population of"
    design_word = next((h for h in ev.hits.get("cohort", ()) if h.kind == "design"), None)
    group = n is not None and n > 1 and design_word  # "in 6 cats" over "were enrolled in the study"
    strong = case.firm or (case.soft if not (inferential or ev.first("trial") or study or group) else ())
    # one animal named in the title and described in the abstract: other animals are references, not cases
    animal_sig = [s for s in ev.signalments if s.subject == "animal"]
    titled_one = case.one_titled or any(s.field == "title" and _A_SIG.match(s.quote) for s in animal_sig)
    stated_one = case.one_stated or any(s.field == "abstract" for s in animal_sig)
    # ... or "The authors describe the last case, which occurred in a 15-year-old ... horse": the record names the
    # one case it describes, whatever population its review or survey counted
    one_dog = (titled_one and (stated_one or bool(animal_sig))) or (bool(ev.first("case_this")) and stated_one)
    if strong and n is not None and n > 1 and inferential and not pub_case and not (titled_one and stated_one):
        # "A Retrospective Case Series" of 20 dogs with Kaplan-Meier survival and 95% CIs: a study; but "a male
        # cat presented with ..." compared with a healthy control cat and 194 sequenced cats is that cat's case
        strong = ()
    if strong and inferential and (design_word or study_words) and not (pub_case or case.self_described or one_dog) \
            and not (design_word and design_word.field == "title") and not case.one_titled:
        # "The objectives of this cross-sectional study ... P-value <0.0001", "the overall seroprevalence ... (95%
        # confidence intervals) ... significantly (p = 0.016) higher": a study, whatever animal it names in passing
        strong = ()
    if strong and ev.first("control") and not (pub_case or case.self_described or titled_one):
        # "22 healthy controls and 7 cats of one family (..., one 2.5-month-old affected kitten, ...)": an animal
        # the abstract names among a study's groups, not a case the record reports
        strong = ()
    if strong and not case.self_described and ev.first("invitro") and (inferential or ev.n("invitro") >= 3):
        # "models CT-derived from a 6-month-old Labrador ... P < .01": the dog is an in vitro template; cells
        # "isolated and cultured", screened and differentiated, then given to a 6-year-old cat: a laboratory method
        strong = ()
    if strong and not (pub_case or case.self_described) and ev.first("survey") and samples_tested(ev)[0] > CASE_SERIES_MAX:
        # "a molecular survey ... A total of 492 oropharyngeal swabs ... was found in a wintering young Eurasian
        # wigeon": the one positive of a screened population is a survey finding, not a case
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
        return Design("trial", f"trial ({q(ev.first('trial')) or 'publication type: ' + str(pub_trial)})")
    if ev.first("survey") and not ev.first("case_series"):  # an owner follow-up questionnaire in a case series
        return Design("survey", f"survey ({q(ev.first('survey'))})")
    if ev.first("invitro") and (patient.kind == "none" or ev.n("invitro") >= 2):
        return Design("in vitro", f"in vitro study ({q(ev.first('invitro'))})")
    pub_review = ev.pub_type({"review", "scoping review"})
    if ev.first("review") and not pub_review and n is not None and 1 < n <= CASE_SERIES_MAX and ev.n("clinical") >= 2 \
            and not inferential:
        # "an overview of the syndrome ... Four cases were evaluated ... all underwent surgery": the clinic's own cases
        return Design("case series", "", (f"{n} animals: {n_quote}",), n)
    if pub_review or ev.first("review"):
        return Design("review", f"review ({q(ev.first('review')) or 'publication type: ' + str(pub_review)})")
    if ev.first("case_series") and not inferential:
        return Design("case series", "", (f"abstract: {q(ev.first('case_series'))}",), n)
    tested, tested_quote = samples_tested(ev) if n is None or 1 < n <= CASE_SERIES_MAX else (0, "")
    if tested > CASE_SERIES_MAX:
        # "Eight of 71 (11%) samples, including three opossums": positives among a sampled population; "33 white-tailed
        # deer origin isolates ... are reported here", no animal counted: a laboratory series, not a case
        return Design("cohort / cross-sectional / retrospective study",
                      f"cohort, cross-sectional or statistical study ({tested} samples: '{tested_quote}')")
    if n is not None and 1 < n <= CASE_SERIES_MAX and not inferential and not study_words:
        # a descriptive series this small stays a case series even if it calls itself "a small cohort"
        return Design("case series", "", (f"{n} animals: {n_quote}",), n)
    # a small series is a study for its study words, so the reason quotes the first of them
    small = n is not None and 1 < n <= CASE_SERIES_MAX and not inferential
    cohort = next(iter(study_words), None) if small else ev.first("cohort")
    cohort = cohort or inferential or ev.first("cohort_word")
    pub_cohort = ev.pub_type(_COHORT_TYPES)
    if cohort or pub_cohort or (n is not None and n > CASE_SERIES_MAX):
        what = q(cohort) or (f"publication type: {pub_cohort}" if pub_cohort else f"{n} animals: {n_quote}")
        return Design("cohort / cross-sectional / retrospective study", f"cohort, cross-sectional or statistical "
                      f"study ({what})")
    weak = ev.first("we_report") or next((h for h in ev.hits.get("case_self", ()) if h not in case.not_a_patient), None)
    if weak and weak.cue == "we_report" and _DESCRIBES_LAB.match(ev.texts[weak.field], weak.end):
        weak = None  # "we describe the isolation and whole-genome sequence of a CAdV-1 isolate from ... a wolf"
    if weak and (patient.kind != "animal" or ev.first("clinical")):
        return Design("case report", "", (f"{weak.field}: {q(weak)}",), n)
    return Design("other", "no case description found")


def _plural(patient: Patient) -> str:
    if not patient.species:
        return "animals"
    return plural(patient.species[0])
