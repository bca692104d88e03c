"""Command line: parse arguments, call ``pipeline``, print, choose the exit code.

Heavy libraries (trafilatura, httpx, edlib) are imported by the stages that use
them, not here, so ``quoteverify --help`` stays fast.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from ._display import display_path, safe_line
from .config import MIN_LEVELS
from .errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, InputError, error_line, exit_code
from .grammar import plural
from .models import (
    CHECK_FORMATS,
    FAIL_ON_CHOICES,
    FAILING_ORDER,
    Article,
    CheckRun,
    FileCheck,
    Report,
    Source,
    fails,
)

if TYPE_CHECKING:
    from ._fetch import Fetcher, FetchOptions
    from .config import Settings


EPILOG = """\
exit codes:
  0  no quote has a verdict at or above --fail-on
  1  some quote does (default --fail-on diverged: diverged, stitched,
     misattributed and not_found fail; unverifiable only warns)
  2  usage error, or an article that cannot be read
  3  internal error (a bug: please report it)
"""


CHECK_EPILOG = """\
exit codes:
  0  no finding at or above --fail-on (or --exit-zero)
  1  some finding is (default --fail-on diverged; unverifiable quotes, such as
     sources that timed out or refused us, are warnings unless --fail-on
     unverifiable)
  2  usage or configuration error, or an article that could not be checked
     (unreadable, or a suppression comment without a reason)
  3  internal error (a bug: please report it); a file that hit one is an
     error row, and every other file is still checked and reported
