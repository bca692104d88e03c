"""Prove that a refactoring leaves every user-visible output byte-identical.

    python benchmarks/output_dump.py dump OUT.json [--engine-root DIR] [--jobs N]
    python benchmarks/output_dump.py diff BEFORE.json AFTER.json

``dump`` runs the command-line tool, as a user would, over every bundled
fixture: ``audit`` and ``verify`` in each report format, ``check`` in each of
its formats, ``extract`` (JSON and ``--explain``) on every extraction text,
``library add`` then an audit through that library, ``schema``, ``config``
and every ``--help``.  It records each command's exit status, stdout and
stderr.  ``--engine-root`` runs another copy of the package (say, a
``git worktree`` of the commit before the change) with the same fixtures, so
both sides are compared on one machine.  The temporary folder's path is
replaced by ``<TMP>`` so two runs compare.

``diff`` prints each command whose output differs; exit status 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = "fixtures/seed/article.txt"
SEED_SRC = "fixtures/seed/sources/state-2022-01-07-blinken-excerpt.txt"
CHECK_FORMATS = (
    "human",
    "concise",
    "json",
    "jsonl",
    "markdown",
    "sarif",
    "github",
    "junit",
    "gitlab",
)
REPORT_FORMATS = ("markdown", "json", "html")
SUBCOMMANDS = (
    "audit",
    "check",
    "batch",
    "baseline",
    "cache",
    "schema",
    "config",
    "library",
    "extract",
    "verify",
    "serve",
)


def _commands(tmp: str) -> dict[str, list[str]]:
    cmds: dict[str, list[str]] = {"help": ["--help"], "version": ["--version"]}
    for sub in SUBCOMMANDS:
        cmds[f"help/{sub}"] = [sub, "--help"]
    for fmt in REPORT_FORMATS:
        cmds[f"audit/seed/{fmt}"] = [
            "audit",
            SEED,
            "--source",
            SEED_SRC,
            "--format",
            fmt,
            "--fail-on",
            "none",
        ]
        cmds[f"verify/seed/{fmt}"] = [
            "verify",
            "I think a lesson from recent history is that once the Russians are in your house",
            "--source",
            SEED_SRC,
            "--speaker",
            "Antony Blinken",
            "--format",
            fmt,
        ]
    cmds["audit/seed-html"] = [
        "audit",
        "fixtures/seed/html/article.html",
        "--source",
        "fixtures/seed/html/state-2022-01-07-blinken-excerpt.html",
        "--fail-on",
        "none",
    ]
    cmds["audit/seed/default-fail"] = ["audit", SEED, "--source", SEED_SRC]
    cmds["audit/replay"] = [
        "audit",
        "http://127.0.0.1:8765/news/kazakhstan-russian-nato.html",
        "--source",
        "http://127.0.0.1:8765/transcripts/2022-01-07-blinken-press-availability.html",
        "--replay",
        "fixtures/seed/seed.warc.gz",
        "--fail-on",
        "none",
        "--format",
        "json",
    ]
    cmds["audit/missing-file"] = ["audit", "fixtures/no-such-article.txt"]
    cmds["audit/bad-source"] = [
        "audit",
        SEED,
        "--source",
        "fixtures/no-such-source.txt",
        "--fail-on",
        "none",
    ]
    manifest = json.loads((ROOT / "fixtures/whitehouse/manifest.json").read_text(encoding="utf-8"))
    wh_sources: list[str] = []
    wh_articles: list[str] = []
    for entry in manifest:
        art = "fixtures/whitehouse/" + entry["article"]
        wh_articles.append(art)
        srcs: list[str] = []
        for s in entry["sources"]:
            srcs += ["--source", "fixtures/whitehouse/" + s]
            wh_sources += ["--source", "fixtures/whitehouse/" + s]
        for fmt in ("markdown", "json"):
            cmds[f"audit/{art}/{fmt}"] = ["audit", art, *srcs, "--format", fmt, "--fail-on", "none"]
    for fmt in CHECK_FORMATS:
        cmds[f"check/seed/{fmt}"] = [
            "check",
            SEED,
            "--source",
            SEED_SRC,
            "--format",
            fmt,
            "--no-cache",
        ]
        cmds[f"check/whitehouse/{fmt}"] = [
            "check",
            *wh_articles,
            *wh_sources,
            "--format",
            fmt,
            "--no-cache",
        ]
    for folder in sorted(ROOT.glob("fixtures/extraction*")):
        for txt in sorted(folder.glob("*.txt")):
            rel = str(txt.relative_to(ROOT))
            cmds[f"extract/{rel}"] = ["extract", rel, "--format", "json"]
    # Markdown documents: the block reader (code, quotes, entities) on real files.
    for md in sorted(
        [
            *ROOT.glob("fixtures/whitehouse/sources/*.md"),
            *ROOT.glob("fixtures/library-whitehouse/transcripts/*.md"),
        ]
    ):
        rel = str(md.relative_to(ROOT))
        cmds[f"extract/{rel}"] = ["extract", rel, "--format", "json"]
    for rel in (SEED, "fixtures/whitehouse/articles/helene-gaggle.txt"):
        cmds[f"extract-explain/{rel}"] = ["extract", rel, "--explain", "--format", "markdown"]
    for what in ("config", "report"):
        cmds[f"schema/{what}"] = ["schema", what]
    cmds["config"] = ["config", "show"]
    lib = f"{tmp}/lib.sqlite"
    cmds["library/1-add"] = [
        "library",
        "add",
        "--library",
        lib,
        "fixtures/library-whitehouse/transcripts",
    ]
    cmds["library/2-list"] = ["library", "list", "--library", lib]
    cmds["library/3-info"] = ["library", "info", "--library", lib]
    cmds["library/4-search"] = [
        "library",
        "search",
        "--library",
        lib,
        "once the Russians are in your house",
    ]
    cmds["library/5-audit"] = [
        "audit",
        SEED,
        "--library",
        lib,
        "--no-links",
        "--fail-on",
        "none",
        "--format",
        "json",
    ]
    return cmds


def dump(out: Path, engine_root: Path | None, jobs: int) -> None:
    tmp = tempfile.mkdtemp(prefix="qv-dump-")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(engine_root or ROOT)
    env["QUOTEVERIFY_CACHE_DIR"] = f"{tmp}/cache"
    env.pop("QUOTEVERIFY_CONFIG", None)
    env["COLUMNS"] = "100"
    env["NO_COLOR"] = "1"
    cmds = _commands(tmp)

    def run(item: tuple[str, list[str]]) -> tuple[str, dict[str, object]]:
        name, argv = item
        proc = subprocess.run(
            # -P: "python -m" puts the working directory (this checkout) before
            # PYTHONPATH, which would run this checkout's package whatever
            # --engine-root says.
            [sys.executable, "-P", "-m", "quoteverify", *argv],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        clean = lambda s: s.replace(tmp, "<TMP>")  # noqa: E731
        return name, {
            "argv": [clean(a) for a in argv],
            "rc": proc.returncode,
            "stdout": clean(proc.stdout),
            "stderr": clean(proc.stderr),
        }

    # Library commands depend on each other: run them in order, the rest in parallel.
    ordered = [(k, v) for k, v in cmds.items() if k.startswith("library/")]
    rest = [(k, v) for k, v in cmds.items() if not k.startswith("library/")]
    results: dict[str, object] = {}
    for item in ordered:
        k, v = run(item)
        results[k] = v
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for k, v in pool.map(run, rest):
            results[k] = v
    shutil.rmtree(tmp, ignore_errors=True)
    out.write_text(
        json.dumps(dict(sorted(results.items())), indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    print(f"{len(results)} commands written to {out}")


def diff(before: Path, after: Path) -> int:
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    bad = 0
    for name in sorted(set(a) | set(b)):
        if a.get(name) != b.get(name):
            bad += 1
            print(f"DIFFERS: {name}")
            for field in ("rc", "stdout", "stderr"):
                x = (a.get(name) or {}).get(field)
                y = (b.get(name) or {}).get(field)
                if x != y:
                    print(f"  {field}: before {str(x)[:300]!r}\n  {field}: after  {str(y)[:300]!r}")
    print(f"{len(set(a) | set(b))} commands, {bad} differ")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--engine-root", type=Path)
    d.add_argument("--jobs", type=int, default=2)
    f = sub.add_parser("diff")
    f.add_argument("before", type=Path)
    f.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.cmd == "dump":
        dump(args.out, args.engine_root, args.jobs)
        return 0
    return diff(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
