"""Cues, speakers and coreference: who a quotation is attributed to.

All searches run on the masked text (Markdown blanked, same offsets) and stay
inside the quotation's paragraph and a bounded window, so the cost is linear in
the article's length.
"""

from __future__ import annotations

import bisect
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
    DOC_NOUNS,
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
    _trie,
)
from quoteverify.extract._text import ParagraphIndex, _is_abbreviation, sentence_starts
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
NAME_SEQ = rf"{_TOK}(?:{_SP}(?:{_CONN}{_SP}){{0,2}}{_TOK})*"
# The look-ahead first lets the engine skip quickly to capitals; the look-behind
# only runs there (1 MB in ~0.06 s).
_NAME_RE = re.compile(r"(?=[A-Z\u00C0-\u00DE])(?<![\w’'\-])" + NAME_SEQ)
# The capitals a name token starts with ("Blinken", "Élysée").
_NAME_START = re.compile(r"[A-Z\u00C0-\u00DE]")
# Prefix trees, not flat alternations: the role, group and organisation nouns are
# tried at every position of a speaker phrase (a flat list of 300 words made the
# tail search of ``parse_np`` the extractor's hottest regex).
_ROLE_ALT = _trie(sorted(ROLE_WORDS))
_GROUP_ALT = _trie(sorted(GROUP_WORDS))
_ORGN_ALT = _trie(sorted(ORG_NOUNS))
_DET = r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)"
# A possessor, singular or plural: "the union’s spokesman", "the pilots’ union".
_POSS = r"(?:(?:[Tt]he\s+)?[\w\-]+(?:[’']s|s[’']))"
# A modifier inside a noun phrase, possessives included: "the farmers’ association".
_MOD = r"(?:[\w\-]+(?:[’']s?)?\s+)"
_ROLE_NP = (
    rf"(?:(?:{_DET}|{_POSS})\s+)?{_MOD}{{0,3}}?(?i:(?P<role>{_ROLE_ALT}))"
    rf"(?:\s+(?:to|of|for|at|in|on)\s+(?:the\s+)?{NAME_SEQ})?"
)
_GROUP_NP = (
    rf"(?:(?:{_DET}|[Ss]ome|[Mm]any|[Ss]everal|[Oo]ther|[Mm]ost|[Tt]wo|[Tt]hree|[Ff]our|"
    rf"[Dd]ozens\s+of|[Hh]undreds\s+of)\s+)?{_MOD}{{0,2}}?(?i:(?P<group>{_GROUP_ALT}))"
)
_ORGN_NP = rf"{_DET}\s+{_MOD}{{0,2}}?(?i:(?P<orgn>{_ORGN_ALT}))"
_PRON_RE = re.compile(r"(?i:he|she|they|it|we|i)")

_DOC_ALT = _trie(sorted(DOC_NOUNS))
# Not after "a"/"an" or a preposition: "said in a statement" is a cue, not a source.
_DOC_NP = (
    rf"(?<!\bin\s)(?<!\bwith\s)(?<!\bof\s)(?<!\bby\s)(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|"
    rf"[Oo]ur|{_POSS})\s+{_MOD}{{0,2}}?(?i:(?P<doc>{_DOC_ALT}))"
)
_KEY_WORDS = {"role": ROLE_WORDS, "group": GROUP_WORDS, "orgn": ORG_NOUNS, "doc": DOC_NOUNS}
_KEY_ALTS = {"role": _ROLE_ALT, "group": _GROUP_ALT, "orgn": _ORGN_ALT, "doc": _DOC_ALT}
_TAIL = {
    "role": re.compile(rf"(?:{_ROLE_NP})\s*$"),
    "group": re.compile(rf"(?:{_GROUP_NP})\s*$"),
    "orgn": re.compile(rf"(?:{_ORGN_NP})\s*$"),
    "doc": re.compile(rf"(?:{_DOC_NP})\s*$"),
}
# A _TAIL phrase ends the segment, so the segment ends in its noun ("… the
# ministry’s spokesman") or, for a role, in the name of an of-phrase ("… the
# ambassador to Turkey").  Checking the last few characters first skips the
# costly tail search for most segments that merely hold such a noun earlier:
# "the spokesman’s remarks were".
_NOUN_END = {key: re.compile(rf"(?i:{alt})$") for key, alt in _KEY_ALTS.items()}
_NOUN_MAX = {key: max(map(len, words)) for key, words in _KEY_WORDS.items()}


def _tail_possible(key: str, s: str, last_word: str) -> bool:
    """Whether _TAIL[key] can match ``s`` (which ends in neither space nor "."):
    its noun ends ``s``, or a role's of-phrase name does (a capital in the last word)."""
    if _NOUN_END[key].search(s, max(0, len(s) - _NOUN_MAX[key])):
        return True
    return key == "role" and _NAME_START.search(last_word) is not None


_HEAD = {
    "role": re.compile(rf"\s*(?:{_ROLE_NP})\b"),
    "group": re.compile(rf"\s*(?:{_GROUP_NP})\b"),
    "orgn": re.compile(rf"\s*(?:{_ORGN_NP})\b"),
    "doc": re.compile(rf"\s*(?:{_DOC_NP})\b"),
}


@dataclass
class Cand:
    """A speaker mention before resolution."""

    kind: str  # "name", "pron", "role", "group", "orgn", "doc" (a document)
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


# Job words that are no title word but open "Driver Keith Pryor" at a sentence start.
_JOB_NOUNS = ROLE_WORDS | frozenset(
    """
striker midfielder defender goalkeeper winger forward quarterback pitcher playwright novelist
author writer poet artist singer actor actress musician violinist cellist pianist composer
conductor historian photographer designer architect detective constable trooper volunteer
organiser campaigner
""".split()
)


def _last_person_title(toks: list[str]) -> list[str]:
    """The title of the last of two people joined by "and": "Principal Deputy
    National Security Advisor Jon Finer and Homeland Security Advisor Dr. [Liz
    Sherwood-Randall]" → "Homeland Security Advisor Dr." (while "Secretary of
    Health and Human Services" stays whole)."""
    for i in range(len(toks) - 1, 1, -1):
        if toks[i] not in ("and", "&"):
            continue
        # Back over the first person's name (one to three words) to a title word.
        j = i - 1
        while j > max(-1, i - 4) and toks[j] not in TITLE_WORDS:
            if toks[j] in ORG_WORDS or toks[j] in ("of", "for", "the") or not toks[j][:1].isupper():
                break
            j -= 1
        if 0 <= j < i - 1 and toks[j] in TITLE_WORDS:
            return toks[i + 1 :]
    return toks


# Sentence-opening words that also open a title: "First Lady", "First Minister".
_TITLE_OPENERS = frozenset({"First", "Second", "Third"})


