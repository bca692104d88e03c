"""The word diff between a quote (part) and a source passage, with flags."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from quoteverify.align._index import SENTINEL_ID
from quoteverify.align._opcodes import Opcode, index_of, opcodes
from quoteverify.align._tokens import (
    QToken,
    dash_style,
    spaced_dash,
    trailing_punct,
)
from quoteverify.models import DiffOp

if TYPE_CHECKING:
    from quoteverify.align import PreparedSource
    from quoteverify.thresholds import Thresholds

# The policy's word rules (what a replaced word is: a spelling, a contraction,
# a changed number...) live on the verdict side (quoteverify/verdict/_words.py):
# this module only pairs words and describes what it sees (case, punctuation,
# brackets, moves).  The caller passes the rules in.
ReplaceRule = Callable[[Sequence[QToken], Sequence[str], str, "Thresholds"], tuple[str, ...]]


@dataclass(frozen=True)
class WordRules:
    """The word rules a diff applies, supplied by the verdict policy.

    ``replace(quote_tokens, source_words, prev_punct, th)``: the flags of a
    replaced stretch (``()``: changed words); ``prev_punct`` is the
    punctuation after the source word before the stretch.  ``added(words)``:
    the flags of words only one side has.  ``minor``: the flags that leave a
    word minor (what ``WordDiff.changed`` / ``matched_words`` count).  A
    replacement flagged exactly ``("spelling",)`` costs ``minor_word_cost``,
    one holding "contraction" one word: the passage fit uses these costs.
    """

    replace: ReplaceRule
    added: Callable[[Sequence[str]], tuple[str, ...]]
    minor: frozenset[str]


@dataclass
class WordDiff:
    ops: list[DiffOp] = field(default_factory=list)
    cost: float = 0.0
    q_len: int = 0
    s_len: int = 0
    longest_run: int = 0  # longest run of equal words
    leading_equal: int = 0  # equal words at the very start of the quote
    trailing_equal: int = 0
    minor_flags: frozenset[str] = frozenset()  # the rules' minor flags (WordRules.minor)

    @property
    def score(self) -> float:
        denom = max(self.q_len, self.s_len, 1)
        return max(0.0, round(100.0 * (1.0 - self.cost / denom), 1))

    @property
    def changed(self) -> list[DiffOp]:
        return [o for o in self.ops if o.op != "equal" and not self.is_minor(o)]

    def is_minor(self, o: DiffOp) -> bool:
        """Does ``o`` carry only the rules' minor flags?"""
        return bool(o.flags) and set(o.flags) <= self.minor_flags

    @property
    def matched_words(self) -> int:
        """Quote words paired with the same source word (equal, or a minor variant)."""
        return sum(
            len(o.quote.split())
            for o in self.ops
            if o.op == "equal" or (o.quote and self.is_minor(o))
        )

    @property
    def minor(self) -> list[DiffOp]:
        return [o for o in self.ops if o.flags and set(o.flags) <= self.minor_flags]


def source_word(ps: PreparedSource, i: int) -> str:
    """A source token as it stands in the source (original characters)."""
    s, e = ps.norm.orig_span(int(ps.tok_start[i]), int(ps.tok_end[i]))
    return ps.source.text[s:e]


def source_shown(ps: PreparedSource, i: int, j: int) -> str:
    """Source tokens [i, j) as the source writes them, with their attached
    marks ("$1.8", "billion,", "well-known"): what a report prints.

    The stretch from the first word to the last, widened at its two ends as
    ``attach_spans`` says, read through the offset map with its spaces
    collapsed; a speaker label or stage direction blanked inside it (the
    masked text) is never printed.
    """
    if j <= i:
        return ""
    masked = ps.masked
    s = int(ps.tok_start[i])
    e = int(ps.tok_end[j - 1])
    prev_end = int(ps.tok_end[i - 1]) if i > 0 else 0
    nxt = int(ps.tok_start[j]) if j < ps.n_tokens else len(masked)
    p = s
    while p > prev_end and not masked[p - 1].isspace() and masked[p - 1] != '"':
        p -= 1
    if i > 0 and p == prev_end:
        p = s  # glued to the word before: those marks are its own
    q = e
    while q < nxt and not masked[q].isspace() and masked[q] != '"':
        q += 1
    a, b = ps.norm.orig_span(p, q)
    text = ps.norm.text
    if masked[p:q] == text[p:q]:
        return " ".join(ps.source.text[a:b].split())
    # A label or stage direction blanked inside: only the unblanked runs.
    runs: list[str] = []
    k = p
    while k < q:
        if masked[k] != text[k]:
            k += 1
            continue
        r = k
        while k < q and masked[k] == text[k]:
            k += 1
        x, y = ps.norm.orig_span(r, k)
        runs.append(ps.source.text[x:y])
    return " ".join(" ".join(runs).split())


