"""Suppression comments and attributes, and how located quotes fall under them."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from quoteverify.article import load_article
from quoteverify.extract import extract_quotes
from quoteverify.position import LineIndex, locate_quotes, read_original
from quoteverify.suppress import Suppression, find_suppressions, suppression_for


def _covered(text: str, s: Suppression) -> str:
    return text[s.start : s.end]


# ---------------------------------------------------------------- next line


def test_next_line_covers_own_line_rest_and_next_content_line() -> None:
    text = textwrap.dedent(
        """\
        Intro.
        <!-- quoteverify-disable-next-line paraphrase, checked by the desk -->

        <!-- quoteverify-source https://example.org/t -->
        “First quote,” he said.
        “Second quote,” she said.
        """
    )
    [s], problems = find_suppressions(text, "markdown")
    assert problems == []
    assert s.kind == "next-line"
    assert s.reason == "paraphrase, checked by the desk"
    assert s.line == 2
    # Blank and comment-only lines (a pin) are skipped: line 5 is the one covered.
    assert _covered(text, s).endswith("“First quote,” he said.")
    assert s.start == text.index("-->") + 3
    first = text.index("First")
    assert suppression_for([s], first, first + 12) == s
    second = text.index("Second")
    assert suppression_for([s], second, second + 13) is None


def test_next_line_same_line_after_the_comment() -> None:
    text = "“Before,” he said. <!-- quoteverify-disable-next-line: satire --> “After,” she said.\nNext “line”.\nLast “one”.\n"
    [s], problems = find_suppressions(text, "text")
    assert problems == []
    assert s.reason == "satire"
    assert suppression_for([s], text.index("Before"), text.index("Before") + 6) is None
    assert suppression_for([s], text.index("After"), text.index("After") + 5) == s
    at = text.index("“line”") + 1
    assert suppression_for([s], at, at + 4) == s
    assert suppression_for([s], text.index("one"), text.index("one") + 3) is None


def test_next_line_in_html_skips_tag_only_lines() -> None:
    text = (
        "<article>\n"
        "<!-- quoteverify-disable-next-line quoted from a translation -->\n"
        "<blockquote>\n"
        "  <p>“Quoted words here.”</p>\n"
        "</blockquote>\n"
        "<p>“Other words.”</p>\n"
    )
    [s], problems = find_suppressions(text, "html")
    assert problems == []
    assert LineIndex(text).line_col(s.end) == (4, 30)
    assert suppression_for([s], text.index("Quoted"), text.index("here.")) == s
    assert suppression_for([s], text.index("Other"), text.index("words.")) is None


def test_next_line_at_end_of_file_covers_to_the_end() -> None:
    text = "x\n<!-- quoteverify-disable-next-line nothing follows -->\n\n"
    [s], _ = find_suppressions(text, "markdown")
    assert s.end == len(text)


def test_crlf_next_line_ends_before_the_line_break() -> None:
    text = "<!-- quoteverify-disable-next-line ok -->\r\n“Q,” he said.\r\nNext.\r\n"
    [s], _ = find_suppressions(text, "markdown")
    assert _covered(text, s) == "\r\n“Q,” he said.\r"
    assert LineIndex(text).line_col(s.end) == (2, 14)


# ---------------------------------------------------------------- ranges


def test_range_between_disable_and_enable() -> None:
    text = textwrap.dedent(
        """\
        “Outside,” one said.
        <!-- quoteverify-disable translated from French -->
        “Inside one,” two said.

        “Inside two,” three said.
        <!-- quoteverify-enable -->
        “After,” four said.
        """
    )
    [s], problems = find_suppressions(text, "markdown")
    assert problems == []
    assert (s.kind, s.reason, s.line) == ("range", "translated from French", 2)
    assert _covered(text, s) == "\n“Inside one,” two said.\n\n“Inside two,” three said.\n"
    for word, expected in (
        ("Outside", None),
        ("Inside one", s),
        ("Inside two", s),
        ("After", None),
    ):
        at = text.index(word)
        assert suppression_for([s], at, at + len(word)) == expected, word


def test_unterminated_range_runs_to_the_end() -> None:
    text = "a\n<!-- quoteverify-disable -- archive copy -->\nb “c” d\n"
    [s], problems = find_suppressions(text, "text")
    assert problems == []
    assert s.reason == "archive copy"
    assert s.end == len(text)


def test_range_without_reason_does_not_suppress_and_its_enable_is_not_stray() -> None:
    text = "<!-- quoteverify-disable -->\n“A” b\n<!-- quoteverify-enable -->\n"
    found, problems = find_suppressions(text, "markdown")
    assert found == []
    assert problems == ["line 1: quoteverify-disable needs a reason"]


def test_stray_enable_and_nested_disable_are_reported() -> None:
    text = (
        "<!-- quoteverify-enable -->\n"
        "<!-- quoteverify-disable outer reason -->\n"
        "<!-- quoteverify-disable inner reason -->\n"
        "“x”\n"
        "<!-- quoteverify-enable -->\n"
    )
    [s], problems = find_suppressions(text, "markdown")
    assert s.reason == "outer reason"
    assert s.line == 2
    assert problems == [
        "line 1: quoteverify-enable without a quoteverify-disable before it",
        "line 3: quoteverify-disable inside the range disabled on line 2 is ignored",
    ]


# ---------------------------------------------------------------- problems


def test_missing_reasons_and_unknown_directives() -> None:
    text = textwrap.dedent(
        """\
        Para one.

        <!-- quoteverify-disable-next-line -->
        “A,” said B.
        <!-- quoteverify-disabel typo here -->
        <!-- quoteverify ignore this -->
        <!-- QUOTEVERIFY-DISABLE-NEXT-LINE   -->
        <!-- quoteverify-source -->
        <!-- quoteverify-source https://example.org/transcript -->
        <!-- an ordinary comment mentioning quoteverify-disable -->
        """
    )
    found, problems = find_suppressions(text, "markdown")
    assert found == []
    assert problems == [
        "line 3: quoteverify-disable-next-line needs a reason",
        "line 5: unknown directive quoteverify-disabel (did you mean quoteverify-disable?)",
        "line 6: unknown directive quoteverify (expected quoteverify-disable-next-line, "
        "quoteverify-disable or quoteverify-enable)",
        "line 7: quoteverify-disable-next-line needs a reason",
        "line 8: quoteverify-source needs a URL",
    ]


def test_multi_line_comment_reason_and_line_of_its_start() -> None:
    text = "x\n\n<!--\n  quoteverify-disable-next-line\n  long reason\n  over lines\n-->\n“Q”\n"
    [s], problems = find_suppressions(text, "markdown")
    assert problems == []
    assert (s.reason, s.line) == ("long reason over lines", 3)
    assert _covered(text, s) == "\n“Q”"


def test_comments_in_markdown_code_are_examples_not_directives() -> None:
    text = textwrap.dedent(
        """\
        Use `<!-- quoteverify-disable-next-line -->` with a reason.

        ```html
        <!-- quoteverify-disable -->
        <p data-quoteverify-ignore>x</p>
        ```

        ~~~
        <!-- quoteverify-disabel -->
        ~~~
        <!-- quoteverify-disable-next-line real one -->
        “Q,” he said.
        """
    )
    [s], problems = find_suppressions(text, "markdown")
    assert problems == []
    assert s.line == 11


def test_comments_in_indented_code_are_examples_too() -> None:
    # The article reader leaves an indented code block out (CommonMark), so a
    # comment there is shown, not obeyed; one in an indented paragraph line is not code.
    text = (
        "How to suppress:\n\n"
        "    <!-- quoteverify-disable-next-line -->\n\n"
        "The mayor said\n"
        "    <!-- quoteverify-disable-next-line minor -- house style -->\n"
        "“We will rebuild,” today.\n"
    )
    found, problems = find_suppressions(text, "markdown")
    assert problems == []
    assert [(s.line, s.reason) for s in found] == [(6, "house style")]


def test_html_code_is_not_special() -> None:
    # In HTML a comment is a comment wherever it stands.
    text = "<pre><!-- quoteverify-disable-next-line --></pre>\n"
    assert find_suppressions(text, "html") == (
        [],
        ["line 1: quoteverify-disable-next-line needs a reason"],
    )


# ---------------------------------------------------------------- attributes


HTML = """\
<html><body><article>
<p data-quoteverify-ignore="reader letter">“A,” said B.
<p>“C,” said D.</p>
<ul><li data-quoteverify-ignore="list item">one <b>bold</b><li>two</ul>
<img src="a.png" data-quoteverify-ignore="an image">
<div data-quoteverify-ignroe="typo"><br></div>
<section data-quoteverify-ignore="  "><p>“E”</p></section>
<div data-quoteverify-ignore="outer &amp; all">
  <div><p>“F,” said G.</div>
  <p>“H,” said I.
