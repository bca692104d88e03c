"""The CI renderers of ``quoteverify check``: every format, on hand-built runs."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from quoteverify import __version__
from quoteverify.models import (
    Article,
    CheckRun,
    DiffOp,
    FileCheck,
    Finding,
    Match,
    Quote,
    QuoteResult,
    Report,
    Source,
    Speaker,
)
from quoteverify.report import FORMATS, github_step_summary, render_check

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
SCHEMA_URL = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

TRICKY = "50% of voters: yes, really\nsecond line\rthird"
TRICKY_TITLE = "Quote: unverifiable, 100%"
BLINKEN = Speaker(name="Antony Blinken", mention="Blinken", start=0, end=7)
SOURCE = Source(
    ref="https://www.state.gov/briefing",
    status="ok",
    text="We will not raise taxes. Other words here.",
    url="https://www.state.gov/briefing",
    title="Press briefing",
)


def _quote(qid: str, text: str, speaker: Speaker | None = BLINKEN) -> Quote:
    return Quote(id=qid, text=text, start=0, end=len(text), speaker=speaker, cue="said")


def _result(
    q: Quote, verdict: str, diff: tuple[DiffOp, ...] = (), score: float = 80.0
) -> QuoteResult:
    match = Match(
        source_index=0, text="We will not raise taxes", start=0, end=23, score=score, line=1
    )
    return QuoteResult(quote=q, verdict=verdict, score=score, match=match, diff=diff)  # type: ignore[arg-type]


def _finding(
    r: QuoteResult,
    *,
    path: str = "docs/a.md",
    line: int,
    column: int,
    end_line: int | None = None,
    end_column: int,
    level: str,
    title: str | None = None,
    message: str | None = None,
    suppressed: str | None = None,
    source: str | None = SOURCE.ref,
) -> Finding:
    return Finding(
        path=path,
        line=line,
        column=column,
        end_line=line if end_line is None else end_line,
        end_column=end_column,
        verdict=r.verdict,  # type: ignore[arg-type]
        level=level,  # type: ignore[arg-type]
        title=title or f"Quote {r.verdict}",
        message=message or f"{r.quote.id} {r.verdict}: said by {BLINKEN.name}",
        quote_id=r.quote.id,
        quote=r.quote.text,
        speaker=r.quote.speaker.name if r.quote.speaker else None,
        source=source,
        fingerprint=f"fp-{path}-{r.quote.id}",
        result=r,
        suppressed=suppressed,
    )


DIFF = (
    DiffOp("equal", quote="We", source="We"),
    DiffOp("replace", quote="won't", source="will not", flags=("negation",)),
    DiffOp("equal", quote="raise taxes", source="raise taxes"),
)

Q1 = _quote("q1", "We will not raise taxes")
Q2 = _quote("q2", "We won't raise taxes")
Q3 = _quote("q3", "The border is closed for good", BLINKEN)
Q4 = _quote("q4", "Nobody can say, 100% sure: no")
Q5 = _quote("q5", "we are, uh, committed")
Q6 = _quote("q6", "Never again, never")
Q10 = _quote("q10", "A tenth quotation")
R1 = _result(Q1, "verbatim", score=100.0)
R2 = _result(Q2, "diverged", DIFF, 71.0)
R3 = _result(Q3, "misattributed")
R4 = QuoteResult(quote=Q4, verdict="unverifiable")
R5 = _result(Q5, "minor", (DiffOp("delete", source="uh,"),), 96.0)
R6 = _result(Q6, "diverged", (DiffOp("insert", quote="never"),), 70.0)
R10 = _result(Q10, "not_found", score=20.0)

F2 = _finding(R2, line=3, column=14, end_column=36, level="error", title="Quote diverged")
F3 = _finding(R3, line=7, column=1, end_line=8, end_column=12, level="error")
F4 = _finding(
    R4,
    line=10,
    column=5,
    end_column=30,
    level="warning",
    title=TRICKY_TITLE,
    message=TRICKY,
    source=None,
)
F5 = _finding(R5, line=12, column=2, end_column=20, level="note")
F6 = _finding(
    R6,
    line=14,
    column=1,
    end_column=19,
    level="error",
    suppressed="checked with the desk: ok, 100%",
)
F10 = _finding(R10, line=20, column=3, end_column=19, level="error")

ARTICLE_A = Article(origin="docs/a.md", text="…", format="markdown")
REPORT_A = Report(article=ARTICLE_A, results=(R1, R2, R3, R4, R5, R6, R10), sources=(SOURCE,))
FILE_A = FileCheck(path="docs/a.md", report=REPORT_A, findings=(F2, F3, F4, F5, F6, F10))
FILE_B = FileCheck(path="docs/b.md", report=None, error="cannot read: No such file, or: 100%")
REPORT_C = Report(
    article=Article(origin="docs/c.md", text="…", format="markdown"),
    results=(R1,),
    sources=(SOURCE,),
)
FILE_C = FileCheck(path="docs/c.md", report=REPORT_C)

RUN = CheckRun(files=(FILE_C, FILE_A, FILE_B), fail_on="diverged", baselined=2)
# The same run as a parallel checker might hand it over: another order everywhere.
SHUFFLED = CheckRun(
    files=(FILE_B, replace(FILE_A, findings=tuple(reversed(FILE_A.findings))), FILE_C),
    fail_on="diverged",
    baselined=2,
)
EMPTY = CheckRun(files=(), fail_on="diverged")


# --- all formats -----------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_deterministic(fmt: str) -> None:
    first = render_check(RUN, fmt)
    assert first == render_check(RUN, fmt)
    assert first == render_check(SHUFFLED, fmt)
    assert first.endswith("\n")
    assert render_check(EMPTY, fmt) == render_check(EMPTY, fmt)


def test_formats_tuple() -> None:
    assert FORMATS == (
        "human",
        "concise",
        "json",
        "jsonl",
        "markdown",
        "sarif",
        "github",
        "junit",
        "gitlab",
    )


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render_check(RUN, "xml")


def test_findings_sorted_naturally_by_quote_id_at_same_place() -> None:
    a = _finding(R10, line=1, column=1, end_column=5, level="error")
    b = _finding(R2, line=1, column=1, end_column=5, level="error")
    run = CheckRun(
        files=(FileCheck(path="x.md", report=REPORT_A, findings=(a, b)),), fail_on="minor"
    )
    lines = render_check(run, "concise").splitlines()
    assert [ln.split(": ")[2] for ln in lines] == ["diverged", "not_found"]  # q2 before q10


# --- concise / human ---------------------------------------------------------------


def test_concise_exact() -> None:
    assert render_check(RUN, "concise").splitlines() == [
        "docs/a.md:3:14: error: diverged: q2 diverged: said by Antony Blinken",
        "docs/a.md:7:1: error: misattributed: q3 misattributed: said by Antony Blinken",
        "docs/a.md:10:5: warning: unverifiable: 50% of voters: yes, really second line third",
        "docs/a.md:12:2: note: minor: q5 minor: said by Antony Blinken",
        "docs/a.md:20:3: error: not_found: q10 not_found: said by Antony Blinken",
        "docs/b.md: error: cannot read: No such file, or: 100%",
    ]
    assert render_check(EMPTY, "concise") == ""


def test_human_plain() -> None:
    out = render_check(RUN, "human")
    assert "\x1b" not in out
    assert out.splitlines()[-1] == (
        "3 files, 3 errors, 1 warning, 1 note, 1 suppressed, 2 baselined, 1 could not be checked"
    )
    assert "  3:14  error    diverged       q2 diverged: said by Antony Blinken" in out
    assert "diff: We ~~will not~~ [+won't+] raise taxes" in out
    assert "suppressed: checked with the desk: ok, 100%" in out
    assert "docs/c.md" not in out  # clean files are not listed
    assert "docs/b.md\n  error  cannot read" in out


def test_human_color() -> None:
    out = render_check(RUN, "human", color=True)
    assert "\x1b[31mwill not\x1b[0m \x1b[32mwon't\x1b[0m" in out
    assert "\x1b[2m" in out  # the suppressed finding is dimmed
    assert render_check(EMPTY, "human", color=True).strip() == (
        "0 files, 0 errors, 0 warnings, 0 notes, 0 suppressed, 0 baselined"
    )


def test_human_strips_terminal_escapes_from_article_text() -> None:
    evil = replace(F2, message="bad \x1b[2Jclear", quote="x\x1b]0;title\x07y")
    run = CheckRun(files=(replace(FILE_A, findings=(evil,)),), fail_on="diverged")
    out = render_check(run, "human", color=True)
    assert "\x1b[2J" not in out and "\x1b]" not in out and "\x07" not in out


# --- json / jsonl ------------------------------------------------------------------


FINDING_KEYS = {
    "path", "line", "column", "end_line", "end_column", "verdict", "level", "title",
    "message", "quote_id", "quote", "speaker", "source", "fingerprint", "suppressed",
    "score", "match", "diff", "notes", "source_detail",
}  # fmt: skip


def test_json_document() -> None:
    text = render_check(RUN, "json")
    doc = json.loads(text)
    assert doc["version"] == 1
    assert doc["fail_on"] == "diverged"
    assert doc["tool"] == {"name": "quoteverify", "version": __version__}
    s = doc["summary"]
    assert (s["files"], s["file_errors"], s["errors"], s["warnings"], s["notes"]) == (3, 1, 3, 1, 1)
    assert (s["suppressed"], s["baselined"], s["findings"]) == (1, 2, 5)
    assert s["verdicts"]["diverged"] == 1 and s["verdicts"]["not_found"] == 1
    assert [f["path"] for f in doc["files"]] == ["docs/a.md", "docs/b.md", "docs/c.md"]
    assert doc["files"][1] == {"path": "docs/b.md", "error": FILE_B.error, "findings": []}
    findings = doc["files"][0]["findings"]
    assert [f["quote_id"] for f in findings] == ["q2", "q3", "q4", "q5", "q6", "q10"]
    assert all(set(f) == FINDING_KEYS for f in findings)
    q2 = findings[0]
    assert q2["diff"][1] == {
        "op": "replace",
        "quote": "won't",
        "source": "will not",
        "flags": ["negation"],
        "quote_text": "won't",
        "source_text": "will not",
    }
    assert q2["score"] == 71.0 and q2["match"]["line"] == 1
    assert q2["source_detail"]["url"] == SOURCE.url
    assert findings[4]["suppressed"] == F6.suppressed
    assert "’" in render_check(
        replace(RUN, files=(replace(FILE_A, findings=(replace(F2, quote="it’s"),)),)), "json"
    )


def test_jsonl_lines() -> None:
    lines = render_check(RUN, "jsonl").splitlines()
    objs = [json.loads(line) for line in lines]
    assert len(objs) == len(FILE_A.findings) + 1
    assert objs[-1] == {"path": "docs/b.md", "error": FILE_B.error}
    json_findings = json.loads(render_check(RUN, "json"))["files"][0]["findings"]
    assert objs[:-1] == json_findings
    assert render_check(EMPTY, "jsonl") == ""


# --- markdown / step summary ------------------------------------------------------


def test_markdown() -> None:
    md = render_check(RUN, "markdown")
    assert md.startswith("## quoteverify check\n")
    assert "| diverged | 1 | 1 |" in md
    assert "| misattributed | 1 | 0 |" in md
    assert "| verbatim" not in md
    assert "### docs/a.md" in md and "### docs/b.md" in md and "docs/c.md" not in md
    assert "~~will not~~ **won't** *(negation)*" in md
    assert "*suppressed: checked with the desk: ok, 100%*" in md
    assert "**could not be checked:** cannot read" in md
    assert "No findings." in render_check(EMPTY, "markdown")
    assert github_step_summary(RUN) == md


def test_step_summary_truncates_under_cap() -> None:
    many = tuple(
        _finding(R2, line=i, column=1, end_column=9, level="error", message="x" * 400)
        for i in range(1, 3001)
    )
    run = CheckRun(
        files=(FileCheck(path="big.md", report=REPORT_A, findings=many),), fail_on="diverged"
    )
    full = render_check(run, "markdown")
    assert len(full.encode()) > 1024 * 1024
    summary = github_step_summary(run)
    assert len(summary.encode()) < 1024 * 1024
    assert "Truncated to fit GitHub's 1 MiB step summary" in summary
    shown = summary.count("\n- `")
    assert f"{3000 - shown} more findings" in summary

    small = github_step_summary(RUN, max_bytes=1500)
    assert len(small.encode()) < 1500
    assert "more findings" in small


# --- SARIF -------------------------------------------------------------------------


def _sarif(run: CheckRun = RUN) -> dict:
    return json.loads(render_check(run, "sarif"))


def test_sarif_validates_against_official_schema() -> None:
    # The SARIF TC's schema as SchemaStore publishes it (json.schemastore.org/
    # sarif-2.1.0.json: draft-04, errata01 id); see tests/data/README.md.
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["id"] == SCHEMA_URL
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    for run in (RUN, EMPTY, _odd_paths_run()):
        errors = sorted(validator.iter_errors(_sarif(run)), key=lambda e: list(e.path))
        assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    # The validator is not vacuous: a result without a message is refused.
    broken = _sarif(RUN)
    del broken["runs"][0]["results"][0]["message"]
    assert list(validator.iter_errors(broken))


def _odd_paths_run() -> CheckRun:
    f = replace(F2, path="my docs/café #1.md", line=0, column=0, end_line=0, end_column=0)
    return CheckRun(
        files=(
            FileCheck(path="my docs/café #1.md", report=REPORT_A, findings=(f,)),
            FileCheck(path="/abs/path.md", report=None, error="gone"),
        ),
        fail_on="none",
    )


def test_sarif_structure() -> None:
    """A hand-written check of what SARIF consumers (GitHub code scanning) read."""
    log = _sarif()
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "quoteverify" and driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == [
        "quoteverify/minor", "quoteverify/elided", "quoteverify/diverged",
        "quoteverify/stitched", "quoteverify/misattributed", "quoteverify/not_found",
        "quoteverify/unverifiable",
    ]  # fmt: skip
    for r in rules:
        assert r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"]
        assert r["defaultConfiguration"]["level"] in ("none", "note", "warning", "error")
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in rules}
    assert levels["quoteverify/diverged"] == "error" and levels["quoteverify/minor"] == "note"
    assert levels["quoteverify/unverifiable"] == "warning"
    assert levels["quoteverify/elided"] == "note"  # passes under the default --fail-on
    assert run["columnKind"] == "unicodeCodePoints"

    results = run["results"]
    assert [r["properties"]["quoteId"] for r in results] == ["q2", "q3", "q4", "q5", "q6", "q10"]
    for res in results:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("note", "warning", "error")
        assert isinstance(res["message"]["text"], str) and res["message"]["text"]
        assert set(res["partialFingerprints"]) == {"quoteverify/v1"}
    q2 = results[0]
    assert q2["ruleId"] == "quoteverify/diverged" and q2["level"] == "error"
    assert q2["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "docs/a.md", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 3, "startColumn": 14, "endLine": 3, "endColumn": 36},
            }
        }
    ]
    assert q2["partialFingerprints"] == {"quoteverify/v1": "fp-docs/a.md-q2"}
    assert q2["properties"]["quote"] == Q2.text and q2["properties"]["speaker"] == BLINKEN.name
    assert q2["properties"]["source"] == SOURCE.ref and q2["properties"]["verdict"] == "diverged"
    q3 = results[1]["locations"][0]["physicalLocation"]["region"]
    assert q3 == {"startLine": 7, "startColumn": 1, "endLine": 8, "endColumn": 12}
    assert results[2]["message"]["text"] == TRICKY
    assert "suppressions" not in q2
    assert results[4]["suppressions"] == [{"kind": "inSource", "justification": F6.suppressed}]

    inv = run["invocations"]
    assert inv[0]["executionSuccessful"] is True
    notes = inv[0]["toolExecutionNotifications"]
    assert len(notes) == 1 and notes[0]["level"] == "error"
    assert notes[0]["message"]["text"] == FILE_B.error
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/b.md"


def test_sarif_odd_paths() -> None:
    run = _sarif(_odd_paths_run())["runs"][0]
    loc = run["results"][0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {
        "uri": "my%20docs/caf%C3%A9%20%231.md",
        "uriBaseId": "%SRCROOT%",
    }
    # Positions the checker could not place still make a valid (1-based) region.
    assert loc["region"] == {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1}
    abs_loc = run["invocations"][0]["toolExecutionNotifications"][0]["locations"][0]
    assert abs_loc["physicalLocation"]["artifactLocation"] == {"uri": "file:///abs/path.md"}
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["quoteverify/diverged"]["defaultConfiguration"]["level"] == "warning"


# --- GitHub workflow commands -----------------------------------------------------

COMMAND = re.compile(r"^::(error|warning|notice)(?: ([^:]*))?::(.*)$")


def _unescape(text: str) -> str:
    return (
        text.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n").replace("%0D", "\r")
        .replace("%25", "%")
    )  # fmt: skip


def _parse_github(text: str) -> list[tuple[str, dict[str, str], str]]:
    parsed = []
    for line in text.splitlines():
        m = COMMAND.match(line)
        assert m, line
        props = {}
        if m.group(2):
            for part in m.group(2).split(","):
                key, _, value = part.partition("=")
                props[key] = _unescape(value)
        parsed.append((m.group(1), props, _unescape(m.group(3))))
    return parsed


def test_github_commands_parse_and_round_trip() -> None:
    text = render_check(RUN, "github")
    assert "\r" not in text and text.count("\n") == 6
    parsed = _parse_github(text)
    assert [p[0] for p in parsed] == ["error", "error", "warning", "notice", "error", "error"]
    cmd, props, msg = parsed[0]
    assert props == {
        # GitHub's endColumn is inclusive: the last character, one before SARIF's.
        "file": "docs/a.md", "line": "3", "col": "14", "endLine": "3", "endColumn": "35",
        "title": "Quote diverged",
    }  # fmt: skip
    assert msg == F2.message
    # A quotation over two lines: GitHub takes columns only on one-line annotations.
    assert parsed[1][1] == {"file": "docs/a.md", "line": "7", "endLine": "8", "title": F3.title}
    _, props4, msg4 = parsed[2]
    assert msg4 == TRICKY and props4["title"] == TRICKY_TITLE
    assert "%0A" in text and "%0D" in text and "%25" in text and "%2C" in text and "%3A" in text
    assert parsed[5] == (
        "error",
        {"file": "docs/b.md", "title": "File could not be checked"},
        FILE_B.error,
    )
    assert "q6" not in text  # suppressed findings are not annotated
    assert render_check(EMPTY, "github") == ""


def test_github_notice_when_over_the_annotation_cap() -> None:
    many = tuple(_finding(R2, line=i, column=1, end_column=5, level="error") for i in range(1, 12))
    run = CheckRun(
        files=(FileCheck(path="a.md", report=REPORT_A, findings=many),), fail_on="diverged"
    )
    parsed = _parse_github(render_check(run, "github"))
    assert len(parsed) == 12
    # First, so that it is not itself one of the notices GitHub hides.
    kind, props, msg = parsed[0]
    assert kind == "notice" and "11 errors" in msg and "GitHub shows only 10" in msg
    ten = CheckRun(
        files=(FileCheck(path="a.md", report=REPORT_A, findings=many[:10]),), fail_on="diverged"
    )
    # Ten errors: all shown, so no notice about hidden ones.
    assert [p[0] for p in _parse_github(render_check(ten, "github"))] == ["error"] * 10


# --- JUnit -------------------------------------------------------------------------


def test_junit_parses_and_counts_add_up() -> None:
    text = render_check(RUN, "junit")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["docs/a.md", "docs/b.md", "docs/c.md"]
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for s in suites:
        cases = s.findall("testcase")
        counted = {
            "tests": len(cases),
            "failures": sum(1 for c in cases if c.find("failure") is not None),
            "errors": sum(1 for c in cases if c.find("error") is not None),
            "skipped": sum(1 for c in cases if c.find("skipped") is not None),
        }
        assert {k: int(s.get(k, "-1")) for k in counted} == counted
        for k, v in counted.items():
            totals[k] += v
    assert {k: int(root.get(k, "-1")) for k in totals} == totals
    assert totals == {"tests": 9, "failures": 3, "errors": 1, "skipped": 2}

    cases = {c.get("name", "").split(":")[0]: c for c in suites[0].findall("testcase")}
    assert list(cases) == ["q1", "q2", "q3", "q4", "q5", "q6", "q10"]
    assert cases["q2"].get("name") == "q2: We won't raise taxes"
    assert cases["q2"].get("classname") == "docs/a.md"
    failure = cases["q2"].find("failure")
    assert failure is not None and failure.get("type") == "diverged"
    assert failure.get("message") == "Quote diverged: q2 diverged: said by Antony Blinken"
    assert "~~will not~~ [+won't+]" in (failure.text or "")
    assert list(cases["q1"]) == []  # verbatim: passes
    skipped4 = cases["q4"].find("skipped")
    assert skipped4 is not None and skipped4.get("message", "").startswith(
        "unverifiable: 50% of voters"
    )
    assert cases["q5"].find("failure") is None and "minor" in (
        cases["q5"].findtext("system-out") or ""
    )
    skipped6 = cases["q6"].find("skipped")
    assert (
        skipped6 is not None
        and skipped6.get("message") == "suppressed: checked with the desk: ok, 100%"
    )
    err = suites[1].find("testcase/error")
    assert err is not None and err.get("message") == FILE_B.error


def test_junit_escapes_and_drops_invalid_xml_characters() -> None:
    bad = replace(F2, message='<b>&"quoted"</b> \x0b\x00 end', quote="a < b & c")
    run = CheckRun(files=(replace(FILE_A, findings=(bad,)),), fail_on="diverged")
    root = ET.fromstring(render_check(run, "junit").encode("utf-8"))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message", "").startswith('Quote diverged: <b>&"quoted"</b>')


def test_sarif_rule_defaults_follow_the_checkers_level_rule() -> None:
    from quoteverify.models import finding_level

    for fail_on in ("minor", "diverged", "not_found", "unverifiable", "none"):
        run = replace(RUN, fail_on=fail_on)
        rules = json.loads(render_check(run, "sarif"))["runs"][0]["tool"]["driver"]["rules"]
        for rule in rules:
            verdict = rule["id"].split("/")[-1]
            assert rule["defaultConfiguration"]["level"] == finding_level(verdict, fail_on)
    # With --fail-on unverifiable, a diverged quote fails the build: an error.
    assert finding_level("diverged", "unverifiable") == "error"
