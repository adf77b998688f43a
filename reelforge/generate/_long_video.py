"""The long-video methods of the families that have one, used instead of plain chaining where they apply.

- **SkyReels-V2 diffusion forcing** (``SkyReelsV2DiffusionForcingPipeline`` and its image-to-video
  view): one call makes the whole segment. The model denoises windows of ``base_frames`` frames,
  each conditioned on the last ``overlap_frames`` of the one before, in causal blocks of
  ``causal_block_size`` latent frames (``ar_step`` > 0 staggers the blocks' noise levels:
  asynchronous mode). The values follow SkyReels' recommendations for long videos (97-frame
  windows, 17 frames of overlap, blocks of 5); a window that 5 does not divide uses blocks of 1.
- **First and last frame** (``last_image``): Wan 2.1's image-to-video layout (the still is a
  channel of the input, not the first latent frame) and SkyReels' image-to-video forcing take an
  end frame; the last shot of the request is made to arrive at it. Wan 2.2 TI2V (``expand_timesteps``)
  ignores it, so it is refused there rather than silently dropped.

Pure Python: the pipeline is only looked at by class name and config.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reelforge.generate._diffusers_families import Capabilities

__all__ = ["DiffusionForcing", "diffusion_forcing_for", "takes_last_image"]

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
