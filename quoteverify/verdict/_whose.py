"""Whose words a source holds: the quote's speaker against a source's turn labels.

The source's title first (``label_matches``), then the user's aliases and the
table of office holders by the source's date (``_speakers``); a speaker printed
with a description or jointly is matched by the persons it names.  Remembered
per source (``PreparedSource.memo``): the same few labels are asked about per quote.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

from quoteverify.align import PreparedSource, label_matches
from quoteverify.models import Note, Quote, QuoteResult
from quoteverify.verdict import _speakers


# ---------------------------------------------------------------------------
def _speaks_in(quote: Quote, ps: PreparedSource) -> bool:
    """Could ``ps`` hold the quote's speaker's words at all?

    Yes when a transcript turn is theirs, or when the title or the opening of
    the source names them ("Statement by the Russian Foreign Ministry").
    """
    sp = quote.speaker
    if sp is None:
        return True  # nobody named: any source may hold the words
    if sp.type in ("group", "unknown"):
        # "officials", "experts": any unlabelled text may be theirs, but a
        # transcript's turns belong to the named people speaking in it.
        return not ps.turns
    # Asked for every quote not found: once per source and speaker, not a
    # walk over every label of a 16 MB transcript per quote.
    key = ("speaks", _speaker_key(quote))
    found = ps.memo.get(key)
    if found is None:
        found = ps.memo[key] = _speaks_in_uncached(quote, ps)
    return bool(found)


def _speaks_in_uncached(quote: Quote, ps: PreparedSource) -> bool:
    sp = quote.speaker
    assert sp is not None  # _speaks_in returned early
    for label in ps.labels:
        if _label_ok(label, quote, ps)[0]:
            return True
    head = f"{ps.title or ''}\n{ps.source.text[:2000]}".lower()
    # "Joe Biden and Jill Biden (statement)": each person named, by last name.
    for name in _speakers.person_names(sp.name) or [sp.name]:
        words = [w for w in name.split() if w.lower() not in ("the", "of", "and")]
        key = words[-1].lower() if sp.type == "person" and words else " ".join(words).lower()
        if key and key in head:
            return True
    office = _speakers.titled_office(ps.title)
    if office is None:
        return False
    # "Statement from the President on Passover" (2021-03-26): the office's
    # holder on the source's date wrote it.
    table = [t for t in _speakers.office_holders() if t.office == office]
    return _speakers.holds_office(_bare_name(sp.name), _source_date(ps), table)


def _bare_name(name: str) -> str:
    """``name`` without the office words an article prints before it.

    >>> _bare_name("President Biden"), _bare_name("Press Secretary Karine Jean-Pierre")
    ('Biden', 'Karine Jean-Pierre')
    >>> _bare_name("Joe Biden"), _bare_name("President")
    ('Joe Biden', 'President')
    """
    words = name.split()
    while len(words) > 1 and words[0].lower() in _TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


# Words of an office an article prints before a name ("President Biden").
_TITLE_WORDS = frozenset("the president vice first lady press secretary of state former".split())


def _source_date(ps: PreparedSource) -> str | None:
    """The source's date (ISO), read once per source."""
    date = ps.memo.get("date", _NO_DATE)
    if date is _NO_DATE:
        date = ps.memo["date"] = _speakers.source_date(ps.source.text, ps.title, ps.source.date)
    return date  # type: ignore[return-value]  # stored by this function only


def _heading(ps: PreparedSource) -> str | None:
    """The source's title, then its opening heading lines (``_speakers.opening_heading``):
    what a role label is resolved from, the title first."""
    heading = ps.memo.get("heading", _NO_DATE)
    if heading is _NO_DATE:
        first = ps.turns[0].label_start if ps.turns else 0
        end = ps.norm.orig_span(0, first)[1] if first else 0
        opening = _speakers.opening_heading(ps.source.text[:end][:1500])
        heading = ps.memo["heading"] = " | ".join(x for x in (ps.title, opening) if x) or None
    return heading  # type: ignore[return-value]  # stored by this function only


