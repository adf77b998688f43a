"""The reference client's whole workflow over real HTTP: token -> ... -> download and probe."""

from __future__ import annotations

import time
import uuid
from pathlib import Path
from typing import Any

import av
import httpx

from tests._server import TINY, LiveServer
from tests.api.sse import sse_events, texts
from tests.api.test_exports import ATTRIBUTION, poll


def chat(server: LiveServer, token: str, session_id: str, text: str) -> list[dict[str, Any]]:
    body = {"app_name": "nemo_agent", "user_id": "me", "session_id": session_id,
            "new_message": {"parts": [{"text": text}]}}
    with server.client.stream("POST", "/run_sse", json=body,
                              headers=server.auth(token, Accept="text/event-stream")) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        return [event for event in sse_events(response) if event is not None]


def test_reference_client_workflow(server: LiveServer, small_mp4: Path, tmp_path: Path) -> None:
    reference_workflow(server, small_mp4, tmp_path)


def reference_workflow(server: LiveServer, small_mp4: Path, tmp_path: Path,
                       canvas: tuple[int, int] | None = None) -> None:
    """The workflow on a 1920x1080 draft, as the reference client makes it, or on ``canvas`` (the cluster's runs of
    it check the queue, database and storage, not the size: they pass ``TINY``)."""
    client = server.client
    token = client.post("/api/auth/anonymous-token", headers={"X-Client-Id": str(uuid.uuid4())}).json()["data"]["token"]
    auth = server.auth(token)
    created = client.post("/api/tasks/me/with-session/nemo_agent", headers=auth,
                          json={"task_name": "project", "language": "en"}).json()["data"]
    session_id = created["session_id"]
    assert created["task_id"]
    if canvas is not None:
        server.set_canvas(token, session_id, canvas)

    uploaded = client.post(f"/api/upload-video/nemo_agent/me/{session_id}", headers=auth,
                           files=[("files", ("mine.mp4", small_mp4.read_bytes()))]).json()
    assert uploaded["code"] == 0 and uploaded["data"]["media"][0]["kind"] == "video"

    events = chat(server, token, session_id, "generate a 2-second video clip of a futuristic city at night")
    for event in events:
        assert set(event["actions"]) >= {"stateDelta", "artifactDelta", "requestedAuthConfigs"}
        assert event["author"] == "nemo_agent" and event["invocationId"]
        assert None not in event.values()
    calls = [p["functionCall"] for e in events for p in e.get("content", {}).get("parts", []) if "functionCall" in p]
    responses = [p["functionResponse"] for e in events for p in e.get("content", {}).get("parts", [])
                 if "functionResponse" in p]
    assert calls[0]["name"] == "generate_video" and responses[0]["response"]["ok"] is True
    generated_facts = responses[0]["response"]
    assert generated_facts["backend"] == "preview" and generated_facts["shots"] == 1
    assert (generated_facts["start_ms"], generated_facts["end_ms"]) == (0, 2000)
    assert "0-2s" in " ".join(texts(events))  # the reply says where the clip landed
    progress = [e["actions"]["stateDelta"]["progress"]["fraction"] for e in events
                if "progress" in e["actions"]["stateDelta"]]
    assert progress and progress == sorted(progress)
    assert texts(events)[-1]  # the turn ends with a text part

    state = client.get(f"/api/state/nemo_agent/me/{session_id}/latest", headers=auth).json()["data"]["state"]
    (generated,) = state["generated_media"]
    assert generated["kind"] == "video" and 1900 <= generated["duration_ms"] <= 2100
    segments = state["draft"]["t"][0]["sg"]
    assert segments[-1]["src"] == f"media:{generated['id']}"
    assert [v["id"] for v in state["video_infos"]] == [generated["id"]]

    credits = client.get("/api/credits/balance/simple", headers=auth).json()["data"]
    assert credits == {"available": 98, "frozen": 0, "total": 98}  # 2 s at 1 credit a second

    body = {"id": f"render_{int(time.time())}", "sessionId": session_id, "draft": state["draft"],
            "output": {"format": "mp4", "quality": "high"}}
    refused = client.post("/api/render/proxy/lambda", headers=auth, json=body)
    assert refused.status_code == 402
    accepted = client.post("/api/render/proxy/lambda", headers={**auth, **ATTRIBUTION}, json=body)
    assert accepted.json()["code"] == 0
    done = poll(server, token, body["id"])
    assert done["status"] == "completed", done
    url = done["output"]["url"]
    ranged = httpx.get(url, headers={"Range": "bytes=10-19"})
    assert ranged.status_code == 206 and len(ranged.content) == 10
    video = httpx.get(url)
    out = tmp_path / "export.mp4"
    out.write_bytes(video.content)
    with av.open(str(out)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert (stream.codec_context.width, stream.codec_context.height) == (canvas or (1920, 1080))
        assert abs(float(container.duration or 0) / 1e6 - 2.0) < 0.15


def test_chinese_generation_replies_in_chinese(server: LiveServer) -> None:
    token = server.token()
    session_id = server.session(token, language="zh", canvas=TINY)
    events = chat(server, token, session_id, "生成一段2秒的海边日落视频")
    reply = texts(events)[-1]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in reply)
    state = server.client.get(f"/api/state/nemo_agent/me/{session_id}/latest", headers=server.auth(token)).json()
    assert len(state["data"]["state"]["generated_media"]) == 1
