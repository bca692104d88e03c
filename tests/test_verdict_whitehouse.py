"""Every judged quote of fixtures/whitehouse/manifest.json gets its expected verdict."""

import json
from pathlib import Path

import pytest

from quoteverify.align import prepare_source
from quoteverify.models import Quote, Source, Speaker
from quoteverify.verdict import judge

WH = Path(__file__).resolve().parents[1] / "fixtures" / "whitehouse"
MANIFEST = json.loads((WH / "manifest.json").read_text(encoding="utf-8"))
CASES = [
    (art, qd)
    for art in MANIFEST
    for qd in art["quotes"]
    if qd["verdict"] is not None  # scare quotes are not judged
]


@pytest.fixture(scope="module")
def prepared():
    cache = {}

    def get(path):
        if path not in cache:
            text = (WH / path).read_text(encoding="utf-8")
            cache[path] = prepare_source(Source(path, "ok", text, path=path))
        return cache[path]

    return get


@pytest.mark.parametrize(("art", "qd"), CASES, ids=[qd["starts_with"][:30] for _, qd in CASES])
def test_manifest_verdict(art, qd, prepared):
    text = (WH / art["article"]).read_text(encoding="utf-8")
    s = text.index(qd["starts_with"])
    e = text.find("\u201d", s)
    qt = text[s:e]
    sp = Speaker(qd["speaker"], qd["speaker"], 0, 0) if qd.get("speaker") else None
    kind = "fragment" if len(qt.split()) <= 3 else "quote"
    r = judge(Quote("q", qt, s, e, kind=kind, speaker=sp), [prepared(p) for p in art["sources"]])
    assert r.verdict == qd["verdict"], (qd["why"], r.notes)