def quote_shown(toks: Sequence[QToken]) -> str:
    """Quote tokens [first, last] as the article writes them: one slice of
    the article's text (``QToken.wstart``/``wend``), its spaces collapsed."""
    if not toks or not toks[0].written:
        return " ".join(t.core for t in toks)
    return " ".join(toks[0].written[toks[0].wstart : toks[-1].wend].split())


class Passage:
    """Keys, surfaces and original words of source tokens [a, b), read in bulk.

    A diff touches every word of its passage several times (keys, cores,
    original words) and ``tight_diff`` diffs overlapping sub-ranges; reading
    them once with numpy slices instead of per-token numpy scalar lookups is
    most of the diff's speed.
    """

    __slots__ = ("ps", "a", "b", "keys", "cores", "words", "puncts")

    def __init__(self, ps: PreparedSource, a: int, b: int) -> None:
        self.ps = ps
        self.a = a
        self.b = b
        self.keys = ps.keys[a:b]
        ts = ps.tok_start[a:b]
        te = ps.tok_end[a:b]
        norm = ps.norm
        text = norm.text
        tsl, tel = ts.tolist(), te.tolist()
        self.cores = [text[s:e] for s, e in zip(tsl, tel, strict=True)]
        src = ps.source.text
        delta = norm.copy_delta(tsl[0], tel[-1]) if b > a else None
        if delta is not None:
            # The passage lies in one stretch copied character for character
            # (most passages): original offsets are the normalised ones
            # shifted, read without the offset map's array work.
            self.words = [src[s + delta : e + delta] for s, e in zip(tsl, tel, strict=True)]
        else:
            os_ = norm.starts_at(ts).tolist()
            oe = norm.ends_at(te - 1).tolist() if b > a else []
            self.words = [src[s:e] for s, e in zip(os_, oe, strict=True)]
        # Trailing punctuation as the equal-word check compares it (brackets
        # stripped), read once per passage rather than once per diff.
        masked = ps.masked
        lim = len(masked)
        # Most words are followed by one space and a word: no punctuation,
        # read without the two scans.
        self.puncts = [
            ""
            if masked[e : e + 1] == " " and masked[e + 1 : e + 2] not in _NOT_PLAIN
            else dash_style(trailing_punct(masked, e, lim).strip("()[]"))
            or spaced_dash(masked, e, lim)
            for e in tel
        ]


# After a word and one space, what may still start punctuation (a spaced
# dash, more spaces) or end the text ("").
_NOT_PLAIN = frozenset(("", " ", "-"))


def source_punct(ps: PreparedSource, i: int) -> str:
    """The punctuation between source token ``i`` and the next ("" if none).

    Unlike ``_punct_before`` this keeps a spaced dash ("wasn't — they"),
    which marks a broken-off false start.
    """
    if i + 1 >= ps.n_tokens:
        return "."
    text = ps.norm.text
    between = text[int(ps.tok_end[i]) : int(ps.tok_start[i + 1])]
    return "".join(ch for ch in between if not ch.isspace() and ch not in "\"'()[]")


def _punct_before(ps: PreparedSource, i: int) -> str:
    """Trailing punctuation of source token ``i - 1`` ("." if there is none)."""
    if i <= 0:
        return "."
    e = int(ps.tok_end[i - 1])
    masked = ps.masked
    return trailing_punct(masked, e, len(masked)) if e < len(masked) else "."


