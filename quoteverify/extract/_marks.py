"""Finding quotation spans: which marks open, which close, and where an unclosed
quotation most plausibly ends.

Only top-level quotations are returned: a quotation nested inside another
(‘…’ inside “…”) is part of the outer one and never reported on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quoteverify._lazyre import lazy
from quoteverify.errors import SourceError
from quoteverify.extract._lexicon import CUE
from quoteverify.extract._limits import LIMITS
from quoteverify.extract._sentences import sentence_starts

MARK_CHARS = "“”\"„«»‹›「」『』‘’'‚"
_MARK_RE = re.compile("[" + re.escape(MARK_CHARS) + "]")

# Families: the opener glyphs and what closes them.
_CLOSERS: dict[str, str] = {
    "“": "”“",  # “…” (and the typo “…“)
    "”": "”",  # Swedish/Finnish ”…”
    '"': '"',
    "„": "“”",  # German „…“, Polish „…”
    "«": "»",
    "»": "«",  # Danish/German »…«
    "‹": "›",
    "「": "」",
    "『": "』",
    "‘": "’'",
    "'": "'’",
    "‚": "‘’",  # German ‚…‘
}
_SINGLE_OPENERS = "‘'‚"
# ">" ends an HTML tag left in the text: "<figcaption>“‘100 Hours’ of Operation Epic
# Fury.”" (White House, 2026-03-05; captions of 2026-03-0x Operation Epic Fury pages)
# opens there, though a mark follows it.
_OPEN_PUNCT = "([{—–-/*_>"
_CLOSE_PUNCT = ".,;:!?)]}—–-/…*_"


@dataclass
class Span:
    """One quotation: ``start``/``end`` delimit the quoted words (marks excluded)."""

    open: int  # offset of the opening mark
    start: int
    end: int
    close: int  # offset just after the closing mark (== end when unclosed)
    closed: bool
    family: str  # the opening glyph
    para: int  # index of the paragraph it opens in
    last_para: int
    notes: list[str] = field(default_factory=list)
    reached_para_end: bool = False


def _left(text: str, i: int, lo: int) -> str:
    return text[i - 1] if i > lo else ""


def _right(text: str, i: int, hi: int) -> str:
    return text[i + 1] if i + 1 < hi else ""


def _opener_ctx(prev: str, nxt: str) -> bool:
    # Left-flanking: “ after a space and before a word, as in: said “We…
    return (prev == "" or prev.isspace() or prev in _OPEN_PUNCT or prev in MARK_CHARS) and (
        nxt != "" and not nxt.isspace()
    )


def _closer_ctx(prev: str, nxt: str) -> bool:
    # Right-flanking: ” after a word and before a space or punctuation: force,” the
    return (prev != "" and not prev.isspace()) and (
        nxt == "" or nxt.isspace() or nxt in _CLOSE_PUNCT or nxt in MARK_CHARS
    )


# Words an apostrophe opens: 'Tis, ’twas, ’em, ’cause, rock ’n’ roll, ’90s, ’til.
_ELISION = re.compile(
    r"(?:tis|twas|em|cause|cos|n|til|till|bout|round|s|d)\b|\d\d?s\b|\d\d\b", re.IGNORECASE
)


def _is_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    """An apostrophe, not a single quotation mark: don’t, shouldn‘t, ’90s, 'Tis."""
    prev, nxt = _left(text, i, lo), _right(text, i, hi)
    if prev.isalnum() and nxt.isalpha():
        return True  # don’t, O’Brien, shouldn‘t
    if (prev == "" or not prev.isalnum()) and _ELISION.match(text, i + 1, hi):
        return True  # 'Tis, ’90s, ’n’
    if prev in "nN" and i >= 2 and text[i - 2] in "’'" and (i < 3 or not text[i - 3].isalnum()):
        return True  # the second mark of rock ’n’ roll
    return False


