"""The built book in a real browser: charts render from the book's own files, nothing leaves the machine."""

from __future__ import annotations

import os
import re
import time

import altair as alt
import pytest

from browser import (
    CHARTS_JS,
    EDITIONS,
    OVERFLOW_JS,
    LoopbackServer,
    PageReport,
    book_pages,
    check_page,
    chromium_paths,
    collect_logs,
    follow_redirect,
    set_scripts,
    set_viewport,
    show_every_chart,
    start_driver,
)
from conftest import ROOT, built_page

HTML = ROOT / "_build" / "html"
have_browser = all(chromium_paths())
pytestmark = pytest.mark.skipif(
    not have_browser and not os.environ.get("CI"),
    reason="chromium and chromedriver are not installed (make setup installs them)",
)


@pytest.fixture(scope="module")
def driver(chromium):
    assert all(chromium_paths()), "chromium and chromedriver are required (Debian: chromium chromium-driver)"
    browser = start_driver()
    yield browser
    browser.quit()


def test_checker_catches_cdn_charts(driver, tmp_path):
    """Altair's default HTML loads Vega from a CDN: with no network, the checker must report it."""
    chart = alt.Chart(alt.Data(values=[{"x": 1, "y": 2}])).mark_point().encode(x="x:Q", y="y:Q")
    html = chart.to_html()  # the default template, scripts from cdn.jsdelivr.net
    page = tmp_path / "cdn.html"
    page.write_text(
        html.replace("<div id=", '<figure class="vega-chart"><div class="vega-live" id=', 1).replace(
            "</div>", "</div></figure>", 1
        ),
        encoding="utf-8",
    )
    with LoopbackServer(tmp_path) as server:
        report = check_page(driver, server.base + "cdn.html", wait_seconds=3)
    assert any("cdn.jsdelivr.net" in url for url in report.remote_requests)
    assert report.rendered < report.charts
    assert report.console_errors


def test_chart_check_finds_overlapping_axis_labels(driver, tmp_path):
    """Two axis labels drawn on top of each other (as Vega's SVG marks them) are reported; apart, they are not; a
    label Vega cut with an ellipsis is reported."""

    def page(second_x: int) -> str:
        return (
            '<figure class="vega-chart" id="c"><div class="vega-variant"><svg width="300" height="100">'
            '<g class="mark-text role-axis-label"><text x="10" y="50">Against 2020</text>'
            f'<text x="{second_x}" y="50">Against the forecast</text></g></svg></div></figure>'
        )

    (tmp_path / "on.html").write_text(page(30), encoding="utf-8")
    (tmp_path / "apart.html").write_text(page(150), encoding="utf-8")
    with LoopbackServer(tmp_path) as server:
        driver.get(server.base + "on.html")
        assert driver.execute_script(CHARTS_JS)[0]["overlaps"] == ["Against 2020 / Against the forecast"]
        driver.get(server.base + "apart.html")
        report = driver.execute_script(CHARTS_JS)[0]
        assert report["overlaps"] == [] and report["outside"] == []
        cut = '<meta charset="utf-8">' + page(150).replace("forecast<", "forec…<")
        (tmp_path / "cut.html").write_text(cut, encoding="utf-8")
        driver.get(server.base + "cut.html")
        assert driver.execute_script(CHARTS_JS)[0]["outside"] == ["cut: Against the forec…"]


def test_overflow_check_sees_into_sections_drawn_later(driver, tmp_path):
    """Sections with content-visibility: auto are measured too, and what sticks out of one (it is cut) is reported;
    so is a word wider than its box (its element fits, its text does not)."""
    page = tmp_path / "lazy.html"
    page.write_text(
        '<!doctype html><html><head><meta name="viewport" content="width=device-width"></head>'
        '<body style="margin:0">'
        '<section style="content-visibility:auto;width:300px"><p style="width:340px">cut</p></section>'
        '<div style="height:5000px"></div>'
        '<section id="far" style="content-visibility:auto"><p style="width:600px">wide</p></section>'
        '<h2 style="width:200px;font-size:40px">Arbetsmarknadsprogrammets</h2>'
        "</body></html>",
        encoding="utf-8",
    )
    set_viewport(driver, 390, 844)
    try:
        driver.get(page.as_uri())
        found = driver.execute_script(OVERFLOW_JS)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert len(found) == 4 and re.fullmatch(r'text of h2 "Arbetsmarknadsprogrammets" spans 0\.\.(\d+) of 390', found[1])
    assert int(found[1].split("..")[1].split()[0]) > 400  # about 25 letters of 40 px
    assert [found[0], *found[2:]] == [
        "p spans 0..600 of 390",
        "p sticks out of section (cut there)",
        "p sticks out of section#far (cut there)",
    ]


