"""The input reference of a ``/v1`` video: the still an image-to-video generation starts from.

It arrives as an uploaded image file, or as ``{"image_url": ...}`` holding a base64 ``data:``
URL or an http(s) URL. A URL is fetched by :func:`reelforge.services.fetch.fetch_url`, the
same SSRF-safe fetcher as the seed protocol's URL uploads: public addresses only, every
redirect vetted again, size and time capped. Whatever the source, the bytes decide: a JPEG,
PNG or WebP image of at most 20 MB.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from typing import Any

import anyio

from reelforge.errors import InvalidInput, MediaTooLarge
from reelforge.services.context import Services
from reelforge.services.fetch import fetch_url
from reelforge.services.sniff import HEAD_BYTES, sniff

__all__ = ["FIELD", "MAX_REFERENCE_BYTES", "checked_image", "read_reference"]

FIELD = "input_reference"
MAX_REFERENCE_BYTES = 20 * 1024 * 1024
_SHAPE = 'send an image file or {"image_url": "https://..."} or {"image_url": "data:image/png;base64,..."}'


def checked_image(data: bytes) -> tuple[bytes, str]:
    """``(data, suffix)`` of a JPEG, PNG or WebP image of at most 20 MB; anything else is refused."""
    found = sniff(data[:HEAD_BYTES], complete=len(data) <= HEAD_BYTES)
    if found is None or found.kind != "image" or found.ext == "gif":
        raise InvalidInput(f"{FIELD}: must be a JPEG, PNG or WebP image.", field=FIELD)
    if len(data) > MAX_REFERENCE_BYTES:
        raise InvalidInput(f"{FIELD}: larger than 20 MB.", field=FIELD)
    return data, f".{found.ext}"


def _decode_data_url(url: str) -> bytes:
    if ";base64," not in url:
        raise InvalidInput(f"{FIELD}.image_url: a data: URL must be base64 (data:image/png;base64,...).",
                           field=FIELD)
    try:
        return base64.b64decode(url.split(";base64,", 1)[1], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise InvalidInput(f"{FIELD}.image_url: not valid base64.", field=FIELD) from exc


async def _fetch(svc: Services, url: str) -> bytes:
    """The body of an http(s) URL, through the vetted fetcher into scratch space (then removed)."""
    dest = svc.blobs.scratch() / f"reference-{secrets.token_hex(8)}"
    settings = svc.settings
    try:
        await fetch_url(svc.http_client(), url, dest, limit_bytes=MAX_REFERENCE_BYTES,
                        timeout_s=settings.url_fetch_timeout_s, max_redirects=settings.url_fetch_max_redirects,
                        resolver=svc.resolver, field=FIELD)
        return await anyio.Path(dest).read_bytes()
    except MediaTooLarge as exc:
        raise InvalidInput(f"{FIELD}: larger than 20 MB.", field=FIELD) from exc
    finally:
        dest.unlink(missing_ok=True)


def _parse_json(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise InvalidInput(f"{FIELD}: not valid JSON; {_SHAPE}.", field=FIELD) from exc


async def read_reference(svc: Services, value: Any) -> tuple[bytes, str] | None:
    """The reference as ``(bytes, suffix)``, or None when the request has none.

    ``value`` is what the request carried: file bytes (multipart), a dict (a JSON body) or
    the JSON text of that dict (a multipart form field).
    """
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.lstrip().startswith("{"):
        value = _parse_json(value)
    if isinstance(value, bytes):
        return checked_image(value)
    if not isinstance(value, dict) or not isinstance(value.get("image_url"), str):
        raise InvalidInput(f"{FIELD}: {_SHAPE}.", field=FIELD)
    url = value["image_url"].strip()
    if url.startswith("data:"):
        return checked_image(_decode_data_url(url))
    return checked_image(await _fetch(svc, url))
