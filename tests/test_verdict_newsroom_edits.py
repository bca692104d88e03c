"""The edits real journalism makes to quotations, judged on invented texts.

Each rule is checked on at least two texts that are not the real-world
sets' cases (those are in fixtures/verdicts-realworld*/, scored by
benchmarks/verdicts.py): a whole sentence skipped without a mark, ``'s`` read
as "has", a speaker printed with a description or jointly, a stutter at a
passage's end, a paraphrase that changes word forms, a small word shifted.
"""

from __future__ import annotations

import pytest

from quoteverify.models import Speaker, note_code

from .conftest import judge_text, transcript


def _sp(name: str, title: str | None = None) -> Speaker:
    return Speaker(name, name.split()[-1], 0, 5, title=title)


BRIEFING = (
    "MS. LANE:  We have been very clear about this.  I am not going to get into the "
    "details from here.  That is not something I am going to do.  What I can tell you is "
    "that the secretary spoke with her counterpart twice this week.\n\n"
    "Q    Thank you.  On the budget?\n\n"
    "MS. LANE:  The budget is on the table.  It is a serious offer.  We think it is a "
    "fair deal for working families, and we expect the other side to take it seriously.  "
    "Okay?  We are ready to talk.\n"
)
REMARKS = (
    "THE PRESIDENT:  The bridge will open in the spring.  The crews have worked through "
    "the winter — the — the whole winter.  They never stopped.  And I want to thank every "
    "one of them.  She’s been a great partner to me.  She’s tough.  And the port has "
    "turned out to be a — a success.\n\n"
    "MR. OKAFOR:  We didn’t think the water would come that fast.  We were watching the "
    "road go under.\n"
)
LANE = _sp("Dana Lane", "Press Secretary")
PRESIDENT = _sp("Joe Biden", "President")


def _briefing() -> object:
    return transcript(BRIEFING, "Press Briefing by Press Secretary Dana Lane")


def _remarks() -> object:
    return transcript(REMARKS, "Remarks by President Biden at the Harbor Bridge")


# -- a whole sentence skipped without a mark: stitched -------------------------------
@pytest.mark.parametrize(
    ("text", "src", "who"),
    [
        (
            "I am not going to get into the details from here. What I can tell you is that "
            "the secretary spoke with her counterpart twice this week.",
            "briefing",
            "lane",
        ),
        (
            "The crews have worked through the whole winter. And I want to thank every one "
            "of them.",
            "remarks",
            "president",
        ),
    ],
)
def test_whole_sentence_skipped_is_stitched(text: str, src: str, who: str) -> None:
    ps = _briefing() if src == "briefing" else _remarks()
    r = judge_text(text, LANE if who == "lane" else PRESIDENT, ps)
    assert r.verdict == "stitched", r.notes
    assert any("skips a whole sentence" in n for n in r.notes), r.notes


def test_one_word_tag_skipped_is_a_dropped_word() -> None:
    # "Okay?" is a tag inside one passage: leaving it out is diverged, not a stitch.
    r = judge_text(
        "We think it is a fair deal for working families, and we expect the other side to "
        "take it seriously. We are ready to talk.",
        LANE,
        _briefing(),
    )
    assert r.verdict == "diverged", r.notes


def test_word_dropped_inside_a_sentence_is_diverged() -> None:
    r = judge_text("The budget is on the table. It is a offer.", LANE, _briefing())
    assert r.verdict in ("diverged", "not_found"), r.notes
    assert r.verdict != "stitched"


# -- 's read as "has" ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "src", "who"),
    [
        ("She has been a great partner to me.", "remarks", "president"),
        ("We've been very clear about this.", "briefing", "lane"),
    ],
)
def test_contraction_read_both_ways_is_minor(text: str, src: str, who: str) -> None:
    ps = _briefing() if src == "briefing" else _remarks()
    r = judge_text(text, LANE if who == "lane" else PRESIDENT, ps)
    assert r.verdict == "minor", r.notes
    assert "contraction" in {note_code(n) for n in r.notes}


def test_has_is_not_was() -> None:
    r = judge_text("She was been a great partner to me.", PRESIDENT, _remarks())
    assert r.verdict == "diverged", r.notes


# -- a speaker printed with a description, or jointly ---------------------------------
@pytest.mark.parametrize(
    "text",
    ["We didn’t think the water would come that fast,", "We were watching the road go under."],
)
def test_described_speaker_is_the_person(text: str) -> None:
    r = judge_text(text, _sp("Ade Okafor (resident)"), _remarks())
    assert r.verdict == "verbatim", r.notes


def test_joint_speaker_words_absent_are_not_found() -> None:
    r = judge_text(
        "We will rebuild every home on this coast by the summer.",
        _sp("Joe Biden and Kamala Harris"),
        _remarks(),
    )
    assert r.verdict == "not_found", r.notes


def test_joint_speaker_words_present_pass() -> None:
    r = judge_text("They never stopped.", _sp("Joe Biden and Jill Biden"), _remarks())
    assert r.verdict == "verbatim", r.notes


