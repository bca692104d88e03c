"""Suppression comments and attributes in an article file, for ``quoteverify check``.

Three forms, all in the file as written (offsets index the original text, the
same text ``position.locate_quotes`` places quotes in):

``<!-- quoteverify-disable-next-line REASON -->``
    Covers the rest of the comment's own line and the next line with text on
    it: blank lines, comment-only lines (such as a ``quoteverify-source`` pin)
    and, in HTML and Markdown, tag-only lines (``<blockquote>``) are skipped.

``<!-- quoteverify-disable REASON -->`` … ``<!-- quoteverify-enable -->``
    Covers everything between the two comments; without an ``enable`` it runs
    to the end of the file.  ``enable`` takes no reason; ranges do not nest.

``data-quoteverify-ignore="REASON"`` on an HTML element (in HTML files, and in
    raw HTML inside Markdown)
    Covers the element from its start tag to the end of its end tag (or to
    where the HTML parser would have closed it implicitly).

Each can name the verdicts it is for, before the reason and a ``--`` (or ``:``)
separator: ``<!-- quoteverify-disable-next-line diverged -- sic, per the
transcript -->``, ``data-quoteverify-ignore="minor, elided: house style"``.  Such
a suppression hides findings of those verdicts only, so a quote that gets worse
(a stitched quote where a diverged one was accepted) is reported again.  A
misspelt verdict name is a problem, not a reason (``diverge`` never widens the
suppression to every verdict), and so is a verdict name with no reason.

The comments work in all three formats (a ``.txt`` article can carry them as it
can carry pins); the attribute only where HTML is parsed.  Directive names are
case-insensitive; "-- ", ": " before a reason are dropped.  A quote is suppressed
when its *start* lies inside a suppression.

The reason is required: a suppression without one suppresses nothing and is
reported as a problem, as is any unknown ``quoteverify-…`` directive or
``data-quoteverify-…`` attribute, so a typo never silently hides or un-hides a
finding.  Comments in Markdown code blocks (fenced or indented) and code spans
are examples, not directives.  ``<!-- quoteverify-source URL -->`` pins a source (see
``_decode.PIN_RE``); it is known here only so it is not called unknown (without a
URL it is a problem: it pins nothing).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import get_close_matches
from html.parser import HTMLParser
from typing import Literal

from .models import FINDING_VERDICTS, ArticleFormat
from .position import LineIndex

__all__ = [
    "DISABLE",
    "DISABLE_NEXT_LINE",
    "ENABLE",
    "IGNORE_ATTRIBUTE",
    "SOURCE",
    "VERDICT_NAMES",
    "Suppression",
    "SuppressionKind",
    "find_suppressions",
    "suppression_for",
]

SuppressionKind = Literal["next-line", "range", "attribute"]


@dataclass(frozen=True)
class Suppression:
    start: int  # offsets in the original text covered, end exclusive
    end: int
    reason: str
    kind: SuppressionKind
    line: int  # 1-based line of the comment or of the element's start tag
    # The verdicts it hides; empty: every verdict.
    verdicts: frozenset[str] = frozenset()

    def covers(self, verdict: str | None) -> bool:
        return not self.verdicts or verdict in self.verdicts

    def describe(self) -> str:
        """How a report names it: ``quoteverify-disable-next-line diverged``."""
        name = {"next-line": DISABLE_NEXT_LINE, "range": DISABLE}.get(self.kind, IGNORE_ATTRIBUTE)
        return " ".join([name, ",".join(sorted(self.verdicts))]).strip()


DISABLE_NEXT_LINE = "quoteverify-disable-next-line"
DISABLE = "quoteverify-disable"
ENABLE = "quoteverify-enable"
SOURCE = "quoteverify-source"
_DIRECTIVES = (DISABLE_NEXT_LINE, DISABLE, ENABLE, SOURCE)
IGNORE_ATTRIBUTE = "data-quoteverify-ignore"

_COMMENT_RE = re.compile(r"<!--(.*?)(?:-->|\Z)", re.S)
# "quoteverify" then hyphenated words: "quoteverify-disable-next-line".  A "--"
# ends the name, so "quoteverify-disable -- reason" reads as name plus reason.
_DIRECTIVE_RE = re.compile(r"\s*(quoteverify(?:-[A-Za-z]+)*)(?![A-Za-z])(.*)\Z", re.S | re.I)
_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>")
# The verdicts a suppression names: words separated by commas, then a separator.
_NAMED_RE = re.compile(
    r"\s*([A-Za-z][A-Za-z_-]*(?:\s*,\s*[A-Za-z][A-Za-z_-]*)*)\s*(?:--|—|–|:)(.*)\Z", re.S
)
# What a finding can be (verbatim never is one).
VERDICT_NAMES = FINDING_VERDICTS
_CODE_SPAN_RE = re.compile(r"(`+)[^`\n].*?\1", re.S)


def find_suppressions(original: str, fmt: ArticleFormat) -> tuple[list[Suppression], list[str]]:
    """Suppressions in ``original`` (in file order) and problems, each one line
    such as ``"line 12: quoteverify-disable-next-line needs a reason"``."""
    lines = LineIndex(original)
    # Every suppression names "quoteverify"; without it there is nothing to
    # find, so a Markdown file is not parsed a second time (the article loader
    # already parsed it) only to blank its code.
    wanted = "quoteverify" in original.lower()
    searchable = _blank_code(original) if fmt == "markdown" and wanted else original
    found: list[Suppression] = []
    problems: list[tuple[int, str]] = []
    # The disable awaiting its enable: (offset after it, its line, its reason,
    # its verdicts).  A reasonless one is tracked too, so that its enable is
    # not called stray.
    opened: tuple[int, int, str, frozenset[str]] | None = None
    for m in _COMMENT_RE.finditer(searchable):
        d = _DIRECTIVE_RE.match(m.group(1))
        if not d:
            continue
        line = lines.line_col(m.start())[0]
        name = d.group(1).lower()
        verdicts, reason, bad = _named(d.group(2))
        if bad:
            problems.append((line, bad))
            if name == DISABLE and opened is None:
                # Its enable is not stray: the range is there, only faulty.
                opened = (m.end(), line, "", frozenset())
            continue
        if name not in _DIRECTIVES:
            problems.append((line, _unknown(name, _DIRECTIVES, "directive")))
        elif name == SOURCE:
            # A pin (read by the article loader); one without a URL pins nothing.
            if not reason:
                problems.append((line, f"{SOURCE} needs a URL"))
        elif name == DISABLE_NEXT_LINE:
            if not reason:
                problems.append((line, f"{DISABLE_NEXT_LINE} needs a reason"))
            else:
                end = _next_content_line_end(searchable, lines, m.end(), markup=fmt != "text")
                found.append(Suppression(m.end(), end, reason, "next-line", line, verdicts))
        elif name == DISABLE:
            if opened is not None:
                # Ranges do not nest: the first disable holds until the enable.
                problems.append(
                    (line, f"{DISABLE} inside the range disabled on line {opened[1]} is ignored")
                )
                continue
            if not reason:
                problems.append((line, f"{DISABLE} needs a reason"))
            opened = (m.end(), line, reason, verdicts)
        elif name == ENABLE:
            if opened is None:
                problems.append((line, f"{ENABLE} without a {DISABLE} before it"))
                continue
            start, at, why, named = opened
            if why:
                found.append(Suppression(start, m.start(), why, "range", at, named))
            opened = None
    if opened is not None and opened[2]:
        start, at, why, named = opened
        found.append(Suppression(start, len(original), why, "range", at, named))
    if fmt in ("html", "markdown") and "data-quoteverify" in searchable.lower():
        attrs, attr_problems = _attribute_suppressions(searchable, lines)
        found.extend(attrs)
        problems.extend(attr_problems)
    found.sort(key=lambda s: (s.start, s.end))
    problems.sort(key=lambda p: p[0])
    return found, [f"line {line}: {text}" for line, text in problems]


def suppression_for(
    suppressions: Iterable[Suppression], start: int, end: int, verdict: str | None = None
) -> Suppression | None:
    """The suppression covering a quote located at ``[start, end)`` in the
    original, if any: the first one whose span contains the quote's start and
    that is for ``verdict`` (or for every verdict)."""
    del end  # a quote belongs to where it starts, whatever its length
    for s in suppressions:
        if s.start <= start < s.end and s.covers(verdict):
            return s
    return None


def _named(rest: str) -> tuple[frozenset[str], str, str | None]:
    """(verdicts named, reason, problem) of a suppression's text after its name."""
    m = _NAMED_RE.match(rest)
    words = [w.strip() for w in m.group(1).split(",")] if m else []
    if not m:
        # No separator: a verdict name alone is a suppression without a reason
        # (the user meant to name the verdict), anything else is the reason.
        alone = rest.strip().lower().replace("-", "_")
        if alone in VERDICT_NAMES:
            return frozenset(), "", f"a reason must follow the verdict: {alone} -- REASON"
        return frozenset(), _reason(rest), None
    names = [w.lower().replace("-", "_") for w in words]
    if all(n in VERDICT_NAMES for n in names):
        return frozenset(names), _reason(m.group(2)), None
    for w, n in zip(words, names, strict=True):
        close = get_close_matches(n, VERDICT_NAMES, n=1, cutoff=0.75)
        if n not in VERDICT_NAMES and close:
            # "diverge -- reason" read as a reason would hide every verdict.
            return frozenset(), "", f"unknown verdict {w} (did you mean {close[0]}?)"
    return frozenset(), _reason(rest), None