def word_diff(
    qtoks: list[QToken],
    ps: PreparedSource,
    a: int,
    b: int,
    th: Thresholds,
    rules: WordRules,
    *,
    passage: Passage | None = None,
    b2j: dict[str, list[int]] | None = None,
) -> WordDiff:
    """Diff quote tokens against source tokens [a, b).

    ``passage`` (covering [a, b)) and ``b2j`` (``index_of`` the quote's
    keys) may be shared between diffs of one quote part: the result is the
    same, the per-word reads and the diff's index of the quote are done once.
    """
    differ = Differ(qtoks, ps, th, rules, passage=passage, b2j=b2j)
    return differ.diff(a, b)


# An op before its words are read: (tag, i1, i2, j1, j2, flags), source
# tokens [i1, i2) of the diffed passage and quote tokens [j1, j2).
_Spec = tuple[str, int, int, int, int, tuple[str, ...]]


class Plan(NamedTuple):
    """A diff decided but not yet written out: its ops' ranges and flags,
    its cost and longest equal run.  Choosing among candidate passages
    reads only these; the winner alone is written (``Differ.write``)."""

    a: int
    b: int
    specs: list[_Spec]
    cost: float
    longest_run: int

    def end_minor(self, k: int, minor: frozenset[str]) -> bool:
        """Is op ``k`` (0 or -1) flagged minor only (``WordDiff.is_minor``)?"""
        flags = self.specs[k][5]
        return bool(flags) and set(flags) <= minor


