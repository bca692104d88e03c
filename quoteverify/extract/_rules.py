"""The extractor's decisions as ordered rule tables.

Each quotation span goes through three tables, first match wins in each:

1. ``EARLY_KIND_RULES`` – kinds decided before any speaker is looked for
   (headings, terms after "called").
2. ``ATTRIBUTION_RULES`` – who said it: the first rule that finds an
   attribution (a cue and a speaker phrase) or a speaker decides.
3. ``KIND_RULES`` – with the attribution known, what the quotation is
   (a quotation, an attributed fragment, a scare quote, a title).

The id of the rule that decided the speaker (or, with no speaker, the kind) is
``Quote.attribution_rule``; ``explain`` lists every rule that fired.  Each rule's
docstring names the real case it serves, with a doctest on real text
(``demo`` shows kind, speaker and deciding rule of a text's last quotation).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from quoteverify._lazyre import lazy
from quoteverify.extract._cues import (
    Attribution,
    as_finding,
    attribution_after,
    attribution_before,
    attribution_indirect,
    finding_attribution,
    previous_sentence_lead,
)
from quoteverify.extract._lexicon import (
    CHANT_NOUN,
    CUE,
    DATE_WORDS,
    NOT_SPEAKERS,
    SCARE_GUARD,
    SCARE_GUARD_LAST,
    TITLE_CASE_SMALL,
)
from quoteverify.extract._limits import LIMITS, ExtractLimits
from quoteverify.extract._marks import Span, find_spans, is_heading_like
from quoteverify.extract._names import Cand, NameIndex
from quoteverify.extract._phrases import parse_np, sentence_subject
from quoteverify.extract._resolve import Resolver
from quoteverify.extract._sentences import (
    SentenceIndex,
    blank_between,
    dateline_end,
    mask_markup,
    paragraphs,
    sentence_starts,
)
from quoteverify.models import Article, Quote, QuoteKind, Speaker

# ---------------------------------------------------------------------------
# The context one quotation is decided in


@dataclass
class QuoteContext:
    """Everything a rule may read about one quotation span and its article."""

    sp: Span
    text: str  # the article text
    masked: str  # the text with markup blanked (same offsets)
    paras: list[tuple[int, int]]
    headings: list[tuple[int, int]]
    resolver: Resolver
    sents: SentenceIndex  # sentences of ``masked``
    bare_sents: SentenceIndex  # sentences of the text with quotations blanked
    prev_span: Span | None
    prev_quote: Quote | None  # the last quotation of kind "quote" (None after a heading)
    limits: ExtractLimits = LIMITS
    in_name_list: bool = False  # one of a comma list of quoted names (``name_lists``)
    # Derived once, in ``__post_init__``.
    body: str = ""
    words: list[str] = field(default_factory=list)
    plo: int = 0  # the quotation's paragraph
    phi: int = 0
    lo: int = 0  # where the writer's sentence holding the quotation starts
    prefix: str = ""  # the writer's words from ``lo`` to the opening mark
    at_para_start: bool = False

    def __post_init__(self) -> None:
        sp = self.sp
        self.body = self.text[sp.start : sp.end]
        self.words = self.body.split()
        self.plo, self.phi = self.paras[sp.para]
        lo = self.sents.start_before(sp.open, sp.para)
        prev = self.prev_span
        if prev is not None and prev.last_para == sp.para and prev.close > lo:
            lo = prev.close
        self.lo = lo
        self.prefix = self.masked[lo : sp.open].strip(" \t\n*_")
        self.at_para_start = blank_between(self.masked, self.plo, sp.open)

    @property
    def short(self) -> bool:
        return len(self.words) <= self.limits.fragment_max_words

    @property
    def after_prev_quote(self) -> bool:
        """The sentence's writer's words start right after the previous quotation."""
        return self.prev_span is not None and self.lo == self.prev_span.close


@dataclass(frozen=True)
class Decision:
    """What a kind rule decided: the kind, and for fragments and quotations the
    speaker, the cue and any note."""

    kind: QuoteKind
    speaker: Speaker | None = None
    cue: str | None = None
    notes: tuple[str, ...] = ()


# How an attribution rule's find bears on the kind: "by-how" – a direct
# quotation unless the attribution is indirect speech or the sentence has
# words of its own before the mark (then a short quotation is a fragment);
# "never" – indirect speech, a short quotation is a fragment; "always" – direct.
Direct = Literal["by-how", "never", "always"]


@dataclass(frozen=True)
class Rule:
    id: str
    fn: Callable[..., object]
    direct: Direct = "by-how"


@dataclass
class Attributed:
    """The attribution stage's result for one quotation."""

    att: Attribution | None = None
    speaker: Speaker | None = None  # decided outright (the second half of a split quotation)
    rule: str | None = None
    direct: bool = False
    fired: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------
# 1. Kinds decided before attribution


def heading_markup(ctx: QuoteContext) -> Decision | None:
    """A quotation inside a heading of the markup is the heading's text: an HTML
    ``<h1>`` or Markdown ``#`` line wholly in marks, or a long quotation in one.

    >>> demo('“Russia comes to help”\\n\\nThe ministry sent troops.', 0, ((0, 22),))
    'heading None heading-markup'
    """
    sp = ctx.sp
    h = _in_heading(ctx.headings, sp.open, sp.close)
    if h is None:
        return None
    whole = not ctx.text[h[0] : sp.open].strip(" \t*_#") and not ctx.text[sp.close : h[1]].strip(
        " \t*_#."
    )
    if whole or len(ctx.words) > ctx.limits.fragment_max_words:
        return Decision("heading")
    return None


def heading_guess(ctx: QuoteContext) -> Decision | None:
    """Plain text has no markup: a short paragraph wholly in marks, without
    terminal punctuation and not after a colon lead-in, is a heading (the seed
    article's “Russia comes to help”).

    >>> demo('“Russia comes to help”\\n\\nThe ministry sent troops.', i=0)
    'heading None heading-guess'
    """
    sp = ctx.sp
    if _in_heading(ctx.headings, sp.open, sp.close) is not None:
        return None
    if not is_heading_like(ctx.masked, ctx.plo, ctx.phi, sp):
        return None
    if sp.para > 0 and _ends_with_colon(ctx.masked, *ctx.paras[sp.para - 1], ctx.limits):
        return None
    return Decision("heading")


