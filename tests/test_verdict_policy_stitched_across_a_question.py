"""docs/VERDICT-POLICY.md, "stitched": "Parts joined from different turns …
One exception: a speaker's sentence that runs on across a brief
interjection by someone else … is one passage."

A reporter's new question after the speaker finished a sentence is no
interjection into a sentence: the turns before and after it are two answers,
and a quote that joins them, with an ellipsis or without, is stitched.
Excerpts of real White House transcripts (public domain), two briefings.
"""

from __future__ import annotations

import pytest

from quoteverify.models import Speaker

from .conftest import judge_text, note_codes, transcript

PSAKI = Speaker("Jen Psaki", "Psaki", 0, 5)
KIRBY = Speaker("John Kirby", "Kirby", 0, 5)

# Press briefing by Jen Psaki, 2022-04-06.
PSAKI_APR_6 = transcript(
    "MS. PSAKI:  No relation.  SEC is an independent agency.\n\n"
    "Q    Gotcha.  Was he aware that there was an investigation?\n\n"
    "MS. PSAKI:  Not that I’m aware of.\n",
    title="Press Briefing by Press Secretary Jen Psaki, April 6, 2022",
    date="2022-04-06",
)
# Press briefing by Karine Jean-Pierre and John Kirby, 2024-01-19.
KIRBY_JAN_19 = transcript(
    "MR. KIRBY:  I’m not aware that that specific phrase was discussed.\n\n"
    "Q    Well, do you condemn him using that phrase?\n\n"
    "MR. KIRBY:  Look, there’s a — there’s a connotation with that phrase.\n"
    "We’ve talked about this before.\n",
    title="Press Briefing by Press Secretary Karine Jean-Pierre and NSC Coordinator for "
    "Strategic Communications John Kirby",
    date="2024-01-19",
)


@pytest.mark.parametrize(
    ("quote", "speaker", "source"),
    [
        ("SEC is an independent agency. … Not that I’m aware of.", PSAKI, PSAKI_APR_6),
        ("SEC is an independent agency. Not that I’m aware of.", PSAKI, PSAKI_APR_6),
        (
            "I’m not aware that that specific phrase was discussed. … "
            "there’s a connotation with that phrase.",
            KIRBY,
            KIRBY_JAN_19,
        ),
    ],
)
def test_stitched_two_answers_joined_across_a_reporters_question(quote, speaker, source) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "stitched", r.notes
    assert "interjection" not in note_codes(r), r.notes
