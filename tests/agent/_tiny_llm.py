"""A tiny random causal LM and its tokenizer, built in a test: what the in-process planner runs in tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reelforge.agent.registry import PLANNED_EDIT_TOOLS


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
    lines = [f'"{name}" {{"segment_id": "s1", "duration_ms": "500", "type": "fade"}}' for name in PLANNED_EDIT_TOOLS]
    tokenizer.train_from_iterator(lines * 5 + ["add a crossfade between the clips", "加一个转场"], trainer)
    fast = transformers.PreTrainedTokenizerFast(tokenizer_object=tokenizer, eos_token="<eos>")
    fast.save_pretrained(folder)
    torch.manual_seed(0)
    config = transformers.LlamaConfig(vocab_size=len(fast), hidden_size=16, intermediate_size=32, num_hidden_layers=1,
                                      num_attention_heads=2, num_key_value_heads=1, max_position_embeddings=16384,
                                      eos_token_id=fast.eos_token_id, bos_token_id=fast.eos_token_id)
    transformers.LlamaForCausalLM(config).save_pretrained(folder)
    return folder


def _permute(weights: Any, heads: int) -> Any:
    """llama.cpp's rotary layout for a q/k projection (convert_hf_to_gguf.py ``LlamaModel.permute``), which
    transformers' GGUF loader undoes (``LlamaTensorProcessor``)."""
    return (weights.reshape(heads, 2, weights.shape[0] // heads // 2, *weights.shape[1:])
            .swapaxes(1, 2).reshape(weights.shape))


def build_tiny_gguf(folder: Path) -> Path:
    """The same tiny model written as one GGUF file, as llama.cpp's converter writes a Llama: its metadata under
    ``llama.*``, the byte-level BPE vocabulary and merges under ``tokenizer.ggml.*``, the tensors by their GGUF
    names (``token_embd``, ``blk.0.attn_q``, ...) in float32."""
    import json

    import gguf
    import transformers

    source = build_tiny_model(folder / "source")
    model = transformers.LlamaForCausalLM.from_pretrained(source)
    tokenizer = transformers.AutoTokenizer.from_pretrained(source)
    config = model.config
    path = folder / "tiny-planner.gguf"
    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_name("tiny-planner")
    writer.add_context_length(config.max_position_embeddings)
    writer.add_embedding_length(config.hidden_size)
    writer.add_block_count(config.num_hidden_layers)
    writer.add_feed_forward_length(config.intermediate_size)
    writer.add_head_count(config.num_attention_heads)
    writer.add_head_count_kv(config.num_key_value_heads)
    writer.add_rope_dimension_count(config.hidden_size // config.num_attention_heads)
    writer.add_rope_freq_base(float(config.rope_parameters["rope_theta"]) if getattr(config, "rope_parameters", None)
                              else 10000.0)
    writer.add_layer_norm_rms_eps(config.rms_norm_eps)
    writer.add_vocab_size(config.vocab_size)
    vocab = tokenizer.get_vocab()
    tokens = [token for token, _ in sorted(vocab.items(), key=lambda item: item[1])]
    special = set(tokenizer.all_special_tokens)
    merges = json.loads(tokenizer.backend_tokenizer.to_str())["model"]["merges"]
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("default")
    writer.add_token_list(tokens)
    writer.add_token_types([gguf.TokenType.CONTROL if t in special else gguf.TokenType.NORMAL for t in tokens])
    writer.add_token_merges([m if isinstance(m, str) else " ".join(m) for m in merges])
    writer.add_eos_token_id(tokenizer.eos_token_id)
    writer.add_bos_token_id(tokenizer.eos_token_id)
    state = {name: tensor.float().numpy() for name, tensor in model.state_dict().items()}
    heads, kv_heads = config.num_attention_heads, config.num_key_value_heads
    names = {"model.embed_tokens.weight": "token_embd.weight", "model.norm.weight": "output_norm.weight",
             "lm_head.weight": "output.weight"}
    per_layer = {"input_layernorm": "attn_norm", "self_attn.q_proj": "attn_q", "self_attn.k_proj": "attn_k",
                 "self_attn.v_proj": "attn_v", "self_attn.o_proj": "attn_output", "post_attention_layernorm": "ffn_norm",
                 "mlp.gate_proj": "ffn_gate", "mlp.up_proj": "ffn_up", "mlp.down_proj": "ffn_down"}
    for layer in range(config.num_hidden_layers):
        for hf, gg in per_layer.items():
            names[f"model.layers.{layer}.{hf}.weight"] = f"blk.{layer}.{gg}.weight"
    for hf_name, gguf_name in names.items():
        weights = state[hf_name]
        if gguf_name.endswith("attn_q.weight"):
            weights = _permute(weights, heads)
        elif gguf_name.endswith("attn_k.weight"):
            weights = _permute(weights, kv_heads)
        writer.add_tensor(gguf_name, weights)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path
