"""What reelforge knows about each text-to-video family: detection, defaults, shot planning.

Pure Python (no torch): a model folder's ``model_index.json`` and ``transformer/config.json``
say which family it is and whether its transformer takes an image; the family says how
many frames a shot may have, at which size and rate it was trained, and its sampler
defaults. Nothing here is chosen from the model's *name*.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from reelforge.errors import InvalidInput

__all__ = ["Capabilities", "FastPreset", "Family", "FAMILIES", "ShotPlan", "detect_model", "generation_size",
           "longest_shot", "plan_shots", "round_up_to_rule"]

Kind = Literal["t2v", "i2v"]

DEFAULT_NEGATIVE_PROMPT = (
    "blurry, low quality, worst quality, jpeg artifacts, distorted, deformed, disfigured, "
    "watermark, text, subtitles, static frame, overexposed, underexposed"
)


@dataclass(frozen=True)
class FastPreset:
    """The ``fast`` speed preset of a family: its few-step distillation's sampler settings."""

    steps: int
    guidance: float
    shift: float | None                # the scheduler's flow shift; None = keep the folder's
    needs_lora: bool                   # a distill LoRA (``"fast": true`` in REELFORGE_LORAS) must be configured
    source: str                        # what makes the few steps work, for docs and errors


@dataclass(frozen=True)
class Family:
    """A model family's pipelines and the settings it was trained for."""

    name: str                          # a key of FAMILIES
    label: str
    text_pipeline: str                 # diffusers class names, resolved lazily
    image_pipeline: str
    transformer_class: str
    steps: int
    guidance: float
    fps: int
    max_frames: int                    # one shot's longest clip, in the family's frame rule
    fixed_frames: bool                 # always generate max_frames (learned positional embeddings)
    sizes: tuple[tuple[int, int], ...]  # (width, height) presets the family was trained at
    max_sequence_length: int | None    # None: read from the transformer config
    fast: FastPreset | None = None     # None: the family has no few-step distillation
    audio: bool = False                # the pipeline returns the clip's sound with its frames
    step_callback: bool = True         # the pipeline takes ``callback_on_step_end``
    lora: bool = True                  # the diffusers pipeline has a LoRA loader
    vae_float32: bool = False          # the authors recommend the VAE in float32
    balanced_cache: str = "first_block"  # the step cache of the balanced preset (what diffusers supports for it)
    licence: str = ""


_WAN_LIGHTNING = FastPreset(steps=4, guidance=1.0, shift=5.0, needs_lora=True,
                            source="a LightX2V / Lightning step-distillation LoRA")
_LICENCE_APACHE = "Apache-2.0"


