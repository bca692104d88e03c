"""Run the verdict engine over labelled verdict sets and score each.

    python benchmarks/verdicts.py fixtures/verdicts fixtures/verdicts-realworld [--json]

For every case in ``cases.jsonl``: load its source with
``quoteverify.sources.load_source`` (front matter stripped, title kept),
``prepare_source`` once per source, build the ``Quote`` (with its ``Speaker``)
and ``judge`` it.  For every set: exact accuracy, pass/fail agreement
(verbatim / minor / elided pass, every other verdict fails), UNSAFE passes
(expected to fail, reported as passing; target 0), false alarms (expected to
pass, reported as failing), the confusion matrix (expected × got) as Markdown,
then every error with its id, rule, expected, got and the engine's notes.
Several roots are scored in one run, each in its own section.

A report, not a gate: always exits 0 (tests/test_verdict_sets.py is the gate).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, get_args

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quoteverify.models import PASSING_VERDICTS, Verdict  # noqa: E402 - after the path is set

VERDICTS = get_args(Verdict)  # the model's list, best first
# Pass/fail as the default ``--fail-on diverged`` sees it.  ``unverifiable``
# neither passes nor is a finding about the words: it counts as "fail" for the
# agreement (the quote was not confirmed) but never as an unsafe pass.
SAFE = PASSING_VERDICTS
UNSAFE_EXPECTED = {"diverged", "stitched", "misattributed", "not_found"}


def load_cases(root: Path) -> list[dict[str, Any]]:
    with (root / "cases.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def is_unsafe(expected: str, got: str | None) -> bool:
    return expected in UNSAFE_EXPECTED and got in SAFE


def is_false_alarm(expected: str, got: str | None) -> bool:
    """A faithful quote (expected to pass) reported as failing."""
    return expected in SAFE and got not in SAFE


def passes(verdict: str | None) -> bool:
    return verdict in SAFE


def run(root: Path) -> dict[str, Any]:
    from quoteverify.align import prepare_source
    from quoteverify.models import Quote, Speaker, note_code
    from quoteverify.sources import load_source
    from quoteverify.verdict import judge

    cases = load_cases(root)
    prepared: dict[str, Any] = {}
    t0 = time.perf_counter()
    for rel in sorted({c["source"] for c in cases}):
        src = load_source(str(root / rel))
        if src.status != "ok":
            raise SystemExit(f"{rel}: {src.error}")
        prepared[rel] = prepare_source(src)
    t_prep = time.perf_counter() - t0

    rows: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for c in cases:
        text = c["quote"]
        speaker = None
        if c.get("speaker"):
            name = c["speaker"]
            speaker = Speaker(
                name=name,
                mention=name.split()[-1],
                start=0,
                end=0,
                type="person",
                title=c.get("speaker_title"),
            )
        quote = Quote(
            id=c["id"], text=text, start=0, end=len(text), kind=c["kind"], speaker=speaker
        )
        try:
            res = judge(quote, [prepared[c["source"]]])
            got: str | None = res.verdict
            notes = [(note_code(n), str(n)) for n in res.notes]
            score = res.score
            line = res.match.line if res.match else None
        except Exception as exc:  # a crash is an error like any other
            got, notes, score, line = (
                "error",
                [("error", f"{type(exc).__name__}: {exc}")],
                None,
                None,
            )
        rows.append(
            {
                "id": c["id"],
                "rule": c["rule"],
                "expected": c["expected"],
                "got": got,
                "ok": got == c["expected"],
                "unsafe": is_unsafe(c["expected"], got),
                "false_alarm": is_false_alarm(c["expected"], got),
                "agree": passes(c["expected"]) == passes(got),
                "score": score,
                "line": line,
                "notes": notes,
                "quote": text,
                "speaker": c.get("speaker"),
            }
        )
    t_judge = time.perf_counter() - t0

    n = len(rows)
    correct = sum(r["ok"] for r in rows)
    confusion: dict[str, dict[str, int]] = {}
    for r in rows:
        confusion.setdefault(r["expected"], Counter())[r["got"] or "None"] += 1
    pairs = Counter((r["expected"], r["got"]) for r in rows if not r["ok"])
    return {
        "root": str(root),
        "cases": n,
        "correct": correct,
        # Every case's result (verdict and notes): what tests check the notes
        # against the verdict with, and what two runs are compared by.
        "rows": rows,
        "accuracy": correct / n if n else 0.0,
        "agreement": sum(r["agree"] for r in rows) / n if n else 0.0,
        "agreed": sum(r["agree"] for r in rows),
        "unsafe": sum(r["unsafe"] for r in rows),
        "false_alarms": sum(r["false_alarm"] for r in rows),
        "confusion": {k: dict(v) for k, v in confusion.items()},
        "commonest_confusions": [
            {"expected": e, "got": g, "count": k} for (e, g), k in pairs.most_common()
        ],
        "per_rule": _per_rule(rows),
        "seconds": {"prepare": round(t_prep, 3), "judge": round(t_judge, 3)},
        "errors": [r for r in rows if not r["ok"]],
    }


def _per_rule(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for r in rows:
        d = out.setdefault(r["rule"], {"cases": 0, "correct": 0})
        d["cases"] += 1
        d["correct"] += int(r["ok"])
    return out


def markdown(rep: dict[str, Any]) -> str:
    got_cols = list(VERDICTS)
    for row in rep["confusion"].values():
        for g in row:
            if g not in got_cols:
                got_cols.append(g)
    lines = [
        f"## Verdict set `{rep.get('root', 'fixtures/verdicts')}`",
        "",
        f"{rep['cases']} cases · exact **{rep['accuracy']:.1%}** "
        f"({rep['correct']}/{rep['cases']}) · pass/fail agreement **{rep['agreement']:.1%}** "
        f"({rep['agreed']}/{rep['cases']}) · UNSAFE passes **{rep['unsafe']}** (target 0) · "
        f"false alarms **{rep['false_alarms']}** · "
        f"prepare {rep['seconds']['prepare']} s, judge {rep['seconds']['judge']} s",
        "",
        "### Confusion (rows: expected, columns: got)",
        "",
        "| expected \\ got | " + " | ".join(got_cols) + " | total |",
        "|---|" + "---:|" * (len(got_cols) + 1),
    ]
    rows = [v for v in VERDICTS if v in rep["confusion"]]
    rows += [e for e in rep["confusion"] if e not in VERDICTS]
    for e in rows:
        row = rep["confusion"].get(e, {})
        cells = [f"**{row.get(g, 0)}**" if g == e else str(row.get(g, 0) or "·") for g in got_cols]
        lines.append(f"| {e} | " + " | ".join(cells) + f" | {sum(row.values())} |")
    lines += ["", "### Per rule", "", "| rule | correct | cases |", "|---|---:|---:|"]
    by_rate = sorted(rep["per_rule"].items(), key=lambda kv: kv[1]["correct"] / kv[1]["cases"])
    for rule, d in by_rate:
        lines.append(f"| {rule} | {d['correct']} | {d['cases']} |")
    lines += ["", f"### Errors ({len(rep['errors'])})", ""]
    if not rep["errors"]:
        lines.append("none")
    for r in rep["errors"]:
        flag = " **UNSAFE**" if r["unsafe"] else (" (false alarm)" if r["false_alarm"] else "")
        notes = "; ".join(f"[{c}] {t}" for c, t in r["notes"]) or "-"
        quote = r["quote"] if len(r["quote"]) <= 110 else r["quote"][:107] + "..."
        lines.append(
            f"- `{r['id']}` ({r['rule']}): expected {r['expected']}, got "
            f"{r['got']}{flag} — score {r['score']}, line {r['line']} — notes: {notes}"
            f"\n  - “{quote}” ({r['speaker']})"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("roots", nargs="*", default=[Path("fixtures/verdicts")], type=Path)
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    args = ap.parse_args(argv)
    reps = []
    for root in args.roots:
        if not (root / "cases.jsonl").is_file():
            print(f"error: {root}: no cases.jsonl there", file=sys.stderr)
            return 2
        try:
            reps.append(run(root))
        except ImportError as exc:
            msg = f"engine not importable: {exc}"
            print(json.dumps({"error": msg}) if args.json else msg)
            return 0
    if args.json:
        out: Any = reps[0] if len(reps) == 1 else reps
        print(json.dumps(out, indent=1, ensure_ascii=False))
    else:
        if len(reps) > 1:
            print(summary_table(reps) + "\n")
        print("\n\n".join(markdown(r) for r in reps))
    return 0


def summary_table(reps: list[dict[str, Any]]) -> str:
    """One line per set: the figures the issue's targets are stated in."""
    lines = [
        "| set | cases | exact | pass/fail | unsafe | false alarms |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in reps:
        lines.append(
            f"| {r['root']} | {r['cases']} | {r['accuracy']:.1%} | {r['agreement']:.1%} "
            f"| {r['unsafe']} | {r['false_alarms']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
