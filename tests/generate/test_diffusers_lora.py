"""Named LoRAs on tiny random pipelines: they change the output, switch without reloading the base."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("torch", reason="needs the [models] extra (torch)")
pytest.importorskip("diffusers", reason="needs the [models] extra (diffusers)")
pytest.importorskip("peft", reason="diffusers loads LoRAs through peft")

import torch  # noqa: E402

from reelforge.errors import InvalidInput, MediaMissing  # noqa: E402
from reelforge.generate.base import GenerateRequest, LoraChoice  # noqa: E402
from reelforge.generate.diffusers_backend import DiffusersGenerator, GenerationShape  # noqa: E402
from reelforge.settings import Settings  # noqa: E402

pytestmark = pytest.mark.models

TINY = GenerationShape(size=(32, 32), fps=16, max_shot_frames=5)
helper = importlib.import_module("tests.generate.tiny_pipelines")


@pytest.fixture(scope="module")
def loras(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two random LoRAs shaped for the tiny Wan transformer (both A14B experts share its shape)."""
    root = tmp_path_factory.mktemp("loras")
    torch.manual_seed(0)
    shape = helper._wan_transformer()
    return {"anime": helper.save_tiny_lora(root / "anime.safetensors", shape, seed=1),
            "noir": helper.save_tiny_lora(root / "noir.safetensors", shape, seed=2)}


def _generator(model: Path, loras: dict[str, Any], **settings: object) -> DiffusersGenerator:
    return DiffusersGenerator(Settings(_env_file=None, model=str(model), loras=loras, **settings),  # type: ignore[call-arg]
                              shape=TINY)


def _transformer_outputs(generator: DiffusersGenerator, out: Path, **request: Any) -> dict[str, torch.Tensor]:
    """What each expert's transformer returned in the last step (the tiny Wan VAE hides small changes)."""
    pipe = generator.pipeline("t2v")[1]
    seen: dict[str, torch.Tensor] = {}
    handles = [module.register_forward_hook(lambda _m, _a, output, key=key: seen.__setitem__(key, output[0].clone()))
               for key, module in (("high", pipe.transformer), ("low", getattr(pipe, "transformer_2", None)))
               if module is not None]
    try:
        generator.generate(GenerateRequest(prompt="a cat walks in the rain", seconds=5 / 16, width=32, height=32,
                                           fps=16, seed=1, steps=4, **request), out, lambda _: None)
    finally:
        for handle in handles:
            handle.remove()
    return seen


def test_a_lora_changes_the_output_and_switching_never_reloads_the_base(
        tiny: dict[str, Path], loras: dict[str, Path], tmp_path: Path) -> None:
    generator = _generator(tiny["wan"], {name: {"path": str(path)} for name, path in loras.items()})
    plain = _transformer_outputs(generator, tmp_path / "plain.mp4")
    anime = _transformer_outputs(generator, tmp_path / "a.mp4", loras=(LoraChoice("anime"),))
    noir = _transformer_outputs(generator, tmp_path / "n.mp4", loras=(LoraChoice("noir", 0.5),))
    again = _transformer_outputs(generator, tmp_path / "p.mp4")

    assert (anime["high"] - plain["high"]).abs().mean() > 1e-3
    assert (noir["high"] - anime["high"]).abs().mean() > 1e-3
    assert torch.allclose(again["high"], plain["high"], atol=1e-6)  # no LoRA asked: all of them off
    assert generator.loads == 1  # four jobs, three LoRA states, one base load
    assert generator._loaded is not None and generator._loaded.loras is not None
    assert generator._loaded.loras.loads == 2  # each LoRA file read once


@pytest.mark.parametrize(("expert", "changed"), [("both", {"high", "low"}), ("low", {"low"}), ("high", {"high"})])
def test_wan_a14b_loras_go_into_the_expert_they_name(
        tiny: dict[str, Path], loras: dict[str, Path], tmp_path: Path, expert: str, changed: set[str]) -> None:
    generator = _generator(tiny["wan_a14b"], {"anime": {"path": str(loras["anime"]), "expert": expert}})
    plain = _transformer_outputs(generator, tmp_path / "plain.mp4")
    styled = _transformer_outputs(generator, tmp_path / "styled.mp4", loras=(LoraChoice("anime"),))
    pipe = generator.loaded_pipeline
    holding = {key for key, module in (("high", pipe.transformer), ("low", pipe.transformer_2))
               if "anime" in getattr(module, "peft_config", {})}
    assert holding == changed
    # The low-noise expert runs last: its output moves whichever expert the LoRA is in.
    assert (styled["low"] - plain["low"]).abs().mean() > 1e-4


