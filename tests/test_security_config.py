"""A configuration file found in the repository (the pull request's, in CI)
cannot weaken the SSRF guard or robots.txt, nor make the run write outside the
repository; the same settings from the command line or a named file still work.

Issue 12, finding 10 (``redteam/10_repo_config_weakens_guard.sh``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteverify.cli import main
from quoteverify.config import resolve

from .conftest import LocalServer

ROLE = "/latest/meta-data/iam/security-credentials/role"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, http_server: LocalServer) -> Path:
    http_server.add(ROLE, "SECRET-METADATA-CONTENT iam role token", content_type="text/plain")
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "news").mkdir()
    (root / "news" / "a.md").write_text(
        "# Story\n\n“SECRET-METADATA-CONTENT iam role token REDACTED,” the system said.\n",
        encoding="utf-8",
    )
    (root / "quoteverify.toml").write_text(
        "allow-private = true\n"
        "ignore-robots = true\n"
        f'source = ["{http_server.url(ROLE)}"]\n'
        f'report = ["concise={(tmp_path / "OUTSIDE.txt").as_posix()}", "json=out/in.json"]\n'
        f'archive = "{(tmp_path / "outside.warc.gz").as_posix()}"\n'
        'cache = ".qv/cache.sqlite"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    monkeypatch.delenv("QUOTEVERIFY_CONFIG", raising=False)
    return root


def test_a_repository_config_cannot_turn_the_guard_off_or_write_outside(
    repo: Path,
    tmp_path: Path,
    http_server: LocalServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # main builds its Fetcher from the settings alone, so the guard is the
    # default one here unless a setting the config may not make turns it off.
    code = main(["check", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert http_server.requests == []  # nothing reached the loopback "metadata" server
    assert "127.0.0.1 is a loopback address" in out
    warnings = [line for line in err.splitlines() if line.startswith("quoteverify: warning:")]
    assert warnings == [
        "quoteverify: warning: quoteverify.toml:1: 'allow-private' ignored: a configuration "
        "found in the repository may not set it (pass --allow-private or name the file with "
        "--config to use it)",
        "quoteverify: warning: quoteverify.toml:2: 'ignore-robots' ignored: a configuration "
        "found in the repository may not set it (pass --ignore-robots or name the file with "
        "--config to use it)",
        "quoteverify: warning: quoteverify.toml:5: 'archive' outside the repository ignored: "
        "a configuration found in the repository may not set it (pass --archive or name the "
        "file with --config to use it)",
        f"quoteverify: warning: quoteverify.toml:4: 'report' {(tmp_path / 'OUTSIDE.txt').as_posix()}"
        " (outside the repository) ignored: a configuration found in the repository may not "
        "set it (pass --report or name the file with --config to use it)",
    ]
    assert not (tmp_path / "OUTSIDE.txt").exists()
    assert not (tmp_path / "outside.warc.gz").exists()
    # What stays inside the repository is honoured.
    assert (repo / "out" / "in.json").is_file()
    assert (repo / ".qv" / "cache.sqlite").is_file()


def test_the_same_settings_are_honoured_from_a_named_file_or_the_command_line(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (repo / "quoteverify.toml").read_text(encoding="utf-8")
    named = tmp_path / "ci.toml"
    named.write_text(text, encoding="utf-8")
    st = resolve({}, explicit=str(named), env={}, cwd=repo)
    assert st.ignored == ()
    assert st.allow_private is True and st.ignore_robots is True
    assert st.archive == (tmp_path / "outside.warc.gz").as_posix()
    st = resolve({}, env={"QUOTEVERIFY_CONFIG": str(named)}, cwd=repo)
    assert st.ignored == () and st.allow_private is True
    st = resolve({"allow-private": True}, env={}, cwd=repo)
    assert st.allow_private is True and st.origin("allow-private") == "command line"
    assert len(st.ignored) == 4


def test_a_write_path_into_git_is_outside_too(repo: Path) -> None:
    (repo / "quoteverify.toml").write_text('cache = ".git/hooks/pre-commit"\n', encoding="utf-8")
    st = resolve({}, env={}, cwd=repo)
    assert st.cache is None
    assert st.ignored and "'cache' outside the repository" in st.ignored[0]
