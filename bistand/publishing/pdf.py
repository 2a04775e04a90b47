"""The PDF edition, printed from the built HTML by headless Chromium (``make pdf``), offline.

The chapters of _build/html (in _toc.yml order) are put into one print document: a cover with the
title, edition, date and how to cite (from bistand.publishing.citation), a table of contents with page numbers,
then each chapter on its own named page, so that CSS margin boxes carry its title as a running head
and the page number in the foot. Code cells are dropped (their outputs stay), charts are the static
SVGs drawn at build time, links between chapters become links inside the PDF, and links to files
of the site point at the published site; when its address is unknown, such a link is printed as text with the
file's path in the source repository (``data/figures_primary.csv``), so that no link of the PDF is relative.
Chromium prints it through the DevTools protocol (Page.printToPDF) twice: the first print tells
on which page each chapter begins, the second carries those numbers in the table of contents.

Each language edition has its PDF, printed from its own pages in its language (cover, contents, running heads,
bookmarks, the chart descriptions' label): ``python -m bistand.publishing.pdf`` writes
_build/pdf/bistand-book-EDITION.pdf (copied to _build/html/pdf/) and, when the Swedish edition is built,
_build/pdf/bistand-book-sv-EDITION.pdf (copied to _build/html/sv/pdf/).
"""

from __future__ import annotations

import base64
import hashlib
import html
import posixpath
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bistand import DATA_DIR, ROOT
from bistand.publishing.citation import Book, apa_book, book

HTML_DIR = ROOT / "_build" / "html"
PDF_DIR = ROOT / "_build" / "pdf"
SITE_PDF_FOLDER = "pdf"  # where the HTML links it: _build/html/pdf/
#: Files of the site that are files of the repository: Sphinx's download folders (hashed or the data folder) hold
#: copies of data/ files, _sources/ the chapters' sources, and the data package's ZIP is the data/ folder.
SITE_FILE = re.compile(
    r"^_downloads/(?:[0-9a-f]{32}|data)/(?P<data>[^/]+)$|^_sources/(?P<source>.+)$"
    r"|^_downloads/bistand-data-[^/]+\.zip$"
)
LEDGER_FILES = re.compile(r"^_downloads/ledger/claims_ledger\.(csv|json)$")


#: The translated editions: language -> the folder of the site that holds its pages (English is the site's root).
EDITION_FOLDERS = {"sv": "sv"}


def _tag(language: str | None) -> str:
    return f"{language}-" if language in EDITION_FOLDERS else ""


def pdf_name(edition: str, language: str | None = None) -> str:
    """The PDF's file name: bistand-book-1.2.0.pdf, the Swedish edition's bistand-book-sv-1.2.0.pdf."""
    return f"bistand-book-{_tag(language)}{edition}.pdf"


def stamp_name(edition: str, language: str | None = None) -> str:
    """Beside the PDF: the edition and the hash of the HTML it was printed from."""
    return f"bistand-book-{_tag(language)}{edition}.json"


def edition_html_dir(language: str | None, html_dir: Path = HTML_DIR) -> Path:
    """Where the pages of the edition in ``language`` are built: the site's root, or its folder (sv/)."""
    return html_dir / EDITION_FOLDERS[language] if language in EDITION_FOLDERS else html_dir


# The paragraph on every page that links the PDF (or says how to make it), and the PDF's entry in the header's
# download menu. bookext writes both; the PDF build and every HTML build (build-finished) set what they say,
# over all pages at once.
PDF_NOTE = re.compile(r'<p class="pdf-edition[^"]*"[^>]*>.*?</p>', re.S)
PDF_MENU = re.compile(r"<a\b[^>]*\bbtn-download-book-pdf-button\b[^>]*>.*?</a>", re.S)


def file_size(size: int, language: str = "en") -> str:
    """A file's size as a reader reads it: '2.1 MB', '640 kB' (decimal units; Swedish '2,1 MB')."""
    text = f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{max(1, round(size / 1e3))} kB"
    return text.replace(".", ",") if language == "sv" else text


