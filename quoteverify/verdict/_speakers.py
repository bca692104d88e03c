"""Whose words a passage holds: the policy's rules on reporters' questions and
on words a speaker quotes (docs/VERDICT-POLICY.md, "misattributed").

``align`` says which turn a passage stands in and whether it is inside
quotation marks there; these rules decide what that means for the quote's
attributed speaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from rapidfuzz.distance import OSA

from quoteverify.align import anonymous_label

# The label transcripts give every reporter's question.
QUESTION_LABEL = "Q"


def question_is_anonymous(label: str, speaker_is_labelled: bool) -> bool:
    """Is a ``Q`` turn open to a quote credited by name to a questioner?

    Real case: USA Today's Joey Garrison asked "Wouldn't it be a good idea to
    just send them to all American homes?" at a Psaki briefing; articles
    credit the question to him by name, but the transcript labels it ``Q``.
    NPR's Mara Liasson, Fox's Sean Hannity (an interview transcribed as ``Q``)
    are the same case.  A ``Q`` turn is anonymous: unless the credited person
    is known not to be a questioner there (``speaker_is_labelled``: a
    labelled speaker of the source, or an office holder of its date, see
    ``holds_office``; then a ``Q`` turn is someone else), the words are
    judged on their wording.

    >>> question_is_anonymous("Q", speaker_is_labelled=False)
    True
    >>> question_is_anonymous("Q", speaker_is_labelled=True)
    False
    >>> question_is_anonymous("MS. PSAKI", speaker_is_labelled=False)
    False
    """
    return label.strip().upper() == QUESTION_LABEL and not speaker_is_labelled


def speaker_is_labelled(matches: Iterable[bool | None]) -> bool:
    """Does some turn label of the source name the speaker (a ``True`` match)?

    >>> speaker_is_labelled([None, False, True])
    True
    >>> speaker_is_labelled([None, False])
    False
    """
    return any(m is True for m in matches)


def question_note() -> str:
    """The note a quote judged inside a ``Q`` turn carries.

    >>> question_note()
    'asked by an unnamed questioner (Q)'
    """
    return "asked by an unnamed questioner (Q)"


def quoted_within_note(label: str, own: bool) -> str:
    """The note for words that stand inside quotation marks in a turn.

    Real cases: Trump telling Hannity 'Elon called me. He said, "They're
    trying to drive us apart."' (the words are Trump's, quoting Musk), and
    Trump on tariffs, 'We're going to say, "Whatever you charge, we charge"'
    (his own planned words, in quotation marks).  When the quote is credited
    to the turn's speaker the words are theirs, with a note that they were
    quoting; when it is credited to someone else (the person being quoted)
    it is judged on the wording with "quoted by SPEAKER".

    >>> quoted_within_note("THE PRESIDENT", own=True)
    'THE PRESIDENT was quoting here (the words stand in quotation marks in that turn)'
    >>> quoted_within_note("SENATOR WARREN", own=False)
    'quoted by SENATOR WARREN'
    """
    if own:
        return f"{label} was quoting here (the words stand in quotation marks in that turn)"
    return f"quoted by {label}"


def quoting_turn(label: str, label_ok: bool | None, unquoted: int = 0) -> bool:
    """Are words in quotation marks in a turn labelled ``label`` quoted by its
    speaker from someone else, and so judged on their wording?

    Yes when the turn is another identified person's (``label_ok`` False), and
    also when nobody can tell whose the turn is (None) under a label that
    names no person: a background call's "SENIOR ADMINISTRATION OFFICIAL:"
    reading someone's words.  Real cases: such an official reading the UN
    Secretary-General's call to "immediately end hostilities without
    preconditions and seize the opportunity to negotiate a lasting ceasefire"
    (call on Ethiopia, 2021-09-17), quoted by the White House with the words
    credited to António Guterres; and officials reading Prime Minister
    Bennett's "Joe Biden is a true friend of Israel" (call of 2021-08-25) and
    Biden's "When I think of climate, I think of good jobs" (call of
    2021-10-30).  These were misattributed ("the speaker was quoting someone
    else"), though the policy judges them on the wording with "quoted by
    SPEAKER".  A role label that nothing mapped ("THE PRESIDENT:" with no
    title or date) stays as it was: its own rule (``unmapped_role_label``)
    says the words cannot be checked.

    >>> quoting_turn("SENIOR ADMINISTRATION OFFICIAL", None), quoting_turn("MS. PSAKI", False)
    (True, True)
    >>> quoting_turn("THE PRESIDENT", None), quoting_turn("MS. PSAKI", True)
    (False, False)

    Only the words inside the marks are the quoted person's: ``unquoted``
    words of the passage outside them are the turn's speaker's own, and a
    quote that runs on into them is not the quoted person's (mostly inside is
    enough to say the speaker was quoting, not to credit the rest).  Real
    cases: Biden quoting Reagan's "… two things that set us apart in much of
    the world." and going on "Little did I think I'd be quoting Donald Trump"
    (building trades conference, 2023-04-25), printed as Reagan's or Trump's;
    a reporter's "When the President says, “We will hunt you down and make
    you pay,” what does that look like?" (Psaki's briefing, 2021-08-27).

    >>> quoting_turn("THE PRESIDENT", False, unquoted=6)
    False
    """
    if unquoted:
        return False
    if label_ok is False:
        return True
    key = " ".join(label.split()).upper()
    return label_ok is None and key not in ROLE_OFFICES


# --- who a role label or a role noun is ---------------------------------------------

# Transcript labels and article role nouns that name an office, not a person.
ROLE_OFFICES: dict[str, str] = {
    "THE PRESIDENT": "president",
    "THE VICE PRESIDENT": "vice president",
    "THE FIRST LADY": "first lady",
    "THE PRESS SECRETARY": "press secretary",
    "THE SECRETARY OF STATE": "secretary of state",
}
# The words an article uses for a role-noun speaker ("The President said").
_ROLE_NOUNS: dict[str, str] = {
    "president": "president",
    "the president": "president",
    "vice president": "vice president",
    "the vice president": "vice president",
    "first lady": "first lady",
    "the first lady": "first lady",
    "press secretary": "press secretary",
    "the press secretary": "press secretary",
    "the white house press secretary": "press secretary",
    "secretary of state": "secretary of state",
    "the secretary of state": "secretary of state",
}
_ISO_DATE = re.compile(r"^date:\s*['\"]?(\d{4}-\d{2}-\d{2})", re.M)
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_TITLE_DATE = re.compile(
    r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r")\s+(\d{1,2}),\s+(\d{4})\b"
)


@dataclass(frozen=True)
class OfficeTerm:
    office: str
    name: str
    start: str  # ISO date, inclusive
    end: str  # ISO date, exclusive; "" while in office
    source: str


@cache
def office_holders() -> tuple[OfficeTerm, ...]:
    """The package's table of office holders (quoteverify/data/office_holders.tsv)."""
    text = (files("quoteverify") / "data" / "office_holders.tsv").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")]
    return tuple(OfficeTerm(*r) for r in rows[1:])


