"""One user's token never reads, changes or renders another user's session, media or renders."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests._server import LiveServer
from tests.api.test_exports import ATTRIBUTION, poll, upload_clip, vertical_draft


def test_a_second_user_gets_1002_or_404_everywhere(server: LiveServer, small_mp4: Path) -> None:
    alice, mallory = server.token(), server.token()
    session_id = server.session(alice)
    media = upload_clip(server, alice, session_id, small_mp4)
    body = {"id": "render_alice", "sessionId": session_id, "draft": vertical_draft(media["id"]),
            "output": {"format": "mp4", "quality": "low"}}
    assert server.client.post("/api/render/proxy/lambda", headers=server.auth(alice, **ATTRIBUTION),
                              json=body).json()["code"] == 0
    done = poll(server, alice, "render_alice")
    assert done["status"] == "completed"
    m = server.auth(mallory)
    run = {"app_name": "nemo_agent", "session_id": session_id, "new_message": {"parts": [{"text": "show tracks"}]}}
    answers = {
        "state": server.client.get(f"/api/state/nemo_agent/me/{session_id}/latest", headers=m),
        "upload": server.client.post(f"/api/upload-video/nemo_agent/me/{session_id}", headers=m,
                                     files=[("files", ("a.mp4", small_mp4.read_bytes()))]),
        "run_sse": server.client.post("/run_sse", headers=m, json=run),
        "run": server.client.post("/run", headers=m, json=run),
        "export": server.client.post("/api/render/proxy/lambda", headers={**m, **ATTRIBUTION},
                                     json={**body, "id": "render_mallory"}),
    }
    for name, response in answers.items():
        assert response.status_code == 404 and response.json()["code"] == 1002, name
    # her own session cannot reference alice's media either
    own = server.session(mallory)
    stolen = server.client.post("/api/render/proxy/lambda", headers={**m, **ATTRIBUTION},
                                json={**body, "id": "render_m2", "sessionId": own})
    assert stolen.status_code == 400 and stolen.json()["data"]["path"] == "t[0].sg[0].src"
    for path in ("/api/render/proxy/lambda/render_alice", "/api/render/proxy/render_alice/download"):
        response = server.client.get(path, headers=m)
        assert response.status_code == 404 and response.json()["code"] == 404, path


def test_tampered_or_foreign_download_links_are_refused(server: LiveServer, small_mp4: Path) -> None:
    token = server.token()
    session_id = server.session(token)
    media = upload_clip(server, token, session_id, small_mp4)
    url: str = media["url"]
    assert httpx.get(url).status_code == 200
    token_part = url.rsplit("/", 1)[1]
    payload, timestamp, signature = token_part.split(".")
    forged = url.rsplit("/", 1)[0] + "/" + ".".join([payload, timestamp, signature[:-2] + ("AA" if signature[-2:] != "AA" else "BB")])
    other_id = url.rsplit("/", 1)[0] + "/" + "eyJrIjoibWVkaWEiLCJpZCI6Im1lZF94In0." + timestamp + "." + signature
    for bad in (forged, other_id, url.rsplit("/", 1)[0] + "/garbage"):
        response = httpx.get(bad)
        assert response.status_code == 403 and response.json()["code"] == 403
