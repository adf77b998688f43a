"""Signed download links: they open for the signer, and refuse tampering and age."""

from __future__ import annotations

import pytest

from reelforge.errors import LinkInvalid
from reelforge.services.links import LinkSigner


def test_a_link_opens_to_what_it_names() -> None:
    signer = LinkSigner("k", 60, "http://h")
    url = signer.url("render", "rnd_1")
    assert url.startswith("http://h/api/download/")
    assert signer.open(url.rsplit("/", 1)[1]) == ("render", "rnd_1")


def test_another_key_or_an_expired_link_is_refused() -> None:
    token = LinkSigner("k", 60, "http://h").url("media", "med_1").rsplit("/", 1)[1]
    with pytest.raises(LinkInvalid):
        LinkSigner("other", 60, "http://h").open(token)
    with pytest.raises(LinkInvalid):
        LinkSigner("k", -1, "http://h").open(token)
