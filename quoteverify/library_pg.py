"""A source library in a PostgreSQL database (``--library postgresql://…``).

The same library as ``library.Library`` (SQLite), shared by many processes and
machines: the same documents, refs, speaker keys and the same candidate
ranking, so that both backends give the same answers.

Storage (tables prefixed ``qvlib_`` so that they can share a database or
schema with other applications, the fetch cache included)
    ``qvlib_schema``        one row: the schema version, checked on every open.
    ``qvlib_documents``     one row per distinct text, keyed by its sha256
                            (``ON CONFLICT (hash) DO NOTHING``: stored once,
                            whoever adds it first).  ``terms`` is a tsvector of
                            the document's words *and word bigrams*
                            ("united_states"), built with ``array_to_tsvector``
                            so that no text-search parser splits or stems them;
                            a GIN index makes each bigram one index lookup,
                            like the FTS5 table of the SQLite backend.
    ``qvlib_speaker_keys``  folded speaker name words per document and day.
    ``qvlib_refs``          every path/URL a text was added under.

``pg_trgm`` indexes titles and speaker keys: ``similar_speakers`` uses it to
suggest the names a library knows when a speaker has no document in it.

Text columns use the "C" collation: ordering and hash-prefix ranges then follow
code points, as in SQLite, whatever the database's locale.

psycopg is imported here only, and this module only when a library URL is
opened: the CLI starts without it.
"""

from __future__ import annotations

import math
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from ._dates import parse_day
from ._fetch import is_url
from .library import (
    BATCH_SIZE,
    COMMON,
    FIRST_STAGE,
    MARGIN,
    MAX_TERMS,
    MIN_TERMS,
    RERANK,
    SPEAKS_MEMO,
    AddStats,
    Candidate,
    Entry,
    LibraryError,
    Summary,
    content_hash,
    day_bounds,
    file_meta,
    normalised,
    quote_ngrams,
    speaker_labels,
    stored_lines,
    stored_people,
    word_bigrams,
    word_bytes,
    words,
)
from .library import Library as _SqliteLibrary
from .library_people import (
    DocPeople,
    LabelMapper,
    Person,
    authors,
    default_mapper,
    speaker_keys,
    speaks_in,
)
from .models import Source
from .sources import load_local, load_source

if TYPE_CHECKING:  # pragma: no cover
    import psycopg
    from psycopg_pool import ConnectionPool

    from ._fetch import Fetcher

SCHEMA_VERSION = 1
SCHEMES = ("postgresql://", "postgres://")
REQUIRED_EXTENSION = "pg_trgm"
CONNECT_TIMEOUT = 10  # seconds, unless the URL or PGCONNECT_TIMEOUT says otherwise
MAX_LEXEME = 2046  # bytes: PostgreSQL refuses longer tsvector lexemes
# Serialises schema creation between processes that open a new library at once.
_LOCK_KEY = 0x71766C6962  # "qvlib"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS qvlib_schema (version integer NOT NULL);
CREATE TABLE IF NOT EXISTS qvlib_documents (
    docid    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hash     text COLLATE "C" NOT NULL UNIQUE,
    text     text NOT NULL,                 -- TOAST compresses it
    title    text COLLATE "C",
    date     text,
    speakers text NOT NULL DEFAULT '',
    day      text COLLATE "C",
    url      text,
    authors  text NOT NULL DEFAULT '',
    terms    tsvector NOT NULL
);
CREATE INDEX IF NOT EXISTS qvlib_documents_terms ON qvlib_documents USING gin (terms);
CREATE INDEX IF NOT EXISTS qvlib_documents_day ON qvlib_documents (day);
CREATE INDEX IF NOT EXISTS qvlib_documents_title_trgm
    ON qvlib_documents USING gin (title {trgm}.gin_trgm_ops);
CREATE TABLE IF NOT EXISTS qvlib_speaker_keys (
    key   text COLLATE "C" NOT NULL,
    day   text COLLATE "C" NOT NULL,
    docid bigint NOT NULL REFERENCES qvlib_documents (docid) ON DELETE CASCADE,
    PRIMARY KEY (key, day, docid)
);
CREATE INDEX IF NOT EXISTS qvlib_speaker_keys_doc ON qvlib_speaker_keys (docid);
CREATE INDEX IF NOT EXISTS qvlib_speaker_keys_trgm
    ON qvlib_speaker_keys USING gin (key {trgm}.gin_trgm_ops);
