"""What ``quoteverify check`` says in words: each finding's title and one-line
message, the source it cites, the warning for an unused suppression, the error
of a file that tripped a bug, the ``--verbose`` line per file and the closing
summary.

The checker (``check.py``) decides what is a finding, where it is and how loud;
the sentences are written here, from the verdict, its structured notes (read by
``note_code``, never by their wording) and the diff.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from .._display import safe_line
from ..grammar import plural, possessive
from ..models import CheckRun, DiffOp, FileCheck, FindingVerdict, QuoteResult, Source, note_code
from ._checkrun import counts
from ._plain import one_line, opening

if TYPE_CHECKING:
    from ..suppress import Suppression

TITLES: Mapping[FindingVerdict, str] = {
    "minor": "Minor difference from the source",
    "elided": "Quote shortened with a marked omission",
    "diverged": "Quote diverged from the source",
    "stitched": "Quote stitched from separate passages",
    "misattributed": "Quote attributed to the wrong speaker",
    "not_found": "Quote not found in the sources",
    "unverifiable": "Quote could not be verified",
}


def finding_title(verdict: FindingVerdict | None) -> str:
    """The short title of a finding with this verdict (an annotation's heading)."""
    return TITLES[verdict or "unverifiable"]


def finding_message(r: QuoteResult, sources: Sequence[Source]) -> str:
    """One line for an annotation: what is wrong, whose words, which source."""
    # Diff words and source labels come from documents: a line break among them
    # would split a concise line or a workflow command.
    return one_line(_sentence(r, sources))


def _sentence(r: QuoteResult, sources: Sequence[Source]) -> str:
    v = r.verdict
    src = _source_label(r, sources)
    who = r.quote.speaker.name if r.quote.speaker else "the speaker"
    if v == "unverifiable":
        return one_line(r.notes[-1] if r.notes else "no usable source")
    if v == "not_found":
        best = f" (best score {r.score:.0f})" if r.score is not None else ""
        return f"{_quoted_opening(r.quote.text)} is not in {src or 'the sources'}{best}"
    if v == "misattributed":
        # The verdict's own note says whose words they are, including the case
        # where the speaker was quoting someone else (same turn label).
        why = next((n for n in r.notes if note_code(n) == "misattributed"), None)
        if why is not None:
            return (
                f"{_quoted_opening(r.quote.text)}: {why.removeprefix('misattributed: ')}, in {src}"
            )
        real = r.match.speaker if r.match and r.match.speaker else "someone else"
        return f"{_quoted_opening(r.quote.text)} was said by {real}, not {who}, in {src}"
    if v == "stitched":
        n = len(r.match.parts) if r.match and r.match.parts else 2
        marked = any("ellipsis" in op.flags for op in r.diff)
        how = "joined at a marked ellipsis" if marked else "joined with no ellipsis"
        return f"{_quoted_opening(r.quote.text)} joins {n} separate passages of {src}, {how}"
    changes = describe_diff(r.diff)
    verb = "differs from" if v == "diverged" else "differs slightly from"
    return f"{_quoted_opening(r.quote.text)} {verb} {possessive(who)} words in {src}: {changes}"


def describe_diff(ops: Sequence[DiffOp], limit: int = 6) -> str:
    """``one→a, in→from, +the, -any, moved sometimes`` in quote order."""
    parts: list[str] = []
    moved: list[str] = []
    for op in ops:
        if op.op == "equal":
            continue
        if "moved" in op.flags:
            word = op.quote or op.source
            if word not in moved:
                moved.append(word)
            continue
        flag = f" ({', '.join(f for f in op.flags if f != 'moved')})" if op.flags else ""
        if op.op == "replace":
            parts.append(f"'{op.source}'→'{op.quote}'{flag}")
        elif op.op == "insert":
            parts.append(f"added '{op.quote}'{flag}")
        else:
            parts.append(f"dropped '{op.source}'{flag}")
    parts += [f"moved '{w}'" for w in moved]
    if not parts:
        return "punctuation or capitalisation only"
    more = f", and {len(parts) - limit} more" if len(parts) > limit else ""
    return ", ".join(parts[:limit]) + more


def _quoted_opening(text: str) -> str:
    return f'"{opening(text)}"'


def finding_source(r: QuoteResult, sources: Sequence[Source]) -> str | None:
    """The source the verdict rests on, as a reader can find it; None without a match."""
    if r.match is None:
        return None
    return _cite(sources[r.match.source_index])


def _source_label(r: QuoteResult, sources: Sequence[Source]) -> str:
    ref = finding_source(r, sources)
    if ref is None:
        usable = list(dict.fromkeys(_cite(sources[i]) for i, _ in r.source_scores))
        return ", ".join(usable[:2])
    return ref


def _cite(source: Source) -> str:
    """A library document by its title, date and URL (a reader cannot open
    "library:<sha256>"); any other source by its tidied ref."""
    if source.ref.startswith("library:") and source.via.startswith("library ("):
        return source.via[len("library (") : -1]
    return _tidy(source.ref)


def _tidy(ref: str) -> str:
    # Front matter names sources relative to the article ("../transcripts/x.txt"):
    # "content/news/../transcripts/x.txt" reads as a path nobody wrote.
    if "://" in ref or "/.." not in ref and "/./" not in ref:
        return ref
    return PurePosixPath(posixpath.normpath(ref)).as_posix()


def unused_suppression_warning(s: Suppression) -> str:
    """The warning for a suppression that hid no finding (ruff's RUF100).

    >>> from quoteverify.suppress import Suppression
    >>> unused_suppression_warning(Suppression(0, 9, "fixed", "next-line", 6))
    'line 6: unused suppression: quoteverify-disable-next-line hides no finding'
    """
    which = f"no {' or '.join(sorted(s.verdicts))} finding" if s.verdicts else "no finding"
    return f"line {s.line}: unused suppression: {s.describe()} hides {which}"


def file_internal_error(exc: BaseException) -> str:
    """The error of a file whose check tripped a bug, one line of at most 300
    characters of the exception's own words.

    >>> file_internal_error(ZeroDivisionError("division by zero"))
    'internal error: ZeroDivisionError: division by zero (please report this)'
    """
    why = safe_line(str(exc))[:300]
    return f"internal error: {type(exc).__name__}: {why} (please report this)"


def file_summary(fc: FileCheck) -> str:
    """One line per checked file for ``check --verbose``."""
    if fc.error and fc.report is None:
        return f"{fc.path}: could not be checked: {fc.error}"
    if fc.report is None:
        return f"{fc.path}: no quotations"
    by_verdict = Counter(r.verdict for r in fc.report.results if r.verdict is not None)
    parts = [f"{n} {v}" for v, n in sorted(by_verdict.items(), key=lambda kv: (-kv[1], kv[0]))]
    head = plural(len(fc.report.results), "quotation")
    tail = f"; {plural(len(fc.findings), 'finding')}" if fc.findings else ""
    err = f"; error: {fc.error}" if fc.error else ""
    return f"{fc.path}: {head}" + (f" ({', '.join(parts)})" if parts else "") + tail + err


def run_summary(run: CheckRun, n_files: int) -> str:
    """The line ``check`` ends with on stderr: files, findings by level, what was hidden."""
    c = counts(run)
    extra = [f"{c.suppressed} suppressed"] if c.suppressed else []
    extra += [f"{c.baselined} in the baseline"] if c.baselined else []
    extra += [f"{plural(c.file_errors, 'file')} could not be checked"] if c.file_errors else []
    tail = f" ({', '.join(extra)})" if extra else ""
    return (
        f"{plural(n_files, 'file')}: {plural(c.errors, 'error')}, "
        f"{plural(c.warnings, 'warning')}, {plural(c.notes, 'note')}{tail}"
    )
