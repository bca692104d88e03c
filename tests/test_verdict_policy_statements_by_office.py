"""docs/VERDICT-POLICY.md, "Who is speaking in a source": a source is mapped to people from
its own title and opening, and from its date with a table of office holders.  A statement
titled by the office alone ("Statement from the President on Passover") is its holder's on
that date; words found in it are the holder's, and nobody else's (``_whose._speaks_in``,
``_speakers.titled_office``).

Excerpts of real White House statements (public domain).
"""

from __future__ import annotations

import pytest

from quoteverify.models import Speaker

from .conftest import judge_text, transcript

# Statement from the President on Passover, 2021-03-26.
PASSOVER = transcript(
    "Jill and I send our best wishes to everyone celebrating Passover in the\n"
    "United States, the State of Israel, and around the world.\n\n"
    "It’s a story of recognition that our own rights are bound up with the\n"
    "rights of our neighbors, and that none of us is free until all of us are\n"
    "free.\n",
    title="Statement from the President on Passover",
    date="2021-03-26",
)
# Statement by the Press Secretary on Steve Dettelbach's Confirmation Hearing, 2022-05-25
# (Karine Jean-Pierre had been press secretary since 2022-05-13).
DETTELBACH = transcript(
    "Steve Dettelbach demonstrated today exactly why he has\n"
    "received strong bipartisan support from leading law enforcement groups,\n"
    "mayors, and top former federal prosecutors – and why the Senate should\n"
    "move quickly to confirm him to lead the Bureau of Alcohol, Tobacco,\n"
    "Firearms, and Explosives.\n",
    title="Statement by the Press Secretary on Steve Dettelbach’s Confirmation Hearing",
    date="2022-05-25",
)
PASSOVER_QUOTE = "none of us is free until all of us are free"
DETTELBACH_QUOTE = "why the Senate should move quickly to confirm him"


@pytest.mark.parametrize(
    ("quote", "speaker", "source"),
    [
        (PASSOVER_QUOTE, Speaker("Joe Biden", "Biden", 0, 5), PASSOVER),
        (PASSOVER_QUOTE, Speaker("President Biden", "President Biden", 0, 5), PASSOVER),
        (DETTELBACH_QUOTE, Speaker("Karine Jean-Pierre", "Jean-Pierre", 0, 5), DETTELBACH),
    ],
)
def test_verbatim_in_a_statement_of_the_office_its_holder_held(quote, speaker, source) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "verbatim", r.notes


@pytest.mark.parametrize(
    ("quote", "speaker", "source"),
    [
        (PASSOVER_QUOTE, Speaker("Kamala Harris", "Harris", 0, 5), PASSOVER),
        # Psaki had left the office twelve days before.
        (DETTELBACH_QUOTE, Speaker("Jen Psaki", "Psaki", 0, 5), DETTELBACH),
    ],
)
def test_unverifiable_in_a_statement_of_an_office_they_did_not_hold(quote, speaker, source) -> None:
    r = judge_text(quote, speaker, source)
    assert r.verdict == "unverifiable", r.notes
