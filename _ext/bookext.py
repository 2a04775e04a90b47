"""Local Sphinx extension of the book.

- Rebuild a notebook page when a data file or the ``bistand`` package changes, not only when the
  notebook itself does (Sphinx tracks only the page's own file by default).
- Ship the Vega libraries from the book's own files: the bundle is written at build time by the
  pinned vl-convert-python package, wrapped so it defines no globals but ``vega``, ``vegaLite``
  and ``vegaEmbed``. Pages that hold a chart get only the small loader ``vega-charts.js``, which
  fetches the bundle when a chart nears the screen or is touched.
- Draw the theme's icons as inline SVG at build time (``icons.py``): no icon script, no webfont.
"""

from __future__ import annotations

import csv
import re
import tomllib
from pathlib import Path

from docutils import nodes

ROOT = Path(__file__).resolve().parent.parent
DEPENDENCIES = sorted([*ROOT.joinpath("data").glob("*.csv"), ROOT / "data" / "datapackage.json",
                       *ROOT.joinpath("bistand").glob("*.py")])
VEGA_DIR = "_vega"
BUNDLE = "vega-bundle.js"
LOADER = "vega-charts.js"


FONTAWESOME_SCRIPT = re.compile(r'<script defer src="([./]*)_static/scripts/fontawesome\.js\?digest=[0-9a-f]+"></script>')


def _read_icons(app) -> None:
    import pydata_sphinx_theme

    from icons import ICONS, solid_icons

    source = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / "scripts" / "fontawesome.js"
    app.book_icons = solid_icons(source.read_text(encoding="utf-8"), ICONS)


def _use_small_icons(app, exception) -> None:
    """Draw the theme's icons as inline SVG in every page; drop the theme's 1.5 MB Font Awesome script."""
    if exception or app.builder.format != "html":
        return
    from icons import inline_icons

    for page in Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = inline_icons(FONTAWESOME_SCRIPT.sub("", text), app.book_icons)
        if new != text:
            page.write_text(new, encoding="utf-8")


def _note_dependencies(app, docname: str, source: list[str]) -> None:
    if str(app.env.doc2path(docname)).endswith(".ipynb"):
        for path in DEPENDENCIES:
            app.env.note_dependency(str(path))


def _write_vega(app) -> None:
    import vl_convert

    target = Path(app.outdir) / "_static" / VEGA_DIR
    target.mkdir(parents=True, exist_ok=True)
    bundle = target / BUNDLE
    text = "/* Vega, Vega-Lite and Vega-Embed, bundled by vl-convert-python " + vl_convert.__version__ + \
        " */\n(function () {\n" + vl_convert.javascript_bundle() + "\n})();\n"
    if not bundle.exists() or bundle.read_text(encoding="utf-8") != text:
        bundle.write_text(text, encoding="utf-8")
    loader = target / LOADER
    source = (Path(__file__).parent / LOADER).read_text(encoding="utf-8")
    if not loader.exists() or loader.read_text(encoding="utf-8") != source:
        loader.write_text(source, encoding="utf-8")


def _drop_unused_thebe_script(app, pagename, templatename, context, doctree) -> None:
    """Jupyter Book 1 inlines sphinx-thebe's settings twice (a page error) though Thebe is off: drop them."""
    scripts = context.get("script_files", [])
    context["script_files"] = [s for s in scripts if "THEBE_JS_URL" not in (getattr(s, "attributes", {}) or {}).get("body", "")]


def _add_scripts_to_chart_pages(app, pagename, templatename, context, doctree) -> None:
    """Only the small loader: it fetches the Vega bundle itself when a chart nears the screen or is touched."""
    if "vega-chart" in context.get("body", ""):
        app.add_js_file(f"{VEGA_DIR}/{LOADER}", defer="defer")


BOOK_TITLE = "Fewer households on social assistance? Linköping and Strängnäs"
AUTHORS = "The bistand book authors"


def edition() -> str:
    """The book's edition: the version in pyproject.toml."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def data_date() -> str:
    """The date of the newest dated source in data/sources.csv."""
    with open(ROOT / "data" / "sources.csv", encoding="utf-8", newline="") as handle:
        return max(row["date"] for row in csv.DictReader(handle) if row["date"])


def _footer(app, config) -> None:
    """Edition, data date, licences and authors in every page's footer (not the theme's default)."""
    footer = (f"<p>{AUTHORS}, 2026. Edition {edition()}; data as of {data_date()}. "
              'Text and data: <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>; '
              "code: MIT.</p>")
    options = dict(config.html_theme_options or {})
    options["extra_footer"] = footer
    config.html_theme_options = options


def _cite_this_chapter(app, doctree, docname: str) -> None:
    """Append a ready-to-copy citation of the chapter, with edition and URL path, to every chapter."""
    titles = list(doctree.findall(nodes.title))
    title = titles[0].astext() if titles else docname
    text = (f"{AUTHORS} (2026). “{title}”. In: {BOOK_TITLE}. Edition {edition()}. "
            f"{docname}.html")
    box = nodes.container(classes=["cite-this"])
    box += nodes.paragraph("", "", nodes.strong("", "Cite this chapter: "), nodes.inline("", text, classes=["cite-text"]))
    doctree += box


def setup(app):
    app.connect("config-inited", _footer)
    app.connect("doctree-resolved", _cite_this_chapter)
    app.connect("source-read", _note_dependencies)
    app.connect("builder-inited", _write_vega)
    app.connect("builder-inited", _read_icons)
    app.connect("build-finished", _use_small_icons)
    app.connect("html-page-context", _add_scripts_to_chart_pages)
    app.connect("html-page-context", _drop_unused_thebe_script, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
