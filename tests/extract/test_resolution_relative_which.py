"""A ", which" / "— which" clause before a cue: the thing it hangs on speaks, not a
name in an aside between them; "recommended" is a reporting verb (issue 11, classes
1 and 3, and wh-fresh3's recall gap against the plain regex).

Sentences from White House releases (the White House corpus)."""

from __future__ import annotations

from .conftest import counted, name, q


def test_quoted_body_before_which_recommended_speaks_its_fragments() -> None:
    # "Charlotte murder exposes Democrat failures" (2025-09-08).
    text = (
        "In 2020, then-Governor Roy Cooper established the “Task Force for Racial Equity in"
        " Criminal Justice” — co-chaired by then-Attorney General and current Governor Josh"
        " Stein — which recommended “reimagining public safety” to “promote diversion and"
        " other alternatives to arrest,” “deemphasize” some felony crimes, prioritize"
        " “restorative justice,” and “eliminate cash bail” for many crimes.\n"
    )
    quotes = q(text)
    assert quotes[0].kind == "scare"  # the task force's name, no quotation of Stein's
    spoken = counted(text)
    assert [x.text for x in spoken if x.text.startswith(("reim", "rest", "elim"))]
    assert spoken and all(
        name(x) == "Task Force for Racial Equity in Criminal Justice" for x in spoken
    )


def test_which_clause_with_unknown_antecedent_takes_no_aside_name() -> None:
    # "White House to safely replace historic Jackson Magnolia" (2025-04-07): the
    # assessment concluded, not the society named in the aside; the report recommended.
    text = (
        "The collaborative decision regarding the tree follows a comprehensive assessment"
        " by Peter Hart, a board-certified master arborist and registered consulting"
        " arborist with the American Society of Consulting Arborists, which concluded the"
        " tree has “surpassed the time of serving as an aesthetic and historic landmark due"
        " to the potential harm it may cause because of the risk of structural failure.”"
        " The report also recommended, “to eliminate the risk of personal injury and/or"
        " property damage, this tree should be removed as soon as can be scheduled.”\n"
    )
    first, second = counted(text)
    assert name(first) is None
    assert name(second) == "report"


def test_indentation_of_a_wrapped_line_is_no_blanked_name_before_which() -> None:
    # The same release hard-wrapped, the aside indented on its own line: the blank
    # run before it is the indentation, not a quotation the mask blanked, so no
    # speaker is made of it (it was "?").
    text = (
        "In 2020, then-Governor Roy Cooper established a task force on racial equity\n"
        "        — co-chaired by then-Attorney General and current Governor Josh Stein —"
        " which recommended “reimagining public safety” for the state.\n"
    )
    assert all(name(x) != "?" for x in q(text)), [name(x) for x in q(text)]
