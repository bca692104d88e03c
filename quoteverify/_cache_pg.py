"""The fetch cache in PostgreSQL, for many runners (CI jobs, Dask workers) at once.

Same interface and semantics as the SQLite ``Cache`` in ``_cache``: only 2xx
responses are stored, ``touch`` records a 304, the fetcher does the ETag /
Last-Modified revalidation, ``--max-cache-age``, ``--refresh`` and ``--offline``.
What sharing adds:

* ``put`` is an UPSERT that never lets an older response overwrite a newer one,
  and ``touch`` only moves ``fetched_at`` forward: two runners finishing in
  either order leave the newest body (no lost updates).
* A miss is *claimed* (a row in ``quoteverify_fetch_claims``) so that when four
  runners start on the same sources at once, one fetches and the others wait
  for its ``put`` instead of all hitting the site.  A claim expires after
  ``CLAIM_LEASE`` seconds or when its owner's connection is gone: a fetch that
  failed without a response (timeout, refused) costs the waiters at most that,
  never correctness.
* The schema is created on first use under an advisory lock and versioned in
  ``quoteverify_schema_version``; a database written by a newer quoteverify is
  refused with a one-line error instead of being misread.

Credentials come from the URL, the ``PG*`` environment variables or
``~/.pgpass`` (libpq reads all three); a password never appears in a message.
psycopg is imported here only, so nothing loads it unless a ``postgresql://``
cache is asked for.
"""

from __future__ import annotations

import re
import threading
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from ._cache import ENTRY_COLUMNS, CacheEntry, CacheError, entry_from_row

if TYPE_CHECKING:
    import psycopg

SCHEMES = ("postgresql://", "postgres://")
COMPONENT = "fetch_cache"
SCHEMA_VERSION = 1
CLAIM_LEASE = 30.0  # seconds: longer than one fetch with its retries takes
CLAIM_POLL = 0.05
CONNECT_TIMEOUT = 5  # seconds: an unreachable server is an error, not a hang

_LOCK_KEY = 0x71766361  # "qvca": serialises schema creation across runners

SCHEMA = """
CREATE TABLE IF NOT EXISTS quoteverify_schema_version (
    component TEXT PRIMARY KEY,
    version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS quoteverify_fetch_cache (
    url TEXT PRIMARY KEY,
    final_url TEXT NOT NULL,
    status INTEGER NOT NULL,
    content_type TEXT,
    etag TEXT,
    last_modified TEXT,
    body BYTEA NOT NULL,
    fetched_at DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS quoteverify_fetch_claims (
    url TEXT PRIMARY KEY,
    owner INTEGER NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
"""


def is_postgres_url(ref: object) -> bool:
    return isinstance(ref, str) and ref.lower().startswith(SCHEMES)


