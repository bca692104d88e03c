"""The library's word and word-pair index: numpy postings in SQLite blobs.

Library lookup needs two things of a term (a word, or a word pair such as
"united_states"): how many documents hold it (its idf weight) and which.
FTS5 answered both, but indexing every word pair of a transcript as an FTS5
term cost 4.8x a plain FTS5 insert of the text, and counting a common pair's
documents stepped through its whole doclist, a cost that grew with the
library.

Here each word gets an integer id (``vocab``); a word is the key ``id`` and a
pair the key ``id1 << 32 | id2``, so a document's keys are a numpy array built
in C from its words.  A *segment* holds the sorted (key, docid) pairs of a run
of documents in blocks of ``BLOCK`` keys (``grams``): the keys, where each
key's docids end, and the docids.  A term's documents are read from one block
per segment, however large the library: the key's block is found with a
binary search in the segment's block-start array (``segments.firsts``).

Adding writes a new segment per commit; at the end of a run, the run's
segments are merged into one and the newest segments are merged while they
are within ``MERGE_RATIO`` (4x) of each other in size, so a library holds few segments
(logarithmically many in the worst case).  Removing a document records its
docid in ``dropped``; lookup leaves those docids out, and a merge that covers
them writes their postings no more.
"""

from __future__ import annotations

import itertools
import sqlite3
from bisect import bisect_left
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

from quoteverify._wordtable import Scan, WordTable

BLOCK = 128  # keys per stored block
LONG = 32  # docids kept apart from their block above this many
# A part of a document shorter than this (a title, speaker labels) is
# numbered through the vocabulary dict: numpy's per-call cost would exceed
# what ``WordTable`` saves.
VECTOR_BYTES = 2048
TABLE_BATCH = 1024
MERGE_CHUNK = 2_000_000  # pairs (key, docid) sorted and written at a time, to bound memory
# An add run's pending pairs are written as one segment when it commits
# (``Library.add_paths``, at ``COMMIT_PAIRS``: about 5,000 transcripts, 130 MB
# of pending keys) or, for callers that never commit, at ``FLUSH_PAIRS``.
# Whatever a run wrote in several segments is merged at its end, which
# reads and writes the run's index once more: a whole-corpus run (12 M
# pairs) writes it once.
COMMIT_PAIRS = 16_000_000
FLUSH_PAIRS = 20_000_000
# Each lookup reads every segment: merging the newest two while the older is
# up to 4x the newer keeps a library built by a few runs (the benchmark's 4x
# corpus: four) in one segment, and any library in log4(runs) of them.
MERGE_RATIO = 4

Keys = npt.NDArray[np.int64]
Docs = npt.NDArray[np.int32]

SCHEMA = """
CREATE TABLE IF NOT EXISTS vocab (
    word TEXT PRIMARY KEY,
    id   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS vocab_id ON vocab(id);
CREATE TABLE IF NOT EXISTS segments (
    seg    INTEGER PRIMARY KEY,
    pairs  INTEGER NOT NULL,   -- (key, docid) pairs it holds
    lo     INTEGER NOT NULL,   -- its smallest and largest docid
    hi     INTEGER NOT NULL,
    firsts BLOB NOT NULL       -- int64 first key of each block, in order
);
CREATE TABLE IF NOT EXISTS grams (
    seg    INTEGER NOT NULL,
    first  INTEGER NOT NULL,   -- the block's first key
    keys   BLOB NOT NULL,      -- int64, sorted
    counts BLOB NOT NULL,      -- int32: documents holding each key
    ends   BLOB NOT NULL,      -- int32: key i's docids are docs[ends[i-1]:ends[i]]...
    docs   BLOB NOT NULL,      -- int32 docids, ascending per key
    PRIMARY KEY (seg, first)
) WITHOUT ROWID;
-- ...unless it is in more than LONG documents: then its docids are here, so
-- that a block read for a rare key does not carry "of_the"'s thousands.
CREATE TABLE IF NOT EXISTS long (
    seg  INTEGER NOT NULL,
    key  INTEGER NOT NULL,
    docs BLOB NOT NULL,    -- pack_docs: the gaps between the docids, 1, 2 or 4 bytes each
    PRIMARY KEY (seg, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dropped (docid INTEGER PRIMARY KEY);
"""


