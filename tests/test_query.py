"""Query understanding: species words and breeds, signs with negation, age, sex, duration; bad queries."""

from __future__ import annotations

import pytest

from petcasefinder.errors import QueryError
from petcasefinder.lexicon import Lexicon, load
from petcasefinder.search import describe, understand
from petcasefinder.search.lexical import stem, tokenize
from petcasefinder.search.query import age_in_years, analyse, check_query, parse_age, parse_sex
from petcasefinder.settings import MAX_QUERY_CHARS


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load()


@pytest.mark.parametrize(
    ("text", "species"),
    [
        ("my moggy keeps being sick", "cat"),
        ("our kitty is drinking a lot", "cat"),
        ("my pup is limping", "dog"),
        ("my bunny has a head tilt", "rabbit"),
        ("my budgie is fluffed up", "budgerigar"),
        ("the mare is lame", "horse"),
        ("my guinea pig is losing hair", "guinea pig"),
        ("bearded dragon not eating", "bearded dragon"),
    ],
)
def test_species_from_everyday_words(lex: Lexicon, text: str, species: str) -> None:
    assert understand(text, lex).species == species


@pytest.mark.parametrize(
    ("text", "species"),
    [("my chihuahua keeps getting bladder stones", "dog"), ("old persian losing weight", "cat")],
)
def test_species_and_breed_from_breed_names(lex: Lexicon, text: str, species: str) -> None:
    u = understand(text, lex)
    assert u.species == species
    assert u.breed is not None and u.breed.split()[0].lower() in text.lower()


def test_signs_map_lay_words_to_clinical_terms(lex: Lexicon) -> None:
    u = understand("my dog is drinking a lot and throwing up", lex)
    terms = {s.term.lower() for s in u.signs}
    assert "polydipsia" in terms
    assert "vomiting" in terms
    assert all(s.said.lower() in "my dog is drinking a lot and throwing up" for s in u.signs)


def test_negated_sign_is_kept_apart(lex: Lexicon) -> None:
    u = understand("my dog is lethargic but is not vomiting", lex)
    assert "vomiting" in {s.term.lower() for s in u.negated}
    assert "vomiting" not in {s.term.lower() for s in u.signs}
    a = analyse("my dog is lethargic but is not vomiting", lex)
    assert "vomit" not in a.words


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("my 9 year old dog", "9 years"),
        ("a 15-month-old terrier", "15 months"),
        ("my old cat", "senior"),
        ("senior lab", "senior"),
        ("our puppy", "young"),
        ("a kitten", "young"),
        ("my jack russell is 14, and lethargic", "14 years"),
        ("vomiting for 3 months", None),
    ],
)
def test_age(text: str, age: str | None) -> None:
    assert parse_age(text) == age


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("she is vomiting", "female"),
        ("he is vomiting", "male"),
        ("my spayed bitch", "female, spayed"),
        ("a neutered male cat", "male, neutered"),
        ("our tom cat", "male"),
        ("the queen is pregnant", "female"),
        ("my dog is neutered", "neutered"),
        ("my dog", None),
    ],
)
def test_sex(text: str, sex: str | None) -> None:
    assert parse_sex(text) == sex


def test_understood_shown_back(lex: Lexicon) -> None:
    u = understand("my old cat is losing weight but eats all the time and yowls at night", lex)
    assert u.species == "cat"
    assert u.age == "senior"
    line = describe(u)
    assert line.startswith("We understood: cat, senior;")
    assert "weight loss" in line.lower()
    assert u.to_json().keys() == {"species", "signs", "age", "sex", "breed"}


def test_duration(lex: Lexicon) -> None:
    assert understand("coughing for months", lex).duration == "for months"
    assert understand("suddenly weak in the back legs", lex).duration == "suddenly"


@pytest.mark.parametrize("text", ["", "   ", "?!...", "\"\" () * ;", "x" * (MAX_QUERY_CHARS + 1)])
def test_bad_queries_raise_query_error(lex: Lexicon, text: str) -> None:
    with pytest.raises(QueryError) as e:
        understand(text, lex)
    assert "\n" not in str(e.value)


def test_check_query_trims_and_allows_the_limit() -> None:
    assert check_query("  my   dog  ") == "my dog"
    assert len(check_query("a" * MAX_QUERY_CHARS)) == MAX_QUERY_CHARS


def test_fts_syntax_is_plain_words() -> None:
    assert tokenize('vomiting" AND (NEAR(dog* cat) OR "blood') == [
        stem(w) for w in ["vomiting", "and", "near", "dog", "cat", "or", "blood"]
    ]


def test_stemmer_folds_inflections_and_british_spelling() -> None:
    assert stem("vomiting") == stem("vomited") == stem("vomits")
    assert stem("anaemia") == stem("anemia")
    assert stem("diarrhoea") == stem("diarrhea")
    assert stem("polyuria") != stem("polydipsia")


def test_age_in_years() -> None:
    assert age_in_years("14 years") == 14
    assert age_in_years("11 months") == pytest.approx(11 / 12)
    assert age_in_years("senior") is None
    assert age_in_years(None) is None
