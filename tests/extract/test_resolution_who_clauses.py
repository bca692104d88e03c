"""indirect-cue: a ", who" clause right before the cue speaks for the person it hangs
on, ahead of the main clause's subject (issue 11, class 4: the subject several words
back is not the speaker).

Sentences from White House releases (the White House corpus)."""

from __future__ import annotations

from .conftest import counted, name


def test_who_clause_antecedent_speaks_not_the_main_subject() -> None:
    for text, who in (
        (
            # "President Biden announces recipients of the Presidential Medal of
            # Freedom" (2022-07-01): "King" is also a role word.
            "Fred Gray was one of the first black members of the Alabama State legislature"
            " since Reconstruction. As an attorney, he represented Rosa Parks, the NAACP,"
            " and Martin Luther King, who called him “the chief counsel for the protest"
            " movement.”\n",
            "Martin Luther King",
        ),
        (
            # "America is back" (2025-02-20), again in "leading with peace" (2025-03-04).
            "President Trump hosted Japanese Prime Minister Shigeru Ishiba, who announced"
            " his intention to “elevate Japan’s investment in the United States to an"
            " unprecedented amount of $1 trillion,” import “historic” quantities of LNG from"
            " Alaska.\n",
            "Shigeru Ishiba",
        ),
    ):
        quotes = counted(text)
        assert quotes and all(name(x) == who for x in quotes), quotes
