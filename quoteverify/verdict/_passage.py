"""The choice of passage: where a run of quote words may stand in one source,
the diff of each place with the policy's word rules applied (``_police``), which
place is the speaker's, and the verdict its words alone earn.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from quoteverify.align import (
    Differ,
    Passage,
    PreparedSource,
    QToken,
    WordDiff,
    find_candidates,
    lookup,
    quote_trigrams,
    shares_trigram,
    source_punct,
    source_word,
    tight_diff,
    word_diff,
)
from quoteverify.models import VERDICT_ORDER, DiffOp, Match, Note, Quote, Verdict
from quoteverify.thresholds import DEFAULT, Thresholds
from quoteverify.verdict import (
    _brackets,
    _disfluency,
    _numbers,
    _paraphrase,
    _speakers,
    _spelling,
    _transcriber,
    _whole_sentence,
)
from quoteverify.verdict._whose import _label_ok, _not_a_questioner
from quoteverify.verdict._words import MINOR_FLAGS, WORD_RULES

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
    # What the placement's own making says (a part run on across interjections).
    extra_notes: list[Note] = field(default_factory=list)

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
        turn.label, _not_a_questioner(quote, ps)
    ):
        pm.label_ok = None
        pm.speaker_note = Note("question-turn", _speakers.question_note())
    elif pm.quoted and pm.label_ok is True:
        pm.speaker_note = Note("quoted-within", _speakers.quoted_within_note(turn.label, own=True))
    elif pm.quoted and _speakers.quoting_turn(turn.label, pm.label_ok, _unquoted_ends(pm, ps)):
        pm.label_ok = None
        pm.speaker_note = Note("quoted-within", _speakers.quoted_within_note(turn.label, own=False))
    if pm.speaker_note is not None:
        # Settled here: the quotation marks no longer make it someone else's.
        pm.quoted = False


def _unquoted_ends(pm: _Placement, ps: PreparedSource) -> int:
    """The words the quote shares with the passage (equal, or minor) that
    stand outside the turn's quotation marks before or after the quoted
    words (``PreparedSource.unquoted_ends``): the quoting speaker's own
    words, credited with the quoted ones.  A changed word there is a change
    of wording, not the speaker's word: Psaki's "Cruz said, quote," in place
    of an added sentence (briefing of 2022-02-01, wh-fresh2 ``wg0068``)."""
    a = b = None
    t = pm.a
    for o, n in zip(pm.wd.ops, op_tokens(ps, pm.a, pm.wd.ops), strict=True):
        if n and (o.op == "equal" or (o.flags and set(o.flags) <= MINOR_FLAGS)):
            a = t if a is None else a
            b = t + n
        t += n
    return 0 if a is None or b is None else ps.unquoted_ends(a, b)


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
            a, b, wd = _over_transcriber_words(toks, ps, a, b, _police(wd, th, ps, a), th)
            out.append(_Placement(a, b, wd, False))
            if len(taken) >= _MAX_CANDIDATES:
                break
    for pm in out:
        _speaker_check(pm, quote, ps)
    out.sort(key=lambda p: (-p.score, p.a))
    return out


def _police(
    wd: WordDiff,
    th: Thresholds,
    ps: PreparedSource,
    a: int,
    *,
    anchored: bool = False,
    then: Sequence[str] = (),
    prior: Sequence[str] = (),
) -> WordDiff:
    """``wd`` with the policy's word rules applied to the alignment's flags.

    The alignment calls a one-letter change a "spelling" and an apostrophe
    moved "punctuation"; the policy says a different dictionary word and an
    apostrophe that changes number or owner are changed words
    (``_spelling``).  Such ops lose their minor flag and cost a whole word.

    ``anchored``: the passage's ends are fixed by turns (one side of a brief
    interjection), so words dropped at its start are inside the sentence,
    not where the quote begins; ``then``: the quote's words that follow the
    passage across the interjection (a stutter may repeat them there);
    ``prior``: the quote's words before it, across the interjection (Biden's
    "And so we're not going — GOVERNOR PIERLUISI: Thank you. THE PRESIDENT: —
    We're not going to walk away", Hurricane Fiona remarks, 2022-09-22).
    """
    is_word: Callable[[str], bool] | None = None
    _transcriber_words(wd, ps, a)
    covered: list[int] | None = None
    for k, o in enumerate(wd.ops):
        if o.op == "replace" and o.flags == ("spelling",) and " " not in o.quote.strip():
            if " " in o.source.strip():
                continue
            if is_word is None:
                is_word = _spelling.english_lexicon(th.word_min_zipf)
            common = _spelling.common_word(th.word_min_zipf)
            other = _spelling.another_word(o.quote, o.source, is_word, common)
            if not other and _spelling.another_word(o.quote, o.source, is_word):
                # Only the name rule let it pass: is the source's capital a name's?
                if covered is None:
                    covered = op_tokens(ps, a, wd.ops)
                other = not _capital_of_a_name(ps, a + sum(covered[:k]), o.source)
            if other:
                wd.ops[k] = replace(o, flags=("word",))
                wd.cost += 1.0 - th.minor_word_cost
        elif o.op in ("delete", "insert") and _numbers.dollar_word_for_sign(wd.ops, k):
            wd.ops[k] = replace(o, flags=("spelling",))
            wd.cost -= 1.0 - th.minor_word_cost
        elif o.op == "delete" and set(o.flags) <= _SAID_AGAIN and (k > 0 or anchored):
            # Only inside the passage (k > 0): a dropped word at its start is
            # just where the quote begins.  A number, negation or modal counts
            # too: each rule below keeps only words the speaker says again.
            if covered is None:
                # Once per diff: the loop changes only flags, never what an op covers.
                covered = op_tokens(ps, a, wd.ops)
            last = a + sum(covered[: k + 1]) - 1
            if any(
                _disfluency.only_fillers(dropped)
                or _disfluency.is_repetition(dropped, before, after)
                or _restarted(dropped, after, last + shift, ps, th)
                for shift, dropped, before, after in dropped_slides(wd.ops, k, then, prior)
            ):
                wd.ops[k] = replace(o, flags=("disfluency",))
                wd.cost -= len(o.source.split()) * (1.0 - th.minor_word_cost)
        elif o.op == "insert" and "bracket" in o.flags:
            before = _sentence_before(wd.ops, k)
            after = " ".join(x.quote for x in wd.ops[k + 1 : k + 3] if x.quote).lower().split()
            if k > 0 and _brackets.bracket_repeats_word(o.quote.split(), before, after):
                wd.ops[k] = replace(o, flags=("word",))
            elif o.flags == ("bracket",) and _brackets.bracket_changes_claim(
                o.quote.split(), after
            ):
                wd.ops[k] = replace(o, flags=("bracket", "word"))
        elif (
            o.op == "replace"
            and o.flags == ("number",)
            and k + 1 < len(wd.ops)
            and wd.ops[k + 1].op == "equal"
            and _numbers.article_is_one(o.quote, o.source, wd.ops[k + 1].quote.split()[0])
        ):
            # "a trillion" / "1 trillion": one value (the policy's number format).
            wd.ops[k] = replace(o, flags=("spelling",))
            wd.cost -= 1.0 - th.minor_word_cost
        elif o.op == "replace" and o.flags == ("bracket",):
            before = _sentence_before(wd.ops, k)
            if _brackets.bracket_substitutes_word(o.quote.split(), o.source.split(), before):
                wd.ops[k] = replace(o, flags=("bracket", "word"))
        elif o.op == "equal" and "punctuation" in o.flags:
            qw, sw = o.quote.split(), o.source.split()
            # The lexicon only if a dropped apostrophe asks (importing wordfreq
            # costs ~0.14 s, and most punctuation changes are commas).
            lexicon = is_word or (lambda w: _spelling.english_lexicon(th.word_min_zipf)(w))
            if len(qw) == len(sw) and any(
                _spelling.apostrophe_changes_word(q, s)
                or _spelling.contraction_becomes_word(q, s, lexicon)
                for q, s in zip(qw, sw, strict=True)
            ):
                wd.ops[k] = replace(o, op="replace", flags=("apostrophe",))
                wd.cost += 1.0
    return wd


def _sentence_before(ops: Sequence[DiffOp], k: int) -> list[str]:
    """The quote's words before ``ops[k]`` in its sentence, as the bracket
    rules read them (``_brackets.sentence_words``)."""
    return _brackets.sentence_words(" ".join(x.shown_quote for x in ops[:k] if x.quote).split())


# Word classes a stutter may repeat: "There is nothing — nothing beyond our
# capacity" (Biden, 2023-08-29 and 2023-11-29) printed "There is nothing beyond
# our capacity" drops no negation, the speaker said it twice.
_SAID_AGAIN = frozenset({"number", "negation", "modal"})


def _over_transcriber_words(
    toks: list[QToken], ps: PreparedSource, a: int, b: int, wd: WordDiff, th: Thresholds
) -> tuple[int, int, WordDiff]:
    """The passage [a, b) grown over the transcriber's words just past its end,
    when the quote's last words are added there and pairing them costs less.

    The passage fit weighs a dropped source word as a whole word, so a quote
    that prints the transcriber's bracketed correction after a struck word
    ("We cannot blame House <s>Republicans</s> [Democrats]", a Gaetz quote
    Jean-Pierre read at her gaggle of 2023-09-26, printed "House Democrats")
    stops before them with "Democrats" added: struck and bracketed words are
    the transcriber's and may be printed or left out (``_transcriber_words``).
    Real cases: the wh-fresh quote above; "$615 <s>billion</s> [million] this
    year alone" and "One <s>billion</s> [trillion]" in Biden's remarks.
    """
    ops = wd.ops
    if not ops or ops[-1].op != "insert":
        return a, b, wd
    k = 0
    while k < 3 and b + k < ps.n_tokens and ps.bracketed_in(b + k, b + k + 1)[0]:
        k += 1
    if k == 0 or ps.has_barrier(b, b + k):
        return a, b, wd
    grown = _police(word_diff(toks, ps, a, b + k, th, WORD_RULES), th, ps, a)
    return (a, b + k, grown) if grown.cost < wd.cost else (a, b, wd)


def dropped_slides(
    ops: list[DiffOp], k: int, then: Sequence[str] = (), prior: Sequence[str] = ()
) -> list[tuple[int, list[str], list[str], list[str]]]:
    """Every place the words dropped by ``ops[k]`` may stand, as ``(shift,
    dropped, before, after)``: the diff's own (shift 0), then the same drop
    slid over the equal words around it.

    Where the dropped words repeat the words beside them, the diff puts the
    drop at one of several places that cost the same, and only some of them
    read as what the speaker did.  Biden's "what's a- — what's ahead of us"
    (Hurricane Milton remarks, 2024-10-08) printed "what's ahead of us" is
    diffed as "a what's" dropped, not "what's a" (a phrase broken off and said
    again); his "I know what it's like to be told.  I know what it's like to
    lose" (gun violence remarks, 2023-03-14) with the middle sentence left out
    is diffed as "be told. I know what it's like to" dropped, not the whole
    sentence.  ``before``/``after``: the quote's words on either side (a
    few, as the rules read them, and ``then``, the quote's words past the
    passage, after its last ops, and ``prior``, those before it, before its
    first ops); ``shift``: source words moved (negative:
    to the left).

    >>> ops = [DiffOp("equal", "on what's", "on what's"), DiffOp("delete", "", "a what's"),
    ...        DiffOp("equal", "ahead of us", "ahead of us")]
    >>> [(s, d) for s, d, _, _ in dropped_slides(ops, 1)]
    [(0, ['a', "what's"]), (-1, ["what's", 'a'])]
    """
    o = ops[k]
    dropped = o.source.split()
    # The quote's words on either side, over several ops: a word whose marks
    # differ ("in the — in the Vice President": the first "the" carries the
    # dash) is an op of its own, and the words before a stutter are split.
    prev = " ".join(x.quote for x in ops[max(0, k - 3) : k] if x.quote).split()
    if k <= 3:
        prev = [*prior, *prev]
    nxt = " ".join(x.quote for x in ops[k + 1 : k + 4] if x.quote).split()
    if k + 4 >= len(ops):
        nxt += then
    out = [(0, dropped, prev, nxt)]
    pe = _equal_words(ops[:k], backward=True)
    ne = _equal_words(ops[k + 1 :])
    bare = _disfluency.bare_words
    d = bare(dropped)
    for m in range(1, len(dropped) + 1):
        if m <= len(pe) and bare(pe[len(pe) - m :]) == d[len(d) - m :]:
            out.append(
                (
                    -m,
                    pe[len(pe) - m :] + dropped[: len(dropped) - m],
                    pe[: len(pe) - m],
                    dropped[len(dropped) - m :] + nxt,
                )
            )
        if m <= len(ne) and bare(ne[:m]) == d[:m]:
            out.append((m, dropped[m:] + ne[:m], prev + ne[:m], nxt[m:]))
    return out


def _equal_words(ops: Sequence[DiffOp], *, backward: bool = False) -> list[str]:
    """The quote words of the run of equal ops ``ops`` starts with (ends
    with, ``backward``), in order; a dozen ops at most.

    >>> ops = [DiffOp("insert", "x", ""), DiffOp("equal", "has confidence in", "has confidence in"),
    ...        DiffOp("equal", "the", "the")]
    >>> _equal_words(ops, backward=True), _equal_words(ops[1:])
    (['has', 'confidence', 'in', 'the'], ['has', 'confidence', 'in', 'the'])
    """
    run: list[DiffOp] = []
    for x in reversed(ops) if backward else ops:
        if x.op != "equal" or len(run) >= 12:
            break
        run.append(x)
    if backward:
        run.reverse()
    return " ".join(x.quote for x in run).split()


def _restarted(
    dropped: list[str], after: list[str], last: int, ps: PreparedSource, th: Thresholds
) -> bool:
    """Are the ``dropped`` words, the last of them source token ``last``, a
    stutter the speaker broke off and restarted (``_disfluency``: a cut-off
    word, a slip said again, a phrase said again)?  The source's marks after
    them say whether they were broken off; ``after``: the quote's next words."""
    if not 0 <= last < ps.n_tokens - 1:
        return False
    punct = source_punct(ps, last)
    end = int(ps.tok_end[last])
    glued = ps.norm.text[end : end + 1] == "-"
    broken = "-" in punct
    if not broken:
        return False
    if _disfluency.is_cut_off_word(dropped, glued, after):
        return True
    if _disfluency.is_word_begun_again(dropped, broken, after):
        return True
    if _disfluency.is_restarted_phrase(dropped, broken, after, cut_off=glued):
        return True
    is_word = _spelling.english_lexicon(th.word_min_zipf)
    return _disfluency.is_misspoken_word(
        dropped,
        broken,
        after,
        lambda x, y: _spelling.spelling_variant(x, y, th),
        is_word,
    )


