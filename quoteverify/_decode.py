"""Bytes → plain text for the three document formats (HTML, Markdown, text).

Shared by the article loader and the sources stage.  Pure functions: the caller
has already read the bytes from a file or the network.
"""

from __future__ import annotations

import codecs
import functools
import re
from array import array
from dataclasses import dataclass, field
from typing import Any

from .errors import SourceError
from .models import ArticleFormat as Format
from .models import OffsetMap


class NotText(SourceError, ValueError):
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
    offsets: OffsetMap | None = None  # ``text`` → ``original`` (Markdown)
    original: str | None = None  # the decoded document as written


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
# Every byte but those: deleted from the sample's UTF-8, the controls remain
# (each is one byte, and no byte of a multi-byte character is below 0x80).
_NOT_CONTROL = bytes(c for c in range(256) if not _CONTROLS.match(chr(c)))


def _reject_binary(text: str) -> str:
    sample = text[:8192]
    if sample:
        # One C pass, not a Python loop per character (issue 15), nor a
        # regular expression (``library add`` reads thousands of files).
        controls = len(sample.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL))
        if controls / len(sample) > 0.05:
            raise NotText("binary content, not text")
    return text


# ---------------------------------------------------------------- front matter

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


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


@dataclass
class Para:
    """One paragraph or heading on its way into a ``Document``."""

    text: str
    heading: bool
    links: list[tuple[str, str]] = field(default_factory=list)  # (anchor, href)
    pins: list[str] = field(default_factory=list)
    # Per character of ``text``, the span of the text as written it stands for
    # (Markdown); None where no such map is kept (HTML through trafilatura).
    spans: tuple[array[int], array[int]] | None = None


def assemble(
    paragraphs: list[Para], fmt: Format, front: dict[str, Any], *, mapped: bool = False
) -> Document:
    """Paragraphs → one text, blank lines between them, each paragraph's
    whitespace runs made one space; headings, links and pins placed in it.
    ``mapped``: every paragraph carries its spans, and the text gets an
    ``OffsetMap``."""
    parts: list[str] = []
    headings: list[tuple[int, int]] = []
    links: list[tuple[str, str, int, int]] = []
    pins: list[tuple[int, str]] = []
    carried: list[str] = []
    kept: list[Para] = []
    pos = 0
    title = None
    for para in paragraphs:
        text = _SPACES.sub(" ", para.text).strip()
        carried.extend(para.pins)
        if not text:
            continue
        if parts:
            pos += 2
        kept.append(para)
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
    text = "\n\n".join(parts)
    offsets = collapse_spans(kept) if mapped else None
    if offsets is not None and len(offsets.starts) != len(text):
        raise AssertionError("offset map out of step with the text")  # a bug, never input
    return Document(
        text=text,
        format=fmt,
        title=str(fm_title) if fm_title else title,
        headings=tuple(headings),
        front_matter=front,
        links=tuple(links),
        pins=tuple(pins),
        offsets=offsets,
    )


_SPACES = re.compile(r"\s+")
# What ``\s`` matches in a str pattern (``str.isspace``), as code points.
SPACE_CODES = (
    *range(0x09, 0x0E), *range(0x1C, 0x21), 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B),
    0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
)  # fmt: skip


