"""Numbers in Swedish words, read as the sources write them (hand-worked cases from the sources)."""

from __future__ import annotations

import pytest

from bistand.data.swedish_numbers import (
    SwedishNumberError,
    numbers_in,
    parse_number_word,
    parse_numeral,
    value_matches_words,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("26,7", 26.7),
        ("2 087", 2087),
        ("2\u00a0087", 2087),
        ("2087", 2087),
        ("2.567", 2567),
        ("206 000", 206000),
        ("48 300", 48300),
        ("3,5", 3.5),
        ("0", 0),
        ("1 234 567,25", 1234567.25),
    ],
)
def test_numeral(text, expected):
    assert parse_numeral(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["26.7.1", "2,5,5", "tjugo", ""])
def test_not_a_numeral(text):
    with pytest.raises(SwedishNumberError, match="is not a Swedish numeral"):
        parse_numeral(text)


@pytest.mark.parametrize(
    "word, expected",
    [
        ("åtta", 8),
        ("tio", 10),
        ("Tolv", 12),
        ("tjugofem", 25),
        ("hundra", 100),
        ("tvåhundra", 200),
        ("hundratal", 100),
        ("tiotal", 10),
        ("nittionio", 99),
        ("sex", 6),
        ("noll", 0),
    ],
)
def test_number_word(word, expected):
    assert parse_number_word(word) == expected


@pytest.mark.parametrize("word", ["antal", "hushåll", "tal", "procent", "tusen"])
def test_not_a_number_word(word):
    with pytest.raises(SwedishNumberError, match="is not a Swedish number word"):
        parse_number_word(word)


@pytest.mark.parametrize(
    "words, expected",
    [
        ("26,7 miljoner kronor", [(26.7, 1e6, "26,7 miljoner")]),
        ("I januari 2024 fick 2 087 hushåll", [(2024, 1, "2024"), (2087, 1, "2 087")]),
        ("nästan 300 färre hushåll", [(300, 1, "300")]),
        ("minskat med åtta procent", [(8, 1, "åtta")]),
        ("38,1 Mkr", [(38.1, 1e6, "38,1 Mkr")]),
        ("48 300 tkr", [(48300, 1e3, "48 300 tkr")]),
        ("2,5 mnkr i lägre kostnader per månad", [(2.5, 1e6, "2,5 mnkr")]),
        ("drygt 10,6 miljarder kronor", [(10.6, 1e9, "10,6 miljarder")]),
        ("ett hundratal individer", [(100, 1, "ett hundratal")]),
        ("två hundra hushåll", [(200, 1, "två hundra")]),
        ("i september var 2.567 stycken", [(2567, 1, "2.567")]),
        ("en nedgång med nästan 6%", [(6, 1, "6")]),
        ("det lägsta på tio år", [(10, 1, "tio")]),
        ("antalet oförändrat", []),
    ],
)
def test_numbers_in_words(words, expected):
    assert [(n.value, n.scale, n.text) for n in numbers_in(words)] == expected


@pytest.mark.parametrize(
    "value, unit, words",
    [
        (26.7, "sek_million", "26,7 miljoner kronor"),
        (26700, "sek_thousand", "26,7 miljoner kronor"),
        (48300, "sek_thousand", "48 300 tkr"),
        (48.3, "sek_million", "48 300 tkr"),
        (38.1, "sek_million", "38,1 Mkr"),
        (-12, "sek_million", "kostnadsbesparing på 12 miljoner från föregående år"),
        (-300, "households", "nästan 300 färre hushåll"),
        (-8, "percent", "minskat med åtta procent"),
        (2087, "households", "I januari 2024 erhöll 2087 hushåll"),
        (2087, "households", "I januari 2024 fick 2 087 hushåll"),
        (10.6, "sek_billion", "drygt 10,6 miljarder kronor"),
        (96, "percent", "Målet är att 96 procent"),
    ],
)
def test_value_matches_its_words(value, unit, words):
    assert value_matches_words(value, unit, words)


@pytest.mark.parametrize(
    "value, unit, words",
    [
        (62.7, "sek_million", "26,7 miljoner kronor"),  # the Strängnäs 2021 typo
        (26.7, "sek_thousand", "26,7 miljoner kronor"),  # right digits, wrong unit
        (2078, "households", "I januari 2024 fick 2 087 hushåll"),
        (9, "percent", "minskat med åtta procent"),
        (381, "sek_million", "38,1 Mkr"),
    ],
)
def test_value_does_not_match_its_words(value, unit, words):
    assert not value_matches_words(value, unit, words)
