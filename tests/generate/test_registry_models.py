"""The registry keeps one diffusers model warm per process: asking for another frees the first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reelforge.generate import forget_generators, get_generator
from reelforge.generate.base import GenerateRequest
from reelforge.settings import Settings

pytestmark = pytest.mark.models


@pytest.fixture(autouse=True)
def _fresh_registry() -> Iterator[None]:
    forget_generators()
    yield
    forget_generators()


def test_switching_models_unloads_the_previous_pipeline(tiny: dict[str, Path], tmp_path: Path) -> None:
    from reelforge.generate.diffusers_backend import DiffusersGenerator, GenerationShape

    settings = Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    first = get_generator(str(tiny["wan"]), settings)
    assert isinstance(first, DiffusersGenerator)
    first.shape = GenerationShape(size=(32, 32), fps=16, max_shot_frames=9)
    first.generate(GenerateRequest(prompt="a lake", seconds=0.5, width=32, height=32, fps=16, steps=2),
                   tmp_path / "a.mp4", lambda _: None)
    assert first.loaded_pipeline is not None
    assert get_generator(str(tiny["wan"]), settings) is first  # the same model stays warm
    second = get_generator(str(tiny["ltx"]), settings)
    assert second is not first
    assert first.loaded_pipeline is None  # the old model's memory was given back
