"""Tests of the extraction scorer (benchmarks/extraction.py) and of the gold corpus.

They test the scorer on tiny hand-made gold; the extractor's own score is only
reported by the benchmark, never asserted here.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import types
from pathlib import Path

import pytest

from quoteverify.models import Quote, Speaker

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "extraction"

_spec = importlib.util.spec_from_file_location(
    "bench_extraction", ROOT / "benchmarks" / "extraction.py"
)
assert _spec and _spec.loader
bx = importlib.util.module_from_spec(_spec)
sys.modules["bench_extraction"] = bx
_spec.loader.exec_module(bx)


def doc(text: str, ann: str, name: str = "d") -> bx.GoldDoc:
    return bx.GoldDoc(name, text, bx.parse_ann(ann))


def tline(tid: str, typ: str, text: str, *spans: tuple[int, int]) -> str:
    coords = ";".join(f"{a} {b}" for a, b in spans)
    return f"{tid}\t{typ} {coords}\t{bx.span_text(text, spans)}\n"


def predicted(
    text: str,
    inner: str,
    *,
    occurrence: int = 0,
    kind: str = "quote",
    speaker: Speaker | None = None,
    qid: str = "q1",
) -> Quote:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(inner, start + 1)
    return Quote(qid, inner, start, start + len(inner), kind=kind, speaker=speaker)  # type: ignore[arg-type]


def sp(text: str, mention: str, name: str) -> Speaker:
    i = text.index(mention)
    return Speaker(name=name, mention=mention, start=i, end=i + len(mention))


TEXT = "“We will win this fight,” Senator Jane Smith said. She added: “Nothing changes.”"


def simple_doc() -> bx.GoldDoc:
    t = TEXT
    c1 = (0, t.index(" Senator"))
    s1 = (t.index("Senator"), t.index(" said"))
    cue = (t.index("said"), t.index("said") + 4)
    c2 = (t.index("“Nothing"), len(t))
    s2 = (t.index("She"), t.index("She") + 3)
    ann = (
        tline("T1", "Source", t, s1)
        + tline("T2", "Cue", t, cue)
        + tline("T3", "Content", t, c1)
        + tline("T4", "Attribution", t, cue)
        + "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        + tline("T5", "Source", t, s2)
        + tline("T6", "Content", t, c2)
        + "R1\tAttribution Arg1:T5 Arg2:T6\n"
        + "#1\tAnnotatorNotes T5\tJane Smith\n"
    )
    return doc(t, ann)


# --------------------------------------------------------------------------- parsing


def test_parse_e_and_r_lines_and_notes() -> None:
    d = simple_doc()
    assert bx.validate(d) == []
    golds = bx.gold_quotes(d)
    assert [g.text for g in golds] == ["“We will win this fight,”", "“Nothing changes.”"]
    assert golds[0].source_text == "Senator Jane Smith"
    assert golds[1].source_text == "She" and golds[1].source_note == "Jane Smith"


def test_roles_in_any_order_and_named_roles_on_r_lines() -> None:
    t = "“Yes,” he said."
    ann = (
        tline("T1", "Content", t, (0, 6))
        + tline("T2", "Source", t, (7, 9))
        + tline("T3", "Cue", t, (10, 14))
        + "R1\tAttribution Source:T2 Content:T1\n"
        + "R2\tAttribution Content:T1 Cue:T3\n"
    )
    at = doc(t, ann).ann.attributions["T1"]
    assert (at.source, at.cue) == ("T2", "T3")


def test_polnear_example_mixed_content_and_discontinuous() -> None:
    # Shaped like PolNeAR's politico_2016-09-08_flynn... annotation.
    t = (
        "Donald Trump was “absolutely right” when he said that “the generals have been reduced.” "
        "“He is right,” Flynn said, “and so am I.”"
    )
    c_mixed = (0, t.index(" “He"))
    f1 = (t.index("“He"), t.index(" Flynn"))
    f2 = (t.index("“and"), len(t))
    src = (t.index("Flynn"), t.index("Flynn") + 5)
    cue = (t.index("said,"), t.index("said,") + 4)
    ann = (
        tline("T1", "Content", t, c_mixed)
        + "T2\tAttribution-no-source 0 0\t\n"
        + tline("T3", "Source", t, src)
        + tline("T4", "Cue", t, cue)
        + tline("T5", "Content", t, f1, f2)
        + tline("T6", "Attribution", t, cue)
        + "E1\tAttribution:T6 Cue:T4 Source:T3 Content:T5\n"
    )
    d = doc(t, ann)
    texts = [g.text for g in bx.gold_quotes(d)]
    assert texts == [
        "“absolutely right”",
        "“the generals have been reduced.”",
        "“He is right,”",
        "“and so am I.”",
    ]
    assert bx.gold_quotes(d)[2].source_text == "Flynn"


def test_fragments_split_by_line_breaks_are_one_segment() -> None:
    t = "“First line\n    second line\n\n“next paragraph.” she said"
    spans = [(0, 11), (16, 27), (29, 45)]
    d = doc(t, tline("T1", "Content", t, *spans))
    assert bx.validate(d) == []
    (g,) = bx.gold_quotes(d)
    assert (g.start, g.end) == (0, 45)


def test_fragments_a_space_apart_are_separate_segments() -> None:
    # extraction-wh-fresh7's Democrats text: one Content of three segments, the first
    # two a space apart (brat never splits there, so the annotator did).
    t = "vilifying ICE as “fascists,” “the Gestapo,” and “slave patrols,” inciting"
    spans = [(t.index("“fa"), t.index(" “the")), (t.index("“the"), t.index(" and"))]
    spans.append((t.index("“sl"), t.index(" inciting")))
    d = doc(t, tline("T1", "Content", t, *spans))
    assert [g.text for g in bx.gold_quotes(d)] == [
        "“fascists,”",
        "“the Gestapo,”",
        "“slave patrols,”",
    ]


def test_content_without_marks_is_not_scored() -> None:
    t = "He said the plan would fail."
    d = doc(t, tline("T1", "Content", t, (8, 27)))
    assert bx.gold_quotes(d) == []


@pytest.mark.parametrize(
    ("t", "content"),
    [
        ("”The White House is way up here,” Landrieu said.", "”The White House is way up here,”"),
        ("“ We tried to get a cross-section,” he said.", "“ We tried to get a cross-section,”"),
        (
            "Walsh was engaged, according to an official.”",
            "Walsh was engaged, according to an official.”",
        ),
        (
            'said," For example, schools can run an exercise".',
            'For example, schools can run an exercise"',
        ),
    ],
)
def test_content_with_a_broken_opening_mark_is_one_segment(t: str, content: str) -> None:
    a = t.index(content)
    d = doc(t, tline("T1", "Content", t, (a, a + len(content))))
    (g,) = bx.gold_quotes(d)
    assert g.text == content


def test_apostrophes_are_not_quoted_stretches() -> None:
    t = "He said Jones' plan for the '90s won't 'work' here"
    assert [t[a:b] for a, b in bx._quoted_stretches(t, 0, len(t))] == ["'work'"]


def test_validate_reports_bad_text_and_missing_refs() -> None:
    t = "“Yes,” he said."
    ann = "T1\tContent 0 6\t“Yes”\nT2\tSource 7 9\the\nE1\tAttribution:T9 Content:T1 Source:T2\n"
    problems = bx.validate(doc(t, ann))
    assert any("T1" in p and "text" in p for p in problems)
    assert any("T9" in p for p in problems)
    assert bx.validate(doc(t, "T1\tContent 0 99\tx\n"))


# --------------------------------------------------------------------------- matching


def test_overlap_thresholds() -> None:
    t = "“one two three four five six seven eight nine ten,” she said."
    d = doc(t, tline("T1", "Content", t, (0, t.index(" she"))))
    half = predicted(t, "one two three four five six")  # about 55 % of the gold segment
    res = bx.score([d], {"d": [half]}, (0.3, 0.8))
    assert bx.metrics(res.matchings[0.3])["tp"] == 1
    m8 = bx.metrics(res.matchings[0.8])
    assert (m8["tp"], m8["fp"], m8["fn"]) == (0, 1, 1)


def test_predicted_span_is_widened_by_adjacent_marks() -> None:
    t = "He said: “‘Yes.’” Then left."
    d = doc(t, tline("T1", "Content", t, (t.index("“"), t.index(" Then"))))
    pred = predicted(t, "Yes.")  # marks excluded, nested ones too
    assert bx.widen(t, pred.start, pred.end) == (t.index("“"), t.index(" Then"))
    res = bx.score([d], {"d": [pred]}, (1.0,))
    assert bx.metrics(res.matchings[1.0])["tp"] == 1


def test_fp_fn_counting_and_uncounted_kinds() -> None:
    d = simple_doc()
    t = d.text
    preds = [
        predicted(t, "We will win this fight,"),
        predicted(t, "Nothing changes.", kind="scare"),  # not an attribution: the gold is missed
        Quote("q3", "win", t.index("win"), t.index("win") + 3),  # inside the matched gold: FP
    ]
    res = bx.score([d], {"d": preds})
    m = bx.metrics(res.matchings[0.8])
    assert (m["gold"], m["predicted"], m["tp"], m["fp"], m["fn"]) == (2, 2, 1, 1, 1)
    assert m["precision"] == 0.5 and m["recall"] == 0.5 and m["f1"] == 0.5
    miss = bx.misses(res, 0.8)
    assert miss["false_negatives"][0]["why"] == "predicted as scare"
    assert miss["false_positives"][0]["text"] == "win"


def test_matching_is_one_to_one() -> None:
    d = simple_doc()
    t = d.text
    dup = [
        predicted(t, "We will win this fight,"),
        predicted(t, "We will win this fight,", qid="q2"),
    ]
    m = bx.metrics(bx.score([d], {"d": dup}).matchings[0.3])
    assert (m["tp"], m["fp"], m["fn"]) == (1, 1, 1)


def test_no_predictions_and_empty_gold() -> None:
    d = simple_doc()
    m = bx.metrics(bx.score([d], {}).matchings[0.8])
    assert (m["tp"], m["fn"], m["precision"], m["recall"], m["f1"]) == (0, 2, 0.0, 0.0, 0.0)


# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("mention", "name", "right"),
    [
        ("Senator Jane Smith", "Jane Smith", True),  # span overlaps the Source
        ("Smith", "Jane Smith", True),
        ("She", "Jane Smith", True),
        ("fight", "SMITH", True),  # by surname only, case-insensitive
        ("fight", "John Doe", False),
        ("fight", "she", False),  # a pronoun is no surname
    ],
)
def test_speaker_matching_first_quote(mention: str, name: str, right: bool) -> None:
    d = simple_doc()
    t = d.text
    g = bx.gold_quotes(d)[0]
    if mention == "Smith":
        i = t.index("Smith")
        speaker = Speaker(name, mention, i, i + 5)
    else:
        speaker = sp(t, mention, name)
    pred = Quote("q1", "x", 1, 24, speaker=speaker)
    assert bx.speaker_right(g, pred) is right


def test_speaker_matching_uses_the_note_for_pronouns() -> None:
    d = simple_doc()
    g = bx.gold_quotes(d)[1]  # Source "She", note "Jane Smith"
    far = Speaker("Jane Smith", "Jane Smith", 900, 910)
    assert bx.speaker_right(g, Quote("q2", "x", 0, 1, speaker=far))
    assert not bx.speaker_right(g, Quote("q2", "x", 0, 1, speaker=None))


def test_speaker_named_needs_the_resolved_name() -> None:
    d = simple_doc()
    g = bx.gold_quotes(d)[1]  # Source "She", note "Jane Smith"
    t = d.text
    a = t.index("She")
    unresolved = Speaker("she", "She", a, a + 3)
    assert bx.speaker_right(g, Quote("q2", "x", 0, 1, speaker=unresolved))
    assert not bx.speaker_named(g, Quote("q2", "x", 0, 1, speaker=unresolved))
    wrong = Speaker("Tom Jones", "She", a, a + 3)
    assert not bx.speaker_named(g, Quote("q2", "x", 0, 1, speaker=wrong))
    right = Speaker("Jane Smith", "She", a, a + 3)
    assert bx.speaker_named(g, Quote("q2", "x", 0, 1, speaker=right))


def test_speaker_accuracy_counts_matched_quotes_only() -> None:
    d = simple_doc()
    t = d.text
    preds = [
        predicted(t, "We will win this fight,", speaker=sp(t, "Senator Jane Smith", "Jane Smith")),
        predicted(t, "Nothing changes.", speaker=Speaker("Tom Jones", "Tom Jones", -1, -1)),
    ]
    res = bx.score([d], {"d": preds})
    m = bx.metrics(res.matchings[0.8])
    assert (m["speaker_right"], m["speaker_judged"], m["speaker_accuracy"]) == (1, 2, 0.5)
    assert (m["speaker_named_right"], m["speaker_named_accuracy"]) == (1, 0.5)
    wrong = bx.misses(res, 0.8)["wrong_speakers"]
    assert [w["predicted_name"] for w in wrong] == ["Tom Jones"]


# --------------------------------------------------------------------------- corpus and CLI


def test_polnear_layout_is_loaded(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "nyt_2016_x.txt").write_text(TEXT, encoding="utf-8")
    ann = simple_doc()
    lines = [
        f"{tb.id}\t{tb.type} {tb.spans[0][0]} {tb.spans[0][1]}\t{tb.text}"
        for tb in ann.ann.tbounds.values()
    ]
    for name in ("nyt_2016_x_4b22.ann", "nyt_2016_x_5fec.ann"):
        (tmp_path / "attributions" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = bx.load_corpus(tmp_path)
    assert [d.name for d in docs] == ["text/nyt_2016_x"]  # one annotator per text
    assert bx.validate(docs[0]) == []


def test_cli_json_with_a_stand_in_extractor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    d = simple_doc()
    (tmp_path / "a.txt").write_text(d.text, encoding="utf-8")
    ann = (
        "".join(
            f"{tb.id}\t{tb.type} {tb.spans[0][0]} {tb.spans[0][1]}\t{tb.text}\n"
            for tb in d.ann.tbounds.values()
        )
        + "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    )
    (tmp_path / "a.ann").write_text(ann, encoding="utf-8")

    def fake(article):  # noqa: ANN001, ANN202
        return [predicted(article.text, "We will win this fight,")]

    monkeypatch.setitem(
        sys.modules, "quoteverify.extract", types.SimpleNamespace(extract_quotes=fake)
    )
    assert bx.main([str(tmp_path), "--json", "--threshold", "0.5"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["documents"] == 1 and out["gold_quotations"] == 2
    assert [m["threshold"] for m in out["metrics"]] == [0.3, 0.5, 0.8]
    assert out["timing"]["bytes"] >= 1_000_000
    assert len(out["misses"]["false_negatives"]) == 1
    assert bx.main([str(tmp_path), "--no-timing"]) == 0
    md = capsys.readouterr().out
    assert "| 80% | 2 | 1 | 1 | 0 | 1 |" in md and "Nothing changes." in md


def test_fixture_corpus_is_valid() -> None:
    docs = bx.load_corpus(CORPUS)
    assert len(docs) >= 40
    for d in docs:
        assert d.txt_path and d.ann_path
        assert bx.validate(d) == [], d.name
        # every T text equals the .txt slice, every E/R names existing T ids
        for tb in d.ann.tbounds.values():
            assert tb.text == " ".join(d.text[a:b] for a, b in tb.spans)
        for args in d.ann.relations.values():
            assert all(ref in d.ann.tbounds for _, ref in args)
    assert sum(len(bx.gold_quotes(d)) for d in docs) >= 150
    assert sorted(p.stem for p in CORPUS.glob("*.txt")) == sorted(
        p.stem for p in CORPUS.glob("*.ann")
    )
