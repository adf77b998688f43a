"""Generated music: ACE-Step 1.5 (diffusers' ``AceStepPipeline``, MIT) when ``REELFORGE_MUSIC_MODEL``
names its folder; the synthesised library stays the default and the fallback.

Read top to bottom:

1. load the folder once (it must be an ``AceStepPipeline``), on the GPU when there is one;
2. build the caption from the style and the scene (``song_prompt``), instrumental unless lyrics
   are given, with the style's tempo as ``bpm`` so a loop can land on a bar;
3. generate up to the model's comfortable length, reporting progress per step and honouring
   cancel between steps;
4. resample to 48 kHz stereo, fit to the asked length (a piece shorter than the video loops at a
   whole bar with a short crossfade; the end fades), master to the library's loudness (-16 LUFS,
   peaks under -1.5 dBFS) and write a WAV.

torch and diffusers are imported only inside functions.
"""

from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from reelforge.audio._files import write_audio
from reelforge.audio._music import master
from reelforge.errors import BackendUnavailable, Cancelled, GenerationFailed, InvalidInput
from reelforge.progress import CancelToken, Progress, no_progress
from reelforge.settings import Settings

__all__ = ["AceStepComposer", "Song", "SongRequest", "ComposerPool", "fit_to_length", "song_prompt"]

SAMPLE_RATE = 48000
PIPELINE_CLASS = "AceStepPipeline"
MAX_MODEL_SECONDS = 240.0      # longer songs loop a generated piece at a bar
_CROSSFADE_S = 0.03            # at each loop point: no click
_FADE_OUT_S = 1.5              # the end of the video
_BEATS_PER_BAR = 4


@dataclass(frozen=True)
class SongRequest:
    """What to compose: a caption, a length, optional lyrics ("" = instrumental) and tempo."""

    prompt: str
    seconds: float
    lyrics: str = ""
    bpm: int | None = None
    seed: int = 0
    language: str = "en"


@dataclass(frozen=True)
class Song:
    path: Path
    duration_ms: int
    sample_rate: int
    channels: int
    provenance: dict[str, Any] = field(default_factory=dict)


def song_prompt(style_words: str | None, scene: str, mood: str | None = None) -> str:
    """The caption ACE-Step reads: the style asked for, its mood, and what the video shows."""
    parts = [style_words or "", mood or "", "background music"]
    if scene.strip():
        parts.append(f"for a video of {' '.join(scene.split())[:200]}")
    return ", ".join(part for part in parts if part)


