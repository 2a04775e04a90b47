"""The cost chapter (chapters/costs.ipynb): its table, its three charts and its headline values, against values
worked out by hand from the sources.

Where the inputs stand (data/figures_primary.csv unless said otherwise):
- Strängnäs's article (str2022web): 2020 paid "38,1 miljoner kronor", 2021 "26,7 miljoner kronor" (paragraph 6);
  forecast "runt 44,7 miljoner" (paragraph 7); "kostnadsbesparing på 12 miljoner från föregående år" (paragraph 3).
- Socialstyrelsen via Regionfakta (figures_reference.csv): Sweden paid 11 955 560 thousand SEK in 2020 (rf_sod_2021)
  and 11 656 186 in 2021 (rf_alv_2022), 10 765 475 in 2022 (rf_got_2023), 10 915 807 in 2024 (rf_got_2024);
  households 198 514 (2020), 182 328 (2021), 160 630 (2022), 145 456 (2024); per household 67 020 SEK (2022) and
  75 045 SEK (2024). Strängnäs paid 31 457 thousand SEK in 2017 (rf_sod_2018) and 48 300 in 2020 (rf_sod_2021),
  with 726 and 835 households.
- SCB's consumer price index, annual means (figures_reference.csv, scb_kpi): 2014 313.49, 2020 335.92,
  2021 343.19, 2023 403.70.
- Linköping: 232.8 million SEK and 4 161 households in 2014 (lkpposten); 285.6 million SEK and 3 078 households
  in 2023 (lkp_stat), "386 hushåll färre än året före" (lkp_stat), so 3 464 in 2022 (derived); 2013 derived
  from 2014 and the stated changes (233.22 million SEK).
- The Alliance (lkpalliance, paragraph 6): "nästan 300 färre hushåll", "2,5 mnkr i lägre kostnader per månad";
  lkp500: "500 arbetsmarknadsinriktade platser".
"""

from __future__ import annotations

import math

import pytest

from bistand.analysis import findings
from bistand.analysis.chapters import costs
from bistand.publishing.chapters import costs as cost_charts
from myst_markup import chapter_words


@pytest.fixture(scope="module")
def glued(figures):
    return costs.glued_values(figures)


def test_payment_changes_as_worked_out_by_hand(figures):
    changes = costs.payment_changes(figures).set_index(["where", "start", "end"])
    assert list(changes.index) == [
        ("Strängnäs (own figures)", 2020, 2021),
        ("Linköping", 2014, 2023),
        ("Linköping", 2022, 2023),
        ("Sweden", 2020, 2021),
        ("Sweden", 2022, 2024),
    ]
    # Strängnäs: 26.7 - 38.1 = -11.4; in 2021 prices 38.1 x 343.19 / 335.92 = 38.9246, 26.7 - 38.9246 = -12.2246.
    # No count for 2021: Socialstyrelsen's Strängnäs counts are for 2017, 2019 and 2020 only.
    row = changes.loc[("Strängnäs (own figures)", 2020, 2021)]
    assert math.isnan(row["households_change"]) and row["households_note"] == "no count for 2021"
    assert row["paid_change"] == pytest.approx(-11.4)
    assert row["paid_change_constant"] == pytest.approx(-12.2246, abs=1e-4)
    assert row["constant_note"] == "2021 prices"
    # Linköping 2014 -> 2023: 3078 - 4161 = -1083 households; 285.6 - 232.8 = +52.8 million SEK;
    # 232.8 x 403.70 / 313.49 = 299.7906, 285.6 - 299.7906 = -14.1906 in 2023 prices.
    row = changes.loc[("Linköping", 2014, 2023)]
    assert (row["households_change"], row["households_note"]) == (-1083, "")
    assert row["paid_change"] == pytest.approx(52.8)
    assert row["paid_change_constant"] == pytest.approx(-14.1906, abs=1e-4)
    # Linköping 2022 -> 2023: 3078 - 3464 = -386, the 2022 count derived; no amount for 2022.
    row = changes.loc[("Linköping", 2022, 2023)]
    assert (row["households_change"], row["households_note"]) == (-386, "2022 derived")
    assert math.isnan(row["paid_change"]) and row["paid_note"] == "no amount for 2022"
    assert math.isnan(row["paid_change_constant"]) and row["constant_note"] == "not available"
    # Sweden 2020 -> 2021: 182 328 - 198 514 = -16 186; 11 656.186 - 11 955.560 = -299.374 million SEK;
    # 11 955.560 x 343.19 / 335.92 = 12 214.303, 11 656.186 - 12 214.303 = -558.117.
    row = changes.loc[("Sweden", 2020, 2021)]
    assert row["households_change"] == -16_186
    assert row["paid_change"] == pytest.approx(-299.374)
    assert row["paid_change_constant"] == pytest.approx(-558.117, abs=1e-3)
    # Sweden 2022 -> 2024: 145 456 - 160 630 = -15 174; 10 915.807 - 10 765.475 = +150.332; no price index for 2024.
    row = changes.loc[("Sweden", 2022, 2024)]
    assert row["households_change"] == -15_174
    assert row["paid_change"] == pytest.approx(150.332)
    assert math.isnan(row["paid_change_constant"]) and row["constant_note"] == "2024 cannot be deflated"


