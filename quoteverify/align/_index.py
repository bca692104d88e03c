"""Word-id arrays, a word-trigram index and edlib search over word symbols.

Following /work/shared/research/alignment.md: exact lookup first, then
word-trigram votes pick a few candidate windows, edlib infix ("HW") alignment
runs on word *symbols* inside them (each distinct quote word its own symbol,
every other word one shared symbol), and only if that is weak a bounded
whole-document edlib pass runs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import count
from operator import itemgetter
from typing import NamedTuple

import edlib
import numpy as np

SENTINEL_ID = 0  # turn boundaries and editor's gaps: never equal to a quote word
_OTHER = 0  # edlib symbol for "a word the quote does not contain"
_MAX_SYMBOLS = 255


@dataclass(frozen=True, eq=False)
class WordIndex:
    ids: np.ndarray  # int64 word id per source token
    vocab: dict[str, int]
    tri_keys: np.ndarray  # sorted int64 trigram keys
    tri_pos: np.ndarray  # int64 token position of each trigram (same order)
    uni_order: np.ndarray  # token positions sorted by word id
    uni_start: np.ndarray  # CSR offsets into uni_order, by word id

    @property
    def n(self) -> int:
        return int(self.ids.shape[0])

    def positions(self, wid: int) -> np.ndarray:
        return self.uni_order[self.uni_start[wid] : self.uni_start[wid + 1]]

    def freq(self, wid: int) -> int:
        return int(self.uni_start[wid + 1] - self.uni_start[wid])


def word_ids(keys: list[str]) -> tuple[np.ndarray, dict[str, int]]:
    """Ids for keys in order of first use (0 is reserved for barriers), in bulk.

    One dict lookup per key: a missing key takes the next id from a C-level
    counter, so the pass never returns to Python per word.
    """
    fresh = defaultdict(count(1).__next__)
    ids = np.fromiter(map(fresh.__getitem__, keys), dtype=np.int64, count=len(keys))
    vocab = dict(fresh)
    vocab["\x00"] = SENTINEL_ID
    return ids, vocab


def _stable_order(keys: np.ndarray, bound: int) -> np.ndarray:
    """``np.argsort(keys, kind="stable")`` for keys in [0, bound).

    numpy's stable sort of int64 is a merge sort several times slower than
    its vectorised sort of values; packing each key with its position gives
    one distinct value per element whose sorted order is the stable order.
    """
    n = int(keys.shape[0])
    if n == 0 or bound * n >= 2**62:
        return np.argsort(keys, kind="stable")
    return np.sort(keys * n + np.arange(n, dtype=np.int64)) % n


def build_index(ids: np.ndarray, vocab: dict[str, int]) -> WordIndex:
    v = len(vocab)
    if ids.shape[0] >= 3:
        a, b, c = ids[:-2], ids[1:-1], ids[2:]
        tk = (a * v + b) * v + c
        ok = (a != SENTINEL_ID) & (b != SENTINEL_ID) & (c != SENTINEL_ID)
        pos = np.flatnonzero(ok)
        tk = tk[ok]
        order = _stable_order(tk, v**3)
        tri_keys, tri_pos = tk[order], pos[order]
    else:
        tri_keys = np.zeros(0, dtype=np.int64)
        tri_pos = np.zeros(0, dtype=np.int64)
    uni_order = _stable_order(ids, v)
    counts = np.bincount(ids, minlength=v)
    uni_start = np.zeros(v + 1, dtype=np.int64)
    np.cumsum(counts, out=uni_start[1:])
    return WordIndex(ids, vocab, tri_keys, tri_pos, uni_order, uni_start)


def quote_ids(index: WordIndex, keys: list[str]) -> np.ndarray:
    """Word ids of quote keys; -1 for words the source never uses."""
    return np.asarray([index.vocab.get(k, -1) for k in keys], dtype=np.int64)


@dataclass(frozen=True, eq=False)
class TrigramLookup:
    """Where a quote's trigrams stand in ``tri_keys``: looked up once per quote
    part and shared by the exact search and the window votes."""

    at: np.ndarray  # quote offsets of the trigrams whose three words the source uses
    lo: np.ndarray  # their ranges in tri_keys / tri_pos
    hi: np.ndarray


def trigram_lookup(index: WordIndex, qids: np.ndarray) -> TrigramLookup:
    m = int(qids.shape[0])
    if m < 3:
        empty = np.zeros(0, dtype=np.int64)
        return TrigramLookup(empty, empty, empty)
    v = len(index.vocab)
    a, b, c = qids[:-2], qids[1:-1], qids[2:]
    ok = np.flatnonzero((a >= 0) & (b >= 0) & (c >= 0))
    keys = (a[ok] * v + b[ok]) * v + c[ok]
    lo = np.searchsorted(index.tri_keys, keys, "left")
    hi = np.searchsorted(index.tri_keys, keys, "right")
    return TrigramLookup(ok, lo, hi)


def exact_positions(
    index: WordIndex, qids: np.ndarray, look: TrigramLookup | None = None
) -> list[int]:
    """Start positions where the quote's word sequence occurs exactly."""
    m = int(qids.shape[0])
    if m == 0 or (qids < 0).any():
        return []
    ids = index.ids
    if m >= 3:
        # The rarest trigram narrows the candidates most (the first one of
        # the rarest, as a scan would pick).  Every word is known here, so
        # the lookup holds every trigram, in quote order.
        if look is None:
            look = trigram_lookup(index, qids)
        los, his = look.lo, look.hi
        best_off = int(np.argmin(his - los))
        if his[best_off] == los[best_off]:
            return []
        starts = index.tri_pos[los[best_off] : his[best_off]] - best_off
    else:
        wid = int(qids[int(np.argmin([index.freq(int(w)) for w in qids]))])
        off = int(np.flatnonzero(qids == wid)[0])
        starts = index.positions(wid) - off
    # Verify every candidate start at once: one gather of m ids per start.
    starts = np.sort(starts)
    starts = starts[(starts >= 0) & (starts + m <= ids.shape[0])]
    if starts.shape[0] == 0:
        return []
    rows = ids[starts[:, None] + np.arange(m)]
    return starts[(rows == qids).all(axis=1)].tolist()


