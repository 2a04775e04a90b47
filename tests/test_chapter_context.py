"""The context chapter: dates, peer tables, the Södermanland chart and the Kolada tables, against values worked out
by hand from data/events.csv, data/figures_context.csv (lkp_stat, rf_sod_2021) and data/figures_reference.csv."""

from __future__ import annotations

import pandas as pd
import pytest

from bistand.analysis.chapters import context
from bistand.data.events import load_events
from bistand.publishing.chapters import context as view
from conftest import assert_filled
from myst_markup import chapter_words


def title_of(spec: dict) -> str:
    title = spec.get("title") or spec["layer"][0]["title"]
    return title["text"]


def test_law_dates_from_the_events():
    dates = context.law_dates(load_events())
    # events.csv: se_prop_2015_16_136 2016-03-17; se_ds_2024_29 "2024" (year); se_mri_consultation 2025-03-11;
    # se_new_sol 2025-07-01; se_sfs_2021_159 2021-04-01; se_prop_2024_25_89 2025-01-23; se_sou_2025_15 "2025";
    # se_reform_2025 2025-09-17; se_lagradsremiss_2025 2025-12-15, the latest national policy event
    assert dates == context.LawDates(
        bill="17 March 2016",
        proposal_year="2024",
        rights_institute="11 March 2025",
        new_act="1 July 2025",
        sfs_2021_in_force="1 April 2021",
        new_act_bill="23 January 2025",
        inquiry_year="2025",
        reform="17 September 2025",
        referral="15 December 2025",
        policy_as_of="15 December 2025",
        requirement_start="1 July 2026",
    )


def test_the_requirement_start_is_read_from_the_referral_words():
    from datetime import date

    from bistand.analysis.context import in_force_date, requirement_start

    # friatider2025dec: "Kravet föreslås träda i kraft den 1 juli 2026 och i normalfallet motsvara heltid"
    assert requirement_start(load_events()) == date(2026, 7, 1)
    assert in_force_date("Lagen ska träda i kraft den 15 mars 2027.") == date(2027, 3, 15)
    with pytest.raises(ValueError, match="träda i kraft"):
        in_force_date("Kravet föreslås gälla från nästa år")


def test_policy_status_is_as_of_the_latest_policy_event_and_refuses_a_vague_one():
    events = load_events()
    later = events[events["event_id"] == "se_ds_2024_29"].assign(
        event_id="se_later", date="2026-02", date_precision="month", start=pd.Timestamp("2026-02-01")
    )
    with pytest.raises(ValueError, match="se_later"):
        context.law_dates(pd.concat([events, later]))
    # a study is not a policy step: it does not move the date
    study = later.assign(kind="study", date_precision="day", start=pd.Timestamp("2026-03-01"))
    assert context.law_dates(pd.concat([events, study])).policy_as_of == "15 December 2025"


def test_the_chapter_names_the_new_act_and_dates_its_policy_status():
    """Issue 17: the law in force (prop. 2024/25:89 beside 4 kap. 1 § SoL (2001:453)), SFS 2021:159, SOU 2025:15,
    the policy status dated by the latest source, and no "everyone on försörjningsstöd"."""
    text = chapter_words("context.ipynb")
    for words in (
        "prop. 2024/25:89",
        "4 kap. 1 § socialtjänstlagen (2001:453)",
        "SFS 2021:159",
        "SOU 2025:15",
        "as of the latest step of the process in the book's sources, the referral of {glue:text}`ctx_policy_as_of`",
        "{cite:p}`prop2025`",
        "{cite:p}`sfs2021`",
        "{cite:p}`sou2025`",
        "{cite:p}`persson2014`",
        "a partisan outlet",
        "What the book does not know",
        "no statistically significant effect",
    ):
        assert words in text, words
    assert "cited in a national debate" not in text and "everyone who receives" not in text
    assert "The Stockholm study found no effect" not in text and "The law today" not in text


