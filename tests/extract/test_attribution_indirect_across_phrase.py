"""indirect-across-phrase: a quoted phrase after another in the same sentence has
the sentence's cue, looked for from the sentence's start. Read on the writer's
words (quotations blanked), a full stop inside a closing mark vanishes, so the
sentence before ran into this one and lent its subject (issue 11, class 4).

Sentences from the White House release "Democrats’ Unhinged Crusade Against ICE
Fuels Bloodshed" (2025-09-26, wh-fresh7: nine phrases went to the previous
sentence's speaker) and the press briefing of 2023-05-01 (White House corpus: the
Chamber of Commerce of the sentence before was given the economists' "disaster")."""

from __future__ import annotations

from .conftest import counted, name


def test_the_sentences_own_subject_after_a_quoted_full_stop() -> None:
    text = (
        "Gov. Tim Walz smeared ICE as the “modern-day Gestapo.” Gov. Gavin Newsom likened"
        " ICE to “secret police,” calling them “authoritarian” and proclaiming a “right to"
        " push back.” Gov. JB Pritzker claimed the country is becoming “Nazi Germany”"
        " because ICE is “grabbing people off the street… and disappearing them.” Rep."
        " Robin Kelly smeared ICE as the “Gestapo” and a “betrayal.”\n"
    )
    got = {x.text: name(x) for x in counted(text)}
    # "Nazi Germany" is left to the scare-quote rules: whether it counts is not
    # what this test is about.
    assert {k: v for k, v in got.items() if k != "Nazi Germany"} == {
        "modern-day Gestapo.": "Tim Walz",
        "secret police,": "Gavin Newsom",
        "authoritarian": "Gavin Newsom",
        "right to push back.": "Gavin Newsom",
        "grabbing people off the street… and disappearing them.": "JB Pritzker",
        "Gestapo": "Robin Kelly",
        "betrayal.": "Robin Kelly",
    }
    assert counted(text)[2].attribution_rule == "indirect-across-phrase"


def test_a_cue_of_its_own_after_a_quotation_ending_the_sentence_before() -> None:
    text = (
        "Rep. John Larson said ICE is “the SS” and “the Gestapo.” Rep. LaMonica McIver"
        " incited people to “shut down the city” because “we are at war.”\n"
    )
    assert name(counted(text)[-1]) == "LaMonica McIver"


def test_not_the_subject_of_the_sentence_before() -> None:
    text = (
        "And a couple of things here: The Chamber of Commerce has said prioritization"
        " would have “catastrophic economic consequences.” Economists to Republican"
        " Senators Portman, Rubio, and Romney called it a “really bad idea” and a"
        " “disaster.”\n"
    )
    quotes = counted(text)
    assert name(quotes[0]) == "Chamber of Commerce"
    assert name(quotes[-1]) != "Chamber of Commerce"
    assert name(quotes[-1]) == name(quotes[-2])


def test_a_sentence_without_a_cue_goes_on_with_the_one_before() -> None:
    # White House, 2025-06-30 (wh-fresh3): no cue after "According to CNBC" until
    # the third quotation, whose sentence has none of its own.
    text = (
        "Gas prices are falling as millions of Americans hit the road for the holiday"
        " weekend.\nAccording to CNBC, “gas is the cheapest it’s ever been.”"
        " Inflation-adjusted gas prices “are near the lowest levels we’ve seen in the last"
        " 20 years” — and with rising incomes, “Americans are actually spending far less"
        " of their income on energy than they have in years.”\n"
    )
    assert name(counted(text)[-1]) == "CNBC"


def test_lead_with_quoted_phrase_reads_from_the_same_sentence_start() -> None:
    # ``lead-with-quoted-phrase`` shares the sentence start: the same release gave
    # "resistance" to Tim Walz, three sentences back.
    text = (
        "Gov. Tim Walz smeared ICE as the “modern-day Gestapo.” Rep. Delia Ramirez"
        " attacked ICE as “a terror force.” Rep. Pramila Jayapal called ICE agents"
        " “deranged,” accused them of “kidnapping,” and said “resistance” to ICE is"
        " “inspiring.”\n"
    )
    got = {x.text: name(x) for x in counted(text)}
    assert got["resistance"] == "Pramila Jayapal"
    assert got["inspiring."] == "Pramila Jayapal"