"""


DEFAULT_LIBRARY = "quoteverify-library.sqlite"

BATCH_EPILOG = """\
exit codes:
  0  every article was audited or recorded as an error row (see "error")
  2  usage error, an unreadable input or manifest, or a scheduler or cache
     that does not answer (nothing is written then)
  3  internal error (a bug: please report it)
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="quoteverify",
        description="Check that the quotations in a news article are what was actually said.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"quoteverify {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)

    # Options that a configuration file may also set default to SUPPRESS, so that
    # the namespace holds only what the user typed and the file fills the rest.
    def parser(
        name: str, help: str, epilog: str | None = EPILOG, under: Any = sub
    ) -> argparse.ArgumentParser:
        sp = under.add_parser(
            name,
            help=help,
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
            argument_default=argparse.SUPPRESS,
        )
        sp.add_argument(
            "--config",
            metavar="FILE",
            default=None,
            help="configuration file (default: $QUOTEVERIFY_CONFIG, else the nearest "
            "quoteverify.toml, .quoteverify.toml or pyproject.toml [tool.quoteverify])",
        )
        return sp

    def add_output(sp: argparse.ArgumentParser, formats: Sequence[str], default: str) -> None:
        sp.add_argument("--format", choices=formats, help=f"default: {default}")
        sp.add_argument(
            "--output", "-o", metavar="FILE", default=None, help="write here, not stdout"
        )

    def add_fail_on(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--fail-on",
            choices=FAIL_ON_CHOICES,
            metavar="VERDICT",
            help="exit 1 when a quote has this verdict or a worse one "
            f"({' < '.join(FAILING_ORDER[1:])}; 'unverifiable' fails on everything "
            "not verified; 'none' never fails). Default: diverged",
        )

    def add_alias(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--speaker-alias",
            action="append",
            metavar="LABEL=NAME",
            help="map a transcript label to a person, e.g. 'THE PRESIDENT=Joe Biden' (repeatable)",
        )

    def add_sources(sp: argparse.ArgumentParser) -> None:
        add_alias(sp)
        sp.add_argument(
            "--source",
            "-s",
            action="append",
            metavar="SRC",
            help="a primary source: URL or file (repeatable)",
        )
        sp.add_argument(
            "--library",
            action="append",
            metavar="FILE|URL",
            help="a source library (see 'library add'; a file or postgresql:// URL) for "
            "quotes with no source; "
            "repeatable: every library given is searched",
        )
        sp.add_argument(
            "--library-window",
            type=int,
            metavar="DAYS",
            help="library documents must be dated within DAYS of the article's date "
            "(default 30; an article without a date is not windowed)",
        )
        sp.add_argument(
            "--no-links",
            action="store_true",
            help="do not look for sources among the article's links",
        )

    def add_fetch(sp: argparse.ArgumentParser) -> None:
        g = sp.add_argument_group("fetching")
        g.add_argument("--timeout", type=float, metavar="SECONDS", help="per request (default 20)")
        g.add_argument(
            "--deadline",
            type=float,
            metavar="SECONDS",
            help="in total per document, retries included (default 3 x --timeout)",
        )
        g.add_argument(
            "--run-deadline",
            type=float,
            metavar="SECONDS",
            help="in total for all the fetching of a run (default 600)",
        )
        g.add_argument(
            "--max-concurrency", type=int, metavar="N", help="requests at once in total (default 8)"
        )
        g.add_argument(
            "--per-host", type=int, metavar="N", help="requests at once to one host (default 2)"
        )
        g.add_argument(
            "--retries", type=int, metavar="N", help="retries of a failed request (default 3)"
        )
        g.add_argument(
            "--accept",
            metavar="CODES",
            help="HTTP statuses besides 2xx whose body is read as the document, e.g. 404",
        )
        g.add_argument(
            "--exclude-url",
            action="append",
            metavar="REGEX",
            help="never fetch URLs this regular expression matches (repeatable)",
        )
        g.add_argument("--user-agent", metavar="UA", help="User-Agent header to send")
        g.add_argument(
            "--allow-private",
            action="store_true",
            help="allow URLs on loopback, private and link-local addresses",
        )
        g.add_argument("--ignore-robots", action="store_true", help="do not obey robots.txt")
        g.add_argument(
            "--cache",
            metavar="FILE|URL",
            help="cache of fetched pages: a SQLite file or a postgresql:// URL (shared) "
            "(default: fetch.sqlite in the user cache folder, or $QUOTEVERIFY_CACHE_DIR)",
        )
        g.add_argument("--no-cache", action="store_true", help="use no cache: fetch again")
        g.add_argument("--offline", action="store_true", help="serve fetches from the cache only")
        g.add_argument("--refresh", action="store_true", help="refetch even fresh cached pages")
        g.add_argument(
            "--max-cache-age",
            type=float,
            metavar="SECONDS",
            help="use cached pages younger than this without asking the server",
        )
        g.add_argument(
            "--archive", metavar="FILE.warc.gz", help="record every response fetched as WARC"
        )
        g.add_argument(
            "--replay",
            metavar="FILE.warc.gz",
            help="serve every fetch from this WARC archive, no network",
        )
        g.add_argument(
            "--wayback", metavar="URL", help="for dead links, try this Wayback-compatible archive"
        )

    audit = parser("audit", "check every quotation of an article against sources")
    audit.add_argument(
        "article", metavar="ARTICLE", help="URL, .html/.md/.txt file, or - for stdin"
    )
    add_sources(audit)
    add_output(audit, ("markdown", "json", "html"), "markdown")
    add_fail_on(audit)
    audit.add_argument("--quiet", "-q", action="store_true", help="no summary or progress")
    add_fetch(audit)

    def add_check_options(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "paths",
            nargs="*",
            metavar="PATH|GLOB",
            default=[],
            help="article files, folders or globs (default: the configured include globs)",
        )
        sp.add_argument(
            "--changed-since",
            metavar="REF",
            default=None,
            help="check only the files changed since the merge base of REF and HEAD "
            "(REF...HEAD, as a pull request's diff), committed or not",
        )
        sp.add_argument(
            "--no-respect-gitignore",
            dest="respect_gitignore",
            action="store_const",
            const=False,
            default=None,
            help="also check files that .gitignore ignores",
        )
        add_sources(sp)
        add_fail_on(sp)
        sp.add_argument("--quiet", "-q", action="store_true", help="no summary or progress")
        sp.add_argument(
            "--verbose",
            "-v",
            action="store_true",
            help="a one-line summary of each file on stderr as it is checked",
        )
        sp.add_argument(
            "--jobs",
            "-j",
            type=_positive_int,
            default=1,
            metavar="N",
            help="check articles in N worker processes (default 1; the report is the same)",
        )
        add_fetch(sp)

    check = parser(
        "check",
        "check the articles of a repository, for CI",
        epilog=CHECK_EPILOG,
    )
    add_check_options(check)
    check.add_argument("--format", choices=CHECK_FORMATS, help="default: human on a terminal")
    check.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        default=None,
        help="write the --format report to FILE instead of standard output",
    )
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        default=None,
        help="check the article read from standard input as if it were the file NAME "
        "(an editor's unsaved buffer): sources, configuration and reports as for NAME",
    )
    check.add_argument(
        "--report",
        action="append",
        metavar="FMT=PATH",
        help="also write a report in this format to PATH (repeatable)",
    )
    check.add_argument(
        "--baseline", metavar="FILE", help="report only findings not in this baseline"
    )
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when findings fail the check"
    )
    check.add_argument(
        "--min-level",
        choices=MIN_LEVELS,
        default=None,
        help="hide findings below this level (default note: show all); the exit code is unchanged",
    )

    batch = parser(
        "batch",
        "audit many articles on a Dask cluster; JSON Lines or Parquet results",
        epilog=BATCH_EPILOG,
    )
    batch.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="folders, globs, article files or URLs, or a .jsonl manifest of "
        '{"article": PATH|URL, "sources": [...], "id": ...}',
    )
    batch.add_argument(
        "--output", "-o", required=True, metavar="FILE", help="results.jsonl or results.parquet"
    )
    batch.add_argument(
        "--workers", type=int, default=2, metavar="N", help="local worker processes (default 2)"
    )
    batch.add_argument(
        "--scheduler", default=None, metavar="ADDRESS", help="use this Dask cluster instead"
    )
    batch.add_argument(
        "--resume", action="store_true", default=False, help="skip the ids already in --output"
    )
    add_sources(batch)
    batch.add_argument("--quiet", "-q", action="store_true", help="no summary or progress")
    add_fetch(batch)

    baseline = sub.add_parser("baseline", help="record today's findings as known")
    bsub = baseline.add_subparsers(dest="baseline_command", metavar="ACTION", required=True)
    bwrite = parser("write", "check the articles and write their findings to FILE", None, bsub)
    bwrite.add_argument("baseline_file", metavar="FILE")
    add_check_options(bwrite)

    cache = sub.add_parser("cache", help="inspect or empty the fetch cache")
    csub_cache = cache.add_subparsers(dest="cache_command", metavar="ACTION", required=True)
    for action, what in (
        ("info", "where the cache is and what it holds"),
        ("prune", "remove entries older than --older-than DAYS"),
        ("clear", "remove every entry"),
    ):
        sp = parser(action, what, None, csub_cache)
        sp.add_argument(
            "--cache", metavar="FILE", help="the cache file (default: the user cache one)"
        )
        if action == "prune":
            sp.add_argument(
                "--older-than",
                type=float,
                default=30.0,
                metavar="DAYS",
                help="last confirmed by the server this many days ago or more (default 30)",
            )

    schema = parser(
        "schema",
        "print the JSON Schema (draft 2020-12) of the configuration file or the JSON report",
    )
    schema.add_argument("schema_name", choices=("config", "report"), metavar="config|report")

    config = sub.add_parser("config", help="show the effective configuration")
    csub = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    parser("show", "print every setting and where it came from", None, csub)

    library = sub.add_parser("library", help="manage a local library of primary sources")
    lsub = library.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    ladd = parser("add", "index files, folders or URLs into the library", None, lsub)
    ladd.add_argument("refs", nargs="+", metavar="PATH|URL")
    ladd.add_argument("--library", metavar="FILE|URL", help=f"default: {DEFAULT_LIBRARY}")
    add_fetch(ladd)

    def add_library_file(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--library",
            action="append",
            metavar="FILE|URL",
            help=f"repeatable (default: the configured libraries, else {DEFAULT_LIBRARY})",
        )

    llist = parser("list", "list the documents: date, speakers, title, ref", None, lsub)
    add_library_file(llist)
    llist.add_argument("--speaker", metavar="NAME", default=None, help="only documents of NAME")
    lsearch = parser("search", "the documents most likely to hold a quotation", None, lsub)
    lsearch.add_argument("quote", metavar="QUOTE")
    add_library_file(lsearch)
    lsearch.add_argument("--speaker", metavar="NAME", default=None, help="who said it")
    lsearch.add_argument("--date", metavar="YYYY-MM-DD", default=None, help="around this date")
    lsearch.add_argument("--library-window", type=int, metavar="DAYS")
    lsearch.add_argument("-k", type=int, default=3, metavar="N", help="how many (default 3)")
    linfo = parser("info", "what a library (or one document of it) holds", None, lsub)
    linfo.add_argument("document", nargs="?", default=None, metavar="REF|HASH")
    add_library_file(linfo)
    lremove = parser("remove", "forget documents by ref or hash (prefix)", None, lsub)
    lremove.add_argument("documents", nargs="+", metavar="REF|HASH")
    lremove.add_argument("--library", metavar="FILE|URL", help=f"default: {DEFAULT_LIBRARY}")

    extract = parser("extract", "list the quotations of an article and their speakers", None)
    extract.add_argument("article", metavar="ARTICLE")
    add_output(extract, ("json", "markdown"), "json")
    extract.add_argument(
        "--explain",
        action="store_true",
        help="print per quotation the extraction rules that fired, instead of the report",
    )
    add_fetch(extract)

    verify = parser("verify", "check one quotation against sources")
    verify.add_argument("quote", metavar="QUOTE")
    verify.add_argument(
        "--source", "-s", action="append", required=True, metavar="SRC", default=None
    )
    verify.add_argument(
        "--speaker", metavar="NAME", default=None, help="who the quote is attributed to"
    )
    add_alias(verify)
    add_output(verify, ("markdown", "json", "html"), "markdown")
    add_fail_on(verify)
    verify.add_argument("--quiet", "-q", action="store_true")
    add_fetch(verify)

    serve = parser("serve", "a local web app: paste an article, read its HTML report", None)
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine)"
    )
    serve.add_argument("--port", type=int, default=8000, help="default: 8000")
    serve.add_argument(
        "--library",
        dest="libraries",
        action="append",
        default=[],
        metavar="FILE",
        help="a source library users may pick (repeatable)",
    )
    add_fetch(serve)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - the promise: no traceback
        print(error_line(exc), file=sys.stderr)
        return exit_code(exc)