def _role(text: str, i: int, lo: int, hi: int, is_open: bool) -> str:
    """'open', 'close' or '' (not a mark here) for the mark at ``i``."""
    ch = text[i]
    # _left/_right and _opener_ctx/_closer_ctx inlined: this runs for every mark.
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    p_space = prev == "" or prev.isspace()
    n_space = nxt == "" or nxt.isspace()
    oc = (p_space or prev in _OPEN_PUNCT or prev in MARK_CHARS) and not n_space
    cc = not p_space and (n_space or nxt in _CLOSE_PUNCT or nxt in MARK_CHARS)
    if ch in "‘’'‚":
        if _is_apostrophe(text, i, lo, hi):
            return ""
        if ch == "’":
            # ’ opens nothing in English typography; it closes or is an apostrophe.
            return "close" if cc else ""
        if ch == "‚":
            return "open" if oc and nxt.isalpha() else ""
        if ch == "‘":
            return "open" if oc or not cc else "close"
        return "open" if oc and not cc else ("close" if cc else "")
    if ch == '"':
        # Straight quotes: context first, then alternation ("a" and "b").
        if oc and not cc:
            return "open"
        if cc and not oc:
            return "close"
        return "close" if is_open else "open"
    if ch == "“":
        # “ is an opener unless it plainly closes: the typo “…“ before a space.
        return "close" if (cc and not oc) else "open"
    if ch == "”":
        # ” opens the Swedish ”…” or a typo: after a space and before a word.
        return "open" if (oc and not cc) else "close"
    if ch == "«" and cc and not oc:
        return "close"  # the Danish/German »…« closes after a word: »Hej«, sagde hun
    if ch in "«‹「『„":
        return "open"
    if ch == "»":
        # French spacing closes with a space before it: « Nous … », a déclaré.
        # Only a » before a word opens (Danish »Hej«).
        if nxt == "" or nxt.isspace() or nxt in _CLOSE_PUNCT:
            return "close"
        return "open" if (oc and not cc) else "close"
    return "close"


# No news article comes near these; a file that does is hostile or not an
# article, and every mark costs objects (marks, spans, quotes, report rows):
# 1 MB of '"' took 1.9 GB before there was a limit.
MAX_MARKS = 100_000
MAX_QUOTATIONS = 5_000


class TooManyQuotations(SourceError, ValueError):
    """The text holds more quotation marks or quotations than any article does."""


@dataclass
class _Mark:
    pos: int
    ch: str
    role: str


def _marks_in(text: str, masked: str, lo: int, hi: int) -> list[_Mark]:
    # Marks are looked for in the masked text (none inside a URL) but judged on
    # the original, where "[more than doubled](url)“ shows the “ right after ")".
    out: list[_Mark] = []
    straight_open = False
    curly_open = False
    for m in _MARK_RE.finditer(masked, lo, hi):
        i = m.start()
        if lo < i < hi - 1 and text[i] in "’'" and text[i - 1].isalnum() and text[i + 1].isalpha():
            continue  # don’t, O’Brien: the commonest mark, an apostrophe (see _is_apostrophe)
        if text[i] == "“" and i > lo and text[i - 1] == "“":
            # A doubled opening mark is a typo for one, not an empty quotation:
            # "President Trump promised: ““We will forge a society …”" (fact sheet of
            # 2025-01-22), "**Senator Richard Blumenthal (CT)**: ““This $5 billion …"
            # and "**Highland Park, IL Mayor Nancy Rotering:** ““We capped …" (White
            # House round-ups). The first opens; the quoted words start after both.
            continue
        role = _role(text, i, lo, hi, straight_open)
        if text[i] == '"' and role:
            straight_open = role == "open"
        elif text[i] == "”" and role == "close" and not curly_open and _after_ellipsis(text, i, hi):
            # Nothing is open, so this ” glued to a cut excerpt's ellipsis opens:
            # "Brent Spence Bridge…”The White House is way up here,” Landrieu said"
            # (round-ups of 2023-04-17, 2022-09-30, 2022-07-02). With a quotation
            # open it closes it: "policy…”Rep. Virginia Foxx …" (2022-10-27).
            role = "open"
        if text[i] in "“”„" and role:
            curly_open = role == "open"
        if role:
            out.append(_Mark(i, text[i], role))
            if len(out) > MAX_MARKS:
                raise TooManyQuotations(f"more than {MAX_MARKS} quotation marks in a paragraph")
    _spaced_openers(text, out, hi)
    return out


# After a misplaced opening mark: a space, then a capital or an editor's bracket.
_SPACED_START = re.compile(r"[ \t]+[\[A-Z]")


