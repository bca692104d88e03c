"""Round 3 of verdict fixes: engine bugs the second held-out set revealed.

Each test uses its own invented text (not the held-out cases):

1. names written family name first ("Moon Jae-in") against "PRESIDENT MOON";
2. a change of inflection ("promise" -> "promised") is never a spelling variant;
3. words of a generic participant (heckler, crowd, moderator) are not a named
   speaker's;
4. a whole sentence under five words, said elsewhere, makes a stitch;
5. a two-letter misspelling of a capitalised name is minor.
"""

from __future__ import annotations

import pytest

from quoteverify.align import PreparedSource, prepare_source
from quoteverify.align._transcript import label_matches
from quoteverify.models import Quote, QuoteResult, Source, Speaker
from quoteverify.verdict import judge
from quoteverify.verdict._inflection import is_inflection

BIDEN = Speaker("Joe Biden", "Biden", 0, 5, title="President")
MOON = Speaker("Moon Jae-in", "Moon", 0, 4, title="President of South Korea")


def _src(body: str, title: str) -> PreparedSource:
    text = f'---\ntitle: "{title}"\n---\n\n{body}'
    return prepare_source(Source("s", "ok", text))


def _judge(text: str, speaker: Speaker | None, ps: PreparedSource) -> QuoteResult:
    return judge(Quote("q1", text, 0, len(text), kind="quote", speaker=speaker), [ps])


# -- 1. family name first ----------------------------------------------------------
@pytest.mark.parametrize(
    ("label", "name", "labels", "expected"),
    [
        ("PRESIDENT MOON", "Moon Jae-in", (), True),
        ("PRESIDENT XI", "Xi Jinping", (), True),
        ("PRIME MINISTER KISHIDA", "Kishida Fumio", (), True),  # Japanese order
        ("PRIME MINISTER KISHIDA", "Fumio Kishida", (), True),  # Western order
        ("PRESIDENT LEE", "Lee Jae-myung", (), True),
        # Surname as ever: same surname, same answer as before round 3.
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
    ps = _src(MOON_VISIT, "Remarks by President Biden and President Moon Jae-in")
    r = _judge("The alliance between our two countries has grown stronger", MOON, ps)
    assert r.verdict == "verbatim", r.notes
    # ... and still misattributed when printed as the host's words.
    r = _judge("The alliance between our two countries has grown stronger", BIDEN, ps)
    assert r.verdict == "misattributed", r.notes
    # The host's own words are not the guest's.
    r = _judge("Our alliance is the linchpin of peace and prosperity in the region.", MOON, ps)
    assert r.verdict == "misattributed", r.notes


# -- 2. inflection is not spelling ---------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("promise", "promised"),  # tense
        ("threat", "threats"),  # number
        ("carry", "carried"),  # y -> ied
        ("study", "studies"),  # y -> ies
        ("stop", "stopped"),  # doubled consonant
        ("commit", "committing"),
        ("make", "making"),  # e dropped before -ing
        ("promised", "promises"),  # two inflections of one verb
        ("box", "boxes"),
    ],
)
def test_inflections(a: str, b: str) -> None:
    assert is_inflection(a, b) and is_inflection(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("color", "colour"),
        ("organize", "organise"),
        ("organized", "organised"),
        ("theater", "theatre"),
        ("traveled", "travelled"),
        ("judgment", "judgement"),
        ("focused", "focussed"),
        ("canceling", "cancelling"),
        ("toward", "towards"),
        ("aging", "ageing"),
        ("center", "centre"),
    ],
)
def test_spelling_variants_are_not_inflections(a: str, b: str) -> None:
    assert not is_inflection(a, b) and not is_inflection(b, a)


PLEDGE = (
    "THE PRESIDENT:  I promise to cut the cost of insulin for every family in this country.  "
    "We traveled to every corner of the nation and organized workers in every state.  "
    "The theater of war has moved, and my judgment has not changed.\n"
)


