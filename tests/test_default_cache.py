"""The fetch cache is on by default (in $QUOTEVERIFY_CACHE_DIR here, the user cache
folder otherwise): a second audit downloads no body again.  ``cache
info|prune|clear``.  Served from 127.0.0.1 only."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from quoteverify._cache import default_cache_path
from quoteverify.cli import main

from .conftest import SEED, ThreadedServer

HTML_ARTICLE = SEED / "html" / "article.html"
HTML_SOURCE = SEED / "html" / "state-2022-01-07-blinken-excerpt.html"
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


class RevalidatingServer(ThreadedServer):
    """Serves fixed documents with an ETag and answers 304 to a matching
    If-None-Match; records (path, status) of every response."""

    def __init__(self, docs: dict[str, tuple[bytes, str]]) -> None:
        self.log: list[tuple[str, int]] = []
        lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                body, ctype = docs.get(self.path, (b"", ""))
                if not ctype:
                    status, body = 404, b"not found"
                else:
                    etag = f'"{len(body)}-{hash(body) & 0xFFFF:x}"'
                    status = 304 if self.headers.get("If-None-Match") == etag else 200
                with lock:
                    server.log.append((self.path, status))
                self.send_response(status)
                if ctype:
                    self.send_header("ETag", etag)
                    self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", "0" if status == 304 else str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        super().__init__(Handler)


@pytest.fixture
def server() -> Iterator[RevalidatingServer]:
    html = "text/html; charset=utf-8"
    srv = RevalidatingServer(
        {
            "/news/kazakhstan.html": (HTML_ARTICLE.read_bytes(), html),
            "/transcripts/blinken.html": (HTML_SOURCE.read_bytes(), html),
            "/robots.txt": (ROBOTS, "text/plain"),
        }
    )
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.close()


def audit(capsys, srv: RevalidatingServer, *extra: str) -> dict:
    code = main(
        [
            "audit",
            srv.url("/news/kazakhstan.html"),
            "--source",
            srv.url("/transcripts/blinken.html"),
            "--allow-private",
            "--format",
            "json",
            "-q",
            *extra,
        ]
    )
    out = capsys.readouterr().out
    assert code in (0, 1)
    return json.loads(out)


def test_second_audit_downloads_no_body_again(capsys, server: RevalidatingServer) -> None:
    first = audit(capsys, server)
    assert sorted(p for p, st in server.log if st == 200) == [
        "/news/kazakhstan.html",
        "/robots.txt",
        "/transcripts/blinken.html",
    ]
    assert default_cache_path().is_file()
    server.log.clear()
    second = audit(capsys, server)
    # Every document revalidated (304), robots.txt not even asked again.
    assert server.log and all(st == 304 for _, st in server.log), server.log
    assert "/robots.txt" not in [p for p, _ in server.log]
    assert second["quotes"] == first["quotes"]


def test_no_cache_downloads_everything(capsys, server: RevalidatingServer) -> None:
    audit(capsys, server)
    server.log.clear()
    audit(capsys, server, "--no-cache")
    assert sorted(p for p, st in server.log if st == 200) == [
        "/news/kazakhstan.html",
        "/robots.txt",
        "/transcripts/blinken.html",
    ]


def test_cache_info_prune_and_clear(capsys, server: RevalidatingServer) -> None:
    audit(capsys, server)
    assert main(["cache", "info"]) == 0
    out = capsys.readouterr().out
    assert f"cache: {default_cache_path()}" in out and "entries: 3" in out
    assert main(["cache", "prune", "--older-than", "1"]) == 0
    assert "removed 0 entries (older than 1 days)" in capsys.readouterr().err
    assert main(["cache", "clear"]) == 0
    assert "removed 3 entries (all)" in capsys.readouterr().err
    assert main(["cache", "info"]) == 0
    assert "entries: 0" in capsys.readouterr().out


def test_cache_dir_comes_from_the_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("QUOTEVERIFY_CACHE_DIR", str(tmp_path / "c"))
    assert default_cache_path() == tmp_path / "c" / "fetch.sqlite"
    monkeypatch.delenv("QUOTEVERIFY_CACHE_DIR")
    # Otherwise the platform's user cache folder, never the working directory.
    assert default_cache_path().parent.name == "quoteverify" or "quoteverify" in str(
        default_cache_path()
    )


def test_a_page_without_validators_is_a_fresh_hit_within_max_cache_age(capsys, http_server) -> None:
    # Neither ETag nor Last-Modified: nothing to revalidate with, so only an age
    # the user allows (--max-cache-age) spares the download; by default it is
    # downloaded again, as the README says.
    html = "text/html; charset=utf-8"
    article = http_server.add("/news/a.html", HTML_ARTICLE.read_bytes(), content_type=html)
    source = http_server.add("/t/b.html", HTML_SOURCE.read_bytes(), content_type=html)
    args = ["audit", article, "--source", source, "--allow-private", "-q", "--format", "json"]

    def bodies(*extra: str) -> list[str]:
        http_server.requests.clear()
        assert main([*args, *extra]) in (0, 1)
        capsys.readouterr()
        return sorted(p for p, _ in http_server.requests if p != "/robots.txt")

    assert bodies() == ["/news/a.html", "/t/b.html"]
    assert bodies() == ["/news/a.html", "/t/b.html"]
    assert bodies("--max-cache-age", "3600") == []