def _capital_of_a_name(ps: PreparedSource, i: int, word: str) -> bool:
    """Is the capital of source token ``i`` (``word``) a name's, not a sentence's?

    The spelling rule lets a rare dictionary word printed for a name pass as a
    misspelt name ("Bidden" for "Biden").  But transcripts capitalise every
    sentence's first word: "persecuting" printed for a sentence-opening
    "Prosecuting", "dispersed" for "Disbursed", is another word, not a name
    misspelt.  A word that opens a sentence (after a full stop, a question or
    exclamation mark, a colon such as a speaker's label, or at the start) is a
    name only when the source also prints it capitalised inside a sentence.

    Real text: Jake Sullivan's remarks on the National Security Strategy,
    2022-10-13 ("…regional aggression. Putin is making reckless nuclear threats.
    Willfully violating the UN Charter. … the threats that President Putin is
    making"), and President Biden's of 2021-10-15 ("Dr. Biden has an expression").

    >>> from quoteverify.align import prepare_source
    >>> from quoteverify.models import Source
    >>> text = ("regional aggression. Putin is making reckless nuclear threats. Willfully "
    ...         "violating the UN Charter. We take the threats that President Putin is making. "
    ...         "Jill has my community college — Dr. Biden has an expression")
    >>> ps = prepare_source(Source("s", "ok", text))
    >>> caps = [(i, k) for i, k in enumerate(ps.keys) if k in ("putin", "willfully", "biden")]
    >>> [(k, _capital_of_a_name(ps, i, k.title())) for i, k in caps]
    [('putin', True), ('willfully', False), ('putin', True), ('biden', True)]
    >>> _capital_of_a_name(ps, caps[0][0], "putin")  # not capitalised: no name
    False
    """
    if not word.strip(_EDGE)[:1].isupper():
        return False
    if not 0 <= i < ps.n_tokens:
        return True  # no place to read: the name rule as before
    text = ps.norm.text
    j = int(ps.tok_start[i]) - 1
    while j >= 0 and (text[j].isspace() or text[j] in _OPENERS):
        j -= 1
    if j >= 0 and text[j] not in _SENTENCE_ENDS:
        return True
    if j >= 1 and text[j] == ".":
        # A title's or an initial's full stop ends no sentence: "Dr. Biden",
        # "Larry L. Taylor".
        b = j
        while b > 0 and text[b - 1].isalpha():
            b -= 1
        before = text[b:j]
        if before in _TITLES or (len(before) == 1 and before.isupper()):
            return True
    core = word.strip(_EDGE)
    # One search of the whole text per word and source (a 16 MB source: ~0.1 s).
    key = ("capitalised inside a sentence", core)
    got = ps.memo.get(key)
    if got is None:
        got = ps.memo[key] = re.search(r"[a-z0-9,;]\s+" + re.escape(core) + r"\b", text) is not None
    return bool(got)


