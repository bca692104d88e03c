"""An untrusted article (a pull request in CI) cannot make quoteverify read local
files outside its repository, and no local input can hang a run or fill memory.

Issue 12, section 1 and findings 1, 2 and 4 (the reproductions are
``redteam/01_local_file_exfil.sh``, ``02_special_file_sources.sh`` and
``04_yaml_alias_bomb.sh``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quoteverify.models import CHECK_FORMATS

from .conftest import run_cli as run
from .conftest import without_ci_environment

TOKEN = "QVTOKEN7f3a9c2e51"
SECRET = f"The deploy password is {TOKEN} and nobody outside the team may ever see it.\n"
QUOTE = "The deploy password is hunter2 and nobody outside the team may ever see it."


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose one article names, four ways, files it must not read."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (outside / "pinned.txt").write_text(SECRET, encoding="utf-8")
    (outside / "linked.txt").write_text(SECRET, encoding="utf-8")
    (outside / "symlinked.txt").write_text(SECRET, encoding="utf-8")
    root = tmp_path / "repo"
    news = root / "content" / "news"
    news.mkdir(parents=True)
    # Where actions/checkout persists the token: inside the repository, still refused.
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text(SECRET, encoding="utf-8")
    # A symlink committed in the pull request, pointing out of the repository.
    (news / "transcript.txt").symlink_to(outside / "symlinked.txt")
    (news / "leak.md").write_text(
        "---\n"
        "title: Leak\n"
        "sources:\n"
        "  - ../../../outside/secret.txt\n"
        "  - transcript.txt\n"
        "  - ../../.git/config\n"
        "---\n\n"
        f"<!-- quoteverify-source file://{outside / 'pinned.txt'} -->\n\n"
        f"“{QUOTE}” the admin said.\n",
        encoding="utf-8",
    )
    # Links are followed only for a quote with no other source: an article of its own.
    (news / "link.md").write_text(
        f"“{QUOTE}” the admin said, according to [the statement]({outside / 'linked.txt'}).\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    without_ci_environment(monkeypatch)
    return root


REFS = (
    "outside/secret.txt",
    "transcript.txt",
    ".git/config",
    "pinned.txt",
)


def test_article_references_outside_the_repository_are_refused_in_every_format(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The acceptance test: no output of audit or check carries the token, and
    each reference is reported as refused."""
    article = "content/news/leak.md"
    outputs: list[str] = []
    for fmt in ("markdown", "json"):
        code, out, err = run(capsys, "audit", article, "--format", fmt, "--fail-on", "none")
        assert code == 0, err
        outputs += [out, err]
        for ref in REFS:
            assert ref in out
        assert out.count("refused; pass it with --source to use it") >= len(REFS)
        code, out, err = run(
            capsys, "audit", "content/news/link.md", "--format", fmt, "--fail-on", "none"
        )
        assert code == 0, err
        assert "linked.txt" in out and "outside the repository: refused" in out
        outputs += [out, err]
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    for fmt in CHECK_FORMATS:
        code, out, err = run(capsys, "check", "--format", fmt, "--exit-zero")
        assert code == 0, err
        outputs += [out, err]
        for ref in (*REFS, "linked.txt"):
            assert ref in out, (fmt, ref)
        assert "outside the repository: refused" in out, fmt
    outputs.append(summary.read_text(encoding="utf-8"))
    for text in outputs:
        assert TOKEN not in text
    # The link was not followed either: its quote is unverifiable with the reason.
    code, out, _ = run(capsys, "audit", article, "--format", "json", "--fail-on", "none")
    data = json.loads(out)
    errors = {s["ref"]: s["error"] for s in data["sources"]}
    assert all("refused" in e for e in errors.values()), errors
    assert any(e.startswith("a file: URL") for e in errors.values())
    assert any("inside the repository's .git folder" in e for e in errors.values())
    assert all(s["title"] in (None, "") for s in data["sources"])


