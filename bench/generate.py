"""Benchmark: the preview generator against bare ffmpeg encoding the same frames.

Generates a 10 s 1080p30 preview of a rich prompt and, in the same run, has ffmpeg
encode 300 frames of its own ``testsrc2`` source at 1080p30 with the same encoder
settings (libx264 veryfast CRF 18, yuv420p, BT.709). The realtime factor is clip
seconds / wall seconds; the floor says how fast the encode alone can go here.

Run: .venv/bin/python bench/generate.py
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import av

from reelforge.errors import ReelforgeError
from reelforge.ffmpeg import ffmpeg_exe, run_ffmpeg
from reelforge.generate import GenerateRequest, PreviewGenerator

PROMPT = "a sunset over a mountain lake with drifting clouds"
SECONDS, WIDTH, HEIGHT, FPS = 10, 1920, 1080, 30
ENCODE = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p",
          "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-movflags", "+faststart"]


def _frames(path: Path) -> int:
    with av.open(str(path)) as container:
        return sum(1 for _ in container.decode(video=0))


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (ffmpeg): robust to a busy machine."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> int:
    try:
        ffmpeg_exe()
    except (ImportError, RuntimeError, OSError) as exc:
        print(f"generate: cannot run: no ffmpeg ({exc})")
        return 2
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"preview generator vs bare ffmpeg, {SECONDS} s {WIDTH}x{HEIGHT}@{FPS}, {cores} cores")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "preview.mp4"
        request = GenerateRequest(prompt=PROMPT, seconds=SECONDS, width=WIDTH, height=HEIGHT, fps=FPS, seed=1)
        start, cpu_start = time.perf_counter(), _cpu_seconds()
        try:
            clip = PreviewGenerator().generate(request, out, lambda _: None)
        except ReelforgeError as exc:
            print(f"generate: cannot run: {exc}")
            return 2
        preview_s, preview_cpu = time.perf_counter() - start, _cpu_seconds() - cpu_start
        print(f"  preview  {preview_s:6.2f} s  cpu {preview_cpu:5.2f} s  {_frames(out)} frames  {out.stat().st_size / 1e6:5.1f} MB  "
              f"drawn at {clip.provenance['drawn_size'][0]}x{clip.provenance['drawn_size'][1]}, "
              f"scene {clip.provenance['scene']['elements']} at {clip.provenance['scene']['time_of_day']}")

        reference = Path(tmp) / "testsrc2.mp4"
        start, cpu_start = time.perf_counter(), _cpu_seconds()
        run_ffmpeg(["-f", "lavfi", "-i", f"testsrc2=size={WIDTH}x{HEIGHT}:rate={FPS}",
                    "-frames:v", str(SECONDS * FPS), *ENCODE, str(reference)], what="reference encode")
        floor_s, floor_cpu = time.perf_counter() - start, _cpu_seconds() - cpu_start
        print(f"  ffmpeg   {floor_s:6.2f} s  cpu {floor_cpu:5.2f} s  {_frames(reference)} frames  {reference.stat().st_size / 1e6:5.1f} MB  "
              "(testsrc2 drawn by ffmpeg, same encoder settings)")
    realtime_x, floor_x = SECONDS / preview_s, SECONDS / floor_s
    if os.getloadavg()[0] > (cores or 1):
        print(f"  note: load average {os.getloadavg()[0]:.1f} on {cores} cores: wall times include other work")
    print(f"  preview takes {preview_s / floor_s:.2f}x the bare-ffmpeg time; "
          f"realtime {realtime_x:.2f}x (target >= 1 on 2 cores)")
    print(f"generate: realtime_x={realtime_x:.2f} ffmpeg_floor_x={floor_x:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