# Abbreviated titles before a name (their full stop ends no sentence).
_TITLES = frozenset(
    "Mr Mrs Ms Dr St Sen Rep Gov Gen Lt Col Sgt Capt Adm Cmdr Maj Prof Rev Hon Amb Jr Sr".split()
)
# A sentence's end before a word, and what may stand between them.
_SENTENCE_ENDS = ".?!:"
_OPENERS = "\"'“‘([—-"
_EDGE = ".,;:!?\"'“”‘’"


def op_tokens(ps: PreparedSource, a: int, ops: list[DiffOp]) -> list[int]:
    """How many source tokens each op of a diff of the passage from token
    ``a`` covers.

    One per source word, except where the passage crosses a turn: the barrier
    token there prints as its speaker label, "THE VICE PRESIDENT:" (three
    words, one token).  Counting words there put every later op's tokens
    off by the label's extra words, past the end of a short source: Harris's
    "one, Donald Trump's, that is focused on the past — AUDIENCE: Booo —
    THE VICE PRESIDENT: — and the other" (Oakland County, 2024-10-18) and
    Jean-Pierre's "White House officials — Q Can you — MS. JEAN-PIERRE: — that
    are" (gaggle of 2024-02-01), each diffed as one passage, raised an
    IndexError when the transcript ended a few words later.
    """
    words = [len(o.source.split()) if o.source else 0 for o in ops]
    if not ps.has_barrier(a, min(ps.n_tokens, a + sum(words))):
        return words
    out: list[int] = []
    t = a
    for want in words:
        start = t
        while want > 0 and t < ps.n_tokens:
            want -= max(1, len(source_word(ps, t).split()))
            t += 1
        out.append(t - start)
    return out


