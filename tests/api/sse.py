"""Reading a Server-Sent Events stream the way a client does."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx


def sse_events(response: httpx.Response) -> Iterator[dict[str, Any] | None]:
    """Each ``data:`` event as JSON; None for each comment (heartbeat) line."""
    for line in response.iter_lines():
        if line.startswith(":"):
            yield None
        elif line.startswith("data:"):
            yield json.loads(line[5:].strip())


def texts(events: list[dict[str, Any]]) -> list[str]:
    return [part["text"] for event in events for part in event.get("content", {}).get("parts", []) if "text" in part]
