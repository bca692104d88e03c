"""The HTML report and ``quoteverify serve`` in a real headless Chromium.

Driven with Playwright's Python client on Debian's ``chromium`` through
``executable_path``: Playwright gives request events, CSP bypass for injecting
axe-core, colour-scheme emulation and file inputs from memory in one maintained
client, and never downloads a browser of its own here (``playwright install``
is never called).  Chromium is installed with apt when missing; the tests skip,
saying why, only when that is impossible (not root, no apt).

Nothing here touches the internet: the pages are files or servers on 127.0.0.1,
and axe-core is vendored under ``tests/data/axe-core``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from quoteverify.cli import main

from .conftest import FIXTURES, ROOT, SEED, SEED_SOURCE, LocalServer

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed: pip install -e '.[test]'"
)

AXE = ROOT / "tests" / "data" / "axe-core" / "axe.min.js"
WH_ARTICLE = FIXTURES / "whitehouse" / "articles" / "gaza-letter-briefing.txt"
WH_SOURCE = FIXTURES / "whitehouse" / "sources" / "briefing-jean-pierre-2024-10-16.md"
VIEWPORT = {"width": 1200, "height": 900}
# Set to write docs/html-report.png (the README's screenshot) from the White House page.
UPDATE_SCREENSHOT = os.environ.get("QUOTEVERIFY_UPDATE_SCREENSHOT") == "1"


def _find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    path = _find_chromium()
    if path is None and shutil.which("apt-get") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        cmd = ["apt-get", "install", "-y", "-q", "chromium"]
        if subprocess.run(cmd, env=env, capture_output=True).returncode != 0:
            # The package lists may be missing or stale on a fresh machine.
            subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True)
            subprocess.run(cmd, env=env, capture_output=True)
        path = _find_chromium()
    if path is None:
        pytest.skip(
            "no Chromium and it could not be installed (needs root and apt-get: "
            "apt-get install -y chromium)"
        )
    return path


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        # As root (CI, containers) Chromium refuses to start without --no-sandbox.
        args = ["--no-sandbox"] if os.geteuid() == 0 else []
        b = pw.chromium.launch(executable_path=chromium, args=args)
        yield b
        b.close()


class Recorded:
    """A page with every request it made and every console error."""

    def __init__(self, browser: Any, **context: Any) -> None:
        self.context = browser.new_context(viewport=VIEWPORT, **context)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def recorded(browser: Any) -> Iterator[Any]:
    opened: list[Recorded] = []

    def make(**context: Any) -> Recorded:
        r = Recorded(browser, **context)
        opened.append(r)
        return r

    yield make
    for r in opened:
        r.close()


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _screenshot(page: Any, path: Path, full: bool = True) -> None:
    page.screenshot(path=str(path), full_page=full)
    width, height = _png_size(path)
    assert width == VIEWPORT["width"]
    assert VIEWPORT["height"] <= height <= 40000, height
    assert path.stat().st_size > 15_000  # a blank page compresses to almost nothing


def _axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations (every card opened first)."""
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["html"][:120] for n in v["nodes"][:3]]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    return bad


def _rel(path: Path) -> str:
    # Fixtures by their path in the repository, as a user would type them (and
    # as the README's screenshot shows them), not this machine's absolute path.
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _audit(tmp_path: Path, article: Path, source: Path, fmt: str) -> Path:
    out = tmp_path / f"{article.stem}.{fmt}"
    args = ["audit", _rel(article), "--source", _rel(source), "--fail-on", "none"]
    with contextlib.chdir(ROOT):
        assert main([*args, "--format", fmt, "--quiet", "--output", str(out)]) == 0
    return out


def _expected(tmp_path: Path, article: Path, source: Path) -> dict[str, str]:
    data = json.loads(_audit(tmp_path, article, source, "json").read_text(encoding="utf-8"))
    return {q["id"]: q["verdict"] or "none" for q in data["quotes"]}


def _highlights(page: Any) -> dict[str, str]:
    return page.evaluate(
        "Object.fromEntries([...document.querySelectorAll('.text .hl')]"
        ".map(e => [e.dataset.quote, e.dataset.verdict]))"
    )


def _only_self(requests: list[str], origin: str) -> None:
    assert requests, "no request recorded at all"
    others = [u for u in requests if not u.startswith(origin)]
    assert others == [], others


