"""How judging grows with the source and with the number of quotes.

    python benchmarks/scaling.py /tmp/wh [--sizes 1 4 16] [--quotes 10 100 1000]
                                         [--repeat 5] [--rf-quotes 5] [--no-speaker]

For each source size (MB of White House transcripts, built as the alignment
benchmark builds them) and each number of quotes (exact, lightly edited,
heavily edited and absent, in equal shares), every quote is judged
``--repeat`` times; figures are CPU seconds (``time.process_time``) with
wall time beside them, min / median / max over the repeats, so that a busy
shared machine cannot flip a result.  Printed:

* per size: preparation CPU, peak memory per source byte (a child process
  that prepares the source, against one that only reads it), and per
  category the median CPU per quote;
* the baseline measured in the same run: rapidfuzz ``partial_ratio_alignment``
  of the quote against the whole document (what a fuzzy-search user would
  do), per quote, and the whole audit of 300 quotes (prepare + judge) as a
  ratio to it;
* fitted growth exponents: per-quote cost against source size (per
  category; target <= 0.15) and total cost against the number of quotes.

Quotes carry a named speaker that no turn label of the source names (the
speaker checks then read every label: the slow case before labels were
remembered per source); ``--no-speaker`` leaves them anonymous.
"""

from __future__ import annotations

import argparse
import math
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import alignment as bench  # noqa: E402

from quoteverify.align import prepare_source  # noqa: E402
from quoteverify.models import Quote, Source, Speaker  # noqa: E402
from quoteverify.verdict import judge  # noqa: E402

CATEGORIES = ("exact", "light", "heavy", "absent")
SPEAKER = Speaker(name="Jane Doe", mention="Jane Doe", start=0, end=0, type="person")


def _stats(xs: Sequence[float]) -> tuple[float, float, float]:
    return min(xs), statistics.median(xs), max(xs)


def _fmt3(xs: Sequence[float], scale: float = 1.0, unit: str = "") -> str:
    lo, med, hi = _stats(xs)
    return f"{med * scale:.3g}{unit} [{lo * scale:.3g}–{hi * scale:.3g}]"


def _timed(fn: Callable[[], object], repeat: int) -> tuple[list[float], list[float]]:
    """CPU and wall seconds of ``repeat`` calls of ``fn``."""
    cpu, wall = [], []
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return cpu, wall


