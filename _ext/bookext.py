"""Local Sphinx extension of the book.

- Rebuild a page when a data file or the ``bistand`` package changes, not only when the page's own
  file does (Sphinx tracks only that by default): notebooks show its figures, every page its citation;
  and when a notebook changes from which the page pastes a glued value.
- Citation (bistand.publishing.citation): the footer, a copyable APA and BibTeX citation and a link to the PDF on
  every chapter, the ``{book-citation}`` directive of the cite page, an author–year reference list
  with accessible markup, and the claims ledger as CSV, JSON and schema.org ClaimReview JSON-LD.
- Ship the Vega libraries from the book's own files: the bundle is written at build time by the
  pinned vl-convert-python package, wrapped so it defines no globals but ``vega``, ``vegaLite``
  and ``vegaEmbed``. Pages that hold a chart get only the small loader ``vega-charts.js``, which
  fetches the bundle when a chart nears the screen or is touched, and the charts' dark-mode stylesheet.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive

from bistand import ROOT

DEPENDENCIES = sorted(
    [*ROOT.joinpath("data").glob("*.csv"), ROOT / "data" / "datapackage.json", *ROOT.joinpath("bistand").rglob("*.py")]
)
VEGA_DIR = "_vega"
BUNDLE = "vega-bundle.js"
LOADER = "vega-charts.js"
DARK_CSS = "charts-dark.css"  # the build-time SVGs in dark mode (bistand.publishing.charts.dark_stylesheet)


def _note_dependencies(app, docname: str, source: list[str]) -> None:
    """Every page depends on the data and the package: a notebook's figures, and every page's cite box, footer and
    the cite page's directive come from them (the Markdown pages too)."""
    for path in DEPENDENCIES:
        app.env.note_dependency(str(path))


def _note_pasted_notebooks(app, doctree: nodes.document) -> None:
    """A page that pastes a value glued in another notebook (``{glue:text}`other.ipynb::name```) depends on that
    notebook: MyST-NB fills the value in at write time from the other notebook's glue cache but records no
    dependency, so without this an incremental build keeps the old value after only that notebook changed."""
    from myst_nb.ext.glue.utils import PendingGlueReference

    for refdoc in sorted({node.refdoc for node in doctree.findall(PendingGlueReference)}):
        app.env.note_dependency(str(app.env.doc2path(refdoc)))


def _first_line(path: Path) -> str:
    with path.open(encoding="utf-8") as handle:
        return handle.readline()


def _write_vega(app) -> None:
    import vl_convert

    target = Path(app.outdir) / "_static" / VEGA_DIR
    target.mkdir(parents=True, exist_ok=True)
    bundle = target / BUNDLE
    # The bundle depends on the pinned vl-convert-python alone, and its first line names that version: a
    # rebuild with the same version keeps the file (bundling takes about 2 s).
    header = "/* Vega, Vega-Lite and Vega-Embed, bundled by vl-convert-python " + vl_convert.__version__ + " */\n"
    if not (bundle.exists() and _first_line(bundle) == header):
        bundle.write_text(header + "(function () {\n" + vl_convert.javascript_bundle() + "\n})();\n", encoding="utf-8")
    import json

    from bistand.publishing.charts import DARK_BACKGROUND, DARK_COLOURS, dark_stylesheet

    dark = json.dumps({"colours": DARK_COLOURS, "background": DARK_BACKGROUND}, sort_keys=True)
    source = (Path(__file__).parent / LOADER).read_text(encoding="utf-8").replace("/*BOOK_DARK_COLOURS*/{}", dark, 1)
    for path, text in ((target / LOADER, source), (target / DARK_CSS, dark_stylesheet())):
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def _drop_unused_thebe_script(app, pagename, templatename, context, doctree) -> None:
    """Jupyter Book 1 inlines sphinx-thebe's settings twice (a page error) though Thebe is off: drop them."""
    scripts = context.get("script_files", [])
    context["script_files"] = [
        s for s in scripts if "THEBE_JS_URL" not in (getattr(s, "attributes", {}) or {}).get("body", "")
    ]


def _add_scripts_to_chart_pages(app, pagename, templatename, context, doctree) -> None:
    """Only the small loader: it fetches the Vega bundle itself when a chart nears the screen or is touched."""
    if "vega-chart" in context.get("body", ""):
        app.add_js_file(f"{VEGA_DIR}/{LOADER}", loading_method="defer")
        app.add_css_file(f"{VEGA_DIR}/{DARK_CSS}")


