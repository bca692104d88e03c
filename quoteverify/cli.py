"""Command line: parse arguments, call ``pipeline``, print, choose the exit code.

Heavy libraries (trafilatura, httpx, edlib) are imported by the stages that use
them, not here, so ``quoteverify --help`` stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, InputError
from .models import CHECK_FORMATS, FAIL_ON_CHOICES, FAILING_ORDER, CheckRun, Report, Source, fails

if TYPE_CHECKING:
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
  3  internal error (a bug: please report it)
"""


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

    def add_sources(sp: argparse.ArgumentParser) -> None:
        sp.add_argument(
            "--source",
            "-s",
            action="append",
            metavar="SRC",
            help="a primary source: URL or file (repeatable)",
        )
        sp.add_argument(
            "--library",
            metavar="FILE",
            help="a source library (see 'library add') for quotes with no source",
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
            "--max-concurrency", type=int, metavar="N", help="requests at once in total (default 8)"
        )
        g.add_argument(
            "--per-host", type=int, metavar="N", help="requests at once to one host (default 2)"
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
            help="cache of fetched pages: a SQLite file or a postgresql:// URL (shared)",
        )
        g.add_argument("--offline", action="store_true", help="serve fetches from --cache only")
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
    add_output(audit, ("markdown", "json"), "markdown")
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
            help="check only the files git reports changed since REF",
        )
        add_sources(sp)
        add_fail_on(sp)
        sp.add_argument("--quiet", "-q", action="store_true", help="no summary or progress")
        add_fetch(sp)

    check = parser(
        "check",
        "check the articles of a repository, for CI",
        epilog=CHECK_EPILOG,
    )
    add_check_options(check)
    check.add_argument("--format", choices=CHECK_FORMATS, help="default: human on a terminal")
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

    config = sub.add_parser("config", help="show the effective configuration")
    csub = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    parser("show", "print every setting and where it came from", None, csub)

    library = sub.add_parser("library", help="manage a local library of primary sources")
    lsub = library.add_subparsers(dest="library_command", metavar="ACTION", required=True)
    ladd = parser("add", "index files, folders or URLs into the library", None, lsub)
    ladd.add_argument("refs", nargs="+", metavar="PATH|URL")
    ladd.add_argument("--library", metavar="FILE", help="default: quoteverify-library.sqlite")
    add_fetch(ladd)

    extract = parser("extract", "list the quotations of an article and their speakers", None)
    extract.add_argument("article", metavar="ARTICLE")
    add_output(extract, ("json", "markdown"), "json")
    add_fetch(extract)

    verify = parser("verify", "check one quotation against sources")
    verify.add_argument("quote", metavar="QUOTE")
    verify.add_argument(
        "--source", "-s", action="append", required=True, metavar="SRC", default=None
    )
    verify.add_argument(
        "--speaker", metavar="NAME", default=None, help="who the quote is attributed to"
    )
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


def _settings(args: argparse.Namespace) -> Settings:
    """The configuration file's values under the flags the user typed."""
    from .config import KEYS, resolve

    given = vars(args)
    cli = {key: given[key.replace("-", "_")] for key in KEYS if key.replace("-", "_") in given}
    return resolve(cli, explicit=getattr(args, "config", None), env=os.environ, cwd=Path.cwd())


