"""One set of Swedish words for the ledger's verdicts and findings (issue 26, Swedish review 2, book-wide item 1).

The words live in one place, :attr:`Verdict.sv` and :class:`SwedishFinding` (bistand.analysis.claims). The Swedish
ledger page's bold labels, the landing page's tally and the summary's glued breakdown must say the same words, in
the grammatical form each place needs.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from babel.messages.pofile import read_po

from bistand import ROOT
from bistand.analysis.claims import CLAIM, FINDING_WORDS_SV, Finding, Verdict
from bistand.analysis.summary import ledger_breakdown
from bistand.publishing.ledger_view import finding_in, verdict_in

pytestmark = pytest.mark.unit

CHAPTERS = ROOT / "locales" / "sv" / "LC_MESSAGES" / "chapters"

#: The glue name of each finding's count on the ledger page and the landing page.
COUNTS = {
    "clm_n_independent": Finding.INDEPENDENT,
    "clm_n_own": Finding.OWN_FIGURES,
    "clm_n_depends": Finding.DEPENDS,
    "clm_n_may_explain": Finding.MAY_EXPLAIN,
    "clm_n_substantive": Finding.SUBSTANTIVE,
    "clm_n_definition": Finding.DEFINITION,
    "clm_n_unverifiable": Finding.NOT_VERIFIABLE,
}

#: The English ledger's bold labels that name a finding in the plural (its list of counts), and the finding.
PLURAL_LABELS = {
    "confirmed by an independent source": Finding.INDEPENDENT,
    "agree with the source's own figures only": Finding.OWN_FIGURES,
    "fit one candidate level and not the other": Finding.DEPENDS,
    "discrepancies a reading of the definitions may explain": Finding.MAY_EXPLAIN,
    "substantive conflicts": Finding.SUBSTANTIVE,
    "differences of definition": Finding.DEFINITION,
    "cannot be checked": Finding.NOT_VERIFIABLE,
}

BOLD = re.compile(r"\*\*(.+?)\*\*")


def messages(page: str) -> list[tuple[str, str]]:
    """(English, Swedish) of each translated message of a page's catalogue, whitespace as one space."""
    with (CHAPTERS / f"{page}.po").open("rb") as handle:
        return [
            (" ".join(m.id.split()), " ".join(m.string.split()))
            for m in read_po(handle)
            if m.id and isinstance(m.string, str) and m.string
        ]


def swedish_label(english: str) -> str | None:
    """The package's Swedish words for an English bold label of the ledger page, or None if it names no verdict or
    finding ("**Claims.**", "**independent**")."""
    if english in PLURAL_LABELS:
        return PLURAL_LABELS[english].sv_words.many
    if english in {v.value for v in Verdict}:
        return Verdict(english).sv
    if english in {f.value for f in Finding}:
        return Finding(english).sv
    return None


def test_each_bold_label_of_the_swedish_ledger_that_names_a_finding_or_verdict_is_the_packages_word():
    checked = 0
    for english, swedish in messages("ledger"):
        wanted = [swedish_label(label) for label in BOLD.findall(english)]
        if not any(wanted):
            continue
        shown = BOLD.findall(swedish)
        assert len(shown) == len(wanted), (english, swedish)
        for word, label in zip(wanted, shown, strict=True):
            if word is not None:
                assert label == word, (english, swedish)
                checked += 1
    # Seven findings in the list of counts, five verdicts, three findings in the discrepancy rule.
    assert checked == 15


@pytest.mark.parametrize("page", ["ledger", "index"])
def test_each_count_of_a_finding_is_named_by_the_packages_plural_words(page):
    """In the ledger's list ("**label**, {count}") and in the landing page's tally ("…; label, {count}; …") the words
    just before each finding's count begin with the finding's words in the plural."""
    seen = set()
    for _, swedish in messages(page):
        for name, found in COUNTS.items():
            for match in re.finditer(r"([^;:.]*), \{glue:text\}`(?:ledger\.ipynb::)?" + name + r"(?::s)?`", swedish):
                words = match.group(1).strip().strip("*")
                assert words.replace("**", "").startswith(found.sv_words.many), (page, name, match.group(0))
                seen.add(name)
    assert seen == set(COUNTS)


def test_a_claims_finding_after_a_tally_agrees_in_number():
    depends = Finding.DEPENDS.sv_words
    assert depends.after_tally(0) == "är förenligt med den ena av två nivåer men inte den andra"
    assert depends.after_tally(1) == "är förenligt med den ena av två nivåer men inte den andra"
    assert depends.after_tally(2) == "är förenliga med den ena av två nivåer men inte den andra"
    # A verb phrase is the same for any number, and carries the same words as the label.
    substantive = Finding.SUBSTANTIVE.sv_words
    assert substantive.after_tally(1) == substantive.after_tally(3) == "står i väsentlig strid med uppgifterna"
    for words in FINDING_WORDS_SV.values():
        assert words.many.split()[-1] == words.one.split()[-1]  # the forms differ in their head word only


def test_the_summarys_breakdown_says_the_findings_in_the_ledgers_words():
    table = pd.DataFrame(
        {
            "kind": [CLAIM] * 6,
            "publisher": ["Linköpings kommun"] * 5 + ["Dagens Nyheter"],
            "finding": [
                Finding.OWN_FIGURES.value,
                Finding.OWN_FIGURES.value,
                Finding.DEPENDS.value,
                Finding.MAY_EXPLAIN.value,
                Finding.NOT_VERIFIABLE.value,
                Finding.SUBSTANTIVE.value,  # a newspaper's: not in the municipalities' breakdown
            ],
        }
    )
    words = ledger_breakdown(table)
    assert words.sv == (
        "2 av 4 stämmer bara överens med samma texts egna siffror, "
        "1 av 4 är förenligt med den ena av två nivåer men inte den andra, "
        "1 av 4 har en avvikelse som kan bero på hur definitionerna tolkas och "
        "inget av de 4 står i väsentlig strid med uppgifterna"
    )
    assert words.en.startswith("2 of 4 agree only with the text's own figures, 1 of 4 fits one start level")


def test_the_ledger_view_reads_the_packages_words():
    for verdict in Verdict:
        assert verdict_in(verdict.value, "sv") == verdict.sv and verdict_in(verdict.value, "en") == verdict.value
    for found in Finding:
        assert finding_in(found.value, "sv") == found.sv and finding_in(found.value, "en") == found.value
