"""Hard cases for the classifier, written for these tests (invented titles and abstracts, not real records).

Each record imitates one design the issue names: zoo, wildlife and livestock cases (accepted), human cases in a
veterinary journal or about a zoonosis, laboratory disease models, surveys, cohorts, trials, reviews and
experiments in veterinary journals (rejected).  They are decided by patient and design, not by the journal.
"""

from __future__ import annotations

import pytest

from petcasefinder import classify
from petcasefinder.lexicon import Lexicon
from petcasefinder.lexicon.species import SpeciesLexicon
from petcasefinder.records import Article, MeshHeading


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon(species=SpeciesLexicon.load(), clinical=None)  # type: ignore[arg-type]


def art(title: str, abstract: str = "", journal: str | None = None, pub_types: tuple[str, ...] = (),
        mesh: tuple[str, ...] = ()) -> Article:
    return Article(title=title, abstract=abstract, pmid="1", journal=journal, pub_types=pub_types,
                   mesh=tuple(MeshHeading(m) for m in mesh))


ACCEPTED = [
    ("elephant", art(
        "Fatal elephant endotheliotropic herpesvirus haemorrhagic disease in a captive Asian elephant calf",
        "A 3-year-old female Asian elephant housed at a zoo was presented with lethargy, facial oedema and "
        "reduced appetite. Despite antiviral treatment with famciclovir the calf died 36 hours later. Necropsy "
        "revealed widespread haemorrhages and PCR confirmed the virus.", "J Zoo Wildl Med")),
    ("bird of prey", art(
        "Lead poisoning in a free-ranging bald eagle",
        "A free-ranging adult bald eagle was admitted to a wildlife rehabilitation centre unable to fly. Blood lead "
        "concentration was markedly increased. The eagle was treated with chelation therapy and released after "
        "eight weeks.")),
    ("cattle", art(
        "Congenital hydrocephalus in a Holstein calf",
        "A 2-day-old Holstein Friesian heifer calf was presented because it could not stand. Computed tomography "
        "showed severe ventricular dilation. The calf was euthanised and the diagnosis confirmed at necropsy.")),
    ("rat", art(
        "Mammary fibroadenoma in a pet rat",
        "A 2-year-old female pet rat (Rattus norvegicus) was presented by its owner with a large subcutaneous mass. "
        "The mass was excised under isoflurane anaesthesia and histopathology confirmed a fibroadenoma.")),
    ("bearded dragon", art(
        "Hepatic lipidosis in an inland bearded dragon (Pogona vitticeps)",
        "An 8-year-old male bearded dragon was presented with anorexia and lethargy of three weeks' duration. "
        "Ultrasonography revealed a hyperechoic liver and biopsy confirmed hepatic lipidosis.")),
    ("budgerigar", art(
        "Case report: egg binding in a budgerigar",
        "A 3-year-old female budgie was presented for straining and fluffed feathers. Radiographs revealed a "
        "retained egg, which was removed after calcium supplementation and oxytocin.")),
    ("cat", art(
        "Primary hyperparathyroidism in three cats",
        "Medical records of three cats with primary hyperparathyroidism were reviewed. All three cats had "
        "hypercalcaemia and a cervical mass; surgical excision resolved the hypercalcaemia in each cat.")),
    ("dog", art(
        "Presumed reverse zoonotic transmission of influenza in a dog",
        "An 11-year-old neutered male Labrador retriever was presented with cough and fever three days after its "
        "owner, a 45-year-old woman, was diagnosed with influenza. PCR confirmed the same virus in the dog.",
        "Vet Rec")),
    ("cat", art(
        "Dog bite wounds with pneumothorax in a cat",
        "A 6-year-old neutered male domestic shorthair cat was presented after being attacked by a neighbour's dog. "
        "The dog had bitten the thorax; thoracocentesis and surgical exploration were performed and the cat "
        "recovered. Dog bite wounds in cats may hide severe thoracic injury.")),
    ("dog", art(
        "Splenic haemangiosarcoma in a dog: case report and review of the literature",
        "A 9-year-old spayed female German shepherd dog was presented with collapse. We review the literature.",
        "Vet Rec")),
    ("dog", art(
        "Oesophageal foreign body in a dog",
        "An unusual oesophageal foreign body is described.", pub_types=("Case Reports",),
        mesh=("Animals", "Dogs", "Dog Diseases", "Esophagus"))),
]