def _spaced_openers(text: str, marks: list[_Mark], hi: int) -> None:
    """An opening mark typed with the space on its wrong side reads as a closer:
    "kits would be accessible for schools and communities," For example, schools
    can run their own flag discussions …"." (Wikinews, the New Zealand flag),
    "Wilkins said," [Warhol] liked the way photo booths … looked"." (Wikinews, the
    Warhol exhibit), "…the state’s largest cities…“ We tried to get a good
    cross-section …,” she said." (White House round-up, 2022-09-30). With no mark of
    its family open before it, a closer after it on the same footing, and a
    capital or a bracket after the space, it opens. Changed in place.
    """
    last: dict[str, _Mark] = {}
    for k, mk in enumerate(marks):
        # The curly family holds the German „…“, whose “ closes.
        chars = '"' if mk.ch == '"' else ("“”„" if mk.ch in "“”„" else "")
        fam = chars[:1]
        spaced = mk.ch in '"“' and _SPACED_START.match(text, mk.pos + 1, hi) is not None
        if fam and mk.role == "close" and spaced:
            before = last.get(fam)
            nxt = next((marks[j] for j in range(k + 1, len(marks)) if marks[j].ch in chars), None)
            if (before is None or before.role == "close") and nxt and nxt.role == "close":
                mk.role = "open"
        if fam:
            last[fam] = mk


def _after_ellipsis(text: str, i: int, hi: int) -> bool:
    """The mark at ``i`` sits between an ellipsis and a word: ``bridge…”The``."""
    return i > 0 and text[i - 1] == "…" and i + 1 < hi and text[i + 1].isalnum()


def _closes(opener: str, mark: _Mark) -> bool:
    if mark.role != "close" and not (opener == "”" and mark.ch == "”"):
        return False
    return mark.ch in _CLOSERS.get(opener, "")


def _same_family_opener(opener: str, mark: _Mark) -> bool:
    if mark.role != "open":
        return False
    if opener in "“”„":
        return mark.ch in "“”„"
    return mark.ch == opener


def _single_closer_ok(text: str, marks: list[_Mark], j: int, hi: int) -> bool:
    """Skip a possessive ’ that only looks like the closer: ‘the Joneses’ house’."""
    m = marks[j]
    if text[m.pos - 1 : m.pos] not in ("s", "S"):
        return True
    after = text[m.pos + 1 : min(hi, m.pos + 3)]
    if not re.match(r"\s[a-z]", after):
        return True
    # A later closer of the same kind in the paragraph wins.
    return not any(k.role == "close" and k.ch in "’'" for k in marks[j + 1 :])


_TRAILING_ATTRIB = lazy(
    r"[,]\s+(?:he|she|they|[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,3})\s+(?:"
    + CUE.pattern
    + r")[^.!?:“”\"\n]{0,60}[.!?]"
)
_TRAILING_ATTRIB_INV = lazy(
    r"[,]\s+(?:" + CUE.pattern + r")\s+(?:[A-Z][\w’'\-]+)(?:\s+[A-Z][\w’'\-]+){0,3}"
    r"[^.!?:“”\"\n]{0,60}[.!?]"
)


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_FIRST_SECOND_PERSON = lazy(r"\b(?:I|[Ww]e|[Yy]ou|[Mm]y|[Oo]ur|[Uu]s|[Mm]e|[Yy]our)\b")
# A writer's report opens with a determiner or a capitalised name, not with a
# pronoun, a conjunction or a quoted clause: "The left-leaning French newspaper
# Le Monde also weighed in", "Italian media, for their part, said".
_WRITER_OPENING = re.compile(
    r"(?:The|A|An|(?!(?:For|In|At|On|With|From|By|After|Before|During|As|When|While|If|"
    r"Since|Under|Over|To|Of)\s)[A-Z][a-z]+(?:\s+[A-Z][\w’'\-]+)+)\s"
)


def _infer_end(text: str, start: int, limit: int) -> tuple[int, str, bool]:
    """Where an unclosed quotation opened at ``start`` ends, before ``limit``.

    Returns (end, why, reached_limit).
    """
    # A forgotten closing mark before a normal attribution:
    # “We will win, Smith said. → the quotation is "We will win".
    cut = limit
    why = ""
    for rx in (_TRAILING_ATTRIB, _TRAILING_ATTRIB_INV):
        m = rx.search(text, start, limit)
        if m and m.start() < cut and m.start() > start:
            cut = m.start()
            why = f"before the attribution '{text[m.start() + 1 : m.end()].strip()}'"
    # A writer's sentence ending in a colon lead-in closes the paragraph:
    # “So we … find out more about it. Of the Russians …, Blinken said:
    starts = sentence_starts(text, start, limit)
    if len(starts) > 1:
        last = starts[-1]
        tail = text[last:limit].rstrip()
        if tail.endswith(":") and CUE.search(tail) and last < cut:
            cut = last
            sentence = " ".join(tail.split())
            why = f"before the writer's sentence '{sentence}'"
    end = cut
    while end > start and text[end - 1].isspace():
        end -= 1
    if cut == limit:
        return end, "", True
    return end, why, False