def _reason(rest: str) -> str:
    # "-- reason", ": reason" and "— reason" are common ways to set a reason off.
    return " ".join(rest.split()).lstrip("-:—– ").strip()


def _unknown(name: str, known: Iterable[str], what: str) -> str:
    choices = [k for k in known if k != SOURCE]
    # A bare "quoteverify" is not a typo of any one directive: list them all.
    close = get_close_matches(name, choices, n=1, cutoff=0.8) if "-" in name else []
    if close:
        return f"unknown {what} {name} (did you mean {close[0]}?)"
    if len(choices) == 1:
        return f"unknown {what} {name} (expected {choices[0]})"
    return f"unknown {what} {name} (expected {', '.join(choices[:-1])} or {choices[-1]})"


def _next_content_line_end(text: str, lines: LineIndex, after: int, *, markup: bool) -> int:
    """End of the first line after the one holding ``after`` with text on it once
    comments (and, in HTML and Markdown, tags: a lone ``<blockquote>`` line holds
    no quote) are removed; the end of the file if there is none."""
    line = lines.line_col(after)[0]
    while line < len(lines.starts):
        a = lines.starts[line]
        b = lines.starts[line + 1] - 1 if line + 1 < len(lines.starts) else len(text)
        content = _COMMENT_RE.sub("", text[a:b])
        if markup:
            content = _TAG_RE.sub("", content)
        if content.strip():
            return b
        line += 1
    return len(text)


