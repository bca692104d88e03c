"""colon-lead: a paragraph that ends in its reporting verb and a comma leads into the
quotation that opens the next paragraph, as a colon does (issue 11, class 4: a
speaker carried across paragraphs).

Sentences from Wikinews (fixtures/extraction-realworld-heldout, CC BY 2.5) and White
House remarks (the White House corpus)."""

from __future__ import annotations

from .conftest import counted, name


def test_cue_and_comma_ending_a_paragraph_lead_into_the_next() -> None:
    for text, who in (
        (
            # Wikinews, "Scientology defector" (wikinews_defector).
            "According to Rathbun, a detective for the Los Angeles Sheriff's office was"
            " provided with material from Scientology to build a case against Montalvo."
            " Rathbun stated,\n\n“Daniel was picked up by an investigator in a black car with"
            " blacked out windows.”\n",
            "Rathbun",
        ),
        (
            # Remarks by President Biden and the First Lady, 2023-04-24.
            "Rebecka put a teacher’s creed into words when she said,\n\n“There’s no such"
            " thing as someone else’s child.” No such thing.\n",
            "Rebecka",
        ),
    ):
        (x,) = counted(text)
        assert name(x) == who
        assert x.attribution_rule == "colon-lead"


def test_a_paragraph_ending_in_a_comma_without_a_cue_leads_into_nothing() -> None:
    text = "The committee met on Tuesday and, as before, left,\n\n“No entry after dark.”\n"
    (x,) = counted(text)
    assert name(x) is None
