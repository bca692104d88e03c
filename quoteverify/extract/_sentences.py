"""Paragraphs, sentences and a markup-blind copy of the article text.

Every function keeps offsets: the masked copy has the same length as the text,
so a match in it is a match in the article at the same place.
"""

from __future__ import annotations

import bisect
import re

from quoteverify._lazyre import lazy
from quoteverify.extract._lexicon import ABBREVIATIONS
from quoteverify.extract._limits import LIMITS


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


# Markdown link "[Zippy Duvall](https://fb.org/…)": keep the label, blank the
# brackets and the URL (a URL may hold straight quotes or capitalised words).
# A link may carry a title: [label](https://x.org "Title in straight quotes").
_LINK_TARGET = (
    r"\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:[ \t]+(?:\"[^\"\n]{0,300}\"|'[^'\n]{0,300}'))?\)"
)
# The look-ahead first lets the engine skip to a "[" before the look-behind runs.
_LINK = re.compile(r"(?=\[)(?<![\\!])\[([^\[\]]{0,400}?)\]" + _LINK_TARGET)
# An image "![alt text](logo.png)" is no part of the article's prose: its alt text
# ('![Protesters hold a sign reading "Save our jobs"](a.jpg)') is blanked whole.
_IMAGE = re.compile(r"(?<!\\)!\[[^\[\]]{0,400}\]" + _LINK_TARGET)
# Emphasis "**Name:**", "__x__" (blanked in mask_markup) and line-start markup
# ("# ", "-   ", "> ").
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
_BLANK_RUN = re.compile(r"[\s*_]*")
_SPACE_RUN = re.compile(r"\s*")


def blank_between(text: str, a: int, b: int, emphasis: bool = True) -> bool:
    """``text[a:b]`` holds only spaces (and emphasis marks): found by a match from
    ``a`` that stops at the first word, not by slicing a whole long paragraph."""
    rx = _BLANK_RUN if emphasis else _SPACE_RUN
    return a >= b or rx.match(text, a, b).end() >= b  # type: ignore[union-attr]


def _link(m: re.Match[str]) -> str:
    label = m.group(1)
    return " " + label + " " * (len(m.group(0)) - len(label) - 1)


def mask_markup(text: str) -> str:
    """Blank Markdown syntax so that "**Name:** “Q”" reads as "  Name:   “Q”"."""
    out = _FRONT.sub(_blank, text)
    if "![" in out:
        out = _IMAGE.sub(_blank, out)
    if "[" in out:
        out = _LINK.sub(_link, out)
    # Emphasis "**" and "__" blanked by str.replace: the same left-to-right,
    # non-overlapping pass as a regex sub ("***" → "  *"), at a fraction of the cost.
    out = out.replace("**", "  ").replace("__", "  ")
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
        if text.find("\n", s, e) < 0:
            sub, sub_ends = [s], [e]  # one line: no list item or heading inside
        else:
            blocks = list(_LINE_BLOCK.finditer(text, s, e))
            sub = [s] + [m.end() for m in blocks]
            sub_ends = [m.start() for m in blocks] + [e]
        for a, b in zip(sub, sub_ends, strict=True):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                out.append((a, b))
    return out


def _one_paragraph_a_line(text: str) -> bool:
    """Lines that end sentences are paragraphs; hard-wrapped lines end mid-sentence.

    A "Sunday shows" round-up (2025-06-29, 2025-07-13) as plain text: headers and
    "(Watch)" lines end no sentence, but the long lines give it away.

    >>> _one_paragraph_a_line(
    ...     "Senator Jim Banks on Fox News Sunday\\n“This is the biggest spending cut in American"
    ...     " history — a $1.6 trillion spending cut, getting rid of the Green New Deal scams"
    ...     " from the Biden Administration.” (Watch)\\nSenator Katie Britt on State of the"
    ...     " Union\\n“The reforms in this bill are necessary and we’re going to deliver actual"
    ...     " solutions to the American people … Real, hardworking Americans are going to see"
    ...     " results from this.” (Watch)")
    True
    """
    lines = [ln.rstrip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 2:
        return False
    ends = sum(1 for ln in lines if ln[-1] in '.!?”"’:')
    avg = sum(len(ln) for ln in lines) / len(lines)
    if ends >= 0.8 * len(lines) or (ends * 2 > len(lines) and avg > 90):
        return True
    # Round-ups converted to plain text: short header lines ("Border Czar Tom
    # Homan") and quotation lines ending in a "Watch" link end no sentence, yet
    # no wrapper makes lines this long. A third of the lines over 150 characters
    # (pandoc wraps at 72; only a long URL overruns it) means one paragraph a line.
    long = sum(1 for ln in lines if len(ln) > 150)
    return long * 3 >= len(lines) and ends + long >= len(lines) // 2


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
_SENT_END = lazy(r"[.!?…]+[”’\"'»)\]]*\s+(?=[“‘\"'«„(\[*]*[A-Z0-9\u00C0-\u024F\u0400-\u04FF])")


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
    return word in ABBREVIATIONS or _initials_of_name(text, j, dot)


_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])+")
_NAME_BEFORE = re.compile(r"[A-Z][\w’'\-]*[^\S\n]$")


