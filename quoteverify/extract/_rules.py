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
    AttributionHow,
    _clause_label_subject,
    _sentence_initial,
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
    INDIRECT_ONLY_CUE,
    LEAD_VERB,
    NOT_SPEAKERS,
    OUTLET_DOCS,
    PARTICIPLE_CUE,
    SCARE_GUARD,
    SCARE_GUARD_LAST,
    TITLE_CASE_SMALL,
    TITLE_WORDS,
    US_STATES,
    sentence_adverb,
)
from quoteverify.extract._limits import LIMITS, ExtractLimits
from quoteverify.extract._marks import Span, find_spans, is_heading_like
from quoteverify.extract._names import Cand, NameIndex
from quoteverify.extract._phrases import parse_np, sentence_subject
from quoteverify.extract._resolve import _PAPER, Resolver
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
    prev_decided: Quote | None = None  # the decision on ``prev_span``, of any kind
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


_OUTLET_HEADLINE = re.compile(r"(?P<label>[A-Z][^:\n“”\"‘’]{1,60}):[^\S\n]+(?P<head>\S[^\n]*)")


def outlet_headline(ctx: QuoteContext) -> Decision | None:
    """A round-up's line "Outlet: Headline" with words quoted inside the headline:
    "Florida Times-Union: HUD secretary calls Hilltop Village a ‘success story’
    following turnaround at Jacksonville apartments", "Miami Herald: Biden’s housing
    chief calls Miami the ‘epicenter of the housing crisis in this country’"
    (extraction-wh-tuning, 2022-07-02), "The Hill: Biden sings ‘Happy Birthday,’ hits
    GOP over immigration at Latino gala", "Pennsylvania Capital-Star: Pa. leaders at
    White House forum to ‘shine a spotlight’ on recovery" (other "What they are
    reading in the states" round-ups). A headline ends in no sentence punctuation and
    its label is a Title Case name; the story's own words follow in the paragraphs
    after it.

    >>> demo('Title\\n\\nThe Hill: Biden sings ‘Happy Birthday,’ hits GOP over immigration'
    ...      ' at Latino gala\\n\\nPresident Biden sang at the gala.', 0)
    'heading None outlet-headline'
    """
    sp = ctx.sp
    if sp.para == 0 or sp.last_para != sp.para or not sp.closed:
        return None
    # The line, not the paragraph: a text hard-wrapped as one paragraph keeps each
    # headline on a line of its own (2022-07-02).
    lo = ctx.masked.rfind("\n", ctx.plo, sp.open) + 1 or ctx.plo
    hi = ctx.masked.find("\n", sp.close, ctx.phi)
    hi = ctx.phi if hi < 0 else hi
    if lo == 0 and ctx.plo == 0:
        return None  # the article's title line
    m = _OUTLET_HEADLINE.fullmatch(ctx.masked, max(lo, ctx.plo), hi)
    if m is None:
        return None
    if sp.open < m.start("head") + 2 and not _headline_goes_on(ctx, hi):
        return None  # "Name: “…”" is a label of the quotation, not a headline
    label = m.group("label").split()
    if len(label) > 6 or not _title_case(label + ["X"]):
        return None
    head = m.group("head")
    tail = re.sub(r"(?:\[[^\]\n]{1,20}\]|[\s”’\"'*_)])+$", "", head)
    if not tail or tail[-1] in ".!?" or len(head.split()) > ctx.limits.headline_max_words:
        return None
    return Decision("heading")


def _headline_goes_on(ctx: QuoteContext, hi: int) -> bool:
    """A headline may open on its quoted words and go on after them: "FOX 10
    (Phoenix, AZ): ‘Trump accounts’ for newborns could grow to $1.9M, Treasury says"
    (2025-08-05), "RealClearPolitics.com: ‘One Big, Beautiful Bill’ Will Give
    Americans a Secure Border", "US: ‘Catch and release is ended’ The Washington
    Times" (other round-ups). A label's quotation fills the rest of its line; here
    words follow that start with no comma or period.

    >>> demo('Title\\n\\nFOX 10 (Phoenix, AZ): ‘Trump accounts’ for newborns could grow'
    ...      ' to $1.9M, Treasury says', 0)
    'heading None outlet-headline'
    """
    sp = ctx.sp
    rest = ctx.masked[sp.close : hi]
    return re.match(r"[^\S\n]+[\w$]", rest) is not None and len(rest.split()) >= 2


_RUN_LABEL = re.compile(r"[A-Z][^:“”\"\n]{1,60}:[^\S\n]+")
_NEXT_LABEL = re.compile(r"[^\S\n]+[A-Z][\w.&’'\-]*(?:[^\S\n]+[A-Z][\w.&’'\-]*){0,4}:[^\S\n]")


def headline_run(ctx: QuoteContext) -> Decision | None:
    """A round-up's "Outlet: Headline" items run together in one paragraph, quoted
    words inside a headline: "… Fox Business: US economy grew faster than expected in
    the second quarter MarketWatch: ‘Thanks to the mighty consumer,’ GDP shows more
    spring in U.S. economic growth Reuters: …" (2025-09-25), "New York Post: Trump
    orders Border Patrol to immediately stop setting illegal migrants free in the US:
    ‘Catch and release is ended’ The Washington Times: Under Trump, …" (2025-01-28).
    The writer's words since the sentence start open on a label and go on past it;
    after the quotation the headline goes on, or the next label follows, with no
    sentence punctuation ("Name: “Q”" quotes right after its label).

    >>> demo('Title\\n\\nFox Business: US economy grew faster than expected in the second'
    ...      ' quarter MarketWatch: ‘Thanks to the mighty consumer,’ GDP shows more spring in'
    ...      ' U.S. economic growth Reuters: US economy grows at fastest pace in nearly two'
    ...      ' years in second quarter', 0)
    'heading None headline-run'
    """
    sp = ctx.sp
    if not sp.closed or sp.last_para != sp.para or len(ctx.words) > ctx.limits.headline_max_words:
        return None
    if ctx.body.rstrip()[-1:] in ".!?":
        return None
    first = _RUN_LABEL.match(ctx.prefix)
    if first is None or "\n" in ctx.prefix or len(ctx.prefix[first.end() :].split()) < 3:
        return None
    if re.search(r"[.!?][”’\"']*[^\S\n]+[A-Z]", ctx.prefix):
        return None  # a sentence of the writer's ended in between
    hi = ctx.paras[sp.last_para][1]
    nxt = _NEXT_LABEL.search(ctx.masked, sp.close, hi)
    tail = ctx.masked[sp.close : nxt.start() if nxt else hi].strip(" \t*_")
    if tail and (not ctx.masked[sp.close : sp.close + 1].isspace() or tail[-1] in '.!?”"'):
        return None
    # A run: another item's label before this one, or the next label right after
    # the quoted words. One label and a sentence is a fact sheet's bullet
    # ("Expanding Access: The President launched “Shots to Go” events …").
    labels = len(_NEXT_LABEL.findall(" " + ctx.prefix + " "))
    if labels < 2 and not (nxt is not None and not tail):
        return None
    return Decision("heading")


_TITLED = re.compile(r"\b(?:titled|entitled|headlined)[^\S\n]*[:,]?[^\S\n]*[*_]*$")


def titled(ctx: QuoteContext) -> Decision | None:
    """The words after "titled", "entitled" or "headlined" are a title at any
    length, a sentence-long one too: "In 2022, NPR ran a feature titled “What
    ‘Queer Ducks’ can teach teenagers about sexuality in the animal kingdom.”"
    (White House, 2025-05-02 and 2025-04-14), "a report entitled: “Transmission
    Projects Ready to Go: Plugging into America’s Untapped Renewable Resources.”"
    (fact sheet of 2021-04-27), "a column entitled “Dangerous deficits.”"
    (2025-04-11). ``scare-term`` stops at a term's length.

    >>> demo('In 2022, NPR ran a feature titled “What ‘Queer Ducks’ can teach teenagers'
    ...      ' about sexuality in the animal kingdom.”', 0)
    'scare None titled'
    """
    a = max(ctx.lo, ctx.sp.open - ctx.limits.guard_lookback)
    return Decision("scare") if _TITLED.search(ctx.masked, a, ctx.sp.open) else None


# A label before a headline: a name ("EURACTIV:", "Fox Business:") or a date
# ("March 2023:"), the writer's only words in the sentence.
_HEADLINE_LABEL = re.compile(r"[A-Z0-9][^:“”\"\n.!?]{0,60}:")
_NAME_LABEL = re.compile(r"[A-Z][^:“”\"\n.!?\d]{0,60}:")
# After a headline on its line: nothing, or its citation "— Edmonton Sun, August
# 16, 2008".
# Possessive: the blanks on both sides of the citation could otherwise be shared
# out in every way before a long line fails to match (a headline followed by
# 20,000 spaces took 2 s).
_HEADLINE_CITATION = re.compile(r"[^\S\n]*+(?:[—–-][^\S\n]*+[A-Z][^\n“”\"]{0,80}+)?[^\S\n]*+")
# The next item's label right after a headline, the run printed on one line:
# "… dangerous diseases” September 2024: “New research …”" (2025-04-14).
_NEXT_HEADLINE_LABEL = re.compile(
    r"[^\S\n]+(?:[A-Z][\w.&’'\-]*(?:[^\S\n]+[A-Z][\w.&’'\-]*){0,4}|[A-Z][a-z]+[^\S\n]+\d{4}):"
    r"[^\S\n]*[“\"]"
)
# The date of a headline's citation after it: "— Edmonton Sun, August 16, 2008".
_CITED_DATE = re.compile(rf"\b(?:{'|'.join(sorted(DATE_WORDS))})[^\S\n]+\d")
# Words a headline leaves out: articles and the pronouns of someone speaking.
_NOT_HEADLINESE = frozenset("a an the i me my we us our you your".split())


def headlinese(ctx: QuoteContext) -> Decision | None:
    """A quotation written as a news headline – no article, no "I"/"we"/"you",
    no sentence punctuation at its end – under a label, or followed by its
    outlet and date, with nothing else on its line but the next item's label, is
    another outlet's headline, not anyone's words: "EURACTIV: “Poroshenko asks
    Obama for weapons, obtains blankets”" (White House, 2025-02-28), "Fox Business:
    “Summer gas prices hit lowest level in 4 years despite Middle East tensions”"
    (2025-06-30), "March 2023: “Virologist says COVID origin report could make it
    harder to study dangerous diseases”" (2025-05-02 and 2025-04-14), "“MP calls for
    probe into misplaced documents” — Edmonton Sun, August 16, 2008" (Wikinews). A speaker's
    words under a label keep their articles and pronouns ("Sen. Chuck Schumer:
    “Every day gets better for us”", 2025-10-22).

    >>> demo('Title\\n\\nObama gave non-lethal aid only. EURACTIV: “Poroshenko asks Obama'
    ...      ' for weapons, obtains blankets”')
    'heading None headlinese'
    >>> demo('Title\\n\\nSen. Chuck Schumer: “Every day gets better for us”')
    'quote Chuck Schumer cue-before'
    """
    sp = ctx.sp
    if not sp.closed or sp.last_para != sp.para or ctx.text[sp.open] not in '“"':
        return None
    hi = ctx.masked.find("\n", sp.close, ctx.phi)
    hi = ctx.phi if hi < 0 else hi
    labelled = _HEADLINE_LABEL.fullmatch(ctx.prefix) is not None
    prev = ctx.prev_decided
    in_run = (  # the next item of a run of labelled headlines on one line
        labelled and ctx.after_prev_quote and prev is not None and prev.kind == "heading"
    )
    followed = (
        _NEXT_HEADLINE_LABEL.match(ctx.masked, sp.close, hi) is not None
        or _HEADLINE_CITATION.fullmatch(ctx.masked, sp.close, hi) is not None
    )
    if not (in_run or followed):
        return None
    mbody = ctx.masked[sp.start : sp.end]
    if not _headline_shaped(mbody, ctx.limits):
        return None
    if _title_case(mbody.split()) and not _NAME_LABEL.fullmatch(ctx.prefix):
        return None  # no speaker to take it from: ``title-midsentence``/``headline-caps``
    # The rest of the line is searched for a date last, and only for a headline with
    # no label: searched for every quotation, a long one-line paragraph of quotations
    # was read once per quotation (quadratic).
    if labelled or _CITED_DATE.search(ctx.masked, sp.close, hi):
        return Decision("heading")
    return None