# -- a stutter at a passage's end -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "src"),
    [
        ("And the port has turned out to be a success.", "remarks"),
        ("The crews have worked through the winter — the whole winter.", "remarks"),
    ],
)
def test_stutter_left_out_is_minor(text: str, src: str) -> None:
    r = judge_text(text, PRESIDENT, _remarks())
    assert r.verdict == "minor", r.notes
    assert "disfluency" in {note_code(n) for n in r.notes}


# -- a paraphrase that changes the forms of its words ---------------------------------
def test_paraphrase_with_changed_word_forms_is_diverged() -> None:
    ps = transcript(
        "THE PRESIDENT:  No fair person who looks at the records of these cases can reach "
        "any other conclusion than that the rules were bent for them.\n",
        "Statement from President Joe Biden",
    )
    r = judge_text("No fair person looking at the record can conclude otherwise", PRESIDENT, ps)
    assert r.verdict == "diverged", r.notes
    assert "paraphrase" in {note_code(n) for n in r.notes}


# -- one small word shifted in a short quote -------------------------------------------
@pytest.mark.parametrize(
    ("text", "who", "src"),
    [
        ("I never stopped.", "president", "remarks"),
        ("We is a serious offer.", "lane", "briefing"),
    ],
)
def test_small_word_shift_is_diverged(text: str, who: str, src: str) -> None:
    ps = _briefing() if src == "briefing" else _remarks()
    r = judge_text(text, LANE if who == "lane" else PRESIDENT, ps)
    assert r.verdict == "diverged", r.notes
    assert r.match is not None


def test_changed_content_word_is_not_a_shift() -> None:
    r = judge_text("They never slept.", PRESIDENT, _remarks())
    assert r.verdict == "not_found", r.notes


# -- parts of one sentence reordered without a mark ------------------------------------
def test_one_sentence_reordered_is_diverged_not_stitched() -> None:
    ps = transcript(
        "THE PRESIDENT:  This town will have to decide between building the new school "
        "quickly or slowly, between the river road and the hill road, between the old "
        "budget and the new one.  We will respect whatever it decides.\n",
        "Remarks by President Biden at the Town Hall",
    )
    r = judge_text(
        "This town will have to decide between the river road and the hill road, the old "
        "budget and the new one, building the new school quickly or slowly",
        PRESIDENT,
        ps,
    )
    assert r.verdict == "diverged", r.notes
    assert "reordered" in {note_code(n) for n in r.notes}


def test_sentences_out_of_order_stay_stitched() -> None:
    r = judge_text(
        "And I want to thank every one of them. The bridge will open in the spring, and the "
        "crews have worked through the winter.",
        PRESIDENT,
        _remarks(),
    )
    assert r.verdict == "stitched", r.notes


# -- a role noun that is a label's title ("the Secretary said") ------------------------
AVAILABILITY = (
    "SECRETARY BLINKEN:  Good afternoon, everyone.  We are working closely with our allies "
    "on the next steps.\n\nQ    Mr. Secretary, thank you.\n\nMR. PRICE:  Next question, "
    "please.\n"
)
HARBOR = "THE PRESIDENT:  We will rebuild the bridge.\n\nGOVERNOR OKAFOR:  We will start in May.\n"


@pytest.mark.parametrize(
    ("body", "title", "who", "text"),
    [
        (
            AVAILABILITY,
            "Secretary Antony J. Blinken at a Press Availability",
            "The Secretary",
            "We are working closely with our allies on the next steps.",
        ),
        (
            HARBOR,
            "Remarks by President Biden at the Harbor",
            "the governor",
            "We will start in May.",
        ),
    ],
)
def test_role_title_speaker_is_the_labelled_holder(
    body: str, title: str, who: str, text: str
) -> None:
    r = judge_text(text, _sp(who), transcript(body, title))
    assert r.verdict == "verbatim", r.notes


def test_role_title_speaker_is_not_someone_else() -> None:
    ps = transcript(HARBOR, "Remarks by President Biden at the Harbor")
    r = judge_text("We will rebuild the bridge.", _sp("the governor"), ps)
    assert r.verdict == "misattributed", r.notes


# -- a title that names the holder in full ---------------------------------------------
FIRST_LADY = (
    "THE FIRST LADY:  Teachers are the heart of every school.\n\n"
    "THE PRESIDENT:  And Jill would know.  She still teaches.\n"
)


def test_full_name_in_title_maps_the_role_label() -> None:
    ps = transcript(
        "THE PRESIDENT:  We will finish the job.\n", "Statement from President Joe Biden"
    )
    r = judge_text("We will finish the job.", PRESIDENT, ps)
    assert r.verdict == "verbatim", r.notes


def test_same_surname_other_first_name_is_someone_else() -> None:
    ps = transcript(FIRST_LADY, "Remarks by President Biden and First Lady Jill Biden")
    r = judge_text("Teachers are the heart of every school.", _sp("Jill Biden"), ps)
    assert r.verdict == "verbatim", r.notes
    r = judge_text("Teachers are the heart of every school.", PRESIDENT, ps)
    assert r.verdict == "misattributed", r.notes
