"""Source control for users: exclude-url patterns and the number of retries."""

from __future__ import annotations

import json
import sqlite3

import pytest

from quoteverify._cache import default_cache_path
from quoteverify.cli import main

from .conftest import SEED, SEED_SOURCE


def test_excluded_url_is_never_requested(capsys, http_server) -> None:
    url = http_server.add(
        "/paywall/transcript.txt", SEED_SOURCE.read_bytes(), content_type="text/plain"
    )
    args = [
        "audit",
        str(SEED / "article.txt"),
        "--source",
        url,
        "--allow-private",
        "--format",
        "json",
        "-q",
    ]
    main([*args, "--exclude-url", r"/paywall/", "--no-cache"])
    doc = json.loads(capsys.readouterr().out)
    (source,) = doc["sources"]
    assert source["status"] == "error" and "excluded by exclude-url '/paywall/'" in source["error"]
    assert http_server.requests == []
    # Not matched: fetched as usual.
    main([*args, "--exclude-url", r"^https://", "--no-cache"])
    assert json.loads(capsys.readouterr().out)["sources"][0]["status"] == "ok"


def test_a_redirect_to_an_excluded_url_is_not_followed(capsys, http_server) -> None:
    # The transcript's URL answers with a redirect to a login wall.
    login = http_server.add("/login?next=/t.txt", "Sign in to read", content_type="text/plain")
    url = http_server.add("/t.txt", b"", status=302, headers={"Location": "/login?next=/t.txt"})
    args = ["audit", str(SEED / "article.txt"), "--source", url, "--allow-private", "-q"]
    main([*args, "--format", "json", "--exclude-url", r"/login\b"])
    (source,) = json.loads(capsys.readouterr().out)["sources"]
    assert source["status"] == "error"
    assert source["error"] == f"excluded by exclude-url '/login\\\\b' (redirected to {login})"
    assert [p for p, _ in http_server.requests if p != "/robots.txt"] == ["/t.txt"]


def test_bad_exclude_url_pattern_is_a_usage_error(capsys) -> None:
    code = main(["audit", str(SEED / "article.txt"), "--exclude-url", "(unclosed", "-q"])
    err = capsys.readouterr().err
    assert code == 2 and "not a regular expression" in err and err.count("\n") == 1


def test_retries_are_configurable(capsys, http_server) -> None:
    url = http_server.add("/down.txt", b"busy", status=503, content_type="text/plain")
    base = [
        "audit",
        str(SEED / "article.txt"),
        "--source",
        url,
        "--allow-private",
        "-q",
        "--no-cache",
    ]
    main([*base, "--retries", "0", "--format", "json"])
    capsys.readouterr()
    hits = [p for p, _ in http_server.requests if p == "/down.txt"]
    assert len(hits) == 1
    http_server.requests.clear()
    main([*base, "--retries", "2", "--format", "json", "--timeout", "2"])
    capsys.readouterr()
    assert len([p for p, _ in http_server.requests if p == "/down.txt"]) == 3


def test_host_headers_are_sent_to_their_host_only_and_never_shown(
    capsys, http_server, tmp_path, monkeypatch
) -> None:
    url = http_server.add("/t.txt", SEED_SOURCE.read_bytes(), content_type="text/plain")
    other = url.replace("127.0.0.1", "localhost")
    cfg = tmp_path / "qv.toml"
    cfg.write_text('[headers."127.0.0.1"]\nCookie = "$QV_TEST_COOKIE"\nX-Plain = "visible?"\n')
    monkeypatch.setenv("QV_TEST_COOKIE", "session=s3cr3t")
    args = ["audit", str(SEED / "article.txt"), "--allow-private", "--config", str(cfg), "-q"]
    assert main([*args, "--source", url, "--format", "json"]) in (0, 1)
    (sent,) = [h for p, h in http_server.requests if p == "/t.txt"]
    assert sent["Cookie"] == "session=s3cr3t" and sent["X-Plain"] == "visible?"
    capsys.readouterr()
    # Fetched with credentials: not in the cache.
    assert main(["cache", "info"]) == 0
    assert "entries: 0" in capsys.readouterr().out
    http_server.requests.clear()
    main([*args, "--source", other, "--format", "json"])
    capsys.readouterr()
    (sent,) = [h for p, h in http_server.requests if p == "/t.txt"]
    assert "Cookie" not in sent and "X-Plain" not in sent
    # config show names the host and headers, never the values.
    assert main(["config", "show", "--config", str(cfg)]) == 0
    out = capsys.readouterr().out
    assert "# headers: 127.0.0.1 (Cookie, X-Plain); values not shown" in out
    assert "s3cr3t" not in out and "visible?" not in out


