"""A tiny random-weight ACE-Step 1.5 pipeline (diffusers' ``AceStepPipeline``), saved as a model folder.

Sizes follow diffusers' own fast test (hidden size 32, two layers); the VAE downsamples by
2*4*4*6*10 = 1920 like the real one, so its 25 latent frames a second decode to 48 kHz stereo.
The tokenizer is a word-level vocabulary written here: nothing is downloaded.
"""

from __future__ import annotations

from pathlib import Path

import torch
from diffusers import AceStepPipeline, AutoencoderOobleck, FlowMatchEulerDiscreteScheduler
from diffusers.models.transformers.ace_step_transformer import AceStepTransformer1DModel
from diffusers.pipelines.ace_step import AceStepConditionEncoder
from tokenizers import Tokenizer, models, pre_tokenizers
from transformers import PreTrainedTokenizerFast, Qwen3Config, Qwen3Model

_WORDS = ("calm piano soft upbeat happy music song background instrumental verse chorus the a of and "
          "bpm key major minor seconds duration caption instruction metas fill audio semantic mask based on "
          "given conditions").split()


def tiny_tokenizer() -> PreTrainedTokenizerFast:
    vocab = {"<|endoftext|>": 0, "[UNK]": 1, **{word: index + 2 for index, word in enumerate(_WORDS)}}
    core = Tokenizer(models.WordLevel(vocab=vocab, unk_token="[UNK]"))
    core.pre_tokenizer = pre_tokenizers.Whitespace()
    return PreTrainedTokenizerFast(tokenizer_object=core, unk_token="[UNK]", pad_token="<|endoftext|>",
                                   eos_token="<|endoftext|>")


def save_tiny_ace_step(path: Path, seed: int = 0) -> Path:
    torch.manual_seed(seed)
    tokenizer = tiny_tokenizer()
    transformer = AceStepTransformer1DModel(
        hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
        head_dim=8, in_channels=24, audio_acoustic_hidden_dim=8, patch_size=2, rope_theta=10000.0, sliding_window=16)
    text_encoder = Qwen3Model(Qwen3Config(
        hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
        head_dim=8, vocab_size=len(tokenizer), max_position_embeddings=512))
    condition_encoder = AceStepConditionEncoder(
        hidden_size=32, intermediate_size=64, text_hidden_dim=32, timbre_hidden_dim=8,
        num_lyric_encoder_hidden_layers=2, num_timbre_encoder_hidden_layers=2, num_attention_heads=4,
        num_key_value_heads=2, head_dim=8, rope_theta=10000.0, sliding_window=16)
    vae = AutoencoderOobleck(encoder_hidden_size=4, downsampling_ratios=[2, 4, 4, 6, 10], decoder_channels=4,
                             decoder_input_channels=8, audio_channels=2, channel_multiples=[1, 1, 1, 1, 1],
                             sampling_rate=48000)
    pipe = AceStepPipeline(vae=vae, text_encoder=text_encoder, tokenizer=tokenizer, transformer=transformer,
                           condition_encoder=condition_encoder,
                           scheduler=FlowMatchEulerDiscreteScheduler(num_train_timesteps=1, shift=1.0))
    pipe.save_pretrained(path)
    return path
