"""A speaker's apposition set off by a pair of dashes is an aside, as a bracket is:
the name before it speaks, not the role inside it (issue 11, class 3/4 resolution).

Sentences from White House releases (the White House corpus)."""

from __future__ import annotations

from quoteverify.extract._phrases import blank_dash_asides

from .conftest import counted, name


def test_name_before_a_dashed_apposition_speaks() -> None:
    # "Sanctuary policies put accused killer back on the streets" (2025-04-15).
    text = (
        "In 2019, then-Prince George’s County Executive Angela Alsobrooks — now a U.S."
        " Senator — bragged about “not participating in immigration enforcement” and"
        " claimed in 2024 that immigration enforcement “should not be the responsibility of"
        " local governments.” In 2019, then-Prince George’s County Council Member Deni"
        " Taveras — now a member of the Maryland House of Delegates — said “there is an"
        " incredible amount of fear” about immigration enforcement.\n"
    )
    quotes = counted(text)
    # The second verb ("and claimed …") is coordinated with the first: the same name.
    assert [name(x) for x in quotes] == ["Angela Alsobrooks", "Angela Alsobrooks", "Deni Taveras"]


def test_dashed_apposition_with_known_for() -> None:
    # "Mythbuster: One Big Beautiful Bill cuts spending" (2025-06-05).
    text = (
        "OMB Deputy Director Dan Bishop — known for his fiscal responsibility — says he"
        " “waited for an opportunity like this” when he was in Congress.\n"
    )
    assert name(counted(text)[0]) == "Dan Bishop"


def test_a_speakers_own_dashed_clause_is_no_apposition() -> None:
    # Transcripts break off clauses with dashes (remarks of 2022-04-22, 2022-10-02):
    # only a describing phrase is blanked.
    assert "—" in blank_dash_asides("Edward Abbey — I didn’t know he had been a ranger — wrote")
    assert "—" in blank_dash_asides("Ketanji Brown — the associate justice said it — said")
