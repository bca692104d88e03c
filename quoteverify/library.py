"""A local library of primary sources: an embedded SQLite database.

``quoteverify library add PATH|URL ...`` indexes sources here once; ``audit
--library FILE`` then asks :meth:`Library.candidates` which stored documents a
quote without a usable source most likely comes from, and reads the winners
back with :meth:`Library.get_source`.

Storage
    ``documents``  one row per distinct text (sha256 of ``Source.text``), the text
                   zlib-compressed, with title, date and transcript speaker labels.
                   ``hash`` is the identity (UNIQUE); the integer ``docid`` is a
                   stable rowid the index names documents by.
    ``refs``       every path/URL a text was added under → its hash.  The same
                   transcript republished under two URLs is stored once.
    ``vocab``, ``segments``, ``grams``, ``dropped``
                   the index of each document's words *and word bigrams*
                   ("united_states") as integer keys, postings in numpy blocks
                   (``_gramindex``; schema 2 held them in an FTS5 table).

Lookup: every word bigram of the quote is one index key.  Its document count
gives it a weight (idf); bigrams the writer's edits created match nothing and
simply drop out, which is what makes a quote with a quarter of its words
changed still findable.  Documents are scored by the weighted share of the
quote's bigrams they hold; when the leaders are close (a stump speech given in
ten cities), they are re-ranked by how many of the quote's word trigrams occur
*in sequence* in their text; a document where the quote's speaker speaks (turn
label) or is named in the title gets a bonus.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import re
import sqlite3
import unicodedata
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt

from ._dates import parse_day
from ._fetch import is_url
from ._gramindex import COMMIT_PAIRS, Found, GramIndex
from ._gramindex import SCHEMA as GRAM_SCHEMA
from .errors import SourceError
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
    from ._fetch import Fetcher
    from .library_pg import PgLibrary

SCHEMA_VERSION = 4

# Extensions picked up when walking a directory.  A file named explicitly is
# read whatever its extension: the user asked for it.
WALK_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".html", ".htm"})

# zlib level of the stored texts: deflating the corpus's 79 MB at level 1
# takes 0.9 s of an 8 s ``library add`` and saves 45 MB (a third of the
# file); 0 would store them as they are, read by the same ``zlib.decompress``.
TEXT_LEVEL = 1
BATCH_SIZE = 200  # documents per transaction in add_paths
FIRST_STAGE = 20  # documents scored by bigram evidence
RERANK = 5  # of those, near-ties are re-ranked by word-trigram overlap...
MARGIN = 15.0  # ...when within this many points of the best
COMMON = 1 / 3  # bigrams in more than this share of documents are ignored...
MIN_TERMS = 6  # ...unless the quote has fewer than this many rarer ones
SPEAKS_MEMO = 100_000  # speaks_in decisions remembered per library (then forgotten)
MAX_TERMS = 150  # bigrams looked up per quote (PostgreSQL: one UNION ALL arm each)

# The text is the last column: SQLite reads a row's columns in order, and a
# column stored after a 10 kB blob is reached through the blob's overflow
# pages (schema 2 kept it third: reading the titles, days and speakers of 20
# candidates cost 1 ms).
_DOCUMENTS = """
CREATE TABLE IF NOT EXISTS {name} (
    docid    INTEGER PRIMARY KEY,   -- stable rowid the index names it by
    hash     TEXT NOT NULL UNIQUE,  -- sha256 hex of the text: the identity
    title    TEXT,
    date     TEXT,
    speakers TEXT NOT NULL DEFAULT '',  -- transcript labels, one a line
    day      TEXT,                  -- ISO date (YYYY-MM-DD) from date, for the window
    url      TEXT,                  -- the original page (front matter source_url)
    authors  TEXT NOT NULL DEFAULT '',  -- who wrote it (title, byline), one a line
    words    BLOB,                  -- the text's index word ids: _packed_words
    text     BLOB NOT NULL          -- zlib(utf-8 text)
);
"""
_DOCUMENT_COLUMNS = "docid, hash, title, date, speakers, day, url, authors, text"

_SCHEMA = (
    _DOCUMENTS.format(name="documents")
    + """
