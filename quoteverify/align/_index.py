"""Word-id arrays, a word-trigram index and edlib search over word symbols.

Exact lookup first, then word-trigram votes pick a few candidate windows,
edlib infix ("HW") alignment runs on word *symbols* inside them (each distinct
quote word its own symbol, every other word one shared symbol), and only if
that is weak a bounded whole-document edlib pass runs.  Why this design, with
the figures measured: docs/THRESHOLDS.md, "Measurements behind the thresholds".
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from itertools import count
from operator import itemgetter
from typing import NamedTuple

import edlib
import numpy as np

SENTINEL_ID = 0  # turn boundaries and editor's gaps: never equal to a quote word
_MAX_SYMBOLS = 255


@dataclass(frozen=True, eq=False)
class WordIndex:
    ids: np.ndarray  # int32 word id per source token (int64 from ``word_ids``)
    vocab: dict[str, int]
    tri_keys: np.ndarray  # sorted int64 trigram keys
    tri_pos: np.ndarray  # token position of each trigram (same order; int32 past prepare)
    uni_order: np.ndarray  # token positions sorted by word id
    uni_start: np.ndarray  # CSR offsets into uni_order, by word id
    # tri_pos and uni_order are two views of this one array, so that the
    # window votes gather postings of both kinds with one take.
    postings: np.ndarray
    # uni_start as a list: the votes read two entries per quote word, and a
    # list index is much cheaper than a numpy one at that count.
    uni_start_list: list[int]

    @property
    def n(self) -> int:
        return int(self.ids.shape[0])

    @property
    def n_trigrams(self) -> int:
        return int(self.tri_pos.shape[0])

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


def _radix_order(cols: tuple[np.ndarray, ...], pt: type[np.signedinteger]) -> np.ndarray:
    """The stable order of rows by the columns ``cols`` (uint16, most
    significant first), as ``pt`` indices.

    numpy sorts 16-bit integers stably by radix, in linear time: one pass per
    column from the last is a stable sort by the whole key, about twice as
    fast on a 16 MB source as the merge sort of the packed trigram keys.
    """
    order = np.argsort(cols[-1], kind="stable").astype(pt)
    for col in cols[-2::-1]:
        step = np.argsort(col[order], kind="stable")
        order = order[step]
        del step
    return order


def _pos_type(n: int) -> type[np.signedinteger]:
    """Token positions' integer type: int32 halves the postings (most of the index)."""
    return np.int32 if n < 2**31 - 1 else np.int64


def _trigram_keys(ids: np.ndarray, pos: np.ndarray, v: int) -> np.ndarray:
    """``(a * v + b) * v + c`` for the words a, b, c at ``pos``, ``pos + 1``,
    ``pos + 2`` (int64), built in place in one array."""
    tk = ids[pos].astype(np.int64)
    tk *= v
    tk += ids[1:][pos]
    tk *= v
    tk += ids[2:][pos]
    return tk


