"""docs/VERDICT-POLICY.md, "minor": one word's spelling — "US/UK spelling, a
transliterated name, a misspelling that is not itself another word.  A
different dictionary word is never a spelling variant": diverged.

The US/UK rewrites must not make two words one: UK English doubles the l of
an unstressed last syllable ("travelled", "fuelled"), not of "fill", and writes
"-our" in "colour", not in "four" or "our".  Excerpts of real White House
transcripts (public domain), more than one transcript.
"""

from __future__ import annotations

import pytest

from quoteverify.models import Speaker

from .conftest import judge_text, transcript

BIDEN = Speaker("Joe Biden", "Biden", 0, 5)
DEESE = Speaker("Brian Deese", "Deese", 0, 5)

# Remarks by President Biden at a political event, Philadelphia, PA, 2024-10-15.
PHILADELPHIA = transcript(
    "THE PRESIDENT:  New data from the National Labor Relations Board shows\n"
    "the number of workers filing for union representation has doubled since\n"
    "I became president — doubled.\n",
    title="Remarks by President Biden at a Political Event, Philadelphia, PA",
    date="2024-10-15",
)
# Press briefing by Jen Psaki and Brian Deese, 2021-01-22.
DEESE_BRIEFING = transcript(
    "MR. DEESE:  And so, really, a lot of what that $900 billion was doing was\n"
    "filling a hole in the second half of 2020 that desperately needed to be\n"
    "filled.\n",
    title="Press Briefing by Press Secretary Jen Psaki and National Economic Director Brian Deese",
    date="2021-01-22",
)


@pytest.mark.parametrize(
    ("quote", "speaker", "source"),
    [
        (
            "the number of workers filling for union representation has doubled",
            BIDEN,
            PHILADELPHIA,
        ),
        (
            "a lot of what that $900 billion was doing was filing a hole in the second half",
            DEESE,
            DEESE_BRIEFING,
        ),
        (
            "filling a hole in the second half of 2020 that desperately needed to be filed.",
            DEESE,
            DEESE_BRIEFING,
        ),
    ],
)
def test_diverged_another_dictionary_word_that_a_uk_rewrite_would_join(
    quote, speaker, source
) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "diverged", r.notes
    assert not any("spelling" in str(n) for n in r.notes), r.notes


def test_minor_a_uk_doubled_l_stays_a_spelling() -> None:
    # Biden's memorial remarks for Senator Harry Reid, 2022-01-08: the same
    # rewrite still joins "travelled" and "traveled".
    source = transcript(
        "THE PRESIDENT:  His remarkable journey has been told so many — by so\n"
        "many because it has been traveled by so few.\n",
        title="Remarks by President Biden at the Memorial for Senator Harry Reid",
        date="2022-01-08",
    )
    r = judge_text("it has been travelled by so few.", BIDEN, source)
    assert r.verdict == "minor", r.notes


# -- an apostrophe that turns a contraction into another word ------------------------
# Remarks by Vice President Harris at a campaign event in Milwaukee, WI, 2024-08-20.
MILWAUKEE = transcript(
    "THE VICE PRESIDENT:  Breast cancer survivors, children with\n"
    "diabetes, grandparents who need help and support being denied care.\n\n"
    "We’re not going back.  (Applause.)\n",
    title="Remarks by Vice President Harris at a Campaign Event in Milwaukee, WI",
    date="2024-08-20",
)
# Remarks by President Biden after Marine One arrival, 2023-12-06.
MARINE_ONE = transcript(
    "THE PRESIDENT:  It’s just\n"
    "wrong.  And we’re — we’re going to get that — we’re going to get that\n"
    "aid.  We’re going to get it.\n",
    title="Remarks by President Biden After Marine One Arrival",
    date="2023-12-06",
)
HARRIS = Speaker("Kamala Harris", "Harris", 0, 5)


@pytest.mark.parametrize(
    ("quote", "speaker", "source"),
    [
        ("Were not going back.", HARRIS, MILWAUKEE),
        ("Were going to get that aid.", BIDEN, MARINE_ONE),
    ],
)
def test_diverged_an_apostrophe_dropped_that_makes_another_word(quote, speaker, source) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "diverged", r.notes


