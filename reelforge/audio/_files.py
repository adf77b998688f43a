"""Writing samples to audio files, and the render-once cache of library tracks."""

from __future__ import annotations

import os
import tempfile
import wave
from pathlib import Path

import numpy as np

from reelforge.audio._music import render_music
from reelforge.errors import InvalidInput
from reelforge.ffmpeg import run_ffmpeg

__all__ = ["LIBRARY_VERSION", "library_file", "write_audio"]

# Bump when a change to the synthesis changes what a (style, seed, seconds) sounds like,
# so cached library files are rendered again.
LIBRARY_VERSION = 1

_ENCODERS: dict[str, list[str]] = {
    ".m4a": ["-c:a", "aac", "-b:a", "192k", "-movflags", "+faststart"],
    ".aac": ["-c:a", "aac", "-b:a", "192k"],
    ".mp3": ["-c:a", "libmp3lame", "-b:a", "192k"],
    ".opus": ["-c:a", "libopus", "-b:a", "128k"],
    ".ogg": ["-c:a", "libopus", "-b:a", "128k"],
    ".flac": ["-c:a", "flac"],
}


def _pcm16(samples: np.ndarray) -> bytes:
    clipped = np.clip(np.asarray(samples, dtype=np.float32), -1.0, 1.0)
    return np.round(clipped * 32767.0).astype("<i2").tobytes()


def _write_wav(samples: np.ndarray, path: Path, sample_rate: int) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(samples.shape[1])
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        out.writeframes(_pcm16(samples))


def write_audio(samples: np.ndarray, path: Path, sample_rate: int = 48000) -> Path:
    """Write float ``samples`` ``(n, channels)`` (or mono ``(n,)``) to ``path``.

    ``.wav`` is 16-bit PCM through the standard library (sample-exact, so loops stay
    seamless); ``.m4a``/``.aac``/``.mp3``/``.opus``/``.ogg``/``.flac`` are encoded by ffmpeg.
    The file appears whole or not at all (written aside, then renamed)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix != ".wav" and suffix not in _ENCODERS:
        raise InvalidInput(f"path: unsupported audio format {suffix or path.name!r} "
                           f"(use .wav, {', '.join(_ENCODERS)})", field="path")
    samples = np.asarray(samples)
    if samples.ndim == 1:
        samples = samples[:, None]
    if samples.ndim != 2 or samples.shape[0] == 0:
        raise InvalidInput(f"samples: expected (n, channels) with n > 0 (got {samples.shape})", field="samples")
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".audio-", suffix=".wav", dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        _write_wav(samples, temp, sample_rate)
        temp.chmod(0o644)  # mkstemp makes it private; the result is an ordinary file
        if suffix == ".wav":
            os.replace(temp, path)
            return path
        encoded = temp.with_suffix(suffix)
        try:
            run_ffmpeg(["-i", str(temp), *_ENCODERS[suffix], str(encoded)],
                       duration_ms=round(1000 * samples.shape[0] / sample_rate), what="audio encode")
            os.replace(encoded, path)
        finally:
            encoded.unlink(missing_ok=True)
    finally:
        temp.unlink(missing_ok=True)
    return path


def library_file(cache_dir: Path, style: str, seconds: float, seed: int = 0, fmt: str = "m4a", *,
                 loop: bool = True, sample_rate: int = 48000) -> Path:
    """A file of ``style`` music, rendered once and then reused from ``cache_dir``.

    Named by everything that decides its samples (style, seed, length, loop, rate and
    :data:`LIBRARY_VERSION`), so a hit is always the right file."""
    fmt = fmt.lower().lstrip(".")
    millis = round(seconds * 1000)
    name = f"{style}-seed{seed}-{millis}ms-{'loop' if loop else 'end'}-{sample_rate}hz-v{LIBRARY_VERSION}.{fmt}"
    path = Path(cache_dir) / name
    if path.exists():
        return path
    return write_audio(render_music(style, seconds, seed, sample_rate, loop=loop), path, sample_rate)
