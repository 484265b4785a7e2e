"""Record text becomes safe HTML: only <i> <b> <sup> <sub> survive as markup."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from petcasefinder.serve.sanitize import highlight, inline_html, plain_text

HOSTILE = 'Case of <script>alert("x")</script> and <img src=x onerror=alert(1)> in a <i>Felis catus</i>'


def test_hostile_tags_become_text_and_allowed_tags_stay() -> None:
    out = str(inline_html(HOSTILE))
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "<i>Felis catus</i>" in out


def test_allowed_tag_with_attributes_is_not_restored() -> None:
    out = str(inline_html('<i onclick="steal()">x</i> H<sub>2</sub>O 10<sup>6</sup> <b>bold'))
    assert "onclick" not in out.replace("&lt;i onclick", "")  # only as escaped text
    assert "&lt;i onclick=" in out
    assert "H<sub>2</sub>O" in out and "10<sup>6</sup>" in out
    assert out.endswith("<b>bold</b>")  # an unclosed tag is closed by nh3


def test_entities_and_ampersands_are_text() -> None:
    assert str(inline_html("a &amp; b < c")) == "a &amp;amp; b &lt; c"


def test_plain_text_drops_inline_tags_only() -> None:
    assert plain_text("<i>E. coli</i> in a <b>dog</b> <script>") == "E. coli in a dog <script>"


def test_highlight_marks_evidence_and_escapes_everything() -> None:
    text = "BACKGROUND: A dog <script>x</script>.\nIt vomited daily. Prednisolone was given."
    paras = [str(p) for p in highlight(text, [("It vomited daily.", "sign"), ("Prednisolone was given.", "treatment")])]
    assert len(paras) == 2
    assert "&lt;script&gt;" in paras[0] and "<script" not in paras[0]
    assert '<mark class="ev ev-sign">It vomited daily.</mark>' in paras[1]
    assert '<mark class="ev ev-treatment">Prednisolone was given.</mark>' in paras[1]


def test_highlight_overlapping_evidence_joins_kinds() -> None:
    paras = [str(p) for p in highlight("The dog recovered after surgery.", [
        ("The dog recovered after surgery.", "outcome"), ("after surgery", "treatment")])]
    assert '<mark class="ev ev-outcome ev-treatment">after surgery</mark>' in paras[0]


@given(st.text(alphabet=st.sampled_from(list("<>/\"'=& abcisupbgrmxonerr\n")), max_size=80))
def test_no_tag_but_the_allowed_ones_ever_appears(text: str) -> None:
    html = str(inline_html(text)) + "".join(str(p) for p in highlight(text, [(text[:10], "sign")]))
    import re

    tags = set(re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", html))
    assert tags <= {"i", "b", "sup", "sub", "mark"}


def test_article_type_labels_match_what_the_classifier_emits() -> None:
    """The case page's 'We read it as' label is keyed on the classifier's own article_type strings."""
    from petcasefinder.serve import labels

    assert labels.article_type_label("case report") == "a case report"
    assert labels.article_type_label("case series") == "a case series"
