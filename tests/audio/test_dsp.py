"""The DSP blocks: our loudness meter agrees with pyloudnorm, limiting holds, loops fold."""

from __future__ import annotations

import numpy as np
import pyloudnorm
import pytest

from reelforge.audio._dsp import (
    adsr,
    fast_length,
    fold,
    integrated_loudness,
    limiter_gain,
    shaped_noise,
    soft_clip,
)

RATE = 48000


@pytest.mark.parametrize("kind", ["sine", "pink", "bursts"])
def test_integrated_loudness_agrees_with_pyloudnorm(kind: str) -> None:
    rng = np.random.default_rng(7)
    t = np.arange(5 * RATE) / RATE
    if kind == "sine":
        signal = np.stack([0.3 * np.sin(2 * np.pi * 997 * t), 0.1 * np.sin(2 * np.pi * 60 * t)])
    elif kind == "pink":
        signal = 0.1 * shaped_noise(rng, len(t), RATE, channels=2, tilt_db=-3.0)
    else:  # loud and near-silent halves exercise both gates
        signal = 0.2 * shaped_noise(rng, len(t), RATE, channels=2) * (np.sin(2 * np.pi * 0.5 * t) > 0)
    ours = integrated_loudness(signal.astype(np.float32), RATE)
    reference = pyloudnorm.Meter(RATE).integrated_loudness(signal.T.astype(np.float64))
    assert ours == pytest.approx(reference, abs=0.3)


def test_fold_wraps_tails_onto_the_head() -> None:
    buffer = np.arange(10, dtype=np.float32)[None, :]
    assert fold(buffer, 4).tolist() == [[0 + 4 + 8, 1 + 5 + 9, 2 + 6, 3 + 7]]


def test_shaped_noise_is_circular_and_unit_rms() -> None:
    noise = shaped_noise(np.random.default_rng(1), RATE, RATE, low_hz=200.0, high_hz=4000.0)[0]
    assert np.sqrt(np.mean(noise ** 2)) == pytest.approx(1.0, rel=1e-3)
    assert abs(noise[-1] - noise[0]) <= np.percentile(np.abs(np.diff(noise)), 99)


def test_limiter_and_soft_clip_keep_every_sample_under_the_ceiling() -> None:
    rng = np.random.default_rng(3)
    signal = (rng.standard_normal((2, RATE)) * 0.1).astype(np.float32)
    signal[:, 1000] = 4.0  # a spike far over
    ceiling = 10 ** (-1.5 / 20)
    limited = soft_clip(signal * limiter_gain(signal, RATE, ceiling=ceiling, loop=True), ceiling)
    assert np.abs(limited).max() < ceiling
    quiet = np.abs(limited[:, RATE // 2:]) < 0.2  # far from the spike, quiet material is untouched
    assert np.allclose(limited[:, RATE // 2:][quiet], signal[:, RATE // 2:][quiet], atol=1e-6)


def test_adsr_starts_and_ends_at_silence() -> None:
    env = adsr(RATE, RATE, attack=0.01, decay=0.1, sustain=0.5, hold=0.5, release=0.3)
    assert env[0] == 0.0 and env[-1] == 0.0
    assert env.max() == pytest.approx(1.0, abs=1e-3)
    assert env[int(0.49 * RATE)] == pytest.approx(0.5, abs=0.01)  # sustained until the hold ends


def test_fast_length_is_a_5_smooth_number_not_below_n() -> None:
    for n in (1, 7, 1000, 480_001, 2_880_000):
        size = fast_length(n)
        assert size >= n
        rest = size
        for prime in (2, 3, 5):
            while rest % prime == 0:
                rest //= prime
        assert rest == 1
