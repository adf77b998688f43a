"""LTX-2: one transformer denoises the picture and its sound together.

``LTX2Pipeline`` returns the vocoder's waveform beside the frames (``output.audio``,
``[batch, channels, samples]`` at ``vocoder.config.output_sampling_rate``). reelforge keeps
it as the clip's own audio stream, resampled to the mix rate when the clip is encoded, so
the renderer treats it like an uploaded clip's sound (muted by "mute the video's own sound",
ducked under narration, mixed with music).

A continued shot of a long one goes through ``LTX2ConditionPipeline`` (``_long_video``); its
sound is cut like its frames (``shot_audio``'s ``skip_frames``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

__all__ = ["ShotAudio", "call_arguments", "shot_audio"]


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
    its first ``skip_frames`` (re-made conditioning frames, dropped with them) left out."""
    import numpy as np

    audio = output.audio
    waveform = audio.float().cpu().numpy() if hasattr(audio, "cpu") else np.asarray(audio, dtype=np.float32)
    samples = np.ascontiguousarray(waveform[0].T, dtype=np.float32)  # [samples, channels]
    rate = int(pipe.vocoder.config.output_sampling_rate)
    wanted = round(frames * rate / fps)
    if len(samples) < wanted:
        samples = np.concatenate([samples, np.zeros((wanted - len(samples), samples.shape[1]), np.float32)])
    return ShotAudio(np.clip(samples[round(skip_frames * rate / fps):wanted], -1.0, 1.0), rate)
