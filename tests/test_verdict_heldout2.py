"""The second held-out verdict set (fixtures/verdicts-heldout2): its shape only.

The set measures the engine on eight transcripts and quotes it was not developed
against (``python benchmarks/verdicts.py fixtures/verdicts-heldout2``).  No
accuracy floor here on purpose: a gate would invite tuning against these cases,
and the set would stop being a held-out measure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .verdict_sets import (
    FIXTURES,
    HELDOUT_VERDICTS,
    POLICY_VERDICTS,
    assert_case_shape,
    assert_ids_unique,
    case_ids,
    load_cases,
    source_names,
)

SET = FIXTURES / "verdicts-heldout2"
CASES = load_cases(SET)


def test_enough_cases() -> None:
    assert len(CASES) >= 150
    assert sum(c["id"].startswith("h-") for c in CASES) >= 50  # hand-written


def test_every_verdict_present() -> None:
    # Relabelled cases (``policy_note``) may also carry the policy's "elided".
    got = {c["expected"] for c in CASES}
    assert HELDOUT_VERDICTS <= got <= POLICY_VERDICTS


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_case_fields(case: dict[str, Any]) -> None:
    # the first held-out set's shape (fields, kind, source file, quote length)
    assert_case_shape(case, SET, HELDOUT_VERDICTS, min_words=4)


def test_ids_unique() -> None:
    assert_ids_unique(CASES)


def test_license_present() -> None:
    assert (SET / "LICENSE").is_file()


def test_sources_are_unseen() -> None:
    used = {Path(c["source"]).name for c in CASES}
    assert len(used) == 8
    assert not used & source_names("verdicts", "verdicts-heldout", "whitehouse")
