"""Search on the demo database: species hard filter, no padding, explanations, related cases, degraded mode."""

from __future__ import annotations

from pathlib import Path

import pytest

from petcasefinder.errors import NotFound, QueryError
from petcasefinder.index.sqlite import Store
from petcasefinder.lexicon import Lexicon, load
from petcasefinder.search import Options, related, search
from petcasefinder.search.fusion import rrf, select, weighted
from petcasefinder.search.retrieve import Ranked


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load()


def _species_of(store: Store, pmid: str | None) -> set[str]:
    aid = store.find(pmid or "")
    assert aid is not None
    c = store.case(aid).classification
    assert c is not None and c.is_veterinary_case_report
    return set(c.species)


def test_owner_words_find_the_case_and_explain_it(demo_store: Store, lex: Lexicon) -> None:
    r = search(demo_store, "my old poodle is drinking loads of water, peeing all the time and his belly looks swollen",
               lexicon=lex, summarise=False)
    assert r.understood.species == "dog"
    assert r.results, r.notice
    top = r.results[0]
    assert top.pmid == "42604803"
    assert any("(polydipsia)" in m for m in top.matched_signs)
    assert "Dog" in top.why and "Key sentence:" in top.why
    assert top.key_sentence and top.key_sentence in demo_store.case(demo_store.find("42604803") or 0).article.abstract


@pytest.mark.parametrize(
    ("text", "species"),
    [("my cat is vomiting and not eating", "cat"), ("dog with yellow eyes, lethargic", "dog"),
     ("kitten can't pee", "cat"), ("my staffy is coughing and losing weight", "dog")],
)
def test_species_is_a_hard_filter(demo_store: Store, lex: Lexicon, text: str, species: str) -> None:
    r = search(demo_store, text, lexicon=lex, summarise=False)
    assert r.understood.species == species
    for h in r.results:
        assert species in h.species
        assert species in _species_of(demo_store, h.pmid)


def test_explicit_species_overrides_the_text(demo_store: Store, lex: Lexicon) -> None:
    r = search(demo_store, "my cat is vomiting", species="dog", lexicon=lex, summarise=False)
    assert r.understood.species == "dog"
    assert r.results and all("dog" in h.species for h in r.results)


def test_species_without_cases_gives_an_honest_empty_list(demo_store: Store, lex: Lexicon) -> None:
    r = search(demo_store, "my rabbit has stopped eating and is not pooping", lexicon=lex, summarise=False)
    assert r.understood.species == "rabbit"
    assert r.results == ()
    assert r.notice and "no case reports about rabbits" in r.notice


@pytest.mark.parametrize("text", ["qwzx blorf snargle", "my dog ate chocolate", "my cat has fleas"])
def test_no_padding_when_nothing_matches(demo_store: Store, lex: Lexicon, text: str) -> None:
    r = search(demo_store, text, lexicon=lex, summarise=False)
    assert r.results == ()
    assert r.notice and "No case report in this collection matches" in r.notice


def test_every_hit_has_evidence(demo_store: Store, lex: Lexicon) -> None:
    r = search(demo_store, "dog not eating, vomiting and lethargic", lexicon=lex, summarise=False)
    assert r.results
    for h in r.results:
        assert h.matched_signs or "Mentions your words" in h.why


def test_no_species_searches_all_and_says_so(demo_store: Store, lex: Lexicon) -> None:
    r = search(demo_store, "poisoned with antifreeze", lexicon=lex, summarise=False)
    assert r.understood.species is None
    assert r.notice and "every species" in r.notice
    assert r.results and r.results[0].pmid == "42221951"


def test_negated_sign_is_not_evidence(demo_store: Store, lex: Lexicon) -> None:
    plain = search(demo_store, "my dog is vomiting", lexicon=lex, summarise=False)
    negated = search(demo_store, "my dog is not vomiting", lexicon=lex, summarise=False)
    assert plain.results
    assert "vomiting" in {s.term.lower() for s in negated.understood.negated}
    assert all("vomiting" not in " ".join(h.matched_signs).lower() for h in negated.results)