def pdf_note(
    relative_root: str,
    edition: str,
    linked: bool,
    language: str = "en",
    size: int | None = None,
    pdf_language: str | None = None,
) -> str:
    """The paragraph: a link to the PDF of this edition and these pages, with its size, or how to make one (in
    Swedish on a Swedish page). ``pdf_language`` is the PDF's (default: the page's); a Swedish page of the English
    edition says that its PDF is in English."""
    pdf_language = pdf_language or language
    href = f"{relative_root}{SITE_PDF_FOLDER}/{pdf_name(edition, pdf_language)}"
    if language == "sv":
        if linked:
            english = ", på engelska" if pdf_language != "sv" else ""
            return (
                f'<p class="pdf-edition">Hela boken i en fil: <a class="reference external pdf-link" '
                f'href="{href}">PDF-utgåva {edition}</a> ({_size_words(size, language)}{english}).</p>'
            )
        return (
            f'<p class="pdf-edition pdf-missing">PDF-utgåvan {edition} av de här sidorna har inte skapats från '
            "den här versionen: kör <code>make pdf</code> (som <code>make test</code> kör) för att göra den.</p>"
        )
    if linked:
        return (
            f'<p class="pdf-edition">The whole book as one file: <a class="reference external pdf-link" '
            f'href="{href}">PDF edition {edition}</a> ({_size_words(size, language)}).</p>'
        )
    return (
        f'<p class="pdf-edition pdf-missing">The PDF edition {edition} of these pages has not been printed '
        "from this build: run <code>make pdf</code> (which <code>make test</code> runs) to make it.</p>"
    )


def _size_words(size: int | None, language: str) -> str:
    return "PDF" + (f", {file_size(size, language)}" if size else "")


MENU_ICON = '<span class="btn__icon-container"><i class="fas fa-file-pdf"></i></span>'


def pdf_menu_item(
    relative_root: str,
    edition: str,
    linked: bool,
    language: str = "en",
    size: int | None = None,
    pdf_language: str | None = None,
) -> str:
    """The header download menu's entry for the whole book: the PDF of this edition with its size, or (not printed
    from these pages) a disabled entry saying so; in the page's ``language``, for the PDF in ``pdf_language``."""
    pdf_language = pdf_language or language
    classes = "btn btn-sm btn-download-book-pdf-button dropdown-item"
    sv = language == "sv"
    if linked:
        text = (
            (
                f"PDF-utgåva {edition}, hela boken ({file_size(size, language)})"
                if sv
                else f"PDF edition {edition}, whole book ({file_size(size, language)})"
            )
            if size
            else (f"PDF-utgåva {edition}" if sv else f"PDF edition {edition}")
        )
        return (
            f'<a class="{classes}" href="{relative_root}{SITE_PDF_FOLDER}/{pdf_name(edition, pdf_language)}">{MENU_ICON}'
            f'<span class="btn__text-container">{text}</span></a>'
        )
    text = "PDF-utgåvan är inte utskriven (make pdf)" if sv else "PDF edition not printed (make pdf)"
    return (
        f'<a class="{classes} disabled" aria-disabled="true">{MENU_ICON}'
        f'<span class="btn__text-container">{text}</span></a>'
    )


def html_hash(html_dir: Path = HTML_DIR) -> str:
    """sha256 of the built pages the PDF prints, without the paragraph and the menu entry that link the PDF."""
    digest = hashlib.sha256()
    for docname in chapter_docnames():
        page = html_dir / f"{docname}.html"
        if page.exists():
            text = PDF_MENU.sub("", PDF_NOTE.sub("", page.read_text(encoding="utf-8")))
            digest.update(docname.encode() + b"\0" + text.encode() + b"\0")
    return "sha256:" + digest.hexdigest()