def test_payment_changes_table_in_words(figures):
    table = cost_charts.payment_changes_table(costs.payment_changes(figures))
    assert table.index.names == ["Where", "Years"]
    assert list(table.index) == [
        ("Strängnäs (own figures)", "2020 → 2021"),
        ("Linköping", "2014 → 2023"),
        ("Linköping", "2022 → 2023"),
        ("Sweden", "2020 → 2021"),
        ("Sweden", "2022 → 2024"),
    ]
    assert list(table.columns) == [
        "Households at any time in the year",
        "Amount paid, current prices (million SEK)",
        "Amount paid, constant prices (million SEK)",
    ]
    # The values of the test above, in words.
    assert table.to_numpy().tolist() == [
        ["no count for 2021", "11.4 less", "12.2 less (2021 prices)"],
        ["1,083 fewer", "52.8 more", "14.2 less (2023 prices)"],
        ["386 fewer (2022 derived)", "no amount for 2022", "not available"],
        ["16,186 fewer", "299.4 less", "558.1 less (2021 prices)"],
        ["15,174 fewer", "150.3 more", "2024 cannot be deflated"],
    ]


# --- Linköping's amounts ----------------------------------------------------------------------------------


def test_linkoping_payments_as_worked_out_by_hand(figures, glued):
    lkp = findings.linkoping_payments(figures)
    assert lkp.current.to_dict("list") == {
        "year": [2013, 2014, 2023],
        "value": [233.22, 232.8, 285.6],
        "status": ["derived", "verbatim", "verbatim"],
    }
    # In 2023 prices: 2013 233.22 x 403.70 / 314.06 = 299.7864; 2014 232.8 x 403.70 / 313.49 = 299.7906; 2023 unchanged.
    assert lkp.constant["value"].tolist() == pytest.approx([299.7864, 299.7906, 285.6], abs=1e-4)
    assert lkp.constant["status"].tolist() == ["derived", "verbatim", "verbatim"]
    # Prices 403.70 / 313.49 = +28.776 %. (The rise and fall the page pastes from the Linköping chapter are checked by
    # test_chapter_linkoping::test_spending_in_current_and_constant_prices and test_annual_values.)
    assert glued["cost_cpi_rise_2014_2023_pct"] == pytest.approx(28.776, abs=1e-3)
    assert lkp.sources == ("lkpposten", "lkp_stat", "scb_kpi")


