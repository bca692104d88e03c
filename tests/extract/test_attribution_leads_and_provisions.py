"""Lead-ins without a reporting verb (press-clip round-ups, topic labels,
key-moments round-ups), a law's provision as speaker, and the cue and mark rules
they need. One test per rule and behaviour; the
sentences are real (White House texts of the tuning fixtures and the White House
corpus, Wikinews), shortened where the rule needs less."""

from __future__ import annotations

from .conftest import counted, name, q

# --------------------------------------------------------------------------- source-lead


def test_source_lead_gives_the_excerpts_to_the_outlet_the_story_belongs_to() -> None:
    # extraction-wh-fresh, 2025-05-05 (ICYMI): "the story" is The Wall Street Journal's.
    text = (
        "ICYMI: “Trump’s Tariffs Are Lifting Some U.S. Manufacturers”\n"
        "President Donald J. Trump’s relentless pursuit of an American manufacturing"
        " renaissance is “boosting demand for some U.S.-made goods, with smaller players"
        " reaping the early benefits,” writes The Wall Street Journal, as companies onshore"
        " production and buy their products in America.\n"
        "Here are a few examples from the story:\n"
        "“‘We are swamped. We are running 24 hours a day,’ said Jack Schron, president of"
        " Jergens Inc.” “Employees for Massachusetts-based AccuRounds are working overtime to"
        " accommodate rising orders for the company’s shafts, valves and other steel"
        " components.”\n"
    )
    quotes = counted(text)
    assert [name(x) for x in quotes] == ["Wall Street Journal"] * 3
    assert [x.attribution_rule for x in quotes] == ["cue-after", "source-lead", "carry-over"]
    assert quotes[1].speaker is not None and quotes[1].speaker.mention == "the story"


def test_source_lead_from_the_post_is_the_outlet_named_before() -> None:
    # White House 2025-06-17: "[the New York Post reports](…)" … "**From the *Post*:**".
    text = (
        "Border Patrol Didn’t Release a Single Illegal into the U.S. Last Month\n"
        "U.S. Border Patrol didn’t release a single illegal immigrant into the interior of"
        " the U.S. last month, the New York Post reports — the latest victory in President"
        " Donald J. Trump’s relentless commitment to securing the homeland.\n"
        "From the Post:\n"
        "“Border Patrol agents didn’t release a single migrant into the US last month — a"
        " staggering drop after the Biden administration allowed 62,000 illegal crossers in"
        " the country in May 2024, The Post can exclusively reveal.”\n"
    )
    (x,) = counted(text)
    assert (name(x), x.attribution_rule) == ("New York Post", "source-lead")


def test_source_lead_subject_that_puts_out_its_words_speaks_for_the_captions() -> None:
    # extraction-wh-fresh, 2026-03-05: five figure captions under the lead-in.
    text = (
        "America’s Unstoppable Momentum in Operation Epic Fury\n\n"
        "On X, U.S. Central Command continues to highlight the incredible dominance of"
        " America’s unrivaled military force:\n\n"
        "<figure> <figcaption>“‘100 Hours’ of Operation Epic Fury.” (Watch)</figcaption>"
        " </figure>\n\n"
        "<figure> <figcaption>“U.S. forces control the skies by launching from the sea.”"
        " (Watch)</figcaption> </figure>\n"
    )
    quotes = counted(text)
    assert [name(x) for x in quotes] == ["U.S. Central Command"] * 2
    assert quotes[0].text == "‘100 Hours’ of Operation Epic Fury."
    assert quotes[1].attribution_rule == "carry-over"


def test_source_lead_needs_from_to_open_the_lead_in() -> None:
    # Wikinews (extraction-realworld, hackers): "from the Internet:" ends the writer's
    # own sentence; the Internet is no source.
    text = (
        "Writing in a blog post, Matthew Ingram of The Globe and Mail dubbed the ongoing"
        " conflict involving the Church of Scientology's attempts to remove the Cruise"
        ' video from the Internet: "Scientology vs. the Internet, part XVII".\n'
    )
    assert all(name(x) != "Internet" for x in q(text))


# --------------------------------------------------------------------------- source-lead-inline


