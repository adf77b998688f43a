"""Tiny random-weight text-to-video pipelines, built and saved in the test run.

Each ``save_tiny_*`` writes a complete diffusers folder (``model_index.json`` plus
component folders) that reelforge then loads through its real code path. Sizes follow
the spirit of diffusers' own pipeline tests: hidden sizes of 8-32, one or two layers,
so a 9-frame 32x32 clip takes about a second on two CPU cores. Nothing is downloaded:
the tokenizer is a Unigram vocabulary written here.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
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
from PIL import Image
from transformers import T5Config, T5EncoderModel, T5Tokenizer, UMT5Config, UMT5EncoderModel

from reelforge.generate.base import GenerateRequest
from reelforge.generate.diffusers_backend import DiffusersGenerator, GenerationShape
from reelforge.settings import Settings

TEXT_DIM = 32
# The generation shape every end-to-end test uses: 32x32 frames, 16 fps, shots of at most 9 frames.
TINY_SHAPE = GenerationShape(size=(32, 32), fps=16, max_shot_frames=9)
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


def tiny_generator(model: Path, *, shape: GenerationShape = TINY_SHAPE, **settings: object) -> DiffusersGenerator:
    """reelforge's diffusers backend on ``model``, no ``.env`` read, at the tiny shape."""
    return DiffusersGenerator(Settings(_env_file=None, model=str(model), **settings), shape=shape)  # type: ignore[call-arg]


def tiny_request(**fields: object) -> GenerateRequest:
    """One 9-frame shot at 16 fps, two steps, delivered at 96x64 unless ``fields`` say otherwise."""
    values: dict[str, object] = {"prompt": "a red car on a street at night", "seconds": 9 / 16, "width": 96,
                                 "height": 64, "fps": 16, "seed": 3, "steps": 2}
    values.update(fields)
    return GenerateRequest(**values)  # type: ignore[arg-type]


def random_still(path: Path, *, size: tuple[int, int] = (80, 48), seed: int = 0) -> Path:
    """A textured still (random pixels) of ``size`` (width, height): a tiny random VAE barely tells flat colours apart."""
    pixels = np.random.default_rng(seed).integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)
    Image.fromarray(pixels).save(path)
    return path


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


def save_tiny_wan_a14b(path: Path, *, seed: int = 0) -> Path:
    """A Wan 2.2 A14B-style T2V folder: a high-noise and a low-noise expert, switched at 0.875."""
    _seeded(seed)
    tokenizer = tiny_tokenizer()
    text_encoder = UMT5EncoderModel(_text_config(len(tokenizer), UMT5Config)).eval()
    pipe = WanPipeline(tokenizer=tokenizer, text_encoder=text_encoder, vae=_wan_vae(),
                       scheduler=FlowMatchEulerDiscreteScheduler(shift=3.0), transformer=_wan_transformer(),
                       transformer_2=_wan_transformer(), boundary_ratio=0.875)
    pipe.save_pretrained(path)
    return path


