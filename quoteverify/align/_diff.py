"""The word diff between a quote (part) and a source passage, with flags."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from quoteverify.align._index import SENTINEL_ID
from quoteverify.align._opcodes import Opcode, index_of, opcodes
from quoteverify.align._tokens import (
    QToken,
    dash_style,
    expand,
    is_contraction,
    is_modal,
    is_negation,
    is_number,
    levenshtein,
    number_value,
    spaced_dash,
    trailing_punct,
)
from quoteverify.models import DiffOp

if TYPE_CHECKING:
    from quoteverify.align import PreparedSource
    from quoteverify.thresholds import Thresholds

# The policy (docs/VERDICT-POLICY.md, "minor"): contractions and full forms are the
# same spoken words presented differently ("I've" / "I have", "gonna" / "going to").
# So is a writer's marked insertion in [brackets] or (parentheses) that names a
# referent ("President [Biden]"), when the rest passes.
# The verdict side flags removed fillers and stutters "disfluency"
# (quoteverify/verdict/_disfluency.py).
# "transcriber": the source's [bracketed] words printed or left out (the
# policy's "Words the transcriber added").
MINOR_FLAGS = frozenset(
    {"case", "punctuation", "spelling", "contraction", "bracket", "disfluency", "transcriber"}
)
# Word pairs one letter apart that are different words, not spellings of one:
# the spelling-variant rule (theater/theatre) must not call them minor.
_CONFUSABLE = {
    frozenset(p)
    for p in [
        ("though", "through"), ("through", "thorough"), ("affect", "effect"),
        ("quite", "quiet"), ("accept", "except"), ("advice", "advise"),
        ("loose", "lose"), ("there", "where"), ("these", "those"), ("while", "whilst"),
        ("later", "latter"), ("trail", "trial"), ("causal", "casual"), ("form", "from"),
        ("allies", "allied"), ("threat", "threats"), ("united", "untied"),
    ]
}  # fmt: skip


# Inflectional endings, by what they mean: "d"/"ed"/"ied" all make a past
# tense, "s"/"es"/"ies" a plural or third person.
_SUFFIX_CLASS = {
    "s": "s", "es": "s", "ies": "s", "d": "ed", "ed": "ed", "ied": "ed",
    "ing": "ing", "er": "er", "ier": "er", "est": "est", "iest": "est",
}  # fmt: skip
# Words that take an "s" with no change of meaning (US / UK): "toward" /
# "towards", "afterward" / "afterwards", "backward" / "backwards".
_OPTIONAL_S = ("ward",)


def _stems(word: str) -> dict[str, set[str]]:
    """Each stem ``word`` may be inflected from, with its ending's classes.

    "promised" -> {"promised": {""}, "promis": {"ed"}, "promise": {"ed"}};
    "stopped" also gives "stop" (doubled consonant); "carried" gives "carry".
    """
    out: dict[str, set[str]] = {word: {""}}
    for suf, cls in _SUFFIX_CLASS.items():
        if not word.endswith(suf) or len(word) - len(suf) < 2:
            continue
        stem = word[: -len(suf)]
        cands = {stem}
        if suf.startswith("i") and suf != "ing":
            cands.add(stem + "y")  # carried / carries -> carry
        elif suf in ("ed", "ing", "er", "est"):
            cands.add(stem + "e")  # making -> make, promised -> promise
            if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
                cands.add(stem[:-1])  # stopped -> stop, travelled -> travel
        for c in cands:
            out.setdefault(c, set()).add(cls)
    return out


@lru_cache(maxsize=4096)
def is_inflection(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` two inflections of one word (lower case)?

    "promise" / "promised" (tense), "threat" / "threats" (number),
    "carry" / "carried", "stop" / "stopping": one letter or two apart, so
    within the spelling tolerance, but the tense or number changed, and an
    editor calls that a changed word.  Two spellings of one form are not:
    "traveled" / "travelled" both end in "ed" (after "travel"), "organized" /
    "organised" and "color" / "colour" share no stem, "toward" / "towards" is
    one word.
    """
    if a == b:
        return False
    short, long_ = sorted((a, b), key=len)
    if long_ == short + "s" and short.endswith(_OPTIONAL_S) and len(short) > 4:
        return False
    sa, sb = _stems(a), _stems(b)
    for stem, classes in sa.items():
        other = sb.get(stem)
        if other is not None and classes != other and not (classes & other):
            return True
    return False


