"""Notes agree with their verdicts, on every labelled set, and the rules
added after the real-world tuning (Okay/OK, a [sic] left out, a paraphrase
of another speaker's words) say what they decided."""

from __future__ import annotations

import pytest

from quoteverify.align import PreparedSource, prepare_source
from quoteverify.models import Note, Quote, QuoteResult, Source, Speaker, note_code
from quoteverify.verdict import judge

from .conftest import judge_text, note_codes
from .verdict_sets import FIXTURES, bench_run

# Codes that say the words were changed, moved or are someone else's: never
# on a passing verdict.
CHANGE = {
    "negation", "number", "modal", "inflection", "reordered", "omission", "paraphrase",
    "word", "apostrophe", "inaudible", "stitch", "misattributed", "nearest",
    "other-speaker", "no-source", "unmapped",
}  # fmt: skip
# Codes of a minor difference (docs/VERDICT-POLICY.md, "minor").
MINOR = {
    "case", "punctuation", "spelling", "contraction", "bracket", "disfluency",
    "interjection", "transcriber",
}  # fmt: skip
# What a failing verdict's notes must hold (one of).
NEEDS = {
    "stitched": {"stitch"},
    "misattributed": {"misattributed"},
    "not_found": {"nearest", "other-speaker"},
    "unverifiable": {"no-source", "unmapped"},
    "elided": {"elision"},
}
SETS = ("verdicts", "verdicts-heldout", "verdicts-heldout2", "verdicts-realworld")


def disagreement(verdict: str, codes: set[str]) -> str | None:
    """Why the notes contradict the verdict (None: they agree).

    >>> disagreement("minor", {"spelling"}), disagreement("verbatim", {"spelling"})
    (None, 'verbatim with a minor note')
    """
    if verdict in ("verbatim", "minor", "elided") and codes & CHANGE:
        return f"{verdict} with a change note {sorted(codes & CHANGE)}"
    if verdict == "verbatim" and codes & MINOR:
        return "verbatim with a minor note"
    if verdict == "minor" and not codes & MINOR:
        return "minor with no note saying what differs"
    need = NEEDS.get(verdict)
    if need and not codes & need:
        return f"{verdict} without a note of {sorted(need)}"
    return None


@pytest.mark.parametrize("name", SETS)
def test_every_note_agrees_with_its_verdict(name: str) -> None:
    rep = bench_run(FIXTURES / name)
    bad = []
    for row in rep["rows"]:
        why = disagreement(row["got"], {c for c, _ in row["notes"]})
        if why:
            bad.append(f"{row['id']}: {why}: {row['notes']}")
    assert not bad, "\n".join(bad)


BIDEN = Speaker("Joe Biden", "Biden", 0, 5, title="President")
PSAKI = Speaker("Jen Psaki", "Psaki", 0, 5, title="Press Secretary")
BODY = (
    "THE PRESIDENT: Okay, look, inflation is coming down. So, while sellers make "
    "record prifits \\[sic\\] — profits, families are paying more.\n\n"
    "Q: Is one of those options looking at releasing more oil from the Strategic "
    "Petroleum Reserve?\n\n"
    "MS. PSAKI: That is certainly an option on the table.\n"
)


SOURCE = Source(
    "s",
    "ok",
    f'---\ntitle: "Remarks by President Biden and Press Secretary Jen Psaki"\n---\n\n{BODY}',
)


def _ps() -> PreparedSource:
    return prepare_source(SOURCE)


def _judge(text: str, sp: Speaker) -> QuoteResult:
    return judge_text(text, sp, _ps())


@pytest.mark.parametrize(
    "text", ["OK, look, inflation is coming down.", "Ok, look, inflation is coming down"]
)
def test_ok_for_okay_is_a_spelling(text: str) -> None:
    r = _judge(text, BIDEN)
    assert r.verdict == "minor" and "spelling" in note_codes(r), r.notes


def test_a_sic_left_out_is_minor_and_noted() -> None:
    r = _judge("families are paying more", BIDEN)
    assert r.verdict == "verbatim", r.notes
    r = _judge("sellers make record prifits — profits, families are paying more", BIDEN)
    assert r.verdict == "minor" and "transcriber" in note_codes(r), r.notes
    assert any("[sic]" in str(n) for n in r.notes)


def test_a_paraphrase_of_another_speakers_turn_is_misattributed_with_its_passage() -> None:
    r = _judge("the option of releasing more oil from US strategic reserve,", PSAKI)
    assert r.verdict == "misattributed", r.notes
    assert "paraphrase" in note_codes(r) and r.match is not None
    assert "Strategic" in r.match.text


def test_check_reads_the_code_not_the_prose() -> None:
    from quoteverify.report import finding_message

    r = _judge("Is one of those options looking at releasing more oil", PSAKI)
    assert r.verdict == "misattributed"
    # A note whose text reads like a misattribution but whose code is not.
    decoy = Note("question-turn", "misattributed: DECOY")
    notes = [decoy, *(n for n in r.notes)]
    msg = finding_message(QuoteResult(**{**r.__dict__, "notes": notes}), [SOURCE])
    assert "DECOY" not in msg


