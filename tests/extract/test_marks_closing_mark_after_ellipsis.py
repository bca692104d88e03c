"""A ” glued to the ellipsis of a cut excerpt opens the quotation that follows.

White House round-ups print excerpts as ``…bridge…”Quote,” Name said``: the ” is
the opening mark, set with the wrong glyph. Sentences from the round-ups of
2023-04-17, 2022-09-30 and 2022-07-02 (fixtures/extraction-wh-fresh6, -fresh4,
-wh-tuning)."""

from __future__ import annotations

from .conftest import q


def test_closing_glyph_after_ellipsis_opens_a_quote() -> None:
    text = (
        "which includes a companion bridge to the current Brent Spence Bridge…”The White"
        " House is way up here,” Landrieu said, motioning his hands upwards.\n"
    )
    (got,) = [x for x in q(text) if x.kind == "quote"]
    assert got.text == "The White House is way up here,"
    assert got.speaker is not None and got.speaker.name.endswith("Landrieu")


def test_closing_glyph_after_ellipsis_in_a_second_round_up() -> None:
    text = (
        "the White House has invested in our communities…”Through things like the American"
        " Rescue Plan, bipartisan infrastructure laws, the CHIPS Act to help bring the country"
        " back during the pandemic,” Tuerk said…Tuerk says Biden also talked about it.\n"
    )
    (got,) = [x for x in q(text) if x.kind == "quote"]
    assert got.text.startswith("Through things like")
    assert got.speaker is not None and got.speaker.name.endswith("Tuerk")


def test_closing_glyph_after_a_word_still_closes() -> None:
    text = "“We will build it,” Landrieu said…and the bridge went up.\n"
    (got,) = [x for x in q(text) if x.kind == "quote"]
    assert got.text == "We will build it,"


def test_closing_glyph_after_ellipsis_closes_an_open_quote() -> None:
    # 2022-10-27 (fixtures/extraction-wh-fresh3): the excerpt's own closing mark.
    text = (
        "“[Student debt relief is] too significant to allow the Secretary to act without"
        " Congressional approval… This student loan debt scheme is not a legal or responsible"
        " policy…”Rep. Virginia Foxx (Ranking Member, Education and Labor Committee), 9/7/22\n"
    )
    got = [x for x in q(text) if x.kind in ("quote", "fragment")]
    assert len(got) == 1 and got[0].text.startswith("[Student debt relief is]")
