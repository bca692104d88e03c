"""Spelling variants against changes of inflection and misspelt names.

Each test uses its own invented text (not the held-out cases): a change of
inflection ("promise" -> "promised") is never a spelling variant while a
British spelling stays minor, and a two-letter misspelling of a capitalised
name is minor where the same change of a common word is not.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteverify.models import Speaker
from quoteverify.verdict._inflection import _stems, is_inflection

from .conftest import judge_text, transcript

BIDEN = Speaker("Joe Biden", "Biden", 0, 5, title="President")


# -- inflection is not spelling ------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("promise", "promised"),  # tense
        ("threat", "threats"),  # number
        ("carry", "carried"),  # y -> ied
        ("study", "studies"),  # y -> ies
        ("stop", "stopped"),  # doubled consonant
        ("commit", "committing"),
        ("make", "making"),  # e dropped before -ing
        ("promised", "promises"),  # two inflections of one verb
        ("box", "boxes"),
    ],
)
def test_inflections(a: str, b: str) -> None:
    assert is_inflection(a, b) and is_inflection(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("color", "colour"),
        ("organize", "organise"),
        ("organized", "organised"),
        ("theater", "theatre"),
        ("traveled", "travelled"),
        ("judgment", "judgement"),
        ("focused", "focussed"),
        ("canceling", "cancelling"),
        ("toward", "towards"),
        ("aging", "ageing"),
        ("center", "centre"),
    ],
)
def test_spelling_variants_are_not_inflections(a: str, b: str) -> None:
    assert not is_inflection(a, b) and not is_inflection(b, a)


PLEDGE = (
    "THE PRESIDENT:  I promise to cut the cost of insulin for every family in this country.  "
    "We traveled to every corner of the nation and organized workers in every state.  "
    "The theater of war has moved, and my judgment has not changed.\n"
)


def test_tense_change_is_diverged_and_noted() -> None:
    ps = transcript(PLEDGE, "Remarks by President Biden on Health Care")
    r = judge_text(
        "I promised to cut the cost of insulin for every family in this country.", BIDEN, ps
    )
    assert r.verdict == "diverged", r.notes
    assert "inflection changed: 'promise' → 'promised'" in r.notes


@pytest.mark.parametrize(
    "text",
    [
        "We travelled to every corner of the nation and organised workers in every state.",
        "The theatre of war has moved, and my judgement has not changed.",
    ],
)
def test_british_spellings_stay_minor(text: str) -> None:
    ps = transcript(PLEDGE, "Remarks by President Biden on Health Care")
    r = judge_text(text, BIDEN, ps)
    assert r.verdict == "minor", (r.notes, [(o.quote, o.source, o.flags) for o in r.diff])


# -- a misspelt proper name ------------------------------------------------------------
TRIBUTE = (
    "THE PRESIDENT:  To Cindy and the entire McBain family, thank you for sharing him with "
    "the country.  Matter of fact, he never stopped serving, and that is a matter of record.\n"
)


def test_two_letter_misspelling_of_a_name_is_minor() -> None:
    ps = transcript(TRIBUTE, "Remarks by President Biden Honoring Senator McBain")
    r = judge_text("To Cindy and the entire McBane family, thank you for sharing him", BIDEN, ps)
    assert r.verdict == "minor", (r.notes, [(o.quote, o.source, o.flags) for o in r.diff])


@pytest.mark.parametrize(
    "text",
    [
        # A common word, not a name: "matter" -> "mother" (2 of 6 letters).
        "he never stopped serving, and that is a mother of record",
        # Capitalised only because it opens a sentence: no name either.
        "thank you for sharing him with the country. Mother of fact, he never stopped serving",
    ],
)
def test_two_letter_change_of_a_common_word_is_not_minor(text: str) -> None:
    ps = transcript(TRIBUTE, "Remarks by President Biden Honoring Senator McBain")
    r = judge_text(text, BIDEN, ps)
    assert r.verdict == "diverged", (r.notes, [(o.quote, o.source, o.flags) for o in r.diff])


@given(st.text(alphabet="abdeginorsty", max_size=9), st.text(alphabet="abdeginorsty", max_size=9))
def test_words_that_differ_in_their_first_two_letters_share_no_stem(a, b):
    # is_inflection answers False for them without comparing stems.
    if a[:2] != b[:2]:
        assert not set(_stems(a)) & set(_stems(b))