@lru_cache(maxsize=4096)
def _split_name(seq: str) -> tuple[str | None, str, SpeakerType] | None:
    """Split a capitalised run into (title, name, type), or None if it is no speaker.

    "US Secretary of State Antony Blinken" → ("US Secretary of State", "Antony Blinken", person);
    "the Russian Foreign Ministry" → (None, "Russian Foreign Ministry", organization).
    """
    toks = _norm(seq).split(" ")
    while toks and (toks[0] in COMMON_CAPS or toks[0].lower() in ("the", "of", "and", "for")):
        if len(toks) > 1 and toks[0] in _TITLE_OPENERS and toks[1] in TITLE_WORDS:
            break  # "First Lady Melania Trump": "First" opens the title
        toks.pop(0)
    if not toks:
        return None
    if toks[-1].endswith(("’s", "'s", "s’", "s'")):
        return None  # "Blinken’s statement": a possessor, not a speaker
    if len(toks) > 1 and all(t.isupper() for t in toks if t.isalpha()):
        return None  # "INFLATION IS DOWN": a shouted heading
    if (
        len(toks) >= 3
        and toks[0] not in TITLE_WORDS
        and toks[0].lower() in _JOB_NOUNS
        and all(t[:1].isupper() and t not in TITLE_WORDS for t in toks[1:])
    ):
        # A capitalised job word opening a sentence is a title, not a first name:
        # "Driver Keith Pryor", "Striker Tomas Weil" (but "Adam Driver").
        rest_name = toks[1:]
        if not any(t in ORG_WORDS for t in rest_name):
            return toks[0], " ".join(rest_name), "person"
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
        title_toks = _last_person_title(title_toks)
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
        if re.fullmatch(r"[A-Z]{2,}s", t):
            return None, t, "group"  # "CEOs", "NGOs": a plural acronym is a group
    return None, " ".join(toks), "person"


@dataclass
class _Entity:
    pos: int
    name: str
    title: str | None
    type: SpeakerType


_MALE_TITLES = frozenset(
    "Mr. Mr Sir Lord King Prince Father Congressman Chairman Spokesman Councilman Brother".split()
)
_FEMALE_TITLES = frozenset(
    "Mrs. Mrs Ms. Ms Miss Lady Dame Queen Princess Sister Congresswoman Chairwoman "
    "Spokeswoman Councilwoman".split()
)


def _title_gender(title: str | None) -> str | None:
    """ "m" / "f" when a title word is gendered: "Congresswoman" → "f"."""
    if not title:
        return None
    for w in title.split(" "):
        if w in _MALE_TITLES:
            return "m"
        if w in _FEMALE_TITLES:
            return "f"
    return None


# "Democrat Karen Halvorsen and Republican Mike Brandt" is one capitalised run
# (names may contain "and": "Johnson and Johnson"), but two people.
_AND_SPLIT = re.compile(r"\s+(?:and|&)\s+")


def _runs(
    run: str,
    start: int,
    parsed_of: dict[str, tuple[str | None, str, SpeakerType] | None],
) -> list[tuple[int, tuple[str | None, str, SpeakerType] | None]]:
    """The names in one capitalised run: itself, or the two people it joins when
    each side parses as a person with a first name and a surname."""

    def parse(text: str) -> tuple[str | None, str, SpeakerType] | None:
        if text not in parsed_of:
            parsed_of[text] = split_name(text)
        return parsed_of[text]

    m = _AND_SPLIT.search(run) if " and " in run or " & " in run else None
    if m is not None:
        left, right = run[: m.start()], run[m.end() :]
        pl, pr = parse(left), parse(right)
        if (
            pl is not None
            and pr is not None
            and pl[2] == "person"
            and pr[2] == "person"
            and len(pl[1].split(" ")) >= 2
            and len(pr[1].split(" ")) >= 2
        ):
            return [(start, pl), (start + m.end(), pr)]
    return [(start, parse(run))]


class NameIndex:
    """Every capitalised name in the article, for surname and role look-ups."""

    def __init__(self, masked: str) -> None:
        self.by_surname: dict[str, list[_Entity]] = {}
        self.titled: list[_Entity] = []
        self.orgs: list[_Entity] = []
        self.first_title: dict[str, str] = {}
        # Every person mention (full name or titled surname), in text order.
        self.persons: list[_Entity] = []
        # Titled names by each lower-cased title word, for "the ambassador".
        self.titled_by_word: dict[str, list[_Entity]] = {}
        # "m" / "f" from a gendered honorific: "Mr. Jones", "Congresswoman Roe".
        self.gender: dict[str, str] = {}
        # Every distinct title, lower-cased: a role noun found in none of them
        # ("the reader", "her sister") needs no scan of the titled names.
        self.title_texts: set[str] = set()
        self._has_title: dict[str, bool] = {}
        # The same run recurs (a name is repeated; 1 MB holds ~25,000 runs): parse
        # each distinct one once.
        parsed_of: dict[str, tuple[str | None, str, SpeakerType] | None] = {}
        for m in _NAME_RE.finditer(masked):
            for start, parsed in _runs(m.group(0), m.start(), parsed_of):
                self._add(start, parsed)

    def _add(self, start: int, parsed: tuple[str | None, str, SpeakerType] | None) -> None:
        if parsed is None:
            return
        title, name, typ = parsed
        if typ == "organization":
            self.orgs.append(_Entity(start, name, None, typ))
            return
        parts = name.split(" ")
        if not name or (len(parts) < 2 and not title):
            # A bare title ("the President") names nobody: indexing it made
            # pronouns resolve to an empty name.
            return
        ent = _Entity(start, name, title, typ)
        self.persons.append(ent)
        g = _title_gender(title)
        if g:
            self.gender.setdefault(name, g)
            self.gender.setdefault(parts[-1], g)
        if title:
            self.titled.append(ent)
            self.title_texts.add(title.lower())
            for w in set(title.lower().split(" ")):
                self.titled_by_word.setdefault(w, []).append(ent)
        if len(parts) >= 2:
            self.by_surname.setdefault(parts[-1], []).append(ent)
            if title and name not in self.first_title:
                self.first_title[name] = title

    def titled_before(self, head: str, pos: int) -> _Entity | None:
        """The latest titled name before ``pos`` whose title contains ``head``."""
        known = self._has_title.get(head)
        if known is None:
            known = self._has_title[head] = any(head in t for t in self.title_texts)
        if not known:
            return None
        last = head.split(" ")[-1]
        ents = self.titled_by_word.get(last, [])
        i = _bisect_pos(ents, pos)
        for e in reversed(ents[max(0, i - _LOOKBACK) : i]):
            if e.title and head in e.title.lower():
                return e
        if " " in head or not ents:
            # A head that is no whole title word ("secretary" in "Secretary-General")
            # falls back to a bounded scan.
            i = _bisect_pos(self.titled, pos)
            for e in reversed(self.titled[max(0, i - _LOOKBACK) : i]):
                if e.title and head in e.title.lower():
                    return e
        return None

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
    if len(name) == 1:
        return None  # the "S" of a "U.S." cut at its last dot
    if not name:
        # A title without a name: "the President" → resolved like a role noun.
        return Cand(
            "role",
            start,
            end,
            _norm(seq),
            title,
            "person",
            head=(title or "").split(" ")[-1].lower(),
        )
    return Cand("name", start, end, name, title, typ, head=name.split(" ")[-1])


