"""Check that a change to the alignment engine leaves every judgement unchanged.

    python benchmarks/judge_equivalence.py dump OUT.json [--corpus /tmp/wh_qv]
                                               [--engine-root DIR] [--repeat N]
    python benchmarks/judge_equivalence.py diff BEFORE.json AFTER.json

``dump`` runs ``judge`` (and ``align.locate``) on the alignment benchmark's
quotes (seeds 7 and 11, 200 each, over the same 1 MB source the benchmark
builds) and on every case of fixtures/verdicts, verdicts-heldout and
verdicts-heldout2,
and writes each result in full: verdict, score, match span / parts / line /
speaker / text, diff ops, notes, per-source scores.  ``--engine-root`` puts
another copy of the ``quoteverify`` package first on the path (a snapshot
taken before the change), so both sides run on one machine with one script.
``--repeat N`` also times every benchmark quote best-of-N (``judge`` and
``locate``): a shared, noisy machine spoils single timings, and best-of-N per
quote compares old and new far more steadily.

``diff`` prints every quote whose result differs, and the timing summaries.
Exit status 1 when any result differs.
"""

from __future__ import annotations

import argparse
import importlib
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ("fixtures/verdicts", "fixtures/verdicts-heldout", "fixtures/verdicts-heldout2")
SEEDS = (7, 11)


def _result(res: Any) -> dict[str, Any]:
    m = res.match
    return {
        "verdict": res.verdict,
        "score": res.score,
        "match": None
        if m is None
        else {
            "start": m.start,
            "end": m.end,
            "parts": [list(p) for p in m.parts],
            "line": m.line,
            "speaker": m.speaker,
            "text": m.text,
            "score": m.score,
            "before": m.context_before,
            "after": m.context_after,
        },
        "diff": [[o.op, o.quote, o.source, list(o.flags)] for o in res.diff],
        "notes": list(res.notes),
        "source_scores": [list(s) for s in res.source_scores],
    }


def _best_ms(fn: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1000


def dump(out: Path, corpus: Path, repeat: int) -> None:
    import random

    import quoteverify
    from quoteverify.align import locate, prepare_source
    from quoteverify.models import Quote, Source, Speaker
    from quoteverify.sources import load_source
    from quoteverify.verdict import judge

    # Imported after the engine: it puts this repository first on sys.path,
    # which must not replace the --engine-root copy already loaded.
    bench = importlib.import_module("alignment")  # benchmarks/alignment.py

    print(f"engine: {Path(quoteverify.__file__).parent}")

    results: dict[str, Any] = {}
    timings: dict[str, dict[str, float]] = {}
    mb = 0.0
    for seed in SEEDS:
        rng = random.Random(seed)
        corp = bench.build_source(bench.list_transcripts(corpus), 1.0, rng)
        mb = corp.mb
        quotes = bench.generate_quotes(corp, 200, rng)
        ps = prepare_source(Source(ref="benchmark", status="ok", text=corp.text, title="b"))
        for bq in quotes:
            q = Quote(bq.id, bq.text, start=0, end=len(bq.text), kind="quote", speaker=None)
            key = f"bench{seed}/{bq.id}/{bq.category}"
            t0 = time.perf_counter()
            res = judge(q, [ps])
            cold = (time.perf_counter() - t0) * 1000  # first call, as the benchmark times it
            loc = locate(ps, bq.text)
            results[key] = {
                "judge": _result(res),
                "locate": None
                if loc is None
                else [loc.start, loc.end, loc.score, list(loc.tokens)],
            }
            if repeat > 0:
                timings[key] = {
                    "cold": cold,
                    "judge": _best_ms(lambda q=q, ps=ps: judge(q, [ps]), repeat),
                    "locate": _best_ms(lambda t=bq.text, ps=ps: locate(ps, t), repeat),
                }
    for root in FIXTURES:
        base = ROOT / root
        if not (base / "cases.jsonl").exists():
            continue
        cases = [json.loads(x) for x in (base / "cases.jsonl").read_text().splitlines() if x]
        prepared: dict[str, Any] = {}
        for c in cases:
            if c["source"] not in prepared:
                prepared[c["source"]] = prepare_source(load_source(str(base / c["source"])))
            sp = None
            if c.get("speaker"):
                name = c["speaker"]
                sp = Speaker(name, name.split()[-1], 0, 0, "person", c.get("speaker_title"))
            q = Quote(c["id"], c["quote"], 0, len(c["quote"]), c["kind"], sp)
            results[f"{root}/{c['id']}"] = {"judge": _result(judge(q, [prepared[c["source"]]]))}
    out.write_text(json.dumps({"mb": mb, "results": results, "timings": timings}, indent=0))
    print(f"{len(results)} results written to {out}")


def _summary(t: dict[str, dict[str, float]], what: str, mb: float) -> str:
    xs = sorted(v[what] for v in t.values() if what in v)
    if not xs:
        return f"{what}: no timings"
    p99 = xs[min(len(xs) - 1, round(0.99 * (len(xs) - 1)))]
    return (
        f"{what}: median {statistics.median(xs) / mb:.3f} ms/MB, p90 "
        f"{xs[round(0.9 * (len(xs) - 1))] / mb:.3f}, p99 {p99 / mb:.3f}, max {xs[-1] / mb:.3f}, "
        f"total {sum(xs):.0f} ms"
    )


def diff(before: Path, after: Path) -> int:
    a = json.loads(before.read_text())
    b = json.loads(after.read_text())
    ra, rb = a["results"], b["results"]
    bad = 0
    for key in sorted(set(ra) | set(rb)):
        if ra.get(key) != rb.get(key):
            bad += 1
            print(f"DIFFERS {key}")
            for part in ("judge", "locate"):
                x = (ra.get(key) or {}).get(part)
                y = (rb.get(key) or {}).get(part)
                if x != y:
                    print(f"  {part} before: {json.dumps(x)[:600]}")
                    print(f"  {part} after:  {json.dumps(y)[:600]}")
    print(f"{len(ra)} vs {len(rb)} results; {bad} differ")
    for name, d in (("before", a), ("after", b)):
        if d["timings"]:
            for what in ("cold", "judge", "locate"):
                print(f"{name} {_summary(d['timings'], what, d['mb'])}")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--corpus", type=Path, default=Path("/tmp/wh_qv"))
    d.add_argument("--engine-root", type=Path, default=ROOT)
    d.add_argument("--repeat", type=int, default=0)
    c = sub.add_parser("diff")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "diff":
        return diff(args.before, args.after)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.path.insert(0, str(args.engine_root.resolve()))
    dump(args.out, args.corpus, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
