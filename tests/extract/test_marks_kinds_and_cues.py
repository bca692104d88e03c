"""Unit tests for quotation extraction: marks, attribution, speakers, kinds."""

from __future__ import annotations

import pytest

from .conftest import only, q

# --- marks ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, inner",
    [
        ("He said: “We will win the war today.”", "We will win the war today."),
        ('He said: "We will win the war today."', "We will win the war today."),
        ("Il a dit : «Nous allons gagner la guerre.»", "Nous allons gagner la guerre."),
        ("Er sagte: „Wir werden den Krieg gewinnen.“", "Wir werden den Krieg gewinnen."),
        ("Er sagte: ‹Wir werden den Krieg gewinnen.›", "Wir werden den Krieg gewinnen."),
        ("彼は言った：「私たちは戦争に勝つ。」と述べた。", "私たちは戦争に勝つ。"),
        ("She said: ‘We will win the war today.’", "We will win the war today."),
        ("Han sa: ”Vi kommer att vinna kriget idag.”", "Vi kommer att vinna kriget idag."),
    ],
)
def test_mark_types(text: str, inner: str) -> None:
    quotes = q(text)
    assert [x.text for x in quotes] == [inner]
    assert quotes[0].closed


def test_single_inside_double_is_not_reported_separately() -> None:
    text = "“He told me ‘never again’ and I believed him,” Smith said."
    quotes = q(text)
    assert len(quotes) == 1
    assert quotes[0].text == "He told me ‘never again’ and I believed him,"


def test_double_inside_single() -> None:
    text = "‘He told me “never again” and I believed him,’ Smith said."
    quotes = q(text)
    assert len(quotes) == 1
    assert "never again" in quotes[0].text
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Smith"


@pytest.mark.parametrize(
    "text",
    [
        "You shouldn‘t do that, and Jones' dog agreed.",
        "'Tis the season, they thought.",
        "Music of the ’90s was rock ’n’ roll, and I don’t mind.",
        "The Joneses' house is at the O’Briens' corner.",
        "It was 5'11\" tall.",
    ],
)
def test_apostrophes_are_not_marks(text: str) -> None:
    assert q(text) == []


def test_straight_quotes_alternate() -> None:
    text = 'He said "one thing is clear to all of us" and then "another is true as well."'
    quotes = q(text)
    assert [x.text for x in quotes] == [
        "one thing is clear to all of us",
        "another is true as well.",
    ]


# --- multi-paragraph and unclosed -------------------------------------------


def test_multi_paragraph_quote() -> None:
    text = (
        "Smith said: “The first paragraph of the statement goes on here.\n\n"
        "“The second paragraph continues the statement.\n\n"
        "“And the third one closes it.”\n\nThe end of the story is here."
    )
    quotes = q(text)
    assert len(quotes) == 1
    x = quotes[0]
    assert x.closed
    assert x.text.startswith("The first paragraph")
    assert x.text.endswith("closes it.")
    assert "“The second" in x.text
    assert x.speaker is not None and x.speaker.name == "Smith"


def test_unclosed_ends_at_paragraph_end() -> None:
    text = "Smith said: “We will never give up the fight.\n\nThe next paragraph is prose."
    x = only(text)
    assert not x.closed
    assert x.text == "We will never give up the fight."
    assert any("never closed" in n and "end of paragraph" in n for n in x.notes)


def test_unclosed_ends_before_trailing_attribution() -> None:
    text = "“We will never give up the fight, Smith said. Then he left the room."
    x = only(text)
    assert not x.closed
    assert x.text == "We will never give up the fight"
    assert x.speaker is not None and x.speaker.name == "Smith"


def test_unclosed_before_new_opening_mark() -> None:
    text = "“We will never give up. “This is a new quotation from him,” Smith said."
    quotes = q(text)
    assert len(quotes) == 2
    assert not quotes[0].closed
    assert quotes[0].text == "We will never give up."
    assert quotes[1].closed


def test_random_unbalanced_never_crashes() -> None:
    for text in ["”", "“", "“”", "« » «", "a “b ” c “ d", '"', "''\"\"'", "„“”«", "“\n\n“\n\n”"]:
        q(text)


