"""Markdown escaping: what a quote holds is what the rendered report shows."""

from __future__ import annotations

from quoteverify.report._markdown import esc


def test_markdown_specials_and_entities_are_escaped() -> None:
    assert esc("a | b *c* `d`") == r"a \| b \*c\* \`d\`"
    # "&amp;" left in a quote must not render as "&"; plain "Q&A" stays readable.
    assert esc("AT&amp;T") == "AT&amp;amp;T"
    assert esc("Q&A") == "Q&A"
    assert esc("line\nbreak") == "line break"
