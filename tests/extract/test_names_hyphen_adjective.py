"""A capitalised word joined to a lower-case one ("Colorado Springs-based",
"Soros-funded") modifies a noun and never speaks.

Sentences from the White House releases of 2025-02-14 and 2025-05-02
(fixtures/extraction-wh-fresh6)."""

from __future__ import annotations

import pytest

from quoteverify.extract._names import split_name

from .conftest import q


@pytest.mark.parametrize("run", ["Colorado Springs-based", "Soros-funded", "Texas-born"])
def test_hyphen_adjective_is_no_name(run: str) -> None:
    assert split_name(run) is None


@pytest.mark.parametrize(
    ("run", "name"),
    [
        ("Minnesota-born Senator Amy Klobuchar", "Amy Klobuchar"),
        ("Nia Malika-Henderson", "Nia Malika-Henderson"),
        ("Pittsburgh Post-Gazette", "Pittsburgh Post-Gazette"),
        ("Ai-jen Poo", "Ai-jen Poo"),
        ("Kim Jong-un", "Kim Jong-un"),
        ("President-elect Joe Biden", "President-elect Joe Biden"),
        ("Prime Minister Mohammed Shia al-Sudani", "Mohammed Shia al-Sudani"),
    ],
)
def test_hyphen_names_keep_their_capital(run: str, name: str) -> None:
    got = split_name(run)
    assert got is not None and got[1] == name


def test_hyphen_adjective_before_a_company_is_not_the_speaker() -> None:
    text = (
        "Colorado Springs-based, family-owned Western Steel, Inc., praised the move: “What we"
        " hope that the tariffs will bring is some sort of stability to U.S. pricing.”\n"
    )
    (got,) = [x for x in q(text) if x.kind == "quote"]
    assert got.speaker is None or "based" not in got.speaker.name
