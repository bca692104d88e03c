"""End-to-end verdicts on real White House transcripts (fixtures/whitehouse).

The manifest is the editor's ground truth: for each article, every quotation in
order with the speaker the article names and the verdict it deserves against the
article's transcript.  See fixtures/whitehouse/README.md.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "fixtures" / "whitehouse"
MANIFEST: list[dict[str, Any]] = json.loads((FIXTURES / "manifest.json").read_text("utf-8"))

_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'"})


def norm(text: str) -> str:
    """Straight quotes, collapsed whitespace."""
    return re.sub(r"\s+", " ", text.translate(_QUOTE_MARKS)).strip()


def _entry_id(index: int, entry: dict[str, Any]) -> str:
    name = Path(entry["article"]).stem
    return f"{name}-nosource" if not entry["sources"] else name


def _cases() -> list[Any]:
    cases = []
    for i, entry in enumerate(MANIFEST):
        for j, quote in enumerate(entry["quotes"]):
            label = quote["verdict"] or quote.get("kind", "unjudged")
            cases.append(pytest.param(i, j, id=f"{_entry_id(i, entry)}-q{j + 1}-{label}"))
    return cases


def _judged(entry: dict[str, Any]) -> list[dict[str, Any]]:
    return [q for q in entry["quotes"] if q["verdict"] is not None]


@cache
def _report(index: int) -> Any:
    from quoteverify import pipeline

    entry = MANIFEST[index]
    return pipeline.run_audit(
        str(FIXTURES / entry["article"]), [str(FIXTURES / s) for s in entry["sources"]]
    )


# --- the fixtures themselves (no pipeline needed) ------------------------------


@pytest.mark.parametrize("index", range(len(MANIFEST)), ids=lambda i: _entry_id(i, MANIFEST[i]))
def test_manifest_files_exist(index: int) -> None:
    entry = MANIFEST[index]
    assert (FIXTURES / entry["article"]).is_file()
    for src in entry["sources"]:
        assert (FIXTURES / src).is_file(), src


@pytest.mark.parametrize(("index", "qi"), _cases())
def test_starts_with_occurs_in_article(index: int, qi: int) -> None:
    """Every `starts_with` opens a quotation of its article, in manifest order."""
    entry = MANIFEST[index]
    text = norm((FIXTURES / entry["article"]).read_text("utf-8"))
    quote = entry["quotes"][qi]
    opening = '"' + norm(quote["starts_with"])
    assert text.count(opening) == 1, (
        f"{quote['starts_with']!r} not found once in {entry['article']}"
    )
    if qi > 0:
        previous = '"' + norm(entry["quotes"][qi - 1]["starts_with"])
        assert text.index(previous) < text.index(opening), "manifest order differs from article"


# --- the pipeline against the manifest -----------------------------------------


def _find(report: Any, starts_with: str) -> Any:
    want = norm(starts_with)
    found = [r for r in report.results if norm(r.quote.text).startswith(want)]
    got = [r.quote.text[:60] for r in report.results]
    assert found, f"no extracted quote starts with {starts_with!r}; extracted: {got}"
    assert len(found) == 1, f"{len(found)} extracted quotes start with {starts_with!r}"
    return found[0]


@pytest.mark.parametrize("index", range(len(MANIFEST)), ids=lambda i: _entry_id(i, MANIFEST[i]))
def test_judged_quote_count(index: int) -> None:
    report = _report(index)
    judged = [r for r in report.results if r.quote.kind in ("quote", "fragment")]
    texts = [r.quote.text[:50] for r in judged]
    assert len(judged) == len(_judged(MANIFEST[index])), texts


@pytest.mark.parametrize(("index", "qi"), _cases())
def test_quote_verdict_and_speaker(index: int, qi: int) -> None:
    expected = MANIFEST[index]["quotes"][qi]
    result = _find(_report(index), expected["starts_with"])
    if expected["verdict"] is None:
        assert result.quote.kind == expected.get("kind", "scare")
        assert result.verdict is None
        return
    assert result.quote.kind in ("quote", "fragment")
    speaker = result.quote.speaker.name if result.quote.speaker else None
    assert speaker == expected["speaker"], f"speaker: {expected['why']}"
    assert result.verdict == expected["verdict"], (
        f"verdict {result.verdict!r}, expected {expected['verdict']!r}: {expected['why']}"
    )
