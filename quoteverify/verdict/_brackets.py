"""The writer's [bracketed] words: when a marked insertion is an editorial
clarification (minor) and when it is a changed word (docs/VERDICT-POLICY.md,
"minor": a marked insertion "that names a referent or clarifies").

The alignment flags every bracketed quote word "bracket" (minor); these rules
take the flag back where the brackets add a word that does neither, or stand
in for a different word the speaker said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quoteverify.align import is_number
from quoteverify.verdict._elision import is_reversing
from quoteverify.verdict._paraphrase import STOPWORDS

# Words a bracketed referent follows ("he [Putin]", "we [the administration]"):
# the bracket says who they are, whatever words it repeats.
_REFERRING = frozenset(
    "he she it they we you i him her them us its his their our this that these those there".split()
)


# Pronouns that stand alone before an appositive referent ("We [the
# administration] won"); a possessive ("their [offer]") is followed by its noun.
_STANDALONE = frozenset("he she it they we you i him her them us".split())
# Words a bracketed noun phrase opens with when it names who a pronoun is
# ("we [the administration]", "they [these companies]"); a name is capitalised.
_DETERMINERS = frozenset(
    "the a an this that these those his her their our its my your both all".split()
)


def _key(word: str) -> str:
    return re.sub(r"[’'`]", "", word.lower())


# What a referring word may carry in a source, contracted ("he’s", "they're").
_CLITICS = frozenset({"s", "re", "ll", "d", "ve", "m"})
# A spoken word a bracketed name may stand for: every personal pronoun, the
# speaker's own "me" and "my" too ("[McConnell’s] focus" for "my focus" names
# whose focus, as "[Zelenskyy]" for "he’s" names who).
_PRONOUNS = _REFERRING | frozenset("me my mine your yours ours hers theirs".split())


def _refers(word: str) -> bool:
    base, *rest = re.split(r"[’']", word.lower(), maxsplit=1)
    return base in _PRONOUNS and (not rest or rest[0] in _CLITICS)


def bracket_substitutes_word(
    inserted: Sequence[str], replaced: Sequence[str], before: Sequence[str]
) -> bool:
    """Do the bracketed words ``inserted``, printed where the speaker said the
    different words ``replaced``, change a word rather than name a referent?

    Policy ("minor"): a marked editorial insertion is minor when it "names a
    referent or clarifies"; a word substituted, or a person changed, is
    diverged.  A bracket in place of a pronoun that names whom it refers to is
    the referent case: "everything [President Zelenskyy] asked for" for Biden's
    "everything he's asked for" (remarks of 2023-10-04, printed at Jean-Pierre's
    briefing that day; wh-fresh ``wf0033``).  Any other word in place of the
    spoken one is a changed word, marked or not: Mitch McConnell's "100 percent
    of my focus is on stopping this new administration", read by a reporter at
    Psaki's briefing of 2021-05-05, printed "100 percent of [his] focus" at
    hers of 2021-05-12 (wh-fresh3 ``wh3-0009``: a pronoun for a pronoun, the
    person changed); "Israel has made their [offer]" for Biden's "their
    proposal" (2024-05-31, ``wf0055``); "monopolistic [companies]" for
    "monopolistic practices" (2021-02-19, wh-fresh2 ``wg0006``); "I'm not
    [saying]" for "I'm not going to say" (2022-01-19, ``wg0064``); "stopping
    [the] new administration" for "this new administration" (``wh3-0012``).

    A bracket after a standalone pronoun is an appositive that names it,
    whatever source words the alignment paired it with ("We [the
    administration] won" where Trump said "we won. We won. We won",
    Las Vegas, 2025-01-25) — when it reads as a name: a noun phrase
    (``_DETERMINERS``) or a capitalised name.  A verb or an adverb there
    stands in for the word the speaker said: Psaki's "I think we share the
    same objective" (briefing of 2021-12-06) printed "I [doubt] we share",
    or "I [thought] we share" (the tense changed); Sullivan's "as he always
    is" (briefing of 2021-12-07) printed "as he [often] is".
    ``before``: the quote's words (lower case) before the bracket in its
    sentence.  A bracket that ends the quote is
    added, not paired with a word (the passage may end anywhere): this rule
    does not see it.

    >>> bracket_substitutes_word(["his"], ["my"], ["100", "percent", "of"])
    True
    >>> bracket_substitutes_word(["offer"], ["proposal"], ["israel", "has", "made", "their"])
    True
    >>> bracket_substitutes_word(["President", "Zelenskyy"], ["he’s"], ["everything"])
    False
    >>> bracket_substitutes_word(["Trump", "is"], ["he’s"], ["that", "is"])
    False
    >>> bracket_substitutes_word(["the", "administration"], ["won", "We"], ["we"])
    False
    >>> bracket_substitutes_word(["and"], ["He"], ["integrity"])
    True
    >>> bracket_substitutes_word(["McConnell’s"], ["my"], ["100", "percent", "of"])
    False
    >>> bracket_substitutes_word(["doubt"], ["think"], ["i"])
    True
    >>> bracket_substitutes_word(["often"], ["always"], ["putin", "as", "he"])
    True
    """
    names = any(_key(w) not in STOPWORDS for w in inserted)
    if not names:
        return True
    if before and before[-1] in _STANDALONE and _reads_as_name(inserted[0]):
        return False
    return not all(_refers(w) for w in replaced)


def _reads_as_name(first: str) -> bool:
    """Does a bracket opening with ``first`` read as a noun phrase or a name?

    >>> _reads_as_name("the"), _reads_as_name("Democrats,"), _reads_as_name("thought")
    (True, True, False)
    """
    return first[:1].isupper() or _key(first) in _DETERMINERS


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


# Words that set a number's bound: "[almost] $350 billion" is another claim.
_SCALE_WORDS = frozenset("hundred thousand million billion trillion dozen".split())
_QUALIFIERS = frozenset(
    "almost nearly about around roughly approximately over under more less fewer "
    "least most up only just barely".split()
)


# Adverbs that all but negate the verb they qualify (issue 10's review: "[rarely]",
# "[hardly]" inserted in brackets passed as clarifications).
_NEAR_NEGATIONS = frozenset({"hardly", "barely", "scarcely", "seldom", "rarely"})


def bracket_changes_claim(inserted: Sequence[str], after: Sequence[str]) -> bool:
    """Do the bracketed words ``inserted`` add a condition or a negation, or
    bound the number after them (``after``: the quote's next words)?

    Policy ("minor"): a marked insertion passes when it "names a referent or
    clarifies"; a negation or condition (the words whose omission "can
    reverse what is kept", "elided") or a number's bound changes what the
    speaker said, brackets or not.  Real passages: Biden's "having traveled
    over a million miles on it, commuting every day" (infrastructure remarks,
    2021-06-24) printed "[only] commuting", and "we've reduced the actual
    yearly deficit by $350 billion" (DNC reception, 2022-10-06) printed "by
    [almost] $350 billion"; "[federal]" there names which deficit.

    >>> bracket_changes_claim(["only"], ["commuting"]), bracket_changes_claim(["almost"], ["350"])
    (True, True)
    >>> bracket_changes_claim(["federal"], ["yearly"]), bracket_changes_claim(["about"], ["it"])
    (False, False)

    A bound of more than one word, or before a number in words, is one too:
    "by [more than] $350 billion", "by [nearly] a trillion dollars" (the same
    reception), "over [almost] a million miles" (the same remarks on Amtrak).

    >>> bracket_changes_claim(["more", "than"], ["$350"])
    True
    >>> bracket_changes_claim(["nearly"], ["a", "trillion"])
    True

    An adverb of near-negation does what a negation does: "[rarely] commuting
    every day" (the Amtrak remarks), "[hardly] reduced the actual yearly deficit"
    (the reception) say nearly the opposite of the speaker.

    >>> bracket_changes_claim(["rarely"], ["commuting"]), bracket_changes_claim(["hardly"], [])
    (True, True)
    """
    words = [_key(w).strip(".,;:!?") for w in inserted]
    if any(is_reversing(w) or w in _NEAR_NEGATIONS for w in words):
        return True
    return _bounds(words) and _opens_number(after)


def _bounds(words: Sequence[str]) -> bool:
    """Do the bracket's last words set a bound ("almost", "more than", "up to")?

    >>> _bounds(["more", "than"]), _bounds(["up", "to"]), _bounds(["at", "least"])
    (True, True, True)
    >>> _bounds(["federal"]), _bounds(["than"]), _bounds(["plan", "to"])
    (False, False, False)
    """
    if not words:
        return False
    if words[-1] in _QUALIFIERS:
        return True
    return words[-1] in ("than", "to") and len(words) > 1 and words[-2] in _QUALIFIERS


def _opens_number(after: Sequence[str]) -> bool:
    """Do the quote's next words ``after`` open a number: "$350", "three",
    "a trillion"?

    >>> _opens_number(["$350", "billion"]), _opens_number(["a", "trillion"])
    (True, True)
    >>> _opens_number(["three", "million"]), _opens_number(["a", "plan"]), _opens_number([])
    (True, False, False)
    """
    if not after:
        return False
    nxt = after[0].lstrip("$").strip(".,;:!?")
    if nxt in ("a", "an"):
        return len(after) > 1 and after[1].strip(".,;:!?") in _SCALE_WORDS
    return nxt[:1].isdigit() or is_number(nxt)


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
