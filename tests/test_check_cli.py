"""``reelforge check FILE --preset NAME``, run as a user runs it: exit 0 when it meets it, 1 with reasons, 2 for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reelforge.ffmpeg import ffmpeg_exe
from tests.test_cli import invoke

REELFORGE = [sys.executable, "-m", "reelforge.cli"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*REELFORGE, *args], check=False, cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 1 s draft exported with ``reelforge render --preset square`` (the smallest social canvas)."""
    d = tmp_path_factory.mktemp("check")
    subprocess.run([ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=1", "-f", "lavfi",
                    "-i", "sine=f=440:r=48000:d=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                    "-c:a", "aac", "-shortest", str(d / "clip.mp4")], check=True)
    (d / "draft.json").write_text(json.dumps({"v": 1, "m": {"w": 1280, "h": 720, "fps": 30}, "t": [
        {"id": "v1", "tt": 0, "sg": [{"id": "s1", "src": "clip.mp4", "s": 0, "d": 1000}]}]}), encoding="utf-8")
    result = run("render", "draft.json", "-o", "square.mp4", "--preset", "square", cwd=d)
    assert result.returncode == 0, result.stdout + result.stderr
    return d / "square.mp4"


def test_a_file_that_meets_the_preset_exits_0(exported: Path) -> None:
    result = run("check", str(exported), "--preset", "square", cwd=exported.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "meets the square preset" in result.stdout


def test_a_file_that_departs_exits_1_and_says_how(exported: Path) -> None:
    result = run("check", str(exported), "--preset", "tiktok", cwd=exported.parent)
    assert result.returncode == 1
    assert "video is 1080x1080, tiktok needs 1080x1920" in result.stdout


def test_a_missing_file_or_unknown_preset_exits_2(exported: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the two runs above are the subprocesses; these two answers come from the same app in-process
    missing = invoke("check", "nope.mp4", "--preset", "tiktok", cwd=exported.parent, monkeypatch=monkeypatch)
    unknown = invoke("check", str(exported), "--preset", "myspace", cwd=exported.parent, monkeypatch=monkeypatch)
    assert (missing.exit_code, unknown.exit_code) == (2, 2)
    assert "myspace" in unknown.stdout + unknown.stderr
