"""The configuration file: where it is, what it may say, and what wins.

Found in this order (the first that exists is the only one read; files are never
merged):

1. ``--config FILE``;
2. the environment variable ``QUOTEVERIFY_CONFIG``;
3. walking up from the working directory, in each directory:
   ``quoteverify.toml``, ``.quoteverify.toml``, then ``pyproject.toml`` if it has
   a ``[tool.quoteverify]`` table (one without it does not count).

Keys are the long command-line option names without ``--``.  A flag given on
the command line replaces the file's value, lists included; ``speakers``
merges by speaker name.  Relative paths in the file are relative to the file's
folder, so a config works from any subdirectory.  Pure functions and small
frozen dataclasses; stdlib only, so importing it keeps ``--help`` fast.
See ``docs/CONFIG.md``.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from .errors import InputError
from .models import (
    CHECK_FORMATS,
    FAIL_ON_CHOICES,
    FINDING_LEVELS,
    REPORT_FORMATS,
    FailOn,
    FindingLevel,
    ReportFormat,
)

ENV_VAR = "QUOTEVERIFY_CONFIG"
CONFIG_NAMES = ("quoteverify.toml", ".quoteverify.toml")
PYPROJECT = "pyproject.toml"
PYPROJECT_TABLE = ("tool", "quoteverify")

FORMATS = CHECK_FORMATS
MIN_LEVELS = FINDING_LEVELS
DEFAULT_INCLUDE: tuple[str, ...] = (
    "**/*.md",
    "**/*.markdown",
    "**/*.html",
    "**/*.htm",
)
# Folders that are never content, and the .txt files a repository commonly holds
# that are not articles.
DEFAULT_EXCLUDE: tuple[str, ...] = (
    ".git/**",
    "node_modules/**",
    ".venv/**",
    "venv/**",
    "**/__pycache__/**",
    "**/requirements*.txt",
    "**/robots.txt",
    "**/LICENSE*",
    "**/CMakeLists.txt",
)

Kind = Literal[
    "bool",
    "number",
    "integer",
    "str",
    "url",
    "path",
    "choice",
    "globs",
    "sources",
    "paths",
    "reports",
    "speakers",
    "headers",
    "statuses",
]


class ConfigError(InputError):
    """A config file (or option) that cannot be used, in one line.

    ``config 'quoteverify.toml': line 4: unknown key 'fail_on' (did you mean 'fail-on'?)``
    """

    def __init__(
        self,
        ref: str,
        cause: str,
        *,
        line: int | None = None,
        key: str | None = None,
        what: str = "config",
    ) -> None:
        self.line = line
        self.key = key
        super().__init__(what, ref, f"line {line}: {cause}" if line is not None else cause)


@dataclass(frozen=True)
class Key:
    """One supported key: its kind decides validation, ``unset`` says what None means."""

    name: str
    kind: Kind
    default: object
    help: str
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    minimum_inclusive: bool = True
    unset: str = ""


KEYS: Mapping[str, Key] = {
    k.name: k
    for k in (
        Key("fail-on", "choice", "diverged", "exit 1 when a quote has this verdict or a worse one",
            choices=FAIL_ON_CHOICES),
        Key("format", "choice", None, "report format on stdout", choices=REPORT_FORMATS,
            unset="human on a terminal, concise otherwise"),
        Key("report", "reports", (), "also write reports to files: FORMAT=PATH, repeatable"),
        Key("quiet", "bool", False, "no summary on stderr"),
        Key("exit-zero", "bool", False, "exit 0 even when some quote fails --fail-on"),
        Key("baseline", "path", None, "known findings to ignore (a baseline file)",
            unset="no baseline"),
        Key("include", "globs", DEFAULT_INCLUDE, "which files to check when given folders"),
        Key("exclude", "globs", DEFAULT_EXCLUDE, "files and folders never checked"),
        Key("respect-gitignore", "bool", True,
            "skip the files .gitignore ignores when searching folders and globs"),
        Key("min-level", "choice", "note",
            "hide findings below this level from reports (the exit code is unchanged)",
            choices=MIN_LEVELS),
        Key("source", "sources", (), "a primary source (URL or file) for every article"),
        Key("library", "paths", (), "source libraries for quotes with no source, searched "
            "together (one path or a list)"),
        Key("library-window", "integer", 30, "days from the article's date a library "
            "document may be", minimum=0),
        Key("no-links", "bool", False, "do not look for sources among the article's links"),
        Key("timeout", "number", 20.0, "seconds per request", minimum=0.0,
            minimum_inclusive=False),
        Key("deadline", "number", None, "seconds per document in total, retries included",
            minimum=0.0, minimum_inclusive=False, unset="three times the timeout"),
        Key("run-deadline", "number", 600.0, "seconds of fetching per run in total",
            minimum=0.0, minimum_inclusive=False),
        Key("max-concurrency", "integer", 8, "requests in flight at once, in total",
            minimum=1),
        Key("per-host", "integer", 2, "requests in flight at once to one host", minimum=1),
        Key("retries", "integer", 3, "retries of a failed request (connection errors, 429, 5xx)",
            minimum=0),
        Key("accept", "statuses", (),
            "HTTP statuses besides 2xx whose body is read as the document, e.g. [404]"),
        Key("exclude-url", "globs", (),
            "regular expressions of URLs never to fetch (like .lycheeignore)"),
        Key("headers", "headers", {},
            "extra request headers per host, e.g. a cookie for a paywalled transcript: a "
            "table of host = {Name = value}; a value \"$VAR\" is read from the environment"),
        Key("user-agent", "str", None, "User-Agent header to send",
            unset="quoteverify's own User-Agent"),
        Key("allow-private", "bool", False,
            "allow URLs on loopback, private and link-local addresses"),
        Key("ignore-robots", "bool", False, "do not obey robots.txt"),
        Key("cache", "path", None, "SQLite cache of fetched pages and robots.txt",
            unset="fetch.sqlite in the user cache folder ($QUOTEVERIFY_CACHE_DIR)"),
        Key("no-cache", "bool", False, "use no cache: fetch everything again"),
        Key("offline", "bool", False, "serve fetches from the cache only"),
        Key("refresh", "bool", False, "refetch even fresh cached pages"),
        Key("max-cache-age", "number", None,
            "seconds a cached page is used without asking the server", minimum=0.0,
            unset="ask the server (conditional request)"),
        Key("archive", "path", None, "record every response fetched as WARC records",
            unset="no archive"),
        Key("replay", "path", None, "serve every fetch from this WARC archive, no network",
            unset="fetch from the network"),
        Key("wayback", "url", None, "for dead links, try this Wayback-compatible archive",
            unset="no Wayback fallback"),
        Key("speaker-alias", "globs", (),
            "map transcript labels to people: [\"LABEL=NAME\", ...]"),
        Key("speakers", "speakers", {},
            "sources per speaker: a table of name = [URL or path, ...]"),
    )
}  # fmt: skip


@dataclass(frozen=True)
class Setting:
    """One effective value and where it came from, while ``resolve`` merges.

    ``origin`` is ``"default"``, ``"command line"`` or ``"PATH:LINE"`` (PATH
    relative to the working directory when inside it).  ``entry_origins`` is
    for ``speakers``: each speaker name's own origin.
    """

    key: str
    value: object
    origin: str
    entry_origins: Mapping[str, str] = field(default_factory=dict)


def attribute(key: str) -> str:
    """The ``Settings`` attribute of a key (and its argparse ``dest``).

    >>> attribute("fail-on")
    'fail_on'
    """
    return key.replace("-", "_")


# The attributes of ``Settings`` that say where the values came from, not what
# they are: every other attribute is one key of ``KEYS`` (tests/test_config.py
# holds the two to each other, kind by kind).
PROVENANCE = ("origins", "speaker_origins", "path", "found_by", "ignored")


@dataclass(frozen=True)
class Settings:
    """Every key of ``KEYS`` with its effective value, one typed attribute per key
    (``fail-on`` is ``fail_on``), then where the values came from.

    A misspelt attribute is an AttributeError (and a type checker's error), not
    a silent None.  Lists are tuples; ``None`` is what the key's ``unset`` says.
    """

    fail_on: FailOn
    format: ReportFormat | None
    report: tuple[str, ...]
    quiet: bool
    exit_zero: bool
    baseline: str | None
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    respect_gitignore: bool
    min_level: FindingLevel
    source: tuple[str, ...]
    library: tuple[str, ...]
    library_window: int
    no_links: bool
    timeout: float
    deadline: float | None
    run_deadline: float
    max_concurrency: int
    per_host: int
    retries: int
    accept: tuple[int, ...]
    exclude_url: tuple[str, ...]
    # host -> ((Name, value), ...), the values read from the environment already.
    headers: Mapping[str, tuple[tuple[str, str], ...]]
    user_agent: str | None
    allow_private: bool
    ignore_robots: bool
    # A file path, or a postgresql:// URL for a shared cache.
    cache: str | None
    no_cache: bool
    offline: bool
    refresh: bool
    max_cache_age: float | None
    archive: str | None
    replay: str | None
    wayback: str | None
    speaker_alias: tuple[str, ...]
    speakers: Mapping[str, tuple[str, ...]]
    # Key -> "default", "command line" or "PATH:LINE"; for ``speakers``, each
    # speaker name's own origin in ``speaker_origins``.
    origins: Mapping[str, str] = field(default_factory=dict)
    speaker_origins: Mapping[str, str] = field(default_factory=dict)
    path: Path | None = None  # the config file read
    found_by: str = ""  # "--config", "QUOTEVERIFY_CONFIG", "search", "" for no file
    # Settings of a configuration found in the repository that were not
    # honoured, one warning line each (see ``_untrusted``).
    ignored: tuple[str, ...] = ()

    def origin(self, key: str) -> str:
        """Where ``key``'s value came from; an unknown key is a KeyError."""
        return self.origins[key]


# --- finding the file --------------------------------------------------------------


def find_config(explicit: str | None, env: Mapping[str, str], cwd: Path) -> Path | None:
    """The config file to read (absolute), or None; a named file that is missing is an error."""
    found = _find(explicit, env, cwd)
    return found[0] if found else None


def _find(explicit: str | None, env: Mapping[str, str], cwd: Path) -> tuple[Path, str] | None:
    cwd = cwd.absolute()
    named = [(explicit, "--config"), (env.get(ENV_VAR), ENV_VAR)]
    for ref, how in named:
        # An empty variable is how shells unset things for one command.
        if not ref:
            continue
        path = cwd / Path(ref).expanduser()
        if not path.exists():
            where = "" if how == "--config" else f" (from {ENV_VAR})"
            raise ConfigError(ref, f"no such file{where}")
        if not path.is_file():
            raise ConfigError(ref, "not a file")
        return path, how
    for folder in (cwd, *cwd.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name, "search"
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_our_table(pyproject, cwd):
            return pyproject, "search"
    return None


def _has_our_table(pyproject: Path, cwd: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    # A project's pyproject.toml that never mentions us is not ours to judge,
    # even when it does not parse.
    if "quoteverify" not in text:
        return False
    data = _parse(text, _shown(pyproject, cwd))
    return isinstance(data.get("tool"), dict) and isinstance(data["tool"].get("quoteverify"), dict)


# --- reading the file --------------------------------------------------------------


@dataclass(frozen=True)
class _Loaded:
    values: dict[str, tuple[object, int]]
    speaker_lines: dict[str, int]


def load_config(path: Path, *, shown: str | None = None) -> dict[str, tuple[object, int]]:
    """Key -> (validated value, line).  Relative paths are resolved against ``path``'s folder.

    ``shown`` is how to name the file in errors (default: ``path`` as given).
    Lists come back as tuples, ``speakers`` as ``dict[str, tuple[str, ...]]``.
    """
    return _load(path, shown or str(path)).values


def _load(path: Path, shown: str) -> _Loaded:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ConfigError(shown, exc.strerror or str(exc)) from None
    except UnicodeDecodeError:
        raise ConfigError(shown, "not UTF-8 text") from None
    data = _parse(text, shown)
    prefix: tuple[str, ...] = ()
    if path.name == PYPROJECT:
        prefix = PYPROJECT_TABLE
        table = data.get("tool", {}).get("quoteverify")
        if not isinstance(table, dict):
            raise ConfigError(shown, "no [tool.quoteverify] table")
        data = table
    from ._toml_lines import key_lines  # with tomllib: only when a file is read

    lines = key_lines(text)

    def line_of(*keys: str) -> int:
        # A key inside an inline table has no line of its own: use its parent's.
        full = prefix + keys
        for n in range(len(full), 0, -1):
            if full[:n] in lines:
                return lines[full[:n]]
        return 1

    base = path.absolute().parent
    values: dict[str, tuple[object, int]] = {}
    speaker_lines: dict[str, int] = {}
    for name, raw in data.items():
        line = line_of(name)
        spec = KEYS.get(name)
        if spec is None:
            raise ConfigError(shown, _unknown(name), line=line, key=name)
        value: object
        if spec.kind == "speakers":
            value, speaker_lines = _speakers_from_file(raw, shown, line, base, line_of)
        else:
            try:
                value = _check(spec, raw, base)
            except _Bad as bad:
                raise ConfigError(shown, f"'{name}' {bad}", line=line, key=name) from None
        values[name] = (value, line)
    return _Loaded(values, speaker_lines)


def _parse(text: str, shown: str) -> dict[str, Any]:
    import tomllib  # here, not at import: most runs read no configuration file

    try:
        return tomllib.loads(text)
    except RecursionError:
        # tomllib recurses per nested array or table: thousands of "[" exhaust the stack.
        raise ConfigError(shown, "nested too deeply to be a configuration") from None
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\s*\(at line (\d+), column (\d+)\)$", msg)
        if m is None:
            end = re.search(r"\s*\(at end of document\)$", msg)
            cause = msg[: end.start()] if end else msg
            line = text.rstrip().count("\n") + 1 if end else None
            raise ConfigError(shown, f"invalid TOML: {cause}", line=line) from None
        cause = f"invalid TOML: {msg[: m.start()]} (column {m.group(2)})"
        raise ConfigError(shown, cause, line=int(m.group(1))) from None


def _unknown(name: str) -> str:
    msg = f"unknown key '{name}'"
    if name == "tool":
        return msg + " ([tool.quoteverify] belongs in pyproject.toml)"
    import difflib  # only for a mistake: not worth its import on every run

    guess = name.replace("_", "-").lower()
    close = [guess] if guess in KEYS else difflib.get_close_matches(guess, list(KEYS), n=1)
    return msg + (f" (did you mean '{close[0]}'?)" if close else "")


# --- validation --------------------------------------------------------------------


class _Bad(Exception):
    """A bad value; the message reads after the key's name: "'timeout' must be …"."""


def _check(spec: Key, raw: object, base: Path | None) -> object:
    """The value as the program uses it; ``base`` None means it came from the command line."""
    kind = spec.kind
    if kind == "bool":
        if not isinstance(raw, bool):
            raise _Bad(f"must be true or false, not {_describe(raw)}")
        return raw
    if kind == "number":
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise _Bad(f"must be a number, not {_describe(raw)}")
        value = float(raw)
        if not math.isfinite(value):
            raise _Bad(f"must be a finite number, not {_describe(raw)}")
        if spec.minimum is not None:
            if spec.minimum_inclusive and value < spec.minimum:
                raise _Bad(f"must be {_num(spec.minimum)} or more, not {_describe(raw)}")
            if not spec.minimum_inclusive and value <= spec.minimum:
                raise _Bad(f"must be greater than {_num(spec.minimum)}, not {_describe(raw)}")
        return value
    if kind == "integer":
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise _Bad(f"must be a whole number, not {_describe(raw)}")
        if spec.minimum is not None and raw < spec.minimum:
            raise _Bad(f"must be {_num(spec.minimum)} or more, not {_describe(raw)}")
        return raw
    if kind == "choice":
        text = _string(raw)
        if text not in spec.choices:
            import difflib

            close = difflib.get_close_matches(text, spec.choices, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise _Bad(f"must be one of {', '.join(spec.choices)}; not {_describe(raw)}{hint}")
        return text
    if kind == "str":
        text = _string(raw)
        # A header value: a line break would smuggle in another header.
        if any(ord(c) < 32 or ord(c) == 127 for c in text):
            raise _Bad("must not contain control characters or line breaks")
        return text
    if kind == "url":
        text = _string(raw)
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise _Bad(f"must be an http:// or https:// URL, not {_describe(raw)}")
        return text
    if kind == "path":
        return _path(_string(raw), base)
    if kind == "globs":
        return tuple(_strings(raw))
    if kind == "sources":
        return tuple(_source(ref, base) for ref in _strings(raw))
    if kind == "paths":
        # A database URL (a PostgreSQL library) is not a path to resolve.
        return tuple(ref if "://" in ref else _path(ref, base) for ref in _strings(raw))
    if kind == "reports":
        return tuple(_report(item, base) for item in _strings(raw))
    if kind == "headers":
        return _headers(raw)
    if kind == "statuses":
        return _statuses(raw)
    raise AssertionError(f"unhandled kind {kind}")  # pragma: no cover


def _statuses(raw: object) -> tuple[int, ...]:
    # "404,410" (the command line) or [404, 410] (the file).
    items = raw.split(",") if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple):
        raise _Bad(f"must be a list of HTTP statuses, not {_describe(raw)}")
    out = set()
    for item in items:
        try:
            code = int(str(item).strip()) if not isinstance(item, bool) else -1
        except ValueError:
            code = -1
        if not 200 <= code <= 599 or 300 <= code <= 399:
            # Redirects are always followed: accepting one would read its
            # empty body as the transcript.
            raise _Bad(f"{item!r} is not an HTTP status from 200 to 599 outside 3xx")
        out.add(code)
    return tuple(sorted(out))


_HEADER_NAME_RE = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
_ENV_REF_RE = re.compile(r"^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$")


def _headers(raw: object) -> dict[str, tuple[tuple[str, str], ...]]:
    """``{host: {Name: value}}`` as ``{host: ((Name, value), ...)}``; a value
    ``$VAR`` or ``${VAR}`` is the environment variable's, so secrets stay out of
    the file.  Errors never quote a value: it may be a secret."""
    if not isinstance(raw, dict):
        raise _Bad(f"must be a table of host = {{Name = value}}, not {_describe(raw)}")
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for host, table in raw.items():
        name = str(host).strip().lower()
        if (
            not name
            or any(c in name for c in "/:@ ")
            or not (name.isascii() and name.isprintable())
        ):
            raise _Bad(f"host {host!r} must be a bare host name such as www.example.com")
        if not isinstance(table, dict):
            raise _Bad(f"{host!r} must be a table of Name = value")
        pairs = []
        for header, value in table.items():
            if not _HEADER_NAME_RE.match(str(header)):
                raise _Bad(f"{host!r}: {header!r} is not a header name")
            if not isinstance(value, str):
                raise _Bad(f"{host!r}: {header} must be a string")
            ref = _ENV_REF_RE.match(value)
            if ref:
                got = os.environ.get(ref.group(1))
                if not got:
                    raise _Bad(
                        f"{host!r}: {header}: environment variable {ref.group(1)} is not set"
                    )
                value = got
            if not value.isascii() or any(ord(c) < 32 or ord(c) == 127 for c in value):
                raise _Bad(f"{host!r}: {header}: the value must be printable ASCII")
            pairs.append((str(header), value))
        out[name] = tuple(pairs)
    return out


def _string(raw: object) -> str:
    if not isinstance(raw, str):
        raise _Bad(f"must be a string, not {_describe(raw)}")
    if not raw.strip():
        raise _Bad("must not be empty")
    return raw


def _strings(raw: object) -> list[str]:
    # A lone string is the one-element list people mean when they write it.
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple):
        raise _Bad(f"must be an array of strings, not {_describe(raw)}")
    out = []
    for i, item in enumerate(items, 1):
        if not isinstance(item, str):
            raise _Bad(f"item {i} must be a string, not {_describe(item)}")
        if not item.strip():
            raise _Bad(f"item {i} must not be empty")
        out.append(item)
    return out


def _path(ref: str, base: Path | None) -> str:
    if ref.lower().startswith(("postgresql://", "postgres://")):
        return ref  # a database URL (a shared cache), not a file under ``base``
    path = Path(ref).expanduser()
    if base is None or path.is_absolute():
        return str(path) if ref.startswith("~") else ref
    return str(base / path)


def _is_url(ref: str) -> bool:
    # Same rule as _fetch.is_url, which this module must not import (it is heavy).
    return ref.lower().startswith(("http://", "https://"))


def _source(ref: str, base: Path | None) -> str:
    return ref if _is_url(ref) else _path(ref, base)


def _report(item: str, base: Path | None) -> str:
    fmt, sep, target = item.partition("=")
    fmt, target = fmt.strip(), target.strip()
    if not sep or not fmt or not target:
        raise _Bad(f'items must be FORMAT=PATH, e.g. "sarif=quoteverify.sarif"; not {item!r}')
    if fmt not in REPORT_FORMATS:
        raise _Bad(f"format {fmt!r} in {item!r} is not one of {', '.join(REPORT_FORMATS)}")
    return f"{fmt}={_path(target, base)}"


def _describe(raw: object) -> str:
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, str):
        text = json.dumps(raw, ensure_ascii=False)
        return text if len(text) <= 60 else text[:56] + '…"'
    if isinstance(raw, int | float):
        return repr(raw)
    if isinstance(raw, list | tuple):
        return "an array"
    if isinstance(raw, dict):
        return "a table"
    if raw is None:
        return "nothing"
    return "a date or time"


def _num(value: float) -> str:
    # int has no is_integer() before Python 3.12: "--max-concurrency 0" crashed here.
    return str(int(value)) if float(value).is_integer() else str(value)


def _speakers_from_file(
    raw: object,
    shown: str,
    line: int,
    base: Path,
    line_of: Callable[..., int],
) -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    if not isinstance(raw, dict):
        raise ConfigError(
            shown,
            f"'speakers' must be a table of name = [sources], not {_describe(raw)}",
            line=line,
            key="speakers",
        )
    out: dict[str, tuple[str, ...]] = {}
    lines: dict[str, int] = {}
    seen: dict[str, str] = {}
    for name, refs in raw.items():
        at = line_of("speakers", name)
        label = f"speaker '{name}'"
        if not name.strip():
            raise ConfigError(shown, "speakers: a speaker name must not be empty", line=at)
        folded = _fold(name)
        if folded in seen:
            raise ConfigError(
                shown,
                f"{label} is given twice (also as '{seen[folded]}'; names ignore case)",
                line=at,
                key="speakers",
            )
        seen[folded] = name
        try:
            out[name] = tuple(_source(ref, base) for ref in _strings(refs))
        except _Bad as bad:
            raise ConfigError(shown, f"{label}: sources {bad}", line=at, key="speakers") from None
        lines[name] = at
    return out, lines


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


# --- merging -----------------------------------------------------------------------


def resolve(
    cli: Mapping[str, object],
    *,
    explicit: str | None = None,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Settings:
    """Defaults, then the config file, then ``cli`` (only the flags the user gave).

    A list from the command line replaces the file's list.  ``speakers`` from
    the command line merges: a name given there (case-insensitively) replaces
    the file's entry for it, other names stay.  Command-line values are
    validated like the file's (``option '--timeout': must be greater than 0``)
    but their paths stay as given: relative to the working directory.  A value
    of None in ``cli`` counts as not given.
    """
    env = os.environ if env is None else env
    cwd = (Path.cwd() if cwd is None else cwd).absolute()
    settings: dict[str, Setting] = {
        k.name: Setting(k.name, _default(k), "default") for k in KEYS.values()
    }
    ignored: list[str] = []
    found = _find(explicit, env, cwd)
    path: Path | None = None
    how = ""
    if found is not None:
        path, how = found
        shown = _shown(path, cwd)
        loaded = _load(path, shown)
        if how == "search":
            ignored = _untrusted(loaded.values, path, shown)
        for key, (value, line) in loaded.values.items():
            entries = {}
            if key == "speakers":
                entries = {n: f"{shown}:{ln}" for n, ln in loaded.speaker_lines.items()}
            settings[key] = Setting(key, value, f"{shown}:{line}", entries)
    for key, raw in cli.items():
        if raw is None:
            # argparse's "not given"; a value of None can never be typed.
            continue
        spec = KEYS.get(key)
        if spec is None:
            # A programming error in the caller, not the user's: fail loudly.
            raise ValueError(f"resolve(): {key!r} is not a config key")
        if spec.kind == "speakers":
            settings[key] = _merge_speakers(settings[key], raw)
            continue
        try:
            value = _check(spec, raw, None)
        except _Bad as bad:
            raise ConfigError(f"--{key}", str(bad), what="option", key=key) from None
        settings[key] = Setting(key, value, "command line")
    # A key without its attribute (or the reverse) fails here, on every run.
    values: dict[str, Any] = {attribute(key): s.value for key, s in settings.items()}
    return Settings(
        **values,
        origins={key: s.origin for key, s in settings.items()},
        speaker_origins=dict(settings["speakers"].entry_origins),
        path=path,
        found_by=how,
        ignored=tuple(ignored),
    )


# Keys that weaken the SSRF guard or robots.txt: never from a file the user did not name.
# ``headers`` too: a pull request's configuration could name "$CI_SECRET" for
# its own host and so send the runner's secrets to it.
GUARD_KEYS = ("allow-private", "ignore-robots", "headers")
# Keys naming files quoteverify writes: only inside the repository, from such a file.
WRITE_KEYS = ("cache", "archive")


def _untrusted(values: dict[str, tuple[object, int]], path: Path, shown: str) -> list[str]:
    """Drop from ``values`` what a configuration found by searching may not set.

    In CI the file found walking up is the pull request's: it must not turn
    the SSRF guard off or make the run write outside the repository.  What it
    says there is reported and ignored; the same keys are honoured from the
    command line or a file named with --config or $QUOTEVERIFY_CONFIG.
    Returns one warning line per ignored setting.
    """
    from ._localfile import folder_root

    root = folder_root(path.parent, path.parent)
    notes: list[str] = []

    def note(key: str, line: int, what: str) -> None:
        notes.append(
            f"{shown}:{line}: {what} ignored: a configuration found in the repository may "
            f"not set it (pass --{key} or name the file with --config to use it)"
        )

    for key in GUARD_KEYS:
        if key in values and values[key][0]:
            note(key, values[key][1], f"'{key}'")
            del values[key]
    for key in WRITE_KEYS:
        if key in values and values[key][0] and not _inside_root(str(values[key][0]), root):
            note(key, values[key][1], f"'{key}' outside the repository")
            del values[key]
    if "report" in values:
        items, line = values["report"]
        kept = []
        for item in items:  # type: ignore[attr-defined]
            target = str(item).partition("=")[2]
            if _inside_root(target, root):
                kept.append(item)
            else:
                note("report", line, f"'report' {target} (outside the repository)")
        values["report"] = (tuple(kept), line)
    return notes


def _inside_root(target: str, root: Path) -> bool:
    real = Path(os.path.realpath(target))
    return real.is_relative_to(root) and ".git" not in real.relative_to(root).parts


def _default(spec: Key) -> object:
    return dict(spec.default) if isinstance(spec.default, dict) else spec.default


def _merge_speakers(current: Setting, raw: object) -> Setting:
    if not isinstance(raw, Mapping):
        raise ConfigError("--speakers", "must be a mapping of name to sources", what="option")
    value = dict(current.value) if isinstance(current.value, dict) else {}
    entries = dict(current.entry_origins)
    for name, refs in raw.items():
        try:
            sources = tuple(_source(ref, None) for ref in _strings(refs))
        except _Bad as bad:
            raise ConfigError(
                "--speakers", f"speaker '{name}': sources {bad}", what="option"
            ) from None
        for old in [n for n in value if _fold(n) == _fold(name)]:
            del value[old]
            entries.pop(old, None)
        value[name] = sources
        entries[name] = "command line"
    origin = "command line" if current.origin == "default" else current.origin
    return Setting(current.key, value, origin, entries)


def _shown(path: Path, cwd: Path) -> str:
    try:
        return str(path.relative_to(cwd))
    except ValueError:
        return str(path)


# --- config show -------------------------------------------------------------------


def show(settings: Settings) -> str:
    """``config show``: every key, its effective value and origin; the text is valid TOML."""
    if settings.path is None:
        head = ["# no config file: defaults and command line only"]
    else:
        how = {
            "--config": "named by --config",
            ENV_VAR: f"named by {ENV_VAR}",
            "search": "found walking up from the working directory",
        }.get(settings.found_by, "")
        head = [f"# config file: {settings.path}" + (f" ({how})" if how else "")]
        if settings.path.name == PYPROJECT:
            head.append("# (the keys below live under [tool.quoteverify] there)")
    lines = head
    for spec in KEYS.values():
        if spec.kind == "speakers":
            continue
        value = getattr(settings, attribute(spec.name))
        origin = settings.origin(spec.name)
        if spec.kind == "headers" and not value:
            lines.append(f"headers = {{}}  # {origin}")
            continue
        if spec.kind == "headers":
            # Names only: the values are credentials, never printed.
            hosts = "; ".join(
                f"{host} ({', '.join(n for n, _ in pairs)})"
                for host, pairs in sorted(value.items())
            )
            lines.append(f"# headers: {hosts}; values not shown  # {origin}")
            continue
        if value is None:
            lines.append(f"# {spec.name}: not set, {spec.unset}  # {origin}")
        else:
            lines.append(f"{_toml_key(spec.name)} = {_toml(value)}  # {origin}")
    origin = settings.origin("speakers")
    lines += ["", f"[speakers]  # {origin}"]
    for name, refs in settings.speakers.items():
        at = settings.speaker_origins.get(name, origin)
        lines.append(f"{_toml_key(name)} = {_toml(refs)}  # {at}")
    return "\n".join(lines) + "\n"


def _toml_key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else _toml(name)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        # JSON string escapes are a subset of TOML basic-string escapes.
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Sequence):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(f"cannot show {type(value).__name__}")  # pragma: no cover
