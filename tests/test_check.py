"""``quoteverify check`` end to end: a temporary git repository of Markdown
articles whose sources a 127.0.0.1 server serves, as a newsroom's CI runs it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import ROOT, SEED_SOURCE
from .conftest import run_cli as run

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"

# "one lesson in recent history" printed as "a lesson from recent history".
DRIFTED = (
    "I think a lesson from recent history is that once the Russians are in your house, "
    "sometimes it’s very difficult to get them to leave."
)
EXACT = "We’re prepared to respond forcefully to further Russian aggression."
# Said by no one in the source.
INVENTED = (
    "We will send every ship we have to the Black Sea by the end of the week, "
    "whatever the cost to our allies in Europe."
)


def article(source_url: str, body: str) -> str:
    return f"---\ntitle: Test\nsources:\n  - {source_url}\n---\n\n{body}\n"


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
            "HOME": str(repo),
            "PATH": "/usr/bin:/bin:/usr/local/bin",
        },
    )
    return proc.stdout


@pytest.fixture
def repo(tmp_path: Path, http_server, monkeypatch: pytest.MonkeyPatch) -> Path:
    url = http_server.add(
        "/blinken.txt", SEED_SOURCE.read_bytes(), content_type="text/plain; charset=utf-8"
    )
    root = tmp_path / "site"
    (root / "articles").mkdir(parents=True)
    (root / "quoteverify.toml").write_text(
        'allow-private = true\ntimeout = 5\nfail-on = "diverged"\n', encoding="utf-8"
    )
    (root / "articles" / "kazakhstan.md").write_text(
        article(url, f"Secretary of State Antony Blinken said: “{EXACT}”"), encoding="utf-8"
    )
    (root / "articles" / "nato.md").write_text(
        article(url, f"Blinken said: “{INVENTED}”"), encoding="utf-8"
    )
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    # The second commit changes one article: only it is checked.
    (root / "articles" / "kazakhstan.md").write_text(
        article(
            url,
            "Secretary of State Antony Blinken — speaking in Washington — said: "
            f"“{EXACT}”\n\nOn Kazakhstan, Blinken was\nblunt: “{DRIFTED}”",
        ),
        encoding="utf-8",
    )
    git(root, "commit", "-q", "-am", "second")
    monkeypatch.chdir(root)
    # Named, not found: a configuration found in the repository may not set
    # allow-private (tests/test_security_config.py), and the sources are on 127.0.0.1.
    monkeypatch.setenv("QUOTEVERIFY_CONFIG", str(root / "quoteverify.toml"))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return root


def position(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    line = text.count("\n", 0, i) + 1
    col = i - (text.rfind("\n", 0, i) + 1) + 1
    return line, col


def test_changed_since_checks_only_the_changed_article(repo: Path, capsys) -> None:
    code, out, _ = run(capsys, "check", "--changed-since", "HEAD~1", "--format", "json")
    doc = json.loads(out)
    assert [f["path"] for f in doc["files"]] == ["articles/kazakhstan.md"]
    findings = doc["files"][0]["findings"]
    assert [f["verdict"] for f in findings] == ["diverged"]
    assert code == 1
    # Without --changed-since both are checked and the invented quote is found.
    code, out, _ = run(capsys, "check", "articles", "--format", "json")
    doc = json.loads(out)
    assert [f["path"] for f in doc["files"]] == ["articles/kazakhstan.md", "articles/nato.md"]
    verdicts = [f["verdict"] for fc in doc["files"] for f in fc["findings"]]
    assert verdicts == ["diverged", "not_found"]


def test_sarif_validates_and_points_at_the_quote(repo: Path, capsys) -> None:
    import jsonschema

    code, out, _ = run(capsys, "check", "--changed-since", "HEAD~1", "--format", "sarif")
    assert code == 1
    sarif = json.loads(out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(sarif)
    results = sarif["runs"][0]["results"]
    assert len(results) == 1
    loc = results[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "articles/kazakhstan.md"
    text = (repo / "articles" / "kazakhstan.md").read_text(encoding="utf-8")
    line, col = position(text, DRIFTED)
    assert (loc["region"]["startLine"], loc["region"]["startColumn"]) == (line, col)
    assert results[0]["ruleId"].endswith("diverged")
    assert results[0]["partialFingerprints"]


def test_github_lines_are_well_formed(repo: Path, capsys, tmp_path: Path, monkeypatch) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run(capsys, "check", "articles", "--format", "github")
    assert code == 1
    lines = [
        ln for ln in out.splitlines() if ln.startswith("::error") or ln.startswith("::warning")
    ]
    assert len(lines) == 2
    command = re.compile(r"^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*,?)+)::(.*)$")
    for ln in lines:
        m = command.match(ln)
        assert m, ln
        props = dict(p.split("=", 1) for p in m.group(2).split(","))
        assert props["file"].startswith("articles/")
        assert int(props["line"]) >= 1 and int(props["col"]) >= 1
        # Data may hold ':' and ',' only escaped in properties, and no raw newline.
        assert "\n" not in m.group(3) and "\r" not in m.group(3)
        assert ":" not in props["title"] and "," not in props["title"]
    text = (repo / "articles" / "kazakhstan.md").read_text(encoding="utf-8")
    line, col = position(text, DRIFTED)
    assert f"file=articles/kazakhstan.md,line={line},col={col}" in out
    assert "diverged" in summary.read_text(encoding="utf-8")


def test_suppressions_need_a_reason(repo: Path, capsys) -> None:
    path = repo / "articles" / "kazakhstan.md"
    text = path.read_text(encoding="utf-8")
    # The comment names the line the quotation starts on.
    marked = text.replace(
        "\nblunt:",
        "\n<!-- quoteverify-disable-next-line wording confirmed with State Dept press office -->"
        "\nblunt:",
    )
    path.write_text(marked, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path.relative_to(repo)), "--format", "json")
    doc = json.loads(out)
    (finding,) = doc["files"][0]["findings"]
    assert finding["suppressed"] == "wording confirmed with State Dept press office"
    assert code == 0
    # The same comment without a reason: the file is in error, exit 2.
    path.write_text(marked.replace(" wording confirmed with State Dept press office", ""), "utf-8")
    code, out, err = run(capsys, "check", "articles/kazakhstan.md", "--format", "concise")
    assert code == 2
    assert "needs a reason" in out + err


def test_baseline_reports_only_new_findings(repo: Path, capsys) -> None:
    code, _, _ = run(capsys, "baseline", "write", "known.json", "articles")
    assert code == 0
    code, out, _ = run(capsys, "check", "articles", "--baseline", "known.json", "--format", "json")
    assert code == 0
    assert json.loads(out)["summary"]["baselined"] == 2
    # A line moved (text added above) is still the same finding; a new drifted
    # quote is new.
    path = repo / "articles" / "nato.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Blinken said:",
            "An update was added above.\n\nBlinken said:",
        )
        + f"\nLater he said: “{DRIFTED.replace('difficult', 'hard')}”\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "check", "articles", "--baseline", "known.json", "--format", "json")
    doc = json.loads(out)
    new = [f for fc in doc["files"] for f in fc["findings"]]
    assert [f["path"] for f in new] == ["articles/nato.md"]
    assert "hard" in new[0]["quote"]
    assert code == 1


def test_exit_codes(repo: Path, capsys) -> None:
    assert run(capsys, "check", "articles", "--exit-zero", "-q")[0] == 0
    assert run(capsys, "check", "articles", "--fail-on", "none", "-q")[0] == 0
    assert run(capsys, "check", "articles", "-q")[0] == 1
    code, _, err = run(capsys, "check", "no-such-dir", "-q")
    assert code == 2 and "no-such-dir" in err
    (repo / "quoteverify.toml").write_text("fail_on = 'diverged'\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "articles", "-q")
    assert code == 2
    assert "quoteverify.toml" in err and "fail_on" in err and "line 1" in err


def test_junit_and_concise(repo: Path, capsys) -> None:
    code, out, _ = run(capsys, "check", "articles", "--format", "concise")
    assert code == 1
    text = (repo / "articles" / "kazakhstan.md").read_text(encoding="utf-8")
    line, col = position(text, DRIFTED)
    assert f"articles/kazakhstan.md:{line}:{col}: error: diverged:" in out
    code, out, _ = run(capsys, "check", "articles", "--format", "junit", "--report", "json=o.json")
    assert code == 1
    cases = list(ET.fromstring(out).iter("testcase"))
    assert len(cases) >= 3  # every judged quote is a test case
    assert len([c for c in cases if c.find("failure") is not None]) == 2
    written = json.loads((repo / "o.json").read_text(encoding="utf-8"))
    assert [fc["path"] for fc in written["files"]] == ["articles/kazakhstan.md", "articles/nato.md"]


def test_network_trouble_warns_without_failing(repo: Path, http_server, capsys) -> None:
    blocked = http_server.add("/blocked.txt", "Forbidden", status=403, content_type="text/plain")
    (repo / "articles" / "blocked.md").write_text(
        article(blocked, f"Blinken said: “{EXACT}”"), encoding="utf-8"
    )
    code, out, _ = run(capsys, "check", "articles/blocked.md", "--format", "jsonl")
    (finding,) = [json.loads(line) for line in out.splitlines()]
    assert finding["verdict"] == "unverifiable" and finding["level"] == "warning"
    assert "403" in finding["message"]
    assert code == 0
    code, _, _ = run(capsys, "check", "articles/blocked.md", "--fail-on", "unverifiable", "-q")
    assert code == 1


def test_a_source_shared_by_articles_is_read_once(repo: Path, http_server, capsys) -> None:
    code, _, _ = run(capsys, "check", "articles", "-q")
    assert code == 1
    fetched = [path for path, _ in http_server.requests if path == "/blinken.txt"]
    assert len(fetched) == 1


# A marked omission inside one of Blinken's answers (policy "elided").
ELIDED = (
    "Ever since, Russia has occupied Ukraine’s territory in Crimea … that has killed "
    "nearly 14,000 people and redrawn Ukraine’s borders by force."
)


def test_elided_passes_by_default_and_is_a_note_in_every_format(
    tmp_path: Path, http_server, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    url = http_server.add(
        "/blinken.txt", SEED_SOURCE.read_bytes(), content_type="text/plain; charset=utf-8"
    )
    (tmp_path / "a.md").write_text(
        article(url, f"Secretary of State Antony Blinken said: “{ELIDED}”"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QUOTEVERIFY_CONFIG", raising=False)
    base = ["check", "a.md", "--allow-private", "--quiet"]
    code, out, _ = run(capsys, *base, "--format", "json")
    finding = json.loads(out)["files"][0]["findings"][0]
    assert code == 0 and finding["verdict"] == "elided" and finding["level"] == "note"
    assert any(n["code"] == "elision" for n in finding["notes"])
    code, out, _ = run(capsys, *base, "--format", "sarif")
    result = json.loads(out)["runs"][0]["results"][0]
    assert result["ruleId"] == "quoteverify/elided" and result["level"] == "note"
    code, out, _ = run(capsys, *base, "--format", "github")
    assert out.startswith("::notice ")
    code, out, _ = run(capsys, *base, "--format", "junit")
    assert "<failure" not in out
    # Asked to fail on it, it fails.
    code, out, _ = run(capsys, *base, "--format", "json", "--fail-on", "elided")
    assert code == 1


def test_check_reads_each_article_once_and_places_quotes_through_the_map(
    repo: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quoteverify.article
    import quoteverify.position

    reads: list[str] = []
    real = quoteverify.article.read_regular

    def counting(ref: str, limit: int) -> bytes:
        reads.append(Path(ref).name)
        return real(ref, limit)

    def read_again(*_args: object) -> None:
        raise AssertionError("the article file was read a second time")

    monkeypatch.setattr(quoteverify.article, "read_regular", counting)
    monkeypatch.setattr(quoteverify.position, "read_original", read_again)
    code, out, _ = run(capsys, "check", "articles", "--format", "json")
    assert code == 1
    assert sorted(reads) == ["kazakhstan.md", "nato.md"]
    doc = json.loads(out)
    text = (repo / "articles" / "kazakhstan.md").read_text(encoding="utf-8")
    (finding,) = doc["files"][0]["findings"]
    # The drifted quote is hard-wrapped in the file ("Blinken was\nblunt: …").
    assert (finding["line"], finding["column"]) == position(text, DRIFTED)
