"""The real-world verdict sets (fixtures/verdicts-realworld{,-heldout}).

The tuning part gates the engine: no UNSAFE pass, floors on exact accuracy,
pass/fail agreement and false alarms at what the engine reaches (issue 10).
The held-out part is frozen: only its labels' hash is checked here; the engine
is never run on it by the suite (a gate would invite tuning against it).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .verdict_sets import FIXTURES, _fmt, bench_run

TUNING = FIXTURES / "verdicts-realworld"
HELDOUT = FIXTURES / "verdicts-realworld-heldout"
# sha256 of the held-out set's "id<TAB>expected" lines, recorded when it was frozen
# (fixtures/verdicts-realworld-heldout/README.md).
HELDOUT_LABELS_SHA256 = "acb1cba2091f093b69e9ac60ca849416c0d93f39d969731cd9d82e5f64b98cc9"


def _cases(root: Path) -> list[dict[str, object]]:
    with (root / "cases.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_heldout_labels_are_unchanged() -> None:
    labels = "".join(f"{c['id']}\t{c['expected']}\n" for c in _cases(HELDOUT))
    assert hashlib.sha256(labels.encode()).hexdigest() == HELDOUT_LABELS_SHA256


def test_engine_on_realworld_tuning_set() -> None:
    rep = bench_run(TUNING)
    assert rep["cases"] == len(_cases(TUNING)) == 289
    unsafe = [_fmt(e) for e in rep["errors"] if e["unsafe"]]
    assert not unsafe, "UNSAFE passes:\n" + "\n".join(unsafe)
    wrong = "\n".join(_fmt(e) for e in rep["errors"])
    assert rep["accuracy"] >= 0.96, f"exact {rep['accuracy']:.1%}:\n{wrong}"
    assert rep["agreement"] >= 0.995, f"pass/fail {rep['agreement']:.1%}:\n{wrong}"
    assert rep["false_alarms"] <= 1, wrong
