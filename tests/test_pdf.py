"""The PDF edition (make pdf): the same book as the HTML, with a cover, contents, running heads and vector charts."""

from __future__ import annotations

import html
import re
from functools import cache

import pytest

from bistand.publishing.citation import apa_book, book
from bistand.publishing.pdf import PDF_DIR, chapter_docnames, chapter_pages, pdf_name, slug_of
from conftest import ROOT, built_chapters, built_page, edit_cell

HTML = ROOT / "_build" / "html"
#: Every test here reads the printed PDF or the pages it was printed from.
pytestmark = pytest.mark.usefixtures("built_pdf")


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@cache
def _pdf():
    from pypdf import PdfReader

    path = PDF_DIR / pdf_name(book().edition)
    assert path.exists(), "build the PDF first: make pdf"
    return PdfReader(path)


@cache
def _pages() -> tuple[str, ...]:
    # A line broken after a hyphen ("long-" / "term") reads as one word again.
    return tuple(_normal(re.sub(r"-\n", "-", page.extract_text())) for page in _pdf().pages)


def _html_text(fragment: str) -> str:
    return _normal(html.unescape(re.sub(r"<[^>]+>", "", fragment)))


def _title(docname: str) -> str:
    """The page's title as the HTML shows it (its article's h1, without the permalink sign)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(built_page(f"{docname}.html"), "html.parser")
    heading = soup.select_one("article.bd-article h1")
    for link in heading.select("a.headerlink"):
        link.decompose()
    return _normal(heading.get_text(" "))


def test_the_pdf_is_published_beside_the_html():
    built = PDF_DIR / pdf_name(book().edition)
    assert (HTML / "pdf" / built.name).read_bytes() == built.read_bytes()


def test_the_cover_gives_title_edition_date_and_how_to_cite():
    b = book()
    cover = _pages()[0]
    assert _normal(b.title) in cover and f"Edition {b.edition}, {b.date}" in cover
    assert _normal(apa_book(b)) in cover


def test_every_chapter_title_is_in_the_contents_and_heads_each_of_its_pages():
    docnames = chapter_docnames()
    starts = chapter_pages((PDF_DIR / pdf_name(book().edition)).read_bytes(), [slug_of(d) for d in docnames])
    contents = _pages()[1]
    ends = [starts[slug_of(d)] - 1 for d in docnames[1:]] + [len(_pages())]
    for docname, end in zip(docnames, ends, strict=False):
        title, first = _title(docname), starts[slug_of(docname)]
        assert f"{title} {first}" in contents, f"contents line for {title}"
        for number in range(first, end + 1):
            text = _pages()[number - 1]
            # Chromium writes the margin boxes first: the running head, then the page number in the foot.
            assert text.startswith(f"{title} {number} "), f"page {number} is not headed {title!r} and numbered {number}"


def test_the_landing_pages_headline_figures_are_the_htmls():
    page = built_page("chapters", "index.html")
    findings = page[page.index('id="main-findings"') :]
    findings = findings[: findings.index("</section>")]
    items = [_html_text(item) for item in re.findall(r"<li>(.*?)</li>", findings, re.S)]
    figures = re.findall(r'<span class="pasted-text">([^<]+)</span>', findings)
    assert len(items) >= 3 and len(figures) >= 10
    # The landing page's pages: from its first to the page before the next chapter begins.
    names = chapter_docnames()
    here, after = slug_of("chapters/index"), slug_of(names[names.index("chapters/index") + 1])
    start = chapter_pages((PDF_DIR / pdf_name(book().edition)).read_bytes(), [here, after])
    # An item may run over a page break: drop each page's running head (the title and the page number) first.
    head = re.compile(re.escape(book().title) + r" \d+ ")
    text = " ".join(head.sub("", page, count=1) for page in _pages()[start[here] - 1 : start[after] - 1])
    for item in items:
        assert item in text, item[:80]
    for figure in figures:
        assert figure in text


def _has_image(resources) -> bool:
    """Whether a page's resources (or a form they draw) hold a raster image."""
    objects = (resources.get_object() or {}).get("/XObject") if resources is not None else None
    for ref in objects.get_object().values() if objects is not None else []:
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Image" or (
            xobject.get("/Subtype") == "/Form" and _has_image(xobject.get("/Resources"))
        ):
            return True
    return False


