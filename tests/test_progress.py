"""The fetch progress bar: shown on a terminal, silent everywhere else."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from quoteverify import _progress
from quoteverify._fetch import FetchOptions, fetch_many

from .conftest import LocalServer, python_stdout


@pytest.fixture
def urls(http_server: LocalServer) -> list[str]:
    ok = [http_server.add(f"/s{i}.txt", f"source {i}", content_type="text/plain") for i in (1, 2)]
    return [*ok, http_server.url("/missing")]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    """A fake terminal: rich believes it draws on a TTY, the text lands here."""
    from rich.console import Console

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100, color_system=None)
    monkeypatch.setattr(_progress, "console_override", console)
    monkeypatch.delenv("CI", raising=False)
    yield out


def options(progress: bool) -> FetchOptions:
    return FetchOptions(allow_private=True, retries=0, timeout=5.0, progress=progress)


def test_bar_is_drawn_on_a_terminal(urls: list[str], terminal: io.StringIO) -> None:
    results = fetch_many(urls, options(progress=True))
    assert len(results) == 3
    drawn = terminal.getvalue()
    assert _progress.DESCRIPTION in drawn
    assert "3/3" in drawn
    assert "1 failed" in drawn  # the 404


@pytest.mark.parametrize("reason", ["disabled", "ci"])
def test_no_bar_when_disabled_or_in_ci(
    urls: list[str], terminal: io.StringIO, monkeypatch: pytest.MonkeyPatch, reason: str
) -> None:
    if reason == "ci":
        monkeypatch.setenv("CI", "true")
    fetch_many(urls, options(progress=reason != "disabled"))
    assert terminal.getvalue() == ""


def test_nothing_on_stderr_when_it_is_not_a_terminal(
    urls: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    fetch_many(urls, options(progress=True))
    assert capsys.readouterr().err == ""


def test_wanted_checks_the_stream_and_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("CI", raising=False)
    assert _progress.wanted(True, Tty())
    assert not _progress.wanted(False, Tty())
    assert not _progress.wanted(True, io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not _progress.wanted(True, Tty())
    monkeypatch.setenv("CI", "false")
    assert _progress.wanted(True, Tty())


def test_rich_is_imported_only_for_a_bar() -> None:
    code = (
        "import sys\n"
        "import quoteverify.cli, quoteverify._fetch, quoteverify._progress\n"
        "print('rich' in sys.modules)\n"
    )
    assert python_stdout(code) == "False"
