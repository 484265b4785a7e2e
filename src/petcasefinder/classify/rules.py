"""The classifier's data: text cues (data/classify_cues.tsv) and veterinary journals (data/classify_vet_journals.tsv).

Read once at import, so ``classify()`` itself does no I/O.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..settings import DATA_DIR
from .numbers import NUM_WORDS

# Journal words that mark a veterinary title even when the journal is not in the list.
_VET_WORDS = re.compile(
    r"\b(?:vet\w*|tier\w*|feline|equine|canine|avian|zoo|wildl\w*|animal (?:hospital|practice)|theriogenology)\b", re.IGNORECASE
)


# "<two-twelve>" in a cue pattern: the number words of a small series, written once here rather than in every row.
_PLACEHOLDERS = {"<two-twelve>": "|".join(NUM_WORDS[1:12])}


def _expand(pattern: str) -> str:
    for name, text in _PLACEHOLDERS.items():
        pattern = pattern.replace(name, text)
    return pattern


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        for r in csv.DictReader(lines, delimiter="\t"):
            yield {k: (v or "").strip() for k, v in r.items()}


def journal_key(name: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", name.casefold().replace("&", " and ")))


@dataclass(frozen=True)
class Rules:
    cues: dict[str, tuple[tuple[re.Pattern[str], str], ...]]  # cue -> (pattern, kind); "cohort/records" has kind "records"
    vet_journals: frozenset[str]

    def is_vet_journal(self, journal: str | None) -> bool:
        if not journal:
            return False
        key = journal_key(journal.split(":")[0] if len(journal) > 60 else journal)
        return key in self.vet_journals or journal_key(journal) in self.vet_journals or bool(_VET_WORDS.search(journal))


def load(data_dir: Path = DATA_DIR) -> Rules:
    cues: dict[str, list[tuple[re.Pattern[str], str]]] = {}
    for r in _rows(data_dir / "classify_cues.tsv"):
        cue, _, kind = r["cue"].partition("/")
        cues.setdefault(cue, []).append((re.compile(_expand(r["pattern"]), re.IGNORECASE), kind))
    journals: set[str] = set()
    for r in _rows(data_dir / "classify_vet_journals.tsv"):
        journals.update(journal_key(x) for x in (r["journal"], r["abbreviation"]) if x)
    return Rules({k: tuple(v) for k, v in cues.items()}, frozenset(journals))


def combined(rules: Rules) -> dict[str, re.Pattern[str]]:
    """One alternation per cue, so each field is scanned once per cue; row i is group "r<i>", so a match's
    ``lastgroup`` names the row (see ``kind_of``)."""
    return {k: re.compile("|".join(f"(?P<r{i}>{p.pattern})" for i, (p, _) in enumerate(v)), re.IGNORECASE)
            for k, v in rules.cues.items()}


RULES = load()
COMBINED = combined(RULES)


def kind_of(cue: str, m: re.Match[str]) -> str:
    """The kind written after the cue's slash in the data ("records" for "cohort/records"), or ""."""
    return RULES.cues[cue][int((m.lastgroup or "r0")[1:])][1]