def headline_line(ctx: QuoteContext) -> Decision | None:
    """A plain-text article's first line, when it ends in no sentence punctuation
    and more follows, is its headline: quoted words in it are the headline's
    (Wikinews: "North Korea puts military in 'quasi-state of war'", "Reports:
    'streamlined' UK asylum process to replace interview with questionnaire …").

    >>> demo("North Korea puts military in 'quasi-state of war'\\n\\n"
    ...      "Friday, August 21, 2015\\n\\nThe report comes after North and South Korea"
    ...      " exchanged artillery fire yesterday.", 0)
    'heading None headline-line'
    """
    sp = ctx.sp
    if ctx.headings or sp.para != 0 or sp.last_para != 0 or len(ctx.paras) < 2:
        return None
    line = ctx.masked[ctx.plo : ctx.phi].rstrip(" \t*_")
    if not line or len(line.split()) > ctx.limits.headline_max_words:
        return None
    if re.search(r"[.!?:;,]['’\"”)]*$", line):
        return None
    return Decision("heading")


def scare_term(ctx: QuoteContext) -> Decision | None:
    """Titles, nicknames and terms named as such: goes by the name “Shorty”, the
    word “rigged”, the album “Rock ’n’ Roll Heart”.

    >>> demo('Malone’s album “Long Road Home” topped the charts in the ’90s.')
    'scare None scare-term'
    """
    if len(ctx.words) > ctx.limits.term_max_words:
        return None
    a = max(ctx.plo, ctx.sp.open - ctx.limits.guard_lookback)
    if not _scare_guarded(ctx.masked, a, ctx.sp.open) or _what_x_called(ctx.masked, a, ctx.sp.open):
        return None
    return Decision("scare")


_WHAT_CALLED = lazy(
    r"\bwhat[^\S\n]+(?:[\w’'\-]+[^\S\n]+){1,4}?(?:has[^\S\n]+|had[^\S\n]+|have[^\S\n]+)?"
    r"(?:called|calls|dubbed|dubs|labell?ed|labels|branded|brands|termed|terms|described"
    r"[^\S\n]+as)[^\S\n]+(?:(?:the|a|an)[^\S\n]+)?$"
)


def _what_x_called(masked: str, a: int, b: int) -> bool:
    """ "what X called a “…”" is X's word for the thing, attributed to X, not a term
    named as such (issue class 1): "ABC News aired what it called a “violent Border
    Patrol detention”" (White House, 2025-11-19), "Nasrallah … made the fateful
    decision to join hands with Hamas and open what he called a “northern front”"
    (statement of 2024-09-28) – the guard word "called" has a
    subject of its own.

    >>> _what_x_called('ABC News aired what it called a ', 0, 32)
    True
    >>> _what_x_called('a man called ', 0, 13)
    False
    """
    return _WHAT_CALLED.search(masked, a, b) is not None


def name_list(ctx: QuoteContext) -> Decision | None:
    """One of three or more short capitalised quotations listed with commas and
    "and" is a name, not anyone's words: a filmography "films such as “Out of
    Sight,” “O Brother, Where Art Thou,” “Syriana,” …" (appointments release,
    2023-04-13), grant programs "“RAISE”, “INFRA”, “RURAL”, and “MEGA”" (White House).

    >>> demo('Title\\n\\nHer credits include “Georgia,” “Five,” “Veronica’s Closet,”'
    ...      ' and “The Powers That Be.”', 1)
    'scare None name-list'
    """
    return Decision("scare") if ctx.in_name_list else None


_LIST_GAP = re.compile(r"[^\S\n]*(?:,[^\S\n]*)?(?:(?:and|or)[^\S\n]+)?")


def name_lists(text: str, spans: list[Span], limits: ExtractLimits = LIMITS) -> set[int]:
    """Indices of spans that belong to a run of at least three short quotations,
    each opening with a capital and none a sentence (no inner ".", "!" or "?" but
    at its end before the list ends), joined only by commas and "and"/"or"."""

    def item(sp: Span) -> bool:
        body = text[sp.start : sp.end].strip()
        words = body.split()
        if not sp.closed or not words or len(words) > limits.title_max_words:
            return False
        if not (body[:1].isupper() or body[:1].isdigit()):
            return False
        return not re.search(r"[.!?]\S*\s", body + " ") or body.endswith(".")

    out: set[int] = set()
    run: list[int] = []
    for i, sp in enumerate(spans):
        if not item(sp):
            run = []
            continue
        if run:
            prev = spans[run[-1]]
            gap_ok = prev.para == sp.para and _LIST_GAP.fullmatch(text, prev.close, sp.open)
            inner_end = text[prev.start : prev.end].rstrip()[-1:]
            if not gap_ok or inner_end in ".!?":
                run = []
        run.append(i)
        if len(run) >= 3:
            out.update(run)
    return out


EARLY_KIND_RULES: tuple[Rule, ...] = (
    Rule("heading-markup", heading_markup),
    Rule("heading-guess", heading_guess),
    Rule("headline-line", headline_line),
    Rule("name-list", name_list),
    Rule("scare-term", scare_term),
)


# ---------------------------------------------------------------------------
# 2. Attribution


def cue_after(ctx: QuoteContext) -> Attribution | None:
    """The cue after the quotation: “Q,” X said / “Q,” said X / “Q” — X /
    “Q,” according to X (the seed's Blinken and Russian Foreign Ministry quotes).

    >>> demo('“Kazakhstan has been the object of armed aggression by well-coordinated'
    ...      ' terrorist groups trained abroad,” the country’s ambassador to Ankara, Abzal'
    ...      ' Saparbekuly, told reporters on Tuesday.')
    'quote Abzal Saparbekuly cue-after'
    """
    sp = ctx.sp
    return attribution_after(
        ctx.masked, sp.close, ctx.paras[sp.last_para][1], ctx.body.rstrip()[-1:]
    )


def split_half(ctx: QuoteContext) -> Speaker | None:
    """The second half of a split quotation: “Q1,” said captain Ivo Maric, “Q2.”
    – the cue between the halves belongs to both.

    >>> demo('“I won’t blame the referee,” said captain Ivo Maric,'
    ...      ' “because we had our chances.”')
    'quote Ivo Maric split-half'
    """
    return _split_half_speaker(ctx.masked, ctx.sp, ctx.prev_span, ctx.prev_quote, ctx.limits)


