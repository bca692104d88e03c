"""The one place quoteverify talks HTTP.

Everything network-shaped (timeouts, redirects, retries, size limits, the
User-Agent, robots.txt, the SSRF guard, the cache, WARC evidence, the Wayback
fallback) lives here, behind ``Fetcher.fetch()``, so the rest of the code sees bytes
or a ``FetchError`` with a one-line cause.

A ``Fetcher`` is built once from ``FetchOptions`` (the CLI builds it from the
settings) and handed to whatever may fetch (``load_article``, ``load_sources``,
``pipeline.run_audit``, ``library add``, ``serve``), as httpx hands a Client
around: nothing reads fetch options from module state, and code given no
Fetcher cannot reach the network.  ``Fetcher.fetch()`` fetches one URL,
``Fetcher.fetch_many()`` a batch concurrently with the same options.

One async implementation serves both: the synchronous ``fetch()`` runs it in
a fresh event loop (or in a worker thread when called from inside a running
loop), so the behaviour of a single fetch and of a batch cannot drift apart.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import threading
import time
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urljoin, urlsplit

from . import __version__, _netguard, _progress, _robots
from ._cache import Cache, CacheEntry
from ._warc import ArchiveError, WarcReplay, WarcWriter, warc_date
from .errors import FetchError, InternalError

# asyncio, ssl, socket and email.utils (~50 ms of CPU with what they pull in) are
# imported where used: a run whose inputs are all local files never fetches.
if TYPE_CHECKING:
    import asyncio
    import ssl

    import httpx

USER_AGENT = f"quoteverify/{__version__} (+https://github.com/quoteverify/quoteverify)"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_TIMEOUT = 20.0
# The per-read timeout alone lets a server dripping a byte every few seconds
# keep one fetch alive for hours: every document, and all of a run's
# fetching together, also have a total deadline.
DEFAULT_DEADLINE = 60.0
DEFAULT_RUN_DEADLINE = 600.0
# A Retry-After beyond this is not waited for: the fetch fails at once and says so.
RETRY_AFTER_CAP = 30.0
MAX_REDIRECTS = 10
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# A dead link: the Wayback Machine may still hold the page.
DEAD_STATUSES = frozenset({404, 410})
# Only what we can decode ourselves with a bounded decoder (see _Decoder);
# httpx would also offer br/zstd when those packages happen to be installed.
ACCEPT_ENCODING = "gzip, deflate"
_WAYBACK_SNAPSHOT = re.compile(r"/web/(\d{1,14})(?:[a-z]{2}_)?/(.+)$")

T = TypeVar("T")


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects (for a Wayback copy: the URL the archive captured)
    status: int
    content_type: str | None
    body: bytes
    from_cache: bool = False  # served from the cache or a replayed WARC, not the network
    archived_from: str | None = None  # the Wayback Machine page the body came from
    archived_at: str | None = None  # its Wayback timestamp, YYYYMMDDhhmmss
    # ISO 8601 UTC, as a WARC-Date (a replayed record's own date fits as is):
    # when the server last vouched for the body.
    fetched_at: str = ""

    @property
    def charset(self) -> str | None:
        """The charset the Content-Type declared, if any."""
        return _charset(self.content_type)


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = DEFAULT_TIMEOUT  # seconds per read; connecting gets at most 10 s
    max_bytes: int = DEFAULT_MAX_BYTES  # of the decoded body
    user_agent: str = USER_AGENT
    allow_private: bool = False  # fetch loopback/private/link-local/metadata addresses
    ignore_robots: bool = False
    # A SQLite file, or a postgresql:// URL kept as text (Path would fold its "//").
    cache_path: Path | str | None = None
    offline: bool = False  # serve only from the cache
    refresh: bool = False  # ignore cached copies' freshness and validators
    max_cache_age: float | None = None  # seconds a cached copy is used without asking
    archive_path: Path | None = None  # append every document fetched to this .warc.gz
    replay_path: Path | None = None  # serve everything from this WARC, no network
    wayback_url: str | None = None  # e.g. "https://web.archive.org"
    retries: int = 3  # after the first attempt
    # Regular expressions (re.search) of URLs never to fetch, like lychee's
    # --exclude and .lycheeignore: login walls, tracking redirectors.
    exclude_urls: tuple[str, ...] = ()
    # Extra request headers per host (cookies, tokens for paywalled transcripts):
    # ((host, ((Name, value), ...)), ...).  Sent only to that exact host (not
    # after a redirect elsewhere), never archived, and what they fetch is never
    # cached (nor when a redirect leads to or through that host): a page seen
    # through someone's login is not to be kept.
    host_headers: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    # HTTP statuses besides 2xx whose body is read as the document (lychee's
    # --accept): a CMS that serves a real transcript with a 404, say.  Never
    # cached (only 2xx is) and never retried.
    accept: frozenset[int] = frozenset()

    def headers_for(self, url: str) -> dict[str, str]:
        host = (urlsplit(url).hostname or "").lower()
        for name, pairs in self.host_headers:
            if name == host:
                return dict(pairs)
        return {}

    max_concurrency: int = 8
    per_host: int = 2
    # Backoff between retries; a server's Retry-After replaces it, up to the cap.
    retry_wait_initial: float = 1.0
    retry_wait_max: float = 30.0
    retry_after_cap: float = RETRY_AFTER_CAP
    deadline: float = DEFAULT_DEADLINE  # seconds per document: redirects, retries, robots.txt
    run_deadline: float = DEFAULT_RUN_DEADLINE  # seconds of fetching per run (per Fetcher)
    # A progress bar on stderr while fetch_many runs; shown only when stderr is
    # a terminal and $CI is not "true" (see _progress), so True is safe to pass.
    progress: bool = False


def _redact(headers: list[tuple[str, str]], secret: dict[str, str]) -> list[tuple[str, str]]:
    """Request headers as kept (WARC records): the user's own ones redacted."""
    if not secret:
        return headers
    names = {n.lower() for n in secret}
    return [(n, "[redacted]" if n.lower() in names else v) for n, v in headers]


