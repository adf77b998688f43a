"""Tiny randomly initialised pipelines of each diffusers family, built once per test session."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Folders in diffusers layout: every family reelforge runs (Wan 2.1/2.2, LTX, LTX-2, HunyuanVideo 1.5, CogVideoX)."""
    pytest.importorskip("torch", reason="needs the [models] extra (torch)")
    pytest.importorskip("diffusers", reason="needs the [models] extra (diffusers)")
    helper = importlib.import_module("tests.generate.tiny_pipelines")
    root = tmp_path_factory.mktemp("tiny-models")
    return {
        "wan": helper.save_tiny_wan(root / "wan-t2v"),
        "wan_ti2v": helper.save_tiny_wan(root / "wan-ti2v", image_to_video=True),
        "ltx": helper.save_tiny_ltx(root / "ltx"),
        "cogvideox": helper.save_tiny_cogvideox(root / "cogvideox"),
        "wan_a14b": helper.save_tiny_wan_a14b(root / "wan-a14b"),
        "ltx2": helper.save_tiny_ltx2(root / "ltx2"),
        "ltx2_upsampler": helper.save_tiny_ltx2(root / "ltx2-upsampler", latent_upsampler=True),
        "hunyuan15": helper.save_tiny_hunyuan15(root / "hunyuan15"),
        "hunyuan15_i2v": helper.save_tiny_hunyuan15(root / "hunyuan15-i2v", image_to_video=True),
    }


@pytest.fixture(scope="session")
def long_video(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The long-video families' folders: SkyReels-V2 diffusion forcing and Wan 2.1 image-to-video."""
    pytest.importorskip("torch", reason="needs the [models] extra (torch)")
    pytest.importorskip("diffusers", reason="needs the [models] extra (diffusers)")
    helper = importlib.import_module("tests.generate.tiny_long_video")
    root = tmp_path_factory.mktemp("long-video-models")
    return {"skyreels": helper.save_tiny_skyreels(root / "skyreels-df"), "wan_i2v": helper.save_tiny_wan_i2v(root / "wan-i2v")}