def _settings(args: argparse.Namespace) -> Settings:
    """The configuration file's values under the flags the user typed."""
    from .config import KEYS, resolve

    given = vars(args)
    cli = {key: given[key.replace("-", "_")] for key in KEYS if key.replace("-", "_") in given}
    return resolve(cli, explicit=getattr(args, "config", None), env=os.environ, cwd=Path.cwd())


def _build_fetcher(st: Settings, quiet: bool = True) -> Fetcher:
    """The one Fetcher of this run, from the settings; every command that
    fetches is handed it."""
    from ._cache import CacheError
    from ._fetch import Fetcher

    options = _fetch_options(st, quiet)
    fetcher = Fetcher(options)
    if options.cache_path is not None and options.replay_path is None:
        # Open the cache now: a corrupt one is rebuilt with a warning (or, offline,
        # is an error) before any source depends on it.
        try:
            cache = fetcher.cache
        except CacheError as exc:
            raise InputError("cache", str(options.cache_path), str(exc)) from None
        if cache is not None and cache.rebuilt:
            print(f"quoteverify: warning: {cache.rebuilt}", file=sys.stderr)
    return fetcher


def _fetch_options(st: Settings, quiet: bool) -> FetchOptions:
    """The settings' fetch keys as ``FetchOptions``; a bad value is an ``InputError``."""
    from ._fetch import USER_AGENT, FetchOptions

    def path(key: str) -> Path | None:
        value = st.get(key)
        return Path(value) if value else None

    if st.get("offline") and st.get("no-cache") and not st.get("replay"):
        raise InputError("option", "--offline", "serves from the cache: not with --no-cache")
    for key in ("cache", "archive", "replay"):
        if "\0" in str(st.get(key) or ""):
            raise InputError("option", f"--{key}", "the file name holds a NUL character")
    agent = st.get("user-agent")
    if agent and not (agent.isascii() and agent.isprintable()):
        # HTTP header values are ASCII; httpx would fail on the first request.
        raise InputError("option", "--user-agent", "must be printable ASCII")
    replay = st.get("replay")
    if replay and not Path(replay).is_file():
        raise InputError("archive", str(replay), "no such file")
    cache_path = _cache_path(st)
    for pattern in st.get("exclude-url") or ():
        try:
            re.compile(pattern)
        except re.error as exc:
            raise InputError("exclude-url", pattern, f"not a regular expression ({exc})") from None
    return FetchOptions(
        timeout=st.get("timeout"),
        # A document may take a few slow requests (redirects, robots.txt,
        # a retry), not a drip-fed eternity.
        deadline=st.get("deadline") or 3 * st.get("timeout"),
        run_deadline=st.get("run-deadline"),
        user_agent=st.get("user-agent") or USER_AGENT,
        allow_private=st.get("allow-private"),
        ignore_robots=st.get("ignore-robots"),
        cache_path=cache_path,
        retries=st.get("retries"),
        exclude_urls=tuple(st.get("exclude-url") or ()),
        host_headers=tuple(sorted((st.get("headers") or {}).items())),
        accept=frozenset(st.get("accept") or ()),
        offline=st.get("offline"),
        refresh=st.get("refresh"),
        max_cache_age=st.get("max-cache-age"),
        archive_path=path("archive"),
        replay_path=path("replay"),
        wayback_url=st.get("wayback"),
        progress=not quiet,
        max_concurrency=st.get("max-concurrency"),
        per_host=st.get("per-host"),
    )


