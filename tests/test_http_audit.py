"""Acceptance 3: an audit over real HTTP gives the same verdicts as local files."""

from __future__ import annotations

from quoteverify.pipeline import run_audit

from .conftest import SEED, SEED_SOURCE

HTML_ARTICLE = SEED / "html" / "article.html"
HTML_SOURCE = SEED / "html" / "state-2022-01-07-blinken-excerpt.html"


def verdicts(report) -> dict[str, tuple[str | None, str | None]]:
    return {
        " ".join(r.quote.text.split()): (
            r.verdict,
            r.quote.speaker.name if r.quote.speaker else None,
        )
        for r in report.results
    }


def test_audit_over_http_matches_local_files(http_server, fetcher) -> None:
    article_url = http_server.add("/news/kazakhstan.html", HTML_ARTICLE.read_bytes())
    source_url = http_server.add("/transcripts/blinken.html", HTML_SOURCE.read_bytes())

    remote = run_audit(article_url, [source_url], fetcher=fetcher)
    local_html = run_audit(str(HTML_ARTICLE), [str(HTML_SOURCE)])
    local_txt = run_audit(str(SEED / "article.txt"), [str(SEED_SOURCE)])

    assert remote.article.url == article_url
    assert [s.status for s in remote.sources] == ["ok"]
    assert verdicts(remote) == verdicts(local_html)
    # The HTML rendering carries the same quotations as the text file, judged alike.
    txt = verdicts(local_txt)
    for text, verdict in verdicts(remote).items():
        assert txt.get(text) == verdict, text
    judged = [r for r in remote.results if r.verdict == "diverged"]
    assert any(r.quote.text.startswith("I think a lesson") for r in judged)
    assert any(r.match and r.match.speaker == "SECRETARY BLINKEN" for r in judged)


def test_html_source_with_undeclared_charset(http_server, fetcher) -> None:
    # Served as cp1252 with no charset anywhere: curly apostrophes must survive
    # for "it’s sometimes" to match at all.
    body = HTML_SOURCE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
    url = http_server.add("/t.html", body.encode("cp1252"), content_type="text/html")
    report = run_audit(str(SEED / "article.txt"), [url], fetcher=fetcher)
    assert report.sources[0].status == "ok"
    assert "it’s sometimes" in report.sources[0].text
