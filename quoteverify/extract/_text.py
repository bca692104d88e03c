"""Paragraphs, sentences and a markup-blind copy of the article text.

Every function keeps offsets: the masked copy has the same length as the text,
so a match in it is a match in the article at the same place.
"""

from __future__ import annotations

import bisect
import re

from quoteverify.extract._lexicon import ABBREVIATIONS


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


# Markdown link "[Zippy Duvall](https://fb.org/…)": keep the label, blank the
# brackets and the URL (a URL may hold straight quotes or capitalised words).
# A link may carry a title: [label](https://x.org "Title in straight quotes").
_LINK_TARGET = (
    r"\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:[ \t]+(?:\"[^\"\n]{0,300}\"|'[^'\n]{0,300}'))?\)"
)
_LINK = re.compile(r"(?<![\\!])\[([^\[\]]{0,400}?)\]" + _LINK_TARGET)
# An image "![alt text](logo.png)" is no part of the article's prose: its alt text
# ('![Protesters hold a sign reading "Save our jobs"](a.jpg)') is blanked whole.
_IMAGE = re.compile(r"(?<!\\)!\[[^\[\]]{0,400}\]" + _LINK_TARGET)
# Emphasis "**Name:**", "__x__" and line-start markup ("# ", "-   ", "> ").
_EMPH = re.compile(r"\*\*|__")
_LINE_MARKUP = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,3}[.)][ \t]+)")
# Bare URLs: "https://x.com/…" may contain anything.
_URL = re.compile(r"https?://\S+")
# Inline HTML left in Markdown ("**<u>airline CEOs wrote:</u>**"): blanked so
# that the words around it read as one phrase.  A tag may run over several
# lines, its attribute values in straight quotes: '<img\nsrc="…"\nsizes="(max-width:
# 639px) 100vw, 639px">' – none of that is a quotation.
_TAG = re.compile(
    r"</?[A-Za-z][A-Za-z0-9]{0,10}"
    r"(?:\s+[A-Za-z_:][\w:.\-]{0,40}(?:\s*=\s*(?:\"[^\"<>]{0,2000}\"|'[^'<>]{0,2000}'|[^\s\"'=<>`]{1,200}))?)*"
    r"\s*/?>"
)
# YAML front matter left in the text: "---\ntitle: …\n---".
_FRONT = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*\n", re.DOTALL)


def _link(m: re.Match[str]) -> str:
    label = m.group(1)
    return " " + label + " " * (len(m.group(0)) - len(label) - 1)


def mask_markup(text: str) -> str:
    """Blank Markdown syntax so that "**Name:** “Q”" reads as "  Name:   “Q”"."""
    out = _FRONT.sub(_blank, text)
    if "![" in out:
        out = _IMAGE.sub(_blank, out)
    out = _LINK.sub(_link, out)
    out = _EMPH.sub(_blank, out)
    if "<" in out:
        out = _TAG.sub(_blank, out)
    out = _URL.sub(_blank, out)
    out = _LINE_MARKUP.sub(_blank, out)
    return out


# Paragraphs end at a blank line.  A list item or a Markdown heading also starts
# a new paragraph even without a blank line before it ("- **A:** “…”\n- **B:** …").
_PARA_BREAK = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)+")
_LINE_BLOCK = re.compile(r"\n(?=[ \t]*(?:[-*+][ \t]+\S|#{1,6}[ \t]+\S|\d{1,3}[.)][ \t]+\S))")
# "Blank" lines that hold only a no-break space, as pandoc leaves them: "\xa0  ".


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph, in order, whitespace-trimmed."""
    cuts: list[int] = [0]
    ends: list[int] = []
    if _PARA_BREAK.search(text):
        for m in _PARA_BREAK.finditer(text):
            ends.append(m.start())
            cuts.append(m.end())
    elif _one_paragraph_a_line(text):
        # No blank lines at all: a plain text file with one paragraph a line.
        for m in re.finditer(r"\n", text):
            ends.append(m.start())
            cuts.append(m.end())
    ends.append(len(text))
    out: list[tuple[int, int]] = []
    for s, e in zip(cuts, ends, strict=True):
        sub = [s] + [m.end() for m in _LINE_BLOCK.finditer(text, s, e)]
        sub_ends = [m.start() for m in _LINE_BLOCK.finditer(text, s, e)] + [e]
        for a, b in zip(sub, sub_ends, strict=True):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                out.append((a, b))
    return out


def _one_paragraph_a_line(text: str) -> bool:
    """Lines that end sentences are paragraphs; hard-wrapped lines end mid-sentence."""
    lines = [ln.rstrip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 2:
        return False
    ends = sum(1 for ln in lines if ln[-1] in '.!?”"’:')
    avg = sum(len(ln) for ln in lines) / len(lines)
    return ends >= 0.8 * len(lines) or (ends * 2 > len(lines) and avg > 90)


class ParagraphIndex:
    """Find the paragraph holding an offset in O(log n)."""

    def __init__(self, paras: list[tuple[int, int]]) -> None:
        self.paras = paras
        self._starts = [p[0] for p in paras]

    def index(self, pos: int) -> int:
        i = bisect.bisect_right(self._starts, pos) - 1
        return max(i, 0)


# A sentence ends at . ! ? … followed (maybe after closing marks or brackets) by
# space and a capital, digit or opening mark: "…more about it. Of the Russians".
_SENT_END = re.compile(
    r"[.!?…]+[”’\"'»)\]]*\s+(?=[“‘\"'«„(\[*]*[A-Z0-9\u00C0-\u024F\u0400-\u04FF])"
)


def _is_abbreviation(text: str, dot: int) -> bool:
    """True for the dot of "Mr." / "U.S." / "Jan." / an initial "J."."""
    if text[dot] != ".":
        return False
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "Donald J. Trump"
    return word in ABBREVIATIONS


def sentence_starts(text: str, start: int, end: int) -> list[int]:
    """Offsets where sentences start in text[start:end] (the first is ``start``)."""
    out = [start]
    for m in _SENT_END.finditer(text, start, end):
        if _is_abbreviation(text, m.start()):
            continue
        out.append(m.end())
    return out


def sentence_start_before(text: str, pos: int, lo: int) -> int:
    """Start of the sentence holding ``pos``, not before ``lo``; scans a bounded window."""
    lo2 = max(lo, pos - 1500)
    best = lo2 if lo2 == lo else _first_space_after(text, lo2, pos)
    # The look-ahead must see the mark at ``pos``: "…Smith said. “Nobody…".
    for m in _SENT_END.finditer(text, lo2, min(len(text), pos + 3)):
        if m.end() <= pos and not _is_abbreviation(text, m.start()):
            best = m.end()
    return best


def sentence_end_after(text: str, pos: int, hi: int) -> int:
    """End (exclusive, after the terminal punctuation) of the sentence holding ``pos``."""
    hi2 = min(hi, pos + 1500)
    for m in _SENT_END.finditer(text, pos, hi2):
        if not _is_abbreviation(text, m.start()):
            return m.start() + len(m.group(0).rstrip())
    return hi2


def _first_space_after(text: str, lo: int, hi: int) -> int:
    i = text.find(" ", lo, hi)
    return lo if i < 0 else i + 1
