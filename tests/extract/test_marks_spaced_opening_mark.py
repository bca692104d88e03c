"""An opening mark typed with the space on its wrong side (``," For``, ``…“ We``)
still opens a quotation when nothing of its family is open and a closer follows;
the German „…“ keeps its “ as a closer.

Texts from Wikinews (CC BY 2.5) and a White House round-up."""

from __future__ import annotations

from .conftest import q


def test_spaced_opener_opens() -> None:
    for text, first in (
        (
            # Wikinews, New Zealand flag referendum.
            "Professor Burrows also said resources and kits would be accessible for schools"
            ' and communities," For example, schools can run their own flag discussions and'
            " referendums to mirror the formal process as part of their own learning"
            ' exercise". People were encouraged to submit their designs online.\n',
            "For example, schools",
        ),
        (
            # Wikinews, Warhol exhibit.
            "Wilkins said,\" [Warhol] liked the way photo booths and the Polaroid's front"
            " flash looked\". She explained how Warhol's adoption of the Polaroid camera"
            " revealed his process.\n",
            "[Warhol] liked",
        ),
        (
            # "ICYMI: Pennsylvania leaders visit White House" (2022-09-30).
            "the administration had made a deliberate effort to obtain the perspective of"
            " leaders outside the state’s largest cities…“ We tried to get a good"
            " cross-section of the state and throughout the different regions,” she said.\n",
            "We tried to get",
        ),
    ):
        got = [x for x in q(text) if x.kind == "quote"]
        assert len(got) == 1 and got[0].text.startswith(first), got


def test_german_closer_before_a_sentence_stays_a_closer() -> None:
    # Team article 04 (extraction dev gold).
    text = (
        "In Germany, the farmers’ association issued a statement: „Wir stehen an der Seite"
        " unserer französischen Kollegen.“ Its president, Joachim Rukwied, added that „die"
        " Lage ernst ist“.\n"
    )
    assert [x.text for x in q(text)] == [
        "Wir stehen an der Seite unserer französischen Kollegen.",
        "die Lage ernst ist",
    ]
