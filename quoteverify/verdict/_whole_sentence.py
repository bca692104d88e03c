"""A whole sentence silently skipped (docs/VERDICT-POLICY.md, "stitched").

The policy draws the line between an unmarked omission (``diverged``) and a
stitch by what is left out: an omission "that crosses a sentence boundary
without leaving out whole sentences" is a changed quote; one "with a whole
sentence or more silently skipped" joins two passages that are not one
passage, however close they stand.  The alignment may still see the quote as
one passage with some source words dropped: these rules say when those
dropped words hold a whole sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

# Words printed with a full stop that do not end a sentence ("Mr. Biden",
# "U.S. Army"): the capital letter after them is the name's, not a new
# sentence's.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr gen gov sen rep lt col sgt capt prof rev vs u.s u.k d.c".split()
)


def ends_sentence(core: str, punct: str, next_core: str | None) -> bool:
    """Does the source word ``core`` end a sentence?

    ``punct``: the marks between it and the next word; ``next_core``: the
    next word (None at the end of the text).  A full stop, question or
    exclamation mark before a capitalised word, never after an abbreviation.

    >>> ends_sentence("here", ".", "That"), ends_sentence("here", ",", "that")
    (True, False)
    >>> ends_sentence("Mr", ".", "Biden"), ends_sentence("U.S", ".", "Army")
    (False, False)
    >>> ends_sentence("it", "?", None)
    True
    """
    if not any(c in punct for c in ".?!…"):
        return False
    if core.lower().rstrip(".") in _ABBREVIATIONS or (len(core) == 1 and core.isupper()):
        return False
    return next_core is None or next_core[:1].isupper() or next_core[:1].isdigit()


def holds_whole_sentence(ends_before: bool, ends: Sequence[bool], min_words: int = 2) -> bool:
    """Do the omitted source words hold at least one whole sentence?

    ``ends_before``: the word just before the omission ends a sentence;
    ``ends[k]``: omitted word ``k`` ends one.  A whole sentence lies inside
    when two sentence boundaries do (the omission's start, if a sentence
    starts there, and the end of each sentence it closes) at least
    ``min_words`` apart: a one-word tag ("Okay?", "Right?") is a word the
    speaker dropped in, and leaving it out is a dropped word (diverged), not
    a second passage.

    Real cases: Jean-Pierre's "I am not going to do that from here.  That is
    not something I am going to do.  What I can share with you is …"
    printed without the middle sentence (a briefing, July 2024), and Trump's
    "it's just so obvious.  They're so bad at it.  I used to think they were
    good at it." printed without "They're so bad at it." (Hannity, 2025):
    both are stitched, not a dropped word or two.  Harris's "until the very
    end.  Okay?  We are the underdog" printed without "Okay?" is not.

    >>> # "[That is not something I am going to do.]" after "from here."
    >>> holds_whole_sentence(True, [False] * 8 + [True])
    True
    >>> # "[They're so bad at it.]" after "so obvious."
    >>> holds_whole_sentence(True, [False] * 4 + [True])
    True
    >>> # "[Okay?]" after "the very end."; "And I say —": no sentence ends inside
    >>> holds_whole_sentence(True, [True]), holds_whole_sentence(True, [False] * 3)
    (False, False)
    >>> # "[also]" in the middle of a sentence; "[now. We]" crosses one end only
    >>> holds_whole_sentence(False, [False]), holds_whole_sentence(False, [True, False])
    (False, False)
    """
    bounds = ([0] if ends_before else []) + [k + 1 for k, e in enumerate(ends) if e]
    return any(b - a >= min_words for a, b in zip(bounds, bounds[1:], strict=False))


def skipped_sentence_note(words: str) -> str:
    """The note on a stitch made by leaving a sentence out.

    >>> skipped_sentence_note("They’re so bad at it")
    "skips a whole sentence of the source ('They’re so bad at it'), not marked by an ellipsis"
    """
    return f"skips a whole sentence of the source ('{words}'), not marked by an ellipsis"


def reordered_note(later: int, earlier: int) -> str:
    """The note on parts of one source sentence printed in another order.

    Real cases: Biden's "choose between moving forward or backward, between
    hope and hate, between unity and division" (the address of July 24,
    2024) printed as "choose between hope and hate, unity and division,
    moving forward or backward": the words of one sentence reordered without
    a mark are diverged (the policy's "reordered"); parts taken out of
    order from different sentences are a stitch.

    >>> reordered_note(3, 2)
    'reordered: part 3 stands before part 2 in the same sentence of the source'
    """
    return (
        f"reordered: part {later} stands before part {earlier} in the same sentence of the source"
    )


def sentence_spans(ends: Sequence[bool]) -> list[tuple[int, int]]:
    """The quote's sentences as token spans, from whether each token ends one.

    >>> sentence_spans([False, True, False, False, True])
    [(0, 2), (2, 5)]
    >>> sentence_spans([False, False])
    [(0, 2)]
    """
    out: list[tuple[int, int]] = []
    start = 0
    for i, end in enumerate(ends):
        if end:
            out.append((start, i + 1))
            start = i + 1
    if start < len(ends):
        out.append((start, len(ends)))
    return out


def kept_runs(spans: Sequence[tuple[int, int]], n: int, min_share: float) -> list[tuple[int, int]]:
    """Runs of whole quote sentences, not all of them, holding at least
    ``min_share`` of the ``n`` words, longest first: the part of a quote
    that may stand in the source when the sentences around it were added.

    Real cases: "Look, I'm not as young. I'm not a young man." for Biden's "I
    know I'm not a young man" (2024): the first sentence is not in the source,
    the second is; and Jean-Pierre reading the first lady's "We've added
    flexible, versatile, and dynamic tools of learning to the tour; …" (2023),
    printed by the White House after a first sentence the first lady never
    said there.  A sentence added to a real passage is an added word, the
    policy's "diverged", with that passage shown; not "not_found".

    >>> kept_runs([(0, 5), (5, 10)], 10, 0.5)
    [(0, 5), (5, 10)]
    >>> kept_runs([(0, 27), (27, 96)], 96, 0.5)
    [(27, 96)]
    >>> kept_runs([(0, 12)], 12, 0.5)
    []
    """
    out = []
    for a in range(len(spans)):
        for b in range(a + 1, len(spans) + 1):
            if b - a == len(spans):
                continue
            lo, hi = spans[a][0], spans[b - 1][1]
            if hi - lo >= min_share * n:
                out.append((lo, hi))
    return sorted(out, key=lambda s: (-(s[1] - s[0]), s[0]))


def added_sentences_note(added: Sequence[str]) -> str:
    """The note naming the quote's sentences the source does not hold.

    >>> added_sentences_note(["Look, I'm not as young."])
    "the quote adds words the passage does not hold: 'Look, I'm not as young.'"
    """
    return "the quote adds words the passage does not hold: " + ", ".join(f"'{s}'" for s in added)
