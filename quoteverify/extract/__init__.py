"""Quotation extraction: article → quotations with speakers.

``extract_quotes(article)`` is a pure function.  It finds quotation spans
(``_marks``), decides what each one is (a quotation, an attributed fragment, a
scare quote or a heading) and who said it (``_speakers``).
"""

from __future__ import annotations

import re

from quoteverify.extract._cues import (
    Attribution,
    as_finding,
    attribution_after,
    attribution_before,
    attribution_indirect,
    finding_attribution,
    previous_sentence_lead,
)
from quoteverify.extract._lexicon import CUE, SCARE_GUARD, SCARE_GUARD_LAST
from quoteverify.extract._marks import Span, find_spans, is_heading_like
from quoteverify.extract._names import Cand, NameIndex
from quoteverify.extract._phrases import parse_np, sentence_subject
from quoteverify.extract._resolve import Resolver
from quoteverify.extract._text import (
    SentenceIndex,
    blank_between,
    dateline_end,
    mask_markup,
    paragraphs,
    sentence_starts,
)
from quoteverify.models import Article, Quote, QuoteKind, Speaker
from quoteverify.thresholds import DEFAULT

__all__ = ["extract_quotes"]

# A quotation of at most this many words is a fragment when attributed and a
# scare quote when not: 20,000 “terrorists” / ‘Russian NATO’.  The same rule the
# verdict stage judges fragments by, so it is read from one place.
FRAGMENT_MAX_WORDS = DEFAULT.fragment_max_words


def extract_quotes(article: Article) -> list[Quote]:
    """Quotations of ``article`` in reading order, ids "q1", "q2", …"""
    text = article.text
    if not text:
        return []
    masked = mask_markup(text)
    paras = _content_paragraphs(text, masked)
    if not paras:
        return []
    spans = find_spans(text, masked, paras)
    resolver = Resolver(NameIndex(masked), text, _blank_spans(masked, spans), paras)
    sents = SentenceIndex(masked, paras)
    bare_sents = SentenceIndex(resolver.bare, paras)
    headings = sorted(article.headings)
    out: list[Quote] = []
    prev_span: Span | None = None
    prev_quote: Quote | None = None
    for sp in spans:
        q = _one(
            sp,
            text,
            masked,
            paras,
            headings,
            resolver,
            prev_span,
            prev_quote,
            len(out) + 1,
            (sents, bare_sents),
        )
        out.append(q)
        prev_span = sp
        if q.kind == "quote":
            prev_quote = q
        elif q.kind == "heading":
            prev_quote = None
    return out


def _in_heading(headings: list[tuple[int, int]], a: int, b: int) -> tuple[int, int] | None:
    for h in headings:
        if h[0] <= a and b <= h[1]:
            return h
    return None


# Small words a title leaves in lower case; "n" is the ’n’ of "Rock ’n’ Roll Heart".
_TITLE_CASE_SMALL = frozenset("a an the of and or for to in on at by with from vs n".split())


def _title_case(words: list[str]) -> bool:
    """“Meet the Press”: every word but the small ones capitalised."""
    if len(words) < 2:
        return False
    for w in words:
        w2 = w.strip(",.;:!?’'‘\"“”()")
        if not w2:
            continue
        if w2.lower() in _TITLE_CASE_SMALL:
            continue
        if not w2[0].isupper():
            return False
    return True


