"""The policy's word rules, as the alignment's diff applies them.

``align.word_diff`` only pairs words; for a replaced stretch it asks
``WORD_RULES.replace`` what the change is ("spelling", "contraction",
"number", ...), and for words added or dropped ``WORD_RULES.added``.  The
rules themselves live in one module per family (``_spelling``,
``_inflection``, ``_contraction``, ``_numbers``); this module composes them in
the policy's order and says which flags are minor.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from quoteverify.align import QToken, WordRules, is_modal, is_negation, is_number
from quoteverify.models import DiffOp
from quoteverify.thresholds import Thresholds
from quoteverify.verdict import _contraction, _numbers, _spelling

# The policy (docs/VERDICT-POLICY.md, "minor"): contractions and full forms are the
# same spoken words presented differently ("I've" / "I have", "gonna" / "going to").
# So is a writer's marked insertion in [brackets] or (parentheses) that names a
# referent ("President [Biden]"), when the rest passes.
# "disfluency": removed fillers and stutters (``_disfluency``).
# "transcriber": the source's [bracketed] words printed or left out (the
# policy's "Words the transcriber added"); "sic": a transcriber's [sic] or
# [ph] between the words, left out (``_transcriber``).
MINOR_FLAGS = frozenset(
    {
        "case",
        "punctuation",
        "spelling",
        "contraction",
        "bracket",
        "disfluency",
        "transcriber",
        "sic",
    }
)


def is_minor(op: DiffOp) -> bool:
    """A non-equal op that only differs in spelling/case/punctuation.

    >>> is_minor(DiffOp("replace", "theatre", "theater", ("spelling",)))
    True
    >>> is_minor(DiffOp("replace", "will", "would", ("modal",)))
    False
    """
    return bool(op.flags) and set(op.flags) <= MINOR_FLAGS


def replace_flags(
    qt: Sequence[QToken], sc: Sequence[str], prev_punct: str, th: Thresholds
) -> tuple[str, ...]:
    """What a replaced stretch is under the policy (its flags; () = changed words).

    ``qt``: the quote's tokens, ``sc``: the source's words, ``prev_punct``:
    the punctuation after the source word before ``sc`` (read only for a
    one-word name misspelling).  A writer's bracketed words amid the replaced
    ones ("He (PM Modi) is" for "he's") are flagged "bracket" and the rest is
    compared on its own.
    """
    flags = _flags(qt, sc, th)
    if not flags and len(qt) == 1 and len(sc) == 1:
        if _spelling.name_misspelt(qt[0].core, sc[0], prev_punct, th):
            return ("spelling",)
    return flags


def _flags(qt: Sequence[QToken], sc: Sequence[str], th: Thresholds) -> tuple[str, ...]:
    if _numbers.bracket_completes_number([t.core for t in qt], [t.bracket for t in qt], sc):
        return ("bracket", "spelling")
    if any(t.bracket for t in qt) and not all(t.bracket for t in qt):
        rest = [t for t in qt if not t.bracket]
        flags = _flags(rest, sc, th)
        return ("bracket", *flags) if flags else ()
    # Memoised on what it reads: tight_diff re-diffs overlapping ranges and
    # the candidates of one quote share their replaced word pairs.
    return _replace_flags_of(
        tuple(t.core for t in qt),
        tuple(t.key for t in qt),
        all(t.bracket for t in qt),
        tuple(sc),
        th,
    )


@lru_cache(maxsize=16384)
def _replace_flags_of(
    qc_t: tuple[str, ...],
    qkeys: tuple[str, ...],
    bracket: bool,
    sc_t: tuple[str, ...],
    th: Thresholds,
) -> tuple[str, ...]:
    qc, sc = list(qc_t), list(sc_t)
    # One C-level search first: a junk passage's replaced stretches run to
    # dozens of words, and few hold a percent sign at all.
    if "%" in "".join(qc_t + sc_t) and any(c.endswith("%") for c in qc + sc):
        # The rest compares the percent sign as the word it stands for.
        if _numbers.same_percent(qc, sc):
            return ("spelling",)
        qc, sc = _numbers.percent_words(qc), _numbers.percent_words(sc)
    if _numbers.same_number(qc, sc) or _spelling.same_compound(qkeys, tuple(sc)):
        return ("spelling",)
    if _spelling.listed_variant(qc, sc):
        return ("spelling",)
    flags: list[str] = ["bracket"] if bracket else []
    if _contraction.contracted_same(qc, sc):
        return (*flags, "contraction")
    if len(qc) == 1 and len(sc) == 1 and not flags and _spelling.spelling_variant(qc[0], sc[0], th):
        q_class = set(_numbers.word_class_flags(qc, sc))
        if not (q_class ^ set(_numbers.word_class_flags(sc, qc))) and not (
            is_number(qc[0]) or is_negation(qc[0]) or is_modal(qc[0])
        ):
            return ("spelling",)
    for f in _numbers.word_class_flags(qc, sc) + _numbers.word_class_flags(sc, qc):
        if f not in flags:
            flags.append(f)
    return tuple(flags)


def added_flags(cores: Sequence[str]) -> tuple[str, ...]:
    """Flags of words only one side has (a number, negation or modal added or dropped).

    >>> added_flags(["not"]), added_flags(["very"])
    (('negation',), ())
    """
    return tuple(_numbers.word_class_flags(cores, []))


WORD_RULES = WordRules(replace=replace_flags, added=added_flags, minor=MINOR_FLAGS)
