"""DiffusersGenerator end to end on tiny random-weight pipelines saved to disk, on the CPU.

Each family's folder is built once per module (``tiny_pipelines``), then loaded by
reelforge's real loading code; the clips are encoded with the real ffmpeg and probed
with PyAV.
"""

from __future__ import annotations

import subprocess
import sys
import weakref
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch", reason="needs the [models] extra (torch)")
pytest.importorskip("diffusers", reason="needs the [models] extra (diffusers)")

import av  # noqa: E402
import torch  # noqa: E402
from PIL import Image, ImageOps  # noqa: E402

from reelforge.errors import BackendUnavailable, Cancelled, InvalidInput  # noqa: E402
from reelforge.generate.diffusers_backend import DiffusersGenerator  # noqa: E402
from reelforge.progress import CancelToken  # noqa: E402
from reelforge.settings import Settings  # noqa: E402
from tests.generate.tiny_pipelines import random_still, tiny_generator, tiny_request  # noqa: E402

pytestmark = pytest.mark.models


def _frames(path: Path) -> np.ndarray:
    with av.open(str(path)) as container:
        return np.stack([frame.to_ndarray(format="rgb24") for frame in container.decode(video=0)])


@pytest.mark.parametrize("family", ["wan", "ltx", "cogvideox"])
def test_each_family_is_detected_and_encodes_h264_at_the_delivered_size(
        tiny: dict[str, Path], tmp_path: Path, family: str) -> None:
    out = tmp_path / "clip.mp4"
    clip = tiny_generator(tiny[family]).generate(tiny_request(), out, lambda _: None)

    with av.open(str(out)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.name, stream.width, stream.height) == ("h264", 96, 64)
    frames = _frames(out)
    assert len(frames) == 9  # 9/16 s at the generated 16 fps: every generated frame, none invented
    assert clip.provenance["family"] == family
    assert (clip.provenance["generated_width"], clip.provenance["generated_height"]) == (32, 32)
    assert clip.provenance["frames_per_shot"] == [9] and clip.provenance["shots"] == 1
    assert (clip.backend, clip.model, clip.width, clip.height) == ("diffusers", str(tiny[family]), 96, 64)
    assert clip.provenance["steps"] == 2 and clip.provenance["diffusers"] and clip.provenance["torch"]


