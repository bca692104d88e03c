"""The verdict dev set (fixtures/verdicts): its shape, and the engine against it.

``fixtures/verdicts/cases.jsonl`` holds labelled quote/source cases built from
real White House transcripts by ``fixtures/verdicts/build_cases.py`` plus
hand-written ones.  ``benchmarks/verdicts.py`` reports the exact figures; this
test is a regression guard: zero UNSAFE passes (a diverged / stitched /
misattributed / not_found quote reported as verbatim or minor) and accuracy
of at least 90 %.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "fixtures" / "verdicts"
VERDICTS = {"verbatim", "minor", "diverged", "stitched", "misattributed", "not_found"}
FIELDS = {"id", "source", "quote", "speaker", "speaker_title", "kind", "expected", "rule", "why"}


def _cases() -> list[dict[str, Any]]:
    with (DEVSET / "cases.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


CASES = _cases()


def test_enough_cases() -> None:
    assert len(CASES) >= 160


def test_ids_unique() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case_fields(case: dict[str, Any]) -> None:
    assert set(case) == FIELDS
    assert (DEVSET / case["source"]).is_file()
    assert case["expected"] in VERDICTS
    assert case["kind"] in {"quote", "fragment"}
    assert isinstance(case["quote"], str) and case["quote"].strip() == case["quote"]
    assert case["quote"] and case["quote"][0] not in "“”\"'"  # no enclosing marks
    assert case["speaker"] is None or (isinstance(case["speaker"], str) and case["speaker"])
    assert case["speaker_title"] is None or isinstance(case["speaker_title"], str)
    assert case["rule"] and case["why"]
    n = len(case["quote"].split())
    if case["kind"] == "fragment":
        assert 1 <= n <= 3
        assert case["expected"] in {"verbatim", "not_found"}
    else:
        assert n >= 5


def test_every_verdict_covered() -> None:
    counts = Counter(c["expected"] for c in CASES)
    assert set(counts) == VERDICTS
    assert min(counts.values()) >= 12, counts


def test_sources_are_the_corpus_files() -> None:
    sources = sorted((DEVSET / "sources").glob("*.md"))
    assert 8 <= len(sources) <= 12
    assert sum(p.stat().st_size for p in sources) < 600_000
    used = {c["source"] for c in CASES}
    assert used == {f"sources/{p.name}" for p in sources}
    # not the end-to-end fixtures' transcripts
    other = {p.read_bytes() for p in (ROOT / "fixtures" / "whitehouse" / "sources").glob("*")}
    assert not other & {p.read_bytes() for p in sources}
    for p in sources:
        assert p.read_text("utf-8").startswith("---\n")  # front matter kept as copied


# --- the engine on the dev set ------------------------------------------------------
def test_engine_on_devset() -> None:
    pytest.importorskip("quoteverify.align")
    pytest.importorskip("quoteverify.verdict")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import verdicts as bench  # benchmarks/verdicts.py
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    rep = bench.run(DEVSET)
    unsafe = [
        f"{e['id']} ({e['rule']}): expected {e['expected']}, got {e['got']}"
        for e in rep["errors"]
        if e["unsafe"]
    ]
    assert not unsafe, "UNSAFE passes:\n" + "\n".join(unsafe)
    wrong = [
        f"{e['id']} ({e['rule']}): expected {e['expected']}, got {e['got']}" for e in rep["errors"]
    ]
    assert rep["accuracy"] >= 0.90, f"accuracy {rep['accuracy']:.1%}:\n" + "\n".join(wrong)
