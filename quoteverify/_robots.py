"""robots.txt, read with protego and remembered per origin for one run.

Unlike a link checker we keep and quote page content, so we ask first.
protego, not urllib.robotparser: the standard library got longest-match
Allow rules and ``*.pdf$`` wildcards wrong in our measurements.

What the fetch of robots.txt itself means follows RFC 9309 §2.3.1:
4xx ("unavailable") allows everything; 5xx ("unreachable") disallows
everything.  A network failure allows, because the document fetch that
follows will fail with the real cause, which is the more useful message;
except when no connection could be made at all: then that cause is the
document's error at once (see ``RobotsVerdict.unreachable``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

MAX_ROBOTS_BYTES = 512 * 1024  # RFC 9309 asks parsers to read at least 500 KiB
# RFC 9309 §2.4: a cached robots.txt should not be used for more than 24 hours.
MAX_CACHE_AGE = 24 * 3600.0


@dataclass(frozen=True)
class RobotsVerdict:
    parser: Any | None  # a protego.Protego, or None when there are no rules
    deny_reason: str | None = None  # set when everything is disallowed
    # Set when robots.txt could not be connected to at all: the host is down,
    # and this one-line cause is the documents' error too.
    unreachable: str | None = None


ALLOW_ALL = RobotsVerdict(None)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def robots_url(url: str) -> str:
    return origin(url) + "/robots.txt"


def parse(status: int, body: bytes) -> RobotsVerdict:
    if 200 <= status < 300:
        from protego import Protego

        text = body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        return RobotsVerdict(Protego.parse(text))
    if 500 <= status < 600:
        return RobotsVerdict(None, f"robots.txt answered HTTP {status}")
    return ALLOW_ALL


def allowed(verdict: RobotsVerdict, url: str, user_agent: str) -> str | None:
    """None when ``url`` may be fetched, else the one-line reason it may not."""
    if verdict.deny_reason is not None:
        return f"disallowed by robots.txt ({verdict.deny_reason}, so nothing may be fetched)"
    if verdict.parser is None or verdict.parser.can_fetch(url, user_agent):
        return None
    return f"disallowed by robots.txt at {robots_url(url)} (use --ignore-robots to fetch it)"
