"""One word's spelling (docs/VERDICT-POLICY.md, "minor"): what is a spelling
variant and what is another word.

The alignment flags a one-word replacement within a letter or two as
"spelling".  The policy narrows that: a US/UK variant or a misspelling that
is not itself a word stays ``minor``; a different dictionary word
(``affect``/``effect``, ``then``/``than``, ``Russia``/``Russian``) is never a
spelling variant.  And an apostrophe that changes a word's number or owner
(``officer's``/``officers``) is a different word, not typography.

Which strings are English words comes from ``wordfreq`` (word frequencies from
many corpora, data shipped in its wheel) and, for the rarer words its frequency
floor leaves out, ``pyspellchecker``'s English dictionary (a word list with the
common misspellings removed); both load lazily on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from quoteverify.align import levenshtein
from quoteverify.verdict._inflection import is_inflection

if TYPE_CHECKING:
    from quoteverify.thresholds import Thresholds

# Word pairs one letter apart that are different words, not spellings of one:
# the spelling-variant rule (theater/theatre) must not call them minor.
CONFUSABLE = {
    frozenset(p)
    for p in [
        ("though", "through"), ("through", "thorough"), ("affect", "effect"),
        ("quite", "quiet"), ("accept", "except"), ("advice", "advise"),
        ("loose", "lose"), ("there", "where"), ("these", "those"), ("while", "whilst"),
        ("later", "latter"), ("trail", "trial"), ("causal", "casual"), ("form", "from"),
        ("allies", "allied"), ("threat", "threats"), ("united", "untied"),
    ]
}  # fmt: skip

# US/UK spelling pairs, as rewrites to one canonical (US) form.  A pair of
# words with the same canonical form is a spelling variant, whatever the
# word list says about each.
_US_UK: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"([aeiouy][a-z]*[a-z])our(s|ed|ing|ite|ites|able|ful|less)?$", r"\1or\2"),  # colour
        (r"([^aeiou])re(s|d)?$", r"\1er\2"),  # centre, theatre
        (r"is(e|ed|es|ing|ation|ations|er|ers)$", r"iz\1"),  # organise
        (r"ys(e|ed|es|ing)$", r"yz\1"),  # analyse
        (r"ence$", r"ense"),  # defence, licence
        (r"ogue(s)?$", r"og\1"),  # catalogue
        (r"([aeiouy][^aeiouy]*[aeiou])ll(ed|ing|er|ers)$", r"\1l\2"),  # travelled
        (r"gramme(s)?$", r"gram\1"),  # programme
        (r"dgement(s)?$", r"dgment\1"),  # judgement
        (r"^grey", "gray"),
        (r"([st])or(s)?$", r"\1er\2"),  # protestor / protester, advisor / adviser
    )
)
# Both rewrites need a syllable before the ending: UK English doubles the l
# of an unstressed last syllable (travel, cancel, fuel) and writes "-our" in
# words of two syllables or more; "filled"/"filed", "filling"/"filing" and
# "our"/"or" are other words (Biden's "workers filing for union
# representation", Philadelphia, 2024-10-15; Deese's "filling a hole",
# briefing of 2021-01-22).
# No "ae"/"oe" -> "e" rewrite: it made "poets"/"pets", "Boeing"/"being" and
# "canoe"/"cane" one word.  The UK forms it was for (anaemia 2.5, paediatric
# 2.8, foetus 2.8, oestrogen 2.4 on the Zipf scale) are below the word list's
# threshold, so they stay spelling variants without it.
# One word with several accepted spellings that no edit-distance tolerance
# can see ("OK" is two letters of "okay"), as groups of lower-case spellings
# without dots.  Interjections and set phrases only: each spelling is used by
# transcribers and writers alike for the same spoken word.
_SPELLING_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"ok", "okay"}),  # "O.K." keys as "ok"
    frozenset({"alright", "all right"}),
)
# Words whose apostrophe-s is "is"/"has"/"us", not a possessive: "it's" vs
# "its" is a contraction question, never one of number or owner.
_CLITIC_HOSTS = frozenset("it he she that there what who here where how let when why this".split())


def us_uk_canonical(word: str) -> str:
    """The US spelling a (lower-case) word maps to, for comparing variants.

    >>> [us_uk_canonical(w) for w in ("colour", "centre", "organised", "travelled")]
    ['color', 'center', 'organized', 'traveled']
    """
    for pat, rep in _US_UK:
        word = pat.sub(rep, word)
    return word


def us_uk_variant(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one word in US and UK spelling?

    >>> us_uk_variant("defence", "defense"), us_uk_variant("affect", "effect")
    (True, False)
    >>> us_uk_variant("protestors", "protesters"), us_uk_variant("poets", "pets")
    (True, False)
    >>> us_uk_variant("filling", "filing"), us_uk_variant("our", "or")
    (False, False)
    >>> us_uk_variant("fuelled", "fueled"), us_uk_variant("behaviour", "behavior")
    (True, True)
    """
    a, b = a.lower(), b.lower()
    return a != b and us_uk_canonical(a) == us_uk_canonical(b)


