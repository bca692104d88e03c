"""Source discovery: pins, links ranked per quote, PDF and language checks."""

from __future__ import annotations

import pytest

from quoteverify._language import detect
from quoteverify._markdown_reader import markdown_to_document
from quoteverify.article import load_article
from quoteverify.discover import plan_sources, rank_links, speaker_matches
from quoteverify.models import Quote, Speaker
from quoteverify.pipeline import run_audit
from quoteverify.sources import load_source

from .conftest import SEED_SOURCE
from .pdfgen import make_pdf

BLINKEN = Speaker(name="Antony Blinken", mention="Blinken", start=0, end=0)


def quote_at(article, prefix: str, qid: str = "q1") -> Quote:
    start = article.text.index(prefix)
    return Quote(id=qid, text=prefix, start=start, end=start + len(prefix), speaker=BLINKEN)


def test_markdown_links_are_located(tmp_path) -> None:
    md = tmp_path / "a.md"
    md.write_text(
        "Intro with a [share](https://x.org/share?u=1) button.\n\n"
        "In [a press availability](https://example.org/remarks/blinken), "
        "Blinken said: “one lesson in recent history”.\n",
        encoding="utf-8",
    )
    article = load_article(str(md))
    link = article.links[1]
    assert article.text[link.start : link.end] == "a press availability"
    ranked = rank_links(article, quote_at(article, "one lesson in recent history"))
    assert [lk.url for lk in ranked] == ["https://example.org/remarks/blinken"]


def test_links_far_away_without_cue_words_are_ignored(tmp_path) -> None:
    paras = [f"Filler paragraph number {i}." for i in range(6)]
    md = tmp_path / "a.md"
    md.write_text(
        "See [our newsletter](https://example.org/news).\n\n"
        + "\n\n".join(paras)
        + "\n\nBlinken said: “one lesson in recent history”.\n",
        encoding="utf-8",
    )
    article = load_article(str(md))
    assert rank_links(article, quote_at(article, "one lesson in recent history")) == []


def test_pin_applies_to_next_quote_only(tmp_path) -> None:
    md = tmp_path / "a.md"
    md.write_text(
        "“First quote here,” Blinken said.\n\n"
        "<!-- quoteverify-source https://example.org/t1 -->\n"
        "“Second quote here,” Blinken said.\n\n“Third quote here,” he added.\n",
        encoding="utf-8",
    )
    article = load_article(str(md))
    assert len(article.pins) == 1
    quotes = [
        quote_at(article, "First quote here", "q1"),
        quote_at(article, "Second quote here", "q2"),
        quote_at(article, "Third quote here", "q3"),
    ]
    plan = plan_sources(article, quotes, [], follow_links=False)
    assert [p.ref for p in plan["q2"]] == ["https://example.org/t1"]
    assert plan["q1"] == [] and plan["q3"] == []


def test_pin_in_plain_text_keeps_text_unchanged(tmp_path) -> None:
    txt = tmp_path / "a.txt"
    body = "<!-- quoteverify-source src.txt -->\n“Words,” he said.\n"
    txt.write_text(body, encoding="utf-8")
    article = load_article(str(txt))
    assert article.text == body
    assert article.pins == (
        (len("<!-- quoteverify-source src.txt -->"), str(tmp_path / "src.txt")),
    )


def test_html_pins_and_links(tmp_path) -> None:
    html = tmp_path / "a.html"
    filler = "<p>" + "Ordinary article prose continues for a while here. " * 6 + "</p>"
    html.write_text(
        "<html><body><article>"
        + filler
        + "<!-- quoteverify-source https://example.org/pinned -->"
        + "<p>“We will act,” Blinken said in <a href='/statements/1'>a statement</a>.</p>"
        + filler
        + "</article></body></html>",
        encoding="utf-8",
    )
    article = load_article(str(html))
    start = article.text.index("We will act")
    assert article.pins and article.pins[0][1] == "https://example.org/pinned"
    assert article.pins[0][0] <= start
    link = next(lk for lk in article.links if lk.text == "a statement")
    assert article.text[link.start : link.end] == "a statement"
    assert link.url == str(tmp_path / "statements/1") or link.url.endswith("statements/1")


def test_audit_follows_link_to_source(http_server, fetcher) -> None:
    source_url = http_server.add(
        "/transcripts/blinken.txt", SEED_SOURCE.read_bytes(), content_type="text/plain"
    )
    filler = "<p>" + "Ordinary article prose continues for a while here. " * 6 + "</p>"
    page = (
        "<html><body><article>"
        + filler
        + "<p>Secretary of State Antony Blinken, at <a href='/transcripts/blinken.txt'>a press "
        "availability</a>, said: “I think one lesson in recent history is that once Russians are "
        "in your house, it’s sometimes very difficult to get them to leave.”</p>"
        + filler
        + "</article></body></html>"
    )
    article_url = http_server.add("/news/a.html", page)
    report = run_audit(article_url, fetcher=fetcher)
    assert [s.ref for s in report.sources] == [source_url]
    assert report.sources[0].via.startswith("link")
    judged = [r for r in report.results if r.verdict]
    assert [r.verdict for r in judged] == ["verbatim"]
    assert any("via link" in n for n in judged[0].notes)


def test_pdf_source(tmp_path) -> None:
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(
        make_pdf(
            [
                "SECRETARY BLINKEN: I think one lesson in recent history is that once",
                "Russians are in your house, it’s sometimes very difficult to get them to leave.",
            ]
        )
    )
    src = load_source(str(pdf))
    assert src.status == "ok"
    assert "once\nRussians are in your house, it’s sometimes" in src.text


