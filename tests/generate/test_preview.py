"""PreviewGenerator: real encodes probed with PyAV, and the frame function checked directly."""

from __future__ import annotations

import hashlib
from pathlib import Path

import av
import numpy as np
import pytest

from reelforge.errors import Cancelled, InvalidInput, MediaMissing
from reelforge.generate import Clip, GenerateRequest, Generator, PreviewGenerator
from reelforge.progress import CancelToken

SMALL = {"width": 320, "height": 180, "fps": 15}


def _frames(prompt: str, indices: list[int], seed: int = 7, **size: int) -> list[np.ndarray]:
    animation = PreviewGenerator().animation(GenerateRequest(prompt=prompt, seconds=2, seed=seed, **(size or SMALL)))
    return [animation.frame(i) for i in indices]


def _digest(frames: list[np.ndarray]) -> str:
    return hashlib.sha256(b"".join(f.tobytes() for f in frames)).hexdigest()


def _luma(frame: np.ndarray) -> float:
    return float((frame.astype(np.float32) @ np.asarray([0.3, 0.59, 0.11], np.float32)).mean())


def _changed_sky_pixels(prompt: str) -> int:
    """Pixels in the top quarter of the frame that change by > 20 levels within 0.2 s."""
    first, later = _frames(prompt, [10, 13])
    rows = first.shape[0] // 4
    diff = np.abs(first[:rows].astype(np.int16) - later[:rows].astype(np.int16)).max(axis=2)
    return int((diff > 20).sum())


def _probe(path: Path) -> tuple[str, int, int, int, dict[str, str]]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        frames = sum(1 for _ in container.decode(stream))
        return stream.codec_context.name, stream.width, stream.height, frames, dict(container.metadata)


def test_preview_generator_satisfies_the_generator_protocol() -> None:
    assert isinstance(PreviewGenerator(), Generator)


def test_generate_writes_an_h264_clip_that_says_it_is_a_preview(tmp_path: Path) -> None:
    fractions: list[float] = []
    request = GenerateRequest(prompt="sunset over a mountain lake", seconds=1.5, seed=3, **SMALL)
    clip = PreviewGenerator().generate(request, tmp_path / "clip.mp4", fractions.append)
    codec, width, height, frames, metadata = _probe(clip.path)
    assert (codec, width, height) == ("h264", 320, 180)
    assert abs(frames - 1.5 * 15) <= 1
    assert "preview" in metadata["comment"] and "no AI model" in metadata["comment"]
    assert "sunset over a mountain lake" in metadata["comment"]
    assert isinstance(clip, Clip)
    assert (clip.backend, clip.model, clip.seed) == ("preview", "reelforge-preview-1", 3)
    assert clip.duration_ms == round(frames * 1000 / 15)
    assert clip.provenance["scene"]["elements"] == ["mountain", "water"]
    assert fractions[-1] == 1.0
    assert all(a <= b for a, b in zip(fractions, fractions[1:], strict=False))


def test_a_full_hd_clip_is_drawn_at_half_size_and_delivered_at_1080p(tmp_path: Path) -> None:
    request = GenerateRequest(prompt="a night city with neon lights", seconds=1, width=1920, height=1080, fps=30)
    clip = PreviewGenerator().generate(request, tmp_path / "hd.mp4", lambda _: None)
    codec, width, height, frames, _ = _probe(clip.path)
    assert (codec, width, height) == ("h264", 1920, 1080)
    assert abs(frames - 30) <= 1
    assert clip.provenance["drawn_size"] == [960, 540]


def test_same_prompt_and_seed_give_bit_identical_frames() -> None:
    indices = [0, 11, 29]
    assert _digest(_frames("snowy forest at dusk", indices)) == _digest(_frames("snowy forest at dusk", indices))


def test_a_different_seed_or_prompt_gives_different_frames() -> None:
    base = _digest(_frames("snowy forest at dusk", [5]))
    assert _digest(_frames("snowy forest at dusk", [5], seed=8)) != base
    assert _digest(_frames("snowy forest at dusk!", [5])) != base


def test_frames_move_over_time() -> None:
    first, later = _frames("a sunset over a mountain lake with drifting clouds", [0, 25])
    assert np.abs(first.astype(np.int16) - later.astype(np.int16)).mean() > 1.0


def test_different_scenes_look_clearly_different() -> None:
    prompts = ["a sunset over a lake", "a city at night", "a snowy forest on a winter day"]
    frames = {p: _frames(p, [10])[0] for p in prompts}
    means = {p: f.reshape(-1, 3).mean(axis=0) for p, f in frames.items()}
    for i, a in enumerate(prompts):
        for b in prompts[i + 1:]:
            histogram_a = np.histogram(frames[a], bins=16, range=(0, 256))[0] / frames[a].size
            histogram_b = np.histogram(frames[b], bins=16, range=(0, 256))[0] / frames[b].size
            assert np.abs(means[a] - means[b]).max() > 25, (a, b, means[a], means[b])
            assert np.abs(histogram_a - histogram_b).sum() > 0.5, (a, b)
    sunset = means["a sunset over a lake"]
    assert sunset[0] > sunset[2]                      # a sunset is warm
    assert _luma(frames["a city at night"]) < 60      # a night city is dark


