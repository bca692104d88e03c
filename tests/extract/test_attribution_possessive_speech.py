"""possessive-speech: a possessor's noun of speech (pledge, claim, call, vow…) governs
the quoted words after it (issue 11, classes 1 and 3: short attributed phrases and
speakers reached through a noun, not a verb).

Sentences from White House releases and statements (the White House corpus)."""

from __future__ import annotations

from .conftest import counted, name


def test_possessor_of_a_claim_or_pledge_speaks() -> None:
    for text, who in (
        (
            # "Schumer taunts Americans …" (2025-10-09).
            "Chuck Schumer’s disgusting claim that “every day gets better” is a sickening"
            " display of elitist indifference.\n",
            "Chuck Schumer",
        ),
        (
            # "More investment, more jobs …" (2025-03-24).
            "The investment, which builds on Hyundai’s pledge earlier this year to “further"
            " localize production in the U.S.,” is the latest success.\n",
            "Hyundai",
        ),
        (
            # Phnom Penh statement (2022-11-13): Russia's words, not the leaders'.
            "In this regard, leaders also reject Russia’s false claims that Ukraine is"
            " preparing a radiological “dirty bomb.”\n",
            "Russia",
        ),
    ):
        (x,) = counted(text)
        assert name(x) == who
        assert x.attribution_rule == "possessive-speech"


def test_a_reporting_verb_after_the_noun_takes_over() -> None:
    text = "Smith’s claim was rejected, and Jones said that “the vote was rigged.”\n"
    (x,) = counted(text)
    assert name(x) == "Jones"
