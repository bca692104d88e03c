"""Word ids without a Python object per word: ``library add``'s numbering.

``GramIndex.ids`` numbered a text's words by splitting its index bytes
(``library.index_bytes``) into one ``bytes`` object per word and looking each
up in the vocabulary dict: 13.4 M objects and lookups for the 3,764 White
House transcripts, ≈ 2.5 s of a 9 s ``library add`` whose plain FTS5
counterpart takes 2.2 s.  Here numpy finds the words' bounds in the bytes
and reads each word's first eight bytes with one unaligned 8-byte load at
its start (``Scan``); a word of up to 8 bytes *is* that integer (its bytes,
zero-padded: no word byte is zero), so ``WordTable`` — an open-addressing
hash table in numpy arrays — maps it to its id exactly.  A word of 9 to 16
bytes is keyed by a hash of its first and last eight bytes and its length,
all three of which the table keeps for its id: the id found is checked
against them, which is exact for such words (the two loads cover every byte).
Longer words (790 of 13.4 M in the corpus), and words not in the table yet,
go through the vocabulary dict as before, which stays the one authority on
ids: the table only caches it.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]

SHORT = 8  # bytes: a word this long or shorter is its own key
MID = 16  # bytes: up to this long, a key checked against the first and last 8 bytes

# MASKS[n]: the low n bytes of a 64-bit word (n = 0..8).
_MASKS = np.array([(1 << (8 * n)) - 1 for n in range(SHORT + 1)], dtype=np.uint64)
_PAD = b" " * SHORT
# Multiplicative hashing (odd 64-bit constants, the golden ratio's and two
# of splitmix64's): the table's slot is the product's top bits.
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_LOW_BYTE = np.uint64(0xFF)
_MID_BIT = np.uint64(0x100)


class Scan:
    """The words of index bytes: their spans, their first and last eight
    bytes and their keys (0 for a word longer than ``MID``).

    >>> s = Scan(b"  ab cdefghijkl ab ")
    >>> s.spans(np.arange(3))
    ([2, 5, 16], [4, 15, 18])
    >>> hex(int(s.keys[0])), bool(s.keys[0] == s.keys[2]), int(s.keys[1]) & 0xFF
    ('0x6261', True, 0)
    """

    def __init__(self, text: bytes) -> None:
        # Spaces around the text: every word has a space before and after
        # it, and 8 bytes to load at either end.
        padded = _PAD + text + _PAD
        inside = np.frombuffer(padded, dtype=np.uint8) != 0x20
        # edges[2i]: the space before word i; edges[2i + 1]: its last byte.
        edges = np.flatnonzero(inside[1:] != inside[:-1])
        self._before: I64 = edges[0::2]
        self._last_byte: I64 = edges[1::2]
        self.lengths: I64 = self._last_byte - self._before
        # Unaligned little-endian 8-byte loads: strided views of the bytes,
        # one starting a byte further so that a word's first 8 bytes are
        # loaded at the index of the space before it.
        loads = np.ndarray((len(padded) - 7,), "<u8", buffer=padded, strides=(1,))
        after = np.ndarray((len(padded) - 8,), "<u8", buffer=padded, offset=1, strides=(1,))
        short = np.minimum(self.lengths, SHORT)
        self.first: U64 = after.take(self._before) & _MASKS.take(short)
        self.last: U64 = loads.take(self._last_byte - (SHORT - 1))  # used past SHORT
        keys = np.where(
            self.lengths > SHORT, _mid_key(self.first, self.last, self.lengths), self.first
        )
        keys[self.lengths > MID] = 0
        self.keys: U64 = keys
        # Words keyed by a hash, checked by ``WordTable.find``.
        self.hashed: I64 = np.flatnonzero((self.lengths > SHORT) & (self.lengths <= MID))

    def spans(self, which: I64) -> tuple[list[int], list[int]]:
        """Where words ``which`` start and end in the text."""
        start = self._before.take(which) - (SHORT - 1)
        return start.tolist(), (start + self.lengths.take(which)).tolist()


def _mid_key(first: U64, last: U64, lengths: I64) -> U64:
    """A 9-to-16-byte word's key: a hash with its low byte 0 (a short word's
    key has its first byte there, never 0) and bit 8 set (never 0)."""
    h = (first * _MIX1) ^ (last * _MIX2) ^ lengths.astype(np.uint64)
    h ^= h >> np.uint64(31)
    h *= _GOLDEN
    h |= _MID_BIT
    h &= ~_LOW_BYTE
    return h


class WordTable:
    """Word key → id, by open addressing (linear probing) in numpy arrays,
    kept at most a quarter full; and per id, the first and last eight bytes
    and the length of each word keyed by a hash (``MID``), to check a find.

    >>> t = WordTable()
    >>> t.add(Scan(b"ab cdefghijkl"), np.array([1, 2]))
    >>> t.find(Scan(b"cdefghijkl zz ab")).tolist()
    [2, 0, 1]
    """

    def __init__(self, size: int = 1 << 12) -> None:
        self._keys: U64 = np.zeros(size, dtype=np.uint64)
        self._ids: I64 = np.zeros(size, dtype=np.int64)
        self._shift = np.uint64(64 - (size.bit_length() - 1))
        self._used = 0
        # Indexed by id; id 0 (no word) is a row of zeros.
        self._first: U64 = np.zeros(1, dtype=np.uint64)
        self._last: U64 = np.zeros(1, dtype=np.uint64)
        self._lengths: I64 = np.zeros(1, dtype=np.int64)

    def _slots(self, keys: U64) -> I64:
        slots = keys * _GOLDEN
        slots >>= self._shift
        return slots.view(np.int64)

    def find(self, scan: Scan) -> I64 | None:
        """The id of each word of ``scan`` (0: not in the table), or None
        when a hashed word's id belongs to another word (a collision: the
        caller numbers the text through the vocabulary instead)."""
        keys = scan.keys
        slots = self._slots(keys)
        held = self._keys.take(slots)
        out = self._ids.take(slots)  # 0 at an empty slot
        more = np.flatnonzero(held != keys)
        if len(more):
            # Not in its first slot: empty (0, unknown) or probe on.
            out[more] = 0
            more = more[held.take(more) != 0]
            mask = len(self._keys) - 1
            while len(more):
                at = (slots.take(more) + 1) & mask
                slots[more] = at
                held = self._keys.take(at)
                hit = held == keys.take(more)
                out[more[hit]] = self._ids.take(at[hit])
                more = more[~hit & (held != 0)]
        hashed = scan.hashed
        if len(hashed):
            ids = out.take(hashed)
            wrong = self._first.take(ids) != scan.first.take(hashed)
            wrong |= self._last.take(ids) != scan.last.take(hashed)
            wrong |= self._lengths.take(ids) != scan.lengths.take(hashed)
            wrong &= ids != 0
            if wrong.any():
                return None
        return out

    def add(self, scan: Scan, ids: I64) -> None:
        """Remember the ids of ``scan``'s words (distinct words).  A key
        already held (another word's hash) keeps its first word; a word
        longer than ``MID`` is not kept."""
        keep = scan.keys != 0
        keys, ids = scan.keys[keep], ids[keep]
        if not len(keys):
            return
        top = int(ids.max())
        if top >= len(self._first):
            size = max(2 * len(self._first), top + 1, 1024)
            for name in ("_first", "_last", "_lengths"):
                old = getattr(self, name)
                grown = np.zeros(size, dtype=old.dtype)
                grown[: len(old)] = old
                setattr(self, name, grown)
        self._first[ids] = scan.first[keep]
        self._last[ids] = scan.last[keep]
        self._lengths[ids] = scan.lengths[keep]
        if 4 * (self._used + len(keys)) > len(self._keys):
            self._grow(self._used + len(keys))
        self._put(keys, ids)

    def _grow(self, needed: int) -> None:
        held = np.flatnonzero(self._keys)
        keys, ids = self._keys[held], self._ids[held]
        size = len(self._keys)
        while 4 * needed > size:
            size *= 2
        self._keys = np.zeros(size, dtype=np.uint64)
        self._ids = np.zeros(size, dtype=np.int64)
        self._shift = np.uint64(64 - (size.bit_length() - 1))
        self._used = 0
        self._put(keys, ids)

    def _put(self, keys: U64, ids: I64) -> None:
        mask = len(self._keys) - 1
        slots = self._slots(keys)
        todo = np.arange(len(keys))
        while len(todo):
            s = slots[todo]
            held = self._keys[s]
            free = held == 0
            # One new key per free slot (the first); the rest probe on.
            _, first = np.unique(s[free], return_index=True)
            won = todo[free][first]
            self._keys[slots[won]] = keys[won]
            self._ids[slots[won]] = ids[won]
            self._used += len(won)
            placed = np.zeros(len(keys), dtype=bool)
            placed[won] = True
            busy = ~free & (held != keys[todo])
            slots[todo[busy]] = (slots[todo[busy]] + 1) & mask
            # A key already held (the same word or a colliding hash) stops.
            todo = todo[~placed[todo] & (free | busy)]