@pytest.mark.parametrize("which", ["seed", "whitehouse"])
def test_report_file_in_the_browser(which, tmp_path, recorded) -> None:
    article, source = (
        (SEED / "article.txt", SEED_SOURCE) if which == "seed" else (WH_ARTICLE, WH_SOURCE)
    )
    expected = _expected(tmp_path, article, source)
    page_path = _audit(tmp_path, article, source, "html")
    rec = recorded()
    page = rec.page
    page.goto(page_path.as_uri())
    # Every quotation highlighted, with its verdict, and visibly labelled.
    assert _highlights(page) == expected
    for qid in expected:
        hl = page.locator(f'.text [data-quote="{qid}"]')
        assert hl.is_visible()
        assert page.locator(f'.text [data-quote="{qid}"] .tag').first.inner_text().strip()
    _screenshot(page, tmp_path / f"{which}-report.png")

    # Clicking a quote whose card is closed scrolls to it and opens it.
    closed = page.evaluate(
        "[...document.querySelectorAll('article.card')].find(c => !c.querySelector('details').open)?.id"
    )
    if closed:
        # The label at the start of the highlight: a quote wrapping over lines has no
        # single centre to click.
        page.locator(f'.text [data-quote="{closed}"] .tag').first.click()
        page.wait_for_selector(f"#{closed} details[open]", timeout=5000)
        box = page.locator(f"#{closed}").bounding_box()
        assert box is not None and -2 <= box["y"] < VIEWPORT["height"], box
        assert page.evaluate("location.hash") == f"#{closed}"
    page.locator(f'.text [data-quote="{next(iter(expected))}"] .tag').first.click()
    page.wait_for_selector(f"#{next(iter(expected))}:target")

    if which == "seed":
        # The seed's drifted Blinken quote: "one lesson" printed as "a lesson".
        pair = page.evaluate(
            "[...document.querySelectorAll('.diff del')].some(d => d.querySelector('.w').textContent === 'one'"
            " && d.nextElementSibling && d.nextElementSibling.tagName === 'INS'"
            " && d.nextElementSibling.querySelector('.w').textContent === 'a')"
        )
        assert pair
        assert page.locator(".diff del .w", has_text="one").first.is_visible()

    # No request but the page itself; the page's own script ran under its CSP.
    _only_self(rec.requests, page_path.as_uri())
    assert rec.errors == []
    if which == "whitehouse" and UPDATE_SCREENSHOT:
        # The README's picture: the article beside the misattributed quote's open card.
        page.set_viewport_size({"width": 1400, "height": 1000})
        page.locator('.text [data-quote="q3"] .tag').first.click()
        page.wait_for_timeout(300)
        page.screenshot(path=str(ROOT / "docs" / "html-report.png"))


def test_filters_work_without_javascript(tmp_path, recorded) -> None:
    page_path = _audit(tmp_path, SEED / "article.txt", SEED_SOURCE, "html")
    page = recorded(java_script_enabled=False).page
    page.goto(page_path.as_uri())
    assert page.locator("#q1").is_visible()  # a scare quote: not judged
    page.get_by_label("only quotes that fail or could not be verified").check()
    assert not page.locator("#q1").is_visible()
    assert page.locator("#q5").is_visible()
    page.get_by_label("only quotes that fail or could not be verified").uncheck()
    page.get_by_label("Antony Blinken (2)").check()
    visible = [
        c
        for c in page.evaluate("[...document.querySelectorAll('article.card')].map(c => c.id)")
        if page.locator(f"#{c}").is_visible()
    ]
    assert visible == ["q4", "q5"]
    # Printed: no filter controls, every card whole (closed ones too), whatever was filtered.
    page.emulate_media(media="print")
    assert not page.locator("fieldset.filters").is_visible()
    assert page.locator("#q2 .notes").is_visible() and page.locator("#q1").is_visible()


def test_markup_in_a_quote_is_text_and_runs_nothing(tmp_path, recorded) -> None:
    words = [
        "<script>window.__pwned = 1</script> we will fix every road in this city",
        "<img src=x onerror=window.__pwned=2> the budget for the schools is ready",
    ]
    article = tmp_path / "hostile.txt"
    article.write_text(
        f'The mayor, Ann Lee, said: "{words[0]}." Later Lee said, "{words[1]}."\n', encoding="utf-8"
    )
    source = tmp_path / "transcript.txt"
    source.write_text(f"MAYOR LEE: {words[0]}. And {words[1]}.\n", encoding="utf-8")
    page_path = _audit(tmp_path, article, source, "html")
    # Once with the page's CSP ignored: escaping alone must hold.  Once as shipped.
    for context in ({"bypass_csp": True}, {}):
        rec = recorded(**context)
        page = rec.page
        page.goto(page_path.as_uri())
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("document.querySelectorAll('main script, main img').length") == 0
        text = page.locator(".text").inner_text()
        assert "<script>window.__pwned = 1</script>" in text
        assert "<img src=x onerror=window.__pwned=2>" in text
        assert page.locator(".text .hl").count() >= 2
        _only_self(rec.requests, page_path.as_uri())
    _screenshot(page, tmp_path / "hostile-report.png")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_no_serious_violation_in_the_report(scheme, tmp_path, recorded) -> None:
    for article, source in ((SEED / "article.txt", SEED_SOURCE), (WH_ARTICLE, WH_SOURCE)):
        page_path = _audit(tmp_path, article, source, "html")
        page = recorded(bypass_csp=True, color_scheme=scheme).page
        page.goto(page_path.as_uri())
        assert _axe(page) == []


