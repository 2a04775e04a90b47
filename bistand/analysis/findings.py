"""The findings two or more pages share, each computed once from the data, in one place.

A chapter module (:mod:`bistand.analysis.chapters`) and the summary (:mod:`bistand.analysis.summary`) read what they
share from here and never from each other, so no two pages can show one quantity computed two ways:

- Linköping's amounts paid in current and constant prices (:func:`linkoping_payments`), and the nation's amount per
  inhabitant over the same years and prices beside them (:func:`spending_beside_nation`): the costs chapter, the
  Linköping chapter and the summaries;
- Strängnäs's saving against four yardsticks (:func:`strangnas_saving`), what its forecast implies
  (:func:`strangnas_forecast`) and its two amounts for 2020 (:func:`strangnas_2020_amounts`): the costs chapter, the
  chapter on assistance in Sweden, the national chapter and the summaries;
- each municipality's change beside the nation's (:func:`comparison_levels`, :func:`comparisons`,
  :func:`strangnas_households_before`), with the share of its fall a change at the national rate makes up and the
  words that weigh it; Linköping's monthly headline beside the nation's annual fall (:func:`linkoping_monthly`); and
  how the nation's fall divides at the year of Linköping's programme (:func:`national_timing`): the national chapter
  and the summaries.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd

from bistand.analysis import judgements
from bistand.analysis.claims import assess_claim
from bistand.analysis.judgements import Words
from bistand.analysis.metrics import (
    change,
    expected_at_national_rate,
    in_constant_prices,
    percent_change,
    saving_against_forecast,
    saving_against_national_rate,
    saving_against_previous,
    series_in_constant_prices,
    share_of_fall_at_national_rate,
)
from bistand.data.load import SOCIALSTYRELSEN, Figures, load_table

SWEDEN, STRANGNAS, LINKOPING = "0000", "0486", "0580"
PAID, HOUSEHOLDS = "amount_paid_year", "households_any_time_year"
CPI = "cpi_annual_mean"
#: Strängnäs's own figures: the municipality's article (amounts paid in 2020 and 2021, the forecast for 2021).
STR_ARTICLE = "str2022web"
#: Socialstyrelsen's statistics for Strängnäs (via Regionfakta), 2017 to 2020.
STR_SOCIALSTYRELSEN = ["rf_sod_2018", "rf_sod_2020", "rf_sod_2021"]
#: Linköping's amounts are compared from the first published year to the last.
LKP_FIRST, LKP_LAST = 2014, 2023
#: The two comparisons of Linköping's annual household count with the nation's: key -> (from, to).
LINKOPING_PERIODS = {"long": (2014, 2023), "short": (2022, 2023)}


def price_index(figures: Figures) -> dict[int, float]:
    """Statistics Sweden's consumer price index (KPI, annual means) by year."""
    return figures.annual_series(SWEDEN, CPI).to_dict()


@dataclass(frozen=True)
class LinkopingPayments:
    """Linköping's amounts paid (million SEK) in current prices and in ``last_year``'s prices, compared from
    ``first_year`` to ``last_year``."""

    current: pd.DataFrame  # year, value, status (verbatim or derived)
    constant: pd.DataFrame  # the same years and statuses, in last_year's prices
    households: pd.Series  # households at any time in the year, by year
    first_year: int
    last_year: int
    sources: tuple[str, ...]  # of the two amounts compared, then of the price index
    cpi_rise_pct: float  # prices, first_year -> last_year

    @property
    def paid_first(self) -> float:
        return self._value(self.current, self.first_year)

    @property
    def paid_last(self) -> float:
        return self._value(self.current, self.last_year)

    @property
    def paid_first_constant(self) -> float:
        """The first year's amount in the last year's prices."""
        return self._value(self.constant, self.first_year)

    @property
    def rise_current(self) -> float:
        return change(self.paid_first, self.paid_last)

    @property
    def rise_current_pct(self) -> float:
        return percent_change(self.paid_first, self.paid_last)

    @property
    def fall_constant(self) -> float:
        """How much less was paid in the last year than in the first, in the last year's prices."""
        return saving_against_previous(self.paid_first_constant, self.paid_last)

    @property
    def fall_constant_pct(self) -> float:
        return -percent_change(self.paid_first_constant, self.paid_last)

    @property
    def households_fall(self) -> float:
        return float(self.households[self.first_year] - self.households[self.last_year])

    @staticmethod
    def _value(frame: pd.DataFrame, year: int) -> float:
        return float(frame.loc[frame["year"] == year, "value"].iloc[0])


