"""Rules added for the real-news classes of issue 11, each on sentences of real
articles (fixtures/extraction-realworld, Wikinews CC BY 2.5 and White House
releases)."""

from __future__ import annotations

from .conftest import counted, name, q


def test_quotation_over_sentence_lines_is_one_quotation() -> None:
    # wikinews_soccer: one sentence a line, the quotation not re-opened.
    text = (
        "Lukaku won the award.\n"
        'After the match, Hernan Dario Gomez, Panama coach, said, "I think we have learned a'
        " lot from today's game.\n"
        'It was a very emotional day. This is the fifth time."\n'
        'Harry Kane won the award. He said, "In the first half it felt good out there.\n'
        'We could\'ve scored two or three goals." After the match, Nabil Maaloul said, "We were'
        " playing against a highly-skilled team.\n"
        'If we were to get a draw it would have been an excellent result for us."\n'
        "Group G ends.\n"
    )
    got = counted(text)
    assert [x.text.split()[-1] for x in got] == ["time.", "goals.", "us."]
    assert [name(x) for x in got] == ["Hernan Dario Gomez", "Harry Kane", "Nabil Maaloul"]
    assert all(x.closed for x in got)


def test_a_name_with_a_colon_after_a_quotation_labels_the_next_one() -> None:
    # whgov fact sheet 2021-03-29: list items run together on one line.
    text = (
        "- National Climate Advisor Gina McCarthy: “President Biden has declared very clearly"
        " that he thinks of jobs.” - Secretary of Interior Deb Haaland: “For generations, we’ve"
        " put off the transition to clean energy.”\n"
    )
    got = [x for x in q(text) if x.kind == "quote"]
    assert [name(x) for x in got] == ["Gina McCarthy", "Deb Haaland"]


def test_titles_with_subtitles_are_not_quotations() -> None:
    # wikinews_warhol and a White House fact sheet (2021-04-27).
    warhol = (
        'Kristen Wilkins, curator of "Andy Warhol: Photographs and Prints from the University'
        ' Collection" at the University of Southern Indiana, January 23 - March 9 2014.'
    )
    report = (
        "Today, independent analysts issued a report entitled: “Transmission Projects Ready to"
        " Go: Plugging into America’s Untapped Renewable Resources.” The report estimates more."
    )
    for text in (warhol, report):
        assert [x.kind for x in q(text)] == ["scare"], text


def test_first_line_headline_quotes_are_the_headline() -> None:
    # wikinews_questionnaire and wikinews_korea: the title line opens the text.
    for head in (
        "Reports: 'streamlined' UK asylum process to replace interview with questionnaire",
        "North Korea puts military in 'quasi-state of war'",
    ):
        text = head + "\n\nFriday, August 21, 2015\n\nThe military has been placed on alert.\n"
        assert [(x.kind, x.attribution_rule) for x in q(text)] == [("heading", "headline-line")]


def test_a_full_name_before_appositives_speaks() -> None:
    # wikinews_asylum, wikinews_warhol, wikinews_iodine.
    for text, who in (
        ("Jeff Rathke, the State Department Spokesperson, said, “We urge the governments of"
         " the region to work together.”", "Jeff Rathke"),
        ("Cynthia Thompson, curator and director of exhibits at the University of Arkansas,"
         " Fayetteville, said, “These images serve as documentation of people.”",
         "Cynthia Thompson"),
        ("Senior researcher Mu Li, of the University of NSW's school of public health, said"
         " “it is reasonable to assume that pregnant women are at risk.”", "Mu Li"),
    ):  # fmt: skip
        assert [name(x) for x in q(text)] == [who], text


def test_a_quotation_after_a_reporting_sentence_is_its_subjects() -> None:
    # wikinews_warming and wikinews_warhol.
    for text, who in (
        ("Heald noted the findings show pollution reduction is also important. “An"
         " air-quality cleanup would improve crop yields.”", "Heald"),
        ("Wilkins also said Warhol was both an artist and a businessperson. “As a way to"
         " commercialize his work, he would make a blue Marilyn.”", "Wilkins"),
    ):  # fmt: skip
        (x,) = q(text)
        assert (name(x), x.attribution_rule) == (who, "prev-sentence-cue"), text


def test_a_quotation_after_a_quoting_sentence_keeps_that_speaker() -> None:
    # fixtures/extraction-heldout2 earnings call: the writer's subject before
    # the previous quotation is not the speaker.
    text = (
        "Analysts were less sanguine. “This is the third quarter in a row,” said Julia Fenwick,"
        " an analyst, who cut her rating. “Pricing can only do so much.”"
    )
    assert [name(x) for x in q(text)] == ["Julia Fenwick", "Julia Fenwick"]


def test_absolute_constructions_name_their_own_speaker() -> None:
    # wikinews_questionnaire (twice) and wikinews_hackers.
    for text, who in (
        ("The document must be completed in English, the government recommending"
         ' "online translation tools" if needed.', "government"),
        ("It quoted critics like campaigner Caitlin Boswell, with Boswell stating:"
         ' "People fleeing desperate circumstances clearly need this government to act."',
         "Caitlin Boswell"),
        ("Critics of Scientology were critical of the attacks, with one poster writing"
         ' "How can people look at both sides if one side is gone?"', "one poster"),
    ):  # fmt: skip
        got = counted(text)
        assert len(got) == 1 and name(got[0]) == who, (text, got)