def test_minor_the_apostrophe_of_its_stays_typography() -> None:
    r = judge_text("Its just wrong.", BIDEN, MARINE_ONE)
    assert r.verdict == "minor", r.notes


# Remarks by President Biden, Jill Biden and Douglas Emhoff celebrating Jewish
# American Heritage Month, 2023-05-16.
HERITAGE_MONTH = transcript(
    "THE PRESIDENT:  And the Department of Justice — and the Attorney General is here — has\n"
    "made prosecuting hate crimes a top priority.\n",
    title="Remarks by President Biden, First Lady Jill Biden, and Second Gentleman Douglas "
    "Emhoff at a Celebration of Jewish American Heritage Month",
    date="2023-05-16",
)
# Remarks by President Biden in a meeting on the CHIPS Act, 2022-07-26.
CHIPS = transcript(
    "THE PRESIDENT:  And the bill — the bill will require that I personally have to sign\n"
    "off on the biggest grants before they can be dispersed.  It’s not sufficient.\n",
    title="Remarks by President Biden in Meeting with CEOs and Labor Leaders on the "
    "Importance of Passing the CHIPS Act",
    date="2022-07-26",
)


def test_diverged_a_rare_dictionary_word_for_its_neighbour() -> None:
    # "persecuting" (Zipf 2.6) and "disbursed" (2.5) fall below the frequency floor
    # that keeps "recieve" and "goverment" out; the dictionary knows them, so they
    # are other words, not misspellings (they passed as minor).
    r = judge_text("made persecuting hate crimes a top priority", BIDEN, HERITAGE_MONTH)
    assert r.verdict == "diverged", r.notes
    r = judge_text(
        "I personally have to sign off on the biggest grants before they can be disbursed",
        BIDEN,
        CHIPS,
    )
    assert r.verdict == "diverged", r.notes


def test_minor_a_misspelling_the_dictionary_leaves_out() -> None:
    r = judge_text("made prosecutting hate crimes a top priority", BIDEN, HERITAGE_MONTH)
    assert r.verdict == "minor", r.notes
    r = judge_text(
        "I personally have to sign off on the biggest grants before they can be dispersd",
        BIDEN,
        CHIPS,
    )
    assert r.verdict == "minor", r.notes


@pytest.mark.parametrize(
    "word",
    "recieve goverment seperate thier definately occured accomodate untill becuase "
    "tommorow publically arguement beleive neccessary wierd acheive existance concious "
    "accross agressive apparantly begining catagory cemetary commited completly "
    "concensus embarass enviroment foriegn freind grammer harrass independant knowlege "
    "liason millenium noticable occassion persue posession prefered propoganda recomend "
    "refered relevent religous remeber resistence sieze succesful suprise tendancy "
    "threshhold truely unforseen vaccum vehical writting adress buisness collegue "
    "comittee diffrent excercise fourty guage immediatly lenght nieghbor oppurtunity "
    "parliment reccomend sentance speach strenght".split(),
)
def test_common_misspellings_are_not_words(word: str) -> None:
    from quoteverify.thresholds import Thresholds
    from quoteverify.verdict._spelling import english_lexicon

    assert not english_lexicon(Thresholds().word_min_zipf)(word)


# A transcript capitalises each sentence's first word; the name rule (a rare dictionary
# word printed for a name is a misspelt name) must not read that capital as a name's.
# Remarks by President Biden at the Medal of Honor presentation to Captain Larry L. Taylor,
# 2023-09-05.
MEDAL_OF_HONOR = transcript(
    "THE PRESIDENT:  But how — by how\n"
    "he refused to give up. Refused to leave a fellow American behind.\n"
    "Refused to put his own life above the lives of others in need.\n",
    title="Remarks by President Biden at Presentation of the Medal of Honor to Army Captain "
    "Larry L. Taylor",
    date="2023-09-05",
)
# "365 Wins in 365 Days", a White House list of 2026-01-20 (item 28), read as the
# President's statement: every item opens with its verb.
WINS_LIST = transcript(
    "THE PRESIDENT:  Reduced the energy and critical minerals permitting processes from\n"
    "multiple years to, at most, 28 days. Disbursed hundreds of millions in energy revenues to\n"
    "oil-and-gas-producing states.\n",
    title="Remarks by President Trump",
    date="2026-01-20",
)
# Remarks by President Biden on the Build Back Better Agenda, 2021-10-15: "Biden" after a
# title's full stop, which ends no sentence.
CHILD_CARE = transcript(
    "THE PRESIDENT:  Jill has my community college — Dr. Biden has an expression she’s used\n"
    "for real: Any country that out-educates us will outcompete us.\n",
    title="Remarks by President Biden on the Build Back Better Agenda and the Importance of "
    "Investing in Child Care",
    date="2021-10-15",
)
TRUMP = Speaker("Donald Trump", "Trump", 0, 5)