def data_hash(data_dir: Path = DATA_DIR) -> str:
    """sha256 of the data files as they are (the hashes datapackage.json records may lag behind)."""
    digest = hashlib.sha256()
    for path in sorted(data_dir.glob("*.csv")) + [data_dir / "datapackage.json"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return "sha256:" + digest.hexdigest()


def _stamp(edition: str, html_dir: Path, data_dir: Path = DATA_DIR) -> dict[str, str]:
    return {"edition": edition, "html": html_hash(html_dir), "data": data_hash(data_dir)}


def edition_pages(html_dir: Path, language: str | None) -> list[Path]:
    """The pages of one edition: every page under ``html_dir`` but, for English (the site's root), the translated
    editions' folders."""
    others = set() if language in EDITION_FOLDERS else set(EDITION_FOLDERS.values())
    return [page for page in html_dir.rglob("*.html") if page.relative_to(html_dir).parts[0] not in others]


def link_or_explain(
    html_dir: Path = HTML_DIR, edition: str | None = None, data_dir: Path = DATA_DIR, language: str | None = None
) -> bool:
    """Link the PDF of the edition in ``language`` from every page of that edition if it was printed from these very
    pages and this data; otherwise remove the stale PDF from the site and say on every page how to make it. Returns
    whether linked."""
    import json

    edition = edition or book().edition
    language = language if language in EDITION_FOLDERS else "en"
    folder = html_dir / SITE_PDF_FOLDER
    pdf, stamp = folder / pdf_name(edition, language), folder / stamp_name(edition, language)
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        recorded = None
    linked = pdf.exists() and recorded == _stamp(edition, html_dir, data_dir)
    if not linked:
        for stale in (pdf, stamp):
            stale.unlink(missing_ok=True)
    size = pdf.stat().st_size if linked else None
    for page in edition_pages(html_dir, language):
        text = page.read_text(encoding="utf-8")
        if 'class="pdf-edition' not in text and "btn-download-book-pdf-button" not in text:
            continue
        root = "../" * (len(page.relative_to(html_dir).parts) - 1)
        words = "sv" if '<html lang="sv"' in text else "en"  # a page's own language (the English edition's summary)
        new = PDF_NOTE.sub(lambda _: pdf_note(root, edition, linked, words, size, language), text)  # noqa: B023
        new = PDF_MENU.sub(lambda _: pdf_menu_item(root, edition, linked, words, size, language), new)  # noqa: B023
        if new != text:
            page.write_text(new, encoding="utf-8")
    return linked


@dataclass
class Chapter:
    docname: str
    slug: str
    title: str
    body: str


def chapter_docnames(toc: Path = ROOT / "_toc.yml") -> list[str]:
    """The book's pages in reading order, read from _toc.yml by jupyter-book's own reader (sphinx-external-toc):
    the root, then each page followed by its own sections, in the order the table of contents gives them."""
    from sphinx_external_toc.parsing import parse_toc_yaml

    site_map = parse_toc_yaml(toc)

    def reading_order(name: str) -> list[str]:
        # the reader keeps a file's suffix where _toc.yml gives one ('c.md'); Sphinx's document name has none
        docname = name.removesuffix(".md").removesuffix(".ipynb")
        return [docname, *(page for child in site_map[name].child_files() for page in reading_order(child))]

    return reading_order(site_map.root.docname)


def slug_of(docname: str) -> str:
    return "ch-" + docname.rsplit("/", 1)[-1]


def repository_path(target: str) -> str | None:
    """The path in the source repository of a file of the site ('_downloads/…/events.csv' -> 'data/events.csv'),
    or None when the file is not one of the repository's."""
    match = SITE_FILE.match(target)
    if match is None:
        return None
    if not (match["data"] or match["source"]):
        return "data/"
    path = f"data/{match['data']}" if match["data"] else match["source"]
    return path if (ROOT / path).is_file() else None


def _rewrite_link(href: str, docname: str, slugs: dict[str, str], b: Book) -> str | None:
    """An href of a page in the HTML site, as it must read inside the PDF: an anchor inside it, an absolute
    address, or None (a file of the site whose address is unknown: printed as text, see ``_unlink``)."""
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//") or href.startswith("mailto:"):
        return href
    if not parts.path:  # same page
        return f"#{slugs[docname]}--{parts.fragment}" if parts.fragment else f"#{slugs[docname]}"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(docname), parts.path))
    page = target.removesuffix(".html")
    if target.endswith(".html") and page in slugs:
        return f"#{slugs[page]}--{parts.fragment}" if parts.fragment else f"#{slugs[page]}"
    if target == "index.html":
        return f"#{slugs[next(iter(slugs))]}"
    if not b.url and LEDGER_FILES.match(target) and LEDGER_DOC in slugs:
        return f"#{slugs[LEDGER_DOC]}"  # the ledger's data: printed in its chapter
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return b.url + target + fragment if b.url else None


LEDGER_DOC = "chapters/ledger"


#: The words the print adds, in each edition's language.
PRINT_WORDS = {
    "en": {
        "repository": " (repository: ",
        "site": " (site: ",
        "contents": "Contents",
        "description": "Description: ",
    },
    "sv": {
        "repository": " (kodförrådet: ",
        "site": " (webbplatsen: ",
        "contents": "Innehåll",
        "description": "Beskrivning: ",
    },
}


def print_words(language: str | None) -> dict[str, str]:
    return PRINT_WORDS.get(language or "en", PRINT_WORDS["en"])


def _unlink(soup, element, target: str, language: str | None = None) -> None:
    """A link to a file of the site whose address is unknown: its text stays, followed by the file's path in the
    repository (or, for a file the repository does not hold, the path in the site), printed, not linked."""
    path = repository_path(target)
    note = soup.new_tag("span", attrs={"class": "repository-path"})
    words = print_words(language)
    note.append(words["repository"] if path else words["site"])
    code = soup.new_tag("code")
    code.string = path or target
    note.append(code)
    note.append(")")
    if element.get_text(strip=True) == (path or target).rsplit("/", 1)[-1] and path:
        element.replace_with(code)  # the name alone: the path says it all
        return
    element.insert_after(note)
    element.unwrap()