def _from_disk_pages() -> list[str]:
    """Each edition's landing redirect and its pages with charts (the loader fetches Vega's bundle): what opening a
    file, not a served page, can break. test_page_fits_the_screen checks every page over HTTP."""
    if not HTML.is_dir():
        return ["index.html"]
    landings = [prefix + "index.html" for prefix in EDITIONS.values()]
    return [p for p in book_pages(HTML) if p in landings or "vega-chart" in (HTML / p).read_text(encoding="utf-8")]


@pytest.mark.parametrize("page", _from_disk_pages())
def test_page_from_disk(driver, page):
    """Opened as a file (no server), a page loads nothing from another host, logs no error, draws its charts."""
    assert (HTML / page).exists(), "build the book first: make book"
    report = check_page(driver, (HTML / page).as_uri())
    assert report.remote_requests == []
    assert report.console_errors == []
    assert report.rendered == report.charts


#: The two drawers a phone reader opens: the toggle's class, the theme's dialog, the links it holds.
DRAWERS = [
    ("primary", "pst-primary-sidebar-modal", "nav.bd-links a.reference.internal"),
    ("secondary", "pst-secondary-sidebar-modal", "nav.page-toc a.nav-link"),
]


def _wait(condition, seconds: float = 5.0):
    deadline = time.monotonic() + seconds
    while not (value := condition()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return value


def tap(driver, element) -> None:
    """A finger's tap at the element's centre (touch events, as on a phone), hit-tested by the browser."""
    x, y = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();return [r.left + r.width / 2, r.top + r.height / 2];", element
    )
    for kind, points in (("touchStart", [{"x": x, "y": y}]), ("touchEnd", [])):
        driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})


@pytest.mark.parametrize("kind, dialog_id, links", DRAWERS, ids=["contents", "on-this-page"])
def test_phone_drawers_open_and_their_links_lead_on(driver, served, kind, dialog_id, links):
    """At 390 px: tapping the visible ☰ (or page-contents) button opens its drawer on screen, and a link in
    it leads to another chapter (or to a section of this one)."""
    set_viewport(driver, 390, 844)
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    try:
        driver.get(served.base + "chapters/linkoping.html")
        buttons = [b for b in driver.find_elements("css selector", f".{kind}-toggle") if b.is_displayed()]
        assert buttons, f"no visible {kind}-toggle button at 390 px"
        dialog = driver.find_element("id", dialog_id)
        assert dialog.get_attribute("open") is None
        tap(driver, buttons[0])
        assert _wait(lambda: dialog.get_attribute("open") is not None), f"tapping the {kind} toggle opened nothing"
        box = driver.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return [r.left, r.width, r.height];", dialog
        )
        assert dialog.is_displayed() and box[0] >= -1 and box[1] > 150 and box[2] > 150, box
        shown = _wait(lambda: [a for a in dialog.find_elements("css selector", links) if a.is_displayed()])
        assert shown, f"the {kind} drawer shows no link"
        target = shown[-1]
        href = target.get_attribute("href")
        if kind == "primary":
            assert href and not href.split("#")[0].endswith("linkoping.html"), href
        else:
            assert href and "#" in href, href
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", target)
        tap(driver, target)
        if kind == "primary":
            assert _wait(lambda: driver.current_url.split("#")[0] == href.split("#")[0]), driver.current_url
            assert driver.execute_script("return document.readyState") in ("interactive", "complete")
        else:
            fragment = href.split("#", 1)[1]
            assert _wait(lambda: driver.current_url.endswith("#" + fragment)), driver.current_url
            assert _wait(
                lambda: (
                    abs(
                        driver.execute_script(
                            "return document.getElementById(arguments[0]).getBoundingClientRect().top;", fragment
                        )
                    )
                    < 200
                )
            )
    finally:
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


SCROLLERS_JS = """
return [...document.querySelectorAll('.cell_output > .output')].filter(b => b.querySelector('table')).map(b => [
  b.scrollWidth > b.clientWidth, b.getAttribute('role'), b.getAttribute('aria-label'), b.tabIndex]);"""


