"""The plain dataclasses that flow between the stages.

article (``Article``) → quotes (``Quote`` with ``Speaker``) → sources (``Source``)
→ per-quote judgement (``QuoteResult`` with ``Match`` and ``DiffOp``) → ``Report``.

Every stage takes and returns these; none of them does I/O.  Offsets are always
Python ``str`` indices (code points) into the ``text`` of the object named.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

# Each closed set of words below is one ``Literal``, and every tuple of its words
# (an argparse ``choices``, a schema ``enum``, an order) is ``get_args`` of it, so
# a word is spelt once and a misspelt one is a type error.

# Verdicts that make a finding, best first.  ``verbatim`` never does.
FindingVerdict = Literal[
    "minor",
    "elided",
    "diverged",
    "stitched",
    "misattributed",
    "not_found",
    "unverifiable",
]
# Ordered from best to worst: ``--fail-on X`` fails on X and everything after it,
# except ``unverifiable``, which only warns (a source that could not be read says
# nothing about the article).
Verdict = Literal["verbatim", FindingVerdict]
# What ``--fail-on`` accepts: a verdict (never "verbatim"), or "none" to never fail.
FailOn = Literal[FindingVerdict, "none"]

VERDICT_ORDER: tuple[Verdict, ...] = get_args(Verdict)
FINDING_VERDICTS: tuple[FindingVerdict, ...] = get_args(FindingVerdict)
FAILING_ORDER: tuple[Verdict, ...] = VERDICT_ORDER[:-1]
FAIL_ON_CHOICES: tuple[FailOn, ...] = get_args(FailOn)
# Verdicts that pass the default ``--fail-on diverged``: the reader has nothing to fix.
PASSING_VERDICTS: frozenset[Verdict] = frozenset(VERDICT_ORDER[: VERDICT_ORDER.index("diverged")])

# Kinds that are listed in reports but never judged against sources.
UnjudgedKind = Literal["scare", "heading"]
QuoteKind = Literal["quote", "fragment", UnjudgedKind]
UNJUDGED_KINDS: frozenset[str] = frozenset(get_args(UnjudgedKind))
QUOTE_KINDS: tuple[QuoteKind, ...] = get_args(QuoteKind)

SpeakerType = Literal["person", "organization", "group", "unknown"]
ArticleFormat = Literal["text", "markdown", "html"]
SourceStatus = Literal["ok", "error"]
DiffOpKind = Literal["equal", "replace", "delete", "insert"]
# Why a word-level change matters or not (``DiffOp.flags``): the word-class
# changes that alter meaning, the minor ones, and the marks of how it was found.
DiffFlag = Literal[
    "number",
    "negation",
    "modal",
    "contraction",
    "spelling",
    "case",
    "punctuation",
    "bracket",
    "ellipsis",
    "moved",
    "word",
    "apostrophe",
    "disfluency",
    "interjection",
    "transcriber",
    "sic",
    "inaudible",
]
# The stable codes of ``Note`` (docs/VERDICT-POLICY.md names the rules), and
# "extraction" for a plain-string note of the extraction stage.
NoteCode = Literal[
    "spelling",
    "contraction",
    "disfluency",
    "punctuation",
    "case",
    "transcriber",
    "elision",
    "negation",
    "number",
    "modal",
    "inflection",
    "inaudible",
    "reordered",
    "bracket",
    "paraphrase",
    "omission",
    "added-sentence",
    "stitch",
    "question-turn",
    "quoted-within",
    "interjection",
    "label-mapped",
    "unmapped",
    "misattributed",
    "other-speaker",
    "ambiguous",
    "nearest",
    "no-source",
    "source-via",
    "library-miss",
    "library-undated",
    "not-judged",
    "extraction",
]
NOTE_CODES: tuple[NoteCode, ...] = get_args(NoteCode)


@dataclass(frozen=True, eq=False)
class OffsetMap:
    """Where each character of an extracted text stands in the text as written.

    Character ``i`` of the extracted text comes from ``[starts[i], ends[i])`` of
    the original: an entity, an escape or a joined line break stands for all of
    its characters, a plain character for itself (the pattern of
    ``align/_normalize.py``, for the article instead of a source).

    >>> m = OffsetMap(array("i", [0, 1, 9]), array("i", [1, 2, 16]))
    >>> m.span(0, 3), m.span(1, 1), m.span(3, 3)
    ((0, 16), (1, 1), (16, 16))
    """

    starts: array[int]
    ends: array[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of extracted ``[start, end)``; an empty span sits
        where the character at ``start`` begins (or after the last one)."""
        n = len(self.starts)
        if n == 0:
            return 0, 0
        if end > start:
            return self.starts[min(start, n - 1)], self.ends[min(end, n) - 1]
        at = self.starts[start] if start < n else self.ends[n - 1]
        return at, at


