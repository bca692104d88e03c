"""Write and check brat gold for ``benchmarks/extraction.py`` without counting offsets.

    python benchmarks/make_gold.py list NAME.txt          # numbered “…” stretches
    python benchmarks/make_gold.py build NAME.spec [NAME.txt] [-o NAME.ann]
    python benchmarks/make_gold.py check fixtures/extraction

A spec lists the attributions in reading order, one block each::

    Q: “We view recent events ~~ by force,”   # Content: literal text, or START ~~ END
    S: the Russian Foreign Ministry           # Source: the occurrence nearest the Content
    C: said in a statement                    # Cue: likewise
    N: Russian Foreign Ministry               # optional note on the Source (who "he" is)
    S<: President Trump                       # "S<"/"C<": the nearest before, ">": after
    +: “Q2.”                                  # another fragment of the same Content

``Q: @3`` takes the 3rd stretch that ``list`` prints.  A space in the spec
matches any run of whitespace in the text; ``S: {{said}} he could`` keeps only
the part in double braces.  Content is searched from the
previous Content on; every span is split at line breaks, as brat does.  The
written ``.ann`` is checked (every T text equals its slice) before it is saved.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import (  # noqa: E402
    GoldDoc,
    _quoted_stretches,
    _strip,
    load_corpus,
    parse_ann,
    read_text,
    span_text,
    validate,
)


def stretches(text: str) -> list[tuple[int, int]]:
    """Double-mark quoted stretches of the whole text, for ``Q: @N``."""
    out = []
    for a, b in _quoted_stretches(text, 0, len(text)):
        if text[a] in '“"«„「':
            out.append((a, b))
    return out


def _pattern(s: str) -> re.Pattern[str]:
    """Spaces match any whitespace; ``{{...}}`` marks the part to keep."""
    out = []
    for tok in re.split(r"(\{\{|\}\}|\s+)", s.strip()):
        if tok == "{{":
            out.append("(")
        elif tok == "}}":
            out.append(")")
        elif tok and tok.isspace():
            out.append(r"\s+")
        elif tok:
            out.append(re.escape(tok))
    body = "".join(out)
    core = s.replace("{{", "").replace("}}", "").strip()
    if core[:1].isascii() and core[:1].isalnum():
        body = r"\b" + body
    if core[-1:].isascii() and core[-1:].isalnum():
        body += r"\b"
    return re.compile(body)


def _span(m: re.Match[str]) -> tuple[int, int]:
    return m.span(1) if m.re.groups else m.span()


def find(text: str, s: str, lo: int = 0) -> tuple[int, int]:
    m = _pattern(s).search(text, lo)
    if not m:
        raise SystemExit(f"not found after {lo}: {s!r}")
    return _span(m)


def content(text: str, s: str, lo: int) -> tuple[int, int]:
    """A Content after ``lo``: literal text, or ``START ~~ END``."""
    if " ~~ " not in s:
        return find(text, s, lo)
    a, _ = find(text, s.split(" ~~ ")[0], lo)
    _, b = find(text, s.split(" ~~ ")[1], a)
    return a, b


def nearest(text: str, s: str, near: tuple[int, int], side: str = "") -> tuple[int, int]:
    """The occurrence of ``s`` closest to ``near``; ``side`` "<": before it, ">": after."""
    best: tuple[int, int] | None = None
    dist = 10**9
    for m in _pattern(s).finditer(text):
        a, b = _span(m)
        if a < near[1] and near[0] < b:  # inside the quotation itself
            continue
        if (side == "<" and b > near[0]) or (side == ">" and a < near[1]):
            continue
        d = near[0] - b if b <= near[0] else max(0, a - near[1])
        if d < dist:
            best, dist = (a, b), d
    if best is None:
        raise SystemExit(f"not found: {s!r}")
    return best


def split_lines(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """``text[a:b]`` cut at line breaks, each piece stripped of whitespace."""
    out = []
    for m in re.finditer(r"[^\n]+", text[a:b]):
        x, y = _strip(text, a + m.start(), a + m.end())
        if x < y:
            out.append((x, y))
    return out


@dataclass
class Block:
    content: list[tuple[int, int]] = field(default_factory=list)
    source: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    note: str | None = None


def parse_spec(spec: str, text: str) -> list[Block]:
    blocks: list[Block] = []
    cursor = 0
    auto = stretches(text)
    for raw in spec.splitlines():
        line = raw.split("  #", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, _, val = line.partition(":")
        key, val = key.strip(), val.strip()
        if key == "Q":
            span = auto[int(val[1:]) - 1] if val.startswith("@") else content(text, val, cursor)
            blocks.append(Block(content=[span]))
            cursor = span[0] + 1
        elif key == "+":
            blocks[-1].content.append(content(text, val, blocks[-1].content[-1][1]))
        elif key[:1] == "S":
            blocks[-1].source = nearest(text, val, blocks[-1].content[0], key[1:])
        elif key[:1] == "C":
            blocks[-1].cue = nearest(text, val, blocks[-1].content[0], key[1:])
        elif key == "N":
            blocks[-1].note = val
        else:
            raise SystemExit(f"bad spec line: {raw!r}")
    return blocks


def build(blocks: list[Block], text: str) -> str:
    lines: list[str] = []
    ids: dict[tuple[str, tuple[tuple[int, int], ...]], str] = {}
    n_t = n_e = n_note = 0

    def tline(typ: str, a: int, b: int) -> str:
        nonlocal n_t
        spans = tuple(split_lines(text, a, b))
        key = (typ, spans)
        if key in ids:
            return ids[key]
        n_t += 1
        tid = f"T{n_t}"
        ids[key] = tid
        coords = ";".join(f"{x} {y}" for x, y in spans)
        lines.append(f"{tid}\t{typ} {coords}\t{span_text(text, spans)}")
        return tid

    for bl in blocks:
        spans: list[tuple[int, int]] = []
        for a, b in bl.content:
            spans.extend(split_lines(text, a, b))
        src = tline("Source", *bl.source) if bl.source else None
        cue = tline("Cue", *bl.cue) if bl.cue else None
        n_t += 1
        cid = f"T{n_t}"
        coords = ";".join(f"{x} {y}" for x, y in spans)
        lines.append(f"{cid}\tContent {coords}\t{span_text(text, spans)}")
        if src or cue:
            # PolNeAR's trigger: an ``Attribution`` T over the cue (or the content).
            trig = tuple(split_lines(text, *bl.cue)) if bl.cue else tuple(spans)
            n_t += 1
            coords = ";".join(f"{x} {y}" for x, y in trig)
            typ = "Attribution" if src else "Attribution-no-source"
            lines.append(f"T{n_t}\t{typ} {coords}\t{span_text(text, trig)}")
            n_e += 1
            args = [f"{typ}:T{n_t}", f"Content:{cid}"]
            if cue:
                args.append(f"Cue:{cue}")
            if src:
                args.append(f"Source:{src}")
            lines.append(f"E{n_e}\t" + " ".join(args))
        if bl.note and src:
            n_note += 1
            lines.append(f"#{n_note}\tAnnotatorNotes {src}\t{bl.note}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p_list = sub.add_parser("list")
    p_list.add_argument("txt", type=Path)
    p_build = sub.add_parser("build")
    p_build.add_argument("spec", type=Path)
    p_build.add_argument("txt", type=Path, nargs="?")
    p_build.add_argument("-o", "--out", type=Path)
    p_check = sub.add_parser("check")
    p_check.add_argument("corpus", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "list":
        text = read_text(args.txt)
        for i, (a, b) in enumerate(stretches(text), 1):
            print(f"@{i}\t{a}\t{' '.join(text[a:b].split())[:110]}")
        return 0
    if args.cmd == "build":
        txt = args.txt or args.spec.with_suffix(".txt")
        text = read_text(txt)
        ann = build(parse_spec(read_text(args.spec), text), text)
        problems = validate(GoldDoc(txt.stem, text, parse_ann(ann)))
        if problems:
            print("\n".join(problems), file=sys.stderr)
            return 1
        out = args.out or txt.with_suffix(".ann")
        with open(out, "w", encoding="utf-8", newline="") as fh:
            fh.write(ann)
        print(f"{out}: {ann.count(chr(9) + 'Content ')} contents")
        return 0
    bad = 0
    docs = load_corpus(args.corpus)
    for doc in docs:
        for p in validate(doc):
            bad += 1
            print(f"{doc.name}: {p}")
    print(f"{len(docs)} documents, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
