"""A tiny random causal LM and its tokenizer, built in a test: what the in-process planner runs in tests."""

from __future__ import annotations

from pathlib import Path

from reelforge.agent.registry import EDIT_TOOLS


def build_tiny_model(folder: Path) -> Path:
    """A byte-level BPE tokenizer trained on a few lines, and a one-layer Llama with random weights, in ``folder``."""
    import torch
    import transformers
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=320, special_tokens=["<eos>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    lines = [f'"{name}" {{"segment_id": "s1", "duration_ms": "500", "type": "fade"}}' for name in EDIT_TOOLS]
    tokenizer.train_from_iterator(lines * 5 + ["add a crossfade between the clips", "加一个转场"], trainer)
    fast = transformers.PreTrainedTokenizerFast(tokenizer_object=tokenizer, eos_token="<eos>")
    fast.save_pretrained(folder)
    torch.manual_seed(0)
    config = transformers.LlamaConfig(vocab_size=len(fast), hidden_size=16, intermediate_size=32, num_hidden_layers=1,
                                      num_attention_heads=2, num_key_value_heads=1, max_position_embeddings=16384,
                                      eos_token_id=fast.eos_token_id, bos_token_id=fast.eos_token_id)
    transformers.LlamaForCausalLM(config).save_pretrained(folder)
    return folder
