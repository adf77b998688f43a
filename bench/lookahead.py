"""x264 rate-control lookahead benchmark: quality at equal bitrate, speed and memory of ``rc-lookahead`` values.

The draft: a 4 s 1080p30 preview scene (``PreviewGenerator``, a slow pan over a city at night in the
rain) under a title. The reference is the same draft rendered losslessly (x264 ``-qp 0``, same graph).
Each ``rc-lookahead`` value is rendered through the real renderer with the table's mp4 ``medium`` row
(``veryfast``) and only that value changed, at the row's CRF and two beside it, and scored with ffmpeg's
``ssim`` and ``psnr`` filters against the reference. At one CRF a longer lookahead (mbtree: bits
moved to what later frames reuse) changes the bitrate and the quality together, so each value's
quality is read at the same bitrate: SSIM (dB) and PSNR interpolated, in log bitrate, at the bitrate
of the 10-frame run at the row's CRF. ``veryfast`` alone looks 10 frames ahead (x264's preset
table), what reelforge shipped before this setting. Speed is x264's CPU seconds (a shared machine
inflates wall time, not CPU time), memory the ffmpeg process tree's peak RSS, both as ratios against
the 10-frame run of the same process at the row's CRF. ``render.encode`` sets the value the figures
support.

Ends with: ``lookahead: chosen=N ssim_db_delta_V=X cpu_ratio_V=X rss_ratio_V=X ...``: the value
``render.encode`` sets, then each other value V against the 10-frame run (SSIM at equal bitrate).
"""

from __future__ import annotations

import math
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

import psutil

from reelforge.draft.model import Draft
from reelforge.ffmpeg import ffmpeg_exe
from reelforge.generate import GenerateRequest, PreviewGenerator
from reelforge.progress import no_progress
from reelforge.render import QUALITY_TABLE, RenderOptions, path_resolver, render
from reelforge.render.check import probe_spec

W, H, FPS, SECONDS = 1920, 1080, 30, 4
BASELINE = 10                      # veryfast's own lookahead: what reelforge used before it was set
VALUES = (0, 10, 20, 40)           # 0: no lookahead, so no mbtree either
ROW = QUALITY_TABLE[("mp4", "medium")]
CRF_STEPS = (-3, 0, 3)             # the row's CRF and one either side: a rate-quality curve per value


@dataclass
class Scored:
    wall_s: float
    cpu_s: float
    rss_mib: float
    kbps: float
    ssim_db: float
    psnr: float


def make_draft(work: Path) -> Draft:
    request = GenerateRequest(prompt="a neon city street at night in the rain", seconds=SECONDS, width=W, height=H,
                              fps=FPS, seed=1)
    PreviewGenerator().generate(request, work / "scene.mp4", no_progress)
    return Draft.from_wire({"v": 1, "m": {"w": W, "h": H, "fps": FPS}, "t": [
        {"id": "v1", "tt": 0, "sg": [{"id": "a", "src": "scene.mp4", "s": 0, "d": SECONDS * 1000}]},
        {"id": "x1", "tt": 7, "sg": [{"id": "t", "s": 500, "d": 2500, "meta": {"text": "Night & Rain"}}]},
    ]})


def lossless_options() -> RenderOptions:
    # x264 -qp 0 is mathematically lossless; the graph is the same as every row's.
    return RenderOptions(settings=replace(ROW, crf=None, preset="ultrafast", maxrate_kbps=None, extra=("-qp", "0"),
                                          audio_codec=None))


def measured_render(draft: Draft, work: Path, out: Path, options: RenderOptions) -> tuple[float, float, float]:
    """Render; (wall seconds, CPU seconds of the ffmpeg tree, its peak RSS in MiB)."""
    peak, cpu, done = 0, 0.0, threading.Event()

    def watch() -> None:
        nonlocal peak, cpu
        me = psutil.Process()
        while not done.is_set():
            total, used = 0, 0.0
            for child in me.children(recursive=True):
                try:
                    total += child.memory_info().rss
                    times = child.cpu_times()
                    used += times.user + times.system
                except psutil.Error:
                    pass
            peak, cpu = max(peak, total), max(cpu, used)
            time.sleep(0.02)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    started = time.perf_counter()
    render(draft, path_resolver(work), out, options)
    wall = time.perf_counter() - started
    done.set()
    watcher.join()
    return wall, cpu, peak / 2**20


