"""The Swedish edition's glued words (issue 26, step 3): every value a chapter glues as words (a judgement, a verdict,
a direction, a date, a list of years) has a Swedish twin under the same name with ``_sv``, glued by the same code from
the same rule; and the Swedish words for a few cases worked out by hand."""

from __future__ import annotations

import ast
import re
from datetime import date

import nbformat
import pytest

from bistand.analysis import judgements
from bistand.analysis.claims import FINDING_SV, VERDICT_SV, Finding, Verdict
from bistand.analysis.findings import AGAINST_SV, StrangnasForecast
from bistand.data.formats import SWEDISH_SUFFIX, join_words, spelled_day, spelled_month, swedish_twins
from conftest import ROOT

#: Every chapter glues English values, each word value with its Swedish twin.
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
#: Words that show an English phrase left in a Swedish value.
ENGLISH = re.compile(r"\b(?:and|of|the|to|than|more|less|about|most|fell|rose|above|below|from|data|January|July)\b")
VERSION = re.compile(r"\d+\.\d+\.\d+")


def glued(notebook) -> dict[str, object]:
    """The values a notebook's stored outputs glue, by name, as Python reads their text/plain."""
    cells = nbformat.read(notebook, as_version=4).cells
    return {
        o["metadata"]["scrapbook"]["name"]: ast.literal_eval(o["data"]["application/papermill.record/text/plain"])
        for c in cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if "scrapbook" in o.get("metadata", {})
    }


def is_words(value: object) -> bool:
    """A glued value the Swedish edition cannot show as it is: text with a letter in it, or a list of several items
    (joined with "and"); not a number, a year, an ISO date or a version."""
    if not isinstance(value, str) or VERSION.fullmatch(value) or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    return bool(re.search(r"[^\W\d_]", value))


def words_without_twin(values: dict[str, object]) -> list[str]:
    """The names whose value is words and that have no ``_sv`` twin."""
    return [
        name
        for name, value in values.items()
        if not name.endswith(SWEDISH_SUFFIX) and is_words(value) and name + SWEDISH_SUFFIX not in values
    ]


def english_in_twins(values: dict[str, object]) -> list[str]:
    """The ``_sv`` values that still hold an English word."""
    return [
        f"{name}={value!r}"
        for name, value in values.items()
        if name.endswith(SWEDISH_SUFFIX) and isinstance(value, str) and ENGLISH.search(value)
    ]


@pytest.mark.parametrize("notebook", CHAPTERS, ids=[p.name for p in CHAPTERS])
def test_every_word_value_has_a_swedish_twin(notebook):
    values = glued(notebook)
    assert words_without_twin(values) == []
    assert english_in_twins(values) == []


def test_the_twin_check_can_fail():
    values = {
        "a_verdict": "discrepancy",
        "a_date": "15 December 2025",
        "a_date_sv": "15 december 2025",
        "years": "2018 and 2023",
        "years_sv": "2018 and 2023",  # English left in the twin
        "n": 35,
        "year": "2023",
        "edition": "0.1.0",
        "day": "2025-12-15",
        "amounts": "67,020 and 75,045",
    }
    assert words_without_twin(values) == ["a_verdict", "amounts"]
    assert english_in_twins(values) == ["years_sv='2018 and 2023'"]


def test_the_chapters_twins_are_found():
    """The stored outputs hold the twins the package computes (a twin glued under a misspelt name would not count)."""
    names = {name for notebook in CHAPTERS for name in glued(notebook)}
    twins = {name for name in names if name.endswith(SWEDISH_SUFFIX)}
    assert {
        "nat_pi_positional_years_sv",
        "ctx_referral_date_sv",
        "lkp_lt_verdict_sv",
        "clm_str_2020_finding_sv",
    } <= twins
    assert all(name[: -len(SWEDISH_SUFFIX)] in names for name in twins)


# --- The Swedish words, worked out by hand -------------------------------------------------------------------------


def test_lists_of_years_join_with_och():
    assert join_words([2018, 2023], "sv") == "2018 och 2023"
    assert join_words([2017, 2019, 2020, 2021, 2022, 2024], "sv") == "2017, 2019, 2020, 2021, 2022 och 2024"
    assert join_words([2023], "sv") == "2023"
    assert join_words([2018, 2023]) == "2018 and 2023"
    with pytest.raises(ValueError, match="unknown language 'de'"):
        join_words([1, 2], "de")


def test_dates_in_swedish_have_no_capitals():
    assert spelled_day(date(2025, 12, 15), "sv") == "15 december 2025"
    assert spelled_day(date(2026, 7, 1), "sv") == "1 juli 2026"
    assert spelled_day(date(2025, 3, 11)) == "11 March 2025"
    assert spelled_month(date(2022, 7, 1), "sv") == "juli 2022"
    assert spelled_month(date(2019, 1, 1)) == "January 2019"


def test_every_verdict_and_finding_has_swedish_words():
    assert set(VERDICT_SV) == set(Verdict) and set(FINDING_SV) == set(Finding)
    assert Verdict("consistent after rounding").sv == "stämmer efter avrundning"
    assert Verdict.DISCREPANCY.sv == "avvikelse"
    # The Swedish summary's words for the same findings ("i väsentlig strid med uppgifterna", "kan bero på hur
    # definitionerna tolkas"); glued inside a sentence ("står beloppet därför {finding}") the "i" is the word's own.
    assert Finding.SUBSTANTIVE.sv == "i väsentlig strid med uppgifterna"
    assert Finding.MAY_EXPLAIN.sv == "avvikelse som kan bero på hur definitionerna tolkas"
    assert Verdict.NOT_VERIFIABLE.sv == Finding.NOT_VERIFIABLE.sv == "går inte att pröva med bokens uppgifter"


def test_judgements_in_swedish_from_the_same_rule():
    # Linköping's payments in 2023 prices fell 5 % against the nation's 30 %: a sixth of the nation's fall, far less.
    assert judgements.compare_falls(5, 30).sv == "minskade betydligt mindre än"
    # 96.9 % of adults without assistance against a goal of 96 %: above it.
    assert judgements.position(96.9, 96).sv == "över"
    # 0.85 of the stated saving: "most" / "större delen" (the band from 0.80).
    assert judgements.part_of(10.2, 12).sv == "större delen"
    assert StrangnasForecast.direction(17.2, "sv") == "högre" and StrangnasForecast.direction(-7, "sv") == "lägre"
    assert AGAINST_SV["Against the forecast"].lower() == "jämfört med prognosen"


def test_twins_take_the_swedish_suffix():
    assert swedish_twins({"lkp_lt_verdict": "stämmer"}) == {"lkp_lt_verdict_sv": "stämmer"}