def build_index(ids: np.ndarray, vocab: dict[str, int]) -> WordIndex:
    v = len(vocab)
    n = int(ids.shape[0])
    pt = _pos_type(n)
    if ids.shape[0] >= 3:
        # A trigram counts only if none of its words is a barrier.
        ok = np.ones(n - 2, dtype=bool)
        bar = np.flatnonzero(ids == SENTINEL_ID)
        for back in (0, 1, 2):
            at = bar - back
            ok[at[(at >= 0) & (at < n - 2)]] = False
        pos = np.flatnonzero(ok).astype(pt)
        del ok
        if v <= 1 << 16:
            # Peak memory matters here (the largest source arrays are built
            # now): 16-bit columns, positions in ``pt``, temporaries freed.
            ids16 = ids.astype(np.uint16)
            cols = (ids16[pos], ids16[1:][pos], ids16[2:][pos])
            del ids16
            order = _radix_order(cols, pt)
            del cols
            pos = pos[order]
            del order
        else:
            tk = _trigram_keys(ids, pos, v)
            order = _stable_order(tk, v**3)
            del tk
            pos = pos[order]
            del order
        tri_keys = _trigram_keys(ids, pos, v)
        tri_pos = pos
        del pos
    else:
        tri_keys = np.zeros(0, dtype=np.int64)
        tri_pos = np.zeros(0, dtype=pt)
    if v <= 1 << 16:
        uni_order = _radix_order((ids.astype(np.uint16),), pt)
    else:
        uni_order = _stable_order(ids.astype(np.int64), v)
    counts = np.bincount(ids, minlength=v)
    uni_start = np.zeros(v + 1, dtype=np.int64)
    np.cumsum(counts, out=uni_start[1:])
    postings = np.concatenate((tri_pos, uni_order.astype(pt)))
    del uni_order
    nt = int(tri_pos.shape[0])
    return WordIndex(
        ids,
        vocab,
        tri_keys,
        postings[:nt],
        postings[nt:],
        uni_start,
        postings,
        uni_start.tolist(),
    )


class TrigramLookup(NamedTuple):
    """Where a quote's trigrams stand in ``tri_keys``: looked up once per quote
    part and shared by the exact search and the window votes.

    Plain lists: a quote has a few dozen trigrams, and at that size each
    numpy call costs more than the Python work it replaces (a named tuple
    for the same reason)."""

    at: list[int]  # quote offsets of the trigrams whose three words the source uses
    lo: list[int]  # their ranges in tri_keys / tri_pos
    hi: list[int]


def trigram_lookup(
    index: WordIndex, qids: np.ndarray, qlist: list[int] | None = None
) -> TrigramLookup:
    """``qlist``: ``qids.tolist()`` when the caller has it already."""
    ql = qids.tolist() if qlist is None else qlist
    m = len(ql)
    if m < 3:
        return TrigramLookup([], [], [])
    v = len(index.vocab)
    if min(ql) >= 0:
        # Every word known (most quotes): every trigram, keys in numpy.
        at = list(range(m - 2))
        keys = (qids[:-2] * v + qids[1:-1]) * v + qids[2:]
    else:
        at = [i for i in range(m - 2) if ql[i] >= 0 and ql[i + 1] >= 0 and ql[i + 2] >= 0]
        if not at:
            return TrigramLookup([], [], [])
        keys = np.asarray([(ql[i] * v + ql[i + 1]) * v + ql[i + 2] for i in at], dtype=np.int64)
    # One search for both ends: for integers, the right end of key x is the
    # left end of x + 1.
    bounds = index.tri_keys.searchsorted(np.concatenate((keys, keys + 1))).tolist()
    k = len(at)
    return TrigramLookup(at, bounds[:k], bounds[k:])


def exact_positions(
    index: WordIndex, qids: np.ndarray, look: TrigramLookup | None = None
) -> list[int]:
    """Start positions where the quote's word sequence occurs exactly."""
    ql = qids.tolist()
    m = len(ql)
    if m == 0 or min(ql) < 0:
        return []
    ids = index.ids
    if m >= 3:
        # The rarest trigram narrows the candidates most (the first one of
        # the rarest, as a scan would pick).  Every word is known here, so
        # the lookup holds every trigram, in quote order.
        if look is None:
            look = trigram_lookup(index, qids, ql)
        cnt = [h - lo for lo, h in zip(look.lo, look.hi, strict=True)]
        c = min(cnt)
        best_off = cnt.index(c)
        lo = look.lo[best_off]
        if c == 0:
            return []
        starts = index.tri_pos[lo : lo + c].astype(np.int64) - best_off
    else:
        wid = min(ql, key=index.freq)
        off = ql.index(wid)
        starts = index.positions(wid).astype(np.int64) - off
    n = ids.shape[0]
    if starts.shape[0] <= _FEW_STARTS:
        # A handful of candidates (the usual case: a rare trigram): compare
        # slices one by one, cheaper than the gather below at this size.
        return [
            s
            for s in sorted(starts.tolist())
            if s >= 0 and s + m <= n and ids[s : s + m].tolist() == ql
        ]
    # Verify every candidate start at once: one gather of m ids per start.
    starts = np.sort(starts)
    starts = starts[(starts >= 0) & (starts + m <= n)]
    if starts.shape[0] == 0:
        return []
    rows = ids[starts[:, None] + np.arange(m)]
    return starts[(rows == qids).all(axis=1)].tolist()


