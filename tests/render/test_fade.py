"""Picture fades (a video segment's m.fi / m.fo): real renders decoded with PyAV, and the graph they make."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from reelforge.draft import apply_edits
from reelforge.draft.edits import AddClip, SetFade, SetTransition
from reelforge.draft.model import Draft
from reelforge.ffmpeg import ffmpeg_exe
from reelforge.media import MediaInfo
from reelforge.render import RenderOptions, build_graph, path_resolver, render
from reelforge.render._chunks import MAX_SOURCES_PER_RUN, chunk_windows, window_draft

from .helpers import audio_samples, draft, frames_at, rms, video_track

# what the graph tests tell build_graph about the sources (no probing: the graph is pure)
INFOS = {name: MediaInfo(path=Path(f"/media/{name}"), kind="video", duration_ms=2000, width=160, height=90, fps=30,
                         has_video=True) for name in ("red.mp4", "blue.mp4")}
RED = np.array([255, 0, 0])
BLUE = np.array([0, 0, 255])


def _mean(frame: np.ndarray) -> np.ndarray:
    return frame.reshape(-1, 3).mean(axis=0)


def _render(media: dict[str, Path], tmp_path: Path, d, name: str = "out.mp4") -> Path:  # noqa: ANN001
    return render(d, path_resolver(media["red"].parent), tmp_path / name, RenderOptions(quality="high")).path


def _red_share(frame: np.ndarray, bg: np.ndarray) -> float:
    """How far the frame's mean colour has gone from ``bg`` towards red (0 = background, 1 = red)."""
    return float(np.dot(_mean(frame) - bg, RED - bg) / np.dot(RED - bg, RED - bg))


def test_red_clip_fades_in_from_black_and_out_to_black(media: dict[str, Path], tmp_path: Path) -> None:
    d = draft(160, 90, [video_track({"id": "s", "src": "red.mp4", "s": 0, "d": 2000, "m": {"fi": 500, "fo": 500}})])
    out = _render(media, tmp_path, d)
    first, early, quarter, middle, late, last = frames_at(out, [0.0, 0.1, 0.25, 1.0, 1.8, 1.967])
    black = np.zeros(3)
    assert _mean(first).max() < 8 and _mean(last).max() < 8             # the end frames are all black
    assert _red_share(middle, black) > 0.9                             # full red between the fades
    assert 0.1 < _red_share(early, black) < _red_share(quarter, black) < 0.8  # rising through the fade in
    assert 0.1 < _red_share(late, black) < 0.7                          # falling through the fade out


def test_fade_goes_to_a_coloured_background(media: dict[str, Path], tmp_path: Path) -> None:
    white = np.array([255, 255, 255])
    d = draft(160, 90, [video_track({"id": "s", "src": "red.mp4", "s": 0, "d": 2000, "m": {"fi": 500, "fo": 500}})],
              bg="#ffffff")
    out = _render(media, tmp_path, d)
    first, quarter, middle, late, last = frames_at(out, [0.0, 0.25, 1.0, 1.8, 1.967])
    assert np.abs(_mean(first) - white).max() < 8 and np.abs(_mean(last) - white).max() < 8
    assert _red_share(middle, white) > 0.9
    assert 0.2 < _red_share(quarter, white) < 0.8 and 0.1 < _red_share(late, white) < 0.7


def test_fades_keep_their_timing_around_a_transition(media: dict[str, Path], tmp_path: Path) -> None:
    # blue fades out over its last 1000 ms while a 400 ms xfade into red runs; red fades in over 600 ms
    d = draft(160, 90, [video_track(
        {"id": "a", "src": "blue.mp4", "s": 0, "d": 2000, "m": {"fo": 1000}},
        {"id": "b", "src": "red.mp4", "s": 1600, "d": 2000, "m": {"tr": {"type": "fade", "d": 400}, "fi": 600}})])
    out = _render(media, tmp_path, d)
    full_blue, fading_blue, red_rising, full_red = frames_at(out, [0.9, 1.4, 2.1, 3.0])
    assert _mean(full_blue)[2] > 230                       # before blue's fade out starts (at 1.0 s)
    assert 60 < _mean(fading_blue)[2] < 200                # blue halfway out, before the xfade
    assert 0.5 < _red_share(red_rising, np.zeros(3)) < 0.95  # red 0.5 s into its 0.6 s fade in
    assert _red_share(full_red, np.zeros(3)) > 0.9