def test_source_lead_inline_association_that_launched_a_campaign() -> None:
    # extraction-wh-fresh, 2025-06-24.
    text = (
        "Title\n\nThe National Association of Manufacturers launched a new ad campaign to"
        " highlight what’s at stake if the Trump Tax Cuts aren’t extended in the One Big"
        " Beautiful Bill: “If Congress doesn’t act, manufacturers will be hit with the"
        " largest tax increase in U.S. history.”\n"
    )
    (x,) = counted(text)
    assert (name(x), x.attribution_rule) == (
        "National Association of Manufacturers",
        "source-lead-inline",
    )


def test_source_lead_inline_delegate_who_introduced_a_bill() -> None:
    # extraction-wh-heldout, 2025-04-15: "Del." is a title.
    text = (
        "Title\n\nMaryland State Del. Nicole Williams (D-Prince George’s) introduced a bill to"
        " ban local law enforcement agencies from cooperating with ICE: “People would not"
        " feel safe in terms of reporting actual crime that is taking place within their"
        " communities.”\n"
    )
    (x,) = counted(text)
    assert (name(x), x.attribution_rule) == ("Nicole Williams", "source-lead-inline")


def test_source_lead_inline_needs_a_verb_of_putting_words_out() -> None:
    # White House round-up (2025-07): the subject "ICE" only modifies "arrests".
    text = (
        "Title\n\nIn South Carolina, ICE arrests have more than tripled: “Looking at arrests"
        " from this year, 47% are on people with no criminal record.”\n"
    )
    (x,) = counted(text)
    assert x.speaker is None


# --------------------------------------------------------------------------- topic-under-header


def test_topic_under_header_gives_every_topic_item_to_the_header_person() -> None:
    # White House 2025-02-23 "Sunday shows", bullets gone in plain text.
    text = (
        "Sunday Shows: Most Transparent Administration in History\n\n"
        "Here’s what you missed:\n\n"
        "Secretary of the Treasury Scott Bessent on Sunday Morning Futures\n\n"
        "On mortgage rates: “Interest rates are down five weeks in a row on the 10-year since"
        " President Trump took office — and mortgage rates are down.” On reciprocal tariffs:"
        " “We’re just doing what they’re doing and then adding in these other factors.”\n\n"
        "Secretary of Defense Pete Hegseth on Fox News Sunday\n\n"
        "On restoring the Pentagon’s mission: “President Trump has given another set of"
        " lawful orders, and they will be followed.”\n"
    )
    quotes = counted(text)
    assert [name(x) for x in quotes] == ["Scott Bessent", "Scott Bessent", "Pete Hegseth"]
    assert {x.attribution_rule for x in quotes} == {"topic-under-header"}


# --------------------------------------------------------------------------- roundup-lead


def test_roundup_lead_gives_the_key_moments_to_the_person_of_the_lede() -> None:
    # White House 2025-12-09 (Politico interview): excerpts joined by "(Watch)" links.
    text = (
        "President Trump’s Politico Interview: Democrats Lost Control — I Took it Back\n\n"
        "In a wide-ranging interview with Politico, President Donald J. Trump reflected on"
        " the progress of his second term as it approaches the one-year mark.\n\n"
        "Here are some of the key moments:\n\n"
        "“The Democrats love to say, ‘Affordability, affordability,’ but then they never talk"
        " about it.” (Watch) “I inherited a total mess. Prices were at an all-time high when"
        " I came in.” (Watch)\n"
    )
    quotes = counted(text)
    assert [name(x) for x in quotes] == ["Donald J. Trump", "Donald J. Trump"]
    assert [x.attribution_rule for x in quotes] == ["roundup-lead", "carry-over"]


def test_carry_over_across_watch_links() -> None:
    # White House 2025-09-02: "According to Pritzker:" then “…” (Link) “…” (Link).
    text = (
        "Title\n\nAccording to Pritzker:\n\n“We’ve been trying to prevent crime and it’s been"
        " working.” (Link) “There is no emergency.” (Link)\n"
    )
    quotes = counted(text)
    assert [x.attribution_rule for x in quotes] == ["colon-lead", "carry-over"]
    assert [name(x) for x in quotes] == ["Pritzker", "Pritzker"]


# --------------------------------------------------------------------------- provision