def test_a_missing_lora_file_is_one_line(tiny: dict[str, Path], tmp_path: Path) -> None:
    generator = _generator(tiny["wan"], {"gone": {"path": str(tmp_path / "gone.safetensors")}})
    request = GenerateRequest(prompt="a cat", seconds=0.25, width=32, height=32, fps=16, steps=1,
                              loras=(LoraChoice("gone"),))
    with pytest.raises(MediaMissing) as caught:
        generator.generate(request, tmp_path / "c.mp4", lambda _: None)
    assert str(caught.value.message) == f"lora: gone: file {tmp_path / 'gone.safetensors'} not found"


def test_an_unknown_lora_name_lists_the_configured_ones(tiny: dict[str, Path], loras: dict[str, Path],
                                                        tmp_path: Path) -> None:
    generator = _generator(tiny["wan"], {"anime": {"path": str(loras["anime"])}})
    request = GenerateRequest(prompt="a cat", seconds=0.25, width=32, height=32, fps=16, steps=1,
                              loras=(LoraChoice("pixar"),))
    with pytest.raises(InvalidInput, match=r"no LoRA named 'pixar' \(configured: anime\)") as caught:
        generator.generate(request, tmp_path / "c.mp4", lambda _: None)
    assert caught.value.field == "lora"


def test_a_family_without_a_lora_loader_says_so(tiny: dict[str, Path], loras: dict[str, Path], tmp_path: Path) -> None:
    generator = _generator(tiny["hunyuan15"], {"anime": {"path": str(loras["anime"])}})
    request = GenerateRequest(prompt="a cat", seconds=0.25, width=32, height=32, fps=16, steps=1,
                              loras=(LoraChoice("anime"),))
    with pytest.raises(InvalidInput, match=r"^lora: HunyuanVideo 1.5 has no LoRA loader in diffusers"):
        generator.generate(request, tmp_path / "c.mp4", lambda _: None)


@pytest.mark.parametrize(("text", "choice"), [("anime", LoraChoice("anime")), ("anime:0.7", LoraChoice("anime", 0.7))])
def test_lora_choices_parse_from_name_and_scale(text: str, choice: LoraChoice) -> None:
    assert LoraChoice.parse(text) == choice


@pytest.mark.parametrize("text", [":0.5", "anime:loud", "anime:9"])
def test_a_bad_lora_choice_names_the_field(text: str) -> None:
    with pytest.raises(InvalidInput, match="^lora: ") as caught:
        LoraChoice.parse(text)
    assert caught.value.field == "lora"


def test_with_compile_loras_share_one_hotswapped_slot_set_up_before_compiling(
        tiny: dict[str, Path], loras: dict[str, Path]) -> None:
    # Compilation itself runs on the first call (minutes on a CPU): this checks the slot and the swaps.
    generator = _generator(tiny["wan"], {name: {"path": str(path)} for name, path in loras.items()}, compile=True)
    loaded, pipe = generator.pipeline("t2v")
    adapters = loaded.loras
    assert adapters is not None and adapters.hotswap and adapters.slot == "anime" and adapters.loads == 1
    assert set(pipe.transformer.peft_config) == {"active"}
    assert all(block._compiled_call_impl is not None for block in pipe.transformer.blocks)
    before = pipe.transformer.blocks[0].attn1.to_q.lora_B["active"].weight.clone()

    adapters.activate(pipe, [("noir", 0.5)])
    assert adapters.slot == "noir" and adapters.loads == 2 and set(pipe.transformer.peft_config) == {"active"}
    assert not torch.equal(pipe.transformer.blocks[0].attn1.to_q.lora_B["active"].weight, before)  # swapped in place
    with pytest.raises(InvalidInput, match="one LoRA at a time"):
        adapters.activate(pipe, [("noir", 1.0), ("anime", 1.0)])
