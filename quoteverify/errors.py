"""The exception family and the documented exit codes (docs/ERRORS.md).

Every exception quoteverify raises on purpose derives from ``QuoteverifyError``,
in one of five kinds: input (``InputError``, with configuration as
``ConfigError`` beneath it), fetch (``FetchError``), source (``SourceError``)
and internal (``InternalError``).  ``str()`` of each is one line.  The
concrete classes live beside the code that raises them (``ConfigError`` in
``config``, ``CacheError`` in ``_cache`` …); docs/ERRORS.md lists them all.

Only the input kind reaches the command line on purpose: the other kinds are
turned, where they happen, into an ``InputError`` naming what the user gave
(the article, the cache, the library) or into a source with ``status="error"``.
``exit_code`` is the one place that maps an exception to the exit code.
"""

from __future__ import annotations

from ._display import escape_controls, safe_line

EXIT_OK = 0  # no quote at or above --fail-on
EXIT_FINDINGS = 1  # some quote at or above --fail-on
EXIT_USAGE = 2  # bad arguments, or an article that cannot be read
EXIT_INTERNAL = 3  # a bug in quoteverify: the message says so
EXIT_INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report it


class QuoteverifyError(Exception):
    """Base of every error quoteverify raises on purpose; ``str()`` is one line."""


class InputError(QuoteverifyError):
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


class FetchError(QuoteverifyError):
    """A URL that could not be fetched; ``str()`` is the one-line cause."""


class SourceError(QuoteverifyError):
    """A document (a source, a library of them, or the article's own bytes)
    that cannot be read or used; ``str()`` is the one-line cause."""


class InternalError(QuoteverifyError):
    """quoteverify found its own invariant broken: a bug, never the input's fault."""


def exit_code(exc: BaseException) -> int:
    """The exit code for an exception that reached the command line.

    An ``InputError`` (a ``ConfigError`` included) is the user's to fix: 2.
    Every other kind is handled where it happens, so one that gets this far is
    a bug, like any exception quoteverify does not define: 3.

    >>> exit_code(InputError("article", "a.md", "no such file"))
    2
    >>> exit_code(FetchError("HTTP 404 Not Found")), exit_code(KeyError("q1"))
    (3, 3)
    >>> exit_code(KeyboardInterrupt())
    130
    """
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(exc, InputError):
        return EXIT_USAGE
    return EXIT_INTERNAL


def error_line(exc: BaseException) -> str:
    """What the command line prints on stderr for ``exc`` (one line).

    >>> error_line(InputError("option", "--jobs", "must be 1 or more"))
    "quoteverify: error: option '--jobs': must be 1 or more"
    >>> error_line(ZeroDivisionError("division by zero"))
    'quoteverify: internal error: ZeroDivisionError: division by zero (please report this)'
    """
    code = exit_code(exc)
    if code == EXIT_INTERRUPTED:
        return "quoteverify: interrupted"
    if code == EXIT_USAGE:
        return f"quoteverify: error: {exc}"
    return (
        f"quoteverify: internal error: {type(exc).__name__}: {safe_line(str(exc))} "
        "(please report this)"
    )