FAMILIES: dict[str, Family] = {
    "wan": Family("wan", "Wan 2.1", "WanPipeline", "WanImageToVideoPipeline", "WanTransformer3DModel",
                  steps=50, guidance=5.0, fps=16, max_frames=81, fixed_frames=False,
                  sizes=((832, 480), (480, 832), (624, 624)), max_sequence_length=512, fast=_WAN_LIGHTNING,
                  vae_float32=True, licence=_LICENCE_APACHE),
    "wan22_ti2v": Family("wan22_ti2v", "Wan 2.2 TI2V-5B", "WanPipeline", "WanImageToVideoPipeline",
                         "WanTransformer3DModel", steps=50, guidance=5.0, fps=24, max_frames=121, fixed_frames=False,
                         sizes=((1280, 704), (704, 1280), (960, 960)), max_sequence_length=512,
                         fast=_WAN_LIGHTNING, vae_float32=True, licence=_LICENCE_APACHE),
    "wan22_a14b": Family("wan22_a14b", "Wan 2.2 A14B (two experts)", "WanPipeline", "WanImageToVideoPipeline",
                         "WanTransformer3DModel", steps=40, guidance=4.0, fps=16, max_frames=81, fixed_frames=False,
                         sizes=((1280, 720), (720, 1280), (960, 960), (832, 480), (480, 832)),
                         max_sequence_length=512, fast=_WAN_LIGHTNING, vae_float32=True, licence=_LICENCE_APACHE),
    "ltx": Family("ltx", "LTX-Video 0.9", "LTXPipeline", "LTXImageToVideoPipeline", "LTXVideoTransformer3DModel",
                  steps=50, guidance=3.0, fps=24, max_frames=257, fixed_frames=False,
                  sizes=((704, 480), (480, 704), (576, 576)), max_sequence_length=128,
                  fast=FastPreset(steps=8, guidance=1.0, shift=None, needs_lora=False,
                                  source="a distilled checkpoint (LTX-Video 0.9.7/0.9.8 distilled)"),
                  licence="LTX-Video open weights licence (0.9.5+), OpenRAIL-M (earlier)"),
    "ltx2": Family("ltx2", "LTX-2 (video with sound)", "LTX2Pipeline", "LTX2ImageToVideoPipeline",
                   "LTX2VideoTransformer3DModel", steps=40, guidance=4.0, fps=24, max_frames=257, fixed_frames=False,
                   sizes=((768, 512), (512, 768), (640, 640)), max_sequence_length=1024,
                   fast=FastPreset(steps=8, guidance=1.0, shift=None, needs_lora=False,
                                   source="the distilled checkpoint (or its distill LoRA)"),
                   audio=True, balanced_cache="off", licence="LTX-2 Community License: free below $10M annual revenue, "
                                       "a paid licence above"),
    "hunyuan15": Family("hunyuan15", "HunyuanVideo 1.5", "HunyuanVideo15Pipeline",
                        "HunyuanVideo15ImageToVideoPipeline", "HunyuanVideo15Transformer3DModel", steps=50,
                        guidance=6.0, fps=24, max_frames=121, fixed_frames=False,
                        sizes=((848, 480), (480, 848), (640, 640)), max_sequence_length=None,
                        fast=FastPreset(steps=8, guidance=1.0, shift=None, needs_lora=False,
                                        source="the step-distilled 480p checkpoint"),
                        step_callback=False, lora=False, balanced_cache="pab",
                        licence="Tencent Hunyuan Community License (not in the EU, UK and South Korea)"),
    "cogvideox": Family("cogvideox", "CogVideoX", "CogVideoXPipeline", "CogVideoXImageToVideoPipeline",
                        "CogVideoXTransformer3DModel", steps=50, guidance=6.0, fps=8, max_frames=49,
                        fixed_frames=True, sizes=((720, 480),), max_sequence_length=None,
                        licence="CogVideoX licence (2B: Apache-2.0)"),
    # Diffusion forcing makes a long shot in one call (``_long_video``): a shot may be 30 s long.
    "skyreels": Family("skyreels", "SkyReels-V2", "SkyReelsV2DiffusionForcingPipeline",
                       "SkyReelsV2DiffusionForcingImageToVideoPipeline", "SkyReelsV2Transformer3DModel",
                       steps=30, guidance=6.0, fps=24, max_frames=721, fixed_frames=False,
                       sizes=((960, 544), (544, 960)), max_sequence_length=512, vae_float32=True,
                       # LICENSE.txt of github.com/SkyworkAI/SkyReels-V2 (docs/models.md quotes it)
                       licence="Skywork Community License: commercial use allowed under its terms, "
                               "no separate application"),
}


@dataclass(frozen=True)
class Capabilities:
    """What one model folder can do, read from its configs."""

    family: Family
    pipeline_class: str                # as model_index.json names it
    text_to_video: bool
    image_to_video: bool
    transformer_config: dict[str, Any]


