"""What a lexicon lookup returns: a span of the text and the concept it names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SpeciesMention:
    start: int
    end: int
    said: str            # the words as written ("Labrador retriever", "kitty", "bitch")
    species: str         # normalised species name ("dog", "cat", "bearded dragon", ...)
    breed: str | None = None
    kind: str = "species"  # species | lay | breed | latin


@dataclass(frozen=True)
class ConceptMention:
    start: int
    end: int
    said: str            # the words as written ("throwing up")
    term: str            # clinical term ("vomiting")
    lay: str             # lay phrase shown to owners ("throwing up")
    negated: bool = False  # "no vomiting", "not eating" handled by the caller's context
    hedged: bool = False   # "suspected", "presumptive", "possible"


@dataclass(frozen=True)
class TreatmentMention:
    start: int
    end: int
    said: str
    name: str            # normalised name ("prednisolone", "gastropexy")
    kind: str            # drug | surgery | procedure | diet | supportive
    lay: str             # "a steroid (prednisolone)"
