"""Model clips reach the delivered rate by motion-compensated interpolation, not repeated frames.

The anchor is what reelforge did before: ffmpeg's ``fps`` filter, which shows each 16 fps frame
for two or one 30 fps frames in an uneven beat (judder). On a moving scene the interpolated clip
has no repeated frame, and its frame-to-frame differences are even (their variance well below the
repeated-frame version's).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from reelforge.ffmpeg import FrameWriter
from reelforge.generate._frame_rate import FrameRatePlan, FrameRatePolicy, encode_shots
from reelforge.generate.base import GenerateRequest
from reelforge.progress import no_progress
from tests.generate.test_color_match import decoded

WIDTH, HEIGHT = 128, 96


def moving_scene(frames: int, fps: int = 16) -> np.ndarray:
    """A textured picture panning right at 48 px/s, with a bright square crossing it."""
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    out = []
    for index in range(frames):
        shift = 48 * index / fps
        value = 0.5 + 0.25 * np.sin((x - shift) / 6) * np.cos(y / 9) + 0.15 * np.sin((x - shift) / 23 + y / 17)
        rgb = np.stack([value, 0.8 * value + 0.1, 1.0 - 0.7 * value], axis=-1)
        left = int(10 + shift * 1.2) % WIDTH
        rgb[30:60, left:left + 20] = (0.95, 0.9, 0.3)
        out.append((np.clip(rgb, 0, 1) * 255 + 0.5).astype(np.uint8))
    return np.stack(out)


def frame_steps(frames: np.ndarray) -> np.ndarray:
    """Mean absolute difference between consecutive frames."""
    return np.abs(np.diff(frames.astype(np.float32), axis=0)).mean(axis=(1, 2, 3))


def _encode_with_filter(frames: np.ndarray, video_filter: str, out: Path, fps: int = 16) -> np.ndarray:
    with FrameWriter.open(out, width=WIDTH, height=HEIGHT, fps=fps,
                          output_args=["-vf", video_filter, "-c:v", "libx264", "-crf", "12", "-pix_fmt", "yuv420p"]) as w:
        for frame in frames:
            w.write(frame.tobytes())
    return decoded(out)


def test_a_16_fps_clip_at_30_fps_has_no_repeated_frame_and_even_motion(tmp_path: Path) -> None:
    source = moving_scene(16)                                     # 1 s at 16 fps
    repeated = _encode_with_filter(source, "fps=30", tmp_path / "repeated.mp4")
    request = GenerateRequest(prompt="pan", seconds=1.0, width=WIDTH, height=HEIGHT, fps=30)
    encode_shots([source[:9], source[9:]], FrameRatePlan(16, 30, "minterpolate"), request,
                 tmp_path / "interpolated.mp4", no_progress)
    interpolated = decoded(tmp_path / "interpolated.mp4")
    assert len(interpolated) == 30
    repeated_steps, steps = frame_steps(repeated), frame_steps(interpolated)
    assert repeated_steps.min() < 0.5                             # the anchor repeats frames ...
    assert steps.min() > 2.0, steps                               # ... the interpolated clip never does
    assert steps.var() < repeated_steps.var() / 4, (steps.var(), repeated_steps.var())


def test_the_policy_interpolates_keeps_native_or_does_nothing() -> None:
    assert FrameRatePolicy().plan(16, 30) == FrameRatePlan(16, 30, "minterpolate")
    assert FrameRatePolicy(rife_model=Path("flownet.pkl")).plan(16, 30).method == "rife"
    assert FrameRatePolicy("native").plan(24, 30) == FrameRatePlan(24, 24, "native")
    assert FrameRatePolicy().plan(24, 24).method == "none"
    assert FrameRatePlan(16, 30, "minterpolate").output_frames(500) == 15


@pytest.mark.models
def test_the_diffusers_backend_interpolates_keeps_native_or_uses_rife(
        tiny: dict[str, Path], tmp_path: Path) -> None:
    from reelforge.generate.diffusers_backend import DiffusersGenerator, GenerationShape
    from reelforge.settings import Settings
    from tests.generate.test_rife import save_tiny_rife

    request = GenerateRequest(prompt="a red car", seconds=0.5, width=64, height=64, fps=30, seed=1, steps=2)
    shape = GenerationShape(size=(32, 32), fps=16, max_shot_frames=9)
    runs = {"interpolate": {}, "native": {"frame_rate": "native"},
            "rife": {"rife_model": save_tiny_rife(tmp_path / "flownet.pkl")}}
    for name, options in runs.items():
        settings = Settings(_env_file=None, model=str(tiny["wan"]), **options)  # type: ignore[call-arg, arg-type]
        clip = DiffusersGenerator(settings, shape=shape).generate(request, tmp_path / f"{name}.mp4", no_progress)
        frames = decoded(tmp_path / f"{name}.mp4")
        if name == "native":
            assert clip.fps == 16 and len(frames) == 8 and clip.provenance["frame_rate"]["method"] == "native"
        else:
            assert clip.fps == 30 and len(frames) == 15 and clip.provenance["frame_rate"]["method"] == (
                "rife" if name == "rife" else "minterpolate")