def cue_before(ctx: QuoteContext) -> Attribution | None:
    """The cue before the quotation in its sentence: X said, “Q” / X told
    reporters on Tuesday: “Q” / a label "**Mayor Aftab Pureval, Cincinnati:**".

    >>> demo('The Russian Foreign Ministry hit back at Blinken’s statement and said, “If'
    ...      ' Antony Blinken loves history lessons so much, here’s one that comes to mind.”')
    'quote Russian Foreign Ministry cue-before'
    """
    return attribution_before(
        ctx.masked, ctx.lo, ctx.sp.open, _lead_empty(ctx.masked, ctx.plo, ctx.lo)
    )


def label_in_run(ctx: QuoteContext) -> Attribution | None:
    """A speaker label that is not at a paragraph's start: round-ups run their list
    of "Name, affiliation: “Q”" items together in one paragraph, and a lead-in
    sentence may come first ("… met with praise across the board. American Iron
    and Steel Institute: “…” Renewable Fuels Association: “…”", 2025-03-04;
    "Sen. Chuck Schumer: “…” Sen. Bernie Sanders: “…”"). Read as a label when the
    writer's words start right after the previous quotation or a sentence end.

    >>> demo('Title\\n\\nThe plan was met with praise across the board. American Iron'
    ...      ' and Steel Institute: “Producers know the impact.” Renewable Fuels'
    ...      ' Association: “We have spent a decade fighting.”')
    'quote Renewable Fuels Association label-in-run'
    """
    if ctx.lo <= ctx.plo or not ctx.prefix.endswith(":"):
        return None
    prev = ctx.masked[ctx.plo : ctx.lo].rstrip()
    if not (ctx.after_prev_quote or prev.endswith((".", "!", "?", "”", '"', "…"))):
        return None
    att = attribution_before(ctx.masked, ctx.lo, ctx.sp.open, True)
    return att if att is not None and att.how == "label" else None


def statement_label_inline(ctx: QuoteContext) -> Attribution | None:
    """A "Statement from X:" label on the quotation's own line, or run into a
    paragraph: "*Statement from the President:* “…”", "Statement from the First
    Lady: “…”" (fact sheets of 2024-04-11 and 2023-11-13): X speaks, not the word
    "Statement" (``statement-label`` reads the label when it is a paragraph of its own).

    >>> demo('Title\\n\\nStatement from Secretary Xavier Becerra: “We are proud.”')
    'quote Xavier Becerra statement-label-inline'
    """
    if not ctx.prefix.endswith(":"):
        return None
    return _statement_from(ctx.masked, ctx.lo, ctx.sp.open)


def _statement_from(masked: str, a: int, b: int) -> Attribution | None:
    while a < b and masked[a] in ' \t\n*_”"':
        a += 1
    while b > a and masked[b - 1] in " \t\n*_":
        b -= 1
    m = _STATEMENT_FROM.match(masked, a, b)
    if m is None:
        return None
    c = parse_np(masked, m.start("np"), m.end("np"), "full")
    if c is None or c.kind not in ("name", "role") or c.type == "organization":
        return None
    return Attribution(c, ":", "label")


def _colon_lead_sentence(ctx: QuoteContext) -> tuple[int, int] | None:
    """The last sentence of the previous paragraph when it ends in a colon and
    the quotation opens its own paragraph."""
    sp = ctx.sp
    if not ctx.at_para_start or sp.para == 0:
        return None
    pa, pb = ctx.paras[sp.para - 1]
    if not _ends_with_colon(ctx.masked, pa, pb, ctx.limits):
        return None
    return sentence_starts(ctx.masked, pa, pb)[-1], pb


_STATEMENT_FROM = re.compile(
    r"(?:(?:An?|The)\s+)?(?:Joint\s+)?Statement\s+(?:from|by)\s+(?P<np>[^:\n]{2,120}?)(?:,\s*(?:Jr|Sr)\.?)?\s*:\s*$"
)


def statement_label(ctx: QuoteContext) -> Attribution | None:
    """A release's label line "Statement from President Joseph R. Biden, Jr.:" over a
    quotation paragraph: the person after "from" speaks, not the word "Statement"
    (colon-lead would take the sentence's head noun). Real cases: the Kirby
    appointment release (three labels) and the 2021-03-30 judicial nominees release.

    >>> demo('The position will be housed at the NSC.\\n\\nStatement from National Security'
    ...      ' Advisor Jake Sullivan:\\n\\n“I am proud to welcome John to the team.”')
    'quote Jake Sullivan statement-label'
    """
    s = _colon_lead_sentence(ctx)
    if s is None:
        return None
    a, b = s
    while b > a and ctx.masked[b - 1] in " \t\n*_":
        b -= 1
    m = _STATEMENT_FROM.match(ctx.masked, a, b)
    if m is None:
        return None
    c = parse_np(ctx.masked, m.start("np"), m.end("np"), "full")
    if c is None or c.kind not in ("name", "role") or c.type == "organization":
        return None
    return Attribution(c, ":", "prev-lead")


def colon_lead(ctx: QuoteContext) -> Attribution | None:
    """A colon lead-in that ends the previous paragraph (the seed: "…, Blinken
    said:" then “I think a lesson…” as a paragraph of its own).

    >>> demo('Of the Russians leading a peacekeeping force in Kazakhstan, Blinken said:'
    ...      '\\n\\n“I think a lesson from recent history is that once the Russians are in your'
    ...      ' house, sometimes it’s very difficult to get them to leave.”')
    'quote Blinken colon-lead'
    """
    s = _colon_lead_sentence(ctx)
    if s is None:
        return None
    a, b = s
    return attribution_before(ctx.masked, a, b, False) or previous_sentence_lead(ctx.masked, a, b)


def colon_lead_subject(ctx: QuoteContext) -> Attribution | None:
    """A colon lead-in without a reporting verb: "Transportation Secretary Pete
    Buttigieg, visiting the site, struck a different note:" – its subject, when
    that is a person, speaks.

    >>> demo('Transportation Secretary Pete Buttigieg, visiting the site, struck a'
    ...      ' different note:\\n\\n“A bridge like this is not a luxury.”')
    'quote Pete Buttigieg colon-lead-subject'
    """
    s = _colon_lead_sentence(ctx)
    if s is None:
        return None
    c = sentence_subject(ctx.resolver.bare, *s)
    if c is not None and (c.kind in ("pron", "role") or (c.kind == "name" and c.type == "person")):
        return Attribution(c, ":", "prev-lead")
    return None


