"""Round-up forms read from the misses of ``fixtures/extraction-wh-fresh2``: topic
labels, name-title header lines, lone-surname lead-ins, terms after "the
definition of", excerpts that quote in single marks over paragraphs, headlines
that open on quoted words, and broadcasters with channel numbers.

Every text is cut from a real White House text (named in the test).
"""

from __future__ import annotations

from pathlib import Path

from tests.extract.conftest import name, q

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures/extraction-wh-fresh2"


def test_topic_label_is_no_speaker_and_carries_the_roundup_person() -> None:
    # whgov_2025-11-03 (60 Minutes interview): "Here the top moments …" has no verb.
    text = (
        "President Trump on 60 Minutes: “Greatest Nine Months in the History of the"
        " Presidency”\n\n"
        "Marking the most accomplished nine months of any presidency in history, President"
        " Donald J. Trump used his powerhouse interview on 60 Minutes to showcase record"
        " stock market gains, global peace breakthroughs, and his unwavering commitment to"
        " law and order.\n\n"
        "Here the top moments you may have missed:\n\n"
        "On ending the Democrat Shutdown: “We keep voting. I mean, the Republicans are"
        " voting almost unanimously to end it — and the Democrats keep voting against ending"
        " it… They’ve lost their way.” On Obamacare: “Obamacare is terrible. It’s bad"
        " healthcare at far too high a price.”\n\n"
    )
    quotes = [x for x in q(text) if x.kind == "quote"]
    assert [(name(x), x.attribution_rule) for x in quotes] == [
        ("Donald J. Trump", "roundup-lead"),
        ("Donald J. Trump", "carry-over"),
    ]


def test_name_header_with_affiliation_over_statement() -> None:
    # whgov_2025-01-06 "What they are saying": "Name, Title, Organisation" lines.
    text = (
        "WHAT THEY ARE SAYING: President Biden Protects Atlantic and Pacific Coasts from"
        " Offshore Oil and Gas Drilling\n\n"
        "Tiernan Sittenfeld, Senior Vice President of Government Affairs, League of"
        " Conservation Voters\n\n"
        "“We applaud the Biden administration for protecting the coasts off the Pacific,"
        " Atlantic, the eastern Gulf of Mexico and portions of the Northern Bering Sea off"
        " Alaska from new offshore oil and gas leasing.”\n\n"
        "Ben Jealous, Executive Director, Sierra Club\n\n"
        "“This critical action is a major win for coastal communities, marine wildlife, and"
        " our collective future.”\n\n"
    )
    assert [(name(x), x.attribution_rule) for x in q(text)] == [
        ("Tiernan Sittenfeld", "name-header"),
        ("Ben Jealous", "name-header"),
    ]


def test_name_header_not_the_article_title() -> None:
    # whgov_2026-05-06 (wh-tuning): the title line over an opening quotation names
    # no author of it.
    text = (
        "First Lady Melania Trump Honors Military Mothers, the Soul of our Nation\n\n"
        "“I often think about the brave people who make the ultimate sacrifice for our"
        " freedom.”\n\n"
    )
    assert all(x.attribution_rule != "name-header" for x in q(text))


def test_surname_lead_in_with_a_lead_verb() -> None:
    # whgov_2025-08-08 (Newsmax special): the Secretary named in full before.
    text = (
        "ICYMI: Celebrating 200 Days of American Renewal\n\n"
        "Secretary of Transportation Sean Duffy delivered an update on the Trump"
        " Administration’s air traffic control overhaul: “We just got a historic downpayment"
        " — $12.5 billion.” Duffy touted the success of the Administration’s English language"
        " proficiency requirement for truck drivers: “We have taken 1,500 trucks out of"
        " service — off the roads — because the drivers couldn’t speak English…”\n\n"
    )
    assert [name(x) for x in q(text)] == ["Sean Duffy", "Sean Duffy"]


def test_definition_of_term_is_a_term() -> None:
    # whgov_2022-04-28 fact sheet.
    text = (
        "FACT SHEET: President Biden’s Comprehensive Proposal to Hold Russian Oligarchs and"
        " Elites Accountable\n\n"
        "Modernizing Racketeering to Include Sanctions Evasion: This proposal would"
        " strengthen the United States’ ability to investigate and prosecute sanctions"
        " evasion by adding the crime of sanctions evasion to the definition of"
        " “racketeering activity” in the Racketeer Influenced and Corrupt Organizations"
        " (RICO) Act.\n\n"
    )
    assert [(x.kind, x.attribution_rule) for x in q(text)] == [("scare", "scare-term")]


