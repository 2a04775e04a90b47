"""The built book in a real browser: charts render from the book's own files, nothing leaves the machine."""

from __future__ import annotations

import os
import re
import time

import altair as alt
import pytest

from browser import (CHARTS_JS, OVERFLOW_JS, LoopbackServer, PageReport, book_pages, check_page, chromium_paths,
                     collect_logs, follow_redirect, set_scripts, set_viewport, show_every_chart, start_driver)
from conftest import ROOT

HTML = ROOT / "_build" / "html"
have_browser = all(chromium_paths())
pytestmark = pytest.mark.skipif(not have_browser and not os.environ.get("CI"),
                                reason="chromium and chromedriver are not installed (make setup installs them)")


@pytest.fixture(scope="module")
def driver():
    assert all(chromium_paths()), "chromium and chromedriver are required (Debian: chromium chromium-driver)"
    browser = start_driver()
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def served():
    assert (HTML / "chapters").is_dir(), "build the book first: make book"
    with LoopbackServer(HTML) as server:
        yield server


def test_checker_catches_cdn_charts(driver, tmp_path):
    """Altair's default HTML loads Vega from a CDN: with no network, the checker must report it."""
    chart = alt.Chart(alt.Data(values=[{"x": 1, "y": 2}])).mark_point().encode(x="x:Q", y="y:Q")
    html = chart.to_html()  # the default template, scripts from cdn.jsdelivr.net
    page = tmp_path / "cdn.html"
    page.write_text(html.replace("<div id=", '<figure class="vega-chart"><div class="vega-live" id=', 1)
                    .replace("</div>", "</div></figure>", 1), encoding="utf-8")
    with LoopbackServer(tmp_path) as server:
        report = check_page(driver, server.base + "cdn.html", wait_seconds=3)
    assert any("cdn.jsdelivr.net" in url for url in report.remote_requests)
    assert report.rendered < report.charts
    assert report.console_errors


def test_overflow_check_sees_into_sections_drawn_later(driver, tmp_path):
    """Sections with content-visibility: auto are measured too, and what sticks out of one (it is cut) is reported."""
    page = tmp_path / "lazy.html"
    page.write_text('<!doctype html><html><head><meta name="viewport" content="width=device-width"></head>'
                    '<body style="margin:0">'
                    '<section style="content-visibility:auto;width:300px"><p style="width:340px">cut</p></section>'
                    '<div style="height:5000px"></div>'
                    '<section id="far" style="content-visibility:auto"><p style="width:600px">wide</p></section>'
                    '</body></html>', encoding="utf-8")
    set_viewport(driver, 390, 844)
    try:
        driver.get(page.as_uri())
        found = driver.execute_script(OVERFLOW_JS)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert found == ["p spans 0..600 of 390", "p sticks out of section (cut there)", "p sticks out of section#far (cut there)"]


def test_hidden_code_is_measured_when_opened(driver, served):
    """The theme makes scrollable blocks keyboard-focusable; the book's fix of its script measures only what is
    laid out (no forced layout at load), and a hidden code cell when it is opened, a far section when drawn."""
    set_viewport(driver, 390, 844)
    try:
        driver.get(served.base + "chapters/linkoping.html")
        state = "return [...document.querySelectorAll('details.hide pre')].map(p => p.getAttribute('tabindex'));"
        assert set(driver.execute_script(state)) == {None}
        details = driver.find_element("css selector", "details.hide")
        driver.execute_script("arguments[0].scrollIntoView(); arguments[0].open = true;", details)
        pre = details.find_element("css selector", "pre")
        assert driver.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth;", pre)
        deadline = time.monotonic() + 5
        while pre.get_attribute("tabindex") != "0" and time.monotonic() < deadline:
            time.sleep(0.1)
        assert pre.get_attribute("tabindex") == "0"
        # A wide block in a section far down: measured once that section is drawn.
        last = driver.execute_script(
            "return [...document.querySelectorAll('.cell_output > .output, pre')].filter("
            "b => !b.closest('details') && b.scrollWidth > b.clientWidth).pop();")
        driver.execute_script("arguments[0].scrollIntoView();", last)
        deadline = time.monotonic() + 5
        while last.get_attribute("tabindex") != "0" and time.monotonic() < deadline:
            time.sleep(0.1)
        assert last.get_attribute("tabindex") == "0"
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("page", book_pages(HTML) if HTML.is_dir() else ["index.html"])
def test_page_over_http(driver, served, page):
    report = check_page(driver, served.base + page)
    assert report.remote_requests == []
    assert report.console_errors == []
    assert report.rendered == report.charts


@pytest.mark.parametrize("page", book_pages(HTML) if HTML.is_dir() else ["index.html"])
def test_page_from_disk(driver, page):
    assert (HTML / page).exists(), "build the book first: make book"
    report = check_page(driver, (HTML / page).as_uri())
    assert report.remote_requests == []
    assert report.console_errors == []
    assert report.rendered == report.charts


def test_chapters_with_charts_have_charts(driver, served):
    report = check_page(driver, served.base + "chapters/strangnas.html")
    assert report.charts >= 2 and report.rendered == report.charts


VIEWPORTS = [(390, 844), (1280, 800)]


def _page_text(page: str) -> str:
    """The HTML a browser ends up showing for ``page``: the landing redirect's target, not the redirect."""
    text = (HTML / page).read_text(encoding="utf-8")
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
    """Nothing wider than the screen; every chart first as SVG, then live at the same size, all inside its box."""
    url = served.base + page
    static = _static_charts(driver, url) if page in CHART_PAGES else {}
    for chart in static.values():
        assert not chart["live"] and chart["drawing"] and min(chart["drawing"]) > 50, chart
        assert chart["outside"] == [], f"{chart['id']} (static) cuts {chart['outside']}"
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(url)
    follow_redirect(driver)
    report = PageReport(url)
    show_every_chart(driver, 20)
    collect_logs(driver, report)
    overflow = driver.execute_script(OVERFLOW_JS)
    assert overflow == [], f"wider than the screen: {overflow}"
    live = driver.execute_script(CHARTS_JS)
    assert len(live) == len(static)
    for chart in live:
        assert chart["live"], f"{chart['id']} did not go live"
        assert chart["outside"] == [], f"{chart['id']} (live) cuts {chart['outside']}"
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
    return next(f for f in driver.find_elements("css selector", "figure.vega-chart")
                if f.find_elements("css selector", ".vega-static-bindings input"))


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
