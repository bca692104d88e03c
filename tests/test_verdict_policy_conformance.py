"""docs/VERDICT-POLICY.md clause by clause, on excerpts of real White House
transcripts (public domain), each clause checked on more than one transcript.

A conformance review (issue 10): the drifts are the kinds real journalists
make (stutters left out, a sentence skipped, a sentence run on across the
audience's interjections), applied to real sentences; the expected verdict
is the written rule's.
"""

from __future__ import annotations

import pytest

from quoteverify.models import PASSING_VERDICTS, Speaker

from .conftest import judge_text, note_codes, transcript

BIDEN = Speaker("Joe Biden", "Biden", 0, 5)
HARRIS = Speaker("Kamala Harris", "Harris", 0, 5)
JEAN_PIERRE = Speaker("Karine Jean-Pierre", "Jean-Pierre", 0, 5)
JILL = Speaker("Jill Biden", "Biden", 0, 5)


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
    assert r.verdict == "minor" and "disfluency" in note_codes(r), r.notes


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


# -- stitched, the one exception: a sentence run on across brief interjections --------
# Remarks by Vice President Harris at a campaign event, Harrisburg, PA, 2024-10-30.
HARRISBURG = transcript(
    "THE VICE PRESIDENT:  So, this is\n"
    "someone who is not thinking about how to make your life better.  This is\n"
    "someone who is unstable —\n\n"
    "AUDIENCE:  Yes!\n\n"
    "THE VICE PRESIDENT: — obsessed with revenge —\n\n"
    "AUDIENCE:  Yes!\n\n"
    "THE VICE PRESIDENT:  — consumed with grievance —\n\n"
    "AUDIENCE:  Yes!\n\n"
    "THE VICE PRESIDENT:  — and out for unchecked power. \n",
    title="Remarks by Vice President Harris at a Campaign Event | Harrisburg, PA",
)
# Remarks by President Trump and NATO Secretary General Mark Rutte, 2025-03-13.
RUTTE = transcript(
    "SECRETARY GENERAL RUTTE:  And, by the way, you — this is a Republican\n"
    "tradition.  Ronald Reagan, when he negotiated with Gorbachev —\n\n"
    "PRESIDENT TRUMP:  Right. \n\n"
    "SECRETARY GENERAL RUTTE:  — in the 1980s —\n\n"
    "PRESIDENT TRUMP:  That’s right.\n\n"
    "SECRETARY GENERAL RUTTE:  — about bringing down the number of nuclear\n"
    "weapons is what you have been doing your first term.  And it is\n"
    "important. \n",
    title="Remarks by President Trump and NATO Secretary General Mark Rutte Before "
    "Bilateral Meeting",
)
# Remarks by Vice President Harris in a moderated conversation on protecting
# reproductive rights, 2022-10-28.
SCANLON = transcript(
    "REPRESENTATIVE SCANLON:  And the other power of that and the movement of\n"
    "working together is, when we’re facing such division —  \n\n"
    "THE VICE PRESIDENT:  Yeah.  \n\n"
    "REPRESENTATIVE SCANLON:  — and pitting of people against each other,\n"
    "creating chaos as opposed to community —  \n\n"
    "THE VICE PRESIDENT:  That’s right.  \n\n"
    "REPRESENTATIVE SCANLON:  — you know, moving towards the beloved\n"
    "community where everyone has access and opportunity is much more\n"
    "powerful.  \n",
    title="Remarks by Vice President Harris in a Moderated Conversation on Protecting "
    "Reproductive Rights",
)


@pytest.mark.parametrize(
    ("source", "speaker", "quote", "interjections"),
    [
        (
            HARRISBURG,
            HARRIS,
            "This is someone who is unstable, obsessed with revenge, consumed with grievance "
            "and out for unchecked power.",
            3,
        ),
        (
            RUTTE,
            Speaker("Mark Rutte", "Rutte", 0, 5),
            "Ronald Reagan, when he negotiated with Gorbachev in the 1980s about bringing "
            "down the number of nuclear weapons",
            2,
        ),
        (
            SCANLON,
            Speaker("Mary Gay Scanlon", "Scanlon", 0, 5),
            "when we're facing such division and pitting of people against each other, "
            "creating chaos as opposed to community, you know, moving towards the beloved "
            "community where everyone has access and opportunity",
            2,
        ),
    ],
)
def test_minor_sentence_run_on_across_several_interjections(
    source, speaker, quote, interjections
) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "minor", r.notes
    assert sum(o.flags == ("interjection",) for o in r.diff) == interjections, r.diff


