"""MagCache with a stored calibration, on tiny random pipelines through reelforge's real code.

The calibration run records the model's residual magnitude ratios and stores them beside its
folder; from then on ``balanced`` (and ``REELFORGE_STEP_CACHE=mag``) skips steps with them.
Skips are counted at the transformer's last block, and the output is bounded (PSNR) against
the plain call like every other speed option (``test_diffusers_presets``).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch", reason="needs the [models] extra (torch)")
pytest.importorskip("diffusers", reason="needs the [models] extra (diffusers)")

from reelforge.errors import InvalidInput  # noqa: E402
from reelforge.generate._diffusers_inventory import describe_models  # noqa: E402
from reelforge.generate._diffusers_magcache import calibration_path  # noqa: E402
from reelforge.generate.base import GenerateRequest  # noqa: E402
from reelforge.generate.diffusers_backend import DiffusersGenerator  # noqa: E402
from reelforge.settings import Settings  # noqa: E402
from tests.generate.tiny_pipelines import save_tiny_wan, save_tiny_wan_a14b, tiny_generator, tiny_request  # noqa: E402

pytestmark = pytest.mark.models

STEPS = 10


def _request(**fields: object) -> GenerateRequest:
    return tiny_request(**{"width": 32, "height": 32, "steps": STEPS, **fields})


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a - b) ** 2))
    return float("inf") if mse == 0 else 10 * np.log10(255.0**2 / mse)


@pytest.fixture(scope="module")
def calibrated_wan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny Wan of its own (its calibration file must not reach the shared folders) and its calibration."""
    folder = save_tiny_wan(tmp_path_factory.mktemp("mag") / "wan")
    tiny_generator(folder).calibrate_mag_cache(_request())
    return folder


def _last_block_calls(generator: DiffusersGenerator) -> list[int]:
    calls: list[int] = []
    generator.pipeline("t2v")[1].transformer.blocks[-1].ffn.register_forward_hook(lambda *_: calls.append(1))
    return calls


def test_the_calibration_is_stored_beside_the_model_folder_one_ratio_per_step(calibrated_wan: Path) -> None:
    stored = json.loads(calibration_path(calibrated_wan).read_text())
    assert calibration_path(calibrated_wan) == calibrated_wan.parent / "wan.magcache.json"
    assert stored["steps"] == STEPS and len(stored["ratios"]["transformer"]) == STEPS
    assert stored["ratios"]["transformer"][0] == 1.0
    assert all(0.5 < ratio < 2.0 for ratio in stored["ratios"]["transformer"])


def test_reelforge_models_shows_the_calibration(calibrated_wan: Path) -> None:
    report = describe_models(Settings(_env_file=None, model=str(calibrated_wan)))  # type: ignore[call-arg]
    assert report["local_models"][0]["mag_cache_calibration"] == str(calibration_path(calibrated_wan))


def test_balanced_with_a_calibration_skips_steps_within_the_psnr_bound(calibrated_wan: Path) -> None:
    plain_generator = tiny_generator(calibrated_wan)
    plain_calls = _last_block_calls(plain_generator)
    plain = plain_generator.make_frames(_request(), lambda _: None).shots[0].astype(np.float64)

    cached_generator = tiny_generator(calibrated_wan, speed="balanced")
    cached_calls = _last_block_calls(cached_generator)
    made = cached_generator.make_frames(_request(), lambda _: None)

    assert made.provenance["speed"]["step_cache"] == "mag"
    assert len(plain_calls) == 2 * STEPS                   # cond and uncond every step
    assert len(cached_calls) <= STEPS                       # at least half the block stacks skipped
    moved = psnr(made.shots[0].astype(np.float64), plain)
    assert 28.0 <= moved < float("inf")                    # the presets' bound; and something was skipped


def test_a_pipeline_handed_to_a_plain_generator_loses_the_cache_an_earlier_one_left_on_it(
        calibrated_wan: Path) -> None:
    # The GPU benchmark's fp8 row read 0.006 s/step this way: the MagCache hooks of the row before stayed on.
    cached = tiny_generator(calibrated_wan, speed="balanced")
    cached.make_frames(_request(), lambda _: None)
    pipe = cached.loaded_pipeline
    assert pipe.transformer.is_cache_enabled

    plain = tiny_generator(calibrated_wan, memory="fp8")
    plain.adopt(pipe, calibrated_wan)
    calls = _last_block_calls(plain)
    made = plain.make_frames(_request(), lambda _: None)

    assert not pipe.transformer.is_cache_enabled and made.provenance["speed"]["step_cache"] == "off"
    assert len(calls) == 2 * STEPS                          # every step ran the whole network, both branches


def test_mag_without_a_calibration_says_what_to_run(tmp_path: Path) -> None:
    folder = save_tiny_wan(tmp_path / "wan")
    generator = tiny_generator(folder, step_cache="mag")
    with pytest.raises(InvalidInput, match=r"^step_cache: MagCache needs this model's calibration .*"
                                           r"reelforge models calibrate") as caught:
        generator.make_frames(_request(steps=2), lambda _: None)
    assert caught.value.field == "step_cache"
    assert tiny_generator(folder, speed="balanced").make_frames(
        _request(steps=2), lambda _: None).provenance["speed"]["step_cache"] == "first_block"  # never guessed


def test_each_wan_a14b_expert_gets_its_own_ratios(tmp_path: Path) -> None:
    folder = save_tiny_wan_a14b(tmp_path / "a14b")
    generator = tiny_generator(folder)
    generator.calibrate_mag_cache(_request())
    ratios = json.loads(calibration_path(folder).read_text())["ratios"]
    assert len(ratios["transformer"]) + len(ratios["transformer_2"]) == STEPS
    assert min(len(ratios["transformer"]), len(ratios["transformer_2"])) >= 1
    made = tiny_generator(folder, step_cache="mag").make_frames(_request(), lambda _: None)
    assert made.provenance["speed"]["step_cache"] == "mag" and len(made.shots[0]) == 9


def test_a_family_whose_blocks_diffusers_cannot_cache_is_refused(tiny: dict[str, Path]) -> None:
    with pytest.raises(InvalidInput, match="^step_cache: MagCache does not support LTX2VideoTransformer3DModel"):
        tiny_generator(tiny["ltx2"]).calibrate_mag_cache(_request(steps=2))
    assert not calibration_path(tiny["ltx2"]).exists()