def edition() -> str:
    """The book's edition: the version in pyproject.toml."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


LEDGER_DIR = "_downloads/ledger"
#: The data package as a reader downloads it: datapackage.json and its CSV files side by side in one folder of
#: the site, and the same folder as one ZIP file, so ``frictionless validate datapackage.json`` passes on either.
DATA_DOWNLOAD_DIR = "_downloads/data"
APPENDIX_DOC = "chapters/appendix"


def data_archive_name() -> str:
    return f"bistand-data-{edition()}.zip"


def data_package_files() -> list[Path]:
    """datapackage.json and the files it names (its resources' local paths), in the descriptor's order."""
    import json

    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    paths = [resource["path"] for resource in descriptor["resources"]]
    return [ROOT / "data" / "datapackage.json", *(ROOT / "data" / path for path in paths)]


def write_data_download(outdir: Path) -> Path:
    """Copy the data package into ``outdir``/_downloads/data/ and write it as one ZIP beside it (fixed
    timestamps, so the same data gives the same archive); return the archive."""
    import zipfile

    folder = outdir / DATA_DOWNLOAD_DIR
    folder.mkdir(parents=True, exist_ok=True)
    files = data_package_files()
    for path in files:
        target = folder / path.name
        if not target.exists() or target.read_bytes() != path.read_bytes():
            target.write_bytes(path.read_bytes())
    archive = outdir / "_downloads" / data_archive_name()
    inner = archive.name.removesuffix(".zip")
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for path in files:
            info = zipfile.ZipInfo(f"{inner}/{path.name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            bundle.writestr(info, path.read_bytes())
    return archive


def _data_download(app) -> None:
    if app.builder.format == "html":
        write_data_download(Path(app.outdir))


def _footer(app, config) -> None:
    """Edition, data date, licences and authors in every page's footer (not the theme's default).

    The metadata comes from bistand.publishing.citation (pyproject.toml and BOOK_URL); the book's address, when
    known, also becomes Sphinx's ``html_baseurl`` (canonical links).
    """
    from bistand.publishing.citation import book, data_date, footer_html

    b = book()
    footer = footer_html(b, data_date())
    options = dict(config.html_theme_options or {})
    options["extra_footer"] = footer
    config.html_theme_options = options
    config.author = b.authors  # the theme's "By ..." line
    if b.url:
        config.html_baseurl = b.url
    config.book_url = b.url or ""


def _code_block(text: str, language: str) -> nodes.literal_block:
    """A copyable block (the theme adds a copy button); the class lets long lines wrap on screen."""
    block = nodes.literal_block(text, text, classes=["citation-block"])
    block["language"] = language
    return block


def _relative_root(docname: str) -> str:
    return "../" * docname.count("/")


def _pdf_link(docname: str) -> nodes.paragraph:
    """The place of the link to the PDF edition, which ``make pdf`` prints from the built HTML into
    _build/html/pdf/. What it says is set over all pages when the build finishes (``_link_or_explain``):
    a link if a PDF of this edition was printed from these pages, else how to make one."""
    return nodes.paragraph("", f"PDF edition {edition()}: see `make pdf`.", classes=["pdf-edition"])


def _landing_pdf_link(app, doctree, docname: str) -> None:
    """The landing page names the PDF edition on its first screen, after its first paragraph (the edition line)."""
    if docname != app.config.root_doc:
        return
    first = next(iter(doctree.findall(nodes.paragraph)), None)
    if first is not None:
        first.parent.insert(first.parent.index(first) + 1, _pdf_link(docname))


def _pdf_in_download_menu(app, pagename, templatename, context, doctree) -> None:
    """The header's download menu offers the book's PDF edition in place of sphinx-book-theme's ".pdf" (which
    prints the one page shown). Its entry is set with the page's other PDF links when the build finishes
    (bistand.publishing.pdf.pdf_menu_item): the PDF with its size, or that it was not printed from these pages."""
    from bistand.publishing.pdf import SITE_PDF_FOLDER, pdf_name

    for group in context.get("header_buttons") or []:
        if group.get("label") != "download-buttons":
            continue
        group["buttons"] = [
            button for button in group.get("buttons", []) if button.get("label") != "download-pdf-button"
        ]
        group["buttons"].append(
            {
                "type": "link",
                "url": context["pathto"](f"{SITE_PDF_FOLDER}/{pdf_name(edition())}", 1),
                "text": f"PDF edition {edition()}",
                "icon": "fas fa-file-pdf",
                "label": "download-book-pdf-button",
            }
        )


def _link_or_explain(app, exception) -> None:
    """After every HTML build: link the PDF only if it was printed from the pages just built (same edition,
    same pages, same data); otherwise drop it from the site and say how to make it."""
    if exception or app.builder.format != "html":
        return
    from bistand.publishing.pdf import link_or_explain

    link_or_explain(Path(app.outdir), edition())


def _cite_this_chapter(app, doctree, docname: str) -> None:
    """Append to every chapter a copyable citation of it (APA and BibTeX) and a link to the PDF edition,
    its words in the page's language."""
    from bistand.publishing.citation import apa_chapter, bibtex_chapter, book, page_words

    b = book()
    words = page_words(app.env.metadata.get(docname, {}).get("page_language"))
    titles = list(doctree.findall(nodes.title))
    title = titles[0].astext() if titles else docname
    box = nodes.container(classes=["cite-this"])
    box += nodes.paragraph(
        "", "", nodes.strong("", words["cite"]), nodes.Text(" (" + words["how"].format(edition=b.edition) + "):")
    )
    box += _code_block(apa_chapter(b, title, docname), "text")
    box += _code_block(bibtex_chapter(b, title, docname), "bibtex")
    if b.url is None:
        box += nodes.paragraph("", words["url_unset"], classes=["url-unset"])
    box += _pdf_link(docname)
    doctree += box


