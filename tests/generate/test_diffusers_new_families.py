"""Wan 2.2 A14B, LTX-2 (with its sound) and HunyuanVideo 1.5 end to end on tiny random pipelines.

Each folder is built and saved by ``tiny_pipelines``, detected from its configs and run by
reelforge's real loading and generation code on the CPU; clips are probed with PyAV.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch", reason="needs the [models] extra (torch)")
pytest.importorskip("diffusers", reason="needs the [models] extra (diffusers)")

import av  # noqa: E402
from PIL import Image  # noqa: E402

from reelforge.errors import Cancelled, InvalidInput  # noqa: E402
from reelforge.generate.base import GenerateRequest  # noqa: E402
from reelforge.generate.diffusers_backend import MIX_RATE, DiffusersGenerator, GenerationShape  # noqa: E402
from reelforge.progress import CancelToken  # noqa: E402
from reelforge.settings import Settings  # noqa: E402

pytestmark = pytest.mark.models

TINY = GenerationShape(size=(32, 32), fps=16, max_shot_frames=9)


def _generator(model: Path, **settings: object) -> DiffusersGenerator:
    return DiffusersGenerator(Settings(_env_file=None, model=str(model), **settings), shape=TINY)  # type: ignore[call-arg]


def _request(**fields: object) -> GenerateRequest:
    values: dict[str, object] = {"prompt": "a red car on a street at night", "seconds": 9 / 16, "width": 48,
                                 "height": 32, "fps": 16, "seed": 3, "steps": 2}
    values.update(fields)
    return GenerateRequest(**values)  # type: ignore[arg-type]


def _still(path: Path) -> Path:
    Image.fromarray(np.random.default_rng(0).integers(0, 256, (40, 40, 3), dtype=np.uint8)).save(path)
    return path


@pytest.mark.parametrize(("fixture", "family"), [("wan_a14b", "wan22_a14b"), ("ltx2", "ltx2"),
                                                 ("hunyuan15", "hunyuan15")])
def test_each_new_family_is_detected_and_encodes_h264_with_progress_per_step(
        tiny: dict[str, Path], tmp_path: Path, fixture: str, family: str) -> None:
    reports: list[float] = []
    out = tmp_path / "clip.mp4"
    clip = _generator(tiny[fixture]).generate(_request(steps=3), out, reports.append)

    with av.open(str(out)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.name, stream.width, stream.height) == ("h264", 48, 32)
        assert sum(1 for _ in container.decode(video=0)) == 9
    assert clip.provenance["family"] == family and clip.provenance["frames_per_shot"] == [9]
    assert [r for r in reports if r <= 0.9] == pytest.approx([0.3, 0.6, 0.9])  # one report per step
    assert reports[-1] == 1.0


def test_wan_a14b_runs_both_experts(tiny: dict[str, Path], tmp_path: Path) -> None:
    generator = _generator(tiny["wan_a14b"])
    pipe = generator.pipeline("t2v")[1]
    calls = {"high": 0, "low": 0}
    pipe.transformer.register_forward_pre_hook(lambda *_: calls.__setitem__("high", calls["high"] + 1))
    pipe.transformer_2.register_forward_pre_hook(lambda *_: calls.__setitem__("low", calls["low"] + 1))
    generator.generate(_request(steps=4), tmp_path / "clip.mp4", lambda _: None)
    assert calls["high"] > 0 and calls["low"] > 0  # the schedule crosses the boundary: both experts denoise


def test_ltx2_sound_becomes_the_clips_own_audio_stream_at_the_mix_rate(tiny: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "clip.mp4"
    clip = _generator(tiny["ltx2"]).generate(_request(), out, lambda _: None)

    with av.open(str(out)) as container:
        audio = container.streams.audio[0]
        assert audio.codec_context.name == "aac" and audio.rate == MIX_RATE
        samples = np.concatenate([frame.to_ndarray().reshape(-1) for frame in container.decode(audio=0)])
    assert np.sqrt(np.mean(samples[:2000] ** 2)) > 1e-3  # the model's sound, not silence
    assert clip.provenance["audio"] == {"source": "model", "model_rate": 16000, "rate": MIX_RATE}


@pytest.mark.parametrize("fixture", ["ltx2", "hunyuan15_i2v"])
def test_image_to_video_from_a_still(tiny: dict[str, Path], tmp_path: Path, fixture: str) -> None:
    still = _still(tmp_path / "still.png")
    clip = _generator(tiny[fixture]).generate(_request(image=still), tmp_path / "clip.mp4", lambda _: None)
    assert clip.provenance["kind"] == "i2v"
    with av.open(str(clip.path)) as container:
        assert sum(1 for _ in container.decode(video=0)) == 9


@pytest.mark.parametrize("fixture", ["wan_a14b", "hunyuan15"])
def test_a_text_only_checkpoint_refuses_a_still(tiny: dict[str, Path], tmp_path: Path, fixture: str) -> None:
    with pytest.raises(InvalidInput, match="cannot animate a still") as caught:
        _generator(tiny[fixture]).generate(_request(image=_still(tmp_path / "s.png")), tmp_path / "c.mp4",
                                           lambda _: None)
    assert caught.value.field == "image"


def test_hunyuan_without_a_step_callback_still_cancels_between_steps(tiny: dict[str, Path], tmp_path: Path) -> None:
    token = CancelToken()
    reports: list[float] = []

    def progress(fraction: float) -> None:
        reports.append(fraction)
        token.cancel()

    with pytest.raises(Cancelled):
        _generator(tiny["hunyuan15"]).generate(_request(steps=4), tmp_path / "clip.mp4", progress, token)
    assert reports == [pytest.approx(0.225)] and list(tmp_path.iterdir()) == []
