"""Colour matching across the joins of a long shot: each new shot starts in the previous one's colours.

Chained shots drift: a model continuing from a still shifts its colour balance a little at every
join (Wan2GP's most reported long-video defect), and a new prompt starts in a palette of its own.
The fix, as ComfyUI's colour-match nodes do it by hand, is a per-channel statistics transfer in a
perceptual space (Reinhard et al., 2001): in CIELAB each channel of the new shot is moved to the
mean and spread of the previous shot's last frame. The transfer is computed from the new shot's
first frame and applied with a weight that starts at 1 on that frame and eases (smoothstep) to
``hold`` over the first ``ease_frames``: ``hold=1`` keeps a continued shot in the matched colours
throughout (its drift was an error), ``hold=0`` lets a new prompt glide back to its own palette,
never a hard jump.

The figure that says whether it worked is :func:`join_difference`: CIEDE2000 between the mean
colours of the two frames at a join (docs/models.md states and tests the bound: below 2).

The new shot's "first frame" is its first kept one: the frames a continued shot makes that repeat
the previous shot (an image-to-video model's still given back as frame 0, LTX-2's re-made
conditioning frames) are dropped before matching (``_long_shot``), so the transfer and the
measured step are those of the join the viewer sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from skimage.color import deltaE_ciede2000, lab2rgb, rgb2lab

__all__ = ["ColorMatchConfig", "ColorTransfer", "JoinRecord", "ease_weight", "join_difference", "long_shot_record",
           "match_colors"]

_STATS_SIDE = 128        # statistics read a grid about this many pixels on the short side: the means barely move
_MIN_SPREAD = 1e-3       # a flat channel (a solid frame) keeps its spread instead of dividing by 0
_REFINE_ROUNDS = 2       # corrections of the aimed mean for what gamut clipping takes away
_MAX_GAIN = 3.0          # a spread is never scaled more than this (a near-flat frame would explode)


@dataclass(frozen=True)
class ColorMatchConfig:
    """Whether joins are colour-matched, and over how much time the correction eases."""

    enabled: bool = True
    ease_seconds: float = 0.75

    def ease_frames(self, fps: int) -> int:
        return max(1, round(self.ease_seconds * fps))


def _lab(frame: np.ndarray) -> np.ndarray:
    return np.asarray(rgb2lab(frame.astype(np.float32) * np.float32(1 / 255)), dtype=np.float32)


def _sample(frame: np.ndarray) -> np.ndarray:
    step = max(1, min(frame.shape[:2]) // _STATS_SIDE)
    return frame[::step, ::step]


def _stats(frame: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and spread of each Lab channel over the frame's sample grid."""
    lab = _lab(_sample(frame)).reshape(-1, 3)
    return lab.mean(axis=0), np.maximum(lab.std(axis=0), _MIN_SPREAD)


@dataclass(frozen=True)
class ColorTransfer:
    """``lab' = (lab - source_mean) * gain + target_mean``, per channel."""

    source_mean: np.ndarray
    target_mean: np.ndarray
    gain: np.ndarray

    @classmethod
    def between(cls, source: np.ndarray, target: np.ndarray) -> ColorTransfer:
        """The transfer that gives ``source`` (uint8 RGB) the Lab mean and spread of ``target``."""
        source_mean, source_spread = _stats(source)
        target_mean, target_spread = _stats(target)
        gain = np.clip(target_spread / source_spread, 1 / _MAX_GAIN, _MAX_GAIN)
        transfer = cls(source_mean, target_mean, gain)
        # Colours pushed out of the RGB gamut come back clipped, which moves the mean: aim past the
        # target by what the clipping took away (two rounds settle it to a fraction of a unit).
        for _ in range(_REFINE_ROUNDS):
            reached, _spread = _stats(transfer.apply(_sample(source)))
            transfer = cls(source_mean, transfer.target_mean + (target_mean - reached), gain)
        return transfer

    def apply(self, frame: np.ndarray, weight: float = 1.0) -> np.ndarray:
        """``frame`` (uint8 RGB) moved ``weight`` of the way to the target colours."""
        if weight <= 0.0:
            return frame
        lab = _lab(frame)
        moved = (lab - self.source_mean) * self.gain + self.target_mean
        lab += np.float32(weight) * (moved - lab)
        rgb = np.asarray(lab2rgb(lab), dtype=np.float32)  # out-of-gamut colours come back clipped to [0, 1]
        return (rgb * 255.0 + 0.5).astype(np.uint8)


def ease_weight(index: int, ease_frames: int, hold: float) -> float:
    """1 at the join, easing (smoothstep) down to ``hold`` at ``ease_frames``."""
    if index >= ease_frames:
        return hold
    u = index / ease_frames
    return hold + (1.0 - hold) * (1.0 - u * u * (3.0 - 2.0 * u))


def match_colors(shot: np.ndarray, reference: np.ndarray, *, ease_frames: int, hold: float) -> np.ndarray:
    """``shot`` (frames, h, w, 3 uint8) matched to ``reference`` (the previous shot's last frame)."""
    transfer = ColorTransfer.between(shot[0], reference)
    out = shot.copy()
    for index in range(len(shot)):
        weight = ease_weight(index, ease_frames, hold)
        if weight <= 0.0:
            break  # hold 0: the rest of the shot keeps its own colours
        out[index] = transfer.apply(shot[index], weight)
    return out


def join_difference(before: np.ndarray, after: np.ndarray) -> float:
    """The colour step across a join: CIEDE2000 between the two frames' mean Lab colours."""
    first, _ = _stats(before)
    second, _ = _stats(after)
    return float(deltaE_ciede2000(first[None, :], second[None, :])[0])


@dataclass(frozen=True)
class JoinRecord:
    """The colour step across one join without and with matching (CIEDE2000 of the mean colours)."""

    before: float
    after: float


def long_shot_record(segments: tuple[str, ...], joins: list[JoinRecord], config: ColorMatchConfig) -> dict[str, Any]:
    """What the clip's provenance says about its segments and joins."""
    return {"segments": list(segments),
            "color_match": {"enabled": config.enabled, "ease_seconds": config.ease_seconds,
                            "joins": [{"before": round(j.before, 3), "after": round(j.after, 3)} for j in joins]}}
