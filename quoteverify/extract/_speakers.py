"""Cues, speakers and coreference: who a quotation is attributed to.

All searches run on the masked text (Markdown blanked, same offsets) and stay
inside the quotation's paragraph and a bounded window, so the cost is linear in
the article's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast

from quoteverify.extract._lexicon import (
    ACCORDING_TO,
    ASIDE_START,
    COMMON_CAPS,
    CUE,
    CUE_EXTENSION,
    GROUP_WORDS,
    INDIRECT_ONLY_CUE,
    ORG_NOUNS,
    ORG_SINGLE,
    ORG_WORDS,
    PARTICIPLE_CUE,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_WORDS,
    TITLE_WORDS,
)
from quoteverify.models import Speaker, SpeakerType

# ---------------------------------------------------------------------------
# Names

_TOK = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr|St|Adm|Maj|Cmdr|Amb|"
    r"Sec|Supt)\.|(?:[A-Z]\.){1,3}(?![\w])|[A-Z\u00C0-\u00DE][\w’'\-]*)"
)
# Possessive quantifiers: a masked URL leaves long runs of spaces, and an
# ambiguous split of such a run between two quantifiers backtracks quadratically.
_SP = r"(?:[^\S\n]++(?:\n[^\S\n]*+)?|\n[^\S\n]*+)"
_CONN = r"(?:of|for|the|and|&|de|da|di|del|van|von|der|den|bin|al|la|le|du|y)"
# A run of capitalised words, with the small words names and titles contain:
# "US Secretary of State Antony Blinken", "Airlines for America".
NAME_SEQ = rf"{_TOK}(?:{_SP}(?:{_CONN}{_SP})?{_TOK})*"
# The look-ahead lets the engine skip quickly to capitals (1 MB in ~0.1 s).
_NAME_RE = re.compile(r"(?<![\w’'\-])(?=[A-Z\u00C0-\u00DE])" + NAME_SEQ)
_ROLE_ALT = "|".join(sorted(ROLE_WORDS, key=len, reverse=True))
_GROUP_ALT = "|".join(sorted(GROUP_WORDS, key=len, reverse=True))
_ORGN_ALT = "|".join(sorted(ORG_NOUNS, key=len, reverse=True))
_DET = r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)"
_POSS = r"(?:(?:[Tt]he\s+)?[\w\-]+[’']s)"
_ROLE_NP = (
    rf"(?:(?:{_DET}|{_POSS})\s+)?(?:[\w\-]+\s+){{0,3}}?(?i:(?P<role>{_ROLE_ALT}))"
    rf"(?:\s+(?:to|of|for|at|in|on)\s+(?:the\s+)?{NAME_SEQ})?"
)
_GROUP_NP = (
    rf"(?:(?:{_DET}|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Mm]ost|[Tt]wo|[Tt]hree|[Ff]our|"
    rf"[Dd]ozens\s+of|[Hh]undreds\s+of)\s+)?(?:[\w\-]+\s+){{0,2}}?(?i:(?P<group>{_GROUP_ALT}))"
)
_ORGN_NP = rf"{_DET}\s+(?:[\w\-]+\s+){{0,2}}?(?i:(?P<orgn>{_ORGN_ALT}))"
_PRON_RE = re.compile(r"(?i:he|she|they|it|we|i)")

_KEY_WORDS = {"role": ROLE_WORDS, "group": GROUP_WORDS, "orgn": ORG_NOUNS}
_TAIL = {
    "role": re.compile(rf"(?:{_ROLE_NP})\s*$"),
    "group": re.compile(rf"(?:{_GROUP_NP})\s*$"),
    "orgn": re.compile(rf"(?:{_ORGN_NP})\s*$"),
}
_HEAD = {
    "role": re.compile(rf"\s*(?:{_ROLE_NP})\b"),
    "group": re.compile(rf"\s*(?:{_GROUP_NP})\b"),
    "orgn": re.compile(rf"\s*(?:{_ORGN_NP})\b"),
}


@dataclass
class Cand:
    """A speaker mention before resolution."""

    kind: str  # "name", "pron", "role", "group", "orgn"
    start: int
    end: int
    name: str = ""  # for "name": the bare name; "role"/"group"/"orgn": the phrase
    title: str | None = None
    type: SpeakerType = "person"
    head: str = ""  # role word / org noun / surname


def _norm(s: str) -> str:
    return " ".join(s.split())


def _strip_det(s: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", s, flags=re.IGNORECASE)


def split_name(seq: str) -> tuple[str | None, str, SpeakerType] | None:
    return _split_name(_norm(seq))


@lru_cache(maxsize=4096)
def _split_name(seq: str) -> tuple[str | None, str, SpeakerType] | None:
    """Split a capitalised run into (title, name, type), or None if it is no speaker.

    "US Secretary of State Antony Blinken" → ("US Secretary of State", "Antony Blinken", person);
    "the Russian Foreign Ministry" → (None, "Russian Foreign Ministry", organization).
    """
    toks = _norm(seq).split(" ")
    while toks and (toks[0] in COMMON_CAPS or toks[0].lower() in ("the", "of", "and", "for")):
        toks.pop(0)
    if not toks:
        return None
    if toks[-1].endswith(("’s", "'s")):
        return None  # "Blinken’s statement": a possessor, not a speaker
    if len(toks) > 1 and all(t.isupper() for t in toks if t.isalpha()):
        return None  # "INFLATION IS DOWN": a shouted heading
    # The last title word that still leaves a name after it: in "Governor Mary
    # Major" the title is "Governor", "Major" is the surname.
    last_title = -1
    for i, t in enumerate(toks):
        if t in TITLE_WORDS and (i + 1 < len(toks) or last_title < 0):
            last_title = i
    has_org = any(t in ORG_WORDS for t in toks)
    if last_title >= 0:
        rest = toks[last_title + 1 :]
        title_toks = toks[: last_title + 1]
        # "Secretary of State Antony Blinken": the of-phrase belongs to the title,
        # but leave at least two words for the name.
        while rest and rest[0] in ("of", "for", "the", "and", "&") and len(rest) > 2:
            title_toks.append(rest.pop(0))
            while rest and rest[0] in ("the",):
                title_toks.append(rest.pop(0))
            if len(rest) > 2:
                title_toks.append(rest.pop(0))
        while rest and rest[0] in ("of", "for", "the", "and", "&"):
            rest.pop(0)
        if rest and not any(t in ORG_WORDS for t in rest):
            return " ".join(title_toks), " ".join(rest), "person"
        if has_org:
            return None, " ".join(toks), "organization"
        return " ".join(title_toks), "", "person"  # a bare title: "the President"
    if has_org:
        return None, " ".join(toks), "organization"
    if len(toks) == 1:
        t = toks[0]
        if t in ORG_SINGLE or (t.isupper() and 2 <= len(t) <= 6):
            return None, t, "organization"
    return None, " ".join(toks), "person"


@dataclass
class _Entity:
    pos: int
    name: str
    title: str | None
    type: SpeakerType


class NameIndex:
    """Every capitalised name in the article, for surname and role look-ups."""

    def __init__(self, masked: str) -> None:
        self.by_surname: dict[str, list[_Entity]] = {}
        self.titled: list[_Entity] = []
        self.orgs: list[_Entity] = []
        self.first_title: dict[str, str] = {}
        for m in _NAME_RE.finditer(masked):
            parsed = split_name(m.group(0))
            if parsed is None:
                continue
            title, name, typ = parsed
            if typ == "organization":
                self.orgs.append(_Entity(m.start(), name, None, typ))
                continue
            parts = name.split(" ")
            if len(parts) < 2 and not title:
                continue
            ent = _Entity(m.start(), name, title, typ)
            if title:
                self.titled.append(ent)
            if len(parts) >= 2:
                self.by_surname.setdefault(parts[-1], []).append(ent)
                if title and name not in self.first_title:
                    self.first_title[name] = title

    def full_name(self, surname: str, pos: int) -> _Entity | None:
        """The full name ending in ``surname``: the latest before ``pos``, else the first after."""
        ents = self.by_surname.get(surname)
        if not ents:
            return None
        i = _bisect_pos(ents, pos)
        return ents[i - 1] if i > 0 else ents[0]


# ---------------------------------------------------------------------------
# Parsing a noun phrase into a candidate speaker


def _name_cand(seq: str, start: int, end: int) -> Cand | None:
    parsed = split_name(seq)
    if parsed is None:
        return None
    title, name, typ = parsed
    if not name:
        # A title without a name: "the President" → resolved like a role noun.
        return Cand("role", start, end, _norm(seq), title, "person",
                    head=(title or "").split(" ")[-1].lower())
    return Cand("name", start, end, name, title, typ, head=name.split(" ")[-1])


def parse_np(masked: str, a: int, b: int, mode: str) -> Cand | None:
    """Find a speaker phrase in masked[a:b].

    mode "tail": the phrase must end the segment ("…, primarily US Secretary of
    State Antony Blinken"); "head": it must start it ("The Russian Foreign
    Ministry hit back…"); "after": it starts it and follows a cue ("said Smith");
    "full": it must be the whole segment.
    """
    seg = masked[a:b]
    # Trim spaces and stray punctuation but keep offsets.
    lo, hi = 0, len(seg)
    while lo < hi and (seg[lo].isspace() or seg[lo] in ",;:—–-*_([“”\"'‘’"):
        lo += 1
    while hi > lo and (seg[hi - 1].isspace() or seg[hi - 1] in ",;:—–-*_)].“”\"'‘’"):
        hi -= 1
    if lo >= hi:
        return None
    s = seg[lo:hi]
    base = a + lo
    words = s.split()
    # Pronouns: "he said", "“Q,” she added".
    if mode in ("tail", "full") and _PRON_RE.fullmatch(words[-1]) and (
        mode == "tail" or len(words) == 1
    ):
        w = words[-1]
        i = s.rfind(w)
        return Cand("pron", base + i, base + i + len(w), w.lower(), None,
                    cast(SpeakerType, PRONOUNS[w.lower()]))
    if mode in ("head", "after") and _PRON_RE.fullmatch(words[0]):
        w = words[0]
        return Cand("pron", base, base + len(w), w.lower(), None,
                    cast(SpeakerType, PRONOUNS[w.lower()]))
    # Capitalised names.
    if mode in ("tail", "full"):
        for m in _NAME_RE.finditer(s):
            if m.end() != len(s):
                continue
            pre = s[: m.start()].split()
            if pre and pre[-1].lower() in PREPOSITIONS:
                break  # "the ambassador to Ankara": Ankara is not the speaker
            ms = m.start()
            role_title = None
            if pre and pre[-1].lower() in ROLE_WORDS:
                # "Iran Foreign Ministry spokesman Esmail Baghaei": what precedes the
                # name is its title.
                head = _NAME_RE.search(s[: m.start()])
                role_start = head.start() if head and mode == "full" else s.rfind(
                    pre[-1], 0, m.start())
                role_title = _norm(s[role_start : m.start()])
                ms = role_start
            elif mode == "full" and pre and [w.lower() for w in pre] not in (["the"], ["a"]):
                break
            elif pre and pre[-1].lower() == "the":
                ms = s.rfind(pre[-1], 0, m.start())
            c = _name_cand(m.group(0), base + ms, base + m.end())
            if c is not None:
                if role_title and c.kind == "name" and c.type == "person":
                    c.title = _norm(f"{role_title} {c.title or ''}")
                return c
            break
    else:
        m = _NAME_RE.match(s)
        if m:
            c = _name_cand(m.group(0), base, base + m.end())
            # A lone capitalised word opening a sentence is a name only if nothing
            # was stripped before it: "Smith hit back" yes, "Of the Russians" no.
            lone_ok = mode == "after" or m.group(0).split()[0] not in COMMON_CAPS
            if c is not None and (c.kind != "name" or c.type != "person"
                                  or len(c.name.split()) >= 2 or c.title or lone_ok):
                return c
    # Role nouns, groups, organisation nouns.  A set look-up first: the regexes
    # only run when one of the words near the right end is such a noun.
    near = words[:5] if mode in ("head", "after") else words[-6:]
    near_l = {w.strip(",.;:").lower() for w in near}
    for key in ("role", "group", "orgn"):
        if near_l.isdisjoint(_KEY_WORDS[key]):
            continue
        if mode in ("head", "after"):
            m2 = _HEAD[key].match(s)
        else:
            # Only the last words can hold a phrase that ends the segment; looking at
            # no more than 70 characters keeps long lead-ins cheap.
            if mode == "full":
                m2 = _TAIL[key].match(s)
            else:
                m2 = _TAIL[key].search(s, max(0, len(s) - 70))
        if m2:
            ms = m2.start()
            while ms < m2.end() and s[ms].isspace():
                ms += 1
            phrase = _norm(s[ms : m2.end()])
            head = (m2.group(key) or "").lower()
            if key == "role" and mode == "tail" and phrase.lower() == head and head in (
                "man", "woman", "source", "friend"):
                continue
            typ = cast(SpeakerType, {"role": "person", "group": "group",
                                     "orgn": "organization"}[key])
            return Cand(key, base + ms, base + m2.end(), _strip_det(phrase), None, typ, head=head)
    return None


_REL = re.compile(r"\s(?:who|whom|whose|which)\b")
_PAREN = re.compile(r"\([^()]*\)")


def _parts(masked: str, a: int, b: int) -> list[tuple[int, int]]:
    """Comma-separated parts of masked[a:b], asides dropped:
    "President Tokayev, for his part," → [President Tokayev]."""
    seg = _PAREN.sub(lambda m: " " * len(m.group(0)), masked[a:b])
    out: list[tuple[int, int]] = []
    pos = 0
    for piece in seg.split(","):
        s, e = a + pos, a + pos + len(piece)
        pos += len(piece) + 1
        stripped = piece.strip()
        if not stripped:
            continue
        if ASIDE_START.match(stripped) or ASIDE_START.match(stripped.lower()):
            continue
        # A relative clause ends the speaker phrase: "security experts who have…"
        rel = _REL.search(piece)
        if rel:
            e = s + rel.start()
        out.append((s, e))
    return out


def _combine(name: Cand | None, role: Cand | None) -> Cand | None:
    """"the country’s ambassador to Ankara, Abzal Saparbekuly" → name with title."""
    if name is None or name.kind != "name" or name.type != "person":
        return None
    if role is None or role.kind != "role":
        return None
    return Cand("name", name.start, name.end, name.name,
                name.title or _strip_det(re.sub(r"^\S+[’']s\s+", "", role.name)),
                "person", name.head)


def np_after(masked: str, a: int, b: int) -> Cand | None:
    """Speaker between a quotation and its cue: “Q,” <the ambassador, Abzal S.,> told…"""
    parts = _parts(masked, a, b)
    if not parts:
        return None
    if len(parts) >= 2:
        p0 = parse_np(masked, *parts[0], "full")
        p1 = parse_np(masked, *parts[1], "full")
        comb = _combine(p1, p0) or _combine(p0, p1)
        if comb:
            return comb
    return parse_np(masked, *parts[0], "full") or parse_np(masked, *parts[0], "tail")


def np_before(masked: str, a: int, b: int) -> Cand | None:
    """Speaker before a cue: "…, primarily US Secretary … Antony Blinken <said>"."""
    parts = _parts(masked, a, b)
    if not parts:
        return None
    last = parse_np(masked, *parts[-1], "tail")
    if len(parts) >= 2 and last is not None:
        prev = parse_np(masked, *parts[-2], "tail")
        comb = _combine(last, prev) or _combine(prev, last)
        if comb:
            return comb
    if last is not None:
        return last
    # "The Russian Foreign Ministry hit back at Blinken’s statement and said":
    # the subject of the clause.
    return parse_np(masked, *parts[0], "head")


def np_following(masked: str, a: int, b: int) -> Cand | None:
    """Speaker after an inverted cue: "said X, the country’s ambassador"."""
    parts = _parts(masked, a, b)
    if not parts:
        return None
    first = parse_np(masked, *parts[0], "after")
    if first is None:
        return None
    if len(parts) >= 2:
        nxt = parse_np(masked, *parts[1], "full")
        comb = _combine(first, nxt) or _combine(nxt, first)
        if comb:
            return comb
    return first


# ---------------------------------------------------------------------------
# Resolution


_CONTINUING = re.compile(r"^(?:added|adds|continued|continues|went on|goes on)$")


@dataclass
class Resolver:
    index: NameIndex
    text: str
    history: list[tuple[int, Speaker]] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)

    def _last(self, pos: int, types: tuple[str, ...]) -> tuple[int, Speaker] | None:
        for p, sp in reversed(self.history):
            if p < pos and sp.type in types:
                return p, sp
        return None

    def _titled_before(self, pos: int) -> _Entity | None:
        ents = self.index.titled
        i = _bisect_pos(ents, pos)
        return ents[i - 1] if i > 0 else None

    def resolve(self, c: Cand, cue: str | None) -> Speaker:
        mention = self.text[c.start : c.end]
        sp = self._resolve(c, cue, mention)
        self.history.append((c.start, sp))
        return sp

    def _person(self, name: str, title: str | None, c: Cand, mention: str) -> Speaker:
        # The title is kept from the first mention that had one.
        title = self.index.first_title.get(name) or self.titles.get(name) or title
        if title and name not in self.titles:
            self.titles[name] = title
        return Speaker(name, mention, c.start, c.end, "person", title)

    def _resolve(self, c: Cand, cue: str | None, mention: str) -> Speaker:
        if c.kind == "name":
            if c.type == "organization":
                return Speaker(c.name, mention, c.start, c.end, "organization", None)
            if len(c.name.split(" ")) == 1:
                ent = self.index.full_name(c.name, c.start)
                if ent is not None:
                    return self._person(ent.name, c.title or ent.title, c, mention)
            return self._person(c.name, c.title, c, mention)
        if c.kind == "pron":
            if c.type == "person":
                if cue and _CONTINUING.match(cue):
                    last = self._last(c.start, ("person",))
                    if last:
                        return _re_mention(last[1], mention, c)
                last = self._last(c.start, ("person",))
                ent = self._titled_before(c.start)
                if ent is not None and (last is None or ent.pos > last[0]):
                    return self._person(ent.name, ent.title, c, mention)
                if last:
                    return _re_mention(last[1], mention, c)
                return Speaker(mention, mention, c.start, c.end, "unknown", None)
            if c.name == "it":
                last = self._last(c.start, ("organization",))
                if last:
                    return _re_mention(last[1], mention, c)
                return Speaker(mention, mention, c.start, c.end, "organization", None)
            last = self._last(c.start, ("group", "organization"))
            if last:
                return _re_mention(last[1], mention, c)
            return Speaker(mention, mention, c.start, c.end, "group", None)
        if c.kind == "role":
            head = c.head.lower()
            best: tuple[int, str, str | None] | None = None
            for p, sp in reversed(self.history):
                if p < c.start and sp.type == "person" and sp.title and head in sp.title.lower():
                    best = (p, sp.name, sp.title)
                    break
            for e in reversed(self.index.titled):
                if e.pos < c.start and e.title and head in e.title.lower():
                    if best is None or e.pos > best[0]:
                        best = (e.pos, e.name, e.title)
                    break
            if best is not None:
                return Speaker(best[1], mention, c.start, c.end, "person", best[2])
            return Speaker(c.name, mention, c.start, c.end, "person", None)
        if c.kind == "orgn":
            head = c.head.lower()
            for p, sp in reversed(self.history):
                if p < c.start and sp.type == "organization" and _org_fits(head, sp.name):
                    return _re_mention(sp, mention, c)
            for e in reversed(self.index.orgs):
                if e.pos < c.start and _org_fits(head, e.name):
                    return Speaker(e.name, mention, c.start, c.end, "organization", None)
            return Speaker(c.name, mention, c.start, c.end, "organization", None)
        return Speaker(c.name, mention, c.start, c.end, c.type, c.title)


_FIRM = re.compile(r"\b(?:Corporation|Corp|Inc|Company|Co|Ltd|LLC|Group|Holdings|Industries|"
                   r"Technologies|Airlines|Motors|Bank|Labs|Systems)\b")


def _org_fits(noun: str, name: str) -> bool:
    """"the company" → "Acme Corporation"; "the ministry" → "Russian Foreign Ministry"."""
    if noun in name.lower():
        return True
    if noun in ("company", "firm", "group", "manufacturer", "retailer", "airline", "bank"):
        return bool(_FIRM.search(name))
    return False


def _bisect_pos(ents: list[_Entity], pos: int) -> int:
    lo, hi = 0, len(ents)
    while lo < hi:
        mid = (lo + hi) // 2
        if ents[mid].pos < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _re_mention(sp: Speaker, mention: str, c: Cand) -> Speaker:
    return Speaker(sp.name, mention, c.start, c.end, sp.type, sp.title)


# ---------------------------------------------------------------------------
# Cues


@dataclass
class Attribution:
    cand: Cand
    cue: str
    how: str  # "after", "lead", "label", "dash", "according", "indirect", "prev-lead"


def cue_text(masked: str, m: re.Match[str], hi: int) -> str:
    """The cue as written, with "reporters" / "in a statement" kept: "told reporters"."""
    ext = CUE_EXTENSION.match(masked, m.end(), hi)
    end = ext.end() if ext else m.end()
    return _norm(masked[m.start() : end])


_SENT_STOP = re.compile(r"[.!?](?=\s|$)|[“”\"«»„]|\n\s*\n")


def attribution_after(masked: str, close: int, hi: int, inner_end: str) -> Attribution | None:
    """Cues after the quotation: “Q,” X said / “Q,” said X / “Q” — X / “Q,” according to X."""
    win_hi = min(hi, close + 400)
    # Dash byline: “…” —White House Press Secretary Karoline Leavitt
    m = re.compile(r"[ \t]*\n?[ \t]*[—–-]{1,2}[ \t]*(?=[A-Z])").match(masked, close, win_hi)
    if m:
        stop = re.compile(r"[,(\n;]|$|\.\s").search(masked, m.end(), win_hi)
        b = stop.start() if stop else win_hi
        c = parse_np(masked, m.end(), b, "full") or parse_np(masked, m.end(), b, "head")
        if c is not None and c.kind in ("name", "role"):
            return Attribution(c, "—", "dash")
    lead = re.compile(r"[ \t]*([,.;!?…]?)[ \t]*\n?[ \t]*").match(masked, close, win_hi)
    if lead is None:
        return None
    outer = lead.group(1)
    # A sentence that ended inside or right after the mark takes no cue after it.
    if outer in (".", ";") or (inner_end == "." and outer != ","):
        return None
    a = lead.end()
    stop = _SENT_STOP.search(masked, a, win_hi)
    b = stop.start() if stop else win_hi
    if stop and masked[stop.start()] == ".":
        b = stop.start()
    # “Q,” according to X.
    m = ACCORDING_TO.match(masked, a, b)
    if m:
        c = np_following(masked, m.end(), b)
        if c:
            return Attribution(c, "according to", "according")
    # “Q,” said X, the country’s ambassador.
    m = CUE.match(masked, a, b)
    if m:
        c = np_following(masked, m.end(), b)
        if c:
            return Attribution(c, cue_text(masked, m, b), "after")
        return None
    # “Q,” the Russian Foreign Ministry said in a statement.
    m = CUE.search(masked, a, b)
    if m and len(masked[a : m.start()].split()) <= 20:
        c = np_after(masked, a, m.start())
        if c:
            return Attribution(c, cue_text(masked, m, b), "after")
    return None


_LEAD_END = re.compile(r"(?:[:,]|\bthat)?\s*$")


def attribution_before(masked: str, lo: int, open_: int, at_para_start: bool) -> Attribution | None:
    """Cues before the quotation: X said: “Q” / X said that “Q” / **X:** “Q” /
    According to X, “Q”."""
    seg = masked[lo:open_]
    stripped = seg.rstrip()
    if not stripped:
        return None
    end = lo + len(stripped)
    # According to X, “Q”
    m = re.search(r"(?i:according\s+to)\s+(.{1,120}?),?\s*$", stripped)
    if m:
        c = np_following(masked, lo + m.start(1), end)
        if c:
            return Attribution(c, "according to", "according")
    cues = list(CUE.finditer(masked, lo, end))
    if stripped.endswith(":"):
        if not cues and at_para_start and not PARTICIPLE_CUE.search(masked, lo, end):
            # Round-up lead-in: **American Farm Bureau Federation President Zippy Duvall:** “…”
            b = end - 1
            while b > lo and masked[b - 1].isspace():
                b -= 1
            if masked[b - 1 : b] == ")":
                # "Sen. Brian Schatz (9/28/23):" – a date or party in brackets.
                op = masked.rfind("(", lo, b)
                b = op if op > lo else b
            c = parse_np(masked, lo, b, "full")
            if c is None and len(masked[lo:b].split()) <= 12:
                # "Parsons Corporation Chair, President, and CEO Carey Smith:"
                c = np_before(masked, lo, b)
            if c is not None and len(masked[lo:end].split()) <= 20:
                return Attribution(c, ":", "label")
        if cues:
            # "… Antony Blinken said he could not imagine … the demonstrations: “Q"
            m = cues[-1]
            c = np_before(masked, _clause_start(masked, lo, m.start()), m.start())
            if c:
                return Attribution(c, cue_text(masked, m, end), "lead")
    # X said, “Q” / X said that “Q” / X told reporters on Tuesday: “Q”
    part = PARTICIPLE_CUE.search(masked, max(lo, end - 40), end)
    if part and re.fullmatch(r"[\s:,]*", masked[part.end() : end]):
        # "He hit back, saying: “Q”": the subject of the sentence.
        c = np_before(masked, lo, part.start())
        if c:
            return Attribution(c, cue_text(masked, part, end), "lead")
    if cues:
        m = cues[-1]
        between = masked[m.end() : end]
        if len(between.split()) <= 6 and _LEAD_END.search(between) and (
            stripped.endswith((":", ",", "that")) or not between.strip()
        ) and not stripped.endswith((".", "!", "?")):
            c = np_before(masked, _clause_start(masked, lo, m.start()), m.start())
            if c:
                return Attribution(c, cue_text(masked, m, end), "lead")
    return None


def _clause_start(masked: str, lo: int, cue_pos: int) -> int:
    """Start of the clause owning a cue: after an earlier closing mark in the sentence."""
    i = max(masked.rfind("”", lo, cue_pos), masked.rfind("\"", lo, cue_pos))
    return i + 1 if i >= 0 else lo


def attribution_indirect(masked: str, lo: int, open_: int) -> Attribution | None:
    """A cue earlier in the same sentence: "Tokayev, for his part, said Almaty was under
    attack by 20,000 “terrorists”" → the fragment is Tokayev's."""
    cues = list(CUE.finditer(masked, lo, open_)) or list(
        INDIRECT_ONLY_CUE.finditer(masked, lo, open_))
    if not cues:
        m = ACCORDING_TO.search(masked, lo, open_)
        if m:
            stop = re.compile(r",").search(masked, m.end(), open_)
            c = np_following(masked, m.end(), stop.start() if stop else open_)
            if c:
                return Attribution(c, "according to", "indirect")
        return None
    m = cues[-1]
    c = np_before(masked, _clause_start(masked, lo, m.start()), m.start())
    if c:
        return Attribution(c, cue_text(masked, m, open_), "indirect")
    return None


def previous_sentence_lead(masked: str, a: int, b: int) -> Attribution | None:
    """A whole sentence "Secretary Chris Wright said." or "Blinken said:" before the quote."""
    seg = masked[a:b].strip()
    if not seg or len(seg.split()) > 40:
        return None
    if not seg.endswith((":", ".")):
        return None
    cues = list(CUE.finditer(masked, a, b))
    if not cues:
        return None
    m = cues[-1]
    tail = masked[m.end() : b].strip()
    if seg.endswith(".") and len(tail.split()) > 3:
        return None  # "Smith said the vote was close." is not a lead-in
    c = np_before(masked, _clause_start(masked, a, m.start()), m.start())
    if c:
        return Attribution(c, cue_text(masked, m, b), "prev-lead")
    return None
