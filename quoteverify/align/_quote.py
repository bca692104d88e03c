"""A quotation as the judge sees it: ellipsis-separated parts of words."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from quoteverify.align._normalize import Normalized, fold, normalize
from quoteverify.align._tokens import (
    TOKEN_RE,
    TOKEN_RE_ASCII,
    QToken,
    attach_spans,
    dash_style,
    key_of,
    spaced_dash,
    trailing_punct,
)
from quoteverify.align._transcript import stage_spans

# An ellipsis marks an omission.  Writers type it as "…" (NFKC turns it into
# "..."), "...", ". . ." or the academic "[…]"/"[...]"; "...." is a full stop
# plus an ellipsis.
_ELLIPSIS = re.compile(r"\[\s*\.\s?\.\s?\.\s*\]|\.(?:\s?\.){2,3}")
# A writer's insertion: "[Russia] is" for "they are", "He (PM Modi) is" for
# "he's" (the policy treats parentheses in a quote like square brackets).
_BRACKET = re.compile(r"\[[^\]]*\]|\([^)]*\)")


@dataclass(frozen=True)
class QuotePart:
    text: str  # normalised text of the part
    tokens: tuple[QToken, ...]

    @property
    def keys(self) -> list[str]:
        return [t.key for t in self.tokens]


@dataclass(frozen=True)
class ParsedQuote:
    parts: tuple[QuotePart, ...]
    ellipses: int  # ellipses *between* parts (leading/trailing ones don't join anything)

    @property
    def tokens(self) -> list[QToken]:
        return [t for p in self.parts for t in p.tokens]

    @property
    def n_words(self) -> int:
        return sum(len(p.tokens) for p in self.parts)


def _blanked(norm: str) -> str:
    # Stage directions a writer copied along ("(Applause.)") are not words.
    if "(" in norm or "[" in norm:  # every stage direction opens with one
        for s, e in stage_spans(norm):
            norm = norm[:s] + " " * (e - s) + norm[e:]
    return norm


def _pieces(text: str) -> list[str]:
    """The quote's normalised text, stage directions blanked, split at ellipses."""
    return _ELLIPSIS.split(_blanked(fold(text)))


def _pieces_at(text: str) -> tuple[Normalized, list[tuple[int, str]]]:
    """``_pieces(text)`` with each piece's offset in the normalised text."""
    nz = normalize(text)
    norm = _blanked(nz.text)
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _ELLIPSIS.finditer(norm):
        out.append((pos, norm[pos : m.start()]))
        pos = m.end()
    out.append((pos, norm[pos:]))
    return nz, out


