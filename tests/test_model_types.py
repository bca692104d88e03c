"""The closed sets of words in ``models`` (``Literal``s) are the ones the code uses:
every note code and diff flag the engine writes is a declared ``NoteCode`` or
``DiffFlag``, and every tuple of choices the CLI, the config and the schemas offer
is the ``Literal``'s own words."""

from __future__ import annotations

import re
from typing import get_args

import pytest

from quoteverify import config, schema, suppress
from quoteverify.models import (
    FAIL_ON_CHOICES,
    NOTE_CODES,
    VERDICT_ORDER,
    DiffFlag,
    FindingVerdict,
    NoteCode,
    Verdict,
)

from .conftest import ROOT, judge_text
from .verdict_sets import SETS, LabelledSet, bench_run, load_cases

# ``Note("code", …`` with the code a literal, on one line or the next.
_LITERAL_CODE = re.compile(r'\bNote\(\s*"([^"]+)"')


def test_every_literal_note_code_in_the_code_is_declared() -> None:
    found = {
        code
        for path in (ROOT / "quoteverify").rglob("*.py")
        for code in _LITERAL_CODE.findall(path.read_text(encoding="utf-8"))
    }
    assert found, "no Note(...) found: the pattern is stale"
    assert found <= set(NOTE_CODES), sorted(found - set(NOTE_CODES))


@pytest.mark.parametrize("labelled", [pytest.param(s, id=s.name) for s in SETS if s.gate])
def test_every_note_code_the_engine_writes_is_declared(labelled: LabelledSet) -> None:
    # Codes made at run time (a flag's name, a minor difference's kind) too.
    codes = {code for row in bench_run(labelled.folder)["rows"] for code, _ in row["notes"]}
    assert codes <= set(get_args(NoteCode)), sorted(codes - set(NOTE_CODES))


def test_verdict_words_are_spelt_once() -> None:
    assert VERDICT_ORDER == get_args(Verdict)
    assert VERDICT_ORDER[1:] == get_args(FindingVerdict) == suppress.VERDICT_NAMES
    assert FAIL_ON_CHOICES == (*get_args(FindingVerdict), "none")
    assert config.KEYS["fail-on"].choices == FAIL_ON_CHOICES
    quote = schema.report_schema()["properties"]["quotes"]["items"]["properties"]
    assert quote["verdict"]["enum"] == [*VERDICT_ORDER, None]


@pytest.mark.parametrize("labelled", [pytest.param(s, id=s.name) for s in SETS if s.gate])
def test_every_diff_flag_the_engine_writes_is_declared(labelled: LabelledSet) -> None:
    from quoteverify.align import prepare_source
    from quoteverify.models import Speaker
    from quoteverify.sources import load_source

    prepared = {}
    flags: set[str] = set()
    for case in load_cases(labelled.folder):
        rel = case["source"]
        if rel not in prepared:
            prepared[rel] = prepare_source(load_source(str(labelled.folder / rel)))
        who = case.get("speaker")
        speaker = Speaker(who, who.split()[-1], 0, 0) if who else None
        result = judge_text(case["quote"], speaker, prepared[rel])
        flags.update(f for op in result.diff for f in op.flags)
    assert flags, "no flag at all: the cases no longer exercise the diff"
    assert flags <= set(get_args(DiffFlag)), sorted(flags - set(get_args(DiffFlag)))
