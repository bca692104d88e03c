"""JUnit XML, the test-report format GitLab, Jenkins, Azure DevOps and CircleCI render.

Conventions (what a dashboard shows as red, yellow or green):

- one ``<testsuite>`` per article file (``name`` = the path), one ``<testcase>`` per
  judged quotation (``name`` = "q3: opening words…", ``classname`` = the path);
- a finding at level *error* is a ``<failure type="VERDICT" message="TITLE: MESSAGE">``
  with the details (place, speaker, source, quote, diff) as its text;
- an *unverifiable* warning is ``<skipped>``: the quotation could not be checked,
  which is what skipped means to every dashboard;
- other warnings and notes pass, with the finding in ``<system-out>``: they do not
  fail the check, so they must not turn the dashboard red;
- a suppressed finding is ``<skipped message="suppressed: REASON">``;
- a file that could not be checked is one ``<testcase>`` holding an ``<error>``.

Verbatim quotations (and findings hidden by the baseline) are passing testcases.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from .._display import escape_controls
from .._lazyre import lazy
from ..models import CheckRun, FileCheck, Finding
from ._checkrun import natural_key, ordered_files
from ._plain import has_changes, one_line, opening, plain_diff

# XML 1.0 forbids most control characters even escaped; article text may hold them.
_NOT_XML = lazy("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_LEVEL_RANK = {"error": 0, "warning": 1, "note": 2}


def _xml_safe(text: str) -> str:
    # A parser turns a raw CR into LF anyway; doing it here keeps what we write
    # and what a dashboard reads the same.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Terminal controls (C1 ones are legal XML) shown as escapes, as in every
    # report: a dashboard or a `cat` of the file must not obey them.
    text = "\n".join(escape_controls(line) for line in text.split("\n"))
    return _NOT_XML.sub("\ufffd", text)


def _details(f: Finding) -> str:
    lines = [
        f"{f.path}:{f.line}:{f.column}: {f.level}: {f.verdict}: {f.message}",
        f"quote: “{one_line(f.quote)}”",
        f"speaker: {f.speaker or '—'}",
        f"source: {f.source or '—'}",
    ]
    if f.result.score is not None:
        lines.append(f"score: {f.result.score:.0f}")
    if has_changes(f.result.diff):
        lines.append(f"diff (source → quote): {plain_diff(f.result.diff)}")
    if f.suppressed is not None:
        lines.append(f"suppressed: {f.suppressed}")
    return "\n".join(lines)


def _primary(findings: Sequence[Finding]) -> Finding:
    # The finding that decides the testcase's outcome: an active one before a
    # suppressed one, then the most severe.
    return min(findings, key=lambda f: (f.suppressed is not None, _LEVEL_RANK[f.level]))


def _testcase(
    suite: ET.Element, path: str, qid: str, text: str, findings: Sequence[Finding]
) -> str:
    """Append one testcase; returns its outcome: pass, failure, skipped."""
    case = ET.SubElement(
        suite,
        "testcase",
        {
            "name": _xml_safe(f"{qid}: {opening(text)}"),
            "classname": _xml_safe(path),
            "file": _xml_safe(path),
            "time": "0",
        },
    )
    if not findings:
        return "pass"
    f = _primary(findings)
    details = "\n\n".join(_details(x) for x in findings)
    outcome = "pass"
    if f.suppressed is not None:
        ET.SubElement(
            case, "skipped", {"message": _xml_safe(f"suppressed: {one_line(f.suppressed)}")}
        )
        outcome = "skipped"
    elif f.level == "error":
        failure = ET.SubElement(
            case,
            "failure",
            {"message": _xml_safe(f"{f.title}: {one_line(f.message)}"), "type": f.verdict},
        )
        failure.text = _xml_safe(details)
        return "failure"
    elif f.verdict == "unverifiable":
        ET.SubElement(
            case, "skipped", {"message": _xml_safe(f"unverifiable: {one_line(f.message)}")}
        )
        outcome = "skipped"
    out = ET.SubElement(case, "system-out")
    out.text = _xml_safe(details)
    return outcome


def _suite(fc: FileCheck) -> tuple[ET.Element, dict[str, int]]:
    suite = ET.Element("testsuite", {"name": _xml_safe(fc.path)})
    tally = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    if fc.error is not None:
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "name": "file could not be checked",
                "classname": _xml_safe(fc.path),
                "file": _xml_safe(fc.path),
            },
        )
        case.set("time", "0")
        ET.SubElement(
            case, "error", {"message": _xml_safe(one_line(fc.error)), "type": "file-error"}
        )
        tally["tests"] += 1
        tally["errors"] += 1
    by_quote: dict[str, list[Finding]] = {}
    for f in fc.findings:
        by_quote.setdefault(f.quote_id, []).append(f)
    quotes: dict[str, str] = {}
    if fc.report is not None:
        quotes = {r.quote.id: r.quote.text for r in fc.report.results if r.verdict is not None}
    for qid, fs in by_quote.items():
        quotes.setdefault(qid, fs[0].quote)
    for qid in sorted(quotes, key=natural_key):
        findings = sorted(
            by_quote.get(qid, []), key=lambda f: (f.line, f.column, f.verdict, f.fingerprint)
        )
        outcome = _testcase(suite, fc.path, qid, quotes[qid], findings)
        tally["tests"] += 1
        if outcome == "failure":
            tally["failures"] += 1
        elif outcome == "skipped":
            tally["skipped"] += 1
    for k, v in tally.items():
        suite.set(k, str(v))
    suite.set("time", "0")
    return suite, tally


def render_junit(run: CheckRun) -> str:
    root = ET.Element("testsuites", {"name": "quoteverify"})
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for fc in ordered_files(run):
        suite, tally = _suite(fc)
        root.append(suite)
        for k, v in tally.items():
            total[k] += v
    for k, v in total.items():
        root.set(k, str(v))
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
