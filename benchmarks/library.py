"""Benchmark the source library on the White House transcripts corpus.

    mkdir -p /tmp/wh && tar xJf /work/shared/corpus/whitehouse/transcripts.tar.xz -C /tmp/wh
    python benchmarks/library.py /tmp/wh [--quotes 200] [--seed 1] [--limit-docs N]

1. Index the corpus into a temporary library: time, database size, documents.
2. Draw quotes (seeded): 12-40 consecutive words of one speaker's turn in a
   random transcript, then 0-25 % of the words substituted, dropped or
   inserted, as a writer might.  The speaker is given by surname when the turn
   label names one ("SECRETARY BLINKEN" → "Blinken"), else None.
3. Look each up with ``Library.candidates(k=3)``: a hit is a candidate whose
   text is the right transcript's (same hash) or contains the passage
   verbatim (a transcript republished with a small difference).
4. Baseline: the same trigram-overlap score computed over *every* document
   (texts pre-normalised in memory, not timed), for the first few quotes;
   plus rapidfuzz ``partial_ratio`` over every document for two quotes.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quoteverify.library import _LABEL, Library, _ngrams, content_hash, words  # noqa: E402

# Role labels name no one by surname: the quote's speaker is then unknown.
_ROLES = {
    "THE PRESIDENT", "THE VICE PRESIDENT", "THE FIRST LADY", "MODERATOR", "AUDIENCE",
    "AUDIENCE MEMBER", "AIDE", "OPERATOR", "PARTICIPANT", "STAFF", "SENIOR ADMINISTRATION "
    "OFFICIAL", "ADMINISTRATION OFFICIAL", "THE INTERPRETER", "INTERPRETER",
}  # fmt: skip
_STAGE = re.compile(r"\([A-Z][^()\n]{0,80}\)|\[[^\]\n]{0,40}\]")


@dataclass
class Quote:
    text: str
    speaker: str | None
    truth_hash: str
    passage_norm: str  # the unedited words, normalised, for the duplicate check


def turns(text: str) -> list[tuple[str, str]]:
    marks = list(_LABEL.finditer(text))
    out = []
    for m, nxt in zip(marks, [*marks[1:], None], strict=False):
        body = text[m.end() + 1 : nxt.start() if nxt else len(text)]
        out.append((" ".join(m.group(1).split()), body))
    return out


def draw_quotes(lib: Library, hashes: list[str], n: int, rng: random.Random) -> list[Quote]:
    vocab: list[str] = []
    quotes: list[Quote] = []
    tries = 0
    while len(quotes) < n and tries < n * 50:
        tries += 1
        digest = rng.choice(hashes)
        text = lib.get_source(digest).text
        cands = [
            (label, _STAGE.sub(" ", body).split()) for label, body in turns(text) if label != "Q"
        ]
        cands = [(label, ws) for label, ws in cands if len(ws) >= 12]
        if not cands:
            continue
        label, ws = rng.choice(cands)
        if len(vocab) < 5000:
            vocab.extend(ws)
        length = rng.randint(12, min(40, len(ws)))
        start = rng.randint(0, len(ws) - length)
        passage = ws[start : start + length]
        edited = list(passage)
        for _ in range(round(rng.uniform(0.0, 0.25) * length)):
            op = rng.choice(("sub", "drop", "ins"))
            i = rng.randrange(len(edited))
            if op == "sub":
                edited[i] = rng.choice(vocab)
            elif op == "drop" and len(edited) > 6:
                del edited[i]
            else:
                edited.insert(i, rng.choice(vocab))
        speaker = None
        if label not in _ROLES:
            speaker = label.split()[-1].title()
        quotes.append(
            Quote(" ".join(edited), speaker, digest, " " + " ".join(words(" ".join(passage))) + " ")
        )
    return quotes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("corpus", type=Path, help="unpacked transcripts folder")
    ap.add_argument("--quotes", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit-docs", type=int, default=None, help="index only the first N files")
    ap.add_argument("--baseline", type=int, default=20, help="quotes for the naive scan")
    ap.add_argument("--db", type=Path, default=None, help="keep the library here")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        db_path = args.db or Path(tmp) / "library.sqlite"
        if args.limit_docs:
            files = sorted(f for f in args.corpus.rglob("*.md") if f.is_file())
            refs = [str(f) for f in files[: args.limit_docs]]
        else:
            refs = [str(args.corpus)]
        lib = Library(db_path)
        t0 = time.perf_counter()
        stats = lib.add_paths(refs)
        index_s = time.perf_counter() - t0
        size_mb = db_path.stat().st_size / 1e6
        hashes = [r[0] for r in lib._db.execute("SELECT hash FROM documents ORDER BY hash")]
        print(
            f"indexed {stats.files} files → {stats.added} documents "
            f"({stats.duplicates} duplicate texts, {len(stats.errors)} errors) "
            f"in {index_s:.1f} s, {size_mb:.1f} MB",
            file=sys.stderr,
        )

        rng = random.Random(args.seed)
        quotes = draw_quotes(lib, hashes, args.quotes, rng)

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

        times: list[float] = []
        hits = hits1 = 0
        misses: list[Quote] = []
        for q in quotes:
            t = time.perf_counter()
            cands = lib.candidates(q.text, q.speaker, k=3)
            times.append((time.perf_counter() - t) * 1000)
            if is_hit(q, [c.hash for c in cands]):
                hits += 1
                hits1 += is_hit(q, [c.hash for c in cands[:1]])
            else:
                misses.append(q)
        for q in misses[:5]:
            print(f"miss: {q.speaker}: {q.text[:100]!r}", file=sys.stderr)

        # Baseline: the re-ranking score, but over every document.
        t = time.perf_counter()
        normed = {h: " " + " ".join(words(lib.get_source(h).text)) + " " for h in hashes}
        prep_s = time.perf_counter() - t
        base_q = quotes[: args.baseline]
        base_times: list[float] = []
        base_hits = 0
        for q in base_q:
            t = time.perf_counter()
            grams = _ngrams(words(q.text))
            scored = sorted(
                ((sum(g in norm for g in grams), h) for h, norm in normed.items()), reverse=True
            )[:3]
            base_times.append((time.perf_counter() - t) * 1000)
            base_hits += is_hit(q, [h for _, h in scored])
        # rapidfuzz partial_ratio over raw texts: the slowest honest baseline.
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
    print(f"| index time | {index_s:.1f} s | |")
    print(f"| database size | {size_mb:.1f} MB | |")
    print(f"| quotes (seed {args.seed}) | {n} | |")
    print(f"| right source in top 3 | {100 * hits / n:.1f} % | ≥ 98 % |")
    print(f"| right source first | {100 * hits1 / n:.1f} % | |")
    print(f"| lookup median / p95 | {med:.1f} / {p95:.1f} ms | median ≤ 20 ms |")
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
