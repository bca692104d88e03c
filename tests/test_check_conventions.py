"""Linter conventions of ``check``: verdict-named suppressions, unused suppressions
and stale baseline entries, --output, the gitlab format, --stdin-filename and
--min-level.  No network: every source is a file."""

from __future__ import annotations

import io
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from .conftest import SEED_SOURCE, without_ci_environment
from .conftest import article_md as md
from .conftest import run_cli as run

# "one lesson in recent history" printed as "a lesson from recent history": diverged.
DRIFTED = (
    "I think a lesson from recent history is that once the Russians are in your house, "
    "sometimes it’s very difficult to get them to leave."
)
ARTICLE = "content/news/kazakhstan.md"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "site"
    (root / "transcripts").mkdir(parents=True)
    shutil.copy(SEED_SOURCE, root / "transcripts" / "blinken.txt")
    (root / "quoteverify.toml").write_text('fail-on = "diverged"\n', encoding="utf-8")
    news = root / "content" / "news"
    news.mkdir(parents=True)
    write(root, f"On Kazakhstan, Blinken was blunt: “{DRIFTED}”")
    monkeypatch.chdir(root)
    without_ci_environment(monkeypatch)
    return root


def write(root: Path, body: str) -> None:
    (root / ARTICLE).write_text(md(body), encoding="utf-8")


def test_a_suppression_naming_the_verdict_hides_only_that_verdict(site: Path, capsys) -> None:
    write(
        site, f"<!-- quoteverify-disable-next-line diverged -- sic, per the tape -->\n“{DRIFTED}”"
    )
    code, out, _ = run(capsys, "check", "content", "--format", "json", "-q")
    doc = json.loads(out)
    assert code == 0 and doc["summary"]["suppressed"] == 1
    # Named for another verdict, it does not hide a diverged quote...
    write(site, f"<!-- quoteverify-disable-next-line minor, elided -- house style -->\n“{DRIFTED}”")
    code, out, _ = run(capsys, "check", "content", "--format", "concise", "-q")
    assert code == 1
    assert re.search(r"kazakhstan\.md:7:\d+: error: diverged:", out)
    # ...and is reported as unused (a warning, which does not change the exit code).
    assert (
        "kazakhstan.md: warning: line 6: unused suppression: "
        "quoteverify-disable-next-line elided,minor hides no elided or minor finding"
    ) in out


def test_a_misspelt_verdict_is_a_problem_not_a_reason(site: Path, capsys) -> None:
    write(site, f"<!-- quoteverify-disable-next-line diverge -- sic -->\n“{DRIFTED}”")
    code, out, _ = run(capsys, "check", "content", "--format", "concise", "-q")
    assert code == 2
    assert f"{ARTICLE}:6:1: error: unknown verdict diverge (did you mean diverged?)" in out
    write(site, f"<!-- quoteverify-disable-next-line diverged -->\n“{DRIFTED}”")
    code, out, _ = run(capsys, "check", "content", "--format", "concise", "-q")
    assert code == 2 and "a reason must follow the verdict: diverged -- REASON" in out


def test_unused_suppression_is_a_warning_in_json(site: Path, capsys) -> None:
    write(site, "<!-- quoteverify-disable-next-line checked by phone -->\nNo quotation here.")
    code, out, _ = run(capsys, "check", ARTICLE, "--format", "json", "-q")
    (f,) = json.loads(out)["files"]
    assert code == 0
    assert f["warnings"] == [
        "line 6: unused suppression: quoteverify-disable-next-line hides no finding"
    ]


def test_stale_baseline_entries_are_reported(site: Path, capsys) -> None:
    assert run(capsys, "baseline", "write", "known.json", "content")[0] == 0
    code, _, err = run(capsys, "check", "content", "--baseline", "known.json", "-q")
    assert code == 0 and "stale" not in err and "no finding matches" not in err
    write(site, "Blinken said nothing quotable.")
    code, _, err = run(capsys, "check", ARTICLE, "--baseline", "known.json", "-q")
    assert code == 0
    assert (
        "quoteverify: warning: baseline known.json: 1 entry no finding matches any more: "
        f"{ARTICLE} (diverged); write it again with 'quoteverify baseline write'"
    ) in err


