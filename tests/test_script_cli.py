"""Script to video, voices, say and subtitles on the command line, run as a user runs them (a subprocess)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import av
import pytest
import srt
import webvtt

from tests.test_cli import invoke

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ("The harbour wakes up. Boats come home. Gulls fly over the market. "
          "Coffee steams in a cup. The town is awake.")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "REELFORGE_DATA_DIR": str(cwd / "data"), "COLUMNS": "200",
           "PYTHONPATH": str(ROOT)}  # this checkout's code, whatever is installed
    return subprocess.run([sys.executable, "-m", "reelforge.cli", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=600)


def test_a_five_sentence_script_becomes_a_narrated_captioned_1080p_video(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(SCRIPT, encoding="utf-8")
    done = run("script", "story.txt", "-o", "story.mp4", "--quality", "low", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    with av.open(str(tmp_path / "story.mp4")) as container:
        video, audio = container.streams.video[0], container.streams.audio[0]
        assert (video.codec_context.width, video.codec_context.height) == (1920, 1080)
        assert audio.codec_context.name == "aac"
        frames = sum(1 for _ in container.decode(video))
    draft = json.loads((tmp_path / "story-script" / "draft.json").read_text(encoding="utf-8"))
    main = draft["t"][0]["sg"]
    voice = next(t for t in draft["t"] if t["id"] == "voice")["sg"]
    assert len(main) == 5 and len(voice) == 5
    assert frames >= draft["d"] * 30 / 1000 - 2
    for clip, narration in zip(main, voice):  # each scene's voice inside its own clip
        assert clip["s"] <= narration["s"] and narration["s"] + narration["d"] <= clip["s"] + clip["d"]
    assert draft["m"]["captions"]["style"] == "highlight"
    cues = list(srt.parse((tmp_path / "story.srt").read_text(encoding="utf-8")))
    assert " ".join(c.content.replace("\n", " ") for c in cues) == SCRIPT
    vtt = webvtt.from_buffer(io.StringIO((tmp_path / "story.vtt").read_text(encoding="utf-8")), format="vtt")
    assert len(vtt.captions) == len(cues)


def test_voices_lists_english_and_chinese(tmp_path: Path) -> None:
    done = run("voices", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "en_female" in done.stdout and "zh_male" in done.stdout and "default" in done.stdout


def test_say_writes_speech_and_prints_sentence_times(tmp_path: Path) -> None:
    done = run("say", "你好。欢迎来到海边。", "-o", "hi.wav", "--voice", "zh_male", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "欢迎来到海边" in done.stdout and (tmp_path / "hi.wav").stat().st_size > 10_000


def test_bad_input_exits_2_with_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # refusals of say and script (each has its subprocess run above) in-process; subtitles' one run is below
    refused = invoke("say", "hello", "--voice", "robot", cwd=tmp_path, monkeypatch=monkeypatch)
    assert refused.exit_code == 2 and "voice" in refused.stderr
    refused = invoke("script", "missing.txt", cwd=tmp_path, monkeypatch=monkeypatch)
    assert refused.exit_code == 2 and "not found" in refused.stderr
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    refused = invoke("script", "bad.txt", cwd=tmp_path, monkeypatch=monkeypatch)
    assert refused.exit_code == 2 and "UTF-8" in refused.stderr
    (tmp_path / "empty.txt").write_text("  ...  ", encoding="utf-8")
    refused = invoke("script", "empty.txt", cwd=tmp_path, monkeypatch=monkeypatch)
    assert refused.exit_code == 2 and "nothing to narrate" in refused.stderr
    (tmp_path / "d.json").write_text(json.dumps({"v": 1, "m": {"w": 320, "h": 180}, "t": []}), encoding="utf-8")
    done = run("subtitles", "d.json", cwd=tmp_path)
    assert done.returncode == 2 and "no narration" in done.stderr
