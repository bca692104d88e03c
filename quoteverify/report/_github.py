"""GitHub Actions workflow commands: one annotation per active finding.

The runner turns ``::error file=...::message`` lines on stdout into annotations on
the pull request's diff.  It shows at most 10 errors and 10 warnings per step, so a
closing ``::notice::`` says when some were hidden and where to read them all.
"""

from __future__ import annotations

from .._display import escape_controls
from ..models import CheckRun, Finding
from ._checkrun import (
    article_warnings,
    counts,
    error_parts,
    ordered_files,
    ordered_findings,
    plural,
    repository_path,
)

_COMMAND = {"error": "error", "warning": "warning", "note": "notice"}

# Annotations GitHub displays per step for each of error / warning / notice.
ANNOTATION_CAP = 10


def escape_data(text: str) -> str:
    """Escape a command's message (after the ``::``): the runner's own rules, and
    no terminal control (the log viewer renders ANSI sequences)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escape_controls(text)


def escape_property(text: str) -> str:
    """Escape a property value: ``:`` and ``,`` would end the value early."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, props: list[tuple[str, str]], message: str) -> str:
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return (
        f"::{name} {joined}::{escape_data(message)}"
        if joined
        else f"::{name}::{escape_data(message)}"
    )


def _finding_line(f: Finding) -> str:
    props = [("file", repository_path(f.path)), ("line", str(f.line))]
    # GitHub only takes columns on a one-line annotation (its checks API drops
    # or rejects them otherwise), so a quotation over several lines gets lines only.
    if f.line == f.end_line:
        # GitHub's endColumn is inclusive (it defaults to col: a one-character
        # annotation), where Finding.end_column is exclusive, as in SARIF.  An
        # empty span (a quote placed next to the word it follows) is one column.
        end = max(f.column, f.end_column - 1)
        props += [("col", str(f.column))]
        props += [("endLine", str(f.end_line)), ("endColumn", str(end))]
    else:
        props += [("endLine", str(f.end_line))]
    props.append(("title", f.title))
    return _command(_COMMAND[f.level], props, f.message)


def _file_error_lines(path: str, error: str) -> list[str]:
    # A reasonless suppression is reported on its own line, where the fix is.
    out = []
    for line, text in error_parts(error):
        props = [("file", repository_path(path))]
        if line is not None:
            props.append(("line", str(line)))
        props.append(("title", "File could not be checked"))
        out.append(_command("error", props, text))
    return out


def render_github(run: CheckRun) -> str:
    lines: list[str] = []
    shown = {"error": 0, "warning": 0, "notice": 0}
    for fc in ordered_files(run):
        for warning in article_warnings(fc):
            props = [("file", repository_path(fc.path)), ("title", "Article read with repairs")]
            lines.append(_command("warning", props, warning))
            shown["warning"] += 1
        if fc.error is not None:
            errors = _file_error_lines(fc.path, fc.error)
            lines += errors
            shown["error"] += len(errors)
        for f in ordered_findings(fc):
            if f.suppressed is None:
                lines.append(_finding_line(f))
                shown[_COMMAND[f.level]] += 1
    if any(n > ANNOTATION_CAP for n in shown.values()):
        c = counts(run)
        unreadable = f", {c.file_errors} could not be checked" if c.file_errors else ""
        summary = (
            f"quoteverify: {plural(c.errors, 'error')}, {plural(c.warnings, 'warning')}, "
            f"{plural(c.notes, 'note')} in {plural(c.files, 'file')}{unreadable}. "
            f"GitHub shows only {ANNOTATION_CAP} annotations of each level per step: "
            "see the job summary or the SARIF report for all of them."
        )
        # First, not last: with more than ten notes (minor findings are notices)
        # a closing notice would itself be one of those GitHub hides.
        lines.insert(0, _command("notice", [("title", "quoteverify summary")], summary))
    return "".join(line + "\n" for line in lines)
