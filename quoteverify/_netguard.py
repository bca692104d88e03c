"""Refuse to fetch addresses that are not on the public internet (SSRF guard).

quoteverify fetches URLs written by other people (an article's links, its
front matter), often on a CI runner that can reach a cloud metadata service or
an intranet.  So by default every hop is checked twice: the URL's host is
resolved and judged before anything is sent, and the connection itself is
made to an address judged at connect time (a name that resolved to a public
address a moment ago can resolve to 127.0.0.1 now: DNS rebinding).
"""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .errors import FetchError

if TYPE_CHECKING:
    from collections.abc import Iterable

    import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Named separately from "link-local" because the advice differs: these hand
# out cloud credentials.
# 168.63.129.16 is Azure's WireServer: a public-looking address that answers
# only inside Azure and hands out VM configuration.  100.100.100.200 is
# Alibaba Cloud's metadata service (inside carrier-grade NAT space).
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",
        "169.254.170.2",
        "fd00:ec2::254",
        "168.63.129.16",
        "100.100.100.200",
    )
)
# Names that reach a metadata service from inside a cloud VM whatever DNS says
# elsewhere; refused by name before anything is resolved.
METADATA_HOSTS = frozenset(
    {
        "metadata.google.internal",
        "metadata.goog",
        "metadata",
        "instance-data",
        "instance-data.ec2.internal",
        "metadata.azure.com",
        "metadata.tencentyun.com",
    }
)
# IPv6 prefixes that carry an IPv4 address which is what the packet reaches:
# 6to4 (2002::/16, the IPv4 in bits 16-48) and NAT64 (64:ff9b::/96, the last 32
# bits; 64:ff9b:1::/48 is the local-use NAT64 prefix).
_SIX_TO_FOUR = ipaddress.ip_network("2002::/16")
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
# Deprecated, but still routed inside some networks like a private range.
_SITE_LOCAL = ipaddress.ip_network("fec0::/10")
ALLOWED_SCHEMES = ("http", "https")
HINT = "use --allow-private to fetch it"


class Refused(FetchError):
    """A URL the guard will not fetch; ``str()`` is the one-line reason."""


class NameNotResolved(FetchError):
    """The host name does not resolve (a dead link, like a 404)."""


def why_refused(ip: IPAddress) -> str | None:
    """What kind of non-public address ``ip`` is, or None when it is public."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = embedded_ipv4(ip)
        if embedded is not None:
            # ::ffff:127.0.0.1, 2002:7f00:1:: and 64:ff9b::7f00:1 all reach
            # 127.0.0.1: judge the address they carry.
            return why_refused(embedded)
        if ip in _SITE_LOCAL:
            return "a site-local address"
    if ip in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified or ip.is_reserved:
        return "a reserved address"
    if ip.is_private:
        return "a private address"
    if not ip.is_global:
        # 100.64.0.0/10 (carrier-grade NAT) and friends: not private, not public.
        return "a non-public address"
    return None


def embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (mapped, 6to4, NAT64), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _SIX_TO_FOUR:
        return ip.sixtofour
    if any(ip in net for net in _NAT64):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def metadata_host(host: str) -> bool:
    """Whether ``host`` is a cloud metadata service's well-known name."""
    return host.lower().rstrip(".") in METADATA_HOSTS


def resolve(host: str, port: int) -> list[str]:
    """All addresses ``host`` resolves to (tests replace this function)."""
    import socket  # here, not at import: local-only runs never resolve a name

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise NameNotResolved(f"cannot resolve host {host} ({exc.strerror or exc})") from None
    except UnicodeError:
        raise NameNotResolved(f"cannot resolve host {host} (invalid name)") from None
    addresses: list[str] = []
    for info in infos:
        address = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone id
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise NameNotResolved(f"cannot resolve host {host}")
    return addresses


def check_addresses(host: str, addresses: Iterable[str]) -> None:
    """Raise Refused if any address of ``host`` is not public.

    Any, not all: the connection may be made to whichever address answers.
    """
    for address in addresses:
        reason = why_refused(ipaddress.ip_address(address))
        if reason is None:
            continue
        if _is_ip_literal(host):
            raise Refused(f"refused: {address} is {reason} ({HINT})")
        raise Refused(f"refused: {host} resolves to {address}, {reason} ({HINT})")


def check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise Refused(f"refused: only http and https URLs are fetched, not {scheme or 'no'}:")


async def resolve_async(host: str, port: int) -> list[str]:
    # getaddrinfo blocks; run it off the event loop like asyncio itself does.
    import asyncio

    return await asyncio.get_running_loop().run_in_executor(None, resolve, host, port)


async def check_url(url: str, *, allow_private: bool, via_proxy: bool = False) -> None:
    """The pre-flight check of one hop: scheme, then (unless allowed) address class.

    With ``allow_private`` nothing is resolved here: httpx resolves as usual
    (through a proxy, if one is configured), and a failure is recognised there.
    ``via_proxy``: the request goes through a proxy, which resolves the name
    itself; a name that does not resolve here (proxy-only DNS) is left to the
    proxy, since the guard cannot judge it (see docs/SECURITY.md).
    """
    check_scheme(url)
    parts = urlsplit(url)
    host = parts.hostname
    if not host:
        raise Refused("refused: the URL has no host")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise Refused("refused: the URL has an invalid port") from None
    if allow_private:
        return
    if metadata_host(host):
        raise Refused(f"refused: {host} is a cloud metadata service ({HINT})")
    try:
        addresses = await resolve_async(host, port)
    except NameNotResolved:
        if via_proxy and not _is_ip_literal(host):
            return
        raise
    check_addresses(host, addresses)


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def guarded_backend() -> httpcore.AsyncNetworkBackend:
    """An httpcore network backend that connects only to public addresses.

    It resolves the name itself, judges every address, then connects to the
    judged address, so what was checked is what gets connected to.  TLS still
    verifies the certificate against the host name (httpcore passes the
    origin's name to start_tls separately).
    """
    import httpcore

    class GuardedBackend(httpcore.AsyncNetworkBackend):
        def __init__(self) -> None:
            self._inner = httpcore.AnyIOBackend()

        async def connect_tcp(
            self,
            host: str,
            port: int,
            timeout: float | None = None,
            local_address: str | None = None,
            socket_options: Iterable[Any] | None = None,
        ) -> httpcore.AsyncNetworkStream:
            if metadata_host(host):
                raise Refused(f"refused: {host} is a cloud metadata service ({HINT})")
            addresses = await resolve_async(host, port)
            check_addresses(host, addresses)
            last: Exception | None = None
            for address in addresses:
                try:
                    return await self._inner.connect_tcp(
                        address, port, timeout, local_address, socket_options
                    )
                except httpcore.ConnectError as exc:
                    last = exc
            assert last is not None
            raise last

        async def connect_unix_socket(
            self,
            path: str,
            timeout: float | None = None,
            socket_options: Iterable[Any] | None = None,
        ) -> httpcore.AsyncNetworkStream:
            raise Refused("refused: unix sockets are not fetched")

        async def sleep(self, seconds: float) -> None:
            await self._inner.sleep(seconds)

    return GuardedBackend()
