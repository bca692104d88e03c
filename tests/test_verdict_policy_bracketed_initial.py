"""docs/VERDICT-POLICY.md, "verbatim": the capitalisation of the quote's first letter is
ignored; "minor": capitalisation other than the first letter.  Writers mark the capital
they supplied in brackets (``[W]e``, ``[T]he``); the bracketed letter and the rest of the
word are one word, as the speaker said it (``align._quote.join_bracketed_initial``).
A bracket that changes more than the letter's case stays a changed word.

Excerpts of real White House transcripts (public domain), more than one per rule.
"""

from __future__ import annotations

from quoteverify.models import Speaker

from .conftest import judge_text, transcript

BIDEN = Speaker("Joe Biden", "Biden", 0, 5)
BLINKEN = Speaker("Antony Blinken", "Blinken", 0, 7)

# Remarks by President Biden on the United States' Response to Recent Aerial Objects,
# 2023-02-16; the 2023-04-05 briefing quoted it as "[W]e were able to protect …".
AERIAL = transcript(
    "THE PRESIDENT:  Instead, we tracked it closely, we analyzed its capabilities, and we\n"
    "learned more about how it operates.\n\n"
    "And because we knew its path, we were able to protect sensitive sites\n"
    "against collection.\n",
    title="Remarks by President Biden on the United States’ Response to Recent Aerial Objects",
    date="2023-02-16",
)
# Secretary Blinken's press availability of 2022-01-07 (the seed source, fixtures/seed).
BLINKEN_2022 = transcript(
    "SECRETARY BLINKEN:  I think one lesson in recent history is that once Russians are in\n"
    "your house, it’s sometimes very difficult to get them to leave.\n",
    title="Secretary Antony J. Blinken At a Press Availability",
    date="2022-01-07",
)


def test_verbatim_a_bracketed_capital_first_letter() -> None:
    r = judge_text("[W]e were able to protect sensitive sites against collection", BIDEN, AERIAL)
    assert r.verdict == "verbatim", r.notes
    r = judge_text(
        "[O]nce Russians are in your house, it’s sometimes very difficult to get them to leave",
        BLINKEN,
        BLINKEN_2022,
    )
    assert r.verdict == "verbatim", r.notes
    # A lower-case bracket where the quote starts a clause of the writer's sentence.
    r = judge_text("[w]e analyzed its capabilities", BIDEN, AERIAL)
    assert r.verdict == "verbatim", r.notes


def test_minor_a_bracketed_capital_inside_the_quote() -> None:
    r = judge_text("Instead, we tracked it closely, [W]e analyzed its capabilities", BIDEN, AERIAL)
    assert r.verdict == "minor", r.notes
    r = judge_text(
        "I think one lesson in recent history is that [O]nce Russians are in your house",
        BLINKEN,
        BLINKEN_2022,
    )
    assert r.verdict == "minor", r.notes


def test_diverged_a_bracketed_initial_that_makes_another_word() -> None:
    # "[T]hey" for "we": the bracket changes the word, not its case.
    r = judge_text("[T]hey tracked it closely, we analyzed its capabilities", BIDEN, AERIAL)
    assert r.verdict == "diverged", r.notes
    r = judge_text("[T]he Russians are in your house", BLINKEN, BLINKEN_2022)
    assert r.verdict != "verbatim" and r.verdict != "minor", r.notes


# Sources that print a bracketed initial themselves (Markdown escapes the brackets):
# President Biden on the Supreme Court's decision on affirmative action, 2023-06-29, and on
# the united efforts of the free world to support Ukraine (Warsaw), 2022-03-26.
COURT = transcript(
    "THE PRESIDENT:  The Court says, quote, “\\[N\\]othing in this opinion should be construed\n"
    "as prohibiting universities from considering an applicant’s discussion of how race\n"
    "affected his or her life.”\n",
    title="Remarks by President Biden on the Supreme Court’s Decision on Affirmative Action",
    date="2023-06-29",
)
WARSAW = transcript(
    "THE PRESIDENT:  It reminds me of that phrase of philosopher Kierkegaard: “\\[F\\]aith sees\n"
    "best in the dark.”  And there were dark moments.\n",
    title="Remarks by President Biden on the United Efforts of the Free World to Support the "
    "People of Ukraine",
    date="2022-03-26",
)


def test_a_quote_that_copies_the_sources_own_bracket() -> None:
    # The source's "[N]" is two tokens; a quote that prints it the same way is
    # read the same way there (it was not found: "[N]othing" joined matched nothing).
    for text, source in (
        ("[N]othing in this", COURT),
        ("[N]othing in this opinion should be construed", COURT),
        ("[F]aith sees best", WARSAW),
    ):
        r = judge_text(text, BIDEN, source)
        assert r.verdict == "minor", (text, r.notes)
        assert not any("spelling" in n for n in r.notes), (text, r.notes)
    # The quote's own bracket where the source has the whole word is still one word.
    r = judge_text("[A]nd there were dark moments", BIDEN, WARSAW)
    assert r.verdict == "verbatim", r.notes