def test_delivered_rate_differs_from_the_generated_one(tiny: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    clip = tiny_generator(tiny["wan"]).generate(tiny_request(seconds=0.5, fps=30), out, lambda _: None)
    assert len(_frames(out)) == 15 and clip.fps == 30 and clip.duration_ms == 500
    assert clip.provenance["generated_fps"] == 16


def test_progress_is_reported_once_per_denoising_step(tiny: dict[str, Path], tmp_path: Path) -> None:
    reports: list[float] = []
    tiny_generator(tiny["ltx"]).generate(tiny_request(steps=3), tmp_path / "clip.mp4", reports.append)
    denoising = [r for r in reports if r <= 0.9]
    assert denoising == pytest.approx([0.3, 0.6, 0.9])
    assert reports == sorted(reports) and reports[-1] == 1.0


def test_cancel_between_steps_stops_the_loop_and_leaves_no_file(tiny: dict[str, Path], tmp_path: Path) -> None:
    token = CancelToken()
    reports: list[float] = []

    def progress(fraction: float) -> None:
        reports.append(fraction)
        token.cancel()  # after the first step

    out = tmp_path / "clip.mp4"
    with pytest.raises(Cancelled):
        tiny_generator(tiny["wan"]).generate(tiny_request(steps=4), out, progress, token)
    assert reports == [pytest.approx(0.225)]  # one step of four, then nothing
    assert not out.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("family", ["wan_ti2v", "ltx"])
def test_image_to_video_conditions_on_the_still_cropped_to_the_generation_size(
        tiny: dict[str, Path], tmp_path: Path, family: str, monkeypatch: pytest.MonkeyPatch) -> None:
    generator = tiny_generator(tiny[family])
    vae = generator.pipeline("i2v")[1].vae
    encoded: list[torch.Tensor] = []
    original = vae.encode

    def spy(video: torch.Tensor, *args: object, **kwargs: object) -> object:
        encoded.append(video.detach().clone())
        return original(video, *args, **kwargs)

    monkeypatch.setattr(vae, "encode", spy)
    still = random_still(tmp_path / "still.png", seed=1)
    clip = generator.generate(tiny_request(image=still), tmp_path / "clip.mp4", lambda _: None)

    assert clip.provenance["kind"] == "i2v"
    assert type(generator.pipeline("i2v")[1]).__name__.endswith("ImageToVideoPipeline")
    with Image.open(still) as image:  # what reelforge promises: a centre crop, lanczos to 32x32
        expected = np.asarray(ImageOps.fit(image, (32, 32), Image.Resampling.LANCZOS), dtype=np.float32)
    first_frame = encoded[0][0, :, 0].permute(1, 2, 0).float().numpy()
    assert np.abs((first_frame + 1) * 127.5 - expected).max() < 3.0


def test_another_still_gives_another_clip(tiny: dict[str, Path], tmp_path: Path) -> None:
    # LTX's tiny VAE passes a still's texture through; Wan's tiny random VAE squeezes it to
    # nearly nothing, hence the spy above rather than pixels for Wan.
    generator = tiny_generator(tiny["ltx"])
    clips = {}
    for name, seed in (("a", 1), ("a_again", 1), ("b", 2)):
        still = random_still(tmp_path / f"{name}.png", seed=seed)
        clips[name] = _frames(generator.generate(tiny_request(image=still), tmp_path / f"{name}.mp4",
                                                 lambda _: None).path).astype(np.int16)
    assert np.abs(clips["a"] - clips["a_again"]).mean() < 0.01
    assert np.abs(clips["a"] - clips["b"]).mean() > 2.0


@pytest.mark.parametrize("family", ["wan", "cogvideox"])
def test_a_text_only_model_refuses_a_still_with_a_clear_error(
        tiny: dict[str, Path], tmp_path: Path, family: str) -> None:
    still = random_still(tmp_path / "still.png", seed=0)
    with pytest.raises(InvalidInput, match="cannot animate a still; set REELFORGE_IMAGE_MODEL") as caught:
        tiny_generator(tiny[family]).generate(tiny_request(image=still), tmp_path / "clip.mp4", lambda _: None)
    assert caught.value.field == "image" and not (tmp_path / "clip.mp4").exists()


def test_the_configured_image_model_animates_stills_for_a_text_only_model(
        tiny: dict[str, Path], tmp_path: Path) -> None:
    generator = tiny_generator(tiny["wan"], image_model=str(tiny["wan_ti2v"]))
    still = random_still(tmp_path / "still.png", seed=0)
    clip = generator.generate(tiny_request(image=still), tmp_path / "clip.mp4", lambda _: None)
    assert clip.model == str(tiny["wan_ti2v"]) and clip.provenance["kind"] == "i2v"


def test_the_warm_pipeline_is_reused_and_views_share_its_weights(tiny: dict[str, Path], tmp_path: Path) -> None:
    generator = tiny_generator(tiny["wan_ti2v"])
    generator.generate(tiny_request(), tmp_path / "a.mp4", lambda _: None)
    first = generator.loaded_pipeline
    generator.generate(tiny_request(seed=9), tmp_path / "b.mp4", lambda _: None)
    assert generator.loaded_pipeline is first
    image_view = generator.pipeline("i2v")[1]
    assert image_view is not first and image_view.transformer is first.transformer


def test_switching_models_frees_the_old_pipeline(tiny: dict[str, Path], tmp_path: Path) -> None:
    generator = tiny_generator(tiny["wan"])
    generator.generate(tiny_request(), tmp_path / "a.mp4", lambda _: None)
    old_transformer = weakref.ref(generator.loaded_pipeline.transformer)
    generator.select_model(str(tiny["ltx"]))
    assert old_transformer() is None
    clip = generator.generate(tiny_request(), tmp_path / "b.mp4", lambda _: None)
    assert clip.provenance["family"] == "ltx" and generator.loaded_pipeline.transformer is not None


@pytest.mark.parametrize(("family", "join"), [("wan", "cut"), ("ltx", "continued")])
def test_a_request_longer_than_one_shot_becomes_several_joined_shots(
        tiny: dict[str, Path], tmp_path: Path, family: str, join: str) -> None:
    out = tmp_path / "clip.mp4"
    clip = tiny_generator(tiny[family]).generate(tiny_request(seconds=1.0), out, lambda _: None)
    assert clip.provenance["shots"] == 2 and clip.provenance["shot_join"] == join
    assert clip.provenance["frames_per_shot"] == [9, 9] and clip.provenance["seeds"] == [3, 4]
    assert len(_frames(out)) == 16  # 1 s at 16 fps, trimmed from the 18 generated frames


def test_missing_torch_or_diffusers_says_how_to_install(monkeypatch: pytest.MonkeyPatch, tiny: dict[str, Path]) -> None:
    monkeypatch.setitem(sys.modules, "diffusers", None)
    with pytest.raises(BackendUnavailable, match=r"pip install 'reelforge\[models\]'"):
        DiffusersGenerator.from_settings(Settings(_env_file=None, model=str(tiny["wan"])))  # type: ignore[call-arg]


def test_importing_the_backend_does_not_import_torch() -> None:
    code = ("import sys, reelforge.generate.diffusers_backend; "
            "sys.exit(1 if {'torch', 'diffusers'} & set(sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
