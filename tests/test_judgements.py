"""The rules that choose the words weighing a figure (bistand.analysis.judgements): each threshold from both sides,
in English and in Swedish, and clear errors for what a rule cannot judge."""

from __future__ import annotations

import math

import pytest

from bistand.analysis import judgements as j

# --- share ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "p, en, sv",
    [
        (0.0, "none", "ingen del"),
        (0.001, "a small part", "en liten del"),
        (0.1999, "a small part", "en liten del"),
        (0.20, "about a quarter", "ungefär en fjärdedel"),
        (0.2899, "about a quarter", "ungefär en fjärdedel"),
        (0.29, "about a third", "ungefär en tredjedel"),
        (0.3438, "about a third", "ungefär en tredjedel"),  # 220 / 640: the fall to December 2021
        (0.3999, "about a third", "ungefär en tredjedel"),
        (0.40, "less than half", "mindre än hälften"),
        (0.4499, "less than half", "mindre än hälften"),
        (0.45, "about half", "ungefär hälften"),
        (0.5499, "about half", "ungefär hälften"),
        (0.55, "more than half", "mer än hälften"),
        (0.5556, "more than half", "mer än hälften"),  # 5 of 9 yearly steps
        (0.6199, "more than half", "mer än hälften"),
        (0.62, "about two thirds", "ungefär två tredjedelar"),
        (0.7099, "about two thirds", "ungefär två tredjedelar"),
        (0.71, "about three quarters", "ungefär tre fjärdedelar"),
        (0.7504, "about three quarters", "ungefär tre fjärdedelar"),  # Sweden's fall 2014-2023 after 2018
        (0.7999, "about three quarters", "ungefär tre fjärdedelar"),
        (0.80, "most", "större delen"),
        (0.85, "most", "större delen"),  # Strängnäs's 10.2 of the 12 million claimed
        (0.9999, "most", "större delen"),
        (1.0, "all", "hela"),
    ],
)
def test_share_on_both_sides_of_each_threshold(p, en, sv):
    words = j.share(p)
    assert (words.en, words.sv, words.rule) == (en, sv, "share")


@pytest.mark.parametrize("p", [-0.01, 1.01, math.nan])
def test_share_refuses_what_is_not_a_share(p):
    with pytest.raises(ValueError, match="between 0 and 1"):
        j.share(p)


def test_shares_measured_two_ways():
    # Linköping's fall by 20 December 2021 from each start-of-2021 level: 220 / 640 and 196 / 616, both "about a third"
    assert j.shares(220 / 640, 196 / 616).en == "about a third"
    both = j.shares(0.344, 0.41)
    assert (both.en, both.sv) == (
        "between about a third and less than half",
        "mellan ungefär en tredjedel och mindre än hälften",
    )


def test_part_of_a_whole_and_more_than_the_whole():
    # Strängnäs: a gap of 48.3 - 38.1 = 10.2 million against a claimed saving of 12: 0.85, "most"
    assert j.part_of(10.2, 12).en == "most"
    assert j.part_of(12, 12).en == "all"
    assert j.part_of(12.1, 12).en == "more than the whole of" and j.part_of(12.1, 12).sv == "mer än hela"
    with pytest.raises(ValueError):
        j.part_of(1, 0)


# --- falls beside each other -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "own, other, en, sv",
    [
        (
            4.7,
            29.6,
            "fell far less than",
            "minskade betydligt mindre än",
        ),  # Linköping's real spending vs Sweden's per inh.
        (4.99, 10, "fell far less than", "minskade betydligt mindre än"),
        (5.0, 10, "fell less than", "minskade mindre än"),
        (26.03, 35.71, "fell less than", "minskade mindre än"),  # Linköping 2014-2023: ratio 0.73
        (8.99, 10, "fell less than", "minskade mindre än"),
        (9.0, 10, "fell about as much as", "minskade ungefär lika mycket som"),
        (11.0, 10, "fell about as much as", "minskade ungefär lika mycket som"),
        (11.01, 10, "fell more than", "minskade mer än"),
        (11.14, 9.27, "fell more than", "minskade mer än"),  # Linköping 2022-2023: ratio 1.20
        (20.0, 10, "fell more than", "minskade mer än"),
        (20.01, 10, "fell far more than", "minskade betydligt mer än"),
        (29.92, 2.50, "fell far more than", "minskade betydligt mer än"),  # Strängnäs's payments 2021: ratio 12
        (-15.0, 7.0, "rose, unlike", "ökade, till skillnad från"),  # Strängnäs's households 2017-2020
        (0.0, 7.0, "did not fall, unlike", "minskade inte, till skillnad från"),
        (7.0, -3.0, "fell, unlike", "minskade, till skillnad från"),
        (-5.0, -10.0, "rose less than", "ökade mindre än"),  # two rises compare as two falls do
        (0.0, 0.0, "stayed level, as did", "låg kvar på samma nivå, liksom"),
    ],
)
def test_compare_falls_on_both_sides_of_each_threshold(own, other, en, sv):
    words = j.compare_falls(own, other)
    assert (words.en, words.sv) == (en, sv)


