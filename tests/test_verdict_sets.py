"""The labelled verdict sets (``verdict_sets.SETS``): their shape, their sources,
and the engine against each set that has a gate.

Every check runs over each set it applies to, with that set's own thresholds;
``benchmarks/verdicts.py`` reports the exact figures.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from .verdict_sets import (
    FIXTURES,
    SETS,
    LabelledSet,
    assert_case_shape,
    assert_engine_gate,
    assert_ids_unique,
    load_cases,
    source_names,
)

CASES = {s.name: load_cases(s.folder) for s in SETS}


def _sets(*, where: Any = bool) -> list[Any]:
    return [pytest.param(s, id=s.name) for s in SETS if where(s)]


def _built_cases() -> list[Any]:
    return [
        pytest.param(s, c, id=f"{s.name}/{c['id']}") for s in SETS if s.built for c in CASES[s.name]
    ]


@pytest.mark.parametrize("labelled", _sets(where=lambda s: s.min_cases))
def test_enough_cases(labelled: LabelledSet) -> None:
    cases = CASES[labelled.name]
    assert len(cases) >= labelled.min_cases
    assert sum(c["id"].startswith("h-") for c in cases) >= labelled.hand_written  # hand-written


@pytest.mark.parametrize("labelled", _sets())
def test_ids_unique(labelled: LabelledSet) -> None:
    assert_ids_unique(CASES[labelled.name])


@pytest.mark.parametrize(("labelled", "case"), _built_cases())
def test_case_fields(labelled: LabelledSet, case: dict[str, Any]) -> None:
    assert_case_shape(case, labelled.folder, set(labelled.verdicts), min_words=labelled.min_words)


@pytest.mark.parametrize("labelled", _sets(where=lambda s: s.required))
def test_every_verdict_present(labelled: LabelledSet) -> None:
    counts = Counter(c["expected"] for c in CASES[labelled.name])
    assert labelled.required <= set(counts) <= labelled.allowed
    assert min(counts.values()) >= labelled.min_per_verdict, counts


@pytest.mark.parametrize("labelled", _sets())
def test_sources_are_the_folders_transcripts(labelled: LabelledSet) -> None:
    sources = sorted((labelled.folder / "sources").glob("*.md"))
    used = {c["source"] for c in CASES[labelled.name]}
    assert used == {f"sources/{p.name}" for p in sources}
    if labelled.sources is not None:
        low, high = labelled.sources
        assert low <= len(sources) <= high
    if labelled.max_source_bytes is not None:
        assert sum(p.stat().st_size for p in sources) < labelled.max_source_bytes
    # not the end-to-end fixtures' transcripts, nor (by name) an earlier set's
    other = {p.read_bytes() for p in (FIXTURES / "whitehouse" / "sources").glob("*")}
    assert not other & {p.read_bytes() for p in sources}
    assert not {Path(u).name for u in used} & source_names(*labelled.unseen_by)
    for p in sources:
        assert p.read_text("utf-8").startswith("---\n")  # front matter kept as copied


@pytest.mark.parametrize("labelled", _sets(where=lambda s: s.licensed))
def test_license_present(labelled: LabelledSet) -> None:
    assert (labelled.folder / "LICENSE").is_file()


@pytest.mark.parametrize("labelled", _sets(where=lambda s: s.labels_sha256))
def test_frozen_labels_are_unchanged(labelled: LabelledSet) -> None:
    labels = "".join(f"{c['id']}\t{c['expected']}\n" for c in CASES[labelled.name])
    assert hashlib.sha256(labels.encode()).hexdigest() == labelled.labels_sha256


# --- the engine: a floor on the sets that have one, never a tuning target -----------
@pytest.mark.parametrize("labelled", _sets(where=lambda s: s.gate))
def test_engine_gate(labelled: LabelledSet) -> None:
    assert labelled.gate is not None
    assert_engine_gate(labelled.folder, len(CASES[labelled.name]), labelled.gate)
