"""docs/VERDICT-POLICY.md clause by clause, on excerpts of real White House
transcripts (public domain): misspelt turn labels ("Who is speaking in a
source"), words an anonymous official reads inside quotation marks
("misattributed", quoted-within), bracketed words that repeat a word
("minor", marked insertions), an ellipsis where nothing is left out
("minor", punctuation) and a restart across the transcriber's brackets
("minor", stutters; "Words the transcriber added").

Each rule is checked on more than one transcript where the corpus holds more
than one real case (the empty ellipsis and the restart across brackets: one
real case each was found).
"""

from __future__ import annotations

import pytest

from quoteverify.models import Speaker, note_code

from .conftest import judge_text, note_codes, transcript

BIDEN = Speaker("Joe Biden", "Biden", 0, 5)
SULLIVAN = Speaker("Jake Sullivan", "Sullivan", 0, 5)
BUTTIGIEG = Speaker("Pete Buttigieg", "Buttigieg", 0, 5)
PSAKI = Speaker("Jen Psaki", "Psaki", 0, 5)
GUTERRES = Speaker("António Guterres", "Guterres", 0, 5)
BENNETT = Speaker("Naftali Bennett", "Bennett", 0, 5)
SCOTT = Speaker("Tim Scott", "Scott", 0, 5)
JILL = Speaker("Jill Biden", "Biden", 0, 5)


# -- Who is speaking: a misspelt label is the label it misspells --------------------------

# Remarks by President Biden in a CNN town hall with Anderson Cooper, 2021-10-21.
TOWN_HALL = transcript(
    "MR. COOPER:  What can you do to bring down gas prices?\n\n"
    "THE PRESIDENT:  Well, the reason why the gas prices are up is because\n"
    "of an overall energy policy internationally.\n\n"
    "MR. COOPER:  Do you have a near-term answer?\n\n"
    "THE PRESIDNET:  I don’t have a near-term answer.\n\n"
    "MR. COOPER:  When do you think gas prices will go down?\n\n"
    "THE PRESIDENT:  I think you’ll see it start to go down next year.\n",
    title="Remarks by President Biden in a CNN Town Hall with Anderson Cooper",
)
# Remarks by President Biden before Marine One departure, 2023-05-29.
MARINE_ONE = transcript(
    "Q    Mr. President, what do you say to Republicans?\n\n"
    "THE PRESDEINT:  It’s a bipartisan deal.\n\n"
    "Q    Will this be done by June 5th?\n\n"
    "THE PRESIDENT:  Oh, yes.\n",
    title="Remarks by President Biden Before Marine One Departure",
)
# Press gaggle by Karine Jean-Pierre and Jake Sullivan en route Los Angeles, 2022-06-08.
GAGGLE = transcript(
    "MR. SULLIVAN:  Thanks.  And I’m sorry we’re doing this in the middle of\n"
    "a slightly bumpy ride.\n\n"
    "Q    Has there been any response in a way to engage North Korea on this issue?\n\n"
    "MR. SULLIAN:  We have not heard from North Korea.  We continue to\n"
    "obviously monitor and respond to the tests that they have been\n"
    "conducting.\n\n"
    "MR. SULLIVAN:  Oh, then on —\n",
    title="Press Gaggle by Press Secretary Karine Jean-Pierre and National Security "
    "Advisor Jake Sullivan En Route Los Angeles, CA",
)
# Press briefing by Karine Jean-Pierre and Secretary Buttigieg, 2024-03-27.
BALTIMORE = transcript(
    "MS. JEAN-PIERRE:  Mr. Secretary.\n\n"
    "SECRETARY BUTTITGIEG: Thank you very much, Karine. I want to start by\n"
    "thanking the Vice Admiral and the whole Coast Guard for their\n"
    "extraordinary partnership.\n\n"
    "Q    Do you have a dollar estimate?\n\n"
    "SECRETARY BUTTIGIEG: We don’t have dollar estimates yet. But we actually\n"
    "have provisions that allow us to begin releasing funding.\n\n"
    "Q    Thank you.\n\n"
    "SECRETARY BUTTIGIEG: Thank you.\n",
    title="Press Briefing by Press Secretary Karine Jean-Pierre and Secretary of "
    "Transportation Pete Buttigieg",
)


