"""A diff planned by a shared ``Differ`` (memos of flags, searches and plans)
and written out must be the diff a fresh one computes for that passage alone:
``tight_diff`` and the interjection fit choose among planned diffs."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quoteverify.align import prepare_source
from quoteverify.align._diff import Differ, Plan, word_diff
from quoteverify.align._quote import parse_quote
from quoteverify.models import Source
from quoteverify.thresholds import DEFAULT
from quoteverify.verdict._words import WORD_RULES

ROOT = Path(__file__).resolve().parents[1]


def _source_text() -> str:
    folder = ROOT / "fixtures" / "whitehouse" / "sources"
    return sorted(folder.iterdir())[0].read_text(encoding="utf-8")


def test_shared_differ_plans_equal_fresh_diffs() -> None:
    text = _source_text()
    ps = prepare_source(Source(ref="s", status="ok", text=text, title="t"))
    rng = random.Random(3)
    words = text.split()
    for _ in range(40):
        at = rng.randrange(0, max(1, len(words) - 40))
        picked = words[at : at + rng.randint(6, 30)]
        # Edit the quote a little: drop, swap and change words.
        for _ in range(rng.randint(0, 4)):
            k = rng.randrange(len(picked))
            picked[k] = rng.choice(["not", "the", "Two", "we're", picked[k].upper(), "said,"])
        toks = parse_quote(" ".join(picked)).tokens
        if not toks:
            continue
        differ = Differ(toks, ps, DEFAULT, WORD_RULES)
        centre = rng.randrange(0, ps.n_tokens)
        for _ in range(12):
            a = max(0, centre + rng.randint(-5, 5))
            b = min(ps.n_tokens, a + len(toks) + rng.randint(-3, 3))
            if b <= a:
                continue
            shared = differ.write(differ.plan(a, b))
            fresh = word_diff(toks, ps, a, b, DEFAULT, WORD_RULES)
            assert shared == fresh
            # _widen reads it from the plan to skip growths that cannot win.
            assert differ.matched_words(differ.plan(a, b)) == fresh.matched_words


def test_grown_no_cheaper_only_where_the_grown_plan_is_not_cheaper() -> None:
    """``Differ.grown_no_cheaper`` lets ``tight_diff`` skip growing a passage by
    words the quote does not use; wherever it says so, the grown plan really
    costs no less (and the skip happens: junk passages are its case)."""
    text = _source_text()
    ps = prepare_source(Source(ref="s", status="ok", text=text, title="t"))
    rng = random.Random(5)
    words = text.split()
    said = 0
    for _ in range(150):
        at = rng.randrange(0, max(1, len(words) - 40))
        picked = words[at : at + rng.randint(4, 25)]
        for _ in range(rng.randint(0, 6)):
            k = rng.randrange(len(picked))
            picked[k] = rng.choice(["not", "ten", "10", "we're", "we", "are", "colour", "said,"])
        toks = parse_quote(" ".join(picked)).tokens
        if not toks:
            continue
        # Near where the words stand, or anywhere (a junk passage).
        centre = at + rng.randint(-3, 3) if rng.random() < 0.5 else rng.randrange(ps.n_tokens)
        a = max(2, min(centre, ps.n_tokens - len(toks) - 5))
        b = a + len(toks) + rng.randint(-2, 2)
        differ = Differ(toks, ps, DEFAULT, WORD_RULES)
        differ._passage_for(a - 2, b + 2)
        best = differ.plan(a, b)
        for na, nb in ((a - 1, b), (a - 2, b), (a, b + 1), (a, b + 2)):
            if differ.grown_no_cheaper(best, na, nb):
                said += 1
                fresh = Differ(toks, ps, DEFAULT, WORD_RULES).plan(na, nb)
                assert not fresh.cost < best.cost, (picked, na, nb)
    assert said > 20


def test_trimmed_plans_equal_fresh_plans(monkeypatch: pytest.MonkeyPatch) -> None:
    """``Differ.trimmed`` derives a passage's plan less one end word from the
    plan before (``tight_diff`` trims up to four words a side): whether
    derived or planned, each must be the plan a fresh ``Differ`` makes."""
    text = _source_text()
    ps = prepare_source(Source(ref="s", status="ok", text=text, title="t"))
    rng = random.Random(9)
    words = text.split()
    planned = [0]
    plan_fresh = Differ._plan

    def counted(self: Differ, a: int, b: int) -> Plan:
        planned[0] += 1
        return plan_fresh(self, a, b)

    trims = 0
    for _ in range(120):
        at = rng.randrange(0, max(1, len(words) - 40))
        picked = words[at : at + rng.randint(3, 25)]
        for _ in range(rng.randint(0, 6)):
            k = rng.randrange(len(picked))
            picked[k] = rng.choice(["not", "ten", "10", "we're", "we", "are", "uh", "said,"])
        toks = parse_quote(" ".join(picked)).tokens
        if not toks:
            continue
        centre = at + rng.randint(-3, 3) if rng.random() < 0.5 else rng.randrange(ps.n_tokens)
        a = max(0, min(centre, ps.n_tokens - len(toks) - 8))
        b = a + max(2, len(toks) + rng.randint(-3, 5))
        differ = Differ(toks, ps, DEFAULT, WORD_RULES)
        differ._passage_for(a, b)
        best = differ.plan(a, b)
        for side in ("start", "end"):
            for _ in range(4):
                na, nb = (a + 1, b) if side == "start" else (a, b - 1)
                if nb - na < 1:
                    break
                monkeypatch.setattr(Differ, "_plan", counted)
                got = differ.trimmed(best, na, nb)
                monkeypatch.setattr(Differ, "_plan", plan_fresh)
                trims += 1
                assert got == Differ(toks, ps, DEFAULT, WORD_RULES).plan(na, nb), picked
                best, a, b = got, na, nb
    assert trims - planned[0] > 50  # derived, not planned