@cache
def english_lexicon(min_zipf: float) -> Callable[[str], bool]:
    """``is_word(w)``: is ``w`` an English word (Zipf frequency >= ``min_zipf``,
    or a word of the English dictionary)?

    Zipf 3 is about once per million words: "recieve" (2.75), "goverment"
    (2.66), "seperate" (2.82) fall below, "affect" (4.6), "Russian" (5.0),
    "theatre" (4.5) above.  But so do real words a speaker uses and a writer
    swaps for a commoner neighbour: "persecuting" (2.61) printed for
    "prosecuting", "disbursed" (2.5) for "dispersed", "recused" (2.37) for
    "refused", "flouted" (2.18) for "flaunted".  Frequency alone called those
    misspellings, an unsafe pass; a dictionary knows them and still leaves out
    "recieve", "goverment", "seperate", "thier" and the 70-odd other common
    misspellings ``tests/test_verdict_policy_spelling_another_word.py`` lists.  ``wordfreq``
    reads its data on first use (about a second), the dictionary in about 0.2 s;
    the lookups are cached.
    """
    common = common_word(min_zipf)

    @lru_cache(maxsize=65536)
    def is_word(word: str) -> bool:
        # The dictionary (a quarter of a second to load) only for a rare word.
        return common(word) or word.lower() in _dictionary()

    return is_word


@cache
def _dictionary() -> Container[str]:
    """pyspellchecker's English word list, loaded on first use."""
    from spellchecker import SpellChecker  # lazy: only a rare word's question needs it

    return SpellChecker(language="en", distance=1).word_frequency


@cache
def common_word(min_zipf: float) -> Callable[[str], bool]:
    """``is_common(w)``: is ``w`` an English word by frequency alone (Zipf >=
    ``min_zipf``)?  A name misspelt as a rare word ("Bidden" for "Biden") is still
    a misspelt name: the dictionary's rare words are not asked about names."""
    from wordfreq import zipf_frequency  # lazy: only a spelling question needs it

    @lru_cache(maxsize=65536)
    def is_common(word: str) -> bool:
        return zipf_frequency(word.lower(), "en") >= min_zipf

    return is_common


def another_word(
    quote: str,
    source: str,
    is_word: Callable[[str], bool],
    is_common: Callable[[str], bool] | None = None,
) -> bool:
    """Is the quote's word a different dictionary word from the source's?

    Real cases: "promise" printed for "promised" (tense), "Russia" for
    "Russian", "affect" for "effect", "then" for "than": one letter apart,
    so the alignment called them spellings.  US/UK pairs ("defence" /
    "defense") and non-words ("goverment") stay spelling variants.  When the
    source's word is capitalised (a name, as transcripts print them) and
    ``is_common`` is given, only common words count: "Bidden" printed for
    "Biden" is a misspelt name although "bidden" is in the dictionary.

    >>> known = {"affect", "effect", "then", "than", "defence", "defense", "russia", "russian"}
    >>> is_word = lambda w: w.lower() in known
    >>> [another_word(q, s, is_word) for q, s in
    ...  [("affect", "effect"), ("Russia", "Russian"), ("defence", "defense"),
    ...   ("goverment", "government")]]
    [True, True, False, False]
    """
    q, s = quote.lower().strip(".,;:!?\"'"), source.lower().strip(".,;:!?\"'")
    if q == s or not (q.isalpha() and s.isalpha()) or us_uk_variant(q, s):
        return False
    if listed_variant([q], [s]):
        return False
    if is_common is not None and source.strip(".,;:!?\"'")[:1].isupper():
        return is_common(q) and is_common(s)
    return is_word(q) and is_word(s)


