"""The archived demo: article and transcript fetched through the real fetch
path, served from a recorded WARC with no network."""

from __future__ import annotations

import json

from quoteverify.cli import main

from .conftest import SEED

ARCHIVE = str(SEED / "seed.warc.gz")
ARTICLE_URL = "http://127.0.0.1:8765/news/kazakhstan-russian-nato.html"
SOURCE_URL = "http://127.0.0.1:8765/transcripts/2022-01-07-blinken-press-availability.html"


def test_replayed_audit_matches_local_verdicts(capsys) -> None:
    code = main(
        ["audit", ARTICLE_URL, "-s", SOURCE_URL, "--replay", ARCHIVE, "--format", "json", "-q"]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert data["sources"][0]["status"] == "ok"
    verdicts = {q["text"][:30]: q["verdict"] for q in data["quotes"]}
    assert verdicts["I think a lesson from recent h"] == "diverged"
    assert verdicts["Russia comes to help"] is None


def test_url_missing_from_archive_is_a_source_error(capsys) -> None:
    main(
        [
            "audit",
            ARTICLE_URL,
            "-s",
            "http://127.0.0.1:8765/nope",
            "--replay",
            ARCHIVE,
            "--format",
            "json",
            "-q",
        ]
    )
    data = json.loads(capsys.readouterr().out)
    assert data["sources"][0]["status"] == "error"
    assert "not in archive" in data["sources"][0]["error"]


def test_missing_archive_is_usage_error(capsys, tmp_path) -> None:
    code = main(["audit", ARTICLE_URL, "--replay", str(tmp_path / "none.warc.gz")])
    assert code == 2 and "no such file" in capsys.readouterr().err
