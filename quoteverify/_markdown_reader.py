"""Markdown → prose through markdown-it-py, remembering where each character came from.

CommonMark decides what is prose: code blocks (indented or fenced) are not,
``&ldquo;`` is a quotation mark, ``\\"`` is a straight quote without its
backslash, a reference definition is not text.  markdown-it-py is the parser
the field maintains for that (it is what ``rich`` renders Markdown with).

Every character of the prose keeps the span of the file it stands for
(``OffsetMap``), in the way ``align/_normalize.py`` maps its normalised copy
back to a source: ``check`` turns a quote's offsets into the line and column of
the file the user edits by a lookup, instead of finding the quote again.

markdown-it-py gives block tokens line numbers but inline tokens no offsets, so
the source of each inline token is found by walking the block's text in step
with the tokens: a token's text, escape, entity or markup is at or after where
the previous one ended.
"""

from __future__ import annotations

import functools
import re
from array import array
from typing import Any

from ._decode import PIN_RE, Document, Para, assemble, split_front_matter
from ._lazyre import lazy

__all__ = ["code_block_spans", "markdown_to_document"]


@functools.cache
def _parser() -> Any:
    """The CommonMark parser, built once; imported here so ``--help`` stays fast.

    ``html``: raw HTML is recognised so that it can be left out (tags) or read
    for its text (blocks), as the hand-written reader did.  ``text_join`` is
    off so that entities and escapes stay tokens of their own whose
    ``markup`` is the source as written.
    """
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).disable("text_join")


def markdown_to_document(text: str) -> Document:
    """Markdown → prose: front matter read, not treated as text; markup removed;
    hard-wrapped lines of a paragraph joined, paragraphs separated by a blank line.

    ``offsets`` maps each character of the prose to the span of ``text`` it
    comes from.

    >>> doc = markdown_to_document("# Title\\n\\nShe said &ldquo;yes&rdquo;.\\n")
    >>> doc.text
    'Title\\n\\nShe said “yes”.'
    >>> doc.offsets.span(20, 21)  # the closing mark is the entity as written
    (28, 35)
    """
    front, body = split_front_matter(text)
    body_at = len(text) - len(body)
    norm, back = _normalize(body, body_at)
    env: dict[str, Any] = {}
    tokens = _parser().parse(norm, env)
    reader = _Reader(norm, back, env)
    for k, token in enumerate(tokens):
        if token.type == "inline":
            # A heading's inline token follows its heading_open.
            reader.block(token, heading=k > 0 and tokens[k - 1].type == "heading_open")
        elif token.type == "html_block":
            reader.html_block(token)
    reader.flush()
    doc = assemble(reader.paragraphs, "markdown", front, mapped=True)
    offsets = doc.offsets
    if offsets is not None:
        # The map so far points into the normalised body: to the text as given,
        # in place (a 20 MB article's map is 160 MB).
        import numpy as np

        to_text = np.frombuffer(back, dtype=np.int32)
        for part in (offsets.starts, offsets.ends):
            if len(part):
                view = np.frombuffer(part, dtype=np.int32)
                view[:] = to_text[view]
    return Document(
        text=doc.text,
        format="markdown",
        title=doc.title,
        headings=doc.headings,
        front_matter=front,
        links=doc.links,
        pins=doc.pins,
        offsets=offsets,
        original=text,
    )


