"""The library offers only documents in which the quote's speaker speaks, near
the article's date; a miss is ``unverifiable`` with the library's reason."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from quoteverify import pipeline
from quoteverify.article import article_date
from quoteverify.cli import main
from quoteverify.library import Library, LibrarySet, open_library
from quoteverify.library_people import DocPeople, Person, SurnameMapper, authors, speaks_in
from quoteverify.models import Source

from ._pg import BACKENDS, spec_factory

Spec = Callable[[str], str]

ROOT = Path(__file__).resolve().parents[1]
WH = ROOT / "fixtures" / "library-whitehouse" / "transcripts"
SEED = ROOT / "fixtures" / "seed" / "article.txt"
FOREIGN = ("Putin", "Tokayev", "Saparbekuly", "Russian Foreign Ministry")


@pytest.fixture(scope="module", params=BACKENDS)
def wh_library(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The five White House transcripts, in SQLite and in PostgreSQL."""
    db = spec_factory(request.param, tmp_path_factory.mktemp("lib"), request)("wh")
    with open_library(db, create=True) as lib:
        stats = lib.add_paths([str(WH)])
    assert stats.added == 5 and not stats.errors
    return db


@pytest.fixture(params=BACKENDS)
def spec(request: pytest.FixtureRequest, tmp_path: Path) -> Spec:
    """Library specs on SQLite and on PostgreSQL: the same answers."""
    return spec_factory(request.param, tmp_path, request)


def _foreign(name: str | None) -> bool:
    return bool(name) and any(f in name for f in FOREIGN)  # type: ignore[operator]


def test_seed_article_foreign_quotes_are_unverifiable_with_the_library_reason(
    wh_library: str,
) -> None:
    rep = pipeline.run_audit(str(SEED), follow_links=False, library=str(wh_library))
    foreign = [r for r in rep.results if r.quote.speaker and _foreign(r.quote.speaker.name)]
    names = {r.quote.speaker.name for r in foreign if r.quote.speaker}
    assert {"Vladimir Putin", "Abzal Saparbekuly", "Russian Foreign Ministry"} <= names
    assert any("Tokayev" in n for n in names)
    for r in foreign:
        assert r.verdict == "unverifiable", (r.quote.text, r.verdict)
        assert r.match is None
        assert r.notes and any(n.startswith("no document of ") for n in r.notes), r.notes
    # The article has no date: said once per library-judged quote.
    assert all(
        "the article has no date: library documents of any date were searched" in r.notes
        for r in foreign
    )


def test_words_alone_would_have_matched_the_putin_fragment(wh_library: str) -> None:
    # The trap is real: without the speaker, "global terrorism" finds a US
    # official's speech.  With Putin as the speaker, nothing is offered.
    with open_library(wh_library) as lib:
        anyone = lib.candidates("global terrorism")
        assert anyone and "Sherwood-Randall" in (anyone[0].title or "")
        assert lib.candidates("global terrorism", Person("Vladimir Putin", "President")) == []


def test_date_window_excludes_documents_far_from_the_article(wh_library: str) -> None:
    with open_library(wh_library) as lib:
        near = lib.candidates("global terrorism", near="2022-01-12", window=30)
        assert all((c.date or "") < "2022-03-01" for c in near)
        later = lib.candidates("global terrorism", near="2023-07-20", window=30)
        assert [c.date for c in later] == ["2023-07-18"]


def test_dated_article_names_the_window_in_the_miss(tmp_path: Path, wh_library: str) -> None:
    article = tmp_path / "a.md"
    body = SEED.read_text(encoding="utf-8")
    article.write_text(f"---\ndate: 2022-01-12\n---\n{body}", encoding="utf-8")
    rep = pipeline.run_audit(
        str(article), follow_links=False, library=str(wh_library), library_window=10
    )
    putin = [r for r in rep.results if r.quote.speaker and "Putin" in r.quote.speaker.name]
    assert putin and putin[0].notes[0] == (
        "no document of Vladimir Putin's words near 2022-01-12 (± 10 days) in the library"
    )


def test_speaks_in_uses_turns_authors_and_a_pluggable_mapper() -> None:
    briefing = DocPeople(
        "Press Briefing by Press Secretary Jen Psaki", "2022-01-06", ("MS. PSAKI", "Q")
    )
    assert speaks_in(briefing, Person("Jen Psaki"))
    assert not speaks_in(briefing, Person("Vladimir Putin"))
    bare = DocPeople("Press Gaggle", "2022-01-07", ("THE PRESIDENT",))
    # A bare role label is not resolved from the article's title for the speaker.
    assert not speaks_in(bare, Person("Vladimir Putin", "Russian President"))

    class ByDate(SurnameMapper):
        # What an office-holder table would say: THE PRESIDENT in 2022 is Biden.
        def match(self, label: str, person: Person, doc: DocPeople) -> bool | None:
            if label == "THE PRESIDENT" and (doc.day or "") >= "2021-01-20":
                return person.name.endswith("Biden")
            return super().match(label, person, doc)

        def keys(self, person: Person) -> set[str]:
            return super().keys(person) | {"role:president"}

    table = ByDate()
    assert speaks_in(bare, Person("Joe Biden"), table)
    statement = DocPeople(
        "Statement by the Russian Foreign Ministry", None, (), ("the Russian Foreign Ministry",)
    )
    assert speaks_in(statement, Person("Russian Foreign Ministry", type="organization"))
    assert not speaks_in(statement, Person("Russian Defense Ministry", type="organization"))
    assert speaks_in(DocPeople("x", None), Person("security experts", type="group"))
    assert not speaks_in(briefing, Person("security experts", type="group"))


