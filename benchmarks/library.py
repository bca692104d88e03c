"""Benchmark the source library on the White House transcripts corpus.

    mkdir -p /tmp/wh && tar xJf transcripts.tar.xz -C /tmp/wh  # the corpus: docs/EVIDENCE.md
    python benchmarks/library.py /tmp/wh [--quotes 200] [--absent 100] [--seed 1]
                                         [--limit-docs N] [--scale 4]

1. Index the corpus into a temporary library: CPU time (process_time), wall
   time, database size; beside it, a plain FTS5 insert of the same texts
   (the issue-15 baseline: ``library add`` ≤ 3× that), ``--repeat`` times,
   interleaved, so that each add has its own baseline measured next to it:
   CPU min / median / max of each and of the paired ratios.
2. Draw quotes of *known speakers and dates* (seeded): 12-40 consecutive
   words of one speaker's turn in a random transcript (or of an unlabelled
   speech, whose speaker is its author from the title), then 0-25 % of the
   words substituted, dropped or inserted, as a writer might.  The speaker is
   the label's surname ("SECRETARY BLINKEN" → "Blinken"), a role label
   resolved from the title ("Remarks by President Biden": THE PRESIDENT →
   "Biden"); anonymous and generic labels (MODERATOR, Q, SENIOR
   ADMINISTRATION OFFICIAL) are skipped.  The article's date is the
   transcript's day plus 0-3 days; lookups use a ±30-day window.
3. Look each up with ``Library.candidates(k=3, near=…, window=30)``: a hit is
   a candidate whose text is the right transcript's (same hash) or contains
   the passage verbatim (a transcript republished with a small difference).
   Target: ≥ 98 % in the top 3.
4. Absent speakers: ``--absent`` passages from the corpus attributed to
   people who never speak in it (checked against the whole library).
   Target: no candidate offered for any (each would be ``unverifiable``).
5. ``--scale 4``: the corpus added three more times with changed text (a
   marker line), so every document exists 4×: lookup median at 1× and 4×
   (issue 15: ≤ 5 ms at both).  Every quote is looked up ``--repeat`` times
   over: the CPU median of each pass, min / median / max over the passes, and
   the ratio 4× / 1×.

``QUOTEVERIFY_ENGINE_ROOT=DIR`` measures another copy of the package (a
worktree of the commit before a change) with this script.
``--add-against DIR`` measures step 1 only, for this copy and DIR's, in the
same invocation: ``--repeat`` rounds, each engine's add in a process of its
own beside its own plain FTS5 insert, the two engines alternating which goes
first; min / median / max of each and the ratio of the two engines' medians.
6. Baselines: the trigram-overlap score over *every* document, and
   rapidfuzz ``partial_ratio`` over every document for two quotes.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

sys.path.insert(
    0, os.environ.get("QUOTEVERIFY_ENGINE_ROOT") or str(Path(__file__).resolve().parents[1])
)

from quoteverify.align._transcript import (  # noqa: E402
    _ANONYMOUS,
    _OTHERS,
    label_person_words,
)
from quoteverify.library import (  # noqa: E402
    _LABEL,
    Library,
    content_hash,
    quote_ngrams,
    speaker_labels,
    words,
)
from quoteverify.library_people import Person, authors  # noqa: E402

WINDOW = 30
# People quoted in the news who do not speak in White House transcripts; each
# is checked against the library before use (a name that does speak is dropped).
ABSENT = (
    "Vladimir Putin", "Kassym-Jomart Tokayev", "Abzal Saparbekuly", "Sergei Lavrov",
    "Maria Zakharova", "Dmitry Peskov", "Recep Tayyip Erdogan", "Xi Jinping",
    "Wang Yi", "Narendra Modi", "Jair Bolsonaro", "Benjamin Netanyahu",
    "Viktor Orban", "Kim Jong Un", "Ali Khamenei", "Hassan Nasrallah",
    "Alexei Navalny", "Yevgeny Prigozhin", "Ramzan Kadyrov", "Alexander Lukashenko",
)  # fmt: skip

_STAGE = re.compile(r"\([A-Z][^()\n]{0,80}\)|\[[^\]\n]{0,40}\]")
_HOLDER = re.compile(r"(?<!Vice )President\s+(?:[A-Z][a-z.]+\s+){0,2}?([A-Z][\w'-]+)")
_FM = re.compile(r"\A---.*?\n---[ \t]*\n", re.S)


@dataclass
class Quote:
    text: str
    speaker: str | None
    truth_hash: str
    passage_norm: str  # the unedited words, normalised, for the duplicate check
    near: str | None = None  # the article's date


def turns(text: str) -> list[tuple[str, str]]:
    marks = list(_LABEL.finditer(text))
    out = []
    for m, nxt in zip(marks, [*marks[1:], None], strict=False):
        body = text[m.end() + 1 : nxt.start() if nxt else len(text)]
        out.append((" ".join(m.group(1).split()), body))
    return out


def who(label: str, title: str | None) -> str | None:
    """The known speaker of a turn, or None (anonymous, generic, unresolved role)."""
    if label in _OTHERS or label in _ANONYMOUS:
        return None
    if label == "THE PRESIDENT":
        m = _HOLDER.search(title or "")
        return m.group(1) if m else None
    if label.startswith("THE "):
        return None
    person = label_person_words(label)
    return person[-1].title() if person else None


def _edit(passage: list[str], vocab: list[str], rng: random.Random) -> list[str]:
    edited = list(passage)
    for _ in range(round(rng.uniform(0.0, 0.25) * len(passage))):
        op = rng.choice(("sub", "drop", "ins"))
        i = rng.randrange(len(edited))
        if op == "sub":
            edited[i] = rng.choice(vocab)
        elif op == "drop" and len(edited) > 6:
            del edited[i]
        else:
            edited.insert(i, rng.choice(vocab))
    return edited


def draw_quotes(
    lib: Library, docs: list[tuple[str, str | None]], n: int, rng: random.Random
) -> list[Quote]:
    """``docs``: (hash, day) of every document."""
    vocab: list[str] = []
    quotes: list[Quote] = []
    tries = 0
    while len(quotes) < n and tries < n * 50:
        tries += 1
        digest, day = rng.choice(docs)
        if day is None:
            continue
        src = lib.get_source(digest)
        text = src.text
        if speaker_labels(text):
            cands = [
                (who(label, src.title), _STAGE.sub(" ", body).split())
                for label, body in turns(text)
            ]
        else:  # an unlabelled speech or statement: its author's words
            wrote = authors(src.title, text)
            name = wrote[0].split()[-1] if wrote else None
            cands = [(name, _STAGE.sub(" ", _FM.sub("", text)).split())]
        cands = [(name, ws) for name, ws in cands if name and len(ws) >= 12]
        if not cands:
            continue
        name, ws = rng.choice(cands)
        if len(vocab) < 5000:
            vocab.extend(ws)
        if not vocab:
            continue
        length = rng.randint(12, min(40, len(ws)))
        start = rng.randint(0, len(ws) - length)
        passage = ws[start : start + length]
        edited = _edit(passage, vocab, rng)
        near = (dt.date.fromisoformat(day) + dt.timedelta(days=rng.randint(0, 3))).isoformat()
        norm = " " + " ".join(words(" ".join(passage))) + " "
        quotes.append(Quote(" ".join(edited), name, digest, norm, near))
    return quotes


def absent_quotes(lib: Library, quotes: list[Quote], n: int, rng: random.Random) -> list[Quote]:
    """Passages of the corpus attributed to people who never speak in it."""
    names = [a for a in ABSENT if not lib.documents_of(Person(a))]
    return [
        Quote(q.text, rng.choice(names), q.truth_hash, q.passage_norm, q.near)
        for q in rng.sample(quotes, min(n, len(quotes)))
    ]


def plain_fts(files: list[Path], db: Path) -> float:
    """CPU seconds to read the same files and insert their text into FTS5."""
    t = time.process_time()
    con = sqlite3.connect(str(db))
    con.execute("CREATE VIRTUAL TABLE t USING fts5(text)")
    with con:
        con.executemany("INSERT INTO t(text) VALUES (?)", ((f.read_text("utf-8"),) for f in files))
    con.close()
    return time.process_time() - t


def scale_up(lib: Library, factor: int) -> None:
    """Every document ``factor - 1`` more times, text changed (new hash, new ref)."""
    rows = lib._db.execute("SELECT hash, date, url FROM documents ORDER BY docid").fetchall()
    for copy in range(1, factor):
        for digest, date, url in rows:
            src = lib.get_source(digest)
            changed = replace(src, ref=f"{src.ref}#copy{copy}", text=f"{src.text}\n\ncopy {copy}\n")
            lib._add(changed, date=date, speakers=speaker_labels(src.text), url=url)
        # ``commit`` writes and merges the index (schema 3); older engines
        # (QUOTEVERIFY_ENGINE_ROOT) commit the connection.
        getattr(lib, "commit", lib._db.commit)()


CPU_MS: list[float] = []  # CPU ms of the last ``lookup`` call, per quote


def lookup(lib: Library, quotes: list[Quote]) -> tuple[list[float], list[list[str]]]:
    """Wall ms per quote and the candidates' hashes; CPU ms land in ``CPU_MS``
    (on a loaded machine wall time includes waiting for a core).  Each pass
    starts with the library's memos empty (term counts, speaker decisions,
    normalised texts), as a freshly opened library would: a repeated pass
    must not be measured on what the previous one left behind."""
    times, found = [], []
    CPU_MS.clear()
    for memo in ("_counts", "_speaks_memo", "_norm_cache"):
        getattr(lib, memo, {}).clear()
    for q in quotes:
        t, c = time.perf_counter(), time.process_time()
        cands = lib.candidates(q.text, q.speaker, k=3, near=q.near, window=WINDOW)
        times.append((time.perf_counter() - t) * 1000)
        CPU_MS.append((time.process_time() - c) * 1000)
        found.append([c.hash for c in cands])
    return times, found


def dump_lookups(lib: Library, quotes: list[Quote], out: TextIO, label: str) -> None:
    """Every candidate of each quote's lookup, all fields, as JSON lines
    (the benchmark's lookups, and without speaker and window)."""
    for n, q in enumerate(quotes):
        for speaker, near in ((q.speaker, q.near), (None, None)):
            cands = lib.candidates(q.text, speaker, k=3, near=near, window=WINDOW)
            row = {"set": label, "n": n, "speaker": speaker, "near": near}
            row["candidates"] = [dataclasses.asdict(c) for c in cands]
            out.write(json.dumps(row, sort_keys=True) + "\n")


def add_once(files: list[Path]) -> dict[str, float]:
    """CPU seconds of a plain FTS5 insert of ``files`` and of ``library add``
    of them, in this process."""
    with tempfile.TemporaryDirectory() as tmp:
        fts = plain_fts(files, Path(tmp) / "plain.sqlite")
        lib = Library(Path(tmp) / "library.sqlite")
        c = time.process_time()
        lib.add_paths([str(f) for f in files])
        add = time.process_time() - c
        lib.close()
    return {"add": add, "fts": fts}


def add_against(args: argparse.Namespace) -> int:
    """``--add-against``: this engine's add and DIR's, alternating."""
    here = os.environ.get("QUOTEVERIFY_ENGINE_ROOT") or str(Path(__file__).resolve().parents[1])
    engines = {"baseline": str(args.add_against), "this": here}
    got: dict[str, list[dict[str, float]]] = {name: [] for name in engines}
    cmd = [sys.executable, __file__, str(args.corpus), "--add-once"]
    if args.limit_docs:
        cmd += ["--limit-docs", str(args.limit_docs)]
    for i in range(args.repeat):
        order = list(engines) if i % 2 == 0 else list(reversed(engines))
        for name in order:
            env = {**os.environ, "QUOTEVERIFY_ENGINE_ROOT": engines[name]}
            out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
            got[name].append(json.loads(out.stdout.splitlines()[-1]))
            row = got[name][-1]
            print(f"  round {i + 1} {name}: add {row['add']:.2f} s CPU, plain FTS5 "
                  f"{row['fts']:.2f} s, ratio {row['add'] / row['fts']:.2f}×",
                  file=sys.stderr, flush=True)  # fmt: skip
    print()
    print(f"| {len(got['this'])} rounds | baseline ({args.add_against}) | this ({here}) |")
    print("| --- | --- | --- |")
    for label, f in (
        ("library add, CPU", lambda r: r["add"]),
        ("plain FTS5 insert, CPU", lambda r: r["fts"]),
        ("add ÷ plain FTS5 (paired)", lambda r: r["add"] / r["fts"]),
    ):
        unit = "×" if "÷" in label else "s"
        cells = [_mmm([f(r) for r in got[name]], unit) for name in engines]
        print(f"| {label}, min / median / max | {cells[0]} | {cells[1]} |")
    this_add = statistics.median(r["add"] for r in got["this"])
    base_add = statistics.median(r["add"] for r in got["baseline"])
    print(f"| add CPU median, this ÷ baseline | | {this_add / base_add:.2f} |")
    return 0


def _mmm(values: list[float], unit: str) -> str:
    """min / median / max, as every repeated figure is shown."""
    lo, mid, hi = min(values), statistics.median(values), max(values)
    return f"{lo:.2f} / {mid:.2f} / {hi:.2f} {unit}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("corpus", type=Path, help="unpacked transcripts folder")
    ap.add_argument("--quotes", type=int, default=200)
    ap.add_argument("--absent", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit-docs", type=int, default=None, help="index only the first N files")
    ap.add_argument("--baseline", type=int, default=20, help="quotes for the naive scan")
    ap.add_argument("--scale", type=int, default=1, help="also measure lookup at N× the corpus")
    ap.add_argument("--db", type=Path, default=None, help="keep the library here")
    ap.add_argument("--repeat", type=int, default=5, help="adds and lookup passes (≥ 5)")
    ap.add_argument(
        "--dump",
        type=Path,
        default=None,
        help="write every candidate of every lookup (1x, then --scale) here, one JSON "
        "line a lookup: run for two engines and compare the files (same candidates)",
    )
    ap.add_argument(
        "--add-against",
        type=Path,
        default=None,
        metavar="DIR",
        help="measure library add only, for this copy and DIR's (a worktree of the "
        "baseline), --repeat rounds in alternating processes",
    )
    ap.add_argument("--add-once", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.add_against:
        return add_against(args)

    files = sorted(f for f in args.corpus.rglob("*.md") if f.is_file())
    if args.limit_docs:
        files = files[: args.limit_docs]
    if args.add_once:
        print(json.dumps(add_once(files)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db_path = args.db or Path(tmp) / "library.sqlite"
        fts_cpu: list[float] = []
        add_cpu: list[float] = []
        for i in range(args.repeat):  # interleaved: a busy spell hits both
            fts_cpu.append(plain_fts(files, Path(tmp) / f"plain{i}.sqlite"))
            (Path(tmp) / f"plain{i}.sqlite").unlink()
            path = db_path if i == args.repeat - 1 else Path(tmp) / f"add{i}.sqlite"
            lib = Library(path)
            t0, c0 = time.perf_counter(), time.process_time()
            stats = lib.add_paths([str(f) for f in files])
            index_s = time.perf_counter() - t0
            add_cpu.append(time.process_time() - c0)
            print(f"  add {i + 1}: {add_cpu[-1]:.2f} s CPU, plain FTS5 {fts_cpu[-1]:.2f} s",
                  file=sys.stderr, flush=True)  # fmt: skip
            if path != db_path:
                lib.close()
                path.unlink()
        index_cpu = statistics.median(add_cpu)
        ratios = [a / b for a, b in zip(add_cpu, fts_cpu, strict=True)]
        size_mb = db_path.stat().st_size / 1e6
        docs = [tuple(r) for r in lib._db.execute("SELECT hash, day FROM documents ORDER BY hash")]
        hashes = [h for h, _ in docs]
        print(
            f"indexed {stats.files} files → {stats.added} documents "
            f"({stats.duplicates} duplicate texts, {len(stats.errors)} errors) "
            f"in {index_s:.1f} s ({index_cpu:.1f} s CPU), {size_mb:.1f} MB",
            file=sys.stderr,
        )

        rng = random.Random(args.seed)
        quotes = draw_quotes(lib, docs, args.quotes, rng)
        absent = absent_quotes(lib, quotes, args.absent, rng)

        def is_hit(q: Quote, cand_hashes: list[str]) -> bool:
            for h in cand_hashes:
                if h == q.truth_hash:
                    return True
                text = lib.get_source(h).text
                if content_hash(text) == q.truth_hash or q.passage_norm in (
                    " " + " ".join(words(text)) + " "
                ):
                    return True
            return False

        lookup(lib, quotes[:20])  # warm the page cache: the first figure is not a cold start
        passes: list[float] = []
        for _ in range(args.repeat):
            times, found = lookup(lib, quotes)
            passes.append(statistics.median(CPU_MS))
        cpu_med = statistics.median(passes)
        hits = sum(is_hit(q, f) for q, f in zip(quotes, found, strict=True))
        hits1 = sum(is_hit(q, f[:1]) for q, f in zip(quotes, found, strict=True))
        for q, f in zip(quotes, found, strict=True):
            if not is_hit(q, f):
                print(f"miss: {q.speaker} {q.near}: {q.text[:90]!r}", file=sys.stderr)
        absent_times, absent_found = lookup(lib, absent)
        offered = sum(bool(f) for f in absent_found)
        dump = args.dump.open("w", encoding="utf-8") if args.dump else None
        if dump:
            dump_lookups(lib, quotes + absent, dump, "1x")
        scaled_med = None
        if args.scale > 1:
            scale_up(lib, args.scale)
            if dump:
                dump_lookups(lib, quotes + absent, dump, f"{args.scale}x")
            lookup(lib, quotes[:20])
            scaled_passes: list[float] = []
            for _ in range(args.repeat):
                scaled_times, scaled_found = lookup(lib, quotes)
                scaled_passes.append(statistics.median(CPU_MS))
            scaled_med = statistics.median(scaled_times)
            scaled_cpu = statistics.median(scaled_passes)
            scaled_hits = sum(is_hit(q, f) for q, f in zip(quotes, scaled_found, strict=True))

        # Baseline: the re-ranking score, but over every document.
        t = time.perf_counter()
        normed = {h: " " + " ".join(words(lib.get_source(h).text)) + " " for h in hashes}
        prep_s = time.perf_counter() - t
        base_q = quotes[: args.baseline]
        base_times: list[float] = []
        base_hits = 0
        for q in base_q:
            t = time.perf_counter()
            grams = quote_ngrams(words(q.text))
            scored = sorted(
                ((sum(g in norm for g in grams), h) for h, norm in normed.items()), reverse=True
            )[:3]
            base_times.append((time.perf_counter() - t) * 1000)
            base_hits += is_hit(q, [h for _, h in scored])
        rf_ms = None
        try:
            from rapidfuzz import fuzz

            raw = [lib.get_source(h).text for h in hashes]
            rf_times = []
            for q in quotes[:2]:
                t = time.perf_counter()
                max(range(len(raw)), key=lambda i: fuzz.partial_ratio(q.text, raw[i]))
                rf_times.append((time.perf_counter() - t) * 1000)
            rf_ms = statistics.median(rf_times)
        except ImportError:
            pass
        lib.close()
        if dump:
            dump.close()

    n = len(quotes)
    med = statistics.median(times)
    p95 = sorted(times)[max(0, int(round(0.95 * n)) - 1)]
    base_med = statistics.median(base_times) if base_times else float("nan")
    print()
    print("| measure | value | target |")
    print("| --- | --- | --- |")
    print(
        f"| documents indexed | {stats.added} ({stats.files} files, "
        f"{stats.duplicates} duplicate texts) | |"
    )
    print(f"| library add, CPU min / median / max of {args.repeat} | {_mmm(add_cpu, 's')} | |")
    print(f"| plain FTS5 insert of the same files, same runs | {_mmm(fts_cpu, 's')} | |")
    print(f"| library add ÷ plain FTS5 insert (paired) | {_mmm(ratios, '×')} | ≤ 3× |")
    print(f"| database size | {size_mb:.1f} MB | |")
    print(f"| quotes of known speakers and dates (seed {args.seed}) | {n} | |")
    print(f"| right source in top 3 (±{WINDOW} days) | {100 * hits / n:.1f} % | ≥ 98 % |")
    print(f"| right source first | {100 * hits1 / n:.1f} % | |")
    print(f"| absent speakers: quotes with a candidate offered | {offered} of {len(absent)} | 0 |")
    print(f"| lookup median / p95 (1×), last pass | {med:.2f} / {p95:.2f} ms wall | |")
    print(
        f"| lookup CPU median (1×), min / median / max of {args.repeat} passes | "
        f"{_mmm(passes, 'ms')} | median ≤ 5 ms |"
    )
    print(f"| lookup median, absent speakers | {statistics.median(absent_times):.2f} ms | |")
    if scaled_med is not None:
        print(
            f"| lookup CPU median ({args.scale}×), min / median / max of {args.repeat} passes | "
            f"{_mmm(scaled_passes, 'ms')} ({scaled_med:.2f} ms wall); top 3 "
            f"{100 * scaled_hits / n:.1f} % | median ≤ 5 ms |"
        )
        print(f"| lookup CPU, {args.scale}× ÷ 1× (medians) | {scaled_cpu / cpu_med:.2f}× | |")
    print(
        f"| baseline: trigram scan of all docs ({len(base_q)} quotes) | "
        f"{base_med:.0f} ms median, top 3 {100 * base_hits / max(1, len(base_q)):.0f} % "
        f"(+{prep_s:.1f} s to load and normalise) | |"
    )
    if rf_ms is not None:
        print(f"| baseline: rapidfuzz partial_ratio scan (2 quotes) | {rf_ms:.0f} ms median | |")
    print(f"| speed-up vs trigram scan | {base_med / med:.0f}× | |")
    if rf_ms is not None:
        print(f"| speed-up vs partial_ratio scan | {rf_ms / med:.0f}× | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
