"""Wan 2.1 T2V 1.3B at 480p, 5 s, 50 steps: bare diffusers vs reelforge (defaults, speed options).

The pipeline has Wan 2.1 T2V 1.3B's real transformer and VAE configurations with random
weights (timing does not depend on weight values; First Block Cache's skip decisions
would, so the options run uses Pyramid Attention Broadcast, whose skips follow the
schedule). The text encoder has UMT5-XXL's width (d_model 4096, 64 heads, d_ff 10240) but
2 layers and a small vocabulary: it runs once per prompt, well under 1% of the time.

    .venv/bin/python bench/gpu_t2v.py                  # needs CUDA; exits 2 without it
    .venv/bin/python bench/gpu_t2v.py --compile --attention-backend _native_cudnn
    .venv/bin/python bench/gpu_t2v.py --tiny-cpu-dry-run   # every step on tiny configs, on the CPU

Ends with: ``gpu_t2v: defaults/bare=X.XX bare/options=Y.YY peak_gib=Z.Z`` (peak: the options run).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROMPT = "a red fox runs through fresh snow in a pine forest at sunrise, cinematic, slow motion"
WORDS = "a red fox runs through fresh snow in pine forest at sunrise cinematic slow motion the".split()


def _tokenizer() -> Any:
    from transformers import T5Tokenizer

    vocab = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), ("\u2581", -2.0)]
    vocab += [(f"\u2581{w}", -1.0) for w in WORDS] + [(c, -5.0) for c in "abcdefghijklmnopqrstuvwxyz,"]
    return T5Tokenizer(vocab=vocab, extra_ids=0)


def build_wan(folder: Path, *, tiny: bool, device: str) -> Path:
    """Save a random-weight Wan 2.1 T2V 1.3B-shaped pipeline (or a tiny one) to ``folder``."""
    import torch
    from diffusers import AutoencoderKLWan, UniPCMultistepScheduler, WanPipeline, WanTransformer3DModel
    from transformers import UMT5Config, UMT5EncoderModel

    torch.manual_seed(0)
    tokenizer = _tokenizer()
    if tiny:
        text = UMT5Config(vocab_size=len(tokenizer), d_model=32, d_kv=8, d_ff=37, num_layers=1, num_heads=4,
                          is_encoder_decoder=False)
        transformer_args = dict(num_attention_heads=2, attention_head_dim=12, text_dim=32, freq_dim=32,
                                ffn_dim=32, num_layers=2, rope_max_seq_len=32)
        vae_args: dict[str, Any] = dict(base_dim=3, dim_mult=[1, 1, 1, 1], num_res_blocks=1)
    else:
        text = UMT5Config(vocab_size=len(tokenizer), d_model=4096, d_kv=64, d_ff=10240, num_layers=2,
                          num_heads=64, feed_forward_proj="gated-gelu", is_encoder_decoder=False)
        transformer_args = dict(num_attention_heads=12, attention_head_dim=128, text_dim=4096, freq_dim=256,
                                ffn_dim=8960, num_layers=30, rope_max_seq_len=1024)
        vae_args = {}  # AutoencoderKLWan's defaults are Wan 2.1's VAE
    dtype = torch.float32 if tiny else torch.bfloat16
    with torch.device(device):  # initialise on the GPU: random init of 1.3B parameters on a CPU is slow
        transformer = WanTransformer3DModel(patch_size=(1, 2, 2), in_channels=16, out_channels=16,
                                            cross_attn_norm=True, qk_norm="rms_norm_across_heads",
                                            eps=1e-6, **transformer_args).to(dtype)
        text_encoder = UMT5EncoderModel(text).to(dtype).eval()
        vae = AutoencoderKLWan(z_dim=16, temperal_downsample=[False, True, True], **vae_args)
    scheduler = UniPCMultistepScheduler(prediction_type="flow_prediction", use_flow_sigmas=True, flow_shift=3.0)
    WanPipeline(tokenizer=tokenizer, text_encoder=text_encoder, vae=vae, scheduler=scheduler,
                transformer=transformer).save_pretrained(folder)
    del transformer, text_encoder, vae
    _free()
    return folder


def _free() -> None:
    import torch

    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def _measure(label: str, run: Callable[[], Any], cuda: bool) -> tuple[float, float]:
    """Seconds and peak GPU GiB of ``run()`` (peak 0 on the CPU)."""
    import torch

    if cuda:
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
    start = time.perf_counter()
    run()
    if cuda:
        torch.cuda.synchronize()
    seconds = time.perf_counter() - start
    peak = torch.cuda.max_memory_allocated() / 2**30 if cuda else 0.0
    print(f"{label:<28} {seconds:8.2f} s   peak {peak:5.1f} GiB", flush=True)
    return seconds, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiny-cpu-dry-run", action="store_true", help="tiny configs on the CPU, no CUDA calls")
    parser.add_argument("--step-cache", default="pab", choices=["off", "first_block", "pab", "faster"])
    parser.add_argument("--compile", action="store_true", help="also torch.compile in the options run")
    parser.add_argument("--attention-backend", default=None, help="e.g. _native_cudnn, flash, sage")
    args = parser.parse_args()
    try:
        import torch
    except ImportError:
        print("gpu_t2v: torch is not installed (pip install 'reelforge[models]'); nothing to measure")
        return 2
    tiny = args.tiny_cpu_dry_run
    cuda = torch.cuda.is_available() and not tiny
    if not cuda and not tiny:
        print("gpu_t2v: no CUDA device here (torch " + torch.__version__ + "); a Wan 1.3B benchmark needs a GPU")
        return 2

    import diffusers

    from reelforge.generate.base import GenerateRequest
    from reelforge.generate.diffusers_backend import DiffusersGenerator, GenerationShape
    from reelforge.settings import Settings

    device = "cuda" if cuda else "cpu"
    width, height, frames, steps = (32, 32, 9, 2) if tiny else (832, 480, 81, 50)
    fps = 16
    print(f"gpu_t2v: Wan 2.1 T2V 1.3B config{' (TINY, CPU dry run)' if tiny else ''}, random weights, "
          f"{width}x{height}, {frames} frames, {steps} steps, guidance 5.0; diffusers {diffusers.__version__}, "
          f"torch {torch.__version__}, {torch.cuda.get_device_name() if cuda else 'cpu'}", flush=True)

    with tempfile.TemporaryDirectory(prefix="gpu_t2v-") as scratch:
        root = Path(scratch)
        start = time.perf_counter()
        folder = build_wan(root / "wan-1.3b-random", tiny=tiny, device=device)
        print(f"{'build + save model':<28} {time.perf_counter() - start:8.2f} s", flush=True)

        # 1. Bare diffusers: the documented way to run Wan 2.1 T2V.
        dtype = torch.float32 if tiny else {"default": torch.bfloat16, "vae": torch.float32}
        pipe = diffusers.WanPipeline.from_pretrained(folder, dtype=dtype).to(device)
        pipe.set_progress_bar_config(disable=True)

        def bare(pipe: Any, n_steps: int) -> Any:
            return pipe(prompt=PROMPT, height=height, width=width, num_frames=frames, num_inference_steps=n_steps,
                        guidance_scale=5.0, generator=torch.Generator().manual_seed(0), output_type="np").frames

        # partial, not a closure over `pipe`: the `del` below must leave nothing holding the model
        _measure("bare warm-up (2 steps)", functools.partial(bare, pipe, 2), cuda)
        bare_s, bare_peak = _measure("bare diffusers", functools.partial(bare, pipe, steps), cuda)
        del pipe
        _free()

        # 2./3. reelforge: the same request through DiffusersGenerator (encode to 1080p included).
        shape = GenerationShape(size=(width, height), fps=fps, max_shot_frames=frames)
        request = GenerateRequest(prompt=PROMPT, seconds=frames / fps, width=1920, height=1080, fps=30, seed=0,
                                  steps=steps)

        def reelforge_run(label: str, **options: Any) -> tuple[float, float]:
            settings = Settings(_env_file=None, model=str(folder), **options)  # type: ignore[call-arg]
            generator = DiffusersGenerator(settings, shape=shape)
            _measure(f"{label} warm-up", functools.partial(
                generator.generate, dataclasses.replace(request, steps=2), root / "warm.mp4", lambda _: None), cuda)
            marks: dict[str, float] = {}

            def progress(fraction: float) -> None:
                if fraction >= 0.9 and "denoised" not in marks:
                    marks["denoised"] = time.perf_counter()

            start = time.perf_counter()
            result = _measure(label, functools.partial(generator.generate, request, root / f"{label}.mp4", progress),
                              cuda)
            encode = time.perf_counter() - marks.get("denoised", start)
            print(f"{'':<28} of which decode+encode to 1080p after the last step: {encode:.2f} s", flush=True)
            generator.unload()
            del generator
            _free()
            return result

        defaults_s, defaults_peak = reelforge_run("reelforge defaults")
        option_settings = {"step_cache": args.step_cache, "compile": args.compile,
                           "attention_backend": args.attention_backend}
        options_s, options_peak = reelforge_run("reelforge options", **option_settings)
        print(f"options: {option_settings}")
        print(f"defaults/bare {defaults_s / bare_s:.2f}x   bare/options {bare_s / options_s:.2f}x   "
              f"peaks bare {bare_peak:.1f} / defaults {defaults_peak:.1f} / options {options_peak:.1f} GiB")
    print(f"gpu_t2v: defaults/bare={defaults_s / bare_s:.2f} bare/options={bare_s / options_s:.2f} "
          f"peak_gib={options_peak:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
