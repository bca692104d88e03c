"""Verdicts end to end: prepare_source + judge."""

from pathlib import Path

import pytest

from quoteverify.align import prepare_source
from quoteverify.models import Source, Speaker
from quoteverify.verdict import judge

from .conftest import quote_by, transcript

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "seed" / "sources" / "state-2022-01-07-blinken-excerpt.txt"
BRIEFING = Path(__file__).parent / "data" / "briefing-2022-07-27-excerpt.md"

BLINKEN = Speaker("Antony Blinken", "Blinken", 0, 7, title="US Secretary of State")
KJP = Speaker("Karine Jean-Pierre", "Jean-Pierre", 0, 11, title="White House press secretary")


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    return prepare_source(Source(str(SEED), "ok", text, path=str(SEED)))


@pytest.fixture(scope="module")
def briefing():
    return prepare_source(Source("b", "ok", BRIEFING.read_text(encoding="utf-8")))


def quoted(text, speaker=BLINKEN, kind="quote"):
    return quote_by(text, speaker, kind)


def nonequal(r):
    return [(o.op, o.quote, o.source, o.flags) for o in r.diff if o.op != "equal"]


# -- the seed -----------------------------------------------------------------
def test_seed_quote_4_diverged_with_the_expected_diff(seed):
    r = judge(
        quoted(
            "I think a lesson from recent history is that once the Russians are in your "
            "house, sometimes it’s very difficult to get them to leave."
        ),
        [seed],
    )
    assert r.verdict == "diverged"
    ops = nonequal(r)
    assert ("replace", "a", "one", ()) in ops
    assert ("replace", "from", "in", ()) in ops
    assert ("insert", "the", "", ()) in ops
    assert ("insert", "sometimes", "", ("moved",)) in ops
    assert ("delete", "", "sometimes", ("moved",)) in ops
    assert "reordered: 'sometimes'" in r.notes
    assert 75 <= r.score < 100
    m = r.match
    assert m.speaker == "SECRETARY BLINKEN"
    assert m.text.startswith("I think one lesson in recent history")
    assert seed.source.text[m.start : m.end] == m.text
    assert m.line == seed.source.text.count("\n", 0, m.start) + 1
    assert m.context_before.endswith("Having said that,")
    assert r.source_scores == ((0, r.score),)
    # The diff covers the whole quote, in quote order.
    assert (
        " ".join(o.quote for o in r.diff if o.quote).split()
        == (
            "I think a lesson from recent history is that once the Russians are in your house "
            "sometimes it's very difficult to get them to leave"
        ).split()
    )


def test_seed_quote_3_is_not_verbatim_or_minor(seed):
    r = judge(
        quoted(
            "So we don’t know why they feel the need for outside help. So we are trying to "
            "find out more about it."
        ),
        [seed],
    )
    assert r.verdict in ("diverged", "not_found")
    assert any("negation" in o.flags for o in r.diff)
    assert any("contraction" in o.flags for o in r.diff)


def test_verbatim_ignores_typography_and_first_letter_case(seed):
    r = judge(
        quoted(
            "Once Russians are in your house, it's sometimes very difficult to get them to leave"
        ),
        [seed],
    )
    assert r.verdict == "verbatim" and r.score == 100
    assert r.match.text == (
        "once Russians are in your house, it’s sometimes very difficult to get them to leave"
    )
    r = judge(
        quoted(
            "\u201cRussia\u2019s aggressive actions are a threat to peace and security in "
            "Europe!\u201d".strip("\u201c\u201d")
        ),
        [seed],
    )
    assert r.verdict == "verbatim"


def test_minor_punctuation_and_spelling(seed):
    r = judge(quoted("So we’re trying to learn more about it."), [seed])  # source: "So, we’re"
    assert r.verdict == "minor"
    assert any("punctuation" in o.flags for o in r.diff)
    r = judge(
        quoted(
            "to do so in a way that respects the rights of protestors while maintaining law "
            "and order"
        ),
        [seed],
    )
    assert r.verdict == "minor"
    assert any(o.op == "replace" and o.flags == ("spelling",) for o in r.diff)


