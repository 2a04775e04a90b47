"""The chapter "Against the national trend": Sweden's households and amounts paid, each municipality indexed
beside the nation, and each municipality's fall beside a change at the national rate (a share it equals, not a cause).

The comparisons with the national rate (percent changes, shares, gaps, the words that weigh them) are the shared
findings the summaries read too (:mod:`bistand.analysis.findings`), so the chapter and the summaries cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from bistand.analysis import judgements
from bistand.analysis.claims import Verdict, assess_claim
from bistand.analysis.findings import (
    comparison_levels,
    comparisons,
    linkoping_monthly,
    national_timing,
    strangnas_households_before,
)
from bistand.analysis.metrics import (
    in_constant_prices,
    indexed_frame,
    percent_change,
    series_in_constant_prices,
    share_of_fall_after,
    share_of_fall_at_national_rate,
)
from bistand.data.formats import join_words, swedish_twins
from bistand.data.load import SOCIALSTYRELSEN, Figures

RIKET = "Riket (Sweden)"
HOUSEHOLDS = "households_any_time_year"
#: The year after which the national fall turned fast (the chapter's turning point).
TURN = 2020
#: Base years of the indexed comparisons: Strängnäs's first official count; Linköping's first published,
#: not derived, count.
STR_BASE, LKP_BASE = 2017, 2014
#: The comparisons of the table, in its order (keys of :func:`bistand.analysis.findings.comparisons`).
TABLE_ORDER = ["str", "long", "short"]


@dataclass(frozen=True)
class NationalHouseholds:
    """Socialstyrelsen's count of households with assistance at any time in the year, Sweden (via Regionfakta)."""

    frame: pd.DataFrame  # year, value, status
    skr_2018: float  # SKR's rounded 2018 figure, as a newspaper quotes it
    skr_2018_verdict: str  # the claims ledger's verdict on it

    @property
    def series(self) -> pd.Series:
        """Households by year."""
        return self.frame.set_index("year")["value"]

    @property
    def first_year(self) -> int:
        return int(self.series.index.min())

    @property
    def last_year(self) -> int:
        return int(self.series.index.max())

    @property
    def peak_year(self) -> int:
        return int(self.series.idxmax())

    @property
    def positional_years(self) -> list[int]:
        """Years whose value is read by position from an unlabelled list."""
        return self.frame.loc[self.frame["status"] == "positional", "year"].tolist()

    @property
    def fall_pct(self) -> float:
        """Fall (percent, positive) from the first to the last year."""
        return -percent_change(self.series[self.first_year], self.series[self.last_year])

    @property
    def share_after_turn(self) -> float:
        """Percent of the fall from the first to the last year that came after :data:`TURN`."""
        hh = self.series
        return share_of_fall_after(hh[self.first_year], hh[TURN], hh[self.last_year])

    def chart_frame(self) -> pd.DataFrame:
        """The frame the chart draws: year, value, status and the series name."""
        return self.frame.assign(series=RIKET)


def national_households(figures: Figures) -> NationalHouseholds:
    """Sweden's annual household count and SKR's 2018 figure beside it."""
    return NationalHouseholds(
        figures.annual_frame("0000", HOUSEHOLDS, SOCIALSTYRELSEN),
        figures.value("se_hh_2018_bt_skr_2018"),
        assess_claim("se_206000_households_2018", figures).verdict.value,
    )


def _with_constant_prices(
    frame: pd.DataFrame, real: dict[int, float], base_year: int, scale: float = 1.0
) -> pd.DataFrame:
    """A frame in current prices and its values in constant prices stacked, as series "Current prices" and
    "Constant BASE prices", each value divided by ``scale`` and keeping its status."""
    status = frame.set_index("year")["status"]
    return pd.concat(
        [
            frame.assign(value=frame["value"] / scale, series="Current prices"),
            pd.DataFrame(
                {
                    "year": list(real),
                    "value": [v / scale for v in real.values()],
                    "status": [status.at[y] for y in real],
                    "series": f"Constant {base_year} prices",
                }
            ),
        ]
    )