def apostrophe_changes_word(quote: str, source: str) -> bool:
    """Does an apostrophe turn one word into another (number or owner)?

    Real case: "the officer's account" printed as "the officers account"
    (one officer became several).  "it's"/"its" is a contraction question,
    and "Biden's"/"Biden’s" only typography.

    >>> apostrophe_changes_word("officers", "officer's")
    True
    >>> apostrophe_changes_word("parents'", "parent's")
    True
    >>> apostrophe_changes_word("its", "it's"), apostrophe_changes_word("Biden's", "Biden’s")
    (False, False)
    """
    q = quote.lower().replace("’", "'").strip('.,;:!?"')
    s = source.lower().replace("’", "'").strip('.,;:!?"')
    if q == s or q.replace("'", "") != s.replace("'", ""):
        return False
    bare = q.replace("'", "")
    if not bare.endswith("s"):
        return False
    host = bare[:-1]
    return (
        host not in _CLITIC_HOSTS
        and (q.endswith("s") or s.endswith("s"))
        and (_possessive_form(q) != _possessive_form(s))
    )


def contraction_becomes_word(quote: str, source: str, is_word: Callable[[str], bool]) -> bool:
    """Does an apostrophe dropped or added turn a contraction of "are" or
    "will" into another dictionary word?

    The policy's "a different dictionary word is never a spelling variant",
    and a tense or person changed is diverged: Harris's "We're not going
    back." (Milwaukee, 2024-08-20) printed "Were not going back." says the
    past; Biden's "we're going to get that aid" (after Marine One's arrival,
    2023-12-06) printed "were going to".  "it's"/"its" stays the contraction
    question it is (``apostrophe_changes_word``).

    >>> w = {"were", "well", "its"}.__contains__
    >>> contraction_becomes_word("Were", "We’re", w), contraction_becomes_word("well", "we'll", w)
    (True, True)
    >>> contraction_becomes_word("its", "it's", w), contraction_becomes_word("youre", "you're", w)
    (False, False)

    "youre" and "theyre" are in both word lists (web text misspells the
    contractions so), but far rarer than "you're" and "they're": dropping the
    apostrophe there is typography, not another word (``_own_word``).

    >>> contraction_becomes_word("youre", "you’re", lambda w: True)
    False
    """
    q = quote.lower().replace("’", "'").strip('.,;:!?"')
    s = source.lower().replace("’", "'").strip('.,;:!?"')
    if q == s or q.replace("'", "") != s.replace("'", ""):
        return False
    contracted, plain = (q, s) if "'" in q else (s, q)
    if "'" in plain:
        return False
    clitic = contracted.rpartition("'")[2]
    if clitic not in ("re", "ll") or not is_word(plain):
        return False
    return _own_word(plain, contracted)


# A word spelt like a contraction without its apostrophe is a word in its own
# right when it is used at least a tenth as often as the contraction (Zipf
# difference at most 1): "were" (6.3) / "we're" (5.4), "well", "hell", "shell",
# "whore", and "ill" (4.7) / "i'll" (5.4, 0.7 apart).  The misspellings of the
# contraction that web text gives wordfreq and pyspellchecker ("youre" 3.9 /
# "you're" 5.9, "theyre", "youll", "theyll", "itll", "thatll") are all
# at least 1.8 below it: an apostrophe dropped there is typography (minor).
_OWN_WORD_ZIPF_GAP = 1.0


def _own_word(plain: str, contracted: str) -> bool:
    """Is ``plain`` a word of its own, not ``contracted`` with its apostrophe
    dropped?

    >>> _own_word("were", "we're"), _own_word("ill", "i'll"), _own_word("youre", "you're")
    (True, True, False)
    """
    from wordfreq import zipf_frequency  # lazy, as in common_word

    return zipf_frequency(plain, "en") >= zipf_frequency(contracted, "en") - _OWN_WORD_ZIPF_GAP


def _possessive_form(word: str) -> str:
    """ "x's" (one owner), "xs'" (several owners) or "xs" (plural, no owner)."""
    if word.endswith("'s"):
        return "singular-owner"
    if word.endswith("s'"):
        return "plural-owner"
    return "plain"


