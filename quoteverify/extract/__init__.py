"""Quotation extraction: article → quotations with speakers.

``extract_quotes(article)`` is a pure function.  It finds quotation spans
(``_marks``), then decides for each what it is (a quotation, an attributed
fragment, a scare quote or a heading) and who said it by the ordered rule
tables of ``_rules``; the speaker phrase is parsed by ``_cues``/``_phrases``/
``_names`` and resolved (pronouns, surnames, role nouns) by ``_resolve``.
"""

from __future__ import annotations

from quoteverify.extract._limits import LIMITS, ExtractLimits
from quoteverify.extract._marks import TooManyQuotations
from quoteverify.extract._rules import (
    ATTRIBUTION_RULES,
    EARLY_KIND_RULES,
    KIND_RULES,
    Explained,
    Rule,
    explain,
)
from quoteverify.models import Article, Quote

__all__ = [
    "ATTRIBUTION_RULES",
    "EARLY_KIND_RULES",
    "KIND_RULES",
    "LIMITS",
    "ExtractLimits",
    "Explained",
    "Rule",
    "TooManyQuotations",
    "explain",
    "extract_quotes",
]


def extract_quotes(article: Article) -> list[Quote]:
    """Quotations of ``article`` in reading order, ids "q1", "q2", …"""
    return [e.quote for e in explain(article)]
