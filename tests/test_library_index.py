"""The SQLite library's word and word-pair index (``_gramindex``): its counts
and postings equal a brute-force count over the stored texts through adds in
several runs (segments, merges), removals and re-adds; schema 2 and 3
libraries are migrated, newer ones refused."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import numpy as np
import pytest

from quoteverify import _gramindex, _wordtable, library
from quoteverify.cli import main
from quoteverify.library import (
    Library,
    LibraryError,
    _index_parts,
    _indexed,
    _unpacked_words,
    speaker_labels,
    word_bigrams,
    words,
)
from quoteverify.models import Source

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "library-whitehouse" / "transcripts"


def _terms_of(title: str | None, text: str, labels: tuple[str, ...]) -> set[str]:
    parts, label_words = _index_parts(title, text, labels)
    out = {w.decode() for w in label_words.split()}
    for toks in parts:
        ws = [w.decode() for w in toks.split()]
        out.update(ws)
        out.update(word_bigrams(ws))
    return out


def _brute(lib: Library) -> dict[str, set[int]]:
    """term → docids holding it, from the stored texts."""
    got: dict[str, set[int]] = {}
    for docid, blob, title, speakers in lib._db.execute(
        "SELECT docid, text, title, speakers FROM documents"
    ):
        text = zlib.decompress(blob).decode()
        labels = tuple(x for x in speakers.split("\n") if x)
        for t in _terms_of(title, text, labels):
            got.setdefault(t, set()).add(docid)
    return got


def _check(lib: Library, probe: list[str]) -> None:
    truth = _brute(lib)
    ids = lib._index.word_ids(sorted({w for t in probe for w in t.split("_")}))
    found = lib._postings(probe, ids)
    for n, term in enumerate(probe):
        want = truth.get(term, set())
        assert found.counts[n] == len(want), term
        assert set(found.docs(n).tolist()) == want, term


def _probe_terms(texts: list[str]) -> list[str]:
    out: set[str] = {"no_such", "zzzz", "the", "of_the"}
    for text in texts:
        ws = words(text)
        out.update(ws[::7])
        out.update(word_bigrams(ws)[::5])
    return sorted(out)


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tiny blocks, long lists and merge chunks: every code path of the layout
    # (several blocks per segment, lists kept apart, a merge in many key
    # ranges) on five transcripts.
    monkeypatch.setattr(_gramindex, "BLOCK", 16)
    monkeypatch.setattr(_gramindex, "LONG", 2)
    monkeypatch.setattr(_gramindex, "MERGE_CHUNK", 500)
    # An add run commits (a segment) every few thousand pairs, merged at its end.
    monkeypatch.setattr(library, "COMMIT_PAIRS", 6000)
    monkeypatch.setattr(_gramindex, "FLUSH_PAIRS", 8000)


@pytest.mark.usefixtures("small_blocks")
def test_postings_equal_a_brute_force_count_through_adds_merges_and_removals(
    tmp_path: Path,
) -> None:
    files = sorted(FIXTURE.glob("*.md"))
    texts = [f.read_text("utf-8") for f in files]
    probe = _probe_terms(texts)
    db = tmp_path / "lib.sqlite"
    with Library(db) as lib:
        lib.add_paths([str(f) for f in files[:2]])  # one run: one segment
        _check(lib, probe)
        for f in files[2:]:  # a run each: segments merged when of like size
            lib.add_paths([str(f)])
            _check(lib, probe)
        assert lib._db.execute("SELECT count(*) FROM segments").fetchone()[0] >= 1
        first, second = (lib.refs(h)[0] for (h,) in lib._db.execute(
            "SELECT hash FROM documents ORDER BY docid LIMIT 2"))  # fmt: skip
        lib.remove(first)  # a tombstone until a merge covers it
        _check(lib, probe)
        removed_top = lib._db.execute("SELECT max(docid) FROM documents").fetchone()[0]
        lib.remove(lib.refs(lib._db.execute(
            "SELECT hash FROM documents WHERE docid = ?", (removed_top,)).fetchone()[0])[0])  # fmt: skip
        _check(lib, probe)
        # A document added now never takes a docid whose postings remain.
        lib.add(Source(ref="new.md", status="ok", text=texts[0] + "\nA new line.\n"))
        assert lib._db.execute("SELECT max(docid) FROM documents").fetchone()[0] > removed_top
        _check(lib, probe)
        lib.add_paths([str(files[0])])  # back again: merged with the rest
        _check(lib, probe)
    with Library(db) as lib:  # as a later process reads it
        _check(lib, probe)
        assert lib.candidates(" ".join(words(texts[1])[200:230]))[0].ref


def test_adds_from_two_connections_number_words_once(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    a, b = Library(db), Library(db)
    try:
        a.add(Source(ref="a.md", status="ok", text="Alpha bravo charlie delta echo."))
        b.add(Source(ref="b.md", status="ok", text="Foxtrot golf hotel alpha bravo."))
        a.add(Source(ref="c.md", status="ok", text="India juliet kilo foxtrot golf."))
        rows = a._db.execute("SELECT word, id FROM vocab").fetchall()
        assert len({i for _, i in rows}) == len(rows)
        assert [c.ref for c in b.candidates("india juliet kilo")] == ["c.md"]
        assert [c.ref for c in a.candidates("foxtrot golf hotel")][0] == "b.md"
    finally:
        a.close()
        b.close()


V2_SCHEMA = """
CREATE TABLE documents (docid INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, text BLOB NOT NULL,
    title TEXT, date TEXT, speakers TEXT NOT NULL DEFAULT '', day TEXT, url TEXT,
    authors TEXT NOT NULL DEFAULT '');