@dataclass(frozen=True)
class NationalAmounts:
    """The amounts Sweden paid (million SEK, annual tables only) and paid per inhabitant (SEK), in current prices
    and in constant prices of the last year with a price index."""

    paid: pd.DataFrame  # year, value (million SEK), status
    per_inhabitant: pd.DataFrame  # year, value (SEK), status
    cpi: dict[int, float]  # consumer price index, annual means

    @property
    def base_year(self) -> int:
        """Constant prices are those of the last year with a price index."""
        return max(self.cpi)

    @property
    def paid_series(self) -> pd.Series:
        return self.paid.set_index("year")["value"]

    @property
    def per_inhabitant_series(self) -> pd.Series:
        return self.per_inhabitant.set_index("year")["value"]

    @property
    def paid_real(self) -> dict[int, float]:
        """Amounts paid in constant prices (million SEK); years without a price index are left out."""
        return series_in_constant_prices(self.paid_series.to_dict(), self.base_year, self.cpi)

    @property
    def per_inhabitant_real(self) -> dict[int, float]:
        """Amounts per inhabitant in constant prices (SEK)."""
        return series_in_constant_prices(self.per_inhabitant_series.to_dict(), self.base_year, self.cpi)

    @property
    def positional_years(self) -> list[int]:
        """Years whose amount per inhabitant is read by position from an unlabelled list."""
        return self.per_inhabitant.loc[self.per_inhabitant["status"] == "positional", "year"].tolist()

    @property
    def missing_years(self) -> list[int]:
        """Years between the first and the last amount paid that have none (no annual table)."""
        years = self.paid_series.index
        return [y for y in range(int(years.min()), int(years.max()) + 1) if y not in years]

    @property
    def not_deflated(self) -> list[int]:
        """Years with an amount paid but no price index."""
        return [y for y in self.paid_series.index if y not in self.cpi]

    def per_inhabitant_frame(self) -> pd.DataFrame:
        """The per-inhabitant chart's frame: current and constant prices (SEK)."""
        return _with_constant_prices(self.per_inhabitant, self.per_inhabitant_real, self.base_year)

    def paid_frame(self) -> pd.DataFrame:
        """The amounts chart's frame: current and constant prices, in billion SEK."""
        return _with_constant_prices(self.paid, self.paid_real, self.base_year, scale=1000)


def national_amounts(figures: Figures) -> NationalAmounts:
    """Sweden's amounts paid and per inhabitant from Socialstyrelsen, with the consumer price index."""
    return NationalAmounts(
        figures.annual_frame("0000", "amount_paid_year", SOCIALSTYRELSEN),
        figures.annual_frame("0000", "amount_paid_per_inhabitant_year", SOCIALSTYRELSEN),
        figures.annual_series("0000", "cpi_annual_mean").to_dict(),
    )


@dataclass(frozen=True)
class BesideNation:
    """A municipality's households and the nation's, both indexed to one base year (= 100), over the municipality's
    years from its first to its last."""

    municipality: str
    base_year: int
    levels: pd.DataFrame  # the municipality's year, value, status
    own: pd.DataFrame  # its index (year, value, status, series)
    national: pd.DataFrame  # the nation's index over the same span

    @property
    def own_index(self) -> pd.Series:
        return self.own.set_index("year")["value"]

    @property
    def national_index(self) -> pd.Series:
        return self.national.set_index("year")["value"]

    @property
    def years(self) -> list[int]:
        """The years the municipality has a count for."""
        return list(self.levels["year"])

    @property
    def gap_years(self) -> list[int]:
        """Years between the municipality's first and last count that have none (its line breaks there)."""
        return [y for y in range(min(self.years), max(self.years) + 1) if y not in self.years]

    def chart_frame(self) -> pd.DataFrame:
        """The frame the chart draws: the nation first, the municipality on top."""
        return pd.concat([self.national, self.own])


def beside_nation(figures: Figures, municipality_code: str, municipality: str, base_year: int) -> BesideNation:
    """A municipality's household counts and the nation's, indexed to ``base_year`` = 100."""
    levels = figures.annual_frame(municipality_code, HOUSEHOLDS)
    nation = figures.annual_frame("0000", HOUSEHOLDS, SOCIALSTYRELSEN)
    span = range(int(levels["year"].min()), int(levels["year"].max()) + 1)
    return BesideNation(
        municipality,
        base_year,
        levels,
        indexed_frame(levels, base_year, municipality),
        indexed_frame(nation, base_year, RIKET, span),
    )


def strangnas(figures: Figures) -> BesideNation:
    """Strängnäs beside the nation, 2017 = 100."""
    return beside_nation(figures, "0486", "Strängnäs", STR_BASE)


def linkoping(figures: Figures) -> BesideNation:
    """Linköping beside the nation, 2014 = 100."""
    return beside_nation(figures, "0580", "Linköping", LKP_BASE)


def strangnas_share_in_constant_prices(figures: Figures) -> float:
    """Share of Strängnäs's 2020 -> 2021 fall in payments at the national rate, with both 2020 amounts (its own
    and the nation's) first put in 2021 prices."""
    cpi = figures.annual_series("0000", "cpi_annual_mean").to_dict()
    levels = comparison_levels(figures)["str"]
    y0, y1 = levels.years
    return share_of_fall_at_national_rate(
        in_constant_prices(levels.own_before, y0, y1, cpi),
        levels.own_after,
        in_constant_prices(levels.national_before, y0, y1, cpi),
        levels.national_after,
    )


