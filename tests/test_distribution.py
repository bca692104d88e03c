"""The release artifacts (issue 16): the sdist and wheel build, pass ``twine check``,
hold what they must, and the wheel installed into a fresh environment runs the
README's demo.

One build for the whole module (about 20-40 s: two isolated builds).  The fresh
venv gets its dependencies from the environment running the tests through a
``.pth`` line, so that nothing but the build backend is downloaded, and pip
still has to find every declared dependency satisfied there.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

import quoteverify

from .conftest import ROOT
from .test_readme_demo import readme_commands


def run(*argv: str | Path, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [str(a) for a in argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=300,
    )
    assert proc.returncode == 0, f"{argv}: {proc.stdout[-2000:]}{proc.stderr[-2000:]}"
    return proc


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # sdist first, then the wheel from the unpacked sdist: proves the sdist builds.
    run(sys.executable, "-m", "build", "--outdir", out, ROOT)
    return out


def artifact(dist: Path, pattern: str) -> Path:
    (found,) = dist.glob(pattern)
    return found


def test_twine_check_passes(dist: Path) -> None:
    out = run(sys.executable, "-m", "twine", "check", "--strict", *sorted(dist.iterdir()))
    assert out.stdout.count("PASSED") == 2, out.stdout


def test_the_wheel_holds_license_and_py_typed(dist: Path) -> None:
    names = zipfile.ZipFile(artifact(dist, "*.whl")).namelist()
    assert "quoteverify/py.typed" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), names
    assert not any(n.startswith(("tests/", "fixtures/")) for n in names)
    metadata = (
        zipfile.ZipFile(artifact(dist, "*.whl"))
        .read(next(n for n in names if n.endswith(".dist-info/METADATA")))
        .decode()
    )
    assert f"Version: {quoteverify.__version__}\n" in metadata
    assert "License-Expression: MIT\n" in metadata
    assert "Requires-Dist: beautifulsoup4" not in metadata
    # PyPI's sidebar: where the source, the issues and the docs are.
    assert "Project-URL: Source, https://github.com/quoteverify/quoteverify\n" in metadata
    assert "Project-URL: Issues, https://github.com/quoteverify/quoteverify/issues\n" in metadata


def test_the_sdist_leaves_the_tests_out(dist: Path) -> None:
    with tarfile.open(artifact(dist, "*.tar.gz")) as tar:
        names = [n.split("/", 1)[1] for n in tar.getnames() if "/" in n]
    assert "LICENSE" in names and "pyproject.toml" in names and "quoteverify/py.typed" in names
    assert not [n for n in names if n.startswith(("tests", "fixtures", "benchmarks"))]


def test_the_installed_wheel_runs_the_demo(dist: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    py = venv / "bin" / "python"
    site = Path(
        run(py, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))").stdout.strip()
    )
    # The dependencies, not quoteverify: a path added by a .pth line does not
    # run that directory's own .pth files (the editable install's finder).
    (site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    # --ignore-installed: the checkout's editable install is visible through
    # that line too, and must neither satisfy nor be uninstalled by this.
    pip = run(
        sys.executable, "-m", "pip", "--python", py, "install", "--no-index", "--no-deps",
        "--ignore-installed", artifact(dist, "*.whl"),
    )  # fmt: skip
    assert "Successfully installed quoteverify" in pip.stdout, pip.stdout
    # Every declared dependency is present at a version the metadata accepts.
    run(sys.executable, "-m", "pip", "--python", py, "check")
    exe = venv / "bin" / "quoteverify"
    # Not from the checkout: run where no quoteverify/ folder is at hand.
    where = run(py, "-c", "import quoteverify; print(quoteverify.__file__)", cwd=tmp_path).stdout
    assert where.startswith(str(site)), where
    assert run(exe, "--version").stdout.strip() == f"quoteverify {quoteverify.__version__}"
    demo = shlex.split(readme_commands()[0].split("&& .venv/bin/quoteverify ", 1)[1])
    out = run(exe, *demo, HTTP_PROXY="http://127.0.0.1:9").stdout
    assert "**diverged**" in out and "could not be used" not in out
