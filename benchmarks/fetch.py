"""Benchmark quoteverify's concurrent fetching and its cache on a local server.

    python benchmarks/fetch.py [--sources 50] [--latency 0.2] [--target 1.5]
                               [--concurrency 50] [--per-host 50] [--json]

1. Starts an HTTP server on 127.0.0.1 (never any other address) that serves
   ``--sources`` distinct documents, each after ``--latency`` seconds; it is
   threaded, so the delays overlap rather than queue.  Every document carries
   an ETag and a Last-Modified and is answered 304 to a matching conditional
   request.  robots.txt gets the same latency.
2. quoteverify, cold: ``fetch_many`` of every document with a fresh SQLite
   cache in a temporary folder.  Target: wall time <= ``--target`` seconds.
   All documents are on one host, so the per-host limit decides the result:
   the politeness defaults (8 in total, 2 per host) are meant for other
   people's servers, and this run passes explicit limits (``--concurrency``,
   ``--per-host``), as a user would for a server of their own.  The output
   says which limits were used.
3. quoteverify, warm: the same fetch with the same cache file.  Target: the
   server sends no full 200 response with a body (every document is
   revalidated, 304).  A third run with ``max_cache_age`` shows that fresh
   entries need no request at all.
4. Baselines in the same process: the same documents fetched one after the
   other with a single ``httpx.Client``, and quoteverify with its default
   politeness limits.  The ratio is baseline wall time / cold wall time.

Prints a Markdown table of each figure against its target (PASS/MISS), or
JSON with ``--json``.  Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quoteverify._fetch import Fetched, FetchOptions, fetch_many  # noqa: E402

DEFAULT_LIMITS = FetchOptions()  # the politeness defaults, for the report


@dataclass
class Counts:
    """What the server sent, by kind; reset between runs."""

    full: int = 0  # 200 with a body, for a document
    not_modified: int = 0  # 304 for a document
    robots: int = 0
    other: Counter[int] = field(default_factory=Counter)


class SlowServer:
    """Documents /doc/<i>, each answered after ``latency`` seconds."""

    def __init__(self, sources: int, latency: float) -> None:
        self.sources = sources
        self.latency = latency
        self.counts = Counts()
        self.lock = threading.Lock()
        self.last_modified = formatdate(time.time() - 86400, usegmt=True)
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
            # Headers and body go out in two writes; with Nagle on, the second
            # waits for the client's delayed ACK (~40 ms a response on Linux).
            disable_nagle_algorithm = True

            def do_GET(self) -> None:  # noqa: N802
                time.sleep(server.latency)  # one thread per connection: delays overlap
                status, headers, body = server.answer(self.path, self.headers)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        class Httpd(ThreadingHTTPServer):
            daemon_threads = True
            # The default backlog of 5 would drop simultaneous connections,
            # and the client's SYN retry would cost a whole second.
            request_queue_size = 256

        self.httpd = Httpd(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def urls(self) -> list[str]:
        return [f"http://127.0.0.1:{self.port}/doc/{i}" for i in range(self.sources)]

    def body(self, i: int) -> bytes:
        words = " ".join(f"word{i}-{k}" for k in range(200))
        return f"Transcript {i}\n\nSPEAKER {i}: {words}.\n".encode()

    def answer(self, path: str, headers: Any) -> tuple[int, dict[str, str], bytes]:
        if path == "/robots.txt":
            with self.lock:
                self.counts.robots += 1
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n"
        prefix = "/doc/"
        if not path.startswith(prefix) or not path[len(prefix) :].isdigit():
            with self.lock:
                self.counts.other[404] += 1
            return 404, {"Content-Type": "text/plain"}, b"not found"
        i = int(path[len(prefix) :])
        etag = f'"doc-{i}-v1"'
        validators = {"ETag": etag, "Last-Modified": self.last_modified}
        if headers.get("If-None-Match") == etag or (
            headers.get("If-None-Match") is None
            and headers.get("If-Modified-Since") == self.last_modified
        ):
            with self.lock:
                self.counts.not_modified += 1
            return 304, validators, b""
        with self.lock:
            self.counts.full += 1
        return 200, {"Content-Type": "text/plain; charset=utf-8", **validators}, self.body(i)

    def take_counts(self) -> Counts:
        with self.lock:
            counts, self.counts = self.counts, Counts()
        return counts


@contextmanager
def serving(sources: int, latency: float) -> Iterator[SlowServer]:
    srv = SlowServer(sources, latency)
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()


def _timed_fetch(urls: list[str], options: FetchOptions) -> tuple[float, int]:
    """Wall seconds, and how many URLs came back as documents (not errors)."""
    start = time.perf_counter()
    results = fetch_many(urls, options)
    wall = time.perf_counter() - start
    return wall, sum(1 for r in results.values() if isinstance(r, Fetched) and r.body)


def _sequential_baseline(urls: list[str]) -> tuple[float, int]:
    import httpx

    start = time.perf_counter()
    ok = 0
    with httpx.Client(timeout=30.0) as client:
        for url in urls:
            if client.get(url).status_code == 200:
                ok += 1
    return time.perf_counter() - start, ok


def run(
    sources: int = 50,
    latency: float = 0.2,
    target: float = 1.5,
    concurrency: int = 50,
    per_host: int = 50,
    polite_baseline: bool = True,
) -> dict[str, Any]:
    import httpx  # noqa: F401 - imported before any timing, for every contender alike

    with serving(sources, latency) as srv, tempfile.TemporaryDirectory() as tmp:
        urls = srv.urls()
        base = FetchOptions(
            allow_private=True,  # the benchmark's own server on 127.0.0.1
            cache_path=Path(tmp) / "cache.sqlite",
            max_concurrency=concurrency,
            per_host=per_host,
            timeout=max(10.0, latency * 10),
        )
        cold_s, cold_ok = _timed_fetch(urls, base)
        cold = srv.take_counts()
        warm_s, warm_ok = _timed_fetch(urls, base)
        warm = srv.take_counts()
        fresh = replace(base, max_cache_age=3600.0)
        fresh_s, fresh_ok = _timed_fetch(urls, fresh)
        fresh_counts = srv.take_counts()
        seq_s, seq_ok = _sequential_baseline(urls)
        srv.take_counts()
        polite: dict[str, Any] | None = None
        if polite_baseline:
            polite_opts = FetchOptions(allow_private=True, timeout=base.timeout)
            polite_s, polite_ok = _timed_fetch(urls, polite_opts)
            srv.take_counts()
            polite = {"wall_s": round(polite_s, 3), "ok": polite_ok}

    targets = [
        {
            "name": f"cold fetch of {sources} sources, wall time (s)",
            "value": round(cold_s, 3),
            "op": "<=",
            "goal": target,
            "ok": cold_s <= target and cold_ok == sources,
        },
        {
            "name": "warm run: full 200 responses with a body",
            "value": warm.full,
            "op": "==",
            "goal": 0,
            "ok": warm.full == 0 and warm_ok == sources,
        },
    ]
    return {
        "config": {
            "sources": sources,
            "latency_s": latency,
            "target_s": target,
            "max_concurrency": concurrency,
            "per_host": per_host,
            "default_max_concurrency": DEFAULT_LIMITS.max_concurrency,
            "default_per_host": DEFAULT_LIMITS.per_host,
        },
        "cold": {
            "wall_s": round(cold_s, 3),
            "ok": cold_ok,
            "full_responses": cold.full,
            "robots_requests": cold.robots,
        },
        "warm": {
            "wall_s": round(warm_s, 3),
            "ok": warm_ok,
            "full_responses": warm.full,
            "not_modified": warm.not_modified,
            "robots_requests": warm.robots,
        },
        "fresh": {
            "wall_s": round(fresh_s, 3),
            "ok": fresh_ok,
            "requests": fresh_counts.full + fresh_counts.not_modified + fresh_counts.robots,
        },
        "baseline_sequential": {
            "wall_s": round(seq_s, 3),
            "ok": seq_ok,
            "ratio": round(seq_s / cold_s, 1) if cold_s else None,
        },
        "baseline_default_limits": polite,
        "targets": targets,
        "ok": all(t["ok"] for t in targets),
    }


def render_markdown(report: dict[str, Any]) -> str:
    cfg = report["config"]
    cold, warm, fresh = report["cold"], report["warm"], report["fresh"]
    seq = report["baseline_sequential"]
    lines = [
        f"# Fetch benchmark: {cfg['sources']} sources, {cfg['latency_s'] * 1000:g} ms latency each",
        "",
        f"Limits: {cfg['max_concurrency']} in total, {cfg['per_host']} per host, passed "
        "explicitly (FetchOptions max_concurrency / per_host) as for one's own server; the "
        f"politeness defaults are {cfg['default_max_concurrency']} in total, "
        f"{cfg['default_per_host']} per host.",
        "",
        "| figure | value | target | status |",
        "|---|---|---|---|",
    ]
    for t in report["targets"]:
        status = "PASS" if t["ok"] else "MISS"
        lines.append(f"| {t['name']} | {t['value']} | {t['op']} {t['goal']} | {status} |")
    lines += [
        "",
        "| run | wall (s) | documents | server sent |",
        "|---|---|---|---|",
        f"| quoteverify, cold cache | {cold['wall_s']} | {cold['ok']} | "
        f"{cold['full_responses']} × 200, {cold['robots_requests']} robots.txt |",
        f"| quoteverify, same cache | {warm['wall_s']} | {warm['ok']} | "
        f"{warm['full_responses']} × 200, {warm['not_modified']} × 304, "
        f"{warm['robots_requests']} robots.txt |",
        f"| quoteverify, max-cache-age 3600 | {fresh['wall_s']} | {fresh['ok']} | "
        f"{fresh['requests']} requests |",
        f"| baseline: sequential, one httpx.Client | {seq['wall_s']} | {seq['ok']} | "
        f"{cfg['sources']} × 200 |",
    ]
    polite = report["baseline_default_limits"]
    if polite is not None:
        lines.append(
            f"| baseline: quoteverify with default limits | {polite['wall_s']} | {polite['ok']} "
            f"| {cfg['sources']} × 200 |"
        )
    lines += ["", f"Speed-up over the sequential baseline: {seq['ratio']}×", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sources", type=int, default=50)
    ap.add_argument("--latency", type=float, default=0.2, help="seconds per response")
    ap.add_argument("--target", type=float, default=1.5, help="cold wall time goal, seconds")
    ap.add_argument("--concurrency", type=int, default=50, help="FetchOptions.max_concurrency")
    ap.add_argument("--per-host", type=int, default=50, help="FetchOptions.per_host")
    ap.add_argument(
        "--no-polite-baseline",
        action="store_true",
        help="skip the run with the default politeness limits (it takes the longest)",
    )
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    report = run(
        sources=args.sources,
        latency=args.latency,
        target=args.target,
        concurrency=args.concurrency,
        per_host=args.per_host,
        polite_baseline=not args.no_polite_baseline,
    )
    print(json.dumps(report, indent=2) if args.json else render_markdown(report))
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
