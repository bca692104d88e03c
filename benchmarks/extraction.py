"""Score ``extract_quotes`` against a gold corpus in brat standoff (PolNeAR style).

    python benchmarks/extraction.py fixtures/extraction [--json] [--threshold 0.8]
                                    [--no-timing] [--doc NAME]

Gold format
-----------
``NAME.txt`` (read unchanged: ``encoding="utf-8", newline=""``; offsets are
``str`` indices into it) plus ``NAME.ann`` with

* ``T`` lines: ``T3<TAB>Content 31 80;95 120<TAB>text``: types ``Source``,
  ``Cue`` and ``Content`` are used, any other type (PolNeAR's ``Attribution``
  trigger) is ignored.  A discontinuous span's text is its fragments joined by
  one space, as brat writes it (brat splits every span at line breaks).
* ``E`` lines (PolNeAR: ``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``)
  or ``R`` lines (``R1<TAB>Attribution Source:T1 Content:T3`` or
  ``Arg1:T1 Arg2:T3``): roles ``Source``/``Cue``/``Content`` in any order; an
  argument whose role is none of these counts by the type of the ``T`` it names.
* ``#`` notes: ``#1<TAB>AnnotatorNotes T1<TAB>Antony Blinken`` on a Source gives
  the person a pronoun or a role noun stands for (used for speaker matching).

A folder is searched recursively for ``*.ann`` with a ``.txt`` of the same name
beside it; PolNeAR's own layout (``attributions/NAME_ANNOTATOR.ann`` with
``text/NAME.txt``) works too, one annotator per text (the first by name).

Scoring
-------
* Gold quoted segments: each Content is cut into runs of fragments that only
  a line break separates (a quotation hard-wrapped over lines or running over
  paragraphs is one run; fragments a space apart, ``“A,” “B,”``, are two, as
  are the two halves of a split quotation ``"Q1," X said, "Q2."``).  A run that
  starts with an opening quotation mark is one direct quotation, marks
  included; in a run that does not (PolNeAR's mixed content: ``Trump was
  "absolutely right" when ...``) every quoted stretch, marks included, is a
  segment; a run without marks is indirect speech and not scored.  A run in
  which no quoted stretch opens but which starts or ends with a double mark
  (``”Q,”`` printed with a closing mark as the opener, ``“ Q,”`` with a space
  after it, ``Q,”`` whose opening mark the source left out) is one direct
  quotation: it is annotated, so it is counted.
* Predictions: the quotations of kind ``quote`` and ``fragment``
  (``scare``/``heading`` are not attributions).  ``Quote.start/end`` exclude the
  enclosing marks, so each is widened by the quotation marks right next to it
  (at most two each side, for nested ``“‘...’”``) before comparing.
* A prediction matches a gold segment when the characters they share are at
  least THRESHOLD of the gold segment; matching is one-to-one, best overlap
  first.  Unmatched gold = false negatives, unmatched predictions = false
  positives.  Reported at 30 % and 80 % (and ``--threshold`` if other).
* Speaker accuracy over matched quotations whose gold has a Source: right when
  the predicted speaker's mention span overlaps the Source span, or the last
  word of ``Speaker.name`` (the surname; case-insensitive, not a pronoun) is a
  word of the Source text or of its note.  "Speaker named" is stricter: the
  surname of ``Speaker.name`` must be a word of the Source's note (of the Source
  text when there is none), so an unresolved or wrongly resolved pronoun or role
  noun counts as wrong even where its mention overlaps the Source.

Also times ``extract_quotes`` on the corpus texts concatenated to at least 1 MB
(UTF-8) as one article (target: under 1 s).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quoteverify.models import Article, Quote  # noqa: E402

THRESHOLDS = (0.3, 0.8)
TIMING_BYTES = 1_000_000
COUNTED_KINDS = frozenset({"quote", "fragment"})

# Opening and closing quotation marks (ASCII ones are both).
OPEN_MARKS = "“\"‘'«„‚「『‹»"
CLOSE_MARKS = "”\"’'»“‘」』›«"
ALL_MARKS = frozenset(OPEN_MARKS + CLOSE_MARKS)
# Pairs for finding quoted stretches inside mixed content.
_PAIRS: dict[str, str] = {
    "“": "”",
    '"': '"',
    "«": "»",
    "„": "“",
    "「": "」",
    "『": "』",
    "‘": "’",
    "'": "'",
    "‹": "›",
    "‚": "‘",
    "»": "«",
}
_DOUBLE_OPEN = '“"«„「『»'
_DOUBLE_MARKS = frozenset('“”"«»„')
_PRONOUNS = frozenset(
    "he she they it we i you him her them his hers their its who whom which that this".split()
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class TextBound:
    id: str
    type: str
    spans: tuple[tuple[int, int], ...]
    text: str

    @property
    def start(self) -> int:
        return min(s for s, _ in self.spans)

    @property
    def end(self) -> int:
        return max(e for _, e in self.spans)


@dataclass
class Attribution:
    content: str  # T id
    source: str | None = None
    cue: str | None = None
    rel: str = ""  # the E/R id it came from


@dataclass
class Annotations:
    tbounds: dict[str, TextBound] = field(default_factory=dict)
    attributions: dict[str, Attribution] = field(default_factory=dict)  # by content id
    notes: dict[str, str] = field(default_factory=dict)  # T id -> note text
    relations: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # id -> args
    errors: list[str] = field(default_factory=list)  # lines that could not be read


@dataclass(frozen=True)
class GoldDoc:
    name: str
    text: str
    ann: Annotations
    txt_path: Path | None = None
    ann_path: Path | None = None


@dataclass(frozen=True)
class GoldQuote:
    doc: str
    start: int  # marks included
    end: int
    text: str
    content_id: str
    source_spans: tuple[tuple[int, int], ...] = ()
    source_text: str | None = None
    source_note: str | None = None


def _role(name: str) -> str:
    return re.sub(r"\d+$", "", name).strip().lower()


def parse_ann(data: str) -> Annotations:
    """Read brat standoff; unknown line kinds are ignored, bad lines go to ``errors``."""
    ann = Annotations()
    for lineno, raw in enumerate(data.splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        kind = line[0]
        try:
            if kind == "T":
                tid, middle, text = line.split("\t", 2)
                typ, _, spans = middle.partition(" ")
                parts = []
                for frag in spans.split(";"):
                    a, b = frag.split()
                    parts.append((int(a), int(b)))
                ann.tbounds[tid] = TextBound(tid, typ, tuple(parts), text)
            elif kind in "ER":
                rid, middle = line.split("\t")[:2]
                args = []
                for tok in middle.split()[0 if kind == "E" else 1 :]:
                    role, _, ref = tok.partition(":")
                    if ref:
                        args.append((role, ref))
                ann.relations[rid] = args
            elif kind == "#":
                _nid, middle, text = line.split("\t", 2)
                fields = middle.split()
                if len(fields) >= 2:
                    ann.notes[fields[1]] = text.strip()
        except ValueError:
            ann.errors.append(f"line {lineno}: cannot read {line!r}")
    _link(ann)
    return ann


def _link(ann: Annotations) -> None:
    """Turn E/R relations into one ``Attribution`` per Content."""
    loose: list[dict[str, str]] = []  # relations without a Content: Source-Cue chains
    for rid, args in ann.relations.items():
        roles: dict[str, list[str]] = {}
        for role, ref in args:
            r = _role(role)
            if r not in ("source", "cue", "content"):
                tb = ann.tbounds.get(ref)
                r = _role(tb.type) if tb else ""
            if r in ("source", "cue", "content"):
                roles.setdefault(r, []).append(ref)
        if "content" not in roles:
            if "source" in roles and "cue" in roles:
                loose.append({"source": roles["source"][0], "cue": roles["cue"][0]})
            continue
        for cid in roles["content"]:
            at = ann.attributions.setdefault(cid, Attribution(cid, rel=rid))
            if roles.get("source") and at.source is None:
                at.source = roles["source"][0]
            if roles.get("cue") and at.cue is None:
                at.cue = roles["cue"][0]
    for lk in loose:
        for at in ann.attributions.values():
            if at.cue == lk["cue"] and at.source is None:
                at.source = lk["source"]
    for tb in ann.tbounds.values():
        if _role(tb.type) == "content" and tb.id not in ann.attributions:
            ann.attributions[tb.id] = Attribution(tb.id)


def span_text(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text brat writes for ``spans``: the fragments joined by one space."""
    return " ".join(text[a:b] for a, b in spans)