class Differ:
    """Word diffs of one quote part against passages of one source.

    A passage fit (``tight_diff``) diffs a dozen overlapping passages and
    keeps one: the quote's columns, its index and every stretch's flags are
    read once here, each candidate is only planned (ranges, flags, cost),
    and only the chosen one is written out with its words as printed.
    Planning and writing give what one full diff per passage gave.
    """

    __slots__ = (
        "qtoks", "ps", "th", "rules", "passage", "b2j", "qkeys", "qcores", "qpuncts",
        "lq", "_flags", "_searches", "_plans",
    )  # fmt: skip

    def __init__(
        self,
        qtoks: list[QToken],
        ps: PreparedSource,
        th: Thresholds,
        rules: WordRules,
        *,
        passage: Passage | None = None,
        b2j: dict[str, list[int]] | None = None,
    ) -> None:
        self.qtoks = qtoks
        self.ps = ps
        self.th = th
        self.rules = rules
        self.passage = passage
        self.qkeys = [t.key for t in qtoks]
        self.b2j = b2j
        self.qcores = [t.core for t in qtoks]
        self.qpuncts = [t.punct.strip("()[]") for t in qtoks]
        self.lq = len(qtoks)
        # Flags of a replaced, added or dropped stretch by its absolute
        # source and quote ranges: overlapping passages share most of them.
        self._flags: dict[tuple[object, ...], tuple[str, ...]] = {}
        # The diff's longest-match searches by their bounds in the passage.
        self._searches: dict[tuple[int, int, int, int], tuple[int, int, int]] = {}
        # A fit may come back to a passage it tried (extended, then trimmed).
        self._plans: dict[tuple[int, int], Plan] = {}

    def _passage_for(self, a: int, b: int) -> Passage:
        p = self.passage
        if p is None or not (p.a <= a and b <= p.b):
            p = self.passage = Passage(self.ps, a, b)
            self._searches = {}  # bounds in the old passage
        return p

    def diff(self, a: int, b: int) -> WordDiff:
        """The full diff against source tokens [a, b)."""
        return self.write(self.plan(a, b))

    def plan(self, a: int, b: int) -> Plan:
        """The diff against [a, b) without its words: ranges, flags, cost."""
        done = self._plans.get((a, b))
        if done is None:
            done = self._plans[a, b] = self._plan(a, b)
        return done

    def _plan(self, a: int, b: int) -> Plan:
        passage = self._passage_for(a, b)
        off = a - passage.a
        n = b - a
        skeys = passage.keys[off : off + n]
        cores = passage.cores[off : off + n]
        puncts = passage.puncts[off : off + n]
        lq = self.lq
        if lq == n and lq and self.qkeys == skeys:
            # An exact match (every exact hit, verbatim quotes): difflib's answer
            # for two equal sequences is one equal block, found without the search.
            raw: list[Opcode] = [("equal", 0, lq, 0, lq)]
        else:
            if self.b2j is None:
                self.b2j = index_of(self.qkeys)
            raw = opcodes(passage.keys, self.b2j, lq, off, off + n, self._searches)
        qcores, qpuncts, qtoks = self.qcores, self.qpuncts, self.qtoks
        th, rules, memo = self.th, self.rules, self._flags
        specs: list[_Spec] = []
        cost = 0.0
        longest = 0
        for tag, i1, i2, j1, j2 in raw:
            if tag == "equal":
                longest = max(longest, j2 - j1)
                # Most equal runs are the same words, same punctuation: then they
                # are one unflagged op (what _equal_ops would build), decided by
                # two C-level list comparisons instead of a loop over the words.
                # The quote's last word's punctuation is not compared (as in
                # _equal_ops).
                top = j2 - 1 if j2 == lq else j2
                if qcores[j1:j2] == cores[i1:i2] and qpuncts[j1:top] == puncts[i1 : i1 + top - j1]:
                    specs.append(("equal", i1, i2, j1, j2, ()))
                    continue
                cost = _equal_ops(specs, cost, qtoks, i1, j1, j2, th, cores, puncts)
                continue
            if tag == "replace":
                flags, c = self._replace(passage, a, i1, i2, j1, j2)
                specs.append((tag, i1, i2, j1, j2, flags))
                cost += c
            elif tag == "insert":
                key: tuple[object, ...] = ("i", j1, j2)
                flags = memo.get(key)
                if flags is None:
                    qt = qtoks[j1:j2]
                    flags = memo[key] = tuple(
                        (["bracket"] if all(t.bracket for t in qt) else [])
                        + list(rules.added(qcores[j1:j2]))
                    )
                specs.append((tag, i1, i2, j1, j2, flags))
                cost += j2 - j1
            else:
                key = ("d", a + i1, a + i2)
                flags = memo.get(key)
                if flags is None:
                    flags = memo[key] = rules.added(cores[i1:i2])
                specs.append((tag, i1, i2, j1, j2, flags))
                cost += i2 - i1
        words = passage.words[off : off + n]
        cost = _mark_moves(specs, cost, qcores, words)
        return Plan(a, b, specs, cost, longest)

    def _replace(
        self, passage: Passage, a: int, i1: int, i2: int, j1: int, j2: int
    ) -> tuple[tuple[str, ...], float]:
        """Flags and cost of replacing quote tokens [j1, j2) by the source
        tokens [i1, i2) of a diff against [a, ...) (offsets from ``a``)."""
        one = j2 - j1 == 1 and i2 - i1 == 1
        key = ("r", a + i1, a + i2, j1, j2, one and i1 == 0)
        flags = self._flags.get(key)
        if flags is None:
            off = a - passage.a
            prev = ""
            if one:
                prev = passage.puncts[off + i1 - 1] if i1 > 0 else _punct_before(self.ps, a)
            flags = self._flags[key] = self.rules.replace(
                self.qtoks[j1:j2], passage.cores[off + i1 : off + i2], prev, self.th
            )
        return flags, _replace_cost(flags, i2 - i1, j2 - j1, self.th)

    def grown_no_cheaper(self, best: Plan, na: int, nb: int) -> bool:
        """Is the plan of [na, nb), ``best``'s passage grown at one end, surely
        no cheaper than ``best``?  (Then ``tight_diff`` need not plan it.)

        Only when every added source word is a word the quote does not use.
        Such words join no matching block (the longest-match searches skip
        them and their ties break the same way), so the grown diff has the
        same blocks and ops except the end op, which becomes a replace of the
        same quote words by more source words.  Moves can only be lost (the
        old end op may have been an insert paired with a delete; pairs form
        within classes of equal words, so one insert fewer never adds a
        pair).  The grown cost is then at least the old cost less the old end
        op's plus the new one's: no cheaper when the new end op costs no less.
        A strict margin keeps float sums out of it (equal costs: the same sums).
        """
        p = self.passage
        if p is None or not (p.a <= na and nb <= p.b) or not best.specs:
            return False
        if na < best.a and nb == best.b:
            tag, i1, i2, j1, j2, flags = best.specs[0]
            if i1 != 0 or j1 != 0:
                return False
            added = p.keys[na - p.a : best.a - p.a]
            ni1, ni2 = 0, i2 + best.a - na
        elif na == best.a and nb > best.b:
            tag, i1, i2, j1, j2, flags = best.specs[-1]
            if i2 != best.b - best.a or j2 != self.lq:
                return False
            added = p.keys[best.b - p.a : nb - p.a]
            ni1, ni2 = i1, i2 + nb - best.b
        else:
            return False
        if tag == "insert":
            old = float(j2 - j1)
        elif tag == "replace":
            old = _replace_cost(flags, i2 - i1, j2 - j1, self.th)
        else:
            return False
        if self.b2j is None:
            self.b2j = index_of(self.qkeys)
        b2j = self.b2j
        if any(k in b2j for k in added):
            return False
        _, new = self._replace(p, na, ni1, ni2, j1, j2)
        return new == old or new > old + 1e-9

    def trimmed(self, best: Plan, na: int, nb: int) -> Plan:
        """``plan(na, nb)`` for ``best``'s passage less one source word at an
        end, derived from ``best`` when that word stands in a replace of at
        least two source words there (a junk passage's ends usually do).

        A word that is in no matching block leaves every longest-match
        search as it was: a block holding it was shorter than the one each
        search found (else, ending no later, it would have been found), and
        one word shorter it still is.  So the blocks, the ops and their flags
        (remembered by absolute ranges) are ``best``'s, the end op a replace
        of the same quote words by one source word fewer, and the moved pairs
        the same; the cost is summed again in ``_plan``'s order.
        """
        done = self._plans.get((na, nb))
        if done is not None:
            return done
        p = self.passage
        specs = best.specs
        derived: list[_Spec] | None = None
        if p is not None and p.a <= na and nb <= p.b and specs:
            if na == best.a + 1 and nb == best.b:
                tag, i1, i2, j1, j2, _ = specs[0]
                if tag == "replace" and i2 - i1 >= 2:
                    flags, _ = self._replace(p, na, 0, i2 - 1, j1, j2)
                    derived = [("replace", 0, i2 - 1, j1, j2, flags)]
                    derived += [
                        (t, x1 - 1, x2 - 1, y1, y2, f) for t, x1, x2, y1, y2, f in specs[1:]
                    ]
            elif na == best.a and nb == best.b - 1:
                tag, i1, i2, j1, j2, _ = specs[-1]
                if tag == "replace" and i2 - i1 >= 2:
                    flags, _ = self._replace(p, na, i1, i2 - 1, j1, j2)
                    derived = [*specs[:-1], ("replace", i1, i2 - 1, j1, j2, flags)]
        if derived is None:
            return self.plan(na, nb)
        plan = self._plans[na, nb] = Plan(
            na, nb, derived, self._cost_of(derived, p, na), best.longest_run
        )
        return plan

    def _cost_of(self, specs: list[_Spec], passage: Passage, a: int) -> float:
        """The cost ``_plan`` sums for ``specs`` (a diff against [a, ...)), in its order."""
        th = self.th
        minor = th.minor_word_cost
        cost = 0.0
        for tag, i1, i2, j1, j2, flags in specs:
            if tag == "equal":
                if flags:
                    cost += minor * (j2 - j1)
            elif tag == "replace":
                cost += _replace_cost(flags, i2 - i1, j2 - j1, th)
            elif tag == "insert":
                cost += j2 - j1
            else:
                cost += i2 - i1
        off = a - passage.a
        words = passage.words
        for tag, i1, i2, _, _, flags in specs:
            if tag == "delete" and "moved" in flags:
                dk = " ".join(words[off + i1 : off + i2]).lower().replace("’", "'").split()
                cost -= len(dk)
        return cost

    def matched_words(self, plan: Plan) -> int:
        """``self.write(plan).matched_words``, without writing the diff out."""
        minor = self.rules.minor
        qcores = self.qcores
        n = 0
        for tag, _, _, j1, j2, flags in plan.specs:
            q = " ".join(qcores[j1:j2])
            if tag == "equal" or (q and flags and set(flags) <= minor):
                n += len(q.split())
        return n

    def write(self, plan: Plan) -> WordDiff:
        """``plan`` as a ``WordDiff``, its words as they stand on both sides."""
        a, b = plan.a, plan.b
        ps = self.ps
        passage = self._passage_for(a, b)
        off = a - passage.a
        words = passage.words[off : off + b - a]
        qcores, qtoks = self.qcores, self.qtoks
        wd = WordDiff(
            cost=plan.cost,
            q_len=self.lq,
            s_len=b - a,
            longest_run=plan.longest_run,
            minor_flags=self.rules.minor,
        )
        ops = wd.ops
        for tag, i1, i2, j1, j2, flags in plan.specs:
            if tag == "insert":
                qt = qtoks[j1:j2]
                ops.append(DiffOp("insert", " ".join(qcores[j1:j2]), "", flags, quote_shown(qt)))
                continue
            shown = source_shown(ps, a + i1, a + i2)
            if tag == "delete":
                ops.append(DiffOp("delete", "", " ".join(words[i1:i2]), flags, "", shown))
                continue
            ops.append(
                DiffOp(
                    tag,
                    " ".join(qcores[j1:j2]),
                    " ".join(words[i1:i2]),
                    flags,
                    quote_shown(qtoks[j1:j2]),
                    shown,
                )
            )
        # Leading/trailing equal words (for "the first 12 words are in the source").
        for o in ops:
            if o.op != "equal":
                break
            wd.leading_equal += len(o.quote.split())
        for o in reversed(ops):
            if o.op != "equal":
                break
            wd.trailing_equal += len(o.quote.split())
        return wd


