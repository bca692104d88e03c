"""A manner adverb between the speaker and the cue is no part of the speaker phrase:
"Walz bizarrely claimed", "Patrick Henry heroically answered" (issue 11: recall of
speakers in news-like prose).

Sentences from White House releases and presidential messages (the White House
corpus)."""

from __future__ import annotations

from .conftest import counted, name


def test_manner_adverb_before_the_cue_is_skipped() -> None:
    for text, who in (
        (
            # "Walz is wrong" (2026-01-08).
            "What exactly does Tim Walz find so objectionable about enforcing our nation’s"
            " immigration laws? In his pathetic, inflammatory press conference today, Walz"
            " bizarrely claimed “there is no verifiable evidence” that the operations are"
            " “making America safer.”\n",
            "Tim Walz",
        ),
        (
            # Presidential message on the anniversary of Patrick Henry's speech (2026-03-23).
            "On March 23, 1775, the third day of the convention, Patrick Henry heroically"
            " answered that doubt: “If we wish to be free … we must fight!” His oration"
            " ended in cheers.\n",
            "Patrick Henry",
        ),
    ):
        quotes = counted(text)
        assert quotes and all(name(x) == who for x in quotes), quotes


def test_pronoun_then_manner_adverb_is_left_as_it_was() -> None:
    # Remarks (2021-03-04): "And I jokingly said" – the adverb is not trimmed after a
    # pronoun, whose resolution in transcripts is the speaker's own.
    from quoteverify.extract._phrases import _trim_aux

    s = "And I jokingly said"
    assert _trim_aux(s, 0, s.index(" said")) == s.index(" said")
