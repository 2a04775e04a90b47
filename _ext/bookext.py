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

#: What every page is built from besides its source: the data, the package, and the book's own extensions (a change to
#: the reference list's style in this file must re-read the pages that cite, as a change to the package does).
DEPENDENCIES = sorted(
    [
        *ROOT.joinpath("data").glob("*.csv"),
        ROOT / "data" / "datapackage.json",
        *ROOT.joinpath("bistand").rglob("*.py"),
        *ROOT.joinpath("_ext").glob("*.py"),
    ]
)
VEGA_DIR = "_vega"
BUNDLE = "vega-bundle.js"
LOADER = "vega-charts.js"
DARK_CSS = "charts-dark.css"  # the build-time SVGs in dark mode (bistand.publishing.charts.dark_stylesheet)


def _note_dependencies(app, docname: str, source: list[str]) -> None:
    """Every page depends on the data and the package: a notebook's figures, and every page's cite box, footer and
    the cite page's directive come from them (the Markdown pages too); in a translated edition also on the reference
    list's catalogue (the entries and the citations' tooltips; sphinxcontrib-bibtex notes only references.bib)."""
    from bistand.publishing.bibliography import catalogue_path

    bibliography = [catalogue_path(app.config.language)] if app.config.language not in (None, "en") else []
    for path in [*DEPENDENCIES, *THEME_LOCALES.glob(f"{app.config.language}/LC_MESSAGES/*.po"), *bibliography]:
        if path.exists():
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


#: What the book sets per edition where Sphinx, the theme or MyST-NB would write English: the search field's
#: placeholder (jupyter-book's "Search this book..."), and the toggles of hidden code cells. MyST-NB's prompts put
#: an English word in ``{type}`` ("source", sphinx_.py); the book hides code cells' source only (``hide-input``), so
#: the Swedish prompts name it without ``{type}``.
EDITION_CHROME = {
    "sv": {
        "search_bar_text": "Sök i boken …",
        "nb_code_prompt_show": "Visa koden",
        "nb_code_prompt_hide": "Dölj koden",
    },
}


def _footer(app, config) -> None:
    """Edition, data date, licences and authors in every page's footer (not the theme's default).

    The metadata comes from bistand.publishing.citation (pyproject.toml and BOOK_URL); the book's address, when
    known, also becomes Sphinx's ``html_baseurl`` (canonical links).
    """
    from bistand.publishing.citation import book, data_date, footer_html

    b = book()
    footer = footer_html(b, data_date(), config.language)
    options = dict(config.html_theme_options or {})
    options["extra_footer"] = footer
    if config.language in EDITION_CHROME:
        # The edition's own words for the sidebar's title, the search field and MyST-NB's code toggles.
        chrome = EDITION_CHROME[config.language]
        config.html_title = b.title_in(config.language)
        options["search_bar_text"] = chrome["search_bar_text"]
        config.nb_code_prompt_show = chrome["nb_code_prompt_show"]
        config.nb_code_prompt_hide = chrome["nb_code_prompt_hide"]
        config.bibtex_default_style = BIBLIOGRAPHY_STYLES[config.language]
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

    link_or_explain(Path(app.outdir), edition(), language=app.config.language)


