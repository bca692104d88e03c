"""Stage 6: render a ``Report`` (or a bare extraction) as JSON or Markdown, and a
``CheckRun`` (``quoteverify check``) in the CI formats of ``FORMATS``; and write
what ``check`` says in words (a finding's title and message, the source it cites,
the ``--verbose`` line per file, the closing summary).

All renderers are deterministic: no clocks, no absolute paths beyond what the
user typed, keys in a fixed order, so the same inputs give byte-identical output.
"""

from __future__ import annotations

from ._ci import FORMATS, github_step_summary, render_check
from ._html import check_html, report_html
from ._json import extraction_json, report_json
from ._markdown import extraction_markdown, report_markdown
from ._messages import (
    describe_diff,
    file_summary,
    finding_message,
    finding_source,
    finding_title,
    run_summary,
)

__all__ = [
    "FORMATS",
    "check_html",
    "describe_diff",
    "extraction_json",
    "extraction_markdown",
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
]