def test_compare_falls_refuses_a_missing_change():
    with pytest.raises(ValueError, match="missing"):
        j.compare_falls(math.nan, 3.0)


# --- timing ------------------------------------------------------------------------------------------------------

NATION = {
    2014: 226684,
    2015: 226511,
    2016: 220112,
    2017: 213550,
    2018: 206479,
    2019: 202199,
    2020: 198514,
    2021: 182328,
    2022: 160630,
    2023: 145740,
}


def test_timing_of_the_nations_fall_against_the_programmes_year():
    # (206 479 - 145 740) / (226 684 - 145 740) = 60 739 / 80 944 = 0.7504; steps 2019..2023 after 2018: 5 of 9
    t = j.timing(NATION, 2014, 2023, 2018)
    assert t.share_after == pytest.approx(0.75038, abs=1e-5)
    assert (t.steps_after, t.steps) == (5, 9)
    assert t.words.en == "mostly after" and t.words.sv == "till största delen efter"
    assert t.share_words.en == "about three quarters"


@pytest.mark.parametrize(
    "after, en",
    [
        (0.56, "mostly after"),
        (0.55, "about half before and half after"),
        (0.45, "about half before and half after"),
        (0.44, "mostly before"),
    ],
)
def test_timing_words_on_both_sides_of_the_half_band(after, en):
    # a series falling from 100 to 0, with (1 - after) of the fall before the cut
    series = {2000: 100.0, 2001: 100.0 * after, 2002: 0.0}
    assert j.timing(series, 2000, 2002, 2001).words.en == en


def test_timing_refuses_a_cut_outside_or_a_missing_year():
    with pytest.raises(ValueError, match="inside"):
        j.timing(NATION, 2014, 2018, 2018)
    with pytest.raises(KeyError, match="2013"):
        j.timing(NATION, 2013, 2023, 2018)


# --- records -----------------------------------------------------------------------------------------------------


def test_records():
    assert j.record(NATION, 2023).en == "the lowest of the series, which starts in 2014"
    assert j.record({2012: 5, 2013: 3, 2014: 4, 2015: 2.5}, 2015).en == "the lowest of the series, which starts in 2012"
    # 2016: 3.5 is below 2014's 4 and 2015's 3.8, but not below 2013's 3: "the lowest since 2013"
    series = {2012: 5, 2013: 3, 2014: 4, 2015: 3.8, 2016: 3.5}
    assert j.record(series, 2016).en == "the lowest since 2013" and j.record(series, 2016).sv == "den lägsta sedan 2013"
    # the year before was lower: no record word
    assert j.record({2012: 5, 2013: 3, 2014: 4}, 2014) is None
    assert (
        j.record({2012: 5, 2013: 3, 2014: 6}, 2014, lowest=False).en
        == "the highest of the series, which starts in 2012"
    )


def test_a_record_needs_every_earlier_year():
    with pytest.raises(ValueError, match="lacks \\[2015\\]"):
        j.record({2014: 4161, 2016: 4000, 2023: 3078} | {y: 3500 for y in range(2017, 2023)}, 2023)


# --- tallies and seats ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "count, total, en, sv",
    [
        (0, 5, "none of the 5", "inget av de 5"),
        (1, 5, "1 of 5", "1 av 5"),
        (2, 5, "2 of 5", "2 av 5"),
        (5, 5, "all 5", "alla 5"),
    ],
)
def test_tally(count, total, en, sv):
    assert (j.tally(count, total).en, j.tally(count, total).sv) == (en, sv)
    assert j.tally(0, 5, neuter=False).sv == "ingen av de 5"


