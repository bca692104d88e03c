"""docs/VERDICT-POLICY.md, "Who is speaking in a source": "When no label of any
source maps to the attributed person … otherwise the quote is unverifiable
('no words of X in the sources given')."

A statement has no turns: only its title and opening say whose words it
holds.  Words found there word for word are not the words of someone the
statement does not name.  Real White House statements (public domain), two
statements.
"""

from __future__ import annotations

import pytest

from quoteverify.models import Speaker

from .conftest import judge_text, note_codes, transcript

HARRIS = Speaker("Kamala Harris", "Harris", 0, 5)
BIDEN = Speaker("Joe Biden", "Biden", 0, 5)

# Statement of President Joe Biden and First Lady Jill Biden on the death of Queen
# Elizabeth II, 2022-09-08.
QUEEN = transcript(
    "Queen Elizabeth II was a stateswoman of unmatched dignity and constancy\n"
    "who deepened the bedrock Alliance between the United Kingdom and the\n"
    "United States. She helped make our relationship special.\n",
    title="Statement of President Joe Biden and First Lady Jill Biden on the Death of "
    "Queen Elizabeth II",
    date="2022-09-08",
)
# Statement from Vice President Harris on the passing of Reverend Cecil Williams, 2024-04-23.
WILLIAMS = transcript(
    "Reverend Cecil Williams was a beacon of light and love.\n\n"
    "In all he did, Reverend Williams was guided by his faith. He fought for\n"
    "the rights and dignity of all people.\n",
    title="Statement from Vice President Harris on the Passing of Reverend Cecil Williams",
    date="2024-04-23",
)


@pytest.mark.parametrize(
    ("quote", "speaker", "source"),
    [
        ("a stateswoman of unmatched dignity and constancy", HARRIS, QUEEN),
        ("Reverend Cecil Williams was a beacon of light and love.", BIDEN, WILLIAMS),
    ],
)
def test_unverifiable_a_statement_that_names_someone_else(quote, speaker, source) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "unverifiable", r.notes
    assert "no-source" in note_codes(r), r.notes


@pytest.mark.parametrize(
    ("quote", "speaker", "source"),
    [
        ("a stateswoman of unmatched dignity and constancy", BIDEN, QUEEN),
        ("Reverend Cecil Williams was a beacon of light and love.", HARRIS, WILLIAMS),
    ],
)
def test_verbatim_the_statements_own_author(quote, speaker, source) -> None:
    assert judge_text(quote, speaker, source).verdict == "verbatim"
