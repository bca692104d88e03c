"""The run-on anchors of a quote (``_run_on_anchors``): the places its first
or last three words stand, tried as a sentence run on across an interjection.

Searched per quote, they were a third of an absent quote's time (issue 15):
these tests pin that the bounded search gives the places the full one gave.
"""

from __future__ import annotations

from quoteverify.align import parse_quote
from quoteverify.models import Quote, Speaker
from quoteverify.thresholds import DEFAULT
from quoteverify.verdict import _run_on_anchors
from quoteverify.verdict._passage import _part_matches
from quoteverify.verdict._stitching import _run_on_across, may_run_on

from .conftest import judge_text, transcript

BIDEN = Speaker(name="Joe Biden", mention="Biden", start=0, end=0, type="person")

# Biden, Hurricane Fiona recovery remarks, 2022-09-22 (the conformance case),
# with "we're not going" said many more times before the interjection.
FIONA = (
    "THE PRESIDENT:  "
    + "We’re not going to walk away.  We mean it.  " * 6
    + "\n\nThis is really, really, really important to us.  And so we’re not going —\n\n"
    "GOVERNOR PIERLUISI: Thank you.\n\n"
    "THE PRESIDENT:  — to walk away.\n"
)


def _quote(text: str) -> Quote:
    return Quote("q", text, start=0, end=len(text), kind="quote", speaker=BIDEN)


def test_run_on_anchors_are_the_best_exact_places_that_may_run_on() -> None:
    ps = transcript(FIONA, "Remarks by President Biden on Hurricane Fiona Recovery")
    text = "And so we're not going to walk away."
    q = _quote(text)
    toks = parse_quote(text).tokens
    got = [(p.a, p.b, p.score) for p in _run_on_anchors(toks, q, ps, DEFAULT)]
    full = [
        (p.a, p.b, p.score)
        for part in (toks[:3], toks[-3:])
        for p in _part_matches(part, q, ps, DEFAULT, fuzzy=False)[:4]
    ]
    kept = [f for f in full if may_run_on(toks, f[0], f[1], ps, DEFAULT)]
    assert [g for g in got if may_run_on(toks, g[0], g[1], ps, DEFAULT)] == kept
    assert kept  # the last three words stand after the interjection
    assert judge_text(text, BIDEN, ps).verdict == "minor"


def test_may_run_on_is_false_where_no_split_is_tried() -> None:
    ps = transcript(FIONA, "Remarks by President Biden on Hurricane Fiona Recovery")
    text = "We mean it, we are with you."
    toks = parse_quote(text).tokens
    checked = 0
    for p in _part_matches(toks[:3], _quote(text), ps, DEFAULT, fuzzy=False):
        if not may_run_on(toks, p.a, p.b, ps, DEFAULT):
            assert _run_on_across(toks, p, _quote(text), ps, DEFAULT) is None
            checked += 1
    # Else the loop passes with nothing checked (no place, or every place a run-on).
    assert checked
