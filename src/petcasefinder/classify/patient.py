"""Who the record is about: an animal patient (and which species), a human patient, or nobody.

Decided by weighing evidence, never by the journal alone: a signalment ("a 4-year-old male American
Staffordshire terrier" vs "a 44-year-old male farmer") counts most, then the title, MeSH check tags and
species descriptors, then how often each side is named in the abstract.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..lexicon.species import SpeciesLexicon
from .evidence import Evidence, Hit
from .numbers import VIRUS_NOUN

_GENERIC = {"bird", "reptile", "amphibian", "monkey"}
_KIND = {"poultry": "bird"}  # "birds" in a report on hens is the hens, not a second species
_SEXED = re.compile(r"old\s+(?:fe)?male\b", re.IGNORECASE)
# vets are clinicians too, and call their animals patients or subjects ("the subjects died shortly after arriving")
_VET_USAGE = re.compile(r"(?:male |female )?(?:patients?|subjects)\b|clinicians\b", re.IGNORECASE)
# Species mostly met as research animals.  Fish and frogs are not here: koi, goldfish and tree frogs are pets, and
# the research ones (zebrafish, medaka, Xenopus) carry the "lab" flag on their names instead.
LAB_SPECIES = {"mouse", "rat", "guinea pig", "hamster", "gerbil", "macaque", "marmoset", "squirrel monkey", "monkey",
               "baboon"}


@dataclass(frozen=True)
class Patient:
    kind: str  # animal | human | none
    species: tuple[str, ...]
    animal_score: float
    human_score: float
    reasons: tuple[str, ...]
    evidence: str  # the best quote for the decision ("" when none)


def decide(ev: Evidence, lex: SpeciesLexicon) -> Patient:
    animal, human = 0.0, 0.0
    animal_sig = [s for s in ev.signalments if s.subject == "animal"]
    human_sig = [s for s in ev.signalments if s.subject == "human"]
    title_nouns = [m for m in ev.nouns("title") if not ev.aggressor("title", m)]
    abstract_nouns = [m for m in ev.nouns("abstract") if not ev.aggressor("abstract", m)]
    descriptors = {d for d, _, _ in ev.mesh}
    mesh_species = [(d, s) for d, s, role in ev.mesh if s and role in ("species", "disease")]
    reasons: list[str] = []

    if animal_sig:
        animal += 4.0
    if human_sig:
        human += 4.0 + (2.0 if any(s.field == "title" for s in human_sig) else 0.0)
    elif any(s.subject == "unknown" and (not abstract_nouns or _SEXED.search(s.quote)) for s in ev.signalments) \
            and not title_nouns:
        # "a 16 Year old female presenting with ...": no animal named anywhere, or a sexed age with no animal in its
        # sentence under a title that names none ("a 66-year-old female who was bitten by a cat")
        human += 2.5
    if title_nouns:
        animal += 2.5
    elif any(not ev.aggressor("title", m) for m in ev.mentions["title"]):
        animal += 1.0  # "canine" as an adjective; not "Rat-bite fever", where the rat is the biter
    animal += min(2.0, 0.4 * len(abstract_nouns))
    animal += min(1.0, 0.5 * len(ev.counts))  # "in 2 cats and 2 dogs": counted animals
    if mesh_species:
        animal += 3.0
    if "Animals" in descriptors and "Humans" not in descriptors:
        animal += 1.5
    if "Humans" in descriptors and "Animals" not in descriptors:
        human += 4.0
    if title_nouns or abstract_nouns or mesh_species:
        if ev.vet_journal:
            animal += 1.0
        animal += min(1.5, 0.5 * ev.n("clinical"))
    # Veterinary literature calls its animals "patients": in a veterinary journal, or when the title names an animal
    # and no person, that word is no human evidence.
    # Not in a title without a vet journal: "... in patients without direct exposure to pigs" is about people.
    vetlike = ev.vet_journal or (bool(title_nouns) and not any(s.field == "title" for s in human_sig))
    persons = [h for h in ev.hits.get("person", ()) if not (vetlike and _exempt(h, ev.vet_journal))]
    humans = [h for h in ev.hits.get("human", ()) if not (vetlike and _exempt(h, ev.vet_journal))]
    human += min(3.0, 1.0 * sum(h.field == "abstract" for h in persons))
    human += 3.0 if any(h.field == "title" for h in persons) else 0.0
    human += min(3.0, 0.75 * len(humans))

    if human == 0.0 and (ev.mentions["title"] or (abstract_nouns and (ev.vet_journal or len(abstract_nouns) >= 2))) \
            and animal < 2.0:
        # "Feline hyperthyroidism: a case report" with no abstract, "a case of Staffordshire terrier puppy" in a
        # veterinary journal, "nine dogs ... all dogs": an animal, and nobody else named
        animal = 2.0
    if animal >= 2.0 and animal > human:
        species = _species(ev, lex)
        return Patient("animal", species, animal, human, tuple(reasons), _animal_quote(ev))
    if (human >= 1.5 or (human >= 1.0 and animal == 0.0)) and human >= animal:
        return Patient("human", (), animal, human, tuple(reasons), _human_quote(ev))
    return Patient("none", (), animal, human, tuple(reasons), "")


def _exempt(h: Hit, vet_journal: bool) -> bool:
    """'patient', 'subjects' and 'clinicians' as veterinary usage: in a vet journal, or in an abstract under a title
    that names an animal."""
    return bool(_VET_USAGE.match(h.quote)) and (vet_journal or h.field == "abstract")


REAGENT_AFTER = re.compile(r"[ -]+(?:anti-|\(?(?:recombinant\s+)?(?:monoclonal|polyclonal)\b|IgG\b|antibod|antiserum)",
                           re.IGNORECASE)
PATHOGEN_AFTER = re.compile(
    r"[ -]+(?:influenza|flu|distemper|parvovirus|herpesvirus|coronavirus|leuka?emia|immunodeficiency|calicivirus|"
    r"circovirus|poxvirus|tuberculosis|adenovirus|rotavirus|paramyxovirus|bornavirus|polyomavirus|"
    r"papillomavirus|hepatitis virus|infectious peritonitis|ha?emorrhagic disease|pox|plague|fever|sickness|"
    r"[a-z]*(?:osis|iasis))\b|[ -]+" + VIRUS_NOUN,  # "Fish Mycobacteriosis", "Swine MRVs": named after the host
    re.IGNORECASE)  # "Rabbit haemorrhagic disease virus" in a hare, "African swine fever" names the disease


def _species(ev: Evidence, lex: SpeciesLexicon) -> tuple[str, ...]:
    """The patient species: signalment and title count most; incidental mentions ("unlike in cats") drop out."""
    w: defaultdict[str, float] = defaultdict(float)
    for s in ev.signalments:
        if s.subject == "animal" and s.species:
            w[s.species] += 6
    pathogen: defaultdict[str, float] = defaultdict(float)
    for f, full in (("title", 3.0), ("abstract", 1.0)):
        for m in ev.mentions[f]:
            if ev.aggressor(f, m):
                continue  # "cat bites", "predation by a domestic cat": the animal that did it, not the patient
            if REAGENT_AFTER.match(ev.texts[f], m.end):
                continue  # "a rabbit anti-canine CD19 antibody", "goat polyclonal": the reagent's source animal
            weight = full / 2 if (f, m.start) in ev.adjectival else full
            if PATHOGEN_AFTER.match(ev.texts[f], m.end):
                pathogen[m.species] += weight  # "avian influenza" in a leopard cat names the virus, not a bird
            else:
                w[m.species] += weight
    for _, sp, role in ev.mesh:
        if sp and role in ("species", "disease"):
            w[sp] += 3
    for c in ev.counts:
        w[c.species] += 2 if c.kind != "experimental" else 0
    if not w:
        w.update(pathogen)  # "Canine parvovirus enteritis: a case report": the disease names the only animal
    if not w:
        return ()
    top = max(w.values())
    # "2 cats and 3 dogs": every counted patient species stays (not "one male calf" beside a buffalo cow)
    counted = {c.species for c in ev.counts if c.kind not in ("lay", "experimental")}
    keep = [s for s, v in w.items() if v >= 3 and (v >= 0.6 * top or s in counted)]
    if not keep and len(w) == 1:
        keep = list(w)  # only a weak word names the animal ("bovine embryo pregnancies"), but nothing else does
    groups = {_KIND.get(g, g) for s in w if s not in _GENERIC and w[s] >= 3 for g in (lex.group(s),)}
    keep = [s for s in keep if not (s in _GENERIC and lex.group(s) in groups)]
    for i, name in enumerate(keep):  # "Emu Bird" in the title, "emus" in the abstract: the emu, not "bird"
        named = [t for t in w if t not in _GENERIC and _KIND.get(lex.group(t), lex.group(t)) == lex.group(name)]
        if name in _GENERIC and named:
            keep[i] = max(named, key=lambda t: w[t])
    keep = list(dict.fromkeys(keep))
    order = {s: i for i, s in enumerate(lex.names())}
    return tuple(sorted(keep, key=lambda s: (-w[s], order.get(s, 999), s)))


def _animal_quote(ev: Evidence) -> str:
    sig = next((s for s in ev.signalments if s.subject == "animal"), None)
    if sig:
        return f"{sig.field}: '{sig.quote}'"
    return ""


def _human_quote(ev: Evidence) -> str:
    sig = next((s for s in ev.signalments if s.subject == "human"), None)
    if sig:
        return sig.quote
    for cue in ("person", "human"):
        h = ev.first(cue, "title") or ev.first(cue)
        if h:
            return h.quote
    d = next((d for d, _, role in ev.mesh if role == "human"), None)
    return f"MeSH: {d}" if d else ""
