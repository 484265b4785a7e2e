"""Words the pages show for codes the pipeline stores: species, outcomes, treatment kinds.

Species names come from the one lexicon (``lexicon.species``) so the picker offers
exactly the species search understands; the example searches are a data file
(``data/site_examples.json``).
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from ..records import Signalment
from ..settings import DATA_DIR

OUTCOMES: dict[str, str] = {
    "recovered": "Recovered",
    "improved": "Improved",
    "stable": "Stable",
    "relapsed": "Relapsed",
    "died": "Died",
    "euthanised": "Put to sleep (euthanised)",
    "unknown": "Not stated",
}

KINDS: dict[str, str] = {
    "drug": "Medicine",
    "surgery": "Surgery",
    "procedure": "Procedure",
    "diet": "Diet",
    "supportive": "Supportive care",
}

ARTICLE_TYPES: dict[str, str] = {
    "case report": "a case report",
    "case series": "a case series",
}

EVIDENCE_LABELS: dict[str, str] = {
    "signalment": "the animal",
    "sign": "signs",
    "diagnosis": "diagnosis",
    "treatment": "treatments",
    "outcome": "outcome",
}
EVIDENCE_ORDER = list(EVIDENCE_LABELS)


GROUPS: dict[str, str] = {
    "companion": "Pets",
    "small mammal": "Small pets",
    "bird": "Birds",
    "reptile": "Reptiles",
    "amphibian": "Amphibians",
    "fish": "Fish",
    "invertebrate": "Shellfish and other invertebrates",
    "equine": "Horses and donkeys",
    "livestock": "Farm animals",
    "poultry": "Poultry",
    "primate": "Primates",
    "wild": "Wild and zoo animals",
}


@lru_cache(maxsize=1)
def _species() -> tuple[tuple[str, str, str], ...]:
    """(canonical name, everyday label, group) for every species the lexicon knows, in its order."""
    from ..lexicon import load

    lex = load().species
    return tuple((name, lex.display(name), lex.group(name)) for name in lex.names())


def species_label(name: str | None) -> str:
    if not name:
        return ""
    for value, label, _ in _species():
        if value == name:
            return label
    return name[:1].upper() + name[1:]


@lru_cache(maxsize=1)
def species_groups() -> tuple[dict[str, Any], ...]:
    """The picker: species grouped the way owners think (pets first), labels in everyday words."""
    groups: dict[str, list[dict[str, str]]] = {}
    for value, label, group in _species():
        groups.setdefault(group if group in GROUPS else "wild", []).append({"value": value, "label": label})
    return tuple({"label": GROUPS[g], "options": groups[g]} for g in GROUPS if g in groups)


def outcome_label(status: str) -> dict[str, str]:
    return {"status": status if status in OUTCOMES else "unknown", "label": OUTCOMES.get(status, OUTCOMES["unknown"])}


def treatment_kind_label(kind: str) -> str:
    return KINDS.get(kind, kind.capitalize())


def article_type_label(kind: str) -> str:
    return ARTICLE_TYPES.get(kind, kind.replace("_", " "))


def outcome_chart(statuses: list[str]) -> list[dict[str, Any]]:
    """One row per outcome present, in a fixed order; widths snap to 5% steps (CSS classes, no inline style)."""
    counts = Counter(s if s in OUTCOMES else "unknown" for s in statuses)
    total = len(statuses)
    rows = []
    for status, label in OUTCOMES.items():
        n = counts.get(status, 0)
        if n:
            rows.append({"status": status, "label": label, "count": n, "total": total,
                         "width": int(round(100 * n / total / 5) * 5)})
    return rows


def signalment_rows(s: Signalment) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    if s.species:
        rows.append(("Animal", species_label(s.species)))
    if s.breed:
        rows.append(("Breed", s.breed))
    if s.age:
        rows.append(("Age", s.age))
    if s.sex:
        neuter = {True: ", neutered", False: ", not neutered"}.get(s.neutered, "") if s.neutered is not None else ""
        rows.append(("Sex", s.sex + neuter))
    if s.animals and s.animals > 1:
        rows.append(("Animals", str(s.animals)))
    return rows


@lru_cache(maxsize=1)
def _examples() -> tuple[dict[str, str], ...]:
    data = json.loads((DATA_DIR / "site_examples.json").read_text(encoding="utf-8"))
    return tuple({"q": str(x["q"]), "species": str(x.get("species") or "")} for x in data["examples"])


def examples() -> list[dict[str, str]]:
    """Example searches for the home page and the page benchmark."""
    out = []
    for ex in _examples():
        params = {"q": ex["q"]} | ({"species": ex["species"]} if ex["species"] else {})
        out.append(ex | {"href": "/search?" + urlencode(params), "species_label": species_label(ex["species"])})
    return out


def flatten_figures(data: Any, prefix: str = "") -> list[dict[str, Any]]:
    """``eval/expected.json`` as (part, measure, value) rows, whatever its nesting."""
    rows: list[dict[str, Any]] = []
    if not isinstance(data, dict):
        return rows
    for key, value in data.items():
        if isinstance(value, dict):
            rows.extend(flatten_figures(value, f"{prefix} › {key}" if prefix else str(key)))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            rows.append({"part": prefix or "overall", "measure": str(key),
                         "value": f"{value:.3f}" if isinstance(value, float) else str(value)})
    return rows
