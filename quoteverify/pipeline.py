"""The whole path, stage by stage: article → quotes → sources → verdicts → report.

Each stage is a module of its own; this file only wires them together, so it is
the place to read first.  The CLI calls these functions and nothing deeper.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ._fetch import is_url
from ._localfile import refusal, repository_root
from .article import load_article
from .errors import InputError
from .grammar import plural, possessive
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

if TYPE_CHECKING:
    from ._fetch import Fetcher
    from .align import PreparedSource
    from .discover import Planned
    from .library import LibrarySet


class SourceMemo(dict[str, Source]):
    """Sources already read in one run, by ref as planned (what ``memo`` has
    always been), and the same sources prepared for alignment.

    Preparing (normalising, tokenising, indexing) costs far more than judging
    a quote, and ``check`` used to prepare every source once per article that
    named it.  Prepared sources are keyed by where the text came from (the
    resolved file or the URL) and a hash of the text, never by the ref as
    written: articles in different folders name one file differently.
    ``preparations`` counts the sources actually prepared (tests, benchmarks).
    """

    def __init__(self) -> None:
        super().__init__()
        self.prepared: dict[tuple[str, str, str | None, str | None], PreparedSource] = {}
        self.preparations = 0
        # Each article hands over its own copy of a source (its ref, how it
        # was found) holding the one text object read for the run: the key
        # is computed once per text object and path, not once per article
        # (a SHA-1 of the whole text and a realpath each time).  One entry per
        # place, holding the last text seen there: a library hands out a new
        # string on every read, which must replace the old, not pile up.
        self._keys: dict[tuple[str | None, str | None, str], tuple[str, tuple[str, str]]] = {}

    def prepare(self, source: Source) -> PreparedSource:
        from .align import prepare_source

        seen = (source.path, source.url, source.ref)
        known = self._keys.get(seen)
        if known is None or known[0] is not source.text:
            known = self._keys[seen] = (
                source.text,
                (_location(source), _text_hash(source.text)),
            )
        key = (*known[1], source.title, source.date)
        ps = self.prepared.get(key)
        if ps is None:
            self.preparations += 1
            ps = self.prepared[key] = prepare_source(source)
        elif ps.source is not source:
            # The same text under this article's ref and annotations: the
            # report names the source as this article planned it.  A shallow
            # copy: arrays, index and the speaker memo are shared.
            ps = replace(ps, source=source)
        return ps


def _location(source: Source) -> str:
    if source.path is not None and not is_url(source.path):
        return "file:" + os.path.realpath(source.path)
    return "ref:" + (source.url or source.ref)


def _text_hash(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def run_extract(article_ref: str, *, fetcher: Fetcher | None = None) -> tuple[Article, list[Quote]]:
    """The article and its quotations; a URL is fetched with ``fetcher``."""
    from .extract import TooManyQuotations, extract_quotes

    article = load_article(article_ref, fetcher=fetcher)
    try:
        return article, extract_quotes(article)
    except TooManyQuotations as exc:
        raise InputError("article", article_ref, f"{exc}: not checked") from None


DEFAULT_LIBRARY_WINDOW = 30  # days either side of the article's date


def run_audit(
    article_ref: str,
    sources: Sequence[str] = (),
    *,
    follow_links: bool = True,
    library: str | Sequence[str] | None = None,
    library_window: int | None = DEFAULT_LIBRARY_WINDOW,
    speaker_sources: Mapping[str, Sequence[str]] | None = None,
    memo: dict[str, Source] | None = None,
    config_dir: Path | None = None,
    given_trusted: bool = True,
    trusted_speakers: Collection[str] | None = None,
    aliases: Mapping[str, str] | None = None,
    fetcher: Fetcher | None = None,
) -> Report:
    """``fetcher`` fetches every URL the audit needs (the article, its sources);
    without one, no URL is fetched: a URL article is an input error and a URL
    source a source error.

    ``memo``: sources already read in this run, by ref; filled as sources are
    read, so that ``check`` reads a source shared by many articles once.
    ``aliases``: transcript label -> person (``--speaker-alias``).

    ``library``: one or more library files, searched together for the quotes
    left without a source; ``library_window``: how many days from the
    article's date a library document may be (None: any date).

    What the article names (and, with ``given_trusted`` False or a speaker not
    in ``trusted_speakers``, what a configuration found in the repository
    names) is read only inside the article's repository: see ``_localfile``.
    ``config_dir`` is the configuration file's folder, one of the places the
    repository may end."""
    from .discover import Planned, plan_sources

    article, quotes = run_extract(article_ref, fetcher=fetcher)
    plan = _tidy_plan(
        plan_sources(
            article,
            quotes,
            sources,
            follow_links=follow_links,
            speaker_sources=speaker_sources,
            given_trusted=given_trusted,
            trusted_speakers=trusted_speakers,
        )
    )
    root = None if is_url(article_ref) else repository_root(article_ref, config_dir, Path.cwd())
    # A ref the user gave for one quote is theirs for every quote that names it.
    vouched = {p.ref for items in plan.values() for p in items if p.trusted}
    # Each ref once: an article's three quotes of one source are one path to
    # resolve, not three (``check`` of 1,000 articles resolved 15,000).
    refs = dict.fromkeys(p.ref for items in plan.values() for p in items)
    refused = {
        ref: why for ref in refs if ref not in vouched and (why := refusal(ref, root)) is not None
    }
    specs = [library] if isinstance(library, str) else list(library or ())
    if not specs:
        return judge_all(
            article, quotes, plan, memo=memo, refused=refused, aliases=aliases, fetcher=fetcher
        )
    from .library import LibraryError, LibrarySet
    from .library_people import Person

    for spec in specs:
        # A PostgreSQL library (postgresql://…) is checked when opened.
        if (
            not spec.lower().startswith(("postgresql://", "postgres://"))
            and not Path(spec).is_file()
        ):
            raise InputError("library", spec, "no such file")
    near = article.date
    window = library_window if near else None
    try:
        with LibrarySet.open(specs) as lib:
            # The library is the last resort: only quotes left with no source.
            from_library: set[str] = set()
            for quote in quotes:
                if quote.id in plan and not plan[quote.id]:
                    sp = quote.speaker
                    person = Person(sp.name, sp.title, sp.type) if sp else None
                    from_library.add(quote.id)
                    plan[quote.id] = [
                        Planned(f"{LIBRARY_PREFIX}{c.hash}", f"library ({cite(c)})")
                        for c in lib.candidates(quote.text, person, k=3, near=near, window=window)
                    ]
            report = judge_all(
                article,
                quotes,
                plan,
                library=lib,
                memo=memo,
                refused=refused,
                aliases=aliases,
                fetcher=fetcher,
            )
    except LibraryError as exc:
        raise InputError("library", exc.ref, exc.reason) from None
    return _library_outcomes(report, from_library, near, window)


def _tidy_plan(plan: dict[str, list[Planned]]) -> dict[str, list[Planned]]:
    """Local paths without "." and ".." steps, then each source once per quote.

    Front matter and links name sources relative to the article, so
    ``articles/../sources/x.md`` and ``sources/x.md`` (or ``./sources/x.md``)
    are one file: reports show the short path, list it once, and read it once.
    """
    out: dict[str, list[Planned]] = {}
    for qid, items in plan.items():
        seen: dict[str, Planned] = {}
        for p in items:
            ref = p.ref if is_url(p.ref) or p.ref == "-" else os.path.normpath(p.ref)
            seen.setdefault(ref, replace(p, ref=ref))
        out[qid] = list(seen.values())
    return out


def cite(c: object) -> str:
    """A library document as a reader finds it: title, date, URL (or ref)."""
    title = getattr(c, "title", None)
    day = getattr(c, "date", None)
    where = getattr(c, "url", None) or getattr(c, "ref", None) or getattr(c, "hash", "")
    # Titles carry the page's no-break spaces: one line, plain spaces.
    return ", ".join(" ".join(str(x).split()) for x in (title, day, where) if x)


def source_citation(source: Source) -> str:
    """How a report names a source: a library document by its title, date and
    URL (kept in ``via`` when it was planned), anything else by its ref."""
    if source.ref.startswith(LIBRARY_PREFIX) and source.via.startswith("library ("):
        return source.via[len("library (") : -1]
    return source.ref


def _library_outcomes(
    report: Report, from_library: set[str], near: str | None, window: int | None
) -> Report:
    """A library is never complete: a quote it holds no document for, or whose
    words its documents lack, is ``unverifiable`` with that reason, not
    ``not_found`` (which says the speaker's own source lacks the words)."""
    if not from_library:
        return report
    near_words = f"near {near} (± {plural(window, 'day')})" if near and window is not None else ""
    undated = (
        "the article has no date: library documents of any date were searched"
        if near is None
        else None
    )
    out = []
    for r in report.results:
        if r.quote.id not in from_library or r.verdict is None:
            out.append(r)
            continue
        sp = r.quote.speaker
        whose = f"of {possessive(sp.name)} words" if sp else ""
        miss = " ".join(x for x in ("no document", whose, near_words, "in the library") if x)
        if r.match is None and not r.source_scores and r.verdict == "unverifiable":
            # No candidate at all: say so in the library's terms.
            kept = [n for n in r.notes if not n.startswith("no source:")]
            r = replace(r, notes=(Note("library-miss", miss), *kept))
        elif r.verdict == "not_found":
            r = replace(
                r,
                verdict="unverifiable",
                match=None,
                diff=(),
                notes=(Note("library-miss", f"{miss} holds these words"), *r.notes),
            )
        if undated:
            r = replace(r, notes=(*r.notes, Note("library-undated", undated)))
        out.append(r)
    return replace(report, results=tuple(out))


def run_verify(
    quote_text: str,
    sources: Sequence[str],
    speaker: str | None = None,
    *,
    aliases: Mapping[str, str] | None = None,
    fetcher: Fetcher | None = None,
) -> Report:
    """Check one quotation given on the command line; URL sources are fetched
    with ``fetcher``."""
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
    from .discover import Planned

    plan = {"q1": [Planned(ref, "command line") for ref in sources]}
    return judge_all(article, [quote], plan, aliases=aliases, fetcher=fetcher)


LIBRARY_PREFIX = "library:"


def judge_all(
    article: Article,
    quotes: Sequence[Quote],
    plan: Mapping[str, Sequence[Planned]],
    library: LibrarySet | None = None,
    memo: dict[str, Source] | None = None,
    refused: Mapping[str, str] | None = None,
    aliases: Mapping[str, str] | None = None,
    fetcher: Fetcher | None = None,
) -> Report:
    """``refused``: refs that must not be read, with the reason (an error source);
    ``aliases``: transcript label -> person (``--speaker-alias``); ``fetcher``:
    what fetches URL sources (none: they are source errors)."""
    from ._language import detect, name
    from .align import prepare_source
    from .sources import load_sources
    from .verdict import judge

    # Every source once, in the order first planned; a failed one stays in the
    # list so that the report can say what failed and why.
    order: dict[str, Planned] = {}
    for items in plan.values():
        for p in items:
            order.setdefault(p.ref, p)
    known = memo if memo is not None else {}
    refused = refused or {}
    # A refused ref is never read (so no first line can become its title) and
    # never memoised: another article's trust in it is its own.
    by_ref = {
        r: Source(ref=r, status="error", path=None if is_url(r) else r, error=why)
        for r, why in refused.items()
        if r in order
    }
    wanted = [
        r for r in order if not r.startswith(LIBRARY_PREFIX) and r not in known and r not in by_ref
    ]
    by_ref.update({r: known[r] for r in order if r in known and r not in by_ref})
    readable = [r for r in wanted if not _unusable(r)]
    for s in [*_unusable_refs(wanted), *load_sources(readable, fetcher=fetcher)]:
        by_ref[s.ref] = s
        known[s.ref] = s
    for ref in order:
        if ref.startswith(LIBRARY_PREFIX):
            by_ref[ref] = _library_source(library, ref)
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
                if isinstance(known, SourceMemo):
                    prepared[i] = known.prepare(sources[i])
                else:
                    prepared[i] = prepare_source(sources[i])
        result = judge(quote, [prepared[i] for i in usable], aliases=aliases)
        results.append(_reindex(result, usable, sources))
    return Report(article=article, results=tuple(results), sources=tuple(sources))


def _unusable(ref: str) -> str | None:
    """Why ``ref`` cannot even be tried (a malformed URL, a name no file system
    takes), or None.  Articles name their sources, so these come from untrusted
    front matter and links and must be a source error, not an exception."""
    if "\0" in ref:
        return "not a usable name: it holds a NUL character"
    try:
        ref.encode("utf-8")
    except UnicodeEncodeError:
        return "not a usable name: it holds an unpaired surrogate"
    if is_url(ref):
        try:
            urlsplit(ref).port  # noqa: B018 - parsing the port is what raises
        except ValueError as exc:
            return f"malformed URL ({exc})"
    return None


def _unusable_refs(refs: Sequence[str]) -> list[Source]:
    out = []
    for ref in refs:
        why = _unusable(ref)
        if why is not None:
            out.append(Source(ref=ref, status="error", error=why))
    return out


def _library_source(library: LibrarySet | None, ref: str) -> Source:
    # "library:HASH" can be typed (--source, front matter) without a library, or
    # name a document the library does not hold: a source error, not a crash.
    if library is None:
        return Source(ref=ref, status="error", error="no source library given (--library FILE)")
    try:
        return replace(library.get_source(ref[len(LIBRARY_PREFIX) :]), ref=ref)
    except KeyError:
        return Source(ref=ref, status="error", error="no such document in the source library")


def _annotate(source: Source, planned: Planned) -> Source:
    from ._language import detect

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
