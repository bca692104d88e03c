"""Bad input is a one-line error, and one bad article never sinks a ``check`` run
(issue 12, findings 8 and 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quoteverify import check
from quoteverify.errors import EXIT_INTERNAL
from quoteverify.models import Article, Report
from quoteverify.report import render_check

from .conftest import run_cli as run
from .conftest import without_ci_environment

GOOD = "“We will win this race today and tomorrow,” the minister said."
SOURCE = "The minister said we will lose this race today and tomorrow.\n"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    without_ci_environment(monkeypatch)
    (tmp_path / "a.txt").write_text(GOOD + "\n", encoding="utf-8")
    (tmp_path / "src.txt").write_text(SOURCE, encoding="utf-8")
    return tmp_path


# --- finding 16: usage errors, not internal errors ------------------------------------


@pytest.mark.parametrize(
    ("config", "args", "names"),
    [
        (None, ["--max-concurrency", "0"], "--max-concurrency"),
        ("per-host = -1\n", [], "per-host"),
        (None, ["--user-agent", "café", "--source", "http://example.invalid/"], "--user-agent"),
        ('cache = "a\\u0000b"\n', ["--source", "http://example.invalid/"], "--cache"),
        ("x = " + "[" * 2000 + "]" * 2000 + "\n", [], "c.toml"),
    ],
)
def test_bad_options_are_usage_errors(
    here: Path, capsys, config: str | None, args: list[str], names: str
) -> None:
    if config is not None:
        (here / "c.toml").write_text(config, encoding="utf-8")
        args = [*args, "--config", "c.toml"]
    code, _out, err = run(capsys, "audit", "a.txt", "-q", *args)
    assert code == 2, err
    assert err.count("\n") == 1 and names in err and "internal error" not in err


def test_a_malformed_article_url_is_a_usage_error(here: Path, capsys) -> None:
    code, _out, err = run(capsys, "audit", "http://[::1", "-q")
    assert code == 2 and "malformed URL" in err and err.count("\n") == 1


def test_a_library_reference_without_a_library_is_a_source_error(here: Path, capsys) -> None:
    code, out, err = run(
        capsys, "verify", "We will win", "--source", "library:abc", "-q", "--format", "json"
    )
    assert code == 0, err
    (source,) = json.loads(out)["sources"]
    assert source["status"] == "error" and "--library" in source["error"]


# --- finding 8: one file never aborts the run --------------------------------------------

EVIL_FRONT_MATTER = {
    "nested": "x: " + "[" * 50000 + "]" * 50000,
    "surrogate": 'sources: ["\\uD800"]',
    "library": 'sources: ["library:x"]',
    "ipv6": 'sources: ["http://[::1"]',
    "nul": 'sources: ["a\\0b.txt"]',
}


@pytest.mark.parametrize("kind", sorted(EVIL_FRONT_MATTER))
def test_a_hostile_article_does_not_abort_check(here: Path, capsys, kind: str) -> None:
    repo = here / "repo"
    repo.mkdir()
    # Inside the article's folder: a source outside it would be refused (containment).
    (repo / "src.txt").write_text(SOURCE, encoding="utf-8")
    (repo / "a-good.md").write_text(f"---\nsources: [src.txt]\n---\n\n{GOOD}\n", encoding="utf-8")
    (repo / "z-evil.md").write_text(
        f"---\n{EVIL_FRONT_MATTER[kind]}\n---\n\n{GOOD}\n", encoding="utf-8"
    )
    code, out, err = run(capsys, "check", "repo", "--format", "github", "--report", "sarif=o.sarif")
    assert code in (1, 2), err
    assert "internal error" not in out + err
    assert "file=repo/a-good.md" in out and "file=repo/z-evil.md" in out
    sarif = json.loads((here / "o.sarif").read_text(encoding="utf-8"))
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif["runs"][0]["results"]
        for loc in result["locations"]
    }
    assert "repo/a-good.md" in uris


def test_a_bug_on_one_file_is_an_error_row_and_the_rest_is_reported(here: Path) -> None:
    (here / "a.md").write_text(GOOD + "\n", encoding="utf-8")
    (here / "b.md").write_text(GOOD + "\n", encoding="utf-8")

    def audit(path: str) -> Report:
        if path.endswith("a.md"):
            raise RecursionError("maximum recursion depth exceeded")
        art = Article(origin=path, text=GOOD, format="markdown")
        return Report(article=art, results=(), sources=())

    run_ = check.run_check(["a.md", "b.md"], here, audit, "diverged", root=here)
    bad, good = run_.files
    assert bad.internal and bad.error is not None and "RecursionError" in bad.error
    assert not good.internal and good.error is None
    assert check.exit_code(run_) == EXIT_INTERNAL
    for fmt in ("human", "concise", "json", "jsonl", "markdown", "sarif", "github", "junit"):
        text = render_check(run_, fmt)
        assert "a.md" in text and "RecursionError" in text, fmt