def _replace_cost(flags: tuple[str, ...], n_src: int, n_quote: int, th: Thresholds) -> float:
    """What a replace op costs the passage fit (see ``WordRules``)."""
    if flags == ("spelling",):
        return float(max(n_quote, n_src)) * th.minor_word_cost
    if "contraction" in flags:
        return 1.0  # "we are" -> "we're" is one changed word
    return float(max(n_quote, n_src))


def tight_diff(
    qtoks: list[QToken], ps: PreparedSource, a: int, b: int, th: Thresholds, rules: WordRules
) -> tuple[int, int, WordDiff]:
    """Diff against [a, b), fitting the passage's ends to the quote's.

    edlib scores a quote's end word against the passage's end word and the
    same quote word against nothing alike (one edit either way), so a hit may
    stop a word short ("we honour" against "we | honor", the quote's last
    word an insert) or reach a word too far.  First extend up to two source
    words at either end when that costs strictly less (the word then pairs
    with the quote's: a spelling variant, a numeral for a number word); then
    trim up to two source words at either end when that costs nothing: edlib
    may substitute a quote's first word for the word before the passage
    ("Europe We're" for "We are") at the same edit cost."""
    lo, hi = _extension_bounds(ps, a, b)
    differ = Differ(qtoks, ps, th, rules, passage=Passage(ps, lo, hi))
    minor = rules.minor
    best = differ.plan(a, b)
    for side in ("start", "end"):
        at = 0 if side == "start" else -1
        end_op = best.specs[at]
        # Extend when the quote's end words pair with nothing alike: added, or
        # replaced by a changed word.  A hit starting inside a doubled
        # contraction ("gonna" of "I'm gonna" for "I am going to") pairs the
        # quote's first words with part of it; only the whole contraction
        # makes them one minor change.
        if not (
            end_op[0] == "insert" or (end_op[0] == "replace" and not best.end_minor(at, minor))
        ):
            continue  # every quote word at this end already pairs with a source word
        for k in (1, 2):
            na, nb = (a - k, b) if side == "start" else (a, b + k)
            if na < lo or nb > hi:
                break
            if differ.grown_no_cheaper(best, na, nb):
                continue  # its plan would not be taken (a junk passage's usual case)
            plan = differ.plan(na, nb)
            if plan.cost < best.cost:
                best, a, b = plan, na, nb
                break
    for side in ("start", "end"):
        at = 0 if side == "start" else -1
        # One word at a time, up to four: a passage may start a few words early
        # ("Oh, he's a much tougher" for "He (PM Modi) is a much tougher").
        for k in (1, 1, 1, 1):
            na, nb = (a + k, b) if side == "start" else (a, b - k)
            if nb - na < 1:
                break
            first = best.specs[at]
            if first[0] == "equal" and not first[5]:
                break
            plan = differ.trimmed(best, na, nb)
            if plan.cost <= best.cost:
                best, a, b = plan, na, nb
    return a, b, differ.write(best)