# A long list's docid gaps are stored in the narrowest of these widths that
# holds its largest gap, after one byte giving the width.
_WIDTHS = {1: np.dtype("<u1"), 2: np.dtype("<u2"), 4: np.dtype("<i4")}


def pack_docs(docs: Docs) -> bytes:
    """A long list of ascending docids as stored: one byte, the width w of
    each gap (1, 2 or 4 bytes), then the gaps between the docids, w bytes
    each (a common pair's gaps are small numbers; zlib made them a little
    smaller, but compressing 50,000 lists per write cost a second per
    corpus, and inflating them again on every lookup).  ``_blocks`` packs
    all of a segment's lists at once, as this does one.

    >>> len(pack_docs(np.array([3, 7, 300], np.int32)))  # gaps 3, 4, 293: two bytes each
    7
    >>> unpack_docs(pack_docs(np.array([3, 7, 300], np.int32))).tolist()
    [3, 7, 300]
    """
    gaps = np.diff(docs, prepend=0)
    width = _width(int(gaps.max()) if len(gaps) else 0)
    return bytes([width]) + gaps.astype(_WIDTHS[width]).tobytes()


def _width(largest: int) -> int:
    return 1 if largest < 1 << 8 else 2 if largest < 1 << 16 else 4


def unpack_docs(blob: bytes) -> Docs:
    gaps = np.frombuffer(blob, dtype=_WIDTHS[blob[0]], offset=1)
    return np.cumsum(gaps, dtype=np.int32)


def sort_pairs(keys: Keys, docs: Docs) -> tuple[Keys, Docs]:
    """(key, docid) pairs in key order, then docid order.

    The pairs come a document (or a segment) at a time, docids ascending, so
    a stable sort by key alone leaves each key's docids in order: numpy's
    stable argsort of int64 and two gathers (12 M pairs: 0.9 s) beat packing
    each pair into one integer and sorting that (2.2 s).  Pairs in another
    order (never met: segments are merged oldest first) are sorted by both.

    >>> k, d = sort_pairs(np.array([5 << 32 | 2, 7, 5 << 32 | 2]), np.array([2, 1, 3], np.int32))
    >>> k.tolist(), d.tolist()
    ([7, 21474836482, 21474836482], [1, 2, 3])
    >>> sort_pairs(np.array([4, 4]), np.array([9, 1], np.int32))[1].tolist()
    [1, 9]
    """
    if len(keys) > 1:
        packed = _packed_pairs(keys, docs)
        if packed is not None:
            return packed
    order = np.argsort(keys, kind="stable")
    keys, docs = keys[order], docs[order]
    if not np.all((keys[1:] != keys[:-1]) | (docs[1:] > docs[:-1])):
        order = np.lexsort((docs, keys))
        keys, docs = keys[order], docs[order]
    return keys, docs


def _packed_pairs(keys: Keys, docs: Docs) -> tuple[Keys, Docs] | None:
    """``sort_pairs`` by sorting one integer per pair: the key's two word ids
    and the docid's offset from the smallest, packed into 63 bits while
    they fit (a vocabulary below 2^20 words and docids within 2^23 of each
    other, say), else None.  numpy's quicksort of int64 runs in SIMD code
    (AVX-512 or AVX2); a stable argsort of the keys and two gathers took
    4x as long (a chunk of the corpus's 1.8 M pairs: 90 ms against 23 ms).

    >>> k, d = _packed_pairs(np.array([5 << 32 | 2, 7, 5 << 32 | 2]), np.array([3, 1, 2], np.int32))
    >>> k.tolist(), d.tolist()
    ([7, 21474836482, 21474836482], [1, 2, 3])
    >>> _packed_pairs(np.array([(1 << 31) - 1 << 32 | 1, 7]), np.array([0, 2], np.int32)) is None
    True
    """
    low = keys & 0xFFFFFFFF
    high = keys >> 32
    id_bits = max(int(low.max()), int(high.max()), 0).bit_length()
    first = int(docs.min())
    doc_bits = (int(docs.max()) - first).bit_length()
    if int(keys.min()) < 0 or 2 * id_bits + doc_bits > 63:
        return None
    # A word's key is its id (high part 0), a pair's id1 << 32 | id2 with
    # id1 >= 1: (high << id_bits | low) orders them as the keys themselves.
    # In place, two arrays in all: a fresh array of a chunk's 2 M pairs
    # costs its page faults.
    packed = high
    packed <<= id_bits + doc_bits
    low <<= doc_bits
    packed |= low
    buf = low
    np.copyto(buf, docs)
    buf -= first
    packed |= buf
    del high, low
    packed.sort(kind="quicksort")
    np.bitwise_and(packed, (1 << doc_bits) - 1, out=buf)
    out_docs = buf.astype(np.int32)
    out_docs += first
    packed >>= doc_bits
    np.bitwise_and(packed, (1 << id_bits) - 1, out=buf)
    packed >>= id_bits
    packed <<= 32
    packed |= buf
    return packed, out_docs


