"""The GitHub action's check step: arguments one per line, passed as an array;
the SARIF upload optional."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml

from .conftest import ROOT


def action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def run_check_step(tmp_path: Path, args: str) -> list[str]:
    (step,) = [s for s in action()["runs"]["steps"] if s.get("id") == "check"]
    fake = tmp_path / "bin" / "quoteverify"
    fake.parent.mkdir()
    fake.write_text('#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "[$a]"; done\n')
    fake.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{fake.parent}{os.pathsep}{os.environ['PATH']}",
        "QV_ARGS": args,
        "QV_CHANGED_SINCE": "",
        "QV_FAIL": "true",
        "QV_SARIF": "q.sarif",
        "QV_CACHE": "c.sqlite",
        "GITHUB_OUTPUT": str(tmp_path / "out"),
    }
    # GitHub runs composite bash steps as `bash --noprofile --norc -eo pipefail`.
    proc = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert (tmp_path / "out").read_text() == "exit-code=0\n"
    return [line[1:-1] for line in proc.stdout.splitlines()]


def test_action_args_are_one_per_line_never_split_on_spaces(tmp_path: Path) -> None:
    argv = run_check_step(tmp_path, "content/my drafts\n\n--fail-on\nstitched\n")
    assert argv[-3:] == ["content/my drafts", "--fail-on", "stitched"]
    assert argv[:3] == ["check", "--format", "github"]


def test_action_without_args(tmp_path: Path) -> None:
    argv = run_check_step(tmp_path, "")
    assert argv == [
        "check",
        "--format",
        "github",
        "--report",
        "sarif=q.sarif",
        "--cache",
        "c.sqlite",
    ]


def test_sarif_upload_is_optional_and_never_fails_the_job_by_default() -> None:
    doc = action()
    assert doc["inputs"]["upload-sarif"]["default"] == "auto"
    (upload,) = [s for s in doc["runs"]["steps"] if s.get("name") == "Upload SARIF"]
    assert "inputs.upload-sarif != 'false'" in upload["if"]
    assert upload["continue-on-error"] == "${{ inputs.upload-sarif != 'true' }}"
