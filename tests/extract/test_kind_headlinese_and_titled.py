"""headlinese: a quotation written as a news headline (no article, no "I"/"we"/
"you", no sentence punctuation at its end) under a label or before its outlet and
date is another outlet's headline; titled: the words after "titled"/"entitled"
are a title at any length (issue 11, class 6: titles and headlines counted as
quotations).

Texts from White House releases (the White House corpus) and Wikinews."""

from __future__ import annotations

from .conftest import name, q


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(x.kind, x.attribution_rule or "") for x in q(text)]


def test_outlet_label_over_a_headline_in_marks() -> None:
    for text in (
        # 2025-02-28.
        "Obama gave non-lethal aid only, including blankets. EURACTIV: “Poroshenko asks"
        " Obama for weapons, obtains blankets”\n",
        # 2025-06-30.
        "That’s real money.” Fox Business: “Summer gas prices hit lowest level in 4 years"
        " despite Middle East tensions”\n",
    ):
        assert _kinds(text)[-1] == ("heading", "headlinese")


def test_a_run_of_dated_headlines_on_one_line() -> None:
    # NPR/PBS releases of 2025-05-02 and 2025-04-14, as converted (one line).
    text = (
        "NPR repeatedly dismissed the theory. May 2021: “Many Scientists Still Think The"
        " Coronavirus Came From Nature” March 2023: “Virologist says COVID origin report"
        " could make it harder to study dangerous diseases” September 2024: “New research"
        " points to raccoon dogs in Wuhan market as pandemic trigger. It’s controversial”"
        " A 2024 Media Research Center study found more.\n"
    )
    assert [k for k, _ in _kinds(text)][1:] == ["heading", "heading"]


def test_headline_before_its_outlet_and_date() -> None:
    # Wikinews, "Sensitive Canadian government documents found on street" (sources).
    text = (
        'Sources\n\nPeter Zimonjic. "MP calls for probe into misplaced documents" —'
        " Edmonton Sun, August 16, 2008\n"
    )
    assert _kinds(text) == [("heading", "headlinese")]


def test_a_speakers_words_under_a_label_stay_quotations() -> None:
    # "Top Democrat …" round-up (2025-10-22): articles and pronouns.
    text = (
        "Sen. Chuck Schumer: “Every day gets better for us” Sen. Martin Heinrich: “That"
        " just gives the President more leverage” if we vote to pay troops.\n"
    )
    got = [(x.kind, name(x)) for x in q(text)]
    assert got == [("quote", "Chuck Schumer"), ("quote", "Martin Heinrich")]


def test_headline_in_marks_over_its_story_gives_the_story_its_outlet() -> None:
    # "The Voice of Radical America" (2025-03-15).
    text = (
        "Title\n\nDaily Caller: “Multiple Voice Of America Reporters Have Posted Anti-Trump"
        " Content On Social Media”\n\n“Multiple Voice of America (VOA) reporters have"
        " repeatedly posted anti-Trump comments on their professional Twitter accounts.”\n"
    )
    head, story = q(text)
    assert head.kind in ("heading", "scare")  # Title Case: ``headline-caps``
    assert (story.kind, name(story)) == ("quote", "Daily Caller")


def test_titled_is_a_title_at_any_length() -> None:
    for text in (
        # 2025-05-02 and 2025-04-14.
        "In 2022, NPR ran a feature titled “What ‘Queer Ducks’ can teach teenagers about"
        " sexuality in the animal kingdom.”\n",
        # First Lady, 2025-06-04.
        "… a Federal Trade Commission (FTC) workshop entitled, “The Attention Economy:"
        " How Big Tech Firms Exploit Children and Hurt Families.”\n",
        # Fact sheet of 2021-04-27 (extraction-realworld).
        "Today, independent analysts, the Americans for a Clean Energy Grid, issued a"
        " report entitled: “Transmission Projects"
        " Ready to Go: Plugging into America’s Untapped Renewable Resources.”\n",
    ):
        assert _kinds(text) == [("scare", "titled")]


def test_a_post_under_a_label_is_no_headline() -> None:
    # "In Munich, Secretary Rubio calls on allies …" (2026-02-14): a handle marks a post.
    text = (
        "New York Post columnist Miranda Devine: “Marco Rubio is brilliant.”\n\nNewsNation"
        " host Katie Pavlich: “Absolutely remarkable. Well done @SecRubio”\n"
    )
    assert [x.kind for x in q(text)] == ["quote", "quote"]
