"""A whole sentence under five words, said elsewhere, makes a stitch.

Invented text (not the held-out cases): a short sentence taken from another
answer is stitched; a short sentence of the writer's own is not.
"""

from __future__ import annotations

from quoteverify.models import Speaker

from .conftest import judge_text, transcript

# -- a short sentence stitched from elsewhere ------------------------------------------
BRIEFING = (
    "MR. KIRBY:  The port facility was struck twice overnight, and the damage to the grain "
    "silos is extensive.  We are working with our partners to restore shipments as soon as "
    "possible, and we have made our views on this very clear to the Russian side.\n\n"
    "Q    John, what about the convoy that was stopped at the border?\n\n"
    "MR. KIRBY:  We have seen the reports, and we are trying to learn more about what "
    "happened there.  I would not get ahead of the investigation.  This was deliberate "
    "sabotage.  That is all I can say at this point about that particular convoy.\n"
)
KIRBY = Speaker("John Kirby", "Kirby", 0, 5, title="NSC spokesman")


def test_short_sentence_from_another_answer_is_stitched() -> None:
    ps = transcript(BRIEFING, "Press Briefing by Press Secretary and John Kirby")
    r = judge_text(
        "This was deliberate sabotage. The port facility was struck twice overnight.", KIRBY, ps
    )
    assert r.verdict == "stitched", r.notes


def test_short_invented_sentence_is_not_a_stitch() -> None:
    # "This was cowardly sabotage." stands nowhere: the quote is the passage
    # plus words of the writer's own, not two passages.
    ps = transcript(BRIEFING, "Press Briefing by Press Secretary and John Kirby")
    r = judge_text(
        "The port facility was struck twice overnight. This was cowardly sabotage.", KIRBY, ps
    )
    assert r.verdict != "stitched", r.notes