@pytest.mark.parametrize("through", [False, True])
def test_a_redirect_to_or_through_a_host_with_headers_is_not_cached(
    through, capsys, http_server, tmp_path, monkeypatch
) -> None:
    # A short link on one host leading to the paywalled host the cookie is for:
    # the page came through the cookie, so it is not kept under the short link.
    # ``through``: that host sends on to another (a signed download address),
    # so the last hop carries no cookie, but the body was reached through it.
    target = http_server.add("/t.txt", SEED_SOURCE.read_bytes(), content_type="text/plain")
    if through:
        target = http_server.add("/r", b"", status=302, headers={"Location": target})
    walled = target.replace("127.0.0.1", "localhost")
    short = http_server.add("/s/1", b"", status=302, headers={"Location": walled})
    cfg = tmp_path / "qv.toml"
    cfg.write_text('[headers."localhost"]\nCookie = "$QV_TEST_COOKIE"\n')
    monkeypatch.setenv("QV_TEST_COOKIE", "session=s3cr3t")
    args = ["audit", str(SEED / "article.txt"), "--source", short, "--allow-private", "-q"]
    main([*args, "--config", str(cfg), "--format", "json"])
    assert json.loads(capsys.readouterr().out)["sources"][0]["status"] == "ok"
    (sent,) = [h for p, h in http_server.requests if p == ("/r" if through else "/t.txt")]
    assert sent["Cookie"] == "session=s3cr3t"
    with sqlite3.connect(default_cache_path()) as db:
        urls = [u for (u,) in db.execute("SELECT url FROM responses")]
    assert not [u for u in urls if not u.endswith("/robots.txt")], urls
    assert b"s3cr3t" not in default_cache_path().read_bytes()


def test_host_headers_from_a_found_config_are_ignored(capsys, tmp_path, monkeypatch) -> None:
    (tmp_path / "quoteverify.toml").write_text('[headers."evil.example"]\nX-Token = "$HOME"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("QUOTEVERIFY_CONFIG", raising=False)
    assert main(["config", "show"]) == 0
    out, err = capsys.readouterr()
    assert "'headers' ignored" in err and "headers = {}" in out


def test_unset_header_variable_is_named_without_values(capsys, tmp_path, monkeypatch) -> None:
    cfg = tmp_path / "qv.toml"
    cfg.write_text('[headers."a.example"]\nCookie = "$QV_NOT_SET_ANYWHERE"\n')
    monkeypatch.delenv("QV_NOT_SET_ANYWHERE", raising=False)
    assert main(["config", "show", "--config", str(cfg)]) == 2
    err = capsys.readouterr().err
    assert "environment variable QV_NOT_SET_ANYWHERE is not set" in err


def test_host_headers_are_redacted_in_the_archive(
    capsys, http_server, tmp_path, monkeypatch
) -> None:
    from warcio.archiveiterator import ArchiveIterator

    url = http_server.add("/t.txt", SEED_SOURCE.read_bytes(), content_type="text/plain")
    cfg = tmp_path / "qv.toml"
    cfg.write_text('[headers."127.0.0.1"]\nCookie = "$QV_TEST_COOKIE"\n')
    monkeypatch.setenv("QV_TEST_COOKIE", "session=s3cr3t")
    warc = tmp_path / "evidence.warc.gz"
    args = ["audit", str(SEED / "article.txt"), "--source", url, "--allow-private"]
    main([*args, "--config", str(cfg), "--archive", str(warc), "-q", "--format", "json"])
    capsys.readouterr()
    assert b"s3cr3t" not in warc.read_bytes()
    with warc.open("rb") as fh:
        requests = [r for r in ArchiveIterator(fh) if r.rec_type == "request"]
    assert requests
    assert requests[-1].http_headers.get_header("Cookie") == "[redacted]"


def test_accepted_status_is_read_as_the_document(capsys, http_server) -> None:
    url = http_server.add(
        "/cms/t.txt", SEED_SOURCE.read_bytes(), status=404, content_type="text/plain"
    )
    args = ["audit", str(SEED / "article.txt"), "--source", url, "--allow-private", "-q"]
    main([*args, "--format", "json"])
    assert json.loads(capsys.readouterr().out)["sources"][0]["status"] == "error"
    main([*args, "--format", "json", "--accept", "404, 410"])
    doc = json.loads(capsys.readouterr().out)
    assert doc["sources"][0]["status"] == "ok"
    assert any(q["verdict"] == "diverged" for q in doc["quotes"])
    code = main([*args, "--accept", "301"])
    assert code == 2 and "outside 3xx" in capsys.readouterr().err
