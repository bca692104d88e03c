"""Contractions (docs/VERDICT-POLICY.md, "minor"): a contraction and its full
form are the same spoken words presented differently ("I've" / "I have",
"gonna" / "going to")."""

from __future__ import annotations

from collections.abc import Sequence

from quoteverify.align import expand, is_contraction

# Two contractions read two ways: "she's" is "she is" or "she has", "he'd"
# is "he would" or "he had"; ``expand`` gives the first reading only.
_OTHER_READING = {"is": "has", "would": "had"}
# At most this many contracted words are read both ways (2**n readings).
_MAX_AMBIGUOUS = 4


def readings(cores: Sequence[str]) -> list[tuple[str, ...]]:
    """Every full form of a run of words, each ``'s``/``'d`` read both ways.

    Real cases: Biden's "She has been an incredible partner" printed as
    "She's been …" (the address of July 24, 2024), and "we'd had" / "we had
    had" (a briefing): ``'s`` is "has" before a participle, ``'d`` is "had".

    >>> readings(["she's", "been"])
    [('she', 'is', 'been'), ('she', 'has', 'been')]
    >>> readings(["we", "can't"])
    [('we', 'can', 'not')]
    """
    out: list[tuple[str, ...]] = [()]
    ambiguous = 0
    for c in cores:
        full = expand(c)
        alts = [full]
        if len(full) == 2 and full[1] in _OTHER_READING and ambiguous < _MAX_AMBIGUOUS:
            ambiguous += 1
            alts.append((full[0], _OTHER_READING[full[1]]))
        out = [r + a for r in out for a in alts]
    return out


def contracted_same(quote: Sequence[str], source: Sequence[str]) -> bool:
    """Are the words the same once every contraction is expanded?

    Real cases: "can't" printed for the transcript's "cannot", "we are" for
    "we're", "She's been" for Biden's "She has been" (``readings``).

    >>> contracted_same(["can't"], ["cannot"]), contracted_same(["we", "are"], ["we're"])
    (True, True)
    >>> contracted_same(["She's"], ["She", "has"]), contracted_same(["I'd"], ["I", "had"])
    (True, True)
    >>> contracted_same(["we", "were"], ["we're"]), contracted_same(["she's"], ["she", "was"])
    (False, False)
    """
    if not (any(map(is_contraction, quote)) or any(map(is_contraction, source))):
        return False
    return bool(set(readings(quote)) & set(readings(source)))