def test_adults_chart_ranks_linkoping_third_of_seven(figures):
    peers = context.peers(figures)
    # lkp_stat 2023: Malmö 4.5, Helsingborg 3.5, Linköping 3.1, Norrköping 3.0, Västerås 2.6, Örebro 2.6, Lund 2.2
    spec = view.adults_chart(peers).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [(r["municipality"], r["share"]) for r in rows] == [
        ("Malmö", 4.5),
        ("Helsingborg", 3.5),
        ("Linköping", 3.1),
        ("Norrköping", 3.0),
        ("Västerås", 2.6),
        ("Örebro", 2.6),
        ("Lund", 2.2),
    ]
    assert peers.adults["rank"].tolist() == [1, 2, 3, 4, 5, 5, 7]  # a tie shares its rank
    assert title_of(spec) == "2023: 3.1 % of Linköping's adults had assistance, rank 3 of 7"
    assert "Linköping 3.1 percent" in spec["description"] and "Lund 2.2 percent." in spec["description"]


def test_longterm_table_has_linkoping_first(figures):
    table = view.longterm_table(context.peers(figures))
    # lkp_stat 2022: Linköping 60.4, Västerås 55.8, Göteborg 55.5, Malmö 55.2
    assert list(table.index) == ["Linköping", "Västerås", "Göteborg", "Malmö"]
    assert table.iloc[:, 1].tolist() == ["60.4", "55.8", "55.5", "55.2"]
    assert table["Code"].tolist() == ["0580", "1980", "1480", "1280"]
    assert_filled(table)


def test_sodermanland_chart_as_worked_out_by_hand(figures):
    sod = context.sodermanland(figures)
    # rf_sod_2021, 2020, thousand SEK / households: Vingåker 23 022 / 363 = 63.42; Katrineholm 60 315 / 968 = 62.31;
    # Eskilstuna 245 270 / 4 090 = 59.97; Nyköping 80 101 / 1 343 = 59.64; Strängnäs 48 300 / 835 = 57.84;
    # Flen 33 933 / 622 = 54.55; Gnesta 6 729 / 139 = 48.41; Trosa 4 296 / 94 = 45.70; Oxelösund ".."
    spec = view.sodermanland_chart(sod).to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert [r["municipality"] for r in rows] == [
        "Vingåker",
        "Katrineholm",
        "Eskilstuna",
        "Nyköping",
        "Strängnäs",
        "Flen",
        "Gnesta",
        "Trosa",
    ]
    # the printed amounts: 63 422, 62 309, 59 968, 59 643, 57 844, 54 555, 48 409, 45 704 SEK
    assert [r["thousand"] for r in rows] == pytest.approx(
        [63.422, 62.309, 59.968, 59.643, 57.844, 54.555, 48.409, 45.704], abs=1e-9
    )
    assert sod.missing == ["Oxelösund"] and sod.strangnas_rank == 5
    assert title_of(spec) == "2020: Strängnäs paid 57.8 thousand SEK per household, rank 5 of 8"
    assert spec["description"].endswith("Trosa 45.7 thousand SEK. No figure for Oxelösund.")


def test_headline_values_as_worked_out_by_hand(figures):
    values = context.glued_values(figures, load_events())
    assert all(v is not None and v == v for v in values.values())
    assert (values["ctx_lt_min"], values["ctx_lt_max"]) == (10, 12)  # Kolada: "10-12 månader under året"
    assert values["ctx_lt_gap"] == pytest.approx(4.6)  # 60.4 - 55.8 (Västerås)
    assert values["ctx_lt_next_name"] == "Västerås"
    assert (values["ctx_adults_max_name"], values["ctx_adults_min_name"]) == ("Malmö", "Lund")
    # rf_sod_2021, the column "Bistånds-belopp- /hushåll (kr)" as printed (the amount / households in brackets)
    assert values["ctx_str_perhh"] == 57844  # (48 300 000 / 835 = 57 844.3)
    assert values["ctx_sod_median_others"] == 59643  # Nyköping, 4th of the other 7 (80 101 000 / 1 343 = 59 643.3)
    assert values["ctx_sod_max"] == 63422 and values["ctx_sod_max_name"] == "Vingåker"  # (23 022 000 / 363 = 63 421.5)
    assert values["ctx_sod_min"] == 45704 and values["ctx_sod_min_name"] == "Trosa"  # (4 296 000 / 94 = 45 702.1)
    assert (values["ctx_n_sod"], values["ctx_sod_missing"]) == (8, "Oxelösund")


