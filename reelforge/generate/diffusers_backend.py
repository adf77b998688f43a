"""Real text-to-video models through Hugging Face diffusers (Wan 2.1/2.2, LTX-Video, LTX-2, HunyuanVideo 1.5, CogVideoX).

:class:`DiffusersGenerator` implements the :class:`~reelforge.generate.base.Generator`
protocol. Read top to bottom like a diffusers pipeline:

1. resolve the model (a local folder, or an id fetched through diffusers' own download)
   and detect its family from its configs (``_diffusers_families``);
2. keep one warm pipeline (the folder's own class, plus ``from_pipe`` views sharing its
   weights for the other kind), its memory setting applied (fp8, group offload, a GGUF
   transformer), freed on a model switch;
3. per job: the speed preset's sampler and step cache, the job's LoRAs switched in
   (``_diffusers_lora``) without reloading the base weights;
4. plan shots (one segment per ``|``-separated prompt, frame rule, trained size and rate) and
   denoise each, reporting progress per step and honouring cancel between steps (per-family
   call rules in ``_family_*``); each shot after the first starts from the previous one's last
   frame when the model takes a still, its frames that give that frame back dropped (no frame
   shows twice at a join: ``_long_shot``), and is colour-matched to it (``_color_match``);
   SkyReels-V2 makes a whole segment in one diffusion-forcing call and LTX-2 continues a shot
   from the previous one's last frames through ``LTX2ConditionPipeline`` (``_long_video``);
5. encode all shots through one :class:`~reelforge.ffmpeg.FrameWriter`, brought to the
   delivered rate by motion-compensated interpolation (``_frame_rate``: minterpolate, or RIFE
   when configured; or kept native) and scaled (lanczos) to the delivered size; a family that
   makes sound (LTX-2) gets it as the clip's own audio stream at the mix rate.

torch and diffusers are imported only inside functions, never at module import.
"""

from __future__ import annotations

import dataclasses
import gc
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reelforge.errors import BackendUnavailable, Cancelled, GenerationFailed, InvalidInput, MediaMissing
from reelforge.generate import _family_hunyuan15, _family_ltx2, _family_wan
from reelforge.generate._color_match import (
    ColorMatchConfig,
    JoinRecord,
    join_difference,
    long_shot_record,
    match_colors,
)
from reelforge.generate._diffusers_families import (
    DEFAULT_NEGATIVE_PROMPT,
    Capabilities,
    Family,
    Kind,
    detect_model,
    generation_size,
)
from reelforge.generate._diffusers_inventory import describe_models, require_torch
from reelforge.generate._diffusers_lora import LoraAdapters
from reelforge.generate._diffusers_magcache import (
    MagCalibration,
    calibration_path,
    load_calibration,
    mag_cache_config,
    record_ratios,
)
from reelforge.generate._diffusers_memory import apply_memory_setting, load_gguf_transformer, text_encoder_on_cpu
from reelforge.generate._diffusers_speed import (
    MagConfigs,
    Sampler,
    SpeedOptions,
    StepCache,
    apply_speed_options,
    clear_step_caches,
    preset_options,
    sampler_for,
    scheduler_shift,
    set_step_cache,
)
from reelforge.generate._family_ltx2 import ShotAudio
from reelforge.generate._frame_rate import FrameRatePolicy, encode_shots
from reelforge.generate._long_shot import LongShotPlan, plan_long_shot
from reelforge.generate._long_video import (
    DiffusionForcing,
    FrameConditioning,
    diffusion_forcing_for,
    frame_conditioning_for,
    takes_last_image,
)
from reelforge.generate._rife import RifeInterpolator
from reelforge.generate.base import Clip, GenerateRequest, validate_segments
from reelforge.progress import CancelToken, Progress, scaled

if TYPE_CHECKING:
    import numpy as np

    from reelforge.settings import Settings

__all__ = ["DiffusersGenerator", "GeneratedShots", "GenerationShape", "SpeedOptions", "apply_speed_options",
           "describe_models"]

_imports_frozen = False


def _freeze_imports() -> None:
    """Once a process, before the first pipeline loads: the ~half million objects the torch, diffusers and
    transformers imports made live to its end, so they leave the collector's reach (``gc.freeze()``). Each full
    collection after it, ``unload()``'s on every model switch included, walks only what came later (0.3-1.5 s
    saved a collection on a CPU). Called before ``from_pretrained``: a pipeline is never frozen, so it is freed."""
    global _imports_frozen
    if not _imports_frozen:
        gc.collect()
        gc.freeze()
        _imports_frozen = True


_DENOISE_SHARE = 0.9  # progress share of denoising; the encode takes the rest
MIX_RATE = 48_000     # the renderer's audio rate (render/encode.py AUDIO_RATE): a clip's own sound is stored at it

# Per-family call rules, each in its own module: (pipe, call, fps) -> call.
_CALL_RULES: dict[str, Callable[..., dict[str, Any]]] = {
    "wan22_a14b": _family_wan.call_arguments,
    "ltx2": _family_ltx2.call_arguments,
    "hunyuan15": _family_hunyuan15.call_arguments,
}


