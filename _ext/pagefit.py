"""Local Sphinx extension: pages that fit a phone and paint at once.

- Tables: each data cell is labelled with its column's header (``data-label``), so ``book.css`` can
  show one block per row on phones; pandas' second header row, holding only the index names, is
  merged into the first (the names go into its empty corner cells).
- The theme's stylesheet no longer declares the Font Awesome webfonts: the icons are inline SVG
  (``icons.py``), so no page fetches a 150 KB font it does not need.
- One search box: the sidebar's search field stays; the header's second one is not drawn (book.css).
- One stylesheet per page: the theme's and the book's stylesheets (and the ``@import`` of Sphinx's
  basic.css) are joined, in their order, into one ``_static/bundle-<digest>.css``, so the first paint
  waits for one request instead of a chain of eleven; Font Awesome's glyph rules and the stylesheets
  of extensions no page uses (sphinx-design, sphinx-thebe) are left out.
- The theme's script that makes scrollable blocks keyboard-focusable measured every code block and
  output, hidden ones included, setting ``tabIndex`` between measurements: each measurement then
  forced a new style and layout pass (on the Linköping page, over 100 ms of blocked main thread at
  load). Its loop is rewritten in the copied script to measure only what the browser has laid out
  (not the hidden code cells, not the sections not yet drawn), to measure first and write after, and
  to run again when a code cell is opened or a section drawn.
- Long pages paint only what is near the screen: ``book.css`` gives each second-level section
  ``content-visibility: auto``, so the browser lays out the others when they come near.
- Nothing but that stylesheet blocks the first paint: every script is deferred (in its order), except
  the tiny ``documentation_options.js`` that inline settings extend, which is written into the page;
  the search index and its scripts are loaded only by the search page (search-as-you-type is off,
  the search box opens that page).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from bs4 import BeautifulSoup

FONT_FACE = re.compile(r"@font-face\{[^}]*Font Awesome[^}]*\}")
TABLE = re.compile(r"<table\b", re.IGNORECASE)
SCRIPT_TAG = re.compile(r"<script\b([^>]*)\ssrc=\"([^\"]+)\"([^>]*)></script>")
SEARCH_SCRIPTS = ("searchtools.js", "language_data.js", "searchindex.js")
KEEP_BLOCKING = ("documentation_options.js",)
#: Scripts of extensions the book does not use (Thebe is off; no sphinx-design tabs), dropped from a
#: page unless its markup uses them.
UNUSED_SCRIPTS = {"sphinx-thebe.js": re.compile(r'class="[^"]*\bthebe'),
                  "design-tabs.js": re.compile(r'class="[^"]*\bsd-tab')}


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
            if (not named or named != list(range(len(named))) or len(top) != len(cells)
                    or any(top[i].get_text(strip=True) or top[i].get("colspan") for i in named)):
                continue
            for i in named:  # the index names move up into the empty corner cells
                top[i].string = cells[i].get_text(strip=True)
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


#: The theme's loop over scrollable blocks (pydata-sphinx-theme 0.17.1, minified), and its replacement:
#: measure only blocks the browser has laid out (``checkVisibility`` is false inside a closed ``<details>``
#: and inside a section not yet drawn, see book.css; without it, skip closed ``<details>``), read every size
#: before writing any ``tabIndex``, and run again when a ``<details>`` opens or a section is drawn (neither
#: event bubbles; a capturing listener on the document sees both).
_SCROLLABLES = ('document.querySelectorAll(["pre",".nboutput > .output_area",".cell_output > .output",'
                '".jp-RenderedHTMLCommon",".pst-scrollable-table-container"].join(", "))')
THEME_SCROLLABLES = (_SCROLLABLES + '.forEach(e=>{e.tabIndex=e.scrollWidth>e.clientWidth||e.scrollHeight>e.clientHeight'
                     '?0:-1})},t=_(e,300);')
FITTED_SCROLLABLES = ('Array.from(' + _SCROLLABLES + ')'
                      '.filter(e=>e.checkVisibility?e.checkVisibility({contentVisibilityAuto:!0})'
                      ':!e.closest("details:not([open])"))'
                      '.map(e=>[e,e.scrollWidth>e.clientWidth||e.scrollHeight>e.clientHeight])'
                      '.forEach(([e,s])=>{e.tabIndex=s?0:-1})},t=_(e,300);'
                      '["toggle","contentvisibilityautostatechange"].forEach(n=>document.addEventListener(n,t,!0));')


def fit_theme_script(script: str) -> str:
    """The theme's script with its scrollable-block loop replaced (see THEME_SCROLLABLES); already fitted: unchanged.

    Raises ValueError if the loop is not found: a new theme version needs this fix looked at again.
    """
    if FITTED_SCROLLABLES in script:
        return script
    if script.count(THEME_SCROLLABLES) != 1:
        raise ValueError("pydata-sphinx-theme.js: the scrollable-block loop this book rewrites was not found "
                         "(did the theme change? see _ext/pagefit.py THEME_SCROLLABLES)")
    return script.replace(THEME_SCROLLABLES, FITTED_SCROLLABLES)


def _fit_theme_script(app, exception) -> None:
    if exception or app.builder.format != "html":
        return
    from sphinx.errors import ExtensionError

    script = Path(app.outdir, "_static", "scripts", "pydata-sphinx-theme.js")
    if not script.is_file():
        return
    text = script.read_text(encoding="utf-8")
    try:
        new = fit_theme_script(text)
    except ValueError as error:
        raise ExtensionError(str(error)) from error
    if new != text:
        script.write_text(new, encoding="utf-8")


def defer_scripts(page: str, search_page: bool = False, inline: dict[str, str] | None = None) -> str:
    """Defer every external script of a page; drop the search index and its scripts outside the search page,
    and the scripts of extensions the page does not use.

    The search page itself is left as Sphinx writes it.
    """
    if search_page:
        return page

    def rewrite(match: re.Match) -> str:
        attrs, src = match[1] + match[3], match[2]
        name = src.split("?")[0].rsplit("/", 1)[-1]
        if name in SEARCH_SCRIPTS or (name in UNUSED_SCRIPTS and not UNUSED_SCRIPTS[name].search(page)):
            return ""
        if name in KEEP_BLOCKING and inline and name in inline:
            return f"<script>{inline[name]}</script>"
        if name in KEEP_BLOCKING or re.search(r"\b(defer|async)\b", attrs):
            return match[0]
        return f"<script{match[1]} src=\"{src}\"{match[3]} defer></script>"

    return SCRIPT_TAG.sub(rewrite, page)


def _defer_scripts(app, exception) -> None:
    if exception or app.builder.format != "html":
        return
    options = Path(app.outdir, "_static", "documentation_options.js")
    inline = {options.name: options.read_text(encoding="utf-8").strip()} if options.is_file() else {}
    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = defer_scripts(text, search_page=page.name == "search.html", inline=inline)
        if new != text:
            page.write_text(new, encoding="utf-8")


STYLESHEET = re.compile(r'[ \t]*<link\b[^>]*\brel="stylesheet"[^>]*>\n?')
HREF = re.compile(r'\bhref="([^"]+)"')
IMPORT = re.compile(r'@import\s+(?:url\()?["\']([^"\')]+)["\']\)?\s*;')
#: Font Awesome's glyph rules (``.fa-x:before{content:...}``): the icons are inline SVG, the font is gone.
FA_GLYPHS = re.compile(r'(?:\.fa-[\w-]+:{1,2}(?:before|after),?)+\{(?:--fa:[^;}]*;?)?content:[^}]*\}')
#: Stylesheets of extensions no page uses, by the class prefix their markup would carry.
UNUSED_IF_ABSENT = {"sphinx-design.min.css": re.compile(r'class="[^"]*\bsd-'),
                    "sphinx-thebe.css": re.compile(r'class="[^"]*\bthebe')}
CSS_URL = re.compile(r'url\(\s*(["\']?)(?!data:|https?:|#|/)([^"\')]+)\1\s*\)')


def _css_for_bundle(path: Path, static: Path) -> str:
    """A stylesheet's text with its @imports inlined and its relative url()s made relative to ``static``."""
    import os

    text = path.read_text(encoding="utf-8")
    text = IMPORT.sub(lambda m: _css_for_bundle((path.parent / m[1].split("?")[0]).resolve(), static), text)
    return CSS_URL.sub(lambda m: "url(" + m[1] + Path(os.path.relpath((path.parent / m[2]).resolve(), static)).as_posix()
                       + m[1] + ")", text)