def _normalize(body: str, body_at: int) -> tuple[str, array[int]]:
    """The body as markdown-it-py should read it, and for each of its characters
    the offset in the whole text (one more entry for the end).

    Line ends are read as Python's ``splitlines`` reads them (``\\r\\n``, ``\\r``,
    U+2028 … become ``\\n``) and NUL becomes U+FFFD, as markdown-it-py would.
    A line of nothing but whitespace is a blank line even when the whitespace
    is a no-break space: the White House transcripts separate every turn with a
    line holding one, and CommonMark would run all the turns into one paragraph.

    >>> _normalize("a\\r\\nb\\n\\xa0 \\n", 4)
    ('a\\nb\\n  \\n', array('i', [4, 5, 7, 8, 9, 10, 11, 12]))
    """
    import numpy as np

    norm = _LINE_ENDS.sub("\n", body.replace("\r\n", "\n").replace("\0", "\ufffd"))
    norm = _BLANKISH.sub(lambda m: " " * len(m.group(0)), norm)
    if "\r\n" not in body:
        every = np.arange(body_at, body_at + len(body) + 1, dtype=np.int32)
        return norm, array("i", every.tobytes())
    # The "\n" of a CRLF pair is dropped; its "\r" stands for both characters.
    kept = np.ones(len(body) + 1, dtype=bool)
    kept[[m.start() + 1 for m in re.finditer("\r\n", body)]] = False
    back = (np.flatnonzero(kept) + body_at).astype(np.int32)
    return norm, array("i", back.tobytes())