def validate(doc: GoldDoc) -> list[str]:
    """Problems with ``doc``'s annotations: empty when every line checks out."""
    problems = list(doc.ann.errors)
    n = len(doc.text)
    for tb in doc.ann.tbounds.values():
        if any(not (0 <= a < b <= n) for a, b in tb.spans):
            problems.append(f"{tb.id}: span {tb.spans} outside the text (length {n})")
            continue
        if any(tb.spans[i][1] > tb.spans[i + 1][0] for i in range(len(tb.spans) - 1)):
            problems.append(f"{tb.id}: fragments out of order or overlapping")
        got = span_text(doc.text, tb.spans)
        if got != tb.text:
            problems.append(f"{tb.id}: text {tb.text!r} but the .txt has {got!r}")
    for rid, args in doc.ann.relations.items():
        for _role_name, ref in args:
            if ref not in doc.ann.tbounds:
                problems.append(f"{rid}: refers to {ref}, which is not a T line")
    for tid in doc.ann.notes:
        if tid not in doc.ann.tbounds and tid not in doc.ann.relations:
            problems.append(f"note on {tid}, which does not exist")
    for at in doc.ann.attributions.values():
        for role, ref in (("Source", at.source), ("Cue", at.cue)):
            tb = doc.ann.tbounds.get(ref or "")
            if ref and tb and _role(tb.type) != role.lower():
                problems.append(f"{at.rel}: {role} role given to {ref}, a {tb.type}")
    return problems


