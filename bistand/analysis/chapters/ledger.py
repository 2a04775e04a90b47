"""The claims ledger chapter: the ledger split into claims and internal checks, its tallies, and the verdicts the
chapter discusses."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from bistand.analysis.claims import (
    CHECK,
    CLAIM,
    UNSIZED_READING_LIMIT,
    Assessment,
    Finding,
    Verdict,
    assess_claim,
    claim_by_id,
    claim_inputs,
    ledger,
    municipal_tallies,
    relative_gap,
    tallies,
)
from bistand.data.formats import swedish_twins
from bistand.data.load import Figures

#: Each finding of a claim and the glue name of its count (``clm_n_...``).
FINDING_KEYS = {
    Finding.INDEPENDENT: "independent",
    Finding.OWN_FIGURES: "own",
    Finding.DEPENDS: "depends",
    Finding.SUBSTANTIVE: "substantive",
    Finding.MAY_EXPLAIN: "may_explain",
    Finding.DEFINITION: "definition",
    Finding.NOT_VERIFIABLE: "unverifiable",
}


@dataclass(frozen=True)
class ClaimsLedger:
    """The ledger (:func:`bistand.analysis.claims.ledger`) as the chapter shows it: claims and checks apart."""

    table: pd.DataFrame

    @property
    def claims(self) -> pd.DataFrame:
        return self.table[self.table["kind"] == CLAIM]

    @property
    def checks(self) -> pd.DataFrame:
        """Internal checks of Socialstyrelsen's tables (amount / households against the stated amount per household)."""
        return self.table[self.table["kind"] == CHECK]


def claims_ledger(figures: Figures) -> ClaimsLedger:
    """Every claim and internal check with its verdict."""
    return ClaimsLedger(ledger(figures))


def tally_values(book_ledger: ClaimsLedger) -> dict[str, int]:
    """The tallies: claims by finding, claims, texts, repeated claims, checks by finding (glue names ``clm_n_...``)."""
    counts = tallies(book_ledger.table)
    claims, checks = book_ledger.claims, book_ledger.checks
    out = {f"clm_n_{key}": counts[CLAIM][finding.value] for finding, key in FINDING_KEYS.items()}
    out["clm_n_claims"] = len(claims)
    out["clm_n_sources"] = claims["source_ids"].str.split("; ").explode().nunique()
    out["clm_n_repeated"] = int((claims["source_ids"].str.count(";") > 0).sum())
    by_whom = municipal_tallies(book_ledger.table)
    out["clm_n_municipal"] = by_whom["municipal"]
    out["clm_n_not_municipal"] = by_whom["not_municipal"]
    out["clm_n_municipal_checkable"] = by_whom["checkable"]
    out["clm_n_municipal_checkable_independently"] = by_whom["checkable_independently"]
    out["clm_n_checks"] = len(checks)
    out["clm_n_checks_consistent"] = counts[CHECK][Finding.CHECK_CONSISTENT.value]
    out["clm_n_checks_discrepancy"] = counts[CHECK][Finding.CHECK_DISCREPANCY.value]
    return out


#: The two start-of-2021 levels Linköping's releases imply: October 2021 release (2 567 + 160), February 2024 (2 087 + 616).
START_2021_LEVELS = ("lkp_paid_2021_lkp2021pr", "lkp_paid_2021_01_lkp2024pr")


def start_gap_verdicts(book_ledger: ClaimsLedger) -> list[str]:
    """The claims whose verdict is a discrepancy or depends on the level taken and that are recomputed from a
    start-of-2021 level: the verdicts the one gap between the two levels drives."""
    claims = book_ledger.claims
    out = []
    for claim_id, verdict in zip(claims["claim_id"], claims["verdict"], strict=False):
        if verdict in (Verdict.DISCREPANCY.value, Verdict.DEPENDS.value) and set(START_2021_LEVELS) & set(
            claim_inputs(claim_by_id(claim_id))
        ):
            out.append(claim_id)
    return out


@dataclass(frozen=True)
class VerdictsThatMatter:
    """The assessments whose gaps the section "The verdicts that matter" states (its other figures are pasted from the
    chapters that glue them)."""

    fewer_since_jan_2021: Assessment
    """Linköping's fewer households in January 2024 than in January 2021, against the October 2021 level."""
    str_paid_2020: Assessment
    """Strängnäs's own amount for 2020 against Socialstyrelsen's."""


def verdicts_that_matter(figures: Figures) -> VerdictsThatMatter:
    return VerdictsThatMatter(
        fewer_since_jan_2021=assess_claim("lkp_616_vs_start_of_2021", figures),
        str_paid_2020=assess_claim("str_paid_2020_vs_official", figures),
    )


#: The claims whose finding the chapter's prose states, by glue name.
FINDINGS_GLUED = {
    "clm_saving_finding": "str_saving_vs_previous_year",
    "clm_fewer_since_jan_2021_finding": "lkp_616_vs_start_of_2021",
    "clm_str_2020_finding": "str_paid_2020_vs_official",
}


def glued_values(figures: Figures) -> dict[str, float | str]:
    """Every value the chapter glues, by glue name (the findings' Swedish words under ``_sv`` names)."""
    v = verdicts_that_matter(figures)
    book_ledger = claims_ledger(figures)
    found = book_ledger.claims.set_index("claim_id")["finding"]
    return {
        **tally_values(book_ledger),
        "clm_unsized_reading_limit_pct": 100 * UNSIZED_READING_LIMIT,
        **{name: found[claim] for name, claim in FINDINGS_GLUED.items()},
        "clm_fewer_since_jan_2021_gap_pct": 100 * relative_gap(v.fewer_since_jan_2021),
        "clm_str_2020_gap_pct": 100 * relative_gap(v.str_paid_2020),
        "clm_n_start_gap_verdicts": len(start_gap_verdicts(book_ledger)),
        **swedish_twins({name: Finding(found[claim]).sv for name, claim in FINDINGS_GLUED.items()}),
    }