def _one(
    sp: Span,
    text: str,
    masked: str,
    paras: list[tuple[int, int]],
    headings: list[tuple[int, int]],
    resolver: Resolver,
    prev_span: Span | None,
    prev_quote: Quote | None,
    n: int,
    sents: tuple[SentenceIndex, SentenceIndex],
) -> Quote:
    qid = f"q{n}"
    body = text[sp.start : sp.end]
    notes = tuple(sp.notes)
    plo, phi = paras[sp.para]
    words = body.split()

    def make(
        kind: QuoteKind,
        speaker: Speaker | None = None,
        cue: str | None = None,
        extra: tuple[str, ...] = (),
    ) -> Quote:
        return Quote(qid, body, sp.start, sp.end, sp.closed, kind, speaker, cue, notes + extra)

    # Headings: known from markup, or guessed from a short paragraph wholly in marks
    # with no terminal punctuation and no colon lead-in before it: “Russia comes to help”.
    h = _in_heading(headings, sp.open, sp.close)
    if h is not None:
        whole = not text[h[0] : sp.open].strip(" \t*_#") and not text[sp.close : h[1]].strip(
            " \t*_#."
        )
        if whole or len(words) > FRAGMENT_MAX_WORDS:
            return make("heading")
    if (
        h is None
        and is_heading_like(masked, plo, phi, sp)
        and not (sp.para > 0 and _ends_with_colon(masked, *paras[sp.para - 1]))
    ):
        return make("heading")

    # Where the sentence holding the quotation starts, and whether the quotation
    # begins it ("sentence-initial") or sits inside a sentence of the writer's.
    lo = sents[0].start_before(sp.open, sp.para)
    if prev_span is not None and prev_span.last_para == sp.para and prev_span.close > lo:
        lo = prev_span.close
    prefix = masked[lo : sp.open].strip(" \t\n*_")
    at_para_start = blank_between(masked, plo, sp.open)

    # Titles, nicknames and terms: goes by the name “Shorty”, the word “rigged”.
    if len(words) <= 8 and _scare_guarded(masked, max(plo, sp.open - 40), sp.open):
        return make("scare")

    att: Attribution | None = attribution_after(
        masked, sp.close, paras[sp.last_para][1], body.rstrip()[-1:]
    )
    split = _split_half_speaker(masked, sp, prev_span, prev_quote) if att is None else None
    if split is not None:
        # The second half of a split quotation: “Q1,” said captain Ivo Maric,
        # “Q2.” – the cue between the halves belongs to both.
        return make("quote", split, prev_quote.cue if prev_quote else None)
    if att is None:
        att = attribution_before(masked, lo, sp.open, _lead_empty(masked, plo, lo))
    if att is None and at_para_start and sp.para > 0:
        # A colon lead-in that ends the previous paragraph:
        # "…, Blinken said:\n\n“I think a lesson…”"
        pa, pb = paras[sp.para - 1]
        if _ends_with_colon(masked, pa, pb):
            starts = sentence_starts(masked, pa, pb)
            att = attribution_before(masked, starts[-1], pb, False) or previous_sentence_lead(
                masked, starts[-1], pb
            )
            if att is None:
                # A lead-in without a reporting verb: "Transportation Secretary Pete
                # Buttigieg, visiting the site, struck a different note:" – its
                # subject, when that is a person, speaks.
                c = sentence_subject(resolver.bare, starts[-1], pb)
                if c is not None and (
                    c.kind in ("pron", "role") or (c.kind == "name" and c.type == "person")
                ):
                    att = Attribution(c, ":", "prev-lead")
    if (
        att is None
        and prev_span is not None
        and lo == prev_span.close
        and (prefix.endswith(":") or CUE.search(prefix))
    ):
        # A lead-in that itself quotes a phrase: "Dennis Friest says it “feels
        # like a weight has been lifted” now that …:", or a second verb with no
        # subject of its own: "Morrow said she would ‘look carefully’ at the
        # petition but warned that ‘…’" – read the whole sentence with the quoted
        # phrase blanked.
        lo2 = sents[1].start_before(sp.open, sp.para)
        att = attribution_before(resolver.bare, lo2, sp.open, _lead_empty(masked, plo, lo2))
    if att is None and (not prefix or prefix.endswith(":")) and _is_list_item(text, plo):
        # A bullet with no speaker of its own under a lead-in ("Duffy took to
        # Capitol Hill today to expose …:") or a header ("**Special Envoy Steve
        # Witkoff on State of the Union**"): the speaker is the lead-in's.
        att = _list_lead_attribution(text, masked, resolver.bare, paras, sp.para)
    if att is None and not prefix and lo > plo:
        # "Secretary Chris Wright said. “…”"
        ps = sents[0].prev_start(lo, sp.para)
        if prev_span is None or prev_span.close <= ps or prev_span.last_para != sp.para:
            att = previous_sentence_lead(masked, ps, lo)
    direct = (
        att is not None
        and att.how != "indirect"
        and (not prefix or att.how in ("lead", "label", "prev-lead", "according"))
    )
    if att is None and prefix:
        att = attribution_indirect(masked, lo, sp.open)
    if att is None and prefix and prev_span is not None and lo == prev_span.close:
        # The sentence's cue sits before an earlier quoted phrase: "Kühn called the
        # criticism “unfair” and the delays “regrettable but unavoidable”" – look
        # from the start of the sentence, quotations blanked.
        lo2 = sents[1].start_before(sp.open, sp.para)
        att = attribution_indirect(resolver.bare, lo2, sp.open)

    if att is None and prefix:
        att = _chant_attribution(masked, lo, sp)
        direct = direct or att is not None
    if att is None and prefix:
        # "The study found that students … “gained …”": a document's finding.
        att = finding_attribution(masked, lo, sp.open)
    if att is not None:
        att = as_finding(att)
    short = len(words) <= FRAGMENT_MAX_WORDS
    if short and not direct:
        # An embedded short phrase: a fragment of the speaker whose cue governs
        # the sentence, otherwise a scare quote.
        if att is None or _title_case(words) or _is_nickname(masked, sp):
            return make("scare")
        spk = resolver.resolve(att.cand, att.cue)
        return make("fragment", spk, att.cue)
    # Judged on the masked words, so that a link's URL does not count:
    # released “[Winning the AI Race: America’s AI Action Plan](https://…)”.
    mbody = masked[sp.start : sp.end]
    mwords = mbody.split()
    linked = text[sp.open - 1 : sp.open] == "[" or "](" in body
    if (
        att is None
        and prefix
        and _title_case(mwords)
        and (len(mwords) <= 8 or linked)
        and not re.search(r"[.!?]$", mbody.rstrip())
    ):
        # A title mid-sentence: on “Meet the Press”; a linked document title:
        # a new resource, [“Guidebook to the Inflation Reduction Act’s …,”](url).
        return make("scare")
    if att is not None:
        spk = resolver.resolve(att.cand, att.cue)
        return make("quote", spk, att.cue)
    # No cue of its own: a quotation that opens a paragraph or sentence right after
    # another quotation carries on that quotation's speaker (seed quote 8).
    if (
        prev_quote is not None
        and prev_quote.speaker is not None
        and prev_span is not None
        and not prefix
        and sp.para - prev_span.last_para <= 1
    ):
        return make(
            "quote", prev_quote.speaker, None, (f"speaker carried over from {prev_quote.id}",)
        )
    return make("quote")


