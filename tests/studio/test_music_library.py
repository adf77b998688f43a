"""The studio's music library: the styles and a sample of each to listen to."""

from __future__ import annotations

import io

import av

from tests._server import LiveServer


def test_a_music_style_sample_plays_and_an_unknown_style_is_404(server: LiveServer) -> None:
    token = server.token()
    listed = server.client.get("/api/music/styles", headers=server.auth(token))
    assert listed.status_code == 200 and "lofi" in [s["name"] for s in listed.json()["data"]["styles"]]
    sample = server.client.get("/api/music/styles/lofi/sample", headers=server.auth(token))
    assert sample.status_code == 200 and sample.headers["content-type"] == "audio/mp4"
    with av.open(io.BytesIO(sample.content)) as container:
        assert container.streams.audio[0].codec_context.name == "aac"
        assert abs(float(container.duration or 0) / av.time_base - 12.0) < 0.2
    missing = server.client.get("/api/music/styles/polka/sample", headers=server.auth(token))
    assert missing.status_code == 404 and missing.json()["code"] == 404
    assert server.client.get("/api/music/styles/lofi/sample").status_code == 401