def test_excerpt_over_paragraphs_with_nested_single_quotation() -> None:
    # whgov_2025-08-05 (fixtures/extraction-wh-fresh2, a tuning set since its second
    # run): two stations' stories quoted over paragraphs; Citrano's and Wilbanks's
    # words inside them are part of the excerpts.
    text = (FIXTURES / "whgov_2025-08-05-americans-are-winning-big-with-the-one-b.txt").read_text()
    quotes = [x for x in q(text) if x.kind == "quote"]
    by_start = {x.text[:20]: x for x in quotes}
    kxxv = by_start["Servers and other ti"]
    assert kxxv.text.endswith("Citrano said.") and name(kxxv) == "KXXV-TV"
    koco = by_start["More tools could be "]
    assert "Wilbanks said." in koco.text and name(koco) == "KOCO-TV"
    assert not any(x.text.startswith(("You’re talking", "In that $12.5")) for x in quotes)


def test_headline_opening_on_quoted_words_and_station_with_number() -> None:
    # whgov_2025-08-05: the headline is no label; FOX 10 is the excerpt's source.
    text = (
        "Americans Are Winning Big with the One Big Beautiful Bill\n\n"
        "FOX 10 (Phoenix, AZ): ‘Trump accounts’ for newborns could grow to $1.9M, Treasury"
        " says\n\n"
        "“New Treasury projections show that the ‘Trump accounts’ offered to American"
        " children could grow into a seven-figure nest egg by adulthood, if maximized and"
        " left to compound.”\n\n"
    )
    quotes = q(text)
    assert [(x.kind, name(x), x.attribution_rule) for x in quotes] == [
        ("heading", None, "outlet-headline"),
        ("quote", "FOX 10", "label-over-headline"),
    ]


def test_station_name_around_its_channel_number() -> None:
    # whgov_2025-07-29: "News 5 Cleveland:" over its headline.
    text = (
        "VP Vance Champions One Big Beautiful Bill in Ohio\n\n"
        "News 5 Cleveland: JD Vance touts Trump’s Big Beautiful Bill at Canton steel plant\n\n"
        "“The legislation allows companies to get tax breaks faster, which Vance says could"
        " incentivize U.S. production.”\n\n"
    )
    (x,) = q(text)
    assert name(x) == "News 5 Cleveland"


def test_topic_label_quoting_a_term_carries_over() -> None:
    # whgov_2025-11-03: "On “retribution”:" between two excerpts.
    text = (
        "President Trump on 60 Minutes: “Greatest Nine Months in the History of the"
        " Presidency”\n\n"
        "Marking the most accomplished nine months of any presidency in history, President"
        " Donald J. Trump used his powerhouse interview on 60 Minutes to showcase record"
        " stock market gains.\n\n"
        "Here the top moments you may have missed:\n\n"
        "On Obamacare: “Obamacare is terrible. It’s bad healthcare at far too high a price.”"
        " On “retribution”: “It’s the opposite. I think I’ve been very mild mannered.”\n"
    )
    quotes = [x for x in q(text) if x.kind == "quote"]
    assert [name(x) for x in quotes] == ["Donald J. Trump", "Donald J. Trump"]


def test_topic_label_with_cue_like_noun_is_no_cue() -> None:
    # whgov_2026-02-05 (NBC interview): "… Democrat-run states:" names no speaker.
    text = (
        "President Trump Showcases Historic Successes, Future Vision in Exclusive NBC"
        " Interview\n\n"
        "In a commanding, nearly hour-long Oval Office exclusive with NBC News anchor Tom"
        " Llamas, President Donald J. Trump delivered a clear-eyed assessment of his"
        " Administration’s remarkable record of achievement.\n\n"
        "Here are some key moments:\n\n"
        "On his motivations for public service: “I only do this for one reason: Make"
        " America Great Again, and that’s what we’re doing.” (Watch) On the massive fraud"
        " scandals plaguing Minnesota and other Democrat-run states: “Minnesota and these"
        " other states, we have massive fraud.”\n"
    )
    assert [(name(x), x.attribution_rule) for x in q(text)] == [
        ("Donald J. Trump", "roundup-lead"),
        ("Donald J. Trump", "carry-over"),
    ]


