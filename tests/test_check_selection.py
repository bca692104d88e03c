"""Which files ``check`` looks at: gitwildmatch globs, .gitignore, --changed-since."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from quoteverify import check
from quoteverify.errors import InputError


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text", encoding="utf-8")


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def test_star_in_an_exclude_glob_does_not_cross_a_slash(tmp_path: Path) -> None:
    touch(tmp_path, "drafts/a.md", "drafts/a/b.md", "news/c.md")
    found = check.collect_files([], exclude=("drafts/*",), cwd=tmp_path, gitignore=False)
    assert found == ["drafts/a/b.md", "news/c.md"]


def test_a_folder_is_excluded_by_name_or_double_star(tmp_path: Path) -> None:
    touch(tmp_path, "drafts/a.md", "drafts/a/b.md", "news/drafts/d.md", "news/c.md")
    for pattern in ("drafts", "drafts/", "**/drafts/**"):
        found = check.collect_files([], exclude=(pattern,), cwd=tmp_path, gitignore=False)
        assert found == ["news/c.md"], pattern
    # Anchored: "drafts/**" is the top folder only.
    found = check.collect_files([], exclude=("drafts/**",), cwd=tmp_path, gitignore=False)
    assert found == ["news/c.md", "news/drafts/d.md"]


def test_negated_exclude_takes_a_file_back(tmp_path: Path) -> None:
    touch(tmp_path, "drafts/a.md", "drafts/keep.md")
    found = check.collect_files(
        [], exclude=("drafts/**", "!drafts/keep.md"), cwd=tmp_path, gitignore=False
    )
    assert found == ["drafts/keep.md"]


def test_include_star_matches_one_level_and_double_star_any(tmp_path: Path) -> None:
    touch(tmp_path, "content/a.md", "content/x/b.md", "other/c.md")
    one = check.collect_files([], include=("content/*.md",), cwd=tmp_path, gitignore=False)
    assert one == ["content/a.md"]
    deep = check.collect_files([], include=("content/**/*.md",), cwd=tmp_path, gitignore=False)
    assert deep == ["content/a.md", "content/x/b.md"]


def test_gitignored_files_are_skipped_unless_named(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    touch(tmp_path, "news/a.md", "build/out.md", "news/tmp-1.md", "news/sub/keep.md")
    (tmp_path / ".gitignore").write_text("build/\ntmp-*.md\n", encoding="utf-8")
    (tmp_path / "news" / "sub" / ".gitignore").write_text("*.md\n!keep.md\n", encoding="utf-8")
    assert check.collect_files([], cwd=tmp_path) == ["news/a.md", "news/sub/keep.md"]
    assert check.collect_files(["*/*.md"], cwd=tmp_path) == ["news/a.md"]
    # A file named on the command line is the user's choice.
    assert check.collect_files(["build/out.md"], cwd=tmp_path) == ["build/out.md"]
    everything = check.collect_files([], cwd=tmp_path, gitignore=False)
    assert "build/out.md" in everything and "news/tmp-1.md" in everything


def test_a_file_inside_an_ignored_folder_stays_ignored(tmp_path: Path) -> None:
    # git's rule: "!x.md" cannot re-include a file whose folder is ignored.
    git(tmp_path, "init", "-q")
    touch(tmp_path, "a.md", "vendor/x.md")
    (tmp_path / ".gitignore").write_text("vendor/\n!vendor/x.md\n", encoding="utf-8")
    assert check.collect_files([], cwd=tmp_path) == ["a.md"]


def test_gitignore_of_the_repository_applies_from_a_subfolder(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    touch(tmp_path, "site/news/a.md", "site/news/generated.md")
    (tmp_path / ".gitignore").write_text("generated.md\n", encoding="utf-8")
    assert check.collect_files([], cwd=tmp_path / "site") == ["news/a.md"]


def test_changed_since_compares_with_the_merge_base(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    touch(tmp_path, "a.md")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "one")
    git(tmp_path, "checkout", "-qb", "feature")
    touch(tmp_path, "mine.md")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "feature work")
    git(tmp_path, "checkout", "-q", "main")
    touch(tmp_path, "theirs.md")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "main moved on")
    git(tmp_path, "checkout", "-q", "feature")
    (tmp_path / "draft.md").write_text("new, untracked", encoding="utf-8")
    # Only this branch's work, not what main did since the branch began.
    assert check.changed_files("main", tmp_path) == {"mine.md", "draft.md"}


def test_changed_since_without_common_history_is_a_usage_error(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    touch(tmp_path, "a.md")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "one")
    git(tmp_path, "checkout", "-q", "--orphan", "other")
    git(tmp_path, "commit", "-qm", "unrelated")
    with pytest.raises(InputError, match="no common ancestor"):
        check.changed_files("main", tmp_path)