# Lower-case words that qualify a title: "former President Barack Obama".
_TITLE_PREFIXES = frozenset("former acting interim outgoing incoming then late".split())
# Up to three capitalised words and up to two lower-case modifiers right before a
# role noun, ending a phrase: "[White House press] secretary", "[Ohio deputy] director".
_TITLE_LEFT = re.compile(
    r"(?<![\w’'\-])(?:(?!(?:The|A|An|On|In|At|For|By|With|From|After|Before|And|But)\b)"
    r"[A-Z][\w\-]*\s+){1,3}(?:[a-z][\w\-]*(?:[’']s?)?\s+){0,2}$"
    r"|(?<![\w’'\-])(?:[a-z][\w\-]*(?:[’']s?)?\s+){1,2}$"
)


# "principal cellist Marcus Obi" after an inverted cue: up to four lower-case
# words (after an optional capitalised qualifier, "Ohio transportation director")
# and a name that ends the phrase or is followed by a time or place.
_DESCRIBED = re.compile(
    rf"(?:(?:the|a|an)\s+)?(?:{NAME_SEQ}\s+)?(?P<desc>(?:[a-z][\w\-’']*\s+){{1,4}})"
    rf"(?P<name>{NAME_SEQ})(?=\s*$|\s+(?:on|in|at|after|before|during|from|when|while|as)\b)"
)
# Lower-case words that cannot be part of such a description: "said on Tuesday",
# "said that Smith", "said it was Smith".
_NOT_DESCRIPTION = (
    frozenset(
        "that this it was is were are and but or as if when then so also again to of in on at "
        "for with by from about into after before during while which who he she they we".split()
    )
    | PREPOSITIONS
)


_TRIM_LEFT = " \t\n\r\f\v\xa0,;:—–-*_([“”\"'‘’"
_TRIM_RIGHT = " \t\n\r\f\v\xa0,;:—–-*_)].“”\"'‘’"


def parse_np(masked: str, a: int, b: int, mode: str) -> Cand | None:
    """Find a speaker phrase in masked[a:b].

    mode "tail": the phrase must end the segment ("…, primarily US Secretary of
    State Antony Blinken"); "head": it must start it ("The Russian Foreign
    Ministry hit back…"); "after": it starts it and follows a cue ("said Smith");
    "full": it must be the whole segment.
    """
    seg = masked[a:b]
    # Trim spaces and stray punctuation but keep offsets.
    # str.strip does the common characters in C; the loops finish any rarer space.
    lo = len(seg) - len(seg.lstrip(_TRIM_LEFT))
    hi = len(seg.rstrip(_TRIM_RIGHT))
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
    if (
        mode in ("tail", "full")
        and _PRON_RE.fullmatch(words[-1])
        and (mode == "tail" or len(words) == 1)
    ):
        w = words[-1]
        i = s.rfind(w)
        return Cand(
            "pron",
            base + i,
            base + i + len(w),
            w.lower(),
            None,
            cast(SpeakerType, PRONOUNS[w.lower()]),
        )
    if mode in ("head", "after") and _PRON_RE.fullmatch(words[0]):
        w = words[0]
        return Cand(
            "pron", base, base + len(w), w.lower(), None, cast(SpeakerType, PRONOUNS[w.lower()])
        )
    # A person's office or spokesman speaks for the person: "Senate Minority Leader
    # Mitch McConnell's office put out a statement", "…, Smith’s spokeswoman said".
    if ("’s " in s or "'s " in s) and not _PROXY_WORDS.isdisjoint(w.lower() for w in words):
        pm = _PROXY_HEAD.match(s) if mode in ("head", "after") else _PROXY_TAIL.search(s)
        if pm is not None:
            c = _name_cand(pm.group("name"), base + pm.start(), base + pm.end("noun"))
            if c is not None and c.kind == "name" and c.type == "person":
                return c
    # Capitalised names.
    if mode in ("tail", "full"):
        # Only a name ending the segment counts, and such a name's last token is a
        # capital and word characters (``s`` ends in neither "." nor "’"): with no
        # capital in the last word ("…, the ambassador") the scan is skipped.
        names = _NAME_RE.finditer(s) if _NAME_START.search(words[-1]) else ()
        for m in names:
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
                role_start = (
                    head.start() if head and mode == "full" else s.rfind(pre[-1], 0, m.start())
                )
                if mode == "tail":
                    # "White House press secretary Karine Jean-Pierre": the words of
                    # the title before the role noun belong to it too.
                    q = _TITLE_LEFT.search(s, 0, role_start)
                    if q is not None:
                        role_start = q.start()
                role_title = _norm(s[role_start : m.start()])
                ms = role_start
            elif pre and pre[-1].lower() in _TITLE_PREFIXES:
                # "former President Barack Obama", "acting Secretary Jane Roe".
                ms = s.rfind(pre[-1], 0, m.start())
                role_title = pre[-1].lower()
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
        if mode == "after":
            # A lower-case job description before the name: "said principal cellist
            # Marcus Obi", "said Ohio transportation director Jack Marchbanks".
            d = _DESCRIBED.match(s)
            if d and not _NOT_DESCRIPTION.isdisjoint(d.group("desc").lower().split()):
                d = None
            if d:
                c = _name_cand(d.group("name"), base + d.start("name"), base + d.end("name"))
                if c is not None and c.kind == "name" and c.type == "person":
                    c.title = _norm(f"{s[: d.start('name')]} {c.title or ''}")
                    c.start = base
                    return c
        m = _NAME_RE.match(s)
        if m:
            c = _name_cand(m.group(0), base, base + m.end())
            # A lone capitalised word opening a sentence is a name only if nothing
            # was stripped before it: "Smith hit back" yes, "Of the Russians" no.
            lone_ok = mode == "after" or m.group(0).split()[0] not in COMMON_CAPS
            if c is not None and (
                c.kind != "name"
                or c.type != "person"
                or len(c.name.split()) >= 2
                or c.title
                or lone_ok
            ):
                return c
    # Role nouns, groups, organisation nouns.  A set look-up first: the regexes
    # only run when one of the words near the right end is such a noun.
    near = words[:5] if mode in ("head", "after") else words[-6:]
    near_l = {w.strip(",.;:").lower() for w in near}
    for key in ("role", "group", "orgn", "doc"):
        if near_l.isdisjoint(_KEY_WORDS[key]):
            continue
        if mode in ("head", "after"):
            m2 = _HEAD[key].match(s)
        else:
            # Only the last words can hold a phrase that ends the segment; looking at
            # no more than 70 characters keeps long lead-ins cheap.
            if not _tail_possible(key, s, words[-1]):
                continue
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
            if (
                key == "role"
                and mode == "tail"
                and phrase.lower() == head
                and head in ("man", "woman", "source", "friend")
            ):
                continue
            typ = cast(
                SpeakerType,
                {"role": "person", "group": "group", "orgn": "organization", "doc": "unknown"}[key],
            )
            return Cand(key, base + ms, base + m2.end(), _strip_det(phrase), None, typ, head=head)
    return None


