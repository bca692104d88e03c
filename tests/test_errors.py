"""The exception family (docs/ERRORS.md): every exception class the package
defines derives from ``QuoteverifyError`` or is listed there as internal-only;
the document's hierarchy is the real one; and ``errors.exit_code`` gives each
class the exit code the document states."""

from __future__ import annotations

import importlib
import inspect
import io
import pkgutil
import re
from contextlib import redirect_stderr

import pytest

import quoteverify
from quoteverify import cli
from quoteverify.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    InputError,
    QuoteverifyError,
    error_line,
    exit_code,
)

from .conftest import ROOT

DOC = (ROOT / "docs" / "ERRORS.md").read_text(encoding="utf-8")


def defined_exceptions() -> dict[str, type[BaseException]]:
    """Every exception class defined at module level in the package, by name."""
    found: dict[str, type[BaseException]] = {}
    for info in pkgutil.walk_packages(quoteverify.__path__, "quoteverify."):
        if info.name.endswith("__main__"):
            continue  # runs the command line when imported
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if (
                inspect.isclass(obj)
                and issubclass(obj, BaseException)
                and obj.__module__ == info.name
            ):
                assert obj.__name__ not in found, f"two exception classes named {obj.__name__}"
                found[obj.__name__] = obj
    return found


def doc_table(section: str) -> dict[str, list[str]]:
    """The rows of the first table under ``## section``: class name -> cells."""
    body = DOC.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    rows: dict[str, list[str]] = {}
    for line in body.splitlines():
        m = re.match(r"\| `(\w+)` \|", line)
        if m:
            rows[m.group(1)] = [c.strip() for c in line.strip().strip("|").split("|")]
    return rows


def doc_tree() -> dict[str, str | None]:
    """The hierarchy as written: class name -> its parent's name."""
    body = DOC.split("## The hierarchy\n", 1)[1].split("\n## ", 1)[0]
    parents: dict[str, str | None] = {}
    stack: list[tuple[int, str]] = []
    for line in body.splitlines():
        m = re.match(r"( *)\* `(\w+)`", line)
        if not m:
            continue
        depth, name = len(m.group(1)), m.group(2)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parents[name] = stack[-1][1] if stack else None
        stack.append((depth, name))
    return parents


EXCEPTIONS = defined_exceptions()
DOCUMENTED = doc_table("Where each one ends")
INTERNAL_ONLY = doc_table("Internal-only exceptions")


def test_the_walk_finds_the_family() -> None:
    # A walk that found nothing would make every test below pass vacuously.
    assert {"QuoteverifyError", "InputError", "FetchError", "NotText", "_Transient"} <= set(
        EXCEPTIONS
    )
    assert len(DOCUMENTED) >= 15 and len(INTERNAL_ONLY) >= 4


@pytest.mark.parametrize("name", sorted(EXCEPTIONS))
def test_every_exception_class_is_in_the_family_or_documented_internal_only(name: str) -> None:
    cls = EXCEPTIONS[name]
    if name in INTERNAL_ONLY:
        assert name.startswith("_"), f"{name} is public: it belongs in the family"
        assert INTERNAL_ONLY[name][1] == f"`{cls.__module__}`"
        return
    assert issubclass(cls, QuoteverifyError), f"{name} does not derive from QuoteverifyError"
    assert name in DOCUMENTED, f"{name} is missing from docs/ERRORS.md"
    assert DOCUMENTED[name][1] == f"`{cls.__module__}`", f"{name} is not where the doc says"


def test_the_documents_rows_and_tree_name_real_classes() -> None:
    assert set(DOCUMENTED) <= set(EXCEPTIONS)
    assert set(INTERNAL_ONLY) <= set(EXCEPTIONS)
    assert set(doc_tree()) == set(DOCUMENTED)


@pytest.mark.parametrize("name", sorted(doc_tree()))
def test_the_documented_hierarchy_is_the_real_one(name: str) -> None:
    parent = doc_tree()[name]
    cls = EXCEPTIONS[name]
    if parent is None:
        assert cls is QuoteverifyError
    else:
        assert EXCEPTIONS[parent] in cls.__bases__, f"{name} is not a direct {parent}"


@pytest.mark.parametrize("name", sorted(DOCUMENTED))
def test_exit_code_covers_each_class_as_documented(name: str) -> None:
    cls = EXCEPTIONS[name]
    # Mapped by class alone: no constructor arguments are needed to decide.
    assert exit_code(cls.__new__(cls)) == int(DOCUMENTED[name][-1])


def test_only_input_errors_are_the_users_to_fix() -> None:
    codes = {name: exit_code(EXCEPTIONS[name].__new__(EXCEPTIONS[name])) for name in DOCUMENTED}
    assert {n for n, c in codes.items() if c == EXIT_USAGE} == {
        n for n in DOCUMENTED if issubclass(EXCEPTIONS[n], InputError)
    }
    assert set(codes.values()) == {EXIT_USAGE, EXIT_INTERNAL}
    assert exit_code(RuntimeError("x")) == EXIT_INTERNAL
    assert exit_code(KeyboardInterrupt()) == EXIT_INTERRUPTED


def test_the_command_line_prints_error_line_and_returns_exit_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # main() holds no mapping of its own: whatever _run raises goes through errors.
    for exc, code, line in [
        (InputError("article", "a\x1b.md", "no such file"), 2, "error: article 'a\\x1b.md'"),
        (ValueError("bad\nvalue"), 3, "internal error: ValueError: bad value (please report this)"),
        (KeyboardInterrupt(), 130, "quoteverify: interrupted"),
    ]:

        def boom(args: object, exc: BaseException = exc) -> int:
            raise exc

        monkeypatch.setattr(cli, "_run", boom)
        err = io.StringIO()
        with redirect_stderr(err):
            assert cli.main(["schema", "config"]) == code
        assert err.getvalue() == error_line(exc) + "\n"
        assert line in err.getvalue()
