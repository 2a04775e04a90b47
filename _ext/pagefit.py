"""Local Sphinx extension: pages that fit a phone and paint soon, through Sphinx's own hooks only.

Nothing here edits a file of the theme, of Sphinx or of an extension: the theme's scripts and
stylesheets are copied as they are.

- Tables: each data cell is labelled with its column's header (``data-label``), so ``book.css`` can
  show one block per row on phones; pandas' second header row, holding only the index names, is
  merged into the first (the names go into its empty corner cells), and an empty corner cell gets a header
  for screen readers. Code-cell toggles are named by the text they show. This edits the page's own body.
- Scripts: every script Sphinx and the extensions add is loaded with ``defer`` (their order kept),
  except ``documentation_options.js``, which inline settings extend, and ``doctools.js``, which defines
  ``_ready`` for the scripts the search page links after it without ``defer`` (``searchtools.js``); scripts and stylesheets of
  extensions a page does not use (sphinx-thebe, sphinx-design) are left out of it. This changes
  the lists in the page's template context (``html-page-context``), not a file.
- The theme's Font Awesome script (1.5 MB) and its search scripts on every page are not linked:
  ``_templates/layout.html`` overrides the two template blocks that link them (the icons are drawn by
  the theme's stylesheet with its webfont; search-as-you-type is off, the search box opens the
  search page, which keeps its scripts).
- Code colours: the theme's accessible Pygments styles in light and dark mode (``html_theme_options``).
- No empty header band: pydata-sphinx-theme 0.17 puts its search field into a top header unless
  ``navbar_persistent`` is set (sphinx-book-theme's own empty default is not read); the book sets it empty,
  so the header is not drawn. Search stays in the sidebar and the article header's search button.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

TABLE = re.compile(r"<table\b", re.IGNORECASE)
#: Scripts left blocking: what inline settings extend, and what scripts the theme links undeferred need
#: (the search page's ``searchtools.js`` calls doctools.js's ``_ready`` as it runs).
KEEP_BLOCKING = ("documentation_options.js", "doctools.js")
#: Scripts and stylesheets of extensions the book does not use (Thebe is off; no sphinx-design
#: components), left out of a page unless its markup uses them.
UNUSED_ASSETS = {
    "sphinx-thebe.js": re.compile(r'class="[^"]*\bthebe'),
    "sphinx-thebe.css": re.compile(r'class="[^"]*\bthebe'),
    "design-tabs.js": re.compile(r'class="[^"]*\bsd-tab'),
    "sphinx-design.min.css": re.compile(r'class="[^"]*\bsd-'),
}
#: The theme's accessible code colours (pydata-sphinx-theme's defaults, stated so that no other
#: setting replaces them).
PYGMENTS = {"pygments_light_style": "a11y-high-contrast-light", "pygments_dark_style": "a11y-high-contrast-dark"}


def label_tables(body: str) -> str:
    """Label every body cell with its column header; merge pandas' index-name header row into the first."""
    if not TABLE.search(body):
        return body
    soup = BeautifulSoup(body, "html.parser")
    changed = False
    for table in soup.find_all("table"):
        head = table.find("thead")
        if head is None:
            continue
        rows = head.find_all("tr", recursive=False)
        for row in rows[1:]:  # pandas: a row with only the index names, the first row empty above them
            top = rows[0].find_all(["th", "td"], recursive=False)
            cells = row.find_all(["th", "td"], recursive=False)
            named = [i for i, c in enumerate(cells) if c.get_text(strip=True)]
            if (
                not named
                or named != list(range(len(named)))
                or len(top) != len(cells)
                or any(top[i].get_text(strip=True) or top[i].get("colspan") for i in named)
            ):
                continue
            for i in named:  # the index names move up into the empty corner cells
                top[i].string = cells[i].get_text(strip=True)
            row.decompose()
            changed = True
        first = head.find("tr")
        if first is None:
            continue
        for cell in head.find_all("th"):  # pandas' empty corner cell: a header a screen reader can read
            if not cell.get_text(strip=True):
                label = soup.new_tag("span", attrs={"class": "visually-hidden"})
                label.string = "Row"
                cell.clear()
                cell.append(label)
                changed = True
        labels = []
        for cell in first.find_all(["th", "td"], recursive=False):
            labels += [cell.get_text(" ", strip=True)] * int(cell.get("colspan", 1) or 1)
        for body_row in table.find_all("tbody"):
            for row in body_row.find_all("tr", recursive=False):
                for label, cell in zip(labels, row.find_all(["th", "td"], recursive=False), strict=False):
                    if label and not cell.get("data-label"):
                        cell["data-label"] = label
                        changed = True
    return str(soup) if changed else body