def test_wide_tables_are_named_scroll_areas_a_keyboard_reaches(driver, served):
    """At 390 px each table box that scrolls sideways is a named region with a tab stop (once its section is
    drawn); a table that fits is not a region."""
    set_viewport(driver, 390, 844)
    try:
        driver.get(served.base + "chapters/linkoping.html")
        driver.execute_script("window.scrollTo(0, document.body.scrollHeight);")  # every section drawn once
        driver.execute_script("window.scrollTo(0, 0);")
        boxes = _wait(
            lambda: (
                (b := driver.execute_script(SCROLLERS_JS))
                and all((role == "region") == wide for wide, role, _, _ in b)
                and b
            )
        )
        assert boxes, "the wide tables were not named as scroll areas"
        assert any(wide for wide, *_ in boxes), "no wide table on the Linköping page at 390 px: pick another page"
        for wide, role, label, tab in boxes:
            if wide:
                assert role == "region" and label.startswith("Table, scrolls sideways: ") and len(label) > 26, label
                assert tab == 0
            else:
                assert role is None and label is None
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


VIEWPORTS = [(390, 844), (1280, 800)]
FONTS_JS = """return performance.getEntriesByType('resource').map(e => e.name).filter(
  n => /\\.(woff2?|ttf|otf|eot)([?#]|$)/.test(n));"""


def _page_text(page: str) -> str:
    """The HTML a browser ends up showing for ``page``: the landing redirect's target, not the redirect."""
    text = built_page(page)
    target = re.search(r'http-equiv="Refresh" content="0; url=([^"]+)"', text)
    return (HTML / page).parent.joinpath(target.group(1)).read_text(encoding="utf-8") if target else text


CHART_PAGES = [p for p in (book_pages(HTML) if HTML.is_dir() else []) if "vega-chart" in _page_text(p)]


@pytest.fixture
def viewport(driver, request):
    width, height = request.param
    set_viewport(driver, width, height)
    yield width
    set_scripts(driver, True)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _static_charts(driver, url: str) -> dict[str, dict]:
    """The charts as a reader without JavaScript sees them (the build-time SVGs), by id."""
    set_scripts(driver, False)
    try:
        driver.get(url)
        follow_redirect(driver)
        charts = driver.execute_script(CHARTS_JS)
        overflow = driver.execute_script(OVERFLOW_JS)
    finally:
        set_scripts(driver, True)
    assert overflow == [], f"without JavaScript, wider than the screen: {overflow}"
    return {c["id"]: c for c in charts}


@pytest.mark.parametrize("viewport", VIEWPORTS, indirect=True, ids=["390px", "1280px"])
@pytest.mark.parametrize("page", book_pages(HTML) if HTML.is_dir() else ["index.html"])
def test_page_fits_the_screen(driver, served, viewport, page):
    """Over HTTP at a phone's and a desktop's width: no request leaves the machine, no console error, nothing
    wider than the screen; every chart first as SVG, then live at the same size, all inside its box."""
    url = served.base + page
    static = _static_charts(driver, url) if page in CHART_PAGES else {}
    for chart in static.values():
        assert not chart["live"] and chart["drawing"] and min(chart["drawing"]) > 50, chart
        assert chart["outside"] == [], f"{chart['id']} (static) cuts {chart['outside']}"
        assert chart["overlaps"] == [], f"{chart['id']} (static): axis labels overlap: {chart['overlaps']}"
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(url)
    follow_redirect(driver)
    report = PageReport(url)
    show_every_chart(driver, 20)
    collect_logs(driver, report)
    overflow = driver.execute_script(OVERFLOW_JS)
    assert overflow == [], f"wider than the screen: {overflow}"
    fonts = driver.execute_script(FONTS_JS)
    assert fonts == [], f"a webfont is loaded (the icons are the book's SVG masks, _static/book-icons.css): {fonts}"
    live = driver.execute_script(CHARTS_JS)
    assert len(live) == len(static)
    for chart in live:
        assert chart["live"], f"{chart['id']} did not go live"
        assert chart["outside"] == [], f"{chart['id']} (live) cuts {chart['outside']}"
        assert chart["overlaps"] == [], f"{chart['id']} (live): axis labels overlap: {chart['overlaps']}"
        before = static[chart["id"]]
        assert chart["width"] == pytest.approx(before["width"], abs=2)
        assert chart["height"] == pytest.approx(before["height"], abs=2), f"{chart['id']} jumps"
        for left, right, width, height in chart["inputs"]:
            assert width > 0 and height > 0 and left >= 0 and right <= viewport
    assert report.console_errors == []
    assert report.remote_requests == []


