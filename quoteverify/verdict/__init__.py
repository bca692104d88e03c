"""Where each quote's verdict is decided.

``judge(quote, prepared_sources)`` aligns the quote's words with every source
(exact lookup, then trigram windows + edlib, see ``quoteverify.align``), diffs
the best passage word by word, and turns the diff into an editor's verdict:
verbatim / minor / diverged / stitched / misattributed / not_found.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace

from quoteverify.align import (
    BRACKETED_INITIAL,
    ParsedQuote,
    PreparedSource,
    QToken,
    find_exact,
    lookup,
    parse_quote,
    quote_shown,
    source_shown,
    source_word,
    word_diff,
)
from quoteverify.models import PASSING_VERDICTS, DiffOp, Note, Quote, QuoteResult, Verdict
from quoteverify.thresholds import DEFAULT, Thresholds
from quoteverify.verdict import _contraction, _whole_sentence
from quoteverify.verdict._inflection import is_inflection
from quoteverify.verdict._notes import (
    _FRAGMENT_ABSENT,
    _NO_PASSAGE,
    _ambiguous,
    _judged,
    _lines,
    _make_match,
    _unmapped_label,
)
from quoteverify.verdict._passage import (
    _RANK,
    _choose,
    _close_paraphrase,
    _from_sentence_start,
    _grow_unpaired_ends,
    _part_matches,
    _Placement,
    _police,
    _small_word_shift,
    _SourceVerdict,
    _speaker_check,
    _widen,
    _word_verdict,
)
from quoteverify.verdict._speakers import (
    ROLE_OFFICES,
    holder,
    office_holders,
    parse_aliases,
    same_person,
)
from quoteverify.verdict._speakers import authored_title as _authored_title
from quoteverify.verdict._stitching import (
    _judge_parts,
    _run_on_placement,
    _skipped_sentence,
    _try_interjection,
    _try_unmarked_stitch,
)
from quoteverify.verdict._stitching import may_run_on_any as _may_run_on_any
from quoteverify.verdict._whose import _not_theirs, _speaks_in
from quoteverify.verdict._words import MINOR_FLAGS, WORD_RULES, is_minor

# What the verdict stage offers: ``judge``; the policy's word rules, which a caller
# of ``align.word_diff`` passes in (``WORD_RULES``) and which flags are minor; and
# the policy's mapping of transcript labels to people (aliases, office holders),
# which the library uses to tell who speaks in a document.
__all__ = [
    "MINOR_FLAGS",
    "ROLE_OFFICES",
    "WORD_RULES",
    "holder",
    "is_inflection",
    "is_minor",
    "judge",
    "office_holders",
    "parse_aliases",
    "same_person",
]


# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _Judged(Quote):
    """The quote being judged, with the user's speaker aliases (``--speaker-alias``).

    Internal: every rule that maps a transcript label to a person reads the
    aliases from the quote it is judging, so they need not be threaded through
    each alignment helper; the result carries the caller's own ``Quote``.
    """

    aliases: Mapping[str, str] = field(default_factory=dict)


def judge(
    quote: Quote,
    sources: Sequence[PreparedSource],
    thresholds: Thresholds | None = None,
    *,
    aliases: Mapping[str, str] | None = None,
) -> QuoteResult:
    """The verdict on one quote against the prepared sources.  Pure.

    ``aliases``: transcript label -> person (``--speaker-alias LABEL=NAME``).
    """
    th = thresholds or DEFAULT
    original = quote
    quote = _Judged(**{f: getattr(quote, f) for f in _QUOTE_FIELDS}, aliases=dict(aliases or {}))
    result = _judge(quote, sources, th)
    return replace(result, quote=original)


_QUOTE_FIELDS = tuple(f.name for f in fields(Quote))


def _judge(quote: Quote, sources: Sequence[PreparedSource], th: Thresholds) -> QuoteResult:
    if not sources:
        return QuoteResult(quote, "unverifiable", notes=(Note("no-source", "no source"),))
    pq = parse_quote(quote.text)
    if pq.n_words == 0:
        return QuoteResult(
            quote, "not_found", score=0.0, notes=(Note("nearest", "the quote has no words"),)
        )
    cands = [_judge_source(pq, quote, ps, i, th) for i, ps in enumerate(sources)]
    _as_the_source_brackets(cands, quote, sources, th)
    k = min(range(len(cands)), key=lambda i: (_RANK[cands[i].verdict], -cands[i].score))
    best = cands[k]
    # A passing passage in a text with no turns whose title names its author
    # (a statement) is that author's, named in its title or opening
    # (``_speaks_in``).
    unturned_pass = (
        best.verdict in PASSING_VERDICTS
        and not sources[k].turns
        and _authored_title(sources[k].title)
    )
    if (best.verdict == "not_found" or unturned_pass) and not any(
        _speaks_in(quote, ps) for ps in sources
    ):
        # Not finding Saparbekuly's words in Blinken's press availability says
        # nothing about Saparbekuly: no source of his words was given.  Nor
        # does finding words in a statement that names someone else: Joe and
        # Jill Biden's statement on the death of Queen Elizabeth II
        # (2022-09-08) holds "a stateswoman of unmatched dignity", which
        # passed verbatim as Kamala Harris's words (the policy: "otherwise the
        # quote is unverifiable").
        return _not_theirs(quote, sources)
    return QuoteResult(
        quote=quote,
        verdict=best.verdict,
        score=best.score,
        match=best.match,
        diff=tuple(best.diff),
        notes=tuple(dict.fromkeys(best.notes)),
        source_scores=tuple((i, c.score) for i, c in enumerate(cands)),
    )


def _shifted(pm: _Placement, quote: Quote, ps: PreparedSource, idx: int) -> _SourceVerdict:
    """The verdict on a short quote with one small word shifted: diverged, the passage shown."""
    o = pm.wd.changed[0]
    text = f"a small word changed (person or tense): '{o.source}' → '{o.quote}'"
    note = Note("paraphrase", text.replace("'' → ", "added ").replace(" → ''", " dropped"))
    return _judged("diverged", pm.wd.score, list(pm.wd.ops), [note], [pm], quote, ps, idx)


# ---------------------------------------------------------------------------
def _judge_source(
    pq: ParsedQuote, quote: Quote, ps: PreparedSource, idx: int, th: Thresholds
) -> _SourceVerdict:
    if ps.n_tokens == 0:
        return _SourceVerdict("not_found", 0.0, notes=[Note("nearest", "the source has no words")])
    if quote.kind == "fragment" or pq.n_words <= th.fragment_max_words:
        return _judge_fragment(pq, quote, ps, idx, th)
    if len(pq.parts) == 1:
        return _judge_single(pq, quote, ps, idx, th)
    parts = [list(p.tokens) for p in pq.parts]
    per = [_part_matches(t, quote, ps, th) for t in parts]
    if ps.turns:
        # A part may itself run on across a brief interjection (the policy's
        # exception to "stitched"): offered as one more place for it.
        for k, (toks, pms) in enumerate(zip(parts, per, strict=True)):
            if not pms:
                continue
            best = _choose(pms, th)
            if _word_verdict(best.wd, len(toks), th) not in ("verbatim", "minor"):
                across = _run_on_placement(toks, best, quote, ps, th)
                if across is not None:
                    per[k] = [across, *pms]
    return _judge_parts(parts, per, quote, ps, idx, th, marked=True)


def _judge_fragment(
    pq: ParsedQuote, quote: Quote, ps: PreparedSource, idx: int, th: Thresholds
) -> _SourceVerdict:
    toks = pq.tokens
    pms = _part_matches(toks, quote, ps, th, fuzzy=False)
    if not any(
        p.label_ok is not False and _word_verdict(p.wd, len(toks), th) in ("verbatim", "minor")
        for p in pms
    ):
        # Stein's "We will." printed "We'll." stands once in his turn; "we'll"
        # is keyed as Trump's "Well," (gaggle at Asheville, 2025-01-24).
        seen = {(p.a, p.b) for p in pms}
        pms += [p for p in _contraction_places(toks, quote, ps, th) if (p.a, p.b) not in seen]
    notes: list[Note] = []
    if pms and quote.speaker is not None and ps.turns:
        own = [p for p in pms if p.label_ok is not False]
        if not own:
            labels = sorted({p.label or "?" for p in pms})
            lines = _lines(ps, pms)
            return _SourceVerdict(
                "not_found",
                0.0,
                _make_match(ps, idx, [pms[0]], 0.0),
                [],
                [
                    Note(
                        "other-speaker",
                        f"the words occur only in other speakers' turns ({', '.join(labels)}; "
                        f"line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))})",
                    )
                ],
            )
        pms = own + [p for p in pms if p.label_ok is False]
    if not pms:
        near = _part_matches(toks, quote, ps, th)
        shifted = _small_word_shift(toks, near, quote, ps, th)
        if shifted is not None:
            return _shifted(shifted, quote, ps, idx)
        if near:
            p = near[0]
            return _SourceVerdict(
                "not_found",
                p.score,
                _make_match(ps, idx, [p], p.score),
                p.wd.ops,
                [_FRAGMENT_ABSENT],
            )
        return _SourceVerdict("not_found", 0.0, notes=[_FRAGMENT_ABSENT])
    best = _choose(pms, th)
    if len(pms) > 1:
        notes.append(_ambiguous(ps, pms))
    # The same words; the policy still calls a dropped comma ("pure
    # unadulterated evil") or headline title case ("Respond Decisively")
    # minor, and an apostrophe that changes number or owner diverged.
    verdict = _word_verdict(best.wd, len(toks), th)
    if verdict == "verbatim":
        ops = [
            DiffOp(
                "equal",
                " ".join(t.core for t in toks),
                " ".join(source_word(ps, i) for i in range(best.a, best.b)),
                (),
                quote_shown(toks),
                source_shown(ps, best.a, best.b),
            )
        ]
        if _unmapped_label([best], quote, ps) is not None:
            # "very excited", a senior administration official's, is no more
            # Naftali Bennett's for being short (``_notes._unmapped_label``).
            return _judged("verbatim", 100.0, ops, notes, [best], quote, ps, idx)
        return _SourceVerdict("verbatim", 100.0, _make_match(ps, idx, [best], 100.0), ops, notes)
    if verdict == "not_found":
        verdict = "diverged"  # every word stands there: at worst a changed word
    return _judged(verdict, best.wd.score, list(best.wd.ops), notes, [best], quote, ps, idx)


def _judge_single(
    pq: ParsedQuote, quote: Quote, ps: PreparedSource, idx: int, th: Thresholds
) -> _SourceVerdict:
    toks = pq.tokens
    n = len(toks)
    pms = _part_matches(toks, quote, ps, th)
    if n <= th.short_max_words and not any(p.exact for p in pms):
        passing = [
            p
            for p in _contraction_places(toks, quote, ps, th)
            if _word_verdict(p.wd, n, th) in ("verbatim", "minor")
        ]
        seen = {(p.a, p.b) for p in passing}
        pms = sorted(
            passing + [p for p in pms if (p.a, p.b) not in seen], key=lambda p: (-p.score, p.a)
        )
    if not pms:
        return _SourceVerdict("not_found", 0.0, notes=[_NO_PASSAGE])
    best = _choose(pms, th)
    notes: list[Note] = []
    verdict = _word_verdict(best.wd, n, th)
    if verdict == "not_found" and n <= th.short_max_words and not best.exact:
        # Every candidate, not only the best: "a warm spot" also stands at the
        # end of "a little bit of a warm spot." three lines on, where growing
        # the passage pairs nothing more.
        wide = [_widen(toks, p, quote, ps, th) for p in pms]
        wide = [w for w in wide if _word_verdict(w.wd, n, th) != "not_found"]
        if wide:
            best = _choose(wide, th)
            verdict = _word_verdict(best.wd, n, th)
    if verdict == "diverged" and not best.exact:
        grown = _grow_unpaired_ends(toks, best, quote, ps, th)
        if grown is not best and _word_verdict(grown.wd, n, th) in ("verbatim", "minor"):
            best, verdict = grown, _word_verdict(grown.wd, n, th)
    if verdict == "diverged" and not best.exact:
        trimmed = _from_sentence_start(toks, best, quote, ps, th)
        if trimmed is not best and _word_verdict(trimmed.wd, n, th) in ("verbatim", "minor"):
            best, verdict = trimmed, _word_verdict(trimmed.wd, n, th)
    if verdict == "not_found" and n <= th.short_max_words:
        # A short sentence run on across an interjection is read as one
        # passage before as a shifted small word: Harris's "And they did —
        # AUDIENCE MEMBER: We did. THE VICE PRESIDENT: — in record numbers"
        # (2023-08-13) is no added "And they did".
        if ps.turns:
            across = _try_interjection(toks, best, quote, ps, idx, th)
            if across is not None and across.verdict == "minor":
                return across
        shifted = _small_word_shift(toks, pms, quote, ps, th)
        if shifted is not None:
            return _shifted(shifted, quote, ps, idx)
    if best.exact and len(pms) > 1:
        notes.append(_ambiguous(ps, pms))
    elif not best.exact:
        ties = [p for p in pms if p.score == best.score]
        if len(ties) > 1 and verdict != "not_found":
            notes.append(_ambiguous(ps, ties))
    if verdict not in ("verbatim", "minor") and ps.turns:
        across = _try_interjection(toks, best, quote, ps, idx, th)
        if across is not None:
            return across
        # The sentence said once across an interjection may fit worse than
        # the same words said whole elsewhere: Biden's "And so we're not going
        # — GOVERNOR PIERLUISI: Thank you. THE PRESIDENT: — to walk away"
        # (Hurricane Fiona remarks, 2022-09-22) after "We're not going to walk
        # away." earlier in the speech.  Only a passing run-on counts there.
        for other in [*pms[:_RUN_ON_CANDIDATES], *_run_on_anchors(toks, quote, ps, th)]:
            if other is best:
                continue
            across = _try_interjection(toks, other, quote, ps, idx, th)
            if across is not None and across.verdict == "minor":
                return across
    # Unmarked stitching: a long run of quote words the passage does not hold
    # may stand elsewhere in the source.
    if not best.exact:
        stitched = _try_unmarked_stitch(toks, best, quote, ps, idx, th)
        if stitched is not None:
            return stitched
    if verdict == "diverged":
        skipped = _skipped_sentence(best.wd, ps, best.a)
        if skipped is not None:
            notes.append(Note("stitch", _whole_sentence.skipped_sentence_note(skipped)))
            return _judged(
                "stitched", best.wd.score, list(best.wd.ops), notes, [best], quote, ps, idx
            )
    return _finish(verdict, best, [best], toks, quote, ps, idx, notes, th)


_PRINTED_INITIALS = "bracketed initials printed"


def _as_the_source_brackets(
    cands: list[_SourceVerdict], quote: Quote, sources: Sequence[PreparedSource], th: Thresholds
) -> None:
    """Each source's verdict, in place, on the quote with its bracketed initials
    read as the source reads its own: where a source prints the same bracket
    ("[N]othing in this opinion", President Biden quoting the Supreme Court,
    2023-06-29; Markdown escapes it), its tokens are the letter and the rest,
    and a quote that copies it joined into one word matched nothing there
    ("[N]othing in this" was not found).  The better verdict stands."""
    initials = {m.group(0).replace("\\", "") for m in BRACKETED_INITIAL.finditer(quote.text)}
    if not initials:
        return
    split: ParsedQuote | None = None
    for i, ps in enumerate(sources):
        c = cands[i]
        if c.verdict == "verbatim":
            continue
        printed = ps.memo.get(_PRINTED_INITIALS)
        if printed is None:
            printed = ps.memo[_PRINTED_INITIALS] = {
                m.group(0).replace("\\", "") for m in BRACKETED_INITIAL.finditer(ps.source.text)
            }
        if not initials & printed:
            continue
        if split is None:
            split = parse_quote(quote.text, join_initials=False)
        alt = _judge_source(split, quote, ps, i, th)
        if (_RANK[alt.verdict], -alt.score) < (_RANK[c.verdict], -c.score):
            cands[i] = alt


# At most this many places of one contraction variant are diffed.
_CONTRACTION_PLACES = 8


def _contraction_places(
    toks: list[QToken], quote: Quote, ps: PreparedSource, th: Thresholds
) -> list[_Placement]:
    """Where a short quote's words stand word for word once one contraction is
    written the other way (``_contraction.key_variants``): the policy's
    "contractions and full forms" are minor, but the exact lookup keys each
    form apart and a few words give the fuzzy search too little to find them.
    Best first."""
    out: list[_Placement] = []
    for variant in _contraction.key_variants([t.core for t in toks], [t.key for t in toks]):
        keys = list(variant)
        for s in find_exact(ps, keys, lookup(ps, keys))[:_CONTRACTION_PLACES]:
            e = s + len(keys)
            wd = _police(word_diff(toks, ps, s, e, th, WORD_RULES), th, ps, s)
            pm = _Placement(s, e, wd, False)
            _speaker_check(pm, quote, ps)
            out.append(pm)
    out.sort(key=lambda p: (-p.score, p.a))
    return out


# Candidate passages besides the best tried as a sentence run on across an
# interjection (each try is a split search only where a turn chain stands).
_RUN_ON_CANDIDATES = 4


def _run_on_anchors(
    toks: list[QToken], quote: Quote, ps: PreparedSource, th: Thresholds
) -> list[_Placement]:
    """Where the quote's first or last three words stand word for word: the
    places a sentence run on across an interjection may begin or end, when
    the fuzzy search kept only the better fit elsewhere (a short transcript
    of Biden's Hurricane Fiona remarks holds one candidate for "And so we're
    not going to walk away": the earlier "We're not going to walk away.")."""
    k = min(3, len(toks))
    if k < 2:
        return []
    out: list[_Placement] = []
    for part in (toks[:k], toks[-k:]):
        # Diffing every place a common three words stand (182 for one absent
        # quote's "I think that" in 4 MB) was a third of an absent quote's
        # time; where no place could run on, ``_try_interjection`` would
        # answer None for each, so the part adds nothing to try.
        keys = [t.key for t in part]
        starts = sorted(find_exact(ps, keys, lookup(ps, keys)))
        if not _may_run_on_any(toks, starts, k, ps, th):
            continue
        out.extend(_best_exact(part, starts, ps, th))
    return out


def _best_exact(
    part: list[QToken], starts: list[int], ps: PreparedSource, th: Thresholds
) -> list[_Placement]:
    """The ``_RUN_ON_CANDIDATES`` best of ``part``'s exact places ``starts``
    (ascending), as ``_part_matches`` orders them (score down, then place):
    only their places are read (``_try_interjection``), so no speaker check,
    and the diffs stop once that many score 100 (no later place can come
    before them)."""
    k = len(part)
    scored: list[_Placement] = []
    perfect = 0
    for s in starts:
        wd = _police(word_diff(part, ps, s, s + k, th, WORD_RULES), th, ps, s)
        scored.append(_Placement(s, s + k, wd, True))
        perfect += wd.score >= 100.0
        if perfect >= _RUN_ON_CANDIDATES:
            break
    scored.sort(key=lambda p: (-p.score, p.a))
    return scored[:_RUN_ON_CANDIDATES]


def _finish(
    verdict: Verdict,
    score_pm: _Placement,
    pms: list[_Placement],
    toks: list[QToken],
    quote: Quote,
    ps: PreparedSource,
    idx: int,
    notes: list[Note],
    th: Thresholds,
) -> _SourceVerdict:
    wd = score_pm.wd
    ops = list(wd.ops)
    notes = list(notes)
    if verdict == "not_found" and _close_paraphrase(toks, score_pm, ps, th):
        whose = "another speaker" if score_pm.label_ok is False else "the speaker"
        notes.append(
            Note(
                "paraphrase",
                "a paraphrase inside quotation marks: most of its words stand in order "
                f"in this passage of {whose}",
            )
        )
        return _judged("diverged", wd.score, ops, notes, pms, quote, ps, idx)
    if verdict == "not_found":
        # Only where the nearest passage already shares a run of words: an
        # absent quote would pay a search per run of its sentences for nothing.
        added = (
            _added_sentences(toks, quote, ps, idx, th)
            if wd.longest_run >= th.short_diverged_min_run
            else None
        )
        if added is not None:
            return added
        n = len(toks)
        paired = wd.matched_words
        # "the rest is not" only when it is true: in "They paid a $10 million
        # settlement." the last 3 words ran on but 5 of the 6 were paired.
        if wd.leading_equal >= 3 and wd.leading_equal == paired < n:
            notes.append(
                Note(
                    "nearest",
                    f"the first {wd.leading_equal} words are in the source, the rest is not",
                )
            )
        elif wd.trailing_equal >= 3 and wd.trailing_equal == paired < n:
            notes.append(
                Note(
                    "nearest",
                    f"the last {wd.trailing_equal} words are in the source, the rest is not",
                )
            )
        elif paired >= 3:
            notes.append(
                Note(
                    "nearest",
                    f"{paired} of the {n} words stand in order in the nearest passage, "
                    f"longest run {wd.longest_run}",
                )
            )
        notes.append(Note("nearest", f"nearest passage scores {wd.score:g}"))
        return _SourceVerdict(
            "not_found", wd.score, _make_match(ps, idx, pms, wd.score), ops, notes
        )
    return _judged(verdict, wd.score, ops, notes, pms, quote, ps, idx)


# At most this many quote sentences are tried as added (each run of them is a search).
_MAX_SENTENCES = 6


def _added_sentences(
    toks: list[QToken], quote: Quote, ps: PreparedSource, idx: int, th: Thresholds
) -> _SourceVerdict | None:
    """A quote whose sentences stand, at least half its words, in one passage
    of the speaker, the others added: diverged, that passage shown with the
    added sentences (``_whole_sentence.kept_runs``), or None."""
    spans = _whole_sentence.sentence_spans([any(c in t.punct for c in ".?!") for t in toks])
    if not 2 <= len(spans) <= _MAX_SENTENCES:
        return None
    n = len(toks)
    for lo, hi in _whole_sentence.kept_runs(spans, n, th.added_sentences_min_share):
        kept = toks[lo:hi]
        pms = _part_matches(kept, quote, ps, th)
        if not pms:
            continue
        best = _choose(pms, th)
        if best.label_ok is False or _word_verdict(best.wd, len(kept), th) == "not_found":
            continue
        head, tail = toks[:lo], toks[hi:]
        ops = [_added_op(head)] if head else []
        ops += list(best.wd.ops)
        ops += [_added_op(tail)] if tail else []
        score = round(max(0.0, 100.0 * (1.0 - (best.wd.cost + n - len(kept)) / n)), 1)
        shown = [quote_shown(seg) for seg in (head, tail) if seg]
        note = Note("added-sentence", _whole_sentence.added_sentences_note(shown))
        return _judged("diverged", score, ops, [note], [best], quote, ps, idx)
    return None


def _added_op(toks: list[QToken]) -> DiffOp:
    return DiffOp("insert", " ".join(t.core for t in toks), "", (), quote_shown(toks))