def find_spans(text: str, masked: str, paras: list[tuple[int, int]]) -> list[Span]:
    """All top-level quotation spans, in reading order, multi-paragraph ones merged.

    ``masked`` is ``text`` with markup blanked (same length); ``text`` may be
    passed for both.
    """
    spans: list[Span] = []
    for pi, (lo, hi) in enumerate(paras):
        spans.extend(_paragraph_spans(text, masked, lo, hi, pi))
        if len(spans) > MAX_QUOTATIONS:
            raise TooManyQuotations(f"more than {MAX_QUOTATIONS} quotations")
    joined = _close_on_later_line(text, masked, paras, spans)
    merged = _merge_paragraphs(masked, paras, joined)
    return [_end_before_writer(masked, paras, sp) for sp in merged]


def _end_before_writer(text: str, paras: list[tuple[int, int]], sp: Span) -> Span:
    """An unclosed quotation, with no closing mark in the paragraphs after it
    either, ends before a sentence whose subject and reporting verb are the
    writer's: the seed's Russian Foreign Ministry quote ran on into "The
    left-leaning French newspaper Le Monde also weighed in on …".  Speech talks
    in the first or second person; the writer's report of someone else's words
    has a cue and neither."""
    if sp.closed:
        return sp
    starts = sentence_starts(text, sp.start, sp.end)
    for s0 in starts[1:]:
        m_end = _SENTENCE_END.search(text, s0, sp.end)
        sentence = text[s0 : m_end.end() if m_end else sp.end]
        if (
            _WRITER_OPENING.match(sentence)
            and CUE.search(sentence, 0, LIMITS.writer_cue_reach)
            and not _FIRST_SECOND_PERSON.search(sentence)
        ):
            end = s0
            while end > sp.start and text[end - 1].isspace():
                end -= 1
            words = " ".join(sentence.split())[:80]
            note = f"opening mark at offset {sp.open} never closed; end inferred before the "
            note += f"writer's sentence '{words}'"
            last = sp.para
            while last < sp.last_para and paras[last + 1][0] < end:
                last += 1
            return Span(
                sp.open, sp.start, end, end, False, sp.family, sp.para,
                last, [note],
            )  # fmt: skip
    return sp


def _close_on_later_line(
    text: str, masked: str, paras: list[tuple[int, int]], spans: list[Span]
) -> list[Span]:
    """Join a quotation left open at the end of its line with the closing mark that
    opens no quotation a few lines on.  Texts with one sentence a line (Wikinews
    as the GUM corpus rebuilds it, subtitles, transcripts) break a quotation of
    several sentences over lines without re-opening it: said, "I think we have
    learned a lot.\nIt was a very emotional day."  Without this the quotation
    stops at its first sentence and the rest is lost.

    The later lines may quote someone inside the excerpt in single marks: a local
    outlet's story quoted over paragraphs, "“Servers and other tipped workers could
    see significant financial benefits …" then "‘You’re talking $2,500 to $3,000 in
    their pocket a year …,’ Citrano said.” (Watch)" and "“More tools could be coming
    to the industry …" then "‘In that $12.5, it was $100 million …,’ Wilbanks said.
    …”" (White House 2025-08-05, two stations). A nested ‘…’ closed before the
    double closing mark is part of the excerpt, not a quotation of its own."""
    by_para: dict[int, list[Span]] = {}
    for sp in spans:
        by_para.setdefault(sp.para, []).append(sp)
    out: list[Span] = []
    covered = (-1, -1)  # (last paragraph, offset) a joined quotation swallowed
    for sp in spans:
        if sp.para <= covered[0] and sp.open < covered[1]:
            continue  # nested in the excerpt joined above
        if sp.closed or not sp.reached_para_end or sp.family not in '"“”':
            out.append(sp)
            continue
        joined = sp
        for pj in range(sp.last_para + 1, min(len(paras), sp.last_para + 1 + LIMITS.open_lines)):
            lo, hi = paras[pj]
            later = by_para.get(pj, [])
            marks = _excerpt_marks(text, _marks_in(text, masked, lo, hi), later)
            first = marks[0] if marks else None
            if sp.family == "“" and first is not None and first.ch in _SINGLE_OPENERS:
                # Skip the excerpt's own nested quotations, each closed before
                # the next double mark.
                first = next((mk for mk in marks if mk.ch in "“”"), None)
                stop = first.pos if first is not None else hi
                if any(x.family not in _SINGLE_OPENERS or x.close > stop for x in later):
                    break
                later = []
            if first is None:
                if later:
                    break
                continue  # a line of the quotation without marks
            if not _closes(sp.family, first) or any(x.open < first.pos for x in later):
                break
            after = text[first.pos + 1 : first.pos + 2]
            if after and not (after.isspace() or after in _CLOSE_PUNCT):
                # “…”Michigan motorists…: a mark before a word opens a quotation
                # (typed backwards) and closes nothing.
                break
            joined = Span(
                sp.open, sp.start, first.pos, first.pos + 1, True, sp.family, sp.para, pj,
                [f"quotation runs over {pj - sp.para + 1} lines without re-opening"],
            )  # fmt: skip
            covered = (pj, first.pos)
            break
        out.append(joined)
    return out


