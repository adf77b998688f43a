"""No frame shows twice at a join of a long shot, and the clip keeps the asked length.

A continued shot opens with what it was conditioned on: an image-to-video model's still comes back
as its frame 0, LTX-2 re-makes its conditioning frames. The tiny random pipelines are made to give
their conditioning back exactly (``giving_back_conditioning``), as a trained model does, so a kept
repeat would show as a pair of identical frames at the join. Each way reelforge joins shots is run:
chaining from the last frame as a still (Wan 2.2 TI2V, LTX-Video), LTX-2 frame conditioning,
SkyReels-V2 diffusion forcing (overlapping windows inside a segment, a still between segments) and
Wan 2.1's first and last frame; a model without a still makes cuts and drops nothing. The whole
path to the encoded file (LTX-2 with colour matching and sound) is in test_long_video_methods.py.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch", reason="needs the [models] extra (torch)")
pytest.importorskip("diffusers", reason="needs the [models] extra (diffusers)")

from reelforge.generate.base import GenerateRequest  # noqa: E402
from reelforge.progress import no_progress  # noqa: E402
from tests.generate.tiny_long_video import giving_back_conditioning  # noqa: E402
from tests.generate.tiny_pipelines import random_still, tiny_generator  # noqa: E402

pytestmark = pytest.mark.models

FPS = 16
NEAR = 3.0   # mean absolute difference (0-255) under which two frames read as the same picture


def _difference(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a.astype(np.int16) - b.astype(np.int16)).mean())


def _request(tmp_path: Path, frames: int, prompt: str = "a red car on a street at night", *, still: bool = False,
             end: bool = False) -> GenerateRequest:
    return GenerateRequest(prompt=prompt, seconds=frames / FPS, width=32, height=32, fps=FPS, seed=5, steps=1,
                           image=random_still(tmp_path / "start.png", seed=1) if still else None,
                           last_image=random_still(tmp_path / "end.png", seed=2) if end else None)


# (folder, fixture, asked frames, prompt and stills, frames each continued call gives back, method)
JOINS = [
    ("wan_ti2v", "tiny", 17, {}, 1, "chained"),               # Wan 2.2 TI2V: 9 + 8 frames
    ("ltx", "tiny", 17, {}, 1, "chained"),                    # LTX-Video image-to-video view
    ("ltx2", "tiny", 13, {}, 3, "frame_conditioning"),        # 7 + 6, conditioned on 3 frames
    # SkyReels-V2: 9 frames a segment; the second, continued through the image-to-video view, is one call
    # of overlapping 9-frame windows (10 frames, the first a repeat, made as 17: whole windows)
    ("skyreels", "long_video", 18, {"prompt": "a red car | a bird flies over the sea"}, 1, "diffusion_forcing"),
    ("wan_i2v", "long_video", 17, {"still": True, "end": True}, 1, "chained"),   # first and last frame
    ("hunyuan15_i2v", "tiny", 17, {"still": True}, 1, "chained"),   # an image-to-video checkpoint
]


@pytest.mark.parametrize(("folder", "fixture", "frames", "fields", "given_back", "method"), JOINS,
                         ids=[case[0] for case in JOINS])
def test_a_continued_shot_drops_exactly_the_frames_that_repeat_the_previous_one(
        request: pytest.FixtureRequest, tmp_path: Path, folder: str, fixture: str, frames: int,
        fields: dict[str, object], given_back: int, method: str) -> None:
    generator = tiny_generator(request.getfixturevalue(fixture)[folder], color_match=False)
    asked = _request(tmp_path, frames, **fields)  # type: ignore[arg-type]
    with giving_back_conditioning(generator.pipeline("i2v" if asked.image else "t2v")[1].vae, given_back) as seen:
        made = generator.make_frames(asked, no_progress)

    record = made.provenance["long_video"]
    assert record["method"] == method and made.provenance["shot_join"] == "continued"
    assert sum(len(shot) for shot in made.shots) == frames   # the asked length, to the frame
    assert record["dropped_per_shot"] == [0] + [given_back] * (len(made.shots) - 1)
    if made.sounds:   # LTX-2's sound is cut with its frames: as long as the kept ones, to a sample a shot
        rate = made.sounds[0].sample_rate
        assert abs(sum(len(sound.samples) for sound in made.sounds) - frames * rate / FPS) <= len(made.shots)
    assert len(seen.calls) == len(made.shots) >= 2
    for index in range(1, len(made.shots)):
        before, raw, kept = made.shots[index - 1], seen.calls[index], made.shots[index]
        # the call gave back the end of the previous shot (the repeat a kept frame would show) ...
        assert all(_difference(raw[at], before[at - given_back]) < 1.0 for at in range(given_back))
        # ... and the shot keeps what follows it, so the join is a step forward, not a frame shown twice
        assert np.array_equal(kept, raw[given_back:given_back + len(kept)])
        assert _difference(before[-1], kept[0]) > NEAR


def test_a_model_without_a_still_cuts_and_drops_nothing(tiny: dict[str, Path], tmp_path: Path) -> None:
    made = tiny_generator(tiny["wan"]).make_frames(_request(tmp_path, 17), no_progress)
    assert made.provenance["shot_join"] == "cut" and made.provenance["frames_per_shot"] == [9, 9]
    assert made.provenance["long_video"]["dropped_per_shot"] == [0, 0]
    assert [len(shot) for shot in made.shots] == [9, 8]


@pytest.mark.parametrize(("frames", "kept"), [(15, [7, 8]), (7, [7])], ids=["two-shots", "one-shot"])
def test_a_clip_given_an_end_frame_ends_on_the_frame_its_last_shot_ends_on(
        long_video: dict[str, Path], tmp_path: Path, frames: int, kept: list[int]) -> None:
    # 15 frames: 9 + a continued 9 of which 6 (after its repeat) were wanted; the spare 2 move to the first
    # shot's tail. 7 frames: one 9-frame shot, which keeps its last 7 (its head gives up 2).
    generator = tiny_generator(long_video["wan_i2v"], color_match=False)
    asked = _request(tmp_path, frames, still=True, end=True)
    with giving_back_conditioning(generator.pipeline("i2v")[1].vae, 1) as seen:
        made = generator.make_frames(asked, no_progress)
    assert [len(shot) for shot in made.shots] == kept and sum(kept) == frames   # still the asked length
    assert made.provenance["long_video"]["last_image"] is True
    assert np.array_equal(made.shots[-1][-1], seen.calls[-1][-1])   # the frame the end-frame call ends on
    if len(made.shots) > 1:   # the join is still a step forward from the first shot's last kept frame
        assert np.array_equal(made.shots[-1], seen.calls[-1][1:]) and np.array_equal(made.shots[0], seen.calls[0][:7])
