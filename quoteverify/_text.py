"""Bytes → plain text for the three document formats (HTML, Markdown, text).

Shared by the article loader and the sources stage.  Pure functions: the caller
has already read the bytes from a file or the network.
"""

from __future__ import annotations

import codecs
import functools
import html
import re
from dataclasses import dataclass, field
from typing import Any

from .models import ArticleFormat as Format


class NotText(ValueError):
    """The bytes are not a text document (binary, or undecodable)."""


@dataclass(frozen=True)
class Document:
    text: str
    format: Format
    title: str | None = None
    headings: tuple[tuple[int, int], ...] = ()
    front_matter: dict[str, Any] = field(default_factory=dict)
    # (anchor text, href, start, end): start/end index ``text``, -1 when the
    # anchor text could not be located.
    links: tuple[tuple[str, str, int, int], ...] = ()
    pins: tuple[tuple[int, str], ...] = ()  # (offset in text, URL)
    warnings: tuple[str, ...] = ()  # what decoding had to repair


# <!-- quoteverify-source https://example.org/transcript --> pins a source for
# the next quotation; it works the same in Markdown and HTML.
PIN_RE = re.compile(r"<!--\s*quoteverify-source\s+(\S+?)\s*-->")


def find_pins(text: str) -> tuple[tuple[int, str], ...]:
    """Pins in a text kept unchanged (a .txt article): the offset is the comment's end."""
    return tuple((m.end(), m.group(1)) for m in PIN_RE.finditer(text))


def media_type(content_type: str | None) -> str:
    """``text/html`` of ``Text/HTML; charset=utf-8``; "" when there is none."""
    return (content_type or "").split(";")[0].strip().lower()


def guess_format(name: str, content_type: str | None, data: bytes) -> Format:
    """Decide the format from the Content-Type, then the file name, then a sniff."""
    ctype = media_type(content_type)
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if ctype in ("text/markdown", "text/x-markdown"):
        return "markdown"
    lower = name.lower().split("?")[0]
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    if lower.endswith(".txt") or ctype == "text/plain":
        return "text"
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"---\n") or head.startswith(b"---\r\n"):
        return "markdown"
    return "text"


_CHARSET_RE = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.I)


def decode(data: bytes, declared: str | None = None, *, html: bool = False) -> str:
    """Decode bytes to text, refusing binary content (see ``decode_checked``)."""
    return decode_checked(data, declared, html=html)[0]