def test_authors_from_title_and_byline() -> None:
    assert authors("Statement from President Joe Biden on the Attack", "") == ("Joe Biden",)
    assert authors("Joint Statement by President Biden and Prime Minister Kishida", "") == (
        "Biden",
        "Kishida",
    )
    assert authors("Why we act", "By Jane Doe\n\nText") == ("Jane Doe",)
    # A labelled transcript is attributed by its turns, not its title.
    assert authors("Remarks by President Biden", "", ["THE PRESIDENT", "Q"]) == ()


def test_statement_author_is_a_candidate(spec: Spec) -> None:
    text = "We will defend our partners in the region against every aggression."
    with open_library(spec("l"), create=True) as lib:
        src = Source(
            ref="s.md", status="ok", text=text, title="Statement by Foreign Minister Jane Roe"
        )
        lib.add(src, date="2022-01-10")
        assert [c.ref for c in lib.candidates(text, "Jane Roe", near="2022-01-12", window=5)] == [
            "s.md"
        ]
        assert lib.candidates(text, "Jane Roe", near="2022-03-12", window=5) == []
        assert lib.candidates(text, "John Roe Smith") == []


@pytest.mark.parametrize(
    ("front", "html", "text", "day"),
    [
        ({"date": "2022-01-12"}, None, "x", "2022-01-12"),
        (
            {},
            b'<meta property="article:published_time" content="2022-01-12T08:00:00Z">',
            "x",
            "2022-01-12",
        ),
        ({}, b'<p><time datetime="2021-12-30">Dec 30</time></p>', "x", "2021-12-30"),
        ({}, None, "MOSCOW, Jan. 12, 2022 (Reuters) - Russia said", "2022-01-12"),
        ({}, None, "Protests in Kazakhstan erupted in early January.", None),
    ],
)
def test_article_date_sources(front: dict, html: bytes | None, text: str, day: str | None) -> None:
    assert article_date(front, html, text) == day


def test_two_libraries_are_searched_together(spec: Spec) -> None:
    a, b = spec("a"), spec("b")
    with open_library(a, create=True) as lib:
        lib.add(
            Source(ref="a.txt", status="ok", text="MR. SMITH:  The harvest came early this year.")
        )
    with open_library(b, create=True) as lib:
        lib.add(Source(ref="b.txt", status="ok", text="MS. JONES:  Our bridges need repair now."))
    with LibrarySet.open([a, b]) as libs:
        assert [c.ref for c in libs.candidates("harvest came early", "Smith")] == ["a.txt"]
        assert [c.ref for c in libs.candidates("bridges need repair", "Jones")] == ["b.txt"]
        assert libs.get_source("b.txt").text.startswith("MS. JONES")


