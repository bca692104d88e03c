"""difflib's word diff, same answer, less overhead.

``word_diff`` runs difflib's ``SequenceMatcher(None, a, b, autojunk=False)``
several times per quote on sequences of 10-60 words, where difflib's own
bookkeeping (bound-method lookups, a ``Match`` named tuple per block, the
junk-extension loops that without junk never extend anything) costs more than
the comparisons.  This is the same algorithm with that overhead removed: the
same longest-match choice (first maximal block by end position in ``a``, then
``b``), the same recursion order and the same opcodes, so the diffs, and the
verdicts built on them, do not change.  tests/test_align_opcodes.py checks it
against difflib.
"""

from __future__ import annotations

Opcode = tuple[str, int, int, int, int]


def index_of(b: list[str]) -> dict[str, list[int]]:
    """difflib's ``b2j``: positions of each element of ``b`` (no junk)."""
    b2j: dict[str, list[int]] = {}
    for j, x in enumerate(b):
        lst = b2j.get(x)
        if lst is None:
            b2j[x] = [j]
        else:
            lst.append(j)
    return b2j


def _longest(
    a: list[str], b2j: dict[str, list[int]], alo: int, ahi: int, blo: int, bhi: int
) -> tuple[int, int, int]:
    besti, bestj, bestsize = alo, blo, 0
    j2len: dict[int, int] = {}
    nothing: list[int] = []
    get = b2j.get
    for i in range(alo, ahi):
        j2lenget = j2len.get
        newj2len: dict[int, int] = {}
        for j in get(a[i], nothing):
            if j < blo:
                continue
            if j >= bhi:
                break
            k = newj2len[j] = j2lenget(j - 1, 0) + 1
            if k > bestsize:
                besti, bestj, bestsize = i - k + 1, j - k + 1, k
        j2len = newj2len
    # difflib then extends the block over equal neighbours; the block found
    # is already maximal within the bounds when nothing is junk, so that
    # step never changes it and is left out.
    return besti, bestj, bestsize


def opcodes(
    a: list[str],
    b2j: dict[str, list[int]],
    lb: int,
    lo: int = 0,
    hi: int | None = None,
    memo: dict[tuple[int, int, int, int], tuple[int, int, int]] | None = None,
) -> list[Opcode]:
    """``SequenceMatcher(None, a[lo:hi], b, autojunk=False).get_opcodes()``
    where ``b2j = index_of(b)`` and ``lb = len(b)``.

    ``memo`` (kept by the caller for one ``a`` and ``b``) remembers each
    longest-match search by its bounds in ``a``: diffs of overlapping
    stretches of ``a`` (a passage fit tries a dozen) share most of their
    searches, and a search's answer depends only on its bounds.
    """
    if hi is None:
        hi = len(a)
    queue = [(lo, hi, 0, lb)]
    blocks: list[tuple[int, int, int]] = []
    while queue:
        q = queue.pop()
        found = None if memo is None else memo.get(q)
        if found is None:
            found = _longest(a, b2j, *q)
            if memo is not None:
                memo[q] = found
        x = found
        alo, ahi, blo, bhi = q
        i, j, k = x
        if k:
            blocks.append((i - lo, j, k))
            if alo < i and blo < j:
                queue.append((alo, i, blo, j))
            if i + k < ahi and j + k < bhi:
                queue.append((i + k, ahi, j + k, bhi))
    la = hi - lo
    blocks.sort()
    # Adjacent blocks merge, as in get_matching_blocks.
    merged: list[tuple[int, int, int]] = []
    i1 = j1 = k1 = 0
    for i2, j2, k2 in blocks:
        if i1 + k1 == i2 and j1 + k1 == j2:
            k1 += k2
        else:
            if k1:
                merged.append((i1, j1, k1))
            i1, j1, k1 = i2, j2, k2
    if k1:
        merged.append((i1, j1, k1))
    merged.append((la, lb, 0))
    out: list[Opcode] = []
    i = j = 0
    for ai, bj, size in merged:
        if i < ai and j < bj:
            out.append(("replace", i, ai, j, bj))
        elif i < ai:
            out.append(("delete", i, ai, j, bj))
        elif j < bj:
            out.append(("insert", i, ai, j, bj))
        i, j = ai + size, bj + size
        if size:
            out.append(("equal", ai, i, bj, j))
    return out
