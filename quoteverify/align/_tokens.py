"""Words, their matching keys, and the word classes that always matter.

A *token* is a word as the reader sees it: "it's", "14,000", "U.S", "1990s".
Its *key* is what alignment compares: lower case, apostrophes and dots
dropped ("It's" -> "its", "U.S." -> "us"), so differences that are only
capitalisation or apostrophes align as equal and are reported as "minor" by
comparing the surface forms afterwards.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from rapidfuzz.distance import Levenshtein as _Levenshtein

# A word: letters/digits, optionally joined by an apostrophe or an inner dot
# ("it's", "U.S", "e.g"); a number keeps its separators ("14,000", "3.5",
# "9:30") and an attached suffix ("1990s", "21st", "5%").  Hyphens and dashes
# split words: "well-coordinated" is two tokens, so that dash *style*
# (hyphen, en dash, em dash without spaces) never changes the word sequence.
TOKEN_RE = re.compile(r"\d+(?:[.,:]\d+)*[^\W_]*%?|[^\W_]+(?:['.][^\W_]+)*")
# The same pattern for ASCII text, where ``\d`` is [0-9] and ``[^\W_]`` is
# [A-Za-z0-9]: plain ranges match a quarter faster than the Unicode classes,
# and a folded quote is almost always ASCII.
TOKEN_RE_ASCII = re.compile(
    r"[0-9]+(?:[.,:][0-9]+)*[A-Za-z0-9]*%?|[A-Za-z0-9]+(?:['.][A-Za-z0-9]+)*"
)

_KEY_DROP = str.maketrans("", "", "'.")
_NUM_KEY_DROP = str.maketrans("", "", ",")


@lru_cache(maxsize=65536)
def key_of(core: str) -> str:
    """The alignment key of a token's core text (memoised: every quote word
    goes through it, and quotes share most of their words)."""
    low = core.lower()
    if low[:1].isdigit():
        # "14,000" and "14000" are the same number; "3.5" and "35" are not.
        return low.translate(_NUM_KEY_DROP)
    return low.translate(_KEY_DROP)


# Trailing punctuation that a careful quote keeps ("leave." vs "leave,").
# Quotation marks and dashes are typography and never count.
_PUNCT_KEEP = set(",.;:!?()[]")


def spaced_dash(text: str, end: int, limit: int) -> str:
    """ "-" when a dash follows the token ending at ``end`` ("flight — what",
    "that--I'll", folded to "flight - what", "that--I'll"), else "".

    The policy counts a dash dropped or printed as a full stop as a
    punctuation change (minor); its style ("--", "–", "—") is typography.
    """
    i = end
    while i < limit and text[i] == " ":
        i += 1
    return "-" if i < limit and text[i] == "-" else ""


def dash_style(punct: str) -> str:
    """One dash for every dash style ("--", "-", a spaced em dash): the style is
    typography; whether there is a dash is punctuation."""
    return "-" if punct and not punct.strip("-") else punct


def trailing_punct(text: str, end: int, limit: int) -> str:
    """Punctuation right after a token (up to the next space or word)."""
    if end >= limit or text[end] == " ":
        return ""  # most words: a space follows (checked without the loop)
    out = []
    i = end
    while i < limit:
        ch = text[i]
        if ch.isspace() or ch.isalnum():
            break
        if ch in _PUNCT_KEEP:
            out.append(ch)
        elif ch == "'" and i == end and text[end - 1 : end] in ("s", "S"):
            # A plural possessive's apostrophe is spelling, not typography:
            # "within our arms' reach" printed for "arms reach" (or the
            # reverse) is at least a minor change.  TOKEN_RE keeps an
            # apostrophe only *inside* a word, so it would vanish otherwise.
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
              "ain't": ["am", "not"], "cannot": ["can", "not"], "let's": ["let", "us"],
              # Spoken contractions a writer may print (the policy: minor).
              "gonna": ["going", "to"], "wanna": ["want", "to"],
              "gotta": ["got", "to"]}  # fmt: skip
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
    """Unit-cost edit distance (rapidfuzz's C implementation: the spelling
    check runs it on many word pairs, a Python DP costs ~15 us a pair)."""
    return int(_Levenshtein.distance(a, b))


class QToken(NamedTuple):
    """A quote word.  A named tuple: as immutable as a frozen dataclass and
    several times cheaper to build, which counts for every word of every quote."""

    core: str  # normalised surface, case kept: "It's"
    key: str  # "its"
    punct: str  # trailing punctuation: "," / "."
    bracket: bool  # inside a writer's [square brackets]
    start: int  # offsets in the quote's normalised text
    end: int
    # Reports only: the word's span in the article's own text ``written``,
    # widened to its attached marks ("$2.8", "billion,", "well-"; see
    # ``attach_spans``).  A stretch of words reads
    # ``written[first.wstart : last.wend]`` (``align._diff.quote_shown``).
    wstart: int = 0
    wend: int = 0
    written: str = ""


def attach_spans(
    text: str, starts: list[int], ends: list[int], lo: int, hi: int
) -> tuple[list[int], list[int], list[bool]]:
    """Each token's span widened to the marks written against it.

    ``text[starts[k]:ends[k]]`` are the tokens of ``text[lo:hi]``.  A token
    takes the non-space characters before it back to a space ("$" of "$2.8")
    and after it up to the next space or token ("," of "billion,", "-" of
    "well-known"); a double quotation mark is never taken (it quotes the
    words, it is not part of them).  Returns the widened starts and ends and,
    per token, whether the next token follows with no space between.

    >>> attach_spans('a $2.8 well-known, "b"', [0, 3, 7, 12, 20], [1, 6, 11, 17, 21], 0, 22)
    ([0, 2, 7, 12, 20], [1, 6, 12, 18, 21], [False, False, True, False, False])
    """
    n = len(starts)
    ws: list[int] = []
    we: list[int] = []
    glued: list[bool] = []
    for k in range(n):
        s, e = starts[k], ends[k]
        prev_end = ends[k - 1] if k else lo
        nxt = starts[k + 1] if k + 1 < n else hi
        p = s
        while p > prev_end and not text[p - 1].isspace() and text[p - 1] != '"':
            p -= 1
        if k and p == prev_end:
            p = s  # glued to the word before: those marks are its own
        q = e
        while q < nxt and not text[q].isspace() and text[q] != '"':
            q += 1
        ws.append(p)
        we.append(q)
        glued.append(k + 1 < n and q == nxt)
    return ws, we, glued


# ---------------------------------------------------------------------------
# Bulk tokenising.  ``TOKEN_RE`` over a 1 MB source costs ~0.1 s in the regex
# engine alone (both branches are tried at every character); indexing needs
# only spans and keys, which numpy derives from a per-character class table.

_ALNUM, _DEC, _APOS, _DOT, _NUMSEP, _PCT, _ISDIGIT, _COMMA = (1 << i for i in range(8))
_WORD_CH = re.compile(r"[^\W_]")
_DEC_CH = re.compile(r"\d")


def _char_class(ch: str) -> int:
    """The class bits of one character, read off the very regexes TOKEN_RE uses."""
    c = 0
    if _WORD_CH.fullmatch(ch):
        c |= _ALNUM
    if _DEC_CH.fullmatch(ch):
        c |= _DEC
    if ch.isdigit():  # key_of's number rule asks str.isdigit, not \d
        c |= _ISDIGIT
    c |= {"'": _APOS, ".": _DOT | _NUMSEP, ",": _NUMSEP | _COMMA, ":": _NUMSEP, "%": _PCT}.get(
        ch, 0
    )
    return c


_ASCII_CLASS = np.array([_char_class(chr(i)) for i in range(128)], dtype=np.uint8)


def code_units(text: str) -> np.ndarray:
    """The code points of ``text`` as a numpy array, one entry per character,
    in the narrowest type that holds them: uint8 for ASCII, uint16 when every
    character is in the BMP (UTF-16 then has one unit per character), else
    uint32.  A transcript with one "ğ" is a two-byte string: UTF-32 made four
    bytes per character, twice the string itself, for every pass over it.
    """
    if text.isascii():
        return np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    if _SURROGATE.search(text) is None:  # lone surrogates could pair when decoded
        b = text.encode("utf-16-le")
        if len(b) == 2 * len(text):  # no pair: every character one unit
            return np.frombuffer(b, dtype=np.uint16)
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _classes(text: str) -> tuple[np.ndarray, np.ndarray, bool]:
    """(code points, class bits per character, is ASCII) of ``text``."""
    cps = code_units(text)
    if cps.dtype == np.uint8:
        return cps, _ASCII_CLASS[cps], True
    # Only the few distinct non-ASCII characters are classified in Python;
    # a table indexed by code point then classifies every character at once.
    high = cps[cps > 0x7F]
    table = np.zeros(int(high.max()) + 1 if high.shape[0] else 128, dtype=np.uint8)
    table[:128] = _ASCII_CLASS
    for c in np.unique(high).tolist():
        table[c] = _char_class(chr(c))
    return cps, table[cps], False


def bulk_tokens(low: str) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Token starts, ends and keys of a lower-cased text: the same tokens as
    ``TOKEN_RE.finditer`` and the same keys as ``key_of``, in bulk."""
    starts, ends, text = bulk_spans(low)
    return starts, ends, _interned_split(text)


