from __future__ import annotations

from typing import Any

import pytest

from reelforge.draft import Draft


@pytest.fixture
def reference_wire() -> dict[str, Any]:
    """The draft of PROTOCOL.md, verbatim."""
    return {"v": 1,
            "m": {"w": 1080, "h": 1920, "fps": 30, "bg": "#000000"},
            "d": 29000,
            "t": [
                {"id": "v1", "tt": 0, "sg": [
                    {"id": "s1", "src": "media:a", "s": 0, "d": 10000, "in": 0, "m": {"fit": "cover", "speed": 1.0}},
                    {"id": "s2", "src": "media:b", "s": 9500, "d": 10000, "in": 0,
                     "m": {"tr": {"type": "fade", "d": 500}}}]},
                {"id": "a1", "tt": 1, "sg": [
                    {"id": "b1", "src": "media:m", "s": 0, "d": 29000,
                     "m": {"vol": 0.35, "fi": 0, "fo": 2000, "loop": True}}]},
                {"id": "x1", "tt": 7, "sg": [
                    {"id": "t1", "s": 0, "d": 3000,
                     "m": {"text": "Urban Dreams", "pos": "center", "size": 0.06, "color": "#ffffff"}}]}]}


@pytest.fixture
def reference(reference_wire: dict[str, Any]) -> Draft:
    return Draft.from_wire(reference_wire)
