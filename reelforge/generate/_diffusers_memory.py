"""Where a pipeline's weights live and in what precision: a memory setting plus one verb.

- ``fp8``: the transformer(s) stored in float8 (e4m3) and upcast layer by layer to the compute
  dtype as each runs (diffusers' layerwise casting): about half the transformer's memory.
- ``group_offload``: every model component kept in CPU memory and brought to the GPU one leaf
  module at a time, on a CUDA stream that prefetches the next while the current one runs.
- ``fp8_group_offload``: both.
- ``torchao_fp8``: the transformer(s)' linear layers quantised to float8 by torchao (the
  optional ``[torchao]`` extra): on a GPU with float8 matmuls (compute capability 8.9+: Ada,
  Hopper) weights *and* activations in float8 (``Float8DynamicActivationFloat8WeightConfig``,
  per-row scales: faster matmuls and half the memory); elsewhere weight-only float8
  (``Float8WeightOnlyConfig``: half the memory, upcast in the matmul).
- ``text_encoder_cpu`` (separate switch): the text encoder stays on the CPU (it runs once per
  prompt); its inputs go there and its outputs come back to the GPU.
- a GGUF single-file transformer (``settings.gguf``) replaces the folder's transformer, its
  quantised weights dequantised on the fly (diffusers' ``GGUFQuantizationConfig``).

``estimate_memory`` says from a folder's safetensors headers (parameter counts and dtypes,
no weights read) how much GPU memory the weights need under each setting.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reelforge.errors import InvalidInput
from reelforge.settings import MEMORY_SETTINGS, MemorySetting

__all__ = ["apply_memory_setting", "estimate_memory", "fitting_setting", "load_gguf_transformer", "text_encoder_on_cpu"]

_TEXT_ENCODERS = ("text_encoder", "text_encoder_2", "image_encoder")
_TRANSFORMERS = ("transformer", "transformer_2")


def apply_memory_setting(pipe: Any, setting: MemorySetting, *, device: Any, dtype: Any,
                         keep_text_encoder_on_cpu: bool = False) -> list[str]:
    """Apply ``setting`` to a pipeline still on the CPU; what was applied, for the provenance."""
    import torch

    applied: list[str] = []
    transformers = [getattr(pipe, name) for name in _TRANSFORMERS if getattr(pipe, name, None) is not None]
    if setting in ("fp8", "fp8_group_offload"):
        for transformer in transformers:
            if getattr(transformer, "is_quantized", False):
                continue  # a GGUF transformer is already stored small
            transformer.enable_layerwise_casting(storage_dtype=torch.float8_e4m3fn, compute_dtype=dtype)
        applied.append("fp8_layerwise_casting")
    if setting == "torchao_fp8":
        applied.append(quantize_float8(transformers, device))
    if setting in ("group_offload", "fp8_group_offload"):
        stream = device.type == "cuda"
        kept = [name for name in _TEXT_ENCODERS[:2] if keep_text_encoder_on_cpu and getattr(pipe, name, None)]
        pipe.enable_group_offload(onload_device=device, offload_device=torch.device("cpu"),
                                  offload_type="leaf_level", use_stream=stream, exclude_modules=kept or None)
        applied.append("group_offload_leaf" + ("_stream" if stream else ""))
    return applied


def _float8_linear(module: Any, _name: str) -> bool:
    """Linear layers float8 kernels take (both sizes multiples of 16)."""
    import torch

    return isinstance(module, torch.nn.Linear) and module.in_features % 16 == 0 and module.out_features % 16 == 0


# A row of zeros (Wan pads its prompt embeddings to 512 tokens with zeros) has no absolute maximum to
# scale by: without a floor its scale is 0 and 0/0 makes the whole output NaN (seen on the H200).
FLOAT8_ACTIVATION_FLOOR = 1e-12


def float8_config(*, dynamic: bool) -> Any:
    """torchao's float8 config: weights and activations (per-row scales, floored) or weights only."""
    try:
        from torchao.quantization import Float8DynamicActivationFloat8WeightConfig, Float8WeightOnlyConfig, PerRow
    except ImportError as exc:
        raise InvalidInput("memory: torchao_fp8 needs torchao (pip install 'reelforge[torchao]')",
                           field="memory") from exc
    if dynamic:
        return Float8DynamicActivationFloat8WeightConfig(granularity=PerRow(),
                                                         activation_value_lb=FLOAT8_ACTIVATION_FLOOR)
    return Float8WeightOnlyConfig()


def quantize_float8(transformers: list[Any], device: Any) -> str:
    """torchao float8 for ``transformers``' linear layers; which flavour was applied."""
    import torch

    dynamic = device.type == "cuda" and torch.cuda.get_device_capability(device) >= (8, 9)
    config = float8_config(dynamic=dynamic)
    from torchao.quantization import quantize_

    for transformer in transformers:
        if getattr(transformer, "is_quantized", False):
            continue  # a GGUF transformer is already stored small
        # On the GPU each layer is moved there as it is quantised: the bf16 copy never sits whole in its memory.
        quantize_(transformer, config, filter_fn=_float8_linear, device=device if dynamic else None)
    return "torchao_float8_dynamic" if dynamic else "torchao_float8_weight_only"


