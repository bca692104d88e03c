"""The seed article: exactly the 11 quotations of fixtures/seed/README, in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteverify.extract import extract_quotes
from quoteverify.models import Article, Quote

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed" / "article.txt"


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def quotes(seed_text: str) -> list[Quote]:
    return extract_quotes(Article(str(SEED), seed_text, "text"))


@pytest.fixture(scope="module")
def eleven(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind != "scare"]


# (starts with, speaker name, speaker type, kind, closed)
EXPECTED = [
    (
        "We view recent events in a friendly country",
        "Russian Foreign Ministry",
        "organization",
        "quote",
        True,
    ),
    ("terrorists", "Kassym-Jomart Tokayev", "person", "fragment", True),
    (
        "So we don’t know why they feel the need for outside help",
        "Antony Blinken",
        "person",
        "quote",
        False,
    ),
    (
        "I think a lesson from recent history is that once the Russians are in your house",
        "Antony Blinken",
        "person",
        "quote",
        True,
    ),
    (
        "If Antony Blinken loves history lessons so much",
        "Russian Foreign Ministry",
        "organization",
        "quote",
        False,
    ),
    ("Russia comes to help", None, None, "heading", True),
    (
        "Kazakhstan has been the object of armed aggression",
        "Abzal Saparbekuly",
        "person",
        "quote",
        True,
    ),
    (
        "Counter-terrorism operations are currently being carried out",
        "Abzal Saparbekuly",
        "person",
        "quote",
        False,
    ),
    ("Only terrorists are targeted.", "Abzal Saparbekuly", "person", "quote", True),
    ("global terrorism", "Vladimir Putin", "person", "fragment", True),
    ("The integration of Kazakhstan to world markets", "security experts", "group", "quote", False),
]


def test_exactly_eleven_in_order(eleven: list[Quote]) -> None:
    assert len(eleven) == len(EXPECTED)
    assert [q.text[: len(e[0])] for q, e in zip(eleven, EXPECTED, strict=True)] == [
        e[0] for e in EXPECTED
    ]


@pytest.mark.parametrize("i", range(len(EXPECTED)))
def test_each_quote(eleven: list[Quote], i: int) -> None:
    start, name, typ, kind, closed = EXPECTED[i]
    q = eleven[i]
    assert q.text.startswith(start)
    assert q.kind == kind
    assert q.closed is closed
    if name is None:
        assert q.speaker is None
    else:
        assert q.speaker is not None
        assert q.speaker.name == name
        assert q.speaker.type == typ


def test_invariants(quotes: list[Quote], seed_text: str) -> None:
    assert [q.id for q in quotes] == [f"q{i}" for i in range(1, len(quotes) + 1)]
    for q in quotes:
        assert seed_text[q.start : q.end] == q.text
        if q.speaker is not None:
            sp = q.speaker
            assert seed_text[sp.start : sp.end] == sp.mention
    starts = [q.start for q in quotes]
    assert starts == sorted(starts)


def test_headline_is_the_only_scare(quotes: list[Quote]) -> None:
    scares = [q for q in quotes if q.kind == "scare"]
    assert [q.text for q in scares] == ["Russian NATO"]
    assert quotes[0].kind == "scare" and quotes[0].speaker is None


def test_quote3_ends_before_writers_sentence(eleven: list[Quote]) -> None:
    q = eleven[2]
    assert q.text.endswith("find out more about it.")
    assert "Of the Russians" not in q.text
    assert q.notes and "never closed" in q.notes[0]
    assert "Of the Russians leading" in q.notes[0]


def test_unclosed_have_notes(eleven: list[Quote]) -> None:
    for i in (2, 4, 7, 10):
        assert not eleven[i].closed
        assert any("never closed" in n for n in eleven[i].notes)
    for i in (0, 1, 3, 5, 6, 8, 9):
        assert eleven[i].closed
        assert not any("never closed" in n for n in eleven[i].notes)


def test_quote5_ends_before_the_writers_next_sentence(eleven: list[Quote], seed_text: str) -> None:
    # Issue 11, class 7: the unclosed quotation stops before "The left-leaning
    # French newspaper Le Monde also weighed in …", the writer's sentence.
    q = eleven[4]
    assert q.text.endswith("without being robbed or raped.")
    assert seed_text[q.end :].startswith(" The left-leaning French newspaper Le Monde")
    assert "before the writer's sentence" in q.notes[-1]


def test_quote4_colon_lead_in(eleven: list[Quote]) -> None:
    q = eleven[3]
    assert q.cue in (":", "said")
    assert q.speaker is not None and q.speaker.mention == "Blinken"


def test_quote3_speaker_title(eleven: list[Quote]) -> None:
    sp = eleven[2].speaker
    assert sp is not None
    assert sp.title == "US Secretary of State"
    assert sp.mention.endswith("Antony Blinken")


def test_tokayev_resolved_from_surname(eleven: list[Quote]) -> None:
    sp = eleven[1].speaker
    assert sp is not None
    assert sp.name == "Kassym-Jomart Tokayev"
    assert "Tokayev" in sp.mention
    assert eleven[1].cue == "said"


def test_quote7_ambassador(eleven: list[Quote]) -> None:
    q = eleven[6]
    assert q.cue == "told reporters"
    assert q.speaker is not None and q.speaker.mention == "Abzal Saparbekuly"
    assert q.speaker.title is not None and "ambassador" in q.speaker.title


def test_quote8_inherits_without_cue(eleven: list[Quote]) -> None:
    q = eleven[7]
    assert q.cue is None
    assert q.speaker is not None and q.speaker.name == "Abzal Saparbekuly"


def test_quote9_added(eleven: list[Quote]) -> None:
    q = eleven[8]
    assert q.cue == "added"
    assert q.speaker is not None and q.speaker.mention == "Saparbekuly"


def test_quote11_group(eleven: list[Quote]) -> None:
    q = eleven[10]
    assert q.cue == "say"
    assert q.speaker is not None and q.speaker.mention == "security experts"


def test_quote1_org_said(eleven: list[Quote]) -> None:
    q = eleven[0]
    assert q.cue is not None and q.cue.startswith("said")
    assert q.speaker is not None and q.speaker.mention == "the Russian Foreign Ministry"
