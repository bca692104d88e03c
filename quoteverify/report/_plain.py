"""Quotations and word diffs as plain text, for the line-oriented outputs
(terminal, JUnit XML, SARIF, Markdown summaries): one line each, long stretches cut."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import DiffOp


def one_line(text: str) -> str:
    """Collapse whitespace: line-oriented formats must not be split by a newline in data."""
    return " ".join(text.split())


def opening(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def has_changes(ops: Sequence[DiffOp]) -> bool:
    return any(op.op != "equal" for op in ops)


_RED = "\x1b[31m"
_GREEN = "\x1b[32m"
_RESET = "\x1b[0m"


def plain_diff(ops: Sequence[DiffOp], *, color: bool = False, keep: int = 4) -> str:
    """Word diff for plain text: ``~~removed~~ [+added+]``, or red/green with ``color``.

    Long unchanged stretches are cut to ``keep`` words at each end: in a terminal or
    an XML report the reader wants the change, not the whole quotation again.
    """

    def removed(text: str) -> str:
        text = one_line(text)
        return f"{_RED}{text}{_RESET}" if color else f"~~{text}~~"

    def added(text: str) -> str:
        text = one_line(text)
        return f"{_GREEN}{text}{_RESET}" if color else f"[+{text}+]"

    parts: list[str] = []
    for op in ops:
        if op.op == "equal":
            words = (op.shown_quote or op.shown_source).split()
            if len(words) > 2 * keep + 1:
                words = [*words[:keep], "…", *words[-keep:]]
            parts.append(" ".join(words))
        elif op.op == "replace":
            parts.append(f"{removed(op.shown_source)} {added(op.shown_quote)}")
        elif op.op == "delete":
            parts.append(removed(op.shown_source))
        else:
            parts.append(added(op.shown_quote))
    return " ".join(p for p in parts if p)
