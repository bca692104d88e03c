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
from typing import TYPE_CHECKING

from . import __version__
from ._display import display_path, safe_line
from .errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, InputError, error_line, exit_code
from .grammar import plural
from .models import (
    CHECK_FORMATS,
    FAIL_ON_CHOICES,
    FAILING_ORDER,
    FINDING_LEVELS,
    Article,
    CheckRun,
    FailOn,
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


# What ``--help`` says of each command, in the order it lists them.
_HELP = {
    "audit": "check every quotation of an article against sources",
    "check": "check the articles of a repository, for CI",
    "batch": "audit many articles on a Dask cluster; JSON Lines or Parquet results",
    "baseline": "record today's findings as known",
    "cache": "inspect or empty the fetch cache",
    "schema": "print the JSON Schema (draft 2020-12) of the configuration file or the JSON report",
    "config": "show the effective configuration",
    "library": "manage a local library of primary sources",
    "extract": "list the quotations of an article and their speakers",
    "verify": "check one quotation against sources",
    "serve": "a local web app: paste an article, read its HTML report",
}


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only`` (the command being run), the
    other commands are listed (for ``--help`` and the "invalid choice" error)
    without their options: building all of them was ~10 ms of every run's start."""
    p = argparse.ArgumentParser(
        prog="quoteverify",
        description="Check that the quotations in a news article are what was actually said.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"quoteverify {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, what in _HELP.items():
        if only is None or name == only:
            _BUILDERS[name](sub)
        else:
            sub.add_parser(name, help=what)
    return p


# --- one builder per subcommand ----------------------------------------------------

_Subparsers = argparse._SubParsersAction  # argparse exports no public name for it


def _add_audit(sub: _Subparsers) -> None:
    audit = _subcommand(sub, "audit", _HELP["audit"], epilog=EPILOG)
    audit.add_argument(
        "article", metavar="ARTICLE", help="URL, .html/.md/.txt file, or - for stdin"
    )
    _add_sources(audit)
    _add_output(audit, ("markdown", "json", "html"), "markdown")
    _add_fail_on(audit)
    audit.add_argument("--quiet", "-q", action="store_true", help="no summary or progress")
    _add_fetch(audit)


def _add_check(sub: _Subparsers) -> None:
    check = _subcommand(sub, "check", _HELP["check"], epilog=CHECK_EPILOG)
    _add_check_options(check)
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
        choices=FINDING_LEVELS,
        default=None,
        help="hide findings below this level (default note: show all); the exit code is unchanged",
    )


def _add_batch(sub: _Subparsers) -> None:
    batch = _subcommand(sub, "batch", _HELP["batch"], epilog=BATCH_EPILOG)
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
    _add_sources(batch)
    batch.add_argument("--quiet", "-q", action="store_true", help="no summary or progress")
    _add_fetch(batch)


def _add_baseline(sub: _Subparsers) -> None:
    baseline = sub.add_parser("baseline", help=_HELP["baseline"])
    actions = baseline.add_subparsers(dest="baseline_command", metavar="ACTION", required=True)
    write = _subcommand(actions, "write", "check the articles and write their findings to FILE")
    write.add_argument("baseline_file", metavar="FILE")
    _add_check_options(write)


def _add_cache(sub: _Subparsers) -> None:
    cache = sub.add_parser("cache", help=_HELP["cache"])
    actions = cache.add_subparsers(dest="cache_command", metavar="ACTION", required=True)
    for action, what in (
        ("info", "where the cache is and what it holds"),
        ("prune", "remove entries older than --older-than DAYS"),
        ("clear", "remove every entry"),
    ):
        sp = _subcommand(actions, action, what)
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


def _add_schema(sub: _Subparsers) -> None:
    schema = _subcommand(sub, "schema", _HELP["schema"], epilog=EPILOG)
    schema.add_argument("schema_name", choices=("config", "report"), metavar="config|report")


def _add_config(sub: _Subparsers) -> None:
    config = sub.add_parser("config", help=_HELP["config"])
    actions = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    _subcommand(actions, "show", "print every setting and where it came from")


def _add_library(sub: _Subparsers) -> None:
    library = sub.add_parser("library", help=_HELP["library"])
    actions = library.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    add = _subcommand(actions, "add", "index files, folders or URLs into the library")
    add.add_argument("refs", nargs="+", metavar="PATH|URL")
    add.add_argument("--library", metavar="FILE|URL", help=f"default: {DEFAULT_LIBRARY}")
    _add_fetch(add)

    listing = _subcommand(actions, "list", "list the documents: date, speakers, title, ref")
    _add_libraries(listing)
    listing.add_argument("--speaker", metavar="NAME", default=None, help="only documents of NAME")
    search = _subcommand(actions, "search", "the documents most likely to hold a quotation")
    search.add_argument("quote", metavar="QUOTE")
    _add_libraries(search)
    search.add_argument("--speaker", metavar="NAME", default=None, help="who said it")
    search.add_argument("--date", metavar="YYYY-MM-DD", default=None, help="around this date")
    search.add_argument("--library-window", type=int, metavar="DAYS")
    search.add_argument("-k", type=int, default=3, metavar="N", help="how many (default 3)")
    info = _subcommand(actions, "info", "what a library (or one document of it) holds")
    info.add_argument("document", nargs="?", default=None, metavar="REF|HASH")
    _add_libraries(info)
    remove = _subcommand(actions, "remove", "forget documents by ref or hash (prefix)")
    remove.add_argument("documents", nargs="+", metavar="REF|HASH")
    remove.add_argument("--library", metavar="FILE|URL", help=f"default: {DEFAULT_LIBRARY}")


def _add_extract(sub: _Subparsers) -> None:
    extract = _subcommand(sub, "extract", _HELP["extract"])
    extract.add_argument("article", metavar="ARTICLE")
    _add_output(extract, ("json", "markdown"), "json")
    extract.add_argument(
        "--explain",
        action="store_true",
        help="print per quotation the extraction rules that fired, instead of the report",
    )
    _add_fetch(extract)


def _add_verify(sub: _Subparsers) -> None:
    verify = _subcommand(sub, "verify", _HELP["verify"], epilog=EPILOG)
    verify.add_argument("quote", metavar="QUOTE")
    verify.add_argument(
        "--source", "-s", action="append", required=True, metavar="SRC", default=None
    )
    verify.add_argument(
        "--speaker", metavar="NAME", default=None, help="who the quote is attributed to"
    )
    _add_alias(verify)
    _add_output(verify, ("markdown", "json", "html"), "markdown")
    _add_fail_on(verify)
    verify.add_argument("--quiet", "-q", action="store_true")
    _add_fetch(verify)


def _add_serve(sub: _Subparsers) -> None:
    serve = _subcommand(sub, "serve", _HELP["serve"])
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
    _add_fetch(serve)


_BUILDERS = {
    "audit": _add_audit,
    "check": _add_check,
    "batch": _add_batch,
    "baseline": _add_baseline,
    "cache": _add_cache,
    "schema": _add_schema,
    "config": _add_config,
    "library": _add_library,
    "extract": _add_extract,
    "verify": _add_verify,
    "serve": _add_serve,
}


# --- options several subcommands share ---------------------------------------------


def _subcommand(
    under: _Subparsers, name: str, help: str, epilog: str | None = None
) -> argparse.ArgumentParser:
    """A subcommand parser that takes ``--config``.

    Options that a configuration file may also set default to SUPPRESS, so
    that the namespace holds only what the user typed and the file fills the
    rest.
    """
    sp: argparse.ArgumentParser = under.add_parser(
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


def _add_output(sp: argparse.ArgumentParser, formats: Sequence[str], default: str) -> None:
    sp.add_argument("--format", choices=formats, help=f"default: {default}")
    sp.add_argument("--output", "-o", metavar="FILE", default=None, help="write here, not stdout")


def _add_fail_on(sp: argparse.ArgumentParser) -> None:
    sp.add_argument(
        "--fail-on",
        choices=FAIL_ON_CHOICES,
        metavar="VERDICT",
        help="exit 1 when a quote has this verdict or a worse one "
        f"({' < '.join(FAILING_ORDER[1:])}; 'unverifiable' fails on everything "
        "not verified; 'none' never fails). Default: diverged",
    )


def _add_alias(sp: argparse.ArgumentParser) -> None:
    sp.add_argument(
        "--speaker-alias",
        action="append",
        metavar="LABEL=NAME",
        help="map a transcript label to a person, e.g. 'THE PRESIDENT=Joe Biden' (repeatable)",
    )


def _add_sources(sp: argparse.ArgumentParser) -> None:
    _add_alias(sp)
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


def _add_fetch(sp: argparse.ArgumentParser) -> None:
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


def _add_check_options(sp: argparse.ArgumentParser) -> None:
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
    _add_sources(sp)
    _add_fail_on(sp)
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
    _add_fetch(sp)


def _add_libraries(sp: argparse.ArgumentParser) -> None:
    sp.add_argument(
        "--library",
        action="append",
        metavar="FILE|URL",
        help=f"repeatable (default: the configured libraries, else {DEFAULT_LIBRARY})",
    )


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    # The top level takes no option with a value: a first word that names a
    # command is the command argparse will choose.
    only = words[0] if words and words[0] in _HELP else None
    args = _parser(only).parse_args(words)
    try:
        return _run(args)
    except (Exception, KeyboardInterrupt) as exc:  # noqa: BLE001 - the promise: no traceback
        print(error_line(exc), file=sys.stderr)
        return exit_code(exc)


def _settings(args: argparse.Namespace) -> Settings:
    """The configuration file's values under the flags the user typed."""
    from .config import KEYS, attribute, resolve

    given = vars(args)
    # An option's argparse dest is its key's Settings attribute.
    cli = {key: given[attribute(key)] for key in KEYS if attribute(key) in given}
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

    def path(value: str | None) -> Path | None:
        return Path(value) if value else None

    if st.offline and st.no_cache and not st.replay:
        raise InputError("option", "--offline", "serves from the cache: not with --no-cache")
    for key, value in (("cache", st.cache), ("archive", st.archive), ("replay", st.replay)):
        if "\0" in str(value or ""):
            raise InputError("option", f"--{key}", "the file name holds a NUL character")
    agent = st.user_agent
    if agent and not (agent.isascii() and agent.isprintable()):
        # HTTP header values are ASCII; httpx would fail on the first request.
        raise InputError("option", "--user-agent", "must be printable ASCII")
    replay = st.replay
    if replay and not Path(replay).is_file():
        raise InputError("archive", str(replay), "no such file")
    cache_path = _cache_path(st)
    for pattern in st.exclude_url:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise InputError("exclude-url", pattern, f"not a regular expression ({exc})") from None
    return FetchOptions(
        timeout=st.timeout,
        # A document may take a few slow requests (redirects, robots.txt,
        # a retry), not a drip-fed eternity.
        deadline=st.deadline or 3 * st.timeout,
        run_deadline=st.run_deadline,
        user_agent=st.user_agent or USER_AGENT,
        allow_private=st.allow_private,
        ignore_robots=st.ignore_robots,
        cache_path=cache_path,
        retries=st.retries,
        exclude_urls=st.exclude_url,
        host_headers=tuple(sorted(st.headers.items())),
        accept=frozenset(st.accept),
        offline=st.offline,
        refresh=st.refresh,
        max_cache_age=st.max_cache_age,
        archive_path=path(st.archive),
        replay_path=path(st.replay),
        wayback_url=st.wayback,
        progress=not quiet,
        max_concurrency=st.max_concurrency,
        per_host=st.per_host,
    )


def _cache_path(st: Settings) -> Path | str | None:
    """The cache file: ``--cache FILE``, else the default one in the user cache
    folder (so a second audit of an article revalidates instead of downloading
    every source again); none with ``--no-cache`` or ``--replay`` (the archive
    is the only source of bytes then).  A ``postgresql://`` URL stays a string
    (Path would fold its "//") and the database is tried now, so that a wrong
    one is one error, not one per source."""
    from ._cache import PG_SCHEMES, default_cache_path

    if st.no_cache or st.replay:
        return None
    named = st.cache
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
    with _build_fetcher(st, quiet=st.quiet or quiet_fetch) as fetcher:
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
            aliases=_aliases(st.speaker_alias),
            fetcher=fetcher,
        )
    fmt = _format(args, ("markdown", "json", "html"), "markdown")
    renderers = {"json": report.report_json, "html": report.report_html}
    text = renderers.get(fmt, report.report_markdown)(rep)
    _emit(text, args.output)
    if not st.quiet:
        _summary(rep, args.output)
    return EXIT_FINDINGS if failing(rep, st.fail_on) else EXIT_OK


def _require_local_sources(st: Settings) -> None:
    """A mistyped local ``--source`` or ``[speakers]`` path is the user's error, not
    a warning to scroll past in CI; a failing URL stays a warning (the network
    is not their fault)."""
    from ._fetch import is_url

    named = [("source", ref) for ref in st.source]
    for who, refs in st.speakers.items():
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
    return pipeline.run_audit(
        article,
        st.source,
        follow_links=not st.no_links,
        library=st.library,
        library_window=st.library_window,
        speaker_sources=st.speakers,
        memo=memo,
        config_dir=st.path.parent if st.path is not None else None,
        given_trusted=not repo_config or st.origin("source") == "command line",
        trusted_speakers=None
        if not repo_config
        else {n for n, o in st.speaker_origins.items() if o == "command line"},
        aliases=_aliases(st.speaker_alias),
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
    from .verdict import parse_aliases

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
    outputs = _report_targets(st.report, output)
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
        include=st.include,
        exclude=st.exclude,
        cwd=cwd,
        # Globs in a configuration file are relative to its folder.
        root=st.path.parent if st.path is not None else None,
        contain=folder_root(cwd, st.path.parent if st.path is not None else None),
        gitignore=st.respect_gitignore,
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
    from .report import file_summary, render_check

    cwd = Path.cwd()
    fail_on = st.fail_on

    from ._progress import FetchProgress
    from .pipeline import SourceMemo

    # Sources read and prepared once per run (per worker with --jobs).
    memo = SourceMemo()
    verbose = bool(getattr(args, "verbose", False))
    bar = FetchProgress(len(files), enabled=not st.quiet, description="checking articles")

    def on_file(fc: FileCheck) -> None:
        if verbose:
            # Printed through rich while the bar is live, so lines land above it.
            print(f"quoteverify: {file_summary(fc)}", file=sys.stderr)
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
    if st.baseline:
        entries = check.read_baseline_entries(Path(st.baseline))
        stale = check.stale_baseline(run, entries, cwd)
        run = check.apply_baseline(run, Counter((fp, v) for fp, v, _ in entries))
        if stale:
            _warn_stale(st.baseline, stale)

    # Hidden findings still count for the exit code (Vale's MinAlertLevel): the
    # exit rule is --fail-on's, and an error is never below any level.
    full_run = run
    run = check.hide_below(run, st.min_level)
    fmt = st.format or ("human" if sys.stdout.isatty() else "concise")
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
    if not st.quiet and fmt != "human":  # human output ends with its own summary
        _check_summary(run, len(files))
    return check.exit_code(full_run, exit_zero=st.exit_zero)


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
    libraries = list(args.libraries) + list(st.library)
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
        follow_links=not st.no_links,
        speaker_sources=st.speakers,
    )
    return EXIT_OK


def _batch(args: argparse.Namespace, st: Settings, fetcher: Fetcher) -> int:
    from . import batch

    job = batch.Job(
        fetch=fetcher.options,  # workers build their own Fetcher from these
        sources=st.source,
        follow_links=not st.no_links,
        library=st.library,
        speaker_sources=st.speakers,
    )
    batch.main(
        args.inputs,
        Path(args.output),
        job,
        cwd=Path.cwd(),
        include=st.include,
        exclude=st.exclude,
        workers=args.workers,
        scheduler=args.scheduler,
        resume=args.resume,
        quiet=st.quiet,
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
    from .report import run_summary

    print(f"quoteverify: {run_summary(run, n_files)}", file=sys.stderr)


def _library(args: argparse.Namespace, st: Settings, fetcher: Fetcher) -> int:
    from . import library_cli

    configured = list(st.library)
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
    return library_cli.search(specs, args.quote, args.speaker, args.date, st.library_window, args.k)


def failing(rep: Report, fail_on: FailOn) -> list[str]:
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
