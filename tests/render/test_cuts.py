"""A clip cut inside (``cut_segment``) and music stopped early (``update_music`` ``end_ms``), rendered by real
ffmpeg on generated media: the output's length, the picture after the cut, the silence after the music's end."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from reelforge.draft import Draft, apply_edits
from reelforge.draft.edits import AddClip, CutSegment, SetMusic, SplitClip, UpdateMusic
from reelforge.render import RenderOptions, path_resolver, render

from .helpers import audio_samples, frames_at, rms, stream_info


def _resolver(media: dict[str, Path]):  # noqa: ANN202 - a MediaResolver
    return path_resolver(next(iter(media.values())).parent)


def test_a_cut_clip_plays_on_from_past_the_cut(media: dict[str, Path], tmp_path: Path) -> None:
    # clip_a: testsrc2 (its picture changes every frame) with a 440 Hz tone, 3 s; 0.5-1.0 s of its first 2 s cut out
    whole = apply_edits(Draft.empty(160, 90), [AddClip(src="clip_a.mp4", duration_ms=2000)])
    cut = apply_edits(whole, [CutSegment(segment_id="s1", start_ms=500, end_ms=1000)])
    out = render(cut, _resolver(media), tmp_path / "cut.mp4")
    info = stream_info(out.path)
    assert out.duration_ms == 1500
    assert info["vduration_s"] == pytest.approx(1.5, abs=1 / 30)
    assert info["aduration_s"] == pytest.approx(1.5, abs=1 / 30)
    reference = render(whole, _resolver(media), tmp_path / "whole.mp4")
    after_cut, before_cut = frames_at(out.path, [0.7, 0.3])
    source_after, source_before = frames_at(reference.path, [1.2, 0.3])
    # 0.7 s on the cut timeline is 1.2 s of the source; the first part is as it was
    assert np.abs(after_cut.astype(int) - source_after.astype(int)).mean() < 8
    assert np.abs(before_cut.astype(int) - source_before.astype(int)).mean() < 8
    assert np.abs(after_cut.astype(int) - frames_at(reference.path, [0.7])[0].astype(int)).mean() > 8
    samples, rate = audio_samples(out.path)
    assert rms(samples, rate, 0.55, 0.95) > 0.05  # the clip's own sound goes on across the cut


def test_a_split_clip_renders_as_the_clip_did(media: dict[str, Path], tmp_path: Path) -> None:
    whole = apply_edits(Draft.empty(160, 90), [AddClip(src="clip_a.mp4", duration_ms=1000)])
    split = apply_edits(whole, [SplitClip(segment_id="s1", at_ms=400)])
    out = render(split, _resolver(media), tmp_path / "split.mp4")
    reference = render(whole, _resolver(media), tmp_path / "whole.mp4")
    assert stream_info(out.path)["vduration_s"] == pytest.approx(1.0, abs=1 / 30)
    for got, want in zip(frames_at(out.path, [0.2, 0.6]), frames_at(reference.path, [0.2, 0.6])):
        assert np.abs(got.astype(int) - want.astype(int)).mean() < 8


def test_music_stopped_early_is_silent_after_its_end(media: dict[str, Path], tmp_path: Path) -> None:
    # clip_b has no sound; the 1 kHz tone loops as music, stopped at 1 s with a 200 ms fade out ending there
    d = apply_edits(Draft.empty(160, 90), [AddClip(src="clip_b.mp4", duration_ms=2000),
                                           SetMusic(src="tone.wav", volume=0.5, fade_out_ms=200),
                                           UpdateMusic(end_ms=1000)])
    out = render(d, _resolver(media), tmp_path / "music.wav", RenderOptions(format="wav"))
    samples, rate = audio_samples(out.path)
    assert samples.shape[1] == pytest.approx(2 * rate, abs=rate // 30)  # the video's length all the same
    assert rms(samples, rate, 0.2, 0.7) > 0.1
    assert rms(samples, rate, 0.9, 0.99) < 0.5 * rms(samples, rate, 0.2, 0.7)  # fading out towards 1 s
    assert rms(samples, rate, 1.05, 1.95) < 1e-4
