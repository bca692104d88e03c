"""Noun phrases: a stretch of text parsed into a candidate speaker (a name,
a role, a group, an organisation, a document), and the subject of a sentence.

All searches run on the masked text (Markdown blanked, same offsets) and stay
inside a paragraph and a bounded window, so the cost is linear in the
article's length.
"""

from __future__ import annotations

import re
from typing import Literal, cast

from quoteverify._lazyre import lazy
from quoteverify.extract._lexicon import (
    ASIDE_START,
    AUX_WORDS,
    COMMON_CAPS,
    CUE,
    DATE_WORDS,
    DOC_NOUNS,
    GROUP_WORDS,
    NUMBER_WORDS,
    ORG_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    PROXY_WORDS,
    ROLE_WORDS,
    TITLE_PREFIXES,
    TITLE_WORDS,
    _trie,
)
from quoteverify.extract._limits import LIMITS
from quoteverify.extract._names import (
    _NAME_RE,
    _NAME_START,
    NAME_SEQ,
    Cand,
    _norm,
    _strip_det,
    split_name,
)
from quoteverify.models import SpeakerType

# Prefix trees, not flat alternations: the role, group and organisation nouns are
# tried at every position of a speaker phrase (a flat list of 300 words made the
# tail search of ``parse_np`` the extractor's hottest regex).
_ROLE_ALT = _trie(sorted(ROLE_WORDS))
_GROUP_ALT = _trie(sorted(GROUP_WORDS))
_ORGN_ALT = _trie(sorted(ORG_NOUNS))
_DET = r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)"
# A possessor, singular or plural: "the union’s spokesman", "the pilots’ union".
_POSS = r"(?:(?:[Tt]he\s+)?[\w\-]+(?:[’']s|s[’']))"
# A modifier inside a noun phrase, possessives included: "the farmers’ association";
# a dotted abbreviation too: "says a D.C. resident" (White House, 2025-08-11), "a
# U.S. official".
_MOD = r"(?:(?:(?:[A-Z]\.){2,}|[\w\-]+(?:[’']s?)?)\s+)"
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
_ANY_DOC = lazy(rf"(?P<np>\b(?:[Aa]n?|[Tt]he)\s+{_MOD}{{0,2}}?(?i:(?P<doc>{_DOC_ALT})))\s*$")
_KEY_WORDS = {"role": ROLE_WORDS, "group": GROUP_WORDS, "orgn": ORG_NOUNS, "doc": DOC_NOUNS}
_KEY_ALTS = {"role": _ROLE_ALT, "group": _GROUP_ALT, "orgn": _ORGN_ALT, "doc": _DOC_ALT}
_TAIL = {
    "role": lazy(rf"(?:{_ROLE_NP})\s*$"),
    "group": lazy(rf"(?:{_GROUP_NP})\s*$"),
    "orgn": lazy(rf"(?:{_ORGN_NP})\s*$"),
    "doc": lazy(rf"(?:{_DOC_NP})\s*$"),
}
# A _TAIL phrase ends the segment, so the segment ends in its noun ("… the
# ministry’s spokesman") or, for a role, in the name of an of-phrase ("… the
# ambassador to Turkey").  Checking the last few characters first skips the
# costly tail search for most segments that merely hold such a noun earlier:
# "the spokesman’s remarks were".
_NOUN_END = {key: lazy(rf"(?i:{alt})$") for key, alt in _KEY_ALTS.items()}
_NOUN_MAX = {key: max(map(len, words)) for key, words in _KEY_WORDS.items()}


def _tail_possible(key: str, s: str, last_word: str) -> bool:
    """Whether _TAIL[key] can match ``s`` (which ends in neither space nor "."):
    its noun ends ``s``, or a role's of-phrase name does (a capital in the last word)."""
    if _NOUN_END[key].search(s, max(0, len(s) - _NOUN_MAX[key])):
        return True
    return key == "role" and _NAME_START.search(last_word) is not None