@pytest.mark.parametrize(
    "text",
    ['vomiting" AND (blood* OR', "NEAR(vomiting blood)", "dog: vomiting NOT blood", '"vomiting"""', "col:vomiting ^blood"],
)
def test_fts_syntax_is_plain_words(demo_store: Store, lex: Lexicon, text: str) -> None:
    words_only = Options(retrievers=("lexical", "concepts"))  # MiniLM reads quotes, so compare word matching
    r = search(demo_store, text, lexicon=lex, summarise=False, options=words_only)
    plain = search(demo_store, " ".join(text.replace('"', " ").split()), lexicon=lex, summarise=False,
                   options=words_only)
    assert [h.key for h in r.results] == [h.key for h in plain.results]


@pytest.mark.parametrize("text", ["", "  ", "?!?!", '"""', "()*", "x" * 501])
def test_bad_queries(demo_store: Store, lex: Lexicon, text: str) -> None:
    with pytest.raises(QueryError):
        search(demo_store, text, lexicon=lex)


def test_limit(demo_store: Store, lex: Lexicon) -> None:
    r = search(demo_store, "dog vomiting lethargic", limit=2, lexicon=lex, summarise=False)
    assert len(r.results) <= 2
    with pytest.raises(QueryError):
        search(demo_store, "dog vomiting", limit=0, lexicon=lex)


def test_related_same_species_without_itself(demo_store: Store, lex: Lexicon) -> None:
    r = related(demo_store, "42337531", lexicon=lex, summarise=False)
    assert all(h.pmid != "42337531" for h in r.results)
    assert all("dog" in h.species for h in r.results)
    assert r.results, "an Addison's dog with weight loss has relatives among the other dogs"
    with pytest.raises(NotFound):
        related(demo_store, "99999999", lexicon=lex)


def test_related_refuses_a_record_that_fails_the_gate(demo_store: Store, lex: Lexicon) -> None:
    negative = demo_store.find("42561144")  # a cross-sectional screening study, not a case report
    assert negative is not None
    with pytest.raises(NotFound):
        related(demo_store, "42561144", lexicon=lex)


def test_summary_is_attached_when_asked(demo_store: Store, lex: Lexicon) -> None:
    r = search(demo_store, "my dog is vomiting", lexicon=lex)
    cited = {h.key for h in r.results}
    if r.summary is not None:
        assert r.summary.cases_used <= len(r.results)
        for s in r.summary.sentences:
            assert set(s.cites) <= cited


def test_degraded_mode_without_embeddings(demo_db: Path, lex: Lexicon, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PETCASEFINDER_EMBEDDINGS", "none")
    with Store(demo_db) as store:
        r = search(store, "my dog has been throwing up and there is blood in his poop", lexicon=lex,
                   summarise=False)
    assert r.notice and "PETCASEFINDER_EMBEDDINGS=none" in r.notice
    assert r.results and r.results[0].pmid == "42585566"


def test_index_is_rebuilt_when_the_database_changes(tmp_path: Path, demo_db: Path, lex: Lexicon) -> None:
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(demo_db, db)
    with Store(db) as store:
        assert search(store, "poisoned with antifreeze", lexicon=lex, summarise=False).results
        store.db.execute("UPDATE classifications SET is_vcr = 0")
        assert search(store, "poisoned with antifreeze", lexicon=lex, summarise=False).results == ()


def test_fusion_functions() -> None:
    import numpy as np

    a = Ranked(np.asarray([1, 2, 3]), np.asarray([3.0, 2.0, 1.0], dtype=np.float32))
    b = Ranked(np.asarray([3, 1]), np.asarray([0.9, 0.1], dtype=np.float32))
    fused = rrf({"lexical": a, "dense": b}, {})
    assert max(fused, key=lambda k: fused[k]) == 1
    w = weighted({"lexical": a, "dense": b}, {"lexical": 1.0, "dense": 1.0})
    assert w[1] == pytest.approx(0.5) and w[3] == pytest.approx(0.5)
    with pytest.raises(ValueError, match="rrf"):
        select("nope")


def test_empty_database_says_so(store: Store, lex: Lexicon) -> None:
    r = search(store, "my dog is vomiting", lexicon=lex, summarise=False)
    assert r.results == ()
    assert r.notice and "no veterinary case reports yet" in r.notice
