"""The command line end to end: the README's demo, JSON contract, exit codes, errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from quoteverify.cli import main

from .conftest import ROOT, SEED, SEED_SOURCE, python_stdout
from .conftest import run_cli as run

ARTICLE = str(SEED / "article.txt")
SOURCE = str(SEED_SOURCE)


def by_start(quotes: list[dict], prefix: str) -> dict:
    found = [q for q in quotes if q["text"].startswith(prefix)]
    assert len(found) == 1, f"expected one quote starting {prefix!r}, got {len(found)}"
    return found[0]


@pytest.fixture(scope="module")
def seed_audit() -> dict:
    import io
    from contextlib import redirect_stdout

    buf = io.StringIO()
    with redirect_stdout(buf):
        code = main(["audit", ARTICLE, "--source", SOURCE, "--format", "json", "--quiet"])
    assert code == 1  # the seed's quotes drifted: default --fail-on diverged fails
    return json.loads(buf.getvalue())


def test_seed_quote4_diverged_with_exact_diff(seed_audit) -> None:
    q4 = by_start(seed_audit["quotes"], "I think a lesson from recent history")
    assert q4["verdict"] == "diverged"
    assert q4["speaker"]["name"] == "Antony Blinken"
    assert q4["source"]["path"] == SOURCE
    assert q4["match"]["speaker"] == "SECRETARY BLINKEN"
    assert "once Russians are in your house" in q4["match"]["text"]
    changes = [(op["op"], op["source"], op["quote"]) for op in q4["diff"] if op["op"] != "equal"]
    assert ("replace", "one", "a") in changes
    assert ("replace", "in", "from") in changes
    assert (
        any(op == "insert" and quote == "the" for op, _, quote in changes)
        or (
            "replace",
            "Russians",
            "the Russians",
        )
        in changes
    )
    moved = [op for op in q4["diff"] if "moved" in op["flags"]]
    assert {op["source"] or op["quote"] for op in moved} == {"sometimes"}


def test_seed_quote3_never_verbatim_or_minor(seed_audit) -> None:
    q3 = by_start(seed_audit["quotes"], "So we don’t know why")
    assert q3["verdict"] in ("diverged", "not_found")
    assert q3["closed"] is False


def test_seed_quotes_without_source_are_unverifiable(seed_audit) -> None:
    # Blinken's press availability holds no one else's words: the honest answer
    # for the others is "no source", not "not found".
    for prefix in (
        "We view recent events",
        "terrorists",
        "If Antony Blinken loves",
        "Kazakhstan has been the",
        "Only terrorists are targeted",
        "global terrorism",
        "The integration of Kazakhstan",
    ):
        q = by_start(seed_audit["quotes"], prefix)
        assert q["verdict"] == "unverifiable", (prefix, q["verdict"])
        last = q["notes"][-1]
        assert last["code"] == "no-source"
        assert "no source of" in last["text"] and "SECRETARY BLINKEN" in last["text"]
    assert seed_audit["summary"]["verbatim"] == 0
    assert seed_audit["summary"]["not_found"] == 0


def test_seed_heading_and_scare_quote_not_judged(seed_audit) -> None:
    heading = by_start(seed_audit["quotes"], "Russia comes to help")
    assert heading["kind"] == "heading" and heading["verdict"] is None
    scare = by_start(seed_audit["quotes"], "Russian NATO")
    assert scare["kind"] == "scare" and scare["verdict"] is None


def test_audit_markdown_report(capsys) -> None:
    code, out, err = run(capsys, "audit", ARTICLE, "--source", SOURCE)
    assert code == 1
    assert out.startswith("# quoteverify report:")
    assert "| # | Speaker | Quote | Verdict | Score | Source |" in out
    # The word diff: struck-through source words, bold quote words.
    assert "~~one~~ **a**" in out and "~~in~~ **from**" in out
    assert "SECRETARY BLINKEN" in out
    assert "quotations" in err  # the one-line summary goes to stderr


def test_output_is_deterministic(tmp_path) -> None:
    outs = []
    for i in range(2):
        for fmt in ("json", "markdown"):
            path = tmp_path / f"r{i}.{fmt}"
            main(["audit", ARTICLE, "-s", SOURCE, "--format", fmt, "-o", str(path), "-q"])
            outs.append(path.read_bytes())
    assert outs[0] == outs[2] and outs[1] == outs[3]


def test_extract_json_contract(capsys) -> None:
    code, out, _ = run(capsys, "extract", ARTICLE, "--format", "json")
    assert code == 0
    data = json.loads(out)
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    assert data["article"]["text"] == text
    quotes = [q for q in data["quotes"] if q["kind"] != "scare"]
    assert len(quotes) == 11
    assert [q["id"] for q in data["quotes"]] == [f"q{i}" for i in range(1, len(data["quotes"]) + 1)]
    for q in data["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
        if q["speaker"]:
            sp = q["speaker"]
            assert text[sp["start"] : sp["end"]] == sp["mention"]
    speakers = [q["speaker"]["name"] if q["speaker"] else None for q in quotes]
    assert speakers[1:4] == ["Kassym-Jomart Tokayev", "Antony Blinken", "Antony Blinken"]
    assert speakers[5:10] == [
        None,
        "Abzal Saparbekuly",
        "Abzal Saparbekuly",
        "Abzal Saparbekuly",
        "Vladimir Putin",
    ]
    assert "Foreign Ministry" in speakers[0] and "Foreign Ministry" in speakers[4]
    assert quotes[10]["speaker"]["type"] == "group"
    assert [q["closed"] for q in quotes].count(False) == 4


def test_extract_markdown(capsys) -> None:
    code, out, _ = run(capsys, "extract", ARTICLE, "--format", "markdown")
    assert code == 0 and "| q1 |" in out and "Antony Blinken" in out


def test_verify_one_quote(capsys) -> None:
    code, out, _ = run(
        capsys,
        "verify",
        "“once Russians are in your house, it’s sometimes very difficult to get them to leave.”",
        "--source",
        SOURCE,
        "--speaker",
        "Antony Blinken",
        "--format",
        "json",
    )
    data = json.loads(out)
    assert data["quotes"][0]["verdict"] == "verbatim" and code == 0


@pytest.mark.parametrize(
    ("fail_on", "expected"), [("none", 0), ("diverged", 1), ("not_found", 0), ("minor", 1)]
)
def test_fail_on(capsys, tmp_path, fail_on, expected) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        # "often" for "sometimes": a changed word (a contraction would be minor).
        "“I think one lesson in recent history is that once Russians are in your house, it’s "
        "often very difficult to get them to leave,” Secretary of State Antony Blinken said.\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "audit", str(article), "-s", SOURCE, "--fail-on", fail_on)
    assert "diverged" in out
    assert code == expected


def test_unverifiable_only_warns_unless_asked(capsys, tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("“We will never give up on this,” the mayor said.\n", encoding="utf-8")
    assert run(capsys, "audit", str(article))[0] == 0
    assert run(capsys, "audit", str(article), "--fail-on", "unverifiable")[0] == 1


def test_unreachable_source_is_unverifiable_with_reason(capsys, tmp_path) -> None:
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    url = f"http://127.0.0.1:{port}/transcript"
    # A missing local path is a usage error (tests/test_security_containment.py);
    # one that exists but cannot be used is a source error like a dead URL.
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code, out, _ = run(
        capsys,
        "audit",
        ARTICLE,
        "-s",
        url,
        "-s",
        str(tmp_path / "empty.txt"),
        "--format",
        "json",
        "--allow-private",
    )
    data = json.loads(out)
    assert code == 0
    assert [s["status"] for s in data["sources"]] == ["error", "error"]
    assert "cannot connect" in data["sources"][0]["error"]
    judged = [q for q in data["quotes"] if q["verdict"]]
    assert judged and all(q["verdict"] == "unverifiable" for q in judged)
    assert all(url in q["notes"][-1]["text"] and "empty" in q["notes"][-1]["text"] for q in judged)


def test_one_broken_source_does_not_sink_the_audit(capsys, tmp_path) -> None:
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    code, out, _ = run(
        capsys,
        "audit",
        ARTICLE,
        "-s",
        str(tmp_path / "binary.txt"),
        "-s",
        SOURCE,
        "--format",
        "json",
    )
    data = json.loads(out)
    assert [s["status"] for s in data["sources"]] == ["error", "ok"]
    q4 = by_start(data["quotes"], "I think a lesson")
    assert q4["verdict"] == "diverged" and q4["source"]["path"] == SOURCE


@pytest.mark.parametrize("kind", ["missing", "binary", "empty"])
def test_bad_article_exit_2_one_line(tmp_path, kind) -> None:
    path = tmp_path / "article.txt"
    if kind == "binary":
        path.write_bytes(bytes(range(256)) * 8)
    elif kind == "empty":
        path.write_text("", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "quoteverify", "audit", str(path), "-s", SOURCE],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(path) in lines[0] and "Traceback" not in proc.stderr


def test_unwritable_output_is_exit_2(capsys, tmp_path) -> None:
    (tmp_path / "f").write_text("a file, not a folder", encoding="utf-8")
    code, _, err = run(capsys, "extract", ARTICLE, "-o", str(tmp_path / "f" / "x.json"))
    assert code == 2 and "output" in err and err.count("\n") == 1


def test_usage_error_exit_2(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["audit"])
    assert exc.value.code == 2


def test_help_is_light() -> None:
    code = (
        "import sys, quoteverify.cli as c\n"
        "heavy = [m for m in ('trafilatura', 'httpx', 'edlib', 'numpy', 'lxml') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    assert python_stdout(code) == "[]"


def test_private_addresses_refused_by_default(capsys) -> None:
    # Nothing listens there and nothing is contacted: refused before connecting.
    code, out, _ = run(capsys, "audit", ARTICLE, "-s", "http://127.0.0.1:9/t", "--format", "json")
    data = json.loads(out)
    assert data["sources"][0]["status"] == "error"
    assert (
        "loopback" in data["sources"][0]["error"]
        and "--allow-private" in data["sources"][0]["error"]
    )
    assert code == 0


def test_offline_needs_a_cache(capsys) -> None:
    code, _, err = run(capsys, "audit", ARTICLE, "--offline", "--no-cache")
    assert code == 2 and "--offline" in err and err.count("\n") == 1


def test_library_add_then_audit_finds_sources(capsys, tmp_path) -> None:
    db = str(tmp_path / "lib.sqlite")
    wh = ROOT / "fixtures" / "whitehouse"
    code, _, err = run(
        capsys, "library", "add", str(wh / "sources"), str(SEED / "sources"), "--library", db
    )
    assert code == 0 and "5 added" in err
    article = str(wh / "articles" / "helene-gaggle.txt")
    code, out, _ = run(capsys, "audit", article, "--library", db, "--format", "json")
    data = json.loads(out)
    verdicts = [q["verdict"] for q in data["quotes"] if q["verdict"]]
    assert verdicts == ["verbatim", "diverged", "diverged", "verbatim", "misattributed", "minor"]
    assert data["sources"] and all(s["status"] == "ok" for s in data["sources"])
    assert code == 1


def test_bad_library_file_is_usage_error(capsys, tmp_path) -> None:
    bad = tmp_path / "lib.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    code, _, err = run(capsys, "audit", ARTICLE, "--library", str(bad))
    assert code == 2 and str(bad) in err and err.count("\n") == 1
