"""The clinical lexicon: owners' words, clinical terms, context cues and the generated data files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from petcasefinder.lexicon.clinical import ClinicalLexicon, norm_phrase, norm_token
from petcasefinder.settings import DATA_DIR, REPO_DIR

OWNER_WORDS = {
    "throwing up": "vomiting", "being sick": "vomiting", "off his food": "inappetence", "not eating": "anorexia",
    "bloated": "abdominal distension", "wobbly": "ataxia", "scooting": "scooting",
    "peeing outside the box": "inappropriate urination", "egg bound": "egg binding", "fluffed up": "fluffed-up posture",
    "drinking a lot": "polydipsia", "peeing a lot": "polyuria", "losing weight": "weight loss",
    "eats all the time": "polyphagia", "yowls at night": "excessive vocalization", "limping": "lameness",
    "itchy": "pruritus", "scratching": "pruritus", "hair loss": "alopecia", "bald patches": "alopecia",
    "diarrhoea": "diarrhea", "diarrhea": "diarrhea", "runny poo": "diarrhea", "blood in pee": "hematuria",
    "straining to pee": "stranguria", "coughing": "cough", "breathing fast": "tachypnea", "collapsed": "collapse",
    "fits": "seizures", "seizures": "seizures", "lethargic": "lethargy", "tired": "lethargy", "sleepy": "lethargy",
    "lumps": "subcutaneous nodules", "swollen belly": "abdominal distension", "yellow gums": "jaundice",
    "yellow eyes": "jaundice", "pale gums": "pale mucous membranes", "head tilt": "head tilt", "circling": "circling",
    "drooling": "ptyalism", "bad breath": "halitosis", "sneezing": "sneezing", "runny eyes": "ocular discharge",
    "peeing all the time": "polyuria", "drinking all the time": "polydipsia", "always drinking": "polydipsia",
    "gums are yellow": "jaundice", "turned yellow": "jaundice",
}


@pytest.fixture(scope="module")
def lex() -> ClinicalLexicon:
    return ClinicalLexicon.load()


@pytest.mark.parametrize(("said", "term"), sorted(OWNER_WORDS.items()))
def test_owner_words_find_the_clinical_sign(lex: ClinicalLexicon, said: str, term: str) -> None:
    found = lex.find_signs(f"my dog has been {said} since Monday")
    assert [(m.term, m.said, m.negated, m.hedged) for m in found] == [(term, said, False, False)]


def test_lay_words_come_first_for_display(lex: ClinicalLexicon) -> None:
    assert lex.lay_for("polyuria") == "peeing a lot"
    assert lex.lay_for("polydipsia") == "drinking a lot"
    assert lex.lay_for("hyperadrenocorticism") == "Cushing's disease, an overactive adrenal gland"
    assert lex.lay_for("prednisolone") == "a steroid (prednisolone)"
    assert lex.lay_for("gastropexy") == "surgery to untwist and fix the stomach (gastropexy)"
    assert lex.lay_for("no such thing") == "no such thing"


def test_synonyms_expand_both_ways(lex: ClinicalLexicon) -> None:
    syn = lex.synonyms("polyuria")
    assert "peeing a lot" in syn and "increased urination" in syn and "polyuria" not in syn
    assert "polyuria" in [s.lower() for s in lex.synonyms("peeing a lot")] or lex.concept("peeing a lot").term == "polyuria"
    assert "cushing's disease" in lex.synonyms("hyperadrenocorticism")
    assert lex.synonyms("unknown words here") == []


def test_terms_cover_every_kind(lex: ClinicalLexicon) -> None:
    terms = set(lex.terms())
    assert {"vomiting", "hyperadrenocorticism", "prednisolone", "gastropexy", "hydrolyzed diet"} <= terms
    assert "ultrasonography" not in terms  # a diagnostic test is never a treatment term
    assert set(lex.terms("sign")) <= terms and "vomiting" in lex.terms("sign")


@pytest.mark.parametrize(("text", "term", "negated", "hedged"), [
    ("The dog had no vomiting.", "vomiting", True, False),
    ("The owner denied coughing.", "cough", True, False),
    ("There was an absence of diarrhea.", "diarrhea", True, False),
    ("A puppy without jaundice.", "jaundice", True, False),
    ("She isn't eating and has been vomiting.", "vomiting", False, False),
    ("There was no vomiting, diarrhea, or coughing.", "cough", True, False),
    ("No diarrhoea, drinking a lot and peeing a lot.", "polyuria", False, False),
    ("Hyperadrenocorticism was suspected.", "hyperadrenocorticism", False, True),
    ("A presumptive diagnosis of FIP was made.", "feline infectious peritonitis", False, True),
    ("Findings were consistent with lymphoma.", "lymphoma", False, True),
    ("Possible pancreatitis was considered.", "pancreatitis", False, True),
    ("A renal lesion mimicking neoplasia.", "neoplasia", True, False),
    ("Hypoadrenocorticism-like electrolyte derangements.", "hypoadrenocorticism", True, False),
])
def test_negation_hedges_and_look_alikes(lex: ClinicalLexicon, text: str, term: str, negated: bool,
                                          hedged: bool) -> None:
    found = {m.term: m for m in lex.mentions(text)}
    assert found[term].cue.negated is negated and found[term].cue.hedged is hedged


def test_not_eating_is_a_sign_not_a_negation(lex: ClinicalLexicon) -> None:
    (m,) = lex.find_signs("my cat is not eating")
    assert (m.term, m.said, m.negated) == ("anorexia", "is not eating", False)


def test_diagnostic_tests_are_never_treatments(lex: ClinicalLexicon) -> None:
    text = ("Abdominal ultrasonography, computed tomography, MRI, biopsy, histopathology, cytology, PCR, an ACTH "
            "stimulation test and bloodwork were performed before a gastropexy and treatment with meloxicam.")
    assert [(t.name, t.kind) for t in lex.find_treatments(text)] == [("gastropexy", "surgery"), ("meloxicam", "drug")]


def test_treatments_carry_kind_and_lay_class(lex: ClinicalLexicon) -> None:
    found = {t.name: t for t in lex.find_treatments(
        "Treated with prednisolone, enrofloxacin, maropitant, a hydrolysed diet, intravenous fluids and "
        "a nephroureterectomy.")}
    assert found["prednisolone"].lay == "a steroid (prednisolone)"
    assert found["enrofloxacin"].lay == "an antibiotic (enrofloxacin)"
    assert found["maropitant"].lay == "an anti-nausea medicine (maropitant)"
    assert found["hydrolyzed diet"].kind == "diet"
    assert found["fluid therapy"].kind == "supportive"
    assert found["nephroureterectomy"].kind == "surgery"


def test_abbreviations_and_spellings(lex: ClinicalLexicon) -> None:
    text = "Calcium oxalate (CaOx) urolithiasis recurred; CaOx stones were removed. Phaeochromocytoma and anaemia."
    terms = [m.term for m in lex.mentions(text) if m.kind == "diagnosis"]
    assert terms.count("calcium oxalate urolithiasis") == 2
    assert "pheochromocytoma" in terms and "anemia" in terms
    assert norm_token("Tumours") == norm_token("tumor") and norm_phrase("haemorrhage") == norm_phrase("hemorrhage")


def test_phrases_do_not_cross_sentences(lex: ClinicalLexicon) -> None:
    assert "weight loss" not in [m.term for m in lex.mentions("It gained weight. Loss of appetite followed.")]


def test_every_mention_is_a_span_of_the_text(lex: ClinicalLexicon) -> None:
    text = "A 9-year-old cat presented for polyuria, polydipsia and weight loss; hyperthyroidism was diagnosed."
    for m in lex.mentions(text):
        assert text[m.start : m.end] == m.said


def test_generated_files_are_up_to_date(tmp_path: Path, shared: Path) -> None:
    """One command rebuilds the derived lexicon files, byte for byte."""
    subprocess.run([sys.executable, str(REPO_DIR / "scripts" / "build_clinical_lexicon.py"), "--shared", str(shared),
                    "--out", str(tmp_path)], check=True, capture_output=True)
    for name in ("signs.tsv", "diagnoses.tsv", "drugs.tsv", "procedures.tsv"):
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name
