"""Swedish twins of the book's outputs (issue 26, step 4): labels as (en, sv) pairs, Swedish number layout, Vega's
Swedish locales, and outputs that carry their Swedish HTML beside the English one; against values worked out by
hand."""

from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd
import pytest

from bistand.analysis.chapters import strangnas as strangnas_analysis
from bistand.analysis.findings import comparisons
from bistand.publishing import charts
from bistand.publishing.chapters import strangnas as strangnas_view
from bistand.publishing.chapters.summary import comparison_chart
from bistand.publishing.i18n import CHART_WORDS, SWEDISH_HTML, figure, pick, translate
from bistand.publishing.twins import Bilingual

NBSP, MINUS = "\u00a0", "\u2212"
#: English words that show an English label left in a Swedish chart (data column names are not shown).
ENGLISH = re.compile(
    r"\b(?:the|and|of|Source|Series|Comparison|Change|percent|households|paid|Paid|Forecast|forecast|million|"
    r"figures|Year|Bar chart|Line chart|municipality|Sweden|n\.d\.|February|October|June|September)\b"
)


def shown_texts(spec: object) -> list[str]:
    """Every string of a Vega-Lite spec a reader can see: titles, descriptions, labels and the data's text values
    (not field names, types, colours, fonts or formats)."""
    hidden = {"field", "type", "mark", "$schema", "format", "font", "labelFont", "titleFont", "labelExpr", "name"}
    hidden |= {"filter", "expr", "calculate", "as", "test"}  # expressions and the fields they name
    found: list[str] = []

    def walk(node: object, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k not in hidden and k != "config":
                    walk(v, k)
        elif isinstance(node, list):
            for item in node:
                walk(item, key)
        elif isinstance(node, str) and not node.startswith("#"):
            found.append(node)

    walk(spec)
    return found


def english_left(spec: dict) -> list[str]:
    return [text for text in shown_texts(spec) if ENGLISH.search(text)]


def test_figures_keep_the_english_digits_in_swedish_layout():
    assert figure(2087, ",.0f", "sv") == f"2{NBSP}087"
    assert figure(-3.25, ".1f", "sv") == f"{MINUS}3,2"  # Python rounds the float to -3.2; both editions agree
    assert figure(-3.25, ".1f", "en") == "-3.2"
    assert figure(-26.04, "+.1f", "sv") == f"{MINUS}26,0"
    assert figure(1234.5, ",.1f", "sv") == f"1{NBSP}234,5"
    with pytest.raises(ValueError, match="unknown language 'de'"):
        figure(1, ".0f", "de")


def test_labels_come_in_pairs():
    assert pick(("Year", "År"), "sv") == "År" and pick(("Year", "År"), "en") == "Year"
    assert pick("Strängnäs", "sv") == "Strängnäs"
    assert translate({"a": ("Source", "Källa")}, "sv") == {"a": "Källa"}
    assert all(isinstance(en, str) and isinstance(sv, str) and en != sv for en, sv in CHART_WORDS.values())
    with pytest.raises(ValueError):
        pick(("a", "b"), "fr")


def test_swedish_locales_for_vega():
    assert charts.locales("en") is None
    locale = charts.locales("sv")
    assert locale["format"]["decimal"] == "," and locale["format"]["thousands"] == NBSP
    assert locale["format"]["minus"] == MINUS
    assert locale["time"]["months"][0] == "januari" and locale["time"]["months"][11] == "december"
    assert locale["time"]["days"][0] == "söndag" and locale["time"]["days"][1] == "måndag"  # d3 starts on Sunday


def test_a_swedish_chart_is_drawn_with_swedish_numbers():
    frame = pd.DataFrame({"x": ["a", "b"], "y": [1000.0, -200.0]})
    spec = alt.Chart(frame).mark_bar().encode(x="x:N", y=alt.Y("y:Q", axis=alt.Axis(format=",.1f"))).to_dict()
    english, swedish = charts.render_book(spec)["text/html"], charts.render_book(spec, "sv")["text/html"]
    assert "1,000.0" in english and "−200.0" in english  # d3's own minus in both
    assert f"1{NBSP}000,0" in swedish or "1&#160;000,0" in swedish or "1 000,0" in swedish
    assert f"{MINUS}200,0" in swedish and "1,000.0" not in swedish
    live = json.loads(re.search(r'<script type="application/json" class="vega-spec">(.*?)</script>', swedish)[1])
    assert live["usermeta"]["locale"]["format"]["decimal"] == ","
    assert "locale" not in json.loads(
        re.search(r'<script type="application/json" class="vega-spec">(.*?)</script>', english)[1]
    ).get("usermeta", {})


def test_a_bilingual_output_stores_both_in_one_bundle():
    frame = pd.DataFrame({"x": ["a"], "y": [1.0]})

    def make(language: str) -> alt.Chart:
        return alt.Chart(frame, title=pick(("Title", "Rubrik"), language)).mark_bar().encode(x="x:N", y="y:Q")

    output = Bilingual(make)
    bundle = output._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain", SWEDISH_HTML}
    assert ">Title</text>" in bundle["text/html"] and "Rubrik" not in bundle["text/html"]
    assert ">Rubrik</text>" in bundle[SWEDISH_HTML] and ">Title<" not in bundle[SWEDISH_HTML]
    assert "Y-axis" in bundle["text/html"] and "Y-axis" not in bundle[SWEDISH_HTML]  # Vega's English ARIA left out
    assert output.to_dict()["title"] == "Title"  # everything else is the English chart's


def _aria(markup: str) -> list[tuple[str, str | None, bool]]:
    """Every element a screen reader is given in a chart's pictures: (role, its aria-label, hidden)."""
    found = []
    for attributes in re.findall(r"<(?:g|path|text|svg)\b([^>]*)>", markup):
        role, label = re.search(r'role="([^"]*)"', attributes), re.search(r'aria-label="([^"]*)"', attributes)
        found.append((role and role[1], label and label[1], 'aria-hidden="true"' in attributes))
    return found


def test_a_swedish_chart_labels_its_marks_as_the_english_one_does_and_hides_the_english_guides():
    """axe-core's svg-img-alt: an element with role graphics-symbol needs a label. Vega gives a mark group that role
    when none of its marks is described; the Swedish twin must describe its points as the English chart does (from
    the tooltip's Swedish titles), and hide the axes and legends Vega labels in English."""
    frame = pd.DataFrame(
        {"year": [2019, 2020, 2019, 2020], "v": [1.0, 2.5, 3.0, 4.0], "s": ["Linköping"] * 2 + ["Riket"] * 2}
    )

    def make(language: str) -> alt.LayerChart:
        words = {"x_title": pick(("Year", "År"), language), "y_title": pick(("Value", "Värde"), language)}
        return charts.line_chart(
            frame,
            x="year",
            y="v",
            series="s",
            finding="F",
            source="S",
            description="D",
            y_format=".1f",
            language=language,
            **words,
        )

    bundle = Bilingual(make)._repr_mimebundle_()
    english, swedish = _aria(bundle["text/html"]), _aria(bundle[SWEDISH_HTML])
    for found in (english, swedish):
        assert [a for a in found if a[0] == "graphics-symbol" and not a[1] and not a[2]] == []
    points = [label for role, label, _ in swedish if role == "graphics-symbol" and label]
    assert len(points) == len(
        [
            1
            for role, label, _ in english
            if role == "graphics-symbol" and label and "axis" not in label and "legend" not in label.lower()
        ]
    )
    assert "År: 2020; Värde: 2,5" in " ".join(points)
    # each point names its series by the channel's title in the edition's language, not by the column's name
    assert "Serie: Riket" in " ".join(points) and "s: Riket" not in " ".join(points)
    assert any(label and "Series: Riket" in label for _, label, _ in english)
    assert not [label for _, label, _ in swedish if label and ("axis" in label or "legend" in label.lower())]
    assert any(label and "Y-axis" in label for _, label, _ in english)


def test_the_english_word_check_can_fail():
    spec = {"title": {"text": "Förändring", "subtitle": "Source: x"}, "encoding": {"x": {"field": "the"}}}
    assert english_left(spec) == ["Source: x"]


@pytest.fixture(scope="module")
def figures():
    from bistand.data.load import Figures

    return Figures()


def test_the_landing_chart_has_no_english_in_swedish(figures):
    chart = comparison_chart(comparisons(figures))
    swedish = chart.swedish.to_dict()
    assert english_left(swedish) == []
    assert swedish["title"]["subtitle"].startswith("Källa: Linköpings-Posten, u.å.; ")
    assert "8 februari 2022" in swedish["title"]["subtitle"]
    assert f"kommunen {MINUS}29,9 procent, riket {MINUS}2,5 procent" in swedish["description"]
    assert english_left(chart.english.to_dict()) != []  # the check sees the English one's words


def test_strangnas_charts_have_no_english_in_swedish(figures):
    amounts = strangnas_view.amounts_chart(strangnas_analysis.money(figures)).swedish.to_dict()
    lines = strangnas_view.paid_by_source_chart(strangnas_analysis.official(figures)).swedish.to_dict()
    assert english_left(amounts) == [] and english_left(lines) == []
    assert "”runt 44,7 miljoner”" in amounts["title"]["subtitle"]
    assert "Strängnäs egen summa för 2020 är 10,2 miljoner kronor lägre" in json.dumps(lines, ensure_ascii=False)


def test_assistance_and_national_charts_have_no_english_in_swedish(figures):
    from bistand.analysis.chapters import assistance, national
    from bistand.publishing.chapters import assistance as assistance_view
    from bistand.publishing.chapters import national as national_view

    amounts = national.national_amounts(figures)
    outputs = {
        "two amounts": assistance_view.two_amounts_chart(assistance.two_amounts(figures)),
        "households": national_view.households_chart(national.national_households(figures)),
        "per inhabitant": national_view.per_inhabitant_chart(amounts),
        "amounts": national_view.amounts_chart(amounts),
        "Strängnäs": national_view.strangnas_chart(national.strangnas(figures)),
        "Linköping": national_view.linkoping_chart(national.linkoping(figures)),
    }
    left = {name: english_left(output.swedish.to_dict()) for name, output in outputs.items()}
    assert {name: texts for name, texts in left.items() if texts} == {}
    shown = json.dumps(outputs["amounts"].swedish.to_dict(), ensure_ascii=False)
    assert "Löpande priser" in shown and "2023 års priser" in shown
    assert "Avläst efter plats" in json.dumps(outputs["households"].swedish.to_dict(), ensure_ascii=False)


def test_series_names_in_swedish():
    from bistand.publishing.chapters.national import series_name

    assert series_name("Riket (Sweden)", "sv") == "Riket"
    assert series_name("Constant 2023 prices", "sv") == "2023 års priser"
    assert series_name("Linköping", "sv") == "Linköping"
    assert series_name("Riket (Sweden)", "en") == "Riket (Sweden)"


def test_cost_charts_have_no_english_in_swedish(figures):
    from bistand.analysis.chapters import costs
    from bistand.analysis.findings import linkoping_payments, strangnas_saving
    from bistand.publishing.chapters import costs as costs_view

    outputs = {
        "payments": costs_view.linkoping_payments_chart(linkoping_payments(figures)),
        "saving": costs_view.savings_chart(strangnas_saving(figures)),
        "what-if": costs_view.sensitivity_chart(costs.sensitivity(costs.linkoping_statement(figures))),
    }
    left = {name: english_left(output.swedish.to_dict()) for name, output in outputs.items()}
    assert {name: texts for name, texts in left.items() if texts} == {}
    saving = json.dumps(outputs["saving"].swedish.to_dict(), ensure_ascii=False)
    assert "Jämfört med prognosen" in saving and "Angiven, i artikeln" in saving
    assert "Månader som varje hushåll" in json.dumps(outputs["what-if"].swedish.to_dict(), ensure_ascii=False)


def test_context_charts_have_no_english_in_swedish(figures):
    from bistand.analysis.chapters import context
    from bistand.publishing.chapters import context as context_view

    outputs = {
        "adults": context_view.adults_chart(context.peers(figures)),
        "Södermanland": context_view.sodermanland_chart(context.sodermanland(figures)),
    }
    left = {name: english_left(output.swedish.to_dict()) for name, output in outputs.items()}
    assert {name: texts for name, texts in left.items() if texts} == {}
    assert "tusen kronor per hushåll" in outputs["Södermanland"].swedish.to_dict()["title"]["text"]


def test_linkoping_charts_have_no_english_in_swedish(figures):
    from bistand.analysis.chapters import linkoping
    from bistand.publishing.chapters import linkoping as linkoping_view

    paid = linkoping.paid_in_a_month(figures)
    outputs = {
        "annual": linkoping_view.annual_chart(linkoping.annual(figures)),
        "monthly": linkoping_view.monthly_counts_chart(linkoping.count_points(figures), paid),
    }
    left = {name: english_left(output.swedish.to_dict()) for name, output in outputs.items()}
    assert {name: texts for name, texts in left.items() if texts} == {}
    monthly = json.dumps(outputs["monthly"].swedish.to_dict(), ensure_ascii=False)
    assert "Början av 2021" in monthly and "Som publicerat" in monthly and "(härlett)" in monthly


def test_every_note_of_a_count_has_swedish_words(figures):
    """The notes the dot chart shows are messages of data.po (COUNT_NOTES), each translated: no note is English in
    the Swedish chart."""
    from bistand.analysis.chapters import linkoping
    from bistand.publishing.chapters.linkoping import count_points_frame
    from bistand.publishing.data_catalogue import COUNT_NOTES

    points = linkoping.count_points(figures)
    assert {f for f, note in zip(points["figure_id"], points["note"], strict=True) if note} == set(COUNT_NOTES)
    notes = dict(zip(points["figure_id"], points["note"], strict=True))
    swedish = dict(zip(points["figure_id"], count_points_frame(points, "sv")["how"], strict=True))
    assert all(swedish[f] != notes[f] for f in COUNT_NOTES)
    assert swedish["lkp_paid_2021_01_lkp2024pr"] == "Anges inte: nivån i januari 2024 minus den angivna förändringen."
    assert list(count_points_frame(points, "sv")["status"].unique()) != list(count_points_frame(points)["status"])


def english_in_table(table: pd.DataFrame) -> list[str]:
    """The headers, index labels and cells of a table that hold an English word."""
    texts = [str(c) for c in table.columns] + [str(n) for n in table.index.names]
    texts += [str(i) for i in table.index.to_flat_index()] + [str(v) for v in table.to_numpy().ravel()]
    return [text for text in texts if ENGLISH.search(text) or re.search(r"\b(?:fewer|less|prices|Level)\b", text)]


def test_tables_have_no_english_in_swedish(figures):
    from bistand.analysis.chapters import context, costs, linkoping, national
    from bistand.publishing.chapters import context as context_view
    from bistand.publishing.chapters import costs as costs_view
    from bistand.publishing.chapters import linkoping as linkoping_view
    from bistand.publishing.chapters import national as national_view

    tables = {
        "at national rate": national_view.at_national_rate_display(national.at_national_rate_table(figures)),
        "changes": costs_view.payment_changes_table(costs.payment_changes(figures)),
        "start levels": linkoping_view.start_levels_table(linkoping.paid_in_a_month(figures)),
        "long-term": context_view.longterm_table(context.peers(figures)),
    }
    left = {name: english_in_table(table.swedish) for name, table in tables.items()}
    assert {name: texts for name, texts in left.items() if texts} == {}
    assert all(english_in_table(table.english) for table in tables.values())  # the check sees English
    changes = tables["changes"].swedish
    assert changes.loc[("Riket", "2022 → 2024")].tolist() == [
        "15\u00a0174 färre",
        "150,3 mer",
        "2024 kan inte räknas om till fasta priser",
    ]


def test_a_note_without_swedish_words_is_an_error():
    from bistand.publishing.chapters.costs import note_in

    assert note_in("2021 prices", "sv") == "2021 års priser"
    assert note_in("2021 prices", "en") == "2021 prices"
    with pytest.raises(ValueError, match="no Swedish words for the note 'a new note'"):
        note_in("a new note", "sv")


def test_the_ledger_labels_in_swedish(figures):
    from bistand.analysis.chapters import ledger
    from bistand.publishing.chapters.ledger import (
        checks_table_html,
        claims_table_html,
        finding_rules_frame,
        judgement_rules_frame,
    )
    from bistand.publishing.ledger_view import levels_text

    book_ledger = ledger.claims_ledger(figures)
    swedish = claims_table_html(book_ledger)._repr_mimebundle_()[SWEDISH_HTML]
    heads = re.findall(r"<th>(.*?)</th>", swedish)
    assert heads == [
        "Påstående (källans ord)",
        "Vem, när",
        "Angivet → omräknat",
        "Utlåtande",
        "Räknas som",
        "Hur, eller vad som skulle pröva det",
    ]
    assert "stämmer efter avrundning mot 2\u00a0727 (pressmeddelandet från oktober 2021)" in swedish
    assert "väsentlig strid med uppgifterna" in swedish and "substantive conflict" not in swedish
    checks = checks_table_html(book_ledger)._repr_mimebundle_()[SWEDISH_HTML]
    assert "Räknas som" not in checks and "tabellen stämmer" not in checks and "stämmer efter avrundning" in checks
    for frame in (finding_rules_frame("sv"), judgement_rules_frame("sv")):
        assert english_in_table(frame) == []
    assert levels_text("-8.07 against 2,727 (October 2021 release)", "sv") == (
        f"{MINUS}8,07 mot 2{NBSP}727 (pressmeddelandet från oktober 2021)"
    )
    with pytest.raises(ValueError, match="no Swedish words for the level"):
        levels_text("consistent against the mean", "sv")


def test_headings_in_swedish_and_a_missing_one_is_an_error(figures):
    from bistand.analysis.chapters import linkoping
    from bistand.publishing.chapters import context as context_view
    from bistand.publishing.chapters import linkoping as linkoping_view
    from bistand.publishing.twins import with_swedish_headers

    frame = pd.DataFrame({"Key": ["a"], "Role": ["primary"]}).set_index("Key")
    twin = with_swedish_headers(frame, {"Key": "Nyckel", "Role": "Roll"})
    assert list(twin.swedish.columns) == ["Roll"] and twin.swedish.index.name == "Nyckel"
    assert twin.english is frame and len(twin) == 1
    with pytest.raises(KeyError, match="no Swedish heading for \\['Role'\\]"):
        with_swedish_headers(frame, {"Key": "Nyckel"})
    tables = [
        context_view.studies_table(),
        context_view.kolada_kpis_table(),
        context_view.kolada_groups_table(),
        linkoping_view.sources_table(linkoping.sources()),
        linkoping_view.events_table(linkoping.timeline(figures).events),
    ]
    for table in tables:
        headings = [*table.swedish.columns, *table.swedish.index.names]
        same = [h for h in headings if h in [*table.english.columns, *table.english.index.names]]
        assert not [h for h in headings if ENGLISH.search(str(h))] and set(same) <= {"Precision"}, headings


def test_the_annual_overview_in_swedish(figures):
    from bistand.analysis.chapters import linkoping
    from bistand.publishing.chapters.linkoping import annual_table, overview_cell

    table = annual_table(linkoping.annual(figures))
    assert english_in_table(table.swedish) == [] and table.swedish.index.name == "År"
    assert table.swedish.loc[2013].tolist()[0] == f"4{NBSP}254 (härlett)"
    assert overview_cell("233.2", "Amount paid (million SEK)", "sv") == "233,2"
    with pytest.raises(ValueError, match="no Swedish words"):
        overview_cell("about 200", "Amount paid (million SEK)", "sv")


def test_the_timeline_draws_its_own_words_in_swedish(figures):
    """The timeline's own words (title, axes, lanes, legends, tooltips' names, description) in Swedish; the events'
    labels in its data are the data's own words (they are in English in data/events.csv)."""
    from bistand.analysis.chapters import linkoping
    from bistand.publishing.chapters import linkoping as linkoping_view

    chart = linkoping_view.timeline(linkoping.timeline(figures), linkoping.paid_in_a_month(figures))
    swedish = chart.swedish.to_dict()
    datasets = swedish.pop("datasets")
    assert english_left(swedish) == []
    shown = json.dumps(datasets, ensure_ascii=False)
    assert "Beslut" in shown and "Socialdemokraterna och Moderaterna (S, M)" in shown
    assert "Socialdemokraterna and Moderaterna" not in shown


#: Chapters whose HTML outputs have no Swedish twin, with the reason.
WITHOUT_TWINS = {
    "appendix.ipynb": "the data files shown as they are: their column names and cells are the files' own",
}


def test_every_reader_facing_output_has_a_swedish_twin():
    """Every stored HTML output of a chapter carries its Swedish twin (one execution computes both), except the
    chapters :data:`WITHOUT_TWINS` names."""
    import nbformat

    from conftest import ROOT

    missing, twins = [], 0
    for notebook in sorted((ROOT / "chapters").glob("*.ipynb")):
        for index, cell in enumerate(nbformat.read(notebook, as_version=4).cells):
            for output in cell.get("outputs", []):
                if "text/html" not in output.get("data", {}):
                    continue
                if SWEDISH_HTML in output["data"]:
                    twins += 1
                elif notebook.name not in WITHOUT_TWINS:
                    missing.append(f"{notebook.name} cell {index}")
    assert missing == []
    assert twins == 32
