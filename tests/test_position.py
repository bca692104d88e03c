"""Quotes placed in the article file as written: offsets, lines and columns."""

from __future__ import annotations

import html
import re
import textwrap
from pathlib import Path

import pytest

from quoteverify.article import load_article
from quoteverify.extract import extract_quotes
from quoteverify.models import Article, Quote
from quoteverify.position import (
    LineIndex,
    Location,
    line_col,
    locate_quotes,
    locate_quotes_detailed,
    original_text,
    read_original,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"

_WORD_RE = re.compile(r"[^\W_]+")
_TYPO = str.maketrans("‘’“”«»—–", '\'\'""""--')


def _words(s: str) -> list[str]:
    return [w.casefold() for w in _WORD_RE.findall(s)]


def _visible(s: str, fmt: str, quote_text: str) -> str:
    """A slice of the original with its markup stripped, independently of the
    code under test (cruder, but enough to compare words)."""
    if fmt == "html":
        return html.unescape(re.sub(r"<[^>]*>", " ", s))
    if fmt == "markdown":
        if "](" not in quote_text:  # a link the extractor kept as written
            s = re.sub(r"\]\([^)]*\)", "", s)
        return re.sub(r"<[^>\n]*>", "", s)
    return s


def _located(path: Path) -> tuple[str, str, Article, list[Quote], dict[str, Location]]:
    article = load_article(str(path))
    quotes = extract_quotes(article)
    original, fmt = read_original(path)
    assert fmt == article.format
    return original, fmt, article, quotes, locate_quotes_detailed(original, article, quotes)


def _assert_points_at_quotes(path: Path) -> dict[str, int]:
    """Every quote located exactly, on its own words, its edges on the quote's
    first and last characters, in reading order."""
    original, fmt, _article, quotes, locs = _located(path)
    counts = {"exact": 0, "approximate": 0, "missing": 0}
    previous = -1
    for q in sorted(quotes, key=lambda q: q.start):
        loc = locs[q.id]
        counts[loc.quality] += 1
        assert loc.quality == "exact", (path.name, q.id, q.text)
        shown = _visible(original[loc.start : loc.end], fmt, q.text)
        assert _words(shown) == _words(q.text), (path.name, q.id, q.text, shown)
        a, b = shown.strip().translate(_TYPO), q.text.strip().translate(_TYPO)
        if a and b:
            assert (a[0], a[-1]) == (b[0], b[-1]), (path.name, q.id, q.text, shown)
        assert loc.start >= previous, (path.name, q.id)
        previous = loc.start
    return counts


# ---------------------------------------------------------------- lines and columns


def test_line_col_lf() -> None:
    text = "ab\ncd\n\nef"
    idx = LineIndex(text)
    assert idx.line_col(0) == (1, 1)
    assert idx.line_col(2) == (1, 3)  # the "\n": just after the last character
    assert idx.line_col(3) == (2, 1)
    assert idx.line_col(6) == (3, 1)
    assert idx.line_col(7) == (4, 1)
    assert idx.line_col(9) == (4, 3)  # the end of the text
    assert line_col(text, 4) == (2, 2)


def test_line_col_crlf_does_not_count_the_carriage_return() -> None:
    text = "ab\r\ncd\r\n"
    idx = LineIndex(text)
    assert idx.line_col(2) == (1, 3)  # on the "\r"
    assert idx.line_col(3) == (1, 3)  # between "\r" and "\n"
    assert idx.line_col(4) == (2, 1)
    assert idx.line_col(6) == (2, 3)
    assert idx.line_col(8) == (3, 1)
    assert idx.span(0, 6) == (1, 1, 2, 3)


def test_line_col_lone_carriage_return_is_not_a_line_break() -> None:
    assert line_col("ab\rcd", 4) == (1, 5)


def test_line_col_counts_code_points() -> None:
    text = "x\nÜnï 😀 “Yes”"
    assert line_col(text, text.index("Y")) == (2, 8)


def test_line_col_clamps_and_handles_empty_text() -> None:
    assert line_col("", 0) == (1, 1)
    assert line_col("abc", -5) == (1, 1)
    assert line_col("abc\n", 99) == (2, 1)
    idx = LineIndex("a\nb\nc")
    assert [idx.line_start(n) for n in (1, 2, 3, 9)] == [0, 2, 4, 4]


# ---------------------------------------------------------------- the original


def test_original_text_decodes_like_the_loader(tmp_path: Path) -> None:
    page = "<html><head><meta charset='windows-1252'></head><body><p>“Oui,” il a dit.</p>"
    p = tmp_path / "a.html"
    p.write_bytes(page.encode("cp1252"))
    original, fmt = read_original(p)
    assert fmt == "html"
    assert "“Oui,”" in original
    # A byte-order mark is not a column.
    assert original_text("\ufeff“Yes”".encode(), "text") == "“Yes”"
    assert original_text("é".encode(), "markdown") == "é"


# ---------------------------------------------------------------- hand-written


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8"))
    return p


MARKDOWN_CRLF = (
    "---\r\n"
    "title: Test\r\n"
    "---\r\n"
    "\r\n"
    "# Ünïcödé heading\r\n"
    "\r\n"
    "Ünï “We will *never*\r\n"
    "surrender to [the pressure](https://example.org/x) of\r\n"
    "the markets,” the minister said.\r\n"
)


def test_markdown_wrapped_quote_with_emphasis_link_crlf_and_non_ascii(tmp_path: Path) -> None:
    original, _fmt, _article, quotes, locs = _located(_write(tmp_path, "a.md", MARKDOWN_CRLF))
    [q] = quotes
    assert q.text == "We will never surrender to the pressure of the markets,"
    loc = locs[q.id]
    assert loc.quality == "exact"
    assert original[loc.start : loc.end] == (
        "We will *never*\r\nsurrender to [the pressure](https://example.org/x) of\r\nthe markets,"
    )
    # "Ünï “W": the W is the 6th code point; "the markets," ends before column 13.
    assert LineIndex(original).span(loc.start, loc.end) == (7, 6, 9, 13)


def test_markdown_blockquote_and_list_prefixes(tmp_path: Path) -> None:
    text = textwrap.dedent(
        """\
        Intro paragraph about the budget.

        > “Nothing in this bill
        > will raise taxes,” the senator wrote.

        1. The governor said “we will
           veto it” on Monday.
        """
    )
    original, _fmt, _article, quotes, locs = _located(_write(tmp_path, "b.md", text))
    idx = LineIndex(original)
    got = {
        q.text: (
            original[locs[q.id].start : locs[q.id].end],
            idx.span(locs[q.id].start, locs[q.id].end),
        )
        for q in quotes
    }
    assert got["Nothing in this bill will raise taxes,"] == (
        "Nothing in this bill\n> will raise taxes,",
        (3, 4, 4, 20),
    )
    assert got["we will veto it"] == ("we will\n   veto it", (6, 23, 7, 11))


def test_markdown_repeated_quote_maps_rank_to_rank(tmp_path: Path) -> None:
    text = (
        "Asked about the plan, Smith said “it works” and left.\n\n"
        "Jones disagreed.  Smith repeated that “it works” twice,\n"
        "and then, a third time, “it works”.\n"
    )
    original, _fmt, _article, quotes, locs = _located(_write(tmp_path, "c.md", text))
    assert [q.text for q in quotes] == ["it works"] * 3
    spans = [(locs[q.id].start, locs[q.id].end) for q in quotes]
    assert [original[a:b] for a, b in spans] == ["it works"] * 3
    idx = LineIndex(original)
    assert [idx.line_col(a) for a, _ in spans] == [(1, 35), (3, 40), (4, 26)]


HTML_PAGE = (
    "<!DOCTYPE html>\n"
    "<html><head><title>It&rsquo;s fine</title></head><body>\n"
    "<nav>It&rsquo;s fine &amp; good</nav>\n"
    "<article><h1>Caf&eacute; news</h1>\n"
    "<p>Caf&eacute; owner Jean Dupont said &#8220;It&rsquo;s <em>fine</em> &amp; good&#8221;"
    " today, and added: <q>we are ready</q>.</p>\n"
    "</article></body></html>\n"
)


def test_html_entities_inline_tags_and_q(tmp_path: Path) -> None:
    original, _fmt, _article, quotes, locs = _located(_write(tmp_path, "p.html", HTML_PAGE))
    idx = LineIndex(original)
    got = {q.text: locs[q.id] for q in quotes}
    fine = got["It’s fine & good"]
    # Not the copy in <nav>: the one in the paragraph, after "&#8220;" (col 39-45).
    assert original[fine.start : fine.end] == "It&rsquo;s <em>fine</em> &amp; good"
    assert idx.span(fine.start, fine.end) == (5, 46, 5, 81)
    ready = got["we are ready"]
    assert original[ready.start : ready.end] == "we are ready"
    assert idx.line_col(ready.start) == (5, 110)


def test_html_quote_across_lines_and_paragraphs(tmp_path: Path) -> None:
    page = (
        "<html><body><article>\n"
        "<p>The ambassador told reporters:</p>\n"
        "<blockquote>\n"
        "  <p>&ldquo;Counter-terrorism operations are\n"
        "  being carried out.</p>\n"
        "  <p>Only terrorists are targeted.&rdquo;</p>\n"
        "</blockquote>\n"
        "<p>Officials said nothing more about the operation that day.</p>\n"
        "</article></body></html>\n"
    )
    original, fmt, _article, quotes, locs = _located(_write(tmp_path, "q.html", page))
    [q] = [q for q in quotes if q.text.startswith("Counter")]
    loc = locs[q.id]
    assert loc.quality == "exact"
    assert original[loc.start : loc.end] == (
        "Counter-terrorism operations are\n  being carried out.</p>\n"
        "  <p>Only terrorists are targeted."
    )
    assert LineIndex(original).span(loc.start, loc.end) == (4, 13, 6, 35)
    assert _words(_visible(original[loc.start : loc.end], fmt, q.text)) == _words(q.text)


def test_html_markup_that_could_swallow_the_quote(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Budget</title><script>var q = '“we will win”';</script></head>\n"
        "<body><article><h1>Budget day</h1>\n"
        '<p title="a > b">Old text <s>struck out\n'
        "<!-- an editor's note: “we will win” -->\n"
        "<p>The chancellor said &ldquo;we will win&rdquo; and sat down.</p>\n"
        "</article></body></html>\n"
    )
    original, _fmt, _article, quotes, locs = _located(_write(tmp_path, "s.html", page))
    [q] = [q for q in quotes if q.text == "we will win"]
    loc = locs[q.id]
    assert loc.start == page.index("we will win&rdquo;")
    assert LineIndex(original).span(loc.start, loc.end) == (5, 31, 5, 42)


NEWS_PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="description" content="Minister: &ldquo;We will not back down&rdquo;">
<title>Minister: ‘We will not back down’ | Daily News</title>
<script type="application/ld+json">{"headline": "Minister: “We will not back down”"}</script>
<style>.x{content:"“"}</style>
</head>
<body>
<header><a href="/">Daily News</a><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></header>
<div class="trending"><a href="/a">Minister: ‘We will not back down’</a></div>
<main>
<article>
<h1>Minister: &lsquo;We will not back down&rsquo;</h1>
<p class="byline">By <a href="/staff/jane">Jane Roe</a> &middot; <time datetime="2024-05-01">1 May 2024</time></p>
<p>The finance minister, Ana L&oacute;pez, told parliament on Tuesday that the
government would keep its spending plan. &ldquo;We will not back down,&rdquo; she said,
&ldquo;not now, not <em>ever</em>.&rdquo;</p>
<figure class="pullquote"><blockquote>&ldquo;We will not back down.&rdquo;</blockquote></figure>
<p>Opposition leader Tom Hale called the plan &ldquo;reckless&rdquo; and said: &ldquo;The
numbers simply do not add up &mdash; and every economist in this country knows it.&rdquo;</p>
<p>L&oacute;pez replied that critics had &ldquo;no plan of their own&rdquo;.<br>
&ldquo;They can shout,&rdquo; she added. &ldquo;We will govern.&rdquo;</p>
<aside class="related"><h2>Related</h2><p>“We will not back down,” says minister in March</p></aside>
</article>
</main>
<footer><p>&copy; Daily News. “We will not back down” is a registered slogan.</p></footer>
</body>
</html>
"""


def test_news_page_with_boilerplate_repeating_the_headline_quote(tmp_path: Path) -> None:
    # The headline's words also stand in <title>, JSON-LD, a trending box, a
    # pull quote, a related-stories box and the footer; trafilatura keeps the
    # heading, the paragraph and the pull quote.  Each lands on its own copy.
    original, _fmt, _article, quotes, locs = _located(_write(tmp_path, "n.html", NEWS_PAGE))
    idx = LineIndex(original)
    got = [
        (q.kind, q.text, locs[q.id].quality, idx.span(locs[q.id].start, locs[q.id].end))
        for q in quotes
    ]
    assert got == [
        ("heading", "We will not back down", "exact", (15, 22, 15, 43)),
        ("quote", "We will not back down,", "exact", (18, 49, 18, 71)),
        ("quote", "not now, not ever.", "exact", (19, 8, 19, 35)),
        ("quote", "We will not back down.", "exact", (20, 46, 20, 68)),
        ("fragment", "reckless", "exact", (21, 54, 21, 62)),
        (
            "quote",
            "The numbers simply do not add up — and every economist in this country knows it.",
            "exact",
            (21, 87, 22, 83),
        ),
        ("quote", "no plan of their own", "exact", (23, 49, 23, 69)),
        ("quote", "They can shout,", "exact", (24, 8, 24, 23)),
        # A sentence of its own after her quotation: López's words (issue 11), not a
        # scare quote.
        ("quote", "We will govern.", "exact", (24, 49, 24, 64)),
    ]
    assert original[locs["q3"].start : locs["q3"].end] == "not now, not <em>ever</em>."


def test_text_article_is_the_identity(tmp_path: Path) -> None:
    text = "Line one.\r\nHe said: “Café prices — up again,” she noted.\r\n"
    original, _fmt, _article, quotes, locs = _located(_write(tmp_path, "t.txt", text))
    [q] = quotes
    assert locs[q.id] == Location(q.start, q.end, "exact")
    assert line_col(original, q.start) == (2, 11)


# ---------------------------------------------------------------- hand-built articles


def _quote(article: Article, text: str, qid: str = "q1", nth: int = 0) -> Quote:
    at = -1
    for _ in range(nth + 1):
        at = article.text.index(text, at + 1)
    return Quote(id=qid, text=text, start=at, end=at + len(text))


def test_unequal_counts_use_the_surrounding_words() -> None:
    # The original has a copy the article text lacks (a related-stories box the
    # extractor dropped): ranks no longer line up, the context decides.
    original = (
        "Related: Smith says “we will win” in 2024\n\n"
        "The mayor spoke on Monday. Smith said “we will win” and the crowd cheered.\n\n"
        "On Tuesday Jones answered “we will win” too.\n"
    )
    text = (
        "The mayor spoke on Monday. Smith said “we will win” and the crowd cheered.\n\n"
        "On Tuesday Jones answered “we will win” too."
    )
    article = Article(origin="x.md", text=text, format="markdown")
    q1, q2 = _quote(article, "we will win", "q1"), _quote(article, "we will win", "q2", 1)
    got = locate_quotes(original, article, [q1, q2])
    assert got["q1"] == (original.index("we will win", 50), original.index("we will win", 50) + 11)
    assert got["q2"][0] == original.rindex("we will win")


def test_changed_words_are_placed_approximately() -> None:
    original = "Intro.\n\nThe minister said “we will never\nwin the war” last night.\n"
    text = "Intro.\n\nThe minister said “we will always win the war” last night."
    article = Article(origin="x.md", text=text, format="markdown")
    q = _quote(article, "we will always win the war")
    loc = locate_quotes_detailed(original, article, [q])["q1"]
    assert loc.quality == "approximate"
    assert original[loc.start : loc.end] == "we will never\nwin the war"


def test_quote_with_no_surviving_word_points_near_its_neighbours() -> None:
    original = "First paragraph here.\n\nSecond paragraph follows.\n"
    text = "First paragraph here.\n\n“Zyx qwv.”\n\nSecond paragraph follows."
    article = Article(origin="x.md", text=text, format="markdown")
    loc = locate_quotes_detailed(original, article, [_quote(article, "Zyx qwv.")])["q1"]
    assert loc.quality == "approximate"
    assert loc.start == loc.end == original.index(" here.") + len(" here")


def test_nothing_found_at_all_is_line_one_and_flagged() -> None:
    article = Article(origin="x.md", text="“Completely different words.”", format="markdown")
    q = _quote(article, "Completely different words.")
    assert locate_quotes_detailed("Nothing alike.\n", article, [q]) == {
        "q1": Location(0, 0, "missing")
    }
    assert locate_quotes("Nothing alike.\n", article, [q]) == {"q1": (0, 0)}


def test_no_quotes() -> None:
    article = Article(origin="x.md", text="Plain.", format="markdown")
    assert locate_quotes("Plain.", article, []) == {}


# ---------------------------------------------------------------- real fixtures


REAL = sorted(
    [
        *FIXTURES.glob("seed/html/*.html"),
        FIXTURES / "seed" / "article.txt",
        *FIXTURES.glob("whitehouse/articles/*.txt"),
        *FIXTURES.glob("whitehouse/sources/*.md"),
        *FIXTURES.glob("verdicts/sources/*.md"),
        *FIXTURES.glob("extraction/*.txt"),
        *(ROOT / "tests" / "data").glob("*.md"),
    ]
)


def test_manifest_articles_are_covered() -> None:
    import json

    manifest = json.loads((FIXTURES / "whitehouse" / "manifest.json").read_text("utf-8"))
    assert manifest
    for entry in manifest:
        assert FIXTURES / "whitehouse" / entry["article"] in REAL


@pytest.mark.parametrize("path", REAL, ids=lambda p: str(p.relative_to(ROOT)))
def test_real_fixture_quotes_are_located_exactly(path: Path) -> None:
    _assert_points_at_quotes(path)


# The extraction fixtures rewritten as the HTML and Markdown a newsroom would
# publish: entities for typography, CRLF, boilerplate repeating the text, hard
# wrapping, emphasis and links sprinkled over the words.
_ENTITIES = {"’": "&rsquo;", "“": "&#8220;", "”": "&#x201D;", "—": "&mdash;", "é": "&eacute;"}


def _as_html(text: str) -> str:
    paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    out = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        f"<title>{html.escape(paras[0][:80])}</title></head><body>",
        "<nav><a href='/'>Home</a></nav><article>",
    ]
    for i, p in enumerate(paras):
        e = html.escape(p, quote=False)
        for k, v in _ENTITIES.items():
            e = e.replace(k, v)
        e = re.sub(r"\b(said)\b", r"<em>\1</em>", e)
        out.append(f"<p>{e}</p>" if i else f"<h1>{e}</h1>")
    out.append(f"</article><footer><p>{html.escape(paras[-1][:60])}</p></footer></body></html>")
    return "\r\n".join(out)


def _as_markdown(text: str) -> str:
    out = ["---", "title: test", "---", ""]
    for p in re.split(r"\n\s*\n", text):
        if not p.strip():
            continue
        p = " ".join(p.split())
        p = re.sub(r"\b(the|and)\b", r"*\1*", p, count=3)
        p = re.sub(r"\b([A-Z][a-z]{4,})\b", r"[\1](https://example.org/\1)", p, count=1)
        out += [textwrap.fill(p, 50, break_on_hyphens=False, break_long_words=False), ""]
    return "\n".join(out)


PROSE = sorted(
    [
        *FIXTURES.glob("extraction/*.txt"),
        FIXTURES / "seed" / "article.txt",
        *FIXTURES.glob("whitehouse/articles/*.txt"),
    ]
)


@pytest.mark.parametrize("path", PROSE, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_fixture_prose_published_as_markup(tmp_path: Path, path: Path, fmt: str) -> None:
    text = path.read_text("utf-8")
    body = _as_html(text) if fmt == "html" else _as_markdown(text)
    target = _write(tmp_path, f"{path.stem}.{fmt}", body)
    counts = _assert_points_at_quotes(target)
    assert counts["exact"] > 0 or not extract_quotes(load_article(str(path)))
