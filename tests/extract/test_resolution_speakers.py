"""Resolution: titles, surnames, pronouns, role nouns, organisations."""

from __future__ import annotations

import pytest

from .conftest import only, q

# --- speakers ------------------------------------------------------------------


def test_title_and_name() -> None:
    x = only("US Secretary of State Antony Blinken said: “We are watching very closely.”")
    assert x.speaker is not None
    assert x.speaker.name == "Antony Blinken"
    assert x.speaker.title == "US Secretary of State"
    assert x.speaker.type == "person"


def test_surname_resolves_to_full_name() -> None:
    text = "Prime Minister Jane Doe arrived on Monday.\n\n“We are watching very closely,” Doe said."
    x = only(text)
    assert x.speaker is not None
    assert x.speaker.name == "Jane Doe"
    assert x.speaker.mention == "Doe"
    assert x.speaker.title == "Prime Minister"


def test_surname_resolves_to_later_full_name() -> None:
    text = "“We are watching very closely,” Doe said.\n\nPrime Minister Jane Doe arrived on Monday."
    x = only(text)
    assert x.speaker is not None and x.speaker.name == "Jane Doe"


def test_pronoun_resolves_to_previous_speaker() -> None:
    text = (
        "“We are watching very closely,” Senator John Roe said.\n\n"
        "“Nobody should doubt our resolve,” he added."
    )
    quotes = q(text)
    assert quotes[1].speaker is not None
    assert quotes[1].speaker.name == "John Roe"
    assert quotes[1].speaker.mention == "he"


def test_pronoun_resolves_to_titled_person() -> None:
    text = "Governor Mary Major toured the site.\n\n“It was devastating,” she said."
    x = only(text)
    assert x.speaker is not None and x.speaker.name == "Mary Major"


def test_role_noun_resolves_to_titled_person() -> None:
    text = (
        "Ambassador Abzal Saparbekuly met officials.\n\n“We will win the war,” the ambassador said."
    )
    x = only(text)
    assert x.speaker is not None
    assert x.speaker.name == "Abzal Saparbekuly"
    assert x.speaker.mention == "the ambassador"


@pytest.mark.parametrize(
    "text, name, typ",
    [
        (
            "“We view events with concern,” the Russian Foreign Ministry said.",
            "Russian Foreign Ministry",
            "organization",
        ),
        ("“We view events with concern,” the White House said.", "White House", "organization"),
        ("“We view events with concern,” the company said.", "company", "organization"),
        ("“We view events with concern,” officials said.", "officials", "group"),
        ("Security experts say: “We view events with concern.”", "Security experts", "group"),
        ("“We view events with concern,” protesters said.", "protesters", "group"),
    ],
)
def test_organisation_and_group(text: str, name: str, typ: str) -> None:
    x = only(text)
    assert x.speaker is not None
    assert x.speaker.name == name
    assert x.speaker.type == typ


def test_company_resolves_to_named_org() -> None:
    text = (
        "Acme Corporation posted record results.\n\n"
        "“We view events with concern,” the company said."
    )
    x = only(text)
    assert x.speaker is not None and x.speaker.name == "Acme Corporation"


# --- an indefinite role noun is a new person -------------------------------------


def test_indefinite_role_is_a_new_person() -> None:
    # White House, 2025-08-11 "It's Liberation Day in Washington, D.C.": President
    # Trump is named in the lede; the residents quoted later are anonymous.
    text = (
        "Today, President Donald J. Trump took bold executive action to liberate Washington,"
        " D.C., from the cesspool of crime and homelessness that it has become after decades"
        " of unilateral Democrat leadership.\n"
        "President Trump’s bold action to end the lawlessness is welcome news to residents"
        " and visitors alike:\n"
        "“If it’s going to stop the crime, then yeah — it’s necessary,” says a resident"
        " whose neighborhood was recently rocked by a violent shootout."
    )
    x = only(text)
    assert x.speaker is not None
    assert x.speaker.mention == "a resident"
    assert "Trump" not in x.speaker.name


def test_indefinite_role_with_place_is_a_new_person() -> None:
    # White House, 2025-10-08 "PORTLAND: Fake News Ignores Antifa Violence, Residents'
    # Pleas for Help": the President is named before the residents' words.
    text = (
        "That’s why, as President Donald J. Trump mobilizes federal resources to safeguard"
        " lives and property, the White House is hosting today the fearless independent"
        " journalists who have long risked their own safety to shine a light on Portland’s"
        " descent into chaos.\n\n"
        "“115 days of hell. I only come out during the day. You see all the black-covered"
        " Antifa people aren’t here. They come with the night,” says another Portland"
        " resident."
    )
    x = only(text)
    assert x.speaker is not None
    assert x.speaker.mention == "another Portland resident"
    assert "Trump" not in x.speaker.name


def test_anonymous_person_noun_after_inverted_cue() -> None:
    # White House, 2025-11-07 "Democrats Are to Blame for Airport Chaos" and
    # 2025-09-15 "Memphis Has a Crime Problem": travellers and residents quoted
    # by what they are, never by name.
    airport = (
        "“I’m more than a little concerned,” said a traveler at Las Vegas Harry Reid"
        " International Airport in Nevada — where Sen. Jacky Rosen has voted 14 times to"
        " extend the shutdown."
    )
    x = only(airport)
    assert x.speaker is not None
    assert x.speaker.mention.startswith("a traveler at Las Vegas")
    memphis = (
        "“I got two guns put in my face within five minutes at two different locations,”"
        " said a Memphis mom recently robbed and carjacked at gunpoint."
    )
    x = only(memphis)
    assert x.speaker is not None
    assert x.speaker.mention == "a Memphis mom"


def test_abbreviated_place_modifier_in_role_phrase() -> None:
    # White House, 2025-08-11: "a D.C. resident", four times.
    x = only("“Some days, I feel unsafe going outside,” says a D.C. resident.")
    assert x.speaker is not None
    assert x.speaker.mention == "a D.C. resident"


# --- names: a web domain is part of the site's name --------------------------


def test_web_domain_name_after_role_noun() -> None:
    # Wikinews (IE9): the firm's name, not "Internet security firm", judged the words.
    text = (
        "The Internet security firm Secunia.com, has said that as of March 4, 2011, IE6 has"
        ' 277 vulnerabilities; 39 percent of these are rated "highly critical".'
    )
    x = only(text)
    assert x.speaker is not None
    assert x.speaker.name == "Secunia.com"


def test_web_domain_label_in_roundup() -> None:
    # White House round-up of 2023-02-10 (the same label in that of 2022-03-03).
    text = (
        "**RuralOrganizing.org**: “Here’s an excerpt from Biden’s \\#SOTU address\n"
        "that will strike a chord with many rural families. This is what our\n"
        "president wants to deliver and we will continue to work with Dems in\n"
        "Congress to make it happen.”\n"
    )
    quotes = [x for x in q(text, "markdown") if x.kind == "quote"]
    assert len(quotes) == 1
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.name == "RuralOrganizing.org"
