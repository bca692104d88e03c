"""finding: a study named by its year, with where it appeared or who made it, speaks
its finding (issue 11, class 3: documents as speakers, reached through "found").

Sentences from White House releases (the White House corpus)."""

from __future__ import annotations

from .conftest import counted, name


def test_study_by_year_and_venue_speaks_its_finding() -> None:
    for text, doc in (
        (
            # "Unfair trade policies destroyed lives" (2025-04-09).
            "A 2019 study in SSM-Population Health found that from 1999 to 2015, “job loss"
            " due to international trade is positively associated with opioid overdose"
            " mortality at the county-level.”\n",
            "2019 study in SSM-Population Health",
        ),
        (
            # "The SAVE America Act is the most popular …" (2026-03-12).
            "A 2021 review by the National Bureau of Economic Research, analyzing a decade of"
            " data, determined voter ID laws “have no negative effect on registration or"
            " turnout, overall or for any group defined by race, gender, age, or party"
            " affiliation.”\n",
            "2021 review by the National Bureau of Economic Research",
        ),
        (
            "A 2007 analysis by the Heritage Foundation found that “voter identification"
            " requirements, such as requiring non-photo identification, had no effect.”\n",
            "2007 analysis by the Heritage Foundation",
        ),
    ):
        (x,) = counted(text)
        assert name(x) == doc
        assert x.attribution_rule == "finding"
