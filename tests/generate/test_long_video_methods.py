"""The families' long-video methods on tiny random pipelines: SkyReels-V2 diffusion forcing makes a
long shot in one call; LTX-2 continues each shot from the previous one's last frames; Wan 2.1
image-to-video ends on a given last frame; others refuse it by field."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

pytest.importorskip("torch", reason="needs the [models] extra (torch)")
pytest.importorskip("diffusers", reason="needs the [models] extra (diffusers)")

from reelforge.errors import InvalidInput  # noqa: E402
from reelforge.generate._color_match import join_difference  # noqa: E402
from reelforge.generate._diffusers_families import FAMILIES, Capabilities  # noqa: E402
from reelforge.generate._family_ltx2 import shot_audio  # noqa: E402
from reelforge.generate._long_video import (  # noqa: E402
    DiffusionForcing,
    FrameConditioning,
    diffusion_forcing_for,
    frame_conditioning_for,
)
from reelforge.generate.base import GenerateRequest  # noqa: E402
from reelforge.generate.diffusers_backend import DiffusersGenerator, GenerationShape  # noqa: E402
from reelforge.progress import no_progress  # noqa: E402
from reelforge.settings import Settings  # noqa: E402
from tests.generate.test_color_match import BOUND, decoded  # noqa: E402
from tests.generate.tiny_long_video import giving_back_conditioning  # noqa: E402

pytestmark = pytest.mark.models

SHAPE = GenerationShape(size=(32, 32), fps=16, max_shot_frames=9)


def _generator(model: Path) -> DiffusersGenerator:
    return DiffusersGenerator(Settings(_env_file=None, model=str(model)), shape=SHAPE)  # type: ignore[call-arg]


def _still(path: Path, seed: int) -> Path:
    from PIL import Image

    Image.fromarray(np.random.default_rng(seed).integers(0, 256, (48, 48, 3), dtype=np.uint8)).save(path)
    return path


def test_diffusion_forcing_makes_a_long_shot_in_one_call_with_overlapping_windows(
        long_video: dict[str, Path], tmp_path: Path) -> None:
    request = GenerateRequest(prompt="a red car on a street", seconds=25 / 16, width=32, height=32, fps=16, steps=2)
    clip = _generator(long_video["skyreels"]).generate(request, tmp_path / "df.mp4", no_progress)
    record = clip.provenance
    assert record["family"] == "skyreels" and record["pipeline"] == "SkyReelsV2DiffusionForcingPipeline"
    assert record["shots"] == 1 and record["frames_per_shot"] == [25]   # not three chained 9-frame shots
    assert record["long_video"] == {"method": "diffusion_forcing", "base_frames": 9, "overlap_frames": 4,
                                    "causal_block_size": 1, "ar_step": 0, "frames_made": [25],
                                    "dropped_per_shot": [0], "last_image": False}
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
    # image-to-video calls make whole windows: 25 latent frames, then 20 more a window
    assert [forcing.whole_windows(frames, 4) for frames in (81, 97, 101, 161, 177, 181)] == [81, 97, 177, 177, 177,
                                                                                              257]


def test_image_to_video_forcing_makes_whole_windows_and_keeps_the_asked_frames(
        long_video: dict[str, Path], tmp_path: Path) -> None:
    # 13 frames from a still in 9-frame windows overlapping by one latent frame would end on a shorter
    # window, which diffusers' image-to-video forcing pipeline cannot schedule (IndexError): 17 are made
    request = GenerateRequest(prompt="a red car", seconds=13 / 16, width=32, height=32, fps=16, steps=1,
                              image=_still(tmp_path / "start.png", 5))
    made = _generator(long_video["skyreels"]).make_frames(request, no_progress)
    assert made.provenance["pipeline"] == "SkyReelsV2DiffusionForcingPipeline" and made.provenance["kind"] == "i2v"
    assert made.provenance["long_video"]["frames_made"] == [17] and [len(shot) for shot in made.shots] == [13]


def test_ltx2_continues_each_shot_from_the_previous_shots_last_frames(tiny: dict[str, Path], tmp_path: Path) -> None:
    generator = _generator(tiny["ltx2"])
    encoded: list[int] = []   # frames of each clip the VAE encodes: the conditioning frames
    vae = generator.pipeline("t2v")[1].vae
    vae.encoder.register_forward_pre_hook(lambda _module, args: encoded.append(int(args[0].shape[2])))
    # delivered at 64x64: at 32x32 the H.264 chroma of random frames moves their mean colour by ~2 units
    request = GenerateRequest(prompt="a red car on a street at night", seconds=19 / 16, width=64, height=64, fps=16,
                              seed=5, steps=1, image=_still(tmp_path / "start.png", 4))
    # the frames it is conditioned on come back first, as from the trained model (test_long_shot_joins.py)
    with giving_back_conditioning(vae, 3):
        clip = generator.generate(request, tmp_path / "ltx2.mp4", no_progress)

    record = clip.provenance
    # 9-frame shots at most: 3 conditioning frames (2 latent frames of the tiny VAE), so 7 planned + 2 re-made;
    # all 3 re-made frames are dropped (the last is the previous shot's last frame), so 7 + 6 + 6 are kept
    assert record["long_video"] == {"method": "frame_conditioning", "pipeline": "LTX2ConditionPipeline",
                                    "conditioning_frames": 3, "strength": 1.0, "frames_made": [7, 9, 9],
                                    "dropped_per_shot": [0, 3, 3], "last_image": False}
    assert record["frames_per_shot"] == [7, 7, 7] and record["kept_per_shot"] == [7, 6, 6]
    assert record["shot_join"] == "continued" and record["kind"] == "i2v"
    assert encoded == [1, 3, 3]   # the first shot starts from the still; each continued one from three frames
    frames = decoded(tmp_path / "ltx2.mp4")
    assert len(frames) == 19 and clip.duration_ms == 1188   # exactly the asked length
    steps = [float(np.abs(a.astype(np.int16) - b.astype(np.int16)).mean()) for a, b in zip(frames, frames[1:],
                                                                                             strict=False)]
    assert min(steps) > 3.0, steps   # no frame shows twice, at the joins (7 and 13) or anywhere else
    joins = [j["after"] for j in record["color_match"]["joins"]]  # type: ignore[index]
    assert len(joins) == 2 and max(joins) < BOUND
    assert max(join_difference(frames[at - 1], frames[at]) for at in (7, 13)) < BOUND


def test_frame_conditioning_takes_whole_latent_frames_from_the_end_of_the_previous_shot() -> None:
    previous = np.arange(30)[:, None, None, None] * np.ones((1, 2, 2, 3), np.uint8)
    assert FrameConditioning().previous_frames(previous, temporal=8)[:, 0, 0, 0].tolist() == list(range(13, 30))
    assert FrameConditioning().previous_frames(previous[:12], temporal=8)[:, 0, 0, 0].tolist() == list(range(3, 12))
    assert FrameConditioning().extra_frames == 16
    ltx2 = Capabilities(FAMILIES["ltx2"], "LTX2Pipeline", True, True, {})
    assert frame_conditioning_for(ltx2, temporal=8, max_frames=257) == FrameConditioning()
    assert frame_conditioning_for(ltx2, temporal=8, max_frames=9) is None   # one frame: the still, as chained
    assert frame_conditioning_for(Capabilities(FAMILIES["ltx"], "LTXPipeline", True, True, {}), 8, 257) is None


def test_the_sound_of_the_remade_frames_is_left_out() -> None:
    import torch

    rate, fps = 16000, 16
    ramp = torch.arange(9 * rate // fps, dtype=torch.float32)[None, None].repeat(1, 2, 1) / 1e5   # 9 frames
    pipe = SimpleNamespace(vocoder=SimpleNamespace(config=SimpleNamespace(output_sampling_rate=rate)))
    sound = shot_audio(pipe, SimpleNamespace(audio=ramp), frames=9, fps=fps, skip_frames=2)
    assert sound.samples.shape == (7 * rate // fps, 2)
    assert sound.samples[0, 0] == pytest.approx(2 * rate / fps / 1e5)   # starts where the kept frames start


def test_wan_21_image_to_video_ends_on_the_given_last_frame(long_video: dict[str, Path], tmp_path: Path) -> None:
    generator = _generator(long_video["wan_i2v"])
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
