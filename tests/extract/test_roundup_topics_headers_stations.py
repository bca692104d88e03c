"""Round-up forms read from the misses of ``fixtures/extraction-wh-fresh2``: topic
labels, name-title header lines, lone-surname lead-ins, terms after "the
definition of", excerpts that quote in single marks over paragraphs, headlines
that open on quoted words, and broadcasters with channel numbers.

Every text is cut from a real White House text (named in the test).
"""

from __future__ import annotations

from pathlib import Path

from tests.extract.conftest import name, q

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures/extraction-wh-fresh2"


def test_topic_label_is_no_speaker_and_carries_the_roundup_person() -> None:
    # whgov_2025-11-03 (60 Minutes interview): "Here the top moments …" has no verb.
    text = (
        "President Trump on 60 Minutes: “Greatest Nine Months in the History of the"
        " Presidency”\n\n"
        "Marking the most accomplished nine months of any presidency in history, President"
        " Donald J. Trump used his powerhouse interview on 60 Minutes to showcase record"
        " stock market gains, global peace breakthroughs, and his unwavering commitment to"
        " law and order.\n\n"
        "Here the top moments you may have missed:\n\n"
        "On ending the Democrat Shutdown: “We keep voting. I mean, the Republicans are"
        " voting almost unanimously to end it — and the Democrats keep voting against ending"
        " it… They’ve lost their way.” On Obamacare: “Obamacare is terrible. It’s bad"
        " healthcare at far too high a price.”\n\n"
    )
    quotes = [x for x in q(text) if x.kind == "quote"]
    assert [(name(x), x.attribution_rule) for x in quotes] == [
        ("Donald J. Trump", "roundup-lead"),
        ("Donald J. Trump", "carry-over"),
    ]


def test_name_header_with_affiliation_over_statement() -> None:
    # whgov_2025-01-06 "What they are saying": "Name, Title, Organisation" lines.
    text = (
        "WHAT THEY ARE SAYING: President Biden Protects Coasts\n\n"
        "Tiernan Sittenfeld, Senior Vice President of Government Affairs, League of"
        " Conservation Voters\n\n"
        "“We applaud the Biden administration for protecting the coasts off the Pacific,"
        " Atlantic, the eastern Gulf of Mexico and portions of the Northern Bering Sea off"
        " Alaska from new offshore oil and gas leasing.”\n\n"
        "Ben Jealous, Executive Director, Sierra Club\n\n"
        "“This critical action is a major win for coastal communities, marine wildlife, and"
        " our collective future.”\n\n"
    )
    assert [(name(x), x.attribution_rule) for x in q(text)] == [
        ("Tiernan Sittenfeld", "name-header"),
        ("Ben Jealous", "name-header"),
    ]


def test_name_header_not_the_article_title() -> None:
    # whgov_2026-05-06 (wh-tuning): the title line over an opening quotation names
    # no author of it.
    text = (
        "First Lady Melania Trump Honors Military Mothers, the Soul of our Nation\n\n"
        "“I often think about the brave people who make the ultimate sacrifice for our"
        " freedom.”\n\n"
    )
    assert all(x.attribution_rule != "name-header" for x in q(text))


def test_surname_lead_in_with_a_lead_verb() -> None:
    # whgov_2025-08-08 (Newsmax special): the Secretary named in full before.
    text = (
        "ICYMI: Celebrating 200 Days of American Renewal\n\n"
        "Secretary of Transportation Sean Duffy delivered an update on the Trump"
        " Administration’s air traffic control overhaul: “We just got a historic downpayment"
        " — $12.5 billion.” Duffy touted the success of the Administration’s English language"
        " proficiency requirement for truck drivers: “We have taken 1,500 trucks out of"
        " service — off the roads.”\n\n"
    )
    assert [name(x) for x in q(text)] == ["Sean Duffy", "Sean Duffy"]


def test_definition_of_term_is_a_term() -> None:
    # whgov_2022-04-28 fact sheet.
    text = (
        "Fact Sheet\n\n"
        "Modernizing Racketeering to Include Sanctions Evasion: This proposal would"
        " strengthen the United States’ ability to investigate and prosecute sanctions"
        " evasion by adding the crime of sanctions evasion to the definition of"
        " “racketeering activity” in the Racketeer Influenced and Corrupt Organizations"
        " (RICO) Act.\n\n"
    )
    assert [(x.kind, x.attribution_rule) for x in q(text)] == [("scare", "scare-term")]


def test_excerpt_over_paragraphs_with_nested_single_quotation() -> None:
    # whgov_2025-08-05 (fixtures/extraction-wh-fresh2, a tuning set since its second
    # run): two stations' stories quoted over paragraphs; Citrano's and Wilbanks's
    # words inside them are part of the excerpts.
    text = (FIXTURES / "whgov_2025-08-05-americans-are-winning-big-with-the-one-b.txt").read_text()
    quotes = [x for x in q(text) if x.kind == "quote"]
    by_start = {x.text[:20]: x for x in quotes}
    kxxv = by_start["Servers and other ti"]
    assert kxxv.text.endswith("Citrano said.") and name(kxxv) == "KXXV-TV"
    koco = by_start["More tools could be "]
    assert "Wilbanks said." in koco.text and name(koco) == "KOCO-TV"
    assert not any(x.text.startswith(("You’re talking", "In that $12.5")) for x in quotes)


def test_headline_opening_on_quoted_words_and_station_with_number() -> None:
    # whgov_2025-08-05: the headline is no label; FOX 10 is the excerpt's source.
    text = (
        "Americans Are Winning Big\n\n"
        "FOX 10 (Phoenix, AZ): ‘Trump accounts’ for newborns could grow to $1.9M, Treasury"
        " says\n\n"
        "“New Treasury projections show that the ‘Trump accounts’ offered to American"
        " children could grow into a seven-figure nest egg by adulthood, if maximized and"
        " left to compound.”\n\n"
    )
    quotes = q(text)
    assert [(x.kind, name(x), x.attribution_rule) for x in quotes] == [
        ("heading", None, "outlet-headline"),
        ("quote", "FOX 10", "label-over-headline"),
    ]


def test_station_name_around_its_channel_number() -> None:
    # whgov_2025-07-29: "News 5 Cleveland:" over its headline.
    text = (
        "VP Vance Champions One Big Beautiful Bill\n\n"
        "News 5 Cleveland: JD Vance touts Trump’s Big Beautiful Bill at Canton steel plant\n\n"
        "“The legislation allows companies to get tax breaks for investing in equipment.”\n\n"
    )
    (x,) = q(text)
    assert name(x) == "News 5 Cleveland"
