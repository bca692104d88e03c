"""Rule the-title: a Title Case quotation after "the" names a plan, a partnership or
a law, even where a cue governs the sentence.

Texts from White House releases 2021-04-23 (fixtures/extraction-wh-fresh6),
2022-05-24 and 2024-12-23 (corpus)."""

from __future__ import annotations

from .conftest import q


def test_partnership_name_after_the_launch_of_the() -> None:
    text = (
        "India reiterated its target of 450 GW of renewable energy by 2030 and announced the"
        " launch of the “U.S.-India 2030 Climate and Clean Energy Agenda 2030 Partnership” to"
        " mobilize finance and speed clean energy innovation.\n"
    )
    (got,) = q(text)
    assert got.kind == "scare" and got.attribution_rule == "the-title"


def test_law_title_after_the() -> None:
    text = (
        "Today, I have signed into law H.R. 5009, the “Servicemember Quality of Life"
        " Improvement and National Defense Authorization Act for Fiscal Year 2025” (the"
        " “Act”).\n"
    )
    assert q(text)[0].kind == "scare"


def test_lower_case_term_after_the_stays_a_fragment() -> None:
    # 2025-05-02 (fresh6): a verb of telling governs the term after "the".
    text = "NPR reported on the “cousin of diet culture” known as healthism.\n"
    (got,) = q(text)
    assert got.attribution_rule != "the-title"
