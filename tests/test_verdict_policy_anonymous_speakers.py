"""docs/VERDICT-POLICY.md, "Who is speaking in a source": words found only under a
label that could not be mapped (an anonymous official's, a bare role label) are
unverifiable, never passed as the named speaker's nor misattributed (issue 10).

Every source is an excerpt of a real White House transcript, named by its date.
"""

from __future__ import annotations

import pytest

from quoteverify.align import anonymous_label
from quoteverify.models import QuoteResult, Speaker
from quoteverify.verdict import judge

from .conftest import quote_by, transcript


def _by(name: str) -> Speaker:
    return Speaker(name, name.split()[-1], 0, len(name))


def _judge(text: str, who: str, *sources: object, **kw: object) -> QuoteResult:
    return judge(quote_by(text, _by(who)), list(sources), **kw)  # type: ignore[arg-type]


def _codes(r: QuoteResult) -> list[str]:
    return [n.code for n in r.notes]


# Background press call on Prime Minister Bennett's visit, 2021-08-25.
BENNETT_CALL = transcript(
    "MODERATOR:  All right.  Thank you very much.  And we can go ahead and\n"
    "open it up for questions, please.\n\n"
    "SENIOR ADMINISTRATION OFFICIAL:  Thanks.  I’ll do about five minutes or\n"
    "so up top here about the upcoming visit of Prime Minister Bennett.\n\n"
    "So, we’re very excited about this visit.  As soon as Prime Minister\n"
    "Bennett took office, we began working to find the earliest opportunity\n"
    "to have the two leaders get together face-to-face.\n\n"
    "Q    Okay, great.  So I wonder, coming out of this meeting, do you have\n"
    "any expectations of any major tangible announcements of any sort?\n",
    title="Background Press Call by Senior Administration Officials on President "
    "Biden’s Official Working Visit with Prime Minister Bennett of the State of Israel",
    date="2021-08-25",
)
# Background press call on Venezuela, 2021-03-08.
VENEZUELA_CALL = transcript(
    "SENIOR ADMINISTRATION OFFICIAL:  Number two, he is committed to a robust\n"
    "multilateralism, meaning that we’re going to, as an administration, be\n"
    "working to increase the international consensus in favor of free and fair\n"
    "elections in Venezuela, and that we’re working with the international\n"
    "community to increase pressure in a coordinated fashion, and making clear\n"
    "that the only outcome of this crisis is a negotiation that leads to a\n"
    "democratic solution.\n",
    title="Background Press Call by Senior Administration Officials on Venezuela",
    date="2021-03-08",
)
# Press call previewing the President's trip to Wisconsin, 2024-10-08: two
# officials on the record, one on background (the same call's Administrator
# Regan hands over "to [senior administration official]" from an SAO turn).
WISCONSIN_CALL = transcript(
    "MS. QUILLIAN:  Great.  Thank you.  And thank you all for joining us\n"
    "today.\n\n"
    "I’d like to begin with the big picture.  So, since day one, the\n"
    "president and the vice president have been clear that all Americans, no\n"
    "matter where they come from, should have access to their most basic\n"
    "needs.\n\n"
    "SENIOR ADMINISTRATION OFFICIAL:  But, you know, the stringency — the\n"
    "off-ramp, if you will — is a significantly much higher hurdle to obtain,\n"
    "first and foremost.  We have really whittled down the flexibility in\n"
    "this rule.\n",
    title="White House Press Call by Deputy Chief of Staff Natalie Quillian, EPA "
    "Administrator Michael Regan, and a Senior Administration Official Previewing "
    "the President Trip to Wisconsin",
    date="2024-10-08",
)
# Remarks at a campaign event in Wilmington, 2024-07-22: the title names the
# President and the Vice President, not the Second Gentleman.
WILMINGTON = transcript(
    "THE PRESIDENT:  (Via teleconference.)  Julie, if I didn’t have COVID,\n"
    "I’d be sitting there with you — standing there with you.\n\n"
    "THE SECOND GENTLEMAN:  Wow.\n\n"
    "Julie, thank you so much.  I’ve known Julie a long, long time, going\n"
    "back to her days working in Kamala’s Senate office.\n",
    title="Remarks by President Biden and Vice President Harris at a Campaign Event "
    "| Wilmington, DE",
    date="2024-07-22",
)
# A fact sheet with no turn labels, 2022-02-03.
FACT_SHEET = transcript(
    "The President is committed to serving as a strong partner for\n"
    "communities on the frontlines of the fight against crime.\n",
    title="President Biden Announces More Actions to Reduce Gun Crime",
    date="2022-02-03",
)


@pytest.mark.parametrize(
    ("source", "who", "text"),
    [
        (BENNETT_CALL, "Naftali Bennett", "we’re very excited about this visit"),
        (
            VENEZUELA_CALL,
            "Joe Biden",
            "the only outcome of this crisis is a negotiation that leads to a democratic solution",
        ),
    ],
)
def test_who_is_speaking_an_anonymous_officials_words_are_unverifiable(
    source: object, who: str, text: str
) -> None:
    r = _judge(text, who, source)
    assert r.verdict == "unverifiable", r.notes
    assert _codes(r)[0] == "unmapped" and "SENIOR ADMINISTRATION OFFICIAL" in r.notes[0]
    assert "misattributed" not in _codes(r)


