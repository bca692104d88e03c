"""Every number that turns an alignment into a verdict, in one place.

See docs/THRESHOLDS.md for how each value was chosen.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    # Quotes of at most this many words are "fragments" ("terrorists",
    # "global terrorism"): judged by exact presence only.
    fragment_max_words: int = 3
    # Quotes of at most this many words are "short": absent phrases of this
    # length score 80-85 by chance (docs/THRESHOLDS.md, measurements), so a fuzzy match
    # needs the stricter evidence below.
    short_max_words: int = 12
    # Lowest word-level score (0-100) for "diverged" on a quote longer than
    # short_max_words; below it the quote is "not_found".
    diverged_min_score: float = 50.0
    # ... and the longest run of consecutive identical words it must share.
    diverged_min_run: int = 3
    # The same two for short quotes (5-12 words).
    short_diverged_min_score: float = 70.0
    short_diverged_min_run: int = 4
    # ... or, below that score: a short quote that differs from the passage
    # by at most short_diverged_max_edits edit (one word or phrase replaced,
    # added or dropped), pairs at least this fraction of its words (and at
    # least short_diverged_min_run of them) in order, keeps diverged_min_run
    # in a row and scores at least diverged_min_score.  "They paid a $10
    # million settlement." for "They paid $10 million settlement" pairs 5 of
    # 6 words in one edit but its longest run is 3.
    short_diverged_min_matched: float = 2 / 3
    short_diverged_max_edits: int = 1
    # A quote the scores above call not found is still "diverged" (a close
    # paraphrase in quotation marks, shown with its passage) when at least
    # this share of its content words, and at least paraphrase_min_words of
    # them, stand in order in one passage of the speaker's own turn
    # (verdict/_paraphrase.py).
    paraphrase_min_share: float = 0.6
    # A quote called not found whose whole sentences holding at least this
    # share of its words stand in one passage of the speaker is "diverged":
    # the other sentences were added (verdict/_whole_sentence.py, kept_runs).
    added_sentences_min_share: float = 0.5
    # A string is an English word when wordfreq gives it at least this Zipf
    # frequency (about once per million words); then a one-letter change to
    # another such word is a different word, not a spelling variant
    # (verdict/_spelling.py).
    word_min_zipf: float = 3.0
    # Another speaker's turn of at most this many words between two turns of
    # one speaker is a brief interjection: a quote that runs its sentence on
    # across it is one passage (minor, noted), not stitched
    # (verdict/_interjection.py).
    interjection_max_words: int = 12
    paraphrase_min_words: int = 2
    # An ellipsis may leave out at most this many source words within one
    # turn and still be an honest elision; more, or across a turn/gap, and
    # the quote is "stitched".
    elision_max_words: int = 60
    # Unmarked stitching: a run of at least this many quote words, and at
    # least this fraction of the quote, left unmatched by the main alignment
    # is searched on its own.
    stitch_min_run_words: int = 5
    stitch_min_run_fraction: float = 0.25
    # The separately found run must score at least this (0-100) to count as
    # a second passage, and lie at least this many words from the first;
    # closer, it is an omission within one passage ("diverged").
    stitch_part_min_score: float = 80.0
    stitch_min_distance: int = 20
    # A shorter unmatched run is searched too when it is a whole sentence of
    # the quote of at least this many words, and then only for its exact,
    # unique occurrence in the source: "It is trench warfare. This war is
    # horrific." joins a 4-word sentence said 30 lines later.
    stitch_min_sentence_words: int = 4
    # A spelling variant (theater/theatre, Tokaev/Tokayev) is one word whose
    # letters differ by at most this fraction of its length (at least 1 edit),
    # for words of at least spelling_min_length letters.
    spelling_max_edit_fraction: float = 0.3
    spelling_min_length: int = 5
    # A proper name (capitalised mid-sentence in the source, and in the
    # quote) of at least name_spelling_min_length letters may differ by up to
    # name_spelling_max_edits letters and still be a misspelling: "McCane"
    # for "McCain" (2 of 6).  Common words keep the rule above: "These" for
    # "Three" opens a sentence, so it is not taken for a name.
    name_spelling_max_edits: int = 2
    name_spelling_min_length: int = 6
    # A match in the named speaker's own turn is preferred over a better one
    # elsewhere if it scores at most this many points lower.
    speaker_preference_margin: float = 5.0
    # Score cost of a minor difference, per word (an exact match is 100).
    minor_word_cost: float = 0.25
    # Search effort: candidate windows run through edlib per quote part,
    # postings above which a trigram is too common to vote, and the largest
    # source (in words) the whole-document fallback will scan.
    max_windows: int = 4
    max_postings: int = 2000
    fallback_weak_fraction: float = 0.5
    fallback_max_tokens: int = 5_000_000


DEFAULT = Thresholds()