@pytest.mark.parametrize(
    "count, total, en",
    [
        (0, 22, "none"),
        (5, 22, "few"),
        (7, 22, "few"),
        (8, 24, "some"),
        (11, 22, "some"),
        (12, 22, "most"),
        (22, 22, "all"),
    ],
)
def test_few_on_both_sides_of_its_thresholds(count, total, en):
    # 5 of the municipalities' 22 claims can be checked: 0.23, under a third -> "few"; 8 of 24 is exactly a third
    assert j.few(count, total).en == en


@pytest.mark.parametrize("count, total", [(6, 5), (-1, 5), (0, 0)])
def test_tally_refuses_impossible_counts(count, total):
    with pytest.raises(ValueError, match="tally"):
        j.tally(count, total)


@pytest.mark.parametrize(
    "held, total, en",
    [
        (None, None, "governing coalition"),
        (39, 79, "minority"),
        (40, 79, "majority"),
        (40, 80, "minority"),
        (41, 80, "majority"),
    ],
)
def test_majority_only_where_seats_exceed_half(held, total, en):
    # The Alliance held 39 of Linköping's 79 seats after 2018 by Corren's count: not a majority of the council.
    assert j.seats(held, total).en == en


# --- signs -------------------------------------------------------------------------------------------------------


def test_direction_and_position():
    assert [j.direction(x).en for x in (52.8, -14.2, 0.0)] == ["more", "less", "the same"]
    assert [j.position(v, 96).en for v in (96.9, 95.9, 96)] == ["above", "below", "at"]
    assert j.position(96.9, 96).sv == "över"


# --- precision ---------------------------------------------------------------------------------------------------


def test_stated_half_unit():
    assert j.stated_half_unit(38.1) == pytest.approx(0.05)
    assert j.stated_half_unit(4161.0) == pytest.approx(0.5)
    assert j.stated_half_unit(11955560.0, 0.001) == pytest.approx(0.0005)  # thousand SEK in million SEK


def test_percent_change_error_as_worked_out_by_hand():
    # 38.1 -> 26.7, each to within 0.05: the change -29.92 % can move by up to
    # 100 x (26.75 - 38.05) / 38.05 = -29.698 ... 100 x (26.65 - 38.15) / 38.15 = -30.144 around -29.921: up to
    # 0.2235 points
    assert j.percent_change_error(38.1, 26.7, 0.05, 0.05) == pytest.approx(0.2235, abs=1e-4)


@pytest.mark.parametrize("error, decimals", [(0.0, 1), (0.1, 1), (0.1001, 0), (0.9, 0), (3.0, 0)])
def test_decimals_for_an_error(error, decimals):
    assert j.decimals_for_error(error) == decimals


def test_comparison_decimals_take_the_weakest_pair():
    exact = j.Input(4161, 0.0), j.Input(3078, 0.0)
    rounded = j.Input(38.1, 0.05), j.Input(26.7, 0.05)
    approximate = j.Input(226684, 0.0), j.Input(145740, 0.0, approximate=True)
    assert j.comparison_decimals([exact]) == 1
    assert j.comparison_decimals([exact, rounded]) == 0
    assert j.comparison_decimals([exact, approximate]) == 0


def test_figure_inputs_from_the_data(figures):
    # A newspaper's figure and a count read by position are approximate; a count is exact; 38.1 is to a tenth.
    assert j.figure_input(figures, "lkp_hh_2014_lkpposten").approximate
    assert j.figure_input(figures, "se_hh_2023_rf_got_2024").approximate
    assert j.figure_input(figures, "lkp_hh_2023_lkp_stat") == j.Input(3078.0, 0.0, False)
    assert j.figure_input(figures, "str_paid_2020_str2022web").half_unit == pytest.approx(0.05)


# --- the rules in words --------------------------------------------------------------------------------------------


def test_every_rule_is_stated_in_both_languages_with_its_thresholds():
    table = j.rules()
    assert list(table["rule"]) == [
        "share",
        "direction and position",
        "compare_falls",
        "timing",
        "record",
        "tally",
        "seats",
        "precision",
    ]
    assert table["en"].str.len().gt(40).all() and table["sv"].str.len().gt(40).all()
    share_rule = table.set_index("rule").loc["share"]
    assert "'about three quarters' from 71 percent" in share_rule["en"]
    assert "”ungefär tre fjärdedelar” från 71\u00a0procent" in share_rule["sv"]
    compare = table.set_index("rule").loc["compare_falls"]
    assert "under 0.5" in compare["en"] and "under 0,5" in compare["sv"] and "from 0.9 to 1.1" in compare["en"]