def test_pages_without_charts_load_no_vega(driver, served):
    driver.get(served.base + "chapters/ledger.html")
    assert driver.execute_script("return typeof window.vegaEmbed") == "undefined"
    assert "vega" not in driver.page_source.split("</head>")[0]


SLIDER_TEXT_JS = """
const f = [...document.querySelectorAll('figure.vega-chart')].find(x => x.querySelector('.vega-bindings'));
return [...f.querySelectorAll('.vega-live text')].map(t => t.textContent).join('|');"""


def _slider_figure(driver):
    """The costs chapter's chart that has a slider."""
    return next(
        f
        for f in driver.find_elements("css selector", "figure.vega-chart")
        if f.find_elements("css selector", ".vega-static-bindings input")
    )


def test_costs_slider_at_phone_width(driver, served):
    """At 390 px the slider is on screen, and moving it changes the value the chart draws."""
    from selenium.webdriver.common.keys import Keys

    set_viewport(driver, 390, 844)
    try:
        # The static slider, as a reader without JavaScript sees it (with scripts on, the chart can go
        # live between two checks and hide it).
        set_scripts(driver, False)
        try:
            driver.get(served.base + "chapters/costs.html")
            static_input = _slider_figure(driver).find_element("css selector", ".vega-static-bindings input")
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", static_input)
            assert static_input.is_displayed()
            rect = static_input.rect
            assert rect["width"] >= 100 and rect["x"] >= 0 and rect["x"] + rect["width"] <= 390
        finally:
            set_scripts(driver, True)
        driver.get(served.base + "chapters/costs.html")
        figure = _slider_figure(driver)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", figure)
        deadline = time.monotonic() + 15
        while "is-live" not in figure.get_attribute("class") and time.monotonic() < deadline:
            time.sleep(0.1)
        slider = figure.find_element("css selector", ".vega-live input[type=range]")
        assert slider.is_displayed()
        rect = slider.rect
        assert rect["width"] >= 100 and rect["x"] >= 0 and rect["x"] + rect["width"] <= 390
        before = driver.execute_script(SLIDER_TEXT_JS)
        slider.send_keys(Keys.HOME)
        deadline = time.monotonic() + 5
        while driver.execute_script(SLIDER_TEXT_JS) == before and time.monotonic() < deadline:
            time.sleep(0.1)
        after = driver.execute_script(SLIDER_TEXT_JS)
        assert after != before
        assert slider.get_attribute("value") == slider.get_attribute("min")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


#: A query, the search page of an edition, and a page it must find (the search index, in a browser): an English word
#: and a Swedish one in the English edition; in the Swedish edition a Swedish word in an inflected form, which
#: Sphinx's Swedish stemmer (language = "sv") reduces to the stem of the translated pages' "minskning".
SEARCHES = [
    ("Heltidsaktivering", "search.html", "chapters/linkoping.html"),
    ("biståndshushåll", "search.html", "chapters/index.html"),
    ("minskningarna", "sv/search.html", "chapters/limits.html"),
]
RESULTS_JS = "return [...document.querySelectorAll('#search-results ul.search li a')].map(a => a.getAttribute('href'));"
#: The results once the search has finished, else null: searchtools.js makes the summary paragraph when a query
#: starts, and when the last result is shown replaces the heading's text ("Searching" and its pulsing dots) with
#: "Search Results". (Its Search._pulse_status is -1 only until a pulse already due sets it to 0 again, for up to
#: 0.5 s: sphinx/themes/basic/static/searchtools.js, startPulse and stopPulse.)
FINISHED_RESULTS_JS = (
    "if (!(typeof Search !== 'undefined' && document.querySelector('#search-results .search-summary')"
    " && Search.title && !Search.title.children.length)) return null; " + RESULTS_JS
)


@pytest.mark.parametrize("viewport", VIEWPORTS, indirect=True, ids=["390px", "1280px"])
@pytest.mark.parametrize("query, search, page", SEARCHES, ids=["english", "swedish", "swedish-edition"])
def test_search_finds_the_pages_that_use_a_word(driver, served, viewport, query, search, page):
    """The search page returns the pages using the word, with no console error (searchtools.js needs doctools.js
    to have run first: a deferred doctools.js left every query without results)."""
    from urllib.parse import quote

    driver.get_log("browser")
    driver.get(served.base + search + "?q=" + quote(query))
    found = _wait(lambda: driver.execute_script(FINISHED_RESULTS_JS), 15)
    errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors
    assert found and any(href.split("?")[0].split("#")[0] == page for href in found), found