def _headline_shaped(body: str, limits: ExtractLimits = LIMITS) -> bool:
    """Written as a news headline: long enough, no article, no "I"/"we"/"you",
    and no sentence punctuation at its end (inner marks aside).

    >>> _headline_shaped("Summer gas prices hit lowest level in 4 years despite tensions")
    True
    >>> _headline_shaped("Every day gets better for us")
    False
    """
    body = body.rstrip(" \t*_’'‘\"”“")
    if "@" in body or "#" in body:
        return False  # a post: "Absolutely remarkable. Well done @SecRubio" (2026-02-14)
    words = [w.strip(",;:’'‘\"“”()[]").lower() for w in body.split()]
    if len(words) < limits.headlinese_min_words or body[-1:] in ".!?…,;:":
        return False
    return not any(w in _NOT_HEADLINESE for w in words)


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
    if _subject_called(ctx.masked, a, ctx.sp.open, ctx.words):
        return None
    return Decision("scare")


_WHAT_CALLED = lazy(
    r"\bwhat[^\S\n]+(?:[\w’'\-]+[^\S\n]+){1,4}?(?:has[^\S\n]+|had[^\S\n]+|have[^\S\n]+)?"
    r"(?:called|calls|dubbed|dubs|labell?ed|labels|branded|brands|termed|terms|described"
    r"[^\S\n]+as)[^\S\n]+(?:(?:the|a|an)[^\S\n]+)?$"
)


# A naming verb with a subject of its own right before it: a pronoun, or a name
# (its last word capitalised) after a relative word or as the clause's subject.
_NAMING_VERB = (
    r"(?:has[^\S\n]+|had[^\S\n]+|have[^\S\n]+)?(?:called|calls|dubbed|dubs|labell?ed|labels|"
    r"branded|brands|termed|terms)[^\S\n]+(?:(?:the|a|an)[^\S\n]+)?$"
)
_SUBJECT_CALLED = re.compile(
    r"(?:\b(?:which|whom|what)[^\S\n]+(?:[\w’'\-.]+[^\S\n]+){0,5}?"
    r"(?:[A-Z][\w’'\-.]*|he|she|they|it|we|I)"
    r"|(?:^|[,;—–(][^\S\n]*|\b(?:which|whom|what|and|but)[^\S\n]+)"
    r"(?:he|she|they|it|we|I|He|She|They|It|We))"
    r"[^\S\n]+" + _NAMING_VERB
)
_NAME_CALLED = re.compile(
    r"\b(?:Sen|Rep|Gov|Dr|Mr|Mrs|Ms|St)?[A-Z][a-z][\w’'\-]*[^\S\n]+" + _NAMING_VERB
)


def _subject_called(masked: str, a: int, b: int, words: list[str]) -> bool:
    """A naming verb whose subject is a person or a pronoun gives that subject's
    words, not a term (issue class 1): "The announcement, which President Biden
    called “another win for America,” is …" (White House, 2022-10-05), "the
    Inflation Reduction Act — which self-described MAGA Republican Representative
    Lauren Boebert called “dangerous for America,”" (2023-11-29), "a strategy he
    called “maximum pressure”". A name right before the verb counts only for a
    quotation that is no title (two capitals or more): "a bill Senator Lee called
    “The Fair Act”" names it.

    >>> s = 'The announcement, which President Biden called '
    >>> _subject_called(s, 0, len(s), ['another', 'win'])
    True
    >>> s = 'a man called '
    >>> _subject_called(s, 0, len(s), ['Shorty'])
    False
    """
    if len(words) == 1 and words[0][:1].isupper():
        # One capitalised word named is a name: "green hydrogen projects in Indonesia
        # called “Renewstable,”" (fact sheet of 2022-11-13).
        return False
    if _SUBJECT_CALLED.search(masked, a, b) is not None:
        return True
    if _title_case(words) and _capitalised(words) >= 2:
        return False
    m = _NAME_CALLED.search(masked, a, b)
    return m is not None and not _sentence_initial(masked, a, m.start())


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
    Rule("outlet-headline", outlet_headline),
    Rule("headline-run", headline_run),
    Rule("name-list", name_list),
    Rule("titled", titled),
    Rule("headlinese", headlinese),
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


_BYLINE_LINE = re.compile(
    r"[—–-]{1,2}[^\S\n]*(?=[A-Z])(?P<np>[^\n,;:“”\"]{2,100}?)[.\s]*(?:,[^\n]{0,40})?"
)


def byline_line(ctx: QuoteContext) -> Attribution | None:
    """A statement that fills its paragraph, signed by a dash byline on the next line:
    "“The Trump Administration does not believe popping more pills is always the
    answer …”" then "— Press Secretary Karoline Leavitt" (fact sheet of 2025-09-22),
    "– President Biden, February 19, 2021" (White House releases with one paragraph a
    line). ``cue-after`` reads a byline in the quotation's own paragraph only.

    >>> demo('Title\\n\\n“We will not be deterred in these efforts.”\\n\\n— Press'
    ...      ' Secretary Karoline Leavitt\\n\\nToday, the President spoke.')
    'quote Karoline Leavitt byline-line'
    """
    sp = ctx.sp
    if not sp.closed or sp.last_para + 1 >= len(ctx.paras):
        return None
    if ctx.masked[sp.close : ctx.paras[sp.last_para][1]].strip(" \t\n*_.,"):
        return None
    a, b = ctx.paras[sp.last_para + 1]
    m = _BYLINE_LINE.fullmatch(ctx.masked, a, b)
    if m is None or len(m.group("np").split()) > ctx.limits.label_max_words:
        return None
    c = parse_np(ctx.masked, m.start("np"), m.end("np"), "full")
    if c is None or c.kind not in ("name", "role"):
        return None
    return Attribution(c, "—", "dash")


# After the closing mark, the rest of the line names where the words come from: an
# outlet or a person, perhaps an office in brackets, then a date or the piece's title.
_CITED_SOURCE = re.compile(
    r"[^\S\n]*(?P<src>[A-Z][\w.&’'\-]*(?:[^\S\n]+(?:[A-Z][\w.&’'\-]*|of|and|the|for|&))*"
    r"(?:[^\S\n]+[a-z]+)?)"
    r"(?:[^\S\n]*\([^()\n]{1,80}\))?"
    r"(?:[^\S\n]+and[^\S\n]+\d+[^\S\n]+[A-Z][\w ]{1,40})?"
    r"(?:,?[^\S\n]*\d{1,2}/\d{1,2}(?:/\d{2,4})?|,[^\S\n]*[“\"][^“”\"\n]{1,120}[”\"])?"
    r"[^\S\n]*$"
)


_LINK_WORDS = frozenset("Watch Link Video Read More Listen Source Here".split())


def cited_after(ctx: QuoteContext) -> Attribution | None:
    """A quotation that opens its line and is followed, on the same line, only by
    where it comes from: "“GOP wants to push to extend Trump tax cuts… despite
    potential impact on inflation.” Washington Post 10/17/22", "“House GOP eyes
    repeal …” Axios 9/23/22", "“Because those drug provisions are so dangerous…
    …” Rep. Kevin Brady (Ranking Member, Ways and Means Committee)" (White House,
    2022-10-27); "“Prompted I think by the Tom Cruise video, a new obsession is taking
    hold on the internet. …” Anonymous blogger, “Anon declares war on Church of
    Scientology”" (Wikinews, Scientology hackers). The quotation must be a sentence
    of its own (end punctuation inside the marks): a title before a capitalised word
    is none.

    >>> demo('Title\\n\\n“House GOP eyes repeal of Dems’ drug pricing law … Some key House'
    ...      ' Republicans are calling for the repeal.” Axios 9/23/22\\nMore text here.', 0)
    'quote Axios cited-after'
    """
    sp = ctx.sp
    if not sp.closed or ctx.prefix or not ctx.at_para_start:
        return None
    if not re.search(r"[.!?…]$", ctx.body.rstrip()) or len(ctx.words) < 4:
        return None
    hi = ctx.paras[sp.last_para][1]
    nl = ctx.masked.find("\n", sp.close, hi)
    end = hi if nl < 0 else nl
    if not ctx.masked[sp.close : end].strip():
        return None
    m = _CITED_SOURCE.fullmatch(ctx.masked, sp.close, end)
    if m is None or len(m.group("src").split()) > ctx.limits.label_max_words:
        return None
    a, b = m.span("src")
    if _WATCH_ONLY.fullmatch(ctx.masked, sp.close, end) or ctx.masked[a:b] in _LINK_WORDS:
        return None  # a link to the clip: "“…” Watch", "“…” (Video)"
    c = parse_np(ctx.masked, a, b, "full")
    if c is None:
        name = " ".join(ctx.masked[a:b].split())
        c = Cand("name", a, b, name, None, "organization", head=name.split()[-1])
    if c.kind not in ("name", "role", "group", "orgn"):
        return None
    return Attribution(c, "", "dash")


_CASE_CITATION = re.compile(
    r"[,.]?[^\S\n]*\((?:see[^\S\n]+)?(?P<np>[A-Z][\w.’'\-]*(?:[^\S\n]+[A-Z][\w.’'\-]*)*"
    r"[^\S\n]+v\.[^\S\n]+[A-Z][\w’'\-]*(?:[^\S\n]+[A-Z][\w’'\-]*)*)"
)


def case_citation(ctx: QuoteContext) -> Attribution | None:
    """A court's words cited in brackets right after them: "I recognize that “[i]t is
    not for the President alone to determine the whole content of the Nation’s foreign
    policy” (Zivotofsky v. Kerry, 576 U.S. 1, 21 (2015))" – the signing statements of
    2021-12-27, 2022-12-23 and two more. The case (its opinion) speaks.

    >>> demo('I recognize that “[i]t is not for the President alone to determine the whole'
    ...      ' content of the Nation’s foreign policy” (Zivotofsky v. Kerry, 576 U.S. 1, 21'
    ...      ' (2015)).')
    'quote Zivotofsky v. Kerry case-citation'
    """
    m = _CASE_CITATION.match(ctx.masked, ctx.sp.close)
    if m is None:
        return None
    a, b = m.span("np")
    name = " ".join(ctx.masked[a:b].split())
    head = name.split()[-1]
    return Attribution(Cand("name", a, b, name, None, "organization", head=head), "", "after")


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
    if _term_earlier_in_sentence(ctx) and PARTICIPLE_CUE.search(ctx.prefix):
        return None  # ``lead-with-quoted-phrase`` reads the whole sentence
    if "," not in ctx.prefix and _topic_item(ctx):
        # "On the massive fraud scandals plaguing Minnesota and other Democrat-run
        # states: “…”" (2026-02-05): a topic label, its "states" no cue; "On Iran,
        # the President said: “…”" has its clause after a comma.
        return None
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
    lo = ctx.lo
    nl = ctx.masked.rfind("\n", lo, ctx.sp.open)
    if nl >= 0 and _SOURCE_TAG_END.search(ctx.masked[ctx.plo : nl].rstrip()):
        lo = nl + 1  # no sentence break after "[Tweet, 4/18/2023]"; the line is one
    if lo <= ctx.plo or not ctx.prefix.endswith(":"):
        return None
    prev = ctx.masked[ctx.plo : lo].rstrip()
    if not (
        ctx.after_prev_quote
        or prev.endswith((".", "!", "?", "”", '"', "…"))
        or _SOURCE_TAG_END.search(prev)
    ):
        return None
    att = attribution_before(ctx.masked, lo, ctx.sp.open, True)
    return att if att is not None and att.how == "label" else None


# The item before ends in its source tag: "… caregivers nationwide!” [Tweet,
# 4/18/2023]" then "Michael Adams, CEO, SAGE USA: “…”" (2023-04-18), "…” [Statement,
# 3/1/22]" (2022-03-03): "What they are saying" lists.
_SOURCE_TAG_END = re.compile(r"[”\"][^\S\n]*\[[^\]\n]{1,60}\]$")

_HANDLE_LABEL = re.compile(r"(?:^|(?<=\s))@(?P<h>[A-Za-z0-9_]{2,30})\b[^:“”\"\n]{0,120}:")


