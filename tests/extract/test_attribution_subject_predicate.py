"""subject-predicate: quoted words that are the predicate of a company or agency
named as the sentence's subject (what it "is doing", "is expected to" do) are its
words; a quoted past verb stays the writer's.

Sentences from the White House round-ups of 2025-03-10, 2025-03-12, 2025-03-24 and
2025-04-11 and the release of 2025-03-04 (wh-heldout)."""

from __future__ import annotations

from .conftest import counted, name, q


def test_company_predicate_is_the_company_s() -> None:
    for text, who, kind in (
        (
            "Nissan is considering moving production from Mexico to the U.S. Rolls-Royce is"
            " expected to “ramp up” production in the U.S. by hiring more American workers"
            " and expand its U.S.-based operations.\n",
            "Rolls-Royce",
            "fragment",
        ),
        (
            "LG is considering moving its refrigerator manufacturing from Mexico to"
            " Tennessee. Italian spirits group Campari is “assessing the opportunities to"
            " expand its production in the U.S.”\n",
            "Campari",
            "quote",
        ),
        (
            "The Department of the Treasury is “sanctioning an international network for"
            " facilitating the shipment of millions of barrels of Iranian crude oil worth"
            " hundreds of millions of dollars to the People’s Republic of China.”\n",
            "Department of the Treasury",
            "quote",
        ),
    ):
        quotes = counted(text)
        assert [(x.kind, name(x)) for x in quotes] == [(kind, who)], quotes
        assert quotes[0].attribution_rule == "subject-predicate"


def test_a_quoted_past_verb_stays_a_scare_quote() -> None:
    text = (
        "In Washington, D.C., Children’s National Hospital “paused” prescribing puberty"
        " blockers and hormone therapies for minors.\n"
    )
    assert [x.kind for x in q(text)] == ["scare"]
