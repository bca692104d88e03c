from __future__ import annotations

import importlib.util
import os
import random
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Self

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from quoteverify._fetch import Fetcher, FetchOptions
    from quoteverify.align import PreparedSource
    from quoteverify.models import Quote, QuoteKind, QuoteResult, Speaker

# CI derandomises property tests: a run must pass or fail on the code alone, and
# a counterexample found locally is pinned with @example.  Locally each run
# draws new examples (HYPOTHESIS_PROFILE unset).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "seed"
SEED_SOURCE = SEED / "sources" / "state-2022-01-07-blinken-excerpt.txt"
VERDICT_SOURCES = FIXTURES / "verdicts" / "sources"


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


class ThreadedServer:
    """A real HTTP server on 127.0.0.1 (never any other address), served from a
    daemon thread.  As a context manager it starts, then shuts down and closes."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class LocalServer(ThreadedServer):
    """Serves the routes a test adds; records every request's path and headers."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                server.requests.append((self.path, dict(self.headers.items())))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "9")
                    self.end_headers()
                    self.wfile.write(b"not found")
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                for k, v in route.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        super().__init__(Handler)

    def add(self, path: str, body: bytes | str, **kw: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, **kw)  # type: ignore[arg-type]
        return self.url(path)


# The fetch cache is on by default, in the user cache folder: the suite must never
# read or write the real one.  The variable is set for the whole session (so
# subprocesses inherit it) and to a fresh folder for each test (no test sees
# another's cached pages).
os.environ["QUOTEVERIFY_CACHE_DIR"] = tempfile.mkdtemp(prefix="quoteverify-test-cache-")


@pytest.fixture(autouse=True)
def _private_fetch_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUOTEVERIFY_CACHE_DIR", str(tmp_path_factory.mktemp("fetch-cache")))


def local_fetch_options() -> FetchOptions:
    """Tests fetch only from their own 127.0.0.1 servers, which the default
    safety rules refuse: private addresses allowed, one fast retry, no cache."""
    from quoteverify._fetch import FetchOptions

    return FetchOptions(allow_private=True, retries=1, retry_wait_initial=0.01, timeout=5.0)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    """A Fetcher of its own for each test that fetches (``local_fetch_options``)."""
    from quoteverify._fetch import Fetcher

    with Fetcher(local_fetch_options()) as f:
        yield f


@pytest.fixture
def pg() -> Iterator[str]:
    """A PostgreSQL URL confined to a fresh schema of its own (skips without a server)."""
    from ._pg import fresh_schema

    yield from fresh_schema()


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    with LocalServer() as srv:
        yield srv


# What a CI runner or a user's shell may set that changes what ``check`` reads
# or writes: a config file, GitHub's step summary and workspace, GitLab's root.
CI_ENVIRONMENT = ("QUOTEVERIFY_CONFIG", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE", "CI_PROJECT_DIR")


def without_ci_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the test as on a developer's machine with no CI variables set."""
    for var in CI_ENVIRONMENT:
        monkeypatch.delenv(var, raising=False)


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI in this process: (exit code, stdout, stderr)."""
    from quoteverify.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def load_script(name: str, path: Path) -> ModuleType:
    """Import a script that is not part of a package (a benchmark) as module ``name``."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def python_stdout(code: str) -> str:
    """What ``code`` prints, run in a fresh interpreter (nothing imported yet)."""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return proc.stdout.strip()


def transcript(
    body: str, title: str | None = "Remarks by President Biden", date: str = ""
) -> PreparedSource:
    """A prepared source: ``body`` under front matter giving its title (and date),
    as the White House transcripts the verdict fixtures copy are written."""
    from quoteverify.align import prepare_source
    from quoteverify.models import Source

    head = (
        "---\n" + (f'title: "{title}"\n' if title else "") + (f"date: '{date}'\n" if date else "")
    )
    return prepare_source(Source("s", "ok", f"{head}---\n\n{body}"))


def quote_by(
    text: str, speaker: Speaker | None, kind: QuoteKind = "quote", qid: str = "q1"
) -> Quote:
    """A quotation that is the whole of ``text``, credited to ``speaker``."""
    from quoteverify.models import Quote

    return Quote(qid, text, 0, len(text), kind=kind, speaker=speaker)


def judge_text(text: str, speaker: Speaker | None, *sources: PreparedSource) -> QuoteResult:
    """The verdict on ``text`` quoted as ``speaker``'s words, against ``sources``."""
    from quoteverify.verdict import judge

    return judge(quote_by(text, speaker), list(sources))


def note_codes(r: QuoteResult) -> set[str]:
    """The codes of a verdict's notes (``[spelling]`` …), the part tests assert on."""
    from quoteverify.models import note_code

    return {note_code(n) for n in r.notes}


def article_md(body: str, source: str = "../../transcripts/blinken.txt") -> str:
    """A Markdown article whose front matter names ``source`` (relative to the
    article, as a newsroom repository writes it)."""
    return f"---\ntitle: Test\nsources: [{source}]\n---\n\n{body}\n"


def prepared_verdict_sources(n: int, ref: str) -> PreparedSource:
    """The first ``n`` verdict fixture sources, joined into one prepared source."""
    from quoteverify.align import prepare_source
    from quoteverify.models import Source

    paths = sorted(VERDICT_SOURCES.glob("*.md"))[:n]
    assert len(paths) == n, paths
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in paths)
    return prepare_source(Source(ref=ref, status="ok", text=text))


def random_quotes(
    ps: PreparedSource,
    rng: random.Random,
    n: int,
    *,
    swap: float,
    unknown: float,
    invent_every: int,
) -> list[list[str]]:
    """``n`` quotes' keys: source passages of 1-45 words, each word swapped for
    another source word when a draw is below ``swap``, or for a word the source
    never uses when below ``unknown``; every ``invent_every``-th is invented."""
    words = [k for k in ps.keys if k != "\x00"]
    out: list[list[str]] = []
    for trial in range(n):
        m = rng.randint(1, 45)
        a = rng.randrange(0, len(ps.keys) - m)
        keys = [k for k in ps.keys[a : a + m] if k != "\x00"] or ["the"]
        for i in range(len(keys)):
            r = rng.random()
            if r < swap:
                keys[i] = rng.choice(words)
            elif r < unknown:
                keys[i] = "neverusedword"
        if trial % invent_every == 0:
            keys = [rng.choice(words) for _ in range(m)]  # invented
        out.append(keys)
    return out
