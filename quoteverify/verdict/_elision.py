"""Marked omissions (docs/VERDICT-POLICY.md, "elided").

A quote that leaves words out of one passage of one speaker and marks every
omission (``…``, ``...``, ``. . .``, ``[…]``) is ``elided`` when the kept parts
pass, stand in source order in the same turn, and each omitted stretch is at
most 60 words.  Words that can reverse what is kept (a negation or a
condition) make the omission ``diverged``, unless they stand in a false start
the speaker broke off with a dash and restarted.
"""

from __future__ import annotations

from collections.abc import Sequence

# The policy's list: leaving one of these out can reverse what is kept.
# "cannot" is its "not" written as one word ("he cannot — I emphasize
# “cannot” — move on Ukraine", Biden, 2021-12-31): neither "not" nor "n't".
REVERSING_WORDS: frozenset[str] = frozenset(
    {
        "not",
        "never",
        "no",
        "nothing",
        "nobody",
        "neither",
        "nor",
        "cannot",
        "if",
        "unless",
        "except",
        "only",
    }
)
_DASHES = ("—", "–", "--", "-")


def is_reversing(core: str, words: frozenset[str] = REVERSING_WORDS) -> bool:
    """Is the word a negation or a condition in the policy's sense?

    >>> [w for w in ["don't", "only", "nothing", "know", "Cannot"] if is_reversing(w)]
    ["don't", 'only', 'nothing', 'Cannot']
    """
    low = core.lower().replace("’", "'")
    return low in words or low.endswith("n't")


# Words that open a clause: after a broken-off false start the speaker
# restarts with one ("That wasn't — they have been clear").
CLAUSE_OPENERS: frozenset[str] = frozenset(
    {
        "i", "we", "they", "he", "she", "it", "you", "that", "this", "there", "these",
        "those", "what", "i'm", "i've", "i'll", "i'd", "we're", "we've", "we'll", "they're",
        "they've", "it's", "that's", "there's", "he's", "she's", "you're", "let's",
    }
)  # fmt: skip


def false_starts(
    cores: Sequence[str], puncts: Sequence[str], restart: str | None = None
) -> list[bool]:
    """For each omitted word: does it stand in a broken-off false start?

    A false start is the words from the last sentence end (or the start of the
    omission) up to a word followed by a dash, when the next words restart:
    Jean-Pierre's "That wasn't — they have been clear" omits "That wasn't —";
    the "n't" cannot reverse what is kept, because the sentence was abandoned.

    >>> false_starts(["That", "wasn't", "they", "have"], ["", " —", "", ""])
    [True, True, False, False]
    >>> false_starts(["It", "was", "not", "fair"], ["", "", "", "."])
    [False, False, False, False]

    The omission may end at the dash, the kept words after the ellipsis being
    the restart, as in the policy's own example: Kirby's "So I don’t — they
    never fail, I don’t think, to surprise" (briefing of 2023-01-06) and
    Jean-Pierre's "that is something that I can’t — I don’t have a magic wand
    here" (2023-01-13), quoted with "I don’t —" and "I can’t —" left out.

    Only when those kept words open a clause of their own (``restart``: the
    first of them): "we will not — I repeat, we will not — raise taxes" cut
    to "we will … raise taxes" keeps the broken sentence's own end, and the
    "not" stays a reversing word.

    >>> false_starts(["So", "I", "don't"], ["", "", " —"], restart="they")
    [True, True, True]
    >>> false_starts(["we", "will", "not"], ["", "", " —"], restart="raise")
    [False, False, False]

    A dash inside the omission is read the same way (``_restarts``): the
    words after it must open a clause, and a clause that a second dash closes
    is an aside when the sentence then goes on — the words before the first
    dash were not abandoned but resumed.  Dr. Fauci's "Even though it is not
    — in the essence — taken hold to any extent here" (COVID-19 briefing,
    2021-09-02) and Biden's "we made it clear that he cannot — I emphasize
    “cannot” — move on Ukraine" (press gaggle, 2021-12-31) cut to "it is …
    taken hold" and "he … move on Ukraine" reverse what is kept.

    >>> false_starts(["not", "in", "the", "essence"], [" —", "", "", " —"], restart="taken")
    [False, False, False, False]
    >>> false_starts(["cannot", "I", "emphasize", "cannot"], [" —", "", "", "” —"], "move")
    [False, False, False, False]
    """
    out = [False] * len(cores)
    words = [*cores, restart] if restart is not None else list(cores)
    start = 0
    for i, p in enumerate(puncts):
        p = p.strip()
        if p.endswith(_DASHES):
            if _restarts(words, puncts, i + 1):
                for k in range(start, i + 1):
                    out[k] = True
            start = i + 1
        elif p and p[-1] in ".?!;:":
            start = i + 1
    return out