#: The search page's heading and status line once a search has finished, in each edition: with results (N pages)
#: and without. Sphinx 7.4.7's Swedish catalogue leaves the status messages empty, and its gettext returns "": the
#: Swedish status line was blank until the book gave them Swedish words (_ext/locales/sv/LC_MESSAGES/sphinx.po).
SEARCH_STATUS = {
    "sv/": (
        "Sökresultat",
        r"Sökningen är klar: (\d+) av bokens sidor matchar sökningen\.",
        r"Sökningen gav inga träffar\. ",
    ),
    "": (
        "Search Results",
        r"Search finished, found (\d+) page\(s\) matching the search query\.",
        "Your search did not ",
    ),
}
#: Finished as for FINISHED_RESULTS_JS: the heading has lost its pulsing dots.
STATUS_JS = (
    "if (typeof Search === 'undefined' || !Search.title || !Search.status || Search.title.children.length) return null;"
    " return [Search.title.textContent, Search.status.textContent];"
)


@pytest.mark.parametrize("viewport", VIEWPORTS[:1], indirect=True, ids=["390px"])
@pytest.mark.parametrize("edition", ["sv/", ""], ids=["sv", "en"])
def test_the_search_page_says_what_it_found_in_the_edition_s_language(driver, served, viewport, edition):
    """A Swedish search for "minskning" (reduction) names the number of pages found in Swedish, and that number is
    the results listed; a word in no page says so in the edition's language. The English edition as a control."""
    heading, found_pattern, none_start = SEARCH_STATUS[edition]
    driver.get(served.base + edition + "search.html?q=minskning")
    status = _wait(lambda: driver.execute_script(STATUS_JS), 15)
    assert status, "the search did not finish"
    results = driver.execute_script(RESULTS_JS)
    assert status[0] == heading
    count = re.fullmatch(found_pattern, status[1].strip())
    assert count, f"status line {status[1]!r}"
    assert int(count[1]) == len(results) > 0
    driver.get(served.base + edition + "search.html?q=xyzzyplugh")
    status = _wait(lambda: driver.execute_script(STATUS_JS), 15)
    assert status and re.match(none_start, status[1].strip()), status


@pytest.mark.parametrize("viewport", VIEWPORTS, indirect=True, ids=["390px", "1280px"])
def test_search_has_a_visible_way_in_and_no_empty_header(driver, served, viewport):
    """A reader sees a search control at either width; clicking it opens the search field, and a query typed
    there leads to the search page's results. No empty band sits above the page (the theme's header, whose
    only item was a search field the book hid)."""
    from selenium.webdriver.common.keys import Keys

    driver.get(served.base + "chapters/costs.html")
    header = driver.execute_script(
        "const h = document.querySelector('#pst-header');return h ? h.getBoundingClientRect().height : 0;"
    )
    assert header == 0, f"an empty header {header} px high above the page"
    controls = [b for b in driver.find_elements("css selector", ".search-button__button") if b.is_displayed()]
    assert controls, f"no visible search control at {viewport} px"
    controls[0].click()
    field = _wait(
        lambda: next((f for f in driver.find_elements("css selector", "input[name=q]") if f.is_displayed()), None)
    )
    assert field, "the search control opened no search field"
    field.send_keys("Heltidsaktivering", Keys.ENTER)
    assert _wait(lambda: "search.html" in driver.current_url and driver.execute_script(RESULTS_JS), 15), (
        driver.current_url
    )


