"""Language of a text: enough to tell that a source is not in the quote's language,
which makes a word-for-word check meaningless (a translated quote).

py3langid (a maintained fork of langid.py: byte n-grams, naive Bayes, 140 language
labels) replaced a hand-written guesser that called Danish English and Serbian
Russian and could not name Polish, Swedish, Czech, Romanian, Indonesian or Turkish.
Its model costs about 0.4 s of CPU and 120 MiB (peak) to load, so it is loaded on
the first detection, never at import (``quoteverify extract`` never pays for it),
and each distinct text is detected once per process (a ``check`` of many articles
shares its sources).
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish",
    "de": "German", "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew", "hi": "Hindi",
    "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian",
    "ja": "Japanese", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "ms": "Malay",
    "nb": "Norwegian", "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian",
    "sv": "Swedish", "th": "Thai", "tr": "Turkish", "uk": "Ukrainian", "vi": "Vietnamese",
    "zh": "Chinese",
}  # fmt: skip

# Fewer letters than this (a title, a date line, a name) say nothing reliable.
_MIN_LETTERS = 20
# Below this probability the text is mixed, too short or between two close
# languages (Malay/Indonesian, Arabic/its dialects): say nothing rather than
# call a source "in another language", which makes its quotes unverifiable.
_MIN_CONFIDENCE = 0.8
# Distinct texts remembered per process: sources and articles of one run.
_CACHE_SIZE = 1024
_NOT_LETTERS = r"[\W\d_]+"

_cache: OrderedDict[bytes, str | None] = OrderedDict()
_lock = threading.Lock()  # check may detect from several threads


@cache
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # Probabilities (norm_probs), not raw scores, so that one threshold works
    # for every length of text.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@cache
def _not_letters() -> re.Pattern[str]:
    return re.compile(_NOT_LETTERS)


# English's commonest function words, none of them a common word of another
# language py3langid names ("a", "i", "in", "on", "die", "de" are left out).
_ENGLISH_WORDS = frozenset(
    "the of and to that is it for you we with this are was have not they be what but "
    "will there would our from at he by".split()
)
# A sample of at least this many words, this share of them English function words
# (English transcripts: 29-33 %; other languages: a few %) and next to no letter
# outside ASCII is
# English beyond doubt: py3langid, whose model costs ~0.5 s of CPU to load, is
# asked only about the rest.
_FAST_MIN_WORDS = 200
_FAST_MIN_SHARE = 0.25
_FAST_MAX_NON_ASCII = 0.005  # letters outside ASCII, per character
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _plainly_english(text: str) -> bool:
    words = text.lower().split()
    if len(words) < _FAST_MIN_WORDS:
        return False
    hits = sum(1 for w in words if w.strip(".,;:!?\"'()[]-—") in _ENGLISH_WORDS)
    if hits < _FAST_MIN_SHARE * len(words):
        return False
    # Curly quotes and dashes are not ASCII either: count letters only.
    foreign = sum(1 for c in _NON_ASCII.findall(text) if c.isalpha())
    return foreign <= _FAST_MAX_NON_ASCII * len(text)


def _detect_uncached(text: str) -> str | None:
    if _plainly_english(text):
        return "en"
    if len(_not_letters().sub("", text)) < _MIN_LETTERS:
        return None
    lang, prob = _identifier().classify(text)
    return str(lang) if prob >= _MIN_CONFIDENCE else None


def detect(text: str, sample: int = 20000) -> str | None:
    """Return the language's ISO 639 code (two letters where there is one: "en",
    "sr"; else three: "crh"), or None when the text is too short or mixed to say.

    Only the first ``sample`` characters are read; the answer is cached by their
    SHA-1, so a source shared by many articles is detected once per process.
    """
    text = text[:sample]
    key = hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest()
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    lang = _detect_uncached(text)
    with _lock:
        _cache[key] = lang
        if len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return lang


def name(code: str) -> str:
    return NAMES.get(code, code)