@dataclass(frozen=True)
class Link:
    """A hyperlink in the article: a candidate source for the quotes near it."""

    url: str  # absolute
    text: str  # the anchor text
    start: int  # offsets of the anchor text in ``Article.text``; -1 when not located
    end: int


@dataclass(frozen=True)
class Article:
    """An article reduced to the plain text quotes are extracted from.

    ``text`` is the exact UTF-8 text for a ``.txt`` file; for HTML and Markdown it
    is the extracted prose, paragraphs separated by a blank line.
    """

    origin: str  # the path, URL or "-" the user gave
    text: str
    format: ArticleFormat
    title: str | None = None
    url: str | None = None
    # Spans of ``text`` that were headings in the original markup (HTML <h1-6>,
    # Markdown "#").  Plain text has none: the extractor guesses.
    headings: tuple[tuple[int, int], ...] = ()
    # Sources named by the article itself (Markdown front matter ``sources:``).
    sources: tuple[str, ...] = ()
    front_matter: dict[str, Any] = field(default_factory=dict)
    links: tuple[Link, ...] = ()
    # ISO day of publication (front matter, HTML meta/<time>, or the dateline):
    # the centre of the library's date window.  None when the article has none.
    date: str | None = None
    # ``<!-- quoteverify-source URL -->`` comments: (offset in ``text``, URL); each
    # pins a source for the first quotation that starts at or after the offset.
    pins: tuple[tuple[int, str], ...] = ()
    # What the loader had to repair to read the article (bytes that are not
    # valid UTF-8): shown in every report, since it may hide a quotation.
    warnings: tuple[str, ...] = ()
    # The article as written (decoded as loaded), so that ``check`` places
    # quotes in the file without reading it again; None when not kept.
    original: str | None = field(default=None, repr=False, compare=False)
    # ``text`` → ``original`` offsets, where the loader keeps them (Markdown;
    # a .txt article is its original unchanged; HTML goes through trafilatura,
    # which keeps none).
    offsets: OffsetMap | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Speaker:
    name: str  # resolved full name: "Antony Blinken" for "he" / "Blinken"
    mention: str  # the article's words the attribution rests on
    start: int  # offsets of ``mention`` in ``Article.text``
    end: int
    type: SpeakerType = "person"
    title: str | None = None  # "US Secretary of State", kept from the first mention


@dataclass(frozen=True)
class Quote:
    id: str  # "q1", "q2", ... in reading order
    text: str  # the quoted words without the enclosing marks
    start: int  # text == article.text[start:end]
    end: int
    closed: bool = True  # False: closing mark missing, end inferred
    kind: QuoteKind = "quote"
    speaker: Speaker | None = None
    cue: str | None = None  # "said", "told reporters", "according to", ":"
    notes: tuple[str, ...] = ()  # extraction findings, e.g. an unclosed mark
    # The id of the extraction rule that decided the speaker (or, with no
    # speaker, the kind): "cue-after", "carry-over", "scare-term", …
    attribution_rule: str | None = None


