"""The CI integrations shipped with the repository stay consistent with the CLI."""

from __future__ import annotations

import re
import shlex

import yaml

from quoteverify.cli import _parser

from .conftest import ROOT


def test_action_inputs_are_declared_and_used() -> None:
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    action = yaml.safe_load(text)
    assert action["runs"]["using"] == "composite"
    declared = set(action["inputs"])
    used = set(re.findall(r"inputs\.([a-z-]+)", text))
    assert used == declared, (used, declared)
    steps = action["runs"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/cache/restore@") for u in uses)
    assert any(u.startswith("actions/cache/save@") for u in uses)
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    # Inputs reach shell scripts through env, never interpolated into the script.
    for step in steps:
        assert "${{ inputs." not in step.get("run", ""), step.get("name")


def test_action_command_line_parses() -> None:
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert "args=(check --format github --report" in text
    _parser().parse_args(
        [
            "check",
            "--format",
            "github",
            "--report",
            "sarif=x.sarif",
            "--cache",
            "c.sqlite",
            "--changed-since",
            "origin/main",
            "--exit-zero",
            "content/",
        ]
    )


def test_pre_commit_hook_entry_is_a_command() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "quoteverify"
    argv = shlex.split(hook["entry"])
    assert argv[0] == "quoteverify"
    args = _parser().parse_args([*argv[1:], "a.md", "b.html"])
    assert args.command == "check" and args.paths == ["a.md", "b.html"]


def test_documented_tags_follow_the_version() -> None:
    """docs/CI.md names the release tags: the exact one is the current version,
    the moving one its major version (docs/CI.md, "Versions and tags")."""
    from quoteverify import __version__

    text = (ROOT / "docs" / "CI.md").read_text(encoding="utf-8")
    major = __version__.split(".")[0]
    assert f"rev: v{__version__}\n" in text
    assert f"uses: quoteverify/quoteverify@v{major} " in text
    assert "## Versions and tags" in text
    for name in ("action.yml", ".pre-commit-hooks.yaml"):
        assert "Versions and tags" in (ROOT / name).read_text(encoding="utf-8"), name


def test_version_is_written_once() -> None:
    import tomllib

    from quoteverify import __version__

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
