"""cue-after: a person's full name after a comma list of offices speaks, not an office
in the list (issue 11, class 3: role nouns taken for the speaker).

Sentences from White House releases (the White House corpus)."""

from __future__ import annotations

from .conftest import counted, name


def test_name_after_a_list_of_offices_speaks() -> None:
    for text, who in (
        (
            # "Katherine Scarlett confirmed …" (2025-09-18).
            "“Throughout her career, Ms. Scarlett has demonstrated an ability to navigate"
            " complex policy matters,” said U.S. Chamber of Commerce Executive Vice"
            " President, Chief Policy Officer, and Head of Strategic Advocacy, Neil L."
            " Bradley.\n",
            "Neil L. Bradley",
        ),
        (
            # "What they are saying" (2025-01-06): the last office runs into the name.
            "“President Biden just made a powerful investment in the resiliency of"
            " communities,” said Earthjustice Vice President of Litigation for Lands,"
            " Wildlife, and Oceans Drew Caputo.\n",
            "Drew Caputo",
        ),
    ):
        (x,) = counted(text)
        assert name(x) == who


def test_a_name_first_keeps_its_offices_after_it() -> None:
    # "said Eric Shanks, CEO and Executive Producer, FOX Sports." (2026-08-20).
    text = "“At FOX, we believe in sports,” said Eric Shanks, CEO and Executive Producer, FOX Sports.\n"
    (x,) = counted(text)
    assert name(x) == "Eric Shanks"
