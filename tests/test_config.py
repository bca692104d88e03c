"""The configuration file: discovery, line numbers, validation, precedence, ``config show``."""

from __future__ import annotations

import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import FrozenInstanceError, fields, replace
from pathlib import Path

import pytest

from quoteverify.config import (
    DEFAULT_EXCLUDE,
    DEFAULT_INCLUDE,
    KEYS,
    PROVENANCE,
    ConfigError,
    Key,
    Settings,
    _check,
    attribute,
    find_config,
    load_config,
    resolve,
    show,
)
from quoteverify.errors import InputError

from .conftest import ROOT


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- discovery ---------------------------------------------------------------------


def test_explicit_beats_env_beats_search(tmp_path) -> None:
    near = write(tmp_path / "quoteverify.toml", "")
    named = write(tmp_path / "other.toml", "")
    from_env = write(tmp_path / "env.toml", "")
    env = {"QUOTEVERIFY_CONFIG": str(from_env)}
    assert find_config("other.toml", env, tmp_path) == named
    assert find_config(None, env, tmp_path) == from_env
    assert find_config(None, {}, tmp_path) == near


def test_empty_env_variable_is_ignored(tmp_path) -> None:
    near = write(tmp_path / "quoteverify.toml", "")
    assert find_config(None, {"QUOTEVERIFY_CONFIG": ""}, tmp_path) == near


@pytest.mark.parametrize(
    ("explicit", "env", "message"),
    [
        ("nope.toml", {}, "config 'nope.toml': no such file"),
        (None, {"QUOTEVERIFY_CONFIG": "gone.toml"}, "config 'gone.toml': no such file (from "),
        (".", {}, "config '.': not a file"),
    ],
)
def test_named_config_must_exist(tmp_path, explicit, env, message) -> None:
    # Even with a file nearby: a config the user named and we cannot read is an error.
    write(tmp_path / "quoteverify.toml", "")
    with pytest.raises(ConfigError) as err:
        find_config(explicit, env, tmp_path)
    assert str(err.value).startswith(message)
    assert isinstance(err.value, InputError)


def test_search_order_within_a_folder(tmp_path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.quoteverify]\ntimeout = 3\n")
    assert find_config(None, {}, tmp_path) == tmp_path / "pyproject.toml"
    write(tmp_path / ".quoteverify.toml", "")
    assert find_config(None, {}, tmp_path) == tmp_path / ".quoteverify.toml"
    write(tmp_path / "quoteverify.toml", "")
    assert find_config(None, {}, tmp_path) == tmp_path / "quoteverify.toml"


def test_search_walks_up_past_a_pyproject_without_our_table(tmp_path) -> None:
    top = write(tmp_path / "quoteverify.toml", "")
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'x'\n")
    # Broken but not ours: never parsed, so it cannot break the run.
    write(tmp_path / "pkg" / "sub" / "pyproject.toml", "[project\n")
    deep = tmp_path / "pkg" / "sub" / "deeper"
    deep.mkdir()
    assert find_config(None, {}, deep) == top


def test_search_finds_pyproject_in_a_parent(tmp_path) -> None:
    py = write(tmp_path / "pyproject.toml", "[tool.quoteverify.speakers]\nX = 'x.txt'\n")
    (tmp_path / "docs").mkdir()
    assert find_config(None, {}, tmp_path / "docs") == py


# --- reading -----------------------------------------------------------------------


def test_values_lines_and_relative_paths(tmp_path) -> None:
    cfg = write(
        tmp_path / "conf" / "quoteverify.toml",
        "# quoteverify settings\n"
        'fail-on = "stitched"\n'
        "timeout = 5\n"
        "\n"
        'source = ["transcripts/a.txt", "https://example.org/t", "/abs/b.txt"]\n'
        'cache = "../cache.sqlite"\n'
        'report = ["sarif=out/qv.sarif"]\n'
        "exclude = [\n"
        '  "drafts/**",  # not = a key\n'
        '  "x = y",\n'
        "]\n"
        "include = '**/*.md'\n"
        "\n"
        "[speakers]\n"
        '"Antony Blinken" = ["https://www.state.gov/t", "transcripts/blinken.txt"]\n'
        "'Karine Jean-Pierre' = \"kjp.txt\"\n",
    )
    base = tmp_path / "conf"
    got = load_config(cfg)
    assert got["fail-on"] == ("stitched", 2)
    assert got["timeout"] == (5.0, 3)
    assert got["source"] == (
        (str(base / "transcripts/a.txt"), "https://example.org/t", "/abs/b.txt"),
        5,
    )
    assert got["cache"] == (str(base / "../cache.sqlite"), 6)
    assert got["report"] == ((f"sarif={base / 'out/qv.sarif'}",), 7)
    assert got["exclude"] == (("drafts/**", "x = y"), 8)
    assert got["include"] == (("**/*.md",), 12)
    assert got["speakers"] == (
        {
            "Antony Blinken": ("https://www.state.gov/t", str(base / "transcripts/blinken.txt")),
            "Karine Jean-Pierre": (str(base / "kjp.txt"),),
        },
        14,
    )


