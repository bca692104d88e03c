"""docs/VERDICT-POLICY.md, "minor": "contractions and full forms (I've/I have,
gonna/going to, won't/will not)" — for a quote of a few words too.

A short quote is found word for word or not at all: a contraction written
out ("It is just wrong" for "It's just wrong") or a full form contracted
("This isn't over" for "This is not over") must still be the speaker's
words, minor.  Excerpts of real White House transcripts (public domain),
three transcripts.
"""

from __future__ import annotations

import pytest

from quoteverify.models import Speaker

from .conftest import judge_text, note_codes, transcript

BIDEN = Speaker("Joe Biden", "Biden", 0, 5)
TRUMP = Speaker("Donald Trump", "Trump", 0, 5)
JEAN_PIERRE = Speaker("Karine Jean-Pierre", "Jean-Pierre", 0, 5)

# Remarks by President Biden after Marine One arrival, 2023-12-06.
MARINE_ONE = transcript(
    "THE PRESIDENT:  Yes, a couple.  And look, the failure to — the failure\n"
    "to support Ukraine is just absolutely crazy.  It’s against U.S.\n"
    "interests.  It’s against the interests of the — of the world.  It’s just\n"
    "wrong.  And we’re — we’re going to get that — we’re going to get that\n"
    "aid.\n",
    title="Remarks by President Biden After Marine One Arrival",
    date="2023-12-06",
)
# Remarks by President Biden on the Supreme Court decision to overturn Roe v. Wade, 2022-06-24.
ROE = transcript(
    "THE PRESIDENT:  My administration will use all of its appropriate lawful powers.  But\n"
    "Congress must act.  And with your vote, you can act.  You can have the\n"
    "final word.  This is not over.\n",
    title="Remarks by President Biden on the Supreme Court Decision to Overturn Roe v. Wade",
    date="2022-06-24",
)
# Interview of President Trump and Elon Musk by Sean Hannity, 2025-02-18.
HANNITY = transcript(
    "MR. MUSK:  Yeah.  Yeah.\n\n"
    "Q    The day of the assassination?\n\n"
    "THE PRESIDENT:  Nice.  I didn’t know that.\n",
    title="Interview of President Trump and Elon Musk by Sean Hannity",
    date="2025-02-18",
)
# Press briefing by Karine Jean-Pierre and John Kirby, 2024-05-06.
JEAN_PIERRE_MAY_6 = transcript(
    "MS. JEAN-PIERRE:  Okay.  I’m going to — we’re going to have to start\nwrapping it up.\n",
    title="Press Briefing by Press Secretary Karine Jean-Pierre and National Security "
    "Communications Advisor John Kirby",
    date="2024-05-06",
)


@pytest.mark.parametrize(
    ("quote", "speaker", "source"),
    [
        ("It is just wrong.", BIDEN, MARINE_ONE),
        ("I’m gonna — we’re going", JEAN_PIERRE, JEAN_PIERRE_MAY_6),
        ("This isn't over.", BIDEN, ROE),
        ("did not know that", TRUMP, HANNITY),
    ],
)
def test_minor_a_short_quote_with_a_contraction_written_the_other_way(
    quote, speaker, source
) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "minor", r.notes
    assert "contraction" in note_codes(r), r.notes


@pytest.mark.parametrize(
    ("quote", "speaker", "source"),
    [
        ("This is over.", BIDEN, ROE),  # the negation dropped with the contraction
        ("It was just wrong.", BIDEN, MARINE_ONE),  # the tense changed
    ],
)
def test_not_passed_a_short_quote_whose_words_changed_with_it(quote, speaker, source) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict not in ("verbatim", "minor", "elided"), r.notes