CREATE INDEX IF NOT EXISTS documents_day ON documents(day);
-- Folded name words of everyone who may speak in a document (turn labels,
-- authors, role holders named by the title): lookup selects the documents of
-- the quote's speaker here, in SQL, before any text is searched.
-- The day ('' when unknown) is part of the key, so that a speaker's documents
-- within the window are one index range, however many they have in all.
CREATE TABLE IF NOT EXISTS speaker_keys (
    key   TEXT NOT NULL,
    day   TEXT NOT NULL,
    docid INTEGER NOT NULL,
    PRIMARY KEY (key, day, docid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS speaker_keys_doc ON speaker_keys(docid);
CREATE TABLE IF NOT EXISTS refs (
    ref  TEXT PRIMARY KEY,
    hash TEXT NOT NULL REFERENCES documents(hash)
);
CREATE INDEX IF NOT EXISTS refs_hash ON refs(hash);
"""
)


_V1_TO_V2 = """
ALTER TABLE documents ADD COLUMN day TEXT;
ALTER TABLE documents ADD COLUMN url TEXT;
ALTER TABLE documents ADD COLUMN authors TEXT NOT NULL DEFAULT '';
"""


class LibraryError(SourceError):
    """The database is not a quoteverify library (or a newer one), or is missing.

    ``ref`` names the library and ``reason`` says what is wrong, so that a
    message can name each once: "library 'x.sqlite': file is not a database".
    """

    def __init__(self, ref: str, reason: str) -> None:
        super().__init__(f"{ref}: {reason}")
        self.ref = ref
        self.reason = reason


@dataclass(frozen=True)
class Candidate:
    """A stored document that may be the quote's source, best first.

    ``score`` orders candidates (today equal to ``coverage``): only documents
    where the quote's speaker speaks are candidates (``speaker_match``).
    ``coverage`` (0-100) is the idf-weighted share of the quote's word bigrams
    found in the document; for close leaders, averaged with the share of its
    word trigrams found in sequence.  A ranking signal, not a verdict: the
    aligner judges the quote against ``get_source(ref)``.
    """

    ref: str  # the earliest-added ref still naming the text
    title: str | None
    date: str | None
    score: float
    hash: str = ""
    coverage: float = 0.0
    speaker_match: bool = False
    url: str | None = None  # the original page, when the library knows it


@dataclass
class AddStats:
    files: int = 0  # sources read (ok or not)
    added: int = 0  # new documents
    duplicates: int = 0  # text already stored under another ref: ref recorded
    unchanged: int = 0  # same ref, same text as before
    errors: list[tuple[str, str]] = field(default_factory=list)  # (ref, reason)


# --- text normalisation -----------------------------------------------------
#
# Documents and quotes go through the same ``words``: letters and digits,
# case-folded, diacritics removed, everything else a separator (so "don’t" is
# "don" + "t" and "Jean-Pierre" is "jean" + "pierre" on both sides, whatever
# apostrophe or dash the writer typed).

_WORD = re.compile(r"[^\W_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Bytes kept by ``word_bytes``: ASCII letters (lower-cased) and digits, and
# every byte of a UTF-8 multi-byte character (what remains of non-ASCII text
# is letters); every other ASCII byte becomes a space.
_KEEP = bytes(
    ord(chr(c).lower()) if c < 0x80 and chr(c).isalnum() else c if c >= 0x80 else 0x20
    for c in range(256)
)
_ASCII = bytes(range(0x80))
# ``_KEEP`` with every non-ASCII byte a space too (``index_bytes``).
_KEEP_ASCII = _KEEP[:0x80] + b" " * 0x80
_FOLDED: dict[str, str] = {}
_LOWER_FOLDED: dict[str, str] = {}


def _fold(c: str) -> str:
    """What one non-ASCII character of lower-cased text becomes in ``words``:
    a letter or digit without its diacritics, case-folded (whose own
    separators, as "⁄" in NFKD "1⁄2", become spaces); anything else a space.

    >>> [_fold(c) for c in "é’ß½"]
    ['e', ' ', 'ss', '1 2']
    """
    out = _FOLDED.get(c)
    if out is None:
        if _WORD.fullmatch(c):
            # Non-ASCII letters are few (accented names): decompose each once
            # and remember it, rather than NFKD-ing every document.
            decomposed = unicodedata.normalize("NFKD", c)
            folded = "".join(x for x in decomposed if not unicodedata.combining(x)).casefold()
            out = "".join(x if x.isascii() or _WORD.fullmatch(x) else " " for x in folded)
        else:
            out = " "
        _FOLDED[c] = out
    return out


def _lower_fold(c: str) -> str:
    """What one non-ASCII character of the text (not lower-cased) becomes:
    ``_fold`` of each character of its lower case ("İ" lowers to "i" and a
    combining dot, which is a separator).  ``str.lower`` maps one character
    at a time except a capital sigma, whose final form it picks from the
    neighbours; both forms fold to "σ", so mapping characters alone gives
    what lowering the whole text first gave.

    >>> [_lower_fold(c) for c in "ÉİΣ’"]
    ['e', 'i ', 'σ', ' ']
    """
    out = _LOWER_FOLDED.get(c)
    if out is None:
        out = "".join(x if x.isascii() else _fold(x) for x in c.lower())
        _LOWER_FOLDED[c] = out
    return out


def word_bytes(text: str) -> list[bytes]:
    """``words(text)`` as UTF-8 bytes.

    >>> word_bytes("Don’t, Jean-Pierre! ½ café")
    [b'don', b't', b'jean', b'pierre', b'1', b'2', b'cafe']
    """
    return index_bytes(text).split()


def index_bytes(text: str, raw: bytes | None = None) -> bytes:
    """``text`` as UTF-8 bytes in which the words of ``words`` are the runs
    of bytes other than a space (``raw``: its UTF-8, if the caller has it).

    The C string methods do the work: the text's few distinct non-ASCII
    characters (found by deleting every ASCII byte of its UTF-8) are each
    replaced throughout at once by their folded lower case, then one
    ``bytes.translate`` lower-cases ASCII letters and turns every other
    ASCII byte into a space.  (``str.lower`` of the whole text and a
    regular expression over every character cost as much as the rest
    together.)  When every such character folds to ASCII, as in most
    transcripts (curly quotes, dashes, no-break spaces, "é"), only those
    folding to a letter or digit are replaced, in the bytes; the others
    fold to a separator, so the translate blanks each of their bytes (a
    run of spaces separates as one does).

    >>> index_bytes("Don’t, Jean-Pierre! ½ café")
    b'don   t  jean pierre  1 2 cafe'
    >>> index_bytes("ΟΔΟΣ, ΣΟΦΙΑ") == "οδοσ  σοφια".encode()  # Greek stays Greek
    True
    """
    if text.isascii():
        return (raw if raw is not None else text.encode("ascii")).translate(_KEEP)
    if raw is None:
        raw = text.encode("utf-8", "surrogatepass")
    forms = {
        c: _lower_fold(c) for c in set(raw.translate(None, _ASCII).decode("utf-8", "surrogatepass"))
    }
    if all(out.isascii() for out in forms.values()):
        for c, out in forms.items():
            if not out or any(x.isalnum() for x in out):
                raw = raw.replace(c.encode("utf-8", "surrogatepass"), out.encode("ascii"))
        return raw.translate(_KEEP_ASCII)
    if any(forms.get(x, x) != x for out in forms.values() if not out.isascii() for x in out):
        # A folded form holds another character of the text that folds
        # again ("Ø" gives "ø", which stays): replacing one character
        # after another could fold it twice, so the whole text is
        # lowered, then each character folded in one pass.
        text = _NON_ASCII.sub(lambda m: _fold(m.group()), text.lower())
    else:
        for c, out in forms.items():
            text = text.replace(c, out)
    return text.encode("utf-8", "surrogatepass").translate(_KEEP)


def words(text: str) -> list[str]:
    """``text`` as the index sees it: case-folded letter/digit runs without
    diacritics; every other character separates words.

    >>> words("“Don’t,” said MS. JEAN-PIERRE of the Café")
    ['don', 't', 'said', 'ms', 'jean', 'pierre', 'of', 'the', 'cafe']
    """
    return [w.decode("utf-8") for w in word_bytes(text)]


def normalised(text: str) -> str:
    """``text``'s words, space-joined and space-padded, to find a quote's word
    n-grams in (``quote_ngrams``)."""
    return " " + b" ".join(word_bytes(text)).decode("utf-8") + " "


# A transcript turn label opens a line: "THE PRESIDENT:", "SECRETARY BLINKEN:",
# "MS. JEAN-PIERRE:", "MR. FERNÁNDEZ HERNÁNDEZ:".  At least one word of two
# capitals, so a wrapped "D.C.: ..." line is not a speaker; at most six words,
# so a shouted sentence ending in a colon is not one either.
_UPPER = "A-ZÀ-ÖØ-Þ"
_LABEL = re.compile(
    rf"^[ \t]*([{_UPPER}][{_UPPER}.'’\- ]{{0,60}}[{_UPPER}.]):(?=[ \t\u00a0]|$)", re.M
)
_TWO_CAPS = re.compile(rf"[{_UPPER}]{{2,}}")
# ``_LABEL`` after a newline: a pattern opening with a literal is searched for
# by that literal, where ``^`` is tried at every character (3× faster over a
# transcript, the same matches once the text is given a leading newline).
_LABEL_LINE = re.compile("\n" + _LABEL.pattern[1:], re.M)


def speaker_labels(text: str) -> list[str]:
    """Distinct turn labels of a transcript, in order of first appearance.

    >>> speaker_labels("THE PRESIDENT:  Hi.\\nQ    Sir?\\nMS. JEAN-PIERRE: No.\\nD.C.: x")
    ['THE PRESIDENT', 'MS. JEAN-PIERRE']
    """
    seen: dict[str, None] = {}
    # A briefing repeats its few labels hundreds of times: each distinct one,
    # as written, is judged once, in order of first appearance.
    for raw in dict.fromkeys(_LABEL_LINE.findall("\n" + text)):
        label = " ".join(raw.split())
        if _TWO_CAPS.search(label) and len(label.split()) <= 6:
            seen.setdefault(label, None)
    return list(seen)


_FM_DATE = re.compile(r"""^date:[ \t]*['"]?([^'"\n]+?)['"]?[ \t]*$""", re.M)
_FM_FENCE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_NAME_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


_FM_URL = re.compile(
    r"""^(?:source_url|url|canonical_url):[ \t]*['"]?([^'"\s]+)['"]?[ \t]*$""", re.M
)


def file_meta(path: Path, data: bytes) -> tuple[str | None, str | None]:
    """(date, original URL) from the front matter (a cheap regex, not a second
    YAML parse: load_source already parsed the title); the date else from a
    leading ISO date in the file name.  ``data``: the file's bytes, as
    ``load_local`` read them (the file is not opened again)."""
    date = url = None
    if path.suffix.lower() in (".md", ".markdown"):
        head = data[:8192].decode("utf-8", "replace")
        fence = _FM_FENCE.match(head)
        if fence:
            m = _FM_DATE.search(fence.group(1))
            date = m.group(1).strip() if m else None
            u = _FM_URL.search(fence.group(1))
            url = u.group(1) if u and is_url(u.group(1)) else None
    if date is None:
        m = _NAME_DATE.match(path.name)
        date = m.group(1) if m else None
    return date, url


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- the library ---------------------------------------------------------


class Library:
    """A source library in one SQLite file; use as a context manager or close()."""

    def __init__(self, path: Path, *, mapper: LabelMapper = default_mapper) -> None:
        self.path = Path(path)
        # Label ↔ person mapping used by lookup; see ``library_people.speaks_in``.
        self.mapper = mapper
        # A second `library add` waits for the first one's batch to commit.
        self._db = sqlite3.connect(str(self.path), timeout=60)
        try:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master")}
            if version > SCHEMA_VERSION:
                raise LibraryError(
                    str(path),
                    f"library schema {version} is newer than this quoteverify's "
                    f"({SCHEMA_VERSION}): upgrade quoteverify",
                )
            if version not in (0, 1, 2, 3, SCHEMA_VERSION):
                raise LibraryError(
                    str(path), f"library schema {version}, expected {SCHEMA_VERSION}"
                )
            if version == 0 and tables:
                # Some other application's database: never write into it.
                raise LibraryError(str(path), "an SQLite database, but not a quoteverify library")
            # A current library is only read here: no write transaction per
            # opening (``check`` opens it once per article), and a library on a
            # read-only file system (a CI cache) still works.
            self._index = GramIndex(self._db)
            if version == 3:
                self._upgrade_v3()
            elif version != SCHEMA_VERSION:
                if version == 1:
                    self._db.executescript(_V1_TO_V2)
                self._db.executescript(_SCHEMA + GRAM_SCHEMA)
                if version == 1:
                    self._backfill()
                if version in (1, 2):
                    self._rebuild_documents()
                    self._reindex()
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                self._db.commit()
        except (sqlite3.DatabaseError, LibraryError) as exc:  # not a database
            self._db.close()
            reason = exc.reason if isinstance(exc, LibraryError) else str(exc)
            raise LibraryError(str(path), reason) from exc
        # Normalised texts of recently re-ranked documents: an audit asks about
        # several quotes from the same few sources.
        self._norm_cache: OrderedDict[int, npt.NDArray[np.int64]] = OrderedDict()
        self._speaks_memo: dict[tuple[object, ...], bool] = {}
        self._counts_version: int | None = None  # PRAGMA data_version ``_total`` was read at
        self._total: int | None = None  # documents (None: to be counted)

    def _backfill(self) -> None:
        """A schema-1 library knew labels and raw dates only: derive days, authors
        and speaker keys from the stored texts, once."""
        db = self._db
        rows = db.execute("SELECT docid, text, title, date, speakers FROM documents").fetchall()
        for docid, blob, title, raw_date, speakers in rows:
            text = zlib.decompress(blob).decode("utf-8")
            labels = stored_lines(speakers)
            people = DocPeople(title, parse_day(raw_date), labels, authors(title, text, labels))
            db.execute(
                "UPDATE documents SET day = ?, authors = ? WHERE docid = ?",
                (people.day, "\n".join(people.authors), docid),
            )
            self._store_keys(docid, people)

    def _reindex(self) -> None:
        """A schema-1 or 2 library kept its index in an FTS5 table: index the
        stored texts afresh (the same words and word pairs), then drop it."""
        db = self._db
        rows = db.execute("SELECT docid, text, title, speakers FROM documents ORDER BY docid")
        for docid, blob, title, speakers in rows.fetchall():
            text = zlib.decompress(blob).decode("utf-8")
            ids = self._index.add(docid, *_index_parts(title, text, stored_lines(speakers)))
            db.execute(
                "UPDATE documents SET words = ? WHERE docid = ?", (_packed_words(ids), docid)
            )
        self._index.settle()
        db.execute("DROP TABLE IF EXISTS fts")

    def _upgrade_v3(self) -> None:
        """Schema 3 stored long posting lists and each text's word ids
        zlib-compressed: index the stored texts afresh in schema 4's format.

        One transaction, taken before the version is read again (another
        process may have upgraded it meanwhile): a run interrupted half-way
        leaves the schema-3 library as it was, to be upgraded on next open.
        """
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] == 3:
                for table in ("vocab", "segments", "grams", "long", "dropped"):
                    db.execute(f"DROP TABLE IF EXISTS {table}")
                for statement in _statements(GRAM_SCHEMA):
                    db.execute(statement)
                self._reindex()
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.commit()
        except BaseException:
            db.rollback()
            raise

    def _rebuild_documents(self) -> None:
        """Schema 2's documents table, with the text last (see ``_DOCUMENTS``)."""
        db = self._db
        db.execute(_DOCUMENTS.format(name="documents_v3"))
        db.execute(
            f"INSERT INTO documents_v3({_DOCUMENT_COLUMNS}) "
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY docid"
        )
        db.execute("DROP TABLE documents")
        db.execute("ALTER TABLE documents_v3 RENAME TO documents")
        db.execute("CREATE INDEX IF NOT EXISTS documents_day ON documents(day)")

    def _store_keys(self, docid: int, people: DocPeople) -> None:
        self._db.executemany(
            "INSERT OR IGNORE INTO speaker_keys(key, day, docid) VALUES (?, ?, ?)",
            [(key, people.day or "", docid) for key in sorted(speaker_keys(people))],
        )

    # -- context manager
    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def commit(self) -> None:
        """Commit what ``_add`` wrote, its index merged (see ``_gramindex``)."""
        self._index.settle()
        self._db.commit()

    @property
    def name(self) -> str:
        return str(self.path)

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM documents").fetchone()[0])

    # -- adding
    def add(
        self,
        source: Source,
        *,
        date: str | None = None,
        speakers: Sequence[str] | None = None,
        url: str | None = None,
    ) -> str:
        """Store one read source; return its content hash.

        Idempotent: a text already stored is not stored again, the ref is just
        recorded.  Raises ValueError for a source that could not be read.
        ``speakers`` defaults to the text's turn labels.
        """
        labels = speaker_labels(source.text) if speakers is None else speakers
        digest, _ = self._add(source, date=date, speakers=labels, url=url)
        self.commit()
        return digest

    def _add(
        self,
        source: Source,
        *,
        date: str | None,
        speakers: Sequence[str],
        url: str | None = None,
    ) -> tuple[str, str]:
        """Insert without committing; return (hash, "added"|"duplicate"|"unchanged")."""
        if source.status != "ok" or not source.text.strip():
            raise ValueError(f"{source.ref}: {source.error or 'no text'}")
        raw = source.text.encode("utf-8")  # hashed, and stored if new
        digest = hashlib.sha256(raw).hexdigest()  # content_hash, encoded once
        db = self._db
        if not db.in_transaction:
            # Take the write lock before reading what is stored: word ids and
            # docids are numbered from the vocabulary and documents as they
            # stand, so another `library add` must not commit in between.
            db.execute("BEGIN IMMEDIATE")
        old = db.execute("SELECT hash FROM refs WHERE ref = ?", (source.ref,)).fetchone()
        if old and old[0] == digest:
            return digest, "unchanged"
        outcome = "duplicate"
        if db.execute("SELECT 1 FROM documents WHERE hash = ?", (digest,)).fetchone() is None:
            outcome = "added"
            labels = tuple(speakers)
            people = DocPeople(
                source.title, parse_day(date), labels, authors(source.title, source.text, labels)
            )
            speakers_text = "\n".join(labels)
            docid = self._index.next_docid()
            ids = self._index.add(docid, *_index_parts(source.title, source.text, labels, raw))
            db.execute(
                "INSERT INTO documents(docid, hash, text, title, date, speakers, day, url, "
                "authors, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    docid,
                    digest,
                    zlib.compress(raw, TEXT_LEVEL),
                    source.title,
                    date,
                    speakers_text,
                    people.day,
                    url or source.url,
                    "\n".join(people.authors),
                    _packed_words(ids),
                ),
            )
            self._total = None
            self._store_keys(docid, people)
        db.execute("INSERT OR REPLACE INTO refs(ref, hash) VALUES (?, ?)", (source.ref, digest))
        if old:  # the ref's file changed: drop its old text if nothing else names it
            self._drop_if_orphan(old[0])
        return digest, outcome

    def _drop_if_orphan(self, digest: str) -> None:
        db = self._db
        if db.execute("SELECT 1 FROM refs WHERE hash = ?", (digest,)).fetchone():
            return
        row = db.execute("SELECT docid FROM documents WHERE hash = ?", (digest,)).fetchone()
        if row is None:
            return
        docid = row[0]
        self._index.drop(docid)
        db.execute("DELETE FROM documents WHERE docid = ?", (docid,))
        self._total = None
        db.execute("DELETE FROM speaker_keys WHERE docid = ?", (docid,))
        self._norm_cache.pop(docid, None)

    def add_paths(self, refs: Iterable[str], *, fetcher: Fetcher | None = None) -> AddStats:
        """Add files, directories (walked for *.md, *.txt, *.html) and URLs
        (fetched with ``fetcher``; without one, a URL is skipped as not fetched).

        A source that cannot be read is counted in ``errors`` and skipped; the
        rest are committed every ``COMMIT_PAIRS`` index entries (about 5,000
        transcripts; ``BATCH_SIZE`` documents in PostgreSQL), so an interrupted
        run keeps what it has committed.
        """
        stats = AddStats()
        for ref, path in self._expand(refs, stats):
            stats.files += 1
            if path is None:
                source, data = load_source(ref, fetcher=fetcher), b""
            else:
                source, data = load_local(ref)
            if source.status != "ok":
                stats.errors.append((ref, source.error or "unreadable"))
                continue
            date, url = file_meta(path, data) if path is not None else (None, None)
            try:
                _, outcome = self._add(
                    source, date=date, speakers=speaker_labels(source.text), url=url
                )
            except ValueError as exc:
                stats.errors.append((ref, str(exc)))
                continue
            if outcome == "added":
                stats.added += 1
            elif outcome == "duplicate":
                stats.duplicates += 1
            else:
                stats.unchanged += 1
            if self._index.pending_pairs >= COMMIT_PAIRS:
                # Each commit writes the batch's postings as a segment of its
                # own until the run's end merges them (``settle``): small
                # batches would write the run's index twice over for nothing.
                self._index.flush()
                self._db.commit()
        self.commit()
        return stats

    @staticmethod
    def _expand(refs: Iterable[str], stats: AddStats) -> Iterator[tuple[str, Path | None]]:
        for ref in refs:
            if is_url(ref):
                yield ref, None
                continue
            p = Path(ref)
            if p.is_dir():
                root = p.resolve()
                for f in sorted(p.rglob("*")):
                    rel = f.relative_to(p).parts
                    if (
                        f.is_file()
                        and f.suffix.lower() in WALK_SUFFIXES
                        and not any(part.startswith(".") for part in rel)
                    ):
                        # rglob does not descend into linked folders, so on
                        # POSIX only the file itself may be a link: the
                        # resolved folder and the relative path are the
                        # resolved file (resolving each of 3,800 files cost
                        # an lstat per path component, 0.12 s).
                        plain = os.name == "posix" and not f.is_symlink()
                        yield str(root.joinpath(*rel) if plain else f.resolve()), f
            elif p.exists():
                # Absolute refs: adding "x.md" from two working directories is one ref.
                yield str(p.resolve()), p
            else:
                stats.files += 1
                stats.errors.append((ref, "no such file or directory"))

    # -- lookup
    def documents_of(
        self, person: Person | None, near: str | None = None, window: int | None = None
    ) -> set[int] | None:
        """Docids a quote of ``person`` near ``near`` may come from; None: no limit.

        SQL selects by speaker key and date (both indexed); ``speaks_in`` then
        decides on those few documents with the label mapper.  Undated
        documents are kept: nothing says they are far from the article.
        """
        pre = self._preselect(person, near, window)
        if not isinstance(pre, list):
            return pre
        assert person is not None  # a list needs a speaker's decision
        marks = ",".join("?" * len(pre))
        rows = self._db.execute(
            f"SELECT docid, title, day, speakers, authors FROM documents WHERE docid IN ({marks})",
            pre,
        )
        return {row[0] for row in rows if self._speaks(row[1:], person)}

    def _preselect(
        self, person: Person | None, near: str | None, window: int | None
    ) -> set[int] | list[int] | None:
        """What SQL alone says of ``documents_of``: None (no limit) or a set (the
        answer), or a list of docids (the speaker's keys within the window) on
        which ``speaks_in`` must still decide."""
        lo, hi = day_bounds(near, window)
        if person is None:
            if lo is None:
                return None
            rows = self._db.execute(
                "SELECT docid FROM documents WHERE day IS NULL OR day BETWEEN ? AND ?", (lo, hi)
            )
            return {r[0] for r in rows}
        if person.type in ("group", "unknown"):
            # "Officials", "experts": no library document can be shown to be
            # theirs, and offering every unlabelled one is matching by words
            # alone, the very thing the speaker filter is for.
            return set()
        keys = sorted(self.mapper.keys(person))
        if not keys:
            return set()
        marks = ",".join("?" * len(keys))
        sql = f"SELECT DISTINCT docid FROM speaker_keys WHERE key IN ({marks})"
        params: list[object] = list(keys)
        if lo is not None:
            # Two index ranges (undated, then the window), not "day = '' OR
            # day BETWEEN": SQLite read that as every day of the speaker's
            # keys, so a lookup grew with all their documents, not the window's.
            sql = (
                f"SELECT docid FROM speaker_keys WHERE key IN ({marks}) AND day = '' UNION "
                f"SELECT docid FROM speaker_keys WHERE key IN ({marks}) AND day BETWEEN ? AND ?"
            )
            params += [*keys, lo, hi]
        return sorted(r[0] for r in self._db.execute(sql + " ORDER BY docid", params))

    def _speaks(self, row: Sequence[str | None], person: Person) -> bool:
        """``speaks_in`` of a stored (title, day, speakers, authors) row, remembered:
        a speaker's documents come back for every quote of theirs, and the
        label mapper's decision is a function of the row and the person."""
        key = (*row, person)
        got = self._speaks_memo.get(key)
        if got is None:
            title, day, speakers, wrote = row
            got = speaks_in(stored_people(title, day, speakers or "", wrote or ""), person,
                            self.mapper)  # fmt: skip
            if len(self._speaks_memo) >= SPEAKS_MEMO:
                self._speaks_memo.clear()
            self._speaks_memo[key] = got
        return got

    def candidates(
        self,
        quote_text: str,
        speaker: str | Person | None = None,
        k: int = 3,
        *,
        near: str | None = None,
        window: int | None = None,
    ) -> list[Candidate]:
        """The ``k`` stored documents most likely to contain ``quote_text``, best first.

        Only documents where ``speaker`` speaks (a turn mapped to them, or
        written by them) and, with ``near`` (an ISO day) and ``window`` (days),
        dated within the window or undated.  No speaker: any document.
        """
        toks = words(quote_text)
        if not toks or k <= 0:
            return []
        person = Person(speaker) if isinstance(speaker, str) else speaker
        pre = self._preselect(person, near, window)
        if pre is not None and not pre:
            return []
        terms = sorted(set(word_bigrams(toks))) or toks[:1]
        if len(terms) > MAX_TERMS:  # a long passage: a spread sample is plenty
            terms = terms[:: math.ceil(len(terms) / MAX_TERMS)]
        db = self._db
        word_id = self._index.word_ids(toks)
        found = self._postings(terms, word_id)
        total = self._total_docs() + 1
        # A bigram absent from the library is a writer's edit: no evidence.
        known = sorted(
            ((math.log(total / n), t) for t, n in zip(terms, found.counts, strict=True) if n),
            reverse=True,
        )
        if not known:
            return []
        # Bigrams found nearly everywhere ("of_the") cost the most rows and say
        # the least; a quote of nothing but those keeps its MIN_TERMS rarest.
        floor = math.log(1 / COMMON)
        used = [(w, t) for i, (w, t) in enumerate(known) if i < MIN_TERMS or w > floor]
        of_term = {t: n for n, t in enumerate(terms)}
        found.fetch([of_term[t] for _, t in used])
        lists = [found.docs(of_term[t]) for _, t in used]
        docs = np.concatenate(lists)
        weights = np.repeat([w for w, _ in used], [len(x) for x in lists])
        if pre is not None:
            inside = np.isin(docs, np.fromiter(pre, dtype=np.int32, count=len(pre)))
            docs, weights = docs[inside], weights[inside]
        # Each document's evidence, summed in ``used`` order; ranked by it,
        # rounded (equal evidence summed in another order must not break ties
        # differently here and in PostgreSQL), then by docid.
        ids, at = np.unique(docs, return_inverse=True)
        sums = np.bincount(at, weights=weights, minlength=len(ids))
        order = np.lexsort((ids, -np.round(sums, 9)))
        limit = max(FIRST_STAGE, k)
        rows: list[tuple[int, float]] = []
        if isinstance(pre, list):
            # The speaker's keys select more documents than they speak in: rank
            # them all, then ask ``speaks_in`` in rank order only until the
            # first stage is full, rather than of every document of theirs in
            # the window (what grew with the library).
            assert person is not None
            for start in range(0, len(order), 2 * limit):
                part = [int(ids[i]) for i in order[start : start + 2 * limit]]
                marks = ",".join("?" * len(part))
                meta_rows = {
                    r[0]: r[1:]
                    for r in db.execute(
                        "SELECT docid, title, day, speakers, authors FROM documents "
                        f"WHERE docid IN ({marks})",
                        part,
                    )
                }
                for i, docid in zip(order[start : start + 2 * limit], part, strict=True):
                    row = meta_rows.get(docid)
                    if row is not None and self._speaks(row, person):
                        rows.append((docid, float(sums[i])))
                        if len(rows) == limit:
                            break
                if len(rows) == limit:
                    break
        else:
            rows = [(int(ids[i]), float(sums[i])) for i in order[:limit]]
        if not rows:
            return []
        # Score: the share of the quote's bigram evidence (idf-weighted) the
        # document holds, 0-100.
        mass = sum(w for w, _ in known)
        ranked: list[Candidate] = []
        scores = [100.0 * weight / mass for _, weight in rows]
        # Bigrams may be scattered over a long transcript.  When the leaders
        # are close (a stump speech repeats most of its phrases from city to
        # city), the quote's word trigrams *in sequence* tell them apart.  Only
        # then: normalising a 40 kB transcript costs more than the whole query.
        close = [i for i in range(min(RERANK, len(rows))) if scores[i] >= scores[0] - MARGIN]
        if len(close) > 1 and len(toks) >= 3:
            grams = len(toks) - 2  # quote_ngrams(toks), as PostgreSQL counts them
            # A word the library never saw is no document's: 0, as no id is.
            quote_ids = np.array([word_id.get(w, 0) for w in toks], dtype=np.int64)
            for i in close:
                found_in = trigrams_found(quote_ids, self._doc_words(rows[i][0]))
                scores[i] = (scores[i] + 100.0 * found_in / grams) / 2
        marks = ",".join("?" * len(rows))
        meta = {
            row[0]: row[1:]
            for row in db.execute(
                "SELECT d.docid, d.hash, d.title, d.date, d.day, d.url, "
                "(SELECT ref FROM refs r WHERE r.hash = d.hash ORDER BY r.rowid LIMIT 1) "
                f"FROM documents d WHERE d.docid IN ({marks})",
                [docid for docid, _ in rows],
            )
        }
        match = person is not None  # every candidate passed documents_of
        for (docid, _), coverage in zip(rows, scores, strict=True):
            if docid not in meta:
                continue
            digest, title, date, day, url, ref = meta[docid]
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
        # Stable sort: equal scores keep the first stage's order.
        ranked.sort(key=lambda c: -c.score)
        return ranked[:k]

    def _postings(self, terms: Sequence[str], ids: dict[str, int]) -> Found:
        """The documents holding each term (a word, or a bigram "a_b").

        Read from the index one block per term and segment: a common bigram
        ("of_the") costs no more to count than a rare one, however large the
        library.  A term with a word the library never saw is in none.
        """
        keys: list[int | None] = []
        for t in terms:
            a, _, b = t.partition("_")
            if b:
                ia, ib = ids.get(a), ids.get(b)
                keys.append((ia << 32) | ib if ia is not None and ib is not None else None)
            else:
                keys.append(ids.get(a))
        return self._index.find(keys)

    def _total_docs(self) -> int:
        """How many documents the library holds, remembered while it is
        unchanged (``PRAGMA data_version`` changes when another connection
        commits; this one's own writes forget it)."""
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._counts_version or self._total is None:
            self._counts_version = version
            self._total = len(self)
        return self._total

    def _doc_words(self, docid: int) -> npt.NDArray[np.int64]:
        """A stored text's words as index word ids, for ``trigrams_found``."""
        cache = self._norm_cache
        if docid in cache:
            cache.move_to_end(docid)
            return cache[docid]
        row = self._db.execute("SELECT words FROM documents WHERE docid = ?", (docid,)).fetchone()
        got = np.zeros(0, dtype=np.int64)
        if row and row[0] is not None:
            got = _unpacked_words(row[0])
        cache[docid] = got
        if len(cache) > 64:
            cache.popitem(last=False)
        return got

    def get_source(self, ref_or_hash: str) -> Source:
        """Read a stored document back as a ``Source``; KeyError if unknown.

        By ref, the Source keeps that ref; by hash (or a unique prefix of at
        least 8 hex digits), it takes the document's first ref.
        """
        db = self._db
        row = db.execute("SELECT ref, hash FROM refs WHERE ref = ?", (ref_or_hash,)).fetchone()
        if row is None and re.fullmatch(r"[0-9a-fA-F]{8,64}", ref_or_hash):
            hits = db.execute(
                "SELECT hash FROM documents WHERE hash >= ? AND hash < ? LIMIT 2",
                (ref_or_hash.lower(), ref_or_hash.lower() + "g"),
            ).fetchall()
            if len(hits) == 1:
                digest = hits[0][0]
                first = db.execute(
                    "SELECT ref FROM refs WHERE hash = ? ORDER BY rowid LIMIT 1", (digest,)
                )
                named = first.fetchone()
                row = (named[0] if named else digest, digest)
        if row is None:
            raise KeyError(ref_or_hash)
        ref, digest = row
        doc = db.execute(
            "SELECT text, title, url FROM documents WHERE hash = ?", (digest,)
        ).fetchone()
        if doc is None:
            raise KeyError(ref_or_hash)
        url = ref if is_url(ref) else doc[2]
        return Source(
            ref=ref,
            status="ok",
            text=zlib.decompress(doc[0]).decode("utf-8"),
            url=url,
            path=None if is_url(ref) or ref == digest else ref,
            title=doc[1],
        )

    def refs(self, digest: str) -> list[str]:
        """Every ref naming a text (republished copies), earliest added first."""
        rows = self._db.execute("SELECT ref FROM refs WHERE hash = ? ORDER BY rowid", (digest,))
        return [r[0] for r in rows]

    # -- inspection and removal
    def entries(self, speaker: str | None = None) -> list[Entry]:
        """Every document (or those where ``speaker`` speaks), by date then title."""
        allowed = self.documents_of(Person(speaker)) if speaker else None
        rows = self._db.execute(
            "SELECT d.docid, d.hash, d.title, d.day, d.url, d.speakers, d.authors, "
            "(SELECT group_concat(ref, char(10)) FROM "
            " (SELECT ref FROM refs r WHERE r.hash = d.hash ORDER BY r.rowid)) "
            "FROM documents d ORDER BY d.day IS NULL, d.day, d.title, d.hash"
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
        """One document by ref, hash or hash prefix; KeyError if unknown."""
        digest = self._resolve(ref_or_hash)
        for e in self.entries():
            if e.hash == digest:
                return e
        raise KeyError(ref_or_hash)  # pragma: no cover - _resolve found it

    def summary(self) -> Summary:
        db = self._db
        docs, first, last = db.execute(
            "SELECT count(*), min(day), max(day) FROM documents"
        ).fetchone()
        refs = db.execute("SELECT count(*) FROM refs").fetchone()[0]
        undated = db.execute("SELECT count(*) FROM documents WHERE day IS NULL").fetchone()[0]
        counts: dict[str, int] = {}
        for speakers, wrote in db.execute("SELECT speakers, authors FROM documents"):
            for name in {*stored_lines(speakers), *stored_lines(wrote)}:
                counts[name] = counts.get(name, 0) + 1
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return Summary(docs, refs, first, last, undated, tuple(top))

    def remove(self, ref_or_hash: str) -> list[str]:
        """Forget a document (by hash or prefix: every ref) or one ref; return
        the refs removed.  The text goes when no ref names it any more."""
        db = self._db
        if db.execute("SELECT 1 FROM refs WHERE ref = ?", (ref_or_hash,)).fetchone():
            digest = db.execute("SELECT hash FROM refs WHERE ref = ?", (ref_or_hash,)).fetchone()[0]
            removed = [ref_or_hash]
        else:
            digest = self._resolve(ref_or_hash)
            removed = self.refs(digest)
        db.executemany("DELETE FROM refs WHERE ref = ?", [(r,) for r in removed])
        self._drop_if_orphan(digest)
        db.commit()
        return removed

    def _resolve(self, ref_or_hash: str) -> str:
        """The hash a ref, a hash or a unique hash prefix (≥ 8 hex digits) names."""
        db = self._db
        row = db.execute("SELECT hash FROM refs WHERE ref = ?", (ref_or_hash,)).fetchone()
        if row:
            return str(row[0])
        if re.fullmatch(r"[0-9a-fA-F]{8,64}", ref_or_hash):
            low = ref_or_hash.lower()
            hits = db.execute(
                "SELECT hash FROM documents WHERE hash >= ? AND hash < ? LIMIT 2", (low, low + "g")
            ).fetchall()
            if len(hits) == 1:
                return str(hits[0][0])
        raise KeyError(ref_or_hash)


def stored_lines(column: str | None) -> tuple[str, ...]:
    """A newline-joined column (speakers, authors, refs) as the tuple it stores."""
    return tuple(x for x in (column or "").split("\n") if x)


def stored_people(title: str | None, day: str | None, speakers: str, wrote: str) -> DocPeople:
    """The voices of a stored document row, for ``speaks_in`` (both backends)."""
    return DocPeople(title, day, stored_lines(speakers), stored_lines(wrote))


@dataclass(frozen=True)
class Entry:
    """One stored document as ``library list`` and ``info`` show it."""

    hash: str
    title: str | None
    day: str | None
    url: str | None
    labels: tuple[str, ...]
    authors: tuple[str, ...]
    refs: tuple[str, ...]


@dataclass(frozen=True)
class Summary:
    documents: int
    refs: int
    first_day: str | None
    last_day: str | None
    undated: int
    speakers: tuple[tuple[str, int], ...]  # (label or author, documents), most first


class LibraryBackend(Protocol):
    """What the pipeline and the CLI need of a library.  ``Library`` (SQLite)
    and ``library_pg.PgLibrary`` (PostgreSQL) implement it; ``open_library``
    chooses by the spec."""

    def candidates(
        self,
        quote_text: str,
        speaker: str | Person | None = None,
        k: int = 3,
        *,
        near: str | None = None,
        window: int | None = None,
    ) -> list[Candidate]: ...

    def get_source(self, ref_or_hash: str) -> Source: ...

    def entries(self, speaker: str | None = None) -> list[Entry]: ...

    def entry(self, ref_or_hash: str) -> Entry: ...

    def summary(self) -> Summary: ...

    @property
    def name(self) -> str: ...

    def close(self) -> None: ...


def open_library(
    spec: str, *, create: bool = False, mapper: LabelMapper = default_mapper
) -> Library | PgLibrary:
    """The library ``spec`` names: an SQLite file or a ``postgresql://`` URL.
    Without ``create``, a missing file (or database without a library) is an
    error rather than a new empty library.  ``mapper``
    decides which transcript labels are the quote's speaker (see
    ``library_people.speaks_in``)."""
    if spec.lower().startswith(("postgresql://", "postgres://")):
        # Imported here: psycopg loads only when a PostgreSQL library is used.
        from .library_pg import PgLibrary

        return PgLibrary(spec, create=create, mapper=mapper)
    if "://" in spec:
        raise LibraryError(spec, "only SQLite files and postgresql:// URLs are libraries")
    path = Path(spec)
    if not create and not path.is_file():
        raise LibraryError(spec, "no such file")
    return Library(path, mapper=mapper)


class LibrarySet:
    """Several libraries searched as one (``--library A --library B``).

    Candidates from each are merged by score; a document is identified by its
    content hash, so the same text in two libraries is offered once.  Sources
    are read back from the first library holding the hash.
    """

    def __init__(self, libraries: Sequence[LibraryBackend]) -> None:
        self.libraries = list(libraries)

    @classmethod
    def open(cls, specs: Sequence[str], *, mapper: LabelMapper = default_mapper) -> LibrarySet:
        opened: list[LibraryBackend] = []
        try:
            for spec in dict.fromkeys(specs):
                opened.append(open_library(spec, mapper=mapper))
        except LibraryError:
            for lib in opened:
                lib.close()
            raise
        return cls(opened)

    def __enter__(self) -> LibrarySet:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for lib in self.libraries:
            lib.close()

    def candidates(
        self,
        quote_text: str,
        speaker: str | Person | None = None,
        k: int = 3,
        *,
        near: str | None = None,
        window: int | None = None,
    ) -> list[Candidate]:
        merged: dict[str, Candidate] = {}
        for lib in self.libraries:
            for c in lib.candidates(quote_text, speaker, k, near=near, window=window):
                merged.setdefault(c.hash, c)
        # Stable: equal scores keep the libraries' order as given.
        return sorted(merged.values(), key=lambda c: -c.score)[:k]

    def get_source(self, ref_or_hash: str) -> Source:
        for lib in self.libraries:
            try:
                return lib.get_source(ref_or_hash)
            except KeyError:
                continue
        raise KeyError(ref_or_hash)

    def entries(self, speaker: str | None = None) -> list[Entry]:
        seen: dict[str, Entry] = {}
        for lib in self.libraries:
            for e in lib.entries(speaker):
                seen.setdefault(e.hash, e)
        return list(seen.values())


def day_bounds(near: str | None, window: int | None) -> tuple[str | None, str | None]:
    """The ISO days ``window`` days either side of ``near`` (None: no window)."""
    day = parse_day(near) if near else None
    if day is None or window is None:
        return None, None
    d = dt.date.fromisoformat(day)
    delta = dt.timedelta(days=window)
    return (d - delta).isoformat(), (d + delta).isoformat()


def word_bigrams(toks: Sequence[str]) -> list[str]:
    return [f"{a}_{b}" for a, b in zip(toks, toks[1:], strict=False)]


def _indexed(title: str | None, text: str) -> str:
    """What schema 1 and 2's FTS5 ``text`` column indexed: the title's and
    text's words, then their word bigrams (schema 3 indexes the same terms as
    integer keys, ``_index_parts``).  Kept to build such libraries in tests of
    the upgrade.

    >>> _indexed("Hi", "Good afternoon, all.")
    'hi good afternoon all good_afternoon afternoon_all'
    """
    out: list[bytes] = []
    for part in (title or "", text):
        toks = word_bytes(part)
        out.extend(toks)
        # map/zip/join run in C: a Python loop over a transcript's 10,000
        # bigrams costs as much as FTS5 takes to index them.
        out.extend(map(b"_".join, zip(toks, toks[1:], strict=False)))
    return b" ".join(out).decode("utf-8")


def _index_parts(
    title: str | None, text: str, labels: Sequence[str], raw: bytes | None = None
) -> tuple[list[bytes], bytes]:
    """What the index holds of a document, for ``GramIndex.add``: the title's
    and the text's words and word pairs (as schema 2's FTS5 ``text`` column
    did, ``_indexed``), and the words of its speaker labels (the ``speakers``
    column: a label given to ``add`` need not be in the text), as
    ``index_bytes`` (``raw``: the text's UTF-8, if the caller has it)."""
    return [index_bytes(title or ""), index_bytes(text, raw)], index_bytes("\n".join(labels))


def _packed_words(ids: npt.NDArray[np.int64]) -> bytes:
    """A text's word ids as stored (``documents.words``): one byte, the width
    of each id (2 bytes while the library has fewer than 65,536 words, else
    4), then the ids (zlib-compressing them cost a second per corpus and
    saved an eighth of their size).

    >>> _packed_words(np.array([1, 2]))
    b'\\x02\\x01\\x00\\x02\\x00'
    >>> _unpacked_words(_packed_words(np.array([70000, 3]))).tolist()
    [70000, 3]
    """
    if len(ids) and int(ids.max()) >= 1 << 16:
        return b"\x04" + ids.astype("<i4").tobytes()
    return b"\x02" + ids.astype("<u2").tobytes()


def _unpacked_words(blob: bytes) -> npt.NDArray[np.int64]:
    dtype = "<u2" if blob[0] == 2 else "<i4"
    return np.frombuffer(blob, dtype=dtype, offset=1).astype(np.int64)


def _statements(script: str) -> list[str]:
    """The SQL statements of ``script`` (``executescript`` would commit the
    transaction they are meant to be part of)."""
    out: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    return out


def trigrams_found(quote: npt.NDArray[np.int64], doc: npt.NDArray[np.int64]) -> int:
    """How many of the quote's word trigrams (``quote_ngrams``, repeats
    counted) occur in sequence in ``doc``, both as index word ids (0: a word
    the index does not know): what ``sum(g in normalised(text) for g in
    quote_ngrams(toks))`` counted, without tokenising a 40 kB transcript and
    scanning it once per trigram (at 4x the corpus, five near-identical
    leaders re-ranked per quote, that was most of a lookup).

    The quote's distinct known words are numbered 1..m and every other word
    0; a trigram is then one integer in base m + 1.

    >>> trigrams_found(np.array([4, 5, 6, 4, 5]), np.array([9, 4, 5, 6, 1]))
    1
    >>> trigrams_found(np.array([0, 5, 6]), np.array([0, 5, 6]))
    0
    """
    if len(quote) < 3 or len(doc) < 3:
        return 0
    known = np.unique(quote[quote > 0])
    if not len(known):
        return 0
    base = len(known) + 1

    # A table from id to local number: one gather over the document.
    table = np.zeros(max(int(known[-1]), int(doc.max())) + 1, dtype=np.int64)
    table[known] = np.arange(1, base)
    q, d = table[np.maximum(quote, 0)], table[doc]
    quote_keys = (q[:-2] * base + q[1:-1]) * base + q[2:]
    whole = (q[:-2] > 0) & (q[1:-1] > 0) & (q[2:] > 0)  # an unknown word: in no text
    doc_keys = (d[:-2] * base + d[1:-1]) * base + d[2:]
    return int((np.isin(quote_keys, doc_keys) & whole).sum())


def quote_ngrams(toks: list[str]) -> list[str]:
    """The quote's word trigrams (bigrams or words for very short quotes), as
    space-padded strings to find in a space-joined normalised document."""
    n = 3 if len(toks) >= 3 else len(toks)
    return [" " + " ".join(toks[i : i + n]) + " " for i in range(len(toks) - n + 1)]