def test_numerals_vs_words_is_minor():
    ps = prepare_source(
        Source(
            "x",
            "ok",
            "MR. SMITH:  The war has killed nearly fourteen "
            "thousand people since then, officials said.",
        )
    )
    r = judge(
        quoted(
            "The war has killed nearly 14,000 people since then",
            Speaker("John Smith", "Smith", 0, 5),
        ),
        [ps],
    )
    assert r.verdict == "minor"


def test_number_change_is_flagged(seed):
    r = judge(
        quoted("It has killed nearly 15,000 people and redrawn Ukraine’s borders by force."), [seed]
    )
    assert r.verdict == "diverged"
    assert ("replace", "15,000", "14,000", ("number",)) in nonequal(r)
    assert any("number changed" in n for n in r.notes)


def test_negation_and_modal_flagged(seed):
    r = judge(
        quoted("But a diplomatic solution is not possible and preferable, if Russia chooses it."),
        [seed],
    )
    assert r.verdict == "diverged"
    assert any("negation" in o.flags for o in r.diff)
    r = judge(
        quoted("We would be prepared to respond forcefully to further Russian aggression."), [seed]
    )
    assert any("modal" in o.flags for o in r.diff)
    assert any("modal" in n for n in r.notes)


def test_contraction_only(seed):
    # The policy: contractions and full forms are minor, and the note says so.
    r = judge(
        quoted("We are prepared to respond forcefully to further Russian aggression."), [seed]
    )
    assert r.verdict == "minor"
    assert any(n.code == "contraction" for n in r.notes), r.notes
    assert nonequal(r) == [("replace", "We are", "We’re", ("contraction",))]


def test_bracket_insertion(seed):
    r = judge(
        quoted("[Moscow] has occupied Ukraine’s territory in Crimea and has orchestrated a war"),
        [seed],
    )
    # The policy: a marked insertion naming the referent is minor, and noted.
    assert r.verdict == "minor"
    assert any("bracket" in o.flags for o in r.diff)
    assert any(n.code == "bracket" for n in r.notes)


# -- fragments, not found, unverifiable --------------------------------------
def test_fragment(seed):
    r = judge(quoted("Happy New Year", kind="fragment"), [seed])
    assert r.verdict == "verbatim"
    r = judge(quoted("terrorists", kind="fragment"), [seed])
    assert r.verdict == "not_found"


def test_short_quote_fuzzy_is_not_verbatim(seed):
    r = judge(quoted("Russia is prepared to respond forcefully"), [seed])
    assert r.verdict in ("diverged", "not_found")


def test_not_found_reports_nearest_passage_and_where_matching_stopped(seed):
    r = judge(
        quoted(
            "Having said that, I think we will need to send more troops to the region "
            "before the winter comes."
        ),
        [seed],
    )
    assert r.verdict == "not_found"
    assert r.match is not None and r.match.text.startswith("Having said that")
    assert 0 <= r.score < 50
    assert "the first 5 words are in the source, the rest is not" in r.notes


def test_unverifiable_without_sources():
    r = judge(quoted("anything at all here"), [])
    assert r.verdict == "unverifiable" and r.notes == ("no source",)


# -- stitched -----------------------------------------------------------------
def test_stitched_marked(seed):
    r = judge(
        quoted(
            "Russia’s aggressive actions are a threat to peace and security in Europe … "
            "once Russians are in your house, it’s sometimes very difficult to get them "
            "to leave."
        ),
        [seed],
    )
    assert r.verdict == "stitched"
    assert any("marked by an ellipsis" in n for n in r.notes)
    assert len(r.match.parts) == 2
    assert any("ellipsis" in o.flags for o in r.diff)


