"""Command line: parse arguments, call ``pipeline``, print, choose the exit code.

Heavy libraries (trafilatura, httpx, edlib) are imported by the stages that use
them, not here, so ``quoteverify --help`` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, InputError
from .models import FAILING_ORDER, VERDICT_ORDER, Report

EPILOG = """\
exit codes:
  0  no quote has a verdict at or above --fail-on
  1  some quote does (default --fail-on diverged: diverged, stitched,
     misattributed and not_found fail; unverifiable only warns)
  2  usage error, or an article that cannot be read
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

    def add_output(sp: argparse.ArgumentParser, formats: Sequence[str], default: str) -> None:
        sp.add_argument("--format", choices=formats, default=default, help=f"default: {default}")
        sp.add_argument("--output", "-o", metavar="FILE", help="write the report here, not stdout")

    def add_fail_on(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--fail-on",
            choices=[*VERDICT_ORDER[1:], "none"],
            default="diverged",
            metavar="VERDICT",
            help="exit 1 when a quote has this verdict or a worse one "
            f"({' < '.join(FAILING_ORDER[1:])}; 'unverifiable' fails on everything "
            "not verified; 'none' never fails). Default: diverged",
        )

    def add_fetch(sp: argparse.ArgumentParser) -> None:
        g = sp.add_argument_group("fetching")
        g.add_argument(
            "--timeout",
            type=float,
            default=20.0,
            metavar="SECONDS",
            help="per request (default 20)",
        )
        g.add_argument("--user-agent", metavar="UA", help="User-Agent header to send")
        g.add_argument(
            "--allow-private",
            action="store_true",
            help="allow URLs on loopback, private and link-local addresses",
        )
        g.add_argument("--ignore-robots", action="store_true", help="do not obey robots.txt")
        g.add_argument("--cache", metavar="FILE", help="SQLite cache of fetched pages")
        g.add_argument("--offline", action="store_true", help="serve fetches from --cache only")
        g.add_argument("--refresh", action="store_true", help="refetch even fresh cached pages")
        g.add_argument(
            "--max-cache-age",
            type=float,
            metavar="SECONDS",
            help="use cached pages younger than this without asking the server",
        )
        g.add_argument(
            "--archive",
            metavar="FILE.warc.gz",
            help="record every response fetched as WARC records",
        )
        g.add_argument(
            "--replay",
            metavar="FILE.warc.gz",
            help="serve every fetch from this WARC archive, no network",
        )
        g.add_argument(
            "--wayback", metavar="URL", help="for dead links, try this Wayback-compatible archive"
        )

    audit = sub.add_parser(
        "audit",
        help="check every quotation of an article against sources",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    audit.add_argument(
        "article", metavar="ARTICLE", help="URL, .html/.md/.txt file, or - for stdin"
    )
    audit.add_argument(
        "--source",
        "-s",
        action="append",
        default=[],
        metavar="SRC",
        help="a primary source: URL or file (repeatable)",
    )
    add_output(audit, ("markdown", "json"), "markdown")
    add_fail_on(audit)
    audit.add_argument("--quiet", "-q", action="store_true", help="no summary on stderr")
    audit.add_argument(
        "--library",
        metavar="FILE",
        help="a source library (see 'library add') for quotes with no source",
    )
    audit.add_argument(
        "--no-links", action="store_true", help="do not look for sources among the article's links"
    )
    add_fetch(audit)

    library = sub.add_parser("library", help="manage a local library of primary sources")
    lsub = library.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    ladd = lsub.add_parser("add", help="index files, folders or URLs into the library")
    ladd.add_argument("refs", nargs="+", metavar="PATH|URL")
    ladd.add_argument(
        "--library",
        default="quoteverify-library.sqlite",
        metavar="FILE",
        help="default: quoteverify-library.sqlite",
    )
    add_fetch(ladd)

    extract = sub.add_parser("extract", help="list the quotations of an article and their speakers")
    extract.add_argument("article", metavar="ARTICLE")
    add_output(extract, ("json", "markdown"), "json")
    add_fetch(extract)

    verify = sub.add_parser(
        "verify",
        help="check one quotation against sources",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    verify.add_argument("quote", metavar="QUOTE")
    verify.add_argument("--source", "-s", action="append", required=True, metavar="SRC")
    verify.add_argument("--speaker", metavar="NAME", help="who the quote is attributed to")
    add_output(verify, ("markdown", "json"), "markdown")
    add_fail_on(verify)
    verify.add_argument("--quiet", "-q", action="store_true")
    add_fetch(verify)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except InputError as exc:
        print(f"quoteverify: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("quoteverify: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        print(
            f"quoteverify: internal error: {type(exc).__name__}: {exc} (please report this)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _configure_fetch(args: argparse.Namespace) -> None:
    from ._fetch import USER_AGENT, FetchOptions, configure

    def path(value: str | None) -> Path | None:
        return Path(value) if value else None

    if args.offline and not args.cache and not args.replay:
        raise InputError("option", "--offline", "needs --cache FILE (or use --replay FILE)")
    if args.replay and not Path(args.replay).is_file():
        raise InputError("archive", args.replay, "no such file")
    configure(
        FetchOptions(
            timeout=args.timeout,
            user_agent=args.user_agent or USER_AGENT,
            allow_private=args.allow_private,
            ignore_robots=args.ignore_robots,
            cache_path=path(args.cache),
            offline=args.offline,
            refresh=args.refresh,
            max_cache_age=args.max_cache_age,
            archive_path=path(args.archive),
            replay_path=path(args.replay),
            wayback_url=args.wayback,
        )
    )


def _run(args: argparse.Namespace) -> int:
    from . import pipeline, report

    _configure_fetch(args)
    if args.command == "library":
        return _library_add(args)

    if args.command == "extract":
        article, quotes = pipeline.run_extract(args.article)
        if args.format == "json":
            text = report.extraction_json(article, quotes)
        else:
            text = report.extraction_markdown(article.title or article.origin, quotes)
        _emit(text, args.output)
        return EXIT_OK
    if args.command == "audit":
        rep = pipeline.run_audit(
            args.article, args.source, follow_links=not args.no_links, library=args.library
        )
    else:
        rep = pipeline.run_verify(args.quote, args.source, args.speaker)
    text = report.report_json(rep) if args.format == "json" else report.report_markdown(rep)
    _emit(text, args.output)
    if not args.quiet:
        _summary(rep, args.output)
    return EXIT_FINDINGS if failing(rep, args.fail_on) else EXIT_OK


def _library_add(args: argparse.Namespace) -> int:
    from .library import Library, LibraryError

    try:
        with Library(Path(args.library)) as lib:
            stats = lib.add_paths(args.refs)
            total = len(lib)
    except LibraryError as exc:
        raise InputError("library", args.library, str(exc)) from None
    for ref, reason in stats.errors:
        print(f"quoteverify: skipped '{ref}': {reason}", file=sys.stderr)
    print(
        f"quoteverify: {args.library}: {stats.added} added, {stats.duplicates} duplicates, "
        f"{stats.unchanged} unchanged, {len(stats.errors)} skipped; {total} documents",
        file=sys.stderr,
    )
    return EXIT_OK


def failing(rep: Report, fail_on: str) -> list[str]:
    """Ids of the quotes whose verdict is at or above ``fail_on``."""
    if fail_on == "none":
        return []
    order = list(VERDICT_ORDER)
    # "unverifiable" says nothing about the article, so it only warns, unless the
    # user asks for it: then it fails along with everything from "diverged" up.
    strict = fail_on == "unverifiable"
    threshold = order.index("diverged" if strict else fail_on)
    bad = []
    for r in rep.results:
        if r.verdict is None or (r.verdict == "unverifiable" and not strict):
            continue
        if order.index(r.verdict) >= threshold:
            bad.append(r.quote.id)
    return bad


def _emit(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError("output", output, exc.strerror or str(exc)) from None


def _summary(rep: Report, output: str | None) -> None:
    counts = ", ".join(f"{v} {k}" for k, v in rep.summary.items() if v)
    where = f"; report written to {output}" if output else ""
    print(f"quoteverify: {len(rep.results)} quotations: {counts or 'none'}{where}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
