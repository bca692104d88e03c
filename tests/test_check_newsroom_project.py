"""``quoteverify check`` as a newsroom runs it: local transcripts next to the
articles, a project configuration, runs from subdirectories, Hugo section pages,
broken suppressions, old baselines, GitHub's annotation rules.  No network: every
source is a file."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from quoteverify import check
from quoteverify.errors import InputError
from quoteverify.models import CheckRun, FileCheck
from quoteverify.pipeline import run_audit
from quoteverify.report import github_step_summary, render_check

from .conftest import ROOT, SEED_SOURCE, without_ci_environment
from .conftest import article_md as md
from .conftest import run_cli as run

SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"

# "one lesson in recent history" printed as "a lesson from recent history".
DRIFTED = (
    "I think a lesson from recent history is that once the Russians are in your house, "
    "sometimes it’s very difficult to get them to leave."
)
CHANGED = "We’re prepared to respond strongly to further Russian aggression."


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "site"
    (root / "transcripts").mkdir(parents=True)
    shutil.copy(SEED_SOURCE, root / "transcripts" / "blinken.txt")
    (root / "pyproject.toml").write_text(
        # The CLI does not tell collect_files where the config is yet, so the
        # end-to-end tests keep the default include globs.
        '[project]\nname = "newsroom"\n\n[tool.quoteverify]\nfail-on = "diverged"\n',
        encoding="utf-8",
    )
    news = root / "content" / "news"
    news.mkdir(parents=True)
    (news / "kazakhstan.md").write_text(
        md(f"On Kazakhstan, Blinken was blunt: “{DRIFTED}”"), encoding="utf-8"
    )
    monkeypatch.chdir(root)
    without_ci_environment(monkeypatch)
    return root


# --- which files --------------------------------------------------------------------


def test_include_globs_are_relative_to_the_config_folder(site: Path) -> None:
    sub = site / "content" / "news"
    include = ("content/**/*.md",)
    # From a subdirectory the project's globs still name the project's files...
    assert check.collect_files([], include=include, cwd=sub, root=site) == ["kazakhstan.md"]
    assert check.collect_files(["."], include=include, cwd=sub, root=site) == ["kazakhstan.md"]
    # ...where matching them against paths relative to the subdirectory found
    # nothing and let CI pass having checked nothing; that is now an error.
    with pytest.raises(InputError, match="no article file here matches include content"):
        check.collect_files([], include=include, cwd=sub)
    with pytest.raises(InputError, match="no article file in it"):
        check.collect_files(["."], include=include, cwd=sub)
    # Excludes too: a draft folder stays excluded from below.
    drafts = site / "content" / "drafts"
    drafts.mkdir()
    (drafts / "wip.md").write_text("draft", encoding="utf-8")
    found = check.collect_files(
        [], include=include, exclude=("content/drafts/**",), cwd=site / "content", root=site
    )
    assert found == ["news/kazakhstan.md"]


def test_front_matter_only_pages_are_clean_not_broken(site: Path, capsys) -> None:
    section = site / "content" / "news" / "_index.md"
    section.write_text("---\ntitle: News\n---\n", encoding="utf-8")
    (site / "content" / "blank.md").write_text("  \n\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "content/news/_index.md", "content/blank.md", "-q")
    assert (code, out) == (0, "")


# --- suppressions -------------------------------------------------------------------


def test_reasonless_suppression_fails_and_keeps_the_findings(site: Path, capsys) -> None:
    path = site / "content" / "news" / "kazakhstan.md"
    path.write_text(
        md(f"<!-- quoteverify-disable-next-line -->\nBlinken said: “{CHANGED}”"), encoding="utf-8"
    )
    code, out, _ = run(capsys, "check", "content", "--format", "concise", "-q")
    assert code == 2
    lines = out.splitlines()
    # The problem where it is (path:line:col), and the quotation it failed to
    # suppress is still reported: fixing the comment must not reveal a surprise.
    assert lines[0] == (
        "content/news/kazakhstan.md:6:1: error: quoteverify-disable-next-line needs a reason"
    )
    assert re.match(r"content/news/kazakhstan\.md:7:\d+: error: diverged: ", lines[1])
    code, out, _ = run(capsys, "check", "content", "--format", "github", "-q")
    assert out.splitlines()[0] == (
        "::error file=content/news/kazakhstan.md,line=6,title=File could not be checked"
        "::quoteverify-disable-next-line needs a reason"
    )


# --- baseline -----------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_baseline_matches_from_a_subdirectory(site: Path, capsys, monkeypatch) -> None:
    subprocess.run(["git", "init", "-q"], cwd=site, check=True)
    code, _, _ = run(capsys, "baseline", "write", "known.json", "content")
    assert code == 0
    monkeypatch.chdir(site / "content")
    # Fingerprints are relative to the repository, not to where CI runs.
    code, out, _ = run(capsys, "check", "news", "--baseline", "../known.json", "--format", "json")
    doc = json.loads(out)
    assert doc["summary"]["baselined"] == 1 and doc["summary"]["findings"] == 0
    assert code == 0


def test_baseline_from_another_version_says_what_to_do(site: Path, capsys) -> None:
    (site / "new.json").write_text('{"version": 2, "findings": []}', encoding="utf-8")
    code, _, err = run(capsys, "check", "content", "--baseline", "new.json")
    assert code == 2
    assert "version 2" in err and "reads version 1" in err and "baseline write" in err
    (site / "list.json").write_text("[]", encoding="utf-8")
    code, _, err = run(capsys, "check", "content", "--baseline", "list.json")
    assert code == 2 and "not a quoteverify baseline" in err


# --- messages and formats -----------------------------------------------------------


def test_message_names_the_source_as_a_clean_path(site: Path, capsys) -> None:
    code, out, _ = run(capsys, "check", "content", "--format", "jsonl", "-q")
    (finding,) = [json.loads(line) for line in out.splitlines()]
    assert "content/transcripts" not in finding["message"]
    assert "/../" not in finding["message"] and "transcripts/blinken.txt" in finding["message"]
    assert "\n" not in finding["message"]
    assert code == 1


def test_github_paths_are_relative_to_the_workspace(site: Path, capsys, monkeypatch) -> None:
    import jsonschema

    monkeypatch.setenv("GITHUB_WORKSPACE", str(site))
    monkeypatch.chdir(site / "content")
    code, out, _ = run(capsys, "check", "news", "--format", "github", "-q")
    assert code == 1
    # GitHub resolves annotation paths against the checkout, whatever the step's
    # working-directory; so does code scanning for SARIF.
    (line,) = out.splitlines()
    assert line.startswith("::error file=content/news/kazakhstan.md,line=")
    _, out, _ = run(capsys, "check", "news", "--format", "sarif", "-q")
    sarif = json.loads(out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(sarif)
    loc = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "content/news/kazakhstan.md"
    # The human formats keep paths relative to where the user is.
    _, out, _ = run(capsys, "check", "news", "--format", "concise", "-q")
    assert out.startswith("news/kazakhstan.md:")


def test_github_end_column_is_inclusive(site: Path, capsys) -> None:
    _, out, _ = run(capsys, "check", "content", "--format", "github", "-q")
    props = dict(p.split("=", 1) for p in out.split("::")[1].split(" ", 1)[1].split(","))
    text = (site / "content" / "news" / "kazakhstan.md").read_text(encoding="utf-8")
    line = text.splitlines()[int(props["line"]) - 1]
    span = line[int(props["col"]) - 1 : int(props["endColumn"])]
    assert span == DRIFTED


def test_file_error_lines_in_sarif_validate(site: Path, capsys) -> None:
    import jsonschema

    path = site / "content" / "news" / "kazakhstan.md"
    path.write_text(
        md(f"<!-- quoteverify-disable -->\nBlinken said: “{CHANGED}”\n<!-- quoteverify-enable -->"),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", "content", "--format", "sarif", "-q")
    assert code == 2
    sarif = json.loads(out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(sarif)
    (note,) = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["region"] == {"startLine": 6}
    assert note["message"]["text"] == "quoteverify-disable needs a reason"


def test_step_summary_shows_quote_text_literally(site: Path) -> None:
    result = check.run_check(["content/news/kazakhstan.md"], site, run_audit, "diverged")
    (fc,) = result.files
    tricky = "a | b `c` &amp; <!-- x --> d"
    f = replace(fc.findings[0], quote=tricky, suppressed="checked | `by` desk & co")
    summary = github_step_summary(
        CheckRun(files=(FileCheck(path=fc.path, report=fc.report, findings=(f,)),), fail_on="x")
    )
    assert "a \\| b \\`c\\` &amp;amp; \\<!-- x --\\> d" in summary
    assert "checked \\| \\`by\\` desk & co" in summary
    assert "|" not in summary.replace("\\|", "").split("### ")[1]
    assert render_check(result, "concise").count("\n") == 1


def test_a_repeated_quotation_is_counted_not_merged(site: Path, capsys) -> None:
    path = site / "content" / "news" / "kazakhstan.md"
    twice = f"Blinken said: “{CHANGED}”\n\nBlinken said again: “{CHANGED}”"
    path.write_text(md(twice), encoding="utf-8")
    assert run(capsys, "baseline", "write", "known.json", "content")[0] == 0
    entries = json.loads((site / "known.json").read_text(encoding="utf-8"))["findings"]
    assert len(entries) == 2
    # A third copy of a known-bad quotation is new, not hidden by the other two.
    path.write_text(md(f"{twice}\n\nLater Blinken said: “{CHANGED}”"), encoding="utf-8")
    code, out, _ = run(capsys, "check", "content", "--baseline", "known.json", "--format", "json")
    doc = json.loads(out)
    (new,) = doc["files"][0]["findings"]
    assert new["line"] == 10 and doc["summary"]["baselined"] == 2 and code == 1
    # Code scanning would merge results sharing a fingerprint into one alert.
    _, out, _ = run(capsys, "check", "content", "--format", "sarif", "-q")
    prints = [
        r["partialFingerprints"]["quoteverify/v1"] for r in json.loads(out)["runs"][0]["results"]
    ]
    assert len(set(prints)) == 3 and prints[1] == prints[0] + ":2"


def test_human_lists_each_suppression_problem_on_its_line(site: Path, capsys) -> None:
    path = site / "content" / "news" / "kazakhstan.md"
    path.write_text(
        md(
            f"<!-- quoteverify-disable-next-line -->\nBlinken said: “{CHANGED}”\n<!-- quoteverify-bogus x -->"
        ),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", "content", "--format", "human", "-q")
    assert code == 2
    lines = out.splitlines()
    assert lines[1].split() == [
        "6:1",
        "error",
        "quoteverify-disable-next-line",
        "needs",
        "a",
        "reason",
    ]
    assert lines[2].startswith("  8:1   error    unknown directive quoteverify-bogus")
    assert "diverged" in lines[3]


def test_github_summary_notice_comes_first_even_with_many_notes(site: Path) -> None:
    result = check.run_check(["content/news/kazakhstan.md"], site, run_audit, "diverged")
    (fc,) = result.files
    notes = tuple(replace(fc.findings[0], level="note", line=i) for i in range(1, 13))
    text = render_check(
        CheckRun(files=(replace(fc, findings=notes),), fail_on="diverged"), "github"
    )
    first = text.splitlines()[0]
    assert first.startswith("::notice title=quoteverify summary::") and "12 notes" in first
    # An empty span (a quotation placed next to the word it follows) is one column.
    empty = replace(fc.findings[0], column=7, end_column=7, end_line=fc.findings[0].line)
    text = render_check(CheckRun(files=(replace(fc, findings=(empty,)),), fail_on="x"), "github")
    assert ",col=7,endLine=" in text and ",endColumn=7," in text
