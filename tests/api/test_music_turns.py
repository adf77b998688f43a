"""Music, titles and export by chat over real HTTP: the SSE turn, the state, the styles route, downloads."""

from __future__ import annotations

import re
from pathlib import Path

import av
import httpx

from reelforge.audio import STYLES
from tests._server import TINY, LiveServer
from tests.api.sse import texts
from tests.api.test_workflow import chat


def test_music_styles_route_lists_the_library_to_a_bearer(server: LiveServer) -> None:
    refused = server.client.get("/api/music/styles")
    assert refused.status_code == 401 and refused.json()["code"] == 1001
    body = server.client.get("/api/music/styles", headers=server.auth(server.token())).json()
    assert body["code"] == 0
    assert [s["name"] for s in body["data"]["styles"]] == list(STYLES)
    assert {"whoosh", "shutter"} <= {s["name"] for s in body["data"]["sounds"]}


def test_chat_generation_adds_music_and_title_then_exports_for_tiktok(server: LiveServer, tmp_path: Path) -> None:
    token = server.token()
    session_id = server.session(token, canvas=TINY)  # the clip's own size is never read: the preset sets the export's
    auth = server.auth(token)
    events = chat(server, token, session_id, "generate a 2 second clip of a futuristic city at night")
    reply = texts(events)[-1]
    assert "background music" in reply and "title" in reply

    state = server.client.get(f"/api/state/nemo_agent/me/{session_id}/latest", headers=auth).json()["data"]["state"]
    (bgm,) = state["library_media"]
    assert bgm["kind"] == "audio" and bgm["provenance"]["library"] is True
    (generated,) = state["generated_media"]
    assert generated["kind"] == "video"
    music_track = next(t for t in state["draft"]["t"] if t["tt"] == 1)
    assert music_track["sg"][0]["src"] == bgm["src"] and music_track["sg"][0]["m"]["vol"] == 0.35
    audio = tmp_path / "bgm.m4a"
    audio.write_bytes(httpx.get(bgm["url"]).content)
    with av.open(str(audio)) as container:
        assert sum(f.samples for f in container.decode(audio=0)) > 0

    events = chat(server, token, session_id, "export for TikTok")
    reply = texts(events)[-1]
    url = re.search(r"https?://\S+", reply)
    assert url is not None, reply
    progress = [e["actions"]["stateDelta"]["progress"]["fraction"] for e in events
                if "progress" in e["actions"]["stateDelta"]]
    assert progress and progress == sorted(progress)
    out = tmp_path / "tiktok.mp4"
    out.write_bytes(httpx.get(url.group(0)).content)
    with av.open(str(out)) as container:
        video = container.streams.video[0]
        assert (video.codec_context.name, video.width, video.height) == ("h264", 1080, 1920)
        assert container.streams.audio  # the music is in the mix
