"""``quoteverify library add|list|search|info|remove``: the library as a user
sees it.  Output is plain text on stdout (list, search, info) and one-line
messages on stderr; errors are ``InputError`` (exit 2)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .errors import EXIT_OK, EXIT_USAGE, InputError
from .grammar import plural
from .library import Entry, LibraryError, LibrarySet, open_library
from .library_people import Person
from .library_pg import redacted_url

if TYPE_CHECKING:
    from ._fetch import Fetcher

MAX_NAMES = 4  # speakers shown per document in a list line


def add(where: str, refs: Sequence[str], fetcher: Fetcher) -> int:
    shown = redacted_url(where)  # a database URL's password is never printed
    try:
        with open_library(where, create=True) as lib:
            stats = lib.add_paths(refs, fetcher=fetcher)
            total = len(lib)
    except LibraryError as exc:
        raise InputError("library", exc.ref, exc.reason) from None
    for ref, reason in stats.errors:
        print(f"quoteverify: skipped '{ref}': {reason}", file=sys.stderr)
    print(
        f"quoteverify: {shown}: {stats.added} added, {plural(stats.duplicates, 'duplicate')}, "
        f"{stats.unchanged} unchanged, {len(stats.errors)} skipped; "
        f"{plural(total, 'document')}",
        file=sys.stderr,
    )
    return EXIT_OK


def remove(where: str, documents: Sequence[str]) -> int:
    missing = []
    try:
        with open_library(where) as lib:
            for doc in documents:
                try:
                    gone = lib.remove(doc)
                except KeyError:
                    missing.append(doc)
                    continue
                print(f"quoteverify: removed {', '.join(gone) or doc}", file=sys.stderr)
    except LibraryError as exc:
        raise InputError("library", exc.ref, exc.reason) from None
    for doc in missing:
        print(f"quoteverify: '{doc}': no such document in {redacted_url(where)}", file=sys.stderr)
    return EXIT_USAGE if missing else EXIT_OK


def _open(specs: Sequence[str]) -> LibrarySet:
    try:
        return LibrarySet.open(specs)
    except LibraryError as exc:
        raise InputError("library", exc.ref, exc.reason) from None


def _names(e: Entry) -> str:
    names = [x for x in (*e.authors, *e.labels) if x != "Q"]
    shown = ", ".join(names[:MAX_NAMES])
    more = len(names) - MAX_NAMES
    return shown + (f" +{more}" if more > 0 else "") if names else "-"


def list_documents(specs: Sequence[str], speaker: str | None) -> int:
    with _open(specs) as libs:
        entries = libs.entries(speaker)
    entries.sort(key=lambda e: (e.day is None, e.day or "", e.title or "", e.hash))
    for e in entries:
        where = e.url or (e.refs[0] if e.refs else "")
        print(f"{e.hash[:12]}  {e.day or '????-??-??'}  {e.title or '(untitled)'}")
        print(f"              speakers: {_names(e)}; {where}")
    print(f"quoteverify: {plural(len(entries), 'document')}", file=sys.stderr)
    return EXIT_OK


def search(
    specs: Sequence[str],
    quote: str,
    speaker: str | None,
    near: str | None,
    window: int | None,
    k: int,
) -> int:
    with _open(specs) as libs:
        found = libs.candidates(
            quote, Person(speaker) if speaker else None, k, near=near, window=window
        )
        entries = {e.hash: e for e in libs.entries()} if found else {}
        hints = _similar_speakers(libs, speaker) if speaker and not found else []
    for c in found:
        e = entries.get(c.hash)
        print(f"{c.score:5.1f}  {c.hash[:12]}  {c.date or '????-??-??'}  {c.title or c.ref}")
        if e is not None:
            print(f"              speakers: {_names(e)}; {c.url or c.ref}")
    if not found:
        who = f" of {speaker}" if speaker else ""
        when = f" near {near}" if near else ""
        print(f"quoteverify: no document{who}{when} holds these words", file=sys.stderr)
    if hints:
        print(f"quoteverify: speaker names in the library like it: {', '.join(hints)}",
              file=sys.stderr)  # fmt: skip
    return EXIT_OK


def _similar_speakers(libs: LibrarySet, speaker: str) -> list[str]:
    """A PostgreSQL library knows the speaker names nearest a miss (pg_trgm):
    a misspelt name is then one glance away.  SQLite libraries offer none."""
    near: list[str] = []
    for lib in libs.libraries:
        similar = getattr(lib, "similar_speakers", None)
        if similar is not None:
            near.extend(n for n in similar(speaker) if n not in near)
    return near


def info(specs: Sequence[str], document: str | None) -> int:
    with _open(specs) as libs:
        if document is not None:
            for lib in libs.libraries:
                try:
                    e = lib.entry(document)
                except KeyError:
                    continue
                _print_entry(e)
                return EXIT_OK
            raise InputError("document", document, "not in the library")
        for lib in libs.libraries:
            s = lib.summary()
            span = f"{s.first_day} to {s.last_day}" if s.first_day else "no dates"
            print(
                f"{lib.name}: {plural(s.documents, 'document')} "
                f"({plural(s.refs, 'ref')}), {span}"
                + (f", {s.undated} undated" if s.undated else "")
            )
            top = [f"{name} ({n})" for name, n in s.speakers if name != "Q"][:10]
            print(f"  speakers: {', '.join(top) if top else '-'}")
    return EXIT_OK


def _print_entry(e: Entry) -> None:
    print(f"hash:     {e.hash}")
    print(f"title:    {e.title or '(untitled)'}")
    print(f"date:     {e.day or 'unknown'}")
    print(f"url:      {e.url or '-'}")
    print(f"authors:  {', '.join(e.authors) or '-'}")
    print(f"speakers: {', '.join(e.labels) or '-'}")
    for ref in e.refs:
        print(f"ref:      {ref}")
