"""MagCache with a stored calibration: skip transformer steps whose residual barely changes.

MagCache (diffusers' ``MagCacheConfig``, https://github.com/Zehong-Ma/MagCache) skips the
transformer's blocks on a step when the accumulated change of the residual's magnitude
(output minus input of the block stack) since the last computed step stays under a
threshold, and reuses the last residual instead. It needs each model's *magnitude ratios*
(step by step, how much the residual's norm grows or shrinks), which depend on the
checkpoint and its scheduler: reelforge never guesses them. ``reelforge models calibrate``
runs the model once with ``record_ratios`` on (nothing skipped) and stores the ratios in a
file beside the model's folder (``<folder>.magcache.json``); from then on ``balanced`` uses
MagCache for that model, and ``REELFORGE_STEP_CACHE=mag`` without the file is refused in one
line saying what to run.

The ratios are MagCache's own calibration formula, ``mean(|r_t| / |r_{t-1}|)`` over tokens,
recorded per guidance branch (a Wan step calls the transformer twice, cond and uncond) and
averaged, and per transformer (Wan 2.2 A14B's two experts each get their own list).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reelforge.errors import InvalidInput

__all__ = ["MagCalibration", "calibration_path", "load_calibration", "mag_cache_config", "record_ratios"]

CALIBRATION_SUFFIX = ".magcache.json"
MAX_SKIP_STEPS = 3          # MagCache's K: at most this many steps skipped in a row
RETENTION_RATIO = 0.2       # the first 20% of the steps are always computed
_TRANSFORMERS = ("transformer", "transformer_2")


@dataclass(frozen=True)
class MagCalibration:
    """One model's magnitude ratios: per transformer, one ratio per step it ran in the calibration call."""

    steps: int                              # the calibration call's denoising steps
    ratios: dict[str, list[float]]          # transformer name -> ratio per step it ran
    model: str = ""                         # the folder it was measured on, for the reader

    def save(self, path: Path) -> Path:
        path.write_text(json.dumps({"steps": self.steps, "ratios": self.ratios, "model": self.model}, indent=1),
                        encoding="utf-8")
        return path


def calibration_path(folder: Path) -> Path:
    """Where a model folder's calibration lives: beside the folder (``/models/wan`` -> ``/models/wan.magcache.json``)."""
    return folder.with_name(folder.name + CALIBRATION_SUFFIX)


def load_calibration(folder: Path) -> MagCalibration | None:
    """The stored calibration of ``folder``, or None when it was never calibrated."""
    path = calibration_path(folder)
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        ratios = {str(name): [float(r) for r in values] for name, values in data["ratios"].items()}
        return MagCalibration(int(data["steps"]), ratios, str(data.get("model", "")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InvalidInput(f"step_cache: cannot read the MagCache calibration {path} ({exc}); "
                           "run `reelforge models calibrate` again", field="step_cache") from exc


def mag_cache_config(calibration: MagCalibration | None, name: str, steps: int, threshold: float,
                     folder: Path | None = None) -> Any:
    """The ``MagCacheConfig`` of transformer ``name`` for a call of ``steps`` steps."""
    from diffusers.hooks import MagCacheConfig

    if calibration is None or not calibration.ratios.get(name):
        where = calibration_path(folder) if folder is not None else "beside the model folder"
        raise InvalidInput(f"step_cache: MagCache needs this model's calibration ({where}); run "
                           "`reelforge models calibrate` once, or use first_block", field="step_cache")
    ratios = calibration.ratios[name]
    # An expert runs a share of the steps (A14B): scale its count with the call's steps.
    expert_steps = max(1, round(len(ratios) * steps / calibration.steps))
    return MagCacheConfig(threshold=threshold, max_skip_steps=MAX_SKIP_STEPS, retention_ratio=RETENTION_RATIO,
                          num_inference_steps=expert_steps, mag_ratios=list(ratios))


@dataclass
class _Recorder:
    """Per-token residual norms of every transformer call, in call order."""

    norms: dict[str, list[Any]] = field(default_factory=dict)

    def ratios(self, steps: int) -> dict[str, list[float]]:
        """MagCache's ratios from the recorded calls: per branch, then averaged over the branches."""
        calls = sum(len(norms) for norms in self.norms.values())
        branches = max(1, round(calls / steps))
        found: dict[str, list[float]] = {}
        for name, norms in self.norms.items():
            per_step = len(norms) // branches
            ratios = [1.0]
            for step in range(1, per_step):
                values = []
                for branch in range(branches):
                    current, previous = norms[step * branches + branch], norms[(step - 1) * branches + branch]
                    values.append(float((current / (previous + 1e-8)).mean()))
                ratios.append(sum(values) / len(values))
            found[name] = ratios
        return found


def _blocks(transformer: Any) -> list[Any]:
    """The transformer's repeated blocks in order (diffusers' block list names)."""
    import torch
    from diffusers.hooks._common import _ALL_TRANSFORMER_BLOCK_IDENTIFIERS

    return [block for name, child in transformer.named_children()
            if name in _ALL_TRANSFORMER_BLOCK_IDENTIFIERS and isinstance(child, torch.nn.ModuleList)
            for block in child]


@contextmanager
def record_ratios(pipe: Any) -> Iterator[_Recorder]:
    """Record the residual norms of ``pipe``'s transformers over the calls made inside the block."""
    import torch
    from diffusers.hooks._helpers import TransformerBlockRegistry

    recorder = _Recorder()
    handles = []
    for name in _TRANSFORMERS:
        transformer = getattr(pipe, name, None)
        if transformer is None:
            continue
        blocks = _blocks(transformer)
        try:
            metadata = TransformerBlockRegistry.get(type(blocks[0])) if blocks else None
        except ValueError:
            metadata = None
        if metadata is None:
            raise InvalidInput(f"step_cache: MagCache does not support {type(transformer).__name__} in diffusers "
                               "(its blocks are not registered); use first_block or pab", field="step_cache")
        inputs: list[Any] = []
        norms = recorder.norms.setdefault(name, [])

        def before(_module: Any, args: Any, kwargs: Any, inputs: list[Any] = inputs, metadata: Any = metadata) -> None:
            inputs[:] = [metadata._get_parameter_from_args_kwargs(metadata.hidden_states_argument_name, args, kwargs)]

        def after(_module: Any, _args: Any, output: Any, inputs: list[Any] = inputs, norms: list[Any] = norms,
                  metadata: Any = metadata) -> None:
            hidden = output[metadata.return_hidden_states_index] if isinstance(output, tuple) else output
            residual = (hidden - inputs[0]).float()
            norms.append(torch.linalg.norm(residual, dim=-1).cpu())

        handles.append(blocks[0].register_forward_pre_hook(before, with_kwargs=True))
        handles.append(blocks[-1].register_forward_hook(after))
    try:
        yield recorder
    finally:
        for handle in handles:
            handle.remove()