def _symbols(index: WordIndex, qids: np.ndarray) -> tuple[bytes, np.ndarray]:
    """Quote as edlib bytes + a lookup table turning source ids into bytes."""
    lut = np.zeros(len(index.vocab) + 1, dtype=np.uint8)  # 0 = other
    qsym = np.zeros(qids.shape[0], dtype=np.uint8)
    seen: dict[int, int] = {}
    for i, w in enumerate(qids.tolist()):
        if w not in seen:
            # Words the source never uses (id -1) share one symbol that no
            # source word gets; past 254 distinct words symbols are shared.
            seen[w] = min(len(seen) + 1, _MAX_SYMBOLS)
            if w >= 0:
                lut[w] = seen[w]
        qsym[i] = seen[w]
    return qsym.tobytes(), lut


class Hit(NamedTuple):
    """An edlib hit.  A named tuple: edlib reports dozens of equal-cost
    locations per window, and a frozen dataclass costs several times more
    to build."""

    dist: int  # word edit distance (edlib)
    start: int  # token span [start, end)
    end: int


_DIST_START = itemgetter(0, 1)  # Hit order: distance, then position


def _align_in(
    qbytes: bytes, lut: np.ndarray, ids: np.ndarray, lo: int, hi: int, k: int = -1
) -> list[Hit]:
    target = lut[ids[lo:hi]].tobytes()
    if not target:
        return []
    r = edlib.align(qbytes, target, mode="HW", task="locations", k=k)
    d = r["editDistance"]
    if d < 0:  # nothing within k edits
        return []
    return [Hit(d, lo + s, lo + e + 1) for s, e in r["locations"] if s is not None and s <= e]


