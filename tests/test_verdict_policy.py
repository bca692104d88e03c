"""docs/VERDICT-POLICY.md rule by rule, on small synthetic transcripts (issue 10)."""

from __future__ import annotations

from quoteverify.models import Quote, Speaker
from quoteverify.verdict import judge

from .conftest import quote_by, transcript


def _q(text: str, who: str = "Joe Biden", title: str | None = None) -> Quote:
    return quote_by(text, Speaker(who, who.split()[-1], 0, 5, title=title))


SPEECH = transcript(
    "THE PRESIDENT:  The officer's account will affect the outcome, and it is more than "
    "we hoped.  We are going to send aid to the Russian people, uh, and we — we will not "
    "stop.  I'm gonna say it plainly: the bill passed with 25 percent of the vote.\n"
)


def codes(r: object) -> list[str]:
    return [n.code for n in r.notes]  # type: ignore[attr-defined]


def test_a_different_dictionary_word_is_never_a_spelling():
    for text in (
        "The officer's account will effect the outcome",  # affect / effect
        "and it is more then we hoped",  # than / then
        "send aid to the Russia people",  # Russian / Russia
        "The officers account will affect the outcome",  # apostrophe: number/owner
    ):
        r = judge(_q(text), [SPEECH])
        assert r.verdict == "diverged", (text, r.verdict, r.notes)


def test_misspelling_contraction_numerals_are_minor():
    for text in (
        "The officer's acount will affect the outcome",  # not a word
        "I'm going to say it plainly",  # gonna / going to
        "the bill passed with 25% of the vote",
    ):
        r = judge(_q(text), [SPEECH])
        assert r.verdict == "minor", (text, r.verdict, r.notes)


def test_elision_and_the_negation_it_leaves_out():
    r = judge(_q("The officer's account will affect the outcome … we will not stop."), [SPEECH])
    assert r.verdict == "elided" and "elision" in codes(r)
    r = judge(_q("We are going to send aid to the Russian people … stop."), [SPEECH])
    assert r.verdict == "diverged" and "negation" in codes(r)
    assert any("'not'" in n for n in r.notes)


BRIEFING = transcript(
    "MS. PSAKI:  Good afternoon.\n\nQ  Why not send a test to every American home?\n\n"
    "MS. PSAKI:  Well, we have made an assessment.  As the senator said, “Nobody should "
    "pay for a test.”  And we agree.\n",
    title="Press Briefing by Press Secretary Jen Psaki",
)


def test_question_turns_are_anonymous():
    r = judge(_q("Why not send a test to every American home?", "Joey Garrison"), [BRIEFING])
    assert r.verdict == "verbatim" and codes(r) == ["question-turn"]
    # A labelled speaker of the source did not ask it.
    r = judge(_q("Why not send a test to every American home?", "Jen Psaki"), [BRIEFING])
    assert r.verdict == "misattributed"


def test_words_quoted_within_a_turn():
    r = judge(_q("Nobody should pay for a test.", "Jen Psaki"), [BRIEFING])
    assert r.verdict == "verbatim" and codes(r) == ["quoted-within"]
    r = judge(_q("Nobody should pay for a test.", "Bernie Sanders"), [BRIEFING])
    assert r.verdict == "verbatim" and any("quoted by MS. PSAKI" in n for n in r.notes)


CEREMONY = "THE PRESIDENT:  We gather to honor the fallen and their families today.\n"


def test_the_president_label_maps_through_the_office_table_by_date():
    ps = transcript(CEREMONY, title="Remarks at a Wreath-Laying Ceremony", date="2025-05-26")
    r = judge(_q("We gather to honor the fallen", "Donald Trump"), [ps])
    assert r.verdict == "verbatim" and "label-mapped" in codes(r)
    r = judge(_q("We gather to honor the fallen", "Joe Biden"), [ps])
    assert r.verdict == "misattributed"