def linkoping_payments(figures: Figures) -> LinkopingPayments:
    """Linköping's amounts paid, every year the data has, in current and in LKP_LAST's prices."""
    cpi = price_index(figures)
    current = figures.annual_frame(LINKOPING, PAID)
    constant_values = series_in_constant_prices(
        dict(zip(current["year"], current["value"], strict=False)), LKP_LAST, cpi
    )
    constant = current.assign(value=[constant_values[year] for year in current["year"]])
    sources = dict.fromkeys(figures.annual_source(LINKOPING, PAID, year) for year in (LKP_FIRST, LKP_LAST))
    return LinkopingPayments(
        current=current,
        constant=constant,
        households=figures.annual_series(LINKOPING, HOUSEHOLDS),
        first_year=LKP_FIRST,
        last_year=LKP_LAST,
        sources=(*sources, figures.annual_source(SWEDEN, CPI, LKP_LAST)),
        cpi_rise_pct=percent_change(cpi[LKP_FIRST], cpi[LKP_LAST]),
    )


AGAINST_PREVIOUS = "Against 2020"
AGAINST_PREVIOUS_CONSTANT = "Against 2020, in 2021 prices"
AGAINST_NATIONAL_RATE = "Against 2020, at the national rate"
AGAINST_FORECAST = "Against the forecast"
#: The yardsticks in Swedish (the Swedish edition's words for the same labels).
AGAINST_SV = {
    AGAINST_PREVIOUS: "Jämfört med 2020",
    AGAINST_PREVIOUS_CONSTANT: "Jämfört med 2020, i 2021 års priser",
    AGAINST_NATIONAL_RATE: "Jämfört med 2020, i rikets takt",
    AGAINST_FORECAST: "Jämfört med prognosen",
}


@dataclass(frozen=True)
class StrangnasSaving:
    """Strängnäs's saving in 2021 (million SEK): the stated one and the book's four yardsticks."""

    paid_2020: float  # the article's own figures
    paid_2021: float
    paid_2020_constant: float  # in 2021 prices
    forecast: float  # what 2021 would cost without measures, "runt" (about)
    forecast_qualifier: str
    national_2020: float  # Sweden's amounts paid (Socialstyrelsen), thousand SEK
    national_2021: float
    stated: float  # "kostnadsbesparing på 12 miljoner"
    difference: float  # recomputed minus stated fall, million SEK
    sources: tuple[str, ...]  # article, national 2020 and 2021, price index

    @property
    def expected_at_national_rate(self) -> float:
        """The 2020 amount moved at the national rate of change to 2021."""
        return expected_at_national_rate(self.paid_2020, self.national_2020, self.national_2021)

    @property
    def national_change_pct(self) -> float:
        return percent_change(self.national_2020, self.national_2021)

    @property
    def yardsticks(self) -> dict[str, float]:
        """The saving against each yardstick, in the chapter's order (positive: less paid than the yardstick)."""
        return {
            AGAINST_PREVIOUS: saving_against_previous(self.paid_2020, self.paid_2021),
            AGAINST_PREVIOUS_CONSTANT: saving_against_previous(self.paid_2020_constant, self.paid_2021),
            AGAINST_NATIONAL_RATE: saving_against_national_rate(
                self.paid_2020, self.paid_2021, self.national_2020, self.national_2021
            ),
            AGAINST_FORECAST: saving_against_forecast(self.forecast, self.paid_2021),
        }

    @property
    def low(self) -> str:
        """The yardstick giving the smallest saving."""
        return min(self.yardsticks, key=self.yardsticks.get)

    @property
    def high(self) -> str:
        """The yardstick giving the largest saving."""
        return max(self.yardsticks, key=self.yardsticks.get)

    def bars(self) -> pd.DataFrame:
        """The chart's bars: ``what``, ``million_sek``, ``recomputed`` (False for the stated saving), stated first."""
        return pd.DataFrame(
            {
                "what": ["Stated, in the article", *self.yardsticks],
                "million_sek": [self.stated, *self.yardsticks.values()],
                "recomputed": [False] + [True] * len(self.yardsticks),
            }
        )


