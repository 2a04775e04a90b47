"""axe-core on every page of the built book, at a phone's and a desktop's width, in light and dark mode.

axe-core comes from npm (``make test`` installs it under _build/axe, as ``make bench`` does Lighthouse) and is
injected into each page with Selenium. No violation of impact serious or critical may remain. What the
book cannot fix itself is listed in the README with its upstream issue (and is not serious or critical).
"""

from __future__ import annotations

import os

import pytest

from browser import EDITIONS, LoopbackServer, chromium_paths, follow_redirect, set_viewport, start_driver
from conftest import ROOT

HTML = ROOT / "_build" / "html"
AXE = ROOT / "_build" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}
pytestmark = pytest.mark.skipif(
    not all(chromium_paths()) and not os.environ.get("CI"),
    reason="chromium and chromedriver are not installed (make browser installs them)",
)


def pages() -> list[str]:
    """Every chapter, the search page and the index, in each edition built (English at the root, Swedish in sv/)."""
    if not HTML.is_dir():
        return ["chapters/index.html"]
    found = []
    for prefix in EDITIONS.values():
        if (HTML / prefix / "chapters").is_dir():
            chapters = sorted(str(p.relative_to(HTML)) for p in (HTML / prefix / "chapters").glob("*.html"))
            found += chapters + [prefix + "search.html", prefix + "genindex.html"]
    return found


#: Inject axe once per page; lay out every section (content-visibility: auto would leave far sections with a
#: guessed height, and axe would measure text against what lies behind them), end transitions (so a colour is
#: measured as it ends, not halfway from the other mode), set the colour mode.
PREPARE_JS = """
if (!window.axe) {
  const script = document.createElement('script');
  script.textContent = arguments[0];
  document.head.appendChild(script);
  const style = document.createElement('style');
  style.textContent = '* { content-visibility: visible !important; transition: none !important; animation: none !important; }';
  document.head.appendChild(style);
}
document.documentElement.dataset.theme = arguments[1];
"""
RUN_JS = """
const done = arguments[arguments.length - 1];
const options = {resultTypes: ['violations']};
if (arguments[0]) options.runOnly = {type: 'rule', values: arguments[0]};
axe.run(document, options).then(r => done(r.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').split('\\n').slice(1, 2).join(' ').trim())}))));
"""


@pytest.fixture(scope="module")
def driver(chromium):
    assert AXE.is_file(), "axe-core is installed by `make test` (make axe) under _build/axe"
    browser = start_driver()
    browser.set_script_timeout(120)
    yield browser
    browser.quit()


def blocking(violations: list[dict]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']}; " + "; ".join(v["nodes"][:5])
        for v in violations
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("width, height", [(390, 844), (1280, 900)], ids=["390px", "1280px"])
@pytest.mark.parametrize("page", pages())
def test_no_serious_or_critical_axe_violation(driver, served, page, width, height):
    """Every rule in light mode; in dark mode the colour rules again (the rest does not change with the colours)."""
    axe = AXE.read_text(encoding="utf-8")
    set_viewport(driver, width, height)
    try:
        driver.get(served.base + page)
        follow_redirect(driver)
        found = {}
        for mode, rules in (("light", None), ("dark", ["color-contrast", "link-in-text-block"])):
            driver.execute_script(PREPARE_JS, axe, mode)
            found[mode] = blocking(driver.execute_async_script(RUN_JS, rules))
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert found == {"light": [], "dark": []}


def test_axe_finds_what_it_should(driver, tmp_path):
    """The check itself: a page with low-contrast text and an unnamed button fails it."""
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body><main>'
        '<p style="color:#999;background:#aaa">faint</p><button></button></main></body></html>',
        encoding="utf-8",
    )
    with LoopbackServer(tmp_path) as server:
        driver.get(server.base + "bad.html")
        driver.execute_script(PREPARE_JS, AXE.read_text(encoding="utf-8"), "light")
        found = blocking(driver.execute_async_script(RUN_JS, None))
    assert {line.split(" ")[0] for line in found} == {"color-contrast", "button-name"}


#: Elements after the last section laid out late (content-visibility: auto; the cite box and what follows), whose
#: background the page's link colour does not stand out from (4.5:1). Such a box is laid out where the late sections'
#: guessed heights put it, and lies under their links as yet undrawn: Lighthouse's axe run (which does not scroll the
#: page) measured the links against it (the cite box's surface colour: 4.34:1, accessibility 0.96 on four pages).
BACKGROUNDS_AFTER_LATE_SECTIONS_JS = """
const lazy = [...document.querySelectorAll('.bd-article section')].filter(s => getComputedStyle(s).contentVisibility === 'auto');
const link = document.querySelector('.bd-article section a.reference');
if (!lazy.length || !link) return [];
const rgb = c => c.match(/[\\d.]+/g).map(Number);
const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
  .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
const ink = lum(rgb(getComputedStyle(link).color)), found = [];
for (const el of document.querySelectorAll('.bd-article *')) {
  if (!(lazy[lazy.length - 1].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) || lazy.some(s => s.contains(el))) continue;
  if (!el.checkVisibility()) continue;  // not drawn (in a closed <details>)
  const bg = rgb(getComputedStyle(el).backgroundColor);
  if (bg.length === 4 && bg[3] === 0) continue;
  const [hi, lo] = [Math.max(ink, lum(bg)), Math.min(ink, lum(bg))];
  if ((hi + 0.05) / (lo + 0.05) < 4.5) found.push(el.tagName.toLowerCase() + '.' + el.className + ' ' + getComputedStyle(el).backgroundColor);
}
return found;"""


@pytest.mark.parametrize("page", [p for p in pages() if p.startswith("chapters/")])
def test_no_box_with_a_background_follows_the_sections_laid_out_late(driver, served, page):
    """At Lighthouse's phone size, in light mode (Lighthouse's default), as the page first loads."""
    set_viewport(driver, 412, 823)
    try:
        driver.get(served.base + page)
        assert driver.execute_script(BACKGROUNDS_AFTER_LATE_SECTIONS_JS) == []
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
