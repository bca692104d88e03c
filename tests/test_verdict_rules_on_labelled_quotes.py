"""Verdict rules on real quotations: whose words a role label holds, restarts and
false starts, a transcriber's brackets and struck words, parts of one passage,
sentences skipped or added.

Each test is named by the rule it checks and judges real quotations of the
labelled sets (fixtures/verdicts*/cases.jsonl) against their real sources, from
more than one text: the case's frozen label is the expected verdict.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

import pytest

from quoteverify.models import Quote, QuoteResult, Speaker, note_code
from quoteverify.sources import load_source
from quoteverify.verdict import judge

from .conftest import FIXTURES, note_codes

if TYPE_CHECKING:
    from quoteverify.align import PreparedSource


@cache
def _cases(folder: str) -> dict[str, dict[str, object]]:
    with (FIXTURES / folder / "cases.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return {str(c["id"]): c for c in rows}


@cache
def _prepared(folder: str, rel: str) -> PreparedSource:
    from quoteverify.align import prepare_source

    src = load_source(str(FIXTURES / folder / rel))
    assert src.status == "ok", src.error
    return prepare_source(src)


def _quote(c: dict[str, object]) -> Quote:
    text, name = str(c["quote"]), c.get("speaker")
    speaker = None
    if name:
        title = c.get("speaker_title")
        speaker = Speaker(
            str(name),
            str(name).split()[-1],
            0,
            0,
            type="person",
            title=str(title) if title else None,
        )
    return Quote(str(c["id"]), text, 0, len(text), kind=c["kind"], speaker=speaker)  # type: ignore[arg-type]


def _judged(folder: str, case_id: str) -> tuple[QuoteResult, str]:
    c = _cases(folder)[case_id]
    r = judge(_quote(c), [_prepared(folder, str(c["source"]))])
    return r, str(c["expected"])


FRESH = "verdicts-wh-fresh"


# -- a role label mapped by the title, quoting someone else ----------------------------
@pytest.mark.parametrize("case_id", ["wf0100", "wf0130"])
def test_quoted_within_a_titled_role_label_is_judged_on_wording(case_id: str) -> None:
    # Biden quoting Reagan (NABTU, 2023-04-25) and Trump (Medina, 2024-05-12):
    # THE PRESIDENT is Biden by the title, so the words are "quoted by" him.
    r, expected = _judged(FRESH, case_id)
    assert r.verdict == expected == "verbatim", r.notes
    assert "quoted-within" in note_codes(r) and "unmapped" not in note_codes(r), r.notes


@pytest.mark.parametrize(
    "rel",
    [
        "sources/2024-05-12-remarks-by-president-biden-at-a-campaign-reception-medina-wa.md",
        "sources/2023-04-25-remarks-by-president-biden-at-north-americas-building-trades-unions-nabtu-legislative-conference.md",
    ],
)
def test_front_matter_date_maps_a_role_label_by_office_holder(rel: str) -> None:
    # The loader keeps the front matter's date; with a title that names no one
    # (an occasion only), THE PRESIDENT is mapped by the office-holder table.
    from quoteverify.align import prepare_source

    src = load_source(str(FIXTURES / FRESH / rel))
    assert src.date is not None and src.date.startswith("202")
    occasion_only = replace(src, title=(src.title or "").replace("President\xa0Biden ", ""))
    assert "Biden" not in (occasion_only.title or "")
    ps = prepare_source(occasion_only)
    line = next(ln for ln in src.text.splitlines() if ln.startswith("THE PRESIDENT:"))
    words = " ".join(line.split(":", 1)[1].split()[:8])
    q = Quote("q", words, 0, len(words), speaker=Speaker("Joe Biden", "Biden", 0, 0))
    r = judge(q, [ps])
    assert r.verdict in ("verbatim", "minor"), r.notes
    assert "label-mapped" in note_codes(r), r.notes


# -- stutters left out: a cut-off word, a slip said again, a phrase said again -----------
@pytest.mark.parametrize(
    ("folder", "case_id", "dropped"),
    [
        (FRESH, "wf0001", "lon"),  # "COVID lon- — no longer controls our lives"
        ("verdicts-realworld", "rw0247", "purpo"),  # "purpo- — purposefully" ('and' added)
        ("verdicts-realworld-heldout", "rw0293", "cerebella"),  # "cerebella- — cerebellar"
    ],
)
def test_cut_off_word_restarted_is_a_disfluency(folder: str, case_id: str, dropped: str) -> None:
    r, expected = _judged(folder, case_id)
    assert r.verdict == expected, r.notes
    assert any(o.source == dropped and o.flags == ("disfluency",) for o in r.diff), r.diff


@pytest.mark.parametrize("case_id", ["wf0082", "wf0083"])
def test_misspoken_word_said_again_left_out_is_minor(case_id: str) -> None:
    # "because the backboken [sic] — backbone of this nation is strong"
    r, expected = _judged(FRESH, case_id)
    assert r.verdict == expected == "minor", r.notes
    assert "disfluency" in note_codes(r), r.notes


def test_restarted_phrase_left_out_is_minor() -> None:
    # "while still — while we still have the time"
    r, expected = _judged(FRESH, "wf0099")
    assert r.verdict == expected == "minor", r.notes
    assert "disfluency" in note_codes(r), r.notes


@pytest.mark.parametrize(
    ("folder", "case_id"),
    [
        ("verdicts-realworld", "rw0164"),  # "that will — that will — that we all know will"
        ("verdicts-realworld", "rw0229"),  # "of being — babies being killed"
        ("verdicts-heldout2", "h-diverged-04"),  # "$200 tril- — billion"
        (FRESH, "wf0006"),  # "people can — are able to"
        (FRESH, "wf0009"),  # "the — their Arab neighbors"
    ],
)
def test_false_start_that_is_not_repeated_stays_diverged(folder: str, case_id: str) -> None:
    r, expected = _judged(folder, case_id)
    assert r.verdict == expected == "diverged", r.notes


# -- a bracket that completes a number to the same value -------------------------------
def test_bracket_completing_a_number_is_minor() -> None:
    # "seizing over 23 [thousand] pounds of fentanyl" for "23,000 pounds"
    r, expected = _judged(FRESH, "wf0004")
    assert r.verdict == expected == "minor", r.notes
    assert "number" not in note_codes(r) and "bracket" in note_codes(r), r.notes


# -- a struck word and the transcriber's bracketed correction -----------------------------
def test_struck_word_with_bracketed_correction_printed_is_minor() -> None:
    # "We cannot blame House <s>Republicans</s> [Democrats]" printed "House Democrats"
    r, expected = _judged(FRESH, "wf0030")
    assert r.verdict == expected == "minor", r.notes
    assert "transcriber" in note_codes(r), r.notes


@pytest.mark.parametrize(
    ("folder", "rel", "name", "text"),
    [
        (
            "verdicts-heldout",
            "sources/roundtable-biden-ceos-2022-07-28.md",
            "Joe Biden",
            # the transcript: "towns couldn’t <s>accord</s> \[afford\] it"
            "cities couldn’t afford it, towns couldn’t afford it, counties couldn’t afford it.",
        ),
        (
            "verdicts-realworld-heldout",
            "sources/2025-01-24-remarks-by-president-trump-during-tour-of-hurricane-helene-disaster-site.md",
            "Donald Trump",
            # the transcript: "since the storm made <s>landfill</s> \[landfall\],"
            "It’s been four months since the storm made landfall, and still 180 roads remain "
            "closed and in ruins.",
        ),
    ],
)
def test_struck_word_is_markup_not_a_word(folder: str, rel: str, name: str, text: str) -> None:
    # The transcript's own words with its correction applied: the "<s>" tags
    # are not a word "s", and the struck word may be left out.
    ps = _prepared(folder, rel)
    q = Quote("q", text, 0, len(text), speaker=Speaker(name, name.split()[-1], 0, 0))
    r = judge(q, [ps])
    assert r.verdict == "minor", r.notes
    assert "transcriber" in note_codes(r), r.notes


# -- the policy's "one passage": parts placed next to each other -----------------------
@pytest.mark.parametrize(
    ("case_id", "omitted"),
    [
        # "make no mistake about it: As we made clear last week, if China …"
        ("wf0005", "As we made clear last week"),
        # "I’ve got to finish this job": "I have… to finish this job"
        ("wf0061", "got"),
    ],
)
def test_parts_of_one_passage_are_elided_not_stitched(case_id: str, omitted: str) -> None:
    r, expected = _judged(FRESH, case_id)
    assert r.verdict == expected, r.notes
    assert "stitch" not in note_codes(r) and "elision" in note_codes(r), r.notes
    assert any(o.source == omitted and "ellipsis" in o.flags for o in r.diff), r.diff


@pytest.mark.parametrize(
    ("folder", "case_id"),
    [("verdicts-heldout", "h-stitched-02"), ("verdicts-heldout2", "h-stitched-03")],
)
def test_parts_far_apart_stay_stitched(folder: str, case_id: str) -> None:
    r, expected = _judged(folder, case_id)
    assert r.verdict == expected == "stitched", r.notes


# -- a whole sentence skipped without a mark, the run after it short -------------------
@pytest.mark.parametrize(
    ("folder", "case_id"),
    [
        (
            FRESH,
            "wf0050",
        ),  # "…end it tomorrow. [And the ceasefire would begin tomorrow.] It all has to do"
        ("verdicts-realworld-heldout", "rw0299"),
        ("verdicts-realworld", "rw0324"),
    ],
)
def test_whole_sentence_skipped_before_a_short_run_is_stitched(folder: str, case_id: str) -> None:
    r, expected = _judged(folder, case_id)
    assert r.verdict == expected == "stitched", r.notes


# -- sentences added to a real passage -----------------------------------------------
@pytest.mark.parametrize(
    ("case_id", "added"),
    [
        ("wf0058", "Look, I’m not as young."),  # "I know I’m not a young man"
        ("wf0133", "Throughout the past two years"),  # the first lady's tour remarks
    ],
)
def test_sentence_added_to_a_real_passage_is_diverged(case_id: str, added: str) -> None:
    r, expected = _judged(FRESH, case_id)
    assert r.verdict == expected == "diverged", r.notes
    assert r.match is not None
    assert any(note_code(n) == "added-sentence" and added in n for n in r.notes), r.notes


@pytest.mark.parametrize(
    ("folder", "case_id"),
    [("verdicts-realworld", "rw0082"), ("verdicts-heldout2", "notfound-04")],
)
def test_quote_with_no_sentence_in_the_source_stays_not_found(folder: str, case_id: str) -> None:
    # Two sentences each, neither standing in a passage of the speaker.
    r, expected = _judged(folder, case_id)
    assert r.verdict == expected == "not_found", r.notes
