"""Memory and time per quotation mark are bounded (issue 12, finding 6).

Every quotation mark costs objects all the way to the report; 1 MB of '"' once
took 1.9 GB.  Beyond a number no news article reaches, the article is refused
with a one-line error (exit 2), before those objects exist.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from quoteverify.cli import main
from quoteverify.extract._marks import MAX_MARKS, MAX_QUOTATIONS
from quoteverify.pipeline import run_extract


@pytest.mark.parametrize(
    "text",
    [
        '"' * (2 * MAX_MARKS + 2),  # one paragraph of marks
        '"a" ' * (MAX_QUOTATIONS + 1),  # short quotations in one paragraph
        '"a"\n\n' * (MAX_QUOTATIONS + 1),  # one quotation per paragraph
    ],
    ids=["marks", "quotations", "paragraphs"],
)
def test_too_many_quotations_is_refused_early_and_cheaply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    tracemalloc.start()
    try:
        code = main(["audit", str(path), "-q", "--no-links", "--format", "json"])
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "a.txt" in err and "not checked" in err
    # Python objects at the peak (the modules imported on the way included):
    # tens of MB, where 200 KB of marks used to build hundreds.
    assert peak < 64 * 1024 * 1024, peak


def test_an_ordinary_number_of_quotations_is_still_checked(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("“We will win this race today,” he said.\n\n" * 300, encoding="utf-8")
    _article, quotes = run_extract(str(path))
    assert len(quotes) == 300


def test_placing_quotes_in_a_large_file_costs_bytes_per_character_not_hundreds() -> None:
    from quoteverify.article import parse_article_bytes
    from quoteverify.extract import extract_quotes
    from quoteverify.models import Article
    from quoteverify.position import locate_quotes

    para = "The council met on Tuesday to discuss the budget and the plan. " * 12
    original = "# Big\n\n" + "\n\n".join(
        f"“We will win race {i} today,” the minister said. {para}" for i in range(1200)
    )
    doc = parse_article_bytes(original.encode("utf-8"), "markdown")
    article = Article(origin="big.md", text=doc.text, format="markdown")
    quotes = extract_quotes(article)
    tracemalloc.start()
    try:
        located = locate_quotes(original, article, quotes)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(located) == 1200
    # A list of one-character strings and two lists of ints took ~150 bytes per
    # character (1.7 GB for a 10 MB article in check).
    assert peak < 40 * len(original), peak / len(original)