def _transcriber_words(wd: WordDiff, ps: PreparedSource, a: int) -> None:
    """The policy's "Words the transcriber added": the source's [bracketed]
    words may be printed or left out (minor, flag "transcriber"); words a
    quote supplies where the source says [inaudible] stay a change, flagged
    "inaudible" so the note can say why.  ``a``: the passage's first token."""
    i = a
    covered = op_tokens(ps, a, wd.ops)
    # Asked once of the whole passage: most hold no bracketed word, and then
    # none of their ops does (the question was a search per op).
    any_bracketed = any(ps.bracketed_in(a, a + sum(covered)))
    for k, (o, n_src) in enumerate(zip(wd.ops, covered, strict=True)):
        if o.op in ("equal", "delete") and n_src and not (set(o.flags) - MINOR_FLAGS):
            inside = ps.bracketed_in(i, i + n_src) if any_bracketed else [False]
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
    # One passage around every growth tried, read once (``Differ``).
    grow = n + 3
    around = Passage(ps, max(0, pm.a - grow), min(ps.n_tokens, pm.b + grow))
    differ = Differ(toks, ps, th, WORD_RULES, passage=around)
    for side in ("start", "end"):
        op = best.wd.ops[0] if side == "start" else best.wd.ops[-1]
        if op.op != "insert":
            continue
        a0, b0 = best.a, best.b
        for k in range(1, len(op.quote.split()) + 4):
            a, b = (a0 - k, b0) if side == "start" else (a0, b0 + k)
            if a < 0 or b > ps.n_tokens or ps.has_barrier(a, b):
                break
            plan = differ.plan(a, b)
            if differ.matched_words(plan) < best.wd.matched_words:
                # _police only unpairs words (a spelling that is another
                # word, an apostrophe that changes it): this growth cannot win.
                continue
            wd = _police(differ.write(plan), th, ps, a)
            if (wd.matched_words, wd.score) > (best.wd.matched_words, best.wd.score):
                best = _Placement(a, b, wd, False)
    if best is not pm:
        _speaker_check(best, quote, ps)
    return best