@dataclass(frozen=True)
class GenerationShape:
    """Overrides of the family's trained size, rate and shot length (small GPUs, tests)."""

    size: tuple[int, int] | None = None     # (width, height) of the generated frames
    fps: int | None = None
    max_shot_frames: int | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> GenerationShape:
        size = None
        if settings.generation_size:
            width, height = settings.generation_size.split("x")
            size = (int(width), int(height))
        return cls(size=size, fps=settings.generation_fps, max_shot_frames=settings.max_shot_frames)


@dataclass(frozen=True)
class GeneratedShots:
    """A request's denoised shots before encoding: uint8 frames per shot, and their sound if any."""

    model: str
    plan: LongShotPlan
    shots: list[np.ndarray]
    sounds: list[ShotAudio]
    provenance: dict[str, Any]


@dataclass
class _Loaded:
    """The warm pipeline for one model folder and its ``from_pipe`` views by kind."""

    model: str
    folder: Path
    capabilities: Capabilities
    views: dict[Kind, Any]
    conditioning_view: Any = None       # LTX-2's LTX2ConditionPipeline, for continued shots
    offload_owner: Any = None
    loras: LoraAdapters | None = None
    step_cache: StepCache = "off"
    memory: list[str] = field(default_factory=list)   # what the memory setting applied
    upsampler: _family_ltx2.LatentUpsampler | None = None  # LTX-2's second stage, when the folder has one
    mag: MagCalibration | None = None     # the model's stored MagCache calibration, if any


