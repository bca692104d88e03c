"""Place quotations in the article file as written (Markdown or HTML source).

Quote offsets index ``Article.text``, the extracted prose.  A CI report has to
point at the file the user edits.  A ``.txt`` article is the file itself; the
Markdown reader keeps an ``OffsetMap`` from its prose back to the file, so a
quote's place there is a lookup (``Article.offsets``).

HTML goes through trafilatura, which keeps no such map, so there (and for a
text that did not come from the file) each quote is found again by its words:

1. The original is reduced to a *visible character stream*: markup that never
   reaches ``Article.text`` is skipped (tags, comments, hidden elements) and
   HTML entities are decoded; every visible character keeps the original span
   it came from.
2. Both the stream and ``Article.text`` are cut into words (letters and digits,
   case-folded).  Punctuation, quote marks, dashes and whitespace never enter a
   word, so smart/straight quotes, ``&rsquo;`` and re-wrapped lines do not
   matter.
3. A quote's words are looked up as an exact word sequence in the original.  With
   several occurrences, the k-th occurrence in the article maps to the k-th in
   the original when both have the same count; otherwise (boilerplate the
   extractor dropped, such as a headline repeated in a "trending" box) the
   occurrence whose surrounding words agree best wins, then the one nearest to
   where anchor words (words found once in each text) put it.
4. Failing an exact match (the extractor rewrote something inside the quote),
   the stretch between the nearest anchors is aligned word by word and the quote
   spans the words that matched ("approximate"); with none matched it is placed
   next to the nearest word that did; with nothing at all, at offset 0
   ("missing").

Offsets are ``str`` indices (code points) into ``original``, the file decoded
exactly as the article loader decodes it: use ``original_text``.
"""

from __future__ import annotations

import html
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Literal

from ._decode import Format, decode, guess_format
from ._lazyre import lazy
from ._markdown_reader import markdown_to_document
from .models import Article, OffsetMap, Quote

__all__ = [
    "LineIndex",
    "Location",
    "Quality",
    "line_col",
    "locate_quotes",
    "locate_quotes_detailed",
    "original_text",
    "read_original",
]

# "exact": the quote's words were found as written; "approximate": placed by a
# fuzzy alignment (the span covers what matched, or is empty at the nearest
# matched word); "missing": nothing matched, the span is (0, 0) — line 1.
Quality = Literal["exact", "approximate", "missing"]


@dataclass(frozen=True)
class Location:
    start: int  # offsets in the original text; end exclusive
    end: int
    quality: Quality


# ---------------------------------------------------------------- the original


def original_text(data: bytes, fmt: Format, charset: str | None = None) -> str:
    """The article bytes decoded exactly as ``article.load_article`` decodes them.

    HTML is decoded with its ``<meta charset>`` honoured, as ``html_to_document``
    does; the rest as ``parse_article_bytes`` does.  A UTF-8 byte-order mark is
    dropped, so offsets and columns count from the first real character.
    """
    return decode(data, charset, html=fmt == "html")


def read_original(path: str | Path) -> tuple[str, Format]:
    """Read a local article file: (original text, format), the format guessed the
    same way the loader guesses it.  ``NotText`` propagates for binary files."""
    data = Path(path).read_bytes()
    fmt = guess_format(str(path), None, data)
    return original_text(data, fmt), fmt


# ---------------------------------------------------------------- lines and columns


class LineIndex:
    """Offsets → (line, column), both 1-based, columns in code points.

    Lines end at ``\\n`` only; the ``\\r`` of a CRLF pair is not a column, so an
    offset pointing at it, or between it and its ``\\n``, is the column just
    after the line's last character.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset)
        start = self.starts[line - 1]
        # Step back over the "\r" of a CRLF (an offset can only sit on or just after
        # it at the very end of a line).
        while offset > start and self.text[offset - 1] == "\r" and self._at_eol(offset):
            offset -= 1
        return line, offset - start + 1

    def _at_eol(self, offset: int) -> bool:
        rest = self.text[offset : offset + 2]
        return rest == "" or rest[0] == "\n" or rest == "\r\n"

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end line, end column) of ``[start, end)``; the end column
        is exclusive (SARIF's convention)."""
        line, col = self.line_col(start)
        end_line, end_col = self.line_col(end)
        return line, col, end_line, end_col

    def line_start(self, line: int) -> int:
        return self.starts[max(1, min(line, len(self.starts))) - 1]


