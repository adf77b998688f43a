"""Narration over real HTTP: a voice-over by chat, the state's voice_over and captions keys, the voices
route and the subtitle files (and their 4xx answers)."""

from __future__ import annotations

import io

import httpx
import srt
import webvtt

from tests._server import LiveServer
from tests.api.test_workflow import chat


def test_voices_route_lists_voices_and_caption_styles(server: LiveServer) -> None:
    assert server.client.get("/api/voices").status_code == 401
    body = server.client.get("/api/voices", headers=server.auth(server.token())).json()
    assert body["code"] == 0
    assert {"en_female", "zh_male"} <= {v["id"] for v in body["data"]["voices"]}
    assert [s["name"] for s in body["data"]["caption_styles"]] == ["clean", "highlight"]


def test_a_voice_over_shows_in_the_state_and_exports_as_srt_and_vtt(server: LiveServer) -> None:
    token = server.token()
    session_id = server.session(token)
    auth = server.auth(token)
    chat(server, token, session_id, "add a voice-over saying Good morning. The market is open.")
    chat(server, token, session_id, "add subtitles")
    state = server.client.get(f"/api/state/nemo_agent/me/{session_id}/latest", headers=auth).json()["data"]["state"]
    [narration] = state["voice_over"]
    assert narration["voice"] == "en_female" and narration["sentences"] == 2
    assert narration["text"] == "Good morning. The market is open."
    assert httpx.get(narration["url"]).content[:4] == b"RIFF"
    assert state["captions"]["style"] == "clean" and state["captions"]["size"] == 0.045

    reply = server.client.get(f"/api/subtitles/nemo_agent/me/{session_id}.srt", headers=auth)
    assert reply.status_code == 200 and reply.headers["content-type"].startswith("application/x-subrip")
    assert [c.content for c in srt.parse(reply.text)] == ["Good morning.", "The market is open."]
    reply = server.client.get(f"/api/subtitles/nemo_agent/me/{session_id}.vtt", headers=auth)
    assert len(webvtt.from_buffer(io.StringIO(reply.text), format="vtt").captions) == 2


def test_subtitle_errors_are_envelopes(server: LiveServer) -> None:
    token = server.token()
    session_id = server.session(token)
    auth = server.auth(token)
    bad = server.client.get(f"/api/subtitles/nemo_agent/me/{session_id}.txt", headers=auth)
    assert bad.status_code == 400 and bad.json()["data"]["field"] == "format"
    empty = server.client.get(f"/api/subtitles/nemo_agent/me/{session_id}.srt", headers=auth)
    assert empty.status_code == 400 and "no narration" in empty.json()["message"]
    other = server.client.get(f"/api/subtitles/nemo_agent/me/{session_id}.srt", headers=server.auth(server.token()))
    assert other.status_code == 404 and other.json()["code"] == 1002
    assert server.client.get(f"/api/subtitles/nemo_agent/me/{session_id}.srt").status_code == 401