# --- attribution forms -------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, cue",
    [
        ("“We will win the war,” Smith said.", "Smith", "said"),
        ("“We will win the war,” said Smith.", "Smith", "said"),
        ("Smith said: “We will win the war.”", "Smith", "said"),
        ("Smith said that “we will win the war.”", "Smith", "said"),
        ("Smith said, “We will win the war.”", "Smith", "said"),
        ("According to Smith, “we will win the war.”", "Smith", "according to"),
        ("“We will win the war,” according to Jane Smith.", "Jane Smith", "according to"),
        ("“We will win the war.” — Jane Smith", "Jane Smith", "—"),
        ("**Jane Smith:** “We will win the war.”", "Jane Smith", ":"),
        ("Jane Smith: “We will win the war.”", "Jane Smith", ":"),
        ("Jane Smith, for her part, said: “We will win the war.”", "Jane Smith", "said"),
        (
            "Vince Cable, who replaced Tim Farron in July, said: “We will win the war.”",
            "Vince Cable",
            "said",
        ),
        (
            "“We will win the war,” said Abzal Saparbekuly, the country’s ambassador.",
            "Abzal Saparbekuly",
            "said",
        ),
        ("“We will win the war,” Smith told reporters.", "Smith", "told reporters"),
        ("“We will win the war,” Smith wrote on Twitter.", "Smith", "wrote"),
        ("“We will win the war,” Smith tweeted.", "Smith", "tweeted"),
        ("“We will win the war,” Smith insisted.", "Smith", "insisted"),
        ("Smith was quoted as saying: “We will win the war.”", "Smith", None),
        ("Smith hit back, saying: “We will win the war.”", "Smith", "saying"),
    ],
)
def test_attribution_forms(text: str, name: str, cue: str | None) -> None:
    x = only(text)
    assert x.kind == "quote"
    assert x.speaker is not None
    assert x.speaker.name == name
    if cue is not None:
        assert x.cue == cue


def test_split_quote_both_halves_attributed() -> None:
    text = "“We will win the war,” Smith said, “and we will win the peace.”"
    quotes = q(text)
    assert len(quotes) == 2
    assert all(x.speaker is not None and x.speaker.name == "Smith" for x in quotes)


def test_follow_on_quote_inherits_in_same_paragraph() -> None:
    text = "“We will win the war,” Smith said. “Nobody doubts it at all.”"
    quotes = q(text)
    assert quotes[1].speaker is not None and quotes[1].speaker.name == "Smith"
    assert quotes[1].cue is None


def test_next_paragraph_inherits() -> None:
    text = "“We will win the war,” Smith said.\n\n“Nobody doubts it at all.”"
    quotes = q(text)
    assert quotes[1].speaker is not None and quotes[1].speaker.name == "Smith"


def test_colon_lead_in_previous_paragraph() -> None:
    text = "On the economy, Jane Smith said:\n\n“Growth will return next year for sure.”"
    x = only(text)
    assert x.speaker is not None and x.speaker.name == "Jane Smith"


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


# --- kinds -----------------------------------------------------------------------


def test_fragment_attributed() -> None:
    text = "Tokayev said the city was attacked by 20,000 “terrorists”, adding more."
    x = q(text)[0]
    assert x.kind == "fragment"
    assert x.speaker is not None and x.speaker.name == "Tokayev"


def test_scare_quote_unattributed() -> None:
    text = "Why did Putin withdraw ‘Russian NATO’ soldiers from Kazakhstan?"
    x = q(text)[0]
    assert x.kind == "scare"
    assert x.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "“Give me a dollar,” said a homeless man who goes by the name “Shorty.”",
        "He repeated the word “rigged” many times during the speech he said.",
        "She appeared on “Meet the Press” on Sunday morning.",
        "The so-called “freedom convoy” arrived in the capital, police said.",
    ],
)
def test_nicknames_terms_titles_are_scare(text: str) -> None:
    quotes = q(text)
    scare = [x for x in quotes if x.kind == "scare"]
    assert len(scare) == 1
    assert scare[0].speaker is None


def test_short_direct_quote_is_quote() -> None:
    x = q("“No,” Smith said.")[0]
    assert x.kind == "quote"
    assert x.speaker is not None and x.speaker.name == "Smith"


def test_heading_guessed() -> None:
    text = "Some prose paragraph here.\n\n“Russia comes to help”\n\nMore prose follows here."
    x = q(text)[0]
    assert x.kind == "heading"
    assert x.speaker is None


def test_heading_from_markup() -> None:
    text = "“We will win the war, and more”\n\nSome prose follows here."
    x = q(text, headings=((0, 31),))[0]
    assert x.kind == "heading"


def test_standalone_quote_after_colon_is_not_heading() -> None:
    text = "Smith said:\n\n“We will win”\n\nMore prose."
    x = q(text)[0]
    assert x.kind == "quote"


def test_ids_in_reading_order() -> None:
    text = "“One two three four,” Smith said. He likes ‘Scare’ a lot. “Five six seven,” Doe said."
    quotes = q(text)
    assert [x.id for x in quotes] == ["q1", "q2", "q3"]
    assert [x.kind for x in quotes] == ["quote", "scare", "quote"]


def test_empty_article() -> None:
    assert q("") == []
    assert q("\n\n  \n") == []
