"""indirect-cue: "X referred to Y as “…”" attributes the quoted words to X, as
"described … as" does (issue 11, class 1: short attributed fragments); a passive
"(often) referred to as “…”" names a term and stays a scare quote.

Sentences from White House releases (the White House corpus)."""

from __future__ import annotations

from .conftest import q


def test_referred_to_object_as_is_the_subjects_fragment() -> None:
    for text, who in (
        (
            # "Democrats' unhinged crusade against ICE" (2025-09-26), again 2026-01-09.
            "Rep. Jasmine Crockett compared ICE to “slave patrols.” Rep. Sylvia Garcia"
            " referred to ICE agents as “thugs.” Rep. Delia Ramirez attacked ICE.\n",
            "Sylvia Garcia",
        ),
        (
            # "President Trump finally ends the madness" (2025-05-02).
            "NPR disparagingly referred to pro-life Americans at the March for Life as"
            " “anti-abortion rights activists.” NPR explored other things.\n",
            "NPR",
        ),
    ):
        frags = [x for x in q(text) if x.kind == "fragment" and "referred" in (x.cue or "")]
        assert [x.speaker.name for x in frags if x.speaker] == [who], frags


def test_passive_referred_to_as_names_a_term() -> None:
    for text in (
        # Fact sheet of 2022-08-01; agreement with Malaysia, 2025-10-26.
        "In addition, it will ban unserialized firearms, often referred to as “ghost guns.”\n",
        "The Government of the United States of America and the Government of Malaysia"
        " (hereinafter referred to individually as “a Party”) agree.\n",
    ):
        assert [x.kind for x in q(text)] == ["scare"]
