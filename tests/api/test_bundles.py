"""Project bundles across data dirs: `reelforge pack ses_...` on one, an upload of the zip in a session on
another restores the project, and both render the same file. Unsafe zips answer 4001/4002 as any upload."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import av

from reelforge.store.repos import DraftRepo, SessionRepo
from tests._server import LiveServer
from tests.api.test_exports import ATTRIBUTION, poll, upload_clip


def _set_draft(server: LiveServer, session_id: str, draft: dict[str, Any]) -> None:
    with server.services.db.write() as db:
        session = SessionRepo(db).get(session_id)
        assert session is not None
        DraftRepo(db).add(session, draft, "set up")


def _render(server: LiveServer, token: str, session_id: str, draft: dict[str, Any], out: Path) -> tuple[Any, ...]:
    render_id = f"render_{session_id}"
    submitted = server.client.post("/api/render/proxy/lambda", headers=server.auth(token, **ATTRIBUTION),
                                   json={"id": render_id, "sessionId": session_id, "draft": draft,
                                         "output": {"format": "mp4", "quality": "low"}})
    assert submitted.status_code in (200, 202), submitted.text
    done = poll(server, token, render_id)
    assert done["status"] == "completed", done
    out.write_bytes(server.client.get(done["output"]["url"]).content)
    with av.open(str(out)) as container:
        streams = tuple((s.type, s.codec_context.name, getattr(s.codec_context, "width", None)) for s in container.streams)
        return streams, round(float(container.duration or 0) / av.time_base, 1)


def _upload_zip(server: LiveServer, token: str, session_id: str, data: bytes) -> Any:
    return server.client.post(f"/api/upload-video/nemo_agent/me/{session_id}", headers=server.auth(token),
                              files=[("files", ("project.zip", data, "application/zip"))])


def test_a_bundle_packed_on_one_data_dir_restores_and_renders_the_same_on_another(
        server_factory: Callable[..., LiveServer], small_mp4: Path, tmp_path: Path) -> None:
    first = server_factory()
    token = first.token()
    session_id = first.session(token)
    a, b = (upload_clip(first, token, session_id, small_mp4)["id"] for _ in range(2))
    draft = {"v": 1, "m": {"w": 320, "h": 240, "fps": 25, "bg": "#000000"}, "t": [
        {"id": "v1", "tt": 0, "sg": [{"id": "s1", "src": f"media:{a}", "s": 0, "d": 1000},
                                     {"id": "s2", "src": f"media:{b}", "s": 800, "d": 1000,
                                      "m": {"tr": {"type": "fade", "d": 200}}}]},
        {"id": "x1", "tt": 7, "sg": [{"id": "t1", "s": 0, "d": 800, "m": {"text": "Moved 搬家"}}]}]}
    _set_draft(first, session_id, draft)

    env = {**os.environ, "REELFORGE_DATA_DIR": str(first.services.settings.data_dir), "REELFORGE_SECRET_KEY": "test-secret"}
    packed = subprocess.run([sys.executable, "-m", "reelforge.cli", "pack", session_id, "-o", str(tmp_path / "p.zip")],
                            env=env, capture_output=True, text=True, timeout=120)
    assert packed.returncode == 0, packed.stderr
    with zipfile.ZipFile(tmp_path / "p.zip") as archive:
        assert sorted(archive.namelist())[-1] == "project.json" and len(archive.namelist()) == 3

    second = server_factory()
    other = second.token()
    other_session = second.session(other)
    restored = _upload_zip(second, other, other_session, (tmp_path / "p.zip").read_bytes())
    assert restored.status_code == 200, restored.text
    data = restored.json()["data"]
    assert data["bundles"][0]["media"] == 2 and len(data["media"]) == 2
    state = second.client.get(f"/api/state/nemo_agent/me/{other_session}/latest", headers=second.auth(other)).json()
    moved = state["data"]["state"]["draft"]
    assert [s["src"] for s in moved["t"][0]["sg"]] == [m["src"] for m in data["media"]]
    assert {s["src"] for s in moved["t"][0]["sg"]}.isdisjoint({f"media:{a}", f"media:{b}"})  # ids of this data dir
    assert moved["t"][1]["sg"][0]["m"]["text"] == "Moved 搬家"

    original = _render(first, token, session_id, draft, tmp_path / "a.mp4")
    again = _render(second, other, other_session, moved, tmp_path / "b.mp4")
    assert original == again  # same streams, same duration


def _zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_unsafe_bundles_answer_4001_and_4002_and_leave_nothing(server: LiveServer) -> None:
    token = server.token()
    session_id = server.session(token)
    manifest = json.dumps({"format": "reelforge-bundle", "version": 1, "draft": {"v": 1, "t": []}}).encode()
    traversal = _upload_zip(server, token, session_id, _zip_bytes({"project.json": manifest, "../../evil.mp4": b"x"}))
    assert traversal.status_code == 415 and traversal.json()["code"] == 4001
    assert "unsafe entry" in traversal.json()["message"]
    bomb = _upload_zip(server, token, session_id, _zip_bytes({"project.json": manifest,
                                                               "media/1-a.mp4": b"\0" * (30 * 1024 * 1024)}))
    assert bomb.status_code == 413 and bomb.json()["code"] == 4002
    not_media = _upload_zip(server, token, session_id, _zip_bytes({
        "project.json": json.dumps({"format": "reelforge-bundle", "version": 1, "draft": {"v": 1, "t": [
            {"id": "v1", "tt": 0, "sg": [{"id": "s1", "src": "media/1-a.mp4", "d": 1000}]}]}}).encode(),
        "media/1-a.mp4": b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 40}))  # an executable, not media
    assert not_media.status_code == 415 and not_media.json()["code"] == 4001
    state = server.client.get(f"/api/state/nemo_agent/me/{session_id}/latest", headers=server.auth(token)).json()
    assert state["data"]["state"]["uploaded_media"] == [] and state["data"]["draft_version"] == 0
    scratch = server.services.blobs.scratch()
    assert not [p for p in scratch.iterdir() if p.name.startswith("bundle-")]