def _labels(ps: PreparedSource) -> Iterator[str]:
    """The source's turn labels, read only if ``label_matches`` needs them
    (a family-name-first match: is "Scott Bessent" also "SECRETARY BESSENT"?)."""
    return iter(ps.labels)  # distinct labels: the matcher asks "is any other label ..."


def _not_theirs(quote: Quote, sources: Sequence[PreparedSource]) -> QuoteResult:
    held = []
    for ps in sources:
        who = ps.memo.get("others")
        if who is None:
            labels = sorted({lab for lab in ps.labels if lab != "Q"})
            who = ps.memo["others"] = ", ".join(labels) if labels else (ps.title or "others")
        held.append(f"{ps.source.ref} ({who})")
    name = quote.speaker.name if quote.speaker else "the speaker"
    note = f"no source of {name}'s words was given; the sources hold others' words: " + "; ".join(
        held
    )
    return QuoteResult(quote=quote, verdict="unverifiable", notes=(Note("no-source", note),))


def _is_labelled(quote: Quote, ps: PreparedSource) -> bool:
    """Does a turn label of ``ps`` name the quote's speaker?"""
    sp = quote.speaker
    if sp is None:
        return False
    # Once per source and speaker, not per candidate passage: every label of
    # the source is matched against the speaker.
    key = ("labelled", _speaker_key(quote))
    found = ps.memo.get(key)
    if found is None:
        labels = sorted({lab for lab in ps.labels if lab != _speakers.QUESTION_LABEL})
        found = _speakers.speaker_is_labelled(_label_ok(lab, quote, ps)[0] for lab in labels)
        ps.memo[key] = found
    return bool(found)


def _not_a_questioner(quote: Quote, ps: PreparedSource) -> bool:
    """Is the quote's speaker known not to have asked a ``Q`` turn of ``ps``?

    A labelled speaker of the source (a ``Q`` turn is someone else), and the
    holder of an office in the table on the source's date, or a role noun
    ("The President said"): the policy's anonymous questioner is a
    *questioner* the article names, and the President is no reporter at his
    press secretary's briefing.  Real cases: a reporter's "All I know is that
    other countries seem to be making them available for — in greater
    quantities, for less money" (Psaki's briefing of 2021-12-06) credited to
    Biden passed verbatim "asked by an unnamed questioner".
    """
    if _is_labelled(quote, ps):
        return True
    sp = quote.speaker
    if sp is None:
        return False
    if _speakers.role_office(sp.name) is not None:
        return True
    return _speakers.holds_office(_bare_name(sp.name), _source_date(ps), _speakers.office_holders())


def _speaker_key(quote: Quote) -> tuple[object, ...]:
    """What ``_label_ok`` reads of a quote: its speaker and the user's aliases."""
    sp = quote.speaker
    aliases: Mapping[str, str] = getattr(quote, "aliases", {})
    who = None if sp is None else (sp.name, sp.title, sp.type)
    return (who, tuple(sorted(aliases.items())))


_NO_DATE = object()  # not yet read (None is "the source has no date")


def _label_ok(label: str, quote: Quote, ps: PreparedSource) -> tuple[bool | None, Note | None]:
    """Is the turn label ``label`` the quote's speaker?  (True / False / None, note).

    The source's title first (``label_matches``); then the user's aliases and
    the table of office holders by the source's date (``_speakers``), with a
    ``label-mapped`` note saying how.  A role-noun speaker ("The President
    said") is resolved the same way, never taken as a surname "PRESIDENT".
    """
    sp = quote.speaker
    if sp is None:
        return None, None
    # A pure function of the label, the speaker, the aliases and the source:
    # remembered per source, as the same few labels are asked about per quote.
    key = ("label", label, _speaker_key(quote))
    hit = ps.memo.get(key)
    if hit is None:
        hit = ps.memo[key] = _label_ok_uncached(label, quote, ps)
    return hit  # type: ignore[return-value]  # stored by this function only


