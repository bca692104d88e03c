"""Render a ``CheckRun`` (``quoteverify check``) in the formats CI users know.

``render_check(run, fmt)`` is the one entry point; ``github_step_summary(run)``
gives the Markdown for ``$GITHUB_STEP_SUMMARY``.  Like the per-article reports,
every format is deterministic: files sorted by path, findings by line, column and
quote id, no clock, so the same run renders byte-identically.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from .. import __version__
from .._display import display_path, json_text, safe_line
from ..models import CHECK_FORMATS, CheckFormat, CheckRun, FileCheck, Finding
from ._checkrun import (
    FINDING_VERDICTS,
    article_warnings,
    counts,
    error_parts,
    finding_obj,
    ordered_files,
    ordered_findings,
    plural,
    sources_of,
    summary_line,
)
from ._markdown import esc, render_diff
from ._plain import has_changes, opening, plain_diff

FORMATS = CHECK_FORMATS

# GitHub refuses a step summary of 1 MiB or more; keep a margin for the
# truncation note and for whatever the workflow itself appends.
STEP_SUMMARY_LIMIT = 1024 * 1024 - 4096

JSON_VERSION = 1


def render_check(run: CheckRun, fmt: CheckFormat, *, color: bool = False) -> str:
    """Render ``run`` as ``fmt`` (one of ``FORMATS``); ``color`` only affects "human"."""
    if fmt == "human":
        return render_human(run, color=color)
    # The other CI formats are imported when asked for: a run renders one or two.
    from ._github import render_github
    from ._gitlab import render_gitlab
    from ._junit import render_junit
    from ._sarif import render_sarif

    renderers = {
        "concise": render_concise,
        "json": render_json,
        "jsonl": render_jsonl,
        "markdown": render_markdown,
        "sarif": render_sarif,
        "github": render_github,
        "junit": render_junit,
        "gitlab": render_gitlab,
    }
    if fmt in renderers:
        return renderers[fmt](run)
    raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")


# --- human ---------------------------------------------------------------------

_LEVEL_COLOR = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "note": "\x1b[36m"}
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_RESET = "\x1b[0m"


def _safe(text: str) -> str:
    # Article text reaches the terminal: an escape sequence in a quotation must
    # not be able to recolour or rewrite the user's screen (shown escaped instead).
    return safe_line(text)


def render_human(run: CheckRun, *, color: bool = False) -> str:
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    out: list[str] = []
    for fc in ordered_files(run):
        findings = ordered_findings(fc)
        warnings = article_warnings(fc)
        if not findings and fc.error is None and not warnings:
            continue
        out.append(paint(_BOLD, display_path(fc.path)))
        out += [f"  {paint(_LEVEL_COLOR['warning'], 'warning')}  {_safe(w)}" for w in warnings]
        problems = error_parts(fc.error) if fc.error is not None else []
        width = max(
            [len(f"{f.line}:{f.column}") for f in findings]
            + [len(f"{line}:1") for line, _ in problems if line is not None],
            default=0,
        )
        # One problem a line, placed like a finding: "line 4: …; line 9: …" on
        # one line reads as one long error.
        for line, text in problems:
            if line is None:
                out.append(f"  {paint(_LEVEL_COLOR['error'], 'error')}  {_safe(text)}")
                continue
            pos = f"{line}:1".ljust(width)
            out.append(f"  {pos}  {paint(_LEVEL_COLOR['error'], 'error'.ljust(7))}  {_safe(text)}")
        indent = " " * (2 + width + 2)
        for f in findings:
            pos = f"{f.line}:{f.column}".ljust(width)
            level = f.level.ljust(7)
            verdict = f.verdict.ljust(13)
            body: list[str] = [f"“{_safe(opening(f.quote, 30))}”"]
            if has_changes(f.result.diff):
                # Coloured diff codes would be swallowed by the dimming reset of a
                # suppressed finding, so those get the plain markers.
                ops = [
                    replace(
                        op,
                        quote=_safe(op.quote),
                        source=_safe(op.source),
                        quote_text=_safe(op.shown_quote),
                        source_text=_safe(op.shown_source),
                    )
                    for op in f.result.diff
                ]
                body.append("diff: " + plain_diff(ops, color=color and f.suppressed is None))
            if f.suppressed is not None:
                body.append(f"suppressed: {_safe(f.suppressed)}")
                head = f"  {pos}  {level}  {verdict}  {_safe(f.message)}"
                out.append(paint(_DIM, head))
                out += [paint(_DIM, indent + b) for b in body]
                continue
            out.append(
                f"  {pos}  {paint(_LEVEL_COLOR[f.level], level)}  {verdict}  {_safe(f.message)}"
            )
            out += [indent + b for b in body]
        out.append("")
    out.append(summary_line(counts(run)))
    return "\n".join(out) + "\n"


# --- concise ----------------------------------------------------------------------


def render_concise(run: CheckRun) -> str:
    lines: list[str] = []
    for fc in ordered_files(run):
        lines += [f"{display_path(fc.path)}: warning: {safe_line(w)}" for w in article_warnings(fc)]
        if fc.error is not None:
            # A problem on a known line (a suppression without a reason) gets the
            # path:line:col form editors and problem matchers jump to.
            for line, text in error_parts(fc.error):
                path = display_path(fc.path)
                where = f"{path}:{line}:1" if line is not None else path
                lines.append(f"{where}: error: {safe_line(text)}")
        for f in ordered_findings(fc):
            if f.suppressed is None:
                # The path starts the line: quoted when a newline or a leading
                # "::" in a file name could make a CI runner read a command.
                lines.append(
                    f"{display_path(f.path)}:{f.line}:{f.column}: {f.level}: {f.verdict}: "
                    f"{safe_line(f.message)}"
                )
    return "".join(line + "\n" for line in lines)


# --- json / jsonl -----------------------------------------------------------------


def _file_obj(fc: FileCheck) -> dict[str, Any]:
    sources = sources_of(fc)
    obj: dict[str, Any] = {
        "path": fc.path,
        "error": fc.error,
        "findings": [finding_obj(f, sources) for f in ordered_findings(fc)],
    }
    if article_warnings(fc):
        obj["warnings"] = list(article_warnings(fc))
    return obj


def render_json(run: CheckRun) -> str:
    doc = {
        "version": JSON_VERSION,
        "tool": {"name": "quoteverify", "version": __version__},
        "fail_on": run.fail_on,
        "summary": counts(run).as_dict(),
        "files": [_file_obj(fc) for fc in ordered_files(run)],
    }
    return json_text(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True)) + "\n"


def render_jsonl(run: CheckRun) -> str:
    lines: list[str] = []
    for fc in ordered_files(run):
        if fc.error is not None:
            lines.append(_jsonl({"path": fc.path, "error": fc.error}))
        sources = sources_of(fc)
        lines += [_jsonl(finding_obj(f, sources)) for f in ordered_findings(fc)]
    return "".join(line + "\n" for line in lines)


def _jsonl(obj: dict[str, Any]) -> str:
    # json_text escapes U+2028/2029 (and C1 controls, bidi overrides) that
    # json.dumps leaves raw with ensure_ascii=False: the same value, inert on a
    # terminal and never a line break to a reader that splits on them.
    return json_text(json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


# --- markdown / step summary ------------------------------------------------------


def _markdown_head(run: CheckRun) -> str:
    c = counts(run)
    lines = ["## quoteverify check", ""]
    fail = "never fails" if run.fail_on == "none" else f"fails on `{run.fail_on}` or worse"
    lines += [f"**{summary_line(c)}** · {fail}", ""]
    rows = [
        (v, c.verdicts.get(v, 0), c.suppressed_verdicts.get(v, 0))
        for v in FINDING_VERDICTS
        if c.verdicts.get(v, 0) or c.suppressed_verdicts.get(v, 0)
    ]
    if rows:
        lines += ["| Verdict | Findings | Suppressed |", "|---|---:|---:|"]
        lines += [f"| {v} | {n} | {s} |" for v, n, s in rows]
    else:
        lines.append("No findings.")
    return "\n".join(lines) + "\n"


def _markdown_finding(f: Finding) -> str:
    # esc() escapes an "&" that starts an entity, so a quotation holding "&amp;"
    # or "&lt;b&gt;" renders as printed, not as "&" or "<b>".
    speaker = esc(f.speaker) if f.speaker else "—"
    where = f"`{f.line}:{f.column}`"
    if f.suppressed is not None:
        head = f"- {where} *suppressed: {esc(f.suppressed)}* · {f.verdict} · {speaker}"
    else:
        head = f"- {where} **{f.level}** · **{f.verdict}** · {speaker}"
    lines = [
        f"{head} · “{esc(opening(f.quote, 12))}”",
        f"  - {esc(f.message)}",
    ]
    if has_changes(f.result.diff):
        lines.append(
            f"  - Diff (source → quote: ~~removed~~, **added**): {render_diff(f.result.diff)}"
        )
    return "\n".join(lines) + "\n"


def _markdown_blocks(run: CheckRun) -> list[tuple[str, str]]:
    """The document as (kind, text) blocks, so the step summary can stop between two."""
    blocks: list[tuple[str, str]] = [("head", _markdown_head(run))]
    for fc in ordered_files(run):
        findings = ordered_findings(fc)
        warnings = article_warnings(fc)
        if not findings and fc.error is None and not warnings:
            continue
        blocks.append(("file", f"\n### {esc(fc.path)}\n\n"))
        blocks += [("warning", f"- **warning:** {esc(w)}\n") for w in warnings]
        if fc.error is not None:
            blocks.append(("error", f"- **could not be checked:** {esc(fc.error)}\n"))
        blocks += [("finding", _markdown_finding(f)) for f in findings]
    return blocks


def render_markdown(run: CheckRun) -> str:
    return "".join(text for _, text in _markdown_blocks(run))


def github_step_summary(run: CheckRun, *, max_bytes: int = STEP_SUMMARY_LIMIT) -> str:
    """The Markdown report for ``$GITHUB_STEP_SUMMARY``, cut to stay under ``max_bytes``.

    Whole findings are dropped from the end, never half of one, and a closing note
    says how many are missing and where to find them.
    """
    blocks = _markdown_blocks(run)
    # Room for the note: its numbers are at most a few digits each.
    reserve = 400
    out: list[str] = []
    size = 0
    for i, (_kind, text) in enumerate(blocks):
        n = len(text.encode("utf-8"))
        if size + n > max_bytes - reserve and i > 0:
            rest = blocks[i:]
            findings = sum(1 for k, _ in rest if k == "finding")
            errors = sum(1 for k, _ in rest if k == "error")
            note = (
                f"\n> [!NOTE]\n> Truncated to fit GitHub's 1 MiB step summary: "
                f"{plural(findings, 'more finding')} and "
                f"{errors} more unreadable {'file' if errors == 1 else 'files'} not shown. "
                "The JSON or SARIF report lists them all.\n"
            )
            return "".join(out) + note
        out.append(text)
        size += n
    return "".join(out)


__all__ = ["FORMATS", "github_step_summary", "render_check"]