def test_the_same_files_named_by_the_user_are_read(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    secret = str(tmp_path / "outside" / "secret.txt")
    code, out, _ = run(capsys, "audit", "content/news/leak.md", "-s", secret, "--format", "json")
    data = json.loads(out)
    assert code == 1  # the quote diverged from what the user's own file says
    assert {s["ref"]: s["status"] for s in data["sources"]}[secret] == "ok"


def test_references_inside_the_repository_are_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "transcripts").mkdir()
    (root / "transcripts" / "t.txt").write_text(SECRET, encoding="utf-8")
    (root / "news").mkdir()
    (root / "news" / "a.md").write_text(
        f"---\nsources: [../transcripts/t.txt]\n---\n\n“{QUOTE}” the admin said.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    code, out, _ = run(capsys, "audit", "news/a.md", "--format", "json")
    assert json.loads(out)["sources"][0]["status"] == "ok"
    assert code == 1


def test_a_repository_config_cannot_point_speakers_outside_but_a_named_one_can(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    secret = (tmp_path / "outside" / "secret.txt").as_posix()
    (repo / "content" / "news" / "plain.md").write_text(
        f"Jane Admin, the site administrator, said: “{QUOTE}”\n", encoding="utf-8"
    )
    config = f'[speakers]\n"Jane Admin" = ["{secret}"]\n'
    (repo / "quoteverify.toml").write_text(config, encoding="utf-8")
    code, out, _ = run(capsys, "audit", "content/news/plain.md", "--format", "json")
    sources = json.loads(out)["sources"]
    assert sources and sources[0]["status"] == "error"
    assert "outside the repository: refused" in sources[0]["error"]
    assert TOKEN not in out
    named = tmp_path / "mine.toml"
    named.write_text(config, encoding="utf-8")
    code, out, _ = run(
        capsys, "audit", "content/news/plain.md", "--format", "json", "--config", str(named)
    )
    assert json.loads(out)["sources"][0]["status"] == "ok"


def test_check_does_not_follow_a_committed_symlink_out_of_the_repository(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "outside" / "notes.md").write_text(f"“{SECRET.strip()}” he said.\n", "utf-8")
    (repo / "content" / "news" / "notes.md").symlink_to(tmp_path / "outside" / "notes.md")
    code, out, err = run(capsys, "check", "--format", "json", "--exit-zero")
    assert code == 0, err
    assert "notes.md" not in out and TOKEN not in out
    assert "leak.md" in out


@pytest.mark.parametrize("where", ["--source", "speakers"])
def test_a_missing_local_source_is_a_usage_error(
    repo: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    args = ["audit", "content/news/leak.md"]
    if where == "--source":
        args += ["-s", "transcripts/typo.txt"]
    else:
        (repo / "quoteverify.toml").write_text(
            '[speakers]\n"Jane Admin" = ["transcripts/typo.txt"]\n', encoding="utf-8"
        )
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert "typo.txt" in err and "no such file" in err
    assert len(err.strip().splitlines()) == 1


def _audit_subprocess(article: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    # A subprocess with a generous timeout: the failure mode is a hang, and a
    # hang must fail the test rather than the whole suite.
    return subprocess.run(
        [sys.executable, "-m", "quoteverify", "audit", str(article), "--format", "json", *extra],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=article.parent,
        stdin=subprocess.PIPE,
    )


def _article(folder: Path) -> Path:
    path = folder / "a.md"
    path.write_text("“We will win this race and we will win it soon,” the minister said.\n")
    return path


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("special", ["/dev/zero", "/dev/stdin", "fifo"])
def test_special_files_are_refused_not_read(tmp_path: Path, special: str) -> None:
    if special == "fifo":
        os.mkfifo(tmp_path / "pipe.txt")
        special = str(tmp_path / "pipe.txt")
    proc = _audit_subprocess(_article(tmp_path), "-s", special)
    assert proc.returncode == 0, proc.stderr
    source = json.loads(proc.stdout)["sources"][0]
    assert source["status"] == "error"
    assert "not a regular file" in source["error"]


def test_a_fifo_article_is_a_usage_error_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "article.md")
    proc = _audit_subprocess(tmp_path / "article.md")
    assert proc.returncode == 2
    assert "not a regular file" in proc.stderr


def test_a_source_larger_than_the_limit_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(64 * 1024 * 1024)  # sparse: no disk, no time
    code, out, _ = run(capsys, "audit", str(_article(tmp_path)), "-s", str(big), "--format", "json")
    source = json.loads(out)["sources"][0]
    assert source["status"] == "error" and "larger than" in source["error"]


def _alias_bomb() -> str:
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for n in "bcdefghij":
        lines.append(f"{n}: &{n} [" + ",".join(["*" + prev] * 9) + "]")
        prev = n
    lines += [
        f"title: *{prev}",
        f"sources: *{prev}",
        "---",
        "",
        "“We will win today,” he said.",
        "",
    ]
    return "\n".join(lines)


def test_yaml_aliases_in_front_matter_are_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.md"
    bomb.write_text(_alias_bomb(), encoding="utf-8")
    proc = _audit_subprocess(bomb)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        f"quoteverify: error: article '{bomb}': front matter uses a YAML anchor (&name): refused"
    )
    # As a source, the same file is a source error, not a crash.
    proc = _audit_subprocess(_article(tmp_path), "-s", str(bomb))
    assert proc.returncode == 0
    assert "YAML anchor" in json.loads(proc.stdout)["sources"][0]["error"]


def test_yaml_front_matter_still_loads_only_safely(tmp_path: Path) -> None:
    from quoteverify._decode import split_front_matter

    front, _ = split_front_matter("---\ntitle: !!python/object/apply:os.system ['true']\n---\n")
    assert front == {}
    front, _ = split_front_matter("---\ntitle: T\nsources: [a.txt, b.txt]\n---\nbody")
    assert front == {"title": "T", "sources": ["a.txt", "b.txt"]}


def test_read_regular_reads_what_the_file_holds_within_the_limit(tmp_path: Path) -> None:
    # read_regular asks for the size fstat reports, then for the rest: a
    # file of exactly the limit is read, one byte more is refused, and a
    # file whose reported size is short of its content (/proc reports 0)
    # is still read whole.
    from quoteverify._localfile import LocalFileError, read_regular

    exact = tmp_path / "exact.txt"
    exact.write_bytes(b"x" * 100)
    assert read_regular(exact, 100) == b"x" * 100
    with pytest.raises(LocalFileError, match="larger than 99 bytes"):
        read_regular(exact, 99)
    status = Path("/proc/self/status")
    if status.exists() and status.stat().st_size == 0:
        got = read_regular(status, 1 << 20)
        assert b"Name:" in got and got.endswith(b"\n")