def is_url(ref: str) -> bool:
    return ref.lower().startswith(("http://", "https://"))


def fetch_many(urls: Iterable[str], options: FetchOptions) -> dict[str, Fetched | FetchError]:
    """Fetch URLs concurrently with a Fetcher of their own, closed after."""
    with Fetcher(options) as fetcher:
        return fetcher.fetch_many(urls)


# --------------------------------------------------------------------------
# Fetcher: options plus what lives for a run (robots.txt rules, cache, WARC)


class Fetcher:
    """Everything one run fetches with: its options, and what lives as long as
    the run (robots.txt verdicts per origin, the cache connection, the WARC
    writer or replay, the run's fetching deadline).  Close it (or
    use it as a context manager) to close the cache."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options or FetchOptions()
        # robots.txt verdicts per origin, for the whole run (across event loops).
        self.robots: dict[str, _robots.RobotsVerdict] = {}
        self._cache: Cache | None = None
        self._cache_pid = 0  # the process that opened ``_cache``
        self._cache_lock = threading.Lock()
        opts = self.options
        self.writer = WarcWriter(opts.archive_path) if opts.archive_path else None
        self.replay = WarcReplay(opts.replay_path) if opts.replay_path else None
        # The run's deadline counts from the first fetch, not from configuration.
        self._run_started: float | None = None

    def remaining(self, options: FetchOptions) -> tuple[float, str]:
        """Seconds the next document may take, and which deadline that is."""
        now = time.monotonic()
        if self._run_started is None:
            self._run_started = now
        left = options.run_deadline - (now - self._run_started)
        if left < options.deadline:
            return max(0.0, left), f"the run's fetching deadline of {options.run_deadline:g} s"
        return options.deadline, f"the deadline of {options.deadline:g} s per document"

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def cache(self) -> Cache | None:
        if self.options.cache_path is None:
            return None
        with self._cache_lock:
            self._forget_parents_cache()
            if self._cache is None:
                # Opened on first use; offline, an empty rebuilt cache would
                # serve nothing, so a corrupt one is an error there.
                self._cache = Cache(self.options.cache_path, rebuild=not self.options.offline)
                self._cache_pid = os.getpid()
            return self._cache

    def _forget_parents_cache(self) -> None:
        """In a forked child (``check --jobs`` checks its first article before
        the fork), leave the parent's cache connection alone and open one of
        its own: neither SQLite nor libpq connections may be used across
        ``fork()``, and closing it here would act on the parent's."""
        if self._cache is not None and self._cache_pid != os.getpid():
            self._cache = None

    def close(self) -> None:
        with self._cache_lock:
            self._forget_parents_cache()
            if self._cache is not None:
                self._cache.close()
                self._cache = None

    def fetch(
        self,
        url: str,
        *,
        timeout: float | None = None,
        max_bytes: int | None = None,
        user_agent: str | None = None,
        archive_timestamp: str | None = None,
    ) -> Fetched:
        """Fetch one URL, or raise FetchError.

        ``archive_timestamp`` (YYYYMMDD[hhmmss], e.g. the article's date) picks
        the Wayback snapshot nearest to it when the link turns out dead.
        """
        opts = _override(self.options, timeout, max_bytes, user_agent)
        return _run_sync(
            lambda: self.afetch(url, options=opts, archive_timestamp=archive_timestamp)
        )

    async def afetch(
        self,
        url: str,
        *,
        options: FetchOptions | None = None,
        archive_timestamp: str | None = None,
    ) -> Fetched:
        async with _Session.open(self, options or self.options) as session:
            return await session.fetch(url, archive_timestamp)

    def fetch_many(self, urls: Iterable[str]) -> dict[str, Fetched | FetchError]:
        urls = list(urls)
        return _run_sync(lambda: self.afetch_many(urls))

    async def afetch_many(self, urls: Iterable[str]) -> dict[str, Fetched | FetchError]:
        unique = list(dict.fromkeys(urls))
        with _progress.FetchProgress(len(unique), enabled=self.options.progress) as bar:
            async with _Session.open(self, self.options) as session:

                async def one(url: str) -> Fetched | FetchError:
                    result = await session.fetch_or_error(url)
                    bar.advance(ok=not isinstance(result, FetchError))
                    return result

                import asyncio

                results = await asyncio.gather(*(one(u) for u in unique))
        return dict(zip(unique, results, strict=True))


