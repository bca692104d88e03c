"""Each package says what it offers, and nobody reaches into another package's insides.

As httpx's test_exports does: a package's ``__all__`` is exactly the public
names it defines or re-exports from its own modules, so ``from
quoteverify.align import *`` and a reader of ``__init__.py`` see the same API.
And a private module (``quoteverify.align._diff``) is imported only from inside
its own package (``quoteverify.align``): what another stage needs is exported
by the package, so the package can rearrange its modules freely.  Top-level
``quoteverify._x`` modules are shared plumbing of the whole project and may be
imported anywhere; a public top-level module's private names (``library._ngrams``)
stay in it.  A top-level module that declares ``__all__`` lists every public
name it defines.

Everything is read with ``ast``, without importing, so a lazily imported
dependency (the ``[serve]`` extra) does not decide what is checked.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE_ROOT = ROOT / "quoteverify"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE_ROOT.rglob("*.py"))}
SUBPACKAGES = sorted(
    name for name, p in MODULES.items() if p.name == "__init__.py" and name != "quoteverify"
)


@dataclass(frozen=True)
class Binding:
    name: str
    origin: str | None  # the module imported from; None when defined here
    line: int


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    """The absolute module name of ``from <node.module> import ...`` in ``module``."""
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    if node.level > 1:
        base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _top_level(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements run at import time, ``if``/``try`` blocks opened, type-only
    imports (``if TYPE_CHECKING:``) left out: they bind nothing at run time."""
    for node in body:
        if isinstance(node, ast.If):
            if not _is_type_checking(node.test):
                yield from _top_level(node.body)
            yield from _top_level(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, *(h.body for h in node.handlers), node.orelse):
                yield from _top_level(block)
        else:
            yield node


def _is_lazy_exports(node: ast.Assign) -> bool:
    return isinstance(node.value, ast.Dict) and any(
        isinstance(t, ast.Name) and t.id == "_LAZY_EXPORTS" for t in node.targets
    )


