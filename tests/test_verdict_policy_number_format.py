"""docs/VERDICT-POLICY.md, "minor": "numerals and words for the same value
(25 percent/25%, nine/9); a different value is always diverged."

"a thousand" and "1,000", "a million" and "1 million" are one value: the
article "a" is the numeral "1" before a scale word.  Excerpts of real White
House transcripts (public domain), three transcripts.
"""

from __future__ import annotations

import pytest

from quoteverify.models import Speaker

from .conftest import judge_text, note_codes, transcript

BIDEN = Speaker("Joe Biden", "Biden", 0, 5)
KIRBY = Speaker("John Kirby", "Kirby", 0, 5)

# Press gaggle by Emilie Simons and John Kirby en route Minneapolis, 2023-11-01.
GAGGLE = transcript(
    "MR. KIRBY:  But it’s going to take some time.  It’s an enormous population.  So,\n"
    "obviously, as you heard Secretary Blinken say that about a thousand\n"
    "Americans, several hundred families — if you count them all, it’s about\n"
    "a thousand — and thousands of others.\n",
    title="Press Gaggle by Deputy Press Secretary Emilie Simons and NSC Coordinator for "
    "Strategic Communications John Kirby En Route Minneapolis, MN",
    date="2023-11-01",
)
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
    ("quote", "speaker", "source"),
    [
        (
            "as you heard Secretary Blinken say that about 1,000 Americans, several hundred "
            "families",
            KIRBY,
            GAGGLE,
        ),
        ("having traveled over 1 million miles on it, commuting every day.", BIDEN, INFRASTRUCTURE),
        (
            "we’ve reduced the actual yearly deficit by $350 billion; this year, by $1 trillion.",
            BIDEN,
            DNC,
        ),
    ],
)
def test_minor_a_scale_word_after_a_or_1(quote, speaker, source) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "minor", r.notes
    assert "number" not in note_codes(r), r.notes


@pytest.mark.parametrize(
    ("quote", "speaker", "source"),
    [
        ("as you heard Secretary Blinken say that about 2,000 Americans", KIRBY, GAGGLE),
        ("having traveled over 2 million miles on it, commuting every day.", BIDEN, INFRASTRUCTURE),
    ],
)
def test_diverged_another_value(quote, speaker, source) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "diverged" and "number" in note_codes(r), r.notes


# -- a dollar sign and the word "dollars" are one unit of the same amount ------------
TRUMP = Speaker("Donald Trump", "Trump", 0, 5)
# Press gaggle by President Trump aboard Air Force One, 2025-01-25.
AIR_FORCE_ONE = transcript(
    "THE PRESIDENT:  Last time, I went to Saudi Arabia because they agreed to buy 450 billion\n"
    "dollars’ worth of United States merchandise, including a lot of military\n"
    "equipment.\n",
    title="Press Gaggle by President Trump Aboard Air Force One",
    date="2025-01-25",
)
# Remarks by President Biden at a Democratic National Committee reception, 2022-10-06.
DNC_RECEPTION = transcript(
    "THE PRESIDENT:  We still have a gigantic accumulated\n"
    "debt overall, but we’ve reduced the actual yearly deficit by $350\n"
    "billion; this year, by a trillion dollars.\n",
    title="Remarks by President Biden at Democratic National Committee Reception",
    date="2022-10-06",
)


def test_minor_a_dollar_sign_for_the_word_dollars() -> None:
    # verdicts-heldout h-diverged-04, relabelled under the policy.
    r = judge_text(
        "they agreed to buy $450 billion worth of United States merchandise",
        TRUMP,
        AIR_FORCE_ONE,
    )
    assert r.verdict == "minor", r.notes
    assert "spelling" in note_codes(r)
    # The other way round: the transcript's sign, the word printed.
    r = judge_text(
        "we’ve reduced the actual yearly deficit by 350 billion dollars", BIDEN, DNC_RECEPTION
    )
    assert r.verdict == "minor", r.notes


def test_diverged_a_dollar_amount_changed_or_its_unit_dropped() -> None:
    r = judge_text(
        "they agreed to buy $460 billion worth of United States merchandise",
        TRUMP,
        AIR_FORCE_ONE,
    )
    assert r.verdict == "diverged", r.notes
    # "dollars" dropped with no sign in its place.
    r = judge_text(
        "they agreed to buy 450 billion worth of United States merchandise", TRUMP, AIR_FORCE_ONE
    )
    assert r.verdict == "diverged", r.notes
