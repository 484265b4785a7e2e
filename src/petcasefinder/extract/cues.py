"""The cue patterns extraction reads from ``data/extract_cues.tsv`` (compiled once)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon.clinical import read_table
from ..settings import DATA_DIR


class Cues:
    """Named, compiled cue patterns: ``cues.rx("treatment_context").search(sentence)``."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self._raw = table
        self._rx = {k: re.compile("|".join(f"(?:{p})" for p in v), re.IGNORECASE) for k, v in table.items()}

    def rx(self, name: str) -> re.Pattern[str]:
        return self._rx[name]

    def words(self, name: str) -> list[str]:
        """The alternatives of a '|'-separated word list (section labels, animal nouns)."""
        return [w for p in self._raw[name] for w in p.split("|") if w]


@lru_cache(maxsize=1)
def cues() -> Cues:
    table: dict[str, list[str]] = {}
    for kind, pattern in read_table(DATA_DIR / "extract_cues.tsv"):
        table.setdefault(kind, []).append(pattern)
    return Cues(table)
