from __future__ import annotations

import re
from collections.abc import Sequence

from .._display import code_span, escape_controls
from ..grammar import plural
from ..models import PASSING_VERDICTS, DiffOp, Quote, QuoteResult, Report, Source
from ._plain import opening

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~#])")
_ENTITY_START = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def esc(text: str) -> str:
    """Escape text so GitHub renders it literally (inside tables too).

    An ``&`` that starts an entity too: a quote holding "AT&amp;T" (an entity left
    in a source) must not render as "AT&T"; a plain "Q&A" stays readable.
    """
    # Controls become visible escapes first, so their backslashes are escaped too.
    text = _ENTITY_START.sub("&amp;", escape_controls(" ".join(text.split())))
    return _MD_SPECIAL.sub(r"\\\1", text)


def _speaker(q: Quote) -> str:
    return q.speaker.name if q.speaker else "—"


def _source_label(source: Source) -> str:
    return source.url or source.path or source.ref


def extraction_markdown(title: str, quotes: Sequence[Quote]) -> str:
    lines = [f"# Quotations in {esc(title)}", ""]
    if not quotes:
        return "\n".join([*lines, "No quotations found.", ""])
    lines += [
        "| # | Kind | Speaker | Cue | Rule | Quote | Closed |",
        "|---|---|---|---|---|---|---|",
    ]
    for q in quotes:
        lines.append(
            f"| {q.id} | {q.kind} | {esc(_speaker(q))} | {esc(q.cue or '—')} "
            f"| {q.attribution_rule or '—'} "
            f"| “{esc(opening(q.text, 12))}” | {'yes' if q.closed else 'no'} |"
        )
    notes = [(q.id, n) for q in quotes for n in q.notes]
    if notes:
        lines += ["", "## Findings", ""]
        lines += [f"- {qid}: {esc(n)}" for qid, n in notes]
    return "\n".join(lines) + "\n"


def report_markdown(report: Report) -> str:
    art = report.article
    title = art.title or art.origin
    judged = [r for r in report.results if r.verdict is not None]
    ok = sum(1 for s in report.sources if s.status == "ok")
    out = [
        f"# quoteverify report: {esc(title)}",
        "",
        # The URL is the server's choice (after redirects): a backtick in it must
        # not close the span and let the rest render as Markdown.
        f"Article: {code_span(art.url or art.origin)} · "
        f"{plural(len(report.results), 'quotation')} "
        f"({len(judged)} judged) · {plural(len(report.sources), 'source')} ({ok} read)",
        "",
    ]
    out += [f"**Warning:** {esc(w)}" for w in art.warnings]
    out += [""] if art.warnings else []
    counts = ", ".join(f"{k} {v}" for k, v in report.summary.items() if v)
    out += [f"**Summary:** {counts or 'no quotations'}", ""]
    if report.results:
        out += [
            "| # | Speaker | Quote | Verdict | Score | Source |",
            "|---|---|---|---|---|---|",
        ]
        for r in report.results:
            out.append(
                f"| {r.quote.id} | {esc(_speaker(r.quote))} | “{esc(opening(r.quote.text))}” "
                f"| {_verdict_label(r)} | {_score(r)} | {_source_cell(r, report.sources)} |"
            )
        out.append("")
    if report.sources:
        out += ["## Sources", ""]
        for i, s in enumerate(report.sources, 1):
            label = esc(_source_label(s))
            if s.status == "ok":
                out.append(f"{i}. {label}" + (f" — {esc(s.title)}" if s.title else ""))
            else:
                out.append(f"{i}. {label} — **could not be used:** {esc(s.error or 'error')}")
        out.append("")
    for r in report.results:
        out += _section(r, report.sources)
    return "\n".join(out).rstrip("\n") + "\n"


def _verdict_label(r: QuoteResult) -> str:
    if r.verdict is None:
        return f"not judged ({r.quote.kind})"
    return f"**{r.verdict}**" if r.verdict not in PASSING_VERDICTS else r.verdict


def _score(r: QuoteResult) -> str:
    return "—" if r.score is None else f"{r.score:.0f}"


def _source_cell(r: QuoteResult, sources: Sequence[Source]) -> str:
    if r.match is None:
        return "—"
    s = sources[r.match.source_index]
    name = (s.path or s.url or s.ref).rstrip("/").rsplit("/", 1)[-1] or s.ref
    return esc(name)


def _section(r: QuoteResult, sources: Sequence[Source]) -> list[str]:
    q = r.quote
    head = f"## {q.id} · {esc(_speaker(q))} · {r.verdict or 'not judged'}"
    lines = [head, ""]
    lines.append("> " + esc(q.text))
    lines.append("")
    who = []
    if q.speaker:
        who.append(
            f"**Speaker:** {esc(q.speaker.name)} ({q.speaker.type}; “{esc(q.speaker.mention)}”)"
        )
    else:
        who.append("**Speaker:** none found")
    if q.cue:
        who.append(f"**cue:** {esc(q.cue)}")
    who.append(f"**kind:** {q.kind}" + ("" if q.closed else " (closing mark missing)"))
    if q.attribution_rule:
        who.append(f"**rule:** {q.attribution_rule}")
    lines += [" · ".join(who), ""]
    if r.verdict is not None:
        score = "" if r.score is None else f" (score {r.score:.0f})"
        lines += [f"**Verdict:** {r.verdict}{score}", ""]
    notes = [*q.notes, *r.notes]
    if notes:
        lines += [f"- {esc(n)}" for n in notes]
        lines.append("")
    if r.match is not None:
        m = r.match
        s = sources[m.source_index]
        where = [esc(_source_label(s))]
        if m.line:
            where.append(f"line {m.line}")
        if m.speaker:
            where.append(f"turn {esc(m.speaker)}")
        lines += [f"**Source passage** ({', '.join(where)}):", ""]
        before = esc(m.context_before)
        after = esc(m.context_after)
        passage = f"**{esc(m.text)}**"
        lines += [
            "> "
            + " ".join(x for x in (before and "…" + before, passage, after and after + "…") if x),
            "",
        ]
        if len(r.source_scores) > 1:
            others = ", ".join(
                f"{esc(_source_label(sources[i]).rsplit('/', 1)[-1])} {sc:.0f}"
                for i, sc in sorted(r.source_scores)
            )
            lines += [f"Scores by source: {others}", ""]
    if r.diff and any(op.op != "equal" for op in r.diff):
        lines += ["**Diff** (source → quote: ~~removed~~, **added**):", "", render_diff(r.diff), ""]
    return lines


def render_diff(ops: Sequence[DiffOp]) -> str:
    """Word-level diff as GitHub Markdown: struck-through source words, bold quote words."""
    parts: list[str] = []
    for op in ops:
        tag = f" *({', '.join(op.flags)})*" if op.flags and op.op != "equal" else ""
        if op.op == "equal":
            parts.append(esc(op.shown_quote or op.shown_source))
        elif op.op == "replace":
            parts.append(f"~~{esc(op.shown_source)}~~ **{esc(op.shown_quote)}**{tag}")
        elif op.op == "delete":
            parts.append(f"~~{esc(op.shown_source)}~~{tag}")
        else:
            parts.append(f"**{esc(op.shown_quote)}**{tag}")
    return " ".join(p for p in parts if p)
