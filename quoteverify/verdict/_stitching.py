"""Quotes made of more than one stretch of the source: ellipsis parts and
unmarked splits (``_judge_parts``), a run of quote words found elsewhere
(``_try_unmarked_stitch``), a whole sentence silently skipped, and a sentence
run on across a brief interjection (``_try_interjection``).  The rules
themselves are in ``_whole_sentence``, ``_elision`` and ``_interjection``.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from quoteverify.align import (
    Differ,
    Passage,
    Plan,
    PreparedSource,
    QToken,
    Turn,
    WordDiff,
    is_negation,
    is_number,
    quote_shown,
    source_punct,
    source_shown,
    source_word,
    word_diff,
)
from quoteverify.models import DiffOp, Note, Quote, Verdict
from quoteverify.thresholds import Thresholds
from quoteverify.verdict import _elision, _interjection, _whole_sentence
from quoteverify.verdict._notes import _NO_PASSAGE, _judged, _make_match
from quoteverify.verdict._passage import (
    _RANK,
    _choose,
    _part_matches,
    _Placement,
    _police,
    _SourceVerdict,
    _speaker_check,
    _word_verdict,
    dropped_slides,
    op_tokens,
)
from quoteverify.verdict._words import MINOR_FLAGS, WORD_RULES


def _ends_sentence_at(ps: PreparedSource, i: int) -> bool:
    """Does source token ``i`` end a sentence (``_whole_sentence.ends_sentence``)?"""
    if i < 0 or i >= ps.n_tokens or ps.is_sentinel(i):
        return True  # the text's edges and a barrier (turn change, gap) close a sentence
    nxt = i + 1
    next_core = ps.core(nxt) if nxt < ps.n_tokens and not ps.is_sentinel(nxt) else None
    return _whole_sentence.ends_sentence(ps.core(i), source_punct(ps, i), next_core)


def _holds_sentence(ps: PreparedSource, x: int, y: int) -> bool:
    """Do source tokens [x, y), left out between two kept stretches, hold a whole sentence?"""
    if y <= x:
        return False
    ends = [_ends_sentence_at(ps, t) for t in range(x, y)]
    return _whole_sentence.holds_whole_sentence(_ends_sentence_at(ps, x - 1), ends)


def _sentence_gap(ps: PreparedSource, x: int, y: int) -> tuple[int, int] | None:
    """The source words [x, y) left out between two kept stretches, or the same
    number of words slid over the words that repeat on either side of them,
    where that holds a whole sentence; else None.

    Two parts found apart are placed where their words first fit, so a
    speaker's anaphora ("They're going to be the ones who are going to be
    leading.  They're going to be the ones getting retrained", Biden
    2022-09-02; "We need more men who nurture … We need more men who know
    that caring", Jill Biden 2023-03-08) puts the gap across a sentence end:
    the omission reads as one inside a sentence, while the same words slid
    to the sentence end are the whole sentence the quote skips (stitched).
    """
    if y <= x:
        return None
    if _holds_sentence(ps, x, y):
        return x, y
    m = 1
    while x - m >= 0 and ps.key(x - m) == ps.key(y - m) and not ps.has_barrier(x - m, y - m):
        if _holds_sentence(ps, x - m, y - m):
            return x - m, y - m
        m += 1
    m = 0
    while y + m < ps.n_tokens and ps.key(x + m) == ps.key(y + m):
        if ps.has_barrier(x + m + 1, y + m + 1):
            break
        if _holds_sentence(ps, x + m + 1, y + m + 1):
            return x + m + 1, y + m + 1
        m += 1
    return None


def _one_sentence(ps: PreparedSource, a: int, b: int) -> bool:
    """Do source tokens [a, b) stand in one sentence (no sentence end before the last)?"""
    return not ps.has_barrier(a, b) and not any(_ends_sentence_at(ps, t) for t in range(a, b - 1))


def _skipped_sentence(wd: WordDiff, ps: PreparedSource, a: int) -> str | None:
    """The words of a whole source sentence the passage's diff drops between
    two kept stretches without a mark, or None (the policy's "stitched").

    A drop with a minor flag does not count: a removed stutter or filler or
    a transcriber's words are judged by their own rules.  Where the dropped
    words repeat the words beside them (a speaker's anaphora: "I know what
    it's like to be told.  I know what it's like to lose"), the diff may put
    the drop across the sentence end; every place it may slide to is tried
    (``dropped_slides``).
    """
    i = a
    last = len(wd.ops) - 1
    for k, (o, n_src) in enumerate(zip(wd.ops, op_tokens(ps, a, wd.ops), strict=True)):
        plain = not (set(o.flags) & (MINOR_FLAGS | {"ellipsis", "interjection"}))
        if o.op == "delete" and plain and 0 < k < last and n_src:
            for shift, *_ in dropped_slides(wd.ops, k):
                x, y = i + shift, i + shift + n_src
                if not ps.has_barrier(x, y) and _holds_sentence(ps, x, y):
                    return " ".join(source_word(ps, t) for t in range(x, y))
        i += n_src
    return None


def _turn_tokens(ps: PreparedSource, k: int) -> tuple[int, int]:
    """Token range [a, b) of turn ``k``'s words (label and barriers excluded).

    Remembered per source: the run-on search reads the same few turns for
    every split it tries."""
    key = ("turn_tokens", k)
    hit = ps.memo.get(key)
    if hit is None:
        hit = ps.memo[key] = _turn_tokens_uncached(ps, k)
    return hit  # type: ignore[return-value]  # stored by this function only


def _turn_tokens_uncached(ps: PreparedSource, k: int) -> tuple[int, int]:
    t = ps.turns[k]
    a = ps.first_token_from(t.label_end)
    b = ps.first_token_from(t.end)
    while a < b and ps.is_sentinel(a):
        a += 1
    while b > a and ps.is_sentinel(b - 1):
        b -= 1
    return a, b


def _fit_end(
    toks: list[QToken], ps: PreparedSource, rng: tuple[int, int], th: Thresholds
) -> tuple[Plan, Differ] | None:
    """The cheapest diff of ``toks`` against a passage ending where turn ``rng``
    ends, planned (``Differ.write`` writes it out: only the split chosen is)."""
    if rng[1] - len(toks) < rng[0]:
        return None
    lo = max(rng[0], rng[1] - len(toks) - 3)
    differ = Differ(toks, ps, th, WORD_RULES, passage=Passage(ps, lo, rng[1]))
    best: Plan | None = None
    for extra in range(4):
        a = rng[1] - len(toks) - extra
        if a < rng[0]:
            break
        plan = differ.plan(a, rng[1])
        if best is None or plan.cost < best.cost:
            best = plan
    return None if best is None else (best, differ)


def _fit_start(
    toks: list[QToken], ps: PreparedSource, rng: tuple[int, int], th: Thresholds
) -> tuple[Plan, Differ] | None:
    """The cheapest diff of ``toks`` against a passage starting where turn
    ``rng`` starts, planned (see ``_fit_end``)."""
    if rng[0] + len(toks) > rng[1]:
        return None
    hi = min(rng[1], rng[0] + len(toks) + 3)
    differ = Differ(toks, ps, th, WORD_RULES, passage=Passage(ps, rng[0], hi))
    best: Plan | None = None
    for extra in range(4):
        b = rng[0] + len(toks) + extra
        if b > rng[1]:
            break
        plan = differ.plan(rng[0], b)
        if best is None or plan.cost < best.cost:
            best = plan
    return None if best is None else (best, differ)


# Maximum number of brief interjections one quoted sentence may run on across.
_MAX_INTERJECTIONS = 3

# How many fewer words than a whole turn between two interjections the quote
# may print there (stutters and fillers left out).
_MIDDLE_SLACK = 4


def _try_interjection(
    toks: list[QToken], best: _Placement, quote: Quote, ps: PreparedSource, idx: int, th: Thresholds
) -> _SourceVerdict | None:
    """The quote as one sentence of a speaker run on across brief interjections.

    The best passage stands in a turn of a chain A, B, A, (B', A, ...) where
    each B is a short turn of someone else: the quote is split where the A
    turns end and each piece is diffed against its turn (the first piece
    against the end of the first A, each middle one against a whole A, the
    last against the start of the last A).  Every piece passing: the quote is
    one passage (see ``_interjection``), minor at worst, with a note naming
    each interjection.  Real cases: Trump's "like — GOVERNOR STEIN: We will.
    THE PRESIDENT: — maybe 25 percent" (one); Harris's "someone who is
    unstable — AUDIENCE: Yes! THE VICE PRESIDENT: — obsessed with revenge —
    AUDIENCE: Yes! THE VICE PRESIDENT: — consumed with grievance" (Harrisburg,
    2024-10-30) and Rutte's "when he negotiated with Gorbachev — PRESIDENT
    TRUMP: Right. SECRETARY GENERAL RUTTE: — in the 1980s — PRESIDENT TRUMP:
    That's right. SECRETARY GENERAL RUTTE: — about bringing down the number of
    nuclear weapons" (2025-03-13) (two).
    """
    found = _run_on_across(toks, best, quote, ps, th)
    if found is None:
        return None
    verdict, score, ops, notes, pms = found
    return _judged(verdict, score, ops, notes, pms, quote, ps, idx)


_RunOn = tuple[Verdict, float, list[DiffOp], list[Note], list[_Placement]]


def _run_on_across(
    toks: list[QToken], best: _Placement, quote: Quote, ps: PreparedSource, th: Thresholds
) -> _RunOn | None:
    """``toks`` as one sentence run on across brief interjections around the
    passage ``best`` (see ``_try_interjection``): (verdict, score, ops, notes,
    the pieces' placements), or None."""
    for rngs, labels in _chains(toks, best.a, best.b, ps, th):
        found = _run_on(toks, ps, rngs, labels, quote, th)
        if found is not None:
            return found
    return None


def may_run_on(toks: list[QToken], a: int, b: int, ps: PreparedSource, th: Thresholds) -> bool:
    """Could a passage [a, b) of ``toks`` run on across brief interjections at
    all (``_run_on_across`` finds a chain to split over)?  Read from turns and
    keys alone: an absent quote's run-on anchors (``_run_on_anchors``) are
    diffed only where one can, since elsewhere ``_try_interjection`` answers
    None whatever the diff."""
    return next(_chains(toks, a, b, ps, th), None) is not None


def may_run_on_any(
    toks: list[QToken], starts: list[int], width: int, ps: PreparedSource, th: Thresholds
) -> bool:
    """``may_run_on`` for any passage [s, s + width) of ``starts``: the turns
    of all places are found in one search, and only a place whose first or
    last word stands in a turn of a chain (``_in_a_chain``) is read further.
    A common three words stand thousands of times in 16 MB; one turn search
    per place was an eighth of an absent quote's time."""
    if not starts or not ps.turns or ps.n_tokens == 0:
        return False
    last_tok = ps.n_tokens - 1
    at = np.asarray(starts, dtype=np.int64)
    ends = np.maximum(at, at + width - 1)
    k0 = np.searchsorted(ps.turn_starts, ps.tok_start[np.minimum(at, last_tok)], side="right") - 1
    k1 = np.searchsorted(ps.turn_starts, ps.tok_start[np.minimum(ends, last_tok)], side="right") - 1
    in_chain: dict[int, bool] = {}
    for s, t0, t1 in zip(starts, k0.tolist(), k1.tolist(), strict=True):
        if t0 < 0:
            continue
        for t in (t0, t1):
            if t not in in_chain:
                in_chain[t] = _in_a_chain(ps, t, th)
        if (in_chain[t0] or in_chain[t1]) and may_run_on(toks, s, s + width, ps, th):
            return True
    return False


def _chains(
    toks: list[QToken], a: int, b: int, ps: PreparedSource, th: Thresholds
) -> Iterator[tuple[list[tuple[int, int]], list[str]]]:
    """The turn chains A, B, A, ... (token ranges, labels) that a passage
    [a, b) of ``toks`` may run on across, in the order they are tried."""
    turn = ps.turn_at(a)
    if turn is None:
        return
    k = ps.turn_index(a)  # the turn's place without a scan of every turn
    # The fit may start in the interjection itself and run into the turn
    # after it (Harris's "I haven't done this before, Annie, but — MS.
    # GONZALEZ: I'm here for it.  Let's do it THE VICE PRESIDENT: — I'm about
    # to make an official call to action", 2023-10-12): the turn of its last
    # word is tried as well.
    k_end = ps.turn_index(max(a, b - 1))
    if not (_in_a_chain(ps, k, th) or _in_a_chain(ps, k_end, th)):
        return  # most places: no chain below would pass its labels
    tried: set[tuple[int, int]] = set()
    for m in range(1, _MAX_INTERJECTIONS + 1):
        for at, first in ((t, f) for t in (k, k_end) for f in range(t, t - 2 * m - 1, -2)):
            last = first + 2 * m
            if first < 0 or last >= len(ps.turns) or (first, m) in tried:
                continue
            tried.add((first, m))
            # Only a passage within the quote's length of the end of the first
            # A (or of the start of the last) can run on: the split search (a
            # few diffs per split) is for those.  Not only one that reaches
            # it: Harris's "Generations of Americans before us, many from right
            # here — AUDIENCE MEMBER: Get a medic! THE VICE PRESIDENT: — led the
            # fight for freedom" (2024-09-12) fits best the sentence before it,
            # "Generations of Americans before us led the fight for freedom."
            reach = max(3, len(toks))
            if (first == at and b < _turn_tokens(ps, first)[1] - reach) or (
                last == at and a > _turn_tokens(ps, last)[0] + reach
            ):
                continue
            chain = _chain(ps, first, m, th)
            if chain is None:
                continue
            rngs, labels = chain
            if not _edges_in_quote(toks, ps, rngs):
                continue
            yield list(rngs), list(labels)


def _in_a_chain(ps: PreparedSource, k: int, th: Thresholds) -> bool:
    """Is turn ``k`` an A of any chain ``_chains`` tries from it (``_chain``
    not None)?  Remembered per source: an absent quote's run-on anchors ask
    it for each of dozens of places."""
    key = ("in_a_chain", k, th.interjection_max_words)
    hit = ps.memo.get(key)
    if hit is None:
        n = len(ps.turns)
        hit = ps.memo[key] = any(
            _chain(ps, first, m, th) is not None
            for m in range(1, _MAX_INTERJECTIONS + 1)
            for first in range(k, k - 2 * m - 1, -2)
            if first >= 0 and first + 2 * m < n
        )
    return bool(hit)


def _chain(
    ps: PreparedSource, first: int, m: int, th: Thresholds
) -> tuple[list[tuple[int, int]], list[str]] | None:
    """Turns ``first`` .. ``first + 2m`` as a chain A, B, A, ... whose every
    B is a brief interjection: (token ranges, labels), or None.

    Remembered per source: the same few turns' labels were read again for
    every quote and every place tried (the run-on anchors of an absent quote
    try dozens)."""
    key = ("chain", first, m, th.interjection_max_words)
    if key in ps.memo:
        return ps.memo[key]  # type: ignore[no-any-return]  # stored here only
    rngs = [_turn_tokens(ps, first + j) for j in range(2 * m + 1)]
    labels = [ps.turns[first + j].label for j in range(2 * m + 1)]
    ok = all(
        _interjection.is_interjection(
            labels[j - 1],
            labels[j],
            labels[j + 1],
            rngs[j][1] - rngs[j][0],
            th.interjection_max_words,
        )
        and not _asks_anew(ps, rngs[j - 1], rngs[j])
        for j in range(1, 2 * m, 2)
    )
    chain = (rngs, labels) if ok else None
    ps.memo[key] = chain
    return chain


def _asks_anew(ps: PreparedSource, before: tuple[int, int], middle: tuple[int, int]) -> bool:
    """Is the turn of tokens ``middle`` a question put after the turn ``before``
    ended a sentence (``_interjection.asks_anew``)?"""
    if before[1] <= before[0] or middle[1] <= middle[0]:
        return False
    asks = "?" in source_punct(ps, middle[1] - 1)
    return _interjection.asks_anew(_ends_sentence_at(ps, before[1] - 1), asks)


def _run_on_placement(
    toks: list[QToken], best: _Placement, quote: Quote, ps: PreparedSource, th: Thresholds
) -> _Placement | None:
    """One part of an ellipsis quote as a passing run-on across brief
    interjections, as one placement whose diff shows each interjection left
    out (a minor op), or None.

    Harris's "This is someone who is not thinking about how to make your life
    better. … someone who is unstable, obsessed with revenge" (Harrisburg,
    2024-10-30): the second part runs on across "AUDIENCE: Yes!"; Trump's
    "Maybe you have to chip in … a little something, like maybe 25 percent or
    whatever" (Asheville, 2025-01-24) across "GOVERNOR STEIN: We will.".
    """
    found = _run_on_across(toks, best, quote, ps, th)
    if found is None or found[0] != "minor":
        return None
    _, _, ops, notes, pms = found
    cost = sum(p.wd.cost for p in pms)
    wd = WordDiff(
        ops=ops,
        cost=cost,
        q_len=len(toks),
        s_len=pms[-1].b - pms[0].a,
        longest_run=max(p.wd.longest_run for p in pms),
        minor_flags=MINOR_FLAGS | {"interjection"},
    )
    pm = _Placement(pms[0].a, pms[-1].b, wd, False)
    _speaker_check(pm, quote, ps)
    pm.extra_notes = notes
    return pm


def _run_on(
    toks: list[QToken],
    ps: PreparedSource,
    rngs: list[tuple[int, int]],
    labels: list[str],
    quote: Quote,
    th: Thresholds,
) -> _RunOn | None:
    """The quote split over the A turns of ``rngs`` (A, B, A, ...) as one
    passage across the B turns: minor when every piece passes, diverged when
    a piece's words changed; None when a piece is not there or skips a whole
    sentence (then it is not one passage)."""
    n = len(toks)
    fits = _chain_fits(toks, 0, ps, rngs[0::2], th, first=True)
    if fits is None:
        return None
    _, pieces = fits
    if _barriers(ps, pieces[0][2].b, pieces[-1][2].a) != len(rngs) - 1:
        # An editor's gap ("[…]") between the pieces, in an interjection or
        # in the speaker's own words: what the excerpt cut there is unknown.
        return None
    ops: list[DiffOp] = []
    notes: list[Note] = []
    pms: list[_Placement] = []
    cost = 0.0
    drifted = False
    for j, (lo, hi, plan, differ) in enumerate(pieces):
        wd = differ.write(plan)
        then = [t.core for t in toks[hi : hi + 4]] if j < len(pieces) - 1 else []
        prior = [t.core for t in toks[max(0, lo - 4) : lo]]
        _police(wd, th, ps, plan.a, anchored=j > 0, then=then, prior=prior)
        piece = _word_verdict(wd, hi - lo, th)
        if piece == "not_found" or _skipped_sentence(wd, ps, plan.a) is not None:
            return None
        # The sentence runs on only if the quote's words stand on both sides
        # of each interjection (after words the quote dropped there, as
        # Scanlon's "you know"): a piece that pairs no word there is no
        # run-on.
        starts = _kept_at(wd, 0) or (wd.ops[0].op == "delete" and _kept_at(wd, 1))
        if (j < len(pieces) - 1 and not _kept_at(wd, -1)) or (j > 0 and not starts):
            return None
        # Nor one quote word paired with the last word before the first
        # interjection: Harris's "Just google it. — AUDIENCE: Booo — It is a
        # detailed and dangerous plan" (Erie, 2024-10-14) quoted from "It is"
        # does not begin with "google it".
        if j == 0 and hi - lo < 2:
            return None
        drifted = drifted or piece == "diverged"
        if j:
            b_rng = rngs[2 * j - 1]
            words = " ".join(source_word(ps, i) for i in range(*b_rng))
            shown = source_shown(ps, *b_rng)
            ops.append(DiffOp("delete", "", words, ("interjection",), "", shown))
            # A turn of no words is the transcriber's note of what was done.
            said = words or " ".join(_turn_text(ps, rngs, j).split())
            note = _interjection.interjection_note(labels[2 * j - 1], said)
            notes.append(Note("interjection", note))
        ops.extend(wd.ops)
        cost += wd.cost
        a_rng = rngs[2 * j]
        a = plan.a if j == 0 else a_rng[0]
        b = plan.b if j == len(pieces) - 1 else a_rng[1]
        pm = _Placement(a, b, wd, False)
        _speaker_check(pm, quote, ps)
        pms.append(pm)
    score = round(100.0 * (1.0 - cost / max(n, 1)), 1)
    # One passage (the policy's exception); words changed inside it are
    # diverged like any other drift: Scanlon's "creating chaos as opposed to
    # community — THE VICE PRESIDENT: That's right. — you know, moving
    # towards" printed without "you know" (2022-10-28) is not two passages.
    verdict: Verdict = "diverged" if drifted else "minor"
    return verdict, max(0.0, score), ops, notes, pms


def _turn_text(ps: PreparedSource, rngs: list[tuple[int, int]], j: int) -> str:
    """The text of the interjection before piece ``j`` (the B turn between
    A turns ``j - 1`` and ``j``), label aside: its note when it has no words."""
    turn = ps.turns[ps.turn_index(rngs[2 * j - 2][1] - 1) + 1]
    return _said_in(ps, turn)


def _edges_in_quote(toks: list[QToken], ps: PreparedSource, rngs: list[tuple[int, int]]) -> bool:
    """Does the quote hold a word of the last three before the first
    interjection and one of the first three after the last?  What a run-on
    needs (``_run_on`` keeps words on both sides), read from the keys alone
    before any split is diffed."""
    keys = {t.key for t in toks}
    (a0, a1), (c0, c1) = rngs[0], rngs[-1]
    before = {ps.key(i) for i in range(max(a0, a1 - 3), a1)}
    after = {ps.key(i) for i in range(c0, min(c1, c0 + 3))}
    return bool(keys & before) and bool(keys & after)


def _kept_at(wd: WordDiff, k: int) -> bool:
    """Is the op at ``k`` of ``wd`` the same words (equal, or a minor change)?"""
    if not -len(wd.ops) <= k < len(wd.ops):
        return False
    return wd.ops[k].op == "equal" or wd.is_minor(wd.ops[k])


def _said_in(ps: PreparedSource, turn: Turn) -> str:
    """A turn's text after its label, as the source writes it (the turn's
    offsets are the normalised text's), spaces collapsed."""
    s, e = ps.norm.orig_span(turn.label_end, turn.end)
    return " ".join(ps.source.text[s:e].split())


def _chain_fits(
    toks: list[QToken],
    lo: int,
    ps: PreparedSource,
    a_rngs: list[tuple[int, int]],
    th: Thresholds,
    *,
    first: bool = False,
    memo: dict[tuple[int, int], object] | None = None,
) -> tuple[float, list[tuple[int, int, Plan, Differ]]] | None:
    """The cheapest split of ``toks[lo:]`` over the A turns ``a_rngs``: the
    first piece ends where its turn ends (``first``), a middle piece is a whole
    turn, the last starts where its turn starts; (cost, pieces) or None.
    ``memo``: the splits of each rest of the quote over each rest of the
    chain, found once (every earlier split asks for them again)."""
    n = len(toks)
    rng = a_rngs[0]
    memo = {} if memo is None else memo
    key = (lo, len(a_rngs))
    if not first and key in memo:
        return memo[key]  # type: ignore[return-value]  # stored below only
    if len(a_rngs) == 1:
        if first or lo >= n:
            return None
        fit = _fit_start(toks[lo:], ps, rng, th)
        last = None if fit is None else (fit[0].cost, [(lo, n, *fit)])
        memo[key] = last
        return last
    # Each later A turn but the last is printed whole (a few words may be
    # left out), the last with one word at least: room the first piece leaves.
    need = 1 + sum(max(1, b - a - _MIDDLE_SLACK) for a, b in a_rngs[1:-1])
    if first:
        # The piece ends on a word of the turn's last few and the next one
        # starts on one of the next turn's first few (``_run_on`` keeps words
        # on both sides): the splits worth a diff, read from the keys.
        ends = {ps.key(i) for i in range(max(rng[0], rng[1] - 5), rng[1])}
        nxt = a_rngs[1]
        starts = {ps.key(i) for i in range(nxt[0], min(nxt[1], nxt[0] + 5))}
        his = [
            hi
            for hi in range(lo + 1, n - need + 1)
            if toks[hi - 1].key in ends and toks[hi].key in starts
        ]
    else:
        size = rng[1] - rng[0]
        his = range(lo + max(1, size - _MIDDLE_SLACK), min(n - need, lo + size) + 1)
    found: tuple[float, list[tuple[int, int, Plan, Differ]]] | None = None
    for hi in his:
        piece = toks[lo:hi]
        if first:
            fit = _fit_end(piece, ps, rng, th)
        else:
            differ = Differ(piece, ps, th, WORD_RULES, passage=Passage(ps, rng[0], rng[1]))
            fit = (differ.plan(rng[0], rng[1]), differ)
        if fit is None:
            continue
        after = _chain_fits(toks, hi, ps, a_rngs[1:], th, memo=memo)
        if after is None:
            continue
        cost = fit[0].cost + after[0]
        if found is None or cost < found[0]:
            found = (cost, [(lo, hi, *fit), *after[1]])
    if not first:
        memo[key] = found
    return found


def _unmatched_run(wd: WordDiff, min_equal: int = 2) -> tuple[int, int]:
    """Longest run [i, j) of quote words outside every equal run of >= ``min_equal`` words."""
    matched: list[bool] = []
    for o in wd.ops:
        k = len(o.quote.split()) if o.quote else 0
        matched.extend([o.op == "equal" and k >= min_equal] * k)
    best = (0, 0)
    i = 0
    while i < len(matched):
        if matched[i]:
            i += 1
            continue
        j = i
        while j < len(matched) and not matched[j]:
            j += 1
        if j - i > best[1] - best[0]:
            best = (i, j)
        i = j
    return best


def _try_unmarked_stitch(
    toks: list[QToken], main: _Placement, quote: Quote, ps: PreparedSource, idx: int, th: Thresholds
) -> _SourceVerdict | None:
    # Runs of two equal words prove little: "going to" pairs with any "going
    # to" near the second part.  In "We're not going to let him do it. I mean,
    # they're ..." (the first sentence said 500 lines before the second) the
    # main alignment kept "going to" from the wrong place, leaving only "let
    # him do it" (4 words) unmatched; read past such short runs as well, but
    # only when the first reading left too short a run to search at all (a
    # searched run that was not found elsewhere rarely is found longer, and
    # each search costs a fuzzy lookup: heavy drift is full of short runs).
    first = _unmatched_run(main.wd)
    if _stitch_run_ok(first, len(toks), th):
        return _stitch_at(toks, main, first, quote, ps, idx, th)
    wider = _unmatched_run(main.wd, th.diverged_min_run)
    if wider != first and _stitch_run_ok(wider, len(toks), th):
        return _stitch_at(toks, main, wider, quote, ps, idx, th)
    # A whole sentence too short to search fuzzily ("This war is horrific."
    # after "It is World War I-style trench warfare.", said 30 lines apart)
    # counts only where it stands word for word, once in the whole source:
    # four common words in a row ("I think it is") are not evidence of a
    # second passage, a unique sentence is.
    for span in dict.fromkeys((first, wider)):
        if _short_sentence_run(span, toks, th):
            return _stitch_at(toks, main, span, quote, ps, idx, th, exact=True)
    for span in dict.fromkeys((first, wider)):
        sent = _sentence_around(span, toks)
        if (
            sent is not None
            and sent != span
            and th.stitch_min_sentence_words <= sent[1] - sent[0] < len(toks)
        ):
            found = _stitch_at(toks, main, sent, quote, ps, idx, th, exact=True)
            if found is not None and found.verdict == "stitched":
                return found
    return None


def _sentence_around(span: tuple[int, int], toks: list[QToken]) -> tuple[int, int] | None:
    """The quote sentence holding the unmatched run ``span``, or None if the
    run crosses a sentence end (or is empty).

    A speaker's anaphora hides a skipped sentence: Biden's "I know what it's
    like to get that call.  I know what it's like to be told.  I know what
    it's like to lose a loved one so suddenly" (gun violence remarks,
    2023-03-14), quoted without the middle sentence, aligns best with the
    middle and the last sentence, "get that call" read as a word change for
    "be told"; Trump's "Our sovereignty will be reclaimed.  Our safety will be
    restored." likewise.  Only the whole quote sentence around the changed
    words, found word for word once elsewhere (``_stitch_at``, exact), shows
    the quote joins two passages.

    >>> from quoteverify.align import parse_quote
    >>> toks = list(parse_quote("I know it. I know what it's like to get that call. Yes.").tokens)
    >>> _sentence_around((9, 12), toks)
    (3, 12)
    >>> _sentence_around((2, 4), toks) is None
    True
    """
    i, j = span
    if j <= i or any(_ends_sentence(t) for t in toks[i : j - 1]):
        return None
    while i > 0 and not _ends_sentence(toks[i - 1]):
        i -= 1
    while j < len(toks) and not _ends_sentence(toks[j - 1]):
        j += 1
    return i, j


def _short_sentence_run(span: tuple[int, int], toks: list[QToken], th: Thresholds) -> bool:
    """Is ``span`` a whole sentence of the quote, too short for ``_stitch_run_ok``?

    "It's a terrorist organization." in "It's a terrorist organization. We'd
    like to see this investigated.": it starts the quote or follows a
    sentence end, and ends the quote or a sentence.  Too short also as a
    share of the quote: Biden's "…we could end it tomorrow. It all has to do"
    (2024, a White House text quoting him) skips "And the ceasefire would
    begin tomorrow." between; its last 5 words are a run long enough to
    search but under a quarter of the 22-word quote, and so fell between
    this rule and ``_stitch_run_ok``.
    """
    i, j = span
    n = len(toks)
    if j - i < th.stitch_min_sentence_words or j - i >= n or _stitch_run_ok(span, n, th):
        return False
    return (i == 0 or _ends_sentence(toks[i - 1])) and (j == n or _ends_sentence(toks[j - 1]))


def _ends_sentence(t: QToken) -> bool:
    return any(c in t.punct for c in ".?!")


def _stitch_run_ok(span: tuple[int, int], n: int, th: Thresholds) -> bool:
    """Is the unmatched run ``span`` of an ``n``-word quote long enough to search alone?"""
    run = span[1] - span[0]
    return run >= th.stitch_min_run_words and run >= th.stitch_min_run_fraction * n and run < n


def _stitch_at(
    toks: list[QToken],
    main: _Placement,
    span: tuple[int, int],
    quote: Quote,
    ps: PreparedSource,
    idx: int,
    th: Thresholds,
    *,
    exact: bool = False,
) -> _SourceVerdict | None:
    """The quote judged as stitched around the unmatched quote words ``span``, or None.

    ``exact``: the run counts only as a unique verbatim occurrence outside
    the main passage (see ``_short_sentence_run``).
    """
    n = len(toks)
    i, j = span
    if exact:
        found = _part_matches(toks[i:j], quote, ps, th, fuzzy=False)
        if len(found) != 1 or not found[0].exact:
            return None
    else:
        found = _part_matches(toks[i:j], quote, ps, th, fallback=False)
    run_pms = [
        p for p in found if p.score >= th.stitch_part_min_score and (p.b <= main.a or p.a >= main.b)
    ]
    if not run_pms:
        return None
    segs = [s for s in ((0, i), (i, j), (j, n)) if s[1] > s[0]]
    parts = [toks[s:e] for s, e in segs]
    per = [
        _part_matches(p, quote, ps, th) if (s, e) != (i, j) else run_pms
        for p, (s, e) in zip(parts, segs, strict=True)
    ]
    if any(not p for p in per):
        return None
    cand = _judge_parts(parts, per, quote, ps, idx, th, marked=False)
    # The run was found on its own (score >= stitch_part_min_score): the split
    # diff describes the quote better than the main alignment did.
    return cand if cand.verdict != "not_found" else None


def _omitted_words(ps: PreparedSource, a: int, b: int) -> str:
    if b - a <= 12:
        return " ".join(source_word(ps, k) for k in range(a, b))
    head = " ".join(source_word(ps, k) for k in range(a, a + 5))
    tail = " ".join(source_word(ps, k) for k in range(b - 5, b))
    return f"{head} … {tail}"


def _omitted_shown(ps: PreparedSource, a: int, b: int) -> str:
    """``_omitted_words`` as the source writes them (``source_shown``)."""
    if b - a <= 12:
        return source_shown(ps, a, b)
    return f"{source_shown(ps, a, a + 5)} … {source_shown(ps, b - 5, b)}"


def _in_one_passage(
    parts: list[list[QToken]],
    per: list[list[_Placement]],
    chosen: list[_Placement | None],
    quote: Quote,
    ps: PreparedSource,
    th: Thresholds,
) -> list[_Placement | None]:
    """``chosen`` with each earlier part moved next to the part after it, when it
    stands there as well as where it was chosen.

    The policy's "elided" is a marked omission inside one passage.  Parts are
    placed one by one, the first with nothing to be near, so a short first
    part that the speaker says more than once lands on its first occurrence:
    Biden's "Make no mistake about it…if China threatens our sovereignty, we
    will act and protect our country" (State of the Union, 2023) joined a
    "make no mistake about it" 471 words earlier, not the one 6 words before
    "if China", and was called stitched; "I have… to finish this job because
    there's so much at stake" (2024) took an exact "I have" from another turn
    instead of the "I've" right before "got to finish this job".  Right to
    left, a part that does not end within ``elision_max_words`` before the
    next one, in the same turn, is moved to the closest place that does,
    among its candidates or by a diff of the words there, if it is no worse
    (verbatim and minor alike pass).
    """
    out = list(chosen)
    for k in range(len(out) - 1, 0, -1):
        prev, cur = out[k - 1], out[k]
        if prev is None or cur is None or _joined(prev, cur, ps, th):
            continue
        near = _near_before(parts[k - 1], per[k - 1], cur, quote, ps, th)
        if near is not None and _pass_rank(near, len(parts[k - 1]), th) <= _pass_rank(
            prev, len(parts[k - 1]), th
        ):
            out[k - 1] = near
    return out


def _joined(prev: _Placement, cur: _Placement, ps: PreparedSource, th: Thresholds) -> bool:
    gap = cur.a - prev.b
    crosses = gap > 0 and ps.has_barrier(prev.b, cur.a)
    if crosses:
        across = _interjected_gap(ps, prev.b, cur.a, th)
        if across is not None:
            return len(across[1]) <= th.elision_max_words
    return _elision.within_one_passage(gap, crosses, th.elision_max_words)


def _interjected_gap(
    ps: PreparedSource, x: int, y: int, th: Thresholds
) -> tuple[list[int], list[int]] | None:
    """The brief interjections (turn indices) between two parts of a quote,
    source tokens [x, y) apart in turns of one speaker, and the speaker's own
    tokens left out there; None unless every other turn between them is a
    brief interjection (``_interjection``), at most ``_MAX_INTERJECTIONS``.

    The policy's one exception to "stitched": a sentence run on across a
    brief interjection is one passage.  A writer may mark the cut with an
    ellipsis: Trump's "you'll chip in a little something, like … maybe 25
    percent or whatever" (Asheville, 2025-01-24) cuts "GOVERNOR STEIN: We
    will."; Harris's "one, Donald Trump's, that is focused on the past … and
    the other, ours" (Oakland County, 2024-10-18) cuts "AUDIENCE: Booo —".

    >>> from quoteverify.align import prepare_source
    >>> from quoteverify.models import Source
    >>> from quoteverify.thresholds import DEFAULT
    >>> ps = prepare_source(Source("s", "ok", "THE PRESIDENT:  You will chip in, like —\\n\\n"
    ...     "GOVERNOR STEIN:  We will.\\n\\nTHE PRESIDENT:  — maybe 25 percent.\\n"))
    >>> [ps.core(i) for i in (5, 10)]
    ['like', 'maybe']
    >>> _interjected_gap(ps, 6, 10, DEFAULT)  # "like … maybe": one interjection, no own word
    ([1], [])
    >>> _interjected_gap(ps, 5, 10, DEFAULT)  # "chip in … maybe": "like" left out too
    ([1], [5])

    An editor's gap in the speaker's own words between them is no run-on:
    what the excerpt cut there is unknown.

    >>> ps = prepare_source(Source("s", "ok", "THE PRESIDENT:  You will chip in, like […] "
    ...     "this —\\n\\nGOVERNOR STEIN:  We will.\\n\\nTHE PRESIDENT:  — maybe 25 percent.\\n"))
    >>> _interjected_gap(ps, 6, ps.n_tokens - 3, DEFAULT) is None
    True
    """
    if x <= 0 or y >= ps.n_tokens:
        return None
    ka, kb = ps.turn_index(x - 1), ps.turn_index(y)
    if ka < 0 or kb <= ka or ps.turns[kb].label != ps.turns[ka].label:
        return None
    label = ps.turns[ka].label
    inter: list[int] = []
    for k in range(ka + 1, kb):
        lo, hi = _turn_tokens(ps, k)
        other = ps.turns[k].label
        if other == label:
            continue
        if not _interjection.is_interjection(
            label, other, label, hi - lo, th.interjection_max_words
        ) or _asks_anew(ps, _turn_tokens(ps, k - 1), (lo, hi)):
            return None
        inter.append(k)
    if not inter or len(inter) > _MAX_INTERJECTIONS:
        return None
    if _barriers(ps, x, y) != kb - ka:
        # A barrier besides the turns' labels is an editor's gap ("[…]"): what
        # the excerpt cut there is unknown, so not one passage, as without
        # the interjection.
        return None
    skip = set(inter)
    own = [t for t in range(x, y) if not ps.is_sentinel(t) and ps.turn_index(t) not in skip]
    return inter, own


def _barriers(ps: PreparedSource, x: int, y: int) -> int:
    """How many barrier tokens (turn labels, editors' gaps) stand in [x, y)."""
    return sum(1 for t in range(x, y) if ps.is_sentinel(t))


def _pass_rank(pm: _Placement, n: int, th: Thresholds) -> int:
    verdict = _word_verdict(pm.wd, n, th)
    return 0 if verdict in ("verbatim", "minor") else _RANK[verdict]


def _near_before(
    toks: list[QToken],
    pms: list[_Placement],
    cur: _Placement,
    quote: Quote,
    ps: PreparedSource,
    th: Thresholds,
) -> _Placement | None:
    """The closest place for ``toks`` ending within ``elision_max_words`` before
    ``cur``, in its turn and as the quote's speaker's: a candidate, else the
    best diff of the words there (the exact search found the words elsewhere
    and never looked for "I've" where "I have" was printed)."""
    ok = [p for p in pms if p.label_ok is not False and _joined(p, cur, ps, th)]
    if ok:
        return max(ok, key=lambda p: (-_pass_rank(p, len(toks), th), p.b, p.score))
    n = len(toks)
    lo = max(0, cur.a - th.elision_max_words)
    for e in range(cur.a, lo - 1, -1):
        best: _Placement | None = None
        for s in (e - n + 1, e - n, e - n - 1):
            if s < 0 or s >= e or ps.has_barrier(s, cur.a):
                continue
            wd = _police(word_diff(toks, ps, s, e, th, WORD_RULES), th, ps, s)
            if wd.changed:
                continue
            if best is None or wd.cost < best.wd.cost:
                best = _Placement(s, e, wd, False)
        if best is not None:
            _speaker_check(best, quote, ps)
            if best.label_ok is not False:
                return best
    return None


def _judge_parts(
    parts: list[list[QToken]],
    per: list[list[_Placement]],
    quote: Quote,
    ps: PreparedSource,
    idx: int,
    th: Thresholds,
    *,
    marked: bool,
) -> _SourceVerdict:
    """Judge a quote made of parts (ellipsis-separated, or a split found unmarked)."""
    n = sum(len(p) for p in parts)
    chosen: list[_Placement | None] = []
    after: int | None = None
    for pms in per:
        if not pms:
            chosen.append(None)
            continue
        pm = _choose(pms, th, after)
        chosen.append(pm)
        after = pm.b
    if marked:
        chosen = _in_one_passage(parts, per, chosen, quote, ps, th)
    found = [(k, p) for k, p in enumerate(chosen) if p is not None]
    if not found:
        return _SourceVerdict("not_found", 0.0, notes=[_NO_PASSAGE])
    ops: list[DiffOp] = []
    notes: list[Note] = []
    cost = 0.0
    s_len = 0
    verdicts: list[Verdict] = []
    # One per part: ``verdicts`` also holds the joins' (an omission's), so it
    # cannot be read by part (Harris's "This is someone who is not thinking
    # about how to make your life better. … someone who is unstable, obsessed
    # with revenge", Harrisburg 2024-10-30, raised an IndexError).
    by_part: list[Verdict] = []
    stitched = False
    prev: _Placement | None = None
    for k, pm in enumerate(chosen):
        toks = parts[k]
        if pm is None:
            ops.append(DiffOp("insert", " ".join(t.core for t in toks), "", (), quote_shown(toks)))
            cost += len(toks)
            verdicts.append("not_found")
            by_part.append("not_found")
            continue
        if prev is not None:
            gap = pm.a - prev.b
            barrier = gap > 0 and ps.has_barrier(prev.b, pm.a)
            if gap < 0 and not marked and _one_sentence(ps, min(prev.a, pm.a), max(prev.b, pm.b)):
                # Words of one sentence put in another order: the policy's
                # "reordered without a mark" (diverged), not two passages.
                notes.append(Note("reordered", _whole_sentence.reordered_note(k + 1, k)))
                ops.append(DiffOp("delete", "", "", ()))
                verdicts.append("diverged")
            elif gap < 0:
                stitched = True
                notes.append(
                    Note(
                        "stitch",
                        f"part {k + 1} comes before part {k} in the source"
                        if pm.b <= prev.a
                        else f"part {k + 1} overlaps part {k}",
                    )
                )
                ops.append(DiffOp("delete", "", "", ("ellipsis",) if marked else ()))
            elif marked and barrier and (across := _interjected_gap(ps, prev.b, pm.a, th)):
                # A cut across brief interjections of others: one passage (the
                # policy's exception); the speaker's own words left out there
                # are an elision like any other.
                inter, own = across
                if len(own) > th.elision_max_words:
                    stitched = True
                    notes.append(
                        Note(
                            "stitch",
                            "joins passages after a turn change or gap, marked by an ellipsis",
                        )
                    )
                for k2 in inter:
                    lo, hi = _turn_tokens(ps, k2)
                    said = " ".join(source_word(ps, t) for t in range(lo, hi))
                    shown = said or _said_in(ps, ps.turns[k2])
                    ops.append(DiffOp("delete", "", said, ("interjection",), "", shown))
                    note = _interjection.interjection_note(ps.turns[k2].label, shown)
                    notes.append(Note("interjection", note))
                if own:
                    omitted = " ".join(source_word(ps, t) for t in own)
                    cores = [ps.core(t) for t in own]
                    puncts = [source_punct(ps, t) for t in own]
                    reversing = _elision.reversing_words(cores, puncts, toks[0].core)
                    flags = ("ellipsis", "negation") if reversing else ("ellipsis",)
                    ops.append(DiffOp("delete", "", omitted, flags))
                    notes.append(Note("elision", _elision.omission_note(len(own), omitted)))
                    if reversing:
                        notes.append(Note("negation", _elision.negation_note(reversing)))
                        verdicts.append("diverged")
                    else:
                        verdicts.append("elided")
                else:
                    verdicts.append("minor")
            elif marked and gap <= th.elision_max_words and not barrier:
                # The policy's "elided": a marked omission inside one passage;
                # the report prints the omitted words in full (at most 60).
                o0, o1 = ps.orig_span(prev.b, pm.a) if gap > 0 else (0, 0)
                omitted = " ".join(ps.source.text[o0:o1].split())
                cores = [ps.core(x) for x in range(prev.b, pm.a)]
                puncts = [source_punct(ps, x) for x in range(prev.b, pm.a)]
                flags = ["ellipsis"]
                reversing = _elision.reversing_words(cores, puncts, toks[0].core)
                if reversing:
                    flags.append("negation")
                ops.append(DiffOp("delete", "", omitted, tuple(flags)))
                if gap:
                    notes.append(Note("elision", _elision.omission_note(gap, omitted)))
                if reversing:
                    notes.append(Note("negation", _elision.negation_note(reversing)))
                    verdicts.append("diverged")
                elif gap:
                    verdicts.append("elided")
                else:
                    between = _between_text(ps, prev.b, pm.a)
                    empty = _elision.empty_ellipsis_note(between)
                    if empty is not None:
                        notes.append(Note("punctuation", empty))
                        verdicts.append("minor")
            elif (
                not marked
                and gap < th.stitch_min_distance
                and not barrier
                and _sentence_gap(ps, prev.b, pm.a) is None
            ):
                # Close by: an omission within one passage, not a stitch (unless
                # it leaves out a whole sentence: the policy's "stitched").
                cores = [ps.core(x) for x in range(prev.b, pm.a)]
                omitted = _omitted_words(ps, prev.b, pm.a)
                flags = []
                if any(is_negation(c) for c in cores):
                    flags.append("negation")
                if any(is_number(c) for c in cores):
                    flags.append("number")
                ops.append(
                    DiffOp(
                        "delete", "", omitted, tuple(flags), "", _omitted_shown(ps, prev.b, pm.a)
                    )
                )
                # One unmarked cut is one change, however many words it drops.
                cost += min(gap, 3)
                notes.append(
                    Note(
                        "omission", f"omits {gap} word{'s' if gap != 1 else ''} without an ellipsis"
                    )
                )
                verdicts.append("diverged")
            else:
                stitched = True
                where = "after a turn change or gap" if barrier else f"{gap} words apart"
                if not marked and not barrier and gap < th.stitch_min_distance:
                    # Close by, so a stitch only because a whole sentence is skipped.
                    x, y = _sentence_gap(ps, prev.b, pm.a) or (prev.b, pm.a)
                    text = _whole_sentence.skipped_sentence_note(_omitted_words(ps, x, y))
                else:
                    text = f"joins passages {where}, " + (
                        "marked by an ellipsis" if marked else "not marked by an ellipsis"
                    )
                notes.append(Note("stitch", text))
                ops.append(
                    DiffOp(
                        "delete",
                        "",
                        _omitted_words(ps, prev.b, pm.a) if gap > 0 else "",
                        ("ellipsis",) if marked else (),
                        "",
                        _omitted_shown(ps, prev.b, pm.a) if gap > 0 else "",
                    )
                )
        ops.extend(pm.wd.ops)
        cost += pm.wd.cost
        s_len += pm.b - pm.a
        verdicts.append(_word_verdict(pm.wd, len(toks), th))
        by_part.append(verdicts[-1])
        prev = pm
    score = max(0.0, round(100.0 * (1.0 - cost / max(n, s_len, 1)), 1))
    pms = [p for p in chosen if p is not None]
    worst = max(verdicts, key=lambda v: _RANK[v])
    if worst == "not_found":
        found_words = sum(
            len(parts[k])
            for k, p in enumerate(chosen)
            if p is not None and by_part[k] != "not_found"
        )
        for k, v in enumerate(by_part):
            if v == "not_found":
                words = " ".join(t.core for t in parts[k])
                notes.append(Note("nearest", f"part {k + 1} ('{words}') is not in the source"))
        if found_words * 2 < n:
            return _SourceVerdict("not_found", score, _make_match(ps, idx, pms, score), ops, notes)
        worst = "diverged"
    return _judged("stitched" if stitched else worst, score, ops, notes, pms, quote, ps, idx)


def _between_text(ps: PreparedSource, a: int, b: int) -> str:
    """The source's text between the end of token ``a - 1`` and the start of
    token ``b`` (its marks: an ellipsis the speaker's transcript prints)."""
    if a <= 0 or b >= ps.n_tokens or b < a:
        return ""
    return ps.norm.text[int(ps.tok_end[a - 1]) : int(ps.tok_start[b])]
