"""docs/VERDICT-POLICY.md, "minor": a marked editorial insertion in [brackets]
"that names a referent or clarifies" passes; a bracket printed where the
speaker said a different word is a word substituted ("diverged"), unless it
names whom the speaker's pronoun refers to.

Excerpts of real White House transcripts (public domain), quoted as White
House documents printed them (fixtures ``verdicts-wh-fresh``, ``-fresh2``,
``-fresh3``), more than one transcript per rule.
"""

from __future__ import annotations

import pytest

from quoteverify.models import QuoteResult, Speaker, note_code

from .conftest import judge_text, transcript

BIDEN = Speaker("Joe Biden", "Biden", 0, 5)
TRUMP = Speaker("Donald Trump", "Trump", 0, 5)
MCCONNELL = Speaker("Mitch McConnell", "McConnell", 0, 5)


def _bracket_notes(r: QuoteResult) -> list[str]:
    return [str(n) for n in r.notes if note_code(n) == "bracket"]


# Press briefing by Jen Psaki and Tom Vilsack, 2021-05-05: a reporter reads
# McConnell's words inside quotation marks.
PSAKI_VILSACK = transcript(
    "Q    Senate Minority Leader Mitch McConnell said this morning — when\n"
    "asked about, kind of, the issues within his own party — that, quote,\n"
    "“100 percent of my focus is on stopping this new administration.”  And\n"
    "he touted, kind of, the unity within his caucus.\n\n"
    "MS. PSAKI:  Well, I guess the contrast for people to consider is 100\n"
    "percent of our focus is on delivering relief to the American people.\n",
    title="Press Briefing by Press Secretary Jen Psaki and Secretary of Agriculture "
    "Tom Vilsack, May 5, 2021",
    date="2021-05-05",
)
# Remarks by President Biden on the Middle East, 2024-05-31.
MIDDLE_EAST = transcript(
    "THE PRESIDENT:  This is truly a decisive moment.  Israel has made their\n"
    "proposal.  Hamas says it wants a ceasefire.  This deal is an opportunity\n"
    "to prove whether they really mean it.\n",
    title="Remarks by President Biden on the Middle East",
)
# Remarks by President Biden in press conference, 2022-01-19.
PRESS_CONFERENCE = transcript(
    "THE PRESIDENT:  I mean, sure, but — I’m not going to say it’s going to be\n"
    "legit.  It’s — the increase and the prospect of being illegitimate is in\n"
    "direct proportion to us not being able to get these — these reforms passed.\n",
    title="Remarks by President Biden in Press Conference",
)
# Remarks by President Biden on student debt, 2023-10-04 (questions on Ukraine).
STUDENT_DEBT = transcript(
    "Q    Have you promised President Zelenskyy during his visit in the White\n"
    "House that you would provide ATACMS?\n\n"
    "THE PRESIDENT:  I have spoken with Zelenskyy, and everything he’s asked\n"
    "for, we’ve worked out.\n",
    title="Remarks by President Biden on the Administration’s Efforts to Cancel Student Debt",
)
# Remarks by President Trump in Las Vegas, 2025-01-25.
LAS_VEGAS = transcript(
    "THE PRESIDENT:  Well, we won.  We won.  We won.  (Applause.)\n\n"
    "And it’s great to be back in this beautiful city to celebrate the\n"
    "historic first week in the White House.\n",
    title="Remarks by President Trump in Las Vegas, NV",
)


def test_diverged_a_bracketed_pronoun_for_the_speakers_pronoun() -> None:
    # White House briefing of 2021-05-12 (wh-fresh3 wh3-0009): "my" printed
    # "[his]", the person changed; "new" left out at the ellipsis.
    r = judge_text(
        "100 percent of [his] focus is on stopping this… administration",
        MCCONNELL,
        PSAKI_VILSACK,
    )
    assert r.verdict == "diverged", r.notes
    assert any("[his]" in n and "'my'" in n for n in _bracket_notes(r)), r.notes


def test_diverged_a_bracketed_word_for_another_spoken_word() -> None:
    # Background press call of 2024-05-31 (wh-fresh wf0055): "proposal" printed "[offer]".
    r = judge_text(
        "This is…a decisive moment. Israel has made their [offer]. Hamas says it wants "
        "a ceasefire. [And] this deal is an opportunity to prove whether they really mean it.",
        BIDEN,
        MIDDLE_EAST,
    )
    assert r.verdict == "diverged", r.notes
    assert any("[offer]" in n for n in _bracket_notes(r)), r.notes
    # Psaki's briefing of 2022-01-20 (wh-fresh2 wg0064): "going to say" printed "[saying]".
    r = judge_text("I’m not [saying] it’s going to be legit.", BIDEN, PRESS_CONFERENCE)
    assert r.verdict == "diverged", r.notes


def test_minor_a_bracket_that_names_a_pronouns_referent() -> None:
    # Jean-Pierre's briefing of 2023-10-04 (wh-fresh wf0033): "he’s" printed
    # "[President Zelenskyy]".
    r = judge_text(
        "everything [President Zelenskyy] asked for, we’ve worked out.", BIDEN, STUDENT_DEBT
    )
    assert r.verdict == "minor", r.notes
    assert all("stands for" not in n for n in _bracket_notes(r)), r.notes


def test_minor_a_bracket_after_a_pronoun_names_it() -> None:
    # The alignment pairs the bracket with the repeated "won. We": it still
    # follows "We" and names who that is (heldout2 diverged-30).
    r = judge_text("We [the administration] won.", TRUMP, LAS_VEGAS)
    assert r.verdict == "minor", r.notes


