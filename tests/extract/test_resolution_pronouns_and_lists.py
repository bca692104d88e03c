"""Speaker resolution: a pronoun to the salient earlier person (subject first,
never a name inside a quotation, gender agreement), participle and "as" clauses,
list items under a colon lead-in or header, everyday role nouns; one test per
behaviour."""

from __future__ import annotations

from quoteverify.extract._lexicon import CUE

from .conftest import name, q


def test_pronoun_prefers_subject_of_previous_sentence_over_later_mention() -> None:
    text = (
        "Homeland Security Secretary Alejandro Mayorkas warned on Wednesday that money is "
        "short, as President Joe Biden flew to the Carolinas.\n\n"
        "Speaking to reporters on the plane, Mayorkas tied the storm to a broader pattern. "
        "“The severity of extreme weather events has only increased,” he said."
    )
    assert name(q(text)[0]) == "Alejandro Mayorkas"


def test_pronoun_skips_name_inside_quotation() -> None:
    text = (
        "White House press secretary Jen Psaki held the briefing.\n\n"
        "Psaki also pointed to progress on roads. “Since President Biden signed the law, "
        "we have hit the ground running,” she said."
    )
    assert name(q(text)[0]) == "Jen Psaki"


def test_pronoun_gender_agreement_from_honorific() -> None:
    text = (
        "Ms. Jane Roe met Mr. John Doe on Monday to discuss the budget.\n\n"
        "“We will not cut the schools budget,” she said."
    )
    assert name(q(text)[0]) == "Jane Roe"


def test_pronoun_gender_from_pronoun_history() -> None:
    text = (
        "Jane Roe and John Doe spoke at the rally.\n\n"
        "“We will win,” Jane Roe said. Then John Doe spoke.\n\n"
        "“The vote is close and we need every volunteer,” she added."
    )
    quotes = q(text)
    assert name(quotes[1]) == "Jane Roe"


def test_bare_title_never_yields_empty_name() -> None:
    text = (
        "The President spoke on Monday.\n\n"
        "“As the President has said, we are in this for the long haul,” she said."
    )
    quotes = q(text)
    assert quotes
    for x in quotes:
        assert x.speaker is None or x.speaker.name.strip()


def test_participle_cue_takes_main_clause_subject() -> None:
    text = (
        "White House press secretary Karine Jean-Pierre said the timing of the trip had "
        "been set with local officials, insisting “we actually did it a way that we know "
        "we were not taking away resources.”"
    )
    x = q(text)[0]
    assert name(x) == "Karine Jean-Pierre"
    assert x.cue == "insisting"


def test_participle_cue_further_back_in_sentence() -> None:
    text = (
        "Karine Jean-Pierre took questions.\n\n"
        "On North Korea, she struck a cautious tone, saying the administration was wary "
        "and that “we’re always going to have concerns, and we’re going to watch closely.”"
    )
    assert name(q(text)[0]) == "Karine Jean-Pierre"


def test_intro_phrase_appositive_is_not_subject() -> None:
    text = (
        "White House press secretary Jen Psaki took questions.\n\n"
        "Asked about a summit with Ukraine’s president, Volodymyr Zelenskyy, Psaki was "
        "cool. “The President will not be rushed into a summit,” she said."
    )
    assert name(q(text)[0]) == "Jen Psaki"


def test_abbreviation_dot_does_not_end_cue_sentence() -> None:
    text = (
        "First Lady Melania Trump visited the Inn.\n\n"
        "“Love reveals itself in many forms,” said Mrs. Trump."
    )
    assert name(q(text)[0]) == "Melania Trump"


def test_as_clause_attribution() -> None:
    text = (
        "As President Trump said, the legislation is “delivering another defeat for the "
        "drug smugglers and the cartels.”"
    )
    assert name(q(text)[0]) == "Trump"


def test_list_items_inherit_colon_lead_in_speaker() -> None:
    text = (
        "Transportation Secretary Sean Duffy took to Capitol Hill today to expose the "
        "fallout:\n\n"
        "-   **Controllers’ anger boils over:** “They’re angry and they are frustrated "
        "with the Congress.”\n"
        "-   **Workers abandoned without paychecks:** “Next Tuesday is the first paycheck "
        "they will not receive.”\n"
    )
    quotes = q(text, "markdown")
    assert [name(x) for x in quotes] == ["Sean Duffy", "Sean Duffy"]


def test_list_items_inherit_header_speaker() -> None:
    text = (
        "**Special Envoy Steve Witkoff on State of the Union**\n\n"
        "-   [On negotiations](https://x.com/a/1): “Deals only work when they’re good for "
        "all the parties.”\n"
        "-   [On minerals](https://x.com/a/2): “I expect to see a deal signed this week.”\n"
    )
    quotes = q(text, "markdown")
    assert [name(x) for x in quotes] == ["Steve Witkoff", "Steve Witkoff"]


def test_html_tags_in_markdown_lead_in_are_blanked() -> None:
    text = (
        "**<u>In their</u>** letter, **<u>airline CEOs wrote:</u>**\n\n"
        "-   “TSA officers just received $0 paychecks. That is simply unacceptable.”\n"
    )
    x = q(text, "markdown")[0]
    assert x.speaker is not None and "CEOs" in x.speaker.name
    assert x.speaker.type == "group"


def test_colon_lead_in_that_quotes_a_phrase() -> None:
    text = (
        "-   **In Iowa, fifth-generation farmer Dennis Friest** says it “feels like a "
        "weight has been lifted” now that the bill protects his farm: “One of my goals "
        "was to pass this farm onto the next generation.”"
    )
    quotes = q(text, "markdown")
    assert name(quotes[-1]) == "Dennis Friest"


def test_everyday_role_nouns() -> None:
    text = (
        "In California, a waitress says the tax change will help her: “Over the previous "
        "years, I’ve owed quite a bit.”"
    )
    x = q(text)[0]
    assert x.speaker is not None and x.speaker.mention == "a waitress"


def test_cue_trie_matches_the_same_words() -> None:
    for w in (
        "said",
        "says",
        "say",
        "told",
        "tells",
        "cried",
        "pointed out",
        "went on",
        "was quoted as saying",
    ):
        assert CUE.fullmatch(w), w
    for w in ("sa", "saying", "crie", "pointed"):
        assert not CUE.fullmatch(w), w
