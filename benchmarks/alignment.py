"""Benchmark the alignment engine (``prepare_source`` + ``judge``) on real transcripts.

    mkdir -p /tmp/wh && tar xJf transcripts.tar.xz -C /tmp/wh  # the corpus: docs/EVIDENCE.md
    python benchmarks/alignment.py /tmp/wh [--size-mb 1.0] [--quotes 200] [--seed 7]
                                           [--baseline-quotes 40] [--index-repeat 3] [--json]

1. Source: White House transcripts (front matter stripped) in a seeded order,
   concatenated until the text reaches ``--size-mb`` MB (10**6 bytes of UTF-8).
2. Quotes (seeded), drawn from speech inside one speaker's turn (never across a
   turn label, a stage direction, a bracket or an ellipsis):
   - light:    15-40 words, 0-6 word edits (substitute, drop, insert, swap), at
               most a word-level edit distance of 25 % of the words (a swap costs 2);
   - heavy:    15-40 words, 25-45 % of the words changed (substitute, drop, insert);
   - short:    5-12 words, 0-1 edit;
   - stitched: two passages of 8-20 words >= 2,000 characters apart, joined by
               " … " (half) or by a plain space (half);
   - absent:   10-30 word sentences of transcripts NOT in the source, kept only if
               no run of more than half their words occurs in the source.
   Each quote records its true span(s) in ``Source.text``; when the unedited
   passage occurs more than once, every occurrence counts as right (and so does
   any verbatim occurrence of the edited words).
3. Runs in one process: the engine (index build timed ``--index-repeat`` times
   after a warm-up on a small slice, best reported; every quote judged once,
   timed with ``perf_counter``), rapidfuzz
   ``fuzz.partial_ratio_alignment`` of the normalised quote against the whole
   normalised text (characters), and difflib ``SequenceMatcher`` on word lists
   (``find_longest_match`` anchors a window, ``get_matching_blocks`` aligns in
   it).  The two baselines run on a stratified subset (``--baseline-quotes``;
   0 = all quotes) because they take tens of milliseconds per quote.
   The engine is timed twice, on the same prepared source and quotes:
   - JUDGE: ``judge()`` whole: parse, locate, word diff of the candidates,
     speaker check and verdict (the first speed figure);
   - LOCATE: ``quoteverify.align.locate()`` alone, the step ``judge`` starts
     with: parse, exact lookup, trigram candidate windows, edlib (and its
     bounded whole-document fallback); span and score only, no diff, no
     verdict.  This is the work rapidfuzz's ``partial_ratio_alignment`` does
     (find the best span and score it), so it is the like-for-like ratio.
     Timed in its own pass after the judge pass, with the word-key cache
     cleared first so it does not reuse the judge pass's work.
4. Scores: "right span" = IoU >= 0.5 of characters with a true span (stitched:
   any predicted part against either true part).  A quote is "found" by the
   engine when its verdict is not ``not_found``; by rapidfuzz when its score is
   >= 70 and by difflib when >= 50 % of the quote's words align in the window.

Prints a Markdown table of every figure against its target (PASS/MISS) and
the engine's failures by kind; ``--json`` prints the same as JSON.
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import json
import math
import random
import re
import statistics
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quoteverify.models import Quote, Source  # noqa: E402

CATEGORIES: tuple[str, ...] = ("light", "heavy", "short", "stitched", "absent")
CATEGORY_LABELS = {
    "light": "exact/light (0-6 edits)",
    "heavy": "heavy drift (25-45 %)",
    "short": "short (5-12 words)",
    "stitched": "stitched (2 passages)",
    "absent": "absent (10-30 words)",
}
# Share of --quotes per category.
SHARES = {"light": 0.35, "heavy": 0.175, "short": 0.175, "stitched": 0.15, "absent": 0.15}
LENGTHS = {"light": (15, 40), "heavy": (15, 40), "short": (5, 12), "stitched": (8, 20),
           "absent": (10, 30)}  # fmt: skip
STITCH_MIN_DISTANCE = 2000  # characters between the two passages
IOU_RIGHT = 0.5
RAPIDFUZZ_FOUND = 70.0  # rapidfuzz score (0-100) from which a quote counts as found
DIFFLIB_FOUND = 50.0  # % of the quote's words aligned in the window
LOCATE_FOUND = 50.0  # locate()'s word score from which a quote counts as found
# What each timing includes, printed with the speed figures.
TIMING_NOTES = (
    "engine JUDGE = judge(): parse + locate + word diff + speaker check + verdict",
    "engine LOCATE = align.locate(): parse + exact lookup + trigram candidate windows + "
    "edlib alignment (bounded whole-document fallback); span and score, no diff, no verdict",
    "rapidfuzz = fuzz.partial_ratio_alignment of the normalised quote against the whole "
    "normalised text: span and score only (the same job as LOCATE)",
    "difflib = SequenceMatcher anchor + window alignment on word lists: span and score only",
)
NOT_FOUND = frozenset({"not_found"})

Span = tuple[int, int]

# ---------------------------------------------------------------------------
# Corpus and source
# ---------------------------------------------------------------------------
_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n.*?\n---[ \t]*(?:\n|\Z)", re.S)
# A speaker label ("THE PRESIDENT:", "MS. JEAN-PIERRE:", "MR. FERNÁNDEZ HERNÁNDEZ:")
# anywhere, or a reporter's "Q" opening a line.
_UP = "A-ZÀ-ÖØ-Þ"
_LABEL = re.compile(rf"(?:^[^\S\n]*Q(?=[^\S\n]|:))|[{_UP}][{_UP}.'\- ]{{0,60}}[{_UP}.]:", re.M)
# Anything that is not the speaker's running words: stage directions, brackets,
# Markdown links/escapes/emphasis, ellipses (the engine reads them as elisions),
# "END 12:04 P.M. EDT" and "MORE" lines, headings.
_CUT = re.compile(
    r"\([^()]{0,300}\)|\[[^\]]{0,300}\]|\.\.\.|\u2026|[\\*_<>|#{}()\[\]]"
    r"|^[ \t]*(?:END|MORE|\d{1,2}:\d{2}\s*[AaPp]\.?\s?[Mm]\.?).*$",
    re.M,
)
_WORD = re.compile(r"\S+")


def list_transcripts(corpus_dir: Path) -> list[Path]:
    """Every Markdown transcript under ``corpus_dir``, in a stable order."""
    return sorted(p for p in Path(corpus_dir).rglob("*.md") if p.is_file())


def strip_front_matter(text: str) -> str:
    return _FRONT_MATTER.sub("", text, count=1).strip("\n") + "\n"


@dataclass
class Corpus:
    text: str  # the source text (the concatenated transcripts)
    docs: list[tuple[str, int, int]]  # (path, start, end) of each transcript in ``text``
    excluded: list[Path]  # transcripts left out, in seeded order (absent quotes come from these)

    @property
    def mb(self) -> float:
        return len(self.text.encode("utf-8")) / 1e6


def build_source(files: Sequence[Path], size_mb: float, rng: random.Random) -> Corpus:
    """Concatenate transcripts in a seeded order until ``size_mb`` MB."""
    order = list(files)
    rng.shuffle(order)
    parts: list[str] = []
    docs: list[tuple[str, int, int]] = []
    pos = 0
    nbytes = 0
    used = 0
    for used, path in enumerate(order, 1):  # noqa: B007
        body = strip_front_matter(path.read_text(encoding="utf-8", errors="replace"))
        if len(body.split()) < 50:
            continue
        docs.append((str(path), pos, pos + len(body)))
        parts.append(body)
        pos += len(body) + 1  # the "\n" joiner below: a blank line between transcripts
        nbytes += len(body.encode("utf-8")) + 1
        if nbytes >= size_mb * 1e6:
            break
    return Corpus("\n".join(parts), docs, order[used:])


def speech_pieces(text: str, base: int = 0) -> list[list[Span]]:
    """Runs of words (spans offset by ``base``) a speaker said one after the
    other: from the first speaker label on, cut at labels and non-speech."""
    first = _LABEL.search(text)
    if first is None:
        return []
    cuts = sorted(
        [m.span() for m in _LABEL.finditer(text)] + [m.span() for m in _CUT.finditer(text)]
    )
    pieces: list[list[Span]] = []
    prev = first.start()
    for s, e in [*cuts, (len(text), len(text))]:
        if s > prev:
            words = [(base + m.start(), base + m.end()) for m in _WORD.finditer(text, prev, s)]
            if words:
                pieces.append(words)
        prev = max(prev, e)
    return pieces


# ---------------------------------------------------------------------------
# Word keys: what "the same words" means for truth spans and absence checks
# ---------------------------------------------------------------------------
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*[^\W_]*%?|[^\W_]+(?:['\u2019.][^\W_]+)*")


def word_keys(text: str, base: int = 0) -> list[tuple[str, int, int]]:
    """(key, start, end) per word: lower case, apostrophes/dots dropped, hyphens split."""
    out = []
    for m in _TOKEN.finditer(text):
        w = m.group().lower()
        w = w.replace(",", "") if w[:1].isdigit() else re.sub(r"['\u2019.]", "", w)
        out.append((w, base + m.start(), base + m.end()))
    return out


class KeyIndex:
    """The source's word keys, searchable as one padded string."""

    def __init__(self, text: str) -> None:
        toks = word_keys(text)
        self.keys = [k for k, _, _ in toks]
        self.starts = [s for _, s, _ in toks]
        self.ends = [e for _, _, e in toks]
        self.joined = " " + " ".join(self.keys) + " "
        self.offsets: list[int] = []  # position of each key in ``joined``
        p = 1
        for k in self.keys:
            self.offsets.append(p)
            p += len(k) + 1

    def occurrences(self, keys: Sequence[str]) -> list[Span]:
        """Character spans (in the source) of every occurrence of ``keys``."""
        if not keys:
            return []
        pat = " " + " ".join(keys) + " "
        out = []
        i = self.joined.find(pat)
        while i != -1:
            w = bisect.bisect_left(self.offsets, i + 1)
            out.append((self.starts[w], self.ends[w + len(keys) - 1]))
            i = self.joined.find(pat, i + 1)
        return out

    def has_run(self, keys: Sequence[str], k: int) -> bool:
        """Does any run of ``k`` consecutive ``keys`` occur in the source?"""
        return any(
            (" " + " ".join(keys[i : i + k]) + " ") in self.joined for i in range(len(keys) - k + 1)
        )


