"""Speed options on tiny pipelines: each cache really hooks in and changes the computation."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch", reason="needs the [models] extra (torch)")
pytest.importorskip("diffusers", reason="needs the [models] extra (diffusers)")

import av  # noqa: E402

from reelforge.errors import InvalidInput  # noqa: E402
from reelforge.generate.base import GenerateRequest  # noqa: E402
from reelforge.generate.diffusers_backend import DiffusersGenerator, GenerationShape  # noqa: E402
from reelforge.settings import Settings  # noqa: E402

pytestmark = pytest.mark.models

TINY = GenerationShape(size=(32, 32), fps=16, max_shot_frames=9)


def _generator(model: Path, **settings: object) -> DiffusersGenerator:
    return DiffusersGenerator(Settings(_env_file=None, model=str(model), **settings), shape=TINY)  # type: ignore[call-arg]


def _clip(generator: DiffusersGenerator, out: Path) -> np.ndarray:
    request = GenerateRequest(prompt="a bird flies over the sea", seconds=9 / 16, width=32, height=32, fps=16,
                              seed=5, steps=6)
    generator.generate(request, out, lambda _: None)
    with av.open(str(out)) as container:
        return np.stack([f.to_ndarray(format="rgb24") for f in container.decode(video=0)]).astype(np.int16)


@pytest.mark.parametrize(("family", "cache"), [("ltx", "pab"), ("cogvideox", "pab"), ("cogvideox", "first_block"),
                                               pytest.param("cogvideox", "faster", marks=pytest.mark.filterwarnings(
                                                   "ignore:torch.meshgrid:UserWarning"))])
def test_a_step_cache_reuses_work_and_so_changes_the_result(
        tiny: dict[str, Path], tmp_path: Path, family: str, cache: str) -> None:
    plain = _clip(_generator(tiny[family]), tmp_path / "plain.mp4")
    cached = _clip(_generator(tiny[family], step_cache=cache), tmp_path / "cached.mp4")
    assert np.abs(plain - cached).mean() > 0.5  # same seed: only skipped computation can differ


@pytest.mark.parametrize(("cache", "hook"), [("first_block", "fbc_block_hook"), ("pab", "pyramid_attention_broadcast")])
def test_wan_blocks_carry_the_cache_hooks(tiny: dict[str, Path], cache: str, hook: str) -> None:
    # Wan's tiny VAE hides small latent changes in pixels, so check the hooks themselves.
    transformer = _generator(tiny["wan"], step_cache=cache).pipeline("t2v")[1].transformer
    hooked = [name for name, module in transformer.named_modules()
              if hook in getattr(getattr(module, "_diffusers_hook", None), "hooks", {})]
    assert hooked, f"no {hook} on any module"


@pytest.mark.parametrize("family", ["wan", "ltx"])
def test_faster_cache_is_refused_where_diffusers_cannot_run_it(tiny: dict[str, Path], family: str) -> None:
    with pytest.raises(InvalidInput, match="'faster' works with CogVideoX only") as caught:
        _generator(tiny[family], step_cache="faster").pipeline("t2v")
    assert caught.value.field == "step_cache"


def test_an_unknown_attention_backend_names_the_setting(tiny: dict[str, Path]) -> None:
    with pytest.raises(InvalidInput, match="attention_backend") as caught:
        _generator(tiny["ltx"], attention_backend="warp-drive").pipeline("t2v")
    assert caught.value.field == "attention_backend"


def test_the_native_attention_backend_runs(tiny: dict[str, Path], tmp_path: Path) -> None:
    generator = _generator(tiny["ltx"], attention_backend="native")
    assert len(_clip(generator, tmp_path / "clip.mp4")) == 9
    processor = generator.loaded_pipeline.transformer.transformer_blocks[0].attn1.processor
    assert str(processor._attention_backend.value) == "native"


def test_compile_wraps_the_repeated_blocks(tiny: dict[str, Path]) -> None:
    # Compilation itself runs on the first call (minutes on a CPU): check it is armed only.
    transformer = _generator(tiny["wan"], compile=True).pipeline("t2v")[1].transformer
    assert all(block._compiled_call_impl is not None for block in transformer.blocks)
    assert transformer._compiled_call_impl is None


def test_a_kernel_hub_attention_backend_is_refused_offline(tiny: dict[str, Path]) -> None:
    with pytest.raises(InvalidInput, match="'flash_hub' downloads its kernel at run time") as caught:
        _generator(tiny["ltx"], attention_backend="flash_hub").pipeline("t2v")
    assert caught.value.field == "attention_backend"
