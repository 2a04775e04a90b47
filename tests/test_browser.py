"""The built book in a real browser: charts render from the book's own files, nothing leaves the machine."""

from __future__ import annotations

import os

import altair as alt
import pytest

from browser import LoopbackServer, book_pages, check_page, chromium_paths, start_driver
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