#: How each comparison of the table is named: key -> (municipality, measure).
TABLE_ROWS = {
    "str": ("Strängnäs", "million SEK paid"),
    "long": ("Linköping", "households"),
    "short": ("Linköping", "households"),
}


def at_national_rate_table(figures: Figures) -> pd.DataFrame:
    """One row per comparison, in :data:`TABLE_ORDER`: the municipality's levels before and after, the nation's
    change (percent), the municipality's expected level at the national rate and the share of its fall that rate
    makes up (the shared findings'), and whether a level is derived or the nation's change ends in a value read by position."""
    changes = {c.key: c for c in comparisons(figures)}
    levels = comparison_levels(figures)
    lkp = figures.annual_frame("0580", HOUSEHOLDS).set_index("year")["status"]
    nation = figures.annual_frame("0000", HOUSEHOLDS, SOCIALSTYRELSEN).set_index("year")["status"]
    paid = figures.annual_frame("0000", "amount_paid_year", SOCIALSTYRELSEN).set_index("year")["status"]
    strangnas_paid = {
        2020: "str_paid_2020_str2022web",
        2021: "str_paid_2021_str2022web",
    }  # as comparison_levels reads them
    own_status = {"str": {y: figures.row(i)["status"] for y, i in strangnas_paid.items()}, "long": lkp, "short": lkp}
    national_status = {"str": paid, "long": nation, "short": nation}
    rows = []
    for key in TABLE_ORDER:
        level, (y0, y1) = levels[key], levels[key].years
        municipality, measure = TABLE_ROWS[key]
        rows.append(
            {
                "key": key,
                "municipality": municipality,
                "measure": measure,
                "year_before": y0,
                "year_after": y1,
                "before": level.own_before,
                "after": level.own_after,
                "national_change_pct": changes[key].national,
                "expected": level.expected_after,
                "share": level.share,
                "before_derived": own_status[key][y0] == "derived",
                "after_derived": own_status[key][y1] == "derived",
                "national_positional": "positional" in {national_status[key][y0], national_status[key][y1]},
            }
        )
    return pd.DataFrame(rows)


