"""The Swedish of the data's own words (locales/sv/LC_MESSAGES/data.po, bistand.publishing.data_catalogue): how the
messages are extracted and merged, that a changed English text is never shown in stale Swedish, and the Swedish the
twins of the ledger, assistance, context and Linköping chapters show, worked out by hand."""

from __future__ import annotations

import html
import re
import shutil

import pandas as pd
import pytest

from bistand import DATA_DIR
from bistand.analysis.claims import claim_by_id, format_value
from bistand.publishing import data_catalogue
from bistand.publishing.catalogues import catalogues, progress, report
from bistand.publishing.data_catalogue import TEXT_COLUMNS, data_text, extract, update

NBSP, MINUS = "\u00a0", "\u2212"


@pytest.fixture
def data_copy(tmp_path):
    """The data files the catalogue is extracted from, copied, and an empty place for a catalogue beside them."""
    folder = tmp_path / "data"
    folder.mkdir()
    for file in TEXT_COLUMNS:
        shutil.copy(DATA_DIR / file, folder / file)
    return folder, tmp_path / "sv" / "LC_MESSAGES" / "data.po"


def test_each_message_names_its_file_row_and_column():
    messages = {message.context: message for message in extract() if message.id}
    summary = messages["claims.csv:lkp_8pct:summary"]
    assert summary.id == (
        "Households fell by {lkp_paid_pct_2021_2021_12_20_corren2021:abs} since the start of 2021 (December 2021)"
    )
    assert summary.locations == [("data/claims.csv", 21)]  # the header is line 1; lkp_8pct is the 20th claim
    assert messages["claim_readings.csv:lkp_616_vs_start_of_2021/1:label"].locations[0][0] == "data/claim_readings.csv"
    assert messages["measures.csv:households_paid_month:label"].id == "Households paid in a month"
    # Only the shown rows of a large file: the notes of the three counts the Linköping chart draws.
    assert {c for c in messages if c.startswith("figures_")} == {
        "figures_primary.csv:lkp_paid_2021_01_lkp2024pr:note",
        "figures_reference.csv:lkp_paid_2021_12_20_corren2021:note",
        "figures_reference.csv:lkp_paid_2021_lkp2021pr:note",
    }


def test_the_shown_rows_are_the_chapters_rows():
    from bistand.analysis.chapters import linkoping

    assert set(data_catalogue.COUNT_NOTES) <= set(linkoping.COUNT_POINTS)


def test_a_changed_english_text_becomes_fuzzy_and_a_new_one_untranslated(data_copy):
    folder, po = data_copy
    catalogue = update(folder, po)
    count = len([message for message in catalogue if message.id])
    for message in catalogue:
        if message.id:
            message.string = "Svenska: " + message.id
    data_catalogue.write(catalogue, po)
    assert progress(po).complete

    measures = pd.read_csv(folder / "measures.csv", dtype=str, keep_default_na=False)
    old = measures.loc[measures["measure"] == "elapsed_years", "description"].item()
    measures.loc[measures["measure"] == "elapsed_years", "description"] = "Time the source says a trend took to turn."
    new_row = {"measure": "new_measure", "label": "A new measure", "unit": "households", "kind": "level"}
    measures = pd.concat([measures, pd.DataFrame([{**new_row, "description": "Something new."}])])
    measures.to_csv(folder / "measures.csv", index=False)

    merged = update(folder, po)
    changed = merged.get("Time the source says a trend took to turn.", "measures.csv:elapsed_years:description")
    assert changed.fuzzy and changed.string == "Svenska: " + old and changed.previous_id == [old]
    assert not merged.get("A new measure", "measures.csv:new_measure:label").string
    found = progress(po)
    assert (found.fuzzy, found.untranslated) == (1, 2)
    assert found.unfinished == ("Time the source says a trend took to turn.", "A new measure", "Something new.")
    # `make catalogues` reports it (and tests/test_catalogues.py fails on it): data.po is one of the catalogues.
    assert (
        report(catalogues("sv", po.parents[2])).splitlines()[0]
        == f"data.po: {count - 1} translated, 1 fuzzy, 2 untranslated"
    )
    # The stale Swedish is not shown: the English is, until a translator clears the flag.
    data_catalogue.translated.cache_clear()
    text = "Time the source says a trend took to turn."
    assert data_text(text, "measures.csv", "elapsed_years", "description", "sv", po) == text
    label = "Years the change took"
    assert data_text(label, "measures.csv", "elapsed_years", "label", "sv", po) == "Svenska: " + label
    # The same English under another row's provenance is not taken either.
    assert data_text(label, "measures.csv", "cpi_annual_mean", "label", "sv", po) == label
    data_catalogue.translated.cache_clear()