def read_chapter(
    docname: str, slugs: dict[str, str], b: Book, html_dir: Path = HTML_DIR, language: str | None = None
) -> Chapter:
    """One built page's article, made ready to print: no code, no scripts, one picture per chart (the widest),
    ids and links rewritten."""
    from bs4 import BeautifulSoup

    page = html_dir / f"{docname}.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.bd-article") or soup.select_one("main") or soup.body
    for selector in [
        "script",
        "style",
        ".cell_input",
        "details.hide > summary",
        "a.headerlink",
        ".cite-this",
        "p.pdf-edition",
        "button",
        ".vega-spec",
        ".toggle-details__summary",
        ".toctree-wrapper",
    ]:
        for element in article.select(selector):
            element.decompose()
    for details in article.select("details"):
        details.unwrap()
    for figure in article.select("figure.vega-chart"):
        # The page holds one picture per screen width (CSS shows one); the print has the widest only.
        variants = sorted(figure.select(".vega-variant"), key=lambda v: int(v.get("data-width", 0)))
        for variant in variants[:-1]:
            variant.decompose()
    slug = slugs[docname]
    for element in article.find_all(id=True):
        element["id"] = f"{slug}--{element['id']}"
    for element in article.find_all("a", href=True):
        href = _rewrite_link(element["href"], docname, slugs, b)
        if href is None:
            _unlink(
                soup,
                element,
                posixpath.normpath(posixpath.join(posixpath.dirname(docname), urlsplit(element["href"]).path)),
                language,
            )
        else:
            element["href"] = href
    for element in article.find_all("img", src=True):
        src = element["src"]
        if not urlsplit(src).scheme:
            element["src"] = (page.parent / src).resolve().as_uri()
    for figure in article.select("figure.vega-chart"):
        _describe_chart(soup, figure)
    for table in article.select("table"):
        if _is_wide(table):
            table.replace_with(_records(soup, table))
    heading = article.find("h1")
    title = heading.get_text(" ", strip=True) if heading else docname
    return Chapter(docname, slug, title, article.decode_contents())


# Paper is about 95 characters wide at 9 pt: a table of this many columns, one with an address in a cell, or the
# claims ledger does not fit, and is printed as stacked records instead (one block per row, every column named), so no column is cut.
WIDE_TABLE_COLUMNS = 6
WIDE_TABLE_CLASSES = {"claims-ledger"}
# In a record, a column whose longest cell is at most this many characters shares a line with the other short ones.
SHORT_CELL = 36


# A cell holding an unbreakable run this long (an address) would squeeze its neighbours to a letter a line.
LONG_TOKEN = 30


def _is_wide(table) -> bool:
    rows = table.select("tr")
    columns = max((len(r.find_all(["th", "td"], recursive=False)) for r in rows), default=0)
    longest_token = max((len(t) for t in table.get_text(" ").split()), default=0)
    return (
        columns >= WIDE_TABLE_COLUMNS
        or longest_token >= LONG_TOKEN
        or bool(WIDE_TABLE_CLASSES & set(table.get("class") or []))
    )


def _records(soup, table):
    """A wide table as a list of records: the first column heads each record, short columns share a line,
    long ones (titles, locators, quotes, notes) get a line each; every cell is kept with its markup."""
    head_rows = table.select("thead tr")
    header = (
        [c.get_text(" ", strip=True) for c in head_rows[-1].find_all(["th", "td"], recursive=False)]
        if head_rows
        else []
    )
    body_rows = [r for r in table.select("tr") if r.find_parent("thead") is None]
    if not header and body_rows:
        header = [c.get_text(" ", strip=True) for c in body_rows[0].find_all(["th", "td"], recursive=False)]
        body_rows = body_rows[1:]
    rows = [r.find_all(["th", "td"], recursive=False) for r in body_rows]
    longest = [
        max((len(row[i].get_text(" ", strip=True)) for row in rows if i < len(row)), default=0)
        for i in range(len(header))
    ]
    box = soup.new_tag("div", attrs={"class": "records", "role": "list"})
    caption = table.find("caption")
    if caption is not None:
        title = soup.new_tag("p", attrs={"class": "records-caption"})
        title.extend(list(caption.contents))
        box.append(title)
    for cells in rows:
        record = soup.new_tag("div", attrs={"class": "record", "role": "listitem"})
        short = soup.new_tag("p", attrs={"class": "record-short"})
        for index, cell in enumerate(cells):
            name = header[index] if index < len(header) else ""
            if not cell.get_text(strip=True):
                continue
            field = soup.new_tag("span", attrs={"class": "field"})
            if name:
                label = soup.new_tag("span", attrs={"class": "name"})
                label.string = f"{name}: "
                field.append(label)
            value = soup.new_tag("span", attrs={"class": "value"})
            value.extend(list(cell.contents))
            field.append(value)
            if index == 0:
                first = soup.new_tag("p", attrs={"class": "record-head"})
                first.append(field)
                record.append(first)
            elif longest[index] <= SHORT_CELL if index < len(longest) else False:
                short.append(field)
            else:
                line = soup.new_tag("p", attrs={"class": "record-long"})
                line.append(field)
                record.append(line)
        if short.contents:
            head = record.find("p", class_="record-head")
            (head.insert_after(short) if head is not None else record.insert(0, short))
        box.append(record)
    return box