def _override(
    options: FetchOptions, timeout: float | None, max_bytes: int | None, user_agent: str | None
) -> FetchOptions:
    changes: dict[str, object] = {}
    if timeout is not None:
        changes["timeout"] = timeout
    if max_bytes is not None:
        changes["max_bytes"] = max_bytes
    if user_agent is not None:
        changes["user_agent"] = user_agent
    return replace(options, **changes) if changes else options  # type: ignore[arg-type]


def _run_sync(make: Callable[[], Awaitable[T]]) -> T:
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    async def main() -> T:
        return await make()

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(main())
    # Called from async code (a notebook, an async caller): asyncio.run would
    # refuse, so run our own loop on a worker thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, main()).result()


# --------------------------------------------------------------------------
# Internals


class _Transient(Exception):
    """429 or 5xx: worth another attempt, maybe after the server's Retry-After."""

    def __init__(self, status: int, reason: str, retry_after: float | None, cap: float) -> None:
        super().__init__(f"HTTP {status} {reason}".strip())
        self.status = status
        self.retry_after = retry_after  # as the server asked, uncapped
        self.cap = cap

    @property
    def too_long(self) -> bool:
        return self.retry_after is not None and self.retry_after > self.cap


class _GaveUp(FetchError):
    """429/5xx on every attempt."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class _Unreachable(FetchError):
    """No connection to the host at all (refused, or connecting timed out)."""


class _DeadLink(Exception):
    """404/410 or a host name that does not resolve: try the Wayback Machine."""


@dataclass
class _Response:
    url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    request_headers: list[tuple[str, str]]
    raw: bytes  # as sent (Content-Encoded); kept only when archiving
    body: bytes  # decoded
    requested_at: datetime
    # Some hop of the redirects that led here carried the user's host headers:
    # the address it gave (a signed download link) came through their login.
    via_headers: bool = False

    def header(self, name: str) -> str | None:
        name = name.lower()
        for key, value in self.headers:
            if key.lower() == name:
                return value
        return None


class _Decoder:
    """Content-Encoding decoder that stops at ``limit`` decoded bytes.

    Ours rather than httpx's: httpx inflates a whole network chunk at once,
    so a 64 KiB chunk of a gzip bomb becomes ~64 MB in memory before anyone
    can count it; ``max_length`` here bounds every step.
    """

    def __init__(self, encoding: str | None, limit: int) -> None:
        self.encoding = (encoding or "identity").strip().lower()
        self.limit = limit
        self.size = 0
        self.parts: list[bytes] = []
        self._fresh = True
        if self.encoding in ("", "identity"):
            self._z = None
        elif self.encoding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.encoding == "deflate":
            self._z = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise FetchError(f"unsupported Content-Encoding {self.encoding!r}")

    def feed(self, data: bytes) -> None:
        if self._z is None:
            self._emit(data)
            return
        try:
            while data:
                out = self._z.decompress(data, self.limit - self.size + 1)
                self._fresh = False
                self._emit(out)
                data = self._z.unconsumed_tail
        except zlib.error:
            if self.encoding == "deflate" and self._fresh:
                # Some servers send raw deflate without the zlib header.
                self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                self._fresh = False
                self.feed(data)
                return
            raise FetchError(f"corrupt {self.encoding} body") from None

    def finish(self) -> bytes:
        if self._z is not None:
            self._emit(self._z.flush())
        return b"".join(self.parts)

    def _emit(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            if self._z is None:
                raise FetchError(f"body exceeds the size limit of {_size(self.limit)}")
            raise FetchError(
                f"body exceeds the size limit of {_size(self.limit)} once decompressed"
                " (a compression bomb?)"
            )
        if data:
            self.parts.append(data)


class _Session:
    """One event loop's worth of state: the client, semaphores, robots locks."""

    def __init__(self, fetcher: Fetcher, options: FetchOptions, client: httpx.AsyncClient) -> None:
        self.fetcher = fetcher
        self.opts = options
        self.client = client
        import asyncio

        self.total = asyncio.Semaphore(max(1, options.max_concurrency))
        self.hosts: dict[str, asyncio.Semaphore] = {}
        self.robots_locks: dict[str, asyncio.Lock] = {}
        # Origins whose robots.txt could not even be connected to, for this
        # batch only: the host may be back for the next one.
        self.unreachable: dict[str, _robots.RobotsVerdict] = {}

    @classmethod
    @contextlib.asynccontextmanager
    async def open(cls, fetcher: Fetcher, options: FetchOptions) -> AsyncIterator[_Session]:
        client = _make_client(options)
        try:
            yield cls(fetcher, options, client)
        finally:
            await client.aclose()

    async def fetch_or_error(self, url: str) -> Fetched | FetchError:
        try:
            return await self.fetch(url)
        except FetchError as exc:
            return exc

    async def fetch(self, url: str, archive_timestamp: str | None = None) -> Fetched:
        import asyncio

        import httpx

        budget, which = self.fetcher.remaining(self.opts)
        try:
            if budget <= 0:
                raise FetchError(f"not fetched: {which} is spent")
            return await asyncio.wait_for(self._fetch(url, archive_timestamp), budget)
        except TimeoutError:
            raise FetchError(f"gave up: {which} passed (the server is too slow)") from None
        except FetchError:
            raise  # the guard's refusals, the cache's and the archive's failures included
        except _DeadLink as exc:
            raise FetchError(str(exc)) from None
        except httpx.HTTPError as exc:
            raise FetchError(_describe(exc, self.opts.timeout)) from None
        except OSError as exc:
            raise FetchError(f"network error ({_short(exc)})") from None

    async def _fetch(self, url: str, archive_timestamp: str | None) -> Fetched:
        opts = self.opts
        _netguard.check_scheme(url)
        _check_excluded(url, opts.exclude_urls)
        if self.fetcher.replay is not None:
            return self._replay(url)
        cache = self.fetcher.cache
        if opts.headers_for(url):
            cache = None  # fetched with the user's credentials: never cached
        entry = cache.get(url) if cache is not None else None
        if opts.offline:
            if entry is None:
                raise FetchError("not in cache (offline)")
            return _from_entry(url, entry)
        # An evidence archive must hold the bytes as served today, so when
        # archiving the cache is written but never answers in the server's place.
        use_cache = entry is not None and not opts.refresh and self.fetcher.writer is None
        conditional: dict[str, str] = {}
        if use_cache and entry is not None:
            if opts.max_cache_age is not None and entry.age() <= opts.max_cache_age:
                return _from_entry(url, entry)
            if entry.etag:
                conditional["If-None-Match"] = entry.etag
            if entry.last_modified:
                conditional["If-Modified-Since"] = entry.last_modified
        async with self.total, self._host_slot(url):
            try:
                resp = await self._get(url, conditional)
            except (_DeadLink, _netguard.NameNotResolved) as exc:
                if opts.wayback_url:
                    return await self._wayback(url, str(exc), archive_timestamp)
                raise FetchError(str(exc)) from None
        now = time.time()
        if resp.status == 304:
            if entry is None or cache is None:
                raise FetchError("HTTP 304 Not Modified to an unconditional request")
            cache.touch(url, now)
            return _from_entry(url, replace(entry, fetched_at=now))
        ctype = resp.header("content-type")
        if cache is not None and resp.via_headers:
            # A redirect led to or through a host the user's headers are for (a
            # short link to the paywalled site, which may send on to a signed
            # address elsewhere): the body came through them, so not kept.
            cache = None
        if cache is not None:
            cache.put(
                CacheEntry(
                    url=url,
                    final_url=resp.url,
                    status=resp.status,
                    content_type=ctype,
                    etag=resp.header("etag"),
                    last_modified=resp.header("last-modified"),
                    body=resp.body,
                    fetched_at=resp.requested_at.timestamp(),
                )
            )
        return Fetched(
            url=url,
            final_url=resp.url,
            status=resp.status,
            content_type=ctype,
            body=resp.body,
            fetched_at=warc_date(resp.requested_at),
        )

    def _proxied(self, url: str) -> bool:
        """Whether a request for ``url`` goes through a proxy of the environment."""
        import httpx

        try:
            # httpx has no public "which transport" call; this private one is in
            # 0.28 and 0.29, the series pyproject.toml allows (the proxy tests in
            # tests/test_security_fetching.py fail if it moves).
            transport = self.client._transport_for_url(httpx.URL(url))
        except httpx.InvalidURL:
            return False
        return transport is not self.client._transport

    @contextlib.asynccontextmanager
    async def _host_slot(self, url: str) -> AsyncIterator[None]:
        host = (urlsplit(url).hostname or "").lower()
        slot = self.hosts.get(host)
        if slot is None:
            import asyncio

            slot = self.hosts[host] = asyncio.Semaphore(max(1, self.opts.per_host))
        async with slot:
            yield

    async def _get(
        self, url: str, conditional: dict[str, str], *, robots: bool = True
    ) -> _Response:
        """Follow redirects by hand so that every hop passes the guard and robots.txt."""
        opts = self.opts
        current = url
        visited: list[str] = []
        via_headers = False
        for _hop in range(MAX_REDIRECTS + 1):
            visited.append(current)
            via_headers = via_headers or bool(opts.headers_for(current))
            if current != url:
                # "Never to fetch" holds after a redirect too: the usual way to
                # a login wall is a 302 from the transcript's own URL.
                _check_excluded(current, opts.exclude_urls, redirected=True)
            await _netguard.check_url(
                current, allow_private=opts.allow_private, via_proxy=self._proxied(current)
            )
            if robots and not opts.ignore_robots:
                await self._check_robots(current)
            resp = await self._request(current, conditional if current == url else {})
            resp.via_headers = via_headers
            if resp.status in REDIRECT_STATUSES:
                location = resp.header("location")
                if not location:
                    raise FetchError(f"HTTP {resp.status} redirect without a Location")
                self._archive(resp)
                current = urljoin(current, location.strip())
                continue
            if resp.status in opts.accept:
                self._archive(resp)
                return resp
            if resp.status in DEAD_STATUSES:
                raise _DeadLink(f"HTTP {resp.status} {resp.reason}".strip())
            if resp.status == 304:
                return resp
            if not 200 <= resp.status < 300:
                raise FetchError(f"HTTP {resp.status} {resp.reason}".strip())
            self._archive(resp)
            return resp
        raise FetchError(_too_many_redirects(visited))

    async def _request(
        self, url: str, headers: dict[str, str], *, max_bytes: int | None = None
    ) -> _Response:
        """One request, retried (stamina) on connection trouble, 429 and 5xx."""
        import httpx
        import stamina

        _quiet_stamina()
        opts = self.opts
        attempts = 0
        try:
            async for attempt in stamina.retry_context(
                on=_retry_hook,
                attempts=max(0, opts.retries) + 1,
                timeout=None,  # bounded by attempts; Retry-After alone may reach the cap
                wait_initial=opts.retry_wait_initial,
                wait_max=opts.retry_wait_max,
                wait_jitter=opts.retry_wait_initial,
            ):
                with attempt:
                    attempts += 1
                    return await self._request_once(url, headers, max_bytes=max_bytes)
        except _Transient as exc:
            if exc.too_long:
                raise _GaveUp(
                    f"{exc} (the server asked to retry after {exc.retry_after:g} s; "
                    f"quoteverify waits at most {exc.cap:g} s)",
                    exc.status,
                ) from None
            raise _GaveUp(f"{exc}{_after(attempts)}", exc.status) from None
        except httpx.HTTPError as exc:
            if _dns_failure(exc):
                host = urlsplit(url).hostname or url
                raise _netguard.NameNotResolved(f"cannot resolve host {host}") from None
            message = _describe(exc, opts.timeout) + _after(attempts)
            if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
                raise _Unreachable(message) from None
            raise FetchError(message) from None
        raise InternalError("unreachable: stamina re-raises the last error")

    async def _request_once(
        self, url: str, headers: dict[str, str], *, max_bytes: int | None = None
    ) -> _Response:
        limit = self.opts.max_bytes if max_bytes is None else max_bytes
        keep_raw = self.fetcher.writer is not None
        requested_at = datetime.now(UTC)
        secret = self.opts.headers_for(url)
        if secret:
            headers = {**headers, **secret}
        async with self.client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            reason = response.reason_phrase or ""
            if (status == 429 or 500 <= status <= 599) and status not in self.opts.accept:
                raise _Transient(
                    status,
                    reason,
                    _retry_after(response.headers.get("retry-after"), float("inf")),
                    self.opts.retry_after_cap,
                )
            resp = _Response(
                url=url,
                status=status,
                reason=reason,
                headers=_decode_headers(response.headers.raw),
                request_headers=_redact(_decode_headers(response.request.headers.raw), secret),
                raw=b"",
                body=b"",
                requested_at=requested_at,
            )
            if not 200 <= status < 300 and status not in self.opts.accept:
                return resp  # redirects, 304 and errors: the body is not wanted
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise FetchError(
                    f"body of {_size(int(declared))} exceeds the size limit of {_size(limit)}"
                )
            decoder = _Decoder(response.headers.get("content-encoding"), limit)
            raw: list[bytes] = []
            raw_size = 0
            async for chunk in response.aiter_raw():
                raw_size += len(chunk)
                if raw_size > limit:
                    raise FetchError(f"body exceeds the size limit of {_size(limit)}")
                if keep_raw:
                    raw.append(chunk)
                decoder.feed(chunk)
            resp.body = decoder.finish()
            resp.raw = b"".join(raw)
            return resp

    async def _check_robots(self, url: str) -> None:
        key = _robots.origin(url)
        verdict = self.fetcher.robots.get(key) or self.unreachable.get(key)
        if verdict is None:
            import asyncio

            lock = self.robots_locks.setdefault(key, asyncio.Lock())
            async with lock:  # one robots.txt request per origin, however many URLs wait
                verdict = self.fetcher.robots.get(key) or self.unreachable.get(key)
                if verdict is None:
                    verdict = await self._load_robots(url)
                    seen = self.unreachable if verdict.unreachable else self.fetcher.robots
                    seen[key] = verdict
        if verdict.unreachable is not None:
            # The robots.txt request already spent every retry failing to
            # connect; trying the document the same way would double the wait
            # (a dead host cost ~17 s with the CLI's default retries).
            raise FetchError(verdict.unreachable)
        reason = _robots.allowed(verdict, url, self.opts.user_agent)
        if reason is not None:
            raise FetchError(reason)

    async def _load_robots(self, url: str) -> _robots.RobotsVerdict:
        import httpx

        target = _robots.robots_url(url)
        # robots.txt lives in the fetch cache too, for at most a day (RFC 9309
        # §2.4): a second run asks the origin nothing it was told yesterday.
        cache = self.fetcher.cache
        if cache is not None and not self.opts.refresh and self.fetcher.writer is None:
            entry = cache.get(target)
            if entry is not None and entry.age() < _robots.MAX_CACHE_AGE:
                return _robots.parse(entry.status, entry.body)
        first = target
        for _hop in range(5):  # RFC 9309: follow at least five redirects
            try:
                await _netguard.check_url(
                    target, allow_private=self.opts.allow_private, via_proxy=self._proxied(target)
                )
                resp = await self._request(target, {}, max_bytes=_robots.MAX_ROBOTS_BYTES)
            except _GaveUp as exc:  # retried like any request: one 503 must not ban a host
                return _robots.parse(exc.status, b"")
            except _Unreachable as exc:
                return _robots.RobotsVerdict(None, unreachable=str(exc))
            except (FetchError, _netguard.Refused, _netguard.NameNotResolved, httpx.HTTPError):
                return _robots.ALLOW_ALL  # the document fetch will report the real trouble
            location = resp.header("location")
            if resp.status in REDIRECT_STATUSES and location:
                target = urljoin(target, location.strip())
                continue
            if cache is not None:
                # Only a 2xx is stored (Cache.put): an error is asked again.
                cache.put(
                    CacheEntry(
                        url=first,
                        final_url=resp.url,
                        status=resp.status,
                        content_type=resp.header("content-type"),
                        etag=None,
                        last_modified=None,
                        body=resp.body,
                        fetched_at=resp.requested_at.timestamp(),
                    )
                )
            return _robots.parse(resp.status, resp.body)
        return _robots.ALLOW_ALL

    def _archive(self, resp: _Response) -> None:
        if self.fetcher.writer is None:
            return
        self.fetcher.writer.write(
            url=resp.url,
            request_headers=resp.request_headers,
            status=resp.status,
            reason=resp.reason,
            response_headers=resp.headers,
            payload=resp.raw,
            requested_at=resp.requested_at,
        )

    def _replay(self, url: str) -> Fetched:
        replay = self.fetcher.replay
        assert replay is not None
        current = url
        visited: list[str] = []
        for _hop in range(MAX_REDIRECTS + 1):
            visited.append(current)
            record = replay.get(current, self.opts.max_bytes)
            if record is None:
                extra = "" if current == url else f" (redirected to {current})"
                raise FetchError(f"not in archive {replay.path}{extra}")
            headers = {k.lower(): v for k, v in record.headers}
            location = headers.get("location")
            if record.status in REDIRECT_STATUSES and location:
                current = urljoin(current, location.strip())
                continue
            if not 200 <= record.status < 300:
                raise FetchError(f"HTTP {record.status} {record.reason} (archive {replay.path})")
            decoder = _Decoder(headers.get("content-encoding"), self.opts.max_bytes)
            decoder.feed(record.payload)
            return Fetched(
                url=url,
                final_url=current,
                status=record.status,
                content_type=headers.get("content-type"),
                body=decoder.finish(),
                from_cache=True,
                fetched_at=record.date,
            )
        raise FetchError(_too_many_redirects(visited))

    async def _wayback(self, url: str, cause: str, timestamp: str | None) -> Fetched:
        """The dead link's nearest Wayback snapshot, as originally served (``id_``).

        The availability JSON API is rate-limited and flaky; the snapshot
        redirect of ``/web/<ts>/<url>`` is the dependable way to find one.
        """
        import httpx

        assert self.opts.wayback_url
        base = self.opts.wayback_url.rstrip("/")
        stamp = timestamp or datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        lookup = f"{base}/web/{stamp}/{url}"
        failures = (FetchError, _DeadLink, _netguard.Refused, _netguard.NameNotResolved)
        try:
            await _netguard.check_url(
                lookup, allow_private=self.opts.allow_private, via_proxy=self._proxied(lookup)
            )
            resp = await self._request(lookup, {})
        except (*failures, httpx.HTTPError) as exc:
            raise FetchError(f"{cause}; the Wayback Machine lookup failed ({exc})") from None
        location = resp.header("location")
        if resp.status in REDIRECT_STATUSES and location:
            snapshot = urljoin(lookup, location.strip())
        elif 200 <= resp.status < 300:
            snapshot = lookup
        else:
            raise FetchError(f"{cause}; no archived copy at {base} (HTTP {resp.status})")
        match = _WAYBACK_SNAPSHOT.search(snapshot)
        if match is None:
            raise FetchError(f"{cause}; unexpected Wayback redirect to {snapshot}")
        archived_at, archived_url = match.groups()
        try:
            got = await self._get(f"{base}/web/{archived_at}id_/{archived_url}", {}, robots=False)
        except ArchiveError:
            raise  # our --archive file failed, not the Wayback Machine
        except (*failures, httpx.HTTPError) as exc:
            raise FetchError(f"{cause}; the archived copy failed ({exc})") from None
        # The id_ URL may itself redirect to the nearest capture: report that one.
        final = _WAYBACK_SNAPSHOT.search(got.url)
        if final is not None:
            archived_at, archived_url = final.groups()
        return Fetched(
            url=url,
            final_url=archived_url,
            status=got.status,
            content_type=got.header("content-type"),
            body=got.body,
            archived_from=f"{base}/web/{archived_at}/{archived_url}",
            archived_at=archived_at,
            fetched_at=warc_date(got.requested_at),
        )