def _opens(word: str) -> bool:
    return word.lower().replace("’", "'") in CLAUSE_OPENERS


def _restarts(words: Sequence[str], puncts: Sequence[str], j: int) -> bool:
    """Do ``words[j:]``, after a dash, restart the sentence rather than go on
    with it or set off an aside that it resumes after?  ``puncts`` covers the
    omitted words, ``words`` may hold one kept word more (the restart)."""
    if j >= len(words) or not _opens(words[j]):
        return False
    for k in range(j, len(puncts)):
        p = puncts[k].strip()
        if p and p[-1] in ".?!;:":
            return True
        if p.endswith(_DASHES):
            # "cannot — I emphasize “cannot” — move on": an aside, resumed.
            return k + 1 < len(words) and _opens(words[k + 1])
    return True


def reversing_words(
    cores: Sequence[str], puncts: Sequence[str], restart: str | None = None
) -> list[str]:
    """The negation and condition words an omission leaves out, false starts aside.

    Real case: Trump's "I see it all the time… Actually, Elon called me" cuts
    "They tried it then they … many different things of hatred" — no such
    word, elided; an omission of "we will not" before "raise taxes" is
    diverged, naming "not".

    >>> reversing_words(["we", "will", "not"], ["", "", ""])
    ['not']
    >>> reversing_words(["That", "wasn't", "they", "said"], ["", " —", "", ""])
    []
    >>> reversing_words(["So", "I", "don't"], ["", "", " —"], restart="they")
    []

    ``restart``: the first kept word after the omission (see ``false_starts``).
    """
    fs = false_starts(cores, puncts, restart)
    return [c for c, f in zip(cores, fs, strict=True) if not f and is_reversing(c)]


def omission_note(n_words: int, omitted: str) -> str:
    """The note of one marked omission: how many words and which.

    >>> omission_note(5, "when the time comes")
    "the ellipsis leaves out 5 words: 'when the time comes'"
    """
    s = "" if n_words == 1 else "s"
    return f"the ellipsis leaves out {n_words} word{s}: '{omitted}'"


def negation_note(reversing: Sequence[str]) -> str:
    """The note of an omission that leaves out ``reversing`` words (``reversing_words``).

    >>> negation_note(["not", "if", "not"])
    "negation dropped: the omitted words hold 'not', 'if', which can reverse what is kept"
    """
    words = ", ".join(f"'{w}'" for w in dict.fromkeys(reversing))
    return f"negation dropped: the omitted words hold {words}, which can reverse what is kept"


def within_one_passage(gap: int, crosses_turn: bool, max_words: int) -> bool:
    """May two ellipsis parts, ``gap`` source words apart, be one passage?

    The policy's "elided": in source order (``gap >= 0``), in the same turn of
    the same speaker, the omitted stretch at most ``max_words`` (60).  Real
    cases: Biden's "Make no mistake about it…if China threatens our
    sovereignty" leaves out "As we made clear last week" (6 words, State of
    the Union 2023); "I have… to finish this job" leaves out "got" (1 word,
    2024); parts 471 words apart are two passages.

    >>> within_one_passage(6, False, 60), within_one_passage(1, False, 60)
    (True, True)
    >>> within_one_passage(471, False, 60), within_one_passage(3, True, 60)
    (False, False)
    >>> within_one_passage(-4, False, 60)
    False
    """
    return 0 <= gap <= max_words and not (gap and crosses_turn)


def empty_ellipsis_note(between: str) -> str | None:
    """The note for an ellipsis that leaves nothing out, or None when the
    source prints an ellipsis there itself (then only its form differs,
    typography, verbatim).

    ``between``: the source's text between the two kept parts.  The policy's
    verbatim ignores an ellipsis character's form, not an ellipsis put where
    the speaker paused without one: that is punctuation inside the quote
    (minor).  Real cases: a reporter at Psaki's briefing of 2022-03-07 read
    her "options it could take right now to cut U.S. consumption of Russian
    energy" (briefing of 2022-03-04) as "right now…to cut U.S. consumption".

    A broken-off fragment between the parts is not a word of the alignment
    but is left out all the same: Biden's "a young woman having to ch- —
    carry the child of incest" (remarks on the Supreme Court's decision on
    Roe v. Wade, 2022-06-24), printed with "…" for "ch- —".

    >>> empty_ellipsis_note(" ")
    'an ellipsis where nothing is left out: punctuation inside the quote'
    >>> empty_ellipsis_note(" … ") is None, empty_ellipsis_note(". . . ") is None
    (True, True)
    >>> empty_ellipsis_note(" ch- — ") is None
    True
    """
    if "…" in between or "..." in between or ". . ." in between:
        return None
    if any(c.isalpha() for c in between):
        return None
    return "an ellipsis where nothing is left out: punctuation inside the quote"
