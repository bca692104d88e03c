"""The TOML line scanner: the line of every key, for config errors that name it."""

from __future__ import annotations

import doctest
import tomllib

from quoteverify import _toml_lines
from quoteverify._toml_lines import key_lines


def test_key_lines_scanner_handles_the_hard_parts() -> None:
    text = (
        'a = """\n'
        "b = 1\n"
        '"""\n'
        "c = 'a\"b = 1'\n"
        "d = '''x\n"
        "e = 2'''\n"
        '"f.g" = "h # i"\n'
        "j.k = { l = 1 }\n"
        '[ "t" . u ]\n'
        "m = [\n"
        "  [1, 2],\n"
        "  # n = 3\n"
        "]\n"
        "[[arr]]\n"
        'o = "\\" p = 4"\n'
        "q = 5\n"
    )
    tomllib.loads(text)  # the scanner only ever sees text tomllib accepted
    lines = key_lines(text)
    assert lines == {
        ("a",): 1,
        ("c",): 4,
        ("d",): 5,
        ("f.g",): 7,
        ("j",): 8,
        ("j", "k"): 8,
        ("t",): 9,
        ("t", "u"): 9,
        ("t", "u", "m"): 10,
        ("arr",): 14,
        ("arr", "o"): 15,
        ("arr", "q"): 16,
    }


def test_the_docstring_example_holds() -> None:
    assert doctest.testmod(_toml_lines).failed == 0
