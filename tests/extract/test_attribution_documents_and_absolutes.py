"""Speakers that are not people by name: documents, outlets, absolute
constructions (issue 11, class 3).

Sentences are from real articles (fixtures/extraction-realworld: Wikinews CC BY 2.5
and White House releases; the White House corpus; the project's fixtures)."""

from __future__ import annotations

from .conftest import counted, name


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


def test_the_media_and_local_news_speak_as_outlets() -> None:
    for text, who in (
        # White House, 2025-08-21 (wh-tuning) and 2025-02-21.
        (
            "“For the first time in a long time, D.C. has gone seven days without a"
            " homicide,” local news reports, as the Trump Administration continues its"
            " historic effort to Make D.C. Safe Again.\n",
            "local news",
        ),
        (
            "In northern Mexico, local news reports the flow of illegal immigrants seeking to"
            " enter the United States has “decreased enormously” — with facilities that once"
            " held thousands of illegals now seeing just a tiny fraction.\n",
            "local news",
        ),
        # White House, 2025-07-21.
        (
            "Even the media admits the U.S. economy is “regaining its swagger” under President"
            " Donald J. Trump.\n",
            "media",
        ),
    ):
        quotes = counted(text)
        assert [name(x) for x in quotes] == [who], quotes


def test_a_with_absolute_names_the_speaker_of_a_naming_verb() -> None:
    # White House, 2026-01-13 ("Section" was the speaker), and the NPR releases of
    # 2025-04-14 and 2025-05-02 (wh-fresh7, wh-fresh6: NPR, the main clause's
    # subject, was given its editor's words).
    text = (
        "Contrary to Fake News doomcasting, President Trump’s tariffs have had no impact"
        " on vehicle prices — while his Section 232 tariffs on heavy duty trucks have"
        " instead fueled a revival in domestic manufacturing, with Ford CEO Jim Farley"
        " calling it a “really big deal.”\n"
    )
    (x,) = counted(text)
    assert name(x) == "Jim Farley"
    text = (
        "NPR prolifically reported on the Russian collusion hoax, with the editor"
        " describing “[Adam] Schiff talking points” as “the drumbeat of NPR news"
        " reports.”\n"
    )
    assert [name(x) for x in counted(text)] == ["editor", "editor"]
