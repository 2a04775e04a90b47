"""Open built pages in headless Chromium with every host but loopback unresolvable, and report.

For each page: charts found and rendered, console errors, requests to other hosts, bytes loaded.
Used by tests/test_browser.py and by the benchmark.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
LOCAL_SCHEMES = {"file", "data", "blob", "about", "chrome", "devtools"}


@dataclass
class PageReport:
    url: str
    charts: int = 0
    rendered: int = 0
    console_errors: list[str] = field(default_factory=list)
    remote_requests: list[str] = field(default_factory=list)
    bytes_loaded: int = 0


def chromium_paths() -> tuple[str | None, str | None]:
    return shutil.which("chromium") or shutil.which("chromium-browser"), shutil.which("chromedriver")


def start_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver_path = chromium_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1300,1000",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
        f"--user-data-dir={tempfile.mkdtemp(prefix='chromium-')}",
    ]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})  # each page measured cold
    return driver


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:  # no access log on the console
        pass


class LoopbackServer:
    """Serve a folder on 127.0.0.1 on a free port, in a thread, for the life of a ``with`` block."""

    def __init__(self, root: Path):
        handler = partial(_QuietHandler, directory=str(root))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __enter__(self) -> LoopbackServer:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


RENDERED_JS = """
const f = document.querySelectorAll('figure.vega-chart');
const r = [...f].filter(x => x.querySelector('.vega-live svg, .vega-live canvas'));
return [f.length, r.length];"""

#: Scroll one chart into view (as a reader would) and tell whether it has finished (live or failed).
SCROLL_TO_CHART_JS = """
const f = document.querySelectorAll('figure.vega-chart')[arguments[0]];
f.scrollIntoView({block: 'center'});
return Boolean(f.querySelector('.vega-live svg, .vega-live canvas')) || f.dataset.state === 'failed';"""


REDIRECT_JS = "return Boolean(document.querySelector('meta[http-equiv=\"Refresh\" i]'));"


def follow_redirect(driver, wait_seconds: float = 10.0) -> None:
    """If the page just loaded is a redirect (the landing page's meta refresh), wait until the browser has
    loaded its target, so that what is measured next is the page a reader sees."""
    start = driver.current_url
    if not driver.execute_script(REDIRECT_JS):
        return
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        if (
            driver.current_url != start
            and driver.execute_script("return document.readyState") == "complete"
            and not driver.execute_script(REDIRECT_JS)
        ):
            return
        time.sleep(0.1)
    raise AssertionError(f"{start} did not lead to its target within {wait_seconds} s")


def show_every_chart(driver, wait_seconds: float) -> None:
    """Scroll to each chart in turn and wait for it to go live (the loader starts near the viewport)."""
    count = driver.execute_script("return document.querySelectorAll('figure.vega-chart').length;")
    deadline = time.monotonic() + wait_seconds
    for index in range(count):
        while not driver.execute_script(SCROLL_TO_CHART_JS, index) and time.monotonic() < deadline:
            time.sleep(0.1)


def check_page(driver, url: str, wait_seconds: float = 15.0) -> PageReport:
    """Load one page, bring each chart into view and wait until every chart has rendered or the wait runs out."""
    driver.get_log("performance")
    driver.get_log("browser")
    driver.get(url)
    follow_redirect(driver)
    report = PageReport(url)
    deadline = time.monotonic() + wait_seconds
    show_every_chart(driver, wait_seconds)
    while True:
        report.charts, report.rendered = driver.execute_script(RENDERED_JS)
        if report.rendered == report.charts or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    time.sleep(0.3)
    collect_logs(driver, report)
    return report


def collect_logs(driver, report: PageReport) -> None:
    """Console errors, requests to other hosts and bytes loaded since the logs were last read."""
    report.console_errors += [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            request_url = message["params"]["request"]["url"]
            parsed = urlparse(request_url)
            if parsed.scheme not in LOCAL_SCHEMES and parsed.hostname not in LOCAL_HOSTS:
                report.remote_requests.append(request_url)
        elif message["method"] == "Network.loadingFinished":
            report.bytes_loaded += int(message["params"].get("encodedDataLength", 0))


def set_viewport(driver, width: int, height: int) -> None:
    """Emulate a screen of this size (a phone below 600 px: the page's viewport meta tag applies)."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def set_scripts(driver, enabled: bool) -> None:
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": not enabled})


#: Elements reaching outside the viewport, unless an ancestor is a scroll (or clipping) container.
OVERFLOW_JS = """
const width = document.documentElement.clientWidth, found = [];
if (!document.body) return [];
function label(el) {
  return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.getAttribute('class') ? '.' + el.getAttribute('class').trim().split(/\\s+/).join('.') : '');
}
function held(el, top) {  // inside a scroll (or clipping) container below ``top``
  for (let a = el.parentElement; a && a !== top; a = a.parentElement) {
    if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(a).overflowX)) return true;
  }
  return false;
}
// Sections the browser lays out only near the screen (content-visibility: auto) are measured laid out;
// and as such a section clips what sticks out of it, that is reported too.
const lazy = [...document.body.querySelectorAll('*')].filter(e => getComputedStyle(e).contentVisibility === 'auto');
const drawAll = document.createElement('style');
drawAll.textContent = '* { content-visibility: visible !important; }';
document.head.appendChild(drawAll);
try {
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if ((!r.width && !r.height) || (r.left >= -1 && r.right <= width + 1)) continue;
    if (getComputedStyle(el).visibility === 'hidden' || held(el, document.body)) continue;
    found.push(label(el) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + width);
  }
  // Text wider than its box (a long word that is not broken) widens the page without any element doing so.
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || getComputedStyle(el).visibility === 'hidden') continue;
    if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(el).overflowX) || held(el, document.body)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if ((!r.width && !r.height) || (r.left >= -1 && r.right <= width + 1)) continue;
    found.push('text of ' + label(el) + ' "' + node.textContent.trim().slice(0, 30) + '" spans ' +
               Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + width);
  }
  for (const section of lazy) {
    const box = section.getBoundingClientRect();
    for (const el of section.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if ((!r.width && !r.height) || (r.left >= box.left - 1 && r.right <= box.right + 1)) continue;
      if (getComputedStyle(el).visibility === 'hidden' || held(el, section)) continue;
      found.push(label(el) + ' sticks out of ' + label(section) + ' (cut there)');
    }
  }
} finally {
  drawAll.remove();
}
return found;"""

#: Per chart: its box, whether live, and any title, legend or text not fully inside the drawing and the box.
CHARTS_JS = """
const out = [];
for (const fig of document.querySelectorAll('figure.vega-chart')) {
  const live = fig.classList.contains('is-live');
  const shown = [...fig.querySelectorAll('.vega-variant')].find(v => v.getClientRects().length);
  const svg = live ? fig.querySelector('.vega-live svg') : (shown && shown.querySelector('svg'));
  const box = fig.getBoundingClientRect();
  const r = {id: fig.id, live: live, width: box.width, height: box.height, drawing: null, outside: [], overlaps: [],
             inputs: [...fig.querySelectorAll(live ? '.vega-live input' : '.vega-static-bindings input')].map(
               i => { const b = i.getBoundingClientRect(); return [b.left, b.right, b.width, b.height]; })};
  if (svg) {
    const s = svg.getBoundingClientRect();
    r.drawing = [s.width, s.height];
    if (s.left < box.left - 1 || s.right > box.right + 1) r.outside.push('drawing wider than its box');
    for (const t of svg.querySelectorAll('.role-title, .role-legend, text')) {
      const b = t.getBoundingClientRect();
      if (!b.width && !b.height) continue;
      if (b.left < s.left - 1 || b.right > s.right + 1 || b.top < s.top - 1 || b.bottom > s.bottom + 1)
        r.outside.push((t.getAttribute('class') || 'text') + ': ' + (t.textContent || '').slice(0, 50));
      // Vega cuts a text longer than its limit with an ellipsis: a title or label a reader cannot read whole.
      if (t.tagName === 'text' && (t.textContent || '').includes('…')) r.outside.push('cut: ' + t.textContent);
    }
    // Axis labels of one axis that overlap cannot be read. Each label is the box of its glyphs as drawn
    // (rotation included: four corners on the screen); two overlap where no edge separates them by 1 px.
    const corners = t => {
      const b = t.getBBox(), m = t.getScreenCTM();
      return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
        .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
    };
    const apart = (p, q) => [p, q].some(poly => poly.some((a, i) => {
      const b = poly[(i + 1) % 4], nx = a.y - b.y, ny = b.x - a.x, len = Math.hypot(nx, ny) || 1;
      const proj = pts => pts.map(c => (c.x * nx + c.y * ny) / len);
      const [pp, qq] = [proj(p), proj(q)];
      return Math.min(Math.max(...pp), Math.max(...qq)) - Math.max(Math.min(...pp), Math.min(...qq)) <= 1;
    }));
    for (const axis of svg.querySelectorAll('.role-axis-label')) {
      // Labels Vega hides to avoid overlap are drawn with opacity 0: only the shown ones count.
      const labels = [...axis.querySelectorAll('text')]
        .filter(t => t.getAttribute('opacity') !== '0' && getComputedStyle(t).opacity !== '0' && t.getBBox().width)
        .map(t => [t.textContent, corners(t)]);
      for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++)
        if (!apart(labels[i][1], labels[j][1])) r.overlaps.push(labels[i][0] + ' / ' + labels[j][0]);
    }
  }
  out.push(r);
}
return out;"""


#: Where each edition is in the built site: English at the root, Swedish under sv/ (issue 26).
EDITIONS = {"en": "", "sv": "sv/"}


def book_pages(html_dir: Path) -> list[str]:
    """The book's pages in every edition built, relative to the HTML folder: each edition's landing redirect and
    every chapter (``index.html``, ``chapters/x.html``, ``sv/index.html``, ``sv/chapters/x.html``), not the redirect
    pages of old addresses."""
    from conftest import built_chapters

    pages = []
    for prefix in EDITIONS.values():
        if (html_dir / prefix / "chapters").is_dir():
            pages += [prefix + "index.html"] + [str(p.relative_to(html_dir)) for p in built_chapters(html_dir / prefix)]
    return pages
