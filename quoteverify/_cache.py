"""A small SQLite cache of fetched documents, revalidated with ETag/Last-Modified.

Our own rather than hishel: hishel's API changed in each major release and by
default keeps responses until a TTL instead of revalidating.  Only successful
responses are stored: a transient 503 or timeout must never be replayed as the
source's answer on the next run.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import FetchError

SCHEMA = """
CREATE TABLE IF NOT EXISTS responses (
    url TEXT PRIMARY KEY,
    final_url TEXT NOT NULL,
    status INTEGER NOT NULL,
    content_type TEXT,
    etag TEXT,
    last_modified TEXT,
    body BLOB NOT NULL,
    fetched_at REAL NOT NULL
)
"""


# Where the cache lives unless --cache FILE names one: the platform's user cache
# folder (~/.cache/quoteverify on Linux, ~/Library/Caches/quoteverify on macOS,
# %LOCALAPPDATA%\quoteverify\Cache on Windows); $QUOTEVERIFY_CACHE_DIR overrides
# the folder (CI jobs that cache a workspace path, and the test suite).
CACHE_DIR_ENV = "QUOTEVERIFY_CACHE_DIR"
CACHE_FILE = "fetch.sqlite"


def default_cache_path(env: dict[str, str] | None = None) -> Path:
    """The cache file used when none is named."""
    import os

    folder = (os.environ if env is None else env).get(CACHE_DIR_ENV)
    if not folder:
        import platformdirs

        folder = platformdirs.user_cache_dir("quoteverify", appauthor=False)
    return Path(folder).expanduser() / CACHE_FILE


class CacheError(FetchError):
    """The fetch cache (a file, or a PostgreSQL database) cannot be used;
    ``str()`` is the one-line cause."""


@dataclass(frozen=True)
class CacheEntry:
    url: str
    final_url: str
    status: int
    content_type: str | None
    etag: str | None
    last_modified: str | None
    body: bytes
    fetched_at: float  # epoch seconds: when the server last vouched for the body

    def age(self, now: float | None = None) -> float:
        return (time.time() if now is None else now) - self.fetched_at


@contextlib.contextmanager
def _usable(path: Path, errors: tuple[type[Exception], ...] = (sqlite3.Error,)) -> Iterator[None]:
    """Any of ``errors`` inside becomes a one-line ``CacheError`` naming the file."""
    try:
        yield
    except errors as exc:
        raise CacheError(f"cache {path} is unusable ({exc})") from None


PG_SCHEMES = ("postgresql://", "postgres://")


# Both backends store an entry as these columns, in this order.
ENTRY_COLUMNS = "url, final_url, status, content_type, etag, last_modified, body, fetched_at"


def entry_from_row(row: Sequence[Any] | None) -> CacheEntry | None:
    """A stored row (``ENTRY_COLUMNS``) as a ``CacheEntry``; None for no row."""
    return None if row is None else CacheEntry(*row[:6], bytes(row[6]), row[7])


def open_cache(where: str | Path) -> Cache:
    """The cache backend for ``where``: a ``postgresql://`` URL or a SQLite file."""
    if isinstance(where, str) and not where.lower().startswith(PG_SCHEMES):
        where = Path(where)
    return Cache(where)