def _configure_fetch(st: Settings, quiet: bool = True) -> None:
    from ._fetch import USER_AGENT, FetchOptions, configure

    def path(key: str) -> Path | None:
        value = st.get(key)
        return Path(value) if value else None

    cache = st.get("cache")
    cache_path = path("cache")
    if cache and cache.lower().startswith(("postgresql://", "postgres://")):
        # A URL stays a string (Path would fold its "//"); the database is
        # tried now so that a wrong one is one error, not one per source.
        from ._cache_pg import check_usable

        cache_path = check_usable(cache)  # type: ignore[assignment]

    if st.get("offline") and not st.get("cache") and not st.get("replay"):
        raise InputError("option", "--offline", "needs --cache FILE (or use --replay FILE)")
    replay = st.get("replay")
    if replay and not Path(replay).is_file():
        raise InputError("archive", str(replay), "no such file")
    configure(
        FetchOptions(
            timeout=st.get("timeout"),
            user_agent=st.get("user-agent") or USER_AGENT,
            allow_private=st.get("allow-private"),
            ignore_robots=st.get("ignore-robots"),
            cache_path=cache_path,
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
    )


def _run(args: argparse.Namespace) -> int:
    from . import pipeline, report

    st = _settings(args)
    if args.command == "config":
        from .config import show

        sys.stdout.write(show(st))
        return EXIT_OK
    _configure_fetch(st, quiet=st.get("quiet") or args.command in ("extract", "library"))
    if args.command == "library":
        return _library_add(args, st)
    if args.command in ("check", "baseline"):
        return _check(args, st)
    if args.command == "batch":
        return _batch(args, st)

    if args.command == "extract":
        article, quotes = pipeline.run_extract(args.article)
        fmt = _format(args, ("json", "markdown"), "json")
        if fmt == "json":
            text = report.extraction_json(article, quotes)
        else:
            text = report.extraction_markdown(article.title or article.origin, quotes)
        _emit(text, args.output)
        return EXIT_OK
    if args.command == "audit":
        rep = _audit(st, args.article)
    else:
        rep = pipeline.run_verify(args.quote, args.source, args.speaker)
    fmt = _format(args, ("markdown", "json"), "markdown")
    text = report.report_json(rep) if fmt == "json" else report.report_markdown(rep)
    _emit(text, args.output)
    if not st.get("quiet"):
        _summary(rep, args.output)
    return EXIT_FINDINGS if failing(rep, st.get("fail-on")) else EXIT_OK


def _audit(st: Settings, article: str, memo: dict[str, Source] | None = None) -> Report:
    """``audit`` of one article with the configured sources and library."""
    from . import pipeline

    return pipeline.run_audit(
        article,
        st.get("source"),
        follow_links=not st.get("no-links"),
        library=st.get("library"),
        speaker_sources=st.get("speakers"),
        memo=memo,
    )


def _format(args: argparse.Namespace, allowed: Sequence[str], default: str) -> str:
    # The configuration's "format" is for ``check``; a single-article command
    # takes it only when it is one of its own formats.
    fmt = getattr(args, "format", None)
    return fmt if fmt in allowed else default


def _check(args: argparse.Namespace, st: Settings) -> int:
    from . import check
    from .report import render_check

    cwd = Path.cwd()
    fail_on = st.get("fail-on")
    outputs = _report_targets(st.get("report") or [])
    files = check.collect_files(
        args.paths,
        include=st.get("include"),
        exclude=st.get("exclude"),
        cwd=cwd,
        # Globs in a configuration file are relative to its folder.
        root=st.path.parent if st.path is not None else None,
    )
    if args.changed_since:
        changed = check.changed_files(args.changed_since, cwd)
        files = [f for f in files if f in changed]

    memo: dict[str, Source] = {}
    run = check.run_check(files, cwd, lambda path: _audit(st, path, memo), fail_on)
    if args.command == "baseline":
        n = check.write_baseline(run, Path(args.baseline_file))
        print(
            f"quoteverify: {args.baseline_file}: {n} findings recorded from {len(files)} files",
            file=sys.stderr,
        )
        return EXIT_USAGE if any(fc.error for fc in run.files) else EXIT_OK
    if st.get("baseline"):
        run = check.apply_baseline(run, check.read_baseline(Path(st.get("baseline"))))

    fmt = st.get("format") or ("human" if sys.stdout.isatty() else "concise")
    color = fmt == "human" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    _emit(render_check(run, fmt, color=color), None)
    for out_fmt, out_path in outputs:
        _emit(render_check(run, out_fmt), out_path)
    if "github" in (fmt, *(f for f, _ in outputs)):
        _step_summary(run)
    if not st.get("quiet") and fmt != "human":  # human output ends with its own summary
        _check_summary(run, len(files))
    return check.exit_code(run, exit_zero=st.get("exit-zero"))


def _batch(args: argparse.Namespace, st: Settings) -> int:
    from . import _fetch, batch

    job = batch.Job(
        fetch=_fetch.default_fetcher().options,  # as _configure_fetch set it
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


def _report_targets(items: Sequence[str]) -> list[tuple[str, str]]:
    # Each item was validated as FORMAT=PATH by the configuration (whether typed
    # or from the file); what is left is two reports writing one file.
    out = []
    seen: set[Path] = set()
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
    from .report._checkutil import counts, plural

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


def _library_add(args: argparse.Namespace, st: Settings) -> int:
    from .library import Library, LibraryError

    where = st.get("library") or "quoteverify-library.sqlite"
    try:
        with Library(Path(where)) as lib:
            stats = lib.add_paths(args.refs)
            total = len(lib)
    except LibraryError as exc:
        raise InputError("library", where, str(exc)) from None
    for ref, reason in stats.errors:
        print(f"quoteverify: skipped '{ref}': {reason}", file=sys.stderr)
    print(
        f"quoteverify: {where}: {stats.added} added, {stats.duplicates} duplicates, "
        f"{stats.unchanged} unchanged, {len(stats.errors)} skipped; {total} documents",
        file=sys.stderr,
    )
    return EXIT_OK


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
    print(f"quoteverify: {len(rep.results)} quotations: {counts or 'none'}{where}", file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
