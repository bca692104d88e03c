"""The speaker guard of the attribution table: dates, numbers, places and labels
are no speakers (issue 11, class 2).

Sentences are from real articles (fixtures/extraction-realworld: Wikinews CC BY 2.5
and White House releases; the White House corpus; the project's fixtures)."""

from __future__ import annotations

from .conftest import name, q


def test_places_dates_and_numbers_are_no_speakers() -> None:
    # White House round-ups: "President Trump is protecting America's children"
    # (2025-03-04) and "lower gas prices just in time for summer holiday travel".
    children = (
        "In Illinois, Chicago’s Lurie Children’s Hospital paused sex-change surgeries for"
        " patients under 19 as it “work[s] to understand the rapidly evolving environment.”"
        " - In Colorado, Denver Health announced it would stop performing such surgeries.\n"
    )
    gas = (
        "The good news is being felt across the nation:\n\n"
        "[Tupelo, Mississippi](https://x.com/RapidResponse47/status/1939676012033569007):"
        " “If you’re driving, you could be in for a pleasant surprise at the pump.”\n\n"
        "[Toledo, Ohio](https://x.com/RapidResponse47/status/1939675728628305956): “Summer gas"
        " prices are at a surprising four-year low.”\n"
    )
    places = {"Illinois", "Colorado", "Tupelo", "Mississippi", "Toledo", "Ohio"}
    for text in (children, gas):
        quotes = [x for x in q(text, "markdown") if x.kind == "quote"]
        # The hospital's "it" may speak (``subject-quoted-verb``); a place may not.
        assert quotes and all(x.speaker is None or x.speaker.name not in places for x in quotes)
    assert all(x.speaker is None for x in q(gas, "markdown") if x.kind == "quote")


def test_fact_check_labels_are_no_speakers() -> None:
    # White House "myth vs fact" and fake-news round-ups.
    for text in (
        "FACT: New York Times made no mention of their own reporting that fluoride may be"
        " “linked to lower IQ scores in children.”\n",
        "MYTH: “SNAP work requirements are unnecessary.”\n\nFACT: They are needed.\n",
    ):
        assert all(x.speaker is None for x in q(text)), text


def test_a_sentence_adverb_set_off_by_its_comma_is_no_speaker() -> None:
    # "The state of play" (White House, 2025-04-11): not "Likewise"; a surname in
    # "-ly" before its cue still speaks (the seed's "Saparbekuly added").
    text = (
        "Likewise, Nia Malika-Henderson on CNN ridiculously asked, “Is it worth it to upend"
        " the global economy for HVAC jobs?” And she was wrong.\n"
    )
    assert all(x.speaker is None or x.speaker.name != "Likewise" for x in q(text))
    seed = (
        "Stating that the bandits use both weapons they stole in raids and previously"
        " supplied firearms, Saparbekuly added, “Only terrorists are targeted.”\n"
    )
    (x,) = q(seed)
    assert x.speaker is not None and x.speaker.name == "Saparbekuly"


def test_a_sentence_opening_conjunction_is_no_speaker() -> None:
    # Vice President Harris, 2024-06-12 (White House corpus): "Or" was the speaker of
    # the child's words and, read across the quotation, of the parent's answer.
    text = (
        "THE VICE PRESIDENT:  When their child says, “I want to go to an HBCU,” you can"
        " say, “Honey, you don’t have to take out that loan.” Or if your child says, “I"
        " want to start a business,” you can say, “Honey, I can take some equity out of"
        " the home.”\n"
    )
    quotes = q(text)
    assert len(quotes) == 4  # all found, so that the check below can fail
    assert all(name(x) not in ("Or", "Nor") for x in quotes)