def strangnas_saving(figures: Figures) -> StrangnasSaving:
    """Strängnäs's 2021 saving: its own 2020 and 2021 amounts, the forecast, the national amounts, the claim."""
    cpi = price_index(figures)
    paid = figures.annual_series(STRANGNAS, PAID, sources=[STR_ARTICLE])
    national = figures.annual_series(SWEDEN, PAID, sources=SOCIALSTYRELSEN)
    claim = assess_claim("str_saving_vs_previous_year", figures)
    forecast_id = "str_forecast_2021_str2022web"
    return StrangnasSaving(
        paid_2020=float(paid[2020]),
        paid_2021=float(paid[2021]),
        paid_2020_constant=in_constant_prices(float(paid[2020]), 2020, 2021, cpi),
        forecast=figures.value(forecast_id),
        forecast_qualifier=figures.row(forecast_id)["qualifier"],
        national_2020=float(national[2020]),
        national_2021=float(national[2021]),
        stated=-claim.stated,
        difference=claim.difference,
        sources=(
            STR_ARTICLE,
            *dict.fromkeys(figures.annual_source(SWEDEN, PAID, year) for year in (2020, 2021)),
            figures.annual_source(SWEDEN, CPI, 2021),
        ),
    )


@dataclass(frozen=True)
class StrangnasForecast:
    """What the forecast for 2021 implies against each 2020 amount, each from its own source (the article's and
    Socialstyrelsen's), beside the nation's change that year and Strängnäs's earlier rise in Socialstyrelsen's
    statistics. A change in one source is never set against the other source's growth rate."""

    growth_pct: float  # forecast for 2021 against the article's 2020 amount
    vs_official_2020_pct: float  # forecast for 2021 against Socialstyrelsen's 2020 amount
    paid_socialstyrelsen: pd.Series  # Strängnäs's amounts paid in Socialstyrelsen's statistics (million SEK)
    households: pd.Series  # Strängnäs's households at any time in the year

    @property
    def paid_2017_socialstyrelsen(self) -> float:
        return float(self.paid_socialstyrelsen[2017])

    @property
    def paid_2020_socialstyrelsen(self) -> float:
        return float(self.paid_socialstyrelsen[2020])

    @staticmethod
    def direction(pct: float, language: str = "en") -> str:
        """'higher', 'lower' or 'no different' (Swedish 'högre', 'lägre', 'lika stor'): how the forecast stands
        against a 2020 amount (prose glues it)."""
        words = {"en": ("higher", "lower", "no different"), "sv": ("högre", "lägre", "lika stor")}[language]
        return words[0] if pct > 0 else words[1] if pct < 0 else words[2]


def strangnas_forecast(saving: StrangnasSaving, figures: Figures) -> StrangnasForecast:
    """The forecast against the article's and against Socialstyrelsen's 2020 amount, and Strängnäs's rise before it
    in Socialstyrelsen's statistics."""
    official = figures.annual_series(STRANGNAS, PAID, sources=STR_SOCIALSTYRELSEN)
    return StrangnasForecast(
        growth_pct=percent_change(saving.paid_2020, saving.forecast),
        vs_official_2020_pct=percent_change(float(official[2020]), saving.forecast),
        paid_socialstyrelsen=official,
        households=figures.annual_series(STRANGNAS, HOUSEHOLDS),
    )


