"""``benchmarks/extraction_dump.py --compare``: a behaviour change is listed quote by
quote, with a count per (old rule, new rule)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "bench_extraction_dump", ROOT / "benchmarks" / "extraction_dump.py"
)
assert _spec and _spec.loader
dump = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dump)


def _line(path: str, quotes: list[dict]) -> str:
    return json.dumps({"path": path, "quotes": quotes}, ensure_ascii=False)


def _q(start: int, kind: str, speaker: str | None, rule: str) -> dict:
    sp = {"name": speaker} if speaker else None
    return {"start": start, "text": "words", "kind": kind, "speaker": sp, "attribution_rule": rule}


def test_compare_lists_changed_quotes_and_counts_rule_pairs() -> None:
    old = [_line("a.txt", [_q(1, "quote", None, "unattributed"), _q(9, "quote", "X", "cue-after")])]
    new = [_line("a.txt", [_q(1, "quote", "WSJ", "source-lead"), _q(9, "quote", "X", "cue-after")])]
    out = dump.compare(old, new)
    assert out[0] == "a.txt @1 'words': quote/None/unattributed → quote/WSJ/source-lead"
    assert out[1].split() == ["1", "unattributed", "→", "source-lead"]
    assert len(out) == 2


def test_compare_of_identical_dumps_is_empty() -> None:
    lines = [_line("a.txt", [_q(1, "scare", None, "scare-term")])]
    assert dump.compare(lines, lines) == []
