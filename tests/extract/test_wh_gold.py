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
# Each frozen folder: the sha256 of its .ann files (its README's hash) and how many
# documents it holds at least.
FROZEN: dict[str, tuple[str, int]] = {
    "extraction-wh-heldout": (
        "0bb8a0a1341146b0340f9910416d7ba06f860f925ccb6ebb85b7a79570b1ced0",
        14,
    ),
    "extraction-wh-fresh": ("7d32f6da5d75ebeaee4d6876bc9ee85380efef0ef48d1bcee813aa7efa3764b9", 10),
    "extraction-wh-fresh2": (
        "d3ba8061c5da4393cff8313dbf2686feed968df18dadef0dd11fd697b982ebf7",
        12,
    ),
    "extraction-wh-fresh3": (
        "e603ffa78f780d5221ce39a8f9a578d968811a8cb577dcfe48054431c0a69ca4",
        12,
    ),
    "extraction-wh-fresh4": (
        "69b23cd19a62d780221f748be0eac0623a05962fad9a69e77f20cd5918ff4fb1",
        12,
    ),
    "extraction-wh-fresh5": (
        "07fd8538559fd3eda9e3cd96f85e631fbf2aabaaa7715149de4298488034b901",
        14,
    ),
    "extraction-wh-fresh6": ("06bac95bd764f7d75831db7be5f958b6f5cbb6d20e6616b442e15d0c541b8a8d", 9),
    "extraction-wh-fresh7": ("79c3bbba83c9206b107263c22bc671f9040ab8a1ac9d086c467fb17394160e56", 4),
    "extraction-wh-fresh8": ("22604f10af860ff2b0bd6081d8663590c31412f173346247a359ee162a05e7db", 5),
}

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


@pytest.mark.parametrize(("folder", "digest"), [(f, d) for f, (d, _) in FROZEN.items()])
def test_heldout_is_frozen(folder: str, digest: str) -> None:
    # The README's hash: the .ann files concatenated in byte order of their names.
    paths = sorted((ROOT / "fixtures" / folder).glob("*.ann"), key=lambda p: p.name.encode())
    assert hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest() == digest


@pytest.mark.parametrize(
    ("folder", "n_docs"),
    [(f, n) for f, (_, n) in FROZEN.items() if f != "extraction-wh-heldout"],
)
def test_fresh_heldout_is_valid_brat(folder: str, n_docs: int) -> None:
    docs = bx.load_corpus(ROOT / "fixtures" / folder)
    assert len(docs) >= n_docs
    assert [f"{d.name}: {p}" for d in docs for p in bx.validate(d)] == []