def is_minor(op: DiffOp) -> bool:
    """A non-equal op that only differs in spelling/case/punctuation."""
    return bool(op.flags) and set(op.flags) <= MINOR_FLAGS


@dataclass
class WordDiff:
    ops: list[DiffOp] = field(default_factory=list)
    cost: float = 0.0
    q_len: int = 0
    s_len: int = 0
    longest_run: int = 0  # longest run of equal words
    leading_equal: int = 0  # equal words at the very start of the quote
    trailing_equal: int = 0

    @property
    def score(self) -> float:
        denom = max(self.q_len, self.s_len, 1)
        return max(0.0, round(100.0 * (1.0 - self.cost / denom), 1))

    @property
    def changed(self) -> list[DiffOp]:
        return [o for o in self.ops if o.op != "equal" and not is_minor(o)]

    @property
    def matched_words(self) -> int:
        """Quote words paired with the same source word (equal, or a minor variant)."""
        return sum(
            len(o.quote.split()) for o in self.ops if o.op == "equal" or (o.quote and is_minor(o))
        )

    @property
    def minor(self) -> list[DiffOp]:
        return [o for o in self.ops if o.flags and set(o.flags) <= MINOR_FLAGS]


def source_word(ps: PreparedSource, i: int) -> str:
    """A source token as it stands in the source (original characters)."""
    s, e = ps.norm.orig_span(int(ps.tok_start[i]), int(ps.tok_end[i]))
    return ps.source.text[s:e]


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
        text = ps.norm.text
        self.cores = [text[s:e] for s, e in zip(ts.tolist(), te.tolist(), strict=True)]
        src = ps.source.text
        os_ = ps.norm.starts[ts].tolist()
        oe = ps.norm.ends[te - 1].tolist() if b > a else []
        self.words = [src[s:e] for s, e in zip(os_, oe, strict=True)]
        # Trailing punctuation as the equal-word check compares it (brackets
        # stripped), read once per passage rather than once per diff.
        masked = ps.masked
        lim = len(masked)
        self.puncts = [
            dash_style(trailing_punct(masked, e, lim).strip("()[]")) or spaced_dash(masked, e, lim)
            for e in te.tolist()
        ]


def _class_flags(cores: list[str], other: list[str]) -> list[str]:
    flags = []
    # "one" is as often a determiner/pronoun ("one lesson") as a number: only
    # a number if the other side has a number too ("one" -> "two").
    nums = [c for c in cores if is_number(c) and c.lower() != "one"]
    if nums or (any(is_number(c) for c in cores) and any(is_number(c) for c in other)):
        flags.append("number")
    if any(is_negation(c) for c in cores):
        flags.append("negation")
    if any(is_modal(c) for c in cores):
        flags.append("modal")
    return flags


def _spelling_variant(q: str, s: str, th: Thresholds) -> bool:
    ql, sl = q.lower(), s.lower()
    if not (ql.isalpha() and sl.isalpha()):
        return False
    if frozenset((ql, sl)) in _CONFUSABLE or is_inflection(ql, sl):
        return False
    n = max(len(ql), len(sl))
    if n < th.spelling_min_length or ql[0] != sl[0]:
        return False
    return levenshtein(ql, sl) <= max(1, int(th.spelling_max_edit_fraction * n))


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


