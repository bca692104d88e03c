"""The cheap English test in front of py3langid: it answers only for text that
is English beyond doubt, and then as py3langid would."""

from __future__ import annotations

from quoteverify import _language

from .conftest import SEED_SOURCE
from .data.language_samples import SAMPLES


def test_a_long_english_transcript_skips_the_model(monkeypatch) -> None:
    text = SEED_SOURCE.read_text(encoding="utf-8")[:20000]
    assert _language._plainly_english(text)
    # The same answer the model gives.
    lang, prob = _language._identifier().classify(text)
    assert (lang, prob >= _language._MIN_CONFIDENCE) == ("en", True)

    def no_model() -> None:
        raise AssertionError("the model was consulted")

    monkeypatch.setattr(_language, "_identifier", no_model)
    assert _language._detect_uncached(text) == "en"


def test_other_languages_and_short_texts_go_to_the_model() -> None:
    for lang, text in SAMPLES:
        long_text = " ".join([text] * 30)  # long enough for the word count
        if lang != "en":
            assert not _language._plainly_english(long_text), lang
    assert not _language._plainly_english("The cat sat on the mat and that was it.")