def test_provision_section_of_the_act_speaks_and_governs_its_fragments() -> None:
    # extraction-wh-fresh, signing statement of 2021-12-27.
    text = (
        "Title\n\nSection 351 of the Act requires the Secretary of Defense to create a working"
        " group “to integrate efforts to mitigate contested logistics challenges through the"
        " reduction of operational energy demand.” It provides that the Service Secretaries"
        " shall “nominate” four of the members of the working group subject to the Senate’s"
        " “confirmation.” The working group is an executive branch entity.\n"
    )
    quotes = counted(text)
    assert [name(x) for x in quotes] == ["Section 351 of the Act"] * 3
    assert [x.kind for x in quotes] == ["quote", "fragment", "fragment"]
    assert {x.attribution_rule for x in quotes} == {"provision"}


def test_provision_defined_term_stays_a_term() -> None:
    # Signing statement of 2023-12-22: "(the “Department”)" defines a name.
    text = (
        "Title\n\nSection 1555(a) of the Act requires recipients of certain Department of"
        " Defense (the “Department”) advertising funds to certify that they “[do] not place"
        " advertisements in news sources based solely on the designation of the news"
        " source as a source of misinformation.”\n"
    )
    kinds = {x.text: x.kind for x in q(text)}
    assert kinds["Department"] == "scare"
    quote = [x for x in counted(text) if x.text.startswith("[do]")]
    assert quote and name(quote[0]) == "Section 1555(a) of the Act"


# --------------------------------------------------------------------------- cues and marks


def test_reports_is_a_cue_after_an_outlet() -> None:
    # extraction-wh-fresh, 2025-05-05: "Meanwhile, The Washington Post reports:".
    text = (
        "Title\n\nMeanwhile, The Washington Post reports:\n\n“At the local Excel Dryer plant,"
        " William Gagnon, the chief operating officer, is unfazed.”\n"
    )
    (x,) = counted(text)
    assert name(x) == "Washington Post"


def test_reports_after_a_preposition_is_a_noun() -> None:
    # White House briefing fixture (gaza-letter-briefing): the participle "saying"
    # decides, not "On reports".
    text = (
        "Title\n\nOn reports that North Korea is sending soldiers to help Russia, she struck a"
        " cautious tone, saying the administration was wary and that “we’re always going to"
        " have concerns.”\n"
    )
    (x,) = counted(text)
    assert x.attribution_rule == "indirect-cue"


def test_proclaimed_and_admit_are_cues() -> None:
    # extraction-wh-fresh, 2026-02-20 and 2025-04-10.
    a = counted(
        "First Lady Melania Trump Champions U.S. Fashion Leadership\n“Human nature resides in"
        " the discipline of detail. Everything is in the detail,” proclaimed First Lady"
        " Melania Trump.\n"
    )
    assert name(a[0]) == "Melania Trump"
    b = counted(
        "Title\n\n26 million small businesses will be saddled with a massive tax increase."
        " Even liberal economists admit “all income groups would get a tax cut.”\n"
    )
    assert b[0].speaker is not None and b[0].speaker.name.endswith("economists")


def test_nickname_needs_a_phrase_inside_its_sentence() -> None:
    # Eddie “Shorty” Malone is a nickname; “confirmation.” before "The" is not.
    assert [x.kind for x in q("Title\n\nEddie “Shorty” Malone won.\n")] == ["scare"]


# --------------------------------------------------------------------------- byline-line


def test_byline_line_signs_the_statement_above_it() -> None:
    # extraction-wh-heldout, fact sheet of 2025-09-22; one paragraph a line.
    text = (
        "FACT: Evidence Suggests Link Between Acetaminophen, Autism\n\n"
        "“The Trump Administration does not believe popping more pills is always the answer"
        " for better health. We will not be deterred in these efforts as we know millions"
        " across America are grateful.”\n\n"
        "— Press Secretary Karoline Leavitt\n\n"
        "Today, President Donald J. Trump joined Administration officials to announce major"
        " progress in understanding the root causes of autism.\n"
    )
    (x,) = counted(text)
    assert (name(x), x.attribution_rule) == ("Karoline Leavitt", "byline-line")