class DiffusersGenerator:
    """A generator backed by one warm diffusers pipeline; one generation at a time."""

    name = "diffusers"

    def __init__(self, settings: Settings, *, shape: GenerationShape | None = None) -> None:
        require_torch()
        if not settings.model:
            raise InvalidInput("model: no diffusers model configured (set REELFORGE_MODEL or --model)",
                               field="model")
        self.settings = settings
        self.model = settings.model
        self.shape = shape or GenerationShape.from_settings(settings)
        self.speed = SpeedOptions.from_settings(settings)
        self.color_match = ColorMatchConfig(settings.color_match, settings.color_match_ease_s)
        self.frame_rate = FrameRatePolicy.from_settings(settings)
        self._rife: Any = None                  # the RIFE interpolator, loaded on first use
        self.loads = 0                          # base models read from disk (a LoRA switch reads none)
        self._loaded: _Loaded | None = None     # one warm model at a time (GPU memory)
        self._running: Any = None               # the pipeline in a call (for the cache hooks' timestep)
        self._lock = threading.Lock()           # a shared pipeline corrupts concurrent calls (diffusers #3672)

    @classmethod
    def from_settings(cls, settings: Settings) -> DiffusersGenerator:
        """The pool's entry point; loads nothing until the first generation."""
        return cls(settings)

    # -- model management -------------------------------------------------------------
    def select_model(self, model: str) -> None:
        """Use ``model`` from the next generation on; the old pipeline's memory is freed."""
        with self._lock:
            if model != self.model:
                self.unload()
                self.model = model

    def unload(self) -> None:
        """Drop every warm pipeline and give its memory back (GPU included)."""
        self._loaded = None
        self._running = None
        gc.collect()
        import torch

        if torch.cuda.is_available():
            torch.cuda.empty_cache()

    @property
    def loaded_pipeline(self) -> Any:
        """The warm pipeline as loaded from its folder (None before the first generation)."""
        return next(iter(self._loaded.views.values())) if self._loaded is not None else None

    def pipeline(self, kind: Kind) -> tuple[_Loaded, Any]:
        """The warm model and its pipeline for ``kind``, loading (and switching) as needed."""
        loaded = self._load(self.model)
        if kind == "i2v" and not loaded.capabilities.image_to_video:
            image_model = self.settings.image_model
            if not image_model:
                family = loaded.capabilities.family.label
                raise InvalidInput(f"image: {self.model} ({family}, {loaded.capabilities.pipeline_class}) cannot "
                                   "animate a still; set REELFORGE_IMAGE_MODEL to an image-to-video model",
                                   field="image")
            loaded = self._load(image_model)
            if not loaded.capabilities.image_to_video:
                raise InvalidInput(f"image_model: {image_model} cannot animate a still either", field="image_model")
        if kind == "t2v" and not loaded.capabilities.text_to_video:
            raise InvalidInput(f"image: {self.model} ({loaded.capabilities.pipeline_class}) is an image-to-video "
                               "model and needs a still", field="image")
        return loaded, self._view(loaded, kind)

    def _load(self, model: str) -> _Loaded:
        if self._loaded is not None and self._loaded.model == model:
            return self._loaded
        self.unload()  # free the old model before the new one claims the memory
        import torch
        from diffusers import DiffusionPipeline

        folder = _resolve_folder(model)
        capabilities = detect_model(folder)
        family = capabilities.family
        device, dtype = self._device_and_dtype()
        dtypes: Any = dtype
        if family.vae_float32 and dtype != torch.float32:
            dtypes = {"default": dtype, "vae": torch.float32}  # Wan's VAE is recommended in float32
        components: dict[str, Any] = {}
        if self.settings.gguf is not None:
            components["transformer"] = load_gguf_transformer(self.settings.gguf, folder, family.transformer_class,
                                                              dtype)
        import diffusers

        # The folder's own class: DiffusionPipeline.from_pretrained drops components passed in (diffusers 0.42).
        pipeline_class = getattr(diffusers, capabilities.pipeline_class, DiffusionPipeline)
        _freeze_imports()
        try:
            pipe = pipeline_class.from_pretrained(folder, dtype=dtypes, **components)
        except (OSError, ValueError, TypeError, RuntimeError) as exc:
            raise GenerationFailed(f"model: cannot load {model}: {exc}", data={"model": model}) from exc
        self.loads += 1
        self._loaded = self._prepare(pipe, model, folder, capabilities, gguf=self.settings.gguf is not None)
        return self._loaded

    def adopt(self, pipe: Any, folder: Path, model: str | None = None, *, latent_upsampler: Any = None) -> None:
        """Make ``pipe`` (built in memory: the GPU benchmark's random weights) the warm model.

        ``folder`` holds its configs (``model_index.json``, ``transformer/config.json``...); the
        memory setting and speed options are applied as to a loaded one. ``latent_upsampler``:
        an LTX-2 upsampler model built in memory (else the folder's, if it has one).
        """
        with self._lock:
            self.unload()
            self.model = model or str(folder)
            self._loaded = self._prepare(pipe, self.model, folder, detect_model(folder), gguf=False,
                                         latent_upsampler=latent_upsampler)

    def _prepare(self, pipe: Any, model: str, folder: Path, capabilities: Capabilities, *, gguf: bool,
                 latent_upsampler: Any = None) -> _Loaded:
        """The memory setting, device placement and speed options, applied to a fresh pipeline."""
        family = capabilities.family
        device, dtype = self._device_and_dtype()
        pipe.set_progress_bar_config(disable=True)  # library code never prints
        clear_step_caches(pipe)  # an adopted pipeline may carry an earlier generator's cache hooks
        memory = apply_memory_setting(pipe, self.settings.memory, device=device, dtype=dtype,
                                      keep_text_encoder_on_cpu=self.settings.text_encoder_cpu)
        grouped = self.settings.memory in ("group_offload", "fp8_group_offload")
        if not grouped and (not self.settings.cpu_offload or device.type != "cuda"):
            pipe.to(device)
        if self.settings.text_encoder_cpu:
            memory += text_encoder_on_cpu(pipe, device)
        if gguf:
            memory.append("gguf_transformer")
        if self.settings.vae_tiling and hasattr(pipe.vae, "enable_tiling"):
            pipe.vae.enable_tiling()
        calibration = load_calibration(folder)
        loaded_options = preset_options(self.speed, self.settings.speed, cuda=device.type == "cuda", family=family,
                                        calibrated=calibration is not None)
        if loaded_options.step_cache == "mag" and calibration is None:
            # Not calibrated yet: load without it (the calibration run needs the model); a job asking is refused.
            loaded_options = dataclasses.replace(loaded_options, step_cache="off")
        loras = LoraAdapters(self.settings.loras)
        if loaded_options.compile and family.lora and self.settings.loras:
            loras.prime_hotswap(pipe)  # before compiling: later LoRAs swap in without a recompile
        apply_speed_options(pipe, loaded_options, current_timestep=self._current_timestep,
                            mag=self._mag_configs(calibration, folder, family.steps))
        kind: Kind = "i2v" if pipe.__class__.__name__ == family.image_pipeline else "t2v"
        upsampler = None
        if family.audio and self.settings.latent_upsample and (latent_upsampler is not None
                                                               or _family_ltx2.has_latent_upsampler(folder)):
            upsampler = _load_latent_upsampler(folder, pipe, dtype=dtype, device=device, model=latent_upsampler)
        return _Loaded(model, folder, capabilities, {kind: pipe}, loras=loras,
                       step_cache=loaded_options.step_cache, memory=memory, upsampler=upsampler, mag=calibration)

    def _mag_configs(self, calibration: MagCalibration | None, folder: Path, steps: int) -> MagConfigs:
        """Each transformer's MagCache config for a call of ``steps`` steps (refused without a calibration)."""
        threshold = self.speed.mag_threshold
        return lambda name: mag_cache_config(calibration, name, steps, threshold, folder)

    def _view(self, loaded: _Loaded, kind: Kind) -> Any:
        if kind not in loaded.views:
            family = loaded.capabilities.family
            loaded.views[kind] = _view_of(next(iter(loaded.views.values())),
                                          family.image_pipeline if kind == "i2v" else family.text_pipeline)
        return self._placed(loaded, loaded.views[kind])

    def _conditioning_view(self, loaded: _Loaded, conditioning: FrameConditioning) -> Any:
        """The family's frame-conditioning pipeline (LTX-2's ``LTX2ConditionPipeline``) on the same weights."""
        if loaded.conditioning_view is None:
            loaded.conditioning_view = _view_of(next(iter(loaded.views.values())), conditioning.pipeline)
        return self._placed(loaded, loaded.conditioning_view)

    def _placed(self, loaded: _Loaded, pipe: Any) -> Any:
        """``pipe`` with the model CPU offload hooks on it when that setting is on."""
        device, _ = self._device_and_dtype()
        if self.settings.cpu_offload and device.type == "cuda" and loaded.offload_owner is not pipe:
            pipe.enable_model_cpu_offload(device=device)  # hooks live on the shared modules
            loaded.offload_owner = pipe
        return pipe

    def _current_timestep(self) -> Any:
        """The timestep of the pipeline in a call: the cache hooks live on the shared transformer."""
        pipe = self._running if self._running is not None else self.loaded_pipeline
        return pipe.current_timestep if pipe is not None else None

    def _device_and_dtype(self) -> tuple[Any, Any]:
        import torch

        device = torch.device(self.settings.device or ("cuda" if torch.cuda.is_available() else "cpu"))
        if self.settings.dtype != "auto":
            return device, getattr(torch, self.settings.dtype)
        return device, torch.bfloat16 if device.type == "cuda" else torch.float32

    # -- generation ---------------------------------------------------------------------
    def generate(self, request: GenerateRequest, out: Path, progress: Progress,
                 cancel: CancelToken | None = None) -> Clip:
        """Denoise the request's shots and encode them to ``out`` at the delivered size and rate."""
        validate_segments(request)
        with self._lock:
            made = self._make_frames(request, scaled(progress, 0.0, _DENOISE_SHARE), cancel)
            rate = self.frame_rate.plan(made.plan.fps, request.fps)
            with tempfile.TemporaryDirectory(prefix="reelforge-audio-",
                                             dir=out.parent if out.parent.exists() else None) as tmp:
                audio = _write_wav(made.sounds, Path(tmp) / "model-audio.wav") if made.sounds else None
                encode_shots(made.shots, rate, request, out, scaled(progress, _DENOISE_SHARE, 1.0), cancel,
                             self._interpolator() if rate.method == "rife" else None, audio=audio,
                             audio_rate=MIX_RATE)
            progress(1.0)
            return Clip(path=out, duration_ms=request.duration_ms, width=request.width, height=request.height,
                        fps=rate.delivered_fps, backend=self.name, model=made.model, seed=request.seed,
                        provenance={**made.provenance, "frame_rate": rate.describe()})

    def _interpolator(self) -> Any:
        """The RIFE network of ``REELFORGE_RIFE_MODEL``, loaded once, on the pipeline's device."""
        weights = self.frame_rate.rife_model
        if self._rife is None and weights is not None:
            device, _ = self._device_and_dtype()
            self._rife = RifeInterpolator.load(weights, device)
        return self._rife

    def _last_image(self, request: GenerateRequest, loaded: _Loaded, width: int, height: int, *,
                    last_shot_takes_a_still: bool) -> Any:
        """The end frame, sized like the shots, when the request gives one the model can honour."""
        if request.last_image is None:
            return None
        if not last_shot_takes_a_still or not takes_last_image(loaded.capabilities, loaded.folder):
            family = loaded.capabilities.family.label
            raise InvalidInput(f"last_image: {loaded.model} ({family}) cannot end on a given frame"
                               + ("" if last_shot_takes_a_still else " without a start frame (image)")
                               + "; Wan 2.1 image-to-video and SkyReels-V2 can", field="last_image")
        return _load_still(request.last_image, width, height)

    def _join(self, previous: np.ndarray, frames: np.ndarray, fps: int,
              hold: float) -> tuple[np.ndarray, JoinRecord]:
        """A shot's frames matched to the frame before them (when matching is on), and the step measured.

        A continued shot keeps the match throughout (``hold`` 1: its colour shift is drift); a new
        prompt eases back into its own palette (``hold`` 0)."""
        before = join_difference(previous, frames[0])
        if self.color_match.enabled:
            frames = match_colors(frames, previous, ease_frames=self.color_match.ease_frames(fps), hold=hold)
        return frames, JoinRecord(before, join_difference(previous, frames[0]))

    def make_frames(self, request: GenerateRequest, progress: Progress,
                    cancel: CancelToken | None = None) -> GeneratedShots:
        """The request's shots as frames (and sound), not encoded: the GPU benchmark's whole path."""
        with self._lock:
            made = self._make_frames(request, progress, cancel)
            progress(1.0)
            return made

    def _make_frames(self, request: GenerateRequest, progress: Progress,
                     cancel: CancelToken | None) -> GeneratedShots:
        if cancel is not None:
            cancel.check()
        kind: Kind = "i2v" if request.image is not None else "t2v"
        loaded, pipe = self.pipeline(kind)
        capabilities, model = loaded.capabilities, loaded.model
        family = capabilities.family
        width, height = self.shape.size or generation_size(family, request.width, request.height)
        fps = self.shape.fps or family.fps
        temporal = _temporal_factor(pipe)
        # Diffusion forcing (SkyReels-V2) makes a whole segment in one call; the shape's shot length is its window.
        forcing = diffusion_forcing_for(pipe, temporal, self.shape.max_shot_frames)
        max_frames = family.max_frames if forcing else (self.shape.max_shot_frames or family.max_frames)

        def planned(longest: int, repeats: int = 0) -> LongShotPlan:
            return plan_long_shot(request.segments, request.duration_ms, request.seed, fps=fps, temporal=temporal,
                                  max_frames=longest, fixed_frames=family.fixed_frames, repeats=repeats,
                                  keep_last_frame=request.last_image is not None)

        plan = planned(max_frames)
        # Later shots start from the previous shot's last frame when the model takes a still (LTX-2: from its
        # last frames, and a continued shot is made longer by them). The first frame of such a shot gives the
        # previous one's last frame back: each continued shot is planned one frame longer and drops it.
        conditioning = frame_conditioning_for(capabilities, temporal, max_frames) if len(plan.shots) > 1 else None
        continued = len(plan.shots) > 1 and capabilities.image_to_video
        if continued:
            plan = planned(max_frames - (conditioning.extra_frames if conditioning else 0), repeats=1)
        preset = request.speed or self.settings.speed
        sampler = sampler_for(family, preset, request.steps, request.guidance)
        loras = self._switch_loras(loaded, pipe, request, distilled=sampler.distilled)
        options = preset_options(self.speed, preset, cuda=self._device_and_dtype()[0].type == "cuda", family=family,
                                 calibrated=loaded.mag is not None)
        loaded.step_cache = set_step_cache(pipe, loaded.step_cache, options, self._current_timestep,
                                           mag=self._mag_configs(loaded.mag, loaded.folder, sampler.steps))
        negative = request.negative_prompt or DEFAULT_NEGATIVE_PROMPT
        still = _load_still(request.image, width, height) if request.image is not None else None
        continuation = None
        if conditioning is not None:
            continuation = self._conditioning_view(loaded, conditioning)
        elif continued:
            continuation = self._view(loaded, "i2v")
        last_image = self._last_image(request, loaded, width, height,
                                      last_shot_takes_a_still=still is not None or continuation is not None)

        pieces: list[np.ndarray] = []      # the kept frames of each shot, colour-matched at the joins
        joins: list[JoinRecord] = []
        sounds: list[ShotAudio] = []
        made_frames: list[int] = []        # frames each call made (a conditioned shot re-makes its conditioning)
        dropped_frames: list[int] = []     # leading frames of each call that repeat the previous shot
        for index, shot in enumerate(plan.shots):
            previous = pieces[-1][-1] if pieces else None
            # LTX-2: the previous shot's last frames open this one; the call re-makes them, then goes on
            condition = conditioning.previous_frames(pieces[-1], temporal) if conditioning and pieces else None
            remade = len(condition) - 1 if condition is not None else 0    # frames before the join frame
            made, dropped = shot.frames + remade, remade + shot.repeats    # the join frame is a repeat too
            shot_pipe, image = (pipe, still) if previous is None or continuation is None \
                else (continuation, _as_image(previous) if condition is None else None)
            if forcing is not None and image is not None:
                made = forcing.whole_windows(made, temporal)
            call = _call_arguments(shot_pipe, capabilities, prompt=shot.prompt, negative=negative,
                                   width=width, height=height, frames=made, fps=fps,
                                   steps=sampler.steps, guidance=sampler.guidance, seed=shot.seed, image=image)
            if condition is not None and conditioning is not None:
                call.update(_frame_conditions(condition, conditioning.strength))
            if forcing is not None:
                call.update(forcing.arguments(made, fps))
            ends = last_image is not None and index == len(plan.shots) - 1
            if ends:
                call["last_image"] = last_image
            report = scaled(progress, index / len(plan.shots), (index + 1) / len(plan.shots))
            with scheduler_shift(shot_pipe, sampler.shift):
                output = self._denoise_shot(loaded, shot_pipe, call, sampler.steps, report, cancel)
            frames = _kept_frames(_frames_of(output), dropped, shot.keep, made, ends_on_last=ends)
            made_frames.append(made)
            dropped_frames.append(dropped)
            if family.audio:
                sound = _family_ltx2.shot_audio(shot_pipe, output, frames=made, fps=fps, skip_frames=dropped)
                sounds.append(_kept_sound(sound, shot.keep, fps))
            if previous is not None:  # the real join: the previous shot's last kept frame and this one's first
                frames, join = self._join(previous, frames, fps, hold=0.0 if shot.opens_segment else 1.0)
                joins.append(join)
            pieces.append(frames)
        if loaded.upsampler is not None:  # the frames come out of the refining stage
            width, height = loaded.upsampler.size(width, height)
        provenance = {**self._provenance(capabilities, model, plan, width, height, sampler, negative, request,
                                         continuation is not None, preset, loras, loaded,
                                         audio_rate=sounds[0].sample_rate if sounds else None),
                      **long_shot_record(request.segments, joins, self.color_match),
                      "long_video": _method(forcing, conditioning, last_image, made_frames, dropped_frames)}
        return GeneratedShots(model, plan, pieces, sounds, provenance)

    def calibrate_mag_cache(self, request: GenerateRequest, progress: Progress = lambda _: None) -> Path:
        """Run ``request``'s first shot once, nothing skipped, recording MagCache's magnitude ratios.

        They are stored beside the model's folder (``<folder>.magcache.json``) and used from then
        on (``balanced``, ``REELFORGE_STEP_CACHE=mag``); returns the file written.
        """
        with self._lock:
            loaded, pipe = self.pipeline("t2v")
            family = loaded.capabilities.family
            width, height = self.shape.size or generation_size(family, request.width, request.height)
            fps = self.shape.fps or family.fps
            plan = plan_long_shot(request.segments, request.duration_ms, request.seed, fps=fps,
                                  temporal=_temporal_factor(pipe),
                                  max_frames=self.shape.max_shot_frames or family.max_frames,
                                  fixed_frames=family.fixed_frames)
            shot = plan.shots[0]
            sampler = sampler_for(family, "quality", request.steps, request.guidance)
            loaded.step_cache = set_step_cache(pipe, loaded.step_cache,
                                               dataclasses.replace(self.speed, step_cache="off"),
                                               self._current_timestep)
            call = _call_arguments(pipe, loaded.capabilities, prompt=shot.prompt,
                                   negative=request.negative_prompt or DEFAULT_NEGATIVE_PROMPT, width=width,
                                   height=height, frames=shot.frames, fps=fps, steps=sampler.steps,
                                   guidance=sampler.guidance, seed=shot.seed, image=None)
            with record_ratios(pipe) as recorder:
                self._denoise(pipe, family, call, sampler.steps, progress, None)
            loaded.mag = MagCalibration(sampler.steps, recorder.ratios(sampler.steps), model=str(loaded.folder))
            return loaded.mag.save(calibration_path(loaded.folder))

    def _switch_loras(self, loaded: _Loaded, pipe: Any, request: GenerateRequest, *,
                      distilled: bool) -> list[dict[str, Any]]:
        """Make exactly the job's LoRAs active (loading new ones once); the base stays loaded."""
        assert loaded.loras is not None
        wanted = loaded.loras.resolve(loaded.capabilities.family, request.loras, fast=distilled)
        if wanted or loaded.loras.loaded:
            loaded.loras.activate(pipe, wanted)
        return [{"name": name, "scale": scale} for name, scale in wanted]

    def _denoise_shot(self, loaded: _Loaded, pipe: Any, call: dict[str, Any], steps: int, progress: Progress,
                      cancel: CancelToken | None) -> Any:
        """One shot: one call, or (LTX-2 with its upsampler) denoise, upsample the latents and refine."""
        family, upsampler = loaded.capabilities.family, loaded.upsampler
        if upsampler is None:
            return self._denoise(pipe, family, call, steps, progress, cancel)
        refine_steps = upsampler.describe()["refine_steps"]
        share = steps / (steps + refine_steps)
        first = self._denoise(pipe, family, call, steps, scaled(progress, 0.0, share), cancel, output_type="latent")
        try:
            latents = _family_ltx2.upsampled_latents(upsampler, first)
        except (RuntimeError, ValueError) as exc:
            raise GenerationFailed(f"latent upsampling failed: {exc}", data={"error": str(exc)[:500]}) from exc
        refine = _family_ltx2.refine_call(call, first, latents, upsampler)
        return self._denoise(self._view(loaded, "t2v"), family, refine, refine_steps, scaled(progress, share, 1.0),
                             cancel)

    def _denoise(self, pipe: Any, family: Family, call: dict[str, Any], steps: int, progress: Progress,
                 cancel: CancelToken | None, *, output_type: str = "np") -> Any:
        import torch

        def step_done(step: int) -> None:
            progress(min(1.0, (step + 1) / steps))  # diffusion forcing runs the steps once per window
            if cancel is not None and cancel.cancelled:
                # Raising leaves the loop at once; ``pipe._interrupt`` would still run the VAE decode.
                raise Cancelled("generation cancelled")

        def on_step_end(_pipe: Any, step: int, _timestep: Any, tensors: dict[str, Any]) -> dict[str, Any]:
            step_done(step)
            return tensors

        self._running = pipe
        try:
            with torch.inference_mode():
                if family.step_callback:
                    output = pipe(**call, num_inference_steps=steps, output_type=output_type,
                                  callback_on_step_end=on_step_end)
                else:  # the step ends are seen from the transformer's side (_family_hunyuan15)
                    with _family_hunyuan15.step_hook(pipe.transformer, step_done) as finish:
                        output = pipe(**call, num_inference_steps=steps, output_type=output_type)
                        finish()
        except Cancelled:
            pipe.maybe_free_model_hooks()
            raise
        except torch.cuda.OutOfMemoryError as exc:
            raise GenerationFailed("out of GPU memory; try REELFORGE_CPU_OFFLOAD=1, REELFORGE_VAE_TILING=1, "
                                   "a shorter clip or a smaller model", data={"error": str(exc)[:500]}) from exc
        except (RuntimeError, ValueError, TypeError) as exc:
            raise GenerationFailed(f"generation failed: {exc}", data={"error": str(exc)[:500]}) from exc
        finally:
            self._running = None
        return output

    def _provenance(self, capabilities: Capabilities, model: str, plan: LongShotPlan, width: int, height: int,
                    sampler: Sampler, negative: str, request: GenerateRequest, continued: bool,
                    preset: str, loras: list[dict[str, Any]], loaded: _Loaded, *,
                    audio_rate: int | None) -> dict[str, Any]:
        import diffusers
        import torch

        device, dtype = self._device_and_dtype()
        return {
            "family": capabilities.family.name, "model": model, "pipeline": capabilities.pipeline_class,
            "kind": "i2v" if request.image is not None else "t2v",
            "generated_width": width, "generated_height": height, "generated_fps": plan.fps,
            "frames_per_shot": list(plan.frames), "kept_per_shot": [shot.keep for shot in plan.shots],
            "shots": len(plan.shots),
            "shot_join": "continued" if continued else ("cut" if len(plan.shots) > 1 else "single"),
            "seeds": [shot.seed for shot in plan.shots],
            "steps": sampler.steps, "guidance": sampler.guidance, "shift": sampler.shift,
            "negative_prompt": negative,
            "device": str(device), "dtype": str(dtype).removeprefix("torch."),
            "cpu_offload": self.settings.cpu_offload, "vae_tiling": self.settings.vae_tiling,
            "speed": {**self.speed.describe(), "preset": preset, "step_cache": loaded.step_cache},
            "loras": loras, "memory": {"setting": self.settings.memory, "applied": loaded.memory},
            "latent_upsample": loaded.upsampler.describe() if loaded.upsampler is not None else None,
            "audio": {"source": "model", "model_rate": audio_rate, "rate": MIX_RATE} if audio_rate else None,
            "diffusers": diffusers.__version__, "torch": torch.__version__,
        }