def test_cli_library_list_search_info_remove(
    spec: Spec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = spec("l")
    assert main(["library", "add", str(WH), "--library", db]) == 0
    capsys.readouterr()
    assert main(["library", "list", "--library", db]) == 0
    out = capsys.readouterr().out
    assert "2022-01-06" in out and "MS. PSAKI" in out and "https://bidenwhitehouse" in out
    assert main(["library", "info", "--library", db]) == 0
    info = capsys.readouterr().out
    assert "5 documents" in info and "2022-01-06 to 2023-07-18" in info
    assert (
        main(
            [
                "library",
                "search",
                "global terrorism",
                "--speaker",
                "Vladimir Putin",
                "--library",
                db,
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == ""
    assert (
        main(["library", "search", "global terrorism", "--library", db, "--date", "2023-07-01"])
        == 0
    )
    hit = capsys.readouterr().out
    assert "2023-07-18" in hit and "2022-11-10" not in hit
    digest = hit.split()[1]
    assert main(["library", "info", digest, "--library", db]) == 0
    assert "Sherwood-Randall" in capsys.readouterr().out
    assert main(["library", "remove", digest, "--library", db]) == 0
    assert main(["library", "info", "--library", db]) == 0
    assert "4 documents" in capsys.readouterr().out
    assert main(["library", "remove", "nosuchdoc", "--library", db]) == 2


def test_audit_with_two_library_flags_uses_both(
    spec: Spec, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = spec("a"), spec("b")
    with open_library(a, create=True) as lib:
        lib.add(
            Source(
                ref=str(tmp_path / "a.txt"),
                status="ok",
                text="MR. SMITH:  The harvest came early this year, and we are glad.",
            )
        )
    with open_library(b, create=True) as lib:
        lib.add(
            Source(
                ref=str(tmp_path / "b.txt"),
                status="ok",
                text="MS. JONES:  Our bridges need repair now, before winter comes.",
            )
        )
    art = tmp_path / "art.txt"
    art.write_text(
        "Farmer Tom Smith said: “The harvest came early this year, and we are glad.”\n\n"
        "Mayor Ann Jones said: “Our bridges need repair now, before winter comes.”\n",
        encoding="utf-8",
    )
    code = main(["audit", str(art), "--library", a, "--library", b, "--format", "json", "-q"])
    data = json.loads(capsys.readouterr().out)
    assert [q["verdict"] for q in data["quotes"]] == ["verbatim", "verbatim"]
    assert code == 0


V1_SCHEMA = """
CREATE TABLE documents (docid INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, text BLOB NOT NULL,
    title TEXT, date TEXT, speakers TEXT NOT NULL DEFAULT '');
CREATE TABLE refs (ref TEXT PRIMARY KEY, hash TEXT NOT NULL REFERENCES documents(hash));
CREATE INDEX refs_hash ON refs(hash);
CREATE VIRTUAL TABLE fts USING fts5(title, speakers, text, content='', detail='none',
    tokenize="unicode61 remove_diacritics 2 tokenchars '_'");
PRAGMA user_version = 1;
"""


def test_a_bare_role_label_is_mapped_by_the_office_holder_table(spec: Spec) -> None:
    # A gaggle titled by nothing but the occasion: only the date says who THE
    # PRESIDENT is (the verdict policy's office-holder table).
    line = "THE PRESIDENT:  We will rebuild the bridges of this great nation together.\n"
    words = "rebuild the bridges of this great nation"
    with open_library(spec("l"), create=True, mapper=SurnameMapper()) as lib:
        lib.add(Source(ref="g.md", status="ok", text=line, title="Press Gaggle"), date="2022-03-01")
        # Surnames and titles alone cannot tell whose turn it is.
        assert lib.candidates(words, "Joe Biden") == []
    with open_library(spec("l")) as lib:  # the default mapper: OfficeMapper
        assert [c.ref for c in lib.candidates(words, "Joe Biden")] == ["g.md"]
        assert lib.candidates(words, "Donald Trump") == []  # not president in 2022
        assert lib.candidates(words, "Vladimir Putin") == []


def test_a_better_mapper_plugs_into_the_library(spec: Spec) -> None:
    class Aliases(SurnameMapper):
        def match(self, label: str, person: Person, doc: DocPeople) -> bool | None:
            if label == "MODERATOR":
                return person.name == "Lester Holt"
            return super().match(label, person, doc)

        def keys(self, person: Person) -> set[str]:
            return super().keys(person) | {"moderator"}

    line = "MODERATOR:  Tonight we rebuild the bridges of this great debate together.\n"
    words = "we rebuild the bridges of this great debate"
    with open_library(spec("l"), create=True) as lib:
        lib.add(Source(ref="d.md", status="ok", text=line, title="Debate"), date="2016-09-26")
        assert lib.candidates(words, "Lester Holt") == []
    with open_library(spec("l"), mapper=Aliases()) as lib:
        assert [c.ref for c in lib.candidates(words, "Lester Holt")] == ["d.md"]
        assert lib.candidates(words, "Vladimir Putin") == []


def test_a_schema_1_library_is_upgraded_in_place(tmp_path: Path) -> None:
    import sqlite3
    import zlib

    from quoteverify.library import _indexed

    db = tmp_path / "old.sqlite"
    con = sqlite3.connect(str(db))
    con.executescript(V1_SCHEMA)
    text = "MS. PSAKI:  We have questions about the nature of this request.\n"
    con.execute(
        "INSERT INTO documents VALUES (1, 'h1', ?, 'Press Briefing', '2022-01-06', 'MS. PSAKI')",
        (zlib.compress(text.encode()),),
    )
    con.execute("INSERT INTO refs VALUES ('a.md', 'h1')")
    con.execute(
        "INSERT INTO fts(rowid, title, speakers, text) VALUES (1, 'Press Briefing', 'MS. PSAKI', ?)",
        (_indexed("Press Briefing", text),),
    )
    con.commit()
    con.close()
    with Library(db) as lib:
        got = lib.candidates(
            "questions about the nature of this request", "Jen Psaki", near="2022-01-08", window=5
        )
        assert [c.ref for c in got] == ["a.md"]
        assert lib.candidates("questions about the nature", "Vladimir Putin") == []


def test_opening_a_current_library_writes_nothing(tmp_path: Path) -> None:
    # check opens the library once per article: no write transaction each time,
    # and a library on a read-only cache still opens.
    db = tmp_path / "lib.sqlite"
    with Library(db) as lib:
        lib.add(Source(ref="a.txt", status="ok", text="MR. SMITH:  The harvest came early."))
    before = db.read_bytes()
    with Library(db) as lib:
        assert [c.ref for c in lib.candidates("harvest came early", "Smith")] == ["a.txt"]
    assert db.read_bytes() == before