def _cite_this_chapter(app, doctree, docname: str) -> None:
    """Append to every chapter a copyable citation of it (APA and BibTeX) and a link to the PDF edition,
    its words in the page's language."""
    from bistand.publishing.citation import apa_chapter, bibtex_chapter, book, page_words

    b = book()
    language = app.env.metadata.get(docname, {}).get("page_language") or app.config.language
    words = page_words(language)
    titles = list(doctree.findall(nodes.title))
    title = titles[0].astext() if titles else docname
    box = nodes.container(classes=["cite-this"])
    box += nodes.paragraph(
        "", "", nodes.strong("", words["cite"]), nodes.Text(" (" + words["how"].format(edition=b.edition) + "):")
    )
    box += _code_block(apa_chapter(b, title, docname, language), "text")
    box += _code_block(bibtex_chapter(b, title, docname, language), "bibtex")
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
        # The paragraphs are translated with the page (cite.po); the citations themselves are the edition's.
        language = self.state.document.settings.env.config.language
        result: list[nodes.Node] = [
            nodes.paragraph("", "APA (7th edition):"),
            _code_block(apa_book(b, language), "text"),
            nodes.paragraph("", "BibTeX:"),
            _code_block(bibtex_book(b, language), "bibtex"),
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


def _register_pybtex_plugins() -> None:
    """Register every installed pybtex plugin once, by pybtex's public ``register_plugin``.

    pybtex 0.26 looks a plugin up by scanning every installed package's entry points on each ``find_plugin`` call
    (``pybtex/plugin/__init__.py``, ``_load_entry_point``; ``importlib.metadata`` caches nothing), and
    sphinxcontrib-bibtex asks about 250 times a build: about 3 s of a build, 1.1 s once registered (measured for
    issue 26). pybtex checks the plugins registered at run time first, so the scan is never reached."""
    from importlib.metadata import distributions

    from pybtex.plugin import register_plugin

    for point in (point for dist in distributions() for point in dist.entry_points):
        if point.group.startswith("pybtex."):
            register_plugin(point.group, point.name, point.load(), force=True)


# The reference list: labels "Author, year" (the year of references.bib, or n.d., with the a/b letter that
# bistand.publishing.bibliography.label_years gives), as in the text's author–year citations, in author,
# year, title order. references.bib keeps plain numeric years, so any other style reads it too. The Swedish
# edition's style (``authoryear_sv``, set by ``_footer`` when the language is sv) prints the same entries with the
# Swedish words of bistand.publishing.bibliography: "u.å.", "Pressmeddelande", "Datum enligt källan", "(källa: …)",
# and each entry's note from data/sources.csv in the Swedish of its catalogue, locales/sv/LC_MESSAGES/data.po.
BIBLIOGRAPHY_STYLES = {"en": "authoryear", "sv": "authoryear_sv"}


def _register_bibliography_style() -> None:
    from pybtex.database import Entry, Person
    from pybtex.plugin import register_plugin
    from pybtex.richtext import Text
    from pybtex.style.formatting import toplevel
    from pybtex.style.formatting.plain import Style as Plain
    from pybtex.style.formatting.unsrt import date
    from pybtex.style.labels import BaseLabelStyle
    from pybtex.style.sorting.author_year_title import SortingStyle as AuthorYearTitle
    from pybtex.style.template import field, optional, optional_field, sentence

    from bistand.publishing.bibliography import (
        end_sentence,
        field_in,
        kind_in,
        label_year_in,
        label_years,
        latex,
        note_in,
        protect_proper_nouns,
        publisher_in,
        read_sources,
        translations,
    )

    years = label_years(read_sources())
    sources = {source["source_id"]: source for source in read_sources()}
    notes_sv = translations("sv")  # titles' and notes' Swedish, locales/sv/LC_MESSAGES/data.po

    def labels_in(language: str):
        class AuthorYearLabels(BaseLabelStyle):
            def format_labels(self, sorted_entries):
                for entry in sorted_entries:
                    people = entry.persons.get("author", [])
                    name = Text.from_latex(" ".join(people[0].last_names)).render_as("text") if people else ""
                    year = years.get(entry.key, entry.fields.get("year", "n.d."))
                    yield f"{publisher_in(name, language)}, {label_year_in(year, language)}"

        return AuthorYearLabels

    class LabelOrder(AuthorYearTitle):
        """Author, year, then the label's letter, then title: several texts of one publisher in one year are listed
        in the order of their letters (``label_years`` gives them by date), 2018a before 2018b, as APA 7 lists dated
        works; pybtex's author_year_title alone orders them by title, which put 2018b first."""

        def sorting_key(self, entry):
            author, year, title = super().sorting_key(entry)
            return (author, year, years.get(entry.key, year), title)

    class AuthorYearStyle(Plain):
        default_label_style = labels_in("en")
        default_sorting_style = LabelOrder

        def note_of(self, source: dict) -> str:
            """A source's note in the style's language (the date as given, then the book's note)."""
            return note_in(source, "en")

        def format_entry(self, label, entry, bib_data=None):
            source = sources.get(entry.key)
            if source is not None and "note" in entry.fields:
                fields = dict(entry.fields)
                fields["note"] = latex(end_sentence(self.note_of(source)))
                key = entry.key
                entry = Entry(entry.type, fields=fields, persons=entry.persons)
                entry.key = key
            return super().format_entry(label, entry, bib_data=bib_data)

        def get_misc_template(self, e):
            """pybtex's misc template, but the note ends its sentence itself (``end_sentence``): a quotation that
            ends with its own full stop takes no second one after the quotation mark (”… nästa år.”, not ”… år.”.; 'nästa år.', not 'år.'.)."""
            return toplevel[
                optional[sentence[self.format_names("author")]],
                optional[self.format_title(e, "title")],
                sentence[optional[field("howpublished")], optional[date]],
                sentence(add_period=False)[optional_field("note")],
                self.format_web_refs(e),
            ]

    class SwedishAuthorYearStyle(AuthorYearStyle):
        default_label_style = labels_in("sv")

        def note_of(self, source: dict) -> str:
            return note_in(source, "sv", notes_sv)

        def format_entry(self, label, entry, bib_data=None):
            fields = dict(entry.fields)
            if "howpublished" in fields:
                fields["howpublished"] = kind_in(fields["howpublished"], "sv")
            source = sources.get(entry.key)
            if source is not None and "title" in fields:
                fields["title"] = latex(protect_proper_nouns(field_in(source, "title", notes_sv)))
            persons = {
                role: [Person("{" + publisher_in(str(p).strip("{}"), "sv") + "}") for p in people]
                for role, people in entry.persons.items()
            }
            swedish = Entry(entry.type, fields=fields, persons=persons)
            swedish.key = entry.key
            return super().format_entry(label, swedish, bib_data=bib_data)

    register_plugin("pybtex.style.formatting", BIBLIOGRAPHY_STYLES["en"], AuthorYearStyle)
    register_plugin("pybtex.style.formatting", BIBLIOGRAPHY_STYLES["sv"], SwedishAuthorYearStyle)


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


def claim_reviews(table, book, sources, language: str | None = None) -> list[dict]:
    """One schema.org ClaimReview per claim: the words, who said them and when, the verdict, the anchor.

    In the Swedish edition (``language`` "sv") each review has ``inLanguage: sv``, the Swedish ledger page's
    address, the claim named by the source's own (Swedish) words, and the verdict and finding in the Swedish
    ledger's words; the explanation of how a claim was recomputed (the ledger's ``how``, English data) is left out
    there, not mixed in.

    When the book's address is known, ``url`` is the ledger page's absolute address with the claim's anchor
    and the reviewer (the book's authors) has the book's address as ``url``; when it is not, the anchor is
    relative to the page (the book does not invent an address)."""
    from bistand.publishing.ledger_view import finding_in, verdict_in

    sv = language == "sv"
    page = book.page_url(LEDGER_DOC, language) or "ledger.html"
    reviews = []
    for row in table.to_dict("records"):
        source = sources.get(row["source_id"], {})
        words = row["words"] if isinstance(row["words"], str) and row["words"] else row["claim"]
        name = words if sv else row["claim"]
        said = {"@type": "Claim", "name": name, "author": {"@type": "Organization", "name": row["publisher"]}}
        if re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", str(row["date"])):  # a day, or the year a source states
            said["datePublished"] = row["date"]
        appearance = {"@type": "CreativeWork", "headline": source.get("title", ""), "inLanguage": "sv"}
        if source.get("url"):
            appearance["url"] = source["url"]
        said["appearance"] = appearance
        rating = {"@type": "Rating", "alternateName": verdict_in(row["verdict"], language)}
        explanation = (
            row.get("how") if row["verdict"] != "not verifiable from the data shipped" else row.get("would_verify")
        )
        found = row.get("finding") if isinstance(row.get("finding"), str) and row["finding"] else ""
        # What the ledger counts the claim as (its finding, by the ledger's stated rules) comes first.
        parts = [
            (f"Räknas som: {finding_in(found, language)}." if sv else f"Counts as: {found}.") if found else "",
            explanation[:1].upper() + explanation[1:] if isinstance(explanation, str) and not sv else "",
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
        if sv:
            review["inLanguage"] = "sv"
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


#: The words around the download links (the data package on the appendix, the ledger's files on the ledger page),
#: in each edition's language. The files themselves are the same in both editions (English column names: the
#: data package's schema).
DOWNLOAD_WORDS = {
    "en": {
        "package": "Download the data package: ",
        "package_what": " (ZIP{size}): datapackage.json and its {count} CSV files side by side, as in the "
        "repository's data folder, so that ",
        "package_checks": " checks them after unpacking. The same files one by one are in the site's ",
        "package_folder": "data folder",
        "ledger": "Download the ledger: ",
        "ledger_what": " (one row per claim, with its verdict). The page also carries each verdict as schema.org "
        "ClaimReview data for fact-checking tools.",
    },
    "sv": {
        "package": "Ladda ner datapaketet: ",
        "package_what": " (ZIP{size}): datapackage.json och dess {count} CSV-filer sida vid sida, som i kodförrådets "
        "datamapp, så att ",
        "package_checks": " kontrollerar dem när de har packats upp. Samma filer en och en finns i webbplatsens ",
        "package_folder": "datamapp",
        "ledger": "Ladda ner redovisningen: ",
        "ledger_what": " (en rad per påstående, med dess utlåtande; kolumnnamnen på engelska). Sidan har också varje "
        "utlåtande som schema.org-data av typen ClaimReview, för faktagranskningsverktyg.",
    },
}


def download_words(language: str | None) -> dict[str, str]:
    """The download paragraphs' words in ``language`` (English for any other)."""
    return DOWNLOAD_WORDS.get(language or "en", DOWNLOAD_WORDS["en"])


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

    words = download_words(app.config.language)
    size = f", {file_size(archive.stat().st_size, app.config.language)}" if archive.exists() else ""
    para = nodes.paragraph(
        "",
        "",
        nodes.Text(words["package"]),
        nodes.reference(
            "", data_archive_name(), refuri=f"{root}_downloads/{data_archive_name()}", classes=["data-archive"]
        ),
        nodes.Text(words["package_what"].format(size=size, count=len(names) - 1)),
        nodes.literal("", "frictionless validate datapackage.json"),
        nodes.Text(words["package_checks"]),
        nodes.reference("", words["package_folder"], refuri=f"{root}{DATA_DOWNLOAD_DIR}/datapackage.json"),
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
    words = download_words(app.config.language)
    para = nodes.paragraph(
        "",
        "",
        nodes.Text(words["ledger"]),
        nodes.reference("", "CSV", refuri=f"{root}/claims_ledger.csv"),
        nodes.Text(", "),
        nodes.reference("", "JSON", refuri=f"{root}/claims_ledger.json"),
        nodes.Text(words["ledger_what"]),
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
    data = json.dumps(
        claim_reviews(ledger_claims(), book(), sources, app.config.language), ensure_ascii=False, indent=1
    )
    script = '<script type="application/ld+json" id="claim-reviews">\n' + data.replace("</", "<\\/") + "\n</script>\n"
    context["metatags"] = context.get("metatags", "") + script


def _page_language(app, pagename, templatename, context, doctree) -> None:
    """A page whose notebook metadata sets ``page_language`` gets it as ``<html lang>``, and its footer in that
    language (the Swedish summary had one; the Swedish edition's pages are Swedish by the build)."""
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


#: The book's words for theme strings marked for translation that the pinned themes have no Swedish for (the .po is
#: the source; the .mo is compiled at build time and not kept, like the pages' catalogues).
THEME_LOCALES = Path(__file__).parent / "locales"


def _theme_catalogue(app, config) -> None:
    """Add the book's catalogue of theme strings (``THEME_LOCALES``) to Sphinx's "sphinx" catalogue for the
    edition's language, compiled from its .po with Babel when the .po is newer."""
    language = config.language
    po = THEME_LOCALES / str(language) / "LC_MESSAGES" / "sphinx.po"
    if not po.is_file():
        return
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    mo = po.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime_ns < po.stat().st_mtime_ns:
        with open(po, "rb") as source:
            catalogue = read_po(source, locale=language)
        with open(mo, "wb") as target:
            write_mo(target, catalogue)
    app.add_message_catalog("sphinx", str(THEME_LOCALES))
    _javascript_catalogue(po, language, config)


def javascript_messages(shipped: dict, po: Path) -> dict:
    """The edition's catalogue for Sphinx's scripts: Sphinx's own (``shipped``, the object its ``sphinx.js`` gives
    ``Documentation.addTranslations``) without the messages it leaves empty, with the book's words from ``po`` for
    the messages a script uses (``#:`` location ending ``.js``).

    Sphinx 7.4.7 writes an untranslated message into ``sphinx.js`` as ``""``, and its ``Documentation.gettext``
    returns that empty string rather than the English: the Swedish search page's status line ("Search finished, found
    ... page(s)") was blank (sphinx-doc/sphinx#14167). Left out, a message the book does not translate falls back to
    English."""
    from babel.messages.pofile import read_po

    with open(po, "rb") as source:
        catalogue = read_po(source)
    messages = {key: value for key, value in shipped["messages"].items() if value}
    for message in catalogue:
        if message.id and message.string and any(place.endswith(".js") for place, _ in message.locations):
            messages[message.id] = message.string
    return {**shipped, "messages": dict(sorted(messages.items()))}


def _javascript_catalogue(po: Path, language: str, config) -> None:
    """Write the edition's ``sphinx.js`` beside its .mo (not kept, like the .mo) and add that folder to
    ``locale_dirs``, where Sphinx looks for a project's ``LANGUAGE/LC_MESSAGES/sphinx.js`` before its own
    (``StandaloneHTMLBuilder._get_translations_js``) and copies it to ``_static/translations.js``."""
    import json

    from sphinx import package_dir

    shipped_js = Path(package_dir) / "locale" / language / "LC_MESSAGES" / "sphinx.js"
    if not shipped_js.is_file():
        return
    found = re.fullmatch(
        r"\s*Documentation\.addTranslations\((.*)\);?\s*", shipped_js.read_text(encoding="utf-8"), re.S
    )
    if not found:
        raise ValueError(f"{shipped_js}: not Documentation.addTranslations({{...}}) as Sphinx 7.4 writes it")
    catalogue = javascript_messages(json.loads(found[1]), po)
    text = "Documentation.addTranslations(" + json.dumps(catalogue, ensure_ascii=False, indent=4) + ");\n"
    target = po.with_suffix(".js")
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    if str(THEME_LOCALES) not in config.locale_dirs:
        config.locale_dirs = [*config.locale_dirs, str(THEME_LOCALES)]


def setup(app):
    _register_pybtex_plugins()
    _register_bibliography_style()
    app.connect("config-inited", _theme_catalogue)
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
