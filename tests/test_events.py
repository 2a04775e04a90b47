"""data/events.csv: each kind of bad row gives one clear file:row:column message; the helpers compute what the chapter says."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bistand import DATA_DIR
from bistand.analysis.timeline import bound_from_elapsed, majority_bands, share_reached
from bistand.data.events import load_events
from bistand.data.validate import update_hashes
from bistand.data.vocabularies import EVENT_KINDS
from conftest import edit_cell, messages

BAD_EVENTS = [
    ("lkp_500_adopted", "date", "2018-11-31", "date: date '2018-11-31' has day 31, not 01-30"),
    (
        "lkp_500_adopted",
        "date",
        "13 november 2018",
        "date: date '13 november 2018' is not YYYY, YYYY-MM, YYYY-MM-DD, A/B",
    ),
    ("lkp_500_adopted", "date", "unknown", "date: an event needs a date; 'unknown' is not allowed in events.csv"),
    ("lkp_500_adopted", "date", "2018-11", "date: date '2018-11' has precision 'month', but date_precision says 'day'"),
    (
        "lkp_alliance_majority",
        "date_precision",
        "year",
        "date: date '2019/2022' has precision 'range', but date_precision says 'year'",
    ),
    ("lkp_500_adopted", "kind", "meeting", "kind: unknown kind 'meeting'; expected one of " + ", ".join(EVENT_KINDS)),
    ("lkp_500_adopted", "source_id", "lkp1999pr", "source_id: 'lkp1999pr' is not in sources.csv (source_id)"),
    ("lkp_500_adopted", "municipality_code", "0999", "municipality_code: '0999' is not in municipalities.csv (code)"),
]


@pytest.mark.parametrize("row_id, column, bad, expected", BAD_EVENTS, ids=[f"{c}={b!r}" for _, c, b, _ in BAD_EVENTS])
def test_bad_event_cell_is_named_exactly(data_copy, row_id, column, bad, expected):
    line = edit_cell(data_copy / "events.csv", row_id, column, bad)
    update_hashes(data_copy)
    assert messages(data_copy) == [f"data/events.csv:{line}:{expected}"]


def test_duplicate_event_id(data_copy):
    path = data_copy / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(lines[3])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    update_hashes(data_copy)
    assert messages(data_copy) == [
        f"data/events.csv:{len(lines)}:-: row {len(lines)} repeats row 4: delete one of them"
    ]


def test_kinds_in_the_descriptor_match_the_vocabulary():
    descriptor = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f for r in descriptor["resources"] if r["name"] == "events" for f in r["schema"]["fields"]}
    for kind in EVENT_KINDS:
        assert f"{kind}:" in fields["kind"]["description"], kind


def test_the_events_the_issue_lists_are_there_with_their_dates():
    events = load_events().set_index("event_id")
    assert events.loc["lkp_500_adopted", "date"] == "2018-11-13"
    assert events.loc["lkp_alliance_majority", ["date", "kind"]].tolist() == ["2019/2022", "majority"]
    assert events.loc["lkp_2019_investigation", "date"] == "2019-05-13"
    # the 10 September 2020 release announces 500-uppdraget's end in the future tense: a report, not an end
    assert events.loc["lkp_2020_500_end_announced", ["date", "kind"]].tolist() == ["2020-09-10", "report"]
    assert "on or before 13 May 2019" in events.loc["lkp_2019_investigation", "label"]
    # Koalition för Linköping's term as the municipality's own page states it: 2015-2018
    assert events.loc["lkp_kfl_majority", ["date", "source_id"]].tolist() == ["2015/2018", "lkp_lattlast"]
    assert events.loc["lkp_2021_iaf_decided", ["date", "date_precision"]].tolist() == ["2021", "year"]
    assert events.loc["lkp_sm_majority", "date"] == "2023-01-01"
    assert str(events.loc["lkp_alliance_majority", "end"].date()) == "2022-12-31"
    assert set(events["kind"]) <= set(EVENT_KINDS)


def test_the_national_events_of_the_2025_edition_are_there():
    """SFS 2021:159 (in force 1 April 2021), the new act's bill, SOU 2025:15, the reform of 17 September 2025, the
    lagrådsremiss of 15 December 2025, and the published version of Persson & Vikman (6 August 2014)."""
    events = load_events().set_index("event_id")
    sfs = events.loc["se_sfs_2021_159"]
    assert (sfs["municipality_code"], sfs["date"], sfs["kind"], sfs["source_id"]) == (
        "0000",
        "2021-04-01",
        "law",
        "sfs2021",
    )
    assert "svenska för invandrare" in sfs["quote"]
    assert events.loc["se_prop_2024_25_89", ["date", "source_id"]].tolist() == ["2025-01-23", "prop2025"]
    assert events.loc["se_sou_2025_15", ["date", "date_precision"]].tolist() == ["2025", "year"]
    assert events.loc["se_reform_2025", "date"] == "2025-09-17"
    referral = events.loc["se_lagradsremiss_2025"]
    assert (referral["date"], referral["kind"]) == ("2025-12-15", "proposal")
    assert "1 juli 2026" in referral["quote"] and "not known" in referral["note"]
    assert events.loc["se_study_persson2014", ["date", "source_id"]].tolist() == ["2014-08-06", "persson2014"]
    assert "earlier version" in events.loc["se_study_persson", "label"]


def test_majority_bands_name_three_majorities_and_mark_the_open_one():
    bands = majority_bands(load_events(), "0580", date(2024, 12, 31))
    assert len(bands) == 3
    open_band = bands[bands["open_end"]]
    assert open_band["event_id"].tolist() == ["lkp_sm_majority"]
    assert str(open_band["end"].iloc[0].date()) == "2024-12-31"


def test_share_reached_by_december_2021_for_both_start_levels():
    # 2727 (October 2021 release) and 2703 (February 2024 release) at the start; 2507 on 20 Dec 2021; 2087 in Jan 2024
    assert share_reached(2727, 2507, 2087) == (220, pytest.approx(34.375))
    assert share_reached(2703, 2507, 2087) == (196, pytest.approx(100 * 196 / 616))
    with pytest.raises(ValueError):
        share_reached(2087, 2087, 2087)


def test_alliance_bound_is_a_window_inside_the_term():
    assert bound_from_elapsed(date(2019, 1, 1), date(2022, 12, 31), 3.5) == (date(2022, 7, 1), date(2022, 12, 31))
    with pytest.raises(ValueError):
        bound_from_elapsed(date(2019, 1, 1), date(2022, 12, 31), 4.5)
