"""Typographic normalisation with an offset map back to the original text.

Quotes and sources are compared on a normalised *copy*; every character of the
copy remembers which characters of the original produced it, so a match found
in the copy is reported with the source's own characters and offsets.

Each folding rule below exists because the same spoken words reach us written
differently by different typesetters.  A rule must never merge two *different*
words; anything that could (case, apostrophes inside words, hyphens between
words) is left to the token layer, where it is reported as a "minor" change.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from quoteverify.align._tokens import code_units

# Curly and typewriter quotes are the same mark to a reader: “Russia” == "Russia",
# it’s == it's.  Primes and acute accents appear as apostrophes in OCR'd and
# hand-typed text ("it´s"), so they fold too.
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u00b4\u02bc\u2039\u203a"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u301d\u301e"
# Dash styles carry no words: "well–coordinated", "well-coordinated" and
# "well‑coordinated" (non-breaking hyphen) are typed differently, said the same.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
# Invisible characters: soft hyphens (U+00AD "fore\xadign") and zero-width
# joiners/spaces that web CMSs sprinkle into words; they are deleted.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"

# A "cluster" that may need work: any non-ASCII character with its combining
# marks, an ASCII letter followed by combining marks ("e\u0301" -> "é"), a
# carriage return, or a Markdown backslash escape ("[sic\\]" in the White House
# Markdown transcripts means "[sic]").
_SPECIAL = re.compile(
    r"[^\x00-\x7f][\u0300-\u036f]*|[A-Za-z][\u0300-\u036f]+|\r|\\(?=[!-/:-@\[-`{-~])"
)


@lru_cache(maxsize=4096)
def _fold_cluster(cluster: str) -> str:
    """The normalised form of one character (plus its combining marks)."""
    if cluster == "\r" or cluster == "\\":
        return ""
    out: list[str] = []
    # NFKC folds compatibility forms: ligatures ("ﬁ" -> "fi"), full-width
    # letters, "…" -> "...", NBSP -> space, and composes "e\u0301" -> "é".
    for ch in unicodedata.normalize("NFKC", cluster):
        if ch in _INVISIBLE:
            continue
        if ch in _SINGLE_QUOTES:
            out.append("'")
        elif ch in _DOUBLE_QUOTES:
            out.append('"')
        elif ch in _DASHES:
            out.append("-")
        elif ch.isspace() or unicodedata.category(ch) == "Zs":
            # NBSP, thin spaces, line/paragraph separators: all plain spaces.
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True, eq=False)
class Normalized:
    """``text`` normalised, with the original span of each of its characters.

    The offset map is kept as segments, not as two integers per character:
    in a *copy* segment character ``i`` maps to ``i + delta`` (one character
    to one), in a *fixed* segment every character maps to the one replaced
    cluster ``(start, end)``.  Real transcripts change the length of a few
    hundred clusters ("…" -> "...", a soft hyphen dropped) in millions of
    characters; the per-character maps of a 16 MB source were 124 MB, more
    than its index.  ``starts`` / ``ends`` still give the full arrays.
    """

    original: str
    text: str
    # Segment k covers text[seg_out[k] : seg_out[k + 1]]; the last one is the
    # sentinel at len(text), fixed at (len(original), len(original)).
    seg_out: np.ndarray  # int64, strictly increasing
    seg_start: np.ndarray  # int64: delta (copy) or the cluster's start (fixed)
    seg_end: np.ndarray  # int64: -1 (copy) or the cluster's end (fixed)
    # seg_out as a list for scalar lookups (bisect is cheaper than a numpy
    # call); None past _LIST_SEGMENTS, where the list is built when first
    # asked (``_later``) if there is at most one segment per _LIST_CHARS
    # characters, and never past that (a CRLF text has a segment per line).
    _seg_out_list: list[int] | None
    # The list built after preparation (the dataclass is frozen: filled in place).
    _later: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def _seg(self, i: int) -> int:
        lst = self._seg_out_list
        if lst is None:
            lst = self._later.get("seg_out")
            if lst is None:
                if self.seg_out.shape[0] > len(self.text) // _LIST_CHARS:
                    return int(self.seg_out.searchsorted(i, side="right")) - 1
                lst = self._later["seg_out"] = self.seg_out.tolist()
        return bisect_right(lst, i) - 1

    def start_of(self, i: int) -> int:
        """Original start of normalised character ``i`` (``len(text)``: the end)."""
        k = self._seg(i)
        e = int(self.seg_end[k])
        return int(self.seg_start[k]) + (i if e < 0 else 0)

    def end_of(self, i: int) -> int:
        """Original end of normalised character ``i``."""
        k = self._seg(i)
        e = int(self.seg_end[k])
        return int(self.seg_start[k]) + i + 1 if e < 0 else e

    def copy_delta(self, a: int, b: int) -> int | None:
        """``d`` such that normalised characters [a, b) (a < b) map one to one
        onto original characters [a + d, b + d), when they lie in one copy
        segment; else None."""
        k = self._seg(a)
        if self._seg(b - 1) != k or int(self.seg_end[k]) >= 0:
            return None
        return int(self.seg_start[k])

    def starts_at(self, idx: np.ndarray) -> np.ndarray:
        """``starts[idx]`` (int64) without the per-character array."""
        idx = np.asarray(idx, dtype=np.int64)
        k = self.seg_out.searchsorted(idx, side="right") - 1
        copy = self.seg_end[k] < 0
        return self.seg_start[k] + np.where(copy, idx, 0)

    def ends_at(self, idx: np.ndarray) -> np.ndarray:
        """``ends[idx]`` (int64) without the per-character array."""
        idx = np.asarray(idx, dtype=np.int64)
        k = self.seg_out.searchsorted(idx, side="right") - 1
        e = self.seg_end[k]
        return np.where(e < 0, self.seg_start[k] + idx + 1, e)

    @property
    def starts(self) -> np.ndarray:
        """Original start of every character, ``len(text) + 1`` entries (sentinel
        = ``len(original)``).  Built on each call: for tests and short texts."""
        return self.starts_at(np.arange(len(self.text) + 1)).astype(
            _offset_type(len(self.original))
        )

    @property
    def ends(self) -> np.ndarray:
        """Original end of every character, as ``starts``."""
        return self.ends_at(np.arange(len(self.text) + 1)).astype(_offset_type(len(self.original)))

    def orig_span(self, a: int, b: int) -> tuple[int, int]:
        """Original (start, end) for normalised chars ``text[a:b]``."""
        if b <= a:
            pos = self.start_of(a)
            return pos, pos
        return self.start_of(a), self.end_of(b - 1)


# One-to-one folds are done first with str.replace (fast, offsets unchanged);
# only what remains non-ASCII goes through the per-cluster path.
_ONE_TO_ONE: dict[str, str] = {
    **{c: "'" for c in _SINGLE_QUOTES},
    **{c: '"' for c in _DOUBLE_QUOTES},
    **{c: "-" for c in _DASHES},
    **{
        c: " "
        for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
        "\u2009\u200a\u202f\u205f\u3000\u2028\u2029\u0085"
    },
}


# Backslash escapes and carriage returns, the ASCII part of ``_SPECIAL``.
_ASCII_SPECIAL = r"\r|\\(?=[!-/:-@\[-`{-~])"
# What a backslash may escape (the look-ahead of ``_ASCII_SPECIAL``).
_ESCAPABLE = frozenset(chr(c) for c in range(33, 127) if not chr(c).isalnum())
_COMBINING = re.compile("[\u0300-\u036f]")


@lru_cache(maxsize=256)
def _special_for(chars: str) -> re.Pattern[str]:
    """``_SPECIAL`` narrowed to the characters that actually change.

    Scanning 1 MB with the general pattern costs more than everything else in
    ``normalize`` (its "letter + combining mark" branch is tried at every
    letter).  When a text has no combining marks, every cluster is a single
    character, and one that folds to itself is a plain copy: only the
    characters in ``chars`` (and ``\\r`` / backslash escapes) need work.

    The pattern is one character class, backslash included without its
    look-ahead: the regex engine scans for a class three times faster than
    for an alternation (0.15 s -> 0.05 s over 16 MB), and the callers check
    what follows a backslash (``_escape_kept``).
    """
    return re.compile("[" + re.escape(chars) + "\r\\\\]")


def _escape_kept(text: str, s: int) -> bool:
    """A backslash at ``text[s]`` that escapes nothing (``_ESCAPABLE``) is
    kept as it stands, as ``_ASCII_SPECIAL``'s look-ahead leaves it."""
    return text[s] == "\\" and text[s + 1 : s + 2] not in _ESCAPABLE