BUNDLE_LINK = re.compile(r'_static/(bundle-[0-9a-f]{12}\.css)\?v=([0-9a-f]{12})')


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


BUNDLED_SHEET = re.compile(r"^/\* (\S+) \*/$", re.M)


def _write_bundle(target: Path, names: list[str], static: Path) -> str:
    """Join the sheets ``names`` (in ``static``) into ``target``, each under a ``/* name */`` line; returns the text."""
    text = FA_GLYPHS.sub("", "".join(f"/* {n} */\n" + _css_for_bundle((static / n).resolve(), static.resolve()) + "\n"
                                     for n in names))
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return text


def _refresh_bundle(target: Path, static: Path) -> str:
    """Rebuild a bundle from the sheets it names (a sheet may have changed though no page was rewritten); its version."""
    names = BUNDLED_SHEET.findall(target.read_text(encoding="utf-8"))
    if names and all((static / n).is_file() for n in names):
        return _digest(_write_bundle(target, names, static))
    return _digest(target.read_text(encoding="utf-8"))


def bundle_stylesheets(page: str, static: Path, skip: frozenset[str] = frozenset()) -> str:
    """Replace a page's local stylesheets by one bundle in ``static``.

    The bundle is named by the list of sheets it joins and versioned (``?v=``) by its content; sheets
    named in ``skip`` are left out and Font Awesome's glyph rules dropped. A page that already links a
    bundle (Sphinx did not rewrite it in this build) gets that bundle's current version.
    """
    head_end = page.find("</head>")
    links = [m for m in STYLESHEET.finditer(page, 0, head_end) if "_static/" in (HREF.search(m[0]) or [""])[0]]
    if len(links) < 2:
        return BUNDLE_LINK.sub(lambda m: f"_static/{m[1]}?v={_refresh_bundle(static / m[1], static)}"
                               if (static / m[1]).is_file() else m[0], page)
    hrefs = [HREF.search(m[0])[1] for m in links]
    prefix = hrefs[0].split("_static/")[0]
    names = [h.split("_static/", 1)[1].split("?")[0] for h in hrefs]
    if any(h.split("_static/")[0] != prefix for h in hrefs) or not all((static / n).is_file() for n in names):
        return page
    kept = [n for n in names if n.rsplit("/", 1)[-1] not in skip]
    target = static / f"bundle-{_digest(chr(10).join(kept))}.css"
    text = _write_bundle(target, kept, static)
    tag = f'<link rel="stylesheet" href="{prefix}_static/{target.name}?v={_digest(text)}" />\n'
    out, last = [], 0
    for i, m in enumerate(links):
        out.append(page[last:m.start()])
        if i == 0:
            out.append(m[0][:len(m[0]) - len(m[0].lstrip())] + tag)
        last = m.end()
    return "".join(out) + page[last:]


def _bundle_stylesheets(app, exception) -> None:
    if exception or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    pages = {page: page.read_text(encoding="utf-8") for page in Path(app.outdir).rglob("*.html")}
    skip = frozenset(name for name, used in UNUSED_IF_ABSENT.items()
                     if not any(used.search(text) for text in pages.values()))
    fresh = sorted(pages, key=lambda p: BUNDLE_LINK.search(pages[p]) is not None)  # rewritten pages first
    for page in fresh:
        new = bundle_stylesheets(pages[page], static, skip)
        if new != pages[page]:
            page.write_text(new, encoding="utf-8")


def setup(app):
    app.connect("html-page-context", _fit_tables)
    app.connect("build-finished", _drop_webfonts)
    app.connect("build-finished", _fit_theme_script)
    app.connect("build-finished", _defer_scripts)
    app.connect("build-finished", _bundle_stylesheets)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