_ssl_lock = threading.Lock()
_ssl_context: ssl.SSLContext | None = None


def _tls() -> ssl.SSLContext:
    """One TLS context per process: loading the CA bundle takes ~0.1 s each time."""
    global _ssl_context
    with _ssl_lock:
        if _ssl_context is None:
            import httpx

            _ssl_context = httpx.create_ssl_context()
        return _ssl_context


def _make_client(options: FetchOptions) -> httpx.AsyncClient:
    import httpx

    limits = httpx.Limits(max_connections=max(1, options.max_concurrency))
    transport: httpx.AsyncHTTPTransport | None = None
    if not options.allow_private:
        import httpcore

        transport = httpx.AsyncHTTPTransport(verify=_tls(), limits=limits)
        # httpx 0.28 has no public hook for the network backend; swap the pool
        # for one that connects only to addresses the guard has judged (the
        # pre-flight check alone would miss DNS rebinding).  Passing a
        # transport makes httpx drop the environment's proxies, so they are
        # mounted again by hand (_proxy_mounts).
        transport._pool = httpcore.AsyncConnectionPool(
            ssl_context=_tls(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_netguard.guarded_backend(),
        )
    return httpx.AsyncClient(
        verify=_tls(),
        transport=transport,
        mounts=_proxy_mounts(limits) if transport is not None else None,
        limits=limits,
        follow_redirects=False,  # _Session._get follows them, checking every hop
        timeout=httpx.Timeout(options.timeout, connect=min(options.timeout, 10.0)),
        headers={"User-Agent": options.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
    )


def _proxy_mounts(limits: httpx.Limits) -> dict[str, httpx.AsyncBaseTransport | None]:
    """Transports for the proxies of the environment (HTTP(S)_PROXY, ALL_PROXY,
    NO_PROXY), for a client whose own transport is the guarded one.

    Through a proxy the guard can only judge the target before the request
    (the pre-flight check in ``_netguard.check_url``, on every hop): the proxy
    resolves the name again, so DNS rebinding cannot be excluded there, and
    the proxy itself, configured by the user, is connected to whatever its
    address.  A host under NO_PROXY maps to None: the guarded transport.
    """
    import httpx

    # Private, as _proxied's call: in 0.28 and 0.29, the series pyproject.toml allows.
    from httpx._utils import get_environment_proxies

    mounts: dict[str, httpx.AsyncBaseTransport | None] = {}
    for pattern, proxy in get_environment_proxies().items():
        mounts[pattern] = (
            None
            if proxy is None
            else httpx.AsyncHTTPTransport(proxy=proxy, verify=_tls(), limits=limits)
        )
    return mounts


@functools.cache
def _quiet_stamina() -> None:
    """Keep stamina's per-retry WARNING off the CLI's stderr.

    With no logging configured, Python's last-resort handler would print a
    bare "stamina.retry_scheduled" for every retry.  A NullHandler on that
    logger stops only that: records still propagate to any handler the
    application configures.
    """
    import logging  # only once a fetch retries: local runs never pay for it

    logger = logging.getLogger("stamina")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())


def _retry_hook(exc: Exception) -> bool | float:
    """stamina's backoff hook: False = give up, True = default backoff, float = wait."""
    import httpx

    if isinstance(exc, _Transient):
        if exc.too_long:
            return False  # waiting the cap for a server that asked for more is wasted time
        return exc.retry_after if exc.retry_after is not None else True
    if isinstance(exc, httpx.ConnectError) and _dns_failure(exc):
        return False  # a name that does not resolve will not resolve in a second either
    # Not read timeouts: each already took `timeout` seconds; retrying triples the wait.
    return isinstance(
        exc,
        httpx.ConnectError
        | httpx.ConnectTimeout
        | httpx.ReadError
        | httpx.WriteError
        | httpx.RemoteProtocolError,
    )


def _retry_after(value: str | None, cap: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), cap)
    import email.utils

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max(0.0, (when - datetime.now(UTC)).total_seconds()), cap)