def _name_misspelt(q: str, s: str, prev_punct: str, th: Thresholds) -> bool:
    """Is quote word ``q`` a misspelling of the proper name ``s``?

    "the entire McCane family" for "the entire McCain family": two letters
    of six, more than the spelling rule allows a common word.  Only for a
    name: the source word is capitalised in mid-sentence (the word before it
    does not end a sentence or a speaker label) and not all capitals, the
    quote word is capitalised too, same first letter, at least
    ``name_spelling_min_length`` letters, and not another form of the word
    ("Williams" is not "William").  "Where" for "There" at a sentence start
    is no name.
    """
    if not (q.isalpha() and s.isalpha() and q[0].isupper() and s[0].isupper()):
        return False
    if s.isupper() or q.isupper() or q[0] != s[0]:
        return False
    if prev_punct.rstrip("\"')]").endswith((".", "?", "!", ":")):
        return False
    ql, sl = q.lower(), s.lower()
    n = max(len(ql), len(sl))
    if n < th.name_spelling_min_length or frozenset((ql, sl)) in _CONFUSABLE:
        return False
    if is_inflection(ql, sl):
        return False
    return levenshtein(ql, sl) <= th.name_spelling_max_edits


def _replace_flags(qt: list[QToken], sc: list[str], th: Thresholds) -> tuple[str, ...]:
    # A writer's bracketed words amid the replaced ones ("He (PM Modi) is" for
    # "he's"): the rest is compared on its own, and the insertion is flagged.
    if any(t.bracket for t in qt) and not all(t.bracket for t in qt):
        rest = [t for t in qt if not t.bracket]
        flags = _replace_flags(rest, sc, th)
        return ("bracket", *flags) if flags else ()
    # Memoised on what it reads: tight_diff re-diffs overlapping ranges and
    # the candidates of one quote share their replaced word pairs.
    return _replace_flags_of(
        tuple(t.core for t in qt),
        tuple(t.key for t in qt),
        all(t.bracket for t in qt),
        tuple(sc),
        th,
    )


@lru_cache(maxsize=16384)
def _replace_flags_of(
    qc_t: tuple[str, ...],
    qkeys: tuple[str, ...],
    bracket: bool,
    sc_t: tuple[str, ...],
    th: Thresholds,
) -> tuple[str, ...]:
    qc = list(qc_t)
    sc = list(sc_t)
    # "25%" / "25 percent" / "25 per cent": the sign and the word are one.
    if any(c.endswith("%") for c in qc + sc):
        qc, sc = _percent_words(qc), _percent_words(sc)
        if [c.lower() for c in qc] == [c.lower() for c in sc]:
            return ("spelling",)
    # Same number in numerals and words: "14,000" / "fourteen thousand".
    if all(is_number(c) or c.lower() == "and" for c in qc + sc):
        qv, sv = number_value(qc), number_value(sc)
        if qv is not None and qv == sv:
            return ("spelling",)
    # Hyphenation / compounding: "cyber attacks" / "cyberattacks".
    if "".join(qkeys) == "".join(c.lower().replace("'", "") for c in sc):
        return ("spelling",)
    flags: list[str] = []
    if bracket:
        flags.append("bracket")
    qe = [k for c in qc for k in expand(c)]
    se = [k for c in sc for k in expand(c)]
    if qe == se and (any(map(is_contraction, qc)) or any(map(is_contraction, sc))):
        # "can't" / "cannot", "we're" / "we are": same words, one contracted.
        return tuple(flags + ["contraction"])
    if len(qc) == 1 and len(sc) == 1 and not flags and _spelling_variant(qc[0], sc[0], th):
        if not (set(_class_flags(qc, sc)) ^ set(_class_flags(sc, qc))) and not (
            is_number(qc[0]) or is_negation(qc[0]) or is_modal(qc[0])
        ):
            return ("spelling",)
    for f in _class_flags(qc, sc) + _class_flags(sc, qc):
        if f not in flags:
            flags.append(f)
    return tuple(flags)


def _percent_words(cores: list[str]) -> list[str]:
    """``["25%"]`` -> ``["25", "percent"]``; "per cent" -> "percent"."""
    out: list[str] = []
    for c in cores:
        if c.endswith("%") and len(c) > 1:
            out += [c[:-1], "percent"]
        elif c.lower() == "cent" and out and out[-1].lower() == "per":
            out[-1] = "percent"
        else:
            out.append(c)
    return out


