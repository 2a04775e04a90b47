"""Local Sphinx extension: pages that fit a phone and paint at once.

- Tables: each data cell is labelled with its column's header (``data-label``), so ``book.css`` can
  show one block per row on phones; pandas' second header row holding only the index name is dropped.
- The theme's stylesheet no longer declares the Font Awesome webfonts: the icons are inline SVG
  (``icons.py``), so no page fetches a 150 KB font it does not need.
- One search box: the sidebar's search field stays; the header's second one is not drawn.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

FONT_FACE = re.compile(r"@font-face\{[^}]*Font Awesome[^}]*\}")
TABLE = re.compile(r"<table\b", re.IGNORECASE)


def label_tables(body: str) -> str:
    """Label every body cell with its column header and drop pandas' index-name header row."""
    if not TABLE.search(body):
        return body
    soup = BeautifulSoup(body, "html.parser")
    changed = False
    for table in soup.find_all("table"):
        head = table.find("thead")
        if head is None:
            continue
        rows = head.find_all("tr", recursive=False)
        for row in rows[1:]:  # pandas: a row with the index name and nothing else
            cells = row.find_all(["th", "td"], recursive=False)
            if cells and all(not c.get_text(strip=True) for c in cells[1:]):
                row.decompose()
                changed = True
        first = head.find("tr")
        if first is None:
            continue
        labels = []
        for cell in first.find_all(["th", "td"], recursive=False):
            labels += [cell.get_text(" ", strip=True)] * int(cell.get("colspan", 1) or 1)
        for body_row in table.find_all("tbody"):
            for row in body_row.find_all("tr", recursive=False):
                for label, cell in zip(labels, row.find_all(["th", "td"], recursive=False)):
                    if label and not cell.get("data-label"):
                        cell["data-label"] = label
                        changed = True
    return str(soup) if changed else body


def _fit_tables(app, pagename, templatename, context, doctree) -> None:
    if "body" in context:
        context["body"] = label_tables(context["body"])


def _drop_webfonts(app, exception) -> None:
    """Remove the Font Awesome @font-face rules from the theme's copied stylesheet."""
    if exception or app.builder.format != "html":
        return
    for sheet in Path(app.outdir, "_static", "styles").glob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        new = FONT_FACE.sub("", text)
        if new != text:
            sheet.write_text(new, encoding="utf-8")


def setup(app):
    app.connect("html-page-context", _fit_tables)
    app.connect("build-finished", _drop_webfonts)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
