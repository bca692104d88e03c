"""Where each key of a TOML text stands: the line numbers ``tomllib`` does not keep.

``config`` names the line of a bad value (``config 'quoteverify.toml': line 4:
unknown key 'fail_on'``); tomllib returns values only, so this re-reads the
text tomllib has already accepted.  Stdlib only, like ``config``.
"""

from __future__ import annotations

import tomllib


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    r"""The line of every key and table header, by full dotted path.

    tomllib keeps no positions, so this re-reads text it has already accepted:
    only headers, key names, strings (which may hide ``=`` and ``#``) and
    bracket depth (a multi-line array is one statement) matter.

    >>> key_lines('timeout = 5\nexclude = [\n  "a = b",\n]\n[speakers]\n"A B" = "x.txt"\n')
    {('timeout',): 1, ('exclude',): 2, ('speakers',): 5, ('speakers', 'A B'): 6}
    """
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    i, n, line = 0, len(text), 1
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif c in " \t\r":
            i += 1
        elif c == "#":
            i = _end_of_line(text, i)
        elif c == "[":
            double = text.startswith("[[", i)
            path, i = _read_key(text, i + (2 if double else 1), "]")
            i += 2 if double else 1
            table = path
            # ``[tool.quoteverify]`` also places ``tool``, which it defines implicitly.
            for k in range(1, len(path) + 1):
                lines.setdefault(path[:k], line)
        else:
            path, i = _read_key(text, i, "=")
            full = table + path
            # A dotted key also places its parents: ``speakers."A B" = …``.
            for k in range(len(table) + 1, len(full) + 1):
                lines.setdefault(full[:k], line)
            i, line = _skip_value(text, i + 1, line)
    return lines


def _end_of_line(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _read_key(text: str, i: int, stop: str) -> tuple[tuple[str, ...], int]:
    parts: list[str] = []
    while True:
        while text[i] in " \t":
            i += 1
        if text[i] == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            # tomllib already accepted this key, so it decodes the escapes too.
            parts.append(next(iter(tomllib.loads(f"{text[i : j + 1]} = 0"))))
            i = j + 1
        elif text[i] == "'":
            j = text.index("'", i + 1)
            parts.append(text[i + 1 : j])
            i = j + 1
        else:
            j = i
            while text[j] not in " \t.=]":
                j += 1
            parts.append(text[i:j])
            i = j
        while text[i] in " \t":
            i += 1
        if text[i] == ".":
            i += 1
            continue
        if text[i] == stop:
            return tuple(parts), i
        raise AssertionError("unreachable for text tomllib accepted")  # pragma: no cover


def _skip_value(text: str, i: int, line: int) -> tuple[int, int]:
    depth, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "\"'":
            end = _string_end(text, i)
            line += text.count("\n", i, end)
            i = end
        elif c in "[{":
            depth += 1
            i += 1
        elif c in "]}":
            depth -= 1
            i += 1
        elif c == "#":
            i = _end_of_line(text, i)
        elif c == "\n":
            line += 1
            i += 1
            if depth == 0:
                break
        else:
            i += 1
    return i, line


def _string_end(text: str, i: int) -> int:
    q = text[i]
    if text.startswith(q * 3, i):
        j = i + 3
        while not text.startswith(q * 3, j):
            j += 2 if q == '"' and text[j] == "\\" else 1
        # A run of up to five quotes: the last three close, the others are content.
        while j < len(text) and text[j] == q:
            j += 1
        return j
    j = i + 1
    while text[j] != q:
        j += 2 if q == '"' and text[j] == "\\" else 1
    return j + 1
