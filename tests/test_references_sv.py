"""The Swedish edition's reference list (issue 26): the words the book adds to each source in data/sources.csv (a title
it describes, the date as the source gives it, its note) are messages of locales/sv/LC_MESSAGES/data.po, read
by the Swedish style ``authoryear_sv`` (_ext/bookext.py) with the Swedish labels and kinds.

Unit: the note's frame and its fall-back, each kind of entry as the Swedish style prints it (worked out by hand from
the catalogue), every English word of the sources having its Swedish, and the quotations kept verbatim in Swedish
marks. Built: the Swedish references page has none of the English generated words."""

from __future__ import annotations

import itertools
import re
import sys

from bs4 import BeautifulSoup

from bistand.publishing.bibliography import (
    KINDS_SV,
    end_sentence,
    field_in,
    missing_translations,
    note_in,
    read_sources,
    translations,
)
from conftest import ROOT, built_page

sys.path.insert(0, str(ROOT / "_ext"))

SOURCE = {
    "source_id": "lkpposten",
    "title": "Utbetalning av socialbidragen minskar",
    "date_as_given": "undated",
    "note": "Figures exclude introduktionsersättning.",
}
FOUND = {
    ("sources.csv:lkpposten:date_as_given", "undated"): "odaterad",
    ("sources.csv:lkpposten:note", "Figures exclude introduktionsersättning."): (
        "Siffrorna är exklusive introduktionsersättning."
    ),
}


def test_a_note_is_framed_in_its_language_and_falls_back_to_the_english_it_has_no_translation_of():
    assert note_in(SOURCE, "en") == "Date as given: undated. Figures exclude introduktionsersättning."
    assert note_in(SOURCE, "sv", FOUND) == (
        "Datum enligt källan: odaterad. Siffrorna är exklusive introduktionsersättning."
    )
    # The English changed since it was translated: the old Swedish is not used, the new English is shown.
    changed = dict(SOURCE, note="Figures exclude introduktionsersättning and etableringsersättning.")
    assert note_in(changed, "sv", FOUND) == (
        "Datum enligt källan: odaterad. Figures exclude introduktionsersättning and etableringsersättning."
    )
    assert note_in(dict(SOURCE, note=""), "sv", FOUND) == "Datum enligt källan: odaterad"
    # A title in Swedish has no message of its own here, so it stands as it is.
    assert field_in(SOURCE, "title", FOUND) == "Utbetalning av socialbidragen minskar"


def test_a_note_ends_its_sentence_once_also_after_a_closing_quotation():
    assert end_sentence("Citeras i anmärkningen") == "Citeras i anmärkningen."
    assert end_sentence("Rubriken är läst ur adressen.") == "Rubriken är läst ur adressen."
    assert end_sentence("”Förslaget ska gälla från den 1 juli nästa år.”") == (
        "”Förslaget ska gälla från den 1 juli nästa år.”"
    )
    assert end_sentence("majoritet ”i nämnder och styrelser”") == "majoritet ”i nämnder och styrelser”."
    assert end_sentence("") == ""
    # English quotes the sources in single quotation marks: the same rule
    assert (
        end_sentence("'Förslaget ska gälla från den 1 juli nästa år.'")
        == "'Förslaget ska gälla från den 1 juli nästa år.'"
    )
    assert end_sentence("an alliance 'får majoritet'") == "an alliance 'får majoritet'."


def test_the_english_reference_list_ends_a_note_that_ends_with_a_quoted_sentence_once():
    swedish, english = _styles()
    for key in ("sidor2025dec", "sos_db"):
        assert ".'." not in english[key][1] and ".”." not in swedish[key][1], key
    assert "'Förslaget ska gälla från den 1 juli nästa år.' URL: https://8sidor.se/" in english["sidor2025dec"][1]


def test_a_new_english_note_without_its_swedish_is_named():
    assert missing_translations([SOURCE], FOUND) == ["sources.csv:lkpposten:title"]
    new = dict(SOURCE, source_id="new2026", date_as_given="2026", note="A new note.", title="Ny titel")
    assert missing_translations([new], FOUND) == [
        "sources.csv:new2026:title",
        "sources.csv:new2026:date_as_given",
        "sources.csv:new2026:note",
    ]