def join_bracketed_initial(
    piece: str, found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A word whose first letter the writer re-cased in brackets is one word.

    Writers who start a quotation mid-sentence mark the capital they supplied:
    "“[W]e were able to protect sensitive sites against collection”" (a 2023-04-05
    briefing quoting President Biden's remarks of 2023-02-16), "“[N]othing in this
    opinion should be construed as …”" (President Biden quoting the Supreme Court,
    2023-06-29), "“[F]aith sees best in the dark”" (2022-03-26), "“[a]bolishing ICE
    is not enough”" (a White House list of 2026-01-09).  Split at the brackets, the
    letter and the rest were two words that matched nothing, so a faithful quote
    failed; joined, the word is compared as the speaker said it, and the policy's
    rule on a first letter's case applies.  Only one letter directly before the rest
    of a word, with no letter before the bracket: ``cheri[sh]`` or ``[mis]information``
    are words the writer changed, and stay apart.

    ``found`` holds the piece's tokens as (start, end, text).

    >>> p = "[W]e were able"
    >>> join_bracketed_initial(p, [(1, 2, "W"), (3, 4, "e"), (5, 9, "were"), (10, 14, "able")])
    [(1, 4, 'We'), (5, 9, 'were'), (10, 14, 'able')]
    >>> p = "[mis]information"
    >>> join_bracketed_initial(p, [(1, 4, "mis"), (5, 16, "information")])
    [(1, 4, 'mis'), (5, 16, 'information')]
    """
    out: list[tuple[int, int, str]] = []
    k = 0
    n = len(found)
    while k < n:
        s, e, core = found[k]
        if (
            k + 1 < n
            and e - s == 1
            and core.isalpha()
            and s >= 1
            and piece[s - 1] == "["
            and piece[e : e + 1] == "]"
            and found[k + 1][0] == e + 1
            and found[k + 1][2][:1].isalpha()
            and (s < 2 or not piece[s - 2].isalnum())
        ):
            out.append((s, found[k + 1][1], core + found[k + 1][2]))
            k += 2
            continue
        out.append(found[k])
        k += 1
    return out


def _piece_tokens(piece: str, join: bool = True) -> list[tuple[int, int, str]]:
    token_re = TOKEN_RE_ASCII if piece.isascii() else TOKEN_RE
    found = [(m.start(), m.end(), m.group()) for m in token_re.finditer(piece)]
    return join_bracketed_initial(piece, found) if join and "[" in piece else found


# A letter in brackets directly before the rest of its word ("[N]othing"), as
# ``join_bracketed_initial`` joins it; in a Markdown source the brackets may be
# escaped ("\[N\]othing").
BRACKETED_INITIAL = re.compile(r"(?<![^\W_])\\?\[([^\W\d_])\\?\]([^\W\d_]+)")


def quote_keys(text: str) -> list[str]:
    """``[t.key for t in parse_quote(text).tokens]`` without building the
    tokens: locating a quote needs only its keys (``align.locate``)."""
    keys: list[str] = []
    for piece in _pieces(text):
        if "[" in piece:
            keys += [key_of(t[2]) for t in _piece_tokens(piece)]
        else:
            keys += map(key_of, (TOKEN_RE_ASCII if piece.isascii() else TOKEN_RE).findall(piece))
    return keys


def parse_quote(text: str, join_initials: bool = True) -> ParsedQuote:
    """The quote's parts and tokens.  ``join_initials=False`` reads a bracketed
    initial as two words, as a source that prints the same bracket is read
    (President Biden quoting the Supreme Court's "[N]othing in this opinion",
    2023-06-29): the quote copies the source's own bracket."""
    nz, pieces = _pieces_at(text)
    parts: list[QuotePart] = []
    for at, piece in pieces:
        brackets = (
            [m.span() for m in _BRACKET.finditer(piece)] if "[" in piece or "(" in piece else []
        )
        n = len(piece)
        # Column-wise, each column in one comprehension or map: per word the
        # cost is the Python calls, and most words take no punctuation scan.
        found = _piece_tokens(piece, join_initials)
        if not found:
            continue
        starts = [f[0] for f in found]
        ends = [f[1] for f in found]
        cores = [f[2] for f in found]
        puncts = [dash_style(trailing_punct(piece, e, n)) or spaced_dash(piece, e, n) for e in ends]
        if brackets:
            inside = [
                any(bs < s and e < be for bs, be in brackets)
                for s, e in zip(starts, ends, strict=True)
            ]
        else:
            inside = [False] * len(found)
        # The words as written: the article's characters, through the map.
        ws, we, _ = attach_spans(piece, starts, ends, 0, n)
        os_ = nz.starts_at(np.asarray(ws, dtype=np.int64) + at).tolist()
        oe = nz.ends_at(np.asarray(we, dtype=np.int64) + (at - 1)).tolist()
        toks = tuple(
            map(
                QToken._make,
                zip(
                    cores,
                    map(key_of, cores),
                    puncts,
                    inside,
                    starts,
                    ends,
                    os_,
                    oe,
                    [text] * len(cores),
                    strict=True,
                ),
            )
        )
        parts.append(QuotePart(piece, toks))
    return ParsedQuote(tuple(parts), max(0, len(parts) - 1))
