"""``input_reference`` given as an http(s) ``image_url``: fetched by the SSRF-safe fetcher, then sniffed.

The refusals run against a plain server (the system resolver, a real outbound client): a loopback
URL is one the server could really reach, so only the fetcher's vetting stops it. The fetches that
pass vetting need a public host, and tests have no internet: as the seed protocol's URL-upload tests
do, the server is built with a resolver that names one public address and a transport that plays
that host, so the vetting, the pinned request and the sniffing all run for real.
"""

from __future__ import annotations

import subprocess
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import av
import httpx
import numpy as np
import pytest
from openai import OpenAI

from reelforge.ffmpeg import ffmpeg_exe
from reelforge.services.context import build_services
from reelforge.services.fetch import system_resolver
from tests._server import LiveServer, make_settings

pytestmark = pytest.mark.filterwarnings("ignore:The Sora API is scheduled:DeprecationWarning")

PUBLIC = "93.184.216.34"       # what the fake DNS answers for images.example
MAGENTA = (255, 0, 255)


@pytest.fixture(scope="module")
def magenta_png(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    still = tmp_path_factory.mktemp("still") / "magenta.png"
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                    "color=c=magenta:size=320x180", "-frames:v", "1", str(still)], check=True)
    return still.read_bytes()


class ImageHost:
    """``images.example`` as a transport: what it was asked, and what it serves."""

    def __init__(self, png: bytes) -> None:
        self.png = png
        self.requests: list[httpx.Request] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.host != PUBLIC:  # the fetcher must connect to the address it vetted
            return httpx.Response(502)
        if request.url.path == "/stills/magenta.png":
            return httpx.Response(200, content=self.png, headers={"content-type": "image/png"})
        if request.url.path == "/page.html":
            return httpx.Response(200, content=b"<!doctype html><html><body>hello</body></html>")
        if request.url.path == "/huge.png":  # no content-length: the cap must hold while streaming
            return httpx.Response(200, content=self._huge())
        return httpx.Response(404)

    async def _huge(self) -> AsyncIterator[bytes]:
        yield self.png[:64]
        for _ in range(21):
            yield bytes(1024 * 1024)


@pytest.fixture
def image_host(magenta_png: bytes) -> ImageHost:
    return ImageHost(magenta_png)


@pytest.fixture
def fetching_server(server_factory: Callable[..., LiveServer], image_host: ImageHost,
                    tmp_path: Path) -> LiveServer:
    async def dns(host: str, port: int) -> list[str]:
        return [PUBLIC] if host == "images.example" else await system_resolver(host, port)

    services = build_services(make_settings(tmp_path / "svc"), fetch_transport=httpx.MockTransport(image_host.handle),
                              resolver=dns)
    return server_factory(services=services)


@pytest.fixture
def client(fetching_server: LiveServer) -> Iterator[OpenAI]:
    with OpenAI(base_url=f"{fetching_server.url}/v1", api_key=fetching_server.token(), max_retries=0,
                timeout=60) as sdk:
        yield sdk


def _create(server: LiveServer, token: str, image_url: str) -> httpx.Response:
    return server.client.post("/v1/videos", headers=server.auth(token), json={
        "prompt": "a quiet afternoon", "seconds": 1, "size": "1280x720", "model": "preview",
        "input_reference": {"image_url": image_url}})


def _middle_frame_mean(path: Path) -> np.ndarray:
    with av.open(str(path)) as container:
        frames = [frame.to_ndarray(format="rgb24") for frame in container.decode(video=0)]
    return np.asarray(frames[len(frames) // 2].reshape(-1, 3).mean(axis=0))


def test_a_fetched_image_url_becomes_the_still_of_an_image_to_video_job(
        fetching_server: LiveServer, client: OpenAI, image_host: ImageHost, tmp_path: Path) -> None:
    token = client.api_key
    response = _create(fetching_server, token, "https://images.example/stills/magenta.png")
    assert response.status_code == 200, response.text

    (request,) = image_host.requests
    assert request.url.host == PUBLIC and request.headers["host"] == "images.example"
    video = client.videos.poll(response.json()["id"], poll_interval_ms=200)
    assert video.status == "completed", video.error
    out = tmp_path / "video.mp4"
    client.videos.download_content(video.id).write_to_file(out)
    # the preview draws the still itself (a slow push-in): the frames are the fetched magenta
    assert np.abs(_middle_frame_mean(out) - MAGENTA).max() < 25


@pytest.mark.parametrize(("path", "reason"), [
    ("/page.html", "must be a JPEG, PNG or WebP image"),
    ("/huge.png", "larger than 20 MB"),
    ("/missing.png", "answered HTTP 404"),
])
def test_a_reference_url_that_gives_no_usable_image_is_refused(fetching_server: LiveServer, path: str,
                                                               reason: str) -> None:
    token = fetching_server.token()
    response = _create(fetching_server, token, f"https://images.example{path}")
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert (error["param"], error["type"]) == ("input_reference", "invalid_request_error")
    assert error["message"].startswith("input_reference") and reason in error["message"]
    listed = fetching_server.client.get("/v1/videos", headers=fetching_server.auth(token))
    assert listed.json()["data"] == []  # nothing was queued, nothing charged


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:1/still.png", "http://localhost/still.png", "http://[::1]/still.png",
    "http://10.0.0.1/still.png", "http://169.254.169.254/latest/meta-data", "{server}/health",
])
def test_loopback_and_private_reference_urls_are_refused(server: LiveServer, url: str) -> None:
    token = server.token()
    response = _create(server, token, url.format(server=server.url))
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["param"] == "input_reference" and "not allowed" in error["message"]
    assert server.client.get("/v1/videos", headers=server.auth(token)).json()["data"] == []


@pytest.mark.parametrize(("reference", "reason"), [
    ({"image_url": "ftp://images.example/still.png"}, "only http and https"),
    ({"image_url": "data:image/png,not-base64"}, "must be base64"),
    ({"image_url": "data:image/png;base64,@@@"}, "not valid base64"),
    ({"file_id": "file_123"}, "send an image file"),
])
def test_reference_objects_reelforge_cannot_use_are_refused_by_name(server: LiveServer, reference: dict[str, str],
                                                                   reason: str) -> None:
    response = server.client.post("/v1/videos", headers=server.auth(server.token()), json={
        "prompt": "x", "model": "preview", "input_reference": reference})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["param"] == "input_reference" and reason in error["message"]


def test_a_multipart_reference_field_that_is_not_json_is_refused(server: LiveServer) -> None:
    response = server.client.post("/v1/videos", headers=server.auth(server.token()),
                                  data={"prompt": "x", "model": "preview", "input_reference": "{not json"})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["param"] == "input_reference" and "not valid JSON" in error["message"]


@pytest.mark.parametrize(("upload", "reason"), [
    (b"\x89PNG\r\n\x1a\n" + bytes(21 * 1024 * 1024), "larger than 20 MB"),
    (b"GIF89a" + bytes(64), "must be a JPEG, PNG or WebP image"),
])
def test_an_uploaded_reference_file_gets_the_same_checks(server: LiveServer, upload: bytes, reason: str) -> None:
    response = server.client.post("/v1/videos", headers=server.auth(server.token()),
                                  data={"prompt": "x", "model": "preview"},
                                  files={"input_reference": ("still.png", upload, "image/png")})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["param"] == "input_reference" and reason in error["message"]
