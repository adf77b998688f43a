"""Wan 2.2 A14B: two experts (high-noise ``transformer``, low-noise ``transformer_2``).

diffusers' ``WanPipeline`` switches expert at ``boundary_ratio`` of the schedule (the folder's
``model_index.json`` has it); each expert has its own guidance scale. The authors' defaults
are 4.0 for the high-noise expert and 3.0 for the low-noise one; a request's own guidance
sets the first and keeps their ratio for the second.
"""

from __future__ import annotations

from typing import Any

__all__ = ["LOW_NOISE_GUIDANCE_RATIO", "call_arguments", "experts"]

LOW_NOISE_GUIDANCE_RATIO = 3.0 / 4.0


def call_arguments(pipe: Any, call: dict[str, Any], *, fps: int) -> dict[str, Any]:
    """The A14B call: the low-noise expert's guidance beside the high-noise one's."""
    if getattr(pipe, "transformer_2", None) is not None and pipe.config.get("boundary_ratio") is not None:
        call["guidance_scale_2"] = call["guidance_scale"] * LOW_NOISE_GUIDANCE_RATIO
    return call


def experts(pipe: Any) -> dict[str, Any]:
    """The pipeline's transformers by expert name (one ``high`` for single-transformer families)."""
    found = {"high": pipe.transformer}
    if getattr(pipe, "transformer_2", None) is not None:
        found["low"] = pipe.transformer_2
    return found
