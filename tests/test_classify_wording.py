"""The learned wording check (classify/wording.py): the packaged word list, its arithmetic, and its veto.

The records here are written in our own words; the labelled real records it was trained on stay outside the
repository (scripts/train_wording_check.py, eval/classify_heldout.md).
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

import petcasefinder.classify as classify_module
from petcasefinder.classify import classify, wording
from petcasefinder.lexicon import Lexicon
from petcasefinder.lexicon.species import SpeciesLexicon
from petcasefinder.records import Article

REPO = Path(__file__).resolve().parent.parent

# a food-contaminant study whose title counts "two edible fish": the rules alone take it for a small case series
_STUDY = Article(
    title="Perfluorinated contaminants in two edible fish from an Alpine lake",
    abstract=("Perfluorinated compounds are persistent pollutants that accumulate along the food chain and reach "
              "consumers through the diet. We measured PFOS and PFOA by liquid chromatography in muscle of whitefish "
              "and perch caught in a large lake. PFOS was found in every sample at levels up to 40 ng per gram, below "
              "the tolerable intake set by food safety authorities. Fish from the lake may still add to dietary "
              "exposure."))


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon(species=SpeciesLexicon.load(), clinical=None)  # type: ignore[arg-type]


def _without_check(article: Article, lex: Lexicon, monkeypatch: pytest.MonkeyPatch) -> bool:
    with monkeypatch.context() as m:
        m.setattr(classify_module, "WORDING", None)
        return classify(article, lex).is_veterinary_case_report


def test_packaged_model_loads_with_its_threshold() -> None:
    model = wording.MODEL
    assert model is not None
    assert model.threshold == pytest.approx(0.15)
    assert len(model.idf) > 5000 and set(model.idf) == set(model.weight)
    assert "word" in model.idf  # a word like the column name is a word, not the header
    # words of a study weigh against a case, words of a clinic for it
    assert model.weight["prevalence"] < 0 < model.weight["presented"]


def test_veto_turns_a_worded_study_away_and_says_why(lex: Lexicon, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _without_check(_STUDY, lex, monkeypatch)  # the rules alone accept it
    c = classify(_STUDY, lex)
    assert not c.is_veterinary_case_report
    assert c.article_type == "other"
    assert c.reasons[0].startswith("rejected: worded like a study, not a case (learned wording check 0.")
    assert "'food'" in c.reasons[0]
    assert c.confidence < 0.7  # a close call, not a certainty


def test_veto_never_overrules_a_case_reports_publication_type(lex: Lexicon) -> None:
    indexed = Article(title=_STUDY.title, abstract=_STUDY.abstract, pub_types=("Journal Article", "Case Reports"))
    assert classify(indexed, lex).is_veterinary_case_report


def test_clinical_case_passes_the_check(lex: Lexicon) -> None:
    art = Article(title="Hypoadrenocorticism in a young Labrador retriever",
                  abstract=("A 3-year-old spayed female Labrador retriever was presented with vomiting, weakness and "
                            "weight loss. An ACTH stimulation test confirmed the diagnosis. The dog was treated with "
                            "fludrocortisone and prednisolone and was well at the six-month recheck."))
    assert wording.MODEL is not None
    assert wording.MODEL.score(f"{art.title} {art.abstract}")[0] > 0.5
    assert classify(art, lex).is_veterinary_case_report


def test_every_synthetic_case_the_rules_accept_passes_the_check(lex: Lexicon, monkeypatch: pytest.MonkeyPatch) -> None:
    """The veto only removes; on the invented stress set it removes no labelled case."""
    for line in (REPO / "eval" / "classify_synthetic.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        art = Article(title=d["title"], abstract=d["abstract"], pmid=d["pmid"])
        if d["is_vcr"] and _without_check(art, lex, monkeypatch):
            assert classify(art, lex).is_veterinary_case_report, d["pmid"]


def test_a_one_line_abstract_is_too_little_wording_to_veto(lex: Lexicon) -> None:
    """"Review" and "management" weigh against a case, but a title and one sentence cannot outweigh the rules."""
    art = Article(title="Management of neoplasms in five canines", abstract="Five dogs with tumours were operated on and followed up.")
    assert wording.MODEL is not None
    p, _, known = wording.MODEL.score(f"{art.title} {art.abstract}")
    assert p < wording.MODEL.threshold and known < wording.MIN_WORDS
    assert classify(art, lex).is_veterinary_case_report


def test_missing_word_list_means_rules_alone(tmp_path: Path) -> None:
    assert wording.load(tmp_path / "absent.tsv") is None


def test_score_is_scikit_learns_arithmetic(tmp_path: Path) -> None:
    """Trained with the training script's own functions on the synthetic set, the pure-Python score equals
    scikit-learn's predict_proba, before and after the word list is written and read back."""
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import train_wording_check as train
    finally:
        sys.path.pop(0)
    rows = [json.loads(line) for line in (REPO / "eval" / "classify_synthetic.jsonl").open(encoding="utf-8")]
    texts = [f"{d['title']} {d['abstract']}" for d in rows]
    vec, clf = train.fit(texts, [bool(d["is_vcr"]) for d in rows])
    model = train.to_model(vec, clf, 0.15)
    path = tmp_path / "w.tsv"
    wording.dump(model, path, "test model\nsecond line")
    loaded = wording.load(path)
    assert loaded is not None and loaded.threshold == 0.15
    assert set(loaded.idf) == set(model.idf)
    expected = clf.predict_proba(vec.transform(texts))[:, 1]
    for text, want in zip(texts, expected):
        assert model.score(text)[0] == pytest.approx(want, abs=1e-9)
        assert loaded.score(text)[0] == pytest.approx(want, abs=1e-4)
    assert model.score("")[0] == pytest.approx(1 / (1 + math.exp(-model.intercept)))