def holder(office: str, date: str | None, table: Iterable[OfficeTerm]) -> str | None:
    """Who held ``office`` on ``date`` (ISO), or None.

    Real case: Trump's remarks at a ceremony titled only by the occasion
    ("Remarks at the National Prayer Breakfast"), labelled "THE PRESIDENT:",
    dated 2025-02-06.

    >>> t = office_holders()
    >>> holder("president", "2025-02-06", t), holder("press secretary", "2022-05-05", t)
    ('Donald Trump', 'Jen Psaki')
    >>> holder("president", None, t) is None
    True
    """
    if not date:
        return None
    for term in table:
        if term.office == office and term.start <= date and (not term.end or date < term.end):
            return term.name
    return None


def source_date(text: str, title: str | None, date: str | None = None) -> str | None:
    """The ISO date of a source: the loader's ``date`` (``Source.date``, read from
    the front matter before it was stripped), a ``date:`` line still in the
    text, else a date in its title.

    >>> source_date("---\\ndate: '2023-10-10'\\n---\\n", None)
    '2023-10-10'
    >>> source_date("", "Press Briefing by Press Secretary Jen Psaki, May 5, 2022")
    '2022-05-05'
    >>> source_date("THE PRESIDENT:  Thank you.", "Remarks at a Campaign Reception", "2024-05-12")
    '2024-05-12'
    """
    if date:
        return date
    m = _ISO_DATE.search(text[:2000])
    if m:
        return m.group(1)
    t = _TITLE_DATE.search(title or "")
    if t:
        month = _MONTHS.index(t.group(1).lower()) + 1
        return f"{t.group(3)}-{month:02d}-{int(t.group(2)):02d}"
    return None