def decode_checked(
    data: bytes, declared: str | None = None, *, html: bool = False
) -> tuple[str, str | None]:
    """Decode bytes to text, refusing binary content; also say what was repaired.

    Order of trust: a byte-order mark, the charset the server declared, a
    ``<meta charset>`` in HTML, strict UTF-8, mostly-valid UTF-8, then charset
    detection.  Decoding a page served without a charset as Latin-1 would turn
    its curly quotes into mojibake ("â€œ"), which no alignment could then match;
    so would a guess made because of one stray byte in a UTF-8 file, which hid
    every quotation of the article.  Such bytes become U+FFFD and the second
    value says how many there were.
    """
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise NotText("binary content, not text")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), None
    candidates: list[str] = []
    if declared:
        candidates.append(declared)
    if html:
        m = _CHARSET_RE.search(data[:4096])
        if m:
            candidates.append(m.group(1).decode("ascii", "ignore"))
    candidates.append("utf-8")
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
        return _reject_binary(text), None
    repaired = _mostly_utf8(data)
    if repaired is not None:
        return _reject_binary(repaired[0]), repaired[1]
    from charset_normalizer import from_bytes  # installed with httpx/trafilatura

    best = from_bytes(data).best()
    if best is None:
        raise NotText("undecodable bytes: not a text document")
    return _reject_binary(str(best)), None


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with replacement when the bytes are UTF-8 but for a few bad ones.

    "Mostly": it has multi-byte characters that decode, and no more than four
    invalid sequences for each.  A Latin-1 or Windows-1252 file has next to no
    valid multi-byte sequence (its accented letters and curly quotes are lone
    high bytes) and is left to charset detection.  When in doubt UTF-8 wins:
    it loses the bad bytes, with a warning, where a wrong guess garbles every
    curly quote and the article's quotations with them.
    """
    text = data.decode("utf-8", errors="replace")
    genuine = data.count("\ufffd".encode())  # U+FFFD really in the file
    bad = text.count("\ufffd") - genuine
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    valid = non_ascii - bad
    if bad <= 0 or valid <= 0 or bad > 4 * valid:
        return None
    where = text.index("\ufffd") if genuine == 0 else None
    at = f", the first at character {where}" if where is not None else ""
    return text, (
        f"{bad} invalid UTF-8 byte sequence{'s' if bad > 1 else ''}{at}: "
        "read as UTF-8 with U+FFFD in their place"
    )


# Control characters other than tab, newline, carriage return and form feed.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _reject_binary(text: str) -> str:
    sample = text[:8192]
    if sample:
        # One regex pass, not a Python loop per character (issue 15).
        controls = len(_CONTROLS.findall(sample))
        if controls / len(sample) > 0.05:
            raise NotText("binary content, not text")
    return text


# ---------------------------------------------------------------- Markdown

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
# The closing "#"s and blanks are stripped after the match: a lazy group before
# "[ \t#]*$" rescans the line's tail at every position (quadratic on long lines).
_MD_HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*)$")
_MD_SETEXT_RE = re.compile(r"^(=+|-+)[ \t]*$")
# [text](url "title") and ![alt](src): keep the visible text only.  The text
# holds no "[" (as in CommonMark, "[a [b](u)" links only "b"): a "[" that never
# closes must not make every later "[" rescan the line, which was quadratic.
MD_LINK_RE = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
MD_REF_LINK_RE = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
MD_LINKDEF_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
# Emphasis markers around words: **Name:** “…” → Name: “…”.  Underscores only at
# word edges, so snake_case and URLs survive.
MD_EMPH_RE = re.compile(r"(\*{1,3}|(?<![\w])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\w]))")
MD_BLOCKQUOTE_RE = re.compile(r"^\s{0,3}(?:>\s?)+")
MD_LIST_RE = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
# A backslash before ASCII punctuation escapes it (CommonMark): the backslash is
# not text.  Entities need their ";" (CommonMark), so "AT&T" stays as written.
MD_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
MD_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Four columns of indentation start an indented code block (a tab counts as four).
_MD_INDENT_RE = re.compile(r"^(?: {4}| {0,3}\t)")
_MD_FENCE_PREFIXES = ("```", "~~~")
# An escaped character is kept under a private-use stand-in while the inline
# markup is removed, so "\*" or "\[" is never read as markup.
_ESC_BASE = 0xE100
_ESC_BACK_RE = re.compile("[\ue100-\ue17f]")


def markdown_code_lines(lines: list[str]) -> list[bool]:
    """Which lines belong to code: fence lines and the lines between them, and
    indented code blocks (four columns in, not continuing a paragraph or a list
    item).  Shared by ``markdown_to_document`` and ``locate`` so both skip the
    same lines.  Trailing line breaks in ``lines`` are ignored."""
    out: list[bool] = []
    in_fence = False
    para_open = False  # an indented line right after text continues that paragraph
    in_list = False  # indented lines after a list item belong to the item
    after_blank = True
    for raw in lines:
        line = raw.rstrip("\r\n")
        if line.lstrip().startswith(_MD_FENCE_PREFIXES):
            in_fence = not in_fence
            para_open = False
            out.append(True)
            continue
        if in_fence:
            out.append(True)
            continue
        if not line.strip():
            para_open = False
            after_blank = True
            out.append(False)
            continue
        indented = _MD_INDENT_RE.match(line) is not None
        if indented and not para_open and not in_list:
            out.append(True)
            continue
        if MD_LIST_RE.match(line):
            in_list = True
        elif after_blank and not indented:
            in_list = False
        para_open = _MD_HEADING_RE.match(line) is None
        after_blank = False
        out.append(False)
    return out


def comment_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the closed ``<!-- … -->`` comments, as ``<!--.*?-->`` finds them.

    In linear time: the regex retries every later ``<!--`` when one never
    closes, and each retry scans to the end of the text.  Once no ``-->``
    follows, none can close a later comment either.
    """
    out = []
    i = text.find("<!--")
    while i >= 0:
        j = text.find("-->", i + 4)
        if j < 0:
            break
        out.append((i, j + 3))
        i = text.find("<!--", j + 3)
    return out


