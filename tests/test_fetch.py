"""quoteverify._fetch: guard, robots, retries, limits, cache, WARC, Wayback, batches.

Every server here is a real HTTP server on 127.0.0.1 in a thread; nothing
else is ever contacted (host names other than localhost are answered by a
patched resolver, never by DNS).
"""

from __future__ import annotations

import asyncio
import gzip
import ipaddress
import re
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from quoteverify import _fetch, _netguard
from quoteverify._fetch import (
    Fetched,
    Fetcher,
    FetchError,
    FetchOptions,
    fetch_many,
    is_url,
)

Headers = dict[str, str]
Reply = tuple[int, Headers, bytes]


@dataclass
class Req:
    path: str
    headers: Headers


class Server:
    """A scripted HTTP server on 127.0.0.1: each path maps to a function of the request."""

    def __init__(self) -> None:
        self.exact: dict[str, Callable[[Req], Reply]] = {}
        self.prefixes: dict[str, Callable[[Req], Reply]] = {}
        self.log: list[Req] = []
        self.active = 0
        self.peak = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                req = Req(self.path, {k.lower(): v for k, v in self.headers.items()})
                with server._lock:
                    server.log.append(req)
                    server.active += 1
                    server.peak = max(server.peak, server.active)
                try:
                    status, headers, body = server.dispatch(req)
                finally:
                    with server._lock:
                        server.active -= 1
                self.send_response(status)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                for key, value in headers.items():
                    if value:  # an empty value leaves the header out
                        self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    def dispatch(self, req: Req) -> Reply:
        handler = self.exact.get(req.path)
        if handler is None:
            for prefix, candidate in self.prefixes.items():
                if req.path.startswith(prefix):
                    handler = candidate
                    break
        if handler is None:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        return handler(req)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def on(self, path: str, handler: Callable[[Req], Reply], *, prefix: bool = False) -> str:
        (self.prefixes if prefix else self.exact)[path] = handler
        return self.url(path)

    def static(
        self,
        path: str,
        body: bytes | str,
        *,
        status: int = 200,
        ctype: str = "text/html; charset=utf-8",
        headers: Headers | None = None,
    ) -> str:
        data = body.encode() if isinstance(body, str) else body
        return self.on(path, lambda req: (status, {"Content-Type": ctype, **(headers or {})}, data))

    def sequence(self, path: str, replies: list[Reply]) -> str:
        """Answer successive requests with successive replies (the last one repeats)."""
        queue = list(replies)

        def handler(req: Req) -> Reply:
            return queue.pop(0) if len(queue) > 1 else queue[0]

        return self.on(path, handler)

    def hits(self, path: str) -> int:
        return sum(1 for r in self.log if r.path == path)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def srv() -> Iterator[Server]:
    server = Server()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def opts() -> FetchOptions:
    """Options for the 127.0.0.1 servers: private addresses allowed, tiny backoff."""
    return FetchOptions(
        allow_private=True, timeout=5.0, retry_wait_initial=0.01, retry_wait_max=0.02
    )


def get(url: str, options: FetchOptions, **kw: object) -> Fetched:
    with Fetcher(options) as fetcher:
        return fetcher.fetch(url, **kw)  # type: ignore[arg-type]


def error_of(url: str, options: FetchOptions, **kw: object) -> str:
    with pytest.raises(FetchError) as info:
        get(url, options, **kw)
    message = str(info.value)
    assert "\n" not in message and message  # always one human line
    return message


# --------------------------------------------------------------------------
# Basics, and a Fetcher's options


def test_fetch_returns_bytes_and_metadata(srv: Server, opts: FetchOptions) -> None:
    url = srv.static("/a.html", "<p>“hi”</p>", ctype="text/html; charset=windows-1252")
    before = datetime.now(UTC).replace(microsecond=0)
    got = get(url, opts)
    assert got.body == "<p>“hi”</p>".encode()
    assert (got.url, got.final_url, got.status) == (url, url, 200)
    assert got.content_type == "text/html; charset=windows-1252" and got.charset == "windows-1252"
    assert not got.from_cache and got.archived_from is None and got.archived_at is None
    assert datetime.fromisoformat(got.fetched_at) >= before
    doc = next(r for r in srv.log if r.path == "/a.html")
    assert (
        doc.headers["user-agent"].startswith("quoteverify/")
        and "(+https://" in doc.headers["user-agent"]
    )
    assert is_url(url) and not is_url("notes.txt")


