"""The data appendix: the tables it shows (rows, columns, order) and its counts, against the data files counted by
hand (``grep -c``, csv rows). How a table becomes HTML (escaped, no index, blanks for empty cells) is tested in
tests/test_tables.py (test_data_table_is_escaped_without_index)."""

from __future__ import annotations

import pytest

from bistand.analysis.chapters import appendix
from bistand.data.events import load_events
from bistand.data.vocabularies import EVENT_KINDS


@pytest.fixture(scope="module")
def events():
    return load_events()


def filled(table, columns) -> bool:
    """The named columns have a non-empty value in every row (other columns, such as a url or a quote, may be
    empty where the source has none)."""
    return all(str(v).strip() and v == v for column in columns for v in table[column])


def test_counts_as_counted_by_hand(figures, events):
    # figures_primary.csv 23 rows, 22 of them from primary sources (the 23rd, "sedan 2014", is lkp2025dec's, a
    # reference source whose words stand in lkp2024pr's capture); figures_reference.csv + figures_context.csv 128
    # rows; 151 in all (issue 22 added 2 council seat counts, a 2021 share, 7 printed amounts per household and the
    # December 2025 claim); status column: 5 derived, 3 positional; events.csv 29 rows; sources.csv 52 rows, 22
    # with an empty date (issue 22: lkp_stadsdelar, sos_month, skr_aktivitetskrav)
    assert appendix.glued_values(figures, events) == {
        "dat_n_figures": 151,
        "dat_n_primary": 22,
        "dat_n_reference": 129,
        "dat_n_events": 29,
        "dat_n_derived": 5,
        "dat_n_positional": 3,
        "dat_n_sources": 52,
        "dat_n_undated": 22,
    }


def test_sources_table():
    table = appendix.sources_table()
    assert list(table.columns) == ["source_id", "publisher", "title", "date_as_given", "url"]
    assert len(table) == 52 and table["source_id"].iloc[0] == "lkp2024pr"  # the first row of sources.csv
    assert filled(table, ["source_id", "publisher", "title"])


def test_figure_tables_split_primary_from_reference(figures):
    primary, reference = appendix.primary_figures_table(figures), appendix.reference_figures_table(figures)
    assert (len(primary), len(reference)) == (22, 129)
    assert list(primary.columns) == list(reference.columns) == appendix.FIGURE_COLUMNS
    assert not set(primary["figure_id"]) & set(reference["figure_id"])
    # primary by source and id: lkp2024pr's rows first, lkp_low_span_... before lkp_lt_chg_...
    assert primary["figure_id"].iloc[0] == "lkp_low_span_2024_01_lkp2024pr"
    assert list(primary["source_id"]) == sorted(primary["source_id"])
    # reference by municipality: Eskilstuna first, by measure (amount_paid_per_household_year, amount_paid_year,
    # households_any_time_year)
    assert list(reference["figure_id"].iloc[:3]) == [
        "esk_perhh_2020_rf_sod_2021",
        "esk_paid_2020_rf_sod_2021",
        "esk_hh_2020_rf_sod_2021",
    ]
    for table in (primary, reference):
        assert filled(
            table,
            [
                "figure_id",
                "municipality",
                "measure",
                "period",
                "value",
                "unit",
                "qualifier",
                "status",
                "source_id",
                "locator",
            ],
        )


def test_events_table_by_municipality_then_date(events):
    table = appendix.events_table(events)
    assert len(table) == 29 and list(table.columns) == appendix.EVENT_COLUMNS
    # Riket (0000) first: the studies of 2008, 2010 and 6 August 2014, the bill of 17 March 2016, SFS 2021:159 of
    # 1 April 2021, Ds 2024:29 (2024), SOU 2025:15 (2025, so from 1 January), prop. 2024/25:89 of 23 January 2025,
    # MR 11 March 2025, the new act 1 July 2025, the reform of 17 September 2025, the lagrådsremiss of 15 December
    # 2025; then Strängnäs (0486), then Linköping (0580)
    assert list(table["event_id"].iloc[:15]) == [
        "se_study_dahlberg",
        "se_study_persson",
        "se_study_persson2014",
        "se_prop_2015_16_136",
        "se_sfs_2021_159",
        "se_ds_2024_29",
        "se_sou_2025_15",
        "se_prop_2024_25_89",
        "se_mri_consultation",
        "se_new_sol",
        "se_reform_2025",
        "se_lagradsremiss_2025",
        "str_reorganisation",
        "str_2022_article",
        "lkp_kfl_majority",
    ]
    assert table["municipality"].iloc[-1] == "Linköping"
    assert filled(table, ["event_id", "municipality", "date", "date_precision", "kind", "label", "source_id"])


def test_event_kinds_table_lists_every_kind_used():
    table = appendix.event_kinds_table()
    assert len(table) == 11 and table["kind"].tolist() == list(EVENT_KINDS)
    assert set(load_events()["kind"]) <= set(table["kind"])  # every kind in events.csv is explained
    assert table.set_index("kind").at["law", "meaning"] == "a law applies" and filled(table, ["kind", "meaning"])


def test_measures_and_municipalities_tables():
    measures, municipalities = appendix.measures_table(), appendix.municipalities_table()
    assert len(measures) == 31 and list(measures.columns) == ["measure", "label", "unit", "kind"]
    assert measures["measure"].iloc[0] == "households_paid_month" and filled(measures, measures.columns)
    # municipalities.csv: 18 rows, Riket, Strängnäs and Linköping first
    assert len(municipalities) == 18 and municipalities["code"].tolist()[:3] == ["0000", "0486", "0580"]
    assert filled(municipalities, municipalities.columns)


def test_the_appendix_offers_every_file_of_the_data_package_for_download():
    import json
    import re

    from bistand import DATA_DIR, ROOT
    from myst_markup import page_markdown, roles

    downloads = [r.content for r in roles(page_markdown(ROOT / "chapters" / "appendix.ipynb")) if r.name == "download"]
    offered = {found[1] for text in downloads if (found := re.search(r"<\.\./data/([^>]+)>", text))}
    described = {
        r["path"] for r in json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    }
    assert described - offered == set()
    assert {"claims.csv", "claim_levels.csv", "claim_readings.csv", "studies.csv", "datapackage.json"} <= offered
