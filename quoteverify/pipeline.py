"""The whole path, stage by stage: article → quotes → sources → verdicts → report.

Each stage is a module of its own; this file only wires them together, so it is
the place to read first.  The CLI calls these functions and nothing deeper.
"""

from __future__ import annotations

from collections.abc import Sequence

from .article import load_article
from .models import UNJUDGED_KINDS, Article, Quote, QuoteResult, Report, Source, Speaker
from .sources import load_sources, source_refs


def run_extract(article_ref: str) -> tuple[Article, list[Quote]]:
    from .extract import extract_quotes

    article = load_article(article_ref)
    return article, extract_quotes(article)


def run_audit(article_ref: str, sources: Sequence[str] = ()) -> Report:
    article, quotes = run_extract(article_ref)
    loaded = load_sources(source_refs(article, sources))
    return judge_all(article, quotes, loaded)


def run_verify(quote_text: str, sources: Sequence[str], speaker: str | None = None) -> Report:
    """Check one quotation given on the command line."""
    text = quote_text.strip()
    # A quote pasted with its marks: the marks are not the speaker's words.
    if len(text) >= 2 and text[0] in "“\"'‘«„" and text[-1] in "”\"'’»“":
        text = text[1:-1].strip()
    article = Article(origin="<command line>", text=text, format="text")
    who = None
    if speaker:
        who = Speaker(name=speaker, mention=speaker, start=0, end=0, type="person")
    kind = "fragment" if len(text.split()) <= 3 else "quote"
    quote = Quote(id="q1", text=text, start=0, end=len(text), kind=kind, speaker=who, cue=None)
    return judge_all(article, [quote], load_sources(list(sources)))


def judge_all(article: Article, quotes: Sequence[Quote], sources: Sequence[Source]) -> Report:
    from .align import prepare_source
    from .verdict import judge

    usable = [s for s in sources if s.status == "ok"]
    prepared = [prepare_source(s) for s in usable]
    # Results refer to sources by index in the report's list, which includes
    # the failed ones so that the report can say what failed and why.
    index_map = [i for i, s in enumerate(sources) if s.status == "ok"]
    results: list[QuoteResult] = []
    for quote in quotes:
        if quote.kind in UNJUDGED_KINDS:
            results.append(QuoteResult(quote=quote, verdict=None, notes=(_unjudged_note(quote),)))
        elif not prepared:
            results.append(
                QuoteResult(quote=quote, verdict="unverifiable", notes=(_no_source_note(sources),))
            )
        else:
            results.append(_reindex(judge(quote, prepared), index_map))
    return Report(article=article, results=tuple(results), sources=tuple(sources))


def _reindex(result: QuoteResult, index_map: list[int]) -> QuoteResult:
    from dataclasses import replace

    match = result.match
    if match is not None:
        match = replace(match, source_index=index_map[match.source_index])
    scores = tuple((index_map[i], s) for i, s in result.source_scores)
    return replace(result, match=match, source_scores=scores)


def _unjudged_note(quote: Quote) -> str:
    if quote.kind == "heading":
        return "not judged: a heading in quotation marks, not a quotation of anyone"
    return "not judged: scare quotes (a term, title or nickname), not a quotation of anyone"


def _no_source_note(sources: Sequence[Source]) -> str:
    if not sources:
        return "no source: none was given for this article"
    failed = "; ".join(f"{s.ref}: {s.error}" for s in sources)
    return f"no usable source ({failed})"
