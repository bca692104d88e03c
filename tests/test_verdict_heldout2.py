"""The second held-out verdict set (fixtures/verdicts-heldout2): its shape only.

The set measures the engine on eight transcripts and quotes it was not developed
against (``python benchmarks/verdicts.py fixtures/verdicts-heldout2``).  No
accuracy floor here on purpose: a gate would invite tuning against these cases,
and the set would stop being a held-out measure.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "fixtures" / "verdicts-heldout2"
VERDICTS = {
    "verbatim", "minor", "diverged", "stitched", "misattributed", "not_found", "unverifiable",
}  # fmt: skip
FIELDS = {"id", "source", "quote", "speaker", "speaker_title", "kind", "expected", "rule", "why"}


def _cases() -> list[dict[str, Any]]:
    with (SET / "cases.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


CASES = _cases()


def test_enough_cases() -> None:
    assert len(CASES) >= 150
    assert sum(c["id"].startswith("h-") for c in CASES) >= 50  # hand-written


def test_every_verdict_present() -> None:
    assert {c["expected"] for c in CASES} == VERDICTS


def test_fields() -> None:
    for c in CASES:
        assert set(c) == FIELDS, c["id"]
        assert c["kind"] in {"quote", "fragment"}, c["id"]
        assert c["quote"].strip(), c["id"]


def test_ids_unique() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]


def test_sources_exist() -> None:
    for c in CASES:
        assert (SET / c["source"]).is_file(), c["source"]
    assert (SET / "LICENSE").is_file()


def test_sources_are_unseen() -> None:
    used = {Path(c["source"]).name for c in CASES}
    assert len(used) == 8
    seen: set[str] = set()
    for other in ("verdicts", "verdicts-heldout", "whitehouse"):
        seen |= {p.name for p in (ROOT / "fixtures" / other / "sources").glob("*.md")}
    assert not used & seen