def test_stitched_unmarked(seed):
    r = judge(
        quoted(
            "We’re prepared to respond forcefully to further Russian aggression. Moscow has "
            "also worked to undermine Ukraine’s democratic institutions."
        ),
        [seed],
    )
    assert r.verdict == "stitched"
    assert any("not marked by an ellipsis" in n for n in r.notes)
    (a0, a1), (b0, b1) = r.match.parts
    assert seed.source.text[a0:a1].startswith("We’re prepared")
    assert seed.source.text[b0:b1].startswith("Moscow has also")


def test_ellipsis_within_a_passage_is_an_elision(seed):
    r = judge(
        quoted(
            "Ever since, Russia has occupied Ukraine’s territory in Crimea … that has "
            "killed nearly 14,000 people and redrawn Ukraine’s borders by force."
        ),
        [seed],
    )
    # The policy's "elided": the omitted words are printed, none reverses the rest.
    assert r.verdict == "elided"
    assert any(n.code == "elision" and "leaves out 20 words" in n.text for n in r.notes)
    assert not any(n.code == "negation" for n in r.notes)
    r = judge(quoted("so it’s … clear why they feel the need for any outside assistance"), [seed])
    assert any("negation" in n for n in r.notes)  # the elision dropped "not"


# -- misattribution and ambiguity ----------------------------------------------
def test_reporters_question_attributed_to_press_secretary(briefing):
    r = judge(
        quoted(
            "Can you explain why he is not a part of this list of Americans that are a part "
            "of this exchange?",
            KJP,
        ),
        [briefing],
    )
    assert r.verdict == "misattributed"
    assert r.match.speaker == "Q"
    assert any("reporter" in n for n in r.notes)


def test_own_words_in_own_turn_are_verbatim(briefing):
    r = judge(quoted("Apologies for the delay.  I so apologize for that.", KJP), [briefing])
    assert r.verdict == "verbatim"
    assert r.match.speaker == "MS. JEAN-PIERRE"


def test_another_officials_words(briefing):
    r = judge(quoted("It was made several weeks ago.", KJP), [briefing])
    assert r.verdict == "misattributed"
    assert any("MR. KIRBY" in n for n in r.notes)


def test_no_speaker_never_misattributed(briefing):
    r = judge(quoted("It was made several weeks ago.", None), [briefing])
    assert r.verdict == "verbatim"


def test_ambiguous_lists_every_place():
    text = (
        "MR. SMITH:  We will not back down from this fight.\n\n"
        "Q  Why?\n\nMR. SMITH:  Because we will not back down from this fight.\n"
    )
    ps = prepare_source(Source("x", "ok", text))
    r = judge(
        quoted("we will not back down from this fight", Speaker("Al Smith", "Smith", 0, 5)), [ps]
    )
    assert r.verdict == "verbatim"
    assert "ambiguous: the words occur 2 times (lines 1, 5)" in r.notes


def test_best_source_wins_and_scores_per_source(seed, briefing):
    r = judge(
        quoted("once Russians are in your house, it’s sometimes very difficult"), [briefing, seed]
    )
    assert r.verdict == "verbatim"
    assert r.match.source_index == 1
    assert dict(r.source_scores)[1] == 100
    assert dict(r.source_scores)[0] < 100


def test_swapped_pair_around_and_is_reordered():
    # "watch and monitor" -> "monitor and watch": difflib reports an insert
    # and a delete of the same words in different order; that is a move.
    text = (
        "THE PRESIDENT: We will continue to watch and monitor the situation very "
        "closely, and we will keep our allies informed of every step we take."
    )
    ps = prepare_source(Source("x", "ok", text))
    r = judge(
        quoted(
            "We will continue to monitor and watch the situation very closely, "
            "and we will keep our allies informed",
            speaker=None,
        ),
        [ps],
    )
    assert r.verdict == "diverged"
    assert any("moved" in o.flags for o in r.diff)
    assert any(n.startswith("reordered:") for n in r.notes)


