"""reported-predicate (within scare-unattributed): a capitalised name quoted as the
predicate of a reported clause is the speaker's comparison, not a title (issue 11:
"Nazi Germany" was a scare quote in White House 2025-09-26 and 2026-01-09)."""

from __future__ import annotations

from .conftest import q


def _one(text: str, body: str) -> tuple[str, str | None]:
    (x,) = [x for x in q(text) if x.text == body]
    return x.kind, x.speaker.name if x.speaker else None


def test_is_becoming_a_name() -> None:
    # 2025-09-26.
    text = (
        "Gov. JB Pritzker claimed the country is becoming “Nazi Germany” because ICE is"
        " taking people off the street.\n"
    )
    assert _one(text, "Nazi Germany") == ("fragment", "JB Pritzker")


def test_turning_into_a_name() -> None:
    # 2026-01-09.
    text = "3. Illinois Gov. JB Pritzker claimed ICE is turning the country into “Nazi Germany.”\n"
    assert _one(text, "Nazi Germany.") == ("fragment", "JB Pritzker")


def test_a_title_after_a_preposition_stays_a_title() -> None:
    text = "Pritzker said he watched “Meet the Press” with friends.\n"
    assert _one(text, "Meet the Press")[0] == "scare"


def test_without_a_cue_a_name_stays_a_scare_quote() -> None:
    text = "The country is becoming “Nazi Germany” in the eyes of some.\n"
    assert _one(text, "Nazi Germany") == ("scare", None)
