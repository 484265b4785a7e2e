"""Hand-built cases for the summary tests, shaped like the extraction stage's output.

The abstracts are short texts written for these tests (not the shared records);
each finding's evidence is a real part of its abstract, as extraction promises.
"""

from __future__ import annotations

from petcasefinder.records import (
    Article,
    Case,
    Classification,
    Diagnosis,
    Findings,
    Outcome,
    Sign,
    Signalment,
    Treatment,
)

# (term, lay, evidence) and (name, kind, lay, evidence)
GDV = ("gastric dilatation-volvulus", "a twisted stomach", "gastric dilatation-volvulus was confirmed")
RETCH = ("retching", "trying to be sick", "unproductive retching")
BLOAT = ("abdominal distension", "a swollen belly", "abdominal distension")
GASTROPEXY = ("gastropexy", "surgery", "surgery to untwist and fix the stomach (gastropexy)", "gastropexy")
FLUIDS = ("intravenous fluids", "supportive", "fluids into a vein (intravenous fluids)", "intravenous fluids")
CUSHINGS = ("hyperadrenocorticism", "Cushing's disease", "hyperadrenocorticism")
PU = ("polyuria", "peeing a lot", "polyuria")
PD = ("polydipsia", "drinking a lot", "polydipsia")
TRILOSTANE = ("trilostane", "drug", "a drug that slows the adrenal gland (trilostane)", "trilostane")
HYPERT4 = ("hyperthyroidism", "an overactive thyroid", "hyperthyroidism")
WEIGHT = ("weight loss", "losing weight", "weight loss")
POLYPHAGIA = ("polyphagia", "eating a lot", "polyphagia")
METHIMAZOLE = ("methimazole", "drug", "an anti-thyroid drug (methimazole)", "methimazole")
RADIOIODINE = ("radioiodine therapy", "procedure", "a radioactive iodine treatment (radioiodine therapy)",
               "radioiodine therapy")
IMHA = ("immune-mediated hemolytic anemia", "the immune system destroying red blood cells",
        "immune-mediated hemolytic anemia")
PRED = ("prednisolone", "drug", "a steroid (prednisolone)", "prednisolone")
MMF = ("mycophenolate", "drug", "an immune-suppressing drug (mycophenolate)", "mycophenolate")
FIP = ("feline infectious peritonitis", "FIP, a coronavirus disease", "feline infectious peritonitis")
ATAXIA = ("ataxia", "wobbly walking", "ataxia")
ANTIVIRAL = ("GS-441524", "drug", "an antiviral drug (GS-441524)", "GS-441524")


def make_case(
    n: int,
    abstract: str,
    *,
    species: str = "dog",
    animals: int | None = 1,
    signs: tuple[tuple[str, str, str], ...] = (),
    dx: tuple[tuple[str, ...], ...] = (),  # (term, lay, evidence[, certainty])
    tx: tuple[tuple[str, str, str, str], ...] = (),
    outcome: tuple[str, str | None, str | None] = ("unknown", None, None),
    doi_only: bool = False,
    findings: bool = True,
) -> Case:
    art = Article(
        title=f"Test case {n}",
        abstract=abstract,
        pmid=None if doi_only else str(90000 + n),
        doi=f"10.9999/test.{n}",
    )
    cls = Classification(True, "case report", "animal", (species,), 0.9, ("test",))
    f = Findings(
        signalment=Signalment(species=species, animals=animals),
        signs=tuple(Sign(*s) for s in signs),
        diagnosis=tuple(Diagnosis(*d) for d in dx),
        treatments=tuple(Treatment(*t) for t in tx),
        outcome=Outcome(*outcome),
    )
    return Case(n, art, cls, f if findings else None)


