"""Tiny random pipelines for the families' long-video methods: SkyReels-V2 diffusion forcing and the
Wan 2.1 image-to-video layout (first and last frame). Built and saved in the test run, as
``tiny_pipelines`` does for the other families."""

from __future__ import annotations

from pathlib import Path

import torch
from diffusers import (
    FlowMatchEulerDiscreteScheduler,
    SkyReelsV2DiffusionForcingPipeline,
    SkyReelsV2Transformer3DModel,
    UniPCMultistepScheduler,
    WanImageToVideoPipeline,
    WanTransformer3DModel,
)
from transformers import UMT5Config, UMT5EncoderModel

from tests.generate.tiny_pipelines import TEXT_DIM, _text_config, _wan_vae, tiny_tokenizer

_SMALL = {"patch_size": (1, 2, 2), "num_attention_heads": 2, "attention_head_dim": 12, "out_channels": 16,
          "text_dim": TEXT_DIM, "freq_dim": 32, "ffn_dim": 32, "num_layers": 2, "rope_max_seq_len": 32}


def save_tiny_skyreels(path: Path, *, seed: int = 0) -> Path:
    """A SkyReels-V2 diffusion-forcing folder (text-to-video; its image-to-video view shares it)."""
    torch.manual_seed(seed)
    tokenizer = tiny_tokenizer()
    pipe = SkyReelsV2DiffusionForcingPipeline(
        tokenizer=tokenizer, text_encoder=UMT5EncoderModel(_text_config(len(tokenizer), UMT5Config)).eval(),
        transformer=SkyReelsV2Transformer3DModel(in_channels=16, **_SMALL), vae=_wan_vae(),  # type: ignore[arg-type]
        scheduler=UniPCMultistepScheduler(prediction_type="flow_prediction", use_flow_sigmas=True, flow_shift=8.0))
    pipe.save_pretrained(path)
    return path


def save_tiny_wan_i2v(path: Path, *, seed: int = 0) -> Path:
    """A Wan 2.1 image-to-video folder: 2*16+4 input channels (latents, mask, encoded still), no CLIP."""
    torch.manual_seed(seed)
    tokenizer = tiny_tokenizer()
    pipe = WanImageToVideoPipeline(
        tokenizer=tokenizer, text_encoder=UMT5EncoderModel(_text_config(len(tokenizer), UMT5Config)).eval(),
        vae=_wan_vae(), scheduler=FlowMatchEulerDiscreteScheduler(shift=3.0),
        transformer=WanTransformer3DModel(in_channels=36, **_SMALL))  # type: ignore[arg-type]
    pipe.save_pretrained(path)
    return path