class BookCitation(Directive):
    """``{book-citation}``: the whole book's citation, APA and BibTeX, from bistand.publishing.citation."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from bistand.publishing.citation import REPOSITORY_UNSET, URL_UNSET, apa_book, bibtex_book, book

        b = book()
        result: list[nodes.Node] = [
            nodes.paragraph("", "APA (7th edition):"),
            _code_block(apa_book(b), "text"),
            nodes.paragraph("", "BibTeX:"),
            _code_block(bibtex_book(b), "bibtex"),
        ]
        if b.url:
            result.append(
                nodes.paragraph(
                    "",
                    "",
                    nodes.Text("The book's address: "),
                    nodes.reference("", b.url, refuri=b.url),
                    nodes.Text("."),
                )
            )
        else:
            result.append(nodes.paragraph("", URL_UNSET, classes=["url-unset"]))
        if b.repository:
            result.append(
                nodes.paragraph(
                    "",
                    "",
                    nodes.Text(
                        "The repository (code, data, CITATION.cff, CHANGELOG.md and the history of every change): "
                    ),
                    nodes.reference("", b.repository, refuri=b.repository),
                    nodes.Text("."),
                    classes=["repository"],
                )
            )
        else:
            result.append(nodes.paragraph("", REPOSITORY_UNSET, classes=["repository-unset"]))
        docname = self.state.document.settings.env.docname
        result.append(_pdf_link(docname))
        return result


# The reference list: labels "Author, year" (the year of references.bib, or n.d., with the a/b letter that
# bistand.publishing.bibliography.label_years gives), as in the text's author–year citations, in author,
# year, title order. references.bib keeps plain numeric years, so any other style reads it too.
def _register_bibliography_style() -> None:
    from pybtex.plugin import register_plugin
    from pybtex.richtext import Text
    from pybtex.style.formatting.plain import Style as Plain
    from pybtex.style.labels import BaseLabelStyle

    from bistand.publishing.bibliography import label_years, read_sources

    years = label_years(read_sources())

    class AuthorYearLabels(BaseLabelStyle):
        def format_labels(self, sorted_entries):
            for entry in sorted_entries:
                people = entry.persons.get("author", [])
                name = Text.from_latex(" ".join(people[0].last_names)).render_as("text") if people else ""
                yield f"{name}, {years.get(entry.key, entry.fields.get('year', 'n.d.'))}"

    class AuthorYearStyle(Plain):
        default_label_style = AuthorYearLabels
        default_sorting_style = "author_year_title"

    register_plugin("pybtex.style.formatting", "authoryear", AuthorYearStyle)


# docutils writes the reference list as <div role="list"> holding <div role="doc-biblioentry">: a role
# ARIA deprecates, and a list whose items are not list items. Lighthouse marks both; use plain list items.
BIBLIOENTRY_ROLE = re.compile(r'(<div class="citation"[^>]*?) role="doc-biblioentry"')


def _accessible_bibliography(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    if 'role="doc-biblioentry"' in body:
        context["body"] = BIBLIOENTRY_ROLE.sub(r'\1 role="listitem"', body)


# The claims ledger: CSV and JSON downloads, and schema.org ClaimReview JSON-LD in the ledger page.
LEDGER_DOC = "chapters/ledger"


def ledger_claims():
    """The ledger's source claims as the ledger page's stored claims table holds them, the rows the page shows
    (bistand.publishing.chapters.ledger.stored_claims): the downloads and the JSON-LD are never computed afresh."""
    from bistand.publishing.chapters.ledger import stored_claims

    return stored_claims()


def claim_anchor(claim_id: str) -> str:
    return "claim-" + claim_id.replace("_", "-")


def claim_reviews(table, book, sources) -> list[dict]:
    """One schema.org ClaimReview per claim: the words, who said them and when, the verdict, the anchor.

    When the book's address is known, ``url`` is the ledger page's absolute address with the claim's anchor
    and the reviewer (the book's authors) has the book's address as ``url``; when it is not, the anchor is
    relative to the page (the book does not invent an address)."""
    page = book.page_url(LEDGER_DOC) or "ledger.html"
    reviews = []
    for row in table.to_dict("records"):
        source = sources.get(row["source_id"], {})
        said = {"@type": "Claim", "name": row["claim"], "author": {"@type": "Organization", "name": row["publisher"]}}
        if re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", str(row["date"])):  # a day, or the year a source states
            said["datePublished"] = row["date"]
        appearance = {"@type": "CreativeWork", "headline": source.get("title", ""), "inLanguage": "sv"}
        if source.get("url"):
            appearance["url"] = source["url"]
        said["appearance"] = appearance
        words = row["words"] if isinstance(row["words"], str) and row["words"] else row["claim"]
        rating = {"@type": "Rating", "alternateName": row["verdict"]}
        explanation = (
            row.get("how") if row["verdict"] != "not verifiable from the data shipped" else row.get("would_verify")
        )
        # What the ledger counts the claim as (its finding, by the ledger's stated rules) comes first.
        parts = [
            f"Counts as: {row['finding']}." if isinstance(row.get("finding"), str) and row["finding"] else "",
            explanation[:1].upper() + explanation[1:] if isinstance(explanation, str) else "",
        ]
        if any(parts):
            rating["ratingExplanation"] = " ".join(part for part in parts if part)
        reviewer = {"@type": "Organization", "name": book.authors}
        if book.url:
            reviewer["url"] = book.url
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{page}#{claim_anchor(row['claim_id'])}",
            "claimReviewed": words,
            "itemReviewed": said,
            "author": reviewer,
            "datePublished": book.date,
            "reviewRating": rating,
        }
        reviews.append(review)
    return reviews


def _ledger_files(app) -> None:
    """Write the ledger as CSV and JSON beside the HTML (and keep the table for the JSON-LD)."""
    import json

    if app.builder.format != "html":
        return
    table = ledger_claims()
    target = Path(app.outdir) / LEDGER_DIR
    target.mkdir(parents=True, exist_ok=True)
    table.to_csv(target / "claims_ledger.csv", index=False, lineterminator="\n")
    records = json.loads(table.to_json(orient="records", force_ascii=False))
    (target / "claims_ledger.json").write_text(
        json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def _downloads_from_the_data_folder(app, doctree, docname: str) -> None:
    """A chapter's download links to files of the data package lead to the one data folder of the site (where
    datapackage.json finds its CSVs), not to Sphinx's hashed folders (one per file); and the appendix offers the
    whole package as one ZIP, with its size, after its first paragraph."""
    from sphinx import addnodes

    root = _relative_root(docname)
    names = {path.name for path in data_package_files()}
    for node in list(doctree.findall(addnodes.download_reference)):
        target = Path(str(node.get("reftarget", "")))
        if target.name in names and target.parent.name == "data":
            link = nodes.reference(
                "",
                "",
                *node.children,
                refuri=f"{root}{DATA_DOWNLOAD_DIR}/{target.name}",
                classes=["download", "data-download"],
            )
            node.replace_self(link)
    if docname != APPENDIX_DOC:
        return
    archive = Path(app.outdir) / "_downloads" / data_archive_name()
    from bistand.publishing.pdf import file_size

    size = f", {file_size(archive.stat().st_size)}" if archive.exists() else ""
    para = nodes.paragraph(
        "",
        "",
        nodes.Text("Download the data package: "),
        nodes.reference(
            "", data_archive_name(), refuri=f"{root}_downloads/{data_archive_name()}", classes=["data-archive"]
        ),
        nodes.Text(
            f" (ZIP{size}): datapackage.json and its {len(names) - 1} CSV files side by "
            "side, as in the repository's data folder, so that "
        ),
        nodes.literal("", "frictionless validate datapackage.json"),
        nodes.Text(" checks them after unpacking. The same files one by one are in the site's "),
        nodes.reference("", "data folder", refuri=f"{root}{DATA_DOWNLOAD_DIR}/datapackage.json"),
        nodes.Text("."),
        classes=["data-package-download"],
    )
    _after_first_paragraph(doctree, para)


def _after_first_paragraph(doctree: nodes.document, para: nodes.paragraph) -> None:
    """Insert ``para`` after the page's first paragraph (at the end of a page without one)."""
    first = next(iter(doctree.findall(nodes.paragraph)), None)
    if first is not None:
        first.parent.insert(first.parent.index(first) + 1, para)
    else:
        doctree += para


