"""Reports name sources as a reader would: tidy paths, each source once,
library documents by title/date/URL, grammatical counts and possessives; and
``check`` shows progress on a terminal and a line per file with --verbose."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from quoteverify import _progress, pipeline
from quoteverify.cli import main
from quoteverify.grammar import plural, possessive
from quoteverify.library import Library

ROOT = Path(__file__).resolve().parents[1]
WH = ROOT / "fixtures" / "library-whitehouse" / "transcripts"
LINE = "We will rebuild the bridges and the broadband networks in every county of this state."


def test_plural_and_possessive() -> None:
    assert plural(1, "source") == "1 source"
    assert plural(0, "source") == "0 sources"
    assert plural(2, "quotation") == "2 quotations"
    assert possessive("Blinken") == "Blinken's"
    assert possessive("experts") == "experts'"
    assert possessive("security experts") == "security experts'"
    assert possessive("Jones") == "Jones's"  # a proper name keeps 's


def _repo(tmp_path: Path) -> Path:
    # A repository: articles may name sources anywhere inside it (containment).
    (tmp_path / ".git").mkdir()
    (tmp_path / "sources").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "sources" / "x.md").write_text(f"MS. ROE:  {LINE}\n", encoding="utf-8")
    # The same file named two ways: relative to the article and by a ./ path.
    (tmp_path / "articles" / "a.md").write_text(
        "---\ntitle: T\nsources:\n  - ../sources/x.md\n  - ./../sources/./x.md\n---\n\n"
        f"Jane Roe said: “{LINE}”\n",
        encoding="utf-8",
    )
    return tmp_path


def test_source_paths_are_normalised_and_listed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    rep = pipeline.run_audit("articles/a.md", follow_links=False)
    assert [s.ref for s in rep.sources] == ["sources/x.md"]
    assert rep.results[0].verdict == "verbatim"


def test_markdown_report_counts_are_grammatical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    assert main(["audit", "articles/a.md", "--no-links"]) == 0
    out, err = capsys.readouterr()
    assert "1 quotation " in out and "1 source (" in out and "1 sources" not in out
    assert "quoteverify: 1 quotation:" in err


def test_check_cites_library_documents_by_title_date_and_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite"
    with Library(db) as lib:
        lib.add_paths([str(WH)])
    art = tmp_path / "a.md"
    # Psaki's words, a word changed: a finding that must name its source.
    art.write_text(
        "---\ndate: 2022-01-08\n---\n\nJen Psaki said: “We have serious questions about the "
        "nature of this request and whether it was a legitimate invitation or not.”\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    main(["check", "a.md", "--library", str(db), "--format", "json", "--no-links", "-q"])
    data = json.loads(capsys.readouterr().out)
    text = json.dumps(data)
    assert "library:" not in text.replace('"library (', "")  # never a bare hash
    findings = [f for fc in data.get("files", []) for f in fc.get("findings", [])] or data.get(
        "findings", []
    )
    cited = [f.get("source") for f in findings if f.get("source")]
    assert cited, data
    for c in cited:
        assert "Press Briefing by Press Secretary Jen Psaki" in c and "2022-01-06" in c
        assert "https://bidenwhitehouse.archives.gov/" in c


def test_check_progress_on_a_terminal_and_verbose_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from rich.console import Console

    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    screen = io.StringIO()
    monkeypatch.setattr(
        _progress,
        "console_override",
        Console(file=screen, force_terminal=True, width=100, color_system=None),
    )
    monkeypatch.delenv("CI", raising=False)
    assert main(["check", "articles/a.md", "--verbose", "--format", "concise"]) == 0
    err = capsys.readouterr().err
    # While the bar is live, rich routes stderr lines above it (here: the fake screen).
    assert "quoteverify: articles/a.md: 1 quotation (1 verbatim)" in err + screen.getvalue()
    assert "checking articles" in screen.getvalue() and "1/1" in screen.getvalue()
    # Not in CI, not with --quiet.
    screen.truncate(0)
    screen.seek(0)
    monkeypatch.setenv("CI", "true")
    assert main(["check", "articles/a.md", "--format", "concise"]) == 0
    assert "checking articles" not in screen.getvalue()
    monkeypatch.delenv("CI")
    assert main(["check", "articles/a.md", "--format", "concise", "-q"]) == 0
    assert "checking articles" not in screen.getvalue()
    # Without a bar (CI), --verbose lines go straight to stderr.
    monkeypatch.setenv("CI", "true")
    capsys.readouterr()
    main(["check", "articles/a.md", "--format", "concise", "--verbose"])
    assert "quoteverify: articles/a.md: 1 quotation (1 verbatim)" in capsys.readouterr().err