def _distinct(keys: Keys) -> Keys:
    """``keys`` sorted, each once."""
    # Which sort is faster depends on numpy's build: with numpy 2.4's SIMD
    # quicksort, a document's pairs sort in 2/3 of the stable sort's time
    # (0.38 s against 0.56 s over the corpus); the result is the same.
    keys = np.sort(keys, kind="quicksort")
    if len(keys) > 1:
        keep = np.empty(len(keys), dtype=bool)
        keep[0] = True
        np.not_equal(keys[1:], keys[:-1], out=keep[1:])
        keys = keys[keep]
    return keys


def pair_keys(ids: Keys) -> Keys:
    """The keys of consecutive word ids: ``id1 << 32 | id2``."""
    return (ids[:-1] << 32) | ids[1:]


class _Vocab(dict[bytes, int]):
    """Word → id; a word not in it is numbered -1, -2, ... in order of first
    sight (``new``) until ``GramIndex.ids`` gives it its id."""

    def __init__(self, items: Iterable[tuple[bytes, int]] = ()) -> None:
        super().__init__(items)
        self.new: list[bytes] = []
        self._table: WordTable | None = None
        self._untabled: list[bytes] = []  # numbered, not in the table yet

    @property
    def table(self) -> WordTable:
        """The same ids in a ``WordTable``, built on first use (lookups never
        need it).  Newly numbered words join it ``TABLE_BATCH`` at a time
        (one at a time cost more than a dict lookup of each of their
        occurrences meanwhile)."""
        if self._table is None:
            self._table = WordTable()
            self._untabled = list(self)
            self._tabulate()
        elif len(self._untabled) >= TABLE_BATCH:
            self._tabulate()
        return self._table

    def _tabulate(self) -> None:
        words, self._untabled = self._untabled, []
        if words and self._table is not None:
            # One token per word: the words, space-joined, scan back into them.
            ids = np.fromiter(map(self.__getitem__, words), np.int64, len(words))
            self._table.add(Scan(b" ".join(words)), ids)

    def remember(self, words: list[bytes]) -> None:
        """Numbered ``words``, for the table (if built)."""
        if self._table is not None:
            self._untabled += words

    def __missing__(self, word: bytes) -> int:
        self.new.append(word)
        self[word] = provisional = -len(self.new)
        return provisional


