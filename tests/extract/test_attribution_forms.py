"""Attribution rules by form: cue after, cue before, split quotations, carry-over,
colon lead-ins."""

from __future__ import annotations

import pytest

from .conftest import only, q

# --- attribution forms -------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, cue",
    [
        ("“We will win the war,” Smith said.", "Smith", "said"),
        ("“We will win the war,” said Smith.", "Smith", "said"),
        ("Smith said: “We will win the war.”", "Smith", "said"),
        ("Smith said that “we will win the war.”", "Smith", "said"),
        ("Smith said, “We will win the war.”", "Smith", "said"),
        ("According to Smith, “we will win the war.”", "Smith", "according to"),
        ("“We will win the war,” according to Jane Smith.", "Jane Smith", "according to"),
        ("“We will win the war.” — Jane Smith", "Jane Smith", "—"),
        ("**Jane Smith:** “We will win the war.”", "Jane Smith", ":"),
        ("Jane Smith: “We will win the war.”", "Jane Smith", ":"),
        ("Jane Smith, for her part, said: “We will win the war.”", "Jane Smith", "said"),
        (
            "Vince Cable, who replaced Tim Farron in July, said: “We will win the war.”",
            "Vince Cable",
            "said",
        ),
        (
            "“We will win the war,” said Abzal Saparbekuly, the country’s ambassador.",
            "Abzal Saparbekuly",
            "said",
        ),
        ("“We will win the war,” Smith told reporters.", "Smith", "told reporters"),
        ("“We will win the war,” Smith wrote on Twitter.", "Smith", "wrote"),
        ("“We will win the war,” Smith tweeted.", "Smith", "tweeted"),
        ("“We will win the war,” Smith insisted.", "Smith", "insisted"),
        ("Smith was quoted as saying: “We will win the war.”", "Smith", None),
        ("Smith hit back, saying: “We will win the war.”", "Smith", "saying"),
    ],
)
def test_attribution_forms(text: str, name: str, cue: str | None) -> None:
    x = only(text)
    assert x.kind == "quote"
    assert x.speaker is not None
    assert x.speaker.name == name
    if cue is not None:
        assert x.cue == cue


def test_split_quote_both_halves_attributed() -> None:
    text = "“We will win the war,” Smith said, “and we will win the peace.”"
    quotes = q(text)
    assert len(quotes) == 2
    assert all(x.speaker is not None and x.speaker.name == "Smith" for x in quotes)


def test_follow_on_quote_inherits_in_same_paragraph() -> None:
    text = "“We will win the war,” Smith said. “Nobody doubts it at all.”"
    quotes = q(text)
    assert quotes[1].speaker is not None and quotes[1].speaker.name == "Smith"
    assert quotes[1].cue is None


def test_next_paragraph_inherits() -> None:
    text = "“We will win the war,” Smith said.\n\n“Nobody doubts it at all.”"
    quotes = q(text)
    assert quotes[1].speaker is not None and quotes[1].speaker.name == "Smith"


def test_colon_lead_in_previous_paragraph() -> None:
    text = "On the economy, Jane Smith said:\n\n“Growth will return next year for sure.”"
    x = only(text)
    assert x.speaker is not None and x.speaker.name == "Jane Smith"