def _extension_bounds(ps: PreparedSource, a: int, b: int, k: int = 2) -> tuple[int, int]:
    """[a - k, b + k) clamped to the source and stopped at barriers (a turn
    change or an editor's gap): a passage never grows across one."""
    ids = ps.index.ids
    floor = max(0, a - k)
    before = ids[floor:a].tolist()  # plain ints: numpy scalars are slow one by one
    lo = a
    while lo > floor and before[lo - 1 - floor] != SENTINEL_ID:
        lo -= 1
    ceil = min(ps.n_tokens, b + k)
    after = ids[b:ceil].tolist()
    hi = b
    while hi < ceil and after[hi - b] != SENTINEL_ID:
        hi += 1
    return lo, hi


def _equal_ops(
    specs: list[_Spec],
    cost: float,
    qtoks: list[QToken],
    i1: int,
    j1: int,
    j2: int,
    th: Thresholds,
    cores: list[str],
    puncts: list[str],
) -> float:
    """Equal words, split into runs by their minor differences; the cost
    with the runs' added.

    ``cores``/``puncts``: surfaces and trailing punctuation (brackets
    stripped) of the diffed passage, whose token ``i1`` pairs with quote
    token ``j1``.  The quote's first word may differ in case alone (a writer
    capitalises a quote that starts mid-sentence) and its last word's
    punctuation is not compared.
    """
    run_j = j1  # the run's first quote token
    run_flags: tuple[str, ...] = ()
    last = len(qtoks) - 1
    minor = th.minor_word_cost
    for k, j in enumerate(range(j1, j2)):
        i = i1 + k
        q = qtoks[j]
        qc = q.core
        sc = cores[i]
        check_punct = j != last
        if qc == sc:
            # The common case, decided without building a flag list.
            ft: tuple[str, ...] = (
                ("punctuation",) if check_punct and q.punct.strip("()[]") != puncts[i] else ()
            )
        else:
            flags: list[str] = []
            if qc.lower() == sc.lower():
                # A writer capitalises a quote that starts mid-sentence
                # ("So we..." for "...so we"): not a difference.
                if not (j == 0 and qc[1:] == sc[1:]):
                    flags.append("case")
            else:
                # Same key, different surface: apostrophes or dots ("its"
                # / "it's", "US" / "U.S").
                flags.append("punctuation")
                if qc.replace("'", "").replace(".", "") != sc.replace("'", "").replace(
                    ".", ""
                ) and qc.lower().replace("'", "") == sc.lower().replace("'", ""):
                    flags.append("case")
            if check_punct and q.punct.strip("()[]") != puncts[i] and "punctuation" not in flags:
                flags.append("punctuation")
            ft = tuple(flags)
        if j > run_j and ft != run_flags:
            specs.append(("equal", i1 + run_j - j1, i, run_j, j, run_flags))
            if run_flags:
                cost += minor * (j - run_j)
            run_j = j
        run_flags = ft
    if j2 > j1:
        specs.append(("equal", i1 + run_j - j1, i1 + j2 - j1, run_j, j2, run_flags))
        if run_flags:
            cost += minor * (j2 - run_j)
    return cost


