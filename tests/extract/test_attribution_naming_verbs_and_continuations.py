"""Short attributed fragments after a naming verb are quotations, not scare quotes;
a speaker carries on into the writer's next sentence; one test per rule and
behaviour, on sentences from real texts (the White House corpus; the rule's docstring
names the texts)."""

from __future__ import annotations

from .conftest import counted, name, q


def test_subject_called_relative_clause_gives_the_subject_not_a_term() -> None:
    # White House 2022-10-05 (Micron): "which President Biden called".
    text = (
        "Title\n\nThe announcement, which President Biden called “another win for America,”"
        " is just the latest investment in America spurred by the President’s economic plan.\n"
    )
    (x,) = counted(text)
    assert name(x) == "Biden"
    assert x.attribution_rule == "indirect-cue"


def test_subject_called_nearer_than_the_sentence_cue_governs_each_fragment() -> None:
    # White House 2023-11-29 (CS Wind): the relative clause's subject, not CS Wind.
    text = (
        "Title\n\nCS Wind recently announced it is expanding operations and creating hundreds"
        " of jobs as a direct result of the Inflation Reduction Act — which self-described MAGA"
        " Republican Representative Lauren Boebert called “dangerous for America,” a “massive"
        " failure,” and “bad for Colorado’s Third District.”\n"
    )
    quotes = counted(text)
    assert [name(x) for x in quotes] == ["Lauren Boebert"] * 3


def test_subject_called_leaves_a_name_for_a_thing_a_term() -> None:
    # White House corpus: "a process called “…”" and "an initiative called “…”" name a
    # thing; the noun before "called" is no speaker.
    text = (
        "Title\n\nOrganon launched an initiative called “Her Plan is Her Power,” investing"
        " $30 million to improve maternal and reproductive health care.\n"
    )
    assert [x.kind for x in q(text)] == ["scare"]


def test_who_antecedent_described_himself_as_possessive() -> None:
    # White House 2025-11-17: "Epstein, who described himself as Summers’ “wing man”".
    text = (
        "Title\n\nWhy aren’t Democrats talking about the storied friendship that Larry Summers"
        " had with Epstein, who described himself as Summers’ “wing man”?\n"
    )
    (x,) = counted(text)
    assert name(x) == "Epstein"


def test_party_tag_does_not_hide_the_name_before_an_apposition() -> None:
    # Politico, quoted by the White House 2023-04-22.
    text = (
        "Title\n\n“The more that people learn about her track record, we’re seeing that"
        " shifting the debate,” Rep. Kevin Kiley (R-Calif.), a leading critic of Su, told"
        " POLITICO prior to her confirmation hearing.\n"
    )
    (x,) = counted(text)
    assert (name(x), x.attribution_rule) == ("Kevin Kiley", "cue-after")


def test_next_sentence_carries_the_speaker_into_the_writers_paraphrase() -> None:
    # White House 2025-06-30 (gas prices).
    text = (
        "Title\n\nAccording to CNBC, “gas is the cheapest it’s ever been.” Inflation-adjusted"
        " gas prices “are near the lowest levels we’ve seen in the last 20 years” this summer.\n"
    )
    first, second = counted(text)
    assert name(second) == "CNBC"
    assert second.attribution_rule == "next-sentence"


def test_next_sentence_stops_at_another_name() -> None:
    # A capitalised name inside the next sentence may be its speaker: no carry.
    text = (
        "Title\n\nAccording to CNBC, “gas is the cheapest it’s ever been.” Prices in"
        " Ohio are “at a surprising four-year low.”\n"
    )
    first, second = counted(text)
    assert second.attribution_rule != "next-sentence"


def test_name_with_hyphenated_particle_is_the_whole_name() -> None:
    # Wikinews (the Mecca crane): the surname "al-Amr", not the organisation before it.
    text = (
        "Title\n\nCivil Defense Authority director General Suleiman al-Amr, in remarks to"
        ' al-Ikhbariya television, said "All those who were wounded and the dead have been'
        ' taken to hospital."\n'
    )
    (x,) = counted(text)
    assert name(x) == "Suleiman al-Amr"


