"""WARC evidence: record what was fetched, and replay it later with no network.

A verdict of "misquote" is a claim about what a page said on a given day; the
archive is the proof.  Each record is its own gzip member (the WARC
convention), so a file can be appended to across runs and read by standard
tools (warcio, pywb, ReplayWeb.page).  The payload is stored as the server
sent it (still Content-Encoded) so the record is faithful; replay decodes it
with the same bounded decoder as a live fetch.
"""

from __future__ import annotations

import io
import threading
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from . import __version__
from .errors import FetchError

# Hop-by-hop or framing headers that no longer describe the stored payload:
# httpx has already removed the chunked framing.
_DROP = {"transfer-encoding", "content-length", "connection", "keep-alive"}


class ArchiveError(FetchError):
    """The archive cannot be read or written; ``str()`` is the one-line cause."""


@dataclass(frozen=True)
class ArchivedResponse:
    url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    payload: bytes  # as sent: still Content-Encoded
    date: str  # WARC-Date, ISO 8601


def warc_date(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class WarcWriter:
    """Appends request/response record pairs to one .warc.gz file (thread-safe)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def write(
        self,
        *,
        url: str,
        request_headers: list[tuple[str, str]],
        status: int,
        reason: str,
        response_headers: list[tuple[str, str]],
        payload: bytes,
        requested_at: datetime,
    ) -> None:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        # WARC-Date is when the request was made (WARC 1.1 §5.4: the time of
        # the capture's start), not when we finished writing.
        date = warc_date(requested_at)
        headers = [(k, v) for k, v in response_headers if k.lower() not in _DROP]
        headers.append(("Content-Length", str(len(payload))))
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        try:
            with self._lock:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                new = not self.path.exists() or self.path.stat().st_size == 0
                with self.path.open("ab") as fh:
                    writer = WARCWriter(fh, gzip=True)
                    if new:
                        writer.write_record(
                            writer.create_warcinfo_record(
                                self.path.name,
                                {"software": f"quoteverify/{__version__}", "format": "WARC 1.0"},
                            )
                        )
                    response = writer.create_warc_record(
                        url,
                        "response",
                        payload=io.BytesIO(payload),
                        http_headers=StatusAndHeaders(
                            f"{status} {reason}".strip(), headers, protocol="HTTP/1.1"
                        ),
                        warc_headers_dict={"WARC-Date": date},
                    )
                    request = writer.create_warc_record(
                        url,
                        "request",
                        payload=io.BytesIO(b""),
                        http_headers=StatusAndHeaders(
                            f"GET {target} HTTP/1.1",
                            request_headers
                            if any(k.lower() == "host" for k, _ in request_headers)
                            else [("Host", parts.netloc), *request_headers],
                            is_http_request=True,
                        ),
                        warc_headers_dict={
                            "WARC-Date": date,
                            "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
                        },
                    )
                    writer.write_record(response)
                    writer.write_record(request)
        except OSError as exc:
            raise ArchiveError(
                f"cannot write archive {self.path} ({exc.strerror or exc})"
            ) from None


class WarcReplay:
    """Serves responses from a WARC file; the last record for a URL wins."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._offsets: dict[str, int] | None = None

    def _index(self) -> dict[str, int]:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed

        with self._lock:
            if self._offsets is None:
                offsets: dict[str, int] = {}
                try:
                    with self.path.open("rb") as fh:
                        records = ArchiveIterator(fh)
                        for record in records:
                            if record.rec_type == "response":
                                uri = record.rec_headers.get_header("WARC-Target-URI")
                                offsets[uri] = records.get_record_offset()
                except OSError as exc:
                    raise ArchiveError(
                        f"cannot read archive {self.path} ({exc.strerror or exc})"
                    ) from None
                except ArchiveLoadFailed:
                    # warcio's message quotes the file's first bytes: whatever a
                    # hostile archive holds (terminal escapes, markup) stays out.
                    raise ArchiveError(
                        f"archive {self.path} is not a WARC file (no WARC record at the start)"
                    ) from None
                except (ValueError, EOFError, zlib.error) as exc:
                    raise ArchiveError(
                        f"archive {self.path} is damaged ({type(exc).__name__})"
                    ) from None
                self._offsets = offsets
            return self._offsets

    def get(self, url: str, max_bytes: int) -> ArchivedResponse | None:
        """The last response recorded for ``url``; a payload over ``max_bytes``
        (as stored, before Content-Encoding is undone) is an ``ArchiveError``,
        found out without reading more than that."""
        from warcio.archiveiterator import ArchiveIterator

        offset = self._index().get(url)
        if offset is None:
            return None
        try:
            with self.path.open("rb") as fh:
                fh.seek(offset)
                record = next(iter(ArchiveIterator(fh)))
                http = record.http_headers
                status_line = http.statusline.split(" ", 1)
                payload = record.raw_stream.read(max_bytes + 1)
                if len(payload) > max_bytes:
                    raise ArchiveError(
                        f"archive {self.path}: the record of {url} exceeds the size limit "
                        f"of {max_bytes} bytes"
                    )
                return ArchivedResponse(
                    url=url,
                    status=int(status_line[0]),
                    reason=status_line[1] if len(status_line) > 1 else "",
                    headers=list(http.headers),
                    payload=payload,
                    date=record.rec_headers.get_header("WARC-Date") or "",
                )
        except (OSError, StopIteration, ValueError, EOFError, zlib.error) as exc:
            raise ArchiveError(f"cannot read archive {self.path} ({type(exc).__name__})") from None