def _scare_guarded(masked: str, a: int, b: int) -> bool:
    """SCARE_GUARD before the quotation, its regex run only when one of the last
    two words can end it (the set look-up skips it for most quotations)."""
    last = masked[a:b].split()[-2:]
    if not any(w.strip("*_") in SCARE_GUARD_LAST for w in last):
        return False
    return SCARE_GUARD.search(masked, a, b) is not None


def _lead_empty(masked: str, plo: int, lo: int) -> bool:
    """Nothing but a dateline or timestamp before ``lo`` in its paragraph:
    "**12:20 p.m.** — Raman, again, in a follow-up note: “…”" is a label."""
    return blank_between(masked, plo, lo, False) or dateline_end(masked, plo, lo + 1) == lo


def _ends_with_colon(masked: str, a: int, b: int) -> bool:
    """masked[a:b] ends in ":" (after blanked markup), looking at its tail only."""
    tail = masked[max(a, b - 80) : b].rstrip()
    if not tail and b - a > 80:
        tail = masked[a:b].rstrip()
    return tail.endswith(":")


# A chant or cry named by its noun: "sent the home end into a chorus of “Hammer
# time!”", "chants of “Lock him up” from the crowd", "the crowd broke into cries of".
_CHANT_NOUN = (
    r"(?i:chorus|chant|chants|cry|cries|shout|shouts|cheer|cheers|roar|roars|boos|refrain|"
    r"chanting|singing)"
)
_CHANT_LEAD = re.compile(rf"\b{_CHANT_NOUN}[^\S\n]+of[^\S\n]*$")
_CHANT_WHO = re.compile(
    rf"(?P<np>\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w\-]+\s+){{0,2}}?[\w\-]+)"
    rf"\s+(?:(?:broke|burst|erupted|went)\s+)?(?:into|in|with)\s+(?:(?:a|an|the)\s+)?"
    rf"(?:[\w\-]+\s+)?{_CHANT_NOUN}\s+of\s*$"
)
_CHANT_STOP = re.compile(r"[,.;!?\n]|\s(?:as|when|while|after|before|and|but|that|who)\b|$")
_CHANT_FROM = re.compile(r"[^\S\n]*(?:rose\s+|came\s+)?from\s+")


def _chant_attribution(masked: str, lo: int, sp: Span) -> Attribution | None:
    """Who chants: "from the crowd" after the quotation, else the noun phrase that
    breaks into the chorus before it."""
    if not _CHANT_LEAD.search(masked, max(lo, sp.open - 40), sp.open):
        return None
    m = _CHANT_FROM.match(masked, sp.close)
    if m:
        stop = _CHANT_STOP.search(masked, m.end(), m.end() + 80)
        c = parse_np(masked, m.end(), stop.start() if stop else m.end() + 80, "head")
        if c is not None and c.kind in ("group", "orgn", "name"):
            return Attribution(c, "chanted", "indirect")
    w = _CHANT_WHO.search(masked, max(lo, sp.open - 160), sp.open)
    if w is None:
        return None
    a, b = w.span("np")
    phrase = " ".join(masked[a:b].split())
    head = phrase.split(" ")[-1].lower()
    return Attribution(Cand("group", a, b, phrase, None, "group", head=head), "chanted", "indirect")


