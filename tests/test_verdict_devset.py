"""The verdict dev set (fixtures/verdicts): its shape, and the engine against it.

``fixtures/verdicts/cases.jsonl`` holds labelled quote/source cases built from
real White House transcripts by ``fixtures/verdicts/build_cases.py`` plus
hand-written ones.  ``benchmarks/verdicts.py`` reports the exact figures; this
test is a regression guard: zero UNSAFE passes (a diverged / stitched /
misattributed / not_found quote reported as verbatim or minor) and accuracy
of at least 90 %.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from .verdict_sets import (
    DEV_VERDICTS,
    FIXTURES,
    assert_case_shape,
    assert_engine_gate,
    assert_ids_unique,
    case_ids,
    load_cases,
)

DEVSET = FIXTURES / "verdicts"
CASES = load_cases(DEVSET)


def test_enough_cases() -> None:
    assert len(CASES) >= 160


def test_ids_unique() -> None:
    assert_ids_unique(CASES)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_case_fields(case: dict[str, Any]) -> None:
    assert_case_shape(case, DEVSET, DEV_VERDICTS, min_words=5)


def test_every_verdict_covered() -> None:
    counts = Counter(c["expected"] for c in CASES)
    assert set(counts) == DEV_VERDICTS
    assert min(counts.values()) >= 12, counts


def test_sources_are_the_corpus_files() -> None:
    sources = sorted((DEVSET / "sources").glob("*.md"))
    assert 8 <= len(sources) <= 12
    assert sum(p.stat().st_size for p in sources) < 600_000
    used = {c["source"] for c in CASES}
    assert used == {f"sources/{p.name}" for p in sources}
    # not the end-to-end fixtures' transcripts
    other = {p.read_bytes() for p in (FIXTURES / "whitehouse" / "sources").glob("*")}
    assert not other & {p.read_bytes() for p in sources}
    for p in sources:
        assert p.read_text("utf-8").startswith("---\n")  # front matter kept as copied


# --- the engine on the dev set ------------------------------------------------------
def test_engine_on_devset() -> None:
    assert_engine_gate(DEVSET, len(CASES), 0.90)
