"""Stage 1: load an article (file, URL or standard input) as plain text."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ._dates import parse_day, parse_day_in
from ._decode import (
    Document,
    Format,
    NotText,
    decode_checked,
    find_pins,
    guess_format,
    html_to_document,
)
from ._fetch import FetchError, is_url
from ._lazyre import lazy
from ._localfile import LocalFileError, read_regular
from ._markdown_reader import markdown_to_document
from .errors import InputError
from .models import Article, Link

if TYPE_CHECKING:
    from ._fetch import Fetcher

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
# Code that was handed no Fetcher cannot reach the network: it says so rather
# than fetch with options nobody chose.
NO_FETCHER = "a URL, and no fetcher was given to fetch it"


def load_article(ref: str, *, fetcher: Fetcher | None = None) -> Article:
    """Read ``ref`` (a path, an http(s) URL, or ``-`` for stdin) into an ``Article``.

    A URL is fetched with ``fetcher``; without one, a URL is an input error.
    Raises ``InputError`` naming ``ref`` and the cause; never anything else for
    bad input.
    """
    url = None
    charset = None
    content_type = None
    if ref == "-":
        data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        name = "-"
    elif is_url(ref):
        try:
            urlsplit(ref).port  # noqa: B018 - raises on "http://[::1" or a bad port
        except ValueError as exc:
            raise InputError("article", ref, f"malformed URL ({exc})") from None
        if fetcher is None:
            raise InputError("article", ref, NO_FETCHER)
        try:
            fetched = fetcher.fetch(ref)
        except FetchError as exc:
            raise InputError("article", ref, str(exc)) from None
        data, charset, content_type = fetched.body, fetched.charset, fetched.content_type
        url = fetched.final_url
        name = fetched.final_url
    else:
        data = _read_file(ref)
        name = ref
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError("article", ref, f"larger than {MAX_ARTICLE_BYTES} bytes")
    fmt = guess_format(name, content_type, data)
    try:
        doc = parse_article_bytes(data, fmt, charset)
    except NotText as exc:
        raise InputError("article", ref, str(exc)) from None
    if not doc.text.strip():
        raise InputError("article", ref, "empty: no text to check")
    sources = doc.front_matter.get("sources") or []
    if isinstance(sources, str):
        sources = [sources]
    pins = doc.pins if doc.format != "text" else find_pins(doc.text)
    return Article(
        date=article_date(doc.front_matter, data if doc.format == "html" else None, doc.text),
        origin=ref,
        text=doc.text,
        format=doc.format,
        title=_clean(doc.title) if doc.title else doc.title,
        url=url,
        headings=doc.headings,
        sources=tuple(_clean(str(s)) for s in sources if s),
        front_matter=doc.front_matter,
        links=tuple(
            Link(url=_absolute(href, url, ref), text=anchor, start=start, end=end)
            for anchor, href, start, end in doc.links
        ),
        pins=tuple((offset, _absolute(target, url, ref)) for offset, target in pins),
        warnings=doc.warnings,
        original=doc.original,
        offsets=doc.offsets,
    )


def _clean(value: str) -> str:
    """A front-matter string as text every output can encode.

    YAML escapes can spell lone surrogates ("\\uD800"), which no UTF-8 writer
    accepts: the report of every article would fail to print.  They become U+FFFD.
    """
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


# Where pages state their publication date, most specific first.
_META_DATE = lazy(
    r"""<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|"""
    r"""datePublished|date|pubdate|publish-date|publication_date|dc\.date(?:\.issued)?|"""
    r"""sailthru\.date|parsely-pub-date)["'][^>]*>""",
    re.I,
)
_CONTENT = re.compile(r"""\bcontent\s*=\s*["']([^"']+)["']""", re.I)
_TIME = re.compile(r"""<time\b[^>]*?\bdatetime\s*=\s*["']([^"']+)["']""", re.I)
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_FM_KEYS = ("date", "published", "published_at", "publishDate", "pubDate", "published_time")
# A dateline opens the story: "MOSCOW, Jan. 12, 2022 (Reuters) -", "January 12, 2022 —".
_DATELINE_SPAN = 200


def article_date(front: dict[str, Any], html: bytes | None, text: str) -> str | None:
    """The article's publication day (ISO) or None: front matter ``date:``, then
    HTML ``<meta property="article:published_time">``/``<time datetime>``/JSON-LD,
    then a full date in the dateline (the opening words)."""
    for key in _FM_KEYS:
        day = parse_day(front.get(key))
        if day:
            return day
    if html is not None:
        head = html[:200_000].decode("utf-8", "replace")
        for m in _META_DATE.finditer(head):
            c = _CONTENT.search(m.group(0))
            day = parse_day(c.group(1)) if c else None
            if day:
                return day
        for pattern in (_TIME, _LD_DATE):
            m = pattern.search(head)
            day = parse_day(m.group(1)) if m else None
            if day:
                return day
    opening = text.lstrip()[:_DATELINE_SPAN].split("\n\n", 1)[0]
    return parse_day_in(opening)


def _absolute(href: str, base_url: str | None, ref: str) -> str:
    """A link as something ``load_source`` can read: absolute URL, or a path
    relative to the article file's folder."""
    from urllib.parse import urljoin

    if is_url(href):
        return href
    if base_url:
        return urljoin(base_url, href)
    if ref == "-" or href.startswith("/") or "://" in href:
        return href
    return str(Path(ref).parent / href)


def parse_article_bytes(data: bytes, fmt: Format, charset: str | None = None) -> Document:
    if fmt == "html":
        return html_to_document(data, charset, mark_blockquotes=True)
    text, repaired = decode_checked(data, charset)
    warnings = (repaired,) if repaired else ()
    if fmt == "markdown":
        return replace(markdown_to_document(text), warnings=warnings)
    # A .txt article is used unchanged, so offsets index the file itself.
    return Document(text=text, format="text", warnings=warnings, original=text)


def _read_file(ref: str) -> bytes:
    try:
        # A FIFO or device named as an article must not hang the run.
        return read_regular(ref, MAX_ARTICLE_BYTES)
    except LocalFileError as exc:
        raise InputError("article", ref, str(exc)) from None