def _mark_moves(specs: list[_Spec], cost: float, qcores: list[str], words: list[str]) -> float:
    """A delete and an insert of the same words form a transposition ("moved").

    "it's sometimes very" -> "sometimes it's very" is one moved word, not one
    word dropped and another added; it costs one word, not two.  The words
    are compared as a multiset: "watch and monitor" -> "monitor and watch"
    diffs as insert "monitor and" / equal "watch" / delete "and monitor",
    the same words in another order, and is a reordering too.  ``words``:
    the passage's words as written; returns the cost less the moved words.
    """
    used: set[int] = set()
    for i, d in enumerate(specs):
        if d[0] != "delete" or i in used:
            continue
        dk = " ".join(words[d[1] : d[2]]).lower().replace("’", "'").split()
        dset = sorted(dk)
        for j, ins in enumerate(specs):
            if j in used or ins[0] != "insert":
                continue
            if sorted(" ".join(qcores[ins[3] : ins[4]]).lower().split()) == dset:
                specs[i] = (*d[:5], (*d[5], "moved"))
                specs[j] = (*ins[:5], (*ins[5], "moved"))
                used.update((i, j))
                cost -= len(dk)
                break
    return cost


def moved_words(ops: list[DiffOp]) -> list[str]:
    return [o.quote for o in ops if o.op == "insert" and "moved" in o.flags]