_PROXY_WORDS = frozenset(
    """office spokesman spokeswoman spokesperson spokespeople campaign team aide aides lawyer
    lawyers attorney attorneys staff camp representative representatives publicist agent""".split()
)
_PROXY = (
    rf"(?P<name>{NAME_SEQ})[’']s\s+(?:(?:press|campaign|chief|senior|top|personal)\s+)?"
    rf"(?P<noun>{'|'.join(sorted(_PROXY_WORDS, key=len, reverse=True))})\b"
)
_PROXY_HEAD = re.compile(_PROXY)
_PROXY_TAIL = re.compile(rf"(?<![\w’'\-]){_PROXY}\s*$")

_REL = re.compile(r"\s(?:who|whom|whose|which)\b")
_PAREN = re.compile(r"\([^()]*\)")


def _parts(masked: str, a: int, b: int, keep_last: bool = False) -> list[tuple[int, int]]:
    """Comma-separated parts of masked[a:b], asides dropped:
    "President Tokayev, for his part," → [President Tokayev].  With ``keep_last``
    a last part that runs into the cue without a comma is kept even if it opens
    like an aside: "…, from its programme after complaints about what one
    councillor [called]" – the councillor is the subject, not an aside."""
    seg = masked[a:b]
    if "(" in seg:
        seg = _PAREN.sub(lambda m: " " * len(m.group(0)), seg)
    out: list[tuple[int, int]] = []
    pos = 0
    pieces = seg.split(",")
    for k, piece in enumerate(pieces):
        s, e = a + pos, a + pos + len(piece)
        pos += len(piece) + 1
        stripped = piece.strip()
        if not stripped:
            continue
        last = keep_last and k == len(pieces) - 1 and len(pieces) > 1
        if not last and (ASIDE_START.match(stripped) or ASIDE_START.match(stripped.lower())):
            continue
        # A relative clause ends the speaker phrase: "security experts who have…"
        rel = _REL.search(piece)
        if rel:
            e = s + rel.start()
        out.append((s, e))
    return out


def _combine(name: Cand | None, role: Cand | None) -> Cand | None:
    """ "the country’s ambassador to Ankara, Abzal Saparbekuly" → name with title."""
    if name is None or name.kind != "name" or name.type != "person":
        return None
    if role is None or role.kind != "role":
        return None
    return Cand(
        "name",
        name.start,
        name.end,
        name.name,
        name.title or _strip_det(re.sub(r"^\S+[’']s\s+", "", role.name)),
        "person",
        name.head,
    )


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
    first = parse_np(masked, *parts[0], "full")
    if first is None and len(parts) >= 2:
        # “Q” bulking up its capacity in the U.S., CEO Bernard Arnault said: the
        # part right before the cue names the speaker.
        last = parse_np(masked, *parts[-1], "full")
        if last is not None and last.kind in ("name", "role"):
            return last
    return first or parse_np(masked, *parts[0], "tail")


# An appositive that is a title of an organisation: "CEO of JSW Steel USA",
# "president of the Farm Bureau", "chief economist at Halvard Capital".
_APPOSITIVE_TITLE = re.compile(
    rf"\s*(?:(?:the|a|an|its|former)\s+)?(?:[\w\-]+\s+){{0,2}}?"
    rf"(?:{'|'.join(sorted(TITLE_WORDS, key=len, reverse=True))}|(?i:{_ROLE_ALT}))"
    rf"\s+(?:of|at|for)\s+"
)
_SUBCLAUSE = re.compile(r"\s*(?:before|after|when|while|as|until|then)\s+")


# Auxiliaries and adverbs between a speaker and the cue: "the lead actor [had]
# described", "Smith [also] told", "the mayor [has since] said".
_AUX_WORDS = frozenset(
    """had has have was were is are also later then once again previously repeatedly recently
    earlier already never often publicly privately would will could may might did does do
    reportedly famously first initially subsequently separately still just even since had
    himself herself itself themselves""".split()
)
_LAST_WORD = re.compile(r"([a-z]+)\s*$")


def _trim_aux(masked: str, a: int, b: int) -> int:
    """``b`` moved back over trailing auxiliaries and adverbs."""
    for _ in range(3):
        words = masked[max(a, b - 16) : b].split()
        if not words or words[-1] not in _AUX_WORDS:
            break
        m = _LAST_WORD.search(masked, max(a, b - 30), b)
        if m is None or m.group(1) not in _AUX_WORDS or m.start() <= a:
            break
        b = m.start()
    return b


# The second of two coordinated verbs: "she phoned me and [said]", "Smith stood
# up, paused and [added]": the subject is the last subject pronoun or name that a
# lower-case verb follows.
_COORD_END = re.compile(r"\s(?:and|but|then|and\s+then)\s*$")
_CLAUSE_SUBJECT = re.compile(
    rf"\b(?:he|she|they|we|I|(?P<name>{NAME_SEQ}))(?=[^\S\n]+(?:also\s+|then\s+|later\s+)?[a-z]{{2,}}(?:ed|s|t|d|k|e)\b)"
)


def _coordinated_subject(masked: str, a: int, b: int) -> Cand | None:
    if not _COORD_END.search(masked, max(a, b - 12), b):
        return None
    found = None
    for m in _CLAUSE_SUBJECT.finditer(masked, max(a, b - 200), b):
        found = m
    if found is None:
        return None
    c = parse_np(masked, found.start(), found.end(), "full")
    if c is None or (c.kind == "name" and c.type != "person"):
        return None
    return c


def np_before(masked: str, a: int, b: int) -> Cand | None:
    """Speaker before a cue: "…, primarily US Secretary … Antony Blinken <said>"."""
    c = _np_before(masked, a, b)
    return c if c is not None else _coordinated_subject(masked, a, b)


def _np_before(masked: str, a: int, b: int) -> Cand | None:
    # A clause of its own right before the cue is no aside: "Smith said, before
    # Jones replied:" – Jones replied.
    k = masked.rfind(",", a, b)
    sub = _SUBCLAUSE.match(masked, k + 1, b) if k >= 0 else None
    if sub is not None:
        c = parse_np(masked, sub.end(), b, "full")
        if c is not None and c.kind in ("name", "pron"):
            return c
    b = _trim_aux(masked, a, b)
    parts = _parts(masked, a, b, keep_last=True)
    if not parts:
        return None
    last = parse_np(masked, *parts[-1], "tail")
    if (
        last is None
        and len(parts) >= 2
        and ASIDE_START.match(masked[parts[-1][0] : parts[-1][1]].strip())
    ):
        parts = parts[:-1]  # the kept last part was an aside after all
        last = parse_np(masked, *parts[-1], "tail")
    if len(parts) >= 2 and _APPOSITIVE_TITLE.match(masked, *parts[-1]):
        # "Robert Simon, CEO of JSW Steel USA, praised …": the name, titled.
        prev = parse_np(masked, *parts[-2], "tail")
        if prev is not None and prev.kind == "name" and prev.type == "person":
            prev.title = prev.title or _norm(masked[parts[-1][0] : parts[-1][1]])
            return prev
    if len(parts) >= 2 and last is not None:
        prev = parse_np(masked, *parts[-2], "tail")
        # An appositive role is its whole part: "Hill, the ambassador, said"; a
        # role at the end of a long clause is the subject of its own: "…, a novel
        # by the late Hugh Carrick, after complaints from one councillor [called]".
        whole = not masked[parts[-1][0] : last.start].strip(" \t\n(")
        comb = (
            _combine(last, prev) or _combine(prev, last) if whole or last.kind != "role" else None
        )
        if comb:
            return comb
    if last is not None:
        return last
    # "The Russian Foreign Ministry hit back at Blinken’s statement and said":
    # the subject of the clause, after any opening time or place phrase ("Two
    # hours later and 90 miles away, Brandt stood … and called": not "Two").
    i = 0
    while i < len(parts) - 1 and _TIME_PLACE.match(masked, *parts[i]):
        i += 1
    return parse_np(masked, *parts[i], "head")