def collapse_spans(paragraphs: list[Para]) -> OffsetMap:
    """The map of ``"\\n\\n".join(re.sub(r"\\s+", " ", p.text).strip() …)`` from
    each paragraph's spans (an end of -1 is the character's own end): a run of
    whitespace becomes one space standing for the whole run, and the blank line
    between two paragraphs stands for what lies between them.  Whole-text numpy
    work: a Python step per character, or per paragraph, cost more than the
    Markdown parse itself.

    >>> p = Para(" a \\n b ", False, spans=(array("i", range(7)), array("i", [-1] * 7)))
    >>> q = Para("c", False, spans=(array("i", [9]), array("i", [10])))
    >>> m = collapse_spans([p, q])
    >>> list(m.starts), list(m.ends)
    ([1, 2, 5, 6, 6, 9], [2, 5, 6, 9, 9, 10])
    """
    starts, ends = array("i"), array("i")
    group: list[Para] = []
    size = 0
    for k, para in enumerate(paragraphs):
        group.append(para)
        size += len(para.text)
        # A group at a time: whole-text arrays cost ~45 bytes a character at
        # their peak, a 20 MB article's ~1 GB.
        if size >= _GROUP_CHARS or k == len(paragraphs) - 1:
            st, en = _collapse_group(group)
            if len(starts):
                # The break between this group and the last.
                starts.extend([ends[-1], ends[-1]])
                ends.extend([int(st[0]), int(st[0])])
            starts.frombytes(st.astype("int32").tobytes())
            ends.frombytes(en.astype("int32").tobytes())
            group, size = [], 0
    return OffsetMap(starts, ends)


_GROUP_CHARS = 1 << 16


def _collapse_group(paragraphs: list[Para]) -> tuple[Any, Any]:
    """``collapse_spans`` for a few paragraphs, in numpy arrays."""
    import numpy as np

    # NUL (never in a paragraph: the readers turn it into U+FFFD) marks the breaks.
    joined = "\0".join(p.text for p in paragraphs)
    st = _with_breaks([_int32(p.spans[0]) for p in paragraphs if p.spans])
    en = _with_breaks([_int32(p.spans[1]) for p in paragraphs if p.spans])
    en = np.where(en < 0, st + 1, en)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    table = np.zeros(0x3001, dtype=bool)
    table[list(SPACE_CODES)] = True
    space = table[np.minimum(codes, 0x3000)] & (codes <= 0x3000)
    brk = codes == 0
    before = np.concatenate(([False], space[:-1]))
    after = np.concatenate((space[1:], [False]))
    firsts = np.flatnonzero(space & ~before)
    lasts = np.flatnonzero(space & ~after)
    edge_before = np.concatenate(([True], brk[:-1]))
    edge_after = np.concatenate((brk[1:], [True]))
    inner = ~edge_before[firsts] & ~edge_after[lasts]  # not at a paragraph's edge
    en[firsts] = en[lasts]  # the run's one space stands for all of it
    keep = ~space
    keep[firsts[inner]] = True
    st, en, brk = st[keep], en[keep], brk[keep]
    # Each break becomes two characters, from the paragraph before to the next.
    at = np.flatnonzero(brk)
    st[at] = en[at - 1]
    en[at] = st[at + 1]
    reps = np.where(brk, 2, 1)
    return np.repeat(st, reps), np.repeat(en, reps)


def _int32(a: array[int]) -> Any:
    import numpy as np

    return np.frombuffer(a, dtype=np.int32) if len(a) else np.zeros(0, np.int32)


def _with_breaks(parts: list[Any]) -> Any:
    """The arrays one after another with one slot between each two (for a break)."""
    import numpy as np

    out: list[Any] = []
    for k, part in enumerate(parts):
        if k:
            out.append(np.zeros(1, np.int32))
        out.append(part)
    return np.concatenate(out)


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
    paragraphs: list[Para] = []
    body = getattr(doc, "body", None) if doc is not None else None
    if body is not None:
        _walk_body(body, paragraphs, mark_blockquotes)
    if not paragraphs:
        # Pages too small for trafilatura's heuristics: take the visible text.
        for el in tree.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "li"):
            paragraphs.append(Para(el.text_content(), el.tag.startswith("h")))
    title = getattr(doc, "title", None) if doc is not None else None
    result = assemble(paragraphs, "html", {})
    return Document(
        text=result.text,
        format="html",
        title=title or html_title or result.title,
        headings=result.headings,
        links=_locate_links(result.text, raw_links),
        pins=_locate_pins(result.text, raw_pins),
        warnings=(repaired,) if repaired else (),
        original=text,
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


def _walk_body(body: Any, out: list[Para], mark_blockquotes: bool) -> None:
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
        out.append(Para(text, tag == "head"))


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
