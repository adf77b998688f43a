"""How fast the music library renders: seconds of music per second of wall time.

Renders every style for 60 s at 48 kHz stereo (loop mode, mastered to -16 LUFS), and
beside it two references doing the least work that produces as many samples: numpy
drawing band-filtered noise of the same length, and ffmpeg's ``anoisesrc`` written to a
wav. Ends with ``music: realtime_x=N`` (overall, all styles). Target: >= 20.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np

SECONDS = 60.0
RATE = 48000


def _timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> int:
    try:
        from reelforge.audio import STYLES, render_music
        from reelforge.audio._dsp import shaped_noise
        from reelforge.ffmpeg import ffmpeg_exe, run_ffmpeg
    except ImportError as exc:  # pragma: no cover - a broken install
        print(f"music bench cannot run: {exc}")
        return 2

    render_music("lofi", 2.0)  # warm imports and caches outside the timing
    print(f"rendering {SECONDS:g} s of each style at {RATE} Hz stereo")
    total_wall = 0.0
    for name in STYLES:
        wall = _timed(lambda name=name: render_music(name, SECONDS, seed=0))
        total_wall += wall
        print(f"  {name:<11} {wall:6.2f} s wall  {SECONDS / wall:7.1f}x realtime")
    overall = SECONDS * len(STYLES) / total_wall

    n = int(SECONDS * RATE)
    noise_wall = _timed(lambda: shaped_noise(np.random.default_rng(0), n, RATE, channels=2, high_hz=8000.0))
    print(f"reference: numpy band-filtered noise, {SECONDS:g} s stereo: {noise_wall:.2f} s "
          f"({SECONDS / noise_wall:.1f}x realtime)")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "noise.wav"
        ffmpeg_wall = _timed(lambda: run_ffmpeg(
            ["-f", "lavfi", "-i", f"anoisesrc=r={RATE}:d={SECONDS:g}:c=pink,aformat=channel_layouts=stereo",
             "-c:a", "pcm_s16le", str(out)], what="reference noise"))
    print(f"reference: ffmpeg anoisesrc (pink) to wav, {SECONDS:g} s stereo: {ffmpeg_wall:.2f} s "
          f"({SECONDS / ffmpeg_wall:.1f}x realtime)  [{Path(ffmpeg_exe()).name}]")
    print(f"overall: {SECONDS * len(STYLES):g} s of music in {total_wall:.2f} s; target >= 20x")
    print(f"music: realtime_x={overall:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