@dataclass(frozen=True)
class Source:
    """A primary source as read (or not) by the sources stage."""

    ref: str  # as given: a URL or a path
    status: SourceStatus
    text: str = ""
    url: str | None = None
    path: str | None = None
    title: str | None = None
    error: str | None = None  # one line: why it could not be used
    via: str = "command line"  # how it was found: command line, front matter, pin, link, library
    language: str | None = None  # ISO 639-1 code, when it could be told
    # ISO date (YYYY-MM-DD) from the file's front matter: the office-holder
    # table resolves "THE PRESIDENT:" by it when the title names nobody.
    date: str | None = None


class Note(str):
    """One finding of the judge: a stable ``code`` and a sentence for people.

    ``Note("contraction", "'We are' printed for 'We're'")``.  Reports print the
    text; ``check``, the CI formats and the JSON read the code (JSON:
    ``{"code": ..., "text": ...}``), never the prose.  A ``str`` subclass, so a
    note still reads, compares and prints as its text wherever text is wanted.

    Codes: ``NoteCode`` (docs/VERDICT-POLICY.md names the rules).
    """

    code: NoteCode

    def __new__(cls, code: NoteCode, text: str) -> Note:
        obj = super().__new__(cls, text)
        obj.code = code
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (Note, (self.code, str(self)))

    @property
    def text(self) -> str:
        return str.__str__(self)


def note_code(note: str) -> NoteCode:
    """The code of a note; a plain string is an extraction stage's note."""
    return note.code if isinstance(note, Note) else "extraction"


def note_obj(note: str) -> dict[str, str]:
    """A note as the JSON carries it."""
    return {"code": note_code(note), "text": str.__str__(note)}


@dataclass(frozen=True)
class DiffOp:
    """One word-level edit turning the source's words into the quote's.

    ``equal``: same words; ``replace``: ``source`` words printed as ``quote``
    words; ``delete``: ``source`` words the quote dropped; ``insert``: ``quote``
    words not in the source.  ``flags`` (``DiffFlag``) say why a change matters or not:
    "number", "negation", "modal", "contraction", "spelling", "case",
    "punctuation", "bracket" (a writer's [insertion]), "ellipsis", "moved".

    ``quote``/``source`` are the normalised words the verdict compares;
    ``quote_text``/``source_text`` the same words as written (the article's
    and the source's own characters: "$2.8", "well-known", "billion,"), which
    reports print (``shown_quote``/``shown_source``).  Empty: the normalised
    words are shown.
    """

    op: DiffOpKind
    quote: str = ""
    source: str = ""
    flags: tuple[DiffFlag, ...] = ()
    quote_text: str = ""
    source_text: str = ""

    @property
    def shown_quote(self) -> str:
        """The quote's words as the article writes them."""
        return self.quote_text or self.quote

    @property
    def shown_source(self) -> str:
        """The source's words as the source writes them."""
        return self.source_text or self.source


@dataclass(frozen=True)
class Match:
    """Where the quote's words stand in one source."""

    source_index: int  # index into the list of sources given to the judge
    text: str  # the source's own characters, not normalised
    start: int  # offsets in ``Source.text``
    end: int
    score: float  # 0-100
    speaker: str | None = None  # transcript turn label there, e.g. "SECRETARY BLINKEN"
    context_before: str = ""  # a line of the source around the match, for reports
    context_after: str = ""
    line: int | None = None  # 1-based line of ``start`` in ``Source.text``
    # For a stitched quote, one (start, end) per passage, in quote order.
    parts: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class QuoteResult:
    quote: Quote
    verdict: Verdict | None  # None: listed but not judged (scare, heading)
    score: float | None = None
    match: Match | None = None
    diff: tuple[DiffOp, ...] = ()
    notes: tuple[str, ...] = ()
    # Best score in each source, by source index, for the JSON's "candidates".
    source_scores: tuple[tuple[int, float], ...] = ()


@dataclass(frozen=True)
class Report:
    article: Article
    results: tuple[QuoteResult, ...]
    sources: tuple[Source, ...]

    @property
    def summary(self) -> dict[str, int]:
        counts = {v: 0 for v in VERDICT_ORDER}
        counts["not_judged"] = 0
        for r in self.results:
            counts[r.verdict or "not_judged"] += 1
        return counts


