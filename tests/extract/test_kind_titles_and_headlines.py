"""Kind rules title-midsentence and headline-line: titles and headlines in marks
are not quotations (issue 11, class 6).

Sentences are from real articles (fixtures/extraction-realworld: Wikinews CC BY 2.5
and White House releases; the White House corpus; the project's fixtures)."""

from __future__ import annotations

from .conftest import q


def test_titles_with_subtitles_are_not_quotations() -> None:
    # wikinews_warhol and a White House fact sheet (2021-04-27).
    warhol = (
        'Kristen Wilkins, curator of "Andy Warhol: Photographs and Prints from the University'
        ' Collection" at the University of Southern Indiana, January 23 - March 9 2014.'
    )
    report = (
        "Today, independent analysts issued a report entitled: “Transmission Projects Ready to"
        " Go: Plugging into America’s Untapped Renewable Resources.” The report estimates more."
    )
    for text in (warhol, report):
        assert [x.kind for x in q(text)] == ["scare"], text


def test_first_line_headline_quotes_are_the_headline() -> None:
    # wikinews_questionnaire and wikinews_korea: the title line opens the text.
    for head in (
        "Reports: 'streamlined' UK asylum process to replace interview with questionnaire",
        "North Korea puts military in 'quasi-state of war'",
    ):
        text = head + "\n\nFriday, August 21, 2015\n\nThe military has been placed on alert.\n"
        assert [(x.kind, x.attribution_rule) for x in q(text)] == [("heading", "headline-line")]


def test_title_case_quotation_under_indirect_speech_is_a_title() -> None:
    # White House: the U.S.-India joint statement (2025-02-13), the U.S.-Japan
    # joint statement, an Investing in America round-up.
    for text in (
        "The leaders announced the launch of the U.S.-India TRUST (“Transforming the"
        " Relationship Utilizing Strategic Technology”) initiative, which will catalyze"
        " government-to-government cooperation.\n",
        "The two leaders also welcomed the U.S. announcement to join the Japan-led “Fissile"
        " Material Cut-off Treaty Friends” initiative.\n",
        "The announcement came as the administration wraps up three weeks of traveling the"
        " country on what they’ve been calling the ‘Investing in America Tour’, to showcase a"
        " variety of programs.\n",
    ):
        assert [x.kind for x in q(text)] == ["scare"], text