@pytest.mark.parametrize(
    ("source", "speaker", "quote", "label"),
    [
        (TOWN_HALL, BIDEN, "I don’t have a near-term answer.", "THE PRESIDNET"),
        (MARINE_ONE, BIDEN, "It’s a bipartisan deal.", "THE PRESDEINT"),
        (GAGGLE, SULLIVAN, "We have not heard from North Korea.", "MR. SULLIAN"),
        (
            BALTIMORE,
            BUTTIGIEG,
            "I want to start by thanking the Vice Admiral and the whole Coast Guard",
            "SECRETARY BUTTITGIEG",
        ),
    ],
)
def test_who_is_speaking_a_misspelt_label_is_the_label_it_misspells(
    source, speaker, quote, label
) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "verbatim", r.notes
    assert any(note_code(n) == "label-mapped" and label in n for n in r.notes), r.notes


def test_who_is_speaking_a_misspelt_label_of_someone_else_stays_theirs() -> None:
    # Sullivan's words under the misspelt label are still not Biden's.
    r = judge_text("We have not heard from North Korea.", BIDEN, GAGGLE)
    assert r.verdict in ("misattributed", "unverifiable"), r.verdict


# -- misattributed: words an anonymous official reads inside quotation marks ------------

# Background press call by senior administration officials on Ethiopia, 2021-09-17.
ETHIOPIA = transcript(
    "SENIOR ADMINISTRATION OFFICIAL:  So there’s a widespread consensus — outside\n"
    "of Ethiopia, at least — that there is no military solution to this\n"
    "conflict.  There’s widespread support for U.N. Secretary-General\n"
    "Guterres’s August call to, quote, “immediately end hostilities without\n"
    "preconditions and seize the opportunity to negotiate a lasting ceasefire.”\n\n"
    "Unfortunately, right now, all signs seem to be pointing to dangerous\n"
    "escalation and expansion of the humanitarian crisis.\n",
    title="Background Press Call by Senior Administration Officials on Ethiopia",
)
# Background press call on Prime Minister Bennett's visit, 2021-08-25.
BENNETT_VISIT = transcript(
    "SENIOR ADMINISTRATION OFFICIAL:  I’ll just use the — as the Prime Minister\n"
    "was getting on an airplane to fly to Washington earlier [Tuesday], he said,\n"
    "quote, “Joe Biden is a true friend of Israel.  There is a new government\n"
    "in Israel and a new administration in the U.S., and I am bringing with me\n"
    "a new spirit of cooperation.”\n\n"
    "I think we are receiving him very much in that spirit.\n",
    title="Background Press Call by Senior Administration Officials on President "
    "Biden’s Official Working Visit with Prime Minister Bennett of the State of Israel",
)
# Background press call on the U.S.–EU agreement on steel and aluminum, 2021-10-30.
STEEL = transcript(
    "SENIOR ADMINISTRATION OFFICIAL:  And so, I think that’s exactly the kind of\n"
    "theory of climate progress that President Biden has in mind when he says,\n"
    "“When I think of climate, I think of good jobs.”\n",
    title="Background Press Call by Senior Administration Officials on a U.S.-EU "
    "Agreement on Steel and Aluminum Tariffs",
)


@pytest.mark.parametrize(
    ("source", "speaker", "quote", "verdict"),
    [
        (
            ETHIOPIA,
            GUTERRES,
            "immediately end hostilities without pre-conditions and seize the "
            "opportunity to negotiate a lasting ceasefire.",
            "minor",
        ),
        (BENNETT_VISIT, BENNETT, "Joe Biden is a true friend of Israel.", "verbatim"),
        (STEEL, BIDEN, "When I think of climate, I think of good jobs.", "verbatim"),
    ],
)
def test_misattributed_words_an_anonymous_official_quotes_are_judged_on_wording(
    source, speaker, quote, verdict
) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == verdict, r.notes
    assert any(
        note_code(n) == "quoted-within" and "SENIOR ADMINISTRATION OFFICIAL" in n for n in r.notes
    )


# -- minor: a marked insertion that names a referent or clarifies -------------------------

