"""Speed options for a loaded pipeline: a config object plus one verb.

Each option trades something for speed and is off by default:

- ``compile``: ``torch.compile`` the transformer (regional: only its repeated blocks where
  the model declares them). Costs a warm-up of a minute or more on the first call.
- ``attention_backend``: diffusers' attention dispatcher (``transformer.set_attention_backend``),
  e.g. ``flash``, ``_flash_3``, ``sage``, ``_native_cudnn``. Needs the kernel's package.
- ``step_cache``: reuse transformer work across denoising steps (diffusers' cache hooks,
  ``transformer.enable_cache``): ``first_block`` (First Block Cache: skip the rest of the
  network when the first block's residual barely changed; Wan, LTX, CogVideoX), ``pab``
  (Pyramid Attention Broadcast: reuse attention outputs in the middle of the schedule;
  Wan, LTX, CogVideoX), ``faster`` (FasterCache: attention reuse plus skipping part of the
  unconditional branch; CogVideoX only: in diffusers 0.42 it needs the conditional and
  unconditional batches in one 5-D tensor, and Wan runs them as two calls while LTX packs
  its latents to 3-D), ``mag`` (MagCache: skip steps by the model's calibrated residual
  magnitude ratios, stored beside its folder by ``reelforge models calibrate``:
  ``_diffusers_magcache``; Wan, LTX-Video, CogVideoX). They trade a little fidelity for fewer
  transformer evaluations.

The speed presets (``settings.speed``, ``--speed``) choose among these per family:
``quality`` is the plain call; ``balanced`` adds MagCache when the model has a stored
calibration, else First Block Cache (and ``torch.compile`` on CUDA, where its warm-up pays
back over a clip); ``fast`` runs the family's few-step
distillation (``FastPreset``: its steps, guidance 1.0 and shift; a distill LoRA for Wan).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from reelforge.errors import InvalidInput
from reelforge.settings import SpeedPreset

if TYPE_CHECKING:
    from reelforge.generate._diffusers_families import Family
    from reelforge.settings import Settings

__all__ = ["SpeedOptions", "apply_speed_options", "clear_step_caches", "preset_options", "sampler_for",
           "scheduler_shift", "set_step_cache"]

StepCache = Literal["off", "first_block", "pab", "faster", "mag"]
# Per transformer name ("transformer", "transformer_2"): its MagCacheConfig for the coming call.
MagConfigs = Callable[[str], Any]

# Transformers whose pipelines FasterCache works with in diffusers 0.42 (see the module docstring).
_FASTER_CACHE_TRANSFORMERS = frozenset({"CogVideoXTransformer3DModel"})


@dataclass(frozen=True)
class SpeedOptions:
    """Which speed-ups to apply to a pipeline's transformer (all off by default)."""

    compile: bool = False
    attention_backend: str | None = None
    step_cache: StepCache = "off"
    first_block_threshold: float = field(default=0.05)
    mag_threshold: float = field(default=0.06)

    @classmethod
    def from_settings(cls, settings: Settings) -> SpeedOptions:
        return cls(compile=settings.compile, attention_backend=settings.attention_backend,
                   step_cache=settings.step_cache, first_block_threshold=settings.first_block_threshold,
                   mag_threshold=settings.mag_cache_threshold)

    @property
    def any(self) -> bool:
        return self.compile or bool(self.attention_backend) or self.step_cache != "off"

    def describe(self) -> dict[str, Any]:
        return {"compile": self.compile, "attention_backend": self.attention_backend,
                "step_cache": self.step_cache}


def _cache_config(options: SpeedOptions, current_timestep: Callable[[], Any], name: str,
                  mag: MagConfigs | None) -> Any:
    from diffusers.hooks import FasterCacheConfig, FirstBlockCacheConfig, PyramidAttentionBroadcastConfig

    if options.step_cache == "mag":
        if mag is None:
            raise InvalidInput("step_cache: MagCache needs this model's calibration; run `reelforge models "
                               "calibrate` once, or use first_block", field="step_cache")
        return mag(name)
    if options.step_cache == "first_block":
        return FirstBlockCacheConfig(threshold=options.first_block_threshold)
    if options.step_cache == "pab":
        # Values from diffusers' PAB guide: recompute spatial attention every 2nd step
        # in the middle of the schedule, where consecutive steps change least.
        return PyramidAttentionBroadcastConfig(spatial_attention_block_skip_range=2,
                                               spatial_attention_timestep_skip_range=(100, 800),
                                               current_timestep_callback=current_timestep)
    # FasterCache's guide values (CogVideoX / Wan examples).
    return FasterCacheConfig(spatial_attention_block_skip_range=2,
                             spatial_attention_timestep_skip_range=(-1, 681),
                             current_timestep_callback=current_timestep,
                             attention_weight_callback=lambda _: 0.3,
                             unconditional_batch_skip_range=5,
                             unconditional_batch_timestep_skip_range=(-1, 781),
                             tensor_format="BCFHW")


