"""Every diffusers family at its real size, random weights built on the GPU: bare diffusers vs reelforge.

For each family (Wan 2.1 1.3B, Wan 2.2 TI2V-5B, Wan 2.2 A14B's two 14B experts, LTX-2 19B,
HunyuanVideo 1.5 8.3B, CogVideoX 2B) at its native size and a 5-second clip, it times a few
denoising steps and computes the whole clip from them (timing does not depend on weight
values), which keeps one run inside about ten minutes of an H200:

- seconds per step of the bare diffusers call, of reelforge's defaults (``DiffusersGenerator``
  on the same pipeline) and of each speed preset (``balanced``: First Block Cache, whose skip
  decisions DO depend on the weights, so its figure is marked; ``fast``: the few-step
  distillation, a random distill LoRA standing in for LightX2V/Lightning on Wan);
- text encoding and VAE decoding once each (from the bare call: start to the transformer's
  first call, last step to the end);
- the whole clip: encode + steps x seconds per step + decode (50 steps bare, the preset's
  steps for ``fast``);
- ``balanced`` with MagCache where diffusers can hook the family's blocks (Wan, CogVideoX):
  calibrated once on these random weights (``calibrate_mag_cache``), then timed; its skips
  depend on the weights and on the few timed steps, so that figure is marked too;
- LTX-2's two-stage latent upsampling (a random spatial x2 upsampler at the release's
  configuration): seconds per first-stage step, the upsampling, and per refining step at 2x;
- peak GPU memory while denoising at each memory setting (bf16, fp8 storage, torchao float8
  when torchao is installed: float8 matmuls on an H100/H200, leaf-level group offload), each on
  a freshly built pipeline (not the one the presets compiled and hooked), with whether it fits a
  24 GB and a 48 GB card; every run (bare or reelforge) reads the peak alike: from the text
  encoding to the last step's end, and again with the VAE decode (the fits use the larger);
- a guard on every figure: each timed step must have run the transformer, and (no step cache
  on) its last block in every transformer call, or the run stops with ``StepNotRun``; where the
  blocks are compiled (no hook inside them) an uncached s/step under 0.25x the bare call's is
  printed SUSPECT;
- for Wan 2.1 1.3B, reelforge's whole generation path (shots, progress, cancel checks) for
  one clip, returning frames (encoding is a CPU job, measured by bench/generate.py);
- RIFE interpolation of a 5 s clip from 16 to 30 fps at 1080p (``_gpu_rife``: the IFNet
  reelforge loads, random weights, no ffmpeg), as a fraction of each family's whole clip.

Text encoders keep their real width but only 2-3 layers (they run once per prompt).
Imports: torch, transformers, diffusers and reelforge's generation modules only.

A lent GPU has about 15 minutes in all, so the run is ordered and bounded (``--rows all``): a first
pass measures each family's must-have rows (bare, defaults, ``fast``, fp8 storage) in ``--families``
order (Wan 2.1 first, then A14B and LTX-2, the published targets), with reelforge's whole path and
RIFE right after Wan 2.1; a second pass adds the other rows (``balanced``, MagCache, LTX-2's
upsampling, torchao float8, group offload) while time is left. Each task runs under a time cap
(``--cap-s``; SIGALRM, so a step in flight ends it) and inside ``--budget-s``; one that fails (an
out-of-memory, a ``StepNotRun``) is logged with its traceback and the run goes on. Every figure is
appended to ``--jsonl`` the moment it is measured, so a run cut off at its limit keeps each row
measured so far; ``--summarise FILE`` prints the table and the closing line from that file (on
any machine, no GPU needed), and ``--resume`` skips the tasks it records as started.
bench/gpu_session.sh is the one command a lent session runs (docs/models.md, "The GPU benchmark").

    python bench/gpu_t2v.py                       # needs CUDA; exits 2 without it
    python bench/gpu_t2v.py --families wan21,ltx2 --budget-s 300
    python bench/gpu_t2v.py --tiny-cpu-dry-run    # every family and option on tiny configs, CPU
    python bench/gpu_t2v.py --summarise out/results.jsonl

Exit status: 0 every task ran; 3 some task failed or hit its cap (its figures are missing, the rest
are printed); 2 nothing to measure (no CUDA, unknown family, no row measured).

Ends with: ``gpu_t2v: defaults/bare=X.XX bare/fast=Y.YY wan14b_fast_s=Z.Z ltx2_fast_s=W.W peak_gib=P.P``
(BENCHMARKS.md: worst family's defaults/bare, smallest Wan-class fast speed-up, whole-clip seconds).
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import importlib.util
import json
import os
import signal
import statistics
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _gpu_rife import RifeTiming, rife_fractions, time_rife  # this folder: the script's own

PROCESS_START = time.perf_counter()   # --budget-s counts from here: torch's and diffusers' imports included

PROMPT = "a red fox runs through fresh snow in a pine forest at sunrise, cinematic, slow motion"
WORDS = "a red fox runs through fresh snow in pine forest at sunrise cinematic slow motion the".split()
# Measured in this order: Wan 2.1 (the whole path's family), then the families with published targets
# (A14B: 14 s, LTX-2: 9.5 s), then the cheapest, and HunyuanVideo 1.5 (the slowest steps) last.
FAMILIES = ("wan21", "wan22_a14b", "ltx2", "cogvideox", "wan22_ti2v", "hunyuan15")
CORE_ROWS = ("bare", "defaults", "fast", "fp8")   # the issue's targets: defaults/bare, fast, fp8's halving
EXTRA_ROWS = ("balanced", "balanced_mag", "upsampled", "torchao_fp8", "group_offload")
# Seconds each task may take on a GPU (a first pass with CORE_ROWS, then EXTRA_ROWS): estimates for an
# H200 with 2 timed steps (a 14B step with guidance ~6 s, each row's VAE decode of 81-121 frames some
# seconds), leaving the run's tail to the budget. ``--cap-s family:core=90,...`` overrides.
CAP_S = {"wan21:core": 90, "wan21:path": 60, "rife": 60, "wan22_a14b:core": 180, "ltx2:core": 120,
         "cogvideox:core": 60, "wan22_ti2v:core": 120, "hunyuan15:core": 150}
EXTRA_CAP_S = 120.0
SUMMARY_RESERVE_S = 15.0   # kept back from --budget-s for the table and the closing line
WAN_CLASS = ("wan21", "wan22_ti2v", "wan22_a14b")
MAG_FAMILIES = ("wan21", "wan22_ti2v", "wan22_a14b", "cogvideox")  # diffusers' MagCache hooks their blocks
BARE_STEPS = 50
GIB = 2**30


@dataclass
class Spec:
    """One family's benchmark shape: generation size, frames for 5 s, and its default sampler."""

    name: str
    width: int
    height: int
    frames: int
    fps: int
    guidance: float
    fast_steps: int | None


@dataclass
class Result:
    family: str
    rows: dict[str, dict[str, float]] = field(default_factory=dict)   # run -> {step_s, steps, peak_gib...}
    encode_s: float = 0.0
    decode_s: float = 0.0
    notes: list[str] = field(default_factory=list)
    record: Callable[[dict[str, Any]], None] | None = field(default=None, repr=False, compare=False)

    def add(self, run: str, row: dict[str, float]) -> None:
        """Keep a run's figures and append them to the JSON lines file at once (the bare row with the
        family's encode and decode seconds)."""
        self.rows[run] = row
        if self.record is not None:
            extra = {"encode_s": self.encode_s, "decode_s": self.decode_s} if run == "bare" else {}
            self.record({"kind": "row", "family": self.family, "run": run, **extra, **row})


