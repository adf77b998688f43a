"""The generator pool keeps one diffusers model warm: asking for another frees the first, closing frees all."""

from __future__ import annotations

from pathlib import Path

import pytest

from reelforge.generate import GeneratorPool
from reelforge.generate.base import GenerateRequest
from reelforge.settings import Settings

pytestmark = pytest.mark.models


def test_switching_models_unloads_the_previous_pipeline(tiny: dict[str, Path], tmp_path: Path) -> None:
    from reelforge.generate.diffusers_backend import DiffusersGenerator, GenerationShape

    settings = Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    pool = GeneratorPool(settings)
    first = pool.get(str(tiny["wan"]))
    assert isinstance(first, DiffusersGenerator)
    first.shape = GenerationShape(size=(32, 32), fps=16, max_shot_frames=9)
    first.generate(GenerateRequest(prompt="a lake", seconds=0.5, width=32, height=32, fps=16, steps=2),
                   tmp_path / "a.mp4", lambda _: None)
    assert first.loaded_pipeline is not None
    assert pool.get(str(tiny["wan"])) is first  # the same model stays warm
    second = pool.get(str(tiny["ltx"]))
    assert second is not first
    assert first.loaded_pipeline is None  # the old model's memory was given back
    pool.close()