def test_participle_cue_after_a_quoted_name_reads_the_whole_sentence() -> None:
    # whgov_2025-05-19: the "TAKE IT DOWN" Act is quoted before "saying".
    text = (
        "First Lady Melania Trump Joins President Trump\n\n"
        "First Lady Melania Trump joined President Donald J. Trump in the White House Rose"
        " Garden for the signing of S.146.\n\n"
        "In his remarks, President Trump commended First Lady Melania Trump for her work to"
        " help pass the “TAKE IT DOWN” Act, saying, “I want to thank Melania for your"
        " leadership on this very important issue.”\n"
    )
    x = [x for x in q(text) if x.kind == "quote"][-1]
    assert (name(x), x.attribution_rule) == ("Donald J. Trump", "lead-with-quoted-phrase")


def test_titled_surname_resolves_to_the_full_name_named_before() -> None:
    # whgov_2021-09-09: "Secretary Clouthier" after the delegation's full names.
    text = (
        "Re-Launching the U.S.-Mexico High-Level Economic Dialogue\n\n"
        "The Mexican delegation consisted of Secretary of External Relations Marcelo Ebrard,"
        " Secretary of Economy Tatiana Clouthier, Mexican Ambassador to the United States"
        " Esteban Moctezuma, and Undersecretary of Finance and Public Credit Gabriel Yorio.\n\n"
        "While Secretary Clouthier emphasized: “the HLED will be complementary to the USMCA"
        " as it will help create the right conditions to make our economic integration even"
        " stronger.”\n"
    )
    assert name(q(text)[-1]) == "Tatiana Clouthier"


def test_headline_run_in_one_paragraph() -> None:
    # whgov_2025-04-28 and whgov_2025-09-25: outlets' headlines run together.
    text = (
        "PROMISES MADE, PROMISES KEPT: Border Security Achieved in Fewer Than 100 Days\n\n"
        "Axios: Border crossings plunge to lowest levels in decades: New data New York Post:"
        " Northern border sector previously overrun by illegal migrants sees dramatic drop in"
        " crossings: ‘We haven’t seen anyone since November’ The Times: This city was a border"
        " flashpoint. Now the only migrants are quail\n"
    )
    assert [(x.kind, x.attribution_rule) for x in q(text)] == [("heading", "headline-run")]


def test_statement_header_without_colon() -> None:
    # whgov_2025-01-26 and whgov_2025-06-12: a release's title "Statement from X"
    # over the quotation paragraph.
    press = (
        "Statement from the Press Secretary\n\n"
        "“The Government of Colombia has agreed to all of President Trump’s terms, including"
        " the unrestricted acceptance of all illegal aliens from Colombia returned from the"
        " United States, including on U.S. military aircraft, without limitation or delay.”\n"
    )
    rubio = (
        "Statement from Secretary of State Marco Rubio\n\n"
        "“Tonight, Israel took unilateral action against Iran. We are not involved in strikes"
        " against Iran and our top priority is protecting American forces in the region.”\n"
    )
    assert [(name(x), x.attribution_rule) for x in q(press) + q(rubio)] == [
        ("Press Secretary", "statement-header"),
        ("Marco Rubio", "statement-header"),
    ]


def test_dated_quotations_carry_the_speaker_over() -> None:
    # whgov_2025-06-17: a compilation of one person's quotations, each with its date.
    text = (
        "President Trump Has Always Been Clear: Iran Cannot Have a Nuclear Weapon\n\n"
        "President Donald J. Trump has never wavered in his stance that Iran cannot be"
        " allowed to have a nuclear weapon — a pledge he has made repeatedly, both in office"
        " and on the campaign trail.\n\n"
        "Since taking office, President Trump has clearly stated no fewer than a dozen times"
        " that Iran cannot be allowed to have a nuclear weapon:\n\n"
        "“You can’t have peace if Iran has a nuclear weapon.” (6/14/25) “They can’t have a"
        " nuclear weapon. Very simple. They can’t have a nuclear weapon. We’re not going to"
        " allow that.”\n"
    )
    assert [name(x) for x in q(text)] == ["Donald J. Trump", "Donald J. Trump"]


