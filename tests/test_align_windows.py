"""``candidate_windows`` gathers and votes in bulk; it must pick exactly the
windows of the plain definition below (a slice per posting list, a stable
argsort of the buckets, weights summed per bucket)."""

from __future__ import annotations

import random

import numpy as np

from quoteverify.align import lookup
from quoteverify.align._index import WordIndex, candidate_windows

from .conftest import prepared_verdict_sources, random_quotes


def _reference(
    index: WordIndex, qids: np.ndarray, max_windows: int, max_postings: int
) -> list[tuple[int, int]]:
    m = int(qids.shape[0])
    n = index.n
    diag: list[int] = []
    wts: list[int] = []
    v = len(index.vocab)
    if m >= 3:
        for j in range(m - 2):
            a, b, c = (int(x) for x in qids[j : j + 3])
            if min(a, b, c) < 0:
                continue
            key = (a * v + b) * v + c
            lo = int(np.searchsorted(index.tri_keys, key, "left"))
            hi = int(np.searchsorted(index.tri_keys, key, "right"))
            if 0 < hi - lo <= max_postings:
                diag += [int(p) - j for p in index.tri_pos[lo:hi]]
                wts += [3] * (hi - lo)
    rare = max(8, max_postings // 20)
    for j, wid in enumerate(qids.tolist()):
        if wid >= 0 and 0 < index.freq(wid) <= rare:
            diag += [int(p) - j for p in index.positions(wid)]
            wts += [1] * index.freq(wid)
    if not diag:
        return []
    bucket = max(8, m // 2)
    votes: dict[int, int] = {}
    for d, wt in zip(diag, wts, strict=True):
        votes[d // bucket] = votes.get(d // bucket, 0) + wt
    ub = sorted(votes)
    score = [votes[u] + votes.get(u + 1, 0) for u in ub]
    top = sorted(range(len(ub)), key=lambda i: -score[i])[:max_windows]
    wins = sorted(
        (max(0, ub[i] * bucket - m), min(n, ub[i] * bucket + 2 * bucket + 2 * m)) for i in top
    )
    merged: list[tuple[int, int]] = []
    for lo, hi in wins:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def test_candidate_windows_match_the_plain_definition() -> None:
    ps = prepared_verdict_sources(4, "windows")
    quotes = random_quotes(ps, random.Random(11), 300, swap=0.2, unknown=0.25, invent_every=5)
    for keys in quotes:
        look = lookup(ps, keys)
        for max_windows, max_postings in ((4, 2000), (2, 30), (6, 5)):
            got = candidate_windows(ps.index, look.qids, max_windows, max_postings, look.trigrams)
            assert got == _reference(ps.index, look.qids, max_windows, max_postings), keys