def handle_label(ctx: QuoteContext) -> Attribution | None:
    """A social-media handle as a label: "🚨 @WhipKClark, the number two House Democrat,
    on the Democrat Shutdown: "Of course there will be families that are going to
    suffer…"" (an embedded post, White House 2025-10-22), "NACo President
    @LarryJohnsonD3: “For the past two years, …”" (2022-03-15). The person the text
    names whose surname the handle holds speaks (Katherine Clark, named earlier as
    "Katherine Clark, the number two House Democrat"); else the handle itself.

    >>> demo('Title\\n\\nHouse Minority Whip Katherine Clark spoke.\\n\\n@WhipKClark, the'
    ...      ' number two House Democrat, on the Democrat Shutdown: "Of course there will be'
    ...      ' families that are going to suffer."')
    'quote Katherine Clark handle-label'
    """
    m = _HANDLE_LABEL.search(ctx.prefix)
    if m is None or m.end() != len(ctx.prefix):
        return None
    handle = m.group("h")
    at = ctx.masked.rfind("@" + handle, ctx.lo, ctx.sp.open)
    if at < 0:
        return None
    a, b = at, at + 1 + len(handle)
    low = handle.lower()
    best = None
    for e in ctx.resolver.index.persons:
        last = e.name.split()[-1].lower() if e.name.split() else ""
        if len(last) >= 3 and last in low and " " in e.name:
            best = e  # the latest full name the handle holds
    if best is not None:
        cand = Cand("name", a, b, best.name, best.title, "person", head=best.name)
        return Attribution(cand, ":", "label")
    return Attribution(Cand("name", a, b, "@" + handle, None, "person", head=handle), ":", "label")


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


def _statement_from(
    masked: str, a: int, b: int, how: AttributionHow = "label", strip_start: bool = True
) -> Attribution | None:
    """X of a "Statement from X:" label standing in ``masked[a:b]``, a person or role."""
    while strip_start and a < b and masked[a] in ' \t\n*_”"':
        a += 1
    while b > a and masked[b - 1] in " \t\n*_":
        b -= 1
    m = _STATEMENT_FROM.match(masked, a, b)
    if m is None:
        return None
    c = parse_np(masked, m.start("np"), m.end("np"), "full")
    if c is None or c.kind not in ("name", "role") or c.type == "organization":
        return None
    return Attribution(c, ":", how)


def _colon_lead_sentence(ctx: QuoteContext, topic: bool = False) -> tuple[int, int] | None:
    """The last sentence of the previous paragraph when it ends in a colon and
    the quotation opens its own paragraph (with ``topic``, after a topic label)."""
    sp = ctx.sp
    if not (ctx.at_para_start or topic) or sp.para == 0:
        return None
    pa, pb = ctx.paras[sp.para - 1]
    if not (
        _ends_with_colon(ctx.masked, pa, pb, ctx.limits) or _ends_with_cue_comma(ctx.masked, pa, pb)
    ):
        return None
    return sentence_starts(ctx.masked, pa, pb)[-1], pb


_CUE_COMMA_END = re.compile(r"[ \t]*,[\s*_]*$")


def _ends_with_cue_comma(masked: str, a: int, b: int) -> bool:
    """A paragraph that ends in its reporting verb and a comma leads into the
    quotation opening the next one, as a colon does: "According to Rathbun, a
    detective … was provided with material … Rathbun stated,\n“Daniel was picked
    up by an investigator …”" (Wikinews, Scientology defector); "Rebecka put a
    teacher’s creed into words when she said,\n“…”" (White House remarks,
    2023-04-24); "They said,\n“…”" (2023-03-09).

    >>> s = "Rathbun stated,"
    >>> _ends_with_cue_comma(s, 0, len(s)), _ends_with_cue_comma("He left,", 0, 8)
    (True, False)
    """
    m = _CUE_COMMA_END.search(masked, max(a, b - 8), b)
    if m is None:
        return False
    cues = list(CUE.finditer(masked, max(a, m.start() - 30), m.start()))
    return bool(cues) and cues[-1].end() == m.start()


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
    return _statement_from(ctx.masked, *s, how="prev-lead", strip_start=False)


_STATEMENT_HEADER = re.compile(
    r"[\s*_]*(?:(?:An?|The)\s+)?Statement\s+(?:from|by)\s+(?P<np>[^:\n“”\"]{2,100}?)"
    r"(?:\s+on\s+[^:\n“”\"]{2,120})?[\s*_]*"
)


def statement_header(ctx: QuoteContext) -> Attribution | None:
    """A release titled or headed "Statement from X", with no colon, over a
    paragraph that is X's quotation: "Statement from the Press Secretary" over
    "“The Government of Colombia has agreed to all of President Trump’s terms …"
    (2025-01-26; the same header on 2025-02-28, 2025-03-05 and 2025-03-16),
    "Statement from Secretary of State Marco Rubio" over "“Tonight, Israel took
    unilateral action against Iran. …" (2025-06-12), "Statement from President Joe
    Biden on Climate Pollution Reduction Grants" (2024-07-22). X speaks; a statement
    of two ("Statement from Secretary Rubio and NSC Waltz on …") is not read.

    >>> demo('Statement from Secretary of State Marco Rubio\\n\\n“Tonight, Israel took'
    ...      ' unilateral action against Iran. We are not involved in strikes against Iran.”')
    'quote Marco Rubio statement-header'
    """
    sp = ctx.sp
    if ctx.prefix or not ctx.at_para_start or sp.para == 0:
        return None
    a, b = ctx.paras[sp.para - 1]
    m = _STATEMENT_HEADER.fullmatch(ctx.masked, a, b)
    if m is None:
        return None
    x, y = m.span("np")
    if re.search(r"\band\b|&", ctx.masked[x:y]):
        return None
    words = ctx.masked[x:y].split()
    if len(words) >= 2 and words[0].lower() == "the" and words[1][:1].isupper():
        # "the Press Secretary": an office, which the name parser would split
        # into a title and a one-word name.
        c = parse_np(ctx.masked.lower(), x, y, "full")
        if c is not None and c.kind == "role":
            role = " ".join(words[1:])
            c = Cand("role", x, y, role, role, "person", head=c.head)
    else:
        c = parse_np(ctx.masked, x, y, "full")
    if c is None or c.kind not in ("name", "role") or c.type == "organization":
        return None
    return Attribution(c, "", "prev-lead")


_PROMISE_LABEL = re.compile(r"[\s*_✅]*PROMISES?[^\S\n]+MADE[^\S\n]*:")
_PROMISE_WORD = re.compile(r"promises?\b", re.IGNORECASE)
_PROMISE_OWNER = re.compile(
    r"(?P<who>(?:[A-Z][\w.\-]*[^\S\n]+){0,4}[A-Z][\w.\-]*)[’']s[^\S\n]+"
    r"(?:[\w\-]+[^\S\n]+){0,2}(?i:promises?)\b"
)


def promise_label(ctx: QuoteContext) -> Attribution | None:
    """A "Promises Made, Promises Kept" list: each promise quoted under the label
    "PROMISE MADE:", the writer's "PROMISE KEPT:" paragraph after it. The person
    whose promises the lead-in names made them: "President Trump made good on even
    more of his promises between Day 100 and Day 200:" (2025-08-07), "Here are just
    some of President Trump’s PROMISES MADE, PROMISES KEPT:" (2025-11-05), "President
    Trump has made good on the promises he made on the campaign trail …" (2025-04-28).

    >>> demo('✅ 200 Days of Winning: President Trump Is Keeping His Promises\\n\\nPresident'
    ...      ' Trump made good on even more of his promises between Day 100 and Day 200:\\n\\n'
    ...      'PROMISE MADE: “We will close the border. We will stop the invasion of illegals'
    ...      ' into our country.” (10/12/24)')
    'quote Trump promise-label'
    """
    if not _PROMISE_LABEL.fullmatch(ctx.prefix) or not blank_between(ctx.masked, ctx.plo, ctx.lo):
        return None
    m, bare = ctx.masked, ctx.resolver.bare
    for j in range(
        ctx.sp.para - 1, max(-1, ctx.sp.para - 1 - ctx.limits.promise_lookback_paras), -1
    ):
        pa, pb = ctx.paras[j]
        if (
            j == 0
            or _PROMISE_LABEL.match(m, pa, pb)
            or re.match(r"[\s*_✅]*PROMISES?\s+KEPT", m[pa:pb])
        ):
            continue  # the title, and the list's own items
        starts = sentence_starts(bare, pa, pb)
        for x, y in zip(starts, [*starts[1:], pb], strict=True):
            if not _PROMISE_WORD.search(m, x, y):
                continue
            own = _PROMISE_OWNER.search(m, x, y)
            c = parse_np(m, *own.span("who"), "full") if own else None
            if c is None:
                c = sentence_subject(bare, x, y)
            if c is not None and c.kind == "name" and c.type == "person" and c.title:
                return Attribution(c, ":", "label")
    return None


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


# A lead-in that opens on where its excerpts come from: "From the Post:", "Here are
# a few examples from the story:" – not any "from" ("… remove the video from the
# Internet: “…”" is the writer's own sentence, Wikinews).
_FROM_SOURCE = re.compile(
    r"(?:From|(?:Here|Below)\s+(?:are|is)\s+[^:\n“”\"]{0,60}?\s+from|"
    r"(?:Excerpts?|Highlights?|More)\s+from)\s+(?P<np>[^:\n“”\"]{2,100}?)[\s*_]*:$"
)
# "… we remember the words of another young poet, Amanda Gorman:".
_WORDS_OF = re.compile(r"(?<=\s)the\s+words\s+of\s+(?P<np>[^:\n“”\"]{2,100}?)[\s*_]*:$")
# "Here are highlights from President Trump’s speech:": the speech's owner speaks.
_POSS_WORK = re.compile(
    r"(?P<who>.+?)[’']s\s+(?:[\w\-]+\s+){0,2}?(?:speech|remarks|address|interview|"
    r"op-ed|column|letter|post|statement|testimony|words)"
)
_AFTER_SUBJECT = re.compile(r"[^\S\n]*(?:\([^()\n]{0,60}\)[^\S\n]*)?,?[^\S\n]*")


def _outlet_before(ctx: QuoteContext, pos: int, word: str | None = None) -> str | None:
    """The latest news outlet named before ``pos`` ("The Wall Street Journal", "the
    *New York Post*"); with ``word``, the latest organisation whose name ends in it
    ("the Post" → "New York Post")."""
    orgs = ctx.resolver.index.orgs
    i = bisect.bisect_left([e.pos for e in orgs], pos)
    for e in reversed(orgs[max(0, i - ctx.limits.entity_lookback) : i]):
        if word is not None:
            if e.name != word and e.name.split()[-1] == word:
                return e.name
        elif _PAPER.search(e.name):
            return e.name
    return None


def _source_np(ctx: QuoteContext, a: int, b: int) -> Cand | None:
    """The source named in a lead-in's "from X": a person's speech, an outlet, an
    organisation, or a document an outlet published (resolved to the outlet)."""
    m = _POSS_WORK.fullmatch(ctx.masked, a, b)
    if m is not None:
        c = parse_np(ctx.masked, m.start("who"), m.end("who"), "full")
        if c is not None and c.kind == "name":
            return c
        return None
    c = parse_np(ctx.masked, a, b, "full")
    if c is None and "," in ctx.masked[a:b]:
        # An apposition: "another young poet, Amanda Gorman".
        for pa, pb in _comma_parts(ctx.masked, a, b):
            c = parse_np(ctx.masked, pa, pb, "full")
            if c is not None and c.kind == "name":
                break
        else:
            c = None
    if c is not None and c.kind == "name":
        if c.type == "organization" and " " not in c.name:
            longer = _outlet_before(ctx, a, c.name)
            if longer is not None:
                return Cand("name", c.start, c.end, longer, None, "organization", head=c.head)
        return c
    words = ctx.masked[a:b].split()
    head = words[-1].strip("*_").lower() if words else ""
    if head in OUTLET_DOCS and words[0].lower() in ("the", "this", "that"):
        outlet = _outlet_before(ctx, a)
        if outlet is not None:
            return Cand("name", a, b, outlet, None, "organization", head=head)
        # No outlet named before: the document itself ("Here are some key takeaways
        # from the report:", 2025-06-12).
        return Cand("doc", a, b, " ".join(words[1:]).strip("*_"), None, "organization", head=head)
    if c is not None and c.kind in ("doc", "orgn"):
        return c
    return None


