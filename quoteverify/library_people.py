"""Who speaks in a library document, and when: what the library stores per
document at ``library add`` time so that lookup can filter in SQL.

A library candidate for a quote must be a document in which the attributed
person speaks (a transcript turn whose label maps to them, per the verdict
policy's speaker mapping) or that they authored (a statement, an op-ed: from
the title or a byline), dated near the article.

Two steps, so that lookup never reads every document:

1. ``speaker_keys`` (add time) and ``person_keys`` (lookup time) reduce labels,
   authors and names to folded name words ("SECRETARY BLINKEN" → "blinken").
   The library indexes the first and selects documents sharing a key with the
   second: a cheap, generous pre-filter.
2. ``speaks_in`` decides exactly, on the few pre-selected documents, with the
   project's label↔person matching (``align.label_matches``).  The
   mapping is a parameter (a ``LabelMapper``: ``match`` and the ``keys`` it
   needs from the index) so that a better one (an office-holder table
   resolving ``THE PRESIDENT:`` by date) can be plugged in without touching
   the library: ``Library(path, mapper=...)``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .align import label_matches, label_person_words
from .models import SpeakerType

__all__ = [
    "DocPeople",
    "LabelMapper",
    "OfficeMapper",
    "Person",
    "SurnameMapper",
    "authors",
    "default_mapper",
    "fold_words",
    "person_keys",
    "speaker_keys",
    "speaks_in",
]


@dataclass(frozen=True)
class DocPeople:
    """What the library keeps about a document's voices."""

    title: str | None
    day: str | None  # ISO date (YYYY-MM-DD) or None
    labels: tuple[str, ...] = ()  # transcript turn labels, as written (collapsed spaces)
    authors: tuple[str, ...] = ()  # who wrote it: "the Russian Foreign Ministry", "Joe Biden"


@dataclass(frozen=True)
class Person:
    """The attributed speaker of a quote, as the library needs it."""

    name: str
    title: str | None = None  # "US Secretary of State"
    type: SpeakerType = "person"


class LabelMapper(Protocol):
    """Which transcript labels are a person: the part a better mapping (an
    office-holder table resolving ``THE PRESIDENT:`` by date, user aliases)
    replaces.  ``keys`` widens the SQL pre-filter to what ``match`` may accept
    (e.g. "role:president" for a person who held the office)."""

    def match(self, label: str, person: Person, doc: DocPeople) -> bool | None:
        """True (theirs) / False (someone else) / None (cannot tell)."""
        ...

    def keys(self, person: Person) -> set[str]:
        """Index keys of the documents ``match`` might accept for ``person``."""
        ...


class SurnameMapper:
    """The verdict stage's own rule: surnames, titles of office from the
    document's title ("Remarks by President Biden" makes THE PRESIDENT Biden).

    A role label is resolved from the document alone, never from the
    article's title for the speaker: "Russian President Vladimir Putin" is a
    president, but a bare ``THE PRESIDENT:`` in a White House transcript is
    not him.  (The policy's office-holder table by date will resolve more.)
    """

    def match(self, label: str, person: Person, doc: DocPeople) -> bool | None:
        role = label.upper() in _ROLE_KEYS
        title = None if role else person.title
        return label_matches(label, person.name, title, doc.title, doc.labels)

    def keys(self, person: Person) -> set[str]:
        return person_keys(person)


