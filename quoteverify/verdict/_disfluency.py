"""Disfluencies removed from a quote (docs/VERDICT-POLICY.md, "minor").

Fillers (``uh``, ``um``, ``er``, ``ah``) and immediate repetitions or stutters
(``I — I``, ``we're — we're going``) may be left out: ``minor``.  Any other
dropped word (``you know``, ``like``, ``just``, ``well``, a false start that is
not a repetition) changes the words: ``diverged``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

# The policy's fillers, with their common spellings in transcripts.
FILLERS: frozenset[str] = frozenset({"uh", "um", "er", "ah", "uhh", "umm", "erm", "ahh", "uh-huh"})


def _bare(word: str) -> str:
    return word.lower().replace("’", "'").strip(".,;:!?\"'—–-()[]")


def bare_words(words: Sequence[str]) -> list[str]:
    """The words as the disfluency rules compare them (case, marks and curly
    apostrophes aside).

    >>> bare_words(["What’s", "a-", "—"])
    ["what's", 'a', '']
    """
    return [_bare(w) for w in words]


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


def is_cut_off_word(dropped: Sequence[str], glued_hyphen: bool, after: Sequence[str]) -> bool:
    """Is the dropped word the start of a word the speaker broke off and began again?

    A stutter on one word: the transcript prints the broken-off start with a
    hyphen glued to it ("lon-") and the speaker says the whole word within
    the next two words.  Real cases: Biden's "COVID lon- — no longer controls
    our lives" (Christmas address, 2022) printed "COVID no longer controls",
    and "Terrorists purpo- — purposefully target civilians" (remarks on the
    attacks in Israel, 2023).  A broken-off start of another word ("$200 tril-
    — billion", "You said esc- — de-escalation") is a false start, not a
    stutter: diverged.

    >>> is_cut_off_word(["lon"], True, ["no", "longer", "controls"])
    True
    >>> is_cut_off_word(["purpo"], True, ["purposefully", "target"])
    True
    >>> is_cut_off_word(["tril"], True, ["billion", "in"])
    False
    >>> is_cut_off_word(["esc"], True, ["de-escalation"])
    False
    >>> is_cut_off_word(["head"], False, ["is", "headed"])
    False
    """
    if len(dropped) != 1 or not glued_hyphen:
        return False
    frag = _bare(dropped[0])
    return len(frag) >= 2 and any(
        len(w) > len(frag) and w.startswith(frag) for w in (_bare(a) for a in after[:2])
    )


def is_word_begun_again(dropped: Sequence[str], broken_off: bool, after: Sequence[str]) -> bool:
    """Is the dropped word a whole word broken off with a dash and begun again
    as the start of the very next word?

    The policy's "immediate repetitions or stutters" when the repetition runs
    on: the speaker says a word, breaks off, and says it again with more
    (a contraction, or a longer form).  ``is_repetition`` compares whole words,
    so these read as a dropped word.  Real cases: Biden's "And number two, we
    — we're going to stay focused" (Hurricane Milton remarks, 2024-10-08) and
    Jean-Pierre's "After pushing to repeal literal — literally dozens of clean
    energy tax credits" (briefing of 2023-05-02), printed without the broken-off
    word.  A word that starts a different word ("Israel and the — their Arab
    neighbors", Biden 2023-03-10; "in his skin — into his brain", Biden
    2024-05-29) or a short prefix ("no — nobody") is not.

    >>> is_word_begun_again(["we"], True, ["we’re", "going"])
    True
    >>> is_word_begun_again(["literal"], True, ["literally", "dozens"])
    True
    >>> is_word_begun_again(["I"], True, ["I've", "been"])
    True
    >>> is_word_begun_again(["in"], True, ["into", "his"])
    False
    >>> is_word_begun_again(["we"], False, ["we're", "going"])
    False
    >>> is_word_begun_again(["skin"], True, ["into", "his"])
    False
    >>> is_word_begun_again(["the"], True, ["their", "Arab"])
    False
    """
    if len(dropped) != 1 or not broken_off or not after:
        return False
    word, said = _bare(dropped[0]), _bare(after[0])
    if not word or said == word:
        return False
    if "'" in said and said.split("'", 1)[0] == word:  # we — we're, I — I've
        return True
    return (
        len(word) >= 3
        and said.startswith(word)
        and said.isalpha()
        and said[len(word) :] in _ENDINGS
    )


# Endings that make a longer form of the same word ("literal" -> "literally"):
# "the — their" (Biden, 2023-03-10) begins another word, a false start.
_ENDINGS = frozenset({"s", "es", "d", "ed", "ing", "ly", "er", "est"})


def is_misspoken_word(
    dropped: Sequence[str],
    broken_off: bool,
    after: Sequence[str],
    close: Callable[[str, str], bool],
    is_word: Callable[[str], bool],
) -> bool:
    """Is the dropped word a slip the speaker broke off and said again correctly?

    A stutter in which the first try came out wrong: the transcript breaks it
    off with a dash (often with the transcriber's "[sic]") and the next word
    is the same word said right.  ``close``: within the spelling tolerance;
    ``is_word``: a dictionary word.  The slip must not itself be a word: "tril-
    — billion" or "then — than" would be a false start of another word.  Real
    cases: Biden's "because the backboken [sic] — backbone of this nation is
    strong" (State of the Union, 2024), quoted without the slip by two White
    House texts; "the Bureau of Alcobol [sic] — Alcohol, Tobacco, and
    Firearms" (gun violence prevention, 2021-04-08); "an open caset [sic] —
    casket" (Emmett Till monument, 2023-07-25).

    >>> close = lambda a, b: a[:4] == b[:4]
    >>> words = {"backbone", "billion", "trillion", "alcohol", "casket"}.__contains__
    >>> is_misspoken_word(["backboken"], True, ["backbone", "of"], close, words)
    True
    >>> is_misspoken_word(["Alcobol"], True, ["Alcohol,", "Tobacco"], close, words)
    True
    >>> is_misspoken_word(["trillion"], True, ["trillions"], close, words)
    False
    >>> is_misspoken_word(["backboken"], False, ["backbone"], close, words)
    False
    """
    if len(dropped) != 1 or not broken_off or not after:
        return False
    slip, said = _bare(dropped[0]), _bare(after[0])
    return bool(slip) and slip != said and not is_word(slip) and close(slip, said)


def is_restarted_phrase(
    dropped: Sequence[str], broken_off: bool, after: Sequence[str], cut_off: bool = False
) -> bool:
    """Are the dropped words a phrase the speaker broke off and said again, a word added?

    An immediate repetition of more than one word, the second try with at most
    one more word: each dropped word comes back, in order, in the restart,
    which begins with the same word.  Real cases: Biden's "recommit ourselves to
    action while still — while we still have the time" printed "while we still
    have the time" (a White House statement quoting him); Harris's "his record
    — his track record for the auto industry" (Redford, MI, 2024-10-04);
    Biden's "to climate — to the climate" (Afghanistan evacuation and Build
    Back Better remarks, 2021-08-24).  A false start whose
    words do not come back ("it just — it sped it up", "that will — that will
    — that we all know will", "of being — babies being killed") is a dropped
    word: diverged.

    >>> is_restarted_phrase(["while", "still"], True, ["while", "we", "still", "have"])
    True
    >>> is_restarted_phrase(["his", "record"], True, ["his", "track", "record", "for"])
    True
    >>> is_restarted_phrase(["to", "climate"], True, ["to", "the", "climate"])
    True
    >>> is_restarted_phrase(["it", "just"], True, ["it", "sped", "it", "up"])
    False
    >>> is_restarted_phrase(["will", "that", "will", "that"], True, ["we", "all", "know", "will"])
    False
    >>> is_restarted_phrase(["while", "still"], False, ["while", "we", "still"])
    False

    ``cut_off``: the last dropped word is itself broken off mid-word (a hyphen
    glued to it), and comes back as the start of a word of the restart, as in
    Biden's "what's a- — what's ahead of us" (Hurricane Milton remarks,
    2024-10-08). A cut-off word that begins another word stays a false start.

    >>> is_restarted_phrase(["what's", "a"], True, ["what's", "ahead", "of"], cut_off=True)
    True
    >>> is_restarted_phrase(["what's", "a"], True, ["what's", "ahead", "of"])
    False
    >>> is_restarted_phrase(["what's", "be"], True, ["what's", "ahead", "of"], cut_off=True)
    False
    """
    d = [_bare(w) for w in dropped]
    if len(d) < 2 or not all(d) or not broken_off:
        return False
    window = [_bare(w) for w in after[: len(d) + 1]]
    if not window or window[0] != d[0]:
        return False
    k = 0
    for w in window:
        if k < len(d) and (w == d[k] or (cut_off and k == len(d) - 1 and w.startswith(d[k]))):
            k += 1
    return k == len(d)
