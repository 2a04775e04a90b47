"""Each metric against values worked out by hand from the sources."""

import pytest

from bistand.analysis import metrics


def test_strangnas_payments_fell_by_11_4_million():
    # str2022web: 38,1 (2020) and 26,7 (2021) million SEK
    assert metrics.change(38.1, 26.7) == pytest.approx(-11.4)
    assert metrics.saving_against_previous(38.1, 26.7) == pytest.approx(11.4)
    assert metrics.percent_change(38.1, 26.7) == pytest.approx(-29.92126, abs=1e-5)  # 11.4 / 38.1


def test_strangnas_longterm_fall_is_34_98_percent():
    # 203 -> 132 households: 71 / 203 = 0.349754...
    assert metrics.percent_change(203, 132) == pytest.approx(-34.97537, abs=1e-5)


def test_saving_against_forecast_is_18_million():
    assert metrics.saving_against_forecast(44.7, 26.7) == pytest.approx(18.0)


def test_linkoping_january_2021_from_stated_change():
    # lkp2024pr: 2087 in January 2024, 616 fewer than January 2021
    assert metrics.level_before(2087, -616) == 2703


def test_implied_cost_per_household_per_month():
    # lkpalliance: 2,5 mnkr lower cost per month for (nearly) 300 fewer households
    assert metrics.implied_cost_per_household_per_month(-2_500_000, -300) == pytest.approx(8333.3333, rel=1e-7)
    with pytest.raises(ZeroDivisionError):
        metrics.implied_cost_per_household_per_month(-2_500_000, 0)


def test_constant_prices_with_kpi():
    # 38,1 million in 2020 in 2021 prices: 38.1 * 343.19 / 335.92 = 38.9245...
    cpi = {2020: 335.92, 2021: 343.19}
    assert metrics.in_constant_prices(38.1, 2020, 2021, cpi) == pytest.approx(38.92456, abs=1e-5)
    with pytest.raises(KeyError, match="no consumer price index for \\[2024\\]"):
        metrics.in_constant_prices(1.0, 2024, 2021, cpi)


def test_index_to_base():
    assert metrics.index_to_base({2020: 835, 2019: 842}, 2019) == pytest.approx({2019: 100.0, 2020: 99.16865}, abs=1e-5)


def test_share_of_fall_at_national_rate():
    # Local 100 -> 80; nation 200 -> 180 (-10 %): at the national rate the local level would be 90,
    # so 10 of the 20 fewer, 50 %, would have happened anyway.
    assert metrics.expected_at_national_rate(100, 200, 180) == pytest.approx(90)
    assert metrics.share_of_fall_at_national_rate(100, 80, 200, 180) == pytest.approx(50)


def test_percent_change_from_zero_is_an_error():
    with pytest.raises(ZeroDivisionError):
        metrics.percent_change(0, 5)


def test_strangnas_saving_against_the_national_rate_is_10_45_million():
    # 38.1 x 11 656 186 / 11 955 560 = 37.14596 expected in 2021; 37.14596 - 26.7 = 10.44596
    assert metrics.saving_against_national_rate(38.1, 26.7, 11_955_560, 11_656_186) == pytest.approx(10.44596, abs=1e-5)


def test_forecast_implies_17_3_percent_growth_and_strangnas_grew_15_4_percent_a_year_2017_2020():
    # 44.7 / 38.1 = 1.173228; Socialstyrelsen: 31 457 -> 48 300 thousand SEK, (1.535429)^(1/3) = 1.153650
    assert metrics.percent_change(38.1, 44.7) == pytest.approx(17.3228, abs=1e-4)
    assert metrics.annual_growth_rate(31_457, 48_300, 3) == pytest.approx(15.3650, abs=1e-3)
    assert metrics.annual_growth_rate(100, 121, 2) == pytest.approx(10.0)
    with pytest.raises(ValueError, match="positive levels"):
        metrics.annual_growth_rate(0, 1, 1)


def test_linkoping_2023_amount_per_household_is_92_788_sek():
    # lkp_stat: 285,6 Mkr over 3 078 households
    assert metrics.amount_per_household(285.6, 3078) == pytest.approx(92787.52, abs=0.01)


def test_nearest_years_gives_both_neighbours_at_a_tie():
    assert metrics.nearest_years([2017, 2019, 2020, 2021, 2022, 2024], 2023) == [2022, 2024]
    assert metrics.nearest_years([2017, 2019], 2020) == [2019]


def test_value_of_household_change_linkoping_illustration():
    # 2.5 million SEK / 300 households = 8 333.33 SEK a month; x 12 = 100 000 SEK a year per household;
    # 386 fewer households x 100 000 = 38 600 000 SEK, negative because the households fell.
    cost = metrics.implied_cost_per_household_per_month(-2.5e6, -300)  # test_implied_cost_per_household_per_month
    assert metrics.value_of_household_change(-386, cost, 12) == pytest.approx(-38_600_000)
    assert metrics.value_of_household_change(-386, cost) == pytest.approx(-38_600_000)  # twelve months by default
    # One month: 386 x 8 333.33 = 3 216 666.67 SEK.
    assert metrics.value_of_household_change(-386, cost, 1) == pytest.approx(-3_216_666.67, rel=1e-8)
    # 250 households behind the statement: 10 000 SEK a month; 386 x 10 000 x 12 = 46 320 000 SEK.
    assert metrics.value_of_household_change(
        -386, metrics.implied_cost_per_household_per_month(-2.5e6, -250), 12
    ) == pytest.approx(-46_320_000)


def test_series_in_constant_prices_skips_years_without_an_index():
    # Strängnäs 2020: 38.1 x 343.19 / 335.92 = 38.1 x 1.021642 = 38.9246 million SEK in 2021 prices.
    result = metrics.series_in_constant_prices({2020: 38.1, 2021: 26.7, 2024: 10.0}, 2021, {2020: 335.92, 2021: 343.19})
    assert set(result) == {2020, 2021}  # 2024 has no index: left out, not extrapolated
    assert result[2020] == pytest.approx(38.9246, abs=1e-4)
    assert result[2021] == pytest.approx(26.7)
    with pytest.raises(KeyError):
        metrics.series_in_constant_prices({2020: 1.0}, 2024, {2020: 335.92, 2021: 343.19})
