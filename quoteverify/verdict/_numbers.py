"""Numbers, negations and modals (docs/VERDICT-POLICY.md, "diverged"): the
words whose change alters a claim, and the number forms that do not.

"25%" / "25 percent" and "14,000" / "fourteen thousand" are one number
written two ways (``minor``); a changed number, negation or modal is flagged
so the verdict's note can name it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quoteverify.align import is_modal, is_negation, is_number, number_value
from quoteverify.models import DiffOp


def word_class_flags(cores: Sequence[str], other: Sequence[str]) -> list[str]:
    """The flags ("number", "negation", "modal") the changed words ``cores`` raise.

    "one" is as often a determiner/pronoun ("one lesson") as a number: it only
    counts when the other side has a number too ("one" -> "two").  Real case:
    "we will not" printed for "we would not" changes a modal.

    >>> word_class_flags(["would"], ["will"]), word_class_flags(["one"], ["lesson"])
    (['modal'], [])
    >>> word_class_flags(["one"], ["two"]), word_class_flags(["never"], [])
    (['number'], ['negation'])
    """
    flags = []
    nums = [c for c in cores if is_number(c) and c.lower() != "one"]
    if nums or (any(is_number(c) for c in cores) and any(is_number(c) for c in other)):
        flags.append("number")
    if any(is_negation(c) for c in cores):
        flags.append("negation")
    if any(is_modal(c) for c in cores):
        flags.append("modal")
    return flags


def percent_words(cores: Sequence[str]) -> list[str]:
    """``["25%"]`` -> ``["25", "percent"]``; "per cent" -> "percent".

    >>> percent_words(["25%"]), percent_words(["25", "per", "cent"])
    (['25', 'percent'], ['25', 'percent'])
    """
    out: list[str] = []
    for c in cores:
        if c.endswith("%") and len(c) > 1:
            out += [c[:-1], "percent"]
        elif c.lower() == "cent" and out and out[-1].lower() == "per":
            out[-1] = "percent"
        else:
            out.append(c)
    return out


def same_percent(quote: Sequence[str], source: Sequence[str]) -> bool:
    """ "25%" / "25 percent" / "25 per cent": the sign and the word are one.

    >>> same_percent(["40%"], ["40", "percent"]), same_percent(["40%"], ["14", "percent"])
    (True, False)
    """
    if not any(c.endswith("%") for c in [*quote, *source]):
        return False
    return [c.lower() for c in percent_words(quote)] == [c.lower() for c in percent_words(source)]


def same_number(quote: Sequence[str], source: Sequence[str]) -> bool:
    """The same number in numerals and in words: "14,000" / "fourteen thousand".

    >>> same_number(["14,000"], ["fourteen", "thousand"]), same_number(["two"], ["three"])
    (True, False)

    "a thousand" is "one thousand" (``_article_as_one``): Kirby's "about a
    thousand Americans" (gaggle of 2023-11-01) printed "about 1,000".

    >>> same_number(["1,000"], ["a", "thousand"]), same_number(["1,000"], ["a", "million"])
    (True, False)
    """
    quote, source = _article_as_one(quote), _article_as_one(source)
    if not all(is_number(c) or c.lower() == "and" for c in [*quote, *source]):
        return False
    qv, sv = number_value(list(quote)), number_value(list(source))
    return qv is not None and qv == sv


# The scale words an article counts as "one" before ("a million").
_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
_ARTICLES = frozenset({"a", "an"})


def _article_as_one(cores: Sequence[str]) -> list[str]:
    """``cores`` with "a"/"an" before a scale word read as "one".

    >>> _article_as_one(["a", "thousand"]), _article_as_one(["a", "plan"])
    (['one', 'thousand'], ['a', 'plan'])
    """
    out = list(cores)
    for i in range(len(out) - 1):
        if out[i].lower() in _ARTICLES and out[i + 1].lower() in _SCALE_WORDS:
            out[i] = "one"
    return out


def article_is_one(quote: str, source: str, next_word: str) -> bool:
    """Is one side's "a"/"an" the other's "1"/"one", before the scale word
    ``next_word`` both share?  The same value: Biden's "having traveled over
    a million miles" on Amtrak (infrastructure remarks, 2021-06-24) printed
    "over 1 million miles", his "this year, by a trillion dollars" (DNC
    reception, 2022-10-06) printed "by $1 trillion".

    >>> article_is_one("1", "a", "trillion"), article_is_one("one", "an", "million")
    (True, True)
    >>> article_is_one("1", "a", "plan"), article_is_one("2", "a", "million")
    (False, False)
    """
    pair = {quote.lower(), source.lower()}
    return (
        next_word.lower() in _SCALE_WORDS
        and len(pair & _ARTICLES) == 1
        and len(pair & {"1", "one"}) == 1
    )


def bracket_completes_number(
    quote: Sequence[str], bracketed: Sequence[bool], source: Sequence[str]
) -> bool:
    """Does a bracketed word complete the quote's number to the source's value?

    Writers and transcribers write the unit a speaker left off in brackets:
    Jean-Pierre reading Biden's "seizing over 23,000 pounds of fentanyl" as
    "seizing over 23 [thousand] pounds" (gaggle, 2023-02-08); "a family
    making $425 [thousand]" and "raising the cap beyond the 125 [thousand]"
    (briefings).  The words with the bracket are the same value: a marked
    insertion that clarifies, as the policy's "[Putin]" does.  A bracket that
    makes another value ("23 [million]") changes the number.

    >>> bracket_completes_number(["23", "thousand"], [False, True], ["23,000"])
    True
    >>> bracket_completes_number(["23", "million"], [False, True], ["23,000"])
    False
    >>> bracket_completes_number(["23", "thousand"], [False, False], ["23,000"])
    False
    """
    return any(bracketed) and not all(bracketed) and same_number(quote, source)


# "$450 billion" as written: a dollar sign, a numeral, an optional scale word, at the end.
_DOLLAR_AMOUNT = re.compile(
    r"\$\s?\d[\d,.]*(?:\s+(?:hundred|thousand|million|billion|trillion))?\W*$", re.I
)


def dollar_word_for_sign(ops: Sequence[DiffOp], k: int) -> bool:
    """Is op ``k`` the word "dollars" that one side writes as a "$" before the amount?

    Policy ("minor"): "numerals and words for the same value".  President Trump's
    "they agreed to buy 450 billion dollars' worth" (gaggle aboard Air Force One,
    2025-01-25) printed "$450 billion worth": the sign and the word are one unit of
    the same amount.  The other way round too: President Biden's "by $350 billion"
    (DNC reception, 2022-10-06) printed "by 350 billion dollars".  Only when the
    amount itself is unchanged (the sign beside the numeral the other side shares).

    >>> eq = DiffOp("equal", "to buy 450 billion", "to buy 450 billion", (),
    ...             "to buy $450 billion", "to buy 450 billion")
    >>> dollar_word_for_sign([eq, DiffOp("delete", "", "dollars")], 1)
    True
    >>> eq2 = DiffOp("equal", "to buy 450 billion", "to buy 450 billion", (),
    ...              "to buy 450 billion", "to buy 450 billion")
    >>> dollar_word_for_sign([eq2, DiffOp("delete", "", "dollars")], 1)
    False
    """
    o = ops[k]
    if k == 0 or o.op not in ("delete", "insert") or o.flags:
        return False
    words = (o.source if o.op == "delete" else o.quote).lower().strip(".,;:!?'’").split()
    if words not in (["dollars"], ["dollar"]):
        return False
    # The side that has no "dollars" must write the sign, just before: across the
    # equal runs there (a punctuation change, "billion;" for "billion", splits one).
    j = k
    while j > 0 and k - j < 3 and ops[j - 1].op == "equal":
        j -= 1
    if j == k:
        return False
    side = [x.quote_text if o.op == "delete" else x.source_text for x in ops[j:k]]
    return _DOLLAR_AMOUNT.search(" ".join(side)) is not None