def _describe_chart(soup, figure) -> None:
    """The chart's description (the aria-label the screen gives it) printed under it, as its caption."""
    description = (figure.get("aria-label") or "").strip()
    if not description or figure.find("figcaption", class_="chart-description"):
        return
    caption = soup.new_tag("figcaption", attrs={"class": "chart-description"})
    caption.string = description
    figure.append(caption)
    # The screen hides the drawing from assistive technology (its box carries the label); in the tagged PDF
    # the drawing itself is the figure, with the description as its alternative text.
    for svg in figure.select(".vega-variant > svg"):
        del svg["aria-hidden"]
        svg["role"] = "img"
        svg["aria-label"] = description


CSS = """
@page { size: A4; margin: 20mm 18mm 20mm 18mm;
  @bottom-center { content: counter(page); font: 9pt 'DejaVu Sans', sans-serif; color: #444; } }
@page front { @top-center { content: none; } @bottom-center { content: none; } }
html, body { margin: 0; padding: 0; }
/* Nothing may be wider than the page: Chromium would shrink the whole document to fit it (to 2/3 before). */
body { font: 10.5pt/1.45 'DejaVu Serif', serif; color: #111; font-variant-ligatures: none; overflow-wrap: anywhere; }
section.chapter * { max-width: 100%; box-sizing: border-box; }

h1, h2, h3, h4, .cover, nav.toc { font-family: 'DejaVu Sans', sans-serif; }
h1 { font-size: 20pt; margin: 0 0 12pt; } h2 { font-size: 14pt; margin-top: 16pt; } h3 { font-size: 12pt; }
h1, h2, h3, h4 { break-after: avoid; }
section.chapter { break-before: page; }
section.front { page: front; }
a { color: #1b5e8c; text-decoration: none; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.35; margin: 8pt 0; break-inside: auto; }
tr { break-inside: avoid; }
th, td { border-bottom: 0.5pt solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top; overflow-wrap: break-word; }
table { overflow-wrap: break-word; }
/* Wide tables as stacked records: one block per row, every column named. */
div.records { font-size: 9pt; line-height: 1.35; margin: 8pt 0; }
div.record { border-top: 0.5pt solid #bbb; padding: 3pt 0 4pt; break-inside: avoid; }
div.record p { margin: 1pt 0; }
p.record-head { font-family: 'DejaVu Sans', sans-serif; font-weight: bold; }
p.record-short .field + .field::before { content: " · "; color: #777; }
.record .name { color: #555; font-family: 'DejaVu Sans', sans-serif; font-size: 8.5pt; }
p.records-caption { font-weight: bold; }
svg, img { max-width: 100%; height: auto; }
figure { margin: 8pt 0; }
figure.vega-chart { break-inside: avoid; }
figcaption.chart-description { font-size: 9pt; line-height: 1.35; color: #333; margin-top: 3pt; }
figcaption.chart-description::before { font-weight: bold; font-family: 'DejaVu Sans', sans-serif; }
div.citation { break-inside: avoid; }
pre { font: 9pt/1.3 'DejaVu Sans Mono', monospace; white-space: pre-wrap; background: #f4f4f4; padding: 4pt; }
.admonition, aside { border-left: 2pt solid #1b5e8c; padding: 2pt 8pt; margin: 8pt 0; background: #f4f7fa; }
.admonition-title { font-weight: bold; }
.cover { text-align: left; padding-top: 40mm; }
.cover h1 { font-size: 26pt; line-height: 1.2; }
.cover .edition { font-size: 13pt; margin: 6pt 0 30mm; }
.cover .cite { font-size: 10pt; border-left: 2pt solid #1b5e8c; padding-left: 8pt; }
nav.toc { break-before: page; }
nav.toc ol { list-style: none; padding: 0; font-size: 11pt; }
nav.toc li { display: flex; margin: 5pt 0; }
nav.toc li .dots { flex: 1; border-bottom: 0.5pt dotted #888; margin: 0 4pt 3pt; }
dl.citation { font-size: 9pt; }
"""


