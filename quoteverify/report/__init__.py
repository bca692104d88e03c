"""Stage 6: render a ``Report`` (or a bare extraction) as JSON or Markdown, and a
``CheckRun`` (``quoteverify check``) in the CI formats of ``FORMATS``; and write
what ``check`` says in words (a finding's title and message, the source it cites,
an unused suppression's warning, a file's internal error, the ``--verbose`` line
per file, the closing summary).

All renderers are deterministic: no clocks, no absolute paths beyond what the
user typed, keys in a fixed order, so the same inputs give byte-identical output.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._ci import FORMATS, github_step_summary, render_check
    from ._html import check_html, report_html
    from ._json import extraction_json, report_json
    from ._markdown import extraction_markdown, report_markdown
    from ._messages import (
        describe_diff,
        file_internal_error,
        file_summary,
        finding_message,
        finding_source,
        finding_title,
        run_summary,
        unused_suppression_warning,
    )

# Each name's module, imported on first use (PEP 562): ``quoteverify extract``
# needs only the JSON renderer, and importing every CI format (JUnit's XML,
# SARIF, GitLab, HTML) cost it ~12 ms of its start-up.
_LAZY_EXPORTS = {
    "FORMATS": "_ci",
    "github_step_summary": "_ci",
    "render_check": "_ci",
    "check_html": "_html",
    "report_html": "_html",
    "extraction_json": "_json",
    "report_json": "_json",
    "extraction_markdown": "_markdown",
    "report_markdown": "_markdown",
    "describe_diff": "_messages",
    "file_internal_error": "_messages",
    "file_summary": "_messages",
    "finding_message": "_messages",
    "finding_source": "_messages",
    "finding_title": "_messages",
    "run_summary": "_messages",
    "unused_suppression_warning": "_messages",
}


def __getattr__(name: str) -> Any:
    module = _LAZY_EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # the next lookup is a plain global
    return value


__all__ = [
    "FORMATS",
    "check_html",
    "describe_diff",
    "extraction_json",
    "extraction_markdown",
    "file_internal_error",
    "file_summary",
    "finding_message",
    "finding_source",
    "finding_title",
    "github_step_summary",
    "render_check",
    "report_html",
    "report_json",
    "report_markdown",
    "run_summary",
    "unused_suppression_warning",
]