def test_a_crossfade_follows_xfades_ramp_frame_by_frame(media: dict[str, Path], tmp_path: Path) -> None:
    # blue into red over 15 frames (500 ms at 30 fps): frame i of the blend is red i/15 of the way
    d = draft(160, 90, [video_track(
        {"id": "a", "src": "blue.mp4", "s": 0, "d": 1500},
        {"id": "b", "src": "red.mp4", "s": 1000, "d": 1000, "m": {"tr": {"type": "fade", "d": 500}}})])
    out = _render(media, tmp_path, d)
    times = [1.0 + i / 30 for i in (0, 5, 10, 14)]
    shares = [_red_share(frame, BLUE) for frame in frames_at(out, times)]
    for share, expected in zip(shares, (0, 5 / 15, 10 / 15, 14 / 15), strict=True):
        assert abs(share - expected) < 0.05, shares
    assert _red_share(frames_at(out, [1.6])[0], BLUE) > 0.97  # red alone after the blend


def test_overlay_segment_fades_over_the_track_below(media: dict[str, Path], tmp_path: Path) -> None:
    d = draft(160, 90, [video_track({"id": "base", "src": "blue.mp4", "s": 0, "d": 2000}),
                        video_track({"id": "top", "src": "red.mp4", "s": 500, "d": 1000, "m": {"fi": 400, "fo": 400}},
                                    track_id="v2")])
    out = _render(media, tmp_path, d)
    before, start, rising, middle, end_ = frames_at(out, [0.3, 0.5, 0.7, 1.0, 1.47])
    assert np.abs(_mean(before) - BLUE).max() < 20 and np.abs(_mean(start) - BLUE).max() < 25
    mixed = _mean(rising)
    assert mixed[0] > 60 and mixed[2] > 60                 # red and blue both there: a dissolve, not a dip to black
    assert np.abs(_mean(middle) - RED).max() < 20
    assert _mean(end_)[2] > 150


def test_graph_fades_the_whole_piece_before_it_is_split(tmp_path: Path) -> None:
    d = draft(160, 90, [video_track(
        {"id": "a", "src": "blue.mp4", "s": 0, "d": 2000, "m": {"fo": 500}},
        {"id": "b", "src": "red.mp4", "s": 1600, "d": 1000, "m": {"tr": {"type": "fade", "d": 400}}})])
    script = build_graph(d, INFOS, tmp_path / "x.mp4", RenderOptions()).filter_script
    # 60 frames, the last 15 fading: the ramp starts one frame early so frame 59 is all background
    fade = "fade=t=out:s=44:n=15"
    # once for the segment's own fade; the crossfade's two ramps cover only its 12 frames
    assert script.count(fade) == 1 and script.count("fade=t=") == 3
    assert "fade=t=out:s=0:n=12" in script and "fade=t=in:s=0:n=12" in script
    assert script.index(fade) < script.index("split=2")
    assert "overlay" not in script  # black needs no plate


def test_a_fade_out_filling_the_clip_still_ends_on_the_background(tmp_path: Path) -> None:
    d = draft(160, 90, [video_track({"id": "s", "src": "red.mp4", "s": 0, "d": 500, "m": {"fo": 500}})])
    script = build_graph(d, INFOS, tmp_path / "x.mp4", RenderOptions()).filter_script
    assert "fade=t=out:s=0:n=14" in script  # 15 frames: full at the first, background at the last


def test_coloured_fade_touches_only_the_fading_frames(tmp_path: Path) -> None:
    d = draft(160, 90, [video_track({"id": "s", "src": "red.mp4", "s": 0, "d": 2000, "m": {"fi": 500}})], bg="#204060")
    script = build_graph(d, INFOS, tmp_path / "x.mp4", RenderOptions()).filter_script
    assert "color=c=0x204060:" in script and "trim=end_frame=15,fade=t=out:s=0:n=15:alpha=1" in script
    assert "rgb" not in script and "fade=t=in" not in script  # the piece itself is never converted


def test_clip_sound_fades_with_its_picture(media: dict[str, Path], tmp_path: Path) -> None:
    d = draft(160, 90, [video_track({"id": "s", "src": "clip_a.mp4", "s": 0, "d": 2000, "m": {"fi": 500, "fo": 500}})])
    samples, rate = audio_samples(_render(media, tmp_path, d))
    full = rms(samples, rate, 0.8, 1.2)
    assert full > 0.03  # the 440 Hz tone at full level between the fades
    assert rms(samples, rate, 0.0, 0.1) < full * 0.25 and rms(samples, rate, 1.9, 2.0) < full * 0.25


