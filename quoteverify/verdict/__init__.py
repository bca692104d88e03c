"""Where each quote's verdict is decided.

``judge(quote, prepared_sources)`` aligns the quote's words with every source
(exact lookup, then trigram windows + edlib, see ``quoteverify.align``), diffs
the best passage word by word, and turns the diff into an editor's verdict:
verbatim / minor / diverged / stitched / misattributed / not_found.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace

import numpy as np

from quoteverify.align import (
    ParsedQuote,
    PreparedSource,
    QToken,
    WordDiff,
    find_candidates,
    is_negation,
    is_number,
    label_matches,
    lookup,
    moved_words,
    parse_quote,
    quote_shown,
    quote_trigrams,
    shares_trigram,
    source_punct,
    source_shown,
    source_word,
    tight_diff,
    word_diff,
)
from quoteverify.models import VERDICT_ORDER, DiffOp, Match, Note, Quote, QuoteResult, Verdict
from quoteverify.thresholds import DEFAULT, Thresholds
from quoteverify.verdict import (
    _disfluency,
    _elision,
    _interjection,
    _paraphrase,
    _speakers,
    _spelling,
    _transcriber,
)
from quoteverify.verdict._inflection import is_inflection
from quoteverify.verdict._speakers import (
    ROLE_OFFICES,
    holder,
    office_holders,
    parse_aliases,
    same_person,
)
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

_RANK = {v: i for i, v in enumerate(VERDICT_ORDER)}
_MAX_CANDIDATES = 4
# Parts of at least this many words skip fuzzy hits sharing no word trigram
# with them (see _part_matches); shorter ones have too few trigrams to tell.
_JUNK_MIN_WORDS = 4


@dataclass
class _Placement:
    """One place a quote part may stand in one source."""

    a: int  # source token span [a, b)
    b: int
    wd: WordDiff
    exact: bool
    label: str | None = None
    label_ok: bool | None = None  # is the turn the quote's speaker's?
    quoted: bool = False  # inside quotation marks within the turn
    # Why the turn's words may be judged on their wording although the turn is
    # not the speaker's (a ``Q`` turn, words quoted by the turn's speaker), or
    # a note that the speaker was quoting: see ``_speakers``.
    speaker_note: Note | None = None
    mapped: Note | None = None  # how the turn's label was mapped to a person

    @property
    def score(self) -> float:
        return self.wd.score


@dataclass
class _SourceVerdict:
    """The verdict on a quote against one source; ``judge`` keeps the best of them."""

    verdict: Verdict
    score: float
    match: Match | None = None
    diff: list[DiffOp] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


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
    best = min(cands, key=lambda c: (_RANK[c.verdict], -c.score))
    if best.verdict == "not_found" and not any(_speaks_in(quote, ps) for ps in sources):
        # Not finding Saparbekuly's words in Blinken's press availability says
        # nothing about Saparbekuly: no source of his words was given.
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


# ---------------------------------------------------------------------------
def _speaks_in(quote: Quote, ps: PreparedSource) -> bool:
    """Could ``ps`` hold the quote's speaker's words at all?

    Yes when a transcript turn is theirs, or when the title or the opening of
    the source names them ("Statement by the Russian Foreign Ministry").
    """
    sp = quote.speaker
    if sp is None:
        return True  # nobody named: any source may hold the words
    if sp.type in ("group", "unknown"):
        # "officials", "experts": any unlabelled text may be theirs, but a
        # transcript's turns belong to the named people speaking in it.
        return not ps.turns
    for label in ps.labels:
        if _label_ok(label, quote, ps)[0]:
            return True
    words = [w for w in sp.name.split() if w.lower() not in ("the", "of", "and")]
    key = words[-1].lower() if sp.type == "person" and words else " ".join(words).lower()
    head = f"{ps.title or ''}\n{ps.source.text[:2000]}".lower()
    return bool(key) and key in head


def _labels(ps: PreparedSource) -> Iterator[str]:
    """The source's turn labels, read only if ``label_matches`` needs them
    (a family-name-first match: is "Scott Bessent" also "SECRETARY BESSENT"?)."""
    return iter(ps.labels)  # distinct labels: the matcher asks "is any other label ..."


def _not_theirs(quote: Quote, sources: Sequence[PreparedSource]) -> QuoteResult:
    held = []
    for ps in sources:
        labels = sorted({lab for lab in ps.labels if lab != "Q"})
        who = ", ".join(labels) if labels else (ps.title or "others")
        held.append(f"{ps.source.ref} ({who})")
    name = quote.speaker.name if quote.speaker else "the speaker"
    note = f"no source of {name}'s words was given; the sources hold others' words: " + "; ".join(
        held
    )
    return QuoteResult(quote=quote, verdict="unverifiable", notes=(Note("no-source", note),))


# ---------------------------------------------------------------------------
def _speaker_check(pm: _Placement, quote: Quote, ps: PreparedSource) -> None:
    turn = ps.turn_at(pm.a)
    if turn is None:
        return
    pm.label = turn.label
    sp = quote.speaker
    if sp is not None and sp.type == "person":
        pm.label_ok, pm.mapped = _label_ok(turn.label, quote, ps)
    pm.quoted = ps.quoted_by_speaker(pm.a, pm.b)
    if sp is None or sp.type != "person":
        return
    if pm.label_ok is False and _speakers.question_is_anonymous(
        turn.label, _is_labelled(quote, ps)
    ):
        pm.label_ok = None
        pm.speaker_note = Note("question-turn", _speakers.question_note())
    elif pm.quoted and pm.label_ok is True:
        pm.speaker_note = Note("quoted-within", _speakers.quoted_within_note(turn.label, own=True))
    elif pm.quoted and pm.label_ok is False:
        pm.label_ok = None
        pm.speaker_note = Note("quoted-within", _speakers.quoted_within_note(turn.label, own=False))
    if pm.speaker_note is not None:
        # Settled here: the quotation marks no longer make it someone else's.
        pm.quoted = False


def _is_labelled(quote: Quote, ps: PreparedSource) -> bool:
    """Does a turn label of ``ps`` name the quote's speaker?"""
    sp = quote.speaker
    if sp is None:
        return False
    # Once per source and speaker, not per candidate passage: every label of
    # the source is matched against the speaker.
    key = ("labelled", _speaker_key(quote))
    found = ps.memo.get(key)
    if found is None:
        labels = sorted({lab for lab in ps.labels if lab != _speakers.QUESTION_LABEL})
        found = _speakers.speaker_is_labelled(_label_ok(lab, quote, ps)[0] for lab in labels)
        ps.memo[key] = found
    return bool(found)


