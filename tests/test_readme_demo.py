"""The README's first command, the demo, runs as written (minus the venv setup)."""

from __future__ import annotations

import shlex

from quoteverify.cli import main

from .conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("```", 2)[1]
    return [line for line in block.splitlines() if line.strip()]


def test_readme_starts_with_exactly_two_commands() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    assert "pytest" in commands[1]


def test_demo_runs_offline_and_reports_the_drift(monkeypatch, capsys) -> None:
    demo = readme_commands()[0].split("&& .venv/bin/quoteverify ", 1)[1]
    monkeypatch.chdir(ROOT)
    # Local files only: any attempt to reach the network would fail here.
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    code = main(shlex.split(demo))
    out = capsys.readouterr().out
    assert code == 0
    assert "**diverged**" in out
    assert "I think a lesson from recent history" in out
    assert "could not be used" not in out