def test_pyproject_form(tmp_path) -> None:
    py = write(
        tmp_path / "pyproject.toml",
        "[project]\n"
        'name = "site"\n'
        "\n"
        "[tool.quoteverify]\n"
        "no-links = true\n"
        "\n"
        "[tool.ruff]\n"
        "line-length = 100\n"
        "\n"
        "[tool.quoteverify.speakers]\n"
        '"Antony Blinken" = ["b.txt"]\n',
    )
    got = load_config(py)
    assert got["no-links"] == (True, 5)
    assert got["speakers"] == ({"Antony Blinken": (str(tmp_path / "b.txt"),)}, 10)
    assert set(got) == {"no-links", "speakers"}


def test_named_pyproject_without_our_table_is_an_error(tmp_path) -> None:
    py = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"no \[tool.quoteverify\] table"):
        resolve({}, explicit=str(py), env={}, cwd=tmp_path)


def test_dotted_speaker_keys_get_their_own_lines(tmp_path) -> None:
    cfg = write(
        tmp_path / "quoteverify.toml",
        'timeout = 1\nspeakers."Antony Blinken" = "a.txt"\nspeakers.Psaki = 3\n',
    )
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert err.value.line == 3
    assert "speaker 'Psaki': sources must be an array of strings, not 3" in str(err.value)


# --- errors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            'fail_on = "minor"',
            "line 4: unknown key 'fail_on' (did you mean 'fail-on'?)",
        ),
        ("sources = []", "line 4: unknown key 'sources' (did you mean 'source'?)"),
        ("colour = true", "line 4: unknown key 'colour'"),
        ("timeout = -1", "line 4: 'timeout' must be greater than 0, not -1"),
        ("timeout = 0", "line 4: 'timeout' must be greater than 0, not 0"),
        ("timeout = inf", "line 4: 'timeout' must be a finite number, not inf"),
        ('timeout = "20"', "line 4: 'timeout' must be a number, not \"20\""),
        ("timeout = true", "line 4: 'timeout' must be a number, not true"),
        ("max-cache-age = -0.5", "line 4: 'max-cache-age' must be 0 or more, not -0.5"),
        ('offline = "yes"', "line 4: 'offline' must be true or false, not \"yes\""),
        ("quiet = 1", "line 4: 'quiet' must be true or false, not 1"),
        (
            'fail-on = "verbatim"',
            "line 4: 'fail-on' must be one of minor, elided, diverged, stitched, misattributed, "
            'not_found, unverifiable, none; not "verbatim"',
        ),
        (
            'fail-on = "divergd"',
            "line 4: 'fail-on' must be one of minor, elided, diverged, stitched, misattributed, "
            "not_found, unverifiable, none; not \"divergd\" (did you mean 'diverged'?)",
        ),
        ('format = "text"', "line 4: 'format' must be one of human, concise, json, jsonl,"),
        ('cache = ""', "line 4: 'cache' must not be empty"),
        ("library = [1]", "line 4: 'library' item 1 must be a string, not 1"),
        ('wayback = "web.archive.org"', "line 4: 'wayback' must be an http:// or https:// URL"),
        ('user-agent = "a\\nX-Evil: 1"', "line 4: 'user-agent' must not contain control"),
        ("include = [1]", "line 4: 'include' item 1 must be a string, not 1"),
        ('exclude = ["a", " "]', "line 4: 'exclude' item 2 must not be empty"),
        ("source = {a = 1}", "line 4: 'source' must be an array of strings, not a table"),
        ('report = ["out.sarif"]', "line 4: 'report' items must be FORMAT=PATH"),
        ('report = ["pdf=out.pdf"]', "line 4: 'report' format 'pdf' in 'pdf=out.pdf' is not"),
        ("speakers = 3", "line 4: 'speakers' must be a table of name = [sources], not 3"),
        ("[speakers]\nBlinken = [1]", "line 5: speaker 'Blinken': sources item 1 must be a"),
        ('[speakers]\n"" = "a.txt"', "line 5: speakers: a speaker name must not be empty"),
        (
            '[speakers]\n"Ned Price" = "a"\n"ned  price" = "b"',
            "line 6: speaker 'ned  price' is given twice (also as 'Ned Price'; names ignore case)",
        ),
        ("[fetch]\ntimeout = 3", "line 4: unknown key 'fetch'"),
        ("[tool.quoteverify]\ntimeout = 3", "line 4: unknown key 'tool' ([tool.quoteverify]"),
        ("timeout = [1,", "line 4: invalid TOML: "),
        ("timeout = 1\ntimeout = 2", "line 5: invalid TOML: "),
        ("x = 'a' 'b'", "line 4: invalid TOML: "),
    ],
)
def test_bad_config_is_one_line_naming_file_line_and_key(
    tmp_path, monkeypatch, body, message
) -> None:
    write(tmp_path / "quoteverify.toml", "# header\nrefresh = false\n\n" + body + "\n")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError) as err:
        resolve({}, env={})
    text = str(err.value)
    assert text.startswith("config 'quoteverify.toml': " + message), text
    assert "\n" not in text


