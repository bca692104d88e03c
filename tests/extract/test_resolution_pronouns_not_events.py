"""Pronoun resolution: "he", "she" or "I" never stands for an event, a day or a law
(issue 11, class 2: events taken as speakers).

Text from White House remarks (the White House corpus)."""

from __future__ import annotations

from quoteverify.extract._lexicon import event_name

from .conftest import counted, name


def test_he_is_the_person_not_the_day_named_after_him() -> None:
    # Remarks at the 155th National Memorial Day Observance (2023-05-29).
    text = (
        "One hundred and fifty-five years ago, retired Union General James Garfield spoke"
        " here at Arlington, marking our nation’s first Memorial Day.\n"
        "Standing amid rows and rows of marble stones, many of his own fallen soldiers among"
        " them, he asked, “What brought these men here? What high motive led them to…welcome"
        " death?” And he answered his own question. He said, “Our nation’s life.”\n"
    )
    assert [name(x) for x in counted(text)] == ["James Garfield", "James Garfield"]


def test_event_heads() -> None:
    assert event_name("Yom Kippur War") and event_name("American Rescue Plan")
    assert not event_name("Golda Meir") and not event_name("Act")
