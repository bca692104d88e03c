"""The HTML report: deterministic, self-contained, escaped, ready for new verdicts and
note objects.  The browser tests (test_browser.py) check what a reader sees."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from quoteverify.cli import main
from quoteverify.models import Article, DiffOp, Match, Quote, QuoteResult, Report, Source, Speaker
from quoteverify.report import report_html

from .conftest import ROOT, SEED, SEED_SOURCE


def _audit_html(tmp_path: Path, name: str, *extra: str) -> str:
    out = tmp_path / name
    rc = main(
        [
            "audit",
            str(SEED / "article.txt"),
            "--source",
            str(SEED_SOURCE),
            "--fail-on",
            "none",
            "--format",
            "html",
            "--quiet",
            "--output",
            str(out),
            *extra,
        ]
    )
    assert rc == 0
    return out.read_text(encoding="utf-8")


def test_same_input_same_bytes_and_nothing_external(tmp_path) -> None:
    a = _audit_html(tmp_path, "a.html")
    b = _audit_html(tmp_path, "b.html")
    assert a == b
    assert a.startswith("<!DOCTYPE html>")
    # Self-contained: no external stylesheet, script, font or image.
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", a)
    assert "@import" not in a and "url(" not in a
    assert "Content-Security-Policy" in a and "default-src 'none'" in a
    assert a.count("<script") == 1
    # Every quotation is highlighted once and has one card.
    assert len(re.findall(r'class="hl ', a)) == 12
    assert len(re.findall(r'<article class="card ', a)) == 12


def _report(text: str, quote_text: str, source_text: str, **result: object) -> Report:
    start = text.index(quote_text)
    quote = Quote(
        id="q1",
        text=quote_text,
        start=start,
        end=start + len(quote_text),
        speaker=Speaker("Ann <b>Lee</b>", "Lee", 0, 3),
        cue="said",
    )
    source = Source(ref="src.txt", status="ok", text=source_text, path="src.txt")
    m = Match(0, source_text, 0, len(source_text), 100.0, context_before="<i>before</i>")
    kw = {"verdict": "verbatim", "score": 100.0, "match": m, **result}
    return Report(
        article=Article(origin="a.txt", text=text, format="text"),
        results=(QuoteResult(quote=quote, **kw),),  # type: ignore[arg-type]
        sources=(source,),
    )


def test_article_and_source_text_are_escaped() -> None:
    q = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    html = report_html(_report(f'Lee said "{q}" today.', q, q))
    assert "<script>alert" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Ann &lt;b&gt;Lee&lt;/b&gt;" in html and "&lt;i&gt;before&lt;/i&gt;" in html


def test_elided_verdict_greys_the_omitted_words_and_notes_may_be_objects() -> None:
    @dataclass(frozen=True)
    class Note:
        code: str
        text: str

    rep = _report(
        'Lee said "we will … win" today.',
        "we will … win",
        "we will surely win",
        verdict="elided",
        notes=(Note("ellipsis", "one omission, marked"), "plain note"),
        diff=(
            DiffOp("equal", "we will", "we will"),
            DiffOp("delete", "", "surely", ("ellipsis",)),
            DiffOp("equal", "win", "win"),
        ),
    )
    html = report_html(rep)
    assert 'class="hl v-elided' in html and "… elided" in html
    assert (
        '<span class="elided"><span class="sr">omitted: </span><span class="w">surely</span>'
        in html
    )
    assert "<li>one omission, marked</li>" in html and "<li>plain note</li>" in html
    assert "Note(" not in html


def test_attribution_rule_shown_when_the_quote_has_one() -> None:
    rep = _report('Lee said "hello there" today.', "hello there", "hello there")
    ruled = replace(rep.results[0].quote, attribution_rule="cue-after")
    rep = replace(rep, results=(replace(rep.results[0], quote=ruled),))
    html = report_html(rep)
    assert "<dt>Attribution rule</dt><dd>cue-after</dd>" in html
    assert "Attribution rule" not in report_html(_report('Lee said "hi yo" x.', "hi yo", "hi yo"))


def test_unknown_future_verdict_still_renders() -> None:
    html = report_html(_report('Lee said "hi yo" x.', "hi yo", "hi yo", verdict="paraphrased"))
    assert 'class="hl v-other failing' in html and "paraphrased" in html


def test_check_report_html(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "check.html"
    rc = main(
        [
            "check",
            "fixtures/whitehouse/articles/gaza-letter-briefing.txt",
            "--source",
            "fixtures/whitehouse/sources/briefing-jean-pierre-2024-10-16.md",
            "--format",
            "concise",
            "--report",
            f"html={out}",
            "--exit-zero",
            "--quiet",
        ]
    )
    assert rc == 0
    html = out.read_text(encoding="utf-8")
    assert 'id="f1-q1"' in html and "gaza-letter-briefing.txt" in html
    assert 'data-verdict="stitched"' in html


def test_cli_import_stays_light() -> None:
    code = (
        "import sys, quoteverify.cli, quoteverify.report\n"
        "print([m for m in ('jinja2', 'starlette', 'uvicorn', 'multipart') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_serve_without_its_extra_says_how_to_install(monkeypatch, capsys) -> None:
    import quoteverify.serve

    monkeypatch.setattr(quoteverify.serve, "missing_dependency", lambda: "starlette")
    assert main(["serve", "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert "pip install 'quoteverify[serve]'" in err and "Traceback" not in err