def test_code_is_hidden_and_charts_are_vector_graphics():
    text = " ".join(_pages())
    assert "import " not in text and "glue(" not in text
    assert not any(_has_image(page.get("/Resources")) for page in _pdf().pages), "a chart was printed as an image"
    national = built_page("chapters", "national.html")
    chart_titles = re.findall(r'class="mark-text role-title-text".*?<text[^>]*>(.*?)</text>', national, re.S)
    assert chart_titles, "no chart title in the HTML's static SVG"
    for title in chart_titles:
        assert _normal(html.unescape(re.sub(r"<[^>]+>", " ", title))) in text


def test_each_chart_is_printed_once_at_its_widest():
    """The page holds a picture per screen width; the print must have one, not three copies of each chart."""
    from bistand.publishing.pdf import read_chapter

    docnames = chapter_docnames()
    slugs = {d: slug_of(d) for d in docnames}
    page = built_page("chapters", "linkoping.html")
    printed = read_chapter("chapters/linkoping", slugs, book()).body
    assert printed.count('class="vega-chart"') == page.count('class="vega-chart"') >= 3
    assert re.findall(r'class="vega-variant" data-width="(\d+)"', printed) == ["640"] * printed.count(
        'class="vega-chart"'
    )
    text = " ".join(_pages())
    assert text.count("Month of the count") == 1  # the axis title of Linköping's monthly counts, once


def test_links_work_inside_and_outside_the_pdf():
    reader = _pdf()
    internal, external = 0, set()
    named = {name.removeprefix("/") for name in reader.named_destinations}
    for page in reader.pages:
        for annotation in page.get("/Annots", []) or []:
            link = annotation.get_object()
            action = link.get("/A")
            if "/Dest" in link:
                assert str(link["/Dest"]).removeprefix("/") in named
                internal += 1
            elif action is not None and "/URI" in action:
                external.add(str(action["/URI"]))
    assert internal > 50
    assert (
        "https://www.strangnas.se/arkiv/nyheter/nyheter/2022-02-08-farre-hushall-med-langvarigt-forsorjningsstod"
        in external
    )
    assert not any(uri.startswith("file:") for uri in external)


@pytest.mark.parametrize("docname", ["chapters/index", "chapters/ledger"])
def test_each_html_page_links_the_pdf(docname):
    assert f'href="../pdf/{pdf_name(book().edition)}"' in built_page(f"{docname}.html")


def test_the_pdf_is_in_the_header_menu_and_on_the_landing_pages_first_screen_with_its_size():
    """Every page's download menu offers the book's PDF (not the theme's print of one page), with its size; the
    landing page names it right after the edition line, before "In brief"."""
    from bistand.publishing.pdf import file_size

    name = pdf_name(book().edition)
    size = file_size((PDF_DIR / name).stat().st_size)
    for page in built_chapters(HTML):
        text = page.read_text(encoding="utf-8")
        entry = re.search(
            r'<a class="btn btn-sm btn-download-book-pdf-button dropdown-item" href="([^"]+)">(.*?)</a>', text, re.S
        )
        assert entry, page.name
        shown = size.replace(".", ",") if '<html lang="sv"' in text else size
        assert entry[1] == f"../pdf/{name}" and f"({shown})" in entry[2]
        assert "window.print()" not in text, page.name
    landing = built_page("chapters", "index.html")
    note = landing.index('<p class="pdf-edition">')
    assert note < landing.index("In brief.") and f"PDF, {size}" in landing[note : note + 300]


# --- A PDF a reviewer prints and cites (issue 18) ---


def _sizes(page) -> dict[float, int]:
    """Characters drawn at each font size (in points, as printed) on one page."""
    from collections import Counter

    sizes: Counter = Counter()

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = abs(tm[1] * cm[2] + tm[3] * cm[3]) or abs(tm[3])
            sizes[round(size * scale, 1)] += len(text.strip())

    page.extract_text(visitor_text=visit)
    return sizes


def _chapter_range(docname: str) -> range:
    docnames = chapter_docnames()
    starts = chapter_pages((PDF_DIR / pdf_name(book().edition)).read_bytes(), [slug_of(d) for d in docnames])
    first = starts[slug_of(docname)]
    later = [starts[slug_of(d)] for d in docnames if starts[slug_of(d)] > first]
    return range(first, min(later, default=len(_pages()) + 1))