def test_night_is_darker_than_day() -> None:
    night, day = _frames("a mountain lake at night", [5])[0], _frames("a mountain lake in the day", [5])[0]
    assert _luma(night) < _luma(day) / 2


def test_snow_and_rain_are_moving_particles() -> None:
    calm = _changed_sky_pixels("a forest on a winter day")
    assert _changed_sky_pixels("snow falling on a forest on a winter day") > max(10 * calm, 25)
    city = _changed_sky_pixels("a city at dusk")
    assert _changed_sky_pixels("rain over a city at dusk") > max(10 * city, 25)


def test_chinese_and_english_prompts_make_the_same_kind_of_scene(tmp_path: Path) -> None:
    clips = [PreviewGenerator().generate(GenerateRequest(prompt=p, seconds=0.5, **SMALL), tmp_path / f"{i}.mp4",
                                         lambda _: None) for i, p in enumerate(["海边日落", "sunset at the beach"])]
    assert clips[0].provenance["scene"] == clips[1].provenance["scene"]
    a, b = (_frames(p, [4])[0].reshape(-1, 3).mean(axis=0) for p in ("海边日落", "sunset at the beach"))
    assert np.abs(a - b).max() < 20


def test_cancelling_raises_and_leaves_no_file(tmp_path: Path) -> None:
    token, out = CancelToken(), tmp_path / "cancelled.mp4"

    def progress(fraction: float) -> None:
        if fraction > 0.3:
            token.cancel()

    with pytest.raises(Cancelled):
        PreviewGenerator().generate(GenerateRequest(prompt="rain in the city", seconds=2, **SMALL), out,
                                    progress, token)
    assert not out.exists()


@pytest.mark.parametrize(("field", "change"), [("seconds", {"seconds": 0}), ("width", {"width": 321}),
                                                ("fps", {"fps": 0}), ("prompt", {"prompt": "  "})])
def test_invalid_requests_name_the_field(tmp_path: Path, field: str, change: dict[str, object]) -> None:
    request = GenerateRequest(**{"prompt": "a lake", **SMALL, **change})  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as caught:
        PreviewGenerator().generate(request, tmp_path / "x.mp4", lambda _: None)
    assert caught.value.field == field
    assert not (tmp_path / "x.mp4").exists()


