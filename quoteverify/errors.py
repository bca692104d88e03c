"""Errors a user can act on, and the documented exit codes."""

from __future__ import annotations

from ._display import escape_controls

EXIT_OK = 0  # no quote at or above --fail-on
EXIT_FINDINGS = 1  # some quote at or above --fail-on
EXIT_USAGE = 2  # bad arguments, or an article that cannot be read
EXIT_INTERNAL = 3  # a bug in quoteverify: the message says so


class InputError(Exception):
    """An input that cannot be used, said in one line that names it and the cause.

    ``str(err)`` is the whole message, e.g.
    ``article 'notes.bin': binary content, not text``.
    """

    def __init__(self, what: str, ref: str, cause: str) -> None:
        self.what = what
        self.ref = ref
        self.cause = cause
        # Printed on stderr, where a CI runner also reads workflow commands and a
        # terminal obeys escapes: a file name or URL holding a line break or ESC
        # is shown escaped.
        super().__init__(f"{what} '{escape_controls(ref)}': {escape_controls(cause)}")