# ---------------------------------------------------------------------------
# Quotes
# ---------------------------------------------------------------------------
@dataclass
class BenchQuote:
    id: str
    category: str
    text: str
    n_words: int  # words in the quote as given
    edit_fraction: float  # word-level edit distance / words of the passage
    truth: list[list[Span]]  # per part, every acceptable span; [] for absent
    marked: bool | None = None  # stitched: joined by " … "?
    passage: str = ""  # the unedited words (for reports)


def _strip_word(w: str) -> str:
    return re.sub(r"^\W+|\W+$", "", w)


def _key(w: str) -> str:
    ks = word_keys(w)
    return " ".join(k for k, _, _ in ks)


def apply_edits(
    words: list[str],
    n_edits: int,
    rng: random.Random,
    vocab: Sequence[str],
    ops: Sequence[str] = ("sub", "drop", "ins", "swap"),
    weights: Sequence[float] | None = None,
    max_dist: int | None = None,
) -> tuple[list[str], int]:
    """Edit distinct original words; return the words and the word-level edit
    distance (a swap of two words counts 2), which stays <= ``max_dist``."""
    toks: list[tuple[str, bool]] = [(w, False) for w in words]  # (word, touched)
    dist = 0
    for _ in range(n_edits):
        op = rng.choices(list(ops), weights=weights)[0]
        if max_dist is not None and dist + (2 if op == "swap" else 1) > max_dist:
            if dist + 1 > max_dist:
                break
            op = "sub"
        free = [i for i, (_, t) in enumerate(toks) if not t]
        if op == "swap":
            pairs = [
                i
                for i in free
                if i + 1 < len(toks)
                and not toks[i + 1][1]
                and _key(toks[i][0]) != _key(toks[i + 1][0])
            ]
            if not pairs:
                op = "sub"
            else:
                i = rng.choice(pairs)
                toks[i], toks[i + 1] = (toks[i + 1][0], True), (toks[i][0], True)
                dist += 2
                continue
        if not free:
            break
        i = rng.choice(free)
        if op == "drop" and len(toks) > 4:
            del toks[i]
        elif op == "ins":
            toks.insert(i, (rng.choice(vocab), True))
        else:
            old = _key(toks[i][0])
            new = rng.choice(vocab)
            while _key(new) == old:
                new = rng.choice(vocab)
            # Keep the punctuation around the word: "economy," -> "jobs,".
            m = re.match(r"^(\W*)(.*?)(\W*)$", toks[i][0])
            assert m is not None
            toks[i] = (m.group(1) + new + m.group(3), True)
        dist += 1
    return [w for w, _ in toks], dist