def test_documents_and_outlets_as_speakers() -> None:
    # wikinews_questionnaire ("reads", "cited") and wikinews_iodine ("call for").
    for text, who in (
        ('The Home Office letter reads "we may extend the use of the questionnaire as a'
         ' means to gather information."', "Home Office letter"),
        ("The Guardian cited examples of complicated questions, including: \"Were you subject"
         ' to human trafficking during your journey?"', "Guardian"),
        ('The authors say the results confirm it. They call for "urgent implementation of'
         ' mandatory iodisation of all edible salt in Australia."', "They"),
    ):  # fmt: skip
        (x,) = counted(text)
        assert x.speaker is not None and who in x.speaker.name + x.speaker.mention, (text, x)


def test_unclosed_quotation_ends_before_the_writers_report() -> None:
    # fixtures/extraction team-16 (an unclosed quote before "The mayor said …")
    # and the seed (before "The left-leaning French newspaper Le Monde …").
    text = (
        "Councillor Hanna Roth accused him of “wasting two years and four million euros. The"
        " mayor said the contractor was to blame.\n\nThe vote is on Monday.\n"
    )
    (x,) = q(text)
    assert x.text.endswith("four million euros.") and not x.closed


def test_unclosed_statement_in_the_third_person_is_not_cut() -> None:
    # White House round-up (AI education pledges): an organisation's statement
    # about itself runs on in the third person; a sentence opened by a
    # preposition is no writer's report.
    text = (
        "“HMH commits to creating and advancing fully-integrated generative AI tools built to"
        " enhance instruction, support teachers, and help every child reach their fullest"
        " potential. In June 2025, HMH announced a new suite of embedded AI supports — which"
        " include lesson plan generators, text translators, vocabulary scaffolding and more.\n\n"
        "Next item.\n"
    )
    (x,) = q(text)
    assert x.text.endswith("vocabulary scaffolding and more.")


def test_according_to_governs_a_fragment_after_a_passive_cue() -> None:
    # wikinews_korea: "told" has no subject of its own.
    text = (
        "According to Yonhap news agency, quoting North Korea's main news agency, the"
        " country's military has been placed on high alert and has been told to prepare a"
        ' "quasi-state of war". The report comes after an exchange of fire.'
    )
    (x,) = counted(text)
    assert x.kind == "fragment" and x.speaker is not None and "Yonhap" in x.speaker.name


def test_places_dates_and_numbers_are_no_speakers() -> None:
    # White House round-ups: "President Trump is protecting America's children"
    # (2025-03-04) and "lower gas prices just in time for summer holiday travel".
    children = (
        "In Illinois, Chicago’s Lurie Children’s Hospital paused sex-change surgeries for"
        " patients under 19 as it “work[s] to understand the rapidly evolving environment.”"
        " - In Colorado, Denver Health announced it would stop performing such surgeries.\n"
    )
    gas = (
        "The good news is being felt across the nation:\n\n"
        "[Tupelo, Mississippi](https://x.com/RapidResponse47/status/1939676012033569007):"
        " “If you’re driving, you could be in for a pleasant surprise at the pump.”\n\n"
        "[Toledo, Ohio](https://x.com/RapidResponse47/status/1939675728628305956): “Summer gas"
        " prices are at a surprising four-year low.”\n"
    )
    for text in (children, gas):
        quotes = [x for x in q(text, "markdown") if x.kind == "quote"]
        assert quotes and all(x.speaker is None for x in quotes), quotes


def test_fact_check_labels_are_no_speakers() -> None:
    # White House "myth vs fact" and fake-news round-ups.
    for text in (
        "FACT: New York Times made no mention of their own reporting that fluoride may be"
        " “linked to lower IQ scores in children.”\n",
        "MYTH: “SNAP work requirements are unnecessary.”\n\nFACT: They are needed.\n",
    ):
        assert all(x.speaker is None for x in q(text)), text


def test_title_case_quotation_under_indirect_speech_is_a_title() -> None:
    # White House: the U.S.-India joint statement (2025-02-13), the U.S.-Japan
    # joint statement, an Investing in America round-up.
    for text in (
        "The leaders announced the launch of the U.S.-India TRUST (“Transforming the"
        " Relationship Utilizing Strategic Technology”) initiative, which will catalyze"
        " government-to-government cooperation.\n",
        "The two leaders also welcomed the U.S. announcement to join the Japan-led “Fissile"
        " Material Cut-off Treaty Friends” initiative.\n",
        "The announcement came as the administration wraps up three weeks of traveling the"
        " country on what they’ve been calling the ‘Investing in America Tour’, to showcase a"
        " variety of programs.\n",
    ):
        assert [x.kind for x in q(text)] == ["scare"], text


def test_a_document_named_with_an_indefinite_article_speaks_in_context() -> None:
    # wikinews_questionnaire (a reduced relative) and wikinews_hackers (a
    # participle right after the document).
    for text, who in (
        ("It also must be returned within twenty working days. A leaked internal letter seen"
         ' by Sky News says "failure to return the questionnaire may result in the claim being'
         ' withdrawn."', "A leaked internal letter"),
        ("Some individuals reported that when they are able to reach the site, all they get is"
         ' a message stating, "The word scientology means search for truth ..."', "a message"),
    ):  # fmt: skip
        (x,) = counted(text)
        assert x.speaker is not None and x.speaker.mention == who, (text, x)


def test_a_statement_after_in_is_still_a_cue_not_a_source() -> None:
    # fixtures/extraction team-04: "in a statement" extends the cue.
    text = (
        "The farmers’ association said in a statement: „Wir stehen an der Seite unserer Kollegen.“"
    )
    (x,) = counted(text)
    assert x.speaker is not None and "association" in x.speaker.name