def test_error_names_the_file_relative_to_cwd_when_inside(tmp_path) -> None:
    write(tmp_path / "site" / "quoteverify.toml", "colour = 1\n")
    with pytest.raises(ConfigError) as err:
        resolve({}, env={}, cwd=tmp_path / "site")
    assert str(err.value) == "config 'quoteverify.toml': line 1: unknown key 'colour'"
    (tmp_path / "site" / "sub").mkdir()
    with pytest.raises(ConfigError) as err:
        resolve({}, env={}, cwd=tmp_path / "site" / "sub")
    assert str(err.value).startswith(f"config '{tmp_path / 'site' / 'quoteverify.toml'}'")


def test_not_utf8(tmp_path) -> None:
    (tmp_path / "quoteverify.toml").write_bytes(b"timeout = 1 # \xff\n")
    with pytest.raises(ConfigError, match="not UTF-8 text"):
        resolve({}, env={}, cwd=tmp_path)


def test_every_default_passes_its_own_validation() -> None:
    checked = 0
    for key in KEYS.values():
        if key.default is None or key.kind == "speakers":
            continue
        assert _check(key, key.default, None) == key.default, key.name
        checked += 1
    assert checked >= 5


# --- precedence --------------------------------------------------------------------


def test_defaults_only(tmp_path) -> None:
    st = resolve({}, explicit=str(write(tmp_path / "empty.toml", "")), env={}, cwd=tmp_path)
    assert st.path == tmp_path / "empty.toml"
    assert st.fail_on == "diverged"
    assert st.timeout == 20.0
    assert st.format is None
    assert st.include == DEFAULT_INCLUDE
    assert st.exclude == DEFAULT_EXCLUDE
    assert st.speakers == {}
    assert set(st.origins.values()) == {"default"}
    assert set(st.origins) == set(KEYS)


def test_command_line_beats_file_and_lists_replace(tmp_path) -> None:
    write(
        tmp_path / "quoteverify.toml",
        'timeout = 5\nsource = ["a.txt", "b.txt"]\nquiet = true\nfail-on = "minor"\n',
    )
    st = resolve(
        {"timeout": 9.0, "source": ["c.txt"], "cache": "rel.sqlite", "format": None},
        env={},
        cwd=tmp_path,
    )
    assert st.timeout == 9.0 and st.origin("timeout") == "command line"
    # Command-line paths are the user's, relative to where they typed them.
    assert st.source == ("c.txt",)
    assert st.cache == "rel.sqlite"
    assert st.quiet is True and st.origin("quiet") == "quoteverify.toml:3"
    assert st.fail_on == "minor" and st.origin("fail-on") == "quoteverify.toml:4"
    assert st.format is None and st.origin("format") == "default"
    assert st.found_by == "search"


def test_command_line_values_are_validated(tmp_path) -> None:
    with pytest.raises(ConfigError) as err:
        resolve({"timeout": -2.0}, env={}, cwd=tmp_path)
    assert str(err.value) == "option '--timeout': must be greater than 0, not -2.0"


def test_unknown_command_line_key_is_a_programming_error(tmp_path) -> None:
    with pytest.raises(ValueError, match="'output' is not a config key"):
        resolve({"output": "x"}, env={}, cwd=tmp_path)


