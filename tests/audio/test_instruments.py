"""Voices sound at their pitch, begin and end in silence; drums are short and decay."""

from __future__ import annotations

import numpy as np
import pytest

from reelforge.audio._instruments import DRUMS, INSTRUMENTS, midi_to_hz

RATE = 48000


def test_midi_69_is_a440_and_octaves_double() -> None:
    assert midi_to_hz(69) == pytest.approx(440.0)
    assert midi_to_hz(81) == pytest.approx(880.0)


@pytest.mark.parametrize("name", sorted(INSTRUMENTS))
def test_each_voice_sounds_at_its_pitch(name: str) -> None:
    freq = midi_to_hz(57)  # A3, 220 Hz: inside every voice's range
    note = INSTRUMENTS[name](freq, 0.6, RATE)
    spectrum = np.abs(np.fft.rfft(note * np.hanning(len(note)), n=8 * len(note)))
    freqs = np.fft.rfftfreq(8 * len(note), 1 / RATE)
    peak = freqs[np.argmax(spectrum)]
    assert peak == pytest.approx(freq, rel=0.02)  # the fundamental is the strongest partial
    assert abs(note[0]) < 1e-3 and abs(note[-1]) < 1e-3
    assert np.isfinite(note).all() and np.abs(note).max() < 4.0


@pytest.mark.parametrize("name", sorted(DRUMS))
def test_each_drum_decays(name: str) -> None:
    hit = DRUMS[name](0.0, 0.0, RATE)
    assert len(hit) <= 2 * RATE
    tenth = max(1, len(hit) // 10)
    assert np.abs(hit[-tenth:]).max() < 0.2 * np.abs(hit).max()


def test_kick_is_low_and_hat_is_high() -> None:
    def centroid(signal: np.ndarray) -> float:
        power = np.abs(np.fft.rfft(signal)) ** 2
        return float((np.fft.rfftfreq(len(signal), 1 / RATE) * power).sum() / power.sum())

    assert centroid(DRUMS["kick"](0, 0, RATE)) < 200 < 6000 < centroid(DRUMS["hat"](0, 0, RATE))