def apply_speed_options(pipe: Any, options: SpeedOptions,
                        current_timestep: Callable[[], Any] | None = None, mag: MagConfigs | None = None) -> list[str]:
    """Apply ``options`` to ``pipe.transformer`` in place; returns what was applied.

    ``current_timestep`` feeds the timestep-ranged caches; by default it reads
    ``pipe.current_timestep`` (pass your own when other pipelines share the transformer).
    Apply once per loaded transformer: the hooks and compiled blocks live on the module.
    ``mag`` gives each transformer's MagCache config (from the model's stored calibration).
    """
    applied: list[str] = []
    transformers = [(name, module) for name in ("transformer", "transformer_2")
                    if (module := getattr(pipe, name, None)) is not None]
    timestep = current_timestep or (lambda: pipe.current_timestep)
    if options.attention_backend and options.attention_backend.endswith("_hub"):
        # Those fetch their kernels from the Hugging Face hub at run time: reelforge runs offline.
        raise InvalidInput(f"attention_backend: {options.attention_backend!r} downloads its kernel at run time; use "
                           "native (PyTorch SDPA), or flash / _flash_3 / sage with their package installed",
                           field="attention_backend")
    for name, transformer in transformers:
        if options.attention_backend:
            try:
                transformer.set_attention_backend(options.attention_backend)
            except (ValueError, RuntimeError, ImportError) as exc:
                raise InvalidInput(f"attention_backend: {exc} (got {options.attention_backend!r})",
                                   field="attention_backend") from exc
        if options.step_cache == "faster" and type(transformer).__name__ not in _FASTER_CACHE_TRANSFORMERS:
            raise InvalidInput(f"step_cache: 'faster' works with CogVideoX only in diffusers 0.42 "
                               f"(got {type(transformer).__name__}); use 'first_block' or 'pab'",
                               field="step_cache")
        if options.step_cache != "off":
            try:
                transformer.enable_cache(_cache_config(options, timestep, name, mag))
            except (ValueError, TypeError) as exc:
                raise InvalidInput(f"step_cache: {type(transformer).__name__} does not support "
                                   f"{options.step_cache!r} ({exc})", field="step_cache") from exc
        if options.compile:
            # A step cache's hooks branch in Python on their own state: let dynamo break the graph there.
            fullgraph = options.step_cache == "off"
            if getattr(transformer, "_repeated_blocks", None):
                # Regional compilation: same speed as compiling the whole model, a fraction of the warm-up.
                transformer.compile_repeated_blocks(fullgraph=fullgraph)
            else:
                transformer.compile()
    if options.attention_backend:
        applied.append(f"attention_backend={options.attention_backend}")
    if options.step_cache != "off":
        applied.append(f"step_cache={options.step_cache}")
    if options.compile:
        applied.append("compile")
    return applied


def preset_options(options: SpeedOptions, preset: SpeedPreset, *, cuda: bool, family: Family,
                   calibrated: bool = False) -> SpeedOptions:
    """``options`` as the preset has them: ``balanced`` caches steps (and compiles on CUDA).

    The cache is the family's: MagCache when the model has a stored calibration (``calibrated``),
    else First Block Cache where diffusers registers its blocks (Wan, LTX-Video, CogVideoX),
    Pyramid Attention Broadcast for HunyuanVideo 1.5, none for LTX-2 (diffusers 0.42 has no
    cache that handles its joint audio-video blocks).
    """
    if preset != "balanced":
        return options
    cache = options.step_cache if options.step_cache != "off" else family.balanced_cache
    if cache == "first_block" and calibrated:
        cache = "mag"
    return replace(options, step_cache=cache, compile=options.compile or cuda)  # type: ignore[arg-type]


def set_step_cache(pipe: Any, current: StepCache, options: SpeedOptions,
                   current_timestep: Callable[[], Any], mag: MagConfigs | None = None) -> StepCache:
    """Switch the transformers' step cache from ``current`` to ``options.step_cache``; the new state.

    MagCache is set up again for every call: its config holds the call's step count.
    """
    if current == options.step_cache and current != "mag":
        return current
    for name in ("transformer", "transformer_2"):
        transformer = getattr(pipe, name, None)
        if transformer is None:
            continue
        if current != "off":
            transformer.disable_cache()
        if options.step_cache != "off":
            transformer.enable_cache(_cache_config(options, current_timestep, name, mag))
    return options.step_cache


def clear_step_caches(pipe: Any) -> list[str]:
    """Switch off a step cache already on ``pipe``'s transformers; the names of those that had one.

    The cache hooks live on the modules, not on the generator that set them: a pipeline handed
    from one generator to the next (``DiffusersGenerator.adopt``) would keep skipping blocks
    with the old call's state under a setting that asked for no cache (the GPU benchmark's
    ``fp8`` row read 0.006 s/step that way: MagCache left on by the row before).
    """
    cleared = []
    for name in ("transformer", "transformer_2"):
        transformer = getattr(pipe, name, None)
        if transformer is not None and getattr(transformer, "is_cache_enabled", False):
            transformer.disable_cache()
            cleared.append(name)
    return cleared


@dataclass(frozen=True)
class Sampler:
    """Steps, guidance and flow shift of one call, and whether the family's distillation is used."""

    steps: int
    guidance: float
    shift: float | None
    distilled: bool


def sampler_for(family: Family, preset: SpeedPreset, steps: int | None, guidance: float | None) -> Sampler:
    """The request's own steps and guidance win; otherwise the preset's, then the family's."""
    if preset == "fast":
        if family.fast is None:
            raise InvalidInput(f"speed: {family.label} has no few-step distillation; use balanced or quality",
                               field="speed")
        return Sampler(steps or family.fast.steps, family.fast.guidance if guidance is None else guidance,
                       family.fast.shift, True)
    return Sampler(steps or family.steps, family.guidance if guidance is None else guidance, None, False)


@contextmanager
def scheduler_shift(pipe: Any, shift: float | None) -> Iterator[None]:
    """The pipeline's scheduler with its flow shift set to ``shift`` for one call."""
    original = pipe.scheduler
    config = dict(original.config)
    key = "flow_shift" if "flow_shift" in config else "shift" if "shift" in config else None
    if shift is None or key is None or config.get(key) == shift:
        yield
        return
    pipe.scheduler = type(original).from_config(original.config, **{key: shift})
    try:
        yield
    finally:
        pipe.scheduler = original
