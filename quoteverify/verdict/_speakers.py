"""Whose words a passage holds: the policy's rules on reporters' questions and
on words a speaker quotes (docs/VERDICT-POLICY.md, "misattributed").

``align`` says which turn a passage stands in and whether it is inside
quotation marks there; these rules decide what that means for the quote's
attributed speaker.
"""

from __future__ import annotations

from collections.abc import Iterable

# The label transcripts give every reporter's question.
QUESTION_LABEL = "Q"


def question_is_anonymous(label: str, speaker_is_labelled: bool) -> bool:
    """Is a ``Q`` turn open to a quote credited by name to a questioner?

    Real case: USA Today's Joey Garrison asked "Wouldn't it be a good idea to
    just send them to all American homes?" at a Psaki briefing; articles
    credit the question to him by name, but the transcript labels it ``Q``.
    NPR's Mara Liasson, Fox's Sean Hannity (an interview transcribed as ``Q``)
    are the same case.  A ``Q`` turn is anonymous: unless the credited person
    is a labelled speaker of the source (then a ``Q`` turn is someone else),
    the words are judged on their wording.

    >>> question_is_anonymous("Q", speaker_is_labelled=False)
    True
    >>> question_is_anonymous("Q", speaker_is_labelled=True)
    False
    >>> question_is_anonymous("MS. PSAKI", speaker_is_labelled=False)
    False
    """
    return label.strip().upper() == QUESTION_LABEL and not speaker_is_labelled


def speaker_is_labelled(matches: Iterable[bool | None]) -> bool:
    """Does some turn label of the source name the speaker (a ``True`` match)?

    >>> speaker_is_labelled([None, False, True])
    True
    >>> speaker_is_labelled([None, False])
    False
    """
    return any(m is True for m in matches)


def question_note() -> str:
    """The note a quote judged inside a ``Q`` turn carries.

    >>> question_note()
    'asked by an unnamed questioner (Q)'
    """
    return "asked by an unnamed questioner (Q)"


def quoted_within_note(label: str, own: bool) -> str:
    """The note for words that stand inside quotation marks in a turn.

    Real cases: Trump telling Hannity 'Elon called me. He said, "They're
    trying to drive us apart."' (the words are Trump's, quoting Musk), and
    Trump on tariffs, 'We're going to say, "Whatever you charge, we charge"'
    (his own planned words, in quotation marks).  When the quote is credited
    to the turn's speaker the words are theirs, with a note that they were
    quoting; when it is credited to someone else (the person being quoted)
    it is judged on the wording with "quoted by SPEAKER".

    >>> quoted_within_note("THE PRESIDENT", own=True)
    'THE PRESIDENT was quoting here (the words stand in quotation marks in that turn)'
    >>> quoted_within_note("SENATOR WARREN", own=False)
    'quoted by SENATOR WARREN'
    """
    if own:
        return f"{label} was quoting here (the words stand in quotation marks in that turn)"
    return f"quoted by {label}"
