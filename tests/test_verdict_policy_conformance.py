"""docs/VERDICT-POLICY.md clause by clause, on excerpts of real White House
transcripts (public domain), each clause checked on more than one transcript.

A conformance review (issue 10): the drifts are the kinds real journalists
make (stutters left out, a sentence skipped, a sentence run on across the
audience's interjections), applied to real sentences; the expected verdict
is the written rule's.
"""

from __future__ import annotations

import pytest

from quoteverify.models import QuoteResult, Speaker, note_code

from .conftest import judge_text, transcript

BIDEN = Speaker("Joe Biden", "Biden", 0, 5)
HARRIS = Speaker("Kamala Harris", "Harris", 0, 5)
JEAN_PIERRE = Speaker("Karine Jean-Pierre", "Jean-Pierre", 0, 5)
JILL = Speaker("Jill Biden", "Biden", 0, 5)


def _codes(r: QuoteResult) -> set[str]:
    return {note_code(n) for n in r.notes}


# Remarks by President Biden after briefing on Hurricanes Helene and Milton, 2024-10-08.
MILTON = transcript(
    "THE PRESIDENT:  Thanks for your patience.  As you know, I put out a\n"
    "statement this morning that I’m canceling my trip to Germany and to\n"
    "Africa.  We’re going to try to re- — work those out later.  But I just\n"
    "don’t think I can be out of the country at this time.  Number one. \n\n"
    "And number two, we — we’re going to stay focused on what’s a- — what’s\n"
    "ahead of us right now.  I — I’ve been briefed by the senior leaders of\n"
    "this administration and — who are driving our preparedness for Hurricane\n"
    "Milton, which could be one of the worst storms in 100 years in Florida,\n"
    "and continued efforts on Hurricane Helene. \n",
    title="Remarks by President Biden After Briefing on the Federal Government’s "
    "Response to Hurricane Helene and the Preparations for Hurricane Milton",
)

# Press Briefing by Press Secretary Karine Jean-Pierre, 2023-05-02.
DEFAULT_ACT = transcript(
    "MS. JEAN-PIERRE:  And that’s not only — that’s not only the — that’s not the only thing\n"
    "that they’re doing.  \n\n"
    "After pushing to repeal literal — literally dozens of clean energy tax\n"
    "credits, House Republicans are going out of their way to profess their\n"
    "loyalty to big oil.  \n",
    title="Press Briefing by Press Secretary Karine Jean-Pierre",
)

# Remarks by President Biden on the February jobs report, 2023-03-10, and at a
# campaign event in Philadelphia, 2024-05-29: words that begin another word.
JOBS = transcript(
    "THE PRESIDENT:  The better the relations between Israel and the — their Arab\n"
    "neighbors, the better for everybody.\n"
)
PHILADELPHIA = transcript(
    "THE PRESIDENT: I mean, can you fathom that? Where in the hell —\n"
    "(applause) — like I said, I think he injected too much of that bleach in\n"
    "his skin — into his brain. (Laughter.) I think it affected his brain.\n"
)


# -- minor: "immediate repetitions or stutters (I — I, we're — we're going)" ------------
@pytest.mark.parametrize(
    ("source", "speaker", "quote", "dropped"),
    [
        (MILTON, BIDEN, "And number two, we're going to stay focused", "we"),
        (
            DEFAULT_ACT,
            JEAN_PIERRE,
            "After pushing to repeal literally dozens of clean energy tax credits",
            "literal",
        ),
    ],
)
def test_minor_stutter_a_word_begun_again(source, speaker, quote, dropped) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "minor", r.notes
    assert any(o.source == dropped and o.flags == ("disfluency",) for o in r.diff), r.diff


@pytest.mark.parametrize(
    ("source", "quote"),
    [
        (JOBS, "The better the relations between Israel and their Arab neighbors"),
        (PHILADELPHIA, "I think he injected too much of that bleach into his brain."),
    ],
)
def test_diverged_false_start_that_begins_another_word(source, quote) -> None:
    # "a false start that is not a repetition is diverged"
    assert judge_text(quote, BIDEN, source).verdict == "diverged"


def test_minor_stutter_a_phrase_restarted_with_a_cut_off_word() -> None:
    # "what's a- — what's ahead": the diff drops "a what's"; slid by one word it
    # is the phrase broken off and said again.
    r = judge_text("we're going to stay focused on what's ahead of us right now.", BIDEN, MILTON)
    assert r.verdict == "minor" and "disfluency" in _codes(r), r.notes


# -- stitched: "with a whole sentence or more silently skipped" ------------------------
# Remarks by President Biden on efforts to reduce gun violence, 2023-03-14.
MONTEREY_PARK = transcript(
    "THE PRESIDENT:  Every case is different, but I know what it’s like.  I know what it’s\n"
    "like to get that call.  I know what it’s like to be told.  I know what\n"
    "it’s like to lose a loved one so suddenly.  It’s like losing a piece of\n"
    "your soul.\n"
)
# Remarks by President Biden on American Rescue Plan investments, 2022-09-02.
RESCUE_PLAN = transcript(
    "THE PRESIDENT:  They’re going to\n"
    "be part of this recovery.  They’re going to be the ones who are going to\n"
    "leading the way here.  They’re going to be the ones getting retrained\n"
    "for these jobs.    \n"
)
# Remarks by Vice President Harris at a campaign event, West Allis, WI, 2024-11-01.
WEST_ALLIS = transcript(
    "THE VICE PRESIDENT:  biggest state, I won fights.  I won fights against the big banks who\n"
    "were ripping off homeowners.  I won fights against for-profit colleges\n"
    "that were scamming veterans and students.  I won fights against\n"
    "predators who abused women and children.  I won fights against cartels\n"
    "that trafficked in guns and drugs and human beings.  (Applause.)\n",
    title="Remarks by Vice President Harris at a Campaign Event | West Allis, WI",
)


@pytest.mark.parametrize(
    ("source", "speaker", "quote", "skipped"),
    [
        (
            MONTEREY_PARK,
            BIDEN,
            "I know what it's like to get that call. "
            "I know what it's like to lose a loved one so suddenly.",
            "be told",
        ),
        (
            RESCUE_PLAN,
            BIDEN,
            "They're going to be part of this recovery. "
            "They're going to be the ones getting retrained for these jobs.",
            "leading the way here",
        ),
        (
            WEST_ALLIS,
            HARRIS,
            "I won fights against the big banks who were ripping off homeowners. "
            "I won fights against predators who abused women and children.",
            "scamming veterans and students",
        ),
    ],
)
def test_stitched_a_whole_sentence_skipped_amid_anaphora(source, speaker, quote, skipped) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "stitched", r.notes
    assert any(n.code == "stitch" and skipped in n.text for n in r.notes), r.notes


def test_elided_the_same_skip_marked_by_an_ellipsis() -> None:
    for source, speaker, quote in (
        (
            MONTEREY_PARK,
            BIDEN,
            "I know what it's like to get that call. … "
            "I know what it's like to lose a loved one so suddenly.",
        ),
        (
            WEST_ALLIS,
            HARRIS,
            "I won fights against the big banks who were ripping off homeowners. … "
            "I won fights against predators who abused women and children.",
        ),
    ):
        r = judge_text(quote, speaker, source)
        assert r.verdict == "elided", (quote, r.notes)
