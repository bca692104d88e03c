"""PostgreSQL for the tests: a fresh schema per test on $QUOTEVERIFY_TEST_POSTGRES.

CI (and this project's machines) start a server on 127.0.0.1:5432 with trust
authentication; elsewhere the tests that need one skip and say how to point
them at one.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest

DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"
HOW = (
    "set QUOTEVERIFY_TEST_POSTGRES=postgresql://USER@HOST:PORT/DATABASE to run them "
    "(e.g. after: docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:15)"
)


def server_url() -> str:
    return os.environ.get("QUOTEVERIFY_TEST_POSTGRES") or DEFAULT


def in_schema(url: str, schema: str) -> str:
    """``url`` with ``search_path`` set to ``schema``: every table quoteverify
    creates (unqualified) lands there, so tests never see each other's rows."""
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}')}"


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
        yield in_schema(base, schema)
    finally:
        admin.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.close()