def test_the_catalogue_of_the_data_is_complete_and_matches_the_data():
    """data.po holds exactly the messages the data has now (``make catalogues`` would change nothing), each
    translated and none fuzzy, every placeholder of a template kept."""
    stored = {(m.id, m.context): m for m in data_catalogue.read() if m.id}
    assert set(stored) == {(m.id, m.context) for m in extract() if m.id}
    assert progress(data_catalogue.DATA_PO).complete
    for message in stored.values():
        fields = sorted(re.findall(r"\{[^}]*\}", message.id))
        assert sorted(re.findall(r"\{[^}]*\}", message.string)) == fields, message.context
        assert '"' not in message.string and "“" not in message.string, message.context  # Swedish quotes: ”…”


def test_numbers_in_generated_swedish_text_are_in_swedish_format():
    assert format_value(2087, "households", language="sv") == f"2{NBSP}087"
    assert format_value(-48.3, "sek_million", language="sv") == f"{MINUS}48,3 miljoner kronor"
    assert format_value(-48.3, "sek_million", "abs", "sv") == "48,3 miljoner kronor"
    assert format_value(10733.0, "sek_million", language="sv") == "10,733 miljarder kronor"
    assert format_value(-8.0716, "percent", language="sv") == f"{MINUS}8,07 procent"
    assert format_value(50258.0, "sek", language="sv") == f"50{NBSP}258 kronor"
    assert format_value(2014, "year", language="sv") == "2014"
    assert format_value(2087, "households") == "2,087"  # English as before


def test_one_claim_row_in_swedish_worked_out_by_hand(figures):
    """lkp_616_vs_start_of_2021: 2,087 in January 2024 (lkp2024pr) less 2,727 (2,567 in September 2021 plus the
    stated fall of 160, lkp2021pr) is -640 against the stated -616; one reading of the definitions is named."""
    from bistand.publishing.chapters.ledger import swedish_claim_texts

    texts = swedish_claim_texts(claim_by_id("lkp_616_vs_start_of_2021"), figures)
    assert texts["claim_sv"] == "616 färre hushåll med utbetalning i januari 2024 än i januari 2021"
    assert texts["how_sv"] == (
        f"2{NBSP}087 (januari 2024) minus 2{NBSP}727, nivån i början av 2021 som följer av pressmeddelandet från "
        f"oktober 2021 (2{NBSP}567 i september plus 160); det pressmeddelandet säger ”i början på året”, inte "
        "januari, så en del av skillnaden kan bero på en annan månad"
    )
    assert texts["readings_sv"].startswith("”i början på året” i pressmeddelandet från oktober 2021 kan avse")
    saving = swedish_claim_texts(claim_by_id("str_saving_vs_previous_year"), figures)
    # 26.7 - 38.1 = -11.4 million SEK; the claim states a saving of 12 million SEK (sign dropped by ":abs").
    assert saving["claim_sv"] == "En besparing på 12 miljoner kronor jämfört med föregående år"
    assert saving["how_sv"].startswith(
        "utbetalt belopp 2021 (26,7 miljoner kronor) minus utbetalt belopp 2020 (38,1 miljoner kronor)"
    )


def test_the_swedish_ledger_row_as_the_page_shows_it(figures):
    from bistand.analysis.chapters.ledger import claims_ledger
    from bistand.publishing.chapters.ledger import with_swedish_texts
    from bistand.publishing.ledger_view import COLUMNS_SV

    rows = with_swedish_texts(claims_ledger(figures).claims, figures).set_index("claim_id", drop=False)
    row = rows.loc["str_paid_2020_vs_official"]
    cells = {heading: cell(row) for heading, cell in COLUMNS_SV.items()}
    assert (
        cells["Påstående (källans ord)"]
        == "38,1 miljoner kronor utbetalt 2020 (kommunens siffra) (”38,1 miljoner kronor”)"
    )
    assert cells["Hur, eller vad som skulle pröva det"] == (
        "Socialstyrelsens belopp för Strängnäs 2020 (48,3 miljoner kronor); båda anger utbetalt ekonomiskt bistånd, "
        "och ingen källa förklarar skillnaden. Andra tolkningar: de två kan räkna olika saker (före eller efter "
        "återbetalningar, eller en annan del av det ekonomiska biståndet); ingen källa säger det, och boken kan inte "
        "räkna fram storleken"
    )
    check = with_swedish_texts(claims_ledger(figures).checks, figures).set_index("claim_id", drop=False)
    assert COLUMNS_SV["Vem, när"](check.loc["se_perhh_2017"]) == "Regionfakta (källa: Socialstyrelsen), 2018-10-12"