def test_name_header_with_source_tag_after_the_statement() -> None:
    # whgov_2025-01-06: each statement ends with "[Statement, 1/6/2025]".
    text = (
        "WHAT THEY ARE SAYING: President Biden Protects Atlantic and Pacific Coasts from"
        " Offshore Oil and Gas Drilling\n\n"
        "Ben Jealous, Executive Director, Sierra Club\n\n"
        "“This critical action is a major win for coastal communities, marine wildlife, and"
        " our collective future.” [Statement, 1/6/2025]\n\n"
        "Northern Chumash Tribal Council\n\n"
        "“The Northern Chumash Tribal Council extends its heartfelt gratitude to President"
        " Biden for his historic decision.” [Statement, 1/6/2025]\n"
    )
    assert [(name(x), x.attribution_rule) for x in q(text)] == [
        ("Ben Jealous", "name-header"),
        ("Northern Chumash Tribal Council", "name-header"),
    ]


def test_org_header_needs_the_statement_to_name_it() -> None:
    # whgov_2025-09-09: "AI Resources for Educators" is a section title, not a source.
    text = (
        "Major Organizations Commit to Supporting AI Education\n\n"
        "Accenture\n\n"
        "“Accenture commits to the following in support of the Administration’s Pledge for"
        " American Youth, which we may supplement in the future.”\n\n"
        "AI Resources for Educators\n\n"
        "“AI Literacy Training with AI for Education: Qualcomm partners with AI for Education"
        " to provide AI literacy training to Thinkabit Lab instructors nationwide.”\n"
    )
    assert [name(x) for x in q(text)] == ["Accenture", None]


def test_promise_made_label_quotes_the_person_whose_promises_they_are() -> None:
    # whgov_2025-04-28: the lead-in names no one; the paragraph before it does.
    text = (
        "PROMISES MADE, PROMISES KEPT: Border Security Achieved in Fewer Than 100 Days\n\n"
        "Since President Donald J. Trump took office, he and his administration have ushered"
        " in the most secure border in modern American history — and he didn’t need"
        " legislation to do it. President Trump has made good on the promises he made on the"
        " campaign trail to usher in an unprecedented era of homeland security.\n\n"
        "Here are a few of those promises:\n\n"
        "PROMISE MADE: “We will close the border. We will stop the invasion of illegals into"
        " our country.” (10/12/24, Aurora, CO)\n\n"
        "PROMISE KEPT:\n\n"
    )
    (x,) = [x for x in q(text) if x.kind == "quote"]
    assert (name(x), x.attribution_rule) == ("Donald J. Trump", "promise-label")


def test_label_in_run_after_a_source_tag_line() -> None:
    # whgov_2023-04-18: items on lines of one paragraph, each ending "[Tweet, …]".
    text = (
        "WHAT THEY ARE SAYING: Leaders, Caregivers, Advocates and More Applaud President"
        " Biden’s Executive Order Increasing Access to High-Quality Care and Supporting"
        " Caregivers\n\n"
        "AARP Advocates: “We’re at the White House for an announcement that will help family"
        " caregivers nationwide!” [Tweet, 4/18/2023]\n"
        "Michael Adams, CEO, SAGE USA: “A beautiful day in the Rose Garden with @HHS_ASH as"
        " @POTUS signs an executive order increasing support for direct care workers.”"
        " [Tweet, 4/18/2023]\n"
    )
    assert [name(x) for x in q(text)][-1] == "Michael Adams"


def test_long_label_offices_then_titled_name() -> None:
    # whgov_2023-05-26 "What they are saying": offices first, the person last.
    text = (
        "WHAT THEY ARE SAYING: Bipartisan Members of Congress, State and Local Leaders,"
        " Faith-Based Organizations, and Advocates Applaud Release of White House National"
        " Strategy to Counter Antisemitism\n\n"
        "Co-chair, Senate and House Bipartisan Task Forces for Combating Antisemitism, North"
        " Carolina Congresswoman Kathy Manning: “The alarming rise of antisemitism poses a"
        " threat to Jewish communities and to American values.”\n"
    )
    assert name(q(text)[-1]) == "Kathy Manning"


