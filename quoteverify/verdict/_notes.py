"""What a verdict says: the notes of a diff's changes, the matched passage as a
``Match``, and the speaker rules that turn the words' verdict into
``misattributed`` or ``unverifiable`` (``_judged``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from quoteverify.align import PreparedSource, is_number, moved_words, source_word
from quoteverify.models import DiffOp, Match, Note, Quote, Verdict
from quoteverify.verdict import _speakers
from quoteverify.verdict._inflection import is_inflection
from quoteverify.verdict._passage import _Placement, _SourceVerdict
from quoteverify.verdict._whose import _is_labelled
from quoteverify.verdict._words import is_minor


def _lines(ps: PreparedSource, pms: list[_Placement]) -> list[int]:
    return [ps.line_of(ps.orig_span(p.a, p.b)[0]) for p in pms]


def _make_match(ps: PreparedSource, idx: int, pms: list[_Placement], score: float) -> Match:
    spans = [ps.orig_span(p.a, p.b) for p in pms]
    text = ps.source.text
    if len(spans) == 1:
        s, e = spans[0]
        mtext = text[s:e]
    else:
        s, e = min(sp[0] for sp in spans), max(sp[1] for sp in spans)
        mtext = " […] ".join(text[a:b] for a, b in spans)
    before, _ = ps.context(spans[0][0], spans[0][1])
    _, after = ps.context(spans[-1][0], spans[-1][1])
    return Match(
        source_index=idx,
        text=mtext,
        start=s,
        end=e,
        score=score,
        speaker=pms[0].label,
        context_before=before,
        context_after=after,
        line=ps.line_of(s),
        parts=tuple(spans) if len(spans) > 1 else (),
    )


def _edge_numbers(pms: Sequence[_Placement], ps: PreparedSource) -> dict[int, str]:
    """The source's number word just outside a passage, by the ``id`` of the
    passage's end op that adds a number word in its place.

    The passage fit may stop a word short of a changed number at the quote's
    end ("revenue of $1.8 million" against "revenue of $1.8 billion."): the
    replacement and the added word cost the same, so the diff shows "million"
    added, and the note must still name what it replaced ("'billion' →
    'million'"), not "added 'million'".  The diff, the score and the span are
    the fit's.
    """
    out: dict[int, str] = {}
    n = ps.n_tokens
    for p in pms:
        ops = p.wd.ops
        if not ops:
            continue
        for o, i in ((ops[-1], p.b), (ops[0], p.a - 1)):
            if (
                o.op == "insert"
                and "number" in o.flags
                and "moved" not in o.flags
                and 0 <= i < n
                and not ps.has_barrier(i, i + 1)
                and is_number(ps.core(i))
                and ps.key(i) not in o.quote.lower().split()
            ):
                out[id(o)] = source_word(ps, i)
    return out


def _diff_notes(ops: list[DiffOp], beside: Mapping[int, str] | None = None) -> list[Note]:
    """The notes of the diff's changes.  ``beside``: ``_edge_numbers``."""
    notes: list[Note] = []
    moved = moved_words(ops)
    if moved:
        notes.append(Note("reordered", "reordered: " + ", ".join(f"'{w}'" for w in moved)))
    for flag in ("number", "negation", "modal"):
        for o in ops:
            if flag not in o.flags or o.op == "equal" or "ellipsis" in o.flags:
                # A marked omission's words are named in its own note.
                continue
            was = (beside or {}).get(id(o)) if flag == "number" else None
            if was is not None:
                notes.append(Note(flag, f"{flag} changed: '{was}' → '{o.quote}'"))
                continue
            text = f"{flag} changed: '{o.source}' → '{o.quote}'"
            notes.append(Note(flag, text.replace("'' → ", "added ").replace(" → ''", " dropped")))
    for o in ops:
        # "promise" -> "promised": within the spelling tolerance, but the tense
        # (or number: "threat" -> "threats") changed; say so, as for a modal.
        if o.op == "replace" and not o.flags and _one_word_inflection(o):
            notes.append(Note("inflection", f"inflection changed: '{o.source}' → '{o.quote}'"))
    for o in ops:
        # ``_police``: an apostrophe that changes number or owner
        # ("officer's" -> "officers") or turns "we're"/"I'll" into "were"/"ill".
        if o.op == "replace" and o.flags == ("apostrophe",):
            # (The note code of a changed number or tense: no code of its own.)
            notes.append(
                Note(
                    "inflection",
                    f"apostrophe: '{o.source}' → '{o.quote}' is another word "
                    "(number, owner or tense changed)",
                )
            )
    for o in ops:
        if "inaudible" in o.flags:
            notes.append(
                Note(
                    "inaudible",
                    f"'{o.quote}' stands where the source marks words not heard "
                    "([inaudible]): it cannot be confirmed there",
                )
            )
    if any("bracket" in o.flags for o in ops):
        notes.append(Note("bracket", "square-bracket insertion: marked by the writer"))
    for o in ops:
        # Only ``_brackets.bracket_substitutes_word`` flags a bracket "word".
        if o.op == "replace" and o.flags == ("bracket", "word"):
            notes.append(
                Note(
                    "bracket",
                    f"square-bracket '[{o.quote}]' stands for the speaker's "
                    f"'{o.shown_source}': it names no referent (a word changed)",
                )
            )
        # Only ``_brackets.bracket_changes_claim`` flags an added bracket "word".
        if o.op == "insert" and o.flags == ("bracket", "word"):
            notes.append(
                Note(
                    "bracket",
                    f"square-bracket insertion '[{o.quote}]' adds a negation, a condition "
                    "or a number's bound: it changes what was said (a word added)",
                )
            )
        # Only ``_brackets.bracket_repeats_word`` gives an added word "word".
        if o.op == "insert" and o.flags == ("word",):
            notes.append(
                Note(
                    "bracket",
                    f"square-bracket insertion '[{o.quote}]' repeats a word printed just "
                    "before it: it names no referent and clarifies nothing (a word added)",
                )
            )
    notes.extend(_minor_notes(ops))
    return notes


# What each minor flag means, for the note that says what differs (policy "minor").
_MINOR_NOTES = {
    "transcriber": "the transcriber's [bracketed] words printed or left out",
    "sic": "the transcriber's [sic] or [ph] left out, in",
    "disfluency": "disfluency removed",
    "contraction": "contraction or full form",
    "spelling": "spelling",
    "case": "capitalisation",
    "punctuation": "punctuation",
}


def _minor_notes(ops: list[DiffOp]) -> list[Note]:
    """One note per kind of minor change, naming up to three of its words."""
    by: dict[str, list[str]] = {}
    for o in ops:
        if not o.flags or not is_minor(o):
            continue
        for f in o.flags:
            if f in _MINOR_NOTES:
                one = o.op == "delete" or f == "sic"  # the source's words alone
                pair = f"'{o.source}'" if one else f"'{o.source}' → '{o.quote}'"
                if f == "transcriber" and o.op == "equal":
                    pair = _printed_brackets(o)
                by.setdefault(f, []).append(pair)
    out = []
    for f, what in _MINOR_NOTES.items():
        if f in by:
            pairs = by[f]
            more = f" (+{len(pairs) - 3} more)" if len(pairs) > 3 else ""
            # "sic" is one of the transcriber's additions: one documented code.
            code = "transcriber" if f == "sic" else f
            out.append(Note(code, f"{what}: " + ", ".join(pairs[:3]) + more))
    return out


def _printed_brackets(o: DiffOp) -> str:
    """The note's words for the transcriber's bracketed words a quote printed.

    An equal run holds them, so "'source' → 'quote'" read as no change at
    all: Psaki's reading of Senator Scott, "is to [making] — is to keep making
    progress" (2021-05-20), fit with the quote's "making" on the bracketed
    one, was noted "'making' → 'making'"; the Markdown escape (a backslash)
    before the closing bracket is the source file's, not the transcriber's.

    A long equal run names only its bracketed words: Jean-Pierre's "too many
    areas <s>in</s> [of] the economy" (2022) printed with "in".

    >>> _printed_brackets(DiffOp("equal", "making", "making", ("transcriber",), "making",
    ...                          "[making" + chr(92) + "]"))
    "'[making]' printed"
    >>> _printed_brackets(DiffOp("equal", "in a recession", "in a recession", ("transcriber",),
    ...                          "", "in [a] recession"))
    "'[a]' printed"
    """
    shown = o.shown_source.replace(chr(92), "")
    inside = _BRACKETED.findall(shown)
    return f"'{' '.join(inside) if inside else shown}' printed"


_BRACKETED = re.compile(r"\[[^\[\]]*\]|<s>[^<]*</s>")


def _one_word_inflection(o: DiffOp) -> bool:
    q, src = o.quote.lower().strip(".,;:!?\"'"), o.source.lower().strip(".,;:!?\"'")
    if " " in q or " " in src or not (q.isalpha() and src.isalpha()):
        return False
    return is_inflection(q, src)


def _unmapped_label(pms: list[_Placement], quote: Quote, ps: PreparedSource) -> Note | None:
    """The policy's last rule: words found only under a label that no title,
    date or alias maps to a person (a bare role label, an anonymous
    official's) are unverifiable, never misattributed or passed.

    Also when another label of the source is the speaker's: an unmapped label
    may be theirs too ("PRESIDENT BIDEN:" and "THE PRESIDENT:" in one
    transcript; an official on the record, then on background), or someone
    else's: Douglas Emhoff's "I've known Julie a long, long time" under a
    bare "THE SECOND GENTLEMAN:" passed as Joe Biden's (remarks by President
    Biden and Vice President Harris at a campaign event, Wilmington,
    2024-07-22).  A role-noun speaker ("The President") that nothing resolves
    maps no label either (``_speakers.unresolved_role_speaker``)."""
    sp = quote.speaker
    if sp is None or sp.type != "person":
        return None
    for p in pms:
        code = p.speaker_note.code if p.speaker_note is not None else None
        if _speakers.unresolved_role_speaker(sp.name, p.label, p.label_ok, code):
            return Note(
                "unmapped",
                f"the words stand under {p.label}, and nothing in the source (no title, "
                f"date or --speaker-alias) says who {sp.name} is: they cannot be checked "
                "as that person's words",
            )
        if not _speakers.unmapped_role_label(p.label, p.label_ok, code):
            continue
        what = (
            f"{p.label}, an anonymous official's label that nothing maps to a person"
            if _speakers.unnamed_official(p.label)
            else f"{p.label}, which nothing maps to a person"
        )
        end = (
            f"they cannot be checked as {sp.name}'s words"
            if _is_labelled(quote, ps)
            else f"no words of {sp.name} in the sources given"
        )
        return Note(
            "unmapped",
            f"the words stand under {what} (no title, date or --speaker-alias names them): {end}",
        )
    return None


def _misattribution(pms: list[_Placement], quote: Quote) -> str | None:
    """Why the words are not the quoted speaker's, or None."""
    sp = quote.speaker
    if sp is None:
        return None
    for p in pms:
        if p.label_ok is False:
            who = "a reporter's question (Q)" if p.label == "Q" else p.label
            return f"misattributed: the words are {who}'s, not {sp.name}'s".replace(
                "(Q)'s", "(Q)"
            ).replace("are a reporter", "are from a reporter")
        if p.quoted and p.label_ok is not False:
            return (
                f"misattributed: in {p.label}'s turn the words are in quotation marks "
                "(the speaker was quoting someone else)"
            )
    return None


_FRAGMENT_ABSENT = Note("nearest", "fragment: the exact words are not in the source")


_NO_PASSAGE = Note("nearest", "no passage of the source shares these words")


def _ambiguous(ps: PreparedSource, pms: list[_Placement]) -> Note:
    lines = sorted(set(_lines(ps, pms)))
    return Note(
        "ambiguous",
        f"ambiguous: the words occur {len(pms)} times (lines {', '.join(map(str, lines))})",
    )


def _judged(
    verdict: Verdict,
    score: float,
    ops: list[DiffOp],
    notes: list[Note],
    pms: list[_Placement],
    quote: Quote,
    ps: PreparedSource,
    idx: int,
) -> _SourceVerdict:
    """The words' ``verdict`` with the diff's notes, or "misattributed" when
    a passage is someone else's turn or a quotation within the speaker's."""
    notes.extend(_diff_notes(ops, _edge_numbers(pms, ps)))
    notes.extend(n for p in pms for n in p.extra_notes)
    notes.extend(p.speaker_note for p in pms if p.speaker_note)
    notes.extend(p.mapped for p in pms if p.mapped and p.label_ok)
    unmapped = _unmapped_label(pms, quote, ps)
    if unmapped is not None:
        notes.insert(0, unmapped)
        notes.append(Note("unmapped", f"the words themselves: {verdict}"))
        return _SourceVerdict("unverifiable", score, _make_match(ps, idx, pms, score), ops, notes)
    mis = _misattribution(pms, quote)
    if mis is not None:
        notes.insert(0, Note("misattributed", mis))
        notes.append(Note("misattributed", f"the words themselves: {verdict}"))
        verdict = "misattributed"
    return _SourceVerdict(verdict, score, _make_match(ps, idx, pms, score), ops, notes)