def test_diverged_words_dropped_in_a_sentence_run_on_across_interjections() -> None:
    # "you know" left out: "any other dropped word (you know, ...) is diverged".
    quote = (
        "when we're facing such division and pitting of people against each other, "
        "creating chaos as opposed to community, moving towards the beloved community"
    )
    r = judge_text(quote, Speaker("Mary Gay Scanlon", "Scanlon", 0, 5), SCANLON)
    assert r.verdict == "diverged", r.notes


# Press briefing by Jean-Pierre and Kirby, 2024-03-22; Biden and Chancellor Scholz
# before a bilateral meeting, 2024-02-09: an interjection of no words, only the
# transcriber's note of what the other person did.
KIRBY = transcript(
    "MR. KIRBY: Thank you, Karine. Th- — I’m going to thank you in advance\n"
    "for your patience —\n\n"
    "MS. JEAN-PIERRE: (Laughs.)\n\n"
    "MR. KIRBY: — because I do you have a few things I — I’m going to try to\n"
    "get through here. Let me put my cheaters on.\n",
    title="Press Briefing by Press Secretary Karine Jean-Pierre and White House National "
    "Security Communications Advisor John Kirby",
)
SCHOLZ = transcript(
    "CHANCELLOR SCHOLZ:  And so, I’m very happy that in Europe we made, now, decisions to give\n"
    "the necessary financial support to the budget.\n\n"
    "And hopefully, the —\n\n"
    "PRESIDENT BIDEN: (Holds up crossed fingers.)\n\n"
    "CHANCELLOR SCHOLZ: — Congress will — the House will follow you and make\n"
    "a decision on giving the necessary support.\n",
    title="Remarks by President Biden and Chancellor Olaf Scholz of Germany Before "
    "Bilateral Meeting",
)


@pytest.mark.parametrize(
    ("source", "speaker", "quote", "shown"),
    [
        (
            KIRBY,
            Speaker("John Kirby", "Kirby", 0, 5),
            "I'm going to thank you in advance for your patience because I do you have a few "
            "things I'm going to try to get through here.",
            "(Laughs.)",
        ),
        (
            SCHOLZ,
            Speaker("Olaf Scholz", "Scholz", 0, 5),
            "And hopefully, the — Congress will — the House will follow you",
            "(Holds up crossed fingers.)",
        ),
    ],
)
def test_minor_interjection_of_no_words(source, speaker, quote, shown) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "minor", r.notes
    assert any(n.code == "interjection" and shown in n.text for n in r.notes), r.notes


# Remarks by Vice President Harris, Oakland County, MI, 2024-10-18; Jean-Pierre's
# gaggle en route Detroit, 2024-02-01: a stutter where the speaker takes up the
# sentence again after the interjection.
OAKLAND = transcript(
    "THE VICE PRESIDENT:  This — this election is about two very\n"
    "different visions for our nation: one, Donald Trump’s, that is focused\n"
    "on the past —\n\n"
    "AUDIENCE:  Booo —\n\n"
    "THE VICE PRESIDENT: — and the other — and the other, ours, that is\n"
    "focused on the future.  (Applause.)\n",
    title="Remarks by Vice President Harris at a Campaign Event | Oakland County, MI",
)
DETROIT_GAGGLE = transcript(
    "MS. JEAN-PIERRE:  But as I just\n"
    "stated, we do have White House officials —\n\n"
    "Q Can you —\n\n"
    "MS. JEAN-PIERRE: — that are — that are planning to go out to Michigan in\n"
    "— in the next couple of days.\n",
    title="Press Gaggle by Press Secretary Karine Jean-Pierre and NSC Coordinator for "
    "Strategic Communications John Kirby",
)


@pytest.mark.parametrize(
    ("source", "speaker", "quote", "dropped"),
    [
        (
            OAKLAND,
            HARRIS,
            "one, Donald Trump's, that is focused on the past, and the other, ours, that is "
            "focused on the future.",
            "and the other",
        ),
        (
            DETROIT_GAGGLE,
            JEAN_PIERRE,
            "we do have White House officials that are planning to go out to Michigan",
            "that are",
        ),
    ],
)
def test_minor_stutter_where_the_sentence_is_taken_up_after_an_interjection(
    source, speaker, quote, dropped
) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "minor", r.notes
    assert {"interjection", "disfluency"} <= note_codes(r), r.notes
    assert any(o.source == dropped and o.flags == ("disfluency",) for o in r.diff), r.diff