def _from_sentence_start(
    toks: list[QToken], pm: _Placement, quote: Quote, ps: PreparedSource, th: Thresholds
) -> _Placement:
    """``pm`` started instead at a sentence start among its first words, if the
    policed diff from there has fewer changes; else ``pm``.

    A quote that opens with a contraction written out pairs its first word
    with the same word at the end of the sentence before, where the cheapest
    fit starts: Trump's "We are going to go visit the site" for "So, here we
    are.  We’re going to go visit the site" (Asheville, 2025-01-24) and
    Biden's "They are staying home" for "So what are they doing?  They’re
    staying home" (2021-11-10) read as "are" → "doing? They’re", diverged;
    from the sentence start, "They are" → "They’re" is a contraction, minor.
    """
    ops = pm.wd.ops
    if not ops or ops[0].op != "equal":
        return pm
    best = pm
    for a in range(pm.a + 1, min(pm.a + 4, pm.b)):
        if not _sentence_starts_at(ps, a) or ps.has_barrier(a, pm.b):
            continue
        wd = _police(word_diff(toks, ps, a, pm.b, th, WORD_RULES), th, ps, a)
        if (len(wd.changed), wd.cost) < (len(best.wd.changed), best.wd.cost):
            best = _Placement(a, pm.b, wd, False)
    if best is not pm:
        _speaker_check(best, quote, ps)
    return best