def _excerpt_marks(text: str, marks: list[_Mark], later: list[Span]) -> list[_Mark]:
    """The marks of a line inside an excerpt left open, without the apostrophes of
    plural possessives: a ’ right after a word's last letter that closes none of
    the line's quotations is no closing mark and does not end the excerpt: "Kevin
    Nolan, GE Appliances’ chief executive, said …" on the second of four lines of The
    Wall Street Journal's story quoted by the White House (2025-08-13), its third
    line quoting Nolan in single marks, its fourth closing the excerpt. A single
    closing mark opened on the line still closes (``later``).

    >>> t = "Kevin Nolan, GE Appliances’ chief executive, said"
    >>> _excerpt_marks(t, [_Mark(t.index("’"), "’", "close")], [])
    []
    """
    closes = {x.close - 1 for x in later}
    return [
        mk
        for mk in marks
        if not (
            mk.ch in "’'"
            and mk.pos not in closes
            and mk.pos > 0
            and text[mk.pos - 1].isalpha()
            and text[mk.pos + 1 : mk.pos + 2] in (" ", "\t")
        )
    ]


def _paragraph_spans(text: str, masked: str, lo: int, hi: int, pi: int) -> list[Span]:
    marks = _marks_in(text, masked, lo, hi)
    out: list[Span] = []
    n = len(marks)
    # Suffix counts of openers/closers for the curly double family, to decide
    # whether a second “ inside an open “ nests or means the first never closed.
    suf_open = [0] * (n + 1)
    suf_close = [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        mk = marks[k]
        dbl = mk.ch in "“”„"
        suf_open[k] = suf_open[k + 1] + (1 if dbl and mk.role == "open" else 0)
        suf_close[k] = suf_close[k + 1] + (1 if dbl and mk.role == "close" else 0)
    j = 0
    while j < n:
        mk = marks[j]
        if mk.role != "open":
            j += 1
            continue
        opener = mk.ch
        depth = 1
        k = j + 1
        end_k = -1
        restart = -1
        while k < n:
            m2 = marks[k]
            if _closes(opener, m2) and (
                opener not in _SINGLE_OPENERS or _single_closer_ok(text, marks, k, hi)
            ):
                depth -= 1
                if depth == 0:
                    end_k = k
                    break
            elif _same_family_opener(opener, m2):
                if opener in "«»‹「『":
                    depth += 1  # «…«…»…» nests: guillemets are unambiguous
                elif opener in "“”„" and suf_close[k] >= suf_open[k] + depth:
                    depth += 1  # “The word “rigged” is…” – enough closers left to nest
                elif opener in '“”„"':
                    restart = k  # the first quote never closed: “A … “B …”
                    break
            k += 1
        start = mk.pos + (2 if text.startswith("““", mk.pos) else 1)
        if opener in '"“':
            # The quoted words start at the first non-blank after any double
            # opener (a "“ Q,”" typed with a space inside), not only after the
            # misplaced one of ``_spaced_openers``.
            while start < hi and text[start] in " \t":
                start += 1
        if end_k >= 0:
            close_pos = marks[end_k].pos
            out.append(Span(mk.pos, start, close_pos, close_pos + 1, True, opener, pi, pi))
            j = end_k + 1
            continue
        if opener in _SINGLE_OPENERS:
            # An unpaired single mark is far more often an apostrophe than a
            # quotation: ‘cause we said so.  Ignore it.
            j += 1
            continue
        limit = marks[restart].pos if restart >= 0 else hi
        end, why, reached = _infer_end(masked, start, limit)
        if restart >= 0 and not why:
            why = f"before the next opening mark at offset {marks[restart].pos}"
            reached = False
        if not why:
            why = "at end of paragraph"
        sp = Span(mk.pos, start, end, end, False, opener, pi, pi)
        sp.notes.append(f"opening mark at offset {mk.pos} never closed; end inferred {why}")
        sp.reached_para_end = reached
        out.append(sp)
        if restart >= 0:
            j = restart
        else:
            break
    return out


# A headline that opens with a quotation and goes on after a colon or a dash:
# "“I still write every morning”: a conversation with novelist Ines Carvalho".
_HEADLINE_TAIL = re.compile(r"[ \t*_]*(?::|[—–|])[^\S\n]+[^\n]{1,120}")


_LEAD_BLANK = re.compile(r"[ \t\n\r\f\v*_#>\-]*")


def is_heading_like(text: str, lo: int, hi: int, sp: Span) -> bool:
    """A short paragraph wholly in marks without terminal punctuation: “Russia comes to help”."""
    if not sp.closed:
        return False
    # Matched from the paragraph start, not sliced: a quotation deep in a long
    # paragraph must not copy all of it.
    if _LEAD_BLANK.match(text, lo, sp.open).end() < sp.open:  # type: ignore[union-attr]
        return False
    before = ""
    after = text[sp.close : hi].strip(" \t*_")
    if not before and after and _HEADLINE_TAIL.fullmatch(text, sp.close, hi):
        # The rest of the headline has no sentence end and no reporting verb.
        tail = after.rstrip(" \t*_")
        if (
            tail[-1:] not in ".!?”\"’'"
            and not CUE.search(tail)
            and len(tail.split()) <= LIMITS.headline_tail_max_words
        ):
            words = text[sp.start : sp.end].split()
            return 0 < len(words) <= LIMITS.heading_max_words and not re.search(
                r"[.!?…:;,]$", text[sp.start : sp.end]
            )
    if before or after:
        return False
    words = text[sp.start : sp.end].split()
    if not words or len(words) > LIMITS.heading_max_words:
        return False
    return not re.search(r"[.!?…:;,]$", text[sp.start : sp.end].rstrip())


def _merge_paragraphs(text: str, paras: list[tuple[int, int]], spans: list[Span]) -> list[Span]:
    """Join a quotation whose paragraph ends open with the next paragraph's
    re-opened quotation: “Para one…\\n\\n“Para two…” is one quotation."""
    first_in_para: dict[int, int] = {}
    for idx, sp in enumerate(spans):
        first_in_para.setdefault(sp.para, idx)
    out: list[Span] = []
    consumed: set[int] = set()
    for idx, sp in enumerate(spans):
        if idx in consumed:
            continue
        cur = sp
        paras_joined = 1
        while not cur.closed and cur.reached_para_end:
            nxt_idx = first_in_para.get(cur.last_para + 1)
            if nxt_idx is None:
                break
            nxt = spans[nxt_idx]
            lo, hi = paras[nxt.para]
            lead = text[lo : nxt.open].strip(" \t*_>")
            if lead or not _same_kind(cur.family, nxt.family):
                break
            if is_heading_like(text, lo, hi, nxt):
                break
            consumed.add(nxt_idx)
            paras_joined += 1
            cur = Span(
                cur.open,
                cur.start,
                nxt.end,
                nxt.close,
                nxt.closed,
                cur.family,
                cur.para,
                nxt.last_para,
                list(nxt.notes),
                nxt.reached_para_end,
            )
        if paras_joined > 1:
            cur.notes.insert(0, f"quotation runs over {paras_joined} paragraphs")
        out.append(cur)
    return out


def _same_kind(a: str, b: str) -> bool:
    dbl = "“”„"
    return (a in dbl and b in dbl) or a == b
