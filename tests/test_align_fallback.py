"""The whole-document fallback, run only where a hit can stand, finds exactly
what one edlib pass over the whole document finds.

``_fallback`` restricts edlib to the token ranges ``_fallback_regions``
proves can hold an alignment within ``k`` edits (joined by pads); its hits,
distances, order and start positions must equal ``_align_in`` over the whole
source for every quote and every ``k``, including quotes made of source
passages (hits exist), edited ones, invented ones (no hit), quotes near the
document's ends, repeated words and words the source never uses.
"""

from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteverify.align import PreparedSource, lookup, prepare_source
from quoteverify.align._index import (
    _align_in,
    _fallback,
    _fallback_regions,
    _qualifying_runs,
    _symbols,
)
from quoteverify.models import Source

from .conftest import prepared_verdict_sources

_PS = prepared_verdict_sources(3, "fallback")
_WORDS = [k for k in _PS.keys if k != "\x00"]


def _same(ps: PreparedSource, keys: list[str], k: int) -> bool:
    qids = lookup(ps, keys).qids
    qbytes, lut = _symbols(ps.index, qids)
    whole = _align_in(qbytes, lut, ps.index.ids, 0, ps.index.n, k=k)
    assert _fallback(qbytes, lut, ps.index, qids, k) == whole, (keys, k)
    # Without the cost guard: the joined pass runs whatever the regions cover.
    assert _fallback(qbytes, lut, ps.index, qids, k, thrifty=False) == whole, (keys, k)
    return bool(whole)


def _edited(rng: random.Random, words: list[str], rate: float) -> list[str]:
    out: list[str] = []
    for w in words:
        r = rng.random()
        if r < rate / 3:
            continue  # dropped
        if r < 2 * rate / 3:
            out.append(rng.choice(_WORDS))  # substituted
        elif r < rate:
            out.extend([w, rng.choice([*_WORDS[:50], "zzqx"])])  # inserted
        else:
            out.append(w)
    return out or words[:1]


def test_fallback_equals_whole_pass_on_source_passages() -> None:
    rng = random.Random(5)
    n = len(_PS.keys)
    found = 0
    for _ in range(150):
        m = rng.randint(4, 40)
        # Passages anywhere, the document's first and last words included.
        a = rng.choice([0, n - m, rng.randrange(0, n - m)])
        words = [w for w in _PS.keys[a : a + m] if w != "\x00"] or ["the"]
        keys = _edited(rng, words, rng.choice([0.0, 0.2, 0.4, 0.6]))
        for k in {0, 1, len(keys) // 3, len(keys) // 2, (2 * len(keys)) // 3}:
            found += _same(_PS, keys, k)
    assert found > 100  # most of these do align within k somewhere


def test_fallback_equals_whole_pass_on_invented_quotes() -> None:
    rng = random.Random(9)
    for _ in range(150):
        m = rng.randint(3, 30)
        keys = [rng.choice(_WORDS) for _ in range(m)]
        if rng.random() < 0.3:
            keys[rng.randrange(m)] = "notawordhere"
        for k in {0, m // 3, m // 2}:
            _same(_PS, keys, k)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 6), min_size=0, max_size=400),
    st.lists(st.integers(0, 7), min_size=1, max_size=25),
    st.integers(0, 15),
)
def test_fallback_equals_whole_pass_on_tiny_alphabets(
    doc: list[int], quote: list[int], k: int
) -> None:
    # A handful of words, repeated everywhere: clusters overlap, regions
    # touch and merge, and word 7 (quote only) never occurs in the source.
    text = " ".join(f"w{x}" for x in doc) or "w0"
    ps = prepare_source(Source(ref="tiny", status="ok", text=text))
    _same(ps, [f"w{x}" for x in quote], k)


def test_regions_skip_an_absent_quote_entirely() -> None:
    # Words the source never uses cannot pair: more of them than k means no
    # alignment within k exists and edlib need not run at all.
    keys = ["qqa", "qqb", "qqc", "qqd", "the", "of"]
    qids = lookup(_PS, keys).qids
    assert _fallback_regions(_PS.index, qids, 2) == []
    assert not _same(_PS, keys, 2)