def save_tiny_ltx2(path: Path, *, latent_upsampler: bool = False, seed: int = 0) -> Path:
    """An LTX-2 folder: video and audio latents in one transformer, an audio VAE and a vocoder.

    The text encoder is the tiny T5 (LTX-2 stacks every hidden state of its encoder, Gemma 3
    in the release; the connectors' input factor is the encoder's layer count plus one).
    ``latent_upsampler`` adds the release's layout of a spatial x2 upsampler (``latent_upsampler/``).
    """
    from diffusers import AutoencoderKLLTX2Audio, AutoencoderKLLTX2Video, LTX2Pipeline, LTX2VideoTransformer3DModel
    from diffusers.pipelines.ltx2 import LTX2TextConnectors
    from diffusers.pipelines.ltx2.vocoder import LTX2Vocoder

    _seeded(seed)
    tokenizer = tiny_tokenizer()
    text_encoder = T5EncoderModel(_text_config(len(tokenizer))).eval()
    transformer = LTX2VideoTransformer3DModel(
        in_channels=4, out_channels=4, patch_size=1, patch_size_t=1, num_attention_heads=2, attention_head_dim=8,
        cross_attention_dim=16, audio_in_channels=4, audio_out_channels=4, audio_num_attention_heads=2,
        audio_attention_head_dim=4, audio_cross_attention_dim=8, num_layers=2, qk_norm="rms_norm_across_heads",
        caption_channels=TEXT_DIM, rope_double_precision=False, rope_type="split")
    connectors = LTX2TextConnectors(
        caption_channels=TEXT_DIM, text_proj_in_factor=text_encoder.config.num_layers + 1,
        video_connector_num_attention_heads=4, video_connector_attention_head_dim=8, video_connector_num_layers=1,
        video_connector_num_learnable_registers=None, audio_connector_num_attention_heads=4,
        audio_connector_attention_head_dim=8, audio_connector_num_layers=1,
        audio_connector_num_learnable_registers=None, connector_rope_base_seq_len=32, rope_theta=10000.0,
        rope_double_precision=False, causal_temporal_positioning=False, rope_type="split")
    vae = AutoencoderKLLTX2Video(
        in_channels=3, out_channels=3, latent_channels=4, block_out_channels=(8,), decoder_block_out_channels=(8,),
        layers_per_block=(1,), decoder_layers_per_block=(1, 1), spatio_temporal_scaling=(True,),
        decoder_spatio_temporal_scaling=(True,), decoder_inject_noise=(False, False), downsample_type=("spatial",),
        upsample_residual=(False,), upsample_factor=(1,), timestep_conditioning=False, patch_size=1,
        patch_size_t=1, encoder_causal=True, decoder_causal=False)
    audio_vae = AutoencoderKLLTX2Audio(
        base_channels=4, output_channels=2, ch_mult=(1,), num_res_blocks=1, attn_resolutions=None, in_channels=2,
        resolution=32, latent_channels=2, norm_type="pixel", causality_axis="height", dropout=0.0,
        mid_block_add_attention=False, sample_rate=16000, mel_hop_length=160, is_causal=True, mel_bins=8)
    vocoder = LTX2Vocoder(in_channels=2 * 8, hidden_channels=32, out_channels=2, upsample_kernel_sizes=[4, 4],
                          upsample_factors=[2, 2], resnet_kernel_sizes=[3], resnet_dilations=[[1, 3, 5]],
                          leaky_relu_negative_slope=0.1, output_sampling_rate=16000)
    pipe = LTX2Pipeline(scheduler=FlowMatchEulerDiscreteScheduler(), vae=vae, audio_vae=audio_vae,
                        text_encoder=text_encoder, tokenizer=tokenizer, connectors=connectors,
                        transformer=transformer, vocoder=vocoder)
    pipe.save_pretrained(path)
    if latent_upsampler:
        tiny_ltx2_upsampler().save_pretrained(path / "latent_upsampler")
    return path


def tiny_ltx2_upsampler() -> torch.nn.Module:
    """LTX-2's spatial x2 latent upsampler over the tiny LTX-2's 4 latent channels (GroupNorm needs 32 wide)."""
    from diffusers.pipelines.ltx2.latent_upsampler import LTX2LatentUpsamplerModel

    return LTX2LatentUpsamplerModel(in_channels=4, mid_channels=32, num_blocks_per_stage=1, dims=3,
                                    spatial_upsample=True, rational_spatial_scale=2.0)