CREATE INDEX documents_day ON documents(day);
CREATE TABLE speaker_keys (key TEXT NOT NULL, day TEXT NOT NULL, docid INTEGER NOT NULL,
    PRIMARY KEY (key, day, docid)) WITHOUT ROWID;
CREATE INDEX speaker_keys_doc ON speaker_keys(docid);
CREATE TABLE refs (ref TEXT PRIMARY KEY, hash TEXT NOT NULL REFERENCES documents(hash));
CREATE INDEX refs_hash ON refs(hash);
CREATE VIRTUAL TABLE fts USING fts5(title, speakers, text, content='', detail='none',
    tokenize="unicode61 remove_diacritics 2 tokenchars '_'");
PRAGMA user_version = 2;
"""


def test_a_schema_2_library_is_reindexed_in_place(tmp_path: Path) -> None:
    db = tmp_path / "v2.sqlite"
    con = sqlite3.connect(db)
    con.executescript(V2_SCHEMA)
    path = FIXTURE / "2022-01-06-press-briefing-by-press-secretary-jen-psaki-january-6-2022.md"
    text = path.read_text("utf-8")
    title = "Press Briefing by Press Secretary Jen Psaki, January 6, 2022"
    labels = "\n".join(speaker_labels(text))
    con.execute(
        "INSERT INTO documents VALUES (7, 'h7', ?, ?, '2022-01-06', ?, '2022-01-06', NULL, '')",
        (zlib.compress(text.encode()), title, labels),
    )
    con.executemany("INSERT INTO speaker_keys VALUES (?, '2022-01-06', 7)", [("psaki",), ("jen",)])
    con.execute("INSERT INTO refs VALUES ('briefing.md', 'h7')")
    con.execute(
        "INSERT INTO fts(rowid, title, speakers, text) VALUES (7, ?, ?, ?)",
        (title, labels, _indexed(title, text)),
    )
    con.commit()
    con.close()
    quote = " ".join(words(text)[400:425])
    with Library(db) as lib:
        got = lib.candidates(quote, "Jen Psaki", near="2022-01-07", window=5)
        assert [c.ref for c in got] == ["briefing.md"]
        assert lib.get_source("briefing.md").text == text
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 4
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "fts" not in tables and {"grams", "long", "vocab", "segments"} <= tables
    columns = [r[1] for r in con.execute("PRAGMA table_info(documents)")]
    assert columns[-1] == "text"  # read after the small columns
    con.close()


def _as_schema_3(db: Path) -> None:
    """Rewrite a library as schema 3 stored it: long lists and word ids
    zlib-compressed int32 (gaps for the lists)."""
    con = sqlite3.connect(db)
    for seg, key, blob in con.execute("SELECT seg, key, docs FROM long").fetchall():
        gaps = np.diff(_gramindex.unpack_docs(blob), prepend=0).astype(np.int32)
        con.execute(
            "UPDATE long SET docs = ? WHERE seg = ? AND key = ?",
            (zlib.compress(gaps.tobytes(), 1), seg, key),
        )
    for docid, blob in con.execute("SELECT docid, words FROM documents").fetchall():
        ids = _unpacked_words(blob).astype(np.int32)
        con.execute(
            "UPDATE documents SET words = ? WHERE docid = ?",
            (zlib.compress(ids.tobytes(), 1), docid),
        )
    con.execute("PRAGMA user_version = 3")
    con.commit()
    con.close()


@pytest.mark.usefixtures("small_blocks")
def test_a_schema_3_library_is_reindexed_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(FIXTURE.glob("*.md"))
    texts = [f.read_text("utf-8") for f in files]
    probe = _probe_terms(texts)
    quotes = [" ".join(words(t)[300:330]) for t in texts]
    db = tmp_path / "v3.sqlite"
    with Library(db) as lib:
        lib.add_paths([str(f) for f in files[:3]])
        lib.add_paths([str(f) for f in files[3:]])
        lib.remove(lib.refs(lib._db.execute("SELECT hash FROM documents").fetchone()[0])[0])
        before = [lib.candidates(q) for q in quotes]
    _as_schema_3(db)

    # Interrupted half-way: nothing changed, upgraded on the next opening.
    def fail(self: Library) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(Library, "_reindex", fail)
        with pytest.raises(KeyboardInterrupt):
            Library(db)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 3
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM long").fetchone()[0]
    con.close()

    with Library(db) as lib:
        _check(lib, probe)
        assert [lib.candidates(q) for q in quotes] == before
        assert lib._db.execute("PRAGMA user_version").fetchone()[0] == 4
        assert not lib._db.execute("SELECT count(*) FROM dropped").fetchone()[0]
        for (blob,) in lib._db.execute("SELECT docs FROM long"):
            assert blob[0] in (1, 2, 4)
            # The bulk writer (``_long_lists``) stores what ``pack_docs`` would:
            # the narrowest width, byte for byte.
            assert blob == _gramindex.pack_docs(_gramindex.unpack_docs(blob))
        for (blob,) in lib._db.execute("SELECT words FROM documents"):
            assert blob[0] in (2, 4)


def test_a_newer_library_is_refused_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new.sqlite"
    Library(db).close()
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA user_version = 5")
    with pytest.raises(LibraryError, match="library schema 5 is newer"):
        Library(db)
    assert main(["library", "info", "--library", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "library schema 5 is newer" in err


def test_an_add_waits_for_another_adds_commit_before_numbering_words(tmp_path: Path) -> None:
    # Two `library add` runs at once: the second numbers its words only after
    # the first has committed, so no word id is given twice (found in review:
    # without the write lock both numbered "golf" and "alpha" from the same
    # vocabulary and a lookup of one word found the other's documents).
    import threading

    db = tmp_path / "lib.sqlite"
    Library(db).close()
    done = threading.Event()
    failed: list[BaseException] = []

    def second() -> None:
        try:
            with Library(db) as b:  # a connection of its own, as another process has
                b.add(Source(ref="b.md", status="ok", text="Foxtrot golf hotel india juliet."))
        except BaseException as exc:  # reported below, in the test's thread
            failed.append(exc)
        done.set()

    with Library(db) as a:
        a._add(Source(ref="a.md", status="ok", text="Alpha bravo charlie delta echo."),
               date=None, speakers=())  # fmt: skip
        t = threading.Thread(target=second)
        t.start()
        assert not done.wait(0.3)  # waiting for a's write lock
        a.commit()
        t.join(30)
    assert done.is_set() and not failed, failed
    with Library(db) as lib:
        rows = lib._db.execute("SELECT word, id FROM vocab").fetchall()
        assert len({i for _, i in rows}) == len(rows) == 10
        assert [c.ref for c in lib.candidates("foxtrot golf hotel")] == ["b.md"]
        assert [c.ref for c in lib.candidates("alpha bravo charlie")] == ["a.md"]


def _numbered(texts: list[str], vector_bytes: int, monkeypatch: pytest.MonkeyPatch) -> object:
    """Every table ``GramIndex`` writes and every id it returns, adding
    ``texts`` (the last one twice: its words all known by then) with parts
    of ``vector_bytes`` or more numbered through the word table."""
    monkeypatch.setattr(_gramindex, "VECTOR_BYTES", vector_bytes)
    monkeypatch.setattr(_gramindex, "TABLE_BATCH", 7)  # words join the table in batches
    db = sqlite3.connect(":memory:")
    for statement in library._statements(_gramindex.SCHEMA):
        db.execute(statement)
    index = _gramindex.GramIndex(db)
    ids = []
    for docid, text in enumerate([*texts, texts[-1]], start=1):
        parts, labels = _index_parts(text[:40], text, tuple(speaker_labels(text)))
        ids.append(index.add(docid, parts, labels).tolist())
    index.flush()
    tables = [db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in ("vocab", "grams")]
    return ids, tables


def _awkward_texts() -> list[str]:
    """The fixture transcripts, and words at every length the table treats
    apart: up to 8 bytes (the key is the word), 9 to 16 (a hash checked
    against the first and last 8 bytes), longer (through the dict), in
    ASCII and UTF-8 ("žž" is 4 bytes), a word at either end of the text."""
    texts = [f.read_text("utf-8") for f in sorted(FIXTURE.glob("*.md"))]
    rng = np.random.default_rng(15)
    alphabet = list("abcz0189") + ["é", "ž", "σ", "ß"]
    for _ in range(6):
        toks = [
            "".join(rng.choice(alphabet, size=int(rng.integers(1, 21))))
            for _ in range(int(rng.integers(300, 900)))
        ]
        texts.append(" ".join(toks) + " " + texts[0][:3000] + " " + " ".join(toks[::3]))
    return texts


def test_the_word_table_numbers_words_as_the_vocabulary_dict_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Five White House transcripts (Psaki's briefing, Jean-Pierre's gaggle,
    # a background call, two Sherwood-Randall speeches) and random words:
    # the same ids, vocabulary and postings whether the words are numbered
    # one dict lookup at a time or through the table.
    texts = _awkward_texts()
    by_dict = _numbered(texts, 10**9, monkeypatch)
    assert _numbered(texts, 0, monkeypatch) == by_dict
    assert _numbered(texts, 2048, monkeypatch) == by_dict


def test_a_word_table_collision_falls_back_to_the_dict(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every 9-to-16-byte word hashed by its length alone: "washington" and
    # "department" (10 bytes each) share a key, which ``find`` must catch
    # (the first and last 8 bytes differ) and the dict then numbers right.
    texts = _awkward_texts()
    by_dict = _numbered(texts, 10**9, monkeypatch)

    def by_length(first: np.ndarray, last: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        return (lengths.astype(np.uint64) << np.uint64(8)) | np.uint64(0x10000)

    monkeypatch.setattr(_wordtable, "_mid_key", by_length)
    table = _wordtable.WordTable()
    table.add(_wordtable.Scan(b"washington"), np.array([1]))
    assert table.find(_wordtable.Scan(b"department")) is None
    assert table.find(_wordtable.Scan(b"washington ok")).tolist() == [1, 0]
    assert _numbered(texts, 0, monkeypatch) == by_dict