REJECTED = [
    ("human patients", art(
        "Capnocytophaga canimorsus septicaemia in a 68-year-old man after a dog lick",
        "A 68-year-old man presented with fever and confusion four days after his dog licked a wound on his hand. "
        "Blood cultures grew Capnocytophaga canimorsus and he recovered after antibiotic treatment.", "Vet Rec")),
    ("human patients", art(
        "Cat-scratch disease presenting as a neck mass in a 10-year-old boy: a case report",
        "We report a 10-year-old boy with a painful neck mass after being scratched by a kitten. Bartonella "
        "henselae serology was positive.", "J Feline Med Surg")),
    ("laboratory mice", art(
        "Microglial activation in the APP/PS1 mouse model of Alzheimer's disease",
        "APP/PS1 transgenic mice and wild-type littermates were treated with vehicle or drug by intraperitoneal "
        "injection for 4 weeks. Behavioural testing in the Morris water maze showed improved memory.")),
    ("survey", art(
        "Owner-reported signs of cognitive decline in ageing cats: an online survey",
        "An online questionnaire was completed by 1,032 cat owners. Respondents reported changes in sleep and "
        "vocalisation in 28% of cats older than 15 years.", "J Feline Med Surg")),
    ("cohort", art(
        "Risk factors for obesity in dogs attending first-opinion practices: a cross-sectional study",
        "Records of 12,450 dogs were analysed. Neutered dogs had higher odds of obesity (odds ratio 1.8, 95% CI "
        "1.5-2.1, P < .001).", "Vet Rec")),
    ("trial", art(
        "Randomised, blinded, placebo-controlled trial of a monoclonal antibody for osteoarthritis pain in cats",
        "Client-owned cats with osteoarthritis were randomly assigned to treatment or placebo for 3 months. "
        "Owner-assessed mobility scores improved in the treated group.", "J Vet Intern Med")),
    ("review", art(
        "Canine hypoadrenocorticism: a narrative review",
        "This review summarises current knowledge of the pathophysiology, diagnosis and treatment of "
        "hypoadrenocorticism in dogs.", "J Small Anim Pract")),
    ("laboratory", art(
        "Pharmacokinetics of a single intravenous dose of maropitant in six healthy Beagle dogs",
        "Six healthy Beagle dogs received a single intravenous dose. Plasma concentrations were measured for "
        "48 hours after a 2-week washout period.", "J Vet Pharmacol Ther")),
    ("laboratory", art(
        "Experimental infection of calves with bovine viral diarrhoea virus",
        "Ten calves were inoculated intranasally with the virus and sampled daily for 21 days.", "Vet Microbiol")),
    ("review", art(
        "Cholangitis in dogs and horses: a review of published case reports",
        "Published case reports of cholangitis in dogs and horses were reviewed to summarise clinical signs, "
        "treatment and outcome.", "Vet J")),
    ("cohort", art(
        "Serum symmetric dimethylarginine concentrations in 120 cats with chronic kidney disease",
        "Records of 120 cats with chronic kidney disease were reviewed. Concentrations were higher in cats with "
        "IRIS stage 3 disease than in stage 2.", "J Feline Med Surg")),
    ("laboratory", art(
        "Effects of acepromazine on intraocular pressure in six healthy cats",
        "Six healthy cats were anaesthetised twice in random order, one week apart.", "Vet Ophthalmol")),
    ("cohort", art(
        "Reference intervals for serum thyroxine in clinically healthy Greyhounds",
        "Blood was sampled from 85 clinically healthy Greyhounds to establish reference intervals.", "Vet Clin Pathol")),
    ("meta-analysis", art(
        "Efficacy of dietary therapy in dogs with chronic enteropathy: a systematic review and meta-analysis",
        "We searched PubMed and CAB Abstracts. Eleven studies were included; the pooled response rate was 64%.",
        "Vet J")),
]