def _gather(
    table: np.ndarray, lo: np.ndarray, hi: np.ndarray, off: np.ndarray, weight: int
) -> tuple[np.ndarray, np.ndarray]:
    """Diagonals (source position - quote offset) of the postings table[lo:hi]
    of every voting quote word, with their vote weight: all the lists at once
    (ranges flattened by repeat + arange) rather than a slice per list."""
    cnt = hi - lo
    first = np.zeros(cnt.shape[0], dtype=np.int64)
    if cnt.shape[0] > 1:
        np.cumsum(cnt[:-1], out=first[1:])
    total = int(cnt.sum())
    flat = np.arange(total, dtype=np.int64) + np.repeat(lo - first, cnt)
    return table[flat] - np.repeat(off, cnt), np.full(total, weight, dtype=np.int64)


def candidate_windows(
    index: WordIndex,
    qids: np.ndarray,
    max_windows: int,
    max_postings: int,
    look: TrigramLookup | None = None,
) -> list[tuple[int, int]]:
    """Source token windows where the quote's trigrams (or rare words) cluster."""
    m = int(qids.shape[0])
    n = index.n
    parts: list[tuple[np.ndarray, np.ndarray]] = []
    if m >= 3:
        if look is None:
            look = trigram_lookup(index, qids)
        lo, hi = look.lo, look.hi
        sel = (hi > lo) & (hi - lo <= max_postings)
        parts.append(_gather(index.tri_pos, lo[sel], hi[sel], look.at[sel], 3))
    # Rare words vote too: a heavily edited quote may keep no three words in a
    # row but still shares its names and unusual words with the passage.
    rare = max(8, max_postings // 20)
    starts = index.uni_start
    known = np.flatnonzero(qids >= 0)
    w = qids[known]
    f = starts[w + 1] - starts[w]
    sel = (f > 0) & (f <= rare)
    parts.append(_gather(index.uni_order, starts[w[sel]], starts[w[sel] + 1], known[sel], 1))
    d = np.concatenate([p[0] for p in parts])
    if d.shape[0] == 0:
        return []
    wt = np.concatenate([p[1] for p in parts])
    bucket = max(8, m // 2)
    b = np.floor_divide(d, bucket)
    # Votes per occupied bucket: one sort of the (few hundred) postings and a
    # segmented sum; cheaper than np.unique's inverse plus a bincount.
    order = np.argsort(b, kind="stable")
    bs = b[order]
    first = np.flatnonzero(np.concatenate(([True], bs[1:] != bs[:-1])))
    ub = bs[first]
    score = np.add.reduceat(wt[order], first)
    # A diagonal straddling two buckets should not be split: add neighbours.
    if ub.shape[0] > 1:
        adj = np.flatnonzero(ub[1:] == ub[:-1] + 1)
        score[adj] += score[adj + 1]
    top = np.argsort(-score, kind="stable")[:max_windows]
    wins = []
    for u in ub[top].tolist():
        s = u * bucket
        wins.append((max(0, s - m), min(n, s + 2 * bucket + 2 * m)))
    wins.sort()
    merged: list[tuple[int, int]] = []
    for lo, hi in wins:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def fuzzy_hits(
    index: WordIndex,
    qids: np.ndarray,
    *,
    max_windows: int,
    max_postings: int,
    weak_fraction: float,
    fallback_max_tokens: int,
    look: TrigramLookup | None = None,
) -> list[Hit]:
    """Best edlib hits, best first.  Windows first; whole document if weak."""
    m = int(qids.shape[0])
    if m == 0 or index.n == 0:
        return []
    qbytes, lut = _symbols(index, qids)
    hits: list[Hit] = []
    for lo, hi in candidate_windows(index, qids, max_windows, max_postings, look):
        hits.extend(_align_in(qbytes, lut, index.ids, lo, hi))
    best = min((h.dist for h in hits), default=m)
    limit = int(weak_fraction * m)
    if best > limit and index.n <= fallback_max_tokens and fallback_max_tokens > 0:
        # Bounded fallback: one linear edlib pass over the whole document,
        # looking only for something better than "weak" (k bounds the work).
        hits.extend(_align_in(qbytes, lut, index.ids, 0, index.n, k=limit))
    uniq = {(h.start, h.end): h for h in hits}
    return sorted(uniq.values(), key=_DIST_START)
