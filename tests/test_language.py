"""Language detection (issue 15/16): the languages the hand-written detector got
wrong or could not name, and one detection per distinct text."""

from __future__ import annotations

import pytest

from quoteverify import _language
from quoteverify._language import detect, name

from .data.language_samples import SAMPLES

FAILED_BEFORE = {"da", "sr", "pl", "sv", "cs", "ro", "id", "tr"}


def test_the_samples_cover_the_failing_cases() -> None:
    assert FAILED_BEFORE <= {lang for lang, _ in SAMPLES}


@pytest.mark.parametrize(("lang", "text"), SAMPLES, ids=[lang for lang, _ in SAMPLES])
def test_detects_the_language(lang: str, text: str) -> None:
    assert detect(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Kazakhstan 2022",
        "Antony J. Blinken, Secretary of State",  # a byline: names, no language
        "12:30 — 14:45 — 2022-01-07",
    ],
)
def test_says_nothing_when_it_cannot_tell(text: str) -> None:
    assert detect(text) is None


def test_names_the_new_languages() -> None:
    assert [name(c) for c in ("da", "sr", "pl", "sv", "cs", "ro", "id", "tr")] == [
        "Danish", "Serbian", "Polish", "Swedish", "Czech", "Romanian", "Indonesian", "Turkish",
    ]  # fmt: skip
    assert name("xx") == "xx"


def test_each_text_is_detected_once(monkeypatch) -> None:
    calls: list[str] = []
    real = _language._detect_uncached

    def counting(text: str) -> str | None:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(_language, "_detect_uncached", counting)
    text = "Ce texte n'a encore jamais été vu par le détecteur de langue, pas une seule fois."
    assert [detect(text) for _ in range(5)] == ["fr"] * 5
    assert detect(text + " ") == "fr"  # a different text is detected again
    assert len(calls) == 2


def test_the_cache_is_bounded(monkeypatch) -> None:
    monkeypatch.setattr(_language, "_CACHE_SIZE", 3)
    monkeypatch.setattr(_language, "_cache", type(_language._cache)())
    for i in range(10):
        detect(f"The minister spoke to reporters for the {i}th time this week about it.")
    assert len(_language._cache) == 3


def test_the_model_is_not_loaded_at_import() -> None:
    import subprocess
    import sys

    code = (
        "import sys, quoteverify._language as l; "
        "print(any(m.startswith('py3langid') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
