"""A ``CheckRun`` as every ``quoteverify check`` renderer reads it (``_ci``, ``_sarif``, ...):
its files and findings in one order, its counts, each finding as a JSON object.

Every renderer walks the run through :func:`ordered_files` and :func:`ordered_findings`
so all formats list the same things in the same order, whatever order the checker
produced them in (it may check files in parallel).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..models import (
    FINDING_VERDICTS,
    CheckRun,
    FileCheck,
    Finding,
    Source,
    note_obj,
)
from ._json import diff_obj, match_obj, source_ref_obj

# The project's home, as in the fetcher's User-Agent; repeated here rather than
# imported so rendering a report never imports the HTTP stack.
INFORMATION_URI = "https://github.com/quoteverify/quoteverify"

_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[Any, ...]:
    """Sort "q2" before "q10": quote ids are numbered in reading order."""
    return tuple(int(p) if p.isdigit() else p for p in _DIGITS.split(text))


def finding_key(f: Finding) -> tuple[Any, ...]:
    return (f.line, f.column, f.end_line, f.end_column, natural_key(f.quote_id), f.verdict)


def ordered_files(run: CheckRun) -> list[FileCheck]:
    # sorted() is stable, so two entries for one path keep the checker's order.
    return sorted(run.files, key=lambda fc: fc.path)


def ordered_findings(fc: FileCheck) -> list[Finding]:
    return sorted(fc.findings, key=finding_key)


def all_ordered(run: CheckRun) -> list[Finding]:
    return [f for fc in ordered_files(run) for f in ordered_findings(fc)]


@dataclass(frozen=True)
class Counts:
    files: int
    file_errors: int
    errors: int
    warnings: int
    notes: int
    suppressed: int
    baselined: int
    # Active (not suppressed) findings per verdict, every finding verdict present.
    verdicts: dict[str, int]
    suppressed_verdicts: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "file_errors": self.file_errors,
            "findings": self.errors + self.warnings + self.notes,
            "errors": self.errors,
            "warnings": self.warnings,
            "notes": self.notes,
            "suppressed": self.suppressed,
            "baselined": self.baselined,
            "verdicts": dict(self.verdicts),
        }


def counts(run: CheckRun) -> Counts:
    levels = {"error": 0, "warning": 0, "note": 0}
    verdicts = {v: 0 for v in FINDING_VERDICTS}
    suppressed_verdicts = {v: 0 for v in FINDING_VERDICTS}
    suppressed = 0
    for f in run.findings:
        if f.suppressed is not None:
            suppressed += 1
            suppressed_verdicts[f.verdict] = suppressed_verdicts.get(f.verdict, 0) + 1
            continue
        levels[f.level] += 1
        verdicts[f.verdict] = verdicts.get(f.verdict, 0) + 1
    return Counts(
        files=len(run.files),
        file_errors=sum(1 for fc in run.files if fc.error is not None),
        errors=levels["error"],
        warnings=levels["warning"],
        notes=levels["note"],
        suppressed=suppressed,
        baselined=run.baselined,
        verdicts=verdicts,
        suppressed_verdicts=suppressed_verdicts,
    )


def plural(n: int, word: str) -> str:
    from ..grammar import plural as _plural

    return _plural(n, word)


def summary_line(c: Counts) -> str:
    parts = [
        plural(c.files, "file"),
        plural(c.errors, "error"),
        plural(c.warnings, "warning"),
        plural(c.notes, "note"),
        f"{c.suppressed} suppressed",
        f"{c.baselined} baselined",
    ]
    if c.file_errors:
        parts.append(f"{c.file_errors} could not be checked")
    return ", ".join(parts)


def repository_path(path: str, env: Mapping[str, str] | None = None) -> str:
    """``path`` (relative to the working directory) as GitHub wants it in an
    annotation or an uploaded SARIF file: relative to the repository's top.

    GitHub resolves a relative path against the checkout, not against the step's
    ``working-directory``, so a run from ``site/`` would annotate ``news/a.md``
    instead of ``site/news/a.md``.  Outside GitHub Actions (no
    ``GITHUB_WORKSPACE``), or for a file outside the workspace, the path is
    returned unchanged.
    """
    workspace = (os.environ if env is None else env).get("GITHUB_WORKSPACE")
    if not workspace:
        return path
    full = Path(path) if Path(path).is_absolute() else Path.cwd() / path
    try:
        return full.resolve().relative_to(Path(workspace).resolve()).as_posix()
    except (OSError, ValueError):
        return path


_PROBLEM = re.compile(r"line (\d+): ")


def error_parts(error: str) -> list[tuple[int | None, str]]:
    """A file error split into (line, text) problems.

    ``check`` joins the problems it found in an article (a suppression without a
    reason, an unknown directive) as ``"line 5: …; line 9: …"``; each becomes its
    own annotation on its own line.  Any other error is one part without a line.
    """
    parts = error.split("; ")
    matches = [_PROBLEM.match(p) for p in parts]
    if not all(matches):
        return [(None, error)]
    return [(int(m.group(1)), p[m.end() :]) for m, p in zip(matches, parts, strict=True) if m]


def article_warnings(fc: FileCheck) -> tuple[str, ...]:
    """What reading the article had to repair (invalid UTF-8 bytes)."""
    own = fc.report.article.warnings if fc.report is not None else ()
    return (*own, *fc.warnings)


def sources_of(fc: FileCheck) -> tuple[Source, ...]:
    return fc.report.sources if fc.report is not None else ()


def finding_obj(f: Finding, sources: Sequence[Source]) -> dict[str, Any]:
    """The JSON object of one finding: where, what, and the judgement's detail."""
    r = f.result
    m = r.match
    source_detail = None
    # A finding should only exist with its report, but a bad index must not crash
    # the whole CI report: the detail is then simply missing.
    if m is not None and 0 <= m.source_index < len(sources):
        source_detail = source_ref_obj(sources[m.source_index])
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "verdict": f.verdict,
        "level": f.level,
        "title": f.title,
        "message": f.message,
        "quote_id": f.quote_id,
        "quote": f.quote,
        "speaker": f.speaker,
        "source": f.source,
        "source_detail": source_detail,
        "fingerprint": f.fingerprint,
        "suppressed": f.suppressed,
        "score": None if r.score is None else round(r.score, 1),
        "match": match_obj(m) if m is not None else None,
        "diff": [diff_obj(op) for op in r.diff],
        "notes": [note_obj(n) for n in (*r.quote.notes, *r.notes)],
    }
