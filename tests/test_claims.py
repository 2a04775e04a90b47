"""Each claim's verdict, against the arithmetic done by hand."""

import pytest

from bistand.claims import CLAIMS, Verdict, assess, judge, ledger, round_half_up
from bistand.data import Figures


@pytest.fixture(scope="module")
def figures():
    return Figures()


def verdict_of(claim_id, figures):
    claim = next(c for c in CLAIMS if c.claim_id == claim_id)
    return assess(claim, figures)


def test_strangnas_12_million_is_a_discrepancy_of_0_6(figures):
    # 38,1 - 26,7 = 11,4, which rounds to 11, not the stated 12
    result = verdict_of("str_saving_vs_previous_year", figures)
    assert result.verdict is Verdict.DISCREPANCY
    assert result.recomputed == pytest.approx(-11.4)
    assert result.difference == pytest.approx(0.6)


def test_strangnas_35_percent_is_consistent_after_rounding(figures):
    # (132 - 203) / 203 = -34.975 %, rounds to -35
    result = verdict_of("str_longterm_fall_pct", figures)
    assert result.verdict is Verdict.CONSISTENT_AFTER_ROUNDING
    assert result.recomputed == pytest.approx(-34.97537, abs=1e-5)


def test_linkoping_616_against_october_2021_start_of_year(figures):
    # 2567 + 160 = 2727 at the start of 2021; 2087 - 2727 = -640, stated -616: off by 24
    result = verdict_of("lkp_616_vs_start_of_2021", figures)
    assert result.verdict is Verdict.DISCREPANCY
    assert result.recomputed == -640
    assert result.difference == -24


def test_lowest_in_ten_years_is_not_verifiable(figures):
    result = verdict_of("lkp_lowest_in_10_years", figures)
    assert result.verdict is Verdict.NOT_VERIFIABLE
    assert result.difference is None


def test_eight_percent_fits_2727_not_2703(figures):
    # (2507 - 2727) / 2727 = -8.07 % -> 8; (2507 - 2703) / 2703 = -7.25 % -> 7
    assert verdict_of("lkp_8pct_vs_october_2021", figures).verdict is Verdict.CONSISTENT_AFTER_ROUNDING
    against_2703 = verdict_of("lkp_8pct_vs_february_2024", figures)
    assert against_2703.verdict is Verdict.DISCREPANCY
    assert against_2703.difference == pytest.approx(0.748798, abs=1e-6)


def test_almost_six_percent(figures):
    # 160 / 2727 = 5.87 %: just under 6, as 'nästan' says
    assert verdict_of("lkp_almost_6pct", figures).verdict is Verdict.CONSISTENT_AFTER_ROUNDING


def test_strangnas_2020_two_sources_disagree_by_10_2_million(figures):
    result = verdict_of("str_paid_2020_vs_official", figures)
    assert result.verdict is Verdict.DISCREPANCY
    assert result.difference == pytest.approx(10.2)


def test_per_household_amount_allows_for_rounded_inputs(figures):
    # Strängnäs 2019: 45 357 thousand SEK / 842 = 53 868.17, stated 53 869; the amount may be
    # 45 357.5 thousand, which gives 53 868.77: within the rounding of the inputs
    result = verdict_of("str_perhh_2019", figures)
    assert result.verdict is Verdict.CONSISTENT_AFTER_ROUNDING


@pytest.mark.parametrize("stated, recomputed, decimals, qualifier, expected", [
    (10, 10, 0, "exact", Verdict.CONSISTENT),
    (35, 34.5, 0, "exact", Verdict.CONSISTENT_AFTER_ROUNDING),  # half rounds up
    (35, 34.49, 0, "exact", Verdict.DISCREPANCY),
    (6, 5.87, 0, "almost", Verdict.CONSISTENT_AFTER_ROUNDING),
    (6, 6.2, 0, "almost", Verdict.DISCREPANCY),  # 'nästan 6' cannot be above 6
    (10.6, 10.64, 1, "more_than", Verdict.CONSISTENT_AFTER_ROUNDING),
    (10.6, 10.56, 1, "more_than", Verdict.DISCREPANCY),  # 'drygt' cannot be below
    (10, 12, 0, "at_least", Verdict.CONSISTENT_AFTER_ROUNDING),
    (10, 9, 0, "at_least", Verdict.DISCREPANCY),
    (206000, 206479, -3, "exact", Verdict.CONSISTENT_AFTER_ROUNDING),
    (5, None, 0, "exact", Verdict.NOT_VERIFIABLE),
])
def test_judge(stated, recomputed, decimals, qualifier, expected):
    assert judge(stated, recomputed, decimals, qualifier) is expected


def test_round_half_up():
    assert round_half_up(34.5, 0) == 35  # Python's round() would give 34
    assert round_half_up(-34.5, 0) == -35
    assert round_half_up(206500, -3) == 207000


def test_ledger_has_one_row_per_claim_with_provenance():
    table = ledger()
    assert len(table) == len(CLAIMS)
    assert table["claim_id"].is_unique
    row = table.set_index("claim_id").loc["str_longterm_fall_pct"]
    assert row["publisher"] == "Strängnäs kommun"
    assert row["words"] == "en minskning på hela 35 procent"


def test_claims_are_found_by_id_and_an_unknown_id_is_named():
    from bistand.claims import assess_claim, claim_by_id

    assert claim_by_id("str_longterm_fall_pct").figure_id == "str_lt_pct_2021_01_2021_12_str2022web"
    assert assess_claim("lkp_almost_6pct", Figures()).verdict is Verdict.CONSISTENT_AFTER_ROUNDING
    with pytest.raises(KeyError, match="no claim 'str_nothing'"):
        claim_by_id("str_nothing")
