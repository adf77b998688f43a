"""URL uploads: every hop's resolved addresses are vetted, and the connection goes to the vetted one."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from reelforge.errors import InvalidInput, MediaTooLarge
from reelforge.services.fetch import fetch_url, system_resolver, vet_address

PUBLIC = "93.184.216.34"
pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def fake_dns(table: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    async def resolve(host: str, port: int) -> list[str]:
        return table[host]

    return resolve


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                                     "::1", "fd00:ec2::254", "::ffff:127.0.0.1", "0.0.0.0", "224.0.0.1",
                                     "100.64.0.1", "fe80::1", "240.0.0.1",
                                     # IPv6 that a gateway turns into a private IPv4: 6to4, Teredo, NAT64
                                     "2002:7f00:1::", "2002:a00:1::1", "2001:0:4136:e378:8000:63bf:80ff:fffe",
                                     "64:ff9b::a00:1", "64:ff9b::7f00:1", "64:ff9b:1::a9fe:a9fe"])
def test_non_public_addresses_are_refused(address: str) -> None:
    with pytest.raises(InvalidInput, match="address not allowed"):
        vet_address(address)


def test_public_addresses_pass() -> None:
    vet_address(PUBLIC)
    vet_address("2606:4700:4700::1111")
    vet_address("2002:808:808::1")  # 6to4 of a public IPv4
    vet_address("64:ff9b::808:808")  # NAT64 of a public IPv4: how every host looks on an IPv6-only DNS64 network
    vet_address("64:ff9b:1::808:808")  # the local-use NAT64 prefix (RFC 8215)


@pytest.mark.parametrize("url", ["http://127.0.0.1/x.mp4", "http://10.0.0.8/x.mp4", "http://169.254.169.254/latest",
                                 "http://[::1]/x.mp4", "http://localhost:9/x.mp4"])
async def test_fetch_refuses_private_targets_after_real_resolution(url: str, tmp_path: Path) -> None:
    served: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: served.append(request) or httpx.Response(200))  # type: ignore[func-returns-value]
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(InvalidInput, match="address not allowed"):
            await fetch_url(client, url, tmp_path / "f", limit_bytes=1000, timeout_s=5, resolver=system_resolver)
    assert served == []  # refused before any connection


async def test_a_name_resolving_to_a_private_address_is_refused(tmp_path: Path) -> None:
    async with httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(200))) as client:
        with pytest.raises(InvalidInput, match="10.0.0.5"):
            await fetch_url(client, "http://cdn.example/x.mp4", tmp_path / "f", limit_bytes=1000, timeout_s=5,
                            resolver=fake_dns({"cdn.example": [PUBLIC, "10.0.0.5"]}))


async def test_a_redirect_to_a_private_address_is_refused(tmp_path: Path) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.url.host} {request.headers['host']}")
        return httpx.Response(302, headers={"Location": "http://internal.example/secret"})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        with pytest.raises(InvalidInput, match="not a public address"):
            await fetch_url(client, "http://files.example/a.mp4", tmp_path / "f", limit_bytes=1000, timeout_s=5,
                            resolver=fake_dns({"files.example": [PUBLIC], "internal.example": ["192.168.0.10"]}))
    assert seen == [f"{PUBLIC} files.example"]  # connected to the vetted IP, named by Host


async def test_a_public_redirect_is_followed_and_the_size_capped(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers["host"] == "a.example":
            return httpx.Response(301, headers={"Location": "http://b.example/clip.mp4"})
        return httpx.Response(200, content=b"x" * 500)

    dns = fake_dns({"a.example": [PUBLIC], "b.example": [PUBLIC]})
    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
        name, path = await fetch_url(client, "http://a.example/start", tmp_path / "f", limit_bytes=1000,
                                     timeout_s=5, resolver=dns)
        assert name == "clip.mp4" and path.read_bytes() == b"x" * 500
        with pytest.raises(MediaTooLarge):
            await fetch_url(client, "http://a.example/start", tmp_path / "g", limit_bytes=100, timeout_s=5,
                            resolver=dns)
