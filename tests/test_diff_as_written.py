"""Diffs print the words as written: the article's characters for the quote's
words, the source's for the source's ("$1.8", "well-known", "billion,"), while
the verdict still compares the normalised words (issue 13, section 2)."""

from __future__ import annotations

import json

from quoteverify.align import prepare_source
from quoteverify.models import Article, Quote, QuoteResult, Report, Source, Speaker
from quoteverify.report import report_html, report_json, report_markdown
from quoteverify.report._plain import plain_diff
from quoteverify.verdict import judge

SOURCE_TEXT = (
    "JANE DOE: Sales at the well-known R&D firm surpassed $1.8 billion, a record, she said.\n"
)
QUOTE = "Sales at the well‑known R&D firm surpassed $2.8 billion, a record"
ARTICLE = f"Jane Doe said “{QUOTE}” on Monday."


def _report() -> Report:
    source = Source("s.txt", "ok", SOURCE_TEXT, path="s.txt")
    start = ARTICLE.index(QUOTE)
    quote = Quote(
        "q1",
        QUOTE,
        start,
        start + len(QUOTE),
        speaker=Speaker("Jane Doe", "Jane Doe", 0, 8),
    )
    result: QuoteResult = judge(quote, [prepare_source(source)])
    return Report(Article("a.txt", ARTICLE, "text"), (result,), (source,))


def test_the_verdict_compares_normalised_words() -> None:
    r = _report().results[0]
    assert r.verdict == "diverged"
    changed = [o for o in r.diff if o.op == "replace"]
    assert [(o.source, o.quote, o.flags) for o in changed] == [("1.8", "2.8", ("number",))]
    assert changed[0].source_text == "$1.8" and changed[0].quote_text == "$2.8"


def test_markdown_diff_shows_dollar_hyphen_and_comma() -> None:
    md = report_markdown(_report())
    diff = md.split("**Diff**", 1)[1].split("\n\n", 2)[1].strip()
    assert "~~$1.8~~ **$2.8**" in diff
    # The article's non-breaking hyphen and the source's comma, as written.
    assert "well‑known" in diff and "billion, a record" in diff
    assert diff == (
        "Sales at the well‑known R&D firm surpassed ~~$1.8~~ **$2.8** *(number)* billion, a record"
    )


def test_html_diff_shows_dollar_hyphen_and_comma_escaped() -> None:
    html = report_html(_report())
    assert '<span class="w">$1.8</span>' in html
    assert '<span class="w">$2.8</span>' in html
    assert "well‑known R&amp;D firm surpassed" in html
    assert "billion, a record" in html
    assert "R&D firm" not in html.split("<body", 1)[1].replace("R&amp;D", "")


def test_json_keeps_normalised_words_and_adds_the_words_as_written() -> None:
    obj = json.loads(report_json(_report()))
    ops = obj["quotes"][0]["diff"]
    rep = next(o for o in ops if o["op"] == "replace")
    assert (rep["source"], rep["quote"]) == ("1.8", "2.8")
    assert (rep["source_text"], rep["quote_text"]) == ("$1.8", "$2.8")
    first = ops[0]
    assert "well-known" not in first["quote"] and "$" not in json.dumps(first["source"])
    assert "well‑known" in first["quote_text"] and "well-known" in first["source_text"]
    last = ops[-1]
    assert last["quote_text"] == "billion, a record"


def test_ci_message_diff_shows_the_words_as_written() -> None:
    text = plain_diff(list(_report().results[0].diff))
    assert "~~$1.8~~ [+$2.8+]" in text and "billion, a record" in text


def test_same_input_same_bytes() -> None:
    assert report_markdown(_report()) == report_markdown(_report())
    assert report_html(_report()) == report_html(_report())
    assert report_json(_report()) == report_json(_report())


def test_source_words_as_written_never_print_a_label_or_stage_direction() -> None:
    from quoteverify.align._diff import source_shown

    ps = prepare_source(
        Source(
            "s", "ok", "JANE DOE: We will win, “surely.”\n\nJOHN ROE: Yes — $5 (Applause.) now.\n"
        )
    )
    assert source_shown(ps, 0, ps.n_tokens) == "We will win, “surely.” Yes — $5 now."
    assert source_shown(ps, 3, 4) == "win,"
