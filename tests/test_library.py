"""The local source library: storage, directory walk, candidate lookup."""

from __future__ import annotations

import os
import random
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from quoteverify.library import (
    _KEEP,
    AddStats,
    Library,
    LibraryError,
    _fold,
    open_library,
    speaker_labels,
    word_bytes,
    words,
)
from quoteverify.models import Source

from ._pg import BACKENDS, spec_factory

Spec = Callable[[str], str]

BLINKEN = """\
---
title: "Secretary Antony J. Blinken at a Press Availability"
date: '2022-01-07'
source_url: https://www.state.gov/example
---

SECRETARY BLINKEN:  Good afternoon.  The Russian Government has made
clear that it does not intend to pull back its forces from the border,
and we are prepared to respond with economic measures of a severity the
Kremlin has not yet seen.

Q    Thank you, Mr. Secretary.

SECRETARY BLINKEN:  One lesson of recent history is that once Russians
are in your house, it is sometimes very difficult to get them to leave.
"""

PSAKI = """\
---
title: "Press Briefing by Press Secretary Jen Psaki, March 3, 2021"
date: '2021-03-03'
---

MS. PSAKI:  Hi, everyone.  The vaccine supply to the states will rise to
fifteen million doses a week, and the pharmacy program expands to every
county with a community health center before the end of the month.

Q    Jen, on the infrastructure bill?

MS. PSAKI:  The President believes that bridges, broadband and water pipes
are not partisan issues, and he wants the package moving before summer.
"""

FARM = """\
Remarks on rural broadband

THE PRESIDENT:  Farmers in Iowa told me that the nearest tower is eleven
miles away from their barns, so the grain prices reach them a day late and
the weather radar never loads at all during the harvest.
"""


def _src(ref: str, text: str, title: str | None = None) -> Source:
    return Source(ref=ref, status="ok", text=text, title=title)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "state").mkdir(parents=True)
    (root / "wh").mkdir()
    (root / "state" / "blinken.md").write_text(BLINKEN, encoding="utf-8")
    (root / "wh" / "2021-03-03-psaki.md").write_text(PSAKI, encoding="utf-8")
    (root / "wh" / "farm.txt").write_text(FARM, encoding="utf-8")
    (root / "wh" / "notes.json").write_text("{}", encoding="utf-8")  # not walked
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.md").write_text(PSAKI, encoding="utf-8")  # skipped
    return root


@pytest.fixture(params=BACKENDS)
def spec(request: pytest.FixtureRequest, tmp_path: Path) -> Spec:
    """Each library test runs on SQLite and on PostgreSQL: the same answers."""
    return spec_factory(request.param, tmp_path, request)


@pytest.fixture
def lib(spec: Spec, corpus: Path) -> Library:
    library = open_library(spec("lib"), create=True)
    library.add_paths([str(corpus)])
    yield library
    library.close()


def test_fts5_available() -> None:
    sqlite3.connect(":memory:").execute("create virtual table t using fts5(x)")


def test_same_content_twice_is_one_document(spec: Spec) -> None:
    with open_library(spec("lib"), create=True) as lib:
        h1 = lib.add(_src("a.txt", FARM))
        h2 = lib.add(_src("a.txt", FARM))  # same ref again
        h3 = lib.add(_src("https://example.org/farm", FARM))  # republished
        assert h1 == h2 == h3
        assert len(lib) == 1
        assert lib.refs(h1) == ["a.txt", "https://example.org/farm"]
        assert len(lib.candidates("the nearest tower is eleven miles away")) == 1


def test_changed_file_replaces_its_old_text(spec: Spec) -> None:
    with open_library(spec("lib"), create=True) as lib:
        old = lib.add(_src("a.txt", FARM))
        lib.add(_src("a.txt", PSAKI))
        assert len(lib) == 1
        assert lib.candidates("the nearest tower is eleven miles away from their barns") == []
        with pytest.raises(KeyError):
            lib.get_source(old)


def test_reopen_keeps_documents(spec: Spec) -> None:
    with open_library(spec("lib"), create=True) as lib:
        lib.add(_src("a.txt", FARM))
    with open_library(spec("lib"), create=True) as lib:
        assert len(lib) == 1
        assert lib.candidates("grain prices reach them a day late")[0].ref == "a.txt"


