"""Markdown structure the block reader must respect (issue 16): entity
references decoded, code blocks (indented and fenced) never read as prose,
backslash escapes removed; and ``position`` places the quotes exactly anyway."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteverify._markdown_reader import markdown_to_document
from quoteverify.article import load_article
from quoteverify.extract import extract_quotes
from quoteverify.position import LineIndex, locate_quotes_detailed, read_original

ROOT = Path(__file__).resolve().parents[1]

ISSUE_SAMPLE = (
    "Intro.\n\n"
    "Biden said &ldquo;We will win this race today.&rdquo;\n\n"
    '    code block: she said "not a quote here at all"\n\n'
    'Psaki said \\"We are done with it now.\\"\n'
)


def _quotes_and_places(tmp_path: Path, text: str) -> tuple[str, dict[str, tuple[str, str]]]:
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    article = load_article(str(path))
    quotes = extract_quotes(article)
    original, _fmt = read_original(path)
    locs = locate_quotes_detailed(original, article, quotes)
    out = {}
    for q in quotes:
        loc = locs[q.id]
        out[q.text] = (loc.quality, original[loc.start : loc.end])
    return original, out


def test_entity_quote_marks_are_decoded_and_the_quote_extracted(tmp_path: Path) -> None:
    doc = markdown_to_document("Biden said &ldquo;We will win&rdquo; &amp; AT&T &#8212; &#x2019;\n")
    assert doc.text == "Biden said “We will win” & AT&T — ’"
    _orig, got = _quotes_and_places(tmp_path, ISSUE_SAMPLE)
    assert got["We will win this race today."] == ("exact", "We will win this race today.")


def test_indented_code_block_is_not_prose(tmp_path: Path) -> None:
    doc = markdown_to_document(ISSUE_SAMPLE)
    assert "not a quote" not in doc.text
    _orig, got = _quotes_and_places(tmp_path, ISSUE_SAMPLE)
    assert not any("not a quote" in text for text in got)


def test_indented_lines_continuing_a_paragraph_or_list_item_stay_prose() -> None:
    text = (
        "The mayor said “we will\n"
        "    rebuild the bridge” on Monday.\n\n"
        "- A list item that goes on\n\n"
        "    in a second paragraph of the item.\n\n"
        "Back to prose.\n\n"
        "    code again\n"
    )
    doc = markdown_to_document(text)
    assert "“we will rebuild the bridge”" in doc.text
    assert "in a second paragraph of the item." in doc.text
    assert "code again" not in doc.text
    assert "Back to prose." in doc.text


def test_fenced_code_block_is_not_prose(tmp_path: Path) -> None:
    text = (
        "Intro.\n\n"
        "```python\n"
        'print("She said this is not a quote at all")\n'
        "```\n\n"
        "~~~\n"
        'he said "nor is this one, in a tilde fence"\n'
        "~~~\n\n"
        "Then Smith said “the fences are closed now” and left.\n"
    )
    doc = markdown_to_document(text)
    assert "not a quote" not in doc.text and "tilde" not in doc.text
    _orig, got = _quotes_and_places(tmp_path, text)
    assert list(got) == ["the fences are closed now"]
    assert got["the fences are closed now"][0] == "exact"


def test_backslash_escapes_are_removed(tmp_path: Path) -> None:
    doc = markdown_to_document('Psaki said \\"done\\", \\*not emphasis\\* and \\\\ one.\n')
    assert doc.text == 'Psaki said "done", *not emphasis* and \\ one.'
    original, got = _quotes_and_places(tmp_path, ISSUE_SAMPLE)
    quality, shown = got["We are done with it now."]
    assert quality == "exact"
    assert shown == "We are done with it now."
    start = original.index("We are done")
    # Columns are 1-based: the quote starts after `Psaki said \"`.
    assert LineIndex(original).span(start, start + len(shown))[:2] == (7, 14)


def test_escaped_link_brackets_are_not_a_link() -> None:
    doc = markdown_to_document(
        "See \\[not a link\\](https://example.org) and [a link](https://x.org).\n"
    )
    assert doc.text == "See [not a link](https://example.org) and a link."
    assert [link[:2] for link in doc.links] == [("a link", "https://x.org")]


def test_comments_do_not_change_which_lines_are_code(tmp_path: Path) -> None:
    text = (
        "Intro.\n\n"
        "  <!-- note --> Smith said “the comment is not indentation” today.\n\n"
        "<!-- a\nlong comment -->\n\n"
        '    she said "still code after a comment"\n'
    )
    doc = markdown_to_document(text)
    assert "the comment is not indentation" in doc.text
    assert "still code" not in doc.text
    _orig, got = _quotes_and_places(tmp_path, text)
    assert got == {"the comment is not indentation": ("exact", "the comment is not indentation")}


# ---------------------------------------------------------------- CommonMark blocks


def test_a_line_of_no_break_spaces_separates_paragraphs() -> None:
    # The White House transcripts separate turns with a line holding U+00A0;
    # CommonMark alone would run every turn into one paragraph.
    psaki = "MS. PSAKI:\xa0 Hi, everyone.\xa0 \n\xa0 \nQ\xa0 \xa0 Hello.\n"
    assert markdown_to_document(psaki).text == "MS. PSAKI: Hi, everyone.\n\nQ Hello."
    musk = "Q You’re okay with that?\n\u00a0\nMR. MUSK: I mean, I left it up to the lawyers.\n"
    assert markdown_to_document(musk).text.split("\n\n") == [
        "Q You’re okay with that?",
        "MR. MUSK: I mean, I left it up to the lawyers.",
    ]


def test_a_number_wrapped_to_the_start_of_a_line_is_not_a_list() -> None:
    # The hand-written reader took "2." for a list marker and dropped it.
    nord = "the statement about Nord Stream\n2.\xa0 We can come back to that.\n"
    assert (
        markdown_to_document(nord).text
        == "the statement about Nord Stream 2. We can come back to that."
    )
    may = "we faced a deadline — May\n1.\xa0 The Taliban onslaught was coming.\n"
    assert (
        markdown_to_document(may).text
        == "we faced a deadline — May 1. The Taliban onslaught was coming."
    )


def test_raw_html_tags_and_blocks_are_not_prose() -> None:
    span = 'must <span style="text-decoration: underline">always be built\non</span> trust.\n'
    assert markdown_to_document(span).text == "must always be built on trust."
    img = 'Before.\n\n<img src="a.gif" title="Anchor" width="1" />\n\nAfter.\n'
    assert markdown_to_document(img).text == "Before.\n\nAfter."
    script = '<script>\nvar said = "not a quote";\n</script>\n\nShe said “yes.”\n'
    assert markdown_to_document(script).text == "She said “yes.”"


def test_blockquote_paragraphs_stay_apart() -> None:
    text = "Intro.\n> “We will rebuild,” she said.\n>\n> “And soon,” he said.\n"
    assert markdown_to_document(text).text.split("\n\n") == [
        "Intro.",
        "“We will rebuild,” she said.",
        "“And soon,” he said.",
    ]


def test_links_keep_the_destination_as_written() -> None:
    doc = markdown_to_document(
        '[Remarks](https://example.org/café?a=1&amp;b=2 "t") and [ref][r].\n\n'
        "[r]: https://example.org/r\n"
    )
    assert doc.text == "Remarks and ref."
    assert [link[:2] for link in doc.links] == [
        ("Remarks", "https://example.org/café?a=1&b=2"),
        ("ref", "https://example.org/r"),
    ]


# ---------------------------------------------------------------- the offset map


def _written(text: str, i: int, original: str, doc_offsets: object) -> str:
    a, b = doc_offsets.span(i, i + 1)  # type: ignore[attr-defined]
    return original[a:b]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_every_character_maps_to_what_it_was_written_as(newline: str) -> None:
    original = newline.join(
        [
            "---",
            "title: T",
            "---",
            "# A *heading*",
            "",
            '> Biden said &ldquo;We will win&rdquo; and \\"ok\\"',
            "> on [a link](https://x.org/a.b) `code` <b>bold</b>.",
            "",
            "    code block",
            "",
            "- item one",
            "",
        ]
    )
    doc = markdown_to_document(original)
    assert (
        doc.text
        == 'A heading\n\nBiden said “We will win” and "ok" on a link code bold.\n\nitem one'
    )
    assert doc.offsets is not None and len(doc.offsets.starts) == len(doc.text)
    special = {"“": "&ldquo;", "”": "&rdquo;", '"': '\\"'}
    for i, ch in enumerate(doc.text):
        written = _written(doc.text, i, original, doc.offsets)
        if "\n\n" in (doc.text[i : i + 2], doc.text[i - 1 : i + 1]):
            continue  # a paragraph break stands for whatever lay between
        if ch.isspace():
            assert not written.strip(" \r\n>"), (i, written)
        else:
            assert written == special.get(ch, ch), (i, ch, written)


WHITEHOUSE_MARKDOWN = sorted((ROOT / "fixtures" / "whitehouse" / "sources").glob("*.md"))


@pytest.mark.parametrize("path", WHITEHOUSE_MARKDOWN[:2], ids=lambda p: p.name)
def test_the_map_places_quotes_where_finding_their_words_does(path: Path) -> None:
    from dataclasses import replace

    from quoteverify.position import _Locator

    article = load_article(str(path))
    quotes = extract_quotes(article)
    assert article.original is not None and quotes
    looked_up = locate_quotes_detailed(article.original, article, quotes)
    found = _Locator(article.original, replace(article, offsets=None)).locate(quotes)
    assert {k: (v.start, v.end) for k, v in looked_up.items()} == {
        k: (v.start, v.end) for k, v in found.items()
    }


_PIECES = [
    *"ab “”\"'\\*_`[]()<>!&;#-=>\n\r\t\xa0:1.",
    *("&ldquo;", "&amp;", "&#x2019;", "<!--", "-->", "```", "    ", "> ", "- ", "<b>", "</b>"),
    *("](http://x)", "<!-- quoteverify-source http://p -->", "<http://a.b>", '\\"', "[r]"),
    "[r]: http://r\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_the_map_holds_on_any_markup(original: str) -> None:
    # Code spans over line breaks, tabs taken as list indentation, lines of
    # no-break spaces, shortcut links followed by brackets: each once put the
    # map out of step with the text (found by this test's random search).
    doc = markdown_to_document(original)
    assert doc.offsets is not None and len(doc.offsets.starts) == len(doc.text)
    for i, ch in enumerate(doc.text):
        a, b = doc.offsets.span(i, i + 1)
        assert 0 <= a <= b <= len(original)
        if ch.isspace() or "\n\n" in (doc.text[i : i + 2], doc.text[i - 1 : i + 1]):
            continue
        written = original[a:b]
        assert ch in written or written.startswith(("&", "\\")), (i, ch, written)
