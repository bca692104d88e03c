"""The PostgreSQL library backend: what only a server-backed library has to
get right (connections, credentials, schema versions, concurrent adders).
The answers themselves are tested on both backends in test_library*.py."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from quoteverify.cli import main
from quoteverify.library import LibraryError, LibrarySet, open_library
from quoteverify.models import Source

from ._pg import Schemas, server_url, unavailable

ROOT = Path(__file__).resolve().parents[1]
WH = ROOT / "fixtures" / "library-whitehouse" / "transcripts"
SECRET = "s3cret-Pw"


@pytest.fixture
def schemas() -> Iterator[Schemas]:
    why = unavailable()
    if why:
        pytest.skip(why)
    made = Schemas()
    try:
        yield made
    finally:
        made.close()


def _with_password(url: str) -> str:
    # Trust authentication ignores it; it must still never be printed.
    parts = urlsplit(url)
    user = parts.username or "postgres"
    host = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit(parts._replace(netloc=f"{user}:{SECRET}@{host}"))


def _one_line_exit_2(capsys: pytest.CaptureFixture[str], code: int) -> str:
    err = capsys.readouterr().err
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1, err
    assert SECRET not in err
    return err


def test_importing_the_cli_loads_no_psycopg() -> None:
    code = "import sys, quoteverify.cli, quoteverify.library; print('psycopg' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_unreachable_server_is_one_line_without_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"postgresql://postgres:{SECRET}@127.0.0.1:1/test?connect_timeout=3"
    err = _one_line_exit_2(capsys, main(["library", "list", "--library", url]))
    assert "postgres:***@127.0.0.1:1" in err and "refused" in err.lower()


def test_nonexistent_database(schemas: Schemas, capsys: pytest.CaptureFixture[str]) -> None:
    parts = urlsplit(_with_password(server_url()))
    url = urlunsplit(parts._replace(path="/qv_no_such_database"))
    err = _one_line_exit_2(capsys, main(["library", "add", str(WH), "--library", url]))
    assert "qv_no_such_database" in err and "does not exist" in err


def test_an_empty_database_is_no_library_until_added_to(
    schemas: Schemas, capsys: pytest.CaptureFixture[str]
) -> None:
    url = schemas.new()
    err = _one_line_exit_2(capsys, main(["library", "list", "--library", url]))
    assert "no quoteverify library" in err
    with schemas.conn.cursor() as cur:  # nothing created by looking
        schema = url.rsplit("%3D", 1)[1]
        cur.execute("SELECT count(*) FROM pg_tables WHERE schemaname = %s", (schema,))
        assert cur.fetchone() == (0,)


def test_newer_schema_is_refused(schemas: Schemas, capsys: pytest.CaptureFixture[str]) -> None:
    url = schemas.new()
    with open_library(url, create=True) as lib:
        lib.add(Source(ref="a.txt", status="ok", text="MR. SMITH:  The harvest came early."))
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE qvlib_schema SET version = 99")
    secret_url = _with_password(server_url()) + "?" + url.split("?", 1)[1]
    err = _one_line_exit_2(capsys, main(["library", "add", str(WH), "--library", secret_url]))
    assert "library schema 99 is newer" in err and "***" in err
    with psycopg.connect(url, autocommit=True) as conn:  # nothing added
        assert conn.execute("SELECT count(*) FROM qvlib_documents").fetchone() == (1,)


def test_missing_extension_is_refused_and_nothing_is_written(
    schemas: Schemas, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from quoteverify import library_pg

    # A server without the contrib package offers no such extension.
    monkeypatch.setattr(library_pg, "REQUIRED_EXTENSION", "pg_trgm_not_installed")
    url = schemas.new()
    err = _one_line_exit_2(capsys, main(["library", "add", str(WH), "--library", url]))
    assert "pg_trgm_not_installed" in err
    schema = url.rsplit("%3D", 1)[1]
    count = schemas.conn.execute(
        "SELECT count(*) FROM pg_tables WHERE schemaname = %s", (schema,)
    ).fetchone()
    assert count == (0,)


def test_a_role_that_may_not_create_the_extension(
    schemas: Schemas, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import psycopg

    conn = schemas.conn
    try:
        conn.execute("DROP ROLE IF EXISTS qv_test_noext")
        conn.execute("CREATE ROLE qv_test_noext LOGIN NOSUPERUSER")
    except psycopg.Error as exc:
        pytest.skip(f"cannot create a test role here: {exc}")
    from quoteverify import library_pg

    # pg_trgm is installed in this test database already: ask for another
    # trusted extension the role may not create (no CREATE on the database).
    monkeypatch.setattr(library_pg, "REQUIRED_EXTENSION", "btree_gin")
    try:
        conn.execute("DROP EXTENSION IF EXISTS btree_gin")
        url = schemas.new()
        schema = url.rsplit("%3D", 1)[1]
        conn.execute(f"GRANT USAGE, CREATE ON SCHEMA {schema} TO qv_test_noext")
        parts = urlsplit(url)
        role_url = urlunsplit(parts._replace(netloc="qv_test_noext@" + parts.netloc.split("@")[-1]))
        err = _one_line_exit_2(capsys, main(["library", "add", str(WH), "--library", role_url]))
        assert "may not create it" in err and "btree_gin" in err
    finally:
        for name in schemas.names:
            conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        conn.execute("DROP OWNED BY qv_test_noext")
        conn.execute("DROP ROLE IF EXISTS qv_test_noext")


def test_password_is_never_printed(schemas: Schemas, capsys: pytest.CaptureFixture[str]) -> None:
    url = _with_password(server_url()) + "?" + schemas.new().split("?", 1)[1]
    assert main(["library", "add", str(WH), "--library", url]) == 0
    assert main(["library", "list", "--library", url]) == 0
    assert main(["library", "info", "--library", url]) == 0
    assert main(["library", "remove", "nosuchdocument", "--library", url]) == 2
    out = capsys.readouterr()
    assert SECRET not in out.out + out.err
    assert "postgres:***@" in out.out and "postgres:***@" in out.err


@pytest.mark.parametrize("orders", ["same", "opposite"])
def test_three_processes_add_at_once(schemas: Schemas, orders: str) -> None:
    url = schemas.new()
    files = sorted(str(f) for f in WH.glob("*.md"))
    # In opposite orders, two adders lock the same new texts the other way
    # round: PostgreSQL breaks the deadlock and the loser redoes its batch.
    lists = [files, files[::-1] if orders == "opposite" else files, files]
    cmd = [sys.executable, "-m", "quoteverify", "library", "add"]
    procs = [
        subprocess.Popen([*cmd, *mine, "--library", url], stderr=subprocess.PIPE, text=True)
        for mine in lists
    ]
    errs = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], errs
    with open_library(url) as lib:
        assert len(lib) == len(files) == 5
        assert len(lib.entries()) == 5 and all(len(e.refs) == 1 for e in lib.entries())
    added = sum(int(e.split(": ")[-1].split(" added")[0]) for e in errs if " added" in e)
    assert added == 5, errs


def test_a_pool_serves_threads(schemas: Schemas) -> None:
    from psycopg_pool import ConnectionPool

    from quoteverify.library_pg import PgLibrary, configure

    url = schemas.new()
    with open_library(url, create=True) as lib:
        lib.add_paths([str(WH)])
    with ConnectionPool(
        url, min_size=1, max_size=4, kwargs={"autocommit": True}, configure=configure
    ) as pool:
        lib = PgLibrary(url, pool=pool)
        found: list[str] = []

        def ask() -> None:
            got = lib.candidates("global terrorism", near="2023-07-20", window=30)
            found.append(got[0].date or "")

        threads = [threading.Thread(target=ask) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert found == ["2023-07-18"] * 8


def test_speaker_hint_uses_trigrams(schemas: Schemas, capsys: pytest.CaptureFixture[str]) -> None:
    url = schemas.new()
    assert main(["library", "add", str(WH), "--library", url]) == 0
    capsys.readouterr()
    args = ["library", "search", "questions", "--speaker", "Jen Psakki", "--library", url]
    assert main(args) == 0
    assert "like it: psaki" in capsys.readouterr().err


def test_config_key_keeps_a_database_url(schemas: Schemas, tmp_path: Path) -> None:
    from quoteverify.config import load_config

    url = schemas.new()
    cfg = tmp_path / "quoteverify.toml"
    cfg.write_text(f'library = "{url}"\n', encoding="utf-8")
    assert load_config(cfg)["library"][0] == (url,)


def test_two_backends_searched_together(schemas: Schemas, tmp_path: Path) -> None:
    a, b = str(tmp_path / "a.sqlite"), schemas.new()
    with open_library(a, create=True) as lib:
        lib.add(Source(ref="a.txt", status="ok", text="MR. SMITH:  The harvest came early."))
    with open_library(b, create=True) as lib:
        lib.add(Source(ref="b.txt", status="ok", text="MS. JONES:  Our bridges need repair."))
    with LibrarySet.open([a, b]) as libs:
        assert [c.ref for c in libs.candidates("bridges need repair", "Jones")] == ["b.txt"]
    with pytest.raises(LibraryError):
        open_library("mysql://x/y")


def test_check_with_the_library_key_of_the_configuration(
    schemas: Schemas,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = schemas.new()
    src = tmp_path / "a.txt"
    src.write_text("MR. SMITH:  The harvest came early this year, and we are glad.\n", "utf-8")
    assert main(["library", "add", str(src), "--library", url]) == 0
    art = tmp_path / "art.md"
    art.write_text("Farmer Tom Smith said: “The harvest came early this year, and we are glad.”\n")
    (tmp_path / "quoteverify.toml").write_text(f'library = "{url}"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert main(["check", "art.md"]) == 0, capsys.readouterr()
    assert main(["audit", "art.md", "--format", "json", "-q"]) == 0
    assert '"verbatim"' in capsys.readouterr().out


def test_a_document_over_the_index_limit_is_skipped_not_the_batch(
    schemas: Schemas, tmp_path: Path
) -> None:
    # 200,000 distinct words and as many word pairs: a tsvector over 1 MB.
    (tmp_path / "huge.txt").write_text(" ".join(f"w{i}" for i in range(200_000)), "utf-8")
    (tmp_path / "small.txt").write_text("MR. SMITH:  The harvest came early.\n", "utf-8")
    with open_library(schemas.new(), create=True) as lib:
        stats = lib.add_paths([str(tmp_path)])
        assert stats.added == 1 and [r for r, _ in stats.errors] == [str(tmp_path / "huge.txt")]
        assert "too large" in stats.errors[0][1]
        assert [c.ref for c in lib.candidates("harvest came early", "Smith")] == [
            str(tmp_path / "small.txt")
        ]


def test_redaction_of_both_password_forms() -> None:
    from quoteverify.library_pg import redact, redacted_url

    assert redacted_url("postgresql://u:pw@h:5432/d") == "postgresql://u:***@h:5432/d"
    assert redacted_url("postgresql://u@h/d?sslmode=require&password=pw") == (
        "postgresql://u@h/d?sslmode=require&password=***"
    )
    assert redacted_url("postgresql://h/d") == "postgresql://h/d"
    assert redact("failed for pw", "postgresql://u@h/d?password=pw") == "failed for ***"
