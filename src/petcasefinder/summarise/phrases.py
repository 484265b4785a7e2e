"""The summary's wording, loaded once from ``data/summary_phrases.json``.

Wording is data so it can be edited (and translated) without touching the
logic; the same file gives the support checker the only words it accepts
outside the named findings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..settings import DATA_DIR

PHRASES_FILE = DATA_DIR / "summary_phrases.json"
_WORD = re.compile(r"[a-z']+")


@dataclass(frozen=True)
class Noun:
    one: str
    many: str
    a: str


@dataclass(frozen=True)
class Phrases:
    max_cases: int
    nouns: dict[str, Noun]
    generic: Noun
    group: Noun
    kind_order: tuple[str, ...]
    verbs: dict[str, dict[str, str]]
    outcome_order: tuple[str, ...]
    outcomes: dict[str, dict[str, Any]]
    templates: dict[str, str]
    caveats: dict[str, Any]

    def noun(self, species: str | None) -> Noun:
        """The words for one species ("animal" when unknown or mixed); regular English plural when not listed."""
        if species is None:
            return self.generic
        if species in self.nouns:
            return self.nouns[species]
        many = species if species.endswith("s") else species + ("es" if species.endswith(("x", "ch", "sh")) else "s")
        return Noun(species, many, f"{'an' if species[:1] in 'aeiou' else 'a'} {species}")

    def verb(self, kind: str, k: int, *, also: bool = False) -> str:
        """The verb for ``k`` cases (or animals) of a treatment kind, or its "also" form."""
        forms = self.verbs.get(kind) or self.verbs["supportive"]
        if also:
            return forms.get("also_many", forms["also"]) if k > 1 else forms["also"]
        return forms["one" if k == 1 else "many"]

    def outcome(self, status: str, k: int) -> str:
        return str(self.outcomes[status]["one" if k == 1 else "many"])

    def markers(self) -> dict[str, str]:
        """Each outcome marker (lower case) -> the status it names."""
        return {m.lower(): s for s, d in self.outcomes.items() for m in d["markers"]}

    def species_words(self, also: Iterable[str] = ()) -> dict[str, str]:
        """Each species noun the templates can use (lower case) -> its species, for the listed species and ``also``."""
        out: dict[str, str] = {}
        for species in (*self.nouns, *also):
            n = self.noun(species)
            for w in (n.one, n.many):
                out.setdefault(w.lower(), species)
        return out

    def vocabulary(self) -> frozenset[str]:
        """Every word the templates themselves can produce (placeholders excluded)."""
        texts: list[str] = list(self.templates.values())
        texts += [v for forms in self.verbs.values() for v in forms.values()]
        texts += [str(d[f]) for d in self.outcomes.values() for f in ("one", "many")]
        texts += [m for d in self.outcomes.values() for m in d["markers"]]
        for n in (self.generic, self.group):
            texts += [n.one, n.many, n.a]
        words: set[str] = set()
        for t in texts:
            words.update(_WORD.findall(re.sub(r"\{[a-z_]+\}", " ", t.lower())))
        return frozenset(words)


@lru_cache(maxsize=1)
def load() -> Phrases:
    d = json.loads(PHRASES_FILE.read_text(encoding="utf-8"))

    def noun(x: dict[str, str]) -> Noun:
        return Noun(x["one"], x["many"], x["a"])

    return Phrases(
        max_cases=int(d["max_cases"]),
        nouns={k: noun(v) for k, v in d["nouns"].items()},
        generic=noun(d["generic_noun"]),
        group=noun(d["group_noun"]),
        kind_order=tuple(d["kind_order"]),
        verbs=d["treatment_verbs"],
        outcome_order=tuple(d["outcome_order"]),
        outcomes=d["outcomes"],
        templates=d["templates"],
        caveats=d["caveats"],
    )