def lead_with_quoted_phrase(ctx: QuoteContext) -> Attribution | None:
    """A lead-in that itself quotes a phrase: "Dennis Friest says it “feels like a
    weight has been lifted” now that …:", or a second verb with no subject of its
    own: "Morrow said she would ‘look carefully’ at the petition but warned that
    ‘…’" – the whole sentence is read with the quoted phrase blanked.

    >>> demo('Councillor Janet Morrow, the council leader, said she would ‘look carefully’'
    ...      ' at the petition but warned that ‘every pound spent here is a pound not spent on'
    ...      ' social care’.')
    'quote Janet Morrow lead-with-quoted-phrase'
    """
    if not ctx.after_prev_quote or not (ctx.prefix.endswith(":") or CUE.search(ctx.prefix)):
        return None
    lo2 = ctx.bare_sents.start_before(ctx.sp.open, ctx.sp.para)
    return attribution_before(
        ctx.resolver.bare, lo2, ctx.sp.open, _lead_empty(ctx.masked, ctx.plo, lo2)
    )


def list_lead(ctx: QuoteContext) -> Attribution | None:
    """A bullet with no speaker of its own under a lead-in ("Duffy took to Capitol
    Hill today to expose …:") or a header ("**Special Envoy Steve Witkoff on State
    of the Union**"): the speaker is the lead-in's.

    >>> demo('**Special Envoy Steve Witkoff on State of the Union**\\n\\n-   [On securing a'
    ...      ' rare earth minerals agreement with\\n    Ukraine](https://x.com/RapidResponse47/'
    ...      'status/1893670753574256879):\\n    “I expect to see a deal signed this week.”')
    'quote Steve Witkoff list-lead'
    """
    if ctx.prefix and not ctx.prefix.endswith(":"):
        return None
    if not _is_list_item(ctx.text, ctx.plo):
        return None
    return _list_lead_attribution(
        ctx.text, ctx.masked, ctx.resolver.bare, ctx.paras, ctx.sp.para, ctx.limits
    )


# What a round-up leaves between quotations under a header: its "(Watch)" links.
_HEADER_GAP = re.compile(r"(?:\(?Watch\)?|[\s.,;])*")


def header_lead(ctx: QuoteContext) -> Attribution | None:
    """A paragraph of quotations only (at most "(Watch)" links between them) under a
    one-line header naming a person: "Border Czar Tom Homan" or "Senator Katie Britt
    on State of the Union", then “Q1.” Watch “Q2.” Watch. The header's speaker says
    every one of them (White House "Sunday shows" round-ups in plain text, where the
    header has lost the bold that ``list-lead`` reads; real cases 2025-07-13 and
    2025-06-29).

    >>> demo('Here’s what you missed:\\n\\nSenator Markwayne Mullin on Meet the Press\\n\\n'
    ...      '“This cuts spending.” (Watch) “What we’re doing is cutting the waste.” (Watch)')
    'quote Markwayne Mullin header-lead'
    """
    sp = ctx.sp
    if sp.para == 0 or ctx.text[ctx.plo : ctx.plo + 1] not in '“"':
        return None
    bare = ctx.resolver.bare
    if not _HEADER_GAP.fullmatch(bare, ctx.plo, sp.open):
        return None
    if not _HEADER_GAP.fullmatch(bare, sp.close, ctx.phi):
        return None
    a, b = ctx.paras[sp.para - 1]
    seg = ctx.masked[a:b].strip(" \t\n*_")
    if not seg or "\n" in seg or len(seg.split()) > ctx.limits.list_header_max_words:
        return None
    if re.search(r"[.!?:;,”\"]$", seg):
        return None
    m = _HEADER_ON.search(ctx.masked, a, b)
    c = parse_np(ctx.masked, a, m.start() if m else b, "full")
    # A title is required: round-up headers name officials by office ("Border Czar
    # Tom Homan"), while a section header cut at "in" ("Historic Milestone in
    # Making D.C. Safe Again", 2025-08-21) would otherwise pass for a name.
    if c is None or c.kind != "name" or c.type != "person" or not c.title:
        return None
    return Attribution(c, ":", "list")


def label_over_headline(ctx: QuoteContext) -> Attribution | None:
    """An op-ed round-up item: a label naming the writer and the outlet, then the
    piece's headline, then a paragraph quoting it: "Rep. Tom Cole (R-OK) on
    Indianz.com: [Promises Made, Promises Kept](url)" over “Last November, the
    American people …” (2025-06-16), "Sen. Chuck Grassley in Fox News: [How Senate
    Republicans are restoring rule of law …](url)" over “While Democrat allies riot
    …” (2025-06-17). The writer named before the colon speaks, not the headline.

    >>> demo('Title\\n\\nRep. Tom Cole (R-OK) on Indianz.com: Promises Made, Promises'
    ...      ' Kept\\n\\n“Last November, the American people gave their Representatives a'
    ...      ' mandate.”')
    'quote Tom Cole label-over-headline'
    """
    sp = ctx.sp
    if ctx.prefix or not ctx.at_para_start or sp.para == 0:
        return None
    a, b = ctx.paras[sp.para - 1]
    colon = ctx.masked.find(":", a, b)
    if colon < 0 or colon - a > 160:
        return None
    head = ctx.masked[colon + 1 : b].strip(" \t\n*_[]()")
    if not head or any(m in head for m in '“”"') or len(head.split()) > 25:
        return None
    if "\n" in ctx.masked[a:b].strip():
        return None
    att = attribution_before(ctx.masked, a, colon + 1, True)
    if att is None or att.how != "label" or att.cand.kind != "name":
        return None
    return Attribution(att.cand, ":", "prev-lead")


