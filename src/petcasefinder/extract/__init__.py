"""Extraction: what happened in each veterinary case report, every item tied to its sentence.

``extract(article, classification, lexicon) -> Findings`` is pure (no I/O): signalment (species, breed,
age, sex, neuter status, number of animals), presenting signs, final diagnoses (suspected ones marked),
treatments (drugs with a lay class, surgery, procedures, diet, supportive care; never a diagnostic test)
and the outcome with follow-up.  Every evidence string is a sentence of the record's title or abstract.
``VERSION`` carries a digest of the clinical lexicon and cue files, so stored findings are recomputed when
the data change; bump the rule number when the code changes.
"""

from __future__ import annotations

import hashlib

from ..lexicon import Lexicon
from ..records import Article, Classification, Findings
from ..settings import DATA_DIR
from .findings import diagnoses, locate, signs, treatments
from .outcome import outcome
from .signalment import signalment
from .text import Sentence, sentences

RULES = "extract-1"
_DATA = ("signs.tsv", "diagnoses.tsv", "drugs.tsv", "procedures.tsv", "procedures_rules.tsv", "clinical_cues.tsv",
         "extract_cues.tsv")


def _data_digest() -> str:
    h = hashlib.sha256()
    for name in _DATA:
        h.update((DATA_DIR / name).read_bytes())
    return h.hexdigest()[:8]


VERSION: str = f"{RULES}.{_data_digest()}"


def extract(article: Article, classification: Classification, lexicon: Lexicon) -> Findings:
    sents = sentences(article)
    found = locate(sents, lexicon)
    sig = signalment(sents, classification, lexicon)
    return Findings(
        signalment=sig,
        signs=tuple(signs(found)),
        diagnosis=tuple(diagnoses(found)),
        treatments=tuple(treatments(found)),
        outcome=outcome(sents, sig.animals),
    )


__all__ = ["VERSION", "Sentence", "extract", "sentences"]
