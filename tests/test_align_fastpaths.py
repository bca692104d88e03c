"""The per-quote search's shortcuts must not change what it finds.

- ``slack``: ``fuzzy_hits`` with a slack keeps exactly the full search's
  hits within ``slack`` edits of the best, in the same order (``locate``
  reads the first one; ``judge`` reads none beyond best + its cutoff);
- ``_symbols`` numbers words as a plain first-use loop does (past 254
  distinct words, one shared symbol);
- ``exact_positions`` (a few candidates checked one by one) equals a scan;
- ``TOKEN_RE_ASCII`` finds the same tokens as ``TOKEN_RE`` on ASCII text.
"""

from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteverify.align import lookup
from quoteverify.align._index import _MAX_SYMBOLS, _symbols, exact_positions, fuzzy_hits
from quoteverify.align._tokens import TOKEN_RE, TOKEN_RE_ASCII

from .conftest import prepared_verdict_sources, random_quotes

_PS = prepared_verdict_sources(4, "fastpaths")
_WORDS = [k for k in _PS.keys if k != "\x00"]


def _quotes(seed: int, n: int) -> list[list[str]]:
    return random_quotes(_PS, random.Random(seed), n, swap=0.25, unknown=0.3, invent_every=4)


def test_slack_keeps_the_near_best_hits_in_order() -> None:
    for keys in _quotes(5, 250):
        look = lookup(_PS, keys)
        kw = {
            "max_windows": 4,
            "max_postings": 2000,
            "weak_fraction": 0.5,
            "fallback_max_tokens": 5_000_000,
            "look": look.trigrams,
        }
        full = fuzzy_hits(_PS.index, look.qids, **kw)
        for slack in (0, 2, 5):
            got = fuzzy_hits(_PS.index, look.qids, slack=slack, **kw)
            if not full:
                assert got == [], keys
                continue
            # The full list, less the window hits beyond the windows' best +
            # slack: every hit up to the overall best + slack is there.
            cut = full[0].dist + slack
            assert [h for h in got if h.dist <= cut] == [h for h in full if h.dist <= cut], keys
            assert got[0] == full[0], keys


def _plain_symbols(qids: np.ndarray, n_vocab: int) -> tuple[bytes, np.ndarray]:
    lut = np.zeros(n_vocab + 1, dtype=np.uint8)
    qsym = np.zeros(qids.shape[0], dtype=np.uint8)
    seen: dict[int, int] = {}
    for i, w in enumerate(qids.tolist()):
        if w not in seen:
            seen[w] = min(len(seen) + 1, _MAX_SYMBOLS)
            if w >= 0:
                lut[w] = seen[w]
        qsym[i] = seen[w]
    return qsym.tobytes(), lut


def test_symbols_number_words_by_first_use() -> None:
    n_vocab = len(_PS.index.vocab)
    rng = random.Random(3)
    cases = [lookup(_PS, keys).qids for keys in _quotes(9, 60)]
    # More than 254 distinct words, and words the source never uses.
    many = rng.sample(_WORDS, min(len(set(_WORDS)), 400))
    cases.append(lookup(_PS, [*dict.fromkeys(many), "zzqx", "the", "zzqy"]).qids)
    for qids in cases:
        qb, lut = _symbols(_PS.index, qids)
        pqb, plut = _plain_symbols(qids, n_vocab)
        assert qb == pqb
        # Only real ids are read from the table (its last entry is padding).
        assert (lut[:n_vocab] == plut[:n_vocab]).all()


def test_exact_positions_equal_a_scan() -> None:
    ids = _PS.index.ids.tolist()
    rng = random.Random(8)
    for _ in range(200):
        m = rng.randint(1, 12)
        a = rng.randrange(0, len(ids) - m)
        keys = [k for k in _PS.keys[a : a + m] if k != "\x00"] or ["the"]
        if rng.random() < 0.2:
            keys = keys[: max(1, len(keys) // 3)]  # short: many candidates
        look = lookup(_PS, keys)
        ql = look.qids.tolist()
        want = [s for s in range(len(ids) - len(ql) + 1) if ids[s : s + len(ql)] == ql]
        if min(ql) < 0:
            want = []
        assert exact_positions(_PS.index, look.qids, look.trigrams) == want, keys


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=80))
def test_ascii_token_pattern_matches_the_unicode_one(text: str) -> None:
    assert TOKEN_RE_ASCII.findall(text) == TOKEN_RE.findall(text)


