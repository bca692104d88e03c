"""CI mode: audit every article file of a repository and turn verdicts into findings.

``quoteverify check`` is ``audit`` run over files, with what a CI checker needs on
top (the conventions of Vale and lychee): which files (paths, globs, include and
exclude patterns, ``--changed-since REF``), where each quote is in the file as
written (line and column, via ``position``), suppression comments (``suppress``),
a baseline of known findings keyed by a fingerprint that survives line moves,
and the exit code.  The words of a finding (title, message, the source it cites)
and all rendering are ``report``'s; file and git access stay here.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import subprocess
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path, PurePosixPath

from ._localfile import refusal
from ._select import GitIgnore, Globs
from .config import DEFAULT_EXCLUDE, DEFAULT_INCLUDE
from .errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, InputError
from .models import (
    CheckRun,
    FailOn,
    FileCheck,
    Finding,
    FindingLevel,
    QuoteResult,
    Report,
    finding_level,
)
from .report import (
    file_internal_error,
    finding_message,
    finding_source,
    finding_title,
    unused_suppression_warning,
)
from .suppress import Suppression

BASELINE_VERSION = 1

# --- which files ------------------------------------------------------------------


def collect_files(
    paths: Sequence[str],
    *,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = DEFAULT_EXCLUDE,
    cwd: Path,
    root: Path | None = None,
    contain: Path | None = None,
    gitignore: bool = True,
) -> list[str]:
    """The article files to check, as sorted paths relative to ``cwd`` when inside it.

    A file named on the command line is checked whatever its suffix (the user
    asked for it); folders and globs are filtered by ``include``/``exclude``.
    With no paths, the include globs are matched under ``cwd``.  A path or glob
    that matches nothing is an error: a typo must not pass CI silently.  So is
    a folder (or, with no paths, the whole project) holding no article: an
    ``include`` that matches nothing would otherwise make every build green.

    ``include`` and ``exclude`` are matched against paths relative to ``root``,
    the folder of the configuration file that set them (default ``cwd``): a
    project's ``include = ["content/**/*.md"]`` must mean the same files when
    CI runs from a subdirectory as from the top.

    ``contain``: the repository.  A file found by walking a folder or by the
    include globs (a symlink committed in a pull request) is skipped when it
    resolves outside it or into its ``.git``; a file named on the command line
    is the user's choice and is checked.

    Patterns are gitwildmatch (``_select``): ``*`` never crosses ``/``.  With
    ``gitignore``, what the work tree's ``.gitignore`` files ignore is skipped
    in folders and globs, as ruff and lychee do; a file named on the command
    line is still checked.
    """
    base = cwd if root is None or not _inside(cwd, root) else root
    sel = _Selection(
        Globs(include, what="include"),
        Globs(exclude, what="exclude"),
        GitIgnore(repository_root(cwd) or base) if gitignore else None,
    )
    found: set[str] = set()
    if not paths:
        # Only what lies under the working directory: running from a
        # subdirectory checks that part of the project.
        found.update(_walk(cwd, cwd, base, sel, contain))
        if not found:
            raise InputError("path", ".", f"no article file here matches {_globs(include, base)}")
        return sorted(found)
    for raw in paths:
        p = Path(raw)
        full = p if p.is_absolute() else cwd / p
        if full.is_file():
            found.add(_rel(full, cwd))
        elif full.is_dir():
            hits = list(_walk(full, cwd, base, sel, contain))
            if not hits:
                raise InputError(
                    "path", raw, f"no article file in it matches {_globs(include, base)}"
                )
            found.update(hits)
        elif _is_glob(raw):
            hits = [
                _rel(m, cwd)
                for m in sorted(cwd.glob(raw) if not p.is_absolute() else _abs_glob(raw))
                if m.is_file() and not sel.skip(m, _rel(m, base))
            ]
            if not hits:
                raise InputError("path", raw, "the pattern matches no file")
            found.update(hits)
        else:
            raise InputError("path", raw, "no such file or directory")
    return sorted(found)


def _globs(include: Sequence[str], base: Path) -> str:
    where = (
        f" (relative to {base.as_posix()})" if any("/" in g.lstrip("*/") for g in include) else ""
    )
    return "include " + ", ".join(include) + where


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def changed_files(ref: str, cwd: Path) -> set[str]:
    """Files changed since the merge base of ``ref`` and HEAD (committed or not,
    and new untracked files), relative to ``cwd``.  Deleted files are left out:
    nothing to check.

    The merge base, as ``git diff REF...HEAD`` and a pull request's "Files
    changed" do: on a branch behind ``main``, comparing with ``main`` itself
    would also list every article changed on ``main`` since the branch began.
    """
    root = _git(["rev-parse", "--show-toplevel"], cwd, ref).strip()
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd, ref)
    base = _git(["merge-base", ref, "HEAD"], cwd, ref, none="no common ancestor with HEAD")
    diff = _git(["diff", "--name-only", "-z", "--diff-filter=d", base.strip(), "--"], cwd, ref)
    new = _git(["ls-files", "--others", "--exclude-standard", "-z"], Path(root), ref)
    out: set[str] = set()
    for name in [*diff.split("\0"), *new.split("\0")]:
        if name:
            out.add(_rel(Path(root) / name, cwd))
    return out


def _git(args: list[str], cwd: Path, ref: str, *, none: str = "") -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise InputError("option", "--changed-since", "git is not installed") from None
    if proc.returncode != 0:
        first = (proc.stderr.strip().splitlines() or ["not a git repository?"])[0]
        if args[:2] == ["rev-parse", "--verify"]:
            first = "no such commit in this repository"
        elif none and not proc.stderr.strip():
            first = none  # git merge-base says nothing when there is none
        raise InputError("--changed-since", ref, first)
    return proc.stdout


class _Selection:
    def __init__(self, include: Globs, exclude: Globs, ignore: GitIgnore | None) -> None:
        self.include = include
        self.exclude = exclude
        self.ignore = ignore

    def skip(self, full: Path, key: str) -> bool:
        """An excluded or git-ignored file (``key``: relative to the config folder)."""
        return self.exclude.match(key) or (self.ignore is not None and self.ignore.ignored(full))

    def prune(self, full: Path, key: str) -> bool:
        # Prune excluded folders (node_modules, .git) instead of listing them.
        return self.exclude.covers_folder(key) or (
            self.ignore is not None and self.ignore.ignored(full, is_dir=True)
        )


def _walk(
    folder: Path,
    cwd: Path,
    base: Path,
    sel: _Selection,
    contain: Path | None = None,
) -> Iterable[str]:
    for top, dirs, names in os.walk(folder):
        here = Path(top)
        dirs[:] = sorted(d for d in dirs if not sel.prune(here / d, _rel(here / d, base)))
        for name in sorted(names):
            full = here / name
            real = full.resolve()  # once, for both paths below
            key = _rel_real(real, base)
            if sel.include.match(key) and not sel.skip(full, key):
                if contain is None or refusal(str(full), contain) is None:
                    yield _rel_real(real, cwd)


def _is_glob(raw: str) -> bool:
    return any(c in raw for c in "*?[")


def _abs_glob(raw: str) -> list[Path]:
    import glob

    return [Path(p) for p in glob.glob(raw, recursive=True)]


def _rel(path: Path, cwd: Path) -> str:
    return _rel_real(path.resolve(), cwd)


def _rel_real(real: Path, cwd: Path) -> str:
    """``_rel`` of a path already resolved."""
    try:
        return PurePosixPath(real.relative_to(_real_folder(cwd))).as_posix()
    except ValueError:
        return real.as_posix()


@functools.lru_cache(maxsize=64)
def _real_folder(folder: Path) -> Path:
    """``folder.resolve()`` for the folders a run works from (the working
    directory, the repository, the configuration's folder), which do not move
    while it runs: resolving them again for every file (each a ``lstat`` per
    path component) was 2 % of a ``check`` of 1,000 articles."""
    return folder.resolve()


_LEVEL_RANK: dict[FindingLevel, int] = {"note": 0, "warning": 1, "error": 2}


def hide_below(run: CheckRun, min_level: FindingLevel) -> CheckRun:
    """``run`` without the findings below ``min_level`` (``--min-level``).

    For the reports only: the exit code is computed on the whole run, as Vale's
    MinAlertLevel hides alerts without changing what fails.
    """
    floor = _LEVEL_RANK.get(min_level, 0)
    if floor == 0:
        return run
    files = tuple(
        replace(fc, findings=tuple(f for f in fc.findings if _LEVEL_RANK[f.level] >= floor))
        for fc in run.files
    )
    return replace(run, files=files)


# --- one file -----------------------------------------------------------------------

Auditor = Callable[[str], Report]


def check_file(
    path: str,
    cwd: Path,
    audit: Auditor,
    fail_on: FailOn,
    *,
    root: Path | None = None,
    read_as: str | None = None,
) -> FileCheck:
    """Audit one article file and place its findings in the file as written.

    ``root`` (default ``cwd``) is what fingerprints are relative to: the
    repository's top, so that a baseline written from one folder still matches
    when CI runs from another.

    Never raises for one file's sake: the articles come from pull requests, and
    one that trips a bug must not cost the report on every other file.  Such a
    file is an error row marked ``internal`` (exit 3 once all are reported).
    """
    try:
        return _check_file(path, cwd, audit, fail_on, root=root, read_as=read_as)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - MemoryError, RecursionError included
        return FileCheck(path=path, report=None, error=file_internal_error(exc), internal=True)


def _check_file(
    path: str,
    cwd: Path,
    audit: Auditor,
    fail_on: FailOn,
    *,
    root: Path | None = None,
    read_as: str | None = None,
) -> FileCheck:
    from ._decode import NotText
    from .position import LineIndex, locate_quotes, read_original
    from .suppress import find_suppressions, suppression_for

    # ``read_as``: the file that holds the text of ``path`` (--stdin-filename's
    # temporary copy beside it); reports and fingerprints name ``path``.
    actual = read_as or path
    full = cwd / actual
    # Relative to the process's directory when we can, so that sources named
    # relative to the article show as short relative paths in reports.
    here = _real_folder(Path.cwd()) == _real_folder(cwd)
    try:
        report = audit(actual if here else str(full))
        if read_as is not None:
            report = replace(report, article=replace(report.article, origin=path))
    except InputError as exc:
        if exc.cause.startswith("empty"):
            # A section page that is only front matter (Hugo's _index.md, Jekyll
            # collections) has no quotation to get wrong: clean, not broken.
            return FileCheck(path=path, report=None)
        return FileCheck(path=path, report=None, error=exc.cause)
    article = report.article
    original = article.original
    if original is None:
        try:
            original, _ = read_original(full)
        except (OSError, NotText) as exc:
            return FileCheck(path=path, report=report, error=str(exc))
    located = locate_quotes(original, article, [r.quote for r in report.results])
    suppressions, problems = find_suppressions(original, article.format)
    # A suppression without a reason is a mistake in the article, not a pass: the
    # file fails with the line to fix.  Its findings are still reported (the
    # faulty comment suppresses nothing), so fixing the comment does not reveal
    # findings nobody saw.
    error = "; ".join(problems) if problems else None
    lines = LineIndex(original)
    key = _rel(cwd / path, root) if root is not None else path
    findings = []
    used: set[Suppression] = set()
    for r in report.results:
        level = level_for(r, fail_on)
        if level is None:
            continue
        start, end = located.get(r.quote.id, (0, 0))
        line, col, end_line, end_col = lines.span(start, end)
        sup = suppression_for(suppressions, start, end, r.verdict)
        if sup is not None:
            used.add(sup)
        findings.append(
            Finding(
                path=path,
                line=line,
                column=col,
                end_line=end_line,
                end_column=end_col,
                verdict=r.verdict,  # type: ignore[arg-type]  # level_for ruled out None
                level=level,
                title=finding_title(r.verdict),
                message=finding_message(r, report.sources),
                quote_id=r.quote.id,
                quote=r.quote.text,
                speaker=r.quote.speaker.name if r.quote.speaker else None,
                source=finding_source(r, report.sources),
                fingerprint=fingerprint(key, r.quote.text),
                result=r,
                suppressed=sup.reason if sup else None,
            )
        )
    # The file as written has served its purpose: a run over a thousand articles
    # keeps every report (and ships each back from a --jobs worker) without it.
    report = replace(report, article=replace(article, original=None, offsets=None))
    return FileCheck(
        path=path,
        report=report,
        findings=tuple(findings),
        error=error,
        warnings=unused_suppressions(suppressions, used),
    )


def unused_suppressions(
    suppressions: Sequence[Suppression], used: set[Suppression]
) -> tuple[str, ...]:
    """One line per suppression that hid no finding (ruff's RUF100): the quote
    it was for was fixed, or moved out from under it, and the comment now only
    waits to hide the next mistake there unseen."""
    unused = sorted(set(suppressions) - used, key=lambda s: (s.line, s.start))
    return tuple(unused_suppression_warning(s) for s in unused)


def level_for(result: QuoteResult, fail_on: FailOn) -> FindingLevel | None:
    """How loud a verdict is in CI; None for what is not a finding at all."""
    v = result.verdict
    if v is None or v == "verbatim":
        return None
    return finding_level(v, fail_on)


# --- fingerprints and the baseline -------------------------------------------------

_SPACE = re.compile(r"\s+")


def fingerprint(path: str, quote: str) -> str:
    """Stable id of a finding: the article's path and the quote's words.

    Not the line: an edit above the quote must not make an old finding new.
    Typography and case are folded so that re-typing curly quotes does not either.
    """
    text = unicodedata.normalize("NFKC", quote).casefold()
    text = text.translate(_TYPO)
    text = _SPACE.sub(" ", text).strip()
    digest = hashlib.sha256(f"{path}\0{text}".encode()).hexdigest()
    return digest[:32]


_TYPO = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-"})


def write_baseline(run: CheckRun, path: Path) -> int:
    """Record today's active findings; returns how many.

    A quotation printed twice in one article is two entries (same fingerprint):
    the baseline then knows two, and a third copy added later is new.
    """
    items = sorted((f.fingerprint, f.path, f.verdict, f.quote) for f in run.active)
    doc = {
        "version": BASELINE_VERSION,
        "tool": "quoteverify",
        "findings": [
            {"fingerprint": fp, "path": p, "verdict": v, "quote": q} for fp, p, v, q in items
        ],
    }
    try:
        path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError("baseline", str(path), exc.strerror or str(exc)) from None
    return len(items)


def read_baseline(path: Path) -> Counter[tuple[str, str]]:
    """How many times each (fingerprint, verdict) is known: a known finding whose
    verdict got worse is new, and so is one more copy of a known quotation."""
    return Counter((fp, verdict) for fp, verdict, _ in read_baseline_entries(path))


def read_baseline_entries(path: Path) -> list[tuple[str, str, str]]:
    """Each entry of the baseline file as (fingerprint, verdict, path)."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("baseline", str(path), "no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError("baseline", str(path), f"not a quoteverify baseline ({exc})") from None
    if not isinstance(doc, dict) or "findings" not in doc:
        raise InputError("baseline", str(path), "not a quoteverify baseline (no findings list)")
    version = doc.get("version")
    if version != BASELINE_VERSION:
        # Say which way round, and the fix: the file is regenerated, not edited.
        raise InputError(
            "baseline",
            str(path),
            f"format version {version!r}, this quoteverify reads version {BASELINE_VERSION}; "
            "write it again with 'quoteverify baseline write'",
        )
    if not isinstance(doc["findings"], list):
        raise InputError("baseline", str(path), "not a quoteverify baseline (no findings list)")
    out: list[tuple[str, str, str]] = []
    for item in doc["findings"]:
        if not isinstance(item, dict) or "fingerprint" not in item or "verdict" not in item:
            raise InputError("baseline", str(path), "a finding lacks fingerprint or verdict")
        out.append((str(item["fingerprint"]), str(item["verdict"]), str(item.get("path", ""))))
    return out


def stale_baseline(
    run: CheckRun,
    entries: Sequence[tuple[str, str, str]],
    cwd: Path,
    root: Path | None = None,
) -> list[tuple[str, str]]:
    """The baseline entries no finding of ``run`` (before the baseline is
    applied) matches any more, as sorted (path, verdict): the quote was fixed,
    removed, or its verdict changed.  Only entries of the files this run
    checked (and could read) count: with ``--changed-since`` or a path, the
    other files' entries were not tested, so they are not stale.
    """
    root = root if root is not None else repository_root(cwd) or cwd
    checked = {_rel(cwd / fc.path, root) for fc in run.files if fc.error is None}
    left = Counter((fp, v) for fp, v, _ in entries)
    left.subtract(Counter((f.fingerprint, f.verdict) for f in run.active))
    stale = []
    for fp, verdict, where in entries:
        if where in checked and left[(fp, verdict)] > 0:
            left[(fp, verdict)] -= 1
            stale.append((where, verdict))
    return sorted(stale)


def apply_baseline(
    run: CheckRun, known: Mapping[tuple[str, str], int] | set[tuple[str, str]]
) -> CheckRun:
    """Hide the findings the baseline knows, each entry hiding one finding."""
    left = Counter(known)
    files = []
    hidden = 0
    for fc in run.files:
        keep = []
        # In file order, so that of three copies of a known quotation, the one
        # that is new is the one added last.
        for f in sorted(fc.findings, key=lambda f: (f.line, f.column)):
            key = (f.fingerprint, f.verdict)
            if f.suppressed is None and left[key] > 0:
                left[key] -= 1
                hidden += 1
            else:
                keep.append(f)
        files.append(replace(fc, findings=tuple(keep)))
    return replace(run, files=tuple(files), baselined=run.baselined + hidden)


# --- the run --------------------------------------------------------------------------


def run_check(
    paths: Sequence[str],
    cwd: Path,
    audit: Auditor,
    fail_on: FailOn,
    *,
    root: Path | None = None,
    on_file: Callable[[FileCheck], None] | None = None,
    read_as: Mapping[str, str] | None = None,
    jobs: int = 1,
) -> CheckRun:
    """Check ``paths``; fingerprints are relative to ``root``, by default the top of
    the git repository holding ``cwd`` (or ``cwd`` itself outside one).
    ``on_file`` is called after each file (progress, ``--verbose`` lines).

    ``jobs`` > 1 checks files in that many worker processes (forked after the
    first file is checked here, so each inherits ``audit`` and what that file
    loaded, and prepares the other sources it meets once); results come back
    in the order of ``paths``, so the run is the same as with one job."""
    if root is None:
        root = repository_root(cwd) or cwd
    files = []
    for fc in _checked(paths, cwd, audit, fail_on, root, jobs, read_as or {}):
        if on_file is not None:
            on_file(fc)
        files.append(fc)
    return CheckRun(files=tuple(files), fail_on=fail_on)


# What a forked worker checks with: set in the parent just before the pool
# forks, so that ``audit`` (a closure, not picklable) needs no pickling.
_WORKER: tuple[Path, Auditor, str, Path, Mapping[str, str]] | None = None


def _worker_check(path: str) -> FileCheck:
    assert _WORKER is not None  # set before the fork
    cwd, audit, fail_on, root, read_as = _WORKER
    return check_file(path, cwd, audit, fail_on, root=root, read_as=read_as.get(path))


def _checked(
    paths: Sequence[str],
    cwd: Path,
    audit: Auditor,
    fail_on: FailOn,
    root: Path,
    jobs: int,
    read_as: Mapping[str, str],
) -> Iterable[FileCheck]:
    import multiprocessing

    if jobs <= 1 or len(paths) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        # No fork (Windows): one process; the results are the same.
        return (
            check_file(p, cwd, audit, fail_on, root=root, read_as=read_as.get(p)) for p in paths
        )
    return _pooled(paths, cwd, audit, fail_on, root, min(jobs, len(paths)), read_as)


def _pooled(
    paths: Sequence[str],
    cwd: Path,
    audit: Auditor,
    fail_on: FailOn,
    root: Path,
    jobs: int,
    read_as: Mapping[str, str],
) -> Iterable[FileCheck]:
    import multiprocessing

    # The first file is checked here, before the fork: what it loads once per
    # process (the language model, ~0.45 s of CPU and 120 MiB; its sources,
    # prepared) is then inherited by every worker instead of loaded by each.
    # Loading the model up front instead would cost that much in runs that
    # never need it (long English articles and sources).
    yield check_file(paths[0], cwd, audit, fail_on, root=root, read_as=read_as.get(paths[0]))
    rest = paths[1:]
    global _WORKER
    _WORKER = (cwd, audit, fail_on, root, read_as)
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs, len(rest))) as pool:
            # Small chunks: articles differ a lot in cost; imap keeps their order.
            yield from pool.imap(_worker_check, rest, chunksize=2)
    finally:
        _WORKER = None


def repository_root(cwd: Path) -> Path | None:
    """The top of the git work tree holding ``cwd``; None outside one or without git."""
    try:
        proc = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    top = proc.stdout.strip()
    return Path(top) if proc.returncode == 0 and top else None


def exit_code(run: CheckRun, exit_zero: bool = False) -> int:
    """0 clean, 1 a finding at or above --fail-on, 2 a file that could not be checked,
    3 a file that hit a bug (after every file has been checked and reported).

    ``--exit-zero`` forgives findings, not files that could not be checked: a
    broken article is a problem with the input, like a bad option.
    """
    if any(fc.internal for fc in run.files):
        return EXIT_INTERNAL
    if any(fc.error for fc in run.files):
        return EXIT_USAGE
    if not exit_zero and any(f.level == "error" for f in run.active):
        return EXIT_FINDINGS
    return EXIT_OK