CREATE TABLE IF NOT EXISTS qvlib_refs (
    ref  text COLLATE "C" PRIMARY KEY,
    hash text COLLATE "C" NOT NULL REFERENCES qvlib_documents (hash),
    seq  bigserial NOT NULL          -- order of adding, as SQLite's rowid
);
CREATE INDEX IF NOT EXISTS qvlib_refs_hash ON qvlib_refs (hash, seq);
"""


def is_pg_url(spec: str) -> bool:
    return spec.lower().startswith(SCHEMES)


def redact(text: str, url: str | None = None) -> str:
    """``text`` with the password of ``url`` (or of any postgres URL in it)
    replaced by ``***``: messages and listings never show a password."""
    out = text
    for candidate in [url] if url else re.findall(r"postgres(?:ql)?://\S+", text):
        if not candidate:
            continue
        secrets = [urlsplit(candidate).password or ""]
        secrets += [m.group(0).split("=", 1)[1] for m in _QUERY_PASSWORD.finditer(candidate)]
        for secret in secrets:
            if secret:
                out = out.replace(secret, "***")
    return out


_QUERY_PASSWORD = re.compile(r"(?i)([?&]password=)[^&#]*")


def redacted_url(url: str) -> str:
    """The URL with its password (in the authority or a ``password=``
    parameter) shown as ``***``."""
    url = _QUERY_PASSWORD.sub(r"\1***", url)
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def _one_line(exc: BaseException, url: str) -> str:
    """A driver error as one line: libpq may list one failure per address tried."""
    lines = [ln.strip().lstrip("- ").strip() for ln in str(exc).splitlines() if ln.strip()]
    causes = [ln for ln in lines if not ln.startswith(("Is the server", "HINT:"))]
    text = (causes or lines or [type(exc).__name__])[-1]
    text = re.sub(r"\s+", " ", text.replace("FATAL:", "")).strip()
    return redact(text, url)


def connect(url: str) -> psycopg.Connection[Any]:
    """An autocommit connection (reads hold no transaction open; writes open
    one explicitly).  Credentials come from the URL, the ``PG*`` variables or
    ``~/.pgpass``, all read by libpq."""
    import psycopg

    extra: dict[str, Any] = {"autocommit": True}
    if "connect_timeout" not in url and "PGCONNECT_TIMEOUT" not in os.environ:
        extra["connect_timeout"] = CONNECT_TIMEOUT
    try:
        conn = psycopg.connect(url, **extra)
        configure(conn)
        return conn
    except psycopg.Error as exc:
        raise LibraryError(redacted_url(url), _one_line(exc, url)) from None


def configure(conn: psycopg.Connection[Any]) -> None:
    """Session settings a library connection needs; pass as ``configure=`` to a
    ``psycopg_pool.ConnectionPool`` whose connections a ``PgLibrary`` uses.

    A term found in most documents looks cheapest to the planner as a
    sequential scan, which decompresses every document's tsvector (40 ms a
    term); the GIN index answers without reading them.  Queries that have no
    index to use still scan.
    """
    conn.execute("SET enable_seqscan = off")


class PgLibrary:
    """A source library in PostgreSQL; use as a context manager or close().

    Either ``url`` alone (one connection of its own) or a ``pool``
    (``psycopg_pool.ConnectionPool`` of autocommit connections, shared by
    threads) with the ``url`` it was made from, for naming.
    """

    def __init__(
        self,
        url: str,
        *,
        create: bool = False,
        mapper: LabelMapper = default_mapper,
        pool: ConnectionPool[Any] | None = None,
    ) -> None:
        self.url = url
        self.mapper = mapper
        self._pool = pool
        self._db = None if pool is not None else connect(url)
        self._lock = threading.Lock()
        try:
            with self._conn() as conn:
                self._prepare(conn, create)
        except LibraryError:
            self.close()
            raise
        except Exception as exc:
            self.close()
            raise LibraryError(self.name, _one_line(exc, url)) from None
        self._norm_cache: OrderedDict[int, str] = OrderedDict()
        self._speaks_memo: dict[tuple[object, ...], bool] = {}

    # -- connections
    @contextmanager
    def _conn(self) -> Iterator[psycopg.Connection[Any]]:
        """The connection to use; a lost server or a refused privilege (a
        read-only role adding) becomes a ``LibraryError``: one line, exit 2."""
        import psycopg

        try:
            if self._pool is not None:
                with self._pool.connection() as conn:
                    yield conn
            else:
                assert self._db is not None
                yield self._db
        except (psycopg.OperationalError, psycopg.errors.InsufficientPrivilege) as exc:
            raise LibraryError(self.name, _one_line(exc, self.url)) from None

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._conn() as conn:
            return conn.execute(sql, params).fetchall()

    def _row(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        with self._conn() as conn:
            return conn.execute(sql, params).fetchone()

    # -- schema
    def _version(self, conn: psycopg.Connection[Any]) -> int | None:
        if conn.execute("SELECT to_regclass('qvlib_schema')").fetchone()[0] is None:
            return None
        row = conn.execute("SELECT max(version) FROM qvlib_schema").fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def _check_version(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise LibraryError(
                self.name,
                f"library schema {version} is newer than this quoteverify's "
                f"({SCHEMA_VERSION}): upgrade quoteverify",
            )

    def _prepare(self, conn: psycopg.Connection[Any], create: bool) -> None:
        """Check (and with ``create``, make) the schema.  A current library is
        only read: ``check`` opens it once per article."""
        version = self._version(conn)
        if version is not None:
            self._check_version(version)
            if version == SCHEMA_VERSION:
                return
        if not create:
            raise LibraryError(self.name, "no quoteverify library in this database")
        with conn.transaction():
            # Several ``library add`` processes may create a new library at once.
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            version = self._version(conn)
            if version is not None:
                self._check_version(version)
                return
            trgm = self._extension_schema(conn)
            from psycopg import sql

            ddl = _SCHEMA.replace("{trgm}", sql.Identifier(trgm).as_string(conn))
            for statement in ddl.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute("INSERT INTO qvlib_schema (version) VALUES (%s)", (SCHEMA_VERSION,))

    def _extension_schema(self, conn: psycopg.Connection[Any]) -> str:
        """The schema holding pg_trgm, created if allowed; a clear refusal if not."""
        import psycopg

        find = (
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
            "ON n.oid = e.extnamespace WHERE e.extname = %s"
        )
        row = conn.execute(find, (REQUIRED_EXTENSION,)).fetchone()
        if row:
            return str(row[0])
        available = conn.execute(
            "SELECT 1 FROM pg_available_extensions WHERE name = %s", (REQUIRED_EXTENSION,)
        ).fetchone()
        if not available:
            raise LibraryError(
                self.name,
                f"the server lacks the {REQUIRED_EXTENSION} extension "
                "(install the PostgreSQL contrib package)",
            )
        try:
            with conn.transaction():
                conn.execute(f"CREATE EXTENSION IF NOT EXISTS {REQUIRED_EXTENSION}")
        except psycopg.errors.InsufficientPrivilege:
            raise LibraryError(
                self.name,
                f"extension {REQUIRED_EXTENSION} is not installed and this role may not "
                f"create it: ask an administrator to run CREATE EXTENSION {REQUIRED_EXTENSION}",
            ) from None
        row = conn.execute(find, (REQUIRED_EXTENSION,)).fetchone()
        assert row is not None
        return str(row[0])

    # -- context manager
    def __enter__(self) -> PgLibrary:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    @property
    def name(self) -> str:
        return redacted_url(self.url)

    def __len__(self) -> int:
        row = self._row("SELECT count(*) FROM qvlib_documents")
        return int(row[0]) if row else 0

    # -- adding
    def add(
        self,
        source: Source,
        *,
        date: str | None = None,
        speakers: Sequence[str] | None = None,
        url: str | None = None,
    ) -> str:
        """Store one read source; return its content hash (see ``Library.add``)."""
        labels = speaker_labels(source.text) if speakers is None else speakers
        with self._conn() as conn, conn.transaction():
            digest, _ = self._add(conn, source, date=date, speakers=labels, url=url)
        return digest

    def _add(
        self,
        conn: psycopg.Connection[Any],
        source: Source,
        *,
        date: str | None,
        speakers: Sequence[str],
        url: str | None = None,
    ) -> tuple[str, str]:
        """Insert inside the caller's transaction; return (hash, outcome)."""
        if source.status != "ok" or not source.text.strip():
            raise ValueError(f"{source.ref}: {source.error or 'no text'}")
        digest = content_hash(source.text)
        old = conn.execute(
            "SELECT hash FROM qvlib_refs WHERE ref = %s FOR UPDATE", (source.ref,)
        ).fetchone()
        if old and old[0] == digest:
            return digest, "unchanged"
        labels = tuple(speakers)
        people = DocPeople(
            source.title, parse_day(date), labels, authors(source.title, source.text, labels)
        )
        # Stored once: a concurrent adder of the same text waits on the unique
        # index and then finds it there (no row returned: a duplicate).
        row = conn.execute(
            "INSERT INTO qvlib_documents (hash, text, title, date, speakers, day, url, authors, "
            "terms) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, array_to_tsvector(%s::text[])) "
            "ON CONFLICT (hash) DO NOTHING RETURNING docid",
            (
                digest,
                source.text,
                source.title,
                date,
                "\n".join(labels),
                people.day,
                url or source.url,
                "\n".join(people.authors),
                _terms(source.title, source.text, labels),
            ),
        ).fetchone()
        outcome = "duplicate"
        if row is not None:
            outcome = "added"
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO qvlib_speaker_keys (key, day, docid) VALUES (%s, %s, %s) "
                    "ON CONFLICT DO NOTHING",
                    [(key, people.day or "", row[0]) for key in sorted(speaker_keys(people))],
                )
        # A ref given a new text moves to the end of the order, as SQLite's
        # INSERT OR REPLACE gives it a new rowid.
        conn.execute(
            "INSERT INTO qvlib_refs (ref, hash) VALUES (%s, %s) ON CONFLICT (ref) "
            "DO UPDATE SET hash = EXCLUDED.hash, seq = DEFAULT "
            "WHERE qvlib_refs.hash <> EXCLUDED.hash",
            (source.ref, digest),
        )
        if old:
            self._drop_if_orphan(conn, old[0])
        return digest, outcome

    def _drop_if_orphan(self, conn: psycopg.Connection[Any], digest: str) -> None:
        row = conn.execute(
            "DELETE FROM qvlib_documents d WHERE d.hash = %s AND NOT EXISTS "
            "(SELECT 1 FROM qvlib_refs r WHERE r.hash = d.hash) RETURNING docid",
            (digest,),
        ).fetchone()
        if row:
            with self._lock:
                self._norm_cache.pop(row[0], None)

    def add_paths(self, refs: Iterable[str], *, fetcher: Fetcher | None = None) -> AddStats:
        """Add files, directories and URLs (see ``Library.add_paths``).

        Committed every ``BATCH_SIZE`` documents.  Should a batch collide with
        another process's (a deadlock on the same texts added in another
        order), it is rolled back and redone one document per transaction.
        """
        stats = AddStats()
        batch: list[tuple[str, Source, str | None, str | None]] = []
        for ref, path in _SqliteLibrary._expand(refs, stats):
            stats.files += 1
            if path is None:
                source, data = load_source(ref, fetcher=fetcher), b""
            else:
                source, data = load_local(ref)  # read once: file_meta takes the bytes
            if source.status != "ok":
                stats.errors.append((ref, source.error or "unreadable"))
                continue
            date, url = file_meta(path, data) if path is not None else (None, None)
            batch.append((ref, source, date, url))
            if len(batch) >= BATCH_SIZE:
                self._flush(batch, stats)
                batch = []
        self._flush(batch, stats)
        if stats.added:
            self._tidy_index()
        return stats

    def _tidy_index(self) -> None:
        """Move the GIN index's pending list (fast inserts) into the index
        proper now, rather than make the next lookups scan it."""
        import psycopg

        try:
            with self._conn() as conn:
                conn.execute("SELECT gin_clean_pending_list('qvlib_documents_terms'::regclass)")
        except psycopg.Error:
            pass  # not the owner: autovacuum will do it

    def _flush(
        self, batch: list[tuple[str, Source, str | None, str | None]], stats: AddStats
    ) -> None:
        import psycopg

        if not batch:
            return
        retry = (
            psycopg.errors.DeadlockDetected,
            psycopg.errors.SerializationFailure,
            psycopg.errors.ForeignKeyViolation,
            psycopg.errors.UniqueViolation,
        )
        with self._conn() as conn:
            try:
                with conn.transaction():
                    outcomes = [self._add_in_savepoint(conn, item) for item in batch]
            except retry:
                outcomes = []
                for item in batch:
                    for attempt in range(5):
                        try:
                            with conn.transaction():
                                outcomes.append(self._add_in_savepoint(conn, item))
                            break
                        except retry:
                            if attempt == 4:
                                raise
        for (ref, _, _, _), outcome in zip(batch, outcomes, strict=True):
            if outcome.startswith("error:"):
                stats.errors.append((ref, outcome[len("error:") :]))
            elif outcome == "added":
                stats.added += 1
            elif outcome == "duplicate":
                stats.duplicates += 1
            else:
                stats.unchanged += 1

    def _add_in_savepoint(
        self,
        conn: psycopg.Connection[Any],
        item: tuple[str, Source, str | None, str | None],
    ) -> str:
        import psycopg

        _, source, date, url = item
        try:
            # A savepoint: one document over a server limit is skipped, and
            # the rest of its batch still goes in.
            with conn.transaction():
                return self._add(
                    conn, source, date=date, speakers=speaker_labels(source.text), url=url
                )[1]
        except ValueError as exc:
            return f"error:{exc}"
        except psycopg.errors.ProgramLimitExceeded:
            return "error:too large for a PostgreSQL library (its word index exceeds 1 MB)"

    # -- lookup
    def documents_of(
        self, person: Person | None, near: str | None = None, window: int | None = None
    ) -> set[int] | None:
        """Docids a quote of ``person`` near ``near`` may come from; None: no limit
        (the same selection as ``Library.documents_of``)."""
        query = self._documents_query(person, near, window)
        if query is None or isinstance(query, set):
            return query
        return self._speaking(person, self._rows(*query))

    def _documents_query(
        self, person: Person | None, near: str | None, window: int | None
    ) -> tuple[str, list[object]] | set[int] | None:
        """The SQL selecting ``documents_of``'s rows, or its answer when no
        query is needed (None: no limit; an empty set: nobody's documents)."""
        lo, hi = day_bounds(near, window)
        if person is None:
            if lo is None:
                return None
            return (
                "SELECT docid FROM qvlib_documents WHERE day IS NULL OR day BETWEEN %s AND %s",
                [lo, hi],
            )
        if person.type in ("group", "unknown"):
            return set()
        keys = sorted(self.mapper.keys(person))
        if not keys:
            return set()
        inner = "SELECT docid FROM qvlib_speaker_keys WHERE key = ANY(%s)"
        params: list[object] = [keys]
        if lo is not None:
            inner += " AND (day = '' OR day BETWEEN %s AND %s)"
            params += [lo, hi]
        sql = (
            "SELECT d.docid, d.title, d.day, d.speakers, d.authors FROM qvlib_documents d "
            f"WHERE d.docid IN ({inner})"
        )
        return sql, params

    def _speaking(self, person: Person | None, rows: Sequence[tuple[Any, ...]]) -> set[int]:
        if person is None:
            return {r[0] for r in rows}
        out = set()
        memo = self._speaks_memo
        for docid, title, day, speakers, wrote in rows:
            # Remembered as in ``Library._speaks``: a speaker's documents come
            # back for every quote of theirs.
            key = (title, day, speakers, wrote, person)
            got = memo.get(key)
            if got is None:
                got = speaks_in(stored_people(title, day, speakers, wrote), person, self.mapper)
                if len(memo) >= SPEAKS_MEMO:
                    memo.clear()
                memo[key] = got
            if got:
                out.add(docid)
        return out

    def candidates(
        self,
        quote_text: str,
        speaker: str | Person | None = None,
        k: int = 3,
        *,
        near: str | None = None,
        window: int | None = None,
    ) -> list[Candidate]:
        """The ``k`` stored documents most likely to contain ``quote_text``: the
        same algorithm as ``Library.candidates``, over the GIN index.

        Two round trips: the speaker's documents and the quote's term counts
        in one pipeline, then the scores with the metadata and the texts to
        re-rank.  On a busy server each trip, not the index, is what a lookup
        costs.
        """
        toks = words(quote_text)
        if not toks or k <= 0:
            return []
        person = Person(speaker) if isinstance(speaker, str) else speaker
        query = self._documents_query(person, near, window)
        if isinstance(query, set) and not query:
            return []
        terms = sorted(set(word_bigrams(toks))) or toks[:1]
        if len(terms) > MAX_TERMS:
            terms = terms[:: math.ceil(len(terms) / MAX_TERMS)]
        # A term too long for a lexeme cannot be stored, hence never matches.
        terms = [t for t in terms if len(t.encode("utf-8")) <= MAX_LEXEME]
        if not terms:
            return []
        with self._conn() as conn:
            # Each term is a quoted lexeme of letters, digits and "_": no quote
            # text reaches the tsquery syntax.
            counts_sql = "SELECT (SELECT count(*) FROM qvlib_documents), " + ",".join(
                ["(SELECT count(*) FROM qvlib_documents WHERE terms @@ %s::tsquery)"] * len(terms)
            )
            with conn.pipeline():
                docs_cur = conn.execute(*query) if isinstance(query, tuple) else None
                counts_cur = conn.execute(counts_sql, [f"'{t}'" for t in terms])
            allowed = self._speaking(person, docs_cur.fetchall()) if docs_cur else None
            if allowed is not None and not allowed:
                return []
            row = counts_cur.fetchone()
            assert row is not None
            return self._rank(conn, toks, terms, row, person, allowed, k)

    def _rank(
        self,
        conn: psycopg.Connection[Any],
        toks: list[str],
        terms: list[str],
        row: tuple[Any, ...],
        person: Person | None,
        allowed: set[int] | None,
        k: int,
    ) -> list[Candidate]:
        total, counts = int(row[0]) + 1, row[1:]
        known = sorted(
            ((math.log(total / n), t) for t, n in zip(terms, counts, strict=True) if n),
            reverse=True,
        )
        if not known:
            return []
        floor = math.log(1 / COMMON)
        used = [(w, t) for i, (w, t) in enumerate(known) if i < MIN_TERMS or w > floor]
        union = " UNION ALL ".join(
            ["SELECT docid AS r, %s::float8 AS w FROM qvlib_documents WHERE terms @@ %s::tsquery"]
            * len(used)
        )
        params: list[object] = [x for w, t in used for x in (w, f"'{t}'")]
        where = ""
        if allowed is not None:
            where = "WHERE r = ANY(%s)"
            params.append(sorted(allowed))
        with self._lock:
            cached = sorted(self._norm_cache)
        # Sums rounded before ordering: equal evidence summed in another order
        # must not break ties differently from SQLite (then: by docid).  The
        # texts of the first RERANK come along unless cached: re-ranking may
        # need them, and asking again would be another round trip.
        rows = conn.execute(
            f"WITH top AS (SELECT r, sum(w) AS s FROM ({union}) u {where} GROUP BY r "
            "ORDER BY round(sum(w)::numeric, 9) DESC, r LIMIT %s), "
            "ranked AS (SELECT r, s, row_number() OVER "
            "(ORDER BY round(s::numeric, 9) DESC, r) AS i FROM top) "
            "SELECT ranked.r, ranked.s, d.hash, d.title, d.date, d.day, d.url, "
            "(SELECT ref FROM qvlib_refs f WHERE f.hash = d.hash ORDER BY f.seq LIMIT 1), "
            "CASE WHEN ranked.i <= %s AND NOT ranked.r = ANY(%s) THEN d.text END "
            "FROM ranked JOIN qvlib_documents d ON d.docid = ranked.r ORDER BY ranked.i",
            [*params, max(FIRST_STAGE, k), RERANK, cached],
        ).fetchall()
        if not rows:
            return []
        mass = sum(w for w, _ in known)
        scores = [100.0 * r[1] / mass for r in rows]
        close = [i for i in range(min(RERANK, len(rows))) if scores[i] >= scores[0] - MARGIN]
        if len(close) > 1 and len(toks) >= 3:
            grams = quote_ngrams(toks)
            norms = self._normalised(conn, {rows[i][0]: rows[i][8] for i in close})
            for i in close:
                norm = norms[rows[i][0]]
                trigram = 100.0 * sum(1 for g in grams if g in norm) / len(grams)
                scores[i] = (scores[i] + trigram) / 2
        match = person is not None  # every candidate passed documents_of
        ranked: list[Candidate] = []
        for (_, _, digest, title, date, day, url, ref, _), coverage in zip(
            rows, scores, strict=True
        ):
            ranked.append(
                Candidate(
                    ref=ref or digest,
                    title=title,
                    date=day or date,
                    score=round(coverage, 2),
                    hash=digest,
                    coverage=round(coverage, 2),
                    speaker_match=match,
                    url=url,
                )
            )
        ranked.sort(key=lambda c: -c.score)
        return ranked[:k]

    def _normalised(
        self, conn: psycopg.Connection[Any], texts: dict[int, str | None]
    ) -> dict[int, str]:
        """Normalised texts of the docids in ``texts`` (docid → text, or None
        when not sent along): from the cache, the text given, or one query."""
        out: dict[int, str] = {}
        with self._lock:
            for docid in texts:
                if docid in self._norm_cache:
                    self._norm_cache.move_to_end(docid)
                    out[docid] = self._norm_cache[docid]
        missing = [d for d, text in texts.items() if d not in out and text is None]
        fetched = dict(texts)
        if missing:  # evicted by another thread since the query
            rows = conn.execute(
                "SELECT docid, text FROM qvlib_documents WHERE docid = ANY(%s)", (missing,)
            ).fetchall()
            fetched.update(dict(rows))
        with self._lock:
            for docid, text in fetched.items():
                if docid in out:
                    continue
                out[docid] = normalised(text) if text else ""
                self._norm_cache[docid] = out[docid]
            while len(self._norm_cache) > 64:
                self._norm_cache.popitem(last=False)
        return out

    def similar_speakers(self, name: str, limit: int = 5) -> list[str]:
        """Speaker name words of the library nearest those of ``name`` by
        trigram similarity (pg_trgm's ``%`` over the key index): a hint when a
        speaker has no document here ("psakki" → "psaki")."""
        import psycopg
        from psycopg import sql

        folded = sorted({w for w in words(name) if len(w) > 1})
        if not folded:
            return []
        try:
            with self._conn() as conn:
                # The extension may live outside the search path (a shared
                # schema): its operator and function are named with theirs.
                row = conn.execute(
                    "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                    "ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'"
                ).fetchone()
                if row is None:
                    return []
                ns = sql.Identifier(row[0]).as_string(conn)
                rows = conn.execute(
                    f"SELECT k.key, max({ns}.similarity(k.key, w)) AS s "
                    "FROM unnest(%s::text[]) AS w JOIN qvlib_speaker_keys k "
                    f"ON k.key OPERATOR({ns}.%%) w "
                    "WHERE k.key NOT LIKE 'role:%%' GROUP BY k.key ORDER BY s DESC, k.key "
                    "LIMIT %s",
                    (folded, limit),
                ).fetchall()
        except psycopg.Error:
            return []  # a hint only: never the reason a search fails
        return [r[0] for r in rows]

    def get_source(self, ref_or_hash: str) -> Source:
        """Read a stored document back as a ``Source``; KeyError if unknown."""
        row = self._row("SELECT ref, hash FROM qvlib_refs WHERE ref = %s", (ref_or_hash,))
        if row is None and re.fullmatch(r"[0-9a-fA-F]{8,64}", ref_or_hash):
            low = ref_or_hash.lower()
            hits = self._rows(
                "SELECT hash FROM qvlib_documents WHERE hash >= %s AND hash < %s LIMIT 2",
                (low, low + "g"),
            )
            if len(hits) == 1:
                digest = hits[0][0]
                named = self._row(
                    "SELECT ref FROM qvlib_refs WHERE hash = %s ORDER BY seq LIMIT 1", (digest,)
                )
                row = (named[0] if named else digest, digest)
        if row is None:
            raise KeyError(ref_or_hash)
        ref, digest = row
        doc = self._row("SELECT text, title, url FROM qvlib_documents WHERE hash = %s", (digest,))
        if doc is None:
            raise KeyError(ref_or_hash)
        url = ref if is_url(ref) else doc[2]
        return Source(
            ref=ref,
            status="ok",
            text=doc[0],
            url=url,
            path=None if is_url(ref) or ref == digest else ref,
            title=doc[1],
        )

    def refs(self, digest: str) -> list[str]:
        rows = self._rows("SELECT ref FROM qvlib_refs WHERE hash = %s ORDER BY seq", (digest,))
        return [r[0] for r in rows]

    # -- inspection and removal
    def entries(self, speaker: str | None = None) -> list[Entry]:
        allowed = self.documents_of(Person(speaker)) if speaker else None
        rows = self._rows(
            "SELECT d.docid, d.hash, d.title, d.day, d.url, d.speakers, d.authors, "
            "(SELECT string_agg(ref, E'\\n' ORDER BY seq) FROM qvlib_refs r "
            " WHERE r.hash = d.hash) "
            "FROM qvlib_documents d "
            "ORDER BY d.day IS NULL, d.day, d.title NULLS FIRST, d.hash"
        )
        out = []
        for docid, digest, title, day, url, speakers, wrote, refs in rows:
            if allowed is not None and docid not in allowed:
                continue
            out.append(
                Entry(
                    hash=digest,
                    title=title,
                    day=day,
                    url=url,
                    labels=stored_lines(speakers),
                    authors=stored_lines(wrote),
                    refs=stored_lines(refs),
                )
            )
        return out

    def entry(self, ref_or_hash: str) -> Entry:
        digest = self._resolve(ref_or_hash)
        for e in self.entries():
            if e.hash == digest:
                return e
        raise KeyError(ref_or_hash)  # pragma: no cover - _resolve found it

    def summary(self) -> Summary:
        row = self._row("SELECT count(*), min(day), max(day) FROM qvlib_documents")
        assert row is not None
        docs, first, last = row
        refs = self._row("SELECT count(*) FROM qvlib_refs")
        undated = self._row("SELECT count(*) FROM qvlib_documents WHERE day IS NULL")
        counts: dict[str, int] = {}
        for speakers, wrote in self._rows("SELECT speakers, authors FROM qvlib_documents"):
            for name in {*stored_lines(speakers), *stored_lines(wrote)}:
                counts[name] = counts.get(name, 0) + 1
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return Summary(
            int(docs), int(refs[0] if refs else 0), first, last,
            int(undated[0] if undated else 0), tuple(top),
        )  # fmt: skip

    def remove(self, ref_or_hash: str) -> list[str]:
        with self._conn() as conn, conn.transaction():
            row = conn.execute(
                "SELECT hash FROM qvlib_refs WHERE ref = %s FOR UPDATE", (ref_or_hash,)
            ).fetchone()
            if row:
                digest, removed = row[0], [ref_or_hash]
            else:
                digest = self._resolve(ref_or_hash)
                removed = [
                    r[0]
                    for r in conn.execute(
                        "SELECT ref FROM qvlib_refs WHERE hash = %s ORDER BY seq", (digest,)
                    )
                ]
            conn.execute("DELETE FROM qvlib_refs WHERE ref = ANY(%s)", (removed,))
            self._drop_if_orphan(conn, digest)
        return removed

    def _resolve(self, ref_or_hash: str) -> str:
        row = self._row("SELECT hash FROM qvlib_refs WHERE ref = %s", (ref_or_hash,))
        if row:
            return str(row[0])
        if re.fullmatch(r"[0-9a-fA-F]{8,64}", ref_or_hash):
            low = ref_or_hash.lower()
            hits = self._rows(
                "SELECT hash FROM qvlib_documents WHERE hash >= %s AND hash < %s LIMIT 2",
                (low, low + "g"),
            )
            if len(hits) == 1:
                return str(hits[0][0])
        raise KeyError(ref_or_hash)