def _runs(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fragments that only a line break (and the whitespace around it) separates,
    merged: brat splits a span at line breaks only, so fragments a mere space apart
    are segments the annotator cut on purpose (``vilifying ICE as “fascists,” “the
    Gestapo,” and “slave patrols,”``, "one Content, three segments" in
    extraction-wh-fresh7's README; ``“promote diversion …,” “deemphasize”`` in
    fresh3's Charlotte text; four quoted stretches after "make" in fresh3's
    five-part-plan text)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        gap = text[out[-1][1] : a] if out else "-"
        if out and not gap.strip() and ("\n" in gap or "\r" in gap or not gap):
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _word_char(c: str) -> bool:
    return c.isalnum()


def _quoted_stretches(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Quoted stretches (marks included) inside ``text[a:b]``; an unclosed one runs to b."""
    out: list[tuple[int, int]] = []
    i = a
    while i < b:
        c = text[i]
        if c in _PAIRS and _opens(text, i, a):
            close = _PAIRS[c]
            j = i + 1
            while j < b:
                if text[j] == close and _closes(text, j, b, single=c not in _DOUBLE_OPEN):
                    break
                j += 1
            end = min(j + 1, b)
            if c in _DOUBLE_OPEN or j < b:  # an unclosed single mark is an apostrophe
                out.append((i, end))
                i = end
                continue
        i += 1
    return out


# After a single mark, an elision rather than a quotation: '90s, 'Tis, 'em, rock 'n' roll.
_ELISION = re.compile(r"\d\ds\b|tis\b|twas\b|em\b|n['’]", re.IGNORECASE)


def _opens(text: str, i: int, lo: int) -> bool:
    """A mark at ``i`` can open: not inside a word (``Jones'``, ``don't``), no elision."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in "'‘’" and _ELISION.match(text, i + 1):
        return False
    return not _word_char(before) and not after.isspace()


def _closes(text: str, j: int, hi: int, single: bool) -> bool:
    if not single:
        return True
    after = text[j + 1] if j + 1 < hi else " "
    return not _word_char(after)


def segments(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The directly quoted segments (marks included) of a Content with ``spans``."""
    out: list[tuple[int, int]] = []
    for ra, rb in _runs(text, spans):
        a, b = _strip(text, ra, rb)
        if a >= b:
            continue
        if text[a] in OPEN_MARKS and _opens(text, a, a):
            out.append((a, b))
            continue
        found = _quoted_stretches(text, a, b)
        if not found and (text[a] in _DOUBLE_MARKS or text[b - 1] in _DOUBLE_MARKS):
            # A direct quotation the source printed with a broken opening mark
            # (``”The White House is way up here,” Landrieu said``, ``“ We tried …,”``,
            # ``communities," For example …"``) or none at all (an excerpt's second
            # paragraph after ``[…]``): without this its gold was silently dropped.
            found = [(a, b)]
        out.extend(found)
    return out


def gold_quotes(doc: GoldDoc) -> list[GoldQuote]:
    out: list[GoldQuote] = []
    for at in doc.ann.attributions.values():
        content = doc.ann.tbounds.get(at.content)
        if content is None:
            continue
        src = doc.ann.tbounds.get(at.source or "")
        for a, b in segments(doc.text, content.spans):
            out.append(
                GoldQuote(
                    doc=doc.name,
                    start=a,
                    end=b,
                    text=doc.text[a:b],
                    content_id=content.id,
                    source_spans=src.spans if src else (),
                    source_text=src.text if src else None,
                    source_note=doc.ann.notes.get(src.id) if src else None,
                )
            )
    out.sort(key=lambda g: (g.start, g.end))
    return out


_ANNOTATOR_SUFFIX = re.compile(r"_[0-9a-f]{4}$")


def _txt_for(ann: Path) -> Path | None:
    beside = ann.with_suffix(".txt")
    if beside.exists():
        return beside
    if ann.parent.name == "attributions":
        stem = _ANNOTATOR_SUFFIX.sub("", ann.stem)
        other = ann.parent.parent / "text" / f"{stem}.txt"
        if other.exists():
            return other
    return None


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def load_doc(txt: Path, ann: Path, name: str | None = None) -> GoldDoc:
    return GoldDoc(
        name=name or txt.stem,
        text=read_text(txt),
        ann=parse_ann(read_text(ann)),
        txt_path=txt,
        ann_path=ann,
    )


def load_corpus(root: Path) -> list[GoldDoc]:
    """Every annotated text under ``root`` (or the one ``.ann``/``.txt`` given)."""
    if root.is_file():
        ann = root.with_suffix(".ann")
        txt = _txt_for(ann)
        if txt is None:
            raise SystemExit(f"no .txt for {ann}")
        return [load_doc(txt, ann)]
    docs: list[GoldDoc] = []
    seen: set[Path] = set()
    for ann in sorted(root.rglob("*.ann")):
        txt = _txt_for(ann)
        if txt is None or txt in seen:
            continue
        seen.add(txt)
        rel = txt.relative_to(root) if txt.is_relative_to(root) else Path(txt.name)
        docs.append(load_doc(txt, ann, str(rel.with_suffix(""))))
    return docs


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Pred:
    doc: str
    start: int  # widened by the adjacent marks
    end: int
    quote: Quote


def widen(text: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` grown over the quotation marks right next to them (two at most)."""
    a, b = start, end
    for _ in range(2):
        if a > 0 and text[a - 1] in ALL_MARKS:
            a -= 1
    for _ in range(2):
        if b < len(text) and text[b] in ALL_MARKS:
            b += 1
    return a, b


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _words(s: str) -> list[str]:
    out = []
    for w in re.findall(r"[^\W\d_][\w'’.-]*", s.lower()):
        w = re.sub(r"['’]s?$", "", w).strip(".-")
        if w:
            out.append(w)
    return out


def surname(name: str) -> str | None:
    ws = [w for w in _words(name) if w not in _SUFFIXES]
    if not ws or ws[-1] in _PRONOUNS:
        return None
    return ws[-1]


def speaker_right(gold: GoldQuote, quote: Quote) -> bool:
    sp = quote.speaker
    if sp is None:
        return False
    if sp.start >= 0 and any(overlap((sp.start, sp.end), s) > 0 for s in gold.source_spans):
        return True
    last = surname(sp.name)
    if last is None:
        return False
    pool = set(_words(gold.source_text or "")) | set(_words(gold.source_note or ""))
    return last in pool or last.replace("’", "'") in pool


def speaker_named(gold: GoldQuote, quote: Quote) -> bool:
    """Stricter than ``speaker_right``: the predicted name itself must be the gold
    speaker's (its surname a word of the Source's note, or of the Source text when
    there is no note). A pronoun or role noun left unresolved, or resolved to the
    wrong person, is wrong here even when its mention overlaps the gold Source –
    the resolution (issue 11, class 4) is what this measures."""
    sp = quote.speaker
    if sp is None:
        return False
    last = surname(sp.name)
    if last is None:
        return False
    pool = set(_words(gold.source_note or gold.source_text or ""))
    return last in pool or last.replace("’", "'") in pool


@dataclass
class Matching:
    threshold: float
    pairs: list[tuple[GoldQuote, Pred, float]]
    false_negatives: list[tuple[GoldQuote, float, Pred | None]]  # best overlap seen
    false_positives: list[Pred]


def match(golds: Sequence[GoldQuote], preds: Sequence[Pred], threshold: float) -> Matching:
    """One-to-one, best overlap first, pairs whose overlap is ≥ threshold of the gold."""
    cands: list[tuple[float, int, int]] = []
    best: dict[int, tuple[float, int]] = {}
    for gi, g in enumerate(golds):
        glen = max(1, g.end - g.start)
        for pi, p in enumerate(preds):
            if p.doc != g.doc:
                continue
            ov = overlap((g.start, g.end), (p.start, p.end))
            if not ov:
                continue
            ratio = ov / glen
            if ratio > best.get(gi, (0.0, -1))[0]:
                best[gi] = (ratio, pi)
            if ratio >= threshold - 1e-9:
                cands.append((ratio, gi, pi))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[GoldQuote, Pred, float]] = []
    for ratio, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((golds[gi], preds[pi], ratio))
    fns = []
    for gi, g in enumerate(golds):
        if gi not in used_g:
            r, pi = best.get(gi, (0.0, -1))
            fns.append((g, r, preds[pi] if pi >= 0 else None))
    fps = [p for pi, p in enumerate(preds) if pi not in used_p]
    pairs.sort(key=lambda t: (t[0].doc, t[0].start))
    return Matching(threshold, pairs, fns, fps)


def predictions(doc: GoldDoc, quotes: Iterable[Quote]) -> tuple[list[Pred], list[Quote]]:
    """(counted predictions, widened; the uncounted scare/heading quotes)."""
    counted: list[Pred] = []
    other: list[Quote] = []
    for q in quotes:
        if q.kind not in COUNTED_KINDS:
            other.append(q)
            continue
        a, b = widen(doc.text, q.start, q.end)
        counted.append(Pred(doc.name, a, b, q))
    return counted, other


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def metrics(m: Matching) -> dict[str, Any]:
    tp, fp, fn = len(m.pairs), len(m.false_positives), len(m.false_negatives)
    p, r, f = _prf(tp, fp, fn)
    judged = [(g, pr) for g, pr, _ in m.pairs if g.source_spans or g.source_note]
    right = sum(1 for g, pr in judged if speaker_right(g, pr.quote))
    named = sum(1 for g, pr in judged if speaker_named(g, pr.quote))
    return {
        "threshold": m.threshold,
        "gold": tp + fn,
        "predicted": tp + fp,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "speaker_right": right,
        "speaker_judged": len(judged),
        "speaker_accuracy": round(right / len(judged), 4) if judged else 0.0,
        "speaker_named_right": named,
        "speaker_named_accuracy": round(named / len(judged), 4) if judged else 0.0,
    }


@dataclass
class Result:
    docs: int
    golds: list[GoldQuote]
    preds: list[Pred]
    uncounted: dict[str, list[Quote]]
    matchings: dict[float, Matching]
    invalid: dict[str, list[str]]


def score(
    docs: Sequence[GoldDoc],
    predicted: dict[str, Sequence[Quote]],
    thresholds: Iterable[float] = THRESHOLDS,
) -> Result:
    """Score ``predicted`` (doc name → quotes) against ``docs``."""
    golds: list[GoldQuote] = []
    preds: list[Pred] = []
    uncounted: dict[str, list[Quote]] = {}
    invalid: dict[str, list[str]] = {}
    for doc in docs:
        problems = validate(doc)
        if problems:
            invalid[doc.name] = problems
        golds.extend(gold_quotes(doc))
        counted, other = predictions(doc, predicted.get(doc.name, ()))
        preds.extend(counted)
        uncounted[doc.name] = other
    matchings = {t: match(golds, preds, t) for t in sorted(set(thresholds))}
    return Result(len(docs), golds, preds, uncounted, matchings, invalid)


def _why_missed(res: Result, g: GoldQuote, ratio: float) -> str:
    for q in res.uncounted.get(g.doc, ()):
        a, b = widen_any(q)
        if overlap((a, b), (g.start, g.end)):
            return f"predicted as {q.kind}"
    if ratio > 0:
        return f"span covers {ratio:.0%}"
    return "not found"


def widen_any(q: Quote) -> tuple[int, int]:
    return q.start - 1, q.end + 1


def misses(res: Result, threshold: float) -> dict[str, list[dict[str, Any]]]:
    m = res.matchings[threshold]
    fns = []
    for g, ratio, best in m.false_negatives:
        fns.append({
            "doc": g.doc,
            "start": g.start,
            "text": g.text,
            "gold_source": g.source_note or g.source_text,
            "why": _why_missed(res, g, ratio),
            "best_prediction": best.quote.text if best else None,
        })  # fmt: skip
    fps = []
    for p in m.false_positives:
        fps.append({
            "doc": p.doc,
            "start": p.quote.start,
            "text": p.quote.text,
            "kind": p.quote.kind,
            "speaker": p.quote.speaker.name if p.quote.speaker else None,
        })  # fmt: skip
    wrong = []
    for g, p, _ in m.pairs:
        if (g.source_spans or g.source_note) and not speaker_right(g, p.quote):
            sp = p.quote.speaker
            wrong.append({
                "doc": g.doc,
                "start": g.start,
                "text": g.text,
                "gold_source": g.source_text,
                "gold_name": g.source_note,
                "predicted_name": sp.name if sp else None,
                "predicted_mention": sp.mention if sp else None,
            })  # fmt: skip
    return {"false_negatives": fns, "false_positives": fps, "wrong_speakers": wrong}


# --------------------------------------------------------------------------- per rule


def per_rule(res: Result, threshold: float) -> list[dict[str, Any]]:
    """How often each extraction rule decided a quotation and how often it was right.

    A counted quotation (quote/fragment) is right when it matches a gold
    segment, and its speaker is right as ``speaker_right`` says; an uncounted one
    (scare/heading) is right when it covers no gold segment, i.e. when saying
    "not a quotation" was right.
    """
    m = res.matchings[threshold]
    matched = {id(p.quote): g for g, p, _ in m.pairs}
    golds_by_doc: dict[str, list[GoldQuote]] = {}
    for g in res.golds:
        golds_by_doc.setdefault(g.doc, []).append(g)
    rows: dict[str, dict[str, Any]] = {}

    def row(rule: str | None) -> dict[str, Any]:
        return rows.setdefault(rule or "—", {
            "rule": rule or "—", "fired": 0, "right": 0, "wrong": 0,
            "speaker_right": 0, "speaker_judged": 0,
        })  # fmt: skip

    for p in res.preds:
        r = row(p.quote.attribution_rule)
        r["fired"] += 1
        g = matched.get(id(p.quote))
        if g is None:
            r["wrong"] += 1
            continue
        r["right"] += 1
        if g.source_spans or g.source_note:
            r["speaker_judged"] += 1
            r["speaker_right"] += speaker_right(g, p.quote)
    for doc, quotes in res.uncounted.items():
        for q in quotes:
            r = row(q.attribution_rule)
            r["fired"] += 1
            a, b = widen_any(q)
            hides = any(overlap((a, b), (g.start, g.end)) for g in golds_by_doc.get(doc, ()))
            r["wrong" if hides else "right"] += 1
    return sorted(rows.values(), key=lambda r: (-r["fired"], r["rule"]))


# --------------------------------------------------------------------------- naive baseline

# The baseline any extractor must beat on recall: every stretch between a pair of
# quotation marks inside one paragraph, no speakers, no kinds.
_NAIVE = re.compile(r"“([^“”]*?)”|\"([^\"\n]*?)\"|«([^«»]*?)»|„([^„“”]*?)[“”]")


def naive_quotes(text: str) -> list[Quote]:
    out: list[Quote] = []
    for m in _NAIVE.finditer(text):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        a, b = m.span(g)
        if "\n\n" in text[a:b] or not text[a:b].strip():
            continue
        out.append(Quote(f"n{len(out) + 1}", text[a:b], a, b))
    return out


# --------------------------------------------------------------------------- output


def _short(s: str | None, n: int = 90) -> str:
    if s is None:
        return "—"
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _cell(s: str | None, n: int = 90) -> str:
    return _short(s, n).replace("|", "\\|")


def markdown(
    res: Result,
    threshold: float,
    timing: dict[str, float] | None,
    baseline: Result | None = None,
) -> str:
    lines = [
        f"# Extraction benchmark: {res.docs} documents, {len(res.golds)} gold quotations, "
        f"{len(res.preds)} predicted (quote/fragment)",
        "",
        "| overlap ≥ | gold | pred | TP | FP | FN | precision | recall | F1 | speaker acc. "
        "| speaker named |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for t, m in res.matchings.items():
        x = metrics(m)
        lines.append(
            f"| {t:.0%} | {x['gold']} | {x['predicted']} | {x['tp']} | {x['fp']} | {x['fn']} "
            f"| {x['precision']:.3f} | {x['recall']:.3f} | {x['f1']:.3f} "
            f"| {x['speaker_accuracy']:.3f} ({x['speaker_right']}/{x['speaker_judged']}) "
            f"| {x['speaker_named_accuracy']:.3f} ({x['speaker_named_right']}/"
            f"{x['speaker_judged']}) |"
        )
    if baseline is not None:
        for t, m in baseline.matchings.items():
            x = metrics(m)
            lines.append(
                f"| naive regex {t:.0%} | {x['gold']} | {x['predicted']} | {x['tp']} | {x['fp']} "
                f"| {x['fn']} | {x['precision']:.3f} | {x['recall']:.3f} | {x['f1']:.3f} | — | — |"
            )
    rules = per_rule(res, threshold)
    if any(r["rule"] != "—" for r in rules):
        lines += [
            "",
            f"## Per rule at overlap ≥ {threshold:.0%}",
            "",
            "Counted kinds are right when they match a gold quotation; scare/heading "
            "rules are right when they hide no gold quotation.",
            "",
            "| rule | fired | right | wrong | speaker right |",
            "| --- | --- | --- | --- | --- |",
        ]
        for r in rules:
            sp = f"{r['speaker_right']}/{r['speaker_judged']}" if r["speaker_judged"] else "—"
            lines.append(f"| {r['rule']} | {r['fired']} | {r['right']} | {r['wrong']} | {sp} |")
    if timing:
        lines += [
            "",
            f"Extraction of {timing['bytes'] / 1e6:.2f} MB of text: {timing['seconds']:.3f} s "
            f"(target < 1 s; {timing['quotes']} quotations)",
        ]
    if res.invalid:
        lines += ["", "## Invalid annotations", ""]
        for name, probs in res.invalid.items():
            lines += [f"- {name}: {p}" for p in probs]
    ms = misses(res, threshold)
    lines += ["", f"## Misses at overlap ≥ {threshold:.0%}", ""]
    lines += [f"### False negatives ({len(ms['false_negatives'])})", ""]
    if ms["false_negatives"]:
        lines += [
            "| doc | @ | gold quotation | gold source | why |",
            "| --- | --- | --- | --- | --- |",
        ]
        for x in ms["false_negatives"]:
            lines.append(
                f"| {x['doc']} | {x['start']} | {_cell(x['text'])} | {_cell(x['gold_source'], 40)} "
                f"| {x['why']} |"
            )
    lines += ["", f"### False positives ({len(ms['false_positives'])})", ""]
    if ms["false_positives"]:
        lines += ["| doc | @ | predicted | kind | speaker |", "| --- | --- | --- | --- | --- |"]
        for x in ms["false_positives"]:
            lines.append(
                f"| {x['doc']} | {x['start']} | {_cell(x['text'])} | {x['kind']} "
                f"| {_cell(x['speaker'], 40)} |"
            )
    lines += ["", f"### Wrong speakers ({len(ms['wrong_speakers'])})", ""]
    if ms["wrong_speakers"]:
        lines += [
            "| doc | @ | quotation | gold source | predicted speaker |",
            "| --- | --- | --- | --- | --- |",
        ]
        for x in ms["wrong_speakers"]:
            gold = x["gold_source"] or ""
            if x["gold_name"]:
                gold += f" ({x['gold_name']})"
            pred = (
                f"{x['predicted_name']} [{x['predicted_mention']}]"
                if x["predicted_name"]
                else "none"
            )
            lines.append(
                f"| {x['doc']} | {x['start']} | {_cell(x['text'], 60)} | {_cell(gold, 50)} "
                f"| {_cell(pred, 50)} |"
            )
    return "\n".join(lines) + "\n"


def to_json(
    res: Result,
    threshold: float,
    timing: dict[str, float] | None,
    baseline: Result | None = None,
) -> dict[str, Any]:
    return {
        "baseline_naive_regex": (
            [metrics(m) for m in baseline.matchings.values()] if baseline else None
        ),
        "per_rule": per_rule(res, threshold),
        "documents": res.docs,
        "gold_quotations": len(res.golds),
        "predicted_quotations": len(res.preds),
        "metrics": [metrics(m) for m in res.matchings.values()],
        "timing": timing,
        "invalid": res.invalid,
        "misses_threshold": threshold,
        "misses": misses(res, threshold),
    }


# --------------------------------------------------------------------------- running


def run_extractor(docs: Sequence[GoldDoc]) -> dict[str, list[Quote]]:
    from quoteverify.extract import extract_quotes

    out: dict[str, list[Quote]] = {}
    for d in docs:
        article = Article(origin=str(d.txt_path or d.name), text=d.text, format="text")
        out[d.name] = extract_quotes(article)
    return out


def time_extraction(docs: Sequence[GoldDoc], target: int = TIMING_BYTES) -> dict[str, float]:
    from quoteverify.extract import extract_quotes

    texts = [d.text for d in docs if d.text]
    if not texts:
        return {"bytes": 0, "seconds": 0.0, "quotes": 0}
    parts: list[str] = []
    size = 0
    while size < target:
        for t in texts:
            parts.append(t)
            size += len(t.encode("utf-8")) + 2
            if size >= target:
                break
    big = "\n\n".join(parts)
    article = Article(origin="<timing>", text=big, format="text")
    t0 = time.perf_counter()
    quotes = extract_quotes(article)
    secs = time.perf_counter() - t0
    return {"bytes": len(big.encode("utf-8")), "seconds": round(secs, 3), "quotes": len(quotes)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "corpus", type=Path, nargs="+",
        help="folder of NAME.txt + NAME.ann (or one .ann); several are scored one by one",
    )  # fmt: skip
    ap.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    ap.add_argument(
        "--threshold", type=float, default=0.8,
        help="overlap (share of the gold segment) for the list of misses; also scored",
    )  # fmt: skip
    ap.add_argument("--no-timing", action="store_true", help="skip the 1 MB timing run")
    ap.add_argument("--doc", action="append", help="only these documents (by name)")
    args = ap.parse_args(argv)
    if not 0 < args.threshold <= 1:
        ap.error("--threshold must be in (0, 1]")
    out: dict[str, Any] = {}
    for corpus in args.corpus:
        docs = load_corpus(corpus)
        if args.doc:
            docs = [d for d in docs if d.name in args.doc or Path(d.name).name in args.doc]
        if not docs:
            print(f"no annotated documents under {corpus}", file=sys.stderr)
            return 2
        ts = (*THRESHOLDS, args.threshold)
        res = score(docs, run_extractor(docs), ts)
        naive = score(docs, {d.name: naive_quotes(d.text) for d in docs}, ts)
        timing = None if args.no_timing else time_extraction(docs)
        if args.json:
            out[str(corpus)] = to_json(res, args.threshold, timing, naive)
        else:
            if len(args.corpus) > 1:
                print(f"\n# {corpus}\n")
            print(markdown(res, args.threshold, timing, naive), end="")
    if args.json:
        obj = out[str(args.corpus[0])] if len(out) == 1 else out
        print(json.dumps(obj, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
