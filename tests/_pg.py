"""PostgreSQL for the tests: a throwaway schema per library (``spec_factory``)
or per test (``fresh_schema``, the ``pg`` fixture of conftest.py).

The server is ``QUOTEVERIFY_TEST_POSTGRES`` (default: the project machines'
``postgresql://postgres@127.0.0.1:5432/test``; CI starts one on 127.0.0.1:5432 with
trust authentication); where none answers, the PostgreSQL cases skip and say how
to point them at one.
"""

from __future__ import annotations

import os
import secrets
import uuid
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from urllib.parse import quote

import pytest

DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"
BACKENDS = ["sqlite", "postgres"]
HOW = (
    "set QUOTEVERIFY_TEST_POSTGRES=postgresql://USER@HOST:PORT/DATABASE to run them "
    "(e.g. after: docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:15)"
)


def server_url() -> str:
    # An empty variable (a CI matrix leaving it blank) means the default too.
    return os.environ.get("QUOTEVERIFY_TEST_POSTGRES") or DEFAULT


@cache
def unavailable() -> str | None:
    """Why PostgreSQL tests cannot run here (None: they can)."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed: pip install -e '.[test]'"
    try:
        with psycopg.connect(server_url(), connect_timeout=3, autocommit=True) as conn:
            # In a shared schema, so that per-test schemas can come and go.
            try:
                conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
            except psycopg.Error:
                pass
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return (
            f"no PostgreSQL server answers ({first}); set QUOTEVERIFY_TEST_POSTGRES="
            "postgresql://USER@HOST:PORT/DB to run the PostgreSQL library tests"
        )
    return None


def with_schema(url: str, schema: str) -> str:
    """``url`` with ``search_path`` set to ``schema`` through libpq's options: every
    table quoteverify creates (unqualified) lands there, so tests never see each
    other's rows."""
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}')}"


class Schemas:
    """Makes empty schemas on the test server; drops them all at close()."""

    def __init__(self) -> None:
        import psycopg

        self.conn = psycopg.connect(server_url(), autocommit=True)
        self.names: list[str] = []

    def new(self) -> str:
        name = f"qvtest_{secrets.token_hex(6)}"
        self.conn.execute(f"CREATE SCHEMA {name}")
        self.names.append(name)
        return with_schema(server_url(), name)

    def close(self) -> None:
        for name in self.names:
            self.conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        self.conn.close()


def spec_factory(backend: str, tmp: Path, request: pytest.FixtureRequest) -> Callable[[str], str]:
    """``name`` → a library spec: ``tmp/name.sqlite`` or a PostgreSQL URL with
    a schema of its own (the same name gives the same library)."""
    made: dict[str, str] = {}
    if backend == "sqlite":
        return lambda name: str(tmp / f"{name}.sqlite")
    why = unavailable()
    if why:
        pytest.skip(why)
    schemas = Schemas()
    request.addfinalizer(schemas.close)

    def spec(name: str) -> str:
        if name not in made:
            made[name] = schemas.new()
        return made[name]

    return spec


def fresh_schema() -> Iterator[str]:
    """Yield a URL confined to a new, empty schema; drop the schema afterwards."""
    psycopg = pytest.importorskip("psycopg", reason=f"psycopg is not installed; {HOW}")
    base = server_url()
    from quoteverify._cache_pg import redact

    try:
        admin = psycopg.connect(base, autocommit=True, connect_timeout=3)
    except psycopg.Error as exc:
        first = " ".join(str(exc).split())[:160]
        pytest.skip(f"no PostgreSQL answers at {redact(base)} ({first}); {HOW}")
    schema = f"qv_test_{uuid.uuid4().hex[:12]}"
    try:
        admin.execute(f'CREATE SCHEMA "{schema}"')
        yield with_schema(base, schema)
    finally:
        admin.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.close()
