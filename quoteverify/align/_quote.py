"""A quotation as the judge sees it: ellipsis-separated parts of words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quoteverify.align._normalize import fold
from quoteverify.align._tokens import TOKEN_RE, QToken, key_of, trailing_punct
from quoteverify.align._transcript import stage_spans

# An ellipsis marks an omission.  Writers type it as "…" (NFKC turns it into
# "..."), "...", ". . ." or the academic "[…]"/"[...]"; "...." is a full stop
# plus an ellipsis.
_ELLIPSIS = re.compile(r"\[\s*\.\s?\.\s?\.\s*\]|\.(?:\s?\.){2,3}")
# A writer's insertion: "[Russia] is" for "they are".
_BRACKET = re.compile(r"\[[^\]]*\]")


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


def parse_quote(text: str) -> ParsedQuote:
    norm = fold(text)
    # Stage directions a writer copied along ("(Applause.)") are not words.
    if "(" in norm or "[" in norm:  # every stage direction opens with one
        for s, e in stage_spans(norm):
            norm = norm[:s] + " " * (e - s) + norm[e:]
    pieces = _ELLIPSIS.split(norm)
    parts: list[QuotePart] = []
    for piece in pieces:
        brackets = [m.span() for m in _BRACKET.finditer(piece)] if "[" in piece else []
        n = len(piece)
        toks = []
        for m in TOKEN_RE.finditer(piece):
            s, e = m.span()
            core = m.group()
            toks.append(
                QToken(
                    core,
                    key_of(core),
                    trailing_punct(piece, e, n),
                    bool(brackets) and any(bs < s and e < be for bs, be in brackets),
                    s,
                    e,
                )
            )
        if toks:
            parts.append(QuotePart(piece, tuple(toks)))
    return ParsedQuote(tuple(parts), max(0, len(parts) - 1))
