"""Attribution by labels, documents and crowds: coordinated cues, timestamped and
colon labels, a document or an office as the source, chants, guillemets, quoted
headlines and datelines (one test per mechanism); and the per-paragraph sentence
index agreeing with the sentence search it replaces."""

from __future__ import annotations

from quoteverify.extract._sentences import (
    SentenceIndex,
    dateline_end,
    mask_markup,
    paragraphs,
    sentence_start_before,
)

from .conftest import counted, mention, name, q

# -- pronoun subject of a coordinated verb ------------------------------------


def test_pronoun_subject_of_coordinated_cue() -> None:
    text = (
        "Carvalho: Publishers say that about every book. When my older sister read the "
        "manuscript she phoned me and said, “You gave me the worst lines.” We laughed."
    )
    (x,) = counted(text)
    assert mention(x) == "she"
    assert x.cue == "said"


def test_name_subject_of_coordinated_cue() -> None:
    text = "Jane Roe stood up, looked at the council and said: “We are not done here.”"
    (x,) = counted(text)
    assert name(x) == "Jane Roe"


# -- possessive person's office -----------------------------------------------


def test_possessive_office_statement_calling() -> None:
    text = (
        "**11:12 a.m.** — Senate Minority Leader Mitch McConnell's office put out a short "
        'statement calling the numbers "cold comfort for families who are still paying '
        'far more than they did two years ago."'
    )
    (x,) = counted(text)
    assert x.speaker is not None
    assert "McConnell" in (mention(x) or "")


# -- role nouns: readers, auditors, councillors, relatives --------------------


def test_reader_writes_in_after_timestamp() -> None:
    text = (
        '**11:45 a.m.** — A reader in Ohio writes in: "Gas is cheaper, groceries '
        "aren't. That's my whole review.\""
    )
    (x,) = counted(text)
    assert mention(x) == "A reader in Ohio"


def test_auditor_wrote_that() -> None:
    text = (
        "In one of them, an auditor wrote that the transfers were “standard practice "
        "for a county of this size.”"
    )
    (x,) = counted(text)
    assert mention(x) == "an auditor"


def test_role_at_end_of_long_clause_is_not_an_appositive() -> None:
    # "one councillor" is the subject of "called", not a title of Hugh Carrick.
    text = (
        "The festival has withdrawn the adaptation of *Lowland*, a novel by the late Hugh "
        "Carrick, from its programme after complaints about what one councillor called "
        "its “outdated” portrayal of Traveller families."
    )
    (x,) = counted(text)
    assert x.kind == "fragment"
    assert "councillor" in (mention(x) or "")
    assert name(x) != "Hugh Carrick"


def test_kinship_noun_is_a_speaker() -> None:
    text = "Her daughter told the court: “She never missed a single hearing.”"
    (x,) = counted(text)
    assert mention(x) == "Her daughter"


# -- verbless labels ----------------------------------------------------------


def test_label_with_asides_after_timestamp() -> None:
    text = (
        "**9:40 a.m.** — “One good month does not make a trend,” said Priya Raman, chief "
        "economist at Halvard Capital.\n\n"
        "**12:20 p.m.** — Raman, again, in a follow-up note: “If the Fed pauses now, it "
        "will be because of politics, not data.”"
    )
    quotes = counted(text)
    assert name(quotes[1]) == "Priya Raman"


def test_label_name_then_place() -> None:
    text = (
        "Reactions poured in:\n\n"
        "-   **Mayor Aftab Pureval, Cincinnati:** “This is the single biggest win our "
        "region has seen in a generation.”"
    )
    x = counted(text)[-1]
    assert name(x) == "Aftab Pureval"


def test_colon_lead_in_without_verb_in_previous_paragraph() -> None:
    text = (
        "Transportation Secretary Pete Buttigieg, visiting the site, struck a different "
        "note:\n\n"
        "“A bridge like this is not a luxury. It is how a truck gets to market.”"
    )
    (x,) = counted(text)
    assert name(x) == "Pete Buttigieg"


def test_colon_lead_in_without_person_gets_no_speaker() -> None:
    text = "The full text of the letter follows:\n\n“We regret to inform you of the delay.”"
    (x,) = counted(text)
    assert x.speaker is None


# -- judging verbs with "as" ---------------------------------------------------


def test_described_as_after_a_noun_of_a_work() -> None:
    # "book as" no longer triggers the title guard ("the book “Lowland”" still does).
    text = "**Your publisher described the new book as “your most personal yet.” Is it?**"
    (x,) = counted(text)
    assert mention(x) == "Your publisher"


def test_promoted_as_fragment() -> None:
    text = "The festival had promoted it as a “bold reimagining” of the 1961 book."
    (x,) = counted(text)
    assert x.kind == "fragment"
    assert "festival" in (mention(x) or "").lower()