def _label_ok_uncached(
    label: str, quote: Quote, ps: PreparedSource
) -> tuple[bool | None, Note | None]:
    sp = quote.speaker
    assert sp is not None  # _label_ok returned early
    # "Thomas Bright (resident)" is Thomas Bright; "Joe Biden and Kamala
    # Harris" is either of them (``_speakers.person_names``).
    names = _speakers.person_names(sp.name) or [sp.name]
    if names == [sp.name]:
        return _label_ok_name(label, sp.name, quote, ps)
    hits = [_label_ok_name(label, n, quote, ps) for n in names]
    for want in (True, None):
        for hit in hits:
            if hit[0] is want:
                return hit
    return hits[0]


def _label_ok_name(
    label: str, name: str, quote: Quote, ps: PreparedSource
) -> tuple[bool | None, Note | None]:
    """``_label_ok`` for one person ``name`` the quote's speaker names; a
    misspelt label ("THE PRESIDNET") as the label it misspells
    (``_speakers.misspelt_label``), noted."""
    hit = _label_ok_spelt(label, name, quote, ps)
    if hit[0] is True:
        return hit
    # A property of the label alone: once per source, not per speaker asked.
    key = ("misspelt", label)
    meant = ps.memo.get(key, _NO_DATE)
    if meant is _NO_DATE:
        meant = ps.memo[key] = _speakers.misspelt_label(label, _label_counts(ps))
    if meant is None:
        return hit
    ok, how = _label_ok_spelt(meant, name, quote, ps)
    note = f"{label} read as {meant} (a misspelt label)"
    if how is not None:
        note += f"; {how}"
    return ok, Note("label-mapped", note)


def _label_counts(ps: PreparedSource) -> dict[str, int]:
    """How many turns each label of ``ps`` heads (once per source)."""
    counts = ps.memo.get("label-counts")
    if counts is None:
        counts = ps.memo["label-counts"] = Counter(t.label for t in ps.turns)
    return counts  # type: ignore[return-value]  # stored by this function only


def _label_ok_spelt(
    label: str, name: str, quote: Quote, ps: PreparedSource
) -> tuple[bool | None, Note | None]:
    """``_label_ok_name`` for the label as spelt."""
    sp = quote.speaker
    assert sp is not None  # _label_ok returned early
    aliases: Mapping[str, str] = getattr(quote, "aliases", {})
    office = _speakers.role_office(name)
    date = ps.memo.get("date", _NO_DATE)
    if date is _NO_DATE:
        date = ps.memo["date"] = _speakers.source_date(ps.source.text, ps.title, ps.source.date)
    title = _speakers.role_title(name) if office is None else None
    if title is not None:
        # "The Secretary said" in a source whose labels carry that title; in
        # one where none does, who is meant cannot be told from the labels,
        # and the surname rule below stays as strict as it was.
        by_title = _speakers.title_label_matches(title, label, ps.labels)
        if by_title is not None:
            return by_title, None
    if office is not None:
        key = " ".join(label.split()).upper()
        if _speakers.ROLE_OFFICES.get(key) == office:
            return True, None  # "the President said" and a THE PRESIDENT: turn
        who = _speakers.holder(office, date, _speakers.office_holders())
        if who is None:
            return (False if key == _speakers.QUESTION_LABEL else None), None
        name = who
    ok = label_matches(label, name, sp.title, _heading(ps), _labels(ps))
    if ok is None:
        found = _speakers.resolve_label(label, date, aliases, _speakers.office_holders())
        if found is not None:
            person, how = found
            note = Note("label-mapped", f"{label} mapped to {person} ({how})")
            return _speakers.same_person(person, name), note
    return ok, None