#: The luminance of an element's computed colour (or background), 0 (black) to 1 (white), read in the page.
LUMINANCE_JS = """
const toLinear = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
window.bookLuminance = (value) => {
  const probe = document.createElement('span');
  probe.style.color = value;
  document.body.appendChild(probe);
  const [r, g, b, a] = getComputedStyle(probe).color.match(/[\\d.]+/g).map(Number);
  probe.remove();
  if (a === 0) return null;  // transparent
  return 0.2126 * toLinear(r) + 0.7152 * toLinear(g) + 0.0722 * toLinear(b);
};"""
DARK_PAGE_JS = (
    LUMINANCE_JS
    + """
const lum = window.bookLuminance, out = {theme: document.documentElement.dataset.theme, charts: [], boxes: []};
out.page = lum(getComputedStyle(document.body).backgroundColor);
for (const fig of document.querySelectorAll('figure.vega-chart')) {
  const live = fig.classList.contains('is-live');
  const shown = [...fig.querySelectorAll('.vega-variant')].find(v => v.getClientRects().length);
  const svg = live ? fig.querySelector('.vega-live svg') : shown && shown.querySelector('svg');
  const texts = [...svg.querySelectorAll('text')].map(t => lum(getComputedStyle(t).fill));
  const rect = svg.querySelector(':scope > rect');
  out.charts.push({id: fig.id, live: live, scheme: fig.dataset.scheme || null, darkest_text: Math.min(...texts),
                   background: rect ? lum(getComputedStyle(rect).fill) : null});
}
for (const box of document.querySelectorAll('.cell_output .text_html')) {
  if (box.querySelector('figure.vega-chart, table.claims-ledger, table.data-table'))
    out.boxes.push([lum(getComputedStyle(box).backgroundColor), lum(getComputedStyle(box).color)]);
}
return out;"""
)


def _emulate_scheme(driver, scheme: str) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
    )


@pytest.mark.parametrize("viewport", VIEWPORTS, indirect=True, ids=["390px", "1280px"])
@pytest.mark.parametrize("page", ["chapters/strangnas.html", "chapters/ledger.html"])
def test_a_dark_device_gets_dark_pages_with_dark_charts_and_cards(driver, served, viewport, page):
    """A device that prefers dark opens the book dark; the charts (the build-time SVGs, then the live charts) are
    drawn with light text on no white box, and the book's outputs (charts, ledger cards) sit on the dark page,
    not on the theme's light box for outputs."""
    _emulate_scheme(driver, "dark")
    try:
        driver.get(served.base + page)
        static = driver.execute_script(DARK_PAGE_JS)
        assert static["theme"] == "dark" and static["page"] < 0.05, static
        assert static["boxes"] and all(bg is None or bg < 0.05 for bg, _ in static["boxes"]), static["boxes"]
        assert all(colour > 0.4 for _, colour in static["boxes"]), static["boxes"]
        for chart in static["charts"]:
            assert not chart["live"] and chart["darkest_text"] > 0.4, chart
            assert chart["background"] is None or chart["background"] < 0.05, chart
        if static["charts"]:
            show_every_chart(driver, 20)
            live = driver.execute_script(DARK_PAGE_JS)["charts"]
            assert all(c["live"] and c["scheme"] == "dark" and c["darkest_text"] > 0.4 for c in live), live
            driver.execute_script("document.documentElement.dataset.theme = 'light';")  # the reader switches
            assert _wait(
                lambda: all(
                    c["live"] and c["scheme"] == "light" and c["darkest_text"] < 0.05
                    for c in driver.execute_script(DARK_PAGE_JS)["charts"]
                ),
                20,
            )
    finally:
        _emulate_scheme(driver, "light")


def test_a_light_device_gets_light_pages(driver, served):
    _emulate_scheme(driver, "light")
    driver.get(served.base + "chapters/strangnas.html")
    assert driver.execute_script("return document.documentElement.dataset.theme") == "light"


@pytest.mark.parametrize("viewport", VIEWPORTS, indirect=True, ids=["390px", "1280px"])
def test_the_pdf_is_one_tap_from_the_header(driver, served, viewport):
    """The header's download menu opens and offers the book's PDF edition, which the site serves."""
    from urllib.request import urlopen

    driver.get(served.base + "chapters/costs.html")
    menu = next(
        b for b in driver.find_elements("css selector", ".dropdown-download-buttons > button") if b.is_displayed()
    )
    menu.click()
    entry = _wait(
        lambda: next(
            (a for a in driver.find_elements("css selector", "a.btn-download-book-pdf-button") if a.is_displayed()),
            None,
        )
    )
    assert entry and "PDF edition" in entry.text and "MB" in entry.text, entry and entry.text
    with urlopen(entry.get_attribute("href")) as response:
        assert response.read(5) == b"%PDF-"


def test_each_page_title_names_the_book_once(driver, served):
    """The landing page (titled as the book) is titled by the book's title alone; a chapter by its title, then the book's."""
    from bistand.publishing.citation import book

    title = book().title
    driver.get(served.base + "chapters/index.html")
    assert driver.title == title
    driver.get(served.base + "chapters/costs.html")
    assert driver.title == f"Cost effects \u2014 {title}"
