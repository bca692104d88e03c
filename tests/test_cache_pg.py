"""The PostgreSQL fetch cache: the SQLite cache's tests again, plus what sharing adds.

A real server on $QUOTEVERIFY_TEST_POSTGRES (see ``tests/_pg.py``), one schema
per test; real HTTP servers on 127.0.0.1 counting requests.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator

import pytest

from quoteverify._cache import Cache, CacheEntry, open_cache
from quoteverify._fetch import FetchOptions
from quoteverify.cli import main

from ._pg import server_url
from .test_fetch import Reply, Req, Server, error_of, get

pytest.importorskip("psycopg")


@pytest.fixture
def srv() -> Iterator[Server]:
    server = Server()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def opts() -> FetchOptions:
    return FetchOptions(
        allow_private=True, timeout=5.0, retry_wait_initial=0.01, retry_wait_max=0.02
    )


def cached(opts: FetchOptions, url: str, **changes: object) -> FetchOptions:
    # The fetcher's ``cache_path`` carries the URL as a string (Path would fold "//").
    return FetchOptions(**{**opts.__dict__, "cache_path": url, **changes})


def test_the_backend_is_chosen_by_scheme(pg: str, tmp_path) -> None:
    from quoteverify._cache_pg import PgCache

    shared = open_cache(pg)
    assert isinstance(shared, PgCache)
    shared.close()
    local = open_cache(str(tmp_path / "c.sqlite"))
    assert isinstance(local, Cache)
    local.close()


def test_cache_revalidates_with_etag(srv: Server, opts: FetchOptions, pg: str) -> None:
    def handler(req: Req) -> Reply:
        if req.headers.get("if-none-match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"Content-Type": "text/plain", "ETag": '"v1"'}, b"version one"

    url = srv.on("/doc", handler)
    options = cached(opts, pg)
    first = get(url, options)
    assert first.body == b"version one" and not first.from_cache
    second = get(url, options)
    assert second.body == b"version one" and second.from_cache
    assert second.content_type == "text/plain" and second.status == 200
    assert [r.headers.get("if-none-match") for r in srv.log if r.path == "/doc"] == [None, '"v1"']


def test_cache_revalidates_with_last_modified(srv: Server, opts: FetchOptions, pg: str) -> None:
    stamp = "Fri, 07 Jan 2022 10:00:00 GMT"

    def handler(req: Req) -> Reply:
        if req.headers.get("if-modified-since") == stamp:
            return 304, {}, b""
        return 200, {"Content-Type": "text/plain", "Last-Modified": stamp}, b"body"

    url = srv.on("/lm", handler)
    options = cached(opts, pg)
    assert not get(url, options).from_cache
    assert get(url, options).from_cache
    assert srv.log[-1].headers.get("if-modified-since") == stamp


def test_fresh_entries_offline_and_refresh(srv: Server, opts: FetchOptions, pg: str) -> None:
    versions = iter([b"one", b"two", b"three"])
    url = srv.on("/v", lambda req: (200, {"Content-Type": "text/plain"}, next(versions)))
    assert get(url, cached(opts, pg)).body == b"one"
    hits = srv.hits("/v")
    fresh = get(url, cached(opts, pg, max_cache_age=3600))
    assert fresh.body == b"one" and fresh.from_cache and srv.hits("/v") == hits
    offline = get(url, cached(opts, pg, offline=True))
    assert offline.body == b"one" and offline.from_cache and srv.hits("/v") == hits
    assert get(url, cached(opts, pg, max_cache_age=0)).body == b"two"
    refreshed = get(url, cached(opts, pg, refresh=True, max_cache_age=3600))
    assert refreshed.body == b"three" and not refreshed.from_cache
    assert get(url, cached(opts, pg, offline=True)).body == b"three"


def test_offline_miss_and_failures_are_never_cached(
    srv: Server, opts: FetchOptions, pg: str
) -> None:
    assert error_of(srv.url("/never"), cached(opts, pg, offline=True)) == "not in cache (offline)"
    assert srv.log == []
    url = srv.sequence("/flaky", [(500, {}, b"oops")])
    error_of(url, cached(opts, pg, retries=0))
    error_of(srv.url("/gone"), cached(opts, pg))
    started = time.monotonic()
    assert error_of(url, cached(opts, pg, offline=True)) == "not in cache (offline)"
    assert error_of(srv.url("/gone"), cached(opts, pg, offline=True)) == "not in cache (offline)"
    # The failed fetches released their claims: nobody waited for a lease.
    assert time.monotonic() - started < 5


def test_an_older_response_never_overwrites_a_newer_one(pg: str) -> None:
    def entry(body: bytes, at: float) -> CacheEntry:
        return CacheEntry("http://x/", "http://x/", 200, "text/plain", None, None, body, at)

    a, b = open_cache(pg), open_cache(pg)
    try:
        assert a.get("http://x/") is None  # a claims the miss
        a.put(entry(b"new", 2000.0))
        b.put(entry(b"old", 1000.0))  # a slower runner finishing later
        b.touch("http://x/", 1500.0)
        got = a.get("http://x/")
        assert got is not None and got.body == b"new" and got.fetched_at == 2000.0
        b.touch("http://x/", 3000.0)
        got = b.get("http://x/")
        assert got is not None and got.fetched_at == 3000.0
    finally:
        a.close()
        b.close()


WORKER = textwrap.dedent(
    """
    import sys
    from quoteverify._fetch import Fetcher, FetchOptions

    url, base, n, age = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    max_age = None if age == "none" else float(age)
    opts = FetchOptions(allow_private=True, timeout=10.0, cache_path=url, max_cache_age=max_age)
    with Fetcher(opts) as f:
        for i in range(n):
            print(f.fetch(f"{base}/doc{i}").body.decode())
    """
)


@pytest.mark.parametrize("max_age", ["3600", "none"])
def test_concurrent_runners_fetch_each_source_once(srv: Server, pg: str, max_age: str) -> None:
    # Four processes start on the same ten sources at once: the claims make one
    # of them fetch each source and the others wait for its row.  Without
    # --max-cache-age the others then revalidate it (a 304, no body), as with SQLite.
    def slow(req: Req) -> Reply:
        if req.headers.get("if-none-match") == '"1"':
            return 304, {"ETag": '"1"'}, b""
        time.sleep(0.1)  # long enough for every runner to miss at the same time
        return 200, {"Content-Type": "text/plain", "ETag": '"1"'}, req.path.encode()

    srv.on("/doc", slow, prefix=True)
    n = 10
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, pg, srv.url(""), str(n), max_age],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in outs]
    for out, _ in outs:
        assert out.split() == [f"/doc{i}" for i in range(n)]
    bodies = [
        r.path for r in srv.log if r.path.startswith("/doc") and not r.headers.get("if-none-match")
    ]
    assert sorted(bodies) == sorted(f"/doc{i}" for i in range(n))  # each body sent once
    if max_age != "none":
        assert len([r for r in srv.log if r.path.startswith("/doc")]) == n  # not even a 304


def test_a_newer_schema_is_refused_in_one_line(pg: str, capsys, tmp_path) -> None:
    import psycopg

    open_cache(pg).close()
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(
            "UPDATE quoteverify_schema_version SET version = 99 WHERE component = 'fetch_cache'"
        )
    article = tmp_path / "a.txt"
    article.write_text("Nothing quoted here.\n")
    code = main(["audit", str(article), "--cache", pg, "-q"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "schema version 99, newer than this quoteverify understands (1)" in err


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("127.0.0.1:1/test", "Connection refused"),  # nothing listens on port 1
        ("{host}/qv_no_such_database", 'database "qv_no_such_database" does not exist'),
    ],
)
def test_an_unusable_database_is_one_line_exit_2_without_the_password(
    where: str, expected: str, pg: str, capsys, tmp_path
) -> None:
    from urllib.parse import urlsplit

    host = urlsplit(server_url()).netloc.rpartition("@")[2]
    url = f"postgresql://postgres:hunter2@{where.format(host=host)}"
    article = tmp_path / "a.txt"
    article.write_text("Nothing quoted here.\n")
    out = tmp_path / "report.json"
    code = main(["audit", str(article), "--cache", url, "-q", "--output", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and err.startswith("quoteverify: error: cache '")
    assert expected in err and "hunter2" not in err and "postgres:***@" in err
    assert not out.exists()


def test_the_cache_key_in_a_config_file_takes_a_url(pg: str, tmp_path, monkeypatch) -> None:
    from quoteverify.config import resolve

    (tmp_path / "quoteverify.toml").write_text(f'cache = "{pg}"\n')
    monkeypatch.chdir(tmp_path)
    st = resolve({}, explicit=None, env={}, cwd=tmp_path)
    assert st.cache == pg
