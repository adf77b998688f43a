"""The long-video methods of the families that have one, used instead of plain chaining where they apply.

- **SkyReels-V2 diffusion forcing** (``SkyReelsV2DiffusionForcingPipeline`` and its image-to-video
  view): one call makes the whole segment. The model denoises windows of ``base_frames`` frames,
  each conditioned on the last ``overlap_frames`` of the one before, in causal blocks of
  ``causal_block_size`` latent frames (``ar_step`` > 0 staggers the blocks' noise levels:
  asynchronous mode). The values follow SkyReels' recommendations for long videos (97-frame
  windows, 17 frames of overlap, blocks of 5); a window that 5 does not divide uses blocks of 1.
  Inside a call the pipeline drops each window's overlap when it joins the windows, so no frame
  repeats there; a segment continued from the previous one's last frame (the image-to-video
  view) drops its frame 0, the still given back, as any continued shot does.
- **LTX-2 frame conditioning** (``LTX2ConditionPipeline``, a ``from_pipe`` view of the loaded LTX-2
  weights): each shot after the first is conditioned on the previous shot's last ``frames``
  (17, three latent frames: where things are and how they move) placed at its start, instead
  of on the last still alone. The shot is made ``frames - 1`` longer than planned; its first
  ``frames`` frames re-make the conditioning ones (the last of them is the previous shot's last
  frame) and are all dropped, so the kept shot starts on the frame after the join, as a
  continued still's does once its frame 0 (the still given back) is dropped, and carries the
  motion on.
- **First and last frame** (``last_image``): Wan 2.1's image-to-video layout (the still is a
  channel of the input, not the first latent frame) and SkyReels' image-to-video forcing take an
  end frame; the last shot of the request is made to arrive at it. Wan 2.2 TI2V (``expand_timesteps``)
  ignores it, so it is refused there rather than silently dropped.

Pure Python: the pipeline is only looked at by class name and config.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reelforge.generate._diffusers_families import Capabilities

if TYPE_CHECKING:
    import numpy as np

__all__ = ["DiffusionForcing", "FrameConditioning", "diffusion_forcing_for", "frame_conditioning_for",
           "takes_last_image"]

_FORCING_CLASSES = ("SkyReelsV2DiffusionForcingPipeline", "SkyReelsV2DiffusionForcingImageToVideoPipeline")


@dataclass(frozen=True)
class DiffusionForcing:
    """SkyReels-V2's window, overlap and causal block settings (frames at the model's rate)."""

    base_frames: int = 97
    overlap_frames: int = 17
    causal_block_size: int = 5
    ar_step: int = 0
    addnoise_condition: float = 20.0

    def arguments(self, frames: int, fps: int) -> dict[str, Any]:
        """The pipeline call's long-video arguments for a shot of ``frames``."""
        arguments: dict[str, Any] = {"base_num_frames": self.base_frames, "ar_step": self.ar_step,
                                     "causal_block_size": self.causal_block_size, "fps": fps}
        if frames > self.base_frames:
            arguments.update(overlap_history=self.overlap_frames, addnoise_condition=self.addnoise_condition)
        return arguments

    def whole_windows(self, frames: int, temporal: int) -> int:
        """``frames`` rounded up to windows that end together: the image-to-video forcing pipeline
        (diffusers 0.42) schedules a shorter last window as a whole one and fails (an IndexError in
        its denoising loop; the text-to-video one sizes it right), so its calls make whole windows
        and the frames past the plan are dropped with the trim."""
        if frames <= self.base_frames:
            return frames
        window, overlap = (self.base_frames - 1) // temporal + 1, (self.overlap_frames - 1) // temporal + 1
        latent, advance = (frames - 1) // temporal + 1, window - overlap
        latent = window + math.ceil((latent - window) / advance) * advance
        return (latent - 1) * temporal + 1


def diffusion_forcing_for(pipe: Any, temporal: int, window_frames: int | None = None) -> DiffusionForcing | None:
    """The forcing settings when ``pipe`` is a diffusion-forcing pipeline, else None. ``window_frames``
    is a smaller window (small GPUs, tests); a window whose latent frames 5 does not divide is
    processed in blocks of 1 (synchronous)."""
    if type(pipe).__name__ not in _FORCING_CLASSES:
        return None
    forcing = DiffusionForcing() if window_frames is None else DiffusionForcing(
        base_frames=window_frames, overlap_frames=max(1, min(17, window_frames // 2)))
    base_latent = (forcing.base_frames - 1) // temporal + 1
    if base_latent % forcing.causal_block_size:
        forcing = replace(forcing, causal_block_size=1, ar_step=0)
    return forcing


@dataclass(frozen=True)
class FrameConditioning:
    """LTX-2's continuation: the previous shot's last ``frames`` (``temporal * k + 1``) open the next shot."""

    frames: int = 17
    strength: float = 1.0
    pipeline: str = "LTX2ConditionPipeline"

    @property
    def extra_frames(self) -> int:
        """Frames a continued shot makes beyond its plan: the re-made conditioning frames before the join
        frame (the plan already counts the join frame, which every continued shot makes and drops)."""
        return self.frames - 1

    def previous_frames(self, previous: np.ndarray, temporal: int) -> np.ndarray:
        """The last frames of ``previous`` to condition on: ``frames``, or the most a shorter shot has
        in the ``temporal * k + 1`` rule (the pipeline keeps only whole latent frames)."""
        count = (min(self.frames, len(previous)) - 1) // temporal * temporal + 1
        return previous[len(previous) - count:]


def frame_conditioning_for(capabilities: Capabilities, temporal: int, max_frames: int) -> FrameConditioning | None:
    """The conditioning when the family continues a shot from several frames (LTX-2), else None.

    ``max_frames`` is the longest shot the model may make: a continued shot is ``frames - 1``
    longer than planned, so at most half of it conditions (tiny test shapes)."""
    if capabilities.family.name != "ltx2":
        return None
    conditioning = FrameConditioning()
    longest = (min(conditioning.frames, max_frames // 2) - 1) // temporal * temporal + 1
    return replace(conditioning, frames=longest) if longest > 1 else None  # one frame is the still: plain chaining


def _expands_timesteps(folder: Path) -> bool:
    try:
        return bool(json.loads((folder / "model_index.json").read_text(encoding="utf-8")).get("expand_timesteps"))
    except (OSError, ValueError):
        return False


def takes_last_image(capabilities: Capabilities, folder: Path) -> bool:
    """Whether the family's image-to-video pipeline honours an end frame (``last_image``)."""
    name = capabilities.family.name
    if name == "skyreels":
        return True
    return name == "wan" and capabilities.image_to_video and not _expands_timesteps(folder)