def spelling_variant(q: str, s: str, th: Thresholds) -> bool:
    """Is the quote's word ``q`` within the spelling tolerance of ``s``?

    Same first letter, at least ``spelling_min_length`` letters, at most
    ``spelling_max_edit_fraction`` of them changed; never a known confusable
    pair or another inflection.  Real cases: "theatre" for "theater",
    "goverment" for "government"; "though" for "through" is another word.

    >>> from quoteverify.thresholds import DEFAULT
    >>> [spelling_variant(a, b, DEFAULT) for a, b in
    ...  [("theatre", "theater"), ("goverment", "government"), ("though", "through")]]
    [True, True, False]

    A US/UK pair is one word's spelling whatever its length: "centre" for
    Biden's "center" (a childcare center, 2021-10-15; an electric vehicle
    center, 2021-05-18; "if you can't get to a center", 2022-09-30) is two
    letters of six, more than the tolerance allows a short word.

    >>> spelling_variant("centre", "center", DEFAULT), spelling_variant("metre", "meter", DEFAULT)
    (True, True)
    """
    ql, sl = q.lower(), s.lower()
    if not (ql.isalpha() and sl.isalpha()):
        return False
    if us_uk_variant(ql, sl):
        return True
    if frozenset((ql, sl)) in CONFUSABLE or is_inflection(ql, sl):
        return False
    n = max(len(ql), len(sl))
    if n < th.spelling_min_length or ql[0] != sl[0]:
        return False
    return levenshtein(ql, sl) <= max(1, int(th.spelling_max_edit_fraction * n))


def name_misspelt(q: str, s: str, prev_punct: str, th: Thresholds) -> bool:
    """Is quote word ``q`` a misspelling of the proper name ``s``?

    Real case: "the entire McCane family" for "the entire McCain family": two
    letters of six, more than the spelling rule allows a common word.  Only
    for a name: the source word is capitalised in mid-sentence (the word
    before it, whose trailing punctuation is ``prev_punct``, does not end a
    sentence or a speaker label) and not all capitals, the quote word is
    capitalised too, same first letter, at least ``name_spelling_min_length``
    letters, and not another form of the word ("Williams" is not "William").
    "Where" for "There" at a sentence start is no name.

    >>> from quoteverify.thresholds import DEFAULT
    >>> name_misspelt("McCane", "McCain", "", DEFAULT)
    True
    >>> name_misspelt("Where", "There", ".", DEFAULT)
    False
    """
    if not (q.isalpha() and s.isalpha() and q[0].isupper() and s[0].isupper()):
        return False
    if s.isupper() or q.isupper() or q[0] != s[0]:
        return False
    if prev_punct.rstrip("\"')]").endswith((".", "?", "!", ":")):
        return False
    ql, sl = q.lower(), s.lower()
    n = max(len(ql), len(sl))
    if n < th.name_spelling_min_length or frozenset((ql, sl)) in CONFUSABLE:
        return False
    if is_inflection(ql, sl):
        return False
    return levenshtein(ql, sl) <= th.name_spelling_max_edits


def same_compound(quote_keys: tuple[str, ...], source: tuple[str, ...]) -> bool:
    """Hyphenation or compounding: "cyber attacks" / "cyberattacks".

    >>> same_compound(("cyber", "attacks"), ("cyberattacks",))
    True
    """
    return "".join(quote_keys) == "".join(c.lower().replace("'", "") for c in source)


def listed_variant(quote: Sequence[str], source: Sequence[str]) -> bool:
    """Two accepted spellings of one spoken word ("Okay" / "OK" / "O.K.").

    Real cases: Trump's "There is not even a contest. Okay?" printed "Ok,"
    (an interview, 2025), Jean-Pierre's "Okay, a couple of items" and Biden's
    "Okay? But democracy never is easy" (White House transcripts spell it
    "Okay", many outlets "OK").

    >>> listed_variant(["Ok"], ["Okay"]), listed_variant(["O.K."], ["okay"])
    (True, True)
    >>> listed_variant(["all", "right"], ["alright"]), listed_variant(["OK"], ["Oh"])
    (True, False)
    """
    q = " ".join(w.lower().replace(".", "") for w in quote)
    s = " ".join(w.lower().replace(".", "") for w in source)
    return q != s and any(q in g and s in g for g in _SPELLING_GROUPS)