def _dns_failure(exc: BaseException) -> bool:
    import socket

    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, socket.gaierror):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _describe(exc: BaseException, timeout: float) -> str:
    import httpx

    if isinstance(exc, httpx.ConnectTimeout):
        return f"timed out connecting after {min(timeout, 10.0):g} s"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect ({_short(exc)})"
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
        return f"connection broken ({_short(exc)})"
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return f"invalid URL ({_short(exc)})"
    return f"{type(exc).__name__} ({_short(exc)})"


def _check_excluded(url: str, patterns: tuple[str, ...], *, redirected: bool = False) -> None:
    """Refuse ``url`` when an ``exclude-url`` pattern matches it."""
    for pattern in patterns:
        if re.search(pattern, url):
            where = f" (redirected to {url})" if redirected else ""
            raise FetchError(f"excluded by exclude-url {pattern!r}{where}")


def _too_many_redirects(visited: list[str]) -> str:
    distinct = len(set(visited))
    if distinct < len(visited):
        # Saying "loop" tells the reader that retrying or a higher cap won't help.
        return (
            f"too many redirects (a redirect loop through {distinct} "
            f"URL{'s' if distinct > 1 else ''}, more than {MAX_REDIRECTS} hops)"
        )
    return f"too many redirects (more than {MAX_REDIRECTS})"


def _size(n: int) -> str:
    """Bytes for a one-line message: "20 MiB" reads better than "20971520"."""
    mib = 1024 * 1024
    if n >= mib:
        return f"{n // mib} MiB" if n % mib == 0 else f"{n / mib:.1f} MiB"
    return f"{n} bytes"


def _after(attempts: int) -> str:
    return f" (after {attempts} attempts)" if attempts > 1 else ""


def _from_entry(url: str, entry: CacheEntry) -> Fetched:
    return Fetched(
        url=url,
        final_url=entry.final_url,
        status=entry.status,
        content_type=entry.content_type,
        body=entry.body,
        from_cache=True,
        fetched_at=warc_date(datetime.fromtimestamp(entry.fetched_at, UTC)),
    )


def _decode_headers(raw: Iterable[tuple[bytes, bytes]]) -> list[tuple[str, str]]:
    return [(k.decode("latin-1"), v.decode("latin-1")) for k, v in raw]


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:160]
