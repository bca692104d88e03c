"""Markdown structure the block reader must respect (issue 16): entity
references decoded, code blocks (indented and fenced) never read as prose,
backslash escapes removed; and ``position`` places the quotes exactly anyway."""

from __future__ import annotations

from pathlib import Path

from quoteverify._markdown import markdown_to_document
from quoteverify.article import load_article
from quoteverify.extract import extract_quotes
from quoteverify.position import LineIndex, locate_quotes_detailed, read_original

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
