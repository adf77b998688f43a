"""Tiny random pipelines for the families' long-video methods: SkyReels-V2 diffusion forcing and the
Wan 2.1 image-to-video layout (first and last frame). Built and saved in the test run, as
``tiny_pipelines`` does for the other families; and a pipeline made to give back the frames it is
conditioned on, as a trained one does (the joins of a long shot are tested on it)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
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


@dataclass
class GivenBack:
    """What :func:`giving_back_conditioning` saw: each decoded call's frames (uint8 ``[frames, h, w, 3]``),
    with its conditioning pasted in."""

    calls: list[np.ndarray] = field(default_factory=list)


@contextmanager
def giving_back_conditioning(vae: Any, frames: int) -> Iterator[GivenBack]:
    """Make a tiny random pipeline do what a trained one does at a join: give back what it is conditioned on.

    A trained image-to-video model makes its still the clip's frame 0, and LTX-2 re-makes the frames
    it is conditioned on as the clip's first ones; a random VAE and transformer do not, so a frame
    repeated at a join cannot be seen on them. Here the frames a call encodes (the still, or the
    conditioning frames; ``frames`` of them: Wan 2.1 also encodes the blank frames after its still)
    are pasted over the first frames the same call decodes, exactly. Views made with ``from_pipe``
    share ``vae``, so every pipeline of the generator does it."""
    seen, pending = GivenBack(), []
    encode, decode = vae.encode, vae.decode

    def encoding(pixels: torch.Tensor, *args: Any, **kwargs: Any) -> Any:
        pending.append(pixels[:, :, :frames].clone())
        return encode(pixels, *args, **kwargs)

    def decoding(latents: torch.Tensor, *args: Any, **kwargs: Any) -> Any:
        output = decode(latents, *args, **kwargs)
        video = output[0] if isinstance(output, tuple) else output.sample   # [batch, 3, frames, h, w] in -1..1
        if pending:
            given = pending.pop(0)
            video[:, :, :given.shape[2]] = given.to(video.dtype)
            pending.clear()   # one call's conditioning; a still and its end frame are encoded together
        seen.calls.append(((video[0].permute(1, 2, 3, 0).float().clamp(-1, 1) + 1) * 127.5 + 0.5)
                          .to(torch.uint8).numpy())
        return output

    vae.encode, vae.decode = encoding, decoding
    try:
        yield seen
    finally:
        del vae.encode, vae.decode   # the class's methods again