def _comma_parts(masked: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    pos = a
    for k in range(a, b + 1):
        if k == b or masked[k] == ",":
            out.append((pos, k))
            pos = k + 1
    return out


def _lead_in_source(ctx: QuoteContext, a: int, b: int) -> Attribution | None:
    """The source of a colon lead-in that has no reporting verb: "From X:" or
    "… from X:", or a subject that puts out its own words ("U.S. Central Command
    continues to highlight …:")."""
    m = ctx.masked
    while b > a and m[b - 1] in " \t\n*_":
        b -= 1
    if not m[a:b].endswith(":"):
        return None
    while a < b and m[a] in " \t\n*_":
        a += 1
    f = _FROM_SOURCE.match(m, a, b) or _WORDS_OF.search(m, a, b)
    if f is not None:
        c = _source_np(ctx, *f.span("np"))
        return Attribution(c, ":", "prev-lead") if c is not None else None
    c = sentence_subject(ctx.resolver.bare, a, b)
    if c is None:
        return None
    if c.kind == "name":
        if c.type == "person" and not c.title and " " not in c.name:
            return None
    elif c.kind not in ("orgn", "doc"):
        return None
    gap = _AFTER_SUBJECT.match(ctx.resolver.bare, c.end, b)
    if gap is None or not LEAD_VERB.match(ctx.resolver.bare, gap.end(), b):
        return None
    return Attribution(c, ":", "prev-lead")


def source_lead(ctx: QuoteContext) -> Attribution | None:
    """A colon lead-in without a reporting verb that names where the excerpts below
    come from: "Here are a few examples from the story:" over a paragraph of
    excerpts (2025-05-05: the story is The Wall Street Journal's, named before),
    "From the Post:" (2025-06-17: the New York Post), "From The Washington Times:"
    (2025-09-02); or whose subject puts its own words out (as in
    ``source-lead-inline``). The excerpts after the first carry the source over
    (``carry-over``).

    >>> demo('U.S. Border Patrol released no one, the New York Post reports.\\n\\n'
    ...      'From the Post:\\n\\n“Border Patrol agents didn’t release a single migrant.”')
    'quote New York Post source-lead'
    """
    s = _colon_lead_sentence(ctx)
    if s is None:
        return None
    return _lead_in_source(ctx, *s)


def source_lead_inline(ctx: QuoteContext) -> Attribution | None:
    """``source-lead`` in the quotation's own sentence: "The National Association of
    Manufacturers launched a new ad campaign to highlight what’s at stake …: “If
    Congress doesn’t act, …”" (2025-06-24), "Maryland State Del. Nicole Williams
    (D-Prince George’s) introduced a bill to ban local law enforcement agencies from
    cooperating with ICE: “People would not feel safe …”" (2025-04-15), "Bob Moses
    summed up the heroic effort to register Black voters in the Deep South with a
    question: “What kind of society will we be?”" (statement of 2021-07-26). Without
    such a verb the subject is no speaker: "In South Carolina, ICE arrests have more
    than tripled: “…”".

    >>> demo('Title\\n\\nThe National Association of Manufacturers launched a new ad'
    ...      ' campaign to highlight what’s at stake: “If Congress doesn’t act,'
    ...      ' manufacturers will be hit.”')
    'quote National Association of Manufacturers source-lead-inline'
    """
    if not ctx.prefix.endswith(":") or CUE.search(ctx.prefix):
        return None
    return _lead_in_source(ctx, ctx.lo, ctx.sp.open)


_ROUNDUP_LEAD = re.compile(
    # "Here the top moments you may have missed:" (2025-11-03) drops its verb.
    r"(?:Here(?:’s|'s|[^\S\n]+is|[^\S\n]+are|(?=[^\S\n]+(?:the|some)\b))|"
    r"Below[^\S\n]+(?:is|are))\b[^:“”\"\n]{0,80}:"
)


def roundup_lead(ctx: QuoteContext) -> Attribution | None:
    """A round-up of one person's interview or speech: the lede names the person as
    its subject, a lead-in "Here are some of the key moments:" or "Here’s what you
    missed:" may follow, then the excerpts joined by "(Watch)" links: "In a
    wide-ranging interview with Politico, President Donald J. Trump reflected on …"
    … "Here are some of the key moments:" (White House 2025-12-09), "In a powerful
    primetime address …, President Donald J. Trump reflected …" … "Here’s what you
    missed:" (2025-12-18), "… Secretary Rubio underscored …" then the excerpts with no
    lead-in (2026-01-04). The subject of the nearest writer's sentence that is a
    titled or full name speaks; the excerpts after the first carry it over
    (``carry-over``). Without a lead-in only a paragraph of excerpts with "(Watch)"
    links after a paragraph that quotes no one counts.

    >>> demo('Title\\n\\nIn a wide-ranging interview with Politico, President Donald J.'
    ...      ' Trump reflected on the progress of his second term.\\n\\nHere are some of'
    ...      ' the key moments:\\n\\n“I inherited a total mess.” (Watch) “We have $18'
    ...      ' trillion being invested.” (Watch)')
    'quote Donald J. Trump carry-over'
    """
    sp = ctx.sp
    m, bare = ctx.masked, ctx.resolver.bare
    # The first item may carry a topic label: "On prices: “…”" (2025-05-04).
    topic = bool(ctx.prefix) and _topic_item(ctx) and blank_between(m, ctx.plo, ctx.lo)
    if not (ctx.at_para_start or topic) or sp.para == 0:
        return None
    s = _colon_lead_sentence(ctx, topic)
    if s is not None:
        a, b = s
        while a < b and m[a] in " \t\n*_":
            a += 1
        while b > a and m[b - 1] in " \t\n*_":
            b -= 1
        if not _ROUNDUP_LEAD.fullmatch(m, a, b):
            return None
        last = ctx.sp.para - 1
    else:
        # No lead-in: the paragraph is excerpts and links only, the one before
        # quotes no one.
        if not _WATCH_AFTER.match(m, sp.close) or sp.last_para != sp.para:
            return None
        pa, pb = ctx.paras[sp.para - 1]
        if any(ch in m[pa:pb] for ch in '“”"'):
            return None
        a = pb
        last = ctx.sp.para - 1
    for j in range(last, max(0, last - ctx.limits.roundup_lede_paras) - 1, -1):
        pa, pb = ctx.paras[j]
        if j < last and not re.search(r"[.!?:][”’\"')\s*_]*$", m[pa:pb]):
            continue  # a title or heading line is no lede (2026-02-05's title)
        starts = sentence_starts(bare, pa, pb)
        ends = [*starts[1:], pb]
        for x, y in reversed(list(zip(starts, ends, strict=True))):
            if x >= a:
                continue  # the lead-in itself
            c = sentence_subject(bare, x, y) or _subject_after_intro(bare, x, y)
            if c is None:
                continue
            if c.kind == "name" and c.type == "person" and (c.title or " " in c.name):
                return Attribution(c, ":", "prev-lead")
            if c.kind in ("role", "group", "orgn", "doc") or (
                c.kind == "name" and (c.type != "person" or " " in c.name)
            ):
                return None  # the lede is about someone or something else
            # A lone capitalised word ("Click" of a figure's caption) tells nothing.
    return None


def _subject_after_intro(bare: str, a: int, b: int) -> Cand | None:
    """A titled or full name and its verb right after a comma of an introductory
    phrase that itself holds commas, which ``sentence_subject`` does not get past:
    "In a commanding, nearly hour-long Oval Office exclusive with NBC News anchor Tom
    Llamas, President Donald J. Trump delivered …" (2026-02-05), "More than one year
    into his second term, President Trump showcased …" (the same lede).

    >>> _subject_after_intro('More than one year into his second term, President Trump'
    ...                      ' showcased the progress.', 0, 79).name
    'Trump'
    """
    for mm in re.finditer(r",[^\S\n]+", bare[a:b]):
        c = _clause_label_subject(bare, a + mm.end(), b)
        if c is not None:
            return c
    return None


# A compilation's date tag after each quotation does what a "(Watch)" link does:
# "“…” (2/24/26) “They can’t have nuclear weapons. …” (2/19/26)" (2026-03-02),
# "“…” (6/16/25) “You can’t have peace if Iran has a nuclear weapon.” (6/14/25)"
# (2025-06-17): the dated quotations of one person.
_DATE_TAG = r"\d{1,2}/\d{1,2}/\d{2,4}"
_WATCH_AFTER = re.compile(r"[^\S\n]*\((?:Watch|Link|Video|" + _DATE_TAG + r")\)")


def _topic_item(ctx: QuoteContext) -> bool:
    """The quotation's words before it are a round-up's topic label only ("On
    tariffs:", "(Watch) On Obamacare:"): an interview's excerpts listed by topic
    after a lead-in, "On prices: “…” On securing the border: “…”" (2025-05-04), "On
    optimism: “…”" (2025-07-15), "On ending the Democrat Shutdown: “…” On Obamacare:
    “…”" (2025-11-03). The topic names no one; the speaker is the round-up's.

    >>> demo('Title\\n\\nPresident Donald J. Trump, in an exclusive interview on Meet the'
    ...      ' Press, outlined the historic successes of his first 100 days.\\n\\nHere are'
    ...      ' the top moments you missed:\\n\\nOn prices: “Prices are down on groceries.”'
    ...      ' On Iran: “I want Iran to be really successful, really great, really'
    ...      ' fantastic.”')
    'quote Donald J. Trump carry-over'
    """
    if _TOPIC_LABEL.fullmatch(ctx.prefix) is None:
        return _topic_with_term(ctx)
    prev = ctx.prev_span
    if prev is not None and prev.last_para == ctx.sp.para and prev.close <= ctx.lo:
        return _HEADER_GAP.fullmatch(ctx.masked, prev.close, ctx.lo) is not None
    return blank_between(ctx.masked, ctx.plo, ctx.lo)


def _topic_with_term(ctx: QuoteContext) -> bool:
    """A topic label that quotes a term: "… than we’ve ever had…” On “retribution”:
    “It’s the opposite. …”" (2025-11-03). The label runs from the item before to the
    quotation, the term's marks inside it.

    >>> demo('Title\\n\\nPresident Donald J. Trump used his powerhouse interview on 60'
    ...      ' Minutes to showcase record stock market gains.\\n\\nHere the top moments you'
    ...      ' may have missed:\\n\\nOn Obamacare: “Obamacare is terrible.” On “retribution”:'
    ...      ' “It’s the opposite. I think I’ve been very mild mannered.”')
    'quote Donald J. Trump carry-over'
    """
    pq, term = ctx.prev_quote, ctx.prev_span
    if pq is None or term is None or term.last_para != ctx.sp.para or not pq.closed:
        return False
    a = pq.end + 1  # after the item's closing mark
    if not (a <= term.open and term.close <= ctx.lo) or a < ctx.plo:
        return False
    label = re.sub(r"[“”\"]", "", ctx.masked[a : ctx.sp.open]).strip(" \t*_")
    return _TOPIC_LABEL.fullmatch(label) is not None


# "On negotiations to end the war in Ukraine:", after any "(Watch)" of the item before.
_TOPIC_LABEL = re.compile(r"(?:\(?Watch\)?[^\S\n]*)?On[^\S\n]+[^:“”\"\n]{2,160}:")


def topic_under_header(ctx: QuoteContext) -> Attribution | None:
    """A round-up item labelled by its topic, "On tariffs: “…”", under a header that
    names the speaker: "Secretary of the Treasury Scott Bessent on Sunday Morning
    Futures" then "On mortgage rates: “…” On reciprocal tariffs: “…”" (White House
    "Sunday shows" round-ups of 2025-02-23, 2025-03-09 and others, their bullets
    gone in plain text). The topic is no speaker; the header's person is.

    >>> demo('Here’s what you missed:\\n\\nSecretary of the Treasury Scott Bessent on'
    ...      ' Sunday Morning Futures\\n\\nOn mortgage rates: “Interest rates are down.”'
    ...      ' On reciprocal tariffs: “We’re just doing what they’re doing.”')
    'quote Scott Bessent topic-under-header'
    """
    if not _TOPIC_LABEL.fullmatch(ctx.prefix):
        return None
    prev = ctx.prev_span
    after_item = (
        prev is not None
        and prev.last_para == ctx.sp.para
        and _HEADER_GAP.fullmatch(ctx.masked, prev.close, ctx.lo) is not None
    )
    if not (after_item or blank_between(ctx.masked, ctx.plo, ctx.lo)):
        return None
    j = ctx.sp.para - 1
    while j >= 0 and ctx.sp.para - j <= ctx.limits.list_max_items:
        a, b = ctx.paras[j]
        seg = ctx.masked[a:b].strip(" \t\n*_")
        if _TOPIC_LABEL.match(seg) or seg[:1] in '“"':
            j -= 1
            continue
        if not seg or "\n" in seg or len(seg.split()) > ctx.limits.list_header_max_words:
            return None
        if re.search(r"[.!?:;,”\"]$", seg):
            return None
        c = _header_person(ctx.masked, a, b)
        return Attribution(c, ":", "list") if c is not None else None
    return None


def _header_person(masked: str, a: int, b: int) -> Cand | None:
    """The titled person of a round-up header "TITLE NAME on SHOW": cut at the first
    "on/at/for …" that leaves a titled name before it, since a title may hold one
    itself: "Senior Counselor for Trade and Manufacturing Peter Navarro on Meet the
    Press" (Sunday shows of 2025-04-13 and 2025-04-06, White House), where a cut at
    "for" left a bare "Senior Counselor"; "Secretary of Commerce Howard Lutnick on
    Face the Nation" cuts at "on" as before. A cut leaving title words only goes on
    too: "Assistant Secretary for Health Rachel Levine" (a title of White House
    releases) is no "Secretary" titled "Assistant".

    >>> s = 'Senior Counselor for Trade and Manufacturing Peter Navarro on Meet the Press'
    >>> _header_person(s, 0, len(s)).name
    'Peter Navarro'
    """
    cuts = [m.start() for m in _HEADER_ON.finditer(masked, a, b)] or [b]
    for cut in cuts:
        c = parse_np(masked, a, cut, "full")
        if c is None or c.kind != "name" or c.type != "person" or not c.title:
            continue
        if c.name and not TITLE_WORDS.issuperset(c.name.split()):
            return c  # not "Assistant" + "Secretary" cut from "Assistant Secretary for …"
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
    if not ctx.after_prev_quote or not (
        ctx.prefix.endswith(":")
        or CUE.search(ctx.prefix)
        or (_term_earlier_in_sentence(ctx) and PARTICIPLE_CUE.search(ctx.prefix))
    ):
        return None
    lo2 = ctx.bare_sents.start_before(ctx.sp.open, ctx.sp.para)
    # Not from the sentence before when it ended inside a closing mark: "Rep. Delia
    # Ramirez attacked ICE as “a terror force.” Rep. Pramila Jayapal called ICE agents
    # “deranged,” accused them of “kidnapping,” and said “resistance” …" (2025-09-26).
    own = _quoted_stop_start(ctx, lo2)
    for a in (own, lo2) if own > lo2 else (lo2,):
        att = attribution_before(
            ctx.resolver.bare, a, ctx.sp.open, _lead_empty(ctx.masked, ctx.plo, a)
        )
        if att is not None:
            return att
    return None


def _term_earlier_in_sentence(ctx: QuoteContext) -> bool:
    """The writer's sentence quotes a name or term before the quotation, and a
    participle cue follows it: "In his remarks, President Trump commended First Lady
    Melania Trump for her work to help pass the “TAKE IT DOWN” Act, saying, “I want to
    thank Melania …”" (2025-05-19). Read from the term only, the clause's subject
    would be "Act"; the sentence's subject speaks.

    >>> demo('Title\\n\\nFirst Lady Melania Trump joined President Donald J. Trump in the'
    ...      ' White House Rose Garden.\\n\\nIn his remarks, President Trump commended First'
    ...      ' Lady Melania Trump for her work to help pass the “TAKE IT DOWN” Act, saying, “I'
    ...      ' want to thank Melania for your leadership on this very important issue.”')
    'quote Donald J. Trump lead-with-quoted-phrase'
    """
    prev = ctx.prev_span
    if prev is None or not ctx.after_prev_quote or prev.last_para != ctx.sp.para:
        return False
    pq = ctx.prev_quote
    if pq is not None and pq.start == prev.start:
        return False  # the quotation before was a quotation, not a term
    return ctx.bare_sents.start_before(ctx.sp.open, ctx.sp.para) < prev.open


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
_WATCH_ONLY = re.compile(r"\(?(?:Watch|Link|Video)\)?|\(" + _DATE_TAG + r"\),?")


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


# What may follow a statement in its paragraph: a source tag, "[Statement, 1/6/2025]",
# "[Tweet, 5/25/23]" (2025-01-06, 2023-05-26 "What they are saying" lists).
_CITATION_TAIL = re.compile(r"[\s*_.]*(?:\[[^\]\n]{1,60}\][\s*_.]*)?")
# Where a speaker header's name ends and its affiliation starts: "Karen Lynch – CVS
# Health President and CEO", "Ben Jealous, Executive Director, Sierra Club", "Rep.
# Jared Huffman (D-CA-02)".
_HEADER_NAME_END = re.compile(r"[^\S\n]+[–—-][^\S\n]+|,|[^\S\n]*\(")


def name_header(ctx: QuoteContext) -> Attribution | None:
    """A "What they are saying" list: each statement a paragraph of its own under a
    line naming its author with an affiliation and no punctuation after it: "Karen
    Lynch – CVS Health President and CEO" (2021-11-29, seven statements), "Ben Jealous,
    Executive Director, Sierra Club" and "Rep. Jared Huffman (D-CA-02)" (2025-01-06,
    thirty), "Marc H. Morial, President and CEO of National Urban League" (2024-06-18),
    "Praveen Thadani, President/CEO, Priority Health" (2024-03-27). The person before
    the first dash, comma or bracket speaks (``header-lead`` needs a titled name as
    the whole line).

    >>> demo('Business Leader Statements:\\n\\nKaren Lynch – CVS Health President and CEO'
    ...      '\\n\\n“We’re seeing progress with port congestion and staffing levels as a'
    ...      ' result of the administration’s recent actions.”')
    'quote Karen Lynch name-header'
    """
    sp = ctx.sp
    # Paragraph 0 is the article's title ("First Lady Melania Trump Honors Military
    # Mothers, the Soul of our Nation" over a quotation, 2026-05-06), and a
    # statement under a header fills its paragraph.
    if ctx.prefix or not ctx.at_para_start or sp.para < 2:
        return None
    if not _CITATION_TAIL.fullmatch(ctx.masked, sp.close, ctx.paras[sp.last_para][1]):
        return None
    a, b = ctx.paras[sp.para - 1]
    seg = ctx.masked[a:b].strip(" \t\n*_")
    if not seg or "\n" in seg or len(seg.split()) > ctx.limits.list_header_max_words:
        return None
    if any(q in seg for q in '“”":') or re.search(r"[.!?;,]$", seg):
        return None  # a colon makes it a label line (``label-over-headline``)
    a += len(ctx.masked[a:b]) - len(ctx.masked[a:b].lstrip(" \t\n*_"))
    m = _HEADER_NAME_END.search(ctx.masked, a, b)
    if m is None:
        return _org_header(ctx, a, b)
    if m.start() - a < 3:
        return None
    c = parse_np(ctx.masked, a, m.start(), "full")
    if c is None or c.kind != "name" or c.type != "person":
        return None
    if not c.title and " " not in c.name:
        return None
    if "Statement" in c.name.split():
        return None  # "Joint Statement of BMW, Ford, Honda, …" (2021-08-05) names a document
    return Attribution(c, "", "prev-lead")


def _org_header(ctx: QuoteContext, a: int, b: int) -> Attribution | None:
    """An organisation's name alone as the header of its statement, which names it
    again: "Qualcomm" over "“Qualcomm Thinkabit Lab: This program offers …”",
    "Accenture" over "“Accenture commits to the following …”" (2025-09-09, fifty
    pledges), "Northern Chumash Tribal Council" over "“The Northern Chumash Tribal
    Council extends its heartfelt gratitude …" (2025-01-06). The statement's own
    mention of the whole name tells a header from a section title ("AI Resources for
    Educators" over "“AI Literacy Training with AI for Education: Qualcomm partners
    …”", the same text). A name the parser knows for an organisation's (an
    institute, a council; an acronym) needs no such mention: "America First Policy
    Institute" over "“It is our belief that Ms. Scarlett …”" (2025-09-18), "ARM" over
    "“Arm is convening the EducateAI Coalition …”" and "ISACA" over "“Over the next 4
    years, we will get up to 10,000 teachers certified …”" (2025-09-09).

    >>> demo('Major Organizations Commit to Supporting AI Education\\n\\nAccenture\\n\\n'
    ...      '“Accenture commits to the following in support of the Administration’s Pledge'
    ...      ' for American Youth, which we may supplement in the future.”')
    'quote Accenture name-header'
    """
    while b > a and ctx.masked[b - 1] in " \t\n*_":
        b -= 1
    seg = ctx.masked[a:b]
    words = seg.split()
    if not words or len(words) > ctx.limits.org_header_max_words:
        return None
    c = parse_np(ctx.masked, a, b, "full")
    if c is None or c.kind != "name" or c.title or c.end - c.start != len(seg):
        return None
    head = ctx.body[: ctx.limits.org_header_reach]
    named = re.search(r"(?<![\w])" + re.escape(" ".join(words)) + r"(?![\w])", head)
    if not named and c.type != "organization":
        return None
    org = Cand("name", c.start, c.end, c.name, None, "organization", head=c.head)
    return Attribution(org, "", "prev-lead")


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
    if not head or len(head.split()) > 25:
        return None
    if any(m in head for m in '“”"') and not _quoting_headline(ctx.masked, a, b, head):
        return None
    if "\n" in ctx.masked[a:b].strip():
        return None
    station = _station_label(ctx.masked, a, colon)
    if station is not None:
        return Attribution(station, ":", "prev-lead")
    att = attribution_before(ctx.masked, a, colon + 1, True)
    if att is None or att.how != "label" or att.cand.kind != "name":
        return None
    return Attribution(att.cand, ":", "prev-lead")


def _quoting_headline(masked: str, a: int, b: int, head: str) -> bool:
    """A headline that quotes a few words of its story is still a headline over the
    story's paragraph, its outlet the speaker: "Axios Phoenix (Phoenix, AZ): Arizonans
    Will See Tax Cuts From “Big, Beautiful Bill”", "The Greenville News (Greenville,
    SC): Chamber of Commerce Lobbyist Touts One Big Beautiful Bill as “game-changer”
    for Businesses" (2025-08-21), "The Charlotte Observer (Charlotte, NC): How the “Big
    Beautiful Bill” boosts QSBS benefits for startup employees and founders",
    "MageeNews.com (Mendenhall, MS): The “OBBB” Puts Americans and Farmers First"
    (2025-07-31), each over a paragraph quoting the story. A label whose quotation opens right
    after the colon ("Sen. X: “…”") labels that quotation instead.

    >>> s = "Axios Phoenix (Phoenix, AZ): Arizonans Will See Tax Cuts From “Big, Beautiful Bill”"
    >>> _quoting_headline(s, 0, len(s), s[s.index(":") + 2 :])
    True
    >>> s = "Sen. Chuck Schumer: “We will fight.”"
    >>> _quoting_headline(s, 0, len(s), s[s.index(":") + 2 :])
    False
    """
    if head[:1] in '“"' and head[-1:] in '”"' and _headline_shaped(head[1:-1]):
        # The headline in marks: "Daily Caller: “Multiple Voice Of America Reporters
        # Have Posted Anti-Trump Content On Social Media”" over “Multiple Voice of
        # America (VOA) reporters have …” (2025-03-15), as ``headlinese`` reads it.
        return True
    return head[:1] not in "“\"‘'" and _OUTLET_HEADLINE.fullmatch(masked, a, b) is not None


_STATION = re.compile(
    r"[\s*_]*(?P<np>(?:[A-Z][\w&.\-]*[^\S\n]+)+\d{1,2}(?:[^\S\n]+[A-Z][\w.\-]*)*)"
    r"[^\S\n]*(?:\([^()\n]{2,40}\))?[\s*_]*"
)


def _station_label(masked: str, a: int, b: int) -> Cand | None:
    """A broadcaster named with its channel number, which the name parser stops
    at: "FOX 10 (Phoenix, AZ):" (2025-08-05), "News 5 Cleveland:" and "Fox 8 News:"
    (2025-07-29), "Spectrum News 1 (Toledo, OH):" (2025-08-21) over a headline. The
    whole name speaks, not the word before or after the number.

    >>> _station_label("FOX 10 (Phoenix, AZ)", 0, 20).name
    'FOX 10'
    >>> _station_label("News 5 Cleveland", 0, 16).name
    'News 5 Cleveland'
    """
    m = _STATION.fullmatch(masked, a, b)
    if m is None:
        return None
    x, y = m.span("np")
    return Cand("name", x, y, " ".join(masked[x:y].split()), None, "organization", head=masked[x:y])


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


# "Hyundai’s pledge earlier this year to “…”": a possessor, a noun of speech, then
# the quoted words it governs; the possessor may carry ", Jr." and a dashed aside
# may stand between the noun and "to" ("King, Jr.’s call – in his … speech – to").
_POSS_SPEECH = re.compile(
    r"(?P<who>[A-Z][\w.&’'\-]*(?:[^\S\n]+[A-Z][\w.&’'\-]*|,[^\S\n]+(?:Jr|Sr)\.?){0,5})"
    r"(?:’s|'s)[^\S\n]+(?:[a-z\-]+[^\S\n]+){0,2}?"
    r"(?P<noun>pledges?|promises?|calls?|vows?|claims?|assertions?|warnings?|insistence|"
    r"demands?)\b(?P<rest>[^.!?;:\n]{0,80}?)[^\S\n]*$"
)
_POSS_REST = re.compile(
    r"(?:[^\S\n]+(?:earlier|last|this|that|in|on|at)\b[^,;—–]{0,30}?)?"
    r"(?:[^\S\n]*[—–][^—–]{1,60}[—–])?[^\S\n]*(?:to|that|of)?"
)


def possessive_speech(ctx: QuoteContext) -> Attribution | None:
    """A possessor's noun of speech governing the quoted words: "The investment,
    which builds on Hyundai’s pledge earlier this year to “further localize
    production in the U.S.,”" (White House, 2025-03-24); "Chuck Schumer’s disgusting
    claim that “every day gets better“" (2025-10-09); "leaders also reject Russia’s
    false claims that Ukraine is preparing a radiological “dirty bomb.”" (Phnom Penh
    statement, 2022-11-13: Russia's words, not the leaders'); "Fake News CNN attempted
    to “fact check” President Trump’s claim that the Biden Administration spent
    millions on “making mice transgender.”" (2025-04-29). Read on the writer's words
    (quotations blanked); no reporting verb may stand between the noun and the
    quotation.

    >>> demo('Chuck Schumer’s disgusting claim that “every day gets better” is a sickening'
    ...      ' display of elitist indifference.')
    'quote Chuck Schumer possessive-speech'
    """
    if not ctx.prefix:
        return None
    bare = ctx.resolver.bare
    lo = ctx.bare_sents.start_before(ctx.sp.open, ctx.sp.para)
    m = _POSS_SPEECH.search(bare, max(lo, ctx.sp.open - 200), ctx.sp.open)
    if m is None:
        return None
    rest = m.group("rest")
    if not _POSS_REST.fullmatch(rest) and not re.fullmatch(r"[^\S\n]+that[^\S\n].{0,70}", rest):
        return None
    if CUE.search(bare, m.end("noun"), ctx.sp.open) or INDIRECT_ONLY_CUE.search(
        bare, m.end("noun"), ctx.sp.open
    ):
        return None
    a, b = m.span("who")
    c = parse_np(bare, a, b, "full")
    if c is None or c.kind not in ("name", "role"):
        return None
    return Attribution(c, m.group("noun"), "indirect")


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

    The sentence starts where the previous quotation's sentence starts in the
    text as written: blanking quotations also blanks a full stop inside a closing
    mark, and the sentence before would lend its subject (see
    ``_quoted_stop_start``).

    >>> demo('Rep. John Larson said ICE is “the SS.” Rep. LaMonica McIver incited'
    ...      ' people to “shut down the city” because “we are at war.”')
    'quote LaMonica McIver indirect-across-phrase'
    """
    if not ctx.prefix or not ctx.after_prev_quote:
        return None
    lo = ctx.bare_sents.start_before(ctx.sp.open, ctx.sp.para)
    own = _quoted_stop_start(ctx, lo)
    att = attribution_indirect(ctx.resolver.bare, own, ctx.sp.open) if own > lo else None
    # A sentence with no cue of its own goes on with the one before: "According to
    # CNBC, “gas is the cheapest …” Inflation-adjusted gas prices “are near …” — and
    # with rising incomes, “Americans are …”" (White House, 2025-06-30).
    return att or attribution_indirect(ctx.resolver.bare, lo, ctx.sp.open)


def _quoted_stop_start(ctx: QuoteContext, lo: int) -> int:
    """Where the sentence holding the previous quotation starts, when the sentence
    before it ended inside a closing mark: "Gov. Tim Walz smeared ICE as the
    “modern-day Gestapo.” Gov. Gavin Newsom likened ICE to “secret police,” calling
    them “authoritarian”" (White House, 2025-09-26: "authoritarian" went to Walz),
    "… said ICE is “the SS” and “the Gestapo.” Rep. LaMonica McIver incited people to
    “shut down the city” because “we are at war.”" (same release); "The Chamber of
    Commerce has said prioritization would have “catastrophic economic consequences.”
    Economists to Republican Senators … called it a “really bad idea” and a
    “disaster.”" (press briefing, 2023-05-01: "disaster" went to the Chamber; on
    2023-01-18 Tim Geithner's "harmful" did too). On the
    writer's words alone (quotations blanked) the full stop inside the mark is gone, so the
    two sentences read as one and the first one's cue wins.

    >>> demo('Gov. Tim Walz smeared ICE as the “modern-day Gestapo.” Gov. Gavin Newsom'
    ...      ' likened ICE to “secret police,” calling them “authoritarian”.')
    'fragment Gavin Newsom indirect-across-phrase'
    """
    prev = ctx.prev_span
    if prev is None or prev.para != ctx.sp.para or prev.open <= lo:
        return lo
    return max(lo, ctx.sents.start_before(prev.open, ctx.sp.para))


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


# A law's provision as the subject of its own words: "Section 351 of the Act", "Sections
# 6103(a) and 6503(b) of the Act", "the Act", "This provision".
_PROVISION_NP = (
    r"(?:Sections?[^\S\n]+\d[\w().]*(?:(?:,|[^\S\n]+and|[^\S\n]+or)?[^\S\n]+\d[\w().]*)*"
    r"[^\S\n]+of[^\S\n]+(?:the|this)[^\S\n]+(?:Act|bill|law|Code|Constitution)|"
    r"(?:[Tt]he|[Tt]his)[^\S\n]+(?:Act|bill|statute|law|provision|section))"
)
_PROVISION_VERB = (
    r"(?:would[^\S\n]+)?(?:requires?|provides?|directs?|mandates?|prohibits?|authorizes?|"
    r"stipulates?|calls[^\S\n]+for|purports?[^\S\n]+to[^\S\n]+\w+)\b"
)
_PROVISION = re.compile(rf"[\s*_]*(?P<np>{_PROVISION_NP}|It)[^\S\n]+(?P<verb>{_PROVISION_VERB})")


def provision(ctx: QuoteContext) -> Attribution | None:
    """A law's provision whose words are quoted in the writer's sentence about it:
    "Section 351 of the Act requires the Secretary of Defense to create a working
    group “to integrate efforts …”" and then "It provides that the Service Secretaries
    shall “nominate” four of the members … subject to the Senate’s “confirmation.”"
    (signing statement of 2021-12-27); "Section 7201 of the Act requires Presidential
    designees to enter into information-sharing agreements … “for timely sharing of
    …”" (signing statement, 2022-12). The provision speaks, and a short phrase it
    governs is its fragment, not a scare quote; "It" is the provision that opens the
    sentence before.

    >>> demo('Section 351 of the Act requires the Secretary of Defense to create a working'
    ...      ' group “to integrate efforts.” It provides that the Service Secretaries shall'
    ...      ' “nominate” four of the members.')
    'fragment Section 351 of the Act provision'
    """
    if not ctx.prefix or ctx.prefix.endswith("(") or ctx.prefix.endswith("(the"):
        # A term the law defines is no quotation of it: "recipients of certain
        # Department of Defense (the “Department”) …" (2023-12-22), (the “Act”).
        return None
    bare = ctx.resolver.bare
    lo = ctx.bare_sents.start_before(ctx.sp.open, ctx.sp.para)
    m = _PROVISION.match(bare, lo, ctx.sp.open)
    if m is None:
        return None
    a, b = m.span("np")
    if m.group("np") != "It":
        name = " ".join(bare[a:b].split())
        cand = Cand("doc", a, b, name, None, "organization", head="Act")
        return Attribution(cand, " ".join(m.group("verb").split()), "indirect")
    # "It provides …": the provision that opened the sentence before.
    ps = ctx.bare_sents.prev_start(lo, ctx.sp.para)
    if ps >= lo:
        return None
    pm = _PROVISION.match(bare, ps, lo)
    if pm is None or pm.group("np") == "It":
        return None
    name = " ".join(bare[pm.start("np") : pm.end("np")].split())
    cand = Cand("doc", a, b, name, None, "organization", head="Act")
    return Attribution(cand, " ".join(m.group("verb").split()), "indirect")


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


# "Campari is “assessing …”", "LVMH, a French luxury giant, is “seriously
# considering” …", "Rolls-Royce is expected to “ramp up” …": the subject, an optional
# apposition, then the verb "to be" (with an infinitive of intent) right before the mark.
_PREDICATE_OPEN = re.compile(
    r"(?P<subj>[^\n]*?)(?:,[^,;:\n]{2,60},)?[^\S\n]+(?:is|are)"
    r"(?:[^\S\n]+(?:also|now|still|currently|actively))?"
    r"(?P<to>[^\S\n]+(?:expected|set|planning|poised|preparing)[^\S\n]+to)?[^\S\n]*$"
)
_PROGRESSIVE = re.compile(r"(?:[a-z]+ly[^\S\n]+)?[a-z]+ing\b")


def subject_predicate(ctx: QuoteContext) -> Attribution | None:
    """Quoted words that make up the predicate of a company or agency named as the
    sentence's subject, what it is doing or about to do, report its own words: no
    writer knows a company's plans but from the company. "Italian spirits group
    Campari is “assessing the opportunities to expand its production in the U.S.”",
    "LVMH, a French luxury giant, is “seriously considering” an expansion to its
    U.S.-based production capabilities" (round-ups of 2025-03-10, 2025-03-24,
    2025-04-11), "Rolls-Royce is expected to “ramp up” production in the U.S."
    (2025-03-24), "The Department of the Treasury is “sanctioning an international
    network for facilitating the shipment of millions of barrels of Iranian crude
    oil”" (2025-03-10). Only a name right at the sentence's head, and only the
    progressive ("is “assessing”") or an infinitive of intent ("is expected to");
    a past verb in quotation marks ("Children’s National Hospital “paused”
    prescribing …") stays the writer's.

    >>> demo('Title\\n\\nLG is considering moving its refrigerator manufacturing from'
    ...      ' Mexico to Tennessee. LVMH, a French luxury giant, is “seriously considering”'
    ...      ' an expansion to its U.S.-based production capabilities.')
    'fragment LVMH subject-predicate'
    """
    if not ctx.prefix or len(ctx.prefix) > 160:
        return None
    m = _PREDICATE_OPEN.fullmatch(ctx.masked, ctx.lo, ctx.sp.open)
    if m is None:
        return None
    if m.group("to") is None and not _PROGRESSIVE.match(ctx.body):
        return None
    if not ctx.body[:1].islower():
        return None
    a, b = m.span("subj")
    # "… from Mexico to the U.S. Rolls-Royce is": the sentence splitter keeps "U.S."
    # as an abbreviation, so the subject starts after the last full stop.
    stops = list(re.finditer(r"[.!?][”’\"']*[^\S\n]+(?=[A-Z])", ctx.masked[a:b]))
    if stops:
        a += stops[-1].end()
    while a < b and ctx.masked[a] in " \t\n*_-•":
        a += 1
    c = parse_np(ctx.masked, a, b, "tail")
    if c is None or c.kind != "name" or c.name in NOT_SPEAKERS:
        return None
    lead = ctx.masked[a : c.start]
    if lead.strip() and (not _DESCRIPTOR.fullmatch(lead) or CUE.search(lead)):
        return None
    return Attribution(c, "", "indirect")


# The quotation's first word a modal ("must be completed …") or a verb of intent before
# its infinitive ("pledge to make …", "work[s] to understand …").
_QUOTED_VERB = re.compile(
    r"(?:must|will|would|should|shall|can|cannot|could|may|might)\b|"
    r"[a-z]+(?:\[?s\]?)?[^\S\n]+to[^\S\n]+[a-z]"
)
# The writer's words before it: a subject noun phrase that opens the sentence, with any
# aside set off by commas; or a pronoun after a subordinating conjunction.
_SUBJECT_OPEN = re.compile(r"(?P<subj>[^,;:\n“”\"]{2,80}?)(?:,[^;:\n“”\"]{2,140},)?[^\S\n]*$")
_PRONOUN_OPEN = re.compile(
    r".*[^\S\n](?:as|while|because|since|and|but)[^\S\n]+(?P<subj>it|they|he|she)[^\S\n]*$"
)


def subject_quoted_verb(ctx: QuoteContext) -> Attribution | None:
    """Quoted words that begin with the verb of the sentence's subject, a modal or a
    verb of intent, are that subject's own: the writer copies what it says it must
    or will do. "The document, which media reports range from ten to 32 pages …,
    "must be completed in English"" (Wikinews, asylum questionnaire, 2023: the Home
    Office form); "The organizations “pledge to make available resources for youth
    and teachers …”" (White House, 2025-06-30: the signers of the pledge); "Chicago’s
    Lurie Children’s Hospital paused sex-change surgeries … as it “work[s] to
    understand the rapidly evolving environment.”" (2025-03-04: the hospital's
    statement). The subject must open the sentence (an aside between commas allowed)
    or be a pronoun right after "as", "while", "because" (then the main clause's
    subject speaks, the hospital); a past verb in quotation
    marks ("… Hospital “paused” prescribing") stays the writer's.

    >>> demo('Title\\n\\nThe organizations “pledge to make available resources for youth'
    ...      ' and teachers through funding and grants.”')
    'quote organizations subject-quoted-verb'
    """
    if not ctx.prefix or not _QUOTED_VERB.match(ctx.body):
        return None
    bare = ctx.resolver.bare
    lo = ctx.bare_sents.start_before(ctx.sp.open, ctx.sp.para)
    if ctx.prev_span is not None and ctx.prev_span.close > lo:
        return None
    m = _PRONOUN_OPEN.fullmatch(bare, lo, ctx.sp.open)
    if m is not None:
        # The pronoun of a subordinate clause is the main clause's subject, not
        # whatever the resolver finds further back: in a round-up's list the same
        # sentence went to the bullet before ("ABC News", "Department of the
        # Treasury": White House, 2025-02-20 and 2025-03-10).
        main = sentence_subject(bare, lo, m.start("subj"))
        if main is None or main.kind not in ("name", "role", "group", "orgn"):
            return None
        return Attribution(main, "", "indirect")
    m = _SUBJECT_OPEN.fullmatch(bare, lo, ctx.sp.open)
    if m is None:
        return None
    a, b = m.span("subj")
    while a < b and bare[a] in " \t\n*_-•":
        a += 1
    c = parse_np(bare, a, b, "full")
    if c is None or c.kind not in ("name", "pron", "role", "group", "orgn", "doc"):
        return None
    if c.kind == "name" and c.name in NOT_SPEAKERS:
        return None
    if c.kind == "pron" and bare[c.start : c.end].lower() in ("i", "we", "you"):
        # A speech's "We “have to get over it,” end of quote" (President Biden,
        # 2024-01-08) quotes another in the speaker's own person.
        return None
    return Attribution(c, "", "indirect")


# "Italian spirits group Campari", "Taiwan-based Inventec": a capitalised origin and
# up to three lower-case nouns before the name, no verb among them.
_DESCRIPTOR = re.compile(r"[A-Z][\w\-]*(?:[^\S\n]+[a-z][a-z\-]*){0,3}[^\S\n]+")


# Order matters: a cue after the mark binds closer than one before it; the
# previous paragraph's lead-in only when the sentence has none; indirect speech
# and documents last, since they also match sentences a direct cue explains.
ATTRIBUTION_RULES: tuple[Rule, ...] = (
    Rule("cue-after", cue_after),
    Rule("byline-line", byline_line),
    Rule("cited-after", cited_after),
    Rule("case-citation", case_citation, "always"),
    Rule("split-half", split_half),
    Rule("statement-label-inline", statement_label_inline),
    Rule("handle-label", handle_label),
    Rule("cue-before", cue_before),
    Rule("label-in-run", label_in_run),
    Rule("statement-label", statement_label),
    Rule("statement-header", statement_header),
    Rule("promise-label", promise_label),
    Rule("colon-lead", colon_lead),
    Rule("colon-lead-subject", colon_lead_subject),
    Rule("source-lead", source_lead),
    Rule("topic-under-header", topic_under_header),
    Rule("lead-with-quoted-phrase", lead_with_quoted_phrase),
    Rule("list-lead", list_lead),
    Rule("header-lead", header_lead),
    Rule("label-over-headline", label_over_headline),
    Rule("name-header", name_header),
    Rule("roundup-lead", roundup_lead),
    Rule("prev-sentence-lead", prev_sentence_lead),
    Rule("possessive-speech", possessive_speech, "never"),
    Rule("indirect-cue", indirect_cue, "never"),
    Rule("indirect-across-phrase", indirect_across_phrase, "never"),
    Rule("chant", chant, "always"),
    Rule("finding", finding, "never"),
    Rule("source-lead-inline", source_lead_inline),
    Rule("provision", provision, "never"),
    Rule("prev-sentence-cue", prev_sentence_cue),
    Rule("lede-then-subject", lede_then_subject),
    Rule("subject-predicate", subject_predicate, "never"),
    Rule("subject-quoted-verb", subject_quoted_verb, "never"),
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
        found = _place_label(ctx.masked, found)
        c = found.cand
        if (
            c.kind == "name"
            and (
                c.name in NOT_SPEAKERS
                # set off by its comma: "Likewise, …", not "Saparbekuly added" (the seed)
                or (sentence_adverb(c.name) and ctx.masked[c.end : c.end + 1] == ",")
            )
        ):
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


# "Tupelo, Mississippi:" as a round-up's label: a place and its state, the label
# at the start of a line or right after the previous item's closing mark.
_PLACE_LABEL = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=[”\"][^\S\n])|(?<=[.!?][^\S\n]))[*_]*"
    r"(?P<place>[A-Z][a-z]+(?:[^\S\n][A-Z][a-z]+){0,2}),[^\S\n]+$"
)


def _place_label(masked: str, found: Attribution) -> Attribution:
    """A round-up label naming a town and its state speaks for the town's local
    news, not the state: "Tupelo, Mississippi: “If you’re driving, you could be
    in for a pleasant surprise at the pump.” … Toledo, Ohio: “Summer gas prices are
    at a surprising four-year low.”" (White House, 2025-06-30), "Akron, Ohio: “…”"
    (2025-07-07). A state alone stays no speaker (``NOT_SPEAKERS``).

    >>> demo('Title\\n\\nThe good news is being felt across the nation:\\nTupelo,'
    ...      ' Mississippi: “If you’re driving, you could be in for a pleasant surprise at'
    ...      ' the pump.” Toledo, Ohio: “Summer gas prices are at a surprising four-year'
    ...      ' low.”')
    'quote Toledo, Ohio label-in-run'
    """
    c = found.cand
    if c.kind != "name" or c.name not in US_STATES or found.how != "label":
        return found
    m = _PLACE_LABEL.search(masked, max(0, c.start - 60), c.start)
    if m is None or not re.match(r"[*_]*:", masked[c.end : c.end + 4]):
        return found
    name = f"{m.group('place')}, {c.name}"
    place = Cand("name", m.start("place"), c.end, name, None, "organization", head=c.name)
    return Attribution(place, found.cue, found.how)


# ---------------------------------------------------------------------------
# 3. Kinds decided with the attribution known


# What may stand between two quoted phrases of one list: a comma, "and"/"or",
# an article ("as the “Gestapo” and a “betrayal.”").
_COORD_GAP = re.compile(
    r"[^\S\n]*(?:,[^\S\n]*)?(?:(?:and|or|as[^\S\n]+well[^\S\n]+as)[^\S\n]+)?"
    r"(?:(?:a|an|the)[^\S\n]+)?"
)


def coordinated(ctx: QuoteContext, a: Attributed) -> Decision | None:
    """A short quoted phrase joined to the quotation before it by a comma or
    "and"/"or" alone is the next item of the same list, governed by the same
    speaker and cue (issue class 1): "Democrats have spent years vilifying ICE as
    “fascists,” “the Gestapo,” and “slave patrols,”" and "Rep. Robin Kelly smeared
    ICE as the “Gestapo” and a “betrayal.”" (White House, 2025-09-26), the task
    force "which recommended “reimagining public safety” to “promote diversion and
    other alternatives to arrest,” “deemphasize” some felony crimes" (2025-09-08).
    The cue's look-back stops at the first item's marks, so the later items looked
    ungoverned. A list after a scare quote, a title or a quotation nobody is named
    for stays what it was; a cue right after the item ("…,” and “…,” she said)
    decides for itself.

    >>> demo('Rep. Robin Kelly smeared ICE as the “Gestapo” and a “betrayal.”')
    'fragment Robin Kelly coordinated'
    >>> demo('Critics used the words “rigged,” “stolen” and “fraud” loosely.')
    'scare None scare-unattributed'
    """
    prev, ps = ctx.prev_decided, ctx.prev_span
    if prev is None or ps is None or prev.kind not in ("quote", "fragment"):
        return None
    if not ctx.short or ps.last_para != ctx.sp.para or a.rule == "cue-after":
        return None
    if prev.speaker is None:
        # Nobody to carry on: after an unattributed quotation a list is as likely
        # the writer's terms (the EPA canceled 400 “diversity, equity, and
        # inclusion” and “environmental justice” grants, 2025-03-14; NPR aired a
        # panel on what it “mean[s] to be woke” and “white privilege.”, 2025-04-14).
        return None
    if ctx.text[prev.start : prev.end].rstrip()[-1:] in (".", "!", "?"):
        return None  # the list's sentence ended inside the marks
    if _COORD_GAP.fullmatch(ctx.masked, ps.close, ctx.sp.open) is None:
        return None
    return Decision("fragment", prev.speaker, prev.cue, (f"listed with {prev.id}",))


# Before a quoted modifier: an article, a determiner or a possessive (not "that",
# a relative pronoun as often: "extensions … that “safeguard” important programs",
# 2025-09-29); after it, the noun it modifies – a lower-case word that is no
# function word.
_MODIFIER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their|our|this|these|those)|\w(?:’s|'s|’|'))[^\S\n]*$"
)
_MODIFIER_AFTER = re.compile(r"[^\S\n]+(?P<w>[a-z][a-z\-]+)\b(?![’'])")
_NOT_HEAD_NOUN = frozenset(
    """
that which who whom whose what when where while as and or but nor so than then to of in on
at by for from with into onto about over under after before since until upon against among
is are was were be been being has have had do does did will would can could may might must
shall should not also only even just still now here there if because though although
""".split()
)


# An adjective by its ending, in lower case, right before the opening mark: the
# writer's word qualifying the quoted term ("nonsensical", "discriminatory",
# "divisive"). Endings of nouns and verbs as often ("-ent", "-ant", "-ary") are
# left out.
_ADJECTIVE_BEFORE = re.compile(
    r"(?<![\w’'\-])[a-z]+(?:al|ous|ive|ory|ful|less|ic|ible|able)[^\S\n]+$"
)


def _adjective_before(ctx: QuoteContext) -> bool:
    """A quoted term between the writer's adjective and its noun is a modifier of
    the writer's, also when longer than a fragment: "Directed the Department of War
    to end its nonsensical “diversity, equity, and inclusion” measures" (White House
    2025-11-05 "Promises made, promises kept", and again in 2026-01-20 "365 wins"
    with "Eliminated discriminatory “…” offices" and "their discriminatory “…”
    policies"), "continued to dissolve their divisive “diversity, equity, and
    inclusion” programming" (2025-04-18), "in the name of discriminatory “diversity,
    equity, and inclusion” initiatives" (2025-02-27). Up to
    ``adjective_modifier_max_words`` words; ``quoted_modifier`` checks the noun after.

    >>> demo('Title\\n\\nDirected the Department of War to end its nonsensical'
    ...      ' “diversity, equity, and inclusion” measures that inhibited service members.')
    'scare None quoted-modifier'
    >>> demo('Title\\n\\nThe agency ended “diversity, equity, and inclusion” measures.')
    'quote None unattributed'
    >>> demo('Title\\n\\nMigrants said they are fearful “for the first time in years” amid'
    ...      ' the crackdown.')
    'quote Migrants indirect-cue'
    """
    if not ctx.words or len(ctx.words) > ctx.limits.adjective_modifier_max_words:
        # An unclosed mark at a paragraph's end quotes no word (found by
        # tests/extract/test_properties.py's token soup).
        return False
    if ctx.words[0].strip("“”\"'‘’([").lower() in _NOT_HEAD_NOUN:
        # A phrase led by a preposition modifies no noun: they are “genuinely”
        # fearful “for the first time in years” amid the crackdown (2025-03-03,
        # 2025-03-04: the fearful are quoted).
        return False
    sp = ctx.sp
    return _ADJECTIVE_BEFORE.search(ctx.masked, max(ctx.lo, sp.open - 30), sp.open) is not None


def quoted_modifier(ctx: QuoteContext, a: Attributed) -> Decision | None:
    """A short quotation between an article or a possessive and the noun it
    modifies names a term of the writer's, even where someone's verb of saying
    governs the sentence: "White House economic aides charged with assembling
    Biden’s “junk fee” agenda" (White House, 2023-03-06), "Board member Jenny Walsh
    said the 'extended hours' plan was "a good start, not the finish line."" (team
    article 02), "today he delivered with a “breakthrough” trade deal" (2025-05-08,
    after Trump "promised “a great trade agreement”"). A verb of calling or judging
    keeps its phrase ("termed … as a “historic” deal", ``INDIRECT_ONLY_CUE``).

    >>> demo("Board member Jenny Walsh said the 'extended hours' plan was a start.", 0)
    'scare None quoted-modifier'
    """
    if a.direct or a.speaker is not None or not ctx.prefix:
        return None
    sp = ctx.sp
    adjective = _adjective_before(ctx)
    if not ctx.short and not adjective:
        return None
    if INDIRECT_ONLY_CUE.search(ctx.masked, ctx.lo, sp.open):
        return None
    if not sp.closed or ctx.body.rstrip()[-1:] in ".,;:!?":
        return None
    if (
        not adjective
        and _MODIFIER_BEFORE.search(ctx.masked, max(ctx.lo, sp.open - 20), sp.open) is None
    ):
        return None
    m = _MODIFIER_AFTER.match(ctx.masked, sp.close)
    if m is None or m.group("w") in _NOT_HEAD_NOUN or m.group("w").endswith("ly"):
        return None
    return Decision("scare")


def scare_unattributed(ctx: QuoteContext, a: Attributed) -> Decision | None:
    """A short phrase embedded in the writer's sentence that no speaker governs
    is a scare quote: 20,000 “terrorists”, ‘Russian NATO’ (the seed article).

    >>> demo('Why did Putin withdraw ‘Russian NATO’ soldiers from Kazakhstan?')
    'scare None scare-unattributed'
    """
    if not ctx.short or a.direct or _own_sentence(ctx):
        return None
    titled = _title_case(ctx.words) and _capitalised(ctx.words) >= 2
    if titled and _reported_predicate(ctx, a):
        titled = False
    if a.att is None or titled or _is_nickname(ctx.masked, ctx.sp, ctx.limits):
        return Decision("scare")
    return None


# The end of a reported clause's verb before its predicate noun: "is becoming",
# "is turning the country into".
_PREDICATE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|become|becomes|became|becoming|into)[^\S\n]+$"
)


def _reported_predicate(ctx: QuoteContext, a: Attributed) -> bool:
    """A capitalised name quoted as the predicate of a reported clause is the
    speaker's comparison, not a title: "Gov. JB Pritzker claimed the country is
    becoming “Nazi Germany” because …" (White House 2025-09-26), "Illinois Gov. JB
    Pritzker claimed ICE is turning the country into “Nazi Germany.”" (2026-01-09).
    A title follows a preposition or a noun of its own ("appeared on “Meet the
    Press”", "a program called “Reconnecting Communities”").

    >>> demo('Title\\n\\nIllinois Gov. JB Pritzker claimed ICE is turning the country'
    ...      ' into “Nazi Germany.”')
    'fragment JB Pritzker indirect-cue'
    >>> demo('Title\\n\\nPritzker said he watched “Meet the Press” with friends.')
    'scare None scare-unattributed'
    """
    if a.att is None or a.att.how != "indirect":
        return False
    sp = ctx.sp
    return _PREDICATE_BEFORE.search(ctx.masked, max(ctx.lo, sp.open - 20), sp.open) is not None


_THE_BEFORE = re.compile(r"\b[Tt]he[^\S\n]+$")


def the_title(ctx: QuoteContext, a: Attributed) -> Decision | None:
    """A Title Case quotation after "the" is the name of a plan, a partnership or
    a law, even where a cue governs the sentence: "India … announced the launch of
    the “U.S.-India 2030 Climate and Clean Energy Agenda 2030 Partnership”" (White
    House, 2021-04-23), "we announce today the establishment of the “Quad
    Partnership on Humanitarian Assistance and Disaster Relief (HADR) in the
    Indo-Pacific”" (2022-05-24), "support identified in the “G7 Inventory on Climate
    Disaster Risk Reduction, Response and Recovery”" (2023-05-20), "H.R. 5009, the
    “Servicemember Quality of Life Improvement and National Defense Authorization Act
    for Fiscal Year 2025”" (2024-12-23). A speaker's words take no article; the
    speaker's term in lower case after "the" ("reported on the “cousin of diet
    culture”") stays a fragment.

    >>> demo('India announced the launch of the “U.S.-India 2030 Climate and Clean'
    ...      ' Energy Agenda 2030 Partnership” to mobilize finance.')
    'scare None the-title'
    """
    if a.speaker is not None:
        return None
    sp = ctx.sp
    if _THE_BEFORE.search(ctx.masked[max(ctx.lo, sp.open - 8) : sp.open]) is None:
        return None
    mwords = ctx.masked[sp.start : sp.end].split()
    if not _title_case(mwords) or _capitalised(mwords) < 2:
        return None
    return Decision("scare")


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


def headline_caps(ctx: QuoteContext, a: Attributed) -> Decision | None:
    """A quotation in headline capitals – every word capitalised, a small word
    ("Of", "In", "To", "The") too – is a title or another outlet's headline, at any
    length and with nothing before it in the sentence: "April 2020: “Scientists
    Debunk Lab Accident Theory Of Pandemic Emergence”" and "“As Trump Pushes Theory
    Of Virus Origins, Some See Parallels In Lead-Up To Iraq War”" (White House,
    2025-05-02), "“Trump Notches Win As Inflation Eases More Than Expected In
    March”" (2025-04-10), the campaign "“See Yourself In Cyber” aims to change the
    narrative" (2023-07-31), the novel "“Around The Way Girl.”". Nobody's speech is
    written so; a speaker or a direct cue keeps it a quotation.

    >>> demo('He read “Trump Notches Win As Inflation Eases More Than Expected In March” twice.')
    'scare None headline-caps'
    >>> demo('“We Will Win In The End,” the mayor said.')[:5]
    'quote'
    """
    if a.speaker is not None:
        return None
    if a.att is not None and (a.direct or a.att.how != "indirect"):
        return None
    sp = ctx.sp
    lead = ctx.prefix.rstrip()
    if lead[-1:] in ",:" and _ends_with_cue_comma(lead[:-1] + ",", 0, len(lead)):
        # "An engraving on the mantel reads, “I Pray Heaven To Bestow The Best of
        # Blessings …”" (2023-11-27): a cue leads into the words, whatever their caps.
        return None
    mwords = ctx.masked[sp.start : sp.end].split()
    if len(mwords) < 3 or not _title_case(mwords):
        return None
    letters = [c for c in "".join(mwords) if c.isalpha()]
    if all(c.isupper() for c in letters):
        return None  # "IRAN WILL NEVER HAVE A NUCLEAR WEAPON!": a shouted post
    for prev, w in zip(mwords, mwords[1:], strict=False):
        w2 = w.strip(",.;:!?’'‘\"“”()")
        if prev[-1:] in ":—–-" or len(w2) < 2:
            continue  # a subtitle's first word is capitalised in any style; "A"
        if w2[0].isupper() and w2.lower() in TITLE_CASE_SMALL:
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
    if prev is None or prev.speaker is None or ps is None:
        return None
    if ctx.prefix and not _WATCH_ONLY.fullmatch(ctx.prefix) and not _topic_item(ctx):
        # Only a round-up's "(Watch)" link may stand between the quotations: “…”
        # (Watch) “…” (Watch), the interview excerpts of 2025-12-09 and the speech
        # excerpts of 2025-09-23 (White House).
        return None
    if ctx.sp.para - ps.last_para > 1:
        return None
    return Decision("quote", prev.speaker, None, (f"speaker carried over from {prev.id}",))


_PLAIN_WORDS = re.compile(r"[\w’'\- \t]*")
# Rules whose speaker a cue of the writer's gave.
_CUE_RULES = frozenset(
    {"cue-before", "cue-after", "indirect-cue", "indirect-across-phrase", "prev-sentence-cue"}
)
_SENT_BOUNDARY = re.compile(r"[.!?][”’\"']*\s+[A-Z“]")
_SUBJECT_PRONOUN = re.compile(r"\b(?:I|we|We|he|He|she|She|they|They)\b")
_MID_CAPITAL = re.compile(r"(?<![.!?:\n“”\"]\s)(?<![.!?:\n“”\"])(?<=\s)[A-Z][a-z]")


def next_sentence(ctx: QuoteContext, a: Attributed) -> Decision | None:
    """No cue and no speaker in its sentence: quoted words in the sentence right
    after an attributed quotation, in the same paragraph, are that speaker's as the
    writer goes on paraphrasing them: "According to CNBC, “gas is the cheapest it’s
    ever been.” Inflation-adjusted gas prices “are near the lowest levels we’ve seen
    in the last 20 years”" (White House, 2025-06-30); "President Biden reminded
    participants that democracy “…,” and that “…” Referencing the “coming Year of
    Action,” President Biden …" (Summit for Democracy summary, 2021-12-23); the
    Smithsonian exhibit that "frames the Mexican-American War as “the North American
    invasion” that was “unprovoked …”" (2025-08-21). Nobody else may be named in
    between (a capitalised word inside a sentence), nor a cue stand there: those
    make the words someone else's or the writer's own.

    >>> demo('Title\\n\\nAccording to CNBC, “gas is the cheapest it’s ever been.”'
    ...      ' Inflation-adjusted gas prices “are near the lowest levels we’ve seen in the'
    ...      ' last 20 years” this summer.', 1)
    'quote CNBC next-sentence'
    """
    prev, ps = ctx.prev_quote, ctx.prev_span
    if prev is None or prev.speaker is None or ps is None or not ctx.prefix:
        return None
    if ps.start != prev.start or ps.last_para != ctx.sp.para:
        return None  # a scare quote or a title came in between
    if prev.attribution_rule not in _CUE_RULES:
        # Only a speaker a cue gave is carried on, never one carried on itself.
        return None
    if _title_case(ctx.words) and _capitalised(ctx.words) >= 2:
        return None  # a title: "“Spain’s 9/11 and the Challenge of Radical Islam”"
    gap = ctx.masked[ps.close : ctx.sp.open]
    if len(gap.split()) > ctx.limits.next_sentence_max_words:
        return None
    words = gap.strip("“”‘’\"' \t")
    if not words:
        # Quoted words right after quoted words are another item of a list: a
        # round-up's headlines "‘Biden signs …’ ‘Wolf visits White House, says …’"
        # (2022-07-16).
        return None
    if not _PLAIN_WORDS.fullmatch(words):
        # Punctuation before the quoted words opens someone's words ("And the
        # response universally was, “…”", a Biden remark of 2022-02-10; "The report
        # also recommended, “…”", 2025-04-07) or marks a new item ("[Tweet, …]").
        return None
    # One sentence boundary at most: the quotation's sentence follows the other's.
    if len(_SENT_BOUNDARY.findall(ctx.masked, ps.start, ctx.sp.open)) > 1:
        return None
    if CUE.search(gap) or PARTICIPLE_CUE.search(gap):
        return None
    if _MID_CAPITAL.search(ctx.masked, ps.close, ctx.sp.open):
        return None
    if _SUBJECT_PRONOUN.search(gap):
        return None
    return Decision("quote", prev.speaker, None, (f"speaker carried over from {prev.id}",))


def unattributed(ctx: QuoteContext, a: Attributed) -> Decision | None:
    """A full quotation nobody is named for: listed, judged without a speaker.

    >>> demo('The sign read “No entry after dark, by order of the council.”')
    'quote None unattributed'
    """
    return Decision("quote")


KIND_RULES: tuple[Rule, ...] = (
    Rule("coordinated", coordinated),
    Rule("scare-unattributed", scare_unattributed),
    Rule("quoted-modifier", quoted_modifier),
    Rule("fragment", fragment),
    Rule("title-midsentence", title_midsentence),
    Rule("the-title", the_title),
    Rule("headline-caps", headline_caps),
    Rule("attributed", attributed),
    Rule("carry-over", carry_over),
    Rule("next-sentence", next_sentence),
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
        ctx.prev_decided = out[-1].quote if out else None
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
    not a fragment of speech: Eddie “Shorty” Malone. A phrase that ends its sentence
    is none: the capital after it opens the next sentence ("subject to the Senate’s
    “confirmation.” The working group is …", signing statement of 2021-12-27).

    >>> _is_nickname("the Senate’s “confirmation.” The group", Span(13, 14, 27, 28, True,
    ...              "“", 0, 0), LIMITS)
    False
    """
    if not sp.closed or masked[sp.start : sp.end].rstrip()[-1:] in (".", "!", "?"):
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
