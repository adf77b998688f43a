"""What motion interpolation costs: seconds to bring one second of 1080p output from 16 to 30 fps.

A 16 fps model clip (a panning, textured 1080p picture; a short one, as minterpolate is slow on
a CPU) goes through reelforge's real encode (``encode_shots``) twice in the same run: with
motion-compensated interpolation (``minterpolate`` mci), and, as the reference, with the
repeated-frame conversion reelforge used before (ffmpeg's ``fps`` filter, same encode otherwise).
The interpolation's cost is the difference, per second of output. On the GPU the generation of
that second takes minutes, so this is a small fraction of it; on the CPU it is reported here.
Ends with ``interpolate: s_per_output_s=N``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np
from _timing import timed

SECONDS = 1.0
SOURCE_FPS, OUTPUT_FPS = 16, 30
WIDTH, HEIGHT = 1920, 1080


def _source(frames: int) -> np.ndarray:
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    out = np.empty((frames, HEIGHT, WIDTH, 3), np.uint8)
    for index in range(frames):
        shift = 240 * index / SOURCE_FPS
        value = 0.5 + 0.25 * np.sin((x - shift) / 40) * np.cos(y / 60) + 0.15 * np.sin((x - shift) / 150 + y / 110)
        out[index] = (np.clip(np.stack([value, 0.8 * value + 0.1, 1.0 - 0.7 * value], axis=-1), 0, 1) * 255).astype(np.uint8)
    return out


def main() -> int:
    try:
        from reelforge.ffmpeg import FrameWriter
        from reelforge.generate._frame_rate import FrameRatePlan, encode_shots
        from reelforge.generate.base import GenerateRequest
        from reelforge.progress import no_progress
    except ImportError as exc:  # pragma: no cover - a broken install
        print(f"interpolate bench cannot run: {exc}")
        return 2

    source = _source(round(SECONDS * SOURCE_FPS))
    request = GenerateRequest(prompt="pan", seconds=SECONDS, width=WIDTH, height=HEIGHT, fps=OUTPUT_FPS)
    print(f"{len(source)} frames of {WIDTH}x{HEIGHT} at {SOURCE_FPS} fps -> {SECONDS:g} s at {OUTPUT_FPS} fps")
    with tempfile.TemporaryDirectory() as folder:
        walls = {}
        for label, plan in (("repeated frames (fps filter)", FrameRatePlan(SOURCE_FPS, OUTPUT_FPS, "none")),
                            ("minterpolate mci", FrameRatePlan(SOURCE_FPS, OUTPUT_FPS, "minterpolate"))):
            # "none" at 16 fps would deliver 16 fps: the reference is the same encode plus fps=30
            with timed() as span:
                if plan.method == "none":
                    with FrameWriter.open(Path(folder) / "repeated.mp4", width=WIDTH, height=HEIGHT, fps=SOURCE_FPS,
                                          output_args=["-vf", f"fps={OUTPUT_FPS}", "-c:v", "libx264", "-preset",
                                                       "veryfast", "-crf", "18", "-pix_fmt", "yuv420p"]) as writer:
                        for frame in source:
                            writer.write(frame.tobytes())
                else:
                    encode_shots([source], plan, request, Path(folder) / "interpolated.mp4", no_progress)
            walls[plan.method] = span.wall_s
            print(f"  {label:<30} {walls[plan.method]:7.2f} s wall")
    cost = max(walls["minterpolate"] - walls["none"], 0.0) / SECONDS
    print(f"interpolation alone: {cost:.2f} s per output second "
          f"({walls['minterpolate'] / max(walls['none'], 1e-9):.1f}x the repeated-frame encode)")
    print(f"interpolate: s_per_output_s={cost:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
