"""Roles, split quotations and titles, one test per behaviour: possessive
organisations and roles as speakers, split quotations, attributing verbs that are
not cues, speaker names and the titles before them, Markdown and HTML noise that
is not a quotation, nicknames and short attributed fragments."""

from __future__ import annotations

import pytest

from .conftest import counted, name, q, title

# --- possessive organisations and roles ------------------------------------


@pytest.mark.parametrize(
    "text, who, typ",
    [
        ("“We back any measure that keeps planes flying,” the pilots’ union said.",
         "pilots’ union", "organization"),
        ("The farmers’ association said: „Wir stehen an der Seite unserer Kollegen.“",
         "farmers’ association", "organization"),
        ("“Our crews found out from a press release,” the union’s regional organiser said.",
         "union’s regional organiser", "person"),
        ("“Nobody asked us about the new rota,” the nurses’ spokeswoman said.",
         "nurses’ spokeswoman", "person"),
    ],
)  # fmt: skip
def test_possessive_organisation_or_role_speaker(text: str, who: str, typ: str) -> None:
    x = counted(text)[0]
    assert name(x) == who
    assert x.speaker is not None and x.speaker.type == typ


# --- split quotations ------------------------------------------------------


@pytest.mark.parametrize(
    "text, who",
    [
        ("“I won’t blame the referee,” said captain Ivo Maric, “because we had chances.”",
         "Ivo Maric"),
        ("“This was never about money,” said principal cellist Marcus Obi, “it was about "
         "whether the city wants an orchestra.”", "Marcus Obi"),
        ("“We have,” Strand said, pausing, “a lot of trust to rebuild.”", "Strand"),
        ("“We made mistakes,” coach Lisa Brandt said after the loss on Sunday, “but I saw "
         "a team that kept running.”", "Lisa Brandt"),
    ],
)  # fmt: skip
def test_split_quote_second_half_keeps_the_speaker(text: str, who: str) -> None:
    first, second = counted(text)
    assert name(first) == who
    assert name(second) == who


def test_split_quote_gap_with_another_speaker_is_not_carried() -> None:
    text = "“I know,” Smith said, before Jones replied: “No, you don’t, and you never did.”"
    first, second = counted(text)
    assert name(first) == "Smith"
    assert name(second) == "Jones"


def test_second_verb_without_subject_takes_the_sentence_subject() -> None:
    text = (
        "Councillor Janet Morrow said she would ‘look carefully’ at the petition but "
        "warned that ‘every pound spent here is a pound not spent on social care’."
    )
    quotes = counted(text)
    assert [name(x) for x in quotes] == ["Janet Morrow", "Janet Morrow"]
    assert quotes[1].cue == "warned"


def test_fragment_after_an_earlier_fragment_keeps_the_sentence_cue() -> None:
    text = "Kühn called the criticism “unfair” and the delays “regrettable but unavoidable”."
    quotes = counted(text)
    assert [x.kind for x in quotes] == ["fragment", "fragment"]
    assert [name(x) for x in quotes] == ["Kühn", "Kühn"]


# --- verbs and phrases that attribute ----------------------------------------


@pytest.mark.parametrize(
    "text, who",
    [
        ("Airline CEOs are demanding that Congress “immediately come together to fund "
         "the department.”", "Airline CEOs"),
        ("“Save our jobs!” the crowd chanted outside the town hall.", "crowd"),
        ("Councillor Hanna Roth accused him of “wasting two years and four million euros "
         "on a bridge.”", "Hanna Roth"),
        ("In the words of Special Envoy Adam Boehler, the president “has made bringing "
         "Americans home a top priority.”", "Adam Boehler"),
        ("“I’m relieved,” admitted violinist Joanna Price.", "Joanna Price"),
    ],
)  # fmt: skip
def test_attributing_verbs_and_phrases(text: str, who: str) -> None:
    x = counted(text)[0]
    assert name(x) == who


# --- names: no leftovers from the clause -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "-   **President Trump** [**detailed**](https://x.com/a) **his discussions with "
        "European leaders:** “They want to get back to leading their countries.”",
        "-   **President Trump** [**described**](https://x.com/b) **meeting with President "
        "Zelenskyy at the Vatican:** “The moment was a moment of solace.”",
    ],
)
def test_label_clause_speaker_is_its_subject(text: str) -> None:
    x = counted(text)[0]
    assert name(x) == "Trump"


# --- titles ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, who, expected_title",
    [
        ("First Lady Melania Trump said: “Thank you to everyone here.”",
         "Melania Trump", "First Lady"),
        ("White House press secretary Karine Jean-Pierre said: “We are not going anywhere.”",
         "Karine Jean-Pierre", "White House press secretary"),
        ("“We are not going anywhere,” Press Secretary Karine Jean-Pierre said.",
         "Karine Jean-Pierre", "Press Secretary"),
        ("“We are not going anywhere,” said Sen. Ted Cruz.", "Ted Cruz", "Sen."),
        ("Gov. Gavin Newsom told reporters: “We are not going anywhere.”",
         "Gavin Newsom", "Gov."),
        ("“Good news for savers,” said Secretary of the Treasury Scott Bessent.",
         "Scott Bessent", "Secretary of the Treasury"),
        ("Driver Keith Pryor said: “You don’t get that from a website.”",
         "Keith Pryor", "Driver"),
        ("“We will break ground next year,” said Ohio transportation director Jack "
         "Marchbanks.", "Jack Marchbanks", "Ohio transportation director"),
        ("Principal Deputy National Security Advisor Jon Finer and Homeland Security "
         "Advisor Dr. Liz Sherwood-Randall said: “We met the families.”",
         "Liz Sherwood-Randall", "Homeland Security Advisor Dr."),
    ],
)  # fmt: skip
def test_titles_before_names(text: str, who: str, expected_title: str) -> None:
    x = counted(text)[0]
    assert name(x) == who
    assert title(x) == expected_title