@pytest.mark.parametrize("cut_inside", [False, True])
def test_chunk_windows_never_split_a_fade(cut_inside: bool) -> None:
    # the second clip enters by a 300 ms transition: the clean cut is inside it, 300 ms from its start
    fade_in = 500 if cut_inside else 200
    clips = [{"id": f"c{i}", "src": f"c{i}.mp4", "s": i * 1000, "d": 1000} for i in range(2)]
    clips[1] = {"id": "c1", "src": "c1.mp4", "s": 700, "d": 1000, "m": {"tr": {"type": "fade", "d": 300}, "fi": fade_in}}
    d = draft(64, 36, [video_track(*clips)])
    windows = chunk_windows(d.tracks[0].segments, limit=1)
    if cut_inside:  # a cut at 1000 ms would be inside c1's fade in: no clean cut, one window
        assert windows == [(0, 1700)]
    else:
        assert windows == [(0, 1000), (1000, 1700)]
        tail = window_draft(d, windows[1], 64, 36, 30).tracks[0].segments[0]
        assert tail.meta.fade_in_ms is None  # the fade played out in the first window


def test_a_fade_in_split_across_chunk_windows_plays_once(tmp_path: Path) -> None:
    # more sources than one run opens: the main track renders in windows, and the first window ends
    # inside the 10th clip (at the end of its transition's overlap), just after its 200 ms fade in
    colours = [(40 + 20 * i, 200 - 15 * i, 60 + 10 * i) for i in range(MAX_SOURCES_PER_RUN + 2)]
    paths = []
    for index, (r, g, b) in enumerate(colours):
        paths.append(tmp_path / f"c{index}.mp4")
        subprocess.run([ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i", f"color=c=0x{r:02x}{g:02x}{b:02x}:s=64x36:r=30:d=1",
                        "-c:v", "libx264", "-pix_fmt", "yuv420p", str(paths[-1])], check=True)
    d = apply_edits(Draft.empty(64, 36, fps=30), [AddClip(src=str(p), duration_ms=1000) for p in paths])
    split = d.tracks[0].segments[MAX_SOURCES_PER_RUN]
    d = apply_edits(d, [SetTransition(segment_id=split.id, duration_ms=400),
                        SetFade(segment_id=split.id, fade_in_ms=200)])
    windows = chunk_windows(d.tracks[0].segments)
    assert len(windows) > 1 and windows[0][1] == d.tracks[0].segments[MAX_SOURCES_PER_RUN - 1].end_ms
    out = render(d, path_resolver(tmp_path), tmp_path / "long.mp4", RenderOptions(quality="high")).path
    [after_cut] = frames_at(out, [windows[0][1] / 1000 + 0.05])
    assert np.abs(_mean(after_cut) - colours[MAX_SOURCES_PER_RUN]).max() < 12  # no second fade in at the cut


def test_each_end_fades_to_its_own_colour(media: dict[str, Path], tmp_path: Path) -> None:
    """m.fic / m.foc ("fade out to white") on a black canvas: in from black, out to white."""
    white = np.array([255, 255, 255])
    d = draft(160, 90, [video_track({"id": "s", "src": "red.mp4", "s": 0, "d": 2000,
                                     "m": {"fi": 500, "fo": 500, "foc": "white"}})])
    out = _render(media, tmp_path, d)
    first, middle, late, last = frames_at(out, [0.0, 1.0, 1.8, 1.967])
    assert _mean(first).max() < 8                                       # in from the black background
    assert np.abs(_mean(last) - white).max() < 8                        # out to white
    assert _red_share(middle, white) > 0.9 and 0.1 < _red_share(late, white) < 0.7


def test_a_named_fade_colour_is_a_plate_and_a_black_end_stays_a_plain_fade(tmp_path: Path) -> None:
    d = draft(160, 90, [video_track({"id": "s", "src": "red.mp4", "s": 0, "d": 2000,
                                     "m": {"fi": 500, "fo": 500, "foc": "white"}})])
    script = build_graph(d, INFOS, tmp_path / "x.mp4", RenderOptions()).filter_script
    assert "fade=t=in:s=0:n=15[" in script and "fade=t=out:s=44" not in script  # black in: ``fade`` on the piece
    assert "color=c=0xffffff:" in script                                      # white out: a plate over it
