"""The labelled verdict sets (fixtures/verdicts*) and the checks they share.

``SETS`` says what each set is and what the suite holds it to: how many cases,
which verdicts, its sources, and the engine's gate (no UNSAFE pass, accuracy
floors) or why it has none.  tests/test_verdict_sets.py runs each check over
every set that has it; loading ``cases.jsonl``, the per-case shape and the engine
run through ``benchmarks/verdicts.py`` live here.  Each set's README says where
it came from and when its labels were frozen.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
from collections import Counter
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Gate:
    """What the engine must reach on a set: never a target to tune against."""

    min_accuracy: float  # exact verdicts
    cases: int | None = None  # the exact number of cases judged, when pinned
    min_agreement: float | None = None  # pass/fail agreement
    max_false_alarms: int | None = None


@dataclass(frozen=True)
class LabelledSet:
    """One folder of fixtures/ with ``cases.jsonl`` and ``sources/``."""

    name: str
    # The case format of build_cases.py (``FIELDS``); the real-world sets carry
    # the article's and the source's metadata instead.
    built: bool = True
    min_cases: int = 0
    hand_written: int = 0  # at least this many "h-" cases
    # The verdicts a case's label is drawn from (a relabelled case, with a
    # ``policy_note``, may also carry the policy's ``POLICY_VERDICTS``); those
    # that must all occur, those the set may hold, and how often each must occur.
    verdicts: frozenset[str] = frozenset()
    required: frozenset[str] = frozenset()
    allowed: frozenset[str] = frozenset()
    min_per_verdict: int = 0
    min_words: int = 0  # of a quote; a fragment has 1-3
    sources: tuple[int, int] | None = None  # how many transcripts, at least/at most
    max_source_bytes: int | None = None
    unseen_by: tuple[str, ...] = ()  # sets whose transcripts it must not reuse
    licensed: bool = False  # a LICENSE file for the copied transcripts
    gate: Gate | None = None
    labels_sha256: str | None = None  # frozen labels: "id<TAB>expected" lines

    @property
    def folder(self) -> Path:
        return FIXTURES / self.name


SETS: tuple[LabelledSet, ...] = (
    # The dev set: cases built from real White House transcripts by
    # fixtures/verdicts/build_cases.py plus hand-written ones.  The gate is a
    # regression guard: zero UNSAFE passes (a diverged / stitched / misattributed
    # / not_found quote reported as verbatim or minor), accuracy of at least 90 %.
    LabelledSet(
        "verdicts",
        min_cases=160,
        verdicts=frozenset(DEV_VERDICTS),
        required=frozenset(DEV_VERDICTS),
        allowed=frozenset(DEV_VERDICTS),
        min_per_verdict=12,
        min_words=5,
        sources=(8, 12),
        max_source_bytes=600_000,
        licensed=True,
        gate=Gate(0.90),
    ),
    # Transcripts and quotes the engine was not developed against.  Its first
    # run scored 83.7 % with 2 unsafe passes; the fixes it prompted were general
    # rules, each with its own regression test on synthetic text.  The gate keeps
    # what was reached (>= 95 %, 0 unsafe): a floor, not a target to tune against.
    LabelledSet(
        "verdicts-heldout",
        min_cases=150,
        hand_written=40,
        verdicts=frozenset(HELDOUT_VERDICTS),
        required=frozenset(HELDOUT_VERDICTS),
        allowed=frozenset(POLICY_VERDICTS),
        min_words=4,
        sources=(8, 10),
        unseen_by=("verdicts", "whitehouse"),
        licensed=True,
        gate=Gate(0.95),
    ),
    # Eight more unseen transcripts.  No accuracy floor on purpose: a gate would
    # invite tuning against these cases, and the set would stop being a measure.
    LabelledSet(
        "verdicts-heldout2",
        min_cases=150,
        hand_written=50,
        verdicts=frozenset(HELDOUT_VERDICTS),
        required=frozenset(HELDOUT_VERDICTS),
        allowed=frozenset(POLICY_VERDICTS),
        min_words=4,
        sources=(8, 8),
        unseen_by=("verdicts", "verdicts-heldout", "whitehouse"),
        licensed=True,
    ),
    # Quotations as news outlets printed them, against the transcripts.  The
    # gate: no UNSAFE pass, floors on exact accuracy, pass/fail agreement and
    # false alarms at what the engine reaches (issue 10; 284/289, 289/289, 0 on 2026-12-07).
    LabelledSet(
        "verdicts-realworld",
        built=False,
        gate=Gate(0.98, cases=289, min_agreement=0.995, max_false_alarms=0),
    ),
    # Held out from the real-world tuning: frozen.  Only its labels' hash is
    # checked; the suite never runs the engine on it (a gate would invite tuning).
    LabelledSet(
        "verdicts-realworld-heldout",
        built=False,
        labels_sha256="acb1cba2091f093b69e9ac60ca849416c0d93f39d969731cd9d82e5f64b98cc9",
    ),
    # White House documents quoting White House transcripts (issue 10): a fresh
    # held-out built when the one above was spent.  Frozen like it: only its
    # labels' hash is checked, never a gate, and none of its transcripts is
    # another set's.
    LabelledSet(
        "verdicts-wh-fresh",
        built=False,
        unseen_by=(
            "verdicts",
            "verdicts-heldout",
            "verdicts-heldout2",
            "verdicts-realworld",
            "verdicts-realworld-heldout",
            "whitehouse",
        ),
        labels_sha256="c502df04192308cdc21faf05fcb8ac6b5a0d8bb82ac1e74d7c3a9af7cdef7556",
    ),
    # A second fresh held-out of the same kind, from 2021-2022 (the years no set had used),
    # built when the one above became a tuning set.  Frozen: its labels' hash and its
    # sources are checked, never the engine; FIRST_RUN.md is the coordinator's, once.
    LabelledSet(
        "verdicts-wh-fresh2",
        built=False,
        unseen_by=(
            "verdicts",
            "verdicts-heldout",
            "verdicts-heldout2",
            "verdicts-realworld",
            "verdicts-realworld-heldout",
            "verdicts-wh-fresh",
            "whitehouse",
        ),
        labels_sha256="41a568c280143c4dfcbd99e2dec73f71998b55fe281430f405892bf5740e1fc6",
    ),
    # A third, from what the rule left unread: 2021-2022 candidates the set above did not
    # sample, and 2025.  Frozen like it: labels' hash and sources checked, never the engine.
    LabelledSet(
        "verdicts-wh-fresh3",
        built=False,
        unseen_by=(
            "verdicts",
            "verdicts-heldout",
            "verdicts-heldout2",
            "verdicts-realworld",
            "verdicts-realworld-heldout",
            "verdicts-wh-fresh",
            "verdicts-wh-fresh2",
            "whitehouse",
        ),
        labels_sha256="75588343260b858695c0f6a338640dd2a0eff1377565db423bcc23f636171f26",
    ),
    # A fifth, by a widened rule (90 days, 5 words, looser 4-gram thresholds) once the rule
    # above had no candidate left; small (27).  Frozen: labels' hash and sources, never the engine.
    LabelledSet(
        "verdicts-wh-fresh5",
        built=False,
        unseen_by=(
            "verdicts",
            "verdicts-heldout",
            "verdicts-heldout2",
            "verdicts-realworld",
            "verdicts-realworld-heldout",
            "verdicts-wh-fresh",
            "verdicts-wh-fresh2",
            "verdicts-wh-fresh3",
            "whitehouse",
        ),
        labels_sha256="92c14d5b69d97b8b6b8bd9ac8f26fe419d8ab7f776b4f54cefa49cd8ae982cfa",
    ),
)


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


def assert_engine_gate(folder: Path, n_cases: int, gate: Gate) -> None:
    """Run the engine on every case: no UNSAFE pass, and each floor of ``gate``."""
    rep = bench_run(folder)
    assert rep["cases"] == n_cases, f"the benchmark judged {rep['cases']} of {n_cases} cases"
    if gate.cases is not None:
        assert rep["cases"] == gate.cases
    unsafe = [_fmt(e) for e in rep["errors"] if e["unsafe"]]
    assert not unsafe, "UNSAFE passes:\n" + "\n".join(unsafe)
    wrong = "\n".join(_fmt(e) for e in rep["errors"])
    assert rep["accuracy"] >= gate.min_accuracy, f"exact {rep['accuracy']:.1%}:\n{wrong}"
    if gate.min_agreement is not None:
        assert rep["agreement"] >= gate.min_agreement, f"pass/fail {rep['agreement']:.1%}:\n{wrong}"
    if gate.max_false_alarms is not None:
        assert rep["false_alarms"] <= gate.max_false_alarms, wrong