def text_encoder_on_cpu(pipe: Any, device: Any) -> list[str]:
    """Keep the text encoder(s) on the CPU: inputs are moved there, outputs back to ``device``."""
    moved = []
    for name in ("text_encoder", "text_encoder_2"):
        encoder = getattr(pipe, name, None)
        if encoder is None:
            continue
        encoder.to("cpu")
        encoder.register_forward_pre_hook(lambda _m, args, kwargs: (_to(args, "cpu"), _to(kwargs, "cpu")),
                                          with_kwargs=True)
        encoder.register_forward_hook(lambda _m, _args, output: _to(output, device))
        moved.append(name)
    return [f"{name}_on_cpu" for name in moved]


def _to(value: Any, device: Any) -> Any:
    """``value`` with every tensor inside (tuples, lists, dicts, model outputs) on ``device``."""
    import torch

    if isinstance(value, torch.Tensor):
        return value.to(device)
    if isinstance(value, dict):  # transformers' ModelOutput is an OrderedDict
        for key in list(value.keys()):
            value[key] = _to(value[key], device)
        return value
    if isinstance(value, (list, tuple)):
        return type(value)(_to(v, device) for v in value)
    return value


def load_gguf_transformer(path: Path, folder: Path, transformer_class: str, dtype: Any) -> Any:
    """A transformer read from a GGUF single file, configured by ``folder/transformer``."""
    import diffusers
    from diffusers import GGUFQuantizationConfig

    if not path.is_file():
        raise InvalidInput(f"gguf: {path} is not a file", field="gguf")
    cls = getattr(diffusers, transformer_class)
    try:
        return cls.from_single_file(str(path), quantization_config=GGUFQuantizationConfig(compute_dtype=dtype),
                                    config=str(folder), subfolder="transformer", torch_dtype=dtype)
    except (ValueError, KeyError, OSError, RuntimeError, ImportError) as exc:
        raise InvalidInput(f"gguf: cannot load {path} as a {transformer_class} ({str(exc).splitlines()[0][:200]})",
                           field="gguf") from exc


# -- estimates ---------------------------------------------------------------------------
_DTYPE_BYTES = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2, "F8_E4M3": 1, "F8_E5M2": 1, "I64": 8, "I32": 4,
                "I16": 2, "I8": 1, "U8": 1, "BOOL": 1}


def _safetensors_header(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        (length,) = struct.unpack("<Q", handle.read(8))
        header: dict[str, Any] = json.loads(handle.read(length))
    header.pop("__metadata__", None)
    return header


def _component_params(folder: Path) -> dict[str, dict[str, int]]:
    """Per component: parameter count, the largest block's count (leaf-level offload's unit)."""
    found: dict[str, dict[str, int]] = {}
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        files = sorted(sub.glob("*.safetensors"))
        if not files:
            continue
        total, blocks = 0, dict[str, int]()
        for file in files:
            for name, tensor in _safetensors_header(file).items():
                count = 1
                for size in tensor["shape"]:
                    count *= size
                total += count
                parts = name.split(".")
                key = ".".join(parts[:2]) if len(parts) > 2 and parts[1].isdigit() else name
                blocks[key] = blocks.get(key, 0) + count
        found[sub.name] = {"params": total, "largest_leaf": max(blocks.values(), default=0)}
    return found


def estimate_memory(folder: Path, *, compute_bytes: int = 2, text_encoder_cpu: bool = False,
                    vae_float32: bool = False) -> dict[str, Any]:
    """GPU GiB the weights need under each memory setting (activations come on top)."""
    components = _component_params(folder)

    def size(setting: MemorySetting) -> float:
        total = 0.0
        for name, counts in components.items():
            if text_encoder_cpu and name in ("text_encoder", "text_encoder_2"):
                continue
            per = 4 if (vae_float32 and name == "vae") else compute_bytes
            if setting in ("fp8", "fp8_group_offload", "torchao_fp8") and name in _TRANSFORMERS:
                per = 1
            if setting in ("group_offload", "fp8_group_offload"):
                total += 2 * counts["largest_leaf"] * per  # the running block and the prefetched one
            else:
                total += counts["params"] * per
        return round(total / 2**30, 2)

    return {"components": {name: counts["params"] for name, counts in components.items()},
            "weights_gib": {setting: size(setting) for setting in MEMORY_SETTINGS}}


def fitting_setting(estimate: dict[str, Any], gpu_gib: float | None,
                    headroom: Callable[[float], float] = lambda gib: gib * 1.25 + 2.0) -> MemorySetting | None:
    """The first setting (fastest first) whose weights, with room for activations, fit ``gpu_gib``."""
    if gpu_gib is None:
        return None
    for setting in MEMORY_SETTINGS:
        weights = estimate["weights_gib"].get(setting)
        if weights is not None and headroom(weights) <= gpu_gib:
            return setting
    return None