def _read_json(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as exc:
        raise InvalidInput(f"model: cannot read {path} ({exc})", field="model") from exc
    if not isinstance(data, dict):
        raise InvalidInput(f"model: {path} is not a JSON object", field="model")
    return data


def detect_model(model_dir: Path) -> Capabilities:
    """Which family ``model_dir`` holds and whether it can do text- and image-to-video."""
    index = _read_json(model_dir / "model_index.json")
    pipeline_class = str(index.get("_class_name", ""))
    transformer_path = model_dir / "transformer" / "config.json"
    transformer = _read_json(transformer_path) if transformer_path.exists() else {}
    transformer_class = str(transformer.get("_class_name", ""))
    family = next((f for f in FAMILIES.values() if f.transformer_class == transformer_class), None)
    if family is None:  # no transformer config: fall back to the pipeline's class
        family = next((f for f in FAMILIES.values() if pipeline_class.startswith(f.text_pipeline.removesuffix("Pipeline"))), None)
    if family is None:
        raise InvalidInput(
            f"model: {model_dir} is not a supported text-to-video pipeline (pipeline {pipeline_class or '?'}, "
            f"transformer {transformer_class or '?'}); supported: "
            + ", ".join(sorted({f.label for f in FAMILIES.values()})), field="model")
    in_channels = int(transformer.get("in_channels", 0))
    vae = _read_json(model_dir / "vae" / "config.json") if (model_dir / "vae" / "config.json").exists() else {}
    if family.name == "wan":
        latent = int(vae.get("z_dim", 16))
        # Wan 2.2 TI2V: one transformer serves both (the still becomes the first latent frame);
        # Wan 2.1 I2V: 2*z+4 channels (latents, mask, encoded still) and it cannot do text alone.
        expand = bool(index.get("expand_timesteps", False))
        text, image = in_channels == latent, expand or in_channels == 2 * latent + 4
        # Wan 2.2 A14B: a high-noise and a low-noise expert; TI2V-5B: timesteps expanded per token.
        two_experts = (index.get("transformer_2") or [None])[0] is not None
        family = FAMILIES["wan22_a14b" if two_experts else "wan22_ti2v" if expand else "wan"]
    elif family.name == "hunyuan15":
        # Its text- and image-to-video checkpoints are separate transformers.
        image = transformer.get("task_type") == "i2v"
        text = not image
    elif family.name == "cogvideox":
        latent = int(vae.get("latent_channels", 16))
        text, image = in_channels == latent, in_channels == 2 * latent
    else:  # LTX (per-token timesteps) and SkyReels forcing (a clean first latent): same weights both ways
        text, image = True, True
    return Capabilities(family, pipeline_class, text, image, transformer)


def generation_size(family: Family, width: int, height: int) -> tuple[int, int]:
    """The family's trained size whose aspect ratio is nearest the delivered canvas."""
    aspect = width / height
    return min(family.sizes, key=lambda size: abs(math.log((size[0] / size[1]) / aspect)))


@dataclass(frozen=True)
class ShotPlan:
    """How a request becomes shots: ``frames`` per shot at ``fps``, trimmed to ``duration_ms``."""

    frames: tuple[int, ...]
    fps: int
    duration_ms: int

    @property
    def total_frames(self) -> int:
        return sum(self.frames)


def round_up_to_rule(frames: int, temporal: int) -> int:
    """The smallest ``temporal * k + 1`` (k >= 1) that is >= ``frames`` (VAE temporal compression rule)."""
    return max(1, math.ceil(max(frames - 1, 0) / temporal)) * temporal + 1


def longest_shot(max_frames: int, temporal: int) -> int:
    """The most frames a shot may have within ``max_frames`` in the ``temporal * k + 1`` rule."""
    return (max_frames - 1) // temporal * temporal + 1


def plan_shots(duration_ms: int, *, fps: int, temporal: int, max_frames: int, fixed_frames: bool) -> ShotPlan:
    """Split ``duration_ms`` into shots no longer than ``max_frames`` (each ``temporal*k+1`` frames)."""
    if duration_ms <= 0:
        raise InvalidInput(f"seconds: must be > 0 (got {duration_ms / 1000})", field="seconds")
    longest = longest_shot(max_frames, temporal)
    needed = max(1, math.ceil(duration_ms * fps / 1000))
    shots: list[int] = []
    while needed > 0:
        frames = longest if fixed_frames else min(longest, round_up_to_rule(needed, temporal))
        shots.append(frames)
        needed -= frames
    return ShotPlan(tuple(shots), fps, duration_ms)
