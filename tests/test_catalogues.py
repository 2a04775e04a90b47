"""The Swedish edition's message catalogues (locales/sv/LC_MESSAGES/**.po): how they are counted, and that every
message is translated and none is fuzzy (Sphinx leaves a fuzzy or empty message in English in the Swedish edition);
that each translation keeps its English message's roles, code and formulas; and that the catalogues hold the messages
of the English sources as they are now (an English change needs ``make catalogues``, and then a translator).
"""

from __future__ import annotations

from bistand.publishing.catalogues import LOCALES, catalogues, lost_markup, markup, progress, report, stale

PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Assistance fell."
msgstr "Biståndet minskade."

#, fuzzy
msgid "The municipality counts {glue:text}`households:,.0f` households."
msgstr "Kommunen räknade {glue:text}`households:,.0f` hushåll."

msgid "Not yet translated."
msgstr ""

#~ msgid "A message the English no longer has."
#~ msgstr "Ett gammalt meddelande."
"""


def test_a_catalogue_is_counted_as_sphinx_uses_it(tmp_path):
    """The header is no message; a fuzzy message is not translated (Sphinx compiles without fuzzy entries); an
    obsolete one (#~) is not counted. sphinx-intl stat would count the fuzzy message as translated as well."""
    po = tmp_path / "sv" / "LC_MESSAGES" / "chapters" / "limits.po"
    po.parent.mkdir(parents=True)
    po.write_text(PO, encoding="utf-8")
    found = progress(po)
    assert (found.translated, found.fuzzy, found.untranslated, found.complete) == (1, 1, 1, False)
    assert found.unfinished == (
        "The municipality counts {glue:text}`households:,.0f` households.",
        "Not yet translated.",
    )
    assert report(catalogues("sv", tmp_path)).splitlines() == [
        "chapters/limits.po: 1 translated, 1 fuzzy, 1 untranslated",
        "all 1 catalogues: 1 translated, 1 fuzzy, 1 untranslated",
    ]


def test_every_message_is_translated_and_none_is_fuzzy():
    """Fails until the translation is done (issue 26): it names each catalogue's first unfinished messages."""
    found = catalogues("sv")
    assert "chapters/index.po" in found and "chapters/limits.po" in found
    assert "data.po" in found  # the data's own words (bistand.publishing.data_catalogue)
    unfinished = {
        name: f"{p.fuzzy} fuzzy, {p.untranslated} untranslated, first: {p.unfinished[0][:60]!r}"
        for name, p in found.items()
        if not p.complete
    }
    assert unfinished == {}, report(found)


# --- each translation keeps its message's markup ---------------------------------------------------------------------

ENGLISH = (
    "In {glue:text}`year` the city paid {glue:text}`paid:,.0f` kronor {cite:p}`lkp2024`, see {doc}`the limits <limits>`"
    ", {download}`claims.csv <../data/claims.csv>` and {ref}`sec-costs`; `make book` builds it, $n - 1$ years."
)


def test_markup_counts_roles_code_and_formulas_and_lets_link_text_change():
    assert markup(ENGLISH) == {
        "{glue:text}`year`": 1,
        "{glue:text}`paid:,.0f`": 1,
        "{cite:p}`lkp2024`": 1,
        "{doc}`limits`": 1,
        "{download}`../data/claims.csv`": 1,
        "{ref}`sec-costs`": 1,
        "`make book`": 1,
        "$n - 1$": 1,
    }
    swedish = (
        "År {glue:text}`year` betalade staden {glue:text}`paid:,.0f` kronor {cite:p}`lkp2024`; se {doc}`gränserna "
        "<limits>`, {download}`claims.csv <../data/claims.csv>` och {ref}`sec-costs`; `make book` bygger den, $n - 1$ år."
    )
    assert markup(swedish) == markup(ENGLISH)
    assert markup("{term}`kommunstyrelsen`") == {}  # the Swedish glossary's words: free
    assert markup("{glue:text}`a` and {glue:text}`a`") == {"{glue:text}`a`": 2}


def _catalogue(tmp_path, msgstr: str):
    po = tmp_path / "page.po"
    po.write_text(
        f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "{ENGLISH}"\nmsgstr "{msgstr}"\n',
        encoding="utf-8",
    )
    return lost_markup(po)


def test_a_translation_that_changes_a_glued_format_a_citation_or_a_link_target_is_found(tmp_path):
    kept = ENGLISH.replace("the limits", "gränserna").replace("the city paid", "betalade staden")
    assert _catalogue(tmp_path, kept) == []
    broken = (
        kept.replace("paid:,.0f", "paid:,.1f")  # another format: another figure
        .replace("{cite:p}`lkp2024`", "")  # a source dropped
        .replace("<limits>", "<costs>")  # another page
        .replace("`make book`", "make book")  # code as prose
    )
    [found] = _catalogue(tmp_path, broken)
    assert found.missing == ("`make book`", "{cite:p}`lkp2024`", "{doc}`limits`", "{glue:text}`paid:,.0f`")
    assert found.added == ("{doc}`costs`", "{glue:text}`paid:,.1f`")


def test_every_translation_keeps_its_messages_roles_code_and_formulas():
    """Every translated message of every catalogue: the roles, code spans and formulas of the English (markup)."""
    folder = LOCALES / "sv" / "LC_MESSAGES"
    found = {
        f"{po.relative_to(folder)}: {lost.msgid[:50]!r}": f"missing {list(lost.missing)}, added {list(lost.added)}"
        for po in sorted(folder.rglob("*.po"))
        for lost in lost_markup(po)
    }
    assert "chapters/linkoping.po" in {str(p.relative_to(folder)) for p in folder.rglob("*.po")}
    assert found == {}


# --- the catalogues hold the English sources' messages as they are now -----------------------------------------------


def _pot(path, *ids: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f'\nmsgid "{i}"\nmsgstr ""\n' for i in ids)
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n' + body, encoding="utf-8")


def test_an_english_change_without_make_catalogues_is_found(tmp_path):
    """The English of a page changed (one paragraph), a page was added and one removed since the catalogues were
    last merged: each is named. The same sources and catalogues give nothing."""
    extracted, locales = tmp_path / "gettext", tmp_path / "locales"
    _pot(extracted / "chapters" / "limits.pot", "Assistance fell.", "Costs rose by a third.")
    _pot(extracted / "chapters" / "new.pot", "A new page.")
    _pot(extracted / "sphinx.pot", "Search")
    po = locales / "sv" / "LC_MESSAGES"
    _pot(po / "chapters" / "limits.po", "Assistance fell.", "Costs rose by a quarter.")
    _pot(po / "chapters" / "gone.po", "An old page.")
    _pot(po / "sphinx.po", "Search")
    _pot(po / "data.po", "A catalogue the package reads itself.")
    assert stale(extracted, "sv", locales) == {
        "chapters/gone.po": "no page gives these messages any more",
        "chapters/limits.po": "1 new or changed in the English, first: 'Costs rose by a third.'; 1 no longer in it",
        "chapters/new.po": "no catalogue: run make catalogues",
    }
    _pot(po / "chapters" / "limits.po", "Costs rose by a third.", "Assistance fell.")
    (po / "chapters" / "gone.po").unlink()
    _pot(po / "chapters" / "new.po", "A new page.")
    assert stale(extracted, "sv", locales) == {}


def test_the_catalogues_hold_the_messages_of_the_english_sources_as_they_are_now(extracted_messages):
    """An English paragraph changed without ``make catalogues`` fails here; after ``make catalogues`` its message is
    fuzzy (or new and empty), which test_every_message_is_translated_and_none_is_fuzzy finds."""
    assert (extracted_messages / "chapters" / "limits.pot").is_file()
    assert stale(extracted_messages) == {}, "run make catalogues, then translate what it reports"
