"""Quotation spans on real news: a quotation over sentence lines, an unclosed one
ended before the writer's report (issue 11, class 7).

Sentences are from real articles (fixtures/extraction-realworld: Wikinews CC BY 2.5
and White House releases; the White House corpus; the project's fixtures)."""

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


def test_unclosed_quotation_ends_before_the_writers_report() -> None:
    # fixtures/extraction team-16 (an unclosed quote before "The mayor said …")
    # and the seed (before "The left-leaning French newspaper Le Monde …").
    text = (
        "Councillor Hanna Roth accused him of “wasting two years and four million euros. The"
        " mayor said the contractor was to blame.\n\nThe vote is on Monday.\n"
    )
    (x,) = q(text)
    assert x.text.endswith("four million euros.") and not x.closed


def test_unclosed_statement_in_the_third_person_is_not_cut() -> None:
    # White House round-up (AI education pledges): an organisation's statement
    # about itself runs on in the third person; a sentence opened by a
    # preposition is no writer's report.
    text = (
        "“HMH commits to creating and advancing fully-integrated generative AI tools built to"
        " enhance instruction, support teachers, and help every child reach their fullest"
        " potential. In June 2025, HMH announced a new suite of embedded AI supports — which"
        " include lesson plan generators, text translators, vocabulary scaffolding and more.\n\n"
        "Next item.\n"
    )
    (x,) = q(text)
    assert x.text.endswith("vocabulary scaffolding and more.")


def test_plural_possessive_inside_an_excerpt_does_not_end_it() -> None:
    # The Wall Street Journal's story quoted by the White House, 2025-08-13.
    text = (
        "From The Wall Street Journal:\n“GE Appliances said it plans to invest $3 billion to"
        " expand and modernize its U.S. factories over the next five years…\nKevin Nolan, GE"
        " Appliances’ chief executive, said that while the company has long aimed to build"
        " its products close to their end markets, trade considerations played a role in the"
        " decision to upgrade its aging plants.\n‘I think it’s become obvious with tariffs"
        " that building in the U.S. is a good thing right now,’ he said…\nThe Trump"
        " administration’s aggressive trade stance is propelling other industries to"
        " increase investment in U.S. production.”\n"
    )
    quotes = [x for x in q(text) if x.kind != "scare"]
    assert len(quotes) == 1 and quotes[0].text.endswith("production."), quotes