def test_regions_cover_every_hit() -> None:
    rng = random.Random(3)
    n = len(_PS.keys)
    checked = 0
    for _ in range(60):
        m = rng.randint(6, 30)
        a = rng.randrange(0, n - m)
        keys = _edited(rng, [w for w in _PS.keys[a : a + m] if w != "\x00"] or ["the"], 0.3)
        k = len(keys) // 2
        qids = lookup(_PS, keys).qids
        qbytes, lut = _symbols(_PS.index, qids)
        regions = _fallback_regions(_PS.index, qids, k, thrifty=False)
        if regions is None:
            continue
        checked += 1
        starts = np.asarray([r[0] for r in regions])
        for h in _align_in(qbytes, lut, _PS.index.ids, 0, _PS.index.n, k=k):
            i = int(np.searchsorted(starts, h.start, "right")) - 1
            assert i >= 0 and regions[i][0] <= h.start and h.end <= regions[i][1]
    assert checked > 40


def _runs_by_position(ev: np.ndarray, q: int) -> tuple[list[int], list[int]]:
    """The qualifying runs read position by position: the count after the
    last event at each position, held until the next position."""
    count = 0
    counts: dict[int, int] = {}
    for v in ev.tolist():
        count += -1 if v & 1 else 1
        counts[v >> 1] = count
    xs = sorted(counts)
    s0: list[int] = []
    s1: list[int] = []
    for x, nxt in zip(xs, xs[1:], strict=False):
        if counts[x] < q:
            continue
        if s1 and s1[-1] == x:
            s1[-1] = nxt  # runs on from the previous qualifying position
        else:
            s0.append(x)
            s1.append(nxt)
    return s0, s1


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 40), st.integers(1, 6)),  # occurrence, window reach
        min_size=1,
        max_size=30,
    ),
    st.integers(1, 6),
)
def test_qualifying_runs_read_at_crossings_equal_a_walk_over_positions(
    spans: list[tuple[int, int]], q: int
) -> None:
    # Events as the sweep packs them: +1 at 2 x start, -1 at 2 x (end) + 1;
    # many share a position (both kinds), as dense words' windows do.
    ev = np.sort(
        np.asarray([2 * s for s, _ in spans] + [2 * (s + r) + 1 for s, r in spans], dtype=np.int32)
    )
    s0, s1 = _qualifying_runs(ev, q)
    assert (s0.tolist(), s1.tolist()) == _runs_by_position(ev, q)


def test_regions_of_real_quotes_are_the_windows_walked_one_start_at_a_time() -> None:
    # The capped count of every window start of a small source, against the
    # regions (thrifty off, so none is given up): quotes of source words.
    rng = random.Random(11)
    idx = _PS.index
    n = idx.n
    checked = 0
    for _ in range(40):
        m = rng.randint(3, 14)
        a = rng.randrange(0, n - m)
        keys = _edited(rng, [w for w in _PS.keys[a : a + m] if w != "\x00"] or ["the"], 0.4)
        k = len(keys) // 2
        qids = lookup(_PS, keys).qids
        regions = _fallback_regions(idx, qids, k, thrifty=False)
        if not regions:
            continue
        # A window pairing at least m - k quote words, every word counted (at
        # most as often as the quote uses it), qualifies whichever words the
        # sweep chose to count: it must lie inside a region.
        span = len(keys) + k
        paired = np.zeros(n, dtype=np.int64)
        for w, c in zip(*np.unique(qids, return_counts=True), strict=True):
            if w < 0:
                continue
            seen = np.concatenate(([0], np.cumsum(idx.ids == w)))
            starts = np.arange(n)
            paired += np.minimum(c, seen[np.minimum(starts + span, n)] - seen[starts])
        lo = np.asarray([r[0] for r in regions])
        hi = np.asarray([r[1] for r in regions])
        for s in np.flatnonzero(paired >= len(keys) - k).tolist():
            i = int(np.searchsorted(lo, s, "right")) - 1
            assert i >= 0 and min(s + span, n) <= hi[i], (keys, s)
        checked += 1
    assert checked > 10
