"""Extraction rules added for recall take time linear in what they read
(review of the xrecall/xspeak9/xtune8 merges).

As in ``tests/test_security_linear_time.py``: a hostile input made four times
longer must not take more than eight times as long per call (a linear scan takes
about four times, a quadratic one sixteen); no wall-clock budget.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from quoteverify.extract import extract_quotes
from quoteverify.extract._cues import _clause_after_according
from quoteverify.models import Article

LIMIT = 8.0
GROWTH = 4


def _per_call(fn: Callable[[str], object], arg: str) -> float:
    """CPU seconds per call, the best of three rounds of at least 0.03 s each."""
    best = float("inf")
    for _ in range(3):
        calls = 0
        start = time.process_time()
        while True:
            fn(arg)
            calls += 1
            spent = time.process_time() - start
            if spent >= 0.03:
                break
        best = min(best, spent / calls)
    return best


def _extract(text: str) -> object:
    return extract_quotes(Article("p", text, "text"))


def _according(text: str) -> object:
    return _clause_after_according(text, 0, len(text))


CASES: dict[str, tuple[Callable[[str], object], Callable[[int], str], int]] = {
    # ``headlinese``: the blanks after a labelled headline (a pull request's
    # paragraph padded with spaces) were shared out between the two blank runs of
    # the citation pattern in every way before the match failed.
    "headlinese: blanks after a labelled headline": (
        _extract,
        lambda n: (
            "Title\n\nEURACTIV: “Poroshenko asks Obama for weapons obtains blankets”"
            + " " * n
            + "x"
        ),
        5_000,
    ),
    # ``headlinese``: the rest of the line was searched for a citation's date
    # after every quotation of a one-line paragraph.
    "headlinese: one line of many quotations": (
        _extract,
        lambda n: "Title\n\n" + "x “a b” " * (n // 8),
        10_000,
    ),
    # ``_clause_after_according``: the window was searched for a cue from every
    # ", and" in turn.
    "according to: many and-clauses": (
        _according,
        lambda n: "according to the IEA" + ", and x" * (n // 7),
        4_000,
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_rule_time_grows_linearly(name: str) -> None:
    fn, make, n = CASES[name]
    small, large = make(n), make(GROWTH * n)
    _per_call(fn, small)  # warm caches (compiled regexes, imports)
    ratio = _per_call(fn, large) / _per_call(fn, small)
    assert ratio < LIMIT, f"{name}: a {GROWTH}x longer input multiplied the time by {ratio:.1f}"


def test_the_citation_check_reads_the_same_headlines() -> None:
    # The reordered checks still take a labelled headline, a cited one and a run,
    # and leave a speaker's words under a label alone.
    def kinds(text: str) -> list[str]:
        return [q.kind for q in extract_quotes(Article("p", text, "text"))]

    assert kinds("Title\n\nEURACTIV: “Poroshenko asks Obama for weapons, obtains blankets”") == [
        "heading"
    ]
    assert kinds(
        "Title\n\n“MP calls for probe into misplaced documents” — Edmonton Sun, August 16, 2008"
    ) == ["heading"]
    assert kinds(
        "Title\n\nMarch 2023: “Virologist says COVID origin report could make it harder to"
        " study dangerous diseases” September 2024: “New research finds lab leak likely"
        " origin of pandemic”"
    ) == ["heading", "heading"]
    assert kinds("Title\n\nSen. Chuck Schumer: “Every day gets better for us”") == ["quote"]