# Remarks on the Senate's confirmation of Judge Jackson, 2022-04-08.
JACKSON = transcript(
    "THE PRESIDENT:  But I have to tell you, what Judge Jackson was put through\n"
    "was well beyond that.  There was verbal abuse.  The anger.  The constant\n"
    "interruptions.  The most vile, baseless assertions and accusations.\n",
    title="Remarks by President Biden, Vice President Harris, and Judge Ketanji "
    "Brown Jackson on the Senate’s Historic Bipartisan Confirmation",
)
# Remarks by President Biden on the Middle East, 2024-05-31.
MIDDLE_EAST = transcript(
    "THE PRESIDENT:  But I need your help.  Everyone who wants peace now must\n"
    "raise their voices and let the leaders know they should take this deal;\n"
    "work to make it real, make it lasting; and forge a better future.\n",
    title="Remarks by President Biden on the Middle East",
)


def test_diverged_a_bracket_that_repeats_a_word_clarifies_nothing() -> None:
    quote = (
        "There was verbal abuse. The anger. The constant interruptions. "
        "The most vile, baseless, [vile] assertions and accusations."
    )
    r = judge_text(quote, BIDEN, JACKSON)
    assert r.verdict == "diverged", r.notes
    assert any(note_code(n) == "bracket" and "[vile]" in n for n in r.notes)


def test_minor_a_bracket_that_restores_a_parallel_phrase() -> None:
    r = judge_text("work to make it real, [work to] make it lasting", BIDEN, MIDDLE_EAST)
    assert r.verdict == "minor", r.notes
    assert "bracket" in note_codes(r)


# -- minor: an ellipsis where nothing is left out is punctuation -------------------------

# Press briefing by Jen Psaki and Cecilia Rouse, 2022-03-04.
RUSSIAN_ENERGY = transcript(
    "MS. PSAKI:  Again, we remain in contact and in discussion with members\n"
    "of Congress.  We are looking at options we could take right now to cut\n"
    "U.S. consumption of Russian energy, but we are very focused on\n"
    "minimizing the impact of families.\n",
    title="Press Briefing by Press Secretary Jen Psaki and Chair of the Council of "
    "Economic Advisers Cecilia Rouse, March 4, 2022",
)
# Remarks as prepared by First Lady Jill Biden at the University of Wisconsin-Superior,
# 2022-03-02: the source prints the ellipsis itself.
SUPERIOR = transcript(
    "You were right to put your faith in Joe Biden a year ago. Because in the\n"
    "face of uncertainty, he is unshakeable. Despite deep divides—at home and\n"
    "abroad—he knows how to bring people together…how to rally the world when\n"
    "tyrants reach for power.\n",
    title="Remarks as Prepared for Delivery by First Lady Jill Biden at the "
    "University of Wisconsin-Superior",
)


def test_minor_an_ellipsis_where_nothing_is_left_out() -> None:
    r = judge_text("right now…to cut U.S. consumption of Russian energy.", PSAKI, RUSSIAN_ENERGY)
    assert r.verdict == "minor", r.notes
    assert "punctuation" in note_codes(r)


def test_verbatim_an_ellipsis_the_source_prints_itself() -> None:
    r = judge_text("he knows how to bring people together…how to rally the world", JILL, SUPERIOR)
    assert r.verdict == "verbatim", r.notes


# -- minor: a restart across the transcriber's bracketed or [sic] words ------------------

# Press briefing by Jen Psaki, 2021-05-20.
POLICE_REFORM = transcript(
    "MS. PSAKI:  Well, I don’t have anything to preview yet in terms of the\n"
    "President’s schedule next week.\n\n"
    "I will say, Kristen, that, obviously, we are in close touch, and we\n"
    "certainly defer to the expectations of the key negotiators here.  And I\n"
    "would note that Senator Booker has indicated that there’s good energy to\n"
    "the talks.  Senator Scott has said that “The key for us is to \\[making\\]\n"
    "— is to keep making progress.”  And we certainly support those\n"
    "efforts.\n\n"
    "The President talked about the George Floyd Justice in Policing Act in\n"
    "his joint session speech.\n",
    title="Press Briefing by Press Secretary Jen Psaki, May 20, 2021",
)


def test_minor_a_restart_across_the_transcribers_brackets() -> None:
    r = judge_text("The key for us is to keep making progress.", SCOTT, POLICE_REFORM)
    assert r.verdict == "minor", r.notes
    assert {"disfluency", "quoted-within"} <= note_codes(r), r.notes


def test_transcriber_note_names_the_bracketed_word_printed() -> None:
    # Printed with the bracketed word, the note names it, not "'making' → 'making'".
    r = judge_text("The key for us is to making", SCOTT, POLICE_REFORM)
    assert not any("'making' → 'making'" in n for n in r.notes), r.notes