def opening_heading(opening: str) -> str:
    """The heading lines a transcript opens with, before its first speaker
    label, each line kept apart (`` | ``) so that a name is read from one line.

    The policy maps labels "from the source's own title and opening": a
    transcript copied without its page title still says who speaks in its
    first lines, as the White House's do ("REMARKS BY PRESIDENT TRUMP / AFTER
    AIR FORCE ONE ARRIVAL / Asheville Regional Airport", 2025-01-24; "REMARKS
    BY PRESIDENT TRUMP AT THE WORLD ECONOMIC FORUM", 2025-01-23).  Front
    matter, times ("11:07 A.M. EST") and sentences are not headings.

    >>> opening_heading("REMARKS BY PRESIDENT TRUMP\\n\\nAFTER AIR FORCE ONE ARRIVAL\\n\\n"
    ...                 "Asheville Regional Airport\\n\\n11:07 A.M. EST\\n\\n")
    'REMARKS BY PRESIDENT TRUMP | AFTER AIR FORCE ONE ARRIVAL | Asheville Regional Airport'
    >>> opening_heading("---\\ntitle: x\\n---\\nToday, President Biden announced a plan.\\n")
    ''
    """
    lines: list[str] = []
    fence = False
    for raw in opening.splitlines():
        line = " ".join(raw.split())
        if line == "---":
            fence = not fence
            continue
        if fence or not line or ":" in line or len(line) > 100 or line[-1] in ".?!,;":
            continue
        lines.append(line)
        if len(lines) == 6:
            break
    return " | ".join(lines)


def holds_office(name: str, date: str | None, table: Iterable[OfficeTerm]) -> bool:
    """Did ``name`` hold one of the table's offices on ``date`` (ISO)?

    Such a person is no reporter: a ``Q`` turn of a source of that date is not
    theirs, whoever the article says asked it (see ``question_is_anonymous``).

    >>> t = office_holders()
    >>> holds_office("Joe Biden", "2021-12-06", t), holds_office("Joe Biden", "2025-06-01", t)
    (True, False)
    >>> holds_office("Peter Doocy", "2021-12-06", t), holds_office("Joe Biden", None, t)
    (False, False)
    """
    if not date:
        return False
    return any(
        same_person(t.name, name) and t.start <= date and (not t.end or date < t.end) for t in table
    )


_AUTHORED = re.compile(
    r"^\s*(statement|joint statement|message|letter|proclamation|remarks|op-ed)s?\b"
    r"[^|]*?\b(from|of|by)\b",
    re.I,
)


def authored_title(title: str | None) -> bool:
    """Does a source's title say whose words the whole text is ("Statement
    from Vice President Harris on …", "Statement of President Joe Biden and
    First Lady Jill Biden on …")?  A text with no turns holds its author's
    words; a page titled otherwise ("Port", "Fact Sheet: …") says nothing of
    whose words it quotes.

    >>> authored_title("Statement from Vice President Harris on the Passing of Cecil Williams")
    True
    >>> authored_title("Fact Sheet: President Biden Announces New Actions"), authored_title(None)
    (False, False)
    """
    return bool(title and _AUTHORED.match(title))


_TITLED_OFFICE = re.compile(
    r"^(?:joint )?(?:statement|message|letter|proclamation|remarks)s? (?:from|by|of) "
    r"the (?:white house )?(vice president|first lady|press secretary|secretary of state|"
    r"president)\b(?! of\b)(?! and\b)"
)


