"""Every figure a source states as a claim has a row in the claims ledger."""

import pytest

from bistand.analysis.claims import Verdict, assess_claim, ledger, load_claims
from bistand.data.load import load_table

# Kinds of reference source whose figures are press figures: claims made in public, not statistics tables.
PRESS_KINDS = {"press release", "newspaper article"}


def claimed_figures() -> set[str]:
    return {f for claim in load_claims() for f in claim.figure_ids}


def test_every_verbatim_primary_figure_is_claimed(figures):
    frame = figures.frame
    verbatim = frame[(frame["source_role"] == "primary") & (frame["status"] == "verbatim")]
    assert len(verbatim) > 0
    assert sorted(set(verbatim.index) - claimed_figures()) == []


def test_every_verbatim_press_figure_in_the_reference_data_is_claimed(figures):
    sources = load_table("sources").set_index("source_id")
    press = set(sources.index[(sources["role"] == "reference") & sources["kind"].isin(PRESS_KINDS)])
    frame = figures.frame
    rows = frame[frame["source_id"].isin(press) & (frame["status"] == "verbatim")]
    # lkp2021pr, corren2021, bt_skr_2018, lkpposten and lkp2025dec state 3, 3, 2, 4 and 1 figures verbatim
    # (corren2021's third, "över 200", is in figures_context.csv)
    assert len(rows) == 13
    assert sorted(set(rows.index) - claimed_figures()) == []


def test_every_claim_points_at_a_stated_figure_not_a_derived_one(figures):
    for claim in load_claims():
        assert figures.row(claim.figure_id)["status"] != "derived", claim.claim_id


@pytest.mark.parametrize(
    "claim_id, stated",
    [
        ("lkp_4161_households_2014", 4161),  # "4161" households, Linköpings-Posten
        ("lkp_232_8_mkr_2014", 232.8),  # 232,8 Mkr
        ("lkp_93_fewer_2014", -93),  # 93 fewer than 2013
        ("lkp_0_42_mkr_less_2014", -0.42),  # 0,42 Mkr less than 2013
        ("se_longterm_share_2016", 40),  # 40 % of adult recipients (SKL)
    ],
)
def test_added_press_claims_cannot_be_checked_and_say_what_would(figures, claim_id, stated):
    result = assess_claim(claim_id, figures)
    assert result.stated == pytest.approx(stated)
    assert result.verdict is Verdict.NOT_VERIFIABLE
    assert result.claim.verify_with


def test_ledger_rows_carry_publisher_and_date_as_given():
    table = ledger().set_index("claim_id")
    row = table.loc["lkp_93_fewer_2014"]
    assert row["publisher"] == "Linköpings-Posten"
    assert row["date_as_given"] == "undated"
