"""describe_models: configured folders, the on-disk HF cache, and life without torch."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch", reason="needs the [models] extra (torch)")
pytest.importorskip("diffusers", reason="needs the [models] extra (diffusers)")

import huggingface_hub.constants  # noqa: E402

from reelforge.generate.diffusers_backend import describe_models  # noqa: E402
from reelforge.settings import Settings  # noqa: E402

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def tiny_wan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = importlib.util.spec_from_file_location("tiny_pipelines", Path(__file__).with_name("tiny_pipelines.py"))
    assert spec is not None and spec.loader is not None
    helper = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(helper)
    return helper.save_tiny_wan(tmp_path_factory.mktemp("inventory") / "wan")


def _as_hub_cache(model: Path, cache: Path, repo_id: str) -> None:
    """Lay ``model`` out the way huggingface_hub stores a download (blobs + snapshot links)."""
    repo = cache / f"models--{repo_id.replace('/', '--')}"
    snapshot = repo / "snapshots" / "0123abcd"
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text("0123abcd")
    for index, path in enumerate(p for p in model.rglob("*") if p.is_file()):
        blob = repo / "blobs" / f"blob{index:04d}"
        blob.parent.mkdir(exist_ok=True)
        shutil.copyfile(path, blob)
        link = snapshot / path.relative_to(model)
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(os.path.relpath(blob, link.parent))


def test_configured_folders_and_cached_pipelines_are_listed_with_their_family(
        tiny_wan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _as_hub_cache(tiny_wan, tmp_path / "hub", "tiny/wan-t2v")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    # scan_cache_dir reads the name it imported: patch it too, whoever imported that module first.
    monkeypatch.setattr("huggingface_hub.utils._cache_manager.HF_HUB_CACHE", str(tmp_path / "hub"))
    report = describe_models(Settings(_env_file=None, model=str(tiny_wan)))  # type: ignore[call-arg]

    assert "diffusers" in report["backends"] and report["device"]["type"] == "cpu"
    assert report["versions"]["diffusers"] and report["versions"]["torch"]
    [local] = report["local_models"]
    assert local["family"] == "wan" and local["size_bytes"] > 10_000 and local["text_to_video"] is True
    [cached] = report["hf_cache"]
    assert cached["id"] == "tiny/wan-t2v" and cached["family"] == "wan" and cached["pipeline"] == "WanPipeline"
    assert cached["diffusers_pipeline"] is True
    assert cached["size_bytes"] == local["size_bytes"]


def test_without_torch_the_report_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "torch", None)
    report = describe_models(Settings(_env_file=None))  # type: ignore[call-arg]
    assert report["backends"] == ["preview"]
    assert report["diffusers"]["available"] is False and "reelforge[models]" in report["diffusers"]["reason"]


def test_each_configured_model_lists_its_weights_memory_per_setting_from_its_headers(tiny_wan: Path) -> None:
    from safetensors import safe_open

    report = describe_models(Settings(_env_file=None, model=str(tiny_wan), dtype="bfloat16"))  # type: ignore[call-arg]
    [local] = report["local_models"]
    memory = local["memory"]
    with safe_open(str(next((tiny_wan / "transformer").glob("*.safetensors"))), "pt") as handle:
        transformer_params = sum(int(np.prod(handle.get_slice(key).get_shape())) for key in handle.keys())
    assert memory["components"]["transformer"] == transformer_params
    weights = memory["weights_gib"]
    total_bytes = sum(memory["components"].values()) * 2 + memory["components"]["vae"] * 2  # the Wan VAE in float32
    assert weights["default"] == round(total_bytes / 2**30, 2)
    assert weights["fp8"] <= weights["default"] and weights["group_offload"] <= weights["default"]
    assert memory["fits"] is None and memory["gpu_gib"] is None  # no GPU here: nothing to fit
    assert local["label"] == "Wan 2.1" and local["lora"] is True


def test_the_fitting_setting_is_the_first_whose_weights_leave_room() -> None:
    from reelforge.generate._diffusers_memory import fitting_setting

    estimate = {"weights_gib": {"default": 30.0, "fp8": 17.0, "group_offload": 3.0, "fp8_group_offload": 2.0}}
    assert fitting_setting(estimate, 80.0) == "default"
    assert fitting_setting(estimate, 24.0) == "fp8"        # 17 * 1.25 + 2 = 23.25
    assert fitting_setting(estimate, 8.0) == "group_offload"
    assert fitting_setting(estimate, 2.0) is None