def test_diverged_a_rare_word_for_a_sentence_opening_word() -> None:
    # "recused" (Zipf 2.4) for the sentence-opening "Refused"; "dispersed" for the
    # item-opening "Disbursed" (2.5): the capitals are the sentences', not names'.
    r = judge_text("recused to leave a fellow American behind", BIDEN, MEDAL_OF_HONOR)
    assert r.verdict == "diverged", r.notes
    r = judge_text("Recused to leave a fellow American behind", BIDEN, MEDAL_OF_HONOR)
    assert r.verdict == "diverged", r.notes
    r = judge_text(
        "dispersed hundreds of millions in energy revenues to oil-and-gas-producing states",
        TRUMP,
        WINS_LIST,
    )
    assert r.verdict == "diverged", r.notes
    r = judge_text("Refused to leave a fellow American behind", BIDEN, MEDAL_OF_HONOR)
    assert r.verdict == "verbatim", r.notes


def test_minor_a_misspelt_name_after_a_title() -> None:
    # "Bidden" is in the dictionary, "Biden" a name: "Dr." ends no sentence.
    r = judge_text("Dr. Bidden has an expression she’s used for real", BIDEN, CHILD_CARE)
    assert r.verdict == "minor", r.notes
    r = judge_text("my community college — Dr. Bidden has an expression", BIDEN, CHILD_CARE)
    assert r.verdict == "minor", r.notes


# An apostrophe dropped from "you're"/"they're" makes no other word: "youre" and
# "theyre" are in the word lists only as web text's misspellings of the contractions.
# Harris's Milwaukee remarks, 2024-08-20 (the speech MILWAUKEE above quotes):
HARRIS_CHICAGO_CLOSE = transcript(
    "THE VICE PRESIDENT:  And you’re going to hear from our wonderful second gentleman\n"
    "shortly.  I’ll see you in two days, Chicago.  (Applause.)\n\n"
    "So, that plan, though, tells us what they’re up to.\n",
    title="Remarks by Vice President Harris at a Campaign Event in Milwaukee, WI",
    date="2024-08-20",
)
# Biden urging Congress to pass the national security supplemental, 2023-12-06.
SUPPLEMENTAL = transcript(
    "THE PRESIDENT:  That’s not the answer.  That’s not the answer.\n"
    "And now they’re willing to literally kneecap Ukraine on the battlefield\n"
    "and damage our national security in the process.\n",
    title="Remarks by President Biden Urging Congress to Pass His National Security "
    "Supplemental Request",
    date="2023-12-06",
)


@pytest.mark.parametrize(
    ("quote", "speaker", "source"),
    [
        (
            "And youre going to hear from our wonderful second gentleman",
            HARRIS,
            HARRIS_CHICAGO_CLOSE,
        ),
        ("tells us what theyre up to", HARRIS, HARRIS_CHICAGO_CLOSE),
        ("And now theyre willing to literally kneecap Ukraine", BIDEN, SUPPLEMENTAL),
    ],
)
def test_minor_an_apostrophe_dropped_that_makes_no_word(quote, speaker, source) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "minor", r.notes


def test_diverged_an_apostrophe_dropped_that_makes_a_word_still() -> None:
    # "I'll" -> "ill" is another word (wordfreq: "ill" is a tenth as frequent at least).
    r = judge_text("ill see you in two days, Chicago.", HARRIS, HARRIS_CHICAGO_CLOSE)
    assert r.verdict == "diverged", r.notes
    # The note says which apostrophe (the verdict had no note at all).
    assert any("'I’ll' → 'ill' is another word" in n for n in r.notes), r.notes
