"""Benchmark: the preview generator against bare ffmpeg encoding the same frames.

Generates a 10 s 1080p30 preview of a rich prompt and, in the same run, has ffmpeg
encode 300 frames of its own ``testsrc2`` source at 1080p30 with the same encoder
settings (libx264 veryfast CRF 18, yuv420p, BT.709). The realtime factor is clip
seconds / wall seconds; the floor says how fast the encode alone can go here.

Run: .venv/bin/python bench/generate.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import av
from _timing import busy_note, cores, ffmpeg_missing, timed

from reelforge.errors import ReelforgeError
from reelforge.ffmpeg import run_ffmpeg
from reelforge.generate import GenerateRequest, PreviewGenerator

PROMPT = "a sunset over a mountain lake with drifting clouds"
SECONDS, WIDTH, HEIGHT, FPS = 10, 1920, 1080, 30
ENCODE = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p",
          "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-movflags", "+faststart"]


def _frames(path: Path) -> int:
    with av.open(str(path)) as container:
        return sum(1 for _ in container.decode(video=0))


def main() -> int:
    missing = ffmpeg_missing("generate")
    if missing:
        print(missing)
        return 2
    core_count = cores()
    print(f"preview generator vs bare ffmpeg, {SECONDS} s {WIDTH}x{HEIGHT}@{FPS}, {core_count} cores")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "preview.mp4"
        request = GenerateRequest(prompt=PROMPT, seconds=SECONDS, width=WIDTH, height=HEIGHT, fps=FPS, seed=1)
        try:
            with timed() as preview:
                clip = PreviewGenerator().generate(request, out, lambda _: None)
        except ReelforgeError as exc:
            print(f"generate: cannot run: {exc}")
            return 2
        preview_s, preview_cpu = preview.wall_s, preview.cpu_s
        print(f"  preview  {preview_s:6.2f} s  cpu {preview_cpu:5.2f} s  {_frames(out)} frames  {out.stat().st_size / 1e6:5.1f} MB  "
              f"drawn at {clip.provenance['drawn_size'][0]}x{clip.provenance['drawn_size'][1]}, "
              f"scene {clip.provenance['scene']['elements']} at {clip.provenance['scene']['time_of_day']}")

        reference = Path(tmp) / "testsrc2.mp4"
        with timed() as floor:
            run_ffmpeg(["-f", "lavfi", "-i", f"testsrc2=size={WIDTH}x{HEIGHT}:rate={FPS}",
                        "-frames:v", str(SECONDS * FPS), *ENCODE, str(reference)], what="reference encode")
        floor_s, floor_cpu = floor.wall_s, floor.cpu_s
        print(f"  ffmpeg   {floor_s:6.2f} s  cpu {floor_cpu:5.2f} s  {_frames(reference)} frames  {reference.stat().st_size / 1e6:5.1f} MB  "
              "(testsrc2 drawn by ffmpeg, same encoder settings)")
    realtime_x, floor_x = SECONDS / preview_s, SECONDS / floor_s
    note = busy_note(core_count)
    if note:
        print(note)
    print(f"  preview takes {preview_s / floor_s:.2f}x the bare-ffmpeg time; "
          f"realtime {realtime_x:.2f}x (target >= 1 on 2 cores)")
    print(f"generate: realtime_x={realtime_x:.2f} ffmpeg_floor_x={floor_x:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
