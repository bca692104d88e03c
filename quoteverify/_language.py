"""A small language guesser: enough to tell that a source is not in the quote's
language, which makes a word-for-word check meaningless (a translated quote).

No model download: scripts are told apart by their Unicode blocks, Latin-script
languages by their commonest function words.
"""

from __future__ import annotations

import re
import unicodedata

NAMES = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian",
    "ar": "Arabic", "he": "Hebrew", "el": "Greek", "zh": "Chinese", "ja": "Japanese",
    "ko": "Korean",
}  # fmt: skip

_STOPWORDS = {
    "en": "the of and to in is that it for was on with as be at by this are have not you we",
    "fr": "le la les de des et est une un du que qui dans pour pas sur au avec il nous vous",
    "de": "der die das und ist nicht ein eine zu den von mit sich auf für dem auch es wir ich",
    "es": "el la los las de que y en un una es por con para no se del lo como más pero",
    "it": "il la di che e è un una per non in con del della sono si le gli lo ma come",
    "pt": "o a os as de que e do da em um uma para com não por se mais como ao dos",
    "nl": "de het een en van is dat niet in op te met voor zijn er maar ook als wij",
    "tr": "ve bir bu da de için ile çok daha olarak gibi ama ne mi değil en kadar",
}
_STOPSETS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


def _script(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    for key, code in (
        ("CYRILLIC", "cyrillic"), ("ARABIC", "ar"), ("HEBREW", "he"), ("GREEK", "el"),
        ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("HANGUL", "ko"), ("CJK", "zh"), ("LATIN", "latin"),
    ):  # fmt: skip
        if name.startswith(key):
            return code
    return None


def detect(text: str, sample: int = 20000) -> str | None:
    """Return an ISO 639-1 code, or None when the text is too short or mixed to say."""
    text = text[:sample]
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            s = _script(ch)
            if s:
                counts[s] = counts.get(s, 0) + 1
    total = sum(counts.values())
    if total < 20:
        return None
    script, n = max(counts.items(), key=lambda kv: kv[1])
    if n / total < 0.6:
        return None
    if script == "cyrillic":
        # Ukrainian has і/ї/є/ґ, which Russian lacks.
        uk = sum(text.count(c) for c in "іїєґІЇЄҐ")
        return "uk" if uk / n > 0.01 else "ru"
    if script != "latin":
        return script
    words = [w.lower() for w in _WORD_RE.findall(text)]
    if len(words) < 4:
        return None
    scores = {lang: sum(1 for w in words if w in stops) for lang, stops in _STOPSETS.items()}
    best = max(scores, key=lambda k: (scores[k], k == "en"))
    # A few function words are shared across languages ("a", "de", "in"): ask
    # for a clear lead before naming a language.
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < 2 or ranked[0] < 1.5 * ranked[1]:
        return None
    return best


def name(code: str) -> str:
    return NAMES.get(code, code)
