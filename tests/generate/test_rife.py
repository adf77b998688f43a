"""RIFE (IFNet 4.6 layout) through reelforge's loading and interpolation code, on tiny random weights."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("torch", reason="needs the [models] extra (torch)")

import torch  # noqa: E402

from reelforge.errors import InvalidInput  # noqa: E402
from reelforge.generate._rife import RifeInterpolator, build_ifnet, load_ifnet  # noqa: E402
from tests.generate.test_frame_rate import frame_steps, moving_scene  # noqa: E402

pytestmark = pytest.mark.models


def save_tiny_rife(path: Path, seed: int = 0) -> Path:
    """A 4.6-layout IFNet with 16/16/8/8 channels, saved as Practical-RIFE saves it (``module.`` keys)."""
    torch.manual_seed(seed)
    state = build_ifnet((16, 16, 8, 8)).state_dict()
    torch.save({f"module.{key}": value for key, value in state.items()}, path)
    return path


def test_tiny_weights_load_with_their_widths_read_from_the_file(tmp_path: Path) -> None:
    model = load_ifnet(save_tiny_rife(tmp_path / "flownet.pkl"))
    assert model.block0.conv0[0][0].out_channels == 8 and model.block3.conv0[1][0].out_channels == 8
    assert not model.training


def test_16_frames_become_30_with_no_copy_and_the_ends_kept(tmp_path: Path) -> None:
    source = moving_scene(16)
    out = np.stack(list(RifeInterpolator.load(save_tiny_rife(tmp_path / "f.pkl")).interpolate(source, 30)))
    assert out.shape == (30, *source.shape[1:]) and out.dtype == np.uint8
    assert np.array_equal(out[0], source[0]) and np.array_equal(out[-1], source[-1])
    assert frame_steps(out).min() > 0


def test_a_file_that_is_not_rife_weights_is_refused_by_field(tmp_path: Path) -> None:
    other = tmp_path / "other.pkl"
    torch.save({"weight": torch.zeros(3)}, other)
    for path in (other, tmp_path / "missing.pkl"):
        with pytest.raises(InvalidInput) as caught:
            load_ifnet(path)
        assert caught.value.field == "rife_model"
