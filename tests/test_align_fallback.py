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
from quoteverify.align._index import _align_in, _fallback, _fallback_regions, _symbols
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