def test_a_fetcher_follows_its_options_and_arguments_override(
    srv: Server, opts: FetchOptions
) -> None:
    url = srv.static("/t.txt", "word " * 100, ctype="text/plain")
    assert FetchOptions().allow_private is False
    with Fetcher() as guarded, pytest.raises(FetchError, match="loopback"):
        guarded.fetch(url)  # the default options refuse 127.0.0.1
    with Fetcher(opts) as fetcher:
        assert fetcher.fetch(url).body == b"word " * 100
        with pytest.raises(FetchError, match="exceeds the size limit of 50 bytes"):
            fetcher.fetch(url, max_bytes=50)
        fetcher.fetch(url, user_agent="custom/1")
        assert srv.log[-1].headers["user-agent"] == "custom/1"
        assert fetcher.options == opts  # an argument overrides one fetch, not the Fetcher


def test_sync_fetch_works_inside_a_running_event_loop(srv: Server, opts: FetchOptions) -> None:
    url = srv.static("/x", "ok")

    async def caller() -> bytes:
        return get(url, opts).body

    assert asyncio.run(caller()) == b"ok"


# --------------------------------------------------------------------------
# SSRF guard


@pytest.fixture
def no_connect(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Fail the test if anything at all tries to open a connection."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise AssertionError(f"tried to connect to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "http://127.0.0.1:1/",
            r"^refused: 127\.0\.0\.1 is a loopback address \(use --allow-private to fetch it\)$",
        ),
        ("http://localhost/", r"^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback"),
        ("http://169.254.169.254/latest/meta-data/", r"169\.254\.169\.254 is a cloud metadata"),
        ("http://[fd00:ec2::254]/", r"fd00:ec2::254 is a cloud metadata address"),
        ("http://169.254.10.1/", r"is a link-local address"),
        ("http://10.1.2.3/", r"10\.1\.2\.3 is a private address"),
        ("https://192.168.0.1/", r"is a private address"),
        ("http://[::ffff:127.0.0.1]/", r"is a loopback address"),
        ("http://[::1]:8080/", r"::1 is a loopback address"),
        ("http://224.0.0.1/", r"is a multicast address"),
        ("http://0.0.0.0/", r"is a reserved address"),
        ("http://100.64.0.1/", r"is a non-public address"),
        ("file:///etc/passwd", r"^refused: only http and https URLs are fetched, not file:"),
        ("gopher://example.org/", r"not gopher:"),
    ],
)
def test_non_public_addresses_are_refused_before_connecting(
    no_connect: list[object], url: str, expected: str
) -> None:
    # ignore_robots=False (the default): the guard runs before robots.txt is asked for.
    message = error_of(url, FetchOptions(retry_wait_initial=0.01))
    assert no_connect == []
    assert re.search(expected, message), message