def save_tiny_hunyuan15(path: Path, *, image_to_video: bool = False, seed: int = 0) -> Path:
    """A HunyuanVideo 1.5 folder (its T2V or its I2V checkpoint, which adds a SigLIP image encoder).

    The Qwen2.5-VL text model and the ByT5 glyph encoder are tiny; the tokenizer is the tiny
    T5 one with a chat template (the pipeline formats the prompt as a chat).
    """
    from diffusers import (
        AutoencoderKLHunyuanVideo15,
        HunyuanVideo15ImageToVideoPipeline,
        HunyuanVideo15Pipeline,
        HunyuanVideo15Transformer3DModel,
    )
    from diffusers.guiders import ClassifierFreeGuidance
    from transformers import (
        ByT5Tokenizer,
        Qwen2_5_VLTextConfig,
        Qwen2_5_VLTextModel,
        SiglipImageProcessor,
        SiglipVisionConfig,
        SiglipVisionModel,
    )

    _seeded(seed)
    transformer = HunyuanVideo15Transformer3DModel(
        in_channels=9, out_channels=4, num_attention_heads=2, attention_head_dim=8, num_layers=2,
        num_refiner_layers=1, mlp_ratio=2.0, patch_size=1, patch_size_t=1, text_embed_dim=16, text_embed_2_dim=32,
        image_embed_dim=12, rope_axes_dim=(2, 2, 4), target_size=32, task_type="i2v" if image_to_video else "t2v")
    vae = AutoencoderKLHunyuanVideo15(in_channels=3, out_channels=3, latent_channels=4, block_out_channels=(16, 16),
                                      layers_per_block=1, spatial_compression_ratio=4, temporal_compression_ratio=4,
                                      downsample_match_channel=False, upsample_match_channel=False)
    qwen = Qwen2_5_VLTextConfig(hidden_size=16, intermediate_size=16, num_hidden_layers=2, num_attention_heads=2,
                                num_key_value_heads=2, vocab_size=len(tiny_tokenizer()) + 8, rope_theta=1e6,
                                rope_scaling={"mrope_section": [1, 1, 2], "rope_type": "default", "type": "default"})
    tokenizer = tiny_tokenizer()
    tokenizer.chat_template = ("{% for m in messages %}{{ m['content'] if m['content'] is string "
                               "else m['content'][0]['text'] }} {% endfor %}")
    components: dict[str, object] = dict(
        transformer=transformer.eval(), vae=vae.eval(), scheduler=FlowMatchEulerDiscreteScheduler(shift=7.0),
        text_encoder=Qwen2_5_VLTextModel(qwen).eval(), tokenizer=tokenizer,
        text_encoder_2=T5EncoderModel(_text_config(384)).eval(), tokenizer_2=ByT5Tokenizer(),
        guider=ClassifierFreeGuidance(guidance_scale=6.0))
    if image_to_video:
        components["image_encoder"] = SiglipVisionModel(SiglipVisionConfig(
            hidden_size=12, intermediate_size=16, num_hidden_layers=1, num_attention_heads=2, image_size=32,
            patch_size=8)).eval()
        components["feature_extractor"] = SiglipImageProcessor(size={"height": 32, "width": 32})
        HunyuanVideo15ImageToVideoPipeline(**components).save_pretrained(path)  # type: ignore[arg-type]
    else:
        HunyuanVideo15Pipeline(**components).save_pretrained(path)  # type: ignore[arg-type]
    return path


def save_tiny_lora(path: Path, transformer: torch.nn.Module, *, rank: int = 4, seed: int = 0,
                   strength: float = 0.5) -> Path:
    """A random LoRA (diffusers key layout) over the attention projections of ``transformer``.

    Unlike a freshly initialised PEFT adapter (B = 0), both factors are random, so the LoRA
    really changes what the transformer computes.
    """
    from safetensors.torch import save_file

    generator = torch.Generator().manual_seed(seed)
    tensors = {}
    for name, module in transformer.named_modules():
        if isinstance(module, torch.nn.Linear) and name.rsplit(".", 1)[-1] in ("to_q", "to_k", "to_v"):
            tensors[f"transformer.{name}.lora_A.weight"] = torch.randn(rank, module.in_features, generator=generator)
            tensors[f"transformer.{name}.lora_B.weight"] = strength * torch.randn(module.out_features, rank,
                                                                                  generator=generator)
    save_file(tensors, str(path))
    return path


def save_tiny_gguf(path: Path, transformer: torch.nn.Module) -> Path:
    """``transformer``'s weights as a GGUF single file: Q8_0 where a row is whole 32-blocks, F16/F32 elsewhere."""
    import gguf

    writer = gguf.GGUFWriter(str(path), arch="reelforge-test")
    for name, tensor in transformer.state_dict().items():
        array = tensor.float().numpy()
        if array.ndim == 2 and array.shape[-1] % 32 == 0:
            quantized = gguf.quants.quantize(array, gguf.GGMLQuantizationType.Q8_0)
            writer.add_tensor(name, quantized, raw_shape=quantized.shape, raw_dtype=gguf.GGMLQuantizationType.Q8_0)
        else:
            writer.add_tensor(name, array.astype(np.float16) if array.ndim > 1 else array)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path
