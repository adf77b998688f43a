"""How a model's clip (16 fps for Wan, 24 for LTX) reaches the delivered rate (30 fps by default).

Repeating frames (ffmpeg's ``fps`` filter) makes 16 -> 30 fps judder: every source frame shows for
two or one output frames in an uneven beat. Instead the new frames are made by motion-compensated
interpolation, at the generated size (cheaper than at the delivered one, and the upscale after
softens any artefact):

- ``minterpolate`` in ``mci`` mode (ffmpeg, always there): block motion estimation in both
  directions (``bidir``), overlapped blocks (``aobmc``) and smoothed vectors (``vsbmc``); its scene
  detection leaves hard cuts between shots alone;
- a RIFE network (``_rife``) when ``REELFORGE_RIFE_MODEL`` names its weights: better on large motion;
- ``native`` (``REELFORGE_FRAME_RATE=native``) keeps the model's rate: nothing is made up, and a
  24 fps delivery of a 24 fps model needs no conversion at all.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

import numpy as np

from reelforge.ffmpeg import FrameWriter
from reelforge.generate.base import GenerateRequest
from reelforge.progress import CancelToken, Progress
from reelforge.settings import Settings

__all__ = ["FrameRateMode", "FrameRatePlan", "FrameRatePolicy", "encode_shots", "minterpolate_chain",
           "minterpolate_filter"]

_INTERPOLATE_S_PER_MEGAPIXEL = 5.0   # a generous bound of minterpolate's time per source megapixel, loaded CPU
_LOOKAHEAD = 3   # minterpolate holds back the frames it needs to look ahead: clones at the end let it flush

FrameRateMode = Literal["interpolate", "native"]
Method = Literal["none", "native", "minterpolate", "rife"]


class RifeLike(Protocol):
    def interpolate(self, frames: np.ndarray, count: int) -> Iterator[np.ndarray]: ...


def minterpolate_filter(fps: int) -> str:
    """ffmpeg's motion-compensated interpolation to ``fps`` (https://ffmpeg.org/ffmpeg-filters.html#minterpolate)."""
    return f"minterpolate=fps={fps}:mi_mode=mci:mc_mode=aobmc:me_mode=bidir:vsbmc=1"


def minterpolate_chain(source_frames: int, output_frames: int, fps: int) -> str:
    """``source_frames`` spread over exactly ``output_frames`` at ``fps``, every one interpolated.

    The last source frame is timed at the last output frame's instant, so interpolation fills the
    whole length instead of holding frames at the end (the motion stretches by under one frame);
    clones after it only feed minterpolate's look-ahead and are trimmed off."""
    step_s = (output_frames - 1) / fps / max(source_frames - 1, 1)
    # settb first: in the input time base (1/16 s) the new timestamps would round onto each other
    return (f"tpad=stop={_LOOKAHEAD}:stop_mode=clone,settb=AVTB,setpts=N*{step_s:.9f}/TB,{minterpolate_filter(fps)},"
            f"trim=end_frame={output_frames}")


@dataclass(frozen=True)
class FrameRatePlan:
    """What happens to one clip's rate: from ``generated_fps`` to ``delivered_fps`` by ``method``."""

    generated_fps: int
    delivered_fps: int
    method: Method

    def output_frames(self, duration_ms: int) -> int:
        return max(1, math.ceil(duration_ms * self.delivered_fps / 1000 - 1e-9))

    def describe(self) -> dict[str, object]:
        return {"generated_fps": self.generated_fps, "delivered_fps": self.delivered_fps, "method": self.method}


@dataclass(frozen=True)
class FrameRatePolicy:
    """The configured way to a delivered rate: ``REELFORGE_FRAME_RATE`` and ``REELFORGE_RIFE_MODEL``."""

    mode: FrameRateMode = "interpolate"
    rife_model: Path | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> FrameRatePolicy:
        return cls(settings.frame_rate, settings.rife_model)

    def plan(self, generated_fps: int, requested_fps: int) -> FrameRatePlan:
        if generated_fps == requested_fps:
            return FrameRatePlan(generated_fps, requested_fps, "none")
        if self.mode == "native":
            return FrameRatePlan(generated_fps, generated_fps, "native")
        return FrameRatePlan(generated_fps, requested_fps, "rife" if self.rife_model is not None else "minterpolate")


def encode_shots(shots: list[np.ndarray], rate: FrameRatePlan, request: GenerateRequest, out: Path,
                 progress: Progress, cancel: CancelToken | None = None, rife: RifeLike | None = None, *,
                 audio: Path | None = None, audio_rate: int = 48_000) -> None:
    """All shots, in order, through one encode: to the delivered rate at the generated size (motion
    interpolated; ``rife`` is the interpolator of a ``rife`` plan), then lanczos to the delivered size.

    ``audio`` (a WAV of the model's own sound) becomes the clip's audio stream, resampled to
    ``audio_rate`` (the mix rate) and padded to the clip's length.
    """
    height, width = shots[0].shape[1:3]
    target_w, target_h = request.width, request.height
    total = sum(len(shot) for shot in shots)
    filters: list[str] = []
    if rate.method == "minterpolate":
        filters.append(minterpolate_chain(total, rate.output_frames(request.duration_ms), rate.delivered_fps))
    filters.append(f"scale={target_w}:{target_h}:force_original_aspect_ratio=increase:flags=lanczos,"
                   f"crop={target_w}:{target_h},setsar=1")
    output_args = ["-vf", ",".join(filters), "-t", f"{request.duration_ms / 1000:.3f}",
                   "-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p",
                   "-movflags", "+faststart"]
    if audio is not None:
        output_args = ["-i", str(audio), "-map", "0:v", "-map", "1:a", "-af", f"aresample={audio_rate},apad",
                       "-c:a", "aac", "-b:a", "192k", "-ar", str(audio_rate), *output_args]
    frames: Iterable[np.ndarray] = (frame for shot in shots for frame in shot)
    input_fps = rate.generated_fps
    if rate.method == "rife" and rife is not None:
        total, input_fps = rate.output_frames(request.duration_ms), rate.delivered_fps
        frames = rife.interpolate(np.concatenate(shots), total)
    # minterpolate runs behind the pipe: its queued frames may still take a while once the last is written
    interpolating = rate.method == "minterpolate"
    backlog_s = 120.0 + (_INTERPOLATE_S_PER_MEGAPIXEL * total * width * height / 1e6 if interpolating else 0.0)
    written = 0
    with FrameWriter.open(out, width=width, height=height, fps=input_fps, output_args=output_args,
                          finish_timeout_s=backlog_s) as writer:
        for frame in frames:
            if cancel is not None:
                cancel.check()
            writer.write(frame.tobytes())
            written += 1
            progress(written / total)