# -- elided and the interjection exception together -----------------------------------
# Remarks by President Trump after Air Force One arrival, Fletcher, NC, 2025-01-24.
ASHEVILLE = transcript(
    "THE PRESIDENT:  We’re going to supply\n"
    "the money — we’ll supply a lot of the money.  Maybe you have to chip in\n"
    "something — you’ll chip in a little something, like —\n\n"
    "GOVERNOR STEIN:  We will.\n\n"
    "THE PRESIDENT:  — maybe 25 percent or whatever. \n\n"
    "But we’re going to get it done as quickly as we can.\n",
    title="Remarks by President Trump After Air Force One Arrival Fletcher, NC",
)
TRUMP = Speaker("Donald Trump", "Trump", 0, 5)


@pytest.mark.parametrize(
    ("source", "speaker", "quote"),
    [
        (
            ASHEVILLE,
            TRUMP,
            "you'll chip in a little something, like … maybe 25 percent or whatever.",
        ),
        (
            HARRISBURG,
            HARRIS,
            "This is someone who is unstable … obsessed with revenge … consumed with grievance",
        ),
    ],
)
def test_minor_an_ellipsis_that_marks_only_an_interjection(source, speaker, quote) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "minor", r.notes
    assert "interjection" in note_codes(r) and "stitch" not in note_codes(r), r.notes


@pytest.mark.parametrize(
    ("source", "speaker", "quote"),
    [
        (
            ASHEVILLE,
            TRUMP,
            "Maybe you have to chip in … a little something, like maybe 25 percent or whatever.",
        ),
        (
            HARRISBURG,
            HARRIS,
            "This is someone who is not thinking about how to make your life better. … "
            "someone who is unstable, obsessed with revenge",
        ),
        (
            OAKLAND,
            HARRIS,
            "This election is about two very different visions for our nation … the other, "
            "ours, that is focused on the future.",
        ),
    ],
)
def test_elided_a_part_that_runs_on_across_an_interjection(source, speaker, quote) -> None:
    # Before: "part 2 is not in the source" (diverged), or an IndexError.
    r = judge_text(quote, speaker, source)
    assert r.verdict == "elided", r.notes
    assert {"elision", "interjection"} <= note_codes(r), r.notes


def test_stitched_an_ellipsis_across_an_interjection_and_an_editors_gap() -> None:
    # The same remarks as an excerpt that cut the speaker's own words ("[…]"):
    # what was cut there is unknown, so the interjection does not make the
    # quote one passage (without the interjection it is stitched as well).
    excerpt = transcript(
        "THE PRESIDENT:  Maybe you have to chip in\n"
        "something — you’ll chip in a little something, […] like —\n\n"
        "GOVERNOR STEIN:  We will.\n\n"
        "THE PRESIDENT:  — maybe 25 percent or whatever. \n",
        title="Remarks by President Trump After Air Force One Arrival Fletcher, NC",
    )
    r = judge_text(
        "you'll chip in a little something … maybe 25 percent or whatever.", TRUMP, excerpt
    )
    assert r.verdict == "stitched", r.notes


@pytest.mark.parametrize(
    ("before", "interjection"),
    [("like —", "[…]"), ("like […] —", "We will."), ("like —", "We will. […] Yes.")],
)
def test_no_run_on_across_an_editors_gap(before, interjection) -> None:
    # An excerpt's "[…]" in the interjection or in the speaker's words next to
    # it: what was cut there is unknown, so the sentence is not known to run on.
    excerpt = transcript(
        "THE PRESIDENT:  Maybe you have to chip in\n"
        f"something — you’ll chip in a little something, {before}\n\n"
        f"GOVERNOR STEIN:  {interjection}\n\n"
        "THE PRESIDENT:  — maybe 25 percent or whatever. \n",
        title="Remarks by President Trump After Air Force One Arrival Fletcher, NC",
    )
    quote = "you'll chip in a little something, like maybe 25 percent or whatever."
    r = judge_text(quote, TRUMP, excerpt)
    assert r.verdict not in PASSING_VERDICTS and "interjection" not in note_codes(r), r.notes