class QuoteMaker:
    def __init__(self, corpus: Corpus, rng: random.Random) -> None:
        self.corpus = corpus
        self.rng = rng
        self.index = KeyIndex(corpus.text)
        self.pieces: list[list[Span]] = []
        for _, s, e in corpus.docs:
            self.pieces.extend(speech_pieces(corpus.text[s:e], s))
        self.used: list[Span] = []
        vocab = [_strip_word(corpus.text[s:e]) for p in self.pieces for s, e in p]
        self.vocab = [w for w in vocab if len(w) >= 3 and w.isalpha()] or ["word"]
        self.rng.shuffle(self.vocab)
        self.vocab = self.vocab[:20000]

    def passage(self, n: int, avoid_near: Span | None = None) -> list[Span] | None:
        """``n`` consecutive spoken words not overlapping an earlier passage
        (and >= STITCH_MIN_DISTANCE characters from ``avoid_near``)."""
        long_enough = [p for p in self.pieces if len(p) >= n]
        if not long_enough:
            return None
        weights = [len(p) - n + 1 for p in long_enough]
        for _ in range(200):
            piece = self.rng.choices(long_enough, weights=weights)[0]
            i = self.rng.randrange(len(piece) - n + 1)
            words = piece[i : i + n]
            span = (words[0][0], words[-1][1])
            if any(span[0] < e and s < span[1] for s, e in self.used):
                continue
            if avoid_near is not None and (
                span[1] + STITCH_MIN_DISTANCE > avoid_near[0]
                and avoid_near[1] + STITCH_MIN_DISTANCE > span[0]
            ):
                continue
            self.used.append(span)
            return words
        return None

    def words_of(self, spans: list[Span]) -> list[str]:
        return [self.corpus.text[s:e] for s, e in spans]

    def truth_of(self, spans: list[Span], edited: str | None = None) -> list[Span]:
        """The passage's span first, then every other exact occurrence of its
        words, and of the edited words when they too stand somewhere verbatim."""
        span = (spans[0][0], spans[-1][1])
        keys = [k for k, _, _ in word_keys(self.corpus.text[span[0] : span[1]])]
        others = [o for o in self.index.occurrences(keys) if o[0] != span[0]]
        if edited is not None:
            ekeys = [k for k, _, _ in word_keys(edited)]
            if ekeys != keys:
                others += self.index.occurrences(ekeys)
        return [span, *others]

    def single(self, qid: str, category: str) -> BenchQuote | None:
        lo, hi = LENGTHS[category]
        n = self.rng.randint(lo, hi)
        spans = self.passage(n)
        if spans is None:
            return None
        words = self.words_of(spans)
        if category == "light":
            edited, dist = apply_edits(
                words, self.rng.randint(0, 6), self.rng, self.vocab, max_dist=n // 4
            )
        elif category == "short":
            edited, dist = apply_edits(words, self.rng.randint(0, 1), self.rng, self.vocab)
        else:
            k = round(self.rng.uniform(0.25, 0.45) * n)
            edited, dist = apply_edits(
                words, k, self.rng, self.vocab, ("sub", "drop", "ins"), (0.6, 0.2, 0.2)
            )
        text = " ".join(edited)
        return BenchQuote(
            qid,
            category,
            text,
            len(edited),
            dist / n,
            [self.truth_of(spans, text)],
            passage=" ".join(words),
        )

    def stitched(self, qid: str, marked: bool) -> BenchQuote | None:
        lo, hi = LENGTHS["stitched"]
        a = self.passage(self.rng.randint(lo, hi))
        if a is None:
            return None
        b = self.passage(self.rng.randint(lo, hi), avoid_near=(a[0][0], a[-1][1]))
        if b is None:
            return None
        wa, wb = self.words_of(a), self.words_of(b)
        joiner = " \u2026 " if marked else " "
        text = " ".join(wa) + joiner + " ".join(wb)
        return BenchQuote(
            qid,
            "stitched",
            text,
            len(wa) + len(wb),
            0.0,
            [self.truth_of(a), self.truth_of(b)],
            marked,
            passage=text,
        )

    def absent(self, n: int, first_id: int) -> list[BenchQuote]:
        """Sentences of transcripts outside the source, verified absent."""
        out: list[BenchQuote] = []
        seen: set[str] = set()
        lo, hi = LENGTHS["absent"]
        for path in self.corpus.excluded:
            if len(out) >= n:
                break
            body = strip_front_matter(path.read_text(encoding="utf-8", errors="replace"))
            sentences: list[list[str]] = []
            for piece in speech_pieces(body):
                cur: list[str] = []
                for s, e in piece:
                    w = body[s:e]
                    cur.append(w)
                    if re.search(r"[.!?][\"'\u201d\u2019)]*$", w):
                        sentences.append(cur)
                        cur = []
            cands = [s for s in sentences if lo <= len(s) <= hi]
            self.rng.shuffle(cands)
            for sent in cands[:3]:
                text = " ".join(sent)
                keys = [k for k, _, _ in word_keys(text)]
                if len(keys) < lo or " ".join(keys) in seen:
                    continue
                # Absent: no run of more than half its words is in the source.
                if self.index.has_run(keys, len(keys) // 2 + 1):
                    continue
                seen.add(" ".join(keys))
                out.append(
                    BenchQuote(
                        f"q{first_id + len(out)}",
                        "absent",
                        text,
                        len(sent),
                        1.0,
                        [],
                        passage=f"{path.name}",
                    )
                )
                break
        return out


def counts_for(n: int) -> dict[str, int]:
    counts = {c: int(n * SHARES[c]) for c in CATEGORIES}
    rest = n - sum(counts.values())
    for c in CATEGORIES[:rest]:
        counts[c] += 1
    return counts


def generate_quotes(corpus: Corpus, n: int, rng: random.Random) -> list[BenchQuote]:
    maker = QuoteMaker(corpus, rng)
    counts = counts_for(n)
    quotes: list[BenchQuote] = []
    for cat in ("light", "heavy", "short"):
        for _ in range(counts[cat]):
            q = maker.single(f"q{len(quotes) + 1}", cat)
            if q is not None:
                quotes.append(q)
    for k in range(counts["stitched"]):
        q = maker.stitched(f"q{len(quotes) + 1}", marked=k % 2 == 0)
        if q is not None:
            quotes.append(q)
    quotes.extend(maker.absent(counts["absent"], len(quotes) + 1))
    return quotes


def subset(quotes: Sequence[BenchQuote], k: int) -> list[BenchQuote]:
    """A stratified subset of about ``k`` quotes (all when k <= 0 or k >= len)."""
    if k <= 0 or k >= len(quotes):
        return list(quotes)
    out = []
    for cat in CATEGORIES:
        qs = [q for q in quotes if q.category == cat]
        take = max(1, round(k * len(qs) / len(quotes))) if qs else 0
        out.extend(qs[:take])
    return out


# ---------------------------------------------------------------------------
# Methods under test
# ---------------------------------------------------------------------------
@dataclass
class Outcome:
    id: str
    ms: float
    score: float | None
    spans: list[Span]  # predicted span(s); [] when the method gave none
    found: bool
    verdict: str | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Run:
    name: str
    outcomes: dict[str, Outcome]
    setup_s: float = 0.0  # index build / document preparation
    setup_all: list[float] = field(default_factory=list)  # every timed build
    error: str | None = None
    # The engine's LOCATE-only pass (``align.locate``) over the same quotes.
    locate: Run | None = None


def run_engine(text: str, quotes: Sequence[BenchQuote], index_repeat: int = 3) -> Run:
    try:
        from quoteverify.align import prepare_source
        from quoteverify.verdict import judge
    except Exception as exc:  # the engine is not importable
        return Run("engine", {}, error=f"import failed: {exc!r}")
    source = Source(ref="benchmark", status="ok", text=text, title="benchmark source")
    try:
        prepare_source(Source(ref="warm-up", status="ok", text=text[:20000]))  # compile regexes
        builds = []
        for _ in range(max(1, index_repeat)):  # best of N: the machine may be busy
            t0 = time.perf_counter()
            ps = prepare_source(source)
            builds.append(time.perf_counter() - t0)
        setup = min(builds)
    except Exception:
        return Run("engine", {}, error="prepare_source failed:\n" + traceback.format_exc())
    outcomes: dict[str, Outcome] = {}
    for bq in quotes:
        q = Quote(bq.id, bq.text, start=0, end=len(bq.text), kind="quote", speaker=None)
        t0 = time.perf_counter()
        try:
            r = judge(q, [ps])
        except Exception as exc:
            ms = (time.perf_counter() - t0) * 1000
            outcomes[bq.id] = Outcome(
                bq.id, ms, None, [], False, "error", f"{type(exc).__name__}: {exc}"
            )
            continue
        ms = (time.perf_counter() - t0) * 1000
        spans: list[Span] = []
        if r.match is not None:
            spans = list(r.match.parts) or [(r.match.start, r.match.end)]
        outcomes[bq.id] = Outcome(
            bq.id, ms, r.score, spans, r.verdict not in NOT_FOUND, r.verdict, notes=list(r.notes)
        )
    return Run("engine", outcomes, setup, setup_all=builds, locate=run_locate(ps, quotes, setup))


def run_locate(ps: Any, quotes: Sequence[BenchQuote], setup: float) -> Run:
    """Time ``quoteverify.align.locate`` alone (the search judge starts with) per quote."""
    from quoteverify.align import locate
    from quoteverify.align._tokens import key_of

    # The judge pass filled the word-key cache with these quotes' words;
    # start the LOCATE pass as cold as the judge pass started.
    key_of.cache_clear()
    outcomes: dict[str, Outcome] = {}
    for bq in quotes:
        t0 = time.perf_counter()
        try:
            loc = locate(ps, bq.text)
        except Exception as exc:
            ms = (time.perf_counter() - t0) * 1000
            outcomes[bq.id] = Outcome(
                bq.id, ms, None, [], False, None, f"{type(exc).__name__}: {exc}"
            )
            continue
        ms = (time.perf_counter() - t0) * 1000
        spans = [(loc.start, loc.end)] if loc is not None else []
        score = loc.score if loc is not None else 0.0
        outcomes[bq.id] = Outcome(bq.id, ms, score, spans, score >= LOCATE_FOUND)
    return Run("engine locate", outcomes, setup)


_FOLD = str.maketrans({
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    "\u2026": ".", "\u00a0": " ",
})  # fmt: skip
_WS = np.array([9, 10, 11, 12, 13, 32, 0x85, 0xA0, 0x2028, 0x2029], dtype=np.uint32)


def normalise_chars(text: str) -> tuple[str, np.ndarray]:
    """Lower case, typographic folding, whitespace runs -> one space; and the
    original offset of every character of the result."""
    t = text.translate(_FOLD)
    low = t.lower()
    if len(low) != len(t):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in t)
    arr = np.frombuffer(low.encode("utf-32-le"), dtype=np.uint32)
    ws = np.isin(arr, _WS)
    prev = np.concatenate([[False], ws[:-1]])
    keep = ~(ws & prev)
    out = arr[keep].copy()
    out[ws[keep]] = 32
    return out.tobytes().decode("utf-32-le"), np.flatnonzero(keep)