def test_scanned_pdf_says_so(tmp_path) -> None:
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(make_pdf([]))
    src = load_source(str(pdf))
    assert src.status == "error" and "no text layer" in src.error


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Мы рассматриваем недавние события в дружественной стране как попытку подорвать", "ru"),
        ("Nous considérons les événements récents dans un pays ami comme une tentative", "fr"),
        ("We view recent events in a friendly country as an attempt to undermine the state", "en"),
        ("Kazakhstan 2022", None),
    ],
)
def test_language(text, lang) -> None:
    assert detect(text) == lang


def test_source_in_other_language_is_unverifiable(tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "“We view recent events in a friendly country as an attempt, inspired from outside, to "
        "undermine the security of the state,” the Russian Foreign Ministry said in a statement.\n",
        encoding="utf-8",
    )
    src = tmp_path / "mid.txt"
    src.write_text(
        "Мы рассматриваем недавние события в дружественной нам стране как инспирированную извне "
        "попытку насильственным путем подорвать безопасность и целостность государства.\n",
        encoding="utf-8",
    )
    report = run_audit(str(article), [str(src)])
    judged = [r for r in report.results if r.verdict]
    assert [r.verdict for r in judged] == ["unverifiable"]
    assert "in Russian" in judged[0].notes[-1]


def test_markdown_doc_links_keep_order() -> None:
    doc = markdown_to_document("[a](http://x/1) and [b](http://x/2)\n")
    assert [(t, h) for t, h, _, _ in doc.links] == [("a", "http://x/1"), ("b", "http://x/2")]


def person(name: str, kind: str = "person") -> Speaker:
    return Speaker(name=name, mention=name, start=0, end=0, type=kind)


@pytest.mark.parametrize(
    ("speaker", "names", "expected"),
    [
        ("Antony Blinken", ["antony  BLINKEN"], ["antony  BLINKEN"]),
        ("Antony Blinken", ["Blinken"], ["Blinken"]),
        ("Blinken", ["Antony Blinken"], ["Antony Blinken"]),
        ("Antony Blinken", ["A. Blinken"], ["A. Blinken"]),
        ("Antony J. Blinken", ["Antony Blinken"], ["Antony Blinken"]),
        ("Joseph R. Biden Jr.", ["Joseph Robinette Biden"], ["Joseph Robinette Biden"]),
        ("George W. Bush", ["George H. W. Bush"], []),
        ("Jill Biden", ["Joe Biden", "Biden"], ["Biden"]),
        # An exact name wins over a looser one.
        ("Joe Biden", ["Biden", "Joe Biden"], ["Joe Biden"]),
        ("Karine Jean-Pierre", ["Jean-Pierre"], ["Jean-Pierre"]),
        ("Karine Jean-Pierre", ["Pierre"], []),
        ("José Andrés", ["Jose Andres"], ["Jose Andres"]),
        ("Ned Price", ["Antony Blinken"], []),
    ],
)
def test_speaker_matches(speaker, names, expected) -> None:
    assert speaker_matches(person(speaker), names) == expected


def test_organisations_match_only_exactly() -> None:
    ministry = person("Russian Foreign Ministry", "organization")
    assert speaker_matches(ministry, ["Ministry", "Foreign Ministry"]) == []
    assert speaker_matches(ministry, ["russian foreign ministry"]) == ["russian foreign ministry"]


def test_config_speakers_come_after_pins_and_before_links(tmp_path) -> None:
    md = tmp_path / "a.md"
    md.write_text(
        "See [the transcript](https://example.org/transcript/blinken).\n\n"
        "<!-- quoteverify-source https://example.org/pinned -->\n"
        "“First quote here,” Blinken said.\n\n"
        "“Second quote here,” Blinken said.\n\n"
        "“Third quote here,” Price said.\n",
        encoding="utf-8",
    )
    article = load_article(str(md))
    price = Speaker(name="Ned Price", mention="Price", start=0, end=0)
    quotes = [
        quote_at(article, "First quote here", "q1"),
        quote_at(article, "Second quote here", "q2"),
        Quote(id="q3", text="Third", start=article.text.index("Third"), end=0, speaker=price),
    ]
    table = {"Blinken": ["https://example.org/cfg", "https://example.org/pinned"]}
    plan = plan_sources(article, quotes, ["cli.txt"], speaker_sources=table)
    assert [(p.ref, p.via) for p in plan["q1"]] == [
        ("cli.txt", "command line"),
        ("https://example.org/pinned", "pin"),
        ("https://example.org/cfg", "config (speakers)"),
    ]
    assert [p.via for p in plan["q2"]] == ["command line", "config (speakers)", "config (speakers)"]
    assert [p.via for p in plan["q3"]] == ["command line"]
    # Without --source, a quote the table covers does not fall back to links;
    # one it does not cover still does.
    plan = plan_sources(article, quotes, [], speaker_sources=table)
    assert [p.via for p in plan["q2"]] == ["config (speakers)", "config (speakers)"]
    assert [p.via for p in plan["q3"]] == ["link “the transcript”"]


def test_audit_uses_speaker_sources(tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Secretary of State Antony Blinken said: “I think one lesson in recent history is that "
        "once Russians are in your house, it’s sometimes very difficult to get them to leave.”\n",
        encoding="utf-8",
    )
    report = run_audit(str(article), speaker_sources={"blinken": [str(SEED_SOURCE)]})
    assert [s.via for s in report.sources] == ["config (speakers)"]
    judged = [r for r in report.results if r.verdict]
    assert [r.verdict for r in judged] == ["verbatim"]
    assert "source found via config (speakers)" in judged[0].notes
