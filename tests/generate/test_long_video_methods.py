"""The families' long-video methods on tiny random pipelines: SkyReels-V2 diffusion forcing makes a
long shot in one call; Wan 2.1 image-to-video ends on a given last frame; others refuse it by field."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch", reason="needs the [models] extra (torch)")
pytest.importorskip("diffusers", reason="needs the [models] extra (diffusers)")

from reelforge.errors import InvalidInput  # noqa: E402
from reelforge.generate._long_video import DiffusionForcing, diffusion_forcing_for  # noqa: E402
from reelforge.generate.base import GenerateRequest  # noqa: E402
from reelforge.generate.diffusers_backend import DiffusersGenerator, GenerationShape  # noqa: E402
from reelforge.progress import no_progress  # noqa: E402
from reelforge.settings import Settings  # noqa: E402
from tests.generate.test_color_match import decoded  # noqa: E402
from tests.generate.tiny_long_video import save_tiny_skyreels, save_tiny_wan_i2v  # noqa: E402

pytestmark = pytest.mark.models

SHAPE = GenerationShape(size=(32, 32), fps=16, max_shot_frames=9)


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("long-video-models")
    return {"skyreels": save_tiny_skyreels(root / "skyreels-df"), "wan_i2v": save_tiny_wan_i2v(root / "wan-i2v")}


def _generator(model: Path) -> DiffusersGenerator:
    return DiffusersGenerator(Settings(_env_file=None, model=str(model)), shape=SHAPE)  # type: ignore[call-arg]


def _still(path: Path, seed: int) -> Path:
    from PIL import Image

    Image.fromarray(np.random.default_rng(seed).integers(0, 256, (48, 48, 3), dtype=np.uint8)).save(path)
    return path


def test_diffusion_forcing_makes_a_long_shot_in_one_call_with_overlapping_windows(
        folders: dict[str, Path], tmp_path: Path) -> None:
    request = GenerateRequest(prompt="a red car on a street", seconds=25 / 16, width=32, height=32, fps=16, steps=2)
    clip = _generator(folders["skyreels"]).generate(request, tmp_path / "df.mp4", no_progress)
    record = clip.provenance
    assert record["family"] == "skyreels" and record["pipeline"] == "SkyReelsV2DiffusionForcingPipeline"
    assert record["shots"] == 1 and record["frames_per_shot"] == [25]   # not three chained 9-frame shots
    assert record["long_video"] == {"method": "diffusion_forcing", "base_frames": 9, "overlap_frames": 4,
                                    "causal_block_size": 1, "ar_step": 0, "last_image": False}
    assert len(decoded(tmp_path / "df.mp4")) == 25


def test_the_forcing_arguments_follow_skyreels_recommendations() -> None:
    class SkyReelsV2DiffusionForcingPipeline:  # only the class name is looked at
        pass

    forcing = diffusion_forcing_for(SkyReelsV2DiffusionForcingPipeline(), temporal=4)
    assert forcing == DiffusionForcing(base_frames=97, overlap_frames=17, causal_block_size=5)  # 25 latents
    assert forcing.arguments(481, fps=24) == {"base_num_frames": 97, "overlap_history": 17, "addnoise_condition": 20.0,
                                              "ar_step": 0, "causal_block_size": 5, "fps": 24}
    assert "overlap_history" not in forcing.arguments(97, fps=24)
    small = diffusion_forcing_for(SkyReelsV2DiffusionForcingPipeline(), temporal=4, window_frames=9)
    assert small is not None and small.causal_block_size == 1  # 3 latent frames: blocks of 1
    assert diffusion_forcing_for(object(), temporal=4) is None


def test_wan_21_image_to_video_ends_on_the_given_last_frame(folders: dict[str, Path], tmp_path: Path) -> None:
    generator = _generator(folders["wan_i2v"])
    start, end = _still(tmp_path / "start.png", 1), _still(tmp_path / "end.png", 2)
    base = GenerateRequest(prompt="a red car", seconds=9 / 16, width=32, height=32, fps=16, steps=2, image=start)
    plain = generator.generate(base, tmp_path / "plain.mp4", no_progress)
    ended = generator.generate(GenerateRequest(**{**base.__dict__, "last_image": end}), tmp_path / "ended.mp4",
                               no_progress)
    assert plain.provenance["long_video"]["last_image"] is False and ended.provenance["long_video"]["last_image"]
    assert not np.array_equal(decoded(tmp_path / "plain.mp4"), decoded(tmp_path / "ended.mp4"))


def test_a_family_without_an_end_frame_refuses_it_by_field(tiny: dict[str, Path], tmp_path: Path) -> None:
    still = _still(tmp_path / "s.png", 3)
    request = GenerateRequest(prompt="a red car", seconds=9 / 16, width=32, height=32, fps=16, steps=2,
                              image=still, last_image=still)
    with pytest.raises(InvalidInput) as caught:
        _generator(tiny["wan_ti2v"]).generate(request, tmp_path / "x.mp4", no_progress)
    assert caught.value.field == "last_image"
