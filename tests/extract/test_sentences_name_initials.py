"""Sentence boundaries: two or more initials after a capitalised word are a name's
middle, not a sentence end ("Harvard T.H. Chan School", "J.D. Vance", "Make D.C. Safe
Again"); the label or subject before them stays one phrase (issue 11: speakers cut in
half by a false sentence break).

Sentences from White House releases (the White House corpus)."""

from __future__ import annotations

from quoteverify.extract._sentences import sentence_starts

from .conftest import counted, name


def test_initials_after_a_capitalised_word_do_not_end_the_sentence() -> None:
    s = "The plan passed. Vice President J.D. Vance said it was good."
    assert len(sentence_starts(s, 0, len(s))) == 2
    place = "He flew to Washington, D.C. The next day he left."
    assert len(sentence_starts(place, 0, len(place))) == 2


def test_label_with_initials_keeps_its_person() -> None:
    # "Fact: evidence suggests link between acetaminophen and autism" (2025-09-22).
    text = (
        "Scientists have proposed biological mechanisms. Andrea Baccarelli, M.D., Ph.D.,"
        " Dean of the Faculty, Harvard T.H. Chan School of Public Health: “Colleagues and I"
        " recently conducted a rigorous review.”\n"
    )
    (x,) = counted(text)
    assert name(x) == "Andrea Baccarelli"


def test_lead_in_with_initials_keeps_its_subject() -> None:
    # "President Trump honors Charlie Kirk …" (2025-09-12).
    text = (
        "President Trump touted the historic success of his Make D.C. Safe Again"
        " initiative: “Look at what we did in D.C. We took D.C. — there’s no crime.”\n"
    )
    (x,) = counted(text)
    assert name(x) == "Trump"  # the full name comes from the rest of an article