# --- Linköping's spending beside the nation's -------------------------------------------------------------------


@dataclass(frozen=True)
class SpendingBesideNation:
    """Linköping's amounts paid, first year to last, beside the nation's amount per inhabitant over the same years and
    in the same prices: a different measure (per inhabitant, where Linköping's is a total), set beside it."""

    linkoping: LinkopingPayments
    national_per_inhabitant_real_fall_pct: float
    """The fall in the nation's amount per inhabitant, the first year's in the last year's prices (percent)."""

    @property
    def vs_nation(self) -> Words:
        """Linköping's fall in constant prices beside the nation's (:func:`judgements.compare_falls`)."""
        return judgements.compare_falls(self.linkoping.fall_constant_pct, self.national_per_inhabitant_real_fall_pct)


def spending_beside_nation(figures: Figures) -> SpendingBesideNation:
    """Linköping's payments (:func:`linkoping_payments`) and the nation's amount per inhabitant over the same years."""
    spend = linkoping_payments(figures)
    per_inhabitant = figures.annual_series(SWEDEN, "amount_paid_per_inhabitant_year", sources=SOCIALSTYRELSEN)
    cpi = price_index(figures)
    first, last = spend.first_year, spend.last_year
    return SpendingBesideNation(
        spend,
        -percent_change(in_constant_prices(per_inhabitant[first], first, last, cpi), per_inhabitant[last]),
    )


# --- Strängnäs's two amounts for 2020 -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Strangnas2020Amounts:
    """Strängnäs's amount paid in 2020 by its own article and by Socialstyrelsen (million SEK), and the saving the
    article states for 2021 (million SEK, positive)."""

    own: float
    official: float
    stated_saving: float

    @property
    def gap(self) -> float:
        """Socialstyrelsen's amount less the article's."""
        return self.official - self.own

    @property
    def gap_over_saving(self) -> float:
        """The gap in percent of the stated saving."""
        return 100 * self.gap / self.stated_saving


def strangnas_2020_amounts(figures: Figures) -> Strangnas2020Amounts:
    """The article's and Socialstyrelsen's amount for 2020 and the article's stated saving."""
    return Strangnas2020Amounts(
        own=figures.value("str_paid_2020_str2022web"),
        official=figures.value("str_paid_2020_rf_sod_2021"),
        stated_saving=-figures.value("str_saving_2020_2021_str2022web"),
    )


# --- Each municipality beside the nation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """A municipality's change beside the nation's over the same years (percent); ``label`` says what each
    side counts and whose figures they are."""

    key: str
    label: str
    own: float
    national: float
    label_sv: str = ""
    """The label in the Swedish edition."""


@dataclass(frozen=True)
class ComparisonLevels:
    """The levels behind one comparison with the nation: the municipality's and the nation's, before and after, and
    what follows from them (falls, the level at the national rate, the share of the fall that rate makes up)."""

    key: str
    years: tuple[int, int]
    own_before: float
    own_after: float
    national_before: float
    national_after: float
    figure_ids: tuple[str, str, str, str] = ("", "", "", "")
    """The ids of the four figures: the municipality's before and after, the nation's before and after."""

    @property
    def national_ratio(self) -> float:
        """The nation's level after over its level before."""
        return self.national_after / self.national_before

    @property
    def expected_after(self) -> float:
        """The municipality's level after, had it changed at the national rate."""
        return expected_at_national_rate(self.own_before, self.national_before, self.national_after)

    @property
    def fall_at_national_rate(self) -> float:
        """The municipality's fall, had it changed at the national rate (its level before less the expected level)."""
        return self.own_before - self.expected_after

    @property
    def own_fall_pct(self) -> float:
        """The municipality's fall in percent (negative for a rise)."""
        return -percent_change(self.own_before, self.own_after)

    @property
    def national_fall_pct(self) -> float:
        """The nation's fall in percent (negative for a rise)."""
        return -percent_change(self.national_before, self.national_after)

    @property
    def share(self) -> float:
        """The share of the municipality's fall that a change at the national rate equals (percent; not a cause)."""
        return share_of_fall_at_national_rate(
            self.own_before, self.own_after, self.national_before, self.national_after
        )

    @property
    def distance(self) -> float:
        """How far the municipality ended from the level at the national rate (above or below: :attr:`end_position`)."""
        return abs(self.own_after - self.expected_after)

    @property
    def vs_nation(self) -> Words:
        """The municipality's fall beside the nation's (:func:`judgements.compare_falls`)."""
        return judgements.compare_falls(self.own_fall_pct, self.national_fall_pct)

    @property
    def end_position(self) -> Words:
        """Where the municipality ended against the level at the national rate (:func:`judgements.position`)."""
        return judgements.position(self.own_after, self.expected_after)