# -- a minor change on the quote's first or last word -------------------------
# edlib scores "the passage ends one word early, the quote's last word is
# inserted" the same as "the passage holds that word, replaced": the diff must
# still see the source word, or a spelling variant becomes an added word.
EDGE_TEXT = (
    "MS. JEAN-PIERRE:  Good afternoon.  Honor is what we owe them, and on this "
    "solemn day we honor the memory of the fallen and their families.  Sixty "
    "courts ruled against it, more than 60 courts in all, and the cases were "
    "closed.  Mobilize every resource we have, the President said, and I will "
    "mobilize every resource necessary.  I am going to turn things over to my "
    "colleague, Admiral John Kirby, who will share more.  Kirby will take a few "
    "questions after that, and then we will wrap up for the day.\n\n"
    "Q  Thank you, Karine.\n"
)


@pytest.fixture(scope="module")
def edge():
    return prepare_source(Source("edge", "ok", EDGE_TEXT))


@pytest.mark.parametrize(
    ("text", "quote_word", "source_word"),
    [
        # last word
        ("on this solemn day we honour", "honour", "honor"),
        ("the President said, and I will mobilise", "mobilise", "mobilize"),
        ("turn things over to my colleague, Admiral John Kirbey", "Kirbey", "Kirby"),
        ("Sixty courts ruled against it, more than sixty", "sixty", "60"),
        # first word
        ("Honour is what we owe them, and on this solemn day", "Honour", "Honor"),
        ("Mobilise every resource we have, the President said", "Mobilise", "Mobilize"),
        ("Kirbey will take a few questions after that", "Kirbey", "Kirby"),
        ("sixty courts in all, and the cases were closed", "sixty", "60"),
    ],
)
def test_minor_change_on_first_or_last_word(edge, text, quote_word, source_word):
    r = judge(quoted(text, KJP), [edge])
    assert r.verdict == "minor", (r.verdict, nonequal(r), r.notes)
    assert nonequal(r) == [("replace", quote_word, source_word, ("spelling",))]
    assert not any(n.startswith("number changed") for n in r.notes)


@pytest.mark.parametrize(
    "text",
    [
        "on this solemn day we honour the memory of the brave",  # added last word
        "Valour is what we owe them, and on this solemn day we",  # another word
        "Heroes is what we owe them, and on this solemn day we",
        "more than 70 courts in all, and the cases were closed",  # number changed
        "Sixty courts ruled against it, more than seventy",
        "turn things over to my colleague, Admiral John Kirkland",  # another name
    ],
)
def test_real_change_on_first_or_last_word_stays_diverged(edge, text):
    r = judge(quoted(text, KJP), [edge])
    assert r.verdict not in ("verbatim", "minor"), (r.verdict, nonequal(r))


# -- held-out error classes, on synthetic text ----------------------------------------
BIDEN = Speaker("Joe Biden", "Biden", 0, 5, title="President")
TRUMP = Speaker("Donald Trump", "Trump", 0, 5, title="President")


def test_inch_mark_does_not_turn_the_speech_into_a_quotation():
    # "6’4”": the ” is an inch mark.  Counting marks made everything after it
    # "quoted" (own words misattributed) and the critics' words that Biden
    # quoted his own (an UNSAFE verbatim).
    ps = transcript(
        "THE PRESIDENT:  Maybe I stand on it — I’ll be 6’4”. (Laughter.)\n\n"
        "They said, “Biden is so stupid, he didn’t know there were no seats.”\n\n"
        "Folks, we have created more jobs than any president in history.\n",
        "Remarks by President Biden on Bidenomics",
    )
    r = judge(quoted("we have created more jobs than any president in history", BIDEN), [ps])
    assert r.verdict == "verbatim", r.notes
    # The policy: words a speaker quotes are the speaker's, with a note.
    r = judge(quoted("Biden is so stupid, he didn’t know there were no seats.", BIDEN), [ps])
    assert r.verdict == "verbatim", r.notes
    assert [n.code for n in r.notes] == ["quoted-within"]


