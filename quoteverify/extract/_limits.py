"""The extractor's numbers, each with the reason it has the value it has.

``ExtractLimits`` sits beside ``quoteverify.thresholds.Thresholds`` (the verdict
stage's numbers): one frozen table instead of bare literals in the rules.  The
fragment length is shared with the verdict stage and read from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quoteverify.thresholds import DEFAULT


@dataclass(frozen=True)
class ExtractLimits:
    # A quotation of at most this many words is a fragment when attributed and a
    # scare quote when not: 20,000 “terrorists” / ‘Russian NATO’.  The verdict
    # stage judges fragments by the same number, so it is read from there.
    fragment_max_words: int = field(default=DEFAULT.fragment_max_words)
    # A term after "called", "the word", "the book" is a name or title, not
    # speech, up to this length (titles run longer than fragments: the
    # "Rock ’n’ Roll Heart" album, the "Winning the AI Race" plan).
    term_max_words: int = 8
    # A quoted term between the writer's adjective and its noun is the writer's
    # modifier up to this length, longer than a fragment: its nonsensical
    # “diversity, equity, and inclusion” measures (4 words, White House 2025-11-05
    # and 2026-01-20); a speaker's clause runs longer and ends before no noun.
    adjective_modifier_max_words: int = 6
    # The writer's words between an attributed quotation and quoted words in the
    # next sentence that carry its speaker on (``next-sentence``): a short subject
    # and verb ("Inflation-adjusted gas prices “…”", 2025-06-30); a longer sentence
    # is the writer's own and may quote anyone (the corpus: book titles in a
    # nominee's biography, a bill's purpose after a senator's words).
    next_sentence_max_words: int = 8
    # Words between "which"/"what" and the subject a relative clause's naming verb
    # has: modifiers of the name ("which self-described MAGA Republican
    # Representative Lauren Boebert called", 2023-11-29; "which extreme Congressional
    # Republicans like Representative Lauren Boebert called", 2023-10-16).
    relative_subject_words: int = 5
    # How far before the opening mark "called"/"the word"/"chants of" is looked
    # for: the guard word is always within the last few words before the mark.
    guard_lookback: int = 40
    # A Title Case quotation mid-sentence with no speaker is a title up to this
    # many words (on “Meet the Press”); longer Title Case text is a headline
    # only when it is linked.
    title_max_words: int = 8
    # A plain-text article's first line is its headline when it has no sentence
    # punctuation and at most this many words (news headlines run 6–16 words).
    headline_max_words: int = 20
    # A quotation in headline style under a label is another outlet's headline
    # from this many words: "EURACTIV: “Poroshenko asks Obama for weapons, obtains
    # blankets”" (7); shorter labelled words are a post or a slogan.
    headlinese_min_words: int = 5
    # The tail of a paragraph read to see whether it ends in a colon: blanked
    # markup ("**…:**") leaves trailing spaces, never more than this.
    colon_tail: int = 80
    # Paragraphs before a round-up's "Here are the key moments:" read for the lede
    # that names whose moments they are: the lede, and a figure between.
    roundup_lede_paras: int = 3
    # A list lead-in is looked for at most this many list items above the item.
    list_max_items: int = 15
    # A header that names the speakers of the list below it ("Special Envoy Steve
    # Witkoff on State of the Union") is short; a longer line is prose.
    list_header_max_words: int = 16
    # An organisation alone as a statement's header ("Accenture", "Alliance of
    # Community Health Plans") is a name, not a line of prose; the statement names
    # it again in its first sentences.
    org_header_max_words: int = 6
    org_header_reach: int = 200
    # A "Promises Made, Promises Kept" list names whose promises they are once, in
    # its lead-in; the 2025-11-05 list runs 59 promises, with their "PROMISE KEPT"
    # paragraphs and topic headers, over some 150 paragraphs.
    promise_lookback_paras: int = 200
    # "the crowd broke into a chorus of": the noun phrase of who chants stands
    # within this many characters before the mark.
    chant_who_lookback: int = 160
    # "“Lock him up” from the crowd": the crowd is named within this many
    # characters after the mark.
    chant_from_window: int = 80
    # The writer's words between the two halves of a split quotation (“Q1,” said
    # captain Ivo Maric, the club's vice-president, “Q2”) stay under this length.
    split_gap_max: int = 120
    # Entities (names, organisations) looked back over when a surname or role
    # noun is resolved: bounds the cost per quotation on long documents.
    entity_lookback: int = 200
    # Sentences a person stays the salient antecedent of "he"/"she" without
    # being named again.
    salience_sentences: int = 12
    # A quotation left open at the end of a line is joined with a closing mark at
    # most this many lines on, in texts with one sentence a line: the longest
    # quotations in such news run to four or five sentences.
    open_lines: int = 6
    # Writer's words read after a closing mark for its cue ("“Q,” the Russian
    # Foreign Ministry said in a statement on Friday"): attributions after a
    # quotation are short; the cap bounds the cost per quotation.
    # An unclosed quotation ends before a writer's sentence whose cue stands
    # within this many characters of its start, close to its subject ("Italian
    # media, for their part, said"); a cue deep in a long sentence is more often
    # inside a clause of the speech.
    writer_cue_reach: int = 90
    after_window: int = 400
    # Words between the mark and a cue after it: "“Q,” the union's regional
    # organiser for the north-west said" – more is a sentence of its own.
    after_cue_max_words: int = 20
    # A label before a colon ("Parsons Corporation Chair, President, and CEO
    # Carey Smith:") is short; longer lead-ins are sentences, read for a cue.
    label_max_words: int = 12
    # The whole lead-in a label may take, asides included.
    label_lead_max_words: int = 20
    # A "What they are saying" label that is a titled or full name with the offices
    # it holds runs longer: "Peggy Shepard, Co-Chair of the White House Environmental
    # Justice Advisory Council and Co-Founder and Executive Director of WE ACT for
    # Environmental Justice:" (2023-04-22) is 24 words.
    label_roster_max_words: int = 40
    # Lower-case words beyond "of", "the", "and"… such a label may hold: "former
    # deputy national intelligence officer for the Near East" (2023-10-20) has five.
    roster_lowercase_max: int = 5
    # A participle cue ("…, saying: “Q”") sits right before the mark.
    participle_reach: int = 40
    # The subject of an absolute construction ("with one poster writing") is a
    # short noun phrase right before the participle.
    absolute_reach: int = 80
    # A whole sentence that is a lead-in ("Secretary Chris Wright said.") is
    # short; a long one is the writer's paragraph.
    lead_sentence_max_words: int = 40
    # Characters at a phrase's end searched for a role/organisation noun: the
    # longest noun with its modifiers fits.
    noun_tail: int = 70
    # Characters before a cue read for trailing auxiliaries ("had also", "has
    # since"): three short words.
    aux_reach: int = 30
    # A coordinated verb's "and"/"but" sits right before the cue.
    coord_reach: int = 12
    # A coordinated verb's subject is looked for within this many characters
    # ("The ministry rejected the claim and said").
    coord_subject_reach: int = 200
    # People named before a pronoun that are tried as its antecedent.
    pronoun_candidates: int = 50
    # A heading is short: a paragraph wholly in marks up to this many words
    # ("“Russia comes to help”"), and the tail of a quoted headline after its
    # colon up to ``headline_tail_max_words``.
    heading_max_words: int = 12
    headline_tail_max_words: int = 16
    # A sentence start is looked for at most this far back: bounds the cost in
    # a one-paragraph article (1 MB of text without a blank line).
    sentence_window: int = 1500


LIMITS = ExtractLimits()
