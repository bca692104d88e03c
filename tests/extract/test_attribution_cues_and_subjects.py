"""Attribution rules cue-after, cue-before, prev-sentence-cue and indirect-cue on
real news: labels, appositives, previous sentences, "According to" (issue 11,
classes 1 and 4).

Sentences are from real articles (fixtures/extraction-realworld: Wikinews CC BY 2.5
and White House releases; the White House corpus; the project's fixtures)."""

from __future__ import annotations

from .conftest import counted, name, q


def test_a_name_with_a_colon_after_a_quotation_labels_the_next_one() -> None:
    # whgov fact sheet 2021-03-29: list items run together on one line.
    text = (
        "- National Climate Advisor Gina McCarthy: “President Biden has declared very clearly"
        " that he thinks of jobs.” - Secretary of Interior Deb Haaland: “For generations, we’ve"
        " put off the transition to clean energy.”\n"
    )
    got = [x for x in q(text) if x.kind == "quote"]
    assert [name(x) for x in got] == ["Gina McCarthy", "Deb Haaland"]


def test_a_full_name_before_appositives_speaks() -> None:
    # wikinews_asylum, wikinews_warhol, wikinews_iodine.
    for text, who in (
        ("Jeff Rathke, the State Department Spokesperson, said, “We urge the governments of"
         " the region to work together.”", "Jeff Rathke"),
        ("Cynthia Thompson, curator and director of exhibits at the University of Arkansas,"
         " Fayetteville, said, “These images serve as documentation of people.”",
         "Cynthia Thompson"),
        ("Senior researcher Mu Li, of the University of NSW's school of public health, said"
         " “it is reasonable to assume that pregnant women are at risk.”", "Mu Li"),
    ):  # fmt: skip
        assert [name(x) for x in q(text)] == [who], text


def test_a_quotation_after_a_reporting_sentence_is_its_subjects() -> None:
    # wikinews_warming and wikinews_warhol.
    for text, who in (
        ("Heald noted the findings show pollution reduction is also important. “An"
         " air-quality cleanup would improve crop yields.”", "Heald"),
        ("Wilkins also said Warhol was both an artist and a businessperson. “As a way to"
         " commercialize his work, he would make a blue Marilyn.”", "Wilkins"),
    ):  # fmt: skip
        (x,) = q(text)
        assert (name(x), x.attribution_rule) == (who, "prev-sentence-cue"), text


def test_a_quotation_after_a_quoting_sentence_keeps_that_speaker() -> None:
    # fixtures/extraction-heldout2 earnings call: the writer's subject before
    # the previous quotation is not the speaker.
    text = (
        "Analysts were less sanguine. “This is the third quarter in a row,” said Julia Fenwick,"
        " an analyst, who cut her rating. “Pricing can only do so much.”"
    )
    assert [name(x) for x in q(text)] == ["Julia Fenwick", "Julia Fenwick"]


def test_according_to_governs_a_fragment_after_a_passive_cue() -> None:
    # wikinews_korea: "told" has no subject of its own.
    text = (
        "According to Yonhap news agency, quoting North Korea's main news agency, the"
        " country's military has been placed on high alert and has been told to prepare a"
        ' "quasi-state of war". The report comes after an exchange of fire.'
    )
    (x,) = counted(text)
    assert x.kind == "fragment" and x.speaker is not None and "Yonhap" in x.speaker.name