def _cache_path(st: Settings) -> Path | str | None:
    """The cache file: ``--cache FILE``, else the default one in the user cache
    folder (so a second audit of an article revalidates instead of downloading
    every source again); none with ``--no-cache`` or ``--replay`` (the archive
    is the only source of bytes then).  A ``postgresql://`` URL stays a string
    (Path would fold its "//") and the database is tried now, so that a wrong
    one is one error, not one per source."""
    from ._cache import PG_SCHEMES, default_cache_path

    if st.get("no-cache") or st.get("replay"):
        return None
    named = st.get("cache")
    if named and named.lower().startswith(PG_SCHEMES):
        from ._cache_pg import check_usable

        return check_usable(named)
    return Path(named) if named else default_cache_path()


def _cache_command(args: argparse.Namespace, st: Settings) -> int:
    """``cache info|prune|clear``: what the fetch cache holds, and emptying it."""
    from ._cache import Cache, CacheError

    target = _cache_path(st)
    if target is None:
        raise InputError("option", "--no-cache", "names no cache to manage")
    if isinstance(target, str):
        raise InputError(
            "cache", target, "a shared PostgreSQL cache is managed in SQL (see docs/SCALING.md)"
        )
    shown = display_path(str(target))
    if not target.exists():
        if args.cache_command == "info":
            print(f"cache: {shown}\nentries: 0 (not created yet)")
            return EXIT_OK
        print(f"quoteverify: {shown}: no cache here, nothing to remove", file=sys.stderr)
        return EXIT_OK
    try:
        cache = Cache(target, rebuild=False)
        try:
            if args.cache_command == "info":
                n, size, oldest, newest = cache.stats()
                lines = [f"cache: {shown}", f"entries: {n}", f"bytes: {size}"]
                if oldest is not None and newest is not None:
                    lines.append(f"oldest: {_utc(oldest)}")
                    lines.append(f"newest: {_utc(newest)}")
                print("\n".join(lines))
                return EXIT_OK
            if args.cache_command == "prune":
                gone = cache.prune(args.older_than * 86400)
                what = f"older than {args.older_than:g} days"
            else:
                gone = cache.clear()
                what = "all"
        finally:
            cache.close()
    except CacheError as exc:
        raise InputError("cache", str(target), str(exc)) from None
    print(
        f"quoteverify: {shown}: removed {plural(gone, 'entry', 'entries')} ({what})",
        file=sys.stderr,
    )
    return EXIT_OK


