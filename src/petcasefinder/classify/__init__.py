"""Is a record a veterinary case report? Of which species? And why (issue 4).

``classify(article, lexicon) -> Classification`` is pure: record in, verdict out, no I/O (its data files are
read once at import).  A record passes the gate only when both hold:

* **the patient is an animal**: decided by weighing the signalment ("a 9-year-old spayed female Labrador
  retriever" vs "a 44-year-old male farmer"), the title, MeSH check tags (Animals/Humans), species and
  "... Diseases" descriptors, and how often each side is named; a veterinary journal is only a weak prior, so
  a human case report is rejected even in a veterinary journal or about a zoonosis;
* **the design is a case report or a small descriptive case series**: publication types decide when present,
  else the wording.  Rejected designs: systematic review / meta-analysis, guideline / protocol, editorial /
  letter, trial, survey, in vitro, laboratory-animal experiment (disease models, strains, sham groups, healthy
  research animals), review, cohort / cross-sectional / retrospective statistical study.

**Case-series threshold.** A record passes as a case series when it describes one animal, household, herd or
kennel (it calls itself a case report); or calls itself a case series (any size, e.g. 35 dogs) and reports no
control group and no inferential statistics; or is a descriptive series of at most ``CASE_SERIES_MAX`` = 12
animals with no control group, no inferential statistics (P values, confidence intervals, odds ratios,
regression) and no cohort-design wording (prospective enrolment, cross-sectional, case-control, prevalence,
risk factors) -- calling itself "a small cohort" does not count.  Larger series that do not call themselves a
case series are cohort / retrospective studies.  Design words in sentences about future work ("larger
prospective studies are warranted") are ignored.

**Learned wording check.** When the rules accept a record that carries no MEDLINE "Case Reports" type, a
logistic regression over its words (``wording.py``, trained on blind-labelled real records) may veto it: below
its threshold the record reads like a surveillance, food or laboratory study and is rejected with the words that
weighed most against it.  It never turns a rejection into a case.

Laboratory animals used as disease models are not veterinary case reports; a clinical case in a zoo animal,
wildlife or livestock is.  Every reason quotes an exact substring of the record.
"""

from __future__ import annotations

import math

from ..lexicon import Lexicon
from ..records import Article, Classification
from .count import CASE_SERIES_MAX
from .design import Design
from .design import decide as decide_design
from .evidence import Evidence, gather
from .patient import Patient
from .patient import decide as decide_patient
from .wording import MODEL as WORDING

VERSION = "classify-69"

__all__ = ["CASE_SERIES_MAX", "VERSION", "WORDING", "classify", "explain"]


def classify(article: Article, lexicon: Lexicon) -> Classification:
    """Classify one record (see the module docstring for the rules)."""
    lex = lexicon.species
    ev = gather(article, lex)
    patient = decide_patient(ev, lex)
    design = decide_design(ev, patient)
    return _verdict(ev, patient, design)


def explain(article: Article, lexicon: Lexicon) -> tuple[Evidence, Patient, Design]:
    """The intermediate evidence and decisions, for debugging and the evaluation command."""
    ev = gather(article, lexicon.species)
    patient = decide_patient(ev, lexicon.species)
    return ev, patient, decide_design(ev, patient)


def _metadata_reasons(ev: Evidence) -> list[str]:
    out = [f"publication type: {p}" for p in ev.article.pub_types if p.strip()][:3]
    out += [f"MeSH: {d}" for d, _, role in ev.mesh if role in ("species", "disease", "human", "lab")][:3]
    return out


def _wording_veto(ev: Evidence) -> str:
    """Why the learned wording check vetoes a case verdict; "" when it agrees, stays silent or is not installed.
    A MEDLINE "Case Reports" publication type is the indexers' word and is never overruled."""
    if WORDING is None or ev.pub_type({"case reports"}):
        return ""
    judged = WORDING.judge(f"{ev.article.title} {ev.article.abstract}")
    if judged is None or judged[0] >= WORDING.threshold:
        return ""
    p, against = judged
    words = ", ".join(f"'{w}'" for w in against)
    return (f"worded like a study, not a case (learned wording check {p:.2f} < {WORDING.threshold:.2f}"
            + (f"; words against: {words})" if words else ")"))


def _verdict(ev: Evidence, patient: Patient, design: Design) -> Classification:
    is_case = design.article_type in ("case report", "case series")
    vcr = is_case and patient.kind == "animal" and bool(patient.species)
    veto = _wording_veto(ev) if vcr else ""
    if veto:
        vcr, is_case, design = False, False, Design("other", veto)
    reasons: list[str] = []
    if vcr:
        reasons += [r for r in _metadata_reasons(ev) if not r.startswith("MeSH: Humans")]
        reasons += [r for r in design.case_evidence if r not in reasons]
        if patient.evidence and patient.evidence not in reasons:
            reasons.append(patient.evidence)
        reasons.append("species: " + ", ".join(patient.species))
        if ev.vet_journal and ev.article.journal:
            reasons.append(f"journal: veterinary ({ev.article.journal})")
        strength = 0.6 * len(design.case_evidence) + 0.4 * min(patient.animal_score - patient.human_score, 6.0) / 2
    else:
        if patient.kind == "human":
            quote = patient.evidence
            shown = quote if quote.startswith("MeSH") else f"'{quote}'"
            reasons.append(f"rejected: human patients ({shown})" if quote else "rejected: human patients")
        elif patient.kind == "none":
            reasons.append("rejected: no animal patient named")
        elif patient.kind == "animal" and not patient.species:
            reasons.append("rejected: the animal species could not be determined")
        if not is_case and design.why:
            reasons.append(f"rejected: {design.why}")
        elif is_case and patient.kind != "animal":
            who = "human" if patient.kind == "human" else "non-animal"
            reasons.append(f"case series of {who} patients" if design.article_type == "case series"
                           else f"{design.article_type} of a {who} patient")
        reasons += _metadata_reasons(ev)
        strength = (patient.human_score - patient.animal_score) / 2 if patient.kind != "animal" else 0.0
        strength = max(strength, 0.0) + (1.5 if not is_case else 0.5)
        if veto:  # the rules said case, the wording said study: a close call either way
            strength = 0.3
    confidence = 0.5 + 0.49 * math.tanh(max(strength, 0.1))
    return Classification(
        is_veterinary_case_report=vcr,
        article_type=design.article_type,
        patient=patient.kind,
        species=patient.species if patient.kind == "animal" else (),
        confidence=confidence,
        reasons=tuple(dict.fromkeys(reasons)),
    )