def word_diff(
    qtoks: list[QToken],
    ps: PreparedSource,
    a: int,
    b: int,
    th: Thresholds,
    *,
    passage: Passage | None = None,
    b2j: dict[str, list[int]] | None = None,
) -> WordDiff:
    """Diff quote tokens against source tokens [a, b).

    ``passage`` (covering [a, b)) and ``b2j`` (``index_of`` the quote's
    keys) may be shared between diffs of one quote part: the result is the
    same, the per-word reads and the diff's index of the quote are done once.
    """
    if passage is None or not (passage.a <= a and b <= passage.b):
        passage = Passage(ps, a, b)
    off = a - passage.a
    skeys = passage.keys[off : off + b - a]
    cores = passage.cores[off : off + b - a]
    words = passage.words[off : off + b - a]
    puncts = passage.puncts[off : off + b - a]
    wd = WordDiff(q_len=len(qtoks), s_len=b - a)
    lq = len(qtoks)
    if lq == b - a and lq and all(t.key == k for t, k in zip(qtoks, skeys, strict=True)):
        # An exact match (every exact hit, verbatim quotes): difflib's answer
        # for two equal sequences is one equal block, found without the search.
        raw: list[Opcode] = [("equal", 0, lq, 0, lq)]
    else:
        if b2j is None:
            b2j = index_of([t.key for t in qtoks])
        raw = opcodes(skeys, b2j, lq)
    qcores: list[str] | None = None
    qpuncts: list[str] = []
    for tag, i1, i2, j1, j2 in raw:
        if tag == "equal":
            wd.longest_run = max(wd.longest_run, j2 - j1)
            if qcores is None:
                qcores = [t.core for t in qtoks]
                qpuncts = [t.punct.strip("()[]") for t in qtoks]
            # Most equal runs are the same words, same punctuation: then they
            # are one unflagged op (what _equal_ops would build), decided by
            # two C-level list comparisons instead of a loop over the words.
            # The quote's last word's punctuation is not compared (as in
            # _equal_ops).
            top = j2 - 1 if j2 == lq else j2
            if qcores[j1:j2] == cores[i1:i2] and qpuncts[j1:top] == puncts[i1 : i1 + top - j1]:
                wd.ops.append(DiffOp("equal", " ".join(qcores[j1:j2]), " ".join(words[i1:i2]), ()))
                continue
            _equal_ops(wd, qtoks, i1, j1, j2, th, cores, words, puncts)
            continue
        qt = qtoks[j1:j2]
        sc = cores[i1:i2]
        sw = " ".join(words[i1:i2])
        qw = " ".join(t.core for t in qt)
        if tag == "replace":
            flags = _replace_flags(qt, sc, th)
            if not flags and len(qt) == 1 and len(sc) == 1:
                prev = puncts[i1 - 1] if i1 > 0 else _punct_before(ps, a)
                if _name_misspelt(qt[0].core, sc[0], prev, th):
                    flags = ("spelling",)
            cost = float(max(len(qt), len(sc)))
            if flags == ("spelling",):
                cost *= th.minor_word_cost
            elif "contraction" in flags:
                cost = 1.0  # "we are" -> "we're" is one changed word
            wd.ops.append(DiffOp("replace", qw, sw, flags))
            wd.cost += cost
        elif tag == "insert":
            flags = tuple(
                (["bracket"] if all(t.bracket for t in qt) else [])
                + _class_flags([t.core for t in qt], [])
            )
            wd.ops.append(DiffOp("insert", qw, "", flags))
            wd.cost += len(qt)
        else:
            flags = tuple(_class_flags(sc, []))
            wd.ops.append(DiffOp("delete", "", sw, flags))
            wd.cost += len(sc)
    _mark_moves(wd)
    # Leading/trailing equal words (for "the first 12 words are in the source").
    for o in wd.ops:
        if o.op != "equal":
            break
        wd.leading_equal += len(o.quote.split())
    for o in reversed(wd.ops):
        if o.op != "equal":
            break
        wd.trailing_equal += len(o.quote.split())
    return wd


