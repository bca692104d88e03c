"""Cues: the reporting verb or lead-in that attributes a quotation, and the
speaker phrase it governs (after the quotation, before it, indirect speech).

All searches run on the masked text (Markdown blanked, same offsets) and stay
inside a paragraph and a bounded window, so the cost is linear in the
article's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from quoteverify._lazyre import lazy
from quoteverify.extract._lexicon import (
    ACCORDING_TO,
    CUE,
    CUE_EXTENSION,
    FINDING_VERBS,
    INDIRECT_ONLY_CUE,
    LABEL_DETERMINERS,
    LEAD_VERB,
    PARTICIPLE_CUE,
    PREPOSITIONS,
)
from quoteverify.extract._limits import LIMITS
from quoteverify.extract._names import _NAME_RE, Cand, _norm, _strip_det
from quoteverify.extract._phrases import (
    _DOC_NP,
    _clause_start,
    _name_cand,
    _parts,
    doc_np,
    np_after,
    np_before,
    np_following,
    parse_np,
    sentence_subject,
    which_antecedent,
)
from quoteverify.extract._sentences import _is_abbreviation

# Where the cue stood for the quotation: after it ("…,” said X), a lead-in before
# it, a "Name:" label, a dash, "according to", an indirect cue, a lead-in of the
# previous sentence or paragraph, the lead-in of a list.
AttributionHow = Literal[
    "after", "lead", "label", "dash", "according", "indirect", "prev-lead", "list"
]


@dataclass
class Attribution:
    cand: Cand
    cue: str
    how: AttributionHow


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
        if m is None or masked[m.start()] != ".":
            return m
        if not _is_abbreviation(masked, m.start()) and not _dotted_modifier(masked, m.start()):
            return m
        pos = m.end()


_DOTTED_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.)+[A-Z]$")
_LOWER_NEXT = re.compile(r"[^\S\n]+[a-z]")


def _dotted_modifier(masked: str, dot: int) -> bool:
    """The last dot of a dotted abbreviation with a lower-case word after it
    ("says a D.C. resident", White House 2025-08-11, four times; "a U.S. citizen",
    "a U.S. senator" in the White House statements) ends no sentence: a sentence
    never opens in lower case. Cut there, the cue's speaker was a bare "a D.C".

    >>> _dotted_modifier("says a D.C. resident.", 10), _dotted_modifier("in D.C. Then", 6)
    (True, False)
    """
    return (
        _DOTTED_BEFORE.search(masked, max(0, dot - 12), dot) is not None
        and _LOWER_NEXT.match(masked, dot + 1) is not None
    )


# Compiled once: these run for every quotation (re's own cache lookup cost ~5 µs each).
_DASH_BYLINE = re.compile(r"[ \t]*\n?[ \t]*[—–-]{1,2}[ \t]*(?=[A-Z])")
# A dash then a prepositional phrase opens the writer's next item, not a byline:
# "“…environment.” - In Colorado, Denver Health announced" (a list run together).
_PREP_OPENING = re.compile(r"(?:In|At|On|From|For|By|With|During|After|Before|As|Across)\s")
_LABEL_NEXT = re.compile(r"[^\n:“”\".!?]{1,120}:[ \t]*[“\"]")
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
_COMMA = re.compile(r",")


def attribution_after(masked: str, close: int, hi: int, inner_end: str) -> Attribution | None:
    """Cues after the quotation: “Q,” X said / “Q,” said X / “Q” — X / “Q,” according to X."""
    win_hi = min(hi, close + LIMITS.after_window)
    # Dash byline: “…” —White House Press Secretary Karoline Leavitt
    m = _DASH_BYLINE.match(masked, close, win_hi)
    if m and _LABEL_NEXT.match(masked, m.end(), win_hi):
        # "“Q1.” - Secretary of Interior Deb Haaland: “Q2”": a name with a colon
        # and an opening mark is the label of the next quotation (a list run
        # together on one line), not the byline of this one.
        return None
    if m:
        stop = _DASH_STOP.search(masked, m.end(), win_hi)
        b = stop.start() if stop else win_hi
        c = parse_np(masked, m.end(), b, "full") or parse_np(masked, m.end(), b, "head")
        if (
            c is not None
            and c.kind in ("name", "role")
            and not _PREP_OPENING.match(masked, m.end(), b)
        ):
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
        c = np_following(masked, m.end(), b) or _according_doc(masked, m.end(), b)
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
    if m and which_antecedent(masked, a, m.start()) is not None:
        # “Task Force …” — co-chaired by … — which recommended: the quoted name is
        # the relative clause's antecedent, not words of someone after it.
        return None
    if m and len(masked[a : m.start()].split()) <= LIMITS.after_cue_max_words:
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
    if m and not _clause_after_according(masked, lo + m.start(1), end):
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
        if (
            not cues
            and at_para_start
            and not PARTICIPLE_CUE.search(masked, lo, end)
            and not topic_label_prefix(masked, lo, end)
        ):
            # Round-up lead-in: **American Farm Bureau Federation President Zippy Duvall:** “…”
            b = end - 1
            while b > lo and masked[b - 1].isspace():
                b -= 1
            if masked[b - 1 : b] == ")":
                # "Sen. Brian Schatz (9/28/23):" – a date or party in brackets.
                op = masked.rfind("(", lo, b)
                b = op if op > lo else b
            c = parse_np(masked, lo, b, "full")
            roster = False  # a person's name with the offices they hold
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
                    roster = first.kind == "name" and bool(first.title or " " in first.name)
            if c is None and len(masked[lo:b].split()) <= LIMITS.label_max_words:
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
            if c is None and "," in masked[lo:b]:
                # "Vice Chair, Senate Democratic Caucus and Chair, Senate
                # Intelligence Committee, Virginia Senator Mark Warner:" (2023-02-10),
                # "Co-chair, …, North Carolina Congresswoman Kathy Manning:"
                # (2023-05-26): offices first, the titled person last.
                parts = _parts(masked, lo, b)
                last = parse_np(masked, *parts[-1], "full") if parts else None
                if (
                    last is not None
                    and last.kind == "name"
                    and last.type == "person"
                    and last.title
                    and not masked[last.end : b].strip(" \t\n*_")
                ):
                    if _roster_words(masked, lo, b):
                        c, roster = last, True
            n = len(masked[lo:end].split())
            if c is not None and (
                n <= LIMITS.label_lead_max_words
                or (roster and n <= LIMITS.label_roster_max_words and _roster_words(masked, lo, b))
            ):
                return Attribution(c, ":", "label")
        if cues:
            # "… Antony Blinken said he could not imagine … the demonstrations: “Q"
            m = cues[-1]
            c = _cue_subject(masked, _clause_start(masked, lo, m.start()), m)
            if c:
                return Attribution(c, cue_text(masked, m, end), "lead")
    # X said, “Q” / X said that “Q” / X told reporters on Tuesday: “Q”
    part = PARTICIPLE_CUE.search(masked, max(lo, end - LIMITS.participle_reach), end)
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


_ROSTER_SMALL = frozenset("of the and for at in on to with a an & former deputy".split())


def _roster_words(masked: str, a: int, b: int) -> bool:
    """A label of a name and offices is capitalised words but for a few small ones:
    "Peggy Shepard, Co-Chair of the White House Environmental Justice Advisory
    Council and Co-Founder and Executive Director of WE ACT for Environmental
    Justice:" (2023-04-22); a writer's sentence ending in a colon is not ("…,
    restore peace in Europe and in the Middle East, and build a great iron dome
    missile defense shield over our entire country — all made in America:").

    >>> label = "Co-chair, Senate and House Bipartisan Task Forces, Congressman Chris Smith"
    >>> _roster_words(label, 0, len(label))
    True
    """
    low = [
        w
        for w in re.findall(r"[A-Za-z][\w’'\-]*", masked[a:b])
        if w[0].islower() and w not in _ROSTER_SMALL
    ]
    return len(low) <= LIMITS.roster_lowercase_max


_TOPIC_PREFIX = re.compile(r"[\s*_]*(?:\(?Watch\)?[^\S\n]*)?On[^\S\n]+\S")


def topic_label_prefix(masked: str, lo: int, end: int) -> bool:
    """A label that opens on "On" names a topic, never a speaker: the interview
    round-ups' "On Iran: “I want Iran to be really successful …”", "On DOGE: “…”"
    (2025-05-04), "On Obamacare: “…”" (2025-11-03), "On the Trump Administration’s
    highly successful immigration enforcement: “…”" (2026-02-05) – the capitalised
    word after "On" is what the excerpt is about. A speaker label opens on its name
    ("Secretary Rubio on tariffs:").

    >>> topic_label_prefix("On Iran:", 0, 8), topic_label_prefix("Secretary Rubio on X:", 0, 21)
    (True, False)
    """
    return _TOPIC_PREFIX.match(masked, lo, end) is not None


# A verb right after a label's subject: "President Trump described …",
# "Secretary Rubio fact checked …" (a past tense or a present third person).
_LABEL_VERB = re.compile(r"\s+(?:[a-z]+\s+)?[a-z]{3,}(?:ed|s)\b")


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
    return bool(after) and after[0] in LABEL_DETERMINERS


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
    if not c.title and " " not in c.name and not _surname_lead(masked, m.end(), b):
        return None  # "**Workers abandoned …:**": one capitalised word is a topic
    return c


def _surname_lead(masked: str, a: int, b: int) -> bool:
    """A lone surname is a label's subject when a verb that puts words out follows
    it: "Finnerty contrasted President Trump’s border security with the Biden
    Administration’s open border: “…”" and "Duffy touted the success of …: “…”"
    (2025-08-08, the host and the Secretary named in full before), as "Roy advocated
    for including everyone at the table …: “…”" (2021-09-24) names Reeta Roy. The
    resolver gives the full name; a topic's verb ("Workers abandoned …") is none
    of these.

    >>> _surname_lead(" touted the success of the Administration’s requirement:", 0, 56)
    True
    >>> _surname_lead(" abandoned without paychecks:", 0, 29)
    False
    """
    k = a
    while k < b and masked[k].isspace():
        k += 1
    return LEAD_VERB.match(masked, k, b) is not None


def _cue_subject(masked: str, a: int, m: re.Match[str]) -> Cand | None:
    """The speaker before cue ``m`` in masked[a:m.start()]; for "put it", after an
    opening "As": "As Dorothy Amis, who taught here, put it:" → Dorothy Amis."""
    am = _AS_OPEN.match(masked, a, m.start())
    if am is not None:
        # Any cue, not only "put it": "As John Lewis, the youngest speaker that day,
        # taught us, “…”" (statement of 2022-08-28) – the name, not its apposition.
        a = am.end()
    return np_before(masked, a, m.start()) or _name_right_before(masked, a, m.start())


def _name_right_before(masked: str, a: int, b: int) -> Cand | None:
    """A person's name that ends right before the cue, when the clause before it
    does not parse: an aside in dashes ("75 years ago today—after signing the treaty
    that brought NATO into existence—President Harry Truman said:", statement of
    2024-04-04), a subordinator ("While Secretary Clouthier emphasized:", readout of
    2021-09-09), a phrase run into the name ("In his First Inaugural Address
    Washington stated:", message of 2026-04-17).

    >>> s = "While Secretary Clouthier emphasized"
    >>> _name_right_before(s, 0, s.index(" emphasized")).name
    'Clouthier'
    """
    c = parse_np(masked, a, b, "tail")
    if c is None or c.kind != "name" or c.type != "person":
        return None
    if masked[c.end : b].strip():
        return None
    return c


_ABSOLUTE = re.compile(
    r"(?:,[ \t]+(?:with[ \t]+)?|\bwith[ \t]+)(?P<np>[^,;:.!?“”\"\n]{1,60}?)[ \t]+$"
)


_DOC_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w\-]+\s+){0,2}?[\w\-]+\s+$")


def participle_subject(masked: str, lo: int, part: int) -> Cand | None:
    """Who does the "saying"/"insisting" of a participle cue: the subject of the
    main clause ("Jean-Pierre said the timing had been set with local officials,
    insisting “…”" → Jean-Pierre), not the noun phrase nearest the comma."""
    ab = _ABSOLUTE.search(masked, max(lo, part - LIMITS.absolute_reach), part)
    if ab is not None:
        # An absolute construction names its own subject: "…, the government
        # recommending “…”", "with Boswell stating: “…”", "with one poster
        # writing “…”" (Wikinews) – not the main clause's subject.
        c = parse_np(masked, ab.start("np"), ab.end("np"), "full")
        if c is not None and c.kind in ("name", "role", "group", "orgn", "doc"):
            return c
    doc = _DOC_BEFORE.search(masked, max(lo, part - LIMITS.absolute_reach), part)
    if doc is not None:
        # A document right before the participle says it: "all they get is a
        # message stating, “…”" (Wikinews).
        c = doc_np(masked, doc.start(), doc.end())
        if c is not None:
            return c
    cues = list(CUE.finditer(masked, lo, part))
    if cues:
        m = cues[0]
        c = np_before(masked, _clause_start(masked, lo, m.start()), m.start())
        if c is not None:
            return c
    c = sentence_subject(masked, lo, part)
    if c is not None and masked[c.end : c.end + 1] == ":" and not masked[c.start : c.end].isupper():
        # A round-up's outlet label run into the sentence by the headline after it
        # ("CNY Central: President, local lawmakers react to Micron choosing Central
        # New York for plant President Biden is among those reacting to the
        # announcement, releasing the following statement: “…”", 2022-10-05, whose
        # line break Markdown loading joins): the label is no clause subject. A
        # transcript's "THE PRESIDENT:" is the turn's speaker and stays.
        return None
    if c is not None:
        return c
    return np_before(masked, lo, part)


def attribution_indirect(masked: str, lo: int, open_: int) -> Attribution | None:
    """A cue earlier in the same sentence: "Tokayev, for his part, said Almaty was under
    attack by 20,000 “terrorists”" → the fragment is Tokayev's."""
    cues = list(CUE.finditer(masked, lo, open_))
    only = list(INDIRECT_ONLY_CUE.finditer(masked, lo, open_))
    last = max(cues[-1:] + only[-1:], key=lambda x: x.start(), default=None)
    ab = _with_absolute(masked, lo, last) if last is not None else None
    if ab is not None and last is not None:
        return Attribution(ab, cue_text(masked, last, open_), "indirect")
    if not cues or (only and _nearer_naming_verb(masked, cues[-1], only[-1])):
        cues = only
    if not cues:
        # "she struck a cautious tone, saying the administration was wary and
        # that “Q”": a participle cue further back in the sentence.
        parts = list(PARTICIPLE_CUE.finditer(masked, lo, open_))
        if parts:
            part = parts[-1]
            c = participle_subject(masked, lo, part.start())
            if c:
                return Attribution(c, cue_text(masked, part, open_), "indirect")
        return _according_to(masked, lo, open_)
    m = cues[-1]
    a = _clause_start(masked, lo, m.start())
    # "As President Trump said, the legislation is “…”": the as-clause is the
    # attribution, though "as" opens asides elsewhere.
    as_m = _AS_SAID.search(masked, a, m.start())
    c = np_before(masked, as_m.end(), m.start()) if as_m else None
    c = c or _relative_subject(masked, a, m.start())
    # ", who called him “…”": the person the who-clause hangs on, before the main
    # clause's subject ("As an attorney, he represented Rosa Parks, the NAACP, and
    # Martin Luther King, who called him “the chief counsel …”", White House
    # 2022-07-01; "Epstein, who described himself as …", 2025-11-17).
    c = c or _who_antecedent(masked, a, m.start()) or np_before(masked, a, m.start())
    c = _subject_over_relative(masked, a, m.start(), c)
    if c:
        return Attribution(c, cue_text(masked, m, open_), "indirect")
    # A cue without a subject of its own (a passive: "has been told to prepare
    # a “quasi-state of war”") leaves the sentence to its "According to X,"
    # (Wikinews korea).
    return _according_to(masked, lo, open_)


_WITH_ABSOLUTE = re.compile(r"\bwith[ \t]+(?P<np>[^,;:.!?“”\"\n]{1,60}?)[ \t]+$")


def _with_absolute(masked: str, lo: int, cue: re.Match[str]) -> Cand | None:
    """The subject of a "with X calling …" absolute construction names the
    participle's speaker, not the main clause's subject: "… fueled a revival in
    domestic manufacturing, with Ford CEO Jim Farley calling it a “really big deal.”"
    (White House, 2026-01-13: "Section"), "NPR prolifically reported on the Russian
    collusion hoax, with the editor describing “[Adam] Schiff talking points” as “the
    drumbeat of NPR news reports.”" (2025-04-14 and 2025-05-02: NPR).

    >>> s = "NPR reported on the hoax, with Ford CEO Jim Farley calling it a "
    >>> _with_absolute(s, 0, INDIRECT_ONLY_CUE.search(s)).name
    'Jim Farley'
    """
    if not cue.group().endswith("ing"):
        return None
    ab = _WITH_ABSOLUTE.search(masked, max(lo, cue.start() - LIMITS.absolute_reach), cue.start())
    if ab is None:
        return None
    c = parse_np(masked, ab.start("np"), ab.end("np"), "full")
    if c is None or c.kind not in ("name", "role", "group", "orgn", "doc"):
        return None
    return c


def _nearer_naming_verb(masked: str, cue: re.Match[str], only: re.Match[str]) -> bool:
    """A verb of naming nearer the quotation than the sentence's reporting verb,
    in a relative clause of its own, governs the quoted words: "CS Wind recently
    announced it is expanding … — which … Lauren Boebert called “dangerous for
    America,”" (White House, 2023-11-29), "Epstein, who described himself as
    Summers’ “wing man”" (2025-11-17).

    >>> s = "X announced it grew, which Lauren Boebert called "
    >>> _nearer_naming_verb(s, CUE.search(s), INDIRECT_ONLY_CUE.search(s))
    True
    """
    if only.start() < cue.end():
        return False
    return _RELATIVE_OBJ.search(masked, cue.end(), only.start()) is not None or (
        _RELATIVE_WHO.search(masked, cue.end(), only.start()) is not None
    )


_WHO_BEFORE = re.compile(r",[^\S\n]*who[^\S\n]+(?:has[^\S\n]+|had[^\S\n]+)?$")


def _who_antecedent(masked: str, a: int, b: int) -> Cand | None:
    """The person a ", who" clause hangs on speaks its cue: "had with Epstein, who
    described himself as Summers’ “wing man”" (White House, 2025-11-17), "Rep.
    Kevin Kiley, who …, said" – a name right before the comma.

    >>> s = "had dinner with Epstein, who described"
    >>> _who_antecedent(s, 0, s.index(" described") + 1).name
    'Epstein'
    """
    w = _WHO_BEFORE.search(masked, a, b)
    if w is None:
        return None
    run = _CAPITAL_RUN.search(masked, a, w.start())
    if run is None or _sentence_initial(masked, a, run.start()):
        return None
    c = parse_np(masked, run.start(), w.start(), "full")
    # A capitalised run may end in a role word: "Martin Luther King, who called him"
    # (White House, 2022-07-01) parses as the role "King".
    return c if c is not None and c.kind in ("name", "role") else None


# "Wilson—who represents the area … spurred by the Inflation Reduction Act, said":
# the preposition (and determiner) right before the noun phrase the cue follows.
_PREP_BEFORE = re.compile(
    r"(?<![\w’'])(?:by|against|under|from|for|with|to|into|through|on|in|at|of|over|"
    r"about|after|before|across|behind)[^\S\n]+(?:(?:the|a|an|its|their|his|her)[^\S\n]+)?$"
)
_WHO_OPEN = re.compile(r"[,—–][^\S\n]*who\b")


def _subject_over_relative(masked: str, a: int, b: int, c: Cand | None) -> Cand | None:
    """The noun phrase right before a cue that is the object of a preposition never
    says the words: the sentence's subject does, when an aside (a who-clause, a
    verb of its own) sets the object off from it. A law's name is the usual such
    object in the fact sheets' lists of members who opposed it: "Representative Joe
    Wilson—who represents the area benefitting from Enphase’s investment spurred by
    the Inflation Reduction Act, said the law was passed “to the detriment of
    American families”" and "Representative William Timmons, who represents
    Greenville and Spartanburg Counties, …, voted against the Bipartisan
    Infrastructure Law, said it would do “nothing of the sort”" (fact sheet,
    2023-07-05) gave the two laws as speakers. The subject is the name a who-clause
    hangs on, else the sentence's subject, set off from the object by a comma or a
    dash; only a person's name or role takes over.

    >>> s = ("Representative William Timmons, who represents Greenville, voted against"
    ...      " the Bipartisan Infrastructure Law, said")
    >>> _subject_over_relative(s, 0, len(s) - 5, np_before(s, 0, len(s) - 5)).name
    'William Timmons'
    """
    if c is None or _PREP_BEFORE.search(masked, max(a, c.start - 40), c.start) is None:
        return c
    w = _WHO_OPEN.search(masked, a, c.start)
    s = np_before(masked, a, w.start()) if w else sentence_subject(masked, a, c.start)
    if s is None or s.end >= c.start or not re.search(r"[,—–]", masked[s.end : c.start]):
        return c
    if s.kind not in ("name", "role") or s.type == "organization":
        return c
    return s


_CAPITAL_RUN = re.compile(r"(?:[A-Z][\w.’'\-]*[^\S\n]+){0,4}[A-Z][\w’'\-]*[^\S\n]*$")


def _sentence_initial(masked: str, a: int, pos: int) -> bool:
    """Nothing but sentence punctuation before ``pos``: its capital shows no name
    ("Products called “…”")."""
    before = masked[a:pos].rstrip()
    return not before or before[-1] in ".!?:\n"


_RELATIVE_WHO = re.compile(r"(?:^|(?<=[\s,;(—–]))who\s+(?:has\s+|had\s+)?$")
_RELATIVE_OBJ = re.compile(
    r"(?:^|(?<=[\s,;(—–]))(?:which|whom|what)\s+(?=\S+(?:\s+\S+){0,6}?\s+(?:has\s+|had\s+)?$)"
)


def _relative_subject(masked: str, a: int, b: int) -> Cand | None:
    """The subject of a relative clause whose object is the thing the quotation
    names: "The announcement, which President Biden called “another win for
    America,”" (White House, 2022-10-05), "the Inflation Reduction Act — which
    self-described MAGA Republican Representative Lauren Boebert called “dangerous
    for America,”" (2023-11-29): the person after "which", not the sentence's
    subject (the announcement, CS Wind). Only a name or a role counts: a pronoun
    ("what it called") is left to the rules that resolve it.

    >>> s = "CS Wind is expanding — which Representative Lauren Boebert called"
    >>> _relative_subject(s, 0, s.index("called")).name
    'Lauren Boebert'
    """
    rels = list(_RELATIVE_OBJ.finditer(masked, a, b))
    if not rels:
        return None
    c = np_before(masked, rels[-1].end(), b)
    if c is None or c.kind not in ("name", "role", "orgn", "group"):
        return None
    between = masked[rels[-1].end() : c.start]
    if (
        re.search(r"[,;:—–()]", between + masked[c.end : b])
        or len(between.split()) > LIMITS.relative_subject_words
    ):
        # The relative clause has a verb of its own before the cue: "which cut taxes
        # for 80% of taxpayers — calling it “irresponsible”" (2026-02-24).
        return None
    return c


_ACCORDING_DOC = re.compile(
    r"[^\S\n]*(?P<np>(?:an?|the)[^\S\n]+(?:[\w\-]+[^\S\n]+){0,2}?"
    r"(?P<doc>press[^\S\n]+release|news[^\S\n]+release|release|statement|report|study|"
    r"survey|analysis|memo|letter|filing|document|poll|audit|review))\b"
)


def _according_doc(masked: str, a: int, b: int) -> Cand | None:
    """An unnamed document after "according to", which ``np_following`` leaves (it
    wants a named author): "“… state correctional facility,” according to a press
    release." (White House round-up of 2022-07-02), "according to a new report"
    (2025). The document is the source.

    >>> s = " a press release."
    >>> _according_doc(s, 0, len(s)).name
    'a press release'
    """
    m = _ACCORDING_DOC.match(masked, a, b)
    if m is None:
        return None
    phrase = " ".join(masked[m.start("np") : m.end("np")].split())
    return Cand(
        "doc", m.start("np"), m.end("np"), phrase, None, "organization", head=m.group("doc")
    )


_AND_CLAUSE = lazy(
    r",\s+(?:and|but|while|whereas)\s+[^;:“”\"\n]{2,120}?\b(?:"
    + "|".join(sorted(FINDING_VERBS))
    + r")\b"
)


def _clause_after_according(masked: str, a: int, b: int) -> bool:
    """A clause of its own, joined by "and"/"but" and with its own reporting or
    finding verb, between "according to X" and the quotation: X no longer governs
    it. "… must come from technologies that are not commercially available,
    according to the Executive Director of the International Energy Agency, and Bill
    Gates urged investment to drive down “green premium” prices" (Leaders Summit on
    Climate, 2021-04-23: Gates, not the IEA); "According to Wall Street analysts,
    vaccination requirements could result in … back to work, and a survey of
    prominent, independent economists found unanimous agreement that vaccination
    requirements will “promote a faster and stronger economic recovery.”" (fact
    sheet, 2021-11-04: the survey, not the analysts).

    >>> s = "according to the IEA, and Bill Gates urged investment to drive down "
    >>> _clause_after_according(s, 0, len(s)), _clause_after_according(s, 0, 20)
    (True, False)
    """
    # A cue after a later "and" is also after the first one: searching from each
    # "and" in turn read the window once per "and" (quadratic in a long sentence).
    m = _AND_CLAUSE_START.search(masked, a, b)
    if m and (CUE.search(masked, m.end(), b) or INDIRECT_ONLY_CUE.search(masked, m.end(), b)):
        return True
    return _AND_CLAUSE.search(masked, a, b) is not None


_AND_CLAUSE_START = re.compile(r",\s+(?:and|but|while|whereas)\s+")


def _according_to(masked: str, lo: int, open_: int) -> Attribution | None:
    """ "According to X, …" earlier in the sentence: X."""
    m = ACCORDING_TO.search(masked, lo, open_)
    if m and not _clause_after_according(masked, m.end(), open_):
        stop = _COMMA.search(masked, m.end(), open_)
        c = np_following(masked, m.end(), stop.start() if stop else open_) or _according_doc(
            masked, m.end(), stop.start() if stop else open_
        )
        if c:
            return Attribution(c, "according to", "indirect")
    return None


_FINDING = lazy(
    rf"(?P<np>{_DOC_NP})\s+(?:(?:also|further|ultimately|largely)\s+)?"
    rf"(?P<verb>{'|'.join(sorted(FINDING_VERBS))})\b"
)


# A study named by its year and where it appeared or who made it, with a finding
# verb: "A 2019 study in SSM-Population Health found that …" (White House,
# 2025-04-09), "A 2007 analysis by the Heritage Foundation found that …", "A 2021
# review by the National Bureau of Economic Research, analyzing a decade of data,
# determined …" (2026-03-12).
_STUDY_FINDING = lazy(
    r"(?P<np>\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he)\s+(?:(?:new|recent|landmark|\d{4})\s+){1,2}"
    r"(?P<doc>study|article|paper|review|analysis|report|survey|poll|audit|assessment)"
    r"(?:\s+(?:in|by|from|of)\s+[^,;:.!?“”\"\n]{2,80}?)?)"
    r"(?:,\s+[a-z]+ing\s[^,;.!?“”\"\n]{1,60},)?\s+(?:(?:also|further|ultimately|largely)\s+)?"
    r"(?P<verb>found|finds|showed|shows|concluded|concludes|determined|determines)\b"
)


def finding_attribution(masked: str, lo: int, open_: int) -> Attribution | None:
    """The last document with a finding verb in masked[lo:open_]: "The study found
    that students at later-starting schools “…”" → the study. A study named by its
    year counts with any determiner and where it appeared (issue 11, class 3).

    >>> s = "A 2019 study in SSM-Population Health found that from 1999 to 2015, "
    >>> finding_attribution(s, 0, len(s)).cand.name
    '2019 study in SSM-Population Health'
    """
    found = None
    for m in _FINDING.finditer(masked, lo, open_):
        found = m
    if found is None:
        for m in _STUDY_FINDING.finditer(masked, lo, open_):
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
    if att.cand.kind == "doc" and att.cue.split(" ")[0] in FINDING_VERBS:
        att.cand.type = "organization"
    return att


_AS_SAID = re.compile(r"(?:^|(?<=[\s,;(]))[Aa]s\s+(?=\S+(?:\s+\S+){0,6}?\s+(?:has\s+|had\s+)?$)")


def previous_sentence_lead(masked: str, a: int, b: int) -> Attribution | None:
    """A whole sentence "Secretary Chris Wright said." or "Blinken said:" before the quote."""
    seg = masked[a:b].strip()
    if not seg or len(seg.split()) > LIMITS.lead_sentence_max_words:
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