# An opening adverbial of time or distance: "Two hours later", "A day earlier",
# "Minutes later", "90 miles away", "Three weeks ago and 400 miles north".
_TIME_PLACE = re.compile(
    r"\s*(?:[\w\-]+\s+){0,2}?(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|"
    r"decades?|miles?|kilometres?|kilometers?|blocks?|yards?|feet|metres?|meters?)\s+"
    r"(?:later|earlier|ago|away|afterwards?|before|on|north|south|east|west|upriver|downriver)\b"
)


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
# The subject of a writer's sentence

# "White House press secretary Karine Jean-Pierre …": a role noun between an
# organisation and the name; the head parse alone would stop at "White House".
_HEAD_TITLED = re.compile(
    rf"\s*(?:{NAME_SEQ}\s+)?(?:(?!(?:{CUE.pattern}))[a-z][\w\-]*\s+)?(?:{_ROLE_ALT})\s+"
    rf"(?P<name>{NAME_SEQ})"
)
# First words of an introductory phrase before the subject: "Speaking to
# reporters on the plane, Mayorkas…", "On Ukraine, Psaki…", "Asked about…, she…".
_INTRO_WORD = re.compile(
    r"\s*(?:[A-Z][a-z]+ing|[A-Z][a-z]+ed|In|On|At|For|From|With|Without|After|Before|During|"
    r"As|When|While|Since|Despite|Amid|Among|Under|Over|Later|Earlier|Meanwhile|However|"
    r"Still|Yet|Also|Then|Now|Separately|Elsewhere|Instead|Asked|Once|If|Although|Though|"
    r"Because|Like|Unlike|By|Through|Following|Ahead|Back|Last|Next|This|That|Today|"
    r"Yesterday|Tomorrow)\b"
)
_BLANKISH = re.compile(r"[\s“”\"‘’'«»„,;:—–\-*_]*")


def sentence_subject(bare: str, a: int, b: int) -> Cand | None:
    """The grammatical subject of the sentence ``bare[a:b]`` (quotations blanked):
    a name, role noun, pronoun, group or organisation at the head of the main clause,
    after any introductory phrase; for "“…,” said X." the name after the cue."""
    m0 = _BLANKISH.match(bare, a, b)
    a = m0.end() if m0 else a
    if a >= b:
        return None
    parts = [(x, y) for x, y in _parts(bare, a, b) if bare[x:y].strip()]
    if not parts:
        return None
    # Skip introductory phrases, but keep the last part: it must hold the clause.
    i = 0
    while i < len(parts) - 1 and _INTRO_WORD.match(bare, parts[i][0], parts[i][1]):
        i += 1
    # "Asked about a summit with Ukraine’s president, Volodymyr Zelenskyy, Psaki
    # was cool": a bare name after an introductory phrase, followed by another
    # capitalised part, is an appositive of that phrase, not the subject.
    while 0 < i < len(parts) - 1:
        h = parse_np(bare, parts[i][0], parts[i][1], "head")
        rest = bare[h.end : parts[i][1]].strip() if h is not None else "x"
        nxt = bare[parts[i + 1][0] : parts[i + 1][1]].lstrip()
        if rest or not nxt[:1].isupper():
            break
        i += 1
    pa, pb = parts[i]
    m = _HEAD_TITLED.match(bare, pa, pb)
    if m:
        c = _name_cand(m.group("name"), m.start("name"), m.end("name"))
        if c is not None and c.kind == "name" and c.type == "person":
            lead = _norm(bare[pa : m.start("name")])
            c.title = c.title or lead or None
            return c
    # A part that is itself an introductory phrase has no subject at its head:
    # "Pointing to U.S. strikes …" is not a person called Pointing.
    head = None if _INTRO_WORD.match(bare, pa, pb) else parse_np(bare, pa, pb, "head")
    if head is not None and (
        head.kind in ("pron", "role") or (head.kind == "name" and head.type == "person")
    ):
        return head
    # "“…,” said Smith." / "The ministry’s head Ivan Petrov said …": the cue decides.
    cue = CUE.search(bare, a, b)
    if cue is not None:
        if not bare[a : cue.start()].strip(" \t\n,“”\"'‘’"):
            stop = _PERIOD_STOP.search(bare, cue.end(), b)
            c = np_following(bare, cue.end(), stop.start() if stop else b)
        else:
            c = np_before(bare, _clause_start(bare, a, cue.start()), cue.start())
        if c is not None:
            return c
    return head


# ---------------------------------------------------------------------------
# Resolution


_LOOKBACK = 200
_SALIENCE_SENTENCES = 12
_CONTINUING = re.compile(r"^(?:added|adds|continued|continues|went on|goes on)$")


