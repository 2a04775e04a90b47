"""Parts of the PDF edition that need nothing built (unit): the pages' order from _toc.yml, and the last step,
bistand.publishing.pdf.finish, on a small PDF made here."""

from __future__ import annotations


def test_finish_titles_the_bookmarks_as_the_headings_and_sets_the_language_and_metadata():
    """finish() on a small PDF made here: bookmarks (nested ones too) get back the spaces Chromium dropped, the catalogue gets
    /Lang en unless it has a language, and the metadata names the book and its edition."""
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    from bistand.publishing.citation import Book
    from bistand.publishing.pdf import finish

    def small_pdf(lang: str | None = None) -> bytes:
        w = PdfWriter()
        w.add_blank_page(200, 200)
        parent = w.add_outline_item(title="Socialassistance in Linköping", page_number=0)
        w.add_outline_item(title="Costs andsavings", page_number=0, parent=parent)
        if lang:
            w.root_object[NameObject("/Lang")] = TextStringObject(lang)
        out = io.BytesIO()
        w.write(out)
        return out.getvalue()

    b = Book("T", "G", "1.2.3", "2026-11-22", None)
    reader = PdfReader(io.BytesIO(finish(small_pdf(), b, ["Social assistance in Linköping", "Costs and savings"])))
    assert [item.title for item in reader.outline if not isinstance(item, list)] == ["Social assistance in Linköping"]
    assert [child.title for child in reader.outline[1]] == ["Costs and savings"]
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert (reader.metadata.title, reader.metadata.author, reader.metadata["/Edition"]) == ("T", "G", "1.2.3")
    kept = PdfReader(io.BytesIO(finish(small_pdf("sv"), b)))
    assert kept.trailer["/Root"]["/Lang"] == "sv"


def test_the_pdf_takes_the_pages_in_the_order_of_the_table_of_contents():
    from bistand.publishing.pdf import chapter_docnames

    assert chapter_docnames() == [
        "chapters/index",
        "chapters/assistance",
        "chapters/linkoping",
        "chapters/strangnas",
        "chapters/context",
        "chapters/national",
        "chapters/costs",
        "chapters/ledger",
        "chapters/limits",
        "chapters/appendix",
        "chapters/references",
        "chapters/cite",
    ]


def test_parts_and_sections_come_in_reading_order(tmp_path):
    """A table of contents with parts and a chapter's sections: each page, then its sections, part after part."""
    from bistand.publishing.pdf import chapter_docnames

    toc = tmp_path / "_toc.yml"
    toc.write_text(
        "format: jb-book\nroot: intro\nparts:\n"
        "  - caption: One\n    chapters:\n      - file: a\n        sections:\n          - file: a1\n          - file: a2\n"
        "      - file: b\n"
        "  - caption: Two\n    chapters:\n      - file: c.md\n",
        encoding="utf-8",
    )
    assert chapter_docnames(toc) == ["intro", "a", "a1", "a2", "b", "c"]
