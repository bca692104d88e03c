"""Publication days: the article's and each library document's, as ISO days
(YYYY-MM-DD) that compare as strings.  Stdlib only: the article stage reads
them and must stay light."""

from __future__ import annotations

import re
from datetime import date

# --- dates -------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for m in names
}  # fmt: skip
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MDY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DMY = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def parse_day(value: object) -> str | None:
    """An ISO day (YYYY-MM-DD) from a date, a datetime, an ISO string or
    "March 3, 2022" / "3 March 2022"; None when it is none of those."""
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()[:10]
    if not isinstance(value, str):
        return None
    text = value.strip()
    m = _ISO.match(text)
    if m:
        return _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _MDY.search(text)
    if m and m.group(1).casefold() in _MONTHS:
        return _day(int(m.group(3)), _MONTHS[m.group(1).casefold()], int(m.group(2)))
    m = _DMY.search(text)
    if m and m.group(2).casefold() in _MONTHS:
        return _day(int(m.group(3)), _MONTHS[m.group(2).casefold()], int(m.group(1)))
    return None


def parse_day_in(text: str) -> str | None:
    """The first full date written anywhere in ``text`` ("Jan. 12, 2022",
    "12 January 2022", "2022-01-12"), as an ISO day."""
    found = []
    for pattern in (_ISO_ANY, _MDY, _DMY):
        m = pattern.search(text)
        if m:
            day = parse_day(m.group(0))
            if day:
                found.append((m.start(), day))
    return min(found)[1] if found else None


_ISO_ANY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None