def test_minor_a_name_for_a_first_person_pronoun() -> None:
    # McConnell's own "my" (2021-05-05) printed as the name it stands for: the
    # referent case the policy calls minor, as "[Zelenskyy]" for "he's" above.
    # Not a printed case (none in the corpus): the pronoun list lacked "my"/"me",
    # so the name read as "a word changed".
    r = judge_text(
        "100 percent of [McConnell’s] focus is on stopping this new administration",
        MCCONNELL,
        PSAKI_VILSACK,
    )
    assert r.verdict == "minor", r.notes
    assert all("stands for" not in n for n in _bracket_notes(r)), r.notes


# -- after a standalone pronoun, a bracket is an appositive only when it names --------
# Press briefing by Jen Psaki, 2021-12-06.
PSAKI_DEC_6 = transcript(
    "MS. PSAKI:  Well, I think we share the same objective, which is to make\n"
    "them less expensive and more accessible.  Right?\n",
    title="Press Briefing by Press Secretary Jen Psaki, December 6, 2021",
    date="2021-12-06",
)
# Press briefing by Jen Psaki and Jake Sullivan, 2021-12-07.
SULLIVAN_DEC_7 = transcript(
    "MR. SULLIVAN:  Thanks, Jen, and good to see everybody here today.\n\n"
    "President Biden was direct and straightforward with President Putin, as\n"
    "he always is.  He reiterated America’s support for Ukraine’s sovereignty\n"
    "and territorial integrity.\n",
    title="Press Briefing by Press Secretary Jen Psaki and National Security Advisor "
    "Jake Sullivan, December 7, 2021",
    date="2021-12-07",
)
PSAKI = Speaker("Jen Psaki", "Psaki", 0, 5)
SULLIVAN = Speaker("Jake Sullivan", "Sullivan", 0, 5)


@pytest.mark.parametrize(
    ("quote", "speaker", "source", "shown"),
    [
        # a verb in place of the speaker's verb, after "I": the sense reversed
        ("I [doubt] we share the same objective", PSAKI, PSAKI_DEC_6, "[doubt]"),
        # the tense changed inside the brackets ("was → is" is diverged)
        ("I [thought] we share the same objective", PSAKI, PSAKI_DEC_6, "[thought]"),
        # an adverb for the speaker's adverb, after "he"
        (
            "direct and straightforward with President Putin, as he [often] is.",
            SULLIVAN,
            SULLIVAN_DEC_7,
            "[often]",
        ),
    ],
)
def test_diverged_a_bracketed_word_after_a_pronoun_that_names_no_one(
    quote, speaker, source, shown
) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "diverged", r.notes
    assert any(shown in n and "names no referent" in n for n in _bracket_notes(r)), r.notes


def test_minor_a_bracketed_noun_phrase_after_a_pronoun_names_it() -> None:
    r = judge_text("I think we [the administration] share the same objective", PSAKI, PSAKI_DEC_6)
    assert r.verdict == "minor", r.notes
    r = judge_text("We [the administration] won.", TRUMP, LAS_VEGAS)
    assert r.verdict == "minor", r.notes


# -- an inserted bracket that adds a condition or bounds a number ---------------------
# Remarks by President Biden on the bipartisan infrastructure deal, 2021-06-24.
INFRASTRUCTURE = transcript(
    "THE PRESIDENT:  You all know I have nothing but affection for\n"
    "Amtrak, having traveled over a million miles on it, commuting every\n"
    "day.  But it’s a big deal.\n",
    title="Remarks by President Biden on the Bipartisan Infrastructure Deal",
    date="2021-06-24",
)
# Remarks by President Biden at a Democratic National Committee reception, 2022-10-06.
DNC = transcript(
    "THE PRESIDENT:  We still have a gigantic accumulated\n"
    "debt overall, but we’ve reduced the actual yearly deficit by $350\n"
    "billion; this year, by a trillion dollars.\n",
    title="Remarks by President Biden at Democratic National Committee Reception",
    date="2022-10-06",
)


@pytest.mark.parametrize(
    ("quote", "source", "shown"),
    [
        (
            "having traveled over a million miles on it, [only] commuting every day.",
            INFRASTRUCTURE,
            "[only]",
        ),
        ("we’ve reduced the actual yearly deficit by [almost] $350 billion", DNC, "[almost]"),
        # A bound of two words, and bounds before a number in words.
        ("the actual yearly deficit by [more than] $350 billion", DNC, "[more than]"),
        ("the actual yearly deficit by [up to] $350 billion", DNC, "[up to]"),
        ("this year, by [nearly] a trillion dollars.", DNC, "[nearly]"),
        ("having traveled over [almost] a million miles on it", INFRASTRUCTURE, "[almost]"),
        # An adverb of near-negation.
        (
            "having traveled over a million miles on it, [rarely] commuting",
            INFRASTRUCTURE,
            "[rarely]",
        ),
        ("we’ve [hardly] reduced the actual yearly deficit by $350 billion", DNC, "[hardly]"),
    ],
)
def test_diverged_a_bracket_that_adds_a_condition_or_bounds_a_number(quote, source, shown) -> None:
    r = judge_text(quote, BIDEN, source)
    assert r.verdict == "diverged", r.notes
    assert any(shown in n and "changes what was said" in n for n in _bracket_notes(r)), r.notes


def test_minor_a_bracket_that_says_which() -> None:
    r = judge_text("we’ve reduced the actual [federal] yearly deficit by $350 billion", BIDEN, DNC)
    assert r.verdict == "minor", r.notes