def gdv_cases() -> list[Case]:
    """Four dogs with a twisted stomach: three had gastropexy; outcomes recovered, died, unknown."""
    a1 = ("A 7-year-old Great Dane had unproductive retching and abdominal distension. Radiographs showed "
          "gastric dilatation-volvulus was confirmed at surgery. A gastropexy was performed after "
          "intravenous fluids. The dog recovered and was well 6 months later.")
    a2 = ("A 9-year-old Setter had abdominal distension. Gastric dilatation-volvulus was confirmed. "
          "Gastropexy was done. The dog died of arrhythmia two days later.")
    a3 = ("A Boxer showed unproductive retching. Gastric dilatation-volvulus was confirmed and intravenous "
          "fluids were given before gastropexy.")
    a4 = ("An old Weimaraner had unproductive retching and abdominal distension; gastric dilatation-volvulus "
          "was confirmed. Intravenous fluids were given and the dog recovered.")
    return [
        make_case(1, a1, signs=(RETCH, BLOAT), dx=(GDV,), tx=(GASTROPEXY, FLUIDS),
                  outcome=("recovered", "6 months", "The dog recovered and was well 6 months later")),
        make_case(2, a2, signs=(BLOAT,), dx=(GDV,), tx=(GASTROPEXY,),
                  outcome=("died", None, "The dog died of arrhythmia")),
        make_case(3, a3, signs=(RETCH,), dx=(GDV,), tx=(FLUIDS, GASTROPEXY)),
        make_case(4, a4, signs=(RETCH, BLOAT), dx=(GDV,), tx=(FLUIDS,),
                  outcome=("recovered", None, "the dog recovered")),
    ]


def cushings_case() -> Case:
    a = ("A 10-year-old Poodle had polyuria, polydipsia and a pot belly. Hyperadrenocorticism was diagnosed "
         "on an ACTH stimulation test. Trilostane was started. Signs improved and the dog was stable at "
         "12 months.")
    return make_case(10, a, signs=(PU, PD), dx=(CUSHINGS,), tx=(TRILOSTANE,),
                     outcome=("improved", "12 months", "Signs improved and the dog was stable at 12 months"))


def cat_cases() -> list[Case]:
    a1 = ("A 14-year-old cat had weight loss and polyphagia. Hyperthyroidism was diagnosed. Methimazole was "
          "given and the cat recovered.")
    a2 = ("A 16-year-old cat had weight loss. Hyperthyroidism was diagnosed and radioiodine therapy given. "
          "The cat was euthanised for kidney failure 3 months later.")
    a3 = ("Nine cats with feline infectious peritonitis and ataxia were treated with GS-441524. All cats "
          "improved over 84 days.")
    return [
        make_case(20, a1, species="cat", signs=(WEIGHT, POLYPHAGIA), dx=(HYPERT4,), tx=(METHIMAZOLE,),
                  outcome=("recovered", None, "the cat recovered")),
        make_case(21, a2, species="cat", signs=(WEIGHT,), dx=(HYPERT4,), tx=(RADIOIODINE,),
                  outcome=("euthanised", "3 months", "The cat was euthanised for kidney failure 3 months later")),
        make_case(22, a3, species="cat", animals=9, signs=(ATAXIA,), dx=(FIP,), tx=(ANTIVIRAL,),
                  outcome=("improved", "84 days", "All cats improved over 84 days")),
    ]


def imha_case(doi_only: bool = False) -> Case:
    a = ("A pregnant Labrador had immune-mediated hemolytic anemia. Prednisolone and mycophenolate were given. "
         "The dog recovered and whelped normally.")
    return make_case(30, a, dx=(IMHA,), tx=(PRED, MMF), outcome=("recovered", None, "The dog recovered"),
                     doi_only=doi_only)


def test_every_evidence_is_part_of_its_abstract() -> None:
    """The fixtures keep extraction's promise, so summary tests start from valid findings."""
    for case in [*gdv_cases(), cushings_case(), *cat_cases(), imha_case()]:
        f = case.findings
        assert f is not None
        text = case.article.text.lower()
        for ev in [s.evidence for s in f.signs] + [d.evidence for d in f.diagnosis] + [
            t.evidence for t in f.treatments
        ]:
            assert ev.lower() in text, (case.key, ev)
        if f.outcome.status != "unknown":
            assert f.outcome.evidence and f.outcome.evidence.lower() in text