def _sentence_starts_at(ps: PreparedSource, i: int) -> bool:
    """Does source token ``i`` start a sentence (the token before ends one)?"""
    j = i - 1
    if j < 0 or ps.is_sentinel(j):
        return True
    return _whole_sentence.ends_sentence(ps.core(j), source_punct(ps, j), ps.core(i))


def _grow_unpaired_ends(
    toks: list[QToken], pm: _Placement, quote: Quote, ps: PreparedSource, th: Thresholds
) -> _Placement:
    """``pm`` grown at an end where quote words stay unpaired, if the policed
    diff of the grown passage has fewer changes; else ``pm``.

    The alignment prices a stutter the quote leaves out like any dropped word,
    so for Trump's "FEMA has turned out to be a — a disaster" printed as "…
    to be a disaster" a passage ending at the first "a" (with "disaster"
    unpaired) ties with the whole one (with "a" dropped), and the shorter
    wins; only the verdict side (``_police``) knows the dropped "a" is a
    stutter, minor.  Likewise a contraction opening the quote ("We've been
    very clear" for "We have been very clear"): one quote word against two
    source words costs what leaving it unpaired costs.

    A restart inside the passage shortens the fit further: the quote words
    left unpaired inside it are to be reached as well as the restart's words.
    Psaki's reading of Senator Scott, "The key for us is to [making] — is to
    keep making progress" (briefing of 2021-05-20), printed "The key for us
    is to keep making progress", fit "The key for us is to [making]" with
    "keep" and "progress" unpaired, five words short of the whole passage.
    So the passage grows by every unpaired quote word plus a restart of up
    to three words.
    """
    ops = pm.wd.ops
    if not ops:
        return pm
    best = pm
    # Quote words unpaired anywhere in the fit, not only at the end grown.
    loose = sum(len(o.quote.split()) for o in ops if o.op == "insert")
    for side in ("start", "end"):
        op = ops[0] if side == "start" else ops[-1]
        if op.op != "insert":
            continue
        for k in range(1, max(len(op.quote.split()) + 3, loose + 4)):
            a, b = (pm.a - k, pm.b) if side == "start" else (pm.a, pm.b + k)
            if a < 0 or b > ps.n_tokens or ps.has_barrier(a, b):
                break
            wd = _police(word_diff(toks, ps, a, b, th, WORD_RULES), th, ps, a)
            if (len(wd.changed), wd.cost) < (len(best.wd.changed), best.wd.cost):
                best = _Placement(a, b, wd, False)
    if best is not pm:
        _speaker_check(best, quote, ps)
    return best


