"""Long shots on tiny random diffusers pipelines: chained shots, one prompt per segment, colour-matched joins.

Random weights give arbitrary colours from shot to shot, which is what the joins are measured on:
CIEDE2000 between the mean colours of the frames either side of each join (docs/models.md), read
back from the encoded file, with matching off and on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("torch", reason="needs the [models] extra (torch)")
pytest.importorskip("diffusers", reason="needs the [models] extra (diffusers)")

from reelforge.errors import InvalidInput  # noqa: E402
from reelforge.generate._color_match import join_difference  # noqa: E402
from reelforge.generate.base import GenerateRequest  # noqa: E402
from reelforge.generate.diffusers_backend import DiffusersGenerator, GenerationShape  # noqa: E402
from reelforge.settings import Settings  # noqa: E402
from tests.generate.test_color_match import BOUND, decoded  # noqa: E402

pytestmark = pytest.mark.models

TINY = GenerationShape(size=(32, 32), fps=16, max_shot_frames=9)


def _generate(model: Path, out: Path, prompt: str, seconds: float, **settings: object) -> tuple[list[int], dict[str, object]]:
    generator = DiffusersGenerator(Settings(_env_file=None, model=str(model), **settings), shape=TINY)  # type: ignore[call-arg]
    request = GenerateRequest(prompt=prompt, seconds=seconds, width=64, height=64, fps=16, seed=5, steps=2)
    clip = generator.generate(request, out, lambda _: None)
    frames = decoded(out)
    kept: list[int] = clip.provenance["kept_per_shot"]  # type: ignore[assignment]
    joins, at = [], 0
    for count in kept[:-1]:
        at += count
        joins.append(at)
    return [round(join_difference(frames[j - 1], frames[j]), 3) for j in joins], clip.provenance


@pytest.mark.parametrize(("family", "join"), [("wan_ti2v", "continued"), ("wan", "cut"), ("ltx", "continued")])
def test_every_join_of_a_chained_shot_is_below_the_bound(
        tiny: dict[str, Path], tmp_path: Path, family: str, join: str) -> None:
    # three 9-frame shots: a continued one drops its first frame (the previous last frame given back)
    seconds = (25 if join == "continued" else 27) / 16
    after, record = _generate(tiny[family], tmp_path / "on.mp4", "a red car on a street at night", seconds)
    before, record_off = _generate(tiny[family], tmp_path / "off.mp4", "a red car on a street at night", seconds,
                                   color_match=False)
    assert record["shots"] == 3 and record["shot_join"] == join
    assert max(after) < BOUND, (before, after)
    assert sum(after) < sum(before)
    assert [j["after"] < BOUND for j in record["color_match"]["joins"]] == [True, True]  # type: ignore[index]
    assert record_off["color_match"]["enabled"] is False  # type: ignore[index]


def test_a_multi_prompt_shot_gives_each_segment_its_prompt(tiny: dict[str, Path], tmp_path: Path) -> None:
    after, record = _generate(tiny["wan_ti2v"], tmp_path / "fox.mp4",
                              "a red car | it runs over the sea | a bird flies in the sky", 1.5)
    assert record["segments"] == ["a red car", "it runs over the sea", "a bird flies in the sky"]
    assert record["shots"] == 3 and record["seeds"] == [5, 6, 7]
    assert len(decoded(tmp_path / "fox.mp4")) == 24   # 1.5 s at 16 fps: 8 frames a segment
    assert max(after) < BOUND


def test_too_many_segments_for_the_length_is_refused_by_field(tiny: dict[str, Path], tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        _generate(tiny["wan"], tmp_path / "x.mp4", "a | b | c | d", 1.0)
    assert caught.value.field == "seconds"