def test_adam_driver_keeps_his_surname() -> None:
    x = counted("“It was a strange shoot,” Adam Driver said.")[0]
    assert name(x) == "Adam Driver"


# --- Markdown and HTML noise ---------------------------------------------------


def test_html_attribute_values_over_several_lines_are_not_quotations() -> None:
    text = (
        '<img\nsrc="https://example.org/logo.png"\nstyle="width:550px"\n'
        'sizes="(max-width: 639px) 100vw, 639px"\nwidth="639">\n\n'
        "“We will fix it,” Duffy said."
    )
    assert [x.text for x in counted(text)] == ["We will fix it,"]


@pytest.mark.parametrize(
    "text",
    [
        "The White House today released “[Winning the AI Race: America’s AI Action "
        "Plan](https://example.org/plan.pdf)”, in accordance with an order.",
        "The White House released a new resource, [“Guidebook to the Inflation Reduction "
        "Act’s Clean Energy and Climate Investments in Indian Country,”]"
        "(https://example.org/tribes) which explains the law.",
    ],
)
def test_linked_document_titles_are_not_quotations(text: str) -> None:
    assert counted(text) == []


# --- nicknames, titles, elisions -----------------------------------------------


def test_nickname_between_first_name_and_surname_is_scare() -> None:
    text = "The festival is headlined by veteran bluesman Eddie “Shorty” Malone."
    assert counted(text) == []


def test_rock_n_roll_title_is_not_a_quotation() -> None:
    text = "His hit “Rock ’n’ Roll Heart” remains a festival favourite."
    assert counted(text) == []


def test_rock_n_roll_inside_single_marks_does_not_close_the_quotation() -> None:
    text = "‘We’ll be serving rock ’n’ roll nights again by the summer,’ O’Neill said."
    (x,) = counted(text)
    assert x.text == "We’ll be serving rock ’n’ roll nights again by the summer,"
    assert name(x) == "O’Neill"


# --- manner verbs and more reporting verbs -----------------------------------


@pytest.mark.parametrize(
    "text, who, cue",
    [
        ("“Not again,” Maria Lopez sighed.", "Maria Lopez", "sighed"),
        ("“Really?” Jones laughed.", "Jones", "laughed"),
        ("“It works,” The Times reported.", "Times", "reported"),
        ("The ministry weighed in: “These claims are false and we reject them.”",
         "ministry", "weighed in"),
    ],
)  # fmt: skip
def test_manner_verbs_and_reporting_phrases(text: str, who: str, cue: str) -> None:
    x = counted(text)[0]
    assert name(x) == who
    assert x.cue == cue


def test_manner_verb_needs_a_comma_ended_quotation() -> None:
    # A full stop inside the marks ends the quotation's sentence: what follows is
    # the writer's next sentence, not an attribution.
    text = "“The plant closes in May.” Smith nodded and left the room without a word."
    x = counted(text)[0]
    assert x.cue != "nodded"


def test_image_alt_text_is_not_a_quotation() -> None:
    text = (
        '![Protesters hold a sign reading "Save our jobs"](https://example.org/a.jpg)\n\n'
        "The rally was peaceful."
    )
    assert q(text) == []


def test_link_title_in_straight_quotes_is_not_a_quotation() -> None:
    text = 'See [the report](https://example.org/r "Annual Report"), Smith said: “We read it.”'
    assert [x.text for x in q(text)] == ["We read it."]


# --- found by reading the extractor's output on unannotated White House articles


def test_appositive_title_of_an_organisation_keeps_the_name() -> None:
    text = (
        "Robert Simon, CEO of JSW Steel USA, praised the tariffs, celebrating them "
        "“as a project that will flood the U.S. with jobs”."
    )
    x = counted(text)[0]
    assert name(x) == "Robert Simon"
    assert title(x) == "CEO of JSW Steel USA"


def test_speaker_named_after_a_long_clause_before_the_cue() -> None:
    text = (
        "The luxury conglomerate is “seriously considering” bulking up its production "
        "in the U.S., CEO Bernard Arnault said on Jan. 28."
    )
    x = counted(text)[0]
    assert name(x) == "Bernard Arnault"


def test_title_case_list_header_is_no_speaker() -> None:
    text = (
        "**Promises Made, Promises Kept:**\n\n"
        "1.  **Seal the border and stop the migrant invasion:** “We will close the "
        "border and stop the invasion.”"
    )
    x = counted(text)[0]
    assert x.speaker is None


@pytest.mark.parametrize(
    "label",
    [
        "**Make America the dominant energy producer in the world:**",
        "**End the weaponization of government against the American people:**",
    ],
)
def test_topic_labels_are_no_speakers(label: str) -> None:
    x = counted(f"{label} “We will get it done, and we will do it fast.”")[0]
    assert x.speaker is None


@pytest.mark.parametrize(
    "label, who",
    [
        ("**Greg Swan, who lost his son to fentanyl:**", "Greg Swan"),
        ("**Secretary Marco Rubio on X:**", "Marco Rubio"),
    ],
)
def test_speaker_labels_still_work(label: str, who: str) -> None:
    x = counted(f"{label} “We will get it done, and we will do it fast.”")[0]
    assert name(x) == who


def test_title_of_the_second_of_two_people_joined_by_and() -> None:
    text = (
        "President Donald J. Trump and Vice President JD Vance met on Monday.\n\n"
        "“We are ready,” Vance said."
    )
    x = counted(text)[0]
    assert name(x) == "JD Vance"
    assert title(x) == "Vice President"
