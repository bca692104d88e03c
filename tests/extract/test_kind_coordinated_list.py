"""coordinated: a short quoted phrase joined to the quotation before it by a comma
or "and"/"or" alone is the next item of that speaker's list (issue 11, class 1:
attributed fragments typed as scare quotes); after a scare quote or an
unattributed quotation a list stays what it was.

Sentences from White House releases (the White House corpus)."""

from __future__ import annotations

from .conftest import name, q


def _counted(text: str) -> list[tuple[str, str | None]]:
    return [(x.text, name(x)) for x in q(text) if x.kind in ("quote", "fragment")]


def test_items_after_the_first_take_its_speaker() -> None:
    # "Democrats' unhinged crusade against ICE" (2025-09-26).
    text = (
        "Democrats have spent years vilifying ICE as “fascists,” “the Gestapo,” and"
        " “slave patrols,” inciting a 1,000% surge in assaults on agents.\n"
    )
    assert _counted(text) == [
        ("fascists,", "Democrats"),
        ("the Gestapo,", "Democrats"),
        ("slave patrols,", "Democrats"),
    ]


def test_a_listed_item_keeps_the_speaker_of_its_sentence() -> None:
    # The same text; before, "betrayal." went to the previous sentence's speaker.
    text = (
        "Gov. JB Pritzker claimed the country is becoming “Nazi Germany” because ICE is"
        " “grabbing people off the street.” Rep. Robin Kelly smeared ICE as the"
        " “Gestapo” and a “betrayal.” Rep. Jasmine Crockett compared ICE to “slave"
        " patrols.”\n"
    )
    got = dict(_counted(text))
    assert got["Gestapo"] == got["betrayal."] == "Robin Kelly"


def test_items_after_a_comma_only() -> None:
    # "Charlotte murder exposes Democrat failures" (2025-09-08).
    text = (
        "In 2020, then-Governor Roy Cooper established the “Task Force for Racial Equity"
        " in Criminal Justice” — co-chaired by then-Attorney General and current Governor"
        " Josh Stein — which recommended “reimagining public safety” to “promote diversion and other alternatives to"
        " arrest,” “deemphasize” some felony crimes, and “eliminate cash bail” for many"
        " crimes.\n"
    )
    kinds = {x.text: x.kind for x in q(text)}
    assert kinds["deemphasize"] == "fragment"


def test_three_items_with_articles() -> None:
    # Wind-tower visit, 2023-11-29.
    text = (
        "The Inflation Reduction Act — which self-described MAGA Republican"
        " Representative Lauren Boebert called “dangerous for America,” a “massive"
        " failure,” and “bad for Colorado’s Third District.”\n"
    )
    assert {n for _, n in _counted(text)} == {"Lauren Boebert"}
    assert len(_counted(text)) == 3


def test_a_list_of_terms_or_after_an_unattributed_quotation_stays() -> None:
    for text in (
        # Week-eight wins, 2025-03-14: a writer's terms.
        "The EPA canceled more than 400 “diversity, equity, and inclusion” and"
        " “environmental justice” grants, totaling $1.7 billion.\n",
        # NPR/PBS release, 2025-04-14.
        "In 2017, PBS aired a panel devoted to what it “mean[s] to be woke” and"
        " “white privilege.”\n",
    ):
        assert [x.kind for x in q(text)][-1] == "scare", q(text)