def prev_sentence_lead(ctx: QuoteContext) -> Attribution | None:
    """A whole sentence before the quotation that is a lead-in: "Secretary Chris
    Wright said. “…”" (White House round-ups).

    >>> demo('The plant reopened. Secretary Chris Wright said. “We are back in business.”')
    'quote Chris Wright prev-sentence-lead'
    """
    if ctx.prefix or ctx.lo <= ctx.plo:
        return None
    sp, prev = ctx.sp, ctx.prev_span
    ps = ctx.sents.prev_start(ctx.lo, sp.para)
    if prev is None or prev.close <= ps or prev.last_para != sp.para:
        return previous_sentence_lead(ctx.masked, ps, ctx.lo)
    return None


def indirect_cue(ctx: QuoteContext) -> Attribution | None:
    """Indirect speech governing a phrase in the writer's sentence: "Lavrov said
    NATO must stop its “provocations”", "Smith called the plan “a disgrace”".

    >>> demo('Tokayev, for his part, said Almaty, the country’s former capital and largest'
    ...      ' city, was under attack by 20,000 “terrorists”, adding that they would shoot anyone.')
    'fragment Tokayev indirect-cue'
    """
    if not ctx.prefix:
        return None
    return attribution_indirect(ctx.masked, ctx.lo, ctx.sp.open)


def indirect_across_phrase(ctx: QuoteContext) -> Attribution | None:
    """The sentence's cue sits before an earlier quoted phrase: "Kühn called the
    criticism “unfair” and the delays “regrettable but unavoidable”" – looked for
    from the start of the sentence, quotations blanked.

    >>> demo('Kühn called the criticism “unfair” and the delays'
    ...      ' “regrettable but unavoidable”.')
    'fragment Kühn indirect-across-phrase'
    """
    if not ctx.prefix or not ctx.after_prev_quote:
        return None
    lo2 = ctx.bare_sents.start_before(ctx.sp.open, ctx.sp.para)
    return attribution_indirect(ctx.resolver.bare, lo2, ctx.sp.open)


def chant(ctx: QuoteContext) -> Attribution | None:
    """A chant or cry named by its noun: "sent the home end into a chorus of
    “Hammer time!”", "chants of “Lock him up” from the crowd".

    >>> demo('Doyle’s winner, a header from a corner, sent the home end into a chorus'
    ...      ' of “Hammer time! Hammer time!” that lasted well after the final whistle.')
    'quote the home end chant'
    """
    if not ctx.prefix:
        return None
    return _chant_attribution(ctx.masked, ctx.lo, ctx.sp, ctx.limits)


def finding(ctx: QuoteContext) -> Attribution | None:
    """A document's finding: "The study found that students … “gained …”".

    >>> demo('The study found that students at later-starting schools “gained the'
    ...      ' equivalent of about six weeks of instruction over a school year.”')
    'quote study finding'
    """
    if not ctx.prefix:
        return None
    return finding_attribution(ctx.masked, ctx.lo, ctx.sp.open)


def prev_sentence_cue(ctx: QuoteContext) -> Attribution | None:
    """A quotation that opens a sentence, with no cue of its own, after a writer's
    sentence whose reporting verb has a subject: that subject goes on speaking
    ("Heald noted the findings show pollution reduction is also important. “An
    air-quality cleanup would …”", "Wilkins also said Warhol was both an artist
    and a businessperson. “As a way to commercialize his work, …”" – Wikinews).
    Read on the writer's words only (quotations blanked).

    >>> demo('Heald noted the findings show pollution reduction is also important.'
    ...      ' “An air-quality cleanup would improve crop yields.”')
    'quote Heald prev-sentence-cue'
    """
    if ctx.prefix or ctx.lo <= ctx.plo:
        return None
    ps = ctx.bare_sents.prev_start(ctx.lo, ctx.sp.para)
    if ps >= ctx.lo:
        return None
    if ctx.prev_span is not None and ctx.prev_span.close > ps:
        # The previous sentence quotes someone: that quotation's speaker, who
        # carries over, is the better guess ("“Q1,” said Julia Fenwick, an
        # analyst. “Q2”"), not the writer's subject before it.
        return None
    att = attribution_indirect(ctx.resolver.bare, ps, ctx.lo)
    if att is None or att.cand.kind not in ("name", "pron", "role"):
        return None
    if att.cand.kind == "name" and att.cand.type != "person":
        return None
    return att


def lede_then_subject(ctx: QuoteContext) -> Attribution | None:
    """A release or feature that opens a paragraph with a full quotation and no cue,
    then names its speaker as the subject of the next sentence: "“I often think about
    the brave people who make the ultimate sacrifice for our freedom.” First Lady
    Melania Trump opened her remarks at today’s White House tribute …" (2026-05-06),
    "“I am grateful for the opportunity to serve as First Lady … for the better.”
    First Lady Melania Trump inspired Congressional Club Members …" (2026-04-23).
    Only a person named in full or with a title, and only where no earlier quotation
    could carry over (the quotation's paragraph or the one before holds none).

    >>> demo('Title\\n\\n“I often think about the brave people who make the ultimate'
    ...      ' sacrifice for our freedom.” First Lady Melania Trump opened her remarks at'
    ...      ' the White House tribute.')
    'quote Melania Trump lede-then-subject'
    """
    sp = ctx.sp
    if ctx.prefix or not ctx.at_para_start or not sp.closed:
        return None
    if not re.search(r"[.!?…]$", ctx.body.rstrip()):
        return None
    ps = ctx.prev_span
    if ps is not None and ps.last_para >= sp.para - 1:
        return None
    pi = sp.last_para
    hi = ctx.paras[pi][1]
    starts = ctx.bare_sents.starts(pi)
    i = bisect.bisect_right(starts, sp.close)
    b = starts[i] if i < len(starts) else hi
    if not ctx.resolver.bare[sp.close : b].strip(" \t\n”\"’'"):
        return None
    c = sentence_subject(ctx.resolver.bare, sp.close, b)
    if c is None or c.kind != "name" or c.type != "person":
        return None
    if not c.title and " " not in c.name:
        return None
    return Attribution(c, "", "after")