# --- CI mode (``quoteverify check``) -------------------------------------------

# Quietest first (``--min-level``, like Vale's MinAlertLevel).
FindingLevel = Literal["note", "warning", "error"]
FINDING_LEVELS: tuple[FindingLevel, ...] = get_args(FindingLevel)


def fails(verdict: Verdict, fail_on: FailOn) -> bool:
    """Whether ``verdict`` is at or above ``--fail-on`` (``unverifiable`` only when asked)."""
    if fail_on == "none":
        return False
    if verdict == "unverifiable":
        # A source that could not be read says nothing about the article: only
        # "--fail-on unverifiable" makes it fail the build.
        return fail_on == "unverifiable"
    order: tuple[str, ...] = VERDICT_ORDER
    threshold = order.index("diverged" if fail_on == "unverifiable" else fail_on)
    return order.index(verdict) >= threshold


def finding_level(verdict: Verdict, fail_on: FailOn) -> FindingLevel:
    """The CI level of a judged, non-verbatim verdict (see ``Finding``)."""
    if fails(verdict, fail_on):
        return "error"
    # elided passes like minor by default: a marked omission is an editor's
    # ordinary tool, so it is a note to read, not a warning.
    return "note" if verdict in ("minor", "elided") else "warning"


# The output formats of ``quoteverify check`` (renderers in ``report``).
CheckFormat = Literal[
    "human",
    "concise",
    "json",
    "jsonl",
    "markdown",
    "sarif",
    "github",
    "junit",
    "gitlab",
]
CHECK_FORMATS: tuple[CheckFormat, ...] = get_args(CheckFormat)
# ``--report FMT=PATH`` also takes "html": a page for people, written to a file only.
ReportFormat = Literal[CheckFormat, "html"]
REPORT_FORMATS: tuple[ReportFormat, ...] = get_args(ReportFormat)


@dataclass(frozen=True)
class Finding:
    """One judged quotation worth telling a CI user about, placed in the file.

    Verbatim quotes and unjudged ones (scare quotes, headings) are not findings.
    ``level`` is "error" when the verdict is at or above ``--fail-on``, "note" for
    ``minor``, "warning" otherwise (``unverifiable`` is always a warning unless
    ``--fail-on unverifiable``).  Lines and columns are 1-based, columns count code
    points, ``end_column`` is exclusive (the SARIF convention), all in the article
    file as written (Markdown or HTML source, not the extracted text).
    """

    path: str  # as given or found, relative to the working directory, "/" separators
    line: int
    column: int
    end_line: int
    end_column: int
    verdict: FindingVerdict
    level: FindingLevel
    title: str  # short, e.g. "Quote diverged from the source"
    message: str  # one line: what changed, who said it, which source
    quote_id: str
    quote: str
    speaker: str | None
    source: str | None  # ref of the source the verdict rests on, if any
    fingerprint: str  # stable across edits elsewhere: path + normalised quote text
    result: QuoteResult
    suppressed: str | None = None  # the reason given in the suppression comment


@dataclass(frozen=True)
class FileCheck:
    """One article file of a ``check`` run."""

    path: str
    report: Report | None  # None when the article could not be read
    findings: tuple[Finding, ...] = ()
    error: str | None = None  # one line, when the file could not be checked
    # The error is a bug of quoteverify (an exception no input check foresaw),
    # not a problem with the article: the run still reports every other file.
    internal: bool = False
    # One line each, shown like the article's own warnings: suppressions that
    # hid no finding (ruff's RUF100).  They never fail the check.
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckRun:
    files: tuple[FileCheck, ...]
    fail_on: FailOn
    baselined: int = 0  # findings hidden because the baseline already had them

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding, suppressed ones included (formatters show their reason)."""
        return tuple(f for fc in self.files for f in fc.findings)

    @property
    def active(self) -> tuple[Finding, ...]:
        """Findings not suppressed: the ones that count."""
        return tuple(f for f in self.findings if f.suppressed is None)