def test_directory_walk(lib: Library, corpus: Path) -> None:
    assert len(lib) == 3
    blinken = str((corpus / "state" / "blinken.md").resolve())
    got = lib.candidates("once Russians are in your house it is very difficult to get them out")
    assert got[0].ref == blinken
    assert got[0].title == "Secretary Antony J. Blinken at a Press Availability"
    assert got[0].date == "2022-01-07"  # front matter
    psaki = lib.candidates("bridges, broadband and water pipes are not partisan issues")[0]
    assert psaki.date == "2021-03-03"
    farm = lib.candidates("the weather radar never loads at all during the harvest")[0]
    assert farm.date is None and farm.title == "Remarks on rural broadband"


def test_walk_again_is_unchanged_and_errors_are_counted(lib: Library, corpus: Path) -> None:
    stats = lib.add_paths([str(corpus), str(corpus / "missing.md")])
    assert isinstance(stats, AddStats)
    assert (stats.added, stats.duplicates, stats.unchanged) == (0, 0, 3)
    assert [ref for ref, _ in stats.errors] == [str(corpus / "missing.md")]
    assert len(lib) == 3


def test_speaker_labels() -> None:
    text = "THE PRESIDENT:  Hi.\nQ    Why?\nMS. JEAN-PIERRE:  So.\nD.C.: no\nSECRETARY BLINKEN: x\n"
    assert speaker_labels(text) == ["THE PRESIDENT", "MS. JEAN-PIERRE", "SECRETARY BLINKEN"]


def test_edited_quote_ranks_right_doc_first(lib: Library) -> None:
    # Words substituted, dropped and inserted, curly apostrophes, another case.
    quote = (
        "The Russian government has made it clear it doesn’t intend to pull back "
        "its troops from the border, and we’re ready to respond with economic "
        "measures of a severity the Kremlin hasn't seen"
    )
    got = lib.candidates(quote, "Antony Blinken")
    assert got[0].title.startswith("Secretary Antony J. Blinken")
    assert got[0].speaker_match
    assert got[0].score >= got[-1].score


def test_only_documents_where_the_speaker_speaks_are_candidates(spec: Spec) -> None:
    # The same sentence in two documents; only the speaker tells them apart.
    line = "We will rebuild the bridges and the broadband networks in every county."
    with open_library(spec("lib"), create=True) as lib:
        lib.add(_src("a.txt", f"MR. SMITH:  {line}\n"), speakers=["MR. SMITH"])
        lib.add(_src("b.txt", f"MS. JEAN-PIERRE:  {line}\n"), speakers=["MS. JEAN-PIERRE"])
        first = lib.candidates(line, "Karine Jean-Pierre")
        assert [c.ref for c in first] == ["b.txt"]
        assert first[0].speaker_match
        assert [c.ref for c in lib.candidates(line, "Smith")] == ["a.txt"]
        assert lib.candidates(line, "Vladimir Putin") == []
        assert len(lib.candidates(line)) == 2  # nobody named: any document


@pytest.mark.parametrize(
    "quote",
    [
        'tower AND "eleven" OR NOT miles',
        "(grain) prices* NEAR(radar loads) ^harvest",
        '"',
        "col: {title text} : farmers -iowa +barns",
        "***",
        "",
        "   ",
        "AND",
        "a",
        "x" * 5000,
        " ".join(["farmers iowa"] * 400),  # more bigrams than SQLite's UNION limit
    ],
)
def test_fts_syntax_in_quotes_never_raises(lib: Library, quote: str) -> None:
    assert isinstance(lib.candidates(quote, speaker='O"Brien (Jr.)'), list)


def test_syntax_words_still_find_the_source(lib: Library) -> None:
    got = lib.candidates('"the nearest tower" AND (is eleven miles*) away from their barns')
    assert got[0].title == "Remarks on rural broadband"


def test_get_source_round_trip(spec: Spec) -> None:
    text = "Ünïcode “quotes” — and\r\nCRLF lines\n\n  kept   exactly.\n"
    with open_library(spec("lib"), create=True) as lib:
        digest = lib.add(_src("/data/x.txt", text, title="X"), date="2020-01-01")
        by_ref = lib.get_source("/data/x.txt")
        assert by_ref == Source(
            ref="/data/x.txt", status="ok", text=text, path="/data/x.txt", title="X"
        )
        assert lib.get_source(digest).text == text
        assert lib.get_source(digest[:12]).ref == "/data/x.txt"
        lib.add(_src("https://example.org/x", text))
        assert lib.get_source("https://example.org/x").url == "https://example.org/x"
        with pytest.raises(KeyError):
            lib.get_source("nope")


def test_unreadable_source_is_refused(spec: Spec) -> None:
    with open_library(spec("lib"), create=True) as lib:
        with pytest.raises(ValueError):
            lib.add(Source(ref="x", status="error", error="no such file"))
        assert len(lib) == 0