@pytest.mark.parametrize("species,article", ACCEPTED, ids=[a.title[:40] for _, a in ACCEPTED])
def test_clinical_animal_cases_pass_the_gate(lex: Lexicon, species: str, article: Article) -> None:
    c = classify.classify(article, lex)
    assert c.is_veterinary_case_report, c.reasons
    assert c.patient == "animal"
    assert c.species[0] == species
    assert c.article_type in ("case report", "case series")


@pytest.mark.parametrize("why,article", REJECTED, ids=[a.title[:40] for _, a in REJECTED])
def test_other_designs_and_patients_are_rejected(lex: Lexicon, why: str, article: Article) -> None:
    c = classify.classify(article, lex)
    assert not c.is_veterinary_case_report
    assert any(r.startswith("rejected:") and why in r for r in c.reasons), c.reasons


def test_human_case_report_in_vet_journal_is_typed_as_a_human_case(lex: Lexicon) -> None:
    c = classify.classify(REJECTED[0][1], lex)
    assert (c.patient, c.article_type) == ("human", "case report")
    assert c.species == ()


def test_metadata_alone_can_decide_a_human_record(lex: Lexicon) -> None:
    a = art("Outcome after surgery", "The outcome was good.", pub_types=("Case Reports",), mesh=("Humans", "Adult"))
    c = classify.classify(a, lex)
    assert not c.is_veterinary_case_report and c.patient == "human"
    assert "MeSH: Humans" in c.reasons


def test_case_series_threshold(lex: Lexicon) -> None:
    small = art("Ureteral obstruction in 8 cats",
                "Medical records of 8 cats with ureteral obstruction were reviewed to describe clinical findings "
                "and outcome.")
    large = art("Ureteral obstruction in 40 cats",
                "Medical records of 40 cats with ureteral obstruction were reviewed to describe clinical findings "
                "and outcome.")
    named = art("Ureteral obstruction in 40 cats: a retrospective case series",
                "Medical records of 40 cats with ureteral obstruction were reviewed to describe clinical findings.")
    assert classify.classify(small, lex).article_type == "case series"
    assert classify.classify(small, lex).is_veterinary_case_report
    assert not classify.classify(large, lex).is_veterinary_case_report
    assert classify.classify(named, lex).is_veterinary_case_report
    assert classify.CASE_SERIES_MAX == 12


# ---- cases added with classify-2 (after the first run on eval/classify_synthetic.jsonl; see eval/classify_heldout.md)
OUTBREAK = art(
    "Copper deficiency in a flock of lambs on improved pasture",
    "Nine lambs from a flock of 80 Texel-cross ewes and their lambs developed hind-limb ataxia at 6 weeks of age. "
    "Liver copper concentrations were low in two lambs examined at necropsy. The remaining lambs were given "
    "copper oxide boluses and no further cases occurred.", "Ir Vet J")
PET_OWNER = art(
    "Salmonella enteritis in a child after contact with a pet bearded dragon",
    "A 4-year-old boy was admitted with bloody diarrhoea and fever. His 2-year-old bearded dragon was kept in the "
    "living room. Salmonella was cultured from the boy's stool and from the reptile's faeces. He recovered "
    "with fluids.", "Vet Rec")
SURVEY_VIGNETTE = art(
    "How general practitioners manage a dog with acute vomiting: an online survey",
    "Respondents read a vignette describing a 4-year-old male neutered Labrador retriever with acute vomiting "
    "and then completed a questionnaire on diagnostic tests and treatment. A total of 312 veterinarians answered.",
    "Vet Rec")