def test_linkoping_payments_chart_draws_both_series_and_says_so(figures):
    spec = cost_charts.linkoping_payments_chart(findings.linkoping_payments(figures)).to_dict()
    rows = next(iter(spec["datasets"].values()))
    drawn = {(r["series"], r["year"]): r["value"] for r in rows if r["value"] is not None}
    assert drawn == pytest.approx(
        {
            ("Current prices", 2013): 233.22,
            ("Current prices", 2014): 232.8,
            ("Current prices", 2023): 285.6,
            ("Constant 2023 prices", 2013): 299.7864,
            ("Constant 2023 prices", 2014): 299.7906,
            ("Constant 2023 prices", 2023): 285.6,
        },
        abs=1e-4,
    )
    # 2015 to 2022 are empty rows, so the lines break there.
    assert {r["year"] for r in rows if r["value"] is None} == set(range(2015, 2023))
    title = spec["layer"][0]["title"]["text"]
    assert "23 percent more" in title and "5 percent less in constant prices" in title
    assert "Linköpings-Posten" in spec["layer"][0]["title"]["subtitle"]
    description = spec["description"]
    assert "in 2013, 2014, 2023" in description and "2015 to 2022, so the lines break" in description
    assert "The 2013 amount is derived" in description


# --- Strängnäs: a saving against what? --------------------------------------------------------------------


def test_strangnas_yardsticks_as_worked_out_by_hand(figures, glued, chapter_values):
    saving = findings.strangnas_saving(figures)
    # Against 2020: 38.1 - 26.7 = 11.4. In 2021 prices: 38.9246 - 26.7 = 12.2246.
    # At the national rate: 38.1 x 11 656 186 / 11 955 560 = 38.1 x 0.974959 = 37.1460; 37.1460 - 26.7 = 10.4460.
    # Against the forecast: 44.7 - 26.7 = 18.0.
    assert list(saving.yardsticks) == [
        "Against 2020",
        "Against 2020, in 2021 prices",
        "Against 2020, at the national rate",
        "Against the forecast",
    ]
    assert list(saving.yardsticks.values()) == pytest.approx([11.4, 12.2246, 10.4460, 18.0], abs=1e-4)
    assert (saving.low, saving.high) == ("Against 2020, at the national rate", "Against the forecast")
    assert chapter_values["nat_str_expected_2021"] == pytest.approx(37.1460, abs=1e-4)
    # National change 2020 -> 2021: -299 374 / 11 955 560 = -2.504 %.
    assert chapter_values["nat_se_paid_chg_2020_2021_pct"] == pytest.approx(-2.5041, abs=1e-4)
    # The stated 12 against the recomputed 11.4 (a discrepancy of 0.6, test_chapter_strangnas); 11.4 rounds to 11;
    # with the 2020 amount in 2021 prices: 38.1 x 343.19 / 335.92 = 38.9246 (scb_kpi); 38.9246 - 26.7 = 12.2246 -> 12
    assert glued["cost_str_vs_previous_real"] == pytest.approx(12.2246, abs=0.001)
    assert glued["cost_str_vs_previous_real_rounded"] == 12
    assert (glued["cost_str_low"], glued["cost_str_low_name"]) == (
        pytest.approx(10.4460, abs=1e-4),
        "against 2020, at the national rate",
    )
    assert (glued["cost_str_high"], glued["cost_str_high_name"]) == (pytest.approx(18.0), "against the forecast")
    assert glued["cost_str_forecast_qualifier"] == "approximately"
    assert saving.sources == ("str2022web", "rf_sod_2021", "rf_alv_2022", "scb_kpi")