class OfficeMapper(SurnameMapper):
    """The surname and title rule, then the policy's table of office holders by
    the document's date: a bare ``THE PRESIDENT:`` in remarks titled only by the
    occasion ("Remarks at the National Prayer Breakfast", 2025-02-06) is Trump,
    in a 2022 briefing Biden.  Without a date the label stays unmapped (None).
    """

    def match(self, label: str, person: Person, doc: DocPeople) -> bool | None:
        got = super().match(label, person, doc)
        if got is not None or person.type != "person":
            return got
        from .verdict import ROLE_OFFICES, holder, office_holders, same_person

        office = ROLE_OFFICES.get(" ".join(label.split()).upper().rstrip(":"))
        who = holder(office, doc.day, office_holders()) if office else None
        return None if who is None else same_person(who, person.name)

    def keys(self, person: Person) -> set[str]:
        keys = person_keys(person)
        if person.type != "person":
            return keys
        from .verdict import office_holders, same_person

        # Documents with a role label of an office this person held may be theirs;
        # ``match`` then checks the date.
        roles = set(_ROLE_KEYS.values())
        for term in office_holders():
            key = f"role:{term.office}"
            if key in roles and same_person(term.name, person.name):
                keys.add(key)
        return keys


default_mapper = OfficeMapper()


def speaks_in(doc: DocPeople, person: Person, mapper: LabelMapper = default_mapper) -> bool:
    """Could ``doc`` hold ``person``'s words: one of its turns is theirs, or they wrote it?

    A group or unknown speaker ("officials", "experts") has no turn of their
    own: any document without turns may hold their words, as in the verdict
    stage.  A label that cannot be mapped (None) does not count: the library
    offers evidence, and evidence must be the person's.
    """
    if person.type in ("group", "unknown"):
        return not doc.labels
    if any(mapper.match(label, person, doc) is True for label in doc.labels):
        return True
    return any(_same_author(author, person) for author in doc.authors)


def _same_author(author: str, person: Person) -> bool:
    mine = fold_words(person.name)
    theirs = fold_words(author)
    if not mine or not theirs:
        return False
    if person.type == "person":
        # "President Joe Biden" wrote it; the article's "Biden" or "Joseph R. Biden".
        return mine[-1] == theirs[-1]
    # An organisation is its whole name: "Foreign Ministry" is not "Defense Ministry".
    core = [w for w in mine if w not in _FILLER]
    return bool(core) and _contains([w for w in theirs if w not in _FILLER], core)


_FILLER = frozenset({"the", "of", "and", "s"})


def _contains(seq: Sequence[str], sub: Sequence[str]) -> bool:
    n = len(sub)
    return any(list(seq[i : i + n]) == list(sub) for i in range(len(seq) - n + 1))


# --- keys ------------------------------------------------------------------