def _method(forcing: DiffusionForcing | None, conditioning: FrameConditioning | None, last_image: Any,
            made_frames: list[int], dropped_frames: list[int]) -> dict[str, Any]:
    """What the provenance says about the family's long-video method."""
    name = "diffusion_forcing" if forcing is not None else "frame_conditioning" if conditioning else "chained"
    method: dict[str, Any] = {"method": name, "frames_made": made_frames, "dropped_per_shot": dropped_frames}
    if forcing is not None:
        method.update(base_frames=forcing.base_frames, overlap_frames=forcing.overlap_frames,
                      causal_block_size=forcing.causal_block_size, ar_step=forcing.ar_step)
    if conditioning is not None:
        method.update(pipeline=conditioning.pipeline, conditioning_frames=conditioning.frames,
                      strength=conditioning.strength)
    method["last_image"] = last_image is not None
    return method


def _resolve_folder(model: str) -> Path:
    """A local folder as is; a model id through diffusers' download (the hub cache first)."""
    path = Path(model).expanduser()
    if path.is_dir():
        return path
    if path.exists() or model.startswith((".", "/", "~")) or model.count("/") != 1:
        raise MediaMissing(f"model: {model} is not a model folder or a hub id (owner/name)",
                           data={"model": model})
    from diffusers import DiffusionPipeline

    try:
        return Path(DiffusionPipeline.download(model))
    except (OSError, ValueError) as exc:
        raise BackendUnavailable(f"model: cannot fetch {model} ({exc}); download it first "
                                 f"(huggingface-cli download {model}) or point REELFORGE_MODEL at a folder",
                                 data={"model": model}) from exc