def test_subject_called_one_capitalised_word_stays_a_name() -> None:
    # Fact sheet of 2022-11-13 (U.S.–Indonesia): a place before "called" is no speaker.
    text = (
        "Title\n\nThe U.S. International Development Finance Corporation will support HDF"
        " Energy’s investment in a portfolio of green hydrogen projects in Indonesia called"
        " “Renewstable,” which combines renewable energy with battery storage.\n"
    )
    assert [x.kind for x in q(text)] == ["scare"]


def test_relative_subject_needs_the_naming_verb_right_after_it() -> None:
    # White House 2026-02-24: "which cut taxes for 80% of taxpayers — calling it …" –
    # the relative clause has its own verb; the sentence's subject calls it so.
    text = (
        "Title\n\nShe opposed President Trump’s landmark 2017 Tax Cuts and Jobs Act, which cut"
        " taxes for 80% of taxpayers — calling it “irresponsible” — and also opposed the"
        " Working Families Tax Cut.\n"
    )
    (x,) = counted(text)
    assert x.speaker is not None and x.speaker.mention == "She"


def test_next_sentence_not_after_punctuation_that_opens_other_words() -> None:
    # Remarks of President Biden, 2022-02-10: "the response" speaks, not the asker.
    text = (
        "Title\n\nAnd I asked them — I said, “If you found a cure for a particular cancer,"
        " how much you think you should be able to charge?” And the response universally"
        " was, “What the market will bear.”\n"
    )
    quotes = counted(text)
    assert quotes[-1].attribution_rule != "next-sentence"


def test_termed_as_gives_the_subject_its_judgement() -> None:
    # International Business Times, quoted in the White House round-up of 2023-02-15.
    quotes = counted(
        "President Joe Biden on Tuesday termed Air India’s $34 billion order for 220 Boeing"
        " planes as a “historic” deal that will support his agenda with one million US jobs.\n"
    )
    assert [(x.kind, name(x)) for x in quotes] == [("fragment", "Joe Biden")], quotes


def test_directive_gives_the_directing_subject_the_order_s_words() -> None:
    for text, who in (
        (
            # White House, 2023-12-20.
            "Next Generation Low Earth Orbit (LEO) National Laboratory: In September 2022, the"
            " National Space Council directed NASA to “develop a plan for the next generation"
            " microgravity national lab in a commercial space station world.”\n",
            "National Space Council",
        ),
        (
            # White House, 2022-06-15.
            "On Day Oneof this Administration, President Biden directed the Department of"
            " Homeland Security and the Department of Justice to take all appropriate actions"
            " to “preserve and fortify” DACA.\n",
            "Biden",
        ),
    ):
        quotes = counted(text)
        assert quotes and all(who in name(x) for x in quotes), quotes


def test_orders_the_plural_noun_is_no_directive() -> None:
    # "Signed executive orders to protect America’s bank account" (White House
    # list, 2025) and "signed several key executive orders to improve our …":
    # "orders to" is the noun at least as often as the verb, and as a cue it
    # made whoever received or signed the orders the speaker of what follows.
    from quoteverify.extract._lexicon import INDIRECT_ONLY_CUE

    for lead in (
        "65. Signed executive orders to ",
        "The President signed several key executive orders to ",
    ):
        assert INDIRECT_ONLY_CUE.search(lead) is None, lead
    assert INDIRECT_ONLY_CUE.search("President Biden directed the Department to ")


def test_a_passive_directive_is_no_cue() -> None:
    # White House executive orders (Belarus; a disaster declaration): the
    # departments directed are told what to do, they say nothing.
    from quoteverify.extract._lexicon import INDIRECT_ONLY_CUE

    for lead in (
        "All executive departments and agencies are directed to ",
        "All relevant Federal departments and agencies are directed to ",
    ):
        assert INDIRECT_ONLY_CUE.search(lead) is None, lead
