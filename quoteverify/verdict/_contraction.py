"""Contractions (docs/VERDICT-POLICY.md, "minor"): a contraction and its full
form are the same spoken words presented differently ("I've" / "I have",
"gonna" / "going to")."""

from __future__ import annotations

from collections.abc import Sequence

from quoteverify.align import expand, is_contraction


def contracted_same(quote: Sequence[str], source: Sequence[str]) -> bool:
    """Are the words the same once every contraction is expanded?

    Real cases: "can't" printed for the transcript's "cannot", "we are" for
    "we're".

    >>> contracted_same(["can't"], ["cannot"]), contracted_same(["we", "are"], ["we're"])
    (True, True)
    >>> contracted_same(["we", "were"], ["we're"])
    False
    """
    if not (any(map(is_contraction, quote)) or any(map(is_contraction, source))):
        return False
    return [k for c in quote for k in expand(c)] == [k for c in source for k in expand(c)]
