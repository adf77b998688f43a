"""ADK-shaped events, as Google ADK serialises them (camelCase; null keys left out).

``actions`` always carries ``stateDelta``, ``artifactDelta`` and ``requestedAuthConfigs``.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

__all__ = ["event", "function_call", "function_response", "progress_event", "text_event"]


def event(invocation_id: str, author: str, parts: list[dict[str, Any]] | None = None,
          state_delta: dict[str, Any] | None = None, *, partial: bool = False,
          turn_complete: bool | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": uuid.uuid4().hex,
        "invocationId": invocation_id,
        "author": author,
        "timestamp": time.time(),
        "partial": partial,
        "actions": {"stateDelta": state_delta or {}, "artifactDelta": {}, "requestedAuthConfigs": {}},
    }
    if parts is not None:
        body["content"] = {"role": "model", "parts": parts}
    if turn_complete is not None:
        body["turnComplete"] = turn_complete
    return body


def text_event(invocation_id: str, author: str, text: str, state_delta: dict[str, Any] | None = None,
               *, final: bool = False) -> dict[str, Any]:
    return event(invocation_id, author, [{"text": text}], state_delta, turn_complete=True if final else None)


def function_call(invocation_id: str, author: str, call_id: str, name: str, args: dict[str, Any]) -> dict[str, Any]:
    return event(invocation_id, author, [{"functionCall": {"id": call_id, "name": name, "args": args}}])


def function_response(invocation_id: str, author: str, call_id: str, name: str,
                      response: dict[str, Any], state_delta: dict[str, Any] | None = None) -> dict[str, Any]:
    return event(invocation_id, author,
                 [{"functionResponse": {"id": call_id, "name": name, "response": response}}], state_delta)


def progress_event(invocation_id: str, author: str, job_id: str, fraction: float) -> dict[str, Any]:
    return event(invocation_id, author, None, {"progress": {"job": job_id, "fraction": round(fraction, 4)}},
                 partial=True)