def test_an_unmapped_label_is_unverifiable_not_misattributed():
    ps = transcript(CEREMONY, title="Remarks at a Wreath-Laying Ceremony")
    r = judge(_q("We gather to honor the fallen", "Donald Trump"), [ps])
    assert r.verdict == "unverifiable" and codes(r)[0] == "unmapped"
    r = judge(
        _q("We gather to honor the fallen", "Donald Trump"),
        [ps],
        aliases={"THE PRESIDENT": "Donald Trump"},
    )
    assert r.verdict == "verbatim" and "label-mapped" in codes(r)


def test_role_noun_speaker_is_not_a_surname():
    ps = transcript(CEREMONY, title="Remarks by President Biden at a Wreath-Laying Ceremony")
    r = judge(_q("We gather to honor the fallen", "The President"), [ps])
    assert r.verdict == "verbatim", r.notes


def test_a_sentence_run_on_across_an_interjection_is_one_passage():
    ps = transcript(
        "THE PRESIDENT:  You'll chip in a little something, like —\n\n"
        "GOVERNOR STEIN:  We will.\n\nTHE PRESIDENT:  — maybe 25 percent or whatever.  "
        "And we will rebuild the roads.\n",
        title="Remarks by President Trump in Asheville",
    )
    r = judge(
        _q("You'll chip in a little something like maybe 25% or whatever.", "Donald Trump"), [ps]
    )
    assert r.verdict == "minor" and "interjection" in codes(r), r.notes


def test_speaker_alias_flag_and_its_errors(tmp_path, capsys):
    import json

    from quoteverify.cli import main

    src = tmp_path / "s.md"
    src.write_text(f'---\ntitle: "Remarks at a Ceremony"\n---\n\n{CEREMONY}', encoding="utf-8")
    args = ["verify", "We gather to honor the fallen", "-s", str(src), "--speaker", "Donald Trump"]
    assert main([*args, "--format", "json", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["quotes"][0]["verdict"] == "unverifiable"
    alias = ["--speaker-alias", "THE PRESIDENT=Donald Trump"]
    assert main([*args, *alias, "--format", "json", "-q"]) == 0
    q = json.loads(capsys.readouterr().out)["quotes"][0]
    assert q["verdict"] == "verbatim" and q["notes"][0]["code"] == "label-mapped"
    assert main([*args, "--speaker-alias", "no equals sign"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "LABEL=NAME" in err and "Traceback" not in err


def test_fillers_and_stutters_removed_are_minor_other_dropped_words_are_not():
    for text, verdict in (
        ("send aid to the Russian people, and we will not stop", "minor"),  # uh, we — we
        ("send aid to the people, uh, and we — we will not stop", "diverged"),  # 'Russian'
    ):
        r = judge(_q(text), [SPEECH])
        assert r.verdict == verdict, (text, r.notes)
    r = judge(_q("send aid to the Russian people, and we will not stop"), [SPEECH])
    assert "disfluency" in codes(r)


def test_words_the_transcriber_added():
    ps = transcript(
        "THE PRESIDENT:  We just made [a deal] with them.  And the bridge is [inaudible] "
        "by Friday.\n"
    )
    for text in ("We just made a deal with them.", "We just made with them."):
        r = judge(_q(text), [ps])
        assert r.verdict == "minor" and "transcriber" in codes(r), (text, r.notes)
    r = judge(_q("And the bridge is finished by Friday."), [ps])
    assert r.verdict == "diverged" and "inaudible" in codes(r)


def test_every_note_code_is_a_documented_one():
    """The JSON contract: notes carry one of the codes README.md lists."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    para = readme[readme.index("Every note is") :]
    documented = set(re.findall(r"`([a-z-]+)`", para[: para.index("\n\n")]))
    texts = [
        "The officer's account will effect the outcome",
        "The officer's acount will affect the outcome",
        "send aid to the Russian people, and we will not stop",
        "The officer's account will affect the outcome … we will not stop.",
        "We are going to send aid to the Russian people … stop.",
        "the bill passed with 25% of the vote",
        "We will build a great wall with the money and the wall will be beautiful.",
    ]
    for text in texts:
        for note in judge(_q(text), [SPEECH]).notes:
            assert note.code in documented, (text, note.code, str(note))