_FEW_STARTS = 8


def _symbols(index: WordIndex, qids: np.ndarray) -> tuple[bytes, np.ndarray]:
    """Quote as edlib bytes + a lookup table turning source ids into bytes."""
    ql = qids.tolist()
    # Distinct words in order of first use, numbered from 1, all in C-level
    # passes (a Python loop per word was most of this step).  Words the
    # source never uses (id -1) share one symbol that no source word gets;
    # past 254 distinct words symbols are shared.
    sym = dict(
        zip(
            dict.fromkeys(ql),
            itertools.chain(range(1, _MAX_SYMBOLS), itertools.repeat(_MAX_SYMBOLS)),
            strict=False,  # the symbols never run out
        )
    )
    k = len(sym)
    # The table has one entry more than there are ids: id -1 writes there,
    # where no source word reads.
    lut = np.zeros(len(index.vocab) + 1, dtype=np.uint8)  # 0 = other
    lut[np.fromiter(sym, dtype=np.int64, count=k)] = np.fromiter(
        sym.values(), dtype=np.uint8, count=k
    )
    return bytes(map(sym.__getitem__, ql)), lut


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
    return _locations(qbytes, target, lo, k)


def _locations(qbytes: bytes, target: bytes, lo: int, k: int) -> list[Hit]:
    """edlib's best-distance locations in ``target`` (token ``lo`` onwards),
    only if within ``k`` edits (k < 0: no bound).  With ``k`` at or above the
    best distance the hits are those of the unbounded call."""
    r = edlib.align(qbytes, target, mode="HW", task="locations", k=k)
    d = r["editDistance"]
    if d < 0:  # nothing within k edits
        return []
    return [Hit(d, lo + s, lo + e + 1) for s, e in r["locations"] if s is not None and s <= e]


