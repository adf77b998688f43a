"""Generated music: a tiny random ACE-Step pipeline built here, through reelforge's real loading and
generation code, to a 48 kHz stereo WAV of the asked length at the library's loudness."""

from __future__ import annotations

import json
import wave
from pathlib import Path

import numpy as np
import pytest

from reelforge.audio.ace_step import AceStepComposer, SongRequest, fit_to_length, song_prompt
from reelforge.errors import InvalidInput

TARGET_LUFS = -16.0


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path)) as handle:
        frames = handle.readframes(handle.getnframes())
        rate, channels = handle.getframerate(), handle.getnchannels()
    return np.frombuffer(frames, dtype="<i2").reshape(-1, channels).astype(np.float32) / 32768, rate


@pytest.mark.models
def test_a_tiny_pipeline_composes_a_48k_stereo_wav_of_the_asked_length(tiny_ace_step: Path, tmp_path: Path) -> None:
    import pyloudnorm

    composer = AceStepComposer(tiny_ace_step)
    progress: list[float] = []
    song = composer.compose(SongRequest(prompt="calm piano", seconds=3.0, bpm=72, seed=1), tmp_path / "song.wav",
                            progress.append)
    samples, rate = read_wav(song.path)
    assert (rate, samples.shape) == (48000, (144000, 2)) and song.duration_ms == 3000
    assert song.provenance["pipeline"] == "AceStepPipeline" and song.provenance["looped"] is False
    assert progress[-1] == 1.0 and len(progress) >= 3  # every denoising step reports
    loudness = pyloudnorm.Meter(rate).integrated_loudness(samples.astype(np.float64))
    assert abs(loudness - TARGET_LUFS) < 1.0 and np.abs(samples).max() < 10 ** (-1.0 / 20)


@pytest.mark.models
def test_a_song_longer_than_the_model_makes_loops_at_a_bar(tiny_ace_step: Path, tmp_path: Path) -> None:
    composer = AceStepComposer(tiny_ace_step, max_model_seconds=2.5)
    song = composer.compose(SongRequest(prompt="upbeat", seconds=6.0, bpm=120), tmp_path / "long.wav")
    samples, _ = read_wav(song.path)
    assert len(samples) == 6 * 48000 and song.provenance["looped"] is True
    assert song.provenance["generated_seconds"] == 2.5


def test_a_folder_that_is_not_ace_step_is_refused_by_field(tmp_path: Path) -> None:
    (tmp_path / "model_index.json").write_text(json.dumps({"_class_name": "WanPipeline"}))
    with pytest.raises(InvalidInput) as caught:
        AceStepComposer(tmp_path).compose(SongRequest(prompt="x", seconds=1.0), tmp_path / "x.wav")
    assert caught.value.field == "music_model" and "WanPipeline" in caught.value.message


def test_a_short_piece_loops_on_whole_bars_and_ends_on_a_fade() -> None:
    rate, bpm = 1000, 120                                  # a bar of 4 beats = 2 s = 2000 samples
    piece = np.tile(np.arange(5000, dtype=np.float32)[:, None], (1, 2))
    fitted = fit_to_length(piece, rate, 9.0, bpm)
    assert fitted.shape == (9000, 2)
    # the loop is 4000 samples (two whole bars of the 5000 made): the second pass starts again at 0 ...
    assert fitted[4000 + 100, 0] == pytest.approx(100.0)
    # ... after a short crossfade from the material past the loop point
    assert fitted[4000, 0] == pytest.approx(4000.0)
    assert fitted[-1].max() == 0.0                         # the end fades out


def test_the_caption_names_the_style_the_mood_and_the_scene() -> None:
    assert song_prompt("calm piano", "a sunset over the sea", "peaceful") == \
        "calm piano, peaceful, background music, for a video of a sunset over the sea"