@dataclass
class Resolver:
    index: NameIndex
    text: str
    # The masked text with every quotation blanked (marks included), so that
    # subjects and mentions are only looked for in the writer's own words.
    bare: str = ""
    paras: list[tuple[int, int]] = field(default_factory=list)
    history: list[tuple[int, Speaker]] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.pindex = ParagraphIndex(self.paras)
        # Sentence subjects and sentence starts of the writer's text, computed once:
        # every pronoun of a paragraph re-read the same sentences (quote-dense text
        # spent a fifth of its time there).
        self._subjects: dict[tuple[int, int], Cand | None] = {}
        self._history_titles: set[str] = set()
        self._starts: dict[int, list[int]] = {}

    def _sentence_subject(self, a: int, b: int) -> Cand | None:
        key = (a, b)
        if key not in self._subjects:
            self._subjects[key] = sentence_subject(self.bare, a, b)
        return self._subjects[key]

    def _para_starts(self, pi: int) -> list[int]:
        """Sentence starts of paragraph ``pi`` of the quotation-blanked text."""
        st = self._starts.get(pi)
        if st is None:
            a, b = self.paras[pi]
            st = self._starts[pi] = sentence_starts(self.bare, a, b)
        return st

    def _last(self, pos: int, types: tuple[str, ...]) -> tuple[int, Speaker] | None:
        for p, sp in reversed(self.history):
            if p < pos and sp.type in types:
                return p, sp
        return None

    def resolve(self, c: Cand, cue: str | None) -> Speaker:
        mention = self.text[c.start : c.end]
        sp = self._resolve(c, cue, mention)
        if not sp.name.strip() or not any(ch.isalpha() for ch in sp.name):
            # Never hand on an empty or punctuation-only name: fall back to the
            # article's own words, typed unknown.
            sp = Speaker(mention or "?", mention, c.start, c.end, "unknown", None)
        self.history.append((c.start, sp))
        if sp.title:
            self._history_titles.add(sp.title.lower())
        if c.kind == "pron" and sp.type == "person" and c.name in ("he", "she"):
            self.gender.setdefault(sp.name, "m" if c.name == "he" else "f")
        return sp

    # -- pronouns ------------------------------------------------------------

    def _gender_of(self, name: str) -> str | None:
        g = self.gender.get(name) or self.index.gender.get(name)
        if g is None and " " in name:
            g = self.index.gender.get(name.rsplit(" ", 1)[-1])
        return g

    def _agrees(self, sp: Speaker, pron: str) -> bool:
        if sp.type != "person" or not sp.name.strip():
            return False
        if pron not in ("he", "she"):
            return True
        g = self._gender_of(sp.name)
        return g is None or g == ("m" if pron == "he" else "f")

    def _subject_speaker(self, a: int, b: int, c: Cand) -> Speaker | None:
        """The person the writer's sentence ``bare[a:b]`` is about, if any."""
        subj = self._sentence_subject(a, b)
        if subj is None or subj.kind == "pron" or subj.start == c.start:
            return None
        if subj.kind == "name" and subj.type != "person":
            return None
        sp = self._resolve(subj, None, self.text[subj.start : subj.end])
        if (
            sp.type != "person"
            or sp.name == self.text[subj.start : subj.end]
            and (subj.kind == "role")
        ):
            return None  # an unresolved role noun ("a waitress") is not an antecedent here
        return sp

    def _pronoun(self, c: Cand, cue: str | None, mention: str) -> Speaker:
        """Salience order: the subject of the cue's own sentence, then of the
        previous sentences of the paragraph, then the previous quotation's speaker,
        then the latest person mentioned; he/she must agree with a known gender.

        Recency alone (the old rule) picked whoever was named last, so a person
        merely mentioned in passing ("…as President Joe Biden flew to…") stole
        the quote from the sentence's subject."""
        pron = c.name
        found: Speaker | None = None
        if cue and _CONTINUING.match(cue):
            last = self._last(c.start, ("person",))
            if last and self._agrees(last[1], pron):
                found = last[1]
        if found is None and self.bare and self.paras:
            pi = self.pindex.index(c.start)
            ps = self._para_starts(pi)
            # Sentences before the pronoun, at most _SALIENCE_SENTENCES of them: a
            # very long paragraph must not be re-read for every pronoun.
            k = bisect.bisect_left(ps, c.start)
            starts = ps[max(0, k - _SALIENCE_SENTENCES) : k] or ps[:1]
            # The cue's own sentence first, then backwards to the paragraph start.
            bounds = [(starts[-1], c.end)] + [
                (starts[i], starts[i + 1]) for i in range(len(starts) - 2, -1, -1)
            ]
            last = self._last(c.start, ("person",))
            if pi > 0 and (last is None or last[0] < self.paras[pi - 1][0]):
                # No quotation since the previous paragraph: its sentences are the
                # freshest context ("Jean-Pierre took questions.\n\nOn North Korea,
                # she …" is not about North Korea).
                qb = self.paras[pi - 1][1]
                pst = self._para_starts(pi - 1)
                bounds += [
                    (pst[i], pst[i + 1] if i + 1 < len(pst) else qb)
                    for i in range(len(pst) - 1, -1, -1)
                ]
            for a, b in bounds:
                sp = self._subject_speaker(a, b, c)
                if sp is not None and self._agrees(sp, pron):
                    found = sp
                    break
        if found is None:
            last = self._last(c.start, ("person",))
            ent = self._person_before(c.start, pron)
            if (
                last
                and self._agrees(last[1], pron)
                and (ent is None or ent.pos < last[0] or not self._titled(ent))
            ):
                found = last[1]
            elif ent is not None:
                found = self._person(ent.name, ent.title, c, mention)
            elif last and self._agrees(last[1], pron):
                found = last[1]
        if found is None:
            return Speaker(mention, mention, c.start, c.end, "unknown", None)
        return Speaker(found.name, mention, c.start, c.end, "person", found.title)

    @staticmethod
    def _titled(ent: _Entity) -> bool:
        return bool(ent.title)

    def _person_before(self, pos: int, pron: str) -> _Entity | None:
        """The latest person named before ``pos`` outside any quotation, agreeing."""
        ents = self.index.persons
        i = _bisect_pos(ents, pos)
        for e in reversed(ents[max(0, i - 50) : i]):
            if self.bare and not self.bare[e.pos].strip():
                continue  # a name inside a quotation is not an antecedent
            sp = Speaker(e.name, e.name, e.pos, e.pos, "person", e.title)
            if self._agrees(sp, pron):
                return e
        return None

    def _person(self, name: str, title: str | None, c: Cand, mention: str) -> Speaker:
        # The title is kept from the first mention that had one.
        title = self.index.first_title.get(name) or self.titles.get(name) or title
        if title and name not in self.titles:
            self.titles[name] = title
        return Speaker(name, mention, c.start, c.end, "person", title)

    def _resolve(self, c: Cand, cue: str | None, mention: str) -> Speaker:
        if c.kind == "name":
            if c.type in ("organization", "group"):
                return Speaker(c.name, mention, c.start, c.end, c.type, None)
            if len(c.name.split(" ")) == 1:
                ent = self.index.full_name(c.name, c.start)
                if ent is not None:
                    return self._person(ent.name, c.title or ent.title, c, mention)
            return self._person(c.name, c.title, c, mention)
        if c.kind == "pron":
            if c.type == "person":
                return self._pronoun(c, cue, mention)
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
            # Bounded look-backs: scanning all of the history and every titled
            # name per quotation made 1 MB of text quadratic.
            if any(head in t for t in self._history_titles):
                for p, sp in reversed(self.history[-_LOOKBACK:]):
                    if (
                        p < c.start
                        and sp.type == "person"
                        and sp.title
                        and head in sp.title.lower()
                    ):
                        best = (p, sp.name, sp.title)
                        break
            e = self.index.titled_before(head, c.start)
            if e is not None and (best is None or e.pos > best[0]):
                best = (e.pos, e.name, e.title)
            if best is not None:
                return Speaker(best[1], mention, c.start, c.end, "person", best[2])
            return Speaker(c.name, mention, c.start, c.end, "person", None)
        if c.kind == "orgn":
            head = c.head.lower()
            for p, sp in reversed(self.history[-_LOOKBACK:]):
                if p < c.start and sp.type == "organization" and _org_fits(head, sp.name):
                    return _re_mention(sp, mention, c)
            orgs = self.index.orgs
            i = _bisect_pos(orgs, c.start)
            for e in reversed(orgs[max(0, i - _LOOKBACK) : i]):
                if _org_fits(head, e.name):
                    return Speaker(e.name, mention, c.start, c.end, "organization", None)
            return Speaker(c.name, mention, c.start, c.end, "organization", None)
        return Speaker(c.name, mention, c.start, c.end, c.type, c.title)


