"""``align.locate``: the search step alone (what the speed benchmark compares
with rapidfuzz), and ``judge`` going through the same ``find_candidates``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import quoteverify.verdict as verdict
from quoteverify.align import PreparedSource, find_candidates, locate, prepare_source
from quoteverify.align._quote import parse_quote, quote_keys
from quoteverify.models import Quote, Source

BRIEFING = Path(__file__).parent / "data" / "briefing-2022-07-27-excerpt.md"


@pytest.fixture(scope="module")
def ps() -> PreparedSource:
    return prepare_source(Source("b", "ok", BRIEFING.read_text(encoding="utf-8")))


def _passage(ps: PreparedSource, a: int, n: int) -> str:
    s, e = ps.orig_span(a, a + n)
    return ps.source.text[s:e]


def test_locate_exact_quote(ps: PreparedSource) -> None:
    text = _passage(ps, 200, 14)
    loc = locate(ps, text)
    assert loc is not None and loc.score == 100.0
    assert ps.source.text[loc.start : loc.end] == text
    assert loc.tokens == (200, 214) or ps.keys[loc.tokens[0] : loc.tokens[1]] == ps.keys[200:214]


def test_locate_edited_quote(ps: PreparedSource) -> None:
    words = _passage(ps, 400, 20).split()
    words[5] = "zebra"
    del words[12]
    loc = locate(ps, " ".join(words))
    assert loc is not None and 80.0 <= loc.score < 100.0
    s, e = ps.orig_span(400, 420)
    assert loc.start < e and s < loc.end  # overlaps the true passage


def test_locate_nothing(ps: PreparedSource) -> None:
    assert locate(ps, "") is None
    loc = locate(ps, "quixotic zebras juggle marmalade beneath vermilion skies every leap year")
    assert loc is None or loc.score < 50.0


def test_judge_locates_through_find_candidates(
    ps: PreparedSource, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def spy(*args: object, **kw: object) -> object:
        calls.append(1)
        return find_candidates(*args, **kw)  # type: ignore[arg-type]

    # The choice of passage (verdict/_passage.py) asks align for candidates.
    monkeypatch.setattr(verdict._passage, "find_candidates", spy)
    text = _passage(ps, 300, 12)
    r = verdict.judge(Quote("q", text, 0, len(text), kind="quote"), [ps])
    assert r.verdict == "verbatim" and calls


_QUOTE_CHARS = list("ab1 2'.,:%_-x9\n()[]…") + ["é", "’", "“", "”", " . . . ", "...", "[…]"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_QUOTE_CHARS), max_size=60).map("".join))
def test_quote_keys_are_parse_quotes_keys(text: str) -> None:
    # locate reads keys without building tokens; they must be the same keys.
    assert quote_keys(text) == [t.key for t in parse_quote(text).tokens]


def test_quote_keys_on_real_quotes() -> None:
    root = Path(__file__).resolve().parents[1] / "fixtures"
    checked = 0
    for name in ("verdicts", "verdicts-heldout"):
        for line in (root / name / "cases.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line)["quote"]
                assert quote_keys(text) == [t.key for t in parse_quote(text).tokens], text
                checked += 1
    assert checked >= 100


# Bracketed initials ("[W]e", "[a]bolishing") are joined into one word by both readers
# (``join_bracketed_initial``); these pieces make such brackets, half-open ones,
# stage directions and ellipses next to them likely.
_BRACKET_PIECES = list("aWe1 '.,-\n()[]") + [
    "[W]",
    "[a]",
    "[W]e",
    "[é]",
    "é",
    "’",
    "“",
    "...",
    "[…]",
    "[...]",
    "[inaudible]",
    "(Applause.)",
    "[]",
    "x[y]z",
    "[W",
    "W]",
    "[1]",
    "[[W]]",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_BRACKET_PIECES), max_size=40).map("".join))
def test_quote_keys_are_parse_quotes_keys_around_brackets(text: str) -> None:
    assert quote_keys(text) == [t.key for t in parse_quote(text).tokens]


def test_a_bracketed_initial_is_one_key() -> None:
    assert quote_keys("[W]e were able") == ["we", "were", "able"]
    assert quote_keys("[mis]information . . . [a]bolishing") == [
        "mis",
        "information",
        "abolishing",
    ]
