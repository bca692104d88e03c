"""Small inputs that expand: PDF bombs, WARC records, a corrupt cache.

Issue 12, findings 3, 14 and the cache part of 7 (``redteam/03_pdf_bombs.sh``,
``14_warc_replay.sh``, ``07_silent_bypass.sh``).  Limits are lowered for the
tests where the function takes them, so that each bomb is refused in seconds.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest

from quoteverify._decode import NotText
from quoteverify._pdf import pdf_to_text
from quoteverify.cli import main
from quoteverify.sources import load_source

from .conftest import LocalServer
from .pdfgen import make_pdf


def _pdf(stream: bytes, filters: bytes = b" /Filter /FlateDecode") -> bytes:
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(stream), filters) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    buf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(buf))
        buf += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(buf)
    buf += b"xref\n0 6\n0000000000 65535 f \n"
    buf += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    buf += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(buf)


def _flate_bomb(mib: int) -> bytes:
    """A zlib stream of ``mib`` MiB of spaces, ~1 KB per MiB.  Compressing that
    much takes seconds, so one fully flushed (self-contained) block is repeated."""
    chunk = b" " * (1 << 20)
    z = zlib.compressobj(9)
    first = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    again = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9)
    end.compress(b"")
    final_block = end.flush()[:-4]  # an empty last block, without its checksum
    check = 1
    for _ in range(mib):
        check = zlib.adler32(chunk, check)
    return first + again * (mib - 1) + final_block + check.to_bytes(4, "big")


def test_a_pdf_decompression_bomb_is_refused_within_the_memory_limit() -> None:
    bomb = _pdf(_flate_bomb(400))
    assert len(bomb) < 500_000
    with pytest.raises(NotText, match=r"PDF needs more than 200 MiB to read: refused"):
        pdf_to_text(bomb, memory=200 * 1024 * 1024)


def test_a_pdf_of_endless_text_operators_is_stopped_by_the_time_limit() -> None:
    ops = zlib.compress(b"BT /F1 11 Tf 72 760 Td " + b"(word ) Tj " * 600_000 + b"ET", 9)
    with pytest.raises(NotText, match=r"PDF took (longer|more) than 1 s"):
        pdf_to_text(_pdf(ops), seconds=1)


def test_a_pdf_bomb_is_a_source_error_with_the_default_limits(tmp_path) -> None:
    # 1 GiB from 1 MB, the redteam's bomb, under the default limits: a source
    # error, and the audit goes on without it.
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_pdf(_flate_bomb(1024)))
    source = load_source(str(path))
    assert source.status == "error"
    assert source.error is not None and "refused (a decompression bomb?)" in source.error


def test_an_ordinary_pdf_still_reads() -> None:
    text = pdf_to_text(make_pdf(["We will win this race.", "And we will win it soon."]))
    assert "We will win this race." in text


def _warc_bomb(path: Path, url: str, mib: int) -> None:
    """One gzip member holding a response record of ``mib`` MiB: ~1 KB per MiB."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"
    size = len(http) + (mib << 20)
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:2>\r\n"
        b"WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: " + url.encode() + b"\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: %d\r\n\r\n" % size
    )
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [z.compress(head + http)]
    chunk = b"a" * (1 << 20)
    out += [z.compress(chunk) for _ in range(mib)]
    out += [z.compress(b"\r\n\r\n"), z.flush()]
    path.write_bytes(b"".join(out))


def test_a_replayed_record_over_the_size_limit_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "http://news.example/doc"
    archive = tmp_path / "bomb.warc.gz"
    _warc_bomb(archive, url, 24)  # over the 20 MiB limit of a body
    article = tmp_path / "a.txt"
    article.write_text("“We will win this race today and tomorrow,” the minister said.\n")
    code = main(["audit", str(article), "-s", url, "--replay", str(archive), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    error = json.loads(out)["sources"][0]["error"]
    assert error == (
        f"archive {archive}: the record of {url} exceeds the size limit of {20 << 20} bytes"
    )


def test_a_garbage_archive_gives_a_short_error_without_its_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "garbage.warc.gz"
    archive.write_bytes(b"GARBAGE\x1b[31mRED\x1b]0;title\x07 not a warc")
    article = tmp_path / "a.txt"
    article.write_text("“We will win this race today and tomorrow,” the minister said.\n")
    url = "http://news.example/doc"
    code = main(["audit", str(article), "-s", url, "--replay", str(archive), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    error = json.loads(out)["sources"][0]["error"]
    assert error == f"archive {archive} is not a WARC file (no WARC record at the start)"
    assert "GARBAGE" not in out + err and "\x1b" not in out + err


def test_a_corrupt_cache_is_rebuilt_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], http_server: LocalServer
) -> None:
    url = http_server.add(
        "/src.txt", "We will win this race today and tomorrow.", content_type="text/plain"
    )
    cache = tmp_path / "cache.sqlite"
    cache.write_bytes(bytes(range(256)) * 16)  # not SQLite at all
    article = tmp_path / "a.txt"
    article.write_text("“We will win this race today and tomorrow,” the minister said.\n")
    args = ["audit", str(article), "-s", url, "--cache", str(cache), "--allow-private"]
    code = main([*args, "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    # Rebuilt: the source was fetched and judged, not quietly unverifiable.
    assert json.loads(out)["quotes"][0]["verdict"] == "verbatim"
    assert err.splitlines()[0] == (
        f"quoteverify: warning: cache {cache} is unusable (file is not a database): "
        f"moved to {cache}.corrupt and rebuilt empty"
    )
    assert (tmp_path / "cache.sqlite.corrupt").read_bytes() == bytes(range(256)) * 16
    # Offline an empty rebuilt cache would serve nothing: there it is an error.
    other = tmp_path / "other.sqlite"
    other.write_bytes(bytes(range(256)) * 16)
    code = main([*args[:-3], "--cache", str(other), "--offline"])
    out, err = capsys.readouterr()
    assert code == 2 and out == "", (out, err)
    assert "is unusable (file is not a database)" in err
