"""An audit against a hostile web: one article, a dozen sources misbehaving.

A real HTTP server on 127.0.0.1 serves the article (Markdown, each quotation
pinned to its source) and sources that are slow, rate-limited, flaky, loop
their redirects, bomb, flood, lie about their type, hide their charset, are
disallowed by robots.txt, come as a PDF or are in another language.  The audit
runs through ``quoteverify.cli.main`` as a user would; every source must end
with a clear status, and the quotes backed by sources that do work in the end
must still be judged.
"""

from __future__ import annotations

import json
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest

from quoteverify import cli
from quoteverify._fetch import FetchOptions
from quoteverify.cli import main
from quoteverify.config import Settings
from quoteverify.errors import EXIT_FINDINGS, EXIT_OK

from .conftest import ThreadedServer
from .pdfgen import make_pdf

MIB = 1024 * 1024
TIMEOUT = 0.5  # --timeout for the whole audit; the slow source takes far longer
FLOOD_BYTES = 100 * MIB
BOMB_BYTES = 64 * MIB  # decompressed; 65 KiB on the wire

FILLER = (
    "The meeting took place in the main hall of the ministry and was open to the press. "
    "Officials answered questions for almost an hour, and the full text of the exchange "
    "was published later that day on the website of the ministry for the record."
)


def page(title: str, *paragraphs: str, lang: str = "en") -> str:
    filler = (FILLER,) if lang == "en" else ()
    body = "\n".join(f"<p>{p}</p>" for p in (*paragraphs, *filler))
    # No <meta charset>: the pages that need one must do without it.
    return (
        f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1>\n{body}\n</article></body></html>"
    )


# Quotes, by source path.  Each source holds its quote word for word.
Q_SLOW = "We will publish the entire budget for the coming year on Monday morning."
Q_429 = "Our harbour will stay open to every ship that follows the rules of the sea."
Q_500 = "The new railway line will carry its first passengers before the winter."
Q_LOOP = "Nobody in this government has ever asked the court to delay that trial."
Q_BOMB = "Our farmers deserve a fair price for the grain they grow every season."
Q_FLOOD = "This agreement protects the rivers that our grandchildren will fish in."
Q_BINARY = "The inquiry will hear every witness who asks to speak in public."
Q_1252 = "It’s sometimes said that “patience” is a policy; it isn’t, it’s a habit."
Q_1251 = "Мы никогда не угрожали никому и не собираемся угрожать."
Q_ROBOTS = "The hospital will reopen its emergency ward at the end of the month."
Q_PDF = "We have made real progress, and the talks will resume in Geneva next week."
Q_FRENCH = "We will not raise taxes on families this year or the next."

ARTICLE = f"""---
title: A week of statements
---

# A week of statements

Ministers spoke on many subjects this week, and our reporters checked what they said.

<!-- quoteverify-source /slow/budget.html -->
The finance minister, Anna Berg, told reporters: “{Q_SLOW}”

<!-- quoteverify-source /limited/harbour.html -->
The transport minister, Piet Holm, said at the port: “{Q_429}”

<!-- quoteverify-source /flaky/railway.html -->
The rail minister, Carla Ruiz, said on Tuesday: “{Q_500}”

<!-- quoteverify-source /loop/a -->
The justice minister, Omar Haddad, said in a statement: “{Q_LOOP}”

<!-- quoteverify-source /bomb/farmers.html -->
The agriculture minister, Lena Vogt, said at the fair: “{Q_BOMB}”

<!-- quoteverify-source /flood/rivers.txt -->
The environment minister, Mara Quist, said: “{Q_FLOOD}”

<!-- quoteverify-source /binary/inquiry.html -->
The prime minister, Jonas Lind, told parliament: “{Q_BINARY}”

<!-- quoteverify-source /cp1252/habit.html -->
The foreign minister, Clara Stone, said in London: “{Q_1252}”

<!-- quoteverify-source /cp1251/lavrov.html -->
The Russian foreign minister, Sergei Lavrov, said in Russian: “{Q_1251}”

<!-- quoteverify-source /private/hospital.html -->
The health minister, Ida Falk, said on the radio: “{Q_ROBOTS}”

<!-- quoteverify-source /transcripts/geneva.pdf -->
The envoy, Tomas Weber, said after the talks: “{Q_PDF}”

<!-- quoteverify-source /fr/familles.html -->
The French finance minister, Paul Martin, said in Paris: “{Q_FRENCH}”

The ministers will meet again next month, the government said.
"""

