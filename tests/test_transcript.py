"""Turn parsing and speaker matching on a real White House briefing excerpt."""

from pathlib import Path

from quoteverify.align import prepare_source
from quoteverify.align._transcript import label_matches, quotation_spans
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
    # A moderator is someone else than a named speaker: their words
    # printed as the press secretary's are misattributed, as a reporter's are.
    assert label_matches("MODERATOR", "Karine Jean-Pierre", None, None) is False
    title = "Remarks by President Biden Before Marine One Departure"
    assert label_matches("THE PRESIDENT", "Joe Biden", None, title) is True
    assert label_matches("THE PRESIDENT", "Kamala Harris", None, title) is False
    assert label_matches("THE PRESIDENT", "Joe Biden", "US President", None) is True
    assert label_matches("THE PRESIDENT", "Joe Biden", None, None) is None
    vp = "Remarks by Vice President Harris at a Campaign Event"
    assert label_matches("THE VICE PRESIDENT", "Kamala Harris", None, vp) is True
    assert label_matches("THE PRESIDENT", "Kamala Harris", None, vp) is None


# --- quotation marks inside a turn ------------------------------------------------
# A stray closing mark used as an inch mark once flipped "inside quotation" for
# the rest of a 3,400-word speech (held-out set, Bidenomics speech line 18).
SPEECH = """---
title: "Remarks by President Biden on the Economy"
---

THE PRESIDENT:  Hello! I’ll be 6’4”. (Laughter.)

I once said, “Everybody take a seat,” and there were no seats. They
said, “Biden is so stupid, he didn’t know there were no seats.”

Folks, we have created more jobs than any president in history, and we
will keep going.

My dad used to say, “Joey, a job is about a lot more than a
paycheck.

“It’s about your dignity. It’s about respect.”

He told me, “We will get it done and nobody will stop us from building
the bridge we promised to every family in this town no matter what
they say or how long it takes or how many times we go back and ask for
the money to do it right and then the rest of this sentence is mine.

That’s Bidenomics, and it’s working for working families.

Q    Mr. President, a question?
"""


def _speech():
    return prepare_source(Source("speech", "ok", SPEECH))


def _quoted(ps, words: str) -> bool:
    keys = [w.lower().replace("’", "").replace("'", "") for w in words.split()]
    for a in range(ps.n_tokens - len(keys) + 1):
        if all(ps.key(a + k) == key for k, key in enumerate(keys)):
            return ps.quoted_by_speaker(a, a + len(keys))
    raise AssertionError(f"not in the speech: {words}")


def test_inch_mark_does_not_open_a_quotation():
    ps = _speech()
    assert not _quoted(ps, "we have created more jobs than any president in history")
    assert not _quoted(ps, "That’s Bidenomics and it’s working for working families")


def test_curly_marks_pair_by_direction():
    ps = _speech()
    assert _quoted(ps, "Biden is so stupid he didn’t know there were no seats")
    assert _quoted(ps, "Everybody take a seat")
    assert not _quoted(ps, "and there were no seats They")


def test_multi_paragraph_quotation_reopened_at_each_paragraph():
    # News/transcript convention: no closing mark at the end of a paragraph
    # when the next paragraph re-opens the quotation.
    ps = _speech()
    assert _quoted(ps, "a job is about a lot more than a paycheck")
    assert _quoted(ps, "It’s about your dignity")


def test_unclosed_quotation_is_bounded():
    ps = _speech()
    assert _quoted(ps, "We will get it done and nobody will stop us")
    # Past _UNCLOSED_MAX_WORDS words with no closing mark and no re-opening.
    assert not _quoted(ps, "the rest of this sentence is mine")


def test_quotation_spans_straight_marks_and_inches():
    text = 'He said "no way" about the 12" screen, then "yes, 6\'4" tall" and left.'
    spans = quotation_spans(text, 0, len(text))
    got = [text[s:e] for s, e in spans]
    assert got == ["no way", "yes, 6'4\" tall"]


def test_quotation_spans_closing_glyph_used_as_opener():
    # "everybody goes, ”Well, maybe…”": a typo'd opener still opens.
    text = 'everybody goes, "Well, maybe" and then'
    glyphs = {text.index('"'): "\u201d", text.rindex('"'): "\u201d"}
    spans = quotation_spans(text, 0, len(text), glyphs.__getitem__)
    assert [text[s:e] for s, e in spans] == ["Well, maybe"]


def test_quotation_spans_line_paragraphs():
    # One paragraph per line (no blank lines): a newline ends a quotation.
    text = 'A: He said "we will\nB: never stop"'
    assert [text[s:e] for s, e in quotation_spans(text, 0, len(text), line_paragraphs=True)] == [
        "we will"
    ]
    assert [text[s:e] for s, e in quotation_spans(text, 0, len(text))] == ["we will\nB: never stop"]
