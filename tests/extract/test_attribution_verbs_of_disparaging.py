"""indirect-cue: verbs of disparaging with "as" ("attacked ICE as “…”",
"vilifying ICE as “…”") attribute the quoted words to the subject, as "smeared …
as" and "described … as" do (issue 11, class 1: attributed fragments typed as
scare quotes).

Sentences from White House releases (the White House corpus)."""

from __future__ import annotations

from .conftest import name, q


def test_attacked_as_is_the_subjects_fragment() -> None:
    for text in (
        # "Democrats' unhinged crusade against ICE" (2025-09-26).
        "Rep. Sylvia Garcia referred to ICE agents as “thugs.” Rep. Delia Ramirez attacked"
        " ICE as “a terror force.”\n",
        # "57 times sick, unhinged Democrats declared war on law enforcement" (2026-01-09).
        "22. Rep. Delia Ramirez said ICE is the “single biggest threat to public safety"
        " right now” and attacked ICE as “a terror force.”\n",
    ):
        (x,) = [x for x in q(text) if x.text == "a terror force."]
        assert (x.kind, name(x)) == ("fragment", "Delia Ramirez")


def test_vilifying_as_is_the_subjects_fragment() -> None:
    # 2025-09-26.
    text = (
        "Democrats have spent years vilifying ICE as “fascists,” inciting a 1,000% surge"
        " in assaults on agents.\n"
    )
    (x,) = q(text)
    assert (x.kind, name(x)) == ("fragment", "Democrats")