def line_col(original: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of ``offset``; builds a ``LineIndex`` each call, so
    use one ``LineIndex`` for many offsets."""
    return LineIndex(original).line_col(offset)


# ---------------------------------------------------------------- visible stream


class _Stream:
    """Visible characters of the original, each with the span it came from."""

    def __init__(self) -> None:
        # Pieces of text and machine-int arrays, not a list of one-character
        # strings and two lists of int objects: those took ~150 bytes per
        # character of the article (1.7 GB for a 10 MB file).
        self.pieces: list[str] = []
        self.ostart = array("i")
        self.oend = array("i")

    def same(self, original: str, a: int, b: int) -> None:
        """Characters shown as written."""
        self.pieces.append(original[a:b])
        self.ostart.extend(range(a, b))
        self.oend.extend(range(a + 1, b + 1))

    def put(self, s: str, a: int, b: int) -> None:
        """``s`` stands for ``original[a:b]`` (an entity, or a tag seen as a space)."""
        self.pieces.append(s)
        self.ostart.extend([a] * len(s))
        self.oend.extend([b] * len(s))

    def text(self) -> str:
        return "".join(self.pieces)


def _identity_stream(original: str) -> _Stream:
    st = _Stream()
    st.same(original, 0, len(original))
    return st


def _markdown_stream(original: str) -> _Stream:
    """What the Markdown reader makes of ``original``, each character with the
    span it came from (the reader's own offset map)."""
    doc = markdown_to_document(original)
    st = _Stream()
    st.pieces.append(doc.text)
    if doc.offsets is not None:
        st.ostart.extend(doc.offsets.starts)
        st.oend.extend(doc.offsets.ends)
    return st


# Elements whose content never reaches the article text (``_prepare_tree`` drops
# them, or browsers do not render them).
_HTML_HIDDEN_ELEMENTS = ("script", "style", "noscript", "template", "del", "s", "head")
# A ">" may sit in a quoted value.  An unquoted "<" ends the attributes: without
# that, every "<a " of a page holding no ">" rescanned the rest of the page.
_ATTRS = r"""(?:\s(?:[^<>"']|"[^"]*"|'[^']*')*)?"""
_HTML_TOKEN_RE = lazy(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<[!?][^>]*>?"
    r"|</?(?P<tag>[A-Za-z][A-Za-z0-9-]*)" + _ATTRS + r"/?>"
    r"|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);?",
    re.S | re.I,
)
# The start tag of an element whose content is hidden (not "<s/>", as before).
_HIDDEN_OPEN_RE = re.compile(
    r"<(?:" + "|".join(_HTML_HIDDEN_ELEMENTS) + r")\b" + _ATTRS + r">", re.S | re.I
)
_HIDDEN_CLOSE_RE = {name: lazy(r"</" + name + r"\s*>", re.I) for name in _HTML_HIDDEN_ELEMENTS}
# Inline elements join the words on either side; every other tag separates them.
_INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i ins kbd mark q s samp small span "
    "strong sub sup time u var".split()
)


def _html_stream(original: str) -> _Stream:
    st = _Stream()
    pos = 0
    # Where each hidden element's next end tag is, searched once per stretch: an
    # unclosed <s> must not hide the rest of the page, and a thousand of them
    # must not each search the rest of the page for "</s>" (quadratic).
    closes: dict[str, tuple[int, int, int]] = {}  # name -> (searched from, start, end)

    def close_after(name: str, at: int) -> int:
        known = closes.get(name)
        if known is not None and known[0] <= at and (known[1] < 0 or at <= known[1]):
            return known[2]
        m = _HIDDEN_CLOSE_RE[name].search(original, at)
        closes[name] = (at, m.start(), m.end()) if m else (at, -1, -1)
        return m.end() if m else -1

    search = _HTML_TOKEN_RE.search
    m = search(original, 0)
    while m is not None:
        a, b = m.span()
        tag = (m.group("tag") or "").lower()
        if tag in _HTML_HIDDEN_ELEMENTS and _HIDDEN_OPEN_RE.fullmatch(original, a, b):
            end = close_after(tag, b)
            if end >= 0:
                # Only a closed hidden element is skipped, content and all; it
                # separates the words around it, even <s> (an inline tag).
                b = end
                tag = ""
        if a > pos:
            st.same(original, pos, a)
        pos = b
        token = original[a:b]
        m = search(original, b)
        if token.startswith("&"):
            decoded = _unescape(token)
            if decoded == token:
                st.same(original, a, b)
            else:
                st.put(decoded, a, b)
            continue
        if tag and tag in _INLINE_TAGS:
            continue
        st.put(" ", a, b)
    if pos < len(original):
        st.same(original, pos, len(original))
    return st


def _unescape(token: str) -> str:
    # html.unescape turns "&#" + 5,000 digits into int(), which refuses more
    # than 4,300 digits (ValueError); no such reference is a character anyway.
    try:
        return html.unescape(token)
    except ValueError:
        return "\ufffd"


def _stream(original: str, fmt: Format) -> _Stream:
    if fmt == "html":
        return _html_stream(original)
    if fmt == "markdown":
        return _markdown_stream(original)
    return _identity_stream(original)


# ---------------------------------------------------------------- words

# Letters and digits only: "_" is Markdown emphasis as often as it is a letter.
_WORD_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class _Words:
    words: list[str]
    starts: array[int]  # offsets in the text the words were cut from
    ends: array[int]


def _words(text: str) -> _Words:
    # One string object per distinct word and machine ints for the offsets:
    # a word costs 16 bytes here, not the ~150 of a tuple of new objects.
    seen: dict[str, str] = {}
    words: list[str] = []
    starts, ends = array("i"), array("i")
    for m in _WORD_RE.finditer(text):
        w = m.group(0).casefold()
        words.append(seen.setdefault(w, w))
        starts.append(m.start())
        ends.append(m.end())
    return _Words(words, starts, ends)


_FOLD = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "‹": "'",
        "›": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‑": "-",
        "−": "-",
        "\u00a0": " ",
    }
)


