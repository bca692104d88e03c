"""docs/VERDICT-POLICY.md, "elided": an omission whose words hold a negation
or a condition is diverged, "with that word named: leaving it out can reverse
what is kept", and "a false start that the speaker broke off with a dash and
restarted" is not such a word's home.

A negation followed by a dash is not always a false start: the speaker may set
off an aside between two dashes and then go on with the sentence he broke, so
the negation still governs the words after the aside.  Excerpts of real White
House transcripts (public domain), from more than one transcript.
"""

from __future__ import annotations

import pytest

from quoteverify.models import Speaker

from .conftest import judge_text, note_codes, transcript

BIDEN = Speaker("Joe Biden", "Biden", 0, 5)
FAUCI = Speaker("Anthony Fauci", "Fauci", 0, 5)
HARRIS = Speaker("Kamala Harris", "Harris", 0, 5)

# Remarks by President Biden and First Lady Jill Biden in press gaggle, 2021-12-31.
GAGGLE = transcript(
    "THE PRESIDENT:  I’m not going to negotiate here in public, but we made\n"
    "it clear that he cannot — I emphasize “cannot” — move on Ukraine.\n\n"
    "Thank you.\n",
    title="Remarks by President Biden and First Lady Jill Biden in Press Gaggle",
    date="2021-12-31",
)
# Press briefing by the White House COVID-19 Response Team, 2021-09-02.
COVID_BRIEFING = transcript(
    "MR. ZIENTS:  Dr. Fauci.\n\n"
    "DR. FAUCI:  Well, yes, we certainly are aware of the Mu variant.\n\n"
    "Even though it is not — in the essence — taken hold to any extent here,\n"
    "we always pay attention to, at all times, variants.\n",
    title="Press Briefing by White House COVID-19 Response Team and Public Health Officials",
    date="2021-09-02",
)
# Remarks by Vice President Harris in a conversation on reproductive rights, 2022-10-22.
REPRODUCTIVE_RIGHTS = transcript(
    "THE VICE PRESIDENT:  (Laughs.)  You know?  It’s because on so many of\n"
    "these issues, we should not — and we should teach our children — to\n"
    "never be burdened by the limitations of other people’s minds.\n",
    title="Remarks by Vice President Harris in a Conversation on Reproductive Rights",
    date="2022-10-22",
)


@pytest.mark.parametrize(
    ("source", "speaker", "quote", "named"),
    [
        (GAGGLE, BIDEN, "we made it clear that he … move on Ukraine", "'cannot'"),
        (
            COVID_BRIEFING,
            FAUCI,
            "Even though it is … taken hold to any extent here, we always pay attention to",
            "'not'",
        ),
        (
            REPRODUCTIVE_RIGHTS,
            HARRIS,
            "on so many of these issues, we should … never be burdened by the limitations",
            "'not'",
        ),
    ],
)
def test_diverged_a_negation_before_an_aside_the_sentence_resumes_after(
    source, speaker, quote, named
) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "diverged", r.notes
    assert "negation" in note_codes(r), r.notes
    assert any(named in str(n) for n in r.notes if "negation" in str(n)), r.notes


def test_elided_an_aside_left_out_when_the_negation_is_kept() -> None:
    r = judge_text(
        "Even though it is not … taken hold to any extent here, we always pay attention to",
        FAUCI,
        COVID_BRIEFING,
    )
    assert r.verdict == "elided", r.notes
    assert "negation" not in note_codes(r), r.notes