def _view_of(base: Any, class_name: str) -> Any:
    """A ``from_pipe`` view of ``base`` as the diffusers class ``class_name``: it shares every module
    (no second copy of the weights)."""
    import diffusers

    view = getattr(diffusers, class_name).from_pipe(base)
    view.set_progress_bar_config(disable=True)
    return view


def _load_latent_upsampler(folder: Path, pipe: Any, *, dtype: Any, device: Any,
                           model: Any = None) -> _family_ltx2.LatentUpsampler:
    """LTX-2's upsampler of ``folder`` (or ``model``, built in memory) on ``device``, sharing ``pipe``'s VAE."""
    from diffusers import LTX2LatentUpsamplePipeline
    from diffusers.pipelines.ltx2.latent_upsampler import LTX2LatentUpsamplerModel
    from diffusers.pipelines.ltx2.utils import STAGE_2_DISTILLED_SIGMA_VALUES

    if model is None:
        model = LTX2LatentUpsamplerModel.from_pretrained(folder, subfolder=_family_ltx2.UPSAMPLER_SUBFOLDER,
                                                         torch_dtype=dtype)
    upsample: Any = LTX2LatentUpsamplePipeline(vae=pipe.vae, latent_upsampler=model.to(device))
    upsample.set_progress_bar_config(disable=True)
    return _family_ltx2.LatentUpsampler(upsample, _family_ltx2.upsampler_scale(model.config),
                                        tuple(STAGE_2_DISTILLED_SIGMA_VALUES))


