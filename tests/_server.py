"""A real reelforge server on loopback (uvicorn in a thread) and small media made with ffmpeg.

A pytest plugin, registered once by ``tests/conftest.py``: the fixtures ``server``, ``server_factory``
and ``small_mp4`` reach every test folder without an import. Test modules import only the helpers
(``LiveServer`` for annotations, ``make_settings``, ``make_mp4``, ``free_port``, ``run_server``).
"""

from __future__ import annotations

import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from reelforge.api import create_app
from reelforge.ffmpeg import ffmpeg_exe
from reelforge.services.context import Services, build_services
from reelforge.settings import Settings

__all__ = ["TINY", "LiveServer", "free_port", "make_mp4", "make_settings", "run_server", "server", "server_factory",
           "small_mp4"]


# Generation follows the draft's canvas: a test whose assertions do not depend on a clip's size generates on
# this one. A 1080p preview clip costs about 1.5 s of CPU a second (drawing, then x264); this one, a fiftieth.
TINY = (192, 108)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    services: Services
    client: httpx.Client

    def token(self, client_id: str | None = None) -> str:
        import uuid

        response = self.client.post("/api/auth/anonymous-token", headers={"X-Client-Id": client_id or uuid.uuid4().hex})
        assert response.status_code == 200, response.text
        return str(response.json()["data"]["token"])

    def auth(self, token: str, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}", **extra}

    def session(self, token: str, language: str = "en", canvas: tuple[int, int] | None = None) -> str:
        """A new session; ``canvas`` (width, height) replaces its empty draft's 1920x1080 (see ``TINY``)."""
        response = self.client.post("/api/tasks/me/with-session/nemo_agent", headers=self.auth(token),
                                    json={"task_name": "project", "language": language})
        assert response.status_code == 200, response.text
        session_id = str(response.json()["data"]["session_id"])
        if canvas is not None:
            self.set_canvas(token, session_id, canvas)
        return session_id

    def set_canvas(self, token: str, session_id: str, canvas: tuple[int, int]) -> None:
        """Give the session an empty draft of this size (its first edit, before any media)."""
        width, height = canvas
        draft = {"v": 1, "m": {"w": width, "h": height, "fps": 30, "bg": "#000000"},
                 "t": [{"id": "v0", "tt": 0, "sg": []}]}
        response = self.client.patch(f"/apps/nemo_agent/users/me/sessions/{session_id}", headers=self.auth(token),
                                     json={"state_delta": {"draft": draft}})
        assert response.status_code == 200, response.text


def run_server(settings: Settings, services: Services | None = None) -> Iterator[LiveServer]:
    port = free_port()
    settings = settings.model_copy(update={"port": port, "public_url": f"http://127.0.0.1:{port}"})
    svc = services or build_services(settings)
    if services is not None:
        svc.links.public_url = f"http://127.0.0.1:{port}"
    app = create_app(settings, services=svc)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           timeout_graceful_shutdown=2))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        yield LiveServer(url=f"http://127.0.0.1:{port}", services=svc, client=client)
    server.should_exit = True
    thread.join(10)
    svc.close()


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    base: dict[str, Any] = {"data_dir": data_dir, "workers": 1, "heartbeat_s": 0.5, "job_heartbeat_s": 0.5,
                            "rate_limit": "1000/minute", "anonymous_token_client_rate": "1000 per 7 day",
                            "anonymous_token_address_rate": "1000 per 7 day", "secret_key": "test-secret",
                            # the suite's servers play a public server, where loopback is no owner
                            # (tests/studio/test_owner.py turns the local owner on)
                            "owner_studio": False}
    base.update(overrides)
    return Settings(**base)


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[Callable[..., LiveServer]]:
    """Start servers with settings overrides; all stop at the end of the test."""
    generators: list[Iterator[LiveServer]] = []

    def start(services: Services | None = None, **overrides: Any) -> LiveServer:
        folder = tmp_path / f"data{len(generators)}"
        generator = run_server(make_settings(folder, **overrides), services)
        generators.append(generator)
        return next(generator)

    yield start
    for generator in generators:
        for _ in generator:
            pass


@pytest.fixture
def server(server_factory: Callable[..., LiveServer]) -> LiveServer:
    """One server with the test settings and its own data folder."""
    return server_factory()


def make_mp4(path: Path, seconds: float = 1.0, size: str = "320x240") -> Path:
    """A tiny H.264 + AAC clip from ffmpeg's test sources."""
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y",
                    "-f", "lavfi", "-i", f"testsrc=size={size}:rate=25:duration={seconds}",
                    "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
                    "-shortest", str(path)], check=True)
    return path


@pytest.fixture(scope="session")
def small_mp4(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-second 320x240 clip, made once for the run."""
    return make_mp4(tmp_path_factory.mktemp("media") / "clip.mp4")
