"""``check`` prepares each distinct source once per run, however articles name
it, and ``check --jobs N`` reports exactly what one process reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteverify import pipeline
from quoteverify.cli import main

from .conftest import SEED_SOURCE

EXACT = "We’re prepared to respond forcefully to further Russian aggression."
INVENTED = (
    "We will send every ship we have to the Black Sea by the end of the week, "
    "whatever the cost to our allies in Europe."
)


def _article(source: str, body: str) -> str:
    return f"---\ntitle: Test\nsources:\n  - {source}\n---\n\n{body}\n"


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "site"
    (root / "sources").mkdir(parents=True)
    (root / "articles" / "deep").mkdir(parents=True)
    (root / "sources" / "blinken.txt").write_bytes(SEED_SOURCE.read_bytes())
    # One file under three names: relative to each article's folder, and with
    # a detour through another folder.
    names = {
        "articles/a.md": "../sources/blinken.txt",
        "articles/b.md": "../articles/../sources/blinken.txt",
        "articles/deep/c.md": "../../sources/blinken.txt",
    }
    bodies = [
        f"Secretary of State Antony Blinken said: “{EXACT}”",
        f"Blinken said: “{INVENTED}”",
        f"Blinken said: “{EXACT}” and then “{INVENTED}”",
    ]
    for (path, ref), body in zip(names.items(), bodies, strict=True):
        (root / path).write_text(_article(ref, body), encoding="utf-8")
    # The top of a repository: sources outside it would be refused.
    (root / ".git").mkdir()
    (root / "quoteverify.toml").write_text('fail-on = "diverged"\n', encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("QUOTEVERIFY_CONFIG", str(root / "quoteverify.toml"))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return root


def test_a_source_named_four_ways_is_prepared_once(site: Path) -> None:
    absolute = str(site / "sources" / "blinken.txt")
    (site / "articles" / "d.md").write_text(
        _article(absolute, f"Blinken said: “{EXACT}”"), encoding="utf-8"
    )
    memo = pipeline.SourceMemo()
    reports = [
        pipeline.run_audit(p, memo=memo)
        for p in ("articles/a.md", "articles/b.md", "articles/deep/c.md", "articles/d.md")
    ]
    assert memo.preparations == 1
    # Each report still names the source as its article planned it.
    assert [[s.ref for s in r.sources] for r in reports] == [
        ["sources/blinken.txt"],
        ["sources/blinken.txt"],
        ["sources/blinken.txt"],
        [absolute],
    ]
    assert [r.results[0].verdict for r in reports] == [
        "verbatim",
        "not_found",
        "verbatim",
        "verbatim",
    ]
    assert all(r.results and r.results[0].verdict is not None for r in reports)


def test_a_changed_text_is_prepared_again(site: Path) -> None:
    memo = pipeline.SourceMemo()
    pipeline.run_audit("articles/a.md", memo=memo)
    # A new run (a new memo) after the file changed; the old entry is not reused.
    src = site / "sources" / "blinken.txt"
    src.write_text(src.read_text(encoding="utf-8") + "\nAn added line.\n", encoding="utf-8")
    memo2 = pipeline.SourceMemo()
    pipeline.run_audit("articles/a.md", memo=memo2)
    assert memo2.preparations == 1
    assert next(iter(memo2.prepared)) != next(iter(memo.prepared))


@pytest.mark.parametrize("fmt", ["json", "sarif", "concise"])
def test_jobs_give_the_same_report(
    site: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    outs = []
    for jobs in ("1", "2", "3"):
        code = main(["check", "articles", "-q", "--format", fmt, "--jobs", jobs])
        out, _ = capsys.readouterr()
        outs.append((code, out))
    assert outs[0][1]
    assert outs[1] == outs[0]
    assert outs[2] == outs[0]


def test_jobs_must_be_positive(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "articles", "--jobs", "0"])
    assert "must be 1 or more" in capsys.readouterr().err


def test_source_memo_holds_one_text_per_place_when_reads_give_new_strings() -> None:
    # A library hands out a new string on every read of a document: the memo
    # prepares it once and keeps one text per place, not one per read (found
    # in review: the key table grew by a whole text per article).
    from quoteverify.models import Source

    memo = pipeline.SourceMemo()
    text = SEED_SOURCE.read_text(encoding="utf-8")
    for _ in range(3):
        copy = "".join(list(text))  # equal, but a new object each time
        memo.prepare(Source(ref="library:doc-1", status="ok", text=copy))
    assert memo.preparations == 1
    assert len(memo._keys) == 1
