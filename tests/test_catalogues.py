"""The Swedish edition's message catalogues (locales/sv/LC_MESSAGES/**.po): how they are counted, and that every
message is translated and none is fuzzy (Sphinx leaves a fuzzy or empty message in English in the Swedish edition).
"""

from __future__ import annotations

from bistand.publishing.catalogues import catalogues, progress, report

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