def _small_word_shift(
    toks: list[QToken], pms: list[_Placement], quote: Quote, ps: PreparedSource, th: Thresholds
) -> _Placement | None:
    """The passage a short quote shifts one small word of (``_paraphrase.small_word_shift``).

    Each candidate grown by the quote words left unpaired at its ends (so
    that "She" pairs with the "She’s" the fit left out), then as fitted; the
    speaker's own turns first, never another identified person's.
    """
    if len(toks) < 2:
        return None
    qc = _paraphrase.content_keys([t.key for t in toks])
    if not qc:
        return None
    # The speaker's own sentence shifted: another person's words with a small
    # word changed are not evidence of what this speaker said.
    order = sorted(
        (p for p in pms[:_MAX_CANDIDATES] if p.label_ok is not False),
        key=lambda p: p.label_ok is not True,
    )
    for pm in order:
        for a, b in reversed(_unpaired_windows(pm, ps)):
            if (a, b) == (pm.a, pm.b):
                wd = pm.wd
            else:
                wd = _police(word_diff(toks, ps, a, b, th, WORD_RULES), th, ps, a)
            changed = wd.changed
            if len(changed) != 1:
                continue
            o = changed[0]
            sc = _paraphrase.content_keys([ps.key(i) for i in range(a, b)])
            if _paraphrase.small_word_shift(o.quote.split(), o.source.split(), qc, sc):
                found = pm if wd is pm.wd else _Placement(a, b, wd, False)
                if found is not pm:
                    _speaker_check(found, quote, ps)
                return found
    return None


def _unpaired_windows(pm: _Placement, ps: PreparedSource) -> list[tuple[int, int]]:
    """``pm``'s span, and that span grown by the quote words unpaired at each end."""
    ops = pm.wd.ops
    out = [(pm.a, pm.b)]
    if not ops:
        return out
    k0 = len(ops[0].quote.split()) if ops[0].op == "insert" else 0
    k1 = len(ops[-1].quote.split()) if ops[-1].op == "insert" and len(ops) > 1 else 0
    a, b = max(0, pm.a - k0), min(ps.n_tokens, pm.b + k1)
    if (a, b) != (pm.a, pm.b) and not ps.has_barrier(a, b):
        out.append((a, b))
    return out


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
