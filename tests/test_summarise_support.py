"""The support checker: it must pass faithful summaries and catch every kind of unfaithful sentence."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from petcasefinder.records import Case, Summary, SummarySentence
from petcasefinder.summarise import check_support, summarise
from test_summarise_cases import (
    ATAXIA,
    BLOAT,
    CUSHINGS,
    FLUIDS,
    GASTROPEXY,
    GDV,
    METHIMAZOLE,
    PRED,
    PU,
    RETCH,
    TRILOSTANE,
    cushings_case,
    gdv_cases,
    make_case,
)


def with_sentences(summary: Summary, *sentences: tuple[str, tuple[str, ...]]) -> Summary:
    return replace(summary, sentences=tuple(SummarySentence(t, c) for t, c in sentences))


def problems(cases: list[Case], *sentences: tuple[str, tuple[str, ...]]) -> tuple[str, ...]:
    return check_support(with_sentences(summarise(cases), *sentences), cases).unsupported


def test_faithful_sentences_pass() -> None:
    cases = gdv_cases()
    assert problems(
        cases,
        ("3 of the 4 dogs had surgery to untwist and fix the stomach (gastropexy).", ("90001", "90002", "90003")),
        ("Of these 3 dogs, 1 died.", ("90002",)),
        ("2 of the 4 dogs recovered.", ("90001", "90004")),
    ) == ()


def test_a_cite_that_lacks_the_treatment_is_caught() -> None:
    cases = gdv_cases()
    report = check_support(
        with_sentences(summarise(cases), ("2 of the 4 dogs recovered.", ("90001", "90004")),
                       ("1 of the 4 dogs had surgery to untwist and fix the stomach (gastropexy).", ("90004",))),
        cases,
    )
    assert any("90004 does not support finding" in p for p in report.unsupported)
    assert report.citation_support < 1.0


def test_a_wrong_count_is_caught() -> None:
    got = problems(gdv_cases(), ("3 of the 4 dogs recovered.", ("90001", "90004")))
    assert any("says 3, but 2 cases" in p for p in got)


def test_a_wrong_denominator_is_caught() -> None:
    got = problems(gdv_cases(), ("2 of the 5 dogs recovered.", ("90001", "90004")))
    assert any("says 'of 5'" in p for p in got)


def test_a_missing_cite_is_caught_even_when_the_count_is_right() -> None:
    got = problems(gdv_cases(), ("2 of the 4 dogs recovered.", ("90001",)))
    assert any("cites are not exactly" in p for p in got)


def test_a_wrong_outcome_is_caught() -> None:
    got = problems(gdv_cases(), ("1 of the 4 dogs recovered.", ("90002",)))
    assert any("does not support outcome 'recovered'" in p for p in got)


def test_an_invented_treatment_is_caught() -> None:
    got = problems(gdv_cases(), ("2 of the 4 dogs got antibiotics.", ("90001", "90004")))
    assert any("unrecognised words ['antibiotics']" in p for p in got)


def test_an_invented_bracketed_term_is_caught() -> None:
    got = problems(gdv_cases(), ("All 4 dogs had a twisted stomach (volvulus).", ("90001", "90002", "90003", "90004")))
    assert any("bracketed" in p for p in got)


def test_another_case_s_finding_is_caught() -> None:
    cases = [*gdv_cases(), cushings_case()]
    got = problems(cases, ("1 of the 5 dogs got a drug that slows the adrenal gland (trilostane).", ("90001",)))
    assert any("90001 does not support finding" in p for p in got)


def test_an_unknown_cite_and_an_uncited_sentence_are_caught() -> None:
    cases = gdv_cases()
    report = check_support(
        with_sentences(summarise(cases), ("We found 4 case reports about dogs.", ()),
                       ("Both dogs recovered.", ("90001", "12345"))),
        cases,
    )
    assert report.share_cited == 0.5
    assert any("no citation" in p for p in report.unsupported)
    assert any("12345, which is not a case" in p for p in report.unsupported)


def test_a_wrong_species_is_caught() -> None:
    got = problems(gdv_cases(), ("2 of the 4 cats recovered.", ("90001", "90004")))
    assert any("does not support species 'cat'" in p for p in got)


def test_an_outcome_breakdown_must_match_the_treatment_before_it() -> None:
    cases = gdv_cases()
    got = problems(
        cases,
        ("3 of the 4 dogs got fluids into a vein (intravenous fluids).", ("90001", "90003", "90004")),
        ("Of these 3 dogs, 1 died.", ("90002",)),
    )
    assert any("90002 does not support finding" in p for p in got)


def test_a_follow_up_time_must_be_stated_by_the_cited_case() -> None:
    got = problems(gdv_cases(), ("1 of the 4 reports followed the dog for 6 months.", ("90004",)))
    assert got


def test_a_finding_without_evidence_in_the_abstract_is_no_support() -> None:
    case = gdv_cases()[3]
    assert case.findings is not None
    unsupported = replace(case, findings=replace(case.findings, treatments=(
        (*case.findings.treatments, replace(case.findings.treatments[0], name="gastropexy",
                                            lay=GASTROPEXY[2], evidence="a gastropexy was done")))))
    got = problems([unsupported], ("The dog had surgery to untwist and fix the stomach (gastropexy).", ("90004",)))
    assert any("does not support finding" in p for p in got)


def test_cases_used_must_match() -> None:
    cases = gdv_cases()
    s = replace(summarise(cases), cases_used=3)
    assert any("cases_used" in p for p in check_support(s, cases).unsupported)


SIGNS = [RETCH, BLOAT, PU, ATAXIA]
DXS = [GDV, CUSHINGS]
TXS = [GASTROPEXY, FLUIDS, TRILOSTANE, PRED, METHIMAZOLE]
STATUSES = ["recovered", "improved", "stable", "relapsed", "died", "euthanised", "unknown"]


@st.composite
def random_case(draw: st.DrawFn, n: int) -> Case:
    signs = draw(st.lists(st.sampled_from(SIGNS), max_size=3, unique=True))
    dx = draw(st.lists(st.sampled_from(DXS), max_size=2, unique=True))
    tx = draw(st.lists(st.sampled_from(TXS), max_size=3, unique=True))
    status = draw(st.sampled_from(STATUSES))
    follow = draw(st.sampled_from([None, "6 months", "2 years", "10 days"]))
    species = draw(st.sampled_from(["dog", "dog", "cat"]))
    animals = draw(st.sampled_from([1, 1, None, 4]))
    outcome_text = f"In the end the animal {status}" + (f" at {follow}" if follow else "")
    abstract = " ".join([*(s[2] for s in signs), *(d[2] for d in dx), *(t[3] for t in tx), outcome_text]) + "."
    ev = outcome_text if status != "unknown" or follow else None
    return make_case(n, abstract, species=species, animals=animals, signs=tuple(signs), dx=tuple(dx),
                     tx=tuple(tx), outcome=(status, follow, ev))


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 8).flatmap(lambda k: st.tuples(*(random_case(i) for i in range(k)))))
def test_every_summary_of_any_cases_passes_its_own_check(cases: tuple[Case, ...]) -> None:
    summary = summarise(cases)
    report = check_support(summary, cases)
    assert report.unsupported == ()
    assert report.share_cited == 1.0
    assert summary.cases_used == len(cases)
    assert summary.caveats[-1] == "This is not a diagnosis. Talk to your vet."


def test_every_changed_number_in_a_real_summary_is_caught() -> None:
    import re

    cases = [*gdv_cases(), cushings_case()]
    summary = summarise(cases)
    changed = 0
    for i, s in enumerate(summary.sentences):
        for m in re.finditer(r"\d+", s.text):
            if re.search(r"\d+ (months|days)", s.text[m.start():]) and "followed" in s.text:
                continue  # a follow-up time, not a count
            text = s.text[: m.start()] + str(int(m.group()) + 1) + s.text[m.end():]
            bad = replace(summary, sentences=summary.sentences[:i] + (SummarySentence(text, s.cites),)
                          + summary.sentences[i + 1:])
            assert check_support(bad, cases).unsupported, text
            changed += 1
    assert changed >= 10


def test_every_swapped_cite_in_a_real_summary_is_caught() -> None:
    cases = gdv_cases()
    summary = summarise(cases)
    keys = [c.key for c in cases]
    swapped = 0
    for i, s in enumerate(summary.sentences):
        if len(s.cites) == len(keys):
            continue
        outsider = next(k for k in keys if k not in s.cites)
        bad = replace(summary, sentences=summary.sentences[:i] + (SummarySentence(s.text, (*s.cites[1:], outsider)),)
                      + summary.sentences[i + 1:])
        assert check_support(bad, cases).unsupported, s.text
        swapped += 1
    assert swapped >= 5