_FIRM = re.compile(
    r"\b(?:Corporation|Corp|Inc|Company|Co|Ltd|LLC|Group|Holdings|Industries|"
    r"Technologies|Airlines|Motors|Bank|Labs|Systems)\b"
)


def _org_fits(noun: str, name: str) -> bool:
    """ "the company" → "Acme Corporation"; "the ministry" → "Russian Foreign Ministry"."""
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


def _sent_stop(masked: str, a: int, hi: int) -> re.Match[str] | None:
    """The end of the cue's sentence, skipping the dots of "Mrs." and "Dr.": a
    stop there cut “…,” said Mrs. Trump down to a bare title."""
    pos = a
    while True:
        m = _SENT_STOP.search(masked, pos, hi)
        if m is None or masked[m.start()] != "." or not _is_abbreviation(masked, m.start()):
            return m
        pos = m.end()


# Compiled once: these run for every quotation (re's own cache lookup cost ~5 µs each).
_DASH_BYLINE = re.compile(r"[ \t]*\n?[ \t]*[—–-]{1,2}[ \t]*(?=[A-Z])")
_DASH_STOP = re.compile(r"[,(\n;]|$|\.\s")
_AFTER_LEAD = re.compile(r"[ \t]*([,.;!?…]?)[ \t]*\n?[ \t]*")
_ACCORDING_TAIL = re.compile(
    r"(?i:according\s+to|in\s+the\s+words\s+of|to\s+quote)\s+(.{1,120}?),?\s*$"
)
# "In Marek Olsen’s words, “…”", "in her own words:": the possessor speaks.
_WORDS_OF_TAIL = re.compile(r"(?i:\bin)\s+(.{1,80}?)(?:[’']s|s[’'])\s+(?:own\s+)?words[,:]?\s*$")
# The "As" opening "As Dorothy Amis, a retired teacher, put it to me:" – read as
# an aside by the comma parts, it hides the speaker before the cue.
_AS_OPEN = re.compile(r"[\s*_]*[Aa]s\s+")
_COLON_PUNCT = re.compile(r"[\s:,]*")
_PERIOD_STOP = re.compile(r"[.;!?]")
_COMMA = re.compile(r",")


def attribution_after(masked: str, close: int, hi: int, inner_end: str) -> Attribution | None:
    """Cues after the quotation: “Q,” X said / “Q,” said X / “Q” — X / “Q,” according to X."""
    win_hi = min(hi, close + 400)
    # Dash byline: “…” —White House Press Secretary Karoline Leavitt
    m = _DASH_BYLINE.match(masked, close, win_hi)
    if m:
        stop = _DASH_STOP.search(masked, m.end(), win_hi)
        b = stop.start() if stop else win_hi
        c = parse_np(masked, m.end(), b, "full") or parse_np(masked, m.end(), b, "head")
        if c is not None and c.kind in ("name", "role"):
            return Attribution(c, "—", "dash")
    lead = _AFTER_LEAD.match(masked, close, win_hi)
    if lead is None:
        return None
    outer = lead.group(1)
    # A sentence that ended inside or right after the mark takes no cue after it.
    if outer in (".", ";") or (inner_end == "." and outer != ","):
        return None
    a = lead.end()
    stop = _sent_stop(masked, a, win_hi)
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
    # “We’ll see,” he shrugged. / “Q,” Smith smiled. – a pronoun or a name and one
    # past-tense verb closing the sentence act as the cue.
    m = _MANNER_CUE.match(masked, a, b)
    if m and (outer == "," or inner_end in (",", "?", "!")):
        c = parse_np(masked, m.start("np"), m.end("np"), "full")
        if c is not None and c.kind in ("pron", "name") and c.type in ("person", "group"):
            return Attribution(c, m.group("verb"), "after")
    return None


_MANNER_CUE = re.compile(
    r"(?P<np>he|she|they|[A-Z][\w’'\-]+(?:[^\S\n]+[A-Z][\w’'\-]+){0,2})[^\S\n]+"
    r"(?P<verb>[a-z]{2,}ed)(?=\s*(?:[.,;!?]|$))"
)


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
    low = stripped.lower()
    m = (
        _ACCORDING_TAIL.search(stripped)
        if "according" in low or "words of" in low or "quote" in low
        else None
    )
    if m:
        c = np_following(masked, lo + m.start(1), end)
        if c:
            return Attribution(c, "according to", "according")
    m = _WORDS_OF_TAIL.search(stripped) if "words" in low else None
    if m:
        c = parse_np(masked, lo + m.start(1), lo + m.end(1), "full")
        if c is not None and c.kind in ("name", "pron", "role"):
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
            if c is None:
                # A label that is a whole clause: "**President Trump** [**described**]
                # **meeting with President Zelenskyy at the Vatican:**" – its
                # subject speaks, not the last name in it ("the Vatican").
                c = _clause_label_subject(masked, lo, b)
            if c is None and "," in masked[lo:b]:
                # "**Mayor Aftab Pureval, Cincinnati:**", "Raman, again, in a
                # follow-up note:": a person first, then a place or asides.
                parts = _parts(masked, lo, b)
                first = parse_np(masked, *parts[0], "full") if parts else None
                if (
                    first is not None
                    and not masked[lo : first.start].strip(" \t\n*_")
                    and (
                        (first.kind == "name" and first.type == "person")
                        or first.kind in ("pron", "role")
                    )
                    and (
                        first.title or " " in first.name or len(parts) == 1 or first.kind != "name"
                    )
                ):
                    c = first
            if c is None and len(masked[lo:b].split()) <= 12:
                # "Parsons Corporation Chair, President, and CEO Carey Smith:"
                c = np_before(masked, lo, b)
                if (
                    c is not None
                    and re.search(r"\w", masked[c.end : b])
                    and (
                        c.kind == "group"
                        or (c.kind == "name" and not c.title and " " not in c.name)
                    )
                ):
                    # A label opened by one capitalised word and carrying on is a
                    # topic, not a speaker: "**Workers abandoned without
                    # paychecks:** “…”" (but "President Trump outlined …:" is).
                    c = None
                if c is not None and _topic_label(masked, lo, b, c):
                    c = None
            if c is not None and len(masked[lo:end].split()) <= 20:
                return Attribution(c, ":", "label")
        if cues:
            # "… Antony Blinken said he could not imagine … the demonstrations: “Q"
            m = cues[-1]
            c = _cue_subject(masked, _clause_start(masked, lo, m.start()), m)
            if c:
                return Attribution(c, cue_text(masked, m, end), "lead")
    # X said, “Q” / X said that “Q” / X told reporters on Tuesday: “Q”
    part = PARTICIPLE_CUE.search(masked, max(lo, end - 40), end)
    if part and _COLON_PUNCT.fullmatch(masked, part.end(), end):
        # "He hit back, saying: “Q”": the subject of the sentence.
        c = participle_subject(masked, lo, part.start())
        if c:
            return Attribution(c, cue_text(masked, part, end), "lead")
    if cues:
        m = cues[-1]
        between = masked[m.end() : end]
        if (
            len(between.split()) <= 6
            and _LEAD_END.search(between)
            and (stripped.endswith((":", ",", "that")) or not between.strip())
            and not stripped.endswith((".", "!", "?"))
        ):
            c = _cue_subject(masked, _clause_start(masked, lo, m.start()), m)
            if c:
                return Attribution(c, cue_text(masked, m, end), "lead")
    return None


