"""Dump ``extract_quotes`` output as JSON lines, to prove a refactor changed nothing.

    python benchmarks/extraction_dump.py OUT.jsonl [--extra DIR ...] [--drop FIELD ...]

Reads every article-like fixture (the extraction gold sets' ``.txt``, the seed's
article as text and HTML, the White House fixture articles) plus every file under
each ``--extra`` folder (e.g. an unpacked copy of the White House corpus), runs
``extract_quotes`` on each and writes one JSON line per article: its path and its
quotes as dicts.  ``--drop attribution_rule`` leaves a field out, so that a dump
taken after a field was added can be compared byte for byte with one taken before.
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--extra", action="append", default=[])
    ap.add_argument("--drop", action="append", default=[])
    args = ap.parse_args(argv)
    paths = fixture_articles()
    for d in args.extra:
        paths += sorted(p for p in Path(d).rglob("*") if p.is_file())
    lines = dump(paths, set(args.drop))
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    n = sum(line.count('"id": "q') for line in lines)
    print(f"{len(lines)} articles, {n} quotes → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
