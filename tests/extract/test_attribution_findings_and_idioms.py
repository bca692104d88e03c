"""Attribution idioms: a document's finding as its source ("the study found"),
"as X put it", "in X's words", an opening time or place phrase that is not the
speaker, two people joined by "and"; and the cue matcher's fast paths finding
exactly what the plain patterns find."""

from __future__ import annotations

from quoteverify.extract import extract_quotes
from quoteverify.extract._lexicon import _CUE_PHRASES, _CUE_WORDS, CUE
from quoteverify.extract._sentences import mask_markup
from quoteverify.models import Article

from .conftest import only_direct

# --------------------------------------------------------------------------- idioms


def test_study_found_that_is_the_source() -> None:
    x = only_direct(
        "Researchers at the Halden Institute tracked 900 commuters for a year. The "
        "study found that riders on the new line “were twice as likely to give up "
        "their cars within six months.”"
    )
    assert x.speaker is not None
    assert x.speaker.mention == "The study"
    assert x.speaker.type == "organization"
    assert x.cue == "found"


def test_survey_showed_and_report_concluded() -> None:
    x = only_direct(
        "The union polled its members in March. Their survey showed that most nurses "
        "“would leave the profession within five years without a change in rosters.”"
    )
    assert x.speaker is not None and x.speaker.mention == "Their survey"
    assert x.speaker.type == "organization"
    y = only_direct(
        "The inquiry sat for eleven weeks. The report concluded that “the dam posed "
        "no immediate risk to anyone living downstream.”"
    )
    assert y.speaker is not None and y.speaker.mention == "The report"
    assert y.speaker.type == "organization"


def test_as_x_put_it() -> None:
    x = only_direct(
        "The museum reopened in June. As Ingrid Solberg, who has guided tours there "
        "for a decade, put it to me: “People come back for the quiet, not the paintings.”"
    )
    assert x.speaker is not None and x.speaker.name == "Ingrid Solberg"
    assert x.cue == "put it"


def test_in_x_words_and_to_quote_x() -> None:
    x = only_direct(
        "The mill closed in 1998. In Marek Olsen’s words, “the town lost its clock "
        "that day, and nobody has wound it since.”"
    )
    assert x.speaker is not None and x.speaker.name == "Marek Olsen"
    y = only_direct(
        "Editors argue about this every week. To quote Priya Nandakumar, “nobody "
        "reads the footnotes until the footnotes are the story.”"
    )
    assert y.speaker is not None and y.speaker.name == "Priya Nandakumar"


def test_opening_time_and_place_phrase_is_not_the_speaker() -> None:
    x = only_direct(
        "The council voted on Friday. A day later and 200 miles north, Okafor stood "
        "outside the courthouse and called the ruling “a gift to every landlord in "
        "the county, and an insult to everyone else.”"
    )
    assert x.speaker is not None and x.speaker.name == "Okafor"
    y = only_direct(
        "The lights went out at nine. Minutes later, Haldane climbed onto the stage "
        "and described the vote as “a turning point for everyone who lives in the "
        "valley.”"
    )
    assert y.speaker is not None and y.speaker.name == "Haldane"


# --------------------------------------------------------------------------- speed-ups


def test_cue_alternatives_start_lower_case() -> None:
    """CUE's look-ahead skips to lower-case ASCII letters: every word and phrase
    must start with one, or the look-ahead would hide it."""
    assert all("a" <= w[0] <= "z" for w in _CUE_WORDS)
    for p in _CUE_PHRASES:
        body = p.removeprefix("(?:")
        assert "a" <= body[0] <= "z", p
    assert CUE.search("Then she said so") and not CUE.search("Said")


def test_emphasis_blanked_like_the_regex() -> None:
    assert mask_markup("a ***b*** __c__ _d_") == "a   *b  * " + "  c   _d_"


def test_two_people_joined_by_and_are_two_names() -> None:

    text = (
        "Democrat Karen Halvorsen and Republican Mike Brandt crisscrossed the state.\n\n"
        "“It is a scare tactic,” Brandt said.\n\n"
        "“Ask him about the math,” Halvorsen said.\n\n"
        "Johnson and Johnson said: “We stand by the product.”"
    )
    quotes = extract_quotes(Article(origin="t", text=text, format="text"))
    names = [(q.speaker.name, q.speaker.title) for q in quotes if q.speaker]
    assert names[0] == ("Mike Brandt", "Republican")
    assert names[1] == ("Karen Halvorsen", "Democrat")
    # A company whose name holds "and" stays one name.
    assert names[2][0] == "Johnson and Johnson"