class GramIndex:
    """The postings of one library's documents (see the module docstring)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._vocab: _Vocab | None = None  # loaded by the first add
        self._vocab_version: int | None = None  # PRAGMA data_version it was read at
        self._new_words: list[tuple[str, int]] = []
        self._pending: list[tuple[Keys, int]] = []  # (document's keys, docid)
        self.pending_pairs = 0
        self._firsts: dict[int, Keys] = {}  # segments are immutable: by id
        self._seen = np.zeros(0, dtype=bool)  # all False between uses: _distinct_words
        self.run_start: int | None = None  # first segment id of an add run

    # -- adding
    def _current_vocab(self) -> _Vocab | None:
        """The remembered vocabulary, forgotten when another connection has
        committed since it was read (two ``library add`` at once must not
        number a word twice: ``Library._add`` takes the write lock before any
        id is assigned, so the vocabulary read then stays current until the
        commit; the unique index on ``vocab.id`` refuses a second number)."""
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._vocab_version:
            self._vocab = None
            self._vocab_version = version
        return self._vocab

    def _load_vocab(self) -> _Vocab:
        vocab = self._current_vocab()
        if vocab is None:
            vocab = self._vocab = _Vocab(
                (w.encode("utf-8"), i) for w, i in self.db.execute("SELECT word, id FROM vocab")
            )
        return vocab

    def ids(self, text: bytes, vocab: _Vocab | None = None) -> Keys:
        """Word ids of the words of ``text`` (index bytes: ``index_bytes``),
        new words numbered in sorted order (so that the same adds make the
        same file).  ``vocab``: the one ``_load_vocab`` gave for this
        document (asking SQLite whether it is still current once per
        document, not once per part)."""
        if vocab is None:
            vocab = self._load_vocab()
        if len(text) < VECTOR_BYTES:
            return self._dict_ids(text.split(), vocab)
        scan = Scan(text)
        got = vocab.table.find(scan)
        if got is None:  # a hash collision (never met): the dict decides
            return self._dict_ids(text.split(), vocab)
        unknown = np.flatnonzero(got == 0)
        if len(unknown):
            # New words, words longer than the table keeps, words whose key
            # another word holds: through the dict, which numbers the new.
            at, to = scan.spans(unknown)
            got[unknown] = self._dict_ids([text[a:b] for a, b in zip(at, to, strict=True)], vocab)
        return got

    def _dict_ids(self, toks: list[bytes], vocab: _Vocab) -> Keys:
        # One pass in C: a word not yet known gets a provisional negative id
        # from ``_Vocab.__missing__`` (a set difference first was a second
        # pass over every word).
        got = np.fromiter(map(vocab.__getitem__, toks), dtype=np.int64, count=len(toks))
        new = vocab.new
        if new:
            vocab.new = []
            nxt = len(vocab) - len(new) + 1
            order = sorted(range(len(new)), key=new.__getitem__)
            words = [new[j] for j in order]
            numbers = range(nxt, nxt + len(new))
            vocab.update(zip(words, numbers, strict=True))
            self._new_words += zip(map(bytes.decode, words), numbers, strict=True)
            remap = np.empty(len(new), dtype=np.int64)
            remap[order] = numbers
            unseen = got < 0
            got[unseen] = remap[-got[unseen] - 1]
            vocab.remember(new)
        return got

    def add(self, docid: int, parts: Sequence[bytes], words_only: bytes) -> Keys:
        """Index a document: the words and word pairs of each of ``parts``
        (title, text: no pair spans the two), and the words of ``words_only``
        (speaker labels).  Return the word ids of the last part (the text)."""
        vocab = self._load_vocab()
        id_parts = [self.ids(toks, vocab) for toks in parts]
        words = np.concatenate([*id_parts, self.ids(words_only, vocab)])
        pairs = np.concatenate([pair_keys(ids) for ids in id_parts])
        # A word's key is its id, below 2^32, a pair's at least 2^32: the
        # document's distinct words, then its distinct pairs, are its keys in
        # order.  Sorted and deduplicated by hand: np.unique hashes first
        # (numpy 2), three times slower here.
        keys = np.concatenate([self._distinct_words(words), _distinct(pairs)])
        self._pending.append((keys, docid))
        self.pending_pairs += len(keys)
        if self.pending_pairs >= FLUSH_PAIRS:
            self.flush()
        return id_parts[-1] if id_parts else np.zeros(0, dtype=np.int64)

    def _distinct_words(self, ids: Keys) -> Keys:
        """The distinct ``ids``, in order: marked in a table as long as the
        vocabulary and read back in one pass, while the vocabulary is not
        much longer than the document (sorting them cost half of sorting a
        document's keys)."""
        if not len(ids):
            return ids
        size = int(ids.max()) + 1
        if size > 16 * len(ids) + 4096:
            return _distinct(ids)
        if len(self._seen) < size:
            self._seen = np.zeros(2 * size, dtype=bool)
        seen = self._seen
        seen[ids] = True
        out = np.flatnonzero(seen[:size])
        seen[out] = False
        return out.astype(np.int64)

    def flush(self) -> None:
        """Write the pending documents' postings as a new segment (no commit),
        a key range of about ``MERGE_CHUNK`` pairs at a time: each document's
        keys are sorted, so a range is one slice of each, and only a range's
        pairs are ever copied and sorted together."""
        db = self.db
        if self._new_words:
            db.executemany("INSERT INTO vocab(word, id) VALUES (?, ?)", self._new_words)
            self._new_words = []
        pending = [(k, d) for k, d in self._pending if len(k)]
        total = self.pending_pairs
        self._pending = []
        self.pending_pairs = 0
        if not pending:
            return
        seg = self._next_seg()
        if self.run_start is None:
            self.run_start = seg
        chunks = -(-total // MERGE_CHUNK)
        cuts = np.zeros(0, dtype=np.int64)
        if chunks > 1:
            # Cut at quantiles of a sample of the keys.
            sample = np.sort(np.concatenate([k[::64] for k, _ in pending]))
            cuts = np.unique(sample[np.arange(1, chunks) * len(sample) // chunks])
        ends = np.array([np.searchsorted(k, cuts) for k, _ in pending], dtype=np.int64)
        ends = ends.reshape(len(pending), len(cuts))
        lens = np.array([len(k) for k, _ in pending], dtype=np.int64)
        bounds = np.column_stack([np.zeros(len(pending), dtype=np.int64), ends, lens])
        docids = np.array([d for _, d in pending], dtype=np.int32)
        firsts: list[Keys] = []
        lo, hi = int(docids.min()), int(docids.max())
        for c in range(bounds.shape[1] - 1):
            start, stop = bounds[:, c].tolist(), bounds[:, c + 1].tolist()
            keys = np.concatenate(
                [k[a:b] for (k, _), a, b in zip(pending, start, stop, strict=True)]
            )
            docs = np.repeat(docids, bounds[:, c + 1] - bounds[:, c])
            firsts += self._blocks(seg, *sort_pairs(keys, docs))
        del pending
        self._finish(seg, firsts, total, lo, hi)

    def _next_seg(self) -> int:
        row = self.db.execute("SELECT max(seg) FROM segments").fetchone()
        return int(row[0] or 0) + 1

    def _blocks(self, seg: int, keys: Keys, docs: Docs) -> list[Keys]:
        """Write sorted pairs as blocks of ``seg``; return their first keys."""
        if not len(keys):
            return []
        change = np.empty(len(keys), dtype=bool)
        change[0] = True
        np.not_equal(keys[1:], keys[:-1], out=change[1:])
        starts = np.flatnonzero(change)
        uniq = keys[starts]
        counts = np.diff(starts, append=len(keys)).astype(np.int32)
        long = counts > LONG
        in_long = np.repeat(long, counts)
        if long.any():
            self._long_lists(seg, uniq[long], counts[long], docs[in_long])
        inline = np.where(long, 0, counts)
        kept = docs[~in_long]
        ends = np.cumsum(inline)
        rows = []
        for b in range(0, len(uniq), BLOCK):
            base = int(ends[b - 1]) if b else 0
            bends = ends[b : b + BLOCK]
            rows.append(
                (
                    seg,
                    int(uniq[b]),
                    uniq[b : b + BLOCK].tobytes(),
                    counts[b : b + BLOCK].tobytes(),
                    (bends - base).astype(np.int32).tobytes(),
                    kept[base : int(bends[-1])].tobytes(),
                )
            )
        self.db.executemany("INSERT INTO grams VALUES (?, ?, ?, ?, ?, ?)", rows)
        return [uniq[::BLOCK]]

    def _long_lists(self, seg: int, keys: Keys, counts: npt.NDArray[np.int32], docs: Docs) -> None:
        """Write the long lists of ``keys`` (``counts[i]`` docids each, one
        after another in ``docs``) as ``pack_docs`` would, all at once: the
        gaps of every list in one pass, then the lists of each width."""
        starts = np.cumsum(counts) - counts
        gaps = np.diff(docs, prepend=0)
        gaps[starts] = docs[starts]
        largest = np.maximum.reduceat(gaps, starts)
        width = np.where(largest < 1 << 8, 1, np.where(largest < 1 << 16, 2, 4))
        blobs: list[bytes] = [b""] * len(keys)
        for w, dtype in _WIDTHS.items():
            which = np.flatnonzero(width == w)
            if not len(which):
                continue
            head = bytes([w])
            data = gaps[np.repeat(width == w, counts)].astype(dtype).tobytes()
            size = (counts[which] * w).tolist()
            at = 0
            for i, n in zip(which.tolist(), size, strict=True):
                blobs[i] = head + data[at : at + n]
                at += n
        self.db.executemany(
            "INSERT INTO long VALUES (?, ?, ?)",
            zip(itertools.repeat(seg), keys.tolist(), blobs, strict=False),
        )

    def _finish(self, seg: int, firsts: list[Keys], pairs: int, lo: int, hi: int) -> None:
        self.db.execute(
            "INSERT INTO segments VALUES (?, ?, ?, ?, ?)",
            (seg, pairs, lo, hi, np.concatenate(firsts).astype(np.int64).tobytes()),
        )

    def drop(self, docid: int) -> None:
        self.db.execute("INSERT OR IGNORE INTO dropped(docid) VALUES (?)", (docid,))

    def next_docid(self) -> int:
        """A docid no posting names: above every document's and every dropped
        one's (whose postings stay until a merge)."""
        row = self.db.execute(
            "SELECT max(coalesce((SELECT max(docid) FROM documents), 0), "
            "coalesce((SELECT max(docid) FROM dropped), 0))"
        ).fetchone()
        return int(row[0]) + 1

    # -- merging
    def settle(self) -> None:
        """After an add run: merge the run's segments into one, then the newest
        segments while the older is at most ``MERGE_RATIO`` times the newer."""
        self.flush()
        segs = self._segments()
        if self.run_start is not None:
            run = [s for s in segs if s[0] >= self.run_start]
            if len(run) > 1:
                self._merge(run)
        self.run_start = None
        segs = self._segments()
        while len(segs) >= 2 and segs[-2][1] <= MERGE_RATIO * segs[-1][1]:
            self._merge(segs[-2:])
            segs = self._segments()

    def _segments(self) -> list[tuple[int, int, int, int]]:
        return [
            (int(s), int(p), int(lo), int(hi))
            for s, p, lo, hi in self.db.execute(
                "SELECT seg, pairs, lo, hi FROM segments ORDER BY seg"
            )
        ]

    def _merge(self, segs: Sequence[tuple[int, int, int, int]]) -> None:
        """Rewrite ``segs`` (consecutive) as one new segment, without dropped
        documents, a key range at a time."""
        db = self.db
        lo = min(s[2] for s in segs)
        hi = max(s[3] for s in segs)
        gone = np.array(
            [
                r[0]
                for r in db.execute(
                    "SELECT docid FROM dropped WHERE docid BETWEEN ? AND ?", (lo, hi)
                )
            ],
            dtype=np.int32,
        )
        firsts = [self.firsts(s[0]) for s in segs]
        # Key ranges cut at block starts of the largest segment, about
        # MERGE_CHUNK pairs each.
        big = max(range(len(segs)), key=lambda i: segs[i][1])
        total = sum(s[1] for s in segs)
        step = max(1, len(firsts[big]) * MERGE_CHUNK // max(total, 1))
        cuts = [int(x) for x in firsts[big][step::step]]
        bounds = list(zip([None, *cuts], [*cuts, None], strict=True))
        new = self._next_seg()
        out_firsts: list[Keys] = []
        pairs, dlo, dhi = 0, None, None
        for a, b in bounds:
            ks: list[Keys] = []
            ds: list[Docs] = []
            for s, f in zip(segs, firsts, strict=True):
                i = 0 if a is None else max(0, int(np.searchsorted(f, a, "right")) - 1)
                j = len(f) if b is None else int(np.searchsorted(f, b, "left"))
                if i >= j:
                    continue
                k, d = self._read_range(s[0], f, i, j)
                ks.append(k)
                ds.append(d)
                # Blocks read for the last time make room for the new
                # segment's (SQLite reuses freed pages): the file does not
                # hold the index twice.  Block j - 1 may reach past b.
                if j - 1 > i:
                    db.execute(
                        "DELETE FROM grams WHERE seg = ? AND first < ?", (s[0], int(f[j - 1]))
                    )
                    db.execute("DELETE FROM long WHERE seg = ? AND key < ?", (s[0], int(f[j - 1])))
            if not ks:
                continue
            k = np.concatenate(ks)
            d = np.concatenate(ds)
            keep = np.ones(len(k), dtype=bool)
            if a is not None:
                keep &= k >= a
            if b is not None:
                keep &= k < b
            if len(gone):
                keep &= ~np.isin(d, gone)
            k, d = k[keep], d[keep]
            if not len(k):
                continue
            out_firsts += self._blocks(new, *sort_pairs(k, d))
            pairs += len(k)
            dlo = int(d.min()) if dlo is None else min(dlo, int(d.min()))
            dhi = int(d.max()) if dhi is None else max(dhi, int(d.max()))
        db.executemany("DELETE FROM grams WHERE seg = ?", [(s[0],) for s in segs])
        db.executemany("DELETE FROM long WHERE seg = ?", [(s[0],) for s in segs])
        db.executemany("DELETE FROM segments WHERE seg = ?", [(s[0],) for s in segs])
        db.execute("DELETE FROM dropped WHERE docid BETWEEN ? AND ?", (lo, hi))
        for s in segs:
            self._firsts.pop(s[0], None)
        if out_firsts and dlo is not None and dhi is not None:
            self._finish(new, out_firsts, pairs, dlo, dhi)

    def _read_range(self, seg: int, f: Keys, i: int, j: int) -> tuple[Keys, Docs]:
        """The (key, docid) pairs of blocks ``i`` to ``j - 1`` of ``seg``."""
        db = self.db
        params = (seg, int(f[i]), int(f[j - 1]))
        rows = db.execute(
            "SELECT keys, counts, docs FROM grams WHERE seg = ? AND first >= ? AND first <= ? "
            "ORDER BY first",
            params,
        ).fetchall()
        keys = np.concatenate([np.frombuffer(r[0], dtype=np.int64) for r in rows])
        counts = np.concatenate([np.frombuffer(r[1], dtype=np.int32) for r in rows])
        inline = np.concatenate([np.frombuffer(r[2], dtype=np.int32) for r in rows])
        out = np.empty(int(counts.sum()), dtype=np.int32)
        is_long = np.repeat(counts > LONG, counts)
        out[~is_long] = inline
        if is_long.any():
            # Every long key of these blocks, in key order.
            upper = "" if j == len(f) else " AND key < ?"
            longs = db.execute(
                f"SELECT docs FROM long WHERE seg = ? AND key >= ?{upper} ORDER BY key",
                (seg, int(f[i])) + (() if j == len(f) else (int(f[j]),)),
            )
            out[is_long] = np.concatenate([unpack_docs(r[0]) for r in longs])
        return np.repeat(keys, counts), out

    # -- lookup
    def firsts(self, seg: int) -> Keys:
        got = self._firsts.get(seg)
        if got is None:
            row = self.db.execute("SELECT firsts FROM segments WHERE seg = ?", (seg,)).fetchone()
            got = np.frombuffer(row[0], dtype=np.int64) if row else np.zeros(0, dtype=np.int64)
            self._firsts[seg] = got
        return got

    def word_ids(self, words: Sequence[str]) -> dict[str, int]:
        """Ids of the known ``words``."""
        vocab = self._current_vocab()
        if vocab is not None:
            return {w: vocab[b] for w in words if (b := w.encode("utf-8")) in vocab}
        uniq = sorted(set(words))
        out: dict[str, int] = {}
        for i in range(0, len(uniq), 500):
            part = uniq[i : i + 500]
            sql = f"SELECT word, id FROM vocab WHERE word IN ({','.join('?' * len(part))})"
            out.update((w, int(n)) for w, n in self.db.execute(sql, part))
        return out

    def find(self, keys: Sequence[int | None]) -> Found:
        """How many live documents hold each key (None: an unknown term, none),
        and, on demand, which (``Found.docs``)."""
        self.flush()
        found = Found(self, len(keys))
        where: dict[int, list[int]] = {}
        for n, k in enumerate(keys):
            if k is not None:
                where.setdefault(k, []).append(n)
        wanted_list = sorted(where)
        wanted = np.array(wanted_list, dtype=np.int64)
        if not len(wanted):
            return found
        for (seg,) in self.db.execute("SELECT seg FROM segments ORDER BY seg").fetchall():
            f = self.firsts(int(seg))
            blk = np.searchsorted(f, wanted, "right") - 1
            # ``wanted`` is sorted, so each block's keys are one run of it.
            cut = np.flatnonzero(np.r_[True, blk[1:] != blk[:-1]])
            runs = {
                int(f[blk[c]]): (int(c), int(e))
                for c, e in zip(cut, np.r_[cut[1:], len(blk)], strict=True)
                if blk[c] >= 0
            }
            if not runs:
                continue
            sql = (
                "SELECT first, keys, counts, ends, docs FROM grams WHERE seg = ? AND first IN "
                f"({','.join('?' * len(runs))})"
            )
            # A few keys per block: bisect over memoryviews, not numpy calls
            # (whose fixed cost per call, times ~150 blocks, was most of this).
            for first, kb, cb, eb, dbytes in self.db.execute(sql, [int(seg), *runs]):
                lo, hi = runs[first]
                bk = memoryview(kb).cast("q")
                bc = be = None
                for key in wanted_list[lo:hi]:
                    p = bisect_left(bk, key)
                    if p == len(bk) or bk[p] != key:
                        continue
                    if bc is None:
                        bc = memoryview(cb).cast("i")
                        be = memoryview(eb).cast("i")
                    assert be is not None
                    count = bc[p]
                    if count > LONG:
                        part: Docs | tuple[int, int] = (int(seg), key)
                    else:
                        start = be[p - 1] if p else 0
                        part = np.frombuffer(dbytes, np.int32, be[p] - start, 4 * start)
                    for n in where[key]:
                        found.counts[n] += count
                        found.parts[n].append(part)
        gone = [r[0] for r in self.db.execute("SELECT docid FROM dropped")]
        if gone:
            # Documents removed since the last merge: count what is left.
            found.gone = np.array(gone, dtype=np.int32)
            found.fetch(range(len(keys)))
            for n in range(len(keys)):
                if found.counts[n]:
                    found.counts[n] = len(found.docs(n))
        return found


class Found:
    """What ``GramIndex.find`` found of each key: ``counts[n]`` documents,
    ``docs(n)`` their docids (long lists read only when asked for)."""

    def __init__(self, index: GramIndex, n: int) -> None:
        self.index = index
        self.counts = [0] * n
        self.parts: list[list[Docs | tuple[int, int]]] = [[] for _ in range(n)]
        self.gone: Docs | None = None
        self._docs: dict[int, Docs] = {}
        self._long: dict[tuple[int, int], Docs] = {}

    def fetch(self, ns: Sequence[int]) -> None:
        """Read the long lists of keys ``ns`` at once (one query a segment)."""
        todo: dict[int, list[int]] = {}
        for n in ns:
            for part in self.parts[n]:
                if isinstance(part, tuple) and part not in self._long:
                    todo.setdefault(part[0], []).append(part[1])
        db = self.index.db
        for seg, keys in todo.items():
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT key, docs FROM long WHERE seg = ? AND key IN ({marks})"
                for key, blob in db.execute(sql, [seg, *chunk]):
                    self._long[(seg, key)] = unpack_docs(blob)

    def docs(self, n: int) -> Docs:
        got = self._docs.get(n)
        if got is not None:
            return got
        arrays = []
        for part in self.parts[n]:
            if isinstance(part, tuple):
                if part not in self._long:
                    self.fetch([n])
                arrays.append(self._long[part])
            else:
                arrays.append(part)
        if not arrays:
            got = np.zeros(0, dtype=np.int32)
        else:
            got = arrays[0] if len(arrays) == 1 else np.concatenate(arrays)
        if self.gone is not None and len(got):
            got = got[~np.isin(got, self.gone)]
        self._docs[n] = got
        return got