def _running_heads(chapters: list[Chapter]) -> str:
    def css_string(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return "\n".join(
        f"@page {c.slug} {{ @top-center {{ content: {css_string(c.title)}; font: italic 9pt 'Liberation Sans', sans-serif; "
        f"font-variant-ligatures: none; font-feature-settings: 'liga' 0, 'clig' 0; color: #444; }} }}\nsection#{c.slug} {{ page: {c.slug}; }}"
        for c in chapters
    )


COVER_NO_ADDRESS = (
    "This copy does not give a web address for the book. Cite it by its title, edition and date "
    "as above, and add the address where you found it, if you read it online."
)
COVER_NO_REPOSITORY = (
    "The code and the data are in the book's source repository; where this PDF names a file "
    "(such as data/figures_primary.csv), that is its path there."
)


COVER_SV = {
    "no_address": "Det här exemplaret anger inte bokens webbadress. Hänvisa till den med titel, utgåva och datum enligt ovan, "
    "och lägg till adressen där du hittade den, om du läste den på nätet.",
    "no_repository": "Koden och underlaget finns i bokens kodförråd; där den här PDF-filen nämner en fil "
    "(som data/figures_primary.csv) är det dess sökväg där.",
    "read_online": "Läs på nätet: ",
    "repository": "Kod, underlag och historiken för varje ändring: ",
    "repository_path": "; där den här PDF-filen nämner en fil (som data/figures_primary.csv) är det dess sökväg där.",
    "edition": "Utgåva",
    "cite": "Så hänvisar du till boken:",
    "licence": "<p><strong>Licens:</strong> texten och underlaget är licensierade under Creative Commons Erkännande "
    '4.0 (CC BY 4.0, <a href="https://creativecommons.org/licenses/by/4.0/deed.sv">'
    "https://creativecommons.org/licenses/by/4.0/deed.sv</a>): du får dela och bearbeta dem om du anger boken "
    "som ovan. Koden har MIT-licens.</p>"
    "<p>Varje siffra i boken är beräknad ur underlaget i dess kodförråd; HTML-utgåvan har koden, underlaget och de "
    "interaktiva diagrammen. Det här är den svenska utgåvan; bokens titel på engelska är ",
}


def cover_html(b: Book, language: str | None = None) -> str:
    """The cover: title, authors, edition and date, licence, how to cite, where to read the book and its data,
    in a reader's words, in the edition's language."""
    if language == "sv":
        return _cover_sv(b)
    esc = html.escape
    when = esc(long_date(b.date))
    where = (
        f'<p>Read online: <a href="{esc(b.url)}">{esc(b.url)}</a></p>'
        if b.url
        else f'<p class="no-address">{esc(COVER_NO_ADDRESS)}</p>'
    )
    where += (
        f'<p>Code, data and the history of every change: <a href="{esc(b.repository)}">{esc(b.repository)}</a>; '
        "where this PDF names a file (such as data/figures_primary.csv), that is its path there.</p>"
        if b.repository
        else f"<p>{esc(COVER_NO_REPOSITORY)}</p>"
    )
    return (
        f'<section class="front cover"><h1>{esc(b.title)}</h1>'
        f'<p class="edition">{esc(b.authors)}<br>Edition {esc(b.edition)}, {esc(b.date)} ({when})</p>'
        f'<div class="cite"><p><strong>How to cite:</strong> {esc(apa_book(b))}</p>{where}'
        "<p><strong>Licence:</strong> the text and the data are licensed under Creative Commons Attribution 4.0 "
        '(CC BY 4.0, <a href="https://creativecommons.org/licenses/by/4.0/">'
        "https://creativecommons.org/licenses/by/4.0/</a>): you may share and adapt them if you credit the book "
        "as above. The code is under the MIT licence.</p>"
        "<p>Every figure in this book is computed from the data in its repository; the HTML edition has the "
        "code, the data and the interactive charts.</p></div></section>"
    )


def _cover_sv(b: Book) -> str:
    """The Swedish edition's cover (see ``cover_html``); its address is the Swedish edition's (…/sv/)."""
    esc, words = html.escape, COVER_SV
    url = b.url + "sv/" if b.url else None
    where = (
        f'<p>{words["read_online"]}<a href="{esc(url)}">{esc(url)}</a></p>'
        if url
        else f'<p class="no-address">{esc(words["no_address"])}</p>'
    )
    where += (
        f'<p>{words["repository"]}<a href="{esc(b.repository)}">{esc(b.repository)}</a>{esc(words["repository_path"])}</p>'
        if b.repository
        else f"<p>{esc(words['no_repository'])}</p>"
    )
    return (
        f'<section class="front cover"><h1>{esc(b.title_in("sv"))}</h1>'
        f'<p class="edition">{esc(b.authors)}<br>{words["edition"]} {esc(b.edition)}, {esc(b.date)} '
        f"({esc(long_date(b.date, 'sv'))})</p>"
        f'<div class="cite"><p><strong>{words["cite"]}</strong> {esc(apa_book(b, "sv"))}</p>{where}'
        f'{words["licence"]}<span lang="en">{esc(b.title)}</span>.</p></div></section>'
    )


def long_date(iso: str, language: str | None = None) -> str:
    """An ISO date as words: '2026-11-22' -> '22 November 2026' (Swedish: '22 november 2026', Babel's month)."""
    from datetime import date

    day = date.fromisoformat(iso)
    if language == "sv":
        from babel.dates import format_date

        return format_date(day, "d MMMM y", locale="sv_SE")
    return f"{day.day} {day:%B} {day.year}"


def print_document(chapters: list[Chapter], b: Book, pages: dict[str, int] | None, language: str | None = None) -> str:
    """The whole print document; ``pages`` maps a chapter's slug to its first page (None: first pass)."""
    esc = html.escape
    words = print_words(language)
    lang = language if language in EDITION_FOLDERS else "en"
    cover = cover_html(b, language)
    entries = "".join(
        f'<li><a href="#{c.slug}">{esc(c.title)}</a><span class="dots"></span>'
        f'<a href="#{c.slug}">{pages.get(c.slug, "") if pages else "00"}</a></li>'
        for c in chapters
    )
    toc = f'<section class="front"><nav class="toc"><h1>{words["contents"]}</h1><ol>{entries}</ol></nav></section>'
    body = "".join(f'<section class="chapter" id="{c.slug}">{c.body}</section>' for c in chapters)
    description = 'figcaption.chart-description::before { content: "' + words["description"] + '"; }'
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(b.title_in(language))}</title>'
        f"<style>{CSS}\n{description}\n{_running_heads(chapters)}</style></head><body>{cover}{toc}{body}</body></html>"
    )


