"""The expected values of this edition's figures that tests pin (hand-worked from the sources).

Tests that compare the data with these values, or with values written in the test itself
(e.g. in tests/test_claims.py), are marked ``edition_figures``: when one fails, its message says
that it pins this edition's figures. If you changed a figure on purpose (README, "Changing the
data"), update the expected value here or in the test, and record the change in CHANGELOG.md.
"""

from __future__ import annotations

import tomllib

from bistand import ROOT

EDITION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]

#: Derived figures and the value their rule gives in this edition.
DERIVED = {
    "lkp_paid_2021_01_lkp2024pr": 2703,  # 2087 + 616
    "lkp_paid_2021_lkp2021pr": 2727,  # 2567 + 160
    "lkp_hh_2022_lkp_stat": 3464,  # 3078 + 386
    "lkp_hh_2013_lkpposten": 4254,  # 4161 + 93
    "lkp_paid_2013_lkpposten": 233.22,  # 232.8 + 0.42 million SEK
}

#: Every number in the body of each primary source that is a figure, worked out by reading the texts.
#: Dates, years naming periods, phone numbers, addresses and boilerplate are left out (see data/README.md).
STATED_NUMBERS = {
    "lkp2024pr": {2087, 616, 10, 287},
    "lkpalliance": {3.5, 300, 2.5},
    "lkp500": {500, 100},
    "lkp2024web": {96, 2087, 616, 10},
    "str2022web": {12, 38.1, 26.7, 44.7, 203, 132, 35, 0},
}

#: What a failing edition-pinned test adds to its message.
NOTE = (
    f"[edition {EDITION} figures] This test pins figures of this edition (expected values in "
    "tests/edition_figures.json, tests/edition_figures.py or in the test itself). If you changed the data on "
    "purpose, run `make accept` for the glued and derived figures (make update lists them), update the "
    "hand-worked values there, and record the change in CHANGELOG.md (README: 'Changing the data')."
)
