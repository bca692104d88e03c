"""Finding a quotation's words in a source: the public API of the align stage.

``prepare_source`` normalises, tokenises and indexes a source once;
``quoteverify.verdict.judge`` then asks it where a quote's words stand
(``find_candidates``: exact lookup, then trigram windows + edlib).  ``locate``
is that same step alone for a whole quote, span and score, with no word diff
and no verdict (what a fuzzy-search baseline such as rapidfuzz's
``partial_ratio_alignment`` does).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import count, repeat
from typing import Any, NamedTuple, overload

import numpy as np

from quoteverify.align import _index, _tokens, _transcript
from quoteverify.align._diff import (
    Differ,
    Passage,
    Plan,
    WordDiff,
    WordRules,
    moved_words,
    quote_shown,
    source_punct,
    source_shown,
    source_word,
    tight_diff,
    word_diff,
)
from quoteverify.align._index import Hit, TrigramLookup, WordIndex
from quoteverify.align._normalize import Normalized, normalize
from quoteverify.align._quote import BRACKETED_INITIAL, ParsedQuote, parse_quote, quote_keys
from quoteverify.align._tokens import (
    QToken,
    expand,
    is_contraction,
    is_modal,
    is_negation,
    is_number,
    levenshtein,
    number_value,
)
from quoteverify.align._transcript import Turn, anonymous_label, label_matches, label_person_words
from quoteverify.models import Source
from quoteverify.thresholds import DEFAULT, Thresholds

# What the align stage offers: preparing and searching a source (``prepare_source``,
# ``find_candidates``, ``locate``), the word diff with its descriptive flags
# (``word_diff``, told what a replaced word is by the caller's ``WordRules``), and
# the word-level facts the verdict rules read (tokens, numbers, negations,
# transcript labels).  Its private modules are free to change behind this list.
__all__ = [
    "BRACKETED_INITIAL",
    "BARRIER_KEY",
    "Differ",
    "Hit",
    "Located",
    "Lookup",
    "Normalized",
    "ParsedQuote",
    "Passage",
    "Plan",
    "PreparedSource",
    "QToken",
    "TrigramLookup",
    "Turn",
    "WordDiff",
    "WordIndex",
    "WordRules",
    "anonymous_label",
    "expand",
    "find_candidates",
    "find_exact",
    "find_fuzzy",
    "is_contraction",
    "is_modal",
    "is_negation",
    "is_number",
    "label_matches",
    "label_person_words",
    "levenshtein",
    "locate",
    "lookup",
    "moved_words",
    "normalize",
    "number_value",
    "parse_quote",
    "prepare_source",
    "quote_keys",
    "quote_shown",
    "quote_trigrams",
    "shares_trigram",
    "source_punct",
    "source_shown",
    "source_word",
    "tight_diff",
    "word_diff",
]


# A transcriber's bracketed words ("[a deal]"), one line at most.
_SOURCE_BRACKET = re.compile(r"\[[^\]\n]{1,80}\]")
# A transcriber's note that words were not heard.
_UNHEARD = re.compile(r"[\[(]\s*(?:inaudible|crosstalk|unintelligible)[^\])]*[\])]", re.I)


@dataclass(frozen=True, eq=False)
class PreparedSource:
    """A ``Source`` normalised, tokenised, indexed, with its turns parsed."""

    source: Source
    norm: Normalized
    title: str | None  # Source.title, else the front matter's title
    turns: tuple[Turn, ...]
    tok_start: np.ndarray  # normalised offsets of each token's core
    tok_end: np.ndarray
    index: WordIndex
    masked: str  # normalised text with labels/stage directions blanked
    turn_starts: np.ndarray  # normalised offsets of the turns' labels
    newlines: np.ndarray  # offsets of "\n" in the original text
    # Alignment key of every token (BARRIER_KEY for barriers): the diff reads
    # keys of whole passages (a sequence read through the word ids).
    keys: Sequence[str]
    # Paragraphs are lines (no blank line in the body): see quotation_spans.
    line_paragraphs: bool = False
    # Quotation spans per turn (by label offset), computed when first asked.
    _quoted: dict[int, list[tuple[int, int]]] = field(default_factory=dict, repr=False)
    # Starts and ends of the transcriber's [bracketed words], built when first asked.
    # (A dict, like _quoted: the dataclass is frozen, its caches are filled in place.)
    # (The arrays, and lists of the same for bisection.)
    _brackets: dict[str, Any] = field(default_factory=dict, repr=False)
    # The distinct turn labels in order of first appearance: the speaker checks
    # ask "is any label this person?" per quote, and a 16 MB transcript file
    # has 32,000 turns but a few hundred labels.
    labels: tuple[str, ...] = ()
    # Judging's per-source answers that depend only on the speaker (is any
    # label theirs, which label is theirs), filled by ``quoteverify.verdict``:
    # a not-found quote asked them afresh, walking every turn, per quote.
    memo: dict[object, object] = field(default_factory=dict, repr=False)
    # Sorted positions as lists, built when first asked ("barriers": tokens
    # that are barriers; "turn_starts": ``turn_starts``): ``has_barrier`` and
    # ``turn_index`` answer one small question at a time, dozens of times per
    # candidate passage, and a bisection of a list costs a tenth of a numpy
    # call on a slice.
    _sorted: dict[str, list[int]] = field(default_factory=dict, repr=False)

    @property
    def n_tokens(self) -> int:
        return self.index.n

    def _sorted_list(self, what: str) -> list[int]:
        got = self._sorted.get(what)
        if got is None:
            if what == "barriers":
                got = self.index.positions(_index.SENTINEL_ID).tolist()
            else:
                got = self.turn_starts.tolist()
            self._sorted[what] = got
        return got

    # -- token helpers -------------------------------------------------------
    def is_sentinel(self, i: int) -> bool:
        return int(self.index.ids[i]) == _index.SENTINEL_ID

    def has_barrier(self, a: int, b: int) -> bool:
        """Is any of tokens [a, b) a barrier?  One bisection of the barriers'
        positions, however long the span (a stitched quote's gap may span
        thousands of tokens)."""
        if b <= a:
            return False
        bars = self._sorted_list("barriers")  # the barrier word's postings: ascending
        k = bisect_left(bars, max(0, a))
        return k < len(bars) and bars[k] < b

    def core(self, i: int) -> str:
        """The token's normalised surface ("It's"); for a barrier, its marker."""
        return self.norm.text[int(self.tok_start[i]) : int(self.tok_end[i])]

    def key(self, i: int) -> str:
        return self.keys[i]

    def orig_span(self, a: int, b: int) -> tuple[int, int]:
        """Original offsets of source tokens [a, b)."""
        if b <= a:
            p = self.norm.start_of(int(self.tok_start[min(a, self.n_tokens - 1)]))
            return p, p
        s = int(self.tok_start[a])
        e = int(self.tok_end[b - 1])
        return self.norm.orig_span(s, e)

    def first_token_from(self, pos: int) -> int:
        """The first token starting at normalised offset ``pos`` or later.

        The offset goes in as the array's own type: numpy would otherwise
        convert the whole (int32) array to int64 for one search, a copy of
        millions of offsets per call."""
        return int(self.tok_start.searchsorted(self.tok_start.dtype.type(pos), side="left"))

    def line_of(self, orig: int) -> int:
        return int(np.searchsorted(self.newlines, orig, side="left")) + 1

    def turn_at(self, token: int) -> Turn | None:
        k = self.turn_index(token)
        return self.turns[k] if k >= 0 else None

    def turn_index(self, token: int) -> int:
        """Index in ``turns`` of the turn holding token ``token`` (-1: none)."""
        if not self.turns or self.n_tokens == 0:
            return -1
        pos = int(self.tok_start[min(token, self.n_tokens - 1)])
        return bisect_right(self._sorted_list("turn_starts"), pos) - 1

    def quoted_by_speaker(self, a: int, b: int) -> bool:
        """Tokens [a, b) stand (mostly) inside quotation marks within their turn.

        The speaker was quoting someone: Blinken saying 'as he said, "Russia's
        aggressive actions are a threat"' did not himself coin those words.
        """
        turn = self.turn_at(a)
        if turn is None or b <= a:
            return False
        spans = self._quotation_spans(turn)
        return (
            _transcript.quoted_share(spans, int(self.tok_start[a]), int(self.tok_end[b - 1])) * 2
            > 1
        )

    def unquoted_ends(self, a: int, b: int) -> int:
        """How many of tokens [a, b) stand outside quotation marks in their
        turn before the first quoted token and after the last (all of them
        when none is quoted); ``quoted_by_speaker`` asks whether most stand
        inside.  Words between two quoted stretches are not counted."""
        turn = self.turn_at(a)
        if turn is None or b <= a:
            return max(0, b - a)
        spans = self._quotation_spans(turn)
        inside = [
            _transcript.quoted_share(spans, int(self.tok_start[i]), int(self.tok_end[i])) * 2 > 1
            for i in range(a, b)
        ]
        if not any(inside):
            return b - a
        return inside.index(True) + inside[::-1].index(True)

    def _quotation_spans(self, turn: Turn) -> list[tuple[int, int]]:
        spans = self._quoted.get(turn.label_start)
        if spans is None:
            norm = self.norm
            spans = _transcript.quotation_spans(
                norm.text,
                turn.label_end,
                turn.end,
                # The original glyph behind a folded '"': curly marks pair by direction.
                lambda i: norm.original[norm.start_of(i)],
                line_paragraphs=self.line_paragraphs,
            )
            self._quoted[turn.label_start] = spans
        return spans

    def bracketed(self, i: int) -> bool:
        """Does token ``i`` stand inside the transcriber's [square brackets]?

        "We just made [a deal]": the transcriber's words, not heard as such.
        """
        starts, ends = self._bracket_spans()
        if not starts.shape[0] or i >= self.n_tokens:
            return False
        pos = int(self.tok_start[i])
        k = int(np.searchsorted(starts, pos, side="right")) - 1
        return k >= 0 and pos < int(ends[k])

    def bracketed_in(self, a: int, b: int) -> list[bool]:
        """``[self.bracketed(i) for i in range(a, b)]`` (``a >= 0``) in one
        search: the verdict asks it of every word of every candidate passage."""
        starts, ends = self._bracket_spans()
        stop = min(b, self.n_tokens)
        if not starts.shape[0] or stop <= a:
            return [False] * max(0, b - a)
        # Most passages hold no bracket at all: two bisections on the spans
        # (sorted, never overlapping) say so without the array work below.
        s_list = self._brackets["starts_list"]
        first, last = int(self.tok_start[a]), int(self.tok_start[stop - 1])
        k = bisect_right(s_list, first) - 1
        if (k < 0 or self._brackets["ends_list"][k] <= first) and (
            k + 1 >= len(s_list) or s_list[k + 1] > last
        ):
            return [False] * (b - a)
        pos = self.tok_start[a:stop]
        k = np.searchsorted(starts, pos, side="right") - 1
        inside = (k >= 0) & (pos < ends[np.maximum(k, 0)])
        return inside.tolist() + [False] * (b - stop)

    def _bracket_spans(self) -> tuple[np.ndarray, np.ndarray]:
        """Starts and ends of the transcriber's [bracketed words], found when first asked."""
        if not self._brackets:
            spans = [m.span() for m in _SOURCE_BRACKET.finditer(self.norm.text)]
            struck = _transcript.struck_spans(self.norm.text)
            if struck:
                spans = sorted(spans + struck)
            self._brackets["starts"] = np.array([s for s, _ in spans], dtype=np.int64)
            self._brackets["ends"] = np.array([e for _, e in spans], dtype=np.int64)
            self._brackets["starts_list"] = [s for s, _ in spans]
            self._brackets["ends_list"] = [e for _, e in spans]
        return self._brackets["starts"], self._brackets["ends"]

    def gap_between(self, i: int) -> str | None:
        """The transcriber's note ("[inaudible]", "(crosstalk)") between tokens
        ``i - 1`` and ``i``, if any: words there were not heard."""
        if i <= 0 or i >= self.n_tokens:
            return None
        between = self.norm.text[int(self.tok_end[i - 1]) : int(self.tok_start[i])]
        m = _UNHEARD.search(between)
        return m.group(0) if m else None

    def context(self, start: int, end: int, width: int = 100) -> tuple[str, str]:
        """Up to ``width`` chars either side of the original span, same paragraph,
        cut at word boundaries, whitespace collapsed."""
        text = self.source.text
        lo = max(0, start - width)
        para = text.rfind("\n\n", lo, start)
        if para != -1:
            lo = para + 2
        before = text[lo:start]
        if lo > 0 and para == -1 and " " in before:
            # Cut at a word boundary: drop the partial first word.
            before = before[before.find(" ") + 1 :]
        hi = min(len(text), end + width)
        para = text.find("\n\n", end, hi)
        if para != -1:
            hi = para
        after = text[end:hi]
        if hi < len(text) and para == -1 and " " in after:
            after = after[: after.rfind(" ")]
        # str.split and a \s+ regex agree on what whitespace is; splitting
        # is several times cheaper than re.sub on non-ASCII text.
        return " ".join(before.split()), " ".join(after.split())


