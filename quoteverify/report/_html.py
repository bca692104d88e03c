"""A ``Report`` as one self-contained HTML page (``--format html``).

The page holds everything it needs (inline CSS, one short inline script, an
inline SVG chart) and makes no request of its own, so it opens from a mail
attachment or a CI artifact offline.  A Content-Security-Policy in the page
forbids any other script, so even a quotation that slipped past escaping could
not run.  Jinja2 is imported here, not at module level of ``report``, so that
``quoteverify --help`` stays fast.

Like the other renderers the output is deterministic: no clock (the date shown
is the article's own, when it has one), no random ids, fixed order.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, get_args

from .. import __version__
from ..models import (
    PASSING_VERDICTS,
    VERDICT_ORDER,
    Article,
    CheckRun,
    DiffOp,
    QuoteResult,
    Report,
    Source,
    Verdict,
    fails,
)

# Verdicts the page knows, best first: the model's list, defined once.
KNOWN_VERDICTS: tuple[str, ...] = get_args(Verdict)

# Label and icon per verdict: colour is never the only signal (WCAG 1.4.1), so
# each highlight carries its label text, an icon and an underline pattern.
LABELS: dict[Verdict | None, tuple[str, str]] = {
    "verbatim": ("verbatim", "✓"),
    "minor": ("minor", "≈"),
    "elided": ("elided", "…"),
    "diverged": ("diverged", "≠"),
    "stitched": ("stitched", "+"),
    "misattributed": ("misattributed", "⇄"),
    "not_found": ("not found", "✗"),
    "unverifiable": ("unverifiable", "?"),
    None: ("not judged", "–"),
}

# "only failing" hides ``PASSING_VERDICTS``.  An unknown future verdict counts
# as failing: better shown.

# The one inline script: open the card a highlight or a #fragment points at,
# and open every card to print.
# Reading never needs it (the filters are CSS, the cards are <details>).
_SCRIPT = (
    "(function(){"
    "function o(){var h=location.hash.slice(1);if(!h)return;"
    "var e=document.getElementById(h);"
    "var d=e&&(e.tagName==='DETAILS'?e:e.querySelector('details'));if(d){d.open=true;}}"
    "window.addEventListener('hashchange',o);o();"
    "window.addEventListener('beforeprint',function(){"
    "document.querySelectorAll('details').forEach(function(d){d.open=true;});});"
    "})();"
)
SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()


@dataclass
class _Card:
    n: int
    id: str
    result: QuoteResult
    verdict: Verdict | None
    label: str
    icon: str
    failing: bool
    speaker_class: str
    notes: list[str]
    source: Source | None
    rule: str | None


@dataclass
class _Doc:
    """One article's part of the page (a ``check`` run holds several)."""

    prefix: str  # id prefix, "" for a single report, "f1-" ... for a check run
    report: Report
    title: str
    date: str | None
    cards: list[_Card] = field(default_factory=list)
    segments: list[Any] = field(default_factory=list)
    counts: list[tuple[str, str, str, int]] = field(default_factory=list)
    speakers: list[tuple[str, str, int]] = field(default_factory=list)
    path: str | None = None
    error: str | None = None


def verdict_key(verdict: str | None) -> str:
    """CSS class suffix of a verdict: known ones by name, others "other"."""
    if verdict is None:
        return "none"
    return verdict if verdict in KNOWN_VERDICTS else "other"


def label_of(verdict: str | None) -> tuple[str, str]:
    if verdict in LABELS:
        return LABELS[verdict]
    return (str(verdict).replace("_", " "), "!")


def note_text(note: object) -> str:
    """A note as text: plain strings today, objects with ``text`` (and ``code``) soon."""
    text = getattr(note, "text", None)
    return str(text) if text is not None else str(note)


def _date(report: Report) -> str | None:
    fm = report.article.front_matter or {}
    for key in ("date", "published", "pubdate"):
        value = fm.get(key)
        if value:
            return str(value)
    return None


def _is_failing(verdict: str | None) -> bool:
    if verdict is None or verdict in PASSING_VERDICTS:
        return False
    if verdict in VERDICT_ORDER:
        return fails(verdict, "diverged") or verdict == "unverifiable"
    return True


def _segments(text: str, cards: Sequence[_Card]) -> list[Any]:
    """The article text cut into plain strings and highlighted quotes.

    A quote nested in another (a quotation inside a quotation) is highlighted
    inside its parent; a span that overlaps a neighbour without nesting is cut
    at the neighbour's end, so every quote keeps a highlight.
    """
    spans = sorted(
        (c for c in cards if 0 <= c.result.quote.start < c.result.quote.end <= len(text)),
        key=lambda c: (c.result.quote.start, -c.result.quote.end),
    )

    def build(lo: int, hi: int, items: list[_Card]) -> list[Any]:
        out: list[Any] = []
        pos = lo
        i = 0
        while i < len(items):
            card = items[i]
            start = max(card.result.quote.start, pos)
            end = min(card.result.quote.end, hi)
            i += 1
            if start >= end:
                continue
            children = []
            while i < len(items) and items[i].result.quote.start < end:
                children.append(items[i])
                i += 1
            if start > pos:
                out.append(text[pos:start])
            out.append({"card": card, "parts": build(start, end, children)})
            pos = end
        if pos < hi:
            out.append(text[pos:hi])
        return out

    return build(0, len(text), spans)


