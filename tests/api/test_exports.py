"""Exports: attribution, validation, idempotent ids, polling, signed downloads with Range."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import av
import httpx

from tests._server import LiveServer

ATTRIBUTION = {"X-Skill-Source": "free-video-generation-models", "X-Skill-Version": "1.0.0",
               "X-Skill-Platform": "unknown"}


def upload_clip(server: LiveServer, token: str, session_id: str, clip: Path) -> dict[str, Any]:
    response = server.client.post(f"/api/upload-video/nemo_agent/me/{session_id}", headers=server.auth(token),
                                  files=[("files", ("clip.mp4", clip.read_bytes()))])
    assert response.status_code == 200, response.text
    return dict(response.json()["data"]["media"][0])


def vertical_draft(media_id: str, duration_ms: int = 1000) -> dict[str, Any]:
    return {"v": 1, "m": {"w": 1080, "h": 1920, "fps": 25, "bg": "#000000"},
            "t": [{"id": "v1", "tt": 0, "sg": [{"id": "s1", "src": f"media:{media_id}", "s": 0, "d": duration_ms,
                                                  "in": 0, "m": {"fit": "cover"}}]}]}


def poll(server: LiveServer, token: str, render_id: str, timeout: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        body = server.client.get(f"/api/render/proxy/lambda/{render_id}", headers=server.auth(token)).json()
        assert body["code"] == 0, body
        assert body["status"] == body["data"]["status"] and 0 <= body["progress"] <= 1
        if body["status"] in ("completed", "failed") or time.monotonic() > deadline:
            return body
        time.sleep(0.2)


def test_export_without_attribution_headers_answers_402(server: LiveServer, small_mp4: Path) -> None:
    token = server.token()
    session_id = server.session(token)
    media = upload_clip(server, token, session_id, small_mp4)
    response = server.client.post("/api/render/proxy/lambda", headers=server.auth(token),
                                  json={"id": "render_1", "sessionId": session_id, "draft": vertical_draft(media["id"]),
                                        "output": {"format": "mp4", "quality": "high"}})
    assert response.status_code == 402 and response.json()["code"] == 402


def test_export_refuses_a_faulty_draft_naming_its_path(server: LiveServer, small_mp4: Path) -> None:
    token = server.token()
    session_id = server.session(token)
    media = upload_clip(server, token, session_id, small_mp4)
    draft = vertical_draft(media["id"])
    draft["t"][0]["sg"][0]["d"] = -5
    response = server.client.post("/api/render/proxy/lambda", headers=server.auth(token, **ATTRIBUTION),
                                  json={"id": "render_2", "sessionId": session_id, "draft": draft})
    assert response.status_code == 400
    assert response.json()["data"]["path"] == "t[0].sg[0].d" and "t[0].sg[0].d" in response.json()["message"]


def test_export_refuses_unknown_media_and_bad_output(server: LiveServer) -> None:
    token = server.token()
    session_id = server.session(token)
    unknown = server.client.post("/api/render/proxy/lambda", headers=server.auth(token, **ATTRIBUTION),
                                 json={"id": "r3", "sessionId": session_id, "draft": vertical_draft("med_nothere")})
    assert unknown.status_code == 400 and unknown.json()["data"]["path"] == "t[0].sg[0].src"
    bad = server.client.post("/api/render/proxy/lambda", headers=server.auth(token, **ATTRIBUTION),
                             json={"id": "r4", "sessionId": session_id, "draft": vertical_draft("x"),
                                   "output": {"format": "exe"}})
    assert bad.status_code == 400 and bad.json()["data"]["field"] == "output.format"


def test_export_renders_a_vertical_h264_that_downloads_with_range(server: LiveServer, small_mp4: Path,
                                                                   tmp_path: Path) -> None:
    token = server.token()
    session_id = server.session(token)
    media = upload_clip(server, token, session_id, small_mp4)
    body = {"id": "render_1700000000", "sessionId": session_id, "draft": vertical_draft(media["id"]),
            "output": {"format": "mp4", "quality": "low"}}
    first = server.client.post("/api/render/proxy/lambda", headers=server.auth(token, **ATTRIBUTION), json=body)
    assert first.status_code == 200 and first.json()["data"]["status"] in ("pending", "processing", "completed")
    again = server.client.post("/api/render/proxy/lambda", headers=server.auth(token, **ATTRIBUTION), json=body)
    assert again.json()["data"]["id"] == "render_1700000000"  # the same render, not a second job
    done = poll(server, token, "render_1700000000")
    assert done["status"] == "completed", done
    url = done["output"]["url"]
    assert url == done["data"]["output"]["url"]
    whole = httpx.get(url)  # no bearer token
    assert whole.status_code == 200 and whole.headers["accept-ranges"] == "bytes"
    ranged = httpx.get(url, headers={"Range": "bytes=0-99"})
    assert ranged.status_code == 206 and len(ranged.content) == 100 and ranged.content == whole.content[:100]
    assert ranged.headers["content-range"] == f"bytes 0-99/{len(whole.content)}"
    out = tmp_path / "out.mp4"
    out.write_bytes(whole.content)
    with av.open(str(out)) as container:
        video = container.streams.video[0]
        assert video.codec_context.name == "h264"
        assert (video.codec_context.width, video.codec_context.height) == (1080, 1920)
        assert abs(float(container.duration or 0) / 1e6 - 1.0) < 0.15
    fallback = server.client.get("/api/render/proxy/render_1700000000/download", headers=server.auth(token))
    assert fallback.status_code == 200 and fallback.content == whole.content
