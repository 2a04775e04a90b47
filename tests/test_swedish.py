"""Swedish number formats for the Swedish summary, against forms worked out by hand."""

from __future__ import annotations

import pytest

from bistand import swedish

NBSP = "\u00a0"


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (2087, 0, f"2{NBSP}087"),
    (22.8, 1, "22,8"),
    (-616, 0, "-616"),
    (0.05, 1, "0,1"),            # half up, as the book rounds everywhere, not half to even
    (2.25, 1, "2,3"),
    (1234567.891, 2, f"1{NBSP}234{NBSP}567,89"),
    (38.1, 1, "38,1"),
])
def test_number(value, decimals, expected):
    assert swedish.number(value, decimals) == expected


def test_units():
    assert swedish.with_unit(11.4, "million_sek", 1) == f"11,4{NBSP}miljoner kronor"
    assert swedish.with_unit(22.8, "percent", 1) == f"22,8{NBSP}procent"
    assert swedish.with_unit(2087, "households") == f"2{NBSP}087{NBSP}hushåll"


@pytest.mark.parametrize("text, expected", [
    (f"2{NBSP}087", 2087.0), ("2 087 hushåll", 2087.0), ("22,8 procent", 22.8), ("-616", -616.0),
    (f"11,4{NBSP}miljoner kronor", 11.4),
])
def test_parse(text, expected):
    assert swedish.parse(text) == expected


def test_bad_input():
    with pytest.raises(ValueError, match="unknown unit 'mkr'"):
        swedish.with_unit(1, "mkr")
    with pytest.raises(ValueError, match="no Swedish number"):
        swedish.parse("procent")
    with pytest.raises(ValueError, match="decimals must be 0 or more"):
        swedish.number(1, -1)
    # An English-formatted figure is not read as Swedish.
    with pytest.raises(ValueError):
        swedish.parse("2,087.5")
