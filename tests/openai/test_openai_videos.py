"""OpenAI's Videos API, driven by the official ``openai`` package against a real server."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import av
import openai
import pytest
from openai import OpenAI

from reelforge.jobs.generate_job import media_id_of
from tests._server import LiveServer

# the SDK marks every videos method deprecated (Sora's shutdown): exactly what reelforge replaces
pytestmark = pytest.mark.filterwarnings("ignore:The Sora API is scheduled:DeprecationWarning")


@pytest.fixture
def client(server: LiveServer) -> Iterator[OpenAI]:
    with OpenAI(base_url=f"{server.url}/v1", api_key=server.token(), max_retries=0, timeout=60) as sdk:
        yield sdk


def _probe(path: Path) -> tuple[str, int, int, float]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        seconds = float(container.duration or 0) / av.time_base
        return stream.codec_context.name, stream.codec_context.width, stream.codec_context.height, seconds


def test_create_and_poll_makes_an_h264_clip_in_the_requested_orientation(client: OpenAI, tmp_path: Path) -> None:
    video = client.videos.create_and_poll(prompt="a sunset over a lake", seconds="4", size="720x1280",
                                          poll_interval_ms=200)
    assert video.status == "completed", video.error
    assert (video.object, video.model, video.seconds, video.size, video.progress) == \
        ("video", "sora-2", "4", "720x1280", 100)
    assert video.id.startswith("video_") and video.completed_at is not None and video.completed_at >= video.created_at
    assert video.prompt == "a sunset over a lake"

    out = tmp_path / "video.mp4"
    client.videos.download_content(video.id).write_to_file(out)
    codec, width, height, seconds = _probe(out)
    assert (codec, width, height) == ("h264", 720, 1280)  # the size the video object states
    assert seconds == pytest.approx(4.0, abs=0.2)


@pytest.mark.parametrize(("size", "seconds"), [("1280x720", "2"), ("480x480", "1")])
def test_the_file_is_the_size_and_length_asked(client: OpenAI, tmp_path: Path, size: str, seconds: str) -> None:
    video = client.videos.create_and_poll(prompt="a red kite", seconds=seconds, size=size, model="preview",
                                          poll_interval_ms=200)  # type: ignore[arg-type]
    assert video.status == "completed", video.error
    out = tmp_path / "video.mp4"
    client.videos.download_content(video.id).write_to_file(out)
    _, width, height, length = _probe(out)
    assert f"{width}x{height}" == video.size == size
    assert length == pytest.approx(float(seconds), abs=0.1)


def test_thumbnail_is_one_frame_and_spritesheet_a_grid_of_frames(client: OpenAI, tmp_path: Path) -> None:
    video = client.videos.create_and_poll(prompt="waves on a beach", seconds="2", size="1280x720", model="preview",
                                          poll_interval_ms=200)
    assert video.status == "completed", video.error
    thumb, sheet = tmp_path / "thumb.jpg", tmp_path / "sheet.jpg"
    client.videos.download_content(video.id, variant="thumbnail").write_to_file(thumb)
    client.videos.download_content(video.id, variant="spritesheet").write_to_file(sheet)
    assert thumb.read_bytes()[:3] == sheet.read_bytes()[:3] == b"\xff\xd8\xff"  # JPEG
    _, thumb_w, thumb_h, _ = _probe(thumb)
    _, sheet_w, sheet_h, _ = _probe(sheet)
    assert (thumb_w, thumb_h) == (640, 360)
    assert (sheet_w, sheet_h) == (5 * 160, 2 * 90)  # 5 x 2 frames of 160x90


def test_list_pages_through_the_callers_videos_with_a_cursor(client: OpenAI, server: LiveServer) -> None:
    made = [client.videos.create(prompt=f"clip {n}", seconds="1", size="1280x720", model="preview").id
            for n in range(3)]
    first = client.videos.list(limit=2, order="asc")
    assert [v.id for v in first.data] == made[:2] and first.has_more is True
    second = first.get_next_page()
    assert [v.id for v in second.data] == made[2:] and second.has_more is False
    assert [v.id for v in client.videos.list(order="desc")] == made[::-1]
    # another user's list is empty, and their lookups of these ids are 404
    with OpenAI(base_url=f"{server.url}/v1", api_key=server.token(), max_retries=0) as other:
        assert other.videos.list().data == []
        with pytest.raises(openai.NotFoundError):
            other.videos.retrieve(made[0])


def test_remix_makes_a_new_video_of_the_same_shape(client: OpenAI) -> None:
    source = client.videos.create_and_poll(prompt="a red kite", seconds="1", size="1792x1024", model="preview",
                                           poll_interval_ms=200)
    remix = client.videos.remix(source.id, prompt="a blue kite at dusk")
    assert remix.remixed_from_video_id == source.id and remix.id != source.id
    done = client.videos.poll(remix.id, poll_interval_ms=200)
    assert (done.status, done.size, done.seconds, done.prompt) == ("completed", "1792x1024", "1", "a blue kite at dusk")


def test_expires_at_is_null_because_content_outlives_the_signed_link_ttl(
        server_factory: Callable[..., LiveServer]) -> None:
    server = server_factory(signed_url_ttl_s=1)
    with OpenAI(base_url=f"{server.url}/v1", api_key=server.token(), max_retries=0, timeout=60) as client:
        video = client.videos.create_and_poll(prompt="fog", seconds="1", size="1280x720", model="preview",
                                              poll_interval_ms=200)
        assert video.status == "completed", video.error
        assert video.expires_at is None
        # a signed link to the same clip (the video id is its job id; the clip's media id follows) dies
        # once the 1 s ttl has passed ...
        link = server.services.links.url("media", media_id_of("job_" + video.id.removeprefix("video_")))
        assert server.client.get(link).status_code == 200
        deadline = time.monotonic() + 10
        while server.client.get(link).status_code != 403:
            assert time.monotonic() < deadline, "the signed link never expired"
            time.sleep(0.2)
        # ... while /content, read with the bearer token, still serves it: nothing expired
        assert client.videos.download_content(video.id).content[4:8] == b"ftyp"
        assert client.videos.retrieve(video.id).expires_at is None
        assert [v.expires_at for v in client.videos.list()] == [None]


def test_delete_removes_the_video_and_its_content(client: OpenAI) -> None:
    video = client.videos.create_and_poll(prompt="rain", seconds="1", size="1280x720", model="preview",
                                          poll_interval_ms=200)
    deleted = client.videos.delete(video.id)
    assert (deleted.id, deleted.deleted, deleted.object) == (video.id, True, "video.deleted")
    with pytest.raises(openai.NotFoundError):
        client.videos.retrieve(video.id)
    with pytest.raises(openai.NotFoundError):
        client.videos.download_content(video.id)


@pytest.mark.parametrize(("fields", "param"), [
    ({"size": "640x9999"}, "size"),
    ({"size": "big"}, "size"),
    ({"size": "1281x721"}, "size"),
    ({"size": "3840x2160"}, "size"),
    ({"seconds": "99"}, "seconds"),
    ({"model": "not-a-model"}, "model"),
])
def test_bad_parameters_answer_openais_error_shape(client: OpenAI, fields: dict[str, str], param: str) -> None:
    with pytest.raises(openai.BadRequestError) as caught:
        client.videos.create(prompt="a lake", **fields)  # type: ignore[arg-type]
    assert caught.value.status_code == 400
    body = caught.value.body
    assert isinstance(body, dict) and body["type"] == "invalid_request_error" and body["param"] == param
    assert set(body) == {"message", "type", "param", "code"} and param in body["message"]


def test_unknown_video_is_404_in_openais_shape(client: OpenAI, server: LiveServer) -> None:
    with pytest.raises(openai.NotFoundError) as caught:
        client.videos.retrieve("video_doesnotexist")
    assert caught.value.body == {"message": "Video with id 'video_doesnotexist' not found.",
                                 "type": "invalid_request_error", "param": "video_id", "code": None}
    response = server.client.get("/v1/videos", headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401 and response.json()["error"]["code"] == "invalid_api_key"


def test_json_body_with_a_data_url_reference_is_accepted(server: LiveServer, tmp_path: Path) -> None:
    import base64
    import subprocess

    from reelforge.ffmpeg import ffmpeg_exe

    still = tmp_path / "still.png"
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                    "color=c=orange:size=320x180", "-frames:v", "1", str(still)], check=True)
    reference = "data:image/png;base64," + base64.b64encode(still.read_bytes()).decode()
    headers = server.auth(server.token())
    response = server.client.post("/v1/videos", headers=headers, json={
        "prompt": "the orange sky moves", "seconds": 1, "size": "1280x720", "model": "preview",
        "input_reference": {"image_url": reference}})
    assert response.status_code == 200, response.text
    assert response.json()["status"] in ("queued", "in_progress", "completed")
    bad = server.client.post("/v1/videos", headers=headers, json={
        "prompt": "x", "input_reference": {"image_url": "data:text/plain;base64,aGVsbG8="}})
    assert bad.status_code == 400 and bad.json()["error"]["param"] == "input_reference"


def test_loras_are_checked_on_submission_and_carried_to_the_job(
        server_factory: Callable[..., LiveServer], tmp_path: Path) -> None:
    lora = tmp_path / "anime.safetensors"
    lora.write_bytes(b"not read by the preview generator")
    server = server_factory(loras={"anime": {"path": str(lora)}})
    headers = server.auth(server.token())
    unknown = server.client.post("/v1/videos", headers=headers, json={
        "prompt": "a lake", "seconds": 1, "model": "preview", "loras": ["anime", "pixar:0.5"]})
    assert unknown.status_code == 400
    assert unknown.json()["error"]["param"] == "loras" and "pixar" in unknown.json()["error"]["message"]
    bad_scale = server.client.post("/v1/videos", headers=headers, json={
        "prompt": "a lake", "seconds": 1, "model": "preview", "loras": ["anime:loud"]})
    assert bad_scale.status_code == 400 and bad_scale.json()["error"]["param"] == "loras[0]"

    made = server.client.post("/v1/videos", headers=headers, json={
        "prompt": "a lake", "seconds": 1, "model": "preview", "loras": [{"name": "anime", "scale": 0.6}]})
    assert made.status_code == 200, made.text
    from reelforge.store.repos import JobRepo

    with server.services.db.read() as session:
        job = JobRepo(session).get("job_" + made.json()["id"].removeprefix("video_"))
        assert job is not None and job.payload["loras"] == [{"name": "anime", "scale": 0.6}]
