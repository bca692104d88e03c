"""The one-line messages of CI findings say what changed, whose words, which source."""

from __future__ import annotations

from quoteverify.models import DiffOp, Match, Note, Quote, QuoteResult, Source, Speaker
from quoteverify.report import describe_diff, finding_message

SRC = (Source(ref="briefing.txt", status="ok", text="..."),)
BIDEN = Speaker(name="Joe Biden", mention="Biden", start=0, end=5)


def result(verdict: str, notes: tuple[str, ...] = (), diff: tuple[DiffOp, ...] = ()) -> QuoteResult:
    q = Quote(id="q1", text="we will not raise taxes on anyone", start=0, end=10, speaker=BIDEN)
    m = Match(source_index=0, text="...", start=0, end=3, score=90.0, speaker="Q")
    return QuoteResult(quote=q, verdict=verdict, score=90.0, match=m, notes=notes, diff=diff)  # type: ignore[arg-type]


def test_misattributed_names_the_real_speaker_from_the_verdict() -> None:
    r = result(
        "misattributed",
        (
            Note(
                "misattributed",
                "misattributed: the words are from a reporter's question (Q), not Joe Biden's",
            ),
        ),
    )
    assert finding_message(r, SRC) == (
        '"we will not raise taxes on anyone": the words are from a reporter\'s question (Q), '
        "not Joe Biden's, in briefing.txt"
    )


def test_speaker_quoting_someone_else() -> None:
    note = Note(
        "misattributed",
        "misattributed: in THE PRESIDENT's turn the words are in quotation marks "
        "(the speaker was quoting someone else)",
    )
    msg = finding_message(result("misattributed", (note,)), SRC)
    assert "quoting someone else" in msg and "\n" not in msg


def test_diverged_lists_the_changes() -> None:
    diff = (
        DiffOp("equal", "we will", "we will"),
        DiffOp("replace", "not", "never", ("negation",)),
        DiffOp("insert", "raise", ""),
        DiffOp("delete", "", "ever"),
    )
    assert describe_diff(diff) == "'never'→'not' (negation), added 'raise', dropped 'ever'"
    assert finding_message(result("diverged", diff=diff), SRC).endswith(
        "differs from Joe Biden's words in briefing.txt: 'never'→'not' (negation), "
        "added 'raise', dropped 'ever'"
    )