def test_tense_change_is_diverged_and_noted() -> None:
    ps = _src(PLEDGE, "Remarks by President Biden on Health Care")
    r = _judge("I promised to cut the cost of insulin for every family in this country.", BIDEN, ps)
    assert r.verdict == "diverged", r.notes
    assert "inflection changed: 'promise' → 'promised'" in r.notes


@pytest.mark.parametrize(
    "text",
    [
        "We travelled to every corner of the nation and organised workers in every state.",
        "The theatre of war has moved, and my judgement has not changed.",
    ],
)
def test_british_spellings_stay_minor(text: str) -> None:
    ps = _src(PLEDGE, "Remarks by President Biden on Health Care")
    r = _judge(text, BIDEN, ps)
    assert r.verdict == "minor", (r.notes, [(o.quote, o.source, o.flags) for o in r.diff])


# -- 3. generic participants are other people ----------------------------------------
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
    ps = _src(RALLY, "Remarks by President Biden at a Rally")
    r = _judge(text, BIDEN, ps)
    assert r.verdict == "misattributed", r.notes
    # The speaker's own words around the heckling stay his.
    r = _judge("We are going to build the strongest economy in the world.", BIDEN, ps)
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


# -- 4. a short sentence stitched from elsewhere ---------------------------------------
BRIEFING = (
    "MR. KIRBY:  The port facility was struck twice overnight, and the damage to the grain "
    "silos is extensive.  We are working with our partners to restore shipments as soon as "
    "possible, and we have made our views on this very clear to the Russian side.\n\n"
    "Q    John, what about the convoy that was stopped at the border?\n\n"
    "MR. KIRBY:  We have seen the reports, and we are trying to learn more about what "
    "happened there.  I would not get ahead of the investigation.  This was deliberate "
    "sabotage.  That is all I can say at this point about that particular convoy.\n"
)
KIRBY = Speaker("John Kirby", "Kirby", 0, 5, title="NSC spokesman")


def test_short_sentence_from_another_answer_is_stitched() -> None:
    ps = _src(BRIEFING, "Press Briefing by Press Secretary and John Kirby")
    r = _judge(
        "This was deliberate sabotage. The port facility was struck twice overnight.", KIRBY, ps
    )
    assert r.verdict == "stitched", r.notes


def test_short_invented_sentence_is_not_a_stitch() -> None:
    # "This was cowardly sabotage." stands nowhere: the quote is the passage
    # plus words of the writer's own, not two passages.
    ps = _src(BRIEFING, "Press Briefing by Press Secretary and John Kirby")
    r = _judge(
        "The port facility was struck twice overnight. This was cowardly sabotage.", KIRBY, ps
    )
    assert r.verdict != "stitched", r.notes


# -- 5. a misspelt proper name ---------------------------------------------------------
TRIBUTE = (
    "THE PRESIDENT:  To Cindy and the entire McBain family, thank you for sharing him with "
    "the country.  Matter of fact, he never stopped serving, and that is a matter of record.\n"
)


def test_two_letter_misspelling_of_a_name_is_minor() -> None:
    ps = _src(TRIBUTE, "Remarks by President Biden Honoring Senator McBain")
    r = _judge("To Cindy and the entire McBane family, thank you for sharing him", BIDEN, ps)
    assert r.verdict == "minor", (r.notes, [(o.quote, o.source, o.flags) for o in r.diff])


@pytest.mark.parametrize(
    "text",
    [
        # A common word, not a name: "matter" -> "mother" (2 of 6 letters).
        "he never stopped serving, and that is a mother of record",
        # Capitalised only because it opens a sentence: no name either.
        "thank you for sharing him with the country. Mother of fact, he never stopped serving",
    ],
)
def test_two_letter_change_of_a_common_word_is_not_minor(text: str) -> None:
    ps = _src(TRIBUTE, "Remarks by President Biden Honoring Senator McBain")
    r = _judge(text, BIDEN, ps)
    assert r.verdict == "diverged", (r.notes, [(o.quote, o.source, o.flags) for o in r.diff])
