"""describe_models: configured folders, the on-disk HF cache, and life without torch."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path

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
