"""A guard against typing a word that weighs a figure: in the chapters' prose such words come from the rules of
bistand.analysis.judgements, glued, never typed (issue 22). The few sentences where a listed word does not judge a
figure are allowed one by one, each with its reason."""

from __future__ import annotations

import re

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from conftest import ROOT
from myst_markup import page_markdown, prose

CHAPTERS = ROOT / "chapters"

#: Words that weigh a figure, in English; "at most" (a bound) is not one of them.
ENGLISH = re.compile(
    r"\b(?:mostly|(?<!at )most|majority|none|far (?:more|less)|much (?:more|less|larger|smaller|faster|slower)|"
    r"a little|somewhat|lowest (?:since|in)|highest (?:since|in)|half|a third|a quarter|two thirds|three quarters|"
    r"few|largely|roughly|about the same|in the same measure|fell less|fell more|faster than|slower than)\b",
    re.IGNORECASE,
)
#: The same in Swedish, for the Swedish edition's messages (locales/sv/LC_MESSAGES/chapters/*.po).
SWEDISH = re.compile(
    r"\b(?:till största delen|största delen|merparten|de flesta|majoritet\w*|betydligt|mycket (?:mer|mindre)|"
    r"något (?:snabbare|långsammare)|lägsta sedan|hälften|en tredjedel|få|i samma mått|inget av|ingen av)\b",
    re.IGNORECASE,
)

QUOTE = re.compile(r'"[^"]{1,200}"|”[^”]{1,200}”|“[^”]{1,200}”')

#: Sentences where a listed word does not weigh a figure: (page, words of the sentence, reason).
ALLOWED = [
    (
        "appendix.ipynb",
        "A range for a majority is the period",
        "the event kind's name in the data (events.csv), "
        "defined there; whether a coalition held a majority of seats is the timeline's business",
    ),
    ("assistance.ipynb", "housing and a few other regular expenses", "a list of cost items, not a figure"),
    ("assistance.ipynb", "None of them says whether its counts cover", "what the sources say, not a figure"),
    ("assistance.ipynb", "were paid for only a few months", "how an annual count is made, not a figure"),
    ("assistance.ipynb", "none of the shipped figures comes from that count", "what the data holds"),
    ("context.ipynb", "uses a third definition", "an ordinal: a third definition"),
    (
        "context.ipynb",
        "more effective than usual interventions or none",
        "part of SBU's conclusion as the report states it",
    ),
    ("context.ipynb", "leave assistance faster than people with long ones", "a mechanism, not a figure"),
    ("context.ipynb", "stood among a few named large municipalities", "the table names each of them"),
    ("context.ipynb", "None has been checked against a live response from Kolada", "what was checked, not a figure"),
    ("context.ipynb", "pair Linköping with much smaller municipalities", "Kolada's groups, listed in the chapter"),
    ("costs.ipynb", "vary the one that matters most", "which assumption a reader may vary, not a figure"),
    ("costs.ipynb", "The book adds a third, its own", "an ordinal: a third yardstick"),
    ("costs.ipynb", "None of these yardsticks is the cost of 2021", "what a yardstick is, not a figure"),
    ("costs.ipynb", "means the number was a little under", "what the source's 'nästan' (almost) means"),
    (
        "costs.ipynb",
        "The number of fewer households is a little under the stated figure",
        "what the source's 'nästan' (almost) means",
    ),
    ("index.ipynb", "percent had none that year", "adults who had no assistance, not a judgement of a figure"),
    (
        "ledger.ipynb",
        "agree with the source's own figures only",
        "the ledger's list of findings (the word "
        "'most' does not stand in it; 'half' stands in 'half away from zero', the rounding rule)",
    ),
    ("ledger.ipynb", "rounding half away from zero", "the rounding rule"),
    ("ledger.ipynb", "A larger gap never gets a milder finding", "the monotony of the rules, stated"),
    ("ledger.ipynb", "when none of the figures it is recomputed from", "the definition of an independent check"),
    ("ledger.ipynb", "none is set by hand for a claim", "how the findings are set"),
    ("ledger.ipynb", "That January 2024 was the lowest in at least", "the municipality's claim, reported as its own"),
    ("ledger.ipynb", "The summaries and the chapters never type a word", "the list of the words the rules choose"),
    ("limits.md", "None of the ids has been checked against a live response", "what was checked, not a figure"),
    (
        "linkoping.ipynb",
        "with a majority on the executive board and the committees but",
        "Corren states the majority on the board and committees; the council's is from the seats rule, glued",
    ),
    ("linkoping.ipynb", "holds none of its values", "what a stored copy holds, not a figure"),
    (
        "limits.md",
        "(a majority on the executive board and the committees, not in the council",
        "Corren states it (3 October 2018); the linkoping chapter gives the seats",
    ),
    ("linkoping.ipynb", "lists what it has done", "the Alliance's text, reported as its own"),
    ("linkoping.ipynb", "None of them gives a series", "what the sources give, not a figure"),
    ("linkoping.ipynb", "that is, at most", "a bound"),
    ("linkoping.ipynb", "means a little under", "what the source's 'nästan' (almost) means"),
    ("linkoping.ipynb", "Too few points.", "the count of points follows, glued"),
    ("linkoping.ipynb", "and none between December 2021 and January 2024", "what the data holds"),
    ("national.ipynb", "exists only for a few years", "the years are listed after it"),
    ("national.ipynb", "breaks where there are none", "how the chart is drawn"),
    ("national.ipynb", "the data has none", "what the data holds"),
    ("national.ipynb", "reform, in the same measure, from the same publisher", "what an attribution would need"),
    ("strangnas.ipynb", "and none for 2018 or from 2021 on", "what the data holds"),
    # the Swedish edition's messages: the same sentences as the English ones allowed above
    ("appendix.po", "perioder med politiska majoriteter samt", "the event kinds in the data (events.csv)"),
    ("appendix.po", "Ett intervall för en majoritet är den period", "as appendix.ipynb: the event kind's name"),
    ("limits.po", "(med majoritet i kommunstyrelsen och nämnderna, men inte i fullmäktige", "as limits.md: Corren"),
    ("context.po", "ingen av bokens källor redovisar något senare steg", "as context.ipynb: what the sources report"),
    ("linkoping.po", "räknar upp vad Alliansen har gjort", "as linkoping.ipynb: the Alliance's text, the seats glued"),
    ("linkoping.po", "med majoritet i kommunstyrelsen och nämnderna men", "as linkoping.ipynb: Corren; seats glued"),
]


