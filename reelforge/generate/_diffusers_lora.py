"""Named LoRAs: loaded once into the warm pipeline, switched per job without reloading the base.

``settings.loras`` names each LoRA (file, scale, and for Wan 2.2 A14B which expert it goes
into). A job asks for some of them (``--lora anime:0.7``, the chat's "use the anime LoRA",
``loras`` on /v1/videos); the first job that asks loads a LoRA through diffusers'
``load_lora_weights`` (``load_into_transformer_2`` for the low-noise expert), and from then on
jobs only switch which adapters are active and at what weight (``set_adapters``): the base
weights stay where they are.

A ``torch.compile``d transformer would recompile for every new adapter, so with compile on
the LoRAs share one slot instead: ``enable_lora_hotswap`` (at the largest configured rank)
and the first LoRA are set up before compiling, and a job that asks for another LoRA swaps
its weights into the slot (``hotswap=True``); no LoRA is the slot at weight 0. One LoRA a
job in that mode.
"""

from __future__ import annotations

import json
import struct
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reelforge.errors import InvalidInput, MediaMissing
from reelforge.generate._diffusers_families import Family
from reelforge.generate._family_wan import experts
from reelforge.generate.base import LoraChoice
from reelforge.settings import LoraSpec

__all__ = ["LoraAdapters", "lora_rank"]

_SLOT = "active"  # the one adapter name of hotswap mode


def lora_rank(path: Path) -> int:
    """The largest rank in a LoRA file, from its safetensors header (no weights read)."""
    with path.open("rb") as handle:
        (length,) = struct.unpack("<Q", handle.read(8))
        header = json.loads(handle.read(length))
    return max((int(t["shape"][0]) for k, t in header.items() if k.endswith("lora_A.weight")), default=0)