def bindings(module: str) -> list[Binding]:
    """Every name the module's top level binds, with where it came from."""
    path = MODULES[module]
    out: list[Binding] = []
    for node in _top_level(ast.parse(path.read_text(encoding="utf-8")).body):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.append(Binding(node.name, None, node.lineno))
        elif isinstance(node, ast.Assign) and _is_lazy_exports(node):
            # ``_LAZY_EXPORTS = {"name": "_module"}`` with a module ``__getattr__``
            # (PEP 562): each name is a re-export of that module, imported on use.
            assert isinstance(node.value, ast.Dict)
            for key, value in zip(node.value.keys, node.value.values, strict=True):
                assert isinstance(key, ast.Constant) and isinstance(value, ast.Constant)
                out.append(Binding(key.value, f"{module}.{value.value}", node.lineno))
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                for n in ast.walk(target):
                    if isinstance(n, ast.Name):
                        out.append(Binding(n.id, None, node.lineno))
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and isinstance(node.target, ast.Name):
            out.append(Binding(node.target.id, None, node.lineno))
        elif isinstance(node, ast.ImportFrom):
            origin = _resolve(module, path.name == "__init__.py", node)
            for alias in node.names:
                out.append(Binding(alias.asname or alias.name, origin, node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                name = alias.asname or alias.name.split(".")[0]
                out.append(Binding(name, alias.name, node.lineno))
    return out


def declared_all(module: str) -> list[str] | None:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, (list, tuple)), f"{module}.__all__ is not a list literal"
            return list(value)
    return None


def public_names(package: str) -> set[str]:
    """What a package offers: the public names its ``__init__`` defines, and those
    it imports from its own modules (re-exports).  A name imported from elsewhere
    (the standard library, numpy, ``quoteverify.models``) is a tool it uses, not
    part of its API."""
    own = (package, f"{package}.")
    return {
        b.name
        for b in bindings(package)
        if not b.name.startswith("_") and (b.origin is None or b.origin.startswith(own))
    }


@pytest.mark.parametrize("package", SUBPACKAGES)
def test_all_is_exactly_the_public_names(package: str) -> None:
    declared = declared_all(package)
    assert declared is not None, f"{package} has no __all__"
    assert len(declared) == len(set(declared)), f"{package}.__all__ lists a name twice"
    public = public_names(package)
    assert set(declared) == public, (
        f"in __all__, not public: {sorted(set(declared) - public)}; "
        f"public, not in __all__: {sorted(public - set(declared))}"
    )


def test_every_subpackage_is_checked() -> None:
    # The stages the architecture names: a new subpackage joins them here automatically.
    assert {"quoteverify.align", "quoteverify.extract", "quoteverify.verdict"} <= set(SUBPACKAGES)
    assert {"quoteverify.report", "quoteverify.serve"} <= set(SUBPACKAGES)
    assert {"quoteverify.suppress", "quoteverify.library_people"} <= set(TOP_LEVEL_WITH_ALL)


@dataclass(frozen=True)
class Use:
    importer: str
    target: str  # the dotted name imported: a module, or module.name
    line: int


def imports(module: str) -> Iterator[Use]:
    """Every quoteverify import in the module, function-level (lazy) ones included."""
    path = MODULES[module]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            origin = _resolve(module, path.name == "__init__.py", node)
            if origin == "quoteverify" or origin.startswith("quoteverify."):
                for alias in node.names:
                    yield Use(module, f"{origin}.{alias.name}", node.lineno)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("quoteverify."):
                    yield Use(module, alias.name, node.lineno)


def _inside(module: str, owner: str) -> bool:
    return module == owner or module.startswith(f"{owner}.")


def private_reach(use: Use) -> str | None:
    """Why ``use`` reaches into something private it does not own, or None.

    Each private segment of the dotted name is owned by what precedes it:
    ``quoteverify.align._diff`` by the package ``quoteverify.align``,
    ``quoteverify.library._ngrams`` by the module ``quoteverify.library``.
    Segments owned by ``quoteverify`` itself (``quoteverify._fetch``) are the
    shared plumbing.  Private names of a private module are that module's
    package's business, as is anything below a private segment already
    allowed (``extract._names._norm`` from ``extract._cues``).
    """
    parts = use.target.split(".")
    for i in range(1, len(parts)):
        if parts[i].startswith("_") and not parts[i].startswith("__"):
            owner = ".".join(parts[:i])
            if owner != "quoteverify" and not _inside(use.importer, owner):
                return f"{use.target}: {parts[i]} is private to {owner}"
            return None
    return None


def test_no_module_imports_another_packages_private_names() -> None:
    reaches = [
        f"{MODULES[u.importer].relative_to(ROOT)}:{u.line}: {why}"
        for m in MODULES
        for u in imports(m)
        if (why := private_reach(u)) is not None
    ]
    assert not reaches, "\n".join(reaches)


def test_what_other_packages_import_is_exported() -> None:
    # A name taken from a package by a module outside it is part of its API.
    missing = []
    for m in MODULES:
        for u in imports(m):
            package, _, name = u.target.rpartition(".")
            if (
                package in SUBPACKAGES
                and not _inside(m, package)
                and f"{package}.{name}" not in MODULES
            ):
                if name not in (declared_all(package) or ()):
                    missing.append(f"{m}:{u.line}: {u.target}")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize(
    ("importer", "target", "private"),
    [
        ("quoteverify.verdict", "quoteverify.align._diff.word_diff", True),
        ("quoteverify.verdict._words", "quoteverify.align.word_diff", False),
        ("quoteverify.align", "quoteverify.align._diff.word_diff", False),
        ("quoteverify.align._quote", "quoteverify.align._tokens.key_of", False),
        ("quoteverify.cli", "quoteverify._fetch.fetch", False),
        ("quoteverify.check", "quoteverify.report._checkrun", True),
        ("quoteverify.library_pg", "quoteverify.library._ngrams", True),
        ("quoteverify.library", "quoteverify.library._ngrams", False),
        ("quoteverify.extract._cues", "quoteverify.extract._names._norm", False),
        ("quoteverify.cli", "quoteverify.__version__", False),
    ],
)
def test_private_reach_rule(importer: str, target: str, private: bool) -> None:
    assert (private_reach(Use(importer, target, 1)) is not None) is private


TOP_LEVEL_WITH_ALL = sorted(
    m for m in MODULES if m.count(".") == 1 and m not in SUBPACKAGES and declared_all(m) is not None
)


@pytest.mark.parametrize("module", TOP_LEVEL_WITH_ALL)
def test_a_top_level_modules_all_lists_everything_public_it_defines(module: str) -> None:
    # A top-level module that declares its API declares all of it; names it
    # imports are its tools, listed only when it re-exports them on purpose.
    defined = {b.name for b in bindings(module) if b.origin is None and not b.name.startswith("_")}
    assert sorted(defined - set(declared_all(module) or [])) == []


@pytest.mark.parametrize(
    "module", sorted(m for m in MODULES if m not in SUBPACKAGES and declared_all(m) is not None)
)
def test_a_modules_all_names_only_what_it_binds(module: str) -> None:
    # A stale entry breaks ``import *`` and tells a reader of a name that is gone.
    bound = {b.name for b in bindings(module)}
    declared = declared_all(module) or []
    assert [n for n in declared if n not in bound] == []
    assert len(declared) == len(set(declared)), f"{module}.__all__ lists a name twice"


def test_lazy_exports_name_what_their_modules_define() -> None:
    """A ``_LAZY_EXPORTS`` entry is resolved only when used: a wrong module name
    would surface as an AttributeError in some rarely run command."""
    import importlib

    for package in SUBPACKAGES:
        if not any(
            isinstance(n, ast.Assign) and _is_lazy_exports(n)
            for n in ast.parse(MODULES[package].read_text(encoding="utf-8")).body
        ):
            continue
        mod = importlib.import_module(package)
        for name in declared_all(package) or []:
            assert getattr(mod, name) is not None, f"{package}.{name}"