def _doc(report: Report, prefix: str = "", path: str | None = None) -> _Doc:
    art = report.article
    doc = _Doc(
        prefix=prefix,
        report=report,
        title=art.title or path or art.origin,
        date=_date(report),
        path=path,
    )
    speakers: dict[str, int] = {}
    for r in report.results:
        name = r.quote.speaker.name if r.quote.speaker else ""
        speakers.setdefault(name, 0)
        speakers[name] += 1
    # Speaker classes by first appearance: stable for the same input.
    spk_class = {name: f"{prefix}s{i}" for i, name in enumerate(speakers, 1)}
    doc.speakers = [(spk_class[n], n or "no speaker found", k) for n, k in speakers.items()]
    for n, r in enumerate(report.results, 1):
        label, icon = label_of(r.verdict)
        q = r.quote
        source = report.sources[r.match.source_index] if r.match is not None else None
        rule = q.attribution_rule
        doc.cards.append(
            _Card(
                n=n,
                id=f"{prefix}{q.id}",
                result=r,
                verdict=r.verdict,
                label=label,
                icon=icon,
                failing=_is_failing(r.verdict),
                speaker_class=spk_class[q.speaker.name if q.speaker else ""],
                notes=[note_text(x) for x in (*q.notes, *r.notes)],
                source=source,
                rule=str(rule) if rule else None,
            )
        )
    doc.segments = _segments(art.text, doc.cards)
    # Counted here, not with ``Report.summary``, so a verdict newer than this
    # copy of ``models`` (``elided``) is counted rather than a KeyError.
    summary: dict[str, int] = {}
    for r in report.results:
        summary[r.verdict or "not_judged"] = summary.get(r.verdict or "not_judged", 0) + 1
    order = [*KNOWN_VERDICTS, *sorted(k for k in summary if k not in KNOWN_VERDICTS)]
    for v in order:
        count = summary.get(v, 0)
        if v == "not_judged":
            label, icon = LABELS[None]
            key = "none"
        else:
            label, icon = label_of(v)
            key = verdict_key(v)
        if count or v in VERDICT_ORDER:
            doc.counts.append((key, label, icon, count))
    return doc


def _diff_tokens(ops: Sequence[DiffOp], verdict: str | None) -> list[tuple[str, str, str]]:
    """(kind, text, flags) per piece of the word diff, source → quote.

    An ``elided`` quote's deletions are the words its ellipsis stands for: shown
    in place, greyed, rather than struck out as an error.
    """
    out: list[tuple[str, str, str]] = []
    for op in ops:
        flags = ", ".join(op.flags)
        if op.op == "equal":
            out.append(("eq", op.shown_quote or op.shown_source, ""))
        elif op.op == "replace":
            out.append(("del", op.shown_source, flags))
            out.append(("ins", op.shown_quote, flags))
        elif op.op == "delete":
            elided = verdict == "elided" or "ellipsis" in op.flags
            out.append(("elided" if elided else "del", op.shown_source, flags))
        else:
            out.append(("ins", op.shown_quote, flags))
    return [t for t in out if t[1]]


def _chart(counts: Sequence[tuple[str, str, str, int]]) -> dict[str, Any]:
    """Geometry of the summary bar chart (drawn by the template as inline SVG)."""
    top = max([c for *_, c in counts] + [1])
    row = 22
    bars = []
    for i, (key, label, icon, count) in enumerate(counts):
        width = 0 if count == 0 else max(2, round(220 * count / top))
        bars.append(
            {"key": key, "label": label, "icon": icon, "count": count, "y": i * row, "w": width}
        )
    return {"bars": bars, "height": len(counts) * row}


def _env() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("quoteverify.report", "templates"),
        autoescape=True,  # every value from an article or a source is text, never markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        diff_tokens=_diff_tokens,
        chart=_chart,
        source_label=lambda s: s.url or s.path or s.ref,
        fmt_score=lambda x: "—" if x is None else f"{x:.0f}",
    )
    return env


def _render(docs: Sequence[_Doc], title: str, *, links: Sequence[tuple[str, str]] = ()) -> str:
    template = _env().get_template("report.html.j2")
    return template.render(
        docs=docs,
        page_title=title,
        version=__version__,
        script=_SCRIPT,
        script_hash=SCRIPT_HASH,
        known=KNOWN_VERDICTS,
        links=list(links),
    )


def report_html(report: Report, *, links: Sequence[tuple[str, str]] = ()) -> str:
    """The page for one audited article (``audit``/``verify --format html``).

    ``links``: (href, text) pairs shown in the page header; ``serve`` uses them
    for the Markdown and JSON downloads.
    """
    doc = _doc(report)
    return _render([doc], f"quoteverify report: {doc.title}", links=links)


def check_html(run: CheckRun) -> str:
    """One page for a ``check`` run: every checked file's report in turn."""
    docs = []
    for i, fc in enumerate(run.files, 1):
        if fc.report is None:
            empty = Report(
                article=Article(origin=fc.path, text="", format="text"), results=(), sources=()
            )
            d = _doc(empty, f"f{i}-", fc.path)
            d.error = fc.error or "could not be checked"
        else:
            d = _doc(fc.report, f"f{i}-", fc.path)
            d.error = fc.error
        docs.append(d)
    return _render(docs, f"quoteverify check: {len(docs)} files")


__all__ = ["KNOWN_VERDICTS", "check_html", "label_of", "note_text", "report_html"]