def test_byline_line_keeps_initials_and_drops_the_date() -> None:
    # Fact sheets of 2023-03-24 ("– President Joseph R. Biden, Jr.") and 2021-06-13
    # ("– President Biden, February 19, 2021"), one paragraph a line.
    a = counted(
        "Title\n\n“These plans represent a meaningful, long-term commitment by the United"
        " States to building the political and economic resilience of partner societies.”"
        "\n\n– President Joseph R. Biden, Jr.\n\n###\n"
    )
    assert name(a[0]) == "Joseph R. Biden"
    b = counted(
        "Title\n\n“The transatlantic alliance is the strong foundation on which our collective"
        " security and our shared prosperity are built.”\n\n– President Biden, February 19,"
        " 2021\n"
    )
    assert name(b[0]) == "Biden"


# --------------------------------------------------------------------------- not speakers


def test_genre_label_of_a_title_is_no_speaker() -> None:
    # extraction-wh-tuning, 2025-06-05: the title's "MYTHBUSTER:" labels the genre.
    text = (
        "MYTHBUSTER: One Big Beautiful Bill Cuts Spending — and More Cuts Are on the Way\n\n"
        "“Where are the spending cuts?”\n\n"
        "FACT: President Donald J. Trump’s One Big Beautiful Bill is just one mechanism the"
        " Trump Administration is using to cut spending.\n"
    )
    assert all(name(x) != "MYTHBUSTER" for x in q(text))


# --------------------------------------------------------------------------- indirect-cue


def test_indirect_cue_exhortation_to_the_quoted_words() -> None:
    # extraction-wh-heldout, 2026-04-23: "encouraged … to “…”" is Mrs. Trump's.
    text = (
        "Title\n\nThe luncheon follows First Lady Melania Trump’s visit to Capitol Hill last"
        " week where she worked with leaders from both sides of the political aisle to advance"
        " new legislation surrounding foster care. Mrs. Trump encouraged participating"
        " representatives from the House Ways and"
        " Means Committee to “come together to prioritize America’s children… stay unified,"
        " act in good faith, and keep the next generation above politics.”\n"
    )
    (x,) = counted(text)
    assert (name(x), x.attribution_rule) == ("Melania Trump", "indirect-cue")


def test_indirect_cue_relative_clause_has_its_own_subject() -> None:
    # Presidential message of 2026-06-11: not "Germany" but "he" (Reagan).
    text = (
        "Title\n\nOn June 12, 1987, President Ronald Reagan delivered his historic address at"
        " Brandenburg Gate in Berlin, Germany, in which he famously implored Soviet General"
        " Secretary Mikhail Gorbachev to “tear down this wall.”\n"
    )
    (x,) = counted(text)
    assert name(x) == "Ronald Reagan"


# --------------------------------------------------------------------------- case-citation


def test_case_citation_after_the_quotation_is_its_source() -> None:
    # extraction-wh-fresh, signing statement of 2021-12-27 (also 2022-12-23, 2023-12-22).
    text = (
        "Title\n\nSections 6103(a) and 6503(b) of the Act would direct the Executive on how to"
        " proceed in discussions with, or votes within, international organizations. I"
        " recognize that “[i]t is not for the President alone to determine the whole content"
        " of the Nation’s foreign policy” (Zivotofsky v. Kerry, 576 U.S. 1, 21 (2015)).\n"
    )
    (x,) = counted(text)
    assert (name(x), x.attribution_rule) == ("Zivotofsky v. Kerry", "case-citation")


# --------------------------------------------------------------------------- cue-before


def test_cue_before_name_right_before_the_cue_after_a_dash_aside() -> None:
    # Statement of 2024-04-04.
    text = (
        "Title\n\n75 years ago today—after signing the treaty that brought NATO into"
        " existence—President Harry Truman said: “If there is anything certain today, if"
        " there is anything inevitable in the future, it is the will of the people of the"
        " world for freedom and for peace.”\n"
    )
    (x,) = counted(text)
    assert (name(x), x.attribution_rule) == ("Harry Truman", "cue-before")


def test_cue_before_as_opening_keeps_the_name_not_its_apposition() -> None:
    # Statement of 2022-08-28 ("taught" is a cue of a quoted saying).
    text = (
        "Title\n\nAs John Lewis, the youngest speaker that day, taught us, “Democracy is not a"
        " state. It is an act.”\n"
    )
    (x,) = counted(text)
    assert name(x) == "John Lewis"


def test_cue_before_teaches_quotes_a_scripture() -> None:
    # Statement of 2022-04-01.
    text = (
        "Title\n\nAs the Holy Qur’an teaches, “whoever does even an atom’s weight of good will"
        " see its results.”\n"
    )
    (x,) = counted(text)
    assert name(x) == "Holy Qur’an"


