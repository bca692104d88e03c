"""Kind rules: fragments, scare quotes, headings."""

from __future__ import annotations

import pytest

from .conftest import q

# --- kinds -----------------------------------------------------------------------


def test_fragment_attributed() -> None:
    text = "Tokayev said the city was attacked by 20,000 “terrorists”, adding more."
    x = q(text)[0]
    assert x.kind == "fragment"
    assert x.speaker is not None and x.speaker.name == "Tokayev"


def test_scare_quote_unattributed() -> None:
    text = "Why did Putin withdraw ‘Russian NATO’ soldiers from Kazakhstan?"
    x = q(text)[0]
    assert x.kind == "scare"
    assert x.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "“Give me a dollar,” said a homeless man who goes by the name “Shorty.”",
        "He repeated the word “rigged” many times during the speech he said.",
        "She appeared on “Meet the Press” on Sunday morning.",
        "The so-called “freedom convoy” arrived in the capital, police said.",
    ],
)
def test_nicknames_terms_titles_are_scare(text: str) -> None:
    quotes = q(text)
    scare = [x for x in quotes if x.kind == "scare"]
    assert len(scare) == 1
    assert scare[0].speaker is None


def test_short_direct_quote_is_quote() -> None:
    x = q("“No,” Smith said.")[0]
    assert x.kind == "quote"
    assert x.speaker is not None and x.speaker.name == "Smith"


def test_heading_guessed() -> None:
    text = "Some prose paragraph here.\n\n“Russia comes to help”\n\nMore prose follows here."
    x = q(text)[0]
    assert x.kind == "heading"
    assert x.speaker is None


def test_heading_from_markup() -> None:
    text = "“We will win the war, and more”\n\nSome prose follows here."
    x = q(text, headings=((0, 31),))[0]
    assert x.kind == "heading"


def test_standalone_quote_after_colon_is_not_heading() -> None:
    text = "Smith said:\n\n“We will win”\n\nMore prose."
    x = q(text)[0]
    assert x.kind == "quote"


def test_ids_in_reading_order() -> None:
    text = "“One two three four,” Smith said. He likes ‘Scare’ a lot. “Five six seven,” Doe said."
    quotes = q(text)
    assert [x.id for x in quotes] == ["q1", "q2", "q3"]
    assert [x.kind for x in quotes] == ["quote", "scare", "quote"]


def test_empty_article() -> None:
    assert q("") == []
    assert q("\n\n  \n") == []