def _ledger_downloads(app, doctree, docname: str) -> None:
    """Link the ledger's CSV and JSON from the ledger page, after its first paragraph."""
    if docname != LEDGER_DOC:
        return
    root = _relative_root(docname) + LEDGER_DIR
    para = nodes.paragraph(
        "",
        "",
        nodes.Text("Download the ledger: "),
        nodes.reference("", "CSV", refuri=f"{root}/claims_ledger.csv"),
        nodes.Text(", "),
        nodes.reference("", "JSON", refuri=f"{root}/claims_ledger.json"),
        nodes.Text(
            " (one row per claim, with its verdict). The page also carries each verdict "
            "as schema.org ClaimReview data for fact-checking tools."
        ),
        classes=["ledger-downloads"],
    )
    _after_first_paragraph(doctree, para)


def _ledger_json_ld(app, pagename, templatename, context, doctree) -> None:
    import json

    from bistand.data.load import load_table
    from bistand.publishing.citation import book

    if pagename != LEDGER_DOC:
        return
    sources = {r["source_id"]: r for r in load_table("sources").fillna("").to_dict("records")}
    data = json.dumps(claim_reviews(ledger_claims(), book(), sources), ensure_ascii=False, indent=1)
    script = '<script type="application/ld+json" id="claim-reviews">\n' + data.replace("</", "<\\/") + "\n</script>\n"
    context["metatags"] = context.get("metatags", "") + script