def _initials_of_name(text: str, j: int, dot: int) -> bool:
    """Two or more initials right after a capitalised word are a name's middle, not a
    sentence end: "Vice President J.D. Vance said" (White House, 2025), "Harvard T.H.
    Chan School of Public Health" (2025-09-22), "George H.W. Bush". A place's
    initials after a comma or a small word end sentences as before ("Washington,
    D.C. The …", "in the U.K. The …").

    >>> s = "Vice President J.D. Vance said"
    >>> _initials_of_name(s, 15, 18), _initials_of_name("in Washington, D.C. The", 15, 18)
    (True, False)
    """
    if not _INITIALS.fullmatch(text, j, dot):
        return False
    return _NAME_BEFORE.search(text, max(0, j - 40), j) is not None


# A dateline or liveblog timestamp before a dash opens a paragraph without being
# part of its first sentence: "MILLBROOK, Pa. (AP) — A former treasurer …",
# "**11:45 a.m.** — A reader in Ohio writes in:", "CEDAR FALLS — With six days …".
_DATELINE = lazy(
    r"[ \t*_]*(?:\d{1,2}[:.]\d{2}(?:[^\S\n]*[AaPp]\.?[Mm]\.?)?(?:[^\S\n]+[A-Z]{2,4})?"
    r"|[A-Z][A-Z’'\-.]+(?:[^\S\n]+[A-Z][A-Z’'\-.]+){0,3}(?:,[^\S\n]+[A-Z][\w.]*"
    r"(?:[^\S\n]+[A-Z][\w.]*)?)?(?:[^\S\n]+\([A-Za-z. ]{1,20}\))?)"
    r"[ \t*_]*[—–]{1,2}[^\S\n]*(?=[A-Z0-9“\"‘'«*_])"
)


def dateline_end(text: str, start: int, end: int) -> int | None:
    """End of a dateline or timestamp lead at ``start`` (a paragraph start), if any."""
    m = _DATELINE.match(text, start, end)
    return m.end() if m else None


def sentence_starts(text: str, start: int, end: int) -> list[int]:
    """Offsets where sentences start in text[start:end] (the first is ``start``;
    after a dateline lead at ``start``, the next is where the sentence proper starts)."""
    out = [start]
    d = dateline_end(text, start, end)
    if d is not None and d < end:
        out.append(d)
    for m in _SENT_END.finditer(text, start, end):
        if _is_abbreviation(text, m.start()):
            continue
        out.append(m.end())
    return out


def sentence_start_before(text: str, pos: int, lo: int) -> int:
    """Start of the sentence holding ``pos``, not before ``lo``; scans a bounded window."""
    lo2 = max(lo, pos - LIMITS.sentence_window)
    best = lo2 if lo2 == lo else _first_space_after(text, lo2, pos)
    # The look-ahead must see the mark at ``pos``: "…Smith said. “Nobody…".
    if lo2 == lo:
        d = dateline_end(text, lo, pos)
        if d is not None:
            best = d
    for m in _SENT_END.finditer(text, lo2, min(len(text), pos + 3)):
        if m.end() <= pos and m.end() > best and not _is_abbreviation(text, m.start()):
            best = m.end()
    return best


def _first_space_after(text: str, lo: int, hi: int) -> int:
    i = text.find(" ", lo, hi)
    return lo if i < 0 else i + 1


class SentenceIndex:
    """``sentence_start_before`` for many positions of one text: each paragraph's
    sentence ends are found once and looked up by bisection.  Quote-dense text
    (seven quotations a paragraph) rescanned the same paragraph for every one."""

    def __init__(self, text: str, paras: list[tuple[int, int]]) -> None:
        self.text = text
        self.paras = paras
        self._starts: dict[int, list[int]] = {}

    def starts(self, pi: int) -> list[int]:
        """Sentence starts of paragraph ``pi`` after its first (the paragraph start)."""
        starts = self._starts.get(pi)
        if starts is None:
            lo, hi = self.paras[pi]
            d = dateline_end(self.text, lo, hi)
            starts = self._starts[pi] = ([d] if d is not None else []) + [
                m.end()
                for m in _SENT_END.finditer(self.text, lo, hi)
                if not _is_abbreviation(self.text, m.start()) and (d is None or m.end() > d)
            ]
        return starts

    def prev_start(self, pos: int, pi: int) -> int:
        """The start of the sentence before the one starting at ``pos``."""
        starts = self.starts(pi)
        i = bisect.bisect_left(starts, pos)
        return starts[i - 1] if i > 0 else self.paras[pi][0]

    def start_before(self, pos: int, pi: int) -> int:
        lo, hi = self.paras[pi]
        if pos - lo <= LIMITS.sentence_window:
            # A paragraph of ordinary length: scanning it up to ``pos`` is cheaper
            # than indexing all of it.
            return sentence_start_before(self.text, pos, lo)
        # A long paragraph: the bounded window of ``sentence_start_before`` from
        # the paragraph's indexed sentence starts, without rescanning 1,500
        # characters per quotation (a one-paragraph article made that quadratic).
        starts = self.starts(pi)
        i = bisect.bisect_right(starts, pos)
        lo2 = pos - LIMITS.sentence_window
        if i > 0 and starts[i - 1] > lo2 + 1:
            return starts[i - 1]
        return _first_space_after(self.text, lo2, pos)