def _blank_code(text: str) -> str:
    """Markdown with code blocks (fenced or indented, as the article reader reads
    them) and code spans replaced by spaces of the same length (newlines kept),
    so offsets and lines stay true."""
    from ._markdown_reader import code_block_spans

    out = list(text)

    def blank(a: int, b: int) -> None:
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = " "

    for a, b in code_block_spans(text):
        blank(a, b)
    blanked = "".join(out)
    for m in _CODE_SPAN_RE.finditer(blanked):
        blank(m.start(), m.end())
    return "".join(out)


# ---------------------------------------------------------------- HTML attribute

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Start tags that close an open <p> (the HTML parsing algorithm's list, trimmed).
_CLOSES_P = frozenset(
    "address article aside blockquote details dialog div dl fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section "
    "table ul".split()
)
# tag → start tags that end it implicitly when it is the current element.
_IMPLIED_END: dict[str, frozenset[str]] = {
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "option": frozenset({"option", "optgroup"}),
    "tr": frozenset({"tr"}),
    "td": frozenset({"td", "th", "tr"}),
    "th": frozenset({"td", "th", "tr"}),
}
# An end tag of these closes what was implicitly left open inside them (an
# unclosed <li> at </ul>): handled by popping down to the matching start tag.


@dataclass
class _Open:
    tag: str
    start: int
    line: int
    reason: str | None  # None: no ignore attribute
    verdicts: frozenset[str] = frozenset()


class _AttributeParser(HTMLParser):
    def __init__(self, text: str, lines: LineIndex) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.lines = lines
        self.stack: list[_Open] = []
        self.found: list[Suppression] = []
        self.problems: list[tuple[int, str]] = []
        self.verdicts: frozenset[str] = frozenset()  # of the last attribute read

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines.line_start(line) + col

    def _close(self, depth: int, at: int) -> None:
        """Close every open element from ``depth`` up, ending at offset ``at``."""
        while len(self.stack) > depth:
            el = self.stack.pop()
            if el.reason:
                self.found.append(
                    Suppression(el.start, at, el.reason, "attribute", el.line, el.verdicts)
                )

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        line = self.getpos()[0]
        while self.stack:
            top = self.stack[-1].tag
            if (top == "p" and tag in _CLOSES_P) or tag in _IMPLIED_END.get(top, ()):
                self._close(len(self.stack) - 1, start)
            else:
                break
        reason = self._reason(attrs, line)
        if tag in _VOID:
            if reason:
                end = start + len(self.get_starttag_text() or "")
                self.found.append(Suppression(start, end, reason, "attribute", line, self.verdicts))
            return
        self.stack.append(_Open(tag, start, line, reason, self.verdicts if reason else frozenset()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        line = self.getpos()[0]
        reason = self._reason(attrs, line)
        if reason:
            end = start + len(self.get_starttag_text() or "")
            self.found.append(Suppression(start, end, reason, "attribute", line, self.verdicts))

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        close = self.text.find(">", start)
        end = len(self.text) if close < 0 else close + 1
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].tag == tag:
                # Children left open end where their parent's end tag starts;
                # the parent itself ends after its end tag.
                self._close(depth + 1, start)
                self._close(depth, end)
                return
        # A stray end tag (</p> with no <p>) closes nothing.

    def finish(self) -> None:
        self._close(0, len(self.text))

    def _reason(self, attrs: list[tuple[str, str | None]], line: int) -> str | None:
        reason = None
        self.verdicts = frozenset()
        for name, value in attrs:
            if not name.startswith("data-quoteverify"):
                continue
            if name != IGNORE_ATTRIBUTE:
                self.problems.append((line, _unknown(name, (IGNORE_ATTRIBUTE,), "attribute")))
                continue
            verdicts, why, bad = _named(value or "")
            if bad:
                self.problems.append((line, bad))
            elif not why:
                self.problems.append((line, f"{IGNORE_ATTRIBUTE} needs a reason"))
            else:
                reason = why
                self.verdicts = verdicts
        return reason


def _attribute_suppressions(
    text: str, lines: LineIndex
) -> tuple[list[Suppression], list[tuple[int, str]]]:
    parser = _AttributeParser(text, lines)
    try:
        parser.feed(text)
        parser.close()
    except AssertionError:
        # _markupbase gives up on some malformed declarations ("<![foo"): keep
        # what was read up to there rather than fail the whole check.
        pass
    parser.finish()
    return parser.found, parser.problems
