"""Quotation marks: kinds of marks, nesting, apostrophes, multi-paragraph and
unclosed quotations."""

from __future__ import annotations

import pytest

from .conftest import only, q

# --- marks ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, inner",
    [
        ("He said: “We will win the war today.”", "We will win the war today."),
        ('He said: "We will win the war today."', "We will win the war today."),
        ("Il a dit : «Nous allons gagner la guerre.»", "Nous allons gagner la guerre."),
        ("Er sagte: „Wir werden den Krieg gewinnen.“", "Wir werden den Krieg gewinnen."),
        ("Er sagte: ‹Wir werden den Krieg gewinnen.›", "Wir werden den Krieg gewinnen."),
        ("彼は言った：「私たちは戦争に勝つ。」と述べた。", "私たちは戦争に勝つ。"),
        ("She said: ‘We will win the war today.’", "We will win the war today."),
        ("Han sa: ”Vi kommer att vinna kriget idag.”", "Vi kommer att vinna kriget idag."),
    ],
)
def test_mark_types(text: str, inner: str) -> None:
    quotes = q(text)
    assert [x.text for x in quotes] == [inner]
    assert quotes[0].closed


def test_single_inside_double_is_not_reported_separately() -> None:
    text = "“He told me ‘never again’ and I believed him,” Smith said."
    quotes = q(text)
    assert len(quotes) == 1
    assert quotes[0].text == "He told me ‘never again’ and I believed him,"


def test_double_inside_single() -> None:
    text = "‘He told me “never again” and I believed him,’ Smith said."
    quotes = q(text)
    assert len(quotes) == 1
    assert "never again" in quotes[0].text
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Smith"


@pytest.mark.parametrize(
    "text",
    [
        "You shouldn‘t do that, and Jones' dog agreed.",
        "'Tis the season, they thought.",
        "Music of the ’90s was rock ’n’ roll, and I don’t mind.",
        "The Joneses' house is at the O’Briens' corner.",
        "It was 5'11\" tall.",
    ],
)
def test_apostrophes_are_not_marks(text: str) -> None:
    assert q(text) == []


def test_straight_quotes_alternate() -> None:
    text = 'He said "one thing is clear to all of us" and then "another is true as well."'
    quotes = q(text)
    assert [x.text for x in quotes] == [
        "one thing is clear to all of us",
        "another is true as well.",
    ]


# --- multi-paragraph and unclosed -------------------------------------------


def test_multi_paragraph_quote() -> None:
    text = (
        "Smith said: “The first paragraph of the statement goes on here.\n\n"
        "“The second paragraph continues the statement.\n\n"
        "“And the third one closes it.”\n\nThe end of the story is here."
    )
    quotes = q(text)
    assert len(quotes) == 1
    x = quotes[0]
    assert x.closed
    assert x.text.startswith("The first paragraph")
    assert x.text.endswith("closes it.")
    assert "“The second" in x.text
    assert x.speaker is not None and x.speaker.name == "Smith"


def test_unclosed_ends_at_paragraph_end() -> None:
    text = "Smith said: “We will never give up the fight.\n\nThe next paragraph is prose."
    x = only(text)
    assert not x.closed
    assert x.text == "We will never give up the fight."
    assert any("never closed" in n and "end of paragraph" in n for n in x.notes)


def test_unclosed_ends_before_trailing_attribution() -> None:
    text = "“We will never give up the fight, Smith said. Then he left the room."
    x = only(text)
    assert not x.closed
    assert x.text == "We will never give up the fight"
    assert x.speaker is not None and x.speaker.name == "Smith"


def test_unclosed_before_new_opening_mark() -> None:
    text = "“We will never give up. “This is a new quotation from him,” Smith said."
    quotes = q(text)
    assert len(quotes) == 2
    assert not quotes[0].closed
    assert quotes[0].text == "We will never give up."
    assert quotes[1].closed


def test_random_unbalanced_never_crashes() -> None:
    for text in ["”", "“", "“”", "« » «", "a “b ” c “ d", '"', "''\"\"'", "„“”«", "“\n\n“\n\n”"]:
        q(text)
