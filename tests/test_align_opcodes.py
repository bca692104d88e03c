"""The fast word diff must give difflib's opcodes exactly."""

from __future__ import annotations

import random
from difflib import SequenceMatcher

from hypothesis import given
from hypothesis import strategies as st

from quoteverify.align._opcodes import index_of, opcodes

_words = st.lists(st.sampled_from(["a", "b", "c", "d", "the", "we"]), max_size=40)


def _difflib(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    return list(SequenceMatcher(None, a, b, autojunk=False).get_opcodes())


@given(_words, _words)
def test_same_opcodes_as_difflib(a: list[str], b: list[str]) -> None:
    assert opcodes(a, index_of(b), len(b)) == _difflib(a, b)


def test_same_opcodes_on_long_and_repetitive_sequences() -> None:
    # Long sequences with many repeats: where longest-match ties are broken.
    rng = random.Random(5)
    for _ in range(300):
        vocab = [f"w{i}" for i in range(rng.randint(1, 12))]
        a = [rng.choice(vocab) for _ in range(rng.randint(0, 120))]
        b = [rng.choice(vocab) for _ in range(rng.randint(0, 120))]
        assert opcodes(a, index_of(b), len(b)) == _difflib(a, b)


def test_equal_sequences_are_one_equal_block() -> None:
    # word_diff answers an exact match with this block without searching.
    a = ["we", "will", "we", "will", "rock"]
    assert opcodes(a, index_of(a), len(a)) == [("equal", 0, 5, 0, 5)] == _difflib(a, a)


def test_empty_sequences() -> None:
    assert opcodes([], index_of([]), 0) == []
    assert opcodes(["a"], index_of([]), 0) == [("delete", 0, 1, 0, 0)]
    assert opcodes([], index_of(["a"]), 1) == [("insert", 0, 0, 0, 1)]


def test_stretches_with_a_shared_memo_match_difflib() -> None:
    # A passage fit diffs many overlapping stretches of one passage against one
    # quote with one memo of longest-match searches: each answer stays difflib's.
    rng = random.Random(11)
    for _ in range(100):
        vocab = [f"w{i}" for i in range(rng.randint(1, 8))]
        a = [rng.choice(vocab) for _ in range(rng.randint(0, 60))]
        b = [rng.choice(vocab) for _ in range(rng.randint(0, 40))]
        b2j = index_of(b)
        memo: dict[tuple[int, int, int, int], tuple[int, int, int]] = {}
        for _ in range(20):
            lo = rng.randint(0, len(a))
            hi = rng.randint(lo, len(a))
            assert opcodes(a, b2j, len(b), lo, hi, memo) == _difflib(a[lo:hi], b)
