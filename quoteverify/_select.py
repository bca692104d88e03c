"""Which files ``quoteverify check`` looks at: glob patterns and ``.gitignore``.

Two pattern dialects, both through ``pathspec`` (the library ruff's and
pre-commit's Python neighbours use), never ``fnmatch`` (whose ``*`` crosses
``/``):

``include`` / ``exclude`` (configuration)
    gitwildmatch patterns matched against each *file's* path: ``*`` and ``?``
    never cross ``/``, ``**`` does, a pattern without ``/`` matches at any
    depth, ``!pattern`` re-includes, the last matching pattern wins.  A folder
    is excluded by naming it (``drafts``, ``drafts/``) or with ``drafts/**``;
    ``drafts/*`` means the files directly in ``drafts``, so it leaves
    ``drafts/a/b.md`` alone (unlike a ``.gitignore``, where it would also hide
    the folder ``drafts/a``).

``.gitignore`` (and ``.git/info/exclude``)
    Git's own semantics exactly (``pathspec.GitIgnoreSpec``), each file relative
    to its folder, deeper files overriding, a file inside an ignored folder
    staying ignored: the same files ``git status`` does not show, as ruff and
    lychee skip them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path, PurePosixPath

import pathspec
from pathspec.patterns.gitignore.basic import GitIgnoreBasicPattern

from .errors import InputError

__all__ = ["GitIgnore", "Globs"]

# A name no pattern can mean on purpose: a folder is pruned from the walk only
# when an arbitrary file at any depth inside it would be excluded.
_ANY = "\0any"


class Globs:
    """A list of include or exclude patterns, compiled once."""

    def __init__(self, patterns: Sequence[str], *, what: str = "glob") -> None:
        self.patterns = tuple(patterns)
        try:
            self._spec = pathspec.PathSpec.from_lines(GitIgnoreBasicPattern, self.patterns)
        except (ValueError, TypeError) as exc:  # GitIgnorePatternError is a ValueError
            raise InputError(what, ", ".join(self.patterns), f"bad pattern: {exc}") from None
        # With a "!keep.md" among them, no folder can be skipped unseen.
        self._negated = any(p.lstrip().startswith("!") for p in self.patterns)

    def match(self, rel: str) -> bool:
        """Whether the file at ``rel`` (POSIX, relative) matches."""
        return bool(self._spec.match_file(rel))

    def covers_folder(self, rel: str) -> bool:
        """Whether every file under the folder ``rel`` matches (prune it)."""
        if self._negated:
            return False
        # A child and a grandchild: "drafts/*" matches every file directly in
        # drafts/ but not those in its subfolders, so it must not prune drafts/.
        top = rel.rstrip("/")
        return all(self._spec.match_file(f"{top}/{sub}") for sub in (_ANY, f"{_ANY}/{_ANY}"))


class GitIgnore:
    """The ``.gitignore`` files of a work tree, read lazily per folder."""

    def __init__(self, top: Path) -> None:
        self.top = top.resolve()
        self._specs: dict[Path, pathspec.GitIgnoreSpec | None] = {}
        self._ignored: dict[Path, bool] = {}

    def _spec(self, folder: Path) -> pathspec.GitIgnoreSpec | None:
        if folder not in self._specs:
            lines: list[str] = []
            names = [folder / ".gitignore"]
            if folder == self.top:
                names.insert(0, folder / ".git" / "info" / "exclude")
            for name in names:
                try:
                    lines += name.read_text(encoding="utf-8", errors="replace").splitlines()
                except OSError:
                    continue
            try:
                spec = pathspec.GitIgnoreSpec.from_lines(lines) if lines else None
            except ValueError:
                # Git skips a pattern it cannot read; one bad line must not
                # make every other one (or the whole check) fail.
                spec = pathspec.GitIgnoreSpec.from_lines([ln for ln in lines if _valid(ln)])
            self._specs[folder] = spec
        return self._specs[folder]

    def ignored(self, path: Path, *, is_dir: bool = False) -> bool:
        """Whether git ignores ``path`` (a folder when ``is_dir``), including by
        ignoring a folder above it; False outside the work tree."""
        full = path.resolve() if not path.is_symlink() else path.parent.resolve() / path.name
        if not full.is_relative_to(self.top) or full == self.top:
            return False
        key = full
        if key in self._ignored:
            return self._ignored[key]
        # A file in an ignored folder cannot be re-included (git's rule).
        if full.parent != self.top and self.ignored(full.parent, is_dir=True):
            self._ignored[key] = True
            return True
        rel = PurePosixPath(full.relative_to(self.top))
        verdict = False
        folder = self.top
        parts = rel.parts
        for depth in range(len(parts)):
            spec = self._spec(folder)
            if spec is not None:
                sub = "/".join(parts[depth:]) + ("/" if is_dir else "")
                result = spec.check_file(sub)
                if result.include is not None:
                    verdict = bool(result.include)
            folder = folder / parts[depth]
        self._ignored[key] = verdict
        return verdict


def _valid(line: str) -> bool:
    try:
        pathspec.GitIgnoreSpec.from_lines([line])
    except ValueError:
        return False
    return True
