"""label-over-headline: an "Outlet (Place): Headline" line whose headline quotes a
few words still gives the outlet as the speaker of the paragraph quoting the story
under it (``_quoting_headline``).

Lines from the White House round-ups of 2025-07-31 and 2025-08-21."""

from __future__ import annotations

from .conftest import counted, name, q


def test_outlet_over_a_headline_with_quoted_words_speaks() -> None:
    for text, who in (
        (
            "Title\n\nAxios Phoenix (Phoenix, AZ): Arizonans Will See Tax Cuts From “Big,"
            " Beautiful Bill”\n\n“Arizonans’ average tax cut will be $3,521 in 2026, a bit"
            " under the national average of $3,752, per an analysis from the Tax Foundation,"
            " a nonpartisan research group that mostly supports lower taxes.”\n",
            "Axios Phoenix",
        ),
        (
            "Title\n\nThe Charlotte Observer (Charlotte, NC): How the “Big Beautiful Bill”"
            " boosts QSBS benefits for startup employees and founders\n\n“The new GOP budget"
            " legislation includes a massive win for startup employees and founders:"
            " dramatically expanded Qualified Small Business Stock (QSBS) benefits.”\n",
            "Charlotte Observer",
        ),
    ):
        quotes = counted(text)
        assert [name(x) for x in quotes] == [who], quotes
        assert quotes[0].attribution_rule == "label-over-headline"
        assert [x.kind for x in q(text)][0] == "heading"
