"""Many clips render in windows, so no ffmpeg run opens more than a few sources at once."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

import reelforge.render.renderer as renderer_module
from reelforge.draft import Draft, apply_edits
from reelforge.draft.edits import AddClip, SetTransition
from reelforge.ffmpeg import ffmpeg_exe
from reelforge.render import RenderOptions, path_resolver, render
from reelforge.render._chunks import MAX_SOURCES_PER_RUN, chunk_windows
from tests.render.helpers import audio_samples, frames_at

COLOURS = [(230, 40, 40), (40, 200, 60), (40, 80, 230), (230, 210, 40), (200, 40, 200), (40, 200, 200),
           (250, 250, 250), (120, 60, 20), (20, 20, 20), (255, 140, 0), (100, 100, 180), (0, 120, 60)]


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("chunk-clips")
    paths = []
    for index, (r, g, b) in enumerate(COLOURS):
        path = folder / f"c{index}.mp4"
        subprocess.run([ffmpeg_exe(), "-loglevel", "error", "-f", "lavfi", "-i",
                        f"color=c=0x{r:02x}{g:02x}{b:02x}:s=64x36:r=10:d=1", "-f", "lavfi", "-i",
                        f"sine=frequency={300 + 50 * index}:sample_rate=48000:duration=1",
                        "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(path)], check=True)
        paths.append(path)
    return paths


def _draft(clips: list[Path], transition_into: int | None = None) -> Draft:
    draft = Draft.empty(64, 36, fps=10)
    draft = apply_edits(draft, [AddClip(src=str(p), duration_ms=1000) for p in clips])
    if transition_into is not None:
        seg_id = draft.tracks[0].segments[transition_into].id
        draft = apply_edits(draft, [SetTransition(segment_id=seg_id, type="fade", duration_ms=400)])
    return draft


def test_windows_hold_at_most_the_limit_and_never_cut_a_transition(clips: list[Path]) -> None:
    draft = _draft(clips, transition_into=8)  # the fade sits right where a window would end
    segments = draft.tracks[0].segments
    windows = chunk_windows(segments)
    assert windows[0][0] == 0 and windows[-1][1] == draft.end_ms
    assert all(a < b for a, b in windows) and all(w[1] == n[0] for w, n in zip(windows, windows[1:]))
    fade_lo, fade_hi = segments[8].start_ms, segments[7].end_ms
    assert not any(fade_lo < end < fade_hi for _, end in windows[:-1])
    for lo, hi in windows:
        sources = {s.src for s in segments if s.start_ms < hi and lo < s.end_ms}
        assert len(sources) <= MAX_SOURCES_PER_RUN + 1  # a clip split at a window's edge counts in both


def test_twelve_clips_render_in_windows_with_every_clip_and_its_sound_in_place(
        clips: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[int] = []  # sources opened by each ffmpeg run
    real_run = renderer_module._render_once

    def counting_run(draft: Draft, *args: object, **kwargs: object) -> object:
        runs.append(len(set(draft.media_refs())))
        return real_run(draft, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(renderer_module, "_render_once", counting_run)
    draft = _draft(clips)
    progress: list[float] = []
    result = render(draft, path_resolver(tmp_path), tmp_path / "long.mp4", RenderOptions(), progress.append)
    assert len(runs) >= 3  # windows, then the draft of windows
    assert max(runs) <= MAX_SOURCES_PER_RUN  # no run opened more sources than the limit
    assert abs(result.duration_ms - 12000) <= 100
    frames = frames_at(result.path, [i + 0.5 for i in range(12)])
    for frame, colour in zip(frames, COLOURS):
        assert np.abs(frame[18, 32].astype(int) - colour).max() < 40
    samples, rate = audio_samples(result.path)
    assert samples.shape[1] >= 11.9 * rate and np.abs(samples).max() > 0.1
    assert progress == sorted(progress) and progress[-1] == pytest.approx(1.0)


def test_a_transition_across_windows_still_mixes(clips: list[Path], tmp_path: Path) -> None:
    draft = _draft(clips, transition_into=8)
    out = render(draft, path_resolver(tmp_path), tmp_path / "fade.mp4", RenderOptions()).path
    middle = (draft.tracks[0].segments[8].start_ms + draft.tracks[0].segments[7].end_ms) / 2000
    (frame,) = frames_at(out, [middle])
    a, b = np.array(COLOURS[7]), np.array(COLOURS[8])
    pixel = frame[18, 32].astype(int)
    assert np.abs(pixel - a).max() > 20 and np.abs(pixel - b).max() > 20  # neither clip alone: a mix
