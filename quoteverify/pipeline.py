"""The whole path, stage by stage: article → quotes → sources → verdicts → report.

Each stage is a module of its own; this file only wires them together, so it is
the place to read first.  The CLI calls these functions and nothing deeper.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ._language import detect, name
from .article import load_article
from .discover import Planned, plan_sources
from .errors import InputError
from .models import (
    UNJUDGED_KINDS,
    Article,
    Note,
    Quote,
    QuoteResult,
    Report,
    Source,
    Speaker,
)
from .sources import load_sources

if TYPE_CHECKING:
    from .align import PreparedSource
    from .library import Library


def run_extract(article_ref: str) -> tuple[Article, list[Quote]]:
    from .extract import extract_quotes

    article = load_article(article_ref)
    return article, extract_quotes(article)


def run_audit(
    article_ref: str,
    sources: Sequence[str] = (),
    *,
    follow_links: bool = True,
    library: str | None = None,
    speaker_sources: Mapping[str, Sequence[str]] | None = None,
    memo: dict[str, Source] | None = None,
    aliases: Mapping[str, str] | None = None,
) -> Report:
    """``memo``: sources already read in this run, by ref; filled as sources are
    read, so that ``check`` reads a source shared by many articles once.
    ``aliases``: transcript label -> person (``--speaker-alias``)."""
    article, quotes = run_extract(article_ref)
    plan = plan_sources(
        article, quotes, sources, follow_links=follow_links, speaker_sources=speaker_sources
    )
    if library is None:
        return judge_all(article, quotes, plan, memo=memo, aliases=aliases)
    from .library import Library, LibraryError

    if not Path(library).is_file():
        raise InputError("library", library, "no such file")
    try:
        with Library(Path(library)) as lib:
            # The library is the last resort: only quotes left with no source.
            for quote in quotes:
                if quote.id in plan and not plan[quote.id]:
                    name = quote.speaker.name if quote.speaker else None
                    plan[quote.id] = [
                        Planned(f"{LIBRARY_PREFIX}{c.hash}", f"library ({c.ref})")
                        for c in lib.candidates(quote.text, name, k=3)
                    ]
            return judge_all(article, quotes, plan, library=lib, memo=memo, aliases=aliases)
    except LibraryError as exc:
        raise InputError("library", library, str(exc)) from None


def run_verify(
    quote_text: str,
    sources: Sequence[str],
    speaker: str | None = None,
    *,
    aliases: Mapping[str, str] | None = None,
) -> Report:
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
    plan = {"q1": [Planned(ref, "command line") for ref in sources]}
    return judge_all(article, [quote], plan, aliases=aliases)


LIBRARY_PREFIX = "library:"


def judge_all(
    article: Article,
    quotes: Sequence[Quote],
    plan: Mapping[str, Sequence[Planned]],
    library: Library | None = None,
    memo: dict[str, Source] | None = None,
    aliases: Mapping[str, str] | None = None,
) -> Report:
    from .align import prepare_source
    from .verdict import judge

    # Every source once, in the order first planned; a failed one stays in the
    # list so that the report can say what failed and why.
    order: dict[str, Planned] = {}
    for items in plan.values():
        for p in items:
            order.setdefault(p.ref, p)
    known = memo if memo is not None else {}
    wanted = [r for r in order if not r.startswith(LIBRARY_PREFIX) and r not in known]
    by_ref = {r: known[r] for r in order if r in known}
    for s in load_sources(wanted):
        by_ref[s.ref] = s
        known[s.ref] = s
    if library is not None:
        for ref in order:
            if ref.startswith(LIBRARY_PREFIX):
                by_ref[ref] = replace(library.get_source(ref[len(LIBRARY_PREFIX) :]), ref=ref)
    loaded = [by_ref[r] for r in order]
    sources = [_annotate(s, p) for s, p in zip(loaded, order.values(), strict=True)]
    index = {s.ref: i for i, s in enumerate(sources)}
    article_lang = detect(article.text)
    prepared: dict[int, PreparedSource] = {}

    results: list[QuoteResult] = []
    for quote in quotes:
        if quote.kind in UNJUDGED_KINDS:
            results.append(QuoteResult(quote=quote, verdict=None, notes=(_unjudged_note(quote),)))
            continue
        mine = [index[p.ref] for p in plan.get(quote.id, ())]
        usable, problems = [], []
        for i in mine:
            s = sources[i]
            if s.status != "ok":
                problems.append(f"{s.ref}: {s.error}")
            elif article_lang and s.language and s.language != article_lang:
                # A translated quote cannot be checked word for word.
                problems.append(
                    f"{s.ref}: the source is in {name(s.language)}, the article in "
                    f"{name(article_lang)}"
                )
            else:
                usable.append(i)
        if not usable:
            note = "no source: none was given or found for this quotation"
            if problems:
                note = f"no usable source ({'; '.join(problems)})"
            results.append(
                QuoteResult(quote=quote, verdict="unverifiable", notes=(Note("no-source", note),))
            )
            continue
        for i in usable:
            if i not in prepared:
                prepared[i] = prepare_source(sources[i])
        result = judge(quote, [prepared[i] for i in usable], aliases=aliases)
        results.append(_reindex(result, usable, sources))
    return Report(article=article, results=tuple(results), sources=tuple(sources))


def _annotate(source: Source, planned: Planned) -> Source:
    lang = detect(source.text) if source.status == "ok" else None
    return replace(source, via=planned.via, language=lang)


def _reindex(result: QuoteResult, usable: list[int], sources: Sequence[Source]) -> QuoteResult:
    match = result.match
    notes = result.notes
    if match is not None:
        match = replace(match, source_index=usable[match.source_index])
        via = sources[match.source_index].via
        if via not in ("command line", "front matter"):
            notes = (*notes, Note("source-via", f"source found via {via}"))
    scores = tuple((usable[i], s) for i, s in result.source_scores)
    return replace(result, match=match, source_scores=scores, notes=notes)


def _unjudged_note(quote: Quote) -> Note:
    if quote.kind == "heading":
        return Note(
            "not-judged", "not judged: a heading in quotation marks, not a quotation of anyone"
        )
    return Note(
        "not-judged",
        "not judged: scare quotes (a term, title or nickname), not a quotation of anyone",
    )