def run_rapidfuzz(text: str, quotes: Sequence[BenchQuote]) -> Run:
    t0 = time.perf_counter()
    doc, offs = normalise_chars(text)
    setup = time.perf_counter() - t0
    outcomes = {}
    for bq in quotes:
        qn = normalise_chars(bq.text)[0].strip()
        t0 = time.perf_counter()
        al = fuzz.partial_ratio_alignment(qn, doc)
        ms = (time.perf_counter() - t0) * 1000
        spans: list[Span] = []
        if al is not None and al.dest_end > al.dest_start:
            spans = [(int(offs[al.dest_start]), int(offs[al.dest_end - 1]) + 1)]
        score = float(al.score) if al is not None else 0.0
        outcomes[bq.id] = Outcome(bq.id, ms, score, spans, score >= RAPIDFUZZ_FOUND)
    return Run("rapidfuzz", outcomes, setup)


def run_difflib(text: str, quotes: Sequence[BenchQuote]) -> Run:
    t0 = time.perf_counter()
    toks = word_keys(text)
    words = [k for k, _, _ in toks]
    sm = difflib.SequenceMatcher(None, autojunk=True)
    sm.set_seq2(words)
    setup = time.perf_counter() - t0
    outcomes = {}
    for bq in quotes:
        q = [k for k, _, _ in word_keys(bq.text)]
        t0 = time.perf_counter()
        sm.set_seq1(q)
        anchor = sm.find_longest_match(0, len(q), 0, len(words))
        spans: list[Span] = []
        score = 0.0
        if anchor.size:
            lo = max(0, anchor.b - anchor.a - len(q) // 2)
            hi = min(len(words), anchor.b - anchor.a + len(q) + len(q) // 2)
            win = difflib.SequenceMatcher(None, q, words[lo:hi], autojunk=False)
            blocks = [b for b in win.get_matching_blocks() if b.size]
            if blocks:
                first = lo + blocks[0].b
                last = lo + blocks[-1].b + blocks[-1].size - 1
                spans = [(toks[first][1], toks[last][2])]
                score = 100.0 * sum(b.size for b in blocks) / len(q)
        ms = (time.perf_counter() - t0) * 1000
        outcomes[bq.id] = Outcome(bq.id, ms, score, spans, score >= DIFFLIB_FOUND)
    return Run("difflib", outcomes, setup)


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------
def iou(a: Span, b: Span) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def best_iou(pred: Sequence[Span], truth: Sequence[Sequence[Span]]) -> float:
    return max((iou(p, t) for p in pred for part in truth for t in part), default=0.0)


def all_parts_right(pred: Sequence[Span], truth: Sequence[Sequence[Span]]) -> bool:
    return bool(truth) and all(
        any(iou(p, t) >= IOU_RIGHT for p in pred for t in part) for part in truth
    )


def _pct(num: int, den: int) -> float | None:
    return round(100.0 * num / den, 1) if den else None


def _quantile(xs: Sequence[float], q: float) -> float | None:
    if not xs:
        return None
    return float(np.quantile(np.asarray(xs, dtype=float), q))


def is_long_light(q: BenchQuote) -> bool:
    """Quotes the 99 % target is about: 15+ words, <= 25 % edits, one passage."""
    return (
        q.category in ("light", "heavy", "short") and q.n_words >= 15 and (q.edit_fraction <= 0.25)
    )


def method_stats(run: Run, quotes: Sequence[BenchQuote], mb: float) -> dict[str, Any]:
    qs = [q for q in quotes if q.id in run.outcomes]
    per_cat: dict[str, dict[str, Any]] = {}
    for cat in CATEGORIES:
        cq = [q for q in qs if q.category == cat]
        if not cq:
            continue
        outs = [run.outcomes[q.id] for q in cq]
        d: dict[str, Any] = {"n": len(cq), "found_pct": _pct(sum(o.found for o in outs), len(cq))}
        if cat != "absent":
            d["right_pct"] = _pct(
                sum(best_iou(o.spans, q.truth) >= IOU_RIGHT for q, o in zip(cq, outs, strict=True)),
                len(cq),
            )
            d["tight_pct"] = _pct(
                sum(best_iou(o.spans, q.truth) >= 0.9 for q, o in zip(cq, outs, strict=True)),
                len(cq),
            )
        if cat == "stitched":
            d["both_parts_right_pct"] = _pct(
                sum(all_parts_right(o.spans, q.truth) for q, o in zip(cq, outs, strict=True)),
                len(cq),
            )
        scores = [o.score for o in outs if o.score is not None]
        if scores:
            d["score_min"] = round(min(scores), 1)
            d["score_median"] = round(statistics.median(scores), 1)
            d["score_max"] = round(max(scores), 1)
        if run.name == "engine":
            d["verdicts"] = dict(Counter(o.verdict or "none" for o in outs).most_common())
        per_cat[cat] = d
    ll = [q for q in qs if is_long_light(q)]
    absent = [q for q in qs if q.category == "absent" and q.n_words >= 10]
    ms = [run.outcomes[q.id].ms for q in qs]
    return {
        "quotes": len(qs),
        "setup_s": round(run.setup_s, 4),
        "setup_s_per_mb": round(run.setup_s / mb, 4) if mb else None,
        "setup_s_all": [round(x, 4) for x in run.setup_all],
        "ms_median": _round(_quantile(ms, 0.5)),
        "ms_p90": _round(_quantile(ms, 0.9)),
        "ms_p99": _round(_quantile(ms, 0.99)),
        "ms_max": _round(max(ms, default=None)),
        "ms_mean": _round(statistics.fmean(ms) if ms else None),
        "ms_median_per_mb": _round(_quantile(ms, 0.5), mb),
        "ms_p90_per_mb": _round(_quantile(ms, 0.9), mb),
        "ms_p99_per_mb": _round(_quantile(ms, 0.99), mb),
        "long_light_n": len(ll),
        "long_light_right_pct": _pct(
            sum(best_iou(run.outcomes[q.id].spans, q.truth) >= IOU_RIGHT for q in ll), len(ll)
        ),
        "absent_n": len(absent),
        "absent_found": sum(run.outcomes[q.id].found for q in absent),
        "errors": sum(run.outcomes[q.id].error is not None for q in qs),
        "categories": per_cat,
    }


def _round(x: float | None, per: float = 1.0) -> float | None:
    return None if x is None else round(x / per, 3)


@dataclass
class Target:
    name: str
    value: float | None
    op: str  # ">=", "<=", "=="
    goal: float
    unit: str = ""
    note: str = ""

    @property
    def ok(self) -> bool | None:
        if self.value is None or (isinstance(self.value, float) and math.isnan(self.value)):
            return None
        return {">=": self.value >= self.goal, "<=": self.value <= self.goal,
                "==": self.value == self.goal}[self.op]  # fmt: skip


def engine_targets(
    eng: dict[str, Any], run: Run, quotes: Sequence[BenchQuote], rf: Run | None
) -> tuple[list[Target], dict[str, Any]]:
    qs = [q for q in quotes if q.id in run.outcomes]
    stitched = [q for q in qs if q.category == "stitched"]
    others = [q for q in qs if q.category != "stitched"]
    recall = _pct(sum(run.outcomes[q.id].verdict == "stitched" for q in stitched), len(stitched))
    false_split = _pct(sum(run.outcomes[q.id].verdict == "stitched" for q in others), len(others))
    extra: dict[str, Any] = {"stitched_recall_pct": recall, "false_split_pct": false_split}
    for marked in (True, False):
        sub = [q for q in stitched if q.marked is marked]
        extra[f"stitched_recall_{'marked' if marked else 'unmarked'}_pct"] = _pct(
            sum(run.outcomes[q.id].verdict == "stitched" for q in sub), len(sub)
        )
    ratio = ratio_mean = None
    if rf is not None and rf.outcomes:
        common = [q.id for q in qs if q.id in rf.outcomes]
        ours = [run.outcomes[i].ms for i in common]
        theirs = [rf.outcomes[i].ms for i in common]
        if common and statistics.median(ours) > 0:
            ratio = round(statistics.median(theirs) / statistics.median(ours), 1)
            ratio_mean = round(statistics.fmean(theirs) / statistics.fmean(ours), 1)
        extra["speed_ratio_quotes"] = len(common)
    extra["speed_ratio_median"] = ratio
    extra["speed_ratio_mean"] = ratio_mean
    # The same ratio for the LOCATE-only pass (like for like with rapidfuzz).
    loc_ratio = loc_ratio_mean = None
    if rf is not None and rf.outcomes and run.locate is not None:
        common = [q.id for q in qs if q.id in rf.outcomes and q.id in run.locate.outcomes]
        ours = [run.locate.outcomes[i].ms for i in common]
        theirs = [rf.outcomes[i].ms for i in common]
        if common and statistics.median(ours) > 0:
            loc_ratio = round(statistics.median(theirs) / statistics.median(ours), 1)
            loc_ratio_mean = round(statistics.fmean(theirs) / statistics.fmean(ours), 1)
    extra["locate_speed_ratio_median"] = loc_ratio
    extra["locate_speed_ratio_mean"] = loc_ratio_mean
    targets = [
        Target(
            "right span, 15+ words with <= 25 % edits",
            eng["long_light_right_pct"],
            ">=",
            99.0,
            "%",
            f"n={eng['long_light_n']}",
        ),
        Target(
            "absent quotes (10+ words) found",
            eng["absent_found"],
            "==",
            0,
            "",
            f"of {eng['absent_n']}",
        ),
        Target(
            "stitched recall (verdict stitched)",
            recall,
            ">=",
            95.0,
            "%",
            f"n={len(stitched)}; marked {extra['stitched_recall_marked_pct']} %, "
            f"unmarked {extra['stitched_recall_unmarked_pct']} %",
        ),
        Target(
            "false splits (others called stitched)", false_split, "<=", 2.0, "%", f"n={len(others)}"
        ),
        Target(
            "speed vs rapidfuzz (median ms ratio), engine JUDGE (locate + diff + verdict)",
            ratio,
            ">=",
            50.0,
            "x",
            f"on {extra.get('speed_ratio_quotes', 0)} quotes; mean ratio {ratio_mean}x; "
            "rapidfuzz only locates",
        ),
        Target(
            "speed vs rapidfuzz (median ms ratio), engine LOCATE only (like for like)",
            loc_ratio,
            ">=",
            50.0,
            "x",
            f"on {extra.get('speed_ratio_quotes', 0)} quotes; mean ratio {loc_ratio_mean}x; "
            "exact lookup + candidates + edlib, no diff/verdict",
        ),
        Target(
            "index build (best of runs)",
            eng["setup_s_per_mb"],
            "<=",
            0.2,
            "s/MB",
            f"runs {eng['setup_s_all']} s",
        ),
        Target("judge median per quote", eng["ms_median_per_mb"], "<=", 1.0, "ms/MB"),
        Target(
            "judge p99 per quote",
            eng["ms_p99_per_mb"],
            "<=",
            10.0,
            "ms/MB",
            f"p90 {eng['ms_p90_per_mb']} ms/MB, max {eng['ms_max']} ms",
        ),
    ]
    return targets, extra


def failures(
    run: Run, quotes: Sequence[BenchQuote], text: str, limit: int = 6
) -> dict[str, list[dict[str, Any]]]:
    """Examples of the engine's misses, by kind."""
    out: dict[str, list[dict[str, Any]]] = {}

    def add(kind: str, q: BenchQuote, o: Outcome) -> None:
        lst = out.setdefault(kind, [])
        if len(lst) >= limit:
            return
        found_text = " | ".join(" ".join(text[s:e].split())[:160] for s, e in o.spans)
        lst.append({
            "id": q.id, "category": q.category, "words": q.n_words,
            "edit_fraction": round(q.edit_fraction, 2), "quote": q.text[:300],
            "passage": q.passage[:300],
            "truth": [p[0] for p in q.truth], "pred": o.spans,
            "iou": round(best_iou(o.spans, q.truth), 2) if q.truth else None,
            "verdict": o.verdict, "score": o.score, "ms": round(o.ms, 2),
            "matched_text": found_text, "notes": o.notes[:4], "error": o.error,
        })  # fmt: skip

    for q in quotes:
        o = run.outcomes.get(q.id)
        if o is None:
            continue
        if o.error:
            add("crash", q, o)
        if q.category == "absent":
            if o.found:
                add("absent quote reported found", q, o)
            continue
        if best_iou(o.spans, q.truth) < IOU_RIGHT:
            add(f"wrong span ({q.category})", q, o)
        if q.category == "stitched" and o.verdict != "stitched":
            add("stitched quote not called stitched", q, o)
        if q.category != "stitched" and o.verdict == "stitched":
            add("false split", q, o)
        if q.category in ("light", "short") and q.edit_fraction == 0 and o.verdict != "verbatim":
            add("exact quote not verbatim", q, o)
        if q.category != "stitched" and not o.found:
            add(f"present quote reported not_found ({q.category})", q, o)
    return out


# ---------------------------------------------------------------------------
# Driver and output
# ---------------------------------------------------------------------------
def run_benchmark(
    corpus_dir: Path,
    size_mb: float = 1.0,
    n_quotes: int = 200,
    seed: int = 7,
    baseline_quotes: int = 40,
    log: Callable[[str], None] | None = None,
    index_repeat: int = 3,
) -> dict[str, Any]:
    say = log or (lambda _m: None)
    rng = random.Random(seed)
    files = list_transcripts(corpus_dir)
    if not files:
        raise SystemExit(f"no .md transcripts under {corpus_dir}")
    corpus = build_source(files, size_mb, rng)
    say(f"source: {len(corpus.docs)} transcripts, {corpus.mb:.3f} MB, {len(corpus.text):,} chars")
    quotes = generate_quotes(corpus, n_quotes, rng)
    say(f"quotes: {dict(Counter(q.category for q in quotes))}")
    mb = corpus.mb

    engine = run_engine(corpus.text, quotes, index_repeat)
    say("engine: " + (engine.error.splitlines()[0] if engine.error else "done"))
    base_qs = subset(quotes, baseline_quotes)
    rf = run_rapidfuzz(corpus.text, base_qs)
    say(f"rapidfuzz: {len(base_qs)} quotes done")
    dl = run_difflib(corpus.text, base_qs)
    say(f"difflib: {len(base_qs)} quotes done")

    report: dict[str, Any] = {
        "config": {
            "corpus": str(corpus_dir),
            "size_mb": size_mb,
            "quotes": n_quotes,
            "seed": seed,
            "baseline_quotes": len(base_qs),
            "index_repeat": index_repeat,
            "iou_right": IOU_RIGHT,
            "rapidfuzz_found_score": RAPIDFUZZ_FOUND,
            "difflib_found_pct_words": DIFFLIB_FOUND,
        },
        "source": {
            "mb": round(mb, 4),
            "chars": len(corpus.text),
            "transcripts": len(corpus.docs),
            "words": len(corpus.text.split()),
        },
        "quote_counts": dict(Counter(q.category for q in quotes)),
        "engine": None,
        "engine_error": engine.error,
        "targets": [],
        "baselines": {
            "rapidfuzz": method_stats(rf, quotes, mb),
            "difflib": method_stats(dl, quotes, mb),
        },
        "engine_on_baseline_subset": None,
        "engine_locate": None,
        "engine_locate_on_baseline_subset": None,
        "timing_notes": list(TIMING_NOTES),
        "failures": {},
        "quotes_detail": [],
    }
    if engine.error is None:
        eng = method_stats(engine, quotes, mb)
        targets, extra = engine_targets(eng, engine, quotes, rf)
        eng.update(extra)
        report["engine"] = eng
        report["targets"] = [{**asdict(t), "ok": t.ok} for t in targets]
        sub_run = Run(
            "engine", {i: o for i, o in engine.outcomes.items() if i in rf.outcomes}, engine.setup_s
        )
        report["engine_on_baseline_subset"] = method_stats(sub_run, base_qs, mb)
        if engine.locate is not None:
            loc = engine.locate
            report["engine_locate"] = method_stats(loc, quotes, mb)
            loc_sub = Run(
                loc.name, {i: o for i, o in loc.outcomes.items() if i in rf.outcomes}, loc.setup_s
            )
            report["engine_locate_on_baseline_subset"] = method_stats(loc_sub, base_qs, mb)
        report["failures"] = failures(engine, quotes, corpus.text)
    for q in quotes:
        row: dict[str, Any] = {
            "id": q.id,
            "category": q.category,
            "words": q.n_words,
            "edit_fraction": round(q.edit_fraction, 3),
            "text": q.text,
        }
        for name, run in (("engine", engine), ("rapidfuzz", rf), ("difflib", dl)):
            o = run.outcomes.get(q.id)
            if o is not None:
                row[name] = {
                    "verdict": o.verdict,
                    "score": o.score,
                    "found": o.found,
                    "ms": round(o.ms, 3),
                    "spans": o.spans,
                    "iou": round(best_iou(o.spans, q.truth), 3) if q.truth else None,
                }
        report["quotes_detail"].append(row)
    return report


def _fmt(x: Any, unit: str = "") -> str:
    if x is None:
        return "—"
    if isinstance(x, float):
        x = f"{x:g}"
    return f"{x}{' ' + unit if unit and unit not in ('x', '%') else unit}"


def _pair(m: dict[str, Any]) -> str:
    return f"{_fmt(m.get('right_pct'), '%')} / {_fmt(m.get('found_pct'), '%')} ({m.get('n', 0)})"


def render_markdown(rep: dict[str, Any]) -> str:
    src, cfg = rep["source"], rep["config"]
    lines = [
        "# Alignment benchmark",
        "",
        f"Source: {src['transcripts']} transcripts, {src['mb']} MB ({src['chars']:,} chars, "
        f"{src['words']:,} words); seed {cfg['seed']}; quotes {rep['quote_counts']}; "
        f"baselines on {cfg['baseline_quotes']} of them (stratified subset).",
        "",
    ]
    if rep["engine_error"]:
        lines += ["**Engine failed:**", "", "```", rep["engine_error"].rstrip(), "```", ""]
    else:
        lines += ["| figure | engine | target | status | note |", "|---|---|---|---|---|"]
        for t in rep["targets"]:
            status = {True: "PASS", False: "MISS", None: "n/a"}[t["ok"]]
            lines.append(
                f"| {t['name']} | {_fmt(t['value'], t['unit'])} | {t['op']} "
                f"{_fmt(t['goal'], t['unit'])} | {status} | {t['note']} |"
            )
        lines.append("")
    lines += [
        "Right span (IoU >= 0.5) / found, per category.  Found: engine verdict != not_found; "
        f"rapidfuzz score >= {cfg['rapidfuzz_found_score']:g}; "
        f"difflib >= {cfg['difflib_found_pct_words']:g} % of the quote's words aligned.",
        "",
        "| category | n | engine right | engine tight (IoU>=0.9) | engine found | engine verdicts "
        "| rapidfuzz right / found (n) | difflib right / found (n) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    eng = rep["engine"] or {"categories": {}}
    rfc = rep["baselines"]["rapidfuzz"]["categories"]
    dlc = rep["baselines"]["difflib"]["categories"]
    for cat in CATEGORIES:
        e = eng["categories"].get(cat, {})
        r, d = rfc.get(cat, {}), dlc.get(cat, {})
        verdicts = ", ".join(f"{k} {v}" for k, v in e.get("verdicts", {}).items())
        lines.append(
            f"| {CATEGORY_LABELS[cat]} | {rep['quote_counts'].get(cat, 0)} "
            f"| {_fmt(e.get('right_pct'), '%')} | {_fmt(e.get('tight_pct'), '%')} "
            f"| {_fmt(e.get('found_pct'), '%')} | {verdicts} "
            f"| {_pair(r)} | {_pair(d)} |"
        )
    lines += [
        "",
        "Speed (ms per quote; per MB = divided by the source's MB).  What each timing includes:",
        "",
        *[f"- {n}" for n in rep.get("timing_notes", TIMING_NOTES)],
        "",
        "| method | quotes | setup s | median ms | p90 ms | p99 ms | max ms "
        "| right 15+w <=25 % | absent found |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    rows = [
        ("engine JUDGE (all quotes)", rep["engine"]),
        ("engine JUDGE (baseline subset)", rep["engine_on_baseline_subset"]),
        ("engine LOCATE only (all quotes)", rep.get("engine_locate")),
        ("engine LOCATE only (baseline subset)", rep.get("engine_locate_on_baseline_subset")),
        ("rapidfuzz partial_ratio_alignment, chars", rep["baselines"]["rapidfuzz"]),
        ("difflib SequenceMatcher, words", rep["baselines"]["difflib"]),
    ]
    for name, m in rows:
        if not m:
            continue
        lines.append(
            f"| {name} | {m['quotes']} | {_fmt(m['setup_s'])} | {_fmt(m['ms_median'])} "
            f"| {_fmt(m['ms_p90'])} | {_fmt(m['ms_p99'])} | {_fmt(m['ms_max'])} "
            f"| {_fmt(m['long_light_right_pct'], '%')} (n={m['long_light_n']}) "
            f"| {m['absent_found']} / {m['absent_n']} |"
        )
    if rep["failures"]:
        lines += ["", "## Engine misses (examples)", ""]
        for kind, exs in rep["failures"].items():
            lines.append(f"**{kind}**")
            lines.append("")
            for x in exs:
                lines.append(
                    f"- {x['id']} ({x['category']}, {x['words']} w, edits {x['edit_fraction']}): "
                    f"verdict {x['verdict']}, score {x['score']}, IoU {x['iou']}, "
                    f"{x['ms']} ms — quote “{x['quote'][:140]}” → “{x['matched_text'][:140]}”"
                    + (f" [{x['error']}]" if x["error"] else "")
                )
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("corpus", type=Path, help="unpacked transcripts folder")
    ap.add_argument("--size-mb", type=float, default=1.0)
    ap.add_argument("--quotes", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--baseline-quotes",
        type=int,
        default=40,
        help="quotes for the rapidfuzz/difflib baselines (0 = all)",
    )
    ap.add_argument(
        "--index-repeat",
        type=int,
        default=3,
        help="time prepare_source this many times, report the best",
    )
    ap.add_argument("--json", action="store_true", help="machine output")
    args = ap.parse_args(argv)
    rep = run_benchmark(
        args.corpus,
        args.size_mb,
        args.quotes,
        args.seed,
        args.baseline_quotes,
        log=lambda m: print(m, file=sys.stderr),
        index_repeat=args.index_repeat,
    )
    if args.json:
        json.dump(rep, sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_markdown(rep))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