def _speaker_key(quote: Quote) -> tuple[object, ...]:
    """What ``_label_ok`` reads of a quote: its speaker and the user's aliases."""
    sp = quote.speaker
    aliases: Mapping[str, str] = getattr(quote, "aliases", {})
    who = None if sp is None else (sp.name, sp.title, sp.type)
    return (who, tuple(sorted(aliases.items())))


_NO_DATE = object()  # not yet read (None is "the source has no date")


def _label_ok(label: str, quote: Quote, ps: PreparedSource) -> tuple[bool | None, Note | None]:
    """Is the turn label ``label`` the quote's speaker?  (True / False / None, note).

    The source's title first (``label_matches``); then the user's aliases and
    the table of office holders by the source's date (``_speakers``), with a
    ``label-mapped`` note saying how.  A role-noun speaker ("The President
    said") is resolved the same way, never taken as a surname "PRESIDENT".
    """
    sp = quote.speaker
    if sp is None:
        return None, None
    # A pure function of the label, the speaker, the aliases and the source:
    # remembered per source, as the same few labels are asked about per quote.
    key = ("label", label, _speaker_key(quote))
    hit = ps.memo.get(key)
    if hit is None:
        hit = ps.memo[key] = _label_ok_uncached(label, quote, ps)
    return hit  # type: ignore[return-value]  # stored by this function only


def _label_ok_uncached(
    label: str, quote: Quote, ps: PreparedSource
) -> tuple[bool | None, Note | None]:
    sp = quote.speaker
    assert sp is not None  # _label_ok returned early
    aliases: Mapping[str, str] = getattr(quote, "aliases", {})
    name = sp.name
    office = _speakers.role_office(name)
    date = ps.memo.get("date", _NO_DATE)
    if date is _NO_DATE:
        date = ps.memo["date"] = _speakers.source_date(ps.source.text, ps.title)
    if office is not None:
        key = " ".join(label.split()).upper()
        if _speakers.ROLE_OFFICES.get(key) == office:
            return True, None  # "the President said" and a THE PRESIDENT: turn
        who = _speakers.holder(office, date, _speakers.office_holders())
        if who is None:
            return (False if key == _speakers.QUESTION_LABEL else None), None
        name = who
    ok = label_matches(label, name, sp.title, ps.title, _labels(ps))
    if ok is None:
        found = _speakers.resolve_label(label, date, aliases, _speakers.office_holders())
        if found is not None:
            person, how = found
            note = Note("label-mapped", f"{label} mapped to {person} ({how})")
            return _speakers.same_person(person, name), note
    return ok, None


