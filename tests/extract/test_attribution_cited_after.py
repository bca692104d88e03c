"""cited-after: a quotation that opens its line, followed on that line only by its
source (an outlet or a person, an office in brackets, a date or the piece's title),
is that source's (issue 11, class 3: outlets as speakers).

Texts from a White House release (fixtures/extraction-wh-fresh3) and Wikinews
(fixtures/extraction-realworld, CC BY 2.5)."""

from __future__ import annotations

from .conftest import counted, name


def test_source_after_the_closing_mark_on_the_same_line() -> None:
    text = (
        # "Congressional Republicans’ five-part plan …" (White House, 2022-10-27).
        "1. $3 trillion in tax cuts skewed to the wealthy\n"
        "“GOP wants to push to extend Trump tax cuts… Republican lawmakers gear up to push"
        " 2017 tax law after midterm elections, despite potential impact on inflation.”"
        " Washington Post 10/17/22\n"
        "“Because those drug provisions are so dangerous… I would imagine [repealing them]"
        " will be a top priority for Republicans in the new session.” Rep. Kevin Brady"
        " (Ranking Member, Ways and Means Committee)\n"
        # Wikinews, "Scientology hackers".
        "“Prompted I think by the Tom Cruise video, a new obsession is taking hold on the"
        " internet. An insurgency against The Church of Scientology.” Anonymous blogger,"
        " “Anon declares war on Church of Scientology”\n"
    )
    quotes = [x for x in counted(text) if x.attribution_rule == "cited-after"]
    assert [name(x) for x in quotes] == ["Washington Post", "Kevin Brady", "Anonymous blogger"]


def test_a_title_before_a_capitalised_word_is_no_citation() -> None:
    text = "“Made in America” Week begins on Monday.\n"
    assert not [x for x in counted(text) if x.speaker is not None]