_LINE_ENDS = lazy("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# A line of whitespace other than plain spaces and tabs (a no-break space).
_BLANKISH = re.compile(r"^(?=[^\S\n]*[^ \t\n])[^\S\n]+$", re.M)


_ONE_EACH = array("i", [-1])


class _Buffer:
    """Prose characters of one paragraph with, per character, its span in the
    normalised body."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.starts = array("i")
        self.ends = array("i")
        self.size = 0

    def same(self, s: str, where: array[int], at: int) -> None:
        """``s`` as written at block offset ``at`` (``where`` maps block → body)."""
        self.pieces.append(s)
        self.starts.extend(where[at : at + len(s)])
        self.ends.extend(_ONE_EACH * len(s))  # -1: the character's own end
        self.size += len(s)

    def put(self, s: str, a: int, b: int) -> None:
        """``s`` stands for body ``[a, b)`` (an entity, an escape, a line break)."""
        self.pieces.append(s)
        self.starts.extend([a] * len(s))
        self.ends.extend([b] * len(s))
        self.size += len(s)

    def text(self) -> str:
        return "".join(self.pieces)


class _Reader:
    """Turns the block tokens holding prose into paragraphs with offset maps."""

    def __init__(self, norm: str, back: array[int], env: dict[str, Any]) -> None:
        self.norm = norm
        self.references = env.get("references") or {}
        self.back = back
        self.line_starts = [0]
        at = norm.find("\n")
        while at >= 0:
            self.line_starts.append(at + 1)
            at = norm.find("\n", at + 1)
        self.paragraphs: list[Para] = []
        self.buf = _Buffer()
        self.heading = False
        self.links: list[tuple[str, str]] = []
        self.pins: list[str] = []

    # -- paragraphs

    def flush(self) -> None:
        """End the paragraph being read; it takes the links and pins met since the
        last one (a pin applies to the paragraph after it)."""
        if not self.buf.size and not self.pins and not self.links:
            return
        self.paragraphs.append(
            Para(
                self.buf.text(),
                self.heading,
                list(self.links),
                list(self.pins),
                (self.buf.starts, self.buf.ends),
            )
        )
        self.buf = _Buffer()
        self.links.clear()
        self.pins.clear()

    def block(self, token: Any, *, heading: bool) -> None:
        """A paragraph or heading's inline content."""
        self.flush()
        self.heading = heading
        where = self._block_map(token.content, token.map[0])
        self._walk(token.children or [], token.content, where, 0)
        self.flush()
        self.heading = False

    def html_block(self, token: Any) -> None:
        """Raw HTML on lines of its own: its text is prose (the hand-written reader
        read it so, and pages paste ``<p>`` blocks), its tags and comments are not;
        a ``quoteverify-source`` comment pins the next paragraph.  Script and
        style are never text."""
        content = token.content
        head = content.lstrip()[:10].lower()
        if head.startswith(("<script", "<style", "<textarea")):
            self.flush()
            return
        where = self._block_map(content, token.map[0])
        (inline,) = [
            t
            for t in _parser().parseInline(content, {"references": self.references})
            if t.type == "inline"
        ]
        self.flush()
        self._walk(inline.children or [], content, where, 0)
        self.flush()

    def _block_map(self, content: str, first_line: int) -> array[int]:
        """Body offset of each character of a block's ``content``.

        Each line of ``content`` is the tail of a line of the body (container
        marks such as ``>`` and indentation taken off the front, blanks at the
        block's ends stripped); a line that is not (a tab expanded into spaces)
        is found in its line, or else placed at the line's start.  Lines of
        nothing but whitespace at the block's start are stripped whole (Python's
        ``strip`` takes a no-break space too): the first line is the first that
        holds the first piece.
        """
        where = array("i")
        norm, starts = self.norm, self.line_starts
        segs = content.split("\n")
        head = segs[0].strip()
        while head and first_line + 1 < len(starts) and head not in self._line(first_line):
            first_line += 1
        for k, seg in enumerate(segs):
            line = first_line + k
            if line >= len(starts):
                where.extend([len(norm)] * (len(seg) + 1))
                continue
            lo = starts[line]
            hi = starts[line + 1] - 1 if line + 1 < len(starts) else len(norm)
            written = norm[lo:hi]
            placed = False
            # As the line's tail; then before blanks the block stripped; then
            # without the spaces a tab partly taken as indentation came back as
            # (they stand where the tab was).
            for end in (hi, lo + len(written.rstrip())):
                for lead in (0, len(seg) - len(seg.lstrip(" "))):
                    core = len(seg) - lead
                    if not placed and end - core >= lo and norm.startswith(seg[lead:], end - core):
                        where.extend([max(end - core - 1, lo)] * lead)
                        where.extend(range(end - core, end))
                        placed = True
            if not placed and seg in written:
                at = lo + written.find(seg)
                where.extend(range(at, at + len(seg)))
            elif not placed:
                where.extend([lo] * len(seg))
            where.append(hi)  # the line break
        return where

    def _line(self, line: int) -> str:
        lo = self.line_starts[line]
        end = self.line_starts[line + 1] - 1 if line + 1 < len(self.line_starts) else len(self.norm)
        return self.norm[lo:end]

    # -- inline tokens

    def _walk(self, children: list[Any], src: str, where: array[int], pos: int) -> int:
        """Read inline tokens whose source is ``src`` from ``pos`` on; returns
        where they end.  Markup (emphasis, link brackets and targets, tags)
        gives no text; entities and escapes give their character."""
        skip_autolink = False
        link_from: int | None = None
        link_open: Any = None
        for t in children:
            kind = t.type
            if skip_autolink:
                if kind == "link_close":
                    skip_autolink = False
                continue
            if kind == "text":
                s = t.content
                at = _find(src, s, pos)
                self.buf.same(s, where, at)
                pos = at + len(s)
            elif kind == "text_special":
                at = _find(src, t.markup, pos)
                end = at + len(t.markup)
                self.buf.put(t.content, where[at], where[end - 1] + 1)
                pos = end
            elif kind in ("softbreak", "hardbreak"):
                at = _find(src, "\n", pos)
                self.buf.put(" ", where[at], where[at] + 1)
                pos = at + 1
            elif kind == "code_inline":
                pos = self._code(t, src, where, pos)
            elif kind in ("em_open", "em_close", "strong_open", "strong_close"):
                pos = _find(src, t.markup, pos) + len(t.markup)
            elif kind == "link_open" and t.markup == "autolink":
                # "<https://…>" was never prose here: the address is left out.
                at = _find(src, "<", pos)
                pos = _find(src, ">", at) + 1
                skip_autolink = True
            elif kind == "link_open":
                pos = _find(src, "[", pos) + 1
                link_from = self.buf.size
                link_open = t
            elif kind == "link_close":
                pos, raw = _skip_target(src, _find(src, "]", pos) + 1, self.references)
                if link_from is not None:
                    href = raw if raw is not None else str(link_open.attrs.get("href") or "")
                    if href:
                        self.links.append((self.buf.text()[link_from:], href))
                link_from = None
            elif kind == "image":
                # The alt text reads as prose, as it did before; it is no link.
                at = _find(src, "![", pos)
                alt_at = _find(src, t.content, at + 2)
                self._walk(t.children or [], src, where, alt_at)
                pos, _raw = _skip_target(
                    src, _find(src, "]", alt_at + len(t.content)) + 1, self.references
                )
            elif kind == "html_inline":
                at = _find(src, t.content, pos)
                pos = at + len(t.content)
                pins = [m.group(1) for m in PIN_RE.finditer(t.content)]
                if pins:
                    # A pin applies to what follows it: that starts a paragraph.
                    self.flush()
                    self.pins.extend(pins)
        return pos

    def _code(self, t: Any, src: str, where: array[int], pos: int) -> int:
        """A code span's text is prose as written (a product name, a command);
        only its backticks are markup.  markdown-it-py strips one space at each
        end and reads line breaks as spaces, which keeps the length."""
        at = _find(src, t.markup, pos) + len(t.markup)
        inner = t.content
        if src[at : at + len(inner)].replace("\n", " ") != inner:
            at += 1  # the space (or line break) stripped at each end
        self.buf.same(inner, where, at)
        return _find(src, t.markup, at + len(inner)) + len(t.markup)


def _find(src: str, s: str, pos: int) -> int:
    """Where ``s`` is written at or after ``pos``; ``pos`` if it is not (which
    the parser's own output makes impossible short of a bug: the text then
    points near, not at, its source)."""
    at = src.find(s, pos) if s else pos
    return at if at >= 0 else min(pos, max(len(src) - len(s), 0))


def _skip_target(src: str, pos: int, references: dict[str, Any]) -> tuple[int, str | None]:
    """After a link's "]": skip ``(destination "title")``, or ``[label]`` when it
    names a reference (``[]`` too; any other bracket is text after a shortcut
    link); the destination as written (escapes and entities decoded, no
    percent-encoding), or None for a reference link."""
    from markdown_it.common.utils import normalizeReference
    from markdown_it.helpers import parseLinkDestination, parseLinkTitle

    n = len(src)
    if pos < n and src[pos] == "(":
        p = _skip_space(src, pos + 1)
        dest = parseLinkDestination(src, p, n)
        raw = None
        if dest.ok:
            raw = dest.str
            p = _skip_space(src, dest.pos)
            title = parseLinkTitle(src, p, n)
            if title.ok:
                p = _skip_space(src, title.pos)
        if p < n and src[p] == ")":
            return p + 1, raw
        return pos, None
    if pos < n and src[pos] == "[":
        close = src.find("]", pos + 1)
        label = src[pos + 1 : close]
        if (
            close >= 0
            and "[" not in label
            and (not label or normalizeReference(label) in references)
        ):
            return close + 1, None
    return pos, None


def _skip_space(src: str, p: int) -> int:
    while p < len(src) and src[p] in " \t\n":
        p += 1
    return p


def code_block_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that CommonMark reads as code blocks, fenced or
    indented, whole lines each: what the reader leaves out, so that
    ``suppress`` takes a comment there for an example, not a directive.

    >>> text = "Intro.\\n\\n    <!-- x -->\\n\\n```\\ny\\n```\\nEnd.\\n"
    >>> [text[a:b] for a, b in code_block_spans(text)]
    ['    <!-- x -->\\n', '```\\ny\\n```\\n']
    """
    _front, body = split_front_matter(text)
    norm, back = _normalize(body, len(text) - len(body))
    starts = [0, *(m.end() for m in re.finditer("\n", norm))]
    out = []
    for t in _parser().parse(norm):
        if t.type in ("fence", "code_block") and t.map:
            first, end = t.map
            a = starts[first] if first < len(starts) else len(norm)
            b = starts[end] if end < len(starts) else len(norm)
            out.append((back[a], back[b]))
    return out