def _write_still(path: Path, width: int, height: int) -> np.ndarray:
    """A PNG with a diagonal gradient and a bright block, written with PyAV."""
    y, x = np.mgrid[0:height, 0:width]
    pixels = np.stack([x * 255 // width, y * 255 // height, (x + y) * 127 // (width + height)], axis=2)
    pixels[height // 4:height // 2, width // 5:width // 2] = (250, 250, 40)
    pixels = pixels.astype(np.uint8)
    with av.open(str(path), "w", format="image2") as container:
        stream = container.add_stream("png")
        stream.width, stream.height, stream.pix_fmt = width, height, "rgb24"
        for packet in stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")):
            container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return pixels


def test_image_to_video_animates_the_given_still(tmp_path: Path) -> None:
    still = _write_still(tmp_path / "still.png", 600, 1000)
    request = GenerateRequest(prompt="snow", seconds=1, width=256, height=448, fps=15, image=tmp_path / "still.png")
    animation = PreviewGenerator().animation(request)
    fitted = animation.still.astype(np.float32).ravel()   # type: ignore[union-attr]
    for index in (0, 14):
        frame = animation.frame(index).astype(np.float32).ravel()
        assert np.corrcoef(frame, fitted)[0, 1] > 0.8
        assert np.corrcoef(frame, fitted[::-1])[0, 1] < 0.5
    assert not np.array_equal(animation.frame(0), animation.frame(14))   # the camera moves
    assert still.shape == (1000, 600, 3)
    clip = PreviewGenerator().generate(request, tmp_path / "i2v.mp4", lambda _: None)
    codec, width, height, frames, _ = _probe(clip.path)
    assert (codec, width, height, frames) == ("h264", 256, 448, 15)
    assert clip.provenance["image"] == str(tmp_path / "still.png")


def test_a_missing_still_is_reported(tmp_path: Path) -> None:
    request = GenerateRequest(prompt="a lake", seconds=1, image=tmp_path / "nope.png", **SMALL)
    with pytest.raises(MediaMissing):
        PreviewGenerator().generate(request, tmp_path / "x.mp4", lambda _: None)


@pytest.mark.parametrize("prompt", [
    "a coffee shop on a rainy evening", "热闹的夜市", "campfire under the stars with aurora",
    "fireworks over the harbor", "sand dunes at sunrise", "a field of flowers at golden hour",
    "misty mountains at dawn", "宇宙中的银河", "snow in the city at night", "waves on a beach at noon",
])
def test_every_kind_of_scene_draws_a_lively_frame(prompt: str) -> None:
    first, later = _frames(prompt, [3, 20])
    assert first.shape == (180, 320, 3) and first.dtype == np.uint8
    assert first.std() > 8                                                  # not a flat fill
    assert np.abs(first.astype(np.int16) - later.astype(np.int16)).max() > 30  # something moves


def test_a_coffee_shop_is_warm_indoors_with_a_window_onto_the_sky() -> None:
    frame = _frames("a cozy coffee shop on a rainy evening", [5])[0].astype(np.float32)
    wall, window = frame[:, :20].reshape(-1, 3).mean(axis=0), frame[40:110, 80:240].reshape(-1, 3).mean(axis=0)
    assert wall[0] > wall[2] * 1.4                   # the wall is warm brown
    assert np.abs(wall - window).max() > 15          # the window shows something else


def _decoded(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [frame.to_ndarray(format="rgb24") for frame in container.decode(video=0)]


@pytest.mark.parametrize("still", [False, True])
def test_a_multi_prompt_preview_repeats_no_frame_at_its_joins_and_lasts_the_asked_time(
        tmp_path: Path, still: bool) -> None:
    # Each segment is drawn afresh (nothing is continued from the previous frame): nothing to drop, no repeat.
    image = tmp_path / "still.png" if still else None
    if image is not None:
        _write_still(image, 320, 180)
    request = GenerateRequest(prompt="a city street in the rain at night | a sunny beach at noon", seconds=1.25,
                              width=160, height=96, fps=12, seed=3, image=image)
    clip = PreviewGenerator().generate(request, tmp_path / "long.mp4", lambda _: None)
    frames = _decoded(clip.path)
    assert len(frames) == 15 and clip.duration_ms == 1250   # 8 + 7 frames: 1.25 s at 12 fps
    at = 8
    steps = [float(np.abs(a.astype(np.int16) - b.astype(np.int16)).mean()) for a, b in zip(frames, frames[1:])]
    if still:   # the same still under one camera move: the join is a step of the move, as large as its neighbours'
        assert steps[at - 1] > 0.5 * min(steps[at - 2], steps[at]) > 0.2
    else:
        assert steps[at - 1] > 3.0   # a new picture, not the last one shown again


def test_a_push_in_over_a_still_goes_on_across_the_joins_of_a_multi_prompt_shot(tmp_path: Path) -> None:
    # Three prompts over one still: the camera's one move runs over the whole shot. Started again at
    # each join, the frame after a join would be the clip's first picture again (a jump back).
    image = tmp_path / "still.png"
    _write_still(image, 320, 180)
    request = GenerateRequest(prompt="a quiet garden | a quiet garden at dusk | a quiet garden at night",
                              seconds=1.5, width=160, height=96, fps=12, seed=3, image=image)
    clip = PreviewGenerator().generate(request, tmp_path / "push.mp4", lambda _: None)
    frames = [frame.astype(np.float32) for frame in _decoded(clip.path)]
    assert len(frames) == 18   # joins after frames 6 and 12
    away = [float(np.abs(frame - frames[0]).mean()) for frame in frames]   # how far the camera has moved
    steps = [b - a for a, b in zip(away, away[1:], strict=False)]
    assert away[-1] > 5.0 and all(step > -0.5 for step in steps), away   # one way, all the shot long
    for join in (6, 12):   # across a join the move goes on: the step is like its neighbours', not back
        assert away[join] > away[join - 1] and abs(steps[join - 1]) < 3 * max(abs(steps[join - 2]), 0.5), away


def test_a_pan_goes_on_across_the_joins_of_a_multi_prompt_shot_in_one_direction() -> None:
    request = GenerateRequest(prompt="a city street at night | a forest at dawn | mountains at sunset", seconds=3,
                              width=160, height=96, fps=12, seed=4)
    animations = PreviewGenerator().segment_animations(request)
    pans = [animation.camera(index / animation.fps) for animation in animations
            for index in range(animation.frame_count)]   # type: ignore[union-attr]
    steps = np.diff(pans)
    assert len(pans) == 36 and abs(pans[-1] - pans[0]) > 1.0
    assert (steps > 0).all() or (steps < 0).all()   # one way, the joins (after 12 and 24) included
    assert np.abs(steps[[11, 23]]).max() <= np.abs(steps).max()   # no jump at a join
