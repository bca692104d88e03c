"""The bulk indexing paths must build exactly what the simple ones would.

``bulk_tokens`` replaces ``TOKEN_RE.finditer`` + ``key_of`` when indexing,
``_stable_order`` replaces a stable argsort, ``word_ids`` a two-pass dict
build, and ``_part_matches`` skips the diff of fuzzy hits that share no word
trigram with the quote.  Each is checked against the plain definition.
"""

from __future__ import annotations

import random

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteverify.align import lookup, prepare_source, quote_trigrams, shares_trigram
from quoteverify.align._index import _stable_order, word_ids
from quoteverify.align._tokens import TOKEN_RE, bulk_tokens, key_of
from quoteverify.models import Quote, Source
from quoteverify.verdict import judge

# Characters that exercise every branch of TOKEN_RE: joiners ("'", ".", ",",
# ":"), "%", underscores (not word characters), non-ASCII letters and digits,
# a superscript (str.isdigit but not \d) and a character outside the BMP.
_ALPHABET = list("ab1 2'.,:%_-x9\n") + ["é", "²", "٣", "ß", "Ⅻ", "\U0001d7d8", "’"]


def _reference(low: str) -> tuple[list[int], list[int], list[str]]:
    spans = [m.span() for m in TOKEN_RE.finditer(low)]
    return [s for s, _ in spans], [e for _, e in spans], [key_of(low[s:e]) for s, e in spans]


def _check(text: str) -> None:
    low = text.lower()
    if len(low) != len(text):
        return  # prepare_source keeps the regex for these
    starts, ends, keys = bulk_tokens(low)
    assert (starts.tolist(), ends.tolist(), keys) == _reference(low)


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join))
def test_bulk_tokens_match_the_regex(text: str) -> None:
    _check(text)


def test_bulk_tokens_on_typical_and_tricky_words() -> None:
    for text in [
        "",
        "   ",
        "It's 14,000 people, 3.5% of U.S. voters, at 9:30 a.m. in the 1990s.",
        "5%x 5%% 1.2.3 1,2a.3 a.1.5 90's don't 'quoted' ..a.. 21st.Century",
        "Café naïve ٣٤,٥ ²'s x²y",
        "1:a 1.5.x 12ab.34 a'b'c a..b",
    ]:
        _check(text)
    rng = random.Random(3)
    for _ in range(3000):
        _check("".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 30))))


def test_stable_order_is_a_stable_argsort() -> None:
    rng = np.random.default_rng(0)
    for bound in (1, 2, 7, 1000, 10**9):
        keys = rng.integers(0, bound, size=500).astype(np.int64)
        assert (_stable_order(keys, bound) == np.argsort(keys, kind="stable")).all()
    empty = np.zeros(0, dtype=np.int64)
    assert _stable_order(empty, 5).shape == (0,)
    # Too large to pack with the position: falls back to the argsort itself.
    big = np.array([3, 1, 3, 2], dtype=np.int64)
    assert _stable_order(big, 2**62).tolist() == [1, 3, 0, 2]


def test_word_ids_number_keys_in_order_of_first_use() -> None:
    ids, vocab = word_ids(["b", "a", "b", "c", "a"])
    assert ids.tolist() == [1, 2, 1, 3, 2]
    assert vocab == {"b": 1, "a": 2, "c": 3, "\x00": 0}


_TEXT = (
    "THE PRESIDENT:  We will rebuild the bridges and the roads of this country, "
    "and we will do it together.  (Applause.)  The economy is growing faster "
    "than anyone predicted a year ago.\n\n"
    "Q    What about inflation in the coming months?\n\n"
    "THE PRESIDENT:  Inflation is coming down, and wages are going up for "
    "working families across the country.\n"
)


def test_shared_trigrams_are_found_in_a_range() -> None:
    ps = prepare_source(Source("s", "ok", _TEXT))
    tri = quote_trigrams(lookup(ps, ["we", "will", "rebuild", "the"]))
    assert len(tri) == 2
    assert shares_trigram(ps, tri, 0, 8)
    assert not shares_trigram(ps, tri, 10, ps.n_tokens)
    none = quote_trigrams(lookup(ps, ["zzz", "we", "qqq"]))
    assert not shares_trigram(ps, none, 0, ps.n_tokens)


def test_absent_quote_still_reports_its_nearest_passage() -> None:
    # Junk hits are not diffed, but the best one always is: an absent quote
    # keeps a nearest passage and a score.
    ps = prepare_source(Source("s", "ok", _TEXT))
    text = "Wages of farmers across the valley fell sharply after the storm last winter."
    r = judge(Quote("q", text, 0, len(text)), [ps])
    assert r.verdict == "not_found"
    assert r.match is not None and r.score is not None