def test_empty_library_returns_nothing(spec: Spec) -> None:
    with open_library(spec("lib"), create=True) as lib:
        assert lib.candidates("anything at all that someone said", "Joe Biden") == []
        assert lib.candidates("") == []


def test_not_a_library(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(LibraryError):
        Library(bad)


def test_words_match_the_index_tokenizer() -> None:
    assert words("Don’t — FERNÁNDEZ’s Jean-Pierre_x ½") == [
        "don", "t", "fernandez", "s", "jean", "pierre", "x", "1", "2",
    ]  # fmt: skip


def _reference_word_bytes(text: str) -> list[bytes]:
    """What ``word_bytes`` computed before it stopped lowering the whole text:
    the text lowered, then each non-ASCII character folded, in one pass."""
    low = re.sub(r"[^\x00-\x7f]", lambda m: _fold(m.group()), text.lower())
    return low.encode("utf-8", "surrogatepass").translate(_KEEP).split()


def test_word_bytes_folds_each_character_as_lowering_the_text_first_did() -> None:
    # Characters whose lower case is two characters (İ), depends on the
    # neighbours (Σ at a word's end), is ASCII (the Kelvin sign), or folds
    # to a letter that is itself in the text (Ø, ø); lone surrogates.
    awkward = list("İıΣσςßẞøØÅåÉéñ½⁄ǅǄﬁKΩµΪΰŉǰ\u0307\u00a0’“—Жж") + ["\ud800", "ᾈ", "𝐀"]
    rng = random.Random(15)
    texts = ["ΟΔΟΣ ΟΔΟΣ.", "İSTANBUL and Øresund, ø", "KELVIN \u212a", "Don’t, FERNÁNDEZ!"]
    for _ in range(3000):
        texts.append(
            "".join(rng.choice(awkward + list("aZ09 .-'\n")) for _ in range(rng.randint(0, 24)))
        )
    # Characters that all fold to ASCII (letters, a ligature, the Kelvin
    # sign, İ and its combining dot, punctuation): ``index_bytes`` replaces
    # only the letters in the bytes and blanks the rest byte by byte.
    to_ascii = list("ÉéñÅåÖ½⁄ﬁKİǅ\u0307\u00a0’“—…") + ["\ud800"]
    for _ in range(3000):
        texts.append(
            "".join(rng.choice(to_ascii + list("aZ09 .-'\n")) for _ in range(rng.randint(0, 24)))
        )
    for text in texts:
        assert word_bytes(text) == _reference_word_bytes(text), repr(text)


def test_other_applications_database_is_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("create table accounts(id integer)")
    with pytest.raises(LibraryError):
        Library(other)
    with sqlite3.connect(other) as db:
        assert [r[0] for r in db.execute("select name from sqlite_master")] == ["accounts"]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links as POSIX makes them")
def test_a_walked_folder_stores_each_file_by_its_resolved_path(tmp_path: Path) -> None:
    # ``_expand`` joins the resolved folder and the relative path rather than
    # resolving each file: the refs must be what resolving each gave, for a
    # folder named through a link, a linked file (its target) and a linked
    # folder (not walked, as rglob never was).
    out = tmp_path / "elsewhere"
    (tmp_path / "real" / "2022").mkdir(parents=True)
    out.mkdir()
    text = "THE PRESIDENT:  Thank you all.  {} is the word.\n"
    (tmp_path / "real" / "a.md").write_text(text.format("Alpha"))
    (tmp_path / "real" / "2022" / "b.md").write_text(text.format("Bravo"))
    (out / "c.md").write_text(text.format("Charlie"))
    (out / "d.md").write_text(text.format("Delta"))
    os.symlink(out / "c.md", tmp_path / "real" / "2022" / "linked.md")
    os.symlink(out, tmp_path / "real" / "linked-folder")
    os.symlink(tmp_path / "real", tmp_path / "via")
    with Library(tmp_path / "lib.sqlite") as lib:
        lib.add_paths([str(tmp_path / "via")])
        refs = sorted(r for (r,) in lib._db.execute("SELECT ref FROM refs"))
    walked = [f for f in (tmp_path / "via").rglob("*.md") if f.is_file()]
    assert refs == sorted(str(f.resolve()) for f in walked)
    assert refs == sorted(
        str(p.resolve())
        for p in (tmp_path / "real" / "a.md", tmp_path / "real" / "2022" / "b.md", out / "c.md")
    )