SHORT = (
    "THE PRESIDENT:  I mean, I have a warm spot in my heart for TikTok because I won on it.  "
    "They paid $10 million settlement to the county last year.  It’s an excellent question "
    "about municipalities and counties.  There’s nothing — nothing beyond our capacity if we "
    "work together, and the talent is very deep in this country.\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "a warm spot for TikTok",  # 'in my heart' dropped (edlib leaves 'for TikTok' out)
        "They paid a $10 million settlement.",  # an article supplied: run of 3, 5 of 6 paired
        "It’s a great question about municipalities.",  # synonym: one edit, 4 of 6 paired
        # A close paraphrase in quotation marks (policy "diverged"): "nothing,
        # beyond, capacity, together" stand in order in the speaker's passage.
        "There’s nothing beyond our capacity when we do it together.",
    ],
)
def test_short_quote_one_edit_away_is_diverged(text):
    ps = transcript(SHORT, "Press Gaggle by President Trump")
    r = judge(quoted(text, TRUMP), [ps])
    assert r.verdict == "diverged", (r.score, r.notes)


@pytest.mark.parametrize(
    "text",
    [
        "We will build a great wall with the money.",  # invented
    ],
)
def test_short_quote_several_edits_away_stays_not_found(text):
    ps = transcript(SHORT, "Press Gaggle by President Trump")
    r = judge(quoted(text, TRUMP), [ps])
    assert r.verdict == "not_found", (r.score, r.notes)


def test_short_rule_counts_paired_words_not_only_the_longest_run():
    from quoteverify.align._diff import WordDiff
    from quoteverify.models import DiffOp
    from quoteverify.thresholds import DEFAULT
    from quoteverify.verdict._passage import _short_paired

    # "They paid a $10 million settlement": 5 of 6 words paired, one edit.
    wd = WordDiff(
        ops=[
            DiffOp("equal", "They paid", "They paid"),
            DiffOp("insert", "a", ""),
            DiffOp("equal", "$10 million settlement", "$10 million settlement"),
        ],
        cost=1.0,
        q_len=6,
        s_len=5,
        longest_run=3,
        trailing_equal=3,
    )
    assert wd.matched_words == 5
    assert _short_paired(wd, 6, DEFAULT)


@pytest.mark.parametrize(
    ("quote", "source"),
    [("within our arms’ reach", "within our arms reach"), ("within our arms reach", "arms’ reach")],
)
def test_possessive_apostrophe_is_at_least_minor(quote, source):
    body = (
        "THE VICE PRESIDENT:  We have practical solutions that are within our "
        f"{source.split('our ')[-1]} today.\n"
    )
    ps = transcript(body, "Remarks by Vice President Harris")
    harris = Speaker("Kamala Harris", "Harris", 0, 6, title="Vice President")
    r = judge(quoted(quote, harris), [ps])
    assert r.verdict == "minor", (r.verdict, r.notes)


def test_unmarked_stitch_with_a_short_first_part_and_a_stray_going_to():
    # The main alignment kept "going to" near the second sentence, leaving only
    # "let him do it" unmatched (4 words, too short to search alone).
    filler = " ".join(
        f"Item {w} was reviewed by the {c} committee on {d}."
        for w, c, d in zip(
            "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi".split(),
            "budget rules ethics science energy labor housing trade health defense "
            "justice commerce transport water".split(),
            "Monday Tuesday Wednesday Thursday Friday Saturday Sunday March April May "
            "June July August October".split(),
            strict=True,
        )
    )
    body = (
        "THE PRESIDENT:  We’re not going to let him do it.  " + filler + "\n\n"
        "They are going to be bad.  I mean, they’re — and they’re so obvious just by the "
        "heading.\n"
    )
    ps = transcript(body, "Interview of President Trump")
    r = judge(
        quoted(
            "We’re not going to let him do it. I mean, they’re — and they’re so obvious just "
            "by the heading.",
            TRUMP,
        ),
        [ps],
    )
    assert r.verdict == "stitched", (r.score, r.notes)
    assert not any("negation" in n for n in r.notes)
