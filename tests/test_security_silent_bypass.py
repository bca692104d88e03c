"""An article that is hard to read is read, or said to be unreadable; a misquote
never passes because part of the article silently vanished (issue 12, finding 7;
the corrupt-cache part is in the fetching tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quoteverify._decode import decode_checked

from .conftest import run_cli as run
from .conftest import without_ci_environment

QUOTE = "“We will win this race today and tomorrow,” the minister said."
SOURCE = "The minister said we will lose this race today and tomorrow.\n"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    without_ci_environment(monkeypatch)
    (tmp_path / "src.txt").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def test_one_stray_byte_does_not_hide_the_quotations(here: Path, capsys) -> None:
    data = f"# Report\n\n{QUOTE}\n\nThe cafe was closed.\n".encode() + b"\xe9\n"
    (here / "a.md").write_bytes(data)
    code, out, err = run(capsys, "check", "a.md", "--source", "src.txt", "--format", "concise")
    assert code == 1, out + err
    assert "diverged" in out
    assert "a.md: warning: 1 invalid UTF-8 byte sequence" in out
    for fmt, needle in (
        ("github", "::warning file=a.md,title=Article read with repairs::"),
        ("markdown", "**warning:** 1 invalid UTF-8"),
        ("human", "warning  1 invalid UTF-8"),
    ):
        _code, out, _err = run(capsys, "check", "a.md", "--source", "src.txt", "--format", fmt)
        assert needle in out, fmt
    _code, out, _err = run(capsys, "check", "a.md", "--source", "src.txt", "--format", "json")
    assert json.loads(out)["files"][0]["warnings"][0].startswith("1 invalid UTF-8")
    code, out, err = run(capsys, "audit", "a.md", "--source", "src.txt", "-q")
    assert code == 1 and "**Warning:** 1 invalid UTF-8" in out
    assert "warning: article 'a.md': 1 invalid UTF-8" in err


def test_legacy_encodings_are_still_detected_without_a_warning() -> None:
    text = (
        "Le ministre a déclaré à la presse : « Nous gagnerons cette course », "
        "a-t-il répété devant les élus réunis à Genève pour l'été. "
    ) * 4
    # Left to charset detection as before (which single-byte charset it picks
    # for a short text is its business), not read as UTF-8 with replacements.
    decoded, warning = decode_checked(text.encode("latin-1"))
    assert warning is None and "\ufffd" not in decoded
    clean, warning = decode_checked(QUOTE.encode("utf-8"))
    assert warning is None and clean == QUOTE


def _deep(depth: int) -> str:
    para = f"<p>{QUOTE}</p>"
    return (
        "<html><body><p>Intro.</p>"
        + "<div>" * depth
        + para
        + "</div>" * depth
        + para
        + "</body></html>"
    )


def test_deeply_nested_html_is_read_whole(here: Path, capsys) -> None:
    (here / "deep.html").write_text(_deep(260), encoding="utf-8")
    code, out, err = run(capsys, "check", "deep.html", "--source", "src.txt", "--format", "concise")
    assert code == 1, out + err
    assert out.count("diverged") == 2


def test_html_too_deep_to_read_is_an_error_not_a_pass(here: Path, capsys) -> None:
    (here / "deeper.html").write_text(_deep(3000), encoding="utf-8")
    code, out, err = run(
        capsys, "check", "deeper.html", "--source", "src.txt", "--format", "concise"
    )
    assert code == 2, out + err
    assert "deeper.html: error: HTML nested deeper than 2048 elements" in out
    code, _out, err = run(capsys, "audit", "deeper.html", "--source", "src.txt", "-q")
    assert code == 2 and "nested deeper" in err
