"""Rules added for the real-news classes of issue 11, each on sentences of real
articles (fixtures/extraction-realworld, Wikinews CC BY 2.5 and White House
releases)."""

from __future__ import annotations

from .conftest import counted, name, q


def test_quotation_over_sentence_lines_is_one_quotation() -> None:
    # wikinews_soccer: one sentence a line, the quotation not re-opened.
    text = (
        "Lukaku won the award.\n"
        'After the match, Hernan Dario Gomez, Panama coach, said, "I think we have learned a'
        " lot from today's game.\n"
        'It was a very emotional day. This is the fifth time."\n'
        'Harry Kane won the award. He said, "In the first half it felt good out there.\n'
        'We could\'ve scored two or three goals." After the match, Nabil Maaloul said, "We were'
        " playing against a highly-skilled team.\n"
        'If we were to get a draw it would have been an excellent result for us."\n'
        "Group G ends.\n"
    )
    got = counted(text)
    assert [x.text.split()[-1] for x in got] == ["time.", "goals.", "us."]
    assert [name(x) for x in got] == ["Hernan Dario Gomez", "Harry Kane", "Nabil Maaloul"]
    assert all(x.closed for x in got)


def test_a_name_with_a_colon_after_a_quotation_labels_the_next_one() -> None:
    # whgov fact sheet 2021-03-29: list items run together on one line.
    text = (
        "- National Climate Advisor Gina McCarthy: “President Biden has declared very clearly"
        " that he thinks of jobs.” - Secretary of Interior Deb Haaland: “For generations, we’ve"
        " put off the transition to clean energy.”\n"
    )
    got = [x for x in q(text) if x.kind == "quote"]
    assert [name(x) for x in got] == ["Gina McCarthy", "Deb Haaland"]