def _utc(epoch: float) -> str:
    import datetime

    return datetime.datetime.fromtimestamp(epoch, datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _run(args: argparse.Namespace) -> int:
    if args.command == "schema":
        # Before the configuration is read: the schema is how to fix a broken one.
        from .schema import render

        sys.stdout.write(render(args.schema_name))
        return EXIT_OK
    st = _settings(args)
    for line in st.ignored:
        print(f"quoteverify: warning: {line}", file=sys.stderr)
    if args.command == "cache":
        return _cache_command(args, st)
    if args.command == "config":
        from .config import show

        sys.stdout.write(show(st))
        return EXIT_OK
    # ``check`` draws its own bar over the files; a second live bar (fetching)
    # cannot share the terminal with it.
    quiet_fetch = args.command in ("extract", "library", "check", "baseline", "serve")
    with _build_fetcher(st, quiet=st.get("quiet") or quiet_fetch) as fetcher:
        return _run_command(args, st, fetcher)


def _run_command(args: argparse.Namespace, st: Settings, fetcher: Fetcher) -> int:
    from . import pipeline, report

    if args.command == "serve":
        return _serve(args, st, fetcher)
    if args.command == "library":
        return _library(args, st, fetcher)
    if args.command != "extract":
        _require_local_sources(st)
    if args.command in ("check", "baseline"):
        return _check(args, st, fetcher)
    if args.command == "batch":
        return _batch(args, st, fetcher)

    if args.command == "extract" and getattr(args, "explain", False):
        _emit(_explain_text(args.article, fetcher), args.output)
        return EXIT_OK
    if args.command == "extract":
        article, quotes = pipeline.run_extract(args.article, fetcher=fetcher)
        _warn(article)
        fmt = _format(args, ("json", "markdown"), "json")
        if fmt == "json":
            text = report.extraction_json(article, quotes)
        else:
            text = report.extraction_markdown(article.title or article.origin, quotes)
        _emit(text, args.output)
        return EXIT_OK
    if args.command == "audit":
        rep = _audit(st, args.article, fetcher)
        _warn(rep.article)
    else:
        rep = pipeline.run_verify(
            args.quote,
            args.source,
            args.speaker,
            aliases=_aliases(st.get("speaker-alias")),
            fetcher=fetcher,
        )
    fmt = _format(args, ("markdown", "json", "html"), "markdown")
    renderers = {"json": report.report_json, "html": report.report_html}
    text = renderers.get(fmt, report.report_markdown)(rep)
    _emit(text, args.output)
    if not st.get("quiet"):
        _summary(rep, args.output)
    return EXIT_FINDINGS if failing(rep, st.get("fail-on")) else EXIT_OK


def _require_local_sources(st: Settings) -> None:
    """A mistyped local ``--source`` or ``[speakers]`` path is the user's error, not
    a warning to scroll past in CI; a failing URL stays a warning (the network
    is not their fault)."""
    from ._fetch import is_url

    named = [("source", ref) for ref in st.get("source") or ()]
    for who, refs in (st.get("speakers") or {}).items():
        named += [(f"speaker '{who}'", ref) for ref in refs]
    for what, ref in named:
        # "library:HASH" names a library document, not a file: the pipeline
        # reports it as a source error when no library holds it.
        if not is_url(ref) and not ref.startswith("library:") and not os.path.exists(ref):
            raise InputError(what, ref, "no such file")


def _positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {n}")
    return n


def _audit(
    st: Settings, article: str, fetcher: Fetcher, memo: dict[str, Source] | None = None
) -> Report:
    """``audit`` of one article with the configured sources and library."""
    from . import pipeline

    # A configuration found in the repository is as untrusted as its articles
    # (in CI both come from the pull request); one the user named is theirs.
    repo_config = st.found_by == "search"
    speakers = st.values["speakers"]
    return pipeline.run_audit(
        article,
        st.get("source"),
        follow_links=not st.get("no-links"),
        library=st.get("library"),
        library_window=st.get("library-window"),
        speaker_sources=st.get("speakers"),
        memo=memo,
        config_dir=st.path.parent if st.path is not None else None,
        given_trusted=not repo_config or st.origin("source") == "command line",
        trusted_speakers=None
        if not repo_config
        else {n for n, o in speakers.entry_origins.items() if o == "command line"},
        aliases=_aliases(st.get("speaker-alias")),
        fetcher=fetcher,
    )


def _warn(article: Article) -> None:
    # Even with --quiet: a repaired article may have lost a quotation.
    for w in article.warnings:
        print(
            f"quoteverify: warning: article '{safe_line(article.origin)}': {safe_line(w)}",
            file=sys.stderr,
        )


def _aliases(items: Sequence[str] | None) -> dict[str, str]:
    """``--speaker-alias`` items as {LABEL: NAME}; a malformed one is a usage error."""
    from .verdict._speakers import parse_aliases

    try:
        return parse_aliases(items or ())
    except ValueError as exc:
        raise InputError("option", "--speaker-alias", str(exc)) from None


def _format(args: argparse.Namespace, allowed: Sequence[str], default: str) -> str:
    # The configuration's "format" is for ``check``; a single-article command
    # takes it only when it is one of its own formats.
    fmt = getattr(args, "format", None)
    return fmt if fmt in allowed else default


def _check(args: argparse.Namespace, st: Settings, fetcher: Fetcher) -> int:
    from . import check
    from ._localfile import folder_root

    cwd = Path.cwd()
    output = getattr(args, "output", None)
    outputs = _report_targets(st.get("report") or [], output)
    stdin_name = getattr(args, "stdin_filename", None)
    if stdin_name is not None:
        if args.paths or args.changed_since:
            raise InputError(
                "option",
                "--stdin-filename",
                "checks the one article on standard input: give no paths or --changed-since",
            )
        with _stdin_article(stdin_name, cwd) as (shown, actual):
            return _check_files(args, st, fetcher, [shown], {shown: actual}, output, outputs)
    files = check.collect_files(
        args.paths,
        include=st.get("include"),
        exclude=st.get("exclude"),
        cwd=cwd,
        # Globs in a configuration file are relative to its folder.
        root=st.path.parent if st.path is not None else None,
        contain=folder_root(cwd, st.path.parent if st.path is not None else None),
        gitignore=st.get("respect-gitignore"),
    )
    if args.changed_since:
        changed = check.changed_files(args.changed_since, cwd)
        files = [f for f in files if f in changed]
    return _check_files(args, st, fetcher, files, {}, output, outputs)


@contextlib.contextmanager
def _stdin_article(name: str, cwd: Path) -> Iterator[tuple[str, str]]:
    """Standard input as a file beside ``name``: (the path to report, the path
    to read).

    Beside it, so that everything relative to the article (sources named in its
    front matter, the repository it belongs to, its suffix's format) is as for
    ``name``; hidden and removed at once.  Where ``name``'s folder does not exist
    yet (a new buffer), the temporary folder.
    """
    import tempfile

    from .article import MAX_ARTICLE_BYTES

    data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError("article", name, f"larger than {MAX_ARTICLE_BYTES} bytes")
    target = Path(name) if Path(name).is_absolute() else cwd / name
    folder = target.parent if target.parent.is_dir() else Path(tempfile.gettempdir())
    fd, tmp = tempfile.mkstemp(prefix=".quoteverify-stdin-", suffix=target.suffix, dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        shown = os.path.relpath(target, cwd) if target.is_relative_to(cwd) else str(target)
        actual = os.path.relpath(tmp, cwd) if Path(tmp).is_relative_to(cwd) else tmp
        yield Path(shown).as_posix(), actual
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _check_files(
    args: argparse.Namespace,
    st: Settings,
    fetcher: Fetcher,
    files: list[str],
    read_as: dict[str, str],
    output: str | None,
    outputs: list[tuple[str, str]],
) -> int:
    from . import check
    from .report import render_check

    cwd = Path.cwd()
    fail_on = st.get("fail-on")

    from ._progress import FetchProgress
    from .pipeline import SourceMemo

    # Sources read and prepared once per run (per worker with --jobs).
    memo = SourceMemo()
    verbose = bool(getattr(args, "verbose", False))
    bar = FetchProgress(len(files), enabled=not st.get("quiet"), description="checking articles")

    def on_file(fc: FileCheck) -> None:
        if verbose:
            # Printed through rich while the bar is live, so lines land above it.
            print(f"quoteverify: {check.file_summary(fc)}", file=sys.stderr)
        bar.advance(ok=fc.error is None)

    with bar:
        run = check.run_check(
            files,
            cwd,
            lambda path: _audit(st, path, fetcher, memo),
            fail_on,
            on_file=on_file,
            read_as=read_as,
            jobs=getattr(args, "jobs", 1),
        )
    if args.command == "baseline":
        n = check.write_baseline(run, Path(args.baseline_file))
        print(
            f"quoteverify: {args.baseline_file}: {plural(n, 'finding')} recorded from "
            f"{plural(len(files), 'file')}",
            file=sys.stderr,
        )
        return EXIT_USAGE if any(fc.error for fc in run.files) else EXIT_OK
    if st.get("baseline"):
        entries = check.read_baseline_entries(Path(st.get("baseline")))
        stale = check.stale_baseline(run, entries, cwd)
        run = check.apply_baseline(run, Counter((fp, v) for fp, v, _ in entries))
        if stale:
            _warn_stale(st.get("baseline"), stale)

    # Hidden findings still count for the exit code (Vale's MinAlertLevel): the
    # exit rule is --fail-on's, and an error is never below any level.
    full_run = run
    run = check.hide_below(run, st.get("min-level"))
    fmt = st.get("format") or ("human" if sys.stdout.isatty() else "concise")
    color = (
        fmt == "human" and output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    )
    for out_fmt, out_path in [(fmt, output), *outputs]:
        if out_fmt == "html":  # one page for people, not a CI format: not in render_check
            from .report import check_html

            _emit(check_html(run), out_path)
        else:
            _emit(render_check(run, out_fmt, color=color and out_path is None), out_path)
    if "github" in (fmt, *(f for f, _ in outputs)):
        _step_summary(run)
    if not st.get("quiet") and fmt != "human":  # human output ends with its own summary
        _check_summary(run, len(files))
    return check.exit_code(full_run, exit_zero=st.get("exit-zero"))


def _warn_stale(baseline: str, stale: Sequence[tuple[str, str]]) -> None:
    # Like an unused suppression: an entry nothing matches would hide the same
    # mistake if it came back, so say which, and how to drop them.
    shown = ", ".join(f"{display_path(p)} ({safe_line(v)})" for p, v in stale[:5])
    more = f", and {len(stale) - 5} more" if len(stale) > 5 else ""
    print(
        f"quoteverify: warning: baseline {display_path(baseline)}: "
        f"{plural(len(stale), 'entry', 'entries')} no finding matches any more: {shown}{more}; "
        "write it again with 'quoteverify baseline write'",
        file=sys.stderr,
    )


def _serve(args: argparse.Namespace, st: Settings, fetcher: Fetcher) -> int:
    from .serve import missing_dependency, serve

    missing = missing_dependency()
    if missing:
        raise InputError("command", "serve", f"needs {missing}: pip install 'quoteverify[serve]'")
    # The configuration's `library` is a list of paths (several are searched together).
    libraries = list(args.libraries) + list(st.get("library") or ())
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"quoteverify: warning: serving on {args.host}: anyone who reaches it can make "
            "this machine fetch URLs",
            file=sys.stderr,
        )
    serve(
        args.host,
        args.port,
        fetcher=fetcher,
        libraries=libraries,
        follow_links=not st.get("no-links"),
        speaker_sources=st.get("speakers"),
    )
    return EXIT_OK


def _batch(args: argparse.Namespace, st: Settings, fetcher: Fetcher) -> int:
    from . import batch

    job = batch.Job(
        fetch=fetcher.options,  # workers build their own Fetcher from these
        sources=tuple(st.get("source") or ()),
        follow_links=not st.get("no-links"),
        library=st.get("library"),
        speaker_sources=st.get("speakers"),
    )
    batch.main(
        args.inputs,
        Path(args.output),
        job,
        cwd=Path.cwd(),
        include=st.get("include"),
        exclude=st.get("exclude"),
        workers=args.workers,
        scheduler=args.scheduler,
        resume=args.resume,
        quiet=st.get("quiet"),
    )
    return EXIT_OK


def _report_targets(items: Sequence[str], output: str | None = None) -> list[tuple[str, str]]:
    # Each item was validated as FORMAT=PATH by the configuration (whether typed
    # or from the file); what is left is two reports writing one file.
    out = []
    seen: set[Path] = {Path(output).resolve()} if output else set()
    for item in items:
        fmt, _, path = item.partition("=")
        target = Path(path).resolve()
        if target in seen:
            raise InputError(
                "option", f"--report {item}", "writes the same file as another --report"
            )
        seen.add(target)
        out.append((fmt, path))
    return out


def _step_summary(run: CheckRun) -> None:
    from .report import github_step_summary

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(github_step_summary(run))
    except OSError as exc:
        raise InputError("$GITHUB_STEP_SUMMARY", target, exc.strerror or str(exc)) from None


def _check_summary(run: CheckRun, n_files: int) -> None:
    from .report._checkutil import counts

    c = counts(run)
    extra = [f"{c.suppressed} suppressed"] if c.suppressed else []
    extra += [f"{c.baselined} in the baseline"] if c.baselined else []
    extra += [f"{plural(c.file_errors, 'file')} could not be checked"] if c.file_errors else []
    tail = f" ({', '.join(extra)})" if extra else ""
    print(
        f"quoteverify: {plural(n_files, 'file')}: {plural(c.errors, 'error')}, "
        f"{plural(c.warnings, 'warning')}, {plural(c.notes, 'note')}{tail}",
        file=sys.stderr,
    )


def _library(args: argparse.Namespace, st: Settings, fetcher: Fetcher) -> int:
    from . import library_cli

    configured = list(st.get("library") or ())
    if args.library_command in ("add", "remove"):
        # One library is written: the one named, else the first configured.
        where = configured[0] if configured else DEFAULT_LIBRARY
        if args.library_command == "add":
            return library_cli.add(where, args.refs, fetcher)
        return library_cli.remove(where, args.documents)
    specs = configured or [DEFAULT_LIBRARY]
    if args.library_command == "list":
        return library_cli.list_documents(specs, args.speaker)
    if args.library_command == "info":
        return library_cli.info(specs, args.document)
    return library_cli.search(
        specs, args.quote, args.speaker, args.date, st.get("library-window"), args.k
    )


def failing(rep: Report, fail_on: str) -> list[str]:
    """Ids of the quotes whose verdict is at or above ``fail_on``."""

    return [r.quote.id for r in rep.results if r.verdict is not None and fails(r.verdict, fail_on)]


def _emit(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        # CI jobs name report files under folders that do not exist yet
        # ("reports/quoteverify.sarif"): create them, as test runners do.
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError("output", output, exc.strerror or str(exc)) from None


def _summary(rep: Report, output: str | None) -> None:
    counts = ", ".join(f"{v} {k}" for k, v in rep.summary.items() if v)
    where = f"; report written to {output}" if output else ""
    n = plural(len(rep.results), "quotation")
    print(f"quoteverify: {n}: {counts or 'none'}{where}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def _explain_text(article_ref: str, fetcher: Fetcher) -> str:
    """One line per quotation: id, kind, speaker, the rules that fired (the
    attribution rule, then the kind rule) and the quotation's opening words."""
    from .article import load_article
    from .extract import explain

    lines = []
    for e in explain(load_article(article_ref, fetcher=fetcher)):
        q = e.quote
        who = q.speaker.name if q.speaker else "—"
        words = " ".join(q.text.split()[:8])
        lines.append(f"{q.id}\t{q.kind}\t{who}\t{' > '.join(e.fired)}\t“{words}”")
    return "\n".join(lines) + "\n"
