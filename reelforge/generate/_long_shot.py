"""A long shot as a list of model shots: segments (one per prompt), each split into shots the model can make.

Pure Python. ``a fox wakes up | it runs through the snow`` over 20 s is two 10 s segments; each
segment becomes as many shots as the family's longest clip needs (``plan_shots``), and each shot
keeps only the frames that fall inside its segment, so the segments' boundaries land on the frame
their milliseconds say and the whole adds up to the request's length.
"""

from __future__ import annotations

from dataclasses import dataclass

from reelforge.generate._diffusers_families import plan_shots
from reelforge.generate.base import split_duration

__all__ = ["LongShotPlan", "PlannedShot", "plan_long_shot"]


@dataclass(frozen=True)
class PlannedShot:
    """One model call: its prompt, how many frames it makes, how many of them the clip keeps."""

    prompt: str
    segment: int
    frames: int
    keep: int
    seed: int
    opens_segment: bool    # the first shot of its prompt (else it continues its segment's previous shot)


@dataclass(frozen=True)
class LongShotPlan:
    shots: tuple[PlannedShot, ...]
    fps: int
    duration_ms: int

    @property
    def frames(self) -> tuple[int, ...]:
        return tuple(shot.frames for shot in self.shots)

    @property
    def kept_frames(self) -> int:
        return sum(shot.keep for shot in self.shots)


def plan_long_shot(segments: tuple[str, ...], duration_ms: int, seed: int, *, fps: int, temporal: int,
                   max_frames: int, fixed_frames: bool) -> LongShotPlan:
    """The shots of ``segments`` sharing ``duration_ms`` equally; seeds count up from ``seed``."""
    shots: list[PlannedShot] = []
    elapsed_ms, start_frame = 0, 0
    for segment, (prompt, share_ms) in enumerate(zip(segments, split_duration(duration_ms, len(segments)),
                                                     strict=True)):
        elapsed_ms += share_ms
        end_frame = max(start_frame + 1, round(elapsed_ms * fps / 1000))
        wanted = end_frame - start_frame
        plan = plan_shots(share_ms, fps=fps, temporal=temporal, max_frames=max_frames, fixed_frames=fixed_frames)
        for position, frames in enumerate(plan.frames):
            keep = min(frames, wanted)
            if keep <= 0:
                break
            shots.append(PlannedShot(prompt, segment, frames, keep, seed + len(shots), opens_segment=position == 0))
            wanted -= keep
        start_frame = end_frame
    return LongShotPlan(tuple(shots), fps, duration_ms)