def glued_values(figures: Figures) -> dict[str, float | str]:
    """Every value the chapter glues, by name."""
    out: dict[str, float | str] = {}

    # Sweden's households.
    se = national_households(figures)
    hh = se.series
    out["nat_hh_first"] = hh[se.first_year]
    out["nat_hh_peak"] = hh[se.peak_year]
    out["nat_hh_peak_year"] = str(se.peak_year)
    out["nat_hh_fall_pct"] = se.fall_pct
    for year in (2020, 2021, 2022, 2023, 2024):
        out[f"nat_hh_{year}"] = hh[year]
    out["nat_hh_fall_2020_2023_pct"] = -percent_change(hh[2020], hh[2023])
    record = judgements.record(hh.to_dict(), se.last_year)
    record = record or judgements.Words("not a record low", "inte den lägsta i serien", "record")
    out["nat_hh_last_record"] = record.en
    sv: dict[str, str] = {"nat_hh_last_record": record.sv}
    out["nat_hh_2018_sos"] = hh[2018]
    out["nat_hh_2018_skr"] = se.skr_2018
    out["nat_hh_2018_verdict"] = se.skr_2018_verdict
    sv["nat_hh_2018_verdict"] = Verdict(se.skr_2018_verdict).sv
    out["nat_hh_positional_years"] = join_words(se.positional_years)
    sv["nat_hh_positional_years"] = join_words(se.positional_years, "sv")
    out["nat_hh_share_after_2020"] = se.share_after_turn

    # Amounts paid, current and constant prices.
    am = national_amounts(figures)
    paid, paid_real = am.paid_series, am.paid_real
    per_inh, per_inh_real = am.per_inhabitant_series, am.per_inhabitant_real
    out["nat_paid_years"] = join_words(list(paid.index))
    sv["nat_paid_years"] = join_words(list(paid.index), "sv")
    out["nat_cpi_first"] = str(min(am.cpi))
    out["nat_cpi_last"] = str(max(am.cpi))
    out["nat_base_year"] = str(am.base_year)
    for year in (2017, 2020, 2022, 2024):
        out[f"nat_paid_{year}_bn"] = paid[year] / 1000
    for year in (2020, 2022):
        out[f"nat_paid_{year}_real_bn"] = paid_real[year] / 1000
    out["nat_paid_real_fall_2020_2022_pct"] = -percent_change(paid_real[2020], paid_real[2022])
    out["nat_paid_fall_2020_2022_pct"] = -percent_change(paid[2020], paid[2022])
    out["nat_pi_first"] = per_inh[se.first_year]
    out["nat_pi_last"] = per_inh[se.last_year]
    out["nat_pi_2020"] = per_inh[2020]
    out["nat_pi_2023"] = per_inh[2023]
    out["nat_pi_first_real"] = per_inh_real[se.first_year]
    out["nat_pi_real_fall_pct"] = -percent_change(per_inh_real[se.first_year], per_inh_real[am.base_year])
    out["nat_pi_positional_years"] = join_words(am.positional_years)
    sv["nat_pi_positional_years"] = join_words(am.positional_years, "sv")
    out["nat_other_2015_bn"] = figures.value("se_paid_2015_sos_stat") / 1000
    out["nat_other_2016_bn"] = figures.value("se_paid_2016_skl_fakta") / 1000
    out["nat_other_2018_bn"] = figures.value("se_paid_2018_bt_skr_2018") / 1000

    # The municipalities indexed beside the nation.
    st, lk = strangnas(figures), linkoping(figures)
    out["nat_lkp_stated_fall_2013_2014"] = -figures.value("lkp_hh_chg_2013_2014_lkpposten")
    out["nat_str_idx_2019"] = st.own_index[2019]
    out["nat_str_idx_2020"] = st.own_index[2020]
    out["nat_se_idx_2020_b2017"] = st.national_index[2020]
    for year in (2013, 2022, 2023):
        out[f"nat_lkp_idx_{year}"] = lk.own_index[year]
        out[f"nat_se_idx_{year}_b2014"] = lk.national_index[year]

    # At the national rate: the shared comparisons, shares and gaps (the summaries show them too), and their levels.
    changes = {c.key: c for c in comparisons(figures)}
    levels = comparison_levels(figures)
    s = levels["str"]
    out["nat_se_paid_2020_tsek"] = s.national_before * 1000
    out["nat_se_paid_2021_tsek"] = s.national_after * 1000
    out["nat_se_paid_ratio_2020_2021"] = s.national_ratio
    out["nat_se_paid_chg_2020_2021_pct"] = changes["str"].national
    out["nat_str_expected_2021"] = s.expected_after
    out["nat_str_fall_at_national"] = s.fall_at_national_rate
    out["nat_str_share"] = s.share
    out["nat_str_share_real"] = strangnas_share_in_constant_prices(figures)

    long, short = levels["long"], levels["short"]
    out["nat_lkp_chg_2014_2023_pct"] = changes["long"].own
    out["nat_lkp_chg_2022_2023_pct"] = changes["short"].own
    out["nat_hh_2014"] = long.national_before
    out["nat_hh_ratio_2014_2023"] = long.national_ratio
    out["nat_hh_ratio_2022_2023"] = short.national_ratio
    out["nat_hh_chg_2014_2023_pct"] = changes["long"].national
    out["nat_hh_chg_2022_2023_pct"] = changes["short"].national
    out["nat_lkp_long_expected"] = long.expected_after
    out["nat_lkp_long_fall_at_national"] = long.fall_at_national_rate
    out["nat_lkp_long_share"] = long.share
    out["nat_lkp_long_distance"] = long.distance
    out["nat_lkp_short_expected"] = short.expected_after
    out["nat_lkp_short_fall_at_national"] = short.fall_at_national_rate
    out["nat_lkp_short_share"] = short.share
    out["nat_lkp_short_distance"] = short.distance

    # Linköping's monthly headline beside the national annual count, each in its own measure (no share computed).
    monthly = linkoping_monthly(figures)
    out["nat_hh_fall_2021_2024_pct"] = monthly.national_fall_pct

    # The words that weigh these comparisons, each from its rule (bistand.analysis.judgements), and the timing of the
    # nation's fall against the year of Linköping's programme.
    timing = national_timing(figures)
    words = {f"nat_lkp_{key}_vs_nation": levels[key].vs_nation for key in ("long", "short")}
    words |= {f"nat_lkp_{key}_end_position": levels[key].end_position for key in ("long", "short")}
    words["nat_str_vs_nation"] = s.vs_nation
    words["nat_str_hh_vs_nation_2017_2020"] = strangnas_households_before(figures).vs_nation
    words["nat_long_share_after_programme"] = timing.share_words
    out |= {name: w.en for name, w in words.items()}
    sv |= {name: w.sv for name, w in words.items()}
    out["nat_programme_year"] = timing.cut
    out["nat_long_steps_after_programme"] = timing.steps_after
    out["nat_long_steps"] = timing.steps
    return out | swedish_twins(sv)  # the Swedish edition's words, from the same rules, under ``_sv`` names
