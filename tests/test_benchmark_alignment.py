"""Smoke test of benchmarks/alignment.py on a tiny synthetic transcript corpus."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from .conftest import ROOT, load_script

bench = load_script("benchmark_alignment", ROOT / "benchmarks" / "alignment.py")

_LABELS = ["THE PRESIDENT", "MS. ALVAREZ", "SECRETARY OKONKWO", "Q"]


def _vocab(rng: random.Random) -> list[str]:
    syll = ["ka", "lo", "mi", "ren", "tu", "sa", "vor", "el", "din", "pa", "qui", "zo", "ber", "na"]
    words = {"".join(rng.choice(syll) for _ in range(rng.randint(2, 3))) for _ in range(900)}
    return sorted(words)


def _transcript(rng: random.Random, vocab: list[str], n_turns: int, k: int) -> str:
    lines = [
        "---",
        f"title: 'Synthetic briefing {k}'",
        "date: '2024-01-01'",
        f"source_url: https://example.org/{k}",
        "---",
        "",
        "The Briefing Room",
        "",
        "11:02 A.M. EDT",
        "",
    ]
    for t in range(n_turns):
        label = _LABELS[t % len(_LABELS)]
        sentences = []
        for _ in range(rng.randint(3, 6)):
            words = [rng.choice(vocab) for _ in range(rng.randint(8, 18))]
            sentences.append(" ".join(words).capitalize() + ".")
        if rng.random() < 0.3:
            sentences.append("(Applause.)")
        sep = "    " if label == "Q" else ":  "
        lines += [label + sep + "  ".join(sentences), ""]
    lines += ["END 11:40 A.M. EDT", ""]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("wh")
    rng = random.Random(3)
    vocab = _vocab(rng)
    for k in range(8):
        sub = root / ("press-briefings" if k % 2 else "speeches-remarks") / "2024-01"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"2024-01-0{k + 1}-briefing-{k}.md").write_text(
            _transcript(rng, vocab, 10, k), encoding="utf-8"
        )
    return root


@pytest.fixture(scope="module")
def report(corpus_dir: Path) -> dict:
    return bench.run_benchmark(corpus_dir, size_mb=0.012, n_quotes=16, seed=5, baseline_quotes=6)


def test_source_strips_front_matter_and_keeps_out_excluded(corpus_dir: Path) -> None:
    files = bench.list_transcripts(corpus_dir)
    assert len(files) == 8
    corpus = bench.build_source(files, 0.012, random.Random(5))
    assert "source_url:" not in corpus.text and "---" not in corpus.text
    assert 0.012 <= corpus.mb < 0.02
    assert 0 < len(corpus.docs) < len(files)
    assert len(corpus.docs) + len(corpus.excluded) == len(files)


def test_quotes_are_drawn_from_speech_with_true_spans(corpus_dir: Path) -> None:
    files = bench.list_transcripts(corpus_dir)
    corpus = bench.build_source(files, 0.012, random.Random(5))
    quotes = bench.generate_quotes(corpus, 16, random.Random(9))
    cats = {q.category for q in quotes}
    assert cats == set(bench.CATEGORIES)
    index = bench.KeyIndex(corpus.text)
    for q in quotes:
        assert "(Applause" not in q.text and "THE PRESIDENT:" not in q.text
        if q.category == "absent":
            assert q.truth == []
            keys = [k for k, _, _ in bench.word_keys(q.text)]
            assert index.occurrences(keys) == []
            continue
        for part in q.truth:
            s, e = part[0]
            assert 0 <= s < e <= len(corpus.text)
        if q.edit_fraction == 0 and q.category != "stitched":
            s, e = q.truth[0][0]
            assert " ".join(corpus.text[s:e].split()) == q.text
        if q.category == "stitched":
            (a0, a1), (b0, b1) = q.truth[0][0], q.truth[1][0]
            assert b0 - a1 >= bench.STITCH_MIN_DISTANCE or a0 - b1 >= bench.STITCH_MIN_DISTANCE
    # Same seed, same quotes.
    again = bench.generate_quotes(corpus, 16, random.Random(9))
    assert [q.text for q in again] == [q.text for q in quotes]


def test_apply_edits_counts_word_distance() -> None:
    rng = random.Random(1)
    words = "we will keep working with our partners on this every single day".split()
    out, dist = bench.apply_edits(words, 0, rng, ["alpha"])
    assert out == words and dist == 0
    out, dist = bench.apply_edits(words, 6, rng, ["alpha", "beta", "gamma"], max_dist=3)
    assert 1 <= dist <= 3 and out != words
    out, dist = bench.apply_edits(words, 1, rng, ["alpha"], ops=("swap",))
    assert dist == 2 and sorted(out) == sorted(words)


def test_exact_quotes_are_found_by_every_method(corpus_dir: Path) -> None:
    files = bench.list_transcripts(corpus_dir)
    corpus = bench.build_source(files, 0.012, random.Random(5))
    maker = bench.QuoteMaker(corpus, random.Random(2))
    quotes = []
    for i, n in enumerate((6, 15, 30)):
        spans = maker.passage(n)
        assert spans is not None
        text = " ".join(maker.words_of(spans))
        quotes.append(bench.BenchQuote(f"x{i}", "light", text, n, 0.0, [maker.truth_of(spans)]))
    engine = bench.run_engine(corpus.text, quotes)
    assert engine.error is None, engine.error
    for q in quotes:
        o = engine.outcomes[q.id]
        assert o.verdict == "verbatim", (q.text, o.verdict, o.notes)
        assert bench.best_iou(o.spans, q.truth) >= 0.9
    for run in (bench.run_rapidfuzz(corpus.text, quotes), bench.run_difflib(corpus.text, quotes)):
        for q in quotes:
            o = run.outcomes[q.id]
            assert o.found and bench.best_iou(o.spans, q.truth) >= 0.9, (run.name, q.text)


def test_report_structure(report: dict) -> None:
    assert report["engine_error"] is None
    assert set(report["quote_counts"]) == set(bench.CATEGORIES)
    assert sum(report["quote_counts"].values()) == 16
    assert report["source"]["mb"] >= 0.012
    names = [t["name"] for t in report["targets"]]
    assert len(names) == 9 and any("stitched recall" in n for n in names)
    assert any("LOCATE only" in n for n in names)  # like-for-like speed vs rapidfuzz
    for t in report["targets"]:
        assert set(t) >= {"name", "value", "op", "goal", "ok"}
        assert t["ok"] in (True, False, None)
    eng = report["engine"]
    for key in (
        "setup_s_per_mb",
        "ms_median_per_mb",
        "ms_p90_per_mb",
        "ms_p99_per_mb",
        "long_light_right_pct",
        "absent_found",
        "stitched_recall_pct",
        "false_split_pct",
    ):
        assert key in eng
    assert eng["quotes"] == 16 and eng["errors"] == 0
    assert report["baselines"]["rapidfuzz"]["quotes"] == report["config"]["baseline_quotes"] <= 8
    assert report["baselines"]["difflib"]["quotes"] == report["config"]["baseline_quotes"]
    json.dumps(report)  # machine output is serialisable
    md = bench.render_markdown(report)
    assert "| figure | engine | target | status | note |" in md
    assert md.count("PASS") + md.count("MISS") + md.count("n/a") >= 9
    assert "engine LOCATE only" in md and "no diff, no verdict" in md


def test_report_exact_quotes_verbatim_and_right(report: dict) -> None:
    rows = [
        r
        for r in report["quotes_detail"]
        if r["category"] in ("light", "short") and r["edit_fraction"] == 0
    ]
    assert rows, "the tiny run should hold at least one exact quote"
    for r in rows:
        assert r["engine"]["verdict"] == "verbatim", r
        assert r["engine"]["iou"] >= 0.9, r
    present = [r for r in report["quotes_detail"] if r["category"] != "absent"]
    assert present and all(r["engine"]["iou"] is not None for r in present)


def test_main_json(corpus_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = bench.main(
        [
            str(corpus_dir),
            "--size-mb",
            "0.012",
            "--quotes",
            "10",
            "--seed",
            "1",
            "--baseline-quotes",
            "3",
            "--json",
        ]
    )
    assert rc == 0
    out = json.loads(capsys.readouterr().out)
    assert out["config"]["seed"] == 1 and len(out["quotes_detail"]) == 10