def _frame_conditions(frames: np.ndarray, strength: float) -> dict[str, Any]:
    """LTX-2's ``conditions``: ``frames`` (uint8 ``[n, height, width, 3]``) as one ``LTX2VideoCondition``
    at latent index 0, so they replace the shot's first latent frames (kept clean while the rest is
    denoised) rather than being appended as a keyframe elsewhere in it."""
    from diffusers.pipelines.ltx2.pipeline_ltx2_condition import LTX2VideoCondition

    return {"conditions": [LTX2VideoCondition(frames=frames, index=0, strength=strength)]}


def _temporal_factor(pipe: Any) -> int:
    """Frames per latent frame: shots must have ``factor * k + 1`` frames."""
    for attribute in ("vae_scale_factor_temporal", "vae_temporal_compression_ratio"):
        value = getattr(pipe, attribute, None)
        if isinstance(value, int) and value > 0:
            return value
    return 4


def _call_arguments(pipe: Any, capabilities: Capabilities, *, prompt: str, negative: str, width: int,
                    height: int, frames: int, fps: int, steps: int, guidance: float, seed: int,
                    image: Any) -> dict[str, Any]:
    import torch

    family = capabilities.family
    call: dict[str, Any] = {
        "prompt": prompt, "negative_prompt": negative, "width": width, "height": height, "num_frames": frames,
        "guidance_scale": guidance,
        # A CPU generator gives the same noise for a seed on any device.
        "generator": torch.Generator(device="cpu").manual_seed(seed),
        "max_sequence_length": family.max_sequence_length
        or int(capabilities.transformer_config.get("max_text_seq_length", 226)),
    }
    if image is not None:
        call["image"] = image
    if family.name == "ltx":
        call["frame_rate"] = fps
        if getattr(pipe.vae.config, "timestep_conditioning", False):  # LTX 0.9.1+: the VAE denoises on decode
            call.update(decode_timestep=0.03, decode_noise_scale=0.025)
    rule = _CALL_RULES.get(family.name)
    return rule(pipe, call, fps=fps) if rule is not None else call


