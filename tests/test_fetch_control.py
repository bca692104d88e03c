"""Source control for users: exclude-url patterns and the number of retries."""

from __future__ import annotations

import json

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