def test_every_word_the_reference_list_prints_from_the_sources_has_its_swedish():
    """Every title, date as given and note in data/sources.csv has a translation in data.po, for its English
    as it stands now, not fuzzy (`make catalogues` adds a new one empty and marks a changed one fuzzy)."""
    sources = read_sources()
    assert missing_translations(sources, translations("sv")) == []
    # The data's catalogue template holds exactly those messages of sources.csv: one per non-empty field.
    from bistand.publishing.data_catalogue import extract

    expected = sum(bool(s[f]) for s in sources for f in ("title", "date_as_given", "note"))
    assert len([m for m in extract() if m.id and m.context.startswith("sources.csv:")]) == expected


# A quotation in the English: '…' or "…" not inside a word (so "d'Hondt" and "SKR's" are no quotation marks).
QUOTED = re.compile(r"""(?<![\w])(['"])(.+?)\1(?![\w])""")


def test_quotations_stay_verbatim_in_swedish_quotation_marks():
    found = translations("sv")
    checked = 0
    for (context, english), swedish in found.items():
        if not context.startswith("sources.csv:"):  # the reference list's words (data.po holds the other data's too)
            continue
        for _, quoted in QUOTED.findall(english):
            assert f"”{quoted}”" in swedish, (context, quoted)
            checked += 1
        # Swedish typography: no straight quotation mark or apostrophe left (”…”, d’Hondt).
        assert "'" not in swedish and '"' not in swedish, (context, swedish)
    assert checked >= 40  # the notes quote the sources' Swedish words about 50 times


def test_the_quotation_pattern_finds_quotations_and_not_apostrophes():
    text = "the statistics chief's d'Hondt count, an alliance 'får majoritet'; headline \"Glädjande\"."
    assert [q for _, q in QUOTED.findall(text)] == ["får majoritet", "Glädjande"]


def _styles():
    from pybtex.database import parse_file
    from pybtex.plugin import find_plugin

    import bookext

    bookext._register_bibliography_style()
    entries = parse_file(str(ROOT / "references.bib")).entries

    def formatted(language: str) -> dict[str, tuple[str, str]]:
        style = find_plugin("pybtex.style.formatting", bookext.BIBLIOGRAPHY_STYLES[language])()
        return {e.key: (e.label, e.text.render_as("text")) for e in style.format_entries(entries.values())}

    return formatted("sv"), formatted("en")


def test_several_texts_of_a_publisher_in_one_year_are_listed_in_their_letters_order():
    """Both editions list 2018a before 2018b (and u.å.-a before u.å.-b): the letters go by date (label_years), and
    the list follows them, not the titles (corren2018oct's title comes before corren2018sep's, its date after)."""
    from pybtex.database import parse_file
    from pybtex.plugin import find_plugin

    import bookext

    bookext._register_bibliography_style()
    entries = parse_file(str(ROOT / "references.bib")).entries
    for language in ("en", "sv"):
        style = find_plugin("pybtex.style.formatting", bookext.BIBLIOGRAPHY_STYLES[language])()
        labels = [entry.label for entry in style.format_entries(entries.values())]
        corren = [label for label in labels if label.startswith("Corren") and "2018" in label]
        assert corren == ["Corren (Östgöta Correspondenten), 2018a", "Corren (Östgöta Correspondenten), 2018b"]
        lettered = [label for label in labels if label[-1] in "ab" and label[-2] in "0123456789.-"]
        for first, second in itertools.pairwise(lettered):
            if first[:-1] == second[:-1]:  # the same publisher and year
                assert first[-1] < second[-1], (language, first, second)
        assert len(lettered) >= 10  # Corren, Fria Tider, Linköpings kommun (three years), Socialstyrelsen


