"""A close paraphrase inside quotation marks: ``diverged``, not ``not_found``.

The policy (docs/VERDICT-POLICY.md, "diverged") calls a paraphrase inside
quotation marks a changed quote.  The alignment scores such a quote low (its
small words differ: "that's" for "it's", "to" for "for"), and a low score
alone used to give ``not_found``, which tells the reader the speaker never said
anything like it.  When the quote's content words mostly stand, in order, in
one passage of the speaker, the reader needs that passage and the diff.
"""

from __future__ import annotations

from collections.abc import Sequence

from quoteverify.verdict._inflection import is_inflection

# Function words: they carry the grammar a paraphrase changes freely, so only
# the other words count as evidence of the same passage.
STOPWORDS: frozenset[str] = frozenset(
    """a an the and or but if of to for in on at by with from as into onto than then
    that this these those it its it's thats its is are was were be been being am do
    does did have has had will would shall should can could may might must i me my we
    us our you your he him his she her they them their there here what which who whom
    where when why how theres heres whats wheres
    so just like well really very also too not no yes oh uh um er ah im ive id ill
    hes shes theyre were weve youre dont cant wont isnt arent wasnt didnt about up out
    all some any one""".split()
)


def content_keys(keys: Sequence[str], stop: frozenset[str] = STOPWORDS) -> list[str]:
    """The content words of a run of word keys (lower case, no apostrophes).

    >>> content_keys(["and", "i", "think", "thats", "actually", "fair", "to", "india"])
    ['think', 'actually', 'fair', 'india']
    """
    return [k for k in keys if k not in stop]


def same_content_word(a: str, b: str) -> bool:
    """One content word in two forms (``_inflection``), for a paraphrase's evidence.

    A paraphrase changes the forms of the words it keeps: Biden's "No
    reasonable person who looks at the facts" printed as "No reasonable
    person looking at the facts" (a statement, December 2024), Jean-Pierre's
    "Is he taking medication for Parkinson's?" printed as "Does he take
    medication for Parkinson?" (a briefing, July 2024).  The changed form
    still makes the quote diverged (the diff names it); here it only shows
    which passage the quote reworded.

    >>> same_content_word("looking", "looks"), same_content_word("parkinson", "parkinsons")
    (True, True)
    >>> same_content_word("take", "taking"), same_content_word("conclude", "reach")
    (True, False)
    """
    # The first-letters test is is_inflection's own first one, without the
    # memo's lookup: in_order asks it of every pair of words.
    return a == b or (a[:2] == b[:2] and is_inflection(a, b))


def in_order(quote: Sequence[str], passage: Sequence[str]) -> int:
    """How many of ``quote``'s words stand in ``passage`` in the same order (LCS),
    a word matching another form of itself (``same_content_word``).

    >>> in_order(["deep", "level", "specificity"], ["level", "deep", "specificity"])
    2
    >>> in_order(["president", "treated", "parkinson"], ["president", "treated", "parkinsons"])
    3
    """
    if not quote or not passage:
        return 0
    prev = [0] * (len(passage) + 1)
    for q in quote:
        cur = [0]
        for j, p in enumerate(passage):
            hit = q == p or same_content_word(q, p)
            cur.append(prev[j] + 1 if hit else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def close_paraphrase(
    quote_keys: Sequence[str],
    passage_keys: Sequence[str],
    *,
    min_share: float,
    min_words: int,
) -> bool:
    """Do most of the quote's content words stand in order in the passage?

    Real cases: Trump's "and I think it's actually fair for India" printed as
    "And I think that's actually fair to India." (4 of 4 content words in
    order), Musk's "you just can't have, like, a normal conversation" printed
    as "You can't have a normal conversation" (filler and "just" dropped),
    Biden's "Terrorists purpo- — purposefully target civilians, kill them"
    printed with "and" added.  A quote made up from the speaker's common words
    pairs too few of its content words in order to pass.

    >>> q = content_keys("and i think thats actually fair to india".split())
    >>> p = content_keys("and i think its actually fair for india".split())
    >>> close_paraphrase(q, p, min_share=0.6, min_words=3)
    True
    >>> q = content_keys("we will win the war on cancer this year".split())
    >>> p = content_keys("the war in ukraine will not be won this way".split())
    >>> close_paraphrase(q, p, min_share=0.6, min_words=3)
    False
    """
    if len(quote_keys) < min_words:
        return False
    got = in_order(quote_keys, passage_keys)
    return got >= min_words and got >= min_share * len(quote_keys)


def word_key(word: str) -> str:
    """A diff word as a key of ``STOPWORDS`` (lower case, no apostrophes or stops).

    >>> word_key("She’s"), word_key("I'm")
    ('shes', 'im')
    """
    return word.lower().replace("'", "").replace("’", "").replace(".", "")


def small_word_shift(
    changed_quote: Sequence[str],
    changed_source: Sequence[str],
    quote_content: Sequence[str],
    passage_content: Sequence[str],
) -> bool:
    """Is a short quote its passage with one small word changed (a person shift)?

    ``changed_*``: the words of the quote's one edit, each side;
    ``*_content``: the content words of quote and passage.  Every content
    word of the quote stands in order in the passage, and the edit touches
    only function words (a pronoun, an auxiliary): the speaker's sentence
    with its person or tense shifted, which the policy calls diverged
    (``I stand`` → ``he stands``), not a quote never said.

    Real cases: Musk's "it just — it sped it up" printed as "I sped it up"
    (Hannity, 2025); Biden's "She’s experienced." printed as "She
    experienced" (the address of July 24, 2024); the policy's "I am not
    going to back down" printed as "is not going to back down".  A quote
    whose content word differs ("I left it up" for "I sped it up") is not.

    >>> small_word_shift(["I"], ["it"], ["sped"], ["sped"])
    True
    >>> small_word_shift(["She"], ["She’s"], ["experienced"], ["experienced"])
    True
    >>> small_word_shift(["is"], ["I", "am"], ["going", "back", "down"], ["going", "back", "down"])
    True
    >>> small_word_shift(["sped"], ["left"], ["sped"], ["left", "lawyers"])
    False
    >>> small_word_shift(["man"], ["person"], ["good", "man"], ["good", "person"])
    False
    """
    words = [word_key(w) for w in (*changed_quote, *changed_source)]
    if not quote_content or not words or not all(w in STOPWORDS for w in words):
        return False
    return in_order(quote_content, passage_content) == len(quote_content)