def test_auxiliary_between_speaker_and_cue() -> None:
    text = "The lead actor had described the script as “a love letter to the valley.”"
    (x,) = counted(text)
    assert mention(x) == "The lead actor"


def test_title_guard_still_applies_without_as() -> None:
    text = "She spent a year on the book “Lowland” before it sold."
    assert [x.kind for x in q(text)] == ["scare"]


# -- organisations and documents ----------------------------------------------


def test_festival_said_it_had_and_would() -> None:
    text = (
        "In a post on its website, the festival said it had “listened carefully to "
        "concerns raised by members of the community” and would “not proceed with the "
        "production in its current form.”"
    )
    quotes = counted(text)
    assert len(quotes) == 2
    assert all("festival" in (mention(x) or "") for x in quotes)


def test_document_as_source() -> None:
    text = "According to the port’s own forecast, “container traffic will double by 2035.”"
    (x,) = counted(text)
    assert mention(x) == "the port’s own forecast"
    assert x.speaker is not None and x.speaker.type == "unknown"


def test_in_a_statement_is_a_cue_not_a_document_source() -> None:
    text = (
        "The farmers’ association said in a statement: „Wir stehen an der Seite unserer Kollegen.“"
    )
    (x,) = counted(text)
    assert "association" in (mention(x) or "")


# -- chants --------------------------------------------------------------------


def test_chant_after_chorus_of() -> None:
    text = (
        "Doyle’s winner sent the home end into a chorus of “Hammer time! Hammer time!” "
        "that lasted well after the final whistle."
    )
    (x,) = counted(text)
    assert mention(x) == "the home end"


def test_chant_from_the_crowd() -> None:
    text = "Chants of “Four more years!” rose from the crowd as the senator arrived."
    (x,) = counted(text)
    assert "crowd" in (mention(x) or "")


# -- marks and headlines -------------------------------------------------------


def test_french_guillemets_with_inner_spaces() -> None:
    text = (
        "« Nous ne sommes pas contre le commerce, nous sommes contre la concurrence "
        "déloyale », a déclaré Arnaud Rousseau, président de la FNSEA, aux journalistes."
    )
    (x,) = counted(text)
    assert x.text.strip().startswith("Nous") and x.text.strip().endswith("déloyale")
    assert name(x) == "Arnaud Rousseau"


def test_danish_guillemets_still_open_with_right_pointing_mark() -> None:
    text = "»Vi er ikke imod handel«, sagde Mette Hansen."
    (x,) = counted(text)
    assert x.text == "Vi er ikke imod handel"


def test_quoted_headline_with_colon_is_a_heading() -> None:
    text = (
        "“I still write every morning”: a conversation with novelist Ines Carvalho\n\n"
        "Ines Carvalho has published eleven novels. “I sit at the desk at seven,” she said."
    )
    kinds = [x.kind for x in q(text)]
    assert kinds == ["heading", "quote"]


def test_quote_then_colon_in_a_sentence_is_not_a_heading() -> None:
    text = "“We will rebuild”: that was the promise Mayor Jane Roe made on Monday."
    assert [x.kind for x in q(text)] != ["heading"]


# -- datelines -----------------------------------------------------------------


def test_dateline_end() -> None:
    for lead in (
        "**11:45 a.m.** — ",
        "MILLBROOK, Pa. (AP) — ",
        "CEDAR FALLS — ",
        "LUFKIN, Texas — ",
    ):
        text = lead + "A former treasurer was sentenced."
        assert dateline_end(text, 0, len(text)) == len(lead)
    for text in ("NATO — the alliance said", "The man — who left — said", "“Q” — Smith"):
        assert dateline_end(text, 0, len(text)) is None


def test_dateline_is_not_a_sentence_subject() -> None:
    text = (
        "WASHINGTON (AP) — Senator Jane Roe said on Tuesday that the bill would pass.\n\n"
        "“We have the votes,” she said."
    )
    (x,) = counted(text)
    assert name(x) == "Jane Roe"


def test_sentence_index_agrees_with_sentence_start_before() -> None:
    text = (
        "WASHINGTON (AP) — Mr. Smith spoke. “Q1,” he said. Then Dr. Jones left. “Q2.”\n\n"
        "Short one. “Q3,” said U.S. Rep. Ann Lee. Another sentence! And “Q4”? Yes.\n\n"
        + "Long sentence without an end " * 80
        + "“Q5.”"
    )
    masked = mask_markup(text)
    paras = paragraphs(text)
    idx = SentenceIndex(masked, paras)
    checked = 0
    for pi, (lo, hi) in enumerate(paras):
        for pos in range(lo, hi):
            if text[pos] == "“":
                assert idx.start_before(pos, pi) == sentence_start_before(masked, pos, lo)
                checked += 1
    assert checked == 5  # Q1 to Q5