def comparison_levels(figures: Figures) -> dict[str, ComparisonLevels]:
    """The comparisons with the nation by key in order (``long``, ``short``, ``str``): Linköping's annual households
    (:data:`LINKOPING_PERIODS`) and Strängnäs's own amounts paid (million SEK), each beside the nation's."""
    national = figures.annual_series(SWEDEN, HOUSEHOLDS, sources=SOCIALSTYRELSEN)
    national_paid = figures.annual_series(SWEDEN, PAID, sources=SOCIALSTYRELSEN)
    lkp = figures.annual_series(LINKOPING, HOUSEHOLDS)
    national_id = partial(figures.annual_id, SWEDEN, HOUSEHOLDS, sources=SOCIALSTYRELSEN)
    national_paid_id = partial(figures.annual_id, SWEDEN, PAID, sources=SOCIALSTYRELSEN)
    lkp_id = partial(figures.annual_id, LINKOPING, HOUSEHOLDS)
    out = {
        key: ComparisonLevels(
            key,
            (y0, y1),
            lkp[y0],
            lkp[y1],
            national[y0],
            national[y1],
            (lkp_id(y0), lkp_id(y1), national_id(y0), national_id(y1)),
        )
        for key, (y0, y1) in LINKOPING_PERIODS.items()
    }
    out["str"] = ComparisonLevels(
        "str",
        (2020, 2021),
        figures.value("str_paid_2020_str2022web"),
        figures.value("str_paid_2021_str2022web"),
        national_paid[2020],
        national_paid[2021],
        ("str_paid_2020_str2022web", "str_paid_2021_str2022web", national_paid_id(2020), national_paid_id(2021)),
    )
    return out


#: What each comparison of :func:`comparison_levels` counts and whose figures they are (``{y0}``, ``{y1}``: its years).
COMPARISON_LABELS = {
    "long": "Linköping, households, {y0}–{y1}",
    "short": "Linköping, households, {y0}–{y1}",
    "str": "Strängnäs, amount paid, its own figures, {y0}–{y1}",
}
#: The same labels in the Swedish edition.
COMPARISON_LABELS_SV = {
    "long": "Linköping, hushåll, {y0}–{y1}",
    "short": "Linköping, hushåll, {y0}–{y1}",
    "str": "Strängnäs, utbetalningar, egna siffror, {y0}–{y1}",
}


def comparisons(figures: Figures) -> list[Comparison]:
    """Every comparison with the national trend the summary reports, in the order it reports them: each
    municipality's change and the nation's (percent) from :func:`comparison_levels`."""
    return [
        Comparison(
            key,
            COMPARISON_LABELS[key].format(y0=c.years[0], y1=c.years[1]),
            percent_change(c.own_before, c.own_after),
            percent_change(c.national_before, c.national_after),
            COMPARISON_LABELS_SV[key].format(y0=c.years[0], y1=c.years[1]),
        )
        for key, c in comparison_levels(figures).items()
    ]