def tag_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``<…>`` on one line, exactly as ``<[^>\\n]+>`` finds them, in
    linear time: a "<" with no ">" before the line's end would make the regex
    rescan that line from every later "<"."""
    out = []
    n = len(text)
    i = text.find("<")
    next_gt = -1  # the first ">" at or after the scan position, cached
    next_nl = -1
    while 0 <= i < n:
        if next_gt != n and next_gt <= i:
            next_gt = text.find(">", i + 1)
            next_gt = n if next_gt < 0 else next_gt
        if next_nl != n and next_nl <= i:
            next_nl = text.find("\n", i + 1)
            next_nl = n if next_nl < 0 else next_nl
        if next_gt < next_nl and next_gt > i + 1:
            out.append((i, next_gt + 1))
            i = text.find("<", next_gt + 1)
        else:
            # No tag starts here; the next candidate is the next "<".
            i = text.find("<", i + 1)
    return out


def _drop_spans(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts = []
    pos = 0
    for a, b in spans:
        parts.append(text[pos:a])
        pos = b
    parts.append(text[pos:])
    return "".join(parts)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Return (front matter, body).  Bad YAML is ignored rather than fatal: the
    article is still worth checking, and the body starts after the fence."""
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return {}, text
    import yaml

    try:
        data = _load_yaml_without_aliases(m.group(1))
    except _AliasRefused as exc:
        raise NotText(str(exc)) from None
    except (yaml.YAMLError, RecursionError):
        # RecursionError: a flow sequence nested thousands deep.
        data = None
    return (data if isinstance(data, dict) else {}), text[m.end() :]


class _AliasRefused(Exception):
    pass


def _load_yaml_without_aliases(text: str) -> Any:
    """Safe-load ``text``, refusing anchors and aliases (see ``_no_alias_loader``).

    With libyaml, the C parser's events are checked first and the C safe loader
    then builds the data: ~10× faster than the pure-Python loader, which matters
    when ``library add`` reads thousands of transcripts' front matter.
    """
    import yaml

    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None:
        return yaml.load(text, Loader=_no_alias_loader())  # noqa: S506 - a SafeLoader
    if "*" not in text and "&" not in text:
        # No alias or anchor can be written without one of these characters:
        # the event pass (a Python loop) is skipped for the common front matter.
        return yaml.load(text, Loader=fast)  # noqa: S506 - the C *safe* loader
    for event in yaml.parse(text, Loader=fast):
        if isinstance(event, yaml.AliasEvent):
            raise _AliasRefused("front matter uses a YAML alias (*name): refused")
        if getattr(event, "anchor", None) is not None:
            raise _AliasRefused("front matter uses a YAML anchor (&name): refused")
    return yaml.load(text, Loader=fast)  # noqa: S506 - the C *safe* loader


