"""Transcript structure: front matter, speaker turns, stage directions, gaps.

Works on the *normalised* source text (see ``_normalize``), so curly quotes,
NBSPs and dash styles are already folded.  White House transcripts look like::

    MS. JEAN-PIERRE:  Good afternoon, everybody.

    Q    Good afternoon.

    THE PRESIDENT:  Thank you.  (Applause.)  Folks, ...
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# YAML front matter ("---" ... "---") at the very top of a Markdown transcript.
_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_TITLE_LINE = re.compile(r"^title:[ \t]*(.*(?:\n[ \t]+.*)*)", re.M)

# A speaker label opens a line: "THE PRESIDENT:", "SECRETARY BLINKEN:",
# "MS. JEAN-PIERRE:", "MS.  PSAKI:" (double space in the original).  It must
# contain a real word of two or more letters, so an abbreviation that a hard
# line wrap put at the start of a line ("D.C.: Thank you") is not a speaker.
# Reporters are "Q" followed by spaces/NBSPs (already folded to spaces) or a
# colon: "Q    Good afternoon." / "Q: What about...".
_LABEL = re.compile(
    r"^[ \t]*(?P<label>Q(?=:|[ \t]+\S)|[A-Z][A-Z.'\- ]{0,60}[A-Z.](?=:(?:[ \t]|$)))(?P<colon>:?)",
    re.M,
)
_HAS_WORD = re.compile(r"[A-Z]{2,}")
# The same anchored on the newline before it.  "^" in MULTILINE mode is tried
# at every character of a 1 MB text; a leading literal "\n" lets the regex
# engine skip from line to line.  Position 0 is checked with ``_LABEL.match``.
_LABEL_NL = re.compile(r"\n" + _LABEL.pattern[1:], re.M)

# Stage directions are the transcriber's, not the speaker's: "(Applause.)",
# "(Laughter and applause.)", "(Inaudible)", "(The bill is signed.)",
# "(Speaks Spanish.)".  Rule: a parenthesis that opens with a capitalised word
# and closes right after a full stop, at most ten words, or one of the usual
# bare notes.  A parenthetical the speaker *said* is rarely capitalised and
# full-stopped in these transcripts, and "(OSCE)"-style acronyms are not
# matched (second letter upper case, no full stop).
_STAGE = re.compile(
    r"\((?:[A-Z][a-z']*(?:[ ,][A-Za-z'\-]+){0,9}\.|"
    r"(?i:applause|laughter|laughs|inaudible|crosstalk|cheers|booing|unintelligible"
    r"|in progress|as interpreted|no audio|audio cuts out|pause))\)"
    # Bracketed transcriber notes: "[inaudible]", "[sic]", "[crosstalk]",
    # "[ph]" (phonetic spelling).  Bracketed *words* ("[million]") are kept:
    # they are the transcriber's correction of what was said.
    r"|\[(?i:inaudible|sic|ph|crosstalk|laughter|applause|unintelligible|redacted"
    r"|indiscernible|cross-talk|pause)[^\]\n]{0,30}\]"
)

# An editor's gap in an excerpt: "[…]" / "[...]" / a line that is only "...".
# Words on either side are NOT adjacent, so the gap becomes a barrier token.
_GAP = re.compile(r"\[\s*\.\s?\.\s?\.\s*\]|^[ \t]*\.\.\.[ \t]*$", re.M)
# Its two branches apart, for speed (see _LABEL_NL): the bracket starts with
# a literal "[", the line branch is anchored on its newline.
_GAP_BRACKET = re.compile(r"\[\s*\.\s?\.\s?\.\s*\]")
_GAP_LINE = re.compile(r"^[ \t]*\.\.\.[ \t]*$", re.M)
_GAP_LINE_NL = re.compile(r"\n[ \t]*\.\.\.[ \t]*$", re.M)

# Labels of people present whom the transcript does not name: a heckler
# ("AUDIENCE MEMBER:  When will you stand up to them, Mr. President?"), the
# crowd, a moderator, the interpreter, the operator, an off-stage "VOICE".
# They are someone other than any named person an article quotes, as a
# reporter's "Q" is: words in such a turn printed as the President's are
# misattributed.  The exception is an article that itself calls its speaker
# by that role ("Jane Doe, the moderator"): see ``_GENERIC_ROLE_WORDS``.
_OTHERS = {
    "MODERATOR", "AUDIENCE", "AUDIENCE MEMBER", "AUDIENCE MEMBERS", "PARTICIPANT",
    "PARTICIPANTS", "OPERATOR", "AIDE", "CHILD", "STAFF", "INTERPRETER", "NARRATOR",
    "VOICE", "VOICES", "SPEAKER", "STUDENT", "STUDENTS", "CROWD", "ALL", "REPORTER",
    "REPORTERS", "HECKLER", "PROTESTER", "PROTESTOR", "Q",
}  # fmt: skip
# Anonymous officials may be anyone, the quoted speaker included (a background
# briefing): never grounds for "misattributed", nor for passing words as the
# named speaker's (the verdict's unmapped-label rule).
_ANONYMOUS = {
    "SENIOR ADMINISTRATION OFFICIAL", "ADMINISTRATION OFFICIAL",
    "SENIOR ADMINISTRATION OFFICIAL ONE", "SENIOR ADMINISTRATION OFFICIAL TWO",
    "SENIOR STATE DEPARTMENT OFFICIAL", "OFFICIAL",
}  # fmt: skip
# What ends a label that names an official by office alone ("WHITE HOUSE
# OFFICIAL", "NSC SPOKESPERSON"), a numbering after it ("... OFFICIAL TWO").
# "OFFICIAL" also as misspelt in real labels ("OFFIAL", "OFFICIA", "OFFICAL").
_UNNAMED_HEADS = re.compile(r"OFF?I(?:CIALS?|CIA|CAL|AL)|SPOKESPERSON")
_NUMBERING = re.compile(r"(?:\s+(?:NO\.|NUMBER|#)?\s*(?:\d+|ONE|TWO|THREE|FOUR|FIVE))+$")


def anonymous_label(label: str) -> bool:
    """Does ``label`` name an official by office alone, no person?

    Background press calls put every official's words under such a label;
    the person behind it may be anyone, the quoted speaker included.  Real
    cases, from the White House transcripts: "SENIOR ADMINISTRATION
    OFFICIAL:" (background calls on Prime Minister Bennett's visit,
    2021-08-25, and on Venezuela, 2021-03-08), "SENIOR ADMINISTRATION
    OFFICIAL ONE:", "WHITE HOUSE OFFICIAL:", "SENIOR MILITARY OFFICIAL:",
    "FBI OFFICIAL:", "NSC SPOKESPERSON:", and the misspelt "SENIOR
    ADMINSTRATION OFFIAL:" and "WHITE HOUSE OFFICIA:".  Their words were read
    as the named speaker's when the label was listed (so "we're very excited
    about this visit", an official's, passed as Naftali Bennett's), or as a
    person surnamed "OFFICIAL" when it was not.

    >>> anonymous_label("SENIOR ADMINISTRATION OFFICIAL"), anonymous_label("WHITE HOUSE OFFICIA")
    (True, True)
    >>> anonymous_label("SENIOR ADMINISTRATION OFFICIAL TWO"), anonymous_label("NSC SPOKESPERSON")
    (True, True)
    >>> anonymous_label("MR. SULLIVAN"), anonymous_label("MODERATOR"), anonymous_label("Q")
    (False, False, False)
    """
    key = _NUMBERING.sub("", " ".join(label.upper().split()).rstrip(":"))
    if key in _ANONYMOUS:
        return True
    words = key.split()
    return bool(words) and _UNNAMED_HEADS.fullmatch(words[-1]) is not None


# The role an article's speaker title may give a generic label's person:
# "Priyanka Chopra Jonas, the moderator" may be the turns labelled
# "MODERATOR" (or "Q", the questioner in a fireside chat), so those turns are
# "cannot tell" for her, not someone else's.
_GENERIC_ROLE_WORDS = {
    "MODERATOR": ("moderator", "host", "interviewer"),
    "Q": ("moderator", "host", "interviewer", "reporter", "journalist", "correspondent"),
    "REPORTER": ("reporter", "journalist", "correspondent"),
    "REPORTERS": ("reporter", "journalist", "correspondent"),
    "INTERPRETER": ("interpreter", "translator"),
    "STUDENT": ("student",),
    "STUDENTS": ("student",),
    "PARTICIPANT": ("participant",),
    "AUDIENCE MEMBER": ("audience member", "attendee", "heckler", "protester"),
    "HECKLER": ("heckler", "protester"),
    "PROTESTER": ("heckler", "protester"),
    "PROTESTOR": ("heckler", "protester"),
    "OPERATOR": ("operator",),
    "NARRATOR": ("narrator",),
    "AIDE": ("aide",),
}
# Courtesy titles, which anyone has: "MR. JAMES" may be a Mr. James, not
# James Comey, so only titles of office allow the family-name-first match
# in ``label_matches`` ("PRESIDENT YOON" is Yoon Suk Yeol).
_COURTESY = {"MR.", "MS.", "MRS.", "MISS", "DR.", "SIR", "MADAM", "REV.", "FATHER", "THE"}
# Name particles that are never a family name on their own: "bin", "de".
_PARTICLES = {
    "BIN", "BINT", "AL", "DE", "DA", "DI", "DU", "DEL", "VAN", "VON", "DER", "LA", "LE",
}  # fmt: skip
# Honorifics/titles stripped before the surname comparison.
_TITLES = {
    "MR.", "MS.", "MRS.", "DR.", "MISS", "SECRETARY", "PRESIDENT", "VICE", "SENATOR",
    "GOVERNOR", "MAYOR", "AMBASSADOR", "ADMINISTRATOR", "DIRECTOR", "ACTING", "CHAIR",
    "CHAIRMAN", "GENERAL", "ADMIRAL", "PRIME", "MINISTER", "REPRESENTATIVE", "SPEAKER",
    "LEADER", "DEPUTY", "SURGEON", "COMMISSIONER", "FIRST", "LADY", "SECOND",
    "GENTLEMAN", "THE", "CONGRESSMAN", "CONGRESSWOMAN", "SENIOR", "STATE", "KING",
    "QUEEN", "CHANCELLOR", "JUDGE", "JUSTICE", "CAPTAIN", "COLONEL", "LIEUTENANT",
    "SERGEANT", "MAJOR", "ATTORNEY", "MADAM", "SIR", "REV.", "FATHER", "CHIEF",
}  # fmt: skip
# Role labels: who they are is known only from context.
_ROLES = {
    "THE PRESIDENT": "president",
    "THE VICE PRESIDENT": "vice president",
    "THE FIRST LADY": "first lady",
    "THE SECOND GENTLEMAN": "second gentleman",
}


@dataclass(frozen=True)
class Turn:
    label: str  # "SECRETARY BLINKEN", "Q"
    label_start: int  # normalised offsets of the label (incl. colon)
    label_end: int
    end: int  # normalised offset where the next turn begins


def front_matter(norm: str) -> tuple[int, str | None]:
    """(offset where the body starts, title from the front matter or None)."""
    m = _FRONT_MATTER.match(norm)
    if not m:
        return 0, None
    title = None
    t = _TITLE_LINE.search(m.group(1))
    if t:
        raw = t.group(1)
        # YAML folded strings: continuation lines and "\" line joins.
        raw = re.sub(r"\\\n\s*\\?", "", raw)
        raw = re.sub(r"\s+", " ", raw).strip().strip("'\"")
        title = raw or None
    return m.end(), title


def parse_turns(norm: str, body_start: int = 0) -> list[Turn]:
    """Speaker turns in order.  Empty when the text has no labels."""
    found: list[tuple[str, int, int]] = []
    has_word = _HAS_WORD.search
    for m in _line_starts(_LABEL, _LABEL_NL, norm, body_start):
        # A label holds only capitals, dots, apostrophes, hyphens and spaces,
        # so str.split collapses its whitespace as a \s+ regex would, cheaper.
        label = " ".join(m.group("label").split())
        if label != "Q" and not has_word(label):
            continue
        found.append((label, m.start("label"), m.end()))
    turns = []
    for i, (label, s, e) in enumerate(found):
        end = found[i + 1][1] if i + 1 < len(found) else len(norm)
        turns.append(Turn(label, s, e, end))
    return turns


def stage_spans(norm: str, start: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in _STAGE.finditer(norm, start)]


# Inline HTML a Markdown transcript keeps: the White House prints a word the
# speaker got wrong struck through, its correction in brackets ("House
# <s>Republicans</s> [Democrats]"), and underlines with "<u>".  Markup, not words.
_INLINE_TAG = re.compile(r"</?(?:s|u|del|strike|ins|sup|sub|em|strong|b|i)>", re.I)
# A struck word followed by the transcriber's bracketed correction.
_STRUCK = re.compile(r"<(s|del|strike)>([^<]{1,80})</\1>(?=\s*\[[^\]\n]{1,80}\])", re.I)


def inline_tag_spans(norm: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of inline HTML tags (``<s>``, ``</s>``, ``<u>``) from ``start``: blanked.

    Real cases: "We cannot blame House <s>Republicans</s> [Democrats]"
    (Jean-Pierre's gaggle, 2023-09-26) and "$615 <s>billion</s> [million]
    this year alone" (Biden, IBEW): the tags were read as a word "s".

    >>> inline_tag_spans("House <s>Republicans</s> [Democrats]")
    [(6, 9), (20, 24)]
    """
    if "<" not in norm:
        return []
    return [m.span() for m in _INLINE_TAG.finditer(norm, start)]


