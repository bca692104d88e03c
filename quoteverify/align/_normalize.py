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
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

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


@dataclass(frozen=True)
class Normalized:
    """``text`` normalised; ``starts[i]``/``ends[i]`` = the original span of char i."""

    original: str
    text: str
    starts: np.ndarray  # int32 (int64 past 2 GiB), len(text) + 1 (sentinel = len(original))
    ends: np.ndarray  # same type, len(text) + 1

    def orig_span(self, a: int, b: int) -> tuple[int, int]:
        """Original (start, end) for normalised chars ``text[a:b]``."""
        if b <= a:
            pos = int(self.starts[a])
            return pos, pos
        return int(self.starts[a]), int(self.ends[b - 1])


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
_COMBINING = re.compile("[\u0300-\u036f]")


@lru_cache(maxsize=256)
def _special_for(chars: str) -> re.Pattern[str]:
    """``_SPECIAL`` narrowed to the characters that actually change.

    Scanning 1 MB with the general pattern costs more than everything else in
    ``normalize`` (its "letter + combining mark" branch is tried at every
    letter).  When a text has no combining marks, every cluster is a single
    character, and one that folds to itself is a plain copy: only the
    characters in ``chars`` (and ``\\r`` / backslash escapes) need work.
    """
    if not chars:
        return re.compile(_ASCII_SPECIAL)
    return re.compile("[" + re.escape(chars) + "]|" + _ASCII_SPECIAL)


def _plan(text: str) -> tuple[str, re.Pattern[str]]:
    """Apply the one-to-one folds; return the text and the pattern of what is left."""
    if text.isascii():
        return text, _special_for("")
    if len(text) < 4096:
        # A quote or a name: a set is cheaper than numpy's fixed costs.
        present = sorted({c for c in text if c > "\x7f"})
    else:
        # The distinct non-ASCII characters, in bulk (no per-character Python loop).
        cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        present = [chr(c) for c in np.unique(cps[cps > 0x7F]).tolist()]
    for c in present:
        r = _ONE_TO_ONE.get(c)
        if r is not None:
            text = text.replace(c, r)
    rest = [c for c in present if c not in _ONE_TO_ONE]
    if any(_COMBINING.match(c) for c in rest):
        return text, _SPECIAL
    return text, _special_for("".join(c for c in rest if _fold_cluster(c) != c))


def normalize(text: str) -> Normalized:
    """Fold typography; keep an offset map.  Linear; the map is built with numpy."""
    original = text
    text, special = _plan(text)
    n = len(text)
    matches = list(special.finditer(text))
    if not matches:
        # Nothing changes length: the map is the identity (the common case
        # for transcripts once quotes, dashes and NBSPs are folded 1:1).
        idx = np.arange(n + 1, dtype=_offset_type(len(original)))
        ends = idx + 1
        ends[-1] = n
        return Normalized(original=original, text=text, starts=idx, ends=ends)
    pieces: list[str] = []
    # Per output piece: original start, original end, output length, copied?
    p_start: list[int] = []
    p_end: list[int] = []
    p_len: list[int] = []
    p_copy: list[bool] = []
    prev = 0
    for m in matches:
        s, e = m.span()
        if s > prev:
            pieces.append(text[prev:s])
            p_start.append(prev)
            p_end.append(s)
            p_len.append(s - prev)
            p_copy.append(True)
        rep = _fold_cluster(m.group())
        if rep:
            pieces.append(rep)
            p_start.append(s)
            p_end.append(e)
            p_len.append(len(rep))
            p_copy.append(False)
        prev = e
    if prev < len(text):
        pieces.append(text[prev:])
        p_start.append(prev)
        p_end.append(len(text))
        p_len.append(len(text) - prev)
        p_copy.append(True)
    lens = np.asarray(p_len, dtype=np.int64)
    total = int(lens.sum())
    ps = np.asarray(p_start, dtype=np.int64)
    pe = np.asarray(p_end, dtype=np.int64)
    copy = np.asarray(p_copy, dtype=bool)
    out_start = np.zeros(len(p_len), dtype=np.int64)
    if len(p_len) > 1:
        np.cumsum(lens[:-1], out=out_start[1:])
    # Copied characters map one to one: start = piece start + offset in the
    # piece.  Only the (few) characters of replaced clusters are then fixed
    # up, so the 1 MB arrays are written in two passes rather than six.
    # Two maps of one entry per character: int32 halves them (a 16 MB source
    # spent 256 MB on int64 maps).
    starts = np.empty(total + 1, dtype=_offset_type(n))
    starts[:total] = np.repeat(ps - out_start, lens)
    starts[:total] += np.arange(total, dtype=starts.dtype)
    starts[total] = n
    ends = starts + 1
    ends[total] = n
    nc = np.flatnonzero(~copy)
    if nc.shape[0]:
        nc_len = lens[nc]
        nc_first = np.zeros(nc.shape[0], dtype=np.int64)
        np.cumsum(nc_len[:-1], out=nc_first[1:])
        idx = np.arange(int(nc_len.sum()), dtype=np.int64) + np.repeat(
            out_start[nc] - nc_first, nc_len
        )
        starts[idx] = np.repeat(ps[nc], nc_len)
        ends[idx] = np.repeat(pe[nc], nc_len)
    return Normalized(original=original, text="".join(pieces), starts=starts, ends=ends)


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
    return _fold_cluster(m.group())
