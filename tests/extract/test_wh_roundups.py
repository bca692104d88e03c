"""White House round-ups as plain text: header lines, statement labels, czars.

Each case is cut from a real text of ``fixtures/extraction-wh-tuning`` or
``fixtures/extraction`` (named in the test).
"""

from __future__ import annotations

from tests.extract.conftest import q


def test_header_line_over_watch_quotations() -> None:
    # whgov_2025-07-13 Sunday shows: a header line, then quotations and "Watch" links.
    text = (
        "SUNDAY SHOWS: Trump Administration is Putting Americans First\n"
        "This morning, officials joined the Sunday shows to discuss the historic steps the"
        " Trump Administration is taking to ensure the safety and security of the American"
        " people.\n"
        "Here’s what you missed:\n"
        "Border Czar Tom Homan\n"
        "“If you’re in the country legally, you shouldn’t fear ICE — but what you should"
        " fear is the criminal aliens walking the communities in sanctuary cities.” Watch"
        " “They ignored four years of open borders, historic migrant death, historic Americans"
        " dying from fentanyl. Silence.” Watch\n"
    )
    quotes = q(text)
    assert [(x.speaker.name if x.speaker else None, x.attribution_rule) for x in quotes] == [
        ("Tom Homan", "header-lead"),
        ("Tom Homan", "header-lead"),
    ]


def test_header_line_needs_a_person() -> None:
    # A section title over quotations is no speaker.
    text = (
        "What they are saying about the One Big Beautiful Bill, in their own words today\n"
        "Historic Milestone in Making the Capital Safe Again\n"
        "“For the first time in a long time, the city has gone seven days without a"
        " homicide, and the numbers keep falling week after week in every ward.” Watch\n"
    )
    assert [x.speaker for x in q(text)] == [None]


def test_statement_from_label_with_suffix() -> None:
    # whgov_2021-03-30 judicial nominees: "Statement from President Joseph R. Biden, Jr.:"
    text = (
        "President Biden has had a career-long commitment to the strength of the federal"
        " judiciary, and that is reflected in the pace at which he has moved.\n"
        "Statement from President Joseph R. Biden, Jr.:\n"
        "“This trailblazing slate of nominees draws from the very best and brightest minds"
        " of the American legal profession.”\n"
        "JUDICIAL NOMINEES:\n"
    )
    (x,) = q(text)
    assert x.speaker is not None and x.speaker.name == "Joseph R. Biden"
    assert x.attribution_rule == "statement-label"
