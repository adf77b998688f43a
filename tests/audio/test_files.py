"""Writing audio files (checked by decoding them with PyAV) and the library cache."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest

from reelforge.audio import library_file, render_music, write_audio
from reelforge.errors import InvalidInput

RATE = 48000


def decode(path: Path) -> tuple[np.ndarray, int]:
    """All samples of the first audio stream as float (channels, n), and the rate."""
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        chunks = [frame.to_ndarray().astype(np.float64) for frame in container.decode(stream)]
        rate, channels = stream.rate, stream.channels
    # Packed formats (s16) decode as one interleaved row; planar ones (fltp) as a row per channel.
    planar = [chunk if chunk.shape[0] == channels else chunk.reshape(-1, channels).T for chunk in chunks]
    samples = np.concatenate(planar, axis=1)
    if np.abs(samples).max() > 2.0:  # integer formats decode to integers
        samples = samples / 32768.0
    return samples, rate


@pytest.fixture(scope="module")
def music() -> np.ndarray:
    return render_music("chill", 3.0, seed=0)


def test_wav_is_sample_exact_16_bit(tmp_path: Path, music: np.ndarray) -> None:
    path = write_audio(music, tmp_path / "chill.wav")
    decoded, rate = decode(path)
    assert rate == RATE and decoded.shape == (2, len(music))
    assert np.abs(decoded.T - music).max() < 1.5 / 32768


def test_m4a_is_aac_with_the_right_duration(tmp_path: Path, music: np.ndarray) -> None:
    path = write_audio(music, tmp_path / "nested" / "chill.m4a")
    with av.open(str(path)) as container:
        assert container.streams.audio[0].codec_context.name == "aac"
    decoded, rate = decode(path)
    assert rate == RATE
    assert abs(decoded.shape[1] / rate - 3.0) < 0.05
    assert 0.05 < np.abs(decoded).max() < 1.0
    assert [p.name for p in path.parent.iterdir()] == ["chill.m4a"]  # no temporary files left behind


def test_mono_input_writes_a_mono_file(tmp_path: Path) -> None:
    tone = 0.5 * np.sin(2 * np.pi * 440 * np.arange(RATE) / RATE)
    decoded, _ = decode(write_audio(tone, tmp_path / "tone.wav"))
    assert decoded.shape == (1, RATE)


def test_an_unknown_format_is_refused(tmp_path: Path, music: np.ndarray) -> None:
    with pytest.raises(InvalidInput) as caught:
        write_audio(music, tmp_path / "song.xyz")
    assert caught.value.field == "path"


def test_library_file_renders_once_then_reuses_the_file(tmp_path: Path) -> None:
    first = library_file(tmp_path, "lofi", 2.0, seed=1, fmt="wav")
    stamp = first.stat().st_mtime_ns
    again = library_file(tmp_path, "lofi", 2.0, seed=1, fmt="wav")
    other = library_file(tmp_path, "lofi", 2.0, seed=2, fmt="wav")
    assert again == first and again.stat().st_mtime_ns == stamp
    assert other != first
    decoded, _ = decode(first)
    assert np.abs(decoded.T - render_music("lofi", 2.0, seed=1)).max() < 1.5 / 32768
