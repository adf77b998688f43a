"""Speed presets and memory settings on tiny random pipelines, each bounded against the plain call.

PSNR (dB, over the decoded clip's pixels) says how far an option moves the output from the
plain call with the same seed; docs/models.md quotes these bounds.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

pytest.importorskip("torch", reason="needs the [models] extra (torch)")
pytest.importorskip("diffusers", reason="needs the [models] extra (diffusers)")

import av  # noqa: E402
import torch  # noqa: E402

from reelforge.errors import InvalidInput  # noqa: E402
from reelforge.generate.base import Clip, GenerateRequest  # noqa: E402
from reelforge.generate.diffusers_backend import DiffusersGenerator, GenerationShape  # noqa: E402
from reelforge.settings import Settings  # noqa: E402

pytestmark = pytest.mark.models

TINY = GenerationShape(size=(32, 32), fps=16, max_shot_frames=9)
helper = importlib.import_module("tests.generate.tiny_pipelines")


def _generator(model: Path, **settings: object) -> DiffusersGenerator:
    return DiffusersGenerator(Settings(_env_file=None, model=str(model), **settings), shape=TINY)  # type: ignore[call-arg]


def _clip(generator: DiffusersGenerator, out: Path, **request: Any) -> tuple[Clip, np.ndarray]:
    values: dict[str, Any] = {"prompt": "a bird flies over the sea", "seconds": 9 / 16, "width": 32, "height": 32,
                              "fps": 16, "seed": 5, "steps": 6}
    clip = generator.generate(GenerateRequest(**{**values, **request}), out, lambda _: None)
    with av.open(str(out)) as container:
        frames = np.stack([f.to_ndarray(format="rgb24") for f in container.decode(video=0)])
    return clip, frames.astype(np.float64)


_NEEDS_TORCHAO = pytest.mark.skipif(importlib.util.find_spec("torchao") is None,
                                    reason="needs the [torchao] extra")


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a - b) ** 2))
    return float("inf") if mse == 0 else 10 * np.log10(255.0**2 / mse)


@pytest.fixture(scope="module")
def plain_ltx(tiny: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    return _clip(_generator(tiny["ltx"]), tmp_path_factory.mktemp("plain") / "plain.mp4")[1]


@pytest.mark.parametrize(("settings", "bound_db", "applied"), [
    ({"speed": "balanced", "first_block_threshold": 0.5}, 28.0, None),
    ({"memory": "fp8"}, 28.0, ["fp8_layerwise_casting"]),
    ({"memory": "group_offload"}, 60.0, ["group_offload_leaf"]),
    ({"memory": "fp8_group_offload"}, 28.0, ["fp8_layerwise_casting", "group_offload_leaf"]),
    ({"text_encoder_cpu": True}, 60.0, ["text_encoder_on_cpu"]),
    pytest.param({"memory": "torchao_fp8"}, 28.0, ["torchao_float8_weight_only"], marks=_NEEDS_TORCHAO),
])
def test_each_option_stays_within_its_psnr_bound_of_the_plain_call(
        tiny: dict[str, Path], plain_ltx: np.ndarray, tmp_path: Path, settings: dict[str, object], bound_db: float,
        applied: list[str] | None) -> None:
    clip, frames = _clip(_generator(tiny["ltx"], **settings), tmp_path / "clip.mp4")
    assert psnr(frames, plain_ltx) >= bound_db
    if applied is not None:
        assert clip.provenance["memory"]["applied"] == applied


def test_balanced_caches_steps_and_so_moves_the_output_a_little(tiny: dict[str, Path], plain_ltx: np.ndarray,
                                                                tmp_path: Path) -> None:
    # A threshold the tiny model's step-to-step change falls under (0.05 suits real models' residuals).
    clip, frames = _clip(_generator(tiny["ltx"], speed="balanced", first_block_threshold=0.5), tmp_path / "clip.mp4")
    assert clip.provenance["speed"]["preset"] == "balanced"
    assert clip.provenance["speed"]["step_cache"] == "first_block"
    assert clip.provenance["speed"]["compile"] is False  # compile only pays on CUDA
    assert psnr(frames, plain_ltx) < 60.0  # steps were really skipped


def test_fp8_stores_the_transformer_in_float8(tiny: dict[str, Path]) -> None:
    transformer = _generator(tiny["ltx"], memory="fp8").pipeline("t2v")[1].transformer
    dtypes = {p.dtype for name, p in transformer.named_parameters() if name.endswith("to_q.weight")}
    assert dtypes == {torch.float8_e4m3fn}


@_NEEDS_TORCHAO
def test_torchao_fp8_stores_the_transformers_linear_weights_in_float8(tiny: dict[str, Path]) -> None:
    transformer = _generator(tiny["ltx"], memory="torchao_fp8").pipeline("t2v")[1].transformer
    weights = {name: p for name, p in transformer.named_parameters() if name.endswith("attn1.to_q.weight")}
    assert weights and all(type(p).__name__ == "Float8Tensor" for p in weights.values())
    assert all(p.qdata.dtype == torch.float8_e4m3fn for p in weights.values())


@_NEEDS_TORCHAO
def test_torchao_float8_activations_of_a_zero_row_get_a_finite_scale() -> None:
    """Wan's zero-padded prompt rows made the H200's float8 output NaN before the scale had a floor."""
    from torchao.quantization.quant_primitives import _choose_scale_float8

    from reelforge.generate._diffusers_memory import float8_config

    config = float8_config(dynamic=True)  # what runs on a GPU with float8 matmuls
    padding = torch.zeros(2, 32)
    scale = _choose_scale_float8(padding, [1, 32], torch.float8_e4m3fn, hp_value_lb=config.activation_value_lb)
    assert torch.isfinite(padding / scale).all()


def test_torchao_fp8_without_torchao_says_which_extra(tiny: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torchao.quantization", None)
    with pytest.raises(InvalidInput, match=r"^memory: torchao_fp8 needs torchao \(pip install 'reelforge\[torchao\]'\)"):
        _generator(tiny["wan"], memory="torchao_fp8").pipeline("t2v")


def test_a_request_can_ask_for_another_preset_than_the_settings(tiny: dict[str, Path], tmp_path: Path) -> None:
    generator = _generator(tiny["ltx"])
    cached, _ = _clip(generator, tmp_path / "a.mp4", speed="balanced")
    plain, _ = _clip(generator, tmp_path / "b.mp4")
    assert (cached.provenance["speed"]["step_cache"], plain.provenance["speed"]["step_cache"]) == ("first_block", "off")


@pytest.fixture(scope="module")
def fast_lora(tmp_path_factory: pytest.TempPathFactory) -> Path:
    torch.manual_seed(0)
    return helper.save_tiny_lora(tmp_path_factory.mktemp("fast") / "lightning.safetensors", helper._wan_transformer(),
                                 seed=3, strength=0.1)


def test_fast_on_wan_applies_the_distill_lora_with_its_steps_guidance_and_shift(
        tiny: dict[str, Path], fast_lora: Path, tmp_path: Path) -> None:
    generator = _generator(tiny["wan"], speed="fast",
                           loras={"lightning": {"path": str(fast_lora), "fast": True, "family": "wan"}})
    clip, frames = _clip(generator, tmp_path / "clip.mp4", steps=None)
    provenance = clip.provenance
    assert (provenance["steps"], provenance["guidance"], provenance["shift"]) == (4, 1.0, 5.0)
    assert provenance["loras"] == [{"name": "lightning", "scale": 1.0}]
    assert len(frames) == 9
    assert generator.loaded_pipeline.scheduler.config.shift == 3.0  # the folder's shift is back after the call


def test_fast_without_a_distill_lora_says_what_to_configure(tiny: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r'^speed: fast needs a LightX2V / Lightning .*"fast": true') as caught:
        _clip(_generator(tiny["wan"], speed="fast"), tmp_path / "clip.mp4")
    assert caught.value.field == "speed"


def test_fast_on_ltx2_runs_the_distilled_schedule(tiny: dict[str, Path], tmp_path: Path) -> None:
    clip, _ = _clip(_generator(tiny["ltx2"]), tmp_path / "clip.mp4", speed="fast", steps=None)
    assert (clip.provenance["steps"], clip.provenance["guidance"]) == (8, 1.0)


def test_cogvideox_has_no_fast_preset(tiny: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="^speed: CogVideoX has no few-step distillation"):
        _clip(_generator(tiny["cogvideox"]), tmp_path / "clip.mp4", speed="fast")


def test_a_gguf_transformer_loads_from_the_file_the_test_writes(tiny: dict[str, Path], tmp_path: Path) -> None:
    from diffusers import WanTransformer3DModel

    pytest.importorskip("gguf")
    transformer = WanTransformer3DModel.from_pretrained(tiny["wan"], subfolder="transformer")
    gguf_file = helper.save_tiny_gguf(tmp_path / "wan-q8_0.gguf", transformer)
    generator = _generator(tiny["wan"], gguf=str(gguf_file))
    clip, frames = _clip(generator, tmp_path / "gguf.mp4")
    _, plain = _clip(_generator(tiny["wan"]), tmp_path / "plain.mp4")
    loaded = generator.loaded_pipeline.transformer
    assert "gguf_transformer" in clip.provenance["memory"]["applied"]
    assert any(type(p).__name__ == "GGUFParameter" for p in loaded.parameters())
    assert psnr(frames, plain) >= 35.0


def test_a_missing_gguf_file_names_the_setting(tiny: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="^gguf: .* is not a file") as caught:
        _generator(tiny["wan"], gguf=str(tmp_path / "none.gguf")).pipeline("t2v")
    assert caught.value.field == "gguf"
