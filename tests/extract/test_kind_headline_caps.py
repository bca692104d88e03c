"""Rule headline-caps: a quotation in headline capitals ("Of", "In", "To"
capitalised) is a title or another outlet's headline, not anyone's words.

Texts from White House releases 2025-05-02 and 2023-07-31 (corpus; the first is in
fixtures/extraction-wh-fresh6)."""

from __future__ import annotations

from .conftest import q


def test_long_headline_of_another_outlet_is_no_quotation() -> None:
    text = (
        "NPR pushed the theory for years.\n"
        "May 2020: “As Trump Pushes Theory Of Virus Origins, Some See Parallels In Lead-Up To"
        " Iraq War”\n"
    )
    (got,) = q(text)
    assert got.kind == "scare" and got.attribution_rule == "headline-caps"


def test_campaign_name_in_headline_caps_is_no_quotation() -> None:
    text = "“See Yourself In Cyber” aims to change the narrative around who can work in cyber.\n"
    (got,) = q(text)
    assert got.kind != "quote"


def test_attributed_quote_in_title_case_stays_a_quote() -> None:
    text = "“We Will Win In The End,” the mayor said.\n"
    (got,) = q(text)
    assert got.kind == "quote"


def test_shouted_post_stays_a_quote() -> None:
    text = "The President posted: “IRAN WILL NEVER HAVE A NUCLEAR WEAPON!”\n"
    (got,) = q(text)
    assert got.kind == "quote"


def test_words_a_cue_leads_into_stay_a_quote() -> None:
    # 2023-11-27 (White House corpus): the mantel's inscription is quoted, not titled.
    text = (
        "An engraving on the mantel reads, “I Pray Heaven To Bestow The Best of Blessings On"
        " This House And All that shall hereafter Inhabit it.”\n"
    )
    (got,) = q(text)
    assert got.attribution_rule != "headline-caps"