@dataclass
class LoraAdapters:
    """The LoRAs loaded into one warm pipeline, by name, and which experts hold each."""

    specs: dict[str, LoraSpec]
    loaded: dict[str, set[str]] = field(default_factory=dict)
    loads: int = 0  # LoRA files read into the pipeline (switching reads none)
    hotswap: bool = False  # one slot, swapped in place: the transformer is compiled
    slot: str | None = None  # the LoRA in the slot (hotswap mode)

    def prime_hotswap(self, pipe: Any) -> None:
        """Before compiling: hotswap on at the largest configured rank, the first LoRA in the slot at weight 0."""
        present = {name: spec for name, spec in self.specs.items() if spec.path.is_file()}
        if not present:
            return
        pipe.enable_lora_hotswap(target_rank=max(lora_rank(spec.path) for spec in present.values()))
        first = next(iter(present))
        self.hotswap = True
        self._swap_in(pipe, first)
        for transformer in experts(pipe).values():
            if _SLOT in getattr(transformer, "peft_config", {}):
                transformer.set_adapters([_SLOT], [0.0])

    def resolve(self, family: Family, choices: Sequence[LoraChoice], *, fast: bool) -> list[tuple[str, float]]:
        """The (name, scale) pairs a job uses: its own choices plus, for ``fast``, the family's distill LoRA."""
        wanted = [(c.name, c.scale) for c in choices]
        if fast and family.fast is not None and family.fast.needs_lora:
            distill = [name for name, spec in self.specs.items()
                       if spec.fast and spec.family in (None, family.name)]
            if not distill:
                raise InvalidInput(f"speed: fast needs {family.fast.source} for {family.label}: add one to "
                                   'REELFORGE_LORAS with "fast": true (docs/models.md)', field="speed")
            wanted = [(distill[0], None), *[w for w in wanted if w[0] != distill[0]]]
        if wanted and not family.lora:
            raise InvalidInput(f"lora: {family.label} has no LoRA loader in diffusers; generate without a LoRA",
                               field="lora")
        resolved = []
        for name, scale in wanted:
            spec = self.specs.get(name)
            if spec is None:
                known = ", ".join(sorted(self.specs)) or "none (set REELFORGE_LORAS)"
                raise InvalidInput(f"lora: no LoRA named {name!r} (configured: {known})", field="lora")
            if not spec.path.is_file():
                raise MediaMissing(f"lora: {name}: file {spec.path} not found", data={"lora": name})
            resolved.append((name, spec.scale if scale is None else scale))
        return resolved

    def activate(self, pipe: Any, wanted: Sequence[tuple[str, float]]) -> None:
        """Load what is new, then make exactly ``wanted`` active at its scales (none: LoRAs off)."""
        if self.hotswap:
            self._activate_slot(pipe, wanted)
            return
        for name, _ in wanted:
            if name not in self.loaded:
                self._load(pipe, name, self.specs[name])
        for expert, transformer in experts(pipe).items():
            active = [(name, scale) for name, scale in wanted if expert in self.loaded[name]]
            if active:
                transformer.enable_lora()
                transformer.set_adapters([name for name, _ in active], [scale for _, scale in active])
            elif any(expert in experts_ for experts_ in self.loaded.values()):
                transformer.disable_lora()

    def _load(self, pipe: Any, name: str, spec: LoraSpec) -> None:
        targets = experts(pipe)
        chosen = [e for e in (("high", "low") if spec.expert == "both" else (spec.expert,)) if e in targets]
        if not chosen:  # a low-noise LoRA for a one-transformer family goes into its transformer
            chosen = ["high"]
        for expert in chosen:
            extra = {"load_into_transformer_2": True} if expert == "low" else {}
            try:
                with warnings.catch_warnings():
                    # Several named adapters in one transformer is the point of keeping them loaded.
                    warnings.filterwarnings("ignore", message="Already found a `peft_config`", category=UserWarning)
                    pipe.load_lora_weights(str(spec.path), adapter_name=name, **extra)
            except (ValueError, KeyError, OSError, RuntimeError, AttributeError) as exc:
                raise InvalidInput(f"lora: {name}: cannot load {spec.path} into {type(pipe).__name__} "
                                   f"({str(exc).splitlines()[0][:200]})", field="lora") from exc
        self.loaded[name] = set(chosen)
        self.loads += 1

    def _activate_slot(self, pipe: Any, wanted: Sequence[tuple[str, float]]) -> None:
        if len(wanted) > 1:
            raise InvalidInput("lora: a compiled transformer takes one LoRA at a time (REELFORGE_COMPILE, or the "
                               f"balanced preset on CUDA); asked for {', '.join(n for n, _ in wanted)}", field="lora")
        if wanted and wanted[0][0] != self.slot:
            self._swap_in(pipe, wanted[0][0])
        scale = wanted[0][1] if wanted else 0.0  # a weight, not disable_lora: the graph stays the same
        for transformer in experts(pipe).values():
            if _SLOT in getattr(transformer, "peft_config", {}):
                transformer.set_adapters([_SLOT], [scale])

    def _swap_in(self, pipe: Any, name: str) -> None:
        spec = self.specs[name]
        targets = experts(pipe)
        chosen = [e for e in (("high", "low") if spec.expert == "both" else (spec.expert,)) if e in targets] or ["high"]
        for expert in chosen:
            holds = _SLOT in getattr(targets[expert], "peft_config", {})
            extra = {"load_into_transformer_2": True} if expert == "low" else {}
            try:
                pipe.load_lora_weights(str(spec.path), adapter_name=_SLOT, hotswap=holds, **extra)
            except (ValueError, KeyError, OSError, RuntimeError, AttributeError) as exc:
                raise InvalidInput(f"lora: {name}: cannot swap {spec.path} into the compiled {type(pipe).__name__} "
                                   f"({str(exc).splitlines()[0][:200]})", field="lora") from exc
        self.slot = name
        self.loaded[name] = set(chosen)
        self.loads += 1
