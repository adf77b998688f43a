"""``reelforge chat`` run as a user runs it, locally (no server) on a draft file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import av
import pytest


def chat(folder: Path, *messages: str, draft: str = "draft.json") -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "reelforge.cli", "chat", "--draft", draft]
    for message in messages:
        args += ["-m", message]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(folder), "REELFORGE_DATA_DIR": str(folder / "data"),
           "COLUMNS": "200", "REELFORGE_TWO_STAGE_CHAT": "false",
           "PYTHONPATH": os.environ.get("PYTHONPATH", "")}  # the checkout under test, when it is not the installed one
    return subprocess.run(args, cwd=folder, env=env, capture_output=True, text=True, timeout=300)


def test_local_chat_generates_edits_and_saves_a_renderable_draft(tmp_path: Path) -> None:
    result = chat(tmp_path, "generate a 2 second clip of a snowy forest",
                  "make it vertical and add the title 'Peak' for 1 second", "show the timeline", "how many clips do i have")
    assert result.returncode == 0, result.stderr
    assert 'Timeline (2 tracks): 1. Video: snowy forest (0-2s) 2. Title: "Peak" (0-1s)' in result.stdout
    assert "1 clip, 2 s in all. Timeline (2 tracks)" in result.stdout  # a question about the timeline answered first
    draft = json.loads((tmp_path / "draft.json").read_text())
    assert (draft["m"]["w"], draft["m"]["h"]) == (1080, 1920)
    clip = Path(draft["t"][0]["sg"][0]["src"])
    assert clip.is_file()  # a local path: `reelforge render draft.json` works on it
    rendered = subprocess.run([sys.executable, "-m", "reelforge.cli", "render", "draft.json", "-o", "out.mp4"],
                              cwd=tmp_path, capture_output=True, text=True, timeout=300,
                              env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert rendered.returncode == 0, rendered.stderr
    with av.open(str(tmp_path / "out.mp4")) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.width, stream.codec_context.height) == (1080, 1920)


def test_local_chat_continues_an_existing_draft_file_and_undoes_in_chinese(tmp_path: Path) -> None:
    first = chat(tmp_path, "generate a 2 second clip of a city at night")
    assert first.returncode == 0, first.stderr
    second = chat(tmp_path, "加上标题「夜城」", "撤销", "查看时间线")
    assert second.returncode == 0, second.stderr
    assert "editing" in second.stdout
    assert "已撤销" in second.stdout
    assert "Title" not in second.stdout.splitlines()[-1]
    assert "city at night" in (tmp_path / "draft.json").read_text()


def test_local_chat_answers_traditional_chinese_in_traditional(tmp_path: Path) -> None:
    result = chat(tmp_path, "generate a 2 second clip of a harbour at night", "片頭加個標題「維港夜景」", "影片改成直式")
    assert result.returncode == 0, result.stderr
    assert "已在開頭新增標題「維港夜景」" in result.stdout and "畫布改為 9:16" in result.stdout
    draft = json.loads((tmp_path / "draft.json").read_text())
    assert "維港夜景" in json.dumps(draft, ensure_ascii=False) and (draft["m"]["w"], draft["m"]["h"]) == (1080, 1920)


def test_local_chat_refuses_a_draft_file_with_a_missing_source(tmp_path: Path) -> None:
    (tmp_path / "draft.json").write_text(json.dumps(
        {"t": [{"id": "v1", "tt": 0, "sg": [{"id": "s1", "src": "gone.mp4", "d": 1000}]}]}))
    result = chat(tmp_path, "show the timeline")
    assert result.returncode == 2 and "gone.mp4" in result.stderr


def test_local_chat_describes_a_scene_and_saves_the_export_beside_the_draft(tmp_path: Path) -> None:
    # the product's own example: a description with its length, shape, title and music, then an export
    result = chat(tmp_path, "a sunset over a mountain lake, 2 seconds, vertical, title 'Golden Hour', lo-fi music at 35%",
                  "export it")
    assert result.returncode == 0, result.stderr
    assert "Lo-fi at 35%" in result.stdout and "Golden Hour" in result.stdout
    saved = tmp_path / "draft.mp4"
    # the reply's link is the saved file: no server runs in a local chat, so no http link is shown
    assert f"Download: {saved}" in result.stdout.replace("\n", "") and "/api/download/" not in result.stdout
    with av.open(str(saved)) as container:
        video, audio = container.streams.video[0], container.streams.audio[0]
        assert (video.codec_context.width, video.codec_context.height) == (1080, 1920)
        assert audio.codec_context.name == "aac"
        assert float(container.duration / av.time_base) == pytest.approx(2.0, abs=0.1)


def test_local_chat_uploads_the_media_it_is_given_and_refuses_a_missing_file(tmp_path: Path) -> None:
    for colour in ("red", "blue"):
        subprocess.run([sys.executable, "-c", "import subprocess, sys; from reelforge.ffmpeg import ffmpeg_exe; "
                        f"subprocess.run([ffmpeg_exe(), '-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c={colour}:s=320x240', "
                        f"'-frames:v', '1', '{colour}.jpg'], check=True)"], cwd=tmp_path, check=True)
    args = [sys.executable, "-m", "reelforge.cli", "chat", "--draft", "trip.json", "--media", "red.jpg",
            "--media", "blue.jpg", "-m", "make a slideshow of my photos"]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "REELFORGE_DATA_DIR": str(tmp_path / "data"),
           "COLUMNS": "200", "REELFORGE_TWO_STAGE_CHAT": "false"}
    result = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    draft = json.loads((tmp_path / "trip.json").read_text())
    clips = draft["t"][0]["sg"]
    assert [(Path(c["src"]).suffix, c["m"].get("motion")) for c in clips] == [(".jpg", "zoom_in"), (".jpg", "zoom_out")]
    assert (tmp_path / "red.jpg").is_file()  # uploading copies: the user's file stays
    missing = subprocess.run([*args[:4], "--media", "nope.jpg", "-m", "hi"], cwd=tmp_path, env=env,
                             capture_output=True, text=True, timeout=300)
    assert missing.returncode != 0 and "nope.jpg" in missing.stdout + missing.stderr
