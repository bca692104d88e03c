"""What pyproject.toml declares is what the package imports, in both directions."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from .conftest import ROOT

# Declared but never imported by quoteverify itself, each for a reason.
NOT_IMPORTED = {
    # trafilatura's justext imports lxml.html.clean, which lxml moved out into
    # this package; see the comment in pyproject.toml.
    "lxml-html-clean",
    # starlette parses uploaded forms with it (quoteverify serve); we never import it.
    "python-multipart",
}
# Extras whose packages the package itself does not import (tools for the tests).
NOT_RUNTIME_EXTRAS = {"test"}


def canonical(dist: str) -> str:
    return re.sub(r"[-_.]+", "-", dist).lower()


def declared() -> set[str]:
    """The core dependencies and those of every runtime extra (serve, postgres, …)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for extra, deps in project.get("optional-dependencies", {}).items():
        if extra not in NOT_RUNTIME_EXTRAS:
            specs += [d for d in deps if not d.startswith("quoteverify[")]
    return {canonical(re.match(r"[A-Za-z0-9._-]+", d).group()) for d in specs}


def imported_modules() -> dict[str, str]:
    """Top-level third-party module → the first file importing it."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "quoteverify").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for mod in names:
                top = mod.split(".")[0]
                if top != "quoteverify" and top not in sys.stdlib_module_names:
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def test_every_import_is_declared() -> None:
    dists = packages_distributions()
    wanted = declared()
    missing = {
        mod: where
        for mod, where in imported_modules().items()
        if not wanted & {canonical(d) for d in dists.get(mod, [mod])}
    }
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_every_declaration_is_imported() -> None:
    dists = packages_distributions()
    provided = {canonical(d) for mod in imported_modules() for d in dists.get(mod, [mod])}
    unused = declared() - provided - NOT_IMPORTED
    assert not unused, f"declared in pyproject.toml but never imported: {sorted(unused)}"


def test_the_exceptions_are_still_declared() -> None:
    assert NOT_IMPORTED <= declared()
