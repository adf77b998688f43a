"""Fetching an upload by URL without becoming a proxy into the server's network (SSRF).

Every host is resolved first and EVERY address it resolves to must be public: no
loopback, private, link-local, multicast, reserved, unspecified or cloud-metadata
addresses (an IPv4-mapped IPv6 address is judged as the IPv4 it maps). The request
then goes to the vetted address itself (Host header and TLS SNI keep the name), so
DNS cannot answer differently between the check and the connection. Redirects are
followed by hand, each hop vetted again. Size and time are capped.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from email.message import Message
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

import anyio
import httpx

from reelforge.errors import InvalidInput, MediaTooLarge

__all__ = ["Resolver", "fetch_url", "system_resolver", "vet_address"]

Resolver = Callable[[str, int], Awaitable[list[str]]]

_METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254"),
             ipaddress.ip_address("100.100.100.200")}
_REDIRECTS = {301, 302, 303, 307, 308}


async def system_resolver(host: str, port: int) -> list[str]:
    """All addresses the system resolver gives for ``host`` (an IP literal resolves to itself)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def vet_address(address: str, field: str = "url") -> None:
    """Refuse an address that is not a public unicast one, nor one that embeds such an IPv4 address.

    IPv6 can carry an IPv4 address that a gateway forwards to: mapped (``::ffff:127.0.0.1``), NAT64
    (``64:ff9b::7f00:1``), 6to4 (``2002:7f00:1::``) and Teredo. Python calls the last three global,
    so the IPv4 inside is vetted too. A NAT64 address is judged by its IPv4 alone: Python calls the whole
    ``64:ff9b::/96`` reserved (it lies in ``::/8``), and on an IPv6-only network with DNS64 every public host
    resolves into it.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    nat64 = isinstance(ip, ipaddress.IPv6Address) and any(ip in net for net in _NAT64)
    for candidate in (*(() if nat64 else (ip,)), *_embedded_ipv4(ip)):
        if (candidate in _METADATA or candidate.is_loopback or candidate.is_private or candidate.is_link_local
                or candidate.is_multicast or candidate.is_reserved or candidate.is_unspecified
                or not candidate.is_global):
            raise InvalidInput(f"{field}: address not allowed ({ip} is not a public address)", field=field)


_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


def _embedded_ipv4(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    if not isinstance(ip, ipaddress.IPv6Address):
        return []
    found = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    if any(ip in net for net in _NAT64):
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [v4 for v4 in found if v4 is not None]


def _file_name(response: httpx.Response, url: httpx.URL) -> str:
    disposition = response.headers.get("content-disposition")
    if disposition:
        message = Message()
        message["content-disposition"] = disposition
        name = message.get_filename()
        if name:
            return PurePosixPath(name).name
    return PurePosixPath(unquote(url.path)).name or "download"


async def _pinned_request(client: httpx.AsyncClient, url: httpx.URL, resolver: Resolver,
                          field: str) -> httpx.Response:
    if url.scheme not in ("http", "https") or not url.host:
        raise InvalidInput(f"{field}: only http and https URLs can be fetched", field=field)
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        addresses = await resolver(url.host, port)
    except OSError as exc:
        raise InvalidInput(f"{field}: cannot resolve {url.host}", field=field) from exc
    if not addresses:
        raise InvalidInput(f"{field}: cannot resolve {url.host}", field=field)
    for address in addresses:
        vet_address(address, field)
    host_header = url.host if url.port is None else f"{url.host}:{url.port}"
    target = url.copy_with(host=addresses[0], port=port)
    request = client.build_request("GET", target, headers={"Host": host_header},
                                   extensions={"sni_hostname": url.host})
    return await client.send(request, stream=True)


async def fetch_url(client: httpx.AsyncClient, url: str, dest: Path, *, limit_bytes: int, timeout_s: float,
                    max_redirects: int = 5, resolver: Resolver | None = None,
                    field: str = "url") -> tuple[str, Path]:
    """Download ``url`` into ``dest``; returns (a file name for the record, dest)."""
    resolve = resolver or system_resolver
    try:
        current = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise InvalidInput(f"{field}: not a URL ({url!r})", field=field) from exc
    try:
        with anyio.fail_after(timeout_s):
            for _hop in range(max_redirects + 1):
                response = await _pinned_request(client, current, resolve, field)
                try:
                    if response.status_code in _REDIRECTS and "location" in response.headers:
                        current = current.join(response.headers["location"])
                        continue
                    if response.status_code != 200:
                        raise InvalidInput(f"{field}: the server answered HTTP {response.status_code}", field=field)
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > limit_bytes:
                        raise MediaTooLarge(data={"limit_bytes": limit_bytes})
                    size = 0
                    with dest.open("wb") as handle:
                        async for chunk in response.aiter_bytes():
                            size += len(chunk)
                            if size > limit_bytes:
                                raise MediaTooLarge(data={"limit_bytes": limit_bytes})
                            handle.write(chunk)
                    return _file_name(response, current), dest
                finally:
                    await response.aclose()
            raise InvalidInput(f"{field}: more than {max_redirects} redirects", field=field)
    except TimeoutError as exc:
        raise InvalidInput(f"{field}: fetch took longer than {timeout_s:g} s", field=field) from exc
    except httpx.HTTPError as exc:
        raise InvalidInput(f"{field}: fetch failed ({type(exc).__name__})", field=field) from exc
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
