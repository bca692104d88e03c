"""The rule tables: ids, docstrings with real cases, and the deciding rule in
the JSON, the Markdown and ``extract --explain``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from quoteverify import report
from quoteverify.extract import (
    ATTRIBUTION_RULES,
    EARLY_KIND_RULES,
    KIND_RULES,
    explain,
    extract_quotes,
)
from quoteverify.models import Article

from .conftest import q

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "seed" / "article.txt"
ALL_RULES = (*EARLY_KIND_RULES, *ATTRIBUTION_RULES, *KIND_RULES)


def test_rule_ids_are_unique() -> None:
    ids = [r.id for r in ALL_RULES]
    assert len(ids) == len(set(ids))


def test_every_rule_documents_its_case_with_a_doctest() -> None:
    for r in ALL_RULES:
        assert r.fn.__doc__ and ">>> demo(" in r.fn.__doc__, r.id


def test_every_quote_names_a_known_rule() -> None:
    ids = {r.id for r in ALL_RULES}
    text = SEED.read_text(encoding="utf-8")
    quotes = extract_quotes(Article("seed", text, "text"))
    assert quotes
    assert {x.attribution_rule for x in quotes} <= ids


def test_speaker_rule_is_the_attribution_rule() -> None:
    (x,) = q("“We are ready,” Secretary Blinken said on Friday.")
    assert x.attribution_rule == "cue-after"
    (e,) = explain(Article("t", "“We are ready,” Secretary Blinken said on Friday.", "text"))
    assert e.fired == ("cue-after", "attributed")


def test_rule_without_speaker_is_the_kind_rule() -> None:
    (x,) = q("Officials fear 20,000 “terrorists” have crossed the border.")
    assert (x.kind, x.attribution_rule) == ("scare", "scare-unattributed")


def test_json_and_markdown_carry_the_rule() -> None:
    text = SEED.read_text(encoding="utf-8")
    article = Article("seed", text, "text")
    quotes = extract_quotes(article)
    obj = json.loads(report.extraction_json(article, quotes))
    assert [x["attribution_rule"] for x in obj["quotes"]] == [x.attribution_rule for x in quotes]
    md = report.extraction_markdown("seed", quotes)
    assert "| Rule |" in md and "| cue-after |" in md


def test_cli_extract_explain() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "quoteverify", "extract", str(SEED), "--explain"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = out.splitlines()
    assert len(lines) == len(extract_quotes(Article("s", SEED.read_text("utf-8"), "text")))
    assert any("\tcue-after > attributed\t" in line for line in lines)
    assert any("\tcarry-over\t" in line for line in lines)