def test_speakers_merge_by_name(tmp_path) -> None:
    write(
        tmp_path / "quoteverify.toml",
        '[speakers]\n"Ned Price" = "price.txt"\n"Antony Blinken" = "blinken.txt"\n',
    )
    st = resolve({"speakers": {"ned price": ["new.txt"]}}, env={}, cwd=tmp_path)
    assert st.speakers == {
        "Antony Blinken": (str(tmp_path / "blinken.txt"),),
        "ned price": ("new.txt",),
    }
    assert st.speaker_origins == {
        "Antony Blinken": "quoteverify.toml:3",
        "ned price": "command line",
    }


def test_env_config(tmp_path) -> None:
    cfg = write(tmp_path / "ci" / "qv.toml", 'library = "lib.sqlite"\n')
    st = resolve({}, env={"QUOTEVERIFY_CONFIG": str(cfg)}, cwd=tmp_path)
    assert st.library == (str(tmp_path / "ci" / "lib.sqlite"),)
    assert st.origin("library") == "ci/qv.toml:1"
    assert st.found_by == "QUOTEVERIFY_CONFIG"


# --- typed settings ----------------------------------------------------------------

# What a key of each kind holds once validated: the type ``Settings`` must give it.
KIND_TYPES: dict[str, object] = {
    "bool": bool,
    "number": float,
    "integer": int,
    "str": str,
    "url": str,
    "path": str,
    "globs": tuple[str, ...],
    "sources": tuple[str, ...],
    "paths": tuple[str, ...],
    "reports": tuple[str, ...],
    "statuses": tuple[int, ...],
    "headers": Mapping[str, tuple[tuple[str, str], ...]],
    "speakers": Mapping[str, tuple[str, ...]],
}


def test_every_key_is_an_attribute_and_every_attribute_a_key() -> None:
    names = {f.name for f in fields(Settings)}
    assert set(PROVENANCE) <= names
    assert names - set(PROVENANCE) == {attribute(k) for k in KEYS}
    # Every kind has its type here ("choice": the Literal of its choices, below).
    kinds = set(typing.get_args(typing.get_type_hints(Key)["kind"]))
    assert set(KIND_TYPES) == kinds - {"choice"}


def test_every_attribute_has_its_keys_type() -> None:
    hints = typing.get_type_hints(Settings)
    for key in KEYS.values():
        hint = hints[attribute(key.name)]
        args = typing.get_args(hint)
        # A key whose default is None ("not set") is optional, and only such a key.
        assert (type(None) in args) == (key.default is None), key.name
        if key.default is None:
            (hint,) = [a for a in args if a is not type(None)]
        if key.kind == "choice":
            assert typing.get_origin(hint) is typing.Literal, key.name
            assert typing.get_args(hint) == key.choices, key.name
        else:
            assert hint == KIND_TYPES[key.kind], key.name


def _fits(value: object, hint: object) -> bool:
    """``value`` is of type ``hint`` (the few shapes ``Settings`` uses)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, a) for a in args)
    if origin is typing.Literal:
        return value in args
    if origin is tuple and args[-1] is Ellipsis:
        return isinstance(value, tuple) and all(_fits(v, args[0]) for v in value)
    if origin is tuple:
        return (
            isinstance(value, tuple)
            and len(value) == len(args)
            and all(_fits(v, a) for v, a in zip(value, args, strict=True))
        )
    if origin is Mapping:
        return isinstance(value, Mapping) and all(
            _fits(k, args[0]) and _fits(v, args[1]) for k, v in value.items()
        )
    if hint is type(None):
        return value is None
    # bool is an int to isinstance, never to a setting.
    return type(value) is hint


ALL_KEYS_SET = """\
fail-on = "minor"
format = "json"
report = ["sarif=out.sarif"]
quiet = true
exit-zero = true
baseline = "base.json"
include = "**/*.md"
exclude = ["drafts/**"]
respect-gitignore = false
min-level = "warning"
source = ["a.txt", "https://example.org/t"]
library = ["lib.sqlite", "postgresql://h/db"]
library-window = 7
no-links = true
timeout = 5
deadline = 9
run-deadline = 60
max-concurrency = 3
per-host = 1
retries = 0
accept = [404]
exclude-url = ["^https://ads[.]"]
user-agent = "qv-test"
allow-private = true
ignore-robots = true
cache = "c.sqlite"
no-cache = true
offline = true
refresh = true
max-cache-age = 60
archive = "a.warc.gz"
replay = "r.warc.gz"
wayback = "https://web.archive.org"
speaker-alias = ["THE PRESIDENT=Joe Biden"]

[headers."example.org"]
Cookie = "a=b"

