"""subject-quoted-verb: quoted words that open with the verb of the sentence's
subject – a modal, or a verb of intent before its infinitive – are the subject's
own (issue 11, class 3: documents and organisations as speakers, left ``None``).

Sentences from Wikinews "UK asylum seekers given questionnaire …" (2023,
realworld), the White House release "60+ Organizations Sign White House Pledge …"
(2025-06-30, wh-fresh4) and "President Trump Is Protecting America’s Children …"
(2025-03-04, wh-heldout); the negative case from President Biden's remarks in
Charleston (2024-01-08, White House corpus)."""

from __future__ import annotations

from .conftest import counted, name, q


def test_a_document_that_must_be_completed() -> None:
    text = (
        "The document, which media reports range from ten to 32 pages with 40 to 50"
        ' questions, "must be completed in English", the government recommending'
        ' "online translation tools" if needed.\n'
    )
    x = counted(text)[0]
    assert name(x) == "document"
    assert x.attribution_rule == "subject-quoted-verb"


def test_organizations_that_pledge_to() -> None:
    text = (
        "The organizations “pledge to make available resources for youth and teachers"
        " through funding and grants, educational materials and curricula” over the next"
        " four years.\n"
    )
    (x,) = counted(text)
    assert name(x) == "organizations"


def test_a_pronoun_after_as() -> None:
    text = (
        "In Illinois, Chicago’s Lurie Children’s Hospital paused sex-change surgeries for"
        " patients under 19 as it “work[s] to understand the rapidly evolving"
        " environment.”\n"
    )
    (x,) = counted(text)
    # The main clause's subject, not an organisation named further back (the same
    # sentence in the round-ups of 2025-02-20 and 2025-03-10 went to "ABC News" and
    # to the "Department of the Treasury" of the bullet before).
    assert name(x) == "Chicago’s Lurie Children’s Hospital"
    assert x.attribution_rule == "subject-quoted-verb"
    text = "The Department of the Treasury sanctioned a network.\n\n" + text
    assert name(counted(text)[-1]) == "Chicago’s Lurie Children’s Hospital"


def test_a_past_verb_stays_the_writers() -> None:
    text = "Children’s National Hospital “paused” prescribing puberty blockers.\n"
    (x,) = q(text)  # found, so that the check below can fail
    assert x.attribution_rule != "subject-quoted-verb"


def test_the_speakers_own_we_quoting_another() -> None:
    text = (
        "You know what his response was, all those kids dead? We “have to get over it,”"
        " end of quote.\n"
    )
    (x,) = q(text)  # found, so that the check below can fail
    assert x.attribution_rule != "subject-quoted-verb"
