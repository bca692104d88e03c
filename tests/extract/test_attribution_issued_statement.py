"""Issuing a statement is a reporting verb ("issued a statement", "released a
statement", "releasing the following statement"): its subject speaks the quotation
that follows in the sentence, or that opens the next one (issue 11, class 3: the
speaker was ``None``).

Sentences from three documents: Wikinews "NASA announces retirement homes for
Space Shuttle fleet" (2011, realworld-heldout), White House "What They Are Reading
in the States: Syracuse" (2022-10-05, wh-fresh3) and "Wins Come All Day Under
President Trump" (2025-02-14, wh-fresh6)."""

from __future__ import annotations

from .conftest import counted, name


def test_issued_a_statement_before_a_quotation_sentence() -> None:
    text = (
        "Not all were pleased with the final choice of locations. U.S. Senator John"
        " Cornyn, Republican from Texas, issued a statement regarding the rejection of"
        ' Johnson Space Center (JSC) in Houston, Texas as a location. "Like many Texans,'
        " I am disappointed with NASA's decision to slight the Johnson Space Center as a"
        ' permanent home for one of the Space Shuttle Orbiters."\n'
    )
    (x,) = counted(text)
    assert name(x) == "John Cornyn"
    assert x.attribution_rule == "prev-sentence-cue"


def test_releasing_the_following_statement() -> None:
    text = (
        "President Biden is among those reacting to the announcement, releasing the"
        " following statement: “To those who doubted that America could dominate the"
        " industries of the future, I say this – you should never bet against the"
        " American people.”\n"
    )
    (x,) = counted(text)
    assert name(x) == "Biden"


def test_released_a_statement_applauding() -> None:
    text = (
        "The Steel Manufacturers Association released a statement applauding “President"
        " Trump for putting the American steel industry and its workers first by imposing"
        " a 25 percent tariff on all steel imports.”\n"
    )
    (x,) = counted(text)
    assert name(x) == "Steel Manufacturers Association"


def test_an_outlet_label_run_into_the_sentence_is_no_subject() -> None:
    # The same round-up (2022-10-05) loaded from Markdown, whose line break after the
    # headline is joined: the label "CNY Central:" heads the sentence but is no
    # subject of "releasing".
    text = (
        "Read below for a sampling of the coverage:\n\nCNY Central: President, local"
        " lawmakers react to Micron choosing Central New York for plant President Biden is"
        " among those reacting to the announcement, releasing the following statement:"
        " “To those who doubted that America could dominate the industries of the"
        " future, I say this – you should never bet against the American people.”\n"
    )
    (x,) = counted(text)  # found, so that the check below can fail
    assert name(x) != "CNY Central"


def test_a_transcript_speaker_label_stays_the_subject() -> None:
    # CNN town hall, 2021-10-22 (White House corpus): "THE PRESIDENT:" asks.
    text = (
        "MR. COOPER: Do you think you’ll have a deal by the time you get on Air Force One"
        " in eight days?\n\nTHE PRESIDENT: Well, look, you know, it’s like my asking you,"
        " “Are you sure your next show is going to be a success?” Right? You know.\n"
    )
    (x,) = counted(text)
    assert x.speaker is not None and "PRESIDENT" in x.speaker.name
