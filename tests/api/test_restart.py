"""kill -9 during a render and a generation; a restarted server on the same data finishes both."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests._server import free_port, make_mp4
from tests.api.sse import sse_events
from tests.api.test_exports import ATTRIBUTION, vertical_draft


def _start(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "REELFORGE_DATA_DIR": str(data_dir), "REELFORGE_SECRET_KEY": "restart-secret",
           "REELFORGE_PUBLIC_URL": f"http://127.0.0.1:{port}", "REELFORGE_WORKERS": "2",
           "REELFORGE_JOB_HEARTBEAT_S": "0.3", "REELFORGE_JOB_STALE_S": "1", "REELFORGE_HEARTBEAT_S": "1",
           # the test polls two routes five times a second until the restarted jobs finish: past 120/minute
           "REELFORGE_RATE_LIMIT": "1000/minute"}
    proc = subprocess.Popen([sys.executable, "-m", "reelforge.api", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    with proc:  # waits, and closes the stderr pipe after reading it
        output = proc.stderr.read().decode() if proc.stderr else ""
    raise AssertionError("server did not start: " + output)


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for proc in started:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(10)
        if proc.stderr is not None:
            proc.stderr.close()


def test_restart_finishes_interrupted_render_and_generation(tmp_path: Path, processes: list[subprocess.Popen[bytes]],
                                                            request: pytest.FixtureRequest) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    processes.append(_start(tmp_path / "data", port))
    client = httpx.Client(base_url=base, timeout=30)
    request.addfinalizer(client.close)
    token = client.post("/api/auth/anonymous-token", headers={"X-Client-Id": "restart"}).json()["data"]["token"]
    auth = {"Authorization": f"Bearer {token}"}
    session_id = client.post("/api/tasks/me/with-session/nemo_agent", headers=auth, json={}).json()["data"]["session_id"]
    clip = make_mp4(tmp_path / "long.mp4", seconds=8)
    media = client.post(f"/api/upload-video/nemo_agent/me/{session_id}", headers=auth,
                        files=[("files", ("long.mp4", clip.read_bytes()))]).json()["data"]["media"][0]

    generating = threading.Event()
    fractions: list[float] = [0.0]  # the generation's progress the stream reported before the kill

    def chat() -> None:
        body = {"app_name": "nemo_agent", "session_id": session_id,
                "new_message": {"parts": [{"text": "generate a 3-second video of a snowy mountain"}]}}
        try:
            with httpx.stream("POST", base + "/run_sse", json=body, headers=auth, timeout=60) as response:
                for event in sse_events(response):
                    progress: dict[str, Any] = (event or {}).get("actions", {}).get("stateDelta", {}).get("progress", {})
                    if progress.get("fraction", 0) > 0:
                        fractions.append(progress["fraction"])
                        generating.set()
        except httpx.TransportError:
            pass  # the server is killed under it

    watcher = threading.Thread(target=chat, daemon=True)
    watcher.start()
    render = {"id": "render_restart", "sessionId": session_id, "draft": vertical_draft(media["id"], 8000),
              "output": {"format": "mp4", "quality": "high"}}
    assert client.post("/api/render/proxy/lambda", headers={**auth, **ATTRIBUTION}, json=render).json()["code"] == 0
    deadline = time.monotonic() + 60
    while True:
        status = client.get("/api/render/proxy/lambda/render_restart", headers=auth).json()
        if status["status"] == "processing" and status["progress"] > 0 and generating.is_set():
            break
        assert status["status"] != "completed", "render finished before the kill: make it longer"
        assert time.monotonic() < deadline, status
        time.sleep(0.05)
    processes[0].send_signal(signal.SIGKILL)
    processes[0].wait(10)
    watcher.join(10)
    assert max(fractions) < 1, "the generation finished before the kill: make it longer"

    processes.append(_start(tmp_path / "data", port))
    deadline = time.monotonic() + 120
    while True:
        status = client.get("/api/render/proxy/lambda/render_restart", headers=auth).json()
        state = client.get(f"/api/state/nemo_agent/me/{session_id}/latest", headers=auth).json()["data"]["state"]
        if status["status"] in ("completed", "failed") and state["generated_media"]:
            break
        assert time.monotonic() < deadline, (status, state["generated_media"])
        time.sleep(0.2)
    assert status["status"] == "completed", status
    assert httpx.get(status["output"]["url"], headers={"Range": "bytes=0-9"}).status_code == 206
    (generated,) = state["generated_media"]
    assert 2900 <= generated["duration_ms"] <= 3100
    assert state["draft"]["t"][0]["sg"][-1]["src"] == f"media:{generated['id']}"
    credits = client.get("/api/credits/balance/simple", headers=auth).json()["data"]
    assert credits == {"available": 97, "frozen": 0, "total": 97}  # charged once for 3 s
    assert httpx.get(media["url"]).content == clip.read_bytes()  # the upload survived