def candidate_windows(
    index: WordIndex,
    qids: np.ndarray,
    max_windows: int,
    max_postings: int,
    look: TrigramLookup | None = None,
) -> list[tuple[int, int]]:
    """Source token windows where the quote's trigrams (or rare words) cluster.

    The posting lists (a few dozen per quote) are chosen in Python; their
    postings (a few hundred) are voted on in numpy with as few calls as
    possible: at this size each call's overhead, not its work, is the cost.
    """
    ql = qids.tolist()
    m = len(ql)
    n = index.n
    # Posting lists to gather: trigrams first (weight 3), then rare words
    # (1).  Each as its start in index.postings less the slot its first
    # posting takes in the gathered array, and its quote offset; repeated
    # over its postings, slot + that start is the posting's index.
    lists: list[int] = []  # flat pairs
    cnts: list[int] = []
    acc = 0  # postings so far
    if m >= 3:
        if look is None:
            look = trigram_lookup(index, qids, ql)
        for o, lo, hi in zip(look.at, look.lo, look.hi, strict=True):
            c = hi - lo
            if 0 < c <= max_postings:
                lists += (lo - acc, o)
                cnts.append(c)
                acc += c
    n_tri = acc
    # Rare words vote too: a heavily edited quote may keep no three words in a
    # row but still shares its names and unusual words with the passage.
    rare = max(8, max_postings // 20)
    us = index.uni_start_list
    base = index.n_trigrams
    for i, w in enumerate(ql):
        if w >= 0:
            lo = us[w]
            c = us[w + 1] - lo
            if 0 < c <= rare:
                lists += (base + lo - acc, i)
                cnts.append(c)
                acc += c
    total = acc
    if total == 0:
        return []
    # A flat list converts to an array several times faster than pairs do.
    rep = np.asarray(lists, dtype=np.int64).reshape(-1, 2).repeat(cnts, axis=0)
    slot = np.arange(total, dtype=np.int64)
    slot += rep[:, 0]
    d = index.postings[slot].astype(np.int64, copy=False)
    d -= rep[:, 1]
    bucket = max(8, m // 2)
    # Votes per occupied bucket: one sort and a segmented sum.  A trigram
    # posting weighs 3, a rare word's 1; the weight rides in the low two bits
    # of the sorted key (the sums do not depend on the order within a bucket).
    key = np.floor_divide(d, bucket)
    key *= 4
    key += 1
    key[:n_tri] += 2
    # Each posting list is ascending, so key is a few dozen ascending runs:
    # timsort ("stable") merges them 2-3x faster than the default sort, and
    # plain integers sort to the same array whatever the algorithm.
    key.sort(kind="stable")
    bs = key >> 2
    first = (bs[1:] != bs[:-1]).nonzero()[0]
    first += 1
    first = np.concatenate((_ZERO, first))
    ub = bs[first]
    score = np.add.reduceat(key & 3, first)
    nb = int(ub.shape[0])
    # A diagonal straddling two buckets should not be split: add neighbours
    # (the right-hand side is computed before the addition: original scores).
    if nb > 1:
        score[:-1] += score[1:] * ((ub[1:] - ub[:-1]) == 1)
    # The best max_windows buckets, ties by bucket order (as a stable sort of
    # the scores would take them): bucket index packed under the score, so
    # one plain sort of distinct values orders them.
    packed = np.arange(nb, dtype=np.int64)
    packed -= score * nb
    packed.sort()
    top = [p % nb for p in packed[:max_windows].tolist()]
    ubl = ub[np.asarray(top, dtype=np.int64)].tolist()
    wins = []
    for u in ubl:
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


_ZERO = np.zeros(1, dtype=np.int64)


def fuzzy_hits(
    index: WordIndex,
    qids: np.ndarray,
    *,
    max_windows: int,
    max_postings: int,
    weak_fraction: float,
    fallback_max_tokens: int,
    look: TrigramLookup | None = None,
    slack: int | None = None,
) -> list[Hit]:
    """Best edlib hits, best first.  Windows first; whole document if weak.

    ``slack``: keep only the windows' hits within ``slack`` edits of their
    best (None: every window's hits).  The hits kept, their order and the
    fallback are those of the full search with the others left out, so a
    caller reading no hit beyond best + ``slack`` (``locate``: slack 0, the
    first hit only) sees no difference.
    """
    m = int(qids.shape[0])
    if m == 0 or index.n == 0:
        return []
    qbytes, lut = _symbols(index, qids)
    wins = candidate_windows(index, qids, max_windows, max_postings, look)
    hits: list[Hit] = []
    if slack is None:
        for lo, hi in wins:
            hits.extend(_align_in(qbytes, lut, index.ids, lo, hi))
        best = min((h.dist for h in hits), default=m)
    else:
        # Distances first (no start positions: a fraction of the cost), then
        # locations only in the windows that can give a hit worth keeping,
        # with k = their distance.  Most windows are junk: a junk window's
        # many equal-cost locations, each traced back to its start, were
        # most of the edlib time.  A hit's distance is at most m (every
        # quote word deleted), so m stays the default best.
        ids = index.ids
        targets = [(lo, lut[ids[lo:hi]].tobytes()) for lo, hi in wins if hi > lo]
        if len(targets) == 1:  # nothing to leave out: the plain call
            hits = _locations(qbytes, targets[0][1], targets[0][0], -1)
            best = min((h.dist for h in hits), default=m)
        else:
            dists = [
                edlib.align(qbytes, t, mode="HW", task="distance")["editDistance"]
                for _, t in targets
            ]
            best = min(dists, default=m)
            for (lo, t), d in zip(targets, dists, strict=True):
                if d <= best + slack:
                    hits.extend(_locations(qbytes, t, lo, d))
            best = min(best, m)
    limit = int(weak_fraction * m)
    if best > limit and index.n <= fallback_max_tokens and fallback_max_tokens > 0:
        # Bounded fallback: one linear edlib pass over the whole document,
        # looking only for something better than "weak" (k bounds the work),
        # run only where such an alignment can stand at all (the same hits).
        hits.extend(_fallback(qbytes, lut, index, qids, limit))
    uniq = {(h.start, h.end): h for h in hits}
    return sorted(uniq.values(), key=_DIST_START)


def _fallback(
    qbytes: bytes,
    lut: np.ndarray,
    index: WordIndex,
    qids: np.ndarray,
    k: int,
    *,
    thrifty: bool = True,
) -> list[Hit]:
    """``_align_in(qbytes, lut, index.ids, 0, index.n, k)``, the same hits, faster.

    edlib over a whole 1 MB transcript is ~2 ms; most quotes that get here
    (absent ones) align nowhere within ``k`` edits.  ``_fallback_regions``
    proves where an alignment within ``k`` could stand; edlib then runs on
    those stretches only, joined into one target by pads of ``k + 1``
    "other" symbols.  A span covering a whole pad costs more than ``k``, and
    one ending (starting) inside a pad would, with the real words there
    instead, give a span at least as good that leaves its region, which the
    regions exclude; so the hits, their distances, their order (by end) and
    edlib's start choice (the longest span within the best distance, found
    by a backward pass that never crosses a pad) are those of the whole pass.
    """
    regions = _fallback_regions(index, qids, k, thrifty=thrifty)
    if regions is None:
        if thrifty and index.n > FALLBACK_BUDGET:
            # Bounded: no whole pass over a big source (see FALLBACK_BUDGET).
            return []
        return _align_in(qbytes, lut, index.ids, 0, index.n, k=k)
    if not regions:
        return []
    lo = np.asarray([r[0] for r in regions], dtype=np.int64)
    hi = np.asarray([r[1] for r in regions], dtype=np.int64)
    pad = k + 1
    size = hi - lo
    # Where each region starts in the joined target (pads between regions).
    cstart = np.zeros(lo.shape[0], dtype=np.int64)
    if lo.shape[0] > 1:
        np.cumsum(size[:-1] + pad, out=cstart[1:])
    total = int(cstart[-1] + size[-1])
    # Source token of each target position by one cumulative sum of steps
    # (1 within a region, a jump at each region's start; pads read the gap's
    # tokens, masked to "other" by a second sum): a handful of whole-array
    # operations rather than one per region.
    step = np.ones(total, dtype=np.int64)
    step[0] = lo[0]
    step[cstart[1:]] = lo[1:] - (hi[:-1] - 1 + pad)
    src = np.cumsum(step)
    inside = np.zeros(total + 1, dtype=np.int8)
    inside[cstart] = 1
    inside[cstart + size] -= 1
    keep = np.cumsum(inside[:-1], dtype=np.int8).astype(np.uint8)
    syms = lut[index.ids[np.minimum(src, index.n - 1)]] * keep
    r = edlib.align(qbytes, syms.tobytes(), mode="HW", task="locations", k=k)
    d = r["editDistance"]
    if d < 0:
        return []
    out: list[Hit] = []
    for s, e in r["locations"]:
        if s is None or s > e:
            continue
        seg = int(np.searchsorted(cstart, s, "right")) - 1
        if not (keep[s] and keep[e] and e < cstart[seg] + size[seg]):
            # Cannot happen (see above); should it, the whole pass decides.
            return _align_in(qbytes, lut, index.ids, 0, index.n, k=k)
        out.append(Hit(d, int(src[s]), int(src[e]) + 1))
    return out


# Tokens of work the whole-document fallback may do per quote part: about a
# 1.2 MB transcript.  Up to this size the fallback is exact (every alignment
# within k edits anywhere); beyond it, it reads only the regions that can
# hold one, and only when they (and the occurrences swept to find them) fit
# in the budget, so that an absent quote costs the same in a 16 MB source
# as in a 1 MB one instead of growing with it.  What is given up: a quote
# edited so heavily that no three of its words stand together in the
# source, in a source over the budget whose words are common.
FALLBACK_BUDGET = 200_000
# Past the budget: occurrences swept, and region tokens read by edlib, at most.
FALLBACK_WORK = 50_000


def _fallback_regions(
    index: WordIndex, qids: np.ndarray, k: int, *, thrifty: bool = True
) -> list[tuple[int, int]] | None:
    """Merged token ranges holding every source span within ``k`` word edits
    of the quote ``qids``; None when no bound applies (search everything).

    A span within k edits of an m-word quote is at most m + k words long and
    pairs at least m - k quote words with equal source words (each unpaired
    quote word costs an edit).  Split the quote's distinct words into the
    most frequent ones, F (together c_F quote words), and the rest, R: at
    least need = m - k - c_F quote words of R are paired, so the span holds
    ``need`` source occurrences of R words within m + k positions.  Only
    windows around such clusters can hold a hit.  F is chosen to make the
    clusters rarest (estimated from the R words' frequencies); any choice
    is exact, the choice only sets how much edlib still reads.

    A word used c times in the quote counts at most c of its occurrences in
    a window.  ``thrifty`` (the default) gives up (None) when the windows
    would cover much of the source anyway; tests turn it off to exercise the
    joined pass on every input.
    """
    m = int(qids.shape[0])
    n = index.n
    span = m + k
    base = m - k
    if base < 1 or n == 0:
        return None
    w, c = np.unique(qids, return_counts=True)
    if w.shape[0] >= _MAX_SYMBOLS:
        # Distinct words beyond 254 share an edlib symbol: a quote word may
        # then align with another word, and the count below no longer holds.
        return None
    c = c[w >= 0]
    w = w[w >= 0]  # words the source never uses pair with nothing
    starts = index.uni_start
    f = starts[w + 1] - starts[w]
    order = np.argsort(-f, kind="stable")
    w, c, f = w[order], c[order], f[order]
    # Option j: F = the j most frequent words.
    need = base - np.concatenate(([0], np.cumsum(c)))
    post = np.concatenate((np.cumsum(f[::-1])[::-1], [0]))
    ok = need >= 1
    if not ok.any():
        return None
    # Expected clusters if R's occurrences fell at random: each one starts
    # a cluster when need - 1 more follow within ``span`` positions.  The
    # sweep below costs a few times R's occurrences, edlib the clusters'
    # windows: take the cheapest split, or none when edlib over everything
    # is cheaper anyway.
    dens = np.minimum(1.0, post * span / n)
    est = post * dens ** np.maximum(need - 1, 0).astype(np.float64)
    cost = np.where(ok, 2.0 * post + est * span, np.inf)
    j = int(np.argmin(cost))
    if thrifty and cost[j] > n / 2:
        return None
    q = int(need[j])
    rw = w[j:]
    if int(post[j]) < q:
        return []
    if thrifty and n > FALLBACK_BUDGET and int(post[j]) > FALLBACK_WORK:
        return None  # the sweep alone would grow with the source

    # Each R word's occurrences, ascending: a slice of uni_order per word,
    # gathered in a short loop over the words (a few dozen), so the arrays
    # of up to FALLBACK_WORK occurrences see only a handful of passes, in
    # int32 where positions allow (this sweep was most of an absent quote's
    # search in a 16 MB source).
    dt = np.int32 if n < 1 << 29 else np.int64
    us = index.uni_start_list
    occ = [index.uni_order[us[wd] : us[wd + 1]].astype(dt) for wd in rw.tolist()]
    # A word used c times in the quote pairs at most c of its occurrences in
    # a window: occurrence i counts for the windows [s, s + span) holding it
    # and fewer than c earlier ones, i.e. s in (occurrence i - c, p].
    los = []
    for o, cp in zip(occ, c[j:].tolist(), strict=True):
        lo_o = o - (span - 1)
        np.maximum(lo_o[:cp], 0, out=lo_o[:cp])  # no earlier one: from 0
        if o.shape[0] > cp:
            np.maximum(lo_o[cp:], o[:-cp] + 1, out=lo_o[cp:])
        los.append(lo_o)
    total = int(post[j])
    # Sweep the window starts: +1 where an occurrence starts counting, -1
    # after it; packed as 2 x position + (1 for -1) so that one sort of
    # plain integers orders them, a position's +1 events before its -1 ones
    # (``_qualifying_runs`` reads the count where it crosses q).
    ev = np.concatenate((*los, *occ))
    ev *= 2
    ev[total:] += 3
    # numpy's default sort of int32 is vectorised where the CPU allows: 4x
    # faster than timsort's merge of the 2 x (R words) ascending runs, 0.12
    # against 0.52 ms a sweep of the 16 MB scaling quotes (numpy 2.4, an
    # AVX-512 machine; an earlier round measured timsort ahead); integers sort
    # to the same array whatever the algorithm.
    ev.sort()
    s0, s1 = _qualifying_runs(ev, q)
    if not s0.shape[0]:
        return []
    # Runs of qualifying starts [s0, s1) -> token ranges [start, last start + span).
    rs = np.maximum(s0, 0)
    re_ = np.minimum(s1 - 1 + span, n)
    # Ranges rise with the starts: merge overlapping/touching ones.
    brk = np.flatnonzero(rs[1:] > re_[:-1]) + 1
    rs = rs[np.concatenate(([0], brk))]
    re_ = re_[np.concatenate((brk - 1, [re_.shape[0] - 1]))]
    cap = n // 3 if n <= FALLBACK_BUDGET else min(n // 3, FALLBACK_WORK)
    if thrifty and int((re_ - rs).sum()) > cap:
        return None  # most of the source, or past the budget (see _fallback)
    return list(zip(rs.tolist(), re_.tolist(), strict=True))


def _qualifying_runs(ev: np.ndarray, q: int) -> tuple[np.ndarray, np.ndarray]:
    """The runs [s0, s1) of window starts whose count reaches ``q`` (>= 1),
    from the sweep's sorted events ``ev`` (2 x position, + 1 for a -1 event;
    as many -1 as +1 events).

    The count holding over [x, next position) is the one after the last
    event at x.  At one position the +1 events sort before the -1 events, so
    the count crosses q upwards at most once there and then downwards at most
    once: the qualifying starts are [position of an upward crossing, position
    of the next downward one), empty when both fall at one position.  The
    crossings alternate, up first (the count starts at 0 < q) and down last
    (it ends at 0); only they are read, not every event whose count reaches
    q (1.2x faster over the 16 MB scaling quotes).

    >>> ev = np.array([2 * 3, 2 * 4, 2 * 6 + 1, 2 * 9 + 1], dtype=np.int32)
    >>> [x.tolist() for x in _qualifying_runs(ev, 2)]  # +1 at 3 and 4, -1 at 6 and 9
    [[4], [6]]
    """
    step = ev & 1
    step *= -2
    step += 1
    # Summed in the events' own type (|count| <= events): numpy's default
    # widens int32 to int64, six times slower here.
    run = np.cumsum(step, dtype=step.dtype)  # after event i
    qual = run >= q
    flips = np.flatnonzero(qual[1:] != qual[:-1])
    flips += 1
    if qual[0]:
        flips = np.concatenate(([0], flips))
    s0 = ev[flips[0::2]] >> 1
    s1 = ev[flips[1::2]] >> 1
    keep = s0 < s1
    return s0[keep], s1[keep]