def test_savings_chart_draws_the_stated_saving_and_four_yardsticks(figures):
    saving = findings.strangnas_saving(figures)
    spec = cost_charts.savings_chart(saving).to_dict()
    rows = next(iter(spec["datasets"].values()))
    # Each bar: stated 12 (outline); 38.1 - 26.7 = 11.4; 38.9246 - 26.7 = 12.2246; 37.1460 - 26.7 = 10.4460;
    # 44.7 - 26.7 = 18.0.
    assert [r["what"] for r in rows] == [
        "Stated, in the article",
        "Against 2020",
        "Against 2020, in 2021 prices",
        "Against 2020, at the national rate",
        "Against the forecast",
    ]
    assert [r["million_sek"] for r in rows] == pytest.approx([12.0, 11.4, 12.2246, 10.4460, 18.0], abs=1e-4)
    assert [r["kind"] for r in rows] == ["Stated by the municipality (not recomputed)"] + ["Recomputed by the book"] * 4
    assert spec["encoding"]["fill"]["scale"]["range"] == ["#ffffff", "#b3541e"]  # the stated saving is an outline
    assert "from 10.4 to 18.0 million SEK" in spec["title"]["text"]
    for figure in (
        "the stated 12 million SEK",
        "11.4 million against 2020",
        "12.2 million against 2020 in 2021",
        "10.4 million against 2020 moved at the national rate",
        "18.0 million against the forecast of about 44.7 million",
    ):
        assert figure in spec["description"]
    assert spec["description"].startswith("Bar chart of five figures")


def test_strangnas_forecast_beside_each_2020_amount_from_its_own_source(figures, glued):
    # Forecast 44.7 against the article's 2020 amount: 44.7 / 38.1 = 1.17323, 17.32 % higher (str2022web);
    # against Socialstyrelsen's 2020 amount: 44.7 / 48.3 = 0.92547, 7.45 % lower (rf_sod_2021).
    # Socialstyrelsen alone: 31.457 -> 48.300 million SEK = +53.54 %, (48.300 / 31.457)^(1/3) = 1.15366, +15.37 % a
    # year; households 726 -> 835 = +15.01 %. The forecast is not set against that pace (another source's).
    assert glued["cost_str_forecast_vs_own_2020_pct"] == pytest.approx(17.3228, abs=1e-4)
    assert glued["cost_str_forecast_vs_own_2020"] == "higher"
    assert glued["cost_str_forecast_vs_official_2020_pct"] == pytest.approx(7.4534, abs=1e-4)
    assert glued["cost_str_forecast_vs_official_2020"] == "lower"
    assert "cost_str_forecast_vs_own" not in glued and "cost_str_forecast_growth" not in glued
    # (The Strängnäs figures themselves are checked by test_chapter_strangnas::test_headline_values_as_worked_out_by_hand.)


# --- Linköping: the statement, and the what-if ------------------------------------------------------------


def test_linkoping_statement_as_worked_out_by_hand(figures, glued):
    # 2 500 000 / 300 = 8 333.33 SEK per household per month (test_chapter_linkoping); / 250 = 10 000; 2.5 x 12 = 30
    # million a year.
    assert glued["cost_lkp_cost_pm_low"] == pytest.approx(10_000)
    assert glued["cost_lkp_annual_statement"] == pytest.approx(30.0)
    assert glued["cost_lkp_low"] == 250
    statement = costs.linkoping_statement(figures)
    assert statement.households_qualifier == "almost"
    # The text says the ledger "marks both as" one verdict: the two must agree.
    assert (
        statement.verdict_fewer_households
        == glued["cost_lkp_verdict_monthly_saving"]
        == "not verifiable from the data shipped"
    )
    # 386 x 8 333.33 x 12 = 38.6 million SEK; 285.6 million / 3078 = 92 787.52 SEK a household a year (7 732.29 a
    # month); 386 x 92 787.52 = 35.816 million SEK. (386, 3 078 and 500 places: test_chapter_linkoping.)
    assert glued["cost_lkp_illustration"] == pytest.approx(38.6)
    assert statement.paid_per_household_2023 / 12 == pytest.approx(7_732.29, abs=1e-2)
    assert glued["cost_lkp_same_measure"] == pytest.approx(35.816, abs=1e-3)
    # Nearest national years to 2023: 2022 and 2024; 92 787.52 / 67 020 = 1.3845, / 75 045 = 1.2364.
    assert glued["cost_se_perhh_years"] == "2022 and 2024"
    assert glued["cost_se_perhh_near"] == "67,020 and 75,045"
    assert glued["cost_lkp_perhh_above_pct"] == "38 and 24"


