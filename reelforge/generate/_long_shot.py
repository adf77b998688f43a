"""A long shot as a list of model shots: segments (one per prompt), each split into shots the model can make.

Pure Python. ``a fox wakes up | it runs through the snow`` over 20 s is two 10 s segments; each
segment becomes as many shots as the family's longest clip needs, and each shot keeps only the
frames that fall inside its segment, so the segments' boundaries land on the frame their
milliseconds say and the whole adds up to the request's length.

A continued shot (one that starts from the previous shot's last frame) opens with frames that
repeat the end of the previous shot: an image-to-video model gives its still back as frame 0.
Kept, that frame shows twice at the join, a visible stutter. ``repeats`` says how many such
frames each shot after the first makes; they are planned in (the shot is made that much longer)
and dropped, so the kept frames still add up to the asked length.

A shot made to end on a given frame (``keep_last_frame``: Wan's first-and-last-frame ``last_image``)
must keep its last frame, so nothing may be trimmed from its tail. The frames it makes beyond the
asked length (the ``temporal * k + 1`` rule rounds up) are moved to the shot before it in the same
segment, which keeps that many fewer from its own tail; a shot with no such neighbour keeps its
last frames instead of its first (the backend cuts a few from its head, after the repeats).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reelforge.errors import InvalidInput
from reelforge.generate._diffusers_families import longest_shot, round_up_to_rule
from reelforge.generate.base import split_duration

__all__ = ["LongShotPlan", "PlannedShot", "plan_long_shot"]


@dataclass(frozen=True)
class PlannedShot:
    """One model call: its prompt, how many frames it makes, how many it drops and keeps.

    The clip keeps ``keep`` frames after the first ``repeats`` (``repeats + keep <= frames``)."""

    prompt: str
    segment: int
    frames: int
    keep: int
    seed: int
    opens_segment: bool    # the first shot of its prompt (else it continues its segment's previous shot)
    repeats: int = 0       # leading frames that repeat the frame before the join: made, then dropped


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
                   max_frames: int, fixed_frames: bool, repeats: int = 0, keep_last_frame: bool = False) -> LongShotPlan:
    """The shots of ``segments`` sharing ``duration_ms`` equally; seeds count up from ``seed``.

    ``repeats``: frames at the start of every shot after the first that repeat the previous shot
    (1 when shots are continued from its last frame, 0 for cuts). ``keep_last_frame``: the last shot
    ends on a given frame, which the clip must end on too (none of its tail is trimmed)."""
    longest = longest_shot(max_frames, temporal)
    if longest <= repeats:
        raise InvalidInput(f"max_shot_frames: a continued shot repeats {repeats} frame(s) of the one before, so it "
                           f"needs more than {repeats} (got at most {longest})", field="max_shot_frames")
    shots: list[PlannedShot] = []
    elapsed_ms, start_frame = 0, 0
    for segment, (prompt, share_ms) in enumerate(zip(segments, split_duration(duration_ms, len(segments)),
                                                     strict=True)):
        elapsed_ms += share_ms
        end_frame = max(start_frame + 1, round(elapsed_ms * fps / 1000))
        wanted = end_frame - start_frame
        opens_segment = True
        while wanted > 0:
            repeated = repeats if shots else 0
            frames = longest if fixed_frames else min(longest, round_up_to_rule(wanted + repeated, temporal))
            keep = min(frames - repeated, wanted)
            shots.append(PlannedShot(prompt, segment, frames, keep, seed + len(shots), opens_segment, repeated))
            wanted -= keep
            opens_segment = False
        start_frame = end_frame
    return LongShotPlan(tuple(_ending_on_its_last_frame(shots) if keep_last_frame else shots), fps, duration_ms)


def _ending_on_its_last_frame(shots: list[PlannedShot]) -> list[PlannedShot]:
    """``shots`` with the last one keeping its last frame (and the one before giving up frames for it)."""
    *earlier, last = shots
    spare = last.frames - last.repeats - last.keep   # made past the asked length: the tail a plain plan trims
    if spare == 0:
        return shots
    before = earlier[-1] if earlier else None
    if before is not None and before.segment == last.segment and before.keep > spare:
        # the join moves earlier by ``spare`` frames: the earlier shot's tail goes, the last shot keeps all it made
        return [*earlier[:-1], replace(before, keep=before.keep - spare), replace(last, keep=last.keep + spare)]
    return shots   # the only shot of its segment: it keeps its last frames (the backend cuts its head)
