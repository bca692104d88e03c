"""Transcript structure: front matter, speaker turns, stage directions, gaps.

Works on the *normalised* source text (see ``_normalize``), so curly quotes,
NBSPs and dash styles are already folded.  White House transcripts look like::

    MS. JEAN-PIERRE:  Good afternoon, everybody.

    Q    Good afternoon.

    THE PRESIDENT:  Thank you.  (Applause.)  Folks, ...
"""

from __future__ import annotations

import re
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

# Labels that name no one in particular: never grounds for "misattributed".
_GENERIC = {
    "MODERATOR", "AUDIENCE", "AUDIENCE MEMBER", "AUDIENCE MEMBERS", "PARTICIPANT",
    "OPERATOR", "AIDE", "CHILD", "STAFF", "SENIOR ADMINISTRATION OFFICIAL",
    "ADMINISTRATION OFFICIAL", "SENIOR ADMINISTRATION OFFICIAL ONE",
    "SENIOR ADMINISTRATION OFFICIAL TWO", "INTERPRETER", "NARRATOR", "VOICE",
    "PARTICIPANTS", "SPEAKER", "STUDENT", "CROWD", "ALL",
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


def label_matches(
    label: str, speaker_name: str, speaker_title: str | None, source_title: str | None
) -> bool | None:
    """Is ``label`` the speaker?  True / False / None (cannot tell).

    Surname match is the core rule: "Antony Blinken" is "SECRETARY BLINKEN",
    "MR. BLINKEN", "SECRETARY ANTONY BLINKEN".  "Q" is a reporter.  Role labels
    ("THE PRESIDENT") are resolved from the speaker's title or the transcript's
    title ("Remarks by President Biden ..." makes THE PRESIDENT Biden).
    """
    label = label.upper().strip()
    words = _simplify(speaker_name)
    if not words:
        return None
    surname = words[-1].rstrip(".")
    if label == "Q":
        return False
    if label in _GENERIC:
        return None
    if label in _ROLES:
        role = _ROLES[label]
        # The transcript's title names the role holder: "Remarks by President
        # Biden", "Remarks by Vice President Harris", "First Lady Jill Biden".
        if source_title:
            t = source_title.upper()
            pat = re.compile(r"(?<!VICE )" + role.upper() + r"\s+(?:[A-Z.]+\s+){0,2}?([A-Z\-']+)")
            holders = {m.group(1) for m in pat.finditer(t)}
            if holders:
                return surname in holders
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
    return False


def inside_quotation(norm: str, a: int, b: int, lo: int, hi: int) -> bool:
    """Is norm[a:b] inside double quotation marks opened after ``lo`` and closed before ``hi``?

    Used for "the speaker was quoting someone": Blinken saying 'as he said,
    "Russia's aggressive actions are a threat"' did not himself coin those words.
    Only double quotes count (single ones are indistinguishable from apostrophes).
    """
    before = norm.count('"', lo, a)
    if before % 2 == 0:
        return False
    return norm.find('"', b, hi) != -1
