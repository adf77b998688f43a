"""Quality benchmark: a 20 s 1080p30 draft rendered in each quality mode, scored by VMAF.

The draft: two generated preview scenes (``PreviewGenerator``, 10.5 s each, a 1 s crossfade),
a 4 s title and a looping BGM from ``reelforge.audio``. The reference is the same draft rendered
losslessly (x264 ``-qp 0``, same graph); each mode (high / medium / low) is rendered with the
real quality table and scored with libvmaf (``vmaf_v0.6.1``, every 2nd frame, 2 threads)
against it. Printed per mode: VMAF mean and 5th percentile, video bitrate, encode wall time
and speed (x realtime); the lossless reference's own time and bitrate are printed beside them.

Targets (issue 9): VMAF >= 95 / 90 / 80 for high / medium / low; high at <= 12000 kbps.
Ends with: ``quality: vmaf_high=N kbps_high=N vmaf_medium=N kbps_medium=N``.

``--format webm`` renders the modes as WebM (VP9 + Opus, the table's webm rows) instead of MP4,
against the same x264 lossless reference, and ends with
``quality_webm: vmaf_high=N kbps_high=N vmaf_medium=N kbps_medium=N``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from reelforge.audio import render_music, write_audio
from reelforge.draft.model import Draft
from reelforge.ffmpeg import ffmpeg_exe
from reelforge.generate import GenerateRequest, PreviewGenerator
from reelforge.progress import no_progress
from reelforge.render import QUALITY_TABLE, RenderOptions, path_resolver, render
from reelforge.render.check import probe_spec

W, H, FPS = 1920, 1080, 30
SCENE_MS, TRANSITION_MS = 10_500, 1_000
DURATION_MS = 2 * SCENE_MS - TRANSITION_MS
PROMPTS = ("a neon city street at night in the rain", "sunset over the sea with birds and waves")
MODES = ("high", "medium", "low")
TARGETS = {"high": 95.0, "medium": 90.0, "low": 80.0}


def make_draft(work: Path) -> Draft:
    generator = PreviewGenerator()
    for i, prompt in enumerate(PROMPTS):
        request = GenerateRequest(prompt=prompt, seconds=SCENE_MS / 1000, width=W, height=H, fps=FPS, seed=i + 1)
        generator.generate(request, work / f"scene{i}.mp4", no_progress)
    write_audio(render_music("lofi", seconds=20, seed=1), work / "bgm.m4a")
    return Draft.from_wire({"v": 1, "m": {"w": W, "h": H, "fps": FPS}, "t": [
        {"id": "v1", "tt": 0, "sg": [
            {"id": "a", "src": "scene0.mp4", "s": 0, "d": SCENE_MS},
            {"id": "b", "src": "scene1.mp4", "s": SCENE_MS - TRANSITION_MS, "d": SCENE_MS,
             "meta": {"transition": {"type": "fade", "d": TRANSITION_MS}}}]},
        {"id": "x1", "tt": 7, "sg": [{"id": "t", "s": 500, "d": 4000, "meta": {"text": "Night & Day"}}]},
        {"id": "a1", "tt": 1, "sg": [{"id": "m", "src": "bgm.m4a", "s": 0, "d": DURATION_MS,
                                      "meta": {"volume": 0.5, "loop": True}}]},
    ]})


def lossless_options() -> RenderOptions:
    # x264 -qp 0 is mathematically lossless (High 4:4:4 Predictive); the graph is the same as every mode's.
    row = QUALITY_TABLE[("mp4", "high")]
    return RenderOptions(settings=replace(row, crf=None, preset="ultrafast", maxrate_kbps=None, extra=("-qp", "0")))


def vmaf(distorted: Path, reference: Path, log: Path) -> tuple[float, float]:
    # Pair frames by index, not by timestamp: WebM stores milliseconds, so 1/30 s frames sit at 33, 67, 100 ms
    # and libvmaf's frame sync paired every third one with the previous reference frame (VMAF ~30 on those).
    graph = (f"[0:v]settb=1/{FPS},setpts=N[d];[1:v]settb=1/{FPS},setpts=N[r];"
             f"[d][r]libvmaf=log_fmt=json:log_path={log}:n_threads=2:n_subsample=2")
    subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(distorted), "-i", str(reference), "-lavfi", graph,
                    "-f", "null", "-"], check=True)
    pooled = json.loads(log.read_text())["pooled_metrics"]["vmaf"]
    scores = sorted(frame["metrics"]["vmaf"] for frame in json.loads(log.read_text())["frames"])
    return float(pooled["mean"]), float(scores[len(scores) // 20])


def timed_render(draft: Draft, work: Path, out: Path, options: RenderOptions) -> float:
    started = time.perf_counter()
    render(draft, path_resolver(work), out, options)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", default="mp4", choices=["mp4", "webm"],
                        help="the container whose quality rows are scored (default mp4: H.264 + AAC)")
    fmt = parser.parse_args().format
    try:
        subprocess.run([ffmpeg_exe(), "-v", "error", "-h", "filter=libvmaf"], check=True, capture_output=True)
    except (subprocess.CalledProcessError, OSError):
        print("quality bench: this ffmpeg has no libvmaf, so nothing can be scored")
        return 2
    with tempfile.TemporaryDirectory(prefix="reelforge-quality-") as tmp:
        work = Path(tmp)
        print(f"draft: {DURATION_MS / 1000:g} s {W}x{H}@{FPS}, two preview scenes, a crossfade, a title, BGM")
        draft = make_draft(work)
        reference = work / "lossless.mp4"
        seconds = timed_render(draft, work, reference, lossless_options())
        ref_kbps = probe_spec(reference).video_kbps or 0
        print(f"reference (x264 -qp 0): {ref_kbps:.0f} kbps, {seconds:.1f} s ({DURATION_MS / 1000 / seconds:.2f}x realtime)")
        results: dict[str, tuple[float, float]] = {}
        for mode in MODES:
            out = work / f"{mode}.{fmt}"
            seconds = timed_render(draft, work, out, RenderOptions(format=fmt, quality=mode))
            kbps = probe_spec(out).video_kbps or 0
            mean, p5 = vmaf(out, reference, work / f"{mode}.json")
            crf = QUALITY_TABLE[(fmt, mode)].crf
            verdict = "meets" if mean >= TARGETS[mode] else "MISSES"
            print(f"{mode:>6} (crf {crf}): vmaf {mean:.2f} (5th pct {p5:.2f}) {verdict} >= {TARGETS[mode]:g}, "
                  f"{kbps:.0f} kbps, encode {seconds:.1f} s ({DURATION_MS / 1000 / seconds:.2f}x realtime, "
                  f"{DURATION_MS * FPS / 1000 / seconds:.0f} fps)")
            results[mode] = (mean, kbps)
    name = "quality" if fmt == "mp4" else f"quality_{fmt}"
    print(f"{name}: vmaf_high={results['high'][0]:.2f} kbps_high={results['high'][1]:.0f} "
          f"vmaf_medium={results['medium'][0]:.2f} kbps_medium={results['medium'][1]:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