def test_the_swedish_style_prints_each_kind_of_entry_as_worked_out_by_hand():
    """One entry of each shape, from references.bib and the catalogue: dated with an address and no note; undated,
    with the book's words in the publisher, a title the book describes and a quotation; one of several undated texts
    of a publisher (u.å.-a); an English work's title with the book's Swedish words, and a translated date."""
    swedish, english = _styles()
    assert swedish["lkp2019utr"] == (
        "Linköpings kommun, 2019",
        "Linköpings kommun. Utredning om heltidsaktivering. Webbartikel, 2019. Datum enligt källan: 13 maj 2019. "
        "URL: https://www.linkoping.se/nyheter/nyheter/heltidsaktivering-for-forsorjningsstodsmottagare/.",
    )
    assert swedish["bt_skr_2018"] == (
        "Borås Tidning (siffror från SKR), u.å.",
        "Borås Tidning (siffror från SKR). Artikel om rikets kostnader för ekonomiskt bistånd 2018. Tidningsartikel. "
        "Datum enligt källan: odaterad. Anges som ”bt.se (SKR)” i referensuppgifterna; rubrik och adress har inte "
        "antecknats.",
    )
    assert swedish["sos_stat"] == (
        "Socialstyrelsen, u.å.-a",
        "Socialstyrelsen. Statistik om ekonomiskt bistånd. Statistiksida. Datum enligt källan: odaterad. Citeras i "
        "anmärkningen till raden för 2015 i data/raw/annual_ekonomiskt_bistand.csv. "
        "URL: http://www.socialstyrelsen.se/statistik/statistikefteramne/ekonomisktbistand.",
    )
    assert swedish["persson2014"] == (
        "Emerald (Persson & Vikman), 2014",
        "Emerald (Persson & Vikman). The effects of mandatory activation on welfare entry and exit rates (i Safety "
        "Nets and Benefit Dependence, Research in Labor Economics 39). Bokkapitel, 2014. Datum enligt källan: "
        "Publiceringsdatum: 6 augusti 2014. Den referentgranskade versionen av arbetsrapporten persson2010; sida: "
        "https://www.emerald.com/insight/content/doi/10.1108/S0147-912120140000039005/full/html . "
        "URL: https://doi.org/10.1108/S0147-912120140000039005.",
    )
    # A note that ends with a quoted sentence takes no second full stop after the quotation mark.
    assert swedish["sidor2025dec"][1].endswith(
        "; ”Förslaget ska gälla från den 1 juli nästa år.” URL: "
        "https://8sidor.se/alla-valjare/2025/12/familjer-kan-fa-mindre-bidrag/."
    )
    # The English edition's entry is untouched by the catalogue.
    assert english["bt_skr_2018"] == (
        "Borås Tidning (figures from SKR), n.d.",
        "Borås Tidning (figures from SKR). Article on 2018 national assistance costs. Newspaper article. "
        "Date as given: undated. Named as 'bt.se (SKR)' in the reference data; title and URL are not recorded.",
    )


#: Words the English edition generates around each entry, none of which may show in the Swedish list.
ENGLISH_GENERATED = (
    "Date as given",
    "undated",
    "n.d.",
    "(source: ",
    "(figures from ",
    "(as published by ",
    "Title read from the URL",
    "in the reference data",
    *(kind.capitalize() for kind, swedish in KINDS_SV.items() if kind != swedish),
)
#: English function words: none may stand in a Swedish entry outside its title, its quotations and its addresses.
ENGLISH_WORDS = re.compile(r"\b(the|and|of|is|was|from|with|not|its)\b")


def test_the_swedish_reference_page_has_no_english_generated_words(built_html):
    page = BeautifulSoup(built_page("sv", "chapters", "references.html"), "html.parser")
    intro = page.select_one("article p").get_text(" ")
    assert "”u.å.” (utan årtal)" in intro and "n.d." not in intro  # as the labels write it
    entries = page.select("article div.citation")
    sources = {s["source_id"]: s for s in read_sources()}
    assert len(entries) == len(sources)
    found = translations("sv")
    for entry in entries:
        text = entry.get_text(" ", strip=True)
        # The entry's words without its title (an English work keeps its own: "Working paper 2008:24").
        titles = [field_in(s, "title", found) for s in sources.values() if field_in(s, "title", found) in text]
        assert titles, text[:80]
        rest = text.replace(max(titles, key=len), "")
        for english in ENGLISH_GENERATED:
            assert english not in rest, (english, text[:80])
        # Nor English running words, outside the quotations and the addresses.
        rest = re.sub(r"”[^”]*”|https?://\S+", "", rest)
        assert not ENGLISH_WORDS.search(rest), (ENGLISH_WORDS.search(rest).group(0), text[:120])
    # Each entry's note is the catalogue's Swedish, as the style prints it.
    notes = " ".join(page.select_one("article").get_text(" ").split())
    for source in sources.values():
        # Up to its first address, which the page prints as a link.
        assert note_in(source, "sv", found).split("http")[0].strip() in notes, source["source_id"]