</div>
<blockquote data-quoteverify-ignore="unclosed">“J”
</article></body></html>
"""


def test_attribute_elements_and_implied_ends() -> None:
    found, problems = find_suppressions(HTML, "html")
    by_reason = {s.reason: s for s in found}
    assert set(by_reason) == {"reader letter", "list item", "an image", "outer & all", "unclosed"}
    assert all(s.kind == "attribute" for s in found)
    # An unclosed <p> ends where the next <p> starts.
    assert _covered(HTML, by_reason["reader letter"]) == (
        '<p data-quoteverify-ignore="reader letter">“A,” said B.\n'
    )
    assert _covered(HTML, by_reason["list item"]) == (
        '<li data-quoteverify-ignore="list item">one <b>bold</b>'
    )
    assert _covered(HTML, by_reason["an image"]) == (
        '<img src="a.png" data-quoteverify-ignore="an image">'
    )
    outer = _covered(HTML, by_reason["outer & all"])
    assert outer.startswith("<div") and outer.endswith("“H,” said I.\n</div>")
    assert by_reason["outer & all"].line == 8
    # Never closed: it ends where its parent's end tag starts.
    assert by_reason["unclosed"].end == HTML.index("</article>")
    assert problems == [
        "line 6: unknown attribute data-quoteverify-ignroe (did you mean data-quoteverify-ignore?)",
        "line 7: data-quoteverify-ignore needs a reason",
    ]
    at_c = HTML.index("C,")
    assert suppression_for(found, at_c, at_c + 2) is None
    at_h = HTML.index("H,")
    assert suppression_for(found, at_h, at_h + 2) == by_reason["outer & all"]


def test_attribute_in_markdown_raw_html() -> None:
    text = 'Intro.\n\n<div data-quoteverify-ignore="satire">\n\n“Fourth,” he joked.\n\n</div>\n\n“Fifth.”\n'
    [s], problems = find_suppressions(text, "markdown")
    assert problems == []
    assert (s.reason, s.line) == ("satire", 3)
    assert suppression_for([s], text.index("Fourth"), text.index("Fourth") + 7) == s
    assert suppression_for([s], text.index("Fifth"), text.index("Fifth") + 5) is None


def test_attributes_are_not_read_in_text_files() -> None:
    text = '<p data-quoteverify-ignore="x">“A”</p>\n'
    assert find_suppressions(text, "text") == ([], [])


def test_malformed_html_does_not_raise() -> None:
    assert find_suppressions('<![if x <p data-quoteverify-ignore="y">a', "html")[1] == []
    assert find_suppressions("<p <<< >>> </ </p>", "html") == ([], [])


# ---------------------------------------------------------------- with located quotes


def _suppressed_texts(path: Path) -> dict[str, str | None]:
    article = load_article(str(path))
    quotes = extract_quotes(article)
    original, fmt = read_original(path)
    located = locate_quotes(original, article, quotes)
    found, problems = find_suppressions(original, fmt)
    assert problems == []
    out: dict[str, str | None] = {}
    for q in quotes:
        s = suppression_for(found, *located[q.id])
        out[q.text] = s.reason if s else None
    return out


def test_end_to_end_markdown(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text(
        textwrap.dedent(
            """\
            ---
            title: Test
            ---

            The mayor said “we will rebuild the bridge” on Monday.

            <!-- quoteverify-disable-next-line the mayor's office confirmed by phone -->
            She added: “Nobody will be left
            behind,” and left.

            <!-- quoteverify-disable from a translated interview -->
            The minister said “the budget is balanced” and “taxes stay flat”.
            <!-- quoteverify-enable -->

            The governor replied “this is a fantasy” within hours.
            """
        ),
        encoding="utf-8",
    )
    assert _suppressed_texts(p) == {
        "we will rebuild the bridge": None,
        "Nobody will be left behind,": "the mayor's office confirmed by phone",
        "the budget is balanced": "from a translated interview",
        "taxes stay flat": "from a translated interview",
        "this is a fantasy": None,
    }


def test_end_to_end_html(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_text(
        "<!DOCTYPE html><html><head><title>T</title></head><body><article>\n"
        "<h1>Council meets</h1>\n"
        "<p>The mayor said &#8220;we will rebuild the bridge&#8221; on Monday.</p>\n"
        '<div data-quoteverify-ignore="letter to the editor, not reporting">\n'
        "<p>A reader wrote &ldquo;the bridge was never safe&rdquo; in March.</p>\n"
        "</div>\n"
        "<p>The governor replied &ldquo;this is a fantasy&rdquo; within hours.</p>\n"
        "</article></body></html>\n",
        encoding="utf-8",
    )
    got = _suppressed_texts(p)
    assert got["we will rebuild the bridge"] is None
    assert got["this is a fantasy"] is None
    assert got["the bridge was never safe"] == "letter to the editor, not reporting"


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_no_suppressions(fmt: str) -> None:
    assert find_suppressions("Plain “quote” here.\n", fmt) == ([], [])  # type: ignore[arg-type]