def test_one_measure_in_swedish_worked_out_by_hand(figures):
    from bistand.analysis.chapters.assistance import measures_frame
    from bistand.publishing.chapters.assistance import measures_table

    measures = measures_frame(figures)
    english = measures_table(measures).set_index("Measure")
    swedish = measures_table(measures, "sv").set_index("Measure")
    row = swedish.loc["Hushåll med utbetalning under en månad"]
    assert row["Unit"] == "hushåll"
    assert row["What it counts"] == (
        "Hushåll som fått ekonomiskt bistånd utbetalt under en månad (utbetalningshushåll), så som kommunerna "
        "redovisar det varje månad."
    )
    assert row["Figures"] == english.loc["Households paid in a month", "Figures"]
    assert swedish.loc["Konsumentprisindex (KPI), årsmedeltal", "Unit"] == "index, 1980 = 100"


def _swedish_texts(output) -> str:
    """The text of an output's Swedish twin: its HTML without tags, or a table's headings and cells."""
    from bistand.publishing.i18n import SWEDISH_HTML

    swedish = output._repr_mimebundle_()[SWEDISH_HTML] if not hasattr(output, "swedish") else output.swedish
    if isinstance(swedish, pd.DataFrame):
        swedish = swedish.to_html()
    elif hasattr(swedish, "data"):
        swedish = swedish.data
    elif hasattr(swedish, "to_dict"):  # a chart: its spec's words (titles, tooltips' values, descriptions)
        import json

        swedish = json.dumps(swedish.to_dict(), ensure_ascii=False)
    return html.unescape(re.sub(r"<[^>]+>", " ", str(swedish)))


#: An English-format number: a thousands comma ("2,087"; but "10,733 miljarder kronor" is a Swedish decimal comma), a
#: decimal point ("48.3", not a date such as 21.2.2024), or a hyphen-minus as a sign ("-8").
ENGLISH_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b(?! milj)|(?<![\d.])\d+\.\d+(?![\d.])|(?<![\w\-–/])-\d")


def test_no_swedish_twin_of_the_data_chapters_has_an_english_number(figures):
    from bistand.analysis.chapters import assistance, context, linkoping
    from bistand.analysis.chapters.ledger import claims_ledger
    from bistand.publishing.chapters import assistance as assistance_view
    from bistand.publishing.chapters import context as context_view
    from bistand.publishing.chapters import ledger as ledger_view
    from bistand.publishing.chapters import linkoping as linkoping_view

    book_ledger = claims_ledger(figures)
    tl = linkoping.timeline(figures)
    outputs = {
        "ledger claims": ledger_view.claims_table_html(book_ledger),
        "ledger checks": ledger_view.checks_table_html(book_ledger),
        "measures": assistance_view.measures_table_html(assistance.measures_frame(figures)),
        "studies": context_view.studies_table(),
        "kolada": context_view.kolada_kpis_table(),
        "long-term": context_view.longterm_table(context.peers(figures)),
        "events": linkoping_view.events_table(tl.events),
        "sources": linkoping_view.sources_table(linkoping.sources()),
        "start levels": linkoping_view.start_levels_table(linkoping.paid_in_a_month(figures)),
    }
    found = {}
    for name, output in outputs.items():
        text = re.sub(r"”[^”]*”", "", _swedish_texts(output))  # quotations stay as the source wrote them
        text = re.sub(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b", "", text)  # a date as a source gives it (21.2.2024)
        if hits := ENGLISH_NUMBER.findall(text):
            found[name] = hits
    assert found == {}
    english = _swedish_texts(outputs["ledger claims"]).replace(NBSP, " ")
    assert "2 087 (januari 2024) minus 2 727" in english
    assert ENGLISH_NUMBER.findall(html.unescape(outputs["ledger claims"].data))  # the check sees English numbers