# Order matters: a cue after the mark binds closer than one before it; the
# previous paragraph's lead-in only when the sentence has none; indirect speech
# and documents last, since they also match sentences a direct cue explains.
ATTRIBUTION_RULES: tuple[Rule, ...] = (
    Rule("cue-after", cue_after),
    Rule("split-half", split_half),
    Rule("statement-label-inline", statement_label_inline),
    Rule("cue-before", cue_before),
    Rule("label-in-run", label_in_run),
    Rule("statement-label", statement_label),
    Rule("colon-lead", colon_lead),
    Rule("colon-lead-subject", colon_lead_subject),
    Rule("lead-with-quoted-phrase", lead_with_quoted_phrase),
    Rule("list-lead", list_lead),
    Rule("header-lead", header_lead),
    Rule("label-over-headline", label_over_headline),
    Rule("prev-sentence-lead", prev_sentence_lead),
    Rule("indirect-cue", indirect_cue, "never"),
    Rule("indirect-across-phrase", indirect_across_phrase, "never"),
    Rule("chant", chant, "always"),
    Rule("finding", finding, "never"),
    Rule("prev-sentence-cue", prev_sentence_cue),
    Rule("lede-then-subject", lede_then_subject),
)


def attribute(ctx: QuoteContext) -> Attributed:
    """Run ``ATTRIBUTION_RULES`` in order; the first that finds something decides."""
    for rule in ATTRIBUTION_RULES:
        found = rule.fn(ctx)
        if found is None:
            continue
        if isinstance(found, Speaker):
            return Attributed(speaker=found, rule=rule.id, direct=True, fired=[rule.id])
        assert isinstance(found, Attribution)
        if found.cand.kind == "name" and found.cand.name in NOT_SPEAKERS:
            # A date, a number word or a US state is no speaker (issue class 2):
            # the next rule may still find one.
            continue
        if rule.direct == "by-how":
            direct = found.how != "indirect" and (
                not ctx.prefix or found.how in ("lead", "label", "prev-lead", "according")
            )
        else:
            direct = rule.direct == "always"
        return Attributed(as_finding(found), None, rule.id, direct, [rule.id])
    return Attributed()


# ---------------------------------------------------------------------------
# 3. Kinds decided with the attribution known


def scare_unattributed(ctx: QuoteContext, a: Attributed) -> Decision | None:
    """A short phrase embedded in the writer's sentence that no speaker governs
    is a scare quote: 20,000 “terrorists”, ‘Russian NATO’ (the seed article).

    >>> demo('Why did Putin withdraw ‘Russian NATO’ soldiers from Kazakhstan?')
    'scare None scare-unattributed'
    """
    if not ctx.short or a.direct or _own_sentence(ctx):
        return None
    titled = _title_case(ctx.words) and _capitalised(ctx.words) >= 2
    if a.att is None or titled or _is_nickname(ctx.masked, ctx.sp, ctx.limits):
        return Decision("scare")
    return None


def _capitalised(words: list[str]) -> int:
    """Capitalised words of a quotation. A governed phrase with one capital is the
    speaker's word for something, not a title: "Lynch smeared ICE agents as “the
    Gestapo” and “nondescript thugs.”" (White House 2025-07-09 and 2026-01-09; "the
    SS", 2025-09-26); a title has two or more ("Meet the Press").

    >>> _capitalised(["the", "Gestapo."]), _capitalised(["Meet", "the", "Press"])
    (1, 2)
    """
    return sum(1 for w in words if w.strip("“”\"'‘’([")[:1].isupper())


def _own_sentence(ctx: QuoteContext) -> bool:
    """A short quotation that is a sentence of its own after a quoted speaker is a
    quotation, not a scare quote: nothing of the writer's before it in its sentence,
    sentence punctuation inside the marks, and a quotation just before it in the
    paragraph ("“The same thing I have said for a year,” she said. “Just louder.”",
    held-out h2-05; "“Every year’s a bad year,” Breen said. “Some are just worse.”",
    h2-09). Scare quotes sit inside the writer's sentence.

    >>> demo('“The same thing I have said for a year,” Karen Halvorsen said. “Just louder.”')
    'quote Karen Halvorsen carry-over'
    """
    if ctx.prefix or not re.search(r"[.!?]$", ctx.body.rstrip()):
        return False
    ps = ctx.prev_span
    return ps is not None and ps.last_para == ctx.sp.para and ctx.prev_quote is not None


def fragment(ctx: QuoteContext, a: Attributed) -> Decision | None:
    """A short phrase that a speaker's cue governs is that speaker's fragment:
    NATO “provocations” in "Lavrov said NATO must stop its “provocations”".

    >>> demo('Putin, for his part, stressed that the Moscow-led military peacekeeping force'
    ...      ' would only be temporarily stationed in Kazakhstan, a victim of “global terrorism”.')
    'fragment Putin indirect-cue'
    """
    if not ctx.short or a.direct or a.att is None:
        return None
    return Decision("fragment", ctx.resolver.resolve(a.att.cand, a.att.cue), a.att.cue)


def title_midsentence(ctx: QuoteContext, a: Attributed) -> Decision | None:
    """A title mid-sentence: on “Meet the Press”; a linked document title: a new
    resource, [“Guidebook to the Inflation Reduction Act’s …,”](url); a title with
    a subtitle of any length.  Judged on the masked words, so that a link's URL
    does not count.

    >>> demo('Kristen Wilkins, curator of "Andy Warhol: Photographs and Prints from the'
    ...      ' University Collection" at the University of Southern Indiana, spoke.')
    'scare None title-midsentence'

    >>> demo('The White House released “Winning the AI Race: America’s AI Action Plan”.')
    'scare None title-midsentence'
    """
    if a.speaker is not None or not ctx.prefix:
        return None
    if a.att is not None and (a.direct or a.att.how != "indirect"):
        # Only indirect speech leaves a Title Case quotation a title: "was profiled
        # in the text, “Digital Leadership In Higher Education.”" (White House).
        return None
    sp = ctx.sp
    mbody = ctx.masked[sp.start : sp.end]
    mwords = mbody.split()
    linked = ctx.text[sp.open - 1 : sp.open] == "[" or "](" in ctx.body
    if not _title_case(mwords):
        return None
    if _SUBTITLE.search(mbody):
        # A work's title and its subtitle, both in Title Case, whatever their length
        # (a book, an exhibition, a report): curator of "Andy Warhol: Photographs
        # and Prints from the University Collection" (Wikinews), a report entitled:
        # “Transmission Projects Ready to Go: Plugging into America’s …” (White House).
        return Decision("scare")
    if (len(mwords) <= ctx.limits.title_max_words or linked) and not re.search(
        r"[.!?]$", mbody.rstrip()
    ):
        return Decision("scare")
    if _named_work(mwords):
        return Decision("scare")
    return None


