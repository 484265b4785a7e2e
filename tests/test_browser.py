"""The site in a real browser: Playwright driving Debian's chromium against `petcasefinder serve`.

The server runs as a subprocess on a free port over a database built from
../shared/data (the session demo database) plus one hostile record.  Screenshots
of every page go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from browser_support import ARTIFACTS, needs_chromium
from serve_data import HOSTILE_PMID, add_hostile, copy_db

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
QUERY = "my dog keeps throwing up and his gums look yellow"

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = copy_db(demo_db, tmp_path_factory.mktemp("browser") / "site.db")
    add_hostile(db)
    port = free_port()
    exe = Path(sys.executable).with_name("petcasefinder")
    log = (tmp_path_factory.getbasetemp() / "serve.log").open("w")
    proc = subprocess.Popen(
        [str(exe), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        stdout=log, stderr=subprocess.STDOUT, env=os.environ | {"PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"petcasefinder serve exited with {proc.returncode}: see {log.name}")
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("petcasefinder serve did not answer within 180 s")
            time.sleep(0.25)
        yield base
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()



@pytest.fixture
def page_for(browser: Any) -> Iterator[Any]:
    """Open pages with a viewport; collects console errors (CSP violations show up there)."""
    contexts: list[Any] = []

    def make(viewport: str = "desktop", **kw: Any) -> Any:
        ctx = browser.new_context(viewport=VIEWPORTS[viewport], accept_downloads=True, **kw)
        contexts.append(ctx)
        page = ctx.new_page()
        page.console_errors = []
        page.dialogs = []
        page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        return page

    yield make
    for ctx in contexts:
        ctx.close()


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


CONTRAST_JS = """() => {
  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(',').map(parseFloat); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const lum = ({r, g, b}) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const bg = el => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c.a > 0) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
  const bad = [];
  for (const el of document.querySelectorAll('body *')) {
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const box = el.getBoundingClientRect(); const st = getComputedStyle(el);
    if (box.width < 2 || box.height < 2 || st.visibility === 'hidden') continue;
    const l1 = lum(parse(st.color)), l2 = lum(bg(el));
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(st.fontSize), large = size >= 24 || (parseInt(st.fontWeight) >= 700 && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) bad.push(`${el.tagName}.${el.className} ${ratio.toFixed(2)}: ${el.textContent.trim().slice(0, 40)}`);
  }
  return bad;
}"""


def check_accessible(page: Any) -> None:
    """One h1, no skipped heading level, every visible control labelled, the skip link first, AA contrast."""
    levels = page.eval_on_selector_all("h1, h2, h3, h4, h5, h6", "els => els.map(e => +e.tagName[1])")
    assert levels.count(1) == 1 and levels[0] == 1, levels
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
    unlabelled = page.eval_on_selector_all(
        "input:not([type=hidden]), select, textarea",
        "els => els.filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.id)",
    )
    assert unlabelled == []
    assert page.locator("body a").first.inner_text() == "Skip to main content"
    assert "This is not a diagnosis. Talk to your vet." in page.inner_text("body")
    assert page.evaluate(CONTRAST_JS) == []


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_search_results_case_related_export(server: str, page_for: Any, viewport: str) -> None:
    page = page_for(viewport)
    page.goto(server + "/")
    check_accessible(page)
    shot(page, f"{viewport}-home")

    page.fill("#q", QUERY)
    page.select_option("#species", "dog")
    page.click("form.search button[type=submit]")
    page.wait_for_url(re.compile(r"/search\?"))
    assert page.locator("h1").inner_text() == "Cases like yours"
    check_accessible(page)
    hits = page.locator("li.hit")
    assert hits.count() >= 1
    assert all("Dog" in t for t in page.locator("li.hit .species").all_inner_texts())
    assert page.locator("table.bars tbody tr").count() >= 1
    shot(page, f"{viewport}-results")

    cites = page.locator("a.cite")
    if cites.count():
        target = cites.first.get_attribute("href")
        cites.first.click()
        assert page.url.endswith(target)
        assert page.locator(f"li.hit{target}").is_visible()

    page.locator("li.hit h3 a").first.click()
    page.wait_for_url(re.compile(r"/case/"))
    check_accessible(page)
    assert page.locator(".badge").inner_text().startswith("Veterinary case report · Dog")
    assert page.get_by_role("heading", name="Why we call this a veterinary case report").is_visible()
    for name in ("Europe PMC", "PubMed"):
        assert page.get_by_role("link", name=name).count() == 1
    shot(page, f"{viewport}-case")

    with page.expect_download() as dl:
        page.get_by_role("link", name="Citation (RIS)").click()
    body = Path(dl.value.path()).read_text(encoding="utf-8")
    assert body.startswith("TY  - JOUR") and dl.value.suggested_filename.endswith(".ris")

    page.get_by_role("link", name="Find related cases").click()
    page.wait_for_url(re.compile(r"/related/"))
    check_accessible(page)
    assert page.locator("h1").inner_text() == "Cases related to this one"
    shot(page, f"{viewport}-related")
    if page.locator("li.hit").count():
        with page.expect_download() as dl:
            page.get_by_role("link", name="Citations (BibTeX)").click()
        assert Path(dl.value.path()).read_text(encoding="utf-8").startswith("@article{")

    page.goto(server + "/about")
    check_accessible(page)
    shot(page, f"{viewport}-about")
    page.goto(server + "/case/000000000")
    assert page.locator("h1").inner_text() == "Not found"
    shot(page, f"{viewport}-error")
    errors = [e for e in page.console_errors if "404" not in e]
    assert errors == [], errors


def test_works_without_javascript(server: str, page_for: Any) -> None:
    page = page_for("phone", java_script_enabled=False)
    page.goto(server + "/")
    page.fill("#q", QUERY)
    page.click("form.search button[type=submit]")
    page.wait_for_url(re.compile(r"/search\?"))
    assert page.locator("li.hit").count() >= 1
    page.locator("li.hit h3 a").first.click()
    page.wait_for_url(re.compile(r"/case/"))
    assert page.locator(".badge").inner_text().startswith("Veterinary case report · Dog")
    page.get_by_role("link", name="Find related cases").click()
    page.wait_for_url(re.compile(r"/related/"))
    assert page.locator("h1").inner_text() == "Cases related to this one"


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_hostile_record_is_shown_as_text_and_nothing_runs(server: str, page_for: Any, bypass_csp: bool) -> None:
    """With the CSP switched off too, so escaping alone is shown to be enough."""
    page = page_for("desktop", bypass_csp=bypass_csp)
    page.goto(f"{server}/case/{HOSTILE_PMID}")
    page.wait_for_load_state("load")
    title = page.locator("h1").inner_text()
    assert "<script>window.__pwned = 'title'</script>" in title
    assert "<img src=x onerror=" in title
    body = page.inner_text("main")
    assert "<script>window.__pwned = 'abstract'; alert('xss')</script>" in body
    assert "<img src=x onerror=alert(1)>" in body
    assert page.evaluate("window.__pwned") is None
    assert page.locator("main script, main img").count() == 0
    assert page.locator("h1 i").inner_text() == "maropitant"
    page.goto(server + "/search?" + httpx.QueryParams({"q": "persistent vomiting foreign body", "species": "dog"}).__str__())
    assert page.locator(f"a[href='/case/{HOSTILE_PMID}']").count() >= 1
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []
    if not bypass_csp:
        shot(page, "hostile-results")


def test_keyboard_only(server: str, page_for: Any) -> None:
    page = page_for("desktop")
    page.goto(server + "/")

    def tab_to(predicate: str, limit: int = 60) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"(() => {{ const e = document.activeElement; return !!e && ({predicate}); }})()"):
                outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
                assert outline != "none", "focused element has no visible focus outline"
                return
        raise AssertionError(f"could not reach {predicate} with Tab")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    tab_to("e.id === 'q'", limit=1)
    page.keyboard.type(QUERY)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?"))
    shot(page, "keyboard-results")

    tab_to("e.matches('a.cite')")
    href = page.evaluate("document.activeElement.getAttribute('href')")
    assert re.fullmatch(r"#hit-\d+", href)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(href) + "$"))
    tab_to("e.matches('li.hit h3 a')", limit=3)
    assert page.evaluate("document.activeElement.closest('li.hit').id") == href[1:]
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/case/"))
    assert page.locator(".badge").inner_text().startswith("Veterinary case report")
    tab_to("e.textContent === 'Find related cases'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/related/"))
    shot(page, "keyboard-related")
