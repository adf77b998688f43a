"""The issue's examples over real HTTP (/run_sse): a second clip after a colon, an effect with no tool answered
with a question (no job, no credits), "make the title say", a caption in a corner."""

from __future__ import annotations

from typing import Any

from reelforge.draft import TEXT
from tests._server import TINY, LiveServer
from tests.api.sse import texts
from tests.api.test_workflow import chat


def _state(server: LiveServer, token: str, session_id: str) -> dict[str, Any]:
    body = server.client.get(f"/api/state/nemo_agent/me/{session_id}/latest", headers=server.auth(token)).json()
    return body["data"]["state"]  # type: ignore[no-any-return]


def _calls(events: list[dict[str, Any]]) -> list[str]:
    return [p["functionCall"]["name"] for e in events for p in e.get("content", {}).get("parts", [])
            if "functionCall" in p]


def test_what_a_newcomer_types_over_run_sse(server: LiveServer) -> None:
    token = server.token()
    session_id = server.session(token, canvas=TINY)
    chat(server, token, session_id, "generate a 1 second clip of a city at night")
    chat(server, token, session_id, "add a second clip: a dog on a beach, 1 second")
    state = _state(server, token, session_id)
    assert [m["name"] for m in state["generated_media"]] == ["city at night", "dog on a beach"]

    events = chat(server, token, session_id, "black and white filter on everything")
    assert _calls(events) == [] and "filters" in texts(events)[-1]
    assert len(_state(server, token, session_id)["generated_media"]) == 2

    chat(server, token, session_id, "make the title say Hello")
    chat(server, token, session_id, "add a caption 'hi' in the bottom right corner")
    texts_on_screen = [s["m"] for t in _state(server, token, session_id)["draft"]["t"] if t["tt"] == TEXT for s in t["sg"]]
    assert [m["text"] for m in texts_on_screen] == ["Hello", "hi"]
    assert texts_on_screen[1]["pos"] == {"x": 0.8, "y": 0.9}
