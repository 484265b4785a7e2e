"""The one lexicon: species and breeds, signs, diagnoses, drugs and procedures.

Loaded once from the TSV files in ``petcasefinder/data`` (see data/PROVENANCE.md);
extraction, classification and search all read this same object, so an owner's
word and a case report's clinical term meet in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .clinical import ClinicalLexicon
from .species import SpeciesLexicon


@dataclass(frozen=True)
class Lexicon:
    species: SpeciesLexicon
    clinical: ClinicalLexicon


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The packaged lexicon, loaded once per process."""
    return Lexicon(species=SpeciesLexicon.load(), clinical=ClinicalLexicon.load())


__all__ = ["ClinicalLexicon", "Lexicon", "SpeciesLexicon", "load"]
