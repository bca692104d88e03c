"""Counts and possessives in report sentences: "1 source", "2 sources",
"Blinken's", "experts'", "Jones's"?  Small rules, one place."""

from __future__ import annotations

# Nouns whose plural is not "+s".
_IRREGULAR = {"quotation": "quotations", "analysis": "analyses", "match": "matches"}


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 source", "0 sources", "2 matches"."""
    if n == 1:
        return f"{n} {word}"
    return f"{n} {many or _IRREGULAR.get(word) or word + 's'}"


def possessive(name: str) -> str:
    """ "Blinken's", "the ministry's"; a plural in -s takes the apostrophe alone
    ("experts'", "officials'"), as does a name already ending in an apostrophe."""
    name = name.rstrip()
    if not name or name.endswith(("'", "’")):
        return name
    last = name.split()[-1]
    # A common noun in the plural ("experts", "officials") is lower case; a
    # proper name ending in s ("Jones", "Paris") keeps "'s" (Chicago style).
    if last.endswith("s") and last.islower():
        return f"{name}'"
    return f"{name}'s"