_WORK_NOUNS = frozenset(
    "Act Acts Bill Order Plan Program Programme Initiative Strategy Agreement Accord Treaty "
    "Resolution Amendment Directive Framework Report Review Index Survey".split()
)


def _named_work(words: list[str]) -> bool:
    """A Title Case quotation that ends in the noun of a law, plan or report is its
    name, however long: the “SUPPORT for Patients and Communities Reauthorization
    Act of 2025,” and the “Investing in All of America Act of 2025,” (two White House
    bill-signing notices).

    >>> _named_work('SUPPORT for Patients and Communities Reauthorization Act of 2025,'.split())
    True
    >>> _named_work('We will pass the bill'.split())
    False
    """
    alpha = [w.strip(",.;:!?’'‘\"“”()") for w in words]
    alpha = [w for w in alpha if w and not w.isdigit()]
    while alpha and alpha[-1].lower() in TITLE_CASE_SMALL:
        alpha.pop()
    return bool(alpha) and alpha[-1] in _WORK_NOUNS and _title_case(words)


def attributed(ctx: QuoteContext, a: Attributed) -> Decision | None:
    """A quotation with an attribution: its speaker, resolved (a pronoun to its
    antecedent, a surname to the full name, a role noun to the person).

    >>> demo('Antony Blinken spoke in Washington. “We are ready,” he said.')
    'quote Antony Blinken cue-after'
    """
    if a.speaker is not None:
        prev = ctx.prev_quote
        return Decision("quote", a.speaker, prev.cue if prev else None)
    if a.att is None:
        return None
    return Decision("quote", ctx.resolver.resolve(a.att.cand, a.att.cue), a.att.cue)


def carry_over(ctx: QuoteContext, a: Attributed) -> Decision | None:
    """No cue of its own: a quotation that opens a paragraph or sentence right
    after another quotation carries on that quotation's speaker (seed quote 8).

    >>> demo('“Kazakhstan has been the object of armed aggression,” the country’s ambassador'
    ...      ' to Ankara, Abzal Saparbekuly, told reporters on Tuesday.\\n\\n“Counter-terrorism'
    ...      ' operations are currently being carried out in my country.')
    'quote Abzal Saparbekuly carry-over'
    """
    prev, ps = ctx.prev_quote, ctx.prev_span
    if prev is None or prev.speaker is None or ps is None or ctx.prefix:
        return None
    if ctx.sp.para - ps.last_para > 1:
        return None
    return Decision("quote", prev.speaker, None, (f"speaker carried over from {prev.id}",))


def unattributed(ctx: QuoteContext, a: Attributed) -> Decision | None:
    """A full quotation nobody is named for: listed, judged without a speaker.

    >>> demo('The sign read “No entry after dark, by order of the council.”')
    'quote None unattributed'
    """
    return Decision("quote")


KIND_RULES: tuple[Rule, ...] = (
    Rule("scare-unattributed", scare_unattributed),
    Rule("fragment", fragment),
    Rule("title-midsentence", title_midsentence),
    Rule("attributed", attributed),
    Rule("carry-over", carry_over),
    Rule("unattributed", unattributed),
)

# The kind rules whose decision rests on the attribution rule's find: for them
# ``attribution_rule`` names the attribution rule, not the kind rule.
_FROM_ATTRIBUTION = frozenset({"fragment", "attributed"})


# ---------------------------------------------------------------------------
# The driver


@dataclass(frozen=True)
class Explained:
    quote: Quote
    fired: tuple[str, ...]  # rule ids that fired, in order: attribution, then kind


def explain(article: Article) -> list[Explained]:
    """Quotations of ``article`` in reading order with the rules that fired."""
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
    out: list[Explained] = []
    prev_span: Span | None = None
    prev_quote: Quote | None = None
    listed = name_lists(text, spans)
    for k, sp in enumerate(spans):
        ctx = QuoteContext(
            sp, text, masked, paras, headings, resolver, sents, bare_sents, prev_span, prev_quote
        )
        ctx.in_name_list = k in listed
        e = _decide(ctx, f"q{len(out) + 1}")
        out.append(e)
        prev_span = sp
        if e.quote.kind == "quote":
            prev_quote = e.quote
        elif e.quote.kind == "heading":
            prev_quote = None
    return out


def _decide(ctx: QuoteContext, qid: str) -> Explained:
    sp = ctx.sp

    def make(d: Decision, rule: str, fired: list[str]) -> Explained:
        q = Quote(
            qid,
            ctx.body,
            sp.start,
            sp.end,
            sp.closed,
            d.kind,
            d.speaker,
            d.cue,
            tuple(sp.notes) + d.notes,
            rule,
        )
        return Explained(q, tuple(fired))

    for rule in EARLY_KIND_RULES:
        d = rule.fn(ctx)
        if d is not None:
            return make(d, rule.id, [rule.id])
    a = attribute(ctx)
    for rule in KIND_RULES:
        d = rule.fn(ctx, a)
        if d is None:
            continue
        by = a.rule if rule.id in _FROM_ATTRIBUTION and a.rule else rule.id
        return make(d, by, [*a.fired, rule.id])
    raise AssertionError("unattributed always decides")  # pragma: no cover


def demo(text: str, i: int = -1, headings: tuple[tuple[int, int], ...] = ()) -> str:
    """Kind, speaker name and deciding rule of quotation ``i`` of ``text``
    (for the rules' doctests); ``headings`` as markup would give them."""
    q = explain(Article("<demo>", text, "text", headings=headings))[i].quote
    return f"{q.kind} {q.speaker.name if q.speaker else None} {q.attribution_rule}"


# ---------------------------------------------------------------------------
# Helpers of the rules


def _in_heading(headings: list[tuple[int, int]], a: int, b: int) -> tuple[int, int] | None:
    for h in headings:
        if h[0] <= a and b <= h[1]:
            return h
    return None