# -- the rules reviewed for over-fitting: each with an example from a second text --
PSAKI_BODY = (
    "MS. PSAKI: And, certainly, if it is an appropriate time, he will engage with "
    "President Putin again.  But now is not the appropriate time, where he’s "
    "continuing to invade a sovereign country.\n\n"
    "Q: And the poets in the delegation?\n"
)


def _psaki(text: str) -> QuoteResult:
    body = f'---\ntitle: "Press Briefing by Press Secretary Jen Psaki"\n---\n\n{PSAKI_BODY}'
    ps = prepare_source(Source("p", "ok", body))
    return judge(Quote("q", text, 0, len(text), kind="quote", speaker=PSAKI), [ps])


def test_a_writers_insertion_inside_a_contraction_is_minor_in_a_second_text() -> None:
    """First seen in Trump's "he's a much tougher negotiator" printed "He (PM Modi)
    is"; Psaki's "where he's continuing to invade" printed with "(Putin)"."""
    r = _psaki("where he (Putin) is continuing to invade a sovereign country.")
    assert r.verdict == "minor", r.notes
    assert {"bracket", "contraction"} <= note_codes(r)


def test_a_dropped_digraph_is_no_us_uk_spelling() -> None:
    """ "poets" printed as "pets" is another word, never the "oe"/"e" of foetus/fetus."""
    r = _psaki("And the pets in the delegation?")
    assert r.verdict == "misattributed" and "the words themselves: diverged" in r.notes, r.notes


@pytest.mark.parametrize("start_word", ["im", "gonna", "make"])
def test_a_doubled_contraction_at_the_passage_start_is_fitted_whole(start_word: str) -> None:
    """ "I am going to" for "I'm gonna" at the start of a quote: wherever the
    alignment's hit starts (inside the contraction too), the fitted passage
    holds the whole contraction and the change is one minor one."""
    from quoteverify.align._diff import tight_diff
    from quoteverify.align._quote import parse_quote
    from quoteverify.thresholds import DEFAULT
    from quoteverify.verdict._words import WORD_RULES

    body = "THE PRESIDENT: Look, I said it before. I'm gonna make sure of it, and we will win.\n"
    ps = prepare_source(Source("s", "ok", f"---\ntitle: x\n---\n\n{body}"))
    toks = list(parse_quote("I am going to make sure of it, and we will win.").parts[0].tokens)
    keys = [ps.key(i) for i in range(ps.n_tokens)]
    _, _, wd = tight_diff(toks, ps, keys.index(start_word), ps.n_tokens, DEFAULT, WORD_RULES)
    assert wd.ops[0].flags == ("contraction",) and not wd.changed, wd.ops


@pytest.mark.parametrize(
    "text",
    [
        "So the report … the data shows that we are on track",
        "So the report [as of … the data shows that we are on track",
        "The report […] shows that we are on track",
    ],
)
def test_an_ellipsis_over_a_transcribers_unclosed_bracket_is_elided(text: str) -> None:
    body = (
        "MS. JEAN-PIERRE: So the report [as of Tuesday, the data shows that we are on "
        "track, and it is working. That is what matters.\n\nQ: Thank you.\n"
    )
    src = f'---\ntitle: "Press Briefing by Press Secretary Karine Jean-Pierre"\n---\n\n{body}'
    kjp = Speaker("Karine Jean-Pierre", "Jean-Pierre", 0, 5, title="Press Secretary")
    r = judge(
        Quote("q", text, 0, len(text), kind="quote", speaker=kjp),
        [prepare_source(Source("s", "ok", src))],
    )
    assert r.verdict == "elided" and "elision" in note_codes(r), r.notes


# -- a changed number at the passage's edge is named as a change, not an addition --
def _doe(text: str, body: str) -> QuoteResult:
    ps = prepare_source(Source("d", "ok", f"JANE DOE: {body}\n"))
    sp = Speaker("Jane Doe", "Jane Doe", 0, 8)
    return judge(Quote("q", text, 0, len(text), kind="quote", speaker=sp), [ps])


@pytest.mark.parametrize(
    ("quote", "body", "note"),
    [
        # The passage fit stops before "billion": the diff adds "million".
        ("revenue of $1.8 million", "revenue of $1.8 billion.", "'billion' → 'million'"),
        (
            "surpassed $1.8 million, a record",
            "surpassed $1.8 billion, a record.",
            "'billion' → 'million'",
        ),
        (
            "Look, I need 50 votes. I have 49",
            "Look, I need 50 votes. I have 48. Q Next?",
            "'48' → '49'",
        ),
    ],
)
def test_a_changed_number_names_the_word_it_replaced(quote: str, body: str, note: str) -> None:
    r = _doe(quote, body)
    assert r.verdict == "diverged", r.notes
    numbers = [n for n in r.notes if note_code(n) == "number"]
    assert numbers == [f"number changed: {note}"], r.notes
    assert not any("added" in n for n in numbers)


def test_a_number_word_the_quote_adds_is_still_added() -> None:
    """ "billion million": the source's "billion" stands in the quote; "million" is added."""
    r = _doe(
        "revenue surpassed $1.8 billion million, a record",
        "revenue surpassed $1.8 billion, a record.",
    )
    assert "number changed: added 'million'" in r.notes, r.notes
