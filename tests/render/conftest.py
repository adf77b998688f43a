"""Source media for the renderer tests, made once per session with ffmpeg's lavfi sources."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reelforge.ffmpeg import ffmpeg_exe


def _make(out: Path, *args: str) -> Path:
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", *args, str(out)], check=True)
    return out


@pytest.fixture(scope="session")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Small sources: two 3 s clips (one with a 440 Hz tone), solid colours, a still, tones."""
    d = tmp_path_factory.mktemp("media")
    h264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    return {
        "clip_a": _make(d / "clip_a.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=3",
                        "-f", "lavfi", "-i", "sine=f=440:r=48000:d=3", *h264, "-c:a", "aac", "-shortest"),
        "clip_b": _make(d / "clip_b.mp4", "-f", "lavfi", "-i", "testsrc2=s=640x480:r=25:d=3", *h264),
        "red": _make(d / "red.mp4", "-f", "lavfi", "-i", "color=c=red:s=160x90:r=30:d=2", *h264),
        "blue": _make(d / "blue.mp4", "-f", "lavfi", "-i", "color=c=blue:s=160x90:r=30:d=2", *h264),
        "still": _make(d / "still.png", "-f", "lavfi", "-i", "testsrc2=s=200x300", "-frames:v", "1"),
        "tone": _make(d / "tone.wav", "-f", "lavfi", "-i", "sine=f=1000:r=48000:d=1"),
        # 440 Hz for the first second, 1 kHz for the second
        "two_tones": _make(d / "two_tones.wav", "-f", "lavfi", "-i", "sine=f=440:r=48000:d=1",
                           "-f", "lavfi", "-i", "sine=f=1000:r=48000:d=1",
                           "-filter_complex", "[0][1]concat=n=2:v=0:a=1"),
        "garbage": _write(d / "garbage.mp4", b"this is not a video at all\n" * 10),
    }


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