# --- serve -------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    def __init__(self, tmp_path: Path, *flags: str) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp_path / f"serve-{self.port}.log"
        env = {k: v for k, v in os.environ.items() if k != "QUOTEVERIFY_CONFIG"}
        with open(self.log, "w", encoding="utf-8") as fh:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "quoteverify", "serve", "--port", str(self.port),
                 "--timeout", "5", *flags],
                cwd=tmp_path, stdout=fh, stderr=subprocess.STDOUT, env=env,
            )  # fmt: skip
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(self.url + "/", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("serve did not start: " + self.log.read_text())
            time.sleep(0.1)

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
def serve_factory(tmp_path) -> Iterator[Any]:
    started: list[Served] = []

    def start(*flags: str) -> Served:
        s = Served(tmp_path, *flags)
        started.append(s)
        return s

    yield start
    for s in started:
        s.close()


@pytest.fixture
def site() -> Iterator[LocalServer]:
    with LocalServer() as srv:
        srv.add("/news/article.html", (SEED / "html" / "article.html").read_bytes())
        name = "state-2022-01-07-blinken-excerpt.html"
        srv.add(f"/transcripts/{name}", (SEED / "html" / name).read_bytes())
        yield srv


def _submit(page: Any, base: str, article: str, sources: str = "") -> None:
    page.goto(base + "/")
    page.fill("#article", article)
    page.fill("#sources", sources)
    page.click("button[type=submit]")


def test_serve_audits_a_url_and_shows_the_report(
    tmp_path, recorded, serve_factory, site, fetcher
) -> None:
    from quoteverify import pipeline

    server = serve_factory("--allow-private")
    article = site.url("/news/article.html")
    source = site.url("/transcripts/state-2022-01-07-blinken-excerpt.html")
    # What the command line says for the same URLs (conftest's fetcher allows 127.0.0.1).
    rep = pipeline.run_audit(article, [source], fetcher=fetcher)
    expected = {r.quote.id: r.verdict or "none" for r in rep.results}

    rec = recorded()
    page = rec.page
    page.goto(server.url + "/")
    _screenshot(page, tmp_path / "serve-form.png", full=False)
    _submit(page, server.url, article, source)
    page.wait_for_selector(".text .hl", timeout=60_000)
    assert _highlights(page) == expected
    assert "diverged" in expected.values()
    _screenshot(page, tmp_path / "serve-report.png")
    page.locator('.text [data-quote="q2"] .tag').first.click()
    page.wait_for_selector("#q2 details[open]", timeout=5000)

    links = {a.inner_text(): a.get_attribute("href") for a in page.locator("nav.downloads a").all()}
    md = httpx.get(server.url + links["Download Markdown"])
    assert md.status_code == 200 and md.text.startswith("# quoteverify report")
    js = httpx.get(server.url + links["Download JSON"]).json()
    assert {q["id"]: q["verdict"] or "none" for q in js["quotes"]} == expected
    # The browser talked to the server only (the server fetched the site, not the page).
    _only_self(rec.requests, server.url + "/")
    assert rec.errors == []
    assert _axe(page) == []
    # Several audits at once (pasted text, an uploaded source): none waits for another.
    said = 'Ann Lee said "we will fix every road in this city" on Monday.'
    upload = ("t.txt", b"ANN LEE: We will fix every road in this city.\n", "text/plain")
    jobs = []
    for _ in range(3):
        r = httpx.post(server.url + "/audit", data={"article": said}, files={"files": upload})
        assert r.status_code == 303
        jobs.append(server.url + r.headers["location"])
    deadline = time.monotonic() + 60
    while jobs and time.monotonic() < deadline:
        jobs = [j for j in jobs if 'class="text"' not in httpx.get(j).text]
        time.sleep(0.2)
    assert jobs == []
    form = recorded(bypass_csp=True).page
    form.goto(server.url + "/")
    assert _axe(form) == []


def test_serve_refuses_private_urls_and_survives_bad_input(
    tmp_path, recorded, serve_factory, site
) -> None:
    server = serve_factory()  # no --allow-private: the default
    rec = recorded()
    page = rec.page
    _submit(page, server.url, site.url("/news/article.html"))
    error = page.wait_for_selector("#error", timeout=30_000).inner_text()
    assert "refused" in error and "127.0.0.1" in error and "Traceback" not in error
    _screenshot(page, tmp_path / "serve-refused.png", full=False)

    # A binary upload.
    page.goto(server.url + "/")
    page.fill("#article", 'The mayor said "we will fix every road in this city" on Monday.')
    page.set_input_files(
        "#files",
        files=[
            {
                "name": "photo.txt",
                "mimeType": "text/plain",
                "buffer": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50,
            }
        ],
    )
    page.click("button[type=submit]")
    assert "binary" in page.wait_for_selector("#error").inner_text()

    # An unreachable URL (nothing listens on port 9 of 127.0.0.1; refused either way).
    _submit(page, server.url, "http://127.0.0.1:9/article.html")
    assert "127.0.0.1:9" in page.wait_for_selector("#error", timeout=30_000).inner_text()

    # A 50 MB paste: refused with a message, and the server keeps serving.
    big = httpx.post(
        server.url + "/audit", files={"article": (None, "a" * (50 * 1024 * 1024))}, timeout=60
    )
    assert big.status_code == 413 and "larger than the 20 MB limit" in big.text
    assert httpx.get(server.url + "/", timeout=5).status_code == 200
    _only_self(rec.requests, server.url + "/")
