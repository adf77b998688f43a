"""The timeline routes beside the render route: export a session's draft, import a file back, refuse faults."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import opentimelineio as otio
import pytest

from tests._server import LiveServer
from tests.api.test_exports import upload_clip


def _draft(a: str, b: str) -> dict[str, Any]:
    return {"v": 1, "m": {"w": 320, "h": 240, "fps": 25, "bg": "#000000"}, "t": [
        {"id": "v1", "tt": 0, "sg": [
            {"id": "s1", "src": f"media:{a}", "s": 0, "d": 800, "in": 0},
            {"id": "s2", "src": f"media:{b}", "s": 600, "d": 800, "in": 100, "m": {"tr": {"type": "fade", "d": 200}}}]},
        {"id": "x1", "tt": 7, "sg": [{"id": "t1", "s": 0, "d": 500, "m": {"text": "Hi"}}]}]}


@pytest.mark.parametrize("fmt", ["fcp_xml", "otio", "fcpx_xml", "edl"])
def test_a_session_timeline_exports_and_imports_as_a_new_version(server: LiveServer, small_mp4: Path,
                                                                  fmt: str) -> None:
    token = server.token()
    session_id = server.session(token)
    a, b = (upload_clip(server, token, session_id, small_mp4)["id"] for _ in range(2))
    exported = server.client.post("/api/timeline/export", headers=server.auth(token),
                                  json={"sessionId": session_id, "format": fmt, "draft": _draft(a, b)})
    assert exported.status_code == 200, exported.text
    data = exported.json()["data"]
    assert data["format"] == fmt and data["file_name"].endswith((".xml", ".otio", ".fcpxml", ".edl"))
    read = otio.adapters.read_from_string(data["content"], {"edl": "cmx_3600", "otio": "otio_json"}.get(fmt, fmt),
                                          **({"rate": 25} if fmt == "edl" else {}))
    assert [Path(c.media_reference.target_url).stem for c in read.find_clips()
            if hasattr(c.media_reference, "target_url")][:1] == [a]  # the blob, by path

    back = server.client.post("/api/timeline/import", headers=server.auth(token),
                              json={"sessionId": session_id, "format": fmt, "content": data["content"]})
    assert back.status_code == 200, back.text
    draft = back.json()["data"]["draft"]
    assert [s["src"] for s in draft["t"][0]["sg"]] == [f"media:{a}", f"media:{b}"]
    assert draft["t"][0]["sg"][1]["m"]["tr"]["d"] == 200
    state = server.client.get(f"/api/state/nemo_agent/me/{session_id}/latest", headers=server.auth(token)).json()
    assert [s["src"] for s in state["data"]["state"]["draft"]["t"][0]["sg"]] == [f"media:{a}", f"media:{b}"]


def test_an_imported_timeline_may_not_name_another_users_media_or_a_server_path(
        server: LiveServer, small_mp4: Path) -> None:
    owner, intruder = server.token("owner"), server.token("intruder")
    owner_session, intruder_session = server.session(owner), server.session(intruder)
    a = upload_clip(server, owner, owner_session, small_mp4)["id"]
    content = server.client.post("/api/timeline/export", headers=server.auth(owner),
                                 json={"sessionId": owner_session, "format": "fcp_xml", "draft": _draft(a, a)}
                                 ).json()["data"]["content"]
    stolen = server.client.post("/api/timeline/import", headers=server.auth(intruder),
                                json={"sessionId": intruder_session, "format": "fcp_xml", "content": content})
    assert stolen.status_code == 400 and stolen.json()["data"]["field"] == "timeline"
    etc = content.replace(f"{a}.mp4", "../../../../etc/passwd")
    refused = server.client.post("/api/timeline/import", headers=server.auth(owner),
                                 json={"sessionId": owner_session, "format": "fcp_xml", "content": etc})
    assert refused.status_code == 400 and "not a file of this account" in refused.json()["message"]


def test_timeline_routes_refuse_bad_input_in_the_envelope(server: LiveServer) -> None:
    token = server.token()
    session_id = server.session(token)
    unknown = server.client.post("/api/timeline/export", headers=server.auth(token),
                                 json={"sessionId": session_id, "format": "capcut"})
    assert unknown.status_code == 400 and unknown.json()["data"]["field"] == "format"
    empty = server.client.post("/api/timeline/export", headers=server.auth(token),
                               json={"sessionId": session_id, "format": "edl"})
    assert empty.status_code == 400 and empty.json()["data"]["field"] == "draft"
    garbage = server.client.post("/api/timeline/import", headers=server.auth(token),
                                 json={"sessionId": session_id, "file_name": "cut.xml", "content": "<xmeml"})
    assert garbage.status_code == 400 and garbage.json()["data"]["field"] == "timeline"
    other = server.client.post("/api/timeline/export", headers=server.auth(server.token("someone")),
                               json={"sessionId": session_id, "format": "otio"})
    assert other.status_code == 404 and other.json()["code"] == 1002
    formats = server.client.get("/api/timeline/formats").json()["data"]["formats"]
    assert {f["name"] for f in formats} == {"otio", "fcp_xml", "fcpx_xml", "edl"}
