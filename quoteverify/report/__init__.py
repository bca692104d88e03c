"""Stage 6: render a ``Report`` (or a bare extraction) as JSON or Markdown.

Both renderers are deterministic: no clocks, no absolute paths beyond what the
user typed, keys in a fixed order, so the same inputs give byte-identical output.
"""

from __future__ import annotations

from ._json import extraction_json, report_json
from ._markdown import extraction_markdown, report_markdown

__all__ = ["extraction_json", "extraction_markdown", "report_json", "report_markdown"]
