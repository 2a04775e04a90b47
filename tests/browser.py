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
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1300,1000",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                 f"--user-data-dir={tempfile.mkdtemp(prefix='chromium-')}"]:
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


def check_page(driver, url: str, wait_seconds: float = 15.0) -> PageReport:
    """Load one page and wait until every chart has rendered or the wait runs out."""
    driver.get_log("performance")
    driver.get_log("browser")
    driver.get(url)
    report = PageReport(url)
    deadline = time.monotonic() + wait_seconds
    while True:
        report.charts, report.rendered = driver.execute_script(
            "const f = document.querySelectorAll('figure.vega-chart');"
            "const r = [...f].filter(x => x.querySelector('.vega-live svg, .vega-live canvas'));"
            "return [f.length, r.length];")
        if report.rendered == report.charts or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    time.sleep(0.3)
    report.console_errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            request_url = message["params"]["request"]["url"]
            parsed = urlparse(request_url)
            if parsed.scheme not in LOCAL_SCHEMES and parsed.hostname not in LOCAL_HOSTS:
                report.remote_requests.append(request_url)
        elif message["method"] == "Network.loadingFinished":
            report.bytes_loaded += int(message["params"].get("encodedDataLength", 0))
    return report


def book_pages(html_dir: Path) -> list[str]:
    """The book's pages, relative to the HTML folder: the landing redirect and every chapter."""
    return ["index.html"] + sorted(str(p.relative_to(html_dir)) for p in (html_dir / "chapters").glob("*.html"))
