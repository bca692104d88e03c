"""Shared checks for the labelled verdict sets (fixtures/verdicts, -heldout, -heldout2).

Used by test_verdict_devset.py, test_verdict_heldout.py and test_verdict_heldout2.py:
loading ``cases.jsonl``, the per-case shape, unique ids, the sources used, and the engine
run through ``benchmarks/verdicts.py`` with its gate (no UNSAFE pass, an accuracy floor).
"""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
DEV_VERDICTS = {"verbatim", "minor", "diverged", "stitched", "misattributed", "not_found"}
# Verdicts a relabelled case may carry (docs/VERDICT-POLICY.md added "elided").
POLICY_VERDICTS = DEV_VERDICTS | {"elided", "unverifiable"}
HELDOUT_VERDICTS = DEV_VERDICTS | {"unverifiable"}
FIELDS = {"id", "source", "quote", "speaker", "speaker_title", "kind", "expected", "rule", "why"}


def load_cases(folder: Path) -> list[dict[str, Any]]:
    with (folder / "cases.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def case_ids(cases: list[dict[str, Any]]) -> list[str]:
    return [c["id"] for c in cases]


def assert_ids_unique(cases: list[dict[str, Any]]) -> None:
    ids = case_ids(cases)
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]


def assert_case_shape(
    case: dict[str, Any], folder: Path, verdicts: set[str], *, min_words: int
) -> None:
    """One case's fields; a quote has at least min_words words, a fragment 1-3."""
    # ``policy_note``: the case was relabelled because the verdict policy
    # (docs/VERDICT-POLICY.md) gives another verdict than the old convention.
    assert set(case) - {"policy_note"} == FIELDS
    assert (folder / case["source"]).is_file()
    assert case["expected"] in (verdicts | POLICY_VERDICTS if "policy_note" in case else verdicts)
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
        assert n >= min_words


def source_names(*sets: str) -> set[str]:
    """File names of the transcripts in fixtures/<set>/sources for each set named."""
    return {p.name for s in sets for p in (FIXTURES / s / "sources").glob("*.md")}


def _bench() -> ModuleType:
    """benchmarks/verdicts.py, loaded by path (no sys.path games, no name clash)."""
    name = "verdicts_benchmark"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "verdicts.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


@functools.cache
def bench_run(folder: Path) -> dict[str, Any]:
    """``benchmarks/verdicts.py``'s report on one set, computed once per test session:
    the gate and the notes-agree test read the same run."""
    return _bench().run(folder)


def _fmt(e: dict[str, Any]) -> str:
    return f"{e['id']} ({e['rule']}): expected {e['expected']}, got {e['got']}"


def assert_engine_gate(folder: Path, n_cases: int, min_accuracy: float) -> None:
    """Run the engine on every case: no UNSAFE pass, accuracy at least min_accuracy."""
    rep = bench_run(folder)
    assert rep["cases"] == n_cases, f"the benchmark judged {rep['cases']} of {n_cases} cases"
    unsafe = [_fmt(e) for e in rep["errors"] if e["unsafe"]]
    assert not unsafe, "UNSAFE passes:\n" + "\n".join(unsafe)
    wrong = [_fmt(e) for e in rep["errors"]]
    assert rep["accuracy"] >= min_accuracy, f"accuracy {rep['accuracy']:.1%}:\n" + "\n".join(wrong)
