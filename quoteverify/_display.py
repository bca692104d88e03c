"""Untrusted text made safe to print: terminals, CI log lines, Markdown, JSON.

Article text, file names, URLs chosen by servers and source titles all reach
reports.  A terminal obeys escape sequences (ESC, OSC, the 8-bit C1 controls), a
CI runner obeys any log line that starts with ``::`` (GitHub workflow commands),
and bidi overrides make a line read differently from what it holds.  Every
renderer passes untrusted strings through one of these functions; ordinary text
comes out unchanged, so reports of normal articles keep their bytes.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, bidi embeddings/overrides/isolates and marks, and the
# Unicode line/paragraph separators (which some viewers break lines on).
_UNSAFE = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
UNSAFE_RE = re.compile(f"[{_UNSAFE}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """Controls shown as visible escapes (``\\x1b``, ``\\u202e``), never emitted.

    Escaped rather than dropped: a reader of the report sees that the article
    held an escape sequence, and two different hostile strings stay different.
    """
    if not UNSAFE_RE.search(text):
        return text
    return UNSAFE_RE.sub(lambda m: _escape_char(m.group(0)), text)


def safe_line(text: str) -> str:
    """One printable line: whitespace runs (line breaks included) collapsed, then
    whatever control is left escaped."""
    return escape_controls(" ".join(text.split()))


def _needs_quotes(text: str) -> bool:
    stripped = text.lstrip()
    return (
        text != stripped
        or text != text.rstrip()
        or stripped.startswith(("::", '"', "##["))
        or UNSAFE_RE.search(text) is not None
        or text == ""
    )


def display_path(path: str) -> str:
    """A file name or URL as printed at the start of a log line.

    Shown as written unless it could be read as something else: one holding a
    control character or a line break, starting with ``::`` (a GitHub workflow
    command), ``##[`` (an Azure Pipelines logging command) or a quote, or with
    blanks at either end is printed double-quoted with backslash escapes, so the
    line it starts is still ours.
    """
    if not _needs_quotes(path):
        return path
    body = path.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + UNSAFE_RE.sub(lambda m: _escape_char(m.group(0)), body) + '"'


# For JSON: json.dumps(ensure_ascii=False) escapes C0 controls but writes C1
# controls, bidi overrides and U+2028/2029 raw; as \\u escapes they are the
# same JSON value and cannot act on a terminal that displays the document.
_JSON_RAW_RE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def json_text(dumped: str) -> str:
    """``dumped`` (the output of ``json.dumps``) with the raw controls it left as
    ``\\uXXXX`` escapes: the same JSON value, inert on a terminal."""
    if not _JSON_RAW_RE.search(dumped):
        return dumped
    return _JSON_RAW_RE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", dumped)


def code_span(text: str) -> str:
    """``text`` as a Markdown code span that nothing in it can close.

    CommonMark ends a code span at a backtick run as long as the opening one, so
    the fence is one backtick longer than the longest run inside; a space pads
    content that starts or ends with a backtick (the parser strips one).
    """
    text = safe_line(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"
