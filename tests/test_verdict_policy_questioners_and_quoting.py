"""docs/VERDICT-POLICY.md, "misattributed — someone else said these words".

"Reporters' questions (label Q) are anonymous: when the article names a
*questioner* who is not a labelled speaker of the source, words in a Q turn
are judged on their wording."  The President, the Vice President, the press
secretary (the office holders of the source's date), or a role noun ("The
President said"), are no questioners: a reporter's words credited to them are
another speaker's words.

"Words that the speaker themselves quotes inside quotation marks … an article
that credits them to the person being quoted is judged on the wording too":
the words inside the marks, not the quoting speaker's own words before or
after them.

Excerpts of real White House transcripts (public domain), more than one
transcript per rule.
"""

from __future__ import annotations

import pytest

from quoteverify.models import PASSING_VERDICTS, Speaker

from .conftest import judge_text, note_codes, transcript

BIDEN = Speaker("Joe Biden", "Biden", 0, 5)
THE_PRESIDENT = Speaker("The President", "President", 0, 13)
REAGAN = Speaker("Ronald Reagan", "Reagan", 0, 5)
TRUMP = Speaker("Donald Trump", "Trump", 0, 5)
REPORTER = Speaker("Peter Doocy", "Doocy", 0, 5)

# Press briefing by Jen Psaki, 2021-08-27.
PSAKI_AUG_27 = transcript(
    "Q    Thank you, Jen.  When the President says, “We will hunt you down\n"
    "and make you pay,” what does that look like?  Is he going to order a\n"
    "mission to kill the people responsible?  Or would he be satisfied if\n"
    "they are captured and brought to trial?\n\n"
    "MS. PSAKI:  I think he made clear yesterday that he does not want them\n"
    "to live on the Earth anymore.\n",
    title="Press Briefing by Press Secretary Jen Psaki, August 27, 2021",
    date="2021-08-27",
)
# Press briefing by Karine Jean-Pierre and John Kirby, 2024-04-04.
KIRBY_APR_4 = transcript(
    "Q On October 7th, President Biden said, “My administration’s support for\n"
    "Israel’s security is rock solid and unwavering.” That is not true\n"
    "anymore, correct?\n\n"
    "MR. KIRBY: That i- — no, it is true. Still true today.\n",
    title="Press Briefing by Press Secretary Karine Jean-Pierre and National Security "
    "Communications Advisor John Kirby",
    date="2024-04-04",
)
# Remarks by President Biden at North America's Building Trades Unions legislative
# conference, 2023-04-25.
BUILDING_TRADES = transcript(
    "THE PRESIDENT:  Well, President Reagan made it clear: We pay our debts.  Here’s his\n"
    "quote from him.  He said, “The United States has a special\n"
    "responsibility to itself and the world to meet its obligations.  It\n"
    "means we have a well-earned reputation for reliability and credibility —\n"
    "two things that set us apart in much of the world.”\n\n"
    "Little did I think I’d be quoting Donald Trump.  But even Donald Trump\n"
    "said, “I can’t imagine anyone ever thinking of using the debt\n"
    "ceiling as a negotiating wedge.”\n",
    title="Remarks by President Biden at North America’s Building Trades Unions "
    "Legislative Conference",
    date="2023-04-25",
)


@pytest.mark.parametrize(
    ("quote", "speaker", "source"),
    [
        (
            "Is he going to order a mission to kill the people responsible?",
            BIDEN,
            PSAKI_AUG_27,
        ),
        ("That is not true anymore, correct?", BIDEN, KIRBY_APR_4),
        # The article's name with the title before it ("President Biden").
        (
            "That is not true anymore, correct?",
            Speaker("President Biden", "President Biden", 0, 15),
            KIRBY_APR_4,
        ),
        (
            "My administration’s support for Israel’s security is rock solid and unwavering. "
            "That is not true anymore, correct?",
            THE_PRESIDENT,
            KIRBY_APR_4,
        ),
    ],
)
def test_misattributed_a_reporters_words_credited_to_an_office_holder(
    quote, speaker, source
) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "misattributed", r.notes
    assert "question-turn" not in note_codes(r), r.notes


def test_verbatim_a_reporters_words_credited_to_a_named_reporter() -> None:
    r = judge_text(
        "Is he going to order a mission to kill the people responsible?", REPORTER, PSAKI_AUG_27
    )
    assert r.verdict == "verbatim" and "question-turn" in note_codes(r), r.notes


@pytest.mark.parametrize(
    ("quote", "source"),
    [
        ("We will hunt you down and make you pay", PSAKI_AUG_27),
        (
            "My administration’s support for Israel’s security is rock solid and unwavering.",
            KIRBY_APR_4,
        ),
    ],
)
def test_verbatim_the_presidents_words_a_reporter_quotes(quote, source) -> None:
    r = judge_text(quote, BIDEN, source)
    assert r.verdict == "verbatim" and "quoted-within" in note_codes(r), r.notes


@pytest.mark.parametrize(
    ("quote", "speaker", "source"),
    [
        # Biden's own next sentence credited to Reagan with the words he quoted
        (
            "two things that set us apart in much of the world. "
            "Little did I think I’d be quoting Donald Trump.",
            REAGAN,
            BUILDING_TRADES,
        ),
        # Biden's lead-in credited to Trump with Trump's words
        (
            "But even Donald Trump said, “I can’t imagine anyone ever thinking of using "
            "the debt ceiling as a negotiating wedge.”",
            TRUMP,
            BUILDING_TRADES,
        ),
        # the reporter's own question credited to the President with his words
        ("We will hunt you down and make you pay, what does that look like?", BIDEN, PSAKI_AUG_27),
    ],
)
def test_not_passed_a_quote_that_runs_on_past_the_quotation_marks(quote, speaker, source) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict not in PASSING_VERDICTS, r.notes
    assert "quoted-within" not in note_codes(r), r.notes


def test_verbatim_the_quoted_words_alone_credited_to_the_person_quoted() -> None:
    r = judge_text(
        "I can’t imagine anyone ever thinking of using the debt ceiling as a negotiating wedge.",
        TRUMP,
        BUILDING_TRADES,
    )
    assert r.verdict == "verbatim" and "quoted-within" in note_codes(r), r.notes
