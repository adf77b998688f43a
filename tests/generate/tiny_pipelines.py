"""Tiny random-weight text-to-video pipelines, built and saved in the test run.

Each ``save_tiny_*`` writes a complete diffusers folder (``model_index.json`` plus
component folders) that reelforge then loads through its real code path. Sizes follow
the spirit of diffusers' own pipeline tests: hidden sizes of 8-32, one or two layers,
so a 9-frame 32x32 clip takes about a second on two CPU cores. Nothing is downloaded:
the tokenizer is a Unigram vocabulary written here.
"""

from __future__ import annotations

from pathlib import Path

import torch
from diffusers import (
    AutoencoderKLCogVideoX,
    AutoencoderKLLTXVideo,
    AutoencoderKLWan,
    CogVideoXDDIMScheduler,
    CogVideoXPipeline,
    CogVideoXTransformer3DModel,
    FlowMatchEulerDiscreteScheduler,
    LTXPipeline,
    LTXVideoTransformer3DModel,
    WanPipeline,
    WanTransformer3DModel,
)
from transformers import T5Config, T5EncoderModel, T5Tokenizer, UMT5Config, UMT5EncoderModel

TEXT_DIM = 32
_WORDS = ("a cat dog red blue sea sky city night walks runs over the on in slow motion "
          "camera light sun rain car street tree bird flies water").split()


def tiny_tokenizer() -> T5Tokenizer:
    """A T5 (Unigram) tokenizer over a few dozen words; unknown words map to <unk>."""
    vocab = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), ("\u2581", -2.0)]
    vocab += [(f"\u2581{word}", -1.0) for word in _WORDS]
    vocab += [(letter, -5.0) for letter in "abcdefghijklmnopqrstuvwxyz"]
    return T5Tokenizer(vocab=vocab, extra_ids=0)


def _text_config(vocab_size: int, config_class: type[T5Config] | type[UMT5Config] = T5Config) -> T5Config:
    return config_class(vocab_size=vocab_size, d_model=TEXT_DIM, d_kv=8, d_ff=37, num_layers=1,
                        num_heads=4, relative_attention_num_buckets=8, is_encoder_decoder=False)


def _seeded(seed: int) -> None:
    torch.manual_seed(seed)


def _wan_vae() -> AutoencoderKLWan:
    return AutoencoderKLWan(base_dim=3, z_dim=16, dim_mult=[1, 1, 1, 1], num_res_blocks=1,
                            temperal_downsample=[False, True, True])


def save_tiny_wan(path: Path, *, image_to_video: bool = False, seed: int = 0) -> Path:
    """A Wan 2.1-style T2V folder, or (``image_to_video``) a Wan 2.2 TI2V-style one.

    The TI2V style (``expand_timesteps``, 16 input channels, no image encoder) is the
    Wan layout whose components serve both text- and image-to-video.
    """
    _seeded(seed)
    tokenizer = tiny_tokenizer()
    text_encoder = UMT5EncoderModel(_text_config(len(tokenizer), UMT5Config)).eval()
    transformer = _wan_transformer()
    pipe = WanPipeline(tokenizer=tokenizer, text_encoder=text_encoder, vae=_wan_vae(),
                       scheduler=FlowMatchEulerDiscreteScheduler(shift=3.0), transformer=transformer,
                       expand_timesteps=image_to_video)
    pipe.save_pretrained(path)
    return path


def _wan_transformer() -> WanTransformer3DModel:
    return WanTransformer3DModel(patch_size=(1, 2, 2), num_attention_heads=2, attention_head_dim=12,
                                 in_channels=16, out_channels=16, text_dim=TEXT_DIM, freq_dim=32,
                                 ffn_dim=32, num_layers=2, rope_max_seq_len=32)


def save_tiny_ltx(path: Path, *, seed: int = 0) -> Path:
    """An LTX-Video folder (the same components serve LTXImageToVideoPipeline)."""
    _seeded(seed)
    tokenizer = tiny_tokenizer()
    text_encoder = T5EncoderModel(_text_config(len(tokenizer))).eval()
    transformer = LTXVideoTransformer3DModel(in_channels=8, out_channels=8, patch_size=1, patch_size_t=1,
                                             num_attention_heads=4, attention_head_dim=8,
                                             cross_attention_dim=32, num_layers=2, caption_channels=TEXT_DIM)
    vae = AutoencoderKLLTXVideo(
        in_channels=3, out_channels=3, latent_channels=8, block_out_channels=(8, 8, 8, 8),
        decoder_block_out_channels=(8, 8, 8, 8), layers_per_block=(1, 1, 1, 1, 1),
        decoder_layers_per_block=(1, 1, 1, 1, 1), spatio_temporal_scaling=(True, True, False, False),
        decoder_spatio_temporal_scaling=(True, True, False, False),
        decoder_inject_noise=(False, False, False, False, False), upsample_residual=(False, False, False, False),
        upsample_factor=(1, 1, 1, 1), timestep_conditioning=False, patch_size=1, patch_size_t=1,
        encoder_causal=True, decoder_causal=False)
    pipe = LTXPipeline(scheduler=FlowMatchEulerDiscreteScheduler(), vae=vae, text_encoder=text_encoder,
                       tokenizer=tokenizer, transformer=transformer)
    pipe.save_pretrained(path)
    return path


def save_tiny_cogvideox(path: Path, *, seed: int = 0) -> Path:
    """A CogVideoX text-to-video folder (its transformer cannot take an image)."""
    _seeded(seed)
    tokenizer = tiny_tokenizer()
    text_encoder = T5EncoderModel(_text_config(len(tokenizer))).eval()
    transformer = CogVideoXTransformer3DModel(
        num_attention_heads=4, attention_head_dim=8, in_channels=4, out_channels=4, time_embed_dim=2,
        text_embed_dim=TEXT_DIM, num_layers=2, sample_width=4, sample_height=4, sample_frames=9,
        patch_size=2, temporal_compression_ratio=4, max_text_seq_length=16)
    vae = AutoencoderKLCogVideoX(
        in_channels=3, out_channels=3, down_block_types=("CogVideoXDownBlock3D",) * 4,
        up_block_types=("CogVideoXUpBlock3D",) * 4, block_out_channels=(8, 8, 8, 8), latent_channels=4,
        layers_per_block=1, norm_num_groups=2, temporal_compression_ratio=4)
    pipe = CogVideoXPipeline(tokenizer=tokenizer, text_encoder=text_encoder, vae=vae, transformer=transformer,
                             scheduler=CogVideoXDDIMScheduler())
    pipe.save_pretrained(path)
    return path
