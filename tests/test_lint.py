"""The code stays ruff clean: part of the suite, so CI enforces it."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT


def test_ruff_check_is_clean() -> None:
    # ruff comes with the [test] extra, in the same environment as pytest.
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
