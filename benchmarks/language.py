"""Language detection: py3langid (quoteverify/_language.py) against the hand-written
detector it replaced (frozen below), on tests/data/language_samples.py.

Prints the CPU cost of loading the model, accuracy, and CPU time per call
(``time.process_time``; min / median / max of 7 repeats) on each sample and on a
20,000-character English source, with the ratio old / new measured in the same run.
The new detector's cache is bypassed (``_detect_uncached``) so that the figure is
the detector, not the cache.
When pycld2 happens to be installed (it is not a dependency), it is measured too,
as the alternative with a compiled-in model.
Run: ``.venv/bin/python benchmarks/language.py``.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quoteverify._language import _detect_uncached  # noqa: E402
from tests.data.language_samples import SAMPLES  # noqa: E402

# ---------------------------------------------------------------- old detector
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


def old_detect(text: str, sample: int = 20000) -> str | None:
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
        uk = sum(text.count(c) for c in "іїєґІЇЄҐ")
        return "uk" if uk / n > 0.01 else "ru"
    if script != "latin":
        return script
    words = [w.lower() for w in _WORD_RE.findall(text)]
    if len(words) < 4:
        return None
    scores = {lang: sum(1 for w in words if w in stops) for lang, stops in _STOPSETS.items()}
    best = max(scores, key=lambda k: (scores[k], k == "en"))
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < 2 or ranked[0] < 1.5 * ranked[1]:
        return None
    return best


# ---------------------------------------------------------------- measurement
def timed(fn: Callable[[str], object], texts: list[str], repeats: int = 7) -> list[float]:
    out = []
    for _ in range(repeats):
        t = time.process_time()
        for text in texts:
            fn(text)
        out.append((time.process_time() - t) / len(texts))
    return out


def fmt(times: list[float]) -> str:
    return (
        f"{min(times) * 1e3:.3f} / {statistics.median(times) * 1e3:.3f} / {max(times) * 1e3:.3f} ms"
    )


def cld2_detector() -> Callable[[str], str | None] | None:
    try:
        import pycld2  # type: ignore[import-not-found]
    except ImportError:
        return None

    def detect(text: str) -> str | None:
        reliable, _, details = pycld2.detect(text)
        code = details[0][1]
        return {"iw": "he"}.get(code, code) if reliable and code != "un" else None

    return detect


def main() -> int:
    t = time.process_time()
    _detect_uncached("load the model once before timing anything")
    print(f"py3langid model load: {time.process_time() - t:.3f} s CPU (once per process)")
    texts = [t for _, t in SAMPLES]
    detectors: list[tuple[str, Callable[[str], str | None]]] = [
        ("old", old_detect),
        ("py3langid", _detect_uncached),
    ]
    cld2 = cld2_detector()
    if cld2 is not None:
        detectors.append(("pycld2", cld2))
    for label, fn in detectors:
        got = [fn(t) for t in texts]
        wrong = [(want, g) for (want, _), g in zip(SAMPLES, got, strict=True) if g != want]
        print(f"{label:10} {len(SAMPLES) - len(wrong)}/{len(SAMPLES)} right; wrong: {wrong}")
    source = (ROOT / "fixtures/seed/sources/state-2022-01-07-blinken-excerpt.txt").read_text(
        encoding="utf-8"
    )
    big = (source * (20000 // len(source) + 1))[:20000]
    for what, batch in (("samples", texts), ("20,000 chars", [big])):
        old = timed(old_detect, batch)
        for label, fn in detectors[1:]:
            new = timed(fn, batch)
            print(
                f"{what:13} old {fmt(old)}   {label} {fmt(new)}   "
                f"old/{label} {statistics.median(old) / statistics.median(new):.1f}x"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