def _fold(ch: str) -> str:
    return ch.translate(_FOLD)


# ---------------------------------------------------------------- locating


def locate_quotes(
    original: str, article: Article, quotes: Sequence[Quote]
) -> dict[str, tuple[int, int]]:
    """Quote id → (start, end) offsets in ``original``.

    Never fails: a quote that could not be found exactly is placed approximately,
    and one with no word found at all at (0, 0).  ``locate_quotes_detailed`` tells
    which is which.
    """
    return {
        qid: (loc.start, loc.end)
        for qid, loc in locate_quotes_detailed(original, article, quotes).items()
    }


def locate_quotes_detailed(
    original: str, article: Article, quotes: Sequence[Quote]
) -> dict[str, Location]:
    """Quote id → ``Location`` (offsets plus how sure the placement is)."""
    if not quotes:
        return {}
    if article.format == "text" and all(original[q.start : q.end] == q.text for q in quotes):
        # A .txt article is the file itself.
        return {q.id: Location(q.start, q.end, "exact") for q in quotes}
    offsets = _offsets(original, article)
    if offsets is not None:
        # The reader kept where each character came from: a lookup.
        return {q.id: Location(*offsets.span(q.start, q.end), "exact") for q in quotes}
    return _Locator(original, article).locate(quotes)