# -- elided: the false-start exception -------------------------------------------------
# Press briefings by Jean-Pierre and Kirby, 2023-01-06, and Jean-Pierre and Keisha
# Lance Bottoms, 2023-01-13: "a false start that the speaker broke off with a dash
# and restarted (That wasn't — they have…) is not such a word's home".
UKRAINE_BRIEFING = transcript(
    "MR. KIRBY:  — and the\n"
    "innovative way in which they’re using what is being provided to them.   \n\n"
    "So I don’t — they never fail, I don’t think, to surprise or impress with\n"
    "their ability to adapt in real time to the challenges that they’re\n"
    "facing.  \n",
    title="Press Briefing by Press Secretary Karine Jean-Pierre and National Security "
    "Council Coordinator for Strategic Communications John Kirby",
)
DOCUMENTS_BRIEFING = transcript(
    "MS. JEAN-PIERRE:  Don’t have — again, that’s a — that is — that is\n"
    "something that I can’t — I don’t have a magic wand here.  I don’t know\n"
    "when that’s going to happen.   \n",
    title="Press Briefing by Press Secretary Karine Jean-Pierre and Senior Advisor for "
    "Public Engagement Keisha Lance Bottoms",
)


@pytest.mark.parametrize(
    ("source", "speaker", "quote"),
    [
        (
            UKRAINE_BRIEFING,
            Speaker("John Kirby", "Kirby", 0, 5),
            "the innovative way in which they're using what is being provided to them. "
            "So … they never fail, I don't think, to surprise or impress",
        ),
        (
            DOCUMENTS_BRIEFING,
            JEAN_PIERRE,
            "that is something that … I don't have a magic wand here.",
        ),
    ],
)
def test_elided_a_false_start_left_out_up_to_its_dash(source, speaker, quote) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "elided", r.notes
    assert "negation" not in note_codes(r), r.notes


def test_diverged_a_negation_left_out_outside_the_false_start() -> None:
    # "I don't —" is a false start, but the omission runs on over "they never
    # fail, I don't think,": that "don't" can reverse what is kept.
    r = judge_text(
        "So … to surprise or impress with their ability to adapt in real time",
        Speaker("John Kirby", "Kirby", 0, 5),
        UKRAINE_BRIEFING,
    )
    assert r.verdict == "diverged" and "negation" in note_codes(r), r.notes


# -- who is speaking: "from the source's own title and opening" ------------------------
# Two White House transcripts of 2025 as copied without their page title or date:
# only the heading they open with says who THE PRESIDENT is.
FLETCHER_UNTITLED = transcript(
    "REMARKS BY PRESIDENT TRUMP\n\nAFTER AIR FORCE ONE ARRIVAL\n\n"
    "Asheville Regional Airport\n\nFletcher, North Carolina\n\n11:07 A.M. EST\n\n"
    "THE PRESIDENT:  Well, thank you very much.  It’s a massive amount of damage.  FEMA has\n"
    "really let us down, let the country down.\n",
    title=None,
)
DAVOS_UNTITLED = transcript(
    "REMARKS BY PRESIDENT TRUMP AT THE WORLD ECONOMIC FORUM\n\nVia Teleconference\n\n"
    "     11:06 A.M. EST\n\n"
    "THE PRESIDENT:  Well, thank you very much, Klaus.  And hello to everyone\n"
    "in beautiful Davos.   \n\n"
    "     This has been a truly historic week in the United States.  Three\n"
    "days ago, I took the oath of office, and we began the golden age of\n"
    "America.\n",
    title=None,
)


@pytest.mark.parametrize(
    ("source", "quote"),
    [
        (FLETCHER_UNTITLED, "FEMA has really let us down, let the country down."),
        (DAVOS_UNTITLED, "Three days ago, I took the oath of office"),
    ],
)
def test_a_role_label_is_mapped_from_the_opening_heading(source, quote) -> None:
    assert judge_text(quote, TRUMP, source).verdict == "verbatim"
    r = judge_text(quote, BIDEN, source)
    assert r.verdict == "misattributed", r.notes  # not "unverifiable"


