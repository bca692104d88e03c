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


# The full forms a speaker or a writer contracts, as alignment keys: a word
# and "not" ("is not" -> "isnt"), a pronoun and a verb ("it is" -> "its"),
# and the spoken forms ("going to" -> "gonna").
_NOT_HOSTS = frozenset(
    "do does did is are was were have has had would could should must need might".split()
)
_IRREGULAR_NOT = {"can": "cant", "will": "wont", "shall": "shant"}
_VERB_CLITICS = {
    "is": "s", "has": "s", "are": "re", "am": "m", "have": "ve", "will": "ll",
    "would": "d", "had": "d", "us": "s",
}  # fmt: skip
_CLITIC_HOSTS = frozenset(
    "i you he she it we they that there here what who where when how why let".split()
)
_SPOKEN = {("going", "to"): "gonna", ("want", "to"): "wanna", ("got", "to"): "gotta"}
# At most this many variants of one run of words are looked up.
_MAX_VARIANTS = 8


def _contracted(a: str, b: str) -> str | None:
    """The key of the contraction of keys ``a`` ``b``, or None.

    >>> _contracted("it", "is"), _contracted("did", "not"), _contracted("can", "not")
    ('its', 'didnt', 'cant')
    >>> _contracted("let", "us"), _contracted("going", "to"), _contracted("report", "is")
    ('lets', 'gonna', None)
    """
    if b == "not":
        return _IRREGULAR_NOT.get(a) or (a + "nt" if a in _NOT_HOSTS else None)
    if (a, b) in _SPOKEN:
        return _SPOKEN[a, b]
    clitic = _VERB_CLITICS.get(b)
    if clitic is None or a not in _CLITIC_HOSTS or (b == "us") != (a == "let"):
        return None
    return a + clitic


def key_variants(cores: Sequence[str], keys: Sequence[str]) -> list[tuple[str, ...]]:
    """The alignment keys ``keys`` of the words ``cores`` with one contraction
    written the other way: each contracted word expanded, each contractible
    pair contracted.

    A short quote is looked up word for word (``find_exact``); printed with
    a contraction written out, or a full form contracted, it is not found
    there and its few words give the fuzzy search nothing to go on.  Real
    cases: Biden's "It's just wrong" (remarks after Marine One's arrival,
    2023-12-06) printed "It is just wrong"; his "This is not over" (on the
    Supreme Court's decision on Roe v. Wade, 2022-06-24) printed "This isn't
    over"; Trump's "I didn't know that" (Hannity interview, 2025-02-18)
    printed "did not know that"; Jean-Pierre's "I'm going to — we're going"
    (briefing of 2024-05-06) printed "I'm gonna — we're going".

    >>> key_variants(["It", "is", "just", "wrong."], ["it", "is", "just", "wrong"])
    [('its', 'just', 'wrong')]
    >>> key_variants(["This", "isn't", "over"], ["this", "isnt", "over"])
    [('this', 'is', 'not', 'over')]
    >>> key_variants(["I'm", "gonna", "go"], ["im", "gonna", "go"])
    [('i', 'am', 'gonna', 'go'), ('im', 'going', 'to', 'go')]
    """
    full = [expand(c) for c in cores]
    out: list[tuple[str, ...]] = []
    for i, words in enumerate(full):
        if len(words) > 1:
            out.append((*keys[:i], *words, *keys[i + 1 :]))
        elif i + 1 < len(full) and len(full[i + 1]) == 1:
            c = _contracted(words[0], full[i + 1][0])
            if c is not None:
                out.append((*keys[:i], c, *keys[i + 2 :]))
    return list(dict.fromkeys(out))[:_MAX_VARIANTS]
