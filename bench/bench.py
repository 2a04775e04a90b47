"""Benchmark: print timings and page weights on this machine (`make bench`). Not a test.

Prints: executing all notebooks alone (nbclient); a clean `make book` (both editions) and a clean English-alone
build (`make book EDITIONS=en`), with their ratio (the Swedish edition's cost); a rebuild with nothing changed; the PDF edition's build time and size; `make check`; `make test`; per page, the bytes a reader downloads (HTML plus the assets it references,
raw and gzip-compressed); and any HTML file that differs between two clean builds.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
import subprocess
import sys
import time

from bistand import ROOT

HTML = ROOT / "_build" / "html"


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def execute_notebooks_alone() -> float:
    import nbformat
    from nbclient import NotebookClient

    start = time.perf_counter()
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        NotebookClient(
            notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
        ).execute()
    return time.perf_counter() - start


def page_weights() -> list[tuple[str, int, int]]:
    """(page, raw bytes, gzip bytes) of each chapter page with the scripts, stylesheets, fonts and images it loads."""
    rows = []
    for page in sorted((HTML / "chapters").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        files = {page}
        loaded = (
            re.findall(r'<script[^>]*\ssrc="([^"#?]+)', text)
            + re.findall(r'<link[^>]*rel="(?:stylesheet|icon|shortcut icon)"[^>]*href="([^"#?]+)', text)
            + re.findall(r'<img[^>]*\ssrc="([^"#?]+)', text)
        )
        for ref in loaded:
            target = (page.parent / ref).resolve()
            if "://" not in ref and target.is_file():
                files.add(target)
                if target.suffix == ".css":  # fonts and images a stylesheet pulls in
                    for inner in re.findall(
                        r'url\(["\']?([^"\')?#]+)', target.read_text(encoding="utf-8", errors="replace")
                    ):
                        font = (target.parent / inner).resolve()
                        if font.is_file():
                            files.add(font)
        raw = sum(f.stat().st_size for f in files)
        packed = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
        rows.append((page.name, raw, packed))
    return rows


def html_digests() -> dict[str, str]:
    return {str(p.relative_to(HTML)): hashlib.sha256(p.read_bytes()).hexdigest() for p in HTML.rglob("*.html")}


def main() -> int:
    make = ["make", "--no-print-directory"]
    bare = execute_notebooks_alone()
    print(f"execute all notebooks alone (nbclient): {bare:6.1f} s")
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    english = timed(make + ["book", "EDITIONS=en"])
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    clean = timed(make + ["book"])
    print(
        f"clean make book (both editions):         {clean:6.1f} s  (target <= {bare + 30:.1f} s: the bare execution + 30 s;"
        " the build executes nothing)"
    )
    print(
        f"clean make book EDITIONS=en:             {english:6.1f} s  (both editions / English alone: "
        f"{clean / english:.2f}x; issue 26 measured 1.45-1.5x)"
    )
    first = html_digests()
    rebuild = timed(make + ["book"])
    print(f"rebuild, nothing changed:                {rebuild:6.1f} s  (target < 5 s)")
    print("page weights (HTML + local assets):")
    for name, raw, packed in page_weights():
        flag = "" if packed <= 1_000_000 else "  OVER 1 MB"
        print(f"  {name:28s} {raw / 1024:8.0f} KiB raw {packed / 1024:8.0f} KiB gzip{flag}")
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    timed(make + ["book"])
    second = html_digests()
    differing = sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))
    print(f"HTML files differing between two clean builds: {len(differing)}")
    for name in differing:
        print(f"  {name}")
    print("in headless Chromium over HTTP, other hosts unresolvable:")
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import LoopbackServer, book_pages, check_page, start_driver

    driver = start_driver()
    try:
        with LoopbackServer(HTML) as server:
            for page in book_pages(HTML):
                r = check_page(driver, server.base + page)
                print(
                    f"  {page:32s} charts {r.rendered}/{r.charts} rendered, {len(r.console_errors)} console errors, "
                    f"{len(r.remote_requests)} remote requests, {r.bytes_loaded / 1024:7.0f} KiB transferred"
                )
    finally:
        driver.quit()
    pdf_time = timed([str(ROOT / ".venv" / "bin" / "python"), "-m", "bistand.publishing.pdf"])
    pdf = next((ROOT / "_build" / "pdf").glob("*.pdf"))
    print(
        f"PDF edition (make pdf after the book):   {pdf_time:6.1f} s  {pdf.stat().st_size / 1024:8.0f} KiB  {pdf.name}"
    )
    check = timed(make + ["check"])
    print(f"make check (unit tests):                 {check:6.1f} s  (target < 60 s)")
    test = timed(make + ["test"])
    print(f"make test:                               {test:6.1f} s  (target < 300 s from a warm .venv)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
