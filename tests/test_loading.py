"""Stage 1 and 3: articles and sources read from files, URLs and stdin."""

from __future__ import annotations

import io
import socket
import sys

import pytest

from quoteverify._decode import (
    NotText,
    decode,
    guess_format,
    html_to_document,
    split_front_matter,
)
from quoteverify._markdown_reader import markdown_to_document
from quoteverify.article import load_article
from quoteverify.discover import plan_sources
from quoteverify.errors import InputError
from quoteverify.models import Quote
from quoteverify.sources import load_source, load_sources

from .conftest import SEED, SEED_SOURCE


def test_txt_article_is_used_unchanged() -> None:
    article = load_article(str(SEED / "article.txt"))
    assert article.format == "text"
    assert article.text == (SEED / "article.txt").read_text(encoding="utf-8")


def test_markdown_front_matter_is_read_not_text(tmp_path) -> None:
    md = tmp_path / "a.md"
    md.write_text(
        "---\ntitle: Kazakhstan\nsources:\n  - transcript.txt\n  - https://example.org/t\n---\n"
        "# Heading\n\nShe said **“we are\nready”** on [Tuesday](https://x.org/t).\n\n> quoted block\n",
        encoding="utf-8",
    )
    article = load_article(str(md))
    assert article.title == "Kazakhstan"
    assert "title:" not in article.text and "sources" not in article.text
    assert article.text == "Heading\n\nShe said “we are ready” on Tuesday.\n\nquoted block"
    assert article.headings == ((0, 7),)
    assert article.sources == ("transcript.txt", "https://example.org/t")
    # Front-matter paths are relative to the article, as a link would be.
    quote = Quote(id="q1", text="we are ready", start=0, end=1)
    planned = plan_sources(article, [quote], ["cli.txt"])["q1"]
    assert [(p.ref, p.via) for p in planned] == [
        ("cli.txt", "command line"),
        (str(tmp_path / "transcript.txt"), "front matter"),
        ("https://example.org/t", "front matter"),
    ]


def test_bad_front_matter_is_not_fatal() -> None:
    front, body = split_front_matter("---\n: [unclosed\n---\nBody text.\n")
    assert front == {} and body == "Body text.\n"


def test_html_keeps_figure_time_and_q(tmp_path) -> None:
    filler = "<p>" + "Ordinary prose of the article goes on here at some length. " * 6 + "</p>"
    page = (
        "<html><head><title>T</title></head><body><article><h1>Headline</h1>"
        + filler
        + "<p>On <time>Tuesday</time> she said <q>we will act</q>.</p>"
        + "<figure><blockquote>Pull quotes matter too, said the minister.</blockquote></figure>"
        + filler
        + "</article></body></html>"
    )
    doc = html_to_document(page.encode(), mark_blockquotes=True)
    assert "On Tuesday she said “we will act”." in doc.text
    assert "“Pull quotes matter too, said the minister.”" in doc.text
    assert doc.text[doc.headings[0][0] : doc.headings[0][1]] == "Headline"


def test_html_bytes_without_charset_keep_curly_quotes() -> None:
    # windows-1252 curly quotes (0x93/0x94) served with no declared charset.
    filler = "<p>" + "Plain words in a paragraph that is long enough to keep. " * 6 + "</p>"
    page = f"<html><body><article>{filler}<p>He said \u201cno\u201d twice.</p>{filler}</article></body></html>"
    doc = html_to_document(page.encode("cp1252"))
    assert "He said “no” twice." in doc.text


def test_decode_refuses_binary() -> None:
    with pytest.raises(NotText):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_guess_format() -> None:
    assert guess_format("a.HTM", None, b"") == "html"
    assert guess_format("x", "text/html; charset=utf-8", b"") == "html"
    assert guess_format("a.md", None, b"") == "markdown"
    assert guess_format("http://x/page", None, b"<!DOCTYPE html><html>") == "html"
    assert guess_format("notes", None, b"just text") == "text"