def _offsets(original: str, article: Article) -> OffsetMap | None:
    """The article's map into ``original``: the one the loader kept, or for
    Markdown the reader's map when reading ``original`` again gives the same
    text (an ``Article`` built by hand).  None when the words must be found
    again: HTML, whose reader (trafilatura) keeps no map, or a text that does
    not come from ``original``."""
    if article.offsets is not None and article.original is not None:
        if article.original is original or article.original == original:
            return article.offsets
    if article.format == "markdown":
        doc = markdown_to_document(original)
        if doc.text == article.text:
            return doc.offsets
    return None


_CONTEXT = 24  # words either side compared to tell occurrences apart
_WINDOW = 200  # words either side of a quote aligned closely when it is not exact
_REACH = 8 * _WINDOW  # how far to look for an anchor word before guessing
_MAX_SCORED = 64  # occurrences of one quotation compared by their context, at most


class _Locator:
    def __init__(self, original: str, article: Article) -> None:
        self.original = original
        self.atext = article.text
        # A .txt article that does not match the file (decoded differently?) is
        # still worth aligning word by word against the identity stream.
        self.stream = _stream(original, article.format)
        self.vtext = self.stream.text()
        self.ow = _words(self.vtext)
        self.aw = _words(self.atext)
        self._first = _positions(self.ow.words)
        self._afirst = _positions(self.aw.words)
        self._alignment: list[int] | None = None
        self._nearest: tuple[list[int], list[int]] | None = None
        # Occurrences of each quote's words, found once however often the
        # quotation is printed.
        self._found: dict[tuple[bool, tuple[str, ...]], list[int]] = {}
        self._rank: dict[tuple[str, ...], dict[int, int]] = {}

    # -- public

    def locate(self, quotes: Sequence[Quote]) -> dict[str, Location]:
        out: dict[str, Location] = {}
        floor = 0  # original word index of the previous exact placement
        for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
            loc, j0 = self._place(q, floor)
            if j0 is not None:
                floor = j0
            out[q.id] = loc
        return {q.id: out[q.id] for q in quotes}

    # -- one quote

    def _place(self, q: Quote, floor: int) -> tuple[Location, int | None]:
        i0 = bisect_right(self.aw.starts, q.start - 1)
        i1 = i0
        while i1 < len(self.aw.words) and self.aw.ends[i1] <= q.end:
            i1 += 1
        if i1 == i0:
            return self._approximate(i0, i0), None
        seq = self.aw.words[i0:i1]
        cands = self._occurrences(False, seq)
        if not cands:
            return self._approximate(i0, i1), None
        j0 = self._choose(cands, seq, i0, floor)
        j1 = j0 + len(seq)
        vs, ve = self._extend(q, i0, i1, j0, j1)
        return Location(self.stream.ostart[vs], self.stream.oend[ve - 1], "exact"), j0

    def _occurrences(self, article: bool, seq: list[str]) -> list[int]:
        """Where ``seq`` starts in the article's words or the original's.

        Checked from the positions of its rarest word: going through every
        occurrence of its first word made a thousand quotations that start with
        "the" cost a thousand passes over every "the" of the file.
        """
        key = (article, tuple(seq))
        found = self._found.get(key)
        if found is not None:
            return found
        index, words = (self._afirst, self.aw.words) if article else (self._first, self.ow.words)
        n = len(seq)
        k = min(range(n), key=lambda x: len(index.get(seq[x], ())))
        found = [p - k for p in index.get(seq[k], ()) if p >= k and words[p - k : p - k + n] == seq]
        self._found[key] = found
        return found

    def _choose(self, cands: list[int], seq: list[str], i0: int, floor: int) -> int:
        if len(cands) == 1:
            return cands[0]
        key = tuple(seq)
        rank = self._rank.get(key)
        if rank is None:
            rank = {i: r for r, i in enumerate(self._occurrences(True, seq))}
            self._rank[key] = rank
        if len(rank) == len(cands) and i0 in rank:
            # Same number of occurrences on both sides: the k-th is the k-th.
            return cands[rank[i0]]
        predicted = self._predict(i0)
        if len(cands) > _MAX_SCORED:
            # Only the occurrences nearest to where the anchors put the quote are
            # compared: scoring every one of thousands made each quote cost a
            # pass over the file.
            at = bisect_left(cands, predicted)
            lo = max(0, min(at - _MAX_SCORED // 2, len(cands) - _MAX_SCORED))
            cands = cands[lo : lo + _MAX_SCORED]
        n = len(seq)
        aw, ow = self.aw.words, self.ow.words
        a_before = aw[max(0, i0 - _CONTEXT) : i0]
        a_after = aw[i0 + n : i0 + n + _CONTEXT]

        def score(j: int) -> tuple[int, int, int]:
            # Words around the quote shared in order (dropped bylines and
            # captions only shift them); then reading order (after the previous
            # quote); then nearness to where the anchor words put the quote.
            shared = _shared(a_before, ow[max(0, j - _CONTEXT) : j]) + _shared(
                a_after, ow[j + n : j + n + _CONTEXT]
            )
            return (shared, int(j >= floor), -abs(j - predicted))

        return max(cands, key=score)

    def _predict(self, i: int) -> int:
        """Where article word ``i`` should be in the original, going by the
        nearest anchor word before it (or else after it)."""
        coarse = self._coarse_map()
        before, after = self._nearest_anchors()
        if coarse:
            k = before[min(i, len(coarse) - 1)]
            if k >= 0 and i - k < _REACH:
                return coarse[k] + (i - k)
            k = after[i] if i < len(coarse) else -1
            if k >= 0 and k - i < _REACH:
                return coarse[k] - (k - i)
        return int(i * len(self.ow.words) / max(1, len(coarse)))

    def _nearest_anchors(self) -> tuple[list[int], list[int]]:
        """Per article word, the nearest anchor word at or before it and at or
        after it (-1 when none): one pass, instead of a walk of up to
        ``_REACH`` words for every quote."""
        if self._nearest is None:
            coarse = self._coarse_map()
            n = len(coarse)
            before = [-1] * n
            after = [-1] * n
            last = -1
            for k in range(n):
                if coarse[k] >= 0:
                    last = k
                before[k] = last
            last = -1
            for k in range(n - 1, -1, -1):
                if coarse[k] >= 0:
                    last = k
                after[k] = last
            self._nearest = (before, after)
        return self._nearest

    def _extend(self, q: Quote, i0: int, i1: int, j0: int, j1: int) -> tuple[int, int]:
        """Stream span of the words, widened over the punctuation the quote text
        has before its first word and after its last ("…we", "win.")."""
        vs = self.ow.starts[j0]
        ve = self.ow.ends[j1 - 1]
        lead = self.atext[q.start : self.aw.starts[i0]]
        trail = self.atext[self.aw.ends[i1 - 1] : q.end]
        chars = self.vtext
        k = vs
        for ch in reversed([c for c in lead if not c.isspace()]):
            m = k - 1
            while m >= 0 and chars[m].isspace():
                m -= 1
            if m < 0 or _fold(chars[m]) != _fold(ch):
                break
            k = m
        vs = k
        k = ve
        for ch in [c for c in trail if not c.isspace()]:
            m = k
            while m < len(chars) and chars[m].isspace():
                m += 1
            if m >= len(chars) or _fold(chars[m]) != _fold(ch):
                break
            k = m + 1
        return vs, k

    # -- fallbacks

    def _coarse_map(self) -> list[int]:
        """Article word index → original word index at anchor words, -1 elsewhere.

        Anchors are words found once in each text, kept where they agree on the
        order (patience diff): linear-logarithmic where a full ``difflib``
        alignment of a long transcript takes seconds.  ``_fine_map`` fills in
        between them.
        """
        if self._alignment is None:
            self._alignment = _anchors(self.aw.words, self.ow.words)
        return self._alignment

    def _fine_map(self, i0: int, i1: int) -> list[int]:
        """Like ``_coarse_map`` for words ``[i0, i1)``, every word considered, over
        the stretch between the nearest anchors around the quote only."""
        coarse = self._coarse_map()
        n, m = len(coarse), len(self.ow.words)
        lo = max(0, i0 - _WINDOW)
        floor = max(0, i0 - _REACH)
        while lo > floor and coarse[lo] < 0:
            lo -= 1
        hi = min(n, i1 + _WINDOW)
        ceiling = min(n, i1 + _REACH)
        while hi < ceiling and coarse[hi] < 0:
            hi += 1
        hi = min(hi + 1, n)
        # Without an anchor on a side, guess where the stretch starts or ends in
        # the original as if both texts grew at the same pace, with a margin.
        scale = m / max(1, n)
        guess_lo = max(0, int(lo * scale) - 2 * _WINDOW)
        guess_hi = min(m, int(hi * scale) + 2 * _WINDOW)
        jlo = coarse[lo] if lo < n and coarse[lo] >= 0 else guess_lo
        jhi = coarse[hi - 1] + 1 if coarse[hi - 1] >= 0 else guess_hi
        if jhi <= jlo:
            jlo, jhi = guess_lo, guess_hi
        local = _align(self.aw.words[lo:hi], self.ow.words[jlo:jhi], autojunk=False)
        return [local[i - lo] + jlo if local[i - lo] >= 0 else -1 for i in range(i0, i1)]

    def _approximate(self, i0: int, i1: int) -> Location:
        amap = self._coarse_map()
        mapped = [j for j in self._fine_map(i0, i1) if j >= 0]
        st, ow = self.stream, self.ow
        if mapped:
            vs, ve = ow.starts[mapped[0]], ow.ends[mapped[-1]]
            return Location(st.ostart[vs], st.oend[ve - 1], "approximate")
        # No word of the quote survived: point at the nearest word that did, the
        # one before (the quote usually follows its lead-in) or else after.
        for i in range(min(i0, len(amap)) - 1, -1, -1):
            if amap[i] >= 0:
                at = st.oend[ow.ends[amap[i]] - 1]
                return Location(at, at, "approximate")
        for i in range(i1, len(amap)):
            if amap[i] >= 0:
                at = st.ostart[ow.starts[amap[i]]]
                return Location(at, at, "approximate")
        return Location(0, 0, "missing")


def _positions(words: list[str]) -> dict[str, array[int]]:
    """Word → the indexes where it occurs, in order."""
    out: dict[str, array[int]] = {}
    for i, w in enumerate(words):
        at = out.get(w)
        if at is None:
            at = out[w] = array("i")
        at.append(i)
    return out


def _align(a: list[str], b: list[str], *, autojunk: bool) -> list[int]:
    amap = [-1] * len(a)
    for x, y, size in SequenceMatcher(None, a, b, autojunk=autojunk).get_matching_blocks():
        for k in range(size):
            amap[x + k] = y + k
    return amap


def _anchors(a: list[str], b: list[str]) -> list[int]:
    count_a: dict[str, int] = {}
    for w in a:
        count_a[w] = count_a.get(w, 0) + 1
    where_b: dict[str, int] = {}
    count_b: dict[str, int] = {}
    for j, w in enumerate(b):
        count_b[w] = count_b.get(w, 0) + 1
        where_b[w] = j
    pairs = [(i, where_b[w]) for i, w in enumerate(a) if count_a[w] == 1 and count_b.get(w) == 1]
    # Longest increasing run of original positions, in article order.
    tails: list[int] = []  # index into pairs of the smallest tail of each length
    back: list[int] = [-1] * len(pairs)
    tail_js: list[int] = []
    for k, (_i, j) in enumerate(pairs):
        at = bisect_left(tail_js, j)
        back[k] = tails[at - 1] if at else -1
        if at == len(tails):
            tails.append(k)
            tail_js.append(j)
        else:
            tails[at] = k
            tail_js[at] = j
    amap = [-1] * len(a)
    k = tails[-1] if tails else -1
    while k >= 0:
        i, j = pairs[k]
        amap[i] = j
        k = back[k]
    return amap


def _shared(a: list[str], b: list[str]) -> int:
    """How many words ``a`` and ``b`` have in common, in order."""
    if not a or not b:
        return 0
    return sum(
        size for _x, _y, size in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    )