def test_sensitivity_frame_as_worked_out_by_hand(figures, glued):
    sens = costs.sensitivity(costs.linkoping_statement(figures))
    frame = sens.frame()
    assert frame["fewer_households"].tolist() == list(range(250, 301))
    # 386 x 2 500 000 / n x 12 / 1e6: n = 300 -> 38.6; n = 250 -> 46.32; n = 275 -> 42.1091.
    values = dict(zip(frame["fewer_households"], frame["million_sek_per_year"], strict=False))
    assert values[300] == pytest.approx(38.6)
    assert values[250] == pytest.approx(46.32)
    assert values[275] == pytest.approx(42.1091, abs=1e-4)
    assert frame["million_sek_per_year"].is_monotonic_decreasing
    # One month: 386 x 8 333.33 = 3.2167 million; six: 19.3; the stated 300 over 250 is 20 % more.
    assert glued["cost_sens_one_month"] == pytest.approx(3.21667, abs=1e-5)
    assert glued["cost_sens_six_months"] == pytest.approx(19.3)
    assert glued["cost_sens_top"] == pytest.approx(46.32)
    assert glued["cost_sens_ratio_n"] == pytest.approx(0.2)
    assert sens.y_max == 50


def test_sensitivity_chart_draws_the_frame_in_the_browser(figures):
    sens = costs.sensitivity(costs.linkoping_statement(figures))
    spec = cost_charts.sensitivity_chart(sens).to_dict()
    expression = spec["layer"][0]["transform"][0]["calculate"]
    assert expression == "386.0 * 2500000.0 / datum.fewer_households * months_paid / 1e6"
    # The browser's expression, at the slider's default (12 months), gives the frame's values.
    rows = next(iter(spec["datasets"].values()))
    assert [r["fewer_households"] for r in rows] == list(range(250, 301))
    for row, expected in zip(rows, sens.frame()["million_sek_per_year"], strict=False):
        drawn = eval(
            expression.replace("datum.fewer_households", str(row["fewer_households"])).replace("months_paid", "12")
        )  # noqa: S307 - the spec's own arithmetic
        assert drawn == pytest.approx(expected)
    assert spec["params"][0]["value"] == 12 and spec["params"][0]["bind"]["max"] == 12
    assert spec["layer"][0]["encoding"]["y"]["scale"]["domain"] == [0, 50]
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == [250.0, 300.0]
    assert "386 fewer households" in spec["layer"][0]["title"]["text"]
    assert "250 to 300 fewer households" in spec["description"] and "(1 to 12)" in spec["description"]
    assert spec["description"].endswith("at 12 months and 300 households the value is 38.6 million SEK a year.")


# --- The glue -------------------------------------------------------------------------------------------------


def test_the_chapter_text_refers_only_to_glued_names(glued):
    from conftest import ROOT
    from myst_markup import glue_uses, page_markdown

    # The page's own names; a figure pasted from another chapter ({glue:text}`other.ipynb::name`) is that chapter's.
    uses = glue_uses(page_markdown(ROOT / "chapters" / "costs.ipynb"))
    referenced = {use.name for use in uses if not use.page}
    assert referenced and referenced <= set(glued)


def test_forecast_direction_words():
    from bistand.analysis.findings import StrangnasForecast

    assert [StrangnasForecast.direction(p) for p in (-0.1, 0.0, 0.1)] == ["lower", "no different", "higher"]


def test_chapter_words_claim_no_more_than_the_figures():
    """Strängnäs's method is its claim; the forecast is read against each source's 2020 amount; Linköping's spending
    in both prices (issue 17)."""
    text = chapter_words("costs.ipynb")
    assert "Strängnäs says it reached its result by adding social workers" in text
    assert "Strängnäs reached its result" not in text
    assert "its own earlier pace" not in text and "keep rising" not in text
    assert "each from its own source" in text
    assert "Linköping paid more in 2023 than in 2014 in current prices, and less in constant prices" in text
