"""Smoke test of benchmarks/fetch.py, scaled down (10 sources, 50 ms each)."""

from __future__ import annotations

import json

import pytest

from .conftest import ROOT, load_script

bench = load_script("benchmark_fetch", ROOT / "benchmarks" / "fetch.py")


def test_benchmark_runs_and_meets_its_targets(capsys: pytest.CaptureFixture[str]) -> None:
    # The wall-time goal is the benchmark's business, not this smoke test's: a
    # generous --target keeps a busy machine from failing it.
    rc = bench.main(
        ["--sources", "10", "--latency", "0.05", "--per-host", "10", "--target", "30", "--json"]
    )
    report = json.loads(capsys.readouterr().out)
    assert rc == 0, report
    assert report["ok"] and report["targets"] and all(t["ok"] for t in report["targets"])
    assert report["config"]["per_host"] == 10
    assert report["cold"] == {**report["cold"], "ok": 10, "full_responses": 10}
    # Revalidated, not refetched: 304s only, and nothing at all when fresh enough.
    assert report["warm"]["full_responses"] == 0 and report["warm"]["not_modified"] == 10
    assert report["fresh"]["requests"] == 0 and report["fresh"]["ok"] == 10
    # Sequential is 10 x 50 ms at least; ten at once take about two latencies.
    assert report["baseline_sequential"]["wall_s"] >= 0.5
    assert report["baseline_sequential"]["ratio"] > 1
    assert report["baseline_default_limits"]["ok"] == 10
    md = bench.render_markdown(report)
    assert "| figure | value | target | status |" in md and md.count("PASS") == 2
    assert "politeness defaults are 8 in total, 2 per host" in md


def test_missed_target_exits_non_zero(capsys: pytest.CaptureFixture[str]) -> None:
    rc = bench.main(
        ["--sources", "4", "--latency", "0.05", "--target", "0.01", "--no-polite-baseline"]
    )
    assert rc == 1
    assert "MISS" in capsys.readouterr().out