def similarity(distorted: Path, reference: Path) -> tuple[float, float]:
    """(SSIM in dB, PSNR average in dB) of ``distorted`` against ``reference``, frames paired by index."""
    graph = (f"[0:v]settb=1/{FPS},setpts=N,split[d1][d2];[1:v]settb=1/{FPS},setpts=N,split[r1][r2];"
             "[d1][r1]ssim;[d2][r2]psnr")
    done = subprocess.run([ffmpeg_exe(), "-hide_banner", "-nostdin", "-i", str(distorted), "-i", str(reference),
                           "-lavfi", graph, "-f", "null", "-"], check=True, capture_output=True, text=True)
    ssim = re.search(r"SSIM .*All:[\d.]+ \(([\d.]+|inf)\)", done.stderr)
    psnr = re.search(r"PSNR .*average:([\d.]+|inf)", done.stderr)
    if ssim is None or psnr is None:
        raise RuntimeError(f"no SSIM/PSNR in ffmpeg's output: {done.stderr[-400:]}")
    return float(ssim.group(1)), float(psnr.group(1))


def at_rate(curve: dict[int, Scored], kbps: float, metric: str) -> float:
    """``metric`` of a value's rate-quality curve at ``kbps``: linear in log bitrate between the two nearest
    points (extended from the end pair outside them)."""
    points = sorted((math.log(run.kbps), float(getattr(run, metric))) for run in curve.values())
    target = math.log(kbps)
    (x0, y0), (x1, y1) = next(((a, b) for a, b in zip(points, points[1:]) if target <= b[0]), points[-2:])
    return y0 + (y1 - y0) * (target - x0) / (x1 - x0)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="reelforge-lookahead-") as tmp:
        work = Path(tmp)
        print(f"draft: {SECONDS} s {W}x{H}@{FPS}, one preview scene (a slow pan, rain) under a title")
        draft = make_draft(work)
        reference = work / "lossless.mp4"
        wall, _cpu, _rss = measured_render(draft, work, reference, lossless_options())
        print(f"reference (x264 -qp 0): {probe_spec(reference).video_kbps or 0:.0f} kbps, {wall:.1f} s")
        assert ROW.crf is not None
        runs: dict[int, dict[int, Scored]] = {value: {} for value in VALUES}
        for step in CRF_STEPS:
            for value in VALUES:
                out = work / f"la{value}-crf{ROW.crf + step}.mp4"
                settings = replace(ROW, crf=ROW.crf + step, rc_lookahead=value, audio_codec=None)
                wall, cpu, rss = measured_render(draft, work, out, RenderOptions(settings=settings))
                ssim_db, psnr = similarity(out, reference)
                runs[value][step] = Scored(wall, cpu, rss, probe_spec(out).video_kbps or 0.0, ssim_db, psnr)
                print(f"  rc-lookahead={value:>2} crf {ROW.crf + step}: {runs[value][step].kbps:6.0f} kbps, "
                      f"ssim {ssim_db:6.3f} dB, psnr {psnr:6.3f} dB, cpu {cpu:5.2f} s, wall {wall:5.2f} s, "
                      f"peak rss {rss:4.0f} MiB")
        base = runs[BASELINE][0]
        print(f"at {base.kbps:.0f} kbps (rc-lookahead={BASELINE}, crf {ROW.crf}), against that run:")
        summary: dict[int, tuple[float, float, float, float]] = {}
        for value, curve in runs.items():
            ssim_db = at_rate(curve, base.kbps, "ssim_db")
            psnr = at_rate(curve, base.kbps, "psnr")
            own = curve[0]
            summary[value] = (ssim_db - base.ssim_db, psnr - base.psnr, own.cpu_s / base.cpu_s, own.rss_mib / base.rss_mib)
            print(f"  rc-lookahead={value:>2}: ssim {ssim_db:6.3f} dB ({ssim_db - base.ssim_db:+.3f}), psnr {psnr:6.3f} dB "
                  f"({psnr - base.psnr:+.3f}); at crf {ROW.crf}: cpu x{own.cpu_s / base.cpu_s:.3f}, "
                  f"wall x{own.wall_s / base.wall_s:.3f}, peak rss {own.rss_mib:4.0f} MiB (x{own.rss_mib / base.rss_mib:.3f})")
        chosen = ROW.rc_lookahead if ROW.rc_lookahead is not None else BASELINE   # what render/encode.py sets
        others = " ".join(f"ssim_db_delta_{value}={summary[value][0]:+.3f} cpu_ratio_{value}={summary[value][2]:.3f} "
                          f"rss_ratio_{value}={summary[value][3]:.3f}" for value in VALUES if value != chosen)
        print(f"lookahead: chosen={chosen} {others}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
