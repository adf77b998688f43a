"""Family rules without torch: shot planning, trained sizes, detection from configs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reelforge.errors import InvalidInput
from reelforge.generate._diffusers_families import FAMILIES, detect_model, generation_size, plan_shots


def _plan(family: str, seconds: float, temporal: int = 4) -> tuple[int, ...]:
    spec = FAMILIES[family]
    return plan_shots(round(seconds * 1000), fps=spec.fps, temporal=temporal, max_frames=spec.max_frames,
                      fixed_frames=spec.fixed_frames).frames


def test_wan_five_seconds_is_one_81_frame_shot() -> None:
    assert _plan("wan", 5.0) == (81,)


def test_wan_shots_follow_the_4k_plus_1_rule() -> None:
    assert _plan("wan", 1.0) == (17,)          # 16 frames needed -> 17
    assert _plan("wan", 0.1) == (5,)           # never fewer than one latent step


def test_longer_than_one_shot_is_split_into_shots() -> None:
    assert _plan("wan", 10.0) == (81, 81)      # 160 frames needed
    assert _plan("wan", 12.0) == (81, 81, 33)  # 192 needed: 81 + 81 + 30 rounded up to 33
    assert sum(_plan("wan", 12.0)) >= 192


def test_ltx_uses_8k_plus_1_frames_up_to_257() -> None:
    assert _plan("ltx", 5.0, temporal=8) == (121,)
    assert _plan("ltx", 10.0, temporal=8) == (241,)
    assert _plan("ltx", 20.0, temporal=8) == (257, 225)


def test_cogvideox_always_renders_its_49_frames() -> None:
    assert _plan("cogvideox", 2.0) == (49,)
    assert _plan("cogvideox", 10.0) == (49, 49)


def test_a_non_positive_duration_names_the_field() -> None:
    with pytest.raises(InvalidInput, match="seconds: must be > 0") as caught:
        plan_shots(0, fps=16, temporal=4, max_frames=81, fixed_frames=False)
    assert caught.value.field == "seconds"


@pytest.mark.parametrize(("family", "canvas", "size"), [
    ("wan", (1920, 1080), (832, 480)), ("wan", (1080, 1920), (480, 832)), ("wan", (1080, 1080), (624, 624)),
    ("ltx", (1920, 1080), (704, 480)), ("ltx", (1080, 1920), (480, 704)),
    ("cogvideox", (1080, 1920), (720, 480)),
])
def test_the_generation_size_is_the_trained_size_nearest_the_canvas_aspect(
        family: str, canvas: tuple[int, int], size: tuple[int, int]) -> None:
    assert generation_size(FAMILIES[family], *canvas) == size


def _model(folder: Path, pipeline: str, transformer: dict[str, object], vae: dict[str, object],
           **index: object) -> Path:
    for name, config in (("transformer", transformer), ("vae", vae)):
        (folder / name).mkdir(parents=True)
        (folder / name / "config.json").write_text(json.dumps(config))
    (folder / "model_index.json").write_text(json.dumps({"_class_name": pipeline, **index}))
    return folder


def test_wan_21_image_to_video_cannot_do_text_alone(tmp_path: Path) -> None:
    folder = _model(tmp_path, "WanImageToVideoPipeline",
                    {"_class_name": "WanTransformer3DModel", "in_channels": 36, "image_dim": 1280}, {"z_dim": 16})
    found = detect_model(folder)
    assert (found.family.name, found.text_to_video, found.image_to_video) == ("wan", False, True)


def test_wan_22_ti2v_does_both(tmp_path: Path) -> None:
    folder = _model(tmp_path, "WanPipeline", {"_class_name": "WanTransformer3DModel", "in_channels": 48},
                    {"z_dim": 48}, expand_timesteps=True)
    found = detect_model(folder)
    assert (found.text_to_video, found.image_to_video) == (True, True)


def test_the_family_comes_from_the_configs_not_the_name(tmp_path: Path) -> None:
    folder = _model(tmp_path / "Wan2.1-T2V-looks-like-wan", "CogVideoXPipeline",
                    {"_class_name": "CogVideoXTransformer3DModel", "in_channels": 16}, {"latent_channels": 16})
    found = detect_model(folder)
    assert (found.family.name, found.text_to_video, found.image_to_video) == ("cogvideox", True, False)


def test_an_unsupported_pipeline_is_refused_by_name(tmp_path: Path) -> None:
    folder = _model(tmp_path, "StableDiffusionPipeline", {"_class_name": "UNet2DConditionModel"}, {})
    with pytest.raises(InvalidInput, match="not a supported text-to-video pipeline.*StableDiffusionPipeline"):
        detect_model(folder)


def test_wan_22_a14b_is_known_by_its_second_expert(tmp_path: Path) -> None:
    folder = _model(tmp_path, "WanPipeline", {"_class_name": "WanTransformer3DModel", "in_channels": 16},
                    {"z_dim": 16}, transformer_2=["diffusers", "WanTransformer3DModel"], boundary_ratio=0.875)
    found = detect_model(folder)
    assert (found.family.name, found.text_to_video, found.image_to_video) == ("wan22_a14b", True, False)
    assert (found.family.fps, found.family.max_frames) == (16, 81)


def test_wan_22_ti2v_5b_has_its_own_size_and_rate(tmp_path: Path) -> None:
    folder = _model(tmp_path, "WanPipeline", {"_class_name": "WanTransformer3DModel", "in_channels": 48},
                    {"z_dim": 48}, expand_timesteps=True, transformer_2=[None, None])
    found = detect_model(folder)
    assert found.family.name == "wan22_ti2v" and (found.family.fps, found.family.max_frames) == (24, 121)
    assert generation_size(found.family, 1920, 1080) == (1280, 704)


def test_ltx2_makes_sound_and_hunyuan_15_splits_text_and_image_checkpoints(tmp_path: Path) -> None:
    ltx2 = detect_model(_model(tmp_path / "ltx2", "LTX2Pipeline", {"_class_name": "LTX2VideoTransformer3DModel"}, {}))
    assert (ltx2.family.name, ltx2.family.audio, ltx2.text_to_video, ltx2.image_to_video) == ("ltx2", True, True, True)
    assert "$10M" in ltx2.family.licence
    for task, kinds in (("t2v", (True, False)), ("i2v", (False, True))):
        found = detect_model(_model(tmp_path / task, "HunyuanVideo15Pipeline",
                                    {"_class_name": "HunyuanVideo15Transformer3DModel", "task_type": task}, {}))
        assert found.family.name == "hunyuan15" and (found.text_to_video, found.image_to_video) == kinds
    assert _plan("ltx2", 5.0, temporal=8) == (121,) and _plan("hunyuan15", 10.0) == (121, 121)


def test_every_family_states_its_authors_licence() -> None:
    assert all(family.licence for family in FAMILIES.values())
    # SkyReels-V2's LICENSE.txt (github.com/SkyworkAI/SkyReels-V2): the Skywork Community License
    assert FAMILIES["skyreels"].licence.startswith("Skywork Community License")