def test_output_writes_the_report_to_a_file(site: Path, capsys) -> None:
    code, out, _ = run(capsys, "check", "content", "--format", "json", "-o", "out/r.json", "-q")
    assert code == 1 and out == ""
    assert json.loads((site / "out" / "r.json").read_text())["summary"]["errors"] == 1
    code, _, err = run(
        capsys, "check", "content", "--output", "r.xml", "--report", "junit=r.xml", "-q"
    )
    assert code == 2 and "writes the same file" in err


def test_gitlab_code_quality_report(site: Path, capsys, monkeypatch) -> None:
    write(site, f"“{DRIFTED}” he said, and again: “{DRIFTED}”")
    monkeypatch.setenv("CI_PROJECT_DIR", str(site.parent))
    code, out, _ = run(capsys, "check", "content", "--format", "gitlab", "-q")
    issues = json.loads(out)
    assert code == 1 and len(issues) == 2
    for issue in issues:
        assert issue["check_name"] == "quoteverify/diverged"
        assert issue["severity"] == "major"
        assert issue["location"]["path"] == f"site/{ARTICLE}"
        assert issue["location"]["positions"]["begin"]["line"] == 6
        assert issue["description"].startswith("Quote diverged from the source: ")
    # Two copies of one quotation: GitLab needs distinct fingerprints.
    assert len({i["fingerprint"] for i in issues}) == 2
    assert run(capsys, "check", "content", "--report", "gitlab=cq.json", "-q")[0] == 1
    assert json.loads((site / "cq.json").read_text()) == issues


def test_gitlab_report_keeps_control_characters_inert(site: Path, capsys) -> None:
    bad = site / "content" / "news" / "\x1b[31mevil.md"
    bad.write_text(md("<!-- quoteverify-disable-next-line -->\nText."), encoding="utf-8")
    code, out, _ = run(capsys, "check", "content", "--format", "gitlab", "-q")
    assert code == 2 and "\x1b" not in out
    assert any("needs a reason" in i["description"] for i in json.loads(out))


def test_gitlab_places_an_unused_suppression_on_its_line(site: Path, capsys) -> None:
    write(site, "<!-- quoteverify-disable-next-line checked by phone -->\nNo quotation here.")
    code, out, _ = run(capsys, "check", ARTICLE, "--format", "gitlab", "-q")
    (issue,) = json.loads(out)
    assert code == 0 and issue["severity"] == "info"
    assert issue["location"]["lines"] == {"begin": 6}


def test_stdin_filename_checks_stdin_as_that_file(site: Path, capsys, monkeypatch) -> None:
    (site / ARTICLE).unlink()  # an unsaved buffer: only the editor has it
    text = md(f"On Kazakhstan, Blinken was blunt: “{DRIFTED}”").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    code, out, _ = run(capsys, "check", "--stdin-filename", ARTICLE, "--format", "concise", "-q")
    assert code == 1
    assert re.match(rf"{re.escape(ARTICLE)}:6:\d+: error: diverged:", out)
    # The temporary copy beside it is gone.
    assert sorted(p.name for p in (site / "content" / "news").iterdir()) == []
    code, _, err = run(capsys, "check", "content", "--stdin-filename", ARTICLE, "-q")
    assert code == 2 and "give no paths" in err


def test_min_level_hides_findings_but_not_the_exit_code(site: Path, capsys) -> None:
    args = ("check", "content", "--format", "json", "-q", "--fail-on", "stitched")
    code, out, _ = run(capsys, *args)
    assert (code, json.loads(out)["summary"]["warnings"]) == (0, 1)
    code, out, _ = run(capsys, *args, "--min-level", "error")
    assert (code, json.loads(out)["summary"]["findings"]) == (0, 0)
    code, out, _ = run(capsys, "check", "content", "--format", "json", "-q", "--min-level", "error")
    assert (code, json.loads(out)["summary"]["errors"]) == (1, 1)