def titled_office(title: str | None) -> str | None:
    """The office a title names as its author without a name ("Statement from
    the President on Passover", 2021-03-26; "Statement by the Press Secretary
    on Steve Dettelbach's Confirmation Hearing", 2022-05-25), or None.

    >>> titled_office("Statement from the President on\xa0Passover")
    'president'
    >>> titled_office("Statement by the Vice President on the Passing of Senator Feinstein")
    'vice president'
    >>> titled_office("Statement from President Joe Biden on Passover"), titled_office(None)
    (None, None)
    >>> titled_office("Statement by the President of Mexico") is None  # not the table's office
    True
    """
    if not title:
        return None
    m = _TITLED_OFFICE.match(" ".join(title.split()).lower())
    return m.group(1) if m else None


def role_office(name: str) -> str | None:
    """The office a role-noun speaker names ("The President" -> "president"), or None.

    The label matcher used to take "PRESIDENT" for a surname: 34 of 50
    "The President said" quotes in one library test were misattributed.

    >>> role_office("The President"), role_office("Joe Biden")
    ('president', None)
    """
    return _ROLE_NOUNS.get(" ".join(name.lower().split()))


# Titles a transcript label carries before a name ("SECRETARY BLINKEN:",
# "GOVERNOR STEIN:", "PRIME MINISTER MODI:"), which an article may use alone
# as the speaker ("the Secretary said").
_LABEL_TITLES = frozenset(
    {
        "secretary",
        "deputy secretary",
        "governor",
        "senator",
        "mayor",
        "ambassador",
        "admiral",
        "general",
        "attorney general",
        "chancellor",
        "minister",
        "prime minister",
        "foreign minister",
        "administrator",
        "director",
        "representative",
        "congressman",
        "congresswoman",
    }
)


def role_title(name: str) -> str | None:
    """The label title a role-noun speaker names ("The Secretary" -> "SECRETARY"), or None.

    Real cases: State Department readers' "the Secretary said" for Blinken's
    words under "SECRETARY BLINKEN:" (press availabilities), and "the
    governor" for Stein's under "GOVERNOR STEIN:" (Trump's Asheville
    briefing, 2025): the label matcher took "SECRETARY" for a surname and
    called the words misattributed.

    >>> role_title("The Secretary"), role_title("the governor"), role_title("the Prime Minister")
    ('SECRETARY', 'GOVERNOR', 'PRIME MINISTER')
    >>> role_title("Antony Blinken") is None, role_title("the president") is None
    (True, True)
    """
    words = " ".join(name.lower().split())
    if words.startswith("the "):
        words = words[4:]
    return words.upper() if words in _LABEL_TITLES else None


def title_label_matches(title: str, label: str, labels: Iterable[str]) -> bool | None:
    """Is ``label`` the role-noun speaker with label title ``title``?

    True for a label carrying the title ("SECRETARY BLINKEN"); False for
    another label when some label of the source carries it (the role's holder
    is identified, and this is someone else); None when none does (who "the
    governor" is cannot be told from this source).

    >>> labels = ["SECRETARY BLINKEN", "MR. PRICE", "Q"]
    >>> [title_label_matches("SECRETARY", lab, labels) for lab in labels]
    [True, False, False]
    >>> title_label_matches("GOVERNOR", "THE PRESIDENT", ["THE PRESIDENT", "Q"]) is None
    True
    """

    def carries(lab: str) -> bool:
        return (" ".join(lab.split()).upper() + " ").startswith(title + " ")

    if carries(label):
        return True
    return False if any(carries(lab) for lab in labels) else None


def parse_aliases(items: Iterable[str]) -> dict[str, str]:
    """``LABEL=NAME`` items (``--speaker-alias``) as {LABEL (upper case): NAME}.

    >>> parse_aliases(["The President=Joe Biden", "MODERATOR = Lester Holt"])
    {'THE PRESIDENT': 'Joe Biden', 'MODERATOR': 'Lester Holt'}
    """
    out: dict[str, str] = {}
    for item in items:
        label, sep, name = item.partition("=")
        if not sep or not label.strip() or not name.strip():
            raise ValueError(f"speaker alias {item!r} is not LABEL=NAME")
        out[" ".join(label.split()).upper().rstrip(":")] = " ".join(name.split())
    return out


