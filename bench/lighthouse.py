"""Lighthouse (mobile, simulated throttling) on every page of the built book, served with gzip.

Run by `make bench`, which installs Lighthouse from npm under _build/bench. Prints per page the
performance score, largest contentful paint, total blocking time, the bytes transferred (gzip) and
the resources that block the first paint besides the HTML (Lighthouse's render-blocking audit). Targets (issue 12): score >= 0.9,
LCP <= 2.5 s, TBT <= 200 ms. Not a test: the numbers depend on the machine.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bistand import ROOT

HTML = ROOT / "_build" / "html"
LIGHTHOUSE = ROOT / "_build" / "bench" / "node_modules" / ".bin" / "lighthouse"
COMPRESSED = {".html", ".css", ".js", ".svg", ".json", ".txt", ".xml", ".ico", ".map", ".csv", ".ipynb"}


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it (as GitHub Pages serves them)."""

    def log_message(self, format, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # a browser closing a connection early
        pass


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    server = QuietServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def audit(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    flags = (
        "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
        "--disable-dev-shm-usage --host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'"
    )
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--only-categories=performance",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={flags}",
            "--quiet",
            "--max-wait-for-load=60000",
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def summary(result: dict) -> tuple[float, float, float, int, list[str]]:
    audits = result["audits"]
    blocking = audits["render-blocking-resources"].get("details", {}).get("items", [])
    first = [r["url"].rsplit("/", 1)[-1].split("?")[0] for r in blocking]
    return (
        result["categories"]["performance"]["score"],
        audits["largest-contentful-paint"]["numericValue"],
        audits["total-blocking-time"]["numericValue"],
        int(audits["total-byte-weight"]["numericValue"]),
        first,
    )


def main() -> int:
    if not LIGHTHOUSE.exists():
        print(f"Lighthouse is not installed at {LIGHTHOUSE}: run `make bench`", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import book_pages

    server, base = serve(HTML)
    failures = 0
    print(
        "Lighthouse mobile (simulated throttling), served with gzip; targets: score >= 0.90, LCP <= 2.5 s, TBT <= 200 ms"
    )
    print(f"  {'page':28s} {'score':>5s} {'LCP s':>6s} {'TBT ms':>7s} {'KiB gzip':>9s}  blocking the first paint")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for page in book_pages(HTML):
                score, lcp, tbt, size, first = summary(audit(base + page, Path(tmp) / "report.json"))
                ok = score >= 0.9 and lcp <= 2500 and tbt <= 200
                failures += not ok
                print(
                    f"  {page:28s} {score:5.2f} {lcp / 1000:6.2f} {tbt:7.0f} {size / 1024:9.0f}  "
                    f"{', '.join(first) or '-'}{'' if ok else '  MISSES TARGET'}"
                )
    finally:
        server.shutdown()
    print(f"pages missing a target: {failures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
