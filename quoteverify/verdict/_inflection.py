"""Inflection (docs/VERDICT-POLICY.md, "minor" vs "diverged"): two forms of
one word that differ in tense or number are a changed word, not a spelling.

Moved here from the alignment (``align/_diff.py``), which now only says where
words stand: whether a one- or two-letter difference is a spelling or a
change of meaning is the policy's question.
"""

from __future__ import annotations

from functools import lru_cache

# Inflectional endings, by what they mean: "d"/"ed"/"ied" all make a past
# tense, "s"/"es"/"ies" a plural or third person.
_SUFFIX_CLASS = {
    "s": "s", "es": "s", "ies": "s", "d": "ed", "ed": "ed", "ied": "ed",
    "ing": "ing", "er": "er", "ier": "er", "est": "est", "iest": "est",
}  # fmt: skip
# Words that take an "s" with no change of meaning (US / UK): "toward" /
# "towards", "afterward" / "afterwards", "backward" / "backwards".
_OPTIONAL_S = ("ward",)


@lru_cache(maxsize=8192)
def _stems(word: str) -> dict[str, set[str]]:
    """Each stem ``word`` may be inflected from, with its ending's classes.
    Memoised (callers only read it): ``_paraphrase.in_order`` asks for every
    quote word against every passage word, far more pairs than words.

    "stopped" also gives "stop" (doubled consonant); "carried" gives "carry".

    >>> sorted(_stems("promised").items())
    [('promis', {'ed'}), ('promise', {'ed'}), ('promised', {''})]
    """
    out: dict[str, set[str]] = {word: {""}}
    for suf, cls in _SUFFIX_CLASS.items():
        if not word.endswith(suf) or len(word) - len(suf) < 2:
            continue
        stem = word[: -len(suf)]
        cands = {stem}
        if suf.startswith("i") and suf != "ing":
            cands.add(stem + "y")  # carried / carries -> carry
        elif suf in ("ed", "ing", "er", "est"):
            cands.add(stem + "e")  # making -> make, promised -> promise
            if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                cands.add(stem[:-1])  # stopped -> stop, travelled -> travel
        for c in cands:
            out.setdefault(c, set()).add(cls)
    return out


@lru_cache(maxsize=4096)
def is_inflection(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` two inflections of one word (lower case)?

    Real cases: "promise" printed for the speaker's "promised" (tense),
    "threat" for "threats" (number): one letter apart, so within the
    spelling tolerance, but an editor calls that a changed word.  Two
    spellings of one form are not: "traveled" / "travelled" both end in "ed"
    (after "travel"), "organized" / "organised" share no stem, "toward" /
    "towards" is one word.

    >>> [is_inflection(a, b) for a, b in [("promise", "promised"), ("threat", "threats"),
    ...  ("carry", "carried"), ("traveled", "travelled"), ("toward", "towards")]]
    [True, True, True, False, False]
    """
    if a == b or a[:2] != b[:2]:
        # Every stem keeps the word's first two letters (a stem is at least
        # two letters long), so words that differ there share none.
        return False
    short, long_ = sorted((a, b), key=len)
    if long_ == short + "s" and short.endswith(_OPTIONAL_S) and len(short) > 4:
        return False
    sa, sb = _stems(a), _stems(b)
    for stem, classes in sa.items():
        other = sb.get(stem)
        if other is not None and classes != other and not (classes & other):
            return True
    return False
