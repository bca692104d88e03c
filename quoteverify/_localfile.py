"""Local files named by untrusted input: where they may be, and how they are read.

An article in CI comes from a pull request, so a path it names (front matter
``sources:``, a ``quoteverify-source`` pin, a link) is the author's choice,
not the user's.  Such a path may only reach a regular file inside the
article's repository, judged after symlinks are resolved and never under
``.git`` (where ``actions/checkout`` keeps the token).  Paths the user typed
(``--source``, an explicitly named configuration) are not contained.

Every local read, trusted or not, goes through ``read_regular``: only regular
files, opened without blocking and read up to a size limit, so a device
(``/dev/zero``), a FIFO or ``/dev/stdin`` can neither hang a run nor fill memory.
See docs/SECURITY.md.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .errors import SourceError

REFUSED_HINT = "pass it with --source to use it"
# A scheme other than a Windows drive letter ("C:").
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")


class LocalFileError(SourceError):
    """A local file that cannot be read; ``str()`` is the one-line cause."""


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises ``LocalFileError`` for a missing file, a folder, anything that is
    not a regular file, or a file larger than ``limit``.
    """
    try:
        # O_NONBLOCK: a FIFO swapped in after the check must not block the open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise LocalFileError("no such file") from None
    except IsADirectoryError:
        raise LocalFileError("is a directory, not a file") from None
    except PermissionError:
        raise LocalFileError("permission denied") from None
    except OSError as exc:
        raise LocalFileError(exc.strerror or str(exc)) from None
    try:
        # Judge what was opened, not the name: the name could change in between.
        info = os.fstat(fd)
        mode = info.st_mode
        if stat.S_ISDIR(mode):
            raise LocalFileError("is a directory, not a file")
        if not stat.S_ISREG(mode):
            raise LocalFileError("not a regular file (a device, FIFO or socket): refused")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            # Asked for limit + 1 bytes at once, the reader allocates that
            # much (20 MB) for every file, then shrinks it: ask for the size
            # the file has, then for the rest in case it grew meanwhile.
            want = min(info.st_size, limit) + 1
            data = fh.read(want)
            if len(data) == want and want <= limit:
                data += fh.read(limit + 1 - want)
    except OSError as exc:
        raise LocalFileError(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise LocalFileError(f"larger than {limit} bytes")
    return data


def repository_root(article_ref: str, config_dir: Path | None, cwd: Path) -> Path:
    """The folder an article's own references must stay inside.

    The git top level above the article (a ``.git`` folder, or the file a
    worktree has), else the configuration file's folder, else the article's
    folder.  Standard input counts as an article in ``cwd``.
    """
    return folder_root(cwd if article_ref == "-" else (cwd / article_ref).parent, config_dir)


def folder_root(folder: Path, config_dir: Path | None) -> Path:
    """``repository_root`` for what lies in ``folder``."""
    start = Path(os.path.realpath(folder))
    for here in (start, *start.parents):
        if (here / ".git").exists():
            return here
    if config_dir is not None:
        return Path(os.path.realpath(config_dir))
    return start


def refusal(ref: str, root: Path | None) -> str | None:
    """Why an untrusted reference ``ref`` may not be read, or None when it may.

    ``root`` None means the article itself came from the web: no local path it
    names is ever read.  http(s) URLs are left to the SSRF guard.
    """
    scheme = _SCHEME_RE.match(ref)
    if scheme:
        name = scheme.group(1).lower()
        if name in ("http", "https"):
            return None
        if name == "file":
            return f"a file: URL in the article: refused; {REFUSED_HINT}"
    if root is None:
        return f"a local path in a fetched article: refused; {REFUSED_HINT}"
    try:
        real = Path(os.path.realpath(ref))
    except (ValueError, UnicodeEncodeError):
        # A NUL byte or an unpaired surrogate: no file system takes the name.
        return "not a usable file name: refused"
    top = Path(os.path.realpath(root))
    if not real.is_relative_to(top):
        return f"outside the repository: refused; {REFUSED_HINT}"
    if ".git" in real.relative_to(top).parts:
        return f"inside the repository's .git folder: refused; {REFUSED_HINT}"
    return None
