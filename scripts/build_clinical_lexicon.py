#!/usr/bin/env python3
"""Regenerate the derived clinical lexicon files from the hand-written lists and the shared vocabularies.

    python scripts/build_clinical_lexicon.py [--shared ../shared/data] [--out DIR]

Reads  src/petcasefinder/data/{signs,diagnoses,drugs,procedures}_curated.tsv and drug_classes.tsv (hand-written),
       <shared>/mesh-2021/mesh_descriptors.jsonl.gz (MeSH 2021: C diseases, E01/E05 diagnostics, E02/E04 therapy),
       <shared>/hpo-lay-synonyms/hpo_terms_with_synonyms.jsonl (HPO 2025-01-16 layperson and exact synonyms),
       <shared>/drug-names/drug_dictionary.jsonl (drug names; DrugBank/MeSH/MedlinePlus ids).
Writes src/petcasefinder/data/{signs,diagnoses,drugs,procedures}.tsv: one concept per row with its normalised match
phrases and display synonyms.  A phrase belongs to the first concept that claims it, in this order: hand-written
signs, diagnoses, procedures/tests, drugs, drug classes; then MeSH tests, MeSH diseases, MeSH therapy, dictionary drugs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from petcasefinder.lexicon.clinical import NORM_VERSION, norm_phrase, read_table
from petcasefinder.settings import find_shared_data

DATA = ROOT / "src" / "petcasefinder" / "data"
COLS = "category\tterm\tlay\tkind\tclass\tflags\trelated\tphrases\tsynonyms"
MESH_THERAPY = {  # MeSH E02 subtrees counted as treatments, with the kind they give
    "E02.095": "procedure", "E02.120": "procedure", "E02.258": "procedure", "E02.331": "procedure",
    "E02.421": "supportive", "E02.565": "procedure", "E02.594": "procedure", "E02.600": "procedure",
    "E02.642": "diet", "E02.779": "supportive", "E02.815": "procedure", "E02.870": "procedure",
    "E02.880": "supportive", "E02.912": "procedure", "E02.926": "procedure", "E02.041": "supportive",
}
E04_SKIP = ("E04.074", "E04.604", "E04.614", "E04.510", "E04.085", "E04.079", "E04.249", "E04.030", "E04.749")


def uninvert(name: str) -> str | None:
    """MeSH 'Carcinoma, Renal Cell' -> 'renal cell carcinoma'; None for forms we cannot read back."""
    if any(c in name for c in "()[]"):
        return None
    parts = [p.strip() for p in name.split(",")]
    if len(parts) > 2:
        return None
    return (f"{parts[1]} {parts[0]}" if len(parts) == 2 else parts[0]).lower()


def split(s: str) -> list[str]:
    return [x.strip() for x in s.split("|") if x.strip()]


class Builder:
    def __init__(self) -> None:
        self.rows: dict[str, list[dict[str, object]]] = {"sign": [], "diagnosis": [], "drug": [], "procedure": []}
        self.claimed: dict[str, str] = {}
        self.conflicts: list[str] = []

    def add(self, category: str, term: str, lay: str, kind: str, phrases: list[str], synonyms: list[str], *,
            klass: str = "", flags: str = "", related: list[str] | None = None, curated: bool = True) -> bool:
        keep: list[str] = []
        for p in phrases:
            n = norm_phrase(p)
            if not n or (len(n) < 3 and not curated):
                continue
            owner = self.claimed.get(n)
            if owner is None:
                self.claimed[n] = term
                keep.append(n)
            elif owner != term and curated:
                self.conflicts.append(f"{p!r}: {owner} / {term}")
        if not keep and not curated:
            return False
        seen: set[str] = set()
        syn = []
        for s in [term, *synonyms]:
            k = norm_phrase(s)
            if k and k not in seen:
                seen.add(k)
                syn.append(s)
        self.rows[category].append({
            "category": category, "term": term, "lay": lay or term, "kind": kind, "class": klass, "flags": flags,
            "related": "|".join(related or []), "phrases": "|".join(dict.fromkeys(keep)), "synonyms": "|".join(syn)})
        return True

    def write(self, out_dir: Path) -> dict[str, int]:
        counts = {}
        for category, fname in (("sign", "signs.tsv"), ("diagnosis", "diagnoses.tsv"), ("drug", "drugs.tsv"),
                                ("procedure", "procedures.tsv")):
            rows = self.rows[category]
            with (out_dir / fname).open("w", encoding="utf-8") as f:
                f.write(f"# derived by scripts/build_clinical_lexicon.py (do not edit); norm_version={NORM_VERSION}; "
                        "sources: data/PROVENANCE.md\n" + COLS + "\n")
                for r in rows:
                    f.write("\t".join(str(r[c]).replace("\t", " ") for c in COLS.split("\t")) + "\n")
            counts[fname] = len(rows)
        return counts


def load_mesh(shared: Path) -> dict[str, dict[str, object]]:
    with gzip.open(shared / "mesh-2021" / "mesh_descriptors.jsonl.gz", "rt", encoding="utf-8") as f:
        return {d["ui"]: d for d in map(json.loads, f)}


def mesh_phrases(d: dict[str, object], exclude: set[str]) -> list[str]:
    """The heading and entry terms in natural order; short one-word entry terms are left out, because MeSH
    stores acronyms lower-cased ("saids" would match "said", "hard" is an acronym too)."""
    out = []
    for i, s in enumerate([str(d["name"]), *list(d["entry_terms_lower"])]):  # type: ignore[call-overload]
        u = uninvert(s)
        if not u or norm_phrase(u) in exclude or (i and " " not in u.strip() and len(u) <= 5):
            continue
        out.append(u)
    return out


def checked_uis(uis: list[str], names: list[str], mesh: dict[str, dict[str, object]], by_name: dict[str, str],
                term: str, auto: bool = True) -> list[str]:
    """MeSH ids given by hand, kept only when the descriptor really carries one of the names; else (when
    ``auto``) the descriptor whose main heading is one of the names."""
    wanted = list(dict.fromkeys(norm_phrase(n) for n in names))
    ok = [ui for ui in uis if ui in mesh and set(wanted) & {norm_phrase(u) for u in mesh_phrases(mesh[ui], set())}]
    for ui in [u for u in uis if u not in ok]:
        print(f"warning: {ui} does not name {term!r}; matching by name instead", file=sys.stderr)
    return ok if ok or not auto else [u for u in (by_name.get(n) for n in wanted) if u][:1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=None, help="the shared data folder (default: ../shared/data)")
    ap.add_argument("--out", type=Path, default=DATA, help="where to write the derived files (default: the package)")
    args = ap.parse_args()
    shared = args.shared or find_shared_data()
    if shared is None:
        print("shared data folder not found (use --shared)", file=sys.stderr)
        return 1
    drug_stop = {r[0] for r in read_table(DATA / "drugs_stoplist.tsv")}
    mesh = load_mesh(shared)
    by_name: dict[str, str] = {}
    for ui, d in mesh.items():
        u = uninvert(str(d["name"]))
        if u:
            by_name.setdefault(norm_phrase(u), ui)
    hpo = {d["hpo_id"]: d for d in map(json.loads, (shared / "hpo-lay-synonyms" / "hpo_terms_with_synonyms.jsonl")
                                        .open(encoding="utf-8"))}
    hpo_lay = {norm_phrase(d["name"]): d["layperson_synonyms"][0] for d in hpo.values()
               if d["layperson_synonyms"] and d["layperson_synonyms"][0].lower() != d["name"].lower()}
    b = Builder()
    linked: set[str] = set()

    # 1. signs (hand-written), enriched with MeSH entry terms and HPO synonyms
    for term, lay, syn, layp, mesh_ui, hpo_ids, related, exclude in read_table(DATA / "signs_curated.tsv"):
        excl = {norm_phrase(x) for x in split(exclude)}
        extra: list[str] = []
        for ui in checked_uis(split(mesh_ui), [term, *split(syn)], mesh, by_name, term, auto=False):
            linked.add(ui)
            extra += mesh_phrases(mesh[ui], excl)
        hpo_lay_syn: list[str] = []
        for hid in split(hpo_ids):
            h = hpo[hid]
            for s in [h["name"], *h["exact_synonyms"], *h["layperson_synonyms"]]:
                if len(s.split()) <= 5 and "," not in s and norm_phrase(s) not in excl:
                    extra.append(s)
            hpo_lay_syn += [s for s in h["layperson_synonyms"] if len(s.split()) <= 5 and norm_phrase(s) not in excl]
        b.add("sign", term, lay, "sign", [term, *split(syn), *split(layp), *extra],
              [*split(syn), *split(layp), *hpo_lay_syn], related=split(related))

    # 2. diagnoses (hand-written), linked to MeSH by id or by name
    for term, lay, syn, layp, mesh_ui, related, flags, exclude in read_table(DATA / "diagnoses_curated.tsv"):
        excl = {norm_phrase(x) for x in split(exclude)}
        uis = checked_uis(split(mesh_ui), [term, *split(syn)], mesh, by_name, term)
        extra = []
        for ui in uis:
            linked.add(ui)
            extra += mesh_phrases(mesh[ui], excl)
        b.add("diagnosis", term, lay, "diagnosis", [term, *split(syn), *split(layp), *extra],
              [*split(syn), *split(layp)], flags=flags, related=split(related))

    # 3. procedures, diets, supportive care, diagnostic tests and never-a-finding phrases (hand-written)
    for name, kind, lay, syn, flags in read_table(DATA / "procedures_curated.tsv"):
        phrases = split(syn) if lay == "-" else [name, *split(syn)]
        b.add("procedure", name, lay, kind, phrases, split(syn)[:12], flags=flags)

    # 4. drugs (hand-written) and drug classes
    classes = {r[0]: r for r in read_table(DATA / "drug_classes.tsv")}
    for name, klass, syn, lay in read_table(DATA / "drugs_curated.tsv"):
        b.add("drug", name, lay or f"{classes[klass][1]} ({name})", "drug", [name, *split(syn)], split(syn), klass=klass)
    for klass, lay, generic, plural, phrases, _suffixes in classes.values():
        if phrases:
            b.add("drug", generic, plural if plural == generic else f"{plural} ({generic})", "drug",
                  [generic, *split(phrases)], split(phrases)[:10], klass=klass, flags="generic")

    # 5. MeSH: tests (E01, E05) block, diseases (C, not signs-only C23) and therapy (E02 subtrees, E04) add
    for ui, d in sorted(mesh.items()):
        trees = list(d["tree_numbers"])  # type: ignore[call-overload]
        if ui not in linked and any(t.startswith(("E01.", "E05.")) and t.count(".") >= 1 for t in trees):
            b.add("procedure", uninvert(str(d["name"])) or str(d["name"]).lower(), "-", "diagnostic",
                  mesh_phrases(d, set()), [], curated=False)
            linked.add(ui)
    has_child = {t.rsplit(".", 1)[0] for d in mesh.values() for t in d["tree_numbers"]  # type: ignore[attr-defined]
                 if "." in t}
    for ui, d in sorted(mesh.items()):
        trees = [t for t in d["tree_numbers"] if t.startswith("C")]  # type: ignore[attr-defined]
        if ui in linked or not trees or all(t.startswith("C23") for t in trees):
            continue
        name = uninvert(str(d["name"])) or str(d["name"]).lower()
        generic = "generic" if any(t in has_child for t in trees) else ""
        b.add("diagnosis", name, hpo_lay.get(norm_phrase(name), name), "diagnosis", mesh_phrases(d, set()),
              [name], flags=generic, curated=False)
    for ui, d in sorted(mesh.items()):
        if ui in linked:
            continue
        for t in d["tree_numbers"]:  # type: ignore[attr-defined]
            kind = next((k for p, k in MESH_THERAPY.items() if t.startswith(p + ".")), None)
            if t.startswith("E04.") and t.count(".") >= 2 and not t.startswith(E04_SKIP):
                kind = "surgery"
            if kind:
                name = uninvert(str(d["name"])) or str(d["name"]).lower()
                lay = f"surgery ({name})" if kind == "surgery" else name
                generic = "generic" if name.endswith(("procedures", "techniques", "therapy")) else ""
                b.add("procedure", name, lay, kind, mesh_phrases(d, set()), [name], flags=generic, curated=False)
                break

    # 6. the drug dictionary: approved drugs (MedlinePlus) and names with a class ending
    suffixes = [(s, k) for k, r in classes.items() for s in split(r[5])]
    suffixes.sort(key=lambda x: -len(x[0].lstrip("^")))
    for line in (shared / "drug-names" / "drug_dictionary.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        name = d["canonical"]
        if not re.fullmatch(r"[a-z][a-z\- ]{3,40}", name) or len(name.split()) > 3 or name in drug_stop:
            continue
        if set(name.split()) & {"vitamin", "vaccine", "extract", "oil", "juice", "powder", "solution"}:
            continue
        klass = next((k for s, k in suffixes
                      if (name.startswith(s[1:]) if s.startswith("^") else name.endswith(s))), None)
        if not (d["medline_plus_id"] or klass):
            continue
        klass = klass or "medicine"
        b.add("drug", name, f"{classes[klass][1]} ({name})", "drug", [name], [name], klass=klass, curated=False)

    args.out.mkdir(parents=True, exist_ok=True)
    counts = b.write(args.out)
    for c in sorted(set(b.conflicts)):
        print("conflict (first owner kept):", c, file=sys.stderr)
    print(json.dumps({"written": counts, "phrases": len(b.claimed), "conflicts": len(set(b.conflicts))}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