[speakers]
"Ned Price" = "price.txt"
"""


def test_resolved_values_have_their_attributes_types(tmp_path) -> None:
    cfg = write(tmp_path / "all.toml", ALL_KEYS_SET)
    hints = typing.get_type_hints(Settings)
    defaults = resolve({}, explicit=str(write(tmp_path / "empty.toml", "")), env={}, cwd=tmp_path)
    full = resolve(
        {"timeout": 2, "speakers": {"A": "b.txt"}}, explicit=str(cfg), env={}, cwd=tmp_path
    )
    # Every key set, so that a value of the wrong type cannot hide behind a default.
    assert {k for k, o in full.origins.items() if o == "default"} == set()
    for st in (defaults, full):
        for key in KEYS:
            value = getattr(st, attribute(key))
            assert _fits(value, hints[attribute(key)]), (key, value)
    assert full.timeout == 2.0 and full.accept == (404,) and full.retries == 0


def test_a_misspelt_setting_is_an_error_not_none(tmp_path) -> None:
    st = resolve({}, explicit=str(write(tmp_path / "empty.toml", "")), env={}, cwd=tmp_path)
    with pytest.raises(AttributeError):
        st.fail_onn  # noqa: B018 - the access is the test
    with pytest.raises(KeyError):
        st.origin("fail_on")
    with pytest.raises(FrozenInstanceError):
        st.timeout = 1.0  # type: ignore[misc]


# --- config show -------------------------------------------------------------------


SHOWN = """\
# config file: {root}/quoteverify.toml (found walking up from the working directory)
fail-on = "stitched"  # quoteverify.toml:1
# format: not set, human on a terminal, concise otherwise  # default
report = []  # default
quiet = true  # command line
exit-zero = false  # default
# baseline: not set, no baseline  # default
include = ["**/*.md", "**/*.markdown", "**/*.html", "**/*.htm"]  # default
exclude = [".git/**", "node_modules/**", ".venv/**", "venv/**", "**/__pycache__/**", "**/requirements*.txt", "**/robots.txt", "**/LICENSE*", "**/CMakeLists.txt"]  # default
respect-gitignore = true  # default
min-level = "note"  # default
source = []  # default
library = []  # default
library-window = 30  # default
no-links = false  # default
timeout = 20.0  # default
# deadline: not set, three times the timeout  # default
run-deadline = 600.0  # default
max-concurrency = 8  # default
per-host = 2  # default
retries = 3  # default
accept = []  # default
exclude-url = []  # default
headers = {{}}  # default
# user-agent: not set, quoteverify's own User-Agent  # default
allow-private = false  # default
ignore-robots = false  # default
# cache: not set, fetch.sqlite in the user cache folder ($QUOTEVERIFY_CACHE_DIR)  # default
no-cache = false  # default
offline = false  # default
refresh = false  # default
# max-cache-age: not set, ask the server (conditional request)  # default
# archive: not set, no archive  # default
# replay: not set, fetch from the network  # default
# wayback: not set, no Wayback fallback  # default
speaker-alias = []  # default

[speakers]  # quoteverify.toml:3
"Antony Blinken" = ["https://www.state.gov/t", "{root}/t/blinken.txt"]  # quoteverify.toml:4
Jean-Pierre = ["{root}/kjp.txt"]  # quoteverify.toml:5
"""


def test_show(tmp_path) -> None:
    write(
        tmp_path / "quoteverify.toml",
        'fail-on = "stitched"\n\n[speakers]\n'
        '"Antony Blinken" = ["https://www.state.gov/t", "t/blinken.txt"]\n'
        'Jean-Pierre = "kjp.txt"\n',
    )
    st = resolve({"quiet": True}, env={}, cwd=tmp_path)
    text = show(st)
    assert text == SHOWN.format(root=tmp_path)
    # The output is itself a valid config holding the effective values.
    parsed = tomllib.loads(text)
    assert parsed["fail-on"] == "stitched" and parsed["quiet"] is True
    assert parsed["speakers"]["Jean-Pierre"] == [str(tmp_path / "kjp.txt")]
    again = resolve({}, explicit=str(write(tmp_path / "again.toml", text)), env={}, cwd=tmp_path)
    assert all(getattr(again, attribute(k)) == getattr(st, attribute(k)) for k in KEYS)


def test_show_without_file(tmp_path) -> None:
    empty = write(tmp_path / "empty.toml", "")
    st = replace(resolve({}, explicit=str(empty), env={}, cwd=tmp_path), path=None)
    assert show(st).startswith("# no config file: defaults and command line only\n")


# --- docs --------------------------------------------------------------------------


def test_every_key_is_documented() -> None:
    doc = (ROOT / "docs" / "CONFIG.md").read_text(encoding="utf-8")
    missing = [k for k in KEYS if f"`{k}`" not in doc]
    assert missing == []
