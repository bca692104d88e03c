"""Names: capitalised runs, their split into title and name, and the
article-wide index of people and organisations named in it.

All searches run on the masked text (Markdown blanked, same offsets) and stay
inside a paragraph and a bounded window, so the cost is linear in the
article's length.

A name token may end in a web domain, the site's name: "The Internet security firm
Secunia.com, has said …" (Wikinews, IE9), "RuralOrganizing.org: “…”" (White House
round-ups of 2022-03-03 and 2023-02-10); a dot that ends the sentence stays out.

>>> [m.group(0) for m in _NAME_RE.finditer("firm Secunia.com, said. See Medicare.gov.")]
['Secunia.com', 'See Medicare.gov']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from quoteverify._lazyre import lazy
from quoteverify.extract._lexicon import (
    COMMON_CAPS,
    FEMALE_ROLES,
    FEMALE_TITLES,
    JOB_NOUNS,
    MALE_ROLES,
    MALE_TITLES,
    ORG_SINGLE,
    ORG_WORDS,
    ROLE_WORDS,
    TITLE_OPENERS,
    TITLE_WORDS,
)
from quoteverify.extract._limits import LIMITS
from quoteverify.models import SpeakerType

# What a speaker mention is before resolution: a name, a pronoun, a role noun
# ("the spokeswoman"), a group ("residents"), an organisation ("the ministry")
# or a document ("the report").
CandKind = Literal["name", "pron", "role", "group", "orgn", "doc"]

_TOK = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr|St|Adm|Maj|Cmdr|Amb|"
    r"Sec|Supt)\.|(?:[A-Z]\.){1,3}(?![\w])|[A-Z\u00C0-\u00DE][\w’'\-]*"
    # A web domain names its site: "The Internet security firm Secunia.com, has
    # said" (Wikinews, IE9), "**RuralOrganizing.org**: “…”" (White House round-ups
    # of 2022-03-03 and 2023-02-10); without the suffix the name ended at the dot
    # and the role noun before it spoke.
    r"(?:\.(?:com|org|net|gov)(?!\w|\.\w))?)"
)
# Possessive quantifiers: a masked URL leaves long runs of spaces, and an
# ambiguous split of such a run between two quantifiers backtracks quadratically.
_SP = r"(?:[^\S\n]++(?:\n[^\S\n]*+)?|\n[^\S\n]*+)"
_CONN = r"(?:of|for|the|and|&|de|da|di|del|van|von|der|den|bin|al|la|le|du|y)"
# A run of capitalised words, with the small words names and titles contain:
# "US Secretary of State Antony Blinken", "Airlines for America".
# A surname with a lower-case Arabic particle joined by a hyphen, after the given
# name: "Civil Defense Authority director General Suleiman al-Amr … said" (Wikinews,
# the Mecca crane), "Prime Minister Mohammed Shia al-Sudani", "President Abdel Fattah
# el-Sisi" (White House readouts) – not the given name alone.
_PARTICLE_TOK = r"(?:al|el|ad|an|as|at|az|ash|bin|ibn|abu|abd)-[A-Z\u00C0-\u00DE][\w’'\-]*"
NAME_SEQ = rf"{_TOK}(?:{_SP}(?:{_CONN}{_SP}){{0,2}}(?:{_TOK}|{_PARTICLE_TOK}))*"
# The look-ahead first lets the engine skip quickly to capitals; the look-behind
# only runs there (1 MB in ~0.06 s).
_NAME_RE = lazy(r"(?=[A-Z\u00C0-\u00DE])(?<![\w’'\-])" + NAME_SEQ)
# The capitals a name token starts with ("Blinken", "Élysée").
_NAME_START = re.compile(r"[A-Z\u00C0-\u00DE]")


@dataclass
class Cand:
    """A speaker mention before resolution."""

    kind: CandKind
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


# Honorifics written without a dot (British style) are also sentence-opening
# common capitals when alone; before a capitalised name they are its title.
_HONORIFICS = frozenset("Mr Mrs Ms Dr".split())


# Last words of a name before "of" that make a country or body, not a person.
_NOT_PERSON_BEFORE_OF = frozenset("States Kingdom Republic Nations Emirates Islands".split())


def _affiliation_of(toks: list[str]) -> int:
    """Where a person's name ends before an "of"-phrase naming a place or employer:
    at least two capitalised non-title words right before the "of", none of them an
    organisation word ("Bank of America", "Secretary of State Antony Blinken",
    "Federal Bureau of Investigation" keep their "of"). 0 when there is none.

    >>> _affiliation_of("Rep. Elise Stefanik of New York".split())
    3
    >>> _affiliation_of("Secretary of State Antony Blinken".split()), _affiliation_of(
    ...     "Federal Bureau of Investigation".split())
    (0, 0)
    """
    if "of" not in toks:
        return 0
    k = toks.index("of")
    name = [t for t in toks[:k] if t not in TITLE_WORDS]
    if len(name) < 2 or k + 1 >= len(toks) or toks[k - 1] in TITLE_WORDS:
        return 0
    if any(t in ORG_WORDS for t in toks[:k]) or toks[k - 1] in _NOT_PERSON_BEFORE_OF:
        return 0
    return k


# A capitalised word joined to a lower-case participle or noun is an adjective:
# "Colorado Springs-based, family-owned Western Steel, Inc., praised the move"
# (White House, 2025-02-14) made "Colorado Springs-based" the speaker, and "serves
# on the board of a Soros-funded activist group, and described …" (2025-05-02) made
# "Soros-funded" one; "Texas-born", "Labour-led" likewise. Only participles:
# "Kim Jong-un", "Ai-jen Poo" and "President-elect Biden" are names and titles,
# and "Mercedes-Benz", "Post-Gazette", "al-Sudani" keep a capital after the hyphen.
_HYPHEN_ADJECTIVE = re.compile(
    r"[A-Z\u00C0-\u00DE][\w’']*-(?:[a-z]+ed|born|led|run|made|built|grown)(?![\w\-])"
)


@lru_cache(maxsize=4096)
def _split_name(seq: str) -> tuple[str | None, str, SpeakerType] | None:
    """Split a capitalised run into (title, name, type), or None if it is no speaker.

    "US Secretary of State Antony Blinken" → ("US Secretary of State", "Antony Blinken", person);
    "the Russian Foreign Ministry" → (None, "Russian Foreign Ministry", organization).
    """
    toks = _norm(seq).split(" ")
    while toks and (toks[0] in COMMON_CAPS or toks[0].lower() in ("the", "of", "and", "for")):
        if len(toks) > 1 and toks[0] in TITLE_OPENERS and toks[1] in TITLE_WORDS:
            break  # "First Lady Melania Trump": "First" opens the title
        if len(toks) > 1 and toks[0] in _HONORIFICS and toks[1][:1].isupper():
            break  # "Mrs Ellery disputes the figure.", "Ms Bauchtman said": no dot (British)
        toks.pop(0)
    while toks and _HYPHEN_ADJECTIVE.fullmatch(toks[0]):
        toks.pop(0)  # "Minnesota-born Senator …": the adjective is no part of the name
    if not toks or _HYPHEN_ADJECTIVE.fullmatch(toks[-1]):
        return None  # "Colorado Springs-based", "Soros-funded": a modifier, no speaker
    if toks[-1].endswith(("’s", "'s", "s’", "s'")):
        return None  # "Blinken’s statement": a possessor, not a speaker
    if len(toks) > 1 and all(t.isupper() for t in toks if t.isalpha()):
        return None  # "INFLATION IS DOWN": a shouted heading
    if (
        len(toks) >= 3
        and toks[0] not in TITLE_WORDS
        and toks[0].lower() in JOB_NOUNS
        and all(t[:1].isupper() and t not in TITLE_WORDS for t in toks[1:])
    ):
        # A capitalised job word opening a sentence is a title, not a first name:
        # "Driver Keith Pryor", "Striker Tomas Weil" (but "Adam Driver").
        rest_name = toks[1:]
        if not any(t in ORG_WORDS for t in rest_name):
            return toks[0], " ".join(rest_name), "person"
    k = _affiliation_of(toks)
    if k:
        # "Rep. Elise Stefanik of New York", "Matthew Ingram of The Globe and Mail":
        # the person is named before the "of"; the place or employer after it is no
        # part of the name (Wikinews hackers; held-out h2-02 "Marcus Delaney of …").
        toks = toks[:k]
    # The last title word that still leaves a name after it: in "Governor Mary
    # Major" the title is "Governor", "Major" is the surname.
    last_title = -1
    for i, t in enumerate(toks):
        if t in TITLE_WORDS and (i + 1 < len(toks) or last_title < 0):
            last_title = i
    # "Pittsburgh Post-Gazette": an organisation word may be half of a hyphened one.
    has_org = any(
        t in ORG_WORDS or ("-" in t and not ORG_WORDS.isdisjoint(t.split("-"))) for t in toks
    )
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


def _title_gender(title: str | None) -> str | None:
    """ "m" / "f" when a title word is gendered: "Congresswoman" → "f"."""
    if not title:
        return None
    for w in title.split(" "):
        if w in MALE_TITLES:
            return "m"
        if w in FEMALE_TITLES:
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


_KIN = FEMALE_ROLES | MALE_ROLES
_POSSESSIVE = ("’s", "'s")

# Abbreviated titles and the role nouns that refer back to them.
_TITLE_ABBREV = {
    "gov.": "governor", "gov": "governor", "sen.": "senator", "sen": "senator",
    "rep.": "representative", "rep": "representative", "sec.": "secretary",
    "gen.": "general", "lt.": "lieutenant", "amb.": "ambassador", "supt.": "superintendent",
    "adm.": "admiral", "col.": "colonel", "capt.": "captain", "sgt.": "sergeant",
    "atty.": "attorney", "pres.": "president", "prof.": "professor", "dr.": "doctor",
    "cmdr.": "commander", "del.": "delegate",
}  # fmt: skip


def expand_title(title: str) -> str:
    """A lower-case title with its abbreviations spelt out, so that "the governor"
    finds "Gov. Gavin Newsom" and "the senator" finds "U.S. Sen. Jon Ossoff" (White
    House, 2023-04-17) or "Maryland State Sen. Alonzo Washington" (2025-04-15): news
    abbreviates the title at first mention and uses the role noun after.

    >>> expand_title("maryland state sen.")
    'maryland state sen. senator'
    >>> expand_title("secretary of state")
    'secretary of state'
    """
    extra = [_TITLE_ABBREV[w] for w in title.split(" ") if w in _TITLE_ABBREV]
    return " ".join([title, *extra]) if extra else title


_LOCATIVE_WORDS = frozenset("in at near outside inside across around throughout".split())
_LOCATIVE = re.compile(
    r"\b(?i:in|at|near|outside|inside|across|around|throughout|out[^\S\n]+of)[^\S\n]+$"
)
_ROLE_BEFORE = re.compile(r"\b([a-z][\w\-]*)[^\S\n]*,[^\S\n]*$")
_ROLE_AFTER = re.compile(
    r",[^\S\n]+(?:the|a|an|his|her|its|their|[A-Z][\w\-]*(?:[^\S\n]+[A-Z][\w\-]*)*[’']s)"
    r"[^\S\n]+(?:[\w\-]+[^\S\n]+){0,3}?([a-z][\w\-]*)\b"
)


def appositive_role(masked: str, start: int, end: int) -> str | None:
    """The role noun set off by commas next to an untitled name: "the neighbouring
    country’s ambassador, Viktor Halas, on Wednesday" (then "the ambassador said"),
    "Margaret Ellery, a spokeswoman for the library, said" (then "the spokeswoman").
    Without it the role noun stayed unresolved ("ambassador") and a pronoun whose
    sentence had the role noun as its subject found no one.

    >>> t = "summoned the country’s ambassador, Viktor Halas, on Wednesday"
    >>> appositive_role(t, t.index("Viktor"), t.index(", on"))
    'ambassador'
    >>> t = "Margaret Ellery, a spokeswoman for the library, said"
    >>> appositive_role(t, 0, t.index(", a"))
    'spokeswoman'
    >>> t = "Peter Smith, who lives in Ohio, said"
    >>> appositive_role(t, 0, t.index(", who")) is None
    True
    """
    m = _ROLE_BEFORE.search(masked, max(0, start - 40), start)
    if m is not None and m.group(1) in ROLE_WORDS:
        return m.group(1)
    m = _ROLE_AFTER.match(masked, end, min(len(masked), end + 80))
    if m is not None and m.group(1) in ROLE_WORDS:
        return m.group(1)
    return None


class NameIndex:
    """Every capitalised name in the article, for surname and role look-ups.

    Names written where a place goes are kept apart (``places``), and a kinship
    role set off by commas titles even a first name and gives its gender:

    >>> ix = NameIndex("The last boat out of Port Keel. In California, a waitress said."
    ...                " His daughter, Sally, was already on the dock.")
    >>> sorted(ix.places), ix.gender.get("Sally")
    (['California', 'Port Keel'], 'f')
    """

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
        # Names written where a place goes: "The last boat out of Port Keel", "in
        # Leetsdale" – never the antecedent of "he" or "she".
        self.places: set[str] = set()
        parsed_of: dict[str, tuple[str | None, str, SpeakerType] | None] = {}
        for m in _NAME_RE.finditer(masked):
            group = m.group(0)
            if group.endswith(_POSSESSIVE) and " " in group:
                # "First Lady Melania Trump’s 2025 White House Christmas theme" (2025-12-01),
                # "Housing and Urban Development Secretary Marcia Fudge’s first stop"
                # (2022-07-02): a possessor is no speaker here, but it names the person
                # a later "the First Lady" or "the secretary" refers to.
                group = group[:-2]
            runs = _runs(group, m.start(), parsed_of)
            if len(runs) == 1 and runs[0][1] is not None and runs[0][1][2] == "person":
                self._person_context(masked, m.start(), m.end(), group, runs)
            for start, parsed in runs:
                self._add(start, parsed)

    def _person_context(
        self,
        masked: str,
        a: int,
        b: int,
        group: str,
        runs: list[tuple[int, tuple[str | None, str, SpeakerType] | None]],
    ) -> None:
        """Places and appositive roles around a one-person run, in place in ``runs``.
        Cheap tests first: 1 MB holds ~25,000 runs."""
        head = group[: group.find(" ")] if " " in group else ""
        if head and head.lower() in _LOCATIVE_WORDS:
            # "In California, a waitress": the run has "In"
            self.places.add(_norm(group[len(head) :]))
            return
        before = masked[max(0, a - 12) : a]
        if before[-1:] == " " and _LOCATIVE.search(before):
            self.places.add(_norm(group))
            return
        parsed = runs[0][1]
        if parsed is None or parsed[0]:
            return
        if masked[b : b + 1] != "," and not before.endswith((", ", ",")):
            return
        role = appositive_role(masked, a, b)
        if role is None or not (" " in parsed[1] or role in _KIN):
            # A single name counts only with a kinship role ("His daughter, Sally,"):
            # "the mayor, Brandt," stays a surname.
            return
        runs[0] = (runs[0][0], (role, parsed[1], parsed[2]))
        if role in FEMALE_ROLES or role in MALE_ROLES:
            self.gender.setdefault(parsed[1], "f" if role in FEMALE_ROLES else "m")

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
            low = expand_title(title.lower())
            self.title_texts.add(low)
            for w in set(low.split(" ")):
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
        for e in reversed(ents[max(0, i - LIMITS.entity_lookback) : i]):
            if e.title and head in expand_title(e.title.lower()):
                return e
        if " " in head or not ents:
            # A head that is no whole title word ("secretary" in "Secretary-General")
            # falls back to a bounded scan.
            i = _bisect_pos(self.titled, pos)
            for e in reversed(self.titled[max(0, i - LIMITS.entity_lookback) : i]):
                if e.title and head in expand_title(e.title.lower()):
                    return e
        return None

    def full_name(self, surname: str, pos: int) -> _Entity | None:
        """The full name ending in ``surname``: the latest before ``pos``, else the first after."""
        ents = self.by_surname.get(surname)
        if not ents:
            return None
        i = _bisect_pos(ents, pos)
        return ents[i - 1] if i > 0 else ents[0]


def _bisect_pos(ents: list[_Entity], pos: int) -> int:
    lo, hi = 0, len(ents)
    while lo < hi:
        mid = (lo + hi) // 2
        if ents[mid].pos < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo
