"""LTX-2: one transformer denoises the picture and its sound together.

``LTX2Pipeline`` returns the vocoder's waveform beside the frames (``output.audio``,
``[batch, channels, samples]`` at ``vocoder.config.output_sampling_rate``). reelforge keeps
it as the clip's own audio stream, resampled to the mix rate when the clip is encoded, so
the renderer treats it like an uploaded clip's sound (muted by "mute the video's own sound",
ducked under narration, mixed with music).

A continued shot of a long one goes through ``LTX2ConditionPipeline`` (``_long_video``); its
sound is cut like its frames (``shot_audio``'s ``skip_frames``).

When the folder has the release's spatial latent upsampler (``latent_upsampler/``), a shot is
made in two stages: denoised at the family's size, its latents upsampled x2, then refined at
the larger size (the distilled schedule's last three sigmas, guidance 1.0) with its sound.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

__all__ = ["LatentUpsampler", "ShotAudio", "call_arguments", "has_latent_upsampler", "refine_call", "shot_audio",
           "upsampled_latents", "upsampler_scale"]


@dataclass(frozen=True)
class ShotAudio:
    """One shot's sound: float32 ``[samples, channels]`` in -1..1 at ``sample_rate``."""

    samples: np.ndarray
    sample_rate: int


def call_arguments(pipe: Any, call: dict[str, Any], *, fps: int) -> dict[str, Any]:
    """LTX-2 conditions on the frame rate (its sound must last as long as the frames)."""
    call["frame_rate"] = float(fps)
    if getattr(pipe.vae.config, "timestep_conditioning", False):
        call.update(decode_timestep=0.05, decode_noise_scale=0.025)
    return call


def shot_audio(pipe: Any, output: Any, *, frames: int, fps: int, skip_frames: int = 0) -> ShotAudio:
    """The waveform of one shot, cut or zero-padded to exactly its frames' duration; the sound of
    its first ``skip_frames`` (frames that repeat the previous shot, dropped with them) left out."""
    import numpy as np

    audio = output.audio
    waveform = audio.float().cpu().numpy() if hasattr(audio, "cpu") else np.asarray(audio, dtype=np.float32)
    samples = np.ascontiguousarray(waveform[0].T, dtype=np.float32)  # [samples, channels]
    rate = int(pipe.vocoder.config.output_sampling_rate)
    wanted = round(frames * rate / fps)
    if len(samples) < wanted:
        samples = np.concatenate([samples, np.zeros((wanted - len(samples), samples.shape[1]), np.float32)])
    return ShotAudio(np.clip(samples[round(skip_frames * rate / fps):wanted], -1.0, 1.0), rate)


# -- two-stage latent upsampling ----------------------------------------------------------
# LTX-2's release ships a spatial latent upsampler (``latent_upsampler/`` in the diffusers
# folder). Its two-stage recipe: denoise at the trained size, upsample the latents (x2), then
# refine them at the larger size with the distilled schedule's last sigmas at guidance 1.0.
UPSAMPLER_SUBFOLDER = "latent_upsampler"
REFINE_GUIDANCE = 1.0


@dataclass(frozen=True)
class LatentUpsampler:
    """The folder's spatial latent upsampler as an ``LTX2LatentUpsamplePipeline`` sharing the VAE.

    Built in the diffusers backend (``diffusers`` is imported only there); ``refine_sigmas`` is
    the distilled schedule's tail (``STAGE_2_DISTILLED_SIGMA_VALUES``).
    """

    pipe: Any
    scale: float
    refine_sigmas: tuple[float, ...]

    def size(self, width: int, height: int) -> tuple[int, int]:
        """The refined stage's frame size for a first stage of ``width`` x ``height``."""
        return round(width * self.scale), round(height * self.scale)

    def describe(self) -> dict[str, Any]:
        return {"scale": self.scale, "refine_steps": len(self.refine_sigmas), "refine_guidance": REFINE_GUIDANCE}


def has_latent_upsampler(folder: Path) -> bool:
    """Whether ``folder`` holds a spatial latent upsampler (a temporal one is not a second stage)."""
    config = folder / UPSAMPLER_SUBFOLDER / "config.json"
    if not config.is_file():
        return False
    values = json.loads(config.read_text(encoding="utf-8"))
    return bool(values.get("spatial_upsample", True)) and not values.get("temporal_upsample", False)


def upsampler_scale(config: Any) -> float:
    """The spatial factor of an ``LTX2LatentUpsamplerModel`` config."""
    return float(config.rational_spatial_scale) if config.use_rational_resampler else 2.0


def upsampled_latents(upsampler: LatentUpsampler, first: Any) -> Any:
    """The first stage's video latents (``output_type="latent"``: denormalised) upsampled in latent space."""
    return upsampler.pipe(latents=first.frames, latents_normalized=False, output_type="latent",
                          return_dict=True).frames


def refine_call(call: dict[str, Any], first: Any, latents: Any, upsampler: LatentUpsampler) -> dict[str, Any]:
    """The second stage's arguments: the upsampled video and the first stage's sound, renoised and refined."""
    sigmas = list(upsampler.refine_sigmas)
    width, height = upsampler.size(call["width"], call["height"])
    # The still or the previous shot's frames (``conditions``) are in the first stage's latents already.
    refined = {key: value for key, value in call.items() if key not in ("image", "conditions")}
    refined.update(width=width, height=height, latents=latents, audio_latents=first.audio, sigmas=sigmas,
                   noise_scale=sigmas[0], guidance_scale=REFINE_GUIDANCE)
    return refined
