"""Shared renders: each style once at a short length, reused by the music tests."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.audio import STYLES, render_music

SECONDS = 12.0
SAMPLE_RATE = 48000


@pytest.fixture(scope="session")
def renders() -> dict[str, np.ndarray]:
    return {name: render_music(name, SECONDS, seed=0) for name in STYLES}


def onset_tempo(samples: np.ndarray, sample_rate: int = SAMPLE_RATE) -> float:
    """Tempo estimate in BPM: autocorrelation of the spectral-flux onset envelope,
    searched between 60 and 180 BPM (an independent check of the composer's tempo)."""
    mono = samples.mean(axis=1)
    frame, hop = 1024, 256
    count = (len(mono) - frame) // hop
    frames = np.lib.stride_tricks.sliding_window_view(mono, frame)[::hop][:count] * np.hanning(frame)
    magnitude = np.log1p(100.0 * np.abs(np.fft.rfft(frames, axis=1)))
    flux = np.maximum(np.diff(magnitude, axis=0), 0.0).sum(axis=1)
    flux -= flux.mean()
    correlation = np.correlate(flux, flux, mode="full")[len(flux) - 1:]
    frames_per_second = sample_rate / hop
    lags = np.arange(len(correlation))
    bpm = 60.0 * frames_per_second / np.maximum(lags, 1)
    window = (bpm >= 60.0) & (bpm <= 180.0)
    best = lags[window][np.argmax(correlation[window])]
    return float(60.0 * frames_per_second / best)


def spectral_centroid(samples: np.ndarray, sample_rate: int = SAMPLE_RATE) -> float:
    power = np.abs(np.fft.rfft(samples.mean(axis=1))) ** 2
    freqs = np.fft.rfftfreq(len(samples), 1.0 / sample_rate)
    return float((freqs * power).sum() / power.sum())


def seam_burst_ratio(samples: np.ndarray, sample_rate: int = SAMPLE_RATE, window: int = 256) -> float:
    """Energy above 12 kHz in a 5 ms window straddling the loop point, over the largest
    such energy anywhere inside the track.

    A click is a broadband burst that puts the seam far above everything the music does
    itself (> 1); in a seamless loop the seam is one more moment of the music (<= ~1).
    Hats and cymbals mask it in busy styles, as they would to a listener; in sparse
    styles (piano, ambient) it is very sensitive."""
    mono = samples.mean(axis=1)
    taper = np.hanning(window)
    high = np.fft.rfftfreq(window, 1.0 / sample_rate) > 12000.0
    frames = np.lib.stride_tricks.sliding_window_view(mono, window)[:: window // 4]
    inside = (np.abs(np.fft.rfft(frames * taper, axis=1))[:, high] ** 2).sum(axis=1)
    straddle = np.concatenate([mono[-window // 2:], mono[: window // 2]])
    seam = (np.abs(np.fft.rfft(straddle * taper))[high] ** 2).sum()
    return float(seam / max(float(inside.max()), 1e-20))