def _part_matches(
    toks: list[QToken],
    quote: Quote,
    ps: PreparedSource,
    th: Thresholds,
    *,
    fuzzy: bool = True,
    fallback: bool = True,
) -> list[_Placement]:
    """Candidate places for a run of quote words, best first (exact ones first)."""
    keys = [t.key for t in toks]
    look = lookup(ps, keys)
    # Only near-best hits are worth a full diff (they compete on speaker); the
    # search may drop the others itself (``slack``): this loop reads no hit
    # beyond the best + ``near``, so the answer is the same for less edlib work.
    near = max(2, len(keys) // 10)
    exact, hits = find_candidates(
        ps, keys, th, fuzzy=fuzzy, fallback=fallback, look=look, slack=near
    )
    out: list[_Placement] = []
    for s in exact:
        wd = _police(word_diff(toks, ps, s, s + len(keys), th, WORD_RULES), th, ps, s)
        out.append(_Placement(s, s + len(keys), wd, True))
    if not out and fuzzy:
        taken: list[tuple[int, int]] = []
        cutoff = (hits[0].dist + near) if hits else 0
        # A hit whose passage (with the two words tight_diff may add at either
        # end) holds no three consecutive quote words cannot be "diverged"
        # (a run of 3 equal words is required); only a passage whose every
        # third word is a spelling variant could still be "minor".  Such junk
        # hits were most of an absent quote's work, so only the best hit is
        # diffed regardless: a quote not found still gets a nearest passage.
        trigrams: set[tuple[int, int, int]] | None = None  # built when first needed
        for h in hits:
            if h.dist > cutoff:
                break
            if any(h.start < e and s < h.end for s, e in taken):
                continue
            taken.append((h.start, h.end))
            if out and len(keys) >= _JUNK_MIN_WORDS:
                if trigrams is None:
                    trigrams = quote_trigrams(look)
                if not shares_trigram(ps, trigrams, h.start - 2, h.end + 2):
                    if len(taken) >= _MAX_CANDIDATES:
                        break
                    continue
            a, b, wd = tight_diff(toks, ps, h.start, h.end, th, WORD_RULES)
            out.append(_Placement(a, b, _police(wd, th, ps, a), False))
            if len(taken) >= _MAX_CANDIDATES:
                break
    for pm in out:
        _speaker_check(pm, quote, ps)
    out.sort(key=lambda p: (-p.score, p.a))
    return out


def _police(wd: WordDiff, th: Thresholds, ps: PreparedSource, a: int) -> WordDiff:
    """``wd`` with the policy's word rules applied to the alignment's flags.

    The alignment calls a one-letter change a "spelling" and an apostrophe
    moved "punctuation"; the policy says a different dictionary word and an
    apostrophe that changes number or owner are changed words
    (``_spelling``).  Such ops lose their minor flag and cost a whole word.
    """
    is_word: Callable[[str], bool] | None = None
    _transcriber_words(wd, ps, a)
    for k, o in enumerate(wd.ops):
        if o.op == "replace" and o.flags == ("spelling",) and " " not in o.quote.strip():
            if " " in o.source.strip():
                continue
            if is_word is None:
                is_word = _spelling.english_lexicon(th.word_min_zipf)
            if _spelling.another_word(o.quote, o.source, is_word):
                wd.ops[k] = replace(o, flags=("word",))
                wd.cost += 1.0 - th.minor_word_cost
        elif o.op == "delete" and not o.flags and k > 0:
            # Only inside the passage (k > 0): a dropped word at its start is
            # just where the quote begins.
            dropped = o.source.split()
            before = wd.ops[k - 1].quote.split()
            after = wd.ops[k + 1].quote.split() if k + 1 < len(wd.ops) else []
            if _disfluency.only_fillers(dropped) or _disfluency.is_repetition(
                dropped, before, after
            ):
                wd.ops[k] = replace(o, flags=("disfluency",))
                wd.cost -= len(dropped) * (1.0 - th.minor_word_cost)
        elif o.op == "equal" and "punctuation" in o.flags:
            qw, sw = o.quote.split(), o.source.split()
            if len(qw) == len(sw) and any(
                _spelling.apostrophe_changes_word(q, s) for q, s in zip(qw, sw, strict=True)
            ):
                wd.ops[k] = replace(o, op="replace", flags=("apostrophe",))
                wd.cost += 1.0
    return wd


def _transcriber_words(wd: WordDiff, ps: PreparedSource, a: int) -> None:
    """The policy's "Words the transcriber added": the source's [bracketed]
    words may be printed or left out (minor, flag "transcriber"); words a
    quote supplies where the source says [inaudible] stay a change, flagged
    "inaudible" so the note can say why.  ``a``: the passage's first token."""
    i = a
    for k, o in enumerate(wd.ops):
        n_src = len(o.source.split()) if o.source else 0
        if o.op in ("equal", "delete") and n_src and not (set(o.flags) - MINOR_FLAGS):
            inside = [ps.bracketed(x) for x in range(i, i + n_src)]
            # Printed (an equal run holding them) or left out (a delete of only them).
            if any(inside) if o.op == "equal" else all(inside):
                wd.ops[k] = replace(o, flags=(*o.flags, "transcriber"))
                if o.op == "delete":
                    wd.cost -= n_src * (1.0 - DEFAULT.minor_word_cost)
            elif o.op == "equal" and _transcriber_note_within(ps, i, i + n_src):
                # A "[sic]" the quote leaves out: minor, noted (flag "sic").
                wd.ops[k] = replace(o, flags=(*o.flags, "sic"))
        elif o.op == "insert" and ps.gap_between(i):
            wd.ops[k] = replace(o, flags=(*o.flags, "inaudible"))
        i += n_src


def _transcriber_note_within(ps: PreparedSource, a: int, b: int) -> bool:
    """Does a transcriber's word note ("[sic]") stand between tokens [a, b)?"""
    if b - a < 2:
        return False
    text = ps.norm.text[int(ps.tok_end[a]) : int(ps.tok_start[b - 1])]
    return "[" in text and bool(_transcriber.word_notes(text))


def _choose(pms: list[_Placement], th: Thresholds, after: int | None = None) -> _Placement:
    """The best candidate, preferring the named speaker's own turn and (for
    ellipsis parts) a place after the previous part."""

    def key(p: _Placement) -> float:
        k = p.score
        if p.label_ok is True and not p.quoted:
            k += th.speaker_preference_margin
        if after is not None and p.a >= after:
            k += 0.5 * th.speaker_preference_margin
        return k

    return max(pms, key=key)


def _word_verdict(wd: WordDiff, n_words: int, th: Thresholds) -> Verdict:
    if not wd.changed:
        return "minor" if wd.minor else "verbatim"
    short = n_words <= th.short_max_words
    min_score = th.short_diverged_min_score if short else th.diverged_min_score
    min_run = th.short_diverged_min_run if short else th.diverged_min_run
    if wd.score >= min_score and wd.longest_run >= min(min_run, n_words):
        return "diverged"
    if short and _short_paired(wd, n_words, th):
        return "diverged"
    return "not_found"


def _short_paired(wd: WordDiff, n_words: int, th: Thresholds) -> bool:
    """Is a short quote one edit away from the passage, most of its words kept?

    The longest run alone undercounts a one-word edit in the middle: "It's a
    great question about municipalities." for "It's an excellent question
    about municipalities." keeps runs of 2 and 3 but is one edit (4 of 6
    words paired).  An invented short quote pairs at most about half its
    words by chance (the dev set's not-found short quotes pair 2-6 of 9-12),
    and a different wording of a line differs in several places: "There's
    nothing beyond our capacity when we do it together." against "There's
    nothing — nothing beyond our capacity if we work together" pairs 7 of
    10 words but in three edits, so it stays not found.
    """
    need = max(th.short_diverged_min_run, math.ceil(th.short_diverged_min_matched * n_words))
    changed = wd.changed
    # A moved word is one edit, though the diff shows it as a delete and an
    # insert: "TV that is he a white supremacist?" for "TV that he is a ...".
    edits = sum(1 for o in changed if "moved" not in o.flags or o.op == "insert")
    return (
        edits <= th.short_diverged_max_edits
        and wd.matched_words >= need
        and wd.longest_run >= th.diverged_min_run
        and wd.score >= th.diverged_min_score
    )


def _widen(
    toks: list[QToken], pm: _Placement, quote: Quote, ps: PreparedSource, th: Thresholds
) -> _Placement:
    """``pm`` with its passage grown over a few words where quote words stay unpaired.

    edlib prefers two unpaired quote words to three skipped source words, so
    "a warm spot for TikTok" aligns with "a warm spot" of "a warm spot in my
    heart for TikTok" and leaves "for TikTok" out.  Growing the passage by the
    unpaired words plus up to three more (an unmarked omission) pairs them.
    Used only to rescue short quotes the diff would call not found.
    """
    # Growing the passage can pair only the quote words unpaired at its ends,
    # and skipping source words to reach them is one more edit: worth trying
    # only if that could still meet _short_paired (for an absent quote it
    # rarely can, and each try is a diff).
    ops = pm.wd.ops
    ends = [o for o in (ops[0], ops[-1]) if o.op == "insert"] if ops else []
    if len(ends) == 2 and ops[0] is ops[-1]:
        ends = ends[:1]
    loose = sum(len(o.quote.split()) for o in ends)
    inner = sum(1 for o in pm.wd.changed if not any(o is e for e in ends))
    n = len(toks)
    need = max(th.short_diverged_min_run, math.ceil(th.short_diverged_min_matched * n))
    if not loose or inner + 1 > th.short_diverged_max_edits or pm.wd.matched_words + loose < need:
        return pm
    best = pm
    for side in ("start", "end"):
        op = best.wd.ops[0] if side == "start" else best.wd.ops[-1]
        if op.op != "insert":
            continue
        a0, b0 = best.a, best.b
        for k in range(1, len(op.quote.split()) + 4):
            a, b = (a0 - k, b0) if side == "start" else (a0, b0 + k)
            if a < 0 or b > ps.n_tokens or ps.has_barrier(a, b):
                break
            wd = _police(word_diff(toks, ps, a, b, th, WORD_RULES), th, ps, a)
            if (wd.matched_words, wd.score) > (best.wd.matched_words, best.wd.score):
                best = _Placement(a, b, wd, False)
    if best is not pm:
        _speaker_check(best, quote, ps)
    return best


def _lines(ps: PreparedSource, pms: list[_Placement]) -> list[int]:
    return [ps.line_of(ps.orig_span(p.a, p.b)[0]) for p in pms]


def _make_match(ps: PreparedSource, idx: int, pms: list[_Placement], score: float) -> Match:
    spans = [ps.orig_span(p.a, p.b) for p in pms]
    text = ps.source.text
    if len(spans) == 1:
        s, e = spans[0]
        mtext = text[s:e]
    else:
        s, e = min(sp[0] for sp in spans), max(sp[1] for sp in spans)
        mtext = " […] ".join(text[a:b] for a, b in spans)
    before, _ = ps.context(spans[0][0], spans[0][1])
    _, after = ps.context(spans[-1][0], spans[-1][1])
    return Match(
        source_index=idx,
        text=mtext,
        start=s,
        end=e,
        score=score,
        speaker=pms[0].label,
        context_before=before,
        context_after=after,
        line=ps.line_of(s),
        parts=tuple(spans) if len(spans) > 1 else (),
    )


def _edge_numbers(pms: Sequence[_Placement], ps: PreparedSource) -> dict[int, str]:
    """The source's number word just outside a passage, by the ``id`` of the
    passage's end op that adds a number word in its place.

    The passage fit may stop a word short of a changed number at the quote's
    end ("revenue of $1.8 million" against "revenue of $1.8 billion."): the
    replacement and the added word cost the same, so the diff shows "million"
    added, and the note must still name what it replaced ("'billion' →
    'million'"), not "added 'million'".  The diff, the score and the span are
    the fit's.
    """
    out: dict[int, str] = {}
    n = ps.n_tokens
    for p in pms:
        ops = p.wd.ops
        if not ops:
            continue
        for o, i in ((ops[-1], p.b), (ops[0], p.a - 1)):
            if (
                o.op == "insert"
                and "number" in o.flags
                and "moved" not in o.flags
                and 0 <= i < n
                and not ps.has_barrier(i, i + 1)
                and is_number(ps.core(i))
                and ps.key(i) not in o.quote.lower().split()
            ):
                out[id(o)] = source_word(ps, i)
    return out


def _diff_notes(ops: list[DiffOp], beside: Mapping[int, str] | None = None) -> list[Note]:
    """The notes of the diff's changes.  ``beside``: ``_edge_numbers``."""
    notes: list[Note] = []
    moved = moved_words(ops)
    if moved:
        notes.append(Note("reordered", "reordered: " + ", ".join(f"'{w}'" for w in moved)))
    for flag in ("number", "negation", "modal"):
        for o in ops:
            if flag not in o.flags or o.op == "equal" or "ellipsis" in o.flags:
                # A marked omission's words are named in its own note.
                continue
            was = (beside or {}).get(id(o)) if flag == "number" else None
            if was is not None:
                notes.append(Note(flag, f"{flag} changed: '{was}' → '{o.quote}'"))
                continue
            text = f"{flag} changed: '{o.source}' → '{o.quote}'"
            notes.append(Note(flag, text.replace("'' → ", "added ").replace(" → ''", " dropped")))
    for o in ops:
        # "promise" -> "promised": within the spelling tolerance, but the tense
        # (or number: "threat" -> "threats") changed; say so, as for a modal.
        if o.op == "replace" and not o.flags and _one_word_inflection(o):
            notes.append(Note("inflection", f"inflection changed: '{o.source}' → '{o.quote}'"))
    for o in ops:
        if "inaudible" in o.flags:
            notes.append(
                Note(
                    "inaudible",
                    f"'{o.quote}' stands where the source marks words not heard "
                    "([inaudible]): it cannot be confirmed there",
                )
            )
    if any("bracket" in o.flags for o in ops):
        notes.append(Note("bracket", "square-bracket insertion: marked by the writer"))
    notes.extend(_minor_notes(ops))
    return notes


# What each minor flag means, for the note that says what differs (policy "minor").
_MINOR_NOTES = {
    "transcriber": "the transcriber's [bracketed] words printed or left out",
    "sic": "the transcriber's [sic] or [ph] left out, in",
    "disfluency": "disfluency removed",
    "contraction": "contraction or full form",
    "spelling": "spelling",
    "case": "capitalisation",
    "punctuation": "punctuation",
}


def _minor_notes(ops: list[DiffOp]) -> list[Note]:
    """One note per kind of minor change, naming up to three of its words."""
    by: dict[str, list[str]] = {}
    for o in ops:
        if not o.flags or not is_minor(o):
            continue
        for f in o.flags:
            if f in _MINOR_NOTES:
                one = o.op == "delete" or f == "sic"  # the source's words alone
                pair = f"'{o.source}'" if one else f"'{o.source}' → '{o.quote}'"
                by.setdefault(f, []).append(pair)
    out = []
    for f, what in _MINOR_NOTES.items():
        if f in by:
            pairs = by[f]
            more = f" (+{len(pairs) - 3} more)" if len(pairs) > 3 else ""
            # "sic" is one of the transcriber's additions: one documented code.
            code = "transcriber" if f == "sic" else f
            out.append(Note(code, f"{what}: " + ", ".join(pairs[:3]) + more))
    return out


def _one_word_inflection(o: DiffOp) -> bool:
    q, src = o.quote.lower().strip(".,;:!?\"'"), o.source.lower().strip(".,;:!?\"'")
    if " " in q or " " in src or not (q.isalpha() and src.isalpha()):
        return False
    return is_inflection(q, src)


def _unmapped_label(pms: list[_Placement], quote: Quote, ps: PreparedSource) -> Note | None:
    """The policy's last rule: words found only under a role label that no
    title, date or alias maps to a person are unverifiable, never misattributed
    or passed, when no label of the source maps to the quote's speaker."""
    sp = quote.speaker
    if sp is None or sp.type != "person":
        return None
    for p in pms:
        key = " ".join((p.label or "").split()).upper()
        if p.label_ok is None and key in _speakers.ROLE_OFFICES and not _is_labelled(quote, ps):
            return Note(
                "unmapped",
                f"the words stand under {p.label}, which nothing maps to a person "
                f"(no title, date or --speaker-alias names them): no words of {sp.name} "
                "in the sources given",
            )
    return None


def _misattribution(pms: list[_Placement], quote: Quote) -> str | None:
    """Why the words are not the quoted speaker's, or None."""
    sp = quote.speaker
    if sp is None:
        return None
    for p in pms:
        if p.label_ok is False:
            who = "a reporter's question (Q)" if p.label == "Q" else p.label
            return f"misattributed: the words are {who}'s, not {sp.name}'s".replace(
                "(Q)'s", "(Q)"
            ).replace("are a reporter", "are from a reporter")
        if p.quoted and p.label_ok is not False:
            return (
                f"misattributed: in {p.label}'s turn the words are in quotation marks "
                "(the speaker was quoting someone else)"
            )
    return None


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
    return _judge_parts(parts, per, quote, ps, idx, th, marked=True)


_FRAGMENT_ABSENT = Note("nearest", "fragment: the exact words are not in the source")
_NO_PASSAGE = Note("nearest", "no passage of the source shares these words")


def _judge_fragment(
    pq: ParsedQuote, quote: Quote, ps: PreparedSource, idx: int, th: Thresholds
) -> _SourceVerdict:
    toks = pq.tokens
    pms = _part_matches(toks, quote, ps, th, fuzzy=False)
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
        return _SourceVerdict("verbatim", 100.0, _make_match(ps, idx, [best], 100.0), ops, notes)
    if verdict == "not_found":
        verdict = "diverged"  # every word stands there: at worst a changed word
    return _judged(verdict, best.wd.score, list(best.wd.ops), notes, [best], quote, ps, idx)


def _ambiguous(ps: PreparedSource, pms: list[_Placement]) -> Note:
    lines = sorted(set(_lines(ps, pms)))
    return Note(
        "ambiguous",
        f"ambiguous: the words occur {len(pms)} times (lines {', '.join(map(str, lines))})",
    )


def _judge_single(
    pq: ParsedQuote, quote: Quote, ps: PreparedSource, idx: int, th: Thresholds
) -> _SourceVerdict:
    toks = pq.tokens
    n = len(toks)
    pms = _part_matches(toks, quote, ps, th)
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
    # Unmarked stitching: a long run of quote words the passage does not hold
    # may stand elsewhere in the source.
    if not best.exact:
        stitched = _try_unmarked_stitch(toks, best, quote, ps, idx, th)
        if stitched is not None:
            return stitched
    return _finish(verdict, best, [best], toks, quote, ps, idx, notes, th)


def _turn_tokens(ps: PreparedSource, k: int) -> tuple[int, int]:
    """Token range [a, b) of turn ``k``'s words (label and barriers excluded)."""
    t = ps.turns[k]
    a = int(np.searchsorted(ps.tok_start, t.label_end, side="left"))
    b = int(np.searchsorted(ps.tok_start, t.end, side="left"))
    while a < b and ps.is_sentinel(a):
        a += 1
    while b > a and ps.is_sentinel(b - 1):
        b -= 1
    return a, b


def _fit_end(
    toks: list[QToken], ps: PreparedSource, rng: tuple[int, int], th: Thresholds
) -> tuple[int, WordDiff] | None:
    """The cheapest diff of ``toks`` against a passage ending where turn ``rng`` ends."""
    best: tuple[int, WordDiff] | None = None
    for extra in range(4):
        a = rng[1] - len(toks) - extra
        if a < rng[0]:
            break
        wd = word_diff(toks, ps, a, rng[1], th, WORD_RULES)
        if best is None or wd.cost < best[1].cost:
            best = (a, wd)
    return best


def _fit_start(
    toks: list[QToken], ps: PreparedSource, rng: tuple[int, int], th: Thresholds
) -> tuple[int, WordDiff] | None:
    """The cheapest diff of ``toks`` against a passage starting where turn ``rng`` starts."""
    best: tuple[int, WordDiff] | None = None
    for extra in range(4):
        b = rng[0] + len(toks) + extra
        if b > rng[1]:
            break
        wd = word_diff(toks, ps, rng[0], b, th, WORD_RULES)
        if best is None or wd.cost < best[1].cost:
            best = (b, wd)
    return best


def _try_interjection(
    toks: list[QToken], best: _Placement, quote: Quote, ps: PreparedSource, idx: int, th: Thresholds
) -> _SourceVerdict | None:
    """The quote as one sentence of a speaker run on across a brief interjection.

    The best passage stands at the end of a turn A (or the start of a turn C);
    if A, a short turn B of someone else and C (A's speaker again) follow each
    other, the quote is split where A ends and each side is diffed against
    its turn.  Both sides passing: the quote is one passage (see
    ``_interjection``), minor at worst, with a note naming B.
    """
    turn = ps.turn_at(best.a)
    if turn is None:
        return None
    k = ps.turn_index(best.a)  # the turn's place without a scan of every turn
    for first in (k, k - 2):
        if first < 0 or first + 2 >= len(ps.turns):
            continue
        a_rng, b_rng, c_rng = (_turn_tokens(ps, first + j) for j in range(3))
        # Only a passage that reaches the end of A (or starts C) can run on
        # across B: the split search (a few diffs per split) is for those.
        if (first == k and best.b < a_rng[1] - 3) or (first != k and best.a > c_rng[0] + 3):
            continue
        labels = [ps.turns[first + j].label for j in range(3)]
        if not _interjection.is_interjection(
            labels[0], labels[1], labels[2], b_rng[1] - b_rng[0], th.interjection_max_words
        ):
            continue
        n = len(toks)
        found: tuple[float, int, WordDiff, WordDiff, int, int] | None = None
        for split in range(1, n):
            left_fit = _fit_end(toks[:split], ps, a_rng, th)
            right_fit = _fit_start(toks[split:], ps, c_rng, th)
            if left_fit is None or right_fit is None:
                continue
            x0, left = left_fit
            y1, right = right_fit
            cost = left.cost + right.cost
            if found is None or cost < found[0]:
                found = (cost, split, left, right, x0, y1)
        if found is None:
            continue
        _, split, left, right, x0, y1 = found
        verdicts = [
            _word_verdict(_police(left, th, ps, x0), split, th),
            _word_verdict(_police(right, th, ps, c_rng[0]), n - split, th),
        ]
        if "not_found" in verdicts or "diverged" in verdicts:
            continue
        words = " ".join(source_word(ps, i) for i in range(*b_rng))
        ops = [
            *left.ops,
            DiffOp("delete", "", words, ("interjection",), "", source_shown(ps, *b_rng)),
            *right.ops,
        ]
        pm_left = _Placement(x0, a_rng[1], left, False)
        pm_right = _Placement(c_rng[0], y1, right, False)
        for p in (pm_left, pm_right):
            _speaker_check(p, quote, ps)
        note = Note("interjection", _interjection.interjection_note(labels[1], words))
        score = round(100.0 * (1.0 - (left.cost + right.cost) / max(n, 1)), 1)
        return _judged("minor", max(0.0, score), ops, [note], [pm_left, pm_right], quote, ps, idx)
    return None


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


def _close_paraphrase(
    toks: list[QToken], pm: _Placement, ps: PreparedSource, th: Thresholds
) -> bool:
    """Is the quote a close paraphrase of the passage ``pm`` (see ``_paraphrase``)?

    In another speaker's turn too: the policy's words found in the turn of
    another identified person are ``misattributed`` (``_judged`` decides),
    with the passage shown, whether printed word for word or paraphrased (a
    reporter's question printed as the press secretary's words).  Not words
    the turn's speaker quotes: those are judged as quoted words elsewhere.
    """
    if pm.quoted:
        return False
    # The passage the alignment chose, grown by the quote's length on either
    # side: edlib may have fitted only part of the paraphrase.
    grow = len(toks) // 2 + 2
    a, b = max(0, pm.a - grow), min(ps.n_tokens, pm.b + grow)
    if ps.has_barrier(a, pm.a):
        a = pm.a
    if ps.has_barrier(pm.b, b):
        b = pm.b
    qk = _paraphrase.content_keys([t.key for t in toks])
    sk = _paraphrase.content_keys([ps.key(i) for i in range(a, b)])
    return _paraphrase.close_paraphrase(
        qk, sk, min_share=th.paraphrase_min_share, min_words=th.paraphrase_min_words
    )


def _judged(
    verdict: Verdict,
    score: float,
    ops: list[DiffOp],
    notes: list[Note],
    pms: list[_Placement],
    quote: Quote,
    ps: PreparedSource,
    idx: int,
) -> _SourceVerdict:
    """The words' ``verdict`` with the diff's notes, or "misattributed" when
    a passage is someone else's turn or a quotation within the speaker's."""
    notes.extend(_diff_notes(ops, _edge_numbers(pms, ps)))
    notes.extend(p.speaker_note for p in pms if p.speaker_note)
    notes.extend(p.mapped for p in pms if p.mapped and p.label_ok)
    unmapped = _unmapped_label(pms, quote, ps)
    if unmapped is not None:
        notes.insert(0, unmapped)
        notes.append(Note("unmapped", f"the words themselves: {verdict}"))
        return _SourceVerdict("unverifiable", score, _make_match(ps, idx, pms, score), ops, notes)
    mis = _misattribution(pms, quote)
    if mis is not None:
        notes.insert(0, Note("misattributed", mis))
        notes.append(Note("misattributed", f"the words themselves: {verdict}"))
        verdict = "misattributed"
    return _SourceVerdict(verdict, score, _make_match(ps, idx, pms, score), ops, notes)


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
    return None


def _short_sentence_run(span: tuple[int, int], toks: list[QToken], th: Thresholds) -> bool:
    """Is ``span`` a whole sentence of the quote, too short for ``_stitch_run_ok``?

    "It's a terrorist organization." in "It's a terrorist organization. We'd
    like to see this investigated.": it starts the quote or follows a
    sentence end, and ends the quote or a sentence.
    """
    i, j = span
    n = len(toks)
    if not (th.stitch_min_sentence_words <= j - i < th.stitch_min_run_words) or j - i >= n:
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
    found = [(k, p) for k, p in enumerate(chosen) if p is not None]
    if not found:
        return _SourceVerdict("not_found", 0.0, notes=[_NO_PASSAGE])
    ops: list[DiffOp] = []
    notes: list[Note] = []
    cost = 0.0
    s_len = 0
    verdicts: list[Verdict] = []
    stitched = False
    prev: _Placement | None = None
    for k, pm in enumerate(chosen):
        toks = parts[k]
        if pm is None:
            ops.append(DiffOp("insert", " ".join(t.core for t in toks), "", (), quote_shown(toks)))
            cost += len(toks)
            verdicts.append("not_found")
            continue
        if prev is not None:
            gap = pm.a - prev.b
            barrier = gap > 0 and ps.has_barrier(prev.b, pm.a)
            if gap < 0:
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
            elif marked and gap <= th.elision_max_words and not barrier:
                # The policy's "elided": a marked omission inside one passage;
                # the report prints the omitted words in full (at most 60).
                o0, o1 = ps.orig_span(prev.b, pm.a) if gap > 0 else (0, 0)
                omitted = " ".join(ps.source.text[o0:o1].split())
                cores = [ps.core(x) for x in range(prev.b, pm.a)]
                puncts = [source_punct(ps, x) for x in range(prev.b, pm.a)]
                flags = ["ellipsis"]
                reversing = _elision.reversing_words(cores, puncts)
                if reversing:
                    flags.append("negation")
                ops.append(DiffOp("delete", "", omitted, tuple(flags)))
                if gap:
                    notes.append(Note("elision", _elision.omission_note(gap, omitted)))
                if reversing:
                    words = ", ".join(f"'{w}'" for w in dict.fromkeys(reversing))
                    notes.append(
                        Note(
                            "negation",
                            f"negation dropped: the omitted words hold {words}, "
                            "which can reverse what is kept",
                        )
                    )
                    verdicts.append("diverged")
                elif gap:
                    verdicts.append("elided")
            elif not marked and gap < th.stitch_min_distance and not barrier:
                # Close by: an omission within one passage, not a stitch.
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
                notes.append(
                    Note(
                        "stitch",
                        f"joins passages {where}, "
                        + ("marked by an ellipsis" if marked else "not marked by an ellipsis"),
                    )
                )
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
        prev = pm
    score = max(0.0, round(100.0 * (1.0 - cost / max(n, s_len, 1)), 1))
    pms = [p for p in chosen if p is not None]
    worst = max(verdicts, key=lambda v: _RANK[v])
    if worst == "not_found":
        found_words = sum(
            len(parts[k])
            for k, p in enumerate(chosen)
            if p is not None and verdicts[k] != "not_found"
        )
        for k, v in enumerate(verdicts):
            if v == "not_found":
                words = " ".join(t.core for t in parts[k])
                notes.append(Note("nearest", f"part {k + 1} ('{words}') is not in the source"))
        if found_words * 2 < n:
            return _SourceVerdict("not_found", score, _make_match(ps, idx, pms, score), ops, notes)
        worst = "diverged"
    return _judged("stitched" if stitched else worst, score, ops, notes, pms, quote, ps, idx)
