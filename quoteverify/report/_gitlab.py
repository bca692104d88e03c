"""GitLab Code Quality JSON: the merge-request widget's and diff's findings.

A JSON array of issues, each with ``description``, ``check_name``, a
``fingerprint`` unique within the report, ``severity`` and ``location`` (a path
relative to the repository's top, and lines).  GitLab has no notion of a
suppressed finding: suppressed ones are left out.  Files that could not be
checked and article warnings are issues too, so they show in the merge request.
See https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .._display import json_text, safe_line
from ..models import CheckRun, Finding
from ._checkrun import article_warnings, error_parts, ordered_files, ordered_findings

# GitLab's severities are info, minor, major, critical and blocker.
_SEVERITY = {"error": "major", "warning": "minor", "note": "info"}


def project_path(path: str, env: Mapping[str, str] | None = None) -> str:
    """``path`` relative to ``$CI_PROJECT_DIR`` (GitLab resolves Code Quality
    paths against the checkout, not the job's folder); unchanged outside it."""
    top = (os.environ if env is None else env).get("CI_PROJECT_DIR")
    if not top:
        return path
    full = Path(path) if Path(path).is_absolute() else Path.cwd() / path
    try:
        return full.resolve().relative_to(Path(top).resolve()).as_posix()
    except (OSError, ValueError):
        return path


def _issue(
    check: str, description: str, severity: str, path: str, location: dict[str, Any], key: str
) -> dict[str, Any]:
    return {
        "type": "issue",
        "check_name": check,
        # One line: GitLab shows it as a row of the widget.
        "description": safe_line(description),
        "severity": severity,
        "fingerprint": hashlib.md5(key.encode(), usedforsecurity=False).hexdigest(),
        "location": {"path": path, **location},
    }


def _finding(f: Finding, path: str, seen: dict[str, int]) -> dict[str, Any]:
    # Our fingerprint survives line moves, but a quotation printed twice shares
    # it; GitLab wants each issue's unique, so the copies are numbered.
    base = f"{f.fingerprint}\0{f.verdict}"
    n = seen[base] = seen.get(base, 0) + 1
    location = {
        "positions": {
            "begin": {"line": f.line, "column": f.column},
            "end": {"line": f.end_line, "column": f.end_column},
        }
    }
    return _issue(
        f"quoteverify/{f.verdict}",
        f"{f.title}: {f.message}",
        _SEVERITY[f.level],
        path,
        location,
        f"{base}\0{n}",
    )


def render_gitlab(run: CheckRun) -> str:
    issues: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for fc in ordered_files(run):
        path = project_path(fc.path)
        if fc.error is not None:
            for line, text in error_parts(fc.error):
                issues.append(
                    _issue(
                        "quoteverify/file-error",
                        f"could not be checked: {text}" if line is None else text,
                        "major",
                        path,
                        {"lines": {"begin": line or 1}},
                        f"{fc.path}\0error\0{line}\0{text}",
                    )
                )
        for w in article_warnings(fc):
            # "line 5: unused suppression: …" belongs on line 5; a warning about
            # the whole article (repaired bytes) on the first.
            (line, _), *_ = error_parts(w)
            issues.append(
                _issue(
                    "quoteverify/warning",
                    w,
                    "info",
                    path,
                    {"lines": {"begin": line or 1}},
                    f"{fc.path}\0warning\0{w}",
                )
            )
        issues += [_finding(f, path, seen) for f in ordered_findings(fc) if f.suppressed is None]
    return json_text(json.dumps(issues, ensure_ascii=False, indent=2)) + "\n"