def same_person(a: str, b: str) -> bool:
    """Do two full names name one person (same last name word)?

    >>> same_person("Joe Biden", "Joe Biden Jr."), same_person("Jill Biden", "Joe Biden")
    (True, False)
    >>> same_person("Karine Jean-Pierre", "Jean-Pierre")
    True
    """
    wa = [w for w in re.split(r"[\s,]+", a.lower().replace(".", "")) if w not in _SUFFIXES]
    wb = [w for w in re.split(r"[\s,]+", b.lower().replace(".", "")) if w not in _SUFFIXES]
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    # Same last name: a first name given on both sides must agree too (Jill / Joe Biden).
    return (
        len(wa) == 1
        or len(wb) == 1
        or wa[0][:1] == wb[0][:1]
        and (wa[0] == wb[0] or len(wa[0]) <= 2 or len(wb[0]) <= 2)
    )


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", ""})


def resolve_label(
    label: str,
    date: str | None,
    aliases: Mapping[str, str],
    table: Iterable[OfficeTerm],
) -> tuple[str, str] | None:
    """(person, how) for a label the source's title did not resolve, or None.

    >>> resolve_label("THE PRESIDENT", "2025-02-06", {}, office_holders())
    ('Donald Trump', 'office holder on 2025-02-06')
    >>> resolve_label("MODERATOR", None, {"MODERATOR": "Lester Holt"}, ())
    ('Lester Holt', 'speaker alias')
    """
    key = " ".join(label.split()).upper().rstrip(":")
    if key in aliases:
        return aliases[key], "speaker alias"
    office = ROLE_OFFICES.get(key)
    if office:
        who = holder(office, date, table)
        if who:
            return who, f"office holder on {date}"
    return None


def unmapped_role_label(label: str | None, label_ok: bool | None, note_code: str | None) -> bool:
    """Do a passage's words stand under a role label that nothing maps to a person?

    ``label_ok`` is None both for a label nobody resolved and for a turn whose
    words are judged on their wording although it is someone else's (the
    ``quoted-within`` and ``question-turn`` rules clear a False).  Only the
    first is unmapped.  Real cases: Biden quoting Reagan ("The United States
    has a special responsibility to itself and the world to meet its
    obligations") in "Remarks by President Biden at North America's Building
    Trades Unions" (2023-04-25), and quoting Trump ("A lot of people liked it
    when I said I'll be a dictator on day one") at a Medina, WA reception
    (2024-05-12): the title maps THE PRESIDENT to Biden, the Reagan and Trump
    quotes are "quoted by THE PRESIDENT", and reading the cleared False as
    "maps to no one" made them unverifiable.

    >>> unmapped_role_label("THE PRESIDENT", None, None)
    True
    >>> unmapped_role_label("THE PRESIDENT", None, "quoted-within")
    False
    >>> unmapped_role_label("MS. JEAN-PIERRE", None, None)
    False
    >>> unmapped_role_label("THE PRESIDENT", False, None)
    False
    >>> unmapped_role_label("SENIOR ADMINISTRATION OFFICIAL", None, None)
    True
    >>> unmapped_role_label("THE SECOND GENTLEMAN", None, None)
    True
    >>> unmapped_role_label("SENIOR ADMINISTRATION OFFICIAL", None, "quoted-within")
    False
    """
    key = " ".join((label or "").split()).upper()
    if label_ok is not None or note_code in _JUDGED_ON_WORDING:
        return False
    return key in _ROLE_LABELS or unnamed_official(key)


def unresolved_role_speaker(
    speaker: str, label: str | None, label_ok: bool | None, note_code: str | None
) -> bool:
    """Is ``speaker`` a role noun ("The President") that nothing resolved for
    this turn, so that its words cannot be checked as the speaker's?

    A role noun is resolved through the source's title, its opening heading,
    its date and the office-holder table; a transcript copied without its
    page (no title, no date) leaves every other label "cannot tell", and
    those turns passed as the role holder's.  Real cases, each White House
    transcript copied without its front matter: Jake Sullivan's "We have not
    heard from North Korea." under "MR. SULLIAN:" (gaggle en route Los
    Angeles, 2022-06-08) and Vice President Harris's "The first second
    gentleman of the United States." under "THE VICE PRESIDENT:" (campaign
    event, Wilmington, 2024-07-22), both verbatim as "the President's".

    >>> unresolved_role_speaker("The President", "MR. SULLIVAN", None, None)
    True
    >>> unresolved_role_speaker("The President", "MR. SULLIVAN", None, "quoted-within")
    False
    >>> unresolved_role_speaker("Joe Biden", "MR. SULLIVAN", None, None)
    False
    >>> unresolved_role_speaker("The President", None, None, None)
    False
    """
    if label is None or label_ok is not None or note_code in _JUDGED_ON_WORDING:
        return False
    return role_office(speaker) is not None