def _driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
    for flag in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--allow-file-access-from-files",
        f"--user-data-dir={tempfile.mkdtemp(prefix='chromium-pdf-')}",
    ]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


def print_pdf(driver, document: Path) -> bytes:
    """Print one local HTML file to PDF bytes (CSS page size and margin boxes, with an outline and tags)."""
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    driver.get(document.as_uri())
    result = driver.execute_cdp_cmd(
        "Page.printToPDF",
        {
            "printBackground": True,
            "preferCSSPageSize": True,
            "displayHeaderFooter": False,
            "generateDocumentOutline": True,
            "generateTaggedPDF": True,
        },
    )
    return base64.b64decode(result["data"])


def chapter_pages(pdf: bytes, slugs: list[str]) -> dict[str, int]:
    """The printed page number (1 = cover) on which each chapter begins, from the PDF's named destinations."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    found = {}
    for name, destination in reader.named_destinations.items():
        name = name.removeprefix("/")
        if name in slugs:
            found[name] = reader.get_destination_page_number(destination) + 1
    missing = [s for s in slugs if s not in found]
    if missing:
        raise RuntimeError(f"the printed PDF has no destination for {', '.join(missing)}")
    return found


def _pdf_date(iso: str) -> str:
    """An ISO date (YYYY-MM-DD) as a PDF date string."""
    return "D:" + iso.replace("-", "") + "000000Z"


def outline_titles(outline_titles_as_printed: list[str], headings: list[str]) -> list[str]:
    """The bookmarks' titles as the headings read. Chromium builds the outline from the laid-out text and
    drops the space where a heading wrapped ('socialassistance?'): each title is replaced by the heading that
    reads the same without spaces (in order; a title with no such heading stays)."""

    def key(text: str) -> str:
        return re.sub(r"\s+", "", text)

    result, start = [], 0
    for title in outline_titles_as_printed:
        for index in range(start, len(headings)):
            if key(headings[index]) == key(title):
                result.append(headings[index])
                start = index + 1
                break
        else:
            result.append(title)
    return result


def document_headings(document: str) -> list[str]:
    """The text of each heading of the print document, in order, with its spaces."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(document, "html.parser")
    return [re.sub(r"\s+", " ", h.get_text()).strip() for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]


def finish(pdf: bytes, b: Book, headings: list[str] | None = None, language: str | None = None) -> bytes:
    """The printed PDF with the book's metadata (Title, Author, Subject, Keywords, the edition and its date,
    the language) and its bookmarks titled as the ``headings`` of the print document read. The tags,
    outline and named destinations are kept."""
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    from bistand.publishing.citation import ABSTRACT, ABSTRACT_SV, KEYWORDS

    sv = language == "sv"

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    if headings:
        items = _outline_items(writer.root_object.get("/Outlines"))
        titles = outline_titles([str(item.get("/Title", "")) for item in items], headings)
        for item, title in zip(items, titles, strict=False):
            item[NameObject("/Title")] = TextStringObject(title)
    writer.add_metadata(
        {
            "/Title": b.title_in(language),
            "/Author": b.authors,
            "/Subject": f"Utgåva {b.edition}, {b.date}. {ABSTRACT_SV}"
            if sv
            else f"Edition {b.edition}, {b.date}. {ABSTRACT}",
            "/Keywords": ", ".join(KEYWORDS),
            "/Creator": "bistand.publishing.pdf (headless Chromium, Page.printToPDF)",
            "/CreationDate": _pdf_date(b.date),
            "/Edition": b.edition,
            "/EditionDate": b.date,
            **({"/URL": b.url + ("sv/" if sv else "")} if b.url else {}),
        }
    )
    catalogue = writer.root_object  # pypdf's public access to the document catalogue (no setter for /Lang)
    if "/Lang" not in catalogue:
        catalogue[NameObject("/Lang")] = TextStringObject("sv" if sv else "en")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _outline_items(root) -> list:
    """Every item of a PDF outline (its dictionaries), depth first, in reading order."""
    items, stack = [], []
    node = root.get_object().get("/First") if root is not None else None
    while node is not None or stack:
        if node is None:
            node = stack.pop()
            continue
        item = node.get_object()
        items.append(item)
        if item.get("/Next") is not None:
            stack.append(item["/Next"])
        node = item.get("/First")
    return items