def test_sodermanland_refuses_a_derived_amount_that_disagrees_with_the_stated_one(figures):
    from bistand.data.load import Figures

    frame = figures.frame.copy()
    frame.loc["str_perhh_2020_rf_sod_2021", "value_in_measure_unit"] = 57000.0
    with pytest.raises(ValueError, match="Regionfakta states 57000"):
        context.sodermanland(Figures(frame))


def test_stated_amount_per_household_within_rounding_and_refused_when_missing():
    from bistand.analysis.context import with_stated_per_household

    # Trosa 2020: 4 296 tkr / 94 households = 45 702.1 SEK; the table prints 45 704. The amount in thousand SEK can
    # be off by 500 SEK, 500 / 94 = 5.3 SEK per household, plus 0.5 for the printed whole SEK: 1.9 is within.
    table = pd.DataFrame(
        {
            "municipality": ["Trosa"],
            "code": ["0488"],
            "source_id": ["rf_sod_2021"],
            "households": [94.0],
            "paid_million": [4.296],
            "per_household": [4296e3 / 94],
        }
    )
    stated = pd.Series([45704.0], index=pd.MultiIndex.from_tuples([("0488", "rf_sod_2021")]))
    out = with_stated_per_household(table, stated)
    assert out.loc[0, "per_household"] == 45704 and out.loc[0, "derived"] == pytest.approx(45702.13, abs=0.01)
    with pytest.raises(ValueError, match="Trosa: derived 45702.1 SEK per household, Regionfakta states 45690"):
        with_stated_per_household(table, pd.Series([45690.0], index=stated.index))  # 12.1 > 5.8
    with pytest.raises(ValueError, match="no stated amount per household for Trosa"):
        with_stated_per_household(table, stated.iloc[:0])


def test_studies_and_kolada_tables():
    studies = view.studies_table()
    assert list(studies.index) == [
        "Dahlberg, Johansson & Mörk (IFAU)",
        "Persson & Vikman (Research in Labor Economics 39)",
        "SBU, report 351 (systematic review)",
    ]
    assert studies["Source (key)"].tolist() == ["dahlberg2008", "persson2014", "sbu351"]
    assert_filled(studies)
    # persson2014's abstract: "no overall average effects on SA entry or SA exit"; lower entry for young and single
    assert studies.loc["Persson & Vikman (Research in Labor Economics 39)", "Finding"].startswith(
        "No overall average effect on entry to or exit from social assistance"
    )
    # SBU 351: "Work supporting program in regular/ordinary municipal activities is more effective ..." and its
    # population "försörjningsstöd under minst sex månader"
    sbu = studies.loc["SBU, report 351 (systematic review)"]
    assert "inside regular municipal activities" in sbu["Finding"] and "at least six months" in sbu["Design"]
    assert "no statistically significant effect on disposable" in studies["Finding"].iloc[0]
    kpis = view.kolada_kpis_table()
    assert list(kpis.index) == ["N31910", "N31857", "N31849", "N31807", "N31814", "N31816", "N01710", "N31001"]
    assert_filled(kpis)
    groups = view.kolada_groups_table()
    assert groups["For"].tolist() == ["Linköping (0580)", "Strängnäs (0486)", "Linköping (0580)"]
    assert groups["Members"].iloc[1].startswith("Vetlanda (0685), Tingsryd (0763)")
    assert groups["Members"].iloc[2].startswith("Norrköping, Jönköping")  # the IFO group's codes are not known
    assert_filled(groups)
