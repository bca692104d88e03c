"""``quoteverify check`` of many Markdown articles sharing a few sources.

    python benchmarks/check_many.py /tmp/wh [--articles 1000] [--sources 20]
                                            [--repeat 5] [--jobs 1 2]
                                            [--baseline-root DIR]

Builds a throw-away repository: ``--sources`` White House transcripts under
``sources/`` and ``--articles`` articles in nested folders (so that articles
name one source by different relative paths), each quoting three sentences of
one or two sources (one verbatim, one with a word changed, one invented).
Each ``check`` runs in a child process; figures are that child's CPU time
(user + sys) and wall time, min / median / max of ``--repeat`` runs, and the
ratio to the baseline measured in the same invocation: ``--jobs 1`` of this
tree, and with ``--baseline-root`` another copy of the package (a snapshot
taken before a change).  Every run's report must be byte-identical to the
first (``--jobs`` must not change it); the script exits 1 if not.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_SENT = re.compile(r"[A-Z][^.!?\n]{40,160}[.!?]")


def build_repo(corpus: Path, where: Path, n_articles: int, n_sources: int, seed: int) -> None:
    rng = random.Random(seed)
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".md", ".txt"))
    rng.shuffle(files)
    (where / ".git").mkdir(parents=True)
    (where / "sources").mkdir()
    srcs: list[tuple[str, list[str]]] = []
    for p in files:
        if len(srcs) >= n_sources:
            break
        text = p.read_text(encoding="utf-8", errors="replace")
        sents = _SENT.findall(text)
        if len(sents) < 10 or len(text) > 400_000:
            continue
        name = f"s{len(srcs):02d}{p.suffix}"
        (where / "sources" / name).write_text(text, encoding="utf-8")
        srcs.append((name, sents))
    for i in range(n_articles):
        depth = i % 3  # articles/, articles/a/, articles/a/b/
        folder = where / "articles" / "/".join(["a", "b"][:depth])
        folder.mkdir(parents=True, exist_ok=True)
        up = "../" * (depth + 1)
        chosen = rng.sample(srcs, 2 if i % 2 else 1)
        body = []
        for _name, sents in chosen:
            s = rng.choice(sents)
            words = s.split()
            words[len(words) // 2] = "remarkably"
            body.append(f"The official said: “{s}”")
            body.append(f"She added: “{' '.join(words)}”")
        body.append("He said: “We will build a bridge to the moon before the summer ends.”")
        refs = "".join(f"  - {up}sources/{name}\n" for name, _ in chosen)
        (folder / f"article{i:04d}.md").write_text(
            f"---\ntitle: Article {i}\nsources:\n{refs}---\n\n" + "\n\n".join(body) + "\n",
            encoding="utf-8",
        )
    (where / "quoteverify.toml").write_text('fail-on = "diverged"\n', encoding="utf-8")


def run_check(repo: Path, package_root: Path, jobs: int) -> tuple[float, float, bytes]:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); sys.argv = sys.argv[1:]\n"
        "from quoteverify.cli import main; raise SystemExit(main(sys.argv[1:]))"
    )
    args = ["check", "articles", "-q", "--format", "json"]
    if jobs > 1:
        args += ["--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    w0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, str(package_root), *args],
        cwd=repo,
        capture_output=True,
        env={"QUOTEVERIFY_CONFIG": str(repo / "quoteverify.toml"), "PATH": "/usr/bin:/bin"},
    )
    wall = time.perf_counter() - w0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        sys.exit(f"check failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    return cpu, wall, proc.stdout


def _fmt(xs: list[float]) -> str:
    return f"{statistics.median(xs):.2f} s [{min(xs):.2f}–{max(xs):.2f}]"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--sources", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--baseline-root", type=Path, default=None)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "site"
        build_repo(args.corpus, repo, args.articles, args.sources, seed=5)
        runs: list[tuple[str, Path, int]] = [(f"this tree, --jobs {j}", ROOT, j) for j in args.jobs]
        if args.baseline_root is not None:
            runs.insert(0, (f"baseline {args.baseline_root}", args.baseline_root, 1))
        first: bytes | None = None
        same = True
        results: dict[str, tuple[list[float], list[float]]] = {}
        for _ in range(args.repeat):  # interleaved: a busy spell hits every variant
            for label, root, jobs in runs:
                cpu, wall, out = run_check(repo, root, jobs)
                print(f"  run: {label}: CPU {cpu:.2f} s, wall {wall:.2f} s", flush=True)
                results.setdefault(label, ([], []))[0].append(cpu)
                results[label][1].append(wall)
                if root == ROOT:
                    first = out if first is None else first
                    same = same and out == first
        print(
            f"check of {args.articles} articles sharing {args.sources} sources, "
            f"repeat {args.repeat}: CPU (user+sys of the child) and wall, median [min–max]"
        )
        base_label = runs[0][0]
        base = statistics.median(results[base_label][0])
        for label, (cpu, wall) in results.items():
            ratio = base / statistics.median(cpu)
            print(
                f"  {label:40s} CPU {_fmt(cpu)}  wall {_fmt(wall)}  "
                f"{ratio:.2f}x vs {base_label} (CPU)"
            )
        print(f"  reports identical across --jobs: {'yes' if same else 'NO'}")
        return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
