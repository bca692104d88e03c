"""Start-up cost of the CLI: CPU seconds (user + sys of the child process) of
``quoteverify --help``, and of ``extract`` and ``audit`` on a tiny local article,
min / median / max of N runs, and the modules of the network stack each one imported.

Run: ``.venv/bin/python benchmarks/startup.py [N] [--baseline-root DIR]`` (default 7).

With ``--baseline-root`` (another copy of the package: a snapshot taken before a
change) every command is run on both trees, interleaved so that a busy spell of
a shared machine hits both, and the ratio of the medians is printed.

Measured as a user runs it: with the bytecode cached.  Each tree is compiled
first (``compileall``) and the children run without ``PYTHONDONTWRITEBYTECODE``:
with it set and no ``__pycache__``, every module is compiled from source on
every run, which adds ~0.1 s that an installed package never pays.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "fixtures/seed/sources/state-2022-01-07-blinken-excerpt.txt"
ARTICLE = (
    "“I think one lesson in recent history is that once Russians are in your house, it’s "
    "sometimes very difficult to get them to leave,” Secretary Blinken said on Friday.\n"
)
NETWORK = ("httpx", "httpcore", "ssl", "asyncio", "socket", "py3langid")
PROBE = (
    "import contextlib, io, sys; from quoteverify.cli import main\n"
    "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
    "    main(sys.argv[1:])\n"
    "print(sorted({m.split('.')[0] for m in sys.modules} & set(%r)))"
)


def child_env(package_root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(package_root)
    return env


def cpu(argv: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def network_modules(args: list[str], env: dict[str, str]) -> str:
    probe = PROBE % (NETWORK,)
    out = subprocess.run(
        [sys.executable, "-P", "-c", probe, *args], capture_output=True, text=True, env=env
    ).stdout.strip()
    return out.splitlines()[-1] if out else "?"


def _fmt(xs: list[float]) -> str:
    return f"{min(xs):.3f} / {statistics.median(xs):.3f} / {max(xs):.3f} s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", nargs="?", type=int, default=7, help="runs of each command")
    ap.add_argument("--baseline-root", type=Path, default=None)
    args = ap.parse_args(argv)
    trees = {"this tree": ROOT}
    if args.baseline_root is not None:
        trees = {"baseline": args.baseline_root.resolve(), **trees}
    for root in trees.values():
        compileall.compile_dir(root / "quoteverify", quiet=1)
    # ``python -m quoteverify`` rather than the console script, so that PYTHONPATH
    # can point this at another checkout (a before/after comparison).
    # -P: otherwise "-m" puts the working directory first, before PYTHONPATH.
    qv = [sys.executable, "-P", "-m", "quoteverify"]
    print(
        f"CPU (user+sys of the child), min / median / max of {args.n} runs; bytecode "
        "cached (compiled first, PYTHONDONTWRITEBYTECODE unset in the children)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "a.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "--help": [*qv, "--help"],
            "extract": [*qv, "extract", str(article)],
            "audit": [*qv, "audit", str(article), "--source", str(SOURCE), "--fail-on", "none"],
        }
        for name, cmd in commands.items():
            times: dict[str, list[float]] = {label: [] for label in trees}
            for _ in range(args.n):  # interleaved: a busy spell hits every tree
                for label, root in trees.items():
                    times[label].append(cpu(cmd, child_env(root)))
            base = statistics.median(next(iter(times.values())))
            for label, root in trees.items():
                mods = ""
                if cmd[: len(qv)] == qv:
                    mods = f"  imports {network_modules(cmd[len(qv) :], child_env(root))}"
                ratio = ""
                if len(trees) > 1 and label != "baseline":
                    ratio = f"  {base / statistics.median(times[label]):.2f}x vs baseline"
                print(f"{name:15} {label:9} CPU {_fmt(times[label])}{ratio}{mods}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
