"""HunyuanVideo 1.5: guidance through a guider object, and no step callback.

``HunyuanVideo15Pipeline`` takes no ``guidance_scale`` (its ``guider`` component holds it) and no
``callback_on_step_end``; its image-to-video pipeline sizes the video from the still and the
transformer's ``target_size``. reelforge reports progress and honours cancel from a forward
pre-hook on the transformer: a new timestep means the previous step has finished.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["call_arguments", "step_hook"]


def call_arguments(pipe: Any, call: dict[str, Any], *, fps: int) -> dict[str, Any]:
    """Drop what the pipeline does not take; the guidance goes to a copy of its guider."""
    guidance = call.pop("guidance_scale")
    call.pop("max_sequence_length", None)
    if "image" in call:  # the size comes from the still and target_size
        call.pop("width")
        call.pop("height")
    guider = getattr(pipe, "guider", None)
    if guider is not None and hasattr(guider, "new"):
        pipe.guider = guider.new(guidance_scale=guidance)
    return call


@contextmanager
def step_hook(transformer: Any, on_step_end: Callable[[int], None]) -> Iterator[Callable[[], None]]:
    """Call ``on_step_end(step)`` as each denoising step ends; yields the closer for the last step."""
    state: dict[str, Any] = {"timestep": None, "step": 0}

    def hook(_module: Any, _args: Any, kwargs: dict[str, Any]) -> None:
        timestep = kwargs.get("timestep")
        value = float(timestep.flatten()[0]) if timestep is not None else None
        if value != state["timestep"]:
            if state["timestep"] is not None:  # the previous step is done (its guidance passes included)
                on_step_end(state["step"])
                state["step"] += 1
            state["timestep"] = value

    def finish() -> None:
        if state["timestep"] is not None:
            on_step_end(state["step"])

    handle = transformer.register_forward_pre_hook(hook, with_kwargs=True)
    try:
        yield finish
    finally:
        handle.remove()