def _terms(title: str | None, text: str, labels: Sequence[str]) -> list[str]:
    """The lexemes of a document: the title's and text's words and word bigrams
    (what ``library._indexed`` gives FTS5), and the speaker labels' words (the
    FTS5 ``speakers`` column), each once, too-long ones dropped, sorted.

    >>> _terms("Hi", "Good day, good day.", ["MS. PSAKI"])
    ['day', 'day_good', 'good', 'good_day', 'hi', 'ms', 'psaki']
    """
    out: set[bytes] = set(word_bytes("\n".join(labels)))
    for part in (title or "", text):
        toks = word_bytes(part)
        out.update(toks)
        out.update(map(b"_".join, zip(toks, toks[1:], strict=False)))
    # UTF-8 bytes sort as their code points do: the order of the str terms.
    return [t.decode("utf-8") for t in sorted(out) if len(t) <= MAX_LEXEME]


def size_bytes(url: str) -> int:
    """Bytes the library's tables and indexes take (for the benchmark)."""
    with connect(url) as conn:
        row = conn.execute(
            "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
            "WHERE c.relname LIKE 'qvlib%%' AND c.relkind = 'r' "
            "AND c.relnamespace::regnamespace::text = ANY(current_schemas(false))"
        ).fetchone()
    return int(row[0] or 0) if row else 0
