"""Untrusted strings cannot take over what reads a report (issue 12, findings 9, 12, 13).

File names, article text and the URL a server redirects to reach terminals, CI logs
(where a line starting with ``::`` is a GitHub workflow command) and rendered
Markdown.  Each must come out as text, never as a command, an escape sequence or
markup; ordinary strings must come out unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from markdown_it import MarkdownIt

from quoteverify._display import code_span, display_path, escape_controls, json_text

from .conftest import LocalServer, without_ci_environment
from .conftest import run_cli as run

BODY = "# Story\n\n“We will win this race today and tomorrow,” the minister said.\n"
SOURCE = "The minister said we will lose this race today and tomorrow.\n"
LINE_FORMATS = ("concise", "human", "github")
EVERY_FORMAT = ("concise", "human", "github", "json", "jsonl", "markdown", "sarif", "junit")

# ESC/OSC (window title, clipboard), CSI, an 8-bit CSI (C1), bidi override, BEL.
HOSTILE = "\x1b]0;PWNED\x07\x1b[2J\x1b[31mRED\x1b[0m\x9b31m\u202egnp.exe\x1b]52;c;ZWNobw==\x07"
# Prose around it, so that the article is not taken for a binary file.
PAD = "The council met on Tuesday to discuss the budget. " * 30
RAW_CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    without_ci_environment(monkeypatch)
    (tmp_path / "src.txt").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def _forged(text: str) -> list[str]:
    """Lines a GitHub runner would execute that quoteverify did not write."""
    out = []
    for line in text.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("::") and not stripped.startswith(
            ("::error file=", "::warning file=", "::notice file=", "::notice title=quoteverify")
        ):
            out.append(line)
        elif "Forged" in stripped.split("::", 2)[1:2]:
            out.append(line)
    return out


# --- finding 9: workflow commands from file names -------------------------------------


def test_file_names_cannot_start_a_workflow_command(repo: Path, capsys) -> None:
    news = repo / "news"
    news.mkdir()
    (news / "x\n::error title=Forged::from a file name.md").write_text(BODY, encoding="utf-8")
    evil_dir = repo / "::warning title=Forged2::via a directory"
    evil_dir.mkdir()
    (evil_dir / "b.md").write_text(BODY, encoding="utf-8")
    (repo / "\r::error::cr.md").write_text(BODY, encoding="utf-8")
    for fmt in LINE_FORMATS:
        code, out, err = run(capsys, "check", "--source", "src.txt", "--format", fmt)
        assert code == 1, (fmt, err)
        for stream in (out, err):
            assert "\r" not in stream, fmt
            assert not _forged(stream), (fmt, _forged(stream))
        if fmt == "concise":
            # Still one finding per line, and the path is recognisable.
            lines = out.splitlines()
            assert len(lines) == 3
            assert any(line.startswith('"news/x\\n::error title=Forged') for line in lines)
            assert any(line.startswith('"::warning title=Forged2') for line in lines)


def test_ordinary_paths_are_printed_as_written() -> None:
    for path in ("news/a.md", "content/2024/élection présidentielle.md", "a b/c.md", "x::y.md"):
        assert display_path(path) == path
    assert display_path("::error::x.md") == '"::error::x.md"'
    assert display_path("a\nb") == '"a\\nb"'
    assert display_path(" lead.md") == '" lead.md"'


def test_error_messages_on_stderr_escape_the_file_name(repo: Path, capsys) -> None:
    code, _out, err = run(capsys, "audit", "missing\n::error title=Forged::x.md")
    assert code == 2
    assert err.count("\n") == 1, err
    assert not _forged(err)


# --- finding 12: terminal escapes from article text ----------------------------------


def test_article_text_cannot_send_escape_sequences(repo: Path, capsys) -> None:
    (repo / "a.md").write_text(
        f"# Story\n\n{PAD}\n\n“We will win this race {HOSTILE} today and tomorrow,” "
        "the minister said.\n",
        encoding="utf-8",
    )
    runs = [
        ("audit", "a.md", "-q", "--source", "src.txt"),
        ("audit", "a.md", "-q", "--source", "src.txt", "--format", "json"),
        ("extract", "a.md", "--format", "markdown"),
        ("extract", "a.md"),
        *[("check", "a.md", "--source", "src.txt", "--format", f) for f in EVERY_FORMAT],
    ]
    for args in runs:
        _code, out, err = run(capsys, *args)
        for ch in RAW_CONTROLS:
            assert ch not in out and ch not in err, (args, repr(ch))
        # Shown, not dropped: the reader can see the article held an escape.
        assert "x1b" in out or "u001b" in out, args
    _code, out, _err = run(capsys, "check", "a.md", "--source", "src.txt", "--format", "json")
    doc = json.loads(out)
    # JSON keeps the value exactly: escaping is only in the encoding.
    assert HOSTILE.split("\x1b[0m")[0] in doc["files"][0]["findings"][0]["quote"]


def test_escape_controls_leaves_ordinary_text_alone() -> None:
    text = "Smith said: “It’s — «très» — fine”, 10 % of ¼ café 日本"
    assert escape_controls(text) == text
    assert escape_controls("a\x1b[31mb") == "a\\x1b[31mb"
    assert escape_controls("\u202e") == "\\u202e"
    assert json_text(json.dumps("x\x9by\u2028", ensure_ascii=False)) == '"x\\u009by\\u2028"'


# --- finding 13: Markdown injection ---------------------------------------------------


def _links_and_images(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    found = []
    for tok in tokens:
        for child in tok.children or []:
            if child.type in ("image", "link_open", "html_inline"):
                found.append(child.type)
        if tok.type == "html_block":
            found.append(tok.type)
    return found


def test_a_backtick_in_the_final_url_cannot_close_the_code_span(
    http_server: LocalServer, capsys
) -> None:
    evil = "/a`![beacon](http://127.0.0.1:9/pixel.png)[click me](http://127.0.0.1:9/phish)`.txt"
    # The server sees the path as the client encodes it.
    sent = httpx.URL("http://127.0.0.1" + evil).raw_path.decode("ascii")
    http_server.add(sent, "The council met.\n\n" + BODY, content_type="text/plain")
    start = http_server.add("/start", b"", status=302, headers={"Location": evil})
    code, out, err = run(capsys, "audit", start, "-q", "--allow-private")
    assert code == 0, err
    assert _links_and_images(out) == [], out.splitlines()[2]
    rendered = MarkdownIt("commonmark").render(out.splitlines()[2])
    assert "<code>" in rendered and "pixel.png" in rendered


def test_untrusted_strings_render_as_text_in_every_markdown_context(repo: Path, capsys) -> None:
    payload = "![b](http://127.0.0.1:9/p.png) [x](http://127.0.0.1:9/) <img src=x> | `` ` ``"
    (repo / f"{'a'}.md").write_text(
        f"---\ntitle: '{payload}'\n---\n\n"
        f"**{payload}** said: “We will win this race {payload} today and tomorrow.”\n",
        encoding="utf-8",
    )
    for args in (
        ("audit", "a.md", "-q", "--source", "src.txt"),
        ("extract", "a.md", "--format", "markdown"),
        ("check", "a.md", "--source", "src.txt", "--format", "markdown"),
    ):
        _code, out, _err = run(capsys, *args)
        assert _links_and_images(out) == [], args


def test_code_span_fences() -> None:
    assert code_span("http://example.org/a") == "`http://example.org/a`"
    assert code_span("a`b") == "``a`b``"
    assert code_span("`x``") == "``` `x`` ```"
    for text in ("a`b", "`x``", "``", "x\n`y"):
        html = MarkdownIt("commonmark").render(code_span(text))
        assert html.count("<code>") == 1, text