def test_roundup_lead_without_a_lead_in_needs_watch_links() -> None:
    # White House 2026-01-04: the lede about Secretary Rubio, then his excerpts.
    text = (
        "RUBIO: This Is Our Hemisphere — and President Trump Will Not Allow Our Security to"
        " be Threatened\n\n"
        "This morning, Secretary of State Marco Rubio joined multiple news programs to"
        " discuss the Trump Administration’s decisive operation. Secretary Rubio underscored"
        " President Donald J. Trump’s ironclad commitment to preventing the Western"
        " Hemisphere from becoming a safe haven for drug traffickers.\n\n"
        "“There’s not a war. We are at war against drug trafficking organizations — not a"
        " war against Venezuela.” (Watch) “This is the Western Hemisphere. This is where we"
        " live.” (Watch)\n"
    )
    quotes = counted(text)
    assert [name(x) for x in quotes] == ["Marco Rubio", "Marco Rubio"]
    assert [x.attribution_rule for x in quotes] == ["roundup-lead", "carry-over"]


# --------------------------------------------------------------------------- cue-after


def test_cue_after_according_to_an_unnamed_document() -> None:
    # extraction-wh-tuning, 2022-07-02 (a local paper's story in a round-up).
    text = (
        "Title\n\nIn total, $50.6 million of the federal funding — Pathway Home grants — will"
        " “provide training and employment services to adults reentering the workforce"
        " following incarceration in a local jail or state correctional facility,” according"
        " to a press release.\n"
    )
    (x,) = counted(text)
    assert (name(x), x.attribution_rule) == ("a press release", "cue-after")


# --------------------------------------------------------------------------- outlet-headline


def test_outlet_headline_line_quotes_no_one() -> None:
    # extraction-wh-tuning, 2022-07-02: one headline a line inside a long paragraph.
    text = (
        "What They Are Reading in the States\n\nSeveral residents of Hilltop also spoke and"
        " agreed that living conditions at the apartment complex have improved.\nMiami"
        " Herald: Biden’s housing chief calls Miami the ‘epicenter of the housing crisis in"
        " this country’\nThe nation’s top housing official visited Miami on Tuesday and"
        " called the city the “epicenter” of a housing crisis in the United States. “I"
        " decided I was going to Miami, to the epicenter of the housing crisis in this"
        " country,” Marcia Fudge, secretary of Housing and Urban Development, said.\n"
    )
    kinds = [(x.text, x.kind, x.attribution_rule) for x in q(text)]
    assert kinds[0] == (
        "epicenter of the housing crisis in this country",
        "heading",
        "outlet-headline",
    )
    assert name(counted(text)[-1]) == "Marcia Fudge"


# --------------------------------------------------------------------------- handle-label


def test_handle_label_resolves_to_the_person_the_text_names() -> None:
    # extraction-wh-fresh, 2025-10-22: an embedded post, left as HTML.
    text = (
        "Top Democrat Cheers Americans’ Suffering\n\nHouse Democrat Whip Katherine Clark, the"
        " number two House Democrat: “There will be families that are going to suffer… but it"
        " is one of the few leverage times we have.”\n\n<figure> <div> <blockquote> <p>🚨 <a"
        ' href="https://twitter.com/WhipKClark?ref_src=twsrc%5Etfw">@WhipKClark</a>, the'
        ' number two House Democrat, on the Democrat Shutdown: "Of course there will be'
        " families that are going to suffer… but it is one of the few leverage times we"
        ' have."</p> </blockquote> </div> </figure>\n'
    )
    quotes = counted(text)
    assert (name(quotes[-1]), quotes[-1].attribution_rule) == ("Katherine Clark", "handle-label")
    assert quotes[-1].speaker is not None and quotes[-1].speaker.mention == "@WhipKClark"


def test_handle_label_without_a_named_person_is_the_handle() -> None:
    # White House 2022-03-15 ("What they are saying"): the handle is all the text gives.
    text = (
        "Title\n\nNACo President @LarryJohnsonD3: “For the past two years, #counties have served"
        " on the front lines of our nation’s response to the pandemic.”\n"
    )
    (x,) = counted(text)
    assert name(x) == "@LarryJohnsonD3"