_HEAD = {
    "role": lazy(rf"\s*(?:{_ROLE_NP})\b"),
    "group": lazy(rf"\s*(?:{_GROUP_NP})\b"),
    "orgn": lazy(rf"\s*(?:{_ORGN_NP})\b"),
    "doc": lazy(rf"\s*(?:{_DOC_NP})\b"),
}


def _name_cand(seq: str, start: int, end: int) -> Cand | None:
    parsed = split_name(seq)
    if parsed is None:
        return None
    title, name, typ = parsed
    if len(name) == 1 or name.rstrip(".") in ("Jr", "Sr"):
        # the "S" of a "U.S." cut at its last dot; the "Jr." of "Robert F. Kennedy, Jr."
        # cut off at its comma
        return None
    if not title and " " not in name:
        lone = _lone_capital(name, start, end)
        if lone is not False:
            return lone
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


def _lone_capital(word: str, start: int, end: int) -> Cand | None | bool:
    """A lone capitalised word that opens a sentence and names no one: a weekday,
    a month or a number word ("Wednesday, the governor said" – the governor speaks,
    not a person called Wednesday; "Two officials said"), or a plural group noun
    capitalised only because it opens the sentence ("Organizers blamed the rain.
    … She said" – a group, never the antecedent of "she"; "Officials said").
    False when the word is an ordinary name.

    >>> _lone_capital("Wednesday", 0, 9) is None
    True
    >>> _lone_capital("Organizers", 0, 10).kind
    'group'
    >>> _lone_capital("Haaland", 0, 7)
    False
    """
    if word in DATE_WORDS or word in NUMBER_WORDS:
        return None
    low = word.lower()
    if low in GROUP_WORDS and word[1:].islower():
        return Cand("group", start, end, word, None, "group", head=low)
    return False


# Up to three capitalised words and up to two lower-case modifiers right before a
# role noun, ending a phrase: "[White House press] secretary", "[Ohio deputy] director".
_TITLE_LEFT = lazy(
    r"(?<![\w’'\-])(?:(?!(?:The|A|An|On|In|At|For|By|With|From|After|Before|And|But)\b)"
    r"[A-Z][\w\-]*\s+){1,3}(?:[a-z][\w\-]*(?:[’']s?)?\s+){0,2}$"
    r"|(?<![\w’'\-])(?:[a-z][\w\-]*(?:[’']s?)?\s+){1,2}$"
)


