"""quoted-modifier: a short quotation between an article or a possessive and the
noun it modifies is the writer's term, even where a verb of saying governs the
sentence (issue 11: uncredited scare terms counted as fragments); a verb of
calling or judging keeps its phrase."""

from __future__ import annotations

from .conftest import q


def _kind(text: str, body: str) -> str:
    (x,) = [x for x in q(text) if x.text == body]
    return x.kind


def test_a_quoted_modifier_is_a_term() -> None:
    # ICYMI of 2023-03-06 (White House); team article 02 (extraction dev gold).
    assert (
        _kind(
            "White House economic aides charged with assembling Biden’s “junk fee” agenda,"
            " meanwhile, zeroed in on surprise fees.\n",
            "junk fee",
        )
        == "scare"
    )
    assert (
        _kind(
            "Board member Jenny Walsh said the 'extended hours' plan was \"a good start, not"
            ' the finish line."\n',
            "extended hours",
        )
        == "scare"
    )
    # 2025-05-08: the promise's cue no longer claims the writer's word.
    assert (
        _kind(
            "In February, President Donald J. Trump promised “a great trade agreement” with"
            " the United Kingdom — and today he delivered with a “breakthrough” trade deal"
            " that expands market access.\n",
            "breakthrough",
        )
        == "scare"
    )


def test_a_verb_of_judging_keeps_its_phrase() -> None:
    # International Business Times quoted by the White House, 2023-02-15.
    text = (
        "President Joe Biden on Tuesday termed Air India’s $34 billion order for 220"
        " Boeing planes as a “historic” deal.\n"
    )
    assert _kind(text, "historic") == "fragment"


def test_a_function_word_after_the_mark_is_no_noun() -> None:
    # "Democrats' unhinged crusade against ICE" (White House, 2025-09-26).
    text = (
        "Rep. Eric Swalwell said it was his “priority” to ensure ICE agents “are no"
        " longer faceless.”\n"
    )
    assert _kind(text, "priority") == "fragment"


def test_that_before_the_mark_is_a_relative_pronoun() -> None:
    # "Democrats put veterans, seniors, public safety at risk" (2025-09-29).
    text = (
        "Four veteran groups — American Legion, AMVETS (American Veterans), Vietnam Veterans"
        " of America and Mission Roll Call — said on Saturday that the CR contains “vital"
        " extensions” for the Department of Veterans Affairs (VA) that “safeguard” important"
        " programs.\n"
    )
    assert _kind(text, "safeguard") == "fragment"
