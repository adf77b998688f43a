"""Camera motion (a video segment's m.motion): real renders decoded with PyAV, measured to the sub-pixel."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from reelforge.ffmpeg import ffmpeg_exe
from reelforge.media import MediaInfo
from reelforge.render import RenderOptions, build_graph, path_resolver, render
from reelforge.render._motion import ZOOM, motion_filters

from .helpers import draft, frames_at, stream_info, video_track

W, H, FPS = 640, 360, 30


def _make(out: Path, source: str, *args: str) -> Path:
    subprocess.run([ffmpeg_exe(), "-v", "error", "-y", "-f", "lavfi", "-i", source, *args, str(out)], check=True)
    return out


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Stills and a clip, each with one centred feature: a white square or a soft bright blob on black."""
    d = tmp_path_factory.mktemp("motion")
    square = "drawbox=x=iw/2-20:y=ih/2-20:w=40:h=40:color=white:t=fill"
    _make(d / "square.png", f"color=black:s={W}x{H},{square}", "-frames:v", "1")
    _make(d / "square_1x1.png", f"color=black:s=400x400,{square}", "-frames:v", "1")  # fitted 360x360 or 640x640
    _make(d / "blob.png", f"color=black:s={W}x{H},format=gray,geq=lum='255*exp(-((X-320)^2+(Y-180)^2)/288)'",
          "-frames:v", "1")
    _make(d / "square.mp4", f"color=black:s={W}x{H}:r=30:d=2,{square}", "-c:v", "libx264", "-pix_fmt", "yuv420p")
    return d


def _render(sources: Path, tmp_path: Path, *segments: dict[str, object]) -> Path:
    d = draft(W, H, [video_track(*segments)], fps=FPS)
    return render(d, path_resolver(sources), tmp_path / "out.mp4", RenderOptions(quality="high")).path


def _all_frames(path: Path) -> list[np.ndarray]:
    import av

    with av.open(str(path)) as container:
        return [f.to_ndarray(format="gray").astype(float) for f in container.decode(video=0)]


def _gray(frame: np.ndarray) -> np.ndarray:
    return frame.astype(float).mean(axis=2) if frame.ndim == 3 else frame


def _edge(profile: np.ndarray, rising: bool) -> float:
    """Sub-pixel position where ``profile`` crosses half-white, linearly interpolated."""
    above = profile >= 128
    i = int(np.argmax(above)) if rising else len(profile) - 1 - int(np.argmax(above[::-1]))
    j = i - 1 if rising else i + 1  # the neighbour below half
    return j + (128 - profile[j]) / (profile[i] - profile[j]) * (i - j)


