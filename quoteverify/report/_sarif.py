"""SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning, GitLab, IDEs).

One rule per verdict, one result per finding (suppressed ones included, with a
``suppressions`` entry, as SARIF viewers expect), file errors as tool execution
notifications.  The output validates against the OASIS SARIF 2.1.0 schema.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote as url_quote

from .. import __version__
from .._display import json_text
from ..models import CheckRun, FailOn, Finding, FindingVerdict, Verdict, finding_level
from ._checkrun import (
    FINDING_VERDICTS,
    INFORMATION_URI,
    all_ordered,
    error_parts,
    ordered_files,
    repository_path,
)
from ._plain import has_changes, plain_diff

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "quoteverify/v1"

_RULES: dict[FindingVerdict, tuple[str, str, str]] = {
    # verdict: (short description, full description, help)
    "minor": (
        "Quote differs from the source in small ways",
        "The quotation matches the source apart from changes that do not alter the "
        "meaning: spelling, case, punctuation, contractions, a writer's [bracketed] "
        "insertion or an ellipsis.",
        "Usually acceptable. Check the diff if your style guide requires exact wording.",
    ),
    "elided": (
        "Quote shortened with a marked omission",
        "The quotation leaves words out of one passage of one speaker, and marks each "
        "omission with an ellipsis; the kept words match the source and the omitted "
        "words hold no negation or condition.",
        "Usually acceptable. Read the omitted words in the report to check that the cut "
        "keeps the speaker's meaning.",
    ),
    "diverged": (
        "Quote diverged from the source",
        "The quotation was found in the source, but with changed words: a substitution, "
        "an omission or an insertion that is not a permitted editorial change.",
        "Compare the quotation with the source passage and correct the wording, or "
        "paraphrase without quotation marks.",
    ),
    "stitched": (
        "Quote stitched from separate passages",
        "The quotation joins words that the speaker said in separate places, without an "
        "ellipsis or other sign that something was left out.",
        "Mark the omission with an ellipsis or quote the passages separately.",
    ),
    "misattributed": (
        "Quote attributed to the wrong speaker",
        "The words are in the source, but someone other than the credited speaker said them.",
        "Credit the speaker the source names, or check that the right source was used.",
    ),
    "not_found": (
        "Quote not found in the source",
        "The quotation could not be found in any of the sources the article relies on.",
        "Add the source the quotation comes from (a link, front matter `sources:` or a "
        "`<!-- quoteverify-source URL -->` comment), or correct the quotation.",
    ),
    "unverifiable": (
        "Quote could not be verified",
        "No usable source could be read for this quotation (none given, or fetching or "
        "reading it failed), so nothing can be said about it.",
        "Give a source the tool can read, or suppress the finding with a reason.",
    ),
}


def rule_id(verdict: str) -> str:
    return f"quoteverify/{verdict}"


def _default_level(verdict: Verdict, fail_on: FailOn) -> str:
    """The checker's own level rule, for the rule's default.

    Informative only: every result carries the level the checker gave it.
    """
    return finding_level(verdict, fail_on)


def artifact_uri(path: str) -> tuple[str, str | None]:
    """(uri, uriBaseId) for a path: relative ones resolve against %SRCROOT%.

    Percent-encoding makes a valid URI reference of any file name (spaces,
    non-ASCII, ``#``), which is what SARIF consumers parse ``uri`` as.
    """
    p = path.replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    if p.startswith("/"):
        return "file://" + url_quote(p, safe="/"), None
    if len(p) > 2 and p[1] == ":" and p[2] == "/" and p[0].isalpha():
        return "file:///" + p[:2] + url_quote(p[2:], safe="/"), None
    return url_quote(p, safe="/"), SRCROOT


def _location(path: str, region: dict[str, int] | None = None) -> dict[str, Any]:
    # Code scanning resolves relative URIs against the repository's top and
    # ignores uriBaseId, so on GitHub Actions the path is made relative to it.
    uri, base = artifact_uri(repository_path(path))
    artifact: dict[str, Any] = {"uri": uri}
    if base is not None:
        artifact["uriBaseId"] = base
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if region is not None:
        physical["region"] = region
    return {"physicalLocation": physical}


def _rule(verdict: Verdict, fail_on: FailOn) -> dict[str, Any]:
    short, full, help_text = _RULES[verdict]
    return {
        "id": rule_id(verdict),
        "name": "".join(w.capitalize() for w in verdict.split("_")),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": _default_level(verdict, fail_on)},
        "properties": {"tags": ["quotation", verdict]},
    }


def _result(f: Finding, index: dict[str, int], occurrence: int = 1) -> dict[str, Any]:
    # SARIF positions are 1-based; a checker that could not place a quotation
    # must still yield a valid log.
    start_line = max(1, f.line)
    start_col = max(1, f.column)
    end_line = max(start_line, f.end_line)
    end_col = max(1, f.end_column)
    if end_line == start_line:
        end_col = max(start_col, end_col)
    region = {
        "startLine": start_line,
        "startColumn": start_col,
        "endLine": end_line,
        "endColumn": end_col,
    }
    props: dict[str, Any] = {
        "verdict": f.verdict,
        "quoteId": f.quote_id,
        "quote": f.quote,
        "speaker": f.speaker,
        "source": f.source,
    }
    if f.result.score is not None:
        props["score"] = round(f.result.score, 1)
    if has_changes(f.result.diff):
        props["diff"] = plain_diff(f.result.diff, keep=1_000_000)
    res: dict[str, Any] = {
        "ruleId": rule_id(f.verdict),
        "ruleIndex": index[f.verdict],
        "level": f.level,
        "message": {"text": f.message},
        "locations": [_location(f.path, region)],
        # The same quotation printed twice in an article has one fingerprint;
        # code scanning would merge the two into one alert, so the second copy
        # gets ":2" (CodeQL numbers repeated line hashes the same way).
        "partialFingerprints": {
            FINGERPRINT_KEY: f.fingerprint if occurrence == 1 else f"{f.fingerprint}:{occurrence}"
        },
    }
    if f.suppressed is not None:
        res["suppressions"] = [{"kind": "inSource", "justification": f.suppressed}]
    res["properties"] = props
    return res


def _results(run: CheckRun, index: dict[str, int]) -> list[dict[str, Any]]:
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for f in all_ordered(run):
        key = (f.path, f.verdict, f.fingerprint)
        seen[key] = seen.get(key, 0) + 1
        out.append(_result(f, index, seen[key]))
    return out


def sarif_log(run: CheckRun) -> dict[str, Any]:
    index = {v: i for i, v in enumerate(FINDING_VERDICTS)}
    notifications = [
        {
            "descriptor": {"id": "quoteverify/file-error"},
            "level": "error",
            "message": {"text": text},
            "locations": [_location(fc.path, {"startLine": line} if line else None)],
        }
        for fc in ordered_files(run)
        if fc.error is not None
        for line, text in error_parts(fc.error)
    ]
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    sarif_run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "quoteverify",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(v, run.fail_on) for v in FINDING_VERDICTS],
            }
        },
        "invocations": [invocation],
        "originalUriBaseIds": {
            SRCROOT: {
                "description": {
                    "text": "The directory quoteverify check ran in "
                    "(the repository's top on GitHub Actions)."
                },
            }
        },
        # Finding columns count code points; SARIF's default is UTF-16 code units.
        "columnKind": "unicodeCodePoints",
        "results": _results(run, index),
        "properties": {"failOn": run.fail_on, "baselined": run.baselined},
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [sarif_run]}


def render_sarif(run: CheckRun) -> str:
    return json_text(json.dumps(sarif_log(run), ensure_ascii=False, indent=2)) + "\n"
