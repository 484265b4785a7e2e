"""The summary: what it says for 0, 1 and many cases, and that every sentence is cited and checkable."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from petcasefinder.records import Case, Outcome, SummarySentence, Treatment
from petcasefinder.summarise import check_support, claims, summarise
from petcasefinder.summarise.phrases import load
from test_summarise_cases import (
    BLOAT,
    FIP,
    FLUIDS,
    cat_cases,
    cushings_case,
    gdv_cases,
    imha_case,
    make_case,
)

DISCLAIMER = "This is not a diagnosis. Talk to your vet."


def texts(cases: list[Case]) -> list[str]:
    return [s.text for s in summarise(cases).sentences]


def assert_faithful(cases: list[Case]) -> None:
    summary = summarise(cases)
    report = check_support(summary, cases)
    assert report.unsupported == ()
    assert report.share_cited == 1.0
    assert report.citation_support == 1.0


def test_many_cases_counts_are_exact_and_cited() -> None:
    cases = gdv_cases()
    s = summarise(cases)
    by_text = {x.text: x.cites for x in s.sentences}
    assert by_text["We found 4 case reports about dogs."] == ("90001", "90002", "90003", "90004")
    assert by_text["All 4 dogs had a twisted stomach (gastric dilatation-volvulus)."] == (
        "90001", "90002", "90003", "90004")
    assert by_text["3 of the 4 dogs had surgery to untwist and fix the stomach (gastropexy)."] == (
        "90001", "90002", "90003")
    assert by_text["3 of the 4 reports mention trying to be sick (retching)."] == ("90001", "90003", "90004")
    assert by_text["Of these 3 dogs, 1 died."] == ("90002",)
    assert by_text["The outcome is not stated for 1 of the 4 dogs."] == ("90003",)
    assert by_text["2 of the 4 dogs recovered."] == ("90001", "90004")
    assert by_text["1 of the 4 reports followed the dog for 6 months."] == ("90001",)
    assert s.cases_used == 4
    assert all(x.cites for x in s.sentences)
    assert s.reading_grade <= 8
    assert_faithful(cases)


def test_one_case_reads_as_one_animal() -> None:
    s = summarise([cushings_case()])
    assert [x.text for x in s.sentences] == [
        "We found 1 case report about a dog.",
        "The dog had Cushing's disease (hyperadrenocorticism).",
        "The report mentions peeing a lot (polyuria) and drinking a lot (polydipsia).",
        "The dog got a drug that slows the adrenal gland (trilostane).",
        "The dog improved.",
        "The report followed the dog for 12 months.",
    ]
    assert {x.cites for x in s.sentences} == {("90010",)}
    assert s.cases_used == 1
    assert s.reading_grade <= 8
    assert_faithful([cushings_case()])


def test_no_cases_gives_no_sentences_and_says_why() -> None:
    s = summarise([])
    assert s.sentences == () and s.cases_used == 0
    assert s.caveats[0].startswith("We found no matching case reports")
    assert s.caveats[-1] == DISCLAIMER
    assert s.reading_grade <= 8
    assert check_support(s, []).unsupported == ()


def test_cases_without_findings_are_left_out_and_said_so() -> None:
    bare = make_case(99, "A dog.", findings=False)
    s = summarise([bare])
    assert s.sentences == () and s.cases_used == 0
    s2 = summarise([bare, *gdv_cases()])
    assert s2.cases_used == 4
    assert any("left out" in c for c in s2.caveats)
    assert all("90099" not in x.cites for x in s2.sentences)


def test_unstated_outcome_for_one_case() -> None:
    case = gdv_cases()[2]
    assert "The report does not say how the dog did." in texts([case])
    assert_faithful([case])


@pytest.mark.parametrize("cases", [[], [cushings_case()], gdv_cases(), cat_cases(), [*gdv_cases(), *cat_cases()]])
def test_caveat_block_and_disclaimer_always_there(cases: list[Case]) -> None:
    caveats = summarise(cases).caveats
    assert any(c.startswith("What these reports can't tell you") for c in caveats)
    assert any("not a trial" in c for c in caveats)
    assert any("unusual cases" in c for c in caveats)
    assert caveats[-1] == DISCLAIMER


def test_series_are_counted_as_cases_not_animals() -> None:
    cases = cat_cases()  # one report describes nine cats
    got = texts(cases)
    assert got[0] == "We found 3 case reports about cats."
    assert "2 of the 3 cases had an overactive thyroid (hyperthyroidism)." in got
    assert not any("of the 3 cats" in t for t in got)
    assert_faithful(cases)


def test_mixed_species_are_named_separately() -> None:
    cases = [*gdv_cases()[:2], *cat_cases()[:2]]
    got = texts(cases)
    assert got[0] == "We found 4 case reports about different animals."
    assert "2 are about dogs." in got and "2 are about cats." in got
    assert_faithful(cases)


def test_lay_words_first_with_clinical_term_in_brackets() -> None:
    got = " ".join(texts([imha_case()]))
    assert "a steroid (prednisolone)" in got
    assert "the immune system destroying red blood cells (immune-mediated hemolytic anemia)" in got


def test_doi_is_the_cite_when_there_is_no_pmid() -> None:
    s = summarise([imha_case(doi_only=True)])
    assert {x.cites for x in s.sentences} == {("10.9999/test.30",)}


def test_a_finding_without_real_evidence_is_never_said() -> None:
    case = gdv_cases()[0]
    assert case.findings is not None
    invented = Treatment("omeprazole", "drug", "an antacid (omeprazole)", "omeprazole was given")
    bad = replace(case, findings=replace(case.findings, treatments=(*case.findings.treatments, invented),
                                         outcome=Outcome("died", None, "the dog died peacefully")))
    got = " ".join(texts([bad]))
    assert "omeprazole" not in got
    assert "died" not in got  # the outcome's evidence is not in the abstract either
    assert "The report does not say how the dog did." in got
    assert_faithful([bad])


def test_duplicates_are_used_once_and_at_most_max_cases() -> None:
    ph = load()
    many = [make_case(i, f"Case {i} had abdominal distension.", signs=(BLOAT,)) for i in range(ph.max_cases + 5)]
    s = summarise([many[0], many[0], *many])
    assert s.cases_used == ph.max_cases
    assert s.sentences[0].text == f"We found {ph.max_cases} case reports about dogs."
    assert_faithful([many[0], many[0], *many])


def test_deterministic_and_pure() -> None:
    cases = [*gdv_cases(), cushings_case()]
    assert summarise(cases) == summarise(list(cases))
    assert claims(cases) == claims(cases)


def test_json_contract() -> None:
    d = summarise(gdv_cases()).to_json()
    assert set(d) == {"sentences", "reading_grade", "cases_used", "caveats"}
    assert all(set(s) == {"text", "cites"} and isinstance(s["cites"], list) for s in d["sentences"])
    assert isinstance(d["reading_grade"], float)
    json.dumps(d)


REALISTIC = [[cushings_case()], gdv_cases(), cat_cases(), [imha_case()], [*gdv_cases(), cushings_case(), imha_case()]]


def test_reading_grade_on_realistic_sets() -> None:
    """Mean grade at most 8 (the target); a single case with a long clinical term may run a little over."""
    grades = [summarise(cases).reading_grade for cases in REALISTIC]
    assert sum(grades) / len(grades) <= 8
    assert max(grades) <= 9
    for cases in REALISTIC:
        assert_faithful(cases)


def test_outcomes_per_treatment_follow_the_treatment() -> None:
    got = texts(gdv_cases())
    i = got.index("3 of the 4 dogs had surgery to untwist and fix the stomach (gastropexy).")
    assert got[i + 1 : i + 4] == [
        "Of these 3 dogs, 1 recovered.",
        "Of these 3 dogs, 1 died.",
        "Of these 3 dogs, the outcome is not stated for 1.",
    ]


def test_two_cases_use_both() -> None:
    got = texts(gdv_cases()[:2])
    assert "Both dogs had a twisted stomach (gastric dilatation-volvulus)." in got
    assert "Both reports mention a swollen belly (abdominal distension)." in got
    assert_faithful(gdv_cases()[:2])


def test_signs_only_one_case_had_are_not_called_shared() -> None:
    cases = [gdv_cases()[0], cushings_case()]
    got = " ".join(texts(cases))
    assert "mention" not in got  # no sign is shared by two of these cases
    assert BLOAT[1] not in got


def test_one_finding_worded_two_ways_is_counted_once_by_concept() -> None:
    a = make_case(40, "The dog had vomiting.", signs=(("vomiting", "throwing up", "vomiting"),))
    b = make_case(41, "The dog had vomiting and abdominal distension.",
                  signs=(("vomiting", "being sick", "vomiting"), BLOAT))
    got = texts([a, b])
    assert "Both reports mention throwing up (vomiting)." in got
    assert_faithful([a, b])


def test_one_report_about_a_group_speaks_of_the_group() -> None:
    series = cat_cases()[2]  # nine cats
    got = texts([series])
    assert got[0] == "We found 1 case report about a group of cats."
    assert "The cats had FIP, a coronavirus disease (feline infectious peritonitis)." in got
    assert "The cats improved." in got
    assert "The report followed the cats for 84 days." in got
    assert_faithful([series])


def test_a_treatment_worded_as_an_action_reads_as_one() -> None:
    scope = ("endoscopic reduction", "procedure",
             "putting the stomach back in place with an endoscope (endoscopic reduction)", "endoscopic reduction")
    a = make_case(50, "An endoscopic reduction and intravenous fluids were used.", tx=(FLUIDS, scope))
    got = texts([a])
    assert got[1:3] == [
        "The dog was treated by putting the stomach back in place with an endoscope (endoscopic reduction).",
        "It also got fluids into a vein (intravenous fluids).",
    ]
    assert_faithful([a])


def test_lay_words_with_their_own_bracket_still_end_with_the_term() -> None:
    dup = ("colonic duplication", "a doubled section of the colon (a birth defect)", "colonic duplication")
    got = texts([make_case(51, "A colonic duplication.", dx=(dup,))])
    assert "The dog had a doubled section of the colon, a birth defect (colonic duplication)." in got


def test_a_suspected_diagnosis_is_only_ever_called_suspected() -> None:
    a = make_case(60, "Feline infectious peritonitis was suspected in a cat with ataxia.", species="cat",
                  dx=((FIP[0], FIP[1], "Feline infectious peritonitis was suspected", "suspected"),))
    b = make_case(61, "A cat with feline infectious peritonitis.", species="cat", dx=(FIP,))
    assert "The cat had suspected FIP, a coronavirus disease (feline infectious peritonitis)." in texts([a])
    got = texts([a, b])
    assert "1 of the 2 cats had FIP, a coronavirus disease (feline infectious peritonitis)." in got
    assert "1 of the 2 cats had suspected FIP, a coronavirus disease (feline infectious peritonitis)." in got
    assert_faithful([a, b])
    s = summarise([a, b])
    overclaim = replace(s, sentences=(SummarySentence(
        "Both cats had FIP, a coronavirus disease (feline infectious peritonitis).", ("90060", "90061")),))
    assert any("90060 does not support" in p for p in check_support(overclaim, [a, b]).unsupported)
