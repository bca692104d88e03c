"""The Dockerfile builds an image whose entry point is the CLI, run as a non-root
user (issue 16).  Skipped only where no docker daemon answers (``docker info``)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

import quoteverify

from .conftest import ROOT, SEED, SEED_SOURCE

IMAGE = "quoteverify-test:latest"


def docker_available() -> bool:
    if shutil.which("docker") is None:
        return False
    probe = subprocess.run(["docker", "info"], capture_output=True, timeout=60)
    return probe.returncode == 0


def docker(*argv: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(["docker", *argv], capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc


@pytest.fixture(scope="module")
def image() -> str:
    if not docker_available():
        pytest.skip("no docker daemon (docker info)")
    docker("build", "--quiet", "--tag", IMAGE, str(ROOT))
    return IMAGE


def test_the_entry_point_is_the_cli(image: str) -> None:
    out = docker("run", "--rm", image, "--version").stdout
    assert out.strip() == f"quoteverify {quoteverify.__version__}"


def test_runs_as_a_non_root_user(image: str) -> None:
    out = docker("run", "--rm", "--entrypoint", "id", image, "-u").stdout
    assert out.strip() != "0"


def test_audits_mounted_files_offline(image: str) -> None:
    source = SEED_SOURCE.relative_to(SEED)
    out = docker(
        "run", "--rm", "--network", "none", "-v", f"{SEED}:/work:ro", image,
        "audit", "article.txt", "--source", str(source), "--fail-on", "none",
    ).stdout  # fmt: skip
    assert "**diverged**" in out


def test_dockerfile_shape() -> None:
    """What the image promises, checked even where it cannot be built."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]
    assert lines[0] == "FROM python:3.11-slim"
    user = [line for line in lines if line.startswith("USER ")]
    assert user and user[-1] not in ("USER root", "USER 0")
    assert lines.index(user[-1]) > max(i for i, x in enumerate(lines) if x.startswith("RUN "))
    assert 'ENTRYPOINT ["quoteverify"]' in lines
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert "*" in ignored and "!quoteverify/" in ignored
