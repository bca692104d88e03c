"""Helpers shared by the extraction tests: run the extractor on a text and pick
out quotations, speakers and the rule that decided them."""

from __future__ import annotations

from quoteverify.extract import extract_quotes
from quoteverify.models import Article, Quote


def q(text: str, fmt: str = "text", headings: tuple[tuple[int, int], ...] = ()) -> list[Quote]:
    """Every quotation of ``text``; offsets of quotes and speaker mentions checked."""
    quotes = extract_quotes(Article("t", text, fmt, headings=headings))  # type: ignore[arg-type]
    for x in quotes:
        assert text[x.start : x.end] == x.text
        if x.speaker is not None:
            assert text[x.speaker.start : x.speaker.end] == x.speaker.mention
        assert x.attribution_rule, x
    return quotes


def only(text: str) -> Quote:
    """The one quotation of ``text`` that is not a scare quote."""
    quotes = [x for x in q(text) if x.kind != "scare"]
    assert len(quotes) == 1, quotes
    return quotes[0]


def direct(text: str) -> list[Quote]:
    """The quotations of kind "quote" only."""
    return [x for x in q(text) if x.kind == "quote"]


def only_direct(text: str) -> Quote:
    quotes = direct(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


def counted(text: str) -> list[Quote]:
    """The quotations the benchmark counts: quotes and fragments."""
    return [x for x in q(text) if x.kind in ("quote", "fragment")]


def name(x: Quote) -> str | None:
    return x.speaker.name if x.speaker else None


def title(x: Quote) -> str | None:
    return x.speaker.title if x.speaker else None


def mention(x: Quote) -> str | None:
    return x.speaker.mention if x.speaker else None