def test_bracketed_in_is_bracketed_word_by_word() -> None:
    # The verdict reads a passage's bracket marks in one search; each answer
    # must be the per-word one, past the last token too.
    from quoteverify.align import prepare_source
    from quoteverify.models import Source

    text = "MS. DOE: We made [a deal] today [inaudible] and [sic] more words here."
    ps = prepare_source(Source(ref="t", status="ok", text=text, title="t"))
    n = ps.n_tokens
    for a in range(n + 1):
        for b in range(a, n + 3):
            assert ps.bracketed_in(a, b) == [ps.bracketed(i) for i in range(a, b)]
    plain = prepare_source(Source(ref="p", status="ok", text="no marks at all", title="p"))
    assert plain.bracketed_in(0, 5) == [False] * 5


def test_barriers_and_turns_by_bisection_equal_the_array_scans() -> None:
    # ``has_barrier`` and ``turn_index`` bisect lists of the barriers'
    # positions and the turns' starts; the answers must be the scans' over
    # real transcripts (turns, editor's gaps), past both ends too.
    from quoteverify.align import _index as index_mod

    ids = _PS.index.ids
    n = _PS.n_tokens
    bars = np.flatnonzero(ids == index_mod.SENTINEL_ID)
    assert bars.shape[0] > 20  # the fixture has turns
    rng = random.Random(5)
    probes = [int(b) + d for b in bars[:: max(1, bars.shape[0] // 40)] for d in (-2, -1, 0, 1)]
    probes += [rng.randrange(-3, n + 3) for _ in range(300)] + [0, n - 1, n]
    for a in probes:
        for width in (0, 1, 2, 5, 40):
            b = a + width
            scan = b > a and bool((ids[max(0, a) : b] == index_mod.SENTINEL_ID).any())
            assert _PS.has_barrier(a, b) == scan, (a, b)
        if 0 <= a:
            pos = int(_PS.tok_start[min(a, n - 1)])
            want = int(np.searchsorted(_PS.turn_starts, pos, side="right")) - 1
            assert _PS.turn_index(a) == want, a


def test_passage_words_read_by_one_shift_equal_the_offset_map() -> None:
    # A passage inside one copied stretch reads its original words by one
    # shift (``Normalized.copy_delta``); elsewhere through the offset map.
    # Real folds cut stretches: curly quotes and an ellipsis written as one
    # character change the text's length ("…" -> "...").
    from quoteverify.align import Passage, prepare_source
    from quoteverify.models import Source

    text = (
        "THE PRESIDENT: We\u2019re going to do it \u2026 and I mean it.  "
        "Q Mr. President \u2014 will you? THE PRESIDENT: Yes\u2026 we will, "
        "\u201cand soon.\u201d  Thank you all very much."
    )
    for ps in (prepare_source(Source(ref="t", status="ok", text=text, title="t")), _PS):
        n = ps.n_tokens
        norm = ps.norm
        spans = [(a, b) for a in range(0, min(n, 60)) for b in range(a + 1, min(n, a + 12) + 1)]
        if n > 40:
            rng = random.Random(2)
            spans += [
                (a, a + rng.randint(1, 30)) for a in (rng.randrange(n - 31) for _ in range(200))
            ]
        shifted = 0
        for a, b in spans:
            p = Passage(ps, a, b)
            s = norm.starts_at(ps.tok_start[a:b]).tolist()
            e = norm.ends_at(ps.tok_end[a:b] - 1).tolist()
            assert p.words == [ps.source.text[x:y] for x, y in zip(s, e, strict=True)], (a, b)
            shifted += norm.copy_delta(int(ps.tok_start[a]), int(ps.tok_end[b - 1])) is not None
        assert 0 < shifted and (shifted < len(spans) or ps is _PS)  # the short text: both kinds