def page_text(page) -> str:
    """A page's MyST text; for a Swedish catalogue (.po), its translated messages."""
    if page.suffix != ".po":
        return page_markdown(page)
    with page.open("rb") as f:
        return "\n\n".join(m.string for m in read_po(f) if m.id and isinstance(m.string, str))


def sentences(page) -> list[str]:
    """A page's prose as sentences, glued values, quotations and code left out."""
    text = re.sub(r"\s+", " ", QUOTE.sub(" ", prose(page_text(page))))
    return re.split(r"(?<=[.!?:])\s+", text)


def typed_judgements(page) -> list[tuple[str, str]]:
    """(word, sentence) for each judgement word typed in a page's prose outside the allowed sentences."""
    words = SWEDISH if page.suffix == ".po" else ENGLISH
    allowed = [phrase for name, phrase, _ in ALLOWED if name == page.name]
    return [
        (m.group(0), sentence)
        for sentence in sentences(page)
        for m in words.finditer(sentence)
        if not any(phrase in sentence for phrase in allowed)
    ]


PAGES = sorted(
    p for p in CHAPTERS.iterdir() if p.suffix in {".ipynb", ".md"} and p.name not in {"cite.md", "references.md"}
)
CATALOGUES = sorted((ROOT / "locales" / "sv" / "LC_MESSAGES" / "chapters").glob("*.po"))


@pytest.mark.parametrize("page", PAGES + CATALOGUES, ids=[p.name for p in PAGES] + [f"sv/{p.name}" for p in CATALOGUES])
def test_no_judgement_word_is_typed(page):
    assert typed_judgements(page) == []


def test_each_allowed_sentence_still_stands_on_its_page():
    """An allowance for a sentence that is gone would let the word back in elsewhere unseen: each must match."""
    for name, phrase, reason in ALLOWED:
        assert reason
        page = (CATALOGUES[0].parent if name.endswith(".po") else CHAPTERS) / name
        assert any(phrase in sentence for sentence in sentences(page)), (name, phrase)


def test_the_guard_finds_a_typed_judgement(tmp_path):
    page = tmp_path / "index.md"
    page.write_text(
        "Linköping's count fell less than the nation's, mostly before the reforms. "
        "It fell {glue:text}`sum_lkp_long_vs_nation` the nation's.",
        encoding="utf-8",
    )
    assert [word for word, _ in typed_judgements(page)] == ["fell less", "mostly"]
    swedish = tmp_path / "index.po"
    catalog = Catalog(locale="sv")
    catalog.add("The count fell before the reforms.", "Antalet minskade till största delen före reformerna.")
    with swedish.open("wb") as f:
        write_po(f, catalog)
    assert [word for word, _ in typed_judgements(swedish)] == ["till största delen"]