def test_who_is_speaking_an_anonymous_label_unmapped_even_when_the_speaker_has_a_label() -> None:
    # Regan speaks under his own label elsewhere in the call, and perhaps as
    # the official too: never passed as his, never called someone else's.
    r = _judge(
        "We have really whittled down the flexibility in this rule.",
        "Michael Regan",
        WISCONSIN_CALL,
    )
    assert r.verdict == "unverifiable" and _codes(r)[0] == "unmapped", r.notes
    # The on-the-record official's own mapped turn still passes.
    r = _judge("all Americans, no matter where they come from", "Natalie Quillian", WISCONSIN_CALL)
    assert r.verdict == "verbatim", r.notes


def test_who_is_speaking_an_alias_maps_an_anonymous_label() -> None:
    r = _judge(
        "we’re very excited about this visit",
        "Naftali Bennett",
        BENNETT_CALL,
        aliases={"SENIOR ADMINISTRATION OFFICIAL": "Naftali Bennett"},
    )
    assert r.verdict == "verbatim" and "label-mapped" in _codes(r), r.notes


def test_who_is_speaking_a_question_turn_keeps_its_own_rule() -> None:
    r = _judge(
        "do you have any expectations of any major tangible announcements of any sort?",
        "Jane Roe",
        BENNETT_CALL,
    )
    assert r.verdict == "verbatim" and _codes(r) == ["question-turn"], r.notes
    # The moderator is someone other than a named person, as before.
    r = _judge("we can go ahead and open it up for questions", "Naftali Bennett", BENNETT_CALL)
    assert r.verdict == "misattributed", r.notes


def test_who_is_speaking_a_bare_second_gentleman_label_is_unmapped() -> None:
    for who in ("Joe Biden", "Douglas Emhoff"):
        r = _judge("I’ve known Julie a long, long time", who, WILMINGTON)
        assert r.verdict == "unverifiable" and _codes(r)[0] == "unmapped", (who, r.notes)
    # The President's label, mapped by the title, still passes.
    r = _judge("if I didn’t have COVID, I’d be sitting there with you", "Joe Biden", WILMINGTON)
    assert r.verdict == "verbatim", r.notes


def test_who_is_speaking_a_source_without_labels_is_the_speakers() -> None:
    r = _judge(
        "The President is committed to serving as a strong partner for communities on the "
        "frontlines of the fight against crime.",
        "Joe Biden",
        FACT_SHEET,
    )
    assert r.verdict == "verbatim", r.notes


@pytest.mark.parametrize(
    ("label", "anonymous"),
    [
        ("SENIOR ADMINISTRATION OFFICIAL", True),
        ("SENIOR ADMINISTRATION OFFICIAL ONE", True),
        ("SENIOR ADMINSTRATION OFFICIAL", True),  # misspelt, as printed
        ("SENIOR ADMINISTRATION OFFIAL", True),
        ("WHITE HOUSE OFFICIA", True),
        ("FBI OFFICIAL", True),
        ("NSC SPOKESPERSON", True),
        ("MR. SULLIVAN", False),
        ("ADMINISTRATOR REGAN", False),
        ("MODERATOR", False),
        ("THE PRESIDENT", False),
        ("Q", False),
    ],
)
def test_who_is_speaking_anonymous_official_labels(label: str, anonymous: bool) -> None:
    assert anonymous_label(label) is anonymous


# The same White House transcripts copied without their page: no title, no date.
GAGGLE_COPY = transcript(
    "MS. JEAN-PIERRE:  Okay.  Hey, everybody.  I have a topper for you, and\n"
    "then I’ll hand it over to Jake.\n\n"
    "MR. SULLIAN:  We have not heard from North Korea.  We continue to\n"
    "obviously monitor and respond to the tests that they have been\n"
    "conducting.\n",
    title=None,
)  # press gaggle en route Los Angeles, 2022-06-08
WILMINGTON_COPY = transcript(
    "THE PRESIDENT:  (Via teleconference.)  Julie, if I didn’t have COVID,\n"
    "I’d be sitting there with you — standing there with you.\n\n"
    "THE VICE PRESIDENT:  The first second gentleman of the United States.\n"
    "(Applause.)\n",
    title=None,
)  # campaign event, Wilmington, 2024-07-22


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (GAGGLE_COPY, "We have not heard from North Korea."),
        (WILMINGTON_COPY, "The first second gentleman of the United States."),
    ],
)
def test_who_is_speaking_an_unresolved_role_noun_speaker_maps_no_other_label(
    source: object, text: str
) -> None:
    r = _judge(text, "The President", source)
    assert r.verdict == "unverifiable" and _codes(r)[0] == "unmapped", r.notes


def test_who_is_speaking_the_role_label_itself_is_the_role_noun_speakers() -> None:
    r = _judge(
        "if I didn’t have COVID, I’d be sitting there with you", "The President", WILMINGTON_COPY
    )
    assert r.verdict == "verbatim", r.notes


@pytest.mark.parametrize(
    ("source", "who", "text"),
    [
        (BENNETT_CALL, "Naftali Bennett", "very excited"),
        (VENEZUELA_CALL, "Joe Biden", "robust multilateralism"),
    ],
)
def test_who_is_speaking_a_fragment_under_an_anonymous_label_is_unverifiable(
    source: object, who: str, text: str
) -> None:
    r = _judge(text, who, source)
    assert r.verdict == "unverifiable" and _codes(r)[0] == "unmapped", r.notes
    # A reporter's words, credited by name, keep the Q rule.
    r = _judge("any major tangible announcements", "Jane Roe", BENNETT_CALL)
    assert r.verdict == "verbatim", r.notes