# "principal cellist Marcus Obi" after an inverted cue: up to four lower-case
# words (after an optional capitalised qualifier, "Ohio transportation director")
# and a name that ends the phrase or is followed by a time or place.
_DESCRIBED = lazy(
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


# Where a noun phrase must stand in its segment (``parse_np``).
NounPhraseMode = Literal["tail", "head", "after", "full"]


def parse_np(masked: str, a: int, b: int, mode: NounPhraseMode) -> Cand | None:
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
    if ("’s " in s or "'s " in s) and not PROXY_WORDS.isdisjoint(w.lower() for w in words):
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
            elif pre and pre[-1].lower() in TITLE_PREFIXES:
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
        if mode == "after" and s[:4] in ("the ", "The "):
            # "according to the Sydney Morning Herald": an organisation after "the".
            om = _NAME_RE.match(s, 4)
            oc = _name_cand(om.group(0), base + 4, base + om.end()) if om else None
            if oc is not None and oc.kind == "name" and oc.type == "organization":
                return oc
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
                m2 = _TAIL[key].search(s, max(0, len(s) - LIMITS.noun_tail))
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


_PROXY = (
    rf"(?P<name>{NAME_SEQ})[’']s\s+(?:(?:press|campaign|chief|senior|top|personal)\s+)?"
    rf"(?P<noun>{'|'.join(sorted(PROXY_WORDS, key=len, reverse=True))})\b"
)
_PROXY_HEAD = lazy(_PROXY)
_PROXY_TAIL = lazy(rf"(?<![\w’'\-]){_PROXY}\s*$")

_REL = re.compile(r"\s(?:who|whom|whose|which)\b")
_PAREN = re.compile(r"\([^()]*\)")
_DASH_ASIDE = re.compile(
    r"(?<=\S)[^\S\n]+[—–][^\S\n]+(?:now|then|once|formerly|previously|currently|known|a|an|the)"
    r"[^\S\n]+(?:(?!(?:I|you|he|she|it|we|they|said|says)\b)[^—–\s“”\"]+[^\S\n]+){0,12}?[—–]"
    r"(?=[^\S\n]|$)"
)


def blank_dash_asides(seg: str) -> str:
    """An apposition set off by a pair of dashes blanked, as a bracket is: "Angela
    Alsobrooks — now a U.S. Senator — bragged" and "Deni Taveras — now a member of the
    Maryland House of Delegates — said" (White House, 2025-04-15), "OMB Deputy Director
    Dan Bishop — known for his fiscal responsibility — says" (2025-06-05): the name
    speaks, not the role in the aside. Only a phrase that describes (an article, "now",
    "then", "known", "formerly" first, no subject pronoun or "said" in it): a speaker's
    own dashes in a transcript break off a clause ("Edward Abbey … — I didn’t know he
    had been a Park Ranger … — wrote", remarks of 2022-04-22), left as it is.

    >>> blank_dash_asides("Angela Alsobrooks — now a U.S. Senator — bragged").split()
    ['Angela', 'Alsobrooks', 'bragged']
    >>> blank_dash_asides("Abbey — I didn’t know — wrote").split()
    ['Abbey', '—', 'I', 'didn’t', 'know', '—', 'wrote']
    """
    if "—" not in seg and "–" not in seg:
        return seg
    return _DASH_ASIDE.sub(lambda m: " " * len(m.group(0)), seg)


def _parts(masked: str, a: int, b: int, keep_last: bool = False) -> list[tuple[int, int]]:
    """Comma-separated parts of masked[a:b], asides dropped:
    "President Tokayev, for his part," → [President Tokayev].  With ``keep_last``
    a last part that runs into the cue without a comma is kept even if it opens
    like an aside: "…, from its programme after complaints about what one
    councillor [called]" – the councillor is the subject, not an aside."""
    seg = masked[a:b]
    if "(" in seg:
        seg = _PAREN.sub(lambda m: " " * len(m.group(0)), seg)
    blanked = blank_dash_asides(seg)
    dashed = blanked != seg
    seg = blanked
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
        elif dashed and masked[s:e].rstrip()[-1:] in ("—", "–"):
            e = s + len(piece.rstrip())  # the part ends before its dashed aside
        out.append((s, e))
    return out


def _titled_name(name: Cand | None, role: Cand | None) -> Cand | None:
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
    parts[0] = _without_party_tag(masked, *parts[0])
    if len(parts) >= 2:
        p0 = parse_np(masked, *parts[0], "full")
        p1 = parse_np(masked, *parts[1], "full")
        comb = _titled_name(p1, p0) or _titled_name(p0, p1)
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
_APPOSITIVE_TITLE = lazy(
    rf"\s*(?:(?:the|a|an|its|former)\s+)?(?:[\w\-]+\s+){{0,2}}?"
    rf"(?:{'|'.join(sorted(TITLE_WORDS, key=len, reverse=True))}|(?i:{_ROLE_ALT}))"
    rf"\s+(?:of|at|for)\s+"
)
_SUBCLAUSE = re.compile(r"\s*(?:before|after|when|while|as|until|then)\s+")
_RELATIVE = re.compile(r"\s*(?:in|during|at|on|with|for)\s+which\s+")


_LAST_WORD = re.compile(r"([a-z]+)\s*$")


_TRAILING_PAREN = re.compile(r"[^\S\n]*\([^()\n]{1,30}\)[^\S\n]*$")
# A legislator's party and state: "(R-Calif.)", "(D-HI)", "(R-OK)".
_PARTY_TAG = re.compile(r"[^\S\n]*\((?:[RDI]|Rep|Dem|Ind)[.\-–][^()\n]{1,20}\)[^\S\n]*$")


def _without_party_tag(masked: str, a: int, b: int) -> tuple[int, int]:
    """A name part of a speaker phrase with its party tag left off, so that the name
    still parses before an apposition: "“…,” Rep. Kevin Kiley (R-Calif.), a leading
    critic of Su, told POLITICO" (Politico, quoted by the White House, 2023-04-22) is
    Kevin Kiley, not "a leading critic of Su"; "Sen. Mazie Hirono (D-HI) claimed"
    (2025 fact check) keeps its parse.

    >>> s = "Rep. Kevin Kiley (R-Calif.)"
    >>> s[slice(*_without_party_tag(s, 0, len(s)))]
    'Rep. Kevin Kiley'
    """
    m = _PARTY_TAG.search(masked, a, b)
    return (a, m.start()) if m is not None and m.start() > a else (a, b)


# Nouns and adjectives in "-ly" that may end a speaker phrase: "the family said",
# "the assembly voted", "the elderly", "the daily reported".
_LY_NOT_ADVERB = frozenset(
    """family assembly ally rally supply elderly daily weekly monthly quarterly yearly
    monopoly anomaly homily lily bully belly jelly reply italy july""".split()
)


def _is_adverb(word: str) -> bool:
    """A manner adverb between a speaker and the cue is no part of the speaker: "Walz
    bizarrely claimed “…”" (White House, 2026-01-08), "Patrick Henry heroically answered
    that doubt: “…”" (presidential message, 2026-03-23), "Nia Malika-Henderson on CNN
    ridiculously asked, “…”" (2025-04-11).

    >>> _is_adverb("bizarrely"), _is_adverb("family"), _is_adverb("Italy")
    (True, False, False)
    """
    return (
        word in AUX_WORDS
        or (len(word) >= 5 and word.endswith("ly") and word.islower() and word.isalpha())
        and word not in _LY_NOT_ADVERB
    )


def _trim_aux(masked: str, a: int, b: int) -> int:
    """``b`` moved back over trailing auxiliaries and adverbs."""
    for _ in range(3):
        words = masked[max(a, b - 20) : b].split()
        if not words or not _is_adverb(words[-1]):
            break
        m = _LAST_WORD.search(masked, max(a, b - LIMITS.aux_reach), b)
        if m is None or not _is_adverb(m.group(1)) or m.start() <= a:
            break
        if m.group(1) not in AUX_WORDS and _PRONOUN_BEFORE.search(masked, a, m.start()):
            # "I jokingly said", "he fundamentally said" in remarks: a pronoun the
            # manner adverb follows is left to the rules that had it before.
            break
        b = m.start()
    return b


_PRONOUN_BEFORE = re.compile(r"\b(?:I|[Ww]e|[Yy]ou|[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\s+$")


# The second of two coordinated verbs: "she phoned me and [said]", "Smith stood
# up, paused and [added]": the subject is the last subject pronoun or name that a
# lower-case verb follows.
_COORD_END = re.compile(r"\s(?:and|but|then|and\s+then)\s*$")
_CLAUSE_SUBJECT = lazy(
    rf"\b(?:he|she|they|we|I|(?P<name>{NAME_SEQ}))(?=[^\S\n]+(?:also\s+|then\s+|later\s+)?[a-z]{{2,}}(?:ed|s|t|d|k|e)\b)"
)


def _coordinated_subject(masked: str, a: int, b: int) -> Cand | None:
    if not _COORD_END.search(masked, max(a, b - LIMITS.coord_reach), b):
        return None
    found = None
    lo = max(a, b - LIMITS.coord_subject_reach)
    # "Angela Alsobrooks — now a U.S. Senator — bragged about “…” and claimed …"
    # (2025-04-15): the name before a dashed apposition is the verbs' subject.
    window = blank_dash_asides(masked[lo:b])
    for m in _CLAUSE_SUBJECT.finditer(window):
        found = m
    if found is None:
        return None
    c = parse_np(masked, lo + found.start(), lo + found.end(), "full")
    if c is None or (c.kind == "name" and c.type != "person"):
        return None
    return c


def np_before(masked: str, a: int, b: int) -> Cand | None:
    """Speaker before a cue: "…, primarily US Secretary … Antony Blinken <said>"."""
    c = _np_before(masked, a, b)
    if c is not None and c.kind == "role" and "—" in masked[c.end : b]:
        rest = masked[c.end : b]
        if blank_dash_asides(rest) != rest:
            # A role whose name sits before a dashed apposition, the cue coordinated
            # after it: "then-Prince George’s County Executive Angela Alsobrooks — now
            # a U.S. Senator — bragged about “…” and claimed …" (2025-04-15).
            co = _coordinated_subject(masked, a, b)
            if co is not None and co.kind == "name":
                return co
    return c if c is not None else _coordinated_subject(masked, a, b)


# A reduced relative between a document and its cue: "A leaked internal letter
# [seen by Sky News] says" – the letter says, not Sky News; also "signed by" and its
# kin, set off by commas ("letters, signed by dozens of my colleagues, to …").
_SEEN_BY = re.compile(
    r"\s(?:seen|obtained|reviewed|published|leaked|cited|quoted|released|signed|written|"
    r"sent|authored|drafted|issued|co-signed)\s+by\s+[^,;:]{1,60},?\s*$"
)


def doc_np(masked: str, a: int, b: int) -> Cand | None:
    """A document named with any determiner, the indefinite included, ending at
    ``b``: "A leaked internal letter", "a message".  Only where the context
    already says the document speaks (a reduced relative, a participle right
    after it); elsewhere "a statement" is a cue's extension, not a source."""
    c = parse_np(masked, a, b, "tail")
    if c is not None and c.kind == "doc":
        return c
    m = _ANY_DOC.search(masked, a, b)
    if m is None:
        return None
    phrase = " ".join(masked[m.start("np") : m.end("np")].split())
    return Cand("doc", m.start("np"), m.end("np"), phrase, None, "unknown", head=m.group("doc"))


# A relative clause that hands the floor to the next speaker: "“Q1?” a reporter
# asked, to which Biden responded, “A”", "…, at which point Smith said".
_TURN = re.compile(
    r"(?:^|,)\s*(?:to|at|after|upon|on|in\s+response\s+to)\s+which(?:\s+(?:point|time))?\s+"
    r"(?P<rest>[^,;:]{1,80})$"
)


def turn_subject(masked: str, a: int, b: int) -> Cand | None:
    """The subject of a turn-taking relative right before the cue: the answer in
    "“Are you running again?” a reporter asked, to which Biden responded, “Watch
    me.”" is Biden's, not the questioner's; "the chair called the vote, at which
    point Hale said" – Hale.

    >>> s = ' a reporter asked, to which Biden responded'
    >>> turn_subject(s, 0, s.index(' responded')).name
    'Biden'
    """
    if "which" not in masked[max(a, b - 100) : b]:
        return None
    m = _TURN.search(masked, a, b)
    if m is None:
        return None
    c = parse_np(masked, m.start("rest"), m.end("rest"), "full")
    return c if c is not None and c.kind in ("name", "pron", "role", "group", "orgn") else None


# A relative clause right before the cue: "the “Task Force for Racial Equity in
# Criminal Justice” — co-chaired by … Josh Stein — which recommended “…”".
_WHICH_END = re.compile(r"(?:,|[—–])[^\S\n]*which[^\S\n]+(?:also[^\S\n]+|later[^\S\n]+)?$")
_QUOTED_NAME = re.compile(r"[“\"](?P<n>[A-Z][^“”\"\n]{2,100})[”\"]$")
_NAME_SMALL = frozenset("of for in and the on to".split())


def which_antecedent(masked: str, a: int, b: int) -> Cand | None | bool:
    """The thing a ", which" / "— which" clause ending at ``b`` hangs on speaks its
    cue, not a name in an aside between them: "then-Governor Roy Cooper established
    the “Task Force for Racial Equity in Criminal Justice” — co-chaired by
    then-Attorney General … Josh Stein — which recommended “reimagining public
    safety”" (White House, 2025-09-08: the task force, not Stein); "a comprehensive
    assessment by Peter Hart, … with the American Society of Consulting Arborists,
    which concluded the tree has “surpassed …”" (2025-04-07: not the society). A
    quoted name (Title Case) is the antecedent; with the quotations blanked its
    blank span stands for it. Any other antecedent is not known here: ``False`` (no
    speaker), so that no name in the aside is taken. ``None`` when no relative
    clause ends at ``b``.

    >>> s = "established the “Task Force for Equity” — co-chaired by Josh Stein — which "
    >>> which_antecedent(s, 0, len(s)).name
    'Task Force for Equity'

    A hard-wrapped line's indentation before the aside is no blanked name:

    >>> which_antecedent("a task force\\n        — co-chaired by Josh Stein — which ", 0, 56)
    False
    """
    if "which" not in masked[max(a, b - 30) : b]:
        return None
    rel = _WHICH_END.search(masked, max(a, b - 30), b)
    if rel is None:
        return None
    e = rel.start()
    if masked[e : e + 1] in ("—", "–"):
        k = max(masked.rfind("—", max(a, e - 160), e), masked.rfind("–", max(a, e - 160), e))
        if k > a:
            e = k  # past the aside between the antecedent and "which"
    j = e
    # A blanked quotation is a run of spaces (its line breaks blanked too);
    # a line's indentation in a hard-wrapped text is one after a line break.
    while e > a and masked[e - 1] == " ":
        e -= 1
    if j - e >= 6 and masked[e - 1 : e] != "\n":
        # With the quotations blanked, a blank run before the aside was the
        # quoted name; its mention (marks included) names it.
        return Cand("name", e + 1, j - 1, "", None, "organization", head="")
    m = _QUOTED_NAME.search(masked, max(a, e - 104), e)
    if m is not None and all(
        w[:1].isupper() or w.lower() in _NAME_SMALL for w in m.group("n").split()
    ):
        name = " ".join(m.group("n").split())
        return Cand("name", m.start("n"), m.end("n"), name, None, "organization", head=name)
    return False


def _np_before(masked: str, a: int, b: int) -> Cand | None:
    which = which_antecedent(masked, a, b)
    if which is not None:
        return which or None
    turn = turn_subject(masked, a, b)
    if turn is not None:
        return turn
    seen = _SEEN_BY.search(masked, a, b)
    if seen is not None:
        c = doc_np(masked, a, seen.start()) or parse_np(masked, a, seen.start(), "tail")
        if c is not None and c.kind in ("doc", "orgn", "role", "group"):
            return c
    # A clause of its own right before the cue is no aside: "Smith said, before
    # Jones replied:" – Jones replied.
    k = masked.rfind(",", a, b)
    sub = _SUBCLAUSE.match(masked, k + 1, b) if k >= 0 else None
    if sub is not None:
        c = parse_np(masked, sub.end(), b, "full")
        if c is not None and c.kind in ("name", "pron"):
            return c
    rel = _RELATIVE.match(masked, k + 1, b) if k >= 0 else None
    if rel is not None:
        # "… in Berlin, Germany, in which he famously implored …" (presidential
        # message of 2026-06-11), "…, during which she said …": the relative clause
        # has its own subject; the place before the comma is none.
        c = parse_np(masked, rel.end(), _trim_aux(masked, rel.end(), b), "full")
        if c is not None and c.kind in ("name", "pron"):
            return c
    b = _trim_aux(masked, a, b)
    paren = (
        _TRAILING_PAREN.search(masked, max(a, b - 40), b)
        if ")" in masked[max(a, b - 3) : b]
        else None
    )
    if paren is not None and paren.start() > a:
        # "Rep. Eric Swalwell (D-CA) claimed", "Sen. Mazie Hirono (D-HI) claimed"
        # (White House fact checks): the party and state in brackets are no name.
        b = paren.start()
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
    if len(parts) >= 2:
        # A person's full name opening the clause, then appositives: "Jeff Rathke,
        # the State Department Spokesperson, said", "Cynthia Thompson, curator
        # … at the University of Arkansas, Fayetteville, said", "Senior researcher
        # Mu Li, of the University of NSW's school of public health, said"
        # (Wikinews): the name speaks, not the office, place or aside after it.
        first = parse_np(masked, *parts[0], "full")
        if (
            first is not None
            and first.kind == "name"
            and first.type == "person"
            and " " in first.name
            and not masked[parts[0][0] : first.start].strip(" \t\n*_")
            and not (
                last is not None
                and last.kind in ("name", "pron")
                and last.type == "person"
                and (" " in last.name or last.kind == "pron")
            )
        ):
            return first
    if len(parts) >= 2 and last is not None:
        prev = parse_np(masked, *parts[-2], "tail")
        # An appositive role is its whole part: "Hill, the ambassador, said"; a
        # role at the end of a long clause is the subject of its own: "…, a novel
        # by the late Hugh Carrick, after complaints from one councillor [called]".
        whole = not masked[parts[-1][0] : last.start].strip(" \t\n(")
        comb = (
            _titled_name(last, prev) or _titled_name(prev, last)
            if whole or last.kind != "role"
            else None
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


# "According to a statement from X": the document's author speaks.
_DOC_FROM = lazy(
    rf"\s*(?:[Aa]n?|[Tt]he)\s+(?:[\w\-]+\s+){{0,2}}?(?i:{_DOC_ALT}|release|press\s+release)"
    r"\s+(?:from|by|of)\s+"
)


def np_following(masked: str, a: int, b: int) -> Cand | None:
    """Speaker after an inverted cue: "said X, the country’s ambassador"; after
    "according to" a document's author: "According to a statement from Booker’s
    office, …" (White House), "according to a release from Micron" (White House),
    "according to a study by investment firm Piper Sandler".

    >>> s = "a release from Micron"
    >>> np_following(s, 0, len(s)).name
    'Micron'
    """
    seg = masked[a : min(b, a + 60)]
    d = _DOC_FROM.match(masked, a, b) if any(w in seg for w in (" from ", " by ", " of ")) else None
    if d is not None:
        c = np_following(masked, d.end(), b)
        if c is not None:
            return c
    parts = _parts(masked, a, b)
    if not parts:
        return None
    if len(parts) >= 3:
        listed = _name_after_titles(masked, parts)
        if listed is not None:
            return listed
    first = parse_np(masked, *parts[0], "after")
    if first is None:
        return None
    if len(parts) >= 2:
        nxt = parse_np(masked, *parts[1], "full")
        if (
            first.kind == "name"
            and " " not in first.name
            and nxt is not None
            and nxt.kind == "name"
            and nxt.type == "person"
            and " " in nxt.name
        ):
            # "said NAM Managing Vice President of Policy, Charles Crain", "said U.S.
            # Chamber of Commerce Executive Vice President, Neil Bradley" (White House
            # nomination releases): a long title cut at its comma, then the person.
            nxt.title = nxt.title or _norm(masked[parts[0][0] : parts[0][1]])
            return nxt
        comb = _titled_name(first, nxt) or _titled_name(nxt, first)
        if comb:
            return comb
    return first


_TITLE_SMALL = frozenset("of for and the on in at to & a an".split())
_LIST_LAST = re.compile(
    r"\s*and\s+[^,]*?\s(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][\w’'\-]+)\s*$"
)


def _name_after_titles(masked: str, parts: list[tuple[int, int]]) -> Cand | None:
    """A person's full name after a comma list of offices: "said U.S. Chamber of
    Commerce Executive Vice President, Chief Policy Officer, and Head of Strategic
    Advocacy, Neil L. Bradley." (White House, 2025-09-18), "said Earthjustice Vice
    President of Litigation for Lands, Wildlife, and Oceans Drew Caputo" (2025-01-06):
    the name at the end speaks, not an office in the list. Every word before it is
    capitalised but for small ones.

    >>> s = ("U.S. Chamber of Commerce Executive Vice President, Chief Policy Officer, and"
    ...      " Head of Strategic Advocacy, Neil L. Bradley")
    >>> _name_after_titles(s, _parts(s, 0, len(s))).name
    'Neil L. Bradley'
    """
    first = parse_np(masked, *parts[0], "full")
    if first is not None and first.kind == "name" and first.type == "person" and " " in first.name:
        return None  # "said Eric Shanks, CEO and Executive Producer, FOX Sports."
    x, y = parts[-1]
    m = _LIST_LAST.match(masked, x, y)
    if m is not None:
        # "…, and Oceans Drew Caputo": the list's last office runs into the name.
        x = m.start("name")
    c = parse_np(masked, x, y, "tail")
    if c is None or c.kind != "name" or c.type != "person" or " " not in c.name:
        return None
    if masked[c.end : y].strip():
        return None
    lead = masked[parts[0][0] : c.start]
    words = re.findall(r"[A-Za-z][\w’'\-]*", lead)
    if not words or any(w[0].islower() and w not in _TITLE_SMALL for w in words):
        return None
    c.title = c.title or _norm(lead).strip(" ,") or None
    return c


# ---------------------------------------------------------------------------
# The subject of a writer's sentence

# "White House press secretary Karine Jean-Pierre …": a role noun between an
# organisation and the name; the head parse alone would stop at "White House".
_HEAD_TITLED = lazy(
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
    if head is not None and head.kind == "role" and i + 1 < len(parts):
        named = _appositive_name(bare, head, pb, parts[i + 1])
        if named is not None:
            return named
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


_PERIOD_STOP = re.compile(r"[.;!?]")


# What may follow the role noun in its part: "vice president for development".
_ROLE_REST = re.compile(r"\s*(?:(?:for|of|at|in|on)\s+[\w’'\- ]{1,40})?\s*")


def _appositive_name(bare: str, role: Cand, pb: int, nxt: tuple[int, int]) -> Cand | None:
    """A role noun subject with the person's name as its appositive is that person:
    "The foreign minister, Sofia Lind, was not convinced." (team-11), "The county’s
    emergency management director, Ray Dunmore, said crews had pulled 112 people"
    (h2-03), "The company’s vice president for development, Eric Tanaka, said"
    (h2-10) – the "she"/"he" that follows is the named person, not the bare role.

    >>> s = "The foreign minister, Sofia Lind, was not convinced."
    >>> sentence_subject(s, 0, len(s)).name
    'Sofia Lind'
    """
    if not _ROLE_REST.fullmatch(bare, role.end, pb):
        return None  # the role noun is not its whole part: "The minister said …"
    c = parse_np(bare, nxt[0], nxt[1], "full")
    if c is None or c.kind != "name" or c.type != "person":
        return None
    c.title = c.title or role.name
    return c


_SHOUTED_LABEL = re.compile(r"[\s*_]*[A-Z]{2,}(?:[^\S\n]+[A-Z]{2,}){0,2}[*_]*:[*_]*[^\S\n]")


def _clause_start(masked: str, lo: int, cue_pos: int) -> int:
    """Start of the clause owning a cue: after an earlier closing mark in the sentence,
    and after a shouted label: "HOAX: Sen. Mazie Hirono (D-HI) claimed …", "FACT:
    Even CNN admitted …" (White House fact checks) – the label is no speaker.

    >>> s = "HOAX: Far-left influencers claimed"
    >>> s[_clause_start(s, 0, s.index(" claimed")):]
    'Far-left influencers claimed'
    """
    i = max(masked.rfind("”", lo, cue_pos), masked.rfind('"', lo, cue_pos))
    start = i + 1 if i >= 0 else lo
    m = _SHOUTED_LABEL.match(masked, start, cue_pos)
    return m.end() if m else start
