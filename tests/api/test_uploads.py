"""Uploads: streamed to disk, judged by content, size-limited while streaming, probed into media."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests._server import LiveServer


def _upload(server: LiveServer, token: str, session_id: str, files: list[tuple[str, bytes]]) -> httpx.Response:
    return server.client.post(f"/api/upload-video/nemo_agent/me/{session_id}", headers=server.auth(token),
                              files=[("files", (name, data)) for name, data in files])


def test_upload_of_an_mp4_is_probed_into_a_media_record(server: LiveServer, small_mp4: Path) -> None:
    token = server.token()
    session_id = server.session(token)
    response = _upload(server, token, session_id, [("holiday.mp4", small_mp4.read_bytes())])
    assert response.status_code == 200, response.text
    (media,) = response.json()["data"]["media"]
    assert media["kind"] == "video" and media["mime"] == "video/mp4" and media["name"] == "holiday.mp4"
    assert (media["width"], media["height"]) == (320, 240)
    assert 900 <= media["duration_ms"] <= 1100
    assert media["size"] == small_mp4.stat().st_size
    download = httpx.get(media["url"])  # signed: no bearer token
    assert download.status_code == 200 and download.content == small_mp4.read_bytes()


def test_several_files_and_a_prompt_text_in_one_upload(server: LiveServer, small_mp4: Path) -> None:
    token = server.token()
    session_id = server.session(token)
    response = _upload(server, token, session_id, [("a.mp4", small_mp4.read_bytes()),
                                                   ("prompts.txt", "海边日落\na city at night\n".encode())])
    kinds = [m["kind"] for m in response.json()["data"]["media"]]
    assert kinds == ["video", "text"]


def test_an_executable_named_mp4_is_refused_4001(server: LiveServer) -> None:
    token = server.token()
    session_id = server.session(token)
    elf = Path("/bin/ls").read_bytes()
    response = _upload(server, token, session_id, [("movie.mp4", elf)])
    assert response.status_code == 415
    body = response.json()
    assert body["code"] == 4001 and "mp4" in body["data"]["accepted"] and "ELF" in body["message"]


def test_an_upload_over_the_limit_is_refused_4002_while_streaming(server_factory, small_mp4: Path) -> None:  # type: ignore[no-untyped-def]
    server = server_factory(upload_limit_bytes=10_000)
    token = server.token()
    session_id = server.session(token)

    def body():  # type: ignore[no-untyped-def]
        yield b"--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.mp4\"\r\n\r\n"
        yield small_mp4.read_bytes()[:4096]
        for _ in range(200):  # 12.8 MB more would follow; the server stops reading long before
            yield b"\0" * 65536
        yield b"\r\n--b--\r\n"

    response = server.client.post(f"/api/upload-video/nemo_agent/me/{session_id}", content=body(),
                                  headers=server.auth(token, **{"Content-Type": "multipart/form-data; boundary=b"}))
    assert response.status_code == 413
    assert response.json()["code"] == 4002 and response.json()["data"]["limit_bytes"] == 10_000
    leftovers = [p for p in server.services.blobs.scratch().rglob("*") if p.is_file()]
    assert leftovers == []


def test_upload_to_someone_elses_session_answers_1002(server: LiveServer, small_mp4: Path) -> None:
    owner, intruder = server.token(), server.token()
    session_id = server.session(owner)
    response = _upload(server, intruder, session_id, [("a.mp4", small_mp4.read_bytes())])
    assert response.status_code == 404 and response.json()["code"] == 1002


def test_url_upload_refuses_private_addresses(server: LiveServer) -> None:
    token = server.token()
    session_id = server.session(token)
    for url in ("http://127.0.0.1:1/a.mp4", "http://10.0.0.1/a.mp4", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/a.mp4", server.url + "/health"):
        response = server.client.post(f"/api/upload-video/nemo_agent/me/{session_id}", headers=server.auth(token),
                                      json={"urls": [url], "source_type": "url"})
        assert response.status_code == 400, url
        assert response.json()["data"]["field"] == "urls[0]" and "not allowed" in response.json()["message"]


def test_url_upload_fetches_through_the_vetted_address(server_factory, small_mp4: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from reelforge.services.context import build_services
    from tests._server import make_settings

    async def dns(host: str, port: int) -> list[str]:
        return {"media.example": ["93.184.216.34"]}[host]

    clip = small_mp4.read_bytes()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=clip)
                                    if request.url.host == "93.184.216.34" else httpx.Response(404))
    services = build_services(make_settings(tmp_path / "svc"), fetch_transport=transport, resolver=dns)
    server = server_factory(services=services)
    token = server.token()
    session_id = server.session(token)
    response = server.client.post(f"/api/upload-video/nemo_agent/me/{session_id}", headers=server.auth(token),
                                  json={"urls": ["https://media.example/videos/beach.mp4"], "source_type": "url"})
    assert response.status_code == 200, response.text
    (media,) = response.json()["data"]["media"]
    assert media["name"] == "beach.mp4" and media["kind"] == "video" and media["size"] == len(clip)
