"""Stage 3: gather the primary sources a quote is checked against.

A source that cannot be read never stops the audit: it comes back as a
``Source`` with ``status="error"`` and a one-line reason, and the quotes that
had only it become ``unverifiable`` with that reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ._decode import (
    NotText,
    decode,
    guess_format,
    html_to_document,
    is_pdf,
    media_type,
    split_front_matter,
)
from ._fetch import Fetched, FetchError, is_url
from ._localfile import LocalFileError, read_regular
from ._markdown_reader import markdown_to_document
from ._pdf import pdf_to_text
from .models import Source

if TYPE_CHECKING:
    from ._fetch import Fetcher

MAX_SOURCE_BYTES = 20 * 1024 * 1024
NOT_FETCHED = "not fetched: no fetcher was given"


def load_source(
    ref: str, fetched: Fetched | FetchError | None = None, *, fetcher: Fetcher | None = None
) -> Source:
    """Read one source; never raises for bad input.  ``fetched`` is the result
    of an earlier concurrent fetch of ``ref``, when there was one; else a URL
    is fetched with ``fetcher`` (without one it is a source error)."""
    if is_url(ref):
        if fetched is None:
            if fetcher is None:
                return Source(ref=ref, status="error", url=ref, error=NOT_FETCHED)
            try:
                fetched = fetcher.fetch(ref, max_bytes=MAX_SOURCE_BYTES)
            except FetchError as exc:
                fetched = exc
        if isinstance(fetched, FetchError):
            return Source(ref=ref, status="error", url=ref, error=str(fetched))
        source = _from_bytes(
            ref, fetched.body, fetched.charset, fetched.content_type, fetched.final_url, ref, None
        )
        if fetched.archived_from:
            # A dead link read from a web archive: say so, and from when.
            title = f"{source.title or ref} (archived copy {fetched.archived_at})"
            return replace(source, title=title, url=fetched.archived_from)
        return source
    return load_local(ref)[0]


def load_local(ref: str) -> tuple[Source, bytes]:
    """``load_source`` of a local file, and the bytes read (empty when it could
    not be read): ``library add`` takes the front matter's date and URL from
    them rather than opening each file a second time."""
    try:
        # The same limit as a fetched body; a device or FIFO is refused unread.
        data = read_regular(ref, MAX_SOURCE_BYTES)
    except LocalFileError as exc:
        return Source(ref=ref, status="error", path=ref, error=str(exc)), b""
    return _from_bytes(ref, data, None, None, ref, None, ref), data


def _from_bytes(
    ref: str,
    data: bytes,
    charset: str | None,
    ctype: str | None,
    name: str,
    url: str | None,
    path: str | None,
) -> Source:
    fmt = guess_format(name, ctype, data)
    date = None
    try:
        if is_pdf(data, ctype):
            text = pdf_to_text(data)
            title = _first_line(text)
        elif fmt == "html":
            doc = html_to_document(data, charset)
            text, title = doc.text, doc.title
        elif fmt == "markdown":
            # Keep the body as written: transcripts' line structure carries the
            # speaker turns ("SECRETARY BLINKEN:") the aligner reads.
            front, text = split_front_matter(decode(data, charset))
            title = str(front.get("title") or "") or markdown_to_document(text).title
            date = front_matter_date(front)
        else:
            text = decode(data, charset)
            title = _first_line(text)
    except NotText as exc:
        error = str(exc)
        declared = media_type(ctype)
        if error.startswith("binary") and declared:
            # The server's label is why we tried to read it as text: say so.
            error = f"{error} (served as {declared})"
        return Source(ref=ref, status="error", url=url, path=path, error=error)
    if not text.strip():
        return Source(ref=ref, status="error", url=url, path=path, error="empty: no text")
    return Source(ref=ref, status="ok", text=text, url=url, path=path, title=title, date=date)


def front_matter_date(front: Mapping[str, object]) -> str | None:
    """The ISO date a Markdown source's front matter gives (``date:``), or None.

    Real cases: "Remarks by President Biden at a Campaign Reception | Medina,
    WA" (``date: '2024-05-12'``) and Trump's "Remarks at the National Prayer
    Breakfast" (2025): the front matter held the only date, and the loader
    dropped it with the front matter, so the office-holder table could not
    resolve "THE PRESIDENT:" by date.  YAML reads an unquoted date as a date.

    >>> import datetime
    >>> front_matter_date({"date": "2024-05-12"})
    '2024-05-12'
    >>> front_matter_date({"date": datetime.date(2025, 2, 6)})
    '2025-02-06'
    >>> front_matter_date({"date": "last Tuesday"}) is None, front_matter_date({}) is None
    (True, True)
    """
    raw = front.get("date")
    text = raw.isoformat() if hasattr(raw, "isoformat") else str(raw or "")
    return text[:10] if _ISO_DAY.match(text) else None


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?![\d])")


def load_sources(refs: Sequence[str], *, fetcher: Fetcher | None = None) -> list[Source]:
    """Read sources in order; URLs are fetched concurrently first (with
    ``fetcher``; without one they are source errors)."""
    urls = [r for r in refs if is_url(r)]
    fetched = fetcher.fetch_many(urls) if fetcher is not None and len(urls) > 1 else {}
    return [load_source(ref, fetched.get(ref), fetcher=fetcher) for ref in refs]


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return None
