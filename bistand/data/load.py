"""Load the validated data as typed pandas DataFrames."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from bistand import DATA_DIR
from bistand.data.periods import parse_period
from bistand.data.units import conversion_factor
from bistand.data.validate import DataValidationError, validate_data

#: Socialstyrelsen's annual statistics as republished by Regionfakta: the sources of the national series.
SOCIALSTYRELSEN = ["rf_got_2023", "rf_got_2024", "rf_sod_2018", "rf_sod_2020", "rf_sod_2021", "rf_alv_2022"]


def fingerprint(data_dir: Path) -> tuple:
    """Each data file's name, modification time and size: a cache key that changes when a file does."""
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(data_dir.iterdir()) if p.is_file())


@lru_cache(maxsize=8)
def _validated(data_dir: Path, fingerprint: tuple) -> None:
    problems = validate_data(data_dir)
    if problems:
        raise DataValidationError(problems)


def require_valid(data_dir: Path = DATA_DIR) -> None:
    """Raise DataValidationError, naming file, row and column of each problem, unless the data is valid."""
    data_dir = Path(data_dir).resolve()
    _validated(data_dir, fingerprint(data_dir))


def _read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def _resource_paths(data_dir: Path) -> dict[str, Path]:
    """Resource name -> file, in the descriptor's order."""
    descriptor = json.loads((Path(data_dir) / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: Path(data_dir) / r["path"] for r in descriptor["resources"]}


def load_table(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """One table of the data package by resource name (e.g. ``sources``), as strings, after validation."""
    require_valid(data_dir)
    paths = _resource_paths(data_dir)
    if name not in paths:
        raise KeyError(f"no table {name!r} in the data package; tables: {', '.join(sorted(paths))}")
    return _read_csv(paths[name])


def load_figures(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """All figures (primary and reference), typed, one row per figure, indexed by ``figure_id``.

    Adds: ``value_in_measure_unit`` (the value converted to the measure's unit), the measure's
    ``measure_unit``, ``measure_label`` and ``measure_kind``, the ``municipality`` name, the source's
    ``source_role``, and the parsed period as ``period_kind``, ``period_start``, ``period_end``.
    """
    require_valid(data_dir)
    frames = [_read_csv(path) for name, path in _resource_paths(data_dir).items() if name.startswith("figures")]
    figures = pd.concat(frames, ignore_index=True)
    measures = load_table("measures", data_dir).rename(
        columns={"unit": "measure_unit", "label": "measure_label", "kind": "measure_kind"}
    )
    municipalities = load_table("municipalities", data_dir).rename(
        columns={"code": "municipality_code", "name": "municipality"}
    )
    sources = load_table("sources", data_dir)[["source_id", "role"]].rename(columns={"role": "source_role"})
    figures = (
        figures.merge(measures[["measure", "measure_unit", "measure_label", "measure_kind"]], on="measure")
        .merge(municipalities[["municipality_code", "municipality"]], on="municipality_code")
        .merge(sources, on="source_id")
    )
    figures["value"] = figures["value"].astype(float)
    factors = [conversion_factor(u, m) for u, m in zip(figures["unit"], figures["measure_unit"], strict=False)]
    figures["value_in_measure_unit"] = (figures["value"] * factors).round(9)
    periods = [parse_period(text) for text in figures["period"]]
    figures["period_kind"] = [p.kind for p in periods]
    figures["period_start"] = pd.to_datetime([p.start for p in periods])
    figures["period_end"] = pd.to_datetime([p.end for p in periods])
    return figures.set_index("figure_id", drop=False).rename_axis(None).sort_index()


class Figures:
    """The figures with lookups by id and by series."""

    def __init__(self, frame: pd.DataFrame | None = None):
        self.frame = load_figures() if frame is None else frame

    def value(self, figure_id: str) -> float:
        """A figure's value in its measure's unit (amounts in million SEK)."""
        if figure_id not in self.frame.index:
            raise KeyError(f"no figure {figure_id!r}")
        return float(self.frame.at[figure_id, "value_in_measure_unit"])

    def row(self, figure_id: str) -> pd.Series:
        return self.frame.loc[figure_id]

    def _annual_rows(self, municipality_code: str, measure: str, sources: list[str] | None = None) -> pd.DataFrame:
        """The rows of one annual measure (``sources`` restricts them), with the year as an int column ``year``."""
        rows = self.frame[
            (self.frame["municipality_code"] == municipality_code)
            & (self.frame["measure"] == measure)
            & (self.frame["period_kind"] == "year")
        ]
        if sources is not None:
            rows = rows[rows["source_id"].isin(sources)]
        return rows.assign(year=rows["period"].astype(int))

    def _one_per_year(self, municipality_code: str, measure: str, sources: list[str] | None) -> pd.DataFrame:
        """:meth:`_annual_rows` in year order; ValueError if one year has two values."""
        rows = self._annual_rows(municipality_code, measure, sources)
        duplicated = rows["year"][rows["year"].duplicated()]
        if len(duplicated):
            raise ValueError(
                f"{measure} for {municipality_code} has two values for {sorted(set(duplicated))}; "
                "name the sources to use"
            )
        return rows.sort_values("year")

    def annual_series(self, municipality_code: str, measure: str, sources: list[str] | None = None) -> pd.Series:
        """Values by year (int index) of one annual measure; ``sources`` restricts and orders the sources.

        Raises ValueError if one year has two values, so a conflict is never resolved silently.
        """
        rows = self._one_per_year(municipality_code, measure, sources)
        return pd.Series(rows["value_in_measure_unit"].to_numpy(), index=rows["year"].to_numpy(), name=measure)

    def annual_frame(self, municipality_code: str, measure: str, sources: list[str] | None = None) -> pd.DataFrame:
        """One annual measure as a frame of ``year``, ``value`` and ``status`` (verbatim, derived or
        positional), by year; ``sources`` restricts the sources as in :meth:`annual_series`, and like it
        this refuses a year with two values."""
        rows = self._one_per_year(municipality_code, measure, sources)
        return pd.DataFrame(
            {
                "year": rows["year"].to_numpy(),
                "value": rows["value_in_measure_unit"].to_numpy(),
                "status": rows["status"].to_numpy(),
            }
        )

    def annual_id(self, municipality_code: str, measure: str, year: int, sources: list[str] | None = None) -> str:
        """The id of the figure :meth:`annual_series` (with the same ``sources``) takes for ``year``."""
        rows = self._one_per_year(municipality_code, measure, sources)
        rows = rows[rows["year"] == year]
        if rows.empty:
            raise KeyError(f"no {measure} for {municipality_code} in {year}")
        return str(rows["figure_id"].iloc[0])

    def annual_source(self, municipality_code: str, measure: str, year: int) -> str:
        """The id of the source of one annual value (the data holds one value per year and measure)."""
        rows = self._annual_rows(municipality_code, measure)
        rows = rows[rows["year"] == year]
        if len(rows) != 1:
            raise ValueError(f"{measure} for {municipality_code} in {year}: {len(rows)} values, not one")
        return rows["source_id"].iloc[0]
