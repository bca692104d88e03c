"""docs/VERDICT-POLICY.md, "minor": one word's spelling — "US/UK spelling, a
transliterated name, a misspelling that is not itself another word.  A
different dictionary word is never a spelling variant": diverged.

The US/UK rewrites must not make two words one: UK English doubles the l of
an unstressed last syllable ("travelled", "fuelled"), not of "fill", and writes
"-our" in "colour", not in "four" or "our".  Excerpts of real White House
transcripts (public domain), more than one transcript.
"""

from __future__ import annotations

import pytest

from quoteverify.models import Speaker

from .conftest import judge_text, transcript

BIDEN = Speaker("Joe Biden", "Biden", 0, 5)
DEESE = Speaker("Brian Deese", "Deese", 0, 5)

# Remarks by President Biden at a political event, Philadelphia, PA, 2024-10-15.
PHILADELPHIA = transcript(
    "THE PRESIDENT:  New data from the National Labor Relations Board shows\n"
    "the number of workers filing for union representation has doubled since\n"
    "I became president — doubled.\n",
    title="Remarks by President Biden at a Political Event, Philadelphia, PA",
    date="2024-10-15",
)
# Press briefing by Jen Psaki and Brian Deese, 2021-01-22.
DEESE_BRIEFING = transcript(
    "MR. DEESE:  And so, really, a lot of what that $900 billion was doing was\n"
    "filling a hole in the second half of 2020 that desperately needed to be\n"
    "filled.\n",
    title="Press Briefing by Press Secretary Jen Psaki and National Economic Director Brian Deese",
    date="2021-01-22",
)


@pytest.mark.parametrize(
    ("quote", "speaker", "source"),
    [
        (
            "the number of workers filling for union representation has doubled",
            BIDEN,
            PHILADELPHIA,
        ),
        (
            "a lot of what that $900 billion was doing was filing a hole in the second half",
            DEESE,
            DEESE_BRIEFING,
        ),
        (
            "filling a hole in the second half of 2020 that desperately needed to be filed.",
            DEESE,
            DEESE_BRIEFING,
        ),
    ],
)
def test_diverged_another_dictionary_word_that_a_uk_rewrite_would_join(
    quote, speaker, source
) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "diverged", r.notes
    assert not any("spelling" in str(n) for n in r.notes), r.notes


def test_minor_a_uk_doubled_l_stays_a_spelling() -> None:
    # Biden's memorial remarks for Senator Harry Reid, 2022-01-08: the same
    # rewrite still joins "travelled" and "traveled".
    source = transcript(
        "THE PRESIDENT:  His remarkable journey has been told so many — by so\n"
        "many because it has been traveled by so few.\n",
        title="Remarks by President Biden at the Memorial for Senator Harry Reid",
        date="2022-01-08",
    )
    r = judge_text("it has been travelled by so few.", BIDEN, source)
    assert r.verdict == "minor", r.notes


# -- an apostrophe that turns a contraction into another word ------------------------
# Remarks by Vice President Harris at a campaign event in Milwaukee, WI, 2024-08-20.
MILWAUKEE = transcript(
    "THE VICE PRESIDENT:  Breast cancer survivors, children with\n"
    "diabetes, grandparents who need help and support being denied care.\n\n"
    "We’re not going back.  (Applause.)\n",
    title="Remarks by Vice President Harris at a Campaign Event in Milwaukee, WI",
    date="2024-08-20",
)
# Remarks by President Biden after Marine One arrival, 2023-12-06.
MARINE_ONE = transcript(
    "THE PRESIDENT:  It’s just\n"
    "wrong.  And we’re — we’re going to get that — we’re going to get that\n"
    "aid.  We’re going to get it.\n",
    title="Remarks by President Biden After Marine One Arrival",
    date="2023-12-06",
)
HARRIS = Speaker("Kamala Harris", "Harris", 0, 5)


@pytest.mark.parametrize(
    ("quote", "speaker", "source"),
    [
        ("Were not going back.", HARRIS, MILWAUKEE),
        ("Were going to get that aid.", BIDEN, MARINE_ONE),
    ],
)
def test_diverged_an_apostrophe_dropped_that_makes_another_word(quote, speaker, source) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "diverged", r.notes


def test_minor_the_apostrophe_of_its_stays_typography() -> None:
    r = judge_text("Its just wrong.", BIDEN, MARINE_ONE)
    assert r.verdict == "minor", r.notes
