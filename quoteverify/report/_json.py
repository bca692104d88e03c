from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .. import __version__
from .._display import json_text
from ..models import Article, DiffOp, Match, Quote, QuoteResult, Report, Source, note_obj


def extraction_json(article: Article, quotes: Sequence[Quote]) -> str:
    return _dump({"article": article_obj(article), "quotes": [quote_obj(q) for q in quotes]})


def report_json(report: Report) -> str:
    return _dump(
        {
            "tool": {"name": "quoteverify", "version": __version__},
            "article": article_obj(report.article),
            "quotes": [result_obj(r, report.sources) for r in report.results],
            "sources": [source_obj(s) for s in report.sources],
            "summary": report.summary,
        }
    )


def _dump(obj: Any) -> str:
    return json_text(json.dumps(obj, ensure_ascii=False, indent=2)) + "\n"


def article_obj(article: Article) -> dict[str, Any]:
    obj = {
        "origin": article.origin,
        "url": article.url,
        "format": article.format,
        "title": article.title,
        "headings": [list(h) for h in article.headings],
        "sources": list(article.sources),
        "text": article.text,
    }
    if article.warnings:
        # Only when there are some: reports of clean articles keep their bytes.
        obj["warnings"] = list(article.warnings)
    return obj


def quote_obj(q: Quote) -> dict[str, Any]:
    speaker = None
    if q.speaker is not None:
        speaker = {
            "name": q.speaker.name,
            "mention": q.speaker.mention,
            "start": q.speaker.start,
            "end": q.speaker.end,
            "type": q.speaker.type,
            "title": q.speaker.title,
        }
    return {
        "id": q.id,
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "closed": q.closed,
        "kind": q.kind,
        "speaker": speaker,
        "cue": q.cue,
        "attribution_rule": q.attribution_rule,
        "notes": [note_obj(n) for n in q.notes],
    }


def source_ref_obj(source: Source) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    if source.url:
        obj["url"] = source.url
    if source.path:
        obj["path"] = source.path
    obj["title"] = source.title
    return obj


def source_obj(source: Source) -> dict[str, Any]:
    obj = source_ref_obj(source)
    obj["ref"] = source.ref
    obj["status"] = source.status
    obj["error"] = source.error
    return obj


def match_obj(m: Match) -> dict[str, Any]:
    return {
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "line": m.line,
        "speaker": m.speaker,
        "score": round(m.score, 1),
        "context_before": m.context_before,
        "context_after": m.context_after,
        "parts": [list(p) for p in m.parts],
    }


def diff_obj(op: DiffOp) -> dict[str, Any]:
    """One diff op: ``quote``/``source`` are the normalised words the verdict
    compared (unchanged contract); ``quote_text``/``source_text`` the same
    words as the article and the source write them, for display."""
    return {
        "op": op.op,
        "quote": op.quote,
        "source": op.source,
        "flags": list(op.flags),
        "quote_text": op.shown_quote,
        "source_text": op.shown_source,
    }


def result_obj(r: QuoteResult, sources: Sequence[Source]) -> dict[str, Any]:
    obj = quote_obj(r.quote)
    obj["verdict"] = r.verdict
    obj["score"] = None if r.score is None else round(r.score, 1)
    obj["source"] = source_ref_obj(sources[r.match.source_index]) if r.match else None
    obj["match"] = match_obj(r.match) if r.match else None
    obj["diff"] = [diff_obj(op) for op in r.diff]
    obj["notes"] = [note_obj(n) for n in (*r.quote.notes, *r.notes)]
    obj["scores"] = [
        {"source": sources[i].ref, "score": round(s, 1)} for i, s in sorted(r.source_scores)
    ]
    return obj