def struck_spans(norm: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of struck-through words that the transcriber's bracketed correction follows.

    The struck word and the bracket are the transcriber's apparatus around one
    spoken word: a quote may print either (the policy's "Words the transcriber
    added").  Real cases: "House <s>Republicans</s> [Democrats]" (a Gaetz
    quote Jean-Pierre read, gaggle of 2023-09-26), "One <s>billion</s>
    [trillion] two hundred <s>million</s>[billion]" (Biden's remarks).

    >>> text = "House <s>Republicans</s> [Democrats]"
    >>> [text[s:e] for s, e in struck_spans(text)]
    ['Republicans']
    >>> struck_spans("House <s>Republicans</s> said")
    []
    """
    if "<" not in norm:
        return []
    return [m.span(2) for m in _STRUCK.finditer(norm, start)]


def gap_spans(norm: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of ``_GAP`` matches from ``start`` (same result as ``_GAP.finditer``)."""
    brackets = [m.span() for m in _GAP_BRACKET.finditer(norm, start)]
    lines = [
        (m.start() + (norm[m.start()] == "\n"), m.end())
        for m in _line_starts(_GAP_LINE, _GAP_LINE_NL, norm, start)
    ]
    if not lines:
        return brackets
    # A "..." line inside a bracket gap that spans lines ("[\n...\n]") is
    # part of the bracket match, as with the combined pattern.
    out = brackets + [
        (s, e) for s, e in lines if not any(bs <= s < be or bs < e <= be for bs, be in brackets)
    ]
    return sorted(out)


def _line_starts(
    at_start: re.Pattern[str], after_nl: re.Pattern[str], norm: str, start: int
) -> list[re.Match[str]]:
    """Matches of a "^..." MULTILINE pattern at line starts >= ``start``.

    ``after_nl`` is the same pattern with "^" replaced by "\n"; its matches
    include that newline (callers use group offsets or skip it).
    """
    out: list[re.Match[str]] = []
    if start == 0:
        m = at_start.match(norm, 0)
        if m is not None:
            out.append(m)
    # A line start at ``start`` itself follows the newline at start - 1.
    out.extend(after_nl.finditer(norm, max(0, start - 1)))
    return out


def _simplify(name: str) -> list[str]:
    """Upper-case name words without punctuation: "Jean-Pierre" -> ["JEAN-PIERRE"]."""
    return [w for w in re.split(r"[\s,]+", name.upper().replace("’", "'")) if w]


def label_person_words(label: str) -> list[str]:
    """The name words of a label: "SECRETARY ANTONY BLINKEN" -> ["ANTONY", "BLINKEN"]."""
    return [w for w in label.split() if w not in _TITLES]


def title_holders(role: str, title: str) -> list[str]:
    """The name words (upper case, in order) a source's title gives after ``role``.

    Every capitalised word of the name, not only the first: "Statement from
    President Joe Biden" names BIDEN as much as "Remarks by President Biden"
    does (the first reading took "JOE" for the holder's surname).  Only the
    first holder the title names.

    >>> sorted(title_holders("president", "Remarks by President Biden on the Economy"))
    ['BIDEN']
    >>> sorted(title_holders("president", "Statement from President Joe Biden"))
    ['BIDEN', 'JOE']
    >>> sorted(title_holders("president", "Remarks by Vice President Harris"))
    []
    >>> sorted(title_holders("president", "Remarks by President Biden and President Moon Jae-in"))
    ['BIDEN']
    >>> sorted(title_holders("president", "Statement on President Biden’s Phone Call"))
    ['BIDEN']
    """
    words = r"\s+((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]*)"
    pat = re.compile(r"(?<![Vv][Ii][Cc][Ee] )(?i:" + re.escape(role) + ")" + words)
    out: list[str] = []
    # The first holder named: White House titles name their own office
    # holder first ("President Biden and President Moon Jae-in"), and a
    # guest has a label of their own ("PRESIDENT MOON:").
    for m in list(pat.finditer(title))[:1]:
        for w in m.group(1).split():
            name = re.sub(r"['’]S$", "", w.upper().rstrip("."))
            out.append(name)
            if name != w.upper().rstrip("."):
                break  # "Biden’s Phone Call": the possessive ends the name
    return out


def _first_name_agrees(words: list[str], holders: list[str], surname: str) -> bool:
    """Does the speaker's first name agree with the one a title gives before the surname?

    "Remarks by First Lady Jill Biden": THE FIRST LADY is Jill, not Joe
    Biden, though the surname is the same.  A title with the surname first
    ("President Trump Before Marine One Departure") or a speaker known by one
    name has nothing to disagree; a short form ("Joe" for "Joseph") agrees.

    >>> _first_name_agrees(["JOE", "BIDEN"], ["JILL", "BIDEN"], "BIDEN")
    False
    >>> _first_name_agrees(["JILL", "BIDEN"], ["JILL", "BIDEN"], "BIDEN")
    True
    >>> _first_name_agrees(["JOE", "BIDEN"], ["JOSEPH", "R", "BIDEN"], "BIDEN")
    True
    >>> _first_name_agrees(["DONALD", "TRUMP"], ["TRUMP", "BEFORE", "MARINE"], "TRUMP")
    True
    """
    i = holders.index(surname) if surname in holders else 0
    if i == 0 or len(words) < 2:
        return True
    a, b = words[0].rstrip("."), holders[0]
    return a == b or len(a) <= 2 or len(b) <= 2 or a[:2] == b[:2]


def label_matches(
    label: str,
    speaker_name: str,
    speaker_title: str | None,
    source_title: str | None,
    labels: Iterable[str] = (),
) -> bool | None:
    """Is ``label`` the speaker?  True / False / None (cannot tell).

    Surname match is the core rule: "Antony Blinken" is "SECRETARY BLINKEN",
    "MR. BLINKEN", "SECRETARY ANTONY BLINKEN".  "Q" is a reporter, and the
    other generic labels ("AUDIENCE MEMBER", "MODERATOR", ...) are people
    other than a named speaker, unless the speaker's title gives that role.
    Role labels ("THE PRESIDENT") are resolved from the speaker's title or the
    transcript's title ("Remarks by President Biden ..." makes THE PRESIDENT
    Biden).  Names written family name first ("Yoon Suk Yeol", "Xi Jinping")
    match a title of office with the family name ("PRESIDENT YOON") unless
    ``labels`` (every label of the transcript) names the speaker by their
    last name word elsewhere.
    """
    label = label.upper().strip()
    words = _simplify(speaker_name)
    if not words:
        return None
    surname = words[-1].rstrip(".")
    if anonymous_label(label):
        return None
    if label in _OTHERS:
        roles = _GENERIC_ROLE_WORDS.get(label, ())
        st = (speaker_title or "").lower()
        if st and any(r in st for r in roles):
            return None
        return False
    if label in _ROLES:
        role = _ROLES[label]
        # The transcript's title names the role holder: "Remarks by President
        # Biden", "Remarks by Vice President Harris", "First Lady Jill Biden".
        if source_title:
            holders = title_holders(role, source_title)
            if holders:
                return surname in holders and _first_name_agrees(words, holders, surname)
        if speaker_title:
            st = speaker_title.lower()
            if role == "president":
                if "president" in st and "vice" not in st:
                    return True
            elif role in st:
                return True
        return None
    person = label_person_words(label)
    if not person:
        return None
    if surname in person or person[-1].replace("-", " ") == surname.replace("-", " "):
        return True
    if _family_name_first(label, person, words, labels):
        return True
    return False


def _family_name_first(
    label: str, person: list[str], words: list[str], labels: Iterable[str]
) -> bool:
    """Is "PRESIDENT YOON" the label of "Yoon Suk Yeol" (family name first)?

    Korean, Chinese and (in some outlets) Japanese names put the family name
    first: "Yoon Suk Yeol", "Xi Jinping", "Moon Jae-in", "Kishida Fumio".
    Transcripts label such a leader by office and family name: "PRESIDENT
    YOON:", "PRIME MINISTER KISHIDA:".  So a label with a title of office
    whose one name word is an earlier word of the name matches.  Guards: a
    courtesy title alone ("MR. SCOTT") does not count, as anyone is a "Mr.";
    and when another label of the transcript names the speaker by their last
    name word ("SECRETARY BESSENT" for "Scott Bessent"), "SENATOR SCOTT" is
    somebody else.
    """
    if len(person) != 1 or len(words) < 2:
        return False
    office = [w for w in label.split() if w not in person]
    if not office or all(w in _COURTESY for w in office):
        return False
    fam = person[0]
    earlier = [w.rstrip(".") for w in words[:-1]]
    if len(fam) < 2 or fam in _PARTICLES or fam not in earlier:
        return False
    surname = words[-1].rstrip(".")
    for other in labels:
        other_person = label_person_words(other.upper())
        if other_person and surname in other_person:
            return False
    return True


# ---------------------------------------------------------------------------
# Quotations inside a turn: "the speaker was quoting someone".
#
# Counting marks from the start of the turn (odd = inside) lets one stray mark
# flip the answer for the rest of the turn: in "I'll be 6'4”." the ” is an inch
# mark, and every later word of a 3,400-word speech was taken as quoted (and
# the words Biden quoted from critics as his own).  So marks are paired the way
# a reader pairs them: by their direction when curly (“ opens, ” closes), by the
# characters around them when straight, never across a paragraph, and an
# unclosed quotation is bounded (see ``_UNCLOSED_MAX_WORDS``).

# An unclosed quotation whose next paragraph does not re-open with a mark (the
# news convention for a quotation running over several paragraphs: each
# paragraph opens with a mark, only the last one closes) most likely lost its
# closing mark; it covers at most this many words: two or three sentences, as
# in 'He told me, “We will get it done. (Applause.)' with no closing mark.
_UNCLOSED_MAX_WORDS = 40
# A paragraph break: a blank line (the White House Markdown hard-wraps lines
# inside a paragraph, so a single newline is no break there).
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Characters that may stand right before an opening mark: "(“Yes”)", "—“No”".
_OPEN_PUNCT = "([{-/*_\n"
# ... and right after a closing mark: "“fabs” —", "“done,”", "“Huh?”".
_CLOSE_PUNCT = ".,;:!?)]}-/*_'"
# A foot-and-inch measure: 6'4", 5’11”.
_FEET_INCHES = re.compile(r"\d['\u2019\u2032]\d{1,2}$")
_WORD = re.compile(r"\S+")


def has_blank_lines(text: str, start: int = 0) -> bool:
    """Does ``text`` from ``start`` separate paragraphs with blank lines?"""
    return _BLANK_LINE.search(text, start) is not None


def quotation_spans(
    text: str,
    lo: int,
    hi: int,
    glyph_at: Callable[[int], str] | None = None,
    *,
    line_paragraphs: bool = False,
) -> list[tuple[int, int]]:
    """Spans [start, end) of ``text[lo:hi]`` that stand inside double quotation marks.

    ``text`` is normalised (every double mark is '"'); ``glyph_at(i)``, when
    given, is the original mark behind the '"' at ``text[i]`` (“ ” or "), so
    curly marks pair by direction.  Paragraphs end at blank lines, or at every
    newline when ``line_paragraphs`` (sources with one paragraph per line).
    Single marks never count: they are indistinguishable from apostrophes.
    """
    out: list[tuple[int, int]] = []
    seg = text[lo:hi]
    if '"' not in seg:
        return out
    breaks = [
        lo + m.start()
        for m in (re.finditer("\n", seg) if line_paragraphs else _BLANK_LINE.finditer(seg))
    ]
    paras: list[tuple[int, int]] = []
    prev = lo
    for b in breaks:
        paras.append((prev, b))
        prev = b + 1
    paras.append((prev, hi))
    for k, (ps, pe) in enumerate(paras):
        open_at: int | None = None
        pos = text.find('"', ps, pe)
        while pos != -1:
            glyph = glyph_at(pos) if glyph_at is not None else '"'
            role = _mark_role(text, pos, ps, pe, glyph, open_at is not None)
            if role == "open" and open_at is None:
                open_at = pos + 1
            elif role == "close" and open_at is not None:
                out.append((open_at, pos))
                open_at = None
            pos = text.find('"', pos + 1, pe)
        if open_at is not None:
            out.append((open_at, _unclosed_end(text, open_at, pe, paras[k + 1 :])))
    return out


def quoted_share(spans: list[tuple[int, int]], a: int, b: int) -> float:
    """The fraction of characters [a, b) that stand inside ``spans``.

    A quote is the speaker's quoting of someone when most of it is inside the
    marks: 'I once said, “Everybody take a seat,” and there were no seats'
    quoted from "Everybody" on is mostly the speaker's own narration.
    """
    if b <= a:
        return 0.0
    inside = sum(max(0, min(b, e) - max(a, s)) for s, e in spans)
    return inside / (b - a)


def _unclosed_end(text: str, start: int, pe: int, later: list[tuple[int, int]]) -> int:
    """Where a quotation opened at ``start`` and not closed in its paragraph ends."""
    if later:
        ns, ne = later[0]
        nxt = text[ns:ne].lstrip()
        if nxt.startswith('"'):
            return pe  # re-opened in the next paragraph: the paragraph is quoted
    words = 0
    for m in _WORD.finditer(text, start, pe):
        words += 1
        if words == _UNCLOSED_MAX_WORDS:
            return m.end()
    return pe


def _mark_role(text: str, i: int, lo: int, hi: int, glyph: str, is_open: bool) -> str:
    """'open', 'close' or '' (no quotation mark) for the '"' at ``text[i]``."""
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    if prev.isdigit():
        # An inch mark: "6'4”", "a 12\" screen".  After a digit a mark closes
        # only a quotation that is open, and only at a word's end (“Plan 2”).
        if _FEET_INCHES.search(text, max(lo, i - 6), i) or not is_open:
            return ""
        if nxt.isalnum() or nxt == "-":
            return ""
    opener = (
        (prev == "" or prev.isspace() or prev in _OPEN_PUNCT) and nxt != "" and not nxt.isspace()
    )
    closer = (
        prev != ""
        and not prev.isspace()
        and (nxt == "" or nxt.isspace() or nxt in _CLOSE_PUNCT or nxt == '"')
    )
    if glyph in "\u201c\u201e\u201f\u301d":
        # “ opens unless it plainly closes: the typo “…“ before a space.
        return "close" if (closer and not opener and is_open) else "open"
    if glyph in "\u201d\u301e":
        # ” closes unless it plainly opens: 'everybody goes, ”Well, maybe…”'.
        return "open" if (opener and not closer and not is_open) else "close"
    if glyph in "\u00ab\u00bb":
        return "close" if is_open else "open"
    # Straight (or an unknown glyph): context first, then alternation.
    if opener and not closer:
        return "open"
    if closer and not opener:
        return "close"
    return "close" if is_open else "open"