def fold_words(text: str) -> list[str]:
    """Case-folded letter runs without diacritics; hyphenated names stay one
    word ("jean-pierre"), as in transcript labels."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", folded)


# Role labels: who they are comes from the document's title or date, so the
# role itself is a key, matched by a speaker whose title names the role.
_ROLE_KEYS = {
    "THE PRESIDENT": "role:president",
    "THE VICE PRESIDENT": "role:vice president",
    "THE FIRST LADY": "role:first lady",
    "THE SECOND GENTLEMAN": "role:second gentleman",
}


def speaker_keys(doc: DocPeople) -> set[str]:
    """Index keys of everyone who may speak in ``doc`` (a superset: the pre-filter)."""
    keys: set[str] = set()
    for label in doc.labels:
        keys.update(_label_keys(label))
    for author in doc.authors:
        keys.update(w for w in fold_words(author) if w not in _FILLER)
    if any(k.startswith("role:") for k in keys) and doc.title:
        # "Remarks by President Biden and Prime Minister Kishida": the title
        # names who holds the role; its capitalised words are keys too.
        keys.update(w.casefold() for w in _title_names(doc.title))
    return keys


@functools.lru_cache(maxsize=4096)
def _label_keys(label: str) -> tuple[str, ...]:
    """``speaker_keys`` of one turn label, folded once: a library's labels
    recur in document after document ("MS. PSAKI", "Q")."""
    role = _ROLE_KEYS.get(label.upper())
    if role:
        return (role,)
    return tuple(fold_words(" ".join(label_person_words(label.upper()))))


def person_keys(person: Person) -> set[str]:
    """Keys a document must share with the index to be worth ``speaks_in``."""
    words = fold_words(person.name)
    if person.type == "person":
        keys = {w for w in words if len(w) > 1}  # every word: "Yoon Suk Yeol" is "PRESIDENT YOON"
    else:
        keys = {w for w in words if w not in _FILLER}
    # No "role:…" keys: a bare role label is not resolved from the article's
    # title for the speaker (see ``default_mapper``).  The index keeps them for
    # a mapper that resolves roles by date.
    return keys


def _title_names(title: str) -> list[str]:
    return [
        w
        for w in re.findall(r"\b[A-Z][\w'’-]+", title)
        if w.upper() not in _STOP_TITLE and len(w) > 1
    ]


_STOP_TITLE = frozenset(
    {
        "REMARKS", "STATEMENT", "PRESIDENT", "VICE", "THE", "BY", "AND", "AT", "ON", "IN",
        "OF", "TO", "FOR", "WITH", "PRESS", "BRIEFING", "PRIME", "MINISTER", "SECRETARY",
        "FIRST", "LADY", "BEFORE", "AFTER", "DURING", "MEETING", "BILATERAL", "JOINT",
    }
)  # fmt: skip


# --- authors -----------------------------------------------------------------

# "Statement from President Joe Biden on …", "Statement by the Russian Foreign
# Ministry", "Op-Ed by Secretary Blinken: …", "Letter from Jill Biden to …".
# Only the leading kinds of written, first-person documents: "Remarks by X"
# are transcripts, whose speakers are their turns (or, unlabelled, the author).
_AUTHORED = re.compile(
    r"^\s*(?:joint\s+)?(?:statements?|op-?eds?|letters?|messages?|readouts?|"
    r"press\s+releases?|remarks(?:\s+as\s+prepared(?:\s+for\s+delivery)?)?|"
    r"proclamations?|memorand(?:um|a)|testimony|address|speech)\s+(?:by|from|of)\s+"
    r"(?P<who>.+?)(?=\s+(?:on|at|to|regarding|about|in|for|before|after|following|"
    r"announcing|marking|celebrating|honoring|during|with|upon|ahead|as|via|while)\s|[:;,–—(]|\s+-\s|$)",
    re.I,
)
_BYLINE = re.compile(
    r"^\s*(?:\*{1,2}|_)?By\s+(?P<who>[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,4})", re.M
)
_HONORIFICS = re.compile(
    r"^(?:the\s+)?(?:(?:U\.?S\.?|US)\s+)?(?:president|vice\s+president|first\s+lady|"
    r"second\s+gentleman|secretary(?:\s+of\s+\w+)?|press\s+secretary|ambassador|"
    r"senator|governor|mayor|prime\s+minister|minister|dr\.?|mr\.?|ms\.?|mrs\.?)\s+",
    re.I,
)


def authors(title: str | None, text: str, labels: Iterable[str] = ()) -> tuple[str, ...]:
    """Who wrote (or, in an unlabelled speech, delivered) the document.

    From a title of the form "Statement/Remarks/Op-ed by|from X …" (split on
    "and" for joint statements), else a byline ("By Jane Doe") in the opening
    lines.  A labelled transcript ("Remarks by President Biden" with
    ``THE PRESIDENT:`` turns) is attributed by its turns instead: the title's
    names are used by the label mapper, and a reporter's turn is not his.
    """
    if any(True for _ in labels):
        return ()
    out: list[str] = []
    m = _AUTHORED.match(title or "")
    if m:
        who = m.group("who").strip()
        for part in re.split(r"\s+and\s+|\s*&\s*|,\s*", who):
            part = part.strip()
            while True:
                stripped = _HONORIFICS.sub("", part, count=1)
                if stripped == part:
                    break
                part = stripped
            if part:
                out.append(part)
    if not out:
        b = _BYLINE.search(text[:600])
        if b:
            out.append(b.group("who"))
    return tuple(dict.fromkeys(out))
