"""A doubled opening mark ““ is a typo for one: one quotation, its words after
both marks, not an empty quotation followed by a second one.

Lines from White House releases (the White House corpus)."""

from __future__ import annotations

from .conftest import q


def test_doubled_opener_is_one_quotation() -> None:
    for text, words in (
        (
            # Fact sheet of 2025-01-22 (extraction-wh-heldout).
            "In his inaugural address, President Trump promised: ““We will forge a society"
            " that is colorblind and merit-based.”\nPresident Trump stated more.\n",
            "We will forge a society that is colorblind and merit-based.",
        ),
        (
            # A statement round-up (White House corpus).
            "**Senator Richard Blumenthal (CT)**: ““This $5 billion in federal funding is"
            " critical to building clean energy infrastructure and a more energy resilient"
            " Connecticut.”\n",
            "This $5 billion in federal funding is critical to building clean energy"
            " infrastructure and a more energy resilient Connecticut.",
        ),
    ):
        got = q(text, "markdown")
        assert [x.text for x in got] == [words]
        assert got[0].attribution_rule == "cue-before"