class Recorder:
    """Every figure as one JSON line the moment it is measured, flushed and synced: a run killed at its
    limit still leaves each row measured before it (``load_records`` and ``--summarise`` read them back)."""

    def __init__(self, path: Path | None, started: float) -> None:
        self.path = path
        self.started = started

    def __call__(self, record: dict[str, Any]) -> None:
        if self.path is None:
            return
        line = json.dumps({**record, "t_s": round(time.perf_counter() - self.started, 1)})
        with self.path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")
            out.flush()
            os.fsync(out.fileno())


@dataclass
class Records:
    """What a JSON lines file holds: each family's rows, RIFE's timing, the tasks started and how they ended."""

    results: dict[str, Result] = field(default_factory=dict)
    rife: dict[str, Any] | None = None
    tasks: dict[str, str] = field(default_factory=dict)   # task -> started, done, capped, failed, skipped
    lines: list[str] = field(default_factory=list)         # other records worth showing (the whole path)


def load_records(path: Path) -> Records:
    """Read back a ``--jsonl`` file (a torn last line, from a kill mid-write, is ignored)."""
    records = Records()
    if not path.exists():
        return records
    for text in path.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(text)
        except json.JSONDecodeError:
            continue
        kind = record.pop("kind", None)
        record.pop("t_s", None)
        if kind == "row":
            family, run = record.pop("family"), record.pop("run")
            result = records.results.setdefault(family, Result(family))
            if run == "bare":
                result.encode_s, result.decode_s = record.pop("encode_s", 0.0), record.pop("decode_s", 0.0)
            result.rows[run] = {k: float(v) for k, v in record.items() if isinstance(v, int | float)}
        elif kind == "rife":
            records.rife = record
        elif kind == "task":
            records.tasks[record["task"]] = record["status"]
        elif kind == "whole_path":
            records.lines.append(record.get("line", ""))
    return records


def _tokenizer(chat: bool = False) -> Any:
    from transformers import T5Tokenizer

    vocab = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), ("\u2581", -2.0)]
    vocab += [(f"\u2581{w}", -1.0) for w in WORDS] + [(c, -5.0) for c in "abcdefghijklmnopqrstuvwxyz,"]
    tokenizer = T5Tokenizer(vocab=vocab, extra_ids=0)
    if chat:  # HunyuanVideo 1.5 formats its prompt as a chat
        tokenizer.chat_template = ("{% for m in messages %}{{ m['content'] if m['content'] is string "
                                   "else m['content'][0]['text'] }} {% endfor %}")
    return tokenizer