def bulk_spans(low: str) -> tuple[np.ndarray, np.ndarray, str]:
    """Token starts and ends of a lower-cased text, and their keys as one
    string, separated by whitespace (``str.split`` cuts them apart).

    A token is a run of word characters, extended over single joiners to the
    next run: in a word ("don't", "u.s") by an apostrophe or a dot; in a
    number ("14,000", "9:30") by "." "," or ":" while the runs so far are all
    digits and the next starts with one; a number may end in "%".
    """
    empty = np.zeros(0, dtype=np.int64)
    n = len(low)
    if n == 0:
        return empty, empty, ""
    cps, cls, ascii_ = _classes(low)
    alnum = (cls & _ALNUM) != 0
    edge = np.diff(alnum.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    rs = np.flatnonzero(edge == 1)
    re_ = np.flatnonzero(edge == -1)
    nr = int(rs.shape[0])
    if nr == 0:
        return empty, empty, ""
    first_dec = (cls[rs] & _DEC) != 0
    # Runs r and r + 1 one character apart, and what that character may join.
    one_gap = rs[1:] == re_[:-1] + 1
    mid = cls[np.minimum(re_[:-1], n - 1)]
    jw = one_gap & ((mid & (_APOS | _DOT)) != 0)
    jn = one_gap & ((mid & _NUMSEP) != 0) & first_dec[:-1] & first_dec[1:]
    cand = np.flatnonzero(jw | jn)
    # Which rule applies depends on how the token began, so joins are decided
    # in order; only the few runs with a joiner after them are visited.
    joined: list[int] = []
    num_of: dict[int, bool] = {}  # branch of runs joined onto a token
    starts_l, ends_l = rs[cand].tolist(), re_[cand].tolist()
    for r, s, e, w, nj, fd in zip(
        cand.tolist(),
        starts_l,
        ends_l,
        jw[cand].tolist(),
        jn[cand].tolist(),
        first_dec[cand].tolist(),
        strict=True,
    ):
        num = num_of.get(r, fd)
        # A number joins on only while its runs are all digits (``\d``).
        if (nj and low[s:e].isdecimal()) if num else w:
            joined.append(r)
            num_of[r + 1] = num
    is_join = np.zeros(nr + 1, dtype=bool)
    is_join[1 + np.asarray(joined, dtype=np.int64)] = True  # is_join[r + 1]: r joined on
    starts = rs[~is_join[:-1]].astype(np.int64)
    ends = re_[~is_join[1:]].astype(np.int64)
    is_num = first_dec[~is_join[:-1]]  # a token is a number if its first run is
    pct = is_num & (ends < n)
    pct[pct] = (cls[ends[pct]] & _PCT) != 0
    ends = ends + pct
    # Keys: the token's characters minus apostrophes and dots, or for a
    # number (first character a digit) minus commas.  Every character
    # outside a token becomes a space, dropped ones a marker removed after
    # decoding, and str.split cuts the keys apart.
    digit_key = (cls[starts] & _ISDIGIT) != 0
    buf = cps.copy()
    buf[~alnum] = 32
    jpos = re_[np.asarray(joined, dtype=np.int64)]
    if jpos.shape[0]:
        jc = cls[jpos]
        jtok = np.searchsorted(starts, jpos, side="right") - 1
        drop = np.where(digit_key[jtok], (jc & _COMMA) != 0, (jc & (_APOS | _DOT)) != 0)
        buf[jpos] = np.where(drop, 1, cps[jpos])
    ppos = ends[pct] - 1
    buf[ppos] = cps[ppos]
    touching = np.flatnonzero(starts[1:] == ends[:-1])  # "5%x": no character between
    if touching.shape[0]:
        buf = np.insert(buf, starts[1:][touching], 32)
    if ascii_:
        text = buf.tobytes().decode("ascii")
    elif int(buf.max()) < 256:  # accented Latin letters only: one byte each
        text = buf.astype(np.uint8).tobytes().decode("latin-1")
    elif buf.dtype == np.uint16:
        text = buf.tobytes().decode("utf-16-le")
    else:
        text = buf.tobytes().decode("utf-32-le", "surrogatepass")
    if jpos.shape[0]:
        text = text.replace("\x01", "")
    return starts, ends, text


_SPLIT_CHUNK = 1 << 20  # characters split at a time


def _interned_split(text: str) -> list[str]:
    """``text.split()`` with one string object per distinct key.

    A 16 MB transcript has 2.6 million tokens but about 30,000 distinct keys:
    a separate string per token cost ~50 bytes each, more than every array
    of the index together.  Split a chunk at a time (cut at a space), so
    that only one chunk's strings are ever alive beside the shared ones.
    """
    canon: dict[str, str] = {}
    out: list[str] = []
    pos, n = 0, len(text)
    while pos < n:
        cut = text.find(" ", min(pos + _SPLIT_CHUNK, n))
        if cut < 0:
            cut = n
        words = text[pos:cut].split()
        out.extend(map(canon.setdefault, words, words))  # a C-level loop
        pos = cut
    return out