def _square_width(frame: np.ndarray) -> float:
    row = _gray(frame)[frame.shape[0] // 2]
    return _edge(row, rising=False) - _edge(row, rising=True)


def _centroid_x(frame: np.ndarray) -> float:
    weights = np.clip(_gray(frame) - 16, 0, None).sum(axis=0)
    return float((weights * np.arange(len(weights))).sum() / weights.sum())


def test_zoom_in_grows_a_centred_square_by_the_zoom_factor(sources: Path, tmp_path: Path) -> None:
    out = _render(sources, tmp_path, {"id": "p", "src": "square.png", "s": 0, "d": 2000, "m": {"motion": "zoom_in"}})
    first, middle, last = frames_at(out, [0.0, 1.0, 59 / FPS])
    assert _square_width(first) == pytest.approx(40, abs=0.5)                 # frame 0 is the still as it is
    assert _square_width(last) == pytest.approx(40 * ZOOM, abs=0.6)          # the last is enlarged by ZOOM
    assert _square_width(first) < _square_width(middle) < _square_width(last)
    assert stream_info(out)["vduration_s"] == pytest.approx(2.0, abs=0.04)   # the motion adds no frames


def test_zoom_out_shrinks_it_back(sources: Path, tmp_path: Path) -> None:
    out = _render(sources, tmp_path, {"id": "p", "src": "square.png", "s": 0, "d": 2000, "m": {"motion": "zoom_out"}})
    first, last = frames_at(out, [0.0, 59 / FPS])
    assert _square_width(first) == pytest.approx(40 * ZOOM, abs=0.6) and _square_width(last) == pytest.approx(40, abs=0.5)


def test_pan_left_moves_a_blob_left_by_nearly_equal_subpixel_steps(sources: Path, tmp_path: Path) -> None:
    out = _render(sources, tmp_path, {"id": "p", "src": "blob.png", "s": 0, "d": 2000, "m": {"motion": "pan_left"}})
    xs = np.array([_centroid_x(f) for f in _all_frames(out)])
    steps = np.diff(xs)
    expected = -(W - W / ZOOM) * ZOOM / (len(xs) - 1)   # the window crosses the slack; the picture is ZOOM times larger
    assert len(xs) == 60
    assert -1.5 < expected < -1.0                        # a slow move: 1-2 px a frame, where rounding would show
    assert np.all(steps < 0)                             # always left: never a held frame
    assert np.abs(steps - expected).max() < 0.15         # no 1-px/2-px stair steps (integer offsets give +-0.5)
    assert xs[0] - xs[-1] == pytest.approx(-expected * (len(xs) - 1), rel=0.02)


@pytest.mark.parametrize(("motion", "axis", "sign"), [("pan_right", 1, 1), ("pan_up", 0, -1), ("pan_down", 0, 1)])
def test_other_pans_move_the_picture_the_way_they_are_named(sources: Path, tmp_path: Path, motion: str, axis: int,
                                                            sign: int) -> None:
    out = _render(sources, tmp_path, {"id": "p", "src": "blob.png", "s": 0, "d": 1000, "m": {"motion": motion}})
    first, last = (_gray(f) for f in frames_at(out, [0.0, 29 / FPS]))

    def centre(frame: np.ndarray) -> float:
        weights = np.clip(frame - 16, 0, None).sum(axis=1 - axis)
        return float((weights * np.arange(len(weights))).sum() / weights.sum())

    assert sign * (centre(last) - centre(first)) > 10


@pytest.mark.parametrize("fit", ["cover", "contain", "blur"])
def test_zoom_works_on_every_fit(sources: Path, tmp_path: Path, fit: str) -> None:
    out = _render(sources, tmp_path,
                  {"id": "p", "src": "square_1x1.png", "s": 0, "d": 1000, "m": {"fit": fit, "motion": "zoom_in"}})
    first, last = frames_at(out, [0.0, 29 / FPS])
    fitted = 40 * (640 if fit == "cover" else 360) / 400      # the square after fitting the 400x400 still
    assert _square_width(first) == pytest.approx(fitted, abs=0.6)
    assert _square_width(last) / _square_width(first) == pytest.approx(ZOOM, abs=0.02)


def test_motion_runs_on_through_a_transition_as_on_a_cut(sources: Path, tmp_path: Path) -> None:
    # the piece is moved whole, then sliced for the xfade: its frames before the blend are the solo render's
    moving = {"id": "p", "src": "square.png", "s": 0, "d": 2000, "m": {"motion": "zoom_in"}}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    alone = _render(sources, tmp_path / "a", moving)
    blended = _render(sources, tmp_path / "b", moving,
                      {"id": "q", "src": "blob.png", "s": 1500, "d": 1000, "m": {"tr": {"type": "fade", "d": 500}}})
    times = [0.5, 1.0, 1.45]
    for solo, mixed in zip(frames_at(alone, times), frames_at(blended, times), strict=True):
        assert _square_width(mixed) == pytest.approx(_square_width(solo), abs=0.1)
    assert _square_width(frames_at(blended, [1.45])[0]) > 40 * (1 + (ZOOM - 1) * 0.6)


def test_a_video_clip_moves_too(sources: Path, tmp_path: Path) -> None:
    out = _render(sources, tmp_path, {"id": "v", "src": "square.mp4", "s": 0, "d": 2000, "m": {"motion": "zoom_in"}})
    first, last = frames_at(out, [0.0, 59 / FPS])
    assert _square_width(last) / _square_width(first) == pytest.approx(ZOOM, abs=0.02)


def test_only_a_moving_segment_gets_the_per_frame_filter() -> None:
    media = {"p.png": MediaInfo(path=Path("/media/p.png"), kind="image", width=W, height=H, has_video=True)}
    still = draft(W, H, [video_track({"id": "a", "src": "p.png", "s": 0, "d": 1000},
                                     {"id": "b", "src": "p.png", "s": 1000, "d": 1000, "m": {"motion": "pan_up"}})])
    script = build_graph(still, media, Path("/renders/out.mp4"), RenderOptions()).filter_script
    assert script.count("perspective=") == 1 and "eval=frame" in script
    assert motion_filters(None, W, H, 30) == [] and motion_filters("spin", W, H, 30) == []


def test_a_window_edge_inside_a_moving_clip_continues_the_move(sources: Path, tmp_path: Path) -> None:
    # Renders of many clips go in windows (render/_chunks.py); a window's edge may cut a moving still.
    from reelforge.render._chunks import window_draft

    seg = {"id": "p", "src": "blob.png", "s": 0, "d": 2000, "m": {"motion": "pan_left"}}
    whole = [_centroid_x(f) for f in _all_frames(_render(sources, tmp_path, seg))]
    full = draft(W, H, [video_track(seg)], fps=FPS)
    parts: list[float] = []
    for i, window in enumerate([(0, 800), (800, 2000)]):
        part = window_draft(full, window, W, H, FPS)
        out = render(part, path_resolver(sources), tmp_path / f"w{i}.mp4", RenderOptions(quality="high")).path
        parts += [_centroid_x(f) for f in _all_frames(out)]
    assert len(parts) == len(whole)
    assert max(abs(a - b) for a, b in zip(parts, whole, strict=True)) < 0.15  # no restart at the edge
