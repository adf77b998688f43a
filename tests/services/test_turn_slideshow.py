"""A slideshow by chat over the real services: uploaded photos become moving clips, and the export renders them."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import av
import pytest

from reelforge.draft import VIDEO
from reelforge.ffmpeg import ffmpeg_exe
from reelforge.services.uploads import ingest_file
from reelforge.store.repos import RenderRepo
from tests.services._turn_harness import Chat, open_chat


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    yield from open_chat(tmp_path / "data", two_stage_chat=False)


def _upload_photo(chat: Chat, tmp_path: Path, name: str, colour: str) -> str:
    path = tmp_path / name
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i", f"color=c={colour}:s=480x320",
                    "-frames:v", "1", str(path)], check=True)
    return str(ingest_file(chat.svc, chat.principal, chat.session_id, name, path)["src"])


def test_a_slideshow_of_uploaded_photos_exports_with_every_photo_moving(chat: Chat, tmp_path: Path) -> None:
    sources = [_upload_photo(chat, tmp_path, f"p{i}.png", colour) for i, colour in enumerate(["red", "blue"])]
    turn = chat.say("make a slideshow of my photos, 2 seconds each")
    clips = chat.draft().tracks_of(VIDEO)[0].segments
    assert [(c.src, c.meta.motion) for c in clips] == [(sources[0], "zoom_in"), (sources[1], "zoom_out")]
    assert clips[1].meta.transition is not None and chat.draft().video_end_ms == 3500  # 2 + 2 - 0.5 overlap
    assert "zoom" in turn.reply
    export = chat.say("export it")
    (response,) = export.parts("functionResponse")
    with chat.svc.db.read() as db:
        record = RenderRepo(db).by_client_id(chat.principal.user_id, response["response"]["render_id"])
    assert record is not None and record.output_key
    with av.open(str(chat.svc.blobs.local_path(record.output_key))) as container:
        frames = [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]
    assert len(frames) == pytest.approx(3.5 * 30, abs=2)
    red, blue = frames[10].reshape(-1, 3).mean(axis=0), frames[-10].reshape(-1, 3).mean(axis=0)
    assert red[0] > 180 > red[2] and blue[2] > 180 > blue[0]  # the photos, in upload order