# -- minor: a stutter on a negation drops no negation ----------------------------------
# Remarks by President Biden on lowering health care costs, 2023-08-29, and on
# Bidenomics, 2023-11-29.
HEALTH_CARE = transcript(
    "THE PRESIDENT:  We just have to remember who we are.  We’re the United States of\n"
    "America.  There is nothing — nothing beyond our capacity when we work\n"
    "together.  Nothing.  (Applause.)  \n"
)
BIDENOMICS = transcript(
    "THE PRESIDENT:  We’re the United States of America.  There’s nothing — nothing beyond\n"
    "our capacity if we work together.  (Applause.)  So, let’s continue to\n"
    "work together.\n"
)


@pytest.mark.parametrize(
    ("source", "quote"),
    [
        (HEALTH_CARE, "There is nothing beyond our capacity when we work together."),
        (BIDENOMICS, "There's nothing beyond our capacity if we work together."),
    ],
)
def test_minor_a_repeated_negation_left_out(source, quote) -> None:
    r = judge_text(quote, BIDEN, source)
    assert r.verdict == "minor", r.notes
    assert "negation" not in note_codes(r) and "disfluency" in note_codes(r), r.notes


def test_diverged_the_negation_itself_left_out() -> None:
    r = judge_text("There is beyond our capacity when we work together.", BIDEN, HEALTH_CARE)
    assert r.verdict == "diverged", r.notes


# -- minor: "contractions and full forms", where the quote begins -----------------------
# Remarks by President Biden on the Bipartisan Infrastructure Law, 2021-11-10 (the
# sentence before ends "are they doing?"), and President Trump at Fletcher, NC,
# 2025-01-24 (the sentence before ends "here we are.").
INFRASTRUCTURE = transcript(
    "THE PRESIDENT:  And — but guess what?  They’re not going out to dinner and lunch and\n"
    "going to the local bars because of COVID.  So what are they doing? \n"
    "They’re staying home, they’re ordering online, and they’re buying\n"
    "product.\n"
)
FLETCHER = transcript(
    "THE PRESIDENT:  But I said, “I’m not going to California until I stop in North\n"
    "Carolina.”  So, here we are.  \n\n"
    "We’re going to go visit the site, and we’re going to work with probably\n"
    "three of the congressmen.\n",
    title="Remarks by President Trump After Air Force One Arrival Fletcher, NC",
)


@pytest.mark.parametrize(
    ("source", "speaker", "quote"),
    [
        (
            INFRASTRUCTURE,
            BIDEN,
            "They are staying home, they're ordering online, and they're buying product.",
        ),
        (
            FLETCHER,
            TRUMP,
            "We are going to go visit the site, and we are going to work with probably three "
            "of the congressmen",
        ),
    ],
)
def test_minor_a_contraction_written_out_at_the_start(source, speaker, quote) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "minor", r.notes
    assert "contraction" in note_codes(r), r.notes


# -- minor: an immediate repetition of a phrase, its first word carrying the dash -------
# Jean-Pierre's briefings of 2024-01-03 and 2023-07-17, Psaki's of 2021-10-12.
@pytest.mark.parametrize(
    ("source", "speaker", "quote", "dropped"),
    [
        (
            transcript(
                "MS. JEAN-PIERRE: He has confidence in the — in the Vice President. I\n"
                "answered your question.\n",
                title="Press Briefing by Press Secretary Karine Jean-Pierre",
            ),
            JEAN_PIERRE,
            "He has confidence in the Vice President.",
            "in the",
        ),
        (
            transcript(
                "MS. JEAN-PIERRE:  Look, we believe that, you know, that Secret Service did a "
                "thorough\ninvestigation.  I’m certainly not going to opine on the — on the\n"
                "investigation.   \n",
                title="Press Briefing by Press Secretary Karine Jean-Pierre",
            ),
            JEAN_PIERRE,
            "I'm certainly not going to opine on the investigation.",
            "on the",
        ),
        (
            transcript(
                "MS. PSAKI:  But we\n"
                "continue to pursue those — pursue those negotiations. Our team remains\n"
                "prepared to return for another round of discussions.\n",
                title="Press Briefing by Press Secretary Jen Psaki",
            ),
            Speaker("Jen Psaki", "Psaki", 0, 5),
            "But we continue to pursue those negotiations.",
            "pursue those",
        ),
    ],
)
def test_minor_a_phrase_said_twice_left_once(source, speaker, quote, dropped) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "minor", r.notes
    assert any(o.source == dropped and o.flags == ("disfluency",) for o in r.diff), r.diff