def test_every_redirect_hop_is_checked(srv: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    # Pretend 127.0.0.1 is public (only 10/8 is not) so the server is reachable
    # with the guard on; the guarded connection path is exercised too.
    ten = ipaddress.ip_network("10.0.0.0/8")
    monkeypatch.setattr(
        _netguard, "why_refused", lambda ip: "a private address" if ip in ten else None
    )
    url = srv.static("/hop", b"", status=302, headers={"Location": "http://10.1.2.3/secret"})
    message = error_of(url, FetchOptions(retry_wait_initial=0.01))
    assert message == "refused: 10.1.2.3 is a private address (use --allow-private to fetch it)"
    assert srv.hits("/hop") == 1


def test_dns_rebinding_is_caught_at_connect_time(
    srv: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pre-flight check sees a public address; by connect time the name
    # points at 127.0.0.1.  The connection must be refused, not made.
    answers = iter([["93.184.216.34"]])
    real = _netguard.resolve

    def resolve(host: str, port: int) -> list[str]:
        if host == "rebind.test":
            return next(answers, ["127.0.0.1"])
        return real(host, port)

    monkeypatch.setattr(_netguard, "resolve", resolve)
    url = f"http://rebind.test:{srv.port}/a"
    srv.static("/a", "secret")
    message = error_of(url, FetchOptions(ignore_robots=True, retry_wait_initial=0.01))
    assert message.startswith("refused: rebind.test resolves to 127.0.0.1, a loopback address")
    assert srv.log == []


# --------------------------------------------------------------------------
# robots.txt


def test_robots_txt_disallow_is_respected_and_fetched_once(srv: Server, opts: FetchOptions) -> None:
    srv.static(
        "/robots.txt",
        "User-agent: *\nDisallow: /private\nAllow: /private/ok.html\n",
        ctype="text/plain",
    )
    srv.static("/private/doc.html", "secret")
    srv.static("/private/ok.html", "fine")
    srv.static("/public.html", "public")
    with Fetcher(opts) as fetcher:
        with pytest.raises(FetchError, match=r"^disallowed by robots\.txt at http://127") as info:
            fetcher.fetch(srv.url("/private/doc.html"))
        assert "--ignore-robots" in str(info.value)
        assert fetcher.fetch(srv.url("/public.html")).body == b"public"
        assert fetcher.fetch(srv.url("/private/ok.html")).body == b"fine"  # longest match
    assert srv.hits("/robots.txt") == 1
    assert srv.hits("/private/doc.html") == 0


def test_robots_group_for_our_agent_and_ignore_robots(srv: Server, opts: FetchOptions) -> None:
    srv.static("/robots.txt", "User-agent: quoteverify\nDisallow: /\n", ctype="text/plain")
    url = srv.static("/doc", "text")
    assert error_of(url, opts).startswith("disallowed by robots.txt")
    assert get(url, FetchOptions(**{**opts.__dict__, "ignore_robots": True})).body == b"text"


def test_missing_robots_txt_allows_and_5xx_disallows(srv: Server, opts: FetchOptions) -> None:
    url = srv.static("/doc", "text")  # /robots.txt is a 404
    assert get(url, opts).body == b"text"
    assert srv.hits("/robots.txt") == 1
    srv.static("/robots.txt", "down", status=503)
    message = error_of(url, opts)
    assert message.startswith("disallowed by robots.txt (robots.txt answered HTTP 503")


def test_redirect_hops_are_checked_against_robots(srv: Server, opts: FetchOptions) -> None:
    srv.static("/robots.txt", "User-agent: *\nDisallow: /hidden\n", ctype="text/plain")
    url = srv.static("/go", b"", status=301, headers={"Location": "/hidden/page"})
    srv.static("/hidden/page", "x")
    assert error_of(url, opts).startswith("disallowed by robots.txt")
    assert srv.hits("/hidden/page") == 0


# --------------------------------------------------------------------------
# Retries, redirects, timeouts


def test_5xx_is_retried_until_success(srv: Server, opts: FetchOptions) -> None:
    url = srv.sequence(
        "/flaky",
        [
            (503, {}, b"busy"),
            (502, {}, b"bad gateway"),
            (200, {"Content-Type": "text/plain"}, b"ok"),
        ],
    )
    assert get(url, opts).body == b"ok"
    assert srv.hits("/flaky") == 3


def test_429_honours_retry_after(srv: Server, opts: FetchOptions) -> None:
    url = srv.sequence(
        "/limited",
        [(429, {"Retry-After": "1"}, b"slow down"), (200, {"Content-Type": "text/plain"}, b"ok")],
    )
    start = time.monotonic()
    assert get(url, opts).body == b"ok"
    # The default backoff here is 0.01 s: only Retry-After explains the wait.
    assert time.monotonic() - start >= 0.9
    assert srv.hits("/limited") == 2


def test_retry_after_parsing_is_capped() -> None:
    assert _fetch._retry_after("3", 60) == 3.0
    assert _fetch._retry_after("3600", 60) == 60.0
    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= (_fetch._retry_after(soon, 60) or 0) <= 30
    past = format_datetime(datetime.now(UTC) - timedelta(days=1), usegmt=True)
    assert _fetch._retry_after(past, 60) == 0.0
    assert _fetch._retry_after("soon", 60) is None and _fetch._retry_after(None, 60) is None


def test_persistent_5xx_gives_up_after_the_retries(srv: Server, opts: FetchOptions) -> None:
    url = srv.static("/down", "no", status=500)
    options = FetchOptions(**{**opts.__dict__, "retries": 2})
    assert error_of(url, options) == "HTTP 500 Internal Server Error (after 3 attempts)"
    assert srv.hits("/down") == 3


def test_4xx_is_not_retried(srv: Server, opts: FetchOptions) -> None:
    url = srv.static("/forbidden", "no", status=403)
    assert error_of(url, opts) == "HTTP 403 Forbidden"
    assert error_of(srv.url("/gone"), opts) == "HTTP 404 Not Found"
    assert srv.hits("/forbidden") == 1 and srv.hits("/gone") == 1


def test_connection_refused_is_retried_then_reported(opts: FetchOptions) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    message = error_of(
        f"http://127.0.0.1:{port}/x", FetchOptions(**{**opts.__dict__, "ignore_robots": True})
    )
    assert message.startswith("cannot connect (") and message.endswith("(after 4 attempts)")


def test_unreachable_host_is_not_tried_again_for_each_document(
    opts: FetchOptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    # robots.txt already spent every retry failing to connect: the documents
    # share that cause instead of spending the same retries again.
    tried: list[str] = []
    real = _fetch._Session._request_once

    async def counting(self: _fetch._Session, url: str, *args: object, **kw: object) -> object:
        tried.append(url)
        return await real(self, url, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(_fetch._Session, "_request_once", counting)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    urls = [f"http://127.0.0.1:{port}/{name}" for name in ("a", "b", "c")]
    results = fetch_many(urls, opts)
    messages = {str(r) for r in results.values()}
    assert all(isinstance(r, FetchError) for r in results.values()) and len(messages) == 1
    message = messages.pop()
    assert message.startswith("cannot connect (") and message.endswith("(after 4 attempts)")
    assert tried == [f"http://127.0.0.1:{port}/robots.txt"] * 4


def test_redirects_are_followed_and_capped(srv: Server, opts: FetchOptions) -> None:
    srv.static("/a", b"", status=301, headers={"Location": "/b"})
    srv.static("/b", b"", status=307, headers={"Location": srv.url("/c")})
    srv.static("/c", "end")
    got = get(srv.url("/a"), opts)
    assert got.final_url == srv.url("/c") and got.body == b"end"
    srv.static("/loop", b"", status=302, headers={"Location": "/loop"})
    assert error_of(srv.url("/loop"), opts) == (
        "too many redirects (a redirect loop through 1 URL, more than 10 hops)"
    )
    for i in range(12):  # a long chain, not a loop
        srv.static(f"/hop{i}", b"", status=302, headers={"Location": f"/hop{i + 1}"})
    assert error_of(srv.url("/hop0"), opts) == "too many redirects (more than 10)"
    srv.static("/nowhere", b"", status=302)
    assert error_of(srv.url("/nowhere"), opts) == "HTTP 302 redirect without a Location"


def test_read_timeout_is_one_line_and_not_retried(srv: Server, opts: FetchOptions) -> None:
    def slow(req: Req) -> Reply:
        time.sleep(1.0)
        return 200, {}, b"late"

    url = srv.on("/slow", slow)
    options = FetchOptions(**{**opts.__dict__, "timeout": 0.3, "ignore_robots": True})
    start = time.monotonic()
    assert error_of(url, options) == "timed out after 0.3 s"
    assert time.monotonic() - start < 0.9 and srv.hits("/slow") == 1


# --------------------------------------------------------------------------
# Size limits and decompression bombs


def test_size_limit_declared_and_streamed(srv: Server, opts: FetchOptions) -> None:
    small = FetchOptions(**{**opts.__dict__, "max_bytes": 1000})
    url = srv.static("/big", b"x" * 5000, ctype="text/plain")
    assert error_of(url, small) == "body of 5000 bytes exceeds the size limit of 1000 bytes"
    # No Content-Length: counted while streaming (HTTP/1.0 reads to close).
    url = srv.on("/big2", lambda req: (200, {"Content-Length": ""}, b"y" * 5000))
    assert error_of(url, small) == "body exceeds the size limit of 1000 bytes"


def test_gzip_bomb_is_stopped_while_decompressing(srv: Server, opts: FetchOptions) -> None:
    bomb = gzip.compress(b"\0" * (8 * 1024 * 1024))
    assert len(bomb) < 20_000
    url = srv.static("/bomb", bomb, ctype="text/plain", headers={"Content-Encoding": "gzip"})
    small = FetchOptions(**{**opts.__dict__, "max_bytes": 1024 * 1024})
    assert error_of(url, small) == (
        "body exceeds the size limit of 1 MiB once decompressed (a compression bomb?)"
    )


def test_gzip_and_deflate_bodies_are_decoded(srv: Server, opts: FetchOptions) -> None:
    text = "“Quoted” words. " * 200
    url = srv.static("/gz", gzip.compress(text.encode()), headers={"Content-Encoding": "gzip"})
    assert get(url, opts).body == text.encode()
    raw = zlib.compressobj(wbits=-15)
    deflated = raw.compress(text.encode()) + raw.flush()
    url = srv.static("/df", deflated, headers={"Content-Encoding": "deflate"})
    assert get(url, opts).body == text.encode()
    assert srv.log[-1].headers["accept-encoding"] == "gzip, deflate"


# --------------------------------------------------------------------------
# Cache


def cached(opts: FetchOptions, path: Path, **changes: object) -> FetchOptions:
    return FetchOptions(**{**opts.__dict__, "cache_path": path, **changes})


def test_cache_revalidates_with_etag(srv: Server, opts: FetchOptions, tmp_path: Path) -> None:
    def handler(req: Req) -> Reply:
        if req.headers.get("if-none-match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"Content-Type": "text/plain", "ETag": '"v1"'}, b"version one"

    url = srv.on("/doc", handler)
    options = cached(opts, tmp_path / "c.sqlite")
    first = get(url, options)
    assert first.body == b"version one" and not first.from_cache
    second = get(url, options)
    assert second.body == b"version one" and second.from_cache
    assert second.content_type == "text/plain" and second.status == 200
    assert [r.headers.get("if-none-match") for r in srv.log if r.path == "/doc"] == [None, '"v1"']


def test_cache_revalidates_with_last_modified(
    srv: Server, opts: FetchOptions, tmp_path: Path
) -> None:
    stamp = "Fri, 07 Jan 2022 10:00:00 GMT"

    def handler(req: Req) -> Reply:
        if req.headers.get("if-modified-since") == stamp:
            return 304, {}, b""
        return 200, {"Content-Type": "text/plain", "Last-Modified": stamp}, b"body"

    url = srv.on("/lm", handler)
    options = cached(opts, tmp_path / "c.sqlite")
    assert not get(url, options).from_cache
    assert get(url, options).from_cache
    assert srv.log[-1].headers.get("if-modified-since") == stamp


def test_fresh_entries_offline_and_refresh(srv: Server, opts: FetchOptions, tmp_path: Path) -> None:
    versions = iter([b"one", b"two", b"three"])
    url = srv.on("/v", lambda req: (200, {"Content-Type": "text/plain"}, next(versions)))
    db = tmp_path / "c.sqlite"
    assert get(url, cached(opts, db)).body == b"one"
    hits = srv.hits("/v")
    fresh = get(url, cached(opts, db, max_cache_age=3600))
    assert fresh.body == b"one" and fresh.from_cache and srv.hits("/v") == hits  # not asked
    offline = get(url, cached(opts, db, offline=True))
    assert offline.body == b"one" and offline.from_cache and srv.hits("/v") == hits
    # No validators: an entry older than max_cache_age is fetched again.
    assert get(url, cached(opts, db, max_cache_age=0)).body == b"two"
    refreshed = get(url, cached(opts, db, refresh=True, max_cache_age=3600))
    assert refreshed.body == b"three" and not refreshed.from_cache
    assert get(url, cached(opts, db, offline=True)).body == b"three"


def test_offline_miss_and_failures_are_never_cached(
    srv: Server, opts: FetchOptions, tmp_path: Path
) -> None:
    db = tmp_path / "c.sqlite"
    assert error_of(srv.url("/never"), cached(opts, db, offline=True)) == "not in cache (offline)"
    assert srv.log == []  # offline: not even robots.txt
    url = srv.sequence("/flaky", [(500, {}, b"oops")])
    error_of(url, cached(opts, db, retries=0))
    error_of(srv.url("/gone"), cached(opts, db))
    assert error_of(url, cached(opts, db, offline=True)) == "not in cache (offline)"
    assert error_of(srv.url("/gone"), cached(opts, db, offline=True)) == "not in cache (offline)"


def test_unusable_cache_file_is_a_fetch_error(opts: FetchOptions, tmp_path: Path) -> None:
    bad = tmp_path / "c.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    message = error_of("http://127.0.0.1:1/", cached(opts, bad, offline=True))
    assert message.startswith(f"cache {bad} is unusable")


# --------------------------------------------------------------------------
# WARC evidence


def test_warc_records_then_replays_without_network(opts: FetchOptions, tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    warc = tmp_path / "evidence.warc.gz"
    page = "<p>“We are ready,” she said.</p>".encode()
    server = Server()
    try:
        server.static("/robots.txt", "User-agent: *\nAllow: /\n", ctype="text/plain")
        url = server.static("/page.html", page, ctype="text/html; charset=utf-8")
        old = server.static("/old", b"", status=301, headers={"Location": "/gz"})
        server.static("/gz", gzip.compress(page), headers={"Content-Encoding": "gzip"})
        before = datetime.now(UTC).replace(microsecond=0)
        live = get(url, FetchOptions(**{**opts.__dict__, "archive_path": warc}))
        live_old = get(old, FetchOptions(**{**opts.__dict__, "archive_path": warc}))
    finally:
        server.close()

    # Each record is its own gzip member, and robots.txt is not evidence.
    data = warc.read_bytes()
    with warc.open("rb") as fh:
        records = ArchiveIterator(fh)
        seen = []
        for record in records:
            assert (
                data[records.get_record_offset() : records.get_record_offset() + 2] == b"\x1f\x8b"
            )
            seen.append((record.rec_type, record.rec_headers.get_header("WARC-Target-URI")))
            if record.rec_type in ("request", "response"):
                date = datetime.fromisoformat(record.rec_headers.get_header("WARC-Date"))
                assert before <= date <= datetime.now(UTC)
    assert seen[0][0] == "warcinfo"
    assert ("response", url) in seen and ("request", url) in seen
    assert ("response", old) in seen and ("response", server.url("/gz")) in seen
    assert not any(uri and uri.endswith("/robots.txt") for _, uri in seen)

    replay = FetchOptions(replay_path=warc)  # defaults: no allow_private needed, no network
    again = get(url, replay)
    assert again.body == live.body == page
    assert again.content_type == live.content_type and again.from_cache
    assert again.fetched_at.startswith(live.fetched_at[:16])
    again_old = get(old, replay)
    assert again_old.body == live_old.body == page and again_old.final_url == server.url("/gz")
    assert error_of(server.url("/other"), replay) == f"not in archive {warc}"


def test_archiving_bypasses_the_cache_for_reading(
    srv: Server, opts: FetchOptions, tmp_path: Path
) -> None:
    url = srv.static("/e", "evidence", headers={"ETag": '"1"'})
    db, warc = tmp_path / "c.sqlite", tmp_path / "a.warc.gz"
    get(url, cached(opts, db))
    got = get(url, cached(opts, db, archive_path=warc, max_cache_age=3600))
    assert not got.from_cache and "if-none-match" not in srv.log[-1].headers
    assert get(url, FetchOptions(replay_path=warc)).body == b"evidence"


# --------------------------------------------------------------------------
# Wayback fallback


@pytest.fixture
def wayback() -> Iterator[Server]:
    """A fake Wayback Machine: snapshot redirects and id_ originals."""
    server = Server()

    def lookup(req: Req) -> Reply:
        rest = req.path[len("/web/") :]
        stamp, _, original = rest.partition("/")
        if stamp.endswith("id_"):
            if "nothing" in original:
                return 404, {}, b""
            return (
                200,
                {"Content-Type": "text/html; charset=utf-8"},
                b"archived: " + original.encode(),
            )
        if "nothing" in original:
            return 404, {}, b""
        # Like the real one: an absolute redirect to the nearest capture.
        return 302, {"Location": f"https://web.archive.org/web/20220107093000/{original}"}, b""

    server.on("/web/", lookup, prefix=True)
    try:
        yield server
    finally:
        server.close()


def test_dead_link_falls_back_to_wayback(srv: Server, wayback: Server, opts: FetchOptions) -> None:
    dead = srv.url("/gone")
    options = FetchOptions(**{**opts.__dict__, "wayback_url": wayback.url("")})
    with Fetcher(options) as fetcher:
        got = fetcher.fetch(dead, archive_timestamp="20220107")
    assert got.body == b"archived: " + dead.encode()
    assert got.archived_at == "20220107093000"
    assert got.archived_from == wayback.url(f"/web/20220107093000/{dead}")
    assert got.url == dead and got.final_url == dead and not got.from_cache
    paths = [r.path for r in wayback.log]
    assert paths == [f"/web/20220107/{dead}", f"/web/20220107093000id_/{dead}"]
    srv.static("/gone410", "x", status=410)
    assert get(srv.url("/gone410"), options).archived_at == "20220107093000"


def test_dns_failure_falls_back_to_wayback(
    wayback: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = _netguard.resolve

    def resolve(host: str, port: int) -> list[str]:
        if host.endswith(".invalid"):
            raise _netguard.NameNotResolved(f"cannot resolve host {host} (no such name)")
        return real(host, port)

    monkeypatch.setattr(_netguard, "resolve", resolve)
    # Guard on, with 127.0.0.1 counted as public so the fake Wayback is reachable.
    monkeypatch.setattr(_netguard, "why_refused", lambda ip: None)
    options = FetchOptions(wayback_url=wayback.url(""), retry_wait_initial=0.01)
    got = get("https://news.invalid/story", options)
    assert got.body == b"archived: https://news.invalid/story"
    assert got.archived_at == "20220107093000"
    # Without a Wayback URL the cause is reported as it is.
    message = error_of("https://news.invalid/story", FetchOptions())
    assert message == "cannot resolve host news.invalid (no such name)"


def test_no_archived_copy_keeps_the_original_cause(
    srv: Server, wayback: Server, opts: FetchOptions
) -> None:
    options = FetchOptions(**{**opts.__dict__, "wayback_url": wayback.url("/")})
    message = error_of(srv.url("/nothing"), options)
    assert message.startswith("HTTP 404 Not Found; no archived copy at http://127.0.0.1")


# --------------------------------------------------------------------------
# Batches


def test_fetch_many_limits_concurrency_per_host_and_total(srv: Server, opts: FetchOptions) -> None:
    def slow(req: Req) -> Reply:
        time.sleep(0.15)
        return 200, {"Content-Type": "text/plain"}, req.path.encode()

    srv.on("/p", slow, prefix=True)
    urls = [srv.url(f"/p{i}") for i in range(6)]
    base = {**opts.__dict__, "ignore_robots": True}
    results = fetch_many([*urls, urls[0]], FetchOptions(**{**base, "per_host": 2}))
    assert list(results) == urls  # de-duplicated, in order
    assert all(isinstance(r, Fetched) and r.body == u[-3:].encode() for u, r in results.items())
    assert srv.peak == 2
    srv.peak = 0
    fetch_many(urls, FetchOptions(**{**base, "per_host": 8, "max_concurrency": 3}))
    assert srv.peak == 3


def test_fetch_many_returns_errors_instead_of_raising(srv: Server, opts: FetchOptions) -> None:
    good = srv.static("/ok", "fine")
    results = fetch_many([good, srv.url("/missing")], opts)
    assert isinstance(results[good], Fetched)
    assert str(results[srv.url("/missing")]) == "HTTP 404 Not Found"
    # With the guard on (the default options), a refusal is a result like any other.
    refused = fetch_many(["http://10.0.0.1/"], FetchOptions(retry_wait_initial=0.01))
    assert str(refused["http://10.0.0.1/"]).startswith("refused: 10.0.0.1 is a private address")


_FORKED: Fetcher | None = None


def _child_uses_cache(url: str) -> tuple[bool, int | None]:
    """In a forked worker: the fetcher's cache, used there."""
    import os

    assert _FORKED is not None
    cache = _FORKED.cache
    assert cache is not None
    entry = cache.get(url)
    return _FORKED._cache_pid == os.getpid(), None if entry is None else entry.status


def test_a_forked_worker_opens_its_own_cache_connection(tmp_path: Path) -> None:
    # `check --jobs` checks its first article before forking: the workers must
    # not use the SQLite connection the parent opened for it (found in review).
    import multiprocessing

    from quoteverify._cache import CacheEntry

    global _FORKED
    url = "http://127.0.0.1/a"
    fetcher = Fetcher(FetchOptions(cache_path=tmp_path / "cache.sqlite"))
    parent_cache = fetcher.cache
    assert parent_cache is not None
    parent_cache.put(CacheEntry(url, url, 200, "text/plain", None, None, b"x", time.time()))
    _FORKED = fetcher
    try:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            own, status = pool.apply(_child_uses_cache, (url,))
    finally:
        _FORKED = None
    assert own and status == 200  # a connection of the child's, reading the same file
    assert fetcher.cache is parent_cache  # the parent's is untouched and still its own
    assert parent_cache.get(url) is not None
    fetcher.close()
