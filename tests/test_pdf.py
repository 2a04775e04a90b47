"""The PDF edition (make pdf): the same book as the HTML, with a cover, contents, running heads and vector charts."""

from __future__ import annotations

import html
import re
from functools import cache

import pytest

from bistand.publishing.citation import apa_book, book
from bistand.publishing.pdf import PDF_DIR, chapter_docnames, chapter_pages, pdf_name, slug_of
from conftest import ROOT

HTML = ROOT / "_build" / "html"


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

    soup = BeautifulSoup((HTML / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
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
    for docname, end in zip(docnames, ends):
        title, first = _title(docname), starts[slug_of(docname)]
        assert f"{title} {first}" in contents, f"contents line for {title}"
        for number in range(first, end + 1):
            text = _pages()[number - 1]
            # Chromium writes the margin boxes first: the running head, then the page number in the foot.
            assert text.startswith(f"{title} {number} "), f"page {number} is not headed {title!r} and numbered {number}"


def test_the_landing_pages_headline_figures_are_the_htmls():
    page = (HTML / "chapters" / "index.html").read_text(encoding="utf-8")
    findings = page[page.index('id="main-findings"'):]
    findings = findings[:findings.index("</section>")]
    items = [_html_text(item) for item in re.findall(r"<li>(.*?)</li>", findings, re.S)]
    figures = re.findall(r'<span class="pasted-text">([^<]+)</span>', findings)
    assert len(items) >= 3 and len(figures) >= 10
    start = chapter_pages((PDF_DIR / pdf_name(book().edition)).read_bytes(), [slug_of("chapters/index")])
    text = " ".join(_pages()[start[slug_of("chapters/index")] - 1:][:2])
    for item in items:
        assert item in text, item[:80]
    for figure in figures:
        assert figure in text


def _has_image(resources) -> bool:
    """Whether a page's resources (or a form they draw) hold a raster image."""
    objects = (resources.get_object() or {}).get("/XObject") if resources is not None else None
    for ref in (objects.get_object().values() if objects is not None else []):
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Image" or (xobject.get("/Subtype") == "/Form" and _has_image(xobject.get("/Resources"))):
            return True
    return False


def test_code_is_hidden_and_charts_are_vector_graphics():
    text = " ".join(_pages())
    assert "import " not in text and "glue(" not in text
    assert not any(_has_image(page.get("/Resources")) for page in _pdf().pages), "a chart was printed as an image"
    national = (HTML / "chapters" / "national.html").read_text(encoding="utf-8")
    chart_titles = re.findall(r'class="mark-text role-title-text".*?<text[^>]*>(.*?)</text>', national, re.S)
    assert chart_titles, "no chart title in the HTML's static SVG"
    for title in chart_titles:
        assert _normal(html.unescape(re.sub(r"<[^>]+>", " ", title))) in text


def test_each_chart_is_printed_once_at_its_widest():
    """The page holds a picture per screen width; the print must have one, not three copies of each chart."""
    from bistand.publishing.pdf import read_chapter

    docnames = chapter_docnames()
    slugs = {d: slug_of(d) for d in docnames}
    page = (HTML / "chapters" / "linkoping.html").read_text(encoding="utf-8")
    printed = read_chapter("chapters/linkoping", slugs, book()).body
    assert printed.count('class="vega-chart"') == page.count('class="vega-chart"') >= 3
    assert re.findall(r'class="vega-variant" data-width="(\d+)"', printed) == ["640"] * printed.count('class="vega-chart"')
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
    assert "https://www.strangnas.se/arkiv/nyheter/nyheter/2022-02-08-farre-hushall-med-langvarigt-forsorjningsstod" in external
    assert not any(uri.startswith("file:") for uri in external)


@pytest.mark.parametrize("docname", ["chapters/index", "chapters/ledger"])
def test_each_html_page_links_the_pdf(docname):
    assert f'href="../pdf/{pdf_name(book().edition)}"' in (HTML / f"{docname}.html").read_text(encoding="utf-8")