def fit_to_length(samples: np.ndarray, sample_rate: int, seconds: float, bpm: int | None) -> np.ndarray:
    """``samples`` (n, channels) made exactly ``seconds`` long: looped at a whole bar when short, then
    trimmed with a fade-out."""
    target = round(seconds * sample_rate)
    if len(samples) < target:
        bar = round(_BEATS_PER_BAR * 60 / (bpm or 120) * sample_rate)
        loop = max(bar, len(samples) // bar * bar) if len(samples) >= bar else len(samples)
        fade = min(round(_CROSSFADE_S * sample_rate), loop // 4)
        piece = samples[:loop].astype(np.float32)
        ramp = np.linspace(0.0, 1.0, fade, dtype=np.float32)[:, None]
        out = [piece]
        total = loop
        while total < target:
            nxt = piece.copy()
            if fade:  # the tail past the loop point fades into the next pass's head
                tail = samples[loop:loop + fade].astype(np.float32)
                if len(tail) == fade:
                    nxt[:fade] = nxt[:fade] * ramp + tail * (1 - ramp)
            out.append(nxt)
            total += loop
        samples = np.concatenate(out)
    samples = samples[:target].astype(np.float32)
    fade_out = min(round(_FADE_OUT_S * sample_rate), target // 4)
    if fade_out:
        samples[-fade_out:] *= np.linspace(1.0, 0.0, fade_out, dtype=np.float32)[:, None]
    return samples


def _to_48k_stereo(audio: np.ndarray, sample_rate: int) -> np.ndarray:
    """The pipeline's (channels, n) output as float32 (n, 2) at 48 kHz."""
    from scipy.signal import resample_poly

    samples = np.asarray(audio, dtype=np.float32).T
    if samples.shape[1] == 1:
        samples = np.repeat(samples, 2, axis=1)
    samples = samples[:, :2]
    if sample_rate != SAMPLE_RATE:
        divisor = math.gcd(sample_rate, SAMPLE_RATE)
        samples = resample_poly(samples, SAMPLE_RATE // divisor, sample_rate // divisor, axis=0).astype(np.float32)
    return samples


def _check_folder(folder: Path) -> None:
    index = folder / "model_index.json"
    try:
        name = json.loads(index.read_text(encoding="utf-8")).get("_class_name")
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"music_model: {folder} is not a diffusers model folder ({exc})",
                           field="music_model") from exc
    if name != PIPELINE_CLASS:
        raise InvalidInput(f"music_model: {folder} holds a {name}, not an {PIPELINE_CLASS} (ACE-Step 1.5)",
                           field="music_model")


class AceStepComposer:
    """One warm ACE-Step pipeline; one song at a time (a shared pipeline corrupts concurrent calls)."""

    name = "ace-step"

    def __init__(self, folder: Path, *, device: str | None = None, max_model_seconds: float = MAX_MODEL_SECONDS) -> None:
        self.folder = folder
        self.device = device
        self.max_model_seconds = max_model_seconds
        self._pipe: Any = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings) -> AceStepComposer:
        if not settings.music_model:
            raise InvalidInput("music_model: no music model configured (set REELFORGE_MUSIC_MODEL)",
                               field="music_model")
        return cls(Path(settings.music_model).expanduser(), device=settings.device)

    # 1. load -----------------------------------------------------------------------------
    def pipeline(self) -> Any:
        if self._pipe is not None:
            return self._pipe
        try:
            import torch
            from diffusers import DiffusionPipeline
        except ImportError as exc:
            raise BackendUnavailable(f"generated music needs torch and diffusers ({exc.name} is missing): "
                                     "pip install 'reelforge[models]'", data={"missing": exc.name}) from exc
        _check_folder(self.folder)
        device = torch.device(self.device or ("cuda" if torch.cuda.is_available() else "cpu"))
        dtype = torch.bfloat16 if device.type == "cuda" else torch.float32
        try:
            pipe = DiffusionPipeline.from_pretrained(self.folder, dtype=dtype)
        except (OSError, ValueError, TypeError, RuntimeError) as exc:
            raise GenerationFailed(f"music_model: cannot load {self.folder}: {exc}",
                                   data={"model": str(self.folder)}) from exc
        pipe.set_progress_bar_config(disable=True)  # library code never prints
        self._pipe = pipe.to(device)
        return self._pipe

    # 2.-4. compose -----------------------------------------------------------------------
    def compose(self, request: SongRequest, out: Path, progress: Progress = no_progress,
                cancel: CancelToken | None = None) -> Song:
        """Write ``request.seconds`` of music to ``out`` (a WAV, 48 kHz stereo, -16 LUFS)."""
        if not 0 < request.seconds <= 600:
            raise InvalidInput(f"seconds: must be in (0, 600] (got {request.seconds})", field="seconds")
        import torch

        with self._lock:
            pipe = self.pipeline()
            steps = 8 if pipe.is_turbo else 32
            generated_s = min(request.seconds, self.max_model_seconds)

            def on_step_end(_pipe: Any, step: int, _timestep: Any, tensors: dict[str, Any]) -> dict[str, Any]:
                progress(0.9 * (step + 1) / steps)
                if cancel is not None and cancel.cancelled:
                    raise Cancelled("music generation cancelled")
                return tensors

            try:
                with torch.inference_mode():
                    output = pipe(prompt=request.prompt, lyrics=request.lyrics or "[Instrumental]",
                                  audio_duration=generated_s, vocal_language=request.language,
                                  num_inference_steps=steps, bpm=request.bpm, output_type="np",
                                  generator=torch.Generator(device="cpu").manual_seed(request.seed),
                                  callback_on_step_end=on_step_end)
            except torch.cuda.OutOfMemoryError as exc:
                raise GenerationFailed("out of GPU memory while composing music",
                                       data={"error": str(exc)[:500]}) from exc
            except (RuntimeError, ValueError, TypeError) as exc:
                raise GenerationFailed(f"music generation failed: {exc}", data={"error": str(exc)[:500]}) from exc
        samples = _to_48k_stereo(output.audios[0], int(pipe.sample_rate))
        looped = len(samples) < round(request.seconds * SAMPLE_RATE)
        samples = fit_to_length(samples, SAMPLE_RATE, request.seconds, request.bpm)
        samples = master(samples.T, SAMPLE_RATE, loop=False).T
        write_audio(samples, out, SAMPLE_RATE)
        progress(1.0)
        return Song(path=out, duration_ms=round(len(samples) * 1000 / SAMPLE_RATE), sample_rate=SAMPLE_RATE,
                    channels=2, provenance={"model": str(self.folder), "backend": self.name,
                                            "pipeline": PIPELINE_CLASS, "prompt": request.prompt,
                                            "lyrics": request.lyrics, "bpm": request.bpm, "seed": request.seed,
                                            "steps": steps, "generated_seconds": generated_s, "looped": looped})


class ComposerPool:
    """The warm ACE-Step composer of one owner (``Services``): one music model in memory at a time."""

    def __init__(self) -> None:
        self._composer: AceStepComposer | None = None
        self._lock = threading.Lock()

    def get(self, settings: Settings) -> AceStepComposer:
        """The composer of ``settings.music_model``, made on first use (another folder replaces it)."""
        composer = AceStepComposer.from_settings(settings)
        with self._lock:
            if self._composer is None or self._composer.folder != composer.folder:
                self._composer = composer
            return self._composer

    def close(self) -> None:
        """Let the warm model go."""
        with self._lock:
            self._composer = None