def _plan(text: str) -> tuple[str, re.Pattern[str]]:
    """Apply the one-to-one folds; return the text and the pattern of what is left."""
    if text.isascii():
        return text, _special_for("")
    if len(text) < 4096:
        # A quote or a name: a set is cheaper than numpy's fixed costs.
        present = sorted({c for c in text if c > "\x7f"})
    else:
        # The distinct non-ASCII characters, in bulk (no per-character Python loop).
        cps = code_units(text)
        present = [chr(c) for c in np.unique(cps[cps > 0x7F]).tolist()]
        del cps
    for c in present:
        r = _ONE_TO_ONE.get(c)
        if r is not None:
            text = text.replace(c, r)
    rest = [c for c in present if c not in _ONE_TO_ONE]
    if any(_COMBINING.match(c) for c in rest):
        return text, _SPECIAL
    return text, _special_for("".join(c for c in rest if _fold_cluster(c) != c))


def normalize(text: str) -> Normalized:
    """Fold typography; keep an offset map (segments: see ``Normalized``).  Linear."""
    original = text
    text, special = _plan(text)
    n = len(text)
    pieces: list[str] = []
    # Segments: output start, delta or cluster start, -1 or cluster end.
    seg_out: list[int] = []
    seg_start: list[int] = []
    seg_end: list[int] = []

    def copy(src: int, at: int) -> None:
        # Characters from ``src`` on land at ``at``: a new copy segment unless
        # the current one has that delta already.
        if not seg_end or seg_end[-1] >= 0 or seg_start[-1] != src - at:
            seg_out.append(at)
            seg_start.append(src - at)
            seg_end.append(-1)

    prev = 0  # original offset copied up to
    out = 0  # normalised length so far
    for m in special.finditer(text):
        s, e = m.span()
        if _escape_kept(text, s):
            continue
        if s > prev:
            pieces.append(text[prev:s])
            copy(prev, out)
            out += s - prev
        rep = _fold_cluster(m.group())
        prev = e
        if not rep:
            continue
        pieces.append(rep)
        if e - s == 1 and len(rep) == 1:
            copy(s, out)  # one character for one maps as a copy does
        else:
            seg_out.append(out)
            seg_start.append(s)
            seg_end.append(e)
        out += len(rep)
    if prev < n:
        pieces.append(text[prev:])
        copy(prev, out)
        out += n - prev
    seg_out.append(out)  # the sentinel
    seg_start.append(n)
    seg_end.append(n)
    return Normalized(
        original=original,
        # One piece: the text itself (no copy of a source that needs no work).
        text=pieces[0] if len(pieces) == 1 else "".join(pieces),
        seg_out=np.asarray(seg_out, dtype=np.int64),
        seg_start=np.asarray(seg_start, dtype=np.int64),
        seg_end=np.asarray(seg_end, dtype=np.int64),
        _seg_out_list=seg_out if len(seg_out) <= _LIST_SEGMENTS else None,
    )


# The segment list is kept from the start up to _LIST_SEGMENTS segments;
# past that it is built on first use if there is at most one segment per
# _LIST_CHARS characters (under 0.15 bytes per character, and only once
# judging reads offsets: preparation's peak stays as it was).  The 16 MB
# scaling source has 4,122 segments, and its passages' offsets were a numpy
# search per word read, 4 % of an absent quote's time.
_LIST_SEGMENTS = 4096
_LIST_CHARS = 256


def _offset_type(n: int) -> type[np.signedinteger]:
    """The smallest signed integer type for offsets up to ``n`` (+1 for a sentinel)."""
    return np.int32 if n < 2**31 - 2 else np.int64


def fold(text: str) -> str:
    """Just the normalised text (for short strings such as quotes and names).

    Same text as ``normalize(text).text`` without building the offset map,
    which for a quote costs more than the folding itself.
    """
    text, special = _plan(text)
    return special.sub(_fold_match, text)


def _fold_match(m: re.Match[str]) -> str:
    if _escape_kept(m.string, m.start()):
        return "\\"
    return _fold_cluster(m.group())
