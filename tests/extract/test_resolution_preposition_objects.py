"""indirect-cue: the noun phrase before the cue that is a preposition's object (a
law a member voted against, a law that spurred an investment) never speaks; the
sentence's subject does (``_subject_over_relative``).

Sentences from the White House fact sheet of 2023-07-05 (wh-fresh5)."""

from __future__ import annotations

from .conftest import counted, name


def test_law_after_a_preposition_is_not_the_speaker() -> None:
    for text, who in (
        (
            "Representative Joe Wilson—who represents the area benefitting from Enphase’s"
            " investment spurred by the Inflation Reduction Act, said the law was passed"
            " “to the detriment of American families” and called it a “waste” of money.\n",
            "Joe Wilson",
        ),
        (
            "Representative William Timmons, who represents Greenville and Spartanburg"
            " Counties, where thousands of South Carolinians lack access to high speed"
            " internet, voted against the Bipartisan Infrastructure Law, said it would do"
            " “nothing of the sort” to connect Americans to high-speed internet.\n",
            "William Timmons",
        ),
    ):
        quotes = counted(text)
        assert quotes and all(name(x) == who for x in quotes), quotes


def test_a_name_after_a_preposition_at_the_clause_head_still_speaks() -> None:
    # "As President Trump said, the legislation is “…”" (2025-07-16) keeps its speaker.
    quotes = counted(
        "As President Trump said, the legislation is “delivering another defeat for the"
        " savage drug smugglers and narco-terrorists.”\n"
    )
    assert quotes and all("Trump" in name(x) for x in quotes), quotes
