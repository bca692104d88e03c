"""The writer's [bracketed] words: when a marked insertion is an editorial
clarification (minor) and when it is a changed word (docs/VERDICT-POLICY.md,
"minor": a marked insertion "that names a referent or clarifies").

The alignment flags every bracketed quote word "bracket" (minor); these rules
take the flag back where the brackets add a word that does neither.
"""

from __future__ import annotations

from collections.abc import Sequence

from quoteverify.verdict._paraphrase import STOPWORDS

# Words a bracketed referent follows ("he [Putin]", "we [the administration]"):
# the bracket says who they are, whatever words it repeats.
_REFERRING = frozenset(
    "he she it they we you i him her them us its his their our this that these those there".split()
)


def bracket_repeats_word(
    inserted: Sequence[str], before: Sequence[str], after: Sequence[str]
) -> bool:
    """Do the bracketed words ``inserted`` only say again a word printed just
    before them in the same sentence, without restoring a parallel phrase?

    Real cases: a reporter at Psaki's briefing of 2022-04-08 quoted Biden's
    "The most vile, baseless assertions and accusations" (remarks on Judge
    Jackson's confirmation, same day) as "The most vile, baseless, [vile]
    assertions and accusations": the bracket repeats an adjective the
    President said once, so it names no referent and clarifies nothing — a
    word he did not say (diverged).  Against it, Biden's "work to make it
    real, make it lasting" (remarks on the Middle East, 2024-05-31), printed
    by the White House the same day as "work to make it real, [work to] make
    it lasting", repeats "work to" before the same
    words that followed it ("make it"): the bracket spells out what the
    second phrase shares with the first, a clarification (minor).  Function
    words ("[the]", "[and]") supply grammar, and words after a pronoun
    ("he [Putin]") name a referent: neither is read as a repeat.

    ``before``/``after``: the quote's words (lower case) on either side of the
    bracket, ``before`` from the start of its sentence.

    >>> bracket_repeats_word(["vile"], ["the", "most", "vile", "baseless"], ["assertions"])
    True
    >>> bracket_repeats_word(["work", "to"], ["work", "to", "make", "it", "real"], ["make", "it"])
    False
    >>> bracket_repeats_word(["the"], ["the", "headwinds", "of", "delta"], ["war"])
    False
    >>> bracket_repeats_word(["putin"], ["putin", "said", "he"], ["wants"])
    False
    """
    words = [w.lower() for w in inserted]
    if not before or all(w in STOPWORDS for w in words):
        return False
    if before[-1] in _REFERRING:
        return False
    n = len(words)
    for i in range(len(before) - n, -1, -1):
        if list(before[i : i + n]) == words:
            follows = before[i + n] if i + n < len(before) else None
            # The same word after both: the bracket restores a parallel phrase.
            return not (after and follows == after[0])
    return False


def sentence_words(shown: Sequence[str]) -> list[str]:
    """The words (lower case, marks stripped) from the start of the last
    sentence of ``shown`` (words as printed, with their marks).

    >>> sentence_words(["There", "was", "abuse.", "The", "most", "vile,", "baseless,"])
    ['the', 'most', 'vile', 'baseless']
    """
    start = 0
    for i, w in enumerate(shown):
        if w.rstrip("”’\"')").endswith((".", "!", "?")):
            start = i + 1
    return [w.strip(".,;:!?…—–-“”‘’\"'()").lower() for w in shown[start:]]
