"""Exports with ``output.preset``: a known preset is accepted and fixes the format; an unknown one is a 400."""

from __future__ import annotations

from pathlib import Path

import httpx

from reelforge.render.check import check_file
from tests._server import LiveServer
from tests.api.test_exports import ATTRIBUTION, poll, upload_clip, vertical_draft


def test_an_unknown_preset_is_refused_naming_output_preset(server: LiveServer, small_mp4: Path) -> None:
    token = server.token()
    session_id = server.session(token)
    media = upload_clip(server, token, session_id, small_mp4)
    response = server.client.post("/api/render/proxy/lambda", headers=server.auth(token, **ATTRIBUTION),
                                  json={"id": "render_p1", "sessionId": session_id, "draft": vertical_draft(media["id"]),
                                        "output": {"preset": "myspace", "quality": "high"}})
    assert response.status_code == 400
    assert "output.preset" in response.json()["message"] and "tiktok" in response.json()["message"]


def test_a_preset_fixes_the_exports_format(server: LiveServer, small_mp4: Path) -> None:
    token = server.token()
    session_id = server.session(token)
    media = upload_clip(server, token, session_id, small_mp4)
    response = server.client.post("/api/render/proxy/lambda", headers=server.auth(token, **ATTRIBUTION),
                                  json={"id": "render_p2", "sessionId": session_id, "draft": vertical_draft(media["id"]),
                                        "output": {"preset": "GIF", "format": "mp4", "quality": "low"}})
    assert response.status_code == 200, response.text
    assert response.json()["data"]["format"] == "gif"


def test_a_preset_export_meets_the_platform_spec(server: LiveServer, small_mp4: Path, tmp_path: Path) -> None:
    token = server.token()
    session_id = server.session(token)
    media = upload_clip(server, token, session_id, small_mp4)
    response = server.client.post("/api/render/proxy/lambda", headers=server.auth(token, **ATTRIBUTION),
                                  json={"id": "render_p3", "sessionId": session_id, "draft": vertical_draft(media["id"]),
                                        "output": {"preset": "tiktok"}})
    assert response.status_code == 200, response.text
    status = poll(server, token, "render_p3")
    assert status["status"] == "completed", status
    out = tmp_path / "tiktok.mp4"
    out.write_bytes(httpx.get(status["output"]["url"], timeout=30).content)
    assert check_file(out, "tiktok") == []
