"""Start-up (issue 15): a run whose inputs are all local files imports no network
stack, and ``extract`` does not load the language model either."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import SEED_SOURCE

NETWORK = ("httpx", "httpcore", "ssl", "asyncio", "socket")

PROBE = """
import contextlib, io, json, sys
from quoteverify.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def loaded(*argv: str | Path) -> tuple[int, set[str]]:
    """Run the CLI in a fresh interpreter; its exit code and every module imported."""
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, argv)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    out = json.loads(proc.stdout.splitlines()[-1])
    return out["code"], {m.split(".")[0] for m in out["modules"]}


def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(
        "“I think one lesson in recent history is that once Russians are in your house, it’s "
        "sometimes very difficult to get them to leave,” Secretary Blinken said on Friday.\n",
        encoding="utf-8",
    )
    return path


def test_extract_of_a_local_file_imports_no_network_stack(tmp_path) -> None:
    code, modules = loaded("extract", article(tmp_path))
    assert code == 0
    assert not modules & set(NETWORK), sorted(modules & set(NETWORK))
    assert "py3langid" not in modules  # the language model is for audits only


def test_audit_of_local_files_imports_no_network_stack(tmp_path) -> None:
    code, modules = loaded("audit", article(tmp_path), "--source", SEED_SOURCE, "--fail-on", "none")
    assert code == 0
    assert not modules & set(NETWORK), sorted(modules & set(NETWORK))


HELP_PROBE = """
import contextlib, io, json, sys
from quoteverify.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main(["--help"])
print(json.dumps(sorted(sys.modules)))
"""


def test_help_imports_neither_the_configuration_nor_any_stage() -> None:
    # --help reads no configuration: the parser's choices come from models.
    proc = subprocess.run(
        [sys.executable, "-c", HELP_PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    modules = set(json.loads(proc.stdout.splitlines()[-1]))
    ours = {m for m in modules if m.startswith("quoteverify")}
    assert "quoteverify.config" not in ours and "tomllib" not in modules
    assert ours <= {
        "quoteverify",
        "quoteverify.cli",
        "quoteverify.models",
        "quoteverify.errors",
        "quoteverify.grammar",
        "quoteverify._display",
    }, sorted(ours)
    assert not {m.split(".")[0] for m in modules} & set(NETWORK)


def test_extract_imports_only_what_it_uses(tmp_path: Path) -> None:
    # From a folder with no configuration file: reading one needs tomllib.
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, "extract", str(article(tmp_path))],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=tmp_path,
    )
    out = json.loads(proc.stdout.splitlines()[-1])
    assert out["code"] == 0
    modules = set(out["modules"])
    # Only the JSON renderer: the CI formats (JUnit's XML, SARIF, HTML) load on use.
    assert {m for m in modules if m.startswith("quoteverify.report.")} == {
        "quoteverify.report._json"
    }
    # Not the audit's stages, nor what only a mistake or a configuration file needs.
    absent = {"quoteverify.discover", "quoteverify.sources", "quoteverify._language"}
    absent |= {"tomllib", "difflib", "logging", "xml"}
    assert not modules & absent, sorted(modules & absent)
