"""Words the transcriber added (docs/VERDICT-POLICY.md): a transcriber's
bracketed note on a word ("[sic]", "[ph]") that a quote leaves out is minor,
and noted, like the transcriber's bracketed words.

The alignment masks these notes (they are no spoken words), so a quote that
leaves one out used to read as verbatim, with nothing telling the reader the
transcript marked the word.
"""

from __future__ import annotations

import re

# "[sic]" (as said), "[ph]" / "[phonetic]" (spelled as heard); White House
# Markdown escapes the closing bracket ("[sic\\]").
_WORD_NOTE = re.compile(r"\\?\[\s*(?:sic|ph|phonetic)\s*\\?\]", re.I)


def word_notes(between: str) -> list[str]:
    """The transcriber's word notes in the text between two spoken words.

    Real cases: Psaki's briefing of 23 February 2022 ("He will continue to
    engaze \\[sic\\] clo- — engage") and Jean-Pierre's of 31 October 2023
    ("record prifits \\[sic\\] — profits") mark a misspoken word; a quote that
    prints the words around such a note without it leaves the note out.

    >>> word_notes(" \\\\[sic\\\\] — "), word_notes(" [sic] "), word_notes(" [ph] ")
    (['[sic]'], ['[sic]'], ['[ph]'])
    >>> word_notes(", ")
    []
    """
    return [re.sub(r"[\s\\]", "", m.group(0)).lower() for m in _WORD_NOTE.finditer(between)]