def unnamed_official(label: str | None) -> bool:
    """Is ``label`` an anonymous official's, whom no source names
    (``align.anonymous_label``)?  Words under it are nobody's the policy can
    check: never the named speaker's, never another identified person's.

    Real cases: "we're very excited about this visit", a senior administration
    official's words on the call previewing Prime Minister Bennett's visit
    (2021-08-25), passed as Naftali Bennett's; and on the call on Venezuela
    (2021-03-08) an official's "the only outcome of this crisis is a
    negotiation that leads to a democratic solution" passed as Joe Biden's,
    the label being read as "may be anyone, the speaker included".

    >>> unnamed_official("SENIOR ADMINISTRATION OFFICIAL"), unnamed_official("FBI OFFICIAL")
    (True, True)
    >>> unnamed_official("MS. PSAKI"), unnamed_official(None), unnamed_official("Q")
    (False, False, False)
    """
    return bool(label) and anonymous_label(label or "")


# The rules that clear a turn's False because its words are judged on their wording.
_JUDGED_ON_WORDING = frozenset({"quoted-within", "question-turn"})


# --- the people a printed speaker name stands for -------------------------------------

_DESCRIBED = re.compile(r"^(.+?)\s*\(([^()]*)\)\s*$")
_JOINT = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*|,\s*)", re.I)
# Lower-case words inside a person's name ("Sohail al Shaer", "Ursula von der Leyen").
_PARTICLES = frozenset("al el bin ibn de da di del der den van von la le du dos".split())


def _is_name(text: str) -> bool:
    words = text.replace(".", "").split()
    return bool(words) and all(w[:1].isupper() or w.lower() in _PARTICLES for w in words)


def person_names(name: str) -> list[str]:
    """The people a speaker as printed names: a description in parentheses
    dropped, a joint attribution split into the persons it names.

    Real cases: residents credited as "Thomas Bright (resident)" and "Mona
    Nix-Roper (resident)" speak as "MR. BRIGHT:" and "MS. NIX-ROPER:" in
    Trump's Asheville remarks (2025): the description is not a name word, so
    the label matcher must not read "(resident)" as a surname.  "He and Vice
    President Kamala Harris" (Biden's remarks on Israel, 2023) and "the
    president and his team" (Biden's address of July 24, 2024) credit words
    jointly: the source's turns of any person named are theirs.  Words that
    are not a name ("aides", "the written summary") name nobody.

    >>> person_names("Thomas Bright (resident)"), person_names("Mona Nix-Roper (resident)")
    (['Thomas Bright'], ['Mona Nix-Roper'])
    >>> person_names("Joe Biden and Kamala Harris"), person_names("Joe Biden and aides")
    (['Joe Biden', 'Kamala Harris'], ['Joe Biden'])
    >>> person_names("Karine Jean-Pierre"), person_names("the written health summary")
    (['Karine Jean-Pierre'], [])
    """
    m = _DESCRIBED.match(name)
    if m and _is_name(m.group(1)):
        name = m.group(1)
    parts = [p for p in _JOINT.split(name.strip()) if p]
    return [p for p in parts if _is_name(p)]


# --- a misspelt turn label --------------------------------------------------------

# The role labels a misspelling may stand for (``ROLE_OFFICES`` and the one
# role the label matcher also reads from a title, "THE SECOND GENTLEMAN").
_ROLE_LABELS = (*ROLE_OFFICES, "THE SECOND GENTLEMAN")


def _edits(a: str, b: str, most: int) -> int:
    """Damerau–Levenshtein distance (adjacent swaps count one), capped at ``most + 1``
    (rapidfuzz's optimal string alignment, as ``align.levenshtein`` uses its
    plain distance).

    >>> _edits("PRESIDNET", "PRESIDENT", 2), _edits("SULLIAN", "SULLIVAN", 2)
    (1, 1)
    """
    return int(OSA.distance(a, b, score_cutoff=most))