def test_long_label_name_then_offices() -> None:
    # whgov_2023-04-22: a label of 24 words, the person first.
    text = (
        "WHAT THEY ARE SAYING: President Biden Takes Action to Build Healthy Communities and"
        " Advance Environmental Justice\n\n"
        "Peggy Shepard, Co-Chair of the White House Environmental Justice Advisory Council and"
        " Co-Founder and Executive Director of WE ACT for Environmental Justice: “The Biden"
        " Administration has issued an update of Executive Order 12898.”\n"
    )
    assert name(q(text)[-1]) == "Peggy Shepard"


def test_topic_under_header_title_with_for() -> None:
    # whgov_2025-04-13 "SUNDAY SHOWS: President Trump’s America First Trade Policies in
    # Action": a title holding "for" ("Senior Counselor for Trade and Manufacturing")
    # once cut the header at "for", leaving no person.
    text = (
        "SUNDAY SHOWS: President Trump’s America First Trade Policies in Action\n\n"
        "Here’s what you missed:\n\n"
        "Senior Counselor for Trade and Manufacturing Peter Navarro on Meet the Press\n\n"
        "On tariffs negotiations: “This is unfolding exactly like we thought it would … We"
        " have a strategy here where the President says we’re going to charge them what they"
        " charge us … knowing full well that a lot of countries would come right to us and"
        " want to bargain.”\n"
    )
    quotes = [x for x in q(text) if x.kind == "quote"]
    assert [(name(x), x.attribution_rule) for x in quotes] == [
        ("Peter Navarro", "topic-under-header"),
    ]


def test_topic_under_header_counselor_is_a_title() -> None:
    # whgov_2025-04-06 "SUNDAY SHOWS: President Trump’s Bold Vision for Economic
    # Prosperity" (its bullets and links gone): "Counselor" is a title word.
    text = (
        "SUNDAY SHOWS: President Trump’s Bold Vision for Economic Prosperity\n\n"
        "Here’s what you missed:\n\n"
        "Senior Counselor Peter Navarro on Sunday Morning Futures\n\n"
        "On the need for tariffs: “It’s all these things that these foreign countries do"
        " that are designed, explicitly, to cheat us, and are sanctioned by the WTO. So,"
        " President Trump says, ‘No more’ … We’re headed towards a strong America that makes"
        " things again.”\n"
    )
    quotes = [x for x in q(text) if x.kind == "quote"]
    assert [(name(x), x.attribution_rule) for x in quotes] == [
        ("Peter Navarro", "topic-under-header"),
    ]


def test_place_label_town_and_state_is_the_local_news() -> None:
    # White House, 2025-06-30 (lower gas prices): local news items labelled by town.
    text = (
        "Title\n\nThe good news is being felt across the nation:\n"
        "Tupelo, Mississippi: “If you’re driving, you could be in for a pleasant surprise at"
        " the pump.” Toledo, Ohio: “Summer gas prices are at a surprising four-year low.”"
    )
    got = [(x.speaker.name if x.speaker else None) for x in q(text) if x.kind == "quote"]
    assert got == ["Tupelo, Mississippi", "Toledo, Ohio"]


def test_place_label_after_a_headline_item() -> None:
    # White House, 2025-07-07 (gas prices plunge): the town's list item after a headline item.
    text = (
        "Title\n\nWest Palm Beach, Florida: Florida drivers see cheapest Independence Day gas"
        " since 2021\n\nAkron, Ohio: “Gas prices have gone down again in Northeast Ohio.”\n"
    )
    quotes = [x for x in q(text) if x.kind == "quote"]
    assert [x.speaker.name if x.speaker else None for x in quotes] == ["Akron, Ohio"]


def test_organisation_header_speaks_without_naming_itself() -> None:
    # White House, 2025-09-18: statements on Katherine Scarlett's confirmation.
    text = (
        "What They Are Saying\n\nAmerica First Policy Institute\n\n“It is our belief that"
        " Ms. Scarlett, through her time in the Senate Environment and Public Works"
        " Committee, the White House Permitting Council, and as CEQ’s Chief of Staff, has"
        " demonstrated a commitment to providing Americans with clean air, water, and land by"
        " improving environmental reviews and cutting down on onerous regulations that have"
        " stifled American prosperity and growth.”\n"
    )
    quotes = [x for x in q(text) if x.kind == "quote"]
    assert [name(x) for x in quotes] == ["America First Policy Institute"], quotes