CP1251_PAGE = page(
    "Press conference, interpreted",
    "The minister answered in Russian; the original and the interpretation follow.",
    f"Original: {Q_1251} Мы готовы к диалогу с нашими соседями.",
    "Interpretation: We have never threatened anyone and we do not intend to threaten "
    "anyone. We are ready for a dialogue with our neighbours, said the minister.",
)
FRENCH_PAGE = page(
    "Déclaration du ministre",
    "Le ministre a parlé devant la presse à Paris et il a répondu aux questions des "
    "journalistes pendant une heure.",
    "« Nous n’augmenterons pas les impôts des familles cette année ni la suivante », a dit "
    "le ministre, qui a aussi parlé de la dette et de la croissance dans le pays.",
    "Les journalistes ont posé des questions sur le budget et sur les retraites.",
    lang="fr",
)


def _bomb() -> bytes:
    """A valid gzip of BOMB_BYTES zeros, built in ~0.1 s instead of compressing
    them all: after a full flush the compressor's output for the same input
    repeats, so one flushed block is repeated and the trailer written by hand."""
    block = bytes(MIB)
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = z.compress(block) + z.flush(zlib.Z_FULL_FLUSH)
    again = z.compress(block) + z.flush(zlib.Z_FULL_FLUSH)
    end = z.flush(zlib.Z_FINISH)[:-8]  # the trailer z wrote covers only two blocks
    crc = 0
    for _ in range(BOMB_BYTES // MIB):
        crc = zlib.crc32(block, crc)
    trailer = struct.pack("<II", crc, BOMB_BYTES & 0xFFFFFFFF)
    return first + again * (BOMB_BYTES // MIB - 1) + end + trailer


class HostileServer(ThreadedServer):
    """127.0.0.1 only.  Counts requests per path; the slow path waits on an
    event that teardown sets, so no handler thread outlives the test."""

    def __init__(self) -> None:
        self.hits: dict[str, list[float]] = {}
        self.flood_sent = 0
        self.release = threading.Event()
        self.lock = threading.Lock()
        self.bomb = _bomb()
        self.routes: dict[str, tuple[str, bytes]] = {
            "/article.md": ("text/markdown; charset=utf-8", ARTICLE.encode()),
            "/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /private/\n"),
            "/slow/budget.html": ("text/html; charset=utf-8", page("Budget", Q_SLOW).encode()),
            "/limited/harbour.html": ("text/html; charset=utf-8", page("Port", Q_429).encode()),
            "/flaky/railway.html": ("text/html; charset=utf-8", page("Rail", Q_500).encode()),
            "/bomb/farmers.html": ("text/html; charset=utf-8", self.bomb),
            # Looks like the start of an image; the server calls it HTML.
            "/binary/inquiry.html": (
                "text/html",
                b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64,
            ),
            "/cp1252/habit.html": (
                "text/html",
                page("Remarks in London", f"The minister said: {Q_1252}").encode("cp1252"),
            ),
            "/cp1251/lavrov.html": ("text/html", CP1251_PAGE.encode("cp1251")),
            "/private/hospital.html": ("text/html", page("Radio", Q_ROBOTS).encode()),
            "/transcripts/geneva.pdf": (
                "application/pdf",
                make_pdf(
                    [
                        "Remarks to the press after the Geneva talks",
                        "ENVOY WEBER: Good afternoon.",
                        Q_PDF,
                        "Thank you, and I will take a few questions.",
                    ]
                ),
            ),
            "/fr/familles.html": ("text/html; charset=utf-8", FRENCH_PAGE.encode()),
        }
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                with server.lock:
                    server.hits.setdefault(self.path, []).append(time.monotonic())
                    n = len(server.hits[self.path])
                try:
                    server.serve(self, n)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as it should

            def log_message(self, format: str, *args: Any) -> None:
                pass

        super().__init__(Handler)

    def close(self) -> None:
        self.release.set()  # first, so that the slow handler returns
        super().close()

    def serve(self, h: BaseHTTPRequestHandler, n: int) -> None:
        path = h.path
        if path == "/slow/budget.html":
            self.release.wait(10)  # far beyond --timeout
            return self.reply(h, 200, *self.routes[path])
        if path == "/limited/harbour.html" and n % 2 == 1:
            # Every odd request is refused, so that each audit run sees 429 first.
            return self.reply(h, 429, "text/plain", b"slow down", {"Retry-After": "1"})
        if path == "/flaky/railway.html" and n % 2 == 1:
            return self.reply(h, 500, "text/plain", b"oops")
        if path.startswith("/loop/"):
            target = "/loop/b" if path == "/loop/a" else "/loop/a"
            return self.reply(h, 302, "text/plain", b"", {"Location": target})
        if path == "/bomb/farmers.html":
            return self.reply(h, 200, *self.routes[path], {"Content-Encoding": "gzip"})
        if path == "/flood/rivers.txt":
            return self.flood(h)
        if path in self.routes:
            return self.reply(h, 200, *self.routes[path])
        return self.reply(h, 404, "text/plain", b"not found")

    def reply(
        self,
        h: BaseHTTPRequestHandler,
        status: int,
        ctype: str,
        body: bytes,
        headers: dict[str, str] | None = None,
    ) -> None:
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            h.send_header(key, value)
        h.end_headers()
        h.wfile.write(body)

    def flood(self, h: BaseHTTPRequestHandler) -> None:
        # No Content-Length (HTTP/1.0: the body ends when the connection
        # closes), so only counting while streaming can stop it.  One chunk,
        # sent again and again: the server never holds the 100 MB either.
        h.send_response(200)
        h.send_header("Content-Type", "text/plain; charset=utf-8")
        h.end_headers()
        chunk = (Q_FLOOD.encode() + b"\n") * (64 * 1024 // (len(Q_FLOOD) + 1))
        sent = 0
        while sent < FLOOD_BYTES:
            h.wfile.write(chunk[: FLOOD_BYTES - sent])
            sent += min(len(chunk), FLOOD_BYTES - sent)
            with self.lock:
                self.flood_sent = max(self.flood_sent, sent)


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    with HostileServer() as srv:
        yield srv


@pytest.fixture(autouse=True)
def _fast_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI builds its Fetcher's options from the settings (3 retries, 1 s
    initial backoff); keep them but shorten the backoff, as conftest's options
    do for other tests.  A server's Retry-After is still honoured in full."""
    real = cli._fetch_options

    def fast(st: Settings, quiet: bool) -> FetchOptions:
        return replace(real(st, quiet), retry_wait_initial=0.01, retry_wait_max=0.05)

    monkeypatch.setattr(cli, "_fetch_options", fast)


def audit(
    srv: HostileServer, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, str, str]:
    code = main(
        [
            "audit",
            srv.url("/article.md"),
            "--allow-private",
            "--timeout",
            str(TIMEOUT),
            *extra,
        ]
    )
    out, err = capsys.readouterr()
    return code, out, err


# Path → (status, error) as the report must give them; {robots} is filled in.
EXPECTED_SOURCES: dict[str, tuple[str, str | None]] = {
    "/slow/budget.html": ("error", f"timed out after {TIMEOUT:g} s"),
    "/limited/harbour.html": ("ok", None),
    "/flaky/railway.html": ("ok", None),
    "/loop/a": ("error", "too many redirects (a redirect loop through 2 URLs, more than 10 hops)"),
    "/bomb/farmers.html": (
        "error",
        "body exceeds the size limit of 20 MiB once decompressed (a compression bomb?)",
    ),
    "/flood/rivers.txt": ("error", "body exceeds the size limit of 20 MiB"),
    "/binary/inquiry.html": ("error", "binary content, not text (served as text/html)"),
    "/cp1252/habit.html": ("ok", None),
    "/cp1251/lavrov.html": ("ok", None),
    "/private/hospital.html": (
        "error",
        "disallowed by robots.txt at {robots} (use --ignore-robots to fetch it)",
    ),
    "/transcripts/geneva.pdf": ("ok", None),
    # Read fine; the language mismatch is the quote's problem (see below).
    "/fr/familles.html": ("ok", None),
}
VERIFIED = {Q_429, Q_500, Q_1252, Q_1251, Q_PDF}


def expected_error(srv: HostileServer, path: str) -> str | None:
    error = EXPECTED_SOURCES[path][1]
    return None if error is None else error.format(robots=srv.url("/robots.txt"))


def test_every_hostile_source_ends_with_a_clear_status(
    hostile: HostileServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = audit(hostile, capsys, "--format", "json")
    assert "internal error" not in err and "Traceback" not in err
    # Documented: unverifiable only warns, so the default --fail-on passes.
    assert code == EXIT_OK, err
    data = json.loads(out)

    got = {s["ref"].removeprefix(hostile.url("")): s for s in data["sources"]}
    assert list(got) == list(EXPECTED_SOURCES)
    for path, (status, _) in EXPECTED_SOURCES.items():
        assert (got[path]["status"], got[path]["error"]) == (status, expected_error(hostile, path))

    by_text = {q["text"]: q for q in data["quotes"]}
    assert len(by_text) == 12
    for text, q in by_text.items():
        if text in VERIFIED:
            # Found word for word: decoding kept every curly quote and letter.
            assert q["verdict"] == "verbatim", (text, q["notes"])
            assert q["match"]["text"] == text.removesuffix(".")
        else:
            assert q["verdict"] == "unverifiable", (text, q["notes"])
    for path, (status, _) in EXPECTED_SOURCES.items():
        error = expected_error(hostile, path)
        if status == "error":
            quote = next(q for q in data["quotes"] if hostile.url(path) in q["notes"][0]["text"])
            assert quote["notes"] == [
                {"code": "no-source", "text": f"no usable source ({hostile.url(path)}: {error})"}
            ]
    french = [n["text"] for n in by_text[Q_FRENCH]["notes"]]
    assert french == [
        f"no usable source ({hostile.url('/fr/familles.html')}: the source is in French, "
        "the article in English)"
    ]

    hits = hostile.hits
    # 429 then 200, the second request after the server's Retry-After: 1.
    first, second = hits["/limited/harbour.html"]
    assert second - first >= 0.9
    assert len(hits["/flaky/railway.html"]) == 2  # 500 then 200
    assert len(hits["/slow/budget.html"]) == 1  # a read timeout is not retried
    assert len(hits["/loop/a"]) + len(hits["/loop/b"]) == 11  # the first try and 10 hops
    assert len(hits["/robots.txt"]) == 1
    assert "/private/hospital.html" not in hits
    # The flood was cut off soon after the limit, far from its 100 MB.
    assert hostile.flood_sent < FLOOD_BYTES // 2


def test_markdown_report_and_strict_exit_code(
    hostile: HostileServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = audit(hostile, capsys, "--fail-on", "unverifiable")
    assert "internal error" not in err and "Traceback" not in err
    # Documented: with --fail-on unverifiable, anything not verified fails.
    assert code == EXIT_FINDINGS
    assert "**Summary:** verbatim 5, unverifiable 7" in out
    assert "12 sources (6 read)" in out
    for path, (status, _) in EXPECTED_SOURCES.items():
        url = hostile.url(path)
        if status == "ok":
            assert f"{url} — " in out and f"{url} — **could not be used" not in out
        else:
            error = expected_error(hostile, path)
            assert error is not None
            # The report escapes Markdown specials; these errors have none but "-".
            line = f"{url} — **could not be used:** {error}"
            assert line in out, line
    for name in ("Piet Holm", "Carla Ruiz", "Clara Stone", "Sergei Lavrov", "Tomas Weber"):
        row = next(r for r in out.splitlines() if r.startswith("| q") and f"| {name} |" in r)
        assert "| verbatim | 100 |" in row, row