# A verb right after a label's subject: "President Trump described …",
# "Secretary Rubio fact checked …" (a past tense or a present third person).
_LABEL_VERB = re.compile(r"\s+(?:[a-z]+\s+)?[a-z]{3,}(?:ed|s)\b")


_LABEL_DETERMINERS = frozenset("the a an our its their his her every all this that".split())


def _topic_label(masked: str, lo: int, b: int, c: Cand) -> bool:
    """A label that states a topic rather than a speaker, its "name" only a part of
    it: "**Make America the dominant energy producer:**" (a determiner right
    after the name: the name was a verb and its object), "**End the
    weaponization of government against the American people:**" (a preposition
    right before it).  Speaker labels pass: "Greg Swan, who lost his son:",
    "Secretary Rubio on X:", "The Minnesota Star Tribune reports:"."""
    before = re.findall(r"[A-Za-z][\w’'\-]*", masked[lo : c.start])
    if before and before[-1].lower() in PREPOSITIONS:
        return True
    after = re.findall(r"[A-Za-z][\w’'\-]*|,", masked[c.end : b])
    return bool(after) and after[0] in _LABEL_DETERMINERS


def _clause_label_subject(masked: str, lo: int, b: int) -> Cand | None:
    """The titled or full name that opens a label followed by a verb."""
    m = _NAME_RE.match(masked, lo, b) if lo < b else None
    if m is None:
        k = lo
        while k < b and masked[k].isspace():
            k += 1
        m = _NAME_RE.match(masked, k, b)
    if m is None or not _LABEL_VERB.match(masked, m.end(), b):
        return None
    c = _name_cand(m.group(0), m.start(), m.end())
    if c is None or c.kind != "name" or c.type != "person":
        return None
    if not c.title and " " not in c.name:
        return None  # "**Workers abandoned …:**": one capitalised word is a topic
    return c


def _cue_subject(masked: str, a: int, m: re.Match[str]) -> Cand | None:
    """The speaker before cue ``m`` in masked[a:m.start()]; for "put it", after an
    opening "As": "As Dorothy Amis, who taught here, put it:" → Dorothy Amis."""
    if m.group(0).startswith("put"):
        am = _AS_OPEN.match(masked, a, m.start())
        if am is not None:
            a = am.end()
    return np_before(masked, a, m.start())


def _clause_start(masked: str, lo: int, cue_pos: int) -> int:
    """Start of the clause owning a cue: after an earlier closing mark in the sentence."""
    i = max(masked.rfind("”", lo, cue_pos), masked.rfind('"', lo, cue_pos))
    return i + 1 if i >= 0 else lo


def participle_subject(masked: str, lo: int, part: int) -> Cand | None:
    """Who does the "saying"/"insisting" of a participle cue: the subject of the
    main clause ("Jean-Pierre said the timing had been set with local officials,
    insisting “…”" → Jean-Pierre), not the noun phrase nearest the comma."""
    cues = list(CUE.finditer(masked, lo, part))
    if cues:
        m = cues[0]
        c = np_before(masked, _clause_start(masked, lo, m.start()), m.start())
        if c is not None:
            return c
    c = sentence_subject(masked, lo, part)
    if c is not None:
        return c
    return np_before(masked, lo, part)


def attribution_indirect(masked: str, lo: int, open_: int) -> Attribution | None:
    """A cue earlier in the same sentence: "Tokayev, for his part, said Almaty was under
    attack by 20,000 “terrorists”" → the fragment is Tokayev's."""
    cues = list(CUE.finditer(masked, lo, open_)) or list(
        INDIRECT_ONLY_CUE.finditer(masked, lo, open_)
    )
    if not cues:
        # "she struck a cautious tone, saying the administration was wary and
        # that “Q”": a participle cue further back in the sentence.
        parts = list(PARTICIPLE_CUE.finditer(masked, lo, open_))
        if parts:
            part = parts[-1]
            c = participle_subject(masked, lo, part.start())
            if c:
                return Attribution(c, cue_text(masked, part, open_), "indirect")
        m = ACCORDING_TO.search(masked, lo, open_)
        if m:
            stop = _COMMA.search(masked, m.end(), open_)
            c = np_following(masked, m.end(), stop.start() if stop else open_)
            if c:
                return Attribution(c, "according to", "indirect")
        return None
    m = cues[-1]
    a = _clause_start(masked, lo, m.start())
    # "As President Trump said, the legislation is “…”": the as-clause is the
    # attribution, though "as" opens asides elsewhere.
    as_m = _AS_SAID.search(masked, a, m.start())
    c = np_before(masked, as_m.end(), m.start()) if as_m else None
    c = c or np_before(masked, a, m.start())
    if c:
        return Attribution(c, cue_text(masked, m, open_), "indirect")
    return None


# A document stating a finding: "The study found that …", "the survey showed",
# "the report concluded that …".  The document is the source, typed organization.
_FINDING_VERBS = frozenset(
    """found finds showed shows concluded concludes suggested suggests indicated indicates
    revealed reveals estimated estimates""".split()
)
_FINDING = re.compile(
    rf"(?P<np>{_DOC_NP})\s+(?:(?:also|further|ultimately|largely)\s+)?"
    rf"(?P<verb>{'|'.join(sorted(_FINDING_VERBS))})\b"
)


def finding_attribution(masked: str, lo: int, open_: int) -> Attribution | None:
    """The last document with a finding verb in masked[lo:open_]: "The study found
    that students at later-starting schools “…”" → the study."""
    found = None
    for m in _FINDING.finditer(masked, lo, open_):
        found = m
    if found is None:
        return None
    a, b = found.span("np")
    phrase = _norm(masked[a:b])
    head = found.group("doc").lower()
    c = Cand("doc", a, b, _strip_det(phrase), None, "organization", head=head)
    return Attribution(c, found.group("verb"), "indirect")


def as_finding(att: Attribution) -> Attribution:
    """A document cue that states a finding ("the report concluded") speaks as an
    organization, not as an unknown."""
    if att.cand.kind == "doc" and att.cue.split(" ")[0] in _FINDING_VERBS:
        att.cand.type = "organization"
    return att


_AS_SAID = re.compile(r"(?:^|(?<=[\s,;(]))[Aa]s\s+(?=\S+(?:\s+\S+){0,6}?\s+(?:has\s+|had\s+)?$)")


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
