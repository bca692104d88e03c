"""Dump ``extract_quotes`` output as JSON lines, to prove a refactor changed nothing.

    python benchmarks/extraction_dump.py OUT.jsonl [--extra DIR ...] [--drop FIELD ...]
                                         [--compare OLD.jsonl]

Reads every article-like fixture (the extraction gold sets' ``.txt``, the seed's
article as text and HTML, the White House fixture articles) plus every file under
each ``--extra`` folder (e.g. an unpacked copy of the White House corpus), runs
``extract_quotes`` on each and writes one JSON line per article: its path and its
quotes as dicts.  ``--drop attribution_rule`` leaves a field out, so that a dump
taken after a field was added can be compared byte for byte with one taken before.
``--compare OLD.jsonl`` lists, after writing, every quotation whose kind, speaker or
deciding rule differs from OLD's (matched by article path and start offset), and a
count per (old rule, new rule): a behaviour change is then read, not only detected.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quoteverify.article import load_article  # noqa: E402
from quoteverify.extract import extract_quotes  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def fixture_articles() -> list[Path]:
    """Every fixture an extraction could be run on, in a fixed order."""
    out: list[Path] = []
    for d in sorted((ROOT / "fixtures").glob("extraction*")):
        out += sorted(p for p in d.rglob("*.txt"))
    out += [ROOT / "fixtures/seed/article.txt", ROOT / "fixtures/seed/html/article.html"]
    out += sorted((ROOT / "fixtures/whitehouse/articles").glob("*"))
    return out


def _one(job: tuple[Path, frozenset[str]]) -> str:
    p, drop = job
    quotes = []
    for q in extract_quotes(load_article(str(p))):
        d = dataclasses.asdict(q)
        for f in drop:
            d.pop(f, None)
        quotes.append(d)
    rel = p.relative_to(ROOT) if p.is_relative_to(ROOT) else p
    return json.dumps({"path": str(rel), "quotes": quotes}, ensure_ascii=False)


def dump(paths: list[Path], drop: set[str]) -> list[str]:
    # Articles are independent and extraction is pure: a process pool only
    # changes the wall time, never the (ordered) output.
    with multiprocessing.Pool() as pool:
        return pool.map(_one, [(p, frozenset(drop)) for p in paths], chunksize=16)


def _key(q: dict | None) -> str:
    if q is None:
        return "—"
    sp = q["speaker"]["name"] if q.get("speaker") else None
    return f"{q['kind']}/{sp}/{q.get('attribution_rule')}"


def compare(old_lines: list[str], new_lines: list[str]) -> list[str]:
    """One line per quotation that changed between two dumps, then the counts."""
    old = {d["path"]: d["quotes"] for d in map(json.loads, old_lines) if d}
    out: list[str] = []
    counts: dict[tuple[str, str], int] = {}
    for d in map(json.loads, new_lines):
        before = {q["start"]: q for q in old.get(d["path"], [])}
        after = {q["start"]: q for q in d["quotes"]}
        for start in sorted(set(before) | set(after)):
            a, b = before.get(start), after.get(start)
            if _key(a) == _key(b):
                continue
            text = " ".join(((b or a) or {}).get("text", "").split())[:50]
            out.append(f"{d['path']} @{start} {text!r}: {_key(a)} → {_key(b)}")
            pair = (
                (a or {}).get("attribution_rule") or "—",
                (b or {}).get("attribution_rule") or "—",
            )
            counts[pair] = counts.get(pair, 0) + 1
    for (ra, rb), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"{n:5d}  {ra} → {rb}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--extra", action="append", default=[])
    ap.add_argument("--drop", action="append", default=[])
    ap.add_argument("--compare", help="an earlier dump: list what changed since")
    args = ap.parse_args(argv)
    paths = fixture_articles()
    for d in args.extra:
        paths += sorted(p for p in Path(d).rglob("*") if p.is_file())
    lines = dump(paths, set(args.drop))
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    n = sum(line.count('"id": "q') for line in lines)
    print(f"{len(lines)} articles, {n} quotes → {args.out}")
    if args.compare:
        old_lines = Path(args.compare).read_text(encoding="utf-8").splitlines()
        for line in compare(old_lines, lines):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