def _page_language(app, pagename, templatename, context, doctree) -> None:
    """A page whose notebook metadata sets ``page_language`` (the Swedish summary) gets it as ``<html lang>``,
    and its footer in that language."""
    language = app.env.metadata.get(pagename, {}).get("page_language")
    if language:
        from bistand.publishing.citation import book, data_date, footer_html

        context["language"] = language
        context["theme_extra_footer"] = footer_html(book(), data_date(), language)


STATIC_SOURCES = sorted([*ROOT.joinpath("_static").glob("*"), *ROOT.joinpath("_ext").glob("*.js")])


def _static_changed(app, env, added, changed, removed) -> list[str]:
    """Sphinx copies the static files only when it writes a page: after a change to a stylesheet or script
    alone, have it rewrite the cite page (no code to run) so the change reaches the built book."""
    stamp = {str(p): p.stat().st_mtime_ns for p in STATIC_SOURCES if p.is_file()}
    if getattr(env, "bistand_static_stamp", None) == stamp:
        return []
    env.bistand_static_stamp = stamp
    return ["chapters/cite"] if "chapters/cite" in env.found_docs else []


def setup(app):
    _register_bibliography_style()
    app.add_config_value("book_url", "", "env")  # the cite page reads it when parsed: re-read all on a change
    app.add_directive("book-citation", BookCitation)
    app.connect("config-inited", _footer)
    app.connect("doctree-resolved", _cite_this_chapter)
    app.connect("doctree-resolved", _ledger_downloads)
    app.connect("doctree-resolved", _landing_pdf_link)
    app.connect("doctree-resolved", _downloads_from_the_data_folder)
    app.connect("builder-inited", _data_download)
    app.connect("html-page-context", _pdf_in_download_menu, priority=510)  # after sphinx-book-theme's buttons (501)
    app.connect("builder-inited", _ledger_files)
    app.connect("html-page-context", _accessible_bibliography)
    app.connect("html-page-context", _ledger_json_ld)
    app.connect("html-page-context", _page_language)
    app.connect("source-read", _note_dependencies)
    app.connect("doctree-read", _note_pasted_notebooks)
    app.connect("env-get-outdated", _static_changed)
    app.connect("builder-inited", _write_vega)
    # The one end-of-build step: the PDF paragraph of the book's own pages (no third-party file is touched).
    app.connect("build-finished", _link_or_explain, priority=900)
    app.connect("html-page-context", _add_scripts_to_chart_pages)
    app.connect("html-page-context", _drop_unused_thebe_script, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
