"""bench/gpu_t2v.py's interpolation section: RIFE's cost as a fraction of making the clip.

Issue 17 asks that motion interpolation stay a fraction of generation time on the GPU. This
times the network reelforge loads for ``REELFORGE_RIFE_MODEL`` (``reelforge.generate._rife``:
RIFE 4.6's IFNet at its released widths, random weights, which the timing does not depend on)
through reelforge's own ``RifeInterpolator``, bringing a 5 s clip from 16 to 30 fps at 1080p:
150 output frames, 148 of them made by the network (24 -> 30 fps makes as many). The frames
come back as the uint8 arrays ``encode_shots`` writes; no ffmpeg is needed (the GPU machine has
none). 1080p is the upper bound: reelforge interpolates at the generated size, before the
upscale (832x480 for Wan, about 5x fewer pixels).

Imported by bench/gpu_t2v.py (run as a script, so this folder is on the import path). Alone:

    PYTHONPATH=. python bench/_gpu_rife.py                     # needs CUDA; exits 2 without it
    PYTHONPATH=. python bench/_gpu_rife.py --tiny-cpu-dry-run  # 1 s of 64x32, a narrow network, CPU
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

SECONDS = 5
SOURCE_FPS, OUTPUT_FPS = 16, 30
RELEASED_WIDTHS = (192, 128, 96, 64)   # RIFE 4.6's flownet.pkl (what reelforge's loader reads from the weights)


@dataclass(frozen=True)
class RifeTiming:
    """One timed interpolation: ``seconds`` of wall time for ``output_frames`` at ``width`` x ``height``."""

    clip_s: int               # seconds of output
    seconds: float
    output_frames: int
    network_frames: int       # output frames the network made (the rest fall on a source frame)
    width: int
    height: int
    device: str

    def describe(self) -> dict[str, Any]:
        return {"rife_s": self.seconds, "output_frames": self.output_frames, "network_frames": self.network_frames,
                "size": f"{self.width}x{self.height}", "clip_s": self.clip_s, "source_fps": SOURCE_FPS,
                "output_fps": OUTPUT_FPS, "device": self.device}

    @classmethod
    def from_describe(cls, figures: Mapping[str, Any]) -> RifeTiming:
        """Back from ``describe()``'s figures (a ``--jsonl`` record)."""
        width, height = (int(side) for side in str(figures["size"]).split("x"))
        return cls(int(figures["clip_s"]), float(figures["rife_s"]), int(figures["output_frames"]),
                   int(figures["network_frames"]), width, height, str(figures["device"]))


def source_clip(frames: int, width: int, height: int) -> np.ndarray:
    """A textured picture panning 15 pixels a frame: motion for the network to follow."""
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    value = 0.5 + 0.25 * np.sin(x / 40) * np.cos(y / 60) + 0.15 * np.sin(x / 150 + y / 110)
    picture = (np.clip(np.stack([value, 0.8 * value + 0.1, 1.0 - 0.7 * value], axis=-1), 0, 1) * 255).astype(np.uint8)
    return np.stack([np.roll(picture, 15 * index, axis=1) for index in range(frames)])


def _network_frames(source_frames: int, output_frames: int) -> int:
    """Output frames not on a source frame's instant (``RifeInterpolator`` spreads them first to last)."""
    last = source_frames - 1
    return sum(1 for index in range(output_frames) if (index * last) % max(output_frames - 1, 1))


def time_rife(*, tiny: bool, cuda: bool, log: Callable[[str], None]) -> RifeTiming:
    """RIFE bringing ``SECONDS`` of 16 fps to 30 fps at 1080p (tiny: 1 s of 64x32, a narrow network), timed."""
    import torch

    from reelforge.generate._rife import RifeInterpolator, build_ifnet

    width, height = (64, 32) if tiny else (1920, 1080)
    clip_s = 1 if tiny else SECONDS
    device = "cuda" if cuda else "cpu"
    torch.manual_seed(0)
    interpolator = RifeInterpolator(build_ifnet((8, 8, 8, 8) if tiny else RELEASED_WIDTHS), device)
    source = source_clip(clip_s * SOURCE_FPS, width, height)
    output_frames = clip_s * OUTPUT_FPS
    for _ in interpolator.interpolate(source[:2], 3):   # warm-up: kernels chosen, memory allocated
        pass
    if cuda:
        torch.cuda.synchronize()
    start = time.perf_counter()
    made = sum(1 for _ in interpolator.interpolate(source, output_frames))  # each frame back on the host
    seconds = time.perf_counter() - start
    assert made == output_frames, (made, output_frames)
    timing = RifeTiming(clip_s, seconds, output_frames, _network_frames(len(source), output_frames), width, height, device)
    log(f"[rife] {clip_s} s of {width}x{height} from {SOURCE_FPS} to {OUTPUT_FPS} fps: {timing.network_frames} of "
        f"{output_frames} frames made by IFNet (widths {'8' if tiny else '/'.join(map(str, RELEASED_WIDTHS))}, "
        f"random weights) on {device} in {seconds:.2f} s ({seconds / clip_s:.2f} s per output second)")
    del interpolator
    return timing


def rife_fractions(timing: RifeTiming, clips: Mapping[str, Mapping[str, float]],
                   log: Callable[[str], None]) -> dict[str, dict[str, float]]:
    """The interpolation's seconds over each family's whole 5 s clip (``clips``: family -> run -> seconds).

    The dry run's tiny timing covers 1 s: it is scaled to 5 s, as the GPU's figure is measured."""
    fractions: dict[str, dict[str, float]] = {}
    five_seconds = timing.seconds * SECONDS / timing.clip_s
    for family, runs in clips.items():
        fractions[family] = {run: five_seconds / whole for run, whole in runs.items() if whole > 0}
        shown = ", ".join(f"{100 * share:.1f}% of its {run} clip ({runs[run]:.1f} s)"
                          for run, share in fractions[family].items())
        log(f"[rife] {family}: interpolation {five_seconds:.2f} s = {shown}")
    return fractions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiny-cpu-dry-run", action="store_true", help="1 s of 64x32 on the CPU, no CUDA calls")
    args = parser.parse_args()
    import torch

    cuda = torch.cuda.is_available() and not args.tiny_cpu_dry_run
    if not cuda and not args.tiny_cpu_dry_run:
        print("_gpu_rife: no CUDA device here (torch " + torch.__version__ + "); --tiny-cpu-dry-run runs on the CPU")
        return 2
    timing = time_rife(tiny=args.tiny_cpu_dry_run, cuda=cuda, log=lambda line: print(line, flush=True))
    print(f"_gpu_rife: rife_s_per_output_s={timing.seconds / timing.clip_s:.3f} ({timing.width}x{timing.height}, "
          f"{timing.device})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