def _frames_of(output: Any) -> np.ndarray:
    """The pipeline's first video as uint8 ``[frames, height, width, 3]``."""
    import numpy as np

    frames = output.frames[0]
    frames = frames.float().cpu().numpy() if hasattr(frames, "cpu") else np.asarray(frames, dtype=np.float32)
    return (np.clip(frames, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)


def _load_still(path: Path, width: int, height: int) -> Any:
    """The still, cropped to the generation aspect and resized (lanczos) to its size."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return ImageOps.fit(image.convert("RGB"), (width, height), Image.Resampling.LANCZOS)
    except FileNotFoundError as exc:
        raise MediaMissing(f"image: {path} not found", data={"image": str(path)}) from exc
    except (UnidentifiedImageError, OSError) as exc:
        raise InvalidInput(f"image: {path} is not a readable image ({exc})", field="image") from exc


def _as_image(frame: np.ndarray) -> Any:
    from PIL import Image

    return Image.fromarray(frame)


def _kept_frames(frames: np.ndarray, dropped: int, keep: int, made: int, *, ends_on_last: bool = False) -> np.ndarray:
    """The ``keep`` frames after the ``dropped`` ones that repeat the previous shot; a pipeline that
    made fewer than asked would shorten the clip, so it is an error.

    A shot that ends on a given frame (``last_image``) keeps its last ``keep`` frames: what the
    frame-count rule made beyond the asked length leaves its head, never the frame asked to end on."""
    if len(frames) != made:
        raise GenerationFailed(f"the pipeline made {len(frames)} frames, {made} were asked",
                               data={"frames": len(frames), "asked": made})
    return frames[made - keep:] if ends_on_last else frames[dropped:dropped + keep]


def _kept_sound(sound: ShotAudio, keep: int, fps: int) -> ShotAudio:
    """A shot's sound cut like its frames: the first ``keep`` frames' worth (a long shot keeps part of its last shot)."""
    return dataclasses.replace(sound, samples=sound.samples[:round(keep * sound.sample_rate / fps)])


def _write_wav(sounds: list[ShotAudio], path: Path) -> Path:
    """The shots' sound, joined, as 16-bit PCM at the model's rate."""
    import wave

    import numpy as np

    samples = np.concatenate([sound.samples for sound in sounds])
    pcm = (np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2")
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(samples.shape[1])
        handle.setsampwidth(2)
        handle.setframerate(sounds[0].sample_rate)
        handle.writeframes(pcm.tobytes())
    return path