def _name_typo(label: str, other: str) -> bool:
    """Is ``label`` ``other`` with one name word misspelt (same titles, one word
    of at least five letters one or two edits away, two only from seven)?

    A title that differs ("MS. GARCIA" / "MR. GARCIA", "DHS OFFICIAL" / "DOD
    OFFICIAL") may be another person: never a typo.

    >>> _name_typo("MR. SULLIAN", "MR. SULLIVAN"), _name_typo("MS. GARCIA", "MR. GARCIA")
    (True, False)
    >>> _name_typo("SECRETARY BUTTITGIEG", "SECRETARY BUTTIGIEG")
    True
    """
    a = label.replace(".", "").split()
    b = other.replace(".", "").split()
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if min(len(x), len(y)) < 5 or x in _TITLE_WORDS or y in _TITLE_WORDS:
        return False
    return _edits(x, y, 2) <= (2 if min(len(x), len(y)) >= 7 else 1)


# Words of a label's title: a label differing there names another office.
_TITLE_WORDS = frozenset(
    "MR MS MRS DR MISS THE SECRETARY PRESIDENT VICE SENATOR GOVERNOR MAYOR AMBASSADOR "
    "ADMINISTRATOR DIRECTOR ACTING CHAIR CHAIRMAN GENERAL ADMIRAL PRIME MINISTER "
    "REPRESENTATIVE SPEAKER LEADER DEPUTY OFFICIAL SENIOR MEMBER MEMBERS AUDIENCE "
    "MODERATOR OPERATOR PARTICIPANT PARTICIPANTS".split()
)


def misspelt_label(label: str, counts: Mapping[str, int]) -> str | None:
    """The label ``label`` misspells, when exactly one is near: a role label
    ("THE PRESIDENT") a letter or two away, or another label of the same
    source, said more often, with one name word misspelt; else None.

    Real cases from the White House transcripts: "THE PRESIDNET:" in Biden's
    CNN town hall with Anderson Cooper (2021-10-21) and in one more transcript,
    "THE PRESDEINT:", "THE PRESIDEN:", "HE PRESIDENT:"; "SECRETARY
    BUTTITGIEG:" (two briefings), "MR. SULLIAN:" and "MR. SULLVIAN:" for
    Jake Sullivan, "MS. JEAN-PIERE:".  The label matcher read "PRESIDNET" as a
    surname, and Biden's "I don't have a near-term answer" (town hall,
    quoted by a reporter at Psaki's briefing) became Mr. Presidnet's words:
    misattributed.  The policy maps labels to people from the source's title,
    opening and date; a label one slip away from a label those resolve is
    that label.  Two near labels are ambiguous: no mapping.

    >>> counts = {"THE PRESIDENT": 114, "THE PRESIDNET": 1, "MR. COOPER": 80, "Q": 9}
    >>> misspelt_label("THE PRESIDNET", counts), misspelt_label("HE PRESIDENT", {})
    ('THE PRESIDENT', 'THE PRESIDENT')
    >>> misspelt_label("MR. SULLIAN", {"MR. SULLIAN": 1, "MR. SULLIVAN": 30})
    'MR. SULLIVAN'
    >>> misspelt_label("MR. SULLIVAN", {"MR. SULLIAN": 1, "MR. SULLIVAN": 30}) is None
    True
    >>> misspelt_label("DHS OFFICIAL", {"DHS OFFICIAL": 1, "DOD OFFICIAL": 5}) is None
    True
    """
    key = " ".join(label.split()).upper()
    if key in _ROLE_LABELS or key == QUESTION_LABEL or len(key) < 5:
        return None
    near = {r for r in _ROLE_LABELS if _edits(key, r, 2) <= 2}
    n = counts.get(label, counts.get(key, 0))
    # A slip is rare; two labels said often are two people ("MR. JOHNSON",
    # "MR. JOHNSTON").
    for other, m in counts.items() if n <= 2 else ():
        o = " ".join(other.split()).upper()
        if o != key and m > n and _name_typo(key, o):
            near.add(other)
    return near.pop() if len(near) == 1 else None
