"""According to X, …, and Y <verb> “Q”: a clause of its own, joined by "and" and
with its own reporting or finding verb, ends X's hold on the sentence (issue 11,
class 3: the outlet or official of "according to" took the next speaker's words).

Sentences from the White House "Leaders Summit on Climate: Summary of Proceedings"
(2021-04-23, wh-fresh6) and the fact sheet on vaccination requirements of
2021-11-04 (White House corpus)."""

from __future__ import annotations

from .conftest import counted, name


def test_a_reporting_verb_after_and_takes_over() -> None:
    text = (
        "The discussion underscored the urgent need for innovation: 45% of the emissions"
        " reductions needed for a swift net-zero transition must come from technologies"
        " that are not commercially available, according to the Executive Director of"
        " the International Energy Agency, and Bill Gates urged investment to drive down"
        " “green premium” prices of most zero-carbon technologies.\n"
    )
    (x,) = counted(text)
    assert name(x) == "Bill Gates"


def test_a_finding_verb_after_and_leaves_the_analysts_out() -> None:
    text = (
        "According to Wall Street analysts, vaccination requirements could result in as"
        " many as 5 million American workers going back to work, and a survey of"
        " prominent, independent economists found unanimous agreement that vaccination"
        " requirements will “promote a faster and stronger economic recovery.”\n"
    )
    (x,) = counted(text)  # found, so that the check below can fail
    assert "Wall Street" not in (name(x) or "")


def test_according_to_alone_still_speaks() -> None:
    # White House, 2025-06-30 (wh-fresh3): no second clause, the outlet keeps it.
    text = "According to CNBC, “gas is the cheapest it’s ever been.”\n"
    (x,) = counted(text)
    assert name(x) == "CNBC"