ERRATUM = art(
    "Erratum: Haemangiosarcoma in a dog",
    "In the article, the age of the dog in the case presentation was given as 7 years; it is 11 years.",
    "Vet Rec Case Rep")


def test_one_herd_or_flock_outbreak_is_a_case_report(lex: Lexicon) -> None:
    c = classify.classify(OUTBREAK, lex)
    assert c.is_veterinary_case_report, c.reasons
    assert c.species == ("sheep",)


@pytest.mark.parametrize("article,article_type", [(PET_OWNER, None), (SURVEY_VIGNETTE, "survey"),
                                                  (ERRATUM, "editorial / letter")])
def test_pets_of_human_patients_vignettes_and_errata_are_not_case_reports(
        lex: Lexicon, article: Article, article_type: str | None) -> None:
    c = classify.classify(article, lex)
    assert not c.is_veterinary_case_report, c.reasons
    if article_type:
        assert c.article_type == article_type


def test_synthetic_stress_set_keeps_its_figures(lex: Lexicon) -> None:
    """eval/classify_synthetic.jsonl (invented records, written blind to the classifier): a regression gate on
    the figures after the classify-2 fixes, not an untouched measurement."""
    from petcasefinder.evaluate import classify as ev
    from petcasefinder.ingest.readers import read_path
    from petcasefinder.settings import REPO_DIR

    path = REPO_DIR / "eval" / "classify_synthetic.jsonl"
    found, missing = ev.heldout(ev.load_labels(path), read_path(path).records)
    s = ev.score("synthetic", found, lex)
    assert not missing and s.tp + s.fn == 64 and s.tn + s.fp == 64
    assert s.recall >= 0.95 and s.precision >= 0.95, s.errors


def test_birds_in_a_report_on_hens_are_the_hens(lex: Lexicon) -> None:
    """Generic 'birds' is dropped when the birds are poultry named as such (synthetic S1042 gave bird, chicken)."""
    a = Article(title="Marek's disease in a backyard flock of laying hens", pmid="H1",
                abstract="Eleven of 40 backyard laying hens developed leg paralysis; four birds were examined "
                         "post mortem and the birds had lymphoid tumours.")
    c = classify.classify(a, lex)
    assert c.is_veterinary_case_report and c.species == ("chicken",), (c.species, c.reasons)


def test_cue_kinds_come_from_the_data_file(lex: Lexicon) -> None:
    """'cohort/records', 'cohort/design' and 'cohort/measure' rows feed the cohort cue and tell its hits apart by kind."""
    from petcasefinder.classify.evidence import gather
    from petcasefinder.classify.rules import RULES

    assert {k for pats in RULES.cues.values() for _, k in pats} == {"", "records", "design", "measure"}
    ev = gather(art("Hypercalcaemia in cats", "Medical records were reviewed. Seven cats were enrolled in a "
                    "cross-sectional design and the prevalence was low."), lex.species)
    kinds = {h.quote.split()[0].lower(): h.kind for h in ev.hits["cohort"]}
    assert kinds == {"medical": "records", "were": "design", "cross-sectional": "design", "prevalence": "measure"}


def test_small_series_from_reviewed_records_is_a_case_series_but_enrolment_is_a_study(lex: Lexicon) -> None:
    series = classify.classify(art("Hepatic abscesses in cats", "Medical records of cats with hepatic abscesses "
                                   "between 2015 and 2022 were reviewed. Four cats met the inclusion criteria. All "
                                   "four were treated surgically and three survived."), lex)
    assert (series.article_type, series.is_veterinary_case_report) == ("case series", True)
    study = classify.classify(art("Hepatic abscesses in cats", "Four cats with hepatic abscesses were enrolled "
                                  "between 2015 and 2022. All four were treated surgically and three survived."), lex)
    assert not study.is_veterinary_case_report and study.article_type != "case series"
