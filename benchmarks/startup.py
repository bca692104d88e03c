"""Start-up cost of the CLI: CPU seconds (user + sys of the child process) of
``quoteverify --help``, and of ``extract`` and ``audit`` on a tiny local article,
min / median / max of N runs, and the modules of the network stack each one imported.

Run: ``.venv/bin/python benchmarks/startup.py [N]`` (default 7).
"""

from __future__ import annotations

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
    "with contextlib.redirect_stdout(io.StringIO()): main(sys.argv[1:])\n"
    "print(sorted({m.split('.')[0] for m in sys.modules} & set(%r)))"
)


def cpu(argv: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    # ``python -m quoteverify`` rather than the console script, so that PYTHONPATH
    # can point this at another checkout (a before/after comparison).
    # -P: otherwise "-m" puts the working directory first, before PYTHONPATH.
    qv = [sys.executable, "-P", "-m", "quoteverify"]
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "a.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "--help": [*qv, "--help"],
            "extract": [*qv, "extract", str(article)],
            "audit": [*qv, "audit", str(article), "--source", str(SOURCE), "--fail-on", "none"],
        }
        for name, argv in commands.items():
            times = [cpu(argv) for _ in range(n)]
            mods = ""
            if argv[:3] == qv:
                probe = PROBE % (NETWORK,)
                out = subprocess.run(
                    [sys.executable, "-c", probe, *argv[3:]], capture_output=True, text=True
                ).stdout.strip()
                mods = f"  imports {out.splitlines()[-1] if out else '?'}"
            print(
                f"{name:15} CPU {min(times):.3f} / {statistics.median(times):.3f} / "
                f"{max(times):.3f} s{mods}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