def _t5(d_model: int, tiny: bool, vocab: int, layers: int = 2) -> Any:
    from transformers import T5Config, T5EncoderModel

    if tiny:
        return T5EncoderModel(T5Config(vocab_size=vocab, d_model=32, d_kv=8, d_ff=37, num_layers=1, num_heads=4,
                                       relative_attention_num_buckets=8, is_encoder_decoder=False)).eval()
    heads = max(1, d_model // 128)
    return T5EncoderModel(T5Config(vocab_size=vocab, d_model=d_model, d_kv=d_model // heads, d_ff=int(d_model * 2.5),
                                   num_layers=layers, num_heads=heads, feed_forward_proj="gated-gelu",
                                   is_encoder_decoder=False)).eval()


def _wan(spec_name: str, tiny: bool) -> Any:
    from diffusers import AutoencoderKLWan, FlowMatchEulerDiscreteScheduler, WanPipeline, WanTransformer3DModel

    tokenizer = _tokenizer()
    text = _t5(4096, tiny, len(tokenizer))
    common = dict(patch_size=(1, 2, 2), cross_attn_norm=True, qk_norm="rms_norm_across_heads", eps=1e-6)
    float32 = _default_dtype("float32")   # Wan's VAE stays in float32 (the Wan pipelines' documented choice)
    if tiny:
        shape: dict[str, Any] = dict(num_attention_heads=2, attention_head_dim=12, text_dim=32, freq_dim=32, ffn_dim=32,
                                     num_layers=2, rope_max_seq_len=32, in_channels=16, out_channels=16)
        with float32:
            vae = AutoencoderKLWan(base_dim=3, z_dim=16, dim_mult=[1, 1, 1, 1], num_res_blocks=1,
                                   temperal_downsample=[False, True, True])
    elif spec_name == "wan22_ti2v":  # Wan 2.2 TI2V-5B and its 16x-compressing VAE
        shape = dict(num_attention_heads=24, attention_head_dim=128, text_dim=4096, freq_dim=256, ffn_dim=14336,
                     num_layers=30, rope_max_seq_len=1024, in_channels=48, out_channels=48)
        with float32:
            vae = AutoencoderKLWan(base_dim=160, decoder_base_dim=256, z_dim=48, dim_mult=[1, 2, 4, 4],
                                   num_res_blocks=2, temperal_downsample=[False, True, True], is_residual=True,
                                   in_channels=12, out_channels=12, patch_size=2, scale_factor_spatial=16,
                                   scale_factor_temporal=4, latents_mean=[0.0] * 48, latents_std=[1.0] * 48)
    else:
        wide = spec_name == "wan22_a14b"  # 14B experts; else Wan 2.1 1.3B
        shape = dict(num_attention_heads=40 if wide else 12, attention_head_dim=128, text_dim=4096, freq_dim=256,
                     ffn_dim=13824 if wide else 8960, num_layers=40 if wide else 30, rope_max_seq_len=1024,
                     in_channels=16, out_channels=16)
        with float32:
            vae = AutoencoderKLWan(z_dim=16, temperal_downsample=[False, True, True])
    experts = 2 if spec_name == "wan22_a14b" else 1
    transformers = [_cast(WanTransformer3DModel(**common, **shape), tiny) for _ in range(experts)]
    extra: dict[str, Any] = {"expand_timesteps": spec_name == "wan22_ti2v"}
    if experts == 2:
        extra.update(transformer_2=transformers[1], boundary_ratio=0.875)
    return WanPipeline(tokenizer=tokenizer, text_encoder=_cast(text, tiny), vae=vae,
                       scheduler=FlowMatchEulerDiscreteScheduler(shift=5.0 if spec_name == "wan22_ti2v" else 3.0),
                       transformer=transformers[0], **extra)


def _ltx2(tiny: bool) -> Any:
    from diffusers import (
        AutoencoderKLLTX2Audio,
        AutoencoderKLLTX2Video,
        FlowMatchEulerDiscreteScheduler,
        LTX2Pipeline,
        LTX2VideoTransformer3DModel,
    )
    from diffusers.pipelines.ltx2 import LTX2TextConnectors
    from diffusers.pipelines.ltx2.vocoder import LTX2Vocoder

    tokenizer = _tokenizer()
    text = _t5(3840, tiny, len(tokenizer))  # Gemma 3 12B's width, 2 layers
    factor = text.config.num_layers + 1
    if tiny:
        transformer = LTX2VideoTransformer3DModel(
            in_channels=4, out_channels=4, num_attention_heads=2, attention_head_dim=8, cross_attention_dim=16,
            audio_in_channels=4, audio_out_channels=4, audio_num_attention_heads=2, audio_attention_head_dim=4,
            audio_cross_attention_dim=8, num_layers=2, caption_channels=32, rope_double_precision=False,
            rope_type="split")
        connectors = LTX2TextConnectors(
            caption_channels=32, text_proj_in_factor=factor, video_connector_num_attention_heads=4,
            video_connector_attention_head_dim=8, video_connector_num_layers=1,
            video_connector_num_learnable_registers=None, audio_connector_num_attention_heads=4,
            audio_connector_attention_head_dim=8, audio_connector_num_layers=1,
            audio_connector_num_learnable_registers=None, connector_rope_base_seq_len=32,
            rope_double_precision=False, rope_type="split")
        vae = AutoencoderKLLTX2Video(
            latent_channels=4, block_out_channels=(8,), decoder_block_out_channels=(8,), layers_per_block=(1,),
            decoder_layers_per_block=(1, 1), spatio_temporal_scaling=(True,), decoder_spatio_temporal_scaling=(True,),
            decoder_inject_noise=(False, False), downsample_type=("spatial",), upsample_residual=(False,),
            upsample_factor=(1,), patch_size=1, decoder_causal=False)
        audio_vae = AutoencoderKLLTX2Audio(base_channels=4, ch_mult=(1,), num_res_blocks=1, resolution=32,
                                           latent_channels=2, mel_bins=8)
        vocoder = LTX2Vocoder(in_channels=16, hidden_channels=32, upsample_kernel_sizes=[4, 4],
                              upsample_factors=[2, 2], resnet_kernel_sizes=[3], resnet_dilations=[[1, 3, 5]],
                              output_sampling_rate=16000)
    else:  # the diffusers defaults are LTX-2 19B's configuration
        transformer = LTX2VideoTransformer3DModel()
        connectors = LTX2TextConnectors(text_proj_in_factor=factor)
        vae, audio_vae, vocoder = AutoencoderKLLTX2Video(), AutoencoderKLLTX2Audio(), LTX2Vocoder()
    return LTX2Pipeline(scheduler=FlowMatchEulerDiscreteScheduler(), vae=_cast(vae, tiny),
                        audio_vae=_cast(audio_vae, tiny), text_encoder=_cast(text, tiny), tokenizer=tokenizer,
                        connectors=_cast(connectors, tiny), transformer=_cast(transformer, tiny),
                        vocoder=_cast(vocoder, tiny))


def _hunyuan15(tiny: bool) -> Any:
    from diffusers import (
        AutoencoderKLHunyuanVideo15,
        FlowMatchEulerDiscreteScheduler,
        HunyuanVideo15Pipeline,
        HunyuanVideo15Transformer3DModel,
    )
    from diffusers.guiders import ClassifierFreeGuidance
    from transformers import ByT5Tokenizer, Qwen2_5_VLTextConfig, Qwen2_5_VLTextModel

    tokenizer = _tokenizer(chat=True)
    rope = {"mrope_section": [1, 1, 2] if tiny else [16, 24, 24], "rope_type": "default", "type": "default"}
    if tiny:
        transformer = HunyuanVideo15Transformer3DModel(
            in_channels=9, out_channels=4, num_attention_heads=2, attention_head_dim=8, num_layers=2,
            num_refiner_layers=1, mlp_ratio=2.0, text_embed_dim=16, text_embed_2_dim=32, image_embed_dim=12,
            rope_axes_dim=(2, 2, 4), target_size=32, task_type="t2v")
        vae = AutoencoderKLHunyuanVideo15(latent_channels=4, block_out_channels=(16, 16), layers_per_block=1,
                                          spatial_compression_ratio=4, temporal_compression_ratio=4,
                                          downsample_match_channel=False, upsample_match_channel=False)
        qwen = Qwen2_5_VLTextConfig(hidden_size=16, intermediate_size=16, num_hidden_layers=2, num_attention_heads=2,
                                    num_key_value_heads=2, vocab_size=len(tokenizer) + 8, rope_scaling=rope)
        glyph = _t5(1472, True, 384)
    else:  # HunyuanVideo 1.5's 8.3B transformer; Qwen2.5-VL-7B's width with 3 layers
        transformer = HunyuanVideo15Transformer3DModel(task_type="t2v")
        vae = AutoencoderKLHunyuanVideo15()
        qwen = Qwen2_5_VLTextConfig(hidden_size=3584, intermediate_size=18944, num_hidden_layers=3,
                                    num_attention_heads=28, num_key_value_heads=4, vocab_size=len(tokenizer) + 8,
                                    rope_scaling=rope)
        glyph = _t5(1472, False, 384)
    return HunyuanVideo15Pipeline(
        transformer=_cast(transformer, tiny), vae=_cast(vae, tiny), scheduler=FlowMatchEulerDiscreteScheduler(shift=7.0),
        text_encoder=_cast(Qwen2_5_VLTextModel(qwen).eval(), tiny), tokenizer=tokenizer,
        text_encoder_2=_cast(glyph, tiny), tokenizer_2=ByT5Tokenizer(), guider=ClassifierFreeGuidance(guidance_scale=6.0))


def _cogvideox(tiny: bool) -> Any:
    from diffusers import AutoencoderKLCogVideoX, CogVideoXDDIMScheduler, CogVideoXPipeline, CogVideoXTransformer3DModel

    tokenizer = _tokenizer()
    if tiny:
        transformer = CogVideoXTransformer3DModel(
            num_attention_heads=4, attention_head_dim=8, in_channels=4, out_channels=4, time_embed_dim=2,
            text_embed_dim=32, num_layers=2, sample_width=4, sample_height=4, sample_frames=9, patch_size=2,
            temporal_compression_ratio=4, max_text_seq_length=16)
        vae = AutoencoderKLCogVideoX(down_block_types=("CogVideoXDownBlock3D",) * 4,
                                     up_block_types=("CogVideoXUpBlock3D",) * 4, block_out_channels=(8, 8, 8, 8),
                                     latent_channels=4, layers_per_block=1, norm_num_groups=2)
    else:  # CogVideoX-2B
        transformer, vae = CogVideoXTransformer3DModel(), AutoencoderKLCogVideoX()
    return CogVideoXPipeline(tokenizer=tokenizer, text_encoder=_cast(_t5(4096, tiny, len(tokenizer)), tiny),
                             vae=_cast(vae, tiny),
                             transformer=_cast(transformer, tiny), scheduler=CogVideoXDDIMScheduler())


# ``--bf16``: the dry run's tiny configs in bfloat16 (the GPU's dtype) instead of float32, so the CPU also
# runs every family's bf16 path (dtype mismatches show there, not only on the GPU).
BF16 = {"tiny": False}


def _bf16(tiny: bool) -> bool:
    return not tiny or BF16["tiny"]


@contextmanager
def _default_dtype(name: str) -> Iterator[None]:
    """torch's default float dtype set to ``name`` inside the block."""
    import torch

    previous = torch.get_default_dtype()
    torch.set_default_dtype(getattr(torch, name))
    try:
        yield
    finally:
        torch.set_default_dtype(previous)


def _cast(module: Any, tiny: bool) -> Any:
    """bf16 at real size (built in bf16 already, see ``build``; this also casts what a constructor made
    in float32 on purpose, as a checkpoint loaded in bf16 would), one module at a time."""
    import torch

    module = module.to(torch.bfloat16) if _bf16(tiny) else module
    _free()
    return module


def build(family: str, *, tiny: bool, device: str) -> Any:
    """The family's pipeline with random weights, built on ``device``.

    At real size the weights are made in bfloat16 (the default dtype while building), not in float32
    and then cast: A14B's two 14B experts would otherwise pass through 84 GB (one expert in float32
    beside the other in bf16), more than an H100 holds, and every build would take twice as long."""
    import torch

    torch.manual_seed(0)
    with _default_dtype("bfloat16" if _bf16(tiny) else "float32"), torch.device(device):
        if family in WAN_CLASS:
            pipe = _wan(family, tiny)
        else:
            pipe = {"ltx2": _ltx2, "hunyuan15": _hunyuan15, "cogvideox": _cogvideox}[family](tiny)
    # the scheduler's tables (sigmas, alphas) as diffusers makes them, in float32 and float64, not in bf16
    pipe.scheduler = type(pipe.scheduler).from_config(pipe.scheduler.config)
    pipe.set_progress_bar_config(disable=True)  # a bar per call would bury the log's figures
    return pipe


def spec_of(family: str, tiny: bool) -> Spec:
    if tiny:
        return Spec(family, 32, 32, 9, 16, 5.0, None if family == "cogvideox" else 4)
    return {
        "wan21": Spec(family, 832, 480, 81, 16, 5.0, 4),
        "wan22_ti2v": Spec(family, 1280, 704, 121, 24, 5.0, 4),
        "wan22_a14b": Spec(family, 832, 480, 81, 16, 4.0, 4),
        "ltx2": Spec(family, 768, 512, 121, 24, 4.0, 8),
        "hunyuan15": Spec(family, 848, 480, 121, 24, 6.0, 8),
        "cogvideox": Spec(family, 720, 480, 49, 8, 6.0, None),
    }[family]


def save_configs(pipe: Any, folder: Path) -> Path:
    """model_index.json and each model's config.json (no weights): what reelforge detects a family from."""
    folder.mkdir(parents=True, exist_ok=True)
    pipe.save_config(folder)
    for name, component in pipe.components.items():
        if hasattr(component, "save_config") and hasattr(component, "config"):
            component.save_config(folder / name)
    return folder


def random_lora(pipe: Any, path: Path, rank: int) -> Path:
    """A random rank-``rank`` LoRA over every attention projection (stands in for a distill LoRA)."""
    import torch
    from safetensors.torch import save_file

    tensors = {}
    generator = torch.Generator().manual_seed(1)
    for name, module in pipe.transformer.named_modules():
        if isinstance(module, torch.nn.Linear) and name.rsplit(".", 1)[-1] in ("to_q", "to_k", "to_v"):
            tensors[f"transformer.{name}.lora_A.weight"] = torch.randn(rank, module.in_features, generator=generator)
            tensors[f"transformer.{name}.lora_B.weight"] = 0.01 * torch.randn(module.out_features, rank,
                                                                              generator=generator)
    save_file(tensors, str(path))
    return path


def _free() -> None:
    import torch

    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()


class StepNotRun(AssertionError):
    """A timed step whose transformer calls did not all run the network: its figure is not a real step."""


def _probe_module(transformer: Any) -> Any:
    """The first linear layer of the transformer's last repeated block: it runs once per full forward."""
    import torch

    stacks = [m for m in transformer.children() if isinstance(m, torch.nn.ModuleList) and len(m)]
    last_block = max(stacks, key=len)[-1]
    return next(m for m in last_block.modules() if isinstance(m, torch.nn.Linear))


class StepClock:
    """Timestamps of one call: its start, the transformer's first call, each step's end, its end.

    At each step's end it also reads the GPU's peak memory and, when ``probe``d, how many
    transformer calls have finished and how many of them ran the last block: a timed step whose
    calls skipped the network (a step cache left on, a short-circuited call) is caught by
    ``verify`` instead of printed as a step.
    """

    def __init__(self, cuda: bool, last_includes_decode: bool = False) -> None:
        self.cuda = cuda
        self.last_includes_decode = last_includes_decode  # a step hook sees the last step end after the decode
        self.start = self.first = self.end = 0.0
        self.steps: list[float] = []
        self.peaks: list[float] = []         # the peak-memory counter at each step's end
        self.counts: list[tuple[int, int]] = []   # (transformer calls, last-block runs) at each step's end
        self.call_peak = 0.0                 # the whole call's peak, the VAE decode included
        self._count = [0, 0]
        self._hooks: list[Any] = []
        self.probed = False

    def now(self) -> float:
        import torch

        if self.cuda:
            torch.cuda.synchronize()
        return time.perf_counter()

    def _peak(self) -> float:
        import torch

        return torch.cuda.max_memory_allocated() / GIB if self.cuda else 0.0

    def probe(self, pipe: Any) -> StepClock:
        """Count ``pipe``'s transformer calls and its last block's runs (not inside compiled code)."""
        transformers = [t for name in ("transformer", "transformer_2") if (t := getattr(pipe, name, None)) is not None]
        probes = [_probe_module(t) for t in transformers]
        if any(getattr(m, "_compiled_call_impl", None) is not None for t in transformers for m in t.modules()):
            return self  # a hook inside a compiled region would break its graph: the s/step ratio guards these

        def counter(index: int) -> Callable[..., None]:
            def count(*_: Any) -> None:
                self._count[index] += 1
            return count

        self._hooks = [t.register_forward_hook(counter(0)) for t in transformers]
        self._hooks += [m.register_forward_hook(counter(1)) for m in probes]
        self.probed = True
        return self

    def release(self) -> None:
        for hook in self._hooks:
            hook.remove()
        self._hooks = []

    def step_done(self) -> None:
        self.steps.append(self.now())
        self.peaks.append(self._peak())
        self.counts.append((self._count[0], self._count[1]))

    def drop_closing_report(self) -> None:
        """make_frames' closing report comes after the VAE decode: neither a step nor a denoising peak."""
        for marks in (self.steps, self.peaks, self.counts):
            del marks[-1]

    def estimate_last_step(self) -> None:
        """A step hook sees no end of the last step: the median step after it, at the peak before the decode."""
        self.steps.append(self.steps[-1] + self.step_s if self.steps else self.first)
        self.peaks.append(self.peaks[-1] if self.peaks else 0.0)
        self.counts.append((self._count[0], self._count[1]))

    def finish(self) -> None:
        self.end = self.now()
        self.call_peak = self._peak()
        self.release()

    def first_call(self, *_: Any) -> None:
        if not self.first:
            self.first = self.now()

    def _timed(self) -> list[tuple[int | None, int]]:
        """The timed steps as (mark before, mark after); the first step (warm-up) left out when there are more."""
        spans: list[tuple[int | None, int]] = [(i, i + 1) for i in range(len(self.steps) - 1)]
        if self.last_includes_decode and len(spans) > 1:
            spans = spans[:-1]
        return spans or [(None, 0)]

    @property
    def step_s(self) -> float:
        """Median seconds per timed step."""
        return statistics.median(self.steps[b] - (self.first if a is None else self.steps[a])
                                 for a, b in self._timed())

    @property
    def denoise_peak(self) -> float:
        """The peak up to the last step's end: text encoding and denoising, not the VAE decode."""
        peaks = self.peaks[:-1] if self.last_includes_decode and len(self.peaks) > 1 else self.peaks
        return max(peaks, default=0.0)

    def verify(self, what: str, *, cached: bool = False) -> str:
        """Raise :class:`StepNotRun` unless every timed step ran the transformer, all of it unless ``cached``.

        Returns what was checked, for the log line.
        """
        if not self.probed:
            return "steps not probed (compiled blocks)"
        ran = runs = 0
        for a, b in self._timed():
            before = (0, 0) if a is None else self.counts[a]
            calls, blocks = (self.counts[b][0] - before[0], self.counts[b][1] - before[1])
            if calls < 1 or (not cached and blocks != calls):
                raise StepNotRun(f"{what}: timed step {b} called the transformer {calls} time(s) and ran its last "
                                 f"block {blocks} time(s); its seconds would not be a denoising step")
            ran, runs = ran + blocks, runs + calls
        return f"last block ran in {ran} of {runs} timed transformer calls"


def _bare_call(pipe: Any, family: str, spec: Spec, steps: int, clock: StepClock) -> None:
    """The documented diffusers call for the family, with a step clock."""
    import torch

    call: dict[str, Any] = {"prompt": PROMPT, "negative_prompt": "blurry, low quality", "height": spec.height,
                            "width": spec.width, "num_frames": spec.frames, "num_inference_steps": steps,
                            "generator": torch.Generator().manual_seed(0), "output_type": "np"}
    if family == "ltx2":
        call["frame_rate"] = float(spec.fps)
    if family == "cogvideox":  # its text length is the transformer's
        call["max_sequence_length"] = int(pipe.transformer.config.max_text_seq_length)
    if family == "hunyuan15":  # guidance lives in the guider; no step callback: a transformer hook marks steps
        pipe.guider = pipe.guider.new(guidance_scale=spec.guidance)
    else:
        call["guidance_scale"] = spec.guidance
        call["callback_on_step_end"] = lambda _p, _i, _t, tensors: (clock.step_done(), tensors)[1]
    clock.probe(pipe)
    hooks = [pipe.transformer.register_forward_pre_hook(clock.first_call)]
    seen: list[float] = []
    if family == "hunyuan15":
        def mark(_module: Any, _args: Any, kwargs: dict[str, Any]) -> None:
            t = float(kwargs["timestep"].flatten()[0])
            if seen and t != seen[-1]:
                clock.step_done()
            seen.append(t)
        hooks.append(pipe.transformer.register_forward_pre_hook(mark, with_kwargs=True))
    clock.start = clock.now()
    try:
        with torch.inference_mode():
            pipe(**call)
    finally:
        for hook in hooks:
            hook.remove()
    if family == "hunyuan15":  # the last step ended before the decode started: estimate it as the median
        clock.estimate_last_step()
    clock.finish()


# An uncached step cannot be this much faster than the bare call's (``fast`` drops the guidance
# pass: about 0.5x; float8 matmuls: not 4x): below it the row is marked SUSPECT, in its log line and the table.
MIN_STEP_RATIO = 0.25


def _row(clock: StepClock, bare: dict[str, float] | None = None, *, cached: bool = False) -> dict[str, float]:
    """A run's figures; ``suspect`` 1.0 when an uncached step is implausibly fast next to ``bare``'s."""
    row = {"step_s": clock.step_s, "peak_gib": clock.denoise_peak, "call_peak_gib": clock.call_peak}
    if clock.cuda and bare is not None and not cached and clock.step_s < MIN_STEP_RATIO * bare["step_s"]:
        row["suspect"] = 1.0
    return row


def _peaks(clock: StepClock) -> str:
    return f"peak {clock.denoise_peak:.1f} GiB to the last step's end, {clock.call_peak:.1f} GiB with the decode"


def _suspect(row: dict[str, float]) -> str:
    return (f" SUSPECT: under {MIN_STEP_RATIO}x the bare call's s/step with no step cache"
            if row.get("suspect") else "")


def _peak_reset(cuda: bool) -> None:
    import torch

    if cuda:
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()


def run_family(family: str, *, tiny: bool, cuda: bool, steps: int, root: Path, log: Callable[[str], None],
               offload: bool = True, rows: tuple[str, ...] = CORE_ROWS + EXTRA_ROWS,
               result: Result | None = None) -> Result:
    """Measure ``rows`` of one family into ``result`` (each row recorded as soon as it is measured).

    The bare call runs first unless ``result`` has its row already (a second pass reuses the first's)."""
    import torch

    from reelforge.generate.base import GenerateRequest
    from reelforge.generate.diffusers_backend import DiffusersGenerator, GenerationShape
    from reelforge.settings import Settings

    device = "cuda" if cuda else "cpu"
    spec = spec_of(family, tiny)
    result = result if result is not None else Result(family)
    want = set(rows)
    started = time.perf_counter()
    pipe = build(family, tiny=tiny, device=device)
    folder = save_configs(pipe, root / family)
    params = sum(p.numel() for name in ("transformer", "transformer_2") if getattr(pipe, name, None) is not None
                 for p in getattr(pipe, name).parameters())
    log(f"[{family}] built {params / 1e9:.2f}B transformer parameters on {device} in "
        f"{time.perf_counter() - started:.1f} s; {spec.width}x{spec.height}, {spec.frames} frames @ {spec.fps} fps")

    # 1. bare diffusers, the documented call
    if "bare" not in result.rows:
        _peak_reset(cuda)
        clock = StepClock(cuda)
        _bare_call(pipe, family, spec, steps + 1, clock)
        result.encode_s, result.decode_s = clock.first - clock.start, clock.end - clock.steps[-1]
        checked = clock.verify(f"{family} bare")
        result.add("bare", _row(clock))
        log(f"[{family}] bare: {clock.step_s:.3f} s/step, encode {result.encode_s:.2f} s, decode "
            f"{result.decode_s:.2f} s; {_peaks(clock)}; {checked}")

    # 2. reelforge on the same pipeline: defaults, then each speed preset per request
    lora = None
    if spec.fast_steps is not None and family in WAN_CLASS:
        lora = random_lora(pipe, root / f"{family}-distill.safetensors", rank=4 if tiny else 32)
    loras = {"distill": {"path": str(lora), "fast": True}} if lora else {}
    dtype = "bfloat16" if _bf16(tiny) else "float32"
    shape = GenerationShape(size=(spec.width, spec.height), fps=spec.fps, max_shot_frames=spec.frames)
    settings = Settings(_env_file=None, model=str(folder), dtype=dtype, device=device, loras=loras)  # type: ignore[call-arg]
    request = GenerateRequest(prompt=PROMPT, seconds=spec.frames / spec.fps, width=spec.width, height=spec.height,
                              fps=spec.fps, seed=0, steps=steps + 1, guidance=spec.guidance)
    hooked = family == "hunyuan15"  # no step callback in its pipeline: reelforge's hook marks steps
    if hooked:
        request = dataclasses.replace(request, steps=steps + 2)
    presets = [(label, preset) for label, preset in (("defaults", "quality"), ("balanced", "balanced"),
                                                     ("fast", "fast"))
               if label in want and (preset != "fast" or spec.fast_steps is not None)]
    mag = family in MAG_FAMILIES and "balanced_mag" in want
    if presets or mag:
        generator = DiffusersGenerator(settings, shape=shape)
        generator.adopt(pipe, folder)
        for label, preset in presets:
            clock = StepClock(cuda, last_includes_decode=hooked)

            def progress(_fraction: float, clock: StepClock = clock) -> None:
                clock.step_done()

            fast = preset == "fast"
            clock.probe(generator.loaded_pipeline)
            _peak_reset(cuda)
            clock.first = clock.now()
            made = generator.make_frames(dataclasses.replace(request, speed=preset,
                                                             guidance=None if fast else spec.guidance), progress)
            clock.finish()
            clock.drop_closing_report()
            assert len(made.shots[0]) == spec.frames, (family, len(made.shots[0]))
            cached = made.provenance["speed"]["step_cache"] != "off"
            checked = clock.verify(f"{family} reelforge {label}", cached=cached)
            result.add(label, {**_row(clock, result.rows["bare"], cached=cached),
                               "steps": float(spec.fast_steps if fast and spec.fast_steps else BARE_STEPS)})
            note = " (First Block Cache: skips depend on the weights)" if preset == "balanced" else ""
            log(f"[{family}] reelforge {label}: {clock.step_s:.3f} s/step{note}; {_peaks(clock)}; {checked}"
                f"{_suspect(result.rows[label])}")
            del made
        if mag:
            measure_mag_cache(generator, family, request, result, cuda=cuda, hooked=hooked, log=log)
        generator.unload()
        del generator
        _free()
    if family == "ltx2" and "upsampled" in want:
        measure_latent_upsample(pipe, folder, settings, shape, request, result, tiny=tiny, cuda=cuda, log=log)

    # 3. memory settings: peak while denoising, one fresh pipeline each (fp8 and offload hooks stay on it).
    # Not the pipeline the presets ran on: its blocks are compiled (balanced, CUDA) and carry LoRAs.
    memories = [m for m in ("fp8", "torchao_fp8", "group_offload") if m in want]
    if memories:
        del pipe
        _free()
        pipe = build(family, tiny=tiny, device=device)
    for index, memory in enumerate(memories):
        if memory == "torchao_fp8" and importlib.util.find_spec("torchao") is None:
            log(f"[{family}] memory torchao_fp8: skipped (torchao is not installed)")
            continue
        if memory == "group_offload" and not offload:
            log(f"[{family}] memory group_offload: skipped (--offload-families); pinning its weights takes minutes")
            continue
        if memory == "group_offload" and not tiny:
            pipe.to("cpu")  # the offload hooks bring each leaf to the GPU; fp8 casts in place where they are
        settings = Settings(_env_file=None, model=str(folder), dtype=dtype, device=device, memory=memory)  # type: ignore[call-arg]
        generator = DiffusersGenerator(settings, shape=shape)
        generator.adopt(pipe, folder)
        clock = StepClock(cuda, last_includes_decode=hooked).probe(generator.loaded_pipeline)
        _peak_reset(cuda)
        clock.first = clock.now()
        generator.make_frames(dataclasses.replace(request, steps=3 if hooked else 2),
                              lambda _fraction, clock=clock: clock.step_done())
        clock.finish()
        clock.drop_closing_report()
        checked = clock.verify(f"{family} memory {memory}")
        result.add(memory, _row(clock, result.rows["bare"]))
        log(f"[{family}] memory {memory}: {clock.step_s:.3f} s/step; {_peaks(clock)}; {checked}{_suspect(result.rows[memory])}")
        generator.unload()
        del generator
        _free()
        if memory in ("fp8", "torchao_fp8") and index < len(memories) - 1:  # the next starts from bf16 weights
            del pipe
            _free()
            pipe = build(family, tiny=tiny, device=device)
    del pipe
    _free()
    if torch.cuda.is_available() and not tiny:
        log(f"[{family}] done in {time.perf_counter() - started:.0f} s")
    return result


def measure_mag_cache(generator: Any, family: str, request: Any, result: Result, *, cuda: bool, hooked: bool,
                      log: Callable[[str], None]) -> None:
    """``balanced`` with MagCache: calibrated once on these weights (beside the configs folder), then timed."""
    started = time.perf_counter()
    path = generator.calibrate_mag_cache(request)
    calibrate_s = time.perf_counter() - started
    clock = StepClock(cuda, last_includes_decode=hooked).probe(generator.loaded_pipeline)
    _peak_reset(cuda)
    clock.first = clock.now()
    made = generator.make_frames(dataclasses.replace(request, speed="balanced"),
                                 lambda _fraction: clock.step_done())
    clock.finish()
    clock.drop_closing_report()
    assert made.provenance["speed"]["step_cache"] == "mag", made.provenance["speed"]
    checked = clock.verify(f"{family} reelforge balanced_mag", cached=True)
    result.add("balanced_mag", {**_row(clock), "steps": float(BARE_STEPS)})
    log(f"[{family}] reelforge balanced_mag: {clock.step_s:.3f} s/step (MagCache calibrated on these random "
        f"weights in {calibrate_s:.1f} s, {path.name}: its skips depend on them and on the few timed steps); "
        f"{_peaks(clock)}; {checked}")


def measure_latent_upsample(pipe: Any, folder: Path, settings: Any, shape: Any, request: Any, result: Result, *,
                            tiny: bool, cuda: bool, log: Callable[[str], None]) -> None:
    """LTX-2's two stages: a random x2 latent upsampler at the release's configuration, through reelforge."""
    import torch
    from diffusers.pipelines.ltx2.latent_upsampler import LTX2LatentUpsamplerModel

    from reelforge.generate.diffusers_backend import DiffusersGenerator

    with torch.device("cuda" if cuda else "cpu"):
        upsampler = _cast(LTX2LatentUpsamplerModel(in_channels=4, mid_channels=32, num_blocks_per_stage=1) if tiny
                          else LTX2LatentUpsamplerModel(in_channels=128, mid_channels=1024, num_blocks_per_stage=4,
                                                        rational_spatial_scale=2.0), tiny)
    generator = DiffusersGenerator(settings, shape=shape)
    generator.adopt(pipe, folder, latent_upsampler=upsampler)
    clock = StepClock(cuda).probe(generator.loaded_pipeline)
    _peak_reset(cuda)
    clock.first = clock.now()
    made = generator.make_frames(request, lambda _fraction: clock.step_done())
    clock.finish()
    clock.drop_closing_report()
    checked = clock.verify("ltx2 latent upsampling")
    refine_steps = made.provenance["latent_upsample"]["refine_steps"]
    first, refine = clock.steps[:-refine_steps], clock.steps[-refine_steps:]
    first_s = statistics.median(b - a for a, b in zip(first, first[1:], strict=False)) if len(first) > 1 else 0.0
    refine_s = statistics.median(b - a for a, b in zip(refine, refine[1:], strict=False))
    upsample_s = refine[0] - first[-1] - refine_s  # the upsampler, the second prompt encoding, and no step
    height, width = made.shots[0].shape[1:3]
    result.add("upsampled", {**_row(clock), "step_s": first_s, "steps": float(BARE_STEPS),
                             "refine_step_s": refine_s, "refine_steps": float(refine_steps),
                             "upsample_s": upsample_s})
    log(f"[ltx2] latent upsampling: {first_s:.3f} s/step at {shape.size[0]}x{shape.size[1]}, upsampling and "
        f"re-encoding {upsample_s:.2f} s, {refine_s:.3f} s per refining step at {width}x{height} "
        f"({refine_steps} steps); {_peaks(clock)}; {checked}")
    generator.unload()
    del generator, upsampler, made
    _free()


def whole_path_wan21(*, tiny: bool, cuda: bool, root: Path, log: Callable[[str], None],
                     record: Callable[[dict[str, Any]], None] | None = None) -> None:
    """reelforge's whole generation path for one Wan 2.1 1.3B clip (fast preset), returning frames."""
    from reelforge.generate.base import GenerateRequest
    from reelforge.generate.diffusers_backend import DiffusersGenerator, GenerationShape
    from reelforge.progress import CancelToken
    from reelforge.settings import Settings

    spec = spec_of("wan21", tiny)
    pipe = build("wan21", tiny=tiny, device="cuda" if cuda else "cpu")
    folder = save_configs(pipe, root / "wan21-path")
    lora = random_lora(pipe, root / "wan21-path.safetensors", rank=4 if tiny else 32)
    settings = Settings(_env_file=None, model=str(folder), dtype="bfloat16" if _bf16(tiny) else "float32",  # type: ignore[call-arg]
                        device="cuda" if cuda else "cpu", loras={"distill": {"path": str(lora), "fast": True}})
    generator = DiffusersGenerator(settings, shape=GenerationShape(size=(spec.width, spec.height), fps=spec.fps,
                                                                  max_shot_frames=spec.frames))
    generator.adopt(pipe, folder)
    reports: list[float] = []
    start = time.perf_counter()
    made = generator.make_frames(GenerateRequest(prompt=PROMPT, seconds=spec.frames / spec.fps, width=1920,
                                                 height=1080, fps=30, speed="fast"), reports.append, CancelToken())
    seconds = time.perf_counter() - start
    line = (f"[wan21] whole reelforge path, fast preset: {len(made.shots)} shot(s), {sum(len(s) for s in made.shots)} "
            f"frames of {made.shots[0].shape[2]}x{made.shots[0].shape[1]} in {seconds:.2f} s, {len(reports)} progress "
            "reports (cancel checked at each)")
    log(line)
    if record is not None:
        record({"kind": "whole_path", "family": "wan21", "seconds": seconds, "line": line})
    generator.unload()
    del generator, pipe, made
    _free()


def summarise(results: list[Result], log: Callable[[str], None]) -> dict[str, float]:
    """Whole-clip seconds per family and run, and the closing figures (from the families with a bare row;
    a closing figure whose rows are missing stays 0.0)."""
    closing = {"defaults/bare": 0.0, "bare/fast": 0.0, "wan14b_fast_s": 0.0, "ltx2_fast_s": 0.0, "peak_gib": 0.0}
    speedups = []
    log("family        run        s/step  steps  whole clip s  peak GiB  +decode GiB  fits 24/48 GB (with the decode)")
    for result in results:
        if "bare" not in result.rows:
            log(f"{result.family:<13} (no bare row: {', '.join(result.rows) or 'nothing'} measured; not summarised)")
            continue
        bare = result.rows["bare"]
        for run, row in result.rows.items():
            steps = int(row.get("steps", BARE_STEPS))
            whole = result.encode_s + steps * row["step_s"] + result.decode_s
            if "refine_steps" in row:  # LTX-2's second stage at 2x (its decode, 4x the pixels, is not timed apart)
                whole += row["upsample_s"] + row["refine_steps"] * row["refine_step_s"]
            row["whole_s"] = whole
            peak = max(row["peak_gib"], row["call_peak_gib"])
            fits = f"{'yes' if peak <= 24 else 'no'}/{'yes' if peak <= 48 else 'no'}"
            log(f"{result.family:<13} {run:<10} {row['step_s']:7.3f} {steps:6d} {whole:13.1f} {row['peak_gib']:9.1f} "
                f"{row['call_peak_gib']:12.1f}  {fits}{'  SUSPECT s/step' if row.get('suspect') else ''}")
        if "defaults" in result.rows:
            closing["defaults/bare"] = max(closing["defaults/bare"], result.rows["defaults"]["step_s"] / bare["step_s"])
        closing["peak_gib"] = max(closing["peak_gib"], bare["peak_gib"])
        if "fast" in result.rows:
            speedup = bare["whole_s"] / result.rows["fast"]["whole_s"]
            if result.family in WAN_CLASS:
                speedups.append(speedup)
            if result.family == "wan22_a14b":
                closing["wan14b_fast_s"] = result.rows["fast"]["whole_s"]
            if result.family == "ltx2":
                closing["ltx2_fast_s"] = result.rows["fast"]["whole_s"]
    closing["bare/fast"] = min(speedups) if speedups else 0.0
    return closing


def report(records: Records, log: Callable[[str], None], json_path: Path | None = None) -> int:
    """The table, RIFE's shares, what was not measured, and the closing line (last). 2 when no family has a bare
    row, 3 when a task failed or hit its cap, else 0."""
    results = [records.results[f] for f in FAMILIES if f in records.results]
    results += [r for f, r in records.results.items() if f not in FAMILIES]
    for line in records.lines:
        log(line)
    closing = summarise(results, log)
    measured = {r.family: r.rows for r in results if "bare" in r.rows}
    fractions: dict[str, dict[str, float]] = {}
    if records.rife is not None:
        rife = RifeTiming.from_describe(records.rife)
        log(f"[rife] {rife.clip_s} s of {rife.width}x{rife.height} on {rife.device}: {rife.seconds:.2f} s "
            f"({rife.seconds / rife.clip_s:.2f} s per output second)")
        fractions = rife_fractions(rife, {f: {run: rows[run]["whole_s"] for run in ("defaults", "fast") if run in rows}
                                          for f, rows in measured.items()}, log)
        shares = [(share, family, run) for family, runs in fractions.items() for run, share in runs.items()]
        if shares:
            worst = max(shares)
            log(f"[rife] largest share: {100 * worst[0]:.1f}% of {worst[1]}'s {worst[2]} clip")
    else:
        log("[rife] not measured")
    unfinished = {task: status for task, status in records.tasks.items() if status not in ("done",)}
    if unfinished:
        log("gpu_t2v: tasks not completed: " + ", ".join(f"{task} ({status})" for task, status in unfinished.items()))
    planned = {task.partition(":")[0] for task in records.tasks} | set(records.results)
    for family in (f for f in FAMILIES if f in planned):
        rows = records.results.get(family, Result(family)).rows
        missing = [run for run in CORE_ROWS if run not in rows and not (run == "fast" and family == "cogvideox")]
        if missing:
            log(f"gpu_t2v: {family}: no {', '.join(missing)} row")
    if json_path is not None:
        figures: dict[str, Any] = {r.family: {"encode_s": r.encode_s, "decode_s": r.decode_s, **r.rows}
                                   for r in results}
        if records.rife is not None:
            figures["rife"] = {**records.rife, "fraction_of_clip": fractions}
        figures["tasks"] = records.tasks
        json_path.write_text(json.dumps(figures, indent=1))
    print(f"gpu_t2v: defaults/bare={closing['defaults/bare']:.2f} bare/fast={closing['bare/fast']:.2f} "
          f"wan14b_fast_s={closing['wan14b_fast_s']:.1f} ltx2_fast_s={closing['ltx2_fast_s']:.1f} "
          f"peak_gib={closing['peak_gib']:.1f}", flush=True)
    if not measured:
        return 2
    # "started" with no end: the process died in it (gpu_session.sh starts another for the tasks after it)
    return 3 if any(status in ("failed", "capped", "started") for status in records.tasks.values()) else 0


class TaskTimeout(BaseException):
    """A task ran past its cap (raised by SIGALRM between two Python operations, so within one step).

    A BaseException: library code's ``except Exception`` must not swallow it."""


@contextmanager
def time_cap(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TaskTimeout` in the block after ``seconds`` (no cap: None, or no SIGALRM here)."""
    if not seconds or not hasattr(signal, "setitimer"):
        yield
        return

    def fire(_signum: int, _frame: Any) -> None:
        raise TaskTimeout(f"past its {seconds:.0f} s cap")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def plan_tasks(families: list[str], rows: str) -> list[str]:
    """The run's tasks in order: ``family:core`` for each family (Wan 2.1's whole path and RIFE right after
    Wan 2.1's), then ``family:extra`` for each (``--rows``: all, core or extra)."""
    tasks: list[str] = []
    if rows in ("all", "core"):
        for family in families:
            tasks.append(f"{family}:core")
            if family == "wan21":
                tasks += ["wan21:path", "rife"]
        if "rife" not in tasks:
            tasks.append("rife")
    if rows in ("all", "extra"):
        tasks += [f"{family}:extra" for family in families]
    return tasks


def parse_caps(text: str) -> dict[str, float]:
    """``wan21:core=90,rife=30`` -> caps in seconds (``*:extra=60`` sets every extra pass)."""
    caps: dict[str, float] = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        task, _, seconds = item.partition("=")
        caps[task.strip()] = float(seconds)
    return caps


def cap_of(task: str, caps: dict[str, float]) -> float | None:
    if task in caps:
        return caps[task]
    if task.endswith(":extra") and "*:extra" in caps:
        return caps["*:extra"]
    return caps.get("*")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiny-cpu-dry-run", action="store_true", help="tiny configs on the CPU, no CUDA calls")
    parser.add_argument("--families", default=",".join(FAMILIES),
                        help="comma-separated, measured in this order: " + ", ".join(FAMILIES))
    parser.add_argument("--rows", choices=("all", "core", "extra"), default="all",
                        help="core: " + ", ".join(CORE_ROWS) + "; extra: " + ", ".join(EXTRA_ROWS)
                        + "; all: core for every family first, then extra")
    parser.add_argument("--bf16", action="store_true",
                        help="with --tiny-cpu-dry-run: the tiny configs in bfloat16, the GPU's dtype (slower on a CPU)")
    parser.add_argument("--steps", type=int, default=None, help="timed steps per run, one more runs as warm-up "
                        "(default 2; 1 in the dry run)")
    parser.add_argument("--budget-s", type=float, default=540.0,
                        help="the whole run's seconds: each task is capped to what is left of it (less "
                        f"{SUMMARY_RESERVE_S:.0f} s for the summary), the tasks after it skipped")
    parser.add_argument("--cap-s", default=None,
                        help="per-task caps, e.g. 'wan21:core=90,ltx2:extra=60,*:extra=120,rife=30' (GPU default: "
                        + ", ".join(f"{k}={v:.0f}" for k, v in CAP_S.items()) + f", *:extra={EXTRA_CAP_S:.0f}; "
                        "none in the dry run)")
    parser.add_argument("--json", type=Path, default=None, help="also write every figure to this file at the end")
    parser.add_argument("--jsonl", type=Path, default=None,
                        help="append each figure to this JSON lines file as it is measured")
    parser.add_argument("--resume", action="store_true",
                        help="with --jsonl: keep its figures and skip the tasks it records as started")
    parser.add_argument("--summarise", type=Path, default=None, metavar="JSONL",
                        help="print the table and closing line of a --jsonl file and exit (no GPU needed)")
    parser.add_argument("--offload-families", default="wan21,wan22_ti2v,ltx2,hunyuan15,cogvideox",
                        help="families whose group offload is measured ('all'; A14B's 57 GB is left out by default)")
    args = parser.parse_args()

    def log(line: str) -> None:
        print(line, flush=True)

    if args.summarise is not None:
        return report(load_records(args.summarise), log, args.json)
    try:
        import torch
    except ImportError:
        print("gpu_t2v: torch is not installed (pip install 'reelforge[models]'); nothing to measure")
        return 2
    tiny = args.tiny_cpu_dry_run
    BF16["tiny"] = tiny and args.bf16
    cuda = torch.cuda.is_available() and not tiny
    if not cuda and not tiny:
        print("gpu_t2v: no CUDA device here (torch " + torch.__version__ + "); the family benchmark needs a GPU")
        return 2
    import diffusers

    # torch's and diffusers' own objects (about half a million) live to the end: out of the collector's reach, each
    # _free() between runs walks only what the runs made (133 of them took 200 s of a profiled 400 s dry run)
    gc.freeze()
    families = [f for f in args.families.split(",") if f]
    unknown = sorted(set(families) - set(FAMILIES))
    if unknown:
        print(f"gpu_t2v: unknown families {unknown}; known: {', '.join(FAMILIES)}")
        return 2
    caps = parse_caps(args.cap_s) if args.cap_s is not None else (
        {} if tiny else {**CAP_S, "*:extra": EXTRA_CAP_S})

    started = PROCESS_START
    deadline = started + args.budget_s
    records = load_records(args.jsonl) if args.resume and args.jsonl is not None else Records()
    record = Recorder(args.jsonl, started)
    for result in records.results.values():
        result.record = record
    steps = args.steps or (1 if tiny else 2)
    log(f"gpu_t2v: {'TINY configs on the CPU (dry run)' if tiny else 'real configurations'}, random weights"
        f"{' in bf16' if BF16['tiny'] else ''}; "
        f"{steps} timed steps per run, whole clips computed from them; diffusers {diffusers.__version__}, "
        f"torch {torch.__version__}, {torch.cuda.get_device_name() if cuda else 'cpu'}")
    log("gpu_t2v: every run reads its peak memory alike: from the text encoding to the last step's end, and with "
        "the VAE decode; every uncompiled timed step is checked to have run the transformer's last block")
    if cuda:
        free, total = torch.cuda.mem_get_info()
        log(f"gpu_t2v: {total / GIB:.0f} GiB on the GPU, {free / GIB:.0f} GiB free; budget {args.budget_s:.0f} s")
    record({"kind": "env", "diffusers": diffusers.__version__, "torch": torch.__version__, "tiny": tiny,
            "device": torch.cuda.get_device_name() if cuda else "cpu", "steps": steps})
    tasks = plan_tasks(families, args.rows)
    with tempfile.TemporaryDirectory(prefix="gpu_t2v-") as scratch:
        root = Path(scratch)
        for task in tasks:
            if task in records.tasks:
                log(f"[{task}] skipped: already {records.tasks[task]} in {args.jsonl} (--resume)")
                continue
            left = deadline - time.perf_counter() - SUMMARY_RESERVE_S
            if left < 5:
                log(f"[{task}] skipped: the {args.budget_s:.0f} s budget is spent")
                records.tasks[task] = "skipped"
                record({"kind": "task", "task": task, "status": "skipped"})
                continue
            cap = cap_of(task, caps)
            cap = min(cap, left) if cap is not None else (left if cuda else None)
            record({"kind": "task", "task": task, "status": "started", "cap_s": cap})
            if os.environ.get("GPU_T2V_TEST_DIE_IN") == task:  # tests: a process killed mid-task (a CUDA fault)
                os.kill(os.getpid(), signal.SIGKILL)
            task_started = time.perf_counter()
            status = "done"
            try:
                with time_cap(cap):
                    run_task(task, records, tiny=tiny, cuda=cuda, steps=steps, root=root, log=log, record=record,
                             offload_families=args.offload_families)
            except TaskTimeout as stop:
                status = "capped"
                log(f"[{task}] stopped: {stop}; the rows it measured are kept")
            except Exception:  # noqa: BLE001 - one family's fault must not lose the other families' figures
                status = "failed"
                log(f"[{task}] FAILED; its traceback:\n{traceback.format_exc()}")
            _free()
            records.tasks[task] = status
            held = f"; {torch.cuda.memory_allocated() / GIB:.1f} GiB still allocated" if cuda else ""
            log(f"[{task}] {status} in {time.perf_counter() - task_started:.0f} s{held}")
            record({"kind": "task", "task": task, "status": status,
                    "seconds": round(time.perf_counter() - task_started, 1)})
    log(f"total {time.perf_counter() - started:.0f} s")
    return report(records, log, args.json)   # the closing line is the last one printed


def run_task(task: str, records: Records, *, tiny: bool, cuda: bool, steps: int, root: Path,
             log: Callable[[str], None], record: Recorder, offload_families: str) -> None:
    """One task of ``plan_tasks``: a family's core or extra rows, Wan 2.1's whole path, or RIFE."""
    if task == "rife":
        timing = time_rife(tiny=tiny, cuda=cuda, log=log)
        records.rife = timing.describe()
        record({"kind": "rife", **records.rife})
        return
    if task == "wan21:path":
        whole_path_wan21(tiny=tiny, cuda=cuda, root=root, log=log, record=record)
        return
    family, _, part = task.partition(":")
    result = records.results.setdefault(family, Result(family, record=record))
    offload = tiny or offload_families == "all" or family in offload_families.split(",")
    run_family(family, tiny=tiny, cuda=cuda, steps=steps, root=root, log=log, offload=offload,
               rows=CORE_ROWS if part == "core" else EXTRA_ROWS, result=result)


if __name__ == "__main__":
    sys.exit(main())