def make_quotes(corpus: bench.Corpus, n: int, seed: int) -> list[tuple[str, str]]:
    """``n`` (category, text) pairs, the four categories in turn."""
    rng = random.Random(seed)
    made = bench.generate_quotes(corpus, max(40, n * 2), rng)
    pools: dict[str, list[str]] = {c: [] for c in CATEGORIES}
    for q in made:
        if q.category == "light":
            pools["exact"].append(q.passage)  # the unedited words: verbatim
            pools["light"].append(q.text)
        elif q.category in ("heavy", "absent"):
            pools[q.category].append(q.text)
    out: list[tuple[str, str]] = []
    i = 0
    while len(out) < n:
        cat = CATEGORIES[i % len(CATEGORIES)]
        pool = pools[cat]
        if pool:
            out.append((cat, pool[(i // len(CATEGORIES)) % len(pool)]))
        i += 1
    return out


def peak_bytes_per_source_byte(text_path: Path) -> float:
    """(peak RSS preparing - peak RSS only reading) / source bytes, in children.

    The peak is the child's own ``VmHWM`` where Linux reports it: a child's
    ``ru_maxrss`` starts at the peak of the process it was forked from, so
    once this benchmark itself had grown past the child's real peak (at the
    larger sizes) both children read the parent's figure and the difference
    shrank (16 MB: 18.1 reported for a true 38.5).
    """
    code = (
        "import sys, resource\n"
        "from quoteverify.models import Source\n"
        "from quoteverify.align import prepare_source\n"
        "t = open(sys.argv[1], encoding='utf-8').read()\n"
        "if sys.argv[2] == '1':\n"
        "    ps = prepare_source(Source(ref='b', status='ok', text=t, title='b'))\n"
        "try:\n"
        "    with open('/proc/self/status') as fh:\n"
        "        hwm = [x for x in fh if x.startswith('VmHWM:')][0].split()[1]\n"
        "except (OSError, IndexError):\n"
        "    hwm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(hwm)\n"
    )
    peaks = []
    for prep in ("0", "1"):
        out = subprocess.run(
            [sys.executable, "-c", code, str(text_path), prep],
            capture_output=True,
            text=True,
            check=True,
        )
        peaks.append(int(out.stdout.split()[-1]) * 1024)  # KiB on Linux
    size = text_path.stat().st_size
    return (peaks[1] - peaks[0]) / size


def fit_exponent(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Least-squares slope of log y against log x."""
    lx = [math.log(x) for x in xs]
    ly = [math.log(max(y, 1e-9)) for y in ys]
    mx, my = statistics.fmean(lx), statistics.fmean(ly)
    den = sum((a - mx) ** 2 for a in lx)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / den if den else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--sizes", type=float, nargs="+", default=[1.0, 4.0, 16.0])
    ap.add_argument("--quotes", type=int, nargs="+", default=[10, 100, 1000])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rf-quotes", type=int, default=5, help="quotes timed with rapidfuzz")
    ap.add_argument("--audit-quotes", type=int, default=300)
    ap.add_argument("--no-speaker", action="store_true")
    args = ap.parse_args(argv)
    speaker = None if args.no_speaker else SPEAKER
    files = bench.list_transcripts(args.corpus)
    per_cat: dict[str, list[float]] = {c: [] for c in CATEGORIES}
    per_quote_all: list[float] = []
    by_n: dict[float, list[tuple[int, float]]] = {}
    print(f"repeat {args.repeat}; CPU seconds (process_time), median [min–max]; wall beside")
    for mb in args.sizes:
        corpus = bench.build_source(files, mb, random.Random(7))
        text = corpus.text
        source = Source(ref="bench", status="ok", text=text, title="benchmark source")
        nbytes = len(text.encode("utf-8"))
        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            mem = peak_bytes_per_source_byte(Path(fh.name))
        prep_cpu, prep_wall = _timed(lambda s=source: prepare_source(s), 1)
        ps = prepare_source(source)
        print(
            f"\n== {nbytes / 1e6:.1f} MB, {ps.n_tokens:,} tokens, {len(ps.turns):,} turns: "
            f"prepare {prep_cpu[0]:.2f} s CPU ({prep_wall[0]:.2f} s wall); "
            f"peak memory {mem:.1f} bytes per source byte"
        )
        quotes = make_quotes(corpus, max(args.quotes), seed=11)

        def q(i: int, text: str) -> Quote:
            return Quote(f"q{i}", text, start=0, end=len(text), kind="quote", speaker=speaker)

        qs = [(cat, q(i, t)) for i, (cat, t) in enumerate(quotes)]
        # Per quote: min CPU over the repeats (one figure per quote).
        one: dict[int, float] = {}
        for i, (_, qq) in enumerate(qs[: max(args.quotes)]):
            cpu, _ = _timed(lambda qq=qq, ps=ps: judge(qq, [ps]), args.repeat if i < 200 else 1)
            one[i] = min(cpu)
        for cat in CATEGORIES:
            xs = [one[i] for i, (c, _) in enumerate(qs) if c == cat and i in one]
            per_cat[cat].append(statistics.median(xs))
            print(f"  {cat:7s} per quote: {_fmt3(xs, 1000, ' ms')} (n={len(xs)}, median [min–max])")
        per_quote_all.append(statistics.median(one.values()))
        for n in args.quotes:
            batch = [qq for _, qq in qs[:n]]
            cpu, wall = _timed(lambda b=batch, ps=ps: [judge(x, [ps]) for x in b], args.repeat)
            by_n.setdefault(mb, []).append((n, statistics.median(cpu)))
            print(f"  {n:5d} quotes: CPU {_fmt3(cpu, 1, ' s')}, wall {_fmt3(wall, 1, ' s')}")
        # Baseline, same run: rapidfuzz over the whole document.
        doc, _ = bench.normalise_chars(text)
        rf_q = [bench.normalise_chars(t)[0].strip() for _, t in quotes[: args.rf_quotes]]
        rf_cpu, rf_wall = _timed(
            lambda doc=doc, rf_q=rf_q: [bench.fuzz.partial_ratio_alignment(x, doc) for x in rf_q],
            args.repeat,
        )
        rf_per = [c / len(rf_q) for c in rf_cpu]
        eng_per = statistics.median(one.values())
        print(
            f"  baseline rapidfuzz whole-document per quote: CPU {_fmt3(rf_per, 1000, ' ms')} "
            f"(wall {_fmt3([w / len(rf_q) for w in rf_wall], 1000, ' ms')}); "
            f"engine median per quote {eng_per * 1000:.3g} ms: "
            f"{statistics.median(rf_per) / eng_per:.1f}x faster"
        )
        na = args.audit_quotes
        audit_batch = [qq for _, qq in qs[:na]]
        au_cpu = []
        for _ in range(args.repeat):
            c0 = time.process_time()
            for x in audit_batch:
                judge(x, [ps])
            au_cpu.append(time.process_time() - c0 + prep_cpu[0])
        rf_audit = statistics.median(rf_per) * len(audit_batch)
        print(
            f"  whole audit of {len(audit_batch)} quotes (prepare + judge): CPU "
            f"{_fmt3(au_cpu, 1, ' s')}; rapidfuzz {rf_audit:.2f} s: "
            f"{rf_audit / statistics.median(au_cpu):.1f}x faster"
        )
    if len(args.sizes) > 1:
        print("\n== growth exponents (per-quote median CPU against source size)")
        for cat in CATEGORIES:
            e = fit_exponent(args.sizes, per_cat[cat])
            ms = ", ".join(f"{v * 1000:.3g}" for v in per_cat[cat])
            print(f"  {cat:7s}: {e:+.3f} (ms at {args.sizes} MB: {ms})")
        e_all = fit_exponent(args.sizes, per_quote_all)
        print(f"  all    : {e_all:+.3f} (target <= 0.15: {'met' if e_all <= 0.15 else 'MISSED'})")
    if len(args.quotes) > 1:
        print("== growth exponents (total CPU against number of quotes)")
        for mb, pts in by_n.items():
            e = fit_exponent([n for n, _ in pts], [t for _, t in pts])
            print(f"  {mb:g} MB: {e:+.3f}")
    print(
        f"\npeak RSS of this process: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