def redact(url: str) -> str:
    """``url`` with any password replaced by ``***`` (userinfo and query alike)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, host = netloc.rpartition("@")
        if ":" in userinfo:
            userinfo = userinfo.split(":", 1)[0] + ":***"
        netloc = f"{userinfo}@{host}"
    query = re.sub(r"(?i)(^|&)(password=)[^&]*", r"\1\2***", parts.query)
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def _password(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.password:
        return parts.password
    m = re.search(r"(?i)(?:^|&)password=([^&]*)", parts.query)
    return m.group(1) if m else None


def _one_line(exc: BaseException, url: str) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    secret = _password(url)
    if secret:
        text = text.replace(secret, "***")
    return text


class PgCache:
    """Thread-safe like ``Cache``: one connection behind a lock."""

    # ``Cache`` moves a corrupt SQLite file aside and says so here; a database
    # reports its own errors and is never rebuilt behind the user's back.
    rebuilt: str | None = None

    def __init__(self, url: str) -> None:
        self.url = url
        self.display = redact(url)
        self._lock = threading.Lock()
        self._claimed: set[str] = set()
        try:
            import psycopg
        except ImportError:
            raise CacheError(
                f"cache {self.display} needs psycopg: pip install 'quoteverify[postgres]'"
            ) from None
        self._errors: tuple[type[BaseException], ...] = (psycopg.Error,)
        with self._usable():
            # autocommit: each statement is its own transaction unless a
            # ``transaction()`` block groups them, so no runner holds locks idle.
            self._db: psycopg.Connection[Any] = psycopg.connect(
                url, autocommit=True, connect_timeout=CONNECT_TIMEOUT
            )
            try:
                self._create_schema()
            except BaseException:
                self._db.close()
                raise

    # -- plumbing -------------------------------------------------------------

    def _usable(self) -> _Usable:
        return _Usable(self)

    def _create_schema(self) -> None:
        with self._db.transaction():
            # CREATE TABLE IF NOT EXISTS races with itself across sessions
            # (a duplicate pg_type row): one runner at a time.
            self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            self._db.execute(SCHEMA)
            row = self._db.execute(
                "SELECT version FROM quoteverify_schema_version WHERE component = %s",
                (COMPONENT,),
            ).fetchone()
            if row is None:
                self._db.execute(
                    "INSERT INTO quoteverify_schema_version VALUES (%s, %s)",
                    (COMPONENT, SCHEMA_VERSION),
                )
            elif row[0] > SCHEMA_VERSION:
                raise CacheError(
                    f"cache {self.display} has schema version {row[0]}, newer than this "
                    f"quoteverify understands ({SCHEMA_VERSION}): upgrade quoteverify"
                )

    # -- the Cache interface --------------------------------------------------

    def get(self, url: str) -> CacheEntry | None:
        deadline = time.monotonic() + CLAIM_LEASE
        while True:
            with self._usable(), self._lock:
                entry = self._read(url)
                if entry is not None:
                    return entry
                if self._claim(url):
                    # Another runner may have stored it and let go of its claim
                    # between our read and our claim: read once more.
                    entry = self._read(url)
                    if entry is not None:
                        self._release(url)
                    return entry  # None: ours to fetch; ``put`` releases the claim
            if time.monotonic() >= deadline:
                return None  # the claimant is too slow: fetch it ourselves
            time.sleep(CLAIM_POLL)

    def _read(self, url: str) -> CacheEntry | None:
        row = self._db.execute(
            f"SELECT {ENTRY_COLUMNS} FROM quoteverify_fetch_cache WHERE url = %s", (url,)
        ).fetchone()
        return entry_from_row(row)

    def _claim(self, url: str) -> bool:
        # Taken when free, expired, held by a connection that is gone, or
        # already ours (a second lookup of a URL this runner failed to fetch
        # must not wait for itself).
        row = self._db.execute(
            """
            INSERT INTO quoteverify_fetch_claims AS c (url, owner)
            VALUES (%s, pg_backend_pid())
            ON CONFLICT (url) DO UPDATE SET owner = excluded.owner, claimed_at = now()
            WHERE c.owner = pg_backend_pid()
               OR c.claimed_at < now() - make_interval(secs => %s)
               OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = c.owner)
            RETURNING 1
            """,
            (url, CLAIM_LEASE),
        ).fetchone()
        if row is not None:
            self._claimed.add(url)
        return row is not None

    def _release(self, url: str) -> None:
        if url in self._claimed:
            self._db.execute(
                "DELETE FROM quoteverify_fetch_claims WHERE url = %s AND owner = pg_backend_pid()",
                (url,),
            )
            self._claimed.discard(url)

    def put(self, entry: CacheEntry) -> None:
        with self._usable(), self._lock:
            if 200 <= entry.status < 300:  # never persist failures (see ``_cache``)
                self._db.execute(
                    """
                    INSERT INTO quoteverify_fetch_cache AS r
                    VALUES (%s, %s, %s, %s, %s, %s, %s, %s)
                    ON CONFLICT (url) DO UPDATE SET
                        final_url = excluded.final_url, status = excluded.status,
                        content_type = excluded.content_type, etag = excluded.etag,
                        last_modified = excluded.last_modified, body = excluded.body,
                        fetched_at = excluded.fetched_at
                    WHERE excluded.fetched_at >= r.fetched_at
                    """,
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
            # A failed response ends the claim too: the waiters fetch it
            # themselves (and get the same answer, or a better one).
            self._release(entry.url)

    def touch(self, url: str, fetched_at: float) -> None:
        """Record that the server confirmed (304) the cached body is current."""
        with self._usable(), self._lock:
            self._db.execute(
                "UPDATE quoteverify_fetch_cache SET fetched_at = GREATEST(fetched_at, %s)"
                " WHERE url = %s",
                (fetched_at, url),
            )

    def close(self) -> None:
        with self._lock:
            try:
                for url in list(self._claimed):
                    self._release(url)
            except self._errors:
                pass  # the connection is gone, and its claims with it
            self._db.close()


class _Usable:
    """Any psycopg error inside becomes a one-line ``CacheError`` naming the
    database (password redacted), like ``_cache._usable`` does for a file."""

    def __init__(self, cache: PgCache) -> None:
        self.cache = cache

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: type[BaseException] | None, exc: Any, tb: object) -> bool:
        if exc is not None and isinstance(exc, self.cache._errors):
            raise CacheError(
                f"cache {self.cache.display} is unusable ({_one_line(exc, self.cache.url)})"
            ) from None
        return False


def check_usable(url: str) -> str:
    """``url`` once the cache there has been opened (and its schema made or
    checked); an unusable one is an ``InputError`` naming it, password hidden."""
    from .errors import InputError

    try:
        PgCache(url).close()
    except CacheError as exc:
        cause = str(exc).removeprefix(f"cache {redact(url)} ").removeprefix("is ")
        raise InputError("cache", redact(url), cause) from None
    return url
