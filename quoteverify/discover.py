"""Which sources each quotation is checked against, in order of trust.

1. ``--source`` on the command line and ``sources:`` in the article's front
   matter: every quotation.
2. ``<!-- quoteverify-source URL -->`` in the article: the next quotation.
3. The config file's ``[speakers]`` table: the quotations of that speaker (see
   ``speaker_matches`` for when a name matches).
4. Links in the article, for a quotation that has none of the above: ranked by
   closeness to the quotation and by what the anchor says.

(5. The library, for a quotation still without a source, is the pipeline's.)

Pure: it only plans; the pipeline fetches.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ._fetch import is_url
from ._lazyre import lazy
from .models import UNJUDGED_KINDS, Article, Link, Quote, Speaker

MAX_LINKS_PER_QUOTE = 2
MIN_LINK_SCORE = 2.5


@dataclass(frozen=True)
class Planned:
    ref: str
    via: str  # "command line", "front matter", "pin", "config (speakers)", "link “…”"
    # False for what the article (or a configuration found in its repository)
    # names: such a local path is read only inside the repository (_localfile).
    trusted: bool = True


# Anchors that announce a primary source: "the full transcript", "in a
# statement", "she told reporters".
_ANCHOR_WORDS = lazy(
    r"\b(transcripts?|statements?|remarks|press release|release|briefing|speech|interview|"
    r"said|says|told|wrote|posted|tweet(?:ed)?|announced|testimony|letter|readout|address)\b",
    re.I,
)
_URL_WORDS = re.compile(
    r"(transcript|statement|remarks|briefing|press-release|speech|readout|testimony)", re.I
)
# Share buttons, images and feeds are never a source.
_NOT_SOURCE = lazy(
    r"(\.(?:jpe?g|png|gif|svg|webp|mp4|mp3|css|js)(?:\?|$)|/share|sharer|intent/tweet|"
    r"/subscribe|/login|/signup|/tag/|/author/|/category/|feed)",
    re.I,
)


def plan_sources(
    article: Article,
    quotes: Sequence[Quote],
    given: Sequence[str],
    *,
    follow_links: bool = True,
    speaker_sources: Mapping[str, Sequence[str]] | None = None,
    given_trusted: bool = True,
    trusted_speakers: Collection[str] | None = None,
) -> dict[str, list[Planned]]:
    """``given_trusted`` False: ``given`` came from a configuration discovered in
    the repository, not from the user.  ``trusted_speakers``: the speaker names
    whose sources the user gave (None: all of them)."""
    everywhere = [Planned(ref, "command line", given_trusted) for ref in given]
    everywhere += [Planned(ref, "front matter", False) for ref in _front_matter_refs(article)]
    judged = [q for q in quotes if q.kind not in UNJUDGED_KINDS]
    plan: dict[str, list[Planned]] = {q.id: list(everywhere) for q in judged}
    for offset, url in article.pins:
        target = next((q for q in judged if q.start >= offset), None)
        if target is not None:
            plan[target.id].append(Planned(url, "pin", False))
    if speaker_sources:
        for q in judged:
            if q.speaker is None:
                continue
            for name in speaker_matches(q.speaker, speaker_sources):
                trusted = trusted_speakers is None or name in trusted_speakers
                plan[q.id] += [
                    Planned(ref, "config (speakers)", trusted) for ref in speaker_sources[name]
                ]
    if follow_links and article.links:
        starts = _paragraph_starts(article.text)
        for q in judged:
            if plan[q.id]:
                continue
            ranked = rank_links(article, q, starts)
            plan[q.id] = [Planned(link.url, f"link “{link.text}”", False) for link in ranked]
    return {qid: _dedupe(items) for qid, items in plan.items()}


def speaker_matches(speaker: Speaker, names: Iterable[str]) -> list[str]:
    """The names of a config ``[speakers]`` table that mean this speaker, in table order.

    Names are compared ignoring case, accents, periods and a trailing Jr/Sr/II/III/IV.
    A name that equals the speaker's full name wins.  Failing that, for a person,
    a name matches when the surnames are equal and the other parts agree where
    both give them: first names equal or one is the other's initial ("J. Biden",
    "Joseph Biden"), and middle names either absent from one side ("Joseph R.
    Biden", "Joseph Biden") or agreeing one by one ("George W. Bush" is not
    "George H. W. Bush").  A bare surname ("Blinken") matches every person of
    that surname.  Organisations and groups match on the exact name only: the
    last word of "Foreign Ministry" is not a surname.
    """
    mine = _name_parts(speaker.name)
    if not mine:
        return []
    names = list(names)
    exact = [n for n in names if _name_parts(n) == mine]
    if exact or speaker.type != "person":
        return exact
    return [n for n in names if _same_person(_name_parts(n), mine)]


# Generational suffixes a name may end with ("Jr.", "III"): not part of the surname.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _name_parts(name: str) -> tuple[str, ...]:
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    parts = re.findall(r"[\w'’-]+", folded.replace(".", " "))
    while len(parts) > 1 and parts[-1] in NAME_SUFFIXES:
        parts.pop()
    return tuple(parts)


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b or a[-1] != b[-1]:
        return False
    if len(a) == 1 or len(b) == 1:
        return True
    if not _agree(a[0], b[0]):
        return False
    ma, mb = a[1:-1], b[1:-1]
    if not ma or not mb:
        return True
    return len(ma) == len(mb) and all(_agree(x, y) for x, y in zip(ma, mb, strict=True))


def _agree(x: str, y: str) -> bool:
    # An initial agrees with any name it could stand for.
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return x == y


def rank_links(article: Article, quote: Quote, starts: list[int] | None = None) -> list[Link]:
    """The article's links that most plausibly hold this quotation's source."""
    starts = starts if starts is not None else _paragraph_starts(article.text)
    qpara = bisect.bisect_right(starts, quote.start) - 1
    surname = quote.speaker.name.split()[-1].lower() if quote.speaker else None
    scored: list[tuple[float, int, Link]] = []
    for i, link in enumerate(article.links):
        if not link.url or _NOT_SOURCE.search(link.url) or link.url == article.url:
            continue
        score = 0.0
        if link.start >= 0:
            distance = abs(bisect.bisect_right(starts, link.start) - 1 - qpara)
            # Writers link the source in the quote's own paragraph or the one
            # introducing it: "In a statement, the ministry said: …".
            score += {0: 3.0, 1: 1.5}.get(distance, 0.0)
        if _ANCHOR_WORDS.search(link.text):
            score += 2.0
        if surname and (surname in link.text.lower() or surname in link.url.lower()):
            score += 2.0
        if _URL_WORDS.search(link.url):
            score += 1.0
        if score >= MIN_LINK_SCORE:
            scored.append((-score, i, link))
    scored.sort()
    return [link for _, _, link in scored[:MAX_LINKS_PER_QUOTE]]


def _front_matter_refs(article: Article) -> list[str]:
    # A front-matter path is relative to the article file, as a link would be.
    local = not (is_url(article.origin) or article.origin == "-")
    base = Path(article.origin).parent if local else None
    out = []
    for ref in article.sources:
        if base is not None and not is_url(ref) and not Path(ref).is_absolute():
            ref = str(base / ref)
        out.append(ref)
    return out


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer(r"\n\s*\n", text):
        starts.append(m.end())
    return starts


def _dedupe(items: list[Planned]) -> list[Planned]:
    # A ref the user vouched for stays trusted when the article names it too.
    trusted = {p.ref for p in items if p.trusted}
    seen: set[str] = set()
    out = []
    for p in items:
        if p.ref not in seen:
            seen.add(p.ref)
            out.append(replace(p, trusted=p.ref in trusted))
    return out