def _title_case(words: list[str]) -> bool:
    """“Meet the Press”: every word but the small ones capitalised; a year counts
    as capitalised, as in a bill's short title (“Investing in All of
    America Act of 2025,” and “SUPPORT for Patients and Communities Reauthorization
    Act of 2025,” in two White House bill-signing notices).

    >>> _title_case('Investing in All of America Act of 2025,'.split())
    True
    >>> _title_case('We lost 20 homes'.split())
    False

    A number of any length is part of a title: “The Internet Explorer 6 Countdown”
    (Microsoft's site, Wikinews), “Scientology vs. the Internet, part XVII” is not
    (a lower-case "part").

    >>> _title_case('The Internet Explorer 6 Countdown'.split())
    True
    """
    if len(words) < 2:
        return False
    for w in words:
        w2 = w.strip(",.;:!?’'‘\"“”()")
        if not w2:
            continue
        if w2.lower() in TITLE_CASE_SMALL:
            continue
        if not (w2[0].isupper() or w2.isdigit()):
            return False
    return True


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


def _ends_with_colon(masked: str, a: int, b: int, limits: ExtractLimits) -> bool:
    """masked[a:b] ends in ":" (after blanked markup), looking at its tail only."""
    n = limits.colon_tail
    tail = masked[max(a, b - n) : b].rstrip()
    if not tail and b - a > n:
        tail = masked[a:b].rstrip()
    return tail.endswith(":")


_CHANT_LEAD = re.compile(rf"\b{CHANT_NOUN}[^\S\n]+of[^\S\n]*$")
_CHANT_WHO = lazy(
    rf"(?P<np>\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[\w\-]+\s+){{0,2}}?[\w\-]+)"
    rf"\s+(?:(?:broke|burst|erupted|went)\s+)?(?:into|in|with)\s+(?:(?:a|an|the)\s+)?"
    rf"(?:[\w\-]+\s+)?{CHANT_NOUN}\s+of\s*$"
)
_CHANT_STOP = re.compile(r"[,.;!?\n]|\s(?:as|when|while|after|before|and|but|that|who)\b|$")
_CHANT_FROM = re.compile(r"[^\S\n]*(?:rose\s+|came\s+)?from\s+")


def _chant_attribution(masked: str, lo: int, sp: Span, limits: ExtractLimits) -> Attribution | None:
    """Who chants: "from the crowd" after the quotation, else the noun phrase that
    breaks into the chorus before it."""
    if not _CHANT_LEAD.search(masked, max(lo, sp.open - limits.guard_lookback), sp.open):
        return None
    m = _CHANT_FROM.match(masked, sp.close)
    if m:
        w = limits.chant_from_window
        stop = _CHANT_STOP.search(masked, m.end(), m.end() + w)
        c = parse_np(masked, m.end(), stop.start() if stop else m.end() + w, "head")
        if c is not None and c.kind in ("group", "orgn", "name"):
            return Attribution(c, "chanted", "indirect")
    w = _CHANT_WHO.search(masked, max(lo, sp.open - limits.chant_who_lookback), sp.open)
    if w is None:
        return None
    a, b = w.span("np")
    phrase = " ".join(masked[a:b].split())
    head = phrase.split(" ")[-1].lower()
    return Attribution(Cand("group", a, b, phrase, None, "group", head=head), "chanted", "indirect")


_PREV_WORD = re.compile(r"([\w’'\-]+)[^\S\n]+$")
_NEXT_WORD = re.compile(r"[^\S\n]+([\w’'\-]+)")


def _is_nickname(masked: str, sp: Span, limits: ExtractLimits) -> bool:
    """A short quoted phrase between a first name and a surname is a nickname,
    not a fragment of speech: Eddie “Shorty” Malone."""
    if not sp.closed:
        return False
    pm = _PREV_WORD.search(masked, max(0, sp.open - limits.guard_lookback), sp.open)
    nm = _NEXT_WORD.match(masked, sp.close)
    if pm is None or nm is None:
        return False
    return pm.group(1)[:1].isupper() and nm.group(1)[:1].isupper()


@lru_cache(maxsize=4)
def _split_gap(n: int) -> re.Pattern[str]:
    """The gap between the halves of a split quotation: no sentence ends in it and
    it ends in a comma or colon (“Q1,” X said, “Q2” / “Q1,” X said, pausing, “Q2”)."""
    return re.compile(rf"[^.!?;\n“”\"«»„]{{1,{n}}}[,:—–]\s*")


def _split_half_speaker(
    masked: str,
    sp: Span,
    prev_span: Span | None,
    prev_quote: Quote | None,
    limits: ExtractLimits,
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
    if _split_gap(limits.split_gap_max).fullmatch(masked, prev_span.close, sp.open) is None:
        return None
    # Someone else may take over in the gap: “I know,” Smith said, before Jones
    # interrupted: “No, you don’t.”  One cue only, and no other name after it.
    cues = list(CUE.finditer(masked, prev_span.close, sp.open))
    if len(cues) > 1:
        return None
    rest = max(spk.end, cues[0].end() if cues else spk.end)
    if any(w not in DATE_WORDS for w in _CAP_WORD.findall(masked, rest, sp.open)):
        return None
    return spk


_CAP_WORD = re.compile(r"\b[A-Z][\w’'\-]*")
# A title's colon before a capitalised subtitle: "Andy Warhol: Photographs and …".
_SUBTITLE = re.compile(r"\w:[ \t]+[A-Z]")
_LIST_ITEM = re.compile(r"[-*+•][ \t]|\d{1,3}[.)][ \t]")
_HEADER_ON = re.compile(r"\s+(?:on|at|in|to|with|about|for)\s+\S")


def _is_list_item(text: str, plo: int) -> bool:
    return _LIST_ITEM.match(text, plo) is not None


def _list_lead_attribution(
    text: str,
    masked: str,
    bare: str,
    paras: list[tuple[int, int]],
    pi: int,
    limits: ExtractLimits,
) -> Attribution | None:
    """The speaker of the paragraph that introduces a list: a colon lead-in
    sentence or a short header naming a person."""
    n = limits.list_max_items
    j = pi - 1
    while j >= 0 and pi - j <= n and _is_list_item(text, paras[j][0]):
        j -= 1
    if j < 0 or pi - j > n:
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
    elif len(seg.split()) <= limits.list_header_max_words and not re.search(r"[.!?”\"]$", seg):
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


__all__ = [
    "ATTRIBUTION_RULES",
    "EARLY_KIND_RULES",
    "KIND_RULES",
    "Explained",
    "QuoteContext",
    "Rule",
    "explain",
]