def strangnas_households_before(figures: Figures) -> ComparisonLevels:
    """Strängnäs's households with assistance at any time in the year beside the nation's, 2017 to 2020 (before its
    reorganisation); a rise is a negative fall."""
    national = figures.annual_series(SWEDEN, HOUSEHOLDS, sources=SOCIALSTYRELSEN)
    own = figures.annual_series(STRANGNAS, HOUSEHOLDS)
    national_id = partial(figures.annual_id, SWEDEN, HOUSEHOLDS, sources=SOCIALSTYRELSEN)
    own_id = partial(figures.annual_id, STRANGNAS, HOUSEHOLDS)
    return ComparisonLevels(
        "str_hh",
        (2017, 2020),
        own[2017],
        own[2020],
        national[2017],
        national[2020],
        (own_id(2017), own_id(2020), national_id(2017), national_id(2020)),
    )


@dataclass(frozen=True)
class LinkopingMonthly:
    """Linköping's own headline, households paid in one month, beside the nation's annual fall over about the same
    years (households at any time in the year): two measures, each labelled as what it is, no share computed."""

    jan_2024: float
    fewer: float
    """Households fewer in January 2024 than in January 2021 ('616 stycken färre'; positive)."""
    jan_2021: float
    """January 2021 as the February 2024 release gives it (derived in the data)."""
    start_2021_oct_release: float
    """The start of 2021 as the October 2021 release gives it (derived in the data)."""
    national_2021: float
    national_2024: float

    @property
    def start_gap(self) -> float:
        """How far apart the two start-of-2021 levels are (the October 2021 release's less the February 2024's)."""
        return self.start_2021_oct_release - self.jan_2021

    @property
    def fall_pct(self) -> float:
        """The fall January 2021 -> January 2024 in percent of January 2021."""
        return 100 * self.fewer / self.jan_2021

    @property
    def fall_from_oct_release_pct(self) -> float:
        """The fall to January 2024 from the start-of-2021 level the October 2021 release implies, in percent."""
        return -percent_change(self.start_2021_oct_release, self.jan_2024)

    @property
    def national_fall_pct(self) -> float:
        """The nation's fall 2021 -> 2024 in households at any time in the year, in percent."""
        return -percent_change(self.national_2021, self.national_2024)


def linkoping_monthly(figures: Figures) -> LinkopingMonthly:
    """Linköping's monthly counts and stated fall (lkp2024pr, lkp2021pr) and the nation's annual counts."""
    national = figures.annual_series(SWEDEN, HOUSEHOLDS, sources=SOCIALSTYRELSEN)
    return LinkopingMonthly(
        jan_2024=figures.value("lkp_paid_2024_01_lkp2024pr"),
        fewer=-figures.value("lkp_paid_chg_2021_01_2024_01_lkp2024pr"),
        jan_2021=figures.value("lkp_paid_2021_01_lkp2024pr"),
        start_2021_oct_release=figures.value("lkp_paid_2021_lkp2021pr"),
        national_2021=national[2021],
        national_2024=national[2024],
    )


# --- The nation's fall and Linköping's programme --------------------------------------------------------------------


def programme_year(figures: Figures | None = None) -> int:
    """The year Linköping adopted its 500-place programme (the date of its release, ``lkp500``)."""
    sources = load_table("sources").set_index("source_id")
    return int(str(sources.at["lkp500", "date"])[:4])


def national_timing(figures: Figures) -> judgements.Timing:
    """How the nation's fall in households over Linköping's long comparison divides at the programme's year."""
    national = figures.annual_series(SWEDEN, HOUSEHOLDS, sources=SOCIALSTYRELSEN)
    first, last = LINKOPING_PERIODS["long"]
    return judgements.timing(national.to_dict(), first, last, programme_year(figures))