@functools.cache
def _no_alias_loader() -> type:
    """A SafeLoader that refuses anchors and aliases.

    Nine nested aliases of nine items each ("billion laughs") fit in 500 bytes
    and expand to 10^9 strings; front matter never needs them, so refusing
    them is simpler and safer than counting the expansion.
    """
    import yaml

    class NoAliasLoader(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                raise _AliasRefused("front matter uses a YAML alias (*name): refused")
            event = self.peek_event()
            if getattr(event, "anchor", None) is not None:
                raise _AliasRefused("front matter uses a YAML anchor (&name): refused")
            return super().compose_node(parent, index)

    return NoAliasLoader


def markdown_to_document(text: str) -> Document:
    """Markdown → prose: front matter read, not treated as text; markup removed;
    hard-wrapped lines of a paragraph joined, paragraphs separated by a blank line.
    """
    front, body = split_front_matter(text)
    # A pin becomes a marker line so that it lands before the next paragraph.
    body = PIN_RE.sub(lambda m: f"\n\n{_PIN_MARK}{m.group(1)}\n\n", body)
    body = _drop_spans(body, comment_spans(body))
    paragraphs: list[_Para] = []
    current: list[str] = []
    links: list[tuple[str, str]] = []
    pins: list[str] = []

    def emit(text: str, heading: bool) -> None:
        # A paragraph takes the links and pins gathered since the last one.
        paragraphs.append(_Para(text, heading, list(links), list(pins)))
        links.clear()
        pins.clear()

    def flush() -> None:
        if current:
            emit(" ".join(current), False)
            current.clear()

    lines = body.splitlines()
    for raw, is_code in zip(lines, markdown_code_lines(lines), strict=True):
        if is_code:
            flush()
            continue
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        if line.startswith(_PIN_MARK):
            flush()
            pins.append(line[len(_PIN_MARK) :].strip())
            continue
        if MD_LINKDEF_RE.match(line):
            continue
        h = _MD_HEADING_RE.match(line)
        if h:
            flush()
            emit(_inline(h.group(2).rstrip(" \t#"), links), True)
            continue
        if _MD_SETEXT_RE.match(line) and len(current) == 1:
            # "Title\n=====": the line before was a heading.
            emit(current.pop(), True)
            continue
        if MD_LIST_RE.match(line):
            flush()
            line = MD_LIST_RE.sub("", line)
        line = MD_BLOCKQUOTE_RE.sub("", line)
        if line.strip():
            current.append(_inline(line.strip(), links))
    flush()
    return _assemble(paragraphs, "markdown", front)


_PIN_MARK = "\ue000quoteverify-pin "


@dataclass
class _Para:
    text: str
    heading: bool
    links: list[tuple[str, str]] = field(default_factory=list)  # (anchor, href)
    pins: list[str] = field(default_factory=list)


def _inline(s: str, links: list[tuple[str, str]] | None = None) -> str:
    s = MD_ESCAPE_RE.sub(lambda m: chr(_ESC_BASE + ord(m.group(1))), s)
    if links is not None:
        for m in MD_LINK_RE.finditer(s):
            if not m.group(0).startswith("!"):
                href = re.search(r"\]\(\s*<?([^\s)>]+)", m.group(0))
                if href:
                    links.append((_inline(m.group(1)), _unescape_md(href.group(1))))
    s = MD_LINK_RE.sub(r"\1", s)
    s = MD_REF_LINK_RE.sub(r"\1", s)
    s = re.sub(r"`([^`]*)`", r"\1", s)
    s = MD_EMPH_RE.sub("", s)
    return _unescape_md(_drop_spans(s, tag_spans(s)))


def _unescape_md(s: str) -> str:
    """Decode entities, then put escaped characters back (without backslash)."""
    s = MD_ENTITY_RE.sub(lambda m: html_unescape(m.group(0)), s)
    return _ESC_BACK_RE.sub(lambda m: chr(ord(m.group(0)) - _ESC_BASE), s)


def html_unescape(token: str) -> str:
    """``html.unescape`` of one reference; U+FFFD for a number it refuses."""
    try:
        return html.unescape(token)
    except ValueError:
        return "\ufffd"


def _assemble(paragraphs: list[_Para], fmt: Format, front: dict[str, Any]) -> Document:
    parts: list[str] = []
    headings: list[tuple[int, int]] = []
    links: list[tuple[str, str, int, int]] = []
    pins: list[tuple[int, str]] = []
    carried: list[str] = []
    pos = 0
    title = None
    for para in paragraphs:
        text = re.sub(r"\s+", " ", para.text).strip()
        carried.extend(para.pins)
        if not text:
            continue
        if parts:
            pos += 2
        pins.extend((pos, url) for url in carried)
        carried.clear()
        if para.heading:
            headings.append((pos, pos + len(text)))
            title = title or text
        cursor = 0
        for anchor, href in para.links:
            anchor = " ".join(anchor.split())
            at = text.find(anchor, cursor) if anchor else -1
            if at < 0:
                links.append((anchor, href, -1, -1))
            else:
                links.append((anchor, href, pos + at, pos + at + len(anchor)))
                cursor = at + len(anchor)
        parts.append(text)
        pos += len(text)
    fm_title = front.get("title")
    return Document(
        text="\n\n".join(parts),
        format=fmt,
        title=str(fm_title) if fm_title else title,
        headings=tuple(headings),
        front_matter=front,
        links=tuple(links),
        pins=tuple(pins),
    )


# ---------------------------------------------------------------- HTML

_OPEN_MARKS = "“\"«„‘'‹「"
_MAX_HTML_DEPTH = 2048  # libxml2's limit with huge_tree


def html_to_document(
    data: bytes, declared_charset: str | None = None, *, mark_blockquotes: bool = False
) -> Document:
    """HTML → prose through trafilatura, keeping headings and block quotes.

    The tree is fixed up first because trafilatura drops what matters here:
    ``<figure>`` (pull quotes vanish), the text inside ``<time>``, and the marks of
    ``<q>``.  Never ``deduplicate=True``: its cache is process-wide and the same
    page comes back empty after a few extractions.
    """
    import lxml.html
    import trafilatura

    text, repaired = decode_checked(data, declared_charset, html=True)
    if not text.strip():
        return Document(text="", format="html")
    # libxml2 stops reading at 256 nested elements unless told otherwise, and
    # the rest of the page (its quotations too) silently vanished.
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (ValueError, lxml.etree.ParserError):
        return Document(text="", format="html")
    if any("Excessive depth" in e.message for e in parser.error_log):
        raise NotText(
            f"HTML nested deeper than {_MAX_HTML_DEPTH} elements: "
            "the rest of the page cannot be read"
        )
    html_title = None
    title_el = tree.find(".//title")
    if title_el is not None and title_el.text_content().strip():
        html_title = re.sub(r"\s+", " ", title_el.text_content()).strip()
    raw_links, raw_pins = _links_and_pins(tree)
    _prepare_tree(tree)
    doc = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        deduplicate=False,
        favor_recall=True,
    )
    paragraphs: list[_Para] = []
    body = getattr(doc, "body", None) if doc is not None else None
    if body is not None:
        _walk_body(body, paragraphs, mark_blockquotes)
    if not paragraphs:
        # Pages too small for trafilatura's heuristics: take the visible text.
        for el in tree.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "li"):
            paragraphs.append(_Para(el.text_content(), el.tag.startswith("h")))
    title = getattr(doc, "title", None) if doc is not None else None
    result = _assemble(paragraphs, "html", {})
    return Document(
        text=result.text,
        format="html",
        title=title or html_title or result.title,
        headings=result.headings,
        links=_locate_links(result.text, raw_links),
        pins=_locate_pins(result.text, raw_pins),
        warnings=(repaired,) if repaired else (),
    )


