"""Disfluencies removed from a quote (docs/VERDICT-POLICY.md, "minor").

Fillers (``uh``, ``um``, ``er``, ``ah``) and immediate repetitions or stutters
(``I — I``, ``we're — we're going``) may be left out: ``minor``.  Any other
dropped word (``you know``, ``like``, ``just``, ``well``, a false start that is
not a repetition) changes the words: ``diverged``.
"""

from __future__ import annotations

from collections.abc import Sequence

# The policy's fillers, with their common spellings in transcripts.
FILLERS: frozenset[str] = frozenset({"uh", "um", "er", "ah", "uhh", "umm", "erm", "ahh", "uh-huh"})


def _bare(word: str) -> str:
    return word.lower().replace("’", "'").strip(".,;:!?\"'—–-()[]")


def only_fillers(words: Sequence[str]) -> bool:
    """Are the dropped words all fillers?

    Real case: Biden's "the Russian people, uh, and we will" printed without
    "uh,".  "you know" and "well" are words, not fillers.

    >>> only_fillers(["uh,"]), only_fillers(["Um", "uh"]), only_fillers(["you", "know"])
    (True, True, False)
    """
    return bool(words) and all(_bare(w) in FILLERS for w in words)


def is_repetition(dropped: Sequence[str], before: Sequence[str], after: Sequence[str]) -> bool:
    """Do the dropped words repeat the words right before or after them?

    Real cases: Trump's "it just — it sped it up" (a different case: "it just"
    is a false start, not a repetition, so dropping it is diverged) and
    Biden's "we — we will not stop" printed "we will not stop" (a stutter).

    >>> is_repetition(["we"], ["and"], ["we", "will"])
    True
    >>> is_repetition(["we're"], ["going", "we're"], ["going"])
    True
    >>> is_repetition(["it", "just"], ["and"], ["it", "sped"])
    False
    """
    d = [_bare(w) for w in dropped]
    if not d or not all(d):
        return False
    n = len(d)
    return [_bare(w) for w in after[:n]] == d or [_bare(w) for w in before[-n:]] == d
