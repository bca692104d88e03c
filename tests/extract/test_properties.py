"""Property tests: any text, however its marks are (un)balanced, extracts cleanly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteverify.extract import extract_quotes
from quoteverify.models import Article

MARKS = list("“”\"„«»‹›「」『』‘’'‚")
WORDS = [
    "Smith",
    "said",
    "he",
    "the",
    "ministry",
    "told",
    "reporters",
    "Jane",
    "Doe",
    "we",
    "will",
    "win",
    "according",
    "to",
    ",",
    ".",
    ":",
    "—",
    "**",
    "President",
    "officials",
    "say",
    "added",
    "don’t",
    "’90s",
    "\n",
    "\n\n",
    "(",
    ")",
    '[x](http://a.b/"c)',
]

tokens = st.lists(
    st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS), st.text(min_size=1, max_size=6)),
    max_size=80,
)


def _check(text: str, headings: tuple[tuple[int, int], ...] = ()) -> None:
    quotes = extract_quotes(Article("p", text, "text", headings=headings))
    prev_end = -1
    for i, q in enumerate(quotes):
        assert q.id == f"q{i + 1}"
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        # Reading order, no overlap: nested quotations are not reported separately.
        assert q.start >= prev_end
        prev_end = q.end
        assert q.kind in ("quote", "fragment", "scare", "heading")
        if not q.closed:
            assert any("never closed" in n for n in q.notes)
        if q.speaker is not None:
            sp = q.speaker
            assert 0 <= sp.start <= sp.end <= len(text)
            assert text[sp.start : sp.end] == sp.mention
            assert sp.type in ("person", "organization", "group", "unknown")
        if q.kind == "heading":
            assert q.speaker is None


@settings(max_examples=300, deadline=None)
@given(tokens)
def test_token_soup_never_raises(parts: list[str]) -> None:
    _check(" ".join(parts))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(MARKS + list("ab Z.,:\n")), max_size=120))
def test_mark_soup_never_raises(text: str) -> None:
    _check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.integers(0, 50), st.integers(0, 50))
def test_any_unicode_with_headings(text: str, a: int, n: int) -> None:
    a = min(a, len(text))
    _check(text, ((a, min(len(text), a + n)),))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.characters(
                blacklist_categories=("Cs",), blacklist_characters="“”\"„«»‹›「」『』‘’'‚"
            ),
            min_size=1,
            max_size=40,
        ),
        min_size=1,
        max_size=5,
    )
)
def test_balanced_quotes_are_found(sentences: list[str]) -> None:
    # Each quote has closing marks and plain content: every one is found, closed,
    # with exactly its content (modulo leading/trailing whitespace at paragraph ends).
    bodies = [s.replace("\n", " ").strip() or "x" for s in sentences]
    text = " and ".join(f"“{b}”" for b in bodies)
    quotes = extract_quotes(Article("p", text, "text"))
    assert [q.text for q in quotes] == bodies
    assert all(q.closed for q in quotes)
