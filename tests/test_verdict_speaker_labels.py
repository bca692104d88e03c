"""Speaker labels of a transcript against the credited speaker.

Each test uses its own invented text (not the held-out cases): a name written
family name first ("Moon Jae-in") is the one a label like "PRESIDENT MOON"
names, and the words of a generic participant (heckler, crowd, moderator) are
not a named speaker's.
"""

from __future__ import annotations

import pytest

from quoteverify.align._transcript import label_matches
from quoteverify.models import Speaker

from .conftest import judge_text, transcript

BIDEN = Speaker("Joe Biden", "Biden", 0, 5, title="President")
MOON = Speaker("Moon Jae-in", "Moon", 0, 4, title="President of South Korea")


# -- family name first -------------------------------------------------------------
@pytest.mark.parametrize(
    ("label", "name", "labels", "expected"),
    [
        ("PRESIDENT MOON", "Moon Jae-in", (), True),
        ("PRESIDENT XI", "Xi Jinping", (), True),
        ("PRIME MINISTER KISHIDA", "Kishida Fumio", (), True),  # Japanese order
        ("PRIME MINISTER KISHIDA", "Fumio Kishida", (), True),  # Western order
        ("PRESIDENT LEE", "Lee Jae-myung", (), True),
        # Surname as ever: the same surname is the same person.
        ("PRESIDENT LEE", "Robert E. Lee", (), True),
        # A genuinely different person stays someone else.
        ("PRESIDENT MOON", "Kim Jong Un", (), False),
        ("PRESIDENT MOON", "Joe Biden", (), False),
        # A courtesy title is anyone's: "MR. JAMES" is a Mr. James, not James Comey.
        ("MR. JAMES", "James Comey", (), False),
        # The transcript names the speaker by his last name elsewhere, so
        # "SENATOR SCOTT" is someone else than Scott Bessent.
        ("SENATOR SCOTT", "Scott Bessent", ("SENATOR SCOTT", "SECRETARY BESSENT"), False),
    ],
)
def test_family_name_first_labels(
    label: str, name: str, labels: tuple[str, ...], expected: bool
) -> None:
    assert label_matches(label, name, None, None, labels) is expected


MOON_VISIT = (
    "THE PRESIDENT:  Welcome to the White House, Mr. President.  Our alliance is the "
    "linchpin of peace and prosperity in the region.\n\n"
    "PRESIDENT MOON:  (As interpreted.)  The alliance between our two countries has grown "
    "stronger than at any time in its seventy years of history.\n\n"
    "Q    Mr. President, will you meet the North Korean leader again this year?\n"
)


def test_family_name_first_leader_is_verbatim_in_own_turn() -> None:
    ps = transcript(MOON_VISIT, "Remarks by President Biden and President Moon Jae-in")
    r = judge_text("The alliance between our two countries has grown stronger", MOON, ps)
    assert r.verdict == "verbatim", r.notes
    # ... and still misattributed when printed as the host's words.
    r = judge_text("The alliance between our two countries has grown stronger", BIDEN, ps)
    assert r.verdict == "misattributed", r.notes
    # The host's own words are not the guest's.
    r = judge_text("Our alliance is the linchpin of peace and prosperity in the region.", MOON, ps)
    assert r.verdict == "misattributed", r.notes


# -- generic participants are other people -------------------------------------------
RALLY = (
    "THE PRESIDENT:  Thank you all for coming out tonight to this wonderful park.\n\n"
    "AUDIENCE MEMBER:  Why did you sell out the workers at the shipyard, Mr. President?\n\n"
    "THE PRESIDENT:  I hear you, and I respect your right to speak up.  "
    "We are going to build the strongest economy in the world.\n\n"
    "CROWD:  Four more years!  Four more years!\n\n"
    "MODERATOR:  The next question comes from a teacher who drove here from Scranton.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "Why did you sell out the workers at the shipyard, Mr. President?",
        "The next question comes from a teacher who drove here from Scranton.",
    ],
)
def test_generic_participants_words_are_misattributed(text: str) -> None:
    ps = transcript(RALLY, "Remarks by President Biden at a Rally")
    r = judge_text(text, BIDEN, ps)
    assert r.verdict == "misattributed", r.notes
    # The speaker's own words around the heckling stay his.
    r = judge_text("We are going to build the strongest economy in the world.", BIDEN, ps)
    assert r.verdict == "verbatim", r.notes


@pytest.mark.parametrize(
    "label",
    [
        "AUDIENCE MEMBER", "AUDIENCE", "PARTICIPANT", "PARTICIPANTS", "CROWD", "MODERATOR",
        "INTERPRETER", "STAFF", "OPERATOR", "VOICE", "SPEAKER", "Q", "REPORTER",
    ],
)  # fmt: skip
def test_generic_labels_are_someone_else(label: str) -> None:
    assert label_matches(label, "Joe Biden", "President", None) is False


def test_generic_label_of_the_speakers_own_role_cannot_tell() -> None:
    # "Jane Roe, the moderator": the MODERATOR (or Q) turns may be hers.
    assert label_matches("MODERATOR", "Jane Roe", "moderator", None) is None
    assert label_matches("Q", "Jane Roe", "Moderator of the forum", None) is None
    # Anonymous officials may be anyone: still "cannot tell".
    assert label_matches("SENIOR ADMINISTRATION OFFICIAL", "Jake Sullivan", None, None) is None