# -- minor: "US/UK spelling" ------------------------------------------------------------
# Remarks by President Biden on the Build Back Better agenda, 2021-10-15, and on
# Hurricane Ian, 2022-09-30.
@pytest.mark.parametrize(
    ("body", "quote"),
    [
        (
            "THE PRESIDENT:  Here in Connecticut, the average annual cost to bring your toddler "
            "to a\nquality childcare center is about $16,000 a year.\n",
            "the average annual cost to bring your toddler to a quality childcare centre is "
            "about $16,000 a year.",
        ),
        (
            "THE PRESIDENT:  And if you can’t get to a center, we’re sending out\n"
            "mobile teams into communities to meet people where they are.\n",
            "And if you can't get to a centre, we're sending out mobile teams into communities",
        ),
    ],
)
def test_minor_a_uk_spelling_of_a_short_word(body, quote) -> None:
    r = judge_text(quote, BIDEN, transcript(body))
    assert r.verdict == "minor" and "spelling" in note_codes(r), r.notes


# -- the interjection exception wherever the fit first lands ----------------------------
@pytest.mark.parametrize(
    ("body", "title", "speaker", "quote"),
    [
        (  # Harris, campaign reception, 2023-08-13: a short sentence, not "And they did" added
            "THE VICE PRESIDENT:  Think about that.  Think about that.\n\n"
            "As I like to call it — so, these extremists thought they were going to\n"
            "pull some wool over people’s eyes by putting an election on one issue on\n"
            "the ballot on some random Tuesday in August and thought that people\n"
            "weren’t going notice and turn out.  And they did —  \n\n"
            "AUDIENCE MEMBER:  We did.  \n\n"
            "THE VICE PRESIDENT:  — in record numbers.  You did.\n",
            "Remarks by Vice President Harris at a Campaign Reception",
            HARRIS,
            "And they did in record numbers.",
        ),
        (  # Biden, Hurricane Fiona, 2022-09-22: the same words said whole earlier
            "THE PRESIDENT:  And to the people of Puerto Rico who are still hurting from "
            "Hurricane\nMaria five years later, I know that we’re — they — they should know "
            "that\nthis — we are with you.  We’re not going to walk away.  We mean it.\n\n"
            "This is really, really, really important to us.  Really important to\n"
            "us.  And so we’re not going —\n\n"
            "GOVERNOR PIERLUISI: Thank you.\n\n"
            "THE PRESIDENT:  — to walk away.\n",
            "Remarks by President Biden on Hurricane Fiona Recovery",
            BIDEN,
            "And so we're not going to walk away.",
        ),
        (  # Harris, moderated conversation, 2023-10-12: the fit starts in the interjection
            "THE VICE PRESIDENT:  You guys have the courage to talk about it.  And\n"
            "here’s what I’m going to issue.  I haven’t done this before, Annie, but\n—  \n\n"
            "MS. GONZALEZ:  I’m here for it.  Let’s do it  \n\n"
            "THE VICE PRESIDENT:  — I’m about to make an official call to action as\n"
            "Vice President.  I am calling on the young leaders of today.\n",
            "Remarks by Vice President Harris in a Moderated Conversation",
            HARRIS,
            "I haven't done this before, Annie, but I'm about to make an official call to "
            "action as Vice President.",
        ),
        (  # Harris, campaign event, 2024-09-12: the sentence before fits better
            "THE VICE PRESIDENT:  You know this so well as part of your DNA. \n"
            "Generations of Americans before us led the fight for freedom. \n"
            "Generations of Americans before us, many from right here —\n\n"
            "AUDIENCE MEMBER:  Get a medic!\n\n"
            "THE VICE PRESIDENT:  — led the fight for freedom.  (Applause.)\n",
            "Remarks by Vice President Harris at a Campaign Event",
            HARRIS,
            "Generations of Americans before us, many from right here, led the fight for freedom.",
        ),
    ],
)
def test_minor_a_run_on_found_beyond_the_best_fit(body, title, speaker, quote) -> None:
    r = judge_text(quote, speaker, transcript(body, title=title))
    assert r.verdict == "minor", r.notes
    assert "interjection" in note_codes(r), r.notes