def _chapter_sizes(docname: str):
    """How many characters of each font size a chapter's printed pages hold (a Counter)."""
    from collections import Counter

    return sum((Counter(_sizes(_pdf().pages[number - 1])) for number in _chapter_range(docname)), Counter())


@pytest.mark.parametrize("docname", ["chapters/index", "chapters/linkoping", "chapters/national", "chapters/limits"])
def test_chapter_body_text_is_at_least_10_pt(docname):
    sizes = _chapter_sizes(docname)
    modal = sizes.most_common(1)[0][0]
    assert modal >= 10, (
        f"{docname}: body text printed at {modal} pt (Chromium shrinks a page whose content overflows it)"
    )


@pytest.mark.parametrize("docname", ["chapters/ledger", "chapters/appendix"])
def test_tables_and_records_are_at_least_8_5_pt(docname):
    sizes = _chapter_sizes(docname)
    running_heads_and_numbers = 9.0
    small = {size: n for size, n in sizes.items() if size < 8.5}
    assert not small, f"{docname}: text under 8.5 pt: {small}"
    assert sizes.most_common(1)[0][0] >= running_heads_and_numbers


def test_every_column_of_the_appendix_figure_tables_is_printed():
    """The locator and the Swedish quote of each sampled figure row stand in the PDF, with the row's id."""
    import csv

    text = " ".join(_pages()[n - 1] for n in _chapter_range("chapters/appendix"))
    with open(ROOT / "data" / "figures_primary.csv", encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["quote"]]
    sample = rows[:: max(1, len(rows) // 6)]
    assert len(sample) >= 5
    for row in sample:
        assert f"figure_id: {row['figure_id']}" in text, row["figure_id"]
        assert f"locator: {_normal(row['locator'])}" in text, row["figure_id"]
        assert f"quote: {_normal(row['quote'])}" in text, row["figure_id"]


def test_every_column_of_the_claims_ledger_is_printed():
    page = built_page("chapters", "ledger.html")
    table = page[page.index('class="claims-ledger"') :]
    table = table[: table.index("</table>")]
    headers = [_html_text(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", table[: table.index("</thead>")], re.S)]
    cells = [_html_text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", table, re.S)]
    text = " ".join(_pages()[n - 1] for n in _chapter_range("chapters/ledger"))
    assert len(headers) >= 5 and len(cells) > 100
    for header in headers:
        assert f"{header}:" in text, header
    for cell in cells:
        assert cell in text, cell[:80]


def test_every_chart_prints_its_title_description_and_source():
    from bs4 import BeautifulSoup

    text = " ".join(_pages())
    count = 0
    for docname in chapter_docnames():
        soup = BeautifulSoup(built_page(f"{docname}.html"), "html.parser")
        for figure in soup.select("figure.vega-chart"):
            label = figure["aria-label"]
            assert _normal(label) in text, label[:80]
            count += 1
    assert count >= 15
    assert text.count("Description: ") == count
    assert text.count("Source: ") >= count


def test_the_pdf_has_its_metadata():
    from bistand.publishing.citation import KEYWORDS

    b = book()
    info = _pdf().metadata
    assert (info.title, info.author) == (b.title, b.authors)
    assert info.subject.startswith(f"Edition {b.edition}, {b.date}. ")
    assert info.keywords == ", ".join(KEYWORDS)
    assert (info["/Edition"], info["/EditionDate"]) == (b.edition, b.date)
    assert info.creation_date.date().isoformat() == b.date
    root = _pdf().trailer["/Root"]
    assert root["/Lang"] == "en" and "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert len(_pdf().outline) >= len(chapter_docnames())


def test_the_pdf_embeds_its_fonts():
    fonts = {}
    for page in _pdf().pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None:
                    descriptor = descriptor.get_object()
                    fonts[str(descriptor["/FontName"])] = any(
                        k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
                    )
    assert fonts and all(fonts.values()), fonts


def _uris(reader) -> list[str]:
    return [
        str(a.get_object()["/A"]["/URI"])
        for page in reader.pages
        for a in (page.get("/Annots") or [])
        if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]
    ]


def test_no_link_of_the_pdf_is_relative():
    """The PDF works away from the site: with BOOK_URL set (the Pages build) links to the site's files are absolute;
    without it they are printed as text, each data file by its path in the repository."""
    uris = _uris(_pdf())
    relative = [u for u in uris if not re.match(r"[a-z]+:", u)]
    assert not relative, relative[:5]
    text = " ".join(_pages())
    if book().url:
        assert any(u.startswith(book().url) for u in uris)
    else:
        for path in ("data/figures_primary.csv", "data/figures_reference.csv", "data/datapackage.json"):
            assert path in text, path
        assert "_downloads" not in text


def test_without_an_address_site_files_are_printed_as_repository_paths():
    """The print document, the book's address unknown: no link to a file of the site; the file's name is printed
    as its path in the repository, and the ledger's downloads lead to the ledger chapter inside the PDF."""
    from bs4 import BeautifulSoup

    from bistand.publishing.citation import Book
    from bistand.publishing.pdf import print_document, read_chapter, repository_path

    unknown = Book(**{**book(use_environment=False).__dict__, "url": None})
    docnames = chapter_docnames()
    slugs = {d: slug_of(d) for d in docnames}
    document = print_document([read_chapter(d, slugs, unknown) for d in docnames], unknown, None)
    hrefs = re.findall(r'<a [^>]*href="([^"]*)"', document)
    assert not [h for h in hrefs if not (h.startswith("#") or re.match(r"(https?|mailto):", h))]
    assert not [h for h in hrefs if "_downloads" in h or "_sources" in h]
    soup = BeautifulSoup(document, "html.parser")
    appendix = soup.select_one(f"#{slug_of('chapters/appendix')}")
    printed = {code.get_text() for code in appendix.select("code")}
    assert {"data/figures_primary.csv", "data/events.csv", "data/datapackage.json"} <= printed
    assert repository_path("_downloads/8f65cd7ca723338efcea028b470d762e/events.csv") == "data/events.csv"
    assert repository_path("_downloads/data/sources.csv") == "data/sources.csv"
    assert repository_path("_sources/chapters/costs.ipynb") == "chapters/costs.ipynb"
    assert repository_path("_downloads/bistand-data-0.1.0.zip") == "data/"
    assert repository_path("_downloads/ledger/claims_ledger.csv") is None
    assert repository_path("_downloads/data/no_such_file.csv") is None


def test_the_cover_stands_alone():
    """Title, authors, edition and date, licence and how to cite, in a reader's words (no build settings)."""
    b = book()
    cover = _pages()[0]
    assert b.authors in cover and "CC BY 4.0" in cover and "MIT" in cover and "How to cite:" in cover
    assert "setting" not in cover and "BOOK_URL" not in cover and "build" not in cover
    assert ("Read online: " + b.url in cover) if b.url else ("does not give a web address" in cover)


def test_the_bookmarks_read_like_the_headings():
    """Each bookmark is a heading of the book as it reads, spaces kept where the printed heading wrapped."""
    from bs4 import BeautifulSoup

    headings = {_normal(book().title), "Contents"}
    for docname in chapter_docnames():
        soup = BeautifulSoup(built_page(f"{docname}.html"), "html.parser")
        for heading in soup.select("article.bd-article :is(h1, h2, h3, h4)"):
            for link in heading.select("a.headerlink"):
                link.decompose()
            headings.add(_normal(heading.get_text()))

    def titles(items):
        for item in items:
            yield from titles(item) if isinstance(item, list) else [_normal(item.title)]

    found = list(titles(_pdf().outline))
    assert len(found) > 60
    assert [t for t in found if t not in headings] == []


def test_bookmark_titles_get_back_the_spaces_lost_where_a_heading_wrapped():
    from bistand.publishing.pdf import outline_titles

    headings = ["Fewer households on social assistance? Linköping", "Contents", "A what-if: an interactive sensitivity"]
    printed = [
        "Fewer households on socialassistance? Linköping",
        "Contents",
        "A what-if: aninteractivesensitivity",
        "Other",
    ]
    assert outline_titles(printed, headings) == [*headings, "Other"]


def test_the_print_document_has_no_relative_link_when_the_address_is_known():
    from bistand.publishing.citation import Book
    from bistand.publishing.pdf import print_document, read_chapter

    known = Book(**{**book(use_environment=False).__dict__, "url": "https://example.org/bistand/"})
    docnames = chapter_docnames()
    slugs = {d: slug_of(d) for d in docnames}
    document = print_document([read_chapter(d, slugs, known) for d in docnames], known, None)
    hrefs = re.findall(r'<a [^>]*href="([^"]*)"', document)
    assert len(hrefs) > 200
    bad = [h for h in hrefs if not (h.startswith("#") or re.match(r"(https?|mailto):", h))]
    assert not bad, bad[:5]
    assert 'href="https://example.org/bistand/_downloads/' in document


# --- A PDF never stale (issue 18) ---


def test_the_built_pages_link_the_pdf_printed_from_them():
    import json

    from bistand.publishing.pdf import _stamp, stamp_name

    b = book()
    assert json.loads((HTML / "pdf" / stamp_name(b.edition)).read_text(encoding="utf-8")) == _stamp(b.edition, HTML)
    assert 'class="pdf-edition pdf-missing"' not in built_page("chapters", "strangnas.html")


def _site_copy(tmp_path):
    import shutil

    copy = tmp_path / "html"
    shutil.copytree(HTML / "chapters", copy / "chapters")
    shutil.copytree(HTML / "pdf", copy / "pdf")
    return copy


def _links(copy) -> dict[str, bool]:
    name = pdf_name(book().edition)
    pages = {p.name: p.read_text(encoding="utf-8") for p in built_chapters(copy)}
    for text in pages.values():
        assert text.count('class="pdf-edition') >= 1
    return {page: f'href="../pdf/{name}"' in text for page, text in pages.items() if 'class="pdf-edition' in text}


def test_a_changed_figure_unlinks_the_pdf_until_it_is_printed_again(tmp_path):
    """What `make book` does after a changed figure (build-finished runs link_or_explain over the pages it wrote):
    the PDF printed from the old pages is no longer linked nor published, and every page says how to make it."""
    from bistand.publishing.pdf import link_or_explain, stamp_name

    copy, name = _site_copy(tmp_path), pdf_name(book().edition)
    assert link_or_explain(copy) is True and all(_links(copy).values())
    page = copy / "chapters" / "strangnas.html"
    text = page.read_text(encoding="utf-8")
    assert '<span class="pasted-text">26.7</span>' in text
    page.write_text(
        text.replace('<span class="pasted-text">26.7</span>', '<span class="pasted-text">26.9</span>'), encoding="utf-8"
    )
    assert link_or_explain(copy) is False
    assert not any(_links(copy).values())
    assert not (copy / "pdf" / name).exists() and not (copy / "pdf" / stamp_name(book().edition)).exists()
    assert "has not been printed from this build: run <code>make pdf</code>" in page.read_text(encoding="utf-8")
    assert link_or_explain(copy) is False  # and stays so on the next build, until make pdf


def test_changed_data_unlinks_the_pdf(tmp_path, data_copy):
    from bistand.publishing.pdf import link_or_explain

    copy = _site_copy(tmp_path)
    assert link_or_explain(copy, data_dir=data_copy) is True
    edit_cell(data_copy / "figures_primary.csv", "lkp_places_lkp500", "note", "edited")
    assert link_or_explain(copy, data_dir=data_copy) is False and not any(_links(copy).values())


def test_every_chart_is_a_tagged_figure_with_its_description_as_alternative_text():
    from bs4 import BeautifulSoup

    descriptions = set()
    for docname in chapter_docnames():
        soup = BeautifulSoup(built_page(f"{docname}.html"), "html.parser")
        descriptions |= {_normal(f["aria-label"]) for f in soup.select("figure.vega-chart")}
    alternatives = set()

    def walk(element):
        element = element.get_object()
        if not isinstance(element, dict):
            return
        if element.get("/S") == "/Figure" and "/Alt" in element:
            alternatives.add(_normal(str(element["/Alt"])))
        kids = element.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)

    walk(_pdf().trailer["/Root"]["/StructTreeRoot"])
    assert len(descriptions) >= 15 and descriptions <= alternatives, descriptions - alternatives
