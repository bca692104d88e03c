"""``_lazyre.lazy``: a pattern compiled on first use answers as ``re.compile`` would."""

from __future__ import annotations

import re

from quoteverify._lazyre import lazy

TEXT = "Blinken said on Friday, and Psaki said: “No.” Then BLINKEN SAID it again."


def span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return m.span() if m else None


def test_answers_as_the_compiled_pattern() -> None:
    for pattern, flags in ((r"(?P<who>[A-Z]\w+) said", 0), (r"\bsaid\b", re.I)):
        eager, lazy_ = re.compile(pattern, flags), lazy(pattern, flags)
        assert lazy_.pattern == eager.pattern
        for pos in (0, 3, 40):
            assert span(lazy_.search(TEXT, pos)) == span(eager.search(TEXT, pos))
            assert span(lazy_.match(TEXT, pos)) == span(eager.match(TEXT, pos))
        assert span(lazy_.fullmatch(TEXT, 0, 12)) == span(eager.fullmatch(TEXT, 0, 12))
        assert [m.span() for m in lazy_.finditer(TEXT)] == [m.span() for m in eager.finditer(TEXT)]
        assert lazy_.findall(TEXT) == eager.findall(TEXT)
        assert lazy_.sub("-", TEXT) == eager.sub("-", TEXT)

        def upper(m: re.Match[str]) -> str:
            return m.group(0).upper()

        assert lazy_.subn(upper, TEXT) == eager.subn(upper, TEXT)
        assert lazy_.split(TEXT, 1) == eager.split(TEXT, 1)
        assert lazy_.flags == eager.flags and lazy_.groupindex == eager.groupindex
        assert lazy_.groups == eager.groups


def test_compiles_on_first_use_only() -> None:
    broken = lazy(r"(unbalanced")  # a mistake would surface on use, not at import
    assert broken.pattern == "(unbalanced"
    try:
        broken.search("x")
    except re.error:
        pass
    else:  # pragma: no cover
        raise AssertionError("compiled an invalid pattern")
    ok = lazy(r"said")
    assert ok._compiled is None
    assert ok.search(TEXT) is not None
    # Later calls go straight to the compiled pattern's own method.
    assert ok.search == ok.compiled().search
