"""The one place quoteverify talks HTTP.

Everything network-shaped (timeouts, redirects, size limits, the User-Agent)
lives here, behind ``fetch()``, so the rest of the code sees bytes or a
``FetchError`` with a one-line cause.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import __version__

USER_AGENT = f"quoteverify/{__version__} (+https://github.com/quoteverify/quoteverify)"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 10


class FetchError(Exception):
    """A URL that could not be fetched; ``str()`` is the one-line cause."""


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str | None
    charset: str | None
    body: bytes


def is_url(ref: str) -> bool:
    return ref.lower().startswith(("http://", "https://"))


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    user_agent: str = USER_AGENT,
) -> Fetched:
    import httpx

    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
                headers={"User-Agent": user_agent},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise FetchError(f"HTTP {response.status_code} {reason}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(
                    f"body of {int(declared)} bytes exceeds the {max_bytes}-byte limit"
                )
            chunks: list[bytes] = []
            size = 0
            # iter_bytes() decompresses: counting here also stops a small
            # gzip body that inflates to gigabytes.
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"body exceeds the {max_bytes}-byte limit")
                chunks.append(chunk)
            ctype = response.headers.get("content-type")
            return Fetched(
                url=url,
                final_url=str(response.url),
                status=response.status_code,
                content_type=ctype,
                charset=_charset(ctype),
                body=b"".join(chunks),
            )
    except FetchError:
        raise
    except httpx.TooManyRedirects:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {timeout:g} s") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect ({_short(exc)})") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL ({_short(exc)})") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__} ({_short(exc)})") from None


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
