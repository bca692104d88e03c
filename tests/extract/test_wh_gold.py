"""The White House gold folders: valid brat, and the held-out frozen by its hash.

The extractor's score on them is only reported by ``benchmarks/extraction.py``;
these tests guard the gold itself (a changed held-out ``.ann`` would make its
``FIRST_RUN.md`` meaningless).
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "fixtures" / "extraction-wh-heldout"
HELDOUT_SHA256 = "0bb8a0a1341146b0340f9910416d7ba06f860f925ccb6ebb85b7a79570b1ced0"
FRESH = ROOT / "fixtures" / "extraction-wh-fresh"
FRESH_SHA256 = "7d32f6da5d75ebeaee4d6876bc9ee85380efef0ef48d1bcee813aa7efa3764b9"
FRESH2 = ROOT / "fixtures" / "extraction-wh-fresh2"
FRESH2_SHA256 = "d3ba8061c5da4393cff8313dbf2686feed968df18dadef0dd11fd697b982ebf7"
FRESH3 = ROOT / "fixtures" / "extraction-wh-fresh3"
FRESH3_SHA256 = "e603ffa78f780d5221ce39a8f9a578d968811a8cb577dcfe48054431c0a69ca4"
FRESH4 = ROOT / "fixtures" / "extraction-wh-fresh4"
FRESH4_SHA256 = "69b23cd19a62d780221f748be0eac0623a05962fad9a69e77f20cd5918ff4fb1"
FRESH5 = ROOT / "fixtures" / "extraction-wh-fresh5"
FRESH5_SHA256 = "07fd8538559fd3eda9e3cd96f85e631fbf2aabaaa7715149de4298488034b901"
FRESH6 = ROOT / "fixtures" / "extraction-wh-fresh6"
FRESH6_SHA256 = "06bac95bd764f7d75831db7be5f958b6f5cbb6d20e6616b442e15d0c541b8a8d"
FRESH7 = ROOT / "fixtures" / "extraction-wh-fresh7"
FRESH7_SHA256 = "79c3bbba83c9206b107263c22bc671f9040ab8a1ac9d086c467fb17394160e56"

_spec = importlib.util.spec_from_file_location(
    "bench_extraction_wh", ROOT / "benchmarks" / "extraction.py"
)
assert _spec and _spec.loader
bx = importlib.util.module_from_spec(_spec)
sys.modules["bench_extraction_wh"] = bx
_spec.loader.exec_module(bx)


@pytest.mark.parametrize("folder", ["extraction-wh-heldout", "extraction-wh-tuning"])
def test_gold_is_valid_brat(folder: str) -> None:
    docs = bx.load_corpus(ROOT / "fixtures" / folder)
    assert len(docs) >= 14
    problems = [f"{d.name}: {p}" for d in docs for p in bx.validate(d)]
    assert problems == []


@pytest.mark.parametrize(
    ("folder", "digest"),
    [
        (HELDOUT, HELDOUT_SHA256),
        (FRESH, FRESH_SHA256),
        (FRESH2, FRESH2_SHA256),
        (FRESH3, FRESH3_SHA256),
        (FRESH4, FRESH4_SHA256),
        (FRESH5, FRESH5_SHA256),
        (FRESH6, FRESH6_SHA256),
        (FRESH7, FRESH7_SHA256),
    ],
)
def test_heldout_is_frozen(folder: Path, digest: str) -> None:
    # The README's hash: the .ann files concatenated in byte order of their names.
    data = b"".join(
        p.read_bytes() for p in sorted(folder.glob("*.ann"), key=lambda p: p.name.encode())
    )
    assert hashlib.sha256(data).hexdigest() == digest


@pytest.mark.parametrize(
    ("folder", "n_docs"),
    [(FRESH, 10), (FRESH2, 12), (FRESH3, 12), (FRESH4, 12), (FRESH5, 14), (FRESH6, 9), (FRESH7, 4)],
)
def test_fresh_heldout_is_valid_brat(folder: Path, n_docs: int) -> None:
    docs = bx.load_corpus(folder)
    assert len(docs) >= n_docs
    assert [f"{d.name}: {p}" for d in docs for p in bx.validate(d)] == []
