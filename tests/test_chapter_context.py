"""The context chapter: dates, peer tables, the Södermanland chart and the Kolada tables, against values worked out
by hand from data/events.csv, data/figures_context.csv (lkp_stat, rf_sod_2021) and data/figures_reference.csv."""

from __future__ import annotations

import pandas as pd
import pytest

from bistand.analysis.chapters import context
from bistand.data.events import load_events
from bistand.publishing.chapters import context as view


def cells_filled(table: pd.DataFrame) -> bool:
    """Every cell and every row label is non-empty and not NaN/None."""
    cells = list(table.index) + [v for row in table.itertuples(index=False) for v in row]
    return all(v is not None and v == v and str(v).strip() != "" for v in cells)


def title_of(spec: dict) -> str:
    title = spec.get("title") or spec["layer"][0]["title"]
    return " ".join(title["text"])


def test_law_dates_from_the_events():
    dates = context.law_dates(load_events())
    # events.csv: se_prop_2015_16_136 2016-03-17; se_ds_2024_29 "2024" (year); se_mri_consultation 2025-03-11;
    # se_new_sol 2025-07-01
    assert dates == context.LawDates(bill="17 March 2016", proposal_year="2024",
                                     rights_institute="11 March 2025", new_act="1 July 2025")


def test_adults_chart_ranks_linkoping_third_of_seven(figures):
    peers = context.peers(figures)
    # lkp_stat 2023: Malmö 4.5, Helsingborg 3.5, Linköping 3.1, Norrköping 3.0, Västerås 2.6, Örebro 2.6, Lund 2.2
    spec = view.adults_chart(peers).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [(r["municipality"], r["share"]) for r in rows] == [
        ("Malmö", 4.5), ("Helsingborg", 3.5), ("Linköping", 3.1), ("Norrköping", 3.0), ("Västerås", 2.6),
        ("Örebro", 2.6), ("Lund", 2.2)]
    assert peers.adults["rank"].tolist() == [1, 2, 3, 4, 5, 5, 7]  # a tie shares its rank
    assert title_of(spec) == "2023: 3.1 % of Linköping's adults had assistance, rank 3 of 7"
    assert "Linköping 3.1 percent" in spec["description"] and "Lund 2.2 percent." in spec["description"]


def test_longterm_table_has_linkoping_first(figures):
    table = view.longterm_table(context.peers(figures))
    # lkp_stat 2022: Linköping 60.4, Västerås 55.8, Göteborg 55.5, Malmö 55.2
    assert list(table.index) == ["Linköping", "Västerås", "Göteborg", "Malmö"]
    assert table.iloc[:, 1].tolist() == ["60.4", "55.8", "55.5", "55.2"]
    assert table["Code"].tolist() == ["0580", "1980", "1480", "1280"]
    assert cells_filled(table)


def test_sodermanland_chart_as_worked_out_by_hand(figures):
    sod = context.sodermanland(figures)
    # rf_sod_2021, 2020, thousand SEK / households: Vingåker 23 022 / 363 = 63.42; Katrineholm 60 315 / 968 = 62.31;
    # Eskilstuna 245 270 / 4 090 = 59.97; Nyköping 80 101 / 1 343 = 59.64; Strängnäs 48 300 / 835 = 57.84;
    # Flen 33 933 / 622 = 54.55; Gnesta 6 729 / 139 = 48.41; Trosa 4 296 / 94 = 45.70; Oxelösund ".."
    spec = view.sodermanland_chart(sod).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [r["municipality"] for r in rows] == ["Vingåker", "Katrineholm", "Eskilstuna", "Nyköping", "Strängnäs",
                                                 "Flen", "Gnesta", "Trosa"]
    assert [r["thousand"] for r in rows] == pytest.approx([63.42, 62.31, 59.97, 59.64, 57.84, 54.55, 48.41, 45.70],
                                                          abs=0.01)
    assert sod.missing == ["Oxelösund"] and sod.strangnas_rank == 5
    assert title_of(spec) == "2020: Strängnäs paid 57.8 thousand SEK per household, rank 5 of 8"
    assert spec["description"].endswith("Trosa 45.7 thousand SEK. No figure for Oxelösund.")


def test_headline_values_as_worked_out_by_hand(figures):
    values = context.glued_values(figures, load_events())
    assert all(v is not None and v == v for v in values.values())
    assert (values["ctx_lt_min"], values["ctx_lt_max"]) == (10, 12)  # Kolada: "10-12 månader under året"
    assert values["ctx_lt_gap"] == pytest.approx(4.6)  # 60.4 - 55.8 (Västerås)
    assert (values["ctx_lkp_lt_rank"], values["ctx_n_lt"], values["ctx_lt_next_name"]) == (1, 4, "Västerås")
    assert (values["ctx_adults_max_name"], values["ctx_adults_min_name"]) == ("Malmö", "Lund")
    assert values["ctx_lkp_hh_2023"] == 3078  # lkp_stat: 3 078 households in 2023
    assert values["ctx_str_perhh"] == pytest.approx(57844.3, abs=0.1)  # 48 300 000 / 835; Regionfakta: 57 844
    assert values["ctx_sod_median_others"] == pytest.approx(59643.3, abs=0.1)  # Nyköping, 4th of the other 7
    assert values["ctx_sod_max"] == pytest.approx(63421.5, abs=0.1) and values["ctx_sod_max_name"] == "Vingåker"
    assert values["ctx_sod_min"] == pytest.approx(45702.1, abs=0.1) and values["ctx_sod_min_name"] == "Trosa"
    assert (values["ctx_n_sod"], values["ctx_str_hh_2020"], values["ctx_sod_missing"]) == (8, 835, "Oxelösund")


def test_sodermanland_refuses_a_derived_amount_that_disagrees_with_the_stated_one(figures):
    from bistand.data.load import Figures

    frame = figures.frame.copy()
    frame.loc["str_perhh_2020_rf_sod_2021", "value_in_measure_unit"] = 57000.0
    with pytest.raises(ValueError, match="Regionfakta states 57000"):
        context.sodermanland(Figures(frame))


def test_studies_and_kolada_tables():
    studies = view.studies_table()
    assert list(studies.index) == ["Dahlberg, Johansson & Mörk (IFAU)",
                                   "Persson & Vikman (Uppsala Center for Fiscal Studies)",
                                   "SBU, report 351 (systematic review)"]
    assert studies["Source (key)"].tolist() == ["dahlberg2008", "persson2010", "sbu351"] and cells_filled(studies)
    kpis = view.kolada_kpis_table()
    assert list(kpis.index) == ["N31910", "N31857", "N31849", "N31807", "N31814", "N31816", "N01710", "N31001"]
    assert cells_filled(kpis)
    groups = view.kolada_groups_table()
    assert groups["For"].tolist() == ["Linköping (0580)", "Strängnäs (0486)", "Linköping (0580)"]
    assert groups["Members"].iloc[1].startswith("Vetlanda (0685), Tingsryd (0763)")
    assert groups["Members"].iloc[2].startswith("Norrköping, Jönköping")  # the IFO group's codes are not known
    assert cells_filled(groups)
