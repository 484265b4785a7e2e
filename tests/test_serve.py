"""The site through Starlette's TestClient over a real demo database (built from ../shared/data).

Each page answers 200 with its content; JSON twins equal the CLI's --json output;
unknown cases are 404 in both forms; the error envelope, security headers, the
query length limit and the OpenAPI document are pinned.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from petcasefinder.cli import main
from petcasefinder.index.sqlite import Store
from petcasefinder.openapi import document
from petcasefinder.serve import create_app
from petcasefinder.serve.labels import examples
from petcasefinder.settings import MAX_QUERY_CHARS
from serve_data import HOSTILE_PMID, add_hostile, copy_db

ERROR_KEYS = {"ok", "error"}


@pytest.fixture(scope="module")
def site_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = copy_db(demo_db, tmp_path_factory.mktemp("site") / "site.db")
    add_hostile(path)
    return path


@pytest.fixture(scope="module")
def client(site_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(site_db)) as c:
        yield c


@pytest.fixture(scope="module")
def keys(site_db: Path) -> dict[str, str]:
    """A dog case report, a cat case report and a record that is not a case report."""
    with Store(site_db) as s:
        out: dict[str, str] = {}
        for case in s.cases([r[0] for r in s.db.execute("SELECT id FROM articles ORDER BY id")]):
            c = case.classification
            if c is None or not case.article.pmid or case.article.pmid == HOSTILE_PMID:
                continue
            if c.is_veterinary_case_report and case.findings and case.findings.signs:
                for sp in ("dog", "cat"):
                    if sp in c.species:
                        out.setdefault(sp, case.article.pmid)
            elif not c.is_veterinary_case_report:
                out.setdefault("negative", case.article.pmid)
    assert {"dog", "cat", "negative"} <= set(out)
    return out


def cli_json(*args: str) -> Any:
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def validate(name: str, data: Any) -> None:
    schema = {"$ref": f"#/components/schemas/{name}", "components": document()["components"]}
    jsonschema_rs.validator_for(schema).validate(data)


def first_example_with_results(client: TestClient) -> dict[str, str]:
    for ex in examples():
        if client.get(ex["href"].replace("/search?", "/search.json?")).json()["results"]:
            return ex
    raise AssertionError("no example search finds anything in the demo database")


# ---- pages -----------------------------------------------------------------------------------------
def test_home(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "Describe what&#39;s happening with your pet" in html or "Describe what's happening with your pet" in html
    assert '<label for="q">' in html and '<label for="species">' in html
    assert '<option value="dog">Dog</option>' in html and '<option value="cat">Cat</option>' in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert "This is not a diagnosis. Talk to your vet." in html
    assert html.count('href="/search?q=') >= 3
    assert f'maxlength="{MAX_QUERY_CHARS}"' in html


def test_search_page_shows_understanding_summary_hits_and_chart(client: TestClient) -> None:
    ex = first_example_with_results(client)
    data = client.get(ex["href"].replace("/search?", "/search.json?")).json()
    html = client.get(ex["href"]).text
    assert "What we understood" in html
    for sign in data["understood"]["signs"]:
        assert sign["term"] in html
    for n, hit in enumerate(data["results"], 1):
        assert f'id="hit-{n}"' in html
        key = hit["pmid"] or hit["doi"]
        assert f'href="/case/{key}"' in html
    if data["summary"] and data["summary"]["sentences"]:
        cited = re.findall(r'<a class="cite" href="#hit-(\d+)"', html)
        assert cited and all(1 <= int(n) <= len(data["results"]) for n in cited)
    assert '<table class="bars">' in html and "How the animals did" in html
    assert "This is not a diagnosis. Talk to your vet." in html


def test_search_json_equals_cli_contract(client: TestClient, site_db: Path) -> None:
    for ex in examples()[:3]:
        args = ["search", ex["q"], "--json", "--db", str(site_db)]
        params: dict[str, str] = {"q": ex["q"]}
        if ex["species"]:
            args += ["--species", ex["species"]]
            params["species"] = ex["species"]
        web = client.get("/search.json", params=params)
        assert web.status_code == 200 and web.headers["content-type"] == "application/json"
        assert web.json() == cli_json(*args)
        validate("SearchResponse", web.json())


def test_no_species_named_asks_for_it(client: TestClient) -> None:
    html = client.get("/search", params={"q": "keeps throwing up and is very tired"}).text
    assert "Which animal is this about?" in html and '<select id="ask-species" name="species">' in html
    data = client.get("/search.json", params={"q": "keeps throwing up and is very tired"}).json()
    assert data["understood"]["species"] is None and data["notice"]


def test_empty_state_helps(client: TestClient) -> None:
    params = {"q": "my tortoise has a soft shell and will not eat", "species": "tortoise"}
    data = client.get("/search.json", params=params).json()
    assert data["results"] == []
    r = client.get("/search", params=params)
    assert r.status_code == 200
    assert "No matching case reports" in r.text and "Try fewer words" in r.text


def test_case_page_vcr(client: TestClient, keys: dict[str, str], site_db: Path) -> None:
    r = client.get(f"/case/{keys['dog']}")
    assert r.status_code == 200
    html = r.text
    assert "Veterinary case report · Dog" in html
    assert "Why we call this a veterinary case report" in html
    for label in ("Europe PMC", "PubMed", "DOI:"):
        assert label in html
    assert f'href="/related/{keys["dog"]}"' in html and "Find related cases" in html
    assert '<mark class="ev' in html
    assert f'href="/export/case.ris?id={keys["dog"]}"' in html
    j = client.get(f"/case/{keys['dog']}.json").json()
    assert j == cli_json("case", keys["dog"], "--json", "--db", str(site_db))
    validate("Case", j)
    for sign in j["findings"]["signs"]:
        assert sign["lay"].replace("'", "&#39;") in html or sign["lay"] in html


def test_case_by_doi(client: TestClient, keys: dict[str, str]) -> None:
    j = client.get(f"/case/{keys['cat']}.json").json()
    assert "/" in j["doi"]
    page = client.get(f"/case/{j['doi']}")
    assert page.status_code == 200 and "Veterinary case report · Cat" in page.text
    assert client.get(f"/case/{j['doi']}.json").json() == j


def test_case_page_not_a_case_report(client: TestClient, keys: dict[str, str]) -> None:
    html = client.get(f"/case/{keys['negative']}").text
    assert "Not a veterinary case report" in html
    assert "Veterinary case report ·" not in html and 'class="badge vcr"' not in html
    assert "Find related cases" not in html  # a record that is not a case report has none


def test_related_page_and_json(client: TestClient, keys: dict[str, str], site_db: Path) -> None:
    r = client.get(f"/related/{keys['cat']}")
    assert r.status_code == 200 and "Cases related to this one" in r.text
    j = client.get(f"/related/{keys['cat']}.json").json()
    assert j == cli_json("related", keys["cat"], "--json", "--db", str(site_db))
    assert all("cat" in hit["species"] for hit in j["results"])
    assert keys["cat"] not in {hit["pmid"] for hit in j["results"]}
    validate("SearchResponse", j)


def test_about_page(client: TestClient) -> None:
    html = client.get("/about").text
    assert "Where the reports come from" in html and "How well it works" in html and "Limits" in html
    assert "This is not a diagnosis. Talk to your vet." in html
    assert re.search(r"holds \d+ records, of which \d+ are veterinary case", html)


def test_about_page_shows_measured_figures(site_db: Path, tmp_path: Path) -> None:
    figures = tmp_path / "expected.json"
    figures.write_text(json.dumps({"search": {"full": {"ndcg@10": 0.8123}, "wrong_species": 0}}))
    with TestClient(create_app(site_db, eval_path=figures)) as c:
        html = c.get("/about").text
    assert "<td>search › full</td><td>ndcg@10</td><td class=\"num\">0.812</td>" in html
    assert "<td>search</td><td>wrong_species</td><td class=\"num\">0</td>" in html


# ---- errors ----------------------------------------------------------------------------------------
def test_unknown_case_is_404_in_both_forms(client: TestClient) -> None:
    r = client.get("/case/123456789012")
    assert r.status_code == 404 and "Not found" in r.text and "123456789012" in r.text
    j = client.get("/case/123456789012.json")
    assert j.status_code == 404
    assert j.json() == {"ok": False, "error": {"status": 404, "message": "No case with id '123456789012' in this database."}}
    assert client.get("/related/123456789012.json").status_code == 404


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/no/such/page.json", 404),
        ("/search.json?q=", 400),
        ("/search.json?q=%22%22%20()%20*", 400),
        ("/search.json?q=vomiting&limit=0", 400),
        ("/search.json?q=vomiting&limit=abc", 400),
        ("/export/case.csl.json?id=000000", 404),
        ("/export/case.csl.json", 404),
        ("/export/search.csl.json", 400),
    ],
)
def test_error_envelope_shape_is_pinned(client: TestClient, url: str, status: int) -> None:
    r = client.get(url)
    assert r.status_code == status
    body = r.json()
    assert set(body) == ERROR_KEYS and body["ok"] is False
    assert set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status and isinstance(body["error"]["message"], str) and body["error"]["message"]
    validate("Error", body)


def test_query_length_limit_message(client: TestClient) -> None:
    long_q = "my dog is vomiting " * 40
    assert len(long_q) > MAX_QUERY_CHARS
    r = client.get("/search", params={"q": long_q})
    assert r.status_code == 400
    assert f"{MAX_QUERY_CHARS} characters or fewer" in r.text and 'role="alert"' in r.text
    j = client.get("/search.json", params={"q": long_q})
    assert j.status_code == 400 and f"{MAX_QUERY_CHARS} characters or fewer" in j.json()["error"]["message"]


def test_html_error_page_for_unknown_route(client: TestClient) -> None:
    r = client.get("/nothing-here")
    assert r.status_code == 404 and "There is no page at this address." in r.text
    assert "This is not a diagnosis. Talk to your vet." in r.text


def test_unexpected_failure_is_a_plain_500(site_db: Path, tmp_path: Path) -> None:
    """A real fault (a table missing from the database file) gives the 500 page/envelope and no trace."""
    broken = copy_db(site_db, tmp_path / "broken.db")
    with sqlite3.connect(broken) as db:
        db.execute("DROP TABLE findings")
    db.close()
    with TestClient(create_app(broken), raise_server_exceptions=False) as c:
        page = c.get(f"/case/{HOSTILE_PMID}")
        data = c.get(f"/case/{HOSTILE_PMID}.json")
    assert page.status_code == 500 and "Something went wrong on our side" in page.text
    assert data.status_code == 500
    assert data.json() == {"ok": False, "error": {"status": 500, "message": data.json()["error"]["message"]}}
    for r in (page, data):
        assert "Traceback" not in r.text and "sqlite3" not in r.text and "no such table" not in r.text
        assert "unsafe-inline" not in r.headers["content-security-policy"]


# ---- safety ----------------------------------------------------------------------------------------
def test_security_headers_on_every_response(client: TestClient) -> None:
    for url in ("/", "/about", "/case/none.json", "/static/style.css", "/nothing"):
        h = client.get(url).headers
        csp = h["content-security-policy"]
        assert "unsafe-inline" not in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "no-referrer"
        assert h["x-frame-options"] == "DENY"
        assert "camera=()" in h["permissions-policy"]
        assert "server" not in h or "uvicorn" not in h["server"]


def test_static_files_are_cached_by_version(client: TestClient) -> None:
    """Pages link the stylesheet with the digest of the static files; that URL may be kept for a year."""
    import re

    href = re.search(r'href="(/static/style\.css\?v=([0-9a-f]+))"', client.get("/").text)
    assert href is not None
    versioned = client.get(href.group(1))
    assert versioned.status_code == 200 and "max-age=31536000" in versioned.headers["cache-control"]
    assert "immutable" in versioned.headers["cache-control"]
    plain = client.get("/static/favicon.svg")
    assert plain.status_code == 200 and plain.headers["cache-control"] == "public, max-age=3600"
    stale = client.get("/static/style.css?v=0")
    assert "immutable" not in stale.headers["cache-control"]
    # an edited file changes the version, so a year-long cache never serves stale style
    from petcasefinder.serve import app as app_module

    assert href.group(2) == app_module._asset_version()


def test_hostile_record_is_text(client: TestClient) -> None:
    html = client.get(f"/case/{HOSTILE_PMID}").text
    assert "<script>window" not in html and "<img src=x" not in html and "<script>AB" not in html
    assert "&lt;script&gt;window.__pwned = &#39;title&#39;&lt;/script&gt;" in html or "&lt;script&gt;window" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<i>maropitant</i>" in html
    assert "<script" not in html.replace("&lt;script", "")
    data = client.get("/search.json", params={"q": "persistent vomiting foreign body", "species": "dog"}).json()
    assert HOSTILE_PMID in {h["pmid"] for h in data["results"]}
    page = client.get("/search", params={"q": "persistent vomiting foreign body", "species": "dog"}).text
    assert "<script" not in page and "<img" not in page


# ---- exports and OpenAPI ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("fmt", "media", "start"),
    [("ris", "application/x-research-info-systems", "TY  - JOUR"), ("bib", "application/x-bibtex", "@article{"),
     ("csl.json", "application/vnd.citationstyles.csl+json", "[")],
)
def test_exports(client: TestClient, keys: dict[str, str], fmt: str, media: str, start: str) -> None:
    r = client.get(f"/export/case.{fmt}", params={"id": keys["dog"]})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    assert r.headers["content-disposition"].startswith("attachment; filename=\"petcasefinder-case-")
    assert r.text.startswith(start) and keys["dog"] in r.text
    ex = first_example_with_results(client)
    n = len(client.get(ex["href"].replace("/search?", "/search.json?")).json()["results"])
    params = {"q": ex["q"]} | ({"species": ex["species"]} if ex["species"] else {})
    listing = client.get(f"/export/search.{fmt}", params=params).text
    if fmt == "csl.json":
        assert len(json.loads(listing)) == n
    elif fmt == "ris":
        assert listing.count("TY  - JOUR") == n
    else:
        assert listing.count("@article{") == n


def test_openapi_document(client: TestClient) -> None:
    r = client.get("/openapi.json")
    assert r.status_code == 200
    doc = r.json()
    assert doc == document() and doc["openapi"].startswith("3.1")
    assert {"/search.json", "/case/{key}.json", "/related/{key}.json", "/export/case.{format}", "/export/search.{format}",
            "/export/related.{format}"} <= set(doc["paths"])
    assert doc["paths"]["/search.json"]["get"]["parameters"][0]["schema"]["maxLength"] == MAX_QUERY_CHARS


def _template(path: str) -> str:
    """A Starlette route path as an OpenAPI path template: ``/case/{key:path}.json`` -> ``/case/{key}.json``."""
    return re.sub(r"\{(\w+):\w+\}", r"{\1}", path)


def test_openapi_lists_exactly_the_apps_routes(site_db: Path) -> None:
    """Every API route is described, nothing else is, and each described parameter in the path is the route's."""
    from starlette.routing import Mount, Route

    app = create_app(site_db)
    api = {_template(r.path): r for r in app.routes if isinstance(r, Route) and r.include_in_schema}
    paths = document()["paths"]
    assert set(api) == set(paths)
    for path, route in api.items():
        described = {p["name"] for p in paths[path]["get"]["parameters"] if p["in"] == "path"} if (
            "parameters" in paths[path]["get"]) else set()
        assert described == set(route.param_convertors), path
        assert route.methods is not None and "GET" in route.methods
    # what is left out is the HTML pages (each with a described .json twin or none), the redirect and static files
    pages = {_template(r.path) for r in app.routes if isinstance(r, Route) and not r.include_in_schema}
    assert pages == {"/", "/search", "/case/{key}", "/related/{key}", "/about", "/favicon.ico"}
    assert [m.path for m in app.routes if isinstance(m, Mount)] == ["/static"]
    for page in ("/search", "/case/{key}", "/related/{key}"):
        assert page + ".json" in paths


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "missing.db")])
    assert r.exit_code != 0
    assert "petcasefinder build" in r.output and "Traceback" not in r.output