def tight_diff(
    qtoks: list[QToken], ps: PreparedSource, a: int, b: int, th: Thresholds
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
    passage = Passage(ps, lo, hi)
    b2j = index_of([t.key for t in qtoks])
    best = word_diff(qtoks, ps, a, b, th, passage=passage, b2j=b2j)
    for side in ("start", "end"):
        end_op = best.ops[0] if side == "start" else best.ops[-1]
        if end_op.op != "insert":
            continue  # every quote word at this end already pairs with a source word
        for k in (1, 2):
            na, nb = (a - k, b) if side == "start" else (a, b + k)
            if na < lo or nb > hi:
                break
            wd = word_diff(qtoks, ps, na, nb, th, passage=passage, b2j=b2j)
            if wd.cost < best.cost:
                best, a, b = wd, na, nb
                break
    for side in ("start", "end"):
        # One word at a time, up to four: a passage may start a few words early
        # ("Oh, he's a much tougher" for "He (PM Modi) is a much tougher").
        for k in (1, 1, 1, 1):
            na, nb = (a + k, b) if side == "start" else (a, b - k)
            if nb - na < 1:
                break
            first = best.ops[0] if side == "start" else best.ops[-1]
            if first.op == "equal" and not first.flags:
                break
            wd = word_diff(qtoks, ps, na, nb, th, passage=passage, b2j=b2j)
            if wd.cost <= best.cost:
                best, a, b = wd, na, nb
    return a, b, best


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
    wd: WordDiff,
    qtoks: list[QToken],
    i1: int,
    j1: int,
    j2: int,
    th: Thresholds,
    cores: list[str],
    words: list[str],
    puncts: list[str],
) -> None:
    """Equal words, split into runs by their minor differences.

    ``cores``/``words``/``puncts``: surfaces, original words and trailing
    punctuation (brackets stripped) of the diffed passage.  The quote's first
    word may differ in case alone (a writer capitalises a quote that starts
    mid-sentence) and its last word's punctuation is not compared.
    """
    run_q: list[str] = []
    run_s: list[str] = []
    run_flags: tuple[str, ...] = ()
    last = len(qtoks) - 1
    minor = th.minor_word_cost
    ops = wd.ops
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
        if run_q and ft != run_flags:
            ops.append(DiffOp("equal", " ".join(run_q), " ".join(run_s), run_flags))
            if run_flags:
                wd.cost += minor * len(run_q)
            run_q, run_s = [], []
        run_flags = ft
        run_q.append(qc)
        run_s.append(words[i])
    if run_q:
        ops.append(DiffOp("equal", " ".join(run_q), " ".join(run_s), run_flags))
        if run_flags:
            wd.cost += minor * len(run_q)


def _mark_moves(wd: WordDiff) -> None:
    """A delete and an insert of the same words form a transposition ("moved").

    "it's sometimes very" -> "sometimes it's very" is one moved word, not one
    word dropped and another added; it costs one word, not two.  The words
    are compared as a multiset: "watch and monitor" -> "monitor and watch"
    diffs as insert "monitor and" / equal "watch" / delete "and monitor",
    the same words in another order, and is a reordering too.
    """
    ops = wd.ops
    used: set[int] = set()
    for i, d in enumerate(ops):
        if d.op != "delete" or i in used:
            continue
        dk = d.source.lower().replace("’", "'").split()
        dset = sorted(dk)
        for j, ins in enumerate(ops):
            if j in used or ins.op != "insert":
                continue
            if sorted(ins.quote.lower().split()) == dset:
                ops[i] = DiffOp("delete", d.quote, d.source, d.flags + ("moved",))
                ops[j] = DiffOp("insert", ins.quote, ins.source, ins.flags + ("moved",))
                used.update((i, j))
                wd.cost -= len(dk)
                break


def moved_words(ops: list[DiffOp]) -> list[str]:
    return [o.quote for o in ops if o.op == "insert" and "moved" in o.flags]
