"""Untrusted servers and addresses: the SSRF guard's address classes, total
deadlines, Retry-After, proxies with the guard on.

Issue 12, findings 11, 15 and 17 (``redteam/11_slow_server.sh``,
``15_proxy_ignored_unless_allow_private.sh``, ``17_guard_classification.sh``).
Every server is a real HTTP server on 127.0.0.1; other host names are answered
by a patched resolver, never by DNS.
"""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from quoteverify import _netguard
from quoteverify._fetch import Fetcher, FetchError, FetchOptions

from .conftest import ThreadedServer


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("168.63.129.16", "a cloud metadata address"),  # Azure WireServer
        ("100.100.100.200", "a cloud metadata address"),  # Alibaba Cloud
        ("169.254.169.254", "a cloud metadata address"),
        ("fd00:ec2::254", "a cloud metadata address"),
        ("2002:a9fe:a9fe::1", "a cloud metadata address"),  # 6to4 of 169.254.169.254
        ("2002:7f00:1::1", "a loopback address"),  # 6to4 of 127.0.0.1
        ("2002:c0a8:101::1", "a private address"),  # 6to4 of 192.168.1.1
        ("64:ff9b::7f00:1", "a loopback address"),  # NAT64 of 127.0.0.1
        ("64:ff9b::a9fe:a9fe", "a cloud metadata address"),
        ("64:ff9b:1::a00:1", "a private address"),  # local-use NAT64 of 10.0.0.1
        ("::ffff:168.63.129.16", "a cloud metadata address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("fec0::1", "a site-local address"),
        ("fec0:1234::abcd", "a site-local address"),
    ],
)
def test_embedded_and_special_addresses_are_refused(address: str, reason: str) -> None:
    assert _netguard.why_refused(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("address", ["8.8.8.8", "2606:4700::1111", "2002:808:808::1"])
def test_public_addresses_stay_public(address: str) -> None:
    assert _netguard.why_refused(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    "host", ["metadata.google.internal", "METADATA.GOOGLE.INTERNAL.", "metadata", "instance-data"]
)
def test_metadata_names_are_refused_before_any_lookup(
    host: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_dns(host: str, port: int) -> list[str]:
        raise AssertionError("a metadata name must be refused before it is resolved")

    monkeypatch.setattr(_netguard, "resolve", no_dns)
    with pytest.raises(_netguard.Refused, match="cloud metadata service"):
        asyncio.run(_netguard.check_url(f"http://{host}/computeMetadata/v1/", allow_private=False))


class _Drip(BaseHTTPRequestHandler):
    """Answers /drip one byte at a time, slowly (each read well inside the
    timeout), and /retry with 429 Retry-After: 60."""

    protocol_version = "HTTP/1.1"
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        type(self).hits.append(self.path)
        if self.path == "/retry":
            self.send_response(429)
            self.send_header("Retry-After", "60")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"x" * 400
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for i in range(len(body)):
                self.wfile.write(body[i : i + 1])
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass  # the client gave up, as it should

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def drip() -> Iterator[ThreadedServer]:
    _Drip.hits = []
    with ThreadedServer(_Drip) as srv:
        yield srv


def test_a_dripping_server_is_cut_off_at_the_document_deadline(drip: ThreadedServer) -> None:
    # 400 bytes at 0.2 s each would take 80 s; every read is within the timeout.
    opts = FetchOptions(allow_private=True, ignore_robots=True, timeout=5.0, deadline=1.0)
    with Fetcher(opts) as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch(drip.url("/drip"))
    assert str(err.value) == (
        "gave up: the deadline of 1 s per document passed (the server is too slow)"
    )


def test_the_run_deadline_bounds_all_fetches_together(drip: ThreadedServer) -> None:
    opts = FetchOptions(
        allow_private=True, ignore_robots=True, timeout=5.0, deadline=30.0, run_deadline=1.0
    )
    with Fetcher(opts) as fetcher:
        got = fetcher.fetch_many([drip.url(f"/drip?{i}") for i in range(3)])
        later = fetcher.fetch_many([drip.url("/drip?late")])
    assert all(isinstance(r, FetchError) for r in got.values())
    assert all("the run's fetching deadline of 1 s" in str(r) for r in got.values())
    assert str(later[drip.url("/drip?late")]) == (
        "not fetched: the run's fetching deadline of 1 s is spent"
    )


def test_a_long_retry_after_is_not_waited_for_and_the_error_says_so(
    drip: ThreadedServer,
) -> None:
    opts = FetchOptions(allow_private=True, ignore_robots=True, retries=3)
    with Fetcher(opts) as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch(drip.url("/retry"))
    assert str(err.value) == (
        "HTTP 429 Too Many Requests (the server asked to retry after 60 s; "
        "quoteverify waits at most 30 s)"
    )
    assert _Drip.hits == ["/retry"]


class _Proxy(BaseHTTPRequestHandler):
    """A forward HTTP proxy stand-in: answers every absolute-form request itself."""

    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        type(self).seen.append(self.path)
        body = b"Through the proxy: the minister said we will win."
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[ThreadedServer]:
    _Proxy.seen = []
    with ThreadedServer(_Proxy) as srv:
        for var in ("all_proxy", "ALL_PROXY", "https_proxy", "HTTPS_PROXY", "no_proxy", "NO_PROXY"):
            monkeypatch.delenv(var, raising=False)
        monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{srv.port}")
        monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{srv.port}")
        # news.example is public as far as the guard can tell; nothing is looked up.
        monkeypatch.setattr(
            _netguard,
            "resolve",
            lambda host, port: ["93.184.216.34"] if host == "news.example" else ["127.0.0.1"],
        )
        yield srv


def test_proxies_are_honoured_with_the_guard_on(proxy: ThreadedServer) -> None:
    with Fetcher(FetchOptions(ignore_robots=True, retries=0)) as fetcher:
        got = fetcher.fetch("http://news.example/transcript")
    assert got.body.startswith(b"Through the proxy")
    assert _Proxy.seen == ["http://news.example/transcript"]


def test_through_a_proxy_the_target_is_still_judged(proxy: ThreadedServer) -> None:
    with Fetcher(FetchOptions(ignore_robots=True, retries=0)) as fetcher:
        for url in ("http://internal.example/admin", "http://169.254.169.254/latest/"):
            with pytest.raises(FetchError, match="refused"):
                fetcher.fetch(url)
    assert _Proxy.seen == []


def test_behind_a_proxy_a_name_only_the_proxy_can_resolve_is_fetched(
    proxy: ThreadedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def proxy_only_dns(host: str, port: int) -> list[str]:
        if host[0].isdigit():
            return [host]  # an address literal resolves to itself, DNS or not
        raise _netguard.NameNotResolved(f"cannot resolve host {host}")

    monkeypatch.setattr(_netguard, "resolve", proxy_only_dns)
    with Fetcher(FetchOptions(retries=0)) as fetcher:
        got = fetcher.fetch("http://news.invalid/statement")
        # An address literal needs no DNS: it is judged, proxy or not.
        with pytest.raises(FetchError, match="loopback"):
            fetcher.fetch("http://127.0.0.1/admin")
    assert got.body.startswith(b"Through the proxy")
    # robots.txt is asked for through the proxy too, not skipped.
    assert _Proxy.seen == ["http://news.invalid/robots.txt", "http://news.invalid/statement"]
