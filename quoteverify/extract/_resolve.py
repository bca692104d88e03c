"""Resolution: a candidate mention (a pronoun, a surname, a role noun) turned
into the speaker it stands for, by the article's names and salience.

All searches run on the masked text (Markdown blanked, same offsets) and stay
inside a paragraph and a bounded window, so the cost is linear in the
article's length.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from quoteverify.extract._lexicon import event_name
from quoteverify.extract._limits import LIMITS
from quoteverify.extract._names import Cand, NameIndex, _bisect_pos, _Entity
from quoteverify.extract._phrases import sentence_subject
from quoteverify.extract._sentences import ParagraphIndex, sentence_starts
from quoteverify.models import Speaker

_CONTINUING = re.compile(r"^(?:added|adds|continued|continues|went on|goes on)$")


_INDEFINITE = re.compile(r"(?:an?|another)\s", re.IGNORECASE)


def _new_referent(mention: str) -> bool:
    """An indefinite role noun ("says a D.C. resident", "said another Memphis
    resident", "said a traveler at Denver International Airport") brings in a
    person the article has not named: it never stands for an earlier titled name.
    The White House round-ups of residents' and travellers' words (2025-08-11
    "It's Liberation Day in Washington, D.C.", 2025-09-15 "Memphis Has a Crime
    Problem") put each in the mouth of an anonymous "a resident"; resolving the
    role to the latest titled person gave them to President Trump.

    >>> _new_referent("a D.C. resident"), _new_referent("another Memphis resident")
    (True, True)
    >>> _new_referent("the director")
    False
    """
    return _INDEFINITE.match(mention) is not None


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
            # A blanked quoted name ("which" after it) is named by its words.
            words = mention.strip('“”"‘’ ')
            sp = Speaker(words or "?", mention, c.start, c.end, "unknown", None)
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
        if event_name(sp.name) and not sp.title:
            return False  # "she said" is not "Yom Kippur War" (``event_name``)
        if pron not in ("he", "she"):
            return True
        if sp.name in self.index.places and not sp.title:
            # A place named as a subject ("Port Keel once had thirty boats") is not
            # who "he" is a paragraph later (feature h2-09: he is Tom Breen).
            return False
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
            # Sentences before the pronoun, at most LIMITS.salience_sentences of them: a
            # very long paragraph must not be re-read for every pronoun.
            k = bisect.bisect_left(ps, c.start)
            starts = ps[max(0, k - LIMITS.salience_sentences) : k] or ps[:1]
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

    def _it_antecedent(self, c: Cand) -> Speaker | None:
        """ "It" is the organisation or document the writer's sentence is about, before
        any speaker quoted earlier: "In June, ABC News aired what it called a “violent
        Border Patrol detention”" (White House, 2025-11-19) – ABC News, not the last
        organisation quoted; "“… posts 250 and 251”, said KCNA. “Foolhardy provocation
        deserves harsh punishment”, it added" (Wikinews) – KCNA. The cue's own
        sentence first, then back to the start of the paragraph; a sentence about a
        person ends the search.

        >>> from quoteverify.extract._names import NameIndex
        >>> t = "The Kremlin spoke.\\n\\nIn June, ABC News aired what it called a lie."
        >>> r = Resolver(NameIndex(t), t, t, [(0, 18), (20, len(t))])
        >>> i = t.index("it called")
        >>> r._it_antecedent(Cand("pron", i, i + 2, "it", None, "organization")).name
        'ABC News'
        """
        if not self.bare or not self.paras:
            return None
        pi = self.pindex.index(c.start)
        ps = self._para_starts(pi)
        k = bisect.bisect_left(ps, c.start)
        starts = ps[max(0, k - LIMITS.salience_sentences) : k] or ps[:1]
        bounds = [(starts[-1], c.start)] + [
            (starts[i], starts[i + 1]) for i in range(len(starts) - 2, -1, -1)
        ]
        for a, b in bounds:
            subj = self._sentence_subject(a, b)
            if subj is None or subj.start >= c.start:
                continue
            if subj.kind in ("orgn", "doc") or (
                subj.kind == "name" and subj.type == "organization"
            ):
                sp = self._resolve(subj, None, self.text[subj.start : subj.end])
                return _re_mention(sp, self.text[c.start : c.end], c)
            if subj.kind in ("name", "role", "group") or (
                subj.kind == "pron" and subj.name != "it"
            ):
                return None  # the sentence is about someone: "it" is not its subject
        return None

    @staticmethod
    def _titled(ent: _Entity) -> bool:
        return bool(ent.title)

    def _person_before(self, pos: int, pron: str) -> _Entity | None:
        """The latest person named before ``pos`` outside any quotation, agreeing."""
        ents = self.index.persons
        i = _bisect_pos(ents, pos)
        for e in reversed(ents[max(0, i - LIMITS.pronoun_candidates) : i]):
            if self.bare and not self.bare[e.pos].strip():
                continue  # a name inside a quotation is not an antecedent
            sp = Speaker(e.name, e.name, e.pos, e.pos, "person", e.title)
            if self._agrees(sp, pron):
                return e
        return None

    def _titled_full_name(self, c: Cand) -> _Entity | None:
        """The full name a titled surname stands for when two people share the
        surname: "President Trump" is President Donald J. Trump, not First Lady
        Melania Trump named later in the same sentence ("In his remarks, President
        Trump commended First Lady Melania Trump …", 2025-05-19); "President Biden"
        is not "Dr. Jill Biden" (2021 and 2022 releases on the First Lady's events).
        The latest full name whose title shares the mention's last title word."""
        if not c.title:
            return None
        word = c.title.split()[-1].lower()
        ents = self.index.by_surname.get(c.name) or []
        if len({e.name for e in ents}) < 2:
            return None
        best = None
        for e in ents:
            if not e.title or word not in e.title.lower().split():
                continue
            if e.pos < c.start:
                best = e  # the latest before the mention
            elif best is None:
                best = e  # else the first after it
                break
        plain = self.index.full_name(c.name, c.start)
        if best is not None and plain is not None and best.name.endswith(" " + plain.name):
            # One person parsed twice ("… Global Affairs Loyce Pace", 2021-09-24).
            return plain
        return best

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
                ent = self._titled_full_name(c) or self.index.full_name(c.name, c.start)
                if ent is not None:
                    return self._person(ent.name, c.title or ent.title, c, mention)
            return self._person(c.name, c.title, c, mention)
        if c.kind == "pron":
            if c.type == "person":
                return self._pronoun(c, cue, mention)
            if c.name == "it":
                thing = self._it_antecedent(c)
                if thing is not None:
                    return thing
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
            if _new_referent(mention):
                return Speaker(c.name, mention, c.start, c.end, "person", None)
            best: tuple[int, str, str | None] | None = None
            # Bounded look-backs: scanning all of the history and every titled
            # name per quotation made 1 MB of text quadratic.
            if any(head in t for t in self._history_titles):
                for p, sp in reversed(self.history[-LIMITS.entity_lookback :]):
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
            for p, sp in reversed(self.history[-LIMITS.entity_lookback :]):
                if p < c.start and sp.type == "organization" and _org_fits(head, sp.name):
                    return _re_mention(sp, mention, c)
            orgs = self.index.orgs
            i = _bisect_pos(orgs, c.start)
            for e in reversed(orgs[max(0, i - LIMITS.entity_lookback) : i]):
                if _org_fits(head, e.name):
                    return Speaker(e.name, mention, c.start, c.end, "organization", None)
            return Speaker(c.name, mention, c.start, c.end, "organization", None)
        return Speaker(c.name, mention, c.start, c.end, c.type, c.title)


_FIRM = re.compile(
    r"\b(?:Corporation|Corp|Inc|Company|Co|Ltd|LLC|Group|Holdings|Industries|"
    r"Technologies|Airlines|Motors|Bank|Labs|Systems)\b"
)


_PAPER = re.compile(
    r"\b(?:Times|Post|Journal|Tribune|Herald|Gazette|News|Review|Chronicle|Inquirer|"
    r"Examiner|Courier|Bulletin|Observer|Guardian|Telegraph|Star|Sun|Globe|Mail|Magazine)\b"
)


def _org_fits(noun: str, name: str) -> bool:
    """ "the company" → "Acme Corporation"; "the ministry" → "Russian Foreign Ministry";
    "the newspaper" → "The Minnesota Star Tribune" (White House article), "the paper"
    → "The Globe and Mail".

    >>> _org_fits("newspaper", "Minnesota Star Tribune"), _org_fits("paper", "Globe and Mail")
    (True, True)
    >>> _org_fits("company", "Foreign Ministry")
    False
    """
    if noun in name.lower():
        return True
    if noun in ("newspaper", "paper", "daily", "outlet", "publication", "magazine"):
        return bool(_PAPER.search(name))
    if noun in ("company", "firm", "group", "manufacturer", "retailer", "airline", "bank"):
        return bool(_FIRM.search(name))
    return False


def _re_mention(sp: Speaker, mention: str, c: Cand) -> Speaker:
    return Speaker(sp.name, mention, c.start, c.end, sp.type, sp.title)
