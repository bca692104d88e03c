"""Turn parsing and speaker matching on a real White House briefing excerpt."""

from pathlib import Path

from quoteverify.align import prepare_source
from quoteverify.align._transcript import label_matches
from quoteverify.models import Source

DATA = Path(__file__).parent / "data" / "briefing-2022-07-27-excerpt.md"


def _ps():
    return prepare_source(Source("briefing", "ok", DATA.read_text(encoding="utf-8")))


def test_front_matter_title_and_turns():
    ps = _ps()
    assert ps.title and ps.title.startswith("Press Briefing by Press Secretary Karine Jean-Pierre")
    labels = [t.label for t in ps.turns]
    assert labels[:4] == ["MS. JEAN-PIERRE", "Q", "MS. JEAN-PIERRE", "MR. KIRBY"]
    assert labels.count("Q") >= 3
    # Front matter words are not source words.
    assert "modified_time" not in {ps.core(i) for i in range(ps.n_tokens)}


def test_turn_at_and_stage_direction_removed():
    ps = _ps()
    i = next(
        k
        for k in range(ps.n_tokens)
        if ps.core(k) == "Communications" and ps.core(k + 1) == "Strategy"
    )
    # "(Laughs.)" stood right before: the previous word is "up" from "mess this up".
    assert ps.core(i - 1) == "up"
    assert ps.turn_at(i).label == "MS. JEAN-PIERRE"
    assert "Laughs" not in {ps.core(k) for k in range(ps.n_tokens)}
    j = next(k for k in range(ps.n_tokens) if ps.core(k) == "Vogel")
    assert ps.turn_at(j).label == "Q"


def test_hard_wrapped_abbreviation_is_not_a_label():
    text = "THE PRESIDENT:  I met the mayor of Washington,\nD.C.: a fine city.\n"
    ps = prepare_source(Source("x", "ok", text))
    assert [t.label for t in ps.turns] == ["THE PRESIDENT"]


def test_label_matching():
    assert label_matches("SECRETARY BLINKEN", "Antony Blinken", None, None) is True
    assert label_matches("SECRETARY ANTONY BLINKEN", "Antony Blinken", None, None) is True
    assert label_matches("MR. BLINKEN", "Antony Blinken", None, None) is True
    assert label_matches("MS. JEAN-PIERRE", "Karine Jean-Pierre", None, None) is True
    assert label_matches("MR. KIRBY", "Karine Jean-Pierre", None, None) is False
    assert label_matches("Q", "Karine Jean-Pierre", None, None) is False
    assert label_matches("MODERATOR", "Karine Jean-Pierre", None, None) is None
    title = "Remarks by President Biden Before Marine One Departure"
    assert label_matches("THE PRESIDENT", "Joe Biden", None, title) is True
    assert label_matches("THE PRESIDENT", "Kamala Harris", None, title) is False
    assert label_matches("THE PRESIDENT", "Joe Biden", "US President", None) is True
    assert label_matches("THE PRESIDENT", "Joe Biden", None, None) is None
    vp = "Remarks by Vice President Harris at a Campaign Event"
    assert label_matches("THE VICE PRESIDENT", "Kamala Harris", None, vp) is True
    assert label_matches("THE PRESIDENT", "Kamala Harris", None, vp) is None