def test_markdown_setext_heading_and_lists() -> None:
    doc = markdown_to_document("Title\n=====\n\n- one item\n- two\n")
    assert doc.text == "Title\n\none item\n\ntwo"
    assert doc.headings == ((0, 5),)


@pytest.mark.parametrize(
    ("setup", "cause"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.write_bytes(b"\x00\x01\x02binary\x00" * 50), "binary content"),
        (lambda p: p.write_text("  \n\n ", encoding="utf-8"), "empty"),
        (lambda p: p.mkdir(), "directory"),
    ],
    ids=["missing", "binary", "empty", "directory"],
)
def test_bad_article_is_one_line_error_naming_it(tmp_path, setup, cause) -> None:
    path = tmp_path / "article.txt"
    setup(path)
    with pytest.raises(InputError) as err:
        load_article(str(path))
    message = str(err.value)
    assert "\n" not in message
    assert str(path) in message and cause in message


def test_stdin_article(monkeypatch) -> None:
    data = "“We will act,” she said.\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    article = load_article("-")
    assert article.text == "“We will act,” she said.\n" and article.origin == "-"


def test_article_over_http(http_server, fetcher) -> None:
    url = http_server.add("/a.html", (SEED / "html" / "article.html").read_bytes())
    article = load_article(url, fetcher=fetcher)
    assert article.format == "html" and article.url == url
    assert "once the Russians are in your house" in article.text
    ua = http_server.requests[0][1].get("User-Agent", "")
    assert ua.startswith("quoteverify/")


def test_article_http_404_is_input_error(http_server, fetcher) -> None:
    with pytest.raises(InputError, match=r"article 'http://127\.0\.0\.1:\d+/gone': HTTP 404"):
        load_article(http_server.url("/gone"), fetcher=fetcher)


def test_no_fetcher_no_network(http_server) -> None:
    # Code handed no Fetcher cannot fetch: the URL is refused unread, never
    # fetched with options nobody chose.
    url = http_server.add("/a.html", (SEED / "html" / "article.html").read_bytes())
    with pytest.raises(InputError, match=r"a URL, and no fetcher was given to fetch it"):
        load_article(url)
    src = load_source(url)
    assert (src.status, src.error) == ("error", "not fetched: no fetcher was given")
    assert [s.error for s in load_sources([url, url + "?2"])] == [src.error] * 2
    assert http_server.requests == []


def test_sources_never_raise(http_server, tmp_path, fetcher) -> None:
    assert load_source(str(SEED_SOURCE)).status == "ok"
    missing = load_source(str(tmp_path / "nope.txt"))
    assert missing.status == "error" and missing.error == "no such file"
    gone = load_source(http_server.url("/gone"), fetcher=fetcher)
    assert gone.status == "error" and gone.error.startswith("HTTP 404")
    # A port nothing listens on: connection refused.
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    refused = load_source(f"http://127.0.0.1:{port}/x", fetcher=fetcher)
    assert refused.status == "error" and "cannot connect" in refused.error


def test_source_size_limit(http_server, monkeypatch, fetcher) -> None:
    import quoteverify.sources as sources

    monkeypatch.setattr(sources, "MAX_SOURCE_BYTES", 1000)
    url = http_server.add("/big.txt", "word " * 1000, content_type="text/plain")
    src = load_source(url, fetcher=fetcher)
    assert src.status == "error" and "limit" in src.error


def test_markdown_source_keeps_turn_lines(tmp_path) -> None:
    md = tmp_path / "t.md"
    md.write_text(
        "---\ntitle: Press Briefing\n---\nMS. PSAKI:  Hello.\n\nQ  Why?\n", encoding="utf-8"
    )
    src = load_source(str(md))
    assert src.title == "Press Briefing"
    assert src.text == "MS. PSAKI:  Hello.\n\nQ  Why?\n"