#: MyST-NB's toggle of a hidden code cell: an ``aria-label`` ("Toggle hidden content") other than the text a
#: reader sees ("Show code cell source"; WCAG 2.5.3), and ``<p>`` inside ``<summary>`` (not allowed there).
CELL_TOGGLE = re.compile(
    r'<summary aria-label="Toggle hidden content">(\s*)<p class="collapsed admonition-title">(.*?)</p>'
    r'(\s*)<p class="expanded admonition-title">(.*?)</p>(\s*)</summary>',
    re.S,
)


def name_cell_toggles(body: str) -> str:
    """Code-cell toggles named by the text they show (the label dropped), their two lines as ``<span>``."""
    return CELL_TOGGLE.sub(
        r'<summary>\1<span class="collapsed admonition-title">\2</span>'
        r'\3<span class="expanded admonition-title">\4</span>\5</summary>',
        body,
    )


def _fit_body(app, pagename, templatename, context, doctree) -> None:
    if "body" in context:
        context["body"] = name_cell_toggles(label_tables(context["body"]))


def _name(asset) -> str:
    filename = getattr(asset, "filename", asset)
    return str(filename or "").split("?")[0].rsplit("/", 1)[-1]


def page_assets(scripts: list, stylesheets: list, body: str) -> tuple[list, list]:
    """A page's scripts, each deferred (but ``KEEP_BLOCKING`` and inline ones) and each file once, and its
    stylesheets, without those of extensions the page's ``body`` does not use."""

    def used(asset) -> bool:
        rule = UNUSED_ASSETS.get(_name(asset))
        return rule is None or bool(rule.search(body))

    kept, seen = [], set()
    for script in scripts:
        filename = getattr(script, "filename", None)
        if used(script) and not (filename and filename in seen):
            kept.append(script)
            seen.add(filename)
    # Sphinx has no public API to change how another extension's script loads (add_js_file's loading_method is
    # for one's own): the context holds Sphinx's private _JavaScript objects, and their attributes dict (the
    # attributes of the <script> tag Sphinx writes) gets "defer". Kept, and tested with those objects
    # (tests/test_pagefit.py), so a Sphinx that changes them fails a unit test.
    for script in kept:
        attributes = getattr(script, "attributes", None)
        if (
            attributes is not None
            and getattr(script, "filename", None)
            and _name(script) not in KEEP_BLOCKING
            and "async" not in attributes
        ):
            attributes.setdefault("defer", "defer")
    return kept, [s for s in stylesheets if used(s)]


def _assets(app, pagename, templatename, context, doctree) -> None:
    import pydata_sphinx_theme

    context["book_theme_version"] = pydata_sphinx_theme.__version__  # _templates/layout.html: the theme's sheets
    body = context.get("body", "")
    if "script_files" in context and "css_files" in context:
        context["script_files"], context["css_files"] = page_assets(context["script_files"], context["css_files"], body)


def _theme_options(app, config) -> None:
    options = dict(config.html_theme_options or {})
    for key, value in {**PYGMENTS, "navbar_persistent": []}.items():
        options.setdefault(key, value)
    config.html_theme_options = options


def setup(app):
    app.connect("config-inited", _theme_options)
    app.add_js_file("book.js", loading_method="defer")  # _static/book.js, the book's own script
    app.connect("html-page-context", _fit_body)
    app.connect("html-page-context", _assets, priority=950)
    return {"version": "2.0", "parallel_read_safe": True, "parallel_write_safe": True}
