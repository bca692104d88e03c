"""adjective-modifier (within quoted-modifier): a quoted term between the writer's
adjective and the noun it qualifies is the writer's term, also when longer than a
fragment (issue 11: White House "365 wins" of 2026-01-20 counted three
“diversity, equity, and inclusion” as unattributed quotations; "Promises made,
promises kept" of 2025-11-05, week-13 wins of 2025-04-18 and 2025-02-27 the same)."""

from __future__ import annotations

from .conftest import q


def _one(text: str, body: str) -> tuple[str, str | None, str | None]:
    (x,) = [x for x in q(text) if x.text == body]
    return x.kind, x.speaker.name if x.speaker else None, x.attribution_rule


DEI = "diversity, equity, and inclusion"


def test_determiner_adjective_term_noun() -> None:
    # 2025-11-05 and 2026-01-20 (no speaker at all before).
    text = (
        "15. Directed the Department of War to end its nonsensical “diversity, equity, and"
        " inclusion” measures that inhibited service members from meeting their mission.\n"
    )
    assert _one(text, DEI) == ("scare", None, "quoted-modifier")


def test_adjective_alone_after_a_verb() -> None:
    # 2026-01-20: "3. Eliminated discriminatory “…” offices".
    text = (
        "3. Eliminated discriminatory “diversity, equity, and inclusion” offices, employees,"
        " and practices across the federal government.\n"
    )
    assert _one(text, DEI) == ("scare", None, "quoted-modifier")


def test_the_subject_of_the_sentence_no_longer_speaks_it() -> None:
    # 2025-04-18: the term went to "Institutions" before.
    text = (
        "Institutions across the country continued to dissolve their divisive “diversity,"
        " equity, and inclusion” programming in response to President Trump’s executive"
        " order.\n"
    )
    assert _one(text, DEI)[0] == "scare"
    # 2025-02-27: it went to "the Trump Administration" (a cue after) before.
    text = (
        "Biden’s DOJ forced cities to lower standards in the name of discriminatory"
        " “diversity, equity, and inclusion” initiatives — and the Trump Administration"
        " just ended it.\n"
    )
    assert _one(text, DEI)[0] == "scare"


def test_no_adjective_no_change() -> None:
    # A longer quotation after a verb, with no adjective, stays a quotation.
    text = "The agency ended “diversity, equity, and inclusion” measures.\n"
    assert _one(text, DEI) == ("quote", None, "unattributed")


def test_a_prepositional_phrase_modifies_no_noun() -> None:
    # 2025-03-03 and 2025-03-04 (White House; the second in fresh gold): the words
    # after "fearful" are the migrants'.
    text = (
        "Migrants said they are “genuinely” fearful “for the first time in years” amid the"
        " Trump Administration’s crackdown.\n"
    )
    kind, speaker, _ = _one(text, "for the first time in years")
    assert (kind, speaker) == ("quote", "Migrants")


def test_longer_than_the_limit_is_not_a_modifier() -> None:
    text = (
        "Officials ended the nonsensical “we will keep every single program running for"
        " ever” policies.\n"
    )
    assert _one(text, "we will keep every single program running for ever")[0] != "scare"


def test_unclosed_mark_at_paragraph_end_quotes_no_word() -> None:
    # The token-soup property test's case: an opening mark with nothing after it
    # leaves the rule no first word to read (it raised IndexError).
    assert [x.text for x in q("Smith said ” “")] == [""]