_PREV_WORD = re.compile(r"([\w’'\-]+)[^\S\n]+$")
_NEXT_WORD = re.compile(r"[^\S\n]+([\w’'\-]+)")


def _is_nickname(masked: str, sp: Span) -> bool:
    """A short quoted phrase between a first name and a surname is a nickname,
    not a fragment of speech: Eddie “Shorty” Malone."""
    if not sp.closed:
        return False
    pm = _PREV_WORD.search(masked, max(0, sp.open - 40), sp.open)
    nm = _NEXT_WORD.match(masked, sp.close)
    if pm is None or nm is None:
        return False
    return pm.group(1)[:1].isupper() and nm.group(1)[:1].isupper()


# The gap between the halves of a split quotation: no sentence ends in it and it
# ends in a comma or colon (“Q1,” X said, “Q2” / “Q1,” X said, pausing, “Q2”).
_SPLIT_GAP = re.compile(r"[^.!?;\n“”\"«»„]{1,120}[,:—–]\s*")


def _split_half_speaker(
    masked: str, sp: Span, prev_span: Span | None, prev_quote: Quote | None
) -> Speaker | None:
    """The speaker of the first half when ``sp`` is the second half of a split
    quotation whose cue sits between the halves."""
    if prev_span is None or prev_quote is None or prev_quote.speaker is None:
        return None
    if prev_span.last_para != sp.para or not prev_span.closed:
        return None
    spk = prev_quote.speaker
    if not (prev_span.close <= spk.start and spk.end <= sp.open):
        return None  # the first half's speaker was named elsewhere
    if _SPLIT_GAP.fullmatch(masked, prev_span.close, sp.open) is None:
        return None
    # Someone else may take over in the gap: “I know,” Smith said, before Jones
    # interrupted: “No, you don’t.”  One cue only, and no other name after it.
    cues = list(CUE.finditer(masked, prev_span.close, sp.open))
    if len(cues) > 1:
        return None
    rest = max(spk.end, cues[0].end() if cues else spk.end)
    if any(w not in _DATE_WORDS for w in _CAP_WORD.findall(masked, rest, sp.open)):
        return None
    return spk


_CAP_WORD = re.compile(r"\b[A-Z][\w’'\-]*")
_DATE_WORDS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December".split()
)


_LIST_ITEM = re.compile(r"[-*+•][ \t]|\d{1,3}[.)][ \t]")
_HEADER_ON = re.compile(r"\s+(?:on|at|in|to|with|about|for)\s+\S")


def _is_list_item(text: str, plo: int) -> bool:
    return _LIST_ITEM.match(text, plo) is not None


def _list_lead_attribution(
    text: str, masked: str, bare: str, paras: list[tuple[int, int]], pi: int
) -> Attribution | None:
    """The speaker of the paragraph that introduces a list: a colon lead-in
    sentence or a short header naming a person."""
    j = pi - 1
    while j >= 0 and pi - j <= 15 and _is_list_item(text, paras[j][0]):
        j -= 1
    if j < 0 or pi - j > 15:
        return None
    a, b = paras[j]
    seg = masked[a:b].strip(" \t\n*_")
    if seg.endswith(":"):
        if not re.search(r"\b[a-z]", seg):
            return None  # a title-case header, not a lead-in: "Promises Made, Promises Kept:"
        starts = sentence_starts(bare, a, b)
        att = attribution_before(bare, starts[-1], b, starts[-1] == a) or previous_sentence_lead(
            bare, starts[-1], b
        )
        if att is not None:
            return att
        c = sentence_subject(bare, starts[-1], b)
    elif len(seg.split()) <= 16 and not re.search(r"[.!?”\"]$", seg):
        # "Special Envoy Steve Witkoff on State of the Union": the header's name,
        # cut before the programme or topic it is "on".
        m = _HEADER_ON.search(masked, a, b)
        c = parse_np(masked, a, m.start() if m else b, "full")
    else:
        return None
    if c is None or c.kind not in ("name", "role", "group") or c.type == "organization":
        return None
    return Attribution(c, ":", "list")


def _blank_spans(masked: str, spans: list[Span]) -> str:
    """``masked`` with every quotation (marks included) blanked: the writer's words
    only, for finding sentence subjects and antecedents."""
    out: list[str] = []
    pos = 0
    for sp in spans:
        if sp.open < pos:
            continue
        out.append(masked[pos : sp.open])
        out.append(" " * (sp.close - sp.open))
        pos = sp.close
    out.append(masked[pos:])
    return "".join(out)


def _content_paragraphs(text: str, masked: str) -> list[tuple[int, int]]:
    """Paragraphs split on the original text (list markers still visible), minus the
    ones the mask blanked entirely (front matter)."""
    return [(a, b) for a, b in paragraphs(text) if masked[a:b].strip()]