def build(html_dir: Path | None = None, out_dir: Path = PDF_DIR, language: str | None = None) -> Path:
    """Build the PDF of the edition in ``language`` (English by default) from its built HTML; return its path.
    ``html_dir`` is that edition's pages (default: _build/html, or _build/html/sv for Swedish)."""
    import dataclasses
    import json

    html_dir = html_dir if html_dir is not None else edition_html_dir(language)
    html_dir, out_dir = html_dir.resolve(), out_dir.resolve()  # file:// addresses need absolute paths
    if not (html_dir / "chapters").is_dir():
        raise SystemExit(f"{html_dir} has no built book: run `make book` first")
    b = book()
    # Links to the site: the edition's own address (the Swedish pages are published under sv/).
    site = (
        dataclasses.replace(b, url=b.url + EDITION_FOLDERS[language] + "/")
        if b.url and language in EDITION_FOLDERS
        else b
    )
    docnames = chapter_docnames()
    slugs = {d: slug_of(d) for d in docnames}
    stamp = _stamp(b.edition, html_dir)
    chapters = [read_chapter(d, slugs, site, html_dir, language) for d in docnames]
    out_dir.mkdir(parents=True, exist_ok=True)
    document = out_dir / ("book.html" if language not in EDITION_FOLDERS else f"book-{language}.html")
    driver = _driver()
    try:
        document.write_text(print_document(chapters, b, None, language), encoding="utf-8")
        pages = chapter_pages(print_pdf(driver, document), [c.slug for c in chapters])
        document.write_text(print_document(chapters, b, pages, language), encoding="utf-8")
        pdf = print_pdf(driver, document)
    finally:
        driver.quit()
    if chapter_pages(pdf, list(pages)) != pages:
        raise RuntimeError("the page numbers moved between the two prints")
    target = out_dir / pdf_name(b.edition, language)
    if _stamp(b.edition, html_dir) != stamp:
        raise RuntimeError(f"{html_dir} changed while the PDF was printed from it: run `make pdf` again")
    target.write_bytes(finish(pdf, b, document_headings(document.read_text(encoding="utf-8")), language))
    stamp_file = out_dir / stamp_name(b.edition, language)
    stamp_file.write_text(json.dumps(stamp, indent=1) + "\n", encoding="utf-8")
    for pages_dir in _sites(html_dir, language):
        folder = pages_dir / SITE_PDF_FOLDER
        folder.mkdir(exist_ok=True)
        shutil.copy(target, folder / target.name)
        shutil.copy(stamp_file, folder / stamp_file.name)
        link_or_explain(pages_dir, b.edition, language=language)
    return target


def _sites(html_dir: Path, language: str | None) -> list[Path]:
    """Where the PDF goes beside the pages it was printed from: the edition's pages, and, for a translated edition,
    also the folder it is built in (bistand.publishing.editions builds _build/sv/html and copies it into the site),
    so that the next build of unchanged pages finds the PDF and links it."""
    built = ROOT / "_build" / language / "html" if language in EDITION_FOLDERS else None
    if built is not None and built.is_dir() and built.resolve() != html_dir and html_hash(built) == html_hash(html_dir):
        return [html_dir, built.resolve()]
    return [html_dir]


def main(argv: list[str] | None = None) -> int:
    """Print the English PDF and, when the Swedish edition is built, the Swedish one (``make pdf``); or only the
    editions named (``en``, ``sv``)."""
    languages = argv or ["en", *(lang for lang in EDITION_FOLDERS if (edition_html_dir(lang) / "chapters").is_dir())]
    for language in languages:
        target = build(language=language)
        print(
            f"wrote {target.relative_to(ROOT)} ({target.stat().st_size / 1024:.0f} KiB) and copied it to "
            f"{edition_html_dir(language).relative_to(ROOT)}/{SITE_PDF_FOLDER}/"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
