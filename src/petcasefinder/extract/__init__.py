"""Extraction: what happened in each veterinary case report, every item tied to its sentence.

``extract(article, classification, lexicon) -> Findings`` is pure (no I/O): signalment (species, breed,
age, sex, neuter status, number of animals), presenting signs, final diagnoses (suspected ones marked),
treatments (drugs with a lay class, surgery, procedures, diet, supportive care; never a diagnostic test)
and the outcome with follow-up.  Every evidence string is a sentence of the record's title or abstract.
Bump ``VERSION`` whenever the rules or the lexicon change, so stored findings are recomputed.
"""

from __future__ import annotations

from ..lexicon import Lexicon
from ..records import Article, Classification, Findings
from .findings import diagnoses, locate, signs, treatments
from .outcome import outcome
from .signalment import signalment
from .text import Sentence, sentences

VERSION = "extract-1"


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
