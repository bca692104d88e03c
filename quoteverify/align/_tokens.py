"""Words, their matching keys, and the word classes that always matter.

A *token* is a word as the reader sees it: "it's", "14,000", "U.S", "1990s".
Its *key* is what alignment compares: lower case, apostrophes and dots
dropped ("It's" -> "its", "U.S." -> "us"), so differences that are only
capitalisation or apostrophes align as equal and are reported as "minor" by
comparing the surface forms afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# A word: letters/digits, optionally joined by an apostrophe or an inner dot
# ("it's", "U.S", "e.g"); a number keeps its separators ("14,000", "3.5",
# "9:30") and an attached suffix ("1990s", "21st", "5%").  Hyphens and dashes
# split words: "well-coordinated" is two tokens, so that dash *style*
# (hyphen, en dash, em dash without spaces) never changes the word sequence.
TOKEN_RE = re.compile(r"\d+(?:[.,:]\d+)*[^\W_]*%?|[^\W_]+(?:['.][^\W_]+)*")

_KEY_DROP = str.maketrans("", "", "'.")
_NUM_KEY_DROP = str.maketrans("", "", ",")


def key_of(core: str) -> str:
    """The alignment key of a token's core text."""
    low = core.lower()
    if low[:1].isdigit():
        # "14,000" and "14000" are the same number; "3.5" and "35" are not.
        return low.translate(_NUM_KEY_DROP)
    return low.translate(_KEY_DROP)


def tokenize(text: str) -> list[tuple[int, int]]:
    """Spans of the tokens of an already normalised text."""
    return [m.span() for m in TOKEN_RE.finditer(text)]


# Trailing punctuation that a careful quote keeps ("leave." vs "leave,").
# Quotation marks and dashes are typography and never count.
_PUNCT_KEEP = set(",.;:!?()[]")


def trailing_punct(text: str, end: int, limit: int) -> str:
    """Punctuation right after a token (up to the next space or word)."""
    out = []
    i = end
    while i < limit:
        ch = text[i]
        if ch.isspace() or ch.isalnum():
            break
        if ch in _PUNCT_KEEP:
            out.append(ch)
        i += 1
    return "".join(out)


# ---------------------------------------------------------------------------
# Word classes.  A changed number, negation or modal reverses or weakens what
# was said while every similarity score stays above 0.9 ("will" -> "would",
# "did" -> "did not"), so the diff flags them by class, always.

NEGATIONS = frozenset("not no never nor neither none nobody nothing nowhere cannot".split())
MODALS = frozenset("can could will would may might must should shall ought".split())
_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
           "trillion": 10**12, "dozen": 12}  # fmt: skip
_NUMERAL = re.compile(r"^\d+(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$")


@lru_cache(maxsize=65536)
def is_number(core: str) -> bool:
    low = core.lower()
    return low[:1].isdigit() or low in _NUMBER_WORDS or low in _SCALES


@lru_cache(maxsize=65536)
def is_negation(core: str) -> bool:
    low = core.lower()
    # "don't", "can't", "wouldn't": the n't clitic is a negation.
    return low in NEGATIONS or low.endswith("n't")


@lru_cache(maxsize=65536)
def is_modal(core: str) -> bool:
    low = core.lower()
    if low in MODALS:
        return True
    # "can't", "won't", "shouldn't" and "I'll" / "we'd" carry a modal.
    if low.endswith("n't"):
        stem = low[:-3]
        return stem in MODALS or stem in ("ca", "wo", "sha", "mus", "might")
    return low.endswith("'ll") or low.endswith("'d")


def word_classes(core: str) -> tuple[str, ...]:
    out = []
    if is_number(core):
        out.append("number")
    if is_negation(core):
        out.append("negation")
    if is_modal(core):
        out.append("modal")
    return tuple(out)


def number_value(cores: list[str]) -> float | None:
    """The value of a run of number tokens: "14,000" / "fourteen thousand" / "14 thousand".

    None when the run is not purely a number (then it is not a numeral/word
    variant of the other side).
    """
    words = [c.lower() for c in cores if c.lower() != "and"]
    if not words:
        return None
    if len(words) == 1 and _NUMERAL.match(words[0]):
        return float(words[0].replace(",", ""))
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if _NUMERAL.match(w):
            current += float(w.replace(",", ""))
        elif w in _NUMBER_WORDS:
            current += _NUMBER_WORDS[w]
        elif w in _SCALES:
            scale = _SCALES[w]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


# Contractions expand to their full forms so that "can't"/"cannot"/"can not"
# and "we're"/"we are" are recognised as the same words differently spelled
# out; an editor still counts that as a changed word ("contraction").
_IRREGULAR = {"can't": ["can", "not"], "won't": ["will", "not"], "shan't": ["shall", "not"],
              "ain't": ["am", "not"], "cannot": ["can", "not"], "let's": ["let", "us"]}  # fmt: skip
_SUFFIXES = (("n't", "not"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"),
             ("'m", "am"), ("'d", "would"), ("'s", "is"))  # fmt: skip


@lru_cache(maxsize=65536)
def expand(core: str) -> tuple[str, ...]:
    """Full-form keys of a possibly contracted word ("we're" -> ("we", "are"))."""
    low = core.lower()
    if low in _IRREGULAR:
        return tuple(_IRREGULAR[low])
    for suf, full in _SUFFIXES:
        if low.endswith(suf) and len(low) > len(suf):
            return (key_of(low[: -len(suf)]), full)
    return (key_of(low),)


@lru_cache(maxsize=65536)
def is_contraction(core: str) -> bool:
    return len(expand(core)) > 1


def levenshtein(a: str, b: str) -> int:
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@dataclass(frozen=True)
class QToken:
    """A quote word (quotes are short, so they get full objects)."""

    core: str  # normalised surface, case kept: "It's"
    key: str  # "its"
    punct: str  # trailing punctuation: "," / "."
    bracket: bool  # inside a writer's [square brackets]
    start: int  # offsets in the quote's normalised text
    end: int
