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


def onset_profile(samples: np.ndarray, tempo_bpm: float, low_hz: float, high_hz: float, *, beats: float = 4.0,
                  bins: int = 32, sample_rate: int = SAMPLE_RATE) -> np.ndarray:
    """How strongly notes start in one frequency band at each point of a bar (``beats`` long), averaged over the
    track: the spectral flux of that band, folded onto the beat grid of ``tempo_bpm``. The grid's origin is the
    track's first sample, where the composer's first bar begins."""
    mono = samples.mean(axis=1)
    frame, hop = 2048, 256
    count = (len(mono) - frame) // hop
    frames = np.lib.stride_tricks.sliding_window_view(mono, frame)[::hop][:count] * np.hanning(frame)
    freqs = np.fft.rfftfreq(frame, 1.0 / sample_rate)
    band = (freqs >= low_hz) & (freqs < high_hz)
    magnitude = np.abs(np.fft.rfft(frames, axis=1))[:, band]
    flux = np.maximum(np.diff(magnitude, axis=0), 0.0).sum(axis=1)
    seconds = ((np.arange(len(flux)) + 1) * hop + frame / 2) / sample_rate  # where each difference looks
    where = ((seconds * tempo_bpm / 60.0) % beats / beats * bins).astype(int) % bins
    return np.bincount(where, flux, bins) / np.maximum(np.bincount(where, minlength=bins), 1)


def on_the_beats(profile: np.ndarray) -> np.ndarray:
    """The strongest onset at each beat of a four-beat :func:`onset_profile` (one bin either side)."""
    per_beat = len(profile) // 4
    return np.array([profile[[(beat * per_beat + offset) % len(profile) for offset in (-1, 0, 1)]].max()
                     for beat in range(4)])


def swing_fraction(samples: np.ndarray, tempo_bpm: float, sample_rate: int = SAMPLE_RATE) -> float:
    """Where in the beat the off-beat cymbal/hat hits fall, measured from the on-beat hits: 0.5 is straight
    eighths, 2/3 a triplet swing (a long-short ratio of 2:1)."""
    bins = 48
    profile = onset_profile(samples, tempo_bpm, 5000.0, 14000.0, beats=1.0, bins=bins, sample_rate=sample_rate)
    on = int(np.argmax(profile))
    after = (np.arange(bins) - on) % bins
    window = (after >= 0.3 * bins) & (after <= 0.85 * bins)   # an off-beat hit lands somewhere in here
    off = int(np.flatnonzero(window)[np.argmax(profile[window])])
    return float(((off - on) % bins) / bins)


def low_share(samples: np.ndarray, below_hz: float = 100.0, sample_rate: int = SAMPLE_RATE) -> float:
    """The share of the track's energy below ``below_hz``: the weight of kick, sub and bass."""
    power = np.abs(np.fft.rfft(samples.mean(axis=1))) ** 2
    freqs = np.fft.rfftfreq(len(samples), 1.0 / sample_rate)
    return float(power[(freqs > 20.0) & (freqs < below_hz)].sum() / power.sum())