BARRIER_KEY = "\x00"  # no quote word has this key


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace spans by spaces (length-preserving, so offsets stay valid)."""
    if not spans:
        return text
    out = []
    prev = 0
    for s, e in sorted(spans):
        if s < prev:
            s = prev
        if e <= s:
            continue
        out.append(text[prev:s])
        out.append(" " * (e - s))
        prev = e
    out.append(text[prev:])
    return "".join(out)


# Characters tokenised at a time: each chunk's lower-cased copy, code points
# and class arrays are freed before the next, so the peak stays a few MB
# above the arrays kept whatever the size of the source.
_TOKEN_CHUNK = 1 << 18


def _tokenise(
    masked: str, barriers: list[tuple[int, int]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """Token starts, ends, word ids (1 on, in order of first use) and the
    key of each id (``[BARRIER_KEY, key of id 1, ...]``): the hot loop of indexing.

    A chunk ends before a space: no token holds one (nor joins across one),
    and a space ends the context of ``str.lower``'s final-sigma rule, so the
    chunks give the tokens and keys of the whole text.  Keys become ids as
    they are split off, never a list of 2.6 million strings (a 16 MB source).
    ``barriers`` (sorted spans, blanked in ``masked``) become tokens with id
    ``SENTINEL_ID`` before the first token starting at or after them, as
    ``np.insert`` at ``searchsorted`` would place them, chunk by chunk.
    """
    n = len(masked)
    bar = np.asarray(barriers, dtype=np.int64).reshape(-1, 2)
    bar_at = bar[:, 0].tolist()
    pt = _index._pos_type(n)
    fresh: defaultdict[str, int] = defaultdict(count(1).__next__)
    get = fresh.__getitem__
    starts: list[np.ndarray] = []
    ends: list[np.ndarray] = []
    ids: list[np.ndarray] = []
    pos = 0
    while pos < n:
        cut = masked.find(" ", min(pos + _TOKEN_CHUNK, n))
        if cut < 0:
            cut = n
        chunk = masked[pos:cut]
        low = chunk.lower()
        if len(low) != len(chunk):
            # A rare character whose lower case is longer: the regex, whole.
            return _tokenise_regex(masked, barriers)
        s, e, text = _tokens.bulk_spans(low)
        del low
        words = text.split()
        del text
        w = np.fromiter(map(get, words), dtype=np.int32, count=len(words))
        del words
        s = (s + pos).astype(pt)
        e = (e + pos).astype(pt)
        b0, b1 = bisect_left(bar_at, pos), bisect_left(bar_at, cut)
        if b1 > b0:
            bs = bar[b0:b1].astype(pt)
            at = np.searchsorted(s, bs[:, 0])
            s = np.insert(s, at, bs[:, 0])
            e = np.insert(e, at, bs[:, 1])
            w = np.insert(w, at, _index.SENTINEL_ID)
        starts.append(s)
        ends.append(e)
        ids.append(w)
        pos = cut
    return (
        _concat(starts, pt),
        _concat(ends, pt),
        _concat(ids, np.int32),
        [BARRIER_KEY, *fresh],
    )


def _concat(parts: list[np.ndarray], dtype: type[np.integer]) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def _tokenise_regex(
    masked: str, barriers: list[tuple[int, int]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """``_tokenise`` by ``TOKEN_RE`` and ``key_of``, token by token."""
    pt = _index._pos_type(len(masked))
    spans = [m.span() for m in _tokens.TOKEN_RE.finditer(masked)]
    fresh: defaultdict[str, int] = defaultdict(count(1).__next__)
    ids = np.asarray([fresh[_tokens.key_of(masked[s:e])] for s, e in spans], dtype=np.int32)
    starts = np.asarray([s for s, _ in spans], dtype=pt)
    ends = np.asarray([e for _, e in spans], dtype=pt)
    if barriers:
        bs = np.asarray(barriers, dtype=pt)
        at = np.searchsorted(starts, bs[:, 0])
        starts = np.insert(starts, at, bs[:, 0])
        ends = np.insert(ends, at, bs[:, 1])
        ids = np.insert(ids, at, _index.SENTINEL_ID)
    return starts, ends, ids, [BARRIER_KEY, *fresh]


class _Keys(Sequence[str]):
    """The alignment key of every token (``BARRIER_KEY`` for barriers), read
    through the word ids: a list of them held 2.6 million references (21 MB)
    for a 16 MB source that the ids already say."""

    __slots__ = ("_ids", "_words")

    def __init__(self, ids: np.ndarray, words: list[str]) -> None:
        self._ids = ids
        self._words = words

    def __len__(self) -> int:
        return int(self._ids.shape[0])

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return list(map(self._words.__getitem__, self._ids[i].tolist()))
        return self._words[int(self._ids[i])]

    def __iter__(self) -> Iterator[str]:
        return iter(self[:])


def prepare_source(source: Source) -> PreparedSource:
    """Normalise, tokenise and index ``source`` (status "ok") once."""
    norm = normalize(source.text)
    body, fm_title = _transcript.front_matter(norm.text)
    turns = _transcript.parse_turns(norm.text, body)
    gaps = _transcript.gap_spans(norm.text, body)
    blanks = [(0, body)] + [(t.label_start, t.label_end) for t in turns] + gaps
    blanks += _transcript.stage_spans(norm.text, body)
    blanks += _transcript.inline_tag_spans(norm.text, body)
    masked = _blank(norm.text, blanks)

    # Barriers: a turn change or an editor's "[…]" separates words that were
    # not said one after the other.  They become tokens no quote word equals.
    barriers = sorted([(t.label_start, t.label_end) for t in turns] + gaps)
    starts, ends, ids, words = _tokenise(masked, barriers)
    vocab = {w: i for i, w in enumerate(words) if i}
    vocab[BARRIER_KEY] = _index.SENTINEL_ID
    return PreparedSource(
        source=source,
        norm=norm,
        title=source.title or fm_title,
        turns=tuple(turns),
        tok_start=starts,
        tok_end=ends,
        index=_index.build_index(ids, vocab),
        masked=masked,
        turn_starts=np.asarray([t.label_start for t in turns], dtype=np.int64),
        newlines=_newlines(source.text),
        keys=_Keys(ids, words),
        line_paragraphs=not _transcript.has_blank_lines(norm.text, body),
        labels=tuple(dict.fromkeys(t.label for t in turns)),
    )


def _newlines(text: str) -> np.ndarray:
    """Offsets of "\n" in ``text`` (for line numbers), without a Python loop;
    a chunk at a time, so that the code points of a 16 MB text never exist at once."""
    step = 1 << 20
    parts = [
        np.flatnonzero(_tokens.code_units(text[a : a + step]) == 10) + a
        for a in range(0, len(text), step)
    ]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


class Lookup(NamedTuple):
    """A quote part's word ids and trigram ranges in one source, computed
    once and shared by ``find_exact`` and ``find_fuzzy``.  A named tuple:
    built once per quote part, and a frozen dataclass costs several times
    more to build."""

    qids: np.ndarray
    trigrams: TrigramLookup


def lookup(ps: PreparedSource, keys: list[str]) -> Lookup:
    # Word ids (-1: a word the source never uses), with the list kept for the
    # trigram keys (formed in Python).
    ql = list(map(ps.index.vocab.get, keys, repeat(-1)))  # a C-level loop
    qids = np.asarray(ql, dtype=np.int64)
    return Lookup(qids, _index.trigram_lookup(ps.index, qids, ql))


def find_exact(ps: PreparedSource, keys: list[str], look: Lookup | None = None) -> list[int]:
    """Token start positions where ``keys`` occur contiguously."""
    if look is None:
        look = lookup(ps, keys)
    return _index.exact_positions(ps.index, look.qids, look.trigrams)


def quote_trigrams(look: Lookup) -> set[tuple[int, int, int]]:
    """Word-id trigrams of a quote part that the source could contain."""
    ids = look.qids.tolist()
    return {
        (a, b, c)
        for a, b, c in zip(ids, ids[1:], ids[2:], strict=False)
        if a > 0 and b > 0 and c > 0
    }


def shares_trigram(ps: PreparedSource, trigrams: set[tuple[int, int, int]], a: int, b: int) -> bool:
    """Do source tokens [a, b) hold three consecutive words of the quote?"""
    if not trigrams:
        return False
    ids = ps.index.ids[max(0, a) : b].tolist()
    return any(t in trigrams for t in zip(ids, ids[1:], ids[2:], strict=False))


def find_fuzzy(
    ps: PreparedSource,
    keys: list[str],
    *,
    max_windows: int = 4,
    max_postings: int = 2000,
    weak_fraction: float = 0.5,
    fallback_max_tokens: int = 5_000_000,
    look: Lookup | None = None,
    slack: int | None = None,
) -> list[Hit]:
    """Approximate places for ``keys``, best first (see ``_index.fuzzy_hits``)."""
    if look is None:
        look = lookup(ps, keys)
    return _index.fuzzy_hits(
        ps.index,
        look.qids,
        max_windows=max_windows,
        max_postings=max_postings,
        weak_fraction=weak_fraction,
        fallback_max_tokens=fallback_max_tokens,
        look=look.trigrams,
        slack=slack,
    )


def find_candidates(
    ps: PreparedSource,
    keys: list[str],
    th: Thresholds = DEFAULT,
    *,
    fuzzy: bool = True,
    fallback: bool = True,
    look: Lookup | None = None,
    slack: int | None = None,
) -> tuple[list[int], list[Hit]]:
    """Where a run of quote words may stand: (exact start tokens, fuzzy hits best first).

    The exact lookup comes first; the trigram-window + edlib search runs only
    when the words are nowhere verbatim (and ``fuzzy``).  ``fallback=False``
    skips the bounded whole-document edlib pass.  ``slack`` drops the
    windows' hits more than ``slack`` edits worse than their best (None: keep
    all): a caller that reads no hit beyond the best + ``slack`` gets the same
    answer for less edlib work.  This is the locating step of
    ``quoteverify.verdict.judge`` and all of ``locate``.
    """
    if look is None:
        look = lookup(ps, keys)
    exact = find_exact(ps, keys, look)
    if exact or not fuzzy:
        return exact, []
    hits = find_fuzzy(
        ps,
        keys,
        max_windows=th.max_windows,
        max_postings=th.max_postings,
        weak_fraction=th.fallback_weak_fraction,
        fallback_max_tokens=th.fallback_max_tokens if fallback else 0,
        look=look,
        slack=slack,
    )
    return exact, hits


@dataclass(frozen=True)
class Located:
    """Where ``locate`` puts a quote: original character offsets and a score."""

    start: int
    end: int
    score: float  # 100 x (1 - word edits / quote words); 100 = verbatim words
    tokens: tuple[int, int]  # source token span [a, b)


def locate(ps: PreparedSource, quote_text: str, th: Thresholds = DEFAULT) -> Located | None:
    """The best place of a quote's words in ``ps``, and how well they align.

    Only the search: the quote's words as one run (an ellipsis is not split
    on), exact lookup then ``find_candidates``' fuzzy search; no word diff, no
    speaker check, no verdict.  None when the quote has no words or nothing
    aligns.
    """
    keys = quote_keys(quote_text)
    if not keys or ps.n_tokens == 0:
        return None
    # Only the first hit is read: windows worse than the best need no locations.
    exact, hits = find_candidates(ps, keys, th, slack=0)
    if exact:
        a, b, dist = exact[0], exact[0] + len(keys), 0
    elif hits:
        a, b, dist = hits[0].start, hits[0].end, hits[0].dist
    else:
        return None
    s, e = ps.orig_span(a, b)
    score = max(0.0, round(100.0 * (1.0 - dist / len(keys)), 1))
    return Located(s, e, score, (a, b))