def _links_and_pins(tree: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    import lxml.etree

    links = []
    for a in tree.iter("a"):
        href = (a.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:", "mailto:", "tel:")):
            links.append((" ".join(a.text_content().split()), href))
    pins = []
    for comment in tree.iter(lxml.etree.Comment):
        m = PIN_RE.search(f"<!--{comment.text or ''}-->")
        if not m:
            continue
        # The pin applies to what follows the comment: remember its first words.
        following = (comment.tail or "").strip()
        sib = comment.getnext()
        while not following and sib is not None:
            following = " ".join(sib.text_content().split())
            sib = sib.getnext()
        pins.append((m.group(1), " ".join(following.split()[:8])))
    return links, pins


def _locate_links(text: str, raw: list[tuple[str, str]]) -> tuple[tuple[str, str, int, int], ...]:
    out = []
    cursor = 0
    for anchor, href in raw:
        at = text.find(anchor, cursor) if anchor else -1
        if at < 0 and anchor:
            at = text.find(anchor)
        if at < 0:
            out.append((anchor, href, -1, -1))
        else:
            out.append((anchor, href, at, at + len(anchor)))
            cursor = at + len(anchor)
    return tuple(out)


def _locate_pins(text: str, raw: list[tuple[str, str]]) -> tuple[tuple[int, str], ...]:
    out = []
    for url, following in raw:
        at = text.find(following) if following else -1
        out.append((at if at >= 0 else len(text), url))
    return tuple(sorted(out))


def _prepare_tree(tree: Any) -> None:
    import lxml.etree

    for el in list(tree.iter(lxml.etree.Comment)):
        el.drop_tree()
    for el in list(tree.iter("script", "style", "noscript", "template")):
        el.drop_tree()
    for el in list(tree.iter("time", "figure", "figcaption", "cite", "mark", "ins")):
        el.drop_tag()
    for el in list(tree.iter("del", "s")):
        # Struck-out text was not said in the published version.
        el.drop_tree()
    for el in list(tree.iter("q")):
        # <q> carries its marks in CSS; spell them out so the words stay a quote.
        el.text = "“" + (el.text or "")
        if len(el):
            last = el[-1]
            last.tail = (last.tail or "") + "”"
        else:
            el.text += "”"
        el.drop_tag()
    for el in list(tree.iter("br")):
        el.tail = "\n" + (el.tail or "")


def _walk_body(body: Any, out: list[_Para], mark_blockquotes: bool) -> None:
    for el in body:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("list", "table", "div") and len(el):
            _walk_body(el, out, mark_blockquotes)
            continue
        text = "".join(el.itertext())
        if tag == "quote" and mark_blockquotes:
            stripped = text.strip()
            # A block quote printed without marks is still a quotation: give it
            # marks so the extractor sees it (the offsets index this text anyway).
            if stripped and stripped[0] not in _OPEN_MARKS:
                text = "“" + stripped + "”"
        out.append(_Para(text, tag == "head"))


# ---------------------------------------------------------------- PDF

# "repre-\nsentatives" → "representatives": a hyphen at a line end followed by a
# lowercase letter is typesetting, not spelling.  "Biden-\nHarris" keeps its
# hyphen because the next letter is a capital.
_PDF_HYPHEN_RE = re.compile(r"(\w)-\n(?=[a-z])")
# Justified text leaves runs of spaces between words.
_PDF_SPACES_RE = re.compile(r"[ \t]{2,}")


def is_pdf(data: bytes, content_type: str | None = None) -> bool:
    return (
        data[:1024].lstrip().startswith(b"%PDF-") or media_type(content_type) == "application/pdf"
    )
