"""A sentence that runs on across a brief interjection (docs/VERDICT-POLICY.md,
"stitched", the one exception).

In a transcript another speaker may break into a sentence: "…you'll chip in
a little something, like — GOVERNOR STEIN: We will. THE PRESIDENT: — maybe 25
percent or whatever."  A quote that prints the sentence whole, without the
interjection, is one passage of the speaker: ``minor``, with a note naming the
interjection, never ``stitched``.
"""

from __future__ import annotations


def is_interjection(first: str, middle: str, last: str, middle_words: int, max_words: int) -> bool:
    """Is the turn ``middle`` a brief interjection inside one speaker's sentence?

    Real cases: Governor Stein's "We will." inside Trump's "like — … — maybe 25
    percent" (Asheville, 2025), Jean-Pierre's "I'm —" inside a reporter's
    question "what the President meant when he said — … — 'We just made [a
    deal].'" (a briefing, 2023): the turns around it have one label, the
    interjection is another's and short.

    >>> is_interjection("THE PRESIDENT", "GOVERNOR STEIN", "THE PRESIDENT", 2, 12)
    True
    >>> is_interjection("Q", "MS. JEAN-PIERRE", "Q", 1, 12)
    True
    >>> is_interjection("THE PRESIDENT", "Q", "THE PRESIDENT", 40, 12)
    False
    >>> is_interjection("THE PRESIDENT", "Q", "SECRETARY BLINKEN", 2, 12)
    False

    A turn of no words, only the transcriber's note of what the other person
    did, interrupts the sentence as well: "But we're — speaking of the —
    AUDIENCE MEMBER: (Inaudible.) THE PRESIDENT: — speaking of the courts"
    (Biden, Philadelphia, 2024-05-29); "I'm going to thank you in advance for
    your patience — MS. JEAN-PIERRE: (Laughs.) MR. KIRBY: — because I do you
    have a few things" (briefing of 2024-03-22); Scholz's "And hopefully, the
    — PRESIDENT BIDEN: (Holds up crossed fingers.) CHANCELLOR SCHOLZ: —
    Congress will" (2024-02-09).

    >>> is_interjection("MR. KIRBY", "MS. JEAN-PIERRE", "MR. KIRBY", 0, 12)
    True
    """
    return first == last and middle != first and 0 <= middle_words <= max_words


def asks_anew(speaker_ended: bool, asks: bool) -> bool:
    """Does the other person's turn put a new question to a speaker who had
    finished a sentence?  Then the turns around it are two answers, not one
    sentence run on across an interjection: parts joined across it are
    ``stitched``.

    ``speaker_ended``: the speaker's turn before it ends a sentence (not
    broken off with a dash); ``asks``: the turn ends with a question mark.
    Real cases: Psaki's "SEC is an independent agency. — Q Gotcha.  Was he
    aware that there was an investigation? — MS. PSAKI: Not that I'm aware
    of." (briefing of 2022-04-06) printed as one passage makes "Not that I'm
    aware of" say something else; Kirby's "I'm not aware that that specific
    phrase was discussed. — Q Well, do you condemn him using that phrase? —
    MR. KIRBY: Look, there's a — there's a connotation with that phrase"
    (briefing of 2024-01-19).  An audience's "Booo —" after a finished
    sentence asks nothing (Biden's care economy remarks, 2024-04-09), and a
    question into a sentence broken off with a dash is an interjection.

    >>> asks_anew(True, True), asks_anew(True, False), asks_anew(False, True)
    (True, False, False)
    """
    return speaker_ended and asks


def interjection_note(label: str, words: str) -> str:
    """The note naming what the quote leaves out.

    >>> interjection_note("GOVERNOR STEIN", "We will.")
    "leaves out a brief interjection by GOVERNOR STEIN ('We will.'): one passage of the speaker"
    """
    return f"leaves out a brief interjection by {label} ('{words}'): one passage of the speaker"