class Cache:
    """Thread-safe: one connection behind a lock (fetches run on several threads).

    A file that is not a usable cache (truncated, overwritten, not SQLite) is
    moved aside to ``NAME.corrupt`` and rebuilt empty, and ``rebuilt`` says so
    for the caller to warn: otherwise every lookup would fail and each source
    would quietly become unverifiable.  With ``rebuild=False`` (``--offline``,
    where an empty cache serves nothing) it is a ``CacheError`` instead.
    """

    def __new__(cls, path: Path | str, *, rebuild: bool = True) -> Cache:
        # The backend is chosen by scheme here because the fetcher builds
        # ``Cache(path)`` itself: a postgresql:// URL gets the shared cache of
        # ``_cache_pg`` (same interface), imported only then.  A database is
        # never "rebuilt": it reports its own errors.
        if isinstance(path, str) and path.lower().startswith(PG_SCHEMES):
            from ._cache_pg import PgCache

            return PgCache(path)  # type: ignore[return-value]
        return super().__new__(cls)

    def __init__(self, path: Path, *, rebuild: bool = True) -> None:
        self.path = path
        self._lock = threading.Lock()
        self.rebuilt: str | None = None
        try:
            self._open(path)
        except CacheError as exc:
            if not rebuild or not path.is_file():
                raise
            with contextlib.suppress(Exception):
                self._db.close()
            aside = path.with_name(path.name + ".corrupt")
            with _usable(path, (OSError,)):
                path.replace(aside)
                for suffix in ("-wal", "-shm"):
                    path.with_name(path.name + suffix).unlink(missing_ok=True)
            self._open(path)
            self.rebuilt = f"{exc}: moved to {aside} and rebuilt empty"

    def _open(self, path: Path) -> None:
        with _usable(path, (OSError, sqlite3.Error)):
            path.parent.mkdir(parents=True, exist_ok=True)
            # timeout: parallel CI jobs sharing one cache file wait for each other.
            self._db = sqlite3.connect(path, timeout=30, check_same_thread=False)
            # Every fetched document is its own commit, made on the event loop's
            # thread: with the default rollback journal each one waits for an
            # fsync and a batch of 50 lost ~0.5 s.  WAL with synchronous=NORMAL
            # stays consistent after a crash (at worst the last few entries are
            # lost, which a cache can afford).  Where WAL is impossible (a
            # read-only file, some network file systems) the default stays.
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
            with self._db:
                self._db.execute(SCHEMA)
            # A damaged page elsewhere in the file would fail only the lookups
            # that touch it; find out now.
            (verdict,) = self._db.execute("PRAGMA quick_check").fetchone()
            if verdict != "ok":
                raise sqlite3.DatabaseError(f"integrity check: {verdict}")

    def get(self, url: str) -> CacheEntry | None:
        with _usable(self.path), self._lock:
            row = self._db.execute(
                f"SELECT {ENTRY_COLUMNS} FROM responses WHERE url = ?", (url,)
            ).fetchone()
        return entry_from_row(row)

    def put(self, entry: CacheEntry) -> None:
        if not 200 <= entry.status < 300:
            return  # never persist failures (see the module docstring)
        with _usable(self.path), self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entry.url,
                    entry.final_url,
                    entry.status,
                    entry.content_type,
                    entry.etag,
                    entry.last_modified,
                    entry.body,
                    entry.fetched_at,
                ),
            )

    def touch(self, url: str, fetched_at: float) -> None:
        """Record that the server confirmed (304) the cached body is current."""
        with _usable(self.path), self._lock, self._db:
            self._db.execute("UPDATE responses SET fetched_at = ? WHERE url = ?", (fetched_at, url))

    def stats(self) -> tuple[int, int, float | None, float | None]:
        """(entries, bytes of bodies, oldest and newest ``fetched_at``)."""
        with _usable(self.path), self._lock:
            n, size, oldest, newest = self._db.execute(
                "SELECT COUNT(*), COALESCE(SUM(LENGTH(body)), 0), MIN(fetched_at),"
                " MAX(fetched_at) FROM responses"
            ).fetchone()
        return int(n), int(size), oldest, newest

    def prune(self, older_than: float, now: float | None = None) -> int:
        """Drop the entries the server last vouched for ``older_than`` seconds ago
        or more; returns how many.  The file shrinks (VACUUM)."""
        cutoff = (time.time() if now is None else now) - older_than
        with _usable(self.path), self._lock:
            with self._db:
                gone = self._db.execute(
                    "DELETE FROM responses WHERE fetched_at <= ?", (cutoff,)
                ).rowcount
            self._db.execute("VACUUM")
        return int(gone)

    def clear(self) -> int:
        """Drop every entry; returns how many."""
        return self.prune(older_than=float("-inf"))

    def close(self) -> None:
        with self._lock:
            self._db.close()
